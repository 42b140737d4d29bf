/* fl-template-suggest.h: ranking canned responses against a message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fl-types.h"

G_BEGIN_DECLS

typedef struct _FlSuggester FlSuggester;

/**
 * FlSuggestion:
 * @key: the response's key
 * @score: its BM25 score, higher is better
 */
typedef struct
{
  const char *key;
  double      score;
} FlSuggestion;

FlSuggester *fl_suggester_new      (GPtrArray   *templates);
void         fl_suggester_free     (FlSuggester *self);
GArray      *fl_suggester_rank     (FlSuggester *self,
                                    const char  *message,
                                    guint        max);
GPtrArray   *fl_suggest_tokenize   (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlSuggester, fl_suggester_free)

G_END_DECLS
