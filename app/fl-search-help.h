/* fl-search-help.h: the popover that explains the search language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FL_TYPE_SEARCH_HELP (fl_search_help_get_type ())

G_DECLARE_FINAL_TYPE (FlSearchHelp, fl_search_help, FL, SEARCH_HELP, GtkPopover)

GtkWidget *fl_search_help_new (void);

G_END_DECLS
