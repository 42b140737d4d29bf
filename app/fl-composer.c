/* fl-composer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-composer"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fl-composer.h"
#include "fl-outbox.h"
#include "fl-template-assist.h"

/* How long a sent reply waits in the outbox, so Undo can take it back. */
#define UNDO_SECONDS 5

/**
 * FlComposer:
 *
 * Writes a public reply or an internal note on the open ticket. Sending
 * puts it in the outbox, held for a few seconds so the agent can undo;
 * "Send and set Pending/Solved" changes the status after the reply. The
 * note mode changes the look of the whole editor, so a note is never
 * mistaken for a reply.
 */
struct _FlComposer
{
  GtkWidget        parent_instance;

  FlContext       *context;
  FlTicket        *ticket;
  gint64           seen_until;
  GCancellable    *cancellable;
  GCancellable    *load_cancellable;
  /* Drafts by ticket id, as last written in this session; the store has
   * them too, saved a moment after typing stops, for after a crash. */
  GHashTable      *drafts;
  guint            save_source;
  guint            restoring : 1;
  FlTemplateAssist *templates;

  GtkWidget       *box;
  GtkToggleButton *reply_button;
  GtkToggleButton *note_button;
  GtkLabel        *recipients_label;
  GtkTextView     *text_view;
};

G_DEFINE_FINAL_TYPE (FlComposer, fl_composer, GTK_TYPE_WIDGET)

/* How long typing must pause before the draft is written to disk. */
#define SAVE_DELAY_MS 400

typedef struct
{
  char     *text;
  gboolean  note;
} CachedDraft;

static void
cached_draft_free (CachedDraft *draft)
{
  g_free (draft->text);
  g_free (draft);
}

enum {
  SENT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
cache_draft (FlComposer *self,
             gint64      ticket_id,
             const char *text,
             gboolean    note)
{
  CachedDraft *draft = g_new0 (CachedDraft, 1);

  draft->text = g_strdup (text);
  draft->note = note;
  g_hash_table_insert (self->drafts, g_memdup2 (&ticket_id, sizeof ticket_id), draft);
}

/* Keeps a draft in the cache and writes it to the store. The revision
 * orders saves that finish out of order. Waiting is only for the last
 * save as the window goes away. */
static void
remember_draft (FlComposer *self,
                gint64      ticket_id,
                const char *text,
                gboolean    note,
                gboolean    wait)
{
  cache_draft (self, ticket_id, text, note);

  if (self->context == NULL)
    return;
  if (wait)
    fl_store_save_draft (fl_context_get_store (self->context), ticket_id, text, note,
                         g_get_real_time (), NULL);
  else
    fl_store_save_draft_async (fl_context_get_store (self->context), ticket_id, text, note,
                               g_get_real_time (), NULL, NULL);
}

static void
save_draft_now (FlComposer *self,
                gboolean    wait)
{
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->ticket == NULL || self->context == NULL)
    return;

  text = fl_composer_get_text (self);
  remember_draft (self, fl_ticket_get_id (self->ticket), text,
                  gtk_toggle_button_get_active (self->note_button), wait);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  FlComposer *self = user_data;

  self->save_source = 0;
  save_draft_now (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (FlComposer *self)
{
  if (self->restoring || self->ticket == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
on_buffer_changed_cb (FlComposer    *self,
                      GtkTextBuffer *buffer)
{
  schedule_save (self);
}

static void
show_draft (FlComposer *self,
            const char *text,
            gboolean    note)
{
  self->restoring = TRUE;
  fl_composer_set_text (self, text);
  fl_composer_set_note (self, note);
  self->restoring = FALSE;
}

static void
draft_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FlComposer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *current = NULL;
  gboolean note;

  text = fl_store_load_draft_finish (FL_STORE (object), result, &note, &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load the draft: %s", error->message);
      return;
    }

  /* Whatever the agent started typing meanwhile wins. */
  current = fl_composer_get_text (self);
  if (text != NULL && *current == '\0' && self->ticket != NULL)
    {
      cache_draft (self, fl_ticket_get_id (self->ticket), text, note);
      show_draft (self, text, note);
    }
}

static void
update (FlComposer *self)
{
  gboolean note = gtk_toggle_button_get_active (self->note_button);
  g_autofree char *recipients = NULL;

  if (note)
    {
      gtk_widget_add_css_class (self->box, "note-mode");
      gtk_label_set_text (self->recipients_label, _("Only your team sees internal notes"));
    }
  else
    {
      gtk_widget_remove_css_class (self->box, "note-mode");
      if (self->ticket != NULL)
        {
          const char *name = fl_ticket_get_requester (self->ticket);
          const char *email = fl_ticket_get_requester_email (self->ticket);

          g_autofree char *who = NULL;

          /* The address is isolated, so its brackets stay in place in a
           * right-to-left sentence. */
          if (email != NULL)
            /* Translators: a person's name and email address */
            who = g_strdup_printf ("\u2068%s <%s>\u2069", name ? name : email, email);
          else
            who = g_strdup_printf ("\u2068%s\u2069", name ? name : _("the requester"));
          /* Translators: who a reply goes to */
          recipients = g_strdup_printf (_("To: %s"), who);
        }
      gtk_label_set_text (self->recipients_label, recipients ? recipients : "");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.send", self->ticket != NULL);
}

static void
on_mode_toggled_cb (FlComposer *self)
{
  update (self);
  schedule_save (self);
}

typedef struct
{
  FlComposer   *self;
  FlOutboxItem *item;
} Sending;

static void
enqueued_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree Sending *sending = user_data;
  g_autoptr(FlComposer) self = sending->self;
  g_autoptr(FlOutboxItem) item = sending->item;
  g_autoptr(GError) error = NULL;

  if (!fl_outbox_enqueue_finish (FL_OUTBOX (object), result, &error))
    {
      /* Nothing was queued: give the text back. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *current = fl_composer_get_text (self);

          if (*current == '\0')
            fl_composer_set_text (self, fl_outbox_item_get_text (item));
          g_signal_emit (self, signals [SENT], 0, NULL, error->message);
        }
      return;
    }

  g_signal_emit (self, signals [SENT], 0, item, NULL);
}

/**
 * fl_composer_send:
 * @then_status: (nullable): a status to set after the reply, such as
 *   "pending" or "solved"
 *
 * Queues the text as a reply or note. The editor is emptied at once;
 * #FlComposer::sent reports the queued item, or the error if it could not
 * be queued, in which case the text comes back.
 *
 * Returns: whether there was anything to send
 */
gboolean
fl_composer_send (FlComposer *self,
                  const char *then_status)
{
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;
  g_autoptr(FlTemplateActions) macro = NULL;
  gboolean note;
  gint64 not_before;
  Sending *sending;

  g_return_val_if_fail (FL_IS_COMPOSER (self), FALSE);

  if (self->ticket == NULL || self->context == NULL)
    return FALSE;

  text = fl_composer_get_text (self);
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return FALSE;

  note = gtk_toggle_button_get_active (self->note_button);
  macro = fl_template_assist_take_macro (self->templates);
  /* A macro's status goes with the reply, unless the agent chose one. */
  if (!note && (then_status == NULL || *then_status == '\0') && macro != NULL && macro->status >= 0)
    then_status = fl_status_to_string (macro->status);
  not_before = g_get_real_time () / G_USEC_PER_SEC + UNDO_SECONDS;
  sending = g_new0 (Sending, 1);
  sending->self = g_object_ref (self);
  sending->item = g_object_new (FL_TYPE_OUTBOX_ITEM,
                                "account-id", fl_ticket_get_account_id (self->ticket),
                                "ticket-id", fl_ticket_get_id (self->ticket),
                                "remote-ticket-id", fl_ticket_get_remote_id (self->ticket),
                                "kind", note ? FL_OUTBOX_NOTE : FL_OUTBOX_REPLY,
                                "text", text,
                                "then-status", note || then_status == NULL || *then_status == '\0'
                                                 ? NULL : then_status,
                                "seen-until", self->seen_until,
                                "not-before", not_before,
                                NULL);

  fl_composer_set_text (self, "");
  fl_outbox_enqueue_async (fl_context_get_outbox (self->context), sending->item, self->cancellable,
                           enqueued_cb, sending);
  fl_template_assist_queue_macro (self->templates, macro, fl_outbox_item_get_then_status (sending->item) != NULL,
                                  not_before);
  return TRUE;
}

typedef struct
{
  FlComposer *self;
  char       *then_status;
} PendingSend;

static void
pending_send_free (gpointer data)
{
  PendingSend *pending = data;

  g_object_unref (pending->self);
  g_free (pending->then_status);
  g_free (pending);
}

static void
send_confirmed_cb (gpointer data)
{
  PendingSend *pending = data;

  fl_composer_send (pending->self, pending->then_status);
}

/* Sends, after asking when placeholders are unfilled or a macro would
 * change the ticket too. */
static void
request_send (FlComposer *self,
              const char *then_status)
{
  g_autofree char *text = fl_composer_get_text (self);
  PendingSend *pending = g_new0 (PendingSend, 1);

  pending->self = g_object_ref (self);
  pending->then_status = g_strdup (then_status);
  if (self->ticket != NULL &&
      fl_template_assist_confirm_send (self->templates, text, fl_composer_get_note (self),
                                       send_confirmed_cb, pending, pending_send_free))
    return;

  pending_send_free (pending);
  fl_composer_send (self, then_status);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  request_send (FL_COMPOSER (widget), param ? g_variant_get_string (param, NULL) : NULL);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   FlComposer            *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      request_send (self, NULL);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
fl_composer_dispose (GObject *object)
{
  FlComposer *self = (FlComposer *)object;
  GtkWidget *child;

  /* A draft still waiting for its save is written now. */
  if (self->save_source != 0)
    save_draft_now (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  if (self->templates != NULL)
    g_object_run_dispose (G_OBJECT (self->templates));
  g_clear_object (&self->templates);
  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_COMPOSER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fl_composer_parent_class)->dispose (object);
}

static void
fl_composer_finalize (GObject *object)
{
  FlComposer *self = (FlComposer *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->ticket);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->drafts, g_hash_table_unref);

  G_OBJECT_CLASS (fl_composer_parent_class)->finalize (object);
}

static void
fl_composer_class_init (FlComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_composer_dispose;
  object_class->finalize = fl_composer_finalize;

  /**
   * FlComposer::sent:
   * @item: (nullable): the queued item
   * @error: (nullable): why nothing was queued
   */
  signals [SENT] =
    g_signal_new ("sent",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, FL_TYPE_OUTBOX_ITEM, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "flcomposer");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-composer.ui");
  gtk_widget_class_bind_template_child (widget_class, FlComposer, box);
  gtk_widget_class_bind_template_child (widget_class, FlComposer, reply_button);
  gtk_widget_class_bind_template_child (widget_class, FlComposer, note_button);
  gtk_widget_class_bind_template_child (widget_class, FlComposer, recipients_label);
  gtk_widget_class_bind_template_child (widget_class, FlComposer, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled_cb);

  gtk_widget_class_install_action (widget_class, "composer.send", "s", send_action);
}

static void
fl_composer_init (FlComposer *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) cached_draft_free);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);

  self->templates = fl_template_assist_new (self->text_view);
  gtk_box_prepend (GTK_BOX (self->box), fl_template_assist_get_macro_bar (self->templates));
  gtk_box_prepend (GTK_BOX (self->box), fl_template_assist_get_chips (self->templates));

  update (self);
}

void
fl_composer_set_context (FlComposer *self,
                         FlContext  *context)
{
  g_return_if_fail (FL_IS_COMPOSER (self));

  g_set_object (&self->context, context);
  fl_template_assist_set_context (self->templates, context);
}

/**
 * fl_composer_set_ticket:
 * @ticket: (nullable): the ticket to write on
 * @seen_until: the time of the newest message the agent can see, for the
 *   stale-reply guard
 */
void
fl_composer_set_ticket (FlComposer *self,
                        FlTicket   *ticket,
                        gint64      seen_until)
{
  gint64 old_id = self->ticket ? fl_ticket_get_id (self->ticket) : 0;
  gint64 new_id = ticket ? fl_ticket_get_id (ticket) : 0;

  g_return_if_fail (FL_IS_COMPOSER (self));

  if (old_id != new_id && self->save_source != 0)
    save_draft_now (self, FALSE);
  g_set_object (&self->ticket, ticket);
  self->seen_until = seen_until;

  if (old_id != new_id)
    {
      CachedDraft *draft = new_id ? g_hash_table_lookup (self->drafts, &new_id) : NULL;

      g_cancellable_cancel (self->load_cancellable);
      g_clear_object (&self->load_cancellable);

      if (draft != NULL)
        show_draft (self, draft->text, draft->note);
      else
        {
          show_draft (self, "", FALSE);
          if (new_id != 0 && self->context != NULL)
            {
              self->load_cancellable = g_cancellable_new ();
              fl_store_load_draft_async (fl_context_get_store (self->context), new_id,
                                         self->load_cancellable, draft_loaded_cb,
                                         g_object_ref (self));
            }
        }
    }

  fl_template_assist_set_ticket (self->templates, ticket);
  update (self);
}

/**
 * fl_composer_get_templates:
 *
 * Returns: (transfer none): the canned-response assist of the editor
 */
FlTemplateAssist *
fl_composer_get_templates (FlComposer *self)
{
  g_return_val_if_fail (FL_IS_COMPOSER (self), NULL);

  return self->templates;
}

void
fl_composer_set_note (FlComposer *self,
                      gboolean    note)
{
  g_return_if_fail (FL_IS_COMPOSER (self));

  gtk_toggle_button_set_active (note ? self->note_button : self->reply_button, TRUE);
}

gboolean
fl_composer_get_note (FlComposer *self)
{
  g_return_val_if_fail (FL_IS_COMPOSER (self), FALSE);

  return gtk_toggle_button_get_active (self->note_button);
}

/**
 * fl_composer_get_text:
 *
 * Returns: (transfer full): what is written
 */
char *
fl_composer_get_text (FlComposer *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
fl_composer_set_text (FlComposer *self,
                      const char *text)
{
  g_return_if_fail (FL_IS_COMPOSER (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

/**
 * fl_composer_restore:
 * @item: an outbox item taken back before it was sent
 *
 * Gives the text of @item back to the agent: into the editor when its
 * ticket is open and nothing new was written, otherwise into that
 * ticket's draft, after anything already there.
 */
void
fl_composer_restore (FlComposer   *self,
                     FlOutboxItem *item)
{
  gint64 ticket_id;
  const char *text;
  gboolean note, open;
  CachedDraft *cached;
  g_autofree char *existing = NULL;
  g_autofree char *joined = NULL;

  g_return_if_fail (FL_IS_COMPOSER (self));
  g_return_if_fail (FL_IS_OUTBOX_ITEM (item));

  ticket_id = fl_outbox_item_get_ticket_id (item);
  text = fl_outbox_item_get_text (item);
  note = fl_outbox_item_get_kind (item) == FL_OUTBOX_NOTE;
  open = self->ticket != NULL && fl_ticket_get_id (self->ticket) == ticket_id;
  cached = open ? NULL : g_hash_table_lookup (self->drafts, &ticket_id);
  existing = open ? fl_composer_get_text (self) : g_strdup (cached ? cached->text : "");
  joined = *existing ? g_strconcat (text, "\n\n", existing, NULL) : g_strdup (text);

  /* The item was written here, so its ticket was open this session and
   * its draft, if any, is in the editor or the cache. */
  if (open)
    {
      fl_composer_set_text (self, joined);
      fl_composer_set_note (self, note);
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
    }
  else
    remember_draft (self, ticket_id, joined, note, FALSE);
}
