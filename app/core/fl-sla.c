/* fl-sla.c: SLA policies, business time and where a ticket stands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-sla"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fl-sla.h"

/* How far a business-time walk looks ahead or back before it gives up:
 * a calendar with every day a holiday must not loop for ever. */
#define MAX_DAYS (366 * 3)

#define HOUR ((gint64) 3600)

/**
 * FlSlaPolicy:
 *
 * The targets an account promises, per stage and priority, in business
 * seconds; the business-hours calendar they are counted in (week days,
 * daily hours, an IANA time zone and holidays, all in that zone's local
 * time); and the statuses that stop the clock.
 *
 * A policy whose calendar has no working time at all (no week day, or
 * hours that end before they start) counts wall-clock time instead.
 */
struct _FlSlaPolicy
{
  gint64      targets[FL_SLA_N_STAGES][FL_N_PRIORITIES];
  gboolean    work_days[8];  /* indexed by GDateWeekday, 1 = Monday */
  int         start_minute;
  int         end_minute;
  char       *time_zone;
  GTimeZone  *tz;
  GArray     *holidays;      /* guint32 Julian days, sorted */
  gboolean    pauses[FL_N_STATUSES];
};

G_DEFINE_BOXED_TYPE (FlSlaPolicy, fl_sla_policy, fl_sla_policy_copy, fl_sla_policy_free)

static const char * const stage_keys[FL_SLA_N_STAGES] = {
  "first-response", "next-response", "resolution",
};

/**
 * fl_sla_policy_new_default:
 *
 * The policy an account has until someone edits it: Monday to Friday,
 * 09:00 to 17:00 in the computer's time zone, no holidays; pending and on
 * hold pause the clock. First response within 1, 4, 8 and 24 business
 * hours (urgent, high, normal, low), next response within 2, 4, 8 and 24,
 * resolution within 8, 24, 40 and 80.
 *
 * Returns: (transfer full): a new policy
 */
FlSlaPolicy *
fl_sla_policy_new_default (void)
{
  static const gint64 hours[FL_SLA_N_STAGES][FL_N_PRIORITIES] = {
    /* low, normal, high, urgent */
    { 24, 8, 4, 1 },
    { 24, 8, 4, 2 },
    { 80, 40, 24, 8 },
  };
  FlSlaPolicy *self = g_new0 (FlSlaPolicy, 1);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  for (guint s = 0; s < FL_SLA_N_STAGES; s++)
    for (guint p = 0; p < FL_N_PRIORITIES; p++)
      self->targets[s][p] = hours[s][p] * HOUR;
  for (int d = G_DATE_MONDAY; d <= G_DATE_FRIDAY; d++)
    self->work_days[d] = TRUE;
  self->start_minute = 9 * 60;
  self->end_minute = 17 * 60;
  self->holidays = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->pauses[FL_STATUS_PENDING] = TRUE;
  self->pauses[FL_STATUS_ON_HOLD] = TRUE;
  if (!fl_sla_policy_set_time_zone (self, g_time_zone_get_identifier (local)))
    fl_sla_policy_set_time_zone (self, "UTC");

  return self;
}

/**
 * fl_sla_policy_copy:
 *
 * Returns: (transfer full): a copy of @self
 */
FlSlaPolicy *
fl_sla_policy_copy (const FlSlaPolicy *self)
{
  FlSlaPolicy *copy = g_memdup2 (self, sizeof *self);

  copy->time_zone = g_strdup (self->time_zone);
  copy->tz = self->tz ? g_time_zone_ref (self->tz) : NULL;
  copy->holidays = g_array_copy (self->holidays);
  return copy;
}

void
fl_sla_policy_free (FlSlaPolicy *self)
{
  if (self == NULL)
    return;
  g_free (self->time_zone);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_array_unref (self->holidays);
  g_free (self);
}

/**
 * fl_sla_policy_get_target:
 *
 * Returns: the business seconds allowed for @stage at @priority, 0 for
 *   no target
 */
gint64
fl_sla_policy_get_target (const FlSlaPolicy *self,
                          FlSlaStage         stage,
                          FlPriority         priority)
{
  g_return_val_if_fail (stage < FL_SLA_N_STAGES && priority < FL_N_PRIORITIES, 0);
  return self->targets[stage][priority];
}

void
fl_sla_policy_set_target (FlSlaPolicy *self,
                          FlSlaStage   stage,
                          FlPriority   priority,
                          gint64       seconds)
{
  g_return_if_fail (stage < FL_SLA_N_STAGES && priority < FL_N_PRIORITIES);
  self->targets[stage][priority] = MAX (seconds, 0);
}

gboolean
fl_sla_policy_get_work_day (const FlSlaPolicy *self,
                            GDateWeekday       weekday)
{
  g_return_val_if_fail (g_date_valid_weekday (weekday), FALSE);
  return self->work_days[weekday];
}

void
fl_sla_policy_set_work_day (FlSlaPolicy  *self,
                            GDateWeekday  weekday,
                            gboolean      work)
{
  g_return_if_fail (g_date_valid_weekday (weekday));
  self->work_days[weekday] = !!work;
}

/**
 * fl_sla_policy_get_hours:
 * @start_minute: (out): when the working day starts, in minutes after
 *   local midnight
 * @end_minute: (out): when it ends; 1440 is the next midnight
 */
void
fl_sla_policy_get_hours (const FlSlaPolicy *self,
                         int               *start_minute,
                         int               *end_minute)
{
  *start_minute = self->start_minute;
  *end_minute = self->end_minute;
}

void
fl_sla_policy_set_hours (FlSlaPolicy *self,
                         int          start_minute,
                         int          end_minute)
{
  self->start_minute = CLAMP (start_minute, 0, 24 * 60);
  self->end_minute = CLAMP (end_minute, 0, 24 * 60);
}

const char *
fl_sla_policy_get_time_zone (const FlSlaPolicy *self)
{
  return self->time_zone;
}

/**
 * fl_sla_policy_set_time_zone:
 * @identifier: an IANA time zone such as "Europe/Istanbul"
 *
 * Returns: %FALSE, leaving the zone as it was, if @identifier is unknown
 */
gboolean
fl_sla_policy_set_time_zone (FlSlaPolicy *self,
                             const char  *identifier)
{
  GTimeZone *tz;

  if (identifier == NULL || *identifier == '\0' || strstr (identifier, ".."))
    return FALSE;
  tz = g_time_zone_new_identifier (identifier);
  if (tz == NULL)
    return FALSE;

  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = tz;
  g_free (self->time_zone);
  self->time_zone = g_strdup (identifier);
  return TRUE;
}

static int
compare_julian (gconstpointer a,
                gconstpointer b)
{
  guint32 x = *(const guint32 *) a;
  guint32 y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/**
 * fl_sla_policy_get_holidays:
 *
 * Returns: (transfer full): the holidays as ISO dates (YYYY-MM-DD), sorted
 */
char **
fl_sla_policy_get_holidays (const FlSlaPolicy *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **strv;

  for (guint i = 0; i < self->holidays->len; i++)
    {
      GDate date;
      char buf[16];

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g_array_index (self->holidays, guint32, i));
      g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
      g_strv_builder_add (builder, buf);
    }
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

/**
 * fl_sla_policy_add_holiday:
 * @iso_date: a local date, YYYY-MM-DD
 *
 * Returns: %FALSE if @iso_date is not a valid date
 */
gboolean
fl_sla_policy_add_holiday (FlSlaPolicy *self,
                           const char  *iso_date)
{
  unsigned y, m, d;
  char tail;
  guint32 julian;

  if (iso_date == NULL ||
      sscanf (iso_date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;

  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, d, m, y);
    julian = g_date_get_julian (&date);
  }

  for (guint i = 0; i < self->holidays->len; i++)
    if (g_array_index (self->holidays, guint32, i) == julian)
      return TRUE;
  g_array_append_val (self->holidays, julian);
  g_array_sort (self->holidays, compare_julian);
  return TRUE;
}

void
fl_sla_policy_clear_holidays (FlSlaPolicy *self)
{
  g_array_set_size (self->holidays, 0);
}

gboolean
fl_sla_policy_get_pauses (const FlSlaPolicy *self,
                          FlStatus           status)
{
  g_return_val_if_fail (status < FL_N_STATUSES, FALSE);
  return self->pauses[status];
}

/**
 * fl_sla_policy_set_pauses:
 *
 * Sets whether the clock stands still while a ticket has @status. Only
 * new, open, pending and on hold can be set; solved and closed always
 * stop it.
 */
void
fl_sla_policy_set_pauses (FlSlaPolicy *self,
                          FlStatus     status,
                          gboolean     pauses)
{
  g_return_if_fail (status < FL_N_STATUSES);
  if (fl_status_is_open (status))
    self->pauses[status] = !!pauses;
}

/* JSON, as stored per account:
 * { "targets": { "first-response": { "low": 86400, ... }, ... },
 *   "days": [1, 2, 3, 4, 5], "start": 540, "end": 1020,
 *   "time-zone": "Europe/Istanbul", "holidays": ["2024-04-23"],
 *   "pauses": ["pending", "on-hold"] } */

/**
 * fl_sla_policy_to_json:
 *
 * Returns: (transfer full): @self as a JSON object
 */
char *
fl_sla_policy_to_json (const FlSlaPolicy *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) holidays = fl_sla_policy_get_holidays (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "targets");
  json_builder_begin_object (builder);
  for (guint s = 0; s < FL_SLA_N_STAGES; s++)
    {
      json_builder_set_member_name (builder, stage_keys[s]);
      json_builder_begin_object (builder);
      for (guint p = 0; p < FL_N_PRIORITIES; p++)
        {
          json_builder_set_member_name (builder, fl_priority_to_string (p));
          json_builder_add_int_value (builder, self->targets[s][p]);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);
  for (int d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    if (self->work_days[d])
      json_builder_add_int_value (builder, d);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, self->start_minute);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, self->end_minute);
  json_builder_set_member_name (builder, "time-zone");
  json_builder_add_string_value (builder, self->time_zone);

  json_builder_set_member_name (builder, "holidays");
  json_builder_begin_array (builder);
  for (guint i = 0; holidays[i]; i++)
    json_builder_add_string_value (builder, holidays[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "pauses");
  json_builder_begin_array (builder);
  for (guint s = 0; s < FL_N_STATUSES; s++)
    if (self->pauses[s])
      json_builder_add_string_value (builder, fl_status_to_string (s));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * fl_sla_policy_from_json:
 *
 * Reads a policy written by fl_sla_policy_to_json(). Members that are
 * missing keep their defaults; a time zone this computer does not know
 * keeps the default zone.
 *
 * Returns: (transfer full) (nullable): the policy, or %NULL if @json is
 *   not a JSON object
 */
FlSlaPolicy *
fl_sla_policy_from_json (const char  *json,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(FlSlaPolicy) self = NULL;
  JsonObject *root;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "An SLA policy is not a JSON object");
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  self = fl_sla_policy_new_default ();

  if (json_object_has_member (root, "targets"))
    {
      JsonObject *targets = json_object_get_object_member (root, "targets");

      for (guint s = 0; targets && s < FL_SLA_N_STAGES; s++)
        {
          JsonObject *stage;

          if (!json_object_has_member (targets, stage_keys[s]) ||
              !(stage = json_object_get_object_member (targets, stage_keys[s])))
            continue;
          for (guint p = 0; p < FL_N_PRIORITIES; p++)
            if (json_object_has_member (stage, fl_priority_to_string (p)))
              fl_sla_policy_set_target (self, s, p,
                                        json_object_get_int_member (stage, fl_priority_to_string (p)));
        }
    }

  if (json_object_has_member (root, "days"))
    {
      JsonArray *days = json_object_get_array_member (root, "days");

      memset (self->work_days, 0, sizeof self->work_days);
      for (guint i = 0; days && i < json_array_get_length (days); i++)
        {
          gint64 d = json_array_get_int_element (days, i);

          if (d >= G_DATE_MONDAY && d <= G_DATE_SUNDAY)
            self->work_days[d] = TRUE;
        }
    }

  if (json_object_has_member (root, "start") && json_object_has_member (root, "end"))
    fl_sla_policy_set_hours (self, json_object_get_int_member (root, "start"),
                             json_object_get_int_member (root, "end"));

  if (json_object_has_member (root, "time-zone"))
    fl_sla_policy_set_time_zone (self, json_object_get_string_member (root, "time-zone"));

  if (json_object_has_member (root, "holidays"))
    {
      JsonArray *holidays = json_object_get_array_member (root, "holidays");

      for (guint i = 0; holidays && i < json_array_get_length (holidays); i++)
        fl_sla_policy_add_holiday (self, json_array_get_string_element (holidays, i));
    }

  if (json_object_has_member (root, "pauses"))
    {
      JsonArray *pauses = json_object_get_array_member (root, "pauses");

      memset (self->pauses, 0, sizeof self->pauses);
      for (guint i = 0; pauses && i < json_array_get_length (pauses); i++)
        {
          FlStatus status;

          if (fl_status_from_string (json_array_get_string_element (pauses, i), &status))
            fl_sla_policy_set_pauses (self, status, TRUE);
        }
    }

  return g_steal_pointer (&self);
}

/* Business-hours arithmetic. Each local date of the policy's zone is one
 * working interval (or none); the local start and end are turned into
 * Unix times by GDateTime, so a DST change moves them as it moves the
 * clocks on the wall. */

static gboolean
is_wall_clock (const FlSlaPolicy *self)
{
  for (int d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    if (self->work_days[d])
      return self->start_minute >= self->end_minute;
  return TRUE;
}

static gboolean
is_holiday (const FlSlaPolicy *self,
            guint32            julian)
{
  for (guint i = 0; i < self->holidays->len; i++)
    if (g_array_index (self->holidays, guint32, i) == julian)
      return TRUE;
  return FALSE;
}

/* The Unix time of @minute after local midnight of @date, as
 * g_date_time_new() would give it (a time in a DST gap moves forward),
 * without allocating: this runs for every day a clock spans. */
#define JULIAN_1970_01_01 719163

static gint64
local_to_unix (GTimeZone   *tz,
               const GDate *date,
               int          minute)
{
  gint64 local = ((gint64) g_date_get_julian (date) - JULIAN_1970_01_01) * 86400 + minute * 60;
  gint64 adjusted = local;
  int interval = g_time_zone_adjust_time (tz, G_TIME_TYPE_STANDARD, &adjusted);

  return adjusted - g_time_zone_get_offset (tz, interval);
}

/* The working interval of @date, or FALSE for a day off. */
static gboolean
day_interval (const FlSlaPolicy *self,
              const GDate       *date,
              gint64            *start,
              gint64            *end)
{
  if (!self->work_days[g_date_get_weekday (date)] ||
      is_holiday (self, g_date_get_julian (date)))
    return FALSE;

  *start = local_to_unix (self->tz, date, self->start_minute);
  *end = local_to_unix (self->tz, date, self->end_minute);
  return *end > *start;
}

static void
local_date (const FlSlaPolicy *self,
            gint64             when,
            GDate             *date)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->tz);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
}

/**
 * fl_sla_policy_business_seconds:
 *
 * Returns: the working seconds of the policy's calendar between @from and
 *   @to; 0 if @to is not after @from
 */
gint64
fl_sla_policy_business_seconds (const FlSlaPolicy *self,
                                gint64             from,
                                gint64             to)
{
  GDate date;
  gint64 total = 0;

  if (to <= from)
    return 0;
  if (is_wall_clock (self))
    return to - from;

  local_date (self, from, &date);
  /* A working interval of the day before can reach past midnight only
   * when hours end at 24:00, which is midnight of @date; start a day
   * early anyway so no overlap is missed. */
  g_date_subtract_days (&date, 1);

  for (guint i = 0; i < MAX_DAYS; i++, g_date_add_days (&date, 1))
    {
      gint64 start, end;

      if (!day_interval (self, &date, &start, &end))
        continue;
      if (start >= to)
        break;
      start = MAX (start, from);
      end = MIN (end, to);
      if (end > start)
        total += end - start;
    }

  return total;
}

/**
 * fl_sla_policy_add_business_time:
 * @seconds: working seconds, at least 0
 *
 * Returns: the first time at which @seconds of working time have passed
 *   since @from; with 0, @from itself
 */
gint64
fl_sla_policy_add_business_time (const FlSlaPolicy *self,
                                 gint64             from,
                                 gint64             seconds)
{
  GDate date;

  if (seconds <= 0)
    return from;
  if (is_wall_clock (self))
    return from + seconds;

  local_date (self, from, &date);
  g_date_subtract_days (&date, 1);

  for (guint i = 0; i < MAX_DAYS; i++, g_date_add_days (&date, 1))
    {
      gint64 start, end;

      if (!day_interval (self, &date, &start, &end) || end <= from)
        continue;
      start = MAX (start, from);
      if (end - start >= seconds)
        return start + seconds;
      seconds -= end - start;
    }

  return from + seconds;
}

/* The ticket's clocks */

typedef struct
{
  gboolean active;
  gint64   started;
  gint64   elapsed;
  gint64   crossed;   /* when elapsed reached the target, 0 before */
  gint64   done_at;
  gint64   paused_at; /* when the clock last stopped for a status */
} Clock;

/* Counts the working time from @from to @to. Once the target is
 * reached the clock only remembers when: how far past it a stage went is
 * measured from there when asked. */
static void
clock_run (const FlSlaPolicy *policy,
           Clock             *clock,
           gint64             target,
           gint64             from,
           gint64             to)
{
  if (!clock->active || to <= from || clock->crossed != 0)
    return;

  if (target > 0)
    {
      gint64 cross = fl_sla_policy_add_business_time (policy, from, target - clock->elapsed);

      if (cross <= to)
        {
          clock->crossed = cross;
          clock->elapsed = target;
          return;
        }
    }

  clock->elapsed += fl_sla_policy_business_seconds (policy, from, to);
}

static void
clock_start (Clock  *clock,
             gint64  when)
{
  clock->active = TRUE;
  clock->started = when;
  clock->elapsed = 0;
  clock->crossed = 0;
  clock->done_at = 0;
}

static gboolean
is_stopped (const FlSlaPolicy *policy,
            FlStatus           status)
{
  return !fl_status_is_open (status) || policy->pauses[status];
}

static void
finish_stage (const FlSlaPolicy *policy,
              const Clock       *clock,
              gboolean           started,
              gint64             target,
              gboolean           paused,
              gint64             now,
              FlSlaStageResult  *out)
{
  memset (out, 0, sizeof *out);
  out->target = target;
  if (target <= 0 || !started)
    return;

  out->elapsed = clock->elapsed;
  out->remaining = target - clock->elapsed;

  if (!clock->active)
    {
      /* Met or missed for good: missed if working time passed between
       * the target and the end. */
      gint64 over = clock->crossed
                    ? fl_sla_policy_business_seconds (policy, clock->crossed, clock->done_at) : 0;

      out->done_at = clock->done_at;
      out->elapsed += over;
      out->remaining -= over;
      out->state = over > 0 ? FL_SLA_STAGE_BREACHED : FL_SLA_STAGE_MET;
      out->due = over > 0 ? clock->crossed : 0;
      return;
    }

  if (clock->crossed != 0)
    {
      /* Overdue by the working time since the target fell due; while
       * paused, by what was used before the pause. */
      gint64 until = paused ? clock->paused_at : now;
      gint64 over = fl_sla_policy_business_seconds (policy, clock->crossed, MAX (until, clock->crossed));

      out->state = FL_SLA_STAGE_BREACHED;
      out->due = clock->crossed;
      out->elapsed += over;
      out->remaining -= over;
      return;
    }

  if (paused)
    {
      out->state = FL_SLA_STAGE_PAUSED;
      return;
    }

  out->state = FL_SLA_STAGE_RUNNING;
  out->due = fl_sla_policy_add_business_time (policy, now, out->remaining);
}

/**
 * fl_sla_compute:
 * @policy: the account's policy
 * @priority: the ticket's priority now (targets are the current ones)
 * @created: when the ticket was created; the first-response and
 *   resolution clocks start then
 * @initial_status: the status at creation
 * @events: (array length=n_events): status changes and public replies,
 *   in time order
 * @now: the time to evaluate at; events after it are ignored
 * @result: (out caller-allocates): each stage's state
 *
 * Runs the ticket's clocks over its history. A clock counts the
 * policy's business time while the ticket is in a status that neither
 * pauses (the policy's choice, pending and on hold by default) nor ends
 * it (solved, closed). First response stops at the first agent reply.
 * Next response starts at a customer reply that follows an agent reply
 * and stops at the next agent reply; the result is the newest such
 * cycle. Resolution stops when the ticket is solved or closed; when it
 * is reopened, the clock resumes from the business time already used,
 * and the result says it was reopened.
 */
void
fl_sla_compute (const FlSlaPolicy *policy,
                FlPriority         priority,
                gint64             created,
                FlStatus           initial_status,
                const FlSlaEvent  *events,
                guint              n_events,
                gint64             now,
                FlSlaResult       *result)
{
  Clock clocks[FL_SLA_N_STAGES] = { { 0 } };
  gint64 targets[FL_SLA_N_STAGES];
  gboolean started[FL_SLA_N_STAGES] = { TRUE, FALSE, TRUE };
  FlStatus status = initial_status;
  gboolean agent_replied = FALSE;
  gboolean last_public_from_agent = FALSE;
  gboolean reopened = FALSE;
  gint64 last = created;

  g_return_if_fail (priority < FL_N_PRIORITIES);

  now = MAX (now, created);
  for (guint s = 0; s < FL_SLA_N_STAGES; s++)
    targets[s] = policy->targets[s][priority];

  clock_start (&clocks[FL_SLA_FIRST_RESPONSE], created);
  clock_start (&clocks[FL_SLA_RESOLUTION], created);
  for (guint s = 0; s < FL_SLA_N_STAGES; s++)
    clocks[s].paused_at = created;
  if (!fl_status_is_open (status))
    {
      clocks[FL_SLA_RESOLUTION].active = FALSE;
      clocks[FL_SLA_RESOLUTION].done_at = created;
      clocks[FL_SLA_FIRST_RESPONSE].active = FALSE;
      started[FL_SLA_FIRST_RESPONSE] = FALSE;
    }

  for (guint i = 0; i < n_events; i++)
    {
      const FlSlaEvent *ev = &events[i];
      gint64 t = CLAMP (ev->time, created, now);

      if (ev->time > now)
        break;

      if (!is_stopped (policy, status))
        for (guint s = 0; s < FL_SLA_N_STAGES; s++)
          clock_run (policy, &clocks[s], targets[s], last, t);
      last = MAX (last, t);

      switch (ev->kind)
        {
        case FL_SLA_EVENT_AGENT_REPLY:
          for (guint s = FL_SLA_FIRST_RESPONSE; s <= FL_SLA_NEXT_RESPONSE; s++)
            if (clocks[s].active)
              {
                clocks[s].active = FALSE;
                clocks[s].done_at = t;
              }
          agent_replied = TRUE;
          last_public_from_agent = TRUE;
          break;

        case FL_SLA_EVENT_CUSTOMER_REPLY:
          if (agent_replied && last_public_from_agent &&
              !clocks[FL_SLA_NEXT_RESPONSE].active)
            {
              clock_start (&clocks[FL_SLA_NEXT_RESPONSE], t);
              started[FL_SLA_NEXT_RESPONSE] = TRUE;
            }
          last_public_from_agent = FALSE;
          break;

        case FL_SLA_EVENT_STATUS:
          if (fl_status_is_open (status) && !fl_status_is_open (ev->status))
            {
              /* Solved or closed: every running clock ends; a response
               * nobody gave is no longer owed. */
              for (guint s = 0; s < FL_SLA_N_STAGES; s++)
                if (clocks[s].active)
                  {
                    clocks[s].active = FALSE;
                    clocks[s].done_at = t;
                    if (s != FL_SLA_RESOLUTION && clocks[s].crossed == 0)
                      started[s] = FALSE;
                  }
            }
          else if (!fl_status_is_open (status) && fl_status_is_open (ev->status))
            {
              Clock *res = &clocks[FL_SLA_RESOLUTION];

              reopened = TRUE;
              res->active = TRUE;
              res->done_at = 0;
              started[FL_SLA_RESOLUTION] = TRUE;
            }
          if (!is_stopped (policy, status) && is_stopped (policy, ev->status))
            for (guint s = 0; s < FL_SLA_N_STAGES; s++)
              clocks[s].paused_at = t;
          status = ev->status;
          break;

        default:
          break;
        }
    }

  if (!is_stopped (policy, status))
    for (guint s = 0; s < FL_SLA_N_STAGES; s++)
      clock_run (policy, &clocks[s], targets[s], last, now);

  for (guint s = 0; s < FL_SLA_N_STAGES; s++)
    finish_stage (policy, &clocks[s], started[s], targets[s],
                  is_stopped (policy, status), now, &result->stages[s]);
  result->reopened = reopened;
}

/**
 * fl_sla_events_from_messages:
 * @messages: (element-type FlMessage): a conversation, oldest first
 * @initial_status: (out) (optional): the status the ticket was created
 *   with, from the first status event's old value; unchanged if there is
 *   none
 *
 * Turns a conversation into the events fl_sla_compute() reads: status
 * events, inbound public replies and outbound public replies. Notes and
 * other events do not count.
 *
 * Returns: (transfer full) (element-type FlSlaEvent): the events, sorted
 */
GArray *
fl_sla_events_from_messages (GPtrArray *messages,
                             FlStatus  *initial_status)
{
  GArray *events = g_array_new (FALSE, FALSE, sizeof (FlSlaEvent));
  gboolean seen_status = FALSE;

  for (guint i = 0; messages && i < messages->len; i++)
    {
      FlMessage *message = messages->pdata[i];
      FlSlaEvent ev = { fl_message_get_created (message), 0, 0 };

      switch (fl_message_get_kind (message))
        {
        case FL_MESSAGE_REPLY:
          ev.kind = fl_message_get_direction (message) == FL_DIRECTION_OUTBOUND
                    ? FL_SLA_EVENT_AGENT_REPLY : FL_SLA_EVENT_CUSTOMER_REPLY;
          g_array_append_val (events, ev);
          break;

        case FL_MESSAGE_EVENT:
          if (g_strcmp0 (fl_message_get_event_field (message), "status") != 0 ||
              !fl_status_from_string (fl_message_get_event_new (message), &ev.status))
            break;
          if (!seen_status && initial_status != NULL)
            {
              FlStatus old;

              if (fl_status_from_string (fl_message_get_event_old (message), &old))
                *initial_status = old;
            }
          seen_status = TRUE;
          ev.kind = FL_SLA_EVENT_STATUS;
          g_array_append_val (events, ev);
          break;

        case FL_MESSAGE_NOTE:
        default:
          break;
        }
    }

  return events;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const FlSlaEvent *x = a;
  const FlSlaEvent *y = b;

  return x->time < y->time ? -1 : x->time > y->time;
}

/**
 * fl_sla_ticket_events:
 * @messages: (element-type FlMessage) (nullable): the conversation
 * @initial_status: (out): the status the ticket was created with
 *
 * The events of @ticket's history, sorted, as fl_sla_compute() and the
 * metrics read them. When the conversation has no status events, the
 * ticket is taken to have had its current status since creation, except
 * that a done ticket was open until its last update; a ticket with a
 * first-response time but no agent reply in the conversation gets one
 * then.
 *
 * Returns: (transfer full) (element-type FlSlaEvent): the events
 */
GArray *
fl_sla_ticket_events (FlTicket  *ticket,
                      GPtrArray *messages,
                      FlStatus  *initial_status)
{
  FlStatus current = fl_ticket_get_status (ticket);
  FlStatus initial = FL_STATUS_NEW;
  GArray *events = fl_sla_events_from_messages (messages, &initial);
  gboolean has_status = FALSE, has_agent = FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      FlSlaEvent *ev = &g_array_index (events, FlSlaEvent, i);

      has_status |= ev->kind == FL_SLA_EVENT_STATUS;
      has_agent |= ev->kind == FL_SLA_EVENT_AGENT_REPLY;
    }

  if (!has_agent && fl_ticket_get_first_response_at (ticket) > 0)
    {
      FlSlaEvent ev = { fl_ticket_get_first_response_at (ticket), FL_SLA_EVENT_AGENT_REPLY, 0 };

      g_array_append_val (events, ev);
    }

  if (!has_status)
    {
      if (fl_status_is_open (current))
        initial = current;
      else
        {
          FlSlaEvent ev = { MAX (fl_ticket_get_updated (ticket), fl_ticket_get_created (ticket)),
                            FL_SLA_EVENT_STATUS, current };

          initial = FL_STATUS_OPEN;
          g_array_append_val (events, ev);
        }
    }

  g_array_sort (events, compare_events);

  /* A history that ends in another state than the ticket's (a backend
   * that does not report every change) ends with the ticket's status at
   * its last update. */
  if (has_status)
    {
      FlStatus last = initial;
      gint64 last_time = fl_ticket_get_created (ticket);

      for (guint i = 0; i < events->len; i++)
        {
          FlSlaEvent *ev = &g_array_index (events, FlSlaEvent, i);

          last_time = MAX (last_time, ev->time);
          if (ev->kind == FL_SLA_EVENT_STATUS)
            last = ev->status;
        }
      if (fl_status_is_open (last) != fl_status_is_open (current))
        {
          FlSlaEvent ev = { MAX (fl_ticket_get_updated (ticket), last_time), FL_SLA_EVENT_STATUS, current };

          g_array_append_val (events, ev);
        }
    }

  *initial_status = initial;
  return events;
}

/**
 * fl_sla_compute_ticket:
 * @messages: (element-type FlMessage) (nullable): the conversation
 *
 * fl_sla_compute() over fl_sla_ticket_events().
 */
void
fl_sla_compute_ticket (const FlSlaPolicy *policy,
                       FlTicket          *ticket,
                       GPtrArray         *messages,
                       gint64             now,
                       FlSlaResult       *result)
{
  FlStatus initial;
  g_autoptr(GArray) events = fl_sla_ticket_events (ticket, messages, &initial);

  fl_sla_compute (policy, fl_ticket_get_priority (ticket), fl_ticket_get_created (ticket),
                  initial, (FlSlaEvent *) (gpointer) events->data, events->len, now, result);
}

/**
 * fl_sla_result_next_due:
 *
 * Returns: the earliest due time of a running stage, or of a stage
 *   overdue and still open; 0 for none (all met, paused or without target)
 */
gint64
fl_sla_result_next_due (const FlSlaResult *result)
{
  gint64 due = 0;

  for (guint s = 0; s < FL_SLA_N_STAGES; s++)
    {
      const FlSlaStageResult *st = &result->stages[s];

      if (st->done_at != 0 || st->due == 0)
        continue;
      if (st->state != FL_SLA_STAGE_RUNNING && st->state != FL_SLA_STAGE_BREACHED)
        continue;
      if (due == 0 || st->due < due)
        due = st->due;
    }

  return due;
}

/**
 * fl_sla_backend_due:
 *
 * The earliest due time the backend itself set (Request Tracker's Due)
 * that the agent still has to meet: the first response while nobody has
 * answered, then the resolution. Solved, closed, pending and on-hold
 * tickets have none.
 *
 * Returns: a Unix time, or 0 for none
 */
gint64
fl_sla_backend_due (FlTicket *ticket)
{
  FlStatus status = fl_ticket_get_status (ticket);
  gint64 first = fl_ticket_get_due_first_response (ticket);
  gint64 resolution = fl_ticket_get_due_resolution (ticket);
  gint64 due = 0;

  if (status != FL_STATUS_NEW && status != FL_STATUS_OPEN)
    return 0;

  if (fl_ticket_get_first_response_at (ticket) == 0 && first > 0)
    due = first;
  if (resolution > 0 && (due == 0 || resolution < due))
    due = resolution;

  return due;
}

/**
 * fl_sla_state_for_due:
 * @due: a due time, 0 for none
 * @now: the current Unix time
 * @at_risk_window: how close to the due time counts as at risk
 * @remaining: (out) (optional): seconds left, negative when overdue
 *
 * Returns: the badge state of a ticket due at @due
 */
FlSlaState
fl_sla_state_for_due (gint64  due,
                      gint64  now,
                      gint64  at_risk_window,
                      gint64 *remaining)
{
  if (remaining != NULL)
    *remaining = due ? due - now : 0;

  if (due == 0)
    return FL_SLA_NONE;
  if (due <= now)
    return FL_SLA_BREACHED;
  if (due - now < at_risk_window)
    return FL_SLA_AT_RISK;
  return FL_SLA_OK;
}

/**
 * fl_sla_stage_get_label:
 *
 * Returns: (transfer none): the translated name of @stage
 */
const char *
fl_sla_stage_get_label (FlSlaStage stage)
{
  switch (stage)
    {
    case FL_SLA_FIRST_RESPONSE: return _("First Response");
    case FL_SLA_NEXT_RESPONSE: return _("Next Response");
    case FL_SLA_RESOLUTION: return _("Resolution");
    default: g_return_val_if_reached (NULL);
    }
}
