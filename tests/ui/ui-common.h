/* ui-common.h: what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-context.h"

G_BEGIN_DECLS

gboolean ui_test_init (int    *argc,
                       char ***argv);

/* Spins the main loop until @cond holds, or fails after 20 s. */
#define WAIT_FOR(cond, what)                                              \
  G_STMT_START {                                                          \
    gint64 _deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;     \
    while (!(cond))                                                       \
      {                                                                   \
        if (g_get_monotonic_time () > _deadline)                          \
          g_error ("Timed out waiting for %s", what);                     \
        g_main_context_iteration (NULL, FALSE);                           \
        g_usleep (1000);                                                  \
      }                                                                   \
  } G_STMT_END

typedef gboolean (*UiMatch) (GtkWidget     *widget,
                             gconstpointer  data);

void        done_cb            (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data);
const char *ui_language        (void);
void        ui_settle          (void);
char       *ui_save_screenshot (GtkWidget    *widget,
                                const char   *name);
GtkWidget  *find_widget        (GtkWidget    *root,
                                UiMatch       match,
                                gconstpointer data);
FlContext  *ui_open_context    (const char   *dir);
void        ui_add_demo        (FlContext    *context);

G_END_DECLS
