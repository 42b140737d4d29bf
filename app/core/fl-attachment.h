/* fl-attachment.h: a file attached to a message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fl-enums.h"
#include "fl-types.h"

G_BEGIN_DECLS

#define FL_TYPE_ATTACHMENT (fl_attachment_get_type ())

G_DECLARE_FINAL_TYPE (FlAttachment, fl_attachment, FL, ATTACHMENT, GObject)

FlAttachment *fl_attachment_new            (void);
gint64        fl_attachment_get_id         (FlAttachment *self);
void          fl_attachment_set_id         (FlAttachment *self,
                                            gint64       value);
gint64        fl_attachment_get_message_id (FlAttachment *self);
void          fl_attachment_set_message_id (FlAttachment *self,
                                            gint64       value);
const char   *fl_attachment_get_remote_id  (FlAttachment *self);
void          fl_attachment_set_remote_id  (FlAttachment *self,
                                            const char   *value);
const char   *fl_attachment_get_name       (FlAttachment *self);
void          fl_attachment_set_name       (FlAttachment *self,
                                            const char   *value);
const char   *fl_attachment_get_mime_type  (FlAttachment *self);
void          fl_attachment_set_mime_type  (FlAttachment *self,
                                            const char   *value);
gint64        fl_attachment_get_size       (FlAttachment *self);
void          fl_attachment_set_size       (FlAttachment *self,
                                            gint64       value);


G_END_DECLS
