/* fl-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-query"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-query.h"
#include "fl-util.h"

/**
 * FlQuery:
 *
 * A value describing a list of tickets: a view, an optional channel or
 * account, an optional search text and a sort order. The store turns it
 * into SQL; nothing filters tickets in memory.
 */
struct _FlQuery
{
  gatomicrefcount ref_count;
  FlView view;
  FlChannel channel;
  FlSort sort;
  gint64 account_id;
  gint64 now;
  gint64 at_risk_window;
  gint64 visit_start;
  char *text;
};

G_DEFINE_BOXED_TYPE (FlQuery, fl_query, fl_query_ref, fl_query_unref)

G_DEFINE_ENUM_TYPE (FlView, fl_view,
  G_DEFINE_ENUM_VALUE (FL_VIEW_INBOX, "inbox"),
  G_DEFINE_ENUM_VALUE (FL_VIEW_ASSIGNED_TO_ME, "mine"),
  G_DEFINE_ENUM_VALUE (FL_VIEW_UNASSIGNED, "unassigned"),
  G_DEFINE_ENUM_VALUE (FL_VIEW_MENTIONS, "mentions"),
  G_DEFINE_ENUM_VALUE (FL_VIEW_SLA_AT_RISK, "at-risk"),
  G_DEFINE_ENUM_VALUE (FL_VIEW_BREACHED, "breached"),
  G_DEFINE_ENUM_VALUE (FL_VIEW_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (FL_VIEW_SOLVED, "solved"),
  G_DEFINE_ENUM_VALUE (FL_VIEW_ALL, "all"),
  G_DEFINE_ENUM_VALUE (FL_VIEW_CHANNEL, "channel"),
  G_DEFINE_ENUM_VALUE (FL_VIEW_ACCOUNT, "account"))

G_DEFINE_ENUM_TYPE (FlSort, fl_sort,
  G_DEFINE_ENUM_VALUE (FL_SORT_UPDATED, "updated"),
  G_DEFINE_ENUM_VALUE (FL_SORT_DUE, "due"),
  G_DEFINE_ENUM_VALUE (FL_SORT_PRIORITY, "priority"),
  G_DEFINE_ENUM_VALUE (FL_SORT_CREATED, "created"))

/**
 * fl_view_get_label:
 *
 * Returns: (transfer none): the translated name of a built-in view
 */
const char *
fl_view_get_label (FlView view)
{
  switch (view)
    {
    case FL_VIEW_INBOX: return C_("view", "Inbox");
    case FL_VIEW_ASSIGNED_TO_ME: return C_("view", "Assigned to Me");
    case FL_VIEW_UNASSIGNED: return C_("view", "Unassigned");
    case FL_VIEW_MENTIONS: return C_("view", "Mentions & Tags");
    case FL_VIEW_SLA_AT_RISK: return C_("view", "SLA at Risk");
    case FL_VIEW_BREACHED: return C_("view", "Breached");
    case FL_VIEW_PENDING: return C_("view", "Pending");
    case FL_VIEW_SOLVED: return C_("view", "Solved");
    case FL_VIEW_ALL: return C_("view", "All Tickets");
    case FL_VIEW_CHANNEL:
    case FL_VIEW_ACCOUNT:
    default:
      return "";
    }
}

const char *
fl_view_get_icon_name (FlView view)
{
  switch (view)
    {
    case FL_VIEW_INBOX: return "fl-inbox-symbolic";
    case FL_VIEW_ASSIGNED_TO_ME: return "avatar-default-symbolic";
    case FL_VIEW_UNASSIGNED: return "mail-unread-symbolic";
    case FL_VIEW_MENTIONS: return "fl-mention-symbolic";
    case FL_VIEW_SLA_AT_RISK: return "fl-sla-symbolic";
    case FL_VIEW_BREACHED: return "dialog-warning-symbolic";
    case FL_VIEW_PENDING: return "document-open-recent-symbolic";
    case FL_VIEW_SOLVED: return "object-select-symbolic";
    case FL_VIEW_ALL: return "view-list-symbolic";
    case FL_VIEW_CHANNEL:
    case FL_VIEW_ACCOUNT:
    default:
      return "folder-symbolic";
    }
}

/**
 * fl_query_new:
 * @view: the view
 *
 * Returns: (transfer full): a query for @view, sorted by last update
 */
FlQuery *
fl_query_new (FlView view)
{
  FlQuery *self = g_new0 (FlQuery, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->view = view;
  self->sort = FL_SORT_UPDATED;
  return self;
}

FlQuery *
fl_query_copy (const FlQuery *self)
{
  FlQuery *copy = fl_query_new (self->view);

  copy->channel = self->channel;
  copy->sort = self->sort;
  copy->account_id = self->account_id;
  copy->now = self->now;
  copy->at_risk_window = self->at_risk_window;
  copy->visit_start = self->visit_start;
  copy->text = g_strdup (self->text);
  return copy;
}

FlQuery *
fl_query_ref (FlQuery *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
fl_query_unref (FlQuery *self)
{
  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->text);
      g_free (self);
    }
}

gboolean
fl_query_equal (const FlQuery *a,
                const FlQuery *b)
{
  return a->view == b->view &&
         a->channel == b->channel &&
         a->sort == b->sort &&
         a->account_id == b->account_id &&
         a->now == b->now &&
         a->at_risk_window == b->at_risk_window &&
         a->visit_start == b->visit_start &&
         g_strcmp0 (a->text, b->text) == 0;
}

FlView
fl_query_get_view (const FlQuery *self)
{
  return self->view;
}

void
fl_query_set_channel (FlQuery   *self,
                      FlChannel  channel)
{
  self->channel = channel;
}

FlChannel
fl_query_get_channel (const FlQuery *self)
{
  return self->channel;
}

void
fl_query_set_account_id (FlQuery *self,
                         gint64   account_id)
{
  self->account_id = account_id;
}

gint64
fl_query_get_account_id (const FlQuery *self)
{
  return self->account_id;
}

void
fl_query_set_sort (FlQuery *self,
                   FlSort   sort)
{
  self->sort = sort;
}

FlSort
fl_query_get_sort (const FlQuery *self)
{
  return self->sort;
}

/**
 * fl_query_set_text:
 * @text: (nullable): free text to search for
 */
void
fl_query_set_text (FlQuery    *self,
                   const char *text)
{
  fl_set_str (&self->text, (text && *text) ? text : NULL);
}

const char *
fl_query_get_text (const FlQuery *self)
{
  return self->text;
}

/**
 * fl_query_set_now:
 * @now: Unix seconds, or 0 for the real time when the query runs
 *
 * Fixes the time the SLA views compare due dates with; tests use it.
 */
void
fl_query_set_now (FlQuery *self,
                  gint64   now)
{
  self->now = now;
}

gint64
fl_query_get_now (const FlQuery *self)
{
  return self->now;
}

/**
 * fl_query_set_at_risk_window:
 * @seconds: how close to its due time a ticket counts as at risk
 */
void
fl_query_set_at_risk_window (FlQuery *self,
                             gint64   seconds)
{
  self->at_risk_window = seconds;
}

/**
 * fl_query_get_at_risk_window:
 *
 * Returns: the query's window, or the default one if it has none of its
 *   own
 */
gint64
fl_query_get_at_risk_window (const FlQuery *self)
{
  return self->at_risk_window ? self->at_risk_window : fl_query_get_default_at_risk_window ();
}

/**
 * fl_query_set_visit_start:
 * @usec: when the agent opened the Mentions & Tags view, in
 *   microseconds of g_get_real_time(), or 0 when nobody is in it
 *
 * The Mentions & Tags view lists what is new for the agent; during a
 * visit it also keeps the tickets read since @usec, so that a ticket
 * does not vanish from under the cursor once opened. Other views ignore
 * it.
 */
void
fl_query_set_visit_start (FlQuery *self,
                          gint64   usec)
{
  self->visit_start = MAX (usec, 0);
}

gint64
fl_query_get_visit_start (const FlQuery *self)
{
  return self->visit_start;
}

static gint64 default_at_risk_window = 2 * 60 * 60;

/**
 * fl_query_set_default_at_risk_window:
 * @seconds: how close to its due time a ticket counts as at risk, for
 *   every query without a window of its own and for the SLA badges
 *
 * The preference; two hours until set.
 */
void
fl_query_set_default_at_risk_window (gint64 seconds)
{
  default_at_risk_window = MAX (seconds, 60);
}

gint64
fl_query_get_default_at_risk_window (void)
{
  return default_at_risk_window;
}
