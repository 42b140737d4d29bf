/* fl-window-private.h: what tests may reach inside the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fl-bulk-bar.h"
#include "fl-customer-panel.h"
#include "fl-metrics-view.h"
#include "fl-inbox-keys.h"
#include "fl-sidebar.h"
#include "fl-ticket-list.h"
#include "fl-ticket-view.h"
#include "fl-window.h"

G_BEGIN_DECLS

FlSidebar      *fl_window_get_sidebar      (FlWindow *self);
FlInboxKeys    *fl_window_get_inbox_keys   (FlWindow *self);
FlTicketList   *fl_window_get_ticket_list  (FlWindow *self);
FlBulkBar      *fl_window_get_bulk_bar     (FlWindow *self);
FlTicketView   *fl_window_get_ticket_view  (FlWindow *self);
GtkSearchEntry *fl_window_get_search_entry (FlWindow *self);
const char     *fl_window_get_search_hint  (FlWindow *self);
const char     *fl_window_get_page         (FlWindow *self);
gboolean        fl_window_get_ticket_pane_shown (FlWindow *self);
gboolean        fl_window_get_token_banner_shown (FlWindow *self);
FlCustomerPanel *fl_window_get_customer_panel (FlWindow *self);
gboolean        fl_window_get_customer_panel_shown (FlWindow *self);
FlMetricsView  *fl_window_get_metrics_view (FlWindow *self);

void            fl_window_set_online       (FlWindow   *self,
                                            gboolean    online);
gboolean        fl_window_get_offline_banner_shown (FlWindow *self);
gint64          fl_window_save_search      (FlWindow   *self,
                                            const char *name);
gboolean        fl_window_rename_view      (FlWindow   *self,
                                            const char *name);

G_END_DECLS
