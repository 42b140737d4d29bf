/* fl-template-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-template-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "fl-template-engine.h"
#include "fl-template-library.h"
#include "fl-template-popover.h"
#include "fl-text.h"

/**
 * FlTemplatePopover:
 *
 * Finds a canned response as the agent types, by name, shortcut or text,
 * ignoring case and accents and folding Turkish and Persian letters.
 * Up and Down move through the matches, Enter chooses one and Esc closes
 * the popover without changing anything.
 */
struct _FlTemplatePopover
{
  GtkPopover      parent_instance;

  GPtrArray      *templates;
  GHashTable     *values;

  GtkSearchEntry *search_entry;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (FlTemplatePopover, fl_template_popover, GTK_TYPE_POPOVER)

enum {
  CHOSEN,
  MANAGE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static GtkWidget *
make_row (FlTemplate *template,
          GHashTable *values)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (fl_template_get_name (template));
  GtkWidget *caption;
  GtkWidget *snippet;
  g_autofree char *text = fl_template_preview (fl_template_get_body (template), values, 90);
  g_autoptr(GString) details = g_string_new (fl_template_get_folder (template));

  if (fl_template_get_shortcut (template) != NULL)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append_printf (details, "::%s", fl_template_get_shortcut (template));
    }
  if (!fl_template_get_shared (template))
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      /* Translators: a canned response only its author sees */
      g_string_append (details, C_("template", "Personal"));
    }
  if (fl_template_get_actions (template) != NULL)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      /* Translators: a canned response that also changes the ticket */
      g_string_append (details, C_("template", "Macro"));
    }

  caption = gtk_label_new (details->str);
  snippet = gtk_label_new (text);

  gtk_label_set_use_markup (GTK_LABEL (name), FALSE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");

  gtk_label_set_use_markup (GTK_LABEL (caption), FALSE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");

  gtk_label_set_use_markup (GTK_LABEL (snippet), FALSE);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (snippet), TRUE);
  gtk_widget_add_css_class (snippet, "dim-label");

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "template", g_object_ref (template), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, fl_template_get_name (template),
                                  -1);
  return row;
}

static void
refilter (FlTemplatePopover *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) found = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, child);

  if (self->templates == NULL)
    return;

  found = fl_template_library_search (self->templates, query);
  for (guint i = 0; i < found->len; i++)
    gtk_list_box_append (self->list_box, make_row (found->pdata[i], self->values));

  gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, 0));
}

static void
on_search_changed_cb (FlTemplatePopover *self)
{
  refilter (self);
}

static void
choose_row (FlTemplatePopover *self,
            GtkListBoxRow     *row)
{
  FlTemplate *template;

  if (row == NULL)
    return;
  template = g_object_get_data (G_OBJECT (row), "template");
  g_object_ref (template);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals [CHOSEN], 0, template);
  g_object_unref (template);
}

static void
on_activate_cb (FlTemplatePopover *self)
{
  choose_row (self, gtk_list_box_get_selected_row (self->list_box));
}

static void
on_row_activated_cb (FlTemplatePopover *self,
                     GtkListBoxRow     *row)
{
  choose_row (self, row);
}

static void
on_manage_clicked_cb (FlTemplatePopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals [MANAGE], 0);
}

static void
on_stop_search_cb (FlTemplatePopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Up and Down move through the matches while the entry keeps the focus. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   FlTemplatePopover     *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);
  int index = row ? gtk_list_box_row_get_index (row) : -1;
  GtkListBoxRow *next = NULL;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    next = gtk_list_box_get_row_at_index (self->list_box, index + 1);
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    next = index > 0 ? gtk_list_box_get_row_at_index (self->list_box, index - 1) : NULL;
  else
    return GDK_EVENT_PROPAGATE;

  if (next != NULL)
    {
      GtkAdjustment *adj;
      graphene_rect_t bounds;

      gtk_list_box_select_row (self->list_box, next);
      adj = gtk_list_box_get_adjustment (self->list_box);
      if (adj != NULL && gtk_widget_compute_bounds (GTK_WIDGET (next), GTK_WIDGET (self->list_box), &bounds))
        {
          double value = gtk_adjustment_get_value (adj);
          double page = gtk_adjustment_get_page_size (adj);

          if (bounds.origin.y < value)
            gtk_adjustment_set_value (adj, bounds.origin.y);
          else if (bounds.origin.y + bounds.size.height > value + page)
            gtk_adjustment_set_value (adj, bounds.origin.y + bounds.size.height - page);
        }
    }
  return GDK_EVENT_STOP;
}

static void
on_show_cb (FlTemplatePopover *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
fl_template_popover_dispose (GObject *object)
{
  FlTemplatePopover *self = (FlTemplatePopover *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_TEMPLATE_POPOVER);

  G_OBJECT_CLASS (fl_template_popover_parent_class)->dispose (object);
}

static void
fl_template_popover_finalize (GObject *object)
{
  FlTemplatePopover *self = (FlTemplatePopover *)object;

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);

  G_OBJECT_CLASS (fl_template_popover_parent_class)->finalize (object);
}

static void
fl_template_popover_class_init (FlTemplatePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_template_popover_dispose;
  object_class->finalize = fl_template_popover_finalize;

  /**
   * FlTemplatePopover::chosen:
   * @template: the chosen canned response
   */
  signals [CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FL_TYPE_TEMPLATE);

  /**
   * FlTemplatePopover::manage:
   *
   * The agent wants to edit the library.
   */
  signals [MANAGE] =
    g_signal_new ("manage",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-template-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, FlTemplatePopover, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FlTemplatePopover, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_manage_clicked_cb);
}

static void
fl_template_popover_init (FlTemplatePopover *self)
{
  GtkEventController *keys;
  GtkWidget *empty;

  gtk_widget_init_template (GTK_WIDGET (self));

  empty = gtk_label_new (_("No canned response matches"));
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 24);
  gtk_widget_set_margin_bottom (empty, 24);
  gtk_list_box_set_placeholder (self->list_box, empty);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  g_signal_connect (self, "show", G_CALLBACK (on_show_cb), NULL);
}

GtkWidget *
fl_template_popover_new (void)
{
  return g_object_new (FL_TYPE_TEMPLATE_POPOVER, NULL);
}

/**
 * fl_template_popover_set_templates:
 * @templates: (element-type FlTemplate) (nullable): the responses to
 *   offer, one variant each
 * @values: (nullable): placeholder values for the previews
 */
void
fl_template_popover_set_templates (FlTemplatePopover *self,
                                   GPtrArray         *templates,
                                   GHashTable        *values)
{
  g_return_if_fail (FL_IS_TEMPLATE_POPOVER (self));

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);
  if (templates != NULL)
    self->templates = g_ptr_array_ref (templates);
  if (values != NULL)
    self->values = g_hash_table_ref (values);
  refilter (self);
}

/**
 * fl_template_popover_set_query:
 * @query: (nullable): the search text
 */
void
fl_template_popover_set_query (FlTemplatePopover *self,
                               const char        *query)
{
  g_return_if_fail (FL_IS_TEMPLATE_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
  refilter (self);
}

/**
 * fl_template_popover_get_n_matches:
 *
 * Returns: how many responses the popover lists
 */
guint
fl_template_popover_get_n_matches (FlTemplatePopover *self)
{
  guint n = 0;

  g_return_val_if_fail (FL_IS_TEMPLATE_POPOVER (self), 0);

  while (gtk_list_box_get_row_at_index (self->list_box, n) != NULL)
    n++;
  return n;
}
