/* fl-outbox.h: sends what agents write, durably and at most once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fl-backend.h"
#include "fl-outbox-item.h"
#include "fl-store.h"

G_BEGIN_DECLS

/**
 * FlOutboxResolver:
 * @account_id: an account
 * @author: (out) (transfer none) (optional): the agent's display name
 * @author_email: (out) (transfer none) (optional): the agent's email
 *
 * Returns: (transfer none) (nullable): the account's backend
 */
typedef FlBackend *(*FlOutboxResolver) (gint64        account_id,
                                        const char  **author,
                                        const char  **author_email,
                                        gpointer      user_data);

#define FL_TYPE_OUTBOX (fl_outbox_get_type ())

G_DECLARE_FINAL_TYPE (FlOutbox, fl_outbox, FL, OUTBOX, GObject)

FlOutbox *fl_outbox_new              (FlStore             *store,
                                      FlOutboxResolver     resolver,
                                      gpointer             user_data);
void      fl_outbox_set_paused       (FlOutbox            *self,
                                      gboolean             paused);
void      fl_outbox_kick             (FlOutbox            *self);
gboolean  fl_outbox_get_busy         (FlOutbox            *self);
void      fl_outbox_enqueue_async    (FlOutbox            *self,
                                      FlOutboxItem        *item,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean  fl_outbox_enqueue_finish   (FlOutbox            *self,
                                      GAsyncResult        *result,
                                      GError             **error);
void      fl_outbox_retry_async      (FlOutbox            *self,
                                      FlOutboxItem        *item,
                                      gboolean             force,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
void      fl_outbox_discard_async    (FlOutbox            *self,
                                      FlOutboxItem        *item,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean  fl_outbox_change_finish    (FlOutbox            *self,
                                      GAsyncResult        *result,
                                      GError             **error);
gint64    fl_outbox_backoff          (guint                attempts,
                                      gint64               retry_after);

G_END_DECLS
