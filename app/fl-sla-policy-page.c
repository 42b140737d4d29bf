/* fl-sla-policy-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-sla-policy-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "fl-format.h"
#include "fl-localised-spin.h"
#include "fl-query.h"
#include "fl-sla-policy-page.h"
#include "fl-text.h"

/**
 * FlSlaPolicyPage:
 *
 * The SLA page of Preferences: for the account chosen, the targets per
 * stage and priority, the business-hours calendar (working days, hours,
 * time zone, holidays) and which waiting statuses pause the clock; and
 * the at-risk window all views share. Every change is saved a moment
 * later, and the store recomputes the account's due times.
 */
struct _FlSlaPolicyPage
{
  AdwPreferencesPage  parent_instance;

  FlContext          *context;
  GSettings          *settings;
  GArray             *account_ids;
  guint               loading : 1;
  guint               saving;
  guint               save_source;

  GtkSpinButton      *targets[FL_SLA_N_STAGES][FL_N_PRIORITIES];
  GtkToggleButton    *days[8];

  AdwComboRow        *account_row;
  GtkButton          *reset_button;
  AdwPreferencesGroup *targets_group;
  GtkBox             *days_box;
  GtkSpinButton      *start_spin;
  GtkSpinButton      *end_spin;
  AdwEntryRow        *zone_row;
  AdwEntryRow        *holidays_row;
  GtkSwitch          *pending_switch;
  GtkSwitch          *on_hold_switch;
  GtkAdjustment      *at_risk_adjustment;
  GtkSpinButton      *at_risk_spin;
};

G_DEFINE_FINAL_TYPE (FlSlaPolicyPage, fl_sla_policy_page, ADW_TYPE_PREFERENCES_PAGE)

gint64
fl_sla_policy_page_get_account_id (FlSlaPolicyPage *self)
{
  guint selected = adw_combo_row_get_selected (self->account_row);

  g_return_val_if_fail (FL_IS_SLA_POLICY_PAGE (self), 0);

  return selected < self->account_ids->len ? g_array_index (self->account_ids, gint64, selected) : 0;
}

/**
 * fl_sla_policy_page_get_policy:
 *
 * Returns: (transfer full): the policy the page shows
 */
FlSlaPolicy *
fl_sla_policy_page_get_policy (FlSlaPolicyPage *self)
{
  FlSlaPolicy *policy = fl_sla_policy_new_default ();
  g_auto(GStrv) holidays = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->holidays_row)), ",", -1);

  for (guint s = 0; s < FL_SLA_N_STAGES; s++)
    for (guint p = 0; p < FL_N_PRIORITIES; p++)
      fl_sla_policy_set_target (policy, s, p,
                                (gint64) (gtk_spin_button_get_value (self->targets[s][p]) * 3600 + 0.5));
  for (int d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    fl_sla_policy_set_work_day (policy, d, gtk_toggle_button_get_active (self->days[d]));
  fl_sla_policy_set_hours (policy, gtk_spin_button_get_value_as_int (self->start_spin),
                           gtk_spin_button_get_value_as_int (self->end_spin));
  fl_sla_policy_set_time_zone (policy, gtk_editable_get_text (GTK_EDITABLE (self->zone_row)));
  for (guint i = 0; holidays[i]; i++)
    {
      g_strstrip (holidays[i]);
      if (*holidays[i])
        fl_sla_policy_add_holiday (policy, holidays[i]);
    }
  fl_sla_policy_set_pauses (policy, FL_STATUS_PENDING, gtk_switch_get_active (self->pending_switch));
  fl_sla_policy_set_pauses (policy, FL_STATUS_ON_HOLD, gtk_switch_get_active (self->on_hold_switch));
  return policy;
}

gboolean
fl_sla_policy_page_get_saving (FlSlaPolicyPage *self)
{
  g_return_val_if_fail (FL_IS_SLA_POLICY_PAGE (self), FALSE);

  return self->saving > 0 || self->save_source != 0;
}

static void
show_policy (FlSlaPolicyPage   *self,
             const FlSlaPolicy *policy)
{
  g_auto(GStrv) holidays = fl_sla_policy_get_holidays (policy);
  g_autofree char *holiday_text = g_strjoinv (", ", holidays);
  int start, end;

  self->loading = TRUE;
  for (guint s = 0; s < FL_SLA_N_STAGES; s++)
    for (guint p = 0; p < FL_N_PRIORITIES; p++)
      gtk_spin_button_set_value (self->targets[s][p], fl_sla_policy_get_target (policy, s, p) / 3600.0);
  for (int d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    gtk_toggle_button_set_active (self->days[d], fl_sla_policy_get_work_day (policy, d));
  fl_sla_policy_get_hours (policy, &start, &end);
  gtk_spin_button_set_value (self->start_spin, start);
  gtk_spin_button_set_value (self->end_spin, end);
  gtk_editable_set_text (GTK_EDITABLE (self->zone_row), fl_sla_policy_get_time_zone (policy));
  gtk_editable_set_text (GTK_EDITABLE (self->holidays_row), holiday_text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->zone_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->holidays_row), "error");
  gtk_switch_set_active (self->pending_switch, fl_sla_policy_get_pauses (policy, FL_STATUS_PENDING));
  gtk_switch_set_active (self->on_hold_switch, fl_sla_policy_get_pauses (policy, FL_STATUS_ON_HOLD));
  self->loading = FALSE;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FlSlaPolicyPage) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving--;
  if (!fl_context_save_sla_policy_finish (FL_CONTEXT (object), result, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      g_warning ("Could not save the SLA policy: %s", error->message);
      if (ADW_IS_PREFERENCES_WINDOW (root))
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (error->message));
    }
}

static gboolean
save_cb (gpointer user_data)
{
  FlSlaPolicyPage *self = user_data;
  g_autoptr(FlSlaPolicy) policy = NULL;
  gint64 account_id = fl_sla_policy_page_get_account_id (self);

  self->save_source = 0;
  if (account_id == 0)
    return G_SOURCE_REMOVE;

  policy = fl_sla_policy_page_get_policy (self);
  self->saving++;
  fl_context_save_sla_policy_async (self->context, account_id, policy, NULL, saved_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
changed (FlSlaPolicyPage *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (500, save_cb, self);
}

/* The zone and the holidays are checked when applied: an unknown zone
 * or a date that does not exist is marked, and not saved. */
static void
on_zone_applied_cb (FlSlaPolicyPage *self)
{
  g_autoptr(FlSlaPolicy) probe = fl_sla_policy_new_default ();
  gboolean ok = fl_sla_policy_set_time_zone (probe, gtk_editable_get_text (GTK_EDITABLE (self->zone_row)));

  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->zone_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->zone_row), "error");
  if (ok)
    changed (self);
}

static void
on_holidays_applied_cb (FlSlaPolicyPage *self)
{
  g_autoptr(FlSlaPolicy) probe = fl_sla_policy_new_default ();
  g_auto(GStrv) holidays = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->holidays_row)), ",", -1);
  gboolean ok = TRUE;

  for (guint i = 0; holidays[i]; i++)
    {
      g_strstrip (holidays[i]);
      if (*holidays[i] && !fl_sla_policy_add_holiday (probe, holidays[i]))
        ok = FALSE;
    }

  if (ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->holidays_row), "error");
      changed (self);
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->holidays_row), "error");
}

static void
on_account_selected_cb (FlSlaPolicyPage *self)
{
  gint64 account_id = fl_sla_policy_page_get_account_id (self);

  if (self->context != NULL && account_id != 0)
    show_policy (self, fl_context_get_sla_policy (self->context, account_id));
}

static void
on_reset_clicked_cb (FlSlaPolicyPage *self)
{
  gint64 account_id = fl_sla_policy_page_get_account_id (self);
  g_autoptr(FlSlaPolicy) policy = fl_sla_policy_new_default ();

  if (account_id == 0)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  show_policy (self, policy);
  self->saving++;
  fl_context_save_sla_policy_async (self->context, account_id, NULL, NULL, saved_cb, g_object_ref (self));
}

/* Minutes after midnight shown as HH:MM, in the UI language's digits;
 * typed in any digits. */
static gboolean
on_time_output_cb (GtkSpinButton *spin)
{
  int minutes = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *ascii = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
  g_autofree char *text = fl_format_digits (ascii);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_time_input_cb (GtkSpinButton *spin,
                  double        *value)
{
  g_autofree char *ascii = fl_text_fold (gtk_editable_get_text (GTK_EDITABLE (spin)), -1);
  unsigned h, m = 0;

  if (sscanf (ascii, "%u:%u", &h, &m) < 1 || h > 24 || m > 59)
    return GTK_INPUT_ERROR;
  *value = MIN (h * 60 + m, 24 * 60);
  return TRUE;
}

static void
on_at_risk_changed_cb (FlSlaPolicyPage *self)
{
  fl_query_set_default_at_risk_window (g_settings_get_uint (self->settings, "sla-at-risk-minutes") * 60);
}

static GVariant *
double_to_uint (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) g_value_get_double (value));
}

static gboolean
uint_to_double (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static void
build_targets (FlSlaPolicyPage *self)
{
  for (guint s = 0; s < FL_SLA_N_STAGES; s++)
    {
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), fl_sla_stage_get_label (s));
      for (int p = FL_N_PRIORITIES - 1; p >= 0; p--)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *spin = gtk_spin_button_new_with_range (0, 2000, 0.5);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fl_priority_get_label (p));
          gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
          gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
          /* Translators: the unit of an SLA target, after a number of hours */
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (C_("hours", "h")));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
          fl_localised_spin_attach (GTK_SPIN_BUTTON (spin));
          g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (changed), self);
          self->targets[s][p] = GTK_SPIN_BUTTON (spin);
        }
      adw_preferences_group_add (self->targets_group, expander);
    }
}

static void
build_days (FlSlaPolicyPage *self)
{
  const char *names[8] = {
    NULL, C_("weekday", "Mon"), C_("weekday", "Tue"), C_("weekday", "Wed"), C_("weekday", "Thu"),
    C_("weekday", "Fri"), C_("weekday", "Sat"), C_("weekday", "Sun"),
  };

  for (int d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (names[d]);

      gtk_box_append (self->days_box, button);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (changed), self);
      self->days[d] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
fl_sla_policy_page_dispose (GObject *object)
{
  FlSlaPolicyPage *self = FL_SLA_POLICY_PAGE (object);

  /* A change made just before closing is still saved. */
  if (self->save_source != 0)
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      if (self->context != NULL)
        save_cb (self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), FL_TYPE_SLA_POLICY_PAGE);

  G_OBJECT_CLASS (fl_sla_policy_page_parent_class)->dispose (object);
}

static void
fl_sla_policy_page_finalize (GObject *object)
{
  FlSlaPolicyPage *self = FL_SLA_POLICY_PAGE (object);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_array_unref (self->account_ids);

  G_OBJECT_CLASS (fl_sla_policy_page_parent_class)->finalize (object);
}

static void
fl_sla_policy_page_class_init (FlSlaPolicyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_sla_policy_page_dispose;
  object_class->finalize = fl_sla_policy_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-sla-policy-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FlSlaPolicyPage, account_row);
  gtk_widget_class_bind_template_child (widget_class, FlSlaPolicyPage, reset_button);
  gtk_widget_class_bind_template_child (widget_class, FlSlaPolicyPage, targets_group);
  gtk_widget_class_bind_template_child (widget_class, FlSlaPolicyPage, days_box);
  gtk_widget_class_bind_template_child (widget_class, FlSlaPolicyPage, start_spin);
  gtk_widget_class_bind_template_child (widget_class, FlSlaPolicyPage, end_spin);
  gtk_widget_class_bind_template_child (widget_class, FlSlaPolicyPage, zone_row);
  gtk_widget_class_bind_template_child (widget_class, FlSlaPolicyPage, holidays_row);
  gtk_widget_class_bind_template_child (widget_class, FlSlaPolicyPage, pending_switch);
  gtk_widget_class_bind_template_child (widget_class, FlSlaPolicyPage, on_hold_switch);
  gtk_widget_class_bind_template_child (widget_class, FlSlaPolicyPage, at_risk_adjustment);
  gtk_widget_class_bind_template_child (widget_class, FlSlaPolicyPage, at_risk_spin);
}

static void
fl_sla_policy_page_init (FlSlaPolicyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  build_targets (self);
  build_days (self);

  fl_localised_spin_attach (self->at_risk_spin);
  g_signal_connect (self->start_spin, "output", G_CALLBACK (on_time_output_cb), NULL);
  g_signal_connect (self->start_spin, "input", G_CALLBACK (on_time_input_cb), NULL);
  g_signal_connect (self->end_spin, "output", G_CALLBACK (on_time_output_cb), NULL);
  g_signal_connect (self->end_spin, "input", G_CALLBACK (on_time_input_cb), NULL);
  g_signal_connect_swapped (self->start_spin, "value-changed", G_CALLBACK (changed), self);
  g_signal_connect_swapped (self->end_spin, "value-changed", G_CALLBACK (changed), self);
  g_signal_connect_swapped (self->zone_row, "apply", G_CALLBACK (on_zone_applied_cb), self);
  g_signal_connect_swapped (self->holidays_row, "apply", G_CALLBACK (on_holidays_applied_cb), self);
  g_signal_connect_swapped (self->pending_switch, "notify::active", G_CALLBACK (changed), self);
  g_signal_connect_swapped (self->on_hold_switch, "notify::active", G_CALLBACK (changed), self);
  g_signal_connect_swapped (self->reset_button, "clicked", G_CALLBACK (on_reset_clicked_cb), self);
  g_signal_connect_swapped (self->account_row, "notify::selected", G_CALLBACK (on_account_selected_cb), self);

  self->settings = g_settings_new (SCHEMA_ID);
  g_settings_bind_with_mapping (self->settings, "sla-at-risk-minutes",
                                self->at_risk_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                uint_to_double, double_to_uint, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::sla-at-risk-minutes",
                           G_CALLBACK (on_at_risk_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * fl_sla_policy_page_new:
 *
 * Returns: (transfer floating): the page, showing the first account
 */
FlSlaPolicyPage *
fl_sla_policy_page_new (FlContext *context)
{
  FlSlaPolicyPage *self = g_object_new (FL_TYPE_SLA_POLICY_PAGE, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *accounts = fl_context_get_accounts (context);

  self->context = g_object_ref (context);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(FlAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = fl_account_get_id (account);

      gtk_string_list_append (names, fl_account_get_name (account));
      g_array_append_val (self->account_ids, id);
    }

  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (GTK_WIDGET (self), self->account_ids->len > 0);
  adw_combo_row_set_selected (self->account_row, 0);
  on_account_selected_cb (self);
  return self;
}

/**
 * fl_sla_policy_page_get_target_spin:
 *
 * Returns: (transfer none): the spin button of one target, for tests
 */
GtkSpinButton *
fl_sla_policy_page_get_target_spin (FlSlaPolicyPage *self,
                                    FlSlaStage       stage,
                                    FlPriority       priority)
{
  g_return_val_if_fail (FL_IS_SLA_POLICY_PAGE (self), NULL);

  return self->targets[stage][priority];
}
