/* fl-composer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-composer"

#include "config.h"

#include <adwaita.h>
#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fl-attachment-cache.h"
#include "fl-composer.h"
#include "fl-mention-popover.h"
#include "fl-format.h"
#include "fl-outbox.h"
#include "fl-template-assist.h"
#include "fl-text.h"

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
 *
 * Files are attached with the file chooser, by drag and drop, or by
 * pasting files or an image. Each is checked against the helpdesk's size
 * limit and copied at once into the profile's outgoing folder, so it is
 * kept whatever happens to the original; the outbox sends that copy.
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
  /* The copies attached to the open ticket's reply, by path. */
  GPtrArray       *attachments;
  GtkFileChooserNative *chooser;
  FlTemplateAssist *templates;

  GtkWidget       *box;
  GtkToggleButton *reply_button;
  GtkToggleButton *note_button;
  GtkLabel        *recipients_label;
  GtkTextView     *text_view;
  FlMentionPopover *mentions;
  GtkWidget       *send_button;
  GtkFlowBox      *attachments_box;
  GtkLabel        *attach_error_label;
};

G_DEFINE_FINAL_TYPE (FlComposer, fl_composer, GTK_TYPE_WIDGET)

/* How long typing must pause before the draft is written to disk. */
#define SAVE_DELAY_MS 400

typedef struct
{
  char      *text;
  gboolean   note;
  GPtrArray *attachments;  /* paths, when the ticket is not open */
} CachedDraft;

static void
cached_draft_free (CachedDraft *draft)
{
  g_free (draft->text);
  g_clear_pointer (&draft->attachments, g_ptr_array_unref);
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
  CachedDraft *old = g_hash_table_lookup (self->drafts, &ticket_id);

  draft->text = g_strdup (text);
  draft->note = note;
  if (old != NULL)
    draft->attachments = g_steal_pointer (&old->attachments);
  g_hash_table_insert (self->drafts, g_memdup2 (&ticket_id, sizeof ticket_id), draft);
}

/* The files of a ticket that is not open wait in its cached draft. */
static GPtrArray *
cached_attachments (FlComposer *self,
                    gint64      ticket_id)
{
  CachedDraft *draft = g_hash_table_lookup (self->drafts, &ticket_id);

  if (draft == NULL)
    {
      cache_draft (self, ticket_id, "", FALSE);
      draft = g_hash_table_lookup (self->drafts, &ticket_id);
    }
  if (draft->attachments == NULL)
    draft->attachments = g_ptr_array_new_with_free_func (g_free);

  return draft->attachments;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static void remove_clicked_cb (FlComposer *self,
                               GtkButton  *button);

static GtkWidget *
make_chip (FlComposer *self,
           const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *size = fl_format_size (file_size (path));
  g_autofree char *type = g_content_type_guess (name, NULL, 0, NULL);
  g_autofree char *remove = NULL;
  g_autoptr(GIcon) icon = g_content_type_get_symbolic_icon (type);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *size_label = gtk_label_new (size);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE,
                                   "gicon", icon,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (name_label), 28);
  gtk_widget_add_css_class (size_label, "dim-label");

  /* Translators: a button that takes a file off the reply; %s is its name */
  remove = g_strdup_printf (_("Remove “%s”"), name);
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_object_set_data_full (G_OBJECT (button), "path", g_strdup (path), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), name_label);
  gtk_box_append (GTK_BOX (box), size_label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_add_css_class (box, "attachment-chip");
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  return box;
}

/* Every change to the files of a draft reaches the store, so they come
 * back after a restart. */
static void
persist_attachments (FlComposer *self,
                     gint64      ticket_id,
                     GPtrArray  *paths)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (self->context == NULL || ticket_id == 0)
    return;

  for (guint i = 0; paths && i < paths->len; i++)
    g_strv_builder_add (builder, paths->pdata[i]);
  strv = g_strv_builder_end (builder);
  fl_store_save_draft_attachments_async (fl_context_get_store (self->context), ticket_id,
                                         (const char * const *) strv, g_get_real_time ());
}

static void
load_attachments_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  FlStore *store = task_data;
  gint64 ticket_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "ticket-id"));
  g_auto(GStrv) paths = fl_store_load_draft_attachments (store, ticket_id, NULL);
  GPtrArray *existing = g_ptr_array_new_with_free_func (g_free);

  /* Files that were sent meanwhile are gone from the outgoing folder. */
  for (guint i = 0; paths && paths[i]; i++)
    if (g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
      g_ptr_array_add (existing, g_strdup (paths[i]));

  g_task_return_pointer (task, existing, (GDestroyNotify) g_ptr_array_unref);
}

static void show_attachments (FlComposer *self);

static void
attachments_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  FlComposer *self = FL_COMPOSER (object);
  gint64 ticket_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (result), "ticket-id"));
  g_autoptr(GPtrArray) paths = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Files the agent attached meanwhile win. */
  if (paths == NULL || paths->len == 0 || self->ticket == NULL ||
      fl_ticket_get_id (self->ticket) != ticket_id || self->attachments->len > 0)
    return;

  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (self->attachments, g_strdup (paths->pdata[i]));
  show_attachments (self);
}

static void
load_attachments (FlComposer *self,
                  gint64      ticket_id)
{
  g_autoptr(GTask) task = g_task_new (self, self->load_cancellable, attachments_loaded_cb, NULL);

  g_task_set_source_tag (task, load_attachments);
  g_task_set_task_data (task, g_object_ref (fl_context_get_store (self->context)), g_object_unref);
  g_object_set_data (G_OBJECT (task), "ticket-id", GSIZE_TO_POINTER (ticket_id));
  g_task_run_in_thread (task, load_attachments_thread);
}

static void
show_attachments (FlComposer *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attachments_box))))
    gtk_flow_box_remove (self->attachments_box, child);

  for (guint i = 0; i < self->attachments->len; i++)
    gtk_flow_box_append (self->attachments_box, make_chip (self, self->attachments->pdata[i]));

  gtk_widget_set_visible (GTK_WIDGET (self->attachments_box), self->attachments->len > 0);
}

static void
show_attach_error (FlComposer *self,
                   const char *message)
{
  gtk_label_set_text (self->attach_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->attach_error_label), message && *message);
}

/* Deletes a copy that was never queued, and its folder. */
static void
delete_copy (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
remove_clicked_cb (FlComposer *self,
                   GtkButton  *button)
{
  const char *path = g_object_get_data (G_OBJECT (button), "path");
  guint index;

  if (path == NULL || !g_ptr_array_find_with_equal_func (self->attachments, path, g_str_equal, &index))
    return;

  delete_copy (path);
  g_ptr_array_remove_index (self->attachments, index);
  if (self->ticket != NULL)
    persist_attachments (self, fl_ticket_get_id (self->ticket), self->attachments);
  show_attachments (self);
  show_attach_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
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


typedef struct
{
  FlComposer *self;
  gint64      ticket_id;
  GPtrArray  *files;      /* GFile */
  GBytes     *png;        /* or a pasted image */
  char       *outgoing;
  gint64      limit;
  gint64      total;
  GPtrArray  *added;      /* paths of the copies */
  GString    *errors;
} Adding;

static void
adding_free (Adding *adding)
{
  g_clear_object (&adding->self);
  g_clear_pointer (&adding->files, g_ptr_array_unref);
  g_clear_pointer (&adding->png, g_bytes_unref);
  g_free (adding->outgoing);
  g_clear_pointer (&adding->added, g_ptr_array_unref);
  if (adding->errors != NULL)
    g_string_free (adding->errors, TRUE);
  g_free (adding);
}

static void
add_error (Adding     *adding,
           const char *message)
{
  if (adding->errors->len > 0)
    g_string_append_c (adding->errors, '\n');
  g_string_append (adding->errors, message);
}

/* A new folder for each file, so names never collide. */
static char *
new_copy_path (Adding     *adding,
               const char *name)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *safe = fl_text_safe_filename (name);
  g_autofree char *dir = g_build_filename (adding->outgoing, uuid, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return NULL;
  return g_build_filename (dir, safe, NULL);
}

static void
adding_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Adding *adding = task_data;

  for (guint i = 0; adding->files && i < adding->files->len; i++)
    {
      GFile *file = adding->files->pdata[i];
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *copy = NULL;
      g_autoptr(GFile) dest = NULL;
      const char *name;

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                                G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                G_FILE_QUERY_INFO_NONE, cancellable, &error);
      if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          g_autofree char *parse_name = g_file_get_parse_name (file);
          g_autofree char *message = g_strdup_printf (_("The attachment “%s” cannot be read."), parse_name);

          add_error (adding, message);
          continue;
        }

      name = g_file_info_get_display_name (info);
      if (!fl_attachment_check_size (name, g_file_info_get_size (info), adding->total, adding->limit, &error))
        {
          add_error (adding, error->message);
          continue;
        }

      copy = new_copy_path (adding, name);
      dest = copy ? g_file_new_for_path (copy) : NULL;
      if (dest == NULL || !g_file_copy (file, dest, G_FILE_COPY_NONE, cancellable, NULL, NULL, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Could not keep the attachments: %s"),
                                                      error ? error->message : g_strerror (errno));
          add_error (adding, message);
          if (copy != NULL)
            delete_copy (copy);
          continue;
        }

      adding->total += g_file_info_get_size (info);
      g_ptr_array_add (adding->added, g_steal_pointer (&copy));
    }

  if (adding->png != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *copy = NULL;
      gsize len;
      const char *data = g_bytes_get_data (adding->png, &len);

      /* Translators: the file name of an image pasted into a reply; keep
       * the extension */
      if (!fl_attachment_check_size (_("pasted-image.png"), len, adding->total, adding->limit, &error))
        add_error (adding, error->message);
      else if (!(copy = new_copy_path (adding, _("pasted-image.png"))) ||
               !g_file_set_contents_full (copy, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Could not keep the attachments: %s"),
                                                      error ? error->message : g_strerror (errno));
          add_error (adding, message);
          if (copy != NULL)
            delete_copy (copy);
        }
      else
        {
          adding->total += len;
          g_ptr_array_add (adding->added, g_steal_pointer (&copy));
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  FlComposer *self = FL_COMPOSER (object);
  Adding *adding = g_task_get_task_data (G_TASK (result));
  gboolean open = self->ticket != NULL && fl_ticket_get_id (self->ticket) == adding->ticket_id;
  GPtrArray *target = open ? self->attachments : cached_attachments (self, adding->ticket_id);

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;

  for (guint i = 0; i < adding->added->len; i++)
    g_ptr_array_add (target, g_strdup (adding->added->pdata[i]));
  if (adding->added->len > 0)
    persist_attachments (self, adding->ticket_id, target);

  if (open)
    {
      show_attachments (self);
      show_attach_error (self, adding->errors->str);
    }
}

static gint64
attachment_limit (FlComposer *self)
{
  FlBackend *backend = NULL;

  if (self->context != NULL && self->ticket != NULL)
    backend = fl_context_get_backend (self->context, fl_ticket_get_account_id (self->ticket));

  return backend ? fl_backend_get_max_attachment_size (backend) : FL_BACKEND_DEFAULT_MAX_UPLOAD_BYTES;
}

static void
start_adding (FlComposer *self,
              GPtrArray  *files,
              GBytes     *png)
{
  g_autoptr(GTask) task = NULL;
  Adding *adding;

  if (self->ticket == NULL || self->context == NULL)
    return;

  adding = g_new0 (Adding, 1);
  adding->self = g_object_ref (self);
  adding->ticket_id = fl_ticket_get_id (self->ticket);
  adding->files = files ? g_ptr_array_ref (files) : NULL;
  adding->png = png ? g_bytes_ref (png) : NULL;
  adding->outgoing = fl_attachment_outgoing_dir (fl_context_get_data_dir (self->context));
  adding->limit = attachment_limit (self);
  adding->added = g_ptr_array_new_with_free_func (g_free);
  adding->errors = g_string_new (NULL);
  for (guint i = 0; i < self->attachments->len; i++)
    adding->total += file_size (self->attachments->pdata[i]);

  show_attach_error (self, NULL);
  task = g_task_new (self, self->cancellable, added_cb, NULL);
  g_task_set_source_tag (task, start_adding);
  g_task_set_task_data (task, adding, (GDestroyNotify) adding_free);
  g_task_run_in_thread (task, adding_thread);
}

/**
 * fl_composer_add_files:
 * @files: (element-type GFile): files to attach
 *
 * Attaches files to the reply on the open ticket, as the file chooser,
 * a drop and a paste do: each is checked against the helpdesk's limit
 * and copied at once; a file that is refused is named in a message under
 * the editor.
 */
void
fl_composer_add_files (FlComposer   *self,
                       const GSList *files)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (FL_IS_COMPOSER (self));

  for (const GSList *l = files; l; l = l->next)
    g_ptr_array_add (array, g_object_ref (l->data));

  if (array->len > 0)
    start_adding (self, array, NULL);
}

/**
 * fl_composer_add_image:
 * @texture: an image, as pasted
 *
 * Attaches an image as "pasted-image.png".
 */
void
fl_composer_add_image (FlComposer *self,
                       GdkTexture *texture)
{
  g_autoptr(GBytes) png = NULL;

  g_return_if_fail (FL_IS_COMPOSER (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  png = gdk_texture_save_to_png_bytes (texture);
  start_adding (self, NULL, png);
}

/**
 * fl_composer_get_attachments:
 *
 * Returns: (transfer full): the paths of the copies attached to the
 *   reply on the open ticket
 */
char **
fl_composer_get_attachments (FlComposer *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (FL_IS_COMPOSER (self), NULL);

  for (guint i = 0; i < self->attachments->len; i++)
    g_strv_builder_add (builder, self->attachments->pdata[i]);

  return g_strv_builder_end (builder);
}

/**
 * fl_composer_get_attach_error:
 *
 * Returns: (nullable): the message about files that were refused, while
 *   it is shown
 */
const char *
fl_composer_get_attach_error (FlComposer *self)
{
  g_return_val_if_fail (FL_IS_COMPOSER (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->attach_error_label)))
    return NULL;

  return gtk_label_get_text (self->attach_error_label);
}

static void
chooser_response_cb (FlComposer           *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      if (array->len > 0)
        start_adding (self, array, NULL);
    }

  g_clear_object (&self->chooser);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FlComposer *self = FL_COMPOSER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->ticket == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Attach Files"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            FlComposer    *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr(GSList) files = list ? gdk_file_list_get_files (list) : NULL;

  if (self->ticket == NULL || files == NULL)
    return FALSE;

  fl_composer_add_files (self, files);
  return TRUE;
}

static void
pasted_files_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FlComposer) self = user_data;
  g_autoptr(GError) error = NULL;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, &error);

  if (value == NULL)
    {
      g_debug ("Could not paste files: %s", error->message);
      return;
    }

  {
    GdkFileList *list = g_value_get_boxed (value);
    g_autoptr(GSList) files = list ? gdk_file_list_get_files (list) : NULL;

    fl_composer_add_files (self, files);
  }
}

static void
pasted_image_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FlComposer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error);

  if (texture == NULL)
    {
      g_debug ("Could not paste an image: %s", error->message);
      return;
    }

  fl_composer_add_image (self, texture);
}

/* Ctrl+V and the context menu's Paste: files and images are attached,
 * text goes into the editor as usual. */
static void
on_paste_cb (FlComposer  *self,
             GtkTextView *text_view)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (text_view));
  g_autoptr(GdkContentFormats) formats = NULL;

  if (self->ticket == NULL)
    return;

  formats = gdk_content_formats_union_deserialize_gtypes (gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));
  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    {
      g_signal_stop_emission_by_name (text_view, "paste-clipboard");
      gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT,
                                      self->cancellable, pasted_files_cb, g_object_ref (self));
    }
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE) &&
           !gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    {
      g_signal_stop_emission_by_name (text_view, "paste-clipboard");
      gdk_clipboard_read_texture_async (clipboard, self->cancellable, pasted_image_cb, g_object_ref (self));
    }
}

static void
update (FlComposer *self)
{
  gboolean note = gtk_toggle_button_get_active (self->note_button);
  g_autofree char *recipients = NULL;

  fl_mention_popover_set_enabled (self->mentions, note);
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
      /* Nothing was queued: give the text and the files back. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *current = fl_composer_get_text (self);
          const char * const *paths = fl_outbox_item_get_attachments (item);

          if (*current == '\0')
            fl_composer_set_text (self, fl_outbox_item_get_text (item));
          if (self->attachments->len == 0 && self->ticket != NULL &&
              fl_ticket_get_id (self->ticket) == fl_outbox_item_get_ticket_id (item))
            {
              for (guint i = 0; paths && paths[i]; i++)
                g_ptr_array_add (self->attachments, g_strdup (paths[i]));
              persist_attachments (self, fl_ticket_get_id (self->ticket), self->attachments);
              show_attachments (self);
            }
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
  g_autofree char *macro_name = NULL;
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
  macro_name = g_strdup (fl_template_assist_get_macro_name (self->templates));
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

  /* The copies now belong to the outbox item. */
  if (self->attachments->len > 0)
    {
      g_ptr_array_add (self->attachments, NULL);
      fl_outbox_item_set_attachments (sending->item, (const char * const *) self->attachments->pdata);
      g_ptr_array_set_size (self->attachments, 0);
      persist_attachments (self, fl_ticket_get_id (self->ticket), self->attachments);
      show_attachments (self);
    }
  show_attach_error (self, NULL);

  fl_composer_set_text (self, "");
  fl_outbox_enqueue_async (fl_context_get_outbox (self->context), sending->item, self->cancellable,
                           enqueued_cb, sending);
  fl_template_assist_queue_macro (self->templates, sending->item, g_steal_pointer (&macro), macro_name,
                                  fl_outbox_item_get_then_status (sending->item) != NULL, not_before);
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
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* The editor does not know it holds the mention list. */
  if (self->mentions != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->mentions));
      self->mentions = NULL;
    }
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
  g_clear_pointer (&self->attachments, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, FlComposer, send_button);
  gtk_widget_class_bind_template_child (widget_class, FlComposer, attachments_box);
  gtk_widget_class_bind_template_child (widget_class, FlComposer, attach_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled_cb);

  gtk_widget_class_install_action (widget_class, "composer.send", "s", send_action);
  gtk_widget_class_install_action (widget_class, "composer.attach", NULL, attach_action);
}

static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_MENU_BUTTON (child) ? child : find_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
fl_composer_init (FlComposer *self)
{
  GtkEventController *keys;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->attachments = g_ptr_array_new_with_free_func (g_free);
  self->drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) cached_draft_free);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);

  /* The split button's arrow has a tooltip but no name of its own in
   * libadwaita 1.2: give it one, so a screen reader says what it is. */
  {
    GtkWidget *arrow = find_menu_button (self->send_button);

    /* The toggle inside it, which is what is read, is labelled by the
     * menu button: naming both would make it say the name twice. */
    if (arrow != NULL)
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("More Ways to Send"), -1);
  }

  /* First, so that Enter picks a teammate while the list is open. */
  self->mentions = fl_mention_popover_new (self->text_view);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);

  /* Files dropped anywhere on the composer are attached; in the capture
   * phase, before the editor would take their paths as text. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop), GTK_PHASE_CAPTURE);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (self->text_view, "paste-clipboard", G_CALLBACK (on_paste_cb), self,
                           G_CONNECT_SWAPPED);

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

  /* The files stay with the ticket they were attached on. */
  if (old_id != new_id)
    {
      if (old_id != 0 && self->attachments->len > 0)
        {
          GPtrArray *stash = cached_attachments (self, old_id);

          for (guint i = 0; i < self->attachments->len; i++)
            g_ptr_array_add (stash, g_strdup (self->attachments->pdata[i]));
        }
      g_ptr_array_set_size (self->attachments, 0);
      if (new_id != 0)
        {
          CachedDraft *draft = g_hash_table_lookup (self->drafts, &new_id);

          if (draft != NULL && draft->attachments != NULL)
            {
              for (guint i = 0; i < draft->attachments->len; i++)
                g_ptr_array_add (self->attachments, g_strdup (draft->attachments->pdata[i]));
              g_clear_pointer (&draft->attachments, g_ptr_array_unref);
            }
        }
      show_attachments (self);
      show_attach_error (self, NULL);
    }

  g_set_object (&self->ticket, ticket);
  self->seen_until = seen_until;
  fl_mention_popover_set_source (self->mentions,
                                 ticket && self->context ? fl_context_get_store (self->context) : NULL,
                                 ticket ? fl_ticket_get_account_id (ticket) : 0);

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
              load_attachments (self, new_id);
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

  /* A macro sent with it is taken back too. */
  fl_template_assist_undo (self->templates, item);

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

  /* And its files, which the outbox keeps until an item is sent. */
  {
    const char * const *paths = fl_outbox_item_get_attachments (item);
    GPtrArray *target = open ? self->attachments : cached_attachments (self, ticket_id);

    for (guint i = 0; paths && paths[i]; i++)
      if (g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (target, g_strdup (paths[i]));
    if (paths != NULL)
      persist_attachments (self, ticket_id, target);
    if (open)
      show_attachments (self);
  }
}
