/* fl-message-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-message-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "fl-attachment-chip.h"
#include "fl-format.h"
#include "fl-html.h"
#include "fl-message-row.h"
#include "fl-text.h"

#define PARSED_KEY "fl-message-row-parsed"

/**
 * FlMessageRow:
 *
 * One entry of the conversation: a reply or an internal note as a card,
 * or a system event as a single line. Plain-text bodies are in a label
 * that never parses markup; HTML bodies are read by fl_html_parse() and
 * shown as markup that fl_html_text_to_markup() escapes, with only http,
 * https and mailto links. Pango gives each paragraph its own direction,
 * so a Persian paragraph reads right to left in any UI. Quoted history
 * folds behind a toggle, and inline images join the attachments.
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
  GtkLabel        *body_label;
  GtkToggleButton *quote_button;
  GtkLabel        *quote_label;
  GtkFlowBox      *attachments_box;
  char       *highlight;
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

static void
add_chip (FlMessageRow *self,
          const char   *mime,
          const char   *label,
          const char   *caption)
{
  g_autoptr(GIcon) icon = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (label);
  GtkWidget *size_label = gtk_label_new (caption);
  GtkWidget *image;

  icon = g_content_type_get_symbolic_icon (mime ? mime : "application/octet-stream");
  image = g_object_new (GTK_TYPE_IMAGE,
                        "gicon", icon,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                        NULL);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 28);
  gtk_widget_add_css_class (size_label, "dim-label");
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), size_label);
  gtk_widget_add_css_class (box, "attachment-chip");
  gtk_flow_box_append (self->attachments_box, box);
}

/* The name an inline image goes by: "image001.png@01DA…" is image001.png. */
static char *
inline_image_name (FlHtmlImage *image)
{
  const char *at = strchr (image->name, '@');

  if (image->alt != NULL)
    return g_strdup (image->alt);
  return at ? g_strndup (image->name, at - image->name) : g_strdup (image->name);
}

static gboolean
has_attachment_named (GListModel *attachments,
                      const char *name)
{
  guint n = g_list_model_get_n_items (attachments);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FlAttachment) attachment = g_list_model_get_item (attachments, i);

      if (g_ascii_strcasecmp (fl_attachment_get_name (attachment) ?: "", name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* An inline image the message also carries as a file shows once. */
static guint
add_inline_image_chips (FlMessageRow *self,
                        FlHtmlText   *parsed,
                        GListModel   *attachments)
{
  guint n = 0;

  for (guint i = 0; i < parsed->images->len; i++)
    {
      FlHtmlImage *image = parsed->images->pdata[i];
      g_autofree char *name = inline_image_name (image);
      g_autofree char *caption = NULL;
      g_autofree char *bare = g_strdup (image->name);

      if (strchr (bare, '@'))
        *strchr (bare, '@') = '\0';
      if (has_attachment_named (attachments, name) || has_attachment_named (attachments, bare))
        continue;

      if (image->size > 0)
        caption = fl_format_size (image->size);
      else
        /* Translators: in place of the size of an image that is part of
         * an email's text */
        caption = g_strdup (_("Inline image"));
      add_chip (self, image->mime_type, name, caption);
      n++;
    }

  return n;
}

static void
free_parsed (gpointer data)
{
  fl_html_text_free (data);
}

/* Reads a body once per message: rows are rebound as the list scrolls.
 * Messages from the store do not change, so the result is kept on them. */
static FlHtmlText *
get_parsed (FlMessage *message)
{
  FlHtmlText *parsed = g_object_get_data (G_OBJECT (message), PARSED_KEY);
  const char *html = fl_message_get_html (message);

  if (parsed != NULL)
    return parsed;

  if (html != NULL && *html != '\0')
    parsed = fl_html_parse (html, -1);
  /* A broken HTML part with a text part next to it: show the text. */
  if (parsed == NULL || (*parsed->text == '\0' && fl_message_get_text (message) &&
                         *fl_message_get_text (message) != '\0'))
    {
      g_clear_pointer (&parsed, fl_html_text_free);
      parsed = fl_html_text_new_plain (fl_message_get_text (message));
      g_object_set_data (G_OBJECT (message), PARSED_KEY "-plain", GINT_TO_POINTER (TRUE));
    }
  g_object_set_data_full (G_OBJECT (message), PARSED_KEY, parsed, free_parsed);

  return parsed;
}

static gboolean
activate_link_cb (GtkLabel   *label,
                  const char *uri,
                  gpointer    user_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (label));

  /* Markup only ever holds these, but the label decides nothing itself. */
  if (fl_html_is_safe_uri (uri))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);

  return TRUE;
}

static void
quote_toggled_cb (FlMessageRow *self)
{
  gboolean shown = gtk_toggle_button_get_active (self->quote_button);

  gtk_widget_set_visible (GTK_WIDGET (self->quote_label), shown);
  gtk_button_set_label (GTK_BUTTON (self->quote_button),
                        shown ? _("Hide quoted text") : _("Show quoted text"));
}

/* Sets a label to a range of the body: escaped markup for HTML, plain
 * text otherwise. */
static void
set_body_label (GtkLabel   *label,
                FlHtmlText *parsed,
                gboolean    html,
                gsize       start,
                gsize       end)
{
  if (html)
    {
      g_autofree char *markup = fl_html_text_to_markup (parsed, start, end);

      gtk_label_set_markup (label, markup);
    }
  else
    {
      g_autofree char *text = fl_html_text_slice (parsed, start, end);

      gtk_label_set_use_markup (label, FALSE);
      gtk_label_set_text (label, text);
    }
}

/* Marks where a note mentions the agent reading it. */
static void
highlight_label (GtkLabel   *label,
                 const char *handle)
{
  g_autofree char *markup = gtk_label_get_use_markup (label)
    ? g_strdup (gtk_label_get_label (label))
    : g_markup_escape_text (gtk_label_get_text (label), -1);
  g_autofree char *marked = fl_text_highlight_mention (markup, handle);

  if (g_strcmp0 (marked, markup) != 0)
    {
      gtk_label_set_markup (label, marked);
      gtk_widget_add_css_class (GTK_WIDGET (label), "mentions-me");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "mentions-me");
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
  FlHtmlText *parsed;
  gboolean outbound;
  gboolean html;
  guint n_attachments;

  g_return_if_fail (FL_IS_MESSAGE_ROW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attachments_box))))
    gtk_flow_box_remove (self->attachments_box, child);

  /* A recycled row starts folded again. */
  gtk_toggle_button_set_active (self->quote_button, FALSE);
  quote_toggled_cb (self);

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

  parsed = get_parsed (message);
  html = g_object_get_data (G_OBJECT (message), PARSED_KEY "-plain") == NULL;
  if (parsed->quote_start >= 0)
    {
      set_body_label (self->body_label, parsed, html, 0, parsed->quote_start);
      set_body_label (self->quote_label, parsed, html, parsed->quote_start, G_MAXSIZE);
    }
  else if (html)
    {
      set_body_label (self->body_label, parsed, html, 0, G_MAXSIZE);
      gtk_label_set_text (self->quote_label, "");
    }
  else
    {
      /* Plain text as it came, to the last space. */
      gtk_label_set_use_markup (self->body_label, FALSE);
      gtk_label_set_text (self->body_label, fl_message_get_text (message));
      gtk_label_set_text (self->quote_label, "");
    }
  if (kind == FL_MESSAGE_NOTE && self->highlight != NULL)
    {
      highlight_label (self->body_label, self->highlight);
      highlight_label (self->quote_label, self->highlight);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->quote_button), parsed->quote_start >= 0);

  attachments = fl_message_get_attachments (message);
  n_attachments = g_list_model_get_n_items (attachments);
  for (guint i = 0; i < n_attachments; i++)
    {
      g_autoptr(FlAttachment) attachment = g_list_model_get_item (attachments, i);
      gtk_flow_box_append (self->attachments_box, fl_attachment_chip_new (attachment));
    }
  n_attachments += add_inline_image_chips (self, parsed, attachments);
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

  g_clear_pointer (&FL_MESSAGE_ROW (object)->highlight, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, FlMessageRow, quote_button);
  gtk_widget_class_bind_template_child (widget_class, FlMessageRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, FlMessageRow, attachments_box);
  gtk_widget_class_bind_template_callback (widget_class, activate_link_cb);
  gtk_widget_class_bind_template_callback (widget_class, quote_toggled_cb);
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

/**
 * fl_message_row_set_highlight:
 * @handle: (nullable): "@username" of the agent reading, highlighted in
 *   the notes that mention them
 */
void
fl_message_row_set_highlight (FlMessageRow *self,
                              const char   *handle)
{
  g_return_if_fail (FL_IS_MESSAGE_ROW (self));

  g_free (self->highlight);
  self->highlight = g_strdup (handle);
}
