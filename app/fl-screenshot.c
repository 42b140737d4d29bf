/* fl-screenshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-screenshot"

#include "config.h"

#include <glib/gi18n.h>

#include "fl-screenshot.h"

static GdkTexture *
render_texture (GtkWidget  *widget,
                GError    **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0 || gtk_widget_get_native (widget) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The window is not shown, so there is nothing to capture"));
      return NULL;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The window drew nothing"));
      return NULL;
    }

  /* The window's own renderer: no second GL context. */
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/**
 * fl_screenshot_save:
 * @widget: a mapped widget, usually a window
 * @path: where to write the PNG
 *
 * Renders @widget as it is now. Must run on the main thread, outside a
 * paint.
 */
gboolean
fl_screenshot_save (GtkWidget   *widget,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GdkTexture) texture = render_texture (widget, error);

  if (texture == NULL)
    return FALSE;

  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the screenshot to “%s”"), path);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char  *path;
  guint  attempts;
} Save;

static void
save_free (Save *save)
{
  g_free (save->path);
  g_free (save);
}

/* A widget whose drawing was invalidated since the last frame hands over
 * nothing until the next one: try again a few frames later. */
#define MAX_ATTEMPTS 40

static gboolean
save_idle_cb (gpointer user_data)
{
  GTask *task = user_data;
  Save *save = g_task_get_task_data (task);
  GError *error = NULL;

  if (fl_screenshot_save (g_task_get_source_object (task), save->path, &error))
    g_task_return_boolean (task, TRUE);
  else if (++save->attempts < MAX_ATTEMPTS && !g_task_return_error_if_cancelled (task))
    {
      g_debug ("Screenshot attempt %u: %s", save->attempts, error->message);
      g_clear_error (&error);
      g_timeout_add_full (G_PRIORITY_LOW, 50, save_idle_cb, g_object_ref (task), g_object_unref);
    }
  else if (!g_task_had_error (task))
    g_task_return_error (task, error);
  else
    g_clear_error (&error);

  return G_SOURCE_REMOVE;
}

/**
 * fl_screenshot_save_async:
 *
 * Renders @widget from an idle callback, after the current frame, trying
 * again for a couple of seconds while it has nothing to show.
 */
void
fl_screenshot_save_async (GtkWidget           *widget,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (widget, cancellable, callback, user_data);
  Save *save = g_new0 (Save, 1);

  save->path = g_strdup (path);
  g_task_set_source_tag (task, fl_screenshot_save_async);
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);
  g_idle_add_full (G_PRIORITY_LOW, save_idle_cb, task, g_object_unref);
}

gboolean
fl_screenshot_save_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
