/* fl-backend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-backend"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>

#include "fl-backend.h"
#include "fl-format.h"

/**
 * FlBackend:
 *
 * A helpdesk: the demo workspace, Request Tracker, later Zendesk and
 * others. A backend belongs to one #FlAccount. It fetches records in
 * batches that the sync engine writes to the store; a batch carries an
 * opaque cursor, and fetching from a cursor continues where that batch
 * ended, so an interrupted sync resumes.
 */

/* Errors carry what the server said about when to try again. */
typedef struct
{
  gint64 retry_after;
} FlBackendErrorPrivate;

static void
fl_backend_error_private_init (FlBackendErrorPrivate *priv)
{
  priv->retry_after = 0;
}

static void
fl_backend_error_private_copy (const FlBackendErrorPrivate *src,
                               FlBackendErrorPrivate       *dest)
{
  dest->retry_after = src->retry_after;
}

static void
fl_backend_error_private_clear (FlBackendErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (FlBackendError, fl_backend_error)

/**
 * fl_backend_error_set_retry_after:
 * @seconds: what the server's Retry-After said
 */
void
fl_backend_error_set_retry_after (GError *error,
                                  gint64  seconds)
{
  FlBackendErrorPrivate *priv = fl_backend_error_get_private (error);

  if (priv != NULL)
    priv->retry_after = seconds;
}

/**
 * fl_backend_error_get_retry_after:
 *
 * Returns: the seconds the server asked to wait, or 0
 */
gint64
fl_backend_error_get_retry_after (const GError *error)
{
  FlBackendErrorPrivate *priv = error ? fl_backend_error_get_private (error) : NULL;

  return priv ? priv->retry_after : 0;
}

G_DEFINE_FLAGS_TYPE (FlBackendCapabilities, fl_backend_capabilities,
  G_DEFINE_ENUM_VALUE (FL_BACKEND_CAP_NONE, "none"),
  G_DEFINE_ENUM_VALUE (FL_BACKEND_CAP_MENTIONS, "mentions"),
  G_DEFINE_ENUM_VALUE (FL_BACKEND_CAP_WATCHERS, "watchers"),
  G_DEFINE_ENUM_VALUE (FL_BACKEND_CAP_SLA_FIELDS, "sla-fields"),
  G_DEFINE_ENUM_VALUE (FL_BACKEND_CAP_MACROS, "macros"),
  G_DEFINE_ENUM_VALUE (FL_BACKEND_CAP_CSAT, "csat"),
  G_DEFINE_ENUM_VALUE (FL_BACKEND_CAP_ATTACHMENTS, "attachments"),
  G_DEFINE_ENUM_VALUE (FL_BACKEND_CAP_LOCAL, "local"))

G_DEFINE_INTERFACE (FlBackend, fl_backend, G_TYPE_OBJECT)

static void
fl_backend_default_init (FlBackendInterface *iface)
{
  /**
   * FlBackend:account:
   *
   * The account this backend serves.
   */
  g_object_interface_install_property (iface,
    g_param_spec_object ("account", NULL, NULL,
                         FL_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)));
}

/**
 * fl_backend_get_account:
 *
 * Returns: (transfer none): the account
 */
FlAccount *
fl_backend_get_account (FlBackend *self)
{
  g_autoptr(FlAccount) account = NULL;

  g_return_val_if_fail (FL_IS_BACKEND (self), NULL);

  g_object_get (self, "account", &account, NULL);

  /* The backend holds its own reference for its whole life. */
  return account;
}

FlBackendCapabilities
fl_backend_get_capabilities (FlBackend *self)
{
  g_return_val_if_fail (FL_IS_BACKEND (self), FL_BACKEND_CAP_NONE);

  return FL_BACKEND_GET_IFACE (self)->get_capabilities (self);
}

/**
 * fl_backend_fetch_async:
 * @cursor: (nullable): where the previous batch ended, or %NULL to start
 *   a full sync
 *
 * Fetches the next batch of records.
 */
void
fl_backend_fetch_async (FlBackend           *self,
                        const char          *cursor,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (FL_IS_BACKEND (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  FL_BACKEND_GET_IFACE (self)->fetch_async (self, cursor, cancellable, callback, user_data);
}

/**
 * fl_backend_fetch_finish:
 *
 * Returns: (transfer full): the batch, or %NULL with @error set in the
 *   %FL_BACKEND_ERROR domain (or %G_IO_ERROR_CANCELLED)
 */
FlSyncBatch *
fl_backend_fetch_finish (FlBackend     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (FL_IS_BACKEND (self), NULL);

  return FL_BACKEND_GET_IFACE (self)->fetch_finish (self, result, error);
}

/**
 * fl_backend_send_async:
 * @item: a committed outbox item
 *
 * Sends one outbox item. A backend must:
 *
 * - when the item's outcome is unknown (an earlier attempt may have
 *   reached the server), look for its marker first and report success if
 *   it is there, so nothing is sent twice;
 * - for a reply not forced, fail with %FL_BACKEND_ERROR_STALE when
 *   someone else replied after the item's seen-until time;
 * - never report success from a status code alone: check that the server
 *   made the change, or fail with %FL_BACKEND_ERROR_REJECTED.
 */
void
fl_backend_send_async (FlBackend           *self,
                       FlOutboxItem        *item,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (FL_IS_BACKEND (self));
  g_return_if_fail (FL_IS_OUTBOX_ITEM (item));

  if (FL_BACKEND_GET_IFACE (self)->send_async == NULL)
    {
      g_task_report_new_error (self, callback, user_data, fl_backend_send_async,
                               FL_BACKEND_ERROR, FL_BACKEND_ERROR_UNSUPPORTED,
                               _("This helpdesk does not support that."));
      return;
    }

  FL_BACKEND_GET_IFACE (self)->send_async (self, item, cancellable, callback, user_data);
}

gboolean
fl_backend_send_finish (FlBackend     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (FL_IS_BACKEND (self), FALSE);

  if (g_async_result_is_tagged (result, fl_backend_send_async))
    return g_task_propagate_boolean (G_TASK (result), error);

  return FL_BACKEND_GET_IFACE (self)->send_finish (self, result, error);
}

typedef struct
{
  GFile  *dest;
  char   *name;
  GBytes *bytes;
} Download;

static void
download_free (Download *d)
{
  g_clear_object (&d->dest);
  g_free (d->name);
  g_clear_pointer (&d->bytes, g_bytes_unref);
  g_free (d);
}

static void
set_too_large (GError     **error,
               const char  *name)
{
  g_autofree char *limit = fl_format_size (FL_BACKEND_MAX_DOWNLOAD_BYTES);

  /* Translators: %s are a file name and a size such as "100 MB" */
  g_set_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_TOO_LARGE,
               _("“%s” is too large to download: Frontline opens files up to %s."),
               name, limit);
}

/* A file appears whole or not at all: written to a temporary file next
 * to it, flushed, then renamed over the name. */
static void
download_write_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  Download *d = task_data;
  g_autofree char *path = g_file_get_path (d->dest);
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Could not save “%s”: the folder is not on this computer."), d->name);
      return;
    }

  dir = g_path_get_dirname (path);
  data = g_bytes_get_data (d->bytes, &len);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s", g_strerror (saved_errno));
    }
  else
    g_file_set_contents_full (path, data ? data : "", len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);

  if (error != NULL)
    {
      g_debug ("Could not write %s: %s", path, error->message);
      /* Translators: %s is a file name, then why it could not be written */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not save “%s”: %s"),
                               d->name, error->message);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
downloaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *d = g_task_get_task_data (task);
  GError *error = NULL;

  d->bytes = FL_BACKEND_GET_IFACE (object)->download_attachment_finish (FL_BACKEND (object), result, &error);
  if (d->bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if ((gint64) g_bytes_get_size (d->bytes) > FL_BACKEND_MAX_DOWNLOAD_BYTES)
    {
      set_too_large (&error, d->name);
      g_task_return_error (task, error);
      return;
    }

  g_task_run_in_thread (task, download_write_thread);
}

/**
 * fl_backend_download_attachment_async:
 * @attachment: an attachment of a message this backend fetched
 * @dest: where to write its content; the folder is made if needed
 *
 * Downloads an attachment's content into @dest, atomically: @dest is
 * either absent or complete. Files announced or found larger than
 * %FL_BACKEND_MAX_DOWNLOAD_BYTES are refused with
 * %FL_BACKEND_ERROR_TOO_LARGE, and a backend that cannot download fails
 * with %FL_BACKEND_ERROR_UNSUPPORTED.
 */
void
fl_backend_download_attachment_async (FlBackend           *self,
                                      FlAttachment        *attachment,
                                      GFile               *dest,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Download *d;

  g_return_if_fail (FL_IS_BACKEND (self));
  g_return_if_fail (FL_IS_ATTACHMENT (attachment));
  g_return_if_fail (G_IS_FILE (dest));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_backend_download_attachment_async);
  d = g_new0 (Download, 1);
  d->dest = g_object_ref (dest);
  d->name = g_strdup (fl_attachment_get_name (attachment) ?: "");
  g_task_set_task_data (task, d, (GDestroyNotify) download_free);

  if (FL_BACKEND_GET_IFACE (self)->download_attachment_async == NULL)
    {
      g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_UNSUPPORTED,
                               _("This helpdesk does not support that."));
      return;
    }

  if (fl_attachment_get_size (attachment) > FL_BACKEND_MAX_DOWNLOAD_BYTES)
    {
      set_too_large (&error, d->name);
      g_task_return_error (task, error);
      return;
    }

  FL_BACKEND_GET_IFACE (self)->download_attachment_async (self, attachment, cancellable,
                                                          downloaded_cb, g_steal_pointer (&task));
}

gboolean
fl_backend_download_attachment_finish (FlBackend     *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (FL_IS_BACKEND (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * fl_backend_get_max_attachment_size:
 *
 * Returns: the most bytes one attached file may have for this helpdesk to
 *   accept it
 */
gint64
fl_backend_get_max_attachment_size (FlBackend *self)
{
  g_return_val_if_fail (FL_IS_BACKEND (self), FL_BACKEND_DEFAULT_MAX_UPLOAD_BYTES);

  if (FL_BACKEND_GET_IFACE (self)->get_max_attachment_size == NULL)
    return FL_BACKEND_DEFAULT_MAX_UPLOAD_BYTES;

  return FL_BACKEND_GET_IFACE (self)->get_max_attachment_size (self);
}

/**
 * fl_backend_error_is_transient:
 *
 * Returns: whether trying again later may work: the network, a timeout,
 *   a busy or failing server
 */
gboolean
fl_backend_error_is_transient (const GError *error)
{
  if (error == NULL || error->domain != FL_BACKEND_ERROR)
    return FALSE;

  switch ((FlBackendError) error->code)
    {
    case FL_BACKEND_ERROR_RATE_LIMITED:
    case FL_BACKEND_ERROR_SERVER:
    case FL_BACKEND_ERROR_NETWORK:
    case FL_BACKEND_ERROR_TIMEOUT:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * fl_backend_error_to_string:
 *
 * Returns: (transfer none): a translated sentence for an agent, saying
 *   what went wrong without technical detail
 */
const char *
fl_backend_error_to_string (const GError *error)
{
  if (error == NULL || error->domain != FL_BACKEND_ERROR)
    return _("Something went wrong. Try again later.");

  switch ((FlBackendError) error->code)
    {
    case FL_BACKEND_ERROR_NOT_AUTHORIZED:
      return _("The server rejected the token.");
    case FL_BACKEND_ERROR_FORBIDDEN:
      return _("Your account is not allowed to do this.");
    case FL_BACKEND_ERROR_NOT_FOUND:
      return _("The ticket or record no longer exists on the server.");
    case FL_BACKEND_ERROR_CONFLICT:
      return _("Someone else changed this at the same time.");
    case FL_BACKEND_ERROR_RATE_LIMITED:
      return _("The server asked to slow down. Frontline will try again shortly.");
    case FL_BACKEND_ERROR_SERVER:
      return _("The server had a problem. Frontline will try again.");
    case FL_BACKEND_ERROR_NETWORK:
      return _("The server cannot be reached. Check the network connection.");
    case FL_BACKEND_ERROR_TIMEOUT:
      return _("The server took too long to answer.");
    case FL_BACKEND_ERROR_TLS:
      return _("The server’s certificate is not trusted, so Frontline did not connect.");
    case FL_BACKEND_ERROR_INVALID_RESPONSE:
      return _("The server sent an answer Frontline does not understand.");
    case FL_BACKEND_ERROR_TOO_LARGE:
      return _("The server’s answer was too large.");
    case FL_BACKEND_ERROR_UNSUPPORTED:
      return _("This helpdesk does not support that.");
    case FL_BACKEND_ERROR_STALE:
      return _("Someone else replied while you were writing.");
    case FL_BACKEND_ERROR_REJECTED:
      return _("The server did not make the change.");
    case FL_BACKEND_ERROR_FAILED:
    default:
      return _("Something went wrong. Try again later.");
    }
}
