/* fl-store-agents.c: who follows a ticket, how busy each agent is, and what is new for me
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-store"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "fl-store-private.h"

/* Runs @sql with ?1 bound to @id and hands each row's two integer columns
 * to @row. */
static gboolean
read_pairs (FlStore      *self,
            const char   *sql,
            gint64        id,
            void        (*row) (gint64 a, gint64 b, gpointer data),
            gpointer      data,
            GError      **error)
{
  sqlite3_stmt *stmt;
  FlDb *db;
  int rc;

  if (!(db = fl_store_reader_acquire (self, error)))
    return FALSE;
  if (!(stmt = fl_db_prepare (db, sql, error)))
    {
      fl_store_reader_release (self, db);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), data);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    fl_db_set_error (db, error, _("Could not read the agents"));
  fl_store_reader_release (self, db);

  return rc == SQLITE_DONE;
}

static void
add_count (gint64   agent_id,
           gint64   count,
           gpointer data)
{
  g_hash_table_insert (data, g_memdup2 (&agent_id, sizeof agent_id), GUINT_TO_POINTER ((guint) count));
}

/**
 * fl_store_count_open_by_agent:
 * @account_id: the account
 *
 * Counts each agent's open tickets, so a team lead sees the workload
 * before assigning.
 *
 * Returns: (transfer full): agent id (#gint64) → open tickets (#guint
 *   in a pointer); agents without open tickets are absent
 */
GHashTable *
fl_store_count_open_by_agent (FlStore  *self,
                              gint64    account_id,
                              GError  **error)
{
  /* Through the account's agents: each one's open tickets are a range
   * of the assignee index, where filtering the account's open tickets
   * reads every one of their rows (2 ms against 55 ms at 100 000
   * tickets, on every ticket shown). */
  static const char sql[] =
    "SELECT assignee_id, count(*) FROM tickets"
    " WHERE assignee_id IN (SELECT id FROM agents WHERE account_id = ?1) AND is_open = 1"
    " GROUP BY assignee_id";
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  if (!read_pairs (self, sql, account_id, add_count, counts, error))
    return NULL;
  return g_steal_pointer (&counts);
}

static void
add_id (gint64   agent_id,
        gint64   unused,
        gpointer data)
{
  g_array_append_val ((GArray *) data, agent_id);
}

/**
 * fl_store_list_follower_ids:
 * @ticket_id: the ticket
 *
 * Returns: (transfer full) (element-type gint64): the store ids of the
 *   agents who follow @ticket_id
 */
GArray *
fl_store_list_follower_ids (FlStore  *self,
                            gint64    ticket_id,
                            GError  **error)
{
  static const char sql[] = "SELECT agent_id, 0 FROM ticket_followers WHERE ticket_id = ?1";
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  if (!read_pairs (self, sql, ticket_id, add_id, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

static void
add_first (gint64   message_id,
           gint64   unused,
           gpointer data)
{
  g_array_append_val ((GArray *) data, message_id);
}

/**
 * fl_store_list_unseen_mentions:
 * @ticket_id: the ticket
 *
 * Returns: (transfer full) (element-type gint64): the ids of the notes of
 *   @ticket_id that mention this profile's agent and were not looked at
 *   yet, oldest first
 */
GArray *
fl_store_list_unseen_mentions (FlStore  *self,
                               gint64    ticket_id,
                               GError  **error)
{
  static const char sql[] =
    "SELECT m.message_id, 0 FROM mentions m"
    " JOIN messages g ON g.id = m.message_id"
    " JOIN tickets t ON t.id = m.ticket_id"
    " JOIN accounts c ON c.id = t.account_id AND c.me_agent_id = m.agent_id"
    " WHERE m.ticket_id = ?1 AND m.seen = 0 ORDER BY g.created, g.id";
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  if (!read_pairs (self, sql, ticket_id, add_first, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

static gboolean
mark_seen_cb (FlStore  *self,
              FlDb     *db,
              gpointer  data,
              GArray   *changed,
              GError  **error)
{
  static const char sql[] =
    "UPDATE mentions SET seen = 1 WHERE ticket_id = ?1 AND seen = 0 AND agent_id ="
    " (SELECT c.me_agent_id FROM tickets t JOIN accounts c ON c.id = t.account_id WHERE t.id = ?1)";
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *(gint64 *) data);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not update the mentions"));
      return FALSE;
    }
  return TRUE;
}

/**
 * fl_store_mark_mentions_seen:
 *
 * Records that the agent looked at the mentions of them in @ticket_id.
 */
gboolean
fl_store_mark_mentions_seen (FlStore  *self,
                             gint64    ticket_id,
                             GError  **error)
{
  g_return_val_if_fail (FL_IS_STORE (self), FALSE);

  return fl_store_write (self, mark_seen_cb, &ticket_id, FL_STORE_CHANGED_NONE, error);
}

static void
mark_seen_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (fl_store_mark_mentions_seen (source_object, *(gint64 *) task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * fl_store_mark_mentions_seen_async:
 *
 * fl_store_mark_mentions_seen() in a worker; nothing to wait for.
 */
void
fl_store_mark_mentions_seen_async (FlStore *self,
                                   gint64   ticket_id)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FL_IS_STORE (self));

  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_source_tag (task, fl_store_mark_mentions_seen_async);
  g_task_set_task_data (task, g_memdup2 (&ticket_id, sizeof ticket_id), g_free);
  g_task_run_in_thread (task, mark_seen_thread);
}

/* What is new for me: the Mentions & Tags view.
 *
 * The view is an inbox of news, like GitHub's notifications or
 * Zendesk's "CCs and follows": a ticket is in it while something
 * happened there for this profile's agent ("me") that they have not
 * looked at. Two things are news:
 *
 * - a note that mentions me, first written to the store (a sync, or a
 *   note of someone else's; never a note I mention someone in);
 * - my being made a follower by someone else: after the account's first
 *   complete sync, a ticket new to the store that already lists me as a
 *   follower, or a known ticket whose followers gain me. Followers the
 *   first sync finds are history, not news (accounts.last_sync is 0
 *   until a sync completes, however many batches it takes). A follow of
 *   my own is not news: the backend says who made me a follower
 *   (fl_sync_ticket_set_me_added_by()); when it does not, a follow
 *   is my own when my newest follow or unfollow of myself in the outbox
 *   that was not given up is a follow. A follow that comes with a
 *   mention of me not seen yet is part of the mention.
 *
 * Each ticket has one row in ticket_news: the newest event (news_at,
 * when it reached the store) and seen_at, when I last looked at the
 * ticket (fl_store_set_unread() with %FALSE: opening it) while it had
 * news. The ticket is new while news_at > seen_at. An event gets a
 * time after the last look even if the clock says otherwise, so a sync
 * in the same microsecond as a look is still news.
 *
 * The view lists the new tickets, plus, while the agent is in the view,
 * those they read since they opened it (seen_at >= the query's visit
 * start, fl_query_set_visit_start()): a ticket does not vanish under
 * the cursor, and is gone the next time the view opens. The sidebar's
 * count has no visit: it counts the new tickets, which are also the
 * unread rows of the view. News makes a ticket unread, and a sync does
 * not make it read again while its news is not seen. */

/**
 * fl_store_db_record_news:
 * @kind: %FL_NEWS_MENTION or %FL_NEWS_FOLLOW
 * @by: (nullable): who mentioned me or made me a follower
 *
 * Records news on @ticket_id for this profile's agent and makes the
 * ticket unread. A follow does not replace a mention not seen yet.
 */
gboolean
fl_store_db_record_news (FlDb        *db,
                         gint64       ticket_id,
                         FlNewsKind   kind,
                         const char  *by,
                         GError     **error)
{
  static const char sql[] =
    "INSERT INTO ticket_news (ticket_id, kind, by, news_at) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (ticket_id) DO UPDATE SET"
    "  kind = excluded.kind, by = excluded.by,"
    "  news_at = max (excluded.news_at, seen_at + 1, news_at + 1)"
    " WHERE NOT (excluded.kind = 1 AND kind = 0 AND news_at > seen_at)";
  static const char unread_sql[] = "UPDATE tickets SET unread = 1 WHERE id = ?1";
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  sqlite3_bind_int (stmt, 2, kind);
  fl_db_bind_text (stmt, 3, by);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not update the mentions"));
      return FALSE;
    }

  if (!(stmt = fl_db_prepare (db, unread_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not update the ticket"));
      return FALSE;
    }
  return TRUE;
}

/**
 * fl_store_db_mark_news_seen:
 * @seen: (out): whether @ticket_id had news not seen yet
 *
 * Records that the agent looked at @ticket_id: its news is seen.
 */
gboolean
fl_store_db_mark_news_seen (FlDb      *db,
                            gint64     ticket_id,
                            gboolean  *seen,
                            GError   **error)
{
  static const char sql[] =
    "UPDATE ticket_news SET seen_at = max (?2, news_at) WHERE ticket_id = ?1 AND news_at > seen_at";
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not update the mentions"));
      return FALSE;
    }
  *seen = sqlite3_changes (db->db) > 0;
  return TRUE;
}

void
fl_follow_news_free (FlFollowNews *news)
{
  if (news == NULL)
    return;

  g_free (news->by);
  g_free (news);
}

static gpointer
follow_news_from_row (sqlite3_stmt *stmt)
{
  FlFollowNews *news = g_new0 (FlFollowNews, 1);

  news->ticket_id = sqlite3_column_int64 (stmt, 0);
  news->at = sqlite3_column_int64 (stmt, 1);
  news->by = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  return news;
}

/**
 * fl_store_list_follow_news:
 *
 * Returns: (transfer full) (element-type FlFollowNews) (nullable): the
 *   tickets on which someone made this profile's agent a follower and
 *   that they have not looked at since, oldest first; %NULL on error
 */
GPtrArray *
fl_store_list_follow_news (FlStore  *self,
                           GError  **error)
{
  static const char sql[] =
    "SELECT ticket_id, news_at, by FROM ticket_news"
    " WHERE kind = 1 AND news_at > seen_at ORDER BY news_at, ticket_id";

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  return fl_store_read_rows (self, sql, follow_news_from_row, (GDestroyNotify) fl_follow_news_free,
                             _("Could not read the mentions"), error);
}
