/* test-templates.c: canned responses in the composer, in a real window on
 * the demo workspace under Xvfb. Run once per UI language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "../fl-test-dir.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "fl-context.h"
#include "fl-screenshot.h"
#include "fl-template-editor.h"
#include "fl-template-engine.h"
#include "fl-template-library.h"
#include "fl-test-ui.h"
#include "fl-window-private.h"
#include "ui-common.h"

typedef struct
{
  char      *dir;
  FlContext *context;
  FlWindow  *window;
} Fixture;

static void
settle (void)
{
  ui_settle ();
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_free (ui_save_screenshot (widget, name));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  f->dir = g_dir_make_tmp ("fl-ui-templates-XXXXXX", &error);
  g_assert_no_error (error);

  f->context = fl_context_new (f->dir);
  fl_context_load_async (f->context, NULL, done_cb, &result);
  WAIT_FOR (result != NULL, "the store to open");
  g_assert_true (fl_context_load_finish (f->context, result, &error));
  g_clear_object (&result);

  fl_context_add_demo_async (f->context, NULL, done_cb, &result);
  WAIT_FOR (result != NULL, "the demo workspace to sync");
  g_assert_true (fl_context_add_demo_finish (f->context, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  f->window = fl_window_new (NULL, f->context);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  fl_window_show_workspace (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)), "the window to map");
  WAIT_FOR (fl_ticket_list_get_n_items (fl_window_get_ticket_list (f->window)) > 0,
            "the inbox to fill");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->context);
  fl_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Opens the ticket at @position and waits for its conversation.
 * Returns: (transfer full): the ticket as the view shows it */
static FlTicket *
open_ticket (Fixture *f,
             guint    position)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  gint64 id;

  fl_ticket_list_select (list, position);
  id = fl_ticket_list_get_selected (list);
  WAIT_FOR (fl_ticket_view_get_ticket (view) != NULL &&
            fl_ticket_get_id (fl_ticket_view_get_ticket (view)) == id &&
            g_list_model_get_n_items (fl_ticket_view_get_messages (view)) > 0, "the conversation");
  return g_object_ref (fl_ticket_view_get_ticket (view));
}

static FlComposer *
get_composer (Fixture *f)
{
  return fl_ticket_view_get_composer (fl_window_get_ticket_view (f->window));
}

static char *
composer_text (Fixture *f)
{
  return fl_composer_get_text (get_composer (f));
}

static GtkTextView *
find_text_view (GtkWidget *root)
{
  if (GTK_IS_TEXT_VIEW (root))
    return GTK_TEXT_VIEW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *found = find_text_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Types @text at the cursor one character at a time, as a keyboard does. */
static void
type_text (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    gtk_text_buffer_insert_interactive_at_cursor (buffer, p, g_utf8_next_char (p) - p, TRUE);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Answers @dialog as a click on one of its buttons does. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static FlTemplate *
library_template (Fixture    *f,
                  const char *key,
                  FlTicket   *ticket)
{
  FlStore *store = fl_context_get_store (f->context);
  g_autoptr(GPtrArray) library = fl_store_list_templates (store, NULL);
  g_autoptr(FlCustomer) customer = fl_store_load_customer (store, fl_ticket_get_customer_id (ticket), NULL);
  FlTemplate *t;

  g_assert_nonnull (library);
  t = fl_template_library_choose (library, key, customer ? fl_customer_get_language (customer) : NULL, NULL);
  g_assert_nonnull (t);
  return g_object_ref (t);
}

static void
on_sent_cb (FlComposer    *composer,
            FlOutboxItem  *item,
            const char    *error_message,
            FlOutboxItem **out)
{
  g_assert_null (error_message);
  g_set_object (out, item);
}

static void
test_insert_by_colons (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(FlTicket) ticket = open_ticket (f, 0);
  FlComposer *composer = get_composer (f);
  FlTemplateAssist *assist = fl_composer_get_templates (composer);
  FlTemplatePopover *popover = fl_template_assist_get_popover (assist);
  GtkTextView *view = find_text_view (GTK_WIDGET (composer));
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (find_type (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY));
  g_autoptr(FlTemplate) wismo = library_template (f, "wismo", ticket);
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(FlTemplateResult) expected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;

  g_assert_nonnull (view);
  g_assert_nonnull (entry);
  fl_composer_set_text (composer, "");
  gtk_widget_grab_focus (GTK_WIDGET (view));

  /* One colon is just a colon, at the start of the text too. */
  type_text (view, ":");
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  fl_composer_set_text (composer, "");
  type_text (view, "Note: ");
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* Two open the popover; the agent searches by a word of the name,
   * in any case, and the matches narrow. */
  type_text (view, "::");
  WAIT_FOR (gtk_widget_get_visible (GTK_WIDGET (popover)), "the popover to open");
  g_assert_cmpuint (fl_template_popover_get_n_matches (popover), >=, 15);
  gtk_editable_set_text (GTK_EDITABLE (entry), "WISMO");
  WAIT_FOR (fl_template_popover_get_n_matches (popover) == 1, "one match for the shortcut");
  /* The popover is a surface of its own. */
  save_screenshot (GTK_WIDGET (popover), "template-popover");

  /* Esc leaves the text as it was. */
  g_signal_emit_by_name (entry, "stop-search");
  WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (popover)), "the popover to close");
  text = composer_text (f);
  g_assert_cmpstr (text, ==, "Note: ::");
  g_clear_pointer (&text, g_free);

  /* Enter inserts the response, filled in for the ticket, in place of
   * the colons. */
  fl_composer_set_text (composer, "");
  type_text (view, "::");
  WAIT_FOR (gtk_widget_get_visible (GTK_WIDGET (popover)), "the popover to open again");
  gtk_editable_set_text (GTK_EDITABLE (entry), "wismo");
  WAIT_FOR (fl_template_popover_get_n_matches (popover) == 1, "the match again");
  g_signal_emit_by_name (entry, "activate");
  WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (popover)), "the popover to close after Enter");

  {
    g_autoptr(FlCustomer) customer = fl_store_load_customer (fl_context_get_store (f->context),
                                                            fl_ticket_get_customer_id (ticket), NULL);
    FlAccount *account = fl_context_find_account (f->context, fl_ticket_get_account_id (ticket));

    values = fl_template_values_new (ticket, customer, NULL, account, g_get_real_time () / G_USEC_PER_SEC);
  }
  text = composer_text (f);
  g_assert_null (strstr (text, "::"));
  g_assert_null (strstr (text, "{{customer.first_name"));
  g_assert_null (strstr (text, "{{account.name"));
  g_assert_null (strstr (text, "{{agent.first_name"));
  expected = fl_template_expand (fl_template_get_body (wismo), values);
  /* Everything up to the agent's name is what the engine makes. */
  before = g_strndup (expected->text, strstr (expected->text, "\n\n") - expected->text);
  g_assert_true (g_str_has_prefix (text, before));
  save_screenshot (GTK_WIDGET (f->window), "template-inserted");

  /* Ctrl+Shift+T opens it too, at the cursor, without colons. */
  fl_template_assist_open (assist);
  WAIT_FOR (gtk_widget_get_visible (GTK_WIDGET (popover)), "the popover by shortcut");
  gtk_popover_popdown (GTK_POPOVER (popover));
  WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (popover)), "the popover to close by shortcut");
  g_clear_pointer (&before, g_free);
  before = composer_text (f);
  g_assert_cmpstr (before, ==, text);
}

static gboolean
buffer_has_gap_tag (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "template-gap");
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    if (gtk_text_iter_has_tag (&iter, tag))
      return TRUE;
  while (gtk_text_iter_forward_char (&iter));
  return FALSE;
}

static void
test_unfilled_warning (Fixture       *f,
                       gconstpointer  data)
{
  FlComposer *composer = get_composer (f);
  GtkTextView *view = find_text_view (GTK_WIDGET (composer));
  g_autoptr(FlOutboxItem) sent = NULL;
  AdwMessageDialog *dialog;
  const char *draft = "Dear {{customer.nickname}}, your order {{customer.field.order_number}} is on its way.";

  g_object_unref (open_ticket (f, 0));
  g_signal_connect (composer, "sent", G_CALLBACK (on_sent_cb), &sent);

  /* Unfilled placeholders are marked in the text. */
  fl_composer_set_text (composer, draft);
  WAIT_FOR (buffer_has_gap_tag (view), "the placeholders to be marked");

  /* Sending asks first; Keep Editing sends nothing and keeps the text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "composer.send", "s", ""));
  WAIT_FOR ((dialog = find_dialog ()) != NULL, "the warning");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Send With Unfilled Placeholders?"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "{{customer.nickname}}"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "{{customer.field.order_number}}"));
  save_screenshot (GTK_WIDGET (dialog), "template-unfilled-warning");
  respond (dialog, "cancel");
  WAIT_FOR (find_dialog () == NULL, "the warning to close");
  settle ();
  g_assert_null (sent);
  g_assert_cmpstr (({ g_autofree char *t = composer_text (f); g_str_equal (t, draft) ? draft : t; }), ==, draft);

  /* Once the agent fills them in, it sends without asking. */
  fl_composer_set_text (composer, "Dear Ayla, your order LH-1 is on its way.");
  WAIT_FOR (!buffer_has_gap_tag (view), "the marks to go");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "composer.send", "s", ""));
  WAIT_FOR (sent != NULL, "the reply to be queued");
  g_assert_null (find_dialog ());
  g_clear_object (&sent);

  /* Send Anyway sends it as it is. */
  fl_composer_set_text (composer, draft);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "composer.send", "s", ""));
  WAIT_FOR ((dialog = find_dialog ()) != NULL, "the warning again");
  respond (dialog, "send");
  WAIT_FOR (sent != NULL, "the reply sent anyway");
  g_assert_cmpstr (fl_outbox_item_get_text (sent), ==, draft);

  /* A note never reaches the customer: nothing to ask. */
  g_clear_object (&sent);
  fl_composer_set_note (composer, TRUE);
  fl_composer_set_text (composer, draft);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "composer.send", "s", ""));
  WAIT_FOR (sent != NULL, "the note to be queued");
  g_assert_null (find_dialog ());
}

static void
test_macro (Fixture       *f,
            gconstpointer  data)
{
  FlStore *store = fl_context_get_store (f->context);
  FlComposer *composer = get_composer (f);
  FlTemplateAssist *assist = fl_composer_get_templates (composer);
  GtkWidget *bar = fl_template_assist_get_macro_bar (assist);
  g_autoptr(FlOutboxItem) sent = NULL;
  g_autoptr(FlTemplate) macro = NULL;
  g_autoptr(FlTemplateActions) actions = NULL;
  AdwMessageDialog *dialog;
  g_autoptr(FlTicket) ticket = NULL;
  gint64 ticket_id;
  guint n_messages;

  /* A ticket the macro changes: not pending, not high priority. */
  for (guint i = 0; i < 20; i++)
    {
      g_clear_object (&ticket);
      ticket = open_ticket (f, i);
      if (fl_ticket_get_status (ticket) != FL_STATUS_PENDING &&
          fl_ticket_get_priority (ticket) < FL_PRIORITY_HIGH)
        break;
    }
  g_assert_cmpint (fl_ticket_get_status (ticket), !=, FL_STATUS_PENDING);
  ticket_id = fl_ticket_get_id (ticket);
  n_messages = g_list_model_get_n_items (fl_ticket_view_get_messages (fl_window_get_ticket_view (f->window)));
  g_signal_connect (composer, "sent", G_CALLBACK (on_sent_cb), &sent);

  /* The 2FA response sets Pending and High and adds a note. */
  macro = library_template (f, "2fa-verify", ticket);
  actions = fl_template_actions_parse (fl_template_get_actions (macro));
  g_assert_nonnull (actions);
  g_assert_cmpint (actions->status, ==, FL_STATUS_PENDING);
  g_assert_cmpint (actions->priority, ==, FL_PRIORITY_HIGH);
  g_assert_nonnull (actions->note);

  fl_composer_set_text (composer, "");
  g_assert_false (gtk_widget_get_visible (bar));
  fl_template_assist_insert (assist, macro);
  WAIT_FOR (gtk_widget_get_visible (bar), "the macro bar");
  save_screenshot (GTK_WIDGET (f->window), "template-macro-bar");

  /* Sending shows what will change, and nothing changes before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "composer.send", "s", ""));
  WAIT_FOR ((dialog = find_dialog ()) != NULL, "the macro confirmation");
  {
    g_autofree char *status_line = g_strdup (fl_status_get_label (FL_STATUS_PENDING));
    g_autofree char *priority_line = g_strdup (fl_priority_get_label (FL_PRIORITY_HIGH));

    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), status_line));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), priority_line));
  }
  save_screenshot (GTK_WIDGET (dialog), "template-macro-confirm");
  {
    g_autoptr(FlTicket) t = fl_store_load_ticket (store, ticket_id, NULL);

    g_assert_cmpint (fl_ticket_get_priority (t), !=, FL_PRIORITY_HIGH);
  }
  respond (dialog, "send");
  WAIT_FOR (sent != NULL, "the reply to be queued");
  g_assert_false (gtk_widget_get_visible (bar));

  /* Undo takes the reply back, and the macro's changes with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-send", NULL));
  WAIT_FOR (gtk_widget_get_visible (bar), "the macro to be pending again");
  WAIT_FOR (({ g_autofree char *t = composer_text (f); strlen (t) > 40; }), "the text back");
  WAIT_FOR (({ g_autoptr(GPtrArray) items = fl_store_outbox_list (store, FALSE, NULL);
               guint discarded = 0;
               for (guint i = 0; items && i < items->len; i++)
                 if (fl_outbox_item_get_ticket_id (items->pdata[i]) == ticket_id &&
                     fl_outbox_item_get_state (items->pdata[i]) == FL_OUTBOX_DISCARDED)
                   discarded |= 1 << fl_outbox_item_get_kind (items->pdata[i]);
               discarded == (1u << FL_OUTBOX_REPLY | 1u << FL_OUTBOX_SET_PRIORITY | 1u << FL_OUTBOX_NOTE); }),
            "the reply (with its status), the priority and the note discarded");
  g_clear_object (&sent);

  /* Sent again and confirmed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "composer.send", "s", ""));
  WAIT_FOR ((dialog = find_dialog ()) != NULL, "the macro confirmation again");
  respond (dialog, "send");

  /* The reply, the status, the priority and the note all go through the
   * outbox, and the store follows. */
  WAIT_FOR (sent != NULL, "the reply to be queued");
  g_assert_cmpstr (fl_outbox_item_get_then_status (sent), ==, "pending");
  g_assert_false (gtk_widget_get_visible (bar));
  WAIT_FOR (({ g_autoptr(FlTicket) t = fl_store_load_ticket (store, ticket_id, NULL);
               t && fl_ticket_get_status (t) == FL_STATUS_PENDING &&
               fl_ticket_get_priority (t) == FL_PRIORITY_HIGH; }), "the ticket to change");
  WAIT_FOR (({ g_autoptr(GPtrArray) ms = fl_store_load_messages (store, ticket_id, NULL);
               gboolean found = FALSE;
               for (guint i = n_messages; ms && i < ms->len; i++)
                 if (fl_message_get_kind (ms->pdata[i]) == FL_MESSAGE_NOTE &&
                     strstr (fl_message_get_text (ms->pdata[i]), "{{") == NULL &&
                     strstr (fl_message_get_text (ms->pdata[i]), "@") != NULL)
                   found = TRUE;
               found; }), "the macro's note, filled in");
}

static void
test_suggestion_chips (Fixture       *f,
                       gconstpointer  data)
{
  FlComposer *composer = get_composer (f);
  FlTemplateChips *chips = NULL;
  GtkButton *chip;

  /* Some ticket among the first ones has a suggestion for its last
   * customer message. */
  for (guint i = 0; i < 10; i++)
    {
      g_object_unref (open_ticket (f, i));
      chips = FL_TEMPLATE_CHIPS (fl_template_assist_get_chips (fl_composer_get_templates (composer)));
      for (guint j = 0; j < 200 && fl_template_chips_get_n_chips (chips) == 0; j++)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (1000);
        }
      if (fl_template_chips_get_n_chips (chips) > 0)
        break;
    }
  g_assert_cmpuint (fl_template_chips_get_n_chips (chips), >=, 1);
  g_assert_cmpuint (fl_template_chips_get_n_chips (chips), <=, 3);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chips)));
  save_screenshot (GTK_WIDGET (f->window), "template-chips");

  /* One click inserts it. */
  fl_composer_set_text (composer, "");
  chip = fl_template_chips_get_chip (chips, 0);
  g_signal_emit_by_name (chip, "clicked");
  WAIT_FOR (({ g_autofree char *t = composer_text (f); strlen (t) > 40; }), "the chip's text");
}

static void
test_editor (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(FlTicket) ticket = open_ticket (f, 0);
  FlStore *store = fl_context_get_store (f->context);
  FlTemplateAssist *assist = fl_composer_get_templates (get_composer (f));
  FlTemplatePopover *popover = fl_template_assist_get_popover (assist);
  GtkWindow *window = fl_template_assist_open_editor (assist);
  FlTemplateEditor *editor = FL_TEMPLATE_EDITOR (window);
  GtkEntry *name_entry = GTK_ENTRY (find_type (GTK_WIDGET (editor), GTK_TYPE_ENTRY));
  GtkTextView *body = find_text_view (GTK_WIDGET (editor));
  g_autoptr(GPtrArray) library = fl_store_list_templates (store, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *path = g_build_filename (f->dir, "export.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint n = library->len;
  gboolean found = FALSE;

  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (editor)), "the editor");
  g_assert_cmpuint (fl_template_editor_get_n_items (editor), ==, n);
  g_assert_nonnull (name_entry);
  g_assert_nonnull (body);

  /* The preview is filled in for the open ticket as the text changes. */
  fl_template_editor_new_template (editor);
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "Warranty answer");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (body),
                            "Hi {{customer.first_name | \"there\"}}, about “{{ticket.subject}}”: {{customer.nickname}}", -1);
  g_assert_nonnull (strstr (fl_template_editor_get_preview (editor), fl_ticket_get_subject (ticket)));
  g_assert_null (strstr (fl_template_editor_get_preview (editor), "{{customer.first_name"));
  g_assert_nonnull (strstr (fl_template_editor_get_preview (editor), "{{customer.nickname}}"));
  save_screenshot (GTK_WIDGET (editor), "template-editor");

  /* Saved, it is in the store and the composer's search. */
  g_assert_true (fl_template_editor_save (editor));
  after = fl_store_list_templates (store, NULL);
  g_assert_cmpuint (after->len, ==, n + 1);
  for (guint i = 0; i < after->len; i++)
    if (g_strcmp0 (fl_template_get_key (after->pdata[i]), "warranty-answer") == 0)
      found = TRUE;
  g_assert_true (found);
  fl_template_assist_open (assist);
  WAIT_FOR (gtk_widget_get_visible (GTK_WIDGET (popover)), "the popover");
  fl_template_popover_set_query (popover, "warranty answer");
  g_assert_cmpuint (fl_template_popover_get_n_matches (popover), ==, 1);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* Export and import again: the same library, nothing doubled. */
  g_assert_true (fl_template_editor_export_file (editor, file, &error));
  g_assert_no_error (error);
  g_assert_true (fl_template_editor_import_file (editor, file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = fl_store_list_templates (store, NULL);
  g_assert_cmpuint (after->len, ==, n + 1);

  gtk_window_destroy (window);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/templates/insert-by-colons", Fixture, NULL, fixture_setup, test_insert_by_colons,
              fixture_teardown);
  g_test_add ("/templates/unfilled-warning", Fixture, NULL, fixture_setup, test_unfilled_warning,
              fixture_teardown);
  g_test_add ("/templates/macro", Fixture, NULL, fixture_setup, test_macro, fixture_teardown);
  g_test_add ("/templates/editor", Fixture, NULL, fixture_setup, test_editor, fixture_teardown);
  g_test_add ("/templates/suggestion-chips", Fixture, NULL, fixture_setup, test_suggestion_chips,
              fixture_teardown);

  return g_test_run ();
}
