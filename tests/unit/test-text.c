/* test-text.c: search folding, snippets, mentions and identities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fl-rt-backend.h"
#include "fl-text.h"

typedef struct
{
  const char *input;
  const char *folded;
} FoldCase;

static void
test_fold (void)
{
  static const FoldCase cases[] = {
    /* Turkish: every i is one letter for search, in any case. */
    { "İSTANBUL", "istanbul" },
    { "ılık", "ilik" },
    { "ILIK", "ilik" },
    { "Kapı", "kapi" },
    { "KAPI", "kapi" },
    { "şçğöü ŞÇĞÖÜ", "scgou scgou" },
    /* Persian and Arabic letter variants and digits. */
    { "كتاب", "کتاب" },
    { "علي", "علی" },
    { "مصطفى", "مصطفی" },
    { "سفارش ۱۲۳۴", "سفارش 1234" },
    { "٤٥٦", "456" },
    { "کِتاب", "کتاب" },
    { "نـــام", "نام" },
    { "می\u200cخواهم", "می خواهم" },
    /* Latin diacritics and case. */
    { "Café CRÈME", "cafe creme" },
    { "Zoë", "zoe" },
    /* Full case folding (ICU), not just lower case. */
    { "Straße STRASSE", "strasse strasse" },
    { "ΣΟΦΟΣ σοφος", "σοφοσ σοφοσ" },
    { "ǅemal", "dzemal" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = fl_text_fold (cases[i].input, -1);
      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

static void
test_fold_invalid (void)
{
  /* Broken UTF-8 from a server must not break search or crash. */
  static const char broken[] = "ab\xff\xfe" "cd\xc3";
  g_autofree char *folded = fl_text_fold (broken, -1);
  g_autofree char *valid = fl_text_make_valid (broken, -1);

  g_assert_true (g_utf8_validate (folded, -1, NULL));
  g_assert_true (g_utf8_validate (valid, -1, NULL));
  g_assert_true (g_str_has_prefix (folded, "ab"));
  g_assert_nonnull (strstr (folded, "cd"));
  {
    g_autofree char *empty = fl_text_fold (NULL, -1);
    g_assert_cmpstr (empty, ==, "");
  }
}

static void
test_snippet (void)
{
  g_autofree char *a = fl_text_snippet ("Hello\n\n> quoted old text\n  world  again", 100);
  g_autofree char *b = fl_text_snippet ("abcdefghij", 4);
  g_autofree char *c = fl_text_snippet ("سلام   دنیا\tخوب", 100);
  g_autofree char *d = fl_text_snippet (NULL, 10);

  g_assert_cmpstr (a, ==, "Hello world again");
  g_assert_cmpstr (b, ==, "abcd…");
  g_assert_cmpstr (c, ==, "سلام دنیا خوب");
  g_assert_cmpstr (d, ==, "");
}

typedef struct
{
  const char *text;
  const char *expected;  /* comma-separated names */
} MentionCase;

static void
test_mentions (void)
{
  static const MentionCase cases[] = {
    { "@daniel can you check?", "daniel" },
    { "Thanks @ayse.", "ayse" },
    { "ping @mehmet and @daniel, and @daniel again", "mehmet,daniel" },
    { "mail bob@example.com about it", "" },
    { "at the end of a line @maryam\nnext", "maryam" },
    { "@ali", "ali" },
    { "(@ayşe) bakabilir misin?", "ayşe" },
    { "لطفاً @مریم بررسی کند", "مریم" },
    { "@ alone", "" },
    { "email@@x", "" },
    { "İlker ve @İlker.Şahin yarın bakar", "İlker.Şahin" },
    { "note for @agent2", "agent2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) names = fl_text_find_mentions (cases[i].text);
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint j = 0; j < names->len; j++)
        g_string_append_printf (joined, "%s%s", j ? "," : "", (char *) names->pdata[j]);

      g_assert_cmpstr (joined->str, ==, cases[i].expected);
    }
}

static char *
join_names (GPtrArray *names)
{
  GString *joined = g_string_new (NULL);

  for (guint j = 0; j < names->len; j++)
    g_string_append_printf (joined, "%s%s", j ? "," : "", (char *) names->pdata[j]);
  return g_string_free (joined, FALSE);
}

/* The mention list Frontline puts in the notes it sends, read back from
 * what the server returns; hostile names never close the comment. */
static void
test_mention_marker (void)
{
  static const MentionCase cases[] = {
    { "<p>x</p><!-- frontline:abc --><!-- frontline-mentions:agent2,ayşe -->", "agent2,ayşe" },
    { "<p>@agent2 only in the text</p>", "" },
    { "<!-- frontline-mentions:agent2", "" },
    { "<!-- frontline-mentions: -->", "" },
    { "<!-- frontline-mentions: daniel , maryam -->", "daniel,maryam" },
    { NULL, "" },
  };
  const char *mentions[] = { "agent2", "evil-->x", "a,b", "مریم", NULL };
  g_autofree char *html = fl_rt_reply_html ("لطفاً @agent2 و @مریم ببینید", "m1", mentions);
  g_autoptr(GPtrArray) round = fl_text_find_mention_marker (html);
  g_autofree char *round_joined = join_names (round);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) names = fl_text_find_mention_marker (cases[i].text);
      g_autofree char *joined = join_names (names);

      g_assert_cmpstr (joined, ==, cases[i].expected);
    }

  g_assert_nonnull (strstr (html, "dir=\"rtl\""));
  g_assert_null (strstr (html, "evil"));
  g_assert_cmpstr (round_joined, ==, "agent2,مریم");
}

typedef struct
{
  const char *markup;
  const char *expected;
} HighlightCase;

/* Pango markup is XML inside an implicit root. */
static gboolean
well_formed (const char *markup)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autofree char *wrapped = g_strdup_printf ("<markup>%s</markup>", markup);

  return g_markup_parse_context_parse (context, wrapped, -1, NULL) &&
         g_markup_parse_context_end_parse (context, NULL);
}

#define HL(x) "<span weight=\"bold\" background=\"#f8e45c\" foreground=\"#000000\">" x "</span>"

static void
test_highlight_mention (void)
{
  static const HighlightCase cases[] = {
    { "@ayse please look", HL ("@ayse") " please look" },
    { "Thanks @ayse.", "Thanks " HL ("@ayse") "." },
    { "@AYSE and @ayse", HL ("@AYSE") " and " HL ("@ayse") },
    { "@ayseg is someone else", "@ayseg is someone else" },
    { "mail bob@ayse.com", "mail bob@ayse.com" },
    { "<a href=\"mailto:x@ayse\">x@ayse</a> @ayse", "<a href=\"mailto:x@ayse\">x@ayse</a> " HL ("@ayse") },
    { "لطفاً @ayse ببینید", "لطفاً " HL ("@ayse") " ببینید" },
    { "no mention here", "no mention here" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = fl_text_highlight_mention (cases[i].markup, "@ayse");

      g_assert_cmpstr (out, ==, cases[i].expected);
      g_assert_true (well_formed (out));
    }
}

static void
test_identity (void)
{
  g_autofree char *a = fl_text_identity ("  Emily.Carter@Example.COM ");
  g_autofree char *b = fl_text_identity ("+90 (532) 555-01-23");
  g_autofree char *c = fl_text_identity ("+۹۰ ۵۳۲ ۵۵۵ ۰۱ ۲۳");
  g_autofree char *d = fl_text_identity ("n/a");
  g_autofree char *e = fl_text_identity ("ILKER@ORNEK.COM.TR");
  g_autofree char *f = fl_text_identity ("0090 532 555 01 23");

  g_assert_cmpstr (a, ==, "emily.carter@example.com");
  g_assert_cmpstr (b, ==, "+905325550123");
  g_assert_cmpstr (f, ==, "+905325550123");
  g_assert_cmpstr (c, ==, "+905325550123");
  g_assert_cmpstr (d, ==, "");
  /* Never Turkish-locale lowering: I stays i. */
  g_assert_cmpstr (e, ==, "ilker@ornek.com.tr");
}

typedef struct
{
  const char *input;
  const char *safe;
} NameCase;

static void
test_safe_filename (void)
{
  static const NameCase cases[] = {
    { "invoice.pdf", "invoice.pdf" },
    { "../../etc/passwd", "passwd" },
    { "..\\..\\windows\\system.ini", "system.ini" },
    { "/absolute/path/photo.jpg", "photo.jpg" },
    { "..", "attachment" },
    { ".", "attachment" },
    { "...hidden", "hidden" },
    { ".bashrc", "bashrc" },
    { "", "attachment" },
    { NULL, "attachment" },
    { "bad\nname\r.txt", "bad_name_.txt" },
    { "tab\there.txt", "tab_here.txt" },
    { "evil\u202Egnp.exe", "evil_gnp.exe" },
    { "what?.txt", "what_.txt" },
    { "trailing. . ", "trailing" },
    { "fatura ş ğ İ.pdf", "fatura ş ğ İ.pdf" },
    { "سند سفارش.pdf", "سند سفارش.pdf" },
    { "broken\xff.txt", "broken\xef\xbf\xbd.txt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = fl_text_safe_filename (cases[i].input);

      g_assert_cmpstr (safe, ==, cases[i].safe);
      g_assert_null (strchr (safe, '/'));
      g_assert_true (g_utf8_validate (safe, -1, NULL));
    }

  /* A long name keeps its extension and stays valid UTF-8. */
  {
    g_autoptr(GString) longname = g_string_new (NULL);
    g_autofree char *safe = NULL;

    for (guint i = 0; i < 150; i++)
      g_string_append (longname, "ş");
    g_string_append (longname, ".docx");
    safe = fl_text_safe_filename (longname->str);
    g_assert_cmpuint (strlen (safe), <=, 200);
    g_assert_true (g_str_has_suffix (safe, ".docx"));
    g_assert_true (g_utf8_validate (safe, -1, NULL));
  }
}

static void
test_unique_filename (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fl-unique-XXXXXX", NULL);
  g_autofree char *first = fl_text_unique_filename (dir, "report.pdf");
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  g_assert_true (g_str_has_suffix (first, "/report.pdf"));
  g_assert_true (g_file_set_contents (first, "x", 1, NULL));
  second = fl_text_unique_filename (dir, "report.pdf");
  g_assert_true (g_str_has_suffix (second, "/report (2).pdf"));
  g_assert_true (g_file_set_contents (second, "x", 1, NULL));
  third = fl_text_unique_filename (dir, "report.pdf");
  g_assert_true (g_str_has_suffix (third, "/report (3).pdf"));

  g_unlink (first);
  g_unlink (second);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/fold-invalid", test_fold_invalid);
  g_test_add_func ("/text/snippet", test_snippet);
  g_test_add_func ("/text/mentions", test_mentions);
  g_test_add_func ("/text/mention-marker", test_mention_marker);
  g_test_add_func ("/text/highlight-mention", test_highlight_mention);
  g_test_add_func ("/text/identity", test_identity);
  g_test_add_func ("/text/safe-filename", test_safe_filename);
  g_test_add_func ("/text/unique-filename", test_unique_filename);

  return g_test_run ();
}
