/* test-inbox.c: the inbox on the demo workspace under Xvfb: the search
 * language, keyboard navigation in any keyboard layout, bulk actions,
 * saved searches and notifications. Run once per UI language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "fl-context.h"
#include "fl-screenshot.h"
#include "fl-search.h"
#include "fl-test-ui.h"
#include "fl-text.h"
#include "fl-ticket-row.h"
#include "fl-window-private.h"

typedef struct
{
  char      *dir;
  FlContext *context;
  FlWindow  *window;
  int        width;
} Fixture;

/* Spins the main loop until @done says so, or fails after 20 s. */
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

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static guint
store_count (Fixture *f,
             FlView   view)
{
  g_autoptr(FlQuery) query = fl_query_new (view);

  return fl_store_count (fl_context_get_store (f->context), query, NULL);
}

static const char *
ui_language (void)
{
  const char *lang = g_getenv ("LANGUAGE");

  return lang && *lang ? lang : "en";
}

/* Opens a context on the fixture's data folder, as the app does. */
static void
open_context (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  f->context = fl_context_new (f->dir);
  fl_context_load_async (f->context, NULL, done_cb, &result);
  WAIT_FOR (result != NULL, "the store to open");
  g_assert_true (fl_context_load_finish (f->context, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
}

/* Shows a window on the context and waits for its first tickets. */
static void
open_window (Fixture *f)
{
  f->window = fl_window_new (NULL, f->context);
  gtk_window_set_default_size (GTK_WINDOW (f->window), f->width ? f->width : 1280, 800);
  fl_window_show_workspace (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)), "the window to map");
  WAIT_FOR (fl_ticket_list_get_n_items (fl_window_get_ticket_list (f->window)) > 0,
            "the inbox to fill");
}

/* Waits until the ticket view shows @ticket_id with its conversation. */
static void
wait_for_conversation (Fixture *f,
                       gint64   ticket_id)
{
  FlTicketView *view = fl_window_get_ticket_view (f->window);

  WAIT_FOR (fl_ticket_view_get_ticket (view) != NULL &&
            fl_ticket_get_id (fl_ticket_view_get_ticket (view)) == ticket_id &&
            g_list_model_get_n_items (fl_ticket_view_get_messages (view)) > 0, "the conversation");
}

/* Lets the frame settle, then keeps a picture of the window as a test
 * artifact in build/screenshots/NAME-LANGUAGE.png. */
static void
save_widget_screenshot (GtkWidget  *widget,
                        const char *name);

static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  save_widget_screenshot (GTK_WIDGET (f->window), name);
}

static void
save_widget_screenshot (GtkWidget  *widget,
                        const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ?: ".", "..", "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, ui_language ());
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0755);

  /* A window in the middle of a relayout may have nothing to hand over
   * yet: settle and try again a few times before calling it a failure. */
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      for (guint i = 0; i < 30; i++)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (10000);
        }
      g_clear_error (&error);
      if (fl_screenshot_save (widget, path, &error))
        break;
      g_test_message ("screenshot attempt %u: %s", attempt, error->message);
    }
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", path);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  f->dir = g_dir_make_tmp ("fl-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->width = GPOINTER_TO_INT (data);
  open_context (f);

  /* The demo comes from the application's own resources. */
  fl_context_add_demo_async (f->context, NULL, done_cb, &result);
  WAIT_FOR (result != NULL, "the demo workspace to sync");
  g_assert_true (fl_context_add_demo_finish (f->context, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  open_window (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->context);
  g_free (f->dir);
}

static guint
search_count (Fixture    *f,
              FlView      view,
              const char *text)
{
  g_autoptr(FlQuery) query = fl_query_new (view);

  fl_query_set_text (query, text);
  return fl_store_count (fl_context_get_store (f->context), query, NULL);
}

/* Types @text into the real search entry and waits for the list. */
static void
type_search (Fixture    *f,
             const char *text,
             guint       expected)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  g_autofree char *what = g_strdup_printf ("the search “%s” to show %u tickets", text, expected);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (fl_window_get_search_entry (f->window)), text);
  /* The entry waits a moment after typing: wait for the list's query. */
  WAIT_FOR (g_strcmp0 (fl_query_get_text (fl_ticket_list_model_get_query (fl_ticket_list_get_model (list))),
                       text) == 0, "the search to apply");
  WAIT_FOR (fl_ticket_list_get_n_items (list) == expected &&
            !fl_ticket_list_model_get_loading (fl_ticket_list_get_model (list)), what);
}

/* The tickets the list shows, loaded from the store. */
static GPtrArray *
listed_tickets (Fixture *f)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  FlTicketListModel *model = fl_ticket_list_get_model (list);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < fl_ticket_list_get_n_items (list); i++)
    {
      gint64 id = fl_ticket_list_model_get_id (model, i);
      g_array_append_val (ids, id);
    }
  return fl_store_load_tickets (fl_context_get_store (f->context),
                                (gint64 *) (gpointer) ids->data, ids->len, NULL);
}

/* Collects the ticket rows under @root. */
static void
collect_rows (GtkWidget *root,
              GPtrArray *rows)
{
  if (FL_IS_TICKET_ROW (root))
    {
      g_ptr_array_add (rows, root);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* Counts the inscriptions under @root with bold attributes, and checks
 * that each bold part folds to a word starting with @word. */
static guint
count_highlighted (GtkWidget  *root,
                   const char *word)
{
  guint n = 0;

  if (GTK_IS_INSCRIPTION (root) && gtk_inscription_get_attributes (GTK_INSCRIPTION (root)))
    {
      PangoAttrIterator *iter = pango_attr_list_get_iterator (gtk_inscription_get_attributes (GTK_INSCRIPTION (root)));
      const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (root));

      do
        {
          int start, end;

          if (pango_attr_iterator_get (iter, PANGO_ATTR_WEIGHT) == NULL)
            continue;
          pango_attr_iterator_range (iter, &start, &end);
          end = MIN (end, (int) strlen (text));
          if (end > start)
            {
              g_autofree char *folded = fl_text_fold (text + start, end - start);

              g_assert_true (g_str_has_prefix (folded, word));
              n++;
            }
        }
      while (pango_attr_iterator_next (iter));
      pango_attr_iterator_destroy (iter);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_highlighted (child, word);
  return n;
}

static void
test_search_language (Fixture       *f,
                      gconstpointer  data)
{
  FlSidebar *sidebar = fl_window_get_sidebar (f->window);
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  guint all_turkish = search_count (f, FL_VIEW_ALL, "sipariş");
  guint open_turkish = search_count (f, FL_VIEW_ALL, "sipariş status:open");
  guint camera = search_count (f, FL_VIEW_ALL, "دوربین");
  g_autoptr(GPtrArray) tickets = NULL;

  g_assert_true (fl_sidebar_select_nick (sidebar, "all"));
  WAIT_FOR (fl_ticket_list_get_n_items (list) == store_count (f, FL_VIEW_ALL), "all tickets");

  /* A keyword narrows free text; typed in capitals with the Turkish İ. */
  g_assert_cmpuint (open_turkish, >, 0);
  g_assert_cmpuint (open_turkish, <, all_turkish);
  type_search (f, "SİPARİŞ STATUS:OPEN", open_turkish);
  tickets = listed_tickets (f);
  for (guint i = 0; i < tickets->len; i++)
    g_assert_cmpint (fl_ticket_get_status (tickets->pdata[i]), ==, FL_STATUS_OPEN);
  g_assert_null (fl_window_get_search_hint (f->window));

  /* The matched word is bold in the rows, as written in the ticket. */
  WAIT_FOR (count_highlighted (GTK_WIDGET (list), "siparis") > 0, "highlighted rows");

  /* Negation. */
  type_search (f, "sipariş -status:open", all_turkish - open_turkish);
  g_clear_pointer (&tickets, g_ptr_array_unref);
  tickets = listed_tickets (f);
  for (guint i = 0; i < tickets->len; i++)
    g_assert_cmpint (fl_ticket_get_status (tickets->pdata[i]), !=, FL_STATUS_OPEN);

  /* Persian, typed with the Arabic yeh: the same tickets as with the
   * Persian one, and highlighted. */
  g_assert_cmpuint (camera, >, 0);
  type_search (f, "دوربين", camera);
  WAIT_FOR (count_highlighted (GTK_WIDGET (list), "دوربین") > 0, "highlighted Persian rows");
  type_search (f, "كالا -دوربين", search_count (f, FL_VIEW_ALL, "کالا -دوربین"));
  g_assert_cmpuint (fl_ticket_list_get_n_items (list), >, 0);

  /* Status names in the interface's language work too. */
  {
    g_autofree char *localised = g_strdup_printf ("status:\"%s\"", fl_status_get_label (FL_STATUS_PENDING));
    type_search (f, localised, search_count (f, FL_VIEW_ALL, "status:pending"));
    g_assert_null (fl_window_get_search_hint (f->window));
  }

  /* Bad syntax: a hint, and the rest of the search still applies, so the
   * list is never empty without a reason. */
  type_search (f, "status:bogus sipariş", all_turkish);
  g_assert_nonnull (fl_window_get_search_hint (f->window));
  g_assert_nonnull (strstr (fl_window_get_search_hint (f->window), "bogus"));
  save_screenshot (f, "search-hint");

  type_search (f, "before:2024-02-30", store_count (f, FL_VIEW_ALL));
  g_assert_nonnull (fl_window_get_search_hint (f->window));

  /* The hint goes once the search is fixed. */
  type_search (f, "is:closed", store_count (f, FL_VIEW_SOLVED));
  g_assert_null (fl_window_get_search_hint (f->window));

  /* Nothing found: the page says the search found nothing. */
  type_search (f, "zzqqxx-no-such-word", 0);

  /* Closing the search drops it and the highlights. */
  gtk_editable_set_text (GTK_EDITABLE (fl_window_get_search_entry (f->window)), "");
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (gtk_widget_get_ancestor (GTK_WIDGET (fl_window_get_search_entry (f->window)),
                                                                           GTK_TYPE_SEARCH_BAR)), FALSE);
  WAIT_FOR (fl_ticket_list_get_n_items (list) == store_count (f, FL_VIEW_ALL), "the whole view");
  WAIT_FOR (count_highlighted (GTK_WIDGET (list), "") == 0, "no highlight");
}

static void
test_search_help (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (fl_window_get_search_entry (f->window));
  GtkWidget *box = gtk_widget_get_parent (entry);
  GtkMenuButton *help = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      help = GTK_MENU_BUTTON (child);
  g_assert_nonnull (help);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  gtk_menu_button_popup (help);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (help))), "the help popover");
  save_widget_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (help)), "search-help");
  gtk_menu_button_popdown (help);
}

int
main (int   argc,
      char *argv[])
{
  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    {
      g_print ("1..0 # SKIP no display: run under xvfb-run\n");
      return 0;
    }

  /* Not gtk_test_init(): it forces the C locale, and this test checks
   * the translated, mirrored UI. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FRONTLINE_LOCALEDIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  fl_test_ui_init ();

  g_test_add ("/inbox/search-language", Fixture, NULL, fixture_setup, test_search_language,
              fixture_teardown);
  g_test_add ("/inbox/search-help", Fixture, NULL, fixture_setup, test_search_help,
              fixture_teardown);

  return g_test_run ();
}
