/* fl-template-chips.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-template-chips"

#include "config.h"

#include <glib/gi18n.h>

#include "fl-template-chips.h"
#include "fl-template-engine.h"

/**
 * FlTemplateChips:
 *
 * The canned responses that best answer the customer's last message, as
 * one-click buttons above the composer. Hidden when there is none.
 */
struct _FlTemplateChips
{
  GtkWidget   parent_instance;

  GPtrArray  *chips;

  GtkWidget  *box;
  GtkBox     *chip_box;
};

G_DEFINE_FINAL_TYPE (FlTemplateChips, fl_template_chips, GTK_TYPE_WIDGET)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
on_chip_clicked_cb (GtkButton       *button,
                    FlTemplateChips *self)
{
  FlTemplate *template = g_object_get_data (G_OBJECT (button), "template");

  g_signal_emit (self, signals [CHOSEN], 0, template);
}

static void
fl_template_chips_dispose (GObject *object)
{
  FlTemplateChips *self = (FlTemplateChips *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_TEMPLATE_CHIPS);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (fl_template_chips_parent_class)->dispose (object);
}

static void
fl_template_chips_finalize (GObject *object)
{
  FlTemplateChips *self = (FlTemplateChips *)object;

  g_clear_pointer (&self->chips, g_ptr_array_unref);

  G_OBJECT_CLASS (fl_template_chips_parent_class)->finalize (object);
}

static void
fl_template_chips_class_init (FlTemplateChipsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_template_chips_dispose;
  object_class->finalize = fl_template_chips_finalize;

  /**
   * FlTemplateChips::chosen:
   * @template: the suggestion clicked
   */
  signals [CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FL_TYPE_TEMPLATE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-template-chips.ui");
  gtk_widget_class_bind_template_child (widget_class, FlTemplateChips, box);
  gtk_widget_class_bind_template_child (widget_class, FlTemplateChips, chip_box);
}

static void
fl_template_chips_init (FlTemplateChips *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chips = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
fl_template_chips_new (void)
{
  return g_object_new (FL_TYPE_TEMPLATE_CHIPS, NULL);
}

/**
 * fl_template_chips_set_suggestions:
 * @templates: (element-type FlTemplate) (nullable): the suggestions, best
 *   first; the first three are shown
 * @values: (nullable): placeholder values for the previews in tooltips
 */
void
fl_template_chips_set_suggestions (FlTemplateChips *self,
                                   GPtrArray       *templates,
                                   GHashTable      *values)
{
  g_return_if_fail (FL_IS_TEMPLATE_CHIPS (self));

  for (guint i = 0; i < self->chips->len; i++)
    gtk_box_remove (self->chip_box, self->chips->pdata[i]);
  g_ptr_array_set_size (self->chips, 0);

  for (guint i = 0; templates && i < templates->len && i < 3; i++)
    {
      FlTemplate *template = templates->pdata[i];
      GtkWidget *button = gtk_button_new_with_label (fl_template_get_name (template));
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));
      g_autofree char *snippet = fl_template_preview (fl_template_get_body (template), values, 200);

      gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (button, snippet);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "template-chip");
      g_object_set_data_full (G_OBJECT (button), "template", g_object_ref (template), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (on_chip_clicked_cb), self);
      gtk_box_append (self->chip_box, button);
      g_ptr_array_add (self->chips, button);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->chips->len > 0);
}

guint
fl_template_chips_get_n_chips (FlTemplateChips *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE_CHIPS (self), 0);

  return self->chips->len;
}

/**
 * fl_template_chips_get_chip:
 *
 * Returns: (transfer none) (nullable): the button of suggestion @index
 */
GtkButton *
fl_template_chips_get_chip (FlTemplateChips *self,
                            guint            index)
{
  g_return_val_if_fail (FL_IS_TEMPLATE_CHIPS (self), NULL);

  return index < self->chips->len ? self->chips->pdata[index] : NULL;
}
