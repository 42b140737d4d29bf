/* fl-notifier.h: desktop notifications for new tickets, mentions and SLAs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fl-query.h"
#include "fl-store.h"

G_BEGIN_DECLS

#define FL_TYPE_NOTIFIER (fl_notifier_get_type ())

G_DECLARE_FINAL_TYPE (FlNotifier, fl_notifier, FL, NOTIFIER, GObject)

FlNotifier *fl_notifier_new                (FlStore            *store);
void        fl_notifier_set_watched_views  (FlNotifier         *self,
                                            const char * const *nicks);
void        fl_notifier_set_do_not_disturb (FlNotifier         *self,
                                            gboolean            dnd);
void        fl_notifier_check              (FlNotifier         *self);
void        fl_notifier_queue_check        (FlNotifier         *self);
FlQuery    *fl_query_new_for_nick          (FlStore            *store,
                                            const char         *nick);

G_END_DECLS
