/* fl-types.h: forward declarations of every Frontline core type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _FlAccount          FlAccount;
typedef struct _FlAgent            FlAgent;
typedef struct _FlAttachment       FlAttachment;
typedef struct _FlBackend          FlBackend;
typedef struct _FlContext          FlContext;
typedef struct _FlCustomer         FlCustomer;
typedef struct _FlDemoBackend      FlDemoBackend;
typedef struct _FlMessage          FlMessage;
typedef struct _FlOutbox           FlOutbox;
typedef struct _FlQuery            FlQuery;
typedef struct _FlStore            FlStore;
typedef struct _FlSyncBatch        FlSyncBatch;
typedef struct _FlSyncEngine       FlSyncEngine;
typedef struct _FlTemplate         FlTemplate;
typedef struct _FlTicket           FlTicket;
typedef struct _FlTicketListModel  FlTicketListModel;

G_END_DECLS
