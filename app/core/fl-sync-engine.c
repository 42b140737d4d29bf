/* fl-sync-engine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-sync-engine"

#include "config.h"

#include "fl-sync-engine.h"

/**
 * FlSyncEngine:
 *
 * Runs a backend's fetches and writes each batch, with its cursor, to the
 * store in one transaction, until the backend says the sync is complete.
 * A sync that is cancelled or crashes leaves the store at the end of the
 * last whole batch, and the next sync resumes from its cursor.
 *
 * #FlSyncEngine::progress reports how many tickets were written so far.
 */
struct _FlSyncEngine
{
  GObject  parent_instance;

  FlStore *store;
  guint    n_running;
};

G_DEFINE_FINAL_TYPE (FlSyncEngine, fl_sync_engine, G_TYPE_OBJECT)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

typedef struct
{
  FlBackend   *backend;
  gint64       account_id;
  char        *cursor;
  FlSyncBatch *batch;
  guint        n_tickets;
} SyncData;

static void
sync_data_free (SyncData *d)
{
  g_clear_object (&d->backend);
  g_clear_pointer (&d->cursor, g_free);
  g_clear_pointer (&d->batch, fl_sync_batch_unref);
  g_free (d);
}

static void fetch_next (GTask *task);

static void
sync_done (GTask *task)
{
  FlSyncEngine *self = g_task_get_source_object (task);

  self->n_running--;
}

static void
apply_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FlSyncEngine *self = g_task_get_source_object (task);
  SyncData *d = g_task_get_task_data (task);
  GError *error = NULL;
  gboolean complete;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      sync_done (task);
      g_task_return_error (task, error);
      return;
    }

  /* Who "me" is may be learned by this batch: the account object the
   * rest of the app holds must know it too, not only the store. */
  if (fl_sync_batch_get_me (d->batch) != NULL)
    {
      GPtrArray *agents = fl_sync_batch_get_agents (d->batch);
      FlAccount *account = fl_backend_get_account (d->backend);

      for (guint i = 0; account != NULL && i < agents->len; i++)
        if (g_strcmp0 (fl_agent_get_remote_id (agents->pdata[i]), fl_sync_batch_get_me (d->batch)) == 0 &&
            fl_agent_get_id (agents->pdata[i]) != 0)
          fl_account_set_me_agent_id (account, fl_agent_get_id (agents->pdata[i]));
    }

  complete = fl_sync_batch_get_complete (d->batch);
  d->n_tickets += fl_sync_batch_get_tickets (d->batch)->len;
  g_free (d->cursor);
  d->cursor = g_strdup (fl_sync_batch_get_cursor (d->batch));
  g_clear_pointer (&d->batch, fl_sync_batch_unref);

  g_signal_emit (self, signals [PROGRESS], 0, d->account_id, d->n_tickets);

  if (complete)
    {
      sync_done (task);
      g_task_return_int (task, d->n_tickets);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      sync_done (task);
      return;
    }

  fetch_next (g_steal_pointer (&task));
}

static void
apply_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FlSyncEngine *self = source_object;
  SyncData *d = task_data;
  GError *error = NULL;

  if (fl_store_apply_batch (self->store, d->account_id, d->batch, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GTask) apply = NULL;
  SyncData *d = g_task_get_task_data (task);
  FlSyncEngine *self;
  GError *error = NULL;

  d->batch = fl_backend_fetch_finish (FL_BACKEND (object), result, &error);
  if (d->batch == NULL)
    {
      sync_done (task);
      g_task_return_error (task, error);
      return;
    }

  /* The write is not cancellable: a batch is applied whole or not at all,
   * and once fetched it is cheaper to keep it. */
  /* Arguments are evaluated in no set order: take what is needed from
   * the task before handing it over. */
  self = g_task_get_source_object (task);
  apply = g_task_new (self, NULL, apply_cb, g_steal_pointer (&task));
  g_task_set_source_tag (apply, apply_thread);
  g_task_set_task_data (apply, d, NULL);
  g_task_run_in_thread (apply, apply_thread);
}

static void
fetch_next (GTask *task)
{
  SyncData *d = g_task_get_task_data (task);

  fl_backend_fetch_async (d->backend, d->cursor, g_task_get_cancellable (task),
                          fetch_cb, task);
}

static void
cursor_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FlSyncEngine *self = source_object;
  SyncData *d = task_data;
  GError *error = NULL;

  d->cursor = fl_store_get_sync_cursor (self->store, d->account_id, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
cursor_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      sync_done (task);
      g_task_return_error (task, error);
      return;
    }

  fetch_next (g_steal_pointer (&task));
}

/**
 * fl_sync_engine_sync_async:
 * @backend: the account's backend
 *
 * Syncs one account, resuming from its saved cursor.
 */
void
fl_sync_engine_sync_async (FlSyncEngine        *self,
                           FlBackend           *backend,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) cursor = NULL;
  SyncData *d;

  g_return_if_fail (FL_IS_SYNC_ENGINE (self));
  g_return_if_fail (FL_IS_BACKEND (backend));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_sync_engine_sync_async);
  d = g_new0 (SyncData, 1);
  d->backend = g_object_ref (backend);
  d->account_id = fl_account_get_id (fl_backend_get_account (backend));
  g_task_set_task_data (task, d, (GDestroyNotify) sync_data_free);

  self->n_running++;

  cursor = g_task_new (self, NULL, cursor_cb, g_steal_pointer (&task));
  g_task_set_source_tag (cursor, cursor_thread);
  g_task_set_task_data (cursor, d, NULL);
  g_task_run_in_thread (cursor, cursor_thread);
}

/**
 * fl_sync_engine_sync_finish:
 *
 * Returns: the number of tickets written, or 0 with @error set
 */
guint
fl_sync_engine_sync_finish (FlSyncEngine  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  n = g_task_propagate_int (G_TASK (result), error);
  return n < 0 ? 0 : n;
}

guint
fl_sync_engine_get_n_running (FlSyncEngine *self)
{
  g_return_val_if_fail (FL_IS_SYNC_ENGINE (self), 0);

  return self->n_running;
}

static void
fl_sync_engine_finalize (GObject *object)
{
  FlSyncEngine *self = (FlSyncEngine *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (fl_sync_engine_parent_class)->finalize (object);
}

static void
fl_sync_engine_class_init (FlSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_sync_engine_finalize;

  /**
   * FlSyncEngine::progress:
   * @account_id: the account being synced
   * @n_tickets: tickets written so far in this sync
   */
  signals [PROGRESS] =
    g_signal_new ("progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);
}

static void
fl_sync_engine_init (FlSyncEngine *self)
{
}

FlSyncEngine *
fl_sync_engine_new (FlStore *store)
{
  FlSyncEngine *self;

  g_return_val_if_fail (FL_IS_STORE (store), NULL);

  self = g_object_new (FL_TYPE_SYNC_ENGINE, NULL);
  self->store = g_object_ref (store);
  return self;
}
