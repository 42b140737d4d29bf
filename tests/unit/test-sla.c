/* test-sla.c: business time, SLA policies and a ticket's clocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fl-sla.h"

#define HOUR ((gint64) 3600)

/* Every time below is written with its UTC offset as it was on the wall
 * in that zone on that day, worked out from the tz database's rules by
 * hand, so a result in the wrong offset fails. */
static gint64
at (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static char *
show (gint64 when)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (when);

  return g_date_time_format_iso8601 (dt);
}

static void
assert_time (gint64      got,
             const char *expected)
{
  g_autofree char *g = show (got);
  g_autofree char *e = show (at (expected));

  g_assert_cmpstr (g, ==, e);
}

/* A calendar: zone, working days as a string of ISO week day digits
 * (1 Monday … 7 Sunday), hours in minutes, holidays. */
static FlSlaPolicy *
make_policy (const char  *zone,
             const char  *days,
             int          start,
             int          end,
             const char  *holiday)
{
  FlSlaPolicy *policy = fl_sla_policy_new_default ();

  g_assert_true (fl_sla_policy_set_time_zone (policy, zone));
  for (int d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    fl_sla_policy_set_work_day (policy, d, strchr (days, '0' + d) != NULL);
  fl_sla_policy_set_hours (policy, start, end);
  if (holiday != NULL)
    g_assert_true (fl_sla_policy_add_holiday (policy, holiday));
  return policy;
}

typedef struct
{
  const char *what;
  const char *zone;
  const char *days;
  int         start;
  int         end;
  const char *holiday;
  const char *from;
  gint64      seconds;
  const char *expected;
} BusinessCase;

static void
test_business_time (void)
{
  static const BusinessCase cases[] = {
    /* Friday 17:00, one hour left of the day; Saturday and Sunday off;
     * three more hours on Monday from 09:00. */
    { "weekend", "Europe/Istanbul", "12345", 9 * 60, 18 * 60, NULL,
      "2017-11-03T17:00:00+03:00", 4 * HOUR, "2017-11-06T12:00:00+03:00" },
    /* The same in 2015, when Turkey left summer time on Sunday
     * 8 November at 04:00 (+03:00 → +02:00): Monday 12:00 is then
     * 10:00 UTC, not 09:00. */
    { "weekend over DST end", "Europe/Istanbul", "12345", 9 * 60, 18 * 60, NULL,
      "2015-11-06T17:00:00+03:00", 4 * HOUR, "2015-11-09T12:00:00+02:00" },
    /* Round the clock: 24 real hours from Saturday noon. On 29 March
     * 2015 Istanbul skipped 03:00-04:00, so the wall shows 13:00… */
    { "24/7 over DST start", "Europe/Istanbul", "1234567", 0, 24 * 60, NULL,
      "2015-03-28T12:00:00+02:00", 24 * HOUR, "2015-03-29T13:00:00+03:00" },
    /* …while in 2017, with no DST, it shows 12:00. */
    { "24/7 without DST", "Europe/Istanbul", "1234567", 0, 24 * 60, NULL,
      "2017-03-25T12:00:00+03:00", 24 * HOUR, "2017-03-26T12:00:00+03:00" },
    /* Monday 16:00: two hours; Tuesday 23 April is a public holiday;
     * six hours on Wednesday from 09:00. */
    { "holiday", "Europe/Istanbul", "12345", 9 * 60, 18 * 60, "2024-04-23",
      "2024-04-22T16:00:00+03:00", 8 * HOUR, "2024-04-24T15:00:00+03:00" },
    /* Before opening time, the clock starts at 09:00. */
    { "before hours", "Europe/Istanbul", "12345", 9 * 60, 18 * 60, NULL,
      "2024-04-22T07:00:00+03:00", 1 * HOUR, "2024-04-22T10:00:00+03:00" },
    /* On a Saturday, it starts on Monday. */
    { "on a day off", "Europe/Istanbul", "12345", 9 * 60, 18 * 60, NULL,
      "2024-04-20T10:00:00+03:00", 1 * HOUR, "2024-04-22T10:00:00+03:00" },
    /* An Iranian week, Saturday to Wednesday, 08:00-16:00. Wednesday
     * 21 September 2022 15:00 (+04:30, summer time): one hour; Thursday
     * and Friday off; Iran left summer time that night at 24:00, so
     * Saturday 08:00 + 3 h is 11:00 at +03:30. */
    { "Tehran weekend over DST end", "Asia/Tehran", "12367", 8 * 60, 16 * 60, NULL,
      "2022-09-21T15:00:00+04:30", 4 * HOUR, "2022-09-24T11:00:00+03:30" },
    /* Monday 21 March 2022 15:00 (+03:30): one hour; summer time began
     * at midnight, so Tuesday 08:00 + 3 h is 11:00 at +04:30, 06:30 UTC. */
    { "Tehran over DST start", "Asia/Tehran", "12367", 8 * 60, 16 * 60, NULL,
      "2022-03-21T15:00:00+03:30", 4 * HOUR, "2022-03-22T11:00:00+04:30" },
    /* In 2023 Iran had no DST: Monday 20 March 15:00 + 4 h is Tuesday
     * 11:00 at +03:30. */
    { "Tehran without DST", "Asia/Tehran", "12367", 8 * 60, 16 * 60, NULL,
      "2023-03-20T15:00:00+03:30", 4 * HOUR, "2023-03-21T11:00:00+03:30" },
    /* Round the clock over the 2022 DST end: 20:00 (+04:30) is 15:30
     * UTC; eight real hours later is 23:30 UTC, 03:00 on the wall at
     * +03:30 (the wall gained only seven hours). */
    { "Tehran 24/7 over DST end", "Asia/Tehran", "1234567", 0, 24 * 60, NULL,
      "2022-09-21T20:00:00+04:30", 8 * HOUR, "2022-09-22T03:00:00+03:30" },
    { "Tehran 24/7 without DST", "Asia/Tehran", "1234567", 0, 24 * 60, NULL,
      "2023-09-20T20:00:00+03:30", 8 * HOUR, "2023-09-21T04:00:00+03:30" },
    /* No working day at all: wall-clock time. */
    { "no calendar", "UTC", "", 9 * 60, 17 * 60, NULL,
      "2024-04-20T10:00:00Z", 5 * HOUR, "2024-04-20T15:00:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const BusinessCase *c = &cases[i];
      g_autoptr(FlSlaPolicy) policy = make_policy (c->zone, c->days, c->start,
                                                   c->end, c->holiday);
      gint64 from = at (c->from);
      gint64 due = fl_sla_policy_add_business_time (policy, from, c->seconds);

      g_test_message ("%s", c->what);
      assert_time (due, c->expected);
      /* And back: the working time in between is what was added. */
      g_assert_cmpint (fl_sla_policy_business_seconds (policy, from, at (c->expected)),
                       ==, c->seconds);
    }
}

static void
test_business_seconds (void)
{
  g_autoptr(FlSlaPolicy) policy = make_policy ("Europe/Istanbul", "12345",
                                               9 * 60, 18 * 60, "2024-04-23");

  /* Friday 10:00 to Monday 10:00: Friday 8 h, Monday 1 h. */
  g_assert_cmpint (fl_sla_policy_business_seconds (policy, at ("2024-04-19T10:00:00+03:00"),
                                                   at ("2024-04-22T10:00:00+03:00")),
                   ==, 9 * HOUR);
  /* Monday 17:00 to Wednesday 10:00 over the holiday: 1 h + 1 h. */
  g_assert_cmpint (fl_sla_policy_business_seconds (policy, at ("2024-04-22T17:00:00+03:00"),
                                                   at ("2024-04-24T10:00:00+03:00")),
                   ==, 2 * HOUR);
  /* Within a night, and backwards: nothing. */
  g_assert_cmpint (fl_sla_policy_business_seconds (policy, at ("2024-04-22T19:00:00+03:00"),
                                                   at ("2024-04-22T23:00:00+03:00")),
                   ==, 0);
  g_assert_cmpint (fl_sla_policy_business_seconds (policy, at ("2024-04-22T12:00:00+03:00"),
                                                   at ("2024-04-22T10:00:00+03:00")),
                   ==, 0);
}

/* The ticket cases run in UTC, Monday to Friday 09:00-17:00, with
 * normal-priority targets of 2 h (first response), 4 h (next response)
 * and 16 h (resolution). Monday is 22 April 2024. */
static FlSlaPolicy *
ticket_policy (void)
{
  FlSlaPolicy *policy = make_policy ("UTC", "12345", 9 * 60, 17 * 60, NULL);

  fl_sla_policy_set_target (policy, FL_SLA_FIRST_RESPONSE, FL_PRIORITY_NORMAL, 2 * HOUR);
  fl_sla_policy_set_target (policy, FL_SLA_NEXT_RESPONSE, FL_PRIORITY_NORMAL, 4 * HOUR);
  fl_sla_policy_set_target (policy, FL_SLA_RESOLUTION, FL_PRIORITY_NORMAL, 16 * HOUR);
  return policy;
}

#define MAX_EVENTS 6

typedef struct
{
  FlSlaStageState state;
  gint64          remaining;
  const char     *due;      /* NULL for 0 */
  const char     *done_at;  /* NULL for 0 */
} StageExpect;

typedef struct
{
  const char *what;
  const char *created;
  FlStatus    initial;
  struct { const char *time; FlSlaEventKind kind; FlStatus status; } events[MAX_EVENTS];
  const char *now;
  StageExpect stages[FL_SLA_N_STAGES];
  gboolean    reopened;
} TicketCase;

#define AGENT(t) { t, FL_SLA_EVENT_AGENT_REPLY, 0 }
#define CUSTOMER(t) { t, FL_SLA_EVENT_CUSTOMER_REPLY, 0 }
#define STATUS(t, s) { t, FL_SLA_EVENT_STATUS, FL_STATUS_##s }
#define NONE_STAGE { FL_SLA_STAGE_NONE, 0, NULL, NULL }

static const TicketCase ticket_cases[] = {
  /* Answered after 1 h of a 2 h target. Resolution: 3 h used by Monday
   * 12:00, 13 h left: 5 h on Monday, 8 h on Tuesday → Tuesday 17:00. */
  { "answered in time", "2024-04-22T09:00:00Z", FL_STATUS_NEW,
    { AGENT ("2024-04-22T10:00:00Z") },
    "2024-04-22T12:00:00Z",
    { { FL_SLA_STAGE_MET, 1 * HOUR, NULL, "2024-04-22T10:00:00Z" },
      NONE_STAGE,
      { FL_SLA_STAGE_RUNNING, 13 * HOUR, "2024-04-23T17:00:00Z", NULL } } },
  /* Answered after 3 h: the target fell due at 11:00. */
  { "answered late", "2024-04-22T09:00:00Z", FL_STATUS_NEW,
    { AGENT ("2024-04-22T12:00:00Z") },
    "2024-04-22T13:00:00Z",
    { { FL_SLA_STAGE_BREACHED, -1 * HOUR, "2024-04-22T11:00:00Z", "2024-04-22T12:00:00Z" },
      NONE_STAGE,
      { FL_SLA_STAGE_RUNNING, 12 * HOUR, "2024-04-23T17:00:00Z", NULL } } },
  /* Friday 16:00, no answer by Monday 11:00: 1 h on Friday, 1 h on
   * Monday reaches the target at 10:00; overdue by the working hour
   * since. Resolution: 3 h used, 13 h left: 6 h Monday, 7 h Tuesday. */
  { "unanswered over the weekend", "2024-04-26T16:00:00Z", FL_STATUS_NEW,
    { { NULL } },
    "2024-04-29T11:00:00Z",
    { { FL_SLA_STAGE_BREACHED, -1 * HOUR, "2024-04-29T10:00:00Z", NULL },
      NONE_STAGE,
      { FL_SLA_STAGE_RUNNING, 13 * HOUR, "2024-04-30T16:00:00Z", NULL } } },
  /* Pending from Monday 10:00 to Tuesday 14:00: the clock stands still.
   * At Tuesday 12:00 resolution has used 1 h and is paused. */
  { "paused", "2024-04-22T09:00:00Z", FL_STATUS_NEW,
    { AGENT ("2024-04-22T10:00:00Z"), STATUS ("2024-04-22T10:00:00Z", PENDING) },
    "2024-04-23T12:00:00Z",
    { { FL_SLA_STAGE_MET, 1 * HOUR, NULL, "2024-04-22T10:00:00Z" },
      NONE_STAGE,
      { FL_SLA_STAGE_PAUSED, 15 * HOUR, NULL, NULL } } },
  /* …and resumed when the customer answers at 14:00. At 15:00 the
   * resolution clock has used 2 h: 14 h left, 2 h Tuesday, 8 h
   * Wednesday, 4 h Thursday → Thursday 13:00. The customer's answer
   * starts next response: 1 h used of 4, 2 h left on Tuesday, 1 h on
   * Wednesday → Wednesday 10:00. */
  { "resumed", "2024-04-22T09:00:00Z", FL_STATUS_NEW,
    { AGENT ("2024-04-22T10:00:00Z"), STATUS ("2024-04-22T10:00:00Z", PENDING),
      STATUS ("2024-04-23T14:00:00Z", OPEN), CUSTOMER ("2024-04-23T14:00:00Z") },
    "2024-04-23T15:00:00Z",
    { { FL_SLA_STAGE_MET, 1 * HOUR, NULL, "2024-04-22T10:00:00Z" },
      { FL_SLA_STAGE_RUNNING, 3 * HOUR, "2024-04-24T10:00:00Z", NULL },
      { FL_SLA_STAGE_RUNNING, 14 * HOUR, "2024-04-25T13:00:00Z", NULL } } },
  /* Missed at 11:00, then pending from 12:00: still breached, overdue
   * by the working hour before the pause; resolution paused with 3 h
   * used. */
  { "breached, then paused", "2024-04-22T09:00:00Z", FL_STATUS_NEW,
    { STATUS ("2024-04-22T12:00:00Z", PENDING) },
    "2024-04-23T12:00:00Z",
    { { FL_SLA_STAGE_BREACHED, -1 * HOUR, "2024-04-22T11:00:00Z", NULL },
      NONE_STAGE,
      { FL_SLA_STAGE_PAUSED, 13 * HOUR, NULL, NULL } } },
  /* Solved on Monday at 11:00 after 2 h: resolution met. */
  { "solved", "2024-04-22T09:00:00Z", FL_STATUS_NEW,
    { AGENT ("2024-04-22T09:30:00Z"), STATUS ("2024-04-22T11:00:00Z", SOLVED) },
    "2024-04-22T12:00:00Z",
    { { FL_SLA_STAGE_MET, HOUR + HOUR / 2, NULL, "2024-04-22T09:30:00Z" },
      NONE_STAGE,
      { FL_SLA_STAGE_MET, 14 * HOUR, NULL, "2024-04-22T11:00:00Z" } } },
  /* Reopened on Wednesday 10:00 by a customer reply: resolution resumes
   * from the 2 h already used (the solved days do not count) and has
   * used 4 h by 12:00; 12 h left: 5 h Wednesday, 7 h Thursday →
   * Thursday 16:00. Next response started at 10:00: 2 h used, due
   * 14:00. */
  { "reopened", "2024-04-22T09:00:00Z", FL_STATUS_NEW,
    { AGENT ("2024-04-22T09:30:00Z"), STATUS ("2024-04-22T11:00:00Z", SOLVED),
      CUSTOMER ("2024-04-24T10:00:00Z"), STATUS ("2024-04-24T10:00:00Z", OPEN) },
    "2024-04-24T12:00:00Z",
    { { FL_SLA_STAGE_MET, HOUR + HOUR / 2, NULL, "2024-04-22T09:30:00Z" },
      { FL_SLA_STAGE_RUNNING, 2 * HOUR, "2024-04-24T14:00:00Z", NULL },
      { FL_SLA_STAGE_RUNNING, 12 * HOUR, "2024-04-25T16:00:00Z", NULL } },
    TRUE },
  /* Solved with no reply: no first response is owed any more. */
  { "solved without a reply", "2024-04-22T09:00:00Z", FL_STATUS_NEW,
    { STATUS ("2024-04-22T10:00:00Z", SOLVED) },
    "2024-04-22T12:00:00Z",
    { NONE_STAGE,
      NONE_STAGE,
      { FL_SLA_STAGE_MET, 15 * HOUR, NULL, "2024-04-22T10:00:00Z" } } },
  /* Events after "now" are not seen yet. */
  { "future events", "2024-04-22T09:00:00Z", FL_STATUS_NEW,
    { AGENT ("2024-04-22T14:00:00Z") },
    "2024-04-22T10:00:00Z",
    { { FL_SLA_STAGE_RUNNING, 1 * HOUR, "2024-04-22T11:00:00Z", NULL },
      NONE_STAGE,
      { FL_SLA_STAGE_RUNNING, 15 * HOUR, "2024-04-23T17:00:00Z", NULL } } },
};

static void
check_result (const TicketCase  *c,
              const FlSlaResult *result)
{
  for (guint s = 0; s < FL_SLA_N_STAGES; s++)
    {
      const StageExpect *e = &c->stages[s];
      const FlSlaStageResult *r = &result->stages[s];

      g_test_message ("%s, stage %u", c->what, s);
      g_assert_cmpint (r->state, ==, e->state);
      if (e->state == FL_SLA_STAGE_NONE)
        continue;
      g_assert_cmpint (r->remaining, ==, e->remaining);
      if (e->due)
        assert_time (r->due, e->due);
      else
        g_assert_cmpint (r->due, ==, 0);
      if (e->done_at)
        assert_time (r->done_at, e->done_at);
      else
        g_assert_cmpint (r->done_at, ==, 0);
    }
  g_assert_cmpint (result->reopened, ==, c->reopened);
}

static void
test_ticket_clocks (void)
{
  g_autoptr(FlSlaPolicy) policy = ticket_policy ();

  for (guint i = 0; i < G_N_ELEMENTS (ticket_cases); i++)
    {
      const TicketCase *c = &ticket_cases[i];
      FlSlaEvent events[MAX_EVENTS];
      FlSlaResult result;
      guint n = 0;

      for (; n < MAX_EVENTS && c->events[n].time; n++)
        {
          events[n].time = at (c->events[n].time);
          events[n].kind = c->events[n].kind;
          events[n].status = c->events[n].status;
        }

      fl_sla_compute (policy, FL_PRIORITY_NORMAL, at (c->created), c->initial,
                      events, n, at (c->now), &result);
      check_result (c, &result);
    }
}

static FlMessage *
message (FlMessageKind  kind,
         FlDirection    direction,
         const char    *time,
         const char    *field,
         const char    *old_value,
         const char    *new_value)
{
  FlMessage *m = fl_message_new ();

  fl_message_set_kind (m, kind);
  fl_message_set_direction (m, direction);
  fl_message_set_created (m, at (time));
  fl_message_set_event_field (m, field);
  fl_message_set_event_old (m, old_value);
  fl_message_set_event_new (m, new_value);
  return m;
}

/* The "reopened" case again, from a conversation: status events carry
 * the statuses, notes and other events do not count. */
static void
test_ticket_from_messages (void)
{
  g_autoptr(FlSlaPolicy) policy = ticket_policy ();
  g_autoptr(FlTicket) ticket = fl_ticket_new ();
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  FlSlaResult result;

  fl_ticket_set_created (ticket, at ("2024-04-22T09:00:00Z"));
  fl_ticket_set_priority (ticket, FL_PRIORITY_NORMAL);
  fl_ticket_set_status (ticket, FL_STATUS_OPEN);

  g_ptr_array_add (messages, message (FL_MESSAGE_REPLY, FL_DIRECTION_INBOUND,
                                      "2024-04-22T09:00:00Z", NULL, NULL, NULL));
  /* An internal note is not an answer. */
  g_ptr_array_add (messages, message (FL_MESSAGE_NOTE, FL_DIRECTION_OUTBOUND,
                                      "2024-04-22T09:10:00Z", NULL, NULL, NULL));
  g_ptr_array_add (messages, message (FL_MESSAGE_EVENT, FL_DIRECTION_OUTBOUND,
                                      "2024-04-22T09:20:00Z", "priority", "low", "normal"));
  g_ptr_array_add (messages, message (FL_MESSAGE_REPLY, FL_DIRECTION_OUTBOUND,
                                      "2024-04-22T09:30:00Z", NULL, NULL, NULL));
  g_ptr_array_add (messages, message (FL_MESSAGE_EVENT, FL_DIRECTION_OUTBOUND,
                                      "2024-04-22T11:00:00Z", "status", "new", "solved"));
  g_ptr_array_add (messages, message (FL_MESSAGE_REPLY, FL_DIRECTION_INBOUND,
                                      "2024-04-24T10:00:00Z", NULL, NULL, NULL));
  g_ptr_array_add (messages, message (FL_MESSAGE_EVENT, FL_DIRECTION_INBOUND,
                                      "2024-04-24T10:00:00Z", "status", "solved", "open"));

  fl_sla_compute_ticket (policy, ticket, messages, at ("2024-04-24T12:00:00Z"), &result);
  check_result (&ticket_cases[7], &result);
  g_assert_cmpstr (ticket_cases[7].what, ==, "reopened");
  assert_time (fl_sla_result_next_due (&result), "2024-04-24T14:00:00Z");
}

/* A ticket with no history but a done status: open until it was last
 * updated. */
static void
test_ticket_without_history (void)
{
  g_autoptr(FlSlaPolicy) policy = ticket_policy ();
  g_autoptr(FlTicket) ticket = fl_ticket_new ();
  FlSlaResult result;

  fl_ticket_set_created (ticket, at ("2024-04-22T09:00:00Z"));
  fl_ticket_set_updated (ticket, at ("2024-04-24T09:00:00Z"));
  fl_ticket_set_first_response_at (ticket, at ("2024-04-22T10:30:00Z"));
  fl_ticket_set_status (ticket, FL_STATUS_SOLVED);

  fl_sla_compute_ticket (policy, ticket, NULL, at ("2024-04-25T09:00:00Z"), &result);
  g_assert_cmpint (result.stages[FL_SLA_FIRST_RESPONSE].state, ==, FL_SLA_STAGE_MET);
  assert_time (result.stages[FL_SLA_FIRST_RESPONSE].done_at, "2024-04-22T10:30:00Z");
  /* Monday 8 h + Tuesday 8 h = 16 h: met exactly on Wednesday 09:00. */
  g_assert_cmpint (result.stages[FL_SLA_RESOLUTION].state, ==, FL_SLA_STAGE_MET);
  g_assert_cmpint (result.stages[FL_SLA_RESOLUTION].remaining, ==, 0);
  g_assert_cmpint (fl_sla_result_next_due (&result), ==, 0);
}

static void
test_policy_json (void)
{
  g_autoptr(FlSlaPolicy) policy = make_policy ("Asia/Tehran", "12367", 8 * 60, 16 * 60,
                                               "2024-03-20");
  g_autoptr(FlSlaPolicy) back = NULL;
  g_autoptr(FlSlaPolicy) partial = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_auto(GStrv) holidays = NULL;
  int start, end;

  g_assert_true (fl_sla_policy_add_holiday (policy, "2024-03-21"));
  g_assert_false (fl_sla_policy_add_holiday (policy, "2024-02-30"));
  g_assert_false (fl_sla_policy_add_holiday (policy, "tomorrow"));
  g_assert_false (fl_sla_policy_set_time_zone (policy, "../../etc/passwd"));
  g_assert_false (fl_sla_policy_set_time_zone (policy, "Mars/Olympus_Mons"));
  fl_sla_policy_set_target (policy, FL_SLA_RESOLUTION, FL_PRIORITY_URGENT, 5 * HOUR);
  fl_sla_policy_set_pauses (policy, FL_STATUS_ON_HOLD, FALSE);
  /* Solved always stops the clock; it is not a choice. */
  fl_sla_policy_set_pauses (policy, FL_STATUS_SOLVED, TRUE);

  json = fl_sla_policy_to_json (policy);
  back = fl_sla_policy_from_json (json, &error);
  g_assert_no_error (error);
  again = fl_sla_policy_to_json (back);
  g_assert_cmpstr (json, ==, again);

  g_assert_cmpstr (fl_sla_policy_get_time_zone (back), ==, "Asia/Tehran");
  fl_sla_policy_get_hours (back, &start, &end);
  g_assert_cmpint (start, ==, 8 * 60);
  g_assert_cmpint (end, ==, 16 * 60);
  g_assert_true (fl_sla_policy_get_work_day (back, G_DATE_SATURDAY));
  g_assert_false (fl_sla_policy_get_work_day (back, G_DATE_FRIDAY));
  holidays = fl_sla_policy_get_holidays (back);
  g_assert_cmpstrv (holidays, ((const char * const []) { "2024-03-20", "2024-03-21", NULL }));
  g_assert_cmpint (fl_sla_policy_get_target (back, FL_SLA_RESOLUTION, FL_PRIORITY_URGENT), ==, 5 * HOUR);
  g_assert_true (fl_sla_policy_get_pauses (back, FL_STATUS_PENDING));
  g_assert_false (fl_sla_policy_get_pauses (back, FL_STATUS_ON_HOLD));
  g_assert_false (fl_sla_policy_get_pauses (back, FL_STATUS_SOLVED));

  /* Missing members keep the defaults; an unknown zone keeps the default
   * zone; garbage is an error. */
  partial = fl_sla_policy_from_json ("{\"time-zone\": \"Nowhere/Else\", \"start\": 600, \"end\": 900}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fl_sla_policy_get_target (partial, FL_SLA_FIRST_RESPONSE, FL_PRIORITY_NORMAL), ==, 8 * HOUR);
  g_assert_cmpstr (fl_sla_policy_get_time_zone (partial), !=, "Nowhere/Else");
  fl_sla_policy_get_hours (partial, &start, &end);
  g_assert_cmpint (start, ==, 600);
  g_assert_cmpint (end, ==, 900);
  g_assert_null (fl_sla_policy_from_json ("[1, 2]", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sla/business-time", test_business_time);
  g_test_add_func ("/sla/business-seconds", test_business_seconds);
  g_test_add_func ("/sla/ticket-clocks", test_ticket_clocks);
  g_test_add_func ("/sla/ticket-from-messages", test_ticket_from_messages);
  g_test_add_func ("/sla/ticket-without-history", test_ticket_without_history);
  g_test_add_func ("/sla/policy-json", test_policy_json);

  return g_test_run ();
}
