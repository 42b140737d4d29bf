/* test-rt.c: Frontline against a real Request Tracker 5
 *
 * Needs the server that tests/integration/rt-server.sh starts, described
 * by RT_URL, RT_AGENT1_TOKEN and RT_AGENT2_TOKEN, a Secret Service on the
 * session bus, and is skipped without them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "fl-attachment-cache.h"
#include "fl-context.h"
#include "fl-credentials.h"
#include "fl-notifier.h"
#include "fl-outbox.h"
#include "fl-rt-backend.h"

static const char *rt_url;
static const char *agent1_token;
static const char *agent2_token;
static const char *self_exe;

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
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (*result == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return *result;
}

/* Plain REST calls, as another client would make them. */
static JsonNode *
rest (const char *token,
      const char *method,
      const char *path,
      const char *json_body)
{
  g_autoptr(FlRtClient) client = fl_rt_client_new (rt_url, token, 2);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) body = json_body ? json_from_string (json_body, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  fl_rt_client_request_async (client, method, path, body, NULL, done_cb, &result);
  node = fl_rt_client_request_finish (client, wait_for (&result), NULL, NULL, &error);
  g_assert_no_error (error);
  return node;
}

static guint
rt_count (const char *token,
          const char *ticketsql)
{
  g_autofree char *escaped = fl_rt_escape (ticketsql);
  g_autofree char *path = g_strdup_printf ("/tickets?query=%s&per_page=1", escaped);
  g_autoptr(JsonNode) node = rest (token, "GET", path, NULL);

  return json_object_get_int_member (json_node_get_object (node), "total");
}

static char *
rt_ticket_field (const char *id,
                 const char *field)
{
  g_autofree char *path = g_strdup_printf ("/ticket/%s", id);
  g_autoptr(JsonNode) node = rest (agent1_token, "GET", path, NULL);
  JsonObject *obj = json_node_get_object (node);
  JsonNode *member = json_object_get_member (obj, field);

  if (member && JSON_NODE_HOLDS_OBJECT (member))
    return g_strdup (json_object_get_string_member (json_node_get_object (member), "id"));
  if (member && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);
      GString *s = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_string_append_printf (s, "%s%s", i ? "," : "",
                                json_object_get_string_member (json_array_get_object_element (array, i), "id"));
      return g_string_free (s, FALSE);
    }
  return member ? g_strdup (json_node_get_string (member)) : NULL;
}

/* How many Correspond or Comment transactions of a ticket contain @text. */
static guint
rt_count_messages (const char *id,
                   const char *text)
{
  g_autofree char *path = g_strdup_printf ("/ticket/%s/history?per_page=100&fields=Type", id);
  g_autoptr(JsonNode) node = rest (agent1_token, "GET", path, NULL);
  JsonArray *items = json_object_get_array_member (json_node_get_object (node), "items");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *txn = json_array_get_object_element (items, i);
      const char *type = json_object_get_string_member (txn, "Type");
      g_autofree char *parts_path = NULL;
      g_autoptr(JsonNode) parts = NULL;
      JsonArray *part_items;

      if (g_strcmp0 (type, "Correspond") != 0 && g_strcmp0 (type, "Comment") != 0)
        continue;

      parts_path = g_strdup_printf ("/transaction/%s/attachments?fields=Content",
                                    json_object_get_string_member (txn, "id"));
      parts = rest (agent1_token, "GET", parts_path, NULL);
      part_items = json_object_get_array_member (json_node_get_object (parts), "items");
      for (guint j = 0; j < json_array_get_length (part_items); j++)
        {
          JsonObject *part = json_array_get_object_element (part_items, j);
          const char *content = json_object_has_member (part, "Content")
            ? json_object_get_string_member (part, "Content") : NULL;

          if (content && strstr (content, text))
            {
              n++;
              break;
            }
        }
    }

  return n;
}

typedef struct
{
  char      *dir;
  FlContext *context;
  FlAccount *account;
} Client;

static void
client_open (Client     *c,
             const char *dir,
             const char *url,
             const char *token,
             gboolean    connect)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  c->dir = g_strdup (dir);
  c->context = fl_context_new (dir);
  fl_context_load_async (c->context, NULL, done_cb, &result);
  g_assert_true (fl_context_load_finish (c->context, wait_for (&result), &error));
  g_assert_no_error (error);

  if (connect)
    {
      g_autoptr(FlRtClient) client = fl_rt_client_new (url, token, 2);
      g_autoptr(FlRtIdentity) identity = NULL;

      g_clear_object (&result);
      fl_rt_identify_async (client, token, NULL, done_cb, &result);
      identity = fl_rt_identify_finish (client, wait_for (&result), &error);
      g_assert_no_error (error);

      g_clear_object (&result);
      fl_context_add_rt_account_async (c->context, url, identity->user, token, NULL, done_cb, &result);
      c->account = g_object_ref (fl_context_add_rt_account_finish (c->context, wait_for (&result), &error));
      g_assert_no_error (error);
    }
  else
    c->account = g_list_model_get_item (fl_context_get_accounts (c->context), 0);
}

static void
client_close (Client *c)
{
  gpointer weak = c->context;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_clear_object (&c->account);
  g_object_add_weak_pointer (G_OBJECT (c->context), &weak);
  g_object_unref (g_steal_pointer (&c->context));
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_free (c->dir);
}

static guint
client_sync (Client *c)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  fl_context_sync_account_async (c->context, c->account, NULL, done_cb, &result);
  n = fl_context_sync_account_finish (c->context, wait_for (&result), &error);
  g_assert_no_error (error);
  return n;
}

static FlTicket *
client_ticket (Client     *c,
               const char *remote_id)
{
  g_autoptr(FlQuery) all = fl_query_new (FL_VIEW_ALL);
  FlStore *store = fl_context_get_store (c->context);
  g_autoptr(GArray) ids = fl_store_query_ids (store, all, NULL);
  g_autoptr(GPtrArray) tickets = fl_store_load_tickets (store, (gint64 *) (gpointer) ids->data, ids->len, NULL);

  for (guint i = 0; i < tickets->len; i++)
    if (g_strcmp0 (fl_ticket_get_remote_id (tickets->pdata[i]), remote_id) == 0)
      return g_object_ref (tickets->pdata[i]);

  return NULL;
}

static guint
client_count (Client *c,
              FlView  view)
{
  g_autoptr(FlQuery) query = fl_query_new (view);

  return fl_store_count (fl_context_get_store (c->context), query, NULL);
}

static FlOutboxItem *
client_send_full (Client       *c,
                  FlTicket     *ticket,
                  FlOutboxKind  kind,
                  const char   *text,
                  const char   *value,
                  const char   *then_status,
                  FlOutboxState expected)
{
  FlOutbox *outbox = fl_context_get_outbox (c->context);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FlOutboxItem *item = g_object_new (FL_TYPE_OUTBOX_ITEM,
                                     "account-id", fl_account_get_id (c->account),
                                     "ticket-id", fl_ticket_get_id (ticket),
                                     "remote-ticket-id", fl_ticket_get_remote_id (ticket),
                                     "kind", kind,
                                     "text", text,
                                     "value", value,
                                     "then-status", then_status,
                                     "seen-until", g_get_real_time () / G_USEC_PER_SEC,
                                     NULL);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  fl_outbox_enqueue_async (outbox, item, NULL, done_cb, &result);
  g_assert_true (fl_outbox_enqueue_finish (outbox, wait_for (&result), &error));

  for (;;)
    {
      g_autoptr(GPtrArray) all = fl_store_outbox_list (fl_context_get_store (c->context), FALSE, NULL);
      FlOutboxState state = FL_OUTBOX_QUEUED;

      for (guint i = 0; i < all->len; i++)
        if (fl_outbox_item_get_id (all->pdata[i]) == fl_outbox_item_get_id (item))
          {
            state = fl_outbox_item_get_state (all->pdata[i]);
            fl_outbox_item_set_last_error (item, fl_outbox_item_get_last_error (all->pdata[i]));
          }

      if (state == expected)
        break;
      if (state == FL_OUTBOX_FAILED || state == FL_OUTBOX_STALE || state == FL_OUTBOX_SENT)
        g_error ("outbox item ended %d, not %d: %s", state, expected, fl_outbox_item_get_last_error (item));
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }

  fl_outbox_item_set_state (item, expected);
  return item;
}

static FlOutboxItem *
client_send (Client       *c,
             FlTicket     *ticket,
             FlOutboxKind  kind,
             const char   *text,
             const char   *value,
             FlOutboxState expected)
{
  return client_send_full (c, ticket, kind, text, value, NULL, expected);
}

static char *
scratch_dir (const char *name)
{
  g_autofree char *template = g_strdup_printf ("fl-rt-%s-XXXXXX", name);
  return g_dir_make_tmp (template, NULL);
}

/* Looks for @needle in every file below @dir. */
static gboolean
tree_contains (const char *dir,
               const char *needle)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (tree_contains (path, needle))
            return TRUE;
          continue;
        }
      if (g_file_get_contents (path, &contents, &len, NULL) &&
          g_strstr_len (contents, len, needle) != NULL)
        {
          g_test_message ("token found in %s", path);
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_connect_and_keyring (void)
{
  g_autofree char *dir = scratch_dir ("keyring");
  g_autoptr(GError) error = NULL;
  Client c = { 0 };
  char *stored;

  client_open (&c, dir, rt_url, agent1_token, TRUE);
  g_assert_cmpstr (fl_account_get_username (c.account), ==, "agent1");

  /* In the keyring ... */
  stored = fl_credentials_lookup_sync (rt_url, "agent1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, agent1_token);
  fl_credentials_free_token (stored);

  client_sync (&c);
  client_close (&c);

  /* ... and nowhere in the profile, nor anywhere else in this HOME but
   * the encrypted keyring. */
  g_assert_false (tree_contains (dir, agent1_token));
  g_assert_false (tree_contains (g_get_user_config_dir (), agent1_token));
  g_assert_false (tree_contains (g_get_user_cache_dir (), agent1_token));
  {
    g_autofree char *data_home = g_strdup (g_get_user_data_dir ());
    g_autoptr(GDir) d = g_dir_open (data_home, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *path = g_build_filename (data_home, name, NULL);
        if (g_strcmp0 (name, "keyrings") != 0)
          g_assert_false (tree_contains (path, agent1_token));
      }
  }

  /* A second start finds the token in the keyring and syncs. */
  client_open (&c, dir, rt_url, agent1_token, FALSE);
  g_assert_nonnull (fl_context_get_backend (c.context, fl_account_get_id (c.account)));
  client_sync (&c);

  /* Removing the account clears its secret. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    fl_context_remove_account_async (c.context, c.account, NULL, done_cb, &result);
    g_assert_true (fl_context_remove_account_finish (c.context, wait_for (&result), &error));
    stored = fl_credentials_lookup_sync (rt_url, "agent1", NULL, &error);
    g_assert_null (stored);
  }
  client_close (&c);
}

static void
test_initial_sync_counts (void)
{
  g_autofree char *dir = scratch_dir ("counts");
  Client c = { 0 };
  static const struct { const char *sql; FlView view; } by_view[] = {
    { "Status = 'resolved' OR Status = 'rejected'", FL_VIEW_SOLVED },
    { "Status = 'stalled'", FL_VIEW_PENDING },
    { "Status = '__Active__'", FL_VIEW_INBOX },
    { "Owner = 'Nobody' AND Status = '__Active__'", FL_VIEW_UNASSIGNED },
    { "Owner = 'agent1' AND Status = '__Active__'", FL_VIEW_ASSIGNED_TO_ME },
  };
  static const char * const channels[] = { "email", "chat", "phone", "social", "marketplace", "web", "api" };

  client_open (&c, dir, rt_url, agent1_token, TRUE);
  client_sync (&c);

  g_assert_cmpuint (client_count (&c, FL_VIEW_ALL), ==, rt_count (agent1_token, "id > 0"));
  g_assert_cmpuint (client_count (&c, FL_VIEW_ALL), >=, 24);

  for (guint i = 0; i < G_N_ELEMENTS (by_view); i++)
    {
      guint rt = rt_count (agent1_token, by_view[i].sql);
      g_test_message ("%s: RT %u, Frontline %u", by_view[i].sql, rt, client_count (&c, by_view[i].view));
      g_assert_cmpuint (client_count (&c, by_view[i].view), ==, rt);
    }

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      g_autoptr(FlQuery) q = fl_query_new (FL_VIEW_CHANNEL);
      g_autofree char *sql = g_strdup_printf ("CF.{Channel} = '%s' AND Status = '__Active__'", channels[i]);
      FlChannel channel;

      fl_channel_from_string (channels[i], &channel);
      fl_query_set_channel (q, channel);
      g_assert_cmpuint (fl_store_count (fl_context_get_store (c.context), q, NULL), ==,
                        rt_count (agent1_token, sql));
    }

  /* A sync with no change asks RT once. */
  {
    FlRtBackend *backend = FL_RT_BACKEND (fl_context_get_backend (c.context, fl_account_get_id (c.account)));
    guint before = fl_rt_client_get_n_requests (fl_rt_backend_get_client (backend));

    g_assert_cmpuint (client_sync (&c), ==, 0);
    g_assert_cmpuint (fl_rt_client_get_n_requests (fl_rt_backend_get_client (backend)) - before, ==, 1);
  }

  client_close (&c);
}

/* Each test writes to a ticket of its own, so none sees another's
 * changes. */
static char *
first_active_ticket (void)
{
  static guint next = 0;
  g_autofree char *escaped = fl_rt_escape ("Status = '__Active__'");
  g_autofree char *path = g_strdup_printf ("/tickets?query=%s&per_page=100&orderby=id", escaped);
  g_autoptr(JsonNode) node = rest (agent1_token, "GET", path, NULL);
  JsonArray *items = json_object_get_array_member (json_node_get_object (node), "items");
  guint n = json_array_get_length (items);

  g_assert_cmpuint (n, >, 0);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (items, next++ % n), "id"));
}

static void
test_incremental (void)
{
  g_autofree char *dir = scratch_dir ("incremental");
  g_autofree char *id = first_active_ticket ();
  g_autofree char *path = g_strdup_printf ("/ticket/%s/comment", id);
  g_autofree char *text = g_strdup_printf ("Note from agent2 %" G_GINT64_FORMAT, g_get_real_time ());
  g_autofree char *body = g_strdup_printf ("{\"Content\":\"%s\",\"ContentType\":\"text/plain\"}", text);
  g_autoptr(FlTicket) ticket = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(JsonNode) answer = NULL;
  Client c = { 0 };
  gboolean found = FALSE;

  client_open (&c, dir, rt_url, agent1_token, TRUE);
  client_sync (&c);

  /* Another agent writes through REST; RT timestamps have one-second
   * resolution, so let a second pass first. */
  g_usleep (1100 * 1000);
  answer = rest (agent2_token, "POST", path, body);
  g_assert_cmpuint (client_sync (&c), >=, 1);

  ticket = client_ticket (&c, id);
  messages = fl_store_load_messages (fl_context_get_store (c.context), fl_ticket_get_id (ticket), NULL);
  for (guint i = 0; i < messages->len; i++)
    if (g_strcmp0 (fl_message_get_text (messages->pdata[i]), text) == 0)
      {
        found = TRUE;
        g_assert_cmpint (fl_message_get_kind (messages->pdata[i]), ==, FL_MESSAGE_NOTE);
      }
  g_assert_true (found);

  client_close (&c);
}

static void
test_writes_reach_rt (void)
{
  g_autofree char *dir = scratch_dir ("writes");
  g_autofree char *id = first_active_ticket ();
  g_autofree char *reply = g_strdup_printf ("Merhaba, kargonuz yolda. %" G_GINT64_FORMAT, g_get_real_time ());
  g_autofree char *note = g_strdup_printf ("سلام، یادداشت داخلی %" G_GINT64_FORMAT, g_get_real_time ());
  g_autoptr(FlTicket) ticket = NULL;
  g_autoptr(FlOutboxItem) i1 = NULL, i2 = NULL, i3 = NULL, i4 = NULL, i5 = NULL, i6 = NULL;
  g_autofree char *status = NULL, *owner = NULL, *watchers = NULL, *priority = NULL;
  Client c = { 0 };

  client_open (&c, dir, rt_url, agent1_token, TRUE);
  client_sync (&c);
  ticket = client_ticket (&c, id);
  g_assert_nonnull (ticket);

  i1 = client_send (&c, ticket, FL_OUTBOX_REPLY, reply, NULL, FL_OUTBOX_SENT);
  i2 = client_send (&c, ticket, FL_OUTBOX_NOTE, note, NULL, FL_OUTBOX_SENT);
  i3 = client_send (&c, ticket, FL_OUTBOX_SET_STATUS, NULL, "pending", FL_OUTBOX_SENT);
  i4 = client_send (&c, ticket, FL_OUTBOX_SET_OWNER, NULL, "agent2", FL_OUTBOX_SENT);
  i5 = client_send (&c, ticket, FL_OUTBOX_ADD_WATCHER, NULL, "agent2", FL_OUTBOX_SENT);
  i6 = client_send (&c, ticket, FL_OUTBOX_SET_PRIORITY, NULL, "high", FL_OUTBOX_SENT);

  /* Someone copied on the replies: the Cc role, not a follower. */
  {
    g_autoptr(FlOutboxItem) cc = g_object_new (FL_TYPE_OUTBOX_ITEM,
                                               "account-id", fl_account_get_id (c.account),
                                               "ticket-id", fl_ticket_get_id (ticket),
                                               "remote-ticket-id", id,
                                               "kind", FL_OUTBOX_ADD_WATCHER,
                                               "field", "Cc",
                                               "value", "manager@customer.test",
                                               NULL);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *ccs = NULL;
    FlOutbox *outbox = fl_context_get_outbox (c.context);
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    fl_outbox_enqueue_async (outbox, cc, NULL, done_cb, &result);
    g_assert_true (fl_outbox_enqueue_finish (outbox, wait_for (&result), &error));
    for (;;)
      {
        g_free (ccs);
        ccs = rt_ticket_field (id, "Cc");
        if (ccs && strstr (ccs, "manager@customer.test"))
          break;
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (20000);
      }
  }

  g_assert_cmpuint (rt_count_messages (id, reply), ==, 1);
  g_assert_cmpuint (rt_count_messages (id, note), ==, 1);
  status = rt_ticket_field (id, "Status");
  owner = rt_ticket_field (id, "Owner");
  watchers = rt_ticket_field (id, "AdminCc");
  priority = rt_ticket_field (id, "Priority");
  g_assert_cmpstr (status, ==, "stalled");
  g_assert_cmpstr (owner, ==, "agent2");
  g_assert_nonnull (strstr (watchers, "agent2"));
  g_assert_cmpstr (priority, ==, "75");

  /* A reply with files named in Turkish and Persian: both arrive with
   * their names. */
  {
    g_autofree char *src = g_dir_make_tmp ("fl-rt-files-XXXXXX", NULL);
    g_autofree char *tr_file = g_build_filename (src, "Fatura Şubat.txt", NULL);
    g_autofree char *fa_file = g_build_filename (src, "رسید سفارش.txt", NULL);
    g_autofree char *bin_file = g_build_filename (src, "kargo etiketi.bin", NULL);
    const char *files[] = { tr_file, fa_file, bin_file, NULL };
    /* Every byte value, so no encoding step can pass unnoticed. */
    guchar binary[512];
    g_autofree char *with_files = g_strdup_printf ("Ekte faturanız var %" G_GINT64_FORMAT, g_get_real_time ());
    g_autoptr(FlOutboxItem) attach = NULL;
    g_autofree char *attachments_path = g_strdup_printf ("/ticket/%s/attachments?fields=Filename&per_page=100", id);
    g_autoptr(JsonNode) listing = NULL;
    JsonArray *items;
    gboolean saw_tr = FALSE, saw_fa = FALSE;

    g_assert_true (g_file_set_contents (tr_file, "Şubat faturası", -1, NULL));
    g_assert_true (g_file_set_contents (fa_file, "رسید", -1, NULL));
    for (guint i = 0; i < sizeof binary; i++)
      binary[i] = (i * 7 + 3) & 0xff;
    g_assert_true (g_file_set_contents (bin_file, (const char *) binary, sizeof binary, NULL));
    attach = g_object_new (FL_TYPE_OUTBOX_ITEM,
                           "account-id", fl_account_get_id (c.account),
                           "ticket-id", fl_ticket_get_id (ticket),
                           "remote-ticket-id", id,
                           "kind", FL_OUTBOX_REPLY,
                           "text", with_files,
                           "force", TRUE,
                           NULL);
    fl_outbox_item_set_attachments (attach, files);
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      FlOutbox *outbox = fl_context_get_outbox (c.context);
      gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

      fl_outbox_enqueue_async (outbox, attach, NULL, done_cb, &result);
      g_assert_true (fl_outbox_enqueue_finish (outbox, wait_for (&result), &error));
      while (rt_count_messages (id, with_files) == 0)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, FALSE);
          g_usleep (20000);
        }
    }

    /* Attachment collections have no total: page until a short page. */
    for (guint page = 1; ; page++)
      {
        g_autofree char *page_path = g_strdup_printf ("%s&page=%u", attachments_path, page);

        g_clear_pointer (&listing, json_node_unref);
        listing = rest (agent1_token, "GET", page_path, NULL);
        items = json_object_get_array_member (json_node_get_object (listing), "items");
        for (guint i = 0; i < json_array_get_length (items); i++)
          {
            JsonObject *a = json_array_get_object_element (items, i);
            const char *name = json_object_has_member (a, "Filename")
              ? json_object_get_string_member (a, "Filename") : NULL;

            saw_tr |= g_strcmp0 (name, "Fatura Şubat.txt") == 0;
            saw_fa |= g_strcmp0 (name, "رسید سفارش.txt") == 0;
          }
        if (json_array_get_length (items) < 100)
          break;
      }
    g_assert_true (saw_tr);
    g_assert_true (saw_fa);

    /* The round trip: after a sync the reply's files are in the store,
     * and downloading them through the backend gives the bytes sent. */
    client_sync (&c);
    {
      g_autoptr(FlTicket) synced = client_ticket (&c, id);
      g_autoptr(GPtrArray) messages = fl_store_load_messages (fl_context_get_store (c.context),
                                                              fl_ticket_get_id (synced), NULL);
      FlBackend *backend = fl_context_get_backend (c.context, fl_account_get_id (c.account));
      FlMessage *with = NULL;
      GListModel *model;

      for (guint i = 0; i < messages->len; i++)
        if (strstr (fl_message_get_text (messages->pdata[i]) ?: "", with_files))
          with = messages->pdata[i];
      g_assert_nonnull (with);
      model = fl_message_get_attachments (with);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(FlAttachment) attachment = g_list_model_get_item (model, i);
          g_autoptr(GAsyncResult) result = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GFile) file = NULL;
          g_autofree char *original = NULL, *downloaded = NULL;
          g_autofree char *path = NULL;
          const char *name = fl_attachment_get_name (attachment);
          gsize original_len, downloaded_len;

          fl_attachment_cache_fetch_async (backend, attachment, c.dir, NULL, done_cb, &result);
          file = fl_attachment_cache_fetch_finish (backend, wait_for (&result), &error);
          g_assert_no_error (error);
          path = g_file_get_path (file);
          g_assert_true (g_str_has_prefix (path, c.dir));
          g_test_message ("downloaded %s to %s", name, path);

          if (g_strcmp0 (name, "Fatura Şubat.txt") == 0)
            g_assert_true (g_file_get_contents (tr_file, &original, &original_len, NULL));
          else if (g_strcmp0 (name, "رسید سفارش.txt") == 0)
            g_assert_true (g_file_get_contents (fa_file, &original, &original_len, NULL));
          else
            {
              g_assert_cmpstr (name, ==, "kargo etiketi.bin");
              g_assert_true (g_file_get_contents (bin_file, &original, &original_len, NULL));
            }
          g_assert_true (g_file_get_contents (path, &downloaded, &downloaded_len, NULL));
          g_assert_cmpmem (downloaded, downloaded_len, original, original_len);
        }
    }

    g_unlink (tr_file);
    g_unlink (fa_file);
    g_unlink (bin_file);
    g_rmdir (src);
  }

  /* RT answers 200 to a custom field it does not know, and changes
   * nothing: Frontline reads the ticket back and says so. */
  {
    g_autoptr(FlOutboxItem) bogus = g_object_new (FL_TYPE_OUTBOX_ITEM,
                                                  "account-id", fl_account_get_id (c.account),
                                                  "ticket-id", fl_ticket_get_id (ticket),
                                                  "remote-ticket-id", id,
                                                  "kind", FL_OUTBOX_SET_FIELD,
                                                  "field", "NoSuchField",
                                                  "value", "x",
                                                  NULL);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    FlOutbox *outbox = fl_context_get_outbox (c.context);
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
    FlOutboxState state = FL_OUTBOX_QUEUED;

    fl_outbox_enqueue_async (outbox, bogus, NULL, done_cb, &result);
    g_assert_true (fl_outbox_enqueue_finish (outbox, wait_for (&result), &error));
    while (state != FL_OUTBOX_FAILED)
      {
        g_autoptr(GPtrArray) all = fl_store_outbox_list (fl_context_get_store (c.context), FALSE, NULL);

        for (guint i = 0; i < all->len; i++)
          if (fl_outbox_item_get_id (all->pdata[i]) == fl_outbox_item_get_id (bogus))
            state = fl_outbox_item_get_state (all->pdata[i]);
        g_assert_cmpint (state, !=, FL_OUTBOX_SENT);
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (5000);
      }
  }

  /* And the client's own view caught up. */
  client_sync (&c);
  g_clear_object (&ticket);
  ticket = client_ticket (&c, id);
  g_assert_cmpint (fl_ticket_get_status (ticket), ==, FL_STATUS_PENDING);
  {
    g_autoptr(JsonNode) user = rest (agent1_token, "GET", "/user/agent2", NULL);
    g_assert_cmpstr (fl_ticket_get_assignee (ticket), ==,
                     json_object_get_string_member (json_node_get_object (user), "RealName"));
  }

  client_close (&c);
}

static void
test_stale_reply_guard (void)
{
  g_autofree char *dir = scratch_dir ("stale");
  g_autofree char *id = first_active_ticket ();
  g_autofree char *path = g_strdup_printf ("/ticket/%s/correspond", id);
  g_autofree char *mine = g_strdup_printf ("My late answer %" G_GINT64_FORMAT, g_get_real_time ());
  g_autoptr(FlTicket) ticket = NULL;
  g_autoptr(FlOutboxItem) item = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Client c = { 0 };
  FlOutbox *outbox;
  gint64 seen_until;

  client_open (&c, dir, rt_url, agent1_token, TRUE);
  client_sync (&c);
  ticket = client_ticket (&c, id);

  /* agent1 opens the ticket and writes; meanwhile agent2 answers. RT
   * times have one-second resolution: let a second pass between them. */
  seen_until = g_get_real_time () / G_USEC_PER_SEC;
  fl_outbox_set_paused (fl_context_get_outbox (c.context), TRUE);
  g_usleep (1100 * 1000);
  answer = rest (agent2_token, "POST", path,
                 "{\"Content\":\"agent2 was faster\",\"ContentType\":\"text/plain\"}");
  fl_outbox_set_paused (fl_context_get_outbox (c.context), FALSE);

  item = g_object_new (FL_TYPE_OUTBOX_ITEM,
                       "account-id", fl_account_get_id (c.account),
                       "ticket-id", fl_ticket_get_id (ticket),
                       "remote-ticket-id", id,
                       "kind", FL_OUTBOX_REPLY,
                       "text", mine,
                       "seen-until", seen_until,
                       NULL);
  outbox = fl_context_get_outbox (c.context);
  fl_outbox_enqueue_async (outbox, item, NULL, done_cb, &result);
  g_assert_true (fl_outbox_enqueue_finish (outbox, wait_for (&result), &error));

  /* The guard stops it; nothing reached RT. */
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
    FlOutboxState state = FL_OUTBOX_QUEUED;

    while (state != FL_OUTBOX_STALE)
      {
        g_autoptr(GPtrArray) all = fl_store_outbox_list (fl_context_get_store (c.context), FALSE, NULL);

        for (guint i = 0; i < all->len; i++)
          if (fl_outbox_item_get_id (all->pdata[i]) == fl_outbox_item_get_id (item))
            {
              state = fl_outbox_item_get_state (all->pdata[i]);
              if (state == FL_OUTBOX_STALE)
                g_assert_nonnull (strstr (fl_outbox_item_get_last_error (all->pdata[i]), "agent2"));
            }
        g_assert_true (state == FL_OUTBOX_QUEUED || state == FL_OUTBOX_SENDING || state == FL_OUTBOX_STALE);
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (5000);
      }
  }
  g_assert_cmpuint (rt_count_messages (id, mine), ==, 0);

  /* The agent read agent2's answer and sends anyway. */
  g_clear_object (&result);
  fl_outbox_retry_async (outbox, item, TRUE, NULL, done_cb, &result);
  g_assert_true (fl_outbox_change_finish (outbox, wait_for (&result), &error));
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (rt_count_messages (id, mine) == 0)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (20000);
      }
  }
  g_assert_cmpuint (rt_count_messages (id, mine), ==, 1);

  client_close (&c);
}

/* A proxy between a client and RT that can hold back the answer to a
 * POST: RT has done the work, the client never hears of it. */
typedef struct
{
  GSocketService *service;
  GMainContext   *context;
  GMainLoop      *loop;
  GThread        *thread;
  guint16         port;
  guint16         upstream_port;
  gint            withhold_posts;   /* atomic */
  gint            withheld;         /* atomic */
  gint            ready;      /* atomic */
} Proxy;

typedef struct
{
  Proxy          *proxy;
  GSocketConnection *client;
  GSocketConnection *upstream;
} Pipe;

static gpointer
pipe_thread (gpointer data)
{
  Pipe *p = data;
  GInputStream *cin = g_io_stream_get_input_stream (G_IO_STREAM (p->client));
  GOutputStream *cout = g_io_stream_get_output_stream (G_IO_STREAM (p->client));
  GInputStream *uin = g_io_stream_get_input_stream (G_IO_STREAM (p->upstream));
  GOutputStream *uout = g_io_stream_get_output_stream (G_IO_STREAM (p->upstream));
  g_autoptr(GString) request = g_string_new (NULL);
  gboolean is_post;
  char buf[16384];
  gssize n;

  /* The request: read its head and body (RT answers with Connection:
   * close, so one request per connection). */
  g_socket_set_timeout (g_socket_connection_get_socket (p->client), 2);
  while ((n = g_input_stream_read (cin, buf, sizeof buf, NULL, NULL)) > 0)
    {
      const char *head_end;
      const char *cl;
      guint64 length = 0;

      g_string_append_len (request, buf, n);
      head_end = strstr (request->str, "\r\n\r\n");
      if (head_end == NULL)
        continue;
      cl = g_strstr_len (request->str, head_end - request->str, "Content-Length: ");
      if (cl == NULL)
        cl = g_strstr_len (request->str, head_end - request->str, "content-length: ");
      if (cl != NULL)
        length = g_ascii_strtoull (cl + 16, NULL, 10);
      if ((gsize) (head_end + 4 - request->str) + length <= request->len)
        break;
    }

  is_post = g_str_has_prefix (request->str, "POST ");

  /* One request per connection: ask RT to close after answering, so
   * every thread here ends. Any Connection header of the client's goes. */
  {
    char *head_end = strstr (request->str, "\r\n\r\n");
    g_auto(GStrv) lines = NULL;
    g_autoptr(GString) head = g_string_new (NULL);
    gsize body_at;

    if (head_end != NULL)
      {
        g_autofree char *head_text = g_strndup (request->str, head_end - request->str);

        body_at = head_end + 4 - request->str;
        lines = g_strsplit (head_text, "\r\n", -1);
        for (guint i = 0; lines[i]; i++)
          if (g_ascii_strncasecmp (lines[i], "Connection:", 11) != 0)
            g_string_append_printf (head, "%s\r\n", lines[i]);
        g_string_append (head, "Connection: close\r\n\r\n");
        g_string_erase (request, 0, body_at);
        g_string_prepend (request, head->str);
      }
  }

  g_output_stream_write_all (uout, request->str, request->len, NULL, NULL, NULL);

  if (is_post && g_atomic_int_get (&p->proxy->withhold_posts))
    {
      /* RT has done the work once it starts to answer: drop the answer.
       * (Whether RT then closes the connection does not matter.) */
      if (g_input_stream_read (uin, buf, sizeof buf, NULL, NULL) > 0)
        g_atomic_int_set (&p->proxy->withheld, 1);

      /* Keep the client hanging, its item "sending", until it is killed. */
      while (g_atomic_int_get (&p->proxy->withhold_posts))
        g_usleep (10000);
    }
  else
    {
      while ((n = g_input_stream_read (uin, buf, sizeof buf, NULL, NULL)) > 0)
        g_output_stream_write_all (cout, buf, n, NULL, NULL, NULL);
      g_io_stream_close (G_IO_STREAM (p->client), NULL, NULL);
    }

  g_io_stream_close (G_IO_STREAM (p->upstream), NULL, NULL);
  g_object_unref (p->client);
  g_object_unref (p->upstream);
  g_free (p);
  return NULL;
}

/* Runs in the service's own threads: the test's main thread may be busy
 * waiting while the proxy works. */
static gboolean
on_run (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source,
        gpointer                user_data)
{
  Proxy *proxy = user_data;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  Pipe *p = g_new0 (Pipe, 1);

  p->proxy = proxy;
  p->client = g_object_ref (connection);
  p->upstream = g_socket_client_connect_to_host (client, "127.0.0.1", proxy->upstream_port, NULL, NULL);
  g_assert_nonnull (p->upstream);
  pipe_thread (p);
  return TRUE;
}

/* The proxy accepts in a thread with its own main context: the test's
 * main thread busy-waits while the child sends. */
static gpointer
proxy_thread (gpointer data)
{
  Proxy *proxy = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) addr = g_inet_socket_address_new (lo, 0);
  g_autoptr(GSocketAddress) effective = NULL;

  g_main_context_push_thread_default (proxy->context);
  proxy->service = g_threaded_socket_service_new (16);
  g_signal_connect (proxy->service, "run", G_CALLBACK (on_run), proxy);
  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (proxy->service), addr,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                                NULL, &effective, &error));
  g_assert_no_error (error);
  proxy->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_socket_service_start (proxy->service);
  g_atomic_int_set (&proxy->ready, 1);

  g_main_loop_run (proxy->loop);

  g_socket_service_stop (proxy->service);
  g_clear_object (&proxy->service);
  g_main_context_pop_thread_default (proxy->context);
  return NULL;
}

static void
proxy_start (Proxy *proxy)
{
  g_autoptr(GUri) uri = g_uri_parse (rt_url, G_URI_FLAGS_NONE, NULL);

  proxy->upstream_port = g_uri_get_port (uri);
  proxy->context = g_main_context_new ();
  proxy->loop = g_main_loop_new (proxy->context, FALSE);
  proxy->thread = g_thread_new ("proxy-accept", proxy_thread, proxy);
  while (!g_atomic_int_get (&proxy->ready))
    g_usleep (1000);
}

static void
proxy_stop (Proxy *proxy)
{
  g_main_loop_quit (proxy->loop);
  g_thread_join (proxy->thread);
  g_main_loop_unref (proxy->loop);
  g_main_context_unref (proxy->context);
}

/* The child: sends one reply through the proxy and waits to be killed. */
static int
child_send (const char *dir,
            const char *ticket_id,
            const char *text)
{
  Client c = { 0 };
  g_autoptr(FlTicket) ticket = NULL;
  g_autoptr(FlOutboxItem) item = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  client_open (&c, dir, NULL, NULL, FALSE);
  ticket = client_ticket (&c, ticket_id);
  g_assert_nonnull (ticket);
  item = g_object_new (FL_TYPE_OUTBOX_ITEM,
                       "account-id", fl_account_get_id (c.account),
                       "ticket-id", fl_ticket_get_id (ticket),
                       "remote-ticket-id", ticket_id,
                       "kind", FL_OUTBOX_REPLY,
                       "text", text,
                       "force", TRUE,
                       NULL);
  fl_outbox_enqueue_async (fl_context_get_outbox (c.context), item, NULL, done_cb, &result);
  g_assert_true (fl_outbox_enqueue_finish (fl_context_get_outbox (c.context), wait_for (&result), &error));

  for (;;)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}

static void
test_kill_while_sending (void)
{
  g_autofree char *dir = scratch_dir ("kill");
  g_autofree char *id = first_active_ticket ();
  g_autofree char *text = g_strdup_printf ("Exactly once %" G_GINT64_FORMAT, g_get_real_time ());
  g_autofree char *proxy_url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  Proxy proxy = { 0 };
  Client c = { 0 };
  gint64 deadline;

  proxy_start (&proxy);
  proxy_url = g_strdup_printf ("http://127.0.0.1:%u", proxy.port);

  /* The profile talks to RT through the proxy. */
  client_open (&c, dir, proxy_url, agent1_token, TRUE);
  client_sync (&c);
  client_close (&c);

  /* The child sends; RT records the reply; the answer never arrives; the
   * child is killed with SIGKILL while it waits for it. */
  g_atomic_int_set (&proxy.withhold_posts, 1);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_exe, "--child-send", dir, id, text, NULL);
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!g_atomic_int_get (&proxy.withheld))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10000);
    }
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, NULL);
  g_assert_cmpuint (rt_count_messages (id, text), ==, 1);

  /* Restarted, the client finds the item "sending", looks for its marker
   * in RT, finds it, and does not send again. */
  g_atomic_int_set (&proxy.withhold_posts, 0);
  client_open (&c, dir, NULL, NULL, FALSE);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  for (;;)
    {
      g_autoptr(GPtrArray) pending = fl_store_outbox_list (fl_context_get_store (c.context), TRUE, NULL);

      if (pending->len == 0)
        break;
      g_assert_cmpint (fl_outbox_item_get_state (pending->pdata[0]), !=, FL_OUTBOX_FAILED);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpuint (rt_count_messages (id, text), ==, 1);
  client_close (&c);

  proxy_stop (&proxy);
}

/* The composer's "Send and Set Solved": the reply arrives, then the
 * ticket is resolved in RT, and the client's copy agrees after a sync. */
static void
test_reply_and_solve (void)
{
  g_autofree char *dir = scratch_dir ("solve");
  g_autofree char *id = first_active_ticket ();
  g_autofree char *reply = g_strdup_printf ("Sorun çözüldü, iyi günler. %" G_GINT64_FORMAT, g_get_real_time ());
  g_autoptr(FlTicket) ticket = NULL;
  g_autoptr(FlOutboxItem) item = NULL;
  g_autofree char *status = NULL;
  Client c = { 0 };

  client_open (&c, dir, rt_url, agent1_token, TRUE);
  client_sync (&c);
  ticket = client_ticket (&c, id);
  g_assert_nonnull (ticket);
  g_assert_cmpint (fl_ticket_get_status (ticket), !=, FL_STATUS_SOLVED);

  item = client_send_full (&c, ticket, FL_OUTBOX_REPLY, reply, NULL, "solved", FL_OUTBOX_SENT);
  g_assert_cmpuint (rt_count_messages (id, reply), ==, 1);
  status = rt_ticket_field (id, "Status");
  g_assert_cmpstr (status, ==, "resolved");

  client_sync (&c);
  g_clear_object (&ticket);
  ticket = client_ticket (&c, id);
  g_assert_cmpint (fl_ticket_get_status (ticket), ==, FL_STATUS_SOLVED);

  client_close (&c);
}

static gboolean
view_has (Client     *c,
          FlView      view,
          gint64      ticket_id)
{
  g_autoptr(FlQuery) query = fl_query_new (view);
  g_autoptr(GArray) ids = fl_store_query_ids (fl_context_get_store (c->context), query, NULL);

  for (guint i = 0; ids && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == ticket_id)
      return TRUE;
  return FALSE;
}

static void
on_notification_cb (FlNotifier    *notifier,
                    const char    *id,
                    const char    *title,
                    gint64         ticket_id,
                    GNotification *notification,
                    GArray        *mentioned)
{
  if (g_str_has_prefix (id, "mention-"))
    g_array_append_val (mentioned, ticket_id);
}

static void
on_any_notification_cb (FlNotifier    *notifier,
                        const char    *id,
                        const char    *title,
                        gint64         ticket_id,
                        GNotification *notification,
                        GPtrArray     *shown)
{
  g_ptr_array_add (shown, g_strdup_printf ("%s|%s|%" G_GINT64_FORMAT, id, title, ticket_id));
}

/* Issue 7 against the real server, with two agents on two profiles: the
 * team lead (agent1) tags agent2 in a note; agent2 becomes an AdminCc in
 * RT and, after their own client syncs, finds the ticket among their
 * mentions; a reassignment by the lead shows up for both. */
static void
test_mention_and_reassign (void)
{
  g_autofree char *dir1 = scratch_dir ("lead");
  g_autofree char *dir2 = scratch_dir ("mate");
  g_autofree char *id = first_active_ticket ();
  g_autofree char *path = g_strdup_printf ("/ticket/%s", id);
  g_autofree char *note = g_strdup_printf ("@agent2 could you check the gateway log? %" G_GINT64_FORMAT,
                                           g_get_real_time ());
  g_autofree char *admin_cc = NULL;
  g_autofree char *owner = NULL;
  g_autoptr(FlTicket) lead_ticket = NULL;
  g_autoptr(FlTicket) mate_ticket = NULL;
  g_autoptr(FlTicket) after = NULL;
  g_autoptr(FlOutboxItem) sent = NULL;
  g_autoptr(FlOutboxItem) assign = NULL;
  g_autoptr(FlNotifier) notifier = NULL;
  g_autoptr(GArray) mentioned = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  Client lead = { 0 }, mate = { 0 };

  /* A known start: nobody follows the ticket and agent1 owns it. */
  g_clear_pointer (&admin_cc, g_free);
  json_node_unref (rest (agent1_token, "PUT", path, "{\"AdminCc\": [], \"Owner\": \"agent1\"}"));
  admin_cc = rt_ticket_field (id, "AdminCc");
  g_assert_true (admin_cc == NULL || strstr (admin_cc, "agent2") == NULL);

  client_open (&lead, dir1, rt_url, agent1_token, TRUE);
  client_open (&mate, dir2, rt_url, agent2_token, TRUE);
  client_sync (&lead);
  client_sync (&mate);
  lead_ticket = client_ticket (&lead, id);
  mate_ticket = client_ticket (&mate, id);
  g_assert_nonnull (lead_ticket);
  g_assert_nonnull (mate_ticket);
  g_assert_false (view_has (&mate, FL_VIEW_MENTIONS, fl_ticket_get_id (mate_ticket)));

  /* agent2's notifier has seen what is there already. */
  notifier = fl_notifier_new (fl_context_get_store (mate.context));
  g_signal_connect (notifier, "notification", G_CALLBACK (on_notification_cb), mentioned);
  g_signal_connect (notifier, "notification", G_CALLBACK (on_any_notification_cb), shown);
  fl_notifier_check (notifier);
  g_assert_cmpuint (mentioned->len, ==, 0);

  /* The lead tags agent2 in an internal note. */
  sent = client_send (&lead, lead_ticket, FL_OUTBOX_NOTE, note, NULL, FL_OUTBOX_SENT);
  g_assert_nonnull (fl_outbox_item_get_mentions (sent));
  g_assert_cmpstr (fl_outbox_item_get_mentions (sent)[0], ==, "agent2");
  g_assert_cmpuint (rt_count_messages (id, "@agent2 could you check the gateway log?"), >=, 1);
  g_clear_pointer (&admin_cc, g_free);
  admin_cc = rt_ticket_field (id, "AdminCc");
  g_assert_nonnull (admin_cc);
  g_assert_nonnull (strstr (admin_cc, "agent2"));

  /* agent2's own client learns it at the next sync. */
  client_sync (&mate);
  g_assert_true (view_has (&mate, FL_VIEW_MENTIONS, fl_ticket_get_id (mate_ticket)));

  /* ...and is notified of the mention, once, for that ticket. */
  fl_notifier_check (notifier);
  g_assert_cmpuint (mentioned->len, ==, 1);
  g_assert_cmpint (g_array_index (mentioned, gint64, 0), ==, fl_ticket_get_id (mate_ticket));
  fl_notifier_check (notifier);
  g_assert_cmpuint (mentioned->len, ==, 1);
  /* Becoming an AdminCc came with the mention: no second notification. */
  g_assert_cmpuint (shown->len, ==, 1);

  /* The lead reassigns the ticket to agent2: both clients show it. */
  assign = client_send (&lead, lead_ticket, FL_OUTBOX_SET_OWNER, NULL, "agent2", FL_OUTBOX_SENT);
  owner = rt_ticket_field (id, "Owner");
  g_assert_cmpstr (owner, ==, "agent2");
  client_sync (&lead);
  client_sync (&mate);
  after = client_ticket (&lead, id);
  g_assert_cmpint (fl_ticket_get_assignee_id (after), !=, 0);
  g_assert_false (view_has (&lead, FL_VIEW_ASSIGNED_TO_ME, fl_ticket_get_id (after)));
  g_assert_true (view_has (&mate, FL_VIEW_ASSIGNED_TO_ME, fl_ticket_get_id (mate_ticket)));

  /* RT's history names the new owner by user id; the conversation shows
   * the change as an event with the teammate's name. */
  {
    g_autoptr(GPtrArray) messages = fl_store_load_messages (fl_context_get_store (mate.context),
                                                            fl_ticket_get_id (mate_ticket), NULL);
    gboolean assigned = FALSE;

    for (guint i = 0; messages && i < messages->len; i++)
      assigned |= g_strcmp0 (fl_message_get_event_field (messages->pdata[i]), "assign") == 0 &&
                  g_strcmp0 (fl_message_get_event_new (messages->pdata[i]), "Daniel Brooks") == 0;
    g_assert_true (assigned);
  }

  g_clear_object (&notifier);
  client_close (&lead);
  client_close (&mate);
}

static gboolean
client_is_unread (Client     *c,
                  const char *remote_id)
{
  g_autoptr(FlTicket) ticket = client_ticket (c, remote_id);

  g_assert_nonnull (ticket);
  return fl_ticket_get_unread (ticket);
}

/* Issue 7, followers: the team lead (agent1) makes agent2 an AdminCc
 * through the outbox; after agent2's client syncs, the ticket is new in
 * their Mentions & Tags view, unread, with one notification naming the
 * lead. Opening it sees it. agent2 following a ticket themselves is not
 * news, and neither are the follows their first sync found. */
static void
test_follow_by_teammate (void)
{
  g_autofree char *dir1 = scratch_dir ("lead");
  g_autofree char *dir2 = scratch_dir ("mate");
  g_autofree char *id = first_active_ticket ();
  g_autofree char *own_id = first_active_ticket ();
  g_autofree char *old_id = first_active_ticket ();
  g_autofree char *path = g_strdup_printf ("/ticket/%s", id);
  g_autofree char *own_path = g_strdup_printf ("/ticket/%s", own_id);
  g_autofree char *old_path = g_strdup_printf ("/ticket/%s", old_id);
  g_autofree char *admin_cc = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(FlTicket) lead_ticket = NULL;
  g_autoptr(FlTicket) mate_ticket = NULL;
  g_autoptr(FlTicket) own_ticket = NULL;
  g_autoptr(FlOutboxItem) follow = NULL;
  g_autoptr(FlOutboxItem) own_follow = NULL;
  g_autoptr(FlNotifier) notifier = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  FlStore *mate_store;
  guint before;
  Client lead = { 0 }, mate = { 0 };

  /* A known start: nobody follows the first two tickets; agent2 already
   * follows the third, which their first sync finds: history. */
  json_node_unref (rest (agent1_token, "PUT", path, "{\"AdminCc\": []}"));
  json_node_unref (rest (agent1_token, "PUT", own_path, "{\"AdminCc\": []}"));
  json_node_unref (rest (agent1_token, "PUT", old_path, "{\"AdminCc\": [\"agent2\"]}"));

  client_open (&lead, dir1, rt_url, agent1_token, TRUE);
  client_open (&mate, dir2, rt_url, agent2_token, TRUE);
  client_sync (&lead);
  client_sync (&mate);
  mate_store = fl_context_get_store (mate.context);
  lead_ticket = client_ticket (&lead, id);
  mate_ticket = client_ticket (&mate, id);
  own_ticket = client_ticket (&mate, own_id);
  g_assert_nonnull (lead_ticket);
  g_assert_nonnull (mate_ticket);
  g_assert_nonnull (own_ticket);
  g_assert_false (view_has (&mate, FL_VIEW_MENTIONS, fl_ticket_get_id (mate_ticket)));
  {
    g_autoptr(FlTicket) old = client_ticket (&mate, old_id);

    g_assert_nonnull (old);
    g_assert_false (view_has (&mate, FL_VIEW_MENTIONS, fl_ticket_get_id (old)));
    g_assert_false (fl_ticket_get_unread (old));
  }

  notifier = fl_notifier_new (mate_store);
  g_signal_connect (notifier, "notification", G_CALLBACK (on_any_notification_cb), shown);
  fl_notifier_check (notifier);
  g_assert_cmpuint (shown->len, ==, 0);
  before = client_count (&mate, FL_VIEW_MENTIONS);

  /* The lead makes agent2 a follower. */
  follow = client_send (&lead, lead_ticket, FL_OUTBOX_ADD_WATCHER, NULL, "agent2", FL_OUTBOX_SENT);
  admin_cc = rt_ticket_field (id, "AdminCc");
  g_assert_nonnull (admin_cc);
  g_assert_nonnull (strstr (admin_cc, "agent2"));

  /* agent2 follows another ticket with their own Follow. */
  own_follow = client_send (&mate, own_ticket, FL_OUTBOX_ADD_WATCHER, NULL, "agent2", FL_OUTBOX_SENT);

  /* agent2's next sync: the lead's follow is news, their own is not. */
  client_sync (&mate);
  g_assert_true (view_has (&mate, FL_VIEW_MENTIONS, fl_ticket_get_id (mate_ticket)));
  g_assert_true (client_is_unread (&mate, id));
  g_assert_false (view_has (&mate, FL_VIEW_MENTIONS, fl_ticket_get_id (own_ticket)));
  g_assert_false (client_is_unread (&mate, own_id));
  g_assert_cmpuint (client_count (&mate, FL_VIEW_MENTIONS), ==, before + 1);
  {
    g_autoptr(GArray) followers = fl_store_list_follower_ids (mate_store, fl_ticket_get_id (own_ticket), NULL);

    g_assert_cmpuint (followers->len, ==, 1);
  }

  /* One notification, naming the lead, for that ticket. */
  fl_notifier_check (notifier);
  g_assert_cmpuint (shown->len, ==, 1);
  expected = g_strdup_printf ("|%" G_GINT64_FORMAT, fl_ticket_get_id (mate_ticket));
  g_assert_true (g_str_has_prefix (shown->pdata[0], "follow-"));
  g_assert_true (g_str_has_suffix (shown->pdata[0], expected));
  g_assert_nonnull (strstr (shown->pdata[0], "Ayşe Yılmaz"));
  fl_notifier_check (notifier);
  g_assert_cmpuint (shown->len, ==, 1);

  /* agent2 opens it: seen, read, and out of the view's count. */
  g_assert_true (fl_store_set_unread (mate_store, fl_ticket_get_id (mate_ticket), FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (view_has (&mate, FL_VIEW_MENTIONS, fl_ticket_get_id (mate_ticket)));
  g_assert_cmpuint (client_count (&mate, FL_VIEW_MENTIONS), ==, before);

  /* Synced again with nothing new: still seen, no new notification. */
  client_sync (&mate);
  g_assert_false (view_has (&mate, FL_VIEW_MENTIONS, fl_ticket_get_id (mate_ticket)));
  fl_notifier_check (notifier);
  g_assert_cmpuint (shown->len, ==, 1);

  g_clear_object (&notifier);
  client_close (&lead);
  client_close (&mate);
}

int
main (int   argc,
      char *argv[])
{
  self_exe = argv[0];

  if (argc == 5 && g_strcmp0 (argv[1], "--child-send") == 0)
    {
      rt_url = g_getenv ("RT_URL");
      return child_send (argv[2], argv[3], argv[4]);
    }

  g_test_init (&argc, &argv, NULL);

  rt_url = g_getenv ("RT_URL");
  agent1_token = g_getenv ("RT_AGENT1_TOKEN");
  agent2_token = g_getenv ("RT_AGENT2_TOKEN");
  if (rt_url == NULL || agent1_token == NULL || agent2_token == NULL)
    {
      g_print ("1..0 # SKIP no Request Tracker: run through build-aux/dev.sh test\n");
      return 0;
    }

  g_test_add_func ("/rt/connect-and-keyring", test_connect_and_keyring);
  g_test_add_func ("/rt/initial-sync-counts", test_initial_sync_counts);
  g_test_add_func ("/rt/incremental", test_incremental);
  g_test_add_func ("/rt/writes-reach-rt", test_writes_reach_rt);
  g_test_add_func ("/rt/stale-reply-guard", test_stale_reply_guard);
  g_test_add_func ("/rt/kill-while-sending", test_kill_while_sending);
  g_test_add_func ("/rt/reply-and-solve", test_reply_and_solve);
  g_test_add_func ("/rt/mention-and-reassign", test_mention_and_reassign);
  g_test_add_func ("/rt/follow-by-teammate", test_follow_by_teammate);

  return g_test_run ();
}
