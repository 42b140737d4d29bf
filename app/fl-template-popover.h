/* fl-template-popover.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-template.h"

G_BEGIN_DECLS

#define FL_TYPE_TEMPLATE_POPOVER (fl_template_popover_get_type ())

G_DECLARE_FINAL_TYPE (FlTemplatePopover, fl_template_popover, FL, TEMPLATE_POPOVER, GtkPopover)

GtkWidget  *fl_template_popover_new           (void);
void        fl_template_popover_set_templates (FlTemplatePopover *self,
                                               GPtrArray         *templates,
                                               GHashTable        *values);
void        fl_template_popover_set_query     (FlTemplatePopover *self,
                                               const char        *query);
guint       fl_template_popover_get_n_matches (FlTemplatePopover *self);

G_END_DECLS
