/* fl-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fl-bulk-bar.h"
#include "fl-connect-dialog.h"
#include "fl-customer-panel.h"
#include "fl-format.h"
#include "fl-inbox-keys.h"
#include "fl-name-dialog.h"
#include "fl-outbox-button.h"
#include "fl-search-help.h"
#include "fl-sidebar.h"
#include "fl-ticket-list.h"
#include "fl-ticket-view.h"
#include "fl-window.h"
#include "fl-window-private.h"

/* How long after the populated frame a measuring run waits for the
 * layout to settle before it reports. */
#define SETTLE_MS 300

/**
 * FlWindow:
 *
 * The main window: the views sidebar in an #AdwFlap, and the ticket list
 * and the ticket in an #AdwLeaflet, so that the window folds to one pane
 * at a time on narrow screens.
 */
struct _FlWindow
{
  AdwApplicationWindow  parent_instance;

  FlContext            *context;
  GSettings            *settings;
  GCancellable         *cancellable;
  FlQuery              *view_query;
  char                 *view_title;
  char                 *view_nick;
  FlInboxKeys          *keys;
  gint64                pending_ticket;
  gint64                select_when_listed;
  guint                 select_source;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *loading_page;
  AdwStatusPage        *error_page;
  AdwFlap              *flap;
  AdwLeaflet           *leaflet;
  AdwHeaderBar         *sidebar_header;
  AdwHeaderBar         *list_header;
  AdwHeaderBar         *ticket_header;
  AdwWindowTitle       *list_title;
  AdwWindowTitle       *ticket_title;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *search_hint;
  GtkWidget            *ticket_pane;
  FlSidebar            *sidebar;
  FlTicketList         *ticket_list;
  FlBulkBar            *bulk_bar;
  FlTicketView         *ticket_view;
  AdwFlap              *customer_flap;
  FlCustomerPanel      *customer_panel;
  FlOutboxButton       *outbox_button;
  FlMetricsView        *metrics_view;
  GtkWindow            *shortcuts_window;
  GtkRevealer          *sync_revealer;
  GtkSpinner           *sync_spinner;
  GtkLabel             *sync_label;
  GtkRevealer          *token_revealer;
  GtkRevealer          *offline_revealer;
  GtkLabel             *token_label;

  /* Syncing */
  GCancellable         *sync_cancellable;
  FlAccount            *token_account;
  FlOutboxItem         *undo_item;
  guint                 n_syncing;
  guint                 sync_source;

  /* Measuring runs (--screenshot, --print-startup) */
  gint64                first_frame_time;
  guint                 settle_source;
  guint                 measuring : 1;
  guint                 list_painted : 1;
  guint                 frame_has_rows : 1;
  guint                 ticket_loaded : 1;
  /* Enter opened a ticket still loading: the focus goes into it then. */
  guint                 focus_when_loaded : 1;
  guint                 settled : 1;
};

G_DEFINE_FINAL_TYPE (FlWindow, fl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  SETTLED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
toast (FlWindow   *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
update_list_title (FlWindow *self)
{
  FlTicketListModel *model = fl_ticket_list_get_model (self->ticket_list);
  guint n = fl_ticket_list_get_n_items (self->ticket_list);
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;

  adw_window_title_set_title (self->list_title, self->view_title ?: "");

  /* The first page of a new list is not its count: the count follows
   * with the rest of the list. */
  if (model != NULL && fl_ticket_list_model_get_partial (model))
    return;

  count = fl_format_count (n);
  /* Translators: the number of tickets in the current view; %s is the
   * number, already formatted */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s ticket", "%s tickets", n), count);
  adw_window_title_set_subtitle (self->list_title, subtitle);
}

static void
apply_query (FlWindow *self)
{
  g_autoptr(FlQuery) query = NULL;
  g_autofree char *sort = NULL;
  GEnumClass *sort_class;
  GEnumValue *value;
  const char *text;

  if (self->view_query == NULL)
    return;

  query = fl_query_copy (self->view_query);

  sort = g_settings_get_string (self->settings, "sort");
  sort_class = g_type_class_ref (FL_TYPE_SORT);
  value = g_enum_get_value_by_nick (sort_class, sort);
  fl_query_set_sort (query, value ? value->value : FL_SORT_UPDATED);
  g_type_class_unref (sort_class);

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (gtk_search_bar_get_search_mode (self->search_bar) && text && *text)
    fl_query_set_text (query, text);

  fl_ticket_list_set_query (self->ticket_list, query);

  /* What the search did not understand is said under the entry. */
  {
    const char *hint = fl_ticket_list_get_search_hint (self->ticket_list);

    gtk_label_set_label (self->search_hint, hint ? hint : "");
    gtk_widget_set_visible (GTK_WIDGET (self->search_hint), hint != NULL);
  }
}

static void update_view_actions (FlWindow *self);

static void
on_view_selected_cb (FlWindow   *self,
                     FlQuery    *query,
                     const char *title,
                     FlSidebar  *sidebar)
{
  g_autofree char *nick = fl_sidebar_get_selected_nick (sidebar);
  gint64 visit_start = 0;

  /* Mentions & Tags keeps what the agent reads during a visit, until
   * they leave it. The sidebar selecting the same view again (it
   * rebuilds when accounts change) is still the same visit. */
  if (fl_query_get_view (query) == FL_VIEW_MENTIONS)
    {
      if (self->view_query != NULL && nick != NULL && g_strcmp0 (nick, self->view_nick) == 0)
        visit_start = fl_query_get_visit_start (self->view_query);
      if (visit_start == 0)
        visit_start = g_get_real_time ();
    }

  g_clear_pointer (&self->view_query, fl_query_unref);
  self->view_query = fl_query_copy (query);
  fl_query_set_visit_start (self->view_query, visit_start);
  g_free (self->view_nick);
  self->view_nick = g_strdup (nick);
  self->select_when_listed = 0;
  g_free (self->view_title);
  self->view_title = g_strdup (title);

  if (nick != NULL)
    g_settings_set_string (self->settings, "last-view", nick);

  apply_query (self);
  update_list_title (self);
  update_view_actions (self);

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
on_search_changed_cb (FlWindow       *self,
                      GtkSearchEntry *entry)
{
  apply_query (self);
  update_view_actions (self);
}

static void
on_search_stopped_cb (FlWindow       *self,
                      GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  apply_query (self);
}

static void
on_search_mode_cb (FlWindow     *self,
                   GParamSpec   *pspec,
                   GtkSearchBar *bar)
{
  /* Closing the bar drops the search. */
  apply_query (self);
}

static void
maybe_settle (FlWindow *self);

static gboolean
settle_timeout_cb (gpointer user_data)
{
  FlWindow *self = user_data;

  self->settle_source = 0;
  self->settled = TRUE;
  g_signal_emit (self, signals [SETTLED], 0);
  return G_SOURCE_REMOVE;
}

static void
maybe_settle (FlWindow *self)
{
  if (!self->measuring || self->settled || self->settle_source != 0)
    return;

  if (self->list_painted && self->ticket_loaded)
    self->settle_source = g_timeout_add (SETTLE_MS, settle_timeout_cb, self);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   FlWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, self);

  self->list_painted = TRUE;
  maybe_settle (self);
}

/* The first frame that showed the populated inbox: one whose layout had
 * the workspace up and rows in the list. */
static void
on_first_frame_layout_cb (GdkFrameClock *clock,
                          FlWindow      *self)
{
  FlTicketListModel *model = fl_ticket_list_get_model (self->ticket_list);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workspace") == 0 &&
      model != NULL && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0)
    self->frame_has_rows = TRUE;
}

static void
on_first_frame_after_paint_cb (GdkFrameClock *clock,
                               FlWindow      *self)
{
  if (!self->frame_has_rows)
    return;

  self->first_frame_time = g_get_monotonic_time ();
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_layout_cb, self);
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_after_paint_cb, self);
}

static void
on_measured_realize_cb (FlWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  /* After the window's own handlers, so the layout has been done. */
  g_signal_connect_object (clock, "layout", G_CALLBACK (on_first_frame_layout_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_frame_after_paint_cb), self, 0);
}

static void
on_list_populated_cb (FlWindow     *self,
                      FlTicketList *list)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* The keyboard starts in the list, not on the first button of the
   * header, so the arrows and Enter work at once. Typing that started
   * already keeps its place. */
  if (focus == NULL || !(GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    gtk_widget_grab_focus (GTK_WIDGET (self->ticket_list));

  if (!self->measuring || self->list_painted)
    return;

  /* A measuring run shows a ticket too, so all three panes are filled. */
  fl_ticket_list_select (self->ticket_list, 0);

  if (clock != NULL)
    {
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_ticket_loaded_cb (FlWindow     *self,
                     FlTicketView *view)
{
  FlTicket *ticket = fl_ticket_view_get_ticket (view);
  g_autofree char *subtitle = NULL;

  if (ticket != NULL)
    {
      /* Translators: the ticket number and the requester in the ticket
       * pane's title, e.g. "#1042 · Emily Carter" */
      subtitle = g_strdup_printf (_("#%s · %s"),
                                  fl_ticket_get_remote_id (ticket),
                                  fl_ticket_get_requester (ticket) ?: _("Unknown requester"));
      adw_window_title_set_title (self->ticket_title, fl_ticket_get_subject (ticket));
      adw_window_title_set_subtitle (self->ticket_title, subtitle);
      fl_customer_panel_show (self->customer_panel, ticket);
    }

  if (self->focus_when_loaded && ticket != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      /* Unless the agent went somewhere else meanwhile. */
      if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->ticket_list)))
        gtk_widget_child_focus (GTK_WIDGET (self->ticket_view), GTK_DIR_TAB_FORWARD);
      self->focus_when_loaded = FALSE;
    }

  self->ticket_loaded = TRUE;
  maybe_settle (self);
}

static void
on_ticket_selected_cb (FlWindow     *self,
                       gint64        ticket_id,
                       FlTicketList *list)
{
  FlStore *store = fl_context_get_store (self->context);

  if (ticket_id == 0)
    {
      fl_ticket_view_clear (self->ticket_view);
      fl_customer_panel_clear (self->customer_panel);
      adw_window_title_set_title (self->ticket_title, "");
      adw_window_title_set_subtitle (self->ticket_title, "");
      return;
    }

  fl_ticket_view_show (self->ticket_view, ticket_id);

  /* Looking at a ticket reads it; measuring runs change nothing. */
  if (!self->measuring)
    fl_store_set_unread_async (store, ticket_id, FALSE, NULL, NULL, NULL);
}

/* Another ticket of the customer: selected in the list when this view
 * has it, and shown on its own otherwise. */
static void
on_customer_ticket_activated_cb (FlWindow        *self,
                                 gint64           ticket_id,
                                 FlCustomerPanel *panel)
{
  if (fl_ticket_list_select_id (self->ticket_list, ticket_id))
    return;

  fl_ticket_view_show (self->ticket_view, ticket_id);
  if (!self->measuring)
    fl_store_set_unread_async (fl_context_get_store (self->context), ticket_id, FALSE, NULL, NULL, NULL);
}

/* The customer panel is remembered open or closed where there is room
 * for it beside the conversation. In a narrow window it folds away and
 * opens over the conversation on demand, without changing the setting. */
static void
on_customer_flap_folded_cb (FlWindow   *self,
                            GParamSpec *pspec,
                            AdwFlap    *flap)
{
  if (!adw_flap_get_folded (flap))
    adw_flap_set_reveal_flap (flap, g_settings_get_boolean (self->settings, "customer-panel-visible"));
}

static void
on_customer_flap_revealed_cb (FlWindow   *self,
                              GParamSpec *pspec,
                              AdwFlap    *flap)
{
  if (!adw_flap_get_folded (flap))
    g_settings_set_boolean (self->settings, "customer-panel-visible", adw_flap_get_reveal_flap (flap));
}

static void
toggle_customer_panel_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  FlWindow *self = FL_WINDOW (widget);

  adw_flap_set_reveal_flap (self->customer_flap, !adw_flap_get_reveal_flap (self->customer_flap));
}

static void
on_ticket_activated_cb (FlWindow     *self,
                        gint64        ticket_id,
                        FlTicketList *list)
{
  adw_leaflet_set_visible_child (self->leaflet, self->ticket_pane);

  /* Opening a ticket goes into it, folded or not: the keyboard follows,
   * to the ticket's first control, so the list's Enter is not a dead end
   * and a screen reader reads the ticket. A ticket still loading has no
   * control yet: then once it has loaded. */
  self->focus_when_loaded = !gtk_widget_child_focus (GTK_WIDGET (self->ticket_view),
                                                     GTK_DIR_TAB_FORWARD);
}

static void
on_back_clicked_cb (FlWindow  *self,
                    GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Keyboard actions; FlInboxKeys maps the keys to them. */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FlWindow *self = FL_WINDOW (widget);

  self->focus_when_loaded = FALSE;
  fl_ticket_list_move (self->ticket_list, strstr (action_name, "previous") ? -1 : 1,
                       strstr (action_name, "extend") != NULL);
}

static void
open_ticket_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FlWindow *self = FL_WINDOW (widget);
  gint64 id = fl_ticket_list_get_selected (self->ticket_list);

  if (id != 0)
    on_ticket_activated_cb (self, id, self->ticket_list);
}

static void
compose_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FlWindow *self = FL_WINDOW (widget);
  FlComposer *composer = fl_ticket_view_get_composer (self->ticket_view);

  if (fl_ticket_view_get_ticket (self->ticket_view) == NULL)
    return;

  fl_composer_set_note (composer, g_str_equal (action_name, "win.add-note"));
  adw_leaflet_set_visible_child (self->leaflet, self->ticket_pane);

  /* The composer's text is its one text view. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (composer)); w != NULL;)
    {
      if (GTK_IS_TEXT_VIEW (w))
        {
          gtk_widget_grab_focus (w);
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            {
              w = gtk_widget_get_parent (w);
              if (w == GTK_WIDGET (composer))
                w = NULL;
            }
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
}

static void
header_menu_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FlWindow *self = FL_WINDOW (widget);

  if (fl_ticket_view_get_ticket (self->ticket_view) == NULL)
    return;

  adw_leaflet_set_visible_child (self->leaflet, self->ticket_pane);
  fl_ticket_view_popup (self->ticket_view,
                        g_str_equal (action_name, "win.set-status") ? "status" : "assignee");
}

/* Esc: from the ticket back to the list, or out of the search, or back
 * to the list from wherever the focus was. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FlWindow *self = FL_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->ticket_pane)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  else if (gtk_search_bar_get_search_mode (self->search_bar))
    on_search_stopped_cb (self, self->search_entry);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->ticket_list));
}

static void
go_view_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FlWindow *self = FL_WINDOW (widget);

  fl_sidebar_select_nick (self->sidebar, g_variant_get_string (parameter, NULL));
}

/* Bulk actions on the selected tickets, one outbox item per ticket. */

typedef struct
{
  FlWindow     *window;
  FlOutboxKind  kind;
  char         *value;  /* a status nick, or an agent's name ("" for nobody) */
} BulkData;

static void
bulk_data_free (BulkData *data)
{
  g_object_unref (data->window);
  g_free (data->value);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BulkData, bulk_data_free)

/* The agent called @name in @account_id, from a per-account cache. */
static FlAgent *
find_agent (FlWindow   *self,
            GHashTable *agents_by_account,
            gint64      account_id,
            const char *name)
{
  GPtrArray *agents = g_hash_table_lookup (agents_by_account, &account_id);

  if (agents == NULL)
    {
      gint64 *key = g_memdup2 (&account_id, sizeof account_id);

      agents = fl_store_list_agents (fl_context_get_store (self->context), account_id, NULL);
      if (agents == NULL)
        agents = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (agents_by_account, key, agents);
    }

  for (guint i = 0; i < agents->len; i++)
    if (g_strcmp0 (fl_agent_get_name (agents->pdata[i]) ?: fl_agent_get_username (agents->pdata[i]), name) == 0)
      return agents->pdata[i];
  return NULL;
}

static void
bulk_tickets_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(BulkData) data = user_data;
  FlWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tickets = fl_store_load_tickets_finish (FL_STORE (object), result, &error);
  g_autoptr(GHashTable) agents = NULL;
  g_autofree char *count = NULL;
  g_autofree char *message = NULL;
  guint queued = 0, skipped = 0;

  if (tickets == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  agents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < tickets->len; i++)
    {
      FlTicket *ticket = tickets->pdata[i];
      g_autoptr(FlOutboxItem) item = NULL;
      const char *value = NULL;

      if (data->kind == FL_OUTBOX_SET_STATUS)
        {
          if (g_strcmp0 (fl_status_to_string (fl_ticket_get_status (ticket)), data->value) == 0)
            continue;
          value = data->value;
        }
      else if (*data->value == '\0')
        {
          if (fl_ticket_get_assignee_id (ticket) == 0)
            continue;
        }
      else
        {
          FlAgent *agent = find_agent (self, agents, fl_ticket_get_account_id (ticket), data->value);

          /* Agents belong to a helpdesk: one without that agent keeps
           * its assignee. */
          if (agent == NULL)
            {
              skipped++;
              continue;
            }
          if (fl_agent_get_id (agent) == fl_ticket_get_assignee_id (ticket))
            continue;
          value = fl_agent_get_remote_id (agent);
        }

      item = g_object_new (FL_TYPE_OUTBOX_ITEM,
                           "account-id", fl_ticket_get_account_id (ticket),
                           "ticket-id", fl_ticket_get_id (ticket),
                           "remote-ticket-id", fl_ticket_get_remote_id (ticket),
                           "kind", data->kind,
                           "value", value,
                           NULL);
      fl_outbox_enqueue_async (fl_context_get_outbox (self->context), item, NULL, NULL, NULL);
      queued++;
    }

  count = fl_format_count (queued);
  if (data->kind == FL_OUTBOX_SET_STATUS)
    /* Translators: a toast after a bulk action; %s is a number, already formatted */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Status changed on %s ticket",
                                            "Status changed on %s tickets", queued), count);
  else
    /* Translators: a toast after a bulk action; %s is a number, already formatted */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Assignee changed on %s ticket",
                                            "Assignee changed on %s tickets", queued), count);
  toast (self, message);

  if (skipped > 0)
    {
      g_autofree char *n = fl_format_count (skipped);
      g_autofree char *why = NULL;

      /* Translators: a toast after a bulk assign; %s is a number, already formatted */
      why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s ticket kept its assignee: its helpdesk has no agent of that name",
                                          "%s tickets kept their assignee: their helpdesk has no agent of that name",
                                          skipped), n);
      toast (self, why);
    }
}

static void
bulk_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FlWindow *self = FL_WINDOW (widget);
  g_autoptr(GArray) ids = fl_ticket_list_get_selected_ids (self->ticket_list);
  BulkData *data;

  if (ids->len == 0 || self->context == NULL)
    return;

  data = g_new0 (BulkData, 1);
  data->window = g_object_ref (self);
  data->kind = g_str_equal (action_name, "win.bulk-set-status") ? FL_OUTBOX_SET_STATUS : FL_OUTBOX_SET_OWNER;
  data->value = g_variant_dup_string (parameter, NULL);
  fl_store_load_tickets_async (fl_context_get_store (self->context),
                               (gint64 *) (gpointer) ids->data, ids->len,
                               self->cancellable, bulk_tickets_loaded_cb, data);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  fl_ticket_list_unselect_all (FL_WINDOW (widget)->ticket_list);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* The assign menu lists every account's agents by name, once each. */
static void
update_bulk_agents (FlWindow *self)
{
  GListModel *accounts = fl_context_get_accounts (self->context);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(FlAccount) account = g_list_model_get_item (accounts, i);
      g_autoptr(GPtrArray) agents = fl_store_list_agents (fl_context_get_store (self->context),
                                                          fl_account_get_id (account), NULL);

      for (guint j = 0; agents && j < agents->len; j++)
        {
          const char *name = fl_agent_get_name (agents->pdata[j]) ?: fl_agent_get_username (agents->pdata[j]);

          if (name != NULL && !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
            g_ptr_array_add (names, g_strdup (name));
        }
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  fl_bulk_bar_set_agents (self->bulk_bar, (const char * const *) names->pdata);
}

static void
on_n_selected_cb (FlWindow     *self,
                  GParamSpec   *pspec,
                  FlTicketList *list)
{
  guint n = fl_ticket_list_get_n_selected (list);

  if (n >= 2 && !fl_bulk_bar_get_shown (self->bulk_bar))
    update_bulk_agents (self);
  fl_bulk_bar_set_count (self->bulk_bar, n);
}

/* Saved searches: the search typed over a view, kept as a view. */

static gint64
selected_saved_id (FlWindow *self)
{
  g_autofree char *nick = fl_sidebar_get_selected_nick (self->sidebar);

  if (nick == NULL || !g_str_has_prefix (nick, "saved:"))
    return 0;
  return g_ascii_strtoll (nick + strlen ("saved:"), NULL, 10);
}

static void
update_view_actions (FlWindow *self)
{
  gboolean saved = selected_saved_id (self) != 0;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-view", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-view", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-search", text != NULL && *text != '\0');
}

/**
 * fl_window_save_search:
 * @name: what to call the view
 *
 * Saves the search in the entry, over the selected view, as a view of its
 * own, and shows it. Over a saved search, the new one narrows it further.
 *
 * Returns: the saved search's id, or 0 when there was nothing to save
 */
gint64
fl_window_save_search (FlWindow   *self,
                       const char *name)
{
  FlStore *store = fl_context_get_store (self->context);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autofree char *base = fl_sidebar_get_selected_nick (self->sidebar);
  g_autofree char *nick = NULL;
  g_autoptr(GError) error = NULL;
  gint64 saved_id = selected_saved_id (self);
  gint64 id;

  if (*text == '\0' || base == NULL)
    return 0;

  if (saved_id != 0)
    {
      g_autoptr(GPtrArray) searches = fl_store_list_saved_searches (store, NULL);

      for (guint i = 0; searches && i < searches->len; i++)
        {
          FlSavedSearch *search = searches->pdata[i];

          if (search->id == saved_id)
            {
              g_autofree char *both = g_strconcat (search->text, " ", text, NULL);

              g_free (base);
              base = g_strdup (search->base_view);
              g_free (text);
              text = g_steal_pointer (&both);
            }
        }
    }

  id = fl_store_add_saved_search (store, name, base, text, &error);
  if (id == 0)
    {
      toast (self, error->message);
      return 0;
    }

  /* The search now is the view. */
  on_search_stopped_cb (self, self->search_entry);
  fl_sidebar_reload (self->sidebar);
  nick = g_strdup_printf ("saved:%" G_GINT64_FORMAT, id);
  fl_sidebar_select_nick (self->sidebar, nick);
  return id;
}

/**
 * fl_window_rename_view:
 *
 * Renames the selected saved search.
 */
gboolean
fl_window_rename_view (FlWindow   *self,
                       const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = selected_saved_id (self);

  if (id == 0)
    return FALSE;

  if (!fl_store_rename_saved_search (fl_context_get_store (self->context), id, name, &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  fl_sidebar_reload (self->sidebar);
  return TRUE;
}

static void
save_search_named_cb (const char *name,
                      gpointer    user_data)
{
  fl_window_save_search (user_data, name);
}

static void
rename_view_named_cb (const char *name,
                      gpointer    user_data)
{
  fl_window_rename_view (user_data, name);
}

static void
save_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FlWindow *self = FL_WINDOW (widget);
  GtkWidget *dialog;

  dialog = fl_name_dialog_new (GTK_WINDOW (self), _("Save This Search as a View"), _("_Save"),
                               gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                               save_search_named_cb, g_object_ref (self), g_object_unref);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FlWindow *self = FL_WINDOW (widget);
  GtkWidget *dialog;

  dialog = fl_name_dialog_new (GTK_WINDOW (self), _("Rename View"), _("_Rename"), self->view_title,
                               rename_view_named_cb, g_object_ref (self), g_object_unref);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FlWindow *self = FL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = selected_saved_id (self);

  if (id == 0)
    return;

  if (!fl_store_remove_saved_search (fl_context_get_store (self->context), id, &error))
    toast (self, error->message);
  fl_sidebar_reload (self->sidebar);
}

static void on_list_loading_cb (FlWindow          *self,
                                GParamSpec        *pspec,
                                FlTicketListModel *model);

/**
 * fl_window_set_online:
 *
 * Shows or hides the offline bar; the network monitor calls this, and
 * tests. Offline, the cache stays usable: only syncing and sending wait.
 */
void
fl_window_set_online (FlWindow *self,
                      gboolean  online)
{
  g_return_if_fail (FL_IS_WINDOW (self));

  gtk_revealer_set_reveal_child (self->offline_revealer, !online);
}

gboolean
fl_window_get_offline_banner_shown (FlWindow *self)
{
  g_return_val_if_fail (FL_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->offline_revealer);
}

static void
on_network_changed_cb (FlWindow        *self,
                       gboolean         available,
                       GNetworkMonitor *monitor)
{
  fl_window_set_online (self, g_network_monitor_get_network_available (monitor));
}

static void
on_n_items_cb (FlWindow     *self,
               GParamSpec   *pspec,
               FlTicketList *list)
{
  update_list_title (self);
  on_list_loading_cb (self, NULL, fl_ticket_list_get_model (list));
}

/* A ticket opened before the list was filled gets its row selected. */
static gboolean
select_listed_cb (gpointer user_data)
{
  FlWindow *self = user_data;
  FlTicketListModel *model = fl_ticket_list_get_model (self->ticket_list);

  self->select_source = 0;

  /* Until the row is there, unless the agent picked a row meanwhile or
   * went to another view. */
  if (self->select_when_listed != 0 && !fl_ticket_list_model_get_loading (model) &&
      fl_ticket_list_model_find (model, self->select_when_listed) != G_MAXUINT)
    {
      gint64 id = self->select_when_listed;

      self->select_when_listed = 0;
      if (fl_ticket_list_get_selected (self->ticket_list) == 0)
        fl_ticket_list_select_id (self->ticket_list, id);
    }
  return G_SOURCE_REMOVE;
}

/* From an idle: the list is still taking the change in. */
static void
on_list_loading_cb (FlWindow          *self,
                    GParamSpec        *pspec,
                    FlTicketListModel *model)
{
  if (self->select_when_listed != 0 && self->select_source == 0)
    self->select_source = g_idle_add (select_listed_cb, self);
}

static void
show_token_banner (FlWindow  *self,
                   FlAccount *account)
{
  g_autofree char *text = NULL;

  g_set_object (&self->token_account, account);
  if (account == NULL)
    {
      gtk_revealer_set_reveal_child (self->token_revealer, FALSE);
      return;
    }

  /* Translators: a bar above the ticket list; %s is an account's name */
  text = g_strdup_printf (_("The server rejected the token for %s."), fl_account_get_name (account));
  gtk_label_set_text (self->token_label, text);
  gtk_revealer_set_reveal_child (self->token_revealer, TRUE);
}

static void
update_sync_state (FlWindow *self)
{
  gboolean busy = self->n_syncing > 0;

  gtk_revealer_set_reveal_child (self->sync_revealer, busy);
  gtk_spinner_set_spinning (self->sync_spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-sync", busy);
  if (busy)
    gtk_label_set_text (self->sync_label, _("Syncing…"));
}

static void
on_sync_progress_cb (FlWindow     *self,
                     gint64        account_id,
                     guint         n_tickets,
                     FlSyncEngine *engine)
{
  FlAccount *account = fl_context_find_account (self->context, account_id);
  g_autofree char *count = fl_format_count (n_tickets);
  g_autofree char *text = NULL;

  if (account == NULL || self->n_syncing == 0)
    return;

  /* Translators: sync progress; the first %s is an account, the second a
   * number of tickets */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Syncing %s: %s ticket", "Syncing %s: %s tickets",
                                       n_tickets),
                          fl_account_get_name (account), count);
  gtk_label_set_text (self->sync_label, text);
}

typedef struct
{
  FlWindow  *self;
  FlAccount *account;
} SyncClosure;

static void
sync_account_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SyncClosure *closure = user_data;
  g_autoptr(FlWindow) self = closure->self;
  g_autoptr(FlAccount) account = closure->account;
  g_autoptr(GError) error = NULL;

  g_free (closure);
  fl_context_sync_account_finish (self->context, result, &error);

  self->n_syncing--;
  update_sync_state (self);

  if (error == NULL)
    {
      if (self->token_account == account)
        show_token_banner (self, NULL);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_debug ("Sync of %s failed: %s", fl_account_get_name (account), error->message);

  if (g_error_matches (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_NOT_AUTHORIZED))
    show_token_banner (self, account);
  else
    {
      /* Translators: a sync failed; %s is an account, the second %s why */
      g_autofree char *text = g_strdup_printf (_("%s: %s"), fl_account_get_name (account),
                                               error->message);
      toast (self, text);
    }
}

static void
sync_account (FlWindow  *self,
              FlAccount *account)
{
  SyncClosure *closure = g_new0 (SyncClosure, 1);

  if (self->sync_cancellable == NULL || g_cancellable_is_cancelled (self->sync_cancellable))
    {
      g_clear_object (&self->sync_cancellable);
      self->sync_cancellable = g_cancellable_new ();
    }

  closure->self = g_object_ref (self);
  closure->account = g_object_ref (account);
  self->n_syncing++;
  fl_context_sync_account_async (self->context, account, self->sync_cancellable,
                                 sync_account_done_cb, closure);
  update_sync_state (self);
}

static void
sync_all (FlWindow *self)
{
  GListModel *accounts;

  if (self->n_syncing > 0 || fl_context_get_store (self->context) == NULL)
    return;

  accounts = fl_context_get_accounts (self->context);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(FlAccount) account = g_list_model_get_item (accounts, i);

      if (fl_account_get_enabled (account))
        sync_account (self, account);
    }
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  sync_all (FL_WINDOW (widget));
}

static void
cancel_sync_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  FlWindow *self = FL_WINDOW (widget);

  g_cancellable_cancel (self->sync_cancellable);
}

static gboolean
periodic_sync_cb (gpointer user_data)
{
  sync_all (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_sync_interval_changed_cb (FlWindow   *self,
                             const char *key,
                             GSettings  *settings)
{
  if (self->sync_source == 0)
    return;

  g_source_remove (self->sync_source);
  self->sync_source = g_timeout_add_seconds (g_settings_get_uint (settings, "sync-interval"),
                                             periodic_sync_cb, self);
}

/* Dates follow the calendar chosen in Preferences; what is on screen is
 * rewritten at once. */
static void
on_calendar_changed_cb (FlWindow   *self,
                        const char *key,
                        GSettings  *settings)
{
  FlTicket *ticket = fl_ticket_view_get_ticket (self->ticket_view);

  fl_format_set_calendar (g_settings_get_boolean (settings, "solar-hijri-dates")
                          ? FL_CALENDAR_SOLAR_HIJRI : FL_CALENDAR_GREGORIAN);
  fl_ticket_list_update_times (self->ticket_list);
  if (ticket != NULL)
    fl_ticket_view_show (self->ticket_view, fl_ticket_get_id (ticket));
}

static void
on_connected_cb (FlWindow        *self,
                 FlAccount       *account,
                 FlConnectDialog *dialog)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workspace") != 0)
    fl_window_show_workspace (self);

  if (self->token_account == account)
    show_token_banner (self, NULL);

  /* Translators: %s is the account just connected */
  text = g_strdup_printf (_("Connected to %s"), fl_account_get_name (account));
  toast (self, text);

  sync_account (self, account);
}

static void
open_connect_dialog (FlWindow   *self,
                     FlAccount  *account)
{
  FlConnectDialog *dialog;

  if (fl_context_get_store (self->context) == NULL)
    return;

  dialog = fl_connect_dialog_new (self->context, GTK_WINDOW (self));
  if (account != NULL)
    fl_connect_dialog_set_url (dialog, fl_account_get_url (account), FALSE);
  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_connected_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
connect_helpdesk_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  open_connect_dialog (FL_WINDOW (widget), NULL);
}

static void
enter_token_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  FlWindow *self = FL_WINDOW (widget);

  if (self->token_account != NULL)
    open_connect_dialog (self, self->token_account);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FlWindow *self = FL_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_sort_changed_cb (FlWindow   *self,
                    const char *key,
                    GSettings  *settings)
{
  apply_query (self);
}

static void
on_composer_sent_cb (FlWindow     *self,
                     FlOutboxItem *item,
                     const char   *error_message,
                     FlComposer   *composer)
{
  AdwToast *sent;

  if (item == NULL)
    {
      /* Translators: a reply could not be put in the outbox; %s is why */
      g_autofree char *text = g_strdup_printf (_("Could not queue the message: %s"), error_message);

      toast (self, text);
      return;
    }

  g_set_object (&self->undo_item, item);
  sent = adw_toast_new (fl_outbox_item_get_kind (item) == FL_OUTBOX_NOTE ? _("Note queued")
                                                                         : _("Reply queued"));
  adw_toast_set_button_label (sent, _("_Undo"));
  adw_toast_set_action_name (sent, "win.undo-send");
  adw_toast_set_timeout (sent, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, sent);
}

static void
undo_discarded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlOutboxItem) item = g_steal_pointer (&self->undo_item);

  if (!fl_outbox_change_finish (FL_OUTBOX (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, _("Too late to undo: the message is already on its way"));
      return;
    }

  fl_composer_restore (fl_ticket_view_get_composer (self->ticket_view), item);
}

static void
undo_send_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FlWindow *self = FL_WINDOW (widget);

  if (self->undo_item == NULL || self->context == NULL)
    return;

  fl_outbox_discard_async (fl_context_get_outbox (self->context), self->undo_item,
                           self->cancellable, undo_discarded_cb, g_object_ref (self));
}

static void
fl_window_dispose (GObject *object)
{
  FlWindow *self = (FlWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->sync_cancellable);
  g_clear_handle_id (&self->settle_source, g_source_remove);
  g_clear_handle_id (&self->sync_source, g_source_remove);
  g_clear_object (&self->keys);
  g_clear_handle_id (&self->select_source, g_source_remove);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);

  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_WINDOW);

  G_OBJECT_CLASS (fl_window_parent_class)->dispose (object);
}

static void
fl_window_finalize (GObject *object)
{
  FlWindow *self = (FlWindow *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->sync_cancellable);
  g_clear_object (&self->token_account);
  g_clear_object (&self->undo_item);
  g_clear_pointer (&self->view_query, fl_query_unref);
  g_clear_pointer (&self->view_title, g_free);
  g_clear_pointer (&self->view_nick, g_free);

  G_OBJECT_CLASS (fl_window_parent_class)->finalize (object);
}

static gboolean
fl_window_close_request (GtkWindow *window)
{
  FlWindow *self = FL_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (fl_window_parent_class)->close_request (window);
}

static void
fl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FlWindow *self = FL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FlWindow *self = FL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The metrics dashboard is a page of its own, made the first time it is
 * asked for so it costs the window's first frame nothing; its back
 * button returns to the tickets. */
static FlMetricsView *
ensure_metrics_view (FlWindow *self)
{
  if (self->metrics_view == NULL)
    {
      self->metrics_view = g_object_new (FL_TYPE_METRICS_VIEW, NULL);
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->metrics_view), "metrics");
      if (self->context != NULL && fl_context_get_store (self->context) != NULL)
        fl_metrics_view_set_context (self->metrics_view, self->context);
    }

  return self->metrics_view;
}

static void
show_metrics_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FlWindow *self = FL_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workspace") == 0)
    {
      ensure_metrics_view (self);
      gtk_stack_set_visible_child_name (self->main_stack, "metrics");
    }
}

/* The shortcuts window is built the first time it is asked for, not
 * with every window as GtkApplication's help-overlay.ui would be. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  FlWindow *self = FL_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/help-overlay.ui");

      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }

  gtk_window_present (self->shortcuts_window);
}

static void
show_tickets_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FlWindow *self = FL_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "metrics") == 0)
    gtk_stack_set_visible_child_name (self->main_stack, "workspace");
}

/**
 * fl_window_get_metrics_view:
 *
 * Returns: (transfer none): the metrics dashboard
 */
FlMetricsView *
fl_window_get_metrics_view (FlWindow *self)
{
  g_return_val_if_fail (FL_IS_WINDOW (self), NULL);

  return ensure_metrics_view (self);
}

static void
fl_window_class_init (FlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fl_window_dispose;
  object_class->finalize = fl_window_finalize;
  object_class->get_property = fl_window_get_property;
  object_class->set_property = fl_window_set_property;

  window_class->close_request = fl_window_close_request;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         FL_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FlWindow::settled:
   *
   * In a measuring run, emitted once the populated window has been
   * drawn and has stopped changing.
   */
  signals [SETTLED] =
    g_signal_new ("settled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (FL_TYPE_CUSTOMER_PANEL);
  g_type_ensure (FL_TYPE_OUTBOX_BUTTON);
  g_type_ensure (FL_TYPE_SEARCH_HELP);
  g_type_ensure (FL_TYPE_BULK_BAR);
  g_type_ensure (FL_TYPE_SIDEBAR);
  g_type_ensure (FL_TYPE_TICKET_LIST);
  g_type_ensure (FL_TYPE_TICKET_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, list_header);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, ticket_header);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, ticket_title);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, search_hint);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, ticket_pane);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, ticket_list);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, bulk_bar);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, ticket_view);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, customer_flap);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, customer_panel);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, outbox_button);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, sync_revealer);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, sync_spinner);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, sync_label);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, token_revealer);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, token_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ticket_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ticket_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_ticket_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-sync", NULL, cancel_sync_action);
  gtk_widget_class_install_action (widget_class, "win.connect-helpdesk", NULL, connect_helpdesk_action);
  gtk_widget_class_install_action (widget_class, "win.enter-token", NULL, enter_token_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.undo-send", NULL, undo_send_action);
  gtk_widget_class_install_action (widget_class, "win.show-metrics", NULL, show_metrics_action);
  gtk_widget_class_install_action (widget_class, "win.show-tickets", NULL, show_tickets_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.next-ticket", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.previous-ticket", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.extend-next-ticket", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.extend-previous-ticket", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.open-ticket", NULL, open_ticket_action);
  gtk_widget_class_install_action (widget_class, "win.reply", NULL, compose_action);
  gtk_widget_class_install_action (widget_class, "win.add-note", NULL, compose_action);
  gtk_widget_class_install_action (widget_class, "win.assign", NULL, header_menu_action);
  gtk_widget_class_install_action (widget_class, "win.set-status", NULL, header_menu_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.go-view", "s", go_view_action);
  gtk_widget_class_install_action (widget_class, "win.bulk-assign", "s", bulk_action);
  gtk_widget_class_install_action (widget_class, "win.bulk-set-status", "s", bulk_action);
  gtk_widget_class_install_action (widget_class, "win.clear-selection", NULL, clear_selection_action);
  gtk_widget_class_install_action (widget_class, "win.save-search", NULL, save_search_action);
  gtk_widget_class_install_action (widget_class, "win.rename-view", NULL, rename_view_action);
  gtk_widget_class_install_action (widget_class, "win.remove-view", NULL, remove_view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.sync", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.sync", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.toggle-customer-panel", NULL, toggle_customer_panel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-customer-panel", NULL);
}

static void
fl_window_init (FlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (SCHEMA_ID);
  fl_query_set_default_at_risk_window (g_settings_get_uint (self->settings, "sla-at-risk-minutes") * 60);

  /* The sort order is a setting; its action is the setting's own. */
  {
    g_autoptr(GAction) sort = g_settings_create_action (self->settings, "sort");

    g_action_map_add_action (G_ACTION_MAP (self), sort);
  }

  on_customer_flap_folded_cb (self, NULL, self->customer_flap);
  g_signal_connect_object (self->customer_flap, "notify::folded",
                           G_CALLBACK (on_customer_flap_folded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->customer_flap, "notify::reveal-flap",
                           G_CALLBACK (on_customer_flap_revealed_cb), self, G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Window buttons belong to the outermost visible header bars. */
  g_object_bind_property (self->leaflet, "folded", self->list_header, "show-end-title-buttons",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->flap, "folded", self->list_header, "show-start-title-buttons",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->sidebar, "view-selected",
                           G_CALLBACK (on_view_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ticket_list, "populated",
                           G_CALLBACK (on_list_populated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ticket_list, "notify::n-items",
                           G_CALLBACK (on_n_items_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ticket_list, "notify::n-selected",
                           G_CALLBACK (on_n_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ticket_view, "loaded",
                           G_CALLBACK (on_ticket_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (fl_ticket_view_get_composer (self->ticket_view), "sent",
                           G_CALLBACK (on_composer_sent_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sort",
                           G_CALLBACK (on_sort_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sync-interval",
                           G_CALLBACK (on_sync_interval_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::solar-hijri-dates",
                           G_CALLBACK (on_calendar_changed_cb), self, G_CONNECT_SWAPPED);
  fl_format_set_calendar (g_settings_get_boolean (self->settings, "solar-hijri-dates")
                          ? FL_CALENDAR_SOLAR_HIJRI : FL_CALENDAR_GREGORIAN);

  self->keys = fl_inbox_keys_new (GTK_WIDGET (self));

  /* Offline the cache still works: the bar only says why nothing syncs. */
  {
    GNetworkMonitor *monitor = g_network_monitor_get_default ();

    g_signal_connect_object (monitor, "network-changed",
                             G_CALLBACK (on_network_changed_cb), self, G_CONNECT_SWAPPED);
    fl_window_set_online (self, g_network_monitor_get_network_available (monitor));
  }
  update_view_actions (self);

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->ticket_list));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

/**
 * fl_window_new:
 * @context: the profile's services
 *
 * Returns: (transfer full): a new main window
 */
FlWindow *
fl_window_new (FlApplication *application,
               FlContext     *context)
{
  return g_object_new (FL_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

/**
 * fl_window_show_loading:
 * @message: (nullable): what is happening
 */
void
fl_window_show_loading (FlWindow   *self,
                        const char *message)
{
  g_return_if_fail (FL_IS_WINDOW (self));

  adw_status_page_set_title (self->loading_page, message ?: "");
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
}

void
fl_window_show_first_run (FlWindow *self)
{
  g_return_if_fail (FL_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->main_stack, "first-run");
}

/**
 * fl_window_show_error:
 * @title: a translated sentence
 * @detail: (nullable): more about it
 */
void
fl_window_show_error (FlWindow   *self,
                      const char *title,
                      const char *detail)
{
  g_return_if_fail (FL_IS_WINDOW (self));

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, detail);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

/**
 * fl_window_show_workspace:
 *
 * Shows the three panes for the loaded context, on the view the agent
 * used last.
 */
void
fl_window_show_workspace (FlWindow *self)
{
  g_autofree char *last_view = NULL;

  g_return_if_fail (FL_IS_WINDOW (self));
  g_return_if_fail (fl_context_get_store (self->context) != NULL);

  fl_ticket_list_set_store (self->ticket_list, fl_context_get_store (self->context));
  fl_ticket_list_set_accounts (self->ticket_list, fl_context_get_accounts (self->context));
  g_signal_connect_object (fl_ticket_list_get_model (self->ticket_list), "notify::loading",
                           G_CALLBACK (on_list_loading_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (fl_ticket_list_get_model (self->ticket_list), "notify::partial",
                           G_CALLBACK (update_list_title), self, G_CONNECT_SWAPPED);
  fl_ticket_view_set_context (self->ticket_view, self->context);
  fl_customer_panel_set_context (self->customer_panel, self->context);
  fl_sidebar_set_context (self->sidebar, self->context);
  fl_outbox_button_set_context (self->outbox_button, self->context);
  if (self->metrics_view != NULL)
    fl_metrics_view_set_context (self->metrics_view, self->context);

  last_view = g_settings_get_string (self->settings, "last-view");
  if (!fl_sidebar_select_nick (self->sidebar, last_view))
    fl_sidebar_select_nick (self->sidebar, "inbox");

  gtk_stack_set_visible_child_name (self->main_stack, "workspace");

  if (self->sync_source == 0)
    {
      g_signal_connect_object (fl_context_get_sync_engine (self->context), "progress",
                               G_CALLBACK (on_sync_progress_cb), self, G_CONNECT_SWAPPED);
      self->sync_source = g_timeout_add_seconds (g_settings_get_uint (self->settings, "sync-interval"),
                                                 periodic_sync_cb, self);
    }

  /* An account whose token is gone from the keyring asks for it. */
  {
    GListModel *accounts = fl_context_get_accounts (self->context);

    for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
      {
        g_autoptr(FlAccount) account = g_list_model_get_item (accounts, i);

        if (g_strcmp0 (fl_account_get_kind (account), "rt") == 0 &&
            fl_context_get_backend (self->context, fl_account_get_id (account)) == NULL)
          show_token_banner (self, account);
      }
  }

  update_sync_state (self);

  /* A notification clicked while the app was starting. */
  if (self->pending_ticket != 0)
    {
      gint64 id = self->pending_ticket;

      self->pending_ticket = 0;
      fl_window_open_ticket (self, id);
    }

  /* Show what the cache has at once, then bring it up to date. A
   * measuring run measures the cache alone. */
  if (!self->measuring)
    sync_all (self);
}

/**
 * fl_window_open_ticket:
 * @ticket_id: a ticket's store id
 *
 * Shows a ticket, as a notification's action does: selected in the list
 * when the view has it, on its own otherwise. Before the workspace is
 * shown (the app is still starting), the ticket opens once it is.
 */
void
fl_window_open_ticket (FlWindow *self,
                       gint64    ticket_id)
{
  g_return_if_fail (FL_IS_WINDOW (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workspace") != 0)
    {
      self->pending_ticket = ticket_id;
      return;
    }

  self->select_when_listed = 0;
  if (!fl_ticket_list_select_id (self->ticket_list, ticket_id))
    {
      /* The list may not have its tickets yet. */
      self->select_when_listed = ticket_id;
      fl_ticket_view_show (self->ticket_view, ticket_id);
      if (!self->measuring)
        fl_store_set_unread_async (fl_context_get_store (self->context), ticket_id, FALSE, NULL, NULL, NULL);
    }
  adw_leaflet_set_visible_child (self->leaflet, self->ticket_pane);
}

/**
 * fl_window_set_measuring:
 *
 * Makes this a measuring run: the window records the time of the first
 * frame that shows the populated inbox; once the inbox is populated it
 * opens the first ticket, and emits #FlWindow::settled when that has
 * been drawn too.
 */
void
fl_window_set_measuring (FlWindow *self,
                         gboolean  measuring)
{
  g_return_if_fail (FL_IS_WINDOW (self));

  if (measuring && !self->measuring)
    {
      if (gtk_widget_get_realized (GTK_WIDGET (self)))
        on_measured_realize_cb (self);
      else
        g_signal_connect (self, "realize", G_CALLBACK (on_measured_realize_cb), NULL);
    }

  self->measuring = !!measuring;
}

/**
 * fl_window_get_first_frame_time:
 *
 * Returns: the monotonic time of the first frame that showed the
 *   populated inbox, or 0
 */
gint64
fl_window_get_first_frame_time (FlWindow *self)
{
  g_return_val_if_fail (FL_IS_WINDOW (self), 0);

  return self->first_frame_time;
}

FlInboxKeys *
fl_window_get_inbox_keys (FlWindow *self)
{
  return self->keys;
}

FlSidebar *
fl_window_get_sidebar (FlWindow *self)
{
  return self->sidebar;
}

FlBulkBar *
fl_window_get_bulk_bar (FlWindow *self)
{
  return self->bulk_bar;
}

FlTicketList *
fl_window_get_ticket_list (FlWindow *self)
{
  return self->ticket_list;
}

FlTicketView *
fl_window_get_ticket_view (FlWindow *self)
{
  return self->ticket_view;
}

GtkSearchEntry *
fl_window_get_search_entry (FlWindow *self)
{
  return self->search_entry;
}

const char *
fl_window_get_page (FlWindow *self)
{
  return gtk_stack_get_visible_child_name (self->main_stack);
}

/* The hint under the search entry, or NULL when it is hidden. */
const char *
fl_window_get_search_hint (FlWindow *self)
{
  g_return_val_if_fail (FL_IS_WINDOW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->search_hint)))
    return NULL;
  return gtk_label_get_label (self->search_hint);
}

/* Whether the ticket, rather than the list, is on screen in a folded
 * window, or both are in a wide one. */
gboolean
fl_window_get_ticket_pane_shown (FlWindow *self)
{
  g_return_val_if_fail (FL_IS_WINDOW (self), FALSE);

  return !adw_leaflet_get_folded (self->leaflet) ||
         adw_leaflet_get_visible_child (self->leaflet) == self->ticket_pane;
}

gboolean
fl_window_get_token_banner_shown (FlWindow *self)
{
  return gtk_revealer_get_reveal_child (self->token_revealer);
}

FlCustomerPanel *
fl_window_get_customer_panel (FlWindow *self)
{
  g_return_val_if_fail (FL_IS_WINDOW (self), NULL);

  return self->customer_panel;
}

/* Whether the customer panel is on screen, beside or over the conversation. */
gboolean
fl_window_get_customer_panel_shown (FlWindow *self)
{
  g_return_val_if_fail (FL_IS_WINDOW (self), FALSE);

  return adw_flap_get_reveal_flap (self->customer_flap) &&
         gtk_widget_get_mapped (GTK_WIDGET (self->customer_panel));
}
