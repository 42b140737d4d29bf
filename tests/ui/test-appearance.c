/* test-appearance.c: the main window with high contrast and with large
 * text, on a 1366×768 screen. Run once per UI language (LANGUAGE=en, fa)
 * and per setting: /appearance/high-contrast needs the environment of a
 * high-contrast desktop (ADW_DEBUG_HIGH_CONTRAST=1, which libadwaita 1.2
 * reads at start-up like the settings portal's
 * org.gnome.desktop.a11y.interface high-contrast), and checks that it
 * got it; /appearance/large-text scales the text by 1.5 as GNOME's
 * text-scaling-factor does, through gtk-xft-dpi.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "fl-composer.h"
#include "fl-test-ui.h"
#include "fl-window-private.h"
#include "ui-window-fixture.h"

/* A laptop screen that is still common. */
#define SCREEN_WIDTH  1366
#define SCREEN_HEIGHT 768

/* GTK's default, 96 dpi, in 1024ths. */
#define DEFAULT_DPI (96 * 1024)

typedef struct
{
  const char *name;
  double      text_scale;
  gboolean    high_contrast;
} Appearance;

static const Appearance high_contrast = { "appearance-hc", 1.0, TRUE };
static const Appearance large_text = { "appearance-large-text", 1.5, FALSE };

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  const Appearance *appearance = data;

  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi",
                (int) (appearance->text_scale * DEFAULT_DPI), NULL);
  f->height = SCREEN_HEIGHT;
  fixture_setup (f, GINT_TO_POINTER (SCREEN_WIDTH));
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  fixture_teardown (f, data);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", DEFAULT_DPI, NULL);
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

/* Every widget on screen under @root that @match accepts, not looking
 * into what is hidden (a stack's other pages, a folded pane). */
static void
collect (GtkWidget     *root,
         UiMatch        match,
         gconstpointer  data,
         GPtrArray     *out)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (match (root, data))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect (child, match, data, out);
}

static char *
describe (GtkWidget *widget)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget)) ?: gtk_button_get_icon_name (GTK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    text = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) ?: gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));

  return g_strdup_printf ("%s “%s”", G_OBJECT_TYPE_NAME (widget), text ? text : "");
}

/* @widget is on screen whole: allocated at least its minimum size, and
 * inside the window and every scrolling or clipping widget around it. */
static void
check_usable (Fixture    *f,
              GtkWidget  *widget,
              const char *what)
{
  GtkWidget *root = GTK_WIDGET (f->window);
  g_autofree char *name = describe (widget);
  graphene_rect_t bounds;
  int min_width, min_height;
  /* libadwaita's header bars reach a pixel past their pane's edge. */
  const float slack = 1.5;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_compute_bounds (widget, root, &bounds))
    {
      g_test_fail_printf ("%s: %s is not on screen", what, name);
      return;
    }
  if (bounds.size.width < 1 || bounds.size.height < 1)
    {
      g_test_fail_printf ("%s: %s is %g×%g", what, name, bounds.size.width, bounds.size.height);
      return;
    }

  /* A measure counts the CSS box and the widget's margins; the size a
   * widget is given is its content box. */
  {
    GtkStyleContext *style = gtk_widget_get_style_context (widget);
    GtkBorder margin, border, padding;
    int horizontal, vertical;

    gtk_style_context_get_margin (style, &margin);
    gtk_style_context_get_border (style, &border);
    gtk_style_context_get_padding (style, &padding);
    horizontal = margin.left + margin.right + border.left + border.right + padding.left +
                 padding.right + gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
    vertical = margin.top + margin.bottom + border.top + border.bottom + padding.top +
               padding.bottom + gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget);
    gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget) + horizontal,
                        &min_height, NULL, NULL, NULL);
    min_width -= horizontal;
    min_height -= vertical;
  }
  if (gtk_widget_get_width (widget) < min_width || gtk_widget_get_height (widget) < min_height)
    g_test_fail_printf ("%s: %s has %d×%d of the %d×%d it needs", what, name,
                        gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                        min_width, min_height);

  if (bounds.origin.x < -slack || bounds.origin.y < -slack ||
      bounds.origin.x + bounds.size.width > gtk_widget_get_width (root) + slack ||
      bounds.origin.y + bounds.size.height > gtk_widget_get_height (root) + slack)
    g_test_fail_printf ("%s: %s at %g,%g %g×%g is cut off by the %d×%d window", what, name,
                        bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
                        gtk_widget_get_width (root), gtk_widget_get_height (root));

  for (GtkWidget *a = gtk_widget_get_parent (widget); a != NULL && a != root; a = gtk_widget_get_parent (a))
    {
      graphene_rect_t clip;

      if (!(GTK_IS_SCROLLED_WINDOW (a) || gtk_widget_get_overflow (a) == GTK_OVERFLOW_HIDDEN) ||
          !gtk_widget_compute_bounds (a, root, &clip))
        continue;
      if (bounds.origin.x < clip.origin.x - slack || bounds.origin.y < clip.origin.y - slack ||
          bounds.origin.x + bounds.size.width > clip.origin.x + clip.size.width + slack ||
          bounds.origin.y + bounds.size.height > clip.origin.y + clip.size.height + slack)
        g_test_fail_printf ("%s: %s at %g,%g %g×%g is cut off by %s at %g,%g %g×%g", what, name,
                            bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
                            G_OBJECT_TYPE_NAME (a), clip.origin.x, clip.origin.y,
                            clip.size.width, clip.size.height);
    }
}

/* A label cut short still shows enough to read: its first six letters
 * before the ellipsis, or all of a shorter text. */
static void
check_label (Fixture    *f,
             GtkLabel   *label,
             const char *what)
{
  const char *text = gtk_label_get_text (label);
  g_autofree char *name = describe (GTK_WIDGET (label));

  if (text == NULL || *text == '\0')
    return;

  check_usable (f, GTK_WIDGET (label), what);

  if (gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_NONE)
    {
      const char *end = text;
      g_autofree char *shortest = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int width;

      for (guint i = 0; i < 6 && *end; i++)
        end = g_utf8_next_char (end);
      shortest = g_strdup_printf ("%.*s%s", (int) (end - text), text, *end ? "…" : "");
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (label), shortest);
      pango_layout_get_pixel_size (layout, &width, NULL);
      if (gtk_widget_get_width (GTK_WIDGET (label)) < width)
        g_test_fail_printf ("%s: %s is %d px wide, too narrow for “%s” (%d px)", what, name,
                            gtk_widget_get_width (GTK_WIDGET (label)), shortest, width);
    }
}

static void
check_all (Fixture       *f,
           GtkWidget     *root,
           UiMatch        match,
           gconstpointer  data,
           const char    *what,
           guint          at_least)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, match, data, found);
  if (found->len < at_least)
    g_test_fail_printf ("%s: %u found, %u expected", what, found->len, at_least);
  for (guint i = 0; i < found->len; i++)
    {
      if (GTK_IS_LABEL (found->pdata[i]))
        check_label (f, found->pdata[i], what);
      else
        check_usable (f, found->pdata[i], what);
    }
}

static gboolean
is_header_control (GtkWidget     *widget,
                   gconstpointer  data)
{
  /* A menu button's own toggle is checked as the menu button. */
  if (GTK_IS_BUTTON (widget) && GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    return FALSE;
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget);
}

static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  const Appearance *appearance = data;
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  FlComposer *composer = fl_ticket_view_get_composer (view);
  GtkWidget *window = GTK_WIDGET (f->window);
  g_autofree char *shot = NULL;
  GtkWidget *header;
  int min_width, min_height, dpi;

  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
  g_assert_cmpint (dpi, ==, (int) (appearance->text_scale * DEFAULT_DPI));
  /* Not a test of nothing: the desktop's setting reached libadwaita. */
  g_assert_cmpint (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()), ==,
                   appearance->high_contrast);

  /* A ticket open, the composer on a note, as an agent works. */
  fl_ticket_list_select (list, 0);
  wait_for_conversation (f, fl_ticket_list_get_selected (list));
  fl_composer_set_note (composer, TRUE);
  WAIT_FOR (gtk_widget_get_width (window) > 0, "the window's size");
  ui_settle ();

  /* The whole window fits the screen. */
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, SCREEN_WIDTH, &min_height, NULL, NULL, NULL);
  g_test_message ("minimum size %d×%d, window %d×%d", min_width, min_height,
                  gtk_widget_get_width (window), gtk_widget_get_height (window));
  g_assert_cmpint (min_width, <=, SCREEN_WIDTH);
  g_assert_cmpint (min_height, <=, SCREEN_HEIGHT);
  g_assert_cmpint (gtk_widget_get_width (window), <=, SCREEN_WIDTH);
  g_assert_cmpint (gtk_widget_get_height (window), <=, SCREEN_HEIGHT);

  /* The three panes are there, not folded away. */
  g_assert_true (fl_window_get_ticket_pane_shown (f->window));
  check_usable (f, GTK_WIDGET (fl_window_get_sidebar (f->window)), "the sidebar");
  check_usable (f, GTK_WIDGET (list), "the ticket list");

  /* The composer and its send button. */
  check_usable (f, GTK_WIDGET (composer), "the composer");
  check_all (f, GTK_WIDGET (composer), is_type, GSIZE_TO_POINTER (ADW_TYPE_SPLIT_BUTTON),
             "the send button", 1);

  /* The header bars' buttons: sync, the main menu, search, the customer
   * panel and the window's own. */
  check_all (f, window, is_type, GSIZE_TO_POINTER (ADW_TYPE_HEADER_BAR), "a header bar", 3);
  {
    g_autoptr(GPtrArray) bars = g_ptr_array_new ();

    collect (window, is_type, GSIZE_TO_POINTER (ADW_TYPE_HEADER_BAR), bars);
    for (guint i = 0; i < bars->len; i++)
      check_all (f, bars->pdata[i], is_header_control, NULL, "a header bar button", 1);
  }

  /* The ticket's header: its controls, and every label says something. */
  header = find_widget (GTK_WIDGET (view), has_class, "ticket-header");
  g_assert_nonnull (header);
  check_all (f, header, is_header_control, NULL, "the ticket header's controls", 4);
  check_all (f, header, is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL), "a ticket header label", 5);

  shot = save_screenshot_path (f, appearance->name);
  g_assert_true (g_file_test (shot, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/appearance/high-contrast", Fixture, &high_contrast, setup, test_layout, teardown);
  g_test_add ("/appearance/large-text", Fixture, &large_text, setup, test_layout, teardown);

  return g_test_run ();
}
