/* fl-template-library.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-template-library"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fl-template.h"
#include "fl-template-engine.h"
#include "fl-template-library.h"
#include "fl-text.h"

#define FORMAT_VERSION 1

/**
 * fl_template_actions_free:
 * @actions: (transfer full) (nullable): actions
 */
void
fl_template_actions_free (FlTemplateActions *actions)
{
  if (actions == NULL)
    return;
  g_free (actions->assignee);
  g_free (actions->note);
  g_free (actions);
}

/**
 * fl_template_actions_is_empty:
 * @actions: (nullable): actions
 *
 * Returns: whether @actions change nothing
 */
gboolean
fl_template_actions_is_empty (const FlTemplateActions *actions)
{
  return actions == NULL ||
         (actions->status < 0 && actions->priority < 0 &&
          actions->assignee == NULL && (actions->note == NULL || *actions->note == '\0'));
}

/**
 * fl_template_actions_parse:
 * @json: (nullable): a JSON object such as
 *   `{"status": "pending", "priority": "high", "assignee": "me", "note": "…"}`
 *
 * Unknown members and values are ignored, so a library written by a newer
 * version still loads.
 *
 * Returns: (transfer full) (nullable): the actions, or %NULL when @json is
 *   not an object or changes nothing
 */
FlTemplateActions *
fl_template_actions_parse (const char *json)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(FlTemplateActions) actions = NULL;
  JsonObject *obj;
  JsonNode *root;
  FlStatus status;
  FlPriority priority;

  if (json == NULL || *json == '\0')
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  obj = json_node_get_object (root);

  actions = g_new0 (FlTemplateActions, 1);
  actions->status = -1;
  actions->priority = -1;

  if (fl_status_from_string (json_object_get_string_member_with_default (obj, "status", NULL), &status))
    actions->status = status;
  if (fl_priority_from_string (json_object_get_string_member_with_default (obj, "priority", NULL), &priority))
    actions->priority = priority;
  if (json_object_has_member (obj, "assignee"))
    {
      JsonNode *node = json_object_get_member (obj, "assignee");

      if (JSON_NODE_HOLDS_NULL (node))
        actions->assignee = g_strdup ("");
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        actions->assignee = g_strdup (json_node_get_string (node));
    }
  actions->note = g_strdup (json_object_get_string_member_with_default (obj, "note", NULL));
  if (actions->note != NULL && *actions->note == '\0')
    g_clear_pointer (&actions->note, g_free);

  if (fl_template_actions_is_empty (actions))
    return NULL;

  return g_steal_pointer (&actions);
}

static JsonNode *
actions_to_node (const FlTemplateActions *actions)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  if (actions->status >= 0)
    {
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, fl_status_to_string (actions->status));
    }
  if (actions->priority >= 0)
    {
      json_builder_set_member_name (builder, "priority");
      json_builder_add_string_value (builder, fl_priority_to_string (actions->priority));
    }
  if (actions->assignee != NULL)
    {
      json_builder_set_member_name (builder, "assignee");
      if (*actions->assignee == '\0')
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, actions->assignee);
    }
  if (actions->note != NULL)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, actions->note);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * fl_template_actions_to_json:
 * @actions: (nullable): actions
 *
 * Returns: (transfer full) (nullable): @actions as a JSON object, or %NULL
 *   when they change nothing
 */
char *
fl_template_actions_to_json (const FlTemplateActions *actions)
{
  g_autoptr(JsonNode) node = NULL;

  if (fl_template_actions_is_empty (actions))
    return NULL;

  node = actions_to_node (actions);
  return json_to_string (node, FALSE);
}

/* "fa_IR.UTF-8", "tr-TR" and "EN" are "fa", "tr" and "en". */
static char *
base_language (const char *language)
{
  gsize len;

  if (language == NULL)
    return NULL;
  len = strcspn (language, "_-.@");
  if (len == 0)
    return NULL;
  return g_ascii_strdown (language, len);
}

static gboolean
same_language (const char *a,
               const char *b)
{
  g_autofree char *base_a = base_language (a);
  g_autofree char *base_b = base_language (b);

  return base_a != NULL && g_strcmp0 (base_a, base_b) == 0;
}

static FlTemplate *
find_variant (GPtrArray  *templates,
              const char *key,
              const char *language)
{
  for (guint i = 0; i < templates->len; i++)
    {
      FlTemplate *t = templates->pdata[i];

      if (g_strcmp0 (fl_template_get_key (t), key) == 0 &&
          same_language (fl_template_get_language (t), language))
        return t;
    }
  return NULL;
}

/**
 * fl_template_library_choose:
 * @templates: (element-type FlTemplate): the library
 * @key: the response's key
 * @customer_language: (nullable): the customer's language, such as "tr"
 * @ui_languages: (nullable) (array zero-terminated=1): the agent's UI
 *   languages, most preferred first; %NULL for g_get_language_names()
 *
 * Picks the variant to send: the customer's language, then the agent's
 * UI language, then English, then the first variant there is.
 *
 * Returns: (transfer none) (nullable): the variant, or %NULL when no
 *   template has @key
 */
FlTemplate *
fl_template_library_choose (GPtrArray          *templates,
                            const char         *key,
                            const char         *customer_language,
                            const char * const *ui_languages)
{
  FlTemplate *t;

  g_return_val_if_fail (templates != NULL, NULL);

  if (customer_language != NULL && (t = find_variant (templates, key, customer_language)))
    return t;

  if (ui_languages == NULL)
    ui_languages = g_get_language_names ();
  for (guint i = 0; ui_languages[i] != NULL; i++)
    if (g_strcmp0 (ui_languages[i], "C") != 0 && (t = find_variant (templates, key, ui_languages[i])))
      return t;

  if ((t = find_variant (templates, key, "en")))
    return t;

  for (guint i = 0; i < templates->len; i++)
    if (g_strcmp0 (fl_template_get_key (templates->pdata[i]), key) == 0)
      return templates->pdata[i];

  return NULL;
}

/**
 * fl_template_library_resolve:
 * @templates: (element-type FlTemplate): the library
 * @customer_language: (nullable): the customer's language
 * @ui_languages: (nullable) (array zero-terminated=1): as for
 *   fl_template_library_choose()
 *
 * Returns: (transfer container) (element-type FlTemplate): one variant
 *   per key, in the library's order
 */
GPtrArray *
fl_template_library_resolve (GPtrArray          *templates,
                             const char         *customer_language,
                             const char * const *ui_languages)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *chosen = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (templates != NULL, chosen);

  for (guint i = 0; i < templates->len; i++)
    {
      const char *key = fl_template_get_key (templates->pdata[i]);
      FlTemplate *t;

      if (key == NULL || g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, (gpointer) key);
      t = fl_template_library_choose (templates, key, customer_language, ui_languages);
      if (t != NULL)
        g_ptr_array_add (chosen, g_object_ref (t));
    }

  return chosen;
}

typedef struct
{
  FlTemplate *template;
  guint       rank;
  guint       position;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a;
  const Match *mb = b;

  if (ma->rank != mb->rank)
    return ma->rank < mb->rank ? -1 : 1;
  return ma->position < mb->position ? -1 : ma->position > mb->position;
}

/* Whether every word of @words is in @haystack. */
static gboolean
contains_all (const char  *haystack,
              char       **words)
{
  for (guint i = 0; words[i]; i++)
    if (*words[i] != '\0' && strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * fl_template_library_search:
 * @templates: (element-type FlTemplate): templates, usually one variant
 *   per key from fl_template_library_resolve()
 * @query: (nullable): what the agent typed
 *
 * Finds the templates whose name, shortcut, folder or text contain every
 * word of @query, ignoring case and accents and folding Turkish and
 * Persian letters like search does. An exact shortcut comes first, then
 * shortcuts that start with the query, then names that match, then the
 * rest; otherwise the library's order is kept.
 *
 * Returns: (transfer container) (element-type FlTemplate): the matches
 */
GPtrArray *
fl_template_library_search (GPtrArray  *templates,
                            const char *query)
{
  g_autofree char *folded_query = fl_text_fold (query, -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded_query), " \t\n", -1);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (templates != NULL, found);

  for (guint i = 0; i < templates->len; i++)
    {
      FlTemplate *t = templates->pdata[i];
      g_autofree char *name = fl_text_fold (fl_template_get_name (t), -1);
      g_autofree char *shortcut = fl_text_fold (fl_template_get_shortcut (t), -1);
      g_autofree char *rest = NULL;
      g_autofree char *all = NULL;
      Match m = { t, 3, i };

      if (*folded_query == '\0')
        m.rank = 3;
      else if (g_strcmp0 (shortcut, folded_query) == 0)
        m.rank = 0;
      else if (*shortcut != '\0' && g_str_has_prefix (shortcut, folded_query))
        m.rank = 1;
      else if (contains_all (name, words))
        m.rank = 2;
      else
        {
          rest = g_strconcat (fl_template_get_folder (t) ?: "", " ",
                              fl_template_get_body (t) ?: "", NULL);
          all = fl_text_fold (rest, -1);
          if (!contains_all (all, words) && !contains_all (shortcut, words))
            continue;
        }
      g_array_append_val (matches, m);
    }

  g_array_sort (matches, compare_matches);
  for (guint i = 0; i < matches->len; i++)
    g_ptr_array_add (found, g_object_ref (g_array_index (matches, Match, i).template));

  return found;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/**
 * fl_template_library_export:
 * @templates: (element-type FlTemplate): templates
 *
 * Writes templates in the library format described in the README:
 * `{"format": "frontline-templates", "version": 1, "templates": […]}`.
 *
 * Returns: (transfer full): the JSON text
 */
char *
fl_template_library_export (GPtrArray *templates)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "format", "frontline-templates");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "templates");
  json_builder_begin_array (builder);
  for (guint i = 0; templates && i < templates->len; i++)
    {
      FlTemplate *t = templates->pdata[i];
      g_autoptr(FlTemplateActions) actions = fl_template_actions_parse (fl_template_get_actions (t));

      json_builder_begin_object (builder);
      add_string (builder, "key", fl_template_get_key (t));
      add_string (builder, "folder", fl_template_get_folder (t));
      add_string (builder, "name", fl_template_get_name (t));
      add_string (builder, "shortcut", fl_template_get_shortcut (t));
      add_string (builder, "language", fl_template_get_language (t));
      json_builder_set_member_name (builder, "shared");
      json_builder_add_boolean_value (builder, fl_template_get_shared (t));
      add_string (builder, "body", fl_template_get_body (t));
      if (actions != NULL)
        {
          json_builder_set_member_name (builder, "actions");
          json_builder_add_value (builder, actions_to_node (actions));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

static const char *
string_member (JsonObject *obj,
               const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * fl_template_library_make_key:
 * @name: a template's name
 *
 * Returns: (transfer full): a key for a template that has none: its
 *   name, lower case, letters and digits joined by dashes
 */
char *
fl_template_library_make_key (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
      else if (key->len > 0 && key->str[key->len - 1] != '-')
        g_string_append_c (key, '-');
    }
  while (key->len > 0 && key->str[key->len - 1] == '-')
    g_string_truncate (key, key->len - 1);
  return g_string_free (key, FALSE);
}

/**
 * fl_template_library_import:
 * @json: the JSON text of a library export
 * @length: its length, or -1
 * @error: return location for a #GError
 *
 * Reads the library format described in the README. A file or a single
 * template may name the placeholder syntax it was written in with
 * `"dialect": "zendesk"` (or "helpscout", "freescout", "zammad"); such
 * bodies and notes are converted with fl_template_import(). Templates
 * without a name or body are skipped; a key is made from the name when
 * there is none.
 *
 * Returns: (transfer full) (element-type FlTemplate): the templates
 */
GPtrArray *
fl_template_library_import (const char  *json,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *root;
  JsonObject *obj;
  JsonArray *array;
  JsonNode *array_node;
  const char *file_dialect;

  if (!json_parser_load_from_data (parser, json, length, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (array_node = json_object_get_member ((obj = json_node_get_object (root)), "templates")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (array_node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("This file holds no canned responses"));
      return NULL;
    }
  if (json_object_get_int_member_with_default (obj, "version", FORMAT_VERSION) > FORMAT_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("These canned responses were saved by a newer version of Frontline"));
      return NULL;
    }

  file_dialect = string_member (obj, "dialect");
  array = json_node_get_array (array_node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *item;
      const char *name;
      const char *body;
      const char *dialect_name;
      const char *key;
      FlTemplateDialect dialect;
      g_autofree char *made_key = NULL;
      g_autofree char *converted = NULL;
      g_autoptr(FlTemplateActions) actions = NULL;
      FlTemplate *t;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      item = json_node_get_object (node);
      name = string_member (item, "name");
      body = string_member (item, "body");
      if (name == NULL || *name == '\0' || body == NULL)
        continue;

      dialect_name = string_member (item, "dialect") ?: file_dialect;
      if (dialect_name != NULL && fl_template_dialect_from_string (dialect_name, &dialect))
        body = converted = fl_template_import (body, dialect, NULL);

      if (json_object_has_member (item, "actions") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (item, "actions")))
        {
          g_autofree char *text = json_to_string (json_object_get_member (item, "actions"), FALSE);

          actions = fl_template_actions_parse (text);
          if (actions != NULL && actions->note != NULL && dialect_name != NULL &&
              fl_template_dialect_from_string (dialect_name, &dialect))
            {
              char *note = fl_template_import (actions->note, dialect, NULL);

              g_free (actions->note);
              actions->note = note;
            }
        }

      key = string_member (item, "key");
      if (key == NULL || *key == '\0')
        key = made_key = fl_template_library_make_key (name);

      t = fl_template_new ();
      fl_template_set_key (t, key);
      fl_template_set_folder (t, string_member (item, "folder"));
      fl_template_set_name (t, name);
      fl_template_set_shortcut (t, string_member (item, "shortcut"));
      fl_template_set_language (t, string_member (item, "language") ?: "en");
      fl_template_set_shared (t, json_object_get_boolean_member_with_default (item, "shared", TRUE));
      fl_template_set_body (t, body);
      if (actions != NULL)
        {
          g_autofree char *text = fl_template_actions_to_json (actions);

          fl_template_set_actions (t, text);
        }
      g_ptr_array_add (templates, t);
    }

  return g_steal_pointer (&templates);
}
