/* fl-bulk-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-bulk-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "fl-bulk-bar.h"
#include "fl-enums.h"
#include "fl-format.h"

/**
 * FlBulkBar:
 *
 * Shown under the ticket list while two or more tickets are selected:
 * how many, and menus to assign them or set their status. The menus
 * activate the window's "win.bulk-assign" (an agent's name, or "" for
 * nobody) and "win.bulk-set-status" (a status nick); the window queues
 * one outbox item per ticket.
 */
struct _FlBulkBar
{
  GtkWidget       parent_instance;

  GtkActionBar   *action_bar;
  GtkLabel       *count_label;
  GtkMenuButton  *assign_button;
  GtkMenuButton  *status_button;
};

G_DEFINE_FINAL_TYPE (FlBulkBar, fl_bulk_bar, GTK_TYPE_WIDGET)

/**
 * fl_bulk_bar_set_count:
 * @n_selected: how many tickets are selected
 *
 * Shows the bar for two or more.
 */
void
fl_bulk_bar_set_count (FlBulkBar *self,
                       guint      n_selected)
{
  g_autofree char *count = fl_format_count (n_selected);
  g_autofree char *label = NULL;

  g_return_if_fail (FL_IS_BULK_BAR (self));

  /* Translators: under the ticket list while several are selected; %s
   * is the number, already formatted */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s ticket selected", "%s tickets selected",
                                        n_selected),
                           count);
  gtk_label_set_label (self->count_label, label);
  /* Hidden, not only unrevealed: a revealer still asks for its child's
   * width, and the list pane must stay as narrow as it was. */
  gtk_widget_set_visible (GTK_WIDGET (self), n_selected >= 2);
  gtk_action_bar_set_revealed (self->action_bar, n_selected >= 2);
}

/**
 * fl_bulk_bar_set_agents:
 * @names: (array zero-terminated=1): the agents' names, in menu order
 */
void
fl_bulk_bar_set_agents (FlBulkBar          *self,
                        const char * const *names)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) nobody = g_menu_new ();
  g_autoptr(GMenu) agents = g_menu_new ();

  g_return_if_fail (FL_IS_BULK_BAR (self));

  g_menu_append (nobody, C_("assignee", "Unassigned"), "win.bulk-assign::");
  for (guint i = 0; names && names[i]; i++)
    {
      /* Menu labels read "_" as a mnemonic: double it to show it. */
      g_auto(GStrv) parts = g_strsplit (names[i], "_", -1);
      g_autofree char *label = g_strjoinv ("__", parts);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.bulk-assign", g_variant_new_string (names[i]));
      g_menu_append_item (agents, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (nobody));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (agents));
  gtk_menu_button_set_menu_model (self->assign_button, G_MENU_MODEL (menu));
}

gboolean
fl_bulk_bar_get_shown (FlBulkBar *self)
{
  g_return_val_if_fail (FL_IS_BULK_BAR (self), FALSE);

  return gtk_action_bar_get_revealed (self->action_bar);
}

const char *
fl_bulk_bar_get_label (FlBulkBar *self)
{
  g_return_val_if_fail (FL_IS_BULK_BAR (self), NULL);

  return gtk_label_get_label (self->count_label);
}

static void
fl_bulk_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FL_TYPE_BULK_BAR);

  G_OBJECT_CLASS (fl_bulk_bar_parent_class)->dispose (object);
}

static void
fl_bulk_bar_class_init (FlBulkBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_bulk_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-bulk-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, FlBulkBar, action_bar);
  gtk_widget_class_bind_template_child (widget_class, FlBulkBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, FlBulkBar, assign_button);
  gtk_widget_class_bind_template_child (widget_class, FlBulkBar, status_button);
}

static void
fl_bulk_bar_init (FlBulkBar *self)
{
  g_autoptr(GMenu) statuses = g_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < FL_N_STATUSES; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (fl_status_get_label (i), NULL);

      g_menu_item_set_action_and_target_value (item, "win.bulk-set-status",
                                               g_variant_new_string (fl_status_to_string (i)));
      g_menu_append_item (statuses, item);
    }
  gtk_menu_button_set_menu_model (self->status_button, G_MENU_MODEL (statuses));
  fl_bulk_bar_set_agents (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
