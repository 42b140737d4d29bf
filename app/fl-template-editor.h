/* fl-template-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fl-context.h"

G_BEGIN_DECLS

#define FL_TYPE_TEMPLATE_EDITOR (fl_template_editor_get_type ())

G_DECLARE_FINAL_TYPE (FlTemplateEditor, fl_template_editor, FL, TEMPLATE_EDITOR, AdwWindow)

FlTemplateEditor *fl_template_editor_new          (FlContext        *context,
                                                   GHashTable       *values);
void              fl_template_editor_select       (FlTemplateEditor *self,
                                                   guint             index);
guint             fl_template_editor_get_n_items  (FlTemplateEditor *self);
gboolean          fl_template_editor_save         (FlTemplateEditor *self);
void              fl_template_editor_new_template (FlTemplateEditor *self);
const char       *fl_template_editor_get_preview  (FlTemplateEditor *self);
gboolean          fl_template_editor_import_file  (FlTemplateEditor *self,
                                                   GFile            *file,
                                                   GError          **error);
gboolean          fl_template_editor_export_file  (FlTemplateEditor *self,
                                                   GFile            *file,
                                                   GError          **error);

G_END_DECLS
