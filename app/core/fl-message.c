/* fl-message.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-message"

#include "config.h"

#include "fl-message.h"
#include "fl-util.h"

/**
 * FlMessage:
 *
 * A public reply, an internal note or a system event in a ticket's conversation.
 */
struct _FlMessage
{
  GObject parent_instance;

  gint64 id;
  gint64 ticket_id;
  char *remote_id;
  FlMessageKind kind;
  FlDirection direction;
  char *author;
  char *author_email;
  gint64 created;
  char *text;
  char *html;
  char *event_field;
  char *event_old;
  char *event_new;

  GListStore *attachments;
};

G_DEFINE_FINAL_TYPE (FlMessage, fl_message, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TICKET_ID,
  PROP_REMOTE_ID,
  PROP_KIND,
  PROP_DIRECTION,
  PROP_AUTHOR,
  PROP_AUTHOR_EMAIL,
  PROP_CREATED,
  PROP_TEXT,
  PROP_HTML,
  PROP_EVENT_FIELD,
  PROP_EVENT_OLD,
  PROP_EVENT_NEW,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
fl_message_finalize (GObject *object)
{
  FlMessage *self = (FlMessage *)object;

  g_clear_pointer (&self->remote_id, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->author_email, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->html, g_free);
  g_clear_pointer (&self->event_field, g_free);
  g_clear_pointer (&self->event_old, g_free);
  g_clear_pointer (&self->event_new, g_free);
  g_clear_object (&self->attachments);

  G_OBJECT_CLASS (fl_message_parent_class)->finalize (object);
}

static void
fl_message_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FlMessage *self = FL_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TICKET_ID:
      g_value_set_int64 (value, self->ticket_id);
      break;

    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_AUTHOR_EMAIL:
      g_value_set_string (value, self->author_email);
      break;

    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_HTML:
      g_value_set_string (value, self->html);
      break;

    case PROP_EVENT_FIELD:
      g_value_set_string (value, self->event_field);
      break;

    case PROP_EVENT_OLD:
      g_value_set_string (value, self->event_old);
      break;

    case PROP_EVENT_NEW:
      g_value_set_string (value, self->event_new);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_message_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FlMessage *self = FL_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      fl_message_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_TICKET_ID:
      fl_message_set_ticket_id (self, g_value_get_int64 (value));
      break;

    case PROP_REMOTE_ID:
      fl_message_set_remote_id (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      fl_message_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_DIRECTION:
      fl_message_set_direction (self, g_value_get_enum (value));
      break;

    case PROP_AUTHOR:
      fl_message_set_author (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR_EMAIL:
      fl_message_set_author_email (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      fl_message_set_created (self, g_value_get_int64 (value));
      break;

    case PROP_TEXT:
      fl_message_set_text (self, g_value_get_string (value));
      break;

    case PROP_HTML:
      fl_message_set_html (self, g_value_get_string (value));
      break;

    case PROP_EVENT_FIELD:
      fl_message_set_event_field (self, g_value_get_string (value));
      break;

    case PROP_EVENT_OLD:
      fl_message_set_event_old (self, g_value_get_string (value));
      break;

    case PROP_EVENT_NEW:
      fl_message_set_event_new (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_message_class_init (FlMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_message_finalize;
  object_class->get_property = fl_message_get_property;
  object_class->set_property = fl_message_set_property;

  /**
   * FlMessage:id:
   *
   * The message's id in the local store.
   */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlMessage:ticket-id:
   *
   * The store id of its ticket.
   */
  properties [PROP_TICKET_ID] =
    g_param_spec_int64 ("ticket-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlMessage:remote-id:
   *
   * The message's id on its helpdesk server.
   */
  properties [PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlMessage:kind:
   *
   * Reply, internal note or event.
   */
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       FL_TYPE_MESSAGE_KIND, FL_MESSAGE_REPLY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlMessage:direction:
   *
   * Whether the customer or an agent wrote it.
   */
  properties [PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       FL_TYPE_DIRECTION, FL_DIRECTION_INBOUND,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlMessage:author:
   *
   * The author's display name, or %NULL for the system.
   */
  properties [PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlMessage:author-email:
   *
   * The author's email address, if known.
   */
  properties [PROP_AUTHOR_EMAIL] =
    g_param_spec_string ("author-email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlMessage:created:
   *
   * When the message was written.
   */
  properties [PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlMessage:text:
   *
   * The body as plain text.
   */
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlMessage:html:
   *
   * The original HTML body, or %NULL.
   */
  properties [PROP_HTML] =
    g_param_spec_string ("html", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlMessage:event-field:
   *
   * For events: what changed (status, assignee, priority, merge).
   */
  properties [PROP_EVENT_FIELD] =
    g_param_spec_string ("event-field", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlMessage:event-old:
   *
   * For events: the old value.
   */
  properties [PROP_EVENT_OLD] =
    g_param_spec_string ("event-old", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlMessage:event-new:
   *
   * For events: the new value.
   */
  properties [PROP_EVENT_NEW] =
    g_param_spec_string ("event-new", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fl_message_init (FlMessage *self)
{
  self->kind = FL_MESSAGE_REPLY;
  self->direction = FL_DIRECTION_INBOUND;
}

/**
 * fl_message_new:
 *
 * Returns: (transfer full): a new, empty #FlMessage
 */
FlMessage *
fl_message_new (void)
{
  return g_object_new (FL_TYPE_MESSAGE, NULL);
}

gint64
fl_message_get_id (FlMessage *self)
{
  g_return_val_if_fail (FL_IS_MESSAGE (self), 0);

  return self->id;
}

void
fl_message_set_id (FlMessage *self,
                   gint64 value)
{
  g_return_if_fail (FL_IS_MESSAGE (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
fl_message_get_ticket_id (FlMessage *self)
{
  g_return_val_if_fail (FL_IS_MESSAGE (self), 0);

  return self->ticket_id;
}

void
fl_message_set_ticket_id (FlMessage *self,
                          gint64 value)
{
  g_return_if_fail (FL_IS_MESSAGE (self));

  if (self->ticket_id == value)
    return;

  self->ticket_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TICKET_ID]);
}

const char *
fl_message_get_remote_id (FlMessage *self)
{
  g_return_val_if_fail (FL_IS_MESSAGE (self), NULL);

  return self->remote_id;
}

void
fl_message_set_remote_id (FlMessage *self,
                          const char * value)
{
  g_return_if_fail (FL_IS_MESSAGE (self));

  if (fl_set_str (&self->remote_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_ID]);
}

FlMessageKind
fl_message_get_kind (FlMessage *self)
{
  g_return_val_if_fail (FL_IS_MESSAGE (self), 0);

  return self->kind;
}

void
fl_message_set_kind (FlMessage *self,
                     FlMessageKind value)
{
  g_return_if_fail (FL_IS_MESSAGE (self));

  if (self->kind == value)
    return;

  self->kind = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

FlDirection
fl_message_get_direction (FlMessage *self)
{
  g_return_val_if_fail (FL_IS_MESSAGE (self), 0);

  return self->direction;
}

void
fl_message_set_direction (FlMessage *self,
                          FlDirection value)
{
  g_return_if_fail (FL_IS_MESSAGE (self));

  if (self->direction == value)
    return;

  self->direction = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DIRECTION]);
}

const char *
fl_message_get_author (FlMessage *self)
{
  g_return_val_if_fail (FL_IS_MESSAGE (self), NULL);

  return self->author;
}

void
fl_message_set_author (FlMessage *self,
                       const char * value)
{
  g_return_if_fail (FL_IS_MESSAGE (self));

  if (fl_set_str (&self->author, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AUTHOR]);
}

const char *
fl_message_get_author_email (FlMessage *self)
{
  g_return_val_if_fail (FL_IS_MESSAGE (self), NULL);

  return self->author_email;
}

void
fl_message_set_author_email (FlMessage *self,
                             const char * value)
{
  g_return_if_fail (FL_IS_MESSAGE (self));

  if (fl_set_str (&self->author_email, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AUTHOR_EMAIL]);
}

gint64
fl_message_get_created (FlMessage *self)
{
  g_return_val_if_fail (FL_IS_MESSAGE (self), 0);

  return self->created;
}

void
fl_message_set_created (FlMessage *self,
                        gint64 value)
{
  g_return_if_fail (FL_IS_MESSAGE (self));

  if (self->created == value)
    return;

  self->created = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED]);
}

const char *
fl_message_get_text (FlMessage *self)
{
  g_return_val_if_fail (FL_IS_MESSAGE (self), NULL);

  return self->text;
}

void
fl_message_set_text (FlMessage *self,
                     const char * value)
{
  g_return_if_fail (FL_IS_MESSAGE (self));

  if (fl_set_str (&self->text, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
}

const char *
fl_message_get_html (FlMessage *self)
{
  g_return_val_if_fail (FL_IS_MESSAGE (self), NULL);

  return self->html;
}

void
fl_message_set_html (FlMessage *self,
                     const char * value)
{
  g_return_if_fail (FL_IS_MESSAGE (self));

  if (fl_set_str (&self->html, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HTML]);
}

const char *
fl_message_get_event_field (FlMessage *self)
{
  g_return_val_if_fail (FL_IS_MESSAGE (self), NULL);

  return self->event_field;
}

void
fl_message_set_event_field (FlMessage *self,
                            const char * value)
{
  g_return_if_fail (FL_IS_MESSAGE (self));

  if (fl_set_str (&self->event_field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EVENT_FIELD]);
}

const char *
fl_message_get_event_old (FlMessage *self)
{
  g_return_val_if_fail (FL_IS_MESSAGE (self), NULL);

  return self->event_old;
}

void
fl_message_set_event_old (FlMessage *self,
                          const char * value)
{
  g_return_if_fail (FL_IS_MESSAGE (self));

  if (fl_set_str (&self->event_old, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EVENT_OLD]);
}

const char *
fl_message_get_event_new (FlMessage *self)
{
  g_return_val_if_fail (FL_IS_MESSAGE (self), NULL);

  return self->event_new;
}

void
fl_message_set_event_new (FlMessage *self,
                          const char * value)
{
  g_return_if_fail (FL_IS_MESSAGE (self));

  if (fl_set_str (&self->event_new, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EVENT_NEW]);
}

/**
 * fl_message_get_attachments:
 *
 * Returns: (transfer none): a list model of #FlAttachment
 */
GListModel *
fl_message_get_attachments (FlMessage *self)
{
  g_return_val_if_fail (FL_IS_MESSAGE (self), NULL);

  if (self->attachments == NULL)
    self->attachments = g_list_store_new (FL_TYPE_ATTACHMENT);

  return G_LIST_MODEL (self->attachments);
}

void
fl_message_add_attachment (FlMessage    *self,
                           FlAttachment *attachment)
{
  g_return_if_fail (FL_IS_MESSAGE (self));
  g_return_if_fail (FL_IS_ATTACHMENT (attachment));

  g_list_store_append (G_LIST_STORE (fl_message_get_attachments (self)), attachment);
}

static gboolean
attachments_equal (FlMessage *a,
                   FlMessage *b)
{
  guint n = a->attachments ? g_list_model_get_n_items (G_LIST_MODEL (a->attachments)) : 0;

  if (n != (b->attachments ? g_list_model_get_n_items (G_LIST_MODEL (b->attachments)) : 0))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FlAttachment) x = g_list_model_get_item (G_LIST_MODEL (a->attachments), i);
      g_autoptr(FlAttachment) y = g_list_model_get_item (G_LIST_MODEL (b->attachments), i);

      if (fl_attachment_get_id (x) != fl_attachment_get_id (y) ||
          fl_attachment_get_size (x) != fl_attachment_get_size (y) ||
          g_strcmp0 (fl_attachment_get_name (x), fl_attachment_get_name (y)) != 0 ||
          g_strcmp0 (fl_attachment_get_remote_id (x), fl_attachment_get_remote_id (y)) != 0 ||
          g_strcmp0 (fl_attachment_get_mime_type (x), fl_attachment_get_mime_type (y)) != 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * fl_message_equal:
 *
 * Returns: whether @a and @b are the same message, with the same content
 *   and attachments: a conversation read again keeps the rows of the
 *   messages that did not change
 */
gboolean
fl_message_equal (FlMessage *a,
                  FlMessage *b)
{
  g_return_val_if_fail (FL_IS_MESSAGE (a), FALSE);
  g_return_val_if_fail (FL_IS_MESSAGE (b), FALSE);

  return a->id == b->id &&
         a->ticket_id == b->ticket_id &&
         a->kind == b->kind &&
         a->direction == b->direction &&
         a->created == b->created &&
         g_strcmp0 (a->remote_id, b->remote_id) == 0 &&
         g_strcmp0 (a->author, b->author) == 0 &&
         g_strcmp0 (a->author_email, b->author_email) == 0 &&
         g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->html, b->html) == 0 &&
         g_strcmp0 (a->event_field, b->event_field) == 0 &&
         g_strcmp0 (a->event_old, b->event_old) == 0 &&
         g_strcmp0 (a->event_new, b->event_new) == 0 &&
         attachments_equal (a, b);
}
