/* fl-message-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-message-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fl-attachment-chip.h"
#include "fl-format.h"
#include "fl-message-row.h"

/**
 * FlMessageRow:
 *
 * One entry of the conversation: a reply or an internal note as a card,
 * or a system event as a single line. Bodies are plain text in a label
 * that never parses markup, and Pango gives each paragraph its own
 * direction, so a Persian paragraph reads right to left in any UI.
 */
struct _FlMessageRow
{
  GtkWidget   parent_instance;

  GtkStack   *stack;
  GtkLabel   *event_label;
  GtkWidget  *card;
  AdwAvatar  *avatar;
  GtkLabel   *author_label;
  GtkWidget  *note_box;
  GtkLabel   *time_label;
  GtkLabel   *body_label;
  GtkFlowBox *attachments_box;
};

G_DEFINE_FINAL_TYPE (FlMessageRow, fl_message_row, GTK_TYPE_WIDGET)

static const char *
status_label (const char *nick)
{
  FlStatus status;

  return fl_status_from_string (nick, &status) ? fl_status_get_label (status) : nick;
}

static const char *
priority_label (const char *nick)
{
  FlPriority priority;

  return fl_priority_from_string (nick, &priority) ? fl_priority_get_label (priority) : nick;
}

/**
 * fl_message_describe_event:
 *
 * Returns: (transfer full): a translated one-line description of a system
 *   event, from its field and values
 */
char *
fl_message_describe_event (FlMessage *message)
{
  const char *field = fl_message_get_event_field (message);
  const char *old_value = fl_message_get_event_old (message);
  const char *new_value = fl_message_get_event_new (message);

  if (g_strcmp0 (field, "status") == 0 && old_value && new_value)
    /* Translators: a system event in the conversation */
    return g_strdup_printf (_("Status changed from %s to %s"),
                            status_label (old_value), status_label (new_value));

  if (g_strcmp0 (field, "priority") == 0 && old_value && new_value)
    return g_strdup_printf (_("Priority changed from %s to %s"),
                            priority_label (old_value), priority_label (new_value));

  if (g_strcmp0 (field, "assign") == 0)
    {
      if (new_value == NULL || *new_value == '\0')
        return g_strdup (_("Unassigned"));
      /* Translators: a system event; %s is an agent's name */
      return g_strdup_printf (_("Assigned to %s"), new_value);
    }

  if (g_strcmp0 (field, "merge") == 0 && new_value)
    /* Translators: a system event; %s is a ticket number */
    return g_strdup_printf (_("Merged into ticket #%s"), new_value);

  return g_strdup (fl_message_get_text (message));
}

/**
 * fl_message_row_set_message:
 * @message: (nullable): the message to show
 */
void
fl_message_row_set_message (FlMessageRow *self,
                            FlMessage    *message)
{
  g_autofree char *when = NULL;
  g_autofree char *full_when = NULL;
  GListModel *attachments;
  GtkWidget *child;
  FlMessageKind kind;
  gboolean outbound;
  guint n_attachments;

  g_return_if_fail (FL_IS_MESSAGE_ROW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attachments_box))))
    gtk_flow_box_remove (self->attachments_box, child);

  if (message == NULL)
    return;

  kind = fl_message_get_kind (message);
  when = fl_format_age (fl_message_get_created (message), g_get_real_time () / G_USEC_PER_SEC);
  full_when = fl_format_datetime (fl_message_get_created (message));

  if (kind == FL_MESSAGE_EVENT)
    {
      g_autofree char *text = fl_message_describe_event (message);
      g_autofree char *line = NULL;

      /* Translators: a system event and when it happened, e.g.
       * "Assigned to Daniel Brooks · 3 h" */
      line = g_strdup_printf (_("%s · %s"), text, when);
      gtk_label_set_label (self->event_label, line);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->event_label), full_when);
      gtk_stack_set_visible_child_name (self->stack, "event");
      return;
    }

  outbound = fl_message_get_direction (message) == FL_DIRECTION_OUTBOUND;
  gtk_stack_set_visible_child_name (self->stack, "message");

  gtk_widget_set_visible (self->note_box, kind == FL_MESSAGE_NOTE);
  if (kind == FL_MESSAGE_NOTE)
    gtk_widget_add_css_class (self->card, "internal-note");
  else
    gtk_widget_remove_css_class (self->card, "internal-note");

  if (outbound && kind == FL_MESSAGE_REPLY)
    gtk_widget_add_css_class (self->card, "outbound");
  else
    gtk_widget_remove_css_class (self->card, "outbound");

  /* Customers on the start side, agents on the end side, notes across. */
  gtk_widget_set_margin_start (self->card, outbound && kind == FL_MESSAGE_REPLY ? 48 : 0);
  gtk_widget_set_margin_end (self->card, !outbound ? 48 : 0);

  adw_avatar_set_text (self->avatar, fl_message_get_author (message));
  gtk_label_set_label (self->author_label,
                       fl_message_get_author (message) ?: fl_message_get_author_email (message));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->author_label), fl_message_get_author_email (message));
  gtk_label_set_label (self->time_label, when);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), full_when);
  gtk_label_set_text (self->body_label, fl_message_get_text (message));

  attachments = fl_message_get_attachments (message);
  n_attachments = g_list_model_get_n_items (attachments);
  for (guint i = 0; i < n_attachments; i++)
    {
      g_autoptr(FlAttachment) attachment = g_list_model_get_item (attachments, i);
      gtk_flow_box_append (self->attachments_box, fl_attachment_chip_new (attachment));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->attachments_box), n_attachments > 0);
}

static void
fl_message_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FL_TYPE_MESSAGE_ROW);

  /* The template's top widget has no name, so unparent it here. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (fl_message_row_parent_class)->dispose (object);
}

static void
fl_message_row_class_init (FlMessageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_message_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "flmessagerow");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-message-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FlMessageRow, stack);
  gtk_widget_class_bind_template_child (widget_class, FlMessageRow, event_label);
  gtk_widget_class_bind_template_child (widget_class, FlMessageRow, card);
  gtk_widget_class_bind_template_child (widget_class, FlMessageRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, FlMessageRow, author_label);
  gtk_widget_class_bind_template_child (widget_class, FlMessageRow, note_box);
  gtk_widget_class_bind_template_child (widget_class, FlMessageRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, FlMessageRow, body_label);
  gtk_widget_class_bind_template_child (widget_class, FlMessageRow, attachments_box);
}

static void
fl_message_row_init (FlMessageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_margin_start (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
}

GtkWidget *
fl_message_row_new (void)
{
  return g_object_new (FL_TYPE_MESSAGE_ROW, NULL);
}
