/* fl-about.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-about"

#include "config.h"

#include <glib/gi18n.h>

#include "fl-about.h"

/* libadwaita 1.2 has no adw_about_window_new_from_appdata() (that came in
 * 1.3), so read what the About window shows from the metainfo ourselves:
 * the one file says it for the software centre and for the app. */

typedef struct
{
  GString *text;          /* the element being read */
  GString *release_notes; /* markup of the newest release's description */
  char    *name;
  char    *developer;
  char    *homepage;
  char    *bugtracker;
  char    *version;
  char    *url_type;
  int      release_index;
  int      description_depth;
  gboolean in_release;
} Metainfo;

static void
metainfo_clear (Metainfo *m)
{
  g_string_free (m->text, TRUE);
  g_string_free (m->release_notes, TRUE);
  g_free (m->name);
  g_free (m->developer);
  g_free (m->homepage);
  g_free (m->bugtracker);
  g_free (m->version);
  g_free (m->url_type);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Metainfo, metainfo_clear)

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Metainfo *m = user_data;

  g_string_truncate (m->text, 0);

  if (g_strcmp0 (element, "release") == 0)
    {
      m->in_release = TRUE;
      m->release_index++;
      for (guint i = 0; names[i]; i++)
        {
          if (m->release_index == 1 && g_strcmp0 (names[i], "version") == 0)
            m->version = g_strdup (values[i]);
        }
    }
  else if (g_strcmp0 (element, "url") == 0)
    {
      g_clear_pointer (&m->url_type, g_free);
      for (guint i = 0; names[i]; i++)
        {
          if (g_strcmp0 (names[i], "type") == 0)
            m->url_type = g_strdup (values[i]);
        }
    }
  else if (m->in_release && m->release_index == 1)
    {
      if (g_strcmp0 (element, "description") == 0)
        m->description_depth = 1;
      else if (m->description_depth > 0)
        {
          g_string_append_printf (m->release_notes, "<%s>", element);
          m->description_depth++;
        }
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Metainfo *m = user_data;
  g_autofree char *text = g_strstrip (g_strdup (m->text->str));

  if (g_strcmp0 (element, "release") == 0)
    m->in_release = FALSE;
  else if (m->in_release && m->release_index == 1 && m->description_depth > 0)
    {
      if (g_strcmp0 (element, "description") == 0)
        m->description_depth = 0;
      else
        {
          g_autofree char *escaped = g_markup_escape_text (text, -1);

          g_string_append_printf (m->release_notes, "%s</%s>", escaped, element);
          m->description_depth--;
        }
    }
  else if (g_strcmp0 (element, "name") == 0 && m->name == NULL)
    m->name = g_steal_pointer (&text);
  else if (g_strcmp0 (element, "developer_name") == 0)
    m->developer = g_steal_pointer (&text);
  else if (g_strcmp0 (element, "url") == 0)
    {
      if (g_strcmp0 (m->url_type, "homepage") == 0)
        m->homepage = g_steal_pointer (&text);
      else if (g_strcmp0 (m->url_type, "bugtracker") == 0)
        m->bugtracker = g_steal_pointer (&text);
    }

  g_string_truncate (m->text, 0);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  Metainfo *m = user_data;

  g_string_append_len (m->text, text, len);
}

/**
 * fl_about_window_new_from_metainfo:
 * @resource_path: the metainfo's path in the resources
 *
 * Returns: (transfer full): an About window with the name, version,
 *   links and newest release notes from the metainfo
 */
GtkWidget *
fl_about_window_new_from_metainfo (const char  *resource_path,
                                   GError     **error)
{
  static const GMarkupParser parser = { start_element, end_element, text_cb, NULL, NULL };
  g_auto(Metainfo) m = { g_string_new (NULL), g_string_new (NULL) };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len;
  GtkWidget *about;

  if (!(bytes = g_resources_lookup_data (resource_path, 0, error)))
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  context = g_markup_parse_context_new (&parser, 0, &m, NULL);
  if (!g_markup_parse_context_parse (context, data, len, error) ||
      !g_markup_parse_context_end_parse (context, error))
    return NULL;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", m.name ?: PACKAGE_NAME,
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", m.developer,
                        "website", m.homepage,
                        "issue-url", m.bugtracker,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);

  if (m.release_notes->len > 0)
    {
      adw_about_window_set_release_notes (ADW_ABOUT_WINDOW (about), m.release_notes->str);
      adw_about_window_set_release_notes_version (ADW_ABOUT_WINDOW (about), m.version);
    }

  return about;
}
