/* fl-sidebar-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-sidebar-row"

#include "config.h"

#include <glib/gi18n.h>

#include "fl-format.h"
#include "fl-sidebar-row.h"

/**
 * FlSidebarRow:
 *
 * One view in the sidebar: an icon, its name and its live count.
 */
struct _FlSidebarRow
{
  GtkListBoxRow  parent_instance;

  FlQuery       *query;
  char          *nick;
  char          *title;
  char          *section;
  guint          count;
  gboolean       has_count;

  GtkImage      *image;
  GtkLabel      *label;
  GtkLabel      *count_label;
};

G_DEFINE_FINAL_TYPE (FlSidebarRow, fl_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

static void
fl_sidebar_row_finalize (GObject *object)
{
  FlSidebarRow *self = (FlSidebarRow *)object;

  g_clear_pointer (&self->query, fl_query_unref);
  g_clear_pointer (&self->nick, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->section, g_free);

  G_OBJECT_CLASS (fl_sidebar_row_parent_class)->finalize (object);
}

static void
fl_sidebar_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FL_TYPE_SIDEBAR_ROW);

  G_OBJECT_CLASS (fl_sidebar_row_parent_class)->dispose (object);
}

static void
fl_sidebar_row_class_init (FlSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_sidebar_row_dispose;
  object_class->finalize = fl_sidebar_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FlSidebarRow, image);
  gtk_widget_class_bind_template_child (widget_class, FlSidebarRow, label);
  gtk_widget_class_bind_template_child (widget_class, FlSidebarRow, count_label);
}

static void
fl_sidebar_row_init (FlSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fl_sidebar_row_new:
 * @query: the view's query
 * @nick: a stable name for the view, kept in settings
 * @title: the translated name
 * @section: (nullable): the translated heading of the group it is in
 */
FlSidebarRow *
fl_sidebar_row_new (FlQuery    *query,
                    const char *nick,
                    const char *title,
                    const char *icon_name,
                    const char *section)
{
  FlSidebarRow *self = g_object_new (FL_TYPE_SIDEBAR_ROW, NULL);

  self->query = fl_query_ref (query);
  self->nick = g_strdup (nick);
  self->title = g_strdup (title);
  self->section = g_strdup (section);
  gtk_label_set_label (self->label, title);
  gtk_image_set_from_icon_name (self->image, icon_name);
  return self;
}

FlQuery *
fl_sidebar_row_get_query (FlSidebarRow *self)
{
  g_return_val_if_fail (FL_IS_SIDEBAR_ROW (self), NULL);

  return self->query;
}

const char *
fl_sidebar_row_get_nick (FlSidebarRow *self)
{
  g_return_val_if_fail (FL_IS_SIDEBAR_ROW (self), NULL);

  return self->nick;
}

const char *
fl_sidebar_row_get_title (FlSidebarRow *self)
{
  g_return_val_if_fail (FL_IS_SIDEBAR_ROW (self), NULL);

  return self->title;
}

const char *
fl_sidebar_row_get_section (FlSidebarRow *self)
{
  g_return_val_if_fail (FL_IS_SIDEBAR_ROW (self), NULL);

  return self->section;
}

void
fl_sidebar_row_set_count (FlSidebarRow *self,
                          guint         count)
{
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (FL_IS_SIDEBAR_ROW (self));

  if (self->has_count && self->count == count)
    return;

  self->count = count;
  self->has_count = TRUE;
  text = fl_format_count (count);
  gtk_label_set_label (self->count_label, text);

  /* Translators: how a screen reader announces a view, e.g. "Inbox, 12 tickets" */
  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s ticket", "%s, %s tickets", count),
                                self->title, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

guint
fl_sidebar_row_get_count (FlSidebarRow *self)
{
  g_return_val_if_fail (FL_IS_SIDEBAR_ROW (self), 0);

  return self->count;
}
