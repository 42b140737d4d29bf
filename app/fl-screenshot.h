/* fl-screenshot.h: render a widget to a PNG file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean fl_screenshot_save        (GtkWidget            *widget,
                                    const char           *path,
                                    GError              **error);
void     fl_screenshot_save_async  (GtkWidget            *widget,
                                    const char           *path,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean fl_screenshot_save_finish (GAsyncResult         *result,
                                    GError              **error);

G_END_DECLS
