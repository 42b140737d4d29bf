/* fl-template-engine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-template-engine"

#include "config.h"

#include <string.h>

#include "fl-account.h"
#include "fl-agent.h"
#include "fl-customer.h"
#include "fl-enums.h"
#include "fl-format.h"
#include "fl-template-engine.h"
#include "fl-text.h"
#include "fl-ticket.h"
#include "fl-util.h"

/* A placeholder longer than this is not one: the `{{` stays text. */
#define MAX_PLACEHOLDER 512

#define FSI "\xe2\x81\xa8" /* U+2068 FIRST STRONG ISOLATE */
#define PDI "\xe2\x81\xa9" /* U+2069 POP DIRECTIONAL ISOLATE */

static const char * const known_names[] = {
  "customer.first_name",
  "customer.last_name",
  "customer.name",
  "customer.email",
  "ticket.id",
  "ticket.subject",
  "ticket.status",
  "agent.first_name",
  "agent.name",
  "account.name",
  "today",
  "cursor",
  NULL
};

static void
gap_free (gpointer data)
{
  FlTemplateGap *gap = data;

  g_free (gap->name);
  g_free (gap);
}

/**
 * fl_template_result_free:
 * @result: (transfer full): an expansion result
 */
void
fl_template_result_free (FlTemplateResult *result)
{
  if (result == NULL)
    return;

  g_free (result->text);
  g_clear_pointer (&result->gaps, g_ptr_array_unref);
  g_free (result);
}

/**
 * fl_template_list_known:
 *
 * Returns: (transfer none): the placeholder names the engine fills, for a
 *   picker; `customer.field.NAME` comes on top of these
 */
const char * const *
fl_template_list_known (void)
{
  return known_names;
}

/**
 * fl_template_is_known:
 * @name: a placeholder name
 *
 * Returns: whether the engine knows how to fill @name
 */
gboolean
fl_template_is_known (const char *name)
{
  if (name == NULL)
    return FALSE;
  if (g_str_has_prefix (name, "customer.field.") && name[strlen ("customer.field.")] != '\0')
    return TRUE;
  return g_strv_contains (known_names, name);
}

static gboolean
is_name_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '_' || c == '.' || c == '-';
}

/* Whether [start, end) is a placeholder name: name characters only,
 * not empty, not starting or ending with a dot. */
static gboolean
valid_name (const char *start,
            const char *end)
{
  if (start >= end || *start == '.' || end[-1] == '.')
    return FALSE;
  if (!g_utf8_validate (start, end - start, NULL))
    return FALSE;
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (!is_name_char (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

static const char *
trim_end (const char *start,
          const char *end)
{
  while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  return end;
}

typedef struct
{
  char *name;
  char *fallback;       /* NULL when there is none */
  const char *end;      /* just after the closing }} */
} Placeholder;

static void
placeholder_clear (Placeholder *ph)
{
  g_clear_pointer (&ph->name, g_free);
  g_clear_pointer (&ph->fallback, g_free);
}

/* Parses a quoted fallback starting at the quote; returns the position
 * after the closing quote or NULL. */
static const char *
parse_quoted (const char  *p,
              const char  *end,
              char       **out)
{
  char quote = *p++;
  GString *s = g_string_new (NULL);

  while (p < end && *p != quote)
    {
      if (*p == '\\' && p + 1 < end)
        p++;
      g_string_append_c (s, *p++);
    }
  if (p >= end)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  *out = g_string_free (s, FALSE);
  return p + 1;
}

/* Parses the placeholder that starts with "{{" at @p. On success fills @ph
 * and returns TRUE; otherwise the "{{" is plain text. */
static gboolean
parse_placeholder (const char  *p,
                   Placeholder *ph)
{
  const char *start = p + 2;
  const char *q = start;
  const char *bar = NULL;
  const char *close = NULL;
  char quote = 0;

  /* Find the closing braces on the same line; inside a quoted fallback
   * braces and bars are text. */
  for (; *q != '\0' && *q != '\n' && q - start < MAX_PLACEHOLDER; q++)
    {
      if (quote != 0)
        {
          if (*q == '\\' && q[1] != '\0' && q[1] != '\n')
            q++;
          else if (*q == quote)
            quote = 0;
        }
      else if (bar != NULL && (*q == '"' || *q == '\''))
        quote = *q;
      else if (*q == '|' && bar == NULL)
        bar = q;
      else if (*q == '}' && q[1] == '}')
        {
          close = q;
          break;
        }
    }
  if (close == NULL)
    return FALSE;

  {
    const char *name_start = skip_space (start, close);
    const char *name_end = trim_end (name_start, bar ? bar : close);

    if (!valid_name (name_start, name_end))
      return FALSE;
    ph->name = g_strndup (name_start, name_end - name_start);
  }

  if (bar != NULL)
    {
      const char *f = skip_space (bar + 1, close);

      if (strncmp (f, "default:", 8) == 0)
        f = skip_space (f + 8, close);

      if (f < close && (*f == '"' || *f == '\''))
        {
          const char *after = parse_quoted (f, close, &ph->fallback);

          if (after == NULL || skip_space (after, close) != close)
            {
              placeholder_clear (ph);
              return FALSE;
            }
        }
      else
        {
          const char *f_end = trim_end (f, close);

          if (f_end == f)
            {
              placeholder_clear (ph);
              return FALSE;
            }
          ph->fallback = g_strndup (f, f_end - f);
        }
    }

  ph->end = close + 2;
  return TRUE;
}

/* -1 right to left, 1 left to right, 0 no strong character. */
static int
first_strong (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;

      switch ((int) g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
          return -1;
        default:
          return 1;
        }
    }
  return 0;
}

static const char *
lookup (GHashTable *values,
        const char *name)
{
  const char *value;
  g_autofree char *lower = NULL;

  if (values == NULL)
    return NULL;

  value = g_hash_table_lookup (values, name);
  if (value != NULL)
    return value;

  lower = g_ascii_strdown (name, -1);
  return g_hash_table_lookup (values, lower);
}

/**
 * fl_template_expand:
 * @body: (nullable): a template body with `{{placeholders}}`
 * @values: (nullable) (element-type utf8 utf8): placeholder values, as
 *   made by fl_template_values_new()
 *
 * Fills the placeholders of @body. A placeholder is `{{name}}` or
 * `{{name | "fallback"}}`; the fallback is used when the value is missing
 * or empty. `\{{` writes literal braces. `{{cursor}}` writes nothing and
 * sets the result's cursor. A value written in the other direction than
 * the template (a Latin name in a Persian reply) is wrapped in Unicode
 * isolates so it does not reorder the sentence around it.
 *
 * A placeholder without a value or fallback is never dropped silently:
 * it stays in the text as `{{name}}` and is listed in the result's gaps.
 * A `{{` that does not start a well-formed placeholder stays text.
 *
 * Returns: (transfer full): the result
 */
FlTemplateResult *
fl_template_expand (const char *body,
                    GHashTable *values)
{
  g_autofree char *valid = fl_text_make_valid (body, -1);
  FlTemplateResult *result = g_new0 (FlTemplateResult, 1);
  GString *out = g_string_new (NULL);
  int direction = first_strong (valid);
  const char *p = valid;

  result->gaps = g_ptr_array_new_with_free_func (gap_free);
  result->cursor = -1;

  while (*p != '\0')
    {
      Placeholder ph = { 0 };

      if (p[0] == '\\' && p[1] == '{' && p[2] == '{')
        {
          g_string_append (out, "{{");
          p += 3;
          continue;
        }

      if (p[0] != '{' || p[1] != '{')
        {
          g_string_append_c (out, *p++);
          continue;
        }

      /* "{{{name}}}": the first brace is text. */
      if (p[2] == '{')
        {
          g_string_append_c (out, *p++);
          continue;
        }

      if (!parse_placeholder (p, &ph))
        {
          result->n_malformed++;
          g_string_append (out, "{{");
          p += 2;
          continue;
        }

      if (g_strcmp0 (ph.name, "cursor") == 0)
        {
          if (result->cursor < 0)
            result->cursor = out->len;
        }
      else
        {
          const char *value = lookup (values, ph.name);

          if (value != NULL && *value != '\0')
            {
              int value_direction = first_strong (value);

              if (direction != 0 && value_direction != 0 && value_direction != direction)
                {
                  g_string_append (out, FSI);
                  g_string_append (out, value);
                  g_string_append (out, PDI);
                }
              else
                g_string_append (out, value);
            }
          else if (ph.fallback != NULL)
            g_string_append (out, ph.fallback);
          else
            {
              FlTemplateGap *gap = g_new0 (FlTemplateGap, 1);

              gap->name = g_strdup (ph.name);
              gap->start = out->len;
              g_string_append_printf (out, "{{%s}}", ph.name);
              gap->length = out->len - gap->start;
              g_ptr_array_add (result->gaps, gap);
            }
        }

      p = ph.end;
      placeholder_clear (&ph);
    }

  result->text = g_string_free (out, FALSE);
  return result;
}

/**
 * fl_template_find_gaps:
 * @text: (nullable): text about to be sent
 *
 * Finds the placeholders still in @text, as an expansion leaves them or
 * as an agent typed them, so the composer can ask before sending.
 *
 * Returns: (transfer full) (element-type FlTemplateGap): the gaps, in order
 */
GPtrArray *
fl_template_find_gaps (const char *text)
{
  GPtrArray *gaps = g_ptr_array_new_with_free_func (gap_free);
  const char *p = text;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return gaps;

  while (*p != '\0')
    {
      Placeholder ph = { 0 };

      if (p[0] == '\\' && p[1] == '{' && p[2] == '{')
        {
          p += 3;
          continue;
        }
      if (p[0] != '{' || p[1] != '{' || p[2] == '{')
        {
          p++;
          continue;
        }
      if (!parse_placeholder (p, &ph))
        {
          p += 2;
          continue;
        }

      {
        FlTemplateGap *gap = g_new0 (FlTemplateGap, 1);

        gap->name = g_steal_pointer (&ph.name);
        gap->start = p - text;
        gap->length = ph.end - p;
        g_ptr_array_add (gaps, gap);
      }
      p = ph.end;
      placeholder_clear (&ph);
    }

  return gaps;
}

/* A greeting is a short first paragraph, such as "Hi Sara,". */
#define GREETING_CHARS 60

/**
 * fl_template_preview:
 * @body: (nullable): a template body
 * @values: (nullable): placeholder values, or %NULL for fallbacks only
 * @max_chars: the longest preview, in characters
 *
 * A one-line preview of what a response says, for a list: filled in,
 * without its greeting (a short first paragraph) when there is more, and
 * cut to @max_chars.
 *
 * Returns: (transfer full): the preview
 */
char *
fl_template_preview (const char *body,
                     GHashTable *values,
                     guint       max_chars)
{
  g_autoptr(FlTemplateResult) result = fl_template_expand (body, values);
  const char *text = result->text;
  const char *para;

  while (*text == '\n' || *text == ' ')
    text++;
  para = strstr (text, "\n\n");
  if (para != NULL && g_utf8_strlen (text, para - text) <= GREETING_CHARS)
    text = para + 2;

  return fl_text_snippet (text, max_chars);
}

static void
put (GHashTable *values,
     const char *name,
     const char *value)
{
  if (value != NULL && *value != '\0')
    g_hash_table_replace (values, g_strdup (name), g_strdup (value));
}

/* Everything after the first word of @name. */
static char *
last_name (const char *name)
{
  const char *space;

  if (name == NULL)
    return NULL;
  name = skip_space (name, name + strlen (name));
  space = strchr (name, ' ');
  if (space == NULL)
    return NULL;
  return g_strstrip (g_strdup (space + 1));
}

/**
 * fl_template_values_new:
 * @ticket: (nullable): the ticket being answered
 * @customer: (nullable): its customer
 * @agent: (nullable): the agent who answers
 * @account: (nullable): the account the ticket belongs to
 * @now: the current Unix time, for `today`
 *
 * Collects the values of every placeholder from the open ticket. Values
 * that are unknown are left out, so the template's fallback or a gap is
 * used instead of an empty string.
 *
 * Returns: (transfer full) (element-type utf8 utf8): the values
 */
GHashTable *
fl_template_values_new (FlTicket   *ticket,
                        FlCustomer *customer,
                        FlAgent    *agent,
                        FlAccount  *account,
                        gint64      now)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *customer_name = NULL;
  const char *email = NULL;

  if (customer != NULL)
    {
      g_auto(GStrv) fields = fl_customer_list_fields (customer);
      const char * const *emails = fl_customer_get_emails (customer);

      customer_name = fl_customer_get_name (customer);
      if (emails != NULL)
        email = emails[0];

      for (guint i = 0; fields && fields[i]; i++)
        {
          g_autofree char *key = g_strconcat ("customer.field.", fields[i], NULL);

          put (values, key, fl_customer_get_field (customer, fields[i]));
        }
    }

  if (ticket != NULL)
    {
      if (customer_name == NULL || *customer_name == '\0')
        customer_name = fl_ticket_get_requester (ticket);
      if (email == NULL)
        email = fl_ticket_get_requester_email (ticket);

      put (values, "ticket.id", fl_ticket_get_remote_id (ticket));
      put (values, "ticket.subject", fl_ticket_get_subject (ticket));
      put (values, "ticket.status", fl_status_get_label (fl_ticket_get_status (ticket)));
    }

  /* A requester known only by address has no name to greet. */
  if (customer_name != NULL && strchr (customer_name, '@') == NULL)
    {
      g_autofree char *first = fl_first_name (customer_name);
      g_autofree char *last = last_name (customer_name);

      put (values, "customer.name", customer_name);
      put (values, "customer.first_name", first);
      put (values, "customer.last_name", last);
    }
  put (values, "customer.email", email);

  if (agent != NULL)
    {
      g_autofree char *first = fl_first_name (fl_agent_get_name (agent));

      put (values, "agent.name", fl_agent_get_name (agent));
      put (values, "agent.first_name", first);
    }

  if (account != NULL)
    put (values, "account.name", fl_account_get_name (account));

  if (now > 0)
    {
      g_autofree char *today = fl_format_date (now);

      put (values, "today", today);
    }

  return values;
}

/* Importers */

typedef struct
{
  const char *foreign;
  const char *ours;
} NameMap;

static const NameMap zendesk_names[] = {
  { "ticket.requester.first_name", "customer.first_name" },
  { "ticket.requester.last_name", "customer.last_name" },
  { "ticket.requester.name", "customer.name" },
  { "ticket.requester.email", "customer.email" },
  { "ticket.id", "ticket.id" },
  { "ticket.title", "ticket.subject" },
  { "ticket.status", "ticket.status" },
  { "current_user.first_name", "agent.first_name" },
  { "current_user.name", "agent.name" },
  { "ticket.assignee.first_name", "agent.first_name" },
  { "ticket.assignee.name", "agent.name" },
  { "ticket.account", "account.name" },
  { "ticket.brand.name", "account.name" },
  { NULL, NULL }
};

static const NameMap helpscout_names[] = {
  { "customer.firstName", "customer.first_name" },
  { "customer.lastName", "customer.last_name" },
  { "customer.fullName", "customer.name" },
  { "customer.email", "customer.email" },
  { "conversation.number", "ticket.id" },
  { "conversation.subject", "ticket.subject" },
  { "subject", "ticket.subject" },
  { "user.firstName", "agent.first_name" },
  { "user.fullName", "agent.name" },
  { "mailbox.name", "account.name" },
  { "mailbox.fromName", "account.name" },
  { NULL, NULL }
};

static const NameMap zammad_names[] = {
  { "ticket.customer.firstname", "customer.first_name" },
  { "ticket.customer.lastname", "customer.last_name" },
  { "ticket.customer.fullname", "customer.name" },
  { "ticket.customer.email", "customer.email" },
  { "ticket.number", "ticket.id" },
  { "ticket.title", "ticket.subject" },
  { "ticket.state.name", "ticket.status" },
  { "t(ticket.state.name)", "ticket.status" },
  { "user.firstname", "agent.first_name" },
  { "user.fullname", "agent.name" },
  { "ticket.owner.firstname", "agent.first_name" },
  { "ticket.owner.fullname", "agent.name" },
  { "config.product_name", "account.name" },
  { NULL, NULL }
};

static const char *
map_name (const NameMap *map,
          const char    *name)
{
  for (guint i = 0; map[i].foreign != NULL; i++)
    if (strcmp (map[i].foreign, name) == 0)
      return map[i].ours;
  return NULL;
}

static void
append_placeholder (GString    *out,
                    const char *name,
                    const char *fallback)
{
  g_string_append (out, "{{");
  g_string_append (out, name);
  if (fallback != NULL)
    {
      g_string_append (out, " | \"");
      for (const char *p = fallback; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "}}");
}

/* Writes a foreign placeholder: mapped when it has a counterpart, kept as
 * an unfilled {{name}} gap when its name is usable, otherwise kept as the
 * original text; unknown ones are listed. */
static void
append_foreign (GString    *out,
                const char *ours,
                const char *foreign,
                const char *fallback,
                const char *original,
                gsize       original_len,
                GPtrArray  *unknown)
{
  if (g_str_has_prefix (foreign, "ticket.requester.custom_fields.") && ours == NULL)
    {
      g_autofree char *field = g_strconcat ("customer.field.",
                                            foreign + strlen ("ticket.requester.custom_fields."),
                                            NULL);
      append_placeholder (out, field, fallback);
      return;
    }

  if (ours != NULL)
    {
      append_placeholder (out, ours, fallback);
      return;
    }

  if (unknown != NULL)
    g_ptr_array_add (unknown, g_strdup (foreign));

  if (valid_name (foreign, foreign + strlen (foreign)))
    append_placeholder (out, foreign, fallback);
  else
    g_string_append_len (out, original, original_len);
}

static void
import_zendesk (const char *p,
                GString    *out,
                GPtrArray  *unknown)
{
  while (*p != '\0')
    {
      Placeholder ph = { 0 };

      if (p[0] != '{' || p[1] != '{' || p[2] == '{' || !parse_placeholder (p, &ph))
        {
          /* Liquid tags such as {% if %} have no counterpart. */
          if (p[0] == '{' && p[1] == '%' && unknown != NULL)
            {
              const char *end = strstr (p, "%}");

              if (end != NULL)
                g_ptr_array_add (unknown, g_strndup (p, end + 2 - p));
            }
          g_string_append_c (out, *p++);
          continue;
        }

      append_foreign (out, map_name (zendesk_names, ph.name), ph.name, ph.fallback,
                      p, ph.end - p, unknown);
      p = ph.end;
      placeholder_clear (&ph);
    }
}

/* Help Scout, FreeScout and Zammad text has no {{: escape any there is. */
static gboolean
append_escaped_brace (const char **p,
                      GString     *out)
{
  if ((*p)[0] == '{' && (*p)[1] == '{')
    {
      g_string_append (out, "\\{{");
      *p += 2;
      return TRUE;
    }
  return FALSE;
}

static void
import_helpscout (const char *p,
                  GString    *out,
                  GPtrArray  *unknown)
{
  while (*p != '\0')
    {
      const char *end;

      if (append_escaped_brace (&p, out))
        continue;

      if (p[0] != '{' || p[1] != '%' || (end = strstr (p + 2, "%}")) == NULL
          || memchr (p, '\n', end - p) != NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }

      {
        g_autofree char *inner = g_strstrip (g_strndup (p + 2, end - p - 2));
        char *comma = strchr (inner, ',');
        g_autofree char *fallback = NULL;

        if (comma != NULL)
          {
            char *option = g_strstrip (comma + 1);

            *comma = '\0';
            g_strstrip (inner);
            if (g_str_has_prefix (option, "fallback="))
              fallback = g_strdup (option + strlen ("fallback="));
          }

        append_foreign (out, map_name (helpscout_names, inner), inner, fallback,
                        p, end + 2 - p, unknown);
      }
      p = end + 2;
    }
}

static void
import_zammad (const char *p,
               GString    *out,
               GPtrArray  *unknown)
{
  while (*p != '\0')
    {
      const char *end;

      if (append_escaped_brace (&p, out))
        continue;

      if (p[0] != '#' || p[1] != '{' || (end = strchr (p + 2, '}')) == NULL
          || memchr (p, '\n', end - p) != NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }

      {
        g_autofree char *inner = g_strstrip (g_strndup (p + 2, end - p - 2));

        append_foreign (out, map_name (zammad_names, inner), inner, NULL,
                        p, end + 1 - p, unknown);
      }
      p = end + 1;
    }
}

/**
 * fl_template_import:
 * @body: (nullable): a canned response from another help desk
 * @dialect: its placeholder syntax
 * @unknown: (out) (optional) (element-type utf8) (transfer full): the
 *   foreign placeholders that have no counterpart here
 *
 * Converts a canned response to Frontline's `{{…}}` syntax. Placeholders
 * with a counterpart are renamed; Help Scout fallbacks become `| "…"`
 * fallbacks. Unknown placeholders stay in the text as unfilled gaps (or
 * as their original text when their name is not a placeholder name), so
 * the agent sees them instead of a customer.
 *
 * Returns: (transfer full): the template body
 */
char *
fl_template_import (const char         *body,
                    FlTemplateDialect   dialect,
                    GPtrArray         **unknown)
{
  g_autofree char *valid = fl_text_make_valid (body, -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  switch (dialect)
    {
    case FL_TEMPLATE_DIALECT_ZENDESK:
      import_zendesk (valid, out, names);
      break;

    case FL_TEMPLATE_DIALECT_HELPSCOUT:
      import_helpscout (valid, out, names);
      break;

    case FL_TEMPLATE_DIALECT_ZAMMAD:
      import_zammad (valid, out, names);
      break;

    default:
      g_string_append (out, valid);
    }

  if (unknown != NULL)
    *unknown = g_steal_pointer (&names);

  return g_string_free (out, FALSE);
}

/**
 * fl_template_dialect_from_string:
 * @str: "zendesk", "helpscout", "freescout" or "zammad"
 * @dialect: (out): the dialect
 *
 * Returns: whether @str names a dialect
 */
gboolean
fl_template_dialect_from_string (const char        *str,
                                 FlTemplateDialect *dialect)
{
  if (g_strcmp0 (str, "zendesk") == 0)
    *dialect = FL_TEMPLATE_DIALECT_ZENDESK;
  else if (g_strcmp0 (str, "helpscout") == 0 || g_strcmp0 (str, "freescout") == 0)
    *dialect = FL_TEMPLATE_DIALECT_HELPSCOUT;
  else if (g_strcmp0 (str, "zammad") == 0)
    *dialect = FL_TEMPLATE_DIALECT_ZAMMAD;
  else
    return FALSE;
  return TRUE;
}
