/* fl-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-application"

#include "config.h"

#include <glib/gi18n.h>

#include "fl-about.h"
#include "fl-application.h"
#include "fl-notifier.h"
#include "fl-preferences-window.h"
#include "fl-screenshot.h"
#include "fl-window.h"

/**
 * FlApplication:
 *
 * Parses the command line, owns the #FlContext of the profile, and opens
 * the main window. `--screenshot` and `--print-startup` run a private
 * instance that exits once the populated inbox has been drawn.
 */
struct _FlApplication
{
  AdwApplication  parent_instance;

  gint64          started;
  FlContext      *context;
  GCancellable   *cancellable;
  FlNotifier     *notifier;
  GSettings      *settings;

  char           *data_dir;
  char           *screenshot;
  gboolean        demo;
  gboolean        print_startup;
  int             exit_status;
};

G_DEFINE_FINAL_TYPE (FlApplication, fl_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo workspace"), NULL },
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep the local database in DIR"), N_("DIR") },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Save the window as a PNG image once the inbox is drawn, then quit"), N_("FILE") },
  { "print-startup", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the milliseconds until the inbox is drawn, then quit"), NULL },
  { NULL }
};

static gint
fl_application_handle_local_options (GApplication *app,
                                     GVariantDict *dict)
{
  FlApplication *self = FL_APPLICATION (app);

  g_variant_dict_lookup (dict, "demo", "b", &self->demo);
  g_variant_dict_lookup (dict, "print-startup", "b", &self->print_startup);
  g_variant_dict_lookup (dict, "data-dir", "^ay", &self->data_dir);
  g_variant_dict_lookup (dict, "screenshot", "^ay", &self->screenshot);

  /* A measuring run, or a run on another profile, must not hand its work
   * to an instance that is already running. */
  if (self->screenshot || self->print_startup || self->data_dir)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
save_screenshot_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(FlApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!fl_screenshot_save_finish (result, &error))
    {
      g_printerr ("%s\n", error->message);
      self->exit_status = 1;
    }

  g_application_quit (G_APPLICATION (self));
}

static void
on_window_settled_cb (FlWindow      *window,
                      FlApplication *self)
{
  if (self->print_startup)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      double ms = (fl_window_get_first_frame_time (window) - self->started) / 1000.0;

      /* Machine-read: never a locale's decimal comma. */
      g_print ("%s\n", g_ascii_formatd (buf, sizeof buf, "%.1f", ms));
      if (self->screenshot == NULL)
        {
          g_application_quit (G_APPLICATION (self));
          return;
        }
    }

  if (self->screenshot != NULL)
    fl_screenshot_save_async (GTK_WIDGET (window), self->screenshot, NULL,
                              save_screenshot_cb, g_object_ref (self));
}

static FlWindow *
get_window (FlApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (fl_window_new (self, self->context));
      if (self->screenshot || self->print_startup)
        {
          fl_window_set_measuring (FL_WINDOW (window), TRUE);
          g_signal_connect_object (window, "settled",
                                   G_CALLBACK (on_window_settled_cb), self, 0);
        }
    }

  return FL_WINDOW (window);
}

static void
on_notification_cb (FlApplication *self,
                    const char    *id,
                    const char    *title,
                    gint64         ticket_id,
                    GNotification *notification,
                    FlNotifier    *notifier)
{
  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
update_notifier (FlApplication *self)
{
  g_auto(GStrv) views = g_settings_get_strv (self->settings, "notify-views");

  fl_notifier_set_watched_views (self->notifier, (const char * const *) views);
  fl_notifier_set_do_not_disturb (self->notifier, g_settings_get_boolean (self->settings, "do-not-disturb"));
}

/* Notifications start with the workspace; measuring runs have none. */
static void
show_workspace (FlApplication *self,
                FlWindow      *window)
{
  fl_window_show_workspace (window);

  if (self->notifier != NULL || self->screenshot || self->print_startup)
    return;

  self->settings = g_settings_new (SCHEMA_ID);
  self->notifier = fl_notifier_new (fl_context_get_store (self->context));
  update_notifier (self);
  g_signal_connect_object (self->settings, "changed::notify-views",
                           G_CALLBACK (update_notifier), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::do-not-disturb",
                           G_CALLBACK (update_notifier), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notifier, "notification",
                           G_CALLBACK (on_notification_cb), self, G_CONNECT_SWAPPED);
  /* What came while Frontline was closed. */
  fl_notifier_queue_check (self->notifier);
}

static void
demo_added_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FlApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  FlWindow *window = get_window (self);

  if (!fl_context_add_demo_finish (FL_CONTEXT (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fl_window_show_error (window, _("The demo workspace could not be opened"), error->message);
      return;
    }

  show_workspace (self, window);
}

static void
open_demo (FlApplication *self)
{
  if (fl_context_has_demo (self->context))
    {
      show_workspace (self, get_window (self));
      return;
    }

  fl_window_show_loading (get_window (self), _("Preparing the demo workspace…"));
  fl_context_add_demo_async (self->context, self->cancellable,
                             demo_added_cb, g_object_ref (self));
}

static void
context_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FlApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  FlWindow *window = get_window (self);

  if (!fl_context_load_finish (FL_CONTEXT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fl_window_show_error (window, _("The local database could not be opened"), error->message);
      return;
    }

  if (self->demo)
    open_demo (self);
  else if (g_list_model_get_n_items (fl_context_get_accounts (self->context)) == 0)
    fl_window_show_first_run (window);
  else
    show_workspace (self, window);
}

static void
fl_application_activate (GApplication *app)
{
  FlApplication *self = FL_APPLICATION (app);
  FlWindow *window;

  if (self->context == NULL)
    {
      g_autofree char *data_dir = self->data_dir
        ? g_canonicalize_filename (self->data_dir, NULL)
        : g_build_filename (g_get_user_data_dir (), "frontline", NULL);

      /* The store opens in a worker while the window is built and
       * shown. */
      self->context = fl_context_new (data_dir);
      fl_context_load_async (self->context, self->cancellable,
                             context_loaded_cb, g_object_ref (self));
      window = get_window (self);
      fl_window_show_loading (window, NULL);
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  gtk_window_present (GTK_WINDOW (get_window (self)));
}

static void
explore_demo_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  FlApplication *self = user_data;

  if (self->context != NULL && fl_context_get_store (self->context) != NULL)
    open_demo (self);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  FlApplication *self = user_data;
  static const char *developers[] = { "The Frontline developers", NULL };
  g_autoptr(GError) error = NULL;
  GtkWidget *about;

  about = fl_about_window_new_from_metainfo (RESOURCE_PATH "/io.github.frontline.Frontline.metainfo.xml",
                                             &error);
  if (about == NULL)
    {
      g_warning ("Could not read the metainfo: %s", error->message);
      return;
    }
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  /* Translators: your names, one per line, as they should be credited */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  FlApplication *self = user_data;
  FlPreferencesWindow *prefs;

  if (self->context == NULL || fl_context_get_store (self->context) == NULL)
    return;

  prefs = fl_preferences_window_new (self->context,
                                     gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (prefs));
}

/* A notification's default action: opens the ticket whether the app was
 * running or started for it (then the window opens it once loaded). */
static void
open_ticket_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  FlApplication *self = user_data;
  FlWindow *window;

  if (self->context == NULL)
    g_application_activate (G_APPLICATION (self));

  window = get_window (self);
  fl_window_open_ticket (window, g_variant_get_int64 (param));
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "explore-demo", explore_demo_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
  { "open-ticket", open_ticket_action, "x" },
};

static void
fl_application_startup (GApplication *app)
{
  FlApplication *self = FL_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_overlay_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (fl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_overlay_accels);
  gtk_window_set_default_icon_name (APP_ID);
}

/* GTK 4.8 names a button with a mnemonic twice, the first time with its
 * underscore: the button's label property ("_Send") and the label inside
 * it, which names it too ("Send"), add up to "_Send Send" for a screen
 * reader. The label inside names it alone, as it should. */
static void
drop_mnemonic_name (GtkButton *button)
{
  if (gtk_button_get_use_underline (button))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
drop_mnemonic_names (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && !g_object_get_data (G_OBJECT (widget), "fl-mnemonic-name"))
    {
      drop_mnemonic_name (GTK_BUTTON (widget));
      /* A new label sets the property again. */
      g_signal_connect (widget, "notify::label", G_CALLBACK (drop_mnemonic_name), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (drop_mnemonic_name), NULL);
      g_object_set_data (G_OBJECT (widget), "fl-mnemonic-name", GINT_TO_POINTER (TRUE));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    drop_mnemonic_names (child);
}

static void
fl_application_window_added (GtkApplication *app,
                             GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (fl_application_parent_class)->window_added (app, window);

  /* Each time it is shown: what it shows may have been made meanwhile. */
  drop_mnemonic_names (GTK_WIDGET (window));
  g_signal_connect (window, "map", G_CALLBACK (drop_mnemonic_names), NULL);
}

static int
fl_application_command_line (GApplication            *app,
                              GApplicationCommandLine *command_line)
{
  g_application_activate (app);
  return 0;
}

static void
fl_application_shutdown (GApplication *app)
{
  FlApplication *self = FL_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);

  G_APPLICATION_CLASS (fl_application_parent_class)->shutdown (app);
}

static void
fl_application_finalize (GObject *object)
{
  FlApplication *self = (FlApplication *)object;

  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->screenshot, g_free);

  G_OBJECT_CLASS (fl_application_parent_class)->finalize (object);
}

static void
fl_application_class_init (FlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->finalize = fl_application_finalize;
  gtk_app_class->window_added = fl_application_window_added;

  app_class->activate = fl_application_activate;
  app_class->startup = fl_application_startup;
  app_class->shutdown = fl_application_shutdown;
  app_class->command_line = fl_application_command_line;
  app_class->handle_local_options = fl_application_handle_local_options;
}

static void
fl_application_init (FlApplication *self)
{
  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Answer support tickets from every channel"));
}

/**
 * fl_application_new:
 * @started: g_get_monotonic_time() at the start of main()
 */
FlApplication *
fl_application_new (gint64 started)
{
  FlApplication *self;

  self = g_object_new (FL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
  self->started = started;
  return self;
}

/**
 * fl_application_set_data_dir:
 * @data_dir: where the local database lives
 *
 * As --data-dir does; for a run that does not parse a command line. Call
 * before the application is registered.
 */
void
fl_application_set_data_dir (FlApplication *self,
                             const char    *data_dir)
{
  g_return_if_fail (FL_IS_APPLICATION (self));

  g_free (self->data_dir);
  self->data_dir = g_strdup (data_dir);
  g_application_set_flags (G_APPLICATION (self),
                           g_application_get_flags (G_APPLICATION (self)) | G_APPLICATION_NON_UNIQUE);
}

/**
 * fl_application_get_context:
 *
 * Returns: (transfer none) (nullable): the profile's context
 */
FlContext *
fl_application_get_context (FlApplication *self)
{
  g_return_val_if_fail (FL_IS_APPLICATION (self), NULL);

  return self->context;
}

/**
 * fl_application_get_exit_status:
 *
 * Returns: what main() returns: non-zero when a screenshot failed
 */
int
fl_application_get_exit_status (FlApplication *self)
{
  g_return_val_if_fail (FL_IS_APPLICATION (self), 1);

  return self->exit_status;
}
