/* fl-query.h: which tickets a list shows, and in which order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fl-enums.h"
#include "fl-types.h"

G_BEGIN_DECLS

/**
 * FlView:
 *
 * The built-in views of the inbox. The channel and account views take
 * their channel or account from the query.
 */
typedef enum
{
  FL_VIEW_INBOX,
  FL_VIEW_ASSIGNED_TO_ME,
  FL_VIEW_UNASSIGNED,
  FL_VIEW_MENTIONS,
  FL_VIEW_SLA_AT_RISK,
  FL_VIEW_BREACHED,
  FL_VIEW_PENDING,
  FL_VIEW_SOLVED,
  FL_VIEW_ALL,
  FL_VIEW_CHANNEL,
  FL_VIEW_ACCOUNT,
} FlView;

#define FL_N_FIXED_VIEWS (FL_VIEW_ALL + 1)

typedef enum
{
  FL_SORT_UPDATED,
  FL_SORT_DUE,
  FL_SORT_PRIORITY,
  FL_SORT_CREATED,
} FlSort;

#define FL_TYPE_VIEW  (fl_view_get_type ())
#define FL_TYPE_SORT  (fl_sort_get_type ())
#define FL_TYPE_QUERY (fl_query_get_type ())

GType        fl_view_get_type        (void) G_GNUC_CONST;
GType        fl_sort_get_type        (void) G_GNUC_CONST;
GType        fl_query_get_type       (void) G_GNUC_CONST;

const char  *fl_view_get_label       (FlView      view);
const char  *fl_view_get_icon_name   (FlView      view);

FlQuery     *fl_query_new            (FlView      view);
FlQuery     *fl_query_copy           (const FlQuery *self);
FlQuery     *fl_query_ref            (FlQuery    *self);
void         fl_query_unref          (FlQuery    *self);
gboolean     fl_query_equal          (const FlQuery *a,
                                      const FlQuery *b);

FlView       fl_query_get_view       (const FlQuery *self);
void         fl_query_set_channel    (FlQuery    *self,
                                      FlChannel   channel);
FlChannel    fl_query_get_channel    (const FlQuery *self);
void         fl_query_set_account_id (FlQuery    *self,
                                      gint64      account_id);
gint64       fl_query_get_account_id (const FlQuery *self);
void         fl_query_set_sort       (FlQuery    *self,
                                      FlSort      sort);
FlSort       fl_query_get_sort       (const FlQuery *self);
void         fl_query_set_text       (FlQuery    *self,
                                      const char *text);
const char  *fl_query_get_text       (const FlQuery *self);
void         fl_query_set_now        (FlQuery    *self,
                                      gint64      now);
gint64       fl_query_get_now        (const FlQuery *self);
void         fl_query_set_at_risk_window (FlQuery *self,
                                          gint64   seconds);
gint64       fl_query_get_at_risk_window (const FlQuery *self);
void         fl_query_set_visit_start (FlQuery   *self,
                                       gint64     usec);
gint64       fl_query_get_visit_start (const FlQuery *self);
void         fl_query_set_default_at_risk_window (gint64 seconds);
gint64       fl_query_get_default_at_risk_window (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlQuery, fl_query_unref)

G_END_DECLS
