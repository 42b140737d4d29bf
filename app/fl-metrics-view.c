/* fl-metrics-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-metrics-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "fl-chart.h"
#include "fl-format.h"
#include "fl-metrics-view.h"

/**
 * FlMetricsView:
 *
 * The metrics dashboard, a page of the main window: a period (today,
 * the last 7 or 30 days, or chosen days) and a filter (account, channel,
 * agent); cards with the figures; the backlog and the tickets each agent
 * solved as charts; the per-agent table; and "Export CSV". Figures come
 * from fl_store_load_metrics() in a worker.
 */

typedef struct
{
  const char *key;
  GtkLabel   *value;
  GtkLabel   *detail;
} Card;

enum {
  CARD_FIRST_RESPONSE,
  CARD_RESOLUTION,
  CARD_FCR,
  CARD_REOPEN,
  CARD_SLA,
  CARD_CSAT,
  CARD_CES,
  CARD_CREATED,
  CARD_SOLVED,
  CARD_BACKLOG,
  N_CARDS
};

struct _FlMetricsView
{
  GtkWidget        parent_instance;

  FlContext       *context;
  GCancellable    *cancellable;
  FlMetrics       *metrics;
  FlMetricsFilter  filter;
  GTimeZone       *tz;
  GArray          *account_ids;  /* gint64, for the account menu after "All" */
  GArray          *agent_ids;    /* gint64, for the agent menu after "All" */
  guint            loading : 1;
  guint            updating : 1;
  guint            reload_source;
  Card             cards[N_CARDS];

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *title;
  GtkDropDown     *period_dropdown;
  GtkMenuButton   *range_button;
  GtkCalendar     *from_calendar;
  GtkCalendar     *to_calendar;
  GtkDropDown     *account_dropdown;
  GtkDropDown     *channel_dropdown;
  GtkDropDown     *agent_dropdown;
  GtkFlowBox      *cards_box;
  GtkWidget       *backlog_box;
  GtkWidget       *agents_chart_box;
  FlChart         *backlog_chart;
  FlChart         *agents_chart;
  GtkGrid         *agent_grid;
};

G_DEFINE_FINAL_TYPE (FlMetricsView, fl_metrics_view, GTK_TYPE_WIDGET)

static const struct { const char *key; const char *title; } card_info[N_CARDS] = {
  { "first-response", N_("First Response") },
  { "resolution", N_("Resolution Time") },
  { "fcr", N_("First-Contact Resolution") },
  { "reopen", N_("Reopened") },
  { "sla", N_("SLA Hit Rate") },
  { "csat", N_("CSAT") },
  { "ces", N_("CES") },
  { "created", N_("Created") },
  { "solved", N_("Solved") },
  { "backlog", N_("Open Now") },
};

static void
set_card (FlMetricsView *self,
          guint          card,
          const char    *value,
          const char    *detail)
{
  gtk_label_set_text (self->cards[card].value, value);
  gtk_label_set_text (self->cards[card].detail, detail ? detail : "");
}

static char *
format_time (gint64 seconds)
{
  return seconds < 0 ? g_strdup ("–") : fl_format_duration (seconds);
}

static void
show_cards (FlMetricsView *self,
            FlMetrics     *m)
{
  g_autofree char *frt = format_time (m->first_response_median);
  g_autofree char *frt_p90 = format_time (m->first_response_p90);
  g_autofree char *res = format_time (m->resolution_median);
  g_autofree char *res_p90 = format_time (m->resolution_p90);
  g_autofree char *fcr = fl_format_percent (m->fcr_rate);
  g_autofree char *reopen = fl_format_percent (m->reopen_rate);
  g_autofree char *sla = fl_format_percent (m->sla_hit_rate);
  g_autofree char *csat = fl_format_decimal (m->csat);
  g_autofree char *ces = fl_format_decimal (m->ces);
  g_autofree char *created = fl_format_count (m->created);
  g_autofree char *solved = fl_format_count (m->solved);
  g_autofree char *n_fcr = fl_format_count (m->fcr);
  g_autofree char *n_reopened = fl_format_count (m->reopened);
  g_autofree char *met = fl_format_count (m->sla_met);
  g_autofree char *missed = fl_format_count (m->sla_missed);
  g_autofree char *n_csat = fl_format_count (m->n_csat);
  g_autofree char *n_ces = fl_format_count (m->n_ces);
  g_autofree char *open = fl_format_count (m->backlog->len
                                           ? g_array_index (m->backlog, FlMetricsDay, m->backlog->len - 1).open
                                           : 0);
  g_autofree char *detail = NULL;

  /* Translators: under a median time on the dashboard; %s is the 90th
   * percentile, such as "3 h 10 min" */
  detail = g_strdup_printf (_("median · 90%% within %s"), frt_p90);
  set_card (self, CARD_FIRST_RESPONSE, frt, m->first_response_p90 >= 0 ? detail : NULL);
  g_clear_pointer (&detail, g_free);
  detail = g_strdup_printf (_("median · 90%% within %s"), res_p90);
  set_card (self, CARD_RESOLUTION, res, m->resolution_p90 >= 0 ? detail : NULL);
  g_clear_pointer (&detail, g_free);

  /* Translators: under the first-contact resolution rate; the first %s
   * is a number of tickets, the second the tickets solved */
  detail = g_strdup_printf (_("%s of %s solved with one reply"), n_fcr, solved);
  set_card (self, CARD_FCR, fcr, detail);
  g_clear_pointer (&detail, g_free);
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s ticket", "%s tickets", m->reopened),
                            n_reopened);
  set_card (self, CARD_REOPEN, reopen, detail);
  g_clear_pointer (&detail, g_free);
  /* Translators: under the SLA hit rate; numbers of SLA targets */
  detail = g_strdup_printf (_("%s met · %s missed"), met, missed);
  set_card (self, CARD_SLA, sla, detail);
  g_clear_pointer (&detail, g_free);

  /* Translators: under the CSAT average, out of 5; %s is a number */
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of 5 · %s rating", "of 5 · %s ratings", m->n_csat),
                            n_csat);
  set_card (self, CARD_CSAT, csat, detail);
  g_clear_pointer (&detail, g_free);
  /* Translators: under the CES average, out of 7; %s is a number */
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of 7 · %s rating", "of 7 · %s ratings", m->n_ces),
                            n_ces);
  set_card (self, CARD_CES, ces, detail);
  g_clear_pointer (&detail, g_free);

  set_card (self, CARD_CREATED, created, _("in the period"));
  set_card (self, CARD_SOLVED, solved, _("in the period"));
  set_card (self, CARD_BACKLOG, open, _("not yet solved"));
}

static void
show_charts (FlMetricsView *self,
             FlMetrics     *m)
{
  guint n = m->backlog->len;
  g_autofree double *values = g_new0 (double, MAX (n, m->agents->len) + 1);
  g_auto(GStrv) labels = g_new0 (char *, MAX (n, m->agents->len) + 1);
  g_auto(GStrv) texts = g_new0 (char *, MAX (n, m->agents->len) + 1);
  guint n_agents = 0;

  for (guint i = 0; i < n; i++)
    {
      const FlMetricsDay *day = &g_array_index (m->backlog, FlMetricsDay, i);

      values[i] = day->open;
      /* self->tz is the local zone, which is ICU's default too. */
      labels[i] = fl_format_day (day->start, NULL, n <= 7);
      texts[i] = fl_format_count (day->open);
    }
  fl_chart_set_data (self->backlog_chart, n, values, (const char * const *) labels,
                     (const char * const *) texts);

  g_strfreev (g_steal_pointer (&labels));
  g_strfreev (g_steal_pointer (&texts));
  labels = g_new0 (char *, m->agents->len + 1);
  texts = g_new0 (char *, m->agents->len + 1);
  for (guint i = 0; i < m->agents->len; i++)
    {
      const FlMetricsAgent *row = m->agents->pdata[i];
      g_auto(GStrv) words = row->name ? g_strsplit (row->name, " ", 2) : NULL;

      /* First names keep the chart readable. */
      values[n_agents] = row->solved;
      labels[n_agents] = g_strdup (words && words[0] ? words[0]
                                   : row->name ? row->name : C_("assignee", "Unassigned"));
      texts[n_agents] = fl_format_count (row->solved);
      n_agents++;
    }
  fl_chart_set_data (self->agents_chart, n_agents, values, (const char * const *) labels,
                     (const char * const *) texts);
}

static GtkWidget *
table_label (const char *text,
             gboolean    number,
             gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  if (header)
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption-heading");
    }
  else if (!number)
    gtk_widget_set_hexpand (label, TRUE);
  return label;
}

static void
show_table (FlMetricsView *self,
            FlMetrics     *m)
{
  const char *headers[] = {
    C_("metrics column", "Agent"), C_("metrics column", "Created"), C_("metrics column", "Solved"),
    C_("metrics column", "First Response"), C_("metrics column", "FCR"),
    C_("metrics column", "CSAT"), C_("metrics column", "SLA"),
  };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agent_grid))))
    gtk_grid_remove (self->agent_grid, child);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    gtk_grid_attach (self->agent_grid, table_label (headers[c], c > 0, TRUE), c, 0, 1, 1);

  for (guint i = 0; i < m->agents->len; i++)
    {
      const FlMetricsAgent *row = m->agents->pdata[i];
      g_autofree char *created = fl_format_count (row->created);
      g_autofree char *solved = fl_format_count (row->solved);
      g_autofree char *frt = format_time (row->first_response_median);
      g_autofree char *fcr = fl_format_percent (row->fcr_rate);
      g_autofree char *csat = fl_format_decimal (row->csat);
      g_autofree char *sla = fl_format_percent (row->sla_hit_rate);
      const char *cells[] = {
        row->name ? row->name : C_("assignee", "Unassigned"),
        created, solved, frt, fcr, csat, sla,
      };

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        gtk_grid_attach (self->agent_grid, table_label (cells[c], c > 0, FALSE), c, i + 1, 1, 1);
    }

  if (m->agents->len == 0)
    gtk_grid_attach (self->agent_grid, table_label (_("No tickets in this period"), FALSE, FALSE),
                     0, 1, G_N_ELEMENTS (headers), 1);
}

/* The agent menu lists who has figures for the period, while it is on
 * "All Agents"; once one is chosen it stays as it is. */
static void
show_agents_menu (FlMetricsView *self,
                  FlMetrics     *m)
{
  g_autoptr(GtkStringList) names = NULL;

  if (self->filter.agent_id != 0)
    return;

  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("All Agents"));
  g_array_set_size (self->agent_ids, 0);
  for (guint i = 0; i < m->agents->len; i++)
    {
      const FlMetricsAgent *row = m->agents->pdata[i];

      if (row->agent_id == 0)
        continue;
      gtk_string_list_append (names, row->name ? row->name : "");
      g_array_append_val (self->agent_ids, row->agent_id);
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->agent_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->agent_dropdown, 0);
  self->updating = FALSE;
}

static void
show_metrics (FlMetricsView *self)
{
  g_autofree char *subtitle = fl_format_period (self->filter.from, self->filter.to - 1);

  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_menu_button_set_label (self->range_button, subtitle);

  show_cards (self, self->metrics);
  show_charts (self, self->metrics);
  show_table (self, self->metrics);
  show_agents_menu (self, self->metrics);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "metrics.export", TRUE);
}

static void
metrics_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FlMetricsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlMetrics) metrics = fl_store_load_metrics_finish (FL_STORE (object), result, &error);

  if (metrics == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not compute the metrics: %s", error->message);
          self->loading = FALSE;
        }
      return;
    }

  g_clear_pointer (&self->metrics, fl_metrics_unref);
  self->metrics = g_steal_pointer (&metrics);
  self->loading = FALSE;
  show_metrics (self);
}

static GDateTime *
local_midnight (GTimeZone *tz,
                GDateTime *dt,
                int        add_days)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, tz);
  g_autoptr(GDateTime) day = g_date_time_new (tz, g_date_time_get_year (local),
                                              g_date_time_get_month (local),
                                              g_date_time_get_day_of_month (local), 0, 0, 0);

  return g_date_time_add_days (day, add_days);
}

/* The period's bounds from the menu and the calendars. */
static void
update_period (FlMetricsView *self)
{
  FlMetricsPeriod period = gtk_drop_down_get_selected (self->period_dropdown);
  g_autoptr(GDateTime) now = g_date_time_new_now (self->tz);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  switch (period)
    {
    case FL_METRICS_PERIOD_TODAY:
      from = local_midnight (self->tz, now, 0);
      to = local_midnight (self->tz, now, 1);
      break;

    case FL_METRICS_PERIOD_7_DAYS:
      from = local_midnight (self->tz, now, -6);
      to = local_midnight (self->tz, now, 1);
      break;

    case FL_METRICS_PERIOD_CUSTOM:
      {
        g_autoptr(GDateTime) first = gtk_calendar_get_date (self->from_calendar);
        g_autoptr(GDateTime) last = gtk_calendar_get_date (self->to_calendar);

        if (g_date_time_compare (first, last) > 0)
          {
            GDateTime *swap = first;

            first = last;
            last = swap;
          }
        from = local_midnight (self->tz, first, 0);
        to = local_midnight (self->tz, last, 1);
      }
      break;

    case FL_METRICS_PERIOD_30_DAYS:
    default:
      from = local_midnight (self->tz, now, -29);
      to = local_midnight (self->tz, now, 1);
      break;
    }

  self->filter.from = g_date_time_to_unix (from);
  self->filter.to = g_date_time_to_unix (to);
  gtk_widget_set_visible (GTK_WIDGET (self->range_button), period == FL_METRICS_PERIOD_CUSTOM);
}

/**
 * fl_metrics_view_reload:
 *
 * Computes the figures again for the chosen period and filter.
 */
void
fl_metrics_view_reload (FlMetricsView *self)
{
  g_return_if_fail (FL_IS_METRICS_VIEW (self));

  if (self->context == NULL || fl_context_get_store (self->context) == NULL)
    return;

  update_period (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  fl_store_load_metrics_async (fl_context_get_store (self->context), &self->filter, self->tz,
                               self->cancellable, metrics_loaded_cb, g_object_ref (self));
}

static void
on_filter_changed_cb (FlMetricsView *self)
{
  guint account = gtk_drop_down_get_selected (self->account_dropdown);
  guint channel = gtk_drop_down_get_selected (self->channel_dropdown);
  guint agent = gtk_drop_down_get_selected (self->agent_dropdown);

  if (self->updating)
    return;

  self->filter.account_id = account > 0 && account <= self->account_ids->len
                            ? g_array_index (self->account_ids, gint64, account - 1) : 0;
  self->filter.channel = channel > 0 && channel <= FL_N_CHANNELS ? (int) channel - 1 : -1;
  self->filter.agent_id = agent > 0 && agent <= self->agent_ids->len
                          ? g_array_index (self->agent_ids, gint64, agent - 1) : 0;
  fl_metrics_view_reload (self);
}

static void
show_accounts_menu (FlMetricsView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *accounts = fl_context_get_accounts (self->context);

  gtk_string_list_append (names, _("All Accounts"));
  g_array_set_size (self->account_ids, 0);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(FlAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = fl_account_get_id (account);

      gtk_string_list_append (names, fl_account_get_name (account));
      g_array_append_val (self->account_ids, id);
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->account_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->account_dropdown, 0);
  self->updating = FALSE;
  self->filter.account_id = 0;
}

static gboolean
reload_cb (gpointer user_data)
{
  FlMetricsView *self = user_data;

  self->reload_source = 0;
  fl_metrics_view_reload (self);
  return G_SOURCE_REMOVE;
}

/* A sync or a reply changes the figures; while the page is shown they
 * follow, a few seconds later so a sync's batches count once. */
static void
on_tickets_changed_cb (FlMetricsView *self,
                       GArray        *ids,
                       FlStore       *store)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->reload_source != 0)
    return;
  self->reload_source = g_timeout_add_seconds (3, reload_cb, self);
}

/**
 * fl_metrics_view_set_context:
 */
void
fl_metrics_view_set_context (FlMetricsView *self,
                             FlContext     *context)
{
  g_return_if_fail (FL_IS_METRICS_VIEW (self));

  if (self->context == context)
    return;
  if (self->context != NULL && fl_context_get_store (self->context) != NULL)
    g_signal_handlers_disconnect_by_func (fl_context_get_store (self->context),
                                          on_tickets_changed_cb, self);
  g_set_object (&self->context, context);
  if (context == NULL)
    return;

  if (fl_context_get_store (context) != NULL)
    g_signal_connect_object (fl_context_get_store (context), "tickets-changed",
                             G_CALLBACK (on_tickets_changed_cb), self, G_CONNECT_SWAPPED);
  show_accounts_menu (self);
}

static void
on_map_cb (FlMetricsView *self)
{
  if (self->context != NULL)
    {
      show_accounts_menu (self);
      fl_metrics_view_reload (self);
    }
}

static void
csv_written_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FlMetricsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    /* Translators: %s is an error message */
    text = g_strdup_printf (_("Could not save the CSV file: %s"), error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (G_FILE (object));

      /* Translators: %s is a file name */
      text = g_strdup_printf (_("Saved “%s”"), name);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(FlMetricsView) self = user_data;
  g_autoptr(GFile) file = NULL;
  char *csv;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (csv = fl_metrics_view_get_csv (self)) != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (csv, strlen (csv));

      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                           NULL, csv_written_cb, g_object_ref (self));
    }

  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FlMetricsView *self = FL_METRICS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *from = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (self->metrics == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Metrics"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  utc = g_date_time_new_from_unix_utc (self->filter.from);
  local = g_date_time_to_timezone (utc, self->tz);
  from = g_date_time_format (local, "%Y-%m-%d");
  /* Translators: the suggested name of the exported file; %s is the
   * period's first day, 2024-04-01. Keep the .csv ending */
  name = g_strdup_printf (_("metrics-%s.csv"), from);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
fl_metrics_view_dispose (GObject *object)
{
  FlMetricsView *self = FL_METRICS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), FL_TYPE_METRICS_VIEW);

  G_OBJECT_CLASS (fl_metrics_view_parent_class)->dispose (object);
}

static void
fl_metrics_view_finalize (GObject *object)
{
  FlMetricsView *self = FL_METRICS_VIEW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->metrics, fl_metrics_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_array_unref (self->account_ids);
  g_array_unref (self->agent_ids);

  G_OBJECT_CLASS (fl_metrics_view_parent_class)->finalize (object);
}

static void
fl_metrics_view_class_init (FlMetricsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_metrics_view_dispose;
  object_class->finalize = fl_metrics_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-metrics-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, FlMetricsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FlMetricsView, title);
  gtk_widget_class_bind_template_child (widget_class, FlMetricsView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FlMetricsView, range_button);
  gtk_widget_class_bind_template_child (widget_class, FlMetricsView, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, FlMetricsView, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, FlMetricsView, account_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FlMetricsView, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FlMetricsView, agent_dropdown);
  gtk_widget_class_bind_template_child_full (widget_class, "cards", FALSE,
                                             G_STRUCT_OFFSET (FlMetricsView, cards_box));
  gtk_widget_class_bind_template_child (widget_class, FlMetricsView, backlog_box);
  gtk_widget_class_bind_template_child (widget_class, FlMetricsView, agents_chart_box);
  gtk_widget_class_bind_template_child (widget_class, FlMetricsView, agent_grid);

  gtk_widget_class_install_action (widget_class, "metrics.export", NULL, export_action);
}

static GtkWidget *
make_card (FlMetricsView *self,
           guint          card)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (_(card_info[card].title));
  GtkWidget *value = gtk_label_new ("–");
  GtkWidget *detail = gtk_label_new ("");

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "metrics-card");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_widget_add_css_class (value, "title-2");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), detail);

  self->cards[card].key = card_info[card].key;
  self->cards[card].value = GTK_LABEL (value);
  self->cards[card].detail = GTK_LABEL (detail);
  return box;
}

static void
fl_metrics_view_init (FlMetricsView *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) agents = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) week_ago = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->tz = g_time_zone_new_local ();
  self->account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->agent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fl_metrics_filter_init (&self->filter, 0, 0);

  for (guint c = 0; c < N_CARDS; c++)
    gtk_flow_box_append (self->cards_box, make_card (self, c));

  self->backlog_chart = FL_CHART (fl_chart_new (FL_CHART_LINE));
  gtk_widget_set_hexpand (GTK_WIDGET (self->backlog_chart), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->backlog_chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Backlog"), -1);
  gtk_box_append (GTK_BOX (self->backlog_box), GTK_WIDGET (self->backlog_chart));
  self->agents_chart = FL_CHART (fl_chart_new (FL_CHART_BARS));
  gtk_widget_set_hexpand (GTK_WIDGET (self->agents_chart), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->agents_chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Solved by Agent"), -1);
  gtk_box_append (GTK_BOX (self->agents_chart_box), GTK_WIDGET (self->agents_chart));

  gtk_string_list_append (channels, _("All Channels"));
  for (guint c = 0; c < FL_N_CHANNELS; c++)
    gtk_string_list_append (channels, fl_channel_get_label (c));
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (channels));
  gtk_string_list_append (agents, _("All Agents"));
  gtk_drop_down_set_model (self->agent_dropdown, G_LIST_MODEL (agents));
  gtk_drop_down_set_selected (self->period_dropdown, FL_METRICS_PERIOD_30_DAYS);

  /* The custom range starts as the last week. */
  now = g_date_time_new_now (self->tz);
  week_ago = g_date_time_add_days (now, -6);
  gtk_calendar_select_day (self->from_calendar, week_ago);
  gtk_calendar_select_day (self->to_calendar, now);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "metrics.export", FALSE);

  g_signal_connect_swapped (self->period_dropdown, "notify::selected", G_CALLBACK (fl_metrics_view_reload), self);
  g_signal_connect_swapped (self->from_calendar, "day-selected", G_CALLBACK (fl_metrics_view_reload), self);
  g_signal_connect_swapped (self->to_calendar, "day-selected", G_CALLBACK (fl_metrics_view_reload), self);
  g_signal_connect_swapped (self->account_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->channel_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->agent_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

void
fl_metrics_view_set_period (FlMetricsView   *self,
                            FlMetricsPeriod  period)
{
  g_return_if_fail (FL_IS_METRICS_VIEW (self));

  gtk_drop_down_set_selected (self->period_dropdown, period);
}

/**
 * fl_metrics_view_set_range:
 *
 * Chooses a custom period from @first_day to @last_day, both included.
 */
void
fl_metrics_view_set_range (FlMetricsView *self,
                           GDateTime     *first_day,
                           GDateTime     *last_day)
{
  g_return_if_fail (FL_IS_METRICS_VIEW (self));

  self->updating = TRUE;
  gtk_calendar_select_day (self->from_calendar, first_day);
  gtk_calendar_select_day (self->to_calendar, last_day);
  self->updating = FALSE;
  if (gtk_drop_down_get_selected (self->period_dropdown) == FL_METRICS_PERIOD_CUSTOM)
    fl_metrics_view_reload (self);
  else
    gtk_drop_down_set_selected (self->period_dropdown, FL_METRICS_PERIOD_CUSTOM);
}

/**
 * fl_metrics_view_set_channel:
 * @channel: an #FlChannel, or -1 for all
 */
void
fl_metrics_view_set_channel (FlMetricsView *self,
                             int            channel)
{
  g_return_if_fail (FL_IS_METRICS_VIEW (self));

  gtk_drop_down_set_selected (self->channel_dropdown, channel < 0 ? 0 : channel + 1);
}

gboolean
fl_metrics_view_get_loading (FlMetricsView *self)
{
  g_return_val_if_fail (FL_IS_METRICS_VIEW (self), FALSE);

  return self->loading;
}

/**
 * fl_metrics_view_get_metrics:
 *
 * Returns: (transfer none) (nullable): the figures shown
 */
FlMetrics *
fl_metrics_view_get_metrics (FlMetricsView *self)
{
  g_return_val_if_fail (FL_IS_METRICS_VIEW (self), NULL);

  return self->metrics;
}

const FlMetricsFilter *
fl_metrics_view_get_filter (FlMetricsView *self)
{
  g_return_val_if_fail (FL_IS_METRICS_VIEW (self), NULL);

  return &self->filter;
}

/**
 * fl_metrics_view_get_figure:
 * @key: a card: "first-response", "resolution", "fcr", "reopen", "sla",
 *   "csat", "ces", "created", "solved" or "backlog"
 *
 * Returns: (nullable): the value the card shows
 */
const char *
fl_metrics_view_get_figure (FlMetricsView *self,
                            const char    *key)
{
  g_return_val_if_fail (FL_IS_METRICS_VIEW (self), NULL);

  for (guint c = 0; c < N_CARDS; c++)
    if (g_strcmp0 (self->cards[c].key, key) == 0)
      return gtk_label_get_text (self->cards[c].value);
  return NULL;
}

/**
 * fl_metrics_view_get_csv:
 *
 * Returns: (transfer full) (nullable): the figures shown, as "Export
 *   CSV" writes them
 */
char *
fl_metrics_view_get_csv (FlMetricsView *self)
{
  g_return_val_if_fail (FL_IS_METRICS_VIEW (self), NULL);

  if (self->metrics == NULL)
    return NULL;
  return fl_metrics_to_csv (self->metrics, &self->filter, self->tz);
}

guint
fl_metrics_view_get_n_agent_rows (FlMetricsView *self)
{
  g_return_val_if_fail (FL_IS_METRICS_VIEW (self), 0);

  return self->metrics ? self->metrics->agents->len : 0;
}
