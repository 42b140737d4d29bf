/* fl-notification-prefs.h: the Notifications group of Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fl-context.h"

G_BEGIN_DECLS

#define FL_TYPE_NOTIFICATION_PREFS (fl_notification_prefs_get_type ())

G_DECLARE_FINAL_TYPE (FlNotificationPrefs, fl_notification_prefs, FL, NOTIFICATION_PREFS, AdwPreferencesGroup)

void fl_notification_prefs_set_context (FlNotificationPrefs *self,
                                        FlContext           *context);

G_END_DECLS
