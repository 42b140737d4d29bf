/* fl-store-drafts.c: what an agent has written and not sent yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-store"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "fl-store-private.h"

/* One row per ticket. An emptied draft keeps its row with empty text, so
 * its revision still orders it against a late save of older text. */

typedef struct
{
  gint64    ticket_id;
  char     *text;
  gboolean  note;
  gint64    revision;
} Draft;

static void
draft_free (Draft *draft)
{
  g_free (draft->text);
  g_free (draft);
}

static gboolean
save_cb (FlStore  *self,
         FlDb     *db,
         gpointer  data,
         GArray   *changed,
         GError  **error)
{
  static const char sql[] =
    "INSERT INTO drafts (ticket_id, text, note, revision) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (ticket_id) DO UPDATE SET"
    "   text = excluded.text, note = excluded.note, revision = excluded.revision"
    " WHERE excluded.revision >= drafts.revision";
  Draft *draft = data;
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, draft->ticket_id);
  fl_db_bind_text (stmt, 2, draft->text ? draft->text : "");
  sqlite3_bind_int (stmt, 3, draft->note);
  sqlite3_bind_int64 (stmt, 4, draft->revision);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not save the draft"));
      return FALSE;
    }

  return TRUE;
}

/**
 * fl_store_save_draft:
 * @text: (nullable): the draft; empty or %NULL forgets it
 * @note: whether it is an internal note
 * @revision: when it was written, in microseconds; a save older than
 *   the one stored is ignored, so saves finishing out of order are safe
 */
gboolean
fl_store_save_draft (FlStore     *self,
                     gint64       ticket_id,
                     const char  *text,
                     gboolean     note,
                     gint64       revision,
                     GError     **error)
{
  Draft draft = { ticket_id, (char *) text, !!note, revision };

  g_return_val_if_fail (FL_IS_STORE (self), FALSE);

  return fl_store_write (self, save_cb, &draft, FL_STORE_CHANGED_NONE, error);
}

/**
 * fl_store_load_draft:
 * @note: (out) (optional): whether the draft is an internal note
 *
 * Returns: (transfer full) (nullable): the draft of @ticket_id, or
 *   %NULL when there is none (and no error)
 */
char *
fl_store_load_draft (FlStore   *self,
                     gint64     ticket_id,
                     gboolean  *note,
                     GError   **error)
{
  static const char sql[] = "SELECT text, note FROM drafts WHERE ticket_id = ?1 AND text != ''";
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  FlDb *db;
  int rc;

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  if (note != NULL)
    *note = FALSE;

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;
  if (!(stmt = fl_db_prepare (db, sql, error)))
    {
      fl_store_reader_release (self, db);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (note != NULL)
        *note = sqlite3_column_int (stmt, 1) != 0;
    }
  else if (rc != SQLITE_DONE)
    fl_db_set_error (db, error, _("Could not read the draft"));
  sqlite3_reset (stmt);
  fl_store_reader_release (self, db);

  return g_steal_pointer (&text);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Draft *draft = task_data;
  GError *error = NULL;

  if (fl_store_save_draft (source_object, draft->ticket_id, draft->text, draft->note,
                           draft->revision, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * fl_store_save_draft_async:
 *
 * Saves a draft in a worker; see fl_store_save_draft(). There is no
 * cancellable: a draft once handed over is always written.
 */
void
fl_store_save_draft_async (FlStore             *self,
                           gint64               ticket_id,
                           const char          *text,
                           gboolean             note,
                           gint64               revision,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Draft *draft;

  g_return_if_fail (FL_IS_STORE (self));

  draft = g_new0 (Draft, 1);
  draft->ticket_id = ticket_id;
  draft->text = g_strdup (text);
  draft->note = !!note;
  draft->revision = revision;

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, fl_store_save_draft_async);
  g_task_set_task_data (task, draft, (GDestroyNotify) draft_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
fl_store_save_draft_finish (FlStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Draft *draft = task_data;
  GError *error = NULL;

  draft->text = fl_store_load_draft (source_object, draft->ticket_id, &draft->note, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
fl_store_load_draft_async (FlStore             *self,
                           gint64               ticket_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Draft *draft;

  g_return_if_fail (FL_IS_STORE (self));

  draft = g_new0 (Draft, 1);
  draft->ticket_id = ticket_id;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_store_load_draft_async);
  g_task_set_task_data (task, draft, (GDestroyNotify) draft_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * fl_store_load_draft_finish:
 * @note: (out) (optional): whether the draft is an internal note
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL when there is
 *   none or on error
 */
char *
fl_store_load_draft_finish (FlStore       *self,
                            GAsyncResult  *result,
                            gboolean      *note,
                            GError       **error)
{
  Draft *draft;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (note != NULL)
    *note = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  draft = g_task_get_task_data (G_TASK (result));
  if (note != NULL)
    *note = draft->note;
  return g_steal_pointer (&draft->text);
}

typedef struct
{
  gint64   ticket_id;
  char   **paths;
  gint64   revision;
} DraftFiles;

static void
draft_files_free (DraftFiles *files)
{
  g_strfreev (files->paths);
  g_free (files);
}

static gboolean
save_attachments_cb (FlStore  *self,
                     FlDb     *db,
                     gpointer  data,
                     GArray   *changed,
                     GError  **error)
{
  static const char sql[] =
    "INSERT INTO drafts (ticket_id, text, note, revision, attachments, attachments_revision)"
    " VALUES (?1, '', 0, 0, ?2, ?3)"
    " ON CONFLICT (ticket_id) DO UPDATE SET"
    "   attachments = excluded.attachments, attachments_revision = excluded.attachments_revision"
    " WHERE excluded.attachments_revision >= drafts.attachments_revision";
  DraftFiles *files = data;
  g_autofree char *joined = NULL;
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (files->paths != NULL && files->paths[0] != NULL)
    joined = g_strjoinv ("\n", files->paths);
  sqlite3_bind_int64 (stmt, 1, files->ticket_id);
  fl_db_bind_text (stmt, 2, joined);
  sqlite3_bind_int64 (stmt, 3, files->revision);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not save the draft"));
      return FALSE;
    }

  return TRUE;
}

/**
 * fl_store_save_draft_attachments:
 * @paths: (nullable): the files attached to the draft; %NULL or empty
 *   forgets them
 * @revision: when the list changed, in microseconds; an older list than
 *   the one stored is ignored
 *
 * Keeps the files attached to a ticket's draft, apart from its text, so
 * they come back after a restart.
 */
gboolean
fl_store_save_draft_attachments (FlStore             *self,
                                 gint64               ticket_id,
                                 const char * const  *paths,
                                 gint64               revision,
                                 GError             **error)
{
  DraftFiles files = { ticket_id, (char **) paths, revision };

  g_return_val_if_fail (FL_IS_STORE (self), FALSE);

  return fl_store_write (self, save_attachments_cb, &files, FL_STORE_CHANGED_NONE, error);
}

/**
 * fl_store_load_draft_attachments:
 *
 * Returns: (transfer full) (nullable): the files attached to the draft
 *   of @ticket_id, or %NULL when there are none (and no error)
 */
char **
fl_store_load_draft_attachments (FlStore   *self,
                                 gint64     ticket_id,
                                 GError   **error)
{
  static const char sql[] =
    "SELECT attachments FROM drafts WHERE ticket_id = ?1 AND attachments IS NOT NULL";
  char **paths = NULL;
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

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL && *sqlite3_column_text (stmt, 0))
    paths = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), "\n", -1);
  else if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    fl_db_set_error (db, error, _("Could not read the draft"));
  sqlite3_reset (stmt);
  fl_store_reader_release (self, db);

  return paths;
}

static void
save_attachments_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  DraftFiles *files = task_data;
  g_autoptr(GError) error = NULL;

  if (!fl_store_save_draft_attachments (source_object, files->ticket_id,
                                        (const char * const *) files->paths, files->revision, &error))
    g_warning ("Could not save the draft’s attachments: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

/**
 * fl_store_save_draft_attachments_async:
 *
 * Saves the files of a draft in a worker; see
 * fl_store_save_draft_attachments(). Once handed over they are always
 * written.
 */
void
fl_store_save_draft_attachments_async (FlStore             *self,
                                       gint64               ticket_id,
                                       const char * const  *paths,
                                       gint64               revision)
{
  g_autoptr(GTask) task = NULL;
  DraftFiles *files;

  g_return_if_fail (FL_IS_STORE (self));

  files = g_new0 (DraftFiles, 1);
  files->ticket_id = ticket_id;
  files->paths = g_strdupv ((char **) paths);
  files->revision = revision;

  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_source_tag (task, fl_store_save_draft_attachments_async);
  g_task_set_task_data (task, files, (GDestroyNotify) draft_files_free);
  g_task_run_in_thread (task, save_attachments_thread);
}
