/* fl-template-assist.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-template-assist"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fl-inbox-keys.h"
#include "fl-message.h"
#include "fl-outbox.h"
#include "fl-template-assist.h"
#include "fl-template-editor.h"
#include "fl-template-engine.h"
#include "fl-template-suggest.h"
#include "fl-text.h"

#define GAP_TAG "template-gap"

/**
 * FlTemplateAssist:
 *
 * Canned responses in a composer's text view: `::` or Ctrl+Shift+T opens
 * the search popover, a chosen response is filled in for the open ticket
 * and inserted at the cursor, placeholders left unfilled are marked, the
 * responses that best answer the customer's last message are offered as
 * chips, and a macro's changes wait in a bar until the reply is sent.
 *
 * It keeps the composer itself small: the composer asks it to confirm
 * before sending and to queue the macro's changes with the reply.
 */
struct _FlTemplateAssist
{
  GObject            parent_instance;

  GtkTextView       *text_view;
  FlContext         *context;
  FlTicket          *ticket;
  FlCustomer        *customer;
  FlAccount         *account;
  FlAgent           *me;
  GPtrArray         *agents;
  GPtrArray         *library;
  GPtrArray         *resolved;
  GCancellable      *cancellable;

  FlTemplatePopover *popover;
  FlTemplateChips   *chips;
  GtkWidget         *macro_bar;
  GtkLabel          *macro_label;

  FlTemplateActions *macro;
  char              *macro_name;
  /* Macros sent lately, so Undo on their reply takes them back too. */
  GPtrArray         *batches;
  GtkTextMark       *trigger;
  guint              gap_source;
  guint              open_source;
  guint              inserting : 1;
};

G_DEFINE_FINAL_TYPE (FlTemplateAssist, fl_template_assist, G_TYPE_OBJECT)

/* The undo window is seconds long: a few batches are plenty. */
#define MAX_BATCHES 4

typedef struct
{
  FlOutboxItem      *reply;
  GPtrArray         *items;
  FlTemplateActions *actions;
  char              *name;
} Batch;

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_clear_object (&batch->reply);
  g_ptr_array_unref (batch->items);
  fl_template_actions_free (batch->actions);
  g_free (batch->name);
  g_free (batch);
}

static GtkTextBuffer *
get_buffer (FlTemplateAssist *self)
{
  return gtk_text_view_get_buffer (self->text_view);
}

/* Marks every {{placeholder}} left in the text, typed or inserted. */
static void
mark_gaps (FlTemplateAssist *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) gaps = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, GAP_TAG, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gaps = fl_template_find_gaps (text);

  for (guint i = 0; i < gaps->len; i++)
    {
      FlTemplateGap *gap = gaps->pdata[i];
      GtkTextIter a, b;

      gtk_text_buffer_get_iter_at_offset (buffer, &a, g_utf8_pointer_to_offset (text, text + gap->start));
      gtk_text_buffer_get_iter_at_offset (buffer, &b, g_utf8_pointer_to_offset (text, text + gap->start + gap->length));
      gtk_text_buffer_apply_tag_by_name (buffer, GAP_TAG, &a, &b);
    }
}

static gboolean
mark_gaps_cb (gpointer user_data)
{
  FlTemplateAssist *self = user_data;

  self->gap_source = 0;
  mark_gaps (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed_cb (FlTemplateAssist *self)
{
  if (self->gap_source == 0)
    self->gap_source = g_idle_add (mark_gaps_cb, self);
}

static void
place_popover (FlTemplateAssist *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter iter;
  GdkRectangle rect;
  int x, y;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &x, &y);
  rect.x = x;
  rect.y = y;
  rect.width = MAX (rect.width, 1);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
}

static void load_library (FlTemplateAssist *self);
static GHashTable *make_values (FlTemplateAssist *self);

/**
 * fl_template_assist_open_editor:
 *
 * Opens the canned-response editor, previewing against the open ticket.
 *
 * Returns: (transfer none): the editor window
 */
GtkWindow *
fl_template_assist_open_editor (FlTemplateAssist *self)
{
  g_autoptr(GHashTable) values = NULL;
  FlTemplateEditor *editor;

  g_return_val_if_fail (FL_IS_TEMPLATE_ASSIST (self), NULL);
  g_return_val_if_fail (self->context != NULL, NULL);

  values = make_values (self);
  editor = fl_template_editor_new (self->context, values);
  gtk_window_set_transient_for (GTK_WINDOW (editor),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self->text_view))));
  g_signal_connect_object (editor, "saved", G_CALLBACK (load_library), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

static void
on_manage_cb (FlTemplateAssist *self)
{
  fl_template_assist_open_editor (self);
}

/**
 * fl_template_assist_open:
 *
 * Opens the search popover at the cursor.
 */
void
fl_template_assist_open (FlTemplateAssist *self)
{
  g_return_if_fail (FL_IS_TEMPLATE_ASSIST (self));

  if (self->resolved == NULL)
    return;

  /* The library may have changed in the editor since. */
  load_library (self);
  fl_template_popover_set_query (self->popover, "");
  place_popover (self);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static gboolean
open_cb (gpointer user_data)
{
  FlTemplateAssist *self = user_data;

  self->open_source = 0;
  fl_template_assist_open (self);
  return G_SOURCE_REMOVE;
}

/* Typing "::" opens the popover; the colons go when a response is
 * chosen and stay when the agent presses Esc. */
static void
on_insert_text_cb (GtkTextBuffer    *buffer,
                   GtkTextIter      *location,
                   const char       *text,
                   int               len,
                   FlTemplateAssist *self)
{
  GtkTextIter start = *location;

  if (self->inserting || len != 1 || text[0] != ':' || self->ticket == NULL)
    return;
  /* @location is after the colon just typed; the one before it must be
   * there too. At the start of the text, moving back two characters only
   * moves one, onto that same colon, and a single colon would open it. */
  if (gtk_text_iter_get_offset (location) < 2)
    return;
  gtk_text_iter_backward_chars (&start, 2);
  if (gtk_text_iter_get_char (&start) != ':')
    return;

  if (self->trigger == NULL)
    self->trigger = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, self->trigger, &start);

  if (self->open_source == 0)
    self->open_source = g_idle_add (open_cb, self);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   FlTemplateAssist      *self)
{
  /* Ctrl+Shift+T, by the key's place where the layout has no T (Persian
   * with no Latin group). */
  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == (GDK_CONTROL_MASK | GDK_SHIFT_MASK) &&
      fl_inbox_keys_latin_keyval (gtk_widget_get_display (GTK_WIDGET (self->text_view)),
                                  keyval, keycode, state) == GDK_KEY_t)
    {
      if (self->trigger != NULL)
        {
          gtk_text_buffer_delete_mark (get_buffer (self), self->trigger);
          self->trigger = NULL;
        }
      fl_template_assist_open (self);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
on_popover_closed_cb (FlTemplateAssist *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
on_chosen_cb (FlTemplateAssist *self,
              FlTemplate       *template)
{
  fl_template_assist_insert (self, template);
}

static const char *
agent_name (FlTemplateAssist *self,
            const char       *remote_id)
{
  if (g_strcmp0 (remote_id, "me") == 0)
    return self->me ? fl_agent_get_name (self->me) : NULL;

  for (guint i = 0; self->agents && i < self->agents->len; i++)
    if (g_strcmp0 (fl_agent_get_remote_id (self->agents->pdata[i]), remote_id) == 0)
      return fl_agent_get_name (self->agents->pdata[i]);
  return remote_id;
}

static const char *
assignee_name (FlTemplateAssist *self)
{
  gint64 id = self->ticket ? fl_ticket_get_assignee_id (self->ticket) : 0;

  for (guint i = 0; self->agents && i < self->agents->len; i++)
    if (fl_agent_get_id (self->agents->pdata[i]) == id)
      return fl_agent_get_name (self->agents->pdata[i]);
  return id != 0 && self->ticket ? fl_ticket_get_assignee (self->ticket) : NULL;
}

/* One line per change, "Status: Open → Solved"; the arrow turns with the
 * text in a right-to-left language. */
static char *
describe_macro (FlTemplateAssist  *self,
                FlTemplateActions *actions,
                gboolean           with_note)
{
  GString *out = g_string_new (NULL);
  const char *arrow = gtk_widget_get_direction (GTK_WIDGET (self->text_view)) == GTK_TEXT_DIR_RTL
                      ? "←" : "→";

  if (actions->status >= 0 && self->ticket != NULL)
    {
      /* Translators: a change a macro makes; the old and the new status,
       * with an arrow between them */
      g_string_append_printf (out, _("Status: %s %s %s"),
                              fl_status_get_label (fl_ticket_get_status (self->ticket)), arrow,
                              fl_status_get_label (actions->status));
      g_string_append_c (out, '\n');
    }
  if (actions->priority >= 0 && self->ticket != NULL)
    {
      /* Translators: a change a macro makes; the old and the new priority */
      g_string_append_printf (out, _("Priority: %s %s %s"),
                              fl_priority_get_label (fl_ticket_get_priority (self->ticket)), arrow,
                              fl_priority_get_label (actions->priority));
      g_string_append_c (out, '\n');
    }
  if (actions->assignee != NULL)
    {
      const char *old = assignee_name (self);
      const char *new = *actions->assignee ? agent_name (self, actions->assignee) : NULL;

      /* Translators: a change a macro makes; the old and the new assignee */
      g_string_append_printf (out, _("Assignee: %s %s %s"),
                              old ? old : _("Unassigned"), arrow,
                              new ? new : _("Unassigned"));
      g_string_append_c (out, '\n');
    }
  if (actions->note != NULL)
    {
      if (with_note)
        {
          g_autoptr(GHashTable) values = make_values (self);
          g_autoptr(FlTemplateResult) note = fl_template_expand (actions->note, values);
          g_autofree char *snippet = fl_text_snippet (note->text, 120);

          /* Translators: a change a macro makes; %s is the note's text */
          g_string_append_printf (out, _("Internal note: %s"), snippet);
        }
      else
        g_string_append (out, _("Adds an internal note"));
      g_string_append_c (out, '\n');
    }

  if (out->len > 0)
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
update_macro_bar (FlTemplateAssist *self)
{
  if (self->macro == NULL)
    {
      gtk_widget_set_visible (self->macro_bar, FALSE);
      return;
    }

  {
    g_autofree char *changes = describe_macro (self, self->macro, FALSE);
    g_auto(GStrv) lines = g_strsplit (changes, "\n", -1);
    g_autofree char *joined = g_strjoinv (" · ", lines);
    /* Translators: above the composer; a macro's name, then what it
     * changes on the ticket when the reply is sent */
    g_autofree char *text = g_strdup_printf (_("When sent, “%s” also changes: %s"), self->macro_name, joined);

    gtk_label_set_text (self->macro_label, text);
    gtk_widget_set_visible (self->macro_bar, TRUE);
  }
}

/**
 * fl_template_assist_clear_macro:
 *
 * Forgets the changes a macro would make, keeping its text.
 */
void
fl_template_assist_clear_macro (FlTemplateAssist *self)
{
  g_return_if_fail (FL_IS_TEMPLATE_ASSIST (self));

  g_clear_pointer (&self->macro, fl_template_actions_free);
  g_clear_pointer (&self->macro_name, g_free);
  update_macro_bar (self);
}

static GHashTable *
make_values (FlTemplateAssist *self)
{
  return fl_template_values_new (self->ticket, self->customer, self->me, self->account,
                                 g_get_real_time () / G_USEC_PER_SEC);
}

/**
 * fl_template_assist_insert:
 * @template: a canned response
 *
 * Fills @template in for the open ticket and inserts it in place of the
 * "::" that opened the popover, or of the selection, or at the cursor.
 * The cursor goes to `{{cursor}}`, or after the text. A macro's changes
 * wait in the bar above the composer until the reply is sent.
 */
void
fl_template_assist_insert (FlTemplateAssist *self,
                           FlTemplate       *template)
{
  GtkTextBuffer *buffer;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(FlTemplateResult) result = NULL;
  g_autoptr(FlTemplateActions) actions = NULL;
  GtkTextIter iter, end;
  GtkTextMark *start_mark;
  int start_offset;

  g_return_if_fail (FL_IS_TEMPLATE_ASSIST (self));
  g_return_if_fail (FL_IS_TEMPLATE (template));

  buffer = get_buffer (self);
  values = make_values (self);
  result = fl_template_expand (fl_template_get_body (template), values);

  gtk_text_buffer_begin_user_action (buffer);
  self->inserting = TRUE;

  if (self->trigger != NULL)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, self->trigger);
      end = iter;
      gtk_text_iter_forward_chars (&end, 2);
      {
        g_autofree char *colons = gtk_text_iter_get_text (&iter, &end);

        if (g_strcmp0 (colons, "::") == 0)
          gtk_text_buffer_delete (buffer, &iter, &end);
      }
      gtk_text_buffer_delete_mark (buffer, self->trigger);
      self->trigger = NULL;
    }
  else
    {
      gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
    }

  start_offset = gtk_text_iter_get_offset (&iter);
  start_mark = gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE);
  gtk_text_buffer_insert (buffer, &iter, result->text, -1);

  if (result->cursor >= 0)
    gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                        start_offset + g_utf8_pointer_to_offset (result->text,
                                                                                 result->text + result->cursor));
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_delete_mark (buffer, start_mark);

  self->inserting = FALSE;
  gtk_text_buffer_end_user_action (buffer);

  g_clear_handle_id (&self->gap_source, g_source_remove);
  mark_gaps (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  gtk_text_view_scroll_mark_onscreen (self->text_view, gtk_text_buffer_get_insert (buffer));

  actions = fl_template_actions_parse (fl_template_get_actions (template));
  if (actions != NULL)
    {
      g_clear_pointer (&self->macro, fl_template_actions_free);
      self->macro = g_steal_pointer (&actions);
      g_free (self->macro_name);
      self->macro_name = g_strdup (fl_template_get_name (template));
      update_macro_bar (self);
    }
}

typedef struct
{
  FlTemplateConfirmed confirmed;
  gpointer            user_data;
  GDestroyNotify      destroy;
} Confirm;

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Confirm          *confirm)
{
  /* Closing the dialog after a response reports the close response too. */
  g_signal_handlers_disconnect_by_data (dialog, confirm);
  if (g_strcmp0 (response, "send") == 0)
    confirm->confirmed (confirm->user_data);
  if (confirm->destroy != NULL)
    confirm->destroy (confirm->user_data);
  g_free (confirm);
}

/**
 * fl_template_assist_confirm_send:
 * @text: the text about to be sent
 * @note: whether it is an internal note
 * @confirmed: called when the agent chooses to send
 * @user_data: for @confirmed
 * @destroy: (nullable): frees @user_data
 *
 * Before a reply goes out, asks when it still has unfilled placeholders
 * (the customer would see them as they are) or when a macro would change
 * the ticket with it, and lists what would change.
 *
 * Returns: %TRUE when the agent is being asked, %FALSE when there is
 *   nothing to ask and the caller sends at once (@confirmed is not called
 *   and @user_data is not freed)
 */
gboolean
fl_template_assist_confirm_send (FlTemplateAssist    *self,
                                 const char          *text,
                                 gboolean             note,
                                 FlTemplateConfirmed  confirmed,
                                 gpointer             user_data,
                                 GDestroyNotify       destroy)
{
  g_autoptr(GPtrArray) gaps = note ? g_ptr_array_new () : fl_template_find_gaps (text);
  g_autoptr(GString) body = g_string_new (NULL);
  const char *heading;
  GtkWidget *dialog;
  Confirm *confirm;

  g_return_val_if_fail (FL_IS_TEMPLATE_ASSIST (self), FALSE);

  if (gaps->len == 0 && self->macro == NULL)
    return FALSE;

  if (gaps->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < gaps->len; i++)
        {
          FlTemplateGap *gap = gaps->pdata[i];

          if (names->len > 0)
            g_string_append (names, ", ");
          /* Isolated, so the braces stay in place in a right-to-left sentence. */
          g_string_append_printf (names, "\u2068{{%s}}\u2069", gap->name);
        }
      heading = _("Send With Unfilled Placeholders?");
      g_string_append_printf (body,
                              /* Translators: %s is a list of placeholders such as {{customer.first_name}} */
                              ngettext ("This placeholder could not be filled, and the customer would see it as it is: %s",
                                        "These placeholders could not be filled, and the customer would see them as they are: %s",
                                        gaps->len),
                              names->str);
    }
  else
    heading = _("Apply Macro and Send?");

  if (self->macro != NULL)
    {
      g_autofree char *changes = describe_macro (self, self->macro, TRUE);

      if (body->len > 0)
        g_string_append (body, "\n\n");
      /* Translators: followed by a list of changes, one a line */
      g_string_append_printf (body, _("Sending also applies “%s”:"), self->macro_name);
      g_string_append_c (body, '\n');
      g_string_append (body, changes);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self->text_view))),
                                   heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "send", gaps->len > 0 ? _("Send _Anyway") : _("_Send"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "send",
                                              gaps->len > 0 ? ADW_RESPONSE_DESTRUCTIVE
                                                            : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), gaps->len > 0 ? "cancel" : "send");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  confirm = g_new0 (Confirm, 1);
  confirm->confirmed = confirmed;
  confirm->user_data = user_data;
  confirm->destroy = destroy;
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response_cb), confirm);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/**
 * fl_template_assist_take_macro:
 *
 * Returns: (transfer full) (nullable): the changes of the macro inserted
 *   last, which are forgotten here
 */
FlTemplateActions *
fl_template_assist_take_macro (FlTemplateAssist *self)
{
  FlTemplateActions *macro;

  g_return_val_if_fail (FL_IS_TEMPLATE_ASSIST (self), NULL);

  macro = g_steal_pointer (&self->macro);
  g_clear_pointer (&self->macro_name, g_free);
  update_macro_bar (self);
  return macro;
}

static void
enqueue (FlTemplateAssist *self,
         GPtrArray        *items,
         FlOutboxKind      kind,
         const char       *value,
         const char       *text,
         gint64            not_before)
{
  g_autoptr(FlOutboxItem) item = NULL;

  item = g_object_new (FL_TYPE_OUTBOX_ITEM,
                       "account-id", fl_ticket_get_account_id (self->ticket),
                       "ticket-id", fl_ticket_get_id (self->ticket),
                       "remote-ticket-id", fl_ticket_get_remote_id (self->ticket),
                       "kind", kind,
                       "value", value,
                       "text", text,
                       "not-before", not_before,
                       NULL);
  fl_outbox_enqueue_async (fl_context_get_outbox (self->context), item, NULL, NULL, NULL);
  g_ptr_array_add (items, g_object_ref (item));
}

/**
 * fl_template_assist_queue_macro:
 * @reply: (nullable): the reply or note the macro goes with
 * @actions: (transfer full) (nullable): a macro's changes, from
 *   fl_template_assist_take_macro()
 * @name: (nullable): the macro's name
 * @status_done: whether the reply already sets the status
 * @not_before: when the changes may go, the reply's own time, so they
 *   leave together after its undo delay
 *
 * Queues the macro's changes in the outbox, after the reply: the status
 * (unless the reply carries it), the priority, the assignee and the
 * internal note, filled in for the ticket. Undo on the reply takes them
 * back too (fl_template_assist_undo()).
 */
void
fl_template_assist_queue_macro (FlTemplateAssist  *self,
                                FlOutboxItem      *reply,
                                FlTemplateActions *actions,
                                const char        *name,
                                gboolean           status_done,
                                gint64             not_before)
{
  Batch *batch;

  g_return_if_fail (FL_IS_TEMPLATE_ASSIST (self));

  if (actions == NULL)
    return;
  if (self->ticket == NULL || self->context == NULL)
    {
      fl_template_actions_free (actions);
      return;
    }

  batch = g_new0 (Batch, 1);
  batch->reply = reply ? g_object_ref (reply) : NULL;
  batch->items = g_ptr_array_new_with_free_func (g_object_unref);
  batch->actions = actions;
  batch->name = g_strdup (name);

  /* Every change the macro states is queued, even one the ticket seems
   * to have already: a change taken back by Undo stays in the local copy
   * until the next sync. */
  if (actions->status >= 0 && !status_done)
    enqueue (self, batch->items, FL_OUTBOX_SET_STATUS, fl_status_to_string (actions->status), NULL, not_before);
  if (actions->priority >= 0)
    enqueue (self, batch->items, FL_OUTBOX_SET_PRIORITY, fl_priority_to_string (actions->priority), NULL, not_before);
  if (actions->assignee != NULL)
    {
      const char *owner = actions->assignee;

      if (g_strcmp0 (owner, "me") == 0)
        owner = self->me ? fl_agent_get_remote_id (self->me) : NULL;
      if (*actions->assignee == '\0')
        enqueue (self, batch->items, FL_OUTBOX_SET_OWNER, NULL, NULL, not_before);
      else if (owner != NULL)
        enqueue (self, batch->items, FL_OUTBOX_SET_OWNER, owner, NULL, not_before);
    }
  if (actions->note != NULL)
    {
      g_autoptr(GHashTable) values = make_values (self);
      g_autoptr(FlTemplateResult) note = fl_template_expand (actions->note, values);

      enqueue (self, batch->items, FL_OUTBOX_NOTE, NULL, note->text, not_before);
    }

  g_ptr_array_add (self->batches, batch);
  if (self->batches->len > MAX_BATCHES)
    g_ptr_array_remove_index (self->batches, 0);
}

/**
 * fl_template_assist_undo:
 * @reply: a reply taken back from the outbox
 *
 * Takes back the changes of the macro that went with @reply, and shows
 * them as pending again when its ticket is open.
 */
void
fl_template_assist_undo (FlTemplateAssist *self,
                         FlOutboxItem     *reply)
{
  g_return_if_fail (FL_IS_TEMPLATE_ASSIST (self));

  for (guint i = 0; i < self->batches->len; i++)
    {
      Batch *batch = self->batches->pdata[i];

      if (batch->reply != reply)
        continue;

      for (guint j = 0; j < batch->items->len; j++)
        fl_outbox_discard_async (fl_context_get_outbox (self->context), batch->items->pdata[j],
                                 NULL, NULL, NULL);

      if (self->ticket != NULL && fl_ticket_get_id (self->ticket) == fl_outbox_item_get_ticket_id (reply))
        {
          g_clear_pointer (&self->macro, fl_template_actions_free);
          self->macro = g_steal_pointer (&batch->actions);
          g_free (self->macro_name);
          self->macro_name = g_steal_pointer (&batch->name);
          update_macro_bar (self);
        }
      g_ptr_array_remove_index (self->batches, i);
      return;
    }
}

/**
 * fl_template_assist_get_macro_name:
 *
 * Returns: (nullable): the name of the macro whose changes are pending
 */
const char *
fl_template_assist_get_macro_name (FlTemplateAssist *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE_ASSIST (self), NULL);

  return self->macro ? self->macro_name : NULL;
}

static void
show_suggestions (FlTemplateAssist *self,
                  const char       *message)
{
  g_autoptr(FlSuggester) suggester = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GHashTable) values = NULL;
  const char *language = self->customer ? fl_customer_get_language (self->customer) : NULL;

  if (self->library == NULL || message == NULL)
    {
      fl_template_chips_set_suggestions (self->chips, NULL, NULL);
      return;
    }

  suggester = fl_suggester_new (self->library);
  ranked = fl_suggester_rank (suggester, message, 3);
  for (guint i = 0; i < ranked->len; i++)
    {
      FlTemplate *t = fl_template_library_choose (self->library, g_array_index (ranked, FlSuggestion, i).key,
                                                  language, NULL);
      if (t != NULL)
        g_ptr_array_add (chosen, t);
    }
  values = make_values (self);
  fl_template_chips_set_suggestions (self->chips, chosen, values);
}

static void
messages_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  FlTemplateAssist *self = user_data;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  const char *last = NULL;

  messages = fl_store_load_messages_finish (FL_STORE (object), result, &error);
  if (messages == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load messages for suggestions: %s", error->message);
      return;
    }

  /* The customer's last message: what the reply answers. */
  for (guint i = messages->len; i > 0 && last == NULL; i--)
    {
      FlMessage *m = messages->pdata[i - 1];

      if (fl_message_get_kind (m) == FL_MESSAGE_REPLY &&
          fl_message_get_direction (m) == FL_DIRECTION_INBOUND)
        last = fl_message_get_text (m);
    }
  show_suggestions (self, last);
}

static void
load_library (FlTemplateAssist *self)
{
  FlStore *store = fl_context_get_store (self->context);
  const char *language = self->customer ? fl_customer_get_language (self->customer) : NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->library, g_ptr_array_unref);
  g_clear_pointer (&self->resolved, g_ptr_array_unref);

  self->library = fl_store_list_templates (store, &error);
  if (self->library == NULL)
    {
      g_warning ("Could not load the canned responses: %s", error->message);
      return;
    }
  self->resolved = fl_template_library_resolve (self->library, language, NULL);
  values = make_values (self);
  fl_template_popover_set_templates (self->popover, self->resolved, values);
}

/* Who the agent is on @account_id, as the store has it now: the account
 * objects the context holds may predate the sync that found out. */
static gint64
find_me (FlStore *store,
         gint64   account_id)
{
  g_autoptr(GPtrArray) accounts = fl_store_list_accounts (store, NULL);

  for (guint i = 0; accounts && i < accounts->len; i++)
    if (fl_account_get_id (accounts->pdata[i]) == account_id)
      return fl_account_get_me_agent_id (accounts->pdata[i]);
  return 0;
}

/**
 * fl_template_assist_set_ticket:
 * @ticket: (nullable): the open ticket
 *
 * Loads what filling in a response needs (customer, account, the agent
 * answering), the library in the customer's language, and ranks the
 * responses against the customer's last message.
 */
void
fl_template_assist_set_ticket (FlTemplateAssist *self,
                               FlTicket         *ticket)
{
  gint64 old_id = self->ticket ? fl_ticket_get_id (self->ticket) : 0;
  gint64 new_id = ticket ? fl_ticket_get_id (ticket) : 0;
  gint64 me_id;
  FlStore *store;

  g_return_if_fail (FL_IS_TEMPLATE_ASSIST (self));

  g_set_object (&self->ticket, ticket);
  if (old_id == new_id && ticket != NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->customer);
  g_clear_object (&self->account);
  g_clear_object (&self->me);
  g_clear_pointer (&self->agents, g_ptr_array_unref);
  fl_template_assist_clear_macro (self);
  if (self->trigger != NULL)
    {
      gtk_text_buffer_delete_mark (get_buffer (self), self->trigger);
      self->trigger = NULL;
    }
  fl_template_chips_set_suggestions (self->chips, NULL, NULL);

  if (ticket == NULL || self->context == NULL)
    return;

  store = fl_context_get_store (self->context);
  if (fl_ticket_get_customer_id (ticket) != 0)
    self->customer = fl_store_load_customer (store, fl_ticket_get_customer_id (ticket), NULL);
  self->account = fl_context_find_account (self->context, fl_ticket_get_account_id (ticket));
  if (self->account != NULL)
    g_object_ref (self->account);
  self->agents = fl_store_list_agents (store, fl_ticket_get_account_id (ticket), NULL);
  me_id = find_me (store, fl_ticket_get_account_id (ticket));
  for (guint i = 0; self->agents && i < self->agents->len; i++)
    if (me_id != 0 && fl_agent_get_id (self->agents->pdata[i]) == me_id)
      self->me = g_object_ref (self->agents->pdata[i]);

  load_library (self);

  self->cancellable = g_cancellable_new ();
  fl_store_load_messages_async (store, new_id, self->cancellable, messages_loaded_cb, self);
}

void
fl_template_assist_set_context (FlTemplateAssist *self,
                                FlContext        *context)
{
  g_return_if_fail (FL_IS_TEMPLATE_ASSIST (self));

  g_set_object (&self->context, context);
}

/**
 * fl_template_assist_get_chips:
 *
 * Returns: (transfer none): the suggestion chips, for the composer to
 *   place above its text
 */
GtkWidget *
fl_template_assist_get_chips (FlTemplateAssist *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE_ASSIST (self), NULL);

  return GTK_WIDGET (self->chips);
}

/**
 * fl_template_assist_get_macro_bar:
 *
 * Returns: (transfer none): the bar that lists a pending macro's changes
 */
GtkWidget *
fl_template_assist_get_macro_bar (FlTemplateAssist *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE_ASSIST (self), NULL);

  return self->macro_bar;
}

/**
 * fl_template_assist_get_popover:
 *
 * Returns: (transfer none): the search popover
 */
FlTemplatePopover *
fl_template_assist_get_popover (FlTemplateAssist *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE_ASSIST (self), NULL);

  return self->popover;
}

static void
fl_template_assist_dispose (GObject *object)
{
  FlTemplateAssist *self = (FlTemplateAssist *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->gap_source, g_source_remove);
  g_clear_handle_id (&self->open_source, g_source_remove);
  if (self->text_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (get_buffer (self), self);
      if (self->trigger != NULL)
        gtk_text_buffer_delete_mark (get_buffer (self), self->trigger);
      self->trigger = NULL;
    }
  if (self->popover != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->popover, self);
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  g_clear_object (&self->chips);
  g_clear_object (&self->macro_bar);
  g_clear_object (&self->text_view);

  G_OBJECT_CLASS (fl_template_assist_parent_class)->dispose (object);
}

static void
fl_template_assist_finalize (GObject *object)
{
  FlTemplateAssist *self = (FlTemplateAssist *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->ticket);
  g_clear_object (&self->customer);
  g_clear_object (&self->account);
  g_clear_object (&self->me);
  g_clear_pointer (&self->agents, g_ptr_array_unref);
  g_clear_pointer (&self->library, g_ptr_array_unref);
  g_clear_pointer (&self->resolved, g_ptr_array_unref);
  g_clear_pointer (&self->macro, fl_template_actions_free);
  g_clear_pointer (&self->macro_name, g_free);
  g_clear_pointer (&self->batches, g_ptr_array_unref);

  G_OBJECT_CLASS (fl_template_assist_parent_class)->finalize (object);
}

static void
fl_template_assist_class_init (FlTemplateAssistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fl_template_assist_dispose;
  object_class->finalize = fl_template_assist_finalize;
}

static void
fl_template_assist_init (FlTemplateAssist *self)
{
  self->batches = g_ptr_array_new_with_free_func (batch_free);
}

static GtkWidget *
make_macro_bar (FlTemplateAssist *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-system-symbolic");
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (bar, "template-macro-bar");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Keep the Text, Drop the Changes"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Keep the Text, Drop the Changes"),
                                  -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (fl_template_assist_clear_macro), self);

  gtk_box_append (GTK_BOX (bar), icon);
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), button);
  gtk_widget_set_visible (bar, FALSE);
  self->macro_label = GTK_LABEL (label);
  return bar;
}

/**
 * fl_template_assist_new:
 * @text_view: the composer's text view
 *
 * Returns: (transfer full): an assist for @text_view; the composer
 *   places its chips and macro bar and disposes it before the text view
 */
FlTemplateAssist *
fl_template_assist_new (GtkTextView *text_view)
{
  FlTemplateAssist *self = g_object_new (FL_TYPE_TEMPLATE_ASSIST, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkEventController *keys;

  self->text_view = g_object_ref (text_view);

  gtk_text_buffer_create_tag (buffer, GAP_TAG,
                              "background-rgba", &(GdkRGBA) { 0.96, 0.76, 0.07, 0.35 },
                              "underline", PANGO_UNDERLINE_ERROR,
                              NULL);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (on_insert_text_cb), self, G_CONNECT_AFTER);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (text_view), keys);

  self->popover = FL_TEMPLATE_POPOVER (fl_template_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (text_view));
  g_signal_connect_object (self->popover, "chosen", G_CALLBACK (on_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->popover, "closed", G_CALLBACK (on_popover_closed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->popover, "manage", G_CALLBACK (on_manage_cb), self, G_CONNECT_SWAPPED);

  self->chips = g_object_ref_sink (FL_TEMPLATE_CHIPS (fl_template_chips_new ()));
  g_signal_connect_object (self->chips, "chosen", G_CALLBACK (on_chosen_cb), self, G_CONNECT_SWAPPED);

  self->macro_bar = g_object_ref_sink (make_macro_bar (self));

  return self;
}
