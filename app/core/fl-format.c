/* fl-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fl-format.h"

/**
 * fl_format_digits:
 * @text: text with ASCII digits
 *
 * Replaces ASCII digits with the UI language's own digits. The digits are
 * a translated string, so a Persian UI shows ۰۱۲۳۴۵۶۷۸۹ whatever the
 * numeric locale, and languages that use ASCII digits keep them.
 *
 * Returns: (transfer full): the text with localised digits
 */
char *
fl_format_digits (const char *text)
{
  /* Translators: the ten digits of your language, from zero to nine,
   * written without spaces. Keep "0123456789" if your language uses
   * them. Persian, for example, uses "۰۱۲۳۴۵۶۷۸۹". */
  const char *digits = C_("digits", "0123456789");
  const char *table[10];
  const char *p = digits;
  GString *out;

  for (guint i = 0; i < 10; i++)
    {
      if (*p == '\0' || !g_utf8_validate (digits, -1, NULL))
        return g_strdup (text);
      table[i] = p;
      p = g_utf8_next_char (p);
    }
  if (*p != '\0' || g_strcmp0 (digits, "0123456789") == 0)
    return g_strdup (text);

  out = g_string_new (NULL);
  for (const char *c = text; *c; c++)
    {
      if (*c >= '0' && *c <= '9')
        {
          const char *d = table[*c - '0'];
          g_string_append_len (out, d, g_utf8_next_char (d) - d);
        }
      else
        g_string_append_c (out, *c);
    }

  return g_string_free (out, FALSE);
}

static char *
localise (char *text)
{
  char *localised = fl_format_digits (text);

  g_free (text);
  return localised;
}

/**
 * fl_format_age:
 * @then: a Unix time in the past
 * @now: the current Unix time
 *
 * Formats how long ago @then was, as short as an inbox row needs:
 * "now", "3 min", "5 h", "2 d", "3 wk", or a date for older times.
 *
 * Returns: (transfer full): the age
 */
char *
fl_format_age (gint64 then,
               gint64 now)
{
  gint64 age = MAX (0, now - then);
  gint64 n;

  if (age < 60)
    return g_strdup (C_("age", "now"));

  if (age < 3600)
    {
      n = age / 60;
      /* Translators: a short age in minutes, shown in the ticket list */
      return localise (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", n), (int) n));
    }

  if (age < 86400)
    {
      n = age / 3600;
      /* Translators: a short age in hours, shown in the ticket list */
      return localise (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d h", "%d h", n), (int) n));
    }

  if (age < 14 * 86400)
    {
      n = age / 86400;
      /* Translators: a short age in days, shown in the ticket list */
      return localise (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d d", "%d d", n), (int) n));
    }

  if (age < 120 * 86400)
    {
      n = age / (7 * 86400);
      /* Translators: a short age in weeks, shown in the ticket list */
      return localise (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d wk", "%d wk", n), (int) n));
    }

  {
    g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (then);

    /* Translators: a date for old tickets, in g_date_time_format() syntax */
    return localise (g_date_time_format (dt, C_("age", "%d %b %Y")));
  }
}

/**
 * fl_format_duration:
 * @seconds: a length of time; negative values are formatted as positive
 *
 * Formats a duration with its two largest units, such as "2 h 15 min" or
 * "3 d 4 h", for SLA badges.
 *
 * Returns: (transfer full): the duration
 */
char *
fl_format_duration (gint64 seconds)
{
  gint64 s = ABS (seconds);
  gint64 days = s / 86400, hours = (s % 86400) / 3600, minutes = (s % 3600) / 60;

  if (days > 0)
    /* Translators: a duration in days and hours, e.g. for an SLA badge */
    return localise (g_strdup_printf (C_("duration", "%d d %d h"), (int) days, (int) hours));

  if (hours > 0)
    /* Translators: a duration in hours and minutes */
    return localise (g_strdup_printf (C_("duration", "%d h %d min"), (int) hours, (int) minutes));

  /* Translators: a duration in minutes */
  return localise (g_strdup_printf (C_("duration", "%d min"), (int) MAX (minutes, 1)));
}

/**
 * fl_format_size:
 *
 * Returns: (transfer full): a file size such as "2.3 MB", with localised
 *   digits
 */
char *
fl_format_size (gint64 bytes)
{
  return localise (g_format_size (MAX (bytes, 0)));
}

/**
 * fl_format_count:
 *
 * Returns: (transfer full): @count with localised digits
 */
char *
fl_format_count (guint count)
{
  return localise (g_strdup_printf ("%u", count));
}

/**
 * fl_format_datetime:
 * @when: a Unix time
 *
 * Returns: (transfer full): a full local date and time, for tooltips
 */
char *
fl_format_datetime (gint64 when)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (when);

  /* Translators: a full date and time, in g_date_time_format() syntax */
  return localise (g_date_time_format (dt, C_("datetime", "%e %B %Y, %H:%M")));
}

/**
 * fl_format_date:
 * @when: a Unix time
 *
 * Returns: (transfer full): a short local date such as "3 Mar 2025"
 */
char *
fl_format_date (gint64 when)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (when);

  /* Translators: a short date, in g_date_time_format() syntax */
  return localise (g_date_time_format (dt, C_("date", "%-d %b %Y")));
}

/**
 * fl_format_zone_time:
 * @zone: (nullable): a time zone identifier such as "Europe/Istanbul"
 * @now: the current Unix time
 *
 * Formats the wall-clock time in @zone with its offset from UTC, such as
 * "14:32 (UTC+3)" or "16:02 (UTC+3:30)", so an agent sees whether it is
 * a good time to call.
 *
 * Returns: (transfer full) (nullable): the time, or %NULL when @zone is
 *   not a known time zone
 */
char *
fl_format_zone_time (const char *zone,
                     gint64      now)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *time = NULL;
  g_autofree char *offset = NULL;
  gint64 minutes;

  if (zone == NULL || *zone == '\0' || !(tz = g_time_zone_new_identifier (zone)))
    return NULL;

  utc = g_date_time_new_from_unix_utc (now);
  dt = g_date_time_to_timezone (utc, tz);
  minutes = g_date_time_get_utc_offset (dt) / G_TIME_SPAN_MINUTE;

  if (minutes % 60 != 0)
    offset = g_strdup_printf ("%c%d:%02d", minutes < 0 ? '-' : '+',
                              (int) ABS (minutes) / 60, (int) ABS (minutes) % 60);
  else if (minutes != 0)
    offset = g_strdup_printf ("%c%d", minutes < 0 ? '-' : '+', (int) ABS (minutes) / 60);
  else
    offset = g_strdup ("");

  /* Translators: a time of day, in g_date_time_format() syntax */
  time = g_date_time_format (dt, C_("time", "%H:%M"));

  /* Translators: the customer's local time and its offset from UTC,
   * e.g. "14:32 (UTC+3)" */
  return localise (g_strdup_printf (_("%s (UTC%s)"), time, offset));
}

/**
 * fl_format_tenure:
 * @since: a Unix time in the past
 * @now: the current Unix time
 *
 * Formats how long someone has been a customer in the largest fitting
 * unit: "3 days", "5 weeks", "4 months", "2 years".
 *
 * Returns: (transfer full): the length of time
 */
char *
fl_format_tenure (gint64 since,
                  gint64 now)
{
  gint64 days = MAX (0, now - since) / 86400;
  int n;

  if (days >= 365)
    {
      n = (int) (days / 365);
      return localise (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", n), n));
    }
  if (days >= 60)
    {
      n = (int) (days / 30);
      return localise (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", n), n));
    }
  if (days >= 14)
    {
      n = (int) (days / 7);
      return localise (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week", "%d weeks", n), n));
    }

  n = (int) MAX (days, 1);
  return localise (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", n), n));
}

/**
 * fl_format_percent:
 * @ratio: a fraction, 0.75 for 75 %; NAN for none
 *
 * Returns: (transfer full): the rounded percentage, such as "75%", in the
 *   language's own form and digits; "–" for NAN
 */
char *
fl_format_percent (double ratio)
{
  g_autofree char *number = NULL;

  if (isnan (ratio))
    return g_strdup ("–");

  number = g_strdup_printf ("%d", (int) round (ratio * 100));
  /* Translators: a percentage; %s is the number. Persian, for example,
   * writes "%s٪" */
  return localise (g_strdup_printf (C_("percent", "%s%%"), number));
}

/**
 * fl_format_decimal:
 * @value: a number; NAN for none
 *
 * Returns: (transfer full): @value with one decimal, such as "4.2", with
 *   the language's decimal separator and digits; "–" for NAN
 */
char *
fl_format_decimal (double value)
{
  gint64 tenths;

  if (isnan (value))
    return g_strdup ("–");

  tenths = (gint64) round (value * 10);
  /* Translators: the decimal separator, "." in English, "," in
   * Turkish, "٫" in Persian */
  return localise (g_strdup_printf ("%s%" G_GINT64_FORMAT "%s%d", tenths < 0 ? "-" : "",
                                    ABS (tenths) / 10, C_("decimal separator", "."),
                                    (int) (ABS (tenths) % 10)));
}
