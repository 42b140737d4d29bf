/* fl-outbox-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-outbox-button"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fl-format.h"
#include "fl-outbox-button.h"

/**
 * FlOutboxButton:
 *
 * Shows what has not reached a server yet: replies, notes and changes
 * waiting, being sent, refused or overtaken. Each can be retried (sent
 * anyway, for a reply someone else overtook) or discarded. Hidden when
 * the outbox is empty.
 */
struct _FlOutboxButton
{
  GtkWidget     parent_instance;

  FlContext    *context;
  GCancellable *cancellable;
  GPtrArray    *items;
  gboolean      loading;
  gboolean      again;

  GtkMenuButton *button;
  GtkImage     *icon;
  GtkLabel     *label;
  GtkListBox   *list_box;
};

G_DEFINE_FINAL_TYPE (FlOutboxButton, fl_outbox_button, GTK_TYPE_WIDGET)

static void reload (FlOutboxButton *self);

static char *
describe (FlOutboxItem *item)
{
  const char *ticket = fl_outbox_item_get_remote_ticket_id (item);
  const char *value = fl_outbox_item_get_value (item);
  FlStatus status;
  FlPriority priority;

  switch (fl_outbox_item_get_kind (item))
    {
    case FL_OUTBOX_REPLY:
      /* Translators: an outbox entry; %s is a ticket number */
      return g_strdup_printf (_("Reply to #%s"), ticket);
    case FL_OUTBOX_NOTE:
      return g_strdup_printf (_("Internal note on #%s"), ticket);
    case FL_OUTBOX_SET_STATUS:
      /* Translators: an outbox entry; a ticket number and a status */
      return g_strdup_printf (_("#%s: status to %s"), ticket,
                              fl_status_from_string (value, &status) ? fl_status_get_label (status) : value);
    case FL_OUTBOX_SET_OWNER:
      return g_strdup_printf (_("#%s: assign to %s"), ticket, value && *value ? value : C_("assignee", "Unassigned"));
    case FL_OUTBOX_SET_PRIORITY:
      return g_strdup_printf (_("#%s: priority to %s"), ticket,
                              fl_priority_from_string (value, &priority) ? fl_priority_get_label (priority) : value);
    case FL_OUTBOX_SET_FIELD:
      return g_strdup_printf (_("#%s: %s to %s"), ticket, fl_outbox_item_get_field (item), value);
    case FL_OUTBOX_ADD_WATCHER:
      return g_strdup_printf (_("#%s: add follower %s"), ticket, value);
    case FL_OUTBOX_REMOVE_WATCHER:
      return g_strdup_printf (_("#%s: remove follower %s"), ticket, value);
    default:
      return g_strdup (ticket);
    }
}

static char *
state_text (FlOutboxItem *item)
{
  const char *error = fl_outbox_item_get_last_error (item);

  switch (fl_outbox_item_get_state (item))
    {
    case FL_OUTBOX_QUEUED:
      if (error != NULL)
        /* Translators: an outbox entry that failed for a passing reason */
        return g_strdup_printf (_("Will try again: %s"), error);
      return g_strdup (_("Waiting to be sent"));
    case FL_OUTBOX_SENDING:
      return g_strdup (_("Sending…"));
    case FL_OUTBOX_FAILED:
      return g_strdup_printf (_("Not sent: %s"), error ? error : _("the server refused it"));
    case FL_OUTBOX_STALE:
      return g_strdup (error ? error : _("Someone else replied while you were writing."));
    case FL_OUTBOX_SENT:
    case FL_OUTBOX_DISCARDED:
    default:
      return g_strdup ("");
    }
}

static void
changed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FlOutboxButton) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!fl_outbox_change_finish (FL_OUTBOX (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Outbox: %s", error->message);
}

static void
on_retry_clicked_cb (GtkButton *button,
                     gpointer   user_data)
{
  FlOutboxButton *self = g_object_get_data (G_OBJECT (button), "outbox-button");
  FlOutboxItem *item = user_data;

  fl_outbox_retry_async (fl_context_get_outbox (self->context), item,
                         fl_outbox_item_get_state (item) == FL_OUTBOX_STALE,
                         self->cancellable, changed_cb, g_object_ref (self));
}

static void
on_discard_clicked_cb (GtkButton *button,
                       gpointer   user_data)
{
  FlOutboxButton *self = g_object_get_data (G_OBJECT (button), "outbox-button");
  FlOutboxItem *item = user_data;

  fl_outbox_discard_async (fl_context_get_outbox (self->context), item,
                           self->cancellable, changed_cb, g_object_ref (self));
}

static GtkWidget *
make_row (FlOutboxButton *self,
          FlOutboxItem   *item)
{
  g_autofree char *title = describe (item);
  g_autofree char *subtitle = state_text (item);
  FlOutboxState state = fl_outbox_item_get_state (item);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  if (state == FL_OUTBOX_FAILED || state == FL_OUTBOX_STALE || state == FL_OUTBOX_QUEUED)
    {
      GtkWidget *retry = gtk_button_new_with_mnemonic (state == FL_OUTBOX_STALE ? _("Send _Anyway")
                                                                                : _("_Retry"));
      GtkWidget *discard = g_object_new (GTK_TYPE_BUTTON,
                                         "icon-name", "user-trash-symbolic",
                                         "tooltip-text", _("Discard"),
                                         "valign", GTK_ALIGN_CENTER,
                                         NULL);

      gtk_widget_set_valign (retry, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (discard),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Discard"), -1);
      gtk_widget_add_css_class (discard, "flat");
      g_object_set_data (G_OBJECT (retry), "outbox-button", self);
      g_object_set_data (G_OBJECT (discard), "outbox-button", self);
      g_signal_connect_data (retry, "clicked", G_CALLBACK (on_retry_clicked_cb),
                             g_object_ref (item), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      g_signal_connect_data (discard, "clicked", G_CALLBACK (on_discard_clicked_cb),
                             g_object_ref (item), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      /* A queued item goes by itself; only refused and overtaken ones
       * need the agent. */
      if (state != FL_OUTBOX_QUEUED)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), retry);
      else
        {
          g_object_ref_sink (retry);
          g_object_unref (retry);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
    }

  return row;
}

static void
update (FlOutboxButton *self)
{
  GtkWidget *child;
  guint n_problems = 0;
  g_autofree char *count = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; i < self->items->len; i++)
    {
      FlOutboxItem *item = self->items->pdata[i];

      n_problems += fl_outbox_item_get_state (item) == FL_OUTBOX_FAILED ||
                    fl_outbox_item_get_state (item) == FL_OUTBOX_STALE;
      gtk_list_box_append (self->list_box, make_row (self, item));
    }

  count = fl_format_count (self->items->len);
  gtk_label_set_label (self->label, count);
  gtk_image_set_from_icon_name (self->icon, n_problems ? "dialog-warning-symbolic" : "mail-send-symbolic");
  if (n_problems)
    gtk_widget_add_css_class (GTK_WIDGET (self->button), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->button), self->items->len > 0);
  if (self->items->len == 0)
    gtk_popover_popdown (GTK_POPOVER (gtk_menu_button_get_popover (self->button)));
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *items = fl_store_outbox_list (task_data, TRUE, &error);

  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FlOutboxButton *self = FL_OUTBOX_BUTTON (object);
  g_autoptr(GError) error = NULL;
  GPtrArray *items = g_task_propagate_pointer (G_TASK (result), &error);

  self->loading = FALSE;
  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the outbox: %s", error->message);
      return;
    }

  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = items;
  update (self);

  if (self->again)
    {
      self->again = FALSE;
      reload (self);
    }
}

static void
reload (FlOutboxButton *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->context == NULL)
    return;
  if (self->loading)
    {
      self->again = TRUE;
      return;
    }

  self->loading = TRUE;
  task = g_task_new (self, self->cancellable, listed_cb, NULL);
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, g_object_ref (fl_context_get_store (self->context)), g_object_unref);
  g_task_run_in_thread (task, list_thread);
}

static void
fl_outbox_button_dispose (GObject *object)
{
  FlOutboxButton *self = (FlOutboxButton *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_OUTBOX_BUTTON);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fl_outbox_button_parent_class)->dispose (object);
}

static void
fl_outbox_button_finalize (GObject *object)
{
  FlOutboxButton *self = (FlOutboxButton *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (fl_outbox_button_parent_class)->finalize (object);
}

static void
fl_outbox_button_class_init (FlOutboxButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_outbox_button_dispose;
  object_class->finalize = fl_outbox_button_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-outbox-button.ui");
  gtk_widget_class_bind_template_child (widget_class, FlOutboxButton, button);
  gtk_widget_class_bind_template_child (widget_class, FlOutboxButton, icon);
  gtk_widget_class_bind_template_child (widget_class, FlOutboxButton, label);
  gtk_widget_class_bind_template_child (widget_class, FlOutboxButton, list_box);
}

static void
fl_outbox_button_init (FlOutboxButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * fl_outbox_button_set_context:
 *
 * Follows @context's outbox.
 */
void
fl_outbox_button_set_context (FlOutboxButton *self,
                              FlContext      *context)
{
  g_return_if_fail (FL_IS_OUTBOX_BUTTON (self));

  if (!g_set_object (&self->context, context))
    return;

  g_signal_connect_object (fl_context_get_store (context), "outbox-changed",
                           G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

/**
 * fl_outbox_button_get_n_items:
 *
 * Returns: how many items are shown
 */
guint
fl_outbox_button_get_n_items (FlOutboxButton *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX_BUTTON (self), 0);

  return self->items->len;
}
