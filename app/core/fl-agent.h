/* fl-agent.h: a member of the support team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fl-enums.h"
#include "fl-types.h"

G_BEGIN_DECLS

#define FL_TYPE_AGENT (fl_agent_get_type ())

G_DECLARE_FINAL_TYPE (FlAgent, fl_agent, FL, AGENT, GObject)

FlAgent    *fl_agent_new            (void);
gint64      fl_agent_get_id         (FlAgent *self);
void        fl_agent_set_id         (FlAgent *self,
                                     gint64  value);
gint64      fl_agent_get_account_id (FlAgent *self);
void        fl_agent_set_account_id (FlAgent *self,
                                     gint64  value);
const char *fl_agent_get_remote_id  (FlAgent *self);
void        fl_agent_set_remote_id  (FlAgent    *self,
                                     const char *value);
const char *fl_agent_get_username   (FlAgent *self);
void        fl_agent_set_username   (FlAgent    *self,
                                     const char *value);
const char *fl_agent_get_name       (FlAgent *self);
void        fl_agent_set_name       (FlAgent    *self,
                                     const char *value);
const char *fl_agent_get_email      (FlAgent *self);
void        fl_agent_set_email      (FlAgent    *self,
                                     const char *value);


G_END_DECLS
