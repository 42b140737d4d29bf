/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "fl-application.h"

int
main (int   argc,
      char *argv[])
{
  gint64 started = g_get_monotonic_time ();
  g_autoptr(FlApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FRONTLINE_LOCALEDIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = fl_application_new (started);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status != 0 ? status : fl_application_get_exit_status (app);
}
