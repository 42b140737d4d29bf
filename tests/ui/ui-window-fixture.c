/* ui-window-fixture.c: the main window on the demo workspace, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "../fl-test-dir.h"

#include "ui-window-fixture.h"

guint
store_count (Fixture *f,
             FlView   view)
{
  g_autoptr(FlQuery) query = fl_query_new (view);

  return fl_store_count (fl_context_get_store (f->context), query, NULL);
}

/* The one ticket of any view whose text matches @text. */
gint64
only_ticket_matching (Fixture    *f,
                      const char *text)
{
  g_autoptr(FlQuery) query = fl_query_new (FL_VIEW_ALL);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  fl_query_set_text (query, text);
  ids = fl_store_query_ids (fl_context_get_store (f->context), query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  return g_array_index (ids, gint64, 0);
}

/* Opens a context on the fixture's data folder, as the app does. */
void
open_context (Fixture *f)
{
  f->context = ui_open_context (f->dir);
}

/* Shows a window on the context and waits for its first tickets. */
void
open_window (Fixture *f)
{
  f->window = fl_window_new (NULL, f->context);
  gtk_window_set_default_size (GTK_WINDOW (f->window), f->width ? f->width : 1280,
                               f->height ? f->height : 800);
  fl_window_show_workspace (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)), "the window to map");
  WAIT_FOR (fl_ticket_list_get_n_items (fl_window_get_ticket_list (f->window)) > 0,
            "the inbox to fill");
}

/* Waits until the ticket view shows @ticket_id with its conversation. */
void
wait_for_conversation (Fixture *f,
                       gint64   ticket_id)
{
  FlTicketView *view = fl_window_get_ticket_view (f->window);

  WAIT_FOR (fl_ticket_view_get_ticket (view) != NULL &&
            fl_ticket_get_id (fl_ticket_view_get_ticket (view)) == ticket_id &&
            g_list_model_get_n_items (fl_ticket_view_get_messages (view)) > 0, "the conversation");
}

char *
save_screenshot_path (Fixture    *f,
                      const char *name)
{
  return ui_save_screenshot (GTK_WIDGET (f->window), name);
}

void
save_screenshot (Fixture    *f,
                 const char *name)
{
  g_free (save_screenshot_path (f, name));
}

void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("fl-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->width = GPOINTER_TO_INT (data);
  open_context (f);

  /* The demo comes from the application's own resources. */
  ui_add_demo (f->context);

  open_window (f);
}

void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->context);
  fl_test_remove_tree (f->dir);
  g_free (f->dir);
}
