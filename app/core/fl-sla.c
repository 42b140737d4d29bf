/* fl-sla.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-sla"

#include "config.h"

#include "fl-sla.h"

/**
 * fl_sla_next_due:
 *
 * The earliest due time the agent still has to meet: the first response
 * while nobody has answered, then the resolution. Solved and closed
 * tickets have none, and neither have pending and on-hold tickets, whose
 * clock is paused while they wait for someone else.
 *
 * Returns: a Unix time, or 0 for none
 */
gint64
fl_sla_next_due (FlTicket *ticket)
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
 * fl_sla_state:
 * @now: the current Unix time
 * @at_risk_window: how close to the due time counts as at risk
 * @remaining: (out) (optional): seconds left, negative when overdue
 *
 * Returns: the badge state of @ticket at @now
 */
FlSlaState
fl_sla_state (FlTicket *ticket,
              gint64    now,
              gint64    at_risk_window,
              gint64   *remaining)
{
  gint64 due = fl_sla_next_due (ticket);

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
