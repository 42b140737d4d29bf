/* test-search.c: the search query language's parser and the highlighting
 * of matched words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "fl-enums.h"
#include "fl-search.h"
#include "fl-text.h"

static const char *field_names[] = {
  "text", "status", "channel", "priority", "assignee-me", "assignee-none", "assignee",
  "from", "account", "unread", "open", "before", "after",
};

/* One line per term: "[-]field[=value][/mask][@time][ phrase]". */
static char *
describe (const FlSearch *search)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < fl_search_get_n_terms (search); i++)
    {
      const FlSearchTerm *t = fl_search_get_term (search, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s%s", t->negated ? "-" : "", field_names[t->field]);
      if (t->value)
        g_string_append_printf (out, "=%s", t->value);
      if (t->mask)
        g_string_append_printf (out, "/%x", t->mask);
      if (t->phrase)
        g_string_append (out, "(phrase)");
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *input;
  const char *terms;
  gboolean    hint;
} ParseCase;

static void
test_parse (void)
{
  static const ParseCase cases[] = {
    { "", "", FALSE },
    { "   ", "", FALSE },
    { "kargo", "text=kargo", FALSE },
    { "Kargo  İADE", "text=kargo text=iade", FALSE },
    { "\"webhook failed\"", "text=webhook failed(phrase)", FALSE },
    { "\"unclosed phrase", "text=unclosed phrase(phrase)", FALSE },
    { "-refund", "-text=refund", FALSE },
    { "- refund", "text=refund", FALSE },
    { "-\"a b\"", "-text=a b(phrase)", FALSE },
    { "status:open", "status/2", FALSE },
    { "STATUS:OPEN", "status/2", FALSE },
    { "status:new,open", "status/3", FALSE },
    { "status:on-hold", "status/8", FALSE },
    { "status:onhold", "status/8", FALSE },
    { "status:\"on hold\"", "status/8", FALSE },
    { "status:so", "status/10", FALSE },         /* solved, unambiguous */
    { "-status:solved", "-status/10", FALSE },
    { "status:o", "", TRUE },                    /* open or on hold */
    { "status:bogus", "", TRUE },
    { "status:", "", TRUE },
    { "status:open,bogus", "", TRUE },
    { "channel:email", "channel/1", FALSE },
    { "channel:web,api", "channel/60", FALSE },
    { "channel:fax", "", TRUE },
    { "priority:urgent", "priority/8", FALSE },
    { "priority:hi", "priority/4", FALSE },
    { "assignee:me", "assignee-me", FALSE },
    { "assignee:ME", "assignee-me", FALSE },
    { "assignee:none", "assignee-none", FALSE },
    { "-assignee:none", "-assignee-none", FALSE },
    { "assignee:YILMAZ", "assignee=yilmaz", FALSE },
    { "assignee:\"Ayşe Yılmaz\"", "assignee=ayse yilmaz", FALSE },
    { "from:emily@example.com", "from=emily@example.com", FALSE },
    { "from:علي", "from=علی", FALSE },
    { "account:Acme", "account=acme", FALSE },
    { "is:unread", "unread", FALSE },
    { "is:read", "-unread", FALSE },
    { "-is:read", "unread", FALSE },
    { "is:open", "open", FALSE },
    { "is:closed", "-open", FALSE },
    { "İS:UNREAD", "unread", FALSE },
    { "is:starred", "", TRUE },
    { "before:2024-05-31", "before", FALSE },
    { "after:2024/05/01", "after", FALSE },
    { "after:۱۴۰۳-۰۲-۱۱", "", TRUE },            /* a Solar Hijri year is no Gregorian date */
    { "after:۲۰۲۴-۰۵-۰۱", "after", FALSE },
    { "before:2024-02-30", "", TRUE },
    { "before:yesterday", "", TRUE },
    /* An unknown keyword is text, with a hint; a colon inside a word too. */
    { "stauts:open", "text=stauts:open", TRUE },
    { "12:30", "text=12:30", FALSE },
    { "!!!", "", FALSE },
    { "sipariş status:open -from:\"ali veli\" kargo", "text=siparis status/2 -from=ali veli text=kargo", FALSE },
    { "كتاب ۱۲۳۴", "text=کتاب text=1234", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FlSearch) search = fl_search_parse (cases[i].input);
      g_autofree char *got = describe (search);

      g_test_message ("%s → %s (%s)", cases[i].input, got, fl_search_get_hint (search));
      g_assert_cmpstr (got, ==, cases[i].terms);
      g_assert_cmpint (fl_search_get_hint (search) != NULL, ==, cases[i].hint);
    }
}

static void
test_dates (void)
{
  g_autoptr(FlSearch) search = fl_search_parse ("after:2024-05-01 before:۲۰۲۴-۰۵-۳۱");
  g_autoptr(GDateTime) may1 = g_date_time_new_local (2024, 5, 1, 0, 0, 0);
  g_autoptr(GDateTime) may31 = g_date_time_new_local (2024, 5, 31, 0, 0, 0);

  g_assert_cmpuint (fl_search_get_n_terms (search), ==, 2);
  g_assert_cmpint (fl_search_get_term (search, 0)->field, ==, FL_SEARCH_AFTER);
  g_assert_cmpint (fl_search_get_term (search, 0)->time, ==, g_date_time_to_unix (may1));
  g_assert_cmpint (fl_search_get_term (search, 1)->field, ==, FL_SEARCH_BEFORE);
  g_assert_cmpint (fl_search_get_term (search, 1)->time, ==, g_date_time_to_unix (may31));
}

static void
test_hint_names_the_problem (void)
{
  g_autoptr(FlSearch) a = fl_search_parse ("status:bogus kargo");
  g_autoptr(FlSearch) b = fl_search_parse ("before:tomorrow");
  g_autoptr(FlSearch) c = fl_search_parse ("priority:");

  g_assert_nonnull (g_strstr_len (fl_search_get_hint (a), -1, "bogus"));
  g_assert_nonnull (g_strstr_len (fl_search_get_hint (b), -1, "tomorrow"));
  g_assert_nonnull (g_strstr_len (fl_search_get_hint (c), -1, "priority:"));
  /* The rest of the search still counts. */
  g_assert_cmpuint (fl_search_get_n_terms (a), ==, 1);
}

/* Pango markup is XML inside an implicit root element. */
static gboolean
is_well_formed (const char *markup)
{
  static const GMarkupParser parser = { 0, };
  g_autofree char *doc = g_strdup_printf ("<markup>%s</markup>", markup);
  g_autoptr(GMarkupParseContext) ctx = g_markup_parse_context_new (&parser, 0, NULL, NULL);

  return g_markup_parse_context_parse (ctx, doc, -1, NULL) &&
         g_markup_parse_context_end_parse (ctx, NULL);
}

typedef struct
{
  const char *query;
  const char *text;
  const char *markup;
} HighlightCase;

static void
test_highlight (void)
{
  static const HighlightCase cases[] = {
    { "kargo", "Kargo gecikmesi", "<b>Kargo</b> gecikmesi" },
    { "siparis", "SİPARİŞİM nerede", "<b>SİPARİŞ</b>İM nerede" },
    { "SİPARİŞ", "siparişim", "<b>sipariş</b>im" },
    { "ılık", "ILIK su", "<b>ILIK</b> su" },
    /* A word matches at the start of a word only, like the index. */
    { "arg", "Kargo", NULL },
    /* Arabic kaf and yeh in the text, Persian in the query; digits. */
    { "کتاب", "سفارش كتاب", "سفارش <b>كتاب</b>" },
    { "1234", "کد ۱۲۳۴۵", "کد <b>۱۲۳۴</b>۵" },
    /* Customer text is escaped, matched or not. */
    { "bold", "<b>bold</b> & more", "&lt;b&gt;<b>bold</b>&lt;/b&gt; &amp; more" },
    { "x", "<i>y</i>", NULL },
    /* Phrases highlight their words; negated words and keywords do not. */
    { "\"webhook failed\"", "Webhook failed again", "<b>Webhook</b> <b>failed</b> again" },
    { "-webhook failed", "Webhook failed", "Webhook <b>failed</b>" },
    { "status:open", "open", NULL },
    { "café", "Cafe CAFÉ", "<b>Cafe</b> <b>CAFÉ</b>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FlSearch) search = fl_search_parse (cases[i].query);
      g_autofree char *markup = fl_search_highlight (search, cases[i].text);

      g_test_message ("%s in %s → %s", cases[i].query, cases[i].text, markup);
      g_assert_cmpstr (markup, ==, cases[i].markup);
      if (markup != NULL)
        g_assert_true (is_well_formed (markup));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/parse", test_parse);
  g_test_add_func ("/search/dates", test_dates);
  g_test_add_func ("/search/hint-names-the-problem", test_hint_names_the_problem);
  g_test_add_func ("/search/highlight", test_highlight);

  return g_test_run ();
}
