/* fl-credentials.h: API tokens in the keyring, and nowhere else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

const SecretSchema *fl_credentials_get_schema   (void);

gboolean  fl_credentials_store_sync   (const char    *server,
                                       const char    *user,
                                       const char    *token,
                                       GCancellable  *cancellable,
                                       GError       **error);
char     *fl_credentials_lookup_sync  (const char    *server,
                                       const char    *user,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean  fl_credentials_clear_sync   (const char    *server,
                                       const char    *user,
                                       GCancellable  *cancellable,
                                       GError       **error);
void      fl_credentials_free_token   (char          *token);

void      fl_credentials_store_async  (const char          *server,
                                       const char          *user,
                                       const char          *token,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  fl_credentials_store_finish (GAsyncResult        *result,
                                       GError             **error);
void      fl_credentials_lookup_async (const char          *server,
                                       const char          *user,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
char     *fl_credentials_lookup_finish (GAsyncResult       *result,
                                        GError            **error);
void      fl_credentials_clear_async  (const char          *server,
                                       const char          *user,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  fl_credentials_clear_finish (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
