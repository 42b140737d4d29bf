/* fl-account.h: a connected helpdesk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fl-enums.h"
#include "fl-types.h"

G_BEGIN_DECLS

#define FL_TYPE_ACCOUNT (fl_account_get_type ())

G_DECLARE_FINAL_TYPE (FlAccount, fl_account, FL, ACCOUNT, GObject)

FlAccount  *fl_account_new             (void);
gint64      fl_account_get_id          (FlAccount *self);
void        fl_account_set_id          (FlAccount *self,
                                        gint64    value);
const char *fl_account_get_kind        (FlAccount *self);
void        fl_account_set_kind        (FlAccount  *self,
                                        const char *value);
const char *fl_account_get_name        (FlAccount *self);
void        fl_account_set_name        (FlAccount  *self,
                                        const char *value);
const char *fl_account_get_url         (FlAccount *self);
void        fl_account_set_url         (FlAccount  *self,
                                        const char *value);
const char *fl_account_get_username    (FlAccount *self);
void        fl_account_set_username    (FlAccount  *self,
                                        const char *value);
const char *fl_account_get_color       (FlAccount *self);
void        fl_account_set_color       (FlAccount  *self,
                                        const char *value);
gboolean    fl_account_get_enabled     (FlAccount *self);
void        fl_account_set_enabled     (FlAccount *self,
                                        gboolean  value);
gint64      fl_account_get_me_agent_id (FlAccount *self);
void        fl_account_set_me_agent_id (FlAccount *self,
                                        gint64    value);
gint64      fl_account_get_last_sync   (FlAccount *self);
void        fl_account_set_last_sync   (FlAccount *self,
                                        gint64    value);


G_END_DECLS
