/* fl-backend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-backend"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-backend.h"

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
