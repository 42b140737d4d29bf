/* test-format.c: dates, numbers and lengths of time in en, tr and fa
 *
 * Meson runs this program once per language (LANGUAGE=en, tr, fa) with
 * the project's own catalogs, so the ICU locale is chosen exactly as in
 * the app: from the translation the UI shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>

#include "fl-format.h"

/* 2026-01-15 12:00 UTC, a winter instant: no zone below is on DST. */
#define NOON ((gint64) 1768478400)
/* 2026-07-15 12:00 UTC, in summer. */
#define SUMMER_NOON ((gint64) 1784116800)

#define NNBSP "\u202f"
#define LRM "\u200e"
#define THIN "\u2009"

/* One language's expectations. */
typedef struct
{
  const char *language;
  const char *locale;         /* fl_format_get_locale() */
  const char *istanbul;       /* zone time, NOON in Europe/Istanbul */
  const char *tehran;         /* zone time, NOON in Asia/Tehran */
  const char *new_york;       /* zone time, SUMMER_NOON in America/New_York */
  const char *ages[6];        /* 5 s, 3 min, 5 h, 2 d, 21 d, 200 d */
  const char *tenures[4];     /* 1 d, 2 d, 8 wk, 3 yr */
  const char *durations[3];   /* 90 s, -2 h 15 min, 3 d 4 h */
  const char *date;           /* NOON */
  const char *days[2];        /* fl_format_day (NOON), weekday and month */
  const char *periods[3];     /* fl_format_period: one day, six days, across a year */
  const char *datetime;       /* NOON */
  const char *hijri_date;     /* NOON, Solar Hijri */
  const char *size;           /* 2 300 000 bytes */
  const char *small_size;     /* 512 bytes */
  const char *count;          /* 12345 */
  const char *percents[3];    /* 0.75, 2/3, -1.26 */
  const char *decimals[3];    /* 0.75, 4.25, -1.26 */
  const char *digits;         /* fl_format_digits ("4.2 / 5") */
  const char *money;          /* fl_format_money ("52686.94 TRY") */
  const char *turkish;        /* fl_format_language_name ("tr-TR") */
  const char *iran;           /* fl_format_region_name ("ir") */
} Language;

static const Language languages[] = {
  {
    "en", "en@calendar=gregorian",
    "3:00" NNBSP "PM (UTC+3)", "3:30" NNBSP "PM (UTC+3:30)", "8:00" NNBSP "AM (UTC-4)",
    { "now", "3 min", "5 hr", "2 days", "3 wks", "Jun 29, 2025" },
    { "1 day", "2 days", "8 weeks", "3 years" },
    { "1 min", "2 hr 15 min", "3 days 4 hr" },
    "Jan 15, 2026", { "15 Thu", "Jan 15" },
    { "Jan 15, 2026", "Jan 9" THIN "–" THIN "15, 2026", "Dec 31, 2025" THIN "–" THIN "Jan 15, 2026" }, "January 15, 2026 at 12:00" NNBSP "PM", "Dey 25, 1404 AP",
    "2.3 MB", "512 byte", "12,345",
    { "75%", "67%", "-126%" },
    { "0.8", "4.3", "-1.3" },
    "4.2 / 5",
    "TRY\u00a052,686.94", "Turkish", "Iran",
  },
  {
    "tr", "tr@calendar=gregorian",
    "15:00 (UTC+3)", "15:30 (UTC+3:30)", "08:00 (UTC-4)",
    { "şimdi", "3 dk.", "5 sa.", "2 gün", "3 hf.", "29 Haz 2025" },
    { "1 gün", "2 gün", "8 hafta", "3 yıl" },
    { "1 dk.", "2 sa. 15 dk.", "3 gün 4 sa." },
    "15 Oca 2026", { "15 Per", "15 Oca" },
    { "15 Oca 2026", "9–15 Oca 2026", "31 Ara 2025" THIN "–" THIN "15 Oca 2026" }, "15 Ocak 2026 12:00", "AP 25 Dey 1404",
    "2,3 MB", "512 bayt", "12.345",
    { "%75", "%67", "-%126" },
    { "0,8", "4,3", "-1,3" },
    "4.2 / 5",
    "₺52.686,94", "Türkçe", "İran",
  },
  {
    "fa", "fa@calendar=gregorian",
    "۱۵:۰۰ (UTC+۳)", "۱۵:۳۰ (UTC+۳:۳۰)", "۸:۰۰ (UTC-۴)",
    { "اکنون", "۳ دقیقه", "۵ ساعت", "۲ روز", "۳ هفته", "۲۹ ژوئن ۲۰۲۵" },
    { "۱ روز", "۲ روز", "۸ هفته", "۳ سال" },
    { "۱ دقیقه", "۲ ساعت ۱۵ دقیقه", "۳ روز ۴ ساعت" },
    "۱۵ ژانویه ۲۰۲۶", { "پنجشنبه ۱۵", "۱۵ ژانویه" },
    { "۱۵ ژانویه ۲۰۲۶", "۹ تا ۱۵ ژانویه ۲۰۲۶", "۳۱ دسامبر ۲۰۲۵ تا ۱۵ ژانویه ۲۰۲۶" }, "۱۵ ژانویهٔ ۲۰۲۶ ساعت ۱۲:۰۰", "۲۵ دی ۱۴۰۴",
    "۲٫۳ MB", "۵۱۲ بایت", "۱۲٬۳۴۵",
    { "۷۵٪", "۶۷٪", LRM "−۱۲۶٪" },
    { "۰٫۸", "۴٫۳", LRM "−۱٫۳" },
    "۴.۲ / ۵",
    LRM "TRY\u00a0۵۲٬۶۸۶٫۹۴", "ترکی استانبولی", "ایران",
  },
};

static const Language *
language (void)
{
  const char *lang = g_getenv ("LANGUAGE");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (lang, languages[i].language) == 0)
      return &languages[i];

  g_error ("run with LANGUAGE=en, tr or fa, not %s", lang);
  return NULL;
}

static void
test_locale (void)
{
  g_autofree char *locale = fl_format_get_locale ();

  /* The catalog decides the language; C.UTF-8 adds no region. */
  g_assert_cmpstr (locale, ==, language ()->locale);
}

static void
test_zone_time (void)
{
  const Language *l = language ();
  static const char * const nowhere[] = { "Mars/Olympus_Mons", "", "../../etc/passwd", "UTC\nx", NULL };
  g_autofree char *istanbul = fl_format_zone_time ("Europe/Istanbul", NOON);
  g_autofree char *tehran = fl_format_zone_time ("Asia/Tehran", NOON);
  g_autofree char *tehran_summer = fl_format_zone_time ("Asia/Tehran", SUMMER_NOON);
  g_autofree char *new_york = fl_format_zone_time ("America/New_York", SUMMER_NOON);
  g_autofree char *kathmandu = fl_format_zone_time ("Asia/Kathmandu", NOON);
  g_autofree char *utc = fl_format_zone_time ("UTC", NOON);

  g_assert_cmpstr (istanbul, ==, l->istanbul);
  g_assert_cmpstr (tehran, ==, l->tehran);
  /* Iran has kept standard time all year since 2022. */
  g_assert_cmpstr (tehran_summer, ==, l->tehran);
  g_assert_cmpstr (new_york, ==, l->new_york);
  g_assert_nonnull (strstr (kathmandu, "5:45") ?: strstr (kathmandu, "۵:۴۵"));
  g_assert_nonnull (strstr (utc, "(UTC)"));

  /* Unknown, empty or hostile zones show nothing rather than UTC. */
  for (guint i = 0; i < G_N_ELEMENTS (nowhere); i++)
    {
      g_autofree char *time = fl_format_zone_time (nowhere[i], NOON);

      g_assert_null (time);
    }
}

static void
test_age (void)
{
  static const gint64 ago[] = { 5, 3 * 60, 5 * 3600, 2 * 86400, 21 * 86400, 200 * 86400 };
  const Language *l = language ();

  for (guint i = 0; i < G_N_ELEMENTS (ago); i++)
    {
      g_autofree char *age = fl_format_age (NOON - ago[i], NOON);

      g_assert_cmpstr (age, ==, l->ages[i]);
    }

  /* A clock that is behind never gives a negative age. */
  {
    g_autofree char *future = fl_format_age (NOON + 600, NOON);

    g_assert_cmpstr (future, ==, l->ages[0]);
  }
}

static void
test_tenure (void)
{
  static const gint64 ago[] = { 3600, 2 * 86400, 59 * 86400, 3 * 365 * 86400 + 100 };
  const Language *l = language ();

  for (guint i = 0; i < G_N_ELEMENTS (ago); i++)
    {
      g_autofree char *tenure = fl_format_tenure (NOON - ago[i], NOON);

      g_assert_cmpstr (tenure, ==, l->tenures[i]);
    }
}

static void
test_duration (void)
{
  static const gint64 seconds[] = { 90, -(2 * 3600 + 15 * 60), 3 * 86400 + 4 * 3600 + 59 };
  const Language *l = language ();

  for (guint i = 0; i < G_N_ELEMENTS (seconds); i++)
    {
      g_autofree char *duration = fl_format_duration (seconds[i]);

      g_assert_cmpstr (duration, ==, l->durations[i]);
    }
}

static void
test_dates (void)
{
  const Language *l = language ();
  g_autofree char *date = fl_format_date (NOON);
  g_autofree char *datetime = fl_format_datetime (NOON);
  g_autofree char *hijri = NULL;
  g_autofree char *hijri_locale = NULL;
  g_autofree char *back = NULL;

  g_assert_cmpstr (date, ==, l->date);
  g_assert_cmpstr (datetime, ==, l->datetime);
  {
    g_autofree char *weekday = fl_format_day (NOON, NULL, TRUE);
    g_autofree char *month = fl_format_day (NOON, NULL, FALSE);
    /* 22:00 UTC on the 14th is already the 15th in Tehran. */
    g_autofree char *tehran = fl_format_day (NOON - 14 * 3600, "Asia/Tehran", FALSE);
    g_autofree char *utc = fl_format_day (NOON - 14 * 3600, NULL, FALSE);

    g_assert_cmpstr (weekday, ==, l->days[0]);
    g_assert_cmpstr (month, ==, l->days[1]);
    g_assert_cmpstr (tehran, ==, l->days[1]);
    g_assert_cmpstr (utc, !=, tehran);
  }
  {
    g_autofree char *one = fl_format_period (NOON, NOON + 3600);
    g_autofree char *week = fl_format_period (NOON - 6 * 86400, NOON);
    g_autofree char *across = fl_format_period (NOON - 15 * 86400, NOON);

    g_assert_cmpstr (one, ==, l->periods[0]);
    g_assert_cmpstr (week, ==, l->periods[1]);
    g_assert_cmpstr (across, ==, l->periods[2]);
  }

  /* Solar Hijri: 15 January 2026 is 25 Dey 1404. */
  fl_format_set_calendar (FL_CALENDAR_SOLAR_HIJRI);
  hijri = fl_format_date (NOON);
  hijri_locale = fl_format_get_locale ();
  fl_format_set_calendar (FL_CALENDAR_GREGORIAN);
  back = fl_format_date (NOON);

  g_assert_cmpstr (hijri, ==, l->hijri_date);
  g_assert_true (g_str_has_suffix (hijri_locale, "@calendar=persian"));
  g_assert_cmpstr (back, ==, l->date);
}

static void
test_numbers (void)
{
  static const double ratios[] = { 0.75, 2.0 / 3.0, -1.26 };
  static const double values[] = { 0.75, 4.25, -1.26 };
  const Language *l = language ();
  g_autofree char *size = fl_format_size (2300000);
  g_autofree char *small_size = fl_format_size (512);
  g_autofree char *count = fl_format_count (12345);
  g_autofree char *digits = fl_format_digits ("4.2 / 5");
  g_autofree char *no_percent = fl_format_percent (NAN);
  g_autofree char *no_decimal = fl_format_decimal (NAN);

  g_assert_cmpstr (size, ==, l->size);
  g_assert_cmpstr (small_size, ==, l->small_size);
  g_assert_cmpstr (count, ==, l->count);
  g_assert_cmpstr (digits, ==, l->digits);
  g_assert_cmpstr (no_percent, ==, "–");
  g_assert_cmpstr (no_decimal, ==, "–");

  for (guint i = 0; i < G_N_ELEMENTS (ratios); i++)
    {
      g_autofree char *percent = fl_format_percent (ratios[i]);
      g_autofree char *decimal = fl_format_decimal (values[i]);

      g_assert_cmpstr (percent, ==, l->percents[i]);
      g_assert_cmpstr (decimal, ==, l->decimals[i]);
    }
}

static void
test_parse_number (void)
{
  static const struct { const char *language, *text; double value; } cases[] = {
    { "en", "2.5", 2.5 },
    { "en", " 1,234 ", 1234 },
    { "tr", "2,5", 2.5 },
    { "tr", "1.234", 1234 },
    { "fa", "۲٫۵", 2.5 },
    { "fa", "۱۲", 12 },
    { "fa", "۱٬۲۳۴", 1234 },
    /* Typed on a Latin keyboard in the Persian UI. */
    { "fa", "12", 12 },
  };
  static const char * const bad[] = { "", "  ", "abc", "2 apples", "--1" };
  const Language *l = language ();
  double value;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (!g_str_equal (cases[i].language, l->language))
        continue;
      g_test_message ("%s", cases[i].text);
      value = -1;
      g_assert_true (fl_format_parse_number (cases[i].text, &value));
      g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("bad: %s", bad[i]);
      g_assert_false (fl_format_parse_number (bad[i], &value));
    }

  /* What the number formats write, the parser reads back. */
  {
    g_autofree char *count = fl_format_count (12345);
    g_autofree char *decimal = fl_format_decimal (4.25);

    g_assert_true (fl_format_parse_number (count, &value));
    g_assert_cmpfloat (value, ==, 12345);
    g_assert_true (fl_format_parse_number (decimal, &value));
    g_assert_cmpfloat_with_epsilon (value, 4.3, 1e-9);
  }
}

/* Customer details: names of languages and countries, and amounts of
 * money, from ICU in the UI language; anything else stays as written. */
static void
test_names_and_money (void)
{
  static const char * const not_money[] = {
    "52 ABC", "12 TRY EUR", "5.5 usd", "TRY", "1,000 USD", "12.34567 EUR", "about 5 EUR", NULL,
  };
  static const char * const not_codes[] = { "xx", "t1", "", "turkish", NULL };
  const Language *l = language ();
  g_autofree char *money = fl_format_money ("52686.94 TRY");
  g_autofree char *money_first = fl_format_money ("TRY 52686.94");
  g_autofree char *turkish = fl_format_language_name ("tr-TR");
  g_autofree char *iran = fl_format_region_name ("ir");
  g_autofree char *no_region = fl_format_region_name ("XX");

  g_assert_cmpstr (money, ==, l->money);
  g_assert_cmpstr (money_first, ==, l->money);
  g_assert_cmpstr (turkish, ==, l->turkish);
  g_assert_cmpstr (iran, ==, l->iran);
  g_assert_null (no_region);

  for (guint i = 0; not_money[i]; i++)
    {
      g_autofree char *text = fl_format_money (not_money[i]);

      g_test_message ("not money: %s", not_money[i]);
      g_assert_null (text);
    }
  for (guint i = 0; not_codes[i]; i++)
    {
      g_autofree char *name = fl_format_language_name (not_codes[i]);

      g_test_message ("not a language: %s", not_codes[i]);
      g_assert_null (name);
    }
}

/* Rows format from the UI thread while the notifier may format from a
 * worker: the shared formatters must not be used by two at once. */
static gpointer
format_many (gpointer data)
{
  const Language *l = data;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *age = fl_format_age (NOON - 3 * 60, NOON);
      g_autofree char *date = fl_format_date (NOON);

      if (g_strcmp0 (age, l->ages[1]) != 0 || g_strcmp0 (date, l->date) != 0)
        return GINT_TO_POINTER (FALSE);
    }

  return GINT_TO_POINTER (TRUE);
}

static void
test_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("format", format_many, (gpointer) language ());
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

int
main (int   argc,
      char *argv[])
{
  /* Local dates in UTC; the language comes from LANGUAGE and the
   * project's catalogs, as in the app. */
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FRONTLINE_LOCALEDIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/locale", test_locale);
  g_test_add_func ("/format/zone-time", test_zone_time);
  g_test_add_func ("/format/age", test_age);
  g_test_add_func ("/format/tenure", test_tenure);
  g_test_add_func ("/format/duration", test_duration);
  g_test_add_func ("/format/dates", test_dates);
  g_test_add_func ("/format/numbers", test_numbers);
  g_test_add_func ("/format/parse-number", test_parse_number);
  g_test_add_func ("/format/names-and-money", test_names_and_money);
  g_test_add_func ("/format/threads", test_threads);

  return g_test_run ();
}
