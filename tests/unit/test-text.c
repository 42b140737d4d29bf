/* test-text.c: search folding, snippets, mentions and identities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

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

static void
test_identity (void)
{
  g_autofree char *a = fl_text_identity ("  Emily.Carter@Example.COM ");
  g_autofree char *b = fl_text_identity ("+90 (532) 555-01-23");
  g_autofree char *c = fl_text_identity ("+۹۰ ۵۳۲ ۵۵۵ ۰۱ ۲۳");
  g_autofree char *d = fl_text_identity ("n/a");
  g_autofree char *e = fl_text_identity ("ILKER@ORNEK.COM.TR");

  g_assert_cmpstr (a, ==, "emily.carter@example.com");
  g_assert_cmpstr (b, ==, "+905325550123");
  g_assert_cmpstr (c, ==, "+905325550123");
  g_assert_cmpstr (d, ==, "");
  /* Never Turkish-locale lowering: I stays i. */
  g_assert_cmpstr (e, ==, "ilker@ornek.com.tr");
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
  g_test_add_func ("/text/identity", test_identity);

  return g_test_run ();
}
