/* fl-html.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-html"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fl-html.h"
#include "fl-text.h"

/* An attribution line ("On … wrote:") is one line, not a paragraph. */
#define MAX_ATTRIBUTION_BYTES 400

typedef struct
{
  gboolean ordered;
  int      counter;
} ListLevel;

/* The state of one walk over a parsed document. */
typedef struct
{
  GString   *out;
  guint      pending_breaks;   /* newlines wanted before the next text */
  char       pending_space;    /* 0, ' ' or '\t' before the next text */
  guint      pre_depth;
  GArray    *lists;            /* ListLevel */
  GArray    *links;
  GPtrArray *images;

  xmlNode   *link_node;
  gsize      link_start;
  char      *link_href;

  xmlNode   *quote_node;       /* the quote element the walk is inside */
  gssize     quote_start;
  gboolean   quote_closed;     /* the quote has ended; text cancels it */
  gboolean   quote_to_end;     /* Outlook: what follows is history too */
} Walker;

static void
clear_link (gpointer data)
{
  FlHtmlLink *link = data;

  g_free (link->href);
}

static void
image_free (gpointer data)
{
  FlHtmlImage *image = data;

  g_free (image->name);
  g_free (image->alt);
  g_free (image->mime_type);
  g_free (image);
}

static FlHtmlText *
html_text_new (char *text)
{
  FlHtmlText *self = g_new0 (FlHtmlText, 1);

  self->text = text;
  self->links = g_array_new (FALSE, TRUE, sizeof (FlHtmlLink));
  g_array_set_clear_func (self->links, clear_link);
  self->images = g_ptr_array_new_with_free_func (image_free);
  self->quote_start = -1;

  return self;
}

/**
 * fl_html_text_free:
 * @self: (nullable) (transfer full): parsed text
 */
void
fl_html_text_free (FlHtmlText *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_array_unref (self->links);
  g_ptr_array_unref (self->images);
  g_free (self);
}

/**
 * fl_html_is_safe_uri:
 * @uri: (nullable): a link target
 *
 * Returns: whether @uri may be a clickable link: only http, https and
 *   mailto are
 */
gboolean
fl_html_is_safe_uri (const char *uri)
{
  const char *scheme;

  if (uri == NULL)
    return FALSE;

  /* Browsers strip tabs and newlines inside URIs; refuse them instead. */
  for (const char *p = uri; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f || *p == ' ')
      return FALSE;

  scheme = g_uri_peek_scheme (uri);
  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0 ||
         g_strcmp0 (scheme, "mailto") == 0;
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The Outlook separators after which everything is history, as the byte
 * offset of the line that starts it, or -1. */
static gssize
find_outlook_marker (const char *text)
{
  const char *line = text;

  while (*line)
    {
      const char *eol = strchr (line, '\n');
      const char *next = eol ? eol + 1 : line + strlen (line);
      const char *p = line;

      while (*p == ' ' || *p == '\t')
        p++;
      if (g_str_has_prefix (p, "-----Original Message-----"))
        return line - text;
      if (g_str_has_prefix (p, "From: ") &&
          (g_str_has_prefix (next, "Sent: ") || g_str_has_prefix (next, "Date: ")))
        return line - text;
      line = next;
    }

  return -1;
}

/* The start of the line before @pos when it reads like "On … wrote:", or
 * @pos. */
static gsize
attribution_before (const char *text,
                    gsize       pos)
{
  gsize end = pos;
  gsize start;

  while (end > 0 && is_blank (text[end - 1]))
    end--;
  if (end == 0 || text[end - 1] != ':')
    return pos;

  start = end;
  while (start > 0 && text[start - 1] != '\n')
    start--;
  if (end - start > MAX_ATTRIBUTION_BYTES)
    return pos;

  return start;
}

/* Keeps @quote_start only when there is something before it and it is
 * not empty. */
static gssize
check_quote (const char *text,
             gssize      quote_start)
{
  gboolean before = FALSE;
  gboolean after = FALSE;

  if (quote_start <= 0)
    return -1;

  for (gssize i = 0; i < quote_start && !before; i++)
    before = !is_blank (text[i]);
  for (const char *p = text + quote_start; *p && !after; p++)
    after = !is_blank (*p);

  return before && after ? quote_start : -1;
}

/**
 * fl_html_find_plain_quote:
 * @text: (nullable): a plain-text body
 *
 * Finds quoted history at the end of a plain-text body: the lines that
 * start with ">" at its end, with the "On … wrote:" line before them, or
 * an Outlook "-----Original Message-----" separator.
 *
 * Returns: the byte offset where the quoted history begins, or -1
 */
gssize
fl_html_find_plain_quote (const char *text)
{
  g_autoptr(GArray) starts = NULL;
  gssize quote_start = -1;
  gssize marker;
  gsize n;
  gssize i;

  if (text == NULL)
    return -1;

  starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  n = strlen (text);
  for (gsize pos = 0; pos <= n;)
    {
      const char *eol = strchr (text + pos, '\n');

      g_array_append_val (starts, pos);
      if (eol == NULL)
        break;
      pos = eol - text + 1;
    }

  /* Walk up from the end over quoted and blank lines. */
  for (i = (gssize) starts->len - 1; i >= 0; i--)
    {
      const char *p = text + g_array_index (starts, gsize, i);

      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '>')
        quote_start = g_array_index (starts, gsize, i);
      else if (*p != '\n' && *p != '\r' && *p != '\0')
        break;
    }

  if (quote_start >= 0 && i >= 0)
    quote_start = attribution_before (text, quote_start);

  marker = find_outlook_marker (text);
  if (marker >= 0 && (quote_start < 0 || marker < quote_start))
    quote_start = marker;

  return check_quote (text, quote_start);
}

/* Writes what text needs before it: paragraph breaks or a space. */
static void
flush (Walker *w)
{
  GString *out = w->out;

  if (w->pending_breaks > 0)
    {
      if (out->len > 0)
        {
          guint n = 0;

          while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
            g_string_truncate (out, out->len - 1);
          for (gsize i = out->len; i > 0 && out->str[i - 1] == '\n'; i--)
            n++;
          for (; n < w->pending_breaks; n++)
            g_string_append_c (out, '\n');
        }
      w->pending_breaks = 0;
      w->pending_space = 0;
    }
  else if (w->pending_space)
    {
      if (out->len > 0 && !is_blank (out->str[out->len - 1]))
        g_string_append_c (out, w->pending_space);
      w->pending_space = 0;
    }
}

static void
want_breaks (Walker *w,
             guint   n)
{
  w->pending_breaks = MAX (w->pending_breaks, n);
}

/* Called before any visible text: text after a finished quote means the
 * quote was not history at the end but part of the conversation. */
static void
text_emitted (Walker *w)
{
  if (w->quote_start >= 0 && w->quote_closed && !w->quote_to_end)
    {
      w->quote_start = -1;
      w->quote_closed = FALSE;
    }
}

static void
append_text (Walker     *w,
             const char *text)
{
  const char *p = text;

  while (*p)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      const char *next = p + 1;
      gboolean invalid = c == (gunichar) -1 || c == (gunichar) -2;

      if (invalid)
        c = 0xFFFD;
      else
        next = g_utf8_next_char (p);

      if (w->pre_depth > 0 && (c == '\n' || c == ' ' || c == '\t'))
        {
          flush (w);
          text_emitted (w);
          g_string_append_c (w->out, (char) c);
        }
      else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        {
          if (w->pre_depth == 0 && w->pending_space == 0)
            w->pending_space = ' ';
        }
      else if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        ;
      else
        {
          flush (w);
          text_emitted (w);
          if (c == 0xa0)
            g_string_append_c (w->out, ' ');
          else if (invalid)
            g_string_append_unichar (w->out, c);
          else
            g_string_append_len (w->out, p, next - p);
        }
      p = next;
    }
}

static const char *
get_attr (xmlNode    *node,
          const char *name)
{
  for (xmlAttr *attr = node->properties; attr; attr = attr->next)
    if (g_ascii_strcasecmp ((const char *) attr->name, name) == 0)
      {
        if (attr->children && attr->children->type == XML_TEXT_NODE && attr->children->content)
          return (const char *) attr->children->content;
        return "";
      }

  return NULL;
}

static gboolean
has_class (xmlNode    *node,
           const char *name)
{
  const char *value = get_attr (node, "class");
  g_auto(GStrv) classes = NULL;

  if (value == NULL || strstr (value, name) == NULL)
    return FALSE;

  classes = g_strsplit_set (value, " \t\n\r\f", -1);
  return g_strv_contains ((const char * const *) classes, name);
}

static gboolean
is_name (xmlNode    *node,
         const char *name)
{
  return g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
is_one_of (xmlNode           *node,
           const char * const *names)
{
  for (guint i = 0; names[i]; i++)
    if (is_name (node, names[i]))
      return TRUE;

  return FALSE;
}

static gboolean
is_hidden (xmlNode *node)
{
  const char *style = get_attr (node, "style");
  g_autofree char *compact = NULL;
  guint j = 0;

  if (get_attr (node, "hidden") != NULL)
    return TRUE;
  if (style == NULL || strstr (style, "none") == NULL)
    return FALSE;

  compact = g_ascii_strdown (style, -1);
  for (guint i = 0; compact[i]; i++)
    if (!is_blank (compact[i]))
      compact[j++] = compact[i];
  compact[j] = '\0';

  return strstr (compact, "display:none") != NULL;
}

/* Outlook's reply header: everything after it is the earlier message. */
static gboolean
is_outlook_quote (xmlNode *node)
{
  const char *id = get_attr (node, "id");

  return g_strcmp0 (id, "divRplyFwdMsg") == 0 || g_strcmp0 (id, "appendonsend") == 0;
}

static gboolean
is_quote (xmlNode *node)
{
  return is_name (node, "blockquote") ||
         has_class (node, "gmail_quote") ||
         has_class (node, "gmail_quote_container") ||
         has_class (node, "yahoo_quoted") ||
         has_class (node, "moz-cite-prefix") ||
         is_outlook_quote (node);
}

static const char *
mime_for_name (const char *name)
{
  static const struct { const char *ext; const char *mime; } types[] = {
    { ".png", "image/png" },
    { ".jpg", "image/jpeg" },
    { ".jpeg", "image/jpeg" },
    { ".gif", "image/gif" },
    { ".webp", "image/webp" },
    { ".bmp", "image/bmp" },
    { ".svg", "image/svg+xml" },
    { ".tif", "image/tiff" },
    { ".tiff", "image/tiff" },
    { ".heic", "image/heic" },
  };
  g_autofree char *lower = NULL;
  const char *at;

  if (name == NULL)
    return NULL;

  /* "image001.png@01DA2B3C.4D5E6F70" is a file name and a domain. */
  lower = g_ascii_strdown (name, -1);
  if ((at = strchr (lower, '@')))
    lower[at - lower] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_has_suffix (lower, types[i].ext))
      return types[i].mime;

  return NULL;
}

static const char *
extension_for_mime (const char *mime)
{
  if (g_str_equal (mime, "image/png"))
    return "png";
  if (g_str_equal (mime, "image/jpeg"))
    return "jpg";
  if (g_str_equal (mime, "image/gif"))
    return "gif";
  if (g_str_equal (mime, "image/webp"))
    return "webp";
  if (g_str_equal (mime, "image/svg+xml"))
    return "svg";
  return "img";
}

static gboolean
has_image (Walker     *w,
           const char *name)
{
  for (guint i = 0; i < w->images->len; i++)
    if (g_str_equal (((FlHtmlImage *) w->images->pdata[i])->name, name))
      return TRUE;

  return FALSE;
}

/* Inline images become attachments; remote ones are never fetched. */
static gboolean
add_image (Walker  *w,
           xmlNode *node)
{
  const char *src = get_attr (node, "src");
  const char *alt = get_attr (node, "alt");
  g_autofree char *uri = src ? g_strstrip (g_strdup (src)) : NULL;
  FlHtmlImage *image;

  if (uri == NULL)
    return FALSE;

  if (g_ascii_strncasecmp (uri, "cid:", 4) == 0)
    {
      g_autofree char *cid = g_uri_unescape_string (uri + 4, NULL);
      g_autofree char *name = fl_text_make_valid (cid ? cid : uri + 4, -1);
      const char *mime;

      if (*name == '\0' || has_image (w, name))
        return TRUE;
      mime = mime_for_name (name);
      if (mime == NULL)
        mime = mime_for_name (alt);

      image = g_new0 (FlHtmlImage, 1);
      image->name = g_steal_pointer (&name);
      image->mime_type = g_strdup (mime ? mime : "image/*");
    }
  else if (g_ascii_strncasecmp (uri, "data:", 5) == 0)
    {
      const char *comma = strchr (uri, ',');
      const char *params;
      g_autofree char *mime = NULL;
      gboolean base64;
      gint64 size = 0;

      if (comma == NULL)
        return TRUE;
      params = uri + 5;
      mime = g_ascii_strdown (params, strcspn (params, ";,"));
      if (!g_str_has_prefix (mime, "image/") || strchr (mime, ' ') || strchr (mime, '"'))
        return TRUE;
      base64 = g_strstr_len (params, comma - params, ";base64") != NULL;

      if (base64)
        {
          gint64 chars = 0;
          gint64 padding = 0;

          for (const char *p = comma + 1; *p; p++)
            {
              if (*p == '=')
                padding++;
              else if (!is_blank (*p))
                chars++;
            }
          size = (chars + padding) / 4 * 3 - MIN (padding, 2);
          if (size < 0)
            size = 0;
        }
      else
        {
          g_autofree char *data = g_uri_unescape_string (comma + 1, NULL);

          size = data ? (gint64) strlen (data) : (gint64) strlen (comma + 1);
        }

      image = g_new0 (FlHtmlImage, 1);
      image->name = g_strdup_printf ("image-%u.%s", w->images->len + 1, extension_for_mime (mime));
      image->mime_type = g_steal_pointer (&mime);
      image->size = size;
    }
  else
    return FALSE;

  if (alt != NULL)
    {
      image->alt = fl_text_make_valid (alt, -1);
      g_strstrip (image->alt);
      if (*image->alt == '\0')
        g_clear_pointer (&image->alt, g_free);
    }
  g_ptr_array_add (w->images, image);

  return TRUE;
}

static void
start_quote (Walker  *w,
             xmlNode *node)
{
  /* The quote starts on a line of its own. */
  flush (w);

  if (w->quote_start < 0)
    {
      w->quote_start = w->out->len;
      /* "On … wrote:" right before a bare blockquote belongs to it. */
      if (is_name (node, "blockquote"))
        w->quote_start = attribution_before (w->out->str, w->quote_start);
      w->quote_to_end = is_outlook_quote (node);
    }
  else if (is_outlook_quote (node))
    w->quote_to_end = TRUE;

  w->quote_node = node;
  w->quote_closed = FALSE;
}

static void
end_link (Walker *w)
{
  FlHtmlLink link = { 0, };
  const char *text = w->out->str;

  link.start = w->link_start;
  link.end = w->out->len;
  while (link.start < link.end && is_blank (text[link.start]))
    link.start++;
  while (link.end > link.start && is_blank (text[link.end - 1]))
    link.end--;

  if (link.end > link.start)
    {
      link.href = g_steal_pointer (&w->link_href);
      g_array_append_val (w->links, link);
    }

  g_clear_pointer (&w->link_href, g_free);
  w->link_node = NULL;
}

static const char * const skipped[] = {
  "script", "style", "head", "title", "template", "iframe", "object", "embed",
  "svg", "math", "select", "audio", "video", "canvas", NULL
};

/* Elements that stand apart from the text around them by a blank line. */
static const char * const paragraphs[] = {
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
  "hr", "dl", "figure", "fieldset", NULL
};

/* Elements that start on a line of their own. */
static const char * const lines[] = {
  "div", "tr", "dt", "dd", "section", "article", "header", "footer", "nav",
  "aside", "main", "form", "caption", "details", "summary", "center",
  "address", "figcaption", "legend", NULL
};

/* Returns whether to walk into @node's children. */
static gboolean
enter (Walker  *w,
       xmlNode *node)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content)
        append_text (w, (const char *) node->content);
      return FALSE;
    }

  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;

  if (is_one_of (node, skipped) || is_hidden (node))
    return FALSE;

  if (is_one_of (node, paragraphs))
    want_breaks (w, 2);
  else if (is_one_of (node, lines))
    want_breaks (w, 1);

  if (w->quote_node == NULL && is_quote (node))
    start_quote (w, node);

  if (is_name (node, "br"))
    {
      flush (w);
      w->pending_space = 0;
      if (w->out->len > 0)
        {
          text_emitted (w);
          g_string_append_c (w->out, '\n');
        }
      return FALSE;
    }

  if (is_name (node, "img"))
    {
      const char *alt = get_attr (node, "alt");

      /* A remote image that is a link keeps its words. */
      if (!add_image (w, node) && w->link_node != NULL && alt != NULL)
        append_text (w, alt);
      return FALSE;
    }

  if (is_name (node, "ul") || is_name (node, "ol"))
    {
      ListLevel level = { is_name (node, "ol"), 0 };
      const char *start = get_attr (node, "start");

      if (level.ordered && start != NULL)
        level.counter = CLAMP (atoi (start), 1, 1000000) - 1;
      want_breaks (w, w->lists->len == 0 ? 2 : 1);
      g_array_append_val (w->lists, level);
      return TRUE;
    }

  if (is_name (node, "li"))
    {
      ListLevel *level = w->lists->len > 0
                         ? &g_array_index (w->lists, ListLevel, w->lists->len - 1) : NULL;

      want_breaks (w, 1);
      flush (w);
      text_emitted (w);
      for (guint i = 1; i < w->lists->len; i++)
        g_string_append (w->out, "  ");
      if (level && level->ordered)
        g_string_append_printf (w->out, "%d. ", ++level->counter);
      else
        g_string_append (w->out, "• ");
      return TRUE;
    }

  if (is_name (node, "td") || is_name (node, "th"))
    {
      w->pending_space = '\t';
      return TRUE;
    }

  if (is_name (node, "pre"))
    w->pre_depth++;

  if (is_name (node, "a") && w->link_node == NULL)
    {
      const char *href = get_attr (node, "href");
      g_autofree char *target = href ? g_strstrip (g_strdup (href)) : NULL;

      if (fl_html_is_safe_uri (target) && g_utf8_validate (target, -1, NULL))
        {
          w->link_node = node;
          w->link_start = w->out->len;
          w->link_href = g_steal_pointer (&target);
        }
    }

  return TRUE;
}

static void
leave (Walker  *w,
       xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return;

  if (is_one_of (node, paragraphs))
    want_breaks (w, 2);
  else if (is_one_of (node, lines) || is_name (node, "li"))
    want_breaks (w, 1);

  if (is_name (node, "ul") || is_name (node, "ol"))
    {
      g_array_set_size (w->lists, w->lists->len - 1);
      want_breaks (w, w->lists->len == 0 ? 2 : 1);
    }
  else if (is_name (node, "pre") && w->pre_depth > 0)
    w->pre_depth--;

  if (node == w->link_node)
    end_link (w);

  if (node == w->quote_node)
    {
      w->quote_node = NULL;
      w->quote_closed = TRUE;
    }
}

/* Walks the tree without recursion: mail can nest ten thousand deep. */
static void
walk (Walker *w,
      xmlDoc *doc)
{
  xmlNode *node = doc->children;

  while (node != NULL)
    {
      gboolean descend = enter (w, node);

      if (descend && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      if (descend)
        leave (w, node);

      while (node != NULL && node->next == NULL)
        {
          node = node->parent;
          if (node == NULL || node == (xmlNode *) doc)
            node = NULL;
          else
            leave (w, node);
        }
      if (node != NULL)
        node = node->next;
    }
}

/* Text with no valid multi-byte sequence but bytes above ASCII is from
 * before UTF-8: read it as Windows-1252, which covers Latin-1. */
static char *
to_utf8 (const char *html,
         gsize       len)
{
  const char *end = html + len;
  gboolean multibyte = FALSE;
  gboolean invalid = FALSE;
  char *converted;
  gunichar c;

  for (const char *p = html; p < end;)
    {
      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c != (gunichar) -1 && c != (gunichar) -2)
        {
          multibyte = TRUE;
          p = g_utf8_next_char (p);
        }
      else
        {
          invalid = TRUE;
          p++;
        }
    }

  if (invalid && !multibyte)
    {
      converted = g_convert (html, len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      if (converted == NULL)
        converted = g_convert (html, len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
      if (converted != NULL)
        return converted;
    }

  return fl_text_make_valid (html, len);
}

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

/**
 * fl_html_parse:
 * @html: (nullable): an HTML body, UTF-8 or, without any valid UTF-8
 *   sequence, Windows-1252
 * @len: length of @html in bytes, or -1 if nul-terminated
 *
 * Reads an HTML mail body the way a browser would show it, without
 * fetching anything: paragraphs, line breaks, list items and table cells
 * become plain text; scripts, styles and hidden elements are dropped;
 * http, https and mailto links are kept with their place in the text;
 * quoted history (a blockquote, Gmail's, Outlook's or Apple's reply
 * quoting) is found; and `cid:` and `data:` images are listed so they can
 * be shown as attachments.
 *
 * Returns: (transfer full): the text, never %NULL
 */
FlHtmlText *
fl_html_parse (const char *html,
               gssize      len)
{
  static GOnce once = G_ONCE_INIT;
  g_autofree char *utf8 = NULL;
  htmlDocPtr doc;
  Walker w = { 0, };
  FlHtmlText *self;
  gsize n;

  if (html == NULL)
    return html_text_new (g_strdup (""));
  if (len < 0)
    len = strlen (html);

  g_once (&once, init_libxml, NULL);
  utf8 = to_utf8 (html, len);
  n = strlen (utf8);
  if (n == 0 || n > G_MAXINT)
    return html_text_new (g_strdup (""));

  /* XML_PARSE_HUGE lifts the 256-deep limit past which libxml2 drops the
   * rest of the document; the tree is built and walked without recursion,
   * so depth costs nothing but memory. */
  doc = htmlReadMemory (utf8, (int) n, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                        HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
                        XML_PARSE_HUGE);
  if (doc == NULL)
    return html_text_new (g_strdup (""));

  w.out = g_string_sized_new (n / 2);
  w.lists = g_array_new (FALSE, FALSE, sizeof (ListLevel));
  w.links = g_array_new (FALSE, TRUE, sizeof (FlHtmlLink));
  g_array_set_clear_func (w.links, clear_link);
  w.images = g_ptr_array_new_with_free_func (image_free);
  w.quote_start = -1;

  walk (&w, doc);
  xmlFreeDoc (doc);

  if (w.link_node != NULL)
    end_link (&w);
  while (w.out->len > 0 && is_blank (w.out->str[w.out->len - 1]))
    g_string_truncate (w.out, w.out->len - 1);

  self = html_text_new (g_string_free (w.out, FALSE));
  g_array_unref (self->links);
  self->links = w.links;
  g_ptr_array_unref (self->images);
  self->images = w.images;
  g_array_unref (w.lists);

  /* Outlook writes its separator as text: everything after is history. */
  {
    gssize marker = find_outlook_marker (self->text);

    if (marker >= 0 && (w.quote_start < 0 || marker < w.quote_start))
      w.quote_start = marker;
  }
  if (w.quote_start > (gssize) strlen (self->text))
    w.quote_start = -1;
  self->quote_start = check_quote (self->text, w.quote_start);

  return self;
}

/**
 * fl_html_text_new_plain:
 * @text: (nullable): a plain-text body
 *
 * Wraps a plain-text body the way fl_html_parse() returns HTML ones: no
 * links or images, and the quoted history fl_html_find_plain_quote()
 * finds.
 *
 * Returns: (transfer full): the text
 */
FlHtmlText *
fl_html_text_new_plain (const char *text)
{
  FlHtmlText *self = html_text_new (fl_text_make_valid (text, -1));

  self->quote_start = fl_html_find_plain_quote (self->text);
  return self;
}

/* Clamps a range to the text, on character boundaries, without the white
 * space at its ends. */
static void
clamp_range (FlHtmlText *self,
             gsize      *start,
             gsize      *end)
{
  const char *text = self->text;
  gsize len = strlen (text);

  *end = MIN (*end, len);
  *start = MIN (*start, *end);
  while (*start < *end && ((guchar) text[*start] & 0xc0) == 0x80)
    (*start)++;
  while (*end < len && ((guchar) text[*end] & 0xc0) == 0x80)
    (*end)++;
  while (*start < *end && is_blank (text[*start]))
    (*start)++;
  while (*end > *start && is_blank (text[*end - 1]))
    (*end)--;
}

static void
append_escaped (GString    *out,
                const char *text,
                gsize       len)
{
  g_autofree char *escaped = NULL;

  if (len == 0)
    return;
  escaped = g_markup_escape_text (text, len);
  g_string_append (out, escaped);
}

/**
 * fl_html_text_to_markup:
 * @self: parsed text
 * @start: byte offset of the range
 * @end: byte offset after the range; G_MAXSIZE for the end of the text
 *
 * Makes Pango markup for a range of the text, without the white space at
 * its ends: every character is escaped, and the links become `<a href>`
 * elements with escaped targets, for a #GtkLabel to make clickable.
 *
 * Returns: (transfer full): the markup
 */
char *
fl_html_text_to_markup (FlHtmlText *self,
                        gsize       start,
                        gsize       end)
{
  GString *out;
  gsize pos;

  g_return_val_if_fail (self != NULL, NULL);

  clamp_range (self, &start, &end);
  out = g_string_sized_new (end - start + 16);
  pos = start;

  for (guint i = 0; i < self->links->len; i++)
    {
      FlHtmlLink *link = &g_array_index (self->links, FlHtmlLink, i);
      gsize link_start = MAX (link->start, pos);
      gsize link_end = MIN (link->end, end);

      if (link->end <= pos)
        continue;
      if (link->start >= end)
        break;
      if (link_end <= link_start || !fl_html_is_safe_uri (link->href))
        continue;

      append_escaped (out, self->text + pos, link_start - pos);
      g_string_append (out, "<a href=\"");
      append_escaped (out, link->href, strlen (link->href));
      g_string_append (out, "\">");
      append_escaped (out, self->text + link_start, link_end - link_start);
      g_string_append (out, "</a>");
      pos = link_end;
    }
  append_escaped (out, self->text + pos, end - pos);

  return g_string_free (out, FALSE);
}

/**
 * fl_html_text_slice:
 * @self: parsed text
 * @start: byte offset of the range
 * @end: byte offset after the range; G_MAXSIZE for the end of the text
 *
 * Returns: (transfer full): the plain text of the range, without the
 *   white space at its ends
 */
char *
fl_html_text_slice (FlHtmlText *self,
                    gsize       start,
                    gsize       end)
{
  g_return_val_if_fail (self != NULL, NULL);

  clamp_range (self, &start, &end);
  return g_strndup (self->text + start, end - start);
}
