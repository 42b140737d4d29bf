/* fl-bulk-bar.h: the bar under the ticket list when several are selected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FL_TYPE_BULK_BAR (fl_bulk_bar_get_type ())

G_DECLARE_FINAL_TYPE (FlBulkBar, fl_bulk_bar, FL, BULK_BAR, GtkWidget)

void         fl_bulk_bar_set_count  (FlBulkBar          *self,
                                     guint               n_selected);
void         fl_bulk_bar_set_agents (FlBulkBar          *self,
                                     const char * const *names);
gboolean     fl_bulk_bar_get_shown  (FlBulkBar          *self);
const char  *fl_bulk_bar_get_label  (FlBulkBar          *self);

G_END_DECLS
