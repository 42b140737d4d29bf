/* test-metrics.c: the metrics dashboard and the SLA chips on the demo
 * workspace, in a real window under Xvfb. Run once per UI language
 * (LANGUAGE=en, fa); screenshots go to build/screenshots/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "../fl-test-dir.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "fl-context.h"
#include "fl-format.h"
#include "fl-preferences-window.h"
#include "fl-sla-policy-page.h"
#include "fl-test-ui.h"
#include "fl-window-private.h"
#include "ui-common.h"

typedef struct
{
  char      *dir;
  FlContext *context;
  FlWindow  *window;
} Fixture;

static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  g_free (ui_save_screenshot (GTK_WIDGET (f->window), name));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  f->dir = g_dir_make_tmp ("fl-metrics-ui-XXXXXX", &error);
  g_assert_no_error (error);

  f->context = fl_context_new (f->dir);
  fl_context_load_async (f->context, NULL, done_cb, &result);
  WAIT_FOR (result != NULL, "the store to open");
  g_assert_true (fl_context_load_finish (f->context, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  fl_context_add_demo_async (f->context, NULL, done_cb, &result);
  WAIT_FOR (result != NULL, "the demo workspace to sync");
  g_assert_true (fl_context_add_demo_finish (f->context, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  f->window = fl_window_new (NULL, f->context);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  fl_window_show_workspace (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)), "the window to map");
  WAIT_FOR (fl_ticket_list_get_n_items (fl_window_get_ticket_list (f->window)) > 0,
            "the inbox to fill");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->context);
  fl_test_remove_tree (f->dir);
  g_free (f->dir);
}

static FlMetricsView *
open_dashboard (Fixture *f)
{
  FlMetricsView *view = fl_window_get_metrics_view (f->window);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-metrics", NULL);
  g_assert_cmpstr (fl_window_get_page (f->window), ==, "metrics");
  WAIT_FOR (fl_metrics_view_get_metrics (view) != NULL && !fl_metrics_view_get_loading (view),
            "the figures");
  return view;
}

/* The same figures, straight from the store. */
static FlMetrics *
store_metrics (Fixture               *f,
               const FlMetricsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  FlMetricsFilter copy = *filter;
  FlMetrics *m;

  m = fl_store_load_metrics (fl_context_get_store (f->context), &copy, tz, &error);
  g_assert_no_error (error);
  return m;
}

static void
assert_cards (FlMetricsView *view,
              FlMetrics     *m)
{
  g_autofree char *created = fl_format_count (m->created);
  g_autofree char *solved = fl_format_count (m->solved);
  g_autofree char *frt = fl_format_duration (m->first_response_median);
  g_autofree char *res = fl_format_duration (m->resolution_median);
  g_autofree char *sla = fl_format_percent (m->sla_hit_rate);
  g_autofree char *fcr = fl_format_percent (m->fcr_rate);
  g_autofree char *reopen = fl_format_percent (m->reopen_rate);
  g_autofree char *csat = fl_format_decimal (m->csat);
  g_autofree char *ces = fl_format_decimal (m->ces);

  g_assert_cmpstr (fl_metrics_view_get_figure (view, "created"), ==, created);
  g_assert_cmpstr (fl_metrics_view_get_figure (view, "solved"), ==, solved);
  g_assert_cmpstr (fl_metrics_view_get_figure (view, "first-response"), ==, frt);
  g_assert_cmpstr (fl_metrics_view_get_figure (view, "resolution"), ==, res);
  g_assert_cmpstr (fl_metrics_view_get_figure (view, "sla"), ==, sla);
  g_assert_cmpstr (fl_metrics_view_get_figure (view, "fcr"), ==, fcr);
  g_assert_cmpstr (fl_metrics_view_get_figure (view, "reopen"), ==, reopen);
  g_assert_cmpstr (fl_metrics_view_get_figure (view, "csat"), ==, csat);
  g_assert_cmpstr (fl_metrics_view_get_figure (view, "ces"), ==, ces);
}

static void
test_dashboard (Fixture       *f,
                gconstpointer  data)
{
  FlMetricsView *view = open_dashboard (f);
  FlMetrics *shown = fl_metrics_view_get_metrics (view);
  g_autoptr(FlMetrics) m = store_metrics (f, fl_metrics_view_get_filter (view));
  gboolean rtl = g_str_has_prefix (ui_language (), "fa");

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (view)), ==,
                   rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  /* The last 30 days of the demo: every figure has something to show. */
  g_assert_cmpuint (shown->backlog->len, ==, 30);
  g_assert_cmpuint (m->created, >, 20);
  g_assert_cmpuint (m->solved, >, 20);
  g_assert_cmpuint (m->n_first_response, >, 20);
  g_assert_cmpuint (m->n_csat, >, 5);
  g_assert_cmpuint (m->n_ces, >, 5);
  g_assert_cmpuint (m->reopened, >, 0);
  g_assert_cmpuint (m->sla_met, >, 0);
  g_assert_cmpuint (m->sla_missed, >, 0);
  g_assert_cmpuint (m->agents->len, >=, 4);
  g_assert_cmpuint (fl_metrics_view_get_n_agent_rows (view), ==, m->agents->len);

  /* The cards show the store's figures, localised. */
  assert_cards (view, m);
  /* In Persian, Persian digits. */
  if (rtl)
    g_assert_null (strpbrk (fl_metrics_view_get_figure (view, "created"), "0123456789"));

  save_screenshot (f, "metrics");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (f, "metrics-dark");

  /* Back to the tickets. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-tickets", NULL);
  g_assert_cmpstr (fl_window_get_page (f->window), ==, "workspace");
}

static void
test_filters_and_csv (Fixture       *f,
                      gconstpointer  data)
{
  FlMetricsView *view = open_dashboard (f);
  g_autoptr(FlMetrics) all = store_metrics (f, fl_metrics_view_get_filter (view));
  g_autoptr(FlMetrics) email = NULL;
  g_autoptr(FlMetrics) week = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *created_line = NULL;
  FlMetricsFilter filter;

  /* Email only. */
  fl_metrics_view_set_channel (view, FL_CHANNEL_EMAIL);
  WAIT_FOR (!fl_metrics_view_get_loading (view) &&
            fl_metrics_view_get_filter (view)->channel == FL_CHANNEL_EMAIL, "the email figures");
  filter = *fl_metrics_view_get_filter (view);
  email = store_metrics (f, &filter);
  g_assert_cmpuint (email->created, <, all->created);
  g_assert_cmpuint (email->created, >, 0);
  assert_cards (view, email);

  /* The last 7 days, all channels. */
  fl_metrics_view_set_channel (view, -1);
  fl_metrics_view_set_period (view, FL_METRICS_PERIOD_7_DAYS);
  WAIT_FOR (!fl_metrics_view_get_loading (view) &&
            fl_metrics_view_get_metrics (view)->backlog->len == 7, "the week's figures");
  week = store_metrics (f, fl_metrics_view_get_filter (view));
  assert_cards (view, week);
  g_assert_cmpuint (week->created, <=, all->created);

  /* Export writes the figures shown. */
  csv = fl_metrics_view_get_csv (view);
  created_line = g_strdup_printf ("\r\ncreated,%u\r\n", week->created);
  g_assert_nonnull (strstr (csv, created_line));
  g_assert_true (g_str_has_prefix (csv, "figure,value\r\n"));

  save_screenshot (f, "metrics-week");
}

/* The ticket header shows a chip for each SLA stage with a target. */
static void
test_sla_chips (Fixture       *f,
                gconstpointer  data)
{
  FlTicketList *list = fl_window_get_ticket_list (f->window);
  FlTicketView *view = fl_window_get_ticket_view (f->window);
  FlSidebar *sidebar = fl_window_get_sidebar (f->window);
  g_autofree char *chips = NULL;

  g_assert_true (fl_sidebar_select_nick (sidebar, "breached"));
  WAIT_FOR (!fl_ticket_list_model_get_loading (fl_ticket_list_get_model (list)) &&
            fl_ticket_list_get_n_items (list) > 0, "the breached view");
  fl_ticket_list_select (list, 0);
  WAIT_FOR (fl_ticket_view_get_ticket (view) != NULL &&
            g_list_model_get_n_items (fl_ticket_view_get_messages (view)) > 0 &&
            gtk_widget_get_visible (GTK_WIDGET (fl_ticket_view_get_sla_chips (view))),
            "the conversation and its chips");

  chips = fl_sla_chips_get_text (fl_ticket_view_get_sla_chips (view));
  g_test_message ("chips: %s", chips);
  /* A breached ticket shows its resolution stage, and one stage overdue
   * or the helpdesk's own date passed. */
  g_assert_nonnull (strstr (chips, fl_sla_stage_get_label (FL_SLA_RESOLUTION)));
  save_screenshot (f, "sla-chips");
}

/* Preferences > SLA: a change is saved to the account's policy and the
 * views follow it. */
static void
test_policy_page (Fixture       *f,
                  gconstpointer  data)
{
  FlPreferencesWindow *prefs = fl_preferences_window_new (f->context, GTK_WINDOW (f->window));
  FlSlaPolicyPage *page;
  g_autoptr(FlSlaPolicy) stored = NULL;
  g_autoptr(GError) error = NULL;
  FlStore *store = fl_context_get_store (f->context);
  gint64 account_id;
  gint64 ticket_id = 0;

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "sla");
  /* Tall enough for the business hours in the screenshot. */
  gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 880);
  gtk_window_present (GTK_WINDOW (prefs));
  page = FL_SLA_POLICY_PAGE (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)));
  g_assert_true (FL_IS_SLA_POLICY_PAGE (page));
  account_id = fl_sla_policy_page_get_account_id (page);
  g_assert_cmpint (account_id, >, 0);

  g_free (ui_save_screenshot (GTK_WIDGET (prefs), "preferences-sla"));

  /* The default policy's targets are in the page, written in the UI
   * language's digits ("۱٫۰" in Persian). */
  {
    GtkSpinButton *urgent = fl_sla_policy_page_get_target_spin (page, FL_SLA_FIRST_RESPONSE, FL_PRIORITY_URGENT);
    g_autofree char *one = fl_format_decimal (1.0);

    g_assert_cmpfloat (gtk_spin_button_get_value (urgent), ==, 1.0);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (urgent)), ==, one);
  }

  /* An open, non-urgent ticket whose due time comes from the default
   * policy, earlier than the helpdesk's own... */
  {
    g_autoptr(FlQuery) inbox = fl_query_new (FL_VIEW_INBOX);
    g_autoptr(GArray) ids = fl_store_query_ids (store, inbox, &error);
    g_autoptr(GPtrArray) tickets = NULL;

    g_assert_no_error (error);
    tickets = fl_store_load_tickets (store, (gint64 *) (gpointer) ids->data, ids->len, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < tickets->len && ticket_id == 0; i++)
      {
        FlTicket *t = tickets->pdata[i];

        if (fl_ticket_get_status (t) <= FL_STATUS_OPEN && fl_ticket_get_priority (t) != FL_PRIORITY_URGENT &&
            fl_ticket_get_sla_due (t) != 0 && fl_ticket_get_sla_due (t) != fl_sla_backend_due (t))
          ticket_id = fl_ticket_get_id (t);
      }
    g_assert_cmpint (ticket_id, !=, 0);
  }

  /* ...has the helpdesk's (or none) once the policy has only an urgent
   * first-response target. */
  for (guint s = 0; s < FL_SLA_N_STAGES; s++)
    for (guint p = 0; p < FL_N_PRIORITIES; p++)
      gtk_spin_button_set_value (fl_sla_policy_page_get_target_spin (page, s, p), 0);
  gtk_spin_button_set_value (fl_sla_policy_page_get_target_spin (page, FL_SLA_FIRST_RESPONSE,
                                                                 FL_PRIORITY_URGENT), 0.5);
  WAIT_FOR (!fl_sla_policy_page_get_saving (page), "the policy to be saved");
  WAIT_FOR (fl_sla_policy_get_target (fl_context_get_sla_policy (f->context, account_id),
                                      FL_SLA_RESOLUTION, FL_PRIORITY_LOW) == 0, "the context's policy");
  WAIT_FOR (({ g_autoptr(FlTicket) t = fl_store_load_ticket (store, ticket_id, NULL);
               t && fl_ticket_get_sla_due (t) == fl_sla_backend_due (t); }),
            "the ticket's due time to be the helpdesk's");

  stored = fl_store_load_sla_policy (store, account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fl_sla_policy_get_target (stored, FL_SLA_FIRST_RESPONSE, FL_PRIORITY_URGENT), ==, 1800);
  g_assert_cmpint (fl_sla_policy_get_target (stored, FL_SLA_RESOLUTION, FL_PRIORITY_NORMAL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/metrics/dashboard", Fixture, NULL, fixture_setup, test_dashboard, fixture_teardown);
  g_test_add ("/metrics/filters-and-csv", Fixture, NULL, fixture_setup, test_filters_and_csv,
              fixture_teardown);
  g_test_add ("/metrics/sla-chips", Fixture, NULL, fixture_setup, test_sla_chips, fixture_teardown);
  g_test_add ("/metrics/policy-page", Fixture, NULL, fixture_setup, test_policy_page, fixture_teardown);

  return g_test_run ();
}
