/* fl-notification-prefs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-notification-prefs"

#include "config.h"

#include <glib/gi18n.h>

#include "fl-account.h"
#include "fl-notification-prefs.h"
#include "fl-query.h"

/**
 * FlNotificationPrefs:
 *
 * Do not disturb, and a switch per built-in view for "notify me of new
 * tickets here", kept in the "do-not-disturb" and "notify-views"
 * settings that #FlNotifier follows.
 */
struct _FlNotificationPrefs
{
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;
  FlContext           *context;
  AdwExpanderRow      *expander;
  GPtrArray           *switches;  /* GtkSwitch, with the view nick as data */
  GPtrArray           *context_rows;  /* rows for accounts and saved searches */
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (FlNotificationPrefs, fl_notification_prefs, ADW_TYPE_PREFERENCES_GROUP)

static void
load_views (FlNotificationPrefs *self)
{
  g_auto(GStrv) nicks = g_settings_get_strv (self->settings, "notify-views");

  self->updating = TRUE;
  for (guint i = 0; i < self->switches->len; i++)
    {
      GtkSwitch *sw = self->switches->pdata[i];
      const char *nick = g_object_get_data (G_OBJECT (sw), "nick");

      gtk_switch_set_active (sw, g_strv_contains ((const char * const *) nicks, nick));
    }
  self->updating = FALSE;
}

static void
on_switch_cb (FlNotificationPrefs *self,
              GParamSpec          *pspec,
              GtkSwitch           *sw)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) nicks = NULL;
  const char *nick = g_object_get_data (G_OBJECT (sw), "nick");

  if (self->updating)
    return;

  /* Keep the views this group does not show, such as saved searches. */
  old = g_settings_get_strv (self->settings, "notify-views");
  builder = g_strv_builder_new ();
  for (guint i = 0; old[i]; i++)
    if (!g_str_equal (old[i], nick))
      g_strv_builder_add (builder, old[i]);
  if (gtk_switch_get_active (sw))
    g_strv_builder_add (builder, nick);
  nicks = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "notify-views", (const char * const *) nicks);
}

/* One switch per view that can notify; @subtitle says what kind of view
 * it is when the name alone does not. */
static GtkWidget *
add_view_row (FlNotificationPrefs *self,
              const char          *title,
              const char          *subtitle,
              const char          *nick)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  /* Row titles are markup unless told otherwise: "Mentions & Tags", and
   * account and search names are the agent's own text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (sw), "nick", g_strdup (nick), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  adw_expander_row_add_row (self->expander, row);
  g_ptr_array_add (self->switches, sw);
  g_signal_connect_object (sw, "notify::active", G_CALLBACK (on_switch_cb), self, G_CONNECT_SWAPPED);

  return row;
}

static void
add_context_rows (FlNotificationPrefs *self)
{
  GListModel *accounts;
  g_autoptr(GPtrArray) searches = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->context_rows->len; i++)
    {
      GtkWidget *row = self->context_rows->pdata[i];
      GtkWidget *sw = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      g_ptr_array_remove (self->switches, sw);
      adw_expander_row_remove (self->expander, row);
    }
  g_ptr_array_set_size (self->context_rows, 0);

  accounts = fl_context_get_accounts (self->context);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(FlAccount) account = g_list_model_get_item (accounts, i);
      g_autofree char *nick = g_strdup_printf ("account:%" G_GINT64_FORMAT, fl_account_get_id (account));

      g_ptr_array_add (self->context_rows,
                       add_view_row (self, fl_account_get_name (account), _("Account"), nick));
    }

  if (fl_context_get_store (self->context) != NULL)
    searches = fl_store_list_saved_searches (fl_context_get_store (self->context), &error);
  if (error != NULL)
    g_warning ("Saved searches for notifications: %s", error->message);
  for (guint i = 0; searches && i < searches->len; i++)
    {
      FlSavedSearch *search = searches->pdata[i];
      g_autofree char *nick = g_strdup_printf ("saved:%" G_GINT64_FORMAT, search->id);

      g_ptr_array_add (self->context_rows,
                       add_view_row (self, search->name, _("Saved search"), nick));
    }

  load_views (self);
}

/**
 * fl_notification_prefs_set_context:
 * @context: the profile whose accounts and saved searches can notify too
 *
 * Adds a switch for each account's view and each saved search, after the
 * built-in and channel views.
 */
void
fl_notification_prefs_set_context (FlNotificationPrefs *self,
                                   FlContext           *context)
{
  g_return_if_fail (FL_IS_NOTIFICATION_PREFS (self));
  g_return_if_fail (FL_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (fl_context_get_accounts (context), "items-changed",
                           G_CALLBACK (add_context_rows), self, G_CONNECT_SWAPPED);
  add_context_rows (self);
}

static void
fl_notification_prefs_dispose (GObject *object)
{
  FlNotificationPrefs *self = (FlNotificationPrefs *)object;

  g_clear_pointer (&self->switches, g_ptr_array_unref);
  g_clear_pointer (&self->context_rows, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (fl_notification_prefs_parent_class)->dispose (object);
}

static void
fl_notification_prefs_class_init (FlNotificationPrefsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fl_notification_prefs_dispose;
}

static void
fl_notification_prefs_init (FlNotificationPrefs *self)
{
  g_autoptr(GEnumClass) views = g_type_class_ref (FL_TYPE_VIEW);
  GtkWidget *dnd_row = adw_action_row_new ();
  GtkWidget *dnd = gtk_switch_new ();
  GtkWidget *expander = adw_expander_row_new ();

  self->settings = g_settings_new (SCHEMA_ID);
  self->switches = g_ptr_array_new ();
  self->context_rows = g_ptr_array_new ();
  self->expander = ADW_EXPANDER_ROW (expander);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Notifications"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (dnd_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dnd_row), _("Do Not Disturb"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (dnd_row), _("Show no notifications"));
  gtk_widget_set_valign (dnd, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (dnd_row), dnd);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (dnd_row), dnd);
  g_settings_bind (self->settings, "do-not-disturb", dnd, "active", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), dnd_row);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("New Tickets In"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 _("Mentions of you and SLAs about to breach are always notified"));
  for (FlView view = FL_VIEW_INBOX; view <= FL_VIEW_ALL; view++)
    add_view_row (self, fl_view_get_label (view), NULL, g_enum_get_value (views, view)->value_nick);
  for (FlChannel channel = 0; channel < FL_N_CHANNELS; channel++)
    {
      g_autofree char *nick = g_strconcat ("channel:", fl_channel_to_string (channel), NULL);

      add_view_row (self, fl_channel_get_label (channel), _("Channel"), nick);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), expander);

  load_views (self);
  g_signal_connect_object (self->settings, "changed::notify-views",
                           G_CALLBACK (load_views), self, G_CONNECT_SWAPPED);
}
