/* fl-sla-chips.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fl-sla.h"

G_BEGIN_DECLS

#define FL_TYPE_SLA_CHIPS (fl_sla_chips_get_type ())

G_DECLARE_FINAL_TYPE (FlSlaChips, fl_sla_chips, FL, SLA_CHIPS, GtkWidget)

void         fl_sla_chips_update    (FlSlaChips        *self,
                                     const FlSlaPolicy *policy,
                                     FlTicket          *ticket,
                                     GPtrArray         *messages);
void         fl_sla_chips_clear     (FlSlaChips        *self);
char        *fl_sla_chips_get_text  (FlSlaChips        *self);

G_END_DECLS
