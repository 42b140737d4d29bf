/* test-outbox.c: the outbox on the demo workspace: durable, ordered,
 * applied once, discardable, and picked up again after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "fl-attachment-cache.h"
#include "fl-attachment.h"
#include "fl-context.h"
#include "fl-demo-backend.h"
#include "fl-outbox.h"

typedef struct
{
  char      *dir;
  GBytes    *data;
  FlContext *context;
  FlTicket  *ticket;     /* a demo ticket to write to */
} Fixture;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*result == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return *result;
}

static FlContext *
open_context (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  FlContext *context = fl_context_new (f->dir);

  fl_context_set_demo_data (context, f->data);
  fl_context_load_async (context, NULL, done_cb, &result);
  g_assert_true (fl_context_load_finish (context, wait_for (&result), &error));
  g_assert_no_error (error);
  return context;
}

static void
close_context (FlContext *context)
{
  gpointer weak = context;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (context), &weak);
  g_object_unref (context);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (weak);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "..", "resources", "demo",
                                                 "workspace.json", NULL);
  g_autoptr(FlQuery) inbox = fl_query_new (FL_VIEW_UNASSIGNED);
  g_autoptr(GArray) ids = NULL;
  char *contents;
  gsize len;

  g_assert_true (g_file_get_contents (json, &contents, &len, &error));
  f->data = g_bytes_new_take (contents, len);
  f->dir = g_dir_make_tmp ("fl-outbox-XXXXXX", &error);
  f->context = open_context (f);

  fl_context_add_demo_async (f->context, NULL, done_cb, &result);
  g_assert_true (fl_context_add_demo_finish (f->context, wait_for (&result), &error));
  g_assert_no_error (error);

  ids = fl_store_query_ids (fl_context_get_store (f->context), inbox, &error);
  g_assert_cmpuint (ids->len, >, 0);
  f->ticket = fl_store_load_ticket (fl_context_get_store (f->context), g_array_index (ids, gint64, 0),
                                    &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->ticket);
  if (f->context != NULL)
    close_context (g_steal_pointer (&f->context));
  g_bytes_unref (f->data);
  g_free (f->dir);
}

static FlOutboxItem *
make_item (Fixture      *f,
           FlOutboxKind  kind,
           const char   *text,
           const char   *value)
{
  return g_object_new (FL_TYPE_OUTBOX_ITEM,
                       "account-id", fl_ticket_get_account_id (f->ticket),
                       "ticket-id", fl_ticket_get_id (f->ticket),
                       "remote-ticket-id", fl_ticket_get_remote_id (f->ticket),
                       "kind", kind,
                       "text", text,
                       "value", value,
                       NULL);
}

static void
enqueue (FlContext    *context,
         FlOutboxItem *item)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FlOutbox *outbox = fl_context_get_outbox (context);

  fl_outbox_enqueue_async (outbox, item, NULL, done_cb, &result);
  g_assert_true (fl_outbox_enqueue_finish (outbox, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpint (fl_outbox_item_get_id (item), >, 0);
  g_assert_nonnull (fl_outbox_item_get_marker (item));
}

static FlOutboxState
state_of (FlContext    *context,
          FlOutboxItem *item)
{
  g_autoptr(GPtrArray) all = fl_store_outbox_list (fl_context_get_store (context), FALSE, NULL);

  for (guint i = 0; i < all->len; i++)
    if (fl_outbox_item_get_id (all->pdata[i]) == fl_outbox_item_get_id (item))
      return fl_outbox_item_get_state (all->pdata[i]);

  g_assert_not_reached ();
}

static void
wait_state (FlContext     *context,
            FlOutboxItem  *item,
            FlOutboxState  state)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (state_of (context, item) != state)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static guint
count_messages (FlContext  *context,
                gint64      ticket_id,
                const char *text)
{
  g_autoptr(GPtrArray) messages = fl_store_load_messages (fl_context_get_store (context), ticket_id, NULL);
  guint n = 0;

  for (guint i = 0; i < messages->len; i++)
    n += g_strcmp0 (fl_message_get_text (messages->pdata[i]), text) == 0;
  return n;
}

static void
test_reply_note_changes (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(FlOutboxItem) reply = make_item (f, FL_OUTBOX_REPLY, "Merhaba, kargonuz yolda.", NULL);
  g_autoptr(FlOutboxItem) note = make_item (f, FL_OUTBOX_NOTE, "@daniel bakar mısın?", NULL);
  g_autoptr(FlOutboxItem) status = make_item (f, FL_OUTBOX_SET_STATUS, NULL, "pending");
  g_autoptr(FlOutboxItem) owner = make_item (f, FL_OUTBOX_SET_OWNER, NULL, "daniel");
  g_autoptr(FlTicket) after = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  gint64 id = fl_ticket_get_id (f->ticket);
  gboolean saw_status_event = FALSE, saw_owner_event = FALSE;

  enqueue (f->context, reply);
  enqueue (f->context, note);
  enqueue (f->context, status);
  enqueue (f->context, owner);
  wait_state (f->context, owner, FL_OUTBOX_SENT);
  g_assert_cmpint (state_of (f->context, reply), ==, FL_OUTBOX_SENT);
  g_assert_cmpint (state_of (f->context, note), ==, FL_OUTBOX_SENT);

  g_assert_cmpuint (count_messages (f->context, id, "Merhaba, kargonuz yolda."), ==, 1);
  g_assert_cmpuint (count_messages (f->context, id, "@daniel bakar mısın?"), ==, 1);

  after = fl_store_load_ticket (fl_context_get_store (f->context), id, NULL);
  g_assert_cmpint (fl_ticket_get_status (after), ==, FL_STATUS_PENDING);
  g_assert_cmpstr (fl_ticket_get_assignee (after), ==, "Daniel Brooks");
  g_assert_cmpint (fl_ticket_get_first_response_at (after), >, 0);

  /* The note's mention was resolved to the agent when it was queued, and
   * sending made him a follower. */
  g_assert_nonnull (fl_outbox_item_get_mentions (note));
  g_assert_cmpstr (fl_outbox_item_get_mentions (note)[0], ==, "daniel");
  g_assert_null (fl_outbox_item_get_mentions (note)[1]);
  g_assert_nonnull (fl_ticket_get_followers (after));
  g_assert_true (g_strv_contains (fl_ticket_get_followers (after), "Daniel Brooks"));

  /* The changes show in the conversation as events, and the reply is the
   * agent's own. */
  messages = fl_store_load_messages (fl_context_get_store (f->context), id, NULL);
  for (guint i = 0; i < messages->len; i++)
    {
      FlMessage *m = messages->pdata[i];

      if (g_strcmp0 (fl_message_get_text (m), "Merhaba, kargonuz yolda.") == 0)
        {
          g_assert_cmpint (fl_message_get_kind (m), ==, FL_MESSAGE_REPLY);
          g_assert_cmpint (fl_message_get_direction (m), ==, FL_DIRECTION_OUTBOUND);
          g_assert_cmpstr (fl_message_get_author (m), ==, "Ayşe Yılmaz");
        }
      if (g_strcmp0 (fl_message_get_event_field (m), "status") == 0 &&
          g_strcmp0 (fl_message_get_event_new (m), "pending") == 0)
        saw_status_event = TRUE;
      if (g_strcmp0 (fl_message_get_event_field (m), "assign") == 0 &&
          g_strcmp0 (fl_message_get_event_new (m), "Daniel Brooks") == 0)
        saw_owner_event = TRUE;
    }
  g_assert_true (saw_status_event);
  g_assert_true (saw_owner_event);

  /* Searchable at once. */
  {
    g_autoptr(FlQuery) q = fl_query_new (FL_VIEW_ALL);
    g_autoptr(GArray) ids = NULL;

    fl_query_set_text (q, "kargonuz yolda");
    ids = fl_store_query_ids (fl_context_get_store (f->context), q, NULL);
    g_assert_cmpuint (ids->len, >=, 1);
  }
}

/* "@DANIEL" is Daniel; "@nobody" and an email address are no one. */
static void
test_note_mentions (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(FlOutboxItem) note = make_item (f, FL_OUTBOX_NOTE,
                                            "@DANIEL and @nobody, see bob@example.com", NULL);
  g_autoptr(FlOutboxItem) plain = make_item (f, FL_OUTBOX_NOTE, "no one here @", NULL);
  g_autoptr(GPtrArray) all = NULL;

  enqueue (f->context, note);
  enqueue (f->context, plain);
  g_assert_nonnull (fl_outbox_item_get_mentions (note));
  g_assert_cmpstr (fl_outbox_item_get_mentions (note)[0], ==, "daniel");
  g_assert_null (fl_outbox_item_get_mentions (note)[1]);
  g_assert_null (fl_outbox_item_get_mentions (plain));

  /* What the store keeps is what the backend will see after a restart. */
  all = fl_store_outbox_list (fl_context_get_store (f->context), FALSE, NULL);
  for (guint i = 0; i < all->len; i++)
    if (fl_outbox_item_get_id (all->pdata[i]) == fl_outbox_item_get_id (note))
      g_assert_cmpstr (fl_outbox_item_get_mentions (all->pdata[i])[0], ==, "daniel");
  wait_state (f->context, note, FL_OUTBOX_SENT);
  wait_state (f->context, plain, FL_OUTBOX_SENT);
}

/* The profile closes while an item is on its way: nothing left running
 * reaches into the closed context, and the next start finishes the job
 * exactly once. */
static void
test_close_while_sending (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(FlOutboxItem) note = make_item (f, FL_OUTBOX_NOTE, "Closing as this goes out.", NULL);
  gint64 ticket_id = fl_ticket_get_id (f->ticket);

  enqueue (f->context, note);
  close_context (g_steal_pointer (&f->context));
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  f->context = open_context (f);
  wait_state (f->context, note, FL_OUTBOX_SENT);
  g_assert_cmpuint (count_messages (f->context, ticket_id, "Closing as this goes out."), ==, 1);
}

static void
test_discard_before_send (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(FlOutboxItem) reply = make_item (f, FL_OUTBOX_REPLY, "Never mind this one.", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FlOutbox *outbox = fl_context_get_outbox (f->context);

  /* Undo send: the reply waits a moment before it may go. */
  fl_outbox_item_set_not_before (reply, g_get_real_time () / G_USEC_PER_SEC + 60);
  enqueue (f->context, reply);
  fl_outbox_discard_async (outbox, reply, NULL, done_cb, &result);
  g_assert_true (fl_outbox_change_finish (outbox, wait_for (&result), &error));
  g_assert_no_error (error);

  /* Make it due: a discarded item still never goes. */
  fl_outbox_kick (outbox);
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_cmpint (state_of (f->context, reply), ==, FL_OUTBOX_DISCARDED);
  g_assert_cmpuint (count_messages (f->context, fl_ticket_get_id (f->ticket), "Never mind this one."), ==, 0);
}

static void
test_no_undo_after_send (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(FlOutboxItem) reply = make_item (f, FL_OUTBOX_REPLY, "Already gone.", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FlOutbox *outbox = fl_context_get_outbox (f->context);

  enqueue (f->context, reply);
  wait_state (f->context, reply, FL_OUTBOX_SENT);
  while (fl_outbox_get_busy (outbox))
    g_main_context_iteration (NULL, TRUE);

  /* The copy the agent holds still says queued; Undo must not turn what
   * the server has into "discarded". */
  g_assert_cmpint (fl_outbox_item_get_state (reply), ==, FL_OUTBOX_QUEUED);
  fl_outbox_discard_async (outbox, reply, NULL, done_cb, &result);
  g_assert_false (fl_outbox_change_finish (outbox, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_cmpint (state_of (f->context, reply), ==, FL_OUTBOX_SENT);
  g_assert_cmpuint (count_messages (f->context, fl_ticket_get_id (f->ticket), "Already gone."), ==, 1);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(FlOutboxItem) bad = g_object_new (FL_TYPE_OUTBOX_ITEM,
                                              "account-id", fl_ticket_get_account_id (f->ticket),
                                              "remote-ticket-id", "no-such-ticket",
                                              "kind", FL_OUTBOX_REPLY,
                                              "text", "Hello?",
                                              NULL);
  g_autoptr(GPtrArray) pending = NULL;

  enqueue (f->context, bad);
  wait_state (f->context, bad, FL_OUTBOX_FAILED);

  /* Waiting for the agent, with a reason in words. */
  pending = fl_store_outbox_list (fl_context_get_store (f->context), TRUE, NULL);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_nonnull (fl_outbox_item_get_last_error (pending->pdata[0]));
  g_assert_cmpint (fl_outbox_item_get_attempts (pending->pdata[0]), ==, 1);
}

static void
test_survives_restart (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(FlOutboxItem) reply = make_item (f, FL_OUTBOX_REPLY, "Written just before a crash.", NULL);
  g_autoptr(FlOutboxItem) sending = make_item (f, FL_OUTBOX_NOTE, "Was being sent at the crash.", NULL);
  g_autofree char *path = g_build_filename (f->dir, "frontline.db", NULL);
  gint64 ticket_id = fl_ticket_get_id (f->ticket);
  sqlite3 *db = NULL;
  char sql[128];

  /* The agent writes; the app dies before the outbox runs. */
  fl_outbox_set_paused (fl_context_get_outbox (f->context), TRUE);
  enqueue (f->context, reply);
  enqueue (f->context, sending);
  close_context (g_steal_pointer (&f->context));

  /* And one item was marked "sending" when the process was killed. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* The closing store may still be checkpointing its log. */
  sqlite3_busy_timeout (db, 10000);
  g_snprintf (sql, sizeof sql, "UPDATE outbox SET state = 1, attempts = 1 WHERE id = %" G_GINT64_FORMAT,
              fl_outbox_item_get_id (sending));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* The next start sends both, each exactly once. */
  f->context = open_context (f);
  wait_state (f->context, reply, FL_OUTBOX_SENT);
  wait_state (f->context, sending, FL_OUTBOX_SENT);
  g_assert_cmpuint (count_messages (f->context, ticket_id, "Written just before a crash."), ==, 1);
  g_assert_cmpuint (count_messages (f->context, ticket_id, "Was being sent at the crash."), ==, 1);
}

static void
test_attachments (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = g_dir_make_tmp ("fl-attach-XXXXXX", &error);
  g_autofree char *a = g_build_filename (src, "Fatura Şubat.pdf", NULL);
  g_autofree char *b = g_build_filename (src, "عکس بسته.jpg", NULL);
  g_autofree char *big = g_build_filename (src, "huge.bin", NULL);
  const char *files[] = { a, b, NULL };
  const char *too_big[] = { big, NULL };
  g_autoptr(FlOutboxItem) reply = make_item (f, FL_OUTBOX_REPLY, "Faturanız ekte.", NULL);
  g_autoptr(FlOutboxItem) heavy = make_item (f, FL_OUTBOX_REPLY, "Too much.", NULL);
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *copies = g_build_filename (f->dir, "outbox", NULL);
  FlMessage *sent = NULL;
  FILE *fp;

  g_assert_true (g_file_set_contents (a, "%PDF-1.4 invoice", -1, NULL));
  g_assert_true (g_file_set_contents (b, "\xff\xd8\xff photo", -1, NULL));
  fl_outbox_item_set_attachments (reply, files);
  enqueue (f->context, reply);

  /* The outbox keeps its own copies: the originals may go. */
  g_unlink (a);
  g_unlink (b);
  wait_state (f->context, reply, FL_OUTBOX_SENT);

  messages = fl_store_load_messages (fl_context_get_store (f->context), fl_ticket_get_id (f->ticket), NULL);
  for (guint i = 0; i < messages->len; i++)
    if (g_strcmp0 (fl_message_get_text (messages->pdata[i]), "Faturanız ekte.") == 0)
      sent = messages->pdata[i];
  g_assert_nonnull (sent);
  g_assert_cmpuint (g_list_model_get_n_items (fl_message_get_attachments (sent)), ==, 2);
  {
    g_autoptr(FlAttachment) first = g_list_model_get_item (fl_message_get_attachments (sent), 0);
    g_autoptr(FlAttachment) second = g_list_model_get_item (fl_message_get_attachments (sent), 1);

    g_assert_cmpstr (fl_attachment_get_name (first), ==, "Fatura Şubat.pdf");
    g_assert_cmpstr (fl_attachment_get_name (second), ==, "عکس بسته.jpg");
    g_assert_cmpint (fl_attachment_get_size (first), ==, 16);
  }

  /* Sent: the copies go, right after the store says so. */
  {
    g_autofree char *item_dir = g_build_filename (copies, fl_outbox_item_get_marker (reply), NULL);
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (g_file_test (item_dir, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (2000);
      }
    g_assert_false (g_file_test (item_dir, G_FILE_TEST_EXISTS));
  }

  /* The demo has no server: what was sent opens from the attachment
   * cache, byte for byte, without a download. */
  {
    g_autoptr(FlAttachment) first = g_list_model_get_item (fl_message_get_attachments (sent), 0);
    FlBackend *backend = fl_context_get_backend (f->context, fl_ticket_get_account_id (f->ticket));
    g_autoptr(GAsyncResult) fetched = NULL;
    g_autoptr(GFile) file = NULL;
    g_autofree char *contents = NULL;

    fl_attachment_cache_fetch_async (backend, first, f->dir, NULL, done_cb, &fetched);
    file = fl_attachment_cache_fetch_finish (backend, wait_for (&fetched), &error);
    g_assert_no_error (error);
    g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
    g_assert_cmpstr (contents, ==, "%PDF-1.4 invoice");
  }

  /* A file over the demo's limit of 25 MB is refused before anything is
   * queued, with a sentence that names it. */
  fp = fopen (big, "wb");
  g_assert_nonnull (fp);
  g_assert_cmpint (fseek (fp, 26 * 1000 * 1000, SEEK_SET), ==, 0);
  fputc ('x', fp);
  fclose (fp);
  fl_outbox_item_set_attachments (heavy, too_big);
  fl_outbox_enqueue_async (fl_context_get_outbox (f->context), heavy, NULL, done_cb, &result);
  g_assert_false (fl_outbox_enqueue_finish (fl_context_get_outbox (f->context), wait_for (&result), &error));
  g_assert_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.bin"));
  g_assert_cmpint (fl_outbox_item_get_id (heavy), ==, 0);

  g_unlink (big);
  g_rmdir (src);
}

static void
test_backoff (void)
{
  g_assert_cmpint (fl_outbox_backoff (1, 0), ==, 5);
  g_assert_cmpint (fl_outbox_backoff (2, 0), ==, 10);
  g_assert_cmpint (fl_outbox_backoff (4, 0), ==, 40);
  g_assert_cmpint (fl_outbox_backoff (30, 0), ==, 600);
  g_assert_cmpint (fl_outbox_backoff (1, 120), ==, 120);
  g_assert_cmpint (fl_outbox_backoff (8, 7), ==, 600);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/outbox/reply-note-changes", Fixture, NULL, fixture_setup, test_reply_note_changes,
              fixture_teardown);
  g_test_add ("/outbox/note-mentions", Fixture, NULL, fixture_setup, test_note_mentions,
              fixture_teardown);
  g_test_add ("/outbox/close-while-sending", Fixture, NULL, fixture_setup, test_close_while_sending,
              fixture_teardown);
  g_test_add ("/outbox/discard-before-send", Fixture, NULL, fixture_setup, test_discard_before_send,
              fixture_teardown);
  g_test_add ("/outbox/no-undo-after-send", Fixture, NULL, fixture_setup, test_no_undo_after_send,
              fixture_teardown);
  g_test_add ("/outbox/refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);
  g_test_add ("/outbox/survives-restart", Fixture, NULL, fixture_setup, test_survives_restart,
              fixture_teardown);
  g_test_add ("/outbox/attachments", Fixture, NULL, fixture_setup, test_attachments, fixture_teardown);
  g_test_add_func ("/outbox/backoff", test_backoff);

  return g_test_run ();
}
