/* fuzz-template.c: libFuzzer target for the template parser and importers
 *
 *   ninja -C build tests/fuzz-template && build/tests/fuzz-template
 *
 * Built only with clang; not part of any test suite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fl-template-engine.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static GHashTable *values;
  g_autofree char *body = g_strndup ((const char *) data, size);
  g_autoptr(FlTemplateResult) result = NULL;
  g_autoptr(GPtrArray) gaps = NULL;

  if (values == NULL)
    {
      values = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (values, (char *) "customer.first_name", (char *) "Zeynep");
      g_hash_table_insert (values, (char *) "agent.first_name", (char *) "مریم");
      g_hash_table_insert (values, (char *) "ticket.id", (char *) "1042");
    }

  result = fl_template_expand (body, values);
  g_assert (g_utf8_validate (result->text, -1, NULL));
  for (guint i = 0; i < result->gaps->len; i++)
    {
      FlTemplateGap *gap = result->gaps->pdata[i];

      g_assert (gap->start + gap->length <= strlen (result->text));
      g_assert (strncmp (result->text + gap->start, "{{", 2) == 0);
    }
  g_assert (result->cursor <= (gssize) strlen (result->text));

  /* What the composer checks before sending finds every gap again. */
  gaps = fl_template_find_gaps (result->text);

  for (guint d = FL_TEMPLATE_DIALECT_ZENDESK; d <= FL_TEMPLATE_DIALECT_ZAMMAD; d++)
    {
      g_autoptr(GPtrArray) unknown = NULL;
      g_autofree char *imported = fl_template_import (body, d, &unknown);
      g_autoptr(FlTemplateResult) again = fl_template_expand (imported, values);

      g_assert (g_utf8_validate (imported, -1, NULL));
    }

  return 0;
}
