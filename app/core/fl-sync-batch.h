/* fl-sync-batch.h: records fetched from a backend, applied to the store at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fl-agent.h"
#include "fl-customer.h"
#include "fl-message.h"
#include "fl-ticket.h"
#include "fl-types.h"

G_BEGIN_DECLS

typedef struct _FlSyncTicket FlSyncTicket;

/**
 * FlSyncTicket:
 * @ticket: the ticket; its local ids are not set, only remote ones
 * @customer_remote_id: the requester's remote id, or %NULL
 * @assignee_remote_id: the assignee's remote id, or %NULL
 * @follower_remote_ids: the followers' remote ids
 * @me_added_by: (nullable): the remote id of who made the account's own
 *   agent a follower, when the backend knows
 * @me_added_by_name: (nullable): their display name
 * @messages: (element-type FlMessage): messages to add or update
 * @replace_messages: whether @messages is the whole conversation
 *
 * One ticket of a #FlSyncBatch with its references still remote.
 */
struct _FlSyncTicket
{
  FlTicket   *ticket;
  char       *customer_remote_id;
  char       *assignee_remote_id;
  GPtrArray  *follower_remote_ids;
  char       *me_added_by;
  char       *me_added_by_name;
  GPtrArray  *messages;
  gboolean    replace_messages;
};

#define FL_TYPE_SYNC_BATCH (fl_sync_batch_get_type ())

GType         fl_sync_batch_get_type      (void) G_GNUC_CONST;
FlSyncBatch  *fl_sync_batch_new           (void);
FlSyncBatch  *fl_sync_batch_ref           (FlSyncBatch  *self);
void          fl_sync_batch_unref         (FlSyncBatch  *self);
void          fl_sync_batch_add_agent     (FlSyncBatch  *self,
                                           FlAgent      *agent);
void          fl_sync_batch_add_customer  (FlSyncBatch  *self,
                                           FlCustomer   *customer);
FlSyncTicket *fl_sync_batch_add_ticket    (FlSyncBatch  *self,
                                           FlTicket     *ticket,
                                           const char   *customer_remote_id,
                                           const char   *assignee_remote_id);
void          fl_sync_ticket_add_follower (FlSyncTicket *ticket,
                                           const char   *agent_remote_id);
void          fl_sync_ticket_set_me_added_by (FlSyncTicket *ticket,
                                              const char   *by_remote_id,
                                              const char   *by_name);
void          fl_sync_ticket_add_message  (FlSyncTicket *ticket,
                                           FlMessage    *message);
GPtrArray    *fl_sync_batch_get_agents    (FlSyncBatch  *self);
GPtrArray    *fl_sync_batch_get_customers (FlSyncBatch  *self);
GPtrArray    *fl_sync_batch_get_tickets   (FlSyncBatch  *self);
void          fl_sync_batch_set_me        (FlSyncBatch  *self,
                                           const char   *agent_remote_id);
const char   *fl_sync_batch_get_me        (FlSyncBatch  *self);
void          fl_sync_batch_set_cursor    (FlSyncBatch  *self,
                                           const char   *cursor);
const char   *fl_sync_batch_get_cursor    (FlSyncBatch  *self);
void          fl_sync_batch_set_complete  (FlSyncBatch  *self,
                                           gboolean      complete);
gboolean      fl_sync_batch_get_complete  (FlSyncBatch  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlSyncBatch, fl_sync_batch_unref)

G_END_DECLS
