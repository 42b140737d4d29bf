/* test-list-model.c: FlTicketListModel against a reference list
 *
 * Every items-changed the model emits is replayed on a plain array; after
 * each round of random store changes, that array must equal what the
 * store's query returns. So the signals are exactly right, not merely a
 * full reset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fl-store.h"
#include "fl-ticket-list-model.h"

#define NOW ((gint64) 1800000000)

typedef struct
{
  char              *dir;
  FlStore           *store;
  FlTicketListModel *model;
  gint64             account_id;
  GArray            *reference;  /* gint64 ids, as replayed from signals */
  guint              n_signals;
  guint              n_moves;      /* signals that change which ticket is where */
  guint              n_full_resets;
  GRand             *rand;
  guint              next_id;
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean same_rows;

  g_assert_cmpuint (position + removed, <=, f->reference->len);

  g_array_append_vals (before, &g_array_index (f->reference, gint64, position), removed);
  g_array_remove_range (f->reference, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(FlTicket) ticket = g_list_model_get_item (model, position + i);
      gint64 id;

      /* The model must already be in its new state during the signal. */
      g_assert_nonnull (ticket);
      id = fl_ticket_get_id (ticket);
      g_assert_cmpint (id, ==, fl_ticket_list_model_get_id (f->model, position + i));
      g_array_insert_val (f->reference, position + i, id);
    }

  /* Rows loaded in place keep their tickets: a refresh. A reset puts
   * other tickets in nearly every row. */
  same_rows = removed == added &&
              memcmp (before->data, &g_array_index (f->reference, gint64, position),
                      removed * sizeof (gint64)) == 0;
  f->n_signals++;
  if (!same_rows)
    f->n_moves++;
  if (removed > 1 && removed == added && removed + 1 >= f->reference->len && !same_rows)
    f->n_full_resets++;
}

static void
write_tickets (Fixture  *f,
               guint     n_new,
               guint     n_touch)
{
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(GError) error = NULL;

  /* New tickets, and changes to random existing ones: a new update time
   * moves a ticket, a status may take it out of the view or bring it in. */
  for (guint i = 0; i < n_new + n_touch; i++)
    {
      gboolean is_new = i < n_new || f->next_id == 0;
      guint n = is_new ? f->next_id++ : (guint) g_rand_int_range (f->rand, 0, f->next_id);
      g_autofree char *remote = g_strdup_printf ("R%u", n);
      g_autoptr(FlTicket) ticket = NULL;
      FlStatus status = g_rand_int_range (f->rand, 0, 100) < 75
        ? FL_STATUS_OPEN : FL_STATUS_SOLVED;

      ticket = g_object_new (FL_TYPE_TICKET,
                             "remote-id", remote,
                             "subject", "A ticket",
                             "status", status,
                             "created", NOW - 100000 + n,
                             "updated", NOW - g_rand_int_range (f->rand, 0, 100000),
                             NULL);
      fl_sync_batch_add_ticket (batch, ticket, NULL, NULL);
    }

  g_assert_true (fl_store_apply_batch (f->store, f->account_id, batch, &error));
  g_assert_no_error (error);
}

/* Waits until the model has answered for every change written. */
static void
settle (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* Let the change signals arrive, then the queries they started. */
  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (!fl_ticket_list_model_get_loading (f->model))
        {
          g_usleep (2000);
          if (!g_main_context_pending (NULL) && !fl_ticket_list_model_get_loading (f->model))
            break;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  while (g_get_monotonic_time () < deadline);

  g_assert_false (fl_ticket_list_model_get_loading (f->model));
}

static void
assert_matches_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) expected = fl_store_query_ids (f->store, fl_ticket_list_model_get_query (f->model),
                                                   &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, expected->len);
  g_assert_cmpuint (f->reference->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (g_array_index (f->reference, gint64, i), ==, g_array_index (expected, gint64, i));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FlAccount) account = g_object_new (FL_TYPE_ACCOUNT, "kind", "demo", "name", "Test", NULL);
  g_autoptr(FlQuery) query = fl_query_new (FL_VIEW_INBOX);

  f->dir = g_dir_make_tmp ("fl-model-XXXXXX", &error);
  path = g_build_filename (f->dir, "frontline.db", NULL);
  f->store = fl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (fl_store_save_account (f->store, account, &error));
  f->account_id = fl_account_get_id (account);
  f->rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
  f->reference = g_array_new (FALSE, FALSE, sizeof (gint64));

  write_tickets (f, 300, 0);

  f->model = fl_ticket_list_model_new (f->store);
  g_signal_connect (f->model, "items-changed", G_CALLBACK (on_items_changed), f);
  fl_ticket_list_model_set_query (f->model, query);
  settle (f);
  assert_matches_store (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "frontline.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  gpointer weak = f->model;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* Loads still running in workers hold the model until they report
   * back, cancelled; then it must go. */
  g_object_add_weak_pointer (G_OBJECT (f->model), &weak);
  g_object_unref (f->model);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (weak);
  /* A count or load still in a worker holds the store until it reports
   * back; then it must go too. */
  weak = f->store;
  g_object_add_weak_pointer (G_OBJECT (f->store), &weak);
  g_object_unref (f->store);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (weak);
  g_array_unref (f->reference);
  g_rand_free (f->rand);
  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_reference (Fixture       *f,
                gconstpointer  data)
{
  for (guint round = 0; round < 40; round++)
    {
      guint before = f->n_signals;

      write_tickets (f, g_rand_int_range (f->rand, 0, 4), g_rand_int_range (f->rand, 1, 6));
      settle (f);
      assert_matches_store (f);
      g_assert_cmpuint (f->n_signals, >=, before);
    }

  /* Small changes give small signals, not a reset of the whole list. */
  g_assert_cmpuint (f->n_full_resets, ==, 0);
}

static void
test_move_to_top (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(FlTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  guint last = g_list_model_get_n_items (G_LIST_MODEL (f->model)) - 1;
  gint64 last_id = fl_ticket_list_model_get_id (f->model, last);
  g_autoptr(FlTicket) old = NULL;
  guint moves_before = f->n_moves;

  old = fl_store_load_ticket (f->store, last_id, &error);
  g_assert_no_error (error);

  /* The oldest ticket gets an answer: it moves from the bottom to the top. */
  ticket = g_object_new (FL_TYPE_TICKET,
                         "remote-id", fl_ticket_get_remote_id (old),
                         "subject", "Now answered",
                         "status", FL_STATUS_OPEN,
                         "created", fl_ticket_get_created (old),
                         "updated", NOW + 10,
                         NULL);
  fl_sync_batch_add_ticket (batch, ticket, NULL, NULL);
  g_assert_true (fl_store_apply_batch (f->store, f->account_id, batch, &error));
  settle (f);

  assert_matches_store (f);
  g_assert_cmpint (fl_ticket_list_model_get_id (f->model, 0), ==, last_id);

  /* One removal and one insertion, never a reset of the hundreds of
   * rows in between. Refreshes of rows loaded in place (the moved row,
   * or rows whose load was still under way) do not move anything. */
  g_assert_cmpuint (f->n_full_resets, ==, 0);
  g_assert_cmpuint (f->n_moves - moves_before, ==, 2);

  /* The row itself is reloaded in a worker: it catches up shortly. */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    for (;;)
      {
        g_autoptr(FlTicket) top = g_list_model_get_item (G_LIST_MODEL (f->model), 0);

        if (g_strcmp0 (fl_ticket_get_subject (top), "Now answered") == 0)
          break;
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }
}

static void
test_bounded_cache (Fixture       *f,
                    gconstpointer  data)
{
  guint n;

  write_tickets (f, 3000, 0);
  settle (f);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->model));
  g_assert_cmpuint (n, >, 2000);

  /* Scroll through everything: the cache must not grow with the list. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FlTicket) ticket = g_list_model_get_item (G_LIST_MODEL (f->model), i);
      g_assert_cmpint (fl_ticket_get_id (ticket), ==, fl_ticket_list_model_get_id (f->model, i));
    }
  settle (f);

  g_assert_cmpuint (fl_ticket_list_model_get_n_cached (f->model), <=, 600);
  g_assert_cmpuint (fl_ticket_list_model_get_n_cached (f->model), <, n / 4);
  assert_matches_store (f);
}

static void
test_query_change (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FlQuery) solved = fl_query_new (FL_VIEW_SOLVED);
  g_autoptr(FlQuery) none = fl_query_new (FL_VIEW_INBOX);

  fl_ticket_list_model_set_query (f->model, solved);
  settle (f);
  assert_matches_store (f);

  /* A search with no match empties the list. */
  fl_query_set_text (none, "zzzznomatch");
  fl_ticket_list_model_set_query (f->model, none);
  settle (f);
  assert_matches_store (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 0);
}

/* A new query over more tickets than a page shows its first page as its
 * answer, in order, then the whole list. A view answers its first page
 * at once, before the main loop runs again, so no frame shows the old
 * list under the new view; a search answers from the worker. */
static void
check_first_page (Fixture *f,
                  FlQuery *query,
                  gboolean at_once)
{
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlTicket) first = NULL;
  guint n;

  fl_ticket_list_model_set_query (f->model, query);
  g_assert_cmpint (fl_ticket_list_model_get_answered (f->model), ==, at_once);
  while (!fl_ticket_list_model_get_answered (f->model))
    g_main_context_iteration (NULL, TRUE);

  expected = fl_store_query_ids (f->store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >, FL_TICKET_LIST_MODEL_FIRST_PAGE);

  g_assert_true (fl_ticket_list_model_get_partial (f->model));
  g_assert_true (fl_ticket_list_model_get_loading (f->model));
  n = g_list_model_get_n_items (G_LIST_MODEL (f->model));
  g_assert_cmpuint (n, ==, FL_TICKET_LIST_MODEL_FIRST_PAGE);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (fl_ticket_list_model_get_id (f->model, i), ==, g_array_index (expected, gint64, i));

  /* The first screen's rows came with the answer: not placeholders. */
  first = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
  g_assert_cmpstr (fl_ticket_get_subject (first), ==, "A ticket");

  settle (f);
  g_assert_false (fl_ticket_list_model_get_partial (f->model));
  g_assert_true (fl_ticket_list_model_get_answered (f->model));
  assert_matches_store (f);
}

static void
test_first_page (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(FlQuery) all = fl_query_new (FL_VIEW_ALL);
  g_autoptr(FlQuery) search = fl_query_new (FL_VIEW_ALL);

  write_tickets (f, 200, 0);
  settle (f);

  check_first_page (f, all, TRUE);

  fl_query_set_text (search, "ticket");
  check_first_page (f, search, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint seed = 1; seed <= 3; seed++)
    {
      g_autofree char *path = g_strdup_printf ("/list-model/reference/%u", seed);
      g_test_add (path, Fixture, GUINT_TO_POINTER (seed), fixture_setup, test_reference,
                  fixture_teardown);
    }
  g_test_add ("/list-model/move-to-top", Fixture, GUINT_TO_POINTER (7), fixture_setup,
              test_move_to_top, fixture_teardown);
  g_test_add ("/list-model/bounded-cache", Fixture, GUINT_TO_POINTER (8), fixture_setup,
              test_bounded_cache, fixture_teardown);
  g_test_add ("/list-model/query-change", Fixture, GUINT_TO_POINTER (9), fixture_setup,
              test_query_change, fixture_teardown);
  g_test_add ("/list-model/first-page", Fixture, GUINT_TO_POINTER (10), fixture_setup,
              test_first_page, fixture_teardown);

  return g_test_run ();
}
