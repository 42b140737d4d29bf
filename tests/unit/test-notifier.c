/* test-notifier.c: which changes make a desktop notification, and that
 * none is shown twice, even after a restart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "fl-notifier.h"
#include "fl-store-private.h"

typedef struct
{
  char       *dir;
  char       *path;
  FlStore    *store;
  FlNotifier *notifier;
  gint64      account;
  GPtrArray  *shown;   /* "id|title|ticket id" */
  GThread    *emitted_on;
} Fixture;

static void
on_notification_cb (FlNotifier    *notifier,
                    const char    *id,
                    const char    *title,
                    gint64         ticket,
                    GNotification *notification,
                    Fixture       *f)
{
  g_assert_true (G_IS_NOTIFICATION (notification));
  f->emitted_on = g_thread_self ();
  g_ptr_array_add (f->shown, g_strdup_printf ("%s|%s|%" G_GINT64_FORMAT, id, title, ticket));
}

static void
add (Fixture     *f,
     const char  *id,
     const char  *assignee,
     gint64       due,
     const char  *note)
{
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(FlAgent) me = g_object_new (FL_TYPE_AGENT, "remote-id", "a1", "username", "ayse",
                                        "name", "Ayşe", NULL);
  g_autoptr(FlTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  FlSyncTicket *st;

  fl_sync_batch_add_agent (batch, me);
  fl_sync_batch_set_me (batch, "a1");
  ticket = g_object_new (FL_TYPE_TICKET, "remote-id", id, "subject", id, "status", FL_STATUS_OPEN,
                         "priority", FL_PRIORITY_NORMAL, "channel", FL_CHANNEL_EMAIL,
                         "created", now - 60, "updated", now - 60, "due-first-response", due, NULL);
  st = fl_sync_batch_add_ticket (batch, ticket, NULL, assignee);
  if (note != NULL)
    {
      g_autofree char *mid = g_strdup_printf ("%s-note", id);
      g_autoptr(FlMessage) m = g_object_new (FL_TYPE_MESSAGE, "remote-id", mid, "kind", FL_MESSAGE_NOTE,
                                             "direction", FL_DIRECTION_OUTBOUND, "created", now - 30,
                                             "text", note, NULL);
      fl_sync_ticket_add_message (st, m);
    }
  g_assert_true (fl_store_apply_batch (f->store, f->account, batch, &error));
  g_assert_no_error (error);
}

static gint64
ticket_id (Fixture    *f,
           const char *remote_id)
{
  g_autoptr(FlQuery) query = fl_query_new (FL_VIEW_ALL);
  g_autoptr(GArray) ids = NULL;

  fl_query_set_text (query, remote_id);
  ids = fl_store_query_ids (f->store, query, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  return g_array_index (ids, gint64, 0);
}

static void
open_notifier (Fixture *f)
{
  const char *watched[] = { "unassigned", NULL };

  f->notifier = fl_notifier_new (f->store);
  fl_notifier_set_watched_views (f->notifier, watched);
  g_signal_connect (f->notifier, "notification", G_CALLBACK (on_notification_cb), f);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlAccount) account = g_object_new (FL_TYPE_ACCOUNT, "kind", "demo", "name", "Acme",
                                               "enabled", TRUE, NULL);

  f->dir = g_dir_make_tmp ("fl-notifier-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "frontline.db", NULL);
  f->store = fl_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (fl_store_save_account (f->store, account, &error));
  f->account = fl_account_get_id (account);
  f->shown = g_ptr_array_new_with_free_func (g_free);
  open_notifier (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->notifier);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->store);
  g_ptr_array_unref (f->shown);
  for (const char *suffix[] = { "", "-wal", "-shm", NULL }, **s = suffix; *s; s++)
    {
      g_autofree char *file = g_strconcat (f->path, *s, NULL);
      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_new_tickets (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *expected = NULL;
  gint64 t3;

  /* What is there at the first look is remembered, not shown. */
  add (f, "T1", NULL, 0, NULL);
  add (f, "T2", "a1", 0, NULL);
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 0);

  /* A new unassigned ticket: shown once, and its action opens it. */
  add (f, "T3", NULL, 0, NULL);
  t3 = ticket_id (f, "T3");
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 1);
  expected = g_strdup_printf ("ticket-%" G_GINT64_FORMAT "|New ticket in Unassigned|%" G_GINT64_FORMAT, t3, t3);
  g_assert_cmpstr (f->shown->pdata[0], ==, expected);
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 1);

  /* A ticket assigned to someone is not in the watched view. */
  add (f, "T4", "a1", 0, NULL);
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 1);

  /* A restart shows nothing again. */
  g_clear_object (&f->notifier);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->store);
  f->store = fl_store_open (f->path, NULL);
  open_notifier (f);
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 1);

  /* Do not disturb: remembered, not shown, and not shown later either. */
  fl_notifier_set_do_not_disturb (f->notifier, TRUE);
  add (f, "T5", NULL, 0, NULL);
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 1);
  fl_notifier_set_do_not_disturb (f->notifier, FALSE);
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 1);

  /* Many at once make one summary. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("B%u", i);
      add (f, id, NULL, 0, NULL);
    }
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 2);
  g_assert_true (g_str_has_prefix (f->shown->pdata[1], "view-unassigned|5 new tickets in Unassigned|"));
}

static void
test_mentions_and_sla (Fixture       *f,
                       gconstpointer  data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 m1, s1;

  add (f, "M0", "a1", 0, "@ayse old news");
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 0);

  add (f, "M1", "a1", 0, "@ayse can you look?");
  m1 = ticket_id (f, "M1");
  add (f, "S1", "a1", now + 600, NULL);       /* due in 10 min: at risk */
  s1 = ticket_id (f, "S1");
  add (f, "S2", "a1", now + 48 * 3600, NULL);  /* due in 2 days: fine */
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 2);
  {
    g_autofree char *mention = g_strdup_printf ("|You were mentioned in a note|%" G_GINT64_FORMAT, m1);
    g_autofree char *sla = g_strdup_printf ("sla-%" G_GINT64_FORMAT "|SLA about to breach|%" G_GINT64_FORMAT, s1, s1);

    g_assert_true (g_str_has_prefix (f->shown->pdata[0], "mention-"));
    g_assert_true (g_str_has_suffix (f->shown->pdata[0], mention));
    g_assert_cmpstr (f->shown->pdata[1], ==, sla);
  }

  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 2);
}

/* A ticket of the account followed by @followers (comma-separated
 * agent ids), with who made me (a1) a follower when @by is set. */
static void
add_followed (Fixture    *f,
              const char *id,
              const char *followers,
              const char *by,
              const char *by_name,
              gboolean    complete)
{
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(FlAgent) me = g_object_new (FL_TYPE_AGENT, "remote-id", "a1", "username", "ayse",
                                        "name", "Ayşe", NULL);
  g_autoptr(FlAgent) daniel = g_object_new (FL_TYPE_AGENT, "remote-id", "b1", "username", "daniel",
                                            "name", "Daniel Brooks", NULL);
  g_autoptr(FlTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = g_strsplit (followers, ",", -1);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  FlSyncTicket *st;

  fl_sync_batch_add_agent (batch, me);
  fl_sync_batch_add_agent (batch, daniel);
  fl_sync_batch_set_me (batch, "a1");
  ticket = g_object_new (FL_TYPE_TICKET, "remote-id", id, "subject", id, "status", FL_STATUS_OPEN,
                         "priority", FL_PRIORITY_NORMAL, "channel", FL_CHANNEL_EMAIL,
                         "created", now - 60, "updated", now - 60, NULL);
  st = fl_sync_batch_add_ticket (batch, ticket, NULL, "b1");
  for (guint i = 0; ids[i]; i++)
    if (*ids[i])
      fl_sync_ticket_add_follower (st, ids[i]);
  if (by != NULL)
    fl_sync_ticket_set_me_added_by (st, by, by_name);
  fl_sync_batch_set_complete (batch, complete);
  g_assert_true (fl_store_apply_batch (f->store, f->account, batch, &error));
  g_assert_no_error (error);
}

/* Someone else making me a follower is notified once, with their name;
 * the first sync's follows and my own are not. */
static void
test_follows (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *expected = NULL;
  gint64 f1, f2;

  /* The first sync: history. */
  add_followed (f, "F0", "a1", "b1", "Daniel Brooks", TRUE);
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 0);

  /* Daniel makes me a follower of F1. */
  add_followed (f, "F1", "b1,a1", "b1", "Daniel Brooks", TRUE);
  f1 = ticket_id (f, "F1");
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 1);
  expected = g_strdup_printf ("follow-%" G_GINT64_FORMAT "|Daniel Brooks added you as a follower|%" G_GINT64_FORMAT,
                              f1, f1);
  g_assert_cmpstr (f->shown->pdata[0], ==, expected);
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 1);

  /* Nobody says who: still news. I follow F3 myself: not news. */
  add_followed (f, "F2", "a1", NULL, NULL, TRUE);
  f2 = ticket_id (f, "F2");
  add_followed (f, "F3", "a1", "a1", "Ayşe", TRUE);
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 2);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("follow-%" G_GINT64_FORMAT "|You were added as a follower|%" G_GINT64_FORMAT,
                              f2, f2);
  g_assert_cmpstr (f->shown->pdata[1], ==, expected);

  /* A restart repeats nothing. */
  g_clear_object (&f->notifier);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->store);
  f->store = fl_store_open (f->path, NULL);
  open_notifier (f);
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 2);

  /* Seen, then removed and added again: a new event, a new notification. */
  g_assert_true (fl_store_set_unread (f->store, f1, FALSE, NULL));
  add_followed (f, "F1", "b1", NULL, NULL, TRUE);
  add_followed (f, "F1", "b1,a1", "b1", "Daniel Brooks", TRUE);
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 3);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("follow-%" G_GINT64_FORMAT "|Daniel Brooks added you as a follower|%" G_GINT64_FORMAT,
                              f1, f1);
  g_assert_cmpstr (f->shown->pdata[2], ==, expected);
}

/* A look after a change runs in a worker; the notification comes from
 * the main thread once it is done. */
static void
test_queued_check (Fixture       *f,
                   gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  g_autofree char *expected = NULL;

  add (f, "T1", NULL, 0, NULL);
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 0);

  add (f, "T2", NULL, 0, NULL);
  fl_notifier_queue_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 0);
  while (f->shown->len == 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  expected = g_strdup_printf ("ticket-%" G_GINT64_FORMAT "|New ticket in Unassigned|%" G_GINT64_FORMAT,
                              ticket_id (f, "T2"), ticket_id (f, "T2"));
  g_assert_cmpuint (f->shown->len, ==, 1);
  g_assert_cmpstr (f->shown->pdata[0], ==, expected);
  g_assert_true (f->emitted_on == g_thread_self ());

  /* Remembered: another look shows nothing. */
  fl_notifier_check (f->notifier);
  g_assert_cmpuint (f->shown->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/notifier/new-tickets", Fixture, NULL, fixture_setup, test_new_tickets, fixture_teardown);
  g_test_add ("/notifier/mentions-and-sla", Fixture, NULL, fixture_setup, test_mentions_and_sla,
              fixture_teardown);
  g_test_add ("/notifier/follows", Fixture, NULL, fixture_setup, test_follows, fixture_teardown);
  g_test_add ("/notifier/queued-check", Fixture, NULL, fixture_setup, test_queued_check,
              fixture_teardown);

  return g_test_run ();
}
