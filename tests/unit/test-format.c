/* test-format.c: dates, ages, durations and local times for display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "fl-format.h"

/* 2026-01-15 12:00 UTC, a winter instant: no zone below is on DST. */
#define NOON ((gint64) 1768478400)
/* 2026-07-15 12:00 UTC, in summer. */
#define SUMMER_NOON ((gint64) 1784116800)

typedef struct
{
  const char *zone;
  gint64      now;
  const char *expected;
} ZoneCase;

static void
test_zone_time (void)
{
  static const ZoneCase cases[] = {
    { "Europe/Istanbul", NOON, "15:00 (UTC+3)" },
    /* Iran has kept standard time all year since 2022. */
    { "Asia/Tehran", NOON, "15:30 (UTC+3:30)" },
    { "Asia/Tehran", SUMMER_NOON, "15:30 (UTC+3:30)" },
    { "Asia/Kathmandu", NOON, "17:45 (UTC+5:45)" },
    { "America/New_York", NOON, "07:00 (UTC-5)" },
    { "America/New_York", SUMMER_NOON, "08:00 (UTC-4)" },
    { "Europe/London", SUMMER_NOON, "13:00 (UTC+1)" },
    { "UTC", NOON, "12:00 (UTC)" },
    { "America/St_Johns", NOON, "08:30 (UTC-3:30)" },
    /* Unknown, empty or hostile zones show nothing rather than UTC. */
    { "Mars/Olympus_Mons", NOON, NULL },
    { "", NOON, NULL },
    { "../../etc/passwd", NOON, NULL },
    { NULL, NOON, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *time = fl_format_zone_time (cases[i].zone, cases[i].now);

      g_test_message ("zone %s", cases[i].zone);
      g_assert_cmpstr (time, ==, cases[i].expected);
    }
}

typedef struct
{
  gint64      seconds_ago;
  const char *expected;
} AgoCase;

static void
test_tenure (void)
{
  static const AgoCase cases[] = {
    { 0, "1 day" },
    { 3600, "1 day" },
    { 2 * 86400, "2 days" },
    { 13 * 86400, "13 days" },
    { 14 * 86400, "2 weeks" },
    { 59 * 86400, "8 weeks" },
    { 60 * 86400, "2 months" },
    { 364 * 86400, "12 months" },
    { 365 * 86400, "1 year" },
    { 3 * 365 * 86400 + 100, "3 years" },
    /* A clock that is behind never gives a negative length. */
    { -86400, "1 day" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tenure = fl_format_tenure (NOON - cases[i].seconds_ago, NOON);

      g_assert_cmpstr (tenure, ==, cases[i].expected);
    }
}

static void
test_age (void)
{
  static const AgoCase cases[] = {
    { 5, "now" },
    { 3 * 60, "3 min" },
    { 5 * 3600, "5 h" },
    { 2 * 86400, "2 d" },
    { 21 * 86400, "3 wk" },
    { 200 * 86400, "29 Jun 2025" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *age = fl_format_age (NOON - cases[i].seconds_ago, NOON);

      g_assert_cmpstr (age, ==, cases[i].expected);
    }
}

static void
test_date_and_duration (void)
{
  g_autofree char *date = fl_format_date (NOON);
  g_autofree char *early = fl_format_date (NOON - 10 * 86400);
  g_autofree char *d1 = fl_format_duration (90);
  g_autofree char *d2 = fl_format_duration (-(2 * 3600 + 15 * 60));
  g_autofree char *d3 = fl_format_duration (3 * 86400 + 4 * 3600 + 59);
  g_autofree char *size = fl_format_size (2300000);

  g_assert_cmpstr (date, ==, "15 Jan 2026");
  g_assert_cmpstr (early, ==, "5 Jan 2026");
  g_assert_cmpstr (d1, ==, "1 min");
  g_assert_cmpstr (d2, ==, "2 h 15 min");
  g_assert_cmpstr (d3, ==, "3 d 4 h");
  g_assert_cmpstr (size, ==, "2.3\u00a0MB");
}

static void
test_percent_and_decimal (void)
{
  static const struct { double value; const char *percent; const char *decimal; } cases[] = {
    { 0.75, "75%", "0.8" },
    { 2.0 / 3.0, "67%", "0.7" },
    { 0.0, "0%", "0.0" },
    { 1.0, "100%", "1.0" },
    { 4.25, "425%", "4.3" },
    { -1.26, "-126%", "-1.3" },
    { NAN, "–", "–" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *percent = fl_format_percent (cases[i].value);
      g_autofree char *decimal = fl_format_decimal (cases[i].value);

      g_assert_cmpstr (percent, ==, cases[i].percent);
      g_assert_cmpstr (decimal, ==, cases[i].decimal);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Local dates in UTC and untranslated: the figures are the point. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/zone-time", test_zone_time);
  g_test_add_func ("/format/percent-and-decimal", test_percent_and_decimal);
  g_test_add_func ("/format/tenure", test_tenure);
  g_test_add_func ("/format/age", test_age);
  g_test_add_func ("/format/date-and-duration", test_date_and_duration);

  return g_test_run ();
}
