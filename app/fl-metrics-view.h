/* fl-metrics-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-context.h"
#include "fl-metrics.h"

G_BEGIN_DECLS

typedef enum
{
  FL_METRICS_PERIOD_TODAY,
  FL_METRICS_PERIOD_7_DAYS,
  FL_METRICS_PERIOD_30_DAYS,
  FL_METRICS_PERIOD_CUSTOM,
} FlMetricsPeriod;

#define FL_TYPE_METRICS_VIEW (fl_metrics_view_get_type ())

G_DECLARE_FINAL_TYPE (FlMetricsView, fl_metrics_view, FL, METRICS_VIEW, GtkWidget)

void         fl_metrics_view_set_context   (FlMetricsView   *self,
                                            FlContext       *context);
void         fl_metrics_view_reload        (FlMetricsView   *self);
void         fl_metrics_view_set_period    (FlMetricsView   *self,
                                            FlMetricsPeriod  period);
void         fl_metrics_view_set_range     (FlMetricsView   *self,
                                            GDateTime       *first_day,
                                            GDateTime       *last_day);
void         fl_metrics_view_set_channel   (FlMetricsView   *self,
                                            int              channel);
gboolean     fl_metrics_view_get_loading   (FlMetricsView   *self);
FlMetrics   *fl_metrics_view_get_metrics   (FlMetricsView   *self);
const FlMetricsFilter *fl_metrics_view_get_filter (FlMetricsView *self);
const char  *fl_metrics_view_get_figure    (FlMetricsView   *self,
                                            const char      *key);
char        *fl_metrics_view_get_csv       (FlMetricsView   *self);
guint        fl_metrics_view_get_n_agent_rows (FlMetricsView *self);

G_END_DECLS
