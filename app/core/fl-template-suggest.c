/* fl-template-suggest.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-template-suggest"

#include "config.h"

#include <math.h>
#include <string.h>

#include "fl-template.h"
#include "fl-template-suggest.h"
#include "fl-text.h"

/* BM25 parameters: the usual ones; short documents, so length matters. */
#define K1 1.2
#define B  0.75

/* Latin words are cut to this many letters: a cheap stemmer that joins
 * "refund", "refunded" and "refunds", and Turkish "sipariş", "siparişim",
 * "siparişimi", without a dictionary. */
#define LATIN_STEM 5

/* Words that say nothing about the topic, in folded form. */
static const char * const stop_words[] = {
  /* English */
  "the", "and", "or", "to", "of", "in", "on", "for", "is", "it", "its", "my", "you",
  "your", "me", "we", "our", "us", "this", "that", "with", "have", "has", "had", "was",
  "be", "been", "are", "am", "not", "but", "can", "could", "please", "hi", "hello",
  "hey", "thanks", "thank", "regards", "just", "so", "at", "from", "do", "did", "does",
  "get", "got", "would", "will", "there", "what", "when", "how", "any", "about", "as",
  "if", "by", "an", "im", "ive", "dont", "its", "all", "some", "now", "one", "them",
  "they", "he", "she", "his", "her", "out", "up", "an", "yes", "no", "dear", "team",
  "best", "kind", "cheers", "hope", "know", "let", "also", "which", "who", "why",
  /* Turkish */
  "ve", "bir", "bu", "da", "de", "icin", "ile", "mi", "mu", "ben", "biz", "siz",
  "ama", "cok", "daha", "ne", "gibi", "merhaba", "tesekkurler", "tesekkur", "lutfen",
  "iyi", "gunler", "olarak", "var", "bana", "beni", "sizin", "benim", "bunu", "su",
  "ya", "ki", "hem", "en", "selam", "saygilarimla", "rica", "ederim", "acaba", "nasil",
  /* Persian, folded (ي→ی, ك→ک, no diacritics) */
  "و", "در", "به", "از", "که", "این", "آن", "ان", "را", "با", "است", "برای", "من", "ما",
  "شما", "یک", "هم", "تا", "سلام", "ممنون", "لطفا", "خیلی", "هست", "بود", "شد", "ام",
  "ای", "اما", "یا", "چه", "هر", "اگر", "می", "نمی", "مرسی", "باتشکر", "تشکر", "سپاس",
  "احترام", "وقت", "بخیر", "روز", "ها", "های", "هایم", "رو", "هستم", "کنم", "کنید",
  NULL
};

/* Persian suffixes, longest first; cut only when three letters remain. */
static const char * const fa_suffixes[] = {
  "هایمان", "هایتان", "هایشان", "هایم", "هایت", "هایش", "های", "ها",
  "ترین", "تر", "تان", "مان", "شان", "ام", "ات", "اش", "ای", "م", "ت", "ش", "ی",
  NULL
};

static GHashTable *
get_stop_words (void)
{
  static GHashTable *table;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; stop_words[i]; i++)
        g_hash_table_add (table, fl_text_fold (stop_words[i], -1));
      g_once_init_leave (&initialised, 1);
    }
  return table;
}

static gboolean
is_arabic_script (const char *word)
{
  return g_unichar_get_script (g_utf8_get_char (word)) == G_UNICODE_SCRIPT_ARABIC;
}

static char *
stem (const char *word)
{
  glong n_chars = g_utf8_strlen (word, -1);

  if (is_arabic_script (word))
    {
      const char *start = word;
      g_autofree char *copy = NULL;

      /* The continuous prefix of verbs, written without a ZWNJ. */
      if ((g_str_has_prefix (word, "نمی") && n_chars >= 6) ||
          (g_str_has_prefix (word, "می") && n_chars >= 5))
        start = g_utf8_offset_to_pointer (word, g_str_has_prefix (word, "نمی") ? 3 : 2);
      copy = g_strdup (start);
      n_chars = g_utf8_strlen (copy, -1);

      for (guint i = 0; fa_suffixes[i]; i++)
        {
          glong suffix_chars = g_utf8_strlen (fa_suffixes[i], -1);

          if (n_chars - suffix_chars >= 3 && g_str_has_suffix (copy, fa_suffixes[i]))
            {
              copy[strlen (copy) - strlen (fa_suffixes[i])] = '\0';
              break;
            }
        }
      return g_steal_pointer (&copy);
    }

  if (n_chars > LATIN_STEM)
    {
      const char *end = g_utf8_offset_to_pointer (word, LATIN_STEM);

      return g_strndup (word, end - word);
    }
  return g_strdup (word);
}

static gboolean
all_digits (const char *word)
{
  for (const char *p = word; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Copies @text without quoted lines ("> …") and {{placeholders}}. */
static char *
strip_noise (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean line_start = TRUE;

  for (const char *p = text; *p; )
    {
      if (line_start && *p == '>')
        {
          const char *nl = strchr (p, '\n');

          if (nl == NULL)
            break;
          p = nl + 1;
          continue;
        }
      if (p[0] == '{' && p[1] == '{')
        {
          const char *end = strstr (p, "}}");

          if (end != NULL)
            {
              g_string_append_c (out, ' ');
              p = end + 2;
              line_start = FALSE;
              continue;
            }
        }
      line_start = (*p == '\n');
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/**
 * fl_suggest_tokenize:
 * @text: (nullable): a message or a template
 *
 * Splits @text into search terms: folded like search (case, accents,
 * Turkish i, Persian letter variants), without stop words, numbers,
 * quoted lines and placeholders, and stemmed: Latin words to their first
 * letters, Persian words without their common suffixes and verb prefix.
 *
 * Returns: (transfer full) (element-type utf8): the terms, in order
 */
GPtrArray *
fl_suggest_tokenize (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *valid = fl_text_make_valid (text, -1);
  g_autofree char *stripped = strip_noise (valid);
  g_autofree char *folded = fl_text_fold (stripped, -1);
  GHashTable *stop = get_stop_words ();
  GString *word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || c == '\''))
        {
          if (c != '\'')
            g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          if (g_utf8_strlen (word->str, -1) >= 2 && !all_digits (word->str) &&
              !g_hash_table_contains (stop, word->str))
            g_ptr_array_add (tokens, stem (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  return tokens;
}

typedef struct
{
  char       *key;
  GHashTable *counts;  /* term → count */
  guint       length;
} Doc;

struct _FlSuggester
{
  GPtrArray  *docs;
  GHashTable *df;      /* term → documents with it */
  double      avg_length;
};

static void
doc_free (gpointer data)
{
  Doc *doc = data;

  g_free (doc->key);
  g_hash_table_unref (doc->counts);
  g_free (doc);
}

static void
doc_add (Doc        *doc,
         const char *text,
         guint       weight)
{
  g_autoptr(GPtrArray) tokens = fl_suggest_tokenize (text);

  for (guint i = 0; i < tokens->len; i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (doc->counts, tokens->pdata[i]));

      g_hash_table_replace (doc->counts, g_strdup (tokens->pdata[i]), GUINT_TO_POINTER (n + weight));
      doc->length += weight;
    }
}

/**
 * fl_suggester_new:
 * @templates: (element-type FlTemplate): the library, every variant
 *
 * Indexes the library for ranking. All language variants of a response
 * make one document, so a message in any language finds its response;
 * the name counts twice, as it says what the response is about.
 *
 * Returns: (transfer full): the suggester
 */
FlSuggester *
fl_suggester_new (GPtrArray *templates)
{
  FlSuggester *self = g_new0 (FlSuggester, 1);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  guint64 total = 0;

  self->docs = g_ptr_array_new_with_free_func (doc_free);
  self->df = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; templates && i < templates->len; i++)
    {
      FlTemplate *t = templates->pdata[i];
      const char *key = fl_template_get_key (t);
      Doc *doc;

      if (key == NULL)
        continue;
      doc = g_hash_table_lookup (by_key, key);
      if (doc == NULL)
        {
          doc = g_new0 (Doc, 1);
          doc->key = g_strdup (key);
          doc->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_ptr_array_add (self->docs, doc);
          g_hash_table_insert (by_key, doc->key, doc);
        }
      doc_add (doc, fl_template_get_name (t), 2);
      doc_add (doc, fl_template_get_body (t), 1);
    }

  for (guint i = 0; i < self->docs->len; i++)
    {
      Doc *doc = self->docs->pdata[i];
      GHashTableIter iter;
      gpointer term;

      total += doc->length;
      g_hash_table_iter_init (&iter, doc->counts);
      while (g_hash_table_iter_next (&iter, &term, NULL))
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->df, term));

          g_hash_table_replace (self->df, g_strdup (term), GUINT_TO_POINTER (n + 1));
        }
    }
  self->avg_length = self->docs->len ? (double) total / self->docs->len : 1;

  return self;
}

/**
 * fl_suggester_free:
 * @self: (transfer full) (nullable): a suggester
 */
void
fl_suggester_free (FlSuggester *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->docs);
  g_hash_table_unref (self->df);
  g_free (self);
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const FlSuggestion *sa = a;
  const FlSuggestion *sb = b;

  if (sa->score != sb->score)
    return sa->score < sb->score ? 1 : -1;
  return g_strcmp0 (sa->key, sb->key);
}

/**
 * fl_suggester_rank:
 * @self: a suggester
 * @message: (nullable): the customer's last message
 * @max: the most suggestions to return
 *
 * Ranks the responses by BM25 against @message. Responses that share no
 * term with it are left out, so a message about nothing in the library
 * gets no suggestion rather than a random one.
 *
 * Returns: (transfer full) (element-type FlSuggestion): the best
 *   responses first; the keys belong to @self
 */
GArray *
fl_suggester_rank (FlSuggester *self,
                   const char  *message,
                   guint        max)
{
  g_autoptr(GPtrArray) tokens = fl_suggest_tokenize (message);
  g_autoptr(GHashTable) query = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *ranked = g_array_new (FALSE, FALSE, sizeof (FlSuggestion));
  guint n_docs = self->docs->len;

  for (guint i = 0; i < tokens->len; i++)
    g_hash_table_add (query, tokens->pdata[i]);

  for (guint d = 0; d < n_docs; d++)
    {
      Doc *doc = self->docs->pdata[d];
      GHashTableIter iter;
      gpointer term;
      FlSuggestion s = { doc->key, 0 };

      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &term, NULL))
        {
          double tf = GPOINTER_TO_UINT (g_hash_table_lookup (doc->counts, term));
          double df = GPOINTER_TO_UINT (g_hash_table_lookup (self->df, term));
          double idf;

          if (tf == 0)
            continue;
          idf = log (1 + (n_docs - df + 0.5) / (df + 0.5));
          s.score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * doc->length / self->avg_length));
        }
      if (s.score > 0)
        g_array_append_val (ranked, s);
    }

  g_array_sort (ranked, compare_suggestions);
  if (ranked->len > max)
    g_array_set_size (ranked, max);
  return ranked;
}
