/* fl-ticket.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-ticket"

#include "config.h"

#include "fl-ticket.h"
#include "fl-util.h"

/**
 * FlTicket:
 *
 * A ticket as the inbox and the ticket view see it: one row of the store, with the names of its requester and assignee resolved. Times are Unix seconds in UTC; 0 means unset.
 */
struct _FlTicket
{
  GObject parent_instance;

  gint64 id;
  gint64 account_id;
  char *remote_id;
  char *subject;
  FlStatus status;
  FlPriority priority;
  FlChannel channel;
  gint64 customer_id;
  char *requester;
  char *requester_email;
  gint64 assignee_id;
  char *assignee;
  char **followers;
  char **tags;
  gint64 created;
  gint64 updated;
  gint64 first_response_at;
  gint64 due_first_response;
  gint64 due_resolution;
  guint unread : 1;
  char *snippet;
  int csat;
  int ces;
  gint64 sla_due;
};

G_DEFINE_FINAL_TYPE (FlTicket, fl_ticket, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_REMOTE_ID,
  PROP_SUBJECT,
  PROP_STATUS,
  PROP_PRIORITY,
  PROP_CHANNEL,
  PROP_CUSTOMER_ID,
  PROP_REQUESTER,
  PROP_REQUESTER_EMAIL,
  PROP_ASSIGNEE_ID,
  PROP_ASSIGNEE,
  PROP_FOLLOWERS,
  PROP_TAGS,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_FIRST_RESPONSE_AT,
  PROP_DUE_FIRST_RESPONSE,
  PROP_DUE_RESOLUTION,
  PROP_UNREAD,
  PROP_SNIPPET,
  PROP_CSAT,
  PROP_CES,
  PROP_SLA_DUE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
fl_ticket_finalize (GObject *object)
{
  FlTicket *self = (FlTicket *)object;

  g_clear_pointer (&self->remote_id, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->requester, g_free);
  g_clear_pointer (&self->requester_email, g_free);
  g_clear_pointer (&self->assignee, g_free);
  g_clear_pointer (&self->followers, g_strfreev);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->snippet, g_free);

  G_OBJECT_CLASS (fl_ticket_parent_class)->finalize (object);
}

static void
fl_ticket_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FlTicket *self = FL_TICKET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;

    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_PRIORITY:
      g_value_set_enum (value, self->priority);
      break;

    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_REQUESTER:
      g_value_set_string (value, self->requester);
      break;

    case PROP_REQUESTER_EMAIL:
      g_value_set_string (value, self->requester_email);
      break;

    case PROP_ASSIGNEE_ID:
      g_value_set_int64 (value, self->assignee_id);
      break;

    case PROP_ASSIGNEE:
      g_value_set_string (value, self->assignee);
      break;

    case PROP_FOLLOWERS:
      g_value_set_boxed (value, self->followers);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;

    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated);
      break;

    case PROP_FIRST_RESPONSE_AT:
      g_value_set_int64 (value, self->first_response_at);
      break;

    case PROP_DUE_FIRST_RESPONSE:
      g_value_set_int64 (value, self->due_first_response);
      break;

    case PROP_DUE_RESOLUTION:
      g_value_set_int64 (value, self->due_resolution);
      break;

    case PROP_UNREAD:
      g_value_set_boolean (value, self->unread);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    case PROP_CSAT:
      g_value_set_int (value, self->csat);
      break;

    case PROP_CES:
      g_value_set_int (value, self->ces);
      break;

    case PROP_SLA_DUE:
      g_value_set_int64 (value, self->sla_due);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_ticket_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  FlTicket *self = FL_TICKET (object);

  switch (prop_id)
    {
    case PROP_ID:
      fl_ticket_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACCOUNT_ID:
      fl_ticket_set_account_id (self, g_value_get_int64 (value));
      break;

    case PROP_REMOTE_ID:
      fl_ticket_set_remote_id (self, g_value_get_string (value));
      break;

    case PROP_SUBJECT:
      fl_ticket_set_subject (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      fl_ticket_set_status (self, g_value_get_enum (value));
      break;

    case PROP_PRIORITY:
      fl_ticket_set_priority (self, g_value_get_enum (value));
      break;

    case PROP_CHANNEL:
      fl_ticket_set_channel (self, g_value_get_enum (value));
      break;

    case PROP_CUSTOMER_ID:
      fl_ticket_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_REQUESTER:
      fl_ticket_set_requester (self, g_value_get_string (value));
      break;

    case PROP_REQUESTER_EMAIL:
      fl_ticket_set_requester_email (self, g_value_get_string (value));
      break;

    case PROP_ASSIGNEE_ID:
      fl_ticket_set_assignee_id (self, g_value_get_int64 (value));
      break;

    case PROP_ASSIGNEE:
      fl_ticket_set_assignee (self, g_value_get_string (value));
      break;

    case PROP_FOLLOWERS:
      fl_ticket_set_followers (self, g_value_get_boxed (value));
      break;

    case PROP_TAGS:
      fl_ticket_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_CREATED:
      fl_ticket_set_created (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED:
      fl_ticket_set_updated (self, g_value_get_int64 (value));
      break;

    case PROP_FIRST_RESPONSE_AT:
      fl_ticket_set_first_response_at (self, g_value_get_int64 (value));
      break;

    case PROP_DUE_FIRST_RESPONSE:
      fl_ticket_set_due_first_response (self, g_value_get_int64 (value));
      break;

    case PROP_DUE_RESOLUTION:
      fl_ticket_set_due_resolution (self, g_value_get_int64 (value));
      break;

    case PROP_UNREAD:
      fl_ticket_set_unread (self, g_value_get_boolean (value));
      break;

    case PROP_SNIPPET:
      fl_ticket_set_snippet (self, g_value_get_string (value));
      break;

    case PROP_CSAT:
      fl_ticket_set_csat (self, g_value_get_int (value));
      break;

    case PROP_CES:
      fl_ticket_set_ces (self, g_value_get_int (value));
      break;

    case PROP_SLA_DUE:
      fl_ticket_set_sla_due (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_ticket_class_init (FlTicketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_ticket_finalize;
  object_class->get_property = fl_ticket_get_property;
  object_class->set_property = fl_ticket_set_property;

  /**
   * FlTicket:id:
   *
   * The ticket's id in the local store.
   */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:account-id:
   *
   * The id of the account the ticket belongs to.
   */
  properties [PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:remote-id:
   *
   * The ticket's id on its helpdesk server.
   */
  properties [PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:subject:
   *
   * The subject line.
   */
  properties [PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:status:
   *
   * The status.
   */
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       FL_TYPE_STATUS, FL_STATUS_NEW,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:priority:
   *
   * The priority.
   */
  properties [PROP_PRIORITY] =
    g_param_spec_enum ("priority", NULL, NULL,
                       FL_TYPE_PRIORITY, FL_PRIORITY_NORMAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:channel:
   *
   * The channel the ticket arrived through.
   */
  properties [PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       FL_TYPE_CHANNEL, FL_CHANNEL_EMAIL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:customer-id:
   *
   * The store id of the requesting customer, or 0.
   */
  properties [PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:requester:
   *
   * The requester's display name.
   */
  properties [PROP_REQUESTER] =
    g_param_spec_string ("requester", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:requester-email:
   *
   * The requester's main email address.
   */
  properties [PROP_REQUESTER_EMAIL] =
    g_param_spec_string ("requester-email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:assignee-id:
   *
   * The store id of the assigned agent, or 0 when unassigned.
   */
  properties [PROP_ASSIGNEE_ID] =
    g_param_spec_int64 ("assignee-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:assignee:
   *
   * The assignee's display name, or %NULL.
   */
  properties [PROP_ASSIGNEE] =
    g_param_spec_string ("assignee", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:followers:
   *
   * The display names of the agents who follow the ticket.
   */
  properties [PROP_FOLLOWERS] =
    g_param_spec_boxed ("followers", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:tags:
   *
   * The ticket's tags.
   */
  properties [PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:created:
   *
   * When the ticket was created.
   */
  properties [PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:updated:
   *
   * When the ticket last changed.
   */
  properties [PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:first-response-at:
   *
   * When an agent first replied in public, or 0.
   */
  properties [PROP_FIRST_RESPONSE_AT] =
    g_param_spec_int64 ("first-response-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:due-first-response:
   *
   * When the first response is due, or 0.
   */
  properties [PROP_DUE_FIRST_RESPONSE] =
    g_param_spec_int64 ("due-first-response", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:due-resolution:
   *
   * When the resolution is due, or 0.
   */
  properties [PROP_DUE_RESOLUTION] =
    g_param_spec_int64 ("due-resolution", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:unread:
   *
   * Whether the ticket has activity the agent has not seen.
   */
  properties [PROP_UNREAD] =
    g_param_spec_boolean ("unread", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:snippet:
   *
   * A one-line excerpt of the last message.
   */
  properties [PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:csat:
   *
   * The customer satisfaction rating from 1 to 5, or 0.
   */
  properties [PROP_CSAT] =
    g_param_spec_int ("csat", NULL, NULL,
                      0, 5, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:ces:
   *
   * The customer effort score from 1 to 7, or 0.
   */
  properties [PROP_CES] =
    g_param_spec_int ("ces", NULL, NULL,
                      0, 7, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTicket:sla-due:
   *
   * The earliest time a target still open falls (or fell) due, from the
   * account's SLA policy and the backend's own due dates, as the store
   * computed it when the ticket last changed; 0 for none.
   */
  properties [PROP_SLA_DUE] =
    g_param_spec_int64 ("sla-due", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fl_ticket_init (FlTicket *self)
{
  self->status = FL_STATUS_NEW;
  self->priority = FL_PRIORITY_NORMAL;
  self->channel = FL_CHANNEL_EMAIL;
}

/**
 * fl_ticket_new:
 *
 * Returns: (transfer full): a new, empty #FlTicket
 */
FlTicket *
fl_ticket_new (void)
{
  return g_object_new (FL_TYPE_TICKET, NULL);
}

gint64
fl_ticket_get_id (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), 0);

  return self->id;
}

void
fl_ticket_set_id (FlTicket *self,
                  gint64 value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
fl_ticket_get_account_id (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), 0);

  return self->account_id;
}

void
fl_ticket_set_account_id (FlTicket *self,
                          gint64 value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (self->account_id == value)
    return;

  self->account_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACCOUNT_ID]);
}

const char *
fl_ticket_get_remote_id (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), NULL);

  return self->remote_id;
}

void
fl_ticket_set_remote_id (FlTicket *self,
                         const char * value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (fl_set_str (&self->remote_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_ID]);
}

const char *
fl_ticket_get_subject (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), NULL);

  return self->subject;
}

void
fl_ticket_set_subject (FlTicket *self,
                       const char * value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (fl_set_str (&self->subject, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUBJECT]);
}

FlStatus
fl_ticket_get_status (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), 0);

  return self->status;
}

void
fl_ticket_set_status (FlTicket *self,
                      FlStatus value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (self->status == value)
    return;

  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

FlPriority
fl_ticket_get_priority (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), 0);

  return self->priority;
}

void
fl_ticket_set_priority (FlTicket *self,
                        FlPriority value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (self->priority == value)
    return;

  self->priority = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PRIORITY]);
}

FlChannel
fl_ticket_get_channel (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), 0);

  return self->channel;
}

void
fl_ticket_set_channel (FlTicket *self,
                       FlChannel value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (self->channel == value)
    return;

  self->channel = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHANNEL]);
}

gint64
fl_ticket_get_customer_id (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), 0);

  return self->customer_id;
}

void
fl_ticket_set_customer_id (FlTicket *self,
                           gint64 value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (self->customer_id == value)
    return;

  self->customer_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CUSTOMER_ID]);
}

const char *
fl_ticket_get_requester (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), NULL);

  return self->requester;
}

void
fl_ticket_set_requester (FlTicket *self,
                         const char * value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (fl_set_str (&self->requester, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REQUESTER]);
}

const char *
fl_ticket_get_requester_email (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), NULL);

  return self->requester_email;
}

void
fl_ticket_set_requester_email (FlTicket *self,
                               const char * value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (fl_set_str (&self->requester_email, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REQUESTER_EMAIL]);
}

gint64
fl_ticket_get_assignee_id (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), 0);

  return self->assignee_id;
}

void
fl_ticket_set_assignee_id (FlTicket *self,
                           gint64 value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (self->assignee_id == value)
    return;

  self->assignee_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ASSIGNEE_ID]);
}

const char *
fl_ticket_get_assignee (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), NULL);

  return self->assignee;
}

void
fl_ticket_set_assignee (FlTicket *self,
                        const char * value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (fl_set_str (&self->assignee, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ASSIGNEE]);
}

const char * const *
fl_ticket_get_followers (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), NULL);

  return (const char * const *) self->followers;
}

void
fl_ticket_set_followers (FlTicket *self,
                         const char * const * value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (fl_set_strv (&self->followers, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FOLLOWERS]);
}

const char * const *
fl_ticket_get_tags (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), NULL);

  return (const char * const *) self->tags;
}

void
fl_ticket_set_tags (FlTicket *self,
                    const char * const * value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (fl_set_strv (&self->tags, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TAGS]);
}

gint64
fl_ticket_get_created (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), 0);

  return self->created;
}

void
fl_ticket_set_created (FlTicket *self,
                       gint64 value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (self->created == value)
    return;

  self->created = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED]);
}

gint64
fl_ticket_get_updated (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), 0);

  return self->updated;
}

void
fl_ticket_set_updated (FlTicket *self,
                       gint64 value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (self->updated == value)
    return;

  self->updated = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED]);
}

gint64
fl_ticket_get_first_response_at (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), 0);

  return self->first_response_at;
}

void
fl_ticket_set_first_response_at (FlTicket *self,
                                 gint64 value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (self->first_response_at == value)
    return;

  self->first_response_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FIRST_RESPONSE_AT]);
}

gint64
fl_ticket_get_due_first_response (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), 0);

  return self->due_first_response;
}

void
fl_ticket_set_due_first_response (FlTicket *self,
                                  gint64 value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (self->due_first_response == value)
    return;

  self->due_first_response = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DUE_FIRST_RESPONSE]);
}

gint64
fl_ticket_get_due_resolution (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), 0);

  return self->due_resolution;
}

void
fl_ticket_set_due_resolution (FlTicket *self,
                              gint64 value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (self->due_resolution == value)
    return;

  self->due_resolution = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DUE_RESOLUTION]);
}

gboolean
fl_ticket_get_unread (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), FALSE);

  return self->unread;
}

void
fl_ticket_set_unread (FlTicket *self,
                      gboolean value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  value = !!value;

  if (self->unread == value)
    return;

  self->unread = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNREAD]);
}

const char *
fl_ticket_get_snippet (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), NULL);

  return self->snippet;
}

void
fl_ticket_set_snippet (FlTicket *self,
                       const char * value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (fl_set_str (&self->snippet, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SNIPPET]);
}

int
fl_ticket_get_csat (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), 0);

  return self->csat;
}

void
fl_ticket_set_csat (FlTicket *self,
                    int value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (self->csat == value)
    return;

  self->csat = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CSAT]);
}

int
fl_ticket_get_ces (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), 0);

  return self->ces;
}

void
fl_ticket_set_ces (FlTicket *self,
                   int value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (self->ces == value)
    return;

  self->ces = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CES]);
}

gint64
fl_ticket_get_sla_due (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), 0);

  return self->sla_due;
}

void
fl_ticket_set_sla_due (FlTicket *self,
                       gint64    value)
{
  g_return_if_fail (FL_IS_TICKET (self));

  if (self->sla_due == value)
    return;

  self->sla_due = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SLA_DUE]);
}

/**
 * fl_ticket_is_open:
 *
 * Returns: %TRUE if the ticket still needs work
 */
gboolean
fl_ticket_is_open (FlTicket *self)
{
  g_return_val_if_fail (FL_IS_TICKET (self), FALSE);

  return fl_status_is_open (self->status);
}
