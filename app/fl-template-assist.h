/* fl-template-assist.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-context.h"
#include "fl-template-chips.h"
#include "fl-template-library.h"
#include "fl-template-popover.h"

G_BEGIN_DECLS

#define FL_TYPE_TEMPLATE_ASSIST (fl_template_assist_get_type ())

G_DECLARE_FINAL_TYPE (FlTemplateAssist, fl_template_assist, FL, TEMPLATE_ASSIST, GObject)

/**
 * FlTemplateConfirmed:
 * @user_data: what was given with it
 *
 * Called when the agent confirmed sending.
 */
typedef void (*FlTemplateConfirmed) (gpointer user_data);

FlTemplateAssist  *fl_template_assist_new            (GtkTextView        *text_view);
void               fl_template_assist_set_context    (FlTemplateAssist   *self,
                                                      FlContext          *context);
void               fl_template_assist_set_ticket     (FlTemplateAssist   *self,
                                                      FlTicket           *ticket);
GtkWidget         *fl_template_assist_get_chips      (FlTemplateAssist   *self);
GtkWidget         *fl_template_assist_get_macro_bar  (FlTemplateAssist   *self);
FlTemplatePopover *fl_template_assist_get_popover    (FlTemplateAssist   *self);
void               fl_template_assist_open           (FlTemplateAssist   *self);
GtkWindow         *fl_template_assist_open_editor    (FlTemplateAssist   *self);
void               fl_template_assist_insert         (FlTemplateAssist   *self,
                                                      FlTemplate         *template);
void               fl_template_assist_clear_macro    (FlTemplateAssist   *self);
gboolean           fl_template_assist_confirm_send   (FlTemplateAssist   *self,
                                                      const char         *text,
                                                      gboolean            note,
                                                      FlTemplateConfirmed confirmed,
                                                      gpointer            user_data,
                                                      GDestroyNotify      destroy);
FlTemplateActions *fl_template_assist_take_macro     (FlTemplateAssist   *self);
void               fl_template_assist_queue_macro    (FlTemplateAssist   *self,
                                                      FlOutboxItem       *reply,
                                                      FlTemplateActions  *actions,
                                                      const char         *name,
                                                      gboolean            status_done,
                                                      gint64              not_before);
void               fl_template_assist_undo           (FlTemplateAssist   *self,
                                                      FlOutboxItem       *reply);
const char        *fl_template_assist_get_macro_name (FlTemplateAssist   *self);

G_END_DECLS
