/* fl-sidebar-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-query.h"

G_BEGIN_DECLS

#define FL_TYPE_SIDEBAR_ROW (fl_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (FlSidebarRow, fl_sidebar_row, FL, SIDEBAR_ROW, GtkListBoxRow)

FlSidebarRow *fl_sidebar_row_new         (FlQuery      *query,
                                          const char   *nick,
                                          const char   *title,
                                          const char   *icon_name,
                                          const char   *section);
FlQuery      *fl_sidebar_row_get_query   (FlSidebarRow *self);
const char   *fl_sidebar_row_get_nick    (FlSidebarRow *self);
const char   *fl_sidebar_row_get_title   (FlSidebarRow *self);
const char   *fl_sidebar_row_get_section (FlSidebarRow *self);
void          fl_sidebar_row_set_count   (FlSidebarRow *self,
                                          guint         count);
guint         fl_sidebar_row_get_count   (FlSidebarRow *self);

G_END_DECLS
