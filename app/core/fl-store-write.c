/* fl-store-write.c: applying what a backend fetched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-store"

#include "config.h"

#include <json-glib/json-glib.h>

#include "fl-attachment.h"
#include "fl-sla.h"
#include "fl-store-private.h"
#include "fl-text.h"

#define SNIPPET_CHARS 160

static gboolean
step_done (FlDb          *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fl_db_set_error (db, error, "write");
      return FALSE;
    }
  return TRUE;
}

static gint64
step_id (FlDb          *db,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  gint64 id = 0;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    fl_db_set_error (db, error, "write");
  sqlite3_reset (stmt);
  return id;
}

static char *
join_strv (const char * const *strv)
{
  return strv && strv[0] ? g_strjoinv ("\n", (char **) strv) : NULL;
}

static char *
fields_to_json (FlCustomer *customer)
{
  g_auto(GStrv) names = fl_customer_list_fields (customer);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (names[0] == NULL)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  for (guint i = 0; names[i]; i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_string_value (builder, fl_customer_get_field (customer, names[i]));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Looks up the local id of a record of @table by its remote id, first in
 * the ids this batch just wrote, then in the store. */
static gint64
resolve (FlDb        *db,
         GHashTable  *batch_ids,
         const char  *sql,
         gint64       account_id,
         const char  *remote_id)
{
  sqlite3_stmt *stmt;
  gpointer id;

  if (remote_id == NULL)
    return 0;

  if (g_hash_table_lookup_extended (batch_ids, remote_id, NULL, &id))
    return GPOINTER_TO_SIZE (id);

  stmt = fl_db_prepare (db, sql, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, account_id);
  fl_db_bind_text (stmt, 2, remote_id);
  return step_id (db, stmt, NULL);
}

static gboolean
write_agents (FlDb         *db,
              gint64        account_id,
              GPtrArray    *agents,
              GHashTable   *agent_ids,
              GError      **error)
{
  static const char sql[] =
    "INSERT INTO agents (account_id, remote_id, username, name, email)"
    " VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (account_id, remote_id) DO UPDATE SET"
    "  username = excluded.username, name = excluded.name, email = excluded.email"
    " RETURNING id";

  for (guint i = 0; i < agents->len; i++)
    {
      FlAgent *agent = agents->pdata[i];
      sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
      gint64 id;

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, account_id);
      fl_db_bind_text (stmt, 2, fl_agent_get_remote_id (agent));
      fl_db_bind_text (stmt, 3, fl_agent_get_username (agent));
      fl_db_bind_text (stmt, 4, fl_agent_get_name (agent));
      fl_db_bind_text (stmt, 5, fl_agent_get_email (agent));
      if (!(id = step_id (db, stmt, error)))
        return FALSE;

      fl_agent_set_id (agent, id);
      fl_agent_set_account_id (agent, account_id);
      g_hash_table_insert (agent_ids, g_strdup (fl_agent_get_remote_id (agent)),
                           GSIZE_TO_POINTER (id));
    }

  return TRUE;
}

static gboolean
write_identities (FlDb                *db,
                  gint64               customer_id,
                  const char * const  *values,
                  GError             **error)
{
  static const char sql[] =
    "INSERT OR IGNORE INTO customer_identities (value, customer_id) VALUES (?1, ?2)";

  for (guint i = 0; values && values[i]; i++)
    {
      g_autofree char *identity = fl_text_identity (values[i]);
      sqlite3_stmt *stmt;

      if (identity[0] == '\0')
        continue;

      if (!(stmt = fl_db_prepare (db, sql, error)))
        return FALSE;
      fl_db_bind_text (stmt, 1, identity);
      sqlite3_bind_int64 (stmt, 2, customer_id);
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_customers (FlDb        *db,
                 gint64       account_id,
                 GPtrArray   *customers,
                 GHashTable  *customer_ids,
                 GError     **error)
{
  static const char sql[] =
    "INSERT INTO customers (account_id, remote_id, name, emails, phones, organisation,"
    "                       language, timezone, since, fields)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    " ON CONFLICT (account_id, remote_id) DO UPDATE SET"
    "  name = excluded.name, emails = excluded.emails, phones = excluded.phones,"
    "  organisation = excluded.organisation, language = excluded.language,"
    "  timezone = excluded.timezone, since = excluded.since, fields = excluded.fields"
    " RETURNING id";
  static const char clear_sql[] =
    "DELETE FROM customer_identities WHERE customer_id = ?1";

  for (guint i = 0; i < customers->len; i++)
    {
      FlCustomer *customer = customers->pdata[i];
      g_autofree char *emails = join_strv (fl_customer_get_emails (customer));
      g_autofree char *phones = join_strv (fl_customer_get_phones (customer));
      g_autofree char *fields = fields_to_json (customer);
      sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
      gint64 id;

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, account_id);
      fl_db_bind_text (stmt, 2, fl_customer_get_remote_id (customer));
      fl_db_bind_text (stmt, 3, fl_customer_get_name (customer));
      fl_db_bind_text (stmt, 4, emails);
      fl_db_bind_text (stmt, 5, phones);
      fl_db_bind_text (stmt, 6, fl_customer_get_organisation (customer));
      fl_db_bind_text (stmt, 7, fl_customer_get_language (customer));
      fl_db_bind_text (stmt, 8, fl_customer_get_timezone (customer));
      sqlite3_bind_int64 (stmt, 9, fl_customer_get_since (customer));
      fl_db_bind_text (stmt, 10, fields);
      if (!(id = step_id (db, stmt, error)))
        return FALSE;

      fl_customer_set_id (customer, id);
      fl_customer_set_account_id (customer, account_id);
      g_hash_table_insert (customer_ids, g_strdup (fl_customer_get_remote_id (customer)),
                           GSIZE_TO_POINTER (id));

      if (!(stmt = fl_db_prepare (db, clear_sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!step_done (db, stmt, error) ||
          !write_identities (db, id, fl_customer_get_emails (customer), error) ||
          !write_identities (db, id, fl_customer_get_phones (customer), error))
        return FALSE;
    }

  return TRUE;
}

/* This profile's agent on the account being written, and whether this
 * is the account's first sync, whose followers are history. */
typedef struct
{
  gint64    agent_id;
  char     *remote_id;
  gboolean  first_sync;
} Me;

static void
me_clear (Me *me)
{
  g_clear_pointer (&me->remote_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Me, me_clear)

static gboolean
load_me (FlDb     *db,
         gint64    account_id,
         Me       *me,
         GError  **error)
{
  static const char sql[] =
    "SELECT c.last_sync, a.id, a.remote_id FROM accounts c"
    " LEFT JOIN agents a ON a.id = c.me_agent_id WHERE c.id = ?1";
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      me->first_sync = sqlite3_column_int64 (stmt, 0) == 0;
      me->agent_id = sqlite3_column_int64 (stmt, 1);
      me->remote_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, "write");
      return FALSE;
    }
  return TRUE;
}

/* The backend's own due time, until fl_store_sla_refresh_ticket() adds
 * the policy's once the conversation is written; FL_DUE_NONE sorts
 * last. */
static gint64
compute_due_at (FlTicket *ticket)
{
  gint64 due = fl_sla_backend_due (ticket);

  return due ? due : FL_DUE_NONE;
}

static gboolean
write_attachments (FlDb       *db,
                   gint64      message_id,
                   FlMessage  *message,
                   GError    **error)
{
  static const char clear_sql[] = "DELETE FROM attachments WHERE message_id = ?1";
  static const char sql[] =
    "INSERT INTO attachments (message_id, remote_id, name, mime_type, size)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
  GListModel *attachments = fl_message_get_attachments (message);
  sqlite3_stmt *stmt = fl_db_prepare (db, clear_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, message_id);
  if (!step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(FlAttachment) attachment = g_list_model_get_item (attachments, i);

      if (!(stmt = fl_db_prepare (db, sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, message_id);
      fl_db_bind_text (stmt, 2, fl_attachment_get_remote_id (attachment));
      fl_db_bind_text (stmt, 3, fl_attachment_get_name (attachment));
      fl_db_bind_text (stmt, 4, fl_attachment_get_mime_type (attachment));
      sqlite3_bind_int64 (stmt, 5, fl_attachment_get_size (attachment));
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Records the agents of @account_id that an internal note mentions. */
static gboolean
write_mentions (FlDb        *db,
                gint64       account_id,
                gint64       ticket_id,
                gint64       message_id,
                FlMessage   *message,
                GError     **error)
{
  static const char sql[] =
    "INSERT OR IGNORE INTO mentions (ticket_id, agent_id, message_id)"
    " SELECT ?1, id, ?2 FROM agents"
    " WHERE account_id = ?3 AND lower (username) = lower (?4)";
  static const char me_sql[] =
    "SELECT 1 FROM accounts c JOIN agents a ON a.id = c.me_agent_id"
    " WHERE c.id = ?1 AND lower (a.username) = lower (?2)";
  g_autoptr(GPtrArray) names = NULL;

  if (fl_message_get_kind (message) != FL_MESSAGE_NOTE)
    return TRUE;

  names = fl_text_find_mentions (fl_message_get_text (message));
  {
    g_autoptr(GPtrArray) marked = fl_text_find_mention_marker (fl_message_get_html (message));

    for (guint i = 0; i < marked->len; i++)
      g_ptr_array_add (names, g_strdup (marked->pdata[i]));
  }
  for (guint i = 0; i < names->len; i++)
    {
      sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ticket_id);
      sqlite3_bind_int64 (stmt, 2, message_id);
      sqlite3_bind_int64 (stmt, 3, account_id);
      fl_db_bind_text (stmt, 4, names->pdata[i]);
      if (!step_done (db, stmt, error))
        return FALSE;

      /* A new mention of me is news: the ticket is unread for me, even
       * if I had read it, and in Mentions & Tags. */
      if (sqlite3_changes (db->db) > 0)
        {
          sqlite3_stmt *mine = fl_db_prepare (db, me_sql, error);
          gboolean is_me;

          if (mine == NULL)
            return FALSE;
          sqlite3_bind_int64 (mine, 1, account_id);
          fl_db_bind_text (mine, 2, names->pdata[i]);
          is_me = sqlite3_step (mine) == SQLITE_ROW;
          sqlite3_reset (mine);
          if (is_me && !fl_store_db_record_news (db, ticket_id, FL_NEWS_MENTION,
                                                 fl_message_get_author (message), error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_messages (FlDb          *db,
                gint64         account_id,
                gint64         ticket_id,
                FlSyncTicket  *st,
                GError       **error)
{
  static const char sql[] =
    "INSERT INTO messages (ticket_id, remote_id, kind, direction, author, author_email,"
    "                      created, text, html, event_field, event_old, event_new)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    " ON CONFLICT (ticket_id, remote_id) DO UPDATE SET"
    "  kind = excluded.kind, direction = excluded.direction, author = excluded.author,"
    "  author_email = excluded.author_email, created = excluded.created,"
    "  text = excluded.text, html = excluded.html, event_field = excluded.event_field,"
    "  event_old = excluded.event_old, event_new = excluded.event_new"
    " RETURNING id";
  static const char list_sql[] = "SELECT id FROM messages WHERE ticket_id = ?1";
  static const char delete_sql[] = "DELETE FROM messages WHERE id = ?1";
  g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) kept_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), st->messages->len);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < st->messages->len; i++)
    {
      FlMessage *message = st->messages->pdata[i];
      g_autofree char *text = fl_text_make_valid (fl_message_get_text (message), -1);
      gint64 id;

      if (!(stmt = fl_db_prepare (db, sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ticket_id);
      fl_db_bind_text (stmt, 2, fl_message_get_remote_id (message));
      sqlite3_bind_int (stmt, 3, fl_message_get_kind (message));
      sqlite3_bind_int (stmt, 4, fl_message_get_direction (message));
      fl_db_bind_text (stmt, 5, fl_message_get_author (message));
      fl_db_bind_text (stmt, 6, fl_message_get_author_email (message));
      sqlite3_bind_int64 (stmt, 7, fl_message_get_created (message));
      fl_db_bind_text (stmt, 8, text);
      fl_db_bind_text (stmt, 9, fl_message_get_html (message));
      fl_db_bind_text (stmt, 10, fl_message_get_event_field (message));
      fl_db_bind_text (stmt, 11, fl_message_get_event_old (message));
      fl_db_bind_text (stmt, 12, fl_message_get_event_new (message));
      if (!(id = step_id (db, stmt, error)))
        return FALSE;

      fl_message_set_id (message, id);
      fl_message_set_ticket_id (message, ticket_id);
      g_array_append_val (kept_ids, id);

      if (!write_attachments (db, id, message, error) ||
          !write_mentions (db, account_id, ticket_id, id, message, error))
        return FALSE;
    }

  if (!st->replace_messages)
    return TRUE;

  /* The backend sent the whole conversation: drop what it no longer has. */
  for (guint i = 0; i < kept_ids->len; i++)
    g_hash_table_add (kept, &g_array_index (kept_ids, gint64, i));

  if (!(stmt = fl_db_prepare (db, list_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (kept, &id))
        g_array_append_val (stale, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < stale->len; i++)
    {
      if (!(stmt = fl_db_prepare (db, delete_sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (stale, gint64, i));
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Whether my newest follow or unfollow of myself on @ticket_id in the
 * outbox, not given up, is a follow: then a follow the backend reports
 * without saying who did it is mine. */
static gboolean
own_follow_in_outbox (FlDb        *db,
                      gint64       ticket_id,
                      const char  *me_remote_id,
                      gboolean    *own,
                      GError     **error)
{
  static const char sql[] =
    "SELECT kind FROM outbox WHERE ticket_id = ?1 AND value = ?2 AND kind IN (?3, ?4)"
    " AND coalesce (field, '') != 'Cc' AND state IN (?5, ?6, ?7)"
    " ORDER BY id DESC LIMIT 1";
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  fl_db_bind_text (stmt, 2, me_remote_id);
  sqlite3_bind_int (stmt, 3, FL_OUTBOX_ADD_WATCHER);
  sqlite3_bind_int (stmt, 4, FL_OUTBOX_REMOVE_WATCHER);
  sqlite3_bind_int (stmt, 5, FL_OUTBOX_QUEUED);
  sqlite3_bind_int (stmt, 6, FL_OUTBOX_SENDING);
  sqlite3_bind_int (stmt, 7, FL_OUTBOX_SENT);
  rc = sqlite3_step (stmt);
  *own = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == FL_OUTBOX_ADD_WATCHER;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, "write");
      return FALSE;
    }
  return TRUE;
}

/* Replaces the ticket's followers with the backend's. Gaining me as a
 * follower after the first sync is news, unless I did it myself
 * (fl-store-agents.c has the whole rule). */
static gboolean
write_followers (FlDb          *db,
                 gint64         account_id,
                 gint64         ticket_id,
                 FlSyncTicket  *st,
                 GHashTable    *agent_ids,
                 const Me      *me,
                 GError       **error)
{
  static const char clear_sql[] = "DELETE FROM ticket_followers WHERE ticket_id = ?1";
  static const char insert_sql[] =
    "INSERT OR IGNORE INTO ticket_followers (ticket_id, agent_id) VALUES (?1, ?2)";
  static const char agent_sql[] =
    "SELECT id FROM agents WHERE account_id = ?1 AND remote_id = ?2";
  static const char was_sql[] =
    "SELECT 1 FROM ticket_followers WHERE ticket_id = ?1 AND agent_id = ?2";
  sqlite3_stmt *stmt;
  gboolean was_following = FALSE;
  gboolean is_following = FALSE;

  if (me->agent_id != 0 && !me->first_sync)
    {
      if (!(stmt = fl_db_prepare (db, was_sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ticket_id);
      sqlite3_bind_int64 (stmt, 2, me->agent_id);
      was_following = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }

  if (!(stmt = fl_db_prepare (db, clear_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  if (!step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < st->follower_remote_ids->len; i++)
    {
      gint64 agent_id = resolve (db, agent_ids, agent_sql, account_id,
                                 st->follower_remote_ids->pdata[i]);

      if (agent_id == 0)
        continue;
      is_following |= agent_id == me->agent_id;

      if (!(stmt = fl_db_prepare (db, insert_sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ticket_id);
      sqlite3_bind_int64 (stmt, 2, agent_id);
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  if (is_following && !was_following && !me->first_sync && me->remote_id != NULL)
    {
      gboolean own = FALSE;

      if (st->me_added_by != NULL)
        own = g_strcmp0 (st->me_added_by, me->remote_id) == 0;
      else if (!own_follow_in_outbox (db, ticket_id, me->remote_id, &own, error))
        return FALSE;

      if (!own && !fl_store_db_record_news (db, ticket_id, FL_NEWS_FOLLOW, st->me_added_by_name, error))
        return FALSE;
    }

  return TRUE;
}

/* Derives what the store keeps beside a ticket's own fields: the snippet
 * and first response from its messages, and its full-text index row. */
static gboolean
write_derived (FlDb        *db,
               gint64       ticket_id,
               GError     **error)
{
  static const char derive_sql[] =
    "UPDATE tickets SET"
    " snippet = coalesce ((SELECT text FROM messages"
    "                      WHERE ticket_id = ?1 AND kind != 2"
    "                      ORDER BY created DESC, id DESC LIMIT 1), snippet),"
    " first_response_at = CASE WHEN first_response_at != 0 THEN first_response_at"
    "   ELSE coalesce ((SELECT min (created) FROM messages"
    "                   WHERE ticket_id = ?1 AND kind = 0 AND direction = 1), 0) END"
    " WHERE id = ?1"
    " RETURNING snippet";
  static const char snippet_sql[] = "UPDATE tickets SET snippet = ?2 WHERE id = ?1";
  static const char fts_delete_sql[] = "DELETE FROM ticket_fts WHERE rowid = ?1";
  static const char fts_insert_sql[] =
    "INSERT INTO ticket_fts (rowid, subject, body, people)"
    " SELECT t.id, fl_fold (t.subject),"
    "        fl_fold ((SELECT group_concat (m.text, ' ') FROM messages m"
    "                  WHERE m.ticket_id = t.id AND m.kind != 2)),"
    "        fl_fold (coalesce (c.name, '') || ' ' || coalesce (c.emails, ''))"
    " FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id"
    " WHERE t.id = ?1";
  g_autofree char *snippet = NULL;
  sqlite3_stmt *stmt = fl_db_prepare (db, derive_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    snippet = fl_text_snippet ((const char *) sqlite3_column_text (stmt, 0), SNIPPET_CHARS);
  if (sqlite3_reset (stmt) != SQLITE_OK)
    {
      fl_db_set_error (db, error, "write");
      return FALSE;
    }

  if (!(stmt = fl_db_prepare (db, snippet_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  fl_db_bind_text (stmt, 2, snippet);
  if (!step_done (db, stmt, error))
    return FALSE;

  if (!(stmt = fl_db_prepare (db, fts_delete_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  if (!step_done (db, stmt, error))
    return FALSE;

  if (!(stmt = fl_db_prepare (db, fts_insert_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  return step_done (db, stmt, error);
}

static gboolean
write_tickets (FlDb        *db,
               gint64       account_id,
               GPtrArray   *tickets,
               GHashTable  *agent_ids,
               GHashTable  *customer_ids,
               const Me    *me,
               GArray      *changed,
               GError     **error)
{
  static const char sql[] =
    "INSERT INTO tickets (account_id, remote_id, subject, status, priority, channel,"
    "                     customer_id, assignee_id, created, updated, first_response_at,"
    "                     due_first_response, due_resolution, unread, snippet, is_open,"
    "                     due_at, csat, ces, tags)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
    "         ?17, ?18, ?19, ?20)"
    " ON CONFLICT (account_id, remote_id) DO UPDATE SET"
    "  subject = excluded.subject, status = excluded.status, priority = excluded.priority,"
    "  channel = excluded.channel, customer_id = excluded.customer_id,"
    "  assignee_id = excluded.assignee_id, created = excluded.created,"
    "  updated = excluded.updated, first_response_at = excluded.first_response_at,"
    "  due_first_response = excluded.due_first_response,"
    "  due_resolution = excluded.due_resolution,"
    "  unread = excluded.unread OR EXISTS (SELECT 1 FROM ticket_news n"
    "   WHERE n.ticket_id = tickets.id AND n.news_at > n.seen_at),"
    "  snippet = coalesce (excluded.snippet, snippet), is_open = excluded.is_open,"
    "  due_at = excluded.due_at, csat = excluded.csat, ces = excluded.ces,"
    "  tags = excluded.tags"
    " RETURNING id";
  static const char agent_sql[] =
    "SELECT id FROM agents WHERE account_id = ?1 AND remote_id = ?2";
  static const char customer_sql[] =
    "SELECT id FROM customers WHERE account_id = ?1 AND remote_id = ?2";
  g_autoptr(FlSlaPolicy) policy = fl_store_db_load_sla_policy (db, account_id, error);

  if (policy == NULL)
    return FALSE;

  for (guint i = 0; i < tickets->len; i++)
    {
      FlSyncTicket *st = tickets->pdata[i];
      FlTicket *ticket = st->ticket;
      g_autofree char *tags = join_strv (fl_ticket_get_tags (ticket));
      gint64 customer_id = resolve (db, customer_ids, customer_sql, account_id,
                                    st->customer_remote_id);
      gint64 assignee_id = resolve (db, agent_ids, agent_sql, account_id,
                                    st->assignee_remote_id);
      sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
      gint64 id;

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, account_id);
      fl_db_bind_text (stmt, 2, fl_ticket_get_remote_id (ticket));
      fl_db_bind_text (stmt, 3, fl_ticket_get_subject (ticket) ?: "");
      sqlite3_bind_int (stmt, 4, fl_ticket_get_status (ticket));
      sqlite3_bind_int (stmt, 5, fl_ticket_get_priority (ticket));
      sqlite3_bind_int (stmt, 6, fl_ticket_get_channel (ticket));
      if (customer_id)
        sqlite3_bind_int64 (stmt, 7, customer_id);
      if (assignee_id)
        sqlite3_bind_int64 (stmt, 8, assignee_id);
      sqlite3_bind_int64 (stmt, 9, fl_ticket_get_created (ticket));
      sqlite3_bind_int64 (stmt, 10, fl_ticket_get_updated (ticket));
      sqlite3_bind_int64 (stmt, 11, fl_ticket_get_first_response_at (ticket));
      sqlite3_bind_int64 (stmt, 12, fl_ticket_get_due_first_response (ticket));
      sqlite3_bind_int64 (stmt, 13, fl_ticket_get_due_resolution (ticket));
      sqlite3_bind_int (stmt, 14, fl_ticket_get_unread (ticket));
      fl_db_bind_text (stmt, 15, fl_ticket_get_snippet (ticket));
      sqlite3_bind_int (stmt, 16, fl_ticket_is_open (ticket));
      sqlite3_bind_int64 (stmt, 17, compute_due_at (ticket));
      sqlite3_bind_int (stmt, 18, fl_ticket_get_csat (ticket));
      sqlite3_bind_int (stmt, 19, fl_ticket_get_ces (ticket));
      fl_db_bind_text (stmt, 20, tags);
      if (!(id = step_id (db, stmt, error)))
        return FALSE;

      fl_ticket_set_id (ticket, id);
      fl_ticket_set_account_id (ticket, account_id);

      if (!write_followers (db, account_id, id, st, agent_ids, me, error) ||
          !write_messages (db, account_id, id, st, error) ||
          !write_derived (db, id, error) ||
          !fl_store_sla_refresh_ticket_with (db, policy, id, error))
        return FALSE;

      g_array_append_val (changed, id);
    }

  return TRUE;
}

/**
 * fl_store_write_batch:
 * @db: the writer connection, inside a transaction
 * @changed: (element-type gint64): receives the ids of changed tickets
 *
 * Writes every record of @batch, resolving remote references to local
 * ids, and sets the local ids on the batch's objects.
 */
gboolean
fl_store_write_batch (FlDb         *db,
                      gint64        account_id,
                      FlSyncBatch  *batch,
                      GArray       *changed,
                      GError      **error)
{
  static const char me_sql[] =
    "UPDATE accounts SET me_agent_id ="
    " (SELECT id FROM agents WHERE account_id = ?1 AND remote_id = ?2)"
    " WHERE id = ?1";
  static const char cursor_sql[] =
    "INSERT INTO sync_state (account_id, cursor) VALUES (?1, ?2)"
    " ON CONFLICT (account_id) DO UPDATE SET cursor = excluded.cursor";
  static const char last_sync_sql[] =
    "UPDATE accounts SET last_sync = ?2 WHERE id = ?1";
  g_autoptr(GHashTable) agent_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) customer_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(Me) me = { 0, };
  sqlite3_stmt *stmt;

  if (!write_agents (db, account_id, fl_sync_batch_get_agents (batch), agent_ids, error) ||
      !write_customers (db, account_id, fl_sync_batch_get_customers (batch), customer_ids, error))
    return FALSE;

  if (fl_sync_batch_get_me (batch) != NULL)
    {
      if (!(stmt = fl_db_prepare (db, me_sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account_id);
      fl_db_bind_text (stmt, 2, fl_sync_batch_get_me (batch));
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  if (!load_me (db, account_id, &me, error) ||
      !write_tickets (db, account_id, fl_sync_batch_get_tickets (batch),
                      agent_ids, customer_ids, &me, changed, error))
    return FALSE;

  if (!(stmt = fl_db_prepare (db, cursor_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  fl_db_bind_text (stmt, 2, fl_sync_batch_get_cursor (batch));
  if (!step_done (db, stmt, error))
    return FALSE;

  if (fl_sync_batch_get_complete (batch))
    {
      if (!(stmt = fl_db_prepare (db, last_sync_sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}
