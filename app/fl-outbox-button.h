/* fl-outbox-button.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-context.h"

G_BEGIN_DECLS

#define FL_TYPE_OUTBOX_BUTTON (fl_outbox_button_get_type ())

G_DECLARE_FINAL_TYPE (FlOutboxButton, fl_outbox_button, FL, OUTBOX_BUTTON, GtkWidget)

void  fl_outbox_button_set_context (FlOutboxButton *self,
                                    FlContext      *context);
guint fl_outbox_button_get_n_items (FlOutboxButton *self);

G_END_DECLS
