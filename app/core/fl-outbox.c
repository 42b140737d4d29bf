/* fl-outbox.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-outbox"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>

#include <glib/gstdio.h>

#include "fl-attachment-cache.h"
#include "fl-outbox.h"
#include "fl-text.h"

#define MAX_BACKOFF_SECONDS (10 * 60)

/**
 * FlOutbox:
 *
 * Every reply, note and change an agent makes is an outbox row, committed
 * before anything is sent, so nothing written is lost to a crash.
 *
 * Items go one at a time, oldest first. Before an attempt the item is
 * marked "sending" in the store; an item still "sending" when the outbox
 * starts, or one whose attempt ended without a clear answer, may already
 * be on the server, and the backend looks for its marker before sending
 * again: at most once. Transient failures retry with exponential backoff,
 * or after the server's Retry-After; refusals wait for the agent to retry
 * or discard. A reply someone else overtook waits for the agent too.
 */
struct _FlOutbox
{
  GObject           parent_instance;

  FlStore          *store;
  FlOutboxResolver  resolver;
  gpointer          resolver_data;
  GCancellable     *cancellable;
  FlOutboxItem     *current;
  guint             timer;
  gboolean          busy;
  gboolean          again;
  gboolean          paused;
  gboolean          started;
};

G_DEFINE_FINAL_TYPE (FlOutbox, fl_outbox, G_TYPE_OBJECT)

enum {
  ITEM_SENT,
  ITEM_FAILED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void process (FlOutbox *self);

/**
 * fl_outbox_backoff:
 * @attempts: attempts made so far
 * @retry_after: what the server asked for, or 0
 *
 * Returns: seconds to wait: 5, 10, 20 … up to ten minutes, and never
 *   less than the server asked
 */
gint64
fl_outbox_backoff (guint  attempts,
                   gint64 retry_after)
{
  gint64 delay = 5;

  for (guint i = 1; i < attempts && delay < MAX_BACKOFF_SECONDS; i++)
    delay *= 2;

  delay = MIN (delay, MAX_BACKOFF_SECONDS);
  return MAX (delay, retry_after);
}

typedef enum
{
  OP_SAVE,
  OP_UPDATE,
  OP_CLAIM,
  OP_LIST,
  OP_APPLY_LOCAL,
} OpKind;

typedef struct
{
  OpKind        kind;
  FlOutboxItem *item;
  char         *author;
  char         *author_email;
  gint64        max_attachment_bytes;
} Op;

static void
op_free (Op *op)
{
  g_clear_object (&op->item);
  g_free (op->author);
  g_free (op->author_email);
  g_free (op);
}

/* The outbox keeps its own copies of attached files, so the reply can be
 * sent after the originals moved or the app restarted. */
static char *
data_dir (FlOutbox *self)
{
  return g_path_get_dirname (fl_store_get_path (self->store));
}

static char *
copies_dir (FlOutbox     *self,
            FlOutboxItem *item)
{
  g_autofree char *dir = data_dir (self);

  return g_build_filename (dir, "outbox", fl_outbox_item_get_marker (item), NULL);
}

/* Whether @path is one of the composer's copies, in outgoing/<uuid>/:
 * those are the app's already, and are not copied again. */
static gboolean
is_outgoing (FlOutbox   *self,
             const char *path)
{
  g_autofree char *dir = data_dir (self);
  g_autofree char *relative = fl_attachment_outgoing_dir (dir);
  g_autofree char *outgoing = g_canonicalize_filename (relative, NULL);
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_autofree char *parent = g_path_get_dirname (canonical);
  g_autofree char *grandparent = g_path_get_dirname (parent);

  return g_strcmp0 (grandparent, outgoing) == 0;
}

static gboolean
copy_attachments (FlOutbox      *self,
                  FlOutboxItem  *item,
                  gint64         max_bytes,
                  GError       **error)
{
  const char * const *sources = fl_outbox_item_get_attachments (item);
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);
  gint64 total = 0;

  if (sources == NULL)
    return TRUE;

  if (fl_outbox_item_get_marker (item) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      fl_outbox_item_set_marker (item, uuid);
    }

  dir = copies_dir (self, item);

  for (guint i = 0; sources[i]; i++)
    {
      g_autoptr(GFile) source = g_file_new_for_path (sources[i]);
      g_autoptr(GFileInfo) info = NULL;
      g_autofree char *safe = NULL;
      g_autofree char *target_path = NULL;
      g_autoptr(GFile) target = NULL;
      g_autoptr(GError) local_error = NULL;

      info = g_file_query_info (source, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                G_FILE_QUERY_INFO_NONE, NULL, &local_error);
      if (info == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The attachment “%s” cannot be read."), sources[i]);
          return FALSE;
        }
      if (!fl_attachment_check_size (g_file_info_get_display_name (info), g_file_info_get_size (info),
                                     total, max_bytes, error))
        return FALSE;
      total += g_file_info_get_size (info);

      if (is_outgoing (self, sources[i]))
        {
          g_ptr_array_add (copies, g_strdup (sources[i]));
          continue;
        }

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not keep the attachments: %s"), g_strerror (errno));
          return FALSE;
        }

      safe = fl_text_safe_filename (g_file_info_get_display_name (info));
      target_path = fl_text_unique_filename (dir, safe);
      target = g_file_new_for_path (target_path);
      if (!g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not keep the attachments: %s"), local_error->message);
          return FALSE;
        }
      g_ptr_array_add (copies, g_steal_pointer (&target_path));
    }

  g_ptr_array_add (copies, NULL);
  fl_outbox_item_set_attachments (item, (const char * const *) copies->pdata);
  return TRUE;
}

/* Once an item is sent or discarded, the outbox's own copies go. The
 * composer's copies go once the item is sent; a discarded item may come
 * back to the composer through Undo, with its files. */
static void
remove_copies (FlOutbox     *self,
               FlOutboxItem *item,
               gboolean      sent)
{
  const char * const *paths = fl_outbox_item_get_attachments (item);
  g_autofree char *dir = NULL;

  if (paths == NULL || fl_outbox_item_get_marker (item) == NULL)
    return;

  for (guint i = 0; paths[i]; i++)
    {
      if (is_outgoing (self, paths[i]))
        {
          g_autofree char *parent = g_path_get_dirname (paths[i]);

          if (!sent)
            continue;
          g_unlink (paths[i]);
          g_rmdir (parent);
        }
      else
        g_unlink (paths[i]);
    }
  dir = copies_dir (self, item);
  g_rmdir (dir);
}

/* The demo has no server to download from later: what was sent moves
 * into the attachment cache, under the ids the store gave the files. */
static void
keep_local_copies (FlOutbox     *self,
                   FlOutboxItem *item)
{
  const char * const *paths = fl_outbox_item_get_attachments (item);
  g_autofree char *dir = data_dir (self);

  for (guint i = 0; paths && paths[i]; i++)
    {
      g_autofree char *remote = g_strdup_printf ("%s-%u", fl_outbox_item_get_marker (item), i);
      g_autoptr(GError) error = NULL;

      if (!fl_attachment_cache_adopt (dir, fl_outbox_item_get_account_id (item), remote,
                                      paths[i], &error))
        g_debug ("Could not keep a sent attachment: %s", error->message);
    }
}

static void
op_thread (GTask        *task,
           gpointer      source_object,
           gpointer      task_data,
           GCancellable *cancellable)
{
  FlOutbox *self = source_object;
  Op *op = task_data;
  GError *error = NULL;
  GPtrArray *items;

  switch (op->kind)
    {
    case OP_SAVE:
      if (copy_attachments (self, op->item, op->max_attachment_bytes, &error) &&
          fl_store_outbox_add (self->store, op->item, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;

    case OP_UPDATE:
      if (fl_store_outbox_update (self->store, op->item, &error))
        {
          FlOutboxState state = fl_outbox_item_get_state (op->item);

          if (state == FL_OUTBOX_SENT || state == FL_OUTBOX_DISCARDED)
            remove_copies (self, op->item, state == FL_OUTBOX_SENT);
          g_task_return_boolean (task, TRUE);
        }
      else
        g_task_return_error (task, error);
      break;

    case OP_CLAIM:
      if (fl_store_outbox_claim (self->store, op->item, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;

    case OP_APPLY_LOCAL:
      if (fl_store_outbox_apply_local (self->store, op->item, op->author, op->author_email, &error))
        {
          keep_local_copies (self, op->item);
          remove_copies (self, op->item, TRUE);
          g_task_return_boolean (task, TRUE);
        }
      else
        g_task_return_error (task, error);
      break;

    case OP_LIST:
      if ((items = fl_store_outbox_list (self->store, TRUE, &error)))
        g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_error (task, error);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
run_op (FlOutbox            *self,
        OpKind               kind,
        FlOutboxItem        *item,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->item = item ? g_object_ref (item) : NULL;
  if (kind == OP_APPLY_LOCAL && self->resolver != NULL)
    {
      const char *author = NULL, *email = NULL;

      self->resolver (fl_outbox_item_get_account_id (item), &author, &email, self->resolver_data);
      op->author = g_strdup (author);
      op->author_email = g_strdup (email);
    }
  if (kind == OP_SAVE)
    {
      FlBackend *backend = NULL;

      if (self->resolver != NULL)
        backend = self->resolver (fl_outbox_item_get_account_id (item), NULL, NULL, self->resolver_data);
      op->max_attachment_bytes = backend ? fl_backend_get_max_attachment_size (backend)
                                         : FL_BACKEND_DEFAULT_MAX_UPLOAD_BYTES;
    }
  g_task_set_source_tag (task, run_op);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  g_task_run_in_thread (task, op_thread);
}

static gboolean
process_idle_cb (gpointer user_data)
{
  process (user_data);
  return G_SOURCE_REMOVE;
}

static void
finish_current (FlOutbox *self)
{
  g_clear_object (&self->current);
  self->busy = FALSE;

  /* Next item, in an idle so the stack unwinds; none once shut down. */
  if (!self->paused && !g_cancellable_is_cancelled (self->cancellable))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, process_idle_cb, g_object_ref (self), g_object_unref);
}

static void
saved_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FlOutbox) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not record the outbox result: %s", error->message);

  finish_current (self);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(FlOutbox) self = user_data;
  g_autoptr(GError) error = NULL;
  FlOutboxItem *item = self->current;
  FlBackend *backend = FL_BACKEND (object);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (fl_backend_send_finish (backend, result, &error))
    {
      fl_outbox_item_set_last_error (item, NULL);
      fl_outbox_item_set_outcome_unknown (item, FALSE);
      g_signal_emit (self, signals [ITEM_SENT], 0, item);

      if (fl_backend_get_capabilities (backend) & FL_BACKEND_CAP_LOCAL)
        run_op (self, OP_APPLY_LOCAL, item, saved_result_cb, g_object_ref (self));
      else
        {
          fl_outbox_item_set_state (item, FL_OUTBOX_SENT);
          run_op (self, OP_UPDATE, item, saved_result_cb, g_object_ref (self));
        }
      return;
    }

  g_debug ("Outbox item %" G_GINT64_FORMAT " failed: %s", fl_outbox_item_get_id (item), error->message);
  fl_outbox_item_set_last_error (item, error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Stopped while sending: the outcome is unknown. */
      fl_outbox_item_set_state (item, FL_OUTBOX_QUEUED);
      fl_outbox_item_set_outcome_unknown (item, TRUE);
    }
  else if (g_error_matches (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_STALE))
    fl_outbox_item_set_state (item, FL_OUTBOX_STALE);
  else if (fl_backend_error_is_transient (error))
    {
      /* It may have reached the server before the failure: look for it
       * before the next attempt. */
      fl_outbox_item_set_state (item, FL_OUTBOX_QUEUED);
      fl_outbox_item_set_outcome_unknown (item, TRUE);
      fl_outbox_item_set_not_before (item, now + fl_outbox_backoff (fl_outbox_item_get_attempts (item),
                                                                    fl_backend_error_get_retry_after (error)));
    }
  else
    fl_outbox_item_set_state (item, FL_OUTBOX_FAILED);

  if (fl_outbox_item_get_state (item) != FL_OUTBOX_QUEUED)
    g_signal_emit (self, signals [ITEM_FAILED], 0, item);

  run_op (self, OP_UPDATE, item, saved_result_cb, g_object_ref (self));
}

static void
marked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FlOutbox) self = user_data;
  g_autoptr(GError) error = NULL;
  FlOutboxItem *item = self->current;
  FlBackend *backend;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Discarded meanwhile, or not recorded as started: do not send. */
      if (!g_error_matches (error, FL_STORE_ERROR, FL_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not start sending: %s", error->message);
      finish_current (self);
      return;
    }

  /* Shut down while the claim was being written: the item stays claimed
   * and is checked against the server at the next start. */
  if (self->resolver == NULL)
    {
      finish_current (self);
      return;
    }

  backend = self->resolver (fl_outbox_item_get_account_id (item), NULL, NULL, self->resolver_data);
  if (backend == NULL)
    {
      fl_outbox_item_set_state (item, FL_OUTBOX_FAILED);
      fl_outbox_item_set_last_error (item, _("The account has no working connection. Enter its token again."));
      g_signal_emit (self, signals [ITEM_FAILED], 0, item);
      run_op (self, OP_UPDATE, item, saved_result_cb, g_object_ref (self));
      return;
    }

  fl_backend_send_async (backend, item, self->cancellable, sent_cb, g_object_ref (self));
}

static gboolean
timer_cb (gpointer user_data)
{
  FlOutbox *self = user_data;

  self->timer = 0;
  process (self);
  return G_SOURCE_REMOVE;
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FlOutbox) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_task_propagate_pointer (G_TASK (result), &error);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 next = G_MAXINT64;
  FlOutboxItem *due = NULL;
  gboolean first_run = !self->started;

  self->started = TRUE;

  if (items == NULL)
    {
      g_warning ("Could not read the outbox: %s", error->message);
      self->busy = FALSE;
      return;
    }

  for (guint i = 0; i < items->len && due == NULL; i++)
    {
      FlOutboxItem *item = items->pdata[i];
      FlOutboxState state = fl_outbox_item_get_state (item);

      /* Still "sending" from an earlier run that crashed: it may be on the
       * server already. */
      if (state == FL_OUTBOX_SENDING && first_run)
        {
          fl_outbox_item_set_outcome_unknown (item, TRUE);
          state = FL_OUTBOX_QUEUED;
        }

      if (state != FL_OUTBOX_QUEUED && state != FL_OUTBOX_SENDING)
        continue;

      if (fl_outbox_item_get_not_before (item) <= now)
        due = item;
      else
        next = MIN (next, fl_outbox_item_get_not_before (item));
    }

  if (due == NULL)
    {
      self->busy = FALSE;
      g_clear_handle_id (&self->timer, g_source_remove);
      if (next != G_MAXINT64 && !self->paused)
        self->timer = g_timeout_add_seconds (MAX (1, next - now), timer_cb, self);
      if (self->again)
        {
          self->again = FALSE;
          process (self);
        }
      return;
    }

  self->current = g_object_ref (due);
  run_op (self, OP_CLAIM, due, marked_cb, g_object_ref (self));
}

static void
process (FlOutbox *self)
{
  if (self->paused || self->resolver == NULL)
    return;

  if (self->busy)
    {
      self->again = TRUE;
      return;
    }

  self->busy = TRUE;
  self->again = FALSE;
  run_op (self, OP_LIST, NULL, listed_cb, g_object_ref (self));
}

static void
fl_outbox_dispose (GObject *object)
{
  FlOutbox *self = (FlOutbox *)object;

  /* Whatever is still in flight must not reach the resolver's owner,
   * which may be going away with us. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer, g_source_remove);
  self->resolver = NULL;
  self->resolver_data = NULL;

  G_OBJECT_CLASS (fl_outbox_parent_class)->dispose (object);
}

static void
fl_outbox_finalize (GObject *object)
{
  FlOutbox *self = (FlOutbox *)object;

  g_clear_object (&self->current);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fl_outbox_parent_class)->finalize (object);
}

static void
fl_outbox_class_init (FlOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fl_outbox_dispose;
  object_class->finalize = fl_outbox_finalize;

  /**
   * FlOutbox::item-sent:
   * @item: the item the server now has
   */
  signals [ITEM_SENT] =
    g_signal_new ("item-sent",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FL_TYPE_OUTBOX_ITEM);

  /**
   * FlOutbox::item-failed:
   * @item: an item that now waits for the agent: refused or overtaken
   */
  signals [ITEM_FAILED] =
    g_signal_new ("item-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FL_TYPE_OUTBOX_ITEM);
}

static void
fl_outbox_init (FlOutbox *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * fl_outbox_new:
 * @resolver: finds an account's backend
 *
 * Returns: (transfer full): an outbox; call fl_outbox_kick() to start
 */
FlOutbox *
fl_outbox_new (FlStore          *store,
               FlOutboxResolver  resolver,
               gpointer          user_data)
{
  FlOutbox *self;

  g_return_val_if_fail (FL_IS_STORE (store), NULL);
  g_return_val_if_fail (resolver != NULL, NULL);

  self = g_object_new (FL_TYPE_OUTBOX, NULL);
  self->store = g_object_ref (store);
  self->resolver = resolver;
  self->resolver_data = user_data;
  return self;
}

/**
 * fl_outbox_set_paused:
 *
 * Pauses sending, for example while offline or in tests.
 */
void
fl_outbox_set_paused (FlOutbox *self,
                      gboolean  paused)
{
  g_return_if_fail (FL_IS_OUTBOX (self));

  self->paused = !!paused;
  if (!paused)
    process (self);
}

/**
 * fl_outbox_kick:
 *
 * Sends whatever is due now.
 */
void
fl_outbox_kick (FlOutbox *self)
{
  g_return_if_fail (FL_IS_OUTBOX (self));

  process (self);
}

gboolean
fl_outbox_get_busy (FlOutbox *self)
{
  g_return_val_if_fail (FL_IS_OUTBOX (self), FALSE);

  return self->busy;
}

static void
enqueued_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FlOutbox *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
  process (self);
}

/**
 * fl_outbox_enqueue_async:
 * @item: the change; its not-before time can delay it (undo send)
 *
 * Commits @item to the outbox and starts sending once it is committed.
 * The callback runs when the item is safe in the store, not when it was
 * sent.
 */
void
fl_outbox_enqueue_async (FlOutbox            *self,
                         FlOutboxItem        *item,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FL_IS_OUTBOX (self));
  g_return_if_fail (FL_IS_OUTBOX_ITEM (item));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_outbox_enqueue_async);
  fl_outbox_item_set_state (item, FL_OUTBOX_QUEUED);
  run_op (self, OP_SAVE, item, enqueued_cb, task);
}

gboolean
fl_outbox_enqueue_finish (FlOutbox      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * fl_outbox_retry_async:
 * @force: send a reply even though someone else replied meanwhile
 *
 * Queues a failed or overtaken item again, to go at once.
 */
void
fl_outbox_retry_async (FlOutbox            *self,
                       FlOutboxItem        *item,
                       gboolean             force,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FL_IS_OUTBOX (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_outbox_retry_async);
  fl_outbox_item_set_state (item, FL_OUTBOX_QUEUED);
  fl_outbox_item_set_not_before (item, 0);
  fl_outbox_item_set_force (item, fl_outbox_item_get_force (item) || force);
  run_op (self, OP_UPDATE, item, enqueued_cb, task);
}

/**
 * fl_outbox_discard_async:
 *
 * Gives up an item that has not been sent. An item being sent right now
 * cannot be discarded any more.
 */
void
fl_outbox_discard_async (FlOutbox            *self,
                         FlOutboxItem        *item,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FL_IS_OUTBOX (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_outbox_discard_async);

  if (self->current != NULL && fl_outbox_item_get_id (self->current) == fl_outbox_item_get_id (item))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("It is being sent right now."));
      g_object_unref (task);
      return;
    }

  fl_outbox_item_set_state (item, FL_OUTBOX_DISCARDED);
  run_op (self, OP_UPDATE, item, enqueued_cb, task);
}

gboolean
fl_outbox_change_finish (FlOutbox      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
