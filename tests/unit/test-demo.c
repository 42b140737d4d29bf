/* test-demo.c: the demo workspace through the backend interface, the sync
 * engine's batches and cursor, and damaged data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "../fl-test-dir.h"

#include <string.h>
#include <glib/gstdio.h>

#include "fl-attachment-cache.h"
#include "fl-context.h"
#include "fl-demo-backend.h"

typedef struct
{
  char      *dir;
  FlStore   *store;
  FlAccount *account;
  GBytes    *data;
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
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "..", "resources", "demo",
                                                 "workspace.json", NULL);
  char *contents;
  gsize len;

  g_assert_true (g_file_get_contents (json, &contents, &len, &error));
  f->data = g_bytes_new_take (contents, len);

  f->dir = g_dir_make_tmp ("fl-demo-XXXXXX", &error);
  path = g_build_filename (f->dir, "frontline.db", NULL);
  f->store = fl_store_open (path, &error);
  g_assert_no_error (error);
  f->account = g_object_new (FL_TYPE_ACCOUNT, "kind", "demo", "name", "Demo", NULL);
  g_assert_true (fl_store_save_account (f->store, f->account, &error));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gpointer weak = f->store;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* A worker thread may still hold its finished task, and through it the
   * store, for a moment after the result arrived. */
  g_clear_object (&f->account);
  g_object_add_weak_pointer (G_OBJECT (f->store), &weak);
  g_object_unref (f->store);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (weak);
  g_bytes_unref (f->data);
  fl_test_remove_tree (f->dir);
  g_free (f->dir);
}

static guint
count (Fixture *f,
       FlView   view)
{
  g_autoptr(FlQuery) query = fl_query_new (view);
  return fl_store_count (f->store, query, NULL);
}

static void
test_workspace (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FlDemoBackend) backend = fl_demo_backend_new (f->account, f->data, 1800000000);
  g_autoptr(FlSyncEngine) engine = fl_sync_engine_new (f->store);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  gboolean seen_channel[FL_N_CHANNELS] = { FALSE };
  g_autoptr(GHashTable) languages = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) customers = g_hash_table_new (NULL, NULL);
  g_autoptr(FlQuery) all = fl_query_new (FL_VIEW_ALL);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  guint n, n_messages = 0, n_notes = 0, n_csat = 0, n_orders = 0;

  g_assert_cmpuint (fl_backend_get_capabilities (FL_BACKEND (backend)) & FL_BACKEND_CAP_CSAT, !=, 0);
  g_assert_true (fl_backend_get_account (FL_BACKEND (backend)) == f->account);

  fl_sync_engine_sync_async (engine, FL_BACKEND (backend), NULL, done_cb, &result);
  n = fl_sync_engine_sync_finish (engine, wait_for (&result), &error);
  g_assert_no_error (error);

  /* What the issue asks of the bundled workspace. */
  g_assert_cmpuint (n, >=, 300);
  g_assert_cmpuint (count (f, FL_VIEW_ALL), ==, n);
  agents = fl_store_list_agents (f->store, fl_account_get_id (f->account), &error);
  g_assert_cmpuint (agents->len, ==, 6);
  templates = fl_demo_backend_get_templates (backend, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, >=, 30);

  ids = fl_store_query_ids (f->store, all, &error);
  tickets = fl_store_load_tickets (f->store, (gint64 *) (gpointer) ids->data, ids->len, &error);
  for (guint i = 0; i < tickets->len; i++)
    {
      FlTicket *t = tickets->pdata[i];
      g_autoptr(FlCustomer) c = fl_store_load_customer (f->store, fl_ticket_get_customer_id (t), NULL);
      g_autoptr(GPtrArray) messages = fl_store_load_messages (f->store, fl_ticket_get_id (t), NULL);

      seen_channel[fl_ticket_get_channel (t)] = TRUE;
      g_assert_nonnull (c);
      g_hash_table_add (customers, GSIZE_TO_POINTER (fl_customer_get_id (c)));
      if (fl_customer_get_language (c))
        g_hash_table_add (languages, (gpointer) g_intern_string (fl_customer_get_language (c)));
      if (fl_customer_get_field (c, "orders"))
        n_orders++;
      if (fl_ticket_get_csat (t) > 0)
        n_csat++;
      g_assert_cmpuint (messages->len, >, 0);
      n_messages += messages->len;
      for (guint m = 0; m < messages->len; m++)
        n_notes += fl_message_get_kind (messages->pdata[m]) == FL_MESSAGE_NOTE;
    }

  for (guint c = 0; c < FL_N_CHANNELS; c++)
    g_assert_true (seen_channel[c]);
  g_assert_cmpuint (g_hash_table_size (customers), >=, 60);
  g_assert_true (g_hash_table_contains (languages, "en"));
  g_assert_true (g_hash_table_contains (languages, "tr"));
  g_assert_true (g_hash_table_contains (languages, "fa"));
  g_assert_cmpuint (n_orders, >, 0);
  g_assert_cmpuint (n_csat, >, 0);
  g_assert_cmpuint (n_notes, >, 0);
  g_test_message ("%u tickets, %u messages, %u notes", n, n_messages, n_notes);

  /* "me" is set, so the personal views work. */
  g_assert_cmpuint (count (f, FL_VIEW_ASSIGNED_TO_ME), >, 0);
  g_assert_cmpuint (count (f, FL_VIEW_MENTIONS), >, 0);

  /* Once complete, a sync fetches nothing new and changes nothing. */
  g_clear_object (&result);
  fl_sync_engine_sync_async (engine, FL_BACKEND (backend), NULL, done_cb, &result);
  g_assert_cmpuint (fl_sync_engine_sync_finish (engine, wait_for (&result), &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, FL_VIEW_ALL), ==, n);
}

static void
test_resume (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(FlDemoBackend) backend = fl_demo_backend_new (f->account, f->data, 1800000000);
  g_autoptr(FlSyncEngine) engine = fl_sync_engine_new (f->store);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlSyncBatch) first = NULL;
  g_autofree char *cursor = NULL;
  guint n_first, n_rest;

  /* A sync interrupted after its first batch: that batch and its cursor
   * are in the store together. */
  fl_backend_fetch_async (FL_BACKEND (backend), NULL, NULL, done_cb, &result);
  first = fl_backend_fetch_finish (FL_BACKEND (backend), wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_false (fl_sync_batch_get_complete (first));
  g_assert_true (fl_store_apply_batch (f->store, fl_account_get_id (f->account), first, &error));
  n_first = count (f, FL_VIEW_ALL);
  g_assert_cmpuint (n_first, ==, fl_sync_batch_get_tickets (first)->len);
  cursor = fl_store_get_sync_cursor (f->store, fl_account_get_id (f->account), &error);
  g_assert_cmpstr (cursor, ==, fl_sync_batch_get_cursor (first));

  /* The next sync resumes there and does not fetch the first batch again. */
  g_clear_object (&result);
  fl_sync_engine_sync_async (engine, FL_BACKEND (backend), NULL, done_cb, &result);
  n_rest = fl_sync_engine_sync_finish (engine, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_first + n_rest, ==, count (f, FL_VIEW_ALL));
  g_assert_cmpuint (count (f, FL_VIEW_ALL), >=, 300);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(FlDemoBackend) backend = fl_demo_backend_new (f->account, f->data, 1800000000);
  g_autoptr(FlSyncEngine) engine = fl_sync_engine_new (f->store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_cancellable_cancel (cancellable);
  fl_sync_engine_sync_async (engine, FL_BACKEND (backend), cancellable, done_cb, &result);
  fl_sync_engine_sync_finish (engine, wait_for (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fl_sync_engine_get_n_running (engine), ==, 0);

  /* Whatever was written is whole batches. */
  n = count (f, FL_VIEW_ALL);
  g_assert_cmpuint (n % 100, ==, 0);
}

typedef struct
{
  const char *json;
} DamagedCase;

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  static const DamagedCase cases[] = {
    { "{ not json" },
    { "[1, 2, 3]" },
    { "{\"agents\": [], \"customers\": []}" },
    { "{\"agents\": [], \"customers\": [], \"tickets\": [{\"id\": \"1\"}]}" },
    { "{\"agents\": [], \"customers\": [], \"tickets\": [{\"id\": \"1\", \"subject\": \"x\","
      " \"status\": \"bogus\", \"priority\": \"low\", \"channel\": \"email\", \"created\": 0,"
      " \"updated\": 0}]}" },
    { "{\"agents\": [], \"customers\": [], \"tickets\": [{\"id\": \"1\", \"subject\": \"x\","
      " \"status\": \"new\", \"priority\": \"low\", \"channel\": \"email\", \"created\": \"yesterday\","
      " \"updated\": 0}]}" },
    { "{\"agents\": [], \"customers\": [], \"tickets\": [{\"id\": \"1\", \"subject\": \"x\","
      " \"status\": \"new\", \"priority\": \"low\", \"channel\": \"email\", \"created\": 0,"
      " \"updated\": 0, \"messages\": [{\"kind\": \"shout\", \"at\": 0, \"text\": \"hi\"}]}]}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(FlDemoBackend) backend = fl_demo_backend_new (f->account, bytes, 0);
      g_autoptr(FlSyncEngine) engine = fl_sync_engine_new (f->store);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      fl_sync_engine_sync_async (engine, FL_BACKEND (backend), NULL, done_cb, &result);
      fl_sync_engine_sync_finish (engine, wait_for (&result), &error);
      g_assert_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_INVALID_RESPONSE);
      /* A clear sentence for the agent, not a parser's message. */
      g_assert_true (g_str_has_prefix (error->message, "The demo workspace data is damaged"));

      /* Nothing half-written. */
      g_assert_cmpuint (count (f, FL_VIEW_ALL), ==, 0);
    }
}

static void
test_context (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlTestDir) dir = g_dir_make_tmp ("fl-context-XXXXXX", &error);
  g_autoptr(FlContext) context = fl_context_new (dir);
  g_autoptr(FlContext) again = fl_context_new (dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  FlAccount *account;

  fl_context_set_demo_data (context, f->data);
  fl_context_load_async (context, NULL, done_cb, &result);
  g_assert_true (fl_context_load_finish (context, wait_for (&result), &error));
  g_assert_false (fl_context_has_demo (context));

  g_clear_object (&result);
  fl_context_add_demo_async (context, NULL, done_cb, &result);
  g_assert_true (fl_context_add_demo_finish (context, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_true (fl_context_has_demo (context));

  account = g_list_model_get_item (fl_context_get_accounts (context), 0);
  g_assert_cmpstr (fl_account_get_name (account), ==, "Lumen Home Support");
  g_assert_nonnull (fl_context_get_backend (context, fl_account_get_id (account)));
  g_object_unref (account);
  templates = fl_store_list_templates (fl_context_get_store (context), &error);
  g_assert_cmpuint (templates->len, >=, 30);

  /* The profile remembers the demo: a second start finds it. */
  g_clear_object (&context);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  fl_context_set_demo_data (again, f->data);
  g_clear_object (&result);
  fl_context_load_async (again, NULL, done_cb, &result);
  g_assert_true (fl_context_load_finish (again, wait_for (&result), &error));
  g_assert_true (fl_context_has_demo (again));
  {
    g_autoptr(FlQuery) all = fl_query_new (FL_VIEW_ALL);
    g_assert_cmpuint (fl_store_count (fl_context_get_store (again), all, NULL), >=, 300);
  }
}

/* A workspace whose one message carries hostile and awkward files. */
static const char attachments_json[] =
  "{\"agents\": [], \"customers\": [], \"tickets\": [{\"id\": \"T1\", \"subject\": \"Files\","
  " \"status\": \"open\", \"priority\": \"low\", \"channel\": \"email\", \"created\": 0,"
  " \"updated\": 0, \"messages\": [{\"kind\": \"reply\", \"direction\": \"in\", \"at\": 0,"
  " \"text\": \"See attached.\", \"attachments\": ["
  "  {\"name\": \"../../etc/passwd\", \"mime\": \"image/png\", \"size\": 630},"
  "  {\"name\": \".bashrc\", \"mime\": \"text/plain\", \"size\": 445},"
  "  {\"name\": \"clip.mp4\", \"mime\": \"video/mp4\", \"size\": 1000},"
  "  {\"name\": \"huge.pdf\", \"mime\": \"application/pdf\", \"size\": 200000000}]}]}]}";

static GPtrArray *
synced_attachments (Fixture       *f,
                    FlDemoBackend *backend)
{
  g_autoptr(FlSyncEngine) engine = fl_sync_engine_new (f->store);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlQuery) all = fl_query_new (FL_VIEW_ALL);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  GPtrArray *attachments = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;

  fl_sync_engine_sync_async (engine, FL_BACKEND (backend), NULL, done_cb, &result);
  fl_sync_engine_sync_finish (engine, wait_for (&result), &error);
  g_assert_no_error (error);
  ids = fl_store_query_ids (f->store, all, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  messages = fl_store_load_messages (f->store, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 1);
  model = fl_message_get_attachments (messages->pdata[0]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (attachments, g_list_model_get_item (model, i));
  return attachments;
}

static GFile *
fetch (FlBackend     *backend,
       FlAttachment  *attachment,
       const char    *dir,
       GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  fl_attachment_cache_fetch_async (backend, attachment, dir, NULL, done_cb, &result);
  return fl_attachment_cache_fetch_finish (backend, wait_for (&result), error);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

static void
test_attachment_download (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (attachments_json, strlen (attachments_json));
  g_autoptr(FlDemoBackend) backend = fl_demo_backend_new (f->account, bytes, 0);
  g_autoptr(GPtrArray) attachments = synced_attachments (f, backend);
  g_autofree char *root = g_build_filename (f->dir, "attachments", NULL);
  g_autofree char *expected_dir = g_strdup_printf ("%s/%" G_GINT64_FORMAT "-T1-0-0", root,
                                                   fl_account_get_id (f->account));
  g_autoptr(GFile) passwd = NULL, again = NULL, bashrc = NULL, clip = NULL, huge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *clip_path = NULL;
  g_autofree char *expected = g_build_filename (expected_dir, "passwd", NULL);
  gsize len;

  g_assert_cmpuint (attachments->len, ==, 4);

  /* "../../etc/passwd" lands inside its own folder of the cache, as
   * "passwd", with the bundled PNG sample as content. */
  passwd = fetch (FL_BACKEND (backend), attachments->pdata[0], f->dir, &error);
  g_assert_no_error (error);
  path = g_file_get_path (passwd);
  g_assert_cmpstr (path, ==, expected);
  g_assert_true (g_file_load_contents (passwd, NULL, &contents, &len, NULL, NULL));
  g_assert_cmpuint (len, >, 8);
  g_assert_cmpint (memcmp (contents, "\x89PNG\r\n\x1a\n", 8), ==, 0);
  /* Written atomically: no temporary file is left next to it. */
  g_assert_cmpuint (count_files (expected_dir), ==, 1);
  g_assert_cmpuint (count_files (root), ==, 1);

  /* The second time it comes from the cache: a changed cached file is
   * what is served, so nothing was downloaded again. */
  g_assert_true (g_file_set_contents (path, "cached", -1, NULL));
  again = fetch (FL_BACKEND (backend), attachments->pdata[0], f->dir, &error);
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_load_contents (again, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "cached");

  /* ".bashrc" is not hidden and stays in its folder. */
  bashrc = fetch (FL_BACKEND (backend), attachments->pdata[1], f->dir, &error);
  g_assert_no_error (error);
  g_clear_pointer (&path, g_free);
  path = g_file_get_path (bashrc);
  g_assert_true (g_str_has_prefix (path, root));
  g_assert_cmpstr (strrchr (path, '/'), ==, "/bashrc");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* No content for a video: a clear error, and no file at all. */
  clip = fetch (FL_BACKEND (backend), attachments->pdata[2], f->dir, &error);
  g_assert_null (clip);
  g_assert_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "clip.mp4"));
  g_clear_error (&error);
  clip_path = fl_attachment_cache_path (f->dir, fl_account_get_id (f->account), "T1-0-2", "clip.mp4");
  g_assert_false (g_file_test (clip_path, G_FILE_TEST_EXISTS));

  /* An absurd size is refused before any download. */
  huge = fetch (FL_BACKEND (backend), attachments->pdata[3], f->dir, &error);
  g_assert_null (huge);
  g_assert_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.pdf"));
  g_assert_cmpuint (count_files (root), ==, 2);
}

static void
test_attachment_paths (void)
{
  struct {
    const char *remote_id;
    const char *name;
    const char *expected;
  } cases[] = {
    { "12", "Fatura Şubat.pdf", "/data/attachments/3-12/Fatura Şubat.pdf" },
    { "12", "../../etc/passwd", "/data/attachments/3-12/passwd" },
    { "12", ".bashrc", "/data/attachments/3-12/bashrc" },
    { "../../..", "x.txt", "/data/attachments/3-attachment/x.txt" },
    { "a/../../b", "..", "/data/attachments/3-b/attachment" },
    { "7", "C:\\Windows\\win.ini", "/data/attachments/3-7/win.ini" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fl_attachment_cache_path ("/data", 3, cases[i].remote_id, cases[i].name);

      g_assert_cmpstr (path, ==, cases[i].expected);
    }
}

static void
test_attachment_save_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlTestDir) dir = g_dir_make_tmp ("fl-save-XXXXXX", &error);
  g_autofree char *source = g_build_filename (dir, "source.bin", NULL);
  g_autofree char *downloads = g_build_filename (dir, "Downloads", NULL);
  g_autofree char *first = NULL, *second = NULL, *hostile = NULL;
  g_autofree char *a = NULL, *b = NULL;
  g_autofree char *expected_first = g_build_filename (downloads, "Fatura Şubat.pdf", NULL);
  g_autofree char *expected_second = g_build_filename (downloads, "Fatura Şubat (2).pdf", NULL);
  g_autofree char *expected_hostile = g_build_filename (downloads, "profile", NULL);
  gsize len_a, len_b;

  g_assert_true (g_file_set_contents (source, "\x89PNG\0binary", 12, NULL));

  /* The folder is made; a name that is taken gets a number; the bytes
   * are the same. */
  first = fl_attachment_save_copy (source, downloads, "Fatura Şubat.pdf", &error);
  g_assert_no_error (error);
  second = fl_attachment_save_copy (source, downloads, "Fatura Şubat.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, expected_first);
  g_assert_cmpstr (second, ==, expected_second);
  g_assert_true (g_file_get_contents (first, &a, &len_a, NULL));
  g_assert_true (g_file_get_contents (second, &b, &len_b, NULL));
  g_assert_cmpmem (a, len_a, b, len_b);
  g_assert_cmpuint (len_a, ==, 12);

  /* A hostile name cannot leave the folder. */
  hostile = fl_attachment_save_copy (source, downloads, "../../.profile", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hostile, ==, expected_hostile);
  g_assert_cmpuint (count_files (downloads), ==, 3);
}

static void
test_attachment_size (void)
{
  g_autoptr(GError) error = NULL;
  gint64 rt_limit = FL_BACKEND_DEFAULT_MAX_UPLOAD_BYTES;

  /* Up to the limit is fine, one byte more is not, and the message names
   * the file and the limit. */
  g_assert_true (fl_attachment_check_size ("a.pdf", rt_limit, 0, rt_limit, &error));
  g_assert_no_error (error);
  g_assert_false (fl_attachment_check_size ("big.iso", rt_limit + 1, 0, rt_limit, &error));
  g_assert_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“big.iso”"));
  g_assert_nonnull (strstr (error->message, "10.5 MB"));
  g_clear_error (&error);

  /* Files that each fit may not fit together. */
  g_assert_true (fl_attachment_check_size ("b.pdf", 9000000, 15000000, rt_limit, &error));
  g_assert_false (fl_attachment_check_size ("c.pdf", 9000000, 17000000, rt_limit, &error));
  g_assert_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“c.pdf”"));
  g_clear_error (&error);

  /* The demo takes up to 25 MB. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (attachments_json, strlen (attachments_json));
    g_autoptr(FlAccount) account = g_object_new (FL_TYPE_ACCOUNT, "kind", "demo", NULL);
    g_autoptr(FlDemoBackend) backend = fl_demo_backend_new (account, bytes, 0);
    gint64 limit = fl_backend_get_max_attachment_size (FL_BACKEND (backend));

    g_assert_cmpint (limit, ==, 25 * 1000 * 1000);
    g_assert_true (fl_attachment_check_size ("video.mp4", 20 * 1000 * 1000, 0, limit, NULL));
    g_assert_false (fl_attachment_check_size ("video.mp4", 26 * 1000 * 1000, 0, limit, NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/demo/workspace", Fixture, NULL, fixture_setup, test_workspace, fixture_teardown);
  g_test_add ("/demo/resume", Fixture, NULL, fixture_setup, test_resume, fixture_teardown);
  g_test_add ("/demo/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/demo/damaged", Fixture, NULL, fixture_setup, test_damaged, fixture_teardown);
  g_test_add ("/demo/context", Fixture, NULL, fixture_setup, test_context, fixture_teardown);
  g_test_add ("/demo/attachment-download", Fixture, NULL, fixture_setup, test_attachment_download,
              fixture_teardown);
  g_test_add_func ("/demo/attachment-paths", test_attachment_paths);
  g_test_add_func ("/demo/attachment-save-copy", test_attachment_save_copy);
  g_test_add_func ("/demo/attachment-size", test_attachment_size);

  return g_test_run ();
}
