/* fl-context.h: the long-lived services of one Frontline profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fl-backend.h"
#include "fl-outbox.h"
#include "fl-store.h"
#include "fl-sync-engine.h"
#include "fl-types.h"

G_BEGIN_DECLS

#define FL_TYPE_CONTEXT (fl_context_get_type ())

G_DECLARE_FINAL_TYPE (FlContext, fl_context, FL, CONTEXT, GObject)

FlContext    *fl_context_new               (const char          *data_dir);
const char   *fl_context_get_data_dir      (FlContext           *self);
void          fl_context_set_demo_data     (FlContext           *self,
                                            GBytes              *data);
void          fl_context_load_async        (FlContext           *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      fl_context_load_finish       (FlContext           *self,
                                            GAsyncResult        *result,
                                            GError             **error);
FlStore      *fl_context_get_store         (FlContext           *self);
FlSyncEngine *fl_context_get_sync_engine   (FlContext           *self);
FlOutbox     *fl_context_get_outbox        (FlContext           *self);
GListModel   *fl_context_get_accounts      (FlContext           *self);
FlAccount    *fl_context_find_account      (FlContext           *self,
                                            gint64               account_id);
const FlSlaPolicy *fl_context_get_sla_policy (FlContext         *self,
                                              gint64             account_id);
void          fl_context_save_sla_policy_async  (FlContext           *self,
                                                 gint64               account_id,
                                                 const FlSlaPolicy   *policy,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean      fl_context_save_sla_policy_finish (FlContext           *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
FlBackend    *fl_context_get_backend       (FlContext           *self,
                                            gint64               account_id);
gboolean      fl_context_has_demo          (FlContext           *self);
void          fl_context_add_demo_async    (FlContext           *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      fl_context_add_demo_finish   (FlContext           *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void          fl_context_sync_all_async    (FlContext           *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      fl_context_sync_all_finish   (FlContext           *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void          fl_context_add_rt_account_async  (FlContext           *self,
                                                const char          *url,
                                                const char          *user,
                                                const char          *token,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
FlAccount    *fl_context_add_rt_account_finish (FlContext           *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void          fl_context_remove_account_async  (FlContext           *self,
                                                FlAccount           *account,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      fl_context_remove_account_finish (FlContext           *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void          fl_context_save_account_async    (FlContext           *self,
                                                FlAccount           *account,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      fl_context_save_account_finish   (FlContext           *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void          fl_context_sync_account_async    (FlContext           *self,
                                                FlAccount           *account,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
guint         fl_context_sync_account_finish   (FlContext           *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
