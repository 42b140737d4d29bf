/* fl-template-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-template-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fl-format.h"
#include "fl-template.h"
#include "fl-template-editor.h"
#include "fl-template-engine.h"
#include "fl-template-library.h"

/**
 * FlTemplateEditor:
 *
 * Writes and files canned responses, with a live preview filled in for
 * the ticket that is open, and imports and exports the library as JSON
 * (the format in the README, with other help desks' placeholders
 * converted on import).
 */
struct _FlTemplateEditor
{
  AdwWindow        parent_instance;

  FlContext       *context;
  GHashTable      *values;
  GPtrArray       *library;
  FlTemplate      *current;
  GtkFileChooserNative *chooser;
  char            *preview;

  AdwToastOverlay *toast_overlay;
  GtkListBox      *list_box;
  GtkEntry        *name_entry;
  GtkEntry        *folder_entry;
  GtkEntry        *shortcut_entry;
  GtkEntry        *language_entry;
  GtkCheckButton  *shared_check;
  GtkTextView     *body_view;
  GtkLabel        *help_label;
  GtkLabel        *preview_label;
  GtkLabel        *gaps_label;
};

G_DEFINE_FINAL_TYPE (FlTemplateEditor, fl_template_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
toast (FlTemplateEditor *self,
       const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static char *
get_body (FlTemplateEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_preview (FlTemplateEditor *self)
{
  g_autofree char *body = get_body (self);
  g_autoptr(FlTemplateResult) result = fl_template_expand (body, self->values);
  g_autoptr(GString) gaps = g_string_new (NULL);

  g_free (self->preview);
  self->preview = g_strdup (result->text);
  gtk_label_set_text (self->preview_label, result->text);

  for (guint i = 0; i < result->gaps->len; i++)
    {
      FlTemplateGap *gap = result->gaps->pdata[i];

      if (gaps->len > 0)
        g_string_append (gaps, ", ");
      g_string_append_printf (gaps, "\u2068{{%s}}\u2069", gap->name);
    }
  if (gaps->len > 0)
    {
      /* Translators: %s is a list of placeholders; a fallback is the
       * text after | in {{customer.first_name | "there"}} */
      g_autofree char *text = g_strdup_printf (_("No value for this ticket, and no fallback: %s"), gaps->str);

      gtk_label_set_text (self->gaps_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->gaps_label), gaps->len > 0);
}

static void
show_template (FlTemplateEditor *self,
               FlTemplate       *template)
{
  g_set_object (&self->current, template);

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), template ? fl_template_get_name (template) ?: "" : "");
  gtk_editable_set_text (GTK_EDITABLE (self->folder_entry), template ? fl_template_get_folder (template) ?: "" : "");
  gtk_editable_set_text (GTK_EDITABLE (self->shortcut_entry), template ? fl_template_get_shortcut (template) ?: "" : "");
  if (template != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->language_entry), fl_template_get_language (template) ?: "");
  gtk_check_button_set_active (self->shared_check, template ? fl_template_get_shared (template) : TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                            template ? fl_template_get_body (template) ?: "" : "", -1);
  update_preview (self);
}

static GtkWidget *
make_row (FlTemplate *template)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (fl_template_get_name (template));
  g_autofree char *details = NULL;
  GtkWidget *caption;

  /* Translators: a canned response's folder and language code, such as
   * "Billing · tr" */
  details = g_strdup_printf (_("%s · %s"), fl_template_get_folder (template) ?: "",
                             fl_template_get_language (template) ?: "");
  caption = gtk_label_new (details);

  gtk_label_set_use_markup (GTK_LABEL (name), FALSE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_use_markup (GTK_LABEL (caption), FALSE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "template", g_object_ref (template), g_object_unref);
  return row;
}

static void
reload (FlTemplateEditor *self,
        const char       *select_key,
        const char       *select_language)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GtkListBoxRow *selected = NULL;

  g_clear_pointer (&self->library, g_ptr_array_unref);
  self->library = fl_store_list_templates (fl_context_get_store (self->context), &error);
  if (self->library == NULL)
    {
      toast (self, error->message);
      self->library = g_ptr_array_new_with_free_func (g_object_unref);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; i < self->library->len; i++)
    {
      FlTemplate *t = self->library->pdata[i];
      GtkWidget *row = make_row (t);

      gtk_list_box_append (self->list_box, row);
      if (select_key != NULL && g_strcmp0 (fl_template_get_key (t), select_key) == 0 &&
          g_strcmp0 (fl_template_get_language (t), select_language) == 0)
        selected = GTK_LIST_BOX_ROW (row);
    }

  if (selected != NULL)
    gtk_list_box_select_row (self->list_box, selected);
}

static void
on_row_selected_cb (FlTemplateEditor *self,
                    GtkListBoxRow    *row)
{
  if (row != NULL)
    show_template (self, g_object_get_data (G_OBJECT (row), "template"));
}

/* The language a new response is written in: the UI's. */
static char *
default_language (void)
{
  const char *first = g_get_language_names ()[0];
  gsize len = strcspn (first, "_.@-");

  if (len == 0 || g_strcmp0 (first, "C") == 0)
    return g_strdup ("en");
  return g_ascii_strdown (first, len);
}

/**
 * fl_template_editor_new_template:
 *
 * Empties the form for a new response.
 */
void
fl_template_editor_new_template (FlTemplateEditor *self)
{
  g_autofree char *language = default_language ();

  g_return_if_fail (FL_IS_TEMPLATE_EDITOR (self));

  gtk_list_box_unselect_all (self->list_box);
  gtk_editable_set_text (GTK_EDITABLE (self->language_entry), language);
  show_template (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
on_new_clicked_cb (FlTemplateEditor *self)
{
  fl_template_editor_new_template (self);
}

static gboolean
key_taken (FlTemplateEditor *self,
           const char       *key,
           const char       *language)
{
  for (guint i = 0; i < self->library->len; i++)
    if (g_strcmp0 (fl_template_get_key (self->library->pdata[i]), key) == 0 &&
        g_strcmp0 (fl_template_get_language (self->library->pdata[i]), language) == 0)
      return TRUE;
  return FALSE;
}

/**
 * fl_template_editor_save:
 *
 * Saves the form: the response shown, or a new one, keyed by its name.
 *
 * Returns: whether it was saved
 */
gboolean
fl_template_editor_save (FlTemplateEditor *self)
{
  g_autoptr(FlTemplate) t = fl_template_new ();
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *body = get_body (self);
  g_autofree char *stripped = g_strstrip (get_body (self));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  g_autofree char *language = g_strstrip (g_ascii_strdown (gtk_editable_get_text (GTK_EDITABLE (self->language_entry)), -1));
  g_autofree char *key = NULL;
  const char *folder = gtk_editable_get_text (GTK_EDITABLE (self->folder_entry));
  const char *shortcut = gtk_editable_get_text (GTK_EDITABLE (self->shortcut_entry));

  g_return_val_if_fail (FL_IS_TEMPLATE_EDITOR (self), FALSE);

  if (*name == '\0' || *stripped == '\0')
    {
      toast (self, _("A canned response needs a name and a text"));
      return FALSE;
    }
  if (*language == '\0')
    {
      g_free (language);
      language = default_language ();
    }

  if (self->current != NULL && g_strcmp0 (fl_template_get_language (self->current), language) == 0)
    {
      key = g_strdup (fl_template_get_key (self->current));
      fl_template_set_actions (t, fl_template_get_actions (self->current));
    }
  else if (self->current != NULL)
    /* Another language of the same response. */
    key = g_strdup (fl_template_get_key (self->current));
  else
    {
      g_autofree char *base = fl_template_library_make_key (name);

      key = g_strdup (*base ? base : "response");
      for (guint n = 2; key_taken (self, key, language); n++)
        {
          g_free (key);
          key = g_strdup_printf ("%s-%u", *base ? base : "response", n);
        }
    }

  fl_template_set_key (t, key);
  fl_template_set_name (t, name);
  fl_template_set_folder (t, *folder ? folder : NULL);
  fl_template_set_shortcut (t, *shortcut ? shortcut : NULL);
  fl_template_set_language (t, language);
  fl_template_set_shared (t, gtk_check_button_get_active (self->shared_check));
  fl_template_set_body (t, body);
  g_ptr_array_add (one, t);

  if (!fl_store_save_templates (fl_context_get_store (self->context), one, &error))
    {
      toast (self, error->message);
      return FALSE;
    }

  reload (self, key, language);
  toast (self, _("Saved"));
  g_signal_emit (self, signals [SAVED], 0);
  return TRUE;
}

static void
on_save_clicked_cb (FlTemplateEditor *self)
{
  fl_template_editor_save (self);
}

/**
 * fl_template_editor_import_file:
 * @file: a library export
 *
 * Imports the responses in @file into the library; a response with the
 * key and language of one already there replaces it.
 *
 * Returns: whether it was imported
 */
gboolean
fl_template_editor_import_file (FlTemplateEditor  *self,
                                GFile             *file,
                                GError           **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) imported = NULL;
  gsize length;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;
  imported = fl_template_library_import (contents, length, error);
  if (imported == NULL)
    return FALSE;
  if (!fl_store_save_templates (fl_context_get_store (self->context), imported, error))
    return FALSE;

  reload (self, NULL, NULL);
  {
    g_autofree char *count = fl_format_count (imported->len);
    /* Translators: %s is a number */
    g_autofree char *message = g_strdup_printf (ngettext ("Imported %s canned response",
                                                          "Imported %s canned responses",
                                                          imported->len),
                                                count);
    toast (self, message);
  }
  g_signal_emit (self, signals [SAVED], 0);
  return TRUE;
}

/**
 * fl_template_editor_export_file:
 * @file: where to write
 *
 * Returns: whether the whole library was written to @file
 */
gboolean
fl_template_editor_export_file (FlTemplateEditor  *self,
                                GFile             *file,
                                GError           **error)
{
  g_autofree char *json = fl_template_library_export (self->library);

  return g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
on_chooser_response_cb (FlTemplateEditor     *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GError) error = NULL;
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      if (saving && !fl_template_editor_export_file (self, file, &error))
        toast (self, error->message);
      else if (saving)
        toast (self, _("Exported"));
      else if (!saving && !fl_template_editor_import_file (self, file, &error))
        toast (self, error->message);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

static void
open_chooser (FlTemplateEditor     *self,
              GtkFileChooserAction  action)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (action == GTK_FILE_CHOOSER_ACTION_SAVE
                                               ? _("Export Canned Responses")
                                               : _("Import Canned Responses"),
                                               GTK_WINDOW (self), action, NULL, NULL);
  gtk_file_filter_set_name (filter, _("JSON files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    /* Translators: the file name an export of canned responses gets */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("canned-responses.json"));
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_import_clicked_cb (FlTemplateEditor *self)
{
  open_chooser (self, GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
on_export_clicked_cb (FlTemplateEditor *self)
{
  open_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
fl_template_editor_dispose (GObject *object)
{
  FlTemplateEditor *self = (FlTemplateEditor *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_TEMPLATE_EDITOR);

  G_OBJECT_CLASS (fl_template_editor_parent_class)->dispose (object);
}

static void
fl_template_editor_finalize (GObject *object)
{
  FlTemplateEditor *self = (FlTemplateEditor *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->current);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->library, g_ptr_array_unref);
  g_clear_pointer (&self->preview, g_free);

  G_OBJECT_CLASS (fl_template_editor_parent_class)->finalize (object);
}

static void
fl_template_editor_class_init (FlTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_template_editor_dispose;
  object_class->finalize = fl_template_editor_finalize;

  /**
   * FlTemplateEditor::saved:
   *
   * The library changed.
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FlTemplateEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FlTemplateEditor, list_box);
  gtk_widget_class_bind_template_child (widget_class, FlTemplateEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, FlTemplateEditor, folder_entry);
  gtk_widget_class_bind_template_child (widget_class, FlTemplateEditor, shortcut_entry);
  gtk_widget_class_bind_template_child (widget_class, FlTemplateEditor, language_entry);
  gtk_widget_class_bind_template_child (widget_class, FlTemplateEditor, shared_check);
  gtk_widget_class_bind_template_child (widget_class, FlTemplateEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, FlTemplateEditor, help_label);
  gtk_widget_class_bind_template_child (widget_class, FlTemplateEditor, preview_label);
  gtk_widget_class_bind_template_child (widget_class, FlTemplateEditor, gaps_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
}

static void
fl_template_editor_init (FlTemplateEditor *self)
{
  g_autoptr(GString) help = g_string_new (NULL);
  const char * const *known = fl_template_list_known ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; known[i]; i++)
    g_string_append_printf (help, "%s{{%s}}", i ? ", " : "", known[i]);
  {
    /* Translators: the first %s is a list of placeholders; the two
     * examples after it are code and stay as they are */
    g_autofree char *text = g_strdup_printf (_("Placeholders: %s, {{customer.field.NAME}}. A fallback for an empty value: {{customer.first_name | \"there\"}}. \\{{ writes braces."),
                                             help->str);

    gtk_label_set_text (self->help_label, text);
  }

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->body_view), "changed",
                            G_CALLBACK (update_preview), self);
}

/**
 * fl_template_editor_new:
 * @context: the application's context
 * @values: (nullable): placeholder values of the open ticket, for the
 *   preview
 *
 * Returns: (transfer full): a new editor window
 */
FlTemplateEditor *
fl_template_editor_new (FlContext  *context,
                        GHashTable *values)
{
  FlTemplateEditor *self = g_object_new (FL_TYPE_TEMPLATE_EDITOR, NULL);

  self->context = g_object_ref (context);
  if (values != NULL)
    self->values = g_hash_table_ref (values);
  reload (self, NULL, NULL);
  fl_template_editor_select (self, 0);
  return self;
}

/**
 * fl_template_editor_select:
 * @index: a row of the list
 */
void
fl_template_editor_select (FlTemplateEditor *self,
                           guint             index)
{
  GtkListBoxRow *row;

  g_return_if_fail (FL_IS_TEMPLATE_EDITOR (self));

  row = gtk_list_box_get_row_at_index (self->list_box, index);
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
}

guint
fl_template_editor_get_n_items (FlTemplateEditor *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE_EDITOR (self), 0);

  return self->library ? self->library->len : 0;
}

/**
 * fl_template_editor_get_preview:
 *
 * Returns: (transfer none): the text the preview shows
 */
const char *
fl_template_editor_get_preview (FlTemplateEditor *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE_EDITOR (self), NULL);

  return self->preview;
}
