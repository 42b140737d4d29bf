/* test-metrics.c: the dashboard's figures, from a real store, against
 * values worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "fl-store-private.h"

#define MIN_ ((gint64) 60)
#define HOUR ((gint64) 3600)

/* Day 1 is Monday 1 April 2024, 00:00 UTC; the period is days 1 to 3,
 * up to 4 April 00:00, and the figures are taken at its end. */
#define D0 ((gint64) 1711929600)
#define T(day, h, m) (D0 + ((day) - 1) * 24 * HOUR + (h) * HOUR + (m) * MIN_)
#define PERIOD_FROM T (1, 0, 0)
#define PERIOD_TO T (4, 0, 0)

typedef struct
{
  char    *dir;
  FlStore *store;
  gint64   account;
  gint64   ayse;
  gint64   daniel;
} Fixture;

typedef struct
{
  char        what;   /* C customer reply, A agent reply, N note, S status */
  gint64      at;
  const char *from;   /* status events */
  const char *to;
} Step;

static void
add_ticket (FlSyncBatch *batch,
            const char  *id,
            FlChannel    channel,
            const char  *assignee,
            FlStatus     status,
            int          csat,
            int          ces,
            gint64       created,
            const Step  *steps,
            guint        n_steps)
{
  g_autoptr(FlTicket) ticket = g_object_new (FL_TYPE_TICKET,
                                             "remote-id", id, "subject", id,
                                             "status", status, "priority", FL_PRIORITY_NORMAL,
                                             "channel", channel, "created", created,
                                             "updated", n_steps ? steps[n_steps - 1].at : created,
                                             "csat", csat, "ces", ces, NULL);
  FlSyncTicket *st = fl_sync_batch_add_ticket (batch, ticket, "c1", assignee);
  g_autofree char *first_id = g_strdup_printf ("%s-0", id);
  g_autoptr(FlMessage) first = g_object_new (FL_TYPE_MESSAGE, "remote-id", first_id,
                                             "kind", FL_MESSAGE_REPLY,
                                             "direction", FL_DIRECTION_INBOUND,
                                             "created", created, "text", "help", NULL);

  fl_sync_ticket_add_message (st, first);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *mid = g_strdup_printf ("%s-%u", id, i + 1);
      g_autoptr(FlMessage) m = g_object_new (FL_TYPE_MESSAGE, "remote-id", mid,
                                             "created", steps[i].at, "text", "…", NULL);

      switch (steps[i].what)
        {
        case 'C':
          fl_message_set_kind (m, FL_MESSAGE_REPLY);
          fl_message_set_direction (m, FL_DIRECTION_INBOUND);
          break;
        case 'A':
          fl_message_set_kind (m, FL_MESSAGE_REPLY);
          fl_message_set_direction (m, FL_DIRECTION_OUTBOUND);
          break;
        case 'N':
          fl_message_set_kind (m, FL_MESSAGE_NOTE);
          fl_message_set_direction (m, FL_DIRECTION_OUTBOUND);
          break;
        case 'S':
        default:
          fl_message_set_kind (m, FL_MESSAGE_EVENT);
          fl_message_set_direction (m, FL_DIRECTION_OUTBOUND);
          fl_message_set_event_field (m, "status");
          fl_message_set_event_old (m, steps[i].from);
          fl_message_set_event_new (m, steps[i].to);
          break;
        }
      fl_sync_ticket_add_message (st, m);
    }
}

#define ADD(batch, id, channel, assignee, status, csat, ces, created, ...) \
  G_STMT_START {                                                            \
    static const Step steps_[] = { __VA_ARGS__ };                           \
    add_ticket (batch, id, channel, assignee, status, csat, ces, created,   \
                steps_, G_N_ELEMENTS (steps_));                             \
  } G_STMT_END

/* The dataset. Every ticket is normal priority; the policy runs round
 * the clock in UTC (so business time is wall time, and the SLA figures
 * can be worked out by hand): first response 1 h, next response 4 h,
 * resolution 8 h.
 *
 * A  email, Ayşe.   Created d1 09:00; reply 09:30; solved 10:00.
 *                   CSAT 5, CES 2.
 * B  chat, Ayşe.    Created d1 10:00; reply 12:00 (late); customer
 *                   13:00; reply 14:00; solved 15:00. CSAT 3.
 * C  email, Daniel. Created d2 08:00; reply 08:10; solved 09:00;
 *                   customer d3 10:00 and reopened; reply 10:30;
 *                   solved 11:00. CSAT 4, CES 4.
 * D  chat, Daniel.  Created d2 12:00; an internal note only; still new.
 * E  web, nobody.   Created d1 20:00; reply 20:20, pending since.
 * F  email, Ayşe.   Created 31 March 22:00 (before the period); reply
 *                   d1 01:00 (late); solved 02:00.
 * G  email, Ayşe.   Created d4 01:00 (after the period); open.
 * H  phone, Daniel. Created and solved in March: not in the period. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FlAccount) account = g_object_new (FL_TYPE_ACCOUNT, "kind", "demo", "name", "Acme",
                                               "enabled", TRUE, NULL);
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(FlSlaPolicy) policy = fl_sla_policy_new_default ();
  g_autoptr(FlAgent) ayse = g_object_new (FL_TYPE_AGENT, "remote-id", "ayse", "name", "Ayşe", NULL);
  g_autoptr(FlAgent) daniel = g_object_new (FL_TYPE_AGENT, "remote-id", "daniel", "name", "Daniel", NULL);
  g_autoptr(FlCustomer) customer = g_object_new (FL_TYPE_CUSTOMER, "remote-id", "c1", "name", "Emily", NULL);
  g_autoptr(GPtrArray) agents = NULL;

  f->dir = g_dir_make_tmp ("fl-metrics-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "frontline.db", NULL);
  f->store = fl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (fl_store_save_account (f->store, account, &error));
  f->account = fl_account_get_id (account);

  g_assert_true (fl_sla_policy_set_time_zone (policy, "UTC"));
  for (int d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    fl_sla_policy_set_work_day (policy, d, TRUE);
  fl_sla_policy_set_hours (policy, 0, 24 * 60);
  fl_sla_policy_set_target (policy, FL_SLA_FIRST_RESPONSE, FL_PRIORITY_NORMAL, 1 * HOUR);
  fl_sla_policy_set_target (policy, FL_SLA_NEXT_RESPONSE, FL_PRIORITY_NORMAL, 4 * HOUR);
  fl_sla_policy_set_target (policy, FL_SLA_RESOLUTION, FL_PRIORITY_NORMAL, 8 * HOUR);
  g_assert_true (fl_store_save_sla_policy (f->store, f->account, policy, &error));
  g_assert_no_error (error);

  fl_sync_batch_add_agent (batch, ayse);
  fl_sync_batch_add_agent (batch, daniel);
  fl_sync_batch_add_customer (batch, customer);

  ADD (batch, "A", FL_CHANNEL_EMAIL, "ayse", FL_STATUS_SOLVED, 5, 2, T (1, 9, 0),
       { 'A', T (1, 9, 30) }, { 'S', T (1, 10, 0), "new", "solved" });
  ADD (batch, "B", FL_CHANNEL_CHAT, "ayse", FL_STATUS_SOLVED, 3, 0, T (1, 10, 0),
       { 'A', T (1, 12, 0) }, { 'C', T (1, 13, 0) }, { 'A', T (1, 14, 0) },
       { 'S', T (1, 15, 0), "open", "solved" });
  ADD (batch, "C", FL_CHANNEL_EMAIL, "daniel", FL_STATUS_SOLVED, 4, 4, T (2, 8, 0),
       { 'A', T (2, 8, 10) }, { 'S', T (2, 9, 0), "new", "solved" },
       { 'C', T (3, 10, 0) }, { 'S', T (3, 10, 0), "solved", "open" },
       { 'A', T (3, 10, 30) }, { 'S', T (3, 11, 0), "open", "solved" });
  ADD (batch, "D", FL_CHANNEL_CHAT, "daniel", FL_STATUS_NEW, 0, 0, T (2, 12, 0),
       { 'N', T (2, 12, 30) });
  ADD (batch, "E", FL_CHANNEL_WEB, NULL, FL_STATUS_PENDING, 0, 0, T (1, 20, 0),
       { 'A', T (1, 20, 20) }, { 'S', T (1, 20, 20), "new", "pending" });
  ADD (batch, "F", FL_CHANNEL_EMAIL, "ayse", FL_STATUS_SOLVED, 0, 0, T (0, 22, 0),
       { 'A', T (1, 1, 0) }, { 'S', T (1, 2, 0), "new", "solved" });
  ADD (batch, "G", FL_CHANNEL_EMAIL, "ayse", FL_STATUS_OPEN, 0, 0, T (4, 1, 0),
       { 'A', T (4, 1, 5) });
  ADD (batch, "H", FL_CHANNEL_PHONE, "daniel", FL_STATUS_SOLVED, 1, 7, T (-5, 9, 0),
       { 'A', T (-5, 9, 5) }, { 'S', T (-5, 10, 0), "new", "solved" });

  g_assert_true (fl_store_apply_batch (f->store, f->account, batch, &error));
  g_assert_no_error (error);

  agents = fl_store_list_agents (f->store, f->account, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < agents->len; i++)
    {
      if (g_strcmp0 (fl_agent_get_remote_id (agents->pdata[i]), "ayse") == 0)
        f->ayse = fl_agent_get_id (agents->pdata[i]);
      else
        f->daniel = fl_agent_get_id (agents->pdata[i]);
    }
  g_assert_cmpint (f->ayse, >, 0);
  g_assert_cmpint (f->daniel, >, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "frontline.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->store);
  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static FlMetrics *
load (Fixture         *f,
      FlMetricsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  FlMetrics *metrics;

  filter->now = PERIOD_TO;
  metrics = fl_store_load_metrics (f->store, filter, utc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (metrics);
  return metrics;
}

static void
assert_rate (double value,
             double expected)
{
  if (isnan (expected))
    g_assert_true (isnan (value));
  else
    g_assert_cmpfloat_with_epsilon (value, expected, 1e-9);
}

static void
test_totals (Fixture       *f,
             gconstpointer  data)
{
  FlMetricsFilter filter;
  g_autoptr(FlMetrics) m = NULL;

  fl_metrics_filter_init (&filter, PERIOD_FROM, PERIOD_TO);
  m = load (f, &filter);

  /* Created in the period: A, B, C, D, E (F before, G after). */
  g_assert_cmpuint (m->created, ==, 5);
  /* Solved in it, by their last solve: A, B, C, F. */
  g_assert_cmpuint (m->solved, ==, 4);

  /* First replies in the period: C 10 min, E 20, A 30, B 120, F 180.
   * Median (odd count): 30 min; p90: rank ⌈0.9 × 5⌉ = 5, 180 min. */
  g_assert_cmpuint (m->n_first_response, ==, 5);
  g_assert_cmpint (m->first_response_median, ==, 30 * MIN_);
  g_assert_cmpint (m->first_response_p90, ==, 180 * MIN_);

  /* Resolution, creation to last solve: A 60 min, F 240, B 300, C 27 h
   * = 1620. Median (even): (240 + 300) / 2 = 270 min; p90: rank
   * ⌈0.9 × 4⌉ = 4, 1620 min. */
  g_assert_cmpuint (m->n_resolution, ==, 4);
  g_assert_cmpint (m->resolution_median, ==, 270 * MIN_);
  g_assert_cmpint (m->resolution_p90, ==, 1620 * MIN_);

  /* One agent reply and never reopened: A and F, of 4 solved. */
  g_assert_cmpuint (m->fcr, ==, 2);
  assert_rate (m->fcr_rate, 0.5);
  /* Reopened: C, of 4. */
  g_assert_cmpuint (m->reopened, ==, 1);
  assert_rate (m->reopen_rate, 0.25);

  /* SLA stages decided in the period:
   *   A first response met (09:30), resolution met (10:00)      2 met
   *   B first response missed, due 11:00                        1 missed
   *     next response met (13:00 → 14:00), resolution met        2 met
   *   C first response, next response (d3 10:00 → 10:30) and
   *     resolution (2 h counted, the solved night not) met       3 met
   *   D first response missed (due d2 13:00), resolution missed
   *     (due d2 20:00); the note is not an answer               2 missed
   *   E first response met; resolution paused, undecided        1 met
   *   F first response missed on 31 March (outside); resolution
   *     met at d1 02:00                                         1 met
   * 9 met, 3 missed: 75 %. */
  g_assert_cmpuint (m->sla_met, ==, 9);
  g_assert_cmpuint (m->sla_missed, ==, 3);
  assert_rate (m->sla_hit_rate, 0.75);

  /* CSAT of solved tickets rated: A 5, B 3, C 4 → 4. CES: A 2, C 4 → 3.
   * H's 1 and 7 are outside the period. */
  g_assert_cmpuint (m->n_csat, ==, 3);
  assert_rate (m->csat, 4.0);
  g_assert_cmpuint (m->n_ces, ==, 2);
  assert_rate (m->ces, 3.0);

  /* Not solved at each day's end: d1 E; d2 D, E (C solved that
   * morning); d3 D, E (C solved again). */
  g_assert_cmpuint (m->backlog->len, ==, 3);
  g_assert_cmpint (g_array_index (m->backlog, FlMetricsDay, 0).start, ==, T (1, 0, 0));
  g_assert_cmpuint (g_array_index (m->backlog, FlMetricsDay, 0).open, ==, 1);
  g_assert_cmpuint (g_array_index (m->backlog, FlMetricsDay, 1).open, ==, 2);
  g_assert_cmpuint (g_array_index (m->backlog, FlMetricsDay, 2).open, ==, 2);
  g_assert_cmpint (g_array_index (m->backlog, FlMetricsDay, 2).start, ==, T (3, 0, 0));
}

static void
test_agents (Fixture       *f,
             gconstpointer  data)
{
  FlMetricsFilter filter;
  g_autoptr(FlMetrics) m = NULL;
  FlMetricsAgent *ayse, *daniel, *nobody;

  fl_metrics_filter_init (&filter, PERIOD_FROM, PERIOD_TO);
  m = load (f, &filter);

  /* Busiest first, unassigned last: Ayşe (2 created + 3 solved), Daniel
   * (2 + 1), nobody. */
  g_assert_cmpuint (m->agents->len, ==, 3);
  ayse = m->agents->pdata[0];
  daniel = m->agents->pdata[1];
  nobody = m->agents->pdata[2];

  /* Ayşe: A, B, F. Created A, B; solved A, B, F. First replies 30, 120,
   * 180 → median 120 min. FCR A and F of 3. CSAT A 5, B 3 → 4. SLA: A 2
   * met, B 2 met 1 missed, F 1 met → 5 of 6. */
  g_assert_cmpint (ayse->agent_id, ==, f->ayse);
  g_assert_cmpstr (ayse->name, ==, "Ayşe");
  g_assert_cmpuint (ayse->created, ==, 2);
  g_assert_cmpuint (ayse->solved, ==, 3);
  g_assert_cmpuint (ayse->n_first_response, ==, 3);
  g_assert_cmpint (ayse->first_response_median, ==, 120 * MIN_);
  assert_rate (ayse->fcr_rate, 2.0 / 3.0);
  assert_rate (ayse->csat, 4.0);
  g_assert_cmpuint (ayse->sla_met, ==, 5);
  g_assert_cmpuint (ayse->sla_missed, ==, 1);
  assert_rate (ayse->sla_hit_rate, 5.0 / 6.0);

  /* Daniel: C, D (H is outside). Created 2, solved C. First reply 10
   * min. FCR 0 of 1 (C was reopened). CSAT 4. SLA: C 3 met, D 2 missed
   * → 60 %. */
  g_assert_cmpint (daniel->agent_id, ==, f->daniel);
  g_assert_cmpuint (daniel->created, ==, 2);
  g_assert_cmpuint (daniel->solved, ==, 1);
  g_assert_cmpint (daniel->first_response_median, ==, 10 * MIN_);
  assert_rate (daniel->fcr_rate, 0.0);
  assert_rate (daniel->csat, 4.0);
  assert_rate (daniel->sla_hit_rate, 0.6);

  /* Unassigned: E. Nothing solved: no FCR rate, no CSAT. */
  g_assert_cmpint (nobody->agent_id, ==, 0);
  g_assert_null (nobody->name);
  g_assert_cmpuint (nobody->created, ==, 1);
  g_assert_cmpint (nobody->first_response_median, ==, 20 * MIN_);
  assert_rate (nobody->fcr_rate, NAN);
  assert_rate (nobody->csat, NAN);
  assert_rate (nobody->sla_hit_rate, 1.0);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  FlMetricsFilter filter;

  /* Email: A, C, F (G after the period). Created A, C; solved A, C, F;
   * first replies 10, 30, 180 → median 30 min. */
  {
    g_autoptr(FlMetrics) m = NULL;

    fl_metrics_filter_init (&filter, PERIOD_FROM, PERIOD_TO);
    filter.channel = FL_CHANNEL_EMAIL;
    m = load (f, &filter);
    g_assert_cmpuint (m->created, ==, 2);
    g_assert_cmpuint (m->solved, ==, 3);
    g_assert_cmpint (m->first_response_median, ==, 30 * MIN_);
    /* Backlog: no email ticket is open at any day's end. */
    g_assert_cmpuint (g_array_index (m->backlog, FlMetricsDay, 1).open, ==, 0);
  }

  /* Daniel: C and D. */
  {
    g_autoptr(FlMetrics) m = NULL;

    fl_metrics_filter_init (&filter, PERIOD_FROM, PERIOD_TO);
    filter.agent_id = f->daniel;
    m = load (f, &filter);
    g_assert_cmpuint (m->created, ==, 2);
    g_assert_cmpuint (m->solved, ==, 1);
    g_assert_cmpuint (m->sla_met, ==, 3);
    g_assert_cmpuint (m->sla_missed, ==, 2);
    g_assert_cmpuint (m->agents->len, ==, 1);
  }

  /* Day 2 only: created C, D; C's first solve (09:00) is not its last,
   * so nothing counts as solved; first replies: C 10 min. */
  {
    g_autoptr(FlMetrics) m = NULL;

    fl_metrics_filter_init (&filter, T (2, 0, 0), T (3, 0, 0));
    m = load (f, &filter);
    g_assert_cmpuint (m->created, ==, 2);
    g_assert_cmpuint (m->solved, ==, 0);
    g_assert_cmpint (m->first_response_median, ==, 10 * MIN_);
    g_assert_cmpint (m->resolution_median, ==, -1);
    assert_rate (m->fcr_rate, NAN);
    g_assert_cmpuint (m->backlog->len, ==, 1);
    g_assert_cmpuint (g_array_index (m->backlog, FlMetricsDay, 0).open, ==, 2);
  }

  /* Another account: nothing. */
  {
    g_autoptr(FlMetrics) m = NULL;

    fl_metrics_filter_init (&filter, PERIOD_FROM, PERIOD_TO);
    filter.account_id = f->account + 100;
    m = load (f, &filter);
    g_assert_cmpuint (m->created, ==, 0);
    g_assert_cmpint (m->first_response_median, ==, -1);
    g_assert_cmpuint (m->agents->len, ==, 0);
  }
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  FlMetricsFilter filter;
  g_autoptr(FlMetrics) m = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *csv = NULL;
  static const char * const expected[] = {
    "figure,value\r\n",
    "period_start,2024-04-01T00:00:00Z\r\n",
    "created,5\r\n",
    "first_response_median_seconds,1800\r\n",
    "first_response_p90_seconds,10800\r\n",
    "resolution_median_seconds,16200\r\n",
    "first_contact_resolution_rate,0.5000\r\n",
    "reopen_rate,0.2500\r\n",
    "sla_hit_rate,0.7500\r\n",
    "csat_average,4.0000\r\n",
    "ces_average,3.0000\r\n",
    "\r\nday,open_tickets\r\n2024-04-01,1\r\n2024-04-02,2\r\n2024-04-03,2\r\n",
    "Ayşe,2,3,7200,0.6667,4.0000,5,1,0.8333\r\n",
    "Daniel,2,1,600,0.0000,4.0000,3,2,0.6000\r\n",
    /* Unassigned: no name, no FCR rate, no CSAT. */
    "\r\n,1,0,1200,,,1,0,1.0000\r\n",
  };

  fl_metrics_filter_init (&filter, PERIOD_FROM, PERIOD_TO);
  m = load (f, &filter);
  csv = fl_metrics_to_csv (m, &filter, utc);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("%s", expected[i]);
      g_assert_nonnull (strstr (csv, expected[i]));
    }
}

static const FlSlaPolicy *
default_policy (gint64   account_id,
                gpointer user_data)
{
  return user_data;
}

/* An agent's name is the helpdesk's text: in the CSV it is quoted, and
 * one a spreadsheet would run as a formula is made plain text. */
static void
test_csv_cells (void)
{
  g_autoptr(FlSlaPolicy) policy = fl_sla_policy_new_default ();
  g_autoptr(GPtrArray) tickets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) conversations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(FlMetrics) m = NULL;
  g_autofree char *csv = NULL;
  static const char * const names[] = { "=HYPERLINK(\"http://x\")", "Doe, \"Jo\"" };
  FlMetricsFilter filter;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      FlTicket *ticket = fl_ticket_new ();

      fl_ticket_set_created (ticket, T (1, 9, 0));
      fl_ticket_set_assignee_id (ticket, i + 1);
      fl_ticket_set_assignee (ticket, names[i]);
      g_ptr_array_add (tickets, ticket);
      g_ptr_array_add (conversations, g_ptr_array_new ());
    }

  fl_metrics_filter_init (&filter, PERIOD_FROM, PERIOD_TO);
  filter.now = PERIOD_TO;
  m = fl_metrics_compute (tickets, conversations, default_policy, policy, &filter, utc);
  g_assert_cmpuint (m->created, ==, 2);
  csv = fl_metrics_to_csv (m, &filter, utc);
  g_assert_nonnull (strstr (csv, "\r\n\"'=HYPERLINK(\"\"http://x\"\")\",1,0,"));
  g_assert_nonnull (strstr (csv, "\r\n\"Doe, \"\"Jo\"\"\",1,0,"));
}

static void
test_percentiles (void)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));
  static const gint64 data[] = { 7, 1, 9, 3, 5, 2, 8, 4, 6, 10 };

  g_assert_cmpint (fl_metrics_median (values), ==, -1);
  g_assert_cmpint (fl_metrics_percentile (values, 90), ==, -1);

  g_array_append_vals (values, data, 1);
  g_assert_cmpint (fl_metrics_median (values), ==, 7);
  g_assert_cmpint (fl_metrics_percentile (values, 90), ==, 7);

  g_array_set_size (values, 0);
  g_array_append_vals (values, data, G_N_ELEMENTS (data));
  /* 1..10: median (5 + 6) / 2 = 5 (rounded down); p90 rank 9 → 9. */
  g_assert_cmpint (fl_metrics_median (values), ==, 5);
  g_assert_cmpint (fl_metrics_percentile (values, 90), ==, 9);
  g_assert_cmpint (fl_metrics_percentile (values, 100), ==, 10);
  g_assert_cmpint (fl_metrics_percentile (values, 50), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/metrics/percentiles", test_percentiles);
  g_test_add_func ("/metrics/csv-cells", test_csv_cells);
  g_test_add ("/metrics/totals", Fixture, NULL, fixture_setup, test_totals, fixture_teardown);
  g_test_add ("/metrics/agents", Fixture, NULL, fixture_setup, test_agents, fixture_teardown);
  g_test_add ("/metrics/csv", Fixture, NULL, fixture_setup, test_csv, fixture_teardown);
  g_test_add ("/metrics/filters", Fixture, NULL, fixture_setup, test_filters, fixture_teardown);

  return g_test_run ();
}
