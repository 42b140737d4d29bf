/* fl-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  FL_CHART_BARS,
  FL_CHART_LINE,
} FlChartKind;

#define FL_TYPE_CHART (fl_chart_get_type ())

G_DECLARE_FINAL_TYPE (FlChart, fl_chart, FL, CHART, GtkWidget)

GtkWidget   *fl_chart_new        (FlChartKind          kind);
void         fl_chart_set_data   (FlChart             *self,
                                  guint                n,
                                  const double        *values,
                                  const char * const  *labels,
                                  const char * const  *value_texts);
guint        fl_chart_get_n      (FlChart             *self);

G_END_DECLS
