/* fl-inbox-keys.h: single-key shortcuts of the inbox, in any keyboard layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FL_TYPE_INBOX_KEYS (fl_inbox_keys_get_type ())

G_DECLARE_FINAL_TYPE (FlInboxKeys, fl_inbox_keys, FL, INBOX_KEYS, GObject)

FlInboxKeys *fl_inbox_keys_new          (GtkWidget       *window);
gboolean     fl_inbox_keys_press        (FlInboxKeys     *self,
                                         guint            keyval,
                                         guint            keycode,
                                         GdkModifierType  state);
guint        fl_inbox_keys_latin_keyval (GdkDisplay      *display,
                                         guint            keyval,
                                         guint            keycode,
                                         GdkModifierType  state);

G_END_DECLS
