/* fl-customer-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-context.h"

G_BEGIN_DECLS

#define FL_TYPE_CUSTOMER_PANEL (fl_customer_panel_get_type ())

G_DECLARE_FINAL_TYPE (FlCustomerPanel, fl_customer_panel, FL, CUSTOMER_PANEL, GtkWidget)

void               fl_customer_panel_set_context (FlCustomerPanel *self,
                                                  FlContext       *context);
void               fl_customer_panel_show        (FlCustomerPanel *self,
                                                  FlTicket        *ticket);
void               fl_customer_panel_clear       (FlCustomerPanel *self);
FlCustomerHistory *fl_customer_panel_get_history (FlCustomerPanel *self);
GtkListBox        *fl_customer_panel_get_tickets_list (FlCustomerPanel *self);

G_END_DECLS
