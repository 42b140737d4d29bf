/* fl-search.h: the search query language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * FlSearchField:
 * @FL_SEARCH_TEXT: free text or a quoted phrase, anywhere in the ticket
 * @FL_SEARCH_STATUS: `status:`, one or more #FlStatus values
 * @FL_SEARCH_CHANNEL: `channel:`, one or more #FlChannel values
 * @FL_SEARCH_PRIORITY: `priority:`, one or more #FlPriority values
 * @FL_SEARCH_ASSIGNEE_ME: `assignee:me`
 * @FL_SEARCH_ASSIGNEE_NONE: `assignee:none`
 * @FL_SEARCH_ASSIGNEE: `assignee:NAME`, part of an agent's name, login or address
 * @FL_SEARCH_FROM: `from:`, the customer's name or address
 * @FL_SEARCH_ACCOUNT: `account:`, part of an account's name
 * @FL_SEARCH_UNREAD: `is:unread` (`is:read` is its negation)
 * @FL_SEARCH_OPEN: `is:open` (`is:closed` is its negation)
 * @FL_SEARCH_BEFORE: `before:DATE`, created before that day
 * @FL_SEARCH_AFTER: `after:DATE`, created on that day or later
 */
typedef enum
{
  FL_SEARCH_TEXT,
  FL_SEARCH_STATUS,
  FL_SEARCH_CHANNEL,
  FL_SEARCH_PRIORITY,
  FL_SEARCH_ASSIGNEE_ME,
  FL_SEARCH_ASSIGNEE_NONE,
  FL_SEARCH_ASSIGNEE,
  FL_SEARCH_FROM,
  FL_SEARCH_ACCOUNT,
  FL_SEARCH_UNREAD,
  FL_SEARCH_OPEN,
  FL_SEARCH_BEFORE,
  FL_SEARCH_AFTER,
} FlSearchField;

/**
 * FlSearchTerm:
 * @field: what the term constrains
 * @negated: the term was written with a leading `-`
 * @phrase: a quoted phrase, whose words must follow each other
 * @value: (nullable): folded text, for the text-like fields
 * @mask: a bit per enum value, for status, channel and priority
 * @time: Unix seconds, the local midnight that starts the day, for dates
 *
 * One condition of a parsed search. All terms must hold.
 */
typedef struct
{
  FlSearchField  field;
  gboolean       negated;
  gboolean       phrase;
  char          *value;
  guint          mask;
  gint64         time;
} FlSearchTerm;

typedef struct _FlSearch FlSearch;

FlSearch           *fl_search_parse          (const char *text);
void                fl_search_free           (FlSearch   *self);
guint               fl_search_get_n_terms    (const FlSearch *self);
const FlSearchTerm *fl_search_get_term       (const FlSearch *self,
                                              guint       i);
const char         *fl_search_get_hint       (const FlSearch *self);
const char * const *fl_search_get_highlights (const FlSearch *self);
char               *fl_search_highlight      (const FlSearch *self,
                                              const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlSearch, fl_search_free)

G_END_DECLS
