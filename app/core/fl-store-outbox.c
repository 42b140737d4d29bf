/* fl-store-outbox.c: the outbox table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-store"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fl-store-private.h"
#include "fl-text.h"

/* The agents of the item's account whom the note's text mentions, by
 * user name, whatever the case: "@Agent2" and "@agent2" are one agent;
 * "@someone" who is no agent of the account is left as text. */
static gboolean
resolve_mentions (FlDb          *db,
                  FlOutboxItem  *item,
                  GError       **error)
{
  static const char sql[] =
    "SELECT username FROM agents WHERE account_id = ?1 AND lower (username) = lower (?2)";
  g_autoptr(GPtrArray) names = fl_text_find_mentions (fl_outbox_item_get_text (item));
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) usernames = NULL;

  for (guint i = 0; i < names->len; i++)
    {
      sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, fl_outbox_item_get_account_id (item));
      fl_db_bind_text (stmt, 2, names->pdata[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *username = (const char *) sqlite3_column_text (stmt, 0);

          if (username != NULL && !g_hash_table_contains (seen, username))
            {
              g_hash_table_add (seen, g_strdup (username));
              g_strv_builder_add (found, username);
            }
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          fl_db_set_error (db, error, _("Could not save the change to the outbox"));
          return FALSE;
        }
    }

  usernames = g_strv_builder_end (found);
  fl_outbox_item_set_mentions (item, (const char * const *) usernames);
  return TRUE;
}

static gboolean
add_cb (FlStore  *self,
        FlDb     *db,
        gpointer  data,
        GArray   *changed,
        GError  **error)
{
  static const char sql[] =
    "INSERT INTO outbox (account_id, ticket_id, remote_ticket_id, kind, state, text, value,"
    "                    field, then_status, marker, not_before, seen_until, force, created,"
    "                    attachments, mentions)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) RETURNING id";
  FlOutboxItem *item = data;
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, fl_outbox_item_get_account_id (item));
  if (fl_outbox_item_get_ticket_id (item) != 0)
    sqlite3_bind_int64 (stmt, 2, fl_outbox_item_get_ticket_id (item));
  fl_db_bind_text (stmt, 3, fl_outbox_item_get_remote_ticket_id (item));
  sqlite3_bind_int (stmt, 4, fl_outbox_item_get_kind (item));
  sqlite3_bind_int (stmt, 5, fl_outbox_item_get_state (item));
  fl_db_bind_text (stmt, 6, fl_outbox_item_get_text (item));
  fl_db_bind_text (stmt, 7, fl_outbox_item_get_value (item));
  fl_db_bind_text (stmt, 8, fl_outbox_item_get_field (item));
  fl_db_bind_text (stmt, 9, fl_outbox_item_get_then_status (item));
  fl_db_bind_text (stmt, 10, fl_outbox_item_get_marker (item));
  sqlite3_bind_int64 (stmt, 11, fl_outbox_item_get_not_before (item));
  sqlite3_bind_int64 (stmt, 12, fl_outbox_item_get_seen_until (item));
  sqlite3_bind_int (stmt, 13, fl_outbox_item_get_force (item));
  sqlite3_bind_int64 (stmt, 14, fl_outbox_item_get_created (item));
  if (fl_outbox_item_get_attachments (item) != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n", (char **) fl_outbox_item_get_attachments (item));
      fl_db_bind_text (stmt, 15, joined);
    }
  if (fl_outbox_item_get_kind (item) == FL_OUTBOX_NOTE && fl_outbox_item_get_mentions (item) == NULL &&
      !resolve_mentions (db, item, error))
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (fl_outbox_item_get_mentions (item) != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n", (char **) fl_outbox_item_get_mentions (item));
      fl_db_bind_text (stmt, 16, joined);
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    fl_outbox_item_set_id (item, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      fl_db_set_error (db, error, _("Could not save the change to the outbox"));
      return FALSE;
    }

  return TRUE;
}

/**
 * fl_store_outbox_add:
 * @item: the item; it gets an id, and a marker if it has none
 *
 * Commits the item. Only after this returns may it be sent.
 */
gboolean
fl_store_outbox_add (FlStore       *self,
                     FlOutboxItem  *item,
                     GError       **error)
{
  g_return_val_if_fail (FL_IS_STORE (self), FALSE);
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (item), FALSE);
  g_return_val_if_fail (fl_outbox_item_get_remote_ticket_id (item) != NULL, FALSE);

  if (fl_outbox_item_get_marker (item) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      fl_outbox_item_set_marker (item, uuid);
    }
  if (fl_outbox_item_get_created (item) == 0)
    fl_outbox_item_set_created (item, g_get_real_time () / G_USEC_PER_SEC);

  return fl_store_write (self, add_cb, item, FL_STORE_CHANGED_OUTBOX, error);
}

/* The SQL below spells these states as numbers. */
G_STATIC_ASSERT (FL_OUTBOX_SENT == 2 && FL_OUTBOX_DISCARDED == 5);

static gboolean
update_cb (FlStore  *self,
           FlDb     *db,
           gpointer  data,
           GArray   *changed,
           GError  **error)
{
  static const char sql[] =
    "UPDATE outbox SET state = ?2, attempts = ?3, not_before = ?4, force = ?5,"
    " outcome_unknown = ?6, last_error = ?7, text = ?8,"
    " sent_at = CASE WHEN ?2 = 2 THEN ?9 ELSE sent_at END"
    /* What the server has can no longer be given up (5 is DISCARDED, 2 SENT). */
    " WHERE id = ?1 AND NOT (?2 = 5 AND state = 2)";
  FlOutboxItem *item = data;
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, fl_outbox_item_get_id (item));
  sqlite3_bind_int (stmt, 2, fl_outbox_item_get_state (item));
  sqlite3_bind_int (stmt, 3, fl_outbox_item_get_attempts (item));
  sqlite3_bind_int64 (stmt, 4, fl_outbox_item_get_not_before (item));
  sqlite3_bind_int (stmt, 5, fl_outbox_item_get_force (item));
  sqlite3_bind_int (stmt, 6, fl_outbox_item_get_outcome_unknown (item));
  fl_db_bind_text (stmt, 7, fl_outbox_item_get_last_error (item));
  fl_db_bind_text (stmt, 8, fl_outbox_item_get_text (item));
  sqlite3_bind_int64 (stmt, 9, g_get_real_time () / G_USEC_PER_SEC);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not update the outbox"));
      return FALSE;
    }

  if (sqlite3_changes (db->db) == 0 &&
      fl_outbox_item_get_state (item) == FL_OUTBOX_DISCARDED)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("It was sent already."));
      return FALSE;
    }

  return TRUE;
}

/**
 * fl_store_outbox_update:
 *
 * Saves an item's state, attempts, delay, flags and error.
 */
gboolean
fl_store_outbox_update (FlStore       *self,
                        FlOutboxItem  *item,
                        GError       **error)
{
  g_return_val_if_fail (FL_IS_STORE (self), FALSE);
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (item), FALSE);

  return fl_store_write (self, update_cb, item, FL_STORE_CHANGED_OUTBOX, error);
}

/**
 * fl_store_outbox_list:
 * @pending_only: only what still needs sending or a decision
 *
 * Returns: (transfer full) (element-type FlOutboxItem): the items, oldest
 *   first
 */
GPtrArray *
fl_store_outbox_list (FlStore   *self,
                      gboolean   pending_only,
                      GError   **error)
{
  static const char all_sql[] =
    "SELECT id, account_id, ticket_id, remote_ticket_id, kind, state, text, value, field,"
    " then_status, marker, attempts, not_before, seen_until, force, outcome_unknown,"
    " last_error, created, attachments, mentions FROM outbox ORDER BY id";
  static const char pending_sql[] =
    "SELECT id, account_id, ticket_id, remote_ticket_id, kind, state, text, value, field,"
    " then_status, marker, attempts, not_before, seen_until, force, outcome_unknown,"
    " last_error, created, attachments, mentions FROM outbox WHERE state IN (0, 1, 3, 4) ORDER BY id";
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  FlDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;
  if (!(stmt = fl_db_prepare (db, pending_only ? pending_sql : all_sql, error)))
    {
      fl_store_reader_release (self, db);
      return NULL;
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      FlOutboxItem *item = fl_outbox_item_new ();

      fl_outbox_item_set_id (item, sqlite3_column_int64 (stmt, 0));
      fl_outbox_item_set_account_id (item, sqlite3_column_int64 (stmt, 1));
      fl_outbox_item_set_ticket_id (item, sqlite3_column_int64 (stmt, 2));
      fl_outbox_item_set_remote_ticket_id (item, (const char *) sqlite3_column_text (stmt, 3));
      fl_outbox_item_set_kind (item, CLAMP (sqlite3_column_int (stmt, 4), 0, FL_OUTBOX_REMOVE_WATCHER));
      fl_outbox_item_set_state (item, CLAMP (sqlite3_column_int (stmt, 5), 0, FL_OUTBOX_DISCARDED));
      fl_outbox_item_set_text (item, (const char *) sqlite3_column_text (stmt, 6));
      fl_outbox_item_set_value (item, (const char *) sqlite3_column_text (stmt, 7));
      fl_outbox_item_set_field (item, (const char *) sqlite3_column_text (stmt, 8));
      fl_outbox_item_set_then_status (item, (const char *) sqlite3_column_text (stmt, 9));
      fl_outbox_item_set_marker (item, (const char *) sqlite3_column_text (stmt, 10));
      fl_outbox_item_set_attempts (item, sqlite3_column_int (stmt, 11));
      fl_outbox_item_set_not_before (item, sqlite3_column_int64 (stmt, 12));
      fl_outbox_item_set_seen_until (item, sqlite3_column_int64 (stmt, 13));
      fl_outbox_item_set_force (item, sqlite3_column_int (stmt, 14));
      fl_outbox_item_set_outcome_unknown (item, sqlite3_column_int (stmt, 15));
      fl_outbox_item_set_last_error (item, (const char *) sqlite3_column_text (stmt, 16));
      fl_outbox_item_set_created (item, sqlite3_column_int64 (stmt, 17));
      if (sqlite3_column_text (stmt, 18) != NULL)
        {
          g_auto(GStrv) paths = g_strsplit ((const char *) sqlite3_column_text (stmt, 18), "\n", -1);
          fl_outbox_item_set_attachments (item, (const char * const *) paths);
        }
      if (sqlite3_column_text (stmt, 19) != NULL)
        {
          g_auto(GStrv) names = g_strsplit ((const char *) sqlite3_column_text (stmt, 19), "\n", -1);
          fl_outbox_item_set_mentions (item, (const char * const *) names);
        }
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);
  fl_store_reader_release (self, db);

  return g_steal_pointer (&items);
}

typedef struct
{
  FlOutboxItem *item;
  const char   *author;
  const char   *author_email;
} LocalApply;

static gboolean
exec_item (FlDb          *db,
           const char    *sql,
           FlOutboxItem  *item,
           const char    *text,
           gint64         now,
           GError       **error)
{
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, fl_outbox_item_get_ticket_id (item));
  fl_db_bind_text (stmt, 2, text);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, fl_outbox_item_get_account_id (item));
  fl_db_bind_text (stmt, 5, fl_outbox_item_get_marker (item));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fl_db_set_error (db, error, _("Could not update the ticket"));
      return FALSE;
    }

  return TRUE;
}

/* The demo keeps the files' names and sizes with the message it adds. */
static gboolean
add_local_attachments (FlDb          *db,
                       FlOutboxItem  *item,
                       GError       **error)
{
  static const char sql[] =
    "INSERT INTO attachments (message_id, remote_id, name, mime_type, size)"
    " SELECT id, ?3, ?4, ?5, ?6 FROM messages WHERE ticket_id = ?1 AND remote_id = ?2";
  const char * const *paths = fl_outbox_item_get_attachments (item);

  for (guint i = 0; paths && paths[i]; i++)
    {
      g_autofree char *name = g_path_get_basename (paths[i]);
      g_autofree char *remote = g_strdup_printf ("%s-%u", fl_outbox_item_get_marker (item), i);
      g_autofree char *type = g_content_type_guess (name, NULL, 0, NULL);
      g_autofree char *mime = g_content_type_get_mime_type (type);
      GStatBuf st;
      sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, fl_outbox_item_get_ticket_id (item));
      fl_db_bind_text (stmt, 2, fl_outbox_item_get_marker (item));
      fl_db_bind_text (stmt, 3, remote);
      fl_db_bind_text (stmt, 4, name);
      fl_db_bind_text (stmt, 5, mime ? mime : "application/octet-stream");
      sqlite3_bind_int64 (stmt, 6, g_stat (paths[i], &st) == 0 ? st.st_size : 0);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          fl_db_set_error (db, error, _("Could not update the ticket"));
          return FALSE;
        }
    }

  return TRUE;
}

/* Adds a system event line for a change the agent made. */
static gboolean
add_event (FlDb          *db,
           FlOutboxItem  *item,
           const char    *field,
           const char    *old_value_sql,
           const char    *new_value,
           gint64         now,
           GError       **error)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO messages (ticket_id, remote_id, kind, direction, created, text,"
    "                      event_field, event_old, event_new)"
    " VALUES (?1, 'event-' || ?5, 2, 1, ?3, '', '%s', (%s), ?2)"
    " ON CONFLICT (ticket_id, remote_id) DO NOTHING",
    field, old_value_sql);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Built from constants only, so preparing it fresh is safe. */
  if (sqlite3_prepare_v2 (db->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      fl_db_set_error (db, error, _("Could not update the ticket"));
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, fl_outbox_item_get_ticket_id (item));
  fl_db_bind_text (stmt, 2, new_value);
  sqlite3_bind_int64 (stmt, 3, now);
  fl_db_bind_text (stmt, 5, fl_outbox_item_get_marker (item));
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not update the ticket"));
      return FALSE;
    }

  return TRUE;
}

#define STATUS_NICK \
  "CASE status WHEN 0 THEN 'new' WHEN 1 THEN 'open' WHEN 2 THEN 'pending'" \
  " WHEN 3 THEN 'on-hold' WHEN 4 THEN 'solved' ELSE 'closed' END"

static gboolean
set_status_local (FlDb          *db,
                  FlOutboxItem  *item,
                  const char    *nick,
                  gint64         now,
                  GArray        *changed,
                  GError       **error)
{
  static const char sql[] =
    "UPDATE tickets SET status = ?2, is_open = (?2 < 4), updated = ?3,"
    " due_at = CASE"
    "  WHEN ?2 NOT IN (0, 1) THEN 9223372036854775807"
    "  WHEN first_response_at = 0 AND due_first_response > 0 THEN"
    "    CASE WHEN due_resolution > 0 AND due_resolution < due_first_response"
    "         THEN due_resolution ELSE due_first_response END"
    "  WHEN due_resolution > 0 THEN due_resolution"
    "  ELSE 9223372036854775807 END"
    " WHERE id = ?1";
  sqlite3_stmt *stmt;
  FlStatus status;
  int rc;

  if (!fl_status_from_string (nick, &status))
    return TRUE;

  if (!add_event (db, item, "status", "SELECT " STATUS_NICK " FROM tickets WHERE id = ?1",
                  nick, now, error))
    return FALSE;

  if (!(stmt = fl_db_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fl_outbox_item_get_ticket_id (item));
  sqlite3_bind_int (stmt, 2, status);
  sqlite3_bind_int64 (stmt, 3, now);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not update the ticket"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
apply_local_cb (FlStore  *self,
                FlDb     *db,
                gpointer  data,
                GArray   *changed,
                GError  **error)
{
  static const char message_sql[] =
    "INSERT INTO messages (ticket_id, remote_id, kind, direction, author, author_email,"
    "                      created, text)"
    " VALUES (?1, ?5, ?6, 1,"
    "  coalesce (?7, (SELECT a.name FROM accounts c JOIN agents a ON a.id = c.me_agent_id WHERE c.id = ?4)),"
    "  coalesce (?8, (SELECT a.email FROM accounts c JOIN agents a ON a.id = c.me_agent_id WHERE c.id = ?4)),"
    "  ?3, ?2)"
    " ON CONFLICT (ticket_id, remote_id) DO NOTHING";
  static const char touch_sql[] =
    "UPDATE tickets SET updated = ?3, snippet = ?2,"
    " first_response_at = CASE WHEN ?6 = 0 AND first_response_at = 0 THEN ?3"
    "                          ELSE first_response_at END"
    " WHERE id = ?1";
  static const char fts_sql[] =
    "UPDATE ticket_fts SET body = body || ' ' || fl_fold (?2) WHERE rowid = ?1";
  static const char owner_sql[] =
    "UPDATE tickets SET updated = ?3, assignee_id ="
    " (SELECT id FROM agents WHERE account_id = ?4 AND remote_id = ?2) WHERE id = ?1";
  static const char priority_sql[] =
    "UPDATE tickets SET updated = ?3, priority ="
    " CASE ?2 WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 WHEN 'urgent' THEN 3"
    " ELSE priority END WHERE id = ?1";
  static const char follow_sql[] =
    "INSERT OR IGNORE INTO ticket_followers (ticket_id, agent_id)"
    " SELECT ?1, id FROM agents WHERE account_id = ?4 AND remote_id = ?2";
  static const char follow_username_sql[] =
    "INSERT OR IGNORE INTO ticket_followers (ticket_id, agent_id)"
    " SELECT ?1, id FROM agents WHERE account_id = ?4 AND username = ?2";
  static const char mention_sql[] =
    "INSERT OR IGNORE INTO mentions (ticket_id, agent_id, message_id)"
    " SELECT ?1, a.id, m.id FROM agents a, messages m"
    " WHERE a.account_id = ?4 AND a.username = ?2 AND m.ticket_id = ?1 AND m.remote_id = ?5";
  static const char unfollow_sql[] =
    "DELETE FROM ticket_followers WHERE ticket_id = ?1 AND agent_id ="
    " (SELECT id FROM agents WHERE account_id = ?4 AND remote_id = ?2)";
  static const char sent_sql[] =
    "UPDATE outbox SET state = 2, sent_at = ?3, last_error = NULL WHERE id = ?1";
  LocalApply *la = data;
  FlOutboxItem *item = la->item;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 ticket_id = fl_outbox_item_get_ticket_id (item);
  const char *value = fl_outbox_item_get_value (item);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  switch (fl_outbox_item_get_kind (item))
    {
    case FL_OUTBOX_REPLY:
    case FL_OUTBOX_NOTE:
      {
        g_autofree char *snippet = fl_text_snippet (fl_outbox_item_get_text (item), 160);
        int kind = fl_outbox_item_get_kind (item) == FL_OUTBOX_REPLY ? FL_MESSAGE_REPLY : FL_MESSAGE_NOTE;

        if (!(stmt = fl_db_prepare (db, message_sql, error)))
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, ticket_id);
        fl_db_bind_text (stmt, 2, fl_outbox_item_get_text (item));
        sqlite3_bind_int64 (stmt, 3, now);
        sqlite3_bind_int64 (stmt, 4, fl_outbox_item_get_account_id (item));
        fl_db_bind_text (stmt, 5, fl_outbox_item_get_marker (item));
        sqlite3_bind_int (stmt, 6, kind);
        fl_db_bind_text (stmt, 7, la->author);
        fl_db_bind_text (stmt, 8, la->author_email);
        if (sqlite3_step (stmt) != SQLITE_DONE)
          {
            sqlite3_reset (stmt);
            fl_db_set_error (db, error, _("Could not update the ticket"));
            return FALSE;
          }
        sqlite3_reset (stmt);

        if (!(stmt = fl_db_prepare (db, touch_sql, error)))
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, ticket_id);
        fl_db_bind_text (stmt, 2, snippet);
        sqlite3_bind_int64 (stmt, 3, now);
        sqlite3_bind_int (stmt, 6, kind);
        ok = sqlite3_step (stmt) == SQLITE_DONE;
        sqlite3_reset (stmt);

        ok = ok && exec_item (db, fts_sql, item, fl_outbox_item_get_text (item), now, error);
        ok = ok && add_local_attachments (db, item, error);

        /* Whom a note mentions follows the ticket and finds it among
         * their mentions. */
        for (const char * const *m = fl_outbox_item_get_mentions (item); ok && m && *m; m++)
          ok = exec_item (db, follow_username_sql, item, *m, now, error) &&
               exec_item (db, mention_sql, item, *m, now, error);

        if (ok && fl_outbox_item_get_then_status (item) != NULL)
          ok = set_status_local (db, item, fl_outbox_item_get_then_status (item), now, changed, error);
      }
      break;

    case FL_OUTBOX_SET_STATUS:
      ok = set_status_local (db, item, value, now, changed, error);
      break;

    case FL_OUTBOX_SET_OWNER:
      ok = add_event (db, item, "assign",
                      "SELECT a.name FROM tickets t JOIN agents a ON a.id = t.assignee_id WHERE t.id = ?1",
                      NULL, now, error);
      /* The event names the new assignee by name. */
      if (ok)
        {
          static const char name_sql[] =
            "UPDATE messages SET event_new ="
            " (SELECT name FROM agents WHERE account_id = ?4 AND remote_id = ?2)"
            " WHERE ticket_id = ?1 AND remote_id = 'event-' || ?5";
          ok = exec_item (db, name_sql, item, value, now, error);
        }
      ok = ok && exec_item (db, owner_sql, item, value, now, error);
      break;

    case FL_OUTBOX_SET_PRIORITY:
      ok = add_event (db, item, "priority",
                      "SELECT CASE priority WHEN 0 THEN 'low' WHEN 1 THEN 'normal'"
                      " WHEN 2 THEN 'high' ELSE 'urgent' END FROM tickets WHERE id = ?1",
                      value, now, error);
      ok = ok && exec_item (db, priority_sql, item, value, now, error);
      break;

    case FL_OUTBOX_ADD_WATCHER:
      ok = exec_item (db, follow_sql, item, value, now, error);
      break;

    case FL_OUTBOX_REMOVE_WATCHER:
      ok = exec_item (db, unfollow_sql, item, value, now, error);
      break;

    case FL_OUTBOX_SET_FIELD:
    default:
      break;
    }

  if (!ok)
    {
      if (error && *error == NULL)
        fl_db_set_error (db, error, _("Could not update the ticket"));
      return FALSE;
    }

  if (!(stmt = fl_db_prepare (db, sent_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fl_outbox_item_get_id (item));
  sqlite3_bind_int64 (stmt, 3, now);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_reset (stmt);
  if (!ok)
    {
      fl_db_set_error (db, error, _("Could not update the outbox"));
      return FALSE;
    }

  fl_outbox_item_set_state (item, FL_OUTBOX_SENT);
  g_array_append_val (changed, ticket_id);
  return TRUE;
}

/**
 * fl_store_outbox_apply_local:
 * @item: an item of an account without a server (the demo workspace)
 * @author: (nullable): the agent's name, for replies and notes
 *
 * Applies what @item does to the ticket and marks it sent, in one
 * transaction.
 */
gboolean
fl_store_outbox_apply_local (FlStore       *self,
                             FlOutboxItem  *item,
                             const char    *author,
                             const char    *author_email,
                             GError       **error)
{
  LocalApply la = { item, author, author_email };

  g_return_val_if_fail (FL_IS_STORE (self), FALSE);
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (item), FALSE);

  return fl_store_write (self, apply_local_cb, &la, FL_STORE_CHANGED_OUTBOX, error);
}

static gboolean
claim_cb (FlStore  *self,
          FlDb     *db,
          gpointer  data,
          GArray   *changed,
          GError  **error)
{
  static const char sql[] =
    "UPDATE outbox SET state = 1, attempts = attempts + 1, outcome_unknown = ?2"
    " WHERE id = ?1 AND state IN (0, 1) RETURNING attempts";
  FlOutboxItem *item = data;
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, fl_outbox_item_get_id (item));
  sqlite3_bind_int (stmt, 2, fl_outbox_item_get_outcome_unknown (item));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      fl_outbox_item_set_attempts (item, sqlite3_column_int (stmt, 0));
      fl_outbox_item_set_state (item, FL_OUTBOX_SENDING);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, FL_STORE_ERROR, FL_STORE_ERROR_NOT_FOUND,
                   _("The change was discarded."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      fl_db_set_error (db, error, _("Could not update the outbox"));
      return FALSE;
    }

  return TRUE;
}

/**
 * fl_store_outbox_claim:
 *
 * Marks @item as being sent, but only while it is still queued: an item
 * the agent discarded a moment ago is never sent.
 *
 * Returns: %FALSE with %FL_STORE_ERROR_NOT_FOUND when it is not queued
 */
gboolean
fl_store_outbox_claim (FlStore       *self,
                       FlOutboxItem  *item,
                       GError       **error)
{
  g_return_val_if_fail (FL_IS_STORE (self), FALSE);

  return fl_store_write (self, claim_cb, item, FL_STORE_CHANGED_OUTBOX, error);
}
