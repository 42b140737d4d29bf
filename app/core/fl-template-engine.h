/* fl-template-engine.h: placeholders in canned responses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fl-types.h"

G_BEGIN_DECLS

/**
 * FlTemplateDialect:
 * @FL_TEMPLATE_DIALECT_ZENDESK: `{{ticket.requester.first_name}}`
 * @FL_TEMPLATE_DIALECT_HELPSCOUT: `{%customer.firstName,fallback=there%}`,
 *   also FreeScout
 * @FL_TEMPLATE_DIALECT_ZAMMAD: `#{ticket.customer.firstname}`
 *
 * The placeholder syntaxes of other help desks that can be imported.
 */
typedef enum
{
  FL_TEMPLATE_DIALECT_ZENDESK,
  FL_TEMPLATE_DIALECT_HELPSCOUT,
  FL_TEMPLATE_DIALECT_ZAMMAD,
} FlTemplateDialect;

/**
 * FlTemplateGap:
 * @name: the placeholder's name, such as "customer.first_name"
 * @start: byte offset of the gap in the expanded text
 * @length: its length in bytes
 *
 * A placeholder that had no value and no fallback. The expanded text
 * keeps it as `{{name}}` at @start so the composer can mark it.
 */
typedef struct
{
  char  *name;
  gsize  start;
  gsize  length;
} FlTemplateGap;

/**
 * FlTemplateResult:
 * @text: the expanded text
 * @gaps: (element-type FlTemplateGap): the placeholders left unfilled
 * @cursor: byte offset of `{{cursor}}`, or -1
 * @n_malformed: how many `{{` were not a placeholder and were kept as text
 */
typedef struct
{
  char      *text;
  GPtrArray *gaps;
  gssize     cursor;
  guint      n_malformed;
} FlTemplateResult;

FlTemplateResult *fl_template_expand          (const char        *body,
                                               GHashTable        *values);
void              fl_template_result_free     (FlTemplateResult  *result);
GPtrArray        *fl_template_find_gaps       (const char        *text);
char             *fl_template_preview         (const char        *body,
                                               GHashTable        *values,
                                               guint              max_chars);
gboolean          fl_template_is_known        (const char        *name);
const char * const *fl_template_list_known    (void);
GHashTable       *fl_template_values_new      (FlTicket          *ticket,
                                               FlCustomer        *customer,
                                               FlAgent           *agent,
                                               FlAccount         *account,
                                               gint64             now);
char             *fl_template_import          (const char        *body,
                                               FlTemplateDialect  dialect,
                                               GPtrArray        **unknown);
gboolean          fl_template_dialect_from_string (const char    *str,
                                                   FlTemplateDialect *dialect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlTemplateResult, fl_template_result_free)

G_END_DECLS
