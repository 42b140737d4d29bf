/* ui-common.c: what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "fl-screenshot.h"
#include "fl-test-ui.h"
#include "ui-common.h"

/* What every UI test's main() does first. Not gtk_test_init(): it forces
 * the C locale, and these tests check the translated, mirrored UI. No
 * G_TEST_OPTION_ISOLATE_DIRS either: it hides XDG_DATA_DIRS, and with it
 * the icon theme and the MIME database GTK needs; the test runner gives
 * every run a throw-away HOME instead.
 *
 * Returns: FALSE when there is no display to test on (the test is
 *   reported as skipped); main() then returns 0 */
gboolean
ui_test_init (int    *argc,
              char ***argv)
{
  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    {
      g_print ("1..0 # SKIP no display: run under xvfb-run\n");
      return FALSE;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FRONTLINE_LOCALEDIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
  fl_test_ui_init ();
  return TRUE;
}

/* Keeps the result of an asynchronous call for WAIT_FOR to see. */
void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The UI language the test runs in: screenshots are named after it. */
const char *
ui_language (void)
{
  const char *lang = g_getenv ("LANGUAGE");

  return lang && *lang ? lang : "en";
}

/* A few frames' worth of main loop, for layout and drawing to catch up. */
void
ui_settle (void)
{
  for (guint i = 0; i < 30; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

/* Keeps a picture of @widget as a test artifact in
 * build/screenshots/NAME-LANGUAGE.png and returns its path. A window in
 * the middle of a relayout may have nothing to hand over yet: it settles
 * and tries again a few times before calling it a failure. */
char *
ui_save_screenshot (GtkWidget  *widget,
                    const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ?: ".", "..", "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, ui_language ());
  char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0755);
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      ui_settle ();
      g_clear_error (&error);
      if (fl_screenshot_save (widget, path, &error))
        break;
      g_test_message ("screenshot attempt %u: %s", attempt, error->message);
    }
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", path);

  return path;
}

/* The first widget under @root, in depth-first order, that @match
 * accepts. */
GtkWidget *
find_widget (GtkWidget     *root,
             UiMatch        match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found)
        return found;
    }
  return NULL;
}

/* A context on @dir, loaded as the app loads it. */
FlContext *
ui_open_context (const char *dir)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  FlContext *context = fl_context_new (dir);

  fl_context_load_async (context, NULL, done_cb, &result);
  WAIT_FOR (result != NULL, "the store to open");
  g_assert_true (fl_context_load_finish (context, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  return context;
}

/* The demo workspace, from the application's own resources. */
void
ui_add_demo (FlContext *context)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  fl_context_add_demo_async (context, NULL, done_cb, &result);
  WAIT_FOR (result != NULL, "the demo workspace to sync");
  g_assert_true (fl_context_add_demo_finish (context, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
}
