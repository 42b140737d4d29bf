/* fl-localised-spin.h: spin buttons that show and read the UI language's numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void fl_localised_spin_attach (GtkSpinButton *spin);

G_END_DECLS
