/* fl-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fl-attachment.h"
#include "fl-store-private.h"
#include "fl-search.h"
#include "fl-text.h"

/**
 * FlStore:
 *
 * The local cache of every account, in one SQLite database in WAL mode.
 *
 * One writer connection, guarded by a mutex, takes every write; reader
 * connections come from a pool so that queries run in parallel with a
 * sync. The blocking functions may be called from any thread; the UI calls
 * only the `_async` ones, which run on GIO's worker threads. After a write
 * commits, #FlStore::tickets-changed is emitted on the main context the
 * store was opened in.
 */
struct _FlStore
{
  GObject       parent_instance;

  char         *path;
  GMainContext *main_context;

  GMutex        writer_lock;
  FlDb         *writer;

  GMutex        readers_lock;
  GPtrArray    *idle_readers;

  int           schema_version;
};

G_DEFINE_FINAL_TYPE (FlStore, fl_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (fl-store-error-quark, fl_store_error)

enum {
  TICKETS_CHANGED,
  ACCOUNTS_CHANGED,
  OUTBOX_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
fl_store_finalize (GObject *object)
{
  FlStore *self = (FlStore *)object;

  g_clear_pointer (&self->idle_readers, g_ptr_array_unref);
  g_clear_pointer (&self->writer, fl_db_close);
  g_mutex_clear (&self->writer_lock);
  g_mutex_clear (&self->readers_lock);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (fl_store_parent_class)->finalize (object);
}

static void
fl_store_class_init (FlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_store_finalize;

  /**
   * FlStore::tickets-changed:
   * @ids: (element-type gint64): the ids of the tickets that were added or
   *   changed
   *
   * Emitted on the store's main context after a write committed.
   */
  signals [TICKETS_CHANGED] =
    g_signal_new ("tickets-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ARRAY);

  /**
   * FlStore::accounts-changed:
   *
   * Emitted when an account was added, changed or removed.
   */
  signals [ACCOUNTS_CHANGED] =
    g_signal_new ("accounts-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * FlStore::outbox-changed:
   *
   * Emitted when an outbox item was added or changed state.
   */
  signals [OUTBOX_CHANGED] =
    g_signal_new ("outbox-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
fl_store_init (FlStore *self)
{
  g_mutex_init (&self->writer_lock);
  g_mutex_init (&self->readers_lock);
  self->idle_readers = g_ptr_array_new_with_free_func ((GDestroyNotify) fl_db_close);
  self->main_context = g_main_context_ref_thread_default ();
}

static FlStore *
store_open (const char  *path,
            int          version,
            GError     **error)
{
  g_autoptr(FlStore) self = g_object_new (FL_TYPE_STORE, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  int from;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
      return NULL;
    }

  self->path = g_strdup (path);
  if (!(self->writer = fl_db_open (path, FALSE, error)))
    return NULL;

  if ((from = fl_store_schema_get_version (self->writer, error)) < 0 ||
      !fl_store_schema_migrate (self->writer, version, error))
    return NULL;

  /* The step that brought SLA policies: compute every due time once. */
  if (from < FL_STORE_SLA_SCHEMA_VERSION && version >= FL_STORE_SLA_SCHEMA_VERSION &&
      !fl_store_sla_refresh_all (self->writer, error))
    return NULL;

  self->schema_version = version;
  return g_steal_pointer (&self);
}

/**
 * fl_store_open:
 * @path: the database file; its folder is created if needed
 *
 * Opens the store and migrates its schema to the current version. This
 * blocks: the UI uses fl_store_open_async().
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
FlStore *
fl_store_open (const char  *path,
               GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return store_open (path, FL_STORE_SCHEMA_VERSION, error);
}

FlStore *
fl_store_open_at_version (const char  *path,
                          int          version,
                          GError     **error)
{
  return store_open (path, version, error);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  FlStore *store = fl_store_open (task_data, &error);

  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Signals belong to the caller's context, not the worker's. */
  g_main_context_unref (store->main_context);
  store->main_context = g_main_context_ref (g_task_get_context (task));
  g_task_return_pointer (task, store, g_object_unref);
}

void
fl_store_open_async (const char          *path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, fl_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * fl_store_open_finish:
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
FlStore *
fl_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
fl_store_get_path (FlStore *self)
{
  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  return self->path;
}

int
fl_store_get_schema_version (FlStore *self)
{
  g_return_val_if_fail (FL_IS_STORE (self), 0);

  return self->schema_version;
}

/* Readers: a connection per concurrent reader, kept for reuse. */
FlDb *
fl_store_reader_acquire (FlStore  *self,
                         GError  **error)
{
  FlDb *db = NULL;

  g_mutex_lock (&self->readers_lock);
  if (self->idle_readers->len > 0)
    db = g_ptr_array_steal_index_fast (self->idle_readers, self->idle_readers->len - 1);
  g_mutex_unlock (&self->readers_lock);

  if (db == NULL)
    db = fl_db_open (self->path, TRUE, error);

  return db;
}

void
fl_store_reader_release (FlStore *self,
                         FlDb    *db)
{
  if (db == NULL)
    return;

  g_mutex_lock (&self->readers_lock);
  if (self->idle_readers->len < 8)
    g_ptr_array_add (self->idle_readers, g_steal_pointer (&db));
  g_mutex_unlock (&self->readers_lock);

  fl_db_close (db);
}

/**
 * fl_store_read_rows:
 * @sql: a statement without parameters
 * @row_func: makes one item of each row
 * @free_func: frees an item
 * @failure: what the agent is told when reading fails, translated
 *
 * Runs @sql on a reader connection and collects what @row_func makes of
 * each row: the shape of every "list all the …" in the store.
 *
 * Returns: (transfer full): the items, or %NULL with @error set
 */
GPtrArray *
fl_store_read_rows (FlStore         *self,
                    const char      *sql,
                    FlStoreRowFunc   row_func,
                    GDestroyNotify   free_func,
                    const char      *failure,
                    GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_func);
  sqlite3_stmt *stmt;
  FlDb *db;
  int rc;

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;
  if (!(stmt = fl_db_prepare (db, sql, error)))
    {
      fl_store_reader_release (self, db);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, row_func (stmt));

  /* The error is read before the reset, which may clear its message. */
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, failure);
      sqlite3_reset (stmt);
      fl_store_reader_release (self, db);
      return NULL;
    }

  sqlite3_reset (stmt);
  fl_store_reader_release (self, db);
  return g_steal_pointer (&items);
}

typedef struct
{
  FlStore        *store;
  GArray         *ids;
  FlStoreChanged  what;
} Emission;

static gboolean
emit_changes (gpointer data)
{
  Emission *e = data;

  if (e->ids != NULL && e->ids->len > 0)
    g_signal_emit (e->store, signals [TICKETS_CHANGED], 0, e->ids);
  if (e->what & FL_STORE_CHANGED_ACCOUNTS)
    g_signal_emit (e->store, signals [ACCOUNTS_CHANGED], 0);
  if (e->what & FL_STORE_CHANGED_OUTBOX)
    g_signal_emit (e->store, signals [OUTBOX_CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static void
emission_free (gpointer data)
{
  Emission *e = data;

  g_object_unref (e->store);
  g_clear_pointer (&e->ids, g_array_unref);
  g_free (e);
}

static void
queue_emission (FlStore        *self,
                GArray         *ids,
                FlStoreChanged  what)
{
  Emission *e = g_new0 (Emission, 1);

  e->store = g_object_ref (self);
  e->ids = ids ? g_array_ref (ids) : NULL;
  e->what = what;

  /* Always from an idle: a writer on the main thread must not re-enter
   * its caller through a signal handler. */
  {
    g_autoptr(GSource) source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
    g_source_set_callback (source, emit_changes, e, emission_free);
    g_source_set_static_name (source, "[fl-store] emit changes");
    g_source_attach (source, self->main_context);
  }
}

/* Runs @func in one IMMEDIATE transaction on the writer connection, and
 * queues the change signal once it committed. */
gboolean
fl_store_write (FlStore           *self,
                FlStoreWriteFunc   func,
                gpointer           data,
                FlStoreChanged     what,
                GError           **error)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok;

  g_mutex_lock (&self->writer_lock);
  ok = fl_db_exec (self->writer, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      ok = func (self, self->writer, data, changed, error) &&
           fl_db_exec (self->writer, "COMMIT", error);
      if (!ok)
        fl_db_exec (self->writer, "ROLLBACK", NULL);
    }
  g_mutex_unlock (&self->writer_lock);

  if (ok && (changed->len > 0 || what != FL_STORE_CHANGED_NONE))
    queue_emission (self, changed, what);

  return ok;
}

/* Accounts */

static FlAccount *
account_from_row (sqlite3_stmt *stmt)
{
  FlAccount *account = fl_account_new ();

  fl_account_set_id (account, sqlite3_column_int64 (stmt, 0));
  fl_account_set_kind (account, (const char *) sqlite3_column_text (stmt, 1));
  fl_account_set_name (account, (const char *) sqlite3_column_text (stmt, 2));
  fl_account_set_url (account, (const char *) sqlite3_column_text (stmt, 3));
  fl_account_set_username (account, (const char *) sqlite3_column_text (stmt, 4));
  fl_account_set_color (account, (const char *) sqlite3_column_text (stmt, 5));
  fl_account_set_enabled (account, sqlite3_column_int (stmt, 6));
  fl_account_set_me_agent_id (account, sqlite3_column_int64 (stmt, 7));
  fl_account_set_last_sync (account, sqlite3_column_int64 (stmt, 8));
  return account;
}

/**
 * fl_store_list_accounts:
 *
 * Returns: (transfer full) (element-type FlAccount): the accounts in the
 *   order they were added
 */
GPtrArray *
fl_store_list_accounts (FlStore  *self,
                        GError  **error)
{
  static const char sql[] =
    "SELECT id, kind, name, url, username, color, enabled, me_agent_id, last_sync"
    " FROM accounts ORDER BY id";

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  return fl_store_read_rows (self, sql, (FlStoreRowFunc) account_from_row, g_object_unref,
                             _("Could not read the accounts"), error);
}

static gboolean
save_account_cb (FlStore  *self,
                 FlDb     *db,
                 gpointer  data,
                 GArray   *changed,
                 GError  **error)
{
  static const char insert_sql[] =
    "INSERT INTO accounts (kind, name, url, username, color, enabled)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id";
  static const char update_sql[] =
    "UPDATE accounts SET kind = ?1, name = ?2, url = ?3, username = ?4, color = ?5,"
    " enabled = ?6 WHERE id = ?7";
  FlAccount *account = data;
  gboolean is_new = fl_account_get_id (account) == 0;
  sqlite3_stmt *stmt = fl_db_prepare (db, is_new ? insert_sql : update_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, fl_account_get_kind (account), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, fl_account_get_name (account), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, fl_account_get_url (account), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, fl_account_get_username (account), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, fl_account_get_color (account), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, fl_account_get_enabled (account));
  if (!is_new)
    sqlite3_bind_int64 (stmt, 7, fl_account_get_id (account));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && is_new)
    fl_account_set_id (account, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not save the account"));
      return FALSE;
    }

  return TRUE;
}

/**
 * fl_store_save_account:
 * @account: the account; when its id is 0 it is added and gets an id
 *
 * Saves the account's settings. Its token is not part of it: tokens live
 * in the keyring only.
 */
gboolean
fl_store_save_account (FlStore    *self,
                       FlAccount  *account,
                       GError    **error)
{
  g_return_val_if_fail (FL_IS_STORE (self), FALSE);
  g_return_val_if_fail (FL_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (fl_account_get_kind (account) != NULL, FALSE);
  g_return_val_if_fail (fl_account_get_name (account) != NULL, FALSE);

  return fl_store_write (self, save_account_cb, account, FL_STORE_CHANGED_ACCOUNTS, error);
}

static gboolean
remove_account_cb (FlStore  *self,
                   FlDb     *db,
                   gpointer  data,
                   GArray   *changed,
                   GError  **error)
{
  static const char fts_sql[] =
    "DELETE FROM ticket_fts WHERE rowid IN (SELECT id FROM tickets WHERE account_id = ?1)";
  static const char sql[] = "DELETE FROM accounts WHERE id = ?1";
  gint64 account_id = *(gint64 *) data;
  sqlite3_stmt *stmt;

  /* The FTS table has no foreign key, so clear it by hand first. */
  if (!(stmt = fl_db_prepare (db, fts_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      fl_db_set_error (db, error, _("Could not remove the account"));
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (!(stmt = fl_db_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      fl_db_set_error (db, error, _("Could not remove the account"));
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * fl_store_remove_account:
 *
 * Removes an account and everything cached for it.
 */
gboolean
fl_store_remove_account (FlStore  *self,
                         gint64    account_id,
                         GError  **error)
{
  g_return_val_if_fail (FL_IS_STORE (self), FALSE);

  return fl_store_write (self, remove_account_cb, &account_id, FL_STORE_CHANGED_ACCOUNTS | FL_STORE_CHANGED_OUTBOX, error);
}

typedef struct
{
  gint64 account_id;
  FlSyncBatch *batch;
} ApplyBatch;

static gboolean
apply_batch_cb (FlStore  *self,
                FlDb     *db,
                gpointer  data,
                GArray   *changed,
                GError  **error)
{
  ApplyBatch *ab = data;

  return fl_store_write_batch (db, ab->account_id, ab->batch, changed, error);
}

/**
 * fl_store_apply_batch:
 * @account_id: the account the batch was fetched for
 * @batch: the records, with the cursor to resume from
 *
 * Writes a batch and its cursor in one transaction: after a crash the
 * store holds either all of the batch and its cursor, or neither.
 */
gboolean
fl_store_apply_batch (FlStore      *self,
                      gint64        account_id,
                      FlSyncBatch  *batch,
                      GError      **error)
{
  ApplyBatch ab = { account_id, batch };

  g_return_val_if_fail (FL_IS_STORE (self), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  return fl_store_write (self, apply_batch_cb, &ab,
                         (fl_sync_batch_get_me (batch) != NULL || fl_sync_batch_get_complete (batch))
                           ? FL_STORE_CHANGED_ACCOUNTS : FL_STORE_CHANGED_NONE,
                         error);
}

/**
 * fl_store_get_sync_cursor:
 *
 * Returns: (transfer full) (nullable): where the account's sync resumes
 */
char *
fl_store_get_sync_cursor (FlStore  *self,
                          gint64    account_id,
                          GError  **error)
{
  static const char sql[] = "SELECT cursor FROM sync_state WHERE account_id = ?1";
  char *cursor = NULL;
  FlDb *db;
  sqlite3_stmt *stmt;

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;
  if ((stmt = fl_db_prepare (db, sql, error)))
    {
      sqlite3_bind_int64 (stmt, 1, account_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        cursor = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  fl_store_reader_release (self, db);
  return cursor;
}

static gboolean
save_templates_cb (FlStore  *self,
                   FlDb     *db,
                   gpointer  data,
                   GArray   *changed,
                   GError  **error)
{
  static const char sql[] =
    "INSERT INTO templates (account_id, key, folder, name, shortcut, language, body, shared, actions)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    " ON CONFLICT (key, language) DO UPDATE SET"
    "  account_id = excluded.account_id, folder = excluded.folder, name = excluded.name,"
    "  shortcut = excluded.shortcut, body = excluded.body, shared = excluded.shared,"
    "  actions = excluded.actions"
    " RETURNING id";
  GPtrArray *templates = data;

  for (guint i = 0; i < templates->len; i++)
    {
      FlTemplate *t = templates->pdata[i];
      sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      if (fl_template_get_account_id (t) != 0)
        sqlite3_bind_int64 (stmt, 1, fl_template_get_account_id (t));
      sqlite3_bind_text (stmt, 2, fl_template_get_key (t), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, fl_template_get_folder (t), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, fl_template_get_name (t), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, fl_template_get_shortcut (t), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, fl_template_get_language (t), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, fl_template_get_body (t), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 8, fl_template_get_shared (t));
      sqlite3_bind_text (stmt, 9, fl_template_get_actions (t), -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        fl_template_set_id (t, sqlite3_column_int64 (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          fl_db_set_error (db, error, _("Could not save the canned responses"));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * fl_store_save_templates:
 * @templates: (element-type FlTemplate): templates to add or replace,
 *   matched by key and language
 */
gboolean
fl_store_save_templates (FlStore    *self,
                         GPtrArray  *templates,
                         GError    **error)
{
  g_return_val_if_fail (FL_IS_STORE (self), FALSE);

  return fl_store_write (self, save_templates_cb, templates, FL_STORE_CHANGED_NONE, error);
}

static gpointer
template_from_row (sqlite3_stmt *stmt)
{
  FlTemplate *t = fl_template_new ();

  fl_template_set_id (t, sqlite3_column_int64 (stmt, 0));
  fl_template_set_account_id (t, sqlite3_column_int64 (stmt, 1));
  fl_template_set_key (t, (const char *) sqlite3_column_text (stmt, 2));
  fl_template_set_folder (t, (const char *) sqlite3_column_text (stmt, 3));
  fl_template_set_name (t, (const char *) sqlite3_column_text (stmt, 4));
  fl_template_set_shortcut (t, (const char *) sqlite3_column_text (stmt, 5));
  fl_template_set_language (t, (const char *) sqlite3_column_text (stmt, 6));
  fl_template_set_body (t, (const char *) sqlite3_column_text (stmt, 7));
  fl_template_set_shared (t, sqlite3_column_int (stmt, 8));
  fl_template_set_actions (t, (const char *) sqlite3_column_text (stmt, 9));
  return t;
}

/**
 * fl_store_list_templates:
 *
 * Returns: (transfer full) (element-type FlTemplate): every template, by
 *   folder and name
 */
GPtrArray *
fl_store_list_templates (FlStore  *self,
                         GError  **error)
{
  static const char sql[] =
    "SELECT id, account_id, key, folder, name, shortcut, language, body, shared, actions"
    " FROM templates ORDER BY folder, key, language";

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  return fl_store_read_rows (self, sql, template_from_row, g_object_unref,
                             _("Could not read the canned responses"), error);
}

/* Queries */

/* Parameters shared by every generated query: ?1 now, ?2 the end of the
 * at-risk window, ?3 the channel, ?4 the account, ?5 the start of the
 * agent's visit to Mentions & Tags (never, outside one). A search adds its own
 * parameters from ?6 on, in the order of the params array. */
#define FIRST_SEARCH_PARAM 6

/* A search parameter: text, the tickets that match a full-text
 * expression (for fl_match()), or neither for "nothing searchable,
 * match nothing". */
typedef struct
{
  char       *text;
  FlMatchSet *set;
} SearchParam;

static void
search_param_free (SearchParam *param)
{
  g_free (param->text);
  g_clear_pointer (&param->set, fl_match_set_free);
  g_free (param);
}

static const char me_agents[] =
  "(SELECT me_agent_id FROM accounts WHERE me_agent_id IS NOT NULL)";

/* Adds a parameter, taking @text or @set, and returns its number. */
static guint
add_param (GPtrArray  *binds,
           char       *text,
           FlMatchSet *set)
{
  SearchParam *param = g_new0 (SearchParam, 1);

  param->text = text;
  param->set = set;
  g_ptr_array_add (binds, param);
  return FIRST_SEARCH_PARAM + binds->len - 1;
}

#define add_bind(binds, text) add_param (binds, text, NULL)
#define add_set(binds, set) add_param (binds, NULL, set)

/* Up to this many matches, a search looks them up by id and sorts them;
 * with more, it walks the view's index in the list's order and tests
 * each ticket. At 100 000 tickets a walk of the whole index costs about
 * 10 ms, a thousand lookups and their sort about 2 ms. */
#define FEW_MATCHES 1000

/* Appends the FTS5 form of a folded text term: each word a quoted prefix,
 * or, for a phrase, the words as one quoted phrase whose last word may be
 * a prefix. Only letters and digits get inside quotes, so nothing needs
 * escaping. */
static void
append_fts_words (GString    *match,
                  const char *folded,
                  gboolean    phrase)
{
  const char *p = folded;
  gboolean first = TRUE;

  if (phrase)
    g_string_append_c (match, '"');

  while (*p)
    {
      const char *start;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        continue;

      if (!first)
        g_string_append_c (match, ' ');
      first = FALSE;
      if (phrase)
        g_string_append_len (match, start, p - start);
      else
        {
          g_string_append_c (match, '"');
          g_string_append_len (match, start, p - start);
          g_string_append (match, "\"*");
        }
    }

  if (phrase)
    g_string_append (match, "\"*");
}

/* The FTS5 expression for one term, or NULL when it has no word. */
static char *
term_to_match (const FlSearchTerm *term)
{
  g_autoptr(GString) words = g_string_new (NULL);

  append_fts_words (words, term->value, term->phrase);
  if (words->len == 0 || g_str_equal (words->str, "\"\"*"))
    return NULL;

  /* from: looks in the customer's names and addresses only. */
  if (term->field == FL_SEARCH_FROM)
    return g_strdup_printf ("people : (%s)", words->str);
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static void
append_mask (GString    *sql,
             const char *column,
             guint       mask)
{
  gboolean first = TRUE;

  g_string_append_printf (sql, "%s IN (", column);
  for (guint v = 0; v < 32; v++)
    if (mask & (1u << v))
      {
        g_string_append_printf (sql, first ? "%u" : ", %u", v);
        first = FALSE;
      }
  g_string_append_c (sql, ')');
}

/* Turns a search into SQL conditions. Every positive text condition goes
 * into one FTS5 expression, so the index answers the search in one read;
 * negated ones exclude their own matches. The matches are read here,
 * before the query (see fl-store-match.c). */
static gboolean
append_search (FlDb           *db,
               GString        *sql,
               const FlQuery  *query,
               GPtrArray      *binds,
               gboolean       *by_id,
               GError        **error)
{
  g_autoptr(FlSearch) search = fl_search_parse (fl_query_get_text (query));
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(FlMatchSet) matches = NULL;
  guint n = fl_search_get_n_terms (search);

  /* Nothing searchable and nothing to explain ("!!!"): no ticket matches. */
  if (n == 0 && fl_search_get_hint (search) == NULL)
    {
      g_string_append_printf (sql, " AND ?%u IS NOT NULL", add_bind (binds, NULL));
      return TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      const FlSearchTerm *term = fl_search_get_term (search, i);
      g_autoptr(GString) cond = g_string_new (NULL);

      switch (term->field)
        {
        case FL_SEARCH_TEXT:
        case FL_SEARCH_FROM:
          {
            g_autofree char *expr = term_to_match (term);
            FlMatchSet *set;

            if (expr == NULL)
              continue;
            if (!term->negated)
              {
                if (match->len > 0)
                  g_string_append (match, " AND ");
                g_string_append (match, expr);
                continue;
              }
            if (!(set = fl_match_set_new (db, expr, error)))
              return FALSE;
            g_string_append_printf (cond, "fl_match (t.id, ?%u)", add_set (binds, set));
          }
          break;

        case FL_SEARCH_STATUS:
          append_mask (cond, "t.status", term->mask);
          break;

        case FL_SEARCH_CHANNEL:
          append_mask (cond, "t.channel", term->mask);
          break;

        case FL_SEARCH_PRIORITY:
          append_mask (cond, "t.priority", term->mask);
          break;

        case FL_SEARCH_ASSIGNEE_ME:
          g_string_append_printf (cond, "t.assignee_id IN %s", me_agents);
          break;

        case FL_SEARCH_ASSIGNEE_NONE:
          g_string_append (cond, "t.assignee_id IS NULL");
          break;

        case FL_SEARCH_ASSIGNEE:
          g_string_append_printf (cond,
                                  "t.assignee_id IN (SELECT id FROM agents WHERE instr (fl_fold ("
                                  "coalesce (name, '') || ' ' || coalesce (username, '') || ' ' ||"
                                  " coalesce (email, '')), ?%u) > 0)",
                                  add_bind (binds, g_strdup (term->value)));
          break;

        case FL_SEARCH_ACCOUNT:
          g_string_append_printf (cond,
                                  "t.account_id IN (SELECT id FROM accounts"
                                  " WHERE instr (fl_fold (name), ?%u) > 0)",
                                  add_bind (binds, g_strdup (term->value)));
          break;

        case FL_SEARCH_UNREAD:
          g_string_append (cond, "t.unread = 1");
          break;

        case FL_SEARCH_OPEN:
          g_string_append (cond, "t.is_open = 1");
          break;

        case FL_SEARCH_BEFORE:
          g_string_append_printf (cond, "t.created < %" G_GINT64_FORMAT, term->time);
          break;

        case FL_SEARCH_AFTER:
          g_string_append_printf (cond, "t.created >= %" G_GINT64_FORMAT, term->time);
          break;

        default:
          g_assert_not_reached ();
        }

      /* A NULL (no assignee) counts as not matching, so its negation holds. */
      if (term->negated)
        g_string_append_printf (sql, " AND NOT coalesce ((%s), 0)", cond->str);
      else
        g_string_append_printf (sql, " AND %s", cond->str);
    }

  if (match->len == 0)
    return TRUE;

  if (!(matches = fl_match_set_new (db, match->str, error)))
    return FALSE;

  /* A few matches are looked up by id (the caller keeps SQLite from
   * walking an index instead). Many are found by walking the view's
   * index in the list's order and testing each ticket, so a short
   * prefix, which matches most tickets, finds a first page after a few
   * hundred rows, and the whole list needs no sort. */
  if (fl_match_set_get_size (matches) <= FEW_MATCHES)
    {
      g_string_append (sql, " AND t.id IN ");
      fl_match_set_append_ids (matches, sql);
      *by_id = TRUE;
    }
  else
    g_string_append_printf (sql, " AND fl_match (t.id, ?%u)",
                            add_set (binds, g_steal_pointer (&matches)));

  return TRUE;
}

static gboolean
append_where (FlDb           *db,
              GString        *sql,
              const FlQuery  *query,
              GPtrArray      *binds,
              gboolean       *by_id,
              GError        **error)
{
  static const char me[] =
    "(SELECT me_agent_id FROM accounts WHERE me_agent_id IS NOT NULL)";

  g_string_append (sql, " WHERE ");

  switch (fl_query_get_view (query))
    {
    case FL_VIEW_INBOX:
      g_string_append (sql, "t.is_open = 1");
      break;

    case FL_VIEW_ASSIGNED_TO_ME:
      g_string_append_printf (sql, "t.assignee_id IN %s AND t.is_open = 1", me);
      break;

    case FL_VIEW_UNASSIGNED:
      g_string_append (sql, "t.assignee_id IS NULL AND t.is_open = 1");
      break;

    case FL_VIEW_MENTIONS:
      /* What is new for me, and during a visit what I read since it
       * began (?5); fl-store-agents.c explains the rule. */
      g_string_append (sql, "t.id IN (SELECT ticket_id FROM ticket_news"
                            " WHERE news_at > seen_at OR seen_at >= ?5)");
      break;

    case FL_VIEW_SLA_AT_RISK:
      /* Pending and on-hold tickets wait for someone else: their clock
       * is paused, so they are never at risk. */
      g_string_append (sql, "t.is_open = 1 AND t.status IN (0, 1)"
                            " AND t.due_at >= ?1 AND t.due_at < ?2");
      break;

    case FL_VIEW_BREACHED:
      /* Breached tickets are often most of the open ones: the unary +
       * keeps SQLite walking the open tickets in the list's order (their
       * index carries status and due date) rather than finding every
       * breached ticket by due date and sorting them all. */
      g_string_append (sql, "t.is_open = 1 AND t.status IN (0, 1) AND +t.due_at < ?1");
      break;

    case FL_VIEW_PENDING:
      g_string_append_printf (sql, "t.status = %d", FL_STATUS_PENDING);
      break;

    case FL_VIEW_SOLVED:
      g_string_append (sql, "t.is_open = 0");
      break;

    case FL_VIEW_CHANNEL:
      g_string_append (sql, "t.channel = ?3 AND t.is_open = 1");
      break;

    case FL_VIEW_ACCOUNT:
      g_string_append (sql, "t.account_id = ?4 AND t.is_open = 1");
      break;

    case FL_VIEW_ALL:
    default:
      g_string_append (sql, "1");
      break;
    }

  if (fl_query_get_text (query) != NULL)
    return append_search (db, sql, query, binds, by_id, error);
  return TRUE;
}

/* Writes "SELECT @what FROM tickets t WHERE …" for @query. When a search
 * lists its few matches by id, NOT INDEXED keeps SQLite from walking a
 * view's index to test them (about 4 ms at 100 000 tickets) instead of
 * looking them up (a fraction of a millisecond). */
static gboolean
append_select (FlDb           *db,
               GString        *sql,
               const char     *what,
               const FlQuery  *query,
               GPtrArray      *binds,
               GError        **error)
{
  g_autoptr(GString) where = g_string_new (NULL);
  gboolean by_id = FALSE;

  if (!append_where (db, where, query, binds, &by_id, error))
    return FALSE;
  g_string_append_printf (sql, "SELECT %s FROM tickets t%s%s",
                          what, by_id ? " NOT INDEXED" : "", where->str);
  return TRUE;
}

static void
append_order (GString       *sql,
              const FlQuery *query)
{
  switch (fl_query_get_sort (query))
    {
    case FL_SORT_DUE:
      g_string_append (sql, " ORDER BY t.due_at ASC, t.id ASC");
      break;

    case FL_SORT_PRIORITY:
      g_string_append (sql, " ORDER BY t.priority DESC, t.updated DESC, t.id DESC");
      break;

    case FL_SORT_CREATED:
      g_string_append (sql, " ORDER BY t.created DESC, t.id DESC");
      break;

    case FL_SORT_UPDATED:
    default:
      g_string_append (sql, " ORDER BY t.updated DESC, t.id DESC");
      break;
    }
}

static sqlite3_stmt *
prepare_query (FlDb          *db,
               const char    *sql,
               const FlQuery *query,
               GPtrArray     *binds,
               gboolean      *empty,
               GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 now = fl_query_get_now (query);

  *empty = FALSE;

  if (sqlite3_prepare_v2 (db->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      fl_db_set_error (db, error, _("Could not search the local database"));
      return NULL;
    }

  if (now == 0)
    now = g_get_real_time () / G_USEC_PER_SEC;

  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, now + fl_query_get_at_risk_window (query));
  sqlite3_bind_int (stmt, 3, fl_query_get_channel (query));
  sqlite3_bind_int64 (stmt, 4, fl_query_get_account_id (query));
  sqlite3_bind_int64 (stmt, 5, fl_query_get_visit_start (query) > 0
                                 ? fl_query_get_visit_start (query) : G_MAXINT64);

  for (guint i = 0; i < binds->len; i++)
    {
      SearchParam *param = binds->pdata[i];

      if (param->set != NULL)
        fl_match_set_bind (stmt, FIRST_SEARCH_PARAM + i, g_steal_pointer (&param->set));
      else if (param->text != NULL)
        sqlite3_bind_text (stmt, FIRST_SEARCH_PARAM + i, param->text, -1, SQLITE_TRANSIENT);
      else
        *empty = TRUE;
    }

  return stmt;
}

/* With a @limit, only the first @limit ids: SQLite then keeps the best
 * rows as it goes instead of sorting every match. */
static GArray *
query_ids (FlDb           *db,
           const FlQuery  *query,
           guint           limit,
           GError        **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) search_param_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean empty;
  int rc;

  if (!append_select (db, sql, "t.id", query, binds, error))
    return NULL;
  append_order (sql, query);
  if (limit > 0)
    g_string_append_printf (sql, " LIMIT %u", limit);

  if (!(stmt = prepare_query (db, sql->str, query, binds, &empty, error)))
    return NULL;

  while (!empty && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (!empty && rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not search the local database"));
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);
  return g_steal_pointer (&ids);
}

/**
 * fl_store_query_ids:
 * @query: which tickets, in which order
 *
 * Returns: (transfer full) (element-type gint64): the ids of the matching
 *   tickets, in the query's order
 */
GArray *
fl_store_query_ids (FlStore        *self,
                    const FlQuery  *query,
                    GError        **error)
{
  GArray *ids;
  FlDb *db;

  g_return_val_if_fail (FL_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;
  ids = query_ids (db, query, 0, error);
  fl_store_reader_release (self, db);
  return ids;
}

/**
 * fl_store_query_first_ids:
 * @query: which tickets, in which order
 * @limit: how many
 *
 * Returns: (transfer full) (element-type gint64): the ids of the first
 *   @limit matching tickets, in the query's order
 */
GArray *
fl_store_query_first_ids (FlStore        *self,
                          const FlQuery  *query,
                          guint           limit,
                          GError        **error)
{
  GArray *ids;
  FlDb *db;

  g_return_val_if_fail (FL_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (limit > 0, NULL);

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;
  ids = query_ids (db, query, limit, error);
  fl_store_reader_release (self, db);
  return ids;
}

static gboolean
count_query (FlDb           *db,
             const FlQuery  *query,
             guint          *count,
             GError        **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) search_param_free);
  sqlite3_stmt *stmt;
  gboolean empty;
  int rc = SQLITE_ROW;

  if (!append_select (db, sql, "count(*)", query, binds, error))
    return FALSE;
  if (!(stmt = prepare_query (db, sql->str, query, binds, &empty, error)))
    return FALSE;

  *count = 0;
  if (!empty && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    {
      fl_db_set_error (db, error, _("Could not count tickets"));
      return FALSE;
    }

  return TRUE;
}

guint
fl_store_count (FlStore        *self,
                const FlQuery  *query,
                GError        **error)
{
  guint count = 0;
  FlDb *db;

  g_return_val_if_fail (FL_IS_STORE (self), 0);

  if (!(db = fl_store_reader_acquire (self, error)))
    return 0;
  count_query (db, query, &count, error);
  fl_store_reader_release (self, db);
  return count;
}

/**
 * fl_store_count_many:
 * @queries: (element-type FlQuery): the queries to count
 *
 * Counts several queries in one read transaction, so the counts agree
 * with each other.
 *
 * Returns: (transfer full) (element-type guint): one count per query
 */
GArray *
fl_store_count_many (FlStore    *self,
                     GPtrArray  *queries,
                     GError    **error)
{
  g_autoptr(GArray) counts = g_array_sized_new (FALSE, TRUE, sizeof (guint), queries->len);
  FlDb *db;
  gboolean ok = TRUE;

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;

  ok = fl_db_exec (db, "BEGIN", error);
  for (guint i = 0; ok && i < queries->len; i++)
    {
      guint count;

      ok = count_query (db, queries->pdata[i], &count, error);
      g_array_append_val (counts, count);
    }
  fl_db_exec (db, "COMMIT", NULL);
  fl_store_reader_release (self, db);

  return ok ? g_steal_pointer (&counts) : NULL;
}

#define TICKET_COLUMNS \
  "t.id, t.account_id, t.remote_id, t.subject, t.status, t.priority, t.channel," \
  " t.customer_id, c.name, c.emails, t.assignee_id, a.name, t.created, t.updated," \
  " t.first_response_at, t.due_first_response, t.due_resolution, t.unread, t.snippet," \
  " t.csat, t.ces, t.tags, t.due_at" \
  " FROM tickets t" \
  " LEFT JOIN customers c ON c.id = t.customer_id" \
  " LEFT JOIN agents a ON a.id = t.assignee_id"

static void
set_strv_from_column (FlTicket      *ticket,
                      sqlite3_stmt  *stmt,
                      int            col,
                      void         (*setter) (FlTicket *, const char * const *))
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  g_auto(GStrv) strv = text ? g_strsplit (text, "\n", -1) : NULL;

  setter (ticket, (const char * const *) strv);
}

static FlTicket *
ticket_from_row (sqlite3_stmt *stmt)
{
  FlTicket *ticket = fl_ticket_new ();
  const char *emails = (const char *) sqlite3_column_text (stmt, 9);
  g_autofree char *email = NULL;

  if (emails != NULL)
    {
      const char *nl = strchr (emails, '\n');
      email = nl ? g_strndup (emails, nl - emails) : g_strdup (emails);
    }

  fl_ticket_set_id (ticket, sqlite3_column_int64 (stmt, 0));
  fl_ticket_set_account_id (ticket, sqlite3_column_int64 (stmt, 1));
  fl_ticket_set_remote_id (ticket, (const char *) sqlite3_column_text (stmt, 2));
  fl_ticket_set_subject (ticket, (const char *) sqlite3_column_text (stmt, 3));
  fl_ticket_set_status (ticket, CLAMP (sqlite3_column_int (stmt, 4), 0, FL_N_STATUSES - 1));
  fl_ticket_set_priority (ticket, CLAMP (sqlite3_column_int (stmt, 5), 0, FL_N_PRIORITIES - 1));
  fl_ticket_set_channel (ticket, CLAMP (sqlite3_column_int (stmt, 6), 0, FL_N_CHANNELS - 1));
  fl_ticket_set_customer_id (ticket, sqlite3_column_int64 (stmt, 7));
  fl_ticket_set_requester (ticket, (const char *) sqlite3_column_text (stmt, 8));
  fl_ticket_set_requester_email (ticket, email);
  fl_ticket_set_assignee_id (ticket, sqlite3_column_int64 (stmt, 10));
  fl_ticket_set_assignee (ticket, (const char *) sqlite3_column_text (stmt, 11));
  fl_ticket_set_created (ticket, sqlite3_column_int64 (stmt, 12));
  fl_ticket_set_updated (ticket, sqlite3_column_int64 (stmt, 13));
  fl_ticket_set_first_response_at (ticket, sqlite3_column_int64 (stmt, 14));
  fl_ticket_set_due_first_response (ticket, sqlite3_column_int64 (stmt, 15));
  fl_ticket_set_due_resolution (ticket, sqlite3_column_int64 (stmt, 16));
  fl_ticket_set_unread (ticket, sqlite3_column_int (stmt, 17));
  fl_ticket_set_snippet (ticket, (const char *) sqlite3_column_text (stmt, 18));
  fl_ticket_set_csat (ticket, CLAMP (sqlite3_column_int (stmt, 19), 0, 5));
  fl_ticket_set_ces (ticket, CLAMP (sqlite3_column_int (stmt, 20), 0, 7));
  set_strv_from_column (ticket, stmt, 21, fl_ticket_set_tags);
  if (sqlite3_column_int64 (stmt, 22) != FL_DUE_NONE)
    fl_ticket_set_sla_due (ticket, sqlite3_column_int64 (stmt, 22));
  return ticket;
}

static GPtrArray *
load_tickets (FlDb          *db,
              const gint64  *ids,
              guint          n_ids,
              GError       **error)
{
  static const char sql[] = "SELECT " TICKET_COLUMNS " WHERE t.id = ?1";
  g_autoptr(GPtrArray) tickets = g_ptr_array_new_full (n_ids, g_object_unref);

  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
      int rc;

      if (stmt == NULL)
        return NULL;

      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (tickets, ticket_from_row (stmt));
      sqlite3_reset (stmt);

      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          fl_db_set_error (db, error, _("Could not read tickets"));
          return NULL;
        }
    }

  return g_steal_pointer (&tickets);
}

GPtrArray *
fl_store_db_load_tickets (FlDb          *db,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  return load_tickets (db, ids, n_ids, error);
}

/**
 * fl_store_load_tickets:
 * @ids: (array length=n_ids): ticket ids
 *
 * Loads tickets for display. Ids that no longer exist are skipped.
 *
 * Returns: (transfer full) (element-type FlTicket): the tickets
 */
GPtrArray *
fl_store_load_tickets (FlStore       *self,
                       const gint64  *ids,
                       guint          n_ids,
                       GError       **error)
{
  GPtrArray *tickets;
  FlDb *db;

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;
  if (!fl_db_exec (db, "BEGIN", error))
    {
      fl_store_reader_release (self, db);
      return NULL;
    }
  tickets = load_tickets (db, ids, n_ids, error);
  fl_db_exec (db, "COMMIT", NULL);
  fl_store_reader_release (self, db);
  return tickets;
}

/**
 * fl_store_load_ticket:
 *
 * Loads one ticket with its followers.
 *
 * Returns: (transfer full): the ticket, or %NULL with
 *   %FL_STORE_ERROR_NOT_FOUND
 */
FlTicket *
fl_store_load_ticket (FlStore  *self,
                      gint64    ticket_id,
                      GError  **error)
{
  static const char followers_sql[] =
    "SELECT a.name FROM ticket_followers f JOIN agents a ON a.id = f.agent_id"
    " WHERE f.ticket_id = ?1 ORDER BY a.name";
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GPtrArray) followers = g_ptr_array_new_with_free_func (g_free);
  FlTicket *ticket;
  FlDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;

  fl_db_exec (db, "BEGIN", NULL);
  tickets = load_tickets (db, &ticket_id, 1, error);
  if (tickets != NULL && (stmt = fl_db_prepare (db, followers_sql, error)))
    {
      sqlite3_bind_int64 (stmt, 1, ticket_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (followers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }
  fl_db_exec (db, "COMMIT", NULL);
  fl_store_reader_release (self, db);

  if (tickets == NULL)
    return NULL;

  if (tickets->len == 0)
    {
      g_set_error (error, FL_STORE_ERROR, FL_STORE_ERROR_NOT_FOUND,
                   _("The ticket is no longer in the local database"));
      return NULL;
    }

  ticket = g_object_ref (tickets->pdata[0]);
  g_ptr_array_add (followers, NULL);
  fl_ticket_set_followers (ticket, (const char * const *) followers->pdata);
  return ticket;
}

static FlMessage *
message_from_row (sqlite3_stmt *stmt)
{
  FlMessage *m = fl_message_new ();

  fl_message_set_id (m, sqlite3_column_int64 (stmt, 0));
  fl_message_set_ticket_id (m, sqlite3_column_int64 (stmt, 1));
  fl_message_set_remote_id (m, (const char *) sqlite3_column_text (stmt, 2));
  fl_message_set_kind (m, CLAMP (sqlite3_column_int (stmt, 3), 0, FL_MESSAGE_EVENT));
  fl_message_set_direction (m, CLAMP (sqlite3_column_int (stmt, 4), 0, FL_DIRECTION_OUTBOUND));
  fl_message_set_author (m, (const char *) sqlite3_column_text (stmt, 5));
  fl_message_set_author_email (m, (const char *) sqlite3_column_text (stmt, 6));
  fl_message_set_created (m, sqlite3_column_int64 (stmt, 7));
  fl_message_set_text (m, (const char *) sqlite3_column_text (stmt, 8));
  fl_message_set_html (m, (const char *) sqlite3_column_text (stmt, 9));
  fl_message_set_event_field (m, (const char *) sqlite3_column_text (stmt, 10));
  fl_message_set_event_old (m, (const char *) sqlite3_column_text (stmt, 11));
  fl_message_set_event_new (m, (const char *) sqlite3_column_text (stmt, 12));
  return m;
}

static GPtrArray *
load_messages (FlDb    *db,
               gint64   ticket_id,
               GError **error)
{
  static const char sql[] =
    "SELECT id, ticket_id, remote_id, kind, direction, author, author_email, created,"
    " text, html, event_field, event_old, event_new"
    " FROM messages WHERE ticket_id = ?1 ORDER BY created, id";
  static const char attachments_sql[] =
    "SELECT a.id, a.message_id, a.remote_id, a.name, a.mime_type, a.size"
    " FROM attachments a JOIN messages m ON m.id = a.message_id"
    " WHERE m.ticket_id = ?1 ORDER BY a.id";
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = fl_db_prepare (db, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FlMessage *m = message_from_row (stmt);
      gint64 id = fl_message_get_id (m);

      g_ptr_array_add (messages, m);
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not read the conversation"));
      return NULL;
    }

  if (!(stmt = fl_db_prepare (db, attachments_sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(FlAttachment) a = fl_attachment_new ();
      gint64 message_id = sqlite3_column_int64 (stmt, 1);
      FlMessage *m = g_hash_table_lookup (by_id, &message_id);

      fl_attachment_set_id (a, sqlite3_column_int64 (stmt, 0));
      fl_attachment_set_message_id (a, message_id);
      fl_attachment_set_remote_id (a, (const char *) sqlite3_column_text (stmt, 2));
      fl_attachment_set_name (a, (const char *) sqlite3_column_text (stmt, 3));
      fl_attachment_set_mime_type (a, (const char *) sqlite3_column_text (stmt, 4));
      fl_attachment_set_size (a, sqlite3_column_int64 (stmt, 5));
      if (m != NULL)
        fl_message_add_attachment (m, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not read the conversation"));
      return NULL;
    }

  return g_steal_pointer (&messages);
}

GPtrArray *
fl_store_db_load_messages (FlDb    *db,
                           gint64   ticket_id,
                           GError **error)
{
  return load_messages (db, ticket_id, error);
}

/**
 * fl_store_load_messages:
 *
 * Returns: (transfer full) (element-type FlMessage): the ticket's
 *   conversation, oldest first, with attachments
 */
GPtrArray *
fl_store_load_messages (FlStore  *self,
                        gint64    ticket_id,
                        GError  **error)
{
  GPtrArray *messages;
  FlDb *db;

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;
  fl_db_exec (db, "BEGIN", NULL);
  messages = load_messages (db, ticket_id, error);
  fl_db_exec (db, "COMMIT", NULL);
  fl_store_reader_release (self, db);
  return messages;
}

/**
 * fl_store_load_customer:
 *
 * Returns: (transfer full): the customer, or %NULL with
 *   %FL_STORE_ERROR_NOT_FOUND
 */
FlCustomer *
fl_store_load_customer (FlStore  *self,
                        gint64    customer_id,
                        GError  **error)
{
  static const char sql[] =
    "SELECT id, account_id, remote_id, name, emails, phones, organisation, language,"
    " timezone, since, fields FROM customers WHERE id = ?1";
  g_autoptr(FlCustomer) customer = NULL;
  FlDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;

  if ((stmt = fl_db_prepare (db, sql, error)))
    {
      sqlite3_bind_int64 (stmt, 1, customer_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *emails = (const char *) sqlite3_column_text (stmt, 4);
          const char *phones = (const char *) sqlite3_column_text (stmt, 5);
          const char *fields = (const char *) sqlite3_column_text (stmt, 10);
          g_auto(GStrv) email_v = emails ? g_strsplit (emails, "\n", -1) : NULL;
          g_auto(GStrv) phone_v = phones ? g_strsplit (phones, "\n", -1) : NULL;

          customer = fl_customer_new ();
          fl_customer_set_id (customer, sqlite3_column_int64 (stmt, 0));
          fl_customer_set_account_id (customer, sqlite3_column_int64 (stmt, 1));
          fl_customer_set_remote_id (customer, (const char *) sqlite3_column_text (stmt, 2));
          fl_customer_set_name (customer, (const char *) sqlite3_column_text (stmt, 3));
          fl_customer_set_emails (customer, (const char * const *) email_v);
          fl_customer_set_phones (customer, (const char * const *) phone_v);
          fl_customer_set_organisation (customer, (const char *) sqlite3_column_text (stmt, 6));
          fl_customer_set_language (customer, (const char *) sqlite3_column_text (stmt, 7));
          fl_customer_set_timezone (customer, (const char *) sqlite3_column_text (stmt, 8));
          fl_customer_set_since (customer, sqlite3_column_int64 (stmt, 9));

          if (fields != NULL)
            {
              g_autoptr(JsonNode) node = json_from_string (fields, NULL);

              if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
                {
                  JsonObject *obj = json_node_get_object (node);
                  g_autoptr(GList) members = json_object_get_members (obj);

                  for (GList *l = members; l; l = l->next)
                    {
                      JsonNode *value = json_object_get_member (obj, l->data);

                      if (JSON_NODE_HOLDS_VALUE (value) &&
                          json_node_get_value_type (value) == G_TYPE_STRING)
                        fl_customer_set_field (customer, l->data, json_node_get_string (value));
                    }
                }
            }
        }
      sqlite3_reset (stmt);
    }
  fl_store_reader_release (self, db);

  if (customer == NULL && error != NULL && *error == NULL)
    g_set_error (error, FL_STORE_ERROR, FL_STORE_ERROR_NOT_FOUND,
                 _("The customer is no longer in the local database"));

  return g_steal_pointer (&customer);
}

/**
 * fl_store_list_agents:
 * @account_id: the account, or 0 for every account
 *
 * Returns: (transfer full) (element-type FlAgent): the agents by name
 */
GPtrArray *
fl_store_list_agents (FlStore  *self,
                      gint64    account_id,
                      GError  **error)
{
  static const char sql[] =
    "SELECT id, account_id, remote_id, username, name, email FROM agents"
    " WHERE ?1 = 0 OR account_id = ?1 ORDER BY name, id";
  g_autoptr(GPtrArray) agents = g_ptr_array_new_with_free_func (g_object_unref);
  FlDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;
  if (!(stmt = fl_db_prepare (db, sql, error)))
    {
      fl_store_reader_release (self, db);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, account_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      FlAgent *agent = fl_agent_new ();

      fl_agent_set_id (agent, sqlite3_column_int64 (stmt, 0));
      fl_agent_set_account_id (agent, sqlite3_column_int64 (stmt, 1));
      fl_agent_set_remote_id (agent, (const char *) sqlite3_column_text (stmt, 2));
      fl_agent_set_username (agent, (const char *) sqlite3_column_text (stmt, 3));
      fl_agent_set_name (agent, (const char *) sqlite3_column_text (stmt, 4));
      fl_agent_set_email (agent, (const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (agents, agent);
    }
  sqlite3_reset (stmt);
  fl_store_reader_release (self, db);
  return g_steal_pointer (&agents);
}

typedef struct
{
  gint64   ticket_id;
  gboolean unread;
} SetUnread;

static gboolean
set_unread_cb (FlStore  *self,
               FlDb     *db,
               gpointer  data,
               GArray   *changed,
               GError  **error)
{
  static const char sql[] = "UPDATE tickets SET unread = ?2 WHERE id = ?1 AND unread != ?2";
  SetUnread *su = data;
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  gboolean news_seen = FALSE;
  int changes;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, su->ticket_id);
  sqlite3_bind_int (stmt, 2, su->unread);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not update the ticket"));
      return FALSE;
    }

  changes = sqlite3_changes (db->db);
  if (!su->unread && !fl_store_db_mark_news_seen (db, su->ticket_id, &news_seen, error))
    return FALSE;

  if (changes > 0 || news_seen)
    g_array_append_val (changed, su->ticket_id);
  return TRUE;
}

/**
 * fl_store_set_unread:
 *
 * Marks a ticket read or unread. This is local state: it does not go
 * to the server. Reading a ticket is looking at it: what was new for
 * the agent there (a mention, a follow) is seen, and the ticket leaves
 * the Mentions & Tags view (see fl-store-agents.c).
 */
gboolean
fl_store_set_unread (FlStore   *self,
                     gint64     ticket_id,
                     gboolean   unread,
                     GError   **error)
{
  SetUnread su = { ticket_id, !!unread };

  g_return_val_if_fail (FL_IS_STORE (self), FALSE);

  return fl_store_write (self, set_unread_cb, &su, FL_STORE_CHANGED_NONE, error);
}

/* The asynchronous wrappers: each runs its blocking twin in a worker. */

typedef struct _AsyncData AsyncData;
typedef gpointer (*ReadFunc) (FlStore    *self,
                              AsyncData  *d,
                              GError    **error);

struct _AsyncData
{
  ReadFunc       read;
  GDestroyNotify result_free;
  FlQuery   *query;
  GPtrArray *queries;
  gint64    *ids;
  guint      n_ids;
  gint64     id;
  gboolean   flag;
  guint      limit;
  guint      n_preload;
  GPtrArray *preloaded;
};

static void
async_data_free (AsyncData *d)
{
  g_clear_pointer (&d->query, fl_query_unref);
  g_clear_pointer (&d->queries, g_ptr_array_unref);
  g_clear_pointer (&d->preloaded, g_ptr_array_unref);
  g_free (d->ids);
  g_free (d);
}

static GTask *
async_task_new (FlStore             *self,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data,
                AsyncData          **data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  *data = g_new0 (AsyncData, 1);
  g_task_set_task_data (task, *data, (GDestroyNotify) async_data_free);
  return task;
}

/* Runs d->read in the worker: every read-only async call but the query
 * goes through here. */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AsyncData *d = task_data;
  GError *error = NULL;
  gpointer result = d->read (source_object, d, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, d->result_free);
}

static void
run_read (GTask          *task,
          AsyncData      *d,
          ReadFunc        read,
          GDestroyNotify  result_free)
{
  d->read = read;
  d->result_free = result_free;
  g_task_run_in_thread (task, read_thread);
}

static gpointer
read_tickets (FlStore    *self,
              AsyncData  *d,
              GError    **error)
{
  return fl_store_load_tickets (self, d->ids, d->n_ids, error);
}

static gpointer
read_customer_history (FlStore    *self,
                       AsyncData  *d,
                       GError    **error)
{
  return fl_store_load_customer_history (self, d->id, error);
}

static gpointer
read_counts (FlStore    *self,
             AsyncData  *d,
             GError    **error)
{
  return fl_store_count_many (self, d->queries, error);
}

static gpointer
read_messages (FlStore    *self,
               AsyncData  *d,
               GError    **error)
{
  return fl_store_load_messages (self, d->id, error);
}

static gpointer
read_accounts (FlStore    *self,
               AsyncData  *d,
               GError    **error)
{
  return fl_store_list_accounts (self, error);
}

/**
 * fl_store_query_page:
 * @limit: how many ids at most, or 0 for all
 * @n_preload: how many of the first tickets to load with the ids
 * @preloaded: (out) (transfer full) (element-type FlTicket): the first
 *   tickets, or %NULL when none were asked for
 *
 * The ids of a query and its first tickets, from one snapshot so they
 * agree: what a list needs to show its first screen.
 *
 * Returns: (transfer full) (element-type gint64): the ids
 */
GArray *
fl_store_query_page (FlStore        *self,
                     const FlQuery  *query,
                     guint           limit,
                     guint           n_preload,
                     GPtrArray     **preloaded,
                     GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  FlDb *db;

  g_return_val_if_fail (FL_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (preloaded != NULL, NULL);

  *preloaded = NULL;

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;

  fl_db_exec (db, "BEGIN", NULL);
  ids = query_ids (db, query, limit, error);
  if (ids != NULL && n_preload > 0 &&
      !(tickets = load_tickets (db, (gint64 *) (gpointer) ids->data, MIN (n_preload, ids->len), error)))
    g_clear_pointer (&ids, g_array_unref);
  fl_db_exec (db, "COMMIT", NULL);
  fl_store_reader_release (self, db);

  *preloaded = g_steal_pointer (&tickets);
  return g_steal_pointer (&ids);
}

static void
query_ids_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AsyncData *d = task_data;
  GError *error = NULL;
  GArray *ids;

  ids = fl_store_query_page (source_object, d->query, d->limit, d->n_preload, &d->preloaded, &error);

  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

/**
 * fl_store_query_ids_async:
 * @limit: how many ids at most, or 0 for all
 * @n_preload: how many of the first tickets to load with the ids
 *
 * Runs fl_store_query_ids() in a worker thread, and loads the first
 * @n_preload tickets from the same snapshot so a list can show its first
 * screen without another round trip.
 */
void
fl_store_query_ids_async (FlStore             *self,
                          const FlQuery       *query,
                          guint                limit,
                          guint                n_preload,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *d;

  g_return_if_fail (FL_IS_STORE (self));

  task = async_task_new (self, fl_store_query_ids_async, cancellable, callback, user_data, &d);
  d->query = fl_query_copy (query);
  d->limit = limit;
  d->n_preload = n_preload;
  g_task_run_in_thread (task, query_ids_thread);
}

/**
 * fl_store_query_ids_finish:
 * @preloaded: (out) (optional) (transfer full) (element-type FlTicket):
 *   the first tickets
 *
 * Returns: (transfer full) (element-type gint64): the ids
 */
GArray *
fl_store_query_ids_finish (FlStore       *self,
                           GAsyncResult  *result,
                           GPtrArray    **preloaded,
                           GError       **error)
{
  AsyncData *d;
  GArray *ids;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  ids = g_task_propagate_pointer (G_TASK (result), error);
  d = g_task_get_task_data (G_TASK (result));
  if (preloaded != NULL)
    *preloaded = ids && d->preloaded ? g_ptr_array_ref (d->preloaded) : NULL;
  return ids;
}

void
fl_store_load_tickets_async (FlStore             *self,
                             const gint64        *ids,
                             guint                n_ids,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *d;

  g_return_if_fail (FL_IS_STORE (self));

  task = async_task_new (self, fl_store_load_tickets_async, cancellable, callback, user_data, &d);
  d->ids = g_memdup2 (ids, sizeof (gint64) * n_ids);
  d->n_ids = n_ids;
  run_read (task, d, read_tickets, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * fl_store_load_tickets_finish:
 *
 * Returns: (transfer full) (element-type FlTicket): the tickets
 */
GPtrArray *
fl_store_load_tickets_finish (FlStore       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * fl_store_count_many_async:
 * @queries: (element-type FlQuery): the queries; they must not change
 *   until the call finishes
 */
void
fl_store_count_many_async (FlStore             *self,
                           GPtrArray           *queries,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *d;

  g_return_if_fail (FL_IS_STORE (self));

  task = async_task_new (self, fl_store_count_many_async, cancellable, callback, user_data, &d);
  d->queries = g_ptr_array_ref (queries);
  run_read (task, d, read_counts, (GDestroyNotify) g_array_unref);
}

/**
 * fl_store_count_many_finish:
 *
 * Returns: (transfer full) (element-type guint): the counts
 */
GArray *
fl_store_count_many_finish (FlStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
fl_store_load_messages_async (FlStore             *self,
                              gint64               ticket_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *d;

  g_return_if_fail (FL_IS_STORE (self));

  task = async_task_new (self, fl_store_load_messages_async, cancellable, callback, user_data, &d);
  d->id = ticket_id;
  run_read (task, d, read_messages, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * fl_store_load_messages_finish:
 *
 * Returns: (transfer full) (element-type FlMessage): the messages
 */
GPtrArray *
fl_store_load_messages_finish (FlStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
fl_store_load_customer_history_async (FlStore             *self,
                                      gint64               customer_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *d;

  g_return_if_fail (FL_IS_STORE (self));

  task = async_task_new (self, fl_store_load_customer_history_async, cancellable, callback, user_data, &d);
  d->id = customer_id;
  run_read (task, d, read_customer_history, g_object_unref);
}

/**
 * fl_store_load_customer_history_finish:
 *
 * Returns: (transfer full): the history; see fl_store_load_customer_history()
 */
FlCustomerHistory *
fl_store_load_customer_history_finish (FlStore       *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
fl_store_list_accounts_async (FlStore             *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *d;

  g_return_if_fail (FL_IS_STORE (self));

  task = async_task_new (self, fl_store_list_accounts_async, cancellable, callback, user_data, &d);
  run_read (task, d, read_accounts, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * fl_store_list_accounts_finish:
 *
 * Returns: (transfer full) (element-type FlAccount): the accounts
 */
GPtrArray *
fl_store_list_accounts_finish (FlStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
set_unread_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  AsyncData *d = task_data;
  GError *error = NULL;

  if (fl_store_set_unread (source_object, d->id, d->flag, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fl_store_set_unread_async (FlStore             *self,
                           gint64               ticket_id,
                           gboolean             unread,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *d;

  g_return_if_fail (FL_IS_STORE (self));

  task = async_task_new (self, fl_store_set_unread_async, cancellable, callback, user_data, &d);
  d->id = ticket_id;
  d->flag = !!unread;
  g_task_run_in_thread (task, set_unread_thread);
}

gboolean
fl_store_set_unread_finish (FlStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
