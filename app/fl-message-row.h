/* fl-message-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-message.h"

G_BEGIN_DECLS

#define FL_TYPE_MESSAGE_ROW (fl_message_row_get_type ())

G_DECLARE_FINAL_TYPE (FlMessageRow, fl_message_row, FL, MESSAGE_ROW, GtkWidget)

GtkWidget  *fl_message_row_new          (void);
void        fl_message_row_set_message  (FlMessageRow *self,
                                         FlMessage    *message);
void        fl_message_row_set_highlight (FlMessageRow *self,
                                          const char   *handle);
char       *fl_message_describe_event   (FlMessage    *message);

G_END_DECLS
