/* fl-text.h: text normalisation for search and display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *fl_text_fold          (const char *text,
                                 gssize      len);
char     *fl_text_highlight     (const char         *text,
                                 const char * const *words);
char     *fl_text_make_valid    (const char *text,
                                 gssize      len);
char     *fl_text_snippet       (const char *text,
                                 guint       max_chars);
GPtrArray *fl_text_find_mentions (const char *text);
GPtrArray *fl_text_find_mention_marker (const char *html);
char     *fl_text_highlight_mention (const char *markup,
                                     const char *handle);
char     *fl_text_identity      (const char *email_or_phone);
char     *fl_text_safe_filename (const char *name);
char     *fl_text_unique_filename (const char *dir,
                                   const char *name);

G_END_DECLS
