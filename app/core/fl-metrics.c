/* fl-metrics.c: support metrics over a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-metrics"

#include "config.h"

#include <math.h>
#include <string.h>

#include "fl-metrics.h"
#include "fl-util.h"

/**
 * FlMetrics:
 *
 * The figures of a period for the dashboard, computed from tickets and
 * their conversations (the store's, see fl_store_load_metrics()):
 *
 * - created: tickets created in the period;
 * - solved: tickets whose last change to solved or closed falls in it;
 * - first response time: wall-clock time from creation to the first
 *   public agent reply, for replies in the period; median and p90;
 * - resolution time: wall-clock time from creation to the last solve,
 *   for tickets solved in the period; median and p90;
 * - first-contact resolution: of the solved tickets, those solved with
 *   exactly one public agent reply and never reopened;
 * - reopen rate: of the solved tickets, those reopened at least once;
 * - SLA hit rate: SLA stages (first response, next response, resolution,
 *   in the account policy's business time) decided in the period: met
 *   when done in it within target, missed when the target fell due in
 *   it; met / (met + missed);
 * - CSAT (1-5) and CES (1-7): means over the solved tickets rated;
 * - backlog: for each local day of the period, tickets created and not
 *   solved or closed at the day's end (or now, for today);
 * - per agent (the current assignee): the same, per agent.
 *
 * Medians of an even count are the mean of the two middle values; p90
 * is the nearest-rank percentile, the value at rank ⌈0.9 n⌉.
 */

G_DEFINE_BOXED_TYPE (FlMetrics, fl_metrics, fl_metrics_ref, fl_metrics_unref)

/**
 * fl_metrics_filter_init:
 *
 * Fills @filter for the period from @from to @to, every account,
 * channel and agent, taken now.
 */
void
fl_metrics_filter_init (FlMetricsFilter *filter,
                        gint64           from,
                        gint64           to)
{
  memset (filter, 0, sizeof *filter);
  filter->from = from;
  filter->to = to;
  filter->channel = -1;
}

/**
 * fl_metrics_ticket_matches:
 *
 * Returns: whether @ticket is in @filter's account, channel and agent
 */
gboolean
fl_metrics_ticket_matches (FlTicket              *ticket,
                           const FlMetricsFilter *filter)
{
  if (filter->account_id != 0 && fl_ticket_get_account_id (ticket) != filter->account_id)
    return FALSE;
  if (filter->channel >= 0 && (int) fl_ticket_get_channel (ticket) != filter->channel)
    return FALSE;
  if (filter->agent_id != 0 && fl_ticket_get_assignee_id (ticket) != filter->agent_id)
    return FALSE;
  return TRUE;
}

/**
 * fl_metrics_median:
 * @values: (element-type gint64): sorted in place
 *
 * Returns: the median, the mean of the two middle values for an even
 *   count (rounded down); -1 for none
 */
gint64
fl_metrics_median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return -1;
  g_array_sort (values, fl_compare_int64);
  if (n % 2 == 1)
    return g_array_index (values, gint64, n / 2);
  return (g_array_index (values, gint64, n / 2 - 1) + g_array_index (values, gint64, n / 2)) / 2;
}

/**
 * fl_metrics_percentile:
 * @values: (element-type gint64): sorted in place
 *
 * Returns: the nearest-rank @percent percentile, the value at rank
 *   ⌈percent × n / 100⌉; -1 for none
 */
gint64
fl_metrics_percentile (GArray *values,
                       guint   percent)
{
  guint n = values->len;
  guint rank;

  if (n == 0)
    return -1;
  g_array_sort (values, fl_compare_int64);
  rank = (percent * n + 99) / 100;
  rank = CLAMP (rank, 1, n);
  return g_array_index (values, gint64, rank - 1);
}

static double
rate (guint part,
      guint whole)
{
  return whole ? (double) part / whole : NAN;
}

/* What one ticket's history says, for the period. */
typedef struct
{
  gint64   first_reply;    /* first public agent reply, 0 for none */
  guint    agent_replies;  /* public agent replies before the last solve */
  gint64   solved_at;      /* the last change to a done status, if done now */
  gboolean reopened;
  GArray  *open;           /* pairs of gint64: [start, end), end G_MAXINT64 */
} Facts;

static void
read_facts (FlTicket  *ticket,
            GPtrArray *messages,
            Facts     *facts)
{
  FlStatus status;
  g_autoptr(GArray) events = fl_sla_ticket_events (ticket, messages, &status);
  gint64 open_since = fl_status_is_open (status) ? fl_ticket_get_created (ticket) : -1;

  memset (facts, 0, sizeof *facts);
  facts->open = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < events->len; i++)
    {
      const FlSlaEvent *ev = &g_array_index (events, FlSlaEvent, i);

      switch (ev->kind)
        {
        case FL_SLA_EVENT_AGENT_REPLY:
          if (facts->first_reply == 0)
            facts->first_reply = ev->time;
          facts->agent_replies++;
          break;

        case FL_SLA_EVENT_STATUS:
          if (fl_status_is_open (status) && !fl_status_is_open (ev->status))
            {
              gint64 end = ev->time;

              g_array_append_val (facts->open, open_since);
              g_array_append_val (facts->open, end);
              open_since = -1;
              facts->solved_at = ev->time;
            }
          else if (!fl_status_is_open (status) && fl_status_is_open (ev->status))
            {
              facts->reopened = TRUE;
              facts->solved_at = 0;
              open_since = ev->time;
            }
          status = ev->status;
          break;

        case FL_SLA_EVENT_CUSTOMER_REPLY:
        default:
          break;
        }
    }

  if (open_since >= 0)
    {
      gint64 end = G_MAXINT64;

      g_array_append_val (facts->open, open_since);
      g_array_append_val (facts->open, end);
      facts->solved_at = 0;
    }
}

static gboolean
is_open_at (const Facts *facts,
            gint64       when)
{
  for (guint i = 0; i + 1 < facts->open->len; i += 2)
    if (g_array_index (facts->open, gint64, i) <= when &&
        when < g_array_index (facts->open, gint64, i + 1))
      return TRUE;
  return FALSE;
}

static gboolean
in_period (const FlMetricsFilter *filter,
           gint64                 when)
{
  return when != 0 && when >= filter->from && when < filter->to;
}

/* The running sums of one table row (or the total). */
typedef struct
{
  FlMetricsAgent *row;
  GArray         *first_response;
  GArray         *resolution;
  guint           fcr;
  guint           reopened;
  double          csat_sum;
  guint           n_csat;
  double          ces_sum;
  guint           n_ces;
} Sums;

static Sums *
sums_new (gint64      agent_id,
          const char *name)
{
  Sums *sums = g_new0 (Sums, 1);

  sums->row = g_new0 (FlMetricsAgent, 1);
  sums->row->agent_id = agent_id;
  sums->row->name = g_strdup (name);
  sums->first_response = g_array_new (FALSE, FALSE, sizeof (gint64));
  sums->resolution = g_array_new (FALSE, FALSE, sizeof (gint64));
  return sums;
}

static void
agent_free (FlMetricsAgent *row)
{
  g_free (row->name);
  g_free (row);
}

static void
sums_free (Sums *sums)
{
  g_array_unref (sums->first_response);
  g_array_unref (sums->resolution);
  g_clear_pointer (&sums->row, agent_free);
  g_free (sums);
}

static void
add_ticket (Sums                  *sums,
            FlTicket              *ticket,
            const Facts           *facts,
            const FlSlaResult     *sla,
            const FlMetricsFilter *filter)
{
  gint64 created = fl_ticket_get_created (ticket);

  if (in_period (filter, created))
    sums->row->created++;

  if (in_period (filter, facts->first_reply))
    {
      gint64 frt = MAX (facts->first_reply - created, 0);

      g_array_append_val (sums->first_response, frt);
    }

  if (in_period (filter, facts->solved_at))
    {
      gint64 resolution = MAX (facts->solved_at - created, 0);
      int csat = fl_ticket_get_csat (ticket);
      int ces = fl_ticket_get_ces (ticket);

      sums->row->solved++;
      g_array_append_val (sums->resolution, resolution);
      if (facts->agent_replies == 1 && !facts->reopened)
        sums->fcr++;
      if (facts->reopened)
        sums->reopened++;
      if (csat > 0)
        {
          sums->csat_sum += csat;
          sums->n_csat++;
        }
      if (ces > 0)
        {
          sums->ces_sum += ces;
          sums->n_ces++;
        }
    }

  for (guint s = 0; s < FL_SLA_N_STAGES; s++)
    {
      const FlSlaStageResult *st = &sla->stages[s];

      if (st->state == FL_SLA_STAGE_MET && in_period (filter, st->done_at))
        sums->row->sla_met++;
      else if (st->state == FL_SLA_STAGE_BREACHED && in_period (filter, st->due))
        sums->row->sla_missed++;
    }
}

static void
finish_sums (Sums *sums)
{
  FlMetricsAgent *row = sums->row;

  row->n_first_response = sums->first_response->len;
  row->first_response_median = fl_metrics_median (sums->first_response);
  row->fcr_rate = rate (sums->fcr, row->solved);
  row->n_csat = sums->n_csat;
  row->csat = sums->n_csat ? sums->csat_sum / sums->n_csat : NAN;
  row->sla_hit_rate = rate (row->sla_met, row->sla_met + row->sla_missed);
}

static int
compare_agents (gconstpointer a,
                gconstpointer b)
{
  const FlMetricsAgent *x = *(FlMetricsAgent * const *) a;
  const FlMetricsAgent *y = *(FlMetricsAgent * const *) b;
  guint nx = x->created + x->solved;
  guint ny = y->created + y->solved;

  /* Unassigned last, then the busiest first, then by name. */
  if ((x->agent_id == 0) != (y->agent_id == 0))
    return x->agent_id == 0 ? 1 : -1;
  if (nx != ny)
    return nx > ny ? -1 : 1;
  return g_utf8_collate (x->name ? x->name : "", y->name ? y->name : "");
}

static void
metrics_clear (FlMetrics *self)
{
  g_clear_pointer (&self->backlog, g_array_unref);
  g_clear_pointer (&self->agents, g_ptr_array_unref);
}

FlMetrics *
fl_metrics_ref (FlMetrics *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
fl_metrics_unref (FlMetrics *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) metrics_clear);
}

/* The local midnights from @from's day to @to. */
static GArray *
day_starts (GTimeZone *tz,
            gint64     from,
            gint64     to)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (from);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autoptr(GDateTime) day = g_date_time_new (tz, g_date_time_get_year (local),
                                              g_date_time_get_month (local),
                                              g_date_time_get_day_of_month (local), 0, 0, 0);

  for (guint i = 0; day != NULL && i < 400; i++)
    {
      gint64 start = g_date_time_to_unix (day);
      GDateTime *next;

      if (start >= to)
        break;
      g_array_append_val (days, start);
      next = g_date_time_add_days (day, 1);
      g_date_time_unref (day);
      day = next;
    }

  return days;
}

/**
 * fl_metrics_compute:
 * @tickets: (element-type FlTicket): the tickets to look at
 * @conversations: (element-type GPtrArray): each ticket's conversation,
 *   in the same order
 * @policy_func: gives an account's SLA policy
 * @filter: the period and filter
 * @tz: the zone whose days the backlog counts
 *
 * Computes the figures described at #FlMetrics for the tickets that
 * match @filter.
 *
 * Returns: (transfer full): the figures
 */
FlMetrics *
fl_metrics_compute (GPtrArray             *tickets,
                    GPtrArray             *conversations,
                    FlMetricsPolicyFunc    policy_func,
                    gpointer               user_data,
                    const FlMetricsFilter *filter,
                    GTimeZone             *tz)
{
  FlMetrics *self = g_atomic_rc_box_new0 (FlMetrics);
  g_autoptr(GHashTable) by_agent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          (GDestroyNotify) sums_free);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) facts_list = g_array_new (FALSE, TRUE, sizeof (Facts));
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();
  Sums *total = sums_new (0, NULL);
  gint64 now = filter->now ? filter->now : g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (tickets->len == conversations->len, self);

  for (guint i = 0; i < tickets->len; i++)
    {
      FlTicket *ticket = tickets->pdata[i];
      GPtrArray *messages = conversations->pdata[i];
      gint64 agent_id = fl_ticket_get_assignee_id (ticket);
      FlSlaResult sla;
      Facts facts;
      Sums *sums;

      if (!fl_metrics_ticket_matches (ticket, filter) || fl_ticket_get_created (ticket) >= filter->to)
        continue;

      read_facts (ticket, messages, &facts);
      fl_sla_compute_ticket (policy_func (fl_ticket_get_account_id (ticket), user_data),
                             ticket, messages, MIN (now, filter->to), &sla);

      add_ticket (total, ticket, &facts, &sla, filter);
      sums = g_hash_table_lookup (by_agent, &agent_id);
      if (sums == NULL)
        {
          sums = sums_new (agent_id, agent_id ? fl_ticket_get_assignee (ticket) : NULL);
          g_hash_table_insert (by_agent, g_memdup2 (&agent_id, sizeof agent_id), sums);
        }
      add_ticket (sums, ticket, &facts, &sla, filter);

      g_array_append_val (facts_list, facts);
      g_ptr_array_add (matching, ticket);
    }

  self->created = total->row->created;
  self->solved = total->row->solved;
  self->n_first_response = total->first_response->len;
  self->first_response_median = fl_metrics_median (total->first_response);
  self->first_response_p90 = fl_metrics_percentile (total->first_response, 90);
  self->n_resolution = total->resolution->len;
  self->resolution_median = fl_metrics_median (total->resolution);
  self->resolution_p90 = fl_metrics_percentile (total->resolution, 90);
  self->fcr = total->fcr;
  self->fcr_rate = rate (total->fcr, self->solved);
  self->reopened = total->reopened;
  self->reopen_rate = rate (total->reopened, self->solved);
  self->sla_met = total->row->sla_met;
  self->sla_missed = total->row->sla_missed;
  self->sla_hit_rate = rate (self->sla_met, self->sla_met + self->sla_missed);
  self->n_csat = total->n_csat;
  self->csat = total->n_csat ? total->csat_sum / total->n_csat : NAN;
  self->n_ces = total->n_ces;
  self->ces = total->n_ces ? total->ces_sum / total->n_ces : NAN;
  sums_free (total);

  /* The backlog at each day's end, or now for a day not over yet. */
  days = day_starts (tz, filter->from, filter->to);
  self->backlog = g_array_sized_new (FALSE, TRUE, sizeof (FlMetricsDay), days->len);
  for (guint d = 0; d < days->len; d++)
    {
      FlMetricsDay day = { g_array_index (days, gint64, d), 0 };
      gint64 end = d + 1 < days->len ? g_array_index (days, gint64, d + 1) : filter->to;
      gint64 at = MIN (end, now) - 1;

      if (day.start > now)
        break;
      for (guint i = 0; i < facts_list->len; i++)
        if (fl_ticket_get_created (matching->pdata[i]) <= at &&
            is_open_at (&g_array_index (facts_list, Facts, i), at))
          day.open++;
      g_array_append_val (self->backlog, day);
    }

  for (guint i = 0; i < facts_list->len; i++)
    g_array_unref (g_array_index (facts_list, Facts, i).open);

  self->agents = g_ptr_array_new_with_free_func ((GDestroyNotify) agent_free);
  {
    GHashTableIter iter;
    Sums *sums;

    g_hash_table_iter_init (&iter, by_agent);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &sums))
      {
        FlMetricsAgent *row = sums->row;

        /* Only who did or got something in the period. */
        if (row->created + row->solved + sums->first_response->len +
            row->sla_met + row->sla_missed == 0)
          continue;
        finish_sums (sums);
        g_ptr_array_add (self->agents, g_steal_pointer (&sums->row));
      }
  }
  g_ptr_array_sort (self->agents, compare_agents);

  return self;
}

/* RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a
 * leading apostrophe. */
static void
append_cell (GString    *csv,
             const char *text)
{
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL;

  if (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')
    {
      g_string_append (csv, "\"'");
      quote = FALSE;
      for (const char *c = text; *c; c++)
        {
          if (*c == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *c);
        }
      g_string_append_c (csv, '"');
      return;
    }

  if (!quote)
    {
      g_string_append (csv, text);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *c = text; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *c);
    }
  g_string_append_c (csv, '"');
}

static void
append_seconds (GString *csv,
                gint64   seconds)
{
  if (seconds >= 0)
    g_string_append_printf (csv, "%" G_GINT64_FORMAT, seconds);
}

static void
append_ratio (GString *csv,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isnan (value))
    g_string_append (csv, g_ascii_formatd (buf, sizeof buf, "%.4f", value));
}

static void
append_date (GString   *csv,
             GTimeZone *tz,
             gint64     when,
             gboolean   with_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autofree char *text = with_time ? g_date_time_format_iso8601 (local)
                                    : g_date_time_format (local, "%Y-%m-%d");

  g_string_append (csv, text);
}

/**
 * fl_metrics_to_csv:
 * @filter: the period and filter @self was computed for
 * @tz: the zone of the dates
 *
 * Writes the figures as CSV for a spreadsheet: a table of figures (name,
 * value; times in seconds, rates as fractions, empty when there is no
 * value), then the backlog by day, then the per-agent table, separated
 * by empty lines. Column names are fixed English keys, so a sheet that
 * reads them works in every language.
 *
 * Returns: (transfer full): the CSV text
 */
char *
fl_metrics_to_csv (FlMetrics             *self,
                   const FlMetricsFilter *filter,
                   GTimeZone             *tz)
{
  GString *csv = g_string_new ("figure,value\r\n");

#define ROW(name, append, value) \
  G_STMT_START { g_string_append (csv, name ","); append; g_string_append (csv, "\r\n"); } G_STMT_END

  ROW ("period_start", append_date (csv, tz, filter->from, TRUE), 0);
  ROW ("period_end", append_date (csv, tz, filter->to, TRUE), 0);
  ROW ("created", g_string_append_printf (csv, "%u", self->created), 0);
  ROW ("solved", g_string_append_printf (csv, "%u", self->solved), 0);
  ROW ("first_responses", g_string_append_printf (csv, "%u", self->n_first_response), 0);
  ROW ("first_response_median_seconds", append_seconds (csv, self->first_response_median), 0);
  ROW ("first_response_p90_seconds", append_seconds (csv, self->first_response_p90), 0);
  ROW ("resolution_median_seconds", append_seconds (csv, self->resolution_median), 0);
  ROW ("resolution_p90_seconds", append_seconds (csv, self->resolution_p90), 0);
  ROW ("first_contact_resolution_rate", append_ratio (csv, self->fcr_rate), 0);
  ROW ("reopen_rate", append_ratio (csv, self->reopen_rate), 0);
  ROW ("sla_met", g_string_append_printf (csv, "%u", self->sla_met), 0);
  ROW ("sla_missed", g_string_append_printf (csv, "%u", self->sla_missed), 0);
  ROW ("sla_hit_rate", append_ratio (csv, self->sla_hit_rate), 0);
  ROW ("csat_ratings", g_string_append_printf (csv, "%u", self->n_csat), 0);
  ROW ("csat_average", append_ratio (csv, self->csat), 0);
  ROW ("ces_ratings", g_string_append_printf (csv, "%u", self->n_ces), 0);
  ROW ("ces_average", append_ratio (csv, self->ces), 0);
#undef ROW

  g_string_append (csv, "\r\nday,open_tickets\r\n");
  for (guint i = 0; i < self->backlog->len; i++)
    {
      const FlMetricsDay *day = &g_array_index (self->backlog, FlMetricsDay, i);

      append_date (csv, tz, day->start, FALSE);
      g_string_append_printf (csv, ",%u\r\n", day->open);
    }

  g_string_append (csv, "\r\nagent,created,solved,first_response_median_seconds,"
                        "first_contact_resolution_rate,csat_average,sla_met,sla_missed,"
                        "sla_hit_rate\r\n");
  for (guint i = 0; i < self->agents->len; i++)
    {
      const FlMetricsAgent *row = self->agents->pdata[i];

      append_cell (csv, row->name ? row->name : "");
      g_string_append_printf (csv, ",%u,%u,", row->created, row->solved);
      append_seconds (csv, row->first_response_median);
      g_string_append_c (csv, ',');
      append_ratio (csv, row->fcr_rate);
      g_string_append_c (csv, ',');
      append_ratio (csv, row->csat);
      g_string_append_printf (csv, ",%u,%u,", row->sla_met, row->sla_missed);
      append_ratio (csv, row->sla_hit_rate);
      g_string_append (csv, "\r\n");
    }

  return g_string_free (csv, FALSE);
}
