/* fl-store-views.c: searches saved as views, and what was notified
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-store-private.h"

void
fl_saved_search_free (FlSavedSearch *search)
{
  if (search == NULL)
    return;

  g_free (search->name);
  g_free (search->base_view);
  g_free (search->text);
  g_free (search);
}

static gpointer
saved_search_from_row (sqlite3_stmt *stmt)
{
  FlSavedSearch *search = g_new0 (FlSavedSearch, 1);

  search->id = sqlite3_column_int64 (stmt, 0);
  search->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  search->base_view = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  search->text = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  return search;
}

/**
 * fl_store_list_saved_searches:
 *
 * Returns: (transfer full) (element-type FlSavedSearch): the saved
 *   searches in the order they were saved, or %NULL on error
 */
GPtrArray *
fl_store_list_saved_searches (FlStore  *self,
                              GError  **error)
{
  static const char sql[] = "SELECT id, name, base_view, text FROM saved_searches ORDER BY id";

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  return fl_store_read_rows (self, sql, saved_search_from_row, (GDestroyNotify) fl_saved_search_free,
                             _("Could not read the saved searches"), error);
}

typedef struct
{
  gint64      id;
  const char *name;
  const char *base_view;
  const char *text;
  const char *sql;
} SearchWrite;

static gboolean
search_write_cb (FlStore  *self,
                 FlDb     *db,
                 gpointer  data,
                 GArray   *changed,
                 GError  **error)
{
  SearchWrite *w = data;
  sqlite3_stmt *stmt = fl_db_prepare (db, w->sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, w->id);
  fl_db_bind_text (stmt, 2, w->name);
  fl_db_bind_text (stmt, 3, w->base_view);
  fl_db_bind_text (stmt, 4, w->text);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not save the search"));
      return FALSE;
    }

  if (w->id == 0)
    w->id = sqlite3_last_insert_rowid (db->db);
  return TRUE;
}

/**
 * fl_store_add_saved_search:
 * @name: what to call it in the sidebar
 * @base_view: the nick of the view it narrows
 * @text: the search
 *
 * Returns: the new saved search's id, or 0 on error
 */
gint64
fl_store_add_saved_search (FlStore     *self,
                           const char  *name,
                           const char  *base_view,
                           const char  *text,
                           GError     **error)
{
  SearchWrite w = {
    0, name, base_view, text,
    "INSERT INTO saved_searches (name, base_view, text, created) VALUES (?2, ?3, ?4, ?5)"
  };

  g_return_val_if_fail (FL_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL && base_view != NULL && text != NULL, 0);

  if (!fl_store_write (self, search_write_cb, &w, FL_STORE_CHANGED_NONE, error))
    return 0;
  return w.id;
}

gboolean
fl_store_rename_saved_search (FlStore     *self,
                              gint64       id,
                              const char  *name,
                              GError     **error)
{
  SearchWrite w = { id, name, NULL, NULL, "UPDATE saved_searches SET name = ?2 WHERE id = ?1" };

  g_return_val_if_fail (FL_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return fl_store_write (self, search_write_cb, &w, FL_STORE_CHANGED_NONE, error);
}

gboolean
fl_store_remove_saved_search (FlStore  *self,
                              gint64    id,
                              GError  **error)
{
  SearchWrite w = { id, NULL, NULL, NULL, "DELETE FROM saved_searches WHERE id = ?1" };

  g_return_val_if_fail (FL_IS_STORE (self), FALSE);

  return fl_store_write (self, search_write_cb, &w, FL_STORE_CHANGED_NONE, error);
}

typedef struct
{
  const char *key;
  gboolean    is_new;
} Notified;

static gboolean
notified_cb (FlStore  *self,
             FlDb     *db,
             gpointer  data,
             GArray   *changed,
             GError  **error)
{
  static const char sql[] = "INSERT OR IGNORE INTO notified (key, at) VALUES (?1, ?2)";
  Notified *n = data;
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  fl_db_bind_text (stmt, 1, n->key);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not remember a notification"));
      return FALSE;
    }

  n->is_new = sqlite3_changes (db->db) > 0;
  return TRUE;
}

/**
 * fl_store_mark_notified:
 * @key: what a notification was about, such as "new:42"
 * @is_new: (out): whether @key was not marked before
 *
 * Remembers a notification, so that it is shown once, even across
 * restarts.
 *
 * Returns: %FALSE on error
 */
gboolean
fl_store_mark_notified (FlStore     *self,
                        const char  *key,
                        gboolean    *is_new,
                        GError     **error)
{
  Notified n = { key, FALSE };

  g_return_val_if_fail (FL_IS_STORE (self), FALSE);

  if (!fl_store_write (self, notified_cb, &n, FL_STORE_CHANGED_NONE, error))
    return FALSE;
  if (is_new != NULL)
    *is_new = n.is_new;
  return TRUE;
}

typedef struct
{
  GPtrArray *keys;
  GArray    *is_new;
} NotifiedMany;

static gboolean
notified_many_cb (FlStore  *self,
                  FlDb     *db,
                  gpointer  data,
                  GArray   *changed,
                  GError  **error)
{
  static const char sql[] = "INSERT OR IGNORE INTO notified (key, at) VALUES (?1, ?2)";
  NotifiedMany *n = data;
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (stmt == NULL)
    return FALSE;

  g_array_set_size (n->is_new, 0);
  for (guint i = 0; i < n->keys->len; i++)
    {
      gboolean is_new;
      int rc;

      fl_db_bind_text (stmt, 1, n->keys->pdata[i]);
      sqlite3_bind_int64 (stmt, 2, now);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          fl_db_set_error (db, error, _("Could not remember a notification"));
          return FALSE;
        }
      is_new = sqlite3_changes (db->db) > 0;
      g_array_append_val (n->is_new, is_new);
    }

  return TRUE;
}

/**
 * fl_store_mark_notified_many:
 * @keys: (element-type utf8): what notifications were about
 *
 * Remembers many notification keys in one transaction.
 *
 * Returns: (transfer full) (element-type gboolean) (nullable): for each
 *   key, whether it was not marked before; %NULL on error
 */
GArray *
fl_store_mark_notified_many (FlStore    *self,
                             GPtrArray  *keys,
                             GError    **error)
{
  g_autoptr(GArray) is_new = g_array_new (FALSE, FALSE, sizeof (gboolean));
  NotifiedMany n = { keys, is_new };

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  if (keys->len > 0 && !fl_store_write (self, notified_many_cb, &n, FL_STORE_CHANGED_NONE, error))
    return NULL;
  return g_steal_pointer (&is_new);
}

/**
 * fl_store_list_my_mentions:
 *
 * Returns: (transfer full) (element-type gint64) (nullable): pairs of
 *   message id and ticket id, one pair per internal note that mentions
 *   one of the accounts' own agents and was not seen yet
 */
GArray *
fl_store_list_my_mentions (FlStore  *self,
                           GError  **error)
{
  static const char sql[] =
    "SELECT message_id, ticket_id FROM mentions"
    " WHERE seen = 0 AND agent_id IN (SELECT me_agent_id FROM accounts WHERE me_agent_id IS NOT NULL)"
    " ORDER BY message_id";
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (gint64));
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
    {
      gint64 message_id = sqlite3_column_int64 (stmt, 0);
      gint64 ticket_id = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (pairs, message_id);
      g_array_append_val (pairs, ticket_id);
    }
  sqlite3_reset (stmt);
  fl_store_reader_release (self, db);

  if (rc != SQLITE_DONE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not read the mentions"));
      return NULL;
    }
  return g_steal_pointer (&pairs);
}
