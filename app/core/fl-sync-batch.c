/* fl-sync-batch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-sync-batch"

#include "config.h"

#include "fl-sync-batch.h"
#include "fl-util.h"

/**
 * FlSyncBatch:
 *
 * What one fetch from a backend returned: agents, customers and tickets
 * with their messages, all referring to each other by remote id, plus the
 * cursor to resume from. The store applies a batch in one transaction, so
 * an interrupted sync never leaves half a batch behind.
 */
struct _FlSyncBatch
{
  gatomicrefcount ref_count;
  GPtrArray *agents;
  GPtrArray *customers;
  GPtrArray *tickets;
  char *me;
  char *cursor;
  gboolean complete;
};

G_DEFINE_BOXED_TYPE (FlSyncBatch, fl_sync_batch, fl_sync_batch_ref, fl_sync_batch_unref)

static void
sync_ticket_free (FlSyncTicket *st)
{
  g_clear_object (&st->ticket);
  g_free (st->customer_remote_id);
  g_free (st->assignee_remote_id);
  g_ptr_array_unref (st->follower_remote_ids);
  g_free (st->me_added_by);
  g_free (st->me_added_by_name);
  g_ptr_array_unref (st->messages);
  g_free (st);
}

FlSyncBatch *
fl_sync_batch_new (void)
{
  FlSyncBatch *self = g_new0 (FlSyncBatch, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->agents = g_ptr_array_new_with_free_func (g_object_unref);
  self->customers = g_ptr_array_new_with_free_func (g_object_unref);
  self->tickets = g_ptr_array_new_with_free_func ((GDestroyNotify) sync_ticket_free);
  return self;
}

FlSyncBatch *
fl_sync_batch_ref (FlSyncBatch *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
fl_sync_batch_unref (FlSyncBatch *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->agents);
  g_ptr_array_unref (self->customers);
  g_ptr_array_unref (self->tickets);
  g_free (self->me);
  g_free (self->cursor);
  g_free (self);
}

void
fl_sync_batch_add_agent (FlSyncBatch *self,
                         FlAgent     *agent)
{
  g_ptr_array_add (self->agents, g_object_ref (agent));
}

void
fl_sync_batch_add_customer (FlSyncBatch *self,
                            FlCustomer  *customer)
{
  g_ptr_array_add (self->customers, g_object_ref (customer));
}

/**
 * fl_sync_batch_add_ticket:
 *
 * Returns: (transfer none): the entry, to add followers and messages to
 */
FlSyncTicket *
fl_sync_batch_add_ticket (FlSyncBatch *self,
                          FlTicket    *ticket,
                          const char  *customer_remote_id,
                          const char  *assignee_remote_id)
{
  FlSyncTicket *st = g_new0 (FlSyncTicket, 1);

  st->ticket = g_object_ref (ticket);
  st->customer_remote_id = g_strdup (customer_remote_id);
  st->assignee_remote_id = g_strdup (assignee_remote_id);
  st->follower_remote_ids = g_ptr_array_new_with_free_func (g_free);
  st->messages = g_ptr_array_new_with_free_func (g_object_unref);
  st->replace_messages = TRUE;
  g_ptr_array_add (self->tickets, st);
  return st;
}

void
fl_sync_ticket_add_follower (FlSyncTicket *st,
                             const char   *agent_remote_id)
{
  g_ptr_array_add (st->follower_remote_ids, g_strdup (agent_remote_id));
}

/**
 * fl_sync_ticket_set_me_added_by:
 * @by_remote_id: the remote id of the agent who made this account's own
 *   agent ("me") a follower of the ticket
 * @by_name: (nullable): that agent's display name
 *
 * Says who made me a follower, when the backend knows (Request Tracker:
 * the newest AddWatcher transaction naming the token's user). The store
 * tells a follow of my own from one that is news with it.
 */
void
fl_sync_ticket_set_me_added_by (FlSyncTicket *st,
                                const char   *by_remote_id,
                                const char   *by_name)
{
  g_free (st->me_added_by);
  g_free (st->me_added_by_name);
  st->me_added_by = g_strdup (by_remote_id);
  st->me_added_by_name = g_strdup (by_name && *by_name ? by_name : by_remote_id);
}

void
fl_sync_ticket_add_message (FlSyncTicket *st,
                            FlMessage    *message)
{
  g_ptr_array_add (st->messages, g_object_ref (message));
}

/**
 * fl_sync_batch_get_agents:
 *
 * Returns: (transfer none) (element-type FlAgent): the agents
 */
GPtrArray *
fl_sync_batch_get_agents (FlSyncBatch *self)
{
  return self->agents;
}

/**
 * fl_sync_batch_get_customers:
 *
 * Returns: (transfer none) (element-type FlCustomer): the customers
 */
GPtrArray *
fl_sync_batch_get_customers (FlSyncBatch *self)
{
  return self->customers;
}

/**
 * fl_sync_batch_get_tickets:
 *
 * Returns: (transfer none) (element-type FlSyncTicket): the tickets
 */
GPtrArray *
fl_sync_batch_get_tickets (FlSyncBatch *self)
{
  return self->tickets;
}

/**
 * fl_sync_batch_set_me:
 * @agent_remote_id: (nullable): the remote id of the agent the account
 *   authenticates as
 */
void
fl_sync_batch_set_me (FlSyncBatch *self,
                      const char  *agent_remote_id)
{
  fl_set_str (&self->me, agent_remote_id);
}

const char *
fl_sync_batch_get_me (FlSyncBatch *self)
{
  return self->me;
}

/**
 * fl_sync_batch_set_cursor:
 * @cursor: (nullable): where the next fetch resumes, opaque to all but
 *   the backend that made it
 */
void
fl_sync_batch_set_cursor (FlSyncBatch *self,
                          const char  *cursor)
{
  fl_set_str (&self->cursor, cursor);
}

const char *
fl_sync_batch_get_cursor (FlSyncBatch *self)
{
  return self->cursor;
}

/**
 * fl_sync_batch_set_complete:
 * @complete: whether this is the last batch of the current sync
 */
void
fl_sync_batch_set_complete (FlSyncBatch *self,
                            gboolean     complete)
{
  self->complete = !!complete;
}

gboolean
fl_sync_batch_get_complete (FlSyncBatch *self)
{
  return self->complete;
}
