/* fl-ticket-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-ticket.h"

G_BEGIN_DECLS

#define FL_TYPE_TICKET_ROW (fl_ticket_row_get_type ())

G_DECLARE_FINAL_TYPE (FlTicketRow, fl_ticket_row, FL, TICKET_ROW, GtkWidget)

GtkWidget *fl_ticket_row_new        (void);
void       fl_ticket_row_set_ticket (FlTicketRow *self,
                                     FlTicket    *ticket,
                                     const char  *account_color);
void       fl_ticket_row_set_highlights (FlTicketRow        *self,
                                         const char * const *words);
FlTicket  *fl_ticket_row_get_ticket (FlTicketRow *self);
gboolean   fl_ticket_row_get_account_color (FlTicketRow *self,
                                            GdkRGBA     *color);
void       fl_ticket_row_update_time (FlTicketRow *self,
                                      gint64       now);

G_END_DECLS
