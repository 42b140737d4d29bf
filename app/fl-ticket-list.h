/* fl-ticket-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-query.h"
#include "fl-store.h"
#include "fl-ticket-list-model.h"

G_BEGIN_DECLS

#define FL_TYPE_TICKET_LIST (fl_ticket_list_get_type ())

G_DECLARE_FINAL_TYPE (FlTicketList, fl_ticket_list, FL, TICKET_LIST, GtkWidget)

void               fl_ticket_list_set_accounts (FlTicketList *self,
                                                GListModel   *accounts);
void               fl_ticket_list_set_store    (FlTicketList *self,
                                                FlStore      *store);
void               fl_ticket_list_set_query    (FlTicketList *self,
                                                FlQuery      *query);
const char        *fl_ticket_list_get_search_hint (FlTicketList *self);
void               fl_ticket_list_update_times    (FlTicketList *self);
FlTicketListModel *fl_ticket_list_get_model    (FlTicketList *self);
guint              fl_ticket_list_get_n_items  (FlTicketList *self);
gint64             fl_ticket_list_get_selected (FlTicketList *self);
void               fl_ticket_list_select       (FlTicketList *self,
                                                guint         position);
void               fl_ticket_list_move         (FlTicketList *self,
                                                int           delta,
                                                gboolean      extend);
GArray            *fl_ticket_list_get_selected_ids (FlTicketList *self);
guint              fl_ticket_list_get_n_selected   (FlTicketList *self);
void               fl_ticket_list_unselect_all     (FlTicketList *self);
GtkSelectionModel *fl_ticket_list_get_selection    (FlTicketList *self);
gboolean           fl_ticket_list_select_id    (FlTicketList *self,
                                                gint64        ticket_id);

G_END_DECLS
