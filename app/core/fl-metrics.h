/* fl-metrics.h: support metrics over a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fl-sla.h"
#include "fl-ticket.h"

G_BEGIN_DECLS

/**
 * FlMetricsFilter:
 * @from: the period's start, a Unix time (included)
 * @to: the period's end (excluded)
 * @now: when the figures are taken; 0 for the real time
 * @account_id: only this account's tickets, or 0 for all
 * @channel: only this channel (an #FlChannel), or -1 for all
 * @agent_id: only tickets assigned to this agent, or 0 for all
 */
typedef struct
{
  gint64 from;
  gint64 to;
  gint64 now;
  gint64 account_id;
  int    channel;
  gint64 agent_id;
} FlMetricsFilter;

void fl_metrics_filter_init (FlMetricsFilter *filter,
                             gint64           from,
                             gint64           to);

/* One day of the backlog: the tickets not yet solved at its end. */
typedef struct
{
  gint64 start;  /* local midnight */
  guint  open;
} FlMetricsDay;

/* One row of the per-agent table. Times are -1 when there is no value;
 * rates are NAN when nothing counted. */
typedef struct
{
  gint64  agent_id;   /* 0 for unassigned */
  char   *name;       /* NULL for unassigned */
  guint   created;
  guint   solved;
  guint   n_first_response;
  gint64  first_response_median;
  double  fcr_rate;
  double  csat;
  guint   n_csat;
  guint   sla_met;
  guint   sla_missed;
  double  sla_hit_rate;
} FlMetricsAgent;

typedef struct
{
  guint   created;
  guint   solved;

  guint   n_first_response;
  gint64  first_response_median;
  gint64  first_response_p90;

  guint   n_resolution;
  gint64  resolution_median;
  gint64  resolution_p90;

  guint   fcr;
  double  fcr_rate;
  guint   reopened;
  double  reopen_rate;

  guint   sla_met;
  guint   sla_missed;
  double  sla_hit_rate;

  guint   n_csat;
  double  csat;
  guint   n_ces;
  double  ces;

  GArray    *backlog;  /* FlMetricsDay */
  GPtrArray *agents;   /* FlMetricsAgent, most tickets first */
} FlMetrics;

typedef const FlSlaPolicy *(*FlMetricsPolicyFunc) (gint64   account_id,
                                                   gpointer user_data);

#define FL_TYPE_METRICS (fl_metrics_get_type ())

GType       fl_metrics_get_type        (void) G_GNUC_CONST;
FlMetrics  *fl_metrics_compute         (GPtrArray             *tickets,
                                        GPtrArray             *conversations,
                                        FlMetricsPolicyFunc    policy_func,
                                        gpointer               user_data,
                                        const FlMetricsFilter *filter,
                                        GTimeZone             *tz);
FlMetrics  *fl_metrics_ref             (FlMetrics             *self);
void        fl_metrics_unref           (FlMetrics             *self);
gboolean    fl_metrics_ticket_matches  (FlTicket              *ticket,
                                        const FlMetricsFilter *filter);
char       *fl_metrics_to_csv          (FlMetrics             *self,
                                        const FlMetricsFilter *filter,
                                        GTimeZone             *tz);
gint64      fl_metrics_median          (GArray                *values);
gint64      fl_metrics_percentile      (GArray                *values,
                                        guint                  percent);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlMetrics, fl_metrics_unref)

G_END_DECLS
