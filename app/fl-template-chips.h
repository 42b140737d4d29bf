/* fl-template-chips.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-template.h"

G_BEGIN_DECLS

#define FL_TYPE_TEMPLATE_CHIPS (fl_template_chips_get_type ())

G_DECLARE_FINAL_TYPE (FlTemplateChips, fl_template_chips, FL, TEMPLATE_CHIPS, GtkWidget)

GtkWidget *fl_template_chips_new             (void);
void       fl_template_chips_set_suggestions (FlTemplateChips *self,
                                              GPtrArray       *templates,
                                              GHashTable      *values);
guint      fl_template_chips_get_n_chips     (FlTemplateChips *self);
GtkButton *fl_template_chips_get_chip        (FlTemplateChips *self,
                                              guint            index);

G_END_DECLS
