/* fl-attachment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-attachment"

#include "config.h"

#include "fl-attachment.h"
#include "fl-util.h"

/**
 * FlAttachment:
 *
 * The metadata of a file attached to a message. The content itself is fetched from the backend on demand.
 */
struct _FlAttachment
{
  GObject parent_instance;

  gint64 id;
  gint64 message_id;
  char *remote_id;
  char *name;
  char *mime_type;
  gint64 size;
};

G_DEFINE_FINAL_TYPE (FlAttachment, fl_attachment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MESSAGE_ID,
  PROP_REMOTE_ID,
  PROP_NAME,
  PROP_MIME_TYPE,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
fl_attachment_finalize (GObject *object)
{
  FlAttachment *self = (FlAttachment *)object;

  g_clear_pointer (&self->remote_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->mime_type, g_free);

  G_OBJECT_CLASS (fl_attachment_parent_class)->finalize (object);
}

static void
fl_attachment_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FlAttachment *self = FL_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_MESSAGE_ID:
      g_value_set_int64 (value, self->message_id);
      break;

    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_MIME_TYPE:
      g_value_set_string (value, self->mime_type);
      break;

    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_attachment_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FlAttachment *self = FL_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      fl_attachment_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_MESSAGE_ID:
      fl_attachment_set_message_id (self, g_value_get_int64 (value));
      break;

    case PROP_REMOTE_ID:
      fl_attachment_set_remote_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      fl_attachment_set_name (self, g_value_get_string (value));
      break;

    case PROP_MIME_TYPE:
      fl_attachment_set_mime_type (self, g_value_get_string (value));
      break;

    case PROP_SIZE:
      fl_attachment_set_size (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_attachment_class_init (FlAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_attachment_finalize;
  object_class->get_property = fl_attachment_get_property;
  object_class->set_property = fl_attachment_set_property;

  /**
   * FlAttachment:id:
   *
   * The attachment's id in the local store.
   */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAttachment:message-id:
   *
   * The store id of the message it belongs to.
   */
  properties [PROP_MESSAGE_ID] =
    g_param_spec_int64 ("message-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAttachment:remote-id:
   *
   * The attachment's id on its helpdesk server.
   */
  properties [PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAttachment:name:
   *
   * The file name as the sender gave it. Sanitise before writing to disk.
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAttachment:mime-type:
   *
   * The MIME type.
   */
  properties [PROP_MIME_TYPE] =
    g_param_spec_string ("mime-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAttachment:size:
   *
   * The size in bytes.
   */
  properties [PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fl_attachment_init (FlAttachment *self)
{
}

/**
 * fl_attachment_new:
 *
 * Returns: (transfer full): a new, empty #FlAttachment
 */
FlAttachment *
fl_attachment_new (void)
{
  return g_object_new (FL_TYPE_ATTACHMENT, NULL);
}

gint64
fl_attachment_get_id (FlAttachment *self)
{
  g_return_val_if_fail (FL_IS_ATTACHMENT (self), 0);

  return self->id;
}

void
fl_attachment_set_id (FlAttachment *self,
                      gint64 value)
{
  g_return_if_fail (FL_IS_ATTACHMENT (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
fl_attachment_get_message_id (FlAttachment *self)
{
  g_return_val_if_fail (FL_IS_ATTACHMENT (self), 0);

  return self->message_id;
}

void
fl_attachment_set_message_id (FlAttachment *self,
                              gint64 value)
{
  g_return_if_fail (FL_IS_ATTACHMENT (self));

  if (self->message_id == value)
    return;

  self->message_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MESSAGE_ID]);
}

const char *
fl_attachment_get_remote_id (FlAttachment *self)
{
  g_return_val_if_fail (FL_IS_ATTACHMENT (self), NULL);

  return self->remote_id;
}

void
fl_attachment_set_remote_id (FlAttachment *self,
                             const char * value)
{
  g_return_if_fail (FL_IS_ATTACHMENT (self));

  if (fl_set_str (&self->remote_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_ID]);
}

const char *
fl_attachment_get_name (FlAttachment *self)
{
  g_return_val_if_fail (FL_IS_ATTACHMENT (self), NULL);

  return self->name;
}

void
fl_attachment_set_name (FlAttachment *self,
                        const char * value)
{
  g_return_if_fail (FL_IS_ATTACHMENT (self));

  if (fl_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
fl_attachment_get_mime_type (FlAttachment *self)
{
  g_return_val_if_fail (FL_IS_ATTACHMENT (self), NULL);

  return self->mime_type;
}

void
fl_attachment_set_mime_type (FlAttachment *self,
                             const char * value)
{
  g_return_if_fail (FL_IS_ATTACHMENT (self));

  if (fl_set_str (&self->mime_type, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MIME_TYPE]);
}

gint64
fl_attachment_get_size (FlAttachment *self)
{
  g_return_val_if_fail (FL_IS_ATTACHMENT (self), 0);

  return self->size;
}

void
fl_attachment_set_size (FlAttachment *self,
                        gint64 value)
{
  g_return_if_fail (FL_IS_ATTACHMENT (self));

  if (self->size == value)
    return;

  self->size = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SIZE]);
}

