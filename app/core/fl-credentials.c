/* fl-credentials.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-credentials"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-credentials.h"

/* Tokens are stored with one #SecretSchema named after the application,
 * keyed by the server URL and the user. They never go to the database,
 * GSettings or a log. The `_async` variants are for the UI thread.
 */

const SecretSchema *
fl_credentials_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.frontline.Frontline", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
keyring_error (GError     **error,
               GError      *cause,
               const char  *what)
{
  g_debug ("%s: %s", what, cause->message);
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, cause);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The keyring could not be used: %s"), cause->message);
      g_error_free (cause);
    }
}

/**
 * fl_credentials_store_sync:
 *
 * Stores @token for @user on @server, replacing any earlier one. Blocks:
 * call from a worker thread.
 */
gboolean
fl_credentials_store_sync (const char    *server,
                           const char    *user,
                           const char    *token,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *label = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (server != NULL && user != NULL && token != NULL, FALSE);

  /* Translators: the label of the token in the keyring; %s is a server */
  label = g_strdup_printf (_("Frontline token for %s"), server);
  if (!secret_password_store_sync (fl_credentials_get_schema (), SECRET_COLLECTION_DEFAULT,
                                   label, token, cancellable, &local_error,
                                   "server", server, "user", user, NULL))
    {
      keyring_error (error, local_error, "store");
      return FALSE;
    }

  return TRUE;
}

/**
 * fl_credentials_lookup_sync:
 *
 * Returns: (transfer full) (nullable): the token, to free with
 *   fl_credentials_free_token(); %NULL without error when there is none
 */
char *
fl_credentials_lookup_sync (const char    *server,
                            const char    *user,
                            GCancellable  *cancellable,
                            GError       **error)
{
  GError *local_error = NULL;
  char *token;

  token = secret_password_lookup_sync (fl_credentials_get_schema (), cancellable, &local_error,
                                       "server", server, "user", user, NULL);
  if (local_error != NULL)
    {
      keyring_error (error, local_error, "lookup");
      return NULL;
    }

  return token;
}

/**
 * fl_credentials_clear_sync:
 *
 * Removes the token, if any.
 */
gboolean
fl_credentials_clear_sync (const char    *server,
                           const char    *user,
                           GCancellable  *cancellable,
                           GError       **error)
{
  GError *local_error = NULL;

  secret_password_clear_sync (fl_credentials_get_schema (), cancellable, &local_error,
                              "server", server, "user", user, NULL);
  if (local_error != NULL)
    {
      keyring_error (error, local_error, "clear");
      return FALSE;
    }

  return TRUE;
}

/**
 * fl_credentials_free_token:
 *
 * Wipes and frees a token from fl_credentials_lookup_sync().
 */
void
fl_credentials_free_token (char *token)
{
  if (token != NULL)
    secret_password_free (token);
}

typedef struct
{
  char *server;
  char *user;
  char *token;
} Op;

static void
op_free (Op *op)
{
  g_free (op->server);
  g_free (op->user);
  if (op->token != NULL)
    secret_password_wipe (op->token);
  g_free (op->token);
  g_free (op);
}

static GTask *
op_task (gpointer             source_tag,
         const char          *server,
         const char          *user,
         const char          *token,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Op *op = g_new0 (Op, 1);

  op->server = g_strdup (server);
  op->user = g_strdup (user);
  op->token = g_strdup (token);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  return task;
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Op *op = task_data;
  GError *error = NULL;

  if (fl_credentials_store_sync (op->server, op->user, op->token, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fl_credentials_store_async (const char          *server,
                            const char          *user,
                            const char          *token,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = op_task (fl_credentials_store_async, server, user, token,
                                   cancellable, callback, user_data);
  g_task_run_in_thread (task, store_thread);
}

gboolean
fl_credentials_store_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Op *op = task_data;
  GError *error = NULL;
  char *token = fl_credentials_lookup_sync (op->server, op->user, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, (GDestroyNotify) fl_credentials_free_token);
}

void
fl_credentials_lookup_async (const char          *server,
                             const char          *user,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = op_task (fl_credentials_lookup_async, server, user, NULL,
                                   cancellable, callback, user_data);
  g_task_run_in_thread (task, lookup_thread);
}

/**
 * fl_credentials_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the token, to free with
 *   fl_credentials_free_token()
 */
char *
fl_credentials_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Op *op = task_data;
  GError *error = NULL;

  if (fl_credentials_clear_sync (op->server, op->user, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fl_credentials_clear_async (const char          *server,
                            const char          *user,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = op_task (fl_credentials_clear_async, server, user, NULL,
                                   cancellable, callback, user_data);
  g_task_run_in_thread (task, clear_thread);
}

gboolean
fl_credentials_clear_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
