/* fl-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fl-application.h"
#include "fl-context.h"

G_BEGIN_DECLS

#define FL_TYPE_WINDOW (fl_window_get_type ())

G_DECLARE_FINAL_TYPE (FlWindow, fl_window, FL, WINDOW, AdwApplicationWindow)

FlWindow *fl_window_new                  (FlApplication *application,
                                          FlContext     *context);
void      fl_window_show_loading         (FlWindow      *self,
                                          const char    *message);
void      fl_window_show_first_run       (FlWindow      *self);
void      fl_window_show_workspace       (FlWindow      *self);
void      fl_window_show_error           (FlWindow      *self,
                                          const char    *title,
                                          const char    *detail);
void      fl_window_set_measuring        (FlWindow      *self,
                                          gboolean       measuring);
gint64    fl_window_get_first_frame_time (FlWindow      *self);

void      fl_window_open_ticket          (FlWindow      *self,
                                          gint64         ticket_id);

G_END_DECLS
