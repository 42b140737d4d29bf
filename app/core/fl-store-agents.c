/* fl-store-agents.c: who follows a ticket and how busy each agent is
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
  static const char sql[] =
    "SELECT assignee_id, count(*) FROM tickets"
    " WHERE account_id = ?1 AND is_open = 1 AND assignee_id IS NOT NULL GROUP BY assignee_id";
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
