/* fl-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-enums.h"

G_DEFINE_ENUM_TYPE (FlChannel, fl_channel,
  G_DEFINE_ENUM_VALUE (FL_CHANNEL_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (FL_CHANNEL_CHAT, "chat"),
  G_DEFINE_ENUM_VALUE (FL_CHANNEL_PHONE, "phone"),
  G_DEFINE_ENUM_VALUE (FL_CHANNEL_SOCIAL, "social"),
  G_DEFINE_ENUM_VALUE (FL_CHANNEL_MARKETPLACE, "marketplace"),
  G_DEFINE_ENUM_VALUE (FL_CHANNEL_WEB, "web"),
  G_DEFINE_ENUM_VALUE (FL_CHANNEL_API, "api"))

G_DEFINE_ENUM_TYPE (FlStatus, fl_status,
  G_DEFINE_ENUM_VALUE (FL_STATUS_NEW, "new"),
  G_DEFINE_ENUM_VALUE (FL_STATUS_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (FL_STATUS_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (FL_STATUS_ON_HOLD, "on-hold"),
  G_DEFINE_ENUM_VALUE (FL_STATUS_SOLVED, "solved"),
  G_DEFINE_ENUM_VALUE (FL_STATUS_CLOSED, "closed"))

G_DEFINE_ENUM_TYPE (FlPriority, fl_priority,
  G_DEFINE_ENUM_VALUE (FL_PRIORITY_LOW, "low"),
  G_DEFINE_ENUM_VALUE (FL_PRIORITY_NORMAL, "normal"),
  G_DEFINE_ENUM_VALUE (FL_PRIORITY_HIGH, "high"),
  G_DEFINE_ENUM_VALUE (FL_PRIORITY_URGENT, "urgent"))

G_DEFINE_ENUM_TYPE (FlMessageKind, fl_message_kind,
  G_DEFINE_ENUM_VALUE (FL_MESSAGE_REPLY, "reply"),
  G_DEFINE_ENUM_VALUE (FL_MESSAGE_NOTE, "note"),
  G_DEFINE_ENUM_VALUE (FL_MESSAGE_EVENT, "event"))

G_DEFINE_ENUM_TYPE (FlDirection, fl_direction,
  G_DEFINE_ENUM_VALUE (FL_DIRECTION_INBOUND, "in"),
  G_DEFINE_ENUM_VALUE (FL_DIRECTION_OUTBOUND, "out"))

/* The nicks above are the stable strings used in the demo data, the
 * store's query language and the backends. */
static const char *
enum_to_nick (GType type,
              int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);
  const char *nick = ev ? ev->value_nick : NULL;

  /* Enum classes are never freed once created, so the nick stays valid. */
  g_type_class_unref (klass);
  return nick;
}

static gboolean
enum_from_nick (GType       type,
                const char *str,
                int        *value)
{
  GEnumClass *klass;
  GEnumValue *ev;

  if (str == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  ev = g_enum_get_value_by_nick (klass, str);
  if (ev != NULL)
    *value = ev->value;
  g_type_class_unref (klass);

  return ev != NULL;
}

const char *
fl_channel_to_string (FlChannel channel)
{
  return enum_to_nick (FL_TYPE_CHANNEL, channel);
}

gboolean
fl_channel_from_string (const char *str,
                        FlChannel  *channel)
{
  int v;

  if (!enum_from_nick (FL_TYPE_CHANNEL, str, &v))
    return FALSE;
  *channel = v;
  return TRUE;
}

/**
 * fl_channel_get_label:
 *
 * Returns: (transfer none): the translated name of @channel
 */
const char *
fl_channel_get_label (FlChannel channel)
{
  switch (channel)
    {
    case FL_CHANNEL_EMAIL: return C_("channel", "Email");
    case FL_CHANNEL_CHAT: return C_("channel", "Chat");
    case FL_CHANNEL_PHONE: return C_("channel", "Phone");
    case FL_CHANNEL_SOCIAL: return C_("channel", "Social");
    case FL_CHANNEL_MARKETPLACE: return C_("channel", "Marketplace");
    case FL_CHANNEL_WEB: return C_("channel", "Web form");
    case FL_CHANNEL_API: return C_("channel", "API");
    default: return "";
    }
}

const char *
fl_channel_get_icon_name (FlChannel channel)
{
  switch (channel)
    {
    case FL_CHANNEL_EMAIL: return "fl-channel-email-symbolic";
    case FL_CHANNEL_CHAT: return "fl-channel-chat-symbolic";
    case FL_CHANNEL_PHONE: return "fl-channel-phone-symbolic";
    case FL_CHANNEL_SOCIAL: return "fl-channel-social-symbolic";
    case FL_CHANNEL_MARKETPLACE: return "fl-channel-marketplace-symbolic";
    case FL_CHANNEL_WEB: return "fl-channel-web-symbolic";
    case FL_CHANNEL_API: return "fl-channel-api-symbolic";
    default: return "fl-channel-email-symbolic";
    }
}

const char *
fl_status_to_string (FlStatus status)
{
  return enum_to_nick (FL_TYPE_STATUS, status);
}

gboolean
fl_status_from_string (const char *str,
                       FlStatus   *status)
{
  int v;

  if (!enum_from_nick (FL_TYPE_STATUS, str, &v))
    return FALSE;
  *status = v;
  return TRUE;
}

const char *
fl_status_get_label (FlStatus status)
{
  switch (status)
    {
    case FL_STATUS_NEW: return C_("ticket status", "New");
    case FL_STATUS_OPEN: return C_("ticket status", "Open");
    case FL_STATUS_PENDING: return C_("ticket status", "Pending");
    case FL_STATUS_ON_HOLD: return C_("ticket status", "On hold");
    case FL_STATUS_SOLVED: return C_("ticket status", "Solved");
    case FL_STATUS_CLOSED: return C_("ticket status", "Closed");
    default: return "";
    }
}

/**
 * fl_status_is_open:
 *
 * Returns: %TRUE for the statuses that still need work: new, open,
 *   pending and on hold
 */
gboolean
fl_status_is_open (FlStatus status)
{
  return status < FL_STATUS_SOLVED;
}

const char *
fl_priority_to_string (FlPriority priority)
{
  return enum_to_nick (FL_TYPE_PRIORITY, priority);
}

gboolean
fl_priority_from_string (const char *str,
                         FlPriority *priority)
{
  int v;

  if (!enum_from_nick (FL_TYPE_PRIORITY, str, &v))
    return FALSE;
  *priority = v;
  return TRUE;
}

const char *
fl_priority_get_label (FlPriority priority)
{
  switch (priority)
    {
    case FL_PRIORITY_LOW: return C_("priority", "Low");
    case FL_PRIORITY_NORMAL: return C_("priority", "Normal");
    case FL_PRIORITY_HIGH: return C_("priority", "High");
    case FL_PRIORITY_URGENT: return C_("priority", "Urgent");
    default: return "";
    }
}

const char *
fl_message_kind_to_string (FlMessageKind kind)
{
  return enum_to_nick (FL_TYPE_MESSAGE_KIND, kind);
}

gboolean
fl_message_kind_from_string (const char    *str,
                             FlMessageKind *kind)
{
  int v;

  if (!enum_from_nick (FL_TYPE_MESSAGE_KIND, str, &v))
    return FALSE;
  *kind = v;
  return TRUE;
}
