/* fl-attachment-chip.h: one file of a message, to open or save
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-attachment.h"

G_BEGIN_DECLS

#define FL_TYPE_ATTACHMENT_CHIP (fl_attachment_chip_get_type ())

G_DECLARE_FINAL_TYPE (FlAttachmentChip, fl_attachment_chip, FL, ATTACHMENT_CHIP, GtkWidget)

GtkWidget    *fl_attachment_chip_new            (FlAttachment     *attachment);
FlAttachment *fl_attachment_chip_get_attachment (FlAttachmentChip *self);
char         *fl_attachment_chip_downloads_dir  (void);

G_END_DECLS
