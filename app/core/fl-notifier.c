/* fl-notifier.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-notifier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fl-format.h"
#include "fl-notifier.h"
#include "fl-ticket.h"

/* How long after a write the notifier looks, so a sync's batches make
 * one look. */
#define CHECK_DELAY_MS 1000

/* More new tickets than this in one view make one summary. */
#define MAX_SINGLE 3

/**
 * FlNotifier:
 *
 * Decides what deserves a desktop notification: a ticket new in a
 * watched view, an internal note that mentions the agent, someone else
 * making the agent a follower of a ticket, and a ticket of the agent's
 * (or nobody's) whose SLA is about to breach. It emits
 * #FlNotifier::notification with a #GNotification whose default action is
 * "app.open-ticket" with the ticket's id; the application sends it.
 *
 * Every notification has a key ("view:inbox:42", "mention:7",
 * "follow:42:TIME", "sla:42") that the store remembers, so nothing is
 * shown twice, not even after a restart. What is already there when a view is first watched (or at the
 * very first start) is remembered without a notification: nobody wants
 * 180 of them. Do not disturb remembers without showing.
 *
 * The looks after a change run their queries in a worker thread; only
 * the notifications are made and emitted on the main thread.
 */
struct _FlNotifier
{
  GObject       parent_instance;

  FlStore      *store;
  GStrv         watched;
  gboolean      dnd;
  guint         check_source;
  GCancellable *cancellable;
  guint         checking : 1;
  guint         check_again : 1;
};

/* A notification decided on, to be sent from the main thread. */
typedef struct
{
  char   *id;
  char   *title;
  char   *body;
  gint64  ticket_id;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_free (p->id);
  g_free (p->title);
  g_free (p->body);
  g_free (p);
}

G_DEFINE_FINAL_TYPE (FlNotifier, fl_notifier, G_TYPE_OBJECT)

enum {
  NOTIFICATION,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/**
 * fl_query_new_for_nick:
 * @nick: a view's nick as the sidebar names it: "inbox", "channel:email",
 *   "account:3", "saved:2"
 *
 * Returns: (transfer full) (nullable): the view's query, or %NULL when
 *   there is no such view
 */
FlQuery *
fl_query_new_for_nick (FlStore    *store,
                       const char *nick)
{
  g_autoptr(GEnumClass) views = g_type_class_ref (FL_TYPE_VIEW);
  GEnumValue *value;

  if (nick == NULL)
    return NULL;

  if (g_str_has_prefix (nick, "channel:"))
    {
      FlChannel channel;
      FlQuery *query;

      if (!fl_channel_from_string (nick + strlen ("channel:"), &channel))
        return NULL;
      query = fl_query_new (FL_VIEW_CHANNEL);
      fl_query_set_channel (query, channel);
      return query;
    }

  if (g_str_has_prefix (nick, "account:"))
    {
      FlQuery *query = fl_query_new (FL_VIEW_ACCOUNT);

      fl_query_set_account_id (query, g_ascii_strtoll (nick + strlen ("account:"), NULL, 10));
      return query;
    }

  if (g_str_has_prefix (nick, "saved:"))
    {
      gint64 id = g_ascii_strtoll (nick + strlen ("saved:"), NULL, 10);
      g_autoptr(GPtrArray) searches = fl_store_list_saved_searches (store, NULL);

      for (guint i = 0; searches && i < searches->len; i++)
        {
          FlSavedSearch *search = searches->pdata[i];

          if (search->id == id)
            {
              FlQuery *query = fl_query_new_for_nick (store, search->base_view);

              if (query == NULL)
                query = fl_query_new (FL_VIEW_ALL);
              fl_query_set_text (query, search->text);
              return query;
            }
        }
      return NULL;
    }

  value = g_enum_get_value_by_nick (views, nick);
  if (value == NULL || value->value >= FL_N_FIXED_VIEWS)
    return NULL;
  return fl_query_new (value->value);
}

static char *
view_title (FlStore    *store,
            const char *nick)
{
  g_autoptr(GEnumClass) views = g_type_class_ref (FL_TYPE_VIEW);
  GEnumValue *value = g_enum_get_value_by_nick (views, nick);
  FlChannel channel;

  if (value != NULL && value->value < FL_N_FIXED_VIEWS)
    return g_strdup (fl_view_get_label (value->value));
  if (g_str_has_prefix (nick, "channel:") &&
      fl_channel_from_string (nick + strlen ("channel:"), &channel))
    return g_strdup (fl_channel_get_label (channel));
  if (g_str_has_prefix (nick, "saved:"))
    {
      gint64 id = g_ascii_strtoll (nick + strlen ("saved:"), NULL, 10);
      g_autoptr(GPtrArray) searches = fl_store_list_saved_searches (store, NULL);

      for (guint i = 0; searches && i < searches->len; i++)
        if (((FlSavedSearch *) searches->pdata[i])->id == id)
          return g_strdup (((FlSavedSearch *) searches->pdata[i])->name);
    }
  return g_strdup (nick);
}

/* Takes @id and @title. Reads the ticket for the body: any thread. */
static void
add_pending (FlStore   *store,
             GPtrArray *pending,
             char      *id,
             char      *title,
             gint64     ticket_id)
{
  g_autoptr(FlTicket) ticket = fl_store_load_ticket (store, ticket_id, NULL);
  Pending *p = g_new0 (Pending, 1);

  p->id = id;
  p->title = title;
  p->ticket_id = ticket_id;
  if (ticket != NULL)
    {
      const char *who = fl_ticket_get_requester (ticket) ?: fl_ticket_get_requester_email (ticket);

      p->body = who
        ? g_strdup_printf ("%s\n%s", fl_ticket_get_subject (ticket), who)
        : g_strdup (fl_ticket_get_subject (ticket));
    }
  g_ptr_array_add (pending, p);
}

static void
emit (FlNotifier    *self,
      const Pending *p)
{
  g_autoptr(GNotification) notification = g_notification_new (p->title);

  /* A notification body is plain text: customer text goes as it is. */
  if (p->body != NULL)
    g_notification_set_body (notification, p->body);
  g_notification_set_default_action_and_target_value (notification, "app.open-ticket",
                                                      g_variant_new_int64 (p->ticket_id));
  g_signal_emit (self, signals [NOTIFICATION], 0, p->id, p->title, p->ticket_id, notification);
}

/* Marks @keys; returns which were new, or NULL on error. */
static GArray *
mark (FlStore   *store,
      GPtrArray *keys)
{
  g_autoptr(GError) error = NULL;
  GArray *is_new = fl_store_mark_notified_many (store, keys, &error);

  if (is_new == NULL)
    g_warning ("Could not remember notifications: %s", error->message);
  return is_new;
}

/* Whether @what is looked at for the first time, which is silent. */
static gboolean
first_look (FlStore    *store,
            const char *what)
{
  g_autofree char *key = g_strconcat ("baseline:", what, NULL);
  gboolean is_new = FALSE;

  fl_store_mark_notified (store, key, &is_new, NULL);
  return is_new;
}

static void
check_view (FlStore    *store,
            gboolean    dnd,
            const char *nick,
            GPtrArray  *pending)
{
  g_autoptr(FlQuery) query = fl_query_new_for_nick (store, nick);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) is_new = NULL;
  g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *what = g_strconcat ("view:", nick, NULL);
  gboolean silent;

  if (query == NULL || !(ids = fl_store_query_ids (store, query, NULL)))
    return;

  silent = first_look (store, what) || dnd;
  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (keys, g_strdup_printf ("view:%s:%" G_GINT64_FORMAT, nick, g_array_index (ids, gint64, i)));
  if (!(is_new = mark (store, keys)) || silent)
    return;

  for (guint i = 0; i < is_new->len; i++)
    if (g_array_index (is_new, gboolean, i))
      g_array_append_val (fresh, g_array_index (ids, gint64, i));

  if (fresh->len == 0)
    return;

  {
    g_autofree char *title = view_title (store, nick);

    if (fresh->len <= MAX_SINGLE)
      for (guint i = 0; i < fresh->len; i++)
        {
          gint64 id = g_array_index (fresh, gint64, i);

          add_pending (store, pending, g_strdup_printf ("ticket-%" G_GINT64_FORMAT, id),
                       /* Translators: a notification's title; %s is a view such as
                        * "Inbox" or a saved search's name */
                       g_strdup_printf (_("New ticket in %s"), title),
                       id);
        }
    else
      {
        g_autofree char *count = fl_format_count (fresh->len);

        /* Clicking it opens the newest one. */
        add_pending (store, pending, g_strdup_printf ("view-%s", nick),
                     /* Translators: a notification's title; the first %s is a
                      * number of tickets, the second a view such as "Inbox" */
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s new ticket in %s",
                                                   "%s new tickets in %s", fresh->len),
                                      count, title),
                     g_array_index (fresh, gint64, 0));
      }
  }
}

static void
check_mentions (FlStore   *store,
                gboolean   dnd,
                GPtrArray *pending)
{
  g_autoptr(GArray) pairs = fl_store_list_my_mentions (store, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) is_new = NULL;
  gboolean silent;

  if (pairs == NULL)
    return;

  silent = first_look (store, "mentions") || dnd;
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    g_ptr_array_add (keys, g_strdup_printf ("mention:%" G_GINT64_FORMAT, g_array_index (pairs, gint64, i)));
  if (!(is_new = mark (store, keys)) || silent)
    return;

  for (guint i = 0; i < is_new->len; i++)
    if (g_array_index (is_new, gboolean, i))
      add_pending (store, pending,
                   g_strdup_printf ("mention-%" G_GINT64_FORMAT, g_array_index (pairs, gint64, 2 * i)),
                   g_strdup (_("You were mentioned in a note")),
                   g_array_index (pairs, gint64, 2 * i + 1));
}

/* Someone made the agent a follower of a ticket (fl-store-agents.c
 * says when that is news): one notification per such event. */
static void
check_follows (FlStore   *store,
               gboolean   dnd,
               GPtrArray *pending)
{
  g_autoptr(GPtrArray) news = fl_store_list_follow_news (store, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) is_new = NULL;
  gboolean silent;

  if (news == NULL)
    return;

  silent = first_look (store, "follows") || dnd;
  for (guint i = 0; i < news->len; i++)
    {
      FlFollowNews *n = news->pdata[i];

      g_ptr_array_add (keys, g_strdup_printf ("follow:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                              n->ticket_id, n->at));
    }
  if (!(is_new = mark (store, keys)) || silent)
    return;

  for (guint i = 0; i < is_new->len; i++)
    if (g_array_index (is_new, gboolean, i))
      {
        FlFollowNews *n = news->pdata[i];
        char *title;

        if (n->by != NULL)
          {
            /* Translators: a notification's title; %s is the name of the
             * teammate who made the agent a follower of a ticket */
            title = g_strdup_printf (_("%s added you as a follower"), n->by);
          }
        else
          {
            /* Translators: a notification's title, when the helpdesk
             * did not say who made the agent a follower of a ticket */
            title = g_strdup (_("You were added as a follower"));
          }
        add_pending (store, pending, g_strdup_printf ("follow-%" G_GINT64_FORMAT, n->ticket_id),
                     title, n->ticket_id);
      }
}

/* SLA at risk, for the agent's own tickets and nobody's. */
static void
check_sla (FlStore   *store,
           gboolean   dnd,
           GPtrArray *pending)
{
  const char *whose[] = { "assignee:me", "assignee:none" };
  gboolean silent = first_look (store, "sla") || dnd;

  for (guint w = 0; w < G_N_ELEMENTS (whose); w++)
    {
      g_autoptr(FlQuery) query = fl_query_new (FL_VIEW_SLA_AT_RISK);
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) is_new = NULL;

      fl_query_set_text (query, whose[w]);
      if (!(ids = fl_store_query_ids (store, query, NULL)))
        continue;
      for (guint i = 0; i < ids->len; i++)
        g_ptr_array_add (keys, g_strdup_printf ("sla:%" G_GINT64_FORMAT, g_array_index (ids, gint64, i)));
      if (!(is_new = mark (store, keys)) || silent)
        continue;

      for (guint i = 0; i < is_new->len; i++)
        if (g_array_index (is_new, gboolean, i))
          {
            gint64 id = g_array_index (ids, gint64, i);

            add_pending (store, pending, g_strdup_printf ("sla-%" G_GINT64_FORMAT, id),
                         g_strdup (_("SLA about to breach")), id);
          }
    }
}

/* Every look, on any thread: what to notify, in order. */
static GPtrArray *
collect (FlStore            *store,
         const char * const *watched,
         gboolean            dnd)
{
  GPtrArray *pending = g_ptr_array_new_with_free_func (pending_free);

  for (guint i = 0; watched && watched[i]; i++)
    check_view (store, dnd, watched[i], pending);
  check_mentions (store, dnd, pending);
  check_follows (store, dnd, pending);
  check_sla (store, dnd, pending);
  return pending;
}

static void
emit_all (FlNotifier *self,
          GPtrArray  *pending)
{
  for (guint i = 0; i < pending->len; i++)
    emit (self, pending->pdata[i]);
}

/**
 * fl_notifier_check:
 *
 * Looks for what deserves a notification now, on this thread, and emits
 * before returning; for tests. The application uses
 * fl_notifier_queue_check().
 */
void
fl_notifier_check (FlNotifier *self)
{
  g_autoptr(GPtrArray) pending = NULL;

  g_return_if_fail (FL_IS_NOTIFIER (self));

  g_clear_handle_id (&self->check_source, g_source_remove);

  pending = collect (self->store, (const char * const *) self->watched, self->dnd);
  emit_all (self, pending);
}

typedef struct
{
  FlStore  *store;
  GStrv     watched;
  gboolean  dnd;
} CheckData;

static void
check_data_free (gpointer data)
{
  CheckData *d = data;

  g_clear_object (&d->store);
  g_strfreev (d->watched);
  g_free (d);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *d = task_data;

  g_task_return_pointer (task, collect (d->store, (const char * const *) d->watched, d->dnd),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void start_check (FlNotifier *self);

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  FlNotifier *self = FL_NOTIFIER (object);
  g_autoptr(GPtrArray) pending = g_task_propagate_pointer (G_TASK (result), NULL);

  self->checking = FALSE;
  if (g_task_get_cancellable (G_TASK (result)) != NULL &&
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  if (pending != NULL)
    emit_all (self, pending);

  if (self->check_again)
    {
      self->check_again = FALSE;
      start_check (self);
    }
}

/* One look at a time; a change during a look makes another after it. */
static void
start_check (FlNotifier *self)
{
  g_autoptr(GTask) task = NULL;
  CheckData *d;

  g_clear_handle_id (&self->check_source, g_source_remove);

  if (self->checking)
    {
      self->check_again = TRUE;
      return;
    }

  self->checking = TRUE;
  d = g_new0 (CheckData, 1);
  d->store = g_object_ref (self->store);
  d->watched = g_strdupv (self->watched);
  d->dnd = self->dnd;
  task = g_task_new (self, self->cancellable, checked_cb, NULL);
  g_task_set_source_tag (task, start_check);
  g_task_set_task_data (task, d, check_data_free);
  g_task_run_in_thread (task, check_thread);
}

/**
 * fl_notifier_queue_check:
 *
 * Looks for what deserves a notification in a worker thread, and emits
 * #FlNotifier::notification from the main thread when it is done.
 */
void
fl_notifier_queue_check (FlNotifier *self)
{
  g_return_if_fail (FL_IS_NOTIFIER (self));

  start_check (self);
}

static gboolean
check_cb (gpointer user_data)
{
  FlNotifier *self = user_data;

  self->check_source = 0;
  start_check (self);
  return G_SOURCE_REMOVE;
}

static void
on_tickets_changed_cb (FlNotifier *self,
                       GArray     *ids,
                       FlStore    *store)
{
  if (self->check_source == 0)
    self->check_source = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
}

void
fl_notifier_set_watched_views (FlNotifier         *self,
                               const char * const *nicks)
{
  g_return_if_fail (FL_IS_NOTIFIER (self));

  g_strfreev (self->watched);
  self->watched = g_strdupv ((char **) nicks);
}

void
fl_notifier_set_do_not_disturb (FlNotifier *self,
                                gboolean    dnd)
{
  g_return_if_fail (FL_IS_NOTIFIER (self));

  self->dnd = !!dnd;
}

static void
fl_notifier_dispose (GObject *object)
{
  FlNotifier *self = (FlNotifier *)object;

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fl_notifier_parent_class)->dispose (object);
}

static void
fl_notifier_finalize (GObject *object)
{
  FlNotifier *self = (FlNotifier *)object;

  g_strfreev (self->watched);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (fl_notifier_parent_class)->finalize (object);
}

static void
fl_notifier_class_init (FlNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fl_notifier_dispose;
  object_class->finalize = fl_notifier_finalize;

  /**
   * FlNotifier::notification:
   * @id: the notification's id, for g_application_send_notification()
   * @title: its title
   * @ticket_id: the ticket its default action opens ("app.open-ticket")
   * @notification: the notification
   */
  signals [NOTIFICATION] =
    g_signal_new ("notification",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_NOTIFICATION);
}

static void
fl_notifier_init (FlNotifier *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * fl_notifier_new:
 *
 * Returns: (transfer full): a notifier that looks a moment after each
 *   change to @store
 */
FlNotifier *
fl_notifier_new (FlStore *store)
{
  FlNotifier *self = g_object_new (FL_TYPE_NOTIFIER, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "tickets-changed",
                           G_CALLBACK (on_tickets_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}
