/* fl-format.h: dates, numbers and lengths of time in the UI language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * FlCalendar:
 * @FL_CALENDAR_GREGORIAN: the Gregorian calendar
 * @FL_CALENDAR_SOLAR_HIJRI: the Solar Hijri calendar of Iran (ICU's
 *   Persian calendar)
 */
typedef enum
{
  FL_CALENDAR_GREGORIAN,
  FL_CALENDAR_SOLAR_HIJRI,
} FlCalendar;

void        fl_format_set_calendar (FlCalendar calendar);
FlCalendar  fl_format_get_calendar (void);
char       *fl_format_get_locale   (void);

char *fl_format_digits    (const char *text);
char *fl_format_age       (gint64      then,
                           gint64      now);
char *fl_format_duration  (gint64      seconds);
char *fl_format_size      (gint64      bytes);
char *fl_format_count     (guint       count);
char *fl_format_datetime  (gint64      when);
char *fl_format_date      (gint64      when);
char *fl_format_period    (gint64      from,
                           gint64      to);
char *fl_format_day       (gint64      when,
                           const char *zone,
                           gboolean    weekday);
char *fl_format_zone_time (const char *zone,
                           gint64      now);
char *fl_format_tenure    (gint64      since,
                           gint64      now);
char *fl_format_percent   (double      ratio);
char *fl_format_decimal   (double      value);
gboolean fl_format_parse_number (const char *text,
                                 double     *value);
char *fl_format_language_name (const char *code);
char *fl_format_region_name   (const char *code);
char *fl_format_money         (const char *text);

G_END_DECLS
