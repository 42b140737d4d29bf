/* fl-outbox-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-outbox-item"

#include "config.h"

#include "fl-outbox-item.h"
#include "fl-util.h"

/**
 * FlOutboxItem:
 *
 * A reply, a note or a change to a ticket, written to the outbox table before anything is sent. Its marker makes sending at most once: when an attempt ends without a clear answer, the ticket is searched for the marker before the item is sent again.
 */
struct _FlOutboxItem
{
  GObject parent_instance;

  gint64 id;
  gint64 account_id;
  gint64 ticket_id;
  char *remote_ticket_id;
  FlOutboxKind kind;
  FlOutboxState state;
  char *text;
  char *value;
  char *field;
  char *then_status;
  char *marker;
  int attempts;
  gint64 not_before;
  gint64 seen_until;
  guint force : 1;
  guint outcome_unknown : 1;
  char *last_error;
  gint64 created;

  char **attachments;
  char **mentions;
};

G_DEFINE_ENUM_TYPE (FlOutboxKind, fl_outbox_kind,
  G_DEFINE_ENUM_VALUE (FL_OUTBOX_REPLY, "reply"),
  G_DEFINE_ENUM_VALUE (FL_OUTBOX_NOTE, "note"),
  G_DEFINE_ENUM_VALUE (FL_OUTBOX_SET_STATUS, "set-status"),
  G_DEFINE_ENUM_VALUE (FL_OUTBOX_SET_OWNER, "set-owner"),
  G_DEFINE_ENUM_VALUE (FL_OUTBOX_SET_PRIORITY, "set-priority"),
  G_DEFINE_ENUM_VALUE (FL_OUTBOX_SET_FIELD, "set-field"),
  G_DEFINE_ENUM_VALUE (FL_OUTBOX_ADD_WATCHER, "add-watcher"),
  G_DEFINE_ENUM_VALUE (FL_OUTBOX_REMOVE_WATCHER, "remove-watcher"))

G_DEFINE_ENUM_TYPE (FlOutboxState, fl_outbox_state,
  G_DEFINE_ENUM_VALUE (FL_OUTBOX_QUEUED, "queued"),
  G_DEFINE_ENUM_VALUE (FL_OUTBOX_SENDING, "sending"),
  G_DEFINE_ENUM_VALUE (FL_OUTBOX_SENT, "sent"),
  G_DEFINE_ENUM_VALUE (FL_OUTBOX_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (FL_OUTBOX_STALE, "stale"),
  G_DEFINE_ENUM_VALUE (FL_OUTBOX_DISCARDED, "discarded"))

G_DEFINE_FINAL_TYPE (FlOutboxItem, fl_outbox_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_TICKET_ID,
  PROP_REMOTE_TICKET_ID,
  PROP_KIND,
  PROP_STATE,
  PROP_TEXT,
  PROP_VALUE,
  PROP_FIELD,
  PROP_THEN_STATUS,
  PROP_MARKER,
  PROP_ATTEMPTS,
  PROP_NOT_BEFORE,
  PROP_SEEN_UNTIL,
  PROP_FORCE,
  PROP_OUTCOME_UNKNOWN,
  PROP_LAST_ERROR,
  PROP_CREATED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
fl_outbox_item_finalize (GObject *object)
{
  FlOutboxItem *self = (FlOutboxItem *)object;

  g_clear_pointer (&self->remote_ticket_id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->then_status, g_free);
  g_clear_pointer (&self->marker, g_free);
  g_clear_pointer (&self->last_error, g_free);

  g_clear_pointer (&self->attachments, g_strfreev);
  g_clear_pointer (&self->mentions, g_strfreev);

  G_OBJECT_CLASS (fl_outbox_item_parent_class)->finalize (object);
}

static void
fl_outbox_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FlOutboxItem *self = FL_OUTBOX_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;

    case PROP_TICKET_ID:
      g_value_set_int64 (value, self->ticket_id);
      break;

    case PROP_REMOTE_TICKET_ID:
      g_value_set_string (value, self->remote_ticket_id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    case PROP_THEN_STATUS:
      g_value_set_string (value, self->then_status);
      break;

    case PROP_MARKER:
      g_value_set_string (value, self->marker);
      break;

    case PROP_ATTEMPTS:
      g_value_set_int (value, self->attempts);
      break;

    case PROP_NOT_BEFORE:
      g_value_set_int64 (value, self->not_before);
      break;

    case PROP_SEEN_UNTIL:
      g_value_set_int64 (value, self->seen_until);
      break;

    case PROP_FORCE:
      g_value_set_boolean (value, self->force);
      break;

    case PROP_OUTCOME_UNKNOWN:
      g_value_set_boolean (value, self->outcome_unknown);
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;

    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_outbox_item_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FlOutboxItem *self = FL_OUTBOX_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      fl_outbox_item_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACCOUNT_ID:
      fl_outbox_item_set_account_id (self, g_value_get_int64 (value));
      break;

    case PROP_TICKET_ID:
      fl_outbox_item_set_ticket_id (self, g_value_get_int64 (value));
      break;

    case PROP_REMOTE_TICKET_ID:
      fl_outbox_item_set_remote_ticket_id (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      fl_outbox_item_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_STATE:
      fl_outbox_item_set_state (self, g_value_get_enum (value));
      break;

    case PROP_TEXT:
      fl_outbox_item_set_text (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      fl_outbox_item_set_value (self, g_value_get_string (value));
      break;

    case PROP_FIELD:
      fl_outbox_item_set_field (self, g_value_get_string (value));
      break;

    case PROP_THEN_STATUS:
      fl_outbox_item_set_then_status (self, g_value_get_string (value));
      break;

    case PROP_MARKER:
      fl_outbox_item_set_marker (self, g_value_get_string (value));
      break;

    case PROP_ATTEMPTS:
      fl_outbox_item_set_attempts (self, g_value_get_int (value));
      break;

    case PROP_NOT_BEFORE:
      fl_outbox_item_set_not_before (self, g_value_get_int64 (value));
      break;

    case PROP_SEEN_UNTIL:
      fl_outbox_item_set_seen_until (self, g_value_get_int64 (value));
      break;

    case PROP_FORCE:
      fl_outbox_item_set_force (self, g_value_get_boolean (value));
      break;

    case PROP_OUTCOME_UNKNOWN:
      fl_outbox_item_set_outcome_unknown (self, g_value_get_boolean (value));
      break;

    case PROP_LAST_ERROR:
      fl_outbox_item_set_last_error (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      fl_outbox_item_set_created (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_outbox_item_class_init (FlOutboxItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_outbox_item_finalize;
  object_class->get_property = fl_outbox_item_get_property;
  object_class->set_property = fl_outbox_item_set_property;

  /**
   * FlOutboxItem:id:
   *
   * The item's id in the outbox.
   */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:account-id:
   *
   * The account it goes to.
   */
  properties [PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:ticket-id:
   *
   * The ticket's id in the local store.
   */
  properties [PROP_TICKET_ID] =
    g_param_spec_int64 ("ticket-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:remote-ticket-id:
   *
   * The ticket's id on the server.
   */
  properties [PROP_REMOTE_TICKET_ID] =
    g_param_spec_string ("remote-ticket-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:kind:
   *
   * What the item does.
   */
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       FL_TYPE_OUTBOX_KIND, FL_OUTBOX_REPLY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:state:
   *
   * Where the item stands.
   */
  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       FL_TYPE_OUTBOX_STATE, FL_OUTBOX_QUEUED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:text:
   *
   * For replies and notes: the text the agent wrote.
   */
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:value:
   *
   * For changes: the new status, owner, priority, field value or watcher.
   */
  properties [PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:field:
   *
   * For custom-field changes: the field's name.
   */
  properties [PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:then-status:
   *
   * For "Send and set…": the status to set after the reply.
   */
  properties [PROP_THEN_STATUS] =
    g_param_spec_string ("then-status", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:marker:
   *
   * The unique marker that identifies the item on the server.
   */
  properties [PROP_MARKER] =
    g_param_spec_string ("marker", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:attempts:
   *
   * How many times sending was tried.
   */
  properties [PROP_ATTEMPTS] =
    g_param_spec_int ("attempts", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:not-before:
   *
   * When the next attempt may start (Unix seconds).
   */
  properties [PROP_NOT_BEFORE] =
    g_param_spec_int64 ("not-before", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:seen-until:
   *
   * For replies: the newest message the agent had seen when writing.
   */
  properties [PROP_SEEN_UNTIL] =
    g_param_spec_int64 ("seen-until", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:force:
   *
   * Whether to send even though someone else replied meanwhile.
   */
  properties [PROP_FORCE] =
    g_param_spec_boolean ("force", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:outcome-unknown:
   *
   * Whether the last attempt may have reached the server.
   */
  properties [PROP_OUTCOME_UNKNOWN] =
    g_param_spec_boolean ("outcome-unknown", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:last-error:
   *
   * Why the last attempt failed, for the agent.
   */
  properties [PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlOutboxItem:created:
   *
   * When the agent made the change.
   */
  properties [PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fl_outbox_item_init (FlOutboxItem *self)
{
  self->kind = FL_OUTBOX_REPLY;
  self->state = FL_OUTBOX_QUEUED;
}

/**
 * fl_outbox_item_new:
 *
 * Returns: (transfer full): a new, empty #FlOutboxItem
 */
FlOutboxItem *
fl_outbox_item_new (void)
{
  return g_object_new (FL_TYPE_OUTBOX_ITEM, NULL);
}

gint64
fl_outbox_item_get_id (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), 0);

  return self->id;
}

void
fl_outbox_item_set_id (FlOutboxItem *self,
                       gint64 value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
fl_outbox_item_get_account_id (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), 0);

  return self->account_id;
}

void
fl_outbox_item_set_account_id (FlOutboxItem *self,
                               gint64 value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (self->account_id == value)
    return;

  self->account_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACCOUNT_ID]);
}

gint64
fl_outbox_item_get_ticket_id (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), 0);

  return self->ticket_id;
}

void
fl_outbox_item_set_ticket_id (FlOutboxItem *self,
                              gint64 value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (self->ticket_id == value)
    return;

  self->ticket_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TICKET_ID]);
}

const char *
fl_outbox_item_get_remote_ticket_id (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), NULL);

  return self->remote_ticket_id;
}

void
fl_outbox_item_set_remote_ticket_id (FlOutboxItem *self,
                                     const char * value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (fl_set_str (&self->remote_ticket_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_TICKET_ID]);
}

FlOutboxKind
fl_outbox_item_get_kind (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), 0);

  return self->kind;
}

void
fl_outbox_item_set_kind (FlOutboxItem *self,
                         FlOutboxKind value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (self->kind == value)
    return;

  self->kind = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

FlOutboxState
fl_outbox_item_get_state (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), 0);

  return self->state;
}

void
fl_outbox_item_set_state (FlOutboxItem *self,
                          FlOutboxState value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (self->state == value)
    return;

  self->state = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
}

const char *
fl_outbox_item_get_text (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), NULL);

  return self->text;
}

void
fl_outbox_item_set_text (FlOutboxItem *self,
                         const char * value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (fl_set_str (&self->text, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
}

const char *
fl_outbox_item_get_value (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), NULL);

  return self->value;
}

void
fl_outbox_item_set_value (FlOutboxItem *self,
                          const char * value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (fl_set_str (&self->value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUE]);
}

const char *
fl_outbox_item_get_field (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), NULL);

  return self->field;
}

void
fl_outbox_item_set_field (FlOutboxItem *self,
                          const char * value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (fl_set_str (&self->field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FIELD]);
}

const char *
fl_outbox_item_get_then_status (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), NULL);

  return self->then_status;
}

void
fl_outbox_item_set_then_status (FlOutboxItem *self,
                                const char * value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (fl_set_str (&self->then_status, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_THEN_STATUS]);
}

const char *
fl_outbox_item_get_marker (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), NULL);

  return self->marker;
}

void
fl_outbox_item_set_marker (FlOutboxItem *self,
                           const char * value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (fl_set_str (&self->marker, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MARKER]);
}

int
fl_outbox_item_get_attempts (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), 0);

  return self->attempts;
}

void
fl_outbox_item_set_attempts (FlOutboxItem *self,
                             int value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (self->attempts == value)
    return;

  self->attempts = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ATTEMPTS]);
}

gint64
fl_outbox_item_get_not_before (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), 0);

  return self->not_before;
}

void
fl_outbox_item_set_not_before (FlOutboxItem *self,
                               gint64 value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (self->not_before == value)
    return;

  self->not_before = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOT_BEFORE]);
}

gint64
fl_outbox_item_get_seen_until (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), 0);

  return self->seen_until;
}

void
fl_outbox_item_set_seen_until (FlOutboxItem *self,
                               gint64 value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (self->seen_until == value)
    return;

  self->seen_until = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEEN_UNTIL]);
}

gboolean
fl_outbox_item_get_force (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), FALSE);

  return self->force;
}

void
fl_outbox_item_set_force (FlOutboxItem *self,
                          gboolean value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  value = !!value;

  if (self->force == value)
    return;

  self->force = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FORCE]);
}

gboolean
fl_outbox_item_get_outcome_unknown (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), FALSE);

  return self->outcome_unknown;
}

void
fl_outbox_item_set_outcome_unknown (FlOutboxItem *self,
                                    gboolean value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  value = !!value;

  if (self->outcome_unknown == value)
    return;

  self->outcome_unknown = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OUTCOME_UNKNOWN]);
}

const char *
fl_outbox_item_get_last_error (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), NULL);

  return self->last_error;
}

void
fl_outbox_item_set_last_error (FlOutboxItem *self,
                               const char * value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (fl_set_str (&self->last_error, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAST_ERROR]);
}

gint64
fl_outbox_item_get_created (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), 0);

  return self->created;
}

void
fl_outbox_item_set_created (FlOutboxItem *self,
                            gint64 value)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  if (self->created == value)
    return;

  self->created = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED]);
}


/**
 * fl_outbox_item_get_attachments:
 *
 * Returns: (transfer none) (nullable): the files that go with a reply or
 *   note: before the item is queued, where the agent picked them; once
 *   queued, the outbox's own copies
 */
const char * const *
fl_outbox_item_get_attachments (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), NULL);

  return (const char * const *) self->attachments;
}

void
fl_outbox_item_set_attachments (FlOutboxItem       *self,
                                const char * const *paths)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  fl_set_strv (&self->attachments, paths && paths[0] ? paths : NULL);
}

/**
 * fl_outbox_item_get_mentions:
 *
 * Returns: (transfer none) (nullable): for an internal note, the user
 *   names of the agents it mentions; each becomes a follower of the
 *   ticket when the note is sent
 */
const char * const *
fl_outbox_item_get_mentions (FlOutboxItem *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_ITEM (self), NULL);

  return (const char * const *) self->mentions;
}

void
fl_outbox_item_set_mentions (FlOutboxItem       *self,
                             const char * const *usernames)
{
  g_return_if_fail (FL_IS_OUTBOX_ITEM (self));

  fl_set_strv (&self->mentions, usernames && usernames[0] ? usernames : NULL);
}
