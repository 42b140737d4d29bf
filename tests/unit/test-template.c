/* test-template.c: placeholders, fallbacks, gaps and foreign syntaxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fl-account.h"
#include "fl-agent.h"
#include "fl-customer.h"
#include "fl-template-engine.h"
#include "fl-ticket.h"

#define FSI "\u2068"
#define PDI "\u2069"

static GHashTable *
make_values (void)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_insert (values, g_strdup ("customer.first_name"), g_strdup ("Zeynep"));
  g_hash_table_insert (values, g_strdup ("customer.name"), g_strdup ("Zeynep Çelik"));
  g_hash_table_insert (values, g_strdup ("customer.field.orders"), g_strdup ("LH-1234"));
  g_hash_table_insert (values, g_strdup ("ticket.id"), g_strdup ("1042"));
  g_hash_table_insert (values, g_strdup ("agent.first_name"), g_strdup ("مریم"));
  g_hash_table_insert (values, g_strdup ("account.name"), g_strdup (""));
  return values;
}

typedef struct
{
  const char *body;
  const char *text;
  guint       n_gaps;
  const char *first_gap;
  guint       n_malformed;
} ExpandCase;

static void
test_expand (void)
{
  static const ExpandCase cases[] = {
    /* Plain values, spaces inside the braces, case of the name. */
    { "Hi {{customer.first_name}}!", "Hi Zeynep!", 0, NULL, 0 },
    { "Hi {{ customer.first_name }}!", "Hi Zeynep!", 0, NULL, 0 },
    { "Hi {{Customer.First_Name}}!", "Hi Zeynep!", 0, NULL, 0 },
    { "Order {{customer.field.orders}}, #{{ticket.id}}", "Order LH-1234, #1042", 0, NULL, 0 },
    /* Fallbacks: quoted, single-quoted, unquoted, Liquid default, escapes. */
    { "Hi {{customer.last_name | \"there\"}}", "Hi there", 0, NULL, 0 },
    { "Hi {{customer.last_name|'friend'}}", "Hi friend", 0, NULL, 0 },
    { "Hi {{customer.last_name | dear customer }}", "Hi dear customer", 0, NULL, 0 },
    { "Hi {{customer.last_name | default: \"there\"}}", "Hi there", 0, NULL, 0 },
    { "{{customer.last_name | \"a \\\"b\\\" }} | c\"}}", "a \"b\" }} | c", 0, NULL, 0 },
    { "Hi {{customer.first_name | \"there\"}}", "Hi Zeynep", 0, NULL, 0 },
    /* An empty value is missing: fallback, or a gap. */
    { "{{account.name | \"Lumen\"}}", "Lumen", 0, NULL, 0 },
    { "{{account.name}}", "{{account.name}}", 1, "account.name", 0 },
    /* Gaps stay visible, in canonical form, never silently dropped. */
    { "Dear {{customer.last_name}},", "Dear {{customer.last_name}},", 1, "customer.last_name", 0 },
    { "{{ nosuch.thing }} and {{customer.field.plan}}", "{{nosuch.thing}} and {{customer.field.plan}}", 2, "nosuch.thing", 0 },
    /* Escaped and literal braces. */
    { "\\{{customer.first_name}} is a placeholder", "{{customer.first_name}} is a placeholder", 0, NULL, 0 },
    { "{{{customer.first_name}}}", "{Zeynep}", 0, NULL, 0 },
    { "a { b } c }} d", "a { b } c }} d", 0, NULL, 0 },
    /* Malformed: kept as text, counted. */
    { "Hi {{customer.first_name", "Hi {{customer.first_name", 0, NULL, 1 },
    { "Hi {{}} there", "Hi {{}} there", 0, NULL, 1 },
    { "{{ two words }}", "{{ two words }}", 0, NULL, 1 },
    { "{{customer.first_name\n}}", "{{customer.first_name\n}}", 0, NULL, 1 },
    { "{{customer.first_name | \"unterminated}}", "{{customer.first_name | \"unterminated}}", 0, NULL, 1 },
    { "{{customer.first_name | }}", "{{customer.first_name | }}", 0, NULL, 1 },
    { "{{.customer}}", "{{.customer}}", 0, NULL, 1 },
    { "{{", "{{", 0, NULL, 1 },
    { "", "", 0, NULL, 0 },
    /* Unicode text and names around placeholders. */
    { "Merhaba {{customer.first_name}}, İyi günler ğüşıöç", "Merhaba Zeynep, İyi günler ğüşıöç", 0, NULL, 0 },
    { "{{müşteri.adı}}", "{{müşteri.adı}}", 1, "müşteri.adı", 0 },
    { "Emoji 🎉 {{ticket.id}} 🎉", "Emoji 🎉 1042 🎉", 0, NULL, 0 },
    /* Right to left: a Latin value in Persian text is isolated; a
     * Persian value in Persian text and a Latin one in English are not. */
    { "سلام {{customer.first_name}} عزیز", "سلام " FSI "Zeynep" PDI " عزیز", 0, NULL, 0 },
    { "با احترام، {{agent.first_name}}", "با احترام، مریم", 0, NULL, 0 },
    { "Regards, {{agent.first_name}}", "Regards, " FSI "مریم" PDI, 0, NULL, 0 },
    { "سفارش {{customer.field.orders}}", "سفارش " FSI "LH-1234" PDI, 0, NULL, 0 },
    /* Digits have no direction of their own: nothing to isolate. */
    { "درخواست {{ticket.id}}", "درخواست 1042", 0, NULL, 0 },
    { "سلام {{customer.last_name | \"دوست\"}} عزیز", "سلام دوست عزیز", 0, NULL, 0 },
  };
  g_autoptr(GHashTable) values = make_values ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FlTemplateResult) result = fl_template_expand (cases[i].body, values);

      g_test_message ("case %u: %s", i, cases[i].body);
      g_assert_cmpstr (result->text, ==, cases[i].text);
      g_assert_cmpuint (result->gaps->len, ==, cases[i].n_gaps);
      g_assert_cmpuint (result->n_malformed, ==, cases[i].n_malformed);
      if (cases[i].first_gap != NULL)
        {
          FlTemplateGap *gap = result->gaps->pdata[0];

          g_assert_cmpstr (gap->name, ==, cases[i].first_gap);
          /* The gap's offsets point at its text in the result. */
          g_assert_true (strncmp (result->text + gap->start, "{{", 2) == 0);
          g_assert_true (strncmp (result->text + gap->start + gap->length - 2, "}}", 2) == 0);
        }
      g_assert_cmpint (result->cursor, ==, -1);
    }
}

static void
test_expand_cursor_and_invalid (void)
{
  g_autoptr(GHashTable) values = make_values ();
  g_autoptr(FlTemplateResult) a = fl_template_expand ("Hi {{customer.first_name}},\n\n{{cursor}}\n\nBye", values);
  g_autoptr(FlTemplateResult) b = fl_template_expand ("bad \xff\xfe {{ticket.id}}", values);
  g_autoptr(FlTemplateResult) c = fl_template_expand (NULL, NULL);
  g_autoptr(FlTemplateResult) d = fl_template_expand ("{{customer.first_name}}", NULL);

  g_assert_cmpstr (a->text, ==, "Hi Zeynep,\n\n\n\nBye");
  g_assert_cmpint (a->cursor, ==, strlen ("Hi Zeynep,\n\n"));

  g_assert_true (g_utf8_validate (b->text, -1, NULL));
  g_assert_true (g_str_has_suffix (b->text, " 1042"));

  g_assert_cmpstr (c->text, ==, "");
  g_assert_cmpuint (d->gaps->len, ==, 1);
}

static void
test_find_gaps (void)
{
  g_autoptr(GPtrArray) gaps = fl_template_find_gaps ("Dear {{customer.last_name}}, {{ x | \"y\" }} \\{{not.this}} {{bad name}} {{");
  g_autoptr(GPtrArray) none = fl_template_find_gaps ("Nothing to see { } }}");
  FlTemplateGap *gap;

  g_assert_cmpuint (gaps->len, ==, 2);
  gap = gaps->pdata[0];
  g_assert_cmpstr (gap->name, ==, "customer.last_name");
  g_assert_cmpuint (gap->start, ==, 5);
  g_assert_cmpuint (gap->length, ==, strlen ("{{customer.last_name}}"));
  gap = gaps->pdata[1];
  g_assert_cmpstr (gap->name, ==, "x");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_values (void)
{
  g_autoptr(FlTicket) ticket = fl_ticket_new ();
  g_autoptr(FlCustomer) customer = fl_customer_new ();
  g_autoptr(FlAgent) agent = fl_agent_new ();
  g_autoptr(FlAccount) account = fl_account_new ();
  const char * const emails[] = { "sara@example.com", NULL };
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) bare = NULL;
  g_autoptr(FlTemplateResult) result = NULL;

  fl_ticket_set_remote_id (ticket, "2051");
  fl_ticket_set_subject (ticket, "سفارش من کجاست؟");
  fl_ticket_set_status (ticket, FL_STATUS_PENDING);
  fl_customer_set_name (customer, "سارا محمدی");
  fl_customer_set_emails (customer, emails);
  fl_customer_set_field (customer, "orders", "LH-2001");
  fl_agent_set_name (agent, "Daniel Brooks");
  fl_account_set_name (account, "Lumen Home Support");

  values = fl_template_values_new (ticket, customer, agent, account, 1700000000);
  g_assert_cmpstr (g_hash_table_lookup (values, "customer.first_name"), ==, "سارا");
  g_assert_cmpstr (g_hash_table_lookup (values, "customer.last_name"), ==, "محمدی");
  g_assert_cmpstr (g_hash_table_lookup (values, "customer.email"), ==, "sara@example.com");
  g_assert_cmpstr (g_hash_table_lookup (values, "customer.field.orders"), ==, "LH-2001");
  g_assert_cmpstr (g_hash_table_lookup (values, "ticket.id"), ==, "2051");
  g_assert_cmpstr (g_hash_table_lookup (values, "ticket.status"), ==, "Pending");
  g_assert_cmpstr (g_hash_table_lookup (values, "agent.first_name"), ==, "Daniel");
  g_assert_cmpstr (g_hash_table_lookup (values, "account.name"), ==, "Lumen Home Support");
  g_assert_nonnull (g_hash_table_lookup (values, "today"));

  result = fl_template_expand ("سلام {{customer.first_name}} / {{agent.first_name}} / {{today}} / {{customer.field.plan | \"-\"}}", values);
  g_assert_cmpuint (result->gaps->len, ==, 0);
  g_assert_true (g_str_has_prefix (result->text, "سلام سارا / " FSI "Daniel" PDI " / "));

  /* A requester known only by address gets the fallback, not "sara@…". */
  fl_ticket_set_requester (ticket, "sara@example.com");
  bare = fl_template_values_new (ticket, NULL, NULL, NULL, 0);
  g_assert_null (g_hash_table_lookup (bare, "customer.first_name"));
  g_assert_null (g_hash_table_lookup (bare, "today"));
  g_assert_null (g_hash_table_lookup (bare, "agent.name"));

  g_assert_true (fl_template_is_known ("customer.field.orders"));
  g_assert_true (fl_template_is_known ("today"));
  g_assert_false (fl_template_is_known ("customer.field."));
  g_assert_false (fl_template_is_known ("customer.phone"));
}

typedef struct
{
  FlTemplateDialect  dialect;
  const char        *foreign;
  const char        *ours;
  guint              n_unknown;
} ImportCase;

static void
test_import (void)
{
  static const ImportCase cases[] = {
    /* Zendesk */
    { FL_TEMPLATE_DIALECT_ZENDESK, "Hi {{ticket.requester.first_name}}, re #{{ticket.id}}",
      "Hi {{customer.first_name}}, re #{{ticket.id}}", 0 },
    { FL_TEMPLATE_DIALECT_ZENDESK, "{{ticket.title}} {{current_user.name}} {{ticket.assignee.first_name}}",
      "{{ticket.subject}} {{agent.name}} {{agent.first_name}}", 0 },
    { FL_TEMPLATE_DIALECT_ZENDESK, "{{ticket.requester.custom_fields.order_number}}",
      "{{customer.field.order_number}}", 0 },
    { FL_TEMPLATE_DIALECT_ZENDESK, "{{dc.password_help}}", "{{dc.password_help}}", 1 },
    { FL_TEMPLATE_DIALECT_ZENDESK, "{% if ticket.status == 'open' %}x{% endif %}",
      "{% if ticket.status == 'open' %}x{% endif %}", 2 },
    { FL_TEMPLATE_DIALECT_ZENDESK, "Hi {{ticket.requester.first_name | default: \"there\"}}",
      "Hi {{customer.first_name | \"there\"}}", 0 },
    { FL_TEMPLATE_DIALECT_ZENDESK, "Broken {{ticket.id", "Broken {{ticket.id", 0 },
    /* Help Scout and FreeScout */
    { FL_TEMPLATE_DIALECT_HELPSCOUT, "Hi {%customer.firstName,fallback=there%},",
      "Hi {{customer.first_name | \"there\"}},", 0 },
    { FL_TEMPLATE_DIALECT_HELPSCOUT, "{%customer.firstName, fallback=\"dear\" friend%}",
      "{{customer.first_name | \"\\\"dear\\\" friend\"}}", 0 },
    { FL_TEMPLATE_DIALECT_HELPSCOUT, "#{%conversation.number%} {%subject%} {%user.firstName%} {%mailbox.name%}",
      "#{{ticket.id}} {{ticket.subject}} {{agent.first_name}} {{account.name}}", 0 },
    { FL_TEMPLATE_DIALECT_HELPSCOUT, "{%customer.company%} and {{literal}}",
      "{{customer.company}} and \\{{literal}}", 1 },
    { FL_TEMPLATE_DIALECT_HELPSCOUT, "{%customer.firstName", "{%customer.firstName", 0 },
    /* Zammad */
    { FL_TEMPLATE_DIALECT_ZAMMAD, "Hallo #{ticket.customer.firstname} #{ticket.customer.lastname}",
      "Hallo {{customer.first_name}} {{customer.last_name}}", 0 },
    { FL_TEMPLATE_DIALECT_ZAMMAD, "#{ticket.number}: #{t(ticket.state.name)} — #{user.firstname}",
      "{{ticket.id}}: {{ticket.status}} — {{agent.first_name}}", 0 },
    { FL_TEMPLATE_DIALECT_ZAMMAD, "#{dt(ticket.updated_at, \"%A\", \"Europe/Berlin\")}",
      "#{dt(ticket.updated_at, \"%A\", \"Europe/Berlin\")}", 1 },
    { FL_TEMPLATE_DIALECT_ZAMMAD, "سلام #{ticket.customer.firstname} عزیز",
      "سلام {{customer.first_name}} عزیز", 0 },
    { FL_TEMPLATE_DIALECT_ZAMMAD, "C# {code} #{", "C# {code} #{", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) unknown = NULL;
      g_autofree char *ours = fl_template_import (cases[i].foreign, cases[i].dialect, &unknown);

      g_test_message ("case %u: %s", i, cases[i].foreign);
      g_assert_cmpstr (ours, ==, cases[i].ours);
      g_assert_cmpuint (unknown->len, ==, cases[i].n_unknown);
    }
}

static void
test_import_roundtrip (void)
{
  /* An imported template expands like the original would have. */
  g_autoptr(GHashTable) values = make_values ();
  g_autofree char *body = fl_template_import ("Hi {%customer.firstName,fallback=there%}, {%customer.lastName,fallback=x%}",
                                              FL_TEMPLATE_DIALECT_HELPSCOUT, NULL);
  g_autoptr(FlTemplateResult) result = fl_template_expand (body, values);
  FlTemplateDialect dialect;

  g_assert_cmpstr (result->text, ==, "Hi Zeynep, x");
  g_assert_true (fl_template_dialect_from_string ("freescout", &dialect));
  g_assert_cmpint (dialect, ==, FL_TEMPLATE_DIALECT_HELPSCOUT);
  g_assert_false (fl_template_dialect_from_string ("osticket", &dialect));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/template/expand", test_expand);
  g_test_add_func ("/template/expand-cursor-invalid", test_expand_cursor_and_invalid);
  g_test_add_func ("/template/find-gaps", test_find_gaps);
  g_test_add_func ("/template/values", test_values);
  g_test_add_func ("/template/import", test_import);
  g_test_add_func ("/template/import-roundtrip", test_import_roundtrip);

  return g_test_run ();
}
