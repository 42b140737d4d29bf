/* fl-store-sla.c: SLA policies per account and the due times they give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-store-private.h"

/* Each account's policy is a row of sla_policies holding fl-sla.c's JSON;
 * an account without one uses fl_sla_policy_new_default().
 *
 * tickets.due_at, which the "SLA at Risk" and "Breached" views and the
 * "due" sort read, is the earliest of the policy's open targets (as
 * fl_sla_compute_ticket() gives them) and the backend's own due dates.
 * It is written whenever a ticket or its conversation changes (sync,
 * outbox) and for every ticket of an account when its policy changes.
 * While a clock runs, its due time does not move with the time, so the
 * column stays right between writes; a paused clock has none. */

/**
 * fl_store_db_load_sla_policy:
 *
 * Returns: (transfer full): the account's policy, the default if it has
 *   none; %NULL on a read error
 */
FlSlaPolicy *
fl_store_db_load_sla_policy (FlDb    *db,
                             gint64   account_id,
                             GError **error)
{
  static const char sql[] = "SELECT policy FROM sla_policies WHERE account_id = ?1";
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  g_autofree char *json = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    json = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not read the SLA policy"));
      return NULL;
    }

  if (json != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      FlSlaPolicy *policy = fl_sla_policy_from_json (json, &local_error);

      if (policy != NULL)
        return policy;
      g_warning ("Account %" G_GINT64_FORMAT ": unreadable SLA policy, using the default: %s",
                 account_id, local_error->message);
    }

  return fl_sla_policy_new_default ();
}

/* The conversation as the SLA clocks read it: kind, direction, time and
 * status change of each message, without texts or attachments. */
static GPtrArray *
load_history (FlDb    *db,
              gint64   ticket_id,
              GError **error)
{
  static const char sql[] =
    "SELECT kind, direction, created, event_field, event_old, event_new"
    " FROM messages WHERE ticket_id = ?1 AND (kind = 0 OR (kind = 2 AND event_field = 'status'))"
    " ORDER BY created, id";
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FlMessage *m = fl_message_new ();

      fl_message_set_kind (m, CLAMP (sqlite3_column_int (stmt, 0), 0, FL_MESSAGE_EVENT));
      fl_message_set_direction (m, CLAMP (sqlite3_column_int (stmt, 1), 0, FL_DIRECTION_OUTBOUND));
      fl_message_set_created (m, sqlite3_column_int64 (stmt, 2));
      fl_message_set_event_field (m, (const char *) sqlite3_column_text (stmt, 3));
      fl_message_set_event_old (m, (const char *) sqlite3_column_text (stmt, 4));
      fl_message_set_event_new (m, (const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (messages, m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not read the conversation"));
      return NULL;
    }

  return g_steal_pointer (&messages);
}

static gboolean
refresh_with (FlDb               *db,
              const FlSlaPolicy  *policy,
              gint64              ticket_id,
              gint64              now,
              GError            **error)
{
  static const char sql[] = "UPDATE tickets SET due_at = ?2 WHERE id = ?1";
  g_autoptr(GPtrArray) tickets = fl_store_db_load_tickets (db, &ticket_id, 1, error);
  g_autoptr(GPtrArray) messages = NULL;
  FlSlaResult result;
  FlTicket *ticket;
  sqlite3_stmt *stmt;
  gint64 due, backend;
  int rc;

  if (tickets == NULL)
    return FALSE;
  if (tickets->len == 0)
    return TRUE;
  ticket = tickets->pdata[0];

  if (!(messages = load_history (db, ticket_id, error)))
    return FALSE;

  /* Evaluated no earlier than the newest thing the ticket knows of: a
   * clock's due time does not depend on when it is looked at, and a
   * backend whose clock runs ahead of ours must not hide its events. */
  now = MAX (now, fl_ticket_get_updated (ticket));
  if (messages->len > 0)
    now = MAX (now, fl_message_get_created (messages->pdata[messages->len - 1]));

  fl_sla_compute_ticket (policy, ticket, messages, now, &result);
  due = fl_sla_result_next_due (&result);
  backend = fl_sla_backend_due (ticket);
  if (backend != 0 && (due == 0 || backend < due))
    due = backend;

  if (!(stmt = fl_db_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  sqlite3_bind_int64 (stmt, 2, due ? due : FL_DUE_NONE);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not update the ticket"));
      return FALSE;
    }

  return TRUE;
}

static gint64
real_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/**
 * fl_store_sla_refresh_ticket:
 * @db: the writer, inside a transaction
 *
 * Recomputes one ticket's due_at from its account's policy, its
 * conversation and the backend's due dates.
 */
gboolean
fl_store_sla_refresh_ticket (FlDb    *db,
                             gint64   ticket_id,
                             GError **error)
{
  static const char sql[] = "SELECT account_id FROM tickets WHERE id = ?1";
  g_autoptr(FlSlaPolicy) policy = NULL;
  sqlite3_stmt *stmt = fl_db_prepare (db, sql, error);
  gint64 account_id = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    account_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  if (!(policy = fl_store_db_load_sla_policy (db, account_id, error)))
    return FALSE;
  return refresh_with (db, policy, ticket_id, real_now (), error);
}

/**
 * fl_store_sla_refresh_ticket_with:
 * @db: the writer, inside a transaction
 * @policy: the ticket's account's policy
 *
 * fl_store_sla_refresh_ticket() with the policy already at hand, for a
 * batch of one account's tickets.
 */
gboolean
fl_store_sla_refresh_ticket_with (FlDb               *db,
                                  const FlSlaPolicy  *policy,
                                  gint64              ticket_id,
                                  GError            **error)
{
  return refresh_with (db, policy, ticket_id, real_now (), error);
}

/**
 * fl_store_sla_refresh_account:
 * @db: the writer, inside a transaction
 * @changed: (nullable) (element-type gint64): receives the ids of open
 *   tickets
 *
 * Recomputes due_at for every open ticket of @account_id, after its
 * policy changed. Done tickets have no due time whatever the policy.
 */
gboolean
fl_store_sla_refresh_account (FlDb    *db,
                              gint64   account_id,
                              GArray  *changed,
                              GError **error)
{
  static const char sql[] = "SELECT id FROM tickets WHERE account_id = ?1 AND is_open = 1";
  g_autoptr(FlSlaPolicy) policy = fl_store_db_load_sla_policy (db, account_id, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 now = real_now ();
  int rc;

  if (policy == NULL || !(stmt = fl_db_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not read tickets"));
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      if (!refresh_with (db, policy, g_array_index (ids, gint64, i), now, error))
        return FALSE;
      if (changed != NULL)
        g_array_append_val (changed, g_array_index (ids, gint64, i));
    }

  return TRUE;
}

/**
 * fl_store_sla_refresh_all:
 * @db: the writer, outside a transaction
 *
 * Recomputes due_at for every account, in one transaction; the store
 * does it once, when it migrates to the schema that brought policies.
 */
gboolean
fl_store_sla_refresh_all (FlDb    *db,
                          GError **error)
{
  static const char sql[] = "SELECT id FROM accounts";
  g_autoptr(GArray) accounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!fl_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!(stmt = fl_db_prepare (db, sql, error)))
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (accounts, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not read accounts"));
      goto fail;
    }

  for (guint i = 0; i < accounts->len; i++)
    if (!fl_store_sla_refresh_account (db, g_array_index (accounts, gint64, i), NULL, error))
      goto fail;

  return fl_db_exec (db, "COMMIT", error);

fail:
  fl_db_exec (db, "ROLLBACK", NULL);
  return FALSE;
}

/* The public calls */

static FlSlaPolicy *
read_policy (FlStore  *self,
             gint64    account_id,
             GError  **error)
{
  FlSlaPolicy *policy;
  FlDb *db;

  if (!(db = fl_store_reader_acquire (self, error)))
    return NULL;
  policy = fl_store_db_load_sla_policy (db, account_id, error);
  fl_store_reader_release (self, db);
  return policy;
}

/**
 * fl_store_load_sla_policy:
 *
 * Returns: (transfer full): the policy of @account_id, the default one if
 *   it has none; %NULL only on a read error
 */
FlSlaPolicy *
fl_store_load_sla_policy (FlStore  *self,
                          gint64    account_id,
                          GError  **error)
{
  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  return read_policy (self, account_id, error);
}

/**
 * fl_store_load_sla_policies:
 *
 * Returns: (transfer full) (element-type gint64 FlSlaPolicy): every
 *   account's policy by account id (keys point to gint64)
 */
GHashTable *
fl_store_load_sla_policies (FlStore  *self,
                            GError  **error)
{
  g_autoptr(GPtrArray) accounts = fl_store_list_accounts (self, error);
  g_autoptr(GHashTable) policies = NULL;

  if (accounts == NULL)
    return NULL;

  policies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                    (GDestroyNotify) fl_sla_policy_free);
  for (guint i = 0; i < accounts->len; i++)
    {
      gint64 id = fl_account_get_id (accounts->pdata[i]);
      FlSlaPolicy *policy = read_policy (self, id, error);

      if (policy == NULL)
        return NULL;
      g_hash_table_insert (policies, g_memdup2 (&id, sizeof id), policy);
    }

  return g_steal_pointer (&policies);
}

typedef struct
{
  gint64       account_id;
  FlSlaPolicy *policy;
} SaveData;

static void
save_data_free (SaveData *d)
{
  g_clear_pointer (&d->policy, fl_sla_policy_free);
  g_free (d);
}

static gboolean
save_policy_cb (FlStore  *self,
                FlDb     *db,
                gpointer  data,
                GArray   *changed,
                GError  **error)
{
  static const char upsert_sql[] =
    "INSERT INTO sla_policies (account_id, policy) VALUES (?1, ?2)"
    " ON CONFLICT (account_id) DO UPDATE SET policy = excluded.policy";
  static const char delete_sql[] = "DELETE FROM sla_policies WHERE account_id = ?1";
  SaveData *d = data;
  g_autofree char *json = d->policy ? fl_sla_policy_to_json (d->policy) : NULL;
  sqlite3_stmt *stmt = fl_db_prepare (db, json ? upsert_sql : delete_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->account_id);
  if (json != NULL)
    fl_db_bind_text (stmt, 2, json);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fl_db_set_error (db, error, _("Could not save the SLA policy"));
      return FALSE;
    }

  return fl_store_sla_refresh_account (db, d->account_id, changed, error);
}

/**
 * fl_store_save_sla_policy:
 * @policy: (nullable): the new policy, or %NULL to go back to the default
 *
 * Saves the policy of @account_id and recomputes the due times of its
 * open tickets in the same transaction; emits ::tickets-changed for them
 * and ::accounts-changed.
 */
gboolean
fl_store_save_sla_policy (FlStore            *self,
                          gint64              account_id,
                          const FlSlaPolicy  *policy,
                          GError            **error)
{
  SaveData d = { account_id, (FlSlaPolicy *) policy };

  g_return_val_if_fail (FL_IS_STORE (self), FALSE);

  return fl_store_write (self, save_policy_cb, &d, FL_STORE_CHANGED_ACCOUNTS, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *d = task_data;
  GError *error = NULL;

  if (fl_store_save_sla_policy (source_object, d->account_id, d->policy, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fl_store_save_sla_policy_async (FlStore             *self,
                                gint64               account_id,
                                const FlSlaPolicy   *policy,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *d;

  g_return_if_fail (FL_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_store_save_sla_policy_async);
  d = g_new0 (SaveData, 1);
  d->account_id = account_id;
  d->policy = policy ? fl_sla_policy_copy (policy) : NULL;
  g_task_set_task_data (task, d, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
fl_store_save_sla_policy_finish (FlStore       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_policies_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  GHashTable *policies = fl_store_load_sla_policies (source_object, &error);

  if (policies != NULL)
    g_task_return_pointer (task, policies, (GDestroyNotify) g_hash_table_unref);
  else
    g_task_return_error (task, error);
}

void
fl_store_load_sla_policies_async (FlStore             *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FL_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_store_load_sla_policies_async);
  g_task_run_in_thread (task, load_policies_thread);
}

/**
 * fl_store_load_sla_policies_finish:
 *
 * Returns: (transfer full): see fl_store_load_sla_policies()
 */
GHashTable *
fl_store_load_sla_policies_finish (FlStore       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
