/* test-faults.c: the RT client against a loopback server that fails on
 * purpose, in every way a real server will not on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "../fl-test-dir.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "fl-outbox.h"
#include "fl-rt-backend.h"
#include "fl-store.h"
#include "fl-sync-engine.h"

/* A self-signed certificate no system trusts, for the TLS case. */
static const char self_signed[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIBgDCCASWgAwIBAgIUZT+Zd1/a+Fc/8V0PMCG6vuNBvh4wCgYIKoZIzj0EAwIw\n"
  "FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyMzAyNTUwM1oYDzIxMjYxMDMw\n"
  "MDI1NTAzWjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO\n"
  "PQMBBwNCAATIFnqpUTb6V2R4HGAEM0eeP8YqJwQIaVQo7hd2bLUdPfRs8uUD4gxG\n"
  "UMfed6HdN1/DkMfVa+jy2tSAufCbX/K/o1MwUTAdBgNVHQ4EFgQUU+8W/8aQrqXu\n"
  "DsBeTyn5UaRDKLwwHwYDVR0jBBgwFoAUU+8W/8aQrqXuDsBeTyn5UaRDKLwwDwYD\n"
  "VR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEAjnQDI0YVWVooqzZFVHKv\n"
  "ZPWdZOvF3fWaZv0hCxK3PYECIQCefciJAfLlRqGQFihwUFqeXJ9799iOBtpPUWIL\n"
  "moS16g==\n"
  "-----END CERTIFICATE-----\n"
  "-----BEGIN PRIVATE KEY-----\n"
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgtWAS1ikT1/bSLusM\n"
  "5eQH+pDM4tet71GTRpl8EZNChtKhRANCAATIFnqpUTb6V2R4HGAEM0eeP8YqJwQI\n"
  "aVQo7hd2bLUdPfRs8uUD4gxGUMfed6HdN1/DkMfVa+jy2tSAufCbX/K/\n"
  "-----END PRIVATE KEY-----\n";

typedef enum
{
  FAULT_NONE,
  FAULT_STATUS,
  FAULT_RETRY_AFTER,
  FAULT_GARBAGE,
  FAULT_WRONG_TYPES,
  FAULT_HUGE,
  FAULT_HANG,
  FAULT_RESET,
  FAULT_HTML,
} Fault;

typedef struct
{
  SoupServer *server;
  char       *url;
  Fault       fault;
  guint       status;
  const char *fault_path;   /* only this path fails; NULL: every path */
  guint       n_requests;
  GPtrArray  *paused;
  char       *last_auth;
  char       *dir;
} Fixture;

static const char ticket_page[] =
  "{\"count\":1,\"page\":1,\"per_page\":50,\"pages\":1,\"total\":1,\"items\":[{"
  "\"id\":\"7\",\"type\":\"ticket\",\"Subject\":\"Printer on fire\",\"Status\":\"open\","
  "\"Priority\":\"50\",\"Created\":\"2026-11-20T10:00:00Z\",\"LastUpdated\":\"2026-11-21T10:00:00Z\","
  "\"Due\":\"1970-01-01T00:00:00Z\",\"Queue\":{\"Name\":\"Support\"},"
  "\"Owner\":{\"Name\":\"Nobody\"},\"AdminCc\":[],"
  "\"Requestor\":[{\"Name\":\"zoe@customer.test\",\"RealName\":\"Zoë\",\"EmailAddress\":\"zoe@customer.test\"}],"
  "\"CustomFields\":[{\"name\":\"Channel\",\"values\":[\"phone\"]}]}]}";

static const char history_page[] =
  "{\"count\":1,\"page\":1,\"per_page\":100,\"pages\":null,\"total\":null,\"items\":["
  "{\"id\":\"70\",\"Type\":\"Create\",\"Created\":\"2026-11-20T10:00:00Z\","
  "\"Creator\":{\"Name\":\"zoe@customer.test\",\"RealName\":\"Zoë\"}}]}";

static const char parts_page[] =
  "{\"count\":1,\"page\":1,\"items\":[{\"id\":\"700\",\"ContentType\":\"text/plain\","
  "\"Filename\":\"\",\"Content\":\"It is on fire.\",\"ContentLength\":\"14\",\"Headers\":\"\"}]}";

static void
respond_json (SoupServerMessage *msg,
              guint              status,
              const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Fixture *f = user_data;
  gboolean fails = f->fault != FAULT_NONE &&
                   (f->fault_path == NULL || g_str_has_prefix (path, f->fault_path));
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  f->n_requests++;
  g_free (f->last_auth);
  f->last_auth = g_strdup (auth);

  if (fails)
    {
      switch (f->fault)
        {
        case FAULT_STATUS:
          respond_json (msg, f->status, "{\"message\":\"no\"}");
          return;

        case FAULT_RETRY_AFTER:
          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Retry-After", "7");
          respond_json (msg, f->status, "{\"message\":\"slow down\"}");
          return;

        case FAULT_GARBAGE:
          respond_json (msg, 200, "{\"Version\": \"5.0.3\", \"items\": [ { oops");
          return;

        case FAULT_WRONG_TYPES:
          respond_json (msg, 200, "{\"Version\": [1, 2], \"Name\": {\"x\": 1}, \"items\": \"not a list\"}");
          return;

        case FAULT_HUGE:
          {
            gsize len = 3 * 1024 * 1024;
            char *big = g_malloc (len);

            memset (big, ' ', len);
            big[0] = '[';
            big[len - 1] = ']';
            soup_server_message_set_status (msg, 200, NULL);
            soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, big, len);
          }
          return;

        case FAULT_HANG:
          /* Never answer: the client's timeout must end it. */
          soup_server_message_pause (msg);
          g_ptr_array_add (f->paused, g_object_ref (msg));
          return;

        case FAULT_RESET:
          {
            GIOStream *stream = soup_server_message_steal_connection (msg);
            static const char head[] =
              "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
              "{\"items\": [";

            g_output_stream_write_all (g_io_stream_get_output_stream (stream), head,
                                       strlen (head), NULL, NULL, NULL);
            g_io_stream_close (stream, NULL, NULL);
            g_object_unref (stream);
          }
          return;

        case FAULT_HTML:
          soup_server_message_set_status (msg, 200, NULL);
          soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                            "<html>Login</html>", 18);
          return;

        case FAULT_NONE:
        default:
          break;
        }
    }

  if (auth == NULL || !g_str_equal (auth, "token 1-28-secret"))
    {
      respond_json (msg, 401, "{\"message\":\"Unauthorized\"}");
      return;
    }

  if (g_str_equal (path, "/REST/2.0/rt"))
    respond_json (msg, 200, "{\"Version\":\"5.0.3\",\"Plugins\":[]}");
  else if (g_str_equal (path, "/REST/2.0/user/28"))
    respond_json (msg, 200, "{\"id\":28,\"Name\":\"agent1\",\"RealName\":\"Ayşe\",\"EmailAddress\":\"a@x.test\"}");
  else if (g_str_equal (path, "/REST/2.0/queues/all"))
    respond_json (msg, 200, "{\"count\":1,\"items\":[{\"Name\":\"Support\"}]}");
  else if (g_str_equal (path, "/REST/2.0/tickets"))
    respond_json (msg, 200, ticket_page);
  else if (g_str_has_prefix (path, "/REST/2.0/ticket/7/history"))
    respond_json (msg, 200, history_page);
  else if (g_str_has_prefix (path, "/REST/2.0/transaction/70/attachments"))
    respond_json (msg, 200, parts_page);
  else
    respond_json (msg, 404, "{\"message\":\"Not Found\"}");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  f->paused = g_ptr_array_new_with_free_func (g_object_unref);
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handler, f, NULL);
  g_assert_true (soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (f->url, "/"))
    f->url[strlen (f->url) - 1] = '\0';
  f->dir = g_dir_make_tmp ("fl-faults-XXXXXX", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  /* Answer what was left hanging, and close every connection, so the
   * server's own objects go with it. */
  for (guint i = 0; i < f->paused->len; i++)
    {
      soup_server_message_set_status (f->paused->pdata[i], 503, NULL);
      soup_server_message_unpause (f->paused->pdata[i]);
    }
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_ptr_array_unref (f->paused);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_free (f->url);
  g_free (f->last_auth);
  fl_test_remove_tree (f->dir);
  g_free (f->dir);
}

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
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*result == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return *result;
}

/* "Test connection" against the fixture, returning the error. */
static GError *
identify (Fixture    *f,
          const char *url,
          const char *token,
          guint       timeout)
{
  g_autoptr(FlRtClient) client = fl_rt_client_new (url, token, 2);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FlRtIdentity) identity = NULL;
  GError *error = NULL;

  if (timeout)
    fl_rt_client_set_timeout (client, timeout);
  fl_rt_client_set_body_limit (client, 1024 * 1024);
  fl_rt_identify_async (client, token, NULL, done_cb, &result);
  identity = fl_rt_identify_finish (client, wait_for (&result), &error);
  if (identity != NULL)
    {
      g_assert_cmpstr (identity->version, ==, "5.0.3");
      g_assert_cmpstr (identity->user, ==, "agent1");
      g_assert_cmpstr (identity->queues[0], ==, "Support");
    }
  return error;
}

static void
test_ok (Fixture       *f,
         gconstpointer  data)
{
  g_autoptr(GError) error = identify (f, f->url, "1-28-secret", 0);

  g_assert_no_error (error);
  /* The token goes in the Authorization header. */
  g_assert_cmpstr (f->last_auth, ==, "token 1-28-secret");
}

typedef struct
{
  Fault  fault;
  guint  status;
  int    code;   /* an FlBackendError */
} FaultCase;

static void
test_statuses (Fixture       *f,
               gconstpointer  data)
{
  static const FaultCase cases[] = {
    { FAULT_STATUS, 401, FL_BACKEND_ERROR_NOT_AUTHORIZED },
    { FAULT_STATUS, 403, FL_BACKEND_ERROR_FORBIDDEN },
    { FAULT_STATUS, 404, FL_BACKEND_ERROR_NOT_FOUND },
    { FAULT_STATUS, 409, FL_BACKEND_ERROR_CONFLICT },
    { FAULT_STATUS, 500, FL_BACKEND_ERROR_SERVER },
    { FAULT_STATUS, 503, FL_BACKEND_ERROR_SERVER },
    { FAULT_RETRY_AFTER, 429, FL_BACKEND_ERROR_RATE_LIMITED },
    { FAULT_RETRY_AFTER, 503, FL_BACKEND_ERROR_RATE_LIMITED },
    { FAULT_GARBAGE, 200, FL_BACKEND_ERROR_INVALID_RESPONSE },
    { FAULT_WRONG_TYPES, 200, FL_BACKEND_ERROR_INVALID_RESPONSE },
    { FAULT_HUGE, 200, FL_BACKEND_ERROR_TOO_LARGE },
    { FAULT_RESET, 200, FL_BACKEND_ERROR_NETWORK },
    { FAULT_HTML, 200, FL_BACKEND_ERROR_INVALID_RESPONSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      f->fault = cases[i].fault;
      f->status = cases[i].status;
      error = identify (f, f->url, "1-28-secret", 0);
      g_test_message ("fault %d/%u: %s", cases[i].fault, cases[i].status,
                      error ? error->message : "(none)");
      g_assert_error (error, FL_BACKEND_ERROR, cases[i].code);
      /* A sentence for a person, never a parser's or a socket's words. */
      g_assert_nonnull (strstr (fl_backend_error_to_string (error), " "));
      g_assert_null (strstr (error->message, "JSON"));
    }
}

static void
test_retry_after (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(FlRtClient) client = fl_rt_client_new (f->url, "1-28-secret", 2);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 retry_after = 0;
  guint status = 0;

  f->fault = FAULT_RETRY_AFTER;
  f->status = 429;
  fl_rt_client_request_async (client, "GET", "/rt", NULL, NULL, done_cb, &result);
  node = fl_rt_client_request_finish (client, wait_for (&result), &status, &retry_after, &error);
  g_assert_null (node);
  g_assert_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_RATE_LIMITED);
  g_assert_cmpuint (status, ==, 429);
  g_assert_cmpint (retry_after, ==, 7);
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->fault = FAULT_HANG;
  error = identify (f, f->url, "1-28-secret", 1);
  g_assert_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_TIMEOUT);
}

static void
test_dns (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = identify (f, "http://frontline-no-such-host.invalid", "1-28-secret", 5);

  g_assert_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_NETWORK);
}

static void
test_not_a_token (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = identify (f, f->url, "hunter2", 0);

  g_assert_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_NOT_AUTHORIZED);
  g_assert_cmpuint (f->n_requests, ==, 0);
}

static void
test_bad_url (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = identify (f, "ftp://example.com", "1-28-secret", 0);

  g_assert_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_NETWORK);
}

static void
test_tls (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) cert = g_tls_certificate_new_from_pem (self_signed, -1, &error);
  g_autoptr(SoupServer) tls_server = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) identify_error = NULL;

  g_assert_no_error (error);
  tls_server = soup_server_new ("tls-certificate", cert, NULL);
  soup_server_add_handler (tls_server, NULL, handler, f, NULL);
  g_assert_true (soup_server_listen_local (tls_server, 0,
                                           SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS,
                                           &error));
  uris = soup_server_get_uris (tls_server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  g_assert_true (g_str_has_prefix (url, "https://"));

  identify_error = identify (f, url, "1-28-secret", 5);
  g_assert_error (identify_error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_TLS);
  /* Refused before any request reached the handler with the token. */
  g_assert_cmpuint (f->n_requests, ==, 0);
}

/* A sync that fails half-way leaves the store as it was. */
static void
test_sync_consistent (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "frontline.db", NULL);
  g_autoptr(FlStore) store = fl_store_open (path, &error);
  g_autoptr(FlAccount) account = g_object_new (FL_TYPE_ACCOUNT, "kind", "rt", "name", "Faulty",
                                               "url", f->url, "username", "agent1", NULL);
  g_autoptr(FlRtBackend) backend = NULL;
  g_autoptr(FlSyncEngine) engine = NULL;
  g_autoptr(FlQuery) all = fl_query_new (FL_VIEW_ALL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *cursor = NULL;
  static const char * const failing[] = {
    "/REST/2.0/ticket/7/history", "/REST/2.0/transaction/70", "/REST/2.0/tickets",
  };

  g_assert_true (fl_store_save_account (store, account, &error));
  backend = fl_rt_backend_new (account, "1-28-secret");
  engine = fl_sync_engine_new (store);

  for (guint i = 0; i < G_N_ELEMENTS (failing); i++)
    {
      g_autoptr(GError) sync_error = NULL;

      f->fault = FAULT_STATUS;
      f->status = 500;
      f->fault_path = failing[i];
      g_clear_object (&result);
      fl_sync_engine_sync_async (engine, FL_BACKEND (backend), NULL, done_cb, &result);
      fl_sync_engine_sync_finish (engine, wait_for (&result), &sync_error);
      g_assert_error (sync_error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_SERVER);
      g_assert_cmpuint (fl_store_count (store, all, NULL), ==, 0);
      cursor = fl_store_get_sync_cursor (store, fl_account_get_id (account), NULL);
      g_assert_null (cursor);
    }

  /* Once the server recovers, the same sync completes. */
  f->fault = FAULT_NONE;
  g_clear_object (&result);
  fl_sync_engine_sync_async (engine, FL_BACKEND (backend), NULL, done_cb, &result);
  g_assert_cmpuint (fl_sync_engine_sync_finish (engine, wait_for (&result), &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (fl_store_count (store, all, NULL), ==, 1);

  {
    g_autoptr(GArray) ids = fl_store_query_ids (store, all, NULL);
    g_autoptr(FlTicket) ticket = fl_store_load_ticket (store, g_array_index (ids, gint64, 0), NULL);
    g_autoptr(GPtrArray) messages = fl_store_load_messages (store, fl_ticket_get_id (ticket), NULL);

    g_assert_cmpstr (fl_ticket_get_subject (ticket), ==, "Printer on fire");
    g_assert_cmpint (fl_ticket_get_channel (ticket), ==, FL_CHANNEL_PHONE);
    g_assert_cmpstr (fl_ticket_get_requester (ticket), ==, "Zoë");
    g_assert_cmpuint (messages->len, ==, 1);
    g_assert_cmpstr (fl_message_get_text (messages->pdata[0]), ==, "It is on fire.");
  }

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static FlBackend *
resolve_one (gint64        account_id,
             const char  **author,
             const char  **email,
             gpointer      user_data)
{
  return user_data;
}

/* A reply the server answers with 503 and Retry-After: the outbox waits at
 * least that long, and treats the attempt as possibly delivered. */
static void
test_outbox_retry_after (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "frontline.db", NULL);
  g_autoptr(FlStore) store = fl_store_open (path, &error);
  g_autoptr(FlAccount) account = g_object_new (FL_TYPE_ACCOUNT, "kind", "rt", "name", "Busy",
                                               "url", f->url, "username", "agent1", NULL);
  g_autoptr(FlRtBackend) backend = NULL;
  g_autoptr(FlOutbox) outbox = NULL;
  g_autoptr(FlOutboxItem) item = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_true (fl_store_save_account (store, account, &error));
  backend = fl_rt_backend_new (account, "1-28-secret");
  outbox = fl_outbox_new (store, resolve_one, backend);
  item = g_object_new (FL_TYPE_OUTBOX_ITEM,
                       "account-id", fl_account_get_id (account),
                       "remote-ticket-id", "7",
                       "kind", FL_OUTBOX_REPLY,
                       "text", "Thanks, on its way.",
                       "force", TRUE,
                       NULL);

  f->fault = FAULT_RETRY_AFTER;
  f->status = 503;
  fl_outbox_enqueue_async (outbox, item, NULL, done_cb, &result);
  g_assert_true (fl_outbox_enqueue_finish (outbox, wait_for (&result), &error));

  for (;;)
    {
      g_autoptr(GPtrArray) pending = fl_store_outbox_list (store, TRUE, NULL);
      FlOutboxItem *stored = pending->pdata[0];

      if (fl_outbox_item_get_attempts (stored) == 1 && fl_outbox_item_get_state (stored) == FL_OUTBOX_QUEUED)
        {
          g_assert_cmpint (fl_outbox_item_get_not_before (stored), >=, before + 7);
          g_assert_true (fl_outbox_item_get_outcome_unknown (stored));
          g_assert_nonnull (fl_outbox_item_get_last_error (stored));
          break;
        }
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  g_clear_object (&outbox);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  /* No isolated XDG folders: GIO's proxy resolver reads GSettings from
   * the system's schemas. The test writes only to its own temp folder. */
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/faults/ok", Fixture, NULL, fixture_setup, test_ok, fixture_teardown);
  g_test_add ("/faults/statuses", Fixture, NULL, fixture_setup, test_statuses, fixture_teardown);
  g_test_add ("/faults/retry-after", Fixture, NULL, fixture_setup, test_retry_after, fixture_teardown);
  g_test_add ("/faults/timeout", Fixture, NULL, fixture_setup, test_timeout, fixture_teardown);
  g_test_add ("/faults/dns", Fixture, NULL, fixture_setup, test_dns, fixture_teardown);
  g_test_add ("/faults/not-a-token", Fixture, NULL, fixture_setup, test_not_a_token, fixture_teardown);
  g_test_add ("/faults/bad-url", Fixture, NULL, fixture_setup, test_bad_url, fixture_teardown);
  g_test_add ("/faults/tls", Fixture, NULL, fixture_setup, test_tls, fixture_teardown);
  g_test_add ("/faults/sync-consistent", Fixture, NULL, fixture_setup, test_sync_consistent,
              fixture_teardown);
  g_test_add ("/faults/outbox-retry-after", Fixture, NULL, fixture_setup, test_outbox_retry_after,
              fixture_teardown);

  return g_test_run ();
}
