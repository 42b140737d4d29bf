/* fl-template.h: a canned response
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fl-enums.h"
#include "fl-types.h"

G_BEGIN_DECLS

#define FL_TYPE_TEMPLATE (fl_template_get_type ())

G_DECLARE_FINAL_TYPE (FlTemplate, fl_template, FL, TEMPLATE, GObject)

FlTemplate *fl_template_new            (void);
gint64      fl_template_get_id         (FlTemplate *self);
void        fl_template_set_id         (FlTemplate *self,
                                        gint64     value);
gint64      fl_template_get_account_id (FlTemplate *self);
void        fl_template_set_account_id (FlTemplate *self,
                                        gint64     value);
const char *fl_template_get_key        (FlTemplate *self);
void        fl_template_set_key        (FlTemplate *self,
                                        const char *value);
const char *fl_template_get_folder     (FlTemplate *self);
void        fl_template_set_folder     (FlTemplate *self,
                                        const char *value);
const char *fl_template_get_name       (FlTemplate *self);
void        fl_template_set_name       (FlTemplate *self,
                                        const char *value);
const char *fl_template_get_shortcut   (FlTemplate *self);
void        fl_template_set_shortcut   (FlTemplate *self,
                                        const char *value);
const char *fl_template_get_language   (FlTemplate *self);
void        fl_template_set_language   (FlTemplate *self,
                                        const char *value);
const char *fl_template_get_body       (FlTemplate *self);
void        fl_template_set_body       (FlTemplate *self,
                                        const char *value);
gboolean    fl_template_get_shared     (FlTemplate *self);
void        fl_template_set_shared     (FlTemplate *self,
                                        gboolean   value);
const char *fl_template_get_actions    (FlTemplate *self);
void        fl_template_set_actions    (FlTemplate *self,
                                        const char *value);


G_END_DECLS
