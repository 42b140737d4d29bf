/* fl-test-dir.h: removing a test's temporary folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* Removes @path and everything under it, without following symbolic
 * links: every test that makes a folder with g_dir_make_tmp() removes
 * it, so runs leave nothing behind in /tmp. */
static inline void
fl_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        fl_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A temporary folder that goes, with everything in it, at the end of
 * its scope: g_autoptr(FlTestDir) dir = g_dir_make_tmp (…). Declare it
 * before what lives in it, so it is removed after. */
typedef char FlTestDir;

static inline void
fl_test_dir_free (FlTestDir *dir)
{
  fl_test_remove_tree (dir);
  g_free (dir);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlTestDir, fl_test_dir_free)
