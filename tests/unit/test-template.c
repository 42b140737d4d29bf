/* test-template.c: placeholders, fallbacks, gaps and foreign syntaxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fl-account.h"
#include "fl-agent.h"
#include "fl-customer.h"
#include "fl-store.h"
#include "fl-template.h"
#include "fl-template-engine.h"
#include "fl-template-library.h"
#include "fl-template-suggest.h"
#include "fl-ticket.h"

#include <glib/gstdio.h>

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
test_preview (void)
{
  g_autoptr(GHashTable) values = make_values ();
  g_autofree char *a = fl_template_preview ("Hi {{customer.first_name | \"there\"}},\n\nYour order   {{customer.field.orders}} shipped.\n\nBye", values, 100);
  g_autofree char *b = fl_template_preview ("Hi {{customer.last_name | \"there\"}},\n\nAll good.", NULL, 100);
  g_autofree char *c = fl_template_preview ("One paragraph only, with {{ticket.id}}", values, 100);
  g_autofree char *d = fl_template_preview ("A first paragraph long enough not to be a greeting at all, surely.\n\nSecond.", NULL, 20);

  g_assert_cmpstr (a, ==, "Your order LH-1234 shipped. Bye");
  g_assert_cmpstr (b, ==, "All good.");
  g_assert_cmpstr (c, ==, "One paragraph only, with 1042");
  g_assert_cmpstr (d, ==, "A first paragraph lo…");
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

static FlTemplate *
make_template (const char *key,
               const char *language,
               const char *name,
               const char *body)
{
  FlTemplate *t = fl_template_new ();

  fl_template_set_key (t, key);
  fl_template_set_language (t, language);
  fl_template_set_name (t, name);
  fl_template_set_body (t, body);
  fl_template_set_folder (t, "Orders");
  fl_template_set_shared (t, TRUE);
  return t;
}

static GPtrArray *
make_library (void)
{
  GPtrArray *library = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (library, make_template ("wismo", "en", "Where is my order",
                                           "Your order is on its way with our carrier; follow the tracking link."));
  g_ptr_array_add (library, make_template ("wismo", "tr", "Siparişim nerede",
                                           "Siparişiniz kargoya verildi; takip linkinden izleyebilirsiniz."));
  g_ptr_array_add (library, make_template ("wismo", "fa", "سفارش من کجاست",
                                           "سفارش شما ارسال شده است؛ با کد رهگیری پیگیری کنید."));
  g_ptr_array_add (library, make_template ("reset", "en", "Password reset",
                                           "I've sent you a link to reset your password. It works for 24 hours."));
  g_ptr_array_add (library, make_template ("reset", "tr", "Şifre sıfırlama",
                                           "Şifrenizi sıfırlamanız için bir bağlantı gönderdim."));
  g_ptr_array_add (library, make_template ("refund", "en", "Refund issued",
                                           "Your refund has been issued to your card and shows within 5 days."));
  return library;
}

static void
test_choose_variant (void)
{
  g_autoptr(GPtrArray) library = make_library ();
  const char * const ui_tr[] = { "tr_TR.UTF-8", "tr_TR", "tr", "C", NULL };
  const char * const ui_fa[] = { "fa", "C", NULL };
  const char * const ui_de[] = { "de_DE", "de", "C", NULL };
  g_autoptr(GPtrArray) resolved = NULL;

  /* The customer's language first, in any spelling. */
  g_assert_cmpstr (fl_template_get_language (fl_template_library_choose (library, "wismo", "fa", ui_tr)), ==, "fa");
  g_assert_cmpstr (fl_template_get_language (fl_template_library_choose (library, "wismo", "TR-tr", ui_fa)), ==, "tr");
  /* Then the agent's UI language. */
  g_assert_cmpstr (fl_template_get_language (fl_template_library_choose (library, "wismo", "de", ui_fa)), ==, "fa");
  g_assert_cmpstr (fl_template_get_language (fl_template_library_choose (library, "reset", "fa", ui_tr)), ==, "tr");
  /* Then English, then whatever there is. */
  g_assert_cmpstr (fl_template_get_language (fl_template_library_choose (library, "reset", "fa", ui_de)), ==, "en");
  g_assert_cmpstr (fl_template_get_language (fl_template_library_choose (library, "refund", "tr", ui_fa)), ==, "en");
  g_assert_null (fl_template_library_choose (library, "nosuch", "en", ui_de));

  resolved = fl_template_library_resolve (library, "fa", ui_tr);
  g_assert_cmpuint (resolved->len, ==, 3);
  g_assert_cmpstr (fl_template_get_language (resolved->pdata[0]), ==, "fa");
  g_assert_cmpstr (fl_template_get_language (resolved->pdata[1]), ==, "tr");
  g_assert_cmpstr (fl_template_get_language (resolved->pdata[2]), ==, "en");
}

static void
test_library_search (void)
{
  g_autoptr(GPtrArray) library = make_library ();
  struct { const char *query; const char *first_key; const char *first_language; guint n; } cases[] = {
    /* Case, accents and Turkish i: "SİFRE", "sifre" and "şifre" are one word. */
    { "ŞİFRE", "reset", "tr", 1 },
    { "sifre", "reset", "tr", 1 },
    { "SIFRE sıfırlama", "reset", "tr", 1 },
    /* Persian letter variants: Arabic kaf and yeh find Persian text. */
    { "كجاست", "wismo", "fa", 1 },
    { "رهگيري", "wismo", "fa", 1 },
    /* Body text, several words in any order. */
    { "tracking carrier", "wismo", "en", 1 },
    { "card refund", "refund", "en", 1 },
    { "nothing like this", NULL, NULL, 0 },
    /* Empty: everything, in library order. */
    { "", "wismo", "en", 6 },
  };

  fl_template_set_shortcut (library->pdata[3], "reset");
  fl_template_set_shortcut (library->pdata[5], "refunded");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) found = fl_template_library_search (library, cases[i].query);

      g_test_message ("query: %s", cases[i].query);
      g_assert_cmpuint (found->len, ==, cases[i].n);
      if (cases[i].first_key != NULL)
        {
          g_assert_cmpstr (fl_template_get_key (found->pdata[0]), ==, cases[i].first_key);
          g_assert_cmpstr (fl_template_get_language (found->pdata[0]), ==, cases[i].first_language);
        }
    }

  /* A shortcut beats a name, an exact one beats a prefix. */
  {
    g_autoptr(GPtrArray) found = fl_template_library_search (library, "re");

    g_assert_cmpuint (found->len, >=, 2);
    g_assert_cmpstr (fl_template_get_shortcut (found->pdata[0]), ==, "reset");
    g_assert_cmpstr (fl_template_get_shortcut (found->pdata[1]), ==, "refunded");
  }
  {
    g_autoptr(GPtrArray) found = fl_template_library_search (library, "REFUNDED");

    g_assert_cmpstr (fl_template_get_shortcut (found->pdata[0]), ==, "refunded");
  }
}

static void
test_actions (void)
{
  g_autoptr(FlTemplateActions) a = fl_template_actions_parse ("{\"status\": \"pending\", \"priority\": \"high\", \"assignee\": \"me\", \"note\": \"Sent {{ticket.id}}\", \"future\": 1}");
  g_autoptr(FlTemplateActions) unassign = fl_template_actions_parse ("{\"assignee\": null}");
  g_autofree char *json = NULL;
  g_autoptr(FlTemplateActions) again = NULL;

  g_assert_nonnull (a);
  g_assert_cmpint (a->status, ==, FL_STATUS_PENDING);
  g_assert_cmpint (a->priority, ==, FL_PRIORITY_HIGH);
  g_assert_cmpstr (a->assignee, ==, "me");
  g_assert_cmpstr (a->note, ==, "Sent {{ticket.id}}");

  json = fl_template_actions_to_json (a);
  again = fl_template_actions_parse (json);
  g_assert_cmpint (again->status, ==, a->status);
  g_assert_cmpint (again->priority, ==, a->priority);
  g_assert_cmpstr (again->assignee, ==, a->assignee);
  g_assert_cmpstr (again->note, ==, a->note);

  g_assert_nonnull (unassign);
  g_assert_cmpstr (unassign->assignee, ==, "");

  /* Nothing, or nothing usable, is no macro. */
  g_assert_null (fl_template_actions_parse (NULL));
  g_assert_null (fl_template_actions_parse ("{}"));
  g_assert_null (fl_template_actions_parse ("{\"status\": \"bogus\", \"note\": \"\"}"));
  g_assert_null (fl_template_actions_parse ("[1, 2]"));
  g_assert_null (fl_template_actions_parse ("{not json"));
}

static void
test_library_json (void)
{
  g_autoptr(GPtrArray) library = make_library ();
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GPtrArray) foreign = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  static const char zendesk_file[] =
    "{\"version\": 1, \"dialect\": \"zendesk\", \"templates\": ["
    " {\"name\": \"Hello there\", \"body\": \"Hi {{ticket.requester.first_name}}\","
    "  \"actions\": {\"status\": \"solved\", \"note\": \"By {{current_user.name}}\"}},"
    " {\"name\": \"Zammad one\", \"dialect\": \"zammad\", \"body\": \"#{ticket.number}\", \"shared\": false},"
    " {\"name\": \"\", \"body\": \"skipped\"}, {\"body\": \"skipped\"}, 42]}";

  fl_template_set_actions (library->pdata[0], "{\"status\":\"pending\"}");
  fl_template_set_shared (library->pdata[1], FALSE);
  json = fl_template_library_export (library);
  back = fl_template_library_import (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, library->len);
  for (guint i = 0; i < back->len; i++)
    {
      FlTemplate *a = library->pdata[i];
      FlTemplate *b = back->pdata[i];

      g_assert_cmpstr (fl_template_get_key (a), ==, fl_template_get_key (b));
      g_assert_cmpstr (fl_template_get_language (a), ==, fl_template_get_language (b));
      g_assert_cmpstr (fl_template_get_name (a), ==, fl_template_get_name (b));
      g_assert_cmpstr (fl_template_get_body (a), ==, fl_template_get_body (b));
      g_assert_cmpstr (fl_template_get_folder (a), ==, fl_template_get_folder (b));
      g_assert_cmpint (fl_template_get_shared (a), ==, fl_template_get_shared (b));
    }
  g_assert_cmpstr (fl_template_get_actions (back->pdata[0]), ==, "{\"status\":\"pending\"}");
  g_assert_null (fl_template_get_actions (back->pdata[1]));

  foreign = fl_template_library_import (zendesk_file, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (foreign->len, ==, 2);
  g_assert_cmpstr (fl_template_get_key (foreign->pdata[0]), ==, "hello-there");
  g_assert_cmpstr (fl_template_get_body (foreign->pdata[0]), ==, "Hi {{customer.first_name}}");
  g_assert_cmpstr (fl_template_get_language (foreign->pdata[0]), ==, "en");
  {
    g_autoptr(FlTemplateActions) actions = fl_template_actions_parse (fl_template_get_actions (foreign->pdata[0]));

    g_assert_cmpint (actions->status, ==, FL_STATUS_SOLVED);
    g_assert_cmpstr (actions->note, ==, "By {{agent.name}}");
  }
  g_assert_cmpstr (fl_template_get_body (foreign->pdata[1]), ==, "{{ticket.id}}");
  g_assert_false (fl_template_get_shared (foreign->pdata[1]));

  g_assert_null (fl_template_library_import ("{\"templates\": 3}", -1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (fl_template_library_import ("{\"version\": 99, \"templates\": []}", -1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (fl_template_library_import ("not json", -1, &error));
  g_assert_nonnull (error);
}

static void
test_library_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fl-templates-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "store.db", NULL);
  g_autoptr(FlStore) store = NULL;
  g_autoptr(GPtrArray) library = make_library ();
  g_autoptr(GPtrArray) listed = NULL;
  guint found = 0;

  g_assert_no_error (error);
  store = fl_store_open (path, &error);
  g_assert_no_error (error);

  fl_template_set_actions (library->pdata[3], "{\"status\":\"solved\",\"assignee\":\"me\"}");
  fl_template_set_shared (library->pdata[4], FALSE);
  g_assert_true (fl_store_save_templates (store, library, &error));
  g_assert_no_error (error);

  /* Saving again updates in place: one row per key and language. */
  fl_template_set_body (library->pdata[0], "Changed body");
  g_assert_true (fl_store_save_templates (store, library, &error));

  listed = fl_store_list_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, library->len);
  for (guint i = 0; i < listed->len; i++)
    {
      FlTemplate *t = listed->pdata[i];

      if (g_strcmp0 (fl_template_get_key (t), "reset") == 0 &&
          g_strcmp0 (fl_template_get_language (t), "en") == 0)
        {
          g_assert_cmpstr (fl_template_get_actions (t), ==, "{\"status\":\"solved\",\"assignee\":\"me\"}");
          found++;
        }
      if (g_strcmp0 (fl_template_get_key (t), "reset") == 0 &&
          g_strcmp0 (fl_template_get_language (t), "tr") == 0)
        {
          g_assert_false (fl_template_get_shared (t));
          g_assert_null (fl_template_get_actions (t));
          found++;
        }
      if (g_strcmp0 (fl_template_get_key (t), "wismo") == 0 &&
          g_strcmp0 (fl_template_get_language (t), "en") == 0)
        {
          g_assert_cmpstr (fl_template_get_body (t), ==, "Changed body");
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 3);

  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_suggest_tokenize (void)
{
  g_autoptr(GPtrArray) en = fl_suggest_tokenize ("Hi, my REFUNDED order #1234 hasn't arrived!\n> quoted reply text\n{{customer.name}}");
  g_autoptr(GPtrArray) tr = fl_suggest_tokenize ("Merhaba, ŞİFREMİ unuttum, siparişim nerede?");
  g_autoptr(GPtrArray) fa = fl_suggest_tokenize ("سلام، سفارشم كجاست؟ بسته‌ها را می‌خواهم");
  g_autofree char *en_joined = NULL;
  g_autofree char *tr_joined = NULL;
  g_autofree char *fa_joined = NULL;

  g_ptr_array_add (en, NULL);
  g_ptr_array_add (tr, NULL);
  g_ptr_array_add (fa, NULL);
  en_joined = g_strjoinv (" ", (char **) en->pdata);
  tr_joined = g_strjoinv (" ", (char **) tr->pdata);
  fa_joined = g_strjoinv (" ", (char **) fa->pdata);

  g_assert_cmpstr (en_joined, ==, "refun order hasnt arriv");
  g_assert_cmpstr (tr_joined, ==, "sifre unutt sipar nered");
  g_assert_cmpstr (fa_joined, ==, "سفارش کجاس بسته خواه");
}

static void
test_suggest_rank (void)
{
  g_autoptr(GPtrArray) library = make_library ();
  g_autoptr(FlSuggester) suggester = fl_suggester_new (library);
  struct { const char *message; const char *key; } cases[] = {
    { "Where is my order? The tracking has not moved.", "wismo" },
    { "I forgot my password and can't log in", "reset" },
    { "When will I get my refund on my card?", "refund" },
    { "Şifremi unuttum, giriş yapamıyorum", "reset" },
    { "Siparişim hâlâ kargoya verilmedi mi?", "wismo" },
    { "سفارشم کی ارسال می‌شود؟ کد رهگیری ندارم", "wismo" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) ranked = fl_suggester_rank (suggester, cases[i].message, 3);

      g_test_message ("%s", cases[i].message);
      g_assert_cmpuint (ranked->len, >=, 1);
      g_assert_cmpstr (g_array_index (ranked, FlSuggestion, 0).key, ==, cases[i].key);
      for (guint j = 1; j < ranked->len; j++)
        g_assert_cmpfloat (g_array_index (ranked, FlSuggestion, j - 1).score, >=,
                           g_array_index (ranked, FlSuggestion, j).score);
    }

  /* Nothing in common: no suggestion rather than a random one. */
  {
    g_autoptr(GArray) none = fl_suggester_rank (suggester, "Lorem ipsum dolor", 3);
    g_autoptr(GArray) empty = fl_suggester_rank (suggester, NULL, 3);

    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (empty->len, ==, 0);
  }
}

/* The library the demo ships: every placeholder well formed and known,
 * every macro readable, every response in English, Turkish and Persian. */
static void
test_demo_library (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "demo",
                                                 "workspace.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) library = NULL;
  g_autoptr(GHashTable) languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_macros = 0, n_personal = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  /* The workspace's "templates" array is in the library format. */
  library = fl_template_library_import (contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (library->len, >=, 45);

  for (guint i = 0; i < library->len; i++)
    {
      FlTemplate *t = library->pdata[i];
      g_autoptr(FlTemplateResult) result = fl_template_expand (fl_template_get_body (t), NULL);
      g_autoptr(GPtrArray) gaps = fl_template_find_gaps (fl_template_get_body (t));
      g_autoptr(FlTemplateActions) actions = fl_template_actions_parse (fl_template_get_actions (t));
      g_autofree char *seen = g_strdup (g_hash_table_lookup (languages, fl_template_get_key (t)) ?: "");

      g_test_message ("%s/%s", fl_template_get_key (t), fl_template_get_language (t));
      g_assert_cmpuint (result->n_malformed, ==, 0);
      for (guint j = 0; j < gaps->len; j++)
        g_assert_true (fl_template_is_known (((FlTemplateGap *) gaps->pdata[j])->name));
      if (fl_template_get_actions (t) != NULL)
        {
          g_assert_nonnull (actions);
          n_macros++;
          if (actions->note != NULL)
            {
              g_autoptr(FlTemplateResult) note = fl_template_expand (actions->note, NULL);

              g_assert_cmpuint (note->n_malformed, ==, 0);
            }
        }
      n_personal += !fl_template_get_shared (t);
      g_hash_table_replace (languages, g_strdup (fl_template_get_key (t)),
                            g_strconcat (seen, fl_template_get_language (t), " ", NULL));
    }

  g_assert_cmpuint (n_macros, >=, 3 * 5);
  g_assert_cmpuint (n_personal, >=, 3);
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, languages);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_assert_cmpstr (value, ==, "en tr fa ");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/template/expand", test_expand);
  g_test_add_func ("/template/expand-cursor-invalid", test_expand_cursor_and_invalid);
  g_test_add_func ("/template/find-gaps", test_find_gaps);
  g_test_add_func ("/template/preview", test_preview);
  g_test_add_func ("/template/values", test_values);
  g_test_add_func ("/template/import", test_import);
  g_test_add_func ("/template/import-roundtrip", test_import_roundtrip);
  g_test_add_func ("/template/choose-variant", test_choose_variant);
  g_test_add_func ("/template/library-search", test_library_search);
  g_test_add_func ("/template/actions", test_actions);
  g_test_add_func ("/template/library-json", test_library_json);
  g_test_add_func ("/template/library-store", test_library_store);
  g_test_add_func ("/template/demo-library", test_demo_library);
  g_test_add_func ("/template/suggest-tokenize", test_suggest_tokenize);
  g_test_add_func ("/template/suggest-rank", test_suggest_rank);

  return g_test_run ();
}
