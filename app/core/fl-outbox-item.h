/* fl-outbox-item.h: one change waiting to reach a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fl-enums.h"
#include "fl-types.h"


G_BEGIN_DECLS

/**
 * FlOutboxKind:
 *
 * What an outbox item does. Stored as its integer value; never reorder.
 */
typedef enum
{
  FL_OUTBOX_REPLY,
  FL_OUTBOX_NOTE,
  FL_OUTBOX_SET_STATUS,
  FL_OUTBOX_SET_OWNER,
  FL_OUTBOX_SET_PRIORITY,
  FL_OUTBOX_SET_FIELD,
  FL_OUTBOX_ADD_WATCHER,
  FL_OUTBOX_REMOVE_WATCHER,
} FlOutboxKind;

/**
 * FlOutboxState:
 * @FL_OUTBOX_QUEUED: waiting to be sent, perhaps after a delay
 * @FL_OUTBOX_SENDING: an attempt started; after a crash its outcome is
 *   unknown
 * @FL_OUTBOX_SENT: the server has it
 * @FL_OUTBOX_FAILED: the server refused it; the agent retries or discards
 * @FL_OUTBOX_STALE: someone else replied first; the agent decides
 * @FL_OUTBOX_DISCARDED: the agent gave it up
 */
typedef enum
{
  FL_OUTBOX_QUEUED,
  FL_OUTBOX_SENDING,
  FL_OUTBOX_SENT,
  FL_OUTBOX_FAILED,
  FL_OUTBOX_STALE,
  FL_OUTBOX_DISCARDED,
} FlOutboxState;

#define FL_TYPE_OUTBOX_KIND  (fl_outbox_kind_get_type ())
#define FL_TYPE_OUTBOX_STATE (fl_outbox_state_get_type ())

GType fl_outbox_kind_get_type  (void) G_GNUC_CONST;
GType fl_outbox_state_get_type (void) G_GNUC_CONST;

#define FL_TYPE_OUTBOX_ITEM (fl_outbox_item_get_type ())

G_DECLARE_FINAL_TYPE (FlOutboxItem, fl_outbox_item, FL, OUTBOX_ITEM, GObject)

FlOutboxItem  *fl_outbox_item_new                  (void);
gint64         fl_outbox_item_get_id               (FlOutboxItem *self);
void           fl_outbox_item_set_id               (FlOutboxItem *self,
                                                    gint64       value);
gint64         fl_outbox_item_get_account_id       (FlOutboxItem *self);
void           fl_outbox_item_set_account_id       (FlOutboxItem *self,
                                                    gint64       value);
gint64         fl_outbox_item_get_ticket_id        (FlOutboxItem *self);
void           fl_outbox_item_set_ticket_id        (FlOutboxItem *self,
                                                    gint64       value);
const char    *fl_outbox_item_get_remote_ticket_id (FlOutboxItem *self);
void           fl_outbox_item_set_remote_ticket_id (FlOutboxItem *self,
                                                    const char   *value);
FlOutboxKind   fl_outbox_item_get_kind             (FlOutboxItem *self);
void           fl_outbox_item_set_kind             (FlOutboxItem *self,
                                                    FlOutboxKind value);
FlOutboxState  fl_outbox_item_get_state            (FlOutboxItem *self);
void           fl_outbox_item_set_state            (FlOutboxItem  *self,
                                                    FlOutboxState value);
const char    *fl_outbox_item_get_text             (FlOutboxItem *self);
void           fl_outbox_item_set_text             (FlOutboxItem *self,
                                                    const char   *value);
const char    *fl_outbox_item_get_value            (FlOutboxItem *self);
void           fl_outbox_item_set_value            (FlOutboxItem *self,
                                                    const char   *value);
const char    *fl_outbox_item_get_field            (FlOutboxItem *self);
void           fl_outbox_item_set_field            (FlOutboxItem *self,
                                                    const char   *value);
const char    *fl_outbox_item_get_then_status      (FlOutboxItem *self);
void           fl_outbox_item_set_then_status      (FlOutboxItem *self,
                                                    const char   *value);
const char    *fl_outbox_item_get_marker           (FlOutboxItem *self);
void           fl_outbox_item_set_marker           (FlOutboxItem *self,
                                                    const char   *value);
int            fl_outbox_item_get_attempts         (FlOutboxItem *self);
void           fl_outbox_item_set_attempts         (FlOutboxItem *self,
                                                    int          value);
gint64         fl_outbox_item_get_not_before       (FlOutboxItem *self);
void           fl_outbox_item_set_not_before       (FlOutboxItem *self,
                                                    gint64       value);
gint64         fl_outbox_item_get_seen_until       (FlOutboxItem *self);
void           fl_outbox_item_set_seen_until       (FlOutboxItem *self,
                                                    gint64       value);
gboolean       fl_outbox_item_get_force            (FlOutboxItem *self);
void           fl_outbox_item_set_force            (FlOutboxItem *self,
                                                    gboolean     value);
gboolean       fl_outbox_item_get_outcome_unknown  (FlOutboxItem *self);
void           fl_outbox_item_set_outcome_unknown  (FlOutboxItem *self,
                                                    gboolean     value);
const char    *fl_outbox_item_get_last_error       (FlOutboxItem *self);
void           fl_outbox_item_set_last_error       (FlOutboxItem *self,
                                                    const char   *value);
gint64         fl_outbox_item_get_created          (FlOutboxItem *self);
void           fl_outbox_item_set_created          (FlOutboxItem *self,
                                                    gint64       value);


const char * const *fl_outbox_item_get_attachments (FlOutboxItem       *self);
void                fl_outbox_item_set_attachments (FlOutboxItem       *self,
                                                    const char * const *paths);
const char * const *fl_outbox_item_get_mentions    (FlOutboxItem       *self);
void                fl_outbox_item_set_mentions    (FlOutboxItem       *self,
                                                    const char * const *usernames);

G_END_DECLS
