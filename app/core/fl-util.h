/* fl-util.h: small helpers shared by the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean fl_set_str       (char       **dest,
                           const char  *src);
gboolean fl_set_strv      (char      ***dest,
                           const char * const *src);
char    *fl_initials      (const char  *name);
char    *fl_first_name    (const char  *name);
int      fl_compare_int64 (gconstpointer a,
                           gconstpointer b);

G_END_DECLS
