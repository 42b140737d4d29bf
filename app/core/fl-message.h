/* fl-message.h: one entry of a ticket's conversation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fl-enums.h"
#include "fl-types.h"
#include "fl-attachment.h"

G_BEGIN_DECLS

#define FL_TYPE_MESSAGE (fl_message_get_type ())

G_DECLARE_FINAL_TYPE (FlMessage, fl_message, FL, MESSAGE, GObject)

FlMessage     *fl_message_new              (void);
gint64         fl_message_get_id           (FlMessage *self);
void           fl_message_set_id           (FlMessage *self,
                                            gint64    value);
gint64         fl_message_get_ticket_id    (FlMessage *self);
void           fl_message_set_ticket_id    (FlMessage *self,
                                            gint64    value);
const char    *fl_message_get_remote_id    (FlMessage *self);
void           fl_message_set_remote_id    (FlMessage  *self,
                                            const char *value);
FlMessageKind  fl_message_get_kind         (FlMessage *self);
void           fl_message_set_kind         (FlMessage     *self,
                                            FlMessageKind value);
FlDirection    fl_message_get_direction    (FlMessage *self);
void           fl_message_set_direction    (FlMessage   *self,
                                            FlDirection value);
const char    *fl_message_get_author       (FlMessage *self);
void           fl_message_set_author       (FlMessage  *self,
                                            const char *value);
const char    *fl_message_get_author_email (FlMessage *self);
void           fl_message_set_author_email (FlMessage  *self,
                                            const char *value);
gint64         fl_message_get_created      (FlMessage *self);
void           fl_message_set_created      (FlMessage *self,
                                            gint64    value);
const char    *fl_message_get_text         (FlMessage *self);
void           fl_message_set_text         (FlMessage  *self,
                                            const char *value);
const char    *fl_message_get_html         (FlMessage *self);
void           fl_message_set_html         (FlMessage  *self,
                                            const char *value);
const char    *fl_message_get_event_field  (FlMessage *self);
void           fl_message_set_event_field  (FlMessage  *self,
                                            const char *value);
const char    *fl_message_get_event_old    (FlMessage *self);
void           fl_message_set_event_old    (FlMessage  *self,
                                            const char *value);
const char    *fl_message_get_event_new    (FlMessage *self);
void           fl_message_set_event_new    (FlMessage  *self,
                                            const char *value);


GListModel *fl_message_get_attachments     (FlMessage    *self);
void        fl_message_add_attachment      (FlMessage    *self,
                                            FlAttachment *attachment);

gboolean    fl_message_equal               (FlMessage    *a,
                                            FlMessage    *b);

G_END_DECLS
