/* fl-sla.h: where a ticket stands against its due times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fl-ticket.h"

G_BEGIN_DECLS

typedef enum
{
  FL_SLA_NONE,
  FL_SLA_OK,
  FL_SLA_AT_RISK,
  FL_SLA_BREACHED,
} FlSlaState;

gint64      fl_sla_next_due (FlTicket *ticket);
FlSlaState  fl_sla_state    (FlTicket *ticket,
                             gint64    now,
                             gint64    at_risk_window,
                             gint64   *remaining);

G_END_DECLS
