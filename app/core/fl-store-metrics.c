/* fl-store-metrics.c: the dashboard's figures from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-store-private.h"

static const FlSlaPolicy *
policy_from_table (gint64   account_id,
                   gpointer user_data)
{
  return g_hash_table_lookup (user_data, &account_id);
}

/**
 * fl_store_load_metrics:
 * @filter: the period and filter
 * @tz: the zone whose days the backlog counts
 *
 * Reads, in one read transaction, every ticket of @filter's account,
 * channel and agent that could count in the period (created before its
 * end, and still open or changed since its start), their conversations
 * and their accounts' SLA policies, and computes the figures.
 *
 * Returns: (transfer full): the figures, or %NULL on a read error
 */
FlMetrics *
fl_store_load_metrics (FlStore                *self,
                       const FlMetricsFilter  *filter,
                       GTimeZone              *tz,
                       GError                **error)
{
  static const char sql[] =
    "SELECT id, account_id FROM tickets"
    " WHERE created < ?1 AND (is_open = 1 OR updated >= ?2)"
    "  AND (?3 = 0 OR account_id = ?3) AND (?4 < 0 OR channel = ?4)"
    "  AND (?5 = 0 OR assignee_id = ?5)"
    " ORDER BY id";
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GPtrArray) conversations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) policies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          (GDestroyNotify) fl_sla_policy_free);
  FlMetrics *metrics = NULL;
  sqlite3_stmt *stmt;
  FlDb *db;
  int rc;

  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;
  fl_db_exec (db, "BEGIN", NULL);

  if (!(stmt = fl_db_prepare (db, sql, error)))
    goto out;
  sqlite3_bind_int64 (stmt, 1, filter->to);
  sqlite3_bind_int64 (stmt, 2, filter->from);
  sqlite3_bind_int64 (stmt, 3, filter->account_id);
  sqlite3_bind_int (stmt, 4, filter->channel);
  sqlite3_bind_int64 (stmt, 5, filter->agent_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 account_id = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (ids, id);
      if (!g_hash_table_contains (policies, &account_id))
        {
          FlSlaPolicy *policy = fl_store_db_load_sla_policy (db, account_id, error);

          if (policy == NULL)
            {
              sqlite3_reset (stmt);
              goto out;
            }
          g_hash_table_insert (policies, g_memdup2 (&account_id, sizeof account_id), policy);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not read tickets"));
      goto out;
    }

  if (!(tickets = fl_store_db_load_tickets (db, (gint64 *) (gpointer) ids->data, ids->len, error)))
    goto out;
  for (guint i = 0; i < tickets->len; i++)
    {
      GPtrArray *messages = fl_store_db_load_messages (db, fl_ticket_get_id (tickets->pdata[i]), error);

      if (messages == NULL)
        goto out;
      g_ptr_array_add (conversations, messages);
    }

  metrics = fl_metrics_compute (tickets, conversations, policy_from_table, policies, filter, tz);

out:
  fl_db_exec (db, "COMMIT", NULL);
  fl_store_reader_release (self, db);
  return metrics;
}

typedef struct
{
  FlMetricsFilter  filter;
  GTimeZone       *tz;
} MetricsData;

static void
metrics_data_free (MetricsData *d)
{
  g_time_zone_unref (d->tz);
  g_free (d);
}

static void
load_metrics_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  MetricsData *d = task_data;
  GError *error = NULL;
  FlMetrics *metrics = fl_store_load_metrics (source_object, &d->filter, d->tz, &error);

  if (metrics != NULL)
    g_task_return_pointer (task, metrics, (GDestroyNotify) fl_metrics_unref);
  else
    g_task_return_error (task, error);
}

void
fl_store_load_metrics_async (FlStore               *self,
                             const FlMetricsFilter *filter,
                             GTimeZone             *tz,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  MetricsData *d;

  g_return_if_fail (FL_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_store_load_metrics_async);
  d = g_new0 (MetricsData, 1);
  d->filter = *filter;
  d->tz = g_time_zone_ref (tz);
  g_task_set_task_data (task, d, (GDestroyNotify) metrics_data_free);
  g_task_run_in_thread (task, load_metrics_thread);
}

/**
 * fl_store_load_metrics_finish:
 *
 * Returns: (transfer full): the figures; see fl_store_load_metrics()
 */
FlMetrics *
fl_store_load_metrics_finish (FlStore       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
