/* test-store.c: the SQLite store: views, sorting, search, migrations,
 * concurrency and consistency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "fl-attachment.h"
#include "fl-store-private.h"

#define NOW ((gint64) 1800000000)

typedef struct
{
  char    *dir;
  FlStore *store;
  gint64   account1;
  gint64   account2;
} Fixture;

static FlAccount *
make_account (Fixture    *f,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  FlAccount *account = g_object_new (FL_TYPE_ACCOUNT, "kind", "demo", "name", name,
                                     "enabled", TRUE, NULL);

  g_assert_true (fl_store_save_account (f->store, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fl_account_get_id (account), >, 0);

  /* A policy without targets: these views test the backend's own due
   * dates; /store/sla-views tests the policy's. */
  {
    g_autoptr(FlSlaPolicy) policy = fl_sla_policy_new_default ();

    for (guint s = 0; s < FL_SLA_N_STAGES; s++)
      for (guint p = 0; p < FL_N_PRIORITIES; p++)
        fl_sla_policy_set_target (policy, s, p, 0);
    g_assert_true (fl_store_save_sla_policy (f->store, fl_account_get_id (account), policy, &error));
    g_assert_no_error (error);
  }
  return account;
}

static void
add_agent (FlSyncBatch *batch,
           const char  *id,
           const char  *name)
{
  g_autoptr(FlAgent) agent = g_object_new (FL_TYPE_AGENT, "remote-id", id, "username", id,
                                           "name", name, NULL);
  fl_sync_batch_add_agent (batch, agent);
}

static void
add_customer (FlSyncBatch *batch,
              const char  *id,
              const char  *name,
              const char  *email)
{
  const char *emails[] = { email, NULL };
  g_autoptr(FlCustomer) customer = g_object_new (FL_TYPE_CUSTOMER, "remote-id", id,
                                                 "name", name, "emails", emails, NULL);
  fl_sync_batch_add_customer (batch, customer);
}

static FlSyncTicket *
add_ticket (FlSyncBatch *batch,
            const char  *id,
            const char  *subject,
            FlStatus     status,
            FlPriority   priority,
            FlChannel    channel,
            const char  *customer,
            const char  *assignee,
            gint64       updated,
            gint64       due_first,
            const char  *text)
{
  g_autoptr(FlTicket) ticket = g_object_new (FL_TYPE_TICKET,
                                             "remote-id", id,
                                             "subject", subject,
                                             "status", status,
                                             "priority", priority,
                                             "channel", channel,
                                             "created", updated - 1000,
                                             "updated", updated,
                                             "due-first-response", due_first,
                                             NULL);
  FlSyncTicket *st = fl_sync_batch_add_ticket (batch, ticket, customer, assignee);

  if (text != NULL)
    {
      g_autofree char *mid = g_strdup_printf ("%s-m1", id);
      g_autoptr(FlMessage) m = g_object_new (FL_TYPE_MESSAGE,
                                             "remote-id", mid,
                                             "kind", FL_MESSAGE_REPLY,
                                             "direction", FL_DIRECTION_INBOUND,
                                             "created", updated - 1000,
                                             "text", text,
                                             NULL);
      fl_sync_ticket_add_message (st, m);
    }

  return st;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FlAccount) a1 = NULL;
  g_autoptr(FlAccount) a2 = NULL;
  g_autoptr(FlSyncBatch) b1 = fl_sync_batch_new ();
  g_autoptr(FlSyncBatch) b2 = fl_sync_batch_new ();
  g_autoptr(FlMessage) note = NULL;
  FlSyncTicket *st;

  f->dir = g_dir_make_tmp ("fl-store-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "frontline.db", NULL);
  f->store = fl_store_open (path, &error);
  g_assert_no_error (error);

  a1 = make_account (f, "Acme");
  a2 = make_account (f, "Beta");
  f->account1 = fl_account_get_id (a1);
  f->account2 = fl_account_get_id (a2);

  add_agent (b1, "a1", "Ayşe Yılmaz");
  add_agent (b1, "a2", "Daniel Brooks");
  add_customer (b1, "c1", "Emily Carter", "emily@example.com");
  add_customer (b1, "c2", "Mehmet Demir", "mehmet@example.com.tr");
  add_customer (b1, "c3", "سارا محمدی", "sara@example.ir");
  fl_sync_batch_set_me (b1, "a1");

  add_ticket (b1, "T1", "Kargo gecikmesi İADE", FL_STATUS_OPEN, FL_PRIORITY_HIGH, FL_CHANNEL_EMAIL,
              "c1", "a1", NOW - 100, NOW - 50, "KARGO nerede? Siparişim gelmedi.");
  add_ticket (b1, "T2", "سفارش", FL_STATUS_NEW, FL_PRIORITY_NORMAL, FL_CHANNEL_CHAT,
              "c2", NULL, NOW - 200, NOW + 3600, "سفارش كتاب ۱۲۳۴ رسید؟");
  add_ticket (b1, "T3", "Waiting for photos", FL_STATUS_PENDING, FL_PRIORITY_LOW, FL_CHANNEL_PHONE,
              "c3", "a2", NOW - 300, NOW - 10, "I will send photos tomorrow");
  add_ticket (b1, "T4", "Refund done", FL_STATUS_SOLVED, FL_PRIORITY_URGENT, FL_CHANNEL_WEB,
              "c1", "a1", NOW - 400, 0, "thanks for the refund");
  add_ticket (b1, "T5", "Closed thread", FL_STATUS_CLOSED, FL_PRIORITY_NORMAL, FL_CHANNEL_SOCIAL,
              "c2", "a2", NOW - 500, 0, "ok");
  add_ticket (b1, "T6", "On hold until stock", FL_STATUS_ON_HOLD, FL_PRIORITY_NORMAL,
              FL_CHANNEL_MARKETPLACE, "c3", NULL, NOW - 600, 0, "When is it back in stock?");
  st = add_ticket (b1, "T7", "Webhook failed", FL_STATUS_OPEN, FL_PRIORITY_URGENT, FL_CHANNEL_API,
                   "c1", "a2", NOW - 700, 0, "Payment webhook failed for LH-1");
  fl_sync_ticket_add_follower (st, "a1");
  note = g_object_new (FL_TYPE_MESSAGE, "remote-id", "T7-note", "kind", FL_MESSAGE_NOTE,
                       "direction", FL_DIRECTION_OUTBOUND, "created", NOW - 700,
                       "text", "@ayse please look, mail bob@example.com", NULL);
  fl_sync_ticket_add_message (st, note);

  g_assert_true (fl_store_apply_batch (f->store, f->account1, b1, &error));
  g_assert_no_error (error);

  add_agent (b2, "b1", "Ayşe Y.");
  add_customer (b2, "d1", "Emily C.", "EMILY@example.com");
  fl_sync_batch_set_me (b2, "b1");
  add_ticket (b2, "T8", "Second account ticket", FL_STATUS_OPEN, FL_PRIORITY_NORMAL,
              FL_CHANNEL_EMAIL, "d1", "b1", NOW - 800, 0, "hello from the other helpdesk");
  g_assert_true (fl_store_apply_batch (f->store, f->account2, b2, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "frontline.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  /* Change signals still queued hold the store. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->store);
  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* The remote ids of what @query returns, comma-separated. */
static char *
run_query (Fixture *f,
           FlQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  fl_query_set_now (query, NOW);
  ids = fl_store_query_ids (f->store, query, &error);
  g_assert_no_error (error);
  tickets = fl_store_load_tickets (f->store, (gint64 *) (gpointer) ids->data, ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tickets->len, ==, ids->len);

  for (guint i = 0; i < tickets->len; i++)
    g_string_append_printf (out, "%s%s", i ? "," : "", fl_ticket_get_remote_id (tickets->pdata[i]));

  /* A view's count always agrees with its list. */
  g_assert_cmpuint (fl_store_count (f->store, query, NULL), ==, ids->len);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static FlTicket *
load_by_subject (Fixture    *f,
                 const char *subject)
{
  g_autoptr(FlQuery) query = fl_query_new (FL_VIEW_ALL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) tickets = NULL;

  ids = fl_store_query_ids (f->store, query, &error);
  g_assert_no_error (error);
  tickets = fl_store_load_tickets (f->store, (gint64 *) (gpointer) ids->data, ids->len, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tickets->len; i++)
    if (g_strcmp0 (fl_ticket_get_subject (tickets->pdata[i]), subject) == 0)
      return g_object_ref (tickets->pdata[i]);
  g_assert_not_reached ();
}

static char *
run_view (Fixture *f,
          FlView   view,
          FlSort   sort,
          const char *text)
{
  g_autoptr(FlQuery) query = fl_query_new (view);

  fl_query_set_sort (query, sort);
  fl_query_set_text (query, text);
  return run_query (f, query);
}

typedef struct
{
  FlView      view;
  FlSort      sort;
  const char *text;
  const char *expected;
} ViewCase;

static void
test_views (Fixture       *f,
            gconstpointer  data)
{
  static const ViewCase cases[] = {
    { FL_VIEW_INBOX, FL_SORT_UPDATED, NULL, "T1,T2,T3,T6,T7,T8" },
    { FL_VIEW_ASSIGNED_TO_ME, FL_SORT_UPDATED, NULL, "T1,T8" },
    { FL_VIEW_UNASSIGNED, FL_SORT_UPDATED, NULL, "T2,T6" },
    /* I follow T7, but since the account's first sync: that is history,
     * not news (/store/follow-news has the rest). */
    { FL_VIEW_MENTIONS, FL_SORT_UPDATED, NULL, "" },
    { FL_VIEW_SLA_AT_RISK, FL_SORT_UPDATED, NULL, "T2" },
    { FL_VIEW_BREACHED, FL_SORT_UPDATED, NULL, "T1" },
    { FL_VIEW_PENDING, FL_SORT_UPDATED, NULL, "T3" },
    { FL_VIEW_SOLVED, FL_SORT_UPDATED, NULL, "T4,T5" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, NULL, "T1,T2,T3,T4,T5,T6,T7,T8" },
    { FL_VIEW_INBOX, FL_SORT_PRIORITY, NULL, "T7,T1,T2,T6,T8,T3" },
    { FL_VIEW_INBOX, FL_SORT_DUE, NULL, "T1,T2,T3,T6,T7,T8" },
    { FL_VIEW_ALL, FL_SORT_CREATED, NULL, "T1,T2,T3,T4,T5,T6,T7,T8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = run_view (f, cases[i].view, cases[i].sort, cases[i].text);
      g_test_message ("view %d sort %d: %s", cases[i].view, cases[i].sort, got);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

/* The views from the account's SLA policy: round the clock in UTC,
 * first response within 2 h (normal), 1 h (high), 30 min (urgent), no
 * other targets. The due time is the earlier of the policy's and the
 * backend's. T1 (high, created NOW-1100): policy NOW+2500, backend
 * NOW-50: breached. T2 (normal, created NOW-1200): policy NOW+6000,
 * backend NOW+3600: at risk (2 h window). T7 (urgent, created NOW-1700,
 * only an internal note): NOW+100, at risk. T3 and T6 wait (pending, on
 * hold): no due time. T8's account has no targets. */
static void
test_sla_views (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlSlaPolicy) policy = fl_sla_policy_new_default ();
  g_autoptr(FlSlaPolicy) back = NULL;
  g_autoptr(FlTicket) t7 = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_back = NULL;
  g_autofree char *at_risk = NULL;
  g_autofree char *breached = NULL;
  g_autofree char *at_risk2 = NULL;
  g_autofree char *breached2 = NULL;
  g_autofree char *by_due = NULL;
  gint64 t7_id;

  g_assert_true (fl_sla_policy_set_time_zone (policy, "UTC"));
  for (int d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    fl_sla_policy_set_work_day (policy, d, TRUE);
  fl_sla_policy_set_hours (policy, 0, 24 * 60);
  for (guint s = 0; s < FL_SLA_N_STAGES; s++)
    for (guint p = 0; p < FL_N_PRIORITIES; p++)
      fl_sla_policy_set_target (policy, s, p, 0);
  fl_sla_policy_set_target (policy, FL_SLA_FIRST_RESPONSE, FL_PRIORITY_NORMAL, 7200);
  fl_sla_policy_set_target (policy, FL_SLA_FIRST_RESPONSE, FL_PRIORITY_HIGH, 3600);
  fl_sla_policy_set_target (policy, FL_SLA_FIRST_RESPONSE, FL_PRIORITY_URGENT, 1800);
  g_assert_true (fl_store_save_sla_policy (f->store, f->account1, policy, &error));
  g_assert_no_error (error);

  back = fl_store_load_sla_policy (f->store, f->account1, &error);
  g_assert_no_error (error);
  json = fl_sla_policy_to_json (policy);
  json_back = fl_sla_policy_to_json (back);
  g_assert_cmpstr (json, ==, json_back);

  at_risk = run_view (f, FL_VIEW_SLA_AT_RISK, FL_SORT_UPDATED, NULL);
  g_assert_cmpstr (at_risk, ==, "T2,T7");
  breached = run_view (f, FL_VIEW_BREACHED, FL_SORT_UPDATED, NULL);
  g_assert_cmpstr (breached, ==, "T1");
  /* Due first, then the tickets without a due time by id. */
  by_due = run_view (f, FL_VIEW_INBOX, FL_SORT_DUE, NULL);
  g_assert_cmpstr (by_due, ==, "T1,T7,T2,T3,T6,T8");

  /* Ten minutes for urgent: T7 fell due at NOW-1100. Saving the policy
   * recomputes the account's tickets. */
  fl_sla_policy_set_target (policy, FL_SLA_FIRST_RESPONSE, FL_PRIORITY_URGENT, 600);
  g_assert_true (fl_store_save_sla_policy (f->store, f->account1, policy, &error));
  g_assert_no_error (error);
  at_risk2 = run_view (f, FL_VIEW_SLA_AT_RISK, FL_SORT_UPDATED, NULL);
  g_assert_cmpstr (at_risk2, ==, "T2");
  breached2 = run_view (f, FL_VIEW_BREACHED, FL_SORT_UPDATED, NULL);
  g_assert_cmpstr (breached2, ==, "T1,T7");

  {
    g_autoptr(FlTicket) found = load_by_subject (f, "Webhook failed");

    t7_id = fl_ticket_get_id (found);
  }
  t7 = fl_store_load_ticket (f->store, t7_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fl_ticket_get_remote_id (t7), ==, "T7");
  g_assert_cmpint (fl_ticket_get_sla_due (t7), ==, NOW - 1100);

  /* Back to the default (NULL): the default policy has targets, so T8's
   * account is untouched and account 1 still has due times. */
  g_assert_true (fl_store_save_sla_policy (f->store, f->account1, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, fl_sla_policy_free);
  back = fl_store_load_sla_policy (f->store, f->account1, &error);
  g_assert_cmpint (fl_sla_policy_get_target (back, FL_SLA_FIRST_RESPONSE, FL_PRIORITY_URGENT), ==, 3600);
}

static void
test_channel_account_views (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(FlQuery) email = fl_query_new (FL_VIEW_CHANNEL);
  g_autoptr(FlQuery) api = fl_query_new (FL_VIEW_CHANNEL);
  g_autoptr(FlQuery) social = fl_query_new (FL_VIEW_CHANNEL);
  g_autoptr(FlQuery) beta = fl_query_new (FL_VIEW_ACCOUNT);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  fl_query_set_channel (email, FL_CHANNEL_EMAIL);
  fl_query_set_channel (api, FL_CHANNEL_API);
  fl_query_set_channel (social, FL_CHANNEL_SOCIAL);
  fl_query_set_account_id (beta, f->account2);

  a = run_query (f, email);
  b = run_query (f, api);
  c = run_query (f, social);
  d = run_query (f, beta);
  g_assert_cmpstr (a, ==, "T1,T8");
  g_assert_cmpstr (b, ==, "T7");
  g_assert_cmpstr (c, ==, "");   /* T5 is closed: channel views show open work */
  g_assert_cmpstr (d, ==, "T8");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  static const ViewCase cases[] = {
    { FL_VIEW_ALL, FL_SORT_UPDATED, "kargo", "T1" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "KARGO", "T1" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "karg", "T1" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "iade", "T1" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "İADE", "T1" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "siparisim", "T1" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "کتاب", "T2" },      /* Persian keheh finds Arabic kaf */
    { FL_VIEW_ALL, FL_SORT_UPDATED, "1234", "T2" },      /* ASCII digits find Persian ones */
    { FL_VIEW_ALL, FL_SORT_UPDATED, "۱۲۳۴", "T2" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "emily", "T1,T4,T7,T8" },
    { FL_VIEW_INBOX, FL_SORT_UPDATED, "emily", "T1,T7,T8" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "webhook lh", "T7" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "سارا", "T3,T6" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "!!!", "" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "\"quoted", "" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "nothingmatches", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = run_view (f, cases[i].view, cases[i].sort, cases[i].text);
      g_test_message ("search %s: %s", cases[i].text, got);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

/* The query language against the fixture: T1 open/high/email, Emily,
 * mine; T2 new/chat, Mehmet, unassigned; T3 pending/low/phone, سارا,
 * Daniel; T4 solved/urgent/web, Emily, mine; T5 closed/social, Mehmet,
 * Daniel; T6 on hold/marketplace, سارا, unassigned; T7 open/urgent/api,
 * Emily, Daniel; T8 open/email, Emily C. of the Beta account, mine there.
 * All were created on 2027-01-15 (NOW), give or take a time zone. */
static void
test_search_language (Fixture       *f,
                      gconstpointer  data)
{
  static const ViewCase cases[] = {
    { FL_VIEW_ALL, FL_SORT_UPDATED, "status:open", "T1,T7,T8" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "STATUS:Open", "T1,T7,T8" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "status:new,pending", "T2,T3" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "status:on-hold", "T6" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "status:\"on hold\"", "T6" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "status:pend", "T3" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "-status:solved -status:closed", "T1,T2,T3,T6,T7,T8" },
    { FL_VIEW_INBOX, FL_SORT_UPDATED, "-status:open", "T2,T3,T6" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "channel:email", "T1,T8" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "channel:api,chat", "T2,T7" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "priority:urgent", "T4,T7" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "priority:high webhook", "" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "priority:urgent webhook", "T7" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "assignee:me", "T1,T4,T8" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "assignee:none", "T2,T6" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "-assignee:none", "T1,T3,T4,T5,T7,T8" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "assignee:daniel", "T3,T5,T7" },
    /* Turkish-aware: YILMAZ and yılmaz fold alike. */
    { FL_VIEW_ALL, FL_SORT_UPDATED, "assignee:YILMAZ", "T1,T4" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "-assignee:daniel", "T1,T2,T4,T6,T8" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "from:emily", "T1,T4,T7,T8" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "from:sara@example.ir", "T3,T6" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "from:سارا", "T3,T6" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "-from:emily", "T2,T3,T5,T6" },
    /* "refund" is in T4's text but not in any customer's name. */
    { FL_VIEW_ALL, FL_SORT_UPDATED, "from:refund", "" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "account:beta", "T8" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "-account:beta status:open", "T1,T7" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "is:unread", "T2" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "is:read channel:chat", "" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "is:closed", "T4,T5" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "İS:OPEN -status:open", "T2,T3,T6" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "after:2027-01-16", "" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "before:2027-01-14", "" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "after:2027-01-14 before:2027-01-16", "T1,T2,T3,T4,T5,T6,T7,T8" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "after:۲۰۲۷-۰۱-۱۶", "" },
    /* Phrases: the words in order. */
    { FL_VIEW_ALL, FL_SORT_UPDATED, "\"webhook failed\"", "T7" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "\"failed webhook\"", "" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "\"kargo gecikmesi\"", "T1" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "-\"webhook failed\" from:emily", "T1,T4,T8" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "-refund from:emily", "T1,T7,T8" },
    /* Persian and Arabic variants and digits inside the language. */
    { FL_VIEW_ALL, FL_SORT_UPDATED, "كتاب status:new", "T2" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "کتاب -status:new", "" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "\"كتاب ١٢٣٤\"", "T2" },
    /* What is not understood is left out, not turned into nothing. */
    { FL_VIEW_ALL, FL_SORT_UPDATED, "status:bogus webhook", "T7" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "status:", "T1,T2,T3,T4,T5,T6,T7,T8" },
    { FL_VIEW_ALL, FL_SORT_UPDATED, "before:tomorrow channel:api", "T7" },
    /* An unknown keyword is searched as text. */
    { FL_VIEW_ALL, FL_SORT_UPDATED, "lh:1", "T7" },
  };
  g_autoptr(FlQuery) t2 = fl_query_new (FL_VIEW_ALL);
  g_autoptr(GArray) ids = NULL;

  /* Only T2 is unread. */
  fl_query_set_text (t2, "سفارش");
  ids = fl_store_query_ids (f->store, t2, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_true (fl_store_set_unread (f->store, g_array_index (ids, gint64, 0), TRUE, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = run_view (f, cases[i].view, cases[i].sort, cases[i].text);
      g_test_message ("search %s: %s", cases[i].text, got);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

/* Searches that match more tickets than the store looks up by id one by
 * one (a thousand): "zebra" matches 1 200 of 1 500 bulk tickets, so it is
 * tested ticket by ticket along the view's index; "yarrow" matches 500
 * and "zebra yarrow" 400, so those are looked up by id. Both plans must
 * give the same lists and counts as a plain reading of the tickets. */
#define N_BULK 1500

static gboolean
bulk_has_zebra (guint i)
{
  return i % 5 != 0;
}

static gboolean
bulk_has_yarrow (guint i)
{
  return i % 3 == 0;
}

static void
add_bulk_tickets (Fixture *f)
{
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_BULK; i++)
    {
      g_autofree char *id = g_strdup_printf ("M%04u", i);
      g_autofree char *subject = g_strdup_printf ("bulk %s %s", bulk_has_zebra (i) ? "zebra" : "",
                                                  bulk_has_yarrow (i) ? "yarrow" : "");

      /* Newer first in the list, older than the fixture's tickets; even
       * ones open. */
      add_ticket (batch, id, subject, i % 2 ? FL_STATUS_SOLVED : FL_STATUS_OPEN,
                  FL_PRIORITY_NORMAL, FL_CHANNEL_EMAIL, "c1", NULL, NOW - 10000 - i * 10, 0, NULL);
    }
  add_customer (batch, "c1", "Emily Carter", "emily@example.com");
  g_assert_true (fl_store_apply_batch (f->store, f->account1, batch, &error));
  g_assert_no_error (error);
}

typedef enum
{
  WANT_ZEBRA,
  WANT_NOT_ZEBRA,
  WANT_ZEBRA_YARROW,
  WANT_YARROW_NOT_ZEBRA,
} BulkWant;

/* The bulk tickets that a search should find, in the list's order. */
static char *
expected_bulk (BulkWant want,
               gboolean open_only)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < N_BULK; i++)
    {
      gboolean zebra = bulk_has_zebra (i), yarrow = bulk_has_yarrow (i);
      gboolean hit = FALSE;

      switch (want)
        {
        case WANT_ZEBRA: hit = zebra; break;
        case WANT_NOT_ZEBRA: hit = !zebra; break;
        case WANT_ZEBRA_YARROW: hit = zebra && yarrow; break;
        case WANT_YARROW_NOT_ZEBRA: hit = yarrow && !zebra; break;
        default: g_assert_not_reached ();
        }
      if (hit && (!open_only || i % 2 == 0))
        g_string_append_printf (out, "%sM%04u", out->len ? "," : "", i);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_search_many (Fixture       *f,
                  gconstpointer  data)
{
  static const struct {
    FlView      view;
    const char *text;
    BulkWant    want;
    const char *fixture;   /* the fixture's tickets, listed before */
  } cases[] = {
    { FL_VIEW_ALL, "zebra", WANT_ZEBRA, NULL },
    { FL_VIEW_ALL, "z", WANT_ZEBRA, NULL },
    { FL_VIEW_ALL, "ZEB", WANT_ZEBRA, NULL },
    { FL_VIEW_INBOX, "zebra", WANT_ZEBRA, NULL },
    { FL_VIEW_ALL, "zebra yarrow", WANT_ZEBRA_YARROW, NULL },
    { FL_VIEW_ALL, "yarrow zeb", WANT_ZEBRA_YARROW, NULL },
    { FL_VIEW_ALL, "-zebra", WANT_NOT_ZEBRA, "T1,T2,T3,T4,T5,T6,T7,T8" },
    { FL_VIEW_INBOX, "-zebra", WANT_NOT_ZEBRA, "T1,T2,T3,T6,T7,T8" },
    { FL_VIEW_ALL, "yarrow -zebra", WANT_YARROW_NOT_ZEBRA, NULL },
  };
  g_autoptr(GError) error = NULL;

  add_bulk_tickets (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FlQuery) query = fl_query_new (cases[i].view);
      g_autofree char *bulk = expected_bulk (cases[i].want, cases[i].view == FL_VIEW_INBOX);
      g_autofree char *expected = cases[i].fixture
                                  ? g_strconcat (cases[i].fixture, ",", bulk, NULL)
                                  : g_strdup (bulk);
      g_autofree char *got = NULL;
      g_autoptr(GArray) all = NULL;
      g_autoptr(GArray) first = NULL;

      fl_query_set_text (query, cases[i].text);
      got = run_query (f, query);
      g_test_message ("search %s: %zu characters", cases[i].text, strlen (got));
      g_assert_cmpstr (got, ==, expected);

      /* A first page is the list's beginning. */
      all = fl_store_query_ids (f->store, query, &error);
      g_assert_no_error (error);
      first = fl_store_query_first_ids (f->store, query, 50, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (first->len, ==, MIN (50, all->len));
      g_assert_cmpmem (first->data, first->len * sizeof (gint64), all->data, first->len * sizeof (gint64));
    }
}

/* The match sets themselves: a bit per ticket id, or a sorted list when
 * an id is too large for that, and a clear error for a bad expression. */
static void
test_match_set (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlMatchSet) zebra = NULL;
  g_autoptr(FlMatchSet) far = NULL;
  g_autoptr(FlMatchSet) bad = NULL;
  g_autoptr(FlMatchSet) none = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(FlQuery) query = fl_query_new (FL_VIEW_ALL);
  g_autoptr(GArray) ids = NULL;
  FlDb *db;
  const gint64 far_id = G_GINT64_CONSTANT (1) << 40;

  add_bulk_tickets (f);
  db = fl_db_open (fl_store_get_path (f->store), FALSE, &error);
  g_assert_no_error (error);

  /* Every zebra ticket is in the set, and no other ticket. */
  fl_query_set_text (query, "bulk");
  ids = fl_store_query_ids (f->store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, N_BULK);
  zebra = fl_match_set_new (db, "\"zebra\"*", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fl_match_set_get_size (zebra), ==, N_BULK / 5 * 4);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FlTicket) ticket = fl_store_load_ticket (f->store, g_array_index (ids, gint64, i), NULL);
      guint n = atoi (fl_ticket_get_remote_id (ticket) + 1);

      g_assert_cmpint (fl_match_set_contains (zebra, g_array_index (ids, gint64, i)), ==, bulk_has_zebra (n));
    }
  g_assert_false (fl_match_set_contains (zebra, 0));
  g_assert_false (fl_match_set_contains (zebra, -1));
  g_assert_false (fl_match_set_contains (zebra, far_id));

  /* An id past the bitmap's reach. */
  g_assert_true (fl_db_exec (db, "INSERT INTO ticket_fts (rowid, subject, body, people)"
                                 " VALUES (1099511627776, 'quokka', '', '')", &error));
  g_assert_no_error (error);
  far = fl_match_set_new (db, "\"quokka\"", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fl_match_set_get_size (far), ==, 1);
  g_assert_true (fl_match_set_contains (far, far_id));
  g_assert_false (fl_match_set_contains (far, far_id - 1));
  g_assert_false (fl_match_set_contains (far, 1));
  fl_match_set_append_ids (far, list);
  g_assert_cmpstr (list->str, ==, "(1099511627776)");
  g_assert_true (fl_db_exec (db, "DELETE FROM ticket_fts WHERE rowid = 1099511627776", &error));
  g_assert_no_error (error);

  /* Nothing matches: an SQL list that nothing is in. */
  none = fl_match_set_new (db, "\"nothingmatches\"", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fl_match_set_get_size (none), ==, 0);
  g_string_truncate (list, 0);
  fl_match_set_append_ids (none, list);
  g_assert_cmpstr (list->str, ==, "(NULL)");

  bad = fl_match_set_new (db, "\"unterminated", &error);
  g_assert_null (bad);
  g_assert_error (error, FL_STORE_ERROR, FL_STORE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Could not search the local database"));

  fl_db_close (db);
}

/* A conversation read twice gives equal messages; any change in one
 * makes it differ, so a reload keeps exactly the unchanged rows. */
static void
test_message_equal (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlQuery) query = fl_query_new (FL_VIEW_ALL);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) other = NULL;
  FlMessage *m;

  fl_query_set_text (query, "webhook");
  ids = fl_store_query_ids (f->store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  a = fl_store_load_messages (f->store, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  b = fl_store_load_messages (f->store, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a->len, ==, 2);   /* the reply and the note */
  g_assert_cmpuint (b->len, ==, a->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_true (a->pdata[i] != b->pdata[i]);
      g_assert_true (fl_message_equal (a->pdata[i], b->pdata[i]));
    }
  g_assert_false (fl_message_equal (a->pdata[0], a->pdata[1]));

  m = b->pdata[1];
  g_object_set (m, "text", "@ayse please look again", NULL);
  g_assert_false (fl_message_equal (a->pdata[1], m));

  /* An attachment more. */
  {
    g_autoptr(FlAttachment) log = g_object_new (FL_TYPE_ATTACHMENT, "name", "log.txt",
                                                "size", (gint64) 12, NULL);

    m = b->pdata[0];
    g_assert_true (fl_message_equal (a->pdata[0], m));
    fl_message_add_attachment (m, log);
    g_assert_false (fl_message_equal (a->pdata[0], m));
  }

  fl_query_set_text (query, "kargo");
  g_clear_pointer (&ids, g_array_unref);
  ids = fl_store_query_ids (f->store, query, &error);
  g_assert_no_error (error);
  other = fl_store_load_messages (f->store, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_false (fl_message_equal (a->pdata[0], other->pdata[0]));
}

static void
test_saved_searches (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *path = g_strdup (fl_store_get_path (f->store));
  gint64 a, b;
  gboolean is_new = FALSE;

  a = fl_store_add_saved_search (f->store, "Kargo", "inbox", "kargo status:open", &error);
  g_assert_no_error (error);
  b = fl_store_add_saved_search (f->store, "سفارش‌ها", "all", "سفارش", &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, >, 0);
  g_assert_cmpint (b, >, a);

  g_assert_true (fl_store_rename_saved_search (f->store, a, "Kargo (open)", &error));
  g_assert_no_error (error);
  g_assert_true (fl_store_remove_saved_search (f->store, b, &error));
  g_assert_no_error (error);

  list = fl_store_list_saved_searches (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((FlSavedSearch *) list->pdata[0])->id, ==, a);
  g_assert_cmpstr (((FlSavedSearch *) list->pdata[0])->name, ==, "Kargo (open)");
  g_assert_cmpstr (((FlSavedSearch *) list->pdata[0])->base_view, ==, "inbox");
  g_assert_cmpstr (((FlSavedSearch *) list->pdata[0])->text, ==, "kargo status:open");

  /* A notification key is new once, also after the store is reopened. */
  g_assert_true (fl_store_mark_notified (f->store, "new:1", &is_new, &error));
  g_assert_true (is_new);
  g_assert_true (fl_store_mark_notified (f->store, "new:1", &is_new, &error));
  g_assert_false (is_new);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->store);
  f->store = fl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (fl_store_mark_notified (f->store, "new:1", &is_new, &error));
  g_assert_false (is_new);
  g_assert_true (fl_store_mark_notified (f->store, "new:2", &is_new, &error));
  g_assert_true (is_new);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = fl_store_list_saved_searches (f->store, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlTicket) found = load_by_subject (f, "Webhook failed");
  g_autoptr(FlTicket) ticket = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(FlCustomer) customer = NULL;
  g_autoptr(GPtrArray) agents = NULL;

  ticket = fl_store_load_ticket (f->store, fl_ticket_get_id (found), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fl_ticket_get_subject (ticket), ==, "Webhook failed");
  g_assert_cmpstr (fl_ticket_get_requester (ticket), ==, "Emily Carter");
  g_assert_cmpstr (fl_ticket_get_requester_email (ticket), ==, "emily@example.com");
  g_assert_cmpstr (fl_ticket_get_assignee (ticket), ==, "Daniel Brooks");
  g_assert_cmpstr (fl_ticket_get_followers (ticket)[0], ==, "Ayşe Yılmaz");
  g_assert_null (fl_ticket_get_followers (ticket)[1]);
  /* The snippet is the newest message. */
  g_assert_cmpstr (fl_ticket_get_snippet (ticket), ==, "@ayse please look, mail bob@example.com");

  messages = fl_store_load_messages (f->store, fl_ticket_get_id (ticket), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 2);
  g_assert_cmpint (fl_message_get_kind (messages->pdata[1]), ==, FL_MESSAGE_NOTE);

  customer = fl_store_load_customer (f->store, fl_ticket_get_customer_id (ticket), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fl_customer_get_name (customer), ==, "Emily Carter");

  agents = fl_store_list_agents (f->store, f->account1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agents->len, ==, 2);

  /* Each agent's open tickets (pending is open; solved and closed are
   * not), in this account only. */
  {
    g_autoptr(GHashTable) workload = fl_store_count_open_by_agent (f->store, f->account1, &error);
    g_autoptr(GHashTable) other = fl_store_count_open_by_agent (f->store, f->account2, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (workload), ==, 2);
    for (guint i = 0; i < agents->len; i++)
      {
        gint64 id = fl_agent_get_id (agents->pdata[i]);
        guint expected = g_str_equal (fl_agent_get_remote_id (agents->pdata[i]), "a1") ? 1 : 2;

        g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (workload, &id)), ==, expected);
      }
    g_assert_cmpuint (g_hash_table_size (other), ==, 1);
  }

  g_assert_null (fl_store_load_ticket (f->store, 987654, &error));
  g_assert_error (error, FL_STORE_ERROR, FL_STORE_ERROR_NOT_FOUND);
}

static char *
history_subjects (FlCustomerHistory *history)
{
  GListModel *tickets = fl_customer_history_get_tickets (history);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (tickets); i++)
    {
      g_autoptr(FlTicket) ticket = g_list_model_get_item (tickets, i);

      g_string_append_printf (out, "%s%s", i ? "," : "", fl_ticket_get_remote_id (ticket));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* One person across accounts: matched by email regardless of case, by
 * phone regardless of formatting, transitively; someone else never. */
static void
test_customer_history (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(FlCustomer) d1 = NULL;
  g_autoptr(FlCustomer) d3 = NULL;
  g_autoptr(FlTicket) t1 = NULL;
  g_autoptr(FlTicket) t2 = NULL;
  g_autoptr(FlCustomerHistory) history = NULL;
  g_autoptr(FlCustomerHistory) other = NULL;
  g_autofree char *subjects = NULL;
  const char *d1_emails[] = { "EMILY@example.com", NULL };
  const char *d1_phones[] = { "+44 (20) 7946 0018", NULL };
  const char *d3_emails[] = { "e.carter@work.example", NULL };
  const char *d3_phones[] = { "0044 20 7946 0018", NULL };
  FlCustomer *merged;
  FlSyncTicket *st;
  guint n_ratings = 0;

  /* Account 2 learns a phone for Emily and a work record with the same
   * phone and another address; the work ticket is rated. */
  d1 = g_object_new (FL_TYPE_CUSTOMER, "remote-id", "d1", "name", "Emily C.",
                     "emails", d1_emails, "phones", d1_phones, "timezone", "Europe/London", NULL);
  fl_customer_set_field (d1, "plan", "Pro");
  fl_sync_batch_add_customer (batch, d1);
  d3 = g_object_new (FL_TYPE_CUSTOMER, "remote-id", "d3", "name", "E. Carter",
                     "emails", d3_emails, "phones", d3_phones, "organisation", "Carter Ltd",
                     "since", NOW - 90 * 86400, NULL);
  fl_customer_set_field (d3, "plan", "Enterprise");
  fl_customer_set_field (d3, "orders", "LH-1, LH-2");
  fl_sync_batch_add_customer (batch, d3);
  st = add_ticket (batch, "T9", "Invoice for the office", FL_STATUS_SOLVED, FL_PRIORITY_NORMAL,
                   FL_CHANNEL_PHONE, "d3", NULL, NOW - 50, 0, NULL);
  fl_ticket_set_csat (st->ticket, 4);
  g_assert_true (fl_store_apply_batch (f->store, f->account2, batch, &error));
  g_assert_no_error (error);

  t1 = load_by_subject (f, "Kargo gecikmesi İADE");
  history = fl_store_load_customer_history (f->store, fl_ticket_get_customer_id (t1), &error);
  g_assert_no_error (error);
  g_assert_nonnull (history);

  /* Newest first, from both accounts and three records; Mehmet's and
   * Sara's tickets are not there. */
  subjects = history_subjects (history);
  g_assert_cmpstr (subjects, ==, "T9,T1,T4,T7,T8");
  g_assert_cmpuint (fl_customer_history_get_n_tickets (history), ==, 5);
  g_assert_cmpuint (fl_customer_history_get_n_open (history), ==, 3);
  g_assert_cmpuint (fl_customer_history_get_n_accounts (history), ==, 2);
  g_assert_cmpfloat_with_epsilon (fl_customer_history_get_csat (history, &n_ratings), 4.0, 1e-9);
  g_assert_cmpuint (n_ratings, ==, 1);
  g_assert_cmpint (fl_customer_history_get_first_contact (history), ==, NOW - 90 * 86400);

  /* The profile is the open ticket's record, completed by the others. */
  merged = fl_customer_history_get_customer (history);
  g_assert_cmpstr (fl_customer_get_name (merged), ==, "Emily Carter");
  g_assert_cmpstr (fl_customer_get_emails (merged)[0], ==, "emily@example.com");
  g_assert_cmpstr (fl_customer_get_emails (merged)[1], ==, "e.carter@work.example");
  g_assert_null (fl_customer_get_emails (merged)[2]);
  g_assert_cmpstr (fl_customer_get_phones (merged)[0], ==, "+44 (20) 7946 0018");
  g_assert_null (fl_customer_get_phones (merged)[1]);
  g_assert_cmpstr (fl_customer_get_organisation (merged), ==, "Carter Ltd");
  g_assert_cmpstr (fl_customer_get_timezone (merged), ==, "Europe/London");
  g_assert_cmpstr (fl_customer_get_field (merged, "plan"), ==, "Pro");
  g_assert_cmpstr (fl_customer_get_field (merged, "orders"), ==, "LH-1, LH-2");

  /* Someone with no other record has only their own tickets. */
  t2 = load_by_subject (f, "Waiting for photos");
  other = fl_store_load_customer_history (f->store, fl_ticket_get_customer_id (t2), &error);
  g_assert_no_error (error);
  g_clear_pointer (&subjects, g_free);
  subjects = history_subjects (other);
  g_assert_cmpstr (subjects, ==, "T3,T6");
  g_assert_cmpuint (fl_customer_history_get_n_accounts (other), ==, 1);
  g_assert_cmpfloat (fl_customer_history_get_csat (other, NULL), ==, 0);

  g_assert_null (fl_store_load_customer_history (f->store, 987654, &error));
  g_assert_error (error, FL_STORE_ERROR, FL_STORE_ERROR_NOT_FOUND);
}

/* A new mention of me makes the ticket unread again; the same mention
 * synced again does not. */
static void
test_mention_unread (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(FlTicket) ticket = load_by_subject (f, "Waiting for photos");
  gint64 id = fl_ticket_get_id (ticket);
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
      g_autoptr(FlMessage) note = g_object_new (FL_TYPE_MESSAGE, "remote-id", "T3-mention",
                                                "kind", FL_MESSAGE_NOTE,
                                                "direction", FL_DIRECTION_OUTBOUND,
                                                "created", NOW - 5, "text", "@A1 can you call her?",
                                                NULL);
      g_autoptr(FlTicket) after = NULL;
      FlSyncTicket *st;

      g_assert_true (fl_store_set_unread (f->store, id, FALSE, &error));
      st = add_ticket (batch, "T3", "Waiting for photos", FL_STATUS_PENDING, FL_PRIORITY_LOW,
                       FL_CHANNEL_PHONE, "c3", "a2", NOW - 300, NOW - 10, NULL);
      fl_sync_ticket_add_message (st, note);
      g_assert_true (fl_store_apply_batch (f->store, f->account1, batch, &error));
      g_assert_no_error (error);

      after = fl_store_load_ticket (f->store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (fl_ticket_get_unread (after), ==, round == 0);
    }
}

/* Applies a batch of account 1 with ticket @id (subject @subject)
 * followed by @followers (comma-separated agent ids, or "" for none);
 * @added_by, when set, is who made me (a1) a follower. */
static void
sync_followers (Fixture    *f,
                const char *id,
                const char *subject,
                const char *followers,
                const char *added_by,
                const char *added_by_name,
                gboolean    complete)
{
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = g_strsplit (followers, ",", -1);
  FlSyncTicket *st;

  st = add_ticket (batch, id, subject, FL_STATUS_OPEN, FL_PRIORITY_NORMAL, FL_CHANNEL_EMAIL,
                   "c1", "a2", NOW - 100, 0, NULL);
  for (guint i = 0; ids[i]; i++)
    if (*ids[i])
      fl_sync_ticket_add_follower (st, ids[i]);
  if (added_by != NULL)
    fl_sync_ticket_set_me_added_by (st, added_by, added_by_name);
  fl_sync_batch_set_complete (batch, complete);
  g_assert_true (fl_store_apply_batch (f->store, f->account1, batch, &error));
  g_assert_no_error (error);
}

/* Mentions & Tags as the sidebar counts it (no visit) or as the list
 * shows it during a visit that began at @visit_start. The count must
 * be the list's length. */
static char *
news_view (Fixture *f,
           gint64   visit_start)
{
  g_autoptr(FlQuery) query = fl_query_new (FL_VIEW_MENTIONS);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  fl_query_set_visit_start (query, visit_start);
  ids = fl_store_query_ids (f->store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fl_store_count (f->store, query, &error), ==, ids->len);
  g_assert_no_error (error);
  fl_query_set_sort (query, FL_SORT_CREATED);
  return run_query (f, query);
}

static guint
news_count (Fixture *f)
{
  g_autoptr(FlQuery) query = fl_query_new (FL_VIEW_MENTIONS);
  g_autoptr(GError) error = NULL;
  guint n = fl_store_count (f->store, query, &error);

  g_assert_no_error (error);
  return n;
}

static gboolean
is_unread (Fixture    *f,
           const char *subject)
{
  g_autoptr(FlTicket) t = load_by_subject (f, subject);
  g_autoptr(FlTicket) fresh = fl_store_load_ticket (f->store, fl_ticket_get_id (t), NULL);

  return fl_ticket_get_unread (fresh);
}

static void
look_at (Fixture    *f,
         const char *subject)
{
  g_autoptr(FlTicket) t = load_by_subject (f, subject);
  g_autoptr(GError) error = NULL;

  g_assert_true (fl_store_set_unread (f->store, fl_ticket_get_id (t), FALSE, &error));
  g_assert_no_error (error);
}

/* Being made a follower is news after the account's first sync, unless
 * I did it; looking at the ticket sees it; the view keeps what I read
 * during a visit and narrows when the next one begins. */
static void
test_follow_news (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) news = NULL;
  g_autoptr(FlOutboxItem) follow = fl_outbox_item_new ();
  g_autofree char *view = NULL;
  gint64 visit;

  /* The fixture's first sync (not complete yet) found me following T7:
   * history. A later batch of the same first sync, with me following T6
   * now, is still history: the first sync is not over. */
  g_assert_false (is_unread (f, "Webhook failed"));
  sync_followers (f, "T6", "On hold until stock", "a1", "a2", "Daniel Brooks", FALSE);
  sync_followers (f, "T5", "Closed thread", "", NULL, NULL, TRUE);
  g_assert_false (is_unread (f, "On hold until stock"));
  g_assert_cmpuint (news_count (f), ==, 0);
  news = fl_store_list_follow_news (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (news->len, ==, 0);
  g_clear_pointer (&news, g_ptr_array_unref);

  /* After it: Daniel makes me a follower of T3, and T9 comes new to the
   * store with me already among its followers (nobody said by whom). */
  look_at (f, "Waiting for photos");
  sync_followers (f, "T3", "Waiting for photos", "a2,a1", "a2", "Daniel Brooks", FALSE);
  sync_followers (f, "T9", "Brand new", "a1", NULL, NULL, TRUE);
  g_assert_true (is_unread (f, "Waiting for photos"));
  g_assert_true (is_unread (f, "Brand new"));
  view = news_view (f, 0);
  g_assert_cmpstr (view, ==, "T9,T3");
  g_assert_cmpuint (news_count (f), ==, 2);
  news = fl_store_list_follow_news (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (news->len, ==, 2);
  g_assert_cmpstr (((FlFollowNews *) news->pdata[0])->by, ==, "Daniel Brooks");
  g_assert_null (((FlFollowNews *) news->pdata[1])->by);
  g_clear_pointer (&news, g_ptr_array_unref);

  /* Synced again unchanged: no new news, and still unread. */
  sync_followers (f, "T3", "Waiting for photos", "a2,a1", "a2", "Daniel Brooks", TRUE);
  g_assert_true (is_unread (f, "Waiting for photos"));
  news = fl_store_list_follow_news (f->store, &error);
  g_assert_cmpuint (news->len, ==, 2);
  g_clear_pointer (&news, g_ptr_array_unref);

  /* I open the view, then T3: it is seen and read, and stays in the
   * list until I leave; the count is what is still new. */
  visit = g_get_real_time ();
  look_at (f, "Waiting for photos");
  g_assert_false (is_unread (f, "Waiting for photos"));
  g_clear_pointer (&view, g_free);
  view = news_view (f, visit);
  g_assert_cmpstr (view, ==, "T9,T3");
  g_assert_cmpuint (news_count (f), ==, 1);
  g_clear_pointer (&view, g_free);
  view = news_view (f, 0);
  g_assert_cmpstr (view, ==, "T9");

  /* The next visit starts without it. A sync of T3 does not make it
   * unread again. */
  sync_followers (f, "T3", "Waiting for photos", "a2,a1", "a2", "Daniel Brooks", TRUE);
  g_assert_false (is_unread (f, "Waiting for photos"));
  g_clear_pointer (&view, g_free);
  view = news_view (f, g_get_real_time ());
  g_assert_cmpstr (view, ==, "T9");

  /* Following myself is not news: RT says I did it (T2), or the
   * backend does not say and my outbox has the follow (T6). */
  sync_followers (f, "T2", "سفارش", "a1", "a1", "Ayşe Yılmaz", TRUE);
  g_assert_false (is_unread (f, "سفارش"));
  {
    g_autoptr(FlTicket) t6 = load_by_subject (f, "On hold until stock");

    sync_followers (f, "T6", "On hold until stock", "", NULL, NULL, TRUE);
    fl_outbox_item_set_account_id (follow, f->account1);
    fl_outbox_item_set_ticket_id (follow, fl_ticket_get_id (t6));
    fl_outbox_item_set_remote_ticket_id (follow, "T6");
    fl_outbox_item_set_kind (follow, FL_OUTBOX_ADD_WATCHER);
    fl_outbox_item_set_value (follow, "a1");
    fl_outbox_item_set_marker (follow, "test-follow-T6");
    g_assert_true (fl_store_outbox_add (f->store, follow, &error));
    g_assert_no_error (error);
    sync_followers (f, "T6", "On hold until stock", "a1", NULL, NULL, TRUE);
    g_assert_false (is_unread (f, "On hold until stock"));
  }
  g_assert_cmpuint (news_count (f), ==, 1);

  /* Removed and made a follower again by someone else: news again. */
  sync_followers (f, "T3", "Waiting for photos", "a2", NULL, NULL, TRUE);
  sync_followers (f, "T3", "Waiting for photos", "a2,a1", "a2", "Daniel Brooks", TRUE);
  g_assert_true (is_unread (f, "Waiting for photos"));
  g_clear_pointer (&view, g_free);
  view = news_view (f, 0);
  g_assert_cmpstr (view, ==, "T9,T3");
  g_assert_cmpuint (news_count (f), ==, 2);

  /* Looking at both empties the view for the next visit. */
  look_at (f, "Waiting for photos");
  look_at (f, "Brand new");
  g_assert_cmpuint (news_count (f), ==, 0);
  g_clear_pointer (&view, g_free);
  view = news_view (f, g_get_real_time ());
  g_assert_cmpstr (view, ==, "");
}

/* A mention of me is news too, and a follow that comes with it stays a
 * mention; opening the ticket sees both. */
static void
test_mention_news (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(FlMessage) note = g_object_new (FL_TYPE_MESSAGE, "remote-id", "T3-mention",
                                            "kind", FL_MESSAGE_NOTE,
                                            "direction", FL_DIRECTION_OUTBOUND,
                                            "author", "Daniel Brooks",
                                            "created", NOW - 5, "text", "@a1 can you call her?",
                                            NULL);
  g_autoptr(GPtrArray) news = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *view = NULL;
  FlSyncTicket *st;

  sync_followers (f, "T5", "Closed thread", "", NULL, NULL, TRUE);
  st = add_ticket (batch, "T3", "Waiting for photos", FL_STATUS_PENDING, FL_PRIORITY_LOW,
                   FL_CHANNEL_PHONE, "c3", "a2", NOW - 300, NOW - 10, NULL);
  fl_sync_ticket_add_message (st, note);
  fl_sync_ticket_add_follower (st, "a1");
  fl_sync_ticket_set_me_added_by (st, "a2", "Daniel Brooks");
  g_assert_true (fl_store_apply_batch (f->store, f->account1, batch, &error));
  g_assert_no_error (error);

  g_assert_true (is_unread (f, "Waiting for photos"));
  view = news_view (f, 0);
  g_assert_cmpstr (view, ==, "T3");
  news = fl_store_list_follow_news (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (news->len, ==, 0);

  look_at (f, "Waiting for photos");
  g_assert_cmpuint (news_count (f), ==, 0);
}

static void
test_idempotent (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlSyncBatch) again = fl_sync_batch_new ();
  g_autoptr(FlQuery) all = fl_query_new (FL_VIEW_ALL);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(FlTicket) ticket = NULL;
  FlSyncTicket *st;

  /* The same ticket again, now solved, with a different conversation. */
  st = add_ticket (again, "T1", "Kargo gecikmesi İADE", FL_STATUS_SOLVED, FL_PRIORITY_HIGH,
                   FL_CHANNEL_EMAIL, "c1", "a1", NOW - 50, 0, NULL);
  {
    g_autoptr(FlMessage) m = g_object_new (FL_TYPE_MESSAGE, "remote-id", "T1-m2",
                                           "kind", FL_MESSAGE_REPLY,
                                           "direction", FL_DIRECTION_OUTBOUND,
                                           "created", NOW - 60,
                                           /* Broken UTF-8 from the server. */
                                           "text", "Kargonuz yolda \xff tamam",
                                           NULL);
    fl_sync_ticket_add_message (st, m);
  }
  g_assert_true (fl_store_apply_batch (f->store, f->account1, again, &error));
  g_assert_no_error (error);

  ids = fl_store_query_ids (f->store, all, &error);
  g_assert_cmpuint (ids->len, ==, 8);

  ticket = fl_store_load_ticket (f->store, g_array_index (ids, gint64, 0), &error);
  g_assert_cmpstr (fl_ticket_get_remote_id (ticket), ==, "T1");
  g_assert_cmpint (fl_ticket_get_status (ticket), ==, FL_STATUS_SOLVED);
  /* The first agent reply is the first response. */
  g_assert_cmpint (fl_ticket_get_first_response_at (ticket), ==, NOW - 60);

  messages = fl_store_load_messages (f->store, fl_ticket_get_id (ticket), &error);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_true (g_utf8_validate (fl_message_get_text (messages->pdata[0]), -1, NULL));

  /* The old message's words left the index with it. */
  {
    g_autofree char *gone = run_view (f, FL_VIEW_ALL, FL_SORT_UPDATED, "nerede");
    g_autofree char *found = run_view (f, FL_VIEW_ALL, FL_SORT_UPDATED, "yolda");
    g_autofree char *solved = run_view (f, FL_VIEW_SOLVED, FL_SORT_UPDATED, NULL);

    g_assert_cmpstr (gone, ==, "");
    g_assert_cmpstr (found, ==, "T1");
    g_assert_cmpstr (solved, ==, "T1,T4,T5");
  }
}

static void
test_drafts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlQuery) query = fl_query_new (FL_VIEW_ALL);
  g_autoptr(GArray) ids = fl_store_query_ids (f->store, query, &error);
  g_autofree char *path = g_build_filename (f->dir, "frontline.db", NULL);
  g_autoptr(FlStore) other = NULL;
  gint64 ticket_id, second_id;
  char *text;
  gboolean note = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >=, 2);
  ticket_id = g_array_index (ids, gint64, 0);
  second_id = g_array_index (ids, gint64, 1);

  /* No draft yet. */
  g_assert_null (fl_store_load_draft (f->store, ticket_id, &note, &error));
  g_assert_no_error (error);

  g_assert_true (fl_store_save_draft (f->store, ticket_id, "Merhaba, siparişiniz yolda.", TRUE, 200, &error));
  g_assert_no_error (error);

  /* A save that started earlier but lands later changes nothing. */
  g_assert_true (fl_store_save_draft (f->store, ticket_id, "Merhaba", FALSE, 100, &error));
  g_assert_no_error (error);

  /* Another connection on the same file, as after a crash and restart,
   * sees the committed draft. */
  other = fl_store_open (path, &error);
  g_assert_no_error (error);
  text = fl_store_load_draft (other, ticket_id, &note, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Merhaba, siparişiniz yolda.");
  g_assert_true (note);
  g_free (text);
  g_assert_null (fl_store_load_draft (other, second_id, NULL, &error));
  g_assert_no_error (error);

  /* The files of a draft are kept apart from its text: saving either
   * leaves the other alone, and an older list never wins. */
  {
    const char *files[] = { "/data/outgoing/a/Fatura Şubat.pdf", "/data/outgoing/b/رسید.png", NULL };
    const char *older[] = { "/data/outgoing/c/old.txt", NULL };
    g_auto(GStrv) loaded = NULL;
    g_auto(GStrv) from_other = NULL;

    g_assert_null (fl_store_load_draft_attachments (f->store, ticket_id, &error));
    g_assert_no_error (error);
    g_assert_true (fl_store_save_draft_attachments (f->store, ticket_id, files, 500, &error));
    g_assert_true (fl_store_save_draft_attachments (f->store, ticket_id, older, 450, &error));
    g_assert_true (fl_store_save_draft (f->store, ticket_id, "Merhaba, siparişiniz yolda.", TRUE, 210, &error));
    g_assert_no_error (error);
    loaded = fl_store_load_draft_attachments (f->store, ticket_id, &error);
    g_assert_no_error (error);
    g_assert_true (g_strv_equal ((const char * const *) loaded, files));
    from_other = fl_store_load_draft_attachments (other, ticket_id, &error);
    g_assert_true (g_strv_equal ((const char * const *) from_other, files));
    text = fl_store_load_draft (f->store, ticket_id, &note, &error);
    g_assert_cmpstr (text, ==, "Merhaba, siparişiniz yolda.");
    g_free (text);

    /* Files without text are a draft too; an empty list forgets them. */
    g_assert_true (fl_store_save_draft_attachments (f->store, second_id, older, 10, &error));
    g_strfreev (loaded);
    loaded = fl_store_load_draft_attachments (f->store, second_id, &error);
    g_assert_true (g_strv_equal ((const char * const *) loaded, older));
    g_assert_null (fl_store_load_draft (f->store, second_id, NULL, &error));
    g_assert_true (fl_store_save_draft_attachments (f->store, second_id, NULL, 20, &error));
    g_assert_null (fl_store_load_draft_attachments (f->store, second_id, &error));
    g_assert_no_error (error);
  }

  /* Emptied is gone. */
  g_assert_true (fl_store_save_draft (f->store, ticket_id, "", FALSE, 300, &error));
  g_assert_null (fl_store_load_draft (f->store, ticket_id, &note, &error));
  g_assert_no_error (error);
  g_assert_false (note);

  /* A draft goes with its ticket's account. */
  g_assert_true (fl_store_save_draft (f->store, second_id, "x", FALSE, 400, &error));
  g_assert_true (fl_store_remove_account (f->store, f->account1, &error));
  g_assert_true (fl_store_remove_account (f->store, f->account2, &error));
  g_assert_no_error (error);
  g_assert_null (fl_store_load_draft (f->store, second_id, NULL, &error));
  g_assert_no_error (error);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
test_remove_account (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *all = NULL;
  g_autofree char *found = NULL;

  g_assert_true (fl_store_remove_account (f->store, f->account1, &error));
  g_assert_no_error (error);

  accounts = fl_store_list_accounts (f->store, &error);
  g_assert_cmpuint (accounts->len, ==, 1);
  all = run_view (f, FL_VIEW_ALL, FL_SORT_UPDATED, NULL);
  g_assert_cmpstr (all, ==, "T8");
  found = run_view (f, FL_VIEW_ALL, FL_SORT_UPDATED, "kargo");
  g_assert_cmpstr (found, ==, "");
}

static void
test_pragmas (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "frontline.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (fl_store_get_schema_version (f->store), ==, FL_STORE_SCHEMA_VERSION);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);

  /* Every inbox view is answered from an index, not by scanning tickets. */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                   "EXPLAIN QUERY PLAN SELECT t.id FROM tickets t WHERE t.is_open = 1"
                   " ORDER BY t.updated DESC, t.id DESC", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 3), "tickets_open_updated"));
  sqlite3_finalize (stmt);

  /* Breached walks the same index, covered, and needs no sort. */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                   "EXPLAIN QUERY PLAN SELECT t.id FROM tickets t WHERE t.is_open = 1"
                   " AND t.status IN (0, 1) AND +t.due_at < 100"
                   " ORDER BY t.updated DESC, t.id DESC", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 3), "COVERING INDEX tickets_open_updated"));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  /* So does Assigned to Me, whoever "me" is in each account. */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                   "EXPLAIN QUERY PLAN SELECT t.id FROM tickets t WHERE t.assignee_id IN"
                   " (SELECT me_agent_id FROM accounts WHERE me_agent_id IS NOT NULL)"
                   " AND t.is_open = 1 ORDER BY t.updated DESC, t.id DESC", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 3), "COVERING INDEX tickets_open_updated"));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Migrations */

static void
test_migrate_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fl-migrate-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "frontline.db", NULL);
  g_autoptr(FlStore) old = NULL;
  g_autoptr(FlStore) store = NULL;
  sqlite3 *db = NULL;
  char *errmsg = NULL;
  g_autofree char *legacy = NULL;
  g_autofree char *inbox = NULL;
  g_autofree char *by_email = NULL;
  Fixture f = { dir, NULL, 0, 0 };

  old = fl_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fl_store_get_schema_version (old), ==, 1);
  g_clear_object (&old);

  /* What a version-1 client wrote. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO accounts (id, kind, name) VALUES (1, 'rt', 'Old RT');"
    "INSERT INTO customers (id, account_id, remote_id, name, emails, phones)"
    "  VALUES (1, 1, 'zoe', 'Zoë Legacy', 'zoe@old.example' || char(10) || 'z@old.example', '+90 532 555 0000');"
    "INSERT INTO tickets (id, account_id, remote_id, subject, status, priority, channel,"
    "  customer_id, created, updated, due_first_response)"
    "  VALUES (1, 1, '41', 'Legacy printer problem', 1, 1, 0, 1, 100, 200, 500),"
    "         (2, 1, '42', 'Old solved thing', 4, 1, 0, 1, 100, 300, 0);"
    "INSERT INTO messages (ticket_id, remote_id, kind, direction, created, text)"
    "  VALUES (1, 'm1', 0, 0, 100, 'The toner is empty'),"
    "         (2, 'm2', 0, 0, 100, 'Solved long ago');",
    NULL, NULL, &errmsg), ==, SQLITE_OK);
  sqlite3_close (db);

  store = fl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fl_store_get_schema_version (store), ==, FL_STORE_SCHEMA_VERSION);
  f.store = store;

  legacy = run_view (&f, FL_VIEW_ALL, FL_SORT_UPDATED, "toner");
  g_assert_cmpstr (legacy, ==, "41");
  inbox = run_view (&f, FL_VIEW_INBOX, FL_SORT_UPDATED, NULL);
  g_assert_cmpstr (inbox, ==, "41");
  by_email = run_view (&f, FL_VIEW_ALL, FL_SORT_UPDATED, "zoe");
  g_assert_cmpstr (by_email, ==, "42,41");

  /* Breached: due 500 long before NOW, no first response. */
  {
    g_autofree char *breached = run_view (&f, FL_VIEW_BREACHED, FL_SORT_UPDATED, NULL);
    g_assert_cmpstr (breached, ==, "41");
  }

  /* The identities were backfilled from both emails and the phone. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (db, "SELECT group_concat (value, ' ') FROM"
                            " (SELECT value FROM customer_identities ORDER BY value)", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==,
                     "+905325550000 z@old.example zoe@old.example");
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);

  g_clear_object (&store);
  f.store = NULL;
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
}

/* Version 12 folds the search index again with ICU's full case folding:
 * a row indexed the old way ("straße") is found by "strasse" after. */
static void
test_migrate_refold (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fl-refold-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "frontline.db", NULL);
  g_autoptr(FlStore) old = NULL;
  g_autoptr(FlStore) store = NULL;
  sqlite3 *db = NULL;
  g_autofree char *found = NULL;
  g_autofree char *by_body = NULL;
  Fixture f = { dir, NULL, 0, 0 };

  old = fl_store_open_at_version (path, 11, &error);
  g_assert_no_error (error);
  g_clear_object (&old);

  /* What a version-11 client wrote and indexed. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO accounts (id, kind, name) VALUES (1, 'rt', 'Old RT');"
    "INSERT INTO tickets (id, account_id, remote_id, subject, status, priority, channel, created, updated)"
    "  VALUES (1, 1, '51', 'Lieferung in die Große Straße', 1, 1, 0, 100, 200);"
    "INSERT INTO messages (ticket_id, remote_id, kind, direction, created, text)"
    "  VALUES (1, 'm1', 0, 0, 100, 'ΤΟ ΠΑΚΕΤΟΣ δεν ήρθε');"
    "INSERT INTO ticket_fts (rowid, subject, body, people)"
    "  VALUES (1, 'lieferung in die große straße', 'το πακετος δεν ηρθε', ' ');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = fl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fl_store_get_schema_version (store), ==, FL_STORE_SCHEMA_VERSION);
  f.store = store;

  found = run_view (&f, FL_VIEW_ALL, FL_SORT_UPDATED, "strasse");
  g_assert_cmpstr (found, ==, "51");
  /* Final sigma: "πακετος" is indexed as "πακετοσ" and found both ways. */
  by_body = run_view (&f, FL_VIEW_ALL, FL_SORT_UPDATED, "πακετος");
  g_assert_cmpstr (by_body, ==, "51");

  g_clear_object (&store);
  f.store = NULL;
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
}

static void
test_too_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fl-new-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "frontline.db", NULL);
  g_autoptr(FlStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = fl_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, FL_STORE_ERROR, FL_STORE_ERROR_TOO_NEW);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fl-bad-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "frontline.db", NULL);
  g_autoptr(FlStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "this is not SQLite, just text that is long enough", -1, NULL));
  store = fl_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, FL_STORE_ERROR, FL_STORE_ERROR_CORRUPT);

  g_unlink (path);
  g_rmdir (dir);
}

/* Concurrency: a sync writes while the UI reads. */

typedef struct
{
  FlStore *store;
  gint64   account_id;
  guint    n_batches;
  guint    per_batch;
  gint     done;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;

  for (guint b = 0; b < w->n_batches; b++)
    {
      g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < w->per_batch; i++)
        {
          g_autofree char *id = g_strdup_printf ("W%u-%u", b, i);
          add_ticket (batch, id, "Concurrent ticket", FL_STATUS_OPEN, FL_PRIORITY_NORMAL,
                      FL_CHANNEL_EMAIL, "c1", NULL, NOW + b * 100 + i, 0, "written during reads");
        }

      g_assert_true (fl_store_apply_batch (w->store, w->account_id, batch, &error));
      g_assert_no_error (error);
    }

  g_atomic_int_set (&w->done, 1);
  return NULL;
}

static void
test_concurrent (Fixture       *f,
                 gconstpointer  data)
{
  Writer w = { f->store, f->account1, 30, 20, 0 };
  g_autoptr(FlQuery) inbox = fl_query_new (FL_VIEW_INBOX);
  GThread *thread;
  guint last = 0, reads = 0;

  thread = g_thread_new ("writer", writer_thread, &w);

  while (!g_atomic_int_get (&w.done) || reads == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = fl_store_query_ids (f->store, inbox, &error);
      g_autoptr(GPtrArray) tickets = NULL;

      g_assert_no_error (error);
      /* Batches land whole: the inbox grows by whole batches only. */
      g_assert_cmpuint ((ids->len - 6) % w.per_batch, ==, 0);
      g_assert_cmpuint (ids->len, >=, last);
      last = ids->len;

      tickets = fl_store_load_tickets (f->store, (gint64 *) (gpointer) ids->data,
                                       MIN (ids->len, 50), &error);
      g_assert_no_error (error);
      reads++;
    }

  g_thread_join (thread);
  g_assert_cmpuint (fl_store_count (f->store, inbox, NULL), ==, 6 + w.n_batches * w.per_batch);
  g_test_message ("%u reads during %u writes", reads, w.n_batches);
}

/* The change signal arrives on the main context after the commit. */

static void
on_changed (FlStore *store,
            GArray  *ids,
            gpointer data)
{
  guint *n = data;
  *n += ids->len;
}

static void
test_signal (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* Let the fixture's own writes be announced first. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_signal_connect (f->store, "tickets-changed", G_CALLBACK (on_changed), &n);
  add_ticket (batch, "S1", "Signal one", FL_STATUS_NEW, FL_PRIORITY_NORMAL, FL_CHANNEL_WEB,
              "c1", NULL, NOW, 0, "hi");
  add_ticket (batch, "S2", "Signal two", FL_STATUS_NEW, FL_PRIORITY_NORMAL, FL_CHANNEL_WEB,
              "c1", NULL, NOW, 0, "hi");
  g_assert_true (fl_store_apply_batch (f->store, f->account1, batch, &error));

  /* Not synchronously: from the main context. */
  g_assert_cmpuint (n, ==, 0);
  while (n == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n, ==, 2);

  g_signal_handlers_disconnect_by_func (f->store, on_changed, &n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/store/views", Fixture, NULL, fixture_setup, test_views, fixture_teardown);
  g_test_add ("/store/channel-account-views", Fixture, NULL, fixture_setup,
              test_channel_account_views, fixture_teardown);
  g_test_add ("/store/sla-views", Fixture, NULL, fixture_setup, test_sla_views, fixture_teardown);
  g_test_add ("/store/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/store/search-language", Fixture, NULL, fixture_setup, test_search_language,
              fixture_teardown);
  g_test_add ("/store/search-many", Fixture, NULL, fixture_setup, test_search_many,
              fixture_teardown);
  g_test_add ("/store/match-set", Fixture, NULL, fixture_setup, test_match_set,
              fixture_teardown);
  g_test_add ("/store/message-equal", Fixture, NULL, fixture_setup, test_message_equal,
              fixture_teardown);
  g_test_add ("/store/saved-searches", Fixture, NULL, fixture_setup, test_saved_searches,
              fixture_teardown);
  g_test_add ("/store/load", Fixture, NULL, fixture_setup, test_load, fixture_teardown);
  g_test_add ("/store/customer-history", Fixture, NULL, fixture_setup, test_customer_history,
              fixture_teardown);
  g_test_add ("/store/mention-unread", Fixture, NULL, fixture_setup, test_mention_unread,
              fixture_teardown);
  g_test_add ("/store/follow-news", Fixture, NULL, fixture_setup, test_follow_news, fixture_teardown);
  g_test_add ("/store/mention-news", Fixture, NULL, fixture_setup, test_mention_news, fixture_teardown);
  g_test_add ("/store/idempotent", Fixture, NULL, fixture_setup, test_idempotent, fixture_teardown);
  g_test_add ("/store/remove-account", Fixture, NULL, fixture_setup, test_remove_account,
              fixture_teardown);
  g_test_add ("/store/drafts", Fixture, NULL, fixture_setup, test_drafts, fixture_teardown);
  g_test_add ("/store/pragmas", Fixture, NULL, fixture_setup, test_pragmas, fixture_teardown);
  g_test_add ("/store/concurrent", Fixture, NULL, fixture_setup, test_concurrent, fixture_teardown);
  g_test_add ("/store/signal", Fixture, NULL, fixture_setup, test_signal, fixture_teardown);
  g_test_add_func ("/store/migrate-v1", test_migrate_v1);
  g_test_add_func ("/store/migrate-refold", test_migrate_refold);
  g_test_add_func ("/store/too-new", test_too_new);
  g_test_add_func ("/store/not-a-database", test_not_a_database);

  return g_test_run ();
}
