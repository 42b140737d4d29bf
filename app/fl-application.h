/* fl-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fl-context.h"

G_BEGIN_DECLS

#define FL_TYPE_APPLICATION (fl_application_get_type ())

G_DECLARE_FINAL_TYPE (FlApplication, fl_application, FL, APPLICATION, AdwApplication)

FlApplication *fl_application_new         (gint64         started);
void           fl_application_set_data_dir    (FlApplication *self,
                                               const char    *data_dir);
FlContext     *fl_application_get_context     (FlApplication *self);
int            fl_application_get_exit_status (FlApplication *self);

G_END_DECLS
