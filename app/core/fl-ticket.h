/* fl-ticket.h: a support ticket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fl-enums.h"
#include "fl-types.h"

G_BEGIN_DECLS

#define FL_TYPE_TICKET (fl_ticket_get_type ())

G_DECLARE_FINAL_TYPE (FlTicket, fl_ticket, FL, TICKET, GObject)

FlTicket           *fl_ticket_new                    (void);
gint64              fl_ticket_get_id                 (FlTicket *self);
void                fl_ticket_set_id                 (FlTicket *self,
                                                      gint64   value);
gint64              fl_ticket_get_account_id         (FlTicket *self);
void                fl_ticket_set_account_id         (FlTicket *self,
                                                      gint64   value);
const char         *fl_ticket_get_remote_id          (FlTicket *self);
void                fl_ticket_set_remote_id          (FlTicket   *self,
                                                      const char *value);
const char         *fl_ticket_get_subject            (FlTicket *self);
void                fl_ticket_set_subject            (FlTicket   *self,
                                                      const char *value);
FlStatus            fl_ticket_get_status             (FlTicket *self);
void                fl_ticket_set_status             (FlTicket *self,
                                                      FlStatus value);
FlPriority          fl_ticket_get_priority           (FlTicket *self);
void                fl_ticket_set_priority           (FlTicket   *self,
                                                      FlPriority value);
FlChannel           fl_ticket_get_channel            (FlTicket *self);
void                fl_ticket_set_channel            (FlTicket  *self,
                                                      FlChannel value);
gint64              fl_ticket_get_customer_id        (FlTicket *self);
void                fl_ticket_set_customer_id        (FlTicket *self,
                                                      gint64   value);
const char         *fl_ticket_get_requester          (FlTicket *self);
void                fl_ticket_set_requester          (FlTicket   *self,
                                                      const char *value);
const char         *fl_ticket_get_requester_email    (FlTicket *self);
void                fl_ticket_set_requester_email    (FlTicket   *self,
                                                      const char *value);
gint64              fl_ticket_get_assignee_id        (FlTicket *self);
void                fl_ticket_set_assignee_id        (FlTicket *self,
                                                      gint64   value);
const char         *fl_ticket_get_assignee           (FlTicket *self);
void                fl_ticket_set_assignee           (FlTicket   *self,
                                                      const char *value);
const char * const *fl_ticket_get_followers          (FlTicket *self);
void                fl_ticket_set_followers          (FlTicket           *self,
                                                      const char * const *value);
const char * const *fl_ticket_get_tags               (FlTicket *self);
void                fl_ticket_set_tags               (FlTicket           *self,
                                                      const char * const *value);
gint64              fl_ticket_get_created            (FlTicket *self);
void                fl_ticket_set_created            (FlTicket *self,
                                                      gint64   value);
gint64              fl_ticket_get_updated            (FlTicket *self);
void                fl_ticket_set_updated            (FlTicket *self,
                                                      gint64   value);
gint64              fl_ticket_get_first_response_at  (FlTicket *self);
void                fl_ticket_set_first_response_at  (FlTicket *self,
                                                      gint64   value);
gint64              fl_ticket_get_due_first_response (FlTicket *self);
void                fl_ticket_set_due_first_response (FlTicket *self,
                                                      gint64   value);
gint64              fl_ticket_get_due_resolution     (FlTicket *self);
void                fl_ticket_set_due_resolution     (FlTicket *self,
                                                      gint64   value);
gboolean            fl_ticket_get_unread             (FlTicket *self);
void                fl_ticket_set_unread             (FlTicket *self,
                                                      gboolean value);
const char         *fl_ticket_get_snippet            (FlTicket *self);
void                fl_ticket_set_snippet            (FlTicket   *self,
                                                      const char *value);
int                 fl_ticket_get_csat               (FlTicket *self);
void                fl_ticket_set_csat               (FlTicket *self,
                                                      int      value);
int                 fl_ticket_get_ces                (FlTicket *self);
void                fl_ticket_set_ces                (FlTicket *self,
                                                      int      value);


gint64              fl_ticket_get_sla_due            (FlTicket *self);
void                fl_ticket_set_sla_due            (FlTicket *self,
                                                      gint64   value);

gboolean    fl_ticket_is_open              (FlTicket   *self);

G_END_DECLS
