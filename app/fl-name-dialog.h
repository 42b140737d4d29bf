/* fl-name-dialog.h: asks for a name, for a saved search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*FlNameDialogFunc) (const char *name,
                                  gpointer    user_data);

GtkWidget *fl_name_dialog_new (GtkWindow        *parent,
                               const char       *heading,
                               const char       *accept_label,
                               const char       *initial,
                               FlNameDialogFunc  func,
                               gpointer          user_data,
                               GDestroyNotify    destroy);

G_END_DECLS
