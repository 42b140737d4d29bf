/* fl-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-context"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fl-context.h"
#include "fl-credentials.h"
#include "fl-demo-backend.h"
#include "fl-outbox.h"
#include "fl-rt-backend.h"

/**
 * FlContext:
 *
 * Owns what lives as long as a profile is open: the store, the accounts
 * and their backends, and the sync engine. The application creates one and
 * hands it to the windows; nothing reaches for a global instance.
 */
struct _FlContext
{
  GObject       parent_instance;

  char         *data_dir;
  GBytes       *demo_data;
  FlStore      *store;
  FlSyncEngine *sync_engine;
  FlOutbox     *outbox;
  GListStore   *accounts;
  GHashTable   *backends;   /* account id → FlBackend */
};

G_DEFINE_FINAL_TYPE (FlContext, fl_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
fl_context_finalize (GObject *object)
{
  FlContext *self = (FlContext *)object;

  /* An item still in flight holds the outbox: stop it reaching back into
   * this context, whose backends go now. */
  if (self->outbox != NULL)
    g_object_run_dispose (G_OBJECT (self->outbox));
  g_clear_pointer (&self->backends, g_hash_table_unref);
  g_clear_object (&self->accounts);
  g_clear_object (&self->outbox);
  g_clear_object (&self->sync_engine);
  g_clear_object (&self->store);
  g_clear_pointer (&self->demo_data, g_bytes_unref);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (fl_context_parent_class)->finalize (object);
}

static void
fl_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FlContext *self = FL_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_context_class_init (FlContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_context_finalize;
  object_class->get_property = fl_context_get_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FL_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fl_context_init (FlContext *self)
{
  self->accounts = g_list_store_new (FL_TYPE_ACCOUNT);
  self->backends = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

/**
 * fl_context_new:
 * @data_dir: the folder that holds the profile's database
 *
 * Returns: (transfer full): a context; load it before use
 */
FlContext *
fl_context_new (const char *data_dir)
{
  FlContext *self;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (FL_TYPE_CONTEXT, NULL);
  self->data_dir = g_strdup (data_dir);
  return self;
}

const char *
fl_context_get_data_dir (FlContext *self)
{
  g_return_val_if_fail (FL_IS_CONTEXT (self), NULL);

  return self->data_dir;
}

/**
 * fl_context_set_demo_data:
 * @data: the demo workspace document
 *
 * Sets where the demo workspace comes from; by default it is the copy in
 * the application's resources.
 */
void
fl_context_set_demo_data (FlContext *self,
                          GBytes    *data)
{
  g_return_if_fail (FL_IS_CONTEXT (self));

  g_clear_pointer (&self->demo_data, g_bytes_unref);
  self->demo_data = data ? g_bytes_ref (data) : NULL;
}

static GBytes *
get_demo_data (FlContext  *self,
               GError    **error)
{
  if (self->demo_data == NULL)
    self->demo_data = g_resources_lookup_data (FL_DEMO_RESOURCE, 0, error);

  return self->demo_data ? g_bytes_ref (self->demo_data) : NULL;
}

static FlBackend *
create_backend (FlContext  *self,
                FlAccount  *account,
                const char *token)
{
  if (g_strcmp0 (fl_account_get_kind (account), "demo") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) data = get_demo_data (self, &error);

      if (data == NULL)
        {
          g_warning ("The demo workspace is not available: %s", error->message);
          return NULL;
        }

      return FL_BACKEND (fl_demo_backend_new (account, data, g_get_real_time () / G_USEC_PER_SEC));
    }

  if (g_strcmp0 (fl_account_get_kind (account), "rt") == 0)
    {
      /* Without a token the account stays, waiting for one. */
      if (token == NULL)
        return NULL;
      return FL_BACKEND (fl_rt_backend_new (account, token));
    }

  g_debug ("No backend for accounts of kind %s", fl_account_get_kind (account));
  return NULL;
}

static void
add_account (FlContext  *self,
             FlAccount  *account,
             const char *token)
{
  FlBackend *backend = create_backend (self, account, token);
  gint64 id = fl_account_get_id (account);

  g_list_store_append (self->accounts, account);
  if (backend != NULL)
    g_hash_table_insert (self->backends, g_memdup2 (&id, sizeof id), backend);
}

typedef struct
{
  FlStore    *store;
  GHashTable *tokens;   /* account id → token */
} Loaded;

static void
loaded_free (Loaded *l)
{
  g_clear_object (&l->store);
  g_clear_pointer (&l->tokens, g_hash_table_unref);
  g_free (l);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FlContext *self = source_object;
  g_autofree char *path = g_build_filename (self->data_dir, "frontline.db", NULL);
  Loaded *loaded = task_data;
  GError *error = NULL;
  GPtrArray *accounts;

  if (!(loaded->store = fl_store_open (path, &error)) ||
      !(accounts = fl_store_list_accounts (loaded->store, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Tokens come from the keyring, here in the worker: a locked keyring
   * may take a while, and the UI must not wait on it. */
  for (guint i = 0; i < accounts->len; i++)
    {
      FlAccount *account = accounts->pdata[i];
      g_autoptr(GError) keyring_error = NULL;
      char *token;
      gint64 id = fl_account_get_id (account);

      if (g_strcmp0 (fl_account_get_kind (account), "rt") != 0)
        continue;

      token = fl_credentials_lookup_sync (fl_account_get_url (account),
                                          fl_account_get_username (account),
                                          cancellable, &keyring_error);
      if (keyring_error != NULL)
        g_warning ("No token for %s: %s", fl_account_get_name (account), keyring_error->message);
      if (token != NULL)
        g_hash_table_insert (loaded->tokens, g_memdup2 (&id, sizeof id), token);
    }

  g_task_return_pointer (task, accounts, (GDestroyNotify) g_ptr_array_unref);
}

static FlBackend *
resolve_backend (gint64        account_id,
                 const char  **author,
                 const char  **author_email,
                 gpointer      user_data)
{
  FlContext *self = user_data;

  /* The store fills in the author from the account's own agent. */
  if (author != NULL)
    *author = NULL;
  if (author_email != NULL)
    *author_email = NULL;

  return g_hash_table_lookup (self->backends, &account_id);
}

static void
after_send_synced_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  fl_sync_engine_sync_finish (FL_SYNC_ENGINE (object), result, &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Sync after sending failed: %s", error->message);
}

/* What a server accepted comes back with the next sync: run it now. An
 * overtaken reply syncs too, so the agent sees what the other person
 * wrote before choosing to send anyway. */
static void
on_item_sent_cb (FlContext    *self,
                 FlOutboxItem *item,
                 FlOutbox     *outbox)
{
  gint64 account_id = fl_outbox_item_get_account_id (item);
  FlBackend *backend = g_hash_table_lookup (self->backends, &account_id);

  if (backend != NULL && !(fl_backend_get_capabilities (backend) & FL_BACKEND_CAP_LOCAL))
    fl_sync_engine_sync_async (self->sync_engine, backend, NULL, after_send_synced_cb, NULL);
}

static void
on_item_failed_cb (FlContext    *self,
                   FlOutboxItem *item,
                   FlOutbox     *outbox)
{
  if (fl_outbox_item_get_state (item) == FL_OUTBOX_STALE)
    on_item_sent_cb (self, item, outbox);
}

/**
 * fl_context_load_async:
 *
 * Opens the store in a worker (migrating it if needed) and loads the
 * accounts.
 */
void
fl_context_load_async (FlContext           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Loaded *loaded;

  g_return_if_fail (FL_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_context_load_async);
  loaded = g_new0 (Loaded, 1);
  loaded->tokens = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) fl_credentials_free_token);
  g_task_set_task_data (task, loaded, (GDestroyNotify) loaded_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
fl_context_load_finish (FlContext     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_autoptr(GPtrArray) accounts = NULL;
  Loaded *loaded;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  accounts = g_task_propagate_pointer (G_TASK (result), error);
  if (accounts == NULL)
    return FALSE;

  loaded = g_task_get_task_data (G_TASK (result));
  self->store = g_object_ref (loaded->store);
  self->sync_engine = fl_sync_engine_new (self->store);
  self->outbox = fl_outbox_new (self->store, resolve_backend, self);
  g_signal_connect_object (self->outbox, "item-sent", G_CALLBACK (on_item_sent_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outbox, "item-failed", G_CALLBACK (on_item_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);

  for (guint i = 0; i < accounts->len; i++)
    {
      gint64 id = fl_account_get_id (accounts->pdata[i]);
      add_account (self, accounts->pdata[i], g_hash_table_lookup (loaded->tokens, &id));
    }

  /* Whatever an earlier run left in the outbox goes now. */
  fl_outbox_kick (self->outbox);

  return TRUE;
}

/**
 * fl_context_get_store:
 *
 * Returns: (transfer none) (nullable): the store, once loaded
 */
FlStore *
fl_context_get_store (FlContext *self)
{
  g_return_val_if_fail (FL_IS_CONTEXT (self), NULL);

  return self->store;
}

/**
 * fl_context_get_outbox:
 *
 * Returns: (transfer none) (nullable): the outbox, once loaded
 */
FlOutbox *
fl_context_get_outbox (FlContext *self)
{
  g_return_val_if_fail (FL_IS_CONTEXT (self), NULL);

  return self->outbox;
}

/**
 * fl_context_get_sync_engine:
 *
 * Returns: (transfer none) (nullable): the sync engine, once loaded
 */
FlSyncEngine *
fl_context_get_sync_engine (FlContext *self)
{
  g_return_val_if_fail (FL_IS_CONTEXT (self), NULL);

  return self->sync_engine;
}

/**
 * fl_context_get_accounts:
 *
 * Returns: (transfer none): a list model of #FlAccount
 */
GListModel *
fl_context_get_accounts (FlContext *self)
{
  g_return_val_if_fail (FL_IS_CONTEXT (self), NULL);

  return G_LIST_MODEL (self->accounts);
}

/**
 * fl_context_find_account:
 *
 * Returns: (transfer none) (nullable): the account with that id
 */
FlAccount *
fl_context_find_account (FlContext *self,
                         gint64     account_id)
{
  g_return_val_if_fail (FL_IS_CONTEXT (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); i++)
    {
      g_autoptr(FlAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (fl_account_get_id (account) == account_id)
        return account;
    }

  return NULL;
}

/**
 * fl_context_get_backend:
 *
 * Returns: (transfer none) (nullable): the account's backend
 */
FlBackend *
fl_context_get_backend (FlContext *self,
                        gint64     account_id)
{
  g_return_val_if_fail (FL_IS_CONTEXT (self), NULL);

  return g_hash_table_lookup (self->backends, &account_id);
}

gboolean
fl_context_has_demo (FlContext *self)
{
  g_return_val_if_fail (FL_IS_CONTEXT (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); i++)
    {
      g_autoptr(FlAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (g_strcmp0 (fl_account_get_kind (account), "demo") == 0)
        return TRUE;
    }

  return FALSE;
}

static void
demo_synced_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  fl_sync_engine_sync_finish (FL_SYNC_ENGINE (object), result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FlContext *self = source_object;
  FlAccount *account = task_data;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(FlDemoBackend) backend = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;

  if (!(data = get_demo_data (self, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  backend = fl_demo_backend_new (account, data, 0);
  if (!(templates = fl_demo_backend_get_templates (backend, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  name = fl_demo_backend_get_name (backend);
  fl_account_set_name (account, name ?: _("Demo workspace"));

  if (!fl_store_save_account (self->store, account, &error) ||
      !fl_store_save_templates (self->store, templates, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
demo_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FlContext *self = g_task_get_source_object (task);
  FlAccount *account = g_object_get_data (G_OBJECT (task), "account");
  GCancellable *cancellable;
  FlBackend *backend;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  add_account (self, account, NULL);
  backend = fl_context_get_backend (self, fl_account_get_id (account));
  if (backend == NULL)
    {
      g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_FAILED,
                               _("The demo workspace could not be opened"));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  fl_sync_engine_sync_async (self->sync_engine, backend, cancellable,
                             demo_synced_cb, g_steal_pointer (&task));
}

/**
 * fl_context_add_demo_async:
 *
 * Adds the demo workspace as an account, with its canned responses, and
 * syncs it into the store.
 */
void
fl_context_add_demo_async (FlContext           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) save = NULL;
  g_autoptr(FlAccount) account = NULL;

  g_return_if_fail (FL_IS_CONTEXT (self));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_context_add_demo_async);

  account = g_object_new (FL_TYPE_ACCOUNT,
                          "kind", "demo",
                          "name", _("Demo workspace"),
                          "color", "#3584e4",
                          "enabled", TRUE,
                          NULL);
  g_object_set_data_full (G_OBJECT (task), "account", g_object_ref (account), g_object_unref);

  save = g_task_new (self, cancellable, demo_saved_cb, g_steal_pointer (&task));
  g_task_set_source_tag (save, demo_thread);
  g_task_set_task_data (save, g_object_ref (account), g_object_unref);
  g_task_run_in_thread (save, demo_thread);
}

gboolean
fl_context_add_demo_finish (FlContext     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  guint   n_pending;
  GError *error;
} SyncAll;

static void
sync_all_free (SyncAll *sa)
{
  g_clear_error (&sa->error);
  g_free (sa);
}

static void
sync_one_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SyncAll *sa = g_task_get_task_data (task);
  GError *error = NULL;

  fl_sync_engine_sync_finish (FL_SYNC_ENGINE (object), result, &error);
  if (error != NULL && sa->error == NULL)
    sa->error = error;
  else
    g_clear_error (&error);

  if (--sa->n_pending > 0)
    return;

  if (sa->error != NULL)
    g_task_return_error (task, g_steal_pointer (&sa->error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * fl_context_sync_all_async:
 *
 * Syncs every enabled account at once. Finishes when all are done; the
 * error, if any, is the first one.
 */
void
fl_context_sync_all_async (FlContext           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SyncAll *sa;
  GListModel *accounts = G_LIST_MODEL (self->accounts);

  g_return_if_fail (FL_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_context_sync_all_async);
  sa = g_new0 (SyncAll, 1);
  g_task_set_task_data (task, sa, (GDestroyNotify) sync_all_free);

  /* Hold one count while starting, so a sync finishing at once cannot
   * complete the task early. */
  sa->n_pending = 1;
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(FlAccount) account = g_list_model_get_item (accounts, i);
      FlBackend *backend = fl_context_get_backend (self, fl_account_get_id (account));

      if (backend == NULL || !fl_account_get_enabled (account))
        continue;

      sa->n_pending++;
      fl_sync_engine_sync_async (self->sync_engine, backend, cancellable,
                                 sync_one_cb, g_object_ref (task));
    }

  if (--sa->n_pending == 0)
    g_task_return_boolean (task, TRUE);
}

gboolean
fl_context_sync_all_finish (FlContext     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  FlAccount *account;
  char      *token;
  gboolean   is_new;
} AccountOp;

static void
account_op_free (AccountOp *op)
{
  g_clear_object (&op->account);
  if (op->token != NULL)
    {
      memset (op->token, 0, strlen (op->token));
      g_free (op->token);
    }
  g_free (op);
}

static void
save_rt_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  FlContext *self = source_object;
  AccountOp *op = task_data;
  GError *error = NULL;

  /* The keyring first: an account whose token could not be kept is not
   * saved at all. */
  if (!fl_credentials_store_sync (fl_account_get_url (op->account),
                                  fl_account_get_username (op->account),
                                  op->token, cancellable, &error) ||
      !fl_store_save_account (self->store, op->account, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static gint64
account_position (FlContext *self,
                  gint64     account_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); i++)
    {
      g_autoptr(FlAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (fl_account_get_id (account) == account_id)
        return i;
    }

  return -1;
}

/**
 * fl_context_add_rt_account_async:
 * @url: the server
 * @user: the RT user the token belongs to (from "Test connection")
 * @token: the token; it goes to the keyring and nowhere else
 *
 * Adds a Request Tracker account, or gives an existing one for the same
 * server and user its new token.
 */
void
fl_context_add_rt_account_async (FlContext           *self,
                                 const char          *url,
                                 const char          *user,
                                 const char          *token,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  AccountOp *op;

  g_return_if_fail (FL_IS_CONTEXT (self));
  g_return_if_fail (url != NULL && user != NULL && token != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_context_add_rt_account_async);
  op = g_new0 (AccountOp, 1);
  op->token = g_strdup (token);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); i++)
    {
      g_autoptr(FlAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (g_strcmp0 (fl_account_get_url (account), url) == 0 &&
          g_strcmp0 (fl_account_get_username (account), user) == 0)
        op->account = g_object_ref (account);
    }

  if (op->account == NULL)
    {
      static const char * const colors[] = { "#e66100", "#2ec27e", "#9141ac", "#e5a50a", "#1c71d8" };
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));

      op->is_new = TRUE;
      op->account = g_object_new (FL_TYPE_ACCOUNT,
                                  "kind", "rt",
                                  "name", uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : url,
                                  "url", url,
                                  "username", user,
                                  "color", colors[n % G_N_ELEMENTS (colors)],
                                  "enabled", TRUE,
                                  NULL);
    }

  g_task_set_task_data (task, op, (GDestroyNotify) account_op_free);
  g_task_run_in_thread (task, save_rt_thread);
}

/**
 * fl_context_add_rt_account_finish:
 *
 * Returns: (transfer none): the account, now with a working backend
 */
FlAccount *
fl_context_add_rt_account_finish (FlContext     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  AccountOp *op;
  gint64 id;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  op = g_task_get_task_data (G_TASK (result));
  id = fl_account_get_id (op->account);

  if (op->is_new)
    add_account (self, op->account, op->token);
  else
    {
      /* A new token for an account that had none, or a rejected one. */
      g_hash_table_remove (self->backends, &id);
      g_hash_table_insert (self->backends, g_memdup2 (&id, sizeof id),
                           create_backend (self, op->account, op->token));
    }

  return op->account;
}

static void
remove_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FlContext *self = source_object;
  AccountOp *op = task_data;
  GError *error = NULL;

  if (g_strcmp0 (fl_account_get_kind (op->account), "rt") == 0 &&
      !fl_credentials_clear_sync (fl_account_get_url (op->account),
                                  fl_account_get_username (op->account),
                                  cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!fl_store_remove_account (self->store, fl_account_get_id (op->account), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * fl_context_remove_account_async:
 *
 * Removes an account, everything cached for it, and its token.
 */
void
fl_context_remove_account_async (FlContext           *self,
                                 FlAccount           *account,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AccountOp *op;

  g_return_if_fail (FL_IS_CONTEXT (self));
  g_return_if_fail (FL_IS_ACCOUNT (account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_context_remove_account_async);
  op = g_new0 (AccountOp, 1);
  op->account = g_object_ref (account);
  g_task_set_task_data (task, op, (GDestroyNotify) account_op_free);
  g_task_run_in_thread (task, remove_thread);
}

gboolean
fl_context_remove_account_finish (FlContext     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  AccountOp *op;
  gint64 id, position;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  op = g_task_get_task_data (G_TASK (result));
  id = fl_account_get_id (op->account);
  g_hash_table_remove (self->backends, &id);
  position = account_position (self, id);
  if (position >= 0)
    g_list_store_remove (self->accounts, position);

  return TRUE;
}

/**
 * fl_context_sync_account_async:
 *
 * Syncs one account.
 */
void
fl_context_sync_account_async (FlContext           *self,
                               FlAccount           *account,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  FlBackend *backend;

  g_return_if_fail (FL_IS_CONTEXT (self));

  backend = fl_context_get_backend (self, fl_account_get_id (account));
  if (backend == NULL)
    {
      g_task_report_new_error (self, callback, user_data, fl_context_sync_account_async,
                               FL_BACKEND_ERROR, FL_BACKEND_ERROR_NOT_AUTHORIZED,
                               _("There is no token for %s."), fl_account_get_name (account));
      return;
    }

  fl_sync_engine_sync_async (self->sync_engine, backend, cancellable, callback, user_data);
}

guint
fl_context_sync_account_finish (FlContext     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  /* The error reported when the account had no backend. */
  if (g_async_result_is_tagged (result, fl_context_sync_account_async))
    {
      g_task_propagate_int (G_TASK (result), error);
      return 0;
    }

  return fl_sync_engine_sync_finish (self->sync_engine, result, error);
}

static void
save_account_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  FlContext *self = source_object;
  GError *error = NULL;

  if (fl_store_save_account (self->store, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * fl_context_save_account_async:
 *
 * Saves an account's settings, such as whether it is enabled.
 */
void
fl_context_save_account_async (FlContext           *self,
                               FlAccount           *account,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FL_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_context_save_account_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);
  g_task_run_in_thread (task, save_account_thread);
}

gboolean
fl_context_save_account_finish (FlContext     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
