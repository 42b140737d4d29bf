/* fl-store-customers.c: a customer's history across accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-store"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "fl-store-private.h"

/* How many of a customer's tickets the panel loads; the count covers all. */
#define HISTORY_LIMIT 200

/* How many records one person may span; a shared address such as a
 * company's front desk must not pull in half the customer base. */
#define LINK_LIMIT 32

/* Every customer record linked to ?1 by a shared email address or phone
 * number, followed transitively: the same person writes from their work
 * address to one account and calls another from a number both know. */
#define LINKED_CTE \
  "WITH RECURSIVE linked (id) AS (" \
  "  SELECT ?1" \
  "  UNION" \
  "  SELECT other.customer_id FROM linked" \
  "    JOIN customer_identities mine ON mine.customer_id = linked.id" \
  "    JOIN customer_identities other ON other.value = mine.value" \
  "  LIMIT " G_STRINGIFY (LINK_LIMIT) ")"

static gboolean
read_linked (FlDb     *db,
             gint64    customer_id,
             GArray   *customer_ids,
             GArray   *ticket_ids,
             guint    *n_total,
             GError  **error)
{
  static const char customers_sql[] = LINKED_CTE " SELECT id FROM linked";
  static const char tickets_sql[] =
    LINKED_CTE
    " SELECT id FROM tickets WHERE customer_id IN (SELECT id FROM linked)"
    " ORDER BY created DESC, id DESC LIMIT " G_STRINGIFY (HISTORY_LIMIT);
  static const char count_sql[] =
    LINKED_CTE " SELECT count(*) FROM tickets WHERE customer_id IN (SELECT id FROM linked)";
  const char *sqls[] = { customers_sql, tickets_sql, count_sql };

  for (guint i = 0; i < G_N_ELEMENTS (sqls); i++)
    {
      sqlite3_stmt *stmt = fl_db_prepare (db, sqls[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, customer_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 value = sqlite3_column_int64 (stmt, 0);

          if (i == 0)
            g_array_append_val (customer_ids, value);
          else if (i == 1)
            g_array_append_val (ticket_ids, value);
          else
            *n_total = (guint) value;
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          fl_db_set_error (db, error, _("Could not read the customer’s history"));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * fl_store_load_customer_history:
 * @customer_id: the customer of the open ticket
 *
 * Loads the customer with every record of the same person in any
 * account (matched by email address or phone number) merged in, and
 * their newest tickets from all of those records.
 *
 * Returns: (transfer full): the history, or %NULL with
 *   %FL_STORE_ERROR_NOT_FOUND when there is no such customer
 */
FlCustomerHistory *
fl_store_load_customer_history (FlStore  *self,
                                gint64    customer_id,
                                GError  **error)
{
  g_autoptr(GArray) customer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ticket_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(FlCustomerHistory) history = NULL;
  g_autoptr(FlCustomer) customer = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  guint n_total = 0;
  gboolean ok;
  FlDb *db;

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;
  /* One snapshot, so the count agrees with the list under a sync. */
  ok = fl_db_exec (db, "BEGIN", error) &&
       read_linked (db, customer_id, customer_ids, ticket_ids, &n_total, error);
  fl_db_exec (db, "COMMIT", NULL);
  fl_store_reader_release (self, db);
  if (!ok)
    return NULL;

  if (!(customer = fl_store_load_customer (self, customer_id, error)))
    return NULL;
  history = fl_customer_history_new (customer);

  for (guint i = 0; i < customer_ids->len; i++)
    {
      g_autoptr(FlCustomer) other = NULL;
      gint64 id = g_array_index (customer_ids, gint64, i);

      /* A record removed since the first read is simply left out. */
      if (id != customer_id && (other = fl_store_load_customer (self, id, NULL)))
        fl_customer_history_merge (history, other);
    }

  if (!(tickets = fl_store_load_tickets (self, (const gint64 *) (gpointer) ticket_ids->data,
                                         ticket_ids->len, error)))
    return NULL;
  fl_customer_history_set_tickets (history, tickets, n_total);

  return g_steal_pointer (&history);
}
