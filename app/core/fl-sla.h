/* fl-sla.h: SLA policies and where a ticket stands against them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fl-enums.h"
#include "fl-message.h"
#include "fl-ticket.h"

G_BEGIN_DECLS

/**
 * FlSlaStage:
 * @FL_SLA_FIRST_RESPONSE: from creation to the first public agent reply
 * @FL_SLA_NEXT_RESPONSE: from a customer reply that follows an agent reply
 *   to the agent's next public reply
 * @FL_SLA_RESOLUTION: from creation to solved or closed
 */
typedef enum
{
  FL_SLA_FIRST_RESPONSE,
  FL_SLA_NEXT_RESPONSE,
  FL_SLA_RESOLUTION,
} FlSlaStage;

#define FL_SLA_N_STAGES (FL_SLA_RESOLUTION + 1)

/**
 * FlSlaStageState:
 * @FL_SLA_STAGE_NONE: no target, or the stage has not started
 * @FL_SLA_STAGE_RUNNING: the clock runs and the target is not yet missed
 * @FL_SLA_STAGE_PAUSED: the clock stands still (a pausing status)
 * @FL_SLA_STAGE_MET: done within the target
 * @FL_SLA_STAGE_BREACHED: done late, or still open past the target
 */
typedef enum
{
  FL_SLA_STAGE_NONE,
  FL_SLA_STAGE_RUNNING,
  FL_SLA_STAGE_PAUSED,
  FL_SLA_STAGE_MET,
  FL_SLA_STAGE_BREACHED,
} FlSlaStageState;

/* The badge state of a ticket, for rows. */
typedef enum
{
  FL_SLA_NONE,
  FL_SLA_OK,
  FL_SLA_AT_RISK,
  FL_SLA_BREACHED,
} FlSlaState;

typedef struct _FlSlaPolicy FlSlaPolicy;

#define FL_TYPE_SLA_POLICY (fl_sla_policy_get_type ())

GType        fl_sla_policy_get_type          (void) G_GNUC_CONST;
FlSlaPolicy *fl_sla_policy_new_default       (void);
FlSlaPolicy *fl_sla_policy_copy              (const FlSlaPolicy *self);
void         fl_sla_policy_free              (FlSlaPolicy       *self);
FlSlaPolicy *fl_sla_policy_from_json         (const char        *json,
                                              GError           **error);
char        *fl_sla_policy_to_json           (const FlSlaPolicy *self);

gint64       fl_sla_policy_get_target        (const FlSlaPolicy *self,
                                              FlSlaStage         stage,
                                              FlPriority         priority);
void         fl_sla_policy_set_target        (FlSlaPolicy       *self,
                                              FlSlaStage         stage,
                                              FlPriority         priority,
                                              gint64             seconds);
gboolean     fl_sla_policy_get_work_day      (const FlSlaPolicy *self,
                                              GDateWeekday       weekday);
void         fl_sla_policy_set_work_day      (FlSlaPolicy       *self,
                                              GDateWeekday       weekday,
                                              gboolean           work);
void         fl_sla_policy_get_hours         (const FlSlaPolicy *self,
                                              int               *start_minute,
                                              int               *end_minute);
void         fl_sla_policy_set_hours         (FlSlaPolicy       *self,
                                              int                start_minute,
                                              int                end_minute);
const char  *fl_sla_policy_get_time_zone     (const FlSlaPolicy *self);
gboolean     fl_sla_policy_set_time_zone     (FlSlaPolicy       *self,
                                              const char        *identifier);
char       **fl_sla_policy_get_holidays      (const FlSlaPolicy *self);
gboolean     fl_sla_policy_add_holiday       (FlSlaPolicy       *self,
                                              const char        *iso_date);
void         fl_sla_policy_clear_holidays    (FlSlaPolicy       *self);
gboolean     fl_sla_policy_get_pauses        (const FlSlaPolicy *self,
                                              FlStatus           status);
void         fl_sla_policy_set_pauses        (FlSlaPolicy       *self,
                                              FlStatus           status,
                                              gboolean           pauses);

gint64       fl_sla_policy_business_seconds  (const FlSlaPolicy *self,
                                              gint64             from,
                                              gint64             to);
gint64       fl_sla_policy_add_business_time (const FlSlaPolicy *self,
                                              gint64             from,
                                              gint64             seconds);

/**
 * FlSlaEventKind:
 * @FL_SLA_EVENT_STATUS: the status changed to #FlSlaEvent.status
 * @FL_SLA_EVENT_CUSTOMER_REPLY: a public message from the customer
 * @FL_SLA_EVENT_AGENT_REPLY: a public reply from an agent
 */
typedef enum
{
  FL_SLA_EVENT_STATUS,
  FL_SLA_EVENT_CUSTOMER_REPLY,
  FL_SLA_EVENT_AGENT_REPLY,
} FlSlaEventKind;

typedef struct
{
  gint64          time;
  FlSlaEventKind  kind;
  FlStatus        status;
} FlSlaEvent;

/* One stage of a ticket's SLA at a given time. */
typedef struct
{
  FlSlaStageState state;
  gint64          target;    /* business seconds allowed; 0 for none */
  gint64          elapsed;   /* business seconds the clock has run */
  gint64          remaining; /* target - elapsed; negative when overdue */
  gint64          due;       /* when the target falls (or fell) due; 0 if unknown */
  gint64          done_at;   /* when the stage was met or missed; 0 while open */
} FlSlaStageResult;

typedef struct
{
  FlSlaStageResult stages[FL_SLA_N_STAGES];
  gboolean         reopened;
} FlSlaResult;

void         fl_sla_compute                  (const FlSlaPolicy *policy,
                                              FlPriority         priority,
                                              gint64             created,
                                              FlStatus           initial_status,
                                              const FlSlaEvent  *events,
                                              guint              n_events,
                                              gint64             now,
                                              FlSlaResult       *result);
GArray      *fl_sla_events_from_messages     (GPtrArray         *messages,
                                              FlStatus          *initial_status);
GArray      *fl_sla_ticket_events            (FlTicket          *ticket,
                                              GPtrArray         *messages,
                                              FlStatus          *initial_status);
void         fl_sla_compute_ticket           (const FlSlaPolicy *policy,
                                              FlTicket          *ticket,
                                              GPtrArray         *messages,
                                              gint64             now,
                                              FlSlaResult       *result);
gint64       fl_sla_result_next_due          (const FlSlaResult *result);

gint64       fl_sla_backend_due              (FlTicket          *ticket);
FlSlaState   fl_sla_state_for_due            (gint64             due,
                                              gint64             now,
                                              gint64             at_risk_window,
                                              gint64            *remaining);

const char  *fl_sla_stage_get_label          (FlSlaStage         stage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlSlaPolicy, fl_sla_policy_free)

G_END_DECLS
