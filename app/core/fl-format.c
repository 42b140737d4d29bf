/* fl-format.c: dates, numbers and lengths of time in the UI language
 *
 * Everything here goes through ICU, so a Turkish agent reads "3 dk.",
 * "%75" and "15 Oca 2026" and a Persian agent "۳ دقیقه", "۷۵٪" and, if
 * they choose, Solar Hijri dates, without a hand-written rule per
 * language. The locale follows the translation the UI shows (see
 * fl_format_get_locale()), not only the environment, so numbers and words
 * never disagree on one screen.
 *
 * ICU formatters are expensive to open and cheap to use: they are kept in
 * a cache keyed by locale and pattern, behind one lock, since a date
 * format is not safe to use from two threads at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <unicode/udat.h>
#include <unicode/udateintervalformat.h>
#include <unicode/unum.h>
#include <unicode/udatpg.h>
#include <unicode/ulistformatter.h>
#include <unicode/ucurr.h>
#include <unicode/uloc.h>
#include <unicode/unumberformatter.h>
#include <unicode/unumsys.h>
#include <unicode/ureldatefmt.h>
#include <unicode/ustring.h>

#include "fl-format.h"
#include "fl-text.h"

static GMutex format_lock;
static GHashTable *cache;       /* "locale\nkind\npattern" → Cached */
static FlCalendar calendar = FL_CALENDAR_GREGORIAN;

typedef enum
{
  CACHED_NUMBER,
  CACHED_DATE,
  CACHED_RELATIVE,
  CACHED_LIST,
} CachedKind;

typedef struct
{
  CachedKind kind;
  gpointer   formatter;
} Cached;

static void
cached_free (gpointer data)
{
  Cached *cached = data;

  switch (cached->kind)
    {
    case CACHED_NUMBER:
      unumf_close (cached->formatter);
      break;
    case CACHED_DATE:
      udat_close (cached->formatter);
      break;
    case CACHED_RELATIVE:
      ureldatefmt_close (cached->formatter);
      break;
    case CACHED_LIST:
      ulistfmt_close (cached->formatter);
      break;
    default:
      g_assert_not_reached ();
    }
  g_free (cached);
}

/**
 * fl_format_set_calendar:
 * @cal: the calendar for dates
 *
 * Chooses the calendar that dates are written in, for the whole process.
 * Frontline's Preferences offer Solar Hijri (ICU's Persian calendar),
 * which agents in Iran use every day.
 */
void
fl_format_set_calendar (FlCalendar cal)
{
  g_mutex_lock (&format_lock);
  calendar = cal;
  g_mutex_unlock (&format_lock);
}

FlCalendar
fl_format_get_calendar (void)
{
  FlCalendar cal;

  g_mutex_lock (&format_lock);
  cal = calendar;
  g_mutex_unlock (&format_lock);

  return cal;
}

/* The POSIX locale of a category without its codeset and modifier,
 * "tr_TR.UTF-8" → "tr_TR"; NULL for C and POSIX. */
static char *
posix_locale (int category)
{
  const char *name = setlocale (category, NULL);
  gsize len;

  if (name == NULL || *name == '\0' || g_str_equal (name, "C") ||
      g_str_has_prefix (name, "C.") || g_str_equal (name, "POSIX"))
    return NULL;

  len = strcspn (name, ".@");
  return len > 0 ? g_strndup (name, len) : NULL;
}

static gboolean
same_language (const char *a,
               const char *b)
{
  gsize la = strcspn (a, "_-@"), lb = strcspn (b, "_-@");

  return la == lb && g_ascii_strncasecmp (a, b, la) == 0;
}

/**
 * fl_format_get_locale:
 *
 * The ICU locale that formatting uses: the language of the translation
 * the UI shows, with the region of LC_TIME when it is the same language
 * ("tr" plus "tr_CY" gives "tr_CY"), and the chosen calendar. An
 * untranslated (English) UI follows LC_TIME, as GNOME does.
 *
 * Returns: (transfer full): an ICU locale ID, such as
 *   "fa@calendar=persian"
 */
char *
fl_format_get_locale (void)
{
  /* Translators: the ICU locale of this translation, such as "tr" or
   * "fa". It chooses how numbers, dates and lengths of time are written
   * (digits, month names, units). Keep "en" for English. */
  const char *ui = C_("ICU locale", "en");
  g_autofree char *lc_time = posix_locale (LC_TIME);
  const char *base;

  if (g_str_equal (ui, "en"))
    base = lc_time ? lc_time : "en";
  else if (lc_time != NULL && same_language (ui, lc_time))
    base = lc_time;
  else
    base = ui;

  return g_strdup_printf ("%s@calendar=%s", base,
                          fl_format_get_calendar () == FL_CALENDAR_SOLAR_HIJRI ? "persian" : "gregorian");
}

static char *
utf16_to_utf8 (const UChar *text,
               int32_t      len)
{
  return g_utf16_to_utf8 ((const gunichar2 *) text, len, NULL, NULL, NULL);
}

/* Looks up or opens a formatter; called with the lock held. */
static gpointer
lookup (const char *locale,
        CachedKind  kind,
        const char *pattern,
        gpointer  (*open) (const char *locale,
                           const char *pattern))
{
  g_autofree char *key = g_strdup_printf ("%s\n%d\n%s", locale, kind, pattern);
  Cached *cached;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cached_free);

  if ((cached = g_hash_table_lookup (cache, key)))
    return cached->formatter;

  cached = g_new0 (Cached, 1);
  cached->kind = kind;
  if (!(cached->formatter = open (locale, pattern)))
    {
      g_free (cached);
      return NULL;
    }
  g_hash_table_insert (cache, g_steal_pointer (&key), cached);

  return cached->formatter;
}

static gpointer
open_number (const char *locale,
             const char *skeleton)
{
  g_autofree gunichar2 *text = g_utf8_to_utf16 (skeleton, -1, NULL, NULL, NULL);
  UErrorCode status = U_ZERO_ERROR;
  UNumberFormatter *formatter;

  formatter = unumf_openForSkeletonAndLocale ((const UChar *) text, -1, locale, &status);
  if (U_FAILURE (status))
    {
      g_warning ("Number format “%s” for %s: %s", skeleton, locale, u_errorName (status));
      unumf_close (formatter);
      return NULL;
    }

  return formatter;
}

/* pattern is "SKELETON" or "SKELETON\nZONE" */
static gpointer
open_date (const char *locale,
           const char *pattern)
{
  g_auto(GStrv) parts = g_strsplit (pattern, "\n", 2);
  g_autofree gunichar2 *skeleton = g_utf8_to_utf16 (parts[0], -1, NULL, NULL, NULL);
  g_autofree gunichar2 *zone = parts[1] ? g_utf8_to_utf16 (parts[1], -1, NULL, NULL, NULL) : NULL;
  UErrorCode status = U_ZERO_ERROR;
  UDateTimePatternGenerator *generator;
  UDateFormat *format = NULL;
  UChar best[128];
  int32_t len;

  generator = udatpg_open (locale, &status);
  len = udatpg_getBestPattern (generator, (const UChar *) skeleton, -1, best, G_N_ELEMENTS (best), &status);
  if (U_SUCCESS (status))
    format = udat_open (UDAT_PATTERN, UDAT_PATTERN, locale,
                        (const UChar *) zone, zone ? -1 : 0, best, len, &status);
  udatpg_close (generator);

  if (U_FAILURE (status))
    {
      g_warning ("Date format “%s” for %s: %s", parts[0], locale, u_errorName (status));
      if (format)
        udat_close (format);
      return NULL;
    }

  return format;
}

static gpointer
open_relative (const char *locale,
               const char *pattern)
{
  UErrorCode status = U_ZERO_ERROR;
  URelativeDateTimeFormatter *formatter;

  formatter = ureldatefmt_open (locale, NULL, UDAT_STYLE_SHORT,
                                UDISPCTX_CAPITALIZATION_FOR_STANDALONE, &status);
  if (U_FAILURE (status))
    {
      g_warning ("Relative date format for %s: %s", locale, u_errorName (status));
      return NULL;
    }

  return formatter;
}

static gpointer
open_list (const char *locale,
           const char *pattern)
{
  UErrorCode status = U_ZERO_ERROR;
  UListFormatter *formatter;

  formatter = ulistfmt_openForType (locale, ULISTFMT_TYPE_UNITS, ULISTFMT_WIDTH_NARROW, &status);
  if (U_FAILURE (status))
    {
      g_warning ("List format for %s: %s", locale, u_errorName (status));
      return NULL;
    }

  return formatter;
}

/* Formats @value with an ICU number skeleton, or returns NULL when ICU
 * cannot (the callers fall back to plain ASCII). */
static char *
number_with (const char *skeleton,
             double      value)
{
  g_autofree char *locale = fl_format_get_locale ();
  UErrorCode status = U_ZERO_ERROR;
  UNumberFormatter *formatter;
  UFormattedNumber *result;
  UChar buffer[128];
  int32_t len = 0;
  char *text = NULL;

  g_mutex_lock (&format_lock);
  if ((formatter = lookup (locale, CACHED_NUMBER, skeleton, open_number)))
    {
      result = unumf_openResult (&status);
      unumf_formatDouble (formatter, value, result, &status);
      len = unumf_resultToString (result, buffer, G_N_ELEMENTS (buffer), &status);
      unumf_closeResult (result);
      if (U_SUCCESS (status))
        text = utf16_to_utf8 (buffer, len);
    }
  g_mutex_unlock (&format_lock);

  return text;
}

static char *
number_or_ascii (const char *skeleton,
                 double      value,
                 int         fallback_decimals)
{
  char *text = number_with (skeleton, value);

  return text ? text : g_strdup_printf ("%.*f", fallback_decimals, value);
}

/* A count with a unit, such as "3 min" or "2 years". @width is an ICU
 * unit width: "short" or "full-name". */
static char *
measure (double      value,
         const char *unit,
         const char *width)
{
  g_autofree char *skeleton = g_strdup_printf ("measure-unit/%s unit-width-%s precision-integer",
                                               unit, width);

  return number_or_ascii (skeleton, value, 0);
}

static char *
date_with (const char *skeleton,
           const char *zone,
           gint64      when)
{
  g_autofree char *locale = fl_format_get_locale ();
  g_autofree char *pattern = zone ? g_strdup_printf ("%s\n%s", skeleton, zone) : g_strdup (skeleton);
  UErrorCode status = U_ZERO_ERROR;
  UDateFormat *format;
  UChar buffer[256];
  int32_t len;
  char *text = NULL;

  g_mutex_lock (&format_lock);
  if ((format = lookup (locale, CACHED_DATE, pattern, open_date)))
    {
      len = udat_format (format, (UDate) when * 1000.0, buffer, G_N_ELEMENTS (buffer), NULL, &status);
      if (U_SUCCESS (status))
        text = utf16_to_utf8 (buffer, len);
    }
  g_mutex_unlock (&format_lock);

  if (text == NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (when);

      text = g_date_time_format_iso8601 (dt);
    }

  return text;
}

/**
 * fl_format_digits:
 * @text: text with ASCII digits
 *
 * Replaces ASCII digits with the digits of the UI language's numbering
 * system (ICU's default for the locale), so a Persian UI shows
 * ۰۱۲۳۴۵۶۷۸۹ and languages that use ASCII digits keep them. For text
 * that is not a single number, such as "4.2 / 5"; numbers themselves go
 * through fl_format_count() and friends.
 *
 * Returns: (transfer full): the text with localised digits
 */
char *
fl_format_digits (const char *text)
{
  g_autofree char *locale = fl_format_get_locale ();
  UErrorCode status = U_ZERO_ERROR;
  UNumberingSystem *system;
  UChar digits[32];
  int32_t len = 0;
  g_autofree gunichar *table = NULL;
  glong n_digits = 0;
  GString *out;

  system = unumsys_open (locale, &status);
  if (U_SUCCESS (status) && !unumsys_isAlgorithmic (system) && unumsys_getRadix (system) == 10)
    len = unumsys_getDescription (system, digits, G_N_ELEMENTS (digits), &status);
  unumsys_close (system);

  if (U_SUCCESS (status) && len > 0)
    table = g_utf16_to_ucs4 ((const gunichar2 *) digits, len, NULL, &n_digits, NULL);
  if (table == NULL || n_digits != 10 || table[0] == '0')
    return g_strdup (text);

  out = g_string_new (NULL);
  for (const char *c = text; *c; c++)
    {
      if (*c >= '0' && *c <= '9')
        g_string_append_unichar (out, table[*c - '0']);
      else
        g_string_append_c (out, *c);
    }

  return g_string_free (out, FALSE);
}

/**
 * fl_format_age:
 * @then: a Unix time in the past
 * @now: the current Unix time
 *
 * Formats how long ago @then was, as short as an inbox row needs:
 * "now", "3 min", "5 hr", "2 days", "3 wks", or a date for older times,
 * in the UI language ("3 dk.", "۳ دقیقه").
 *
 * Returns: (transfer full): the age
 */
char *
fl_format_age (gint64 then,
               gint64 now)
{
  gint64 age = MAX (0, now - then);

  if (age < 60)
    {
      g_autofree char *locale = fl_format_get_locale ();
      URelativeDateTimeFormatter *formatter;
      UErrorCode status = U_ZERO_ERROR;
      UChar buffer[64];
      int32_t len;
      char *text = NULL;

      g_mutex_lock (&format_lock);
      if ((formatter = lookup (locale, CACHED_RELATIVE, "", open_relative)))
        {
          len = ureldatefmt_format (formatter, 0, UDAT_REL_UNIT_SECOND, buffer, G_N_ELEMENTS (buffer), &status);
          if (U_SUCCESS (status))
            text = utf16_to_utf8 (buffer, len);
        }
      g_mutex_unlock (&format_lock);

      return text ? text : g_strdup ("now");
    }

  if (age < 3600)
    return measure (age / 60, "duration-minute", "short");
  if (age < 86400)
    return measure (age / 3600, "duration-hour", "short");
  if (age < 14 * 86400)
    return measure (age / 86400, "duration-day", "short");
  if (age < 120 * 86400)
    return measure (age / (7 * 86400), "duration-week", "short");

  return fl_format_date (then);
}

/* "2 hr" and "15 min" → "2 hr 15 min", as the language joins units. */
static char *
join_units (const char *first,
            const char *second)
{
  g_autofree char *locale = fl_format_get_locale ();
  g_autofree gunichar2 *a = g_utf8_to_utf16 (first, -1, NULL, NULL, NULL);
  g_autofree gunichar2 *b = g_utf8_to_utf16 (second, -1, NULL, NULL, NULL);
  const UChar *items[] = { (const UChar *) a, (const UChar *) b };
  const int32_t lengths[] = { -1, -1 };
  UErrorCode status = U_ZERO_ERROR;
  UListFormatter *formatter;
  UChar buffer[128];
  int32_t len;
  char *text = NULL;

  g_mutex_lock (&format_lock);
  if ((formatter = lookup (locale, CACHED_LIST, "", open_list)))
    {
      len = ulistfmt_format (formatter, items, lengths, 2, buffer, G_N_ELEMENTS (buffer), &status);
      if (U_SUCCESS (status))
        text = utf16_to_utf8 (buffer, len);
    }
  g_mutex_unlock (&format_lock);

  return text ? text : g_strconcat (first, " ", second, NULL);
}

/**
 * fl_format_duration:
 * @seconds: a length of time; negative values are formatted as positive
 *
 * Formats a duration with its two largest units, such as "2 hr 15 min"
 * or "3 days 4 hr", for SLA badges.
 *
 * Returns: (transfer full): the duration
 */
char *
fl_format_duration (gint64 seconds)
{
  gint64 s = ABS (seconds);
  gint64 days = s / 86400, hours = (s % 86400) / 3600, minutes = (s % 3600) / 60;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (days > 0)
    {
      first = measure (days, "duration-day", "short");
      second = measure (hours, "duration-hour", "short");
    }
  else if (hours > 0)
    {
      first = measure (hours, "duration-hour", "short");
      second = measure (minutes, "duration-minute", "short");
    }
  else
    return measure (MAX (minutes, 1), "duration-minute", "short");

  return join_units (first, second);
}

/**
 * fl_format_size:
 *
 * Returns: (transfer full): a file size such as "2.3 MB" (decimal units,
 *   as GNOME shows them), in the UI language's digits and separators
 */
char *
fl_format_size (gint64 bytes)
{
  static const struct { double from; const char *unit; } units[] = {
    { 1e9, "digital-gigabyte" },
    { 1e6, "digital-megabyte" },
    { 1e3, "digital-kilobyte" },
  };
  double value = MAX (bytes, 0);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (value >= units[i].from)
      {
        g_autofree char *skeleton = g_strdup_printf ("measure-unit/%s unit-width-short .#", units[i].unit);

        return number_or_ascii (skeleton, value / units[i].from, 1);
      }

  return measure (value, "digital-byte", "short");
}

/**
 * fl_format_count:
 *
 * Returns: (transfer full): @count grouped and in the UI language's
 *   digits, such as "12,345", "12.345" or "۱۲٬۳۴۵"
 */
char *
fl_format_count (guint count)
{
  return number_or_ascii ("precision-integer", count, 0);
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
  return date_with ("yMMMMdjmm", NULL, when);
}

/**
 * fl_format_date:
 * @when: a Unix time
 *
 * Returns: (transfer full): a short local date such as "Mar 3, 2025",
 *   "3 Mar 2025" or "۱۳ اسفند ۱۴۰۳"
 */
char *
fl_format_date (gint64 when)
{
  return date_with ("yMMMd", NULL, when);
}

/**
 * fl_format_period:
 * @from: a Unix time, the first day
 * @to: a Unix time, the last day (not the day after)
 *
 * Returns: (transfer full): the days from @from to @to as the language
 *   writes a period, saying the shared month and year once: "Nov 17 – 23,
 *   2026", "17-23 Kas 2026"; one date when both are the same day
 */
char *
fl_format_period (gint64 from,
                  gint64 to)
{
  g_autofree char *locale = fl_format_get_locale ();
  g_autofree gunichar2 *skeleton = g_utf8_to_utf16 ("yMMMd", -1, NULL, NULL, NULL);
  UErrorCode status = U_ZERO_ERROR;
  UDateIntervalFormat *format;
  UChar buffer[256];
  int32_t len = 0;

  /* Opened each time: periods are formatted when a filter changes, not
   * per row. */
  format = udtitvfmt_open (locale, (const UChar *) skeleton, -1, NULL, 0, &status);
  if (U_SUCCESS (status))
    len = udtitvfmt_format (format, (UDate) MIN (from, to) * 1000.0, (UDate) MAX (from, to) * 1000.0,
                            buffer, G_N_ELEMENTS (buffer), NULL, &status);
  udtitvfmt_close (format);

  if (U_FAILURE (status))
    {
      g_autofree char *first = fl_format_date (from);
      g_autofree char *last = fl_format_date (to);

      return g_strdup_printf ("%s – %s", first, last);
    }

  return utf16_to_utf8 (buffer, len);
}

/**
 * fl_format_day:
 * @when: a Unix time
 * @zone: (nullable): the time zone to read @when in, or %NULL for local
 * @weekday: whether to name the weekday rather than the month
 *
 * Returns: (transfer full): a day as short as a chart's axis needs:
 *   "Mon 23" / "Nov 23" in English, "23 Pzt" / "23 Kas" in Turkish
 */
char *
fl_format_day (gint64      when,
               const char *zone,
               gboolean    weekday)
{
  if (zone != NULL && (*zone == '\0' || strchr (zone, '\n')))
    zone = NULL;

  return date_with (weekday ? "EEEd" : "MMMd", zone, when);
}

/**
 * fl_format_zone_time:
 * @zone: (nullable): a time zone identifier such as "Europe/Istanbul"
 * @now: the current Unix time
 *
 * Formats the wall-clock time in @zone with its offset from UTC, such as
 * "14:32 (UTC+3)" or "4:02 PM (UTC+3:30)", so an agent sees whether it is
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
  g_autofree char *result = NULL;
  gint64 minutes;

  /* GLib knows the system's zone names (and refuses paths); ICU formats
   * the time with the same name. */
  if (zone == NULL || *zone == '\0' || strchr (zone, '\n') || !(tz = g_time_zone_new_identifier (zone)))
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

  time = date_with ("jmm", zone, now);

  /* Translators: the customer's local time and its offset from UTC,
   * e.g. "14:32 (UTC+3)" */
  result = g_strdup_printf (_("%s (UTC%s)"), time, offset);

  return fl_format_digits (result);
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

  if (days >= 365)
    return measure (days / 365, "duration-year", "full-name");
  if (days >= 60)
    return measure (days / 30, "duration-month", "full-name");
  if (days >= 14)
    return measure (days / 7, "duration-week", "full-name");

  return measure (MAX (days, 1), "duration-day", "full-name");
}

/**
 * fl_format_percent:
 * @ratio: a fraction, 0.75 for 75 %; NAN for none
 *
 * Returns: (transfer full): the rounded percentage in the language's own
 *   form and digits, such as "75%", "%75" or "۷۵٪"; "–" for NAN
 */
char *
fl_format_percent (double ratio)
{
  g_autofree char *text = NULL;

  if (isnan (ratio))
    return g_strdup ("–");

  if ((text = number_with ("percent scale/100 precision-integer rounding-mode-half-up", ratio)))
    return g_steal_pointer (&text);

  return g_strdup_printf ("%.0f%%", ratio * 100);
}

/**
 * fl_format_decimal:
 * @value: a number; NAN for none
 *
 * Returns: (transfer full): @value with one decimal, such as "4.2",
 *   "4,2" or "۴٫۲"; "–" for NAN
 */
char *
fl_format_decimal (double value)
{
  if (isnan (value))
    return g_strdup ("–");

  return number_or_ascii (".0 rounding-mode-half-up", value, 1);
}

/**
 * fl_format_parse_number:
 * @text: a number as an agent types it: "2.5", "2,5", "۲٫۵", "1.234"
 * @value: (out): the number
 *
 * Reads a number written the UI language's way (ICU's parsing,
 * so Persian digits and separators work), and falls back to ASCII digits
 * with a point for text ICU does not take whole.
 *
 * Returns: %TRUE if all of @text (but surrounding spaces) is a number
 */
gboolean
fl_format_parse_number (const char *text,
                        double     *value)
{
  g_autofree char *locale = fl_format_get_locale ();
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree gunichar2 *utf16 = NULL;
  g_autofree char *ascii = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UNumberFormat *format;
  glong len = 0;
  int32_t pos = 0;
  double parsed = 0;
  char *end;

  g_return_val_if_fail (value != NULL, FALSE);

  if (*trimmed == '\0' || !(utf16 = g_utf8_to_utf16 (trimmed, -1, NULL, &len, NULL)))
    return FALSE;

  format = unum_open (UNUM_DECIMAL, NULL, 0, locale, NULL, &status);
  if (U_SUCCESS (status))
    parsed = unum_parseDouble (format, (const UChar *) utf16, len, &pos, &status);
  unum_close (format);

  if (U_SUCCESS (status) && pos == len && isfinite (parsed))
    {
      *value = parsed;
      return TRUE;
    }

  /* "2.5" in a language whose decimal sign is a comma. */
  ascii = fl_text_fold (trimmed, -1);
  parsed = g_ascii_strtod (ascii, &end);
  if (end != ascii && *end == '\0' && isfinite (parsed))
    {
      *value = parsed;
      return TRUE;
    }

  return FALSE;
}

/* A display name from ICU in the UI language, or NULL when ICU has none
 * (it then hands back the code itself). */
static char *
display_name (const char *locale_id,
              const char *code,
              int32_t   (*get) (const char *, const char *, UChar *, int32_t, UErrorCode *))
{
  g_autofree char *locale = fl_format_get_locale ();
  g_autofree char *name = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UChar buffer[128];
  int32_t len;

  len = get (locale_id, locale, buffer, G_N_ELEMENTS (buffer), &status);
  if (U_FAILURE (status) || status == U_USING_DEFAULT_WARNING || len <= 0)
    return NULL;

  name = utf16_to_utf8 (buffer, len);
  if (name == NULL || g_ascii_strcasecmp (name, code) == 0)
    return NULL;

  return g_steal_pointer (&name);
}

static gboolean
is_code (const char *code,
         gsize       min,
         gsize       max)
{
  gsize len = code ? strlen (code) : 0;

  if (len < min || len > max)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalpha (code[i]))
      return FALSE;
  return TRUE;
}

/**
 * fl_format_language_name:
 * @code: (nullable): a language code such as "tr", "fa-IR" or "en_GB"
 *
 * Returns: (transfer full) (nullable): the language's name in the UI
 *   language ("Turkish", "Türkçe", "ترکی استانبولی"), or %NULL when
 *   @code is not a language ICU knows
 */
char *
fl_format_language_name (const char *code)
{
  g_autofree char *language = NULL;

  if (code == NULL)
    return NULL;

  language = g_strndup (code, strcspn (code, "-_@."));
  if (!is_code (language, 2, 3))
    return NULL;

  return display_name (language, language, uloc_getDisplayLanguage);
}

/**
 * fl_format_region_name:
 * @code: (nullable): a two-letter region (country) code such as "TR"
 *
 * Returns: (transfer full) (nullable): the region's name in the UI
 *   language ("Türkiye", "ترکیه"), or %NULL when @code is not one
 */
char *
fl_format_region_name (const char *code)
{
  g_autofree char *id = NULL;

  if (!is_code (code, 2, 2))
    return NULL;

  id = g_strdup_printf ("und_%c%c", g_ascii_toupper (code[0]), g_ascii_toupper (code[1]));
  return display_name (id, code, uloc_getDisplayCountry);
}

/**
 * fl_format_money:
 * @text: (nullable): an amount as helpdesks store it: "52686.94 TRY",
 *   "TRY 52686.94" or "-12.5 EUR" (ASCII digits, a point, an ISO 4217 code)
 *
 * Returns: (transfer full) (nullable): the amount as the UI language
 *   writes money ("TRY 52,686.94", "₺52.686,94", "‎۵۲٬۶۸۶٫۹۴ TRY"), or
 *   %NULL when @text is not such an amount
 */
char *
fl_format_money (const char *text)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *skeleton = NULL;
  g_autofree gunichar2 *iso = NULL;
  UErrorCode status = U_ZERO_ERROR;
  double value;

  if (text == NULL)
    return NULL;

  regex = g_regex_new ("^\\s*(?:(?<c1>[A-Z]{3})\\s+)?(?<n>-?[0-9]{1,15}(?:\\.[0-9]{1,4})?)(?:\\s+(?<c2>[A-Z]{3}))?\\s*$",
                       0, 0, NULL);
  if (!g_regex_match (regex, text, 0, &match))
    return NULL;

  amount = g_match_info_fetch_named (match, "n");
  currency = g_match_info_fetch_named (match, "c1");
  if (currency == NULL || *currency == '\0')
    {
      g_free (currency);
      currency = g_match_info_fetch_named (match, "c2");
    }
  if (currency == NULL || *currency == '\0')
    return NULL;
  {
    g_autofree char *other = g_match_info_fetch_named (match, "c2");
    g_autofree char *first = g_match_info_fetch_named (match, "c1");

    /* "TRY 5 EUR" is not an amount. */
    if (first && *first && other && *other)
      return NULL;
  }

  /* Only currencies ICU knows, so "52 ABC" stays as written. */
  iso = g_utf8_to_utf16 (currency, -1, NULL, NULL, NULL);
  if (!ucurr_isAvailable ((const UChar *) iso, -8.64e15, 8.64e15, &status) || U_FAILURE (status))
    return NULL;

  value = g_ascii_strtod (amount, NULL);
  skeleton = g_strdup_printf ("currency/%s", currency);

  return number_with (skeleton, value);
}

