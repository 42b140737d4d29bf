/* test-window.c: the main window on the demo workspace, in a real X
 * window under Xvfb. Run once per UI language (LANGUAGE=en, tr, fa).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "../fl-test-dir.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <unistd.h>

#include <sqlite3.h>
#include <string.h>

#include "fl-attachment-chip.h"
#include "fl-composer.h"
#include "fl-context.h"
#include "fl-mention-popover.h"
#include "fl-format.h"
#include "fl-screenshot.h"
#include "fl-test-ui.h"
#include "fl-window-private.h"
#include "ui-window-fixture.h"

static void
test_three_panes (Fixture       *f,
                  gconstpointer  data)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  FlSidebar *sidebar = fl_window_get_sidebar (f->window);
  FlStore *store = fl_context_get_store (f->context);
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first_id;

  g_assert_cmpstr (fl_window_get_page (f->window), ==, "workspace");

  /* The list is the inbox, exactly as the store counts it. */
  WAIT_FOR (!fl_ticket_list_model_get_loading (fl_ticket_list_get_model (list)), "the query");
  g_assert_cmpuint (fl_ticket_list_get_n_items (list), ==, store_count (f, FL_VIEW_INBOX));
  g_assert_cmpuint (store_count (f, FL_VIEW_ALL), >=, 300);

  /* The sidebar's live counts agree with the store. */
  WAIT_FOR (fl_sidebar_get_count (sidebar, "inbox") == store_count (f, FL_VIEW_INBOX),
            "the inbox count");
  g_assert_cmpuint (fl_sidebar_get_count (sidebar, "solved"), ==, store_count (f, FL_VIEW_SOLVED));
  g_assert_cmpuint (fl_sidebar_get_count (sidebar, "mine"), ==, store_count (f, FL_VIEW_ASSIGNED_TO_ME));
  g_assert_cmpuint (fl_sidebar_get_count (sidebar, "mine"), >, 0);

  /* Selecting a ticket shows its whole conversation. */
  fl_ticket_list_select (list, 0);
  first_id = fl_ticket_list_get_selected (list);
  g_assert_cmpint (first_id, !=, 0);
  messages = fl_store_load_messages (store, first_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, >, 0);
  WAIT_FOR (fl_ticket_view_get_ticket (view) != NULL &&
            fl_ticket_get_id (fl_ticket_view_get_ticket (view)) == first_id &&
            g_list_model_get_n_items (fl_ticket_view_get_messages (view)) == messages->len,
            "the conversation");

  /* Reading it marks it read in the store. */
  WAIT_FOR (({ g_autoptr(FlTicket) t = fl_store_load_ticket (store, first_id, NULL);
               t && !fl_ticket_get_unread (t); }), "the ticket to be read");
}

static void
test_switch_view_and_search (Fixture       *f,
                             gconstpointer  data)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  FlSidebar *sidebar = fl_window_get_sidebar (f->window);
  GtkSearchEntry *entry = fl_window_get_search_entry (f->window);
  guint solved = store_count (f, FL_VIEW_SOLVED);
  g_autoptr(FlQuery) turkish = fl_query_new (FL_VIEW_ALL);
  g_autoptr(FlQuery) persian = fl_query_new (FL_VIEW_ALL);
  guint n_turkish, n_persian;

  g_assert_true (fl_sidebar_select_nick (sidebar, "solved"));
  WAIT_FOR (fl_ticket_list_get_n_items (list) == solved &&
            !fl_ticket_list_model_get_loading (fl_ticket_list_get_model (list)), "the solved view");

  g_assert_true (fl_sidebar_select_nick (sidebar, "all"));
  WAIT_FOR (fl_ticket_list_get_n_items (list) == store_count (f, FL_VIEW_ALL), "all tickets");

  /* Turkish and Persian searches, typed into the real entry. */
  fl_query_set_text (turkish, "sipariş");
  n_turkish = fl_store_count (fl_context_get_store (f->context), turkish, NULL);
  g_assert_cmpuint (n_turkish, >, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "SİPARİŞ");
  WAIT_FOR (fl_ticket_list_get_n_items (list) == n_turkish &&
            !fl_ticket_list_model_get_loading (fl_ticket_list_get_model (list)), "the Turkish search");

  fl_query_set_text (persian, "سفارش");
  n_persian = fl_store_count (fl_context_get_store (f->context), persian, NULL);
  g_assert_cmpuint (n_persian, >, 0);
  /* Arabic kaf and yeh in the query still find Persian text. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "سفارش");
  WAIT_FOR (fl_ticket_list_get_n_items (list) == n_persian &&
            !fl_ticket_list_model_get_loading (fl_ticket_list_get_model (list)), "the Persian search");

  gtk_editable_set_text (GTK_EDITABLE (entry), "zzqqxx-no-such-word");
  WAIT_FOR (fl_ticket_list_get_n_items (list) == 0 &&
            !fl_ticket_list_model_get_loading (fl_ticket_list_get_model (list)), "an empty search");
}

static void
test_direction_and_screenshot (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gboolean rtl = g_str_has_prefix (ui_language (), "fa");
  GtkTextDirection expected = rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
  FlTicketView *view = fl_window_get_ticket_view (f->window);

  /* The whole window mirrors in a right-to-left language. */
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (f->window)), ==, expected);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (fl_window_get_sidebar (f->window))), ==, expected);

  /* In Persian the views are named in Persian. */
  if (rtl)
    g_assert_cmpstr (fl_view_get_label (FL_VIEW_INBOX), !=, "Inbox");

  fl_ticket_list_select (fl_window_get_ticket_list (f->window), 0);
  WAIT_FOR (fl_ticket_view_get_ticket (view) != NULL &&
            g_list_model_get_n_items (fl_ticket_view_get_messages (view)) > 0, "the conversation");

  /* Keep the picture as a test artifact, and check it is the window. */
  path = save_screenshot_path (f, "window");
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 1200);
  g_assert_cmpint (gdk_texture_get_height (texture), >=, 700);
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

/* The state the store holds for @item, or -1 if it holds none. */
static int
outbox_state (Fixture      *f,
              FlOutboxItem *item)
{
  g_autoptr(GPtrArray) items = fl_store_outbox_list (fl_context_get_store (f->context), FALSE, NULL);

  for (guint i = 0; items && i < items->len; i++)
    if (fl_outbox_item_get_id (items->pdata[i]) == fl_outbox_item_get_id (item))
      return fl_outbox_item_get_state (items->pdata[i]);
  return -1;
}

static void
test_compose (Fixture       *f,
              gconstpointer  data)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  FlComposer *composer = fl_ticket_view_get_composer (view);
  g_autoptr(FlOutboxItem) sent = NULL;
  const char *reply = "Thanks, we are on it. <b>Not markup</b> & co.";
  GListModel *messages = fl_ticket_view_get_messages (view);
  gint64 first_id, second_id;
  guint n_messages;
  FlMessage *last;

  g_signal_connect (composer, "sent", G_CALLBACK (on_sent_cb), &sent);

  WAIT_FOR (fl_ticket_list_get_n_items (list) > 1, "two tickets");
  fl_ticket_list_select (list, 0);
  first_id = fl_ticket_list_get_selected (list);
  wait_for_conversation (f, first_id);
  n_messages = g_list_model_get_n_items (messages);

  /* Blank text is nothing to send. */
  fl_composer_set_text (composer, "  \n ");
  g_assert_false (fl_composer_send (composer, NULL));

  /* Sending empties the editor; Undo gives the text back and the outbox
   * item is given up before it ever reaches the backend. */
  fl_composer_set_text (composer, reply);
  g_assert_true (fl_composer_send (composer, NULL));
  g_assert_cmpstr (({ g_autofree char *t = fl_composer_get_text (composer); t[0] ? "text" : ""; }), ==, "");
  WAIT_FOR (sent != NULL, "the reply to be queued");
  g_assert_cmpint (fl_outbox_item_get_kind (sent), ==, FL_OUTBOX_REPLY);
  g_assert_cmpint (fl_outbox_item_get_ticket_id (sent), ==, first_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-send", NULL));
  WAIT_FOR (({ g_autofree char *t = fl_composer_get_text (composer); g_str_equal (t, reply); }),
            "the undone reply to come back");
  g_assert_true (outbox_state (f, sent) == FL_OUTBOX_DISCARDED);

  /* What is written on one ticket stays with it while the agent looks
   * at another. */
  fl_ticket_list_select (list, 1);
  second_id = fl_ticket_list_get_selected (list);
  g_assert_cmpint (second_id, !=, first_id);
  WAIT_FOR (fl_ticket_view_get_ticket (view) != NULL &&
            fl_ticket_get_id (fl_ticket_view_get_ticket (view)) == second_id, "the second ticket");
  WAIT_FOR (({ g_autofree char *t = fl_composer_get_text (composer); t[0] == '\0'; }),
            "an empty editor on the second ticket");
  fl_ticket_list_select (list, 0);
  WAIT_FOR (({ g_autofree char *t = fl_composer_get_text (composer); g_str_equal (t, reply); }),
            "the draft to come back");

  /* A note is sent after the undo delay and shows in the conversation. */
  g_clear_object (&sent);
  WAIT_FOR (g_list_model_get_n_items (messages) == n_messages, "the conversation again");
  fl_composer_set_note (composer, TRUE);
  g_assert_true (fl_composer_send (composer, NULL));
  WAIT_FOR (sent != NULL, "the note to be queued");
  g_assert_cmpint (fl_outbox_item_get_kind (sent), ==, FL_OUTBOX_NOTE);
  WAIT_FOR (outbox_state (f, sent) == FL_OUTBOX_SENT, "the note to be sent");

  /* Too late now: Undo must not pretend to take it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-send", NULL));
  WAIT_FOR (g_list_model_get_n_items (messages) == n_messages + 1, "the note in the conversation");
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (outbox_state (f, sent) == FL_OUTBOX_SENT);
  g_assert_cmpstr (({ g_autofree char *t = fl_composer_get_text (composer); t[0] ? "text" : ""; }), ==, "");

  last = g_list_model_get_item (messages, n_messages);
  g_assert_cmpint (fl_message_get_kind (last), ==, FL_MESSAGE_NOTE);
  g_assert_cmpstr (fl_message_get_text (last), ==, reply);
  g_object_unref (last);
}

/* A mapped label below @root whose text contains @text. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The list view that shows @data items. */
static gboolean
is_list_of (GtkWidget     *widget,
            gconstpointer  data)
{
  GtkSelectionModel *model = GTK_IS_LIST_VIEW (widget) ? gtk_list_view_get_model (GTK_LIST_VIEW (widget)) : NULL;

  return model != NULL && g_list_model_get_n_items (G_LIST_MODEL (model)) == GPOINTER_TO_UINT (data);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* A mapped attachment chip below @root for a file called @name. */
static FlAttachmentChip *
find_chip (GtkWidget  *root,
           const char *name)
{
  if (FL_IS_ATTACHMENT_CHIP (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (fl_attachment_get_name (fl_attachment_chip_get_attachment (FL_ATTACHMENT_CHIP (root))), name) == 0)
    return FL_ATTACHMENT_CHIP (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      FlAttachmentChip *found = find_chip (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
n_attachments (FlComposer *composer)
{
  g_auto(GStrv) paths = fl_composer_get_attachments (composer);

  return g_strv_length (paths);
}

static void
test_draft_survives_restart (Fixture       *f,
                             gconstpointer  data)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  FlComposer *composer = fl_ticket_view_get_composer (fl_window_get_ticket_view (f->window));
  const char *draft = "Merhaba, iade kodunuz: RMA-2231. سلام";
  g_auto(GStrv) attached = NULL;
  gint64 ticket_id;

  fl_ticket_list_select (list, 2);
  ticket_id = fl_ticket_list_get_selected (list);
  wait_for_conversation (f, ticket_id);

  /* Typing is saved on its own, without sending or switching. */
  fl_composer_set_note (composer, TRUE);
  fl_composer_set_text (composer, draft);
  WAIT_FOR (({ g_autofree char *t = fl_store_load_draft (fl_context_get_store (f->context), ticket_id, NULL, NULL);
               g_strcmp0 (t, draft) == 0; }), "the draft to reach the disk");

  /* And a file attached to it. */
  {
    g_autofree char *src = g_build_filename (f->dir, "İade formu.txt", NULL);
    GSList one = { NULL, NULL };

    g_assert_true (g_file_set_contents (src, "RMA-2231", -1, NULL));
    one.data = g_file_new_for_path (src);
    fl_composer_add_files (composer, &one);
    g_clear_object (&one.data);
    WAIT_FOR (n_attachments (composer) == 1, "the file in the composer");
    attached = fl_composer_get_attachments (composer);
    WAIT_FOR (({ g_auto(GStrv) p = fl_store_load_draft_attachments (fl_context_get_store (f->context), ticket_id, NULL);
                 p != NULL && g_strv_equal ((const char * const *) p, (const char * const *) attached); }),
              "the draft's file to reach the disk");
  }

  /* The app goes away and comes back on the same data. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->context);

  open_context (f);
  open_window (f);
  list = fl_window_get_ticket_list (f->window);
  composer = fl_ticket_view_get_composer (fl_window_get_ticket_view (f->window));
  WAIT_FOR (fl_ticket_list_get_n_items (list) > 2, "the inbox again");

  fl_ticket_list_select (list, 2);
  g_assert_cmpint (fl_ticket_list_get_selected (list), ==, ticket_id);
  WAIT_FOR (({ g_autofree char *t = fl_composer_get_text (composer); g_str_equal (t, draft); }),
            "the draft in the composer");
  g_assert_true (fl_composer_get_note (composer));
  WAIT_FOR (n_attachments (composer) == 1, "the draft's file in the composer");
  {
    g_auto(GStrv) again = fl_composer_get_attachments (composer);

    g_assert_cmpstr (again[0], ==, attached[0]);
    WAIT_FOR (find_label (GTK_WIDGET (composer), "İade formu.txt") != NULL, "the chip to show");
  }
}

static void
test_attachments (Fixture       *f,
                  gconstpointer  data)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  FlComposer *composer = fl_ticket_view_get_composer (view);
  GListModel *messages = fl_ticket_view_get_messages (view);
  g_autoptr(FlOutboxItem) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *src = g_build_filename (f->dir, "source", NULL);
  g_autofree char *png = g_build_filename (src, "Fatura Şubat.png", NULL);
  g_autofree char *big = g_build_filename (src, "huge.iso", NULL);
  g_autofree char *outgoing = g_build_filename (f->dir, "outgoing", NULL);
  g_autofree char *downloads = g_build_filename (g_get_home_dir (), "İndirilenler", NULL);
  g_autofree char *first_copy = g_build_filename (downloads, "Fatura Şubat.png", NULL);
  g_autofree char *second_copy = g_build_filename (downloads, "Fatura Şubat (2).png", NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PATH "/demo/files/sample.png", 0, &error);
  g_auto(GStrv) attached = NULL;
  g_autoptr(FlMessage) last = NULL;
  g_autoptr(FlAttachment) attachment = NULL;
  g_autofree char *a = NULL, *b = NULL;
  gsize len_a, len_b;
  const char *reply = "Faturanız ekte.";
  FlAttachmentChip *chip;
  GSList one = { NULL, NULL };
  guint n_messages;
  gint64 ticket_id;
  FILE *fp;

  g_assert_no_error (error);
  g_signal_connect (composer, "sent", G_CALLBACK (on_sent_cb), &sent);
  g_assert_cmpint (g_mkdir_with_parents (src, 0700), ==, 0);
  g_assert_true (g_file_set_contents (png, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  fl_ticket_list_select (list, 0);
  ticket_id = fl_ticket_list_get_selected (list);
  wait_for_conversation (f, ticket_id);
  n_messages = g_list_model_get_n_items (messages);

  /* The chooser, a drop and a paste all come here: the file is copied at
   * once into the profile and shown as a chip. */
  one.data = g_file_new_for_path (png);
  fl_composer_add_files (composer, &one);
  g_clear_object (&one.data);
  WAIT_FOR (n_attachments (composer) == 1, "the file in the composer");
  attached = fl_composer_get_attachments (composer);
  g_assert_true (g_str_has_prefix (attached[0], outgoing));
  g_assert_true (g_file_get_contents (attached[0], &a, &len_a, NULL));
  g_assert_cmpmem (a, len_a, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_clear_pointer (&a, g_free);
  WAIT_FOR (find_label (GTK_WIDGET (composer), "Fatura Şubat.png") != NULL, "the chip to show");

  /* The original may go now: the copy is what is sent. */
  g_assert_cmpint (g_unlink (png), ==, 0);

  /* A file over the demo's 25 MB is refused, with a message that says
   * so in the composer, and what was attached stays. */
  fp = fopen (big, "wb");
  g_assert_nonnull (fp);
  g_assert_cmpint (fseek (fp, 26 * 1000 * 1000, SEEK_SET), ==, 0);
  fputc ('x', fp);
  fclose (fp);
  one.data = g_file_new_for_path (big);
  fl_composer_add_files (composer, &one);
  g_clear_object (&one.data);
  WAIT_FOR (fl_composer_get_attach_error (composer) != NULL, "the size message");
  g_assert_nonnull (strstr (fl_composer_get_attach_error (composer), "huge.iso"));
  WAIT_FOR (find_label (GTK_WIDGET (composer), "huge.iso") != NULL, "the size message to show");
  g_assert_cmpuint (n_attachments (composer), ==, 1);
  save_screenshot (f, "composer-attachments");

  /* Undo gives the file back with the text. */
  fl_composer_set_text (composer, reply);
  g_assert_true (fl_composer_send (composer, NULL));
  g_assert_cmpuint (n_attachments (composer), ==, 0);
  g_assert_null (fl_composer_get_attach_error (composer));
  WAIT_FOR (sent != NULL, "the reply to be queued");
  g_assert_cmpuint (g_strv_length ((char **) fl_outbox_item_get_attachments (sent)), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-send", NULL));
  WAIT_FOR (n_attachments (composer) == 1, "the undone file to come back");
  WAIT_FOR (({ g_autofree char *t = fl_composer_get_text (composer); g_str_equal (t, reply); }),
            "the undone text to come back");
  g_assert_true (outbox_state (f, sent) == FL_OUTBOX_DISCARDED);
  g_assert_true (g_file_test (attached[0], G_FILE_TEST_IS_REGULAR));

  /* Sent for real: the reply shows in the conversation with its file. */
  g_clear_object (&sent);
  g_assert_true (fl_composer_send (composer, NULL));
  WAIT_FOR (sent != NULL, "the reply to be queued again");
  WAIT_FOR (outbox_state (f, sent) == FL_OUTBOX_SENT, "the reply to be sent");
  WAIT_FOR (g_list_model_get_n_items (messages) == n_messages + 1, "the reply in the conversation");
  last = g_list_model_get_item (messages, n_messages);
  g_assert_cmpstr (fl_message_get_text (last), ==, reply);
  g_assert_cmpuint (g_list_model_get_n_items (fl_message_get_attachments (last)), ==, 1);
  attachment = g_list_model_get_item (fl_message_get_attachments (last), 0);
  g_assert_cmpstr (fl_attachment_get_name (attachment), ==, "Fatura Şubat.png");
  g_assert_cmpint (fl_attachment_get_size (attachment), ==, g_bytes_get_size (bytes));
  /* The outgoing copy went with it. */
  g_assert_false (g_file_test (attached[0], G_FILE_TEST_EXISTS));

  WAIT_FOR ((chip = find_chip (GTK_WIDGET (view), "Fatura Şubat.png")) != NULL, "the chip in the conversation");
  save_screenshot (f, "conversation-attachments");

  /* Screen readers hear the name and the size. */
  {
    g_autofree char *size = fl_format_size (g_bytes_get_size (bytes));
    g_autofree char *label = g_strdup_printf (_("%s, %s"), "Fatura Şubat.png", size);
    g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (chip))),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, label);

    g_assert_null (mismatch);
  }

  /* Saved twice to the Downloads folder the desktop names: two files,
   * the second with a new name, both with the bytes that were sent. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chip), "attachment.save", NULL));
  WAIT_FOR (g_file_test (first_copy, G_FILE_TEST_IS_REGULAR), "the first copy");
  /* The conversation may have been shown again from the store meanwhile
   * (the sent reply's state came in), with new chips: the old pointer
   * would be to a finalized one. */
  WAIT_FOR ((chip = find_chip (GTK_WIDGET (view), "Fatura Şubat.png")) != NULL, "the chip in the conversation");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chip), "attachment.save", NULL));
  WAIT_FOR (g_file_test (second_copy, G_FILE_TEST_IS_REGULAR), "the second copy");
  g_assert_true (g_file_get_contents (first_copy, &a, &len_a, NULL));
  g_assert_true (g_file_get_contents (second_copy, &b, &len_b, NULL));
  g_assert_cmpmem (a, len_a, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpmem (b, len_b, a, len_a);

  g_unlink (first_copy);
  g_unlink (second_copy);
  g_unlink (big);
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

static void
test_paste_attachments (Fixture       *f,
                        gconstpointer  data)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  FlComposer *composer = fl_ticket_view_get_composer (fl_window_get_ticket_view (f->window));
  GtkWidget *text_view = find_type (GTK_WIDGET (composer), GTK_TYPE_TEXT_VIEW);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (text_view);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PATH "/demo/files/sample.png", 0, &error);
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (bytes, &error);
  g_autofree char *src = g_build_filename (f->dir, "Kargo etiketi.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (src);
  g_auto(GStrv) attached = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *pasted_text = NULL;
  g_autoptr(GdkTexture) back = NULL;
  GSList one = { file, NULL };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (src, "%PDF-1.4 label", -1, NULL));
  fl_ticket_list_select (list, 1);
  wait_for_conversation (f, fl_ticket_list_get_selected (list));

  /* An image on the clipboard becomes a PNG file, not text. */
  gdk_clipboard_set_texture (clipboard, texture);
  g_signal_emit_by_name (text_view, "paste-clipboard");
  WAIT_FOR (n_attachments (composer) == 1, "the pasted image");
  attached = fl_composer_get_attachments (composer);
  g_assert_true (g_str_has_suffix (attached[0], "/pasted-image.png") ||
                 g_str_has_suffix (attached[0], _("pasted-image.png")));
  back = gdk_texture_new_from_filename (attached[0], &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (back), ==, gdk_texture_get_width (texture));
  g_assert_cmpint (gdk_texture_get_height (back), ==, gdk_texture_get_height (texture));

  /* Copied files are attached, as copies. */
  gdk_clipboard_set (clipboard, GDK_TYPE_FILE_LIST, &one);
  g_signal_emit_by_name (text_view, "paste-clipboard");
  WAIT_FOR (n_attachments (composer) == 2, "the pasted file");
  g_strfreev (attached);
  attached = fl_composer_get_attachments (composer);
  g_assert_true (g_str_has_suffix (attached[1], "/Kargo etiketi.pdf"));
  g_assert_cmpstr (attached[1], !=, src);
  g_assert_true (g_file_get_contents (attached[1], &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "%PDF-1.4 label");

  /* Text still pastes as text. */
  gdk_clipboard_set_text (clipboard, "RMA-2231");
  g_signal_emit_by_name (text_view, "paste-clipboard");
  WAIT_FOR (({ g_autofree char *t = fl_composer_get_text (composer); g_str_equal (t, "RMA-2231"); }),
            "the pasted text");
  g_assert_cmpuint (n_attachments (composer), ==, 2);
}

/* Whether a reader outside the app's own connections sees a draft for
 * @ticket_id in the database file. */
static gboolean
outside_reader_sees_draft (const char *dir,
                           gint64      ticket_id)
{
  g_autofree char *path = g_build_filename (dir, "frontline.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT 1 FROM drafts WHERE ticket_id = ?1 AND text != ''", -1,
                          &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, ticket_id);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return found;
}

/* The real thing: the app is killed with SIGKILL while it runs, and the
 * draft is there when it comes back on the same data folder. The app runs
 * in a child process that types and then kills itself as soon as an
 * outside reader (a separate read-only SQLite connection, as another
 * process would have) sees the autosaved row: no clean shutdown, no
 * flush, no save on close. How long the autosave took is reported. */
static void
test_draft_survives_kill (void)
{
  const char *draft = "Siparişiniz yarın kargoda. لطفاً صبر کنید 🙏";
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autoptr(GError) error = NULL;
  FlTicketList *list;
  FlComposer *composer;
  gint64 ticket_id;

  if (g_test_subprocess ())
    {
      GAsyncResult *result = NULL;
      gint64 until, typed_at;

      f->dir = g_strdup (g_getenv ("FL_TEST_KILL_DIR"));
      open_context (f);
      fl_context_add_demo_async (f->context, NULL, done_cb, &result);
      WAIT_FOR (result != NULL, "the demo workspace to sync");
      g_assert_true (fl_context_add_demo_finish (f->context, result, &error));
      g_clear_object (&result);
      open_window (f);

      list = fl_window_get_ticket_list (f->window);
      fl_ticket_list_select (list, 3);
      ticket_id = fl_ticket_list_get_selected (list);
      wait_for_conversation (f, ticket_id);
      composer = fl_ticket_view_get_composer (fl_window_get_ticket_view (f->window));
      fl_composer_set_text (composer, draft);
      {
        g_autofree char *path = g_build_filename (f->dir, "typed-ticket", NULL);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ticket_id);

        g_assert_true (g_file_set_contents (path, id, -1, NULL));
      }

      typed_at = g_get_monotonic_time ();
      until = typed_at + 20 * G_USEC_PER_SEC;
      while (!outside_reader_sees_draft (f->dir, ticket_id))
        {
          g_assert_cmpint (g_get_monotonic_time (), <, until);
          g_main_context_iteration (NULL, FALSE);
          g_usleep (1000);
        }
      g_printerr ("autosave reached the disk %" G_GINT64_FORMAT " ms after typing\n",
                  (g_get_monotonic_time () - typed_at) / 1000);
      kill (getpid (), SIGKILL);
      g_assert_not_reached ();
    }

  f->dir = g_dir_make_tmp ("fl-ui-kill-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("FL_TEST_KILL_DIR", f->dir, TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  {
    g_autofree char *path = g_build_filename (f->dir, "typed-ticket", NULL);
    g_autofree char *id = NULL;

    g_assert_true (g_file_get_contents (path, &id, NULL, &error));
    g_assert_no_error (error);
    ticket_id = g_ascii_strtoll (id, NULL, 10);
    g_unlink (path);
  }
  g_assert_cmpint (ticket_id, >, 0);

  /* Back on the same folder: the draft is in the store and the composer. */
  open_context (f);
  {
    g_autofree char *stored = fl_store_load_draft (fl_context_get_store (f->context), ticket_id, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (stored, ==, draft);
  }
  open_window (f);
  list = fl_window_get_ticket_list (f->window);
  composer = fl_ticket_view_get_composer (fl_window_get_ticket_view (f->window));
  g_assert_true (fl_ticket_list_select_id (list, ticket_id));
  WAIT_FOR (({ g_autofree char *t = fl_composer_get_text (composer); g_str_equal (t, draft); }),
            "the draft in the composer after the kill");

  fixture_teardown (f, NULL);
}

static GtkDropDown *
find_dropdown (GtkWidget  *root,
               const char *id)
{
  /* The header's menus, by their id in the template. */
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found;

      if (GTK_IS_DROP_DOWN (child))
        {
          if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), id) == 0)
            return GTK_DROP_DOWN (child);
        }
      if ((found = find_dropdown (child, id)))
        return found;
    }
  return NULL;
}

static void
test_header_changes (Fixture       *f,
                     gconstpointer  data)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  FlStore *store = fl_context_get_store (f->context);
  GtkDropDown *status = find_dropdown (GTK_WIDGET (view), "status_dropdown");
  GtkDropDown *assignee = find_dropdown (GTK_WIDGET (view), "assignee_dropdown");
  gint64 ticket_id;
  guint n_messages;
  FlStatus before;

  g_assert_nonnull (status);
  g_assert_nonnull (assignee);

  fl_ticket_list_select (list, 0);
  ticket_id = fl_ticket_list_get_selected (list);
  wait_for_conversation (f, ticket_id);
  n_messages = g_list_model_get_n_items (fl_ticket_view_get_messages (view));
  before = fl_ticket_get_status (fl_ticket_view_get_ticket (view));
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, before);
  g_assert_cmpint (before, !=, FL_STATUS_PENDING);

  /* Choosing Pending goes through the outbox to the demo backend, and
   * the store, the header and the conversation all follow. */
  gtk_drop_down_set_selected (status, FL_STATUS_PENDING);
  WAIT_FOR (({ g_autoptr(FlTicket) t = fl_store_load_ticket (store, ticket_id, NULL);
               t && fl_ticket_get_status (t) == FL_STATUS_PENDING; }), "the ticket to be pending");
  WAIT_FOR (g_list_model_get_n_items (fl_ticket_view_get_messages (view)) == n_messages + 1,
            "the status event");
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, FL_STATUS_PENDING);

  /* Assigning to the last agent in the menu. */
  {
    GListModel *names = gtk_drop_down_get_model (assignee);
    guint last = g_list_model_get_n_items (names) - 1;
    g_autofree char *name = NULL;

    g_assert_cmpuint (last, >=, 2);
    if (gtk_drop_down_get_selected (assignee) == last)
      last--;
    name = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (names), last));
    gtk_drop_down_set_selected (assignee, last);
    WAIT_FOR (({ g_autoptr(FlTicket) t = fl_store_load_ticket (store, ticket_id, NULL);
                 t && g_strcmp0 (fl_ticket_get_assignee (t), name) == 0; }), "the new assignee");
  }
}

/* Counts the labels under @root that show @needle, and fails if any of
 * them would read it as Pango markup. */
static guint
count_plain_labels (GtkWidget  *root,
                    const char *needle)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), needle))
    {
      g_assert_false (gtk_label_get_use_markup (GTK_LABEL (root)));
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_plain_labels (child, needle);
  return n;
}

static void
test_markup_injection (Fixture       *f,
                       gconstpointer  data)
{
  FlStore *store = fl_context_get_store (f->context);
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  g_autoptr(GPtrArray) accounts = fl_store_list_accounts (store, NULL);
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  const char *subject = "<span foreground=\"red\">Refund Qzvx</span> & <b>now \xff\xfe</b>";
  const char *body = "Hi <b>team</b> & <span foreground=\"red\">x</span> </i> &amp; \xc3\x28 end";
  const char *emails[] = { "eve@customer.test", NULL };
  g_autoptr(FlCustomer) customer = g_object_new (FL_TYPE_CUSTOMER, "remote-id", "eve-1",
                                                 "name", "<i>Eve</i> & Co", "emails", emails, NULL);
  g_autoptr(FlTicket) ticket = g_object_new (FL_TYPE_TICKET, "remote-id", "markup-1",
                                             "subject", subject, "status", FL_STATUS_OPEN,
                                             "created", g_get_real_time () / G_USEC_PER_SEC - 60,
                                             "updated", g_get_real_time () / G_USEC_PER_SEC, NULL);
  g_autoptr(FlMessage) message = g_object_new (FL_TYPE_MESSAGE, "remote-id", "markup-1-0",
                                               "kind", FL_MESSAGE_REPLY,
                                               "direction", FL_DIRECTION_INBOUND,
                                               "author", "<i>Eve</i> & Co",
                                               "created", g_get_real_time () / G_USEC_PER_SEC - 60,
                                               "text", body, NULL);
  g_autofree char *valid_body = g_utf8_make_valid (body, -1);
  g_autoptr(GError) error = NULL;
  FlSyncTicket *sticket;
  gint64 ticket_id;
  FlMessage *shown;

  fl_sync_batch_add_customer (batch, customer);
  sticket = fl_sync_batch_add_ticket (batch, ticket, "eve-1", NULL);
  fl_sync_ticket_add_message (sticket, message);
  g_assert_true (fl_store_apply_batch (store, fl_account_get_id (accounts->pdata[0]), batch, &error));
  g_assert_no_error (error);

  ticket_id = only_ticket_matching (f, "Qzvx");

  /* The newest ticket heads the list: select it like an agent would, so
   * the row, the header, the window title and the conversation all show
   * it. Broken bytes arrive as U+FFFD; markup arrives as text. */
  fl_ticket_list_select (fl_window_get_ticket_list (f->window), 0);
  fl_ticket_view_show (view, ticket_id);
  WAIT_FOR (fl_ticket_view_get_ticket (view) != NULL &&
            fl_ticket_get_id (fl_ticket_view_get_ticket (view)) == ticket_id &&
            g_list_model_get_n_items (fl_ticket_view_get_messages (view)) == 1, "the ticket");
  for (guint i = 0; i < 30; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }

  g_assert_true (g_utf8_validate (fl_ticket_get_subject (fl_ticket_view_get_ticket (view)), -1, NULL));
  shown = g_list_model_get_item (fl_ticket_view_get_messages (view), 0);
  g_assert_cmpstr (fl_message_get_text (shown), ==, valid_body);
  g_object_unref (shown);

  g_assert_cmpuint (count_plain_labels (GTK_WIDGET (f->window), "<span foreground=\"red\">Refund"), >=, 1);
  g_assert_cmpuint (count_plain_labels (GTK_WIDGET (f->window), "<i>Eve</i> &amp;"), ==, 0);
  g_assert_cmpuint (count_plain_labels (GTK_WIDGET (f->window), "<i>Eve</i> & Co"), >=, 2);
  g_assert_cmpuint (count_plain_labels (GTK_WIDGET (f->window), "<b>team</b>"), ==, 1);
}

static FlTicket *
panel_ticket_of_account (FlCustomerPanel *panel,
                         gint64           account_id,
                         GtkListBoxRow  **row)
{
  GListModel *tickets = fl_customer_history_get_tickets (fl_customer_panel_get_history (panel));

  for (guint i = 0; i < g_list_model_get_n_items (tickets); i++)
    {
      g_autoptr(FlTicket) ticket = g_list_model_get_item (tickets, i);

      if (fl_ticket_get_account_id (ticket) == account_id)
        {
          *row = gtk_list_box_get_row_at_index (fl_customer_panel_get_tickets_list (panel), i);
          return g_steal_pointer (&ticket);
        }
    }
  return NULL;
}

/* The customer panel beside the conversation lists the customer's
 * tickets from a second helpdesk account, matched by email; opening one
 * shows it; the panel's visibility is a setting. */
static void
test_customer_panel (Fixture       *f,
                     gconstpointer  data)
{
  FlStore *store = fl_context_get_store (f->context);
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  FlCustomerPanel *panel = fl_window_get_customer_panel (f->window);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.frontline.Frontline");
  g_autoptr(FlAccount) second = g_object_new (FL_TYPE_ACCOUNT, "kind", "demo", "name", "Lumen Marketplace",
                                              "enabled", TRUE, NULL);
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(FlCustomer) customer = NULL;
  g_autoptr(FlTicket) other = NULL;
  g_autoptr(FlTicket) shown_other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *upper_email = NULL;
  const char *emails[2] = { NULL, NULL };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GtkListBoxRow *row = NULL;
  FlSyncTicket *sticket;
  FlTicket *first;
  gint64 first_id;
  guint n_before;

  g_settings_set_boolean (settings, "customer-panel-visible", TRUE);

  /* The inbox's first ticket and its customer. */
  fl_ticket_list_select (fl_window_get_ticket_list (f->window), 0);
  WAIT_FOR (fl_ticket_view_get_ticket (view) != NULL, "the first ticket");
  first = fl_ticket_view_get_ticket (view);
  first_id = fl_ticket_get_id (first);
  g_assert_nonnull (fl_ticket_get_requester_email (first));
  WAIT_FOR (fl_customer_panel_get_history (panel) != NULL, "the customer history");
  n_before = fl_customer_history_get_n_tickets (fl_customer_panel_get_history (panel));
  g_assert_cmpuint (n_before, >=, 1);
  WAIT_FOR (fl_window_get_customer_panel_shown (f->window), "the customer panel beside the conversation");

  /* The same person, written in capitals, in a second account. */
  g_assert_true (fl_store_save_account (store, second, &error));
  g_assert_no_error (error);
  upper_email = g_ascii_strup (fl_ticket_get_requester_email (first), -1);
  emails[0] = upper_email;
  customer = g_object_new (FL_TYPE_CUSTOMER, "remote-id", "mk-1", "name", "Marketplace buyer",
                           "emails", emails, NULL);
  other = g_object_new (FL_TYPE_TICKET, "remote-id", "mk-t1", "subject", "Marketplace return Wqzv",
                        "status", FL_STATUS_SOLVED, "channel", FL_CHANNEL_MARKETPLACE, "csat", 2,
                        "created", now - 40 * 86400, "updated", now - 39 * 86400, NULL);
  fl_sync_batch_add_customer (batch, customer);
  sticket = fl_sync_batch_add_ticket (batch, other, "mk-1", NULL);
  {
    g_autoptr(FlMessage) message = g_object_new (FL_TYPE_MESSAGE, "remote-id", "mk-t1-0",
                                                 "kind", FL_MESSAGE_REPLY,
                                                 "direction", FL_DIRECTION_INBOUND,
                                                 "created", now - 40 * 86400,
                                                 "text", "The blender arrived broken.", NULL);
    fl_sync_ticket_add_message (sticket, message);
  }
  g_assert_true (fl_store_apply_batch (store, fl_account_get_id (second), batch, &error));
  g_assert_no_error (error);

  /* Reopening the ticket shows the history from both accounts. */
  fl_ticket_view_show (view, first_id);
  WAIT_FOR (fl_customer_panel_get_history (panel) != NULL &&
            fl_customer_history_get_n_tickets (fl_customer_panel_get_history (panel)) == n_before + 1,
            "the second account's ticket in the panel");
  g_assert_cmpuint (fl_customer_history_get_n_accounts (fl_customer_panel_get_history (panel)), ==, 2);
  shown_other = panel_ticket_of_account (panel, fl_account_get_id (second), &row);
  g_assert_nonnull (shown_other);
  g_assert_cmpstr (fl_ticket_get_subject (shown_other), ==, "Marketplace return Wqzv");
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fl_customer_panel_get_tickets_list (panel))));

  save_screenshot (f, "customer-panel");

  /* Activating it opens that ticket, whatever view the list shows. */
  g_signal_emit_by_name (row, "activate");
  wait_for_conversation (f, fl_ticket_get_id (shown_other));
  WAIT_FOR (fl_customer_panel_get_history (panel) != NULL &&
            fl_customer_history_get_n_tickets (fl_customer_panel_get_history (panel)) == n_before + 1,
            "the panel for the opened ticket");

  /* F9 and the header button hide and show it, and it is remembered. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-customer-panel", NULL);
  WAIT_FOR (!fl_window_get_customer_panel_shown (f->window), "the panel to hide");
  g_assert_false (g_settings_get_boolean (settings, "customer-panel-visible"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-customer-panel", NULL);
  WAIT_FOR (fl_window_get_customer_panel_shown (f->window), "the panel to show");
  g_assert_true (g_settings_get_boolean (settings, "customer-panel-visible"));
}

/* In a window too narrow for it, the panel folds away without
 * forgetting that the agent wants it. */
static void
test_customer_panel_narrow (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.frontline.Frontline");
  FlTicketView *view = fl_window_get_ticket_view (f->window);

  g_assert_true (g_settings_get_boolean (settings, "customer-panel-visible"));
  fl_ticket_list_select (fl_window_get_ticket_list (f->window), 0);
  WAIT_FOR (fl_ticket_view_get_ticket (view) != NULL, "the first ticket");
  for (guint i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_false (fl_window_get_customer_panel_shown (f->window));

  /* Asked for, it opens over the conversation; the setting stays. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-customer-panel", NULL);
  WAIT_FOR (fl_window_get_customer_panel_shown (f->window), "the panel over the conversation");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-customer-panel", NULL);
  WAIT_FOR (!fl_window_get_customer_panel_shown (f->window), "the panel to close");
  g_assert_true (g_settings_get_boolean (settings, "customer-panel-visible"));
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  needle)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), needle);
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  name)
{
  return gtk_widget_has_css_class (widget, name);
}

static void
test_html_message (Fixture       *f,
                   gconstpointer  data)
{
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  const char *link = "<a href=\"https://help.mailprovider.example/quarantine\">";
  GtkWidget *body, *row, *toggle, *quote, *chip;
  gint64 ticket_id;

  /* The demo reply with a link, a pasted screenshot and Gmail's quote. */
  ticket_id = only_ticket_matching (f, "quarantine");

  fl_ticket_view_show (view, ticket_id);
  wait_for_conversation (f, ticket_id);
  WAIT_FOR ((body = find_widget (GTK_WIDGET (view), is_label_with, link)) != NULL, "the HTML body");
  for (guint i = 0; i < 30; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }

  /* The link is markup; the <b> of the mail is not, and what the
   * customer wrote is escaped. */
  g_assert_true (gtk_label_get_use_markup (GTK_LABEL (body)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (body)), "I&apos;m back in"));
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (body)), "<b>"));
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (body)), "Sorry about that"));
  g_assert_true (gtk_widget_is_visible (body));

  row = gtk_widget_get_ancestor (body, g_type_from_name ("FlMessageRow"));
  g_assert_nonnull (row);

  /* The quoted history waits behind the toggle... */
  toggle = find_widget (row, has_css_class, "quote-toggle");
  quote = find_widget (row, has_css_class, "quoted-text");
  g_assert_true (GTK_IS_TOGGLE_BUTTON (toggle));
  g_assert_true (GTK_IS_LABEL (quote));
  g_assert_true (gtk_widget_is_visible (toggle));
  g_assert_false (gtk_widget_get_visible (quote));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (quote)), "Sorry about that"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (quote)), "wrote:"));

  /* ...and a click shows it, and another folds it again. */
  gtk_widget_activate (toggle);
  WAIT_FOR (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)), "the quote to unfold");
  g_assert_true (gtk_widget_is_visible (quote));
  save_screenshot (f, "html-message");
  gtk_widget_activate (toggle);
  WAIT_FOR (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)), "the quote to fold");
  g_assert_false (gtk_widget_get_visible (quote));

  /* The pasted screenshot is an attachment. */
  chip = find_widget (row, has_css_class, "attachment-chip");
  g_assert_nonnull (chip);
  g_assert_nonnull (find_widget (chip, is_label_with, "quarantine.png"));
}

static gboolean
is_shown_workload (GtkWidget     *widget,
                   gconstpointer  unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "workload") &&
         gtk_widget_get_mapped (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
}

static gboolean
is_workload_with (GtkWidget     *widget,
                  gconstpointer  count)
{
  return is_shown_workload (widget, NULL) && strstr (gtk_label_get_text (GTK_LABEL (widget)), count) != NULL;
}

static gboolean
is_toggle_button (GtkWidget     *widget,
                  gconstpointer  unused)
{
  return GTK_IS_TOGGLE_BUTTON (widget);
}

static gboolean
follows (FlStore *store,
         gint64   ticket_id,
         gint64   agent_id)
{
  g_autoptr(GArray) ids = fl_store_list_follower_ids (store, ticket_id, NULL);

  for (guint i = 0; ids && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == agent_id)
      return TRUE;
  return FALSE;
}

static gboolean
is_check_with_label (GtkWidget     *widget,
                     gconstpointer  label)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

/* Team leads and teammates in the header: "Take" assigns to me, Follow
 * adds me, the followers popover adds a teammate, and the assignee menu
 * shows each teammate's open tickets. All through the outbox. */
static void
test_take_and_follow (Fixture       *f,
                      gconstpointer  data)
{
  FlStore *store = fl_context_get_store (f->context);
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  g_autoptr(FlQuery) unassigned = fl_query_new (FL_VIEW_UNASSIGNED);
  g_autoptr(GArray) ids = fl_store_query_ids (store, unassigned, NULL);
  g_autoptr(GHashTable) before = NULL;
  GtkWidget *take, *followers, *followers_button, *daniel, *dropdown, *workload;
  gint64 ticket_id, me_id;
  FlAccount *account;

  g_assert_cmpuint (ids->len, >, 0);
  ticket_id = g_array_index (ids, gint64, 0);
  fl_ticket_view_show (view, ticket_id);
  wait_for_conversation (f, ticket_id);
  account = fl_context_find_account (f->context, fl_ticket_get_account_id (fl_ticket_view_get_ticket (view)));
  me_id = fl_account_get_me_agent_id (account);
  before = fl_store_count_open_by_agent (store, fl_account_get_id (account), NULL);

  take = find_widget (GTK_WIDGET (view), has_css_class, "take-button");
  g_assert_nonnull (take);
  g_assert_true (gtk_widget_get_visible (take));

  /* Take: mine, through the outbox, and the button goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "ticket.take", NULL));
  WAIT_FOR (fl_ticket_view_get_ticket (view) != NULL &&
            fl_ticket_get_assignee_id (fl_ticket_view_get_ticket (view)) == me_id, "the ticket to be mine");
  WAIT_FOR (!gtk_widget_get_visible (take), "Take to go away");
  {
    g_autoptr(GHashTable) after = fl_store_count_open_by_agent (store, fl_account_get_id (account), NULL);

    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (after, &me_id)), ==,
                      GPOINTER_TO_UINT (g_hash_table_lookup (before, &me_id)) + 1);
  }

  /* Follow: I follow, and the header says so. */
  followers_button = find_widget (GTK_WIDGET (view), has_css_class, "followers-button");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "ticket.follow", NULL));
  WAIT_FOR (follows (store, ticket_id, me_id) &&
            find_widget (followers_button, is_label_with, "Ayşe Yılmaz") != NULL, "me among the followers");

  /* The popover adds a teammate. */
  followers = followers_button;
  g_assert_true (GTK_IS_MENU_BUTTON (followers));
  gtk_menu_button_popup (GTK_MENU_BUTTON (followers));
  WAIT_FOR ((daniel = find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (followers))),
                                   is_check_with_label, "Daniel Brooks")) != NULL, "the teammates");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (daniel)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (daniel), TRUE);
  WAIT_FOR (find_widget (followers_button, is_label_with, "Daniel Brooks") != NULL, "Daniel among the followers");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (followers));

  /* The assignee menu lists my open tickets next to my name. */
  dropdown = find_widget (GTK_WIDGET (view), has_css_class, "assignee-dropdown");
  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  {
    GtkWidget *button = find_widget (dropdown, is_toggle_button, NULL);

    g_assert_nonnull (button);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  }
  WAIT_FOR ((workload = find_widget (dropdown, is_shown_workload, NULL)) != NULL, "the workload figures");
  {
    g_autoptr(GHashTable) now = fl_store_count_open_by_agent (store, fl_account_get_id (account), NULL);
    guint mine = GPOINTER_TO_UINT (g_hash_table_lookup (now, &me_id));
    g_autofree char *count = fl_format_count (mine);

    /* Every figure shown is one the store counts; mine is among them. */
    g_assert_nonnull (find_widget (dropdown, is_workload_with, count));
  }
  save_screenshot (f, "assignee-workload");

  /* Close the menu before the window goes. */
  for (GtkWidget *child = gtk_widget_get_first_child (dropdown); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_popdown (GTK_POPOVER (child));
  WAIT_FOR (!gtk_widget_get_mapped (workload), "the menu to close");
}

static gboolean
is_text_view (GtkWidget     *widget,
              gconstpointer  unused)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static gboolean
is_mention_popover (GtkWidget     *widget,
                    gconstpointer  unused)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "FlMentionPopover");
}

static void
type_text (GtkTextView *text_view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);

  /* As typing does: at the cursor, one character at a time. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    gtk_text_buffer_insert_interactive_at_cursor (buffer, p, g_utf8_next_char (p) - p, TRUE);
  for (guint i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
}

static char *
composer_text (FlComposer *composer)
{
  return fl_composer_get_text (composer);
}

/* Mentions by keyboard: "@" in a note lists teammates matched on any part
 * of their name, Turkish- and Persian-aware; Down and Enter pick one;
 * Escape leaves the text alone; replies and addresses get no list. The
 * note then makes the teammate a follower. */
static void
test_mention_completion (Fixture       *f,
                         gconstpointer  data)
{
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  FlComposer *composer = fl_ticket_view_get_composer (view);
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  g_autoptr(FlOutboxItem) sent = NULL;
  GtkTextView *text_view;
  FlMentionPopover *popover;
  g_autofree char *text = NULL;
  gint64 ticket_id;

  fl_ticket_list_select (list, 4);
  ticket_id = fl_ticket_list_get_selected (list);
  wait_for_conversation (f, ticket_id);
  text_view = GTK_TEXT_VIEW (find_widget (GTK_WIDGET (composer), is_text_view, NULL));
  popover = FL_MENTION_POPOVER (find_widget (GTK_WIDGET (text_view), is_mention_popover, NULL));
  g_assert_nonnull (popover);
  gtk_widget_grab_focus (GTK_WIDGET (text_view));

  /* A reply to a customer mentions no one. */
  fl_composer_set_note (composer, FALSE);
  fl_composer_set_text (composer, "");
  type_text (text_view, "Hi @dan");
  g_assert_cmpuint (fl_mention_popover_get_n_matches (popover), ==, 0);

  fl_composer_set_note (composer, TRUE);
  fl_composer_set_text (composer, "");

  /* An address is not a mention. */
  type_text (text_view, "mail bob@dan");
  g_assert_cmpuint (fl_mention_popover_get_n_matches (popover), ==, 0);
  fl_composer_set_text (composer, "");

  /* Capitals and dotted İ fold: "@AYŞE" finds Ayşe Yılmaz; Escape keeps
   * what was typed. */
  type_text (text_view, "@AYŞE");
  WAIT_FOR (fl_mention_popover_get_n_matches (popover) == 1, "Ayşe in the list");
  g_assert_true (fl_mention_popover_handle_key (popover, GDK_KEY_Escape, 0));
  WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (popover)), "the list to close");
  text = composer_text (composer);
  g_assert_cmpstr (text, ==, "@AYŞE");
  g_clear_pointer (&text, g_free);
  fl_composer_set_text (composer, "");

  /* A Persian name, from its middle. */
  type_text (text_view, "@کریم");
  WAIT_FOR (fl_mention_popover_get_n_matches (popover) == 1, "Reza in the list");
  fl_mention_popover_handle_key (popover, GDK_KEY_Escape, 0);
  fl_composer_set_text (composer, "");

  /* Any part of the name: "broo" is Daniel Brooks. Enter inserts
   * "@daniel " and typing goes on after it. */
  type_text (text_view, "Lütfen @broo");
  WAIT_FOR (fl_mention_popover_get_n_matches (popover) == 1, "Daniel in the list");
  g_assert_true (fl_mention_popover_handle_key (popover, GDK_KEY_Return, 0));
  type_text (text_view, "bakar mısın?");
  text = composer_text (composer);
  g_assert_cmpstr (text, ==, "Lütfen @daniel bakar mısın?");
  g_clear_pointer (&text, g_free);

  /* Down moves through several matches before Enter picks one. */
  type_text (text_view, " @a");
  WAIT_FOR (fl_mention_popover_get_n_matches (popover) >= 2, "several teammates");
  g_assert_true (fl_mention_popover_handle_key (popover, GDK_KEY_Down, 0));
  g_assert_true (fl_mention_popover_handle_key (popover, GDK_KEY_Up, 0));
  g_assert_true (fl_mention_popover_handle_key (popover, GDK_KEY_Tab, 0));
  text = composer_text (composer);
  g_assert_true (g_str_has_prefix (text, "Lütfen @daniel bakar mısın? @"));
  g_assert_true (g_str_has_suffix (text, " "));
  g_clear_pointer (&text, g_free);
  save_screenshot (f, "mention-note");

  /* Sent, the note makes Daniel a follower. */
  g_signal_connect (composer, "sent", G_CALLBACK (on_sent_cb), &sent);
  g_assert_true (fl_composer_send (composer, NULL));
  WAIT_FOR (sent != NULL, "the note to be queued");
  g_assert_nonnull (fl_outbox_item_get_mentions (sent));
  g_assert_cmpstr (fl_outbox_item_get_mentions (sent)[0], ==, "daniel");
  WAIT_FOR (outbox_state (f, sent) == FL_OUTBOX_SENT, "the note to be sent");
  WAIT_FOR (({ g_autoptr(GPtrArray) agents =
               fl_store_list_agents (fl_context_get_store (f->context), 0, NULL);
               gboolean found = FALSE;
               for (guint i = 0; i < agents->len; i++)
                 if (g_strcmp0 (fl_agent_get_username (agents->pdata[i]), "daniel") == 0)
                   found = follows (fl_context_get_store (f->context), ticket_id,
                                    fl_agent_get_id (agents->pdata[i]));
               found; }), "Daniel to follow the ticket");
  g_signal_handlers_disconnect_by_func (composer, on_sent_cb, &sent);
}

static guint
n_unseen_mentions (FlStore *store,
                   gint64   ticket_id)
{
  g_autoptr(GArray) unseen = fl_store_list_unseen_mentions (store, ticket_id, NULL);

  return unseen ? unseen->len : 0;
}

static gboolean
is_label_mentioning_me (GtkWidget     *widget,
                        gconstpointer  unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "mentions-me") &&
         gtk_widget_get_mapped (widget);
}

/* Opening a ticket where a teammate tagged me, long ago in a long thread:
 * the conversation unfolds and comes to that note, my @name is
 * highlighted, and next time the ticket opens at its end again. */
static void
test_opens_at_my_mention (Fixture       *f,
                          gconstpointer  data)
{
  FlStore *store = fl_context_get_store (f->context);
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  g_autoptr(GPtrArray) accounts = fl_store_list_accounts (store, NULL);
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(FlTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  FlSyncTicket *st;
  GtkWidget *label;
  gint64 ticket_id;

  ticket = g_object_new (FL_TYPE_TICKET, "remote-id", "mention-long", "subject", "Thread Kqzx",
                         "status", FL_STATUS_OPEN, "created", now - 80 * 3600, "updated", now, NULL);
  st = fl_sync_batch_add_ticket (batch, ticket, NULL, NULL);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *rid = g_strdup_printf ("mention-long-%u", i);
      g_autofree char *text = i == 5 ? g_strdup ("@ayse bu müşteri daha önce iade almıştı, kontrol eder misin?")
                                     : g_strdup_printf ("Message %u of a long thread", i);
      g_autoptr(FlMessage) m = g_object_new (FL_TYPE_MESSAGE, "remote-id", rid,
                                             "kind", i == 5 ? FL_MESSAGE_NOTE : FL_MESSAGE_REPLY,
                                             "direction", i % 2 ? FL_DIRECTION_OUTBOUND : FL_DIRECTION_INBOUND,
                                             "author", i == 5 ? "Daniel Brooks" : "Someone",
                                             "created", now - (60 - i) * 3600, "text", text, NULL);
      fl_sync_ticket_add_message (st, m);
    }
  g_assert_true (fl_store_apply_batch (store, fl_account_get_id (accounts->pdata[0]), batch, &error));
  g_assert_no_error (error);
  ticket_id = only_ticket_matching (f, "Kqzx");
  g_assert_cmpuint (n_unseen_mentions (store, ticket_id), ==, 1);

  /* The whole thread is there, and the note is on screen, highlighted. */
  fl_ticket_view_show (view, ticket_id);
  WAIT_FOR (g_list_model_get_n_items (fl_ticket_view_get_messages (view)) == 60, "the unfolded thread");
  WAIT_FOR ((label = find_widget (GTK_WIDGET (view), is_label_mentioning_me, NULL)) != NULL,
            "my mention on screen");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "background="));
  save_screenshot (f, "opens-at-mention");

  /* Seen now: next time the thread opens folded, at its end. */
  WAIT_FOR (n_unseen_mentions (store, ticket_id) == 0, "the mention to be seen");
  fl_ticket_view_clear (view);
  fl_ticket_view_show (view, ticket_id);
  WAIT_FOR (fl_ticket_view_get_ticket (view) != NULL &&
            g_list_model_get_n_items (fl_ticket_view_get_messages (view)) > 0 &&
            g_list_model_get_n_items (fl_ticket_view_get_messages (view)) < 60, "the thread folded again");
}

/* Syncs "A long conversation" with its first @n messages, as a sync
 * brings a ticket: the whole conversation. */
static void
sync_long_conversation (Fixture *f,
                        guint    n)
{
  FlStore *store = fl_context_get_store (f->context);
  g_autoptr(GPtrArray) accounts = fl_store_list_accounts (store, NULL);
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(FlTicket) ticket = g_object_new (FL_TYPE_TICKET, "remote-id", "long-1",
                                             "subject", "A long conversation",
                                             "status", FL_STATUS_OPEN, "created", (gint64) 1700000000,
                                             "updated", (gint64) 1700000000 + n * 60, NULL);
  FlSyncTicket *sticket = fl_sync_batch_add_ticket (batch, ticket, NULL, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("long-1-%u", i);
      g_autofree char *text = g_strdup_printf ("Message number %u", i);
      g_autoptr(FlMessage) message = g_object_new (FL_TYPE_MESSAGE, "remote-id", id,
                                                   "kind", FL_MESSAGE_REPLY,
                                                   "direction", i % 2 ? FL_DIRECTION_OUTBOUND
                                                                      : FL_DIRECTION_INBOUND,
                                                   "created", (gint64) 1700000000 + i * 60,
                                                   "text", text, NULL);
      fl_sync_ticket_add_message (sticket, message);
    }
  g_assert_true (fl_store_apply_batch (store, fl_account_get_id (accounts->pdata[0]), batch, &error));
  g_assert_no_error (error);
}

static void
test_long_conversation (Fixture       *f,
                        gconstpointer  data)
{
  FlStore *store = fl_context_get_store (f->context);
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  GListModel *messages = fl_ticket_view_get_messages (view);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(FlMessage) last = NULL;
  g_autoptr(FlMessage) first = NULL;
  g_autoptr(FlMessage) end = NULL;
  GtkWidget *list_view;
  GtkAdjustment *adj;
  guint n_changes = 0, loads = 0, folded;
  gulong changed, loaded;
  gint64 ticket_id = 0;

  sync_long_conversation (f, 100);
  ticket_id = only_ticket_matching (f, "long conversation");

  /* It opens on its newest messages, oldest of them first... */
  fl_ticket_view_show (view, ticket_id);
  wait_for_conversation (f, ticket_id);
  folded = g_list_model_get_n_items (messages);
  g_assert_cmpuint (folded, <, 100);
  last = g_list_model_get_item (messages, folded - 1);
  g_assert_cmpstr (fl_message_get_text (last), ==, "Message number 99");
  save_screenshot (f, "long-conversation");

  /* A sync brings a new message while it is folded: it comes in at the
   * end, alone; the rows above it stay. */
  changed = g_signal_connect_swapped (messages, "items-changed", G_CALLBACK (count_cb), &n_changes);
  loaded = g_signal_connect_swapped (view, "loaded", G_CALLBACK (count_cb), &loads);
  sync_long_conversation (f, 101);
  WAIT_FOR (g_list_model_get_n_items (messages) == folded + 1, "the new message");
  g_assert_cmpuint (n_changes, ==, 1);
  end = g_list_model_get_item (messages, folded);
  g_assert_cmpstr (fl_message_get_text (end), ==, "Message number 100");
  g_clear_object (&end);

  /* ...and the rest is one click away, in order. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "ticket.show-earlier", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 101);
  first = g_list_model_get_item (messages, 0);
  g_assert_cmpstr (fl_message_get_text (first), ==, "Message number 0");

  /* Read again with nothing changed in it (a sync): every row stays, and
   * so does the place the agent was reading, at the top. */
  list_view = find_widget (GTK_WIDGET (view), is_list_of, GUINT_TO_POINTER (101));
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  g_array_append_val (ids, ticket_id);
  ui_settle ();
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, gtk_adjustment_get_page_size (adj) * 2);
  gtk_adjustment_set_value (adj, 0);
  n_changes = loads = 0;
  g_signal_emit_by_name (store, "tickets-changed", ids);
  WAIT_FOR (loads == 1, "the conversation read again");
  ui_settle ();
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0);

  /* A new message at the end comes in alone, and is scrolled to. */
  sync_long_conversation (f, 102);
  WAIT_FOR (g_list_model_get_n_items (messages) == 102, "the newer message");
  g_assert_cmpuint (n_changes, ==, 1);
  end = g_list_model_get_item (messages, 101);
  g_assert_cmpstr (fl_message_get_text (end), ==, "Message number 101");
  WAIT_FOR (gtk_adjustment_get_value (adj) > 0 &&
            gtk_adjustment_get_value (adj) >= gtk_adjustment_get_upper (adj) -
                                              gtk_adjustment_get_page_size (adj) - 1,
            "the conversation's end");
  g_signal_handler_disconnect (messages, changed);
  g_signal_handler_disconnect (view, loaded);
}

/* Solar Hijri in Preferences: the dates on screen change at once, in the
 * UI language, and back. */
static void
test_solar_hijri_dates (Fixture       *f,
                        gconstpointer  data)
{
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  FlCustomerPanel *panel = fl_window_get_customer_panel (f->window);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.frontline.Frontline");
  g_autofree char *gregorian = NULL;
  g_autofree char *hijri = NULL;
  gint64 created;

  g_settings_set_boolean (settings, "customer-panel-visible", TRUE);
  fl_ticket_list_select (fl_window_get_ticket_list (f->window), 0);
  WAIT_FOR (fl_ticket_view_get_ticket (view) != NULL, "the first ticket");
  WAIT_FOR (fl_customer_panel_get_history (panel) != NULL, "the customer history");
  created = fl_ticket_get_created (fl_ticket_view_get_ticket (view));

  g_assert_cmpint (fl_format_get_calendar (), ==, FL_CALENDAR_GREGORIAN);
  gregorian = fl_format_date (created);
  WAIT_FOR (find_widget (GTK_WIDGET (panel), is_label_with, gregorian) != NULL,
            "the ticket's Gregorian date in the customer panel");

  g_settings_set_boolean (settings, "solar-hijri-dates", TRUE);
  g_assert_cmpint (fl_format_get_calendar (), ==, FL_CALENDAR_SOLAR_HIJRI);
  hijri = fl_format_date (created);
  g_assert_cmpstr (hijri, !=, gregorian);
  WAIT_FOR (find_widget (GTK_WIDGET (panel), is_label_with, hijri) != NULL,
            "the ticket's Solar Hijri date in the customer panel");
  g_assert_null (find_widget (GTK_WIDGET (panel), is_label_with, gregorian));
  save_screenshot (f, "solar-hijri");

  g_settings_set_boolean (settings, "solar-hijri-dates", FALSE);
  g_assert_cmpint (fl_format_get_calendar (), ==, FL_CALENDAR_GREGORIAN);
  WAIT_FOR (find_widget (GTK_WIDGET (panel), is_label_with, gregorian) != NULL,
            "the Gregorian date again");
}

static gboolean
listed (FlTicketList *list,
        gint64        ticket_id)
{
  return !fl_ticket_list_model_get_loading (fl_ticket_list_get_model (list)) &&
         fl_ticket_list_model_find (fl_ticket_list_get_model (list), ticket_id) != G_MAXUINT;
}

/* Mentions & Tags lists what is new: Daniel makes me a follower of two
 * tickets; the one I open stays in the list, read, until I leave the
 * view, and the count beside the view drops at once. */
static void
test_mentions_visit (Fixture       *f,
                     gconstpointer  data)
{
  FlStore *store = fl_context_get_store (f->context);
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  FlSidebar *sidebar = fl_window_get_sidebar (f->window);
  g_autoptr(GPtrArray) accounts = fl_store_list_accounts (store, NULL);
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 one, two;
  guint count;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *rid = g_strdup_printf ("follow-news-%u", i);
      g_autofree char *subject = g_strdup_printf ("Kqzv follow %s", i ? "two" : "one");
      g_autoptr(FlTicket) ticket = g_object_new (FL_TYPE_TICKET, "remote-id", rid, "subject", subject,
                                                 "status", FL_STATUS_OPEN, "created", now - 600,
                                                 "updated", now - i, NULL);
      FlSyncTicket *st = fl_sync_batch_add_ticket (batch, ticket, NULL, "daniel");

      fl_sync_ticket_add_follower (st, "ayse");
      fl_sync_ticket_set_me_added_by (st, "daniel", "Daniel Brooks");
    }
  g_assert_true (fl_store_apply_batch (store, fl_account_get_id (accounts->pdata[0]), batch, &error));
  g_assert_no_error (error);
  one = only_ticket_matching (f, "Kqzv one");
  two = only_ticket_matching (f, "Kqzv two");

  g_assert_true (fl_sidebar_select_nick (sidebar, "mentions"));
  WAIT_FOR (listed (list, one) && listed (list, two), "both tickets in Mentions & Tags");
  count = store_count (f, FL_VIEW_MENTIONS);
  g_assert_cmpuint (fl_ticket_list_get_n_items (list), ==, count);
  WAIT_FOR (fl_sidebar_get_count (sidebar, "mentions") == count, "the view's count");

  /* Opening one reads it: the count drops, the row stays. */
  g_assert_true (fl_ticket_list_select_id (list, one));
  WAIT_FOR (({ g_autoptr(FlTicket) t = fl_store_load_ticket (store, one, NULL);
               t && !fl_ticket_get_unread (t); }), "the ticket to be read");
  WAIT_FOR (fl_sidebar_get_count (sidebar, "mentions") == count - 1, "the count to drop");
  fl_ticket_list_model_refresh (fl_ticket_list_get_model (list));
  WAIT_FOR (listed (list, one) && listed (list, two), "both tickets still listed");
  g_assert_cmpuint (fl_ticket_list_get_n_items (list), ==, count);

  /* Back to the view later: only what is still new. */
  g_assert_true (fl_sidebar_select_nick (sidebar, "inbox"));
  WAIT_FOR (listed (list, one), "the inbox");
  g_assert_true (fl_sidebar_select_nick (sidebar, "mentions"));
  WAIT_FOR (listed (list, two) && fl_ticket_list_get_n_items (list) == count - 1, "the view without it");
  g_assert_false (listed (list, one));

  /* The window remembers the last view: leave it where the next tests
   * expect it. */
  g_assert_true (fl_sidebar_select_nick (sidebar, "inbox"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FlTestDir) home = NULL;
  int ret;

  /* A home of this run, whose desktop names a Downloads folder, for the
   * attachments saved there. Before anything asks GLib for the home. */
  if (g_getenv ("FL_TEST_HOME") == NULL)  /* a subprocess keeps its parent's */
  {
    g_autofree char *config = NULL;
    g_autofree char *dirs = NULL;

    home = g_dir_make_tmp ("fl-home-XXXXXX", NULL);
    config = g_build_filename (home, ".config", NULL);
    dirs = g_build_filename (config, "user-dirs.dirs", NULL);

    g_setenv ("FL_TEST_HOME", home, TRUE);
    g_setenv ("HOME", home, TRUE);
    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
    g_mkdir_with_parents (config, 0700);
    g_file_set_contents (dirs, "XDG_DOWNLOAD_DIR=\"$HOME/İndirilenler\"\n", -1, NULL);
  }

  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/window/three-panes", Fixture, NULL, fixture_setup, test_three_panes,
              fixture_teardown);
  g_test_add ("/window/switch-view-and-search", Fixture, NULL, fixture_setup,
              test_switch_view_and_search, fixture_teardown);
  g_test_add ("/window/customer-panel", Fixture, GINT_TO_POINTER (1400), fixture_setup,
              test_customer_panel, fixture_teardown);
  g_test_add ("/window/customer-panel-narrow", Fixture, NULL, fixture_setup,
              test_customer_panel_narrow, fixture_teardown);
  g_test_add ("/window/compose", Fixture, NULL, fixture_setup, test_compose, fixture_teardown);
  g_test_add ("/window/header-changes", Fixture, NULL, fixture_setup, test_header_changes,
              fixture_teardown);
  g_test_add ("/window/markup-injection", Fixture, NULL, fixture_setup, test_markup_injection,
              fixture_teardown);
  g_test_add ("/window/html-message", Fixture, NULL, fixture_setup, test_html_message,
              fixture_teardown);
  g_test_add ("/window/take-and-follow", Fixture, NULL, fixture_setup, test_take_and_follow,
              fixture_teardown);
  g_test_add ("/window/mention-completion", Fixture, NULL, fixture_setup, test_mention_completion,
              fixture_teardown);
  g_test_add ("/window/opens-at-my-mention", Fixture, NULL, fixture_setup, test_opens_at_my_mention,
              fixture_teardown);
  g_test_add ("/window/mentions-visit", Fixture, NULL, fixture_setup, test_mentions_visit,
              fixture_teardown);
  g_test_add ("/window/long-conversation", Fixture, NULL, fixture_setup, test_long_conversation,
              fixture_teardown);
  g_test_add ("/window/attachments", Fixture, NULL, fixture_setup, test_attachments, fixture_teardown);
  g_test_add ("/window/paste-attachments", Fixture, NULL, fixture_setup, test_paste_attachments,
              fixture_teardown);
  g_test_add ("/window/draft-survives-restart", Fixture, NULL, fixture_setup,
              test_draft_survives_restart, fixture_teardown);
  g_test_add_func ("/window/draft-survives-kill", test_draft_survives_kill);
  g_test_add ("/window/solar-hijri-dates", Fixture, GINT_TO_POINTER (1400), fixture_setup,
              test_solar_hijri_dates, fixture_teardown);
  g_test_add ("/window/direction-and-screenshot", Fixture, NULL, fixture_setup,
              test_direction_and_screenshot, fixture_teardown);

  ret = g_test_run ();
  return ret;
}
