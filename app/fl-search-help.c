/* fl-search-help.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-search-help"

#include "config.h"

#include <glib/gi18n.h>

#include "fl-search-help.h"

/**
 * FlSearchHelp:
 *
 * A popover beside the search entry listing what the search understands
 * (see fl-search.c). The keywords are written as typed, in English; what
 * they do is translated.
 */
struct _FlSearchHelp
{
  GtkPopover  parent_instance;

  GtkGrid    *grid;
};

G_DEFINE_FINAL_TYPE (FlSearchHelp, fl_search_help, GTK_TYPE_POPOVER)

typedef struct
{
  const char *syntax;
  const char *meaning;
} HelpRow;

static void
fl_search_help_class_init (FlSearchHelpClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-search-help.ui");
  gtk_widget_class_bind_template_child (widget_class, FlSearchHelp, grid);
}

static void
fl_search_help_init (FlSearchHelp *self)
{
  /* The syntax column is what the agent types, so it is not translated. */
  const HelpRow rows[] = {
    { "kargo iade", N_("Tickets with words starting like these, in the subject, the messages or the customer") },
    { "\"exact phrase\"", N_("These words, one after the other") },
    { "-word  -status:solved", N_("Leave out what matches; works before any keyword") },
    { "status:open,pending", N_("Status: new, open, pending, on-hold, solved or closed") },
    { "channel:email", N_("Channel: email, chat, phone, social, marketplace, web or api") },
    { "priority:urgent", N_("Priority: low, normal, high or urgent") },
    { "assignee:me", N_("Assigned to you; assignee:none for unassigned, or part of a name") },
    { "from:emily", N_("The customer’s name or email address") },
    { "account:acme", N_("Part of the helpdesk account’s name") },
    { "is:unread", N_("Also is:read, is:open and is:closed") },
    { "after:2024-05-01", N_("Created on that day or later") },
    { "before:2024-05-31", N_("Created before that day") },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *syntax = gtk_label_new (rows[i].syntax);
      GtkWidget *meaning = gtk_label_new (_(rows[i].meaning));

      /* Query syntax reads left to right whatever the interface. */
      gtk_widget_set_direction (syntax, GTK_TEXT_DIR_LTR);
      gtk_label_set_xalign (GTK_LABEL (syntax), 0);
      gtk_widget_add_css_class (syntax, "monospace");
      gtk_label_set_xalign (GTK_LABEL (meaning), 0);
      gtk_label_set_wrap (GTK_LABEL (meaning), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (meaning), 40);
      gtk_widget_add_css_class (meaning, "dim-label");
      gtk_grid_attach (self->grid, syntax, 0, i, 1, 1);
      gtk_grid_attach (self->grid, meaning, 1, i, 1, 1);
    }
}

GtkWidget *
fl_search_help_new (void)
{
  return g_object_new (FL_TYPE_SEARCH_HELP, NULL);
}
