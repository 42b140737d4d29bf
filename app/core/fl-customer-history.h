/* fl-customer-history.h: one customer across every account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fl-customer.h"
#include "fl-ticket.h"

G_BEGIN_DECLS

#define FL_TYPE_CUSTOMER_HISTORY (fl_customer_history_get_type ())

G_DECLARE_FINAL_TYPE (FlCustomerHistory, fl_customer_history, FL, CUSTOMER_HISTORY, GObject)

FlCustomerHistory *fl_customer_history_new              (FlCustomer        *customer);
void               fl_customer_history_merge            (FlCustomerHistory *self,
                                                         FlCustomer        *other);
void               fl_customer_history_set_tickets      (FlCustomerHistory *self,
                                                         GPtrArray         *tickets,
                                                         guint              n_total);
FlCustomer        *fl_customer_history_get_customer     (FlCustomerHistory *self);
GListModel        *fl_customer_history_get_tickets      (FlCustomerHistory *self);
guint              fl_customer_history_get_n_tickets    (FlCustomerHistory *self);
guint              fl_customer_history_get_n_open       (FlCustomerHistory *self);
guint              fl_customer_history_get_n_accounts   (FlCustomerHistory *self);
gint64             fl_customer_history_get_first_contact (FlCustomerHistory *self);
double             fl_customer_history_get_csat         (FlCustomerHistory *self,
                                                         guint             *n_ratings);
const gint64      *fl_customer_history_get_customer_ids (FlCustomerHistory *self,
                                                         guint             *n_ids);

G_END_DECLS
