/* fl-backend.h: the interface every helpdesk backend implements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fl-account.h"
#include "fl-attachment.h"
#include "fl-outbox-item.h"
#include "fl-sync-batch.h"
#include "fl-types.h"

G_BEGIN_DECLS

/**
 * FlBackendCapabilities:
 * @FL_BACKEND_CAP_MENTIONS: the server understands mentions natively
 * @FL_BACKEND_CAP_WATCHERS: tickets have followers (watchers, CCs)
 * @FL_BACKEND_CAP_SLA_FIELDS: the server has its own due dates
 * @FL_BACKEND_CAP_MACROS: the server has macros
 * @FL_BACKEND_CAP_CSAT: the server collects satisfaction ratings
 * @FL_BACKEND_CAP_ATTACHMENTS: messages can carry attachments
 * @FL_BACKEND_CAP_LOCAL: there is no server: what is sent is applied to
 *   the store directly (the demo workspace)
 *
 * What a backend can do, so the UI offers only what works.
 */
typedef enum /*< flags >*/
{
  FL_BACKEND_CAP_NONE        = 0,
  FL_BACKEND_CAP_MENTIONS    = 1 << 0,
  FL_BACKEND_CAP_WATCHERS    = 1 << 1,
  FL_BACKEND_CAP_SLA_FIELDS  = 1 << 2,
  FL_BACKEND_CAP_MACROS      = 1 << 3,
  FL_BACKEND_CAP_CSAT        = 1 << 4,
  FL_BACKEND_CAP_ATTACHMENTS = 1 << 5,
  FL_BACKEND_CAP_LOCAL       = 1 << 6,
} FlBackendCapabilities;

/**
 * FL_BACKEND_MAX_DOWNLOAD_BYTES:
 *
 * The largest attachment Frontline downloads; anything larger is an
 * absurd size for a support conversation, or a hostile server.
 */
#define FL_BACKEND_MAX_DOWNLOAD_BYTES ((gint64) 100 * 1024 * 1024)

/**
 * FL_BACKEND_DEFAULT_MAX_UPLOAD_BYTES:
 *
 * What one attached file may weigh when a backend does not say:
 * Request Tracker's default $MaxAttachmentSize.
 */
#define FL_BACKEND_DEFAULT_MAX_UPLOAD_BYTES ((gint64) 10 * 1024 * 1024)

#define FL_BACKEND_ERROR (fl_backend_error_quark ())

/**
 * FlBackendError:
 *
 * Every way a backend call can fail. The UI maps each code to a
 * translated sentence and an action; technical detail goes to g_debug().
 */
typedef enum
{
  FL_BACKEND_ERROR_FAILED,
  FL_BACKEND_ERROR_NOT_AUTHORIZED,
  FL_BACKEND_ERROR_FORBIDDEN,
  FL_BACKEND_ERROR_NOT_FOUND,
  FL_BACKEND_ERROR_CONFLICT,
  FL_BACKEND_ERROR_RATE_LIMITED,
  FL_BACKEND_ERROR_SERVER,
  FL_BACKEND_ERROR_NETWORK,
  FL_BACKEND_ERROR_TIMEOUT,
  FL_BACKEND_ERROR_TLS,
  FL_BACKEND_ERROR_INVALID_RESPONSE,
  FL_BACKEND_ERROR_TOO_LARGE,
  FL_BACKEND_ERROR_UNSUPPORTED,
  FL_BACKEND_ERROR_STALE,
  FL_BACKEND_ERROR_REJECTED,
} FlBackendError;

#define FL_TYPE_BACKEND_CAPABILITIES (fl_backend_capabilities_get_type ())
#define FL_TYPE_BACKEND (fl_backend_get_type ())

G_DECLARE_INTERFACE (FlBackend, fl_backend, FL, BACKEND, GObject)

struct _FlBackendInterface
{
  GTypeInterface parent_iface;

  FlBackendCapabilities (*get_capabilities) (FlBackend           *self);
  void                  (*fetch_async)      (FlBackend           *self,
                                             const char          *cursor,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
  FlSyncBatch          *(*fetch_finish)     (FlBackend           *self,
                                             GAsyncResult        *result,
                                             GError             **error);
  void                  (*send_async)       (FlBackend           *self,
                                             FlOutboxItem        *item,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
  gboolean              (*send_finish)      (FlBackend           *self,
                                             GAsyncResult        *result,
                                             GError             **error);

  /* Optional. */
  void                  (*download_attachment_async)  (FlBackend           *self,
                                                       FlAttachment        *attachment,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
  GBytes               *(*download_attachment_finish) (FlBackend           *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
  gint64                (*get_max_attachment_size)    (FlBackend           *self);
};

GQuark                 fl_backend_error_quark           (void);
GType                  fl_backend_capabilities_get_type (void) G_GNUC_CONST;

FlAccount             *fl_backend_get_account           (FlBackend           *self);
FlBackendCapabilities  fl_backend_get_capabilities      (FlBackend           *self);
void                   fl_backend_fetch_async           (FlBackend           *self,
                                                         const char          *cursor,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
FlSyncBatch           *fl_backend_fetch_finish          (FlBackend           *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
void                   fl_backend_send_async            (FlBackend           *self,
                                                         FlOutboxItem        *item,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean               fl_backend_send_finish           (FlBackend           *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
void                   fl_backend_download_attachment_async  (FlBackend           *self,
                                                              FlAttachment        *attachment,
                                                              GFile               *dest,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
gboolean               fl_backend_download_attachment_finish (FlBackend           *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);
gint64                 fl_backend_get_max_attachment_size    (FlBackend           *self);
const char            *fl_backend_error_to_string       (const GError        *error);
gboolean               fl_backend_error_is_transient    (const GError        *error);
void                   fl_backend_error_set_retry_after (GError              *error,
                                                         gint64               seconds);
gint64                 fl_backend_error_get_retry_after (const GError        *error);

G_END_DECLS
