/* fl-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-util"

#include "config.h"

#include <string.h>

#include "fl-util.h"

/**
 * fl_set_str:
 * @dest: (inout): the string to replace
 * @src: (nullable): the new value
 *
 * Replaces *@dest with a copy of @src when they differ.
 *
 * Returns: %TRUE if *@dest changed, so the caller can notify.
 */
gboolean
fl_set_str (char       **dest,
            const char  *src)
{
  if (g_strcmp0 (*dest, src) == 0)
    return FALSE;

  g_free (*dest);
  *dest = g_strdup (src);
  return TRUE;
}

/**
 * fl_set_strv:
 * @dest: (inout): the string vector to replace
 * @src: (nullable): the new value
 *
 * Returns: %TRUE if *@dest changed.
 */
gboolean
fl_set_strv (char               ***dest,
             const char * const   *src)
{
  if (*dest == NULL && src == NULL)
    return FALSE;

  if (*dest != NULL && src != NULL &&
      g_strv_equal ((const char * const *) *dest, src))
    return FALSE;

  g_strfreev (*dest);
  *dest = g_strdupv ((char **) src);
  return TRUE;
}

/**
 * fl_initials:
 * @name: (nullable): a display name
 *
 * Returns up to two initials of @name, one per word, in upper case. Works
 * for any script: Persian names give their first letters unchanged.
 *
 * Returns: (transfer full): the initials, possibly empty
 */
char *
fl_initials (const char *name)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  guint n = 0;

  if (name == NULL)
    return g_strdup ("");

  words = g_strsplit_set (name, " \t", -1);
  for (guint i = 0; words[i] != NULL && n < 2; i++)
    {
      gunichar c;

      if (words[i][0] == '\0' || !g_utf8_validate (words[i], -1, NULL))
        continue;

      c = g_utf8_get_char (words[i]);
      if (!g_unichar_isalnum (c))
        continue;

      g_string_append_unichar (out, g_unichar_toupper (c));
      n++;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * fl_first_name:
 * @name: (nullable): a display name
 *
 * Returns: (transfer full): the first word of @name, or an empty string
 */
char *
fl_first_name (const char *name)
{
  const char *end;

  if (name == NULL)
    return g_strdup ("");

  while (*name == ' ')
    name++;
  end = strchr (name, ' ');
  return end ? g_strndup (name, end - name) : g_strdup (name);
}

/**
 * fl_compare_int64:
 *
 * Orders two gint64 by value, for qsort(), bsearch() and g_array_sort().
 */
int
fl_compare_int64 (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}
