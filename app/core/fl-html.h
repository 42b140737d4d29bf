/* fl-html.h: HTML mail bodies as readable text, links and quoted history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * FlHtmlLink:
 * @start: byte offset of the link text in #FlHtmlText.text
 * @end: byte offset just after the link text
 * @href: the target, an http, https or mailto URI
 */
typedef struct
{
  gsize  start;
  gsize  end;
  char  *href;
} FlHtmlLink;

/**
 * FlHtmlImage:
 * @name: the Content-ID of a `cid:` image, or a made-up file name for a
 *   `data:` image
 * @alt: (nullable): the alternative text
 * @mime_type: the image's type, or "image/&ast;" when it is not known
 * @size: the decoded size in bytes of a `data:` image, 0 when not known
 */
typedef struct
{
  char   *name;
  char   *alt;
  char   *mime_type;
  gint64  size;
} FlHtmlImage;

/**
 * FlHtmlText:
 * @text: readable plain text, valid UTF-8
 * @links: (element-type FlHtmlLink): the links in @text, in order
 * @images: (element-type FlHtmlImage): inline images, in order
 * @quote_start: byte offset in @text where quoted history begins, or -1
 */
typedef struct
{
  char      *text;
  GArray    *links;
  GPtrArray *images;
  gssize     quote_start;
} FlHtmlText;

FlHtmlText *fl_html_parse               (const char *html,
                                         gssize      len);
FlHtmlText *fl_html_text_new_plain      (const char *text);
void        fl_html_text_free           (FlHtmlText *self);
char       *fl_html_text_to_markup      (FlHtmlText *self,
                                         gsize       start,
                                         gsize       end);
char       *fl_html_text_slice          (FlHtmlText *self,
                                         gsize       start,
                                         gsize       end);
gssize      fl_html_find_plain_quote    (const char *text);
gboolean    fl_html_is_safe_uri         (const char *uri);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlHtmlText, fl_html_text_free)

G_END_DECLS
