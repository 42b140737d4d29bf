/* fl-sidebar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-context.h"
#include "fl-query.h"

G_BEGIN_DECLS

#define FL_TYPE_SIDEBAR (fl_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (FlSidebar, fl_sidebar, FL, SIDEBAR, GtkWidget)

void      fl_sidebar_set_context        (FlSidebar  *self,
                                         FlContext  *context);
gboolean  fl_sidebar_select_nick        (FlSidebar  *self,
                                         const char *nick);
char     *fl_sidebar_get_selected_nick  (FlSidebar  *self);
void      fl_sidebar_reload             (FlSidebar  *self);
const char *fl_sidebar_get_title        (FlSidebar  *self,
                                         const char *nick);
guint     fl_sidebar_get_count          (FlSidebar  *self,
                                         const char *nick);

G_END_DECLS
