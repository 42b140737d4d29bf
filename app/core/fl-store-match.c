/* fl-store-match.c: the tickets that match a full-text expression, read once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-store-private.h"
#include "fl-util.h"

/* A search reads the full-text index once, here, and the ticket query
 * then tests each ticket of its view against the answer with
 * fl_match(id, set). SQLite's own `id IN (SELECT rowid …)` builds a
 * temporary b-tree of every match for the same purpose: for a short
 * prefix that matches nearly every ticket, building it cost about as
 * much as reading the index. A bit per ticket id costs nothing to fill
 * and to test.
 *
 * Knowing how many tickets match also lets the query choose its plan: a
 * few matches are looked up by id and sorted, many are found by walking
 * the view's index in the list's order (see fl-store.c). */

/* Ids are allotted by the store from 1 up, so a bit per id is small: 12 kB
 * at 100 000 tickets. Past this many ids, the sorted array is searched. */
#define MAX_BITMAP_ID (G_GINT64_CONSTANT (1) << 26)

#define POINTER_TYPE "fl-match-set"

struct _FlMatchSet
{
  GArray *ids;   /* sorted, ascending */
  guint8 *bits;  /* bit per id up to the largest, or NULL */
  gint64  max_id;
};

void
fl_match_set_free (FlMatchSet *set)
{
  if (set == NULL)
    return;

  g_array_unref (set->ids);
  g_free (set->bits);
  g_free (set);
}

/**
 * fl_match_set_new:
 * @db: a connection
 * @expression: an FTS5 expression
 *
 * Reads the ids of every ticket that matches @expression.
 *
 * Returns: (transfer full): the matches, or %NULL with @error set
 */
FlMatchSet *
fl_match_set_new (FlDb        *db,
                  const char  *expression,
                  GError     **error)
{
  static const char sql[] =
    "SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ?1 ORDER BY rowid";
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  FlMatchSet *set;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = fl_db_prepare (db, sql, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not search the local database"));
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  set = g_new0 (FlMatchSet, 1);
  set->ids = g_steal_pointer (&ids);
  set->max_id = set->ids->len > 0 ? g_array_index (set->ids, gint64, set->ids->len - 1) : 0;

  if (set->ids->len > 0 && set->max_id < MAX_BITMAP_ID &&
      g_array_index (set->ids, gint64, 0) >= 0)
    {
      set->bits = g_malloc0 (set->max_id / 8 + 1);
      for (guint i = 0; i < set->ids->len; i++)
        {
          gint64 id = g_array_index (set->ids, gint64, i);
          set->bits[id / 8] |= 1 << (id % 8);
        }
    }

  return set;
}

guint
fl_match_set_get_size (const FlMatchSet *set)
{
  return set->ids->len;
}

gboolean
fl_match_set_contains (const FlMatchSet *set,
                       gint64            id)
{
  if (id > set->max_id || id < 0)
    return FALSE;
  if (set->bits != NULL)
    return (set->bits[id / 8] >> (id % 8)) & 1;
  return bsearch (&id, set->ids->data, set->ids->len, sizeof (gint64), fl_compare_int64) != NULL;
}

/**
 * fl_match_set_append_ids:
 * @sql: where to write
 *
 * Writes the matches as an SQL list, "(1, 5, 9)", for a query that looks
 * a few matches up by id. An empty set writes "(NULL)", which nothing is
 * IN.
 */
void
fl_match_set_append_ids (const FlMatchSet *set,
                         GString          *sql)
{
  g_string_append_c (sql, '(');
  for (guint i = 0; i < set->ids->len; i++)
    g_string_append_printf (sql, i ? ", %" G_GINT64_FORMAT : "%" G_GINT64_FORMAT,
                            g_array_index (set->ids, gint64, i));
  if (set->ids->len == 0)
    g_string_append (sql, "NULL");
  g_string_append_c (sql, ')');
}

/**
 * fl_match_set_bind:
 * @set: (transfer full): the matches
 *
 * Binds @set to a parameter for fl_match(); the statement frees it.
 */
void
fl_match_set_bind (sqlite3_stmt *stmt,
                   int           param,
                   FlMatchSet   *set)
{
  sqlite3_bind_pointer (stmt, param, set, POINTER_TYPE, (void (*) (void *)) fl_match_set_free);
}

/* fl_match(id, set): whether the ticket @id is in a set bound with
 * fl_match_set_bind(). */
static void
sql_match (sqlite3_context  *ctx,
           int               argc,
           sqlite3_value   **argv)
{
  FlMatchSet *set = sqlite3_value_pointer (argv[1], POINTER_TYPE);

  if (set == NULL)
    {
      sqlite3_result_error (ctx, "fl_match() needs a bound match set", -1);
      return;
    }

  sqlite3_result_int (ctx, fl_match_set_contains (set, sqlite3_value_int64 (argv[0])));
}

void
fl_match_set_register (sqlite3 *db)
{
  sqlite3_create_function (db, "fl_match", 2, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                           NULL, sql_match, NULL, NULL);
}
