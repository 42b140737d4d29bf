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

#include "fl-application.h"
#include "fl-context.h"
#include "fl-account.h"
#include "fl-notification-prefs.h"
#include "fl-preferences-window.h"
#include "fl-format.h"
#include "fl-initials.h"
#include "fl-screenshot.h"
#include "fl-search.h"
#include "fl-test-ui.h"
#include "fl-text.h"
#include "fl-util.h"
#include "fl-ticket-row.h"
#include "fl-window-private.h"
#include "ui-window-fixture.h"

static void
save_widget_screenshot (GtkWidget  *widget,
                        const char *name)
{
  g_free (ui_save_screenshot (widget, name));
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

/* The hardware keycode of the key that gives @keyval in the first
 * group of Xvfb's US layout. */
static guint
keycode_of (GtkWidget *widget,
            guint      keyval)
{
  g_autofree GdkKeymapKey *keys = NULL;
  int n = 0;

  g_assert_true (gdk_display_map_keyval (gtk_widget_get_display (widget), keyval, &keys, &n));
  g_assert_cmpint (n, >, 0);
  return keys[0].keycode;
}

/* Presses the key that gives @latin in a US layout, but with the keyval
 * @keyval that the active layout (Persian, Turkish) made of it, as the
 * window's key controller would receive it. */
static gboolean
press (Fixture         *f,
       guint            latin,
       guint            keyval,
       GdkModifierType  state)
{
  gboolean handled = fl_inbox_keys_press (fl_window_get_inbox_keys (f->window), keyval,
                                          keycode_of (GTK_WIDGET (f->window), latin), state);

  for (guint i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  return handled;
}

static gboolean
is_list_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget);
}

/* The rows the list view has: a new list comes in a few rows a frame. */
static guint
shown_rows (FlTicketList *list)
{
  GtkWidget *view = find_widget (GTK_WIDGET (list), is_list_view, NULL);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view))));
}

static gint64
id_at (Fixture *f,
       guint    position)
{
  return fl_ticket_list_model_get_id (fl_ticket_list_get_model (fl_window_get_ticket_list (f->window)), position);
}

static gboolean
selected_view_is (Fixture    *f,
                  const char *nick)
{
  g_autofree char *selected = fl_sidebar_get_selected_nick (fl_window_get_sidebar (f->window));

  return g_strcmp0 (selected, nick) == 0;
}

static GtkDropDown *
find_dropdown (GtkWidget  *root,
               const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found;

      if (GTK_IS_DROP_DOWN (child) &&
          g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), id) == 0)
        return GTK_DROP_DOWN (child);
      if ((found = find_dropdown (child, id)))
        return found;
    }
  return NULL;
}

static GtkWidget *
find_popover (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER (child))
        return child;
      if ((found = find_popover (child)))
        return found;
    }
  return NULL;
}

static gboolean
focus_inside (Fixture   *f,
              GtkWidget *ancestor)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

/* Persian letters on the keys of j, k, m, r, s (ISIRI 9147). */
#define FA_TEH   0x100062a  /* ت on j */
#define FA_NOON  0x1000646  /* ن on k */
#define FA_PEH   0x100067e  /* پ on m */
#define FA_QAF   0x1000642  /* ق on r */
#define FA_SEEN  0x1000633  /* س on s */
#define FA_BEH   0x1000628  /* ب on f */
#define FA_SHEEN 0x1000634  /* ش on a */
#define FA_TAH   0x1000637  /* ط on x */
#define FA_REH   0x1000631  /* ر on v */

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  GtkWidget *composer = GTK_WIDGET (fl_ticket_view_get_composer (view));
  GtkWidget *entry = GTK_WIDGET (fl_window_get_search_entry (f->window));
  GtkSearchBar *bar = GTK_SEARCH_BAR (gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_BAR));
  GtkDropDown *status = find_dropdown (GTK_WIDGET (view), "status_dropdown");
  GtkDropDown *assignee = find_dropdown (GTK_WIDGET (view), "assignee_dropdown");

  WAIT_FOR (!fl_ticket_list_model_get_loading (fl_ticket_list_get_model (list)), "the inbox");
  g_assert_cmpint (fl_ticket_list_get_selected (list), ==, 0);
  gtk_widget_grab_focus (GTK_WIDGET (list));

  /* j and k in the US layout. */
  g_assert_true (press (f, GDK_KEY_j, GDK_KEY_j, 0));
  g_assert_cmpint (fl_ticket_list_get_selected (list), ==, id_at (f, 0));
  g_assert_true (press (f, GDK_KEY_j, GDK_KEY_j, 0));
  g_assert_true (press (f, GDK_KEY_j, GDK_KEY_j, 0));
  g_assert_cmpint (fl_ticket_list_get_selected (list), ==, id_at (f, 2));
  g_assert_true (press (f, GDK_KEY_k, GDK_KEY_k, 0));
  g_assert_cmpint (fl_ticket_list_get_selected (list), ==, id_at (f, 1));

  /* The same keys with the Persian layout active: they send ت and ن. */
  g_assert_true (press (f, GDK_KEY_j, FA_TEH, 0));
  g_assert_cmpint (fl_ticket_list_get_selected (list), ==, id_at (f, 2));
  g_assert_true (press (f, GDK_KEY_k, FA_NOON, 0));
  g_assert_true (press (f, GDK_KEY_k, FA_NOON, 0));
  g_assert_cmpint (fl_ticket_list_get_selected (list), ==, id_at (f, 0));
  /* k at the top stays there. */
  g_assert_true (press (f, GDK_KEY_k, GDK_KEY_k, 0));
  g_assert_cmpint (fl_ticket_list_get_selected (list), ==, id_at (f, 0));
  wait_for_conversation (f, id_at (f, 0));

  /* A system with only a Persian layout: the key's US position. */
  g_assert_cmpuint (fl_inbox_keys_latin_keyval (NULL, FA_TEH, 44, 0), ==, GDK_KEY_j);
  g_assert_cmpuint (fl_inbox_keys_latin_keyval (NULL, GDK_KEY_idotless, 31, 0), ==, GDK_KEY_i);
  g_assert_cmpuint (fl_inbox_keys_latin_keyval (NULL, GDK_KEY_Cyrillic_o, 0, 0), ==, 0);

  /* g then a letter goes to a view, the letter in any layout. */
  g_assert_true (press (f, GDK_KEY_g, GDK_KEY_g, 0));
  g_assert_true (press (f, GDK_KEY_u, GDK_KEY_u, 0));
  WAIT_FOR (selected_view_is (f, "unassigned"), "Unassigned after g u");
  g_assert_true (press (f, GDK_KEY_g, GDK_KEY_g, 0));
  g_assert_true (press (f, GDK_KEY_m, FA_PEH, 0));
  WAIT_FOR (selected_view_is (f, "mine"), "Assigned to Me after g پ");
  g_assert_true (press (f, GDK_KEY_g, GDK_KEY_g, 0));
  g_assert_true (press (f, GDK_KEY_a, GDK_KEY_a, 0));
  WAIT_FOR (selected_view_is (f, "all"), "All after g a");
  /* Turkish Q: the key of i sends ı. */
  g_assert_true (press (f, GDK_KEY_g, GDK_KEY_g, 0));
  g_assert_true (press (f, GDK_KEY_i, GDK_KEY_idotless, 0));
  WAIT_FOR (selected_view_is (f, "inbox"), "Inbox after g ı");
  /* i alone is nothing. */
  g_assert_false (press (f, GDK_KEY_i, GDK_KEY_i, 0));
  WAIT_FOR (fl_ticket_list_get_n_items (list) == store_count (f, FL_VIEW_INBOX) &&
            !fl_ticket_list_model_get_loading (fl_ticket_list_get_model (list)), "the inbox again");

  /* Enter opens the selected ticket. */
  gtk_widget_grab_focus (GTK_WIDGET (list));
  g_assert_true (press (f, GDK_KEY_j, GDK_KEY_j, 0));
  g_assert_true (press (f, GDK_KEY_Return, GDK_KEY_Return, 0));
  wait_for_conversation (f, fl_ticket_list_get_selected (list));

  /* r and n open the composer as a reply and as a note, in Persian too. */
  g_assert_true (press (f, GDK_KEY_n, GDK_KEY_n, 0));
  g_assert_true (fl_composer_get_note (FL_COMPOSER (composer)));
  g_assert_true (focus_inside (f, composer));

  /* Typing in the composer types: no shortcut fires. */
  {
    gint64 before = fl_ticket_list_get_selected (list);

    g_assert_false (press (f, GDK_KEY_j, GDK_KEY_j, 0));
    g_assert_false (press (f, GDK_KEY_r, GDK_KEY_r, 0));
    g_assert_false (press (f, GDK_KEY_g, GDK_KEY_g, 0));
    g_assert_false (press (f, GDK_KEY_a, GDK_KEY_a, 0));
    g_assert_cmpint (fl_ticket_list_get_selected (list), ==, before);
    g_assert_true (fl_composer_get_note (FL_COMPOSER (composer)));
  }

  gtk_widget_grab_focus (GTK_WIDGET (list));
  g_assert_true (press (f, GDK_KEY_r, FA_QAF, 0));
  g_assert_false (fl_composer_get_note (FL_COMPOSER (composer)));
  g_assert_true (focus_inside (f, composer));

  /* s and a open the status and assignee menus. */
  gtk_widget_grab_focus (GTK_WIDGET (list));
  g_assert_true (press (f, GDK_KEY_s, FA_SEEN, 0));
  WAIT_FOR (find_popover (GTK_WIDGET (status)) && gtk_widget_get_mapped (find_popover (GTK_WIDGET (status))),
            "the status menu");
  gtk_popover_popdown (GTK_POPOVER (find_popover (GTK_WIDGET (status))));
  WAIT_FOR (!gtk_widget_get_mapped (find_popover (GTK_WIDGET (status))), "the status menu to close");
  gtk_widget_grab_focus (GTK_WIDGET (list));
  g_assert_true (press (f, GDK_KEY_a, GDK_KEY_a, 0));
  WAIT_FOR (find_popover (GTK_WIDGET (assignee)) && gtk_widget_get_mapped (find_popover (GTK_WIDGET (assignee))),
            "the assignee menu");
  gtk_popover_popdown (GTK_POPOVER (find_popover (GTK_WIDGET (assignee))));
  WAIT_FOR (!gtk_widget_get_mapped (find_popover (GTK_WIDGET (assignee))), "the assignee menu to close");

  /* / searches; typed letters then go to the entry, not to shortcuts. */
  gtk_widget_grab_focus (GTK_WIDGET (list));
  g_assert_true (press (f, GDK_KEY_slash, GDK_KEY_slash, 0));
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  WAIT_FOR (focus_inside (f, entry), "the search entry's focus");
  g_assert_false (press (f, GDK_KEY_j, GDK_KEY_j, 0));

  /* Esc outside the entry closes the search. */
  gtk_widget_grab_focus (GTK_WIDGET (list));
  g_assert_true (press (f, GDK_KEY_Escape, GDK_KEY_Escape, 0));
  g_assert_false (gtk_search_bar_get_search_mode (bar));

  /* With Ctrl the letters are someone else's... */
  g_assert_false (press (f, GDK_KEY_j, GDK_KEY_j, GDK_CONTROL_MASK));
  g_assert_false (press (f, GDK_KEY_j, FA_TEH, GDK_CONTROL_MASK));

  /* ...except the window's Ctrl shortcuts with a Persian layout, which
   * has no Latin group for GTK to find the F of Ctrl+F in: Ctrl and the
   * key of ب search, from the composer too. */
  gtk_widget_grab_focus (composer);
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_true (press (f, GDK_KEY_f, FA_BEH, GDK_CONTROL_MASK));
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  /* In a text field, Ctrl and the keys of A, X and V (ش, ط, ر) select
   * all, cut and paste. */
  WAIT_FOR (focus_inside (f, entry), "the search entry's focus");
  gtk_editable_set_text (GTK_EDITABLE (entry), "سفارش");
  g_assert_true (press (f, GDK_KEY_a, FA_SHEEN, GDK_CONTROL_MASK));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), NULL, NULL));
  g_assert_true (press (f, GDK_KEY_x, FA_TAH, GDK_CONTROL_MASK));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (press (f, GDK_KEY_v, FA_REH, GDK_CONTROL_MASK));
  WAIT_FOR (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), "سفارش") == 0, "the pasted text");

  /* In the list, the list view's own Ctrl+A: every ticket it shows. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-view", "s", "all");
  WAIT_FOR (!fl_ticket_list_model_get_loading (fl_ticket_list_get_model (list)) &&
            fl_ticket_list_get_n_items (list) > 1 &&
            shown_rows (list) == fl_ticket_list_get_n_items (list), "the list");
  gtk_widget_grab_focus (GTK_WIDGET (list));
  g_assert_cmpuint (fl_ticket_list_get_n_selected (list), <=, 1);
  g_assert_true (press (f, GDK_KEY_a, FA_SHEEN, GDK_CONTROL_MASK));
  g_assert_cmpuint (fl_ticket_list_get_n_selected (list), ==, fl_ticket_list_get_n_items (list));
}

/* In a narrow window Enter goes to the ticket and Esc comes back. */
static void
test_keyboard_narrow (Fixture       *f,
                      gconstpointer  data)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);

  /* The window folds once it has its narrow size; until then both panes
   * count as shown, and Esc has nothing to go back from. */
  WAIT_FOR (!fl_window_get_ticket_pane_shown (f->window), "the narrow window to show the list alone");
  gtk_widget_grab_focus (GTK_WIDGET (list));
  g_assert_true (press (f, GDK_KEY_j, FA_TEH, 0));
  g_assert_true (press (f, GDK_KEY_Return, GDK_KEY_Return, 0));
  WAIT_FOR (fl_window_get_ticket_pane_shown (f->window), "the ticket pane");
  wait_for_conversation (f, id_at (f, 0));
  gtk_widget_grab_focus (GTK_WIDGET (fl_window_get_ticket_view (f->window)));
  g_assert_true (press (f, GDK_KEY_Escape, GDK_KEY_Escape, 0));
  WAIT_FOR (!fl_window_get_ticket_pane_shown (f->window), "the list pane");
}

static void
collect_accels (GtkWidget *widget,
                GString   *accels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          g_autofree char *accel = NULL;

          g_object_get (child, "accelerator", &accel, NULL);
          g_string_append_printf (accels, "[%s]", accel);
        }
      collect_accels (child, accels);
    }
}

static GtkWindow *
find_shortcuts_window (FlWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (parent))
        return toplevel;
    }
  return NULL;
}

/* The shortcuts window lists the new keys. The window builds it only when
 * asked (win.show-help-overlay, Ctrl+? in the app), and once. */
static void
test_shortcuts_window (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GString) accels = g_string_new (NULL);
  GtkWindow *overlay;

  g_assert_null (find_shortcuts_window (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  overlay = find_shortcuts_window (f->window);
  g_assert_nonnull (overlay);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (overlay)), "the shortcuts window");

  collect_accels (GTK_WIDGET (overlay), accels);
  for (const char *expected[] = { "[j Down]", "[k Up]", "[Return]", "[r]", "[n]", "[a]", "[s]",
                                  "[slash <ctrl>f]", "[Escape]", "[g&i]", "[g&m]", "[g&u]", "[g&a]",
                                  "[<shift>j <shift>k]", NULL }, **e = expected; *e; e++)
    g_assert_nonnull (strstr (accels->str, *e));
  save_widget_screenshot (GTK_WIDGET (overlay), "shortcuts");

  /* Closing hides it; asking again shows the same window. */
  gtk_window_close (overlay);
  WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (overlay)), "the shortcuts window to close");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  g_assert_true (find_shortcuts_window (f->window) == overlay);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (overlay)), "the shortcuts window again");
}

/* How many outbox items of @kind the store holds for @ticket_id. */
static guint
outbox_items_for (Fixture      *f,
                  gint64        ticket_id,
                  FlOutboxKind  kind)
{
  g_autoptr(GPtrArray) items = fl_store_outbox_list (fl_context_get_store (f->context), FALSE, NULL);
  guint n = 0;

  for (guint i = 0; items && i < items->len; i++)
    if (fl_outbox_item_get_ticket_id (items->pdata[i]) == ticket_id &&
        fl_outbox_item_get_kind (items->pdata[i]) == kind)
      n++;
  return n;
}

static gboolean
ticket_has (Fixture    *f,
            gint64      ticket_id,
            const char *assignee,
            int         status)
{
  g_autoptr(FlTicket) t = fl_store_load_ticket (fl_context_get_store (f->context), ticket_id, NULL);

  if (t == NULL)
    return FALSE;
  if (assignee != NULL && g_strcmp0 (fl_ticket_get_assignee (t), assignee) != 0)
    return FALSE;
  return status < 0 || (int) fl_ticket_get_status (t) == status;
}

/* The sidebar's count for @nick, once it agrees with the store. */
static void
wait_for_count (Fixture    *f,
                const char *nick,
                FlView      view,
                guint       expected)
{
  g_autofree char *what = g_strdup_printf ("the %s count to be %u", nick, expected);

  g_assert_cmpuint (store_count (f, view), ==, expected);
  WAIT_FOR (fl_sidebar_get_count (fl_window_get_sidebar (f->window), nick) == expected, what);
}

static void
test_bulk_actions (Fixture       *f,
                   gconstpointer  data)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  FlBulkBar *bar = fl_window_get_bulk_bar (f->window);
  FlSidebar *sidebar = fl_window_get_sidebar (f->window);
  guint mine = store_count (f, FL_VIEW_ASSIGNED_TO_ME);
  guint unassigned = store_count (f, FL_VIEW_UNASSIGNED);
  guint pending = store_count (f, FL_VIEW_PENDING);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *me = NULL;
  g_autofree char *three = fl_format_count (3);
  guint to_pending = 0;

  /* Who "me" is: the assignee of any ticket in Assigned to Me. */
  {
    g_autoptr(FlQuery) query = fl_query_new (FL_VIEW_ASSIGNED_TO_ME);
    g_autoptr(GArray) mine_ids = fl_store_query_ids (fl_context_get_store (f->context), query, NULL);
    g_autoptr(FlTicket) t = fl_store_load_ticket (fl_context_get_store (f->context),
                                                  g_array_index (mine_ids, gint64, 0), NULL);
    me = g_strdup (fl_ticket_get_assignee (t));
  }

  g_assert_true (fl_sidebar_select_nick (sidebar, "unassigned"));
  WAIT_FOR (fl_ticket_list_get_n_items (list) == unassigned &&
            !fl_ticket_list_model_get_loading (fl_ticket_list_get_model (list)), "the unassigned view");
  g_assert_false (fl_bulk_bar_get_shown (bar));

  /* j, then Shift+J three times and Shift+K once: three tickets. */
  gtk_widget_grab_focus (GTK_WIDGET (list));
  g_assert_true (press (f, GDK_KEY_j, GDK_KEY_j, 0));
  g_assert_false (fl_bulk_bar_get_shown (bar));
  g_assert_true (press (f, GDK_KEY_j, GDK_KEY_J, GDK_SHIFT_MASK));
  g_assert_true (press (f, GDK_KEY_j, FA_TEH, GDK_SHIFT_MASK));
  g_assert_true (press (f, GDK_KEY_j, GDK_KEY_J, GDK_SHIFT_MASK));
  g_assert_cmpuint (fl_ticket_list_get_n_selected (list), ==, 4);
  g_assert_cmpint (fl_ticket_list_get_selected (list), ==, id_at (f, 3));
  g_assert_true (press (f, GDK_KEY_k, GDK_KEY_K, GDK_SHIFT_MASK));
  g_assert_cmpuint (fl_ticket_list_get_n_selected (list), ==, 3);
  g_assert_cmpint (fl_ticket_list_get_selected (list), ==, id_at (f, 2));
  WAIT_FOR (fl_bulk_bar_get_shown (bar), "the bulk bar");
  g_assert_nonnull (strstr (fl_bulk_bar_get_label (bar), three));
  save_screenshot (f, "bulk-bar");

  ids = fl_ticket_list_get_selected_ids (list);
  g_assert_cmpuint (ids->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, id_at (f, i));

  /* Assign all three to me: one outbox item each, and the counts follow. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.bulk-assign", "s", me);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      WAIT_FOR (ticket_has (f, id, me, -1), "a ticket to be mine");
      g_assert_cmpuint (outbox_items_for (f, id, FL_OUTBOX_SET_OWNER), ==, 1);
    }
  wait_for_count (f, "mine", FL_VIEW_ASSIGNED_TO_ME, mine + 3);
  wait_for_count (f, "unassigned", FL_VIEW_UNASSIGNED, unassigned - 3);
  WAIT_FOR (fl_ticket_list_get_n_items (list) == unassigned - 3, "the tickets to leave the view");

  /* Then set them pending from Assigned to Me. */
  g_assert_true (fl_sidebar_select_nick (sidebar, "mine"));
  WAIT_FOR (fl_ticket_list_get_n_items (list) == mine + 3 &&
            !fl_ticket_list_model_get_loading (fl_ticket_list_get_model (list)), "the mine view");
  fl_ticket_list_unselect_all (list);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      guint position = fl_ticket_list_model_find (fl_ticket_list_get_model (list), id);

      g_assert_cmpuint (position, !=, G_MAXUINT);
      /* As Ctrl+click does. */
      gtk_selection_model_select_item (fl_ticket_list_get_selection (list), position, FALSE);
      if (!ticket_has (f, id, NULL, FL_STATUS_PENDING))
        to_pending++;
    }
  g_assert_cmpuint (fl_ticket_list_get_n_selected (list), ==, 3);
  g_assert_cmpuint (to_pending, >, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.bulk-set-status", "s", "pending");
  for (guint i = 0; i < ids->len; i++)
    WAIT_FOR (ticket_has (f, g_array_index (ids, gint64, i), me, FL_STATUS_PENDING), "a ticket to be pending");
  wait_for_count (f, "pending", FL_VIEW_PENDING, pending + to_pending);

  /* Clearing the selection hides the bar. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clear-selection", NULL));
  WAIT_FOR (!fl_bulk_bar_get_shown (bar), "the bulk bar to hide");
}

static void
test_saved_searches (Fixture       *f,
                     gconstpointer  data)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  const char *text = "sipariş status:open,new";
  guint n = search_count (f, FL_VIEW_INBOX, text);
  g_autofree char *nick = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 id;

  g_assert_cmpuint (n, >, 1);
  g_assert_true (fl_sidebar_select_nick (fl_window_get_sidebar (f->window), "inbox"));
  type_search (f, text, n);

  /* Saved: a view of its own, selected, with the search as its query. */
  id = fl_window_save_search (f->window, "Siparişler");
  g_assert_cmpint (id, >, 0);
  nick = g_strdup_printf ("saved:%" G_GINT64_FORMAT, id);
  g_assert_true (selected_view_is (f, nick));
  g_assert_cmpstr (fl_sidebar_get_title (fl_window_get_sidebar (f->window), nick), ==, "Siparişler");
  WAIT_FOR (fl_ticket_list_get_n_items (list) == n &&
            !fl_ticket_list_model_get_loading (fl_ticket_list_get_model (list)), "the saved view");
  WAIT_FOR (fl_sidebar_get_count (fl_window_get_sidebar (f->window), nick) == n, "the saved view's count");
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (gtk_widget_get_ancestor (
    GTK_WIDGET (fl_window_get_search_entry (f->window)), GTK_TYPE_SEARCH_BAR))));
  save_screenshot (f, "saved-search");

  /* Its count is live: a ticket set pending through the outbox leaves it. */
  fl_ticket_list_select (list, 0);
  ids = fl_ticket_list_get_selected_ids (list);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.bulk-set-status", "s", "pending");
  WAIT_FOR (ticket_has (f, g_array_index (ids, gint64, 0), NULL, FL_STATUS_PENDING), "the ticket to be pending");
  g_assert_cmpuint (search_count (f, FL_VIEW_INBOX, text), ==, n - 1);
  WAIT_FOR (fl_sidebar_get_count (fl_window_get_sidebar (f->window), nick) == n - 1, "the count to follow");
  WAIT_FOR (fl_ticket_list_get_n_items (list) == n - 1, "the list to follow");

  /* Renamed, and still there after a restart. */
  g_assert_true (fl_window_rename_view (f->window, "Açık siparişler"));
  g_assert_cmpstr (fl_sidebar_get_title (fl_window_get_sidebar (f->window), nick), ==, "Açık siparişler");
  g_assert_true (selected_view_is (f, nick));

  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->context);
  open_context (f);
  open_window (f);
  g_assert_cmpstr (fl_sidebar_get_title (fl_window_get_sidebar (f->window), nick), ==, "Açık siparişler");
  WAIT_FOR (fl_sidebar_get_count (fl_window_get_sidebar (f->window), nick) == n - 1, "the count after a restart");

  /* Removed: gone, and the inbox shows. */
  g_assert_true (fl_sidebar_select_nick (fl_window_get_sidebar (f->window), nick));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-view", NULL);
  g_assert_null (fl_sidebar_get_title (fl_window_get_sidebar (f->window), nick));
  g_assert_true (selected_view_is (f, "inbox"));
  g_assert_false (fl_window_rename_view (f->window, "nothing to rename"));
}

/* A notification's default action is "app.open-ticket" with the ticket's
 * id. Activated on an application that has just started (as the desktop
 * does when the app was not running) and again once it runs, it opens the
 * right ticket both times. */
static void
test_notification_action (Fixture       *f,
                          gconstpointer  data)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  g_autoptr(FlApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  FlWindow *window;
  gint64 first, second;

  /* One ticket deep in the inbox, one that the inbox does not list. */
  WAIT_FOR (fl_ticket_list_get_n_items (list) > 20, "the inbox");
  first = id_at (f, 20);
  {
    g_autoptr(FlQuery) solved = fl_query_new (FL_VIEW_SOLVED);
    g_autoptr(GArray) ids = fl_store_query_ids (fl_context_get_store (f->context), solved, NULL);

    second = g_array_index (ids, gint64, 3);
  }

  /* The fixture's window and context go: the app opens its own. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->context);

  app = fl_application_new (g_get_monotonic_time ());
  fl_application_set_data_dir (app, f->dir);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  /* Ctrl+? shows the shortcuts window. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");

    g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  }

  /* Not running yet: the action starts it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-ticket", g_variant_new_int64 (first));
  window = FL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  WAIT_FOR (fl_ticket_view_get_ticket (fl_window_get_ticket_view (window)) != NULL &&
            fl_ticket_get_id (fl_ticket_view_get_ticket (fl_window_get_ticket_view (window))) == first,
            "the first ticket");
  WAIT_FOR (fl_ticket_list_get_selected (fl_window_get_ticket_list (window)) == first, "its row");

  /* Running: a ticket outside the view opens on its own. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-ticket", g_variant_new_int64 (second));
  WAIT_FOR (fl_ticket_view_get_ticket (fl_window_get_ticket_view (window)) != NULL &&
            fl_ticket_get_id (fl_ticket_view_get_ticket (fl_window_get_ticket_view (window))) == second,
            "the second ticket");
  g_assert_true (fl_window_get_ticket_pane_shown (window));

  /* Ctrl+؟ (Ctrl, Shift and the key of / in Persian) is the app's Ctrl+?,
   * which shows the shortcuts window. */
  g_assert_null (find_shortcuts_window (window));
  g_assert_true (fl_inbox_keys_press (fl_window_get_inbox_keys (window), GDK_KEY_Arabic_question_mark,
                                      keycode_of (GTK_WIDGET (window), GDK_KEY_slash),
                                      GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_nonnull (find_shortcuts_window (window));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Offline: a bar says so, and the cache stays fully usable. */
static void
test_offline (Fixture       *f,
              gconstpointer  data)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);

  fl_window_set_online (f->window, FALSE);
  g_assert_true (fl_window_get_offline_banner_shown (f->window));

  gtk_widget_grab_focus (GTK_WIDGET (list));
  g_assert_true (press (f, GDK_KEY_j, GDK_KEY_j, 0));
  wait_for_conversation (f, id_at (f, 0));
  type_search (f, "sipariş", search_count (f, FL_VIEW_INBOX, "sipariş"));
  g_assert_cmpuint (fl_ticket_list_get_n_items (list), >, 0);
  g_assert_true (fl_sidebar_select_nick (fl_window_get_sidebar (f->window), "all"));
  WAIT_FOR (fl_ticket_list_get_n_items (list) == search_count (f, FL_VIEW_ALL, "sipariş"), "all tickets offline");
  save_screenshot (f, "offline");

  fl_window_set_online (f->window, TRUE);
  g_assert_false (fl_window_get_offline_banner_shown (f->window));
}

static void
collect_switches (GtkWidget *root,
                  GPtrArray *out)
{
  if (GTK_IS_SWITCH (root))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_switches (child, out);
}

/* Preferences: which views notify, and do not disturb, in the settings
 * the notifier follows. */
static void
test_notification_prefs (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();
  g_autoptr(FlAccount) account = g_list_model_get_item (fl_context_get_accounts (f->context), 0);
  g_autoptr(GError) error = NULL;
  gint64 saved_id = fl_store_add_saved_search (fl_context_get_store (f->context), "Kargo <b>gecikti</b>",
                                               "inbox", "kargo", &error);
  g_autofree char *saved_nick = g_strdup_printf ("saved:%" G_GINT64_FORMAT, saved_id);
  g_autofree char *account_nick = g_strdup_printf ("account:%" G_GINT64_FORMAT, fl_account_get_id (account));
  FlPreferencesWindow *prefs = fl_preferences_window_new (f->context, GTK_WINDOW (f->window));
  GtkSwitch *inbox = NULL, *dnd = NULL, *saved = NULL, *email = NULL, *by_account = NULL;
  g_auto(GStrv) views = NULL;
  g_auto(GStrv) with_saved = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (saved_id, >, 0);

  gtk_window_present (GTK_WINDOW (prefs));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (prefs)), "the preferences");
  collect_switches (GTK_WIDGET (prefs), switches);
  for (guint i = 0; i < switches->len; i++)
    {
      const char *nick = g_object_get_data (switches->pdata[i], "nick");

      if (g_strcmp0 (nick, "inbox") == 0)
        inbox = switches->pdata[i];
      else if (g_strcmp0 (nick, saved_nick) == 0)
        saved = switches->pdata[i];
      else if (g_strcmp0 (nick, "channel:email") == 0)
        email = switches->pdata[i];
      else if (g_strcmp0 (nick, account_nick) == 0)
        by_account = switches->pdata[i];
      /* Do not disturb: the group's one switch outside the views' list. */
      else if (gtk_widget_get_ancestor (switches->pdata[i], FL_TYPE_NOTIFICATION_PREFS) != NULL &&
               gtk_widget_get_ancestor (switches->pdata[i], ADW_TYPE_EXPANDER_ROW) == NULL)
        {
          g_assert_null (dnd);
          dnd = switches->pdata[i];
        }
    }
  g_assert_nonnull (inbox);
  g_assert_nonnull (dnd);
  /* Channels, accounts and saved searches can notify too. */
  g_assert_nonnull (email);
  g_assert_nonnull (by_account);
  g_assert_nonnull (saved);

  g_settings_set_strv (settings, "notify-views", (const char *[]) { "unassigned", NULL });
  g_assert_false (gtk_switch_get_active (inbox));
  gtk_switch_set_active (inbox, TRUE);
  views = g_settings_get_strv (settings, "notify-views");
  g_assert_true (g_strv_contains ((const char * const *) views, "inbox"));
  g_assert_true (g_strv_contains ((const char * const *) views, "unassigned"));
  gtk_switch_set_active (saved, TRUE);
  with_saved = g_settings_get_strv (settings, "notify-views");
  g_assert_true (g_strv_contains ((const char * const *) with_saved, saved_nick));
  g_assert_true (g_strv_contains ((const char * const *) with_saved, "inbox"));
  {
    GtkWidget *expander = gtk_widget_get_ancestor (GTK_WIDGET (saved), ADW_TYPE_EXPANDER_ROW);

    GtkWidget *scrolled = gtk_widget_get_ancestor (expander, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    g_autofree char *path = NULL;

    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
    gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 860);
    ui_settle ();
    /* The end of the list: the channel, account and saved-search views. */
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
    path = ui_save_screenshot (GTK_WIDGET (prefs), "notification-prefs");
  }

  gtk_switch_set_active (dnd, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "do-not-disturb"));
  gtk_switch_set_active (dnd, FALSE);

  gtk_window_destroy (GTK_WINDOW (prefs));
}


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

static FlInitials *
find_initials (GtkWidget *root)
{
  if (FL_IS_INITIALS (root))
    return FL_INITIALS (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      FlInitials *found = find_initials (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
row_loaded (FlTicketRow *row)
{
  FlTicket *ticket = fl_ticket_row_get_ticket (row);

  return ticket != NULL && fl_ticket_get_subject (ticket) != NULL;
}

/* How many rows showing a ticket show an account colour; each must be
 * @color. */
static guint
count_colored_rows (Fixture       *f,
                    const GdkRGBA *color)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n = 0;

  collect_rows (GTK_WIDGET (fl_window_get_ticket_list (f->window)), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GdkRGBA shown;

      if (!row_loaded (rows->pdata[i]) || !fl_ticket_row_get_account_color (rows->pdata[i], &shown))
        continue;
      g_assert_true (gdk_rgba_equal (&shown, color));
      n++;
    }
  return n;
}

/* Every row has been made and shows its ticket. */
static gboolean
all_rows_loaded (FlTicketList *list,
                 GPtrArray    *rows,
                 guint         n_expected)
{
  g_ptr_array_set_size (rows, 0);
  collect_rows (GTK_WIDGET (list), rows);
  if (rows->len < n_expected)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (!row_loaded (rows->pdata[i]))
      return FALSE;
  return TRUE;
}

/* The first few of @rows are on screen, one below the other. */
static gboolean
first_rows_stacked (FlTicketList *list,
                    GPtrArray    *rows)
{
  double y = -1;

  for (guint i = 0; i < MIN (rows->len, 5); i++)
    {
      GtkWidget *item = gtk_widget_get_parent (rows->pdata[i]);
      graphene_rect_t bounds;

      if (!gtk_widget_get_child_visible (item) ||
          !gtk_widget_compute_bounds (item, GTK_WIDGET (list), &bounds) ||
          bounds.size.height < 30 || bounds.origin.y <= y)
        return FALSE;
      y = bounds.origin.y + bounds.size.height - 1;
    }
  return rows->len > 0;
}

/* The rows: initials of the assignee, the account colour only with
 * several accounts, and a new list that comes in over a few frames
 * while any of its tickets can be selected at once. */
static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  FlTicketListModel *model = fl_ticket_list_get_model (list);
  FlSidebar *sidebar = fl_window_get_sidebar (f->window);
  GListStore *accounts = G_LIST_STORE (fl_context_get_accounts (f->context));
  FlAccount *first = g_list_model_get_item (G_LIST_MODEL (accounts), 0);
  g_autoptr(FlAccount) second = g_object_new (FL_TYPE_ACCOUNT, "kind", "demo", "name", "Lumen Marketplace",
                                              "color", "#e01b24", NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FlQuery) all = fl_query_new (FL_VIEW_ALL);
  GdkRGBA first_color;
  guint n_all, n_assigned = 0, position;
  gint64 last_id;

  g_object_unref (first);
  g_assert_true (gdk_rgba_parse (&first_color, fl_account_get_color (first)));
  n_all = fl_store_count (fl_context_get_store (f->context), all, &error);
  g_assert_no_error (error);

  /* A new list: any of its tickets can be selected as soon as it is in,
   * even one further down than the rows built so far. */
  g_assert_true (fl_sidebar_select_nick (sidebar, "all"));
  WAIT_FOR (fl_ticket_list_model_get_answered (model) && fl_ticket_list_get_n_items (list) == n_all,
            "the All view");
  position = fl_ticket_list_get_n_items (list) - 1;
  last_id = fl_ticket_list_model_get_id (model, position);
  g_assert_true (fl_ticket_list_select_id (list, last_id));
  g_assert_cmpint (fl_ticket_list_get_selected (list), ==, last_id);
  g_assert_true (gtk_selection_model_is_selected (fl_ticket_list_get_selection (list), position));

  /* Then every ticket gets a row (a list view keeps rows for about 200). */
  g_assert_true (fl_sidebar_select_nick (sidebar, "inbox"));
  WAIT_FOR (fl_ticket_list_model_get_answered (model) && !fl_ticket_list_model_get_loading (model),
            "the Inbox view");
  g_assert_true (fl_sidebar_select_nick (sidebar, "all"));
  WAIT_FOR (all_rows_loaded (list, rows, MIN (n_all, 200)), "a row for every ticket of All");

  /* The assignee's initials, coloured by name. */
  for (guint i = 0; i < rows->len; i++)
    {
      FlTicket *ticket = fl_ticket_row_get_ticket (rows->pdata[i]);
      FlInitials *initials = find_initials (rows->pdata[i]);
      g_autofree char *expected = NULL;
      GtkWidget *label;

      if (ticket == NULL || fl_ticket_get_subject (ticket) == NULL || fl_ticket_get_assignee (ticket) == NULL)
        continue;
      g_assert_nonnull (initials);
      g_assert_cmpstr (fl_initials_get_name (initials), ==, fl_ticket_get_assignee (ticket));
      expected = fl_initials (fl_ticket_get_assignee (ticket));
      label = gtk_widget_get_first_child (GTK_WIDGET (initials));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
      g_assert_cmpuint (strlen (expected), >, 0);
      n_assigned++;
    }
  g_assert_cmpuint (n_assigned, >, 0);

  /* The rows are stacked from the top, after the list was scrolled far
   * down and the slice cut below where it had been (GTK 4.8 left every
   * row but the first without a place when its focus tracker was cut). */
  WAIT_FOR (all_rows_loaded (list, rows, MIN (n_all, 200)) && first_rows_stacked (list, rows),
            "the first rows of All one below the other");

  /* One account: no colours. A second one: every row shows its own. */
  g_assert_cmpuint (count_colored_rows (f, &first_color), ==, 0);
  g_assert_true (fl_store_save_account (fl_context_get_store (f->context), second, &error));
  g_assert_no_error (error);
  g_list_store_append (accounts, second);
  WAIT_FOR (all_rows_loaded (list, rows, MIN (n_all, 200)) &&
            count_colored_rows (f, &first_color) == rows->len, "every row in its account's colour");
  save_widget_screenshot (GTK_WIDGET (f->window), "inbox-two-accounts");

  g_list_store_remove (accounts, g_list_model_get_n_items (G_LIST_MODEL (accounts)) - 1);
  WAIT_FOR (all_rows_loaded (list, rows, MIN (n_all, 200)), "the rows again");
  g_assert_cmpuint (count_colored_rows (f, &first_color), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/inbox/search-language", Fixture, NULL, fixture_setup, test_search_language,
              fixture_teardown);
  g_test_add ("/inbox/keyboard", Fixture, NULL, fixture_setup, test_keyboard, fixture_teardown);
  g_test_add ("/inbox/keyboard-narrow", Fixture, GINT_TO_POINTER (600), fixture_setup,
              test_keyboard_narrow, fixture_teardown);
  g_test_add ("/inbox/shortcuts-window", Fixture, NULL, fixture_setup, test_shortcuts_window,
              fixture_teardown);
  g_test_add ("/inbox/bulk-actions", Fixture, NULL, fixture_setup, test_bulk_actions,
              fixture_teardown);
  g_test_add ("/inbox/saved-searches", Fixture, NULL, fixture_setup, test_saved_searches,
              fixture_teardown);
  g_test_add ("/inbox/notification-action", Fixture, NULL, fixture_setup, test_notification_action,
              fixture_teardown);
  g_test_add ("/inbox/offline", Fixture, NULL, fixture_setup, test_offline, fixture_teardown);
  g_test_add ("/inbox/notification-prefs", Fixture, NULL, fixture_setup, test_notification_prefs,
              fixture_teardown);
  g_test_add ("/inbox/search-help", Fixture, NULL, fixture_setup, test_search_help,
              fixture_teardown);
  g_test_add ("/inbox/rows", Fixture, NULL, fixture_setup, test_rows, fixture_teardown);

  return g_test_run ();
}
