/* fl-customer.h: a person who asks for help
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fl-enums.h"
#include "fl-types.h"

G_BEGIN_DECLS

#define FL_TYPE_CUSTOMER (fl_customer_get_type ())

G_DECLARE_FINAL_TYPE (FlCustomer, fl_customer, FL, CUSTOMER, GObject)

FlCustomer         *fl_customer_new              (void);
gint64              fl_customer_get_id           (FlCustomer *self);
void                fl_customer_set_id           (FlCustomer *self,
                                                  gint64     value);
gint64              fl_customer_get_account_id   (FlCustomer *self);
void                fl_customer_set_account_id   (FlCustomer *self,
                                                  gint64     value);
const char         *fl_customer_get_remote_id    (FlCustomer *self);
void                fl_customer_set_remote_id    (FlCustomer *self,
                                                  const char *value);
const char         *fl_customer_get_name         (FlCustomer *self);
void                fl_customer_set_name         (FlCustomer *self,
                                                  const char *value);
const char * const *fl_customer_get_emails       (FlCustomer *self);
void                fl_customer_set_emails       (FlCustomer         *self,
                                                  const char * const *value);
const char * const *fl_customer_get_phones       (FlCustomer *self);
void                fl_customer_set_phones       (FlCustomer         *self,
                                                  const char * const *value);
const char         *fl_customer_get_organisation (FlCustomer *self);
void                fl_customer_set_organisation (FlCustomer *self,
                                                  const char *value);
const char         *fl_customer_get_language     (FlCustomer *self);
void                fl_customer_set_language     (FlCustomer *self,
                                                  const char *value);
const char         *fl_customer_get_timezone     (FlCustomer *self);
void                fl_customer_set_timezone     (FlCustomer *self,
                                                  const char *value);
gint64              fl_customer_get_since        (FlCustomer *self);
void                fl_customer_set_since        (FlCustomer *self,
                                                  gint64     value);


const char *fl_customer_get_field          (FlCustomer *self,
                                            const char *name);
void        fl_customer_set_field          (FlCustomer *self,
                                            const char *name,
                                            const char *value);
char      **fl_customer_list_fields        (FlCustomer *self);

G_END_DECLS
