/* fl-mention-popover.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-store.h"

G_BEGIN_DECLS

#define FL_TYPE_MENTION_POPOVER (fl_mention_popover_get_type ())

G_DECLARE_FINAL_TYPE (FlMentionPopover, fl_mention_popover, FL, MENTION_POPOVER, GtkPopover)

FlMentionPopover *fl_mention_popover_new         (GtkTextView      *view);
void              fl_mention_popover_set_source  (FlMentionPopover *self,
                                                  FlStore          *store,
                                                  gint64            account_id);
void              fl_mention_popover_set_enabled (FlMentionPopover *self,
                                                  gboolean          enabled);
gboolean          fl_mention_popover_handle_key  (FlMentionPopover *self,
                                                  guint             keyval,
                                                  GdkModifierType   state);
guint             fl_mention_popover_get_n_matches (FlMentionPopover *self);

G_END_DECLS
