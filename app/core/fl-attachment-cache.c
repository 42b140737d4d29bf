/* fl-attachment-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-attachment-cache"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fl-attachment-cache.h"
#include "fl-format.h"
#include "fl-text.h"

/* How many "name (n).ext" to try before giving up on a crowded folder. */
#define MAX_UNIQUE_TRIES 1000

/**
 * SECTION:fl-attachment-cache
 *
 * Attachments are downloaded once into the profile's data folder, as
 * `attachments/<account id>-<attachment id>/<name>`, and opened or copied
 * from there. Both parts of the path are made safe with
 * fl_text_safe_filename(), so a name such as "../../etc/passwd" stays in
 * its folder. Files an agent attaches are copied at once into
 * `outgoing/<uuid>/<name>`, so the outbox can send them whatever happens
 * to the originals.
 */

/**
 * fl_attachment_cache_path:
 * @data_dir: the profile's data folder
 * @account_id: the store id of the account the attachment came from
 * @remote_id: the attachment's id on its server
 * @name: (nullable): the file name as the sender gave it
 *
 * Returns: (transfer full): where the attachment's content is kept
 */
char *
fl_attachment_cache_path (const char *data_dir,
                          gint64      account_id,
                          const char *remote_id,
                          const char *name)
{
  g_autofree char *safe_id = fl_text_safe_filename (remote_id);
  g_autofree char *safe_name = fl_text_safe_filename (name);
  g_autofree char *folder = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", account_id, safe_id);

  g_return_val_if_fail (data_dir != NULL, NULL);

  return g_build_filename (data_dir, "attachments", folder, safe_name, NULL);
}

/**
 * fl_attachment_outgoing_dir:
 * @data_dir: the profile's data folder
 *
 * Returns: (transfer full): the folder that holds the copies of files
 *   attached in the composer
 */
char *
fl_attachment_outgoing_dir (const char *data_dir)
{
  return g_build_filename (data_dir, "outgoing", NULL);
}

/**
 * fl_attachment_cache_adopt:
 * @path: a file of this profile, named as the attachment is
 *
 * Moves a file that was sent into the cache, as the content of the
 * attachment @remote_id, so it opens without a download.
 *
 * Returns: whether the file was moved
 */
gboolean
fl_attachment_cache_adopt (const char  *data_dir,
                           gint64       account_id,
                           const char  *remote_id,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *target = fl_attachment_cache_path (data_dir, account_id, remote_id, name);
  g_autofree char *dir = g_path_get_dirname (target);

  if (g_mkdir_with_parents (dir, 0700) != 0 || g_rename (path, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", target, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (fl_backend_download_attachment_finish (FL_BACKEND (object), result, &error))
    g_task_return_pointer (task, g_object_ref (g_task_get_task_data (task)), g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * fl_attachment_cache_fetch_async:
 * @backend: the backend of the attachment's account
 * @attachment: an attachment
 * @data_dir: the profile's data folder
 *
 * Finds the attachment's content in the cache, or downloads it there.
 */
void
fl_attachment_cache_fetch_async (FlBackend           *backend,
                                 FlAttachment        *attachment,
                                 const char          *data_dir,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  FlAccount *account;

  g_return_if_fail (FL_IS_BACKEND (backend));
  g_return_if_fail (FL_IS_ATTACHMENT (attachment));
  g_return_if_fail (data_dir != NULL);

  task = g_task_new (backend, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_attachment_cache_fetch_async);

  account = fl_backend_get_account (backend);
  path = fl_attachment_cache_path (data_dir, account ? fl_account_get_id (account) : 0,
                                   fl_attachment_get_remote_id (attachment),
                                   fl_attachment_get_name (attachment));
  file = g_file_new_for_path (path);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  /* Files are written whole or not at all, so one that is there is
   * complete. */
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
      return;
    }

  fl_backend_download_attachment_async (backend, attachment, file, cancellable,
                                        fetched_cb, g_steal_pointer (&task));
}

/**
 * fl_attachment_cache_fetch_finish:
 *
 * Returns: (transfer full): the cached file, or %NULL with @error set
 */
GFile *
fl_attachment_cache_fetch_finish (FlBackend     *backend,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, backend), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * fl_attachment_save_copy:
 * @source: the file to copy
 * @dir: the folder to copy it into; it is made if needed
 * @name: the name to give the copy; it is made safe first
 *
 * Copies @source into @dir without ever replacing a file: a name that is
 * taken gets a number, "name (2).pdf".
 *
 * Returns: (transfer full): the path of the copy, or %NULL with @error set
 */
char *
fl_attachment_save_copy (const char  *source,
                         const char  *dir,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(GFile) src = g_file_new_for_path (source);
  g_autofree char *safe = fl_text_safe_filename (name);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;

      /* Translators: %s is a folder, then why it could not be made */
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  for (guint i = 0; i < MAX_UNIQUE_TRIES; i++)
    {
      g_autofree char *path = fl_text_unique_filename (dir, safe);
      g_autoptr(GFile) dest = g_file_new_for_path (path);
      g_autoptr(GError) local_error = NULL;

      /* Without G_FILE_COPY_OVERWRITE the copy refuses a name that was
       * taken since fl_text_unique_filename() looked: try the next. */
      if (g_file_copy (src, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
        return g_steal_pointer (&path);
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          /* Translators: %s is a file name, then why it could not be written */
          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not save “%s”: %s"), safe, local_error->message);
          return NULL;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("Could not save “%s”: %s"), safe, g_strerror (EEXIST));
  return NULL;
}

/**
 * fl_attachment_check_size:
 * @name: the file's name, for the message
 * @size: its size in bytes
 * @total: the size of the files already attached to the same message
 * @limit: what one file may weigh for the helpdesk, from
 *   fl_backend_get_max_attachment_size()
 *
 * Checks a file before it is attached, so an oversized one is refused
 * with a clear message now rather than by the server later. All the files
 * of one message together may weigh @limit or
 * %FL_ATTACHMENT_MAX_TOTAL_BYTES, whichever is more.
 *
 * Returns: whether the file may be attached; if not, @error says why
 *   with %FL_BACKEND_ERROR_TOO_LARGE
 */
gboolean
fl_attachment_check_size (const char  *name,
                          gint64       size,
                          gint64       total,
                          gint64       limit,
                          GError     **error)
{
  gint64 total_limit = MAX (limit, FL_ATTACHMENT_MAX_TOTAL_BYTES);

  if (size > limit)
    {
      g_autofree char *max = fl_format_size (limit);

      /* Translators: %s are a file name and a size such as "10 MB" */
      g_set_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_TOO_LARGE,
                   _("“%s” is too large to send: this helpdesk accepts files up to %s."),
                   name, max);
      return FALSE;
    }

  if (total + size > total_limit)
    {
      g_autofree char *max = fl_format_size (total_limit);

      /* Translators: %s are a file name and a size such as "25 MB" */
      g_set_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_TOO_LARGE,
                   _("“%s” does not fit: the files of one message may weigh up to %s together."),
                   name, max);
      return FALSE;
    }

  return TRUE;
}
