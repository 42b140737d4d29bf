/* fl-composer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-context.h"
#include "fl-outbox-item.h"
#include "fl-template-assist.h"

G_BEGIN_DECLS

#define FL_TYPE_COMPOSER (fl_composer_get_type ())

G_DECLARE_FINAL_TYPE (FlComposer, fl_composer, FL, COMPOSER, GtkWidget)

void        fl_composer_set_context (FlComposer *self,
                                     FlContext  *context);
void        fl_composer_set_ticket  (FlComposer *self,
                                     FlTicket   *ticket,
                                     gint64      seen_until);
void        fl_composer_set_note    (FlComposer *self,
                                     gboolean    note);
gboolean    fl_composer_get_note    (FlComposer *self);
char       *fl_composer_get_text    (FlComposer *self);
void        fl_composer_set_text    (FlComposer *self,
                                     const char *text);
gboolean    fl_composer_send        (FlComposer *self,
                                     const char *then_status);
void        fl_composer_restore     (FlComposer   *self,
                                     FlOutboxItem *item);
void        fl_composer_add_files   (FlComposer   *self,
                                     const GSList *files);
void        fl_composer_add_image   (FlComposer   *self,
                                     GdkTexture   *texture);
char      **fl_composer_get_attachments  (FlComposer *self);
const char *fl_composer_get_attach_error (FlComposer *self);
FlTemplateAssist *fl_composer_get_templates (FlComposer *self);

G_END_DECLS
