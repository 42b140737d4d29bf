/* fl-store.h: the local SQLite cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fl-account.h"
#include "fl-agent.h"
#include "fl-customer.h"
#include "fl-customer-history.h"
#include "fl-message.h"
#include "fl-metrics.h"
#include "fl-outbox-item.h"
#include "fl-query.h"
#include "fl-sla.h"
#include "fl-sync-batch.h"
#include "fl-template.h"
#include "fl-ticket.h"
#include "fl-types.h"

G_BEGIN_DECLS

#define FL_STORE_SCHEMA_VERSION 13

#define FL_STORE_ERROR (fl_store_error_quark ())

typedef enum
{
  FL_STORE_ERROR_FAILED,
  FL_STORE_ERROR_CORRUPT,
  FL_STORE_ERROR_TOO_NEW,
  FL_STORE_ERROR_NOT_FOUND,
} FlStoreError;

#define FL_TYPE_STORE (fl_store_get_type ())

G_DECLARE_FINAL_TYPE (FlStore, fl_store, FL, STORE, GObject)

GQuark       fl_store_error_quark          (void);

FlStore     *fl_store_open                 (const char          *path,
                                            GError             **error);
void         fl_store_open_async           (const char          *path,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
FlStore     *fl_store_open_finish          (GAsyncResult        *result,
                                            GError             **error);
const char  *fl_store_get_path             (FlStore             *self);
int          fl_store_get_schema_version   (FlStore             *self);

/* Blocking calls: for worker threads, the sync engine and tests. */
GPtrArray   *fl_store_list_accounts        (FlStore             *self,
                                            GError             **error);
gboolean     fl_store_save_account         (FlStore             *self,
                                            FlAccount           *account,
                                            GError             **error);
gboolean     fl_store_remove_account       (FlStore             *self,
                                            gint64               account_id,
                                            GError             **error);
gboolean     fl_store_apply_batch          (FlStore             *self,
                                            gint64               account_id,
                                            FlSyncBatch         *batch,
                                            GError             **error);
char        *fl_store_get_sync_cursor      (FlStore             *self,
                                            gint64               account_id,
                                            GError             **error);
gboolean     fl_store_save_templates       (FlStore             *self,
                                            GPtrArray           *templates,
                                            GError             **error);
GPtrArray   *fl_store_list_templates       (FlStore             *self,
                                            GError             **error);
GArray      *fl_store_query_ids            (FlStore             *self,
                                            const FlQuery       *query,
                                            GError             **error);
GArray      *fl_store_query_first_ids      (FlStore             *self,
                                            const FlQuery       *query,
                                            guint                limit,
                                            GError             **error);
GArray      *fl_store_query_page           (FlStore             *self,
                                            const FlQuery       *query,
                                            guint                limit,
                                            guint                n_preload,
                                            GPtrArray          **preloaded,
                                            GError             **error);
guint        fl_store_count                (FlStore             *self,
                                            const FlQuery       *query,
                                            GError             **error);
GArray      *fl_store_count_many           (FlStore             *self,
                                            GPtrArray           *queries,
                                            GError             **error);
FlTicket    *fl_store_load_ticket          (FlStore             *self,
                                            gint64               ticket_id,
                                            GError             **error);
GPtrArray   *fl_store_load_tickets         (FlStore             *self,
                                            const gint64        *ids,
                                            guint                n_ids,
                                            GError             **error);
GPtrArray   *fl_store_load_messages        (FlStore             *self,
                                            gint64               ticket_id,
                                            GError             **error);
FlCustomer  *fl_store_load_customer        (FlStore             *self,
                                            gint64               customer_id,
                                            GError             **error);
FlCustomerHistory *fl_store_load_customer_history (FlStore     *self,
                                                 gint64       customer_id,
                                                 GError     **error);
GHashTable  *fl_store_count_open_by_agent (FlStore           *self,
                                           gint64             account_id,
                                           GError           **error);
GArray      *fl_store_list_follower_ids   (FlStore           *self,
                                           gint64             ticket_id,
                                           GError           **error);
GArray      *fl_store_list_unseen_mentions (FlStore          *self,
                                            gint64            ticket_id,
                                            GError          **error);
gboolean     fl_store_mark_mentions_seen  (FlStore           *self,
                                           gint64             ticket_id,
                                           GError           **error);
void         fl_store_mark_mentions_seen_async (FlStore      *self,
                                                gint64        ticket_id);
GPtrArray   *fl_store_list_agents          (FlStore             *self,
                                            gint64               account_id,
                                            GError             **error);
gboolean     fl_store_save_draft           (FlStore             *self,
                                            gint64               ticket_id,
                                            const char          *text,
                                            gboolean             note,
                                            gint64               revision,
                                            GError             **error);
char        *fl_store_load_draft           (FlStore             *self,
                                            gint64               ticket_id,
                                            gboolean            *note,
                                            GError             **error);
gboolean     fl_store_save_draft_attachments (FlStore            *self,
                                              gint64              ticket_id,
                                              const char * const *paths,
                                              gint64              revision,
                                              GError            **error);
char       **fl_store_load_draft_attachments (FlStore            *self,
                                              gint64              ticket_id,
                                              GError            **error);
void         fl_store_save_draft_attachments_async (FlStore            *self,
                                                    gint64              ticket_id,
                                                    const char * const *paths,
                                                    gint64              revision);
void         fl_store_save_draft_async     (FlStore             *self,
                                            gint64               ticket_id,
                                            const char          *text,
                                            gboolean             note,
                                            gint64               revision,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean     fl_store_save_draft_finish    (FlStore             *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void         fl_store_load_draft_async     (FlStore             *self,
                                            gint64               ticket_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
char        *fl_store_load_draft_finish    (FlStore             *self,
                                            GAsyncResult        *result,
                                            gboolean            *note,
                                            GError             **error);
gboolean     fl_store_set_unread           (FlStore             *self,
                                            gint64               ticket_id,
                                            gboolean             unread,
                                            GError             **error);

/* SLA policies (fl-store-sla.c) */
FlSlaPolicy *fl_store_load_sla_policy      (FlStore             *self,
                                            gint64               account_id,
                                            GError             **error);
GHashTable  *fl_store_load_sla_policies    (FlStore             *self,
                                            GError             **error);
gboolean     fl_store_save_sla_policy      (FlStore             *self,
                                            gint64               account_id,
                                            const FlSlaPolicy   *policy,
                                            GError             **error);
void         fl_store_load_sla_policies_async  (FlStore             *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GHashTable  *fl_store_load_sla_policies_finish (FlStore             *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void         fl_store_save_sla_policy_async    (FlStore             *self,
                                                gint64               account_id,
                                                const FlSlaPolicy   *policy,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean     fl_store_save_sla_policy_finish   (FlStore             *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* Metrics (fl-store-metrics.c) */
FlMetrics   *fl_store_load_metrics         (FlStore               *self,
                                            const FlMetricsFilter *filter,
                                            GTimeZone             *tz,
                                            GError               **error);
void         fl_store_load_metrics_async   (FlStore               *self,
                                            const FlMetricsFilter *filter,
                                            GTimeZone             *tz,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data);
FlMetrics   *fl_store_load_metrics_finish  (FlStore               *self,
                                            GAsyncResult          *result,
                                            GError               **error);

/* The outbox */
gboolean     fl_store_outbox_add           (FlStore             *self,
                                            FlOutboxItem        *item,
                                            GError             **error);
gboolean     fl_store_outbox_update        (FlStore             *self,
                                            FlOutboxItem        *item,
                                            GError             **error);
GPtrArray   *fl_store_outbox_list          (FlStore             *self,
                                            gboolean             pending_only,
                                            GError             **error);
gboolean     fl_store_outbox_claim         (FlStore             *self,
                                            FlOutboxItem        *item,
                                            GError             **error);
gboolean     fl_store_outbox_apply_local   (FlStore             *self,
                                            FlOutboxItem        *item,
                                            const char          *author,
                                            const char          *author_email,
                                            GError             **error);

/* Asynchronous calls: the UI thread uses only these. */
void         fl_store_query_ids_async      (FlStore             *self,
                                            const FlQuery       *query,
                                            guint                limit,
                                            guint                n_preload,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GArray      *fl_store_query_ids_finish     (FlStore             *self,
                                            GAsyncResult        *result,
                                            GPtrArray          **preloaded,
                                            GError             **error);
void         fl_store_load_tickets_async   (FlStore             *self,
                                            const gint64        *ids,
                                            guint                n_ids,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray   *fl_store_load_tickets_finish  (FlStore             *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void         fl_store_count_many_async     (FlStore             *self,
                                            GPtrArray           *queries,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GArray      *fl_store_count_many_finish    (FlStore             *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void         fl_store_load_messages_async  (FlStore             *self,
                                            gint64               ticket_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray   *fl_store_load_messages_finish (FlStore             *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void         fl_store_load_customer_history_async  (FlStore             *self,
                                                    gint64               customer_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
FlCustomerHistory *fl_store_load_customer_history_finish (FlStore      *self,
                                                          GAsyncResult *result,
                                                          GError      **error);
void         fl_store_list_accounts_async  (FlStore             *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray   *fl_store_list_accounts_finish (FlStore             *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void         fl_store_set_unread_async     (FlStore             *self,
                                            gint64               ticket_id,
                                            gboolean             unread,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean     fl_store_set_unread_finish    (FlStore             *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/**
 * FlSavedSearch:
 * @id: the row id
 * @name: what the agent called it
 * @base_view: the nick of the view it narrows ("inbox", "channel:email", …)
 * @text: the search, in the query language of fl-search.h
 */
typedef struct
{
  gint64  id;
  char   *name;
  char   *base_view;
  char   *text;
} FlSavedSearch;

void         fl_saved_search_free          (FlSavedSearch       *search);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlSavedSearch, fl_saved_search_free)

GPtrArray   *fl_store_list_saved_searches  (FlStore             *self,
                                            GError             **error);
gint64       fl_store_add_saved_search     (FlStore             *self,
                                            const char          *name,
                                            const char          *base_view,
                                            const char          *text,
                                            GError             **error);
gboolean     fl_store_rename_saved_search  (FlStore             *self,
                                            gint64               id,
                                            const char          *name,
                                            GError             **error);
gboolean     fl_store_remove_saved_search  (FlStore             *self,
                                            gint64               id,
                                            GError             **error);
gboolean     fl_store_mark_notified        (FlStore             *self,
                                            const char          *key,
                                            gboolean            *is_new,
                                            GError             **error);
GArray      *fl_store_mark_notified_many   (FlStore             *self,
                                            GPtrArray           *keys,
                                            GError             **error);
GArray      *fl_store_list_my_mentions     (FlStore             *self,
                                            GError             **error);

/**
 * FlFollowNews:
 * @ticket_id: the ticket
 * @at: when the news reached the store (microseconds); with @ticket_id
 *   it names the event
 * @by: (nullable): the display name of who made the agent a follower
 *
 * Someone made this profile's agent a follower of a ticket, and the
 * agent has not looked at it since.
 */
typedef struct
{
  gint64  ticket_id;
  gint64  at;
  char   *by;
} FlFollowNews;

void         fl_follow_news_free           (FlFollowNews        *news);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlFollowNews, fl_follow_news_free)

GPtrArray   *fl_store_list_follow_news     (FlStore             *self,
                                            GError             **error);

G_END_DECLS
