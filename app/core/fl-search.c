/* fl-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-search"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fl-enums.h"
#include "fl-search.h"
#include "fl-text.h"

/**
 * FlSearch:
 *
 * A parsed search. The language, as the README documents it:
 *
 * - words: tickets whose subject, messages or customer contain words
 *   starting with each of them, in any order;
 * - `"a quoted phrase"`: those words, one after the other;
 * - `status:`, `channel:`, `priority:` with a value, or several separated
 *   by commas (`status:new,open`); values are the English names or the
 *   names shown in the interface's language, and any unambiguous start
 *   of one (`status:pend`);
 * - `assignee:me`, `assignee:none` or `assignee:NAME`;
 * - `from:NAME` or `from:ADDRESS`, the customer;
 * - `account:NAME`;
 * - `is:unread`, `is:read`, `is:open`, `is:closed`;
 * - `before:2024-05-31` and `after:2024-05-01`: created before that day,
 *   or on or after it, in local time;
 * - a leading `-` negates any of them: `-status:solved`, `-refund`.
 *
 * Keywords and values are folded like the indexed text, so `STATUS:Open`,
 * `İS:UNREAD` and Persian digits in dates all work. A term that cannot be
 * understood is left out and explained by the hint, so a typo never
 * silently empties the list.
 */
struct _FlSearch
{
  GArray    *terms;       /* FlSearchTerm */
  char      *hint;
  GPtrArray *highlights;  /* folded words, NULL-terminated */
};

static void
clear_term (gpointer data)
{
  FlSearchTerm *term = data;

  g_free (term->value);
}

/* Folded, without spaces, dashes or underscores, so that "on-hold",
 * "On hold" and "onhold" compare equal. */
static char *
squash (const char *text)
{
  g_autofree char *folded = fl_text_fold (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    if (*p != ' ' && *p != '-' && *p != '_')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

typedef const char *(*LabelFunc) (int value);

/* Matches one value of an enum by its nick or its translated label:
 * exactly, or by an unambiguous start. Returns -1 when nothing or more
 * than one value matches. */
static int
match_enum (GType       type,
            LabelFunc   label_func,
            const char *text)
{
  g_autofree char *wanted = squash (text);
  GEnumClass *klass;
  int found = -1;
  guint n_prefix = 0;

  if (*wanted == '\0')
    return -1;

  klass = g_type_class_ref (type);
  for (guint i = 0; i < klass->n_values; i++)
    {
      g_autofree char *nick = squash (klass->values[i].value_nick);
      g_autofree char *label = squash (label_func (klass->values[i].value));

      if (g_str_equal (wanted, nick) || g_str_equal (wanted, label))
        {
          found = klass->values[i].value;
          n_prefix = 1;
          break;
        }
      if (g_str_has_prefix (nick, wanted) || g_str_has_prefix (label, wanted))
        {
          if (found != klass->values[i].value)
            n_prefix++;
          found = klass->values[i].value;
        }
    }
  g_type_class_unref (klass);

  return n_prefix == 1 ? found : -1;
}

static const char *
status_label (int value)
{
  return fl_status_get_label (value);
}

static const char *
channel_label (int value)
{
  return fl_channel_get_label (value);
}

static const char *
priority_label (int value)
{
  return fl_priority_get_label (value);
}

/* Parses a comma-separated list of enum values into a bit mask. Returns
 * FALSE, with @bad set to the first value not understood, on failure. */
static gboolean
parse_enum_list (GType        type,
                 LabelFunc    label_func,
                 const char  *text,
                 guint       *mask,
                 char       **bad)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  *mask = 0;
  for (guint i = 0; parts[i]; i++)
    {
      int value;

      if (*parts[i] == '\0')
        continue;
      value = match_enum (type, label_func, parts[i]);
      if (value < 0)
        {
          *bad = g_strdup (parts[i]);
          return FALSE;
        }
      *mask |= 1u << value;
    }

  if (*mask == 0)
    {
      *bad = g_strdup (text);
      return FALSE;
    }
  return TRUE;
}

/* A day as YYYY-MM-DD (or with / or .), after folding, so Persian and
 * Arabic-Indic digits are read too. Returns the local midnight. */
static gboolean
parse_date (const char *text,
            gint64     *time)
{
  g_autofree char *folded = fl_text_fold (text, -1);
  g_autoptr(GDateTime) dt = NULL;
  guint year, month, day;
  char sep1, sep2, rest;

  if (sscanf (folded, "%4u%c%2u%c%2u%c", &year, &sep1, &month, &sep2, &day, &rest) != 5 ||
      sep1 != sep2 || strchr ("-/.", sep1) == NULL ||
      !g_date_valid_dmy (day, month, year) || year < 1970)
    return FALSE;

  dt = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (dt == NULL)
    return FALSE;
  *time = g_date_time_to_unix (dt);
  return TRUE;
}

static void
set_hint (FlSearch   *self,
          char       *hint)
{
  /* The first problem is the one worth reading. */
  if (self->hint == NULL)
    self->hint = hint;
  else
    g_free (hint);
}

static void
add_highlights (FlSearch   *self,
                const char *folded)
{
  const char *p = folded;

  while (*p)
    {
      const char *start;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_insert (self->highlights, self->highlights->len - 1,
                            g_strndup (start, p - start));
    }
}

/* Handles one `key:value`. Returns FALSE when @key is no keyword, so the
 * caller searches for the whole token as text. */
static gboolean
add_keyword_term (FlSearch   *self,
                  const char *key,
                  const char *value,
                  gboolean    negated)
{
  g_autofree char *k = fl_text_fold (key, -1);
  g_autofree char *v = fl_text_fold (value, -1);
  g_autofree char *bad = NULL;
  FlSearchTerm term = { 0, };

  term.negated = negated;

  if (!g_str_equal (k, "status") && !g_str_equal (k, "channel") &&
      !g_str_equal (k, "priority") && !g_str_equal (k, "assignee") &&
      !g_str_equal (k, "from") && !g_str_equal (k, "account") &&
      !g_str_equal (k, "is") && !g_str_equal (k, "before") &&
      !g_str_equal (k, "after"))
    return FALSE;

  g_strstrip (v);
  if (*v == '\0')
    {
      /* Translators: a search hint, shown while the agent types a
       * keyword such as "status:" without a value yet; %s is the keyword */
      set_hint (self, g_strdup_printf (_("Type a value after “%s:”."), k));
      return TRUE;
    }

  if (g_str_equal (k, "status"))
    {
      term.field = FL_SEARCH_STATUS;
      if (!parse_enum_list (FL_TYPE_STATUS, status_label, v, &term.mask, &bad))
        {
          /* Translators: a search hint; %s is what the agent typed after
           * "status:". Keep the English values: they always work. */
          set_hint (self, g_strdup_printf (_("There is no status “%s”. Try new, open, pending, on-hold, solved or closed."), bad));
          return TRUE;
        }
    }
  else if (g_str_equal (k, "channel"))
    {
      term.field = FL_SEARCH_CHANNEL;
      if (!parse_enum_list (FL_TYPE_CHANNEL, channel_label, v, &term.mask, &bad))
        {
          /* Translators: a search hint; %s is what the agent typed after
           * "channel:". Keep the English values: they always work. */
          set_hint (self, g_strdup_printf (_("There is no channel “%s”. Try email, chat, phone, social, marketplace, web or api."), bad));
          return TRUE;
        }
    }
  else if (g_str_equal (k, "priority"))
    {
      term.field = FL_SEARCH_PRIORITY;
      if (!parse_enum_list (FL_TYPE_PRIORITY, priority_label, v, &term.mask, &bad))
        {
          /* Translators: a search hint; %s is what the agent typed after
           * "priority:". Keep the English values: they always work. */
          set_hint (self, g_strdup_printf (_("There is no priority “%s”. Try low, normal, high or urgent."), bad));
          return TRUE;
        }
    }
  else if (g_str_equal (k, "assignee"))
    {
      if (g_str_equal (v, "me"))
        term.field = FL_SEARCH_ASSIGNEE_ME;
      else if (g_str_equal (v, "none"))
        term.field = FL_SEARCH_ASSIGNEE_NONE;
      else
        {
          term.field = FL_SEARCH_ASSIGNEE;
          term.value = g_steal_pointer (&v);
        }
    }
  else if (g_str_equal (k, "from") || g_str_equal (k, "account"))
    {
      term.field = g_str_equal (k, "from") ? FL_SEARCH_FROM : FL_SEARCH_ACCOUNT;
      term.value = g_steal_pointer (&v);
    }
  else if (g_str_equal (k, "is"))
    {
      if (g_str_equal (v, "unread") || g_str_equal (v, "read"))
        {
          term.field = FL_SEARCH_UNREAD;
          term.negated = g_str_equal (v, "read") ? !negated : negated;
        }
      else if (g_str_equal (v, "open") || g_str_equal (v, "closed"))
        {
          term.field = FL_SEARCH_OPEN;
          term.negated = g_str_equal (v, "closed") ? !negated : negated;
        }
      else
        {
          /* Translators: a search hint; %s is what the agent typed after
           * "is:". Keep the English values. */
          set_hint (self, g_strdup_printf (_("“is:” takes unread, read, open or closed, not “%s”."), v));
          return TRUE;
        }
    }
  else
    {
      term.field = g_str_equal (k, "before") ? FL_SEARCH_BEFORE : FL_SEARCH_AFTER;
      if (!parse_date (v, &term.time))
        {
          /* Translators: a search hint; %s is what the agent typed after
           * "before:" or "after:". Keep the example date as it is. */
          set_hint (self, g_strdup_printf (_("“%s” is not a date. Write dates like 2024-05-31."), v));
          return TRUE;
        }
    }

  g_array_append_val (self->terms, term);
  return TRUE;
}

static void
add_text_term (FlSearch   *self,
               const char *text,
               gssize      len,
               gboolean    negated,
               gboolean    phrase)
{
  FlSearchTerm term = { 0, };
  g_autofree char *folded = fl_text_fold (text, len);
  gboolean has_word = FALSE;

  for (const char *p = folded; *p && !has_word; p = g_utf8_next_char (p))
    has_word = g_unichar_isalnum (g_utf8_get_char (p));

  /* Punctuation alone, or a lone "-" typed before a word, says nothing. */
  if (!has_word)
    return;

  term.field = FL_SEARCH_TEXT;
  term.negated = negated;
  term.phrase = phrase;
  term.value = g_steal_pointer (&folded);
  if (!negated)
    add_highlights (self, term.value);
  g_array_append_val (self->terms, term);
}

static gboolean
is_space (const char *p)
{
  return g_unichar_isspace (g_utf8_get_char (p));
}

/* Reads a quoted string starting at the quote at *p; an unclosed quote
 * runs to the end, as it does while the agent is still typing it. */
static char *
read_quoted (const char **p)
{
  const char *start = *p + 1;
  const char *end = strchr (start, '"');
  char *value;

  if (end == NULL)
    end = start + strlen (start);
  value = g_strndup (start, end - start);
  *p = *end ? end + 1 : end;
  return value;
}

/**
 * fl_search_parse:
 * @text: (nullable): what the agent typed
 *
 * Parses a search. Never fails: what cannot be understood is left out
 * and described by fl_search_get_hint().
 *
 * Returns: (transfer full): the parsed search
 */
FlSearch *
fl_search_parse (const char *text)
{
  FlSearch *self = g_new0 (FlSearch, 1);
  g_autofree char *valid = fl_text_make_valid (text, -1);
  const char *p = valid;

  self->terms = g_array_new (FALSE, TRUE, sizeof (FlSearchTerm));
  g_array_set_clear_func (self->terms, clear_term);
  self->highlights = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->highlights, NULL);

  while (*p)
    {
      gboolean negated = FALSE;
      const char *start;

      while (*p && is_space (p))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      if (*p == '-' && p[1] && !is_space (p + 1))
        {
          negated = TRUE;
          p++;
        }

      if (*p == '"')
        {
          g_autofree char *phrase = read_quoted (&p);

          add_text_term (self, phrase, -1, negated, TRUE);
          continue;
        }

      /* A keyword is letters up to a colon. */
      start = p;
      while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      if (p > start && *p == ':')
        {
          g_autofree char *key = g_strndup (start, p - start);
          g_autofree char *value = NULL;
          const char *after = ++p;

          if (*p == '"')
            value = read_quoted (&p);
          else
            {
              while (*p && !is_space (p))
                p = g_utf8_next_char (p);
              value = g_strndup (after, p - after);
            }

          if (!add_keyword_term (self, key, value, negated))
            {
              /* Translators: a search hint; %s is a word the agent typed
               * before a colon that is no search keyword */
              set_hint (self, g_strdup_printf (_("“%s:” is not a search keyword, so it is searched as text. Keywords: status, channel, priority, assignee, from, account, is, before, after."),
                                               key));
              add_text_term (self, start, p - start, negated, FALSE);
            }
          continue;
        }

      while (*p && !is_space (p))
        p = g_utf8_next_char (p);
      add_text_term (self, start, p - start, negated, FALSE);
    }

  return self;
}

void
fl_search_free (FlSearch *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->terms);
  g_ptr_array_unref (self->highlights);
  g_free (self->hint);
  g_free (self);
}

guint
fl_search_get_n_terms (const FlSearch *self)
{
  return self->terms->len;
}

/**
 * fl_search_get_term:
 *
 * Returns: (transfer none): the @i-th term
 */
const FlSearchTerm *
fl_search_get_term (const FlSearch *self,
                    guint           i)
{
  g_return_val_if_fail (i < self->terms->len, NULL);

  return &g_array_index (self->terms, FlSearchTerm, i);
}

/**
 * fl_search_get_hint:
 *
 * Returns: (nullable): a translated sentence about a part of the search
 *   that was not understood, or %NULL when all of it was
 */
const char *
fl_search_get_hint (const FlSearch *self)
{
  return self->hint;
}

/**
 * fl_search_get_highlights:
 *
 * Returns: (transfer none): the folded words that matched tickets show
 *   highlighted, %NULL-terminated
 */
const char * const *
fl_search_get_highlights (const FlSearch *self)
{
  return (const char * const *) self->highlights->pdata;
}

/**
 * fl_search_highlight:
 * @text: (nullable): customer text
 *
 * Returns: (transfer full) (nullable): @text escaped as Pango markup, with
 *   the words the search matched in bold; %NULL when none matched
 */
char *
fl_search_highlight (const FlSearch *self,
                     const char     *text)
{
  return fl_text_highlight (text, fl_search_get_highlights (self));
}
