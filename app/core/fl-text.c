/* fl-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-text"

#include "config.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "fl-text.h"

/* Folds one character after decomposition and appends the result, which
 * may be nothing (a tatweel) or more than one character (ß → ss). */
static void
fold_into (GString  *out,
           gunichar  c)
{
  UChar source[2], folded[8];
  UErrorCode status = U_ZERO_ERROR;
  int32_t len = 0, n;

  switch (c)
    {
    /* Arabic letter variants that Persian text uses interchangeably. */
    case 0x0643: /* ك ARABIC KAF */
      g_string_append_unichar (out, 0x06A9); /* ک KEHEH */
      return;
    case 0x064A: /* ي ARABIC YEH */
    case 0x0649: /* ى ALEF MAKSURA */
      g_string_append_unichar (out, 0x06CC); /* ی FARSI YEH */
      return;

    /* Tatweel only stretches a word. */
    case 0x0640:
      return;

    /* Zero-width non-joiner splits Persian compounds; the FTS tokenizer
     * splits on it too, so make that explicit and keep both sides alike. */
    case 0x200C:
      g_string_append_c (out, ' ');
      return;

    default:
      break;
    }

  /* Arabic-Indic and Persian digits become ASCII digits. */
  if (c >= 0x0660 && c <= 0x0669)
    {
      g_string_append_c (out, '0' + (c - 0x0660));
      return;
    }
  if (c >= 0x06F0 && c <= 0x06F9)
    {
      g_string_append_c (out, '0' + (c - 0x06F0));
      return;
    }

  /* Turkish: dotted and dotless i are one letter for search, whatever the
   * case and the locale. İ decomposes to I + U+0307 before this. */
  if (c < 0x80)
    {
      g_string_append_c (out, g_ascii_tolower (c));
      return;
    }

  /* Everything else: Unicode full case folding as ICU does it, with the
   * Turkic rules for I (so ß matches ss and final sigma matches sigma). */
  U16_APPEND_UNSAFE (source, len, c);
  n = u_strFoldCase (folded, G_N_ELEMENTS (folded), source, len, U_FOLD_CASE_EXCLUDE_SPECIAL_I, &status);
  if (U_FAILURE (status))
    {
      g_string_append_unichar (out, g_unichar_tolower (c));
      return;
    }

  for (int32_t i = 0; i < n;)
    {
      UChar32 f;

      U16_NEXT (folded, i, n, f);
      g_string_append_unichar (out, f == 0x0131 /* ı */ ? 'i' : (gunichar) f);
    }
}

/**
 * fl_text_fold:
 * @text: (nullable): UTF-8 text, which need not be valid
 * @len: length of @text in bytes, or -1 if nul-terminated
 *
 * Folds @text into the form that search compares: case-folded as ICU
 * does it (full folding, so "ß" matches "ss"), without diacritics (so "ş" matches "s" and "é" matches "e"), with the Turkish
 * dotted and dotless i made one letter, Arabic kaf and yeh mapped to their
 * Persian forms, and Persian and Arabic-Indic digits mapped to ASCII. The
 * same function folds indexed text and queries, so they always agree.
 *
 * Returns: (transfer full): the folded text
 */
char *
fl_text_fold (const char *text,
              gssize      len)
{
  g_autofree char *valid = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  valid = fl_text_make_valid (text, len);
  decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Combining marks: Latin accents, the dot of İ, Arabic harakat. */
      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;

      fold_into (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Folds one character as fl_text_fold() does, appending the result. */
static void
fold_append (GString  *out,
             gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));

  for (gsize i = 0; i < n; i++)
    {
      gunichar d = decomposed[i];

      if (g_unichar_type (d) == G_UNICODE_NON_SPACING_MARK)
        continue;
      fold_into (out, d);
    }
}

/**
 * fl_text_highlight:
 * @text: (nullable): text to show, such as a subject
 * @words: (nullable) (array zero-terminated=1): folded words, as a
 *   search matches them: at the start of a word of @text
 *
 * Escapes @text for Pango markup and puts the parts that match @words in
 * bold. Matching folds @text the way fl_text_fold() does, one character
 * at a time, so "SİPARİŞ" is highlighted for "siparis" and "كتاب" for
 * "کتاب", and the highlight covers the characters as they were written.
 *
 * Returns: (transfer full) (nullable): the markup, or %NULL when no word
 *   matched
 */
char *
fl_text_highlight (const char         *text,
                   const char * const *words)
{
  g_autofree char *valid = NULL;
  g_autofree guint8 *marks = NULL;
  g_autoptr(GString) folded = NULL;
  g_autoptr(GArray) origin = NULL;
  gboolean prev_alnum = FALSE;
  gboolean any = FALSE;
  GString *markup;
  gsize len;

  if (text == NULL || words == NULL || words[0] == NULL)
    return NULL;

  valid = fl_text_make_valid (text, -1);
  len = strlen (valid);
  folded = g_string_sized_new (len);
  origin = g_array_sized_new (FALSE, FALSE, sizeof (guint), len);

  /* origin[i] is where, in @valid, the character that gave folded byte i
   * starts. */
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gsize before = folded->len;
      guint offset = p - valid;

      fold_append (folded, g_utf8_get_char (p));
      for (gsize i = before; i < folded->len; i++)
        g_array_append_val (origin, offset);
    }

  marks = g_new0 (guint8, len + 1);
  for (const char *q = folded->str; *q; q = g_utf8_next_char (q))
    {
      gboolean alnum = g_unichar_isalnum (g_utf8_get_char (q));
      gsize at = q - folded->str;

      if (alnum && !prev_alnum)
        for (guint w = 0; words[w]; w++)
          {
            gsize wlen = strlen (words[w]);

            if (wlen > 0 && at + wlen <= folded->len && strncmp (q, words[w], wlen) == 0)
              {
                guint start = g_array_index (origin, guint, at);
                guint last = g_array_index (origin, guint, at + wlen - 1);
                guint end = g_utf8_next_char (valid + last) - valid;

                memset (marks + start, 1, end - start);
                any = TRUE;
              }
          }
      prev_alnum = alnum;
    }

  if (!any)
    return NULL;

  markup = g_string_sized_new (len + 16);
  for (gsize i = 0; i < len;)
    {
      gsize j = i;
      g_autofree char *escaped = NULL;

      while (j < len && marks[j] == marks[i])
        j++;
      escaped = g_markup_escape_text (valid + i, j - i);
      if (marks[i])
        g_string_append_printf (markup, "<b>%s</b>", escaped);
      else
        g_string_append (markup, escaped);
      i = j;
    }

  return g_string_free (markup, FALSE);
}

/**
 * fl_text_make_valid:
 * @text: (nullable): text that should be UTF-8
 * @len: length in bytes, or -1
 *
 * Returns: (transfer full): @text with invalid sequences replaced by
 *   U+FFFD and embedded nul bytes dropped
 */
char *
fl_text_make_valid (const char *text,
                    gssize      len)
{
  if (text == NULL)
    return g_strdup ("");

  if (len < 0)
    len = strlen (text);

  return g_utf8_make_valid (text, len);
}

/**
 * fl_text_snippet:
 * @text: (nullable): a message body
 * @max_chars: the most characters to keep
 *
 * Makes a one-line excerpt: quoted lines ("> …") are skipped, white space
 * is collapsed, and the text is cut at a character boundary with an
 * ellipsis.
 *
 * Returns: (transfer full): the snippet
 */
char *
fl_text_snippet (const char *text,
                 guint       max_chars)
{
  g_autofree char *valid = fl_text_make_valid (text, -1);
  g_auto(GStrv) lines = g_strsplit (valid, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_chars = 0;
  gboolean space = FALSE;

  for (guint i = 0; lines[i] != NULL && n_chars < max_chars; i++)
    {
      const char *line = lines[i];

      while (*line == ' ' || *line == '\t')
        line++;
      if (*line == '>')
        continue;

      for (const char *p = line; *p && n_chars < max_chars; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
            {
              space = out->len > 0;
              continue;
            }
          if (space)
            {
              g_string_append_c (out, ' ');
              n_chars++;
              space = FALSE;
            }
          g_string_append_unichar (out, c);
          n_chars++;
        }
      space = out->len > 0;
    }

  if (n_chars >= max_chars)
    g_string_append (out, "…");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
is_mention_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '_' || c == '-' || c == '.' ||
         g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK ||
         c == 0x200C;
}

/**
 * fl_text_find_mentions:
 * @text: (nullable): a note's text
 *
 * Finds "@name" mentions. A mention starts with "@" at the start of the
 * text or after a character that cannot be part of a name, so the "@" in
 * an email address such as "bob@example.com" is not a mention. A trailing
 * dot or dash is punctuation, not part of the name.
 *
 * Returns: (transfer full) (element-type utf8): the names, without "@",
 *   in order, each once
 */
GPtrArray *
fl_text_find_mentions (const char *text)
{
  g_autofree char *valid = fl_text_make_valid (text, -1);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  gunichar prev = 0;

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '@' && prev != '@' && (prev == 0 || !is_mention_char (prev)))
        {
          const char *start = p + 1;
          const char *end = start;
          g_autofree char *name = NULL;
          gboolean seen = FALSE;

          while (*end && is_mention_char (g_utf8_get_char (end)))
            end = g_utf8_next_char (end);

          /* Drop trailing punctuation such as "@ayse." or "@ayse-". */
          while (end > start && (end[-1] == '.' || end[-1] == '-'))
            end--;

          if (end > start)
            {
              name = g_strndup (start, end - start);
              for (guint i = 0; i < names->len; i++)
                seen |= g_strcmp0 (names->pdata[i], name) == 0;
              if (!seen)
                g_ptr_array_add (names, g_steal_pointer (&name));
              p = end - 1;
              c = g_utf8_get_char (g_utf8_find_prev_char (valid, end));
            }
        }
      prev = c;
    }

  return names;
}

/**
 * fl_text_identity:
 * @email_or_phone: (nullable): an email address or a phone number
 *
 * Normalises an email address (trimmed, lower case) or a phone number
 * (digits only, Persian and Arabic-Indic digits included, with a leading
 * "+" kept and the international prefix "00" written as "+") so that the
 * same customer is recognised across accounts.
 *
 * Returns: (transfer full): the identity, or an empty string
 */
char *
fl_text_identity (const char *email_or_phone)
{
  g_autofree char *valid = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (email_or_phone == NULL)
    return g_strdup ("");

  valid = fl_text_make_valid (email_or_phone, -1);
  g_strstrip (valid);

  /* An email address, lowered without the locale: g_utf8_strdown() would
   * turn "I" into "ı" in a Turkish session. */
  if (strchr (valid, '@') != NULL)
    {
      out = g_string_new (NULL);
      for (const char *p = valid; *p; p = g_utf8_next_char (p))
        g_string_append_unichar (out, g_unichar_tolower (g_utf8_get_char (p)));
      return g_string_free (out, FALSE);
    }

  /* A phone number: keep the digits, so "+90 (532) 555-01-23" and
   * "+905325550123" are one identity. */
  folded = fl_text_fold (valid, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isdigit (*p) || (*p == '+' && out->len == 0))
        g_string_append_c (out, *p);
    }

  /* "0090 532…" dials the same number as "+90 532…". */
  if (g_str_has_prefix (out->str, "00"))
    {
      g_string_erase (out, 0, 1);
      out->str[0] = '+';
    }

  /* Too few digits to identify anyone. */
  if (out->len < 5)
    g_string_truncate (out, 0);

  return g_string_free (out, FALSE);
}

/**
 * fl_text_safe_filename:
 * @name: (nullable): a file name from a server, a message or the agent
 *
 * Makes a name safe to create in a folder: no path separators, no "." or
 * "..", no leading dots (hidden files), no control or bidirectional
 * override characters, valid UTF-8, at most 200 bytes with the extension
 * kept. An empty result becomes "attachment".
 *
 * Returns: (transfer full): the safe name
 */
char *
fl_text_safe_filename (const char *name)
{
  g_autofree char *valid = fl_text_make_valid (name, -1);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *start;
  const char *dot;

  /* Only the last path component counts, whichever separator was used. */
  start = valid;
  for (const char *p = valid; *p; p++)
    if (*p == '/' || *p == '\\')
      start = p + 1;

  for (const char *p = start; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == ':' || c == '*' || c == '?' || c == '"' ||
          c == '<' || c == '>' || c == '|' ||
          (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F)
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }

  /* No leading dots or spaces, no trailing spaces or dots. */
  while (out->len > 0 && (out->str[0] == '.' || out->str[0] == ' '))
    g_string_erase (out, 0, 1);
  while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '.'))
    g_string_truncate (out, out->len - 1);

  if (out->len == 0)
    g_string_assign (out, "attachment");

  /* Keep the extension when cutting a long name, at a character boundary. */
  if (out->len > 200)
    {
      g_autofree char *ext = NULL;
      gsize keep;

      dot = strrchr (out->str, '.');
      if (dot != NULL && strlen (dot) <= 16)
        ext = g_strdup (dot);
      keep = 200 - (ext ? strlen (ext) : 0);
      while (keep > 0 && (out->str[keep] & 0xC0) == 0x80)
        keep--;
      g_string_truncate (out, keep);
      if (ext != NULL)
        g_string_append (out, ext);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * fl_text_unique_filename:
 * @dir: the folder
 * @name: a safe name, from fl_text_safe_filename()
 *
 * Returns: (transfer full): a path in @dir that does not exist yet:
 *   "name.pdf", else "name (2).pdf", "name (3).pdf" …
 */
char *
fl_text_unique_filename (const char *dir,
                         const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = dot && dot != name ? g_strndup (name, dot - name) : g_strdup (name);
  const char *ext = dot && dot != name ? dot : "";
  char *path = g_build_filename (dir, name, NULL);

  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s (%u)%s", stem, n, ext);

      g_free (path);
      path = g_build_filename (dir, candidate, NULL);
    }

  return path;
}

/**
 * fl_text_find_mention_marker:
 * @html: (nullable): a note's HTML body
 *
 * Finds the user names listed in a "<!-- frontline-mentions:a,b -->"
 * comment, which Frontline adds to the notes it sends so that any client
 * knows whom they mention, however the text reads.
 *
 * Returns: (transfer full) (element-type utf8): the names, possibly none
 */
GPtrArray *
fl_text_find_mention_marker (const char *html)
{
  static const char start[] = "<!-- frontline-mentions:";
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *begin, *end;
  g_autofree char *list = NULL;
  g_auto(GStrv) parts = NULL;

  if (html == NULL || !(begin = strstr (html, start)))
    return names;
  begin += strlen (start);
  if (!(end = strstr (begin, "-->")))
    return names;

  list = g_strndup (begin, end - begin);
  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      char *name = fl_text_make_valid (g_strstrip (parts[i]), -1);

      if (*name != '\0' && strlen (name) <= 64)
        g_ptr_array_add (names, name);
      else
        g_free (name);
    }

  return names;
}

/* Whether @len bytes at @p stand alone as a mention: not the end of an
 * address ("bob@ayse") and not the start of a longer name ("@ayseg");
 * a full stop or hyphen that ends the sentence does not count. */
static gboolean
mention_boundary (const char *start,
                  const char *p,
                  gsize       len)
{
  const char *after = p + len;
  gunichar next = g_utf8_get_char_validated (after, -1);

  if (p > start)
    {
      const char *prev = g_utf8_find_prev_char (start, p);

      if (prev != NULL && is_mention_char (g_utf8_get_char_validated (prev, -1)))
        return FALSE;
    }

  if ((next == '.' || next == '-') && !is_mention_char (g_utf8_get_char_validated (after + 1, -1)))
    return TRUE;

  return !is_mention_char (next);
}

/**
 * fl_text_highlight_mention:
 * @markup: Pango markup whose text is already escaped
 * @handle: what to highlight, such as "@ayse"
 *
 * Wraps each "@handle" in @markup's text (never inside a tag, and not
 * when the name goes on, as "@ayse" in "@ayseg") in a highlighted span,
 * so an agent sees at once where a note speaks to them.
 *
 * Returns: (transfer full): the new markup, equal to @markup when the
 *   handle does not occur
 */
char *
fl_text_highlight_mention (const char *markup,
                           const char *handle)
{
  g_autofree char *needle = NULL;
  GString *out;
  gboolean in_tag = FALSE;
  gsize len;

  g_return_val_if_fail (markup != NULL, NULL);

  if (handle == NULL || *handle == '\0')
    return g_strdup (markup);

  needle = g_markup_escape_text (handle, -1);
  len = strlen (needle);
  out = g_string_new (NULL);

  for (const char *p = markup; *p; )
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>')
        in_tag = FALSE;

      if (!in_tag && g_ascii_strncasecmp (p, needle, len) == 0 && mention_boundary (markup, p, len))
        {
          g_string_append (out, "<span weight=\"bold\" background=\"#f8e45c\" foreground=\"#000000\">");
          g_string_append_len (out, p, len);
          g_string_append (out, "</span>");
          p += len;
          continue;
        }

      g_string_append_c (out, *p);
      p++;
    }

  return g_string_free (out, FALSE);
}
