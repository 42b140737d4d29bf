/* fl-ticket-list-model.h: a GListModel over a query's ticket ids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fl-query.h"
#include "fl-store.h"
#include "fl-types.h"

G_BEGIN_DECLS

#define FL_TYPE_TICKET_LIST_MODEL (fl_ticket_list_model_get_type ())

/* How many ids a new query's first answer carries at most. */
#define FL_TICKET_LIST_MODEL_FIRST_PAGE 200

G_DECLARE_FINAL_TYPE (FlTicketListModel, fl_ticket_list_model, FL, TICKET_LIST_MODEL, GObject)

FlTicketListModel *fl_ticket_list_model_new          (FlStore           *store);
FlStore           *fl_ticket_list_model_get_store    (FlTicketListModel *self);
FlQuery           *fl_ticket_list_model_get_query    (FlTicketListModel *self);
void               fl_ticket_list_model_set_query    (FlTicketListModel *self,
                                                      FlQuery           *query);
gboolean           fl_ticket_list_model_get_loading  (FlTicketListModel *self);
gboolean           fl_ticket_list_model_get_answered (FlTicketListModel *self);
gboolean           fl_ticket_list_model_get_partial  (FlTicketListModel *self);
void               fl_ticket_list_model_refresh      (FlTicketListModel *self);
gint64             fl_ticket_list_model_get_id       (FlTicketListModel *self,
                                                      guint              position);
guint              fl_ticket_list_model_find         (FlTicketListModel *self,
                                                      gint64             ticket_id);
guint              fl_ticket_list_model_get_n_cached (FlTicketListModel *self);

G_END_DECLS
