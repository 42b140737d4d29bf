/* fl-store-private.h: what the store's own files and its tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "fl-store.h"

G_BEGIN_DECLS

/* One SQLite connection with its cache of prepared statements. A
 * connection is used by one thread at a time. */
typedef struct
{
  sqlite3    *db;
  GHashTable *stmts;
} FlDb;

FlDb         *fl_db_open               (const char   *path,
                                        gboolean      readonly,
                                        GError      **error);
void          fl_db_close              (FlDb         *db);
sqlite3_stmt *fl_db_prepare            (FlDb         *db,
                                        const char   *sql,
                                        GError      **error);
gboolean      fl_db_exec               (FlDb         *db,
                                        const char   *sql,
                                        GError      **error);
void          fl_db_bind_text          (sqlite3_stmt *stmt,
                                        int           col,
                                        const char   *text);
void          fl_db_set_error          (FlDb         *db,
                                        GError      **error,
                                        const char   *what);

/* The tickets that match a full-text expression (fl-store-match.c). */
typedef struct _FlMatchSet FlMatchSet;

FlMatchSet   *fl_match_set_new         (FlDb             *db,
                                        const char       *expression,
                                        GError          **error);
void          fl_match_set_free        (FlMatchSet       *set);
guint         fl_match_set_get_size    (const FlMatchSet *set);
gboolean      fl_match_set_contains    (const FlMatchSet *set,
                                        gint64            id);
void          fl_match_set_append_ids  (const FlMatchSet *set,
                                        GString          *sql);
void          fl_match_set_bind        (sqlite3_stmt     *stmt,
                                        int               param,
                                        FlMatchSet       *set);
void          fl_match_set_register    (sqlite3          *db);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlMatchSet, fl_match_set_free)

int           fl_store_schema_get_version (FlDb      *db,
                                           GError   **error);
gboolean      fl_store_schema_migrate     (FlDb      *db,
                                           int        target,
                                           GError   **error);

/* For the migration test: opens @path and migrates it to @version only. */
FlStore      *fl_store_open_at_version    (const char *path,
                                           int         version,
                                           GError    **error);

gboolean      fl_store_write_batch        (FlDb        *db,
                                           gint64       account_id,
                                           FlSyncBatch *batch,
                                           GArray      *changed,
                                           GError     **error);

GPtrArray    *fl_store_db_load_tickets    (FlDb          *db,
                                           const gint64  *ids,
                                           guint          n_ids,
                                           GError       **error);
GPtrArray    *fl_store_db_load_messages   (FlDb          *db,
                                           gint64         ticket_id,
                                           GError       **error);

/* What is new for this profile's agent (fl-store-agents.c). Stored as
 * integers; never reorder. */
typedef enum
{
  FL_NEWS_MENTION,
  FL_NEWS_FOLLOW,
} FlNewsKind;

gboolean      fl_store_db_record_news     (FlDb          *db,
                                           gint64         ticket_id,
                                           FlNewsKind     kind,
                                           const char    *by,
                                           GError       **error);
gboolean      fl_store_db_mark_news_seen  (FlDb          *db,
                                           gint64         ticket_id,
                                           gboolean      *seen,
                                           GError       **error);

/* SLA due times (fl-store-sla.c) */
#define FL_STORE_SLA_SCHEMA_VERSION 8
FlSlaPolicy  *fl_store_db_load_sla_policy (FlDb          *db,
                                           gint64         account_id,
                                           GError       **error);
gboolean      fl_store_sla_refresh_ticket (FlDb          *db,
                                           gint64         ticket_id,
                                           GError       **error);
gboolean      fl_store_sla_refresh_ticket_with (FlDb              *db,
                                                const FlSlaPolicy *policy,
                                                gint64             ticket_id,
                                                GError           **error);
gboolean      fl_store_sla_refresh_account (FlDb         *db,
                                            gint64        account_id,
                                            GArray       *changed,
                                            GError      **error);
gboolean      fl_store_sla_refresh_all    (FlDb          *db,
                                           GError       **error);

#define FL_DUE_NONE G_MAXINT64

typedef enum
{
  FL_STORE_CHANGED_NONE     = 0,
  FL_STORE_CHANGED_ACCOUNTS = 1 << 0,
  FL_STORE_CHANGED_OUTBOX   = 1 << 1,
} FlStoreChanged;

typedef gboolean (*FlStoreWriteFunc) (FlStore  *self,
                                      FlDb     *db,
                                      gpointer  data,
                                      GArray   *changed,
                                      GError  **error);

gboolean      fl_store_write              (FlStore          *self,
                                           FlStoreWriteFunc  func,
                                           gpointer          data,
                                           FlStoreChanged    what,
                                           GError          **error);
FlDb         *fl_store_reader_acquire     (FlStore          *self,
                                           GError          **error);
void          fl_store_reader_release     (FlStore          *self,
                                           FlDb             *db);

/* Makes one item of the row @stmt is on. */
typedef gpointer (*FlStoreRowFunc) (sqlite3_stmt *stmt);

GPtrArray    *fl_store_read_rows          (FlStore          *self,
                                           const char       *sql,
                                           FlStoreRowFunc    row_func,
                                           GDestroyNotify    free_func,
                                           const char       *failure,
                                           GError          **error);

G_END_DECLS
