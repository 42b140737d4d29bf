/* fl-sync-engine.h: brings a backend's records into the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fl-backend.h"
#include "fl-store.h"
#include "fl-types.h"

G_BEGIN_DECLS

#define FL_TYPE_SYNC_ENGINE (fl_sync_engine_get_type ())

G_DECLARE_FINAL_TYPE (FlSyncEngine, fl_sync_engine, FL, SYNC_ENGINE, GObject)

FlSyncEngine *fl_sync_engine_new         (FlStore             *store);
void          fl_sync_engine_sync_async  (FlSyncEngine        *self,
                                          FlBackend           *backend,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
guint         fl_sync_engine_sync_finish (FlSyncEngine        *self,
                                          GAsyncResult        *result,
                                          GError             **error);
guint         fl_sync_engine_get_n_running (FlSyncEngine      *self);

G_END_DECLS
