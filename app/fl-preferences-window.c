/* fl-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fl-connect-dialog.h"
#include "fl-localised-spin.h"
#include "fl-notification-prefs.h"
#include "fl-preferences-window.h"
#include "fl-sla-policy-page.h"

/**
 * FlPreferencesWindow:
 *
 * The accounts (add, enable or disable, remove) and the sync interval.
 */
struct _FlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  FlContext            *context;
  GSettings            *settings;
  GCancellable         *cancellable;

  GtkListBox           *accounts_list;
  GtkAdjustment        *interval_adjustment;
  GtkSwitch            *hijri_switch;
  GtkSpinButton        *interval_spin;
  FlNotificationPrefs  *notification_prefs;
};

G_DEFINE_FINAL_TYPE (FlPreferencesWindow, fl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void rebuild (FlPreferencesWindow *self);

static void
toast (FlPreferencesWindow *self,
       const char          *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FlPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!fl_context_save_account_finish (FL_CONTEXT (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
}

static void
on_enabled_cb (GtkSwitch  *sw,
               GParamSpec *pspec,
               FlAccount  *account)
{
  FlPreferencesWindow *self = g_object_get_data (G_OBJECT (sw), "window");

  if (fl_account_get_enabled (account) == gtk_switch_get_active (sw))
    return;

  fl_account_set_enabled (account, gtk_switch_get_active (sw));
  fl_context_save_account_async (self->context, account, self->cancellable,
                                 saved_cb, g_object_ref (self));
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FlPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!fl_context_remove_account_finish (FL_CONTEXT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  rebuild (self);
}

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       FlAccount        *account)
{
  FlPreferencesWindow *self = g_object_get_data (G_OBJECT (dialog), "window");

  if (g_strcmp0 (response, "remove") == 0)
    fl_context_remove_account_async (self->context, account, self->cancellable,
                                     removed_cb, g_object_ref (self));
}

static void
on_remove_clicked_cb (GtkButton *button,
                      FlAccount *account)
{
  FlPreferencesWindow *self = g_object_get_data (G_OBJECT (button), "window");
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is an account's name */
  heading = g_strdup_printf (_("Remove “%s”?"), fl_account_get_name (account));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Its tickets leave this computer and its token leaves the keyring. Nothing changes on the server."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "window", self);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_remove_response_cb),
                         g_object_ref (account), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
account_row (FlPreferencesWindow *self,
             FlAccount           *account)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  GtkWidget *remove = g_object_new (GTK_TYPE_BUTTON,
                                    "icon-name", "user-trash-symbolic",
                                    "valign", GTK_ALIGN_CENTER,
                                    "tooltip-text", _("Remove Account"),
                                    NULL);
  g_autofree char *subtitle = NULL;
  gboolean demo = g_strcmp0 (fl_account_get_kind (account), "demo") == 0;

  if (demo)
    subtitle = g_strdup (_("Demo workspace, on this computer only"));
  else
    /* Translators: an account's user and server, e.g. "agent1 · https://rt.example.com" */
    subtitle = g_strdup_printf (_("%s · %s"), fl_account_get_username (account), fl_account_get_url (account));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fl_account_get_name (account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row),
                                demo ? "applications-science-symbolic" : "network-server-symbolic");

  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (sw), fl_account_get_enabled (account));
  gtk_widget_set_tooltip_text (sw, _("Sync this account"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sync this account"), -1);
  g_object_set_data (G_OBJECT (sw), "window", self);
  g_signal_connect_data (sw, "notify::active", G_CALLBACK (on_enabled_cb),
                         g_object_ref (account), (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  gtk_widget_add_css_class (remove, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Account"), -1);
  g_object_set_data (G_OBJECT (remove), "window", self);
  g_signal_connect_data (remove, "clicked", G_CALLBACK (on_remove_clicked_cb),
                         g_object_ref (account), (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
rebuild (FlPreferencesWindow *self)
{
  GListModel *accounts = fl_context_get_accounts (self->context);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_list))))
    gtk_list_box_remove (self->accounts_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(FlAccount) account = g_list_model_get_item (accounts, i);
      gtk_list_box_append (self->accounts_list, account_row (self, account));
    }

  if (g_list_model_get_n_items (accounts) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No accounts yet"));
      gtk_list_box_append (self->accounts_list, row);
    }
}

static void
on_add_clicked_cb (FlPreferencesWindow *self)
{
  FlConnectDialog *dialog = fl_connect_dialog_new (self->context, GTK_WINDOW (self));

  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
seconds_to_minutes (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  g_value_set_double (value, MAX (1, g_variant_get_uint32 (variant) / 60));
  return TRUE;
}

static GVariant *
minutes_to_variant (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) g_value_get_double (value) * 60);
}

static void
fl_preferences_window_dispose (GObject *object)
{
  FlPreferencesWindow *self = (FlPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (fl_preferences_window_parent_class)->dispose (object);
}

static void
fl_preferences_window_finalize (GObject *object)
{
  FlPreferencesWindow *self = (FlPreferencesWindow *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (fl_preferences_window_parent_class)->finalize (object);
}

static void
fl_preferences_window_class_init (FlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_preferences_window_dispose;
  object_class->finalize = fl_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, interval_adjustment);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, hijri_switch);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, notification_prefs);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
fl_preferences_window_init (FlPreferencesWindow *self)
{
  g_type_ensure (FL_TYPE_NOTIFICATION_PREFS);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (SCHEMA_ID);
  g_settings_bind_with_mapping (self->settings, "sync-interval",
                                self->interval_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                seconds_to_minutes, minutes_to_variant, NULL, NULL);
  g_settings_bind (self->settings, "solar-hijri-dates", self->hijri_switch, "active", G_SETTINGS_BIND_DEFAULT);
  fl_localised_spin_attach (self->interval_spin);
}

/**
 * fl_preferences_window_new:
 *
 * Returns: (transfer none): the window; it destroys itself when closed
 */
FlPreferencesWindow *
fl_preferences_window_new (FlContext *context,
                           GtkWindow *parent)
{
  FlPreferencesWindow *self = g_object_new (FL_TYPE_PREFERENCES_WINDOW,
                                            "transient-for", parent,
                                            "modal", TRUE,
                                            NULL);

  self->context = g_object_ref (context);
  fl_notification_prefs_set_context (self->notification_prefs, context);
  g_signal_connect_object (fl_context_get_accounts (context), "items-changed",
                           G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (fl_sla_policy_page_new (context)));
  return self;
}
