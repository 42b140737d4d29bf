/* fl-sla-policy-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fl-context.h"

G_BEGIN_DECLS

#define FL_TYPE_SLA_POLICY_PAGE (fl_sla_policy_page_get_type ())

G_DECLARE_FINAL_TYPE (FlSlaPolicyPage, fl_sla_policy_page, FL, SLA_POLICY_PAGE, AdwPreferencesPage)

FlSlaPolicyPage *fl_sla_policy_page_new             (FlContext       *context);
FlSlaPolicy     *fl_sla_policy_page_get_policy      (FlSlaPolicyPage *self);
GtkSpinButton   *fl_sla_policy_page_get_target_spin (FlSlaPolicyPage *self,
                                                     FlSlaStage       stage,
                                                     FlPriority       priority);
gint64           fl_sla_policy_page_get_account_id  (FlSlaPolicyPage *self);
gboolean         fl_sla_policy_page_get_saving      (FlSlaPolicyPage *self);

G_END_DECLS
