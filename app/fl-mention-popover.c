/* fl-mention-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-mention-popover"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fl-mention-popover.h"
#include "fl-text.h"

/**
 * FlMentionPopover:
 *
 * Completes "@" in an internal note with the account's agents. Typing
 * "@" and part of a name (any part: first name, last name or user name,
 * with Turkish and Persian letters folded) lists the matching teammates
 * under the cursor; Up and Down move, Enter or Tab insert "@username" as a
 * mention chip, Escape closes it. The keyboard stays in the editor all
 * along.
 */
struct _FlMentionPopover
{
  GtkPopover   parent_instance;

  GtkTextView *view;
  FlStore     *store;
  gint64       account_id;
  GPtrArray   *agents;      /* FlAgent, loaded on first use */
  GPtrArray   *matches;     /* FlAgent, borrowed from agents */
  gboolean     enabled;
  gboolean     inserting;
  /* The "@query" being completed, as offsets in the buffer. */
  int          start;
  int          end;

  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (FlMentionPopover, fl_mention_popover, GTK_TYPE_POPOVER)

#define MAX_MATCHES 8

static GtkTextTag *
mention_tag (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, "mention");

  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, "mention",
                                      "weight", PANGO_WEIGHT_BOLD,
                                      "foreground", "#1c71d8",
                                      NULL);
  return tag;
}

static gboolean
is_mention_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_' || c == '.' || c == '-' ||
         c == 0x200C;
}

/* The "@query" right before the cursor, if the cursor is in one. */
static gboolean
find_query (FlMentionPopover *self,
            char            **query)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter cursor, iter;
  gunichar c = 0;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  iter = cursor;

  while (gtk_text_iter_backward_char (&iter))
    {
      c = gtk_text_iter_get_char (&iter);
      if (c == '@' || !is_mention_char (c) || gtk_text_iter_get_offset (&cursor) - gtk_text_iter_get_offset (&iter) > 40)
        break;
    }

  if (c != '@')
    return FALSE;

  /* "@" must start a word: "bob@example.com" is an address. */
  {
    GtkTextIter before = iter;

    if (gtk_text_iter_backward_char (&before) && is_mention_char (gtk_text_iter_get_char (&before)))
      return FALSE;
  }

  self->start = gtk_text_iter_get_offset (&iter);
  self->end = gtk_text_iter_get_offset (&cursor);
  gtk_text_iter_forward_char (&iter);
  *query = gtk_text_iter_get_text (&iter, &cursor);
  return TRUE;
}

static gboolean
matches (FlAgent    *agent,
         const char *folded_query)
{
  g_autofree char *name = fl_text_fold (fl_agent_get_name (agent) ?: "", -1);
  g_autofree char *username = fl_text_fold (fl_agent_get_username (agent) ?: "", -1);

  return *folded_query == '\0' || strstr (name, folded_query) || strstr (username, folded_query);
}

static GtkWidget *
create_row (FlAgent *agent)
{
  const char *name = fl_agent_get_name (agent) ?: fl_agent_get_username (agent);
  g_autofree char *handle = g_strdup_printf ("@%s", fl_agent_get_username (agent));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *avatar = adw_avatar_new (24, name, TRUE);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *user = gtk_label_new (handle);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (user, "dim-label");
  gtk_widget_add_css_class (user, "caption");
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), user);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return row;
}

static void
update (FlMentionPopover *self)
{
  g_autofree char *query = NULL;
  g_autofree char *folded = NULL;
  GtkWidget *child;

  if (self->inserting)
    return;

  if (!self->enabled || self->store == NULL || !find_query (self, &query))
    {
      gtk_popover_popdown (GTK_POPOVER (self));
      return;
    }

  if (self->agents == NULL)
    {
      self->agents = fl_store_list_agents (self->store, self->account_id, NULL);
      if (self->agents == NULL)
        self->agents = g_ptr_array_new_with_free_func (g_object_unref);
    }

  folded = fl_text_fold (query, -1);
  g_ptr_array_set_size (self->matches, 0);
  for (guint i = 0; i < self->agents->len && self->matches->len < MAX_MATCHES; i++)
    if (fl_agent_get_username (self->agents->pdata[i]) != NULL && matches (self->agents->pdata[i], folded))
      g_ptr_array_add (self->matches, self->agents->pdata[i]);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  if (self->matches->len == 0)
    {
      gtk_popover_popdown (GTK_POPOVER (self));
      return;
    }

  for (guint i = 0; i < self->matches->len; i++)
    gtk_list_box_append (self->list, create_row (self->matches->pdata[i]));
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));

  /* Under the "@", wherever the editor scrolled. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
    GtkTextIter at;
    GdkRectangle rect;
    int x, y;

    gtk_text_buffer_get_iter_at_offset (buffer, &at, self->start);
    gtk_text_view_get_iter_location (self->view, &at, &rect);
    gtk_text_view_buffer_to_window_coords (self->view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &x, &y);
    rect.x = x;
    rect.y = y;
    gtk_popover_set_pointing_to (GTK_POPOVER (self), &rect);
  }
  gtk_popover_popup (GTK_POPOVER (self));
}

static void
insert_mention (FlMentionPopover *self,
                FlAgent          *agent)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  g_autofree char *text = g_strdup_printf ("@%s", fl_agent_get_username (agent));
  GtkTextIter start, end;
  int offset;

  self->inserting = TRUE;
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, self->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, self->end);
  gtk_text_buffer_delete (buffer, &start, &end);
  offset = gtk_text_iter_get_offset (&start);
  gtk_text_buffer_insert_with_tags (buffer, &start, text, -1, mention_tag (buffer), NULL);
  gtk_text_buffer_insert (buffer, &start, " ", 1);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_end_user_action (buffer);
  self->inserting = FALSE;

  g_debug ("Mentioned %s at %d", fl_agent_get_username (agent), offset);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_row_activated_cb (FlMentionPopover *self,
                     GtkListBoxRow    *row,
                     GtkListBox       *list)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->matches->len)
    insert_mention (self, self->matches->pdata[index]);
}

/**
 * fl_mention_popover_handle_key:
 *
 * The editor's keys while the list is open: Up, Down, Enter, Tab and
 * Escape act on the list; the rest go on being typed.
 *
 * Returns: whether the key was used
 */
gboolean
fl_mention_popover_handle_key (FlMentionPopover *self,
                               guint             keyval,
                               GdkModifierType   state)
{
  GtkListBoxRow *row;
  int index;

  g_return_val_if_fail (FL_IS_MENTION_POPOVER (self), FALSE);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)) || self->matches->len == 0 ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  row = gtk_list_box_get_selected_row (self->list);
  index = row ? gtk_list_box_row_get_index (row) : 0;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      index = (index + 1) % (int) self->matches->len;
      break;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      index = (index + (int) self->matches->len - 1) % (int) self->matches->len;
      break;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_Tab:
      insert_mention (self, self->matches->pdata[index]);
      return TRUE;

    case GDK_KEY_Escape:
      gtk_popover_popdown (GTK_POPOVER (self));
      return TRUE;

    default:
      return FALSE;
    }

  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, index));
  return TRUE;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   FlMentionPopover      *self)
{
  return fl_mention_popover_handle_key (self, keyval, state);
}

static void
on_buffer_changed_cb (FlMentionPopover *self)
{
  update (self);
}

static void
on_mark_set_cb (FlMentionPopover *self,
                GtkTextIter      *location,
                GtkTextMark      *mark,
                GtkTextBuffer    *buffer)
{
  /* The cursor moved away by a click or an arrow key. */
  if (mark == gtk_text_buffer_get_insert (buffer) && gtk_widget_get_visible (GTK_WIDGET (self)))
    update (self);
}

/**
 * fl_mention_popover_new:
 * @view: the editor to complete in; the popover lives as its child
 *
 * Returns: (transfer none): the popover, owned by @view
 */
FlMentionPopover *
fl_mention_popover_new (GtkTextView *view)
{
  FlMentionPopover *self;
  GtkEventController *keys;
  GtkTextBuffer *buffer;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_object_new (FL_TYPE_MENTION_POPOVER, NULL);
  self->view = view;
  gtk_widget_set_parent (GTK_WIDGET (self), GTK_WIDGET (view));

  /* Before the editor: Enter picks a teammate instead of breaking the line. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);

  buffer = gtk_text_view_get_buffer (view);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (on_mark_set_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * fl_mention_popover_set_source:
 * @store: (nullable): where the agents are
 * @account_id: whose agents can be mentioned
 */
void
fl_mention_popover_set_source (FlMentionPopover *self,
                               FlStore          *store,
                               gint64            account_id)
{
  g_return_if_fail (FL_IS_MENTION_POPOVER (self));

  if (store == self->store && account_id == self->account_id)
    return;

  g_set_object (&self->store, store);
  self->account_id = account_id;
  g_ptr_array_set_size (self->matches, 0);
  g_clear_pointer (&self->agents, g_ptr_array_unref);
  gtk_popover_popdown (GTK_POPOVER (self));
}

/**
 * fl_mention_popover_set_enabled:
 *
 * Mentions belong in internal notes; replies to customers get none.
 */
void
fl_mention_popover_set_enabled (FlMentionPopover *self,
                                gboolean          enabled)
{
  g_return_if_fail (FL_IS_MENTION_POPOVER (self));

  self->enabled = enabled;
  if (!enabled)
    gtk_popover_popdown (GTK_POPOVER (self));
}

/**
 * fl_mention_popover_get_n_matches:
 *
 * Returns: how many teammates the list shows
 */
guint
fl_mention_popover_get_n_matches (FlMentionPopover *self)
{
  g_return_val_if_fail (FL_IS_MENTION_POPOVER (self), 0);

  return gtk_widget_get_visible (GTK_WIDGET (self)) ? self->matches->len : 0;
}

static void
fl_mention_popover_dispose (GObject *object)
{
  FlMentionPopover *self = (FlMentionPopover *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_MENTION_POPOVER);

  G_OBJECT_CLASS (fl_mention_popover_parent_class)->dispose (object);
}

static void
fl_mention_popover_finalize (GObject *object)
{
  FlMentionPopover *self = (FlMentionPopover *)object;

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->agents, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fl_mention_popover_parent_class)->finalize (object);
}

static void
fl_mention_popover_class_init (FlMentionPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_mention_popover_dispose;
  object_class->finalize = fl_mention_popover_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/frontline/Frontline/ui/fl-mention-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, FlMentionPopover, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
fl_mention_popover_init (FlMentionPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->matches = g_ptr_array_new ();
}
