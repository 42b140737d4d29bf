/* fl-attachment-chip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-attachment-chip"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fl-attachment-cache.h"
#include "fl-attachment-chip.h"
#include "fl-format.h"
#include "fl-ticket-view.h"

/**
 * FlAttachmentChip:
 *
 * A file attached to a message in the conversation: its type icon, name
 * and size, as a button whose menu opens the file with the default
 * application or saves a copy to Downloads. The content is downloaded
 * into the attachment cache the first time, then reused. What happened
 * is told in a toast.
 */
struct _FlAttachmentChip
{
  GtkWidget      parent_instance;

  FlAttachment  *attachment;
  GCancellable  *cancellable;
  /* Where to tell the outcome, should the chip leave the window while
   * its file is fetched: rows are rebuilt when the conversation reloads. */
  GtkWidget     *overlay;
  guint          busy;

  GtkMenuButton *button;
  GtkStack      *icon_stack;
  GtkImage      *icon;
  GtkSpinner    *spinner;
  GtkLabel      *name_label;
  GtkLabel      *size_label;
};

G_DEFINE_FINAL_TYPE (FlAttachmentChip, fl_attachment_chip, GTK_TYPE_WIDGET)

typedef enum
{
  AFTER_OPEN,
  AFTER_SAVE,
} After;

typedef struct
{
  FlAttachmentChip *self;
  After             after;
} Fetch;

static void
toast (FlAttachmentChip *self,
       const char       *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    overlay = self->overlay;
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_message ("%s", text);
}

static void
set_busy (FlAttachmentChip *self,
          gboolean          busy)
{
  self->busy += busy ? 1 : -1;

  /* A chip that left the window still finishes what it started. */
  if (self->icon_stack == NULL)
    return;
  gtk_stack_set_visible_child_name (self->icon_stack, self->busy ? "busy" : "icon");
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
}

/**
 * fl_attachment_chip_downloads_dir:
 *
 * Returns: (transfer full): the agent's Downloads folder, or
 *   ~/Downloads when the desktop does not name one
 */
char *
fl_attachment_chip_downloads_dir (void)
{
  const char *dir = g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD);

  /* Without a configured folder GLib may answer the home folder itself. */
  if (dir != NULL && g_strcmp0 (dir, g_get_home_dir ()) != 0)
    return g_strdup (dir);

  return g_build_filename (g_get_home_dir (), "Downloads", NULL);
}

static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FlAttachmentChip) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s is a file name, then why it did not open */
      g_autofree char *text = g_strdup_printf (_("Could not open “%s”: %s"),
                                               fl_attachment_get_name (self->attachment),
                                               error->message);
      toast (self, text);
    }
}

static void
open_file (FlAttachmentChip *self,
           GFile            *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GdkAppLaunchContext) launch = NULL;

  launch = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (launch), self->cancellable,
                                           launched_cb, g_object_ref (self));
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FlAttachmentChip *self = source_object;
  g_autofree char *source = g_file_get_path (task_data);
  g_autofree char *dir = fl_attachment_chip_downloads_dir ();
  GError *error = NULL;
  char *saved;

  saved = fl_attachment_save_copy (source, dir, fl_attachment_get_name (self->attachment), &error);
  if (saved != NULL)
    g_task_return_pointer (task, saved, g_free);
  else
    g_task_return_error (task, error);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  FlAttachmentChip *self = FL_ATTACHMENT_CHIP (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *text = NULL;

  set_busy (self, FALSE);

  if (path == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  {
    g_autofree char *name = g_path_get_basename (path);

    /* Translators: %s is the name the file was saved under */
    text = g_strdup_printf (_("Saved “%s” to Downloads"), name);
  }
  toast (self, text);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autofree Fetch *fetch = user_data;
  g_autoptr(FlAttachmentChip) self = fetch->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fl_attachment_cache_fetch_finish (FL_BACKEND (object), result, &error);

  if (file == NULL)
    {
      set_busy (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->domain == FL_BACKEND_ERROR && error->code != FL_BACKEND_ERROR_TOO_LARGE &&
                     error->code != FL_BACKEND_ERROR_NOT_FOUND
                       ? fl_backend_error_to_string (error) : error->message);
      return;
    }

  if (fetch->after == AFTER_OPEN)
    {
      set_busy (self, FALSE);
      open_file (self, file);
    }
  else
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, saved_cb, NULL);

      g_task_set_source_tag (task, fetched_cb);
      g_task_set_task_data (task, g_steal_pointer (&file), g_object_unref);
      g_task_run_in_thread (task, save_thread);
    }
}

static void
fetch (FlAttachmentChip *self,
       After             after)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), FL_TYPE_TICKET_VIEW);
  FlContext *context = view ? fl_ticket_view_get_context (FL_TICKET_VIEW (view)) : NULL;
  FlTicket *ticket = view ? fl_ticket_view_get_ticket (FL_TICKET_VIEW (view)) : NULL;
  FlBackend *backend = NULL;
  Fetch *data;

  if (context != NULL && ticket != NULL)
    backend = fl_context_get_backend (context, fl_ticket_get_account_id (ticket));

  if (backend == NULL || self->attachment == NULL)
    {
      toast (self, _("This file cannot be reached now. Check the account’s connection."));
      return;
    }

  g_set_weak_pointer (&self->overlay, gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY));
  data = g_new0 (Fetch, 1);
  data->self = g_object_ref (self);
  data->after = after;
  set_busy (self, TRUE);
  fl_attachment_cache_fetch_async (backend, self->attachment, fl_context_get_data_dir (context),
                                   self->cancellable, fetched_cb, data);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  fetch (FL_ATTACHMENT_CHIP (widget), AFTER_OPEN);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  fetch (FL_ATTACHMENT_CHIP (widget), AFTER_SAVE);
}

static void
fl_attachment_chip_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), FL_TYPE_ATTACHMENT_CHIP);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fl_attachment_chip_parent_class)->dispose (object);
}

static void
fl_attachment_chip_finalize (GObject *object)
{
  FlAttachmentChip *self = (FlAttachmentChip *)object;

  g_clear_weak_pointer (&self->overlay);
  g_clear_object (&self->attachment);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (fl_attachment_chip_parent_class)->finalize (object);
}

static void
fl_attachment_chip_class_init (FlAttachmentChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_attachment_chip_dispose;
  object_class->finalize = fl_attachment_chip_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "flattachmentchip");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-attachment-chip.ui");
  gtk_widget_class_bind_template_child (widget_class, FlAttachmentChip, button);
  gtk_widget_class_bind_template_child (widget_class, FlAttachmentChip, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, FlAttachmentChip, icon);
  gtk_widget_class_bind_template_child (widget_class, FlAttachmentChip, spinner);
  gtk_widget_class_bind_template_child (widget_class, FlAttachmentChip, name_label);
  gtk_widget_class_bind_template_child (widget_class, FlAttachmentChip, size_label);

  gtk_widget_class_install_action (widget_class, "attachment.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "attachment.save", NULL, save_action);
}

static void
fl_attachment_chip_init (FlAttachmentChip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * fl_attachment_chip_new:
 * @attachment: the file to show
 *
 * Returns: (transfer full): a new chip
 */
GtkWidget *
fl_attachment_chip_new (FlAttachment *attachment)
{
  FlAttachmentChip *self;
  g_autofree char *size = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GIcon) icon = NULL;
  const char *mime;

  g_return_val_if_fail (FL_IS_ATTACHMENT (attachment), NULL);

  self = g_object_new (FL_TYPE_ATTACHMENT_CHIP, NULL);
  self->attachment = g_object_ref (attachment);

  mime = fl_attachment_get_mime_type (attachment);
  icon = g_content_type_get_symbolic_icon (mime ? mime : "application/octet-stream");
  size = fl_format_size (fl_attachment_get_size (attachment));
  gtk_image_set_from_gicon (self->icon, icon);
  gtk_label_set_label (self->name_label, fl_attachment_get_name (attachment));
  gtk_label_set_label (self->size_label, size);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), fl_attachment_get_name (attachment));

  /* Translators: an attachment button's accessible name: a file name and
   * its size, e.g. "Invoice.pdf, 220 kB" */
  label = g_strdup_printf (_("%s, %s"), fl_attachment_get_name (attachment), size);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  return GTK_WIDGET (self);
}

/**
 * fl_attachment_chip_get_attachment:
 *
 * Returns: (transfer none): the attachment shown
 */
FlAttachment *
fl_attachment_chip_get_attachment (FlAttachmentChip *self)
{
  g_return_val_if_fail (FL_IS_ATTACHMENT_CHIP (self), NULL);

  return self->attachment;
}
