/* fl-demo-backend.h: the bundled demo workspace, served as a backend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fl-backend.h"

G_BEGIN_DECLS

#define FL_DEMO_RESOURCE "/io/github/frontline/Frontline/demo/workspace.json"
#define FL_DEMO_FILES_RESOURCE "/io/github/frontline/Frontline/demo/files/"

/* What one attached file may weigh in the demo workspace. */
#define FL_DEMO_MAX_ATTACHMENT_BYTES ((gint64) 25 * 1000 * 1000)

#define FL_TYPE_DEMO_BACKEND (fl_demo_backend_get_type ())

G_DECLARE_FINAL_TYPE (FlDemoBackend, fl_demo_backend, FL, DEMO_BACKEND, GObject)

FlDemoBackend *fl_demo_backend_new           (FlAccount     *account,
                                              GBytes        *data,
                                              gint64         now);
GPtrArray     *fl_demo_backend_get_templates (FlDemoBackend *self,
                                              GError       **error);
char          *fl_demo_backend_get_name      (FlDemoBackend *self);

G_END_DECLS
