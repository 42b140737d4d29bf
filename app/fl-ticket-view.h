/* fl-ticket-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-composer.h"
#include "fl-context.h"
#include "fl-sla-chips.h"
#include "fl-store.h"

G_BEGIN_DECLS

#define FL_TYPE_TICKET_VIEW (fl_ticket_view_get_type ())

G_DECLARE_FINAL_TYPE (FlTicketView, fl_ticket_view, FL, TICKET_VIEW, GtkWidget)

void        fl_ticket_view_set_store    (FlTicketView *self,
                                         FlStore      *store);
void        fl_ticket_view_set_context  (FlTicketView *self,
                                         FlContext    *context);
void        fl_ticket_view_show         (FlTicketView *self,
                                         gint64        ticket_id);
void        fl_ticket_view_clear        (FlTicketView *self);
FlTicket   *fl_ticket_view_get_ticket   (FlTicketView *self);
GListModel *fl_ticket_view_get_messages (FlTicketView *self);
FlComposer *fl_ticket_view_get_composer (FlTicketView *self);
FlContext  *fl_ticket_view_get_context  (FlTicketView *self);
FlSlaChips *fl_ticket_view_get_sla_chips (FlTicketView *self);
gboolean    fl_ticket_view_popup        (FlTicketView *self,
                                         const char   *field);

G_END_DECLS
