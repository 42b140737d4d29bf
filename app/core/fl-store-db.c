/* fl-store-db.c: SQLite connections and the schema's migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-store-private.h"
#include "fl-text.h"

/* fl_fold(text): the search folding of fl_text_fold(), for SQL. The
 * migrations use it to index rows that were written before the index. */
static void
sql_fold (sqlite3_context  *ctx,
          int               argc,
          sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  int len = sqlite3_value_bytes (argv[0]);
  char *folded;

  if (text == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }

  folded = fl_text_fold (text, len);
  sqlite3_result_text (ctx, folded, -1, g_free);
}

/* fl_identity(text): the form in which an email address or a phone
 * number identifies a customer across accounts. */
static void
sql_identity (sqlite3_context  *ctx,
              int               argc,
              sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  sqlite3_result_text (ctx, fl_text_identity (text), -1, g_free);
}

/**
 * fl_db_bind_text:
 * @text: (nullable): bound as NULL when %NULL
 *
 * Binds text to a statement parameter. Everything written to the store is
 * valid UTF-8, so no label or index ever sees broken bytes from a server.
 */
void
fl_db_bind_text (sqlite3_stmt *stmt,
                 int           col,
                 const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, col);
  else if (g_utf8_validate (text, -1, NULL))
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_text (stmt, col, fl_text_make_valid (text, -1), -1, g_free);
}

void
fl_db_set_error (FlDb        *db,
                 GError     **error,
                 const char  *what)
{
  int code = db && db->db ? sqlite3_extended_errcode (db->db) : SQLITE_ERROR;
  const char *msg = db && db->db ? sqlite3_errmsg (db->db) : "no connection";
  FlStoreError fl_code = FL_STORE_ERROR_FAILED;

  if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
    fl_code = FL_STORE_ERROR_CORRUPT;

  /* The technical part goes to the debug log and the error message. */
  g_debug ("%s: %s (%d)", what, msg, code);
  g_set_error (error, FL_STORE_ERROR, fl_code, "%s: %s", what, msg);
}

/**
 * fl_db_open:
 * @path: the database file
 * @readonly: open a reader connection
 *
 * Opens a connection in WAL mode with foreign keys on, a busy timeout so
 * readers and the writer wait for each other instead of failing, and the
 * fl_fold(), fl_identity() and fl_match() SQL functions.
 */
FlDb *
fl_db_open (const char  *path,
            gboolean     readonly,
            GError     **error)
{
  g_autofree FlDb *db = g_new0 (FlDb, 1);
  int flags = SQLITE_OPEN_NOMUTEX;
  int rc;

  flags |= readonly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  rc = sqlite3_open_v2 (path, &db->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      fl_db_set_error (db, error, _("Could not open the local database"));
      sqlite3_close (db->db);
      return NULL;
    }

  db->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                     (GDestroyNotify) sqlite3_finalize);

  sqlite3_busy_timeout (db->db, 10000);
  sqlite3_create_function (db->db, "fl_fold", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sql_fold, NULL, NULL);
  sqlite3_create_function (db->db, "fl_identity", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sql_identity, NULL, NULL);
  fl_match_set_register (db->db);

  if (!fl_db_exec (db, "PRAGMA foreign_keys = ON", error) ||
      (!readonly && !fl_db_exec (db, "PRAGMA journal_mode = WAL", error)) ||
      !fl_db_exec (db, "PRAGMA synchronous = NORMAL", error))
    {
      fl_db_close (g_steal_pointer (&db));
      return NULL;
    }

  return g_steal_pointer (&db);
}

void
fl_db_close (FlDb *db)
{
  if (db == NULL)
    return;

  g_clear_pointer (&db->stmts, g_hash_table_unref);
  sqlite3_close (db->db);
  g_free (db);
}

/**
 * fl_db_prepare:
 * @sql: a static SQL string; it keys the statement cache by address
 *
 * Returns: (transfer none): the reset statement, owned by @db
 */
sqlite3_stmt *
fl_db_prepare (FlDb        *db,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->stmts, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (db->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      fl_db_set_error (db, error, "prepare");
      return NULL;
    }

  g_hash_table_insert (db->stmts, (gpointer) sql, stmt);
  return stmt;
}

gboolean
fl_db_exec (FlDb        *db,
            const char  *sql,
            GError     **error)
{
  char *errmsg = NULL;

  if (sqlite3_exec (db->db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      g_debug ("exec failed: %s: %s", sql, errmsg);
      fl_db_set_error (db, error, "exec");
      sqlite3_free (errmsg);
      return FALSE;
    }

  return TRUE;
}

/* The schema, one step per version. A step runs inside a transaction and
 * never changes once released: a new need gets a new step. */

/* Version 1: the first release's cache, without search or SLA columns. */
static const char migration_1[] =
  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  url TEXT,"
  "  username TEXT,"
  "  color TEXT,"
  "  enabled INTEGER NOT NULL DEFAULT 1,"
  "  me_agent_id INTEGER,"
  "  last_sync INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE agents ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  remote_id TEXT NOT NULL,"
  "  username TEXT,"
  "  name TEXT,"
  "  email TEXT,"
  "  UNIQUE (account_id, remote_id));"
  "CREATE TABLE customers ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  remote_id TEXT NOT NULL,"
  "  name TEXT,"
  "  emails TEXT,"
  "  phones TEXT,"
  "  organisation TEXT,"
  "  language TEXT,"
  "  timezone TEXT,"
  "  since INTEGER NOT NULL DEFAULT 0,"
  "  fields TEXT,"
  "  UNIQUE (account_id, remote_id));"
  "CREATE TABLE tickets ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  remote_id TEXT NOT NULL,"
  "  subject TEXT NOT NULL DEFAULT '',"
  "  status INTEGER NOT NULL,"
  "  priority INTEGER NOT NULL,"
  "  channel INTEGER NOT NULL,"
  "  customer_id INTEGER REFERENCES customers (id) ON DELETE SET NULL,"
  "  assignee_id INTEGER REFERENCES agents (id) ON DELETE SET NULL,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  first_response_at INTEGER NOT NULL DEFAULT 0,"
  "  due_first_response INTEGER NOT NULL DEFAULT 0,"
  "  due_resolution INTEGER NOT NULL DEFAULT 0,"
  "  unread INTEGER NOT NULL DEFAULT 0,"
  "  snippet TEXT,"
  "  UNIQUE (account_id, remote_id));"
  "CREATE INDEX tickets_updated ON tickets (updated);"
  "CREATE TABLE messages ("
  "  id INTEGER PRIMARY KEY,"
  "  ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,"
  "  remote_id TEXT NOT NULL,"
  "  kind INTEGER NOT NULL,"
  "  direction INTEGER NOT NULL,"
  "  author TEXT,"
  "  author_email TEXT,"
  "  created INTEGER NOT NULL,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  html TEXT,"
  "  UNIQUE (ticket_id, remote_id));"
  "CREATE TABLE attachments ("
  "  id INTEGER PRIMARY KEY,"
  "  message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,"
  "  remote_id TEXT,"
  "  name TEXT NOT NULL,"
  "  mime_type TEXT,"
  "  size INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE templates ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  folder TEXT,"
  "  name TEXT NOT NULL,"
  "  shortcut TEXT,"
  "  language TEXT,"
  "  body TEXT NOT NULL,"
  "  shared INTEGER NOT NULL DEFAULT 1,"
  "  UNIQUE (key, language));";

/* Version 2: the full-text index, SLA and satisfaction columns, followers,
 * mentions, customer identities for matching across accounts, the sync
 * cursor, and an index for every inbox view. Rows from version 1 are
 * backfilled. */
static const char migration_2[] =
  "ALTER TABLE tickets ADD COLUMN is_open INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE tickets ADD COLUMN due_at INTEGER NOT NULL DEFAULT 9223372036854775807;"
  "ALTER TABLE tickets ADD COLUMN csat INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE tickets ADD COLUMN ces INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE tickets ADD COLUMN tags TEXT;"
  "UPDATE tickets SET is_open = (status < 4);"
  "UPDATE tickets SET due_at = CASE"
  "  WHEN status NOT IN (0, 1) THEN 9223372036854775807"
  "  WHEN first_response_at = 0 AND due_first_response > 0 THEN"
  "    CASE WHEN due_resolution > 0 AND due_resolution < due_first_response"
  "         THEN due_resolution ELSE due_first_response END"
  "  WHEN due_resolution > 0 THEN due_resolution"
  "  ELSE 9223372036854775807 END;"
  "ALTER TABLE messages ADD COLUMN event_field TEXT;"
  "ALTER TABLE messages ADD COLUMN event_old TEXT;"
  "ALTER TABLE messages ADD COLUMN event_new TEXT;"
  "CREATE INDEX messages_ticket_created ON messages (ticket_id, created);"
  "CREATE INDEX attachments_message ON attachments (message_id);"
  "CREATE TABLE ticket_followers ("
  "  ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,"
  "  agent_id INTEGER NOT NULL REFERENCES agents (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (ticket_id, agent_id)) WITHOUT ROWID;"
  "CREATE INDEX ticket_followers_agent ON ticket_followers (agent_id);"
  "CREATE TABLE mentions ("
  "  ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,"
  "  agent_id INTEGER NOT NULL REFERENCES agents (id) ON DELETE CASCADE,"
  "  message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,"
  "  seen INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (agent_id, message_id)) WITHOUT ROWID;"
  "CREATE INDEX mentions_ticket ON mentions (ticket_id);"
  "CREATE TABLE customer_identities ("
  "  value TEXT NOT NULL,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (value, customer_id)) WITHOUT ROWID;"
  "CREATE INDEX customer_identities_customer ON customer_identities (customer_id);"
  "CREATE TABLE sync_state ("
  "  account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,"
  "  cursor TEXT);"
  "DROP INDEX tickets_updated;"
  "CREATE INDEX tickets_all_updated ON tickets (updated DESC, id DESC);"
  "CREATE INDEX tickets_open_updated ON tickets (is_open, updated DESC, id DESC);"
  "CREATE INDEX tickets_open_due ON tickets (is_open, due_at, id);"
  "CREATE INDEX tickets_open_priority ON tickets (is_open, priority DESC, updated DESC, id DESC);"
  "CREATE INDEX tickets_status_updated ON tickets (status, updated DESC, id DESC);"
  "CREATE INDEX tickets_assignee ON tickets (assignee_id, is_open, updated DESC, id DESC);"
  "CREATE INDEX tickets_channel ON tickets (channel, is_open, updated DESC, id DESC);"
  "CREATE INDEX tickets_account ON tickets (account_id, is_open, updated DESC, id DESC);"
  "CREATE INDEX tickets_customer ON tickets (customer_id, created DESC);"
  "CREATE VIRTUAL TABLE ticket_fts USING fts5 ("
  "  subject, body, people,"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "INSERT INTO ticket_fts (rowid, subject, body, people)"
  "  SELECT t.id, fl_fold (t.subject),"
  "         fl_fold ((SELECT group_concat (m.text, ' ') FROM messages m WHERE m.ticket_id = t.id)),"
  "         fl_fold (coalesce (c.name, '') || ' ' || coalesce (c.emails, ''))"
  "  FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id;"
  "WITH RECURSIVE split (customer_id, rest, value) AS ("
  "  SELECT id, coalesce (emails, '') || char (10) || coalesce (phones, '') || char (10), ''"
  "  FROM customers"
  "  UNION ALL"
  "  SELECT customer_id, substr (rest, instr (rest, char (10)) + 1),"
  "         substr (rest, 1, instr (rest, char (10)) - 1)"
  "  FROM split WHERE rest != '')"
  "INSERT OR IGNORE INTO customer_identities (value, customer_id)"
  "  SELECT fl_identity (value), customer_id FROM split WHERE fl_identity (value) != '';";

/* Version 3: the outbox. Every write an agent makes is a row here,
 * committed before anything goes to a server. */
static const char migration_3[] =
  "CREATE TABLE outbox ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  ticket_id INTEGER REFERENCES tickets (id) ON DELETE SET NULL,"
  "  remote_ticket_id TEXT NOT NULL,"
  "  kind INTEGER NOT NULL,"
  "  state INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT,"
  "  value TEXT,"
  "  field TEXT,"
  "  then_status TEXT,"
  "  marker TEXT NOT NULL UNIQUE,"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  not_before INTEGER NOT NULL DEFAULT 0,"
  "  seen_until INTEGER NOT NULL DEFAULT 0,"
  "  force INTEGER NOT NULL DEFAULT 0,"
  "  outcome_unknown INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT,"
  "  created INTEGER NOT NULL,"
  "  sent_at INTEGER);"
  "CREATE INDEX outbox_state ON outbox (state, not_before);"
  "CREATE INDEX outbox_ticket ON outbox (ticket_id);";

/* Version 4: files that go with an outbox reply or note, as paths of the
 * outbox's own copies, one per line. */
static const char migration_4[] =
  "ALTER TABLE outbox ADD COLUMN attachments TEXT;";

/* Version 5: drafts, autosaved while the agent types, so a crash or a
 * switch to another ticket loses nothing. */
static const char migration_5[] =
  "CREATE TABLE drafts ("
  "  ticket_id INTEGER PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL,"
  "  note INTEGER NOT NULL DEFAULT 0,"
  "  revision INTEGER NOT NULL);";

/* Version 6: the agents an internal note mentions, resolved when it is
 * queued, so the backend makes them followers once the note is sent. */
static const char migration_6[] =
  "ALTER TABLE outbox ADD COLUMN mentions TEXT;";

/* Version 7: the files attached to a draft, as paths of the composer's
 * copies, one per line, ordered by their own revision. */
static const char migration_7[] =
  "ALTER TABLE drafts ADD COLUMN attachments TEXT;"
  "ALTER TABLE drafts ADD COLUMN attachments_revision INTEGER NOT NULL DEFAULT 0;";

/* Version 8: SLA policies, one per account as JSON (fl-sla.c's
 * format); an account without a row uses the default policy. Opening a
 * store that comes from an older version recomputes every ticket's
 * due_at from its policy once (fl_store_sla_refresh_all()). */
static const char migration_8[] =
  "CREATE TABLE sla_policies ("
  "  account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,"
  "  policy TEXT NOT NULL);";

/* Version 9: macros. A canned response may carry actions on the ticket
 * (status, priority, assignee, an internal note), as a JSON object. */
static const char migration_9[] =
  "ALTER TABLE templates ADD COLUMN actions TEXT;";

/* Version 10 (the inbox, issue 4): searches saved as views, with the view
 * they narrow, and what was notified, so a restart repeats nothing. */
static const char migration_10[] =
  "CREATE TABLE saved_searches ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  base_view TEXT NOT NULL,"
  "  text TEXT NOT NULL,"
  "  created INTEGER NOT NULL);"
  "CREATE TABLE notified ("
  "  key TEXT PRIMARY KEY,"
  "  at INTEGER NOT NULL) WITHOUT ROWID;";

/* Version 11 (issue 7): what is new for this profile's agent on a
 * ticket, for the Mentions & Tags view: the newest mention of them or
 * their being made a follower by someone else (kind 0 mention, 1
 * follow; by: the display name of who did it), when that reached the
 * store, and when they looked at the ticket while it was new. Times are
 * this computer's, in microseconds, so an event and a look are never
 * compared across clocks; fl-store-agents.c has the rule. Mentions not
 * seen yet are news from the moment of the migration. */
static const char migration_11[] =
  "CREATE TABLE ticket_news ("
  "  ticket_id INTEGER PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,"
  "  kind INTEGER NOT NULL DEFAULT 0,"
  "  by TEXT,"
  "  news_at INTEGER NOT NULL,"
  "  seen_at INTEGER NOT NULL DEFAULT 0);"
  "INSERT OR IGNORE INTO ticket_news (ticket_id, kind, news_at)"
  "  SELECT DISTINCT m.ticket_id, 0, CAST (strftime ('%s', 'now') AS INTEGER) * 1000000"
  "  FROM mentions m JOIN tickets t ON t.id = m.ticket_id"
  "  JOIN accounts c ON c.id = t.account_id AND c.me_agent_id = m.agent_id"
  "  WHERE m.seen = 0;";

/* Version 12: the search index made again, for two reasons.
 * - Prefix indexes for one- and two-letter prefixes. Search runs as the
 *   agent types, and without them FTS5 answers `r*` by merging the
 *   doclist of every indexed word that starts with r (about 150 ms at
 *   100 000 tickets, where `r*` is one doclist read with them). FTS5 sets
 *   its prefix indexes when a table is created.
 * - Folding became ICU's full case folding (ß → ss, final sigma →
 *   sigma), so the text is folded again from the tickets, not copied. */
static const char migration_12[] =
  "DROP TABLE ticket_fts;"
  "CREATE VIRTUAL TABLE ticket_fts USING fts5 ("
  "  subject, body, people,"
  "  tokenize = 'unicode61 remove_diacritics 2',"
  "  prefix = '1 2');"
  "INSERT INTO ticket_fts (rowid, subject, body, people)"
  "  SELECT t.id, fl_fold (t.subject),"
  "         fl_fold ((SELECT group_concat (m.text, ' ') FROM messages m"
  "                   WHERE m.ticket_id = t.id AND m.kind != 2)),"
  "         fl_fold (coalesce (c.name, '') || ' ' || coalesce (c.emails, ''))"
  "  FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id;";

/* Version 13: the open-tickets index carries status, due date and
 * assignee, so the Breached and Assigned to Me views walk it in the
 * list's order and test each ticket there, without reading the table.
 * At 100 000 tickets their first pages cost a fraction of a millisecond,
 * where looking up every breached ticket by due date and sorting them
 * took about 50 ms, and reading each open ticket's row for its assignee
 * about 13 ms. */
static const char migration_13[] =
  "DROP INDEX tickets_open_updated;"
  "CREATE INDEX tickets_open_updated ON tickets"
  "  (is_open, updated DESC, id DESC, status, due_at, assignee_id);";

static const char * const migrations[] = {
  NULL,
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
  migration_8,
  migration_9,
  migration_10,
  migration_11,
  migration_12,
  migration_13,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == FL_STORE_SCHEMA_VERSION + 1);

int
fl_store_schema_get_version (FlDb    *db,
                             GError **error)
{
  sqlite3_stmt *stmt = fl_db_prepare (db, "PRAGMA user_version", error);
  int version;

  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      fl_db_set_error (db, error, _("The local database cannot be read"));
      return -1;
    }

  version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

/**
 * fl_store_schema_migrate:
 * @target: the version to reach
 *
 * Migrates forward one step at a time, each step in its own transaction
 * together with the new user_version, so a crash mid-way leaves the
 * database at the last complete version.
 */
gboolean
fl_store_schema_migrate (FlDb    *db,
                         int      target,
                         GError **error)
{
  int version = fl_store_schema_get_version (db, error);

  if (version < 0)
    return FALSE;

  if (version > FL_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, FL_STORE_ERROR, FL_STORE_ERROR_TOO_NEW,
                   _("The local database was written by a newer version of Frontline (schema %d; this version reads up to %d)"),
                   version, FL_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  while (version < target)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      g_debug ("Migrating the store from schema %d to %d", version, version + 1);

      if (!fl_db_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!fl_db_exec (db, migrations[version + 1], error) ||
          !fl_db_exec (db, bump, error) ||
          !fl_db_exec (db, "COMMIT", error))
        {
          fl_db_exec (db, "ROLLBACK", NULL);
          return FALSE;
        }

      version++;
    }

  return TRUE;
}
