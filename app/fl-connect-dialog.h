/* fl-connect-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fl-context.h"

G_BEGIN_DECLS

#define FL_TYPE_CONNECT_DIALOG (fl_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FlConnectDialog, fl_connect_dialog, FL, CONNECT_DIALOG, AdwWindow)

FlConnectDialog *fl_connect_dialog_new       (FlContext       *context,
                                              GtkWindow       *parent);
void             fl_connect_dialog_set_url   (FlConnectDialog *self,
                                              const char      *url,
                                              gboolean         editable);
char            *fl_connect_dialog_normalize_url (const char  *text,
                                                  GError     **error);

G_END_DECLS
