/* test-dialogs.c: the Connect a Helpdesk dialog and the Preferences
 * window, in real windows, with screenshots in every UI language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "../fl-test-dir.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "fl-connect-dialog.h"
#include "fl-context.h"
#include "fl-preferences-window.h"
#include "fl-test-ui.h"
#include "fl-window-private.h"
#include "ui-common.h"

#include <libsoup/soup.h>

typedef struct
{
  const char *input;
  const char *expected;   /* NULL: refused */
} UrlCase;

static void
test_normalize_url (void)
{
  static const UrlCase cases[] = {
    { "rt.example.com", "https://rt.example.com" },
    { "  https://rt.example.com/  ", "https://rt.example.com" },
    { "https://rt.example.com/REST/2.0/", "https://rt.example.com" },
    { "https://example.com/rt", "https://example.com/rt" },
    { "https://user:secret@rt.example.com", "https://rt.example.com" },
    { "http://127.0.0.1:8089", "http://127.0.0.1:8089" },
    { "http://localhost:8080/", "http://localhost:8080" },
    { "http://rt.example.com", NULL },        /* the token would go in the clear */
    { "ftp://rt.example.com", NULL },
    { "", NULL },
    { "https://", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = fl_connect_dialog_normalize_url (cases[i].input, &error);

      g_assert_cmpstr (url, ==, cases[i].expected);
      if (cases[i].expected == NULL)
        g_assert_nonnull (error);
    }
}

/* Through ui_save_screenshot(), which settles and tries again while a
 * dialog still has nothing drawn to hand over. */
static void
save_shot (GtkWidget  *window,
           const char *what)
{
  g_free (ui_save_screenshot (window, what));
}

static FlContext *
demo_context (char **dir)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FlContext *context;

  *dir = g_dir_make_tmp ("fl-dialogs-XXXXXX", NULL);
  context = fl_context_new (*dir);
  fl_context_load_async (context, NULL, done_cb, &result);
  WAIT_FOR (result != NULL, "the store");
  g_assert_true (fl_context_load_finish (context, result, &error));
  g_clear_object (&result);
  fl_context_add_demo_async (context, NULL, done_cb, &result);
  WAIT_FOR (result != NULL, "the demo");
  g_assert_true (fl_context_add_demo_finish (context, result, &error));
  return context;
}

static void
test_connect_dialog (void)
{
  g_autoptr(FlTestDir) dir = NULL;
  g_autoptr(FlContext) context = demo_context (&dir);
  FlConnectDialog *dialog = fl_connect_dialog_new (context, NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (dialog)), "the dialog");
  fl_connect_dialog_set_url (dialog, "rt.example.com", TRUE);
  save_shot (GTK_WIDGET (dialog), "connect-dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_preferences (void)
{
  g_autoptr(FlTestDir) dir = NULL;
  g_autoptr(FlContext) context = demo_context (&dir);
  FlPreferencesWindow *prefs = fl_preferences_window_new (context, NULL);

  gtk_window_present (GTK_WINDOW (prefs));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (prefs)), "the preferences");
  save_shot (GTK_WIDGET (prefs), "preferences");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
reject_everything (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  static const char body[] = "{\"message\":\"Unauthorized\"}";

  soup_server_message_set_status (msg, 401, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
}

static gboolean
has_secret_service (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), 0, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* A server that rejects the token: the window says so in a bar that stays,
 * and Enter Token asks for a new one for that server. */
static void
test_token_banner (void)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *url = NULL;
  g_autoptr(FlTestDir) dir = NULL;
  g_autoptr(FlContext) context = NULL;
  GListModel *toplevels;
  FlWindow *window;
  gboolean dialog_open = FALSE;

  if (!has_secret_service ())
    {
      g_test_skip ("no Secret Service on the session bus");
      return;
    }

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, reject_everything, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  url = g_uri_to_string_partial (uris->data, G_URI_HIDE_NONE);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';

  dir = g_dir_make_tmp ("fl-banner-XXXXXX", NULL);
  context = fl_context_new (dir);
  fl_context_load_async (context, NULL, done_cb, &result);
  WAIT_FOR (result != NULL, "the store");
  g_assert_true (fl_context_load_finish (context, result, &error));
  g_clear_object (&result);
  fl_context_add_rt_account_async (context, url, "agent1", "1-28-revoked", NULL, done_cb, &result);
  WAIT_FOR (result != NULL, "the account");
  g_assert_nonnull (fl_context_add_rt_account_finish (context, result, &error));
  g_assert_no_error (error);

  window = fl_window_new (NULL, context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  fl_window_show_workspace (window);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (fl_window_get_token_banner_shown (window), "the token banner");
  save_shot (GTK_WIDGET (window), "token-banner");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.enter-token", NULL);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (FL_IS_CONNECT_DIALOG (w))
        {
          dialog_open = TRUE;
          gtk_window_destroy (GTK_WINDOW (w));
          break;
        }
    }
  g_assert_true (dialog_open);

  gtk_window_destroy (GTK_WINDOW (window));
  {
    g_autoptr(GAsyncResult) removed = NULL;
    g_autoptr(FlAccount) account = g_list_model_get_item (fl_context_get_accounts (context), 0);

    fl_context_remove_account_async (context, account, NULL, done_cb, &removed);
    WAIT_FOR (removed != NULL, "the account removal");
  }
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/dialogs/normalize-url", test_normalize_url);
  g_test_add_func ("/dialogs/connect", test_connect_dialog);
  g_test_add_func ("/dialogs/preferences", test_preferences);
  g_test_add_func ("/dialogs/token-banner", test_token_banner);

  return g_test_run ();
}
