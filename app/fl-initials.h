/* fl-initials.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FL_TYPE_INITIALS (fl_initials_get_type ())

G_DECLARE_FINAL_TYPE (FlInitials, fl_initials, FL, INITIALS, GtkWidget)

GtkWidget  *fl_initials_new      (void);
const char *fl_initials_get_name (FlInitials *self);
void        fl_initials_set_name (FlInitials *self,
                                  const char *name);

G_END_DECLS
