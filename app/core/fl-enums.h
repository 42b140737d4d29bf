/* fl-enums.h: the enumerations of the Frontline domain model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * FlChannel:
 *
 * Where a ticket came from. Stored as its integer value; never reorder.
 */
typedef enum
{
  FL_CHANNEL_EMAIL,
  FL_CHANNEL_CHAT,
  FL_CHANNEL_PHONE,
  FL_CHANNEL_SOCIAL,
  FL_CHANNEL_MARKETPLACE,
  FL_CHANNEL_WEB,
  FL_CHANNEL_API,
} FlChannel;

#define FL_N_CHANNELS (FL_CHANNEL_API + 1)

/**
 * FlStatus:
 *
 * A ticket's status. New, open, pending and on-hold tickets are "open" in
 * the sense of the inbox; solved and closed ones are done.
 */
typedef enum
{
  FL_STATUS_NEW,
  FL_STATUS_OPEN,
  FL_STATUS_PENDING,
  FL_STATUS_ON_HOLD,
  FL_STATUS_SOLVED,
  FL_STATUS_CLOSED,
} FlStatus;

#define FL_N_STATUSES (FL_STATUS_CLOSED + 1)

typedef enum
{
  FL_PRIORITY_LOW,
  FL_PRIORITY_NORMAL,
  FL_PRIORITY_HIGH,
  FL_PRIORITY_URGENT,
} FlPriority;

#define FL_N_PRIORITIES (FL_PRIORITY_URGENT + 1)

typedef enum
{
  FL_MESSAGE_REPLY,
  FL_MESSAGE_NOTE,
  FL_MESSAGE_EVENT,
} FlMessageKind;

typedef enum
{
  FL_DIRECTION_INBOUND,
  FL_DIRECTION_OUTBOUND,
} FlDirection;

#define FL_TYPE_CHANNEL      (fl_channel_get_type ())
#define FL_TYPE_STATUS       (fl_status_get_type ())
#define FL_TYPE_PRIORITY     (fl_priority_get_type ())
#define FL_TYPE_MESSAGE_KIND (fl_message_kind_get_type ())
#define FL_TYPE_DIRECTION    (fl_direction_get_type ())

GType        fl_channel_get_type       (void) G_GNUC_CONST;
GType        fl_status_get_type        (void) G_GNUC_CONST;
GType        fl_priority_get_type      (void) G_GNUC_CONST;
GType        fl_message_kind_get_type  (void) G_GNUC_CONST;
GType        fl_direction_get_type     (void) G_GNUC_CONST;

const char  *fl_channel_to_string      (FlChannel      channel);
gboolean     fl_channel_from_string    (const char    *str,
                                        FlChannel     *channel);
const char  *fl_channel_get_label      (FlChannel      channel);
const char  *fl_channel_get_icon_name  (FlChannel      channel);

const char  *fl_status_to_string       (FlStatus       status);
gboolean     fl_status_from_string     (const char    *str,
                                        FlStatus      *status);
const char  *fl_status_get_label       (FlStatus       status);
gboolean     fl_status_is_open         (FlStatus       status);

const char  *fl_priority_to_string     (FlPriority     priority);
gboolean     fl_priority_from_string   (const char    *str,
                                        FlPriority    *priority);
const char  *fl_priority_get_label     (FlPriority     priority);

const char  *fl_message_kind_to_string   (FlMessageKind  kind);
gboolean     fl_message_kind_from_string (const char    *str,
                                          FlMessageKind *kind);

G_END_DECLS
