/* fl-attachment-cache.h: attachment files on this computer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fl-attachment.h"
#include "fl-backend.h"

G_BEGIN_DECLS

/**
 * FL_ATTACHMENT_MAX_TOTAL_BYTES:
 *
 * What all the files of one message may weigh together, at least: mail
 * servers commonly refuse messages over 25 MB.
 */
#define FL_ATTACHMENT_MAX_TOTAL_BYTES ((gint64) 25 * 1000 * 1000)

char     *fl_attachment_cache_path         (const char           *data_dir,
                                            gint64                account_id,
                                            const char           *remote_id,
                                            const char           *name);
gboolean  fl_attachment_cache_adopt        (const char           *data_dir,
                                            gint64                account_id,
                                            const char           *remote_id,
                                            const char           *path,
                                            GError              **error);
void      fl_attachment_cache_fetch_async  (FlBackend            *backend,
                                            FlAttachment         *attachment,
                                            const char           *data_dir,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GFile    *fl_attachment_cache_fetch_finish (FlBackend            *backend,
                                            GAsyncResult         *result,
                                            GError              **error);
char     *fl_attachment_save_copy          (const char           *source,
                                            const char           *dir,
                                            const char           *name,
                                            GError              **error);
gboolean  fl_attachment_check_size         (const char           *name,
                                            gint64                size,
                                            gint64                total,
                                            gint64                limit,
                                            GError              **error);
char     *fl_attachment_outgoing_dir       (const char           *data_dir);

G_END_DECLS
