/* fl-connect-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-connect-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fl-connect-dialog.h"
#include "fl-rt-backend.h"

/**
 * FlConnectDialog:
 *
 * Connects a Request Tracker account: the server address and a token,
 * "Test connection" to see whose token it is and which queues it sees,
 * then Connect, which keeps the token in the keyring and adds the account.
 * Also used to enter a new token when the server rejected the old one.
 */
struct _FlConnectDialog
{
  AdwWindow        parent_instance;

  FlContext       *context;
  GCancellable    *cancellable;
  FlRtIdentity    *identity;
  char            *tested_url;
  char            *tested_token;

  AdwEntryRow     *url_row;
  AdwPasswordEntryRow *token_row;
  GtkButton       *test_button;
  GtkButton       *connect_button;
  GtkSpinner      *spinner;
  AdwPreferencesGroup *result_group;
  AdwActionRow    *user_row;
  AdwActionRow    *queues_row;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (FlConnectDialog, fl_connect_dialog, ADW_TYPE_WINDOW)

enum {
  CONNECTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
is_loopback (const char *host)
{
  return g_strcmp0 (host, "localhost") == 0 ||
         g_str_has_prefix (host ? host : "", "127.") ||
         g_strcmp0 (host, "::1") == 0 || g_strcmp0 (host, "[::1]") == 0;
}

/**
 * fl_connect_dialog_normalize_url:
 * @text: what the agent typed, such as "rt.example.com"
 *
 * Adds https:// when no scheme was given and drops a trailing slash or a
 * pasted "/REST/2.0". Plain http is refused except on this computer, so a
 * token never crosses a network in the clear.
 *
 * Returns: (transfer full): the server URL, or %NULL with @error set
 */
char *
fl_connect_dialog_normalize_url (const char  *text,
                                 GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *partial = NULL;
  const char *scheme, *host;

  if (*trimmed == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Enter the server address."));
      return NULL;
    }

  with_scheme = strstr (trimmed, "://") ? g_strdup (trimmed) : g_strconcat ("https://", trimmed, NULL);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  host = uri ? g_uri_get_host (uri) : NULL;

  if (uri == NULL || host == NULL || *host == '\0' ||
      (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a web address. Enter one such as https://rt.example.com."), trimmed);
      return NULL;
    }

  if (g_strcmp0 (scheme, "http") == 0 && !is_loopback (host))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The token would travel unencrypted. Use an https:// address."));
      return NULL;
    }

  partial = g_uri_to_string_partial (uri, G_URI_HIDE_QUERY | G_URI_HIDE_FRAGMENT |
                                          G_URI_HIDE_USERINFO | G_URI_HIDE_PASSWORD);
  out = g_string_new (partial);
  if (g_str_has_suffix (out->str, "/REST/2.0") || g_str_has_suffix (out->str, "/REST/2.0/"))
    g_string_truncate (out, g_strrstr (out->str, "/REST/2.0") - out->str);
  while (out->len > 0 && out->str[out->len - 1] == '/')
    g_string_truncate (out, out->len - 1);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
show_error (FlConnectDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (FlConnectDialog *self,
          gboolean         busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->url_row), !busy && gtk_editable_get_editable (GTK_EDITABLE (self->url_row)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), !busy);
}

static void
on_input_changed_cb (FlConnectDialog *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));

  /* A changed address or token must be tested again. */
  g_clear_pointer (&self->identity, fl_rt_identity_free);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), *url != '\0' && *token != '\0');
  show_error (self, NULL);
}

static void
identified_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FlConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRtIdentity) identity = fl_rt_identify_finish (FL_RT_CLIENT (object), result, &error);
  g_autofree char *subtitle = NULL;
  g_autofree char *queues = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (identity == NULL)
    {
      g_debug ("Test connection failed: %s", error->message);
      show_error (self, error->message);
      return;
    }

  /* Translators: under the user's name: their login and the server version */
  subtitle = g_strdup_printf (_("Signed in as %s · Request Tracker %s"),
                              identity->user, identity->version);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->user_row),
                                 identity->real_name && *identity->real_name
                                   ? identity->real_name : identity->user);
  adw_action_row_set_subtitle (self->user_row, subtitle);

  queues = identity->queues && identity->queues[0]
    ? g_strjoinv (", ", identity->queues)
    : g_strdup (_("This user sees no queues yet."));
  adw_action_row_set_subtitle (self->queues_row, queues);

  gtk_widget_set_visible (GTK_WIDGET (self->result_group), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), TRUE);
  self->identity = g_steal_pointer (&identity);
}

static void
on_test_clicked_cb (FlConnectDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = fl_connect_dialog_normalize_url (gtk_editable_get_text (GTK_EDITABLE (self->url_row)),
                                                          &error);
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));
  g_autoptr(FlRtClient) client = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (token));

  if (url == NULL)
    {
      show_error (self, error->message);
      return;
    }
  if (*stripped == '\0')
    {
      show_error (self, _("Enter the token."));
      return;
    }

  show_error (self, NULL);
  set_busy (self, TRUE);
  g_free (self->tested_url);
  self->tested_url = g_strdup (url);
  g_free (self->tested_token);
  self->tested_token = g_strdup (stripped);

  client = fl_rt_client_new (url, stripped, 2);
  fl_rt_client_set_timeout (client, 20);
  fl_rt_identify_async (client, stripped, self->cancellable, identified_cb, g_object_ref (self));
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FlConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  FlAccount *account = fl_context_add_rt_account_finish (FL_CONTEXT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (account == NULL)
    {
      show_error (self, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), TRUE);
      return;
    }

  g_signal_emit (self, signals [CONNECTED], 0, account);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_connect_clicked_cb (FlConnectDialog *self)
{
  if (self->identity == NULL)
    return;

  set_busy (self, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), FALSE);
  fl_context_add_rt_account_async (self->context, self->tested_url, self->identity->user,
                                   self->tested_token, self->cancellable,
                                   added_cb, g_object_ref (self));
}

static void
on_cancel_clicked_cb (FlConnectDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
wipe (char **secret)
{
  if (*secret != NULL)
    {
      memset (*secret, 0, strlen (*secret));
      g_clear_pointer (secret, g_free);
    }
}

static void
fl_connect_dialog_dispose (GObject *object)
{
  FlConnectDialog *self = (FlConnectDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (fl_connect_dialog_parent_class)->dispose (object);
}

static void
fl_connect_dialog_finalize (GObject *object)
{
  FlConnectDialog *self = (FlConnectDialog *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->identity, fl_rt_identity_free);
  g_clear_pointer (&self->tested_url, g_free);
  wipe (&self->tested_token);

  G_OBJECT_CLASS (fl_connect_dialog_parent_class)->finalize (object);
}

static void
fl_connect_dialog_class_init (FlConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_connect_dialog_dispose;
  object_class->finalize = fl_connect_dialog_finalize;

  /**
   * FlConnectDialog::connected:
   * @account: the account, added or given a new token
   */
  signals [CONNECTED] =
    g_signal_new ("connected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FL_TYPE_ACCOUNT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FlConnectDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, FlConnectDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, FlConnectDialog, test_button);
  gtk_widget_class_bind_template_child (widget_class, FlConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, FlConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, FlConnectDialog, result_group);
  gtk_widget_class_bind_template_child (widget_class, FlConnectDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, FlConnectDialog, queues_row);
  gtk_widget_class_bind_template_child (widget_class, FlConnectDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fl_connect_dialog_init (FlConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * fl_connect_dialog_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new dialog; it destroys itself when closed
 */
FlConnectDialog *
fl_connect_dialog_new (FlContext *context,
                       GtkWindow *parent)
{
  FlConnectDialog *self = g_object_new (FL_TYPE_CONNECT_DIALOG,
                                        "transient-for", parent,
                                        NULL);

  self->context = g_object_ref (context);
  return self;
}

/**
 * fl_connect_dialog_set_url:
 * @editable: %FALSE to ask only for a new token for this server
 */
void
fl_connect_dialog_set_url (FlConnectDialog *self,
                           const char      *url,
                           gboolean         editable)
{
  g_return_if_fail (FL_IS_CONNECT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url ? url : "");
  gtk_editable_set_editable (GTK_EDITABLE (self->url_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->url_row), editable);
  gtk_widget_grab_focus (GTK_WIDGET (editable ? (GtkWidget *) self->url_row : (GtkWidget *) self->token_row));
}
