/* fl-ticket-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-ticket-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fl-composer.h"
#include "fl-outbox.h"
#include "fl-format.h"
#include "fl-message-row.h"
#include "fl-sla.h"
#include "fl-sla-chips.h"
#include "fl-ticket-view.h"

/**
 * FlTicketView:
 *
 * A ticket's header and its whole conversation, as a #GtkListView of
 * message rows, so a ticket with hundreds of messages stays smooth.
 */
struct _FlTicketView
{
  GtkWidget     parent_instance;

  FlStore      *store;
  FlContext    *context;
  /* The agents the assignee menu offers, for the account shown. */
  GPtrArray    *agents;
  gint64        agents_account_id;
  /* Open tickets per agent id, for the assignee menu; followers' ids. */
  GHashTable   *workload;
  GArray       *follower_ids;
  /* "@username" of this profile's agent, highlighted in notes. */
  char         *me_handle;
  /* A row to bring into view instead of the end: a note mentioning me. */
  guint         scroll_target;
  guint         showing : 1;
  FlTicket     *ticket;
  GListStore   *messages;
  /* The older part of a long conversation, not in the list until asked. */
  GPtrArray    *earlier;
  GCancellable *cancellable;
  gint64        ticket_id;

  GtkStack     *stack;
  GtkLabel     *subject_label;
  GtkDropDown  *status_dropdown;
  GtkDropDown  *priority_dropdown;
  GtkImage     *channel_image;
  GtkLabel     *channel_label;
  GtkLabel     *account_label;
  FlSlaChips   *sla_chips;
  /* The whole conversation, for the SLA chips. */
  GPtrArray    *sla_messages;
  GtkLabel     *followers_label;
  GtkLabel     *requester_label;
  GtkDropDown  *assignee_dropdown;
  GtkWidget    *take_button;
  GtkButton    *follow_button;
  GtkListBox   *followers_list;
  GtkScrolledWindow *scroller;
  GtkListView  *messages_view;
  GtkButton    *earlier_button;
  guint         scroll_tick;
  guint         scroll_frames;
  guint         scroll_still;
  FlComposer   *composer;
};

G_DEFINE_FINAL_TYPE (FlTicketView, fl_ticket_view, GTK_TYPE_WIDGET)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The assignee menu: "Unassigned", then the account's agents by name.
 * A ticket assigned to someone the store does not know yet still shows
 * that name. */
static void
show_assignee (FlTicketView *self,
               FlTicket     *ticket)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 account_id = fl_ticket_get_account_id (ticket);
  gint64 assignee_id = fl_ticket_get_assignee_id (ticket);
  guint selected = 0;

  if (self->agents == NULL || self->agents_account_id != account_id)
    {
      g_clear_pointer (&self->agents, g_ptr_array_unref);
      self->agents = fl_store_list_agents (self->store, account_id, NULL);
      if (self->agents == NULL)
        self->agents = g_ptr_array_new_with_free_func (g_object_unref);
      self->agents_account_id = account_id;
    }

  /* Fresh on every showing: the team lead weighs the workload now. */
  g_clear_pointer (&self->workload, g_hash_table_unref);
  self->workload = fl_store_count_open_by_agent (self->store, account_id, NULL);

  gtk_string_list_append (names, C_("assignee", "Unassigned"));
  for (guint i = 0; i < self->agents->len; i++)
    {
      FlAgent *agent = self->agents->pdata[i];

      gtk_string_list_append (names, fl_agent_get_name (agent) ?: fl_agent_get_username (agent));
      if (fl_agent_get_id (agent) == assignee_id)
        selected = i + 1;
    }
  if (assignee_id != 0 && selected == 0 && fl_ticket_get_assignee (ticket) != NULL)
    {
      gtk_string_list_append (names, fl_ticket_get_assignee (ticket));
      selected = self->agents->len + 1;
    }

  gtk_drop_down_set_model (self->assignee_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->assignee_dropdown, selected);
}

/* A change made in the header goes through the outbox like a reply. */
static void
queue_change (FlTicketView *self,
              FlOutboxKind  kind,
              const char   *value)
{
  g_autoptr(FlOutboxItem) item = NULL;

  if (self->showing || self->ticket == NULL || self->context == NULL)
    return;

  item = g_object_new (FL_TYPE_OUTBOX_ITEM,
                       "account-id", fl_ticket_get_account_id (self->ticket),
                       "ticket-id", fl_ticket_get_id (self->ticket),
                       "remote-ticket-id", fl_ticket_get_remote_id (self->ticket),
                       "kind", kind,
                       "value", value,
                       NULL);
  fl_outbox_enqueue_async (fl_context_get_outbox (self->context), item, NULL, NULL, NULL);
}

static void
on_status_selected_cb (FlTicketView *self)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (status < FL_N_STATUSES && self->ticket && status != fl_ticket_get_status (self->ticket))
    queue_change (self, FL_OUTBOX_SET_STATUS, fl_status_to_string (status));
}

static void
on_priority_selected_cb (FlTicketView *self)
{
  guint priority = gtk_drop_down_get_selected (self->priority_dropdown);

  if (priority < FL_N_PRIORITIES && self->ticket && priority != fl_ticket_get_priority (self->ticket))
    queue_change (self, FL_OUTBOX_SET_PRIORITY, fl_priority_to_string (priority));
}

static void
on_assignee_selected_cb (FlTicketView *self)
{
  guint selected = gtk_drop_down_get_selected (self->assignee_dropdown);

  if (self->showing || self->ticket == NULL || self->agents == NULL)
    return;

  if (selected == 0 && fl_ticket_get_assignee_id (self->ticket) != 0)
    queue_change (self, FL_OUTBOX_SET_OWNER, NULL);
  else if (selected >= 1 && selected <= self->agents->len)
    {
      FlAgent *agent = self->agents->pdata[selected - 1];

      if (fl_agent_get_id (agent) != fl_ticket_get_assignee_id (self->ticket))
        queue_change (self, FL_OUTBOX_SET_OWNER, fl_agent_get_remote_id (agent));
    }
}

/* The agent this profile signs in as, among the account's agents. */
static FlAgent *
find_me (FlTicketView *self)
{
  FlAccount *account;
  gint64 me_id;

  if (self->ticket == NULL || self->context == NULL || self->agents == NULL)
    return NULL;
  account = fl_context_find_account (self->context, fl_ticket_get_account_id (self->ticket));
  me_id = account ? fl_account_get_me_agent_id (account) : 0;
  for (guint i = 0; me_id != 0 && i < self->agents->len; i++)
    if (fl_agent_get_id (self->agents->pdata[i]) == me_id)
      return self->agents->pdata[i];

  return NULL;
}

static gboolean
is_follower (FlTicketView *self,
             gint64        agent_id)
{
  for (guint i = 0; self->follower_ids && i < self->follower_ids->len; i++)
    if (g_array_index (self->follower_ids, gint64, i) == agent_id)
      return TRUE;

  return FALSE;
}

/* The assignee menu's rows: each teammate with their open tickets. */
static void
setup_assignee_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       FlTicketView             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "caption");
  gtk_widget_add_css_class (count, "workload");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_item_set_child (item, box);
}

static void
bind_assignee_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      FlTicketView             *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *count = gtk_widget_get_next_sibling (name);
  GtkStringObject *string = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  g_autofree char *text = NULL;

  gtk_label_set_text (GTK_LABEL (name), gtk_string_object_get_string (string));

  if (self->agents != NULL && position >= 1 && position <= self->agents->len)
    {
      gint64 id = fl_agent_get_id (self->agents->pdata[position - 1]);
      guint n = self->workload ? GPOINTER_TO_UINT (g_hash_table_lookup (self->workload, &id)) : 0;
      g_autofree char *number = fl_format_count (n);

      /* Translators: an agent's open tickets in the assignee menu */
      text = g_strdup_printf (ngettext ("%s open", "%s open", n), number);
    }
  gtk_label_set_text (GTK_LABEL (count), text ? text : "");
  gtk_widget_set_visible (count, text != NULL);
}

static void
take_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FlTicketView *self = FL_TICKET_VIEW (widget);
  FlAgent *me = find_me (self);

  if (me != NULL && fl_agent_get_id (me) != fl_ticket_get_assignee_id (self->ticket))
    queue_change (self, FL_OUTBOX_SET_OWNER, fl_agent_get_remote_id (me));
}

static void
follow_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FlTicketView *self = FL_TICKET_VIEW (widget);
  FlAgent *me = find_me (self);

  if (me == NULL)
    return;
  queue_change (self, is_follower (self, fl_agent_get_id (me)) ? FL_OUTBOX_REMOVE_WATCHER : FL_OUTBOX_ADD_WATCHER,
                fl_agent_get_remote_id (me));
}

static void
on_follower_toggled_cb (GtkCheckButton *check,
                        FlTicketView   *self)
{
  FlAgent *agent = g_object_get_data (G_OBJECT (check), "agent");
  gboolean active = gtk_check_button_get_active (check);

  if (agent != NULL && active != is_follower (self, fl_agent_get_id (agent)))
    queue_change (self, active ? FL_OUTBOX_ADD_WATCHER : FL_OUTBOX_REMOVE_WATCHER,
                  fl_agent_get_remote_id (agent));
}

/* Follow or unfollow, and who follows: built when the popover opens. */
static void
update_follow_controls (FlTicketView *self)
{
  FlAgent *me = find_me (self);
  gboolean following = me != NULL && is_follower (self, fl_agent_get_id (me));
  gboolean mine = me != NULL && self->ticket != NULL && fl_agent_get_id (me) == fl_ticket_get_assignee_id (self->ticket);

  gtk_button_set_label (self->follow_button, following ? _("Unfollow") : _("Follow"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ticket.follow", me != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ticket.take", me != NULL && !mine);
  gtk_widget_set_visible (self->take_button, me != NULL && !mine);
}

static void
on_followers_popover_show_cb (FlTicketView *self,
                              GtkPopover   *popover)
{
  GtkWidget *child;

  update_follow_controls (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->followers_list))))
    gtk_list_box_remove (self->followers_list, child);

  for (guint i = 0; self->agents && i < self->agents->len; i++)
    {
      FlAgent *agent = self->agents->pdata[i];
      GtkWidget *check = gtk_check_button_new_with_label (fl_agent_get_name (agent) ?: fl_agent_get_username (agent));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_follower (self, fl_agent_get_id (agent)));
      g_object_set_data_full (G_OBJECT (check), "agent", g_object_ref (agent), g_object_unref);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_follower_toggled_cb), self, 0);
      gtk_list_box_append (self->followers_list, check);
    }
}

/* The chips follow the ticket, its conversation once loaded, and the
 * account's policy. */
static void
show_sla (FlTicketView *self)
{
  if (self->ticket == NULL || self->context == NULL)
    {
      fl_sla_chips_clear (self->sla_chips);
      return;
    }

  fl_sla_chips_update (self->sla_chips,
                       fl_context_get_sla_policy (self->context, fl_ticket_get_account_id (self->ticket)),
                       self->ticket, self->sla_messages);
}

static void
on_sla_policy_changed_cb (FlTicketView *self,
                          gint64        account_id,
                          FlContext    *context)
{
  if (self->ticket != NULL && fl_ticket_get_account_id (self->ticket) == account_id)
    show_sla (self);
}

static void
show_ticket (FlTicketView *self,
             FlTicket     *ticket)
{
  g_autofree char *requester = NULL;
  FlStatus status = fl_ticket_get_status (ticket);
  const char *email = fl_ticket_get_requester_email (ticket);
  FlAccount *account;

  g_set_object (&self->ticket, ticket);

  gtk_label_set_text (self->subject_label, fl_ticket_get_subject (ticket));
  self->showing = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, status);
  gtk_drop_down_set_selected (self->priority_dropdown, fl_ticket_get_priority (ticket));
  show_assignee (self, ticket);
  self->showing = FALSE;
  gtk_image_set_from_icon_name (self->channel_image,
                                fl_channel_get_icon_name (fl_ticket_get_channel (ticket)));
  gtk_label_set_text (self->channel_label, fl_channel_get_label (fl_ticket_get_channel (ticket)));

  if (email != NULL && fl_ticket_get_requester (ticket) != NULL)
    /* Translators: a person's name and email address */
    requester = g_strdup_printf (_("%s <%s>"), fl_ticket_get_requester (ticket), email);
  else
    requester = g_strdup (fl_ticket_get_requester (ticket) ?: email);
  gtk_label_set_text (self->requester_label, requester ?: _("Unknown requester"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->requester_label), requester);

  g_clear_pointer (&self->follower_ids, g_array_unref);
  self->follower_ids = fl_store_list_follower_ids (self->store, fl_ticket_get_id (ticket), NULL);
  update_follow_controls (self);
  {
    FlAgent *me = find_me (self);

    g_free (self->me_handle);
    self->me_handle = me && fl_agent_get_username (me) ? g_strdup_printf ("@%s", fl_agent_get_username (me)) : NULL;
  }

  account = self->context ? fl_context_find_account (self->context, fl_ticket_get_account_id (ticket)) : NULL;
  gtk_label_set_text (self->account_label, account ? fl_account_get_name (account) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->account_label), account != NULL);

  /* The list rows load tickets without followers; the header has their
   * ids, and names them from the account's agents. */
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) followers = NULL;

    for (guint i = 0; self->agents && i < self->agents->len; i++)
      if (is_follower (self, fl_agent_get_id (self->agents->pdata[i])))
        g_strv_builder_add (builder, fl_agent_get_name (self->agents->pdata[i]) ?:
                                     fl_agent_get_username (self->agents->pdata[i]));
    followers = g_strv_builder_end (builder);

    if (followers[0] != NULL)
      {
        /* Translators: the separator between followers' names */
        g_autofree char *names = g_strjoinv (C_("followers", ", "), followers);

        gtk_label_set_text (self->followers_label, names);
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->followers_label), names);
      }
    else
      {
        gtk_label_set_text (self->followers_label, C_("followers", "None"));
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->followers_label), NULL);
      }
  }

  show_sla (self);
}

/* The list view learns row heights as it lays rows out, so the end moves
 * for a few frames after a conversation comes in: follow it until it
 * holds still. */
static gboolean
scroll_to_end_tick_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  FlTicketView *self = FL_TICKET_VIEW (widget);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  double end = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->messages)) == 0 || self->scroll_frames++ > 30)
    goto done;

  /* The frame that follows new messages ticks before their layout; a
   * scroll then points the list at rows it has not placed yet (GTK warns
   * "failed to scroll"), as when j or k goes through tickets quickly. */
  if (self->scroll_frames == 1)
    return G_SOURCE_CONTINUE;

  /* A note that mentions me comes before the end: bring it into view. */
  if (self->scroll_target != G_MAXUINT)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->messages_view), "list.scroll-to-item", "u",
                                  self->scroll_target);
      if (++self->scroll_still >= 3)
        goto done;
      return G_SOURCE_CONTINUE;
    }

  if (end > gtk_adjustment_get_value (adj) + 0.5)
    {
      gtk_adjustment_set_value (adj, end);
      self->scroll_still = 0;
    }
  else if (++self->scroll_still >= 3)
    goto done;

  return G_SOURCE_CONTINUE;

done:
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_to_end (FlTicketView *self)
{
  self->scroll_frames = 0;
  self->scroll_still = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_end_tick_cb,
                                                      NULL, NULL);
}

/* A long conversation opens on its newest messages: a list view makes a
 * widget for up to 200 rows, and laying out hundreds of wrapped messages
 * is what made a 500-message ticket slow to open. */
#define FOLD_ABOVE 30
#define SHOW_NEWEST 10

static void
update_earlier_button (FlTicketView *self)
{
  guint n = self->earlier ? self->earlier->len : 0;

  gtk_widget_set_visible (GTK_WIDGET (self->earlier_button), n > 0);
  if (n > 0)
    {
      g_autofree char *count = fl_format_count (n);
      /* Translators: a button above a long conversation; %s is the
       * number of older messages, already formatted */
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Show %s Earlier Message",
                                                             "Show %s Earlier Messages", n),
                                                count);

      gtk_button_set_label (self->earlier_button, label);
    }
}

static void
show_earlier_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FlTicketView *self = FL_TICKET_VIEW (widget);
  g_autoptr(GPtrArray) earlier = g_steal_pointer (&self->earlier);

  if (earlier != NULL)
    g_list_store_splice (self->messages, 0, 0, earlier->pdata, earlier->len);
  update_earlier_button (self);
}

static void
messages_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(FlTicketView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = fl_store_load_messages_finish (FL_STORE (object), result, &error);
  gint64 seen_until = 0;
  gboolean scroll;

  if (messages == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load the conversation: %s", error->message);
      return;
    }

  {
    guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->messages));
    guint first = 0;

    /* A reload of the same ticket keeps the earlier messages open if
     * the agent opened them. */
    if (messages->len > FOLD_ABOVE && (self->earlier != NULL || shown == 0))
      first = messages->len - SHOW_NEWEST;

    /* Folded, a reload starts at the same message: new ones are added
     * below it rather than pushing the shown ones up into the fold. */
    if (shown > 0 && self->earlier != NULL)
      {
        g_autoptr(FlMessage) top = g_list_model_get_item (G_LIST_MODEL (self->messages), 0);

        for (guint i = 0; i < messages->len; i++)
          if (fl_message_get_id (messages->pdata[i]) == fl_message_get_id (top))
            {
              first = i;
              break;
            }
      }

    g_clear_pointer (&self->earlier, g_ptr_array_unref);
    if (first > 0)
      {
        self->earlier = g_ptr_array_new_full (first, g_object_unref);
        for (guint i = 0; i < first; i++)
          g_ptr_array_add (self->earlier, g_object_ref (messages->pdata[i]));
      }
    /* A reload (a sync, a sent reply's state) keeps the rows of the
     * messages that did not change, with what the agent selected or
     * opened in them, and the place they were reading. Only a new
     * message at the end scrolls there. */
    {
      guint n = messages->len - first;
      guint same = 0;
      gint64 last_shown = 0;

      if (shown > 0)
        {
          g_autoptr(FlMessage) last = g_list_model_get_item (G_LIST_MODEL (self->messages), shown - 1);

          last_shown = fl_message_get_id (last);
        }
      while (same < shown && same < n)
        {
          g_autoptr(FlMessage) old = g_list_model_get_item (G_LIST_MODEL (self->messages), same);

          if (!fl_message_equal (old, messages->pdata[first + same]))
            break;
          same++;
        }
      if (same < shown || same < n)
        g_list_store_splice (self->messages, same, shown - same,
                             messages->pdata + first + same, n - same);
      scroll = n == 0 || fl_message_get_id (messages->pdata[messages->len - 1]) != last_shown;
    }
    update_earlier_button (self);
  }

  /* A reply is checked against what the agent saw: anything newer from
   * someone else makes the backend hold it back. */
  for (guint i = 0; i < messages->len; i++)
    seen_until = MAX (seen_until, fl_message_get_created (messages->pdata[i]));
  fl_composer_set_ticket (self->composer, self->ticket, seen_until);

  g_clear_pointer (&self->sla_messages, g_ptr_array_unref);
  self->sla_messages = g_ptr_array_ref (messages);
  show_sla (self);

  /* The newest message is what the agent needs first, unless a note
   * mentions them that they have not seen: then that note, unfolded. */
  self->scroll_target = G_MAXUINT;
  {
    g_autoptr(GArray) unseen = fl_store_list_unseen_mentions (self->store, self->ticket_id, NULL);

    if (unseen != NULL && unseen->len > 0)
      {
        gint64 first_id = g_array_index (unseen, gint64, 0);
        guint n;

        if (self->earlier != NULL)
          {
            g_list_store_splice (self->messages, 0, 0, self->earlier->pdata, self->earlier->len);
            g_clear_pointer (&self->earlier, g_ptr_array_unref);
            update_earlier_button (self);
          }
        n = g_list_model_get_n_items (G_LIST_MODEL (self->messages));
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(FlMessage) m = g_list_model_get_item (G_LIST_MODEL (self->messages), i);

            if (fl_message_get_id (m) == first_id)
              self->scroll_target = i;
          }
        fl_store_mark_mentions_seen_async (self->store, self->ticket_id);
      }
  }
  if (scroll || self->scroll_target != G_MAXUINT)
    scroll_to_end (self);

  g_signal_emit (self, signals [LOADED], 0);
}

static void
ticket_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(FlTicketView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tickets = fl_store_load_tickets_finish (FL_STORE (object), result, &error);

  if (tickets == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load the ticket: %s", error->message);
      return;
    }

  if (tickets->len == 0)
    {
      fl_ticket_view_clear (self);
      return;
    }

  show_ticket (self, tickets->pdata[0]);
  gtk_stack_set_visible_child_name (self->stack, "ticket");

  fl_store_load_messages_async (self->store, self->ticket_id, self->cancellable,
                                messages_loaded_cb, g_object_ref (self));
}

static void
on_tickets_changed_cb (FlTicketView *self,
                       GArray       *ids,
                       FlStore      *store)
{
  if (self->ticket_id == 0)
    return;

  /* A sent reply, or a sync, changed the conversation on screen. */
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == self->ticket_id)
      {
        fl_ticket_view_show (self, self->ticket_id);
        break;
      }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  gtk_list_item_set_child (item, fl_message_row_new ());
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         FlTicketView             *self)
{
  FlMessageRow *row = FL_MESSAGE_ROW (gtk_list_item_get_child (item));

  fl_message_row_set_highlight (row, self->me_handle);
  fl_message_row_set_message (row, gtk_list_item_get_item (item));
}

static void
fl_ticket_view_dispose (GObject *object)
{
  FlTicketView *self = (FlTicketView *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_TICKET_VIEW);

  /* The template's top widget has no name, so unparent it here. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->ticket);

  G_OBJECT_CLASS (fl_ticket_view_parent_class)->dispose (object);
}

static void
fl_ticket_view_finalize (GObject *object)
{
  FlTicketView *self = (FlTicketView *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->messages);
  g_clear_pointer (&self->earlier, g_ptr_array_unref);
  g_clear_pointer (&self->agents, g_ptr_array_unref);
  g_clear_pointer (&self->workload, g_hash_table_unref);
  g_clear_pointer (&self->follower_ids, g_array_unref);
  g_clear_pointer (&self->sla_messages, g_ptr_array_unref);
  g_clear_pointer (&self->me_handle, g_free);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (fl_ticket_view_parent_class)->finalize (object);
}

static void
fl_ticket_view_class_init (FlTicketViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_ticket_view_dispose;
  object_class->finalize = fl_ticket_view_finalize;

  /**
   * FlTicketView::loaded:
   *
   * Emitted when the ticket and its conversation are shown.
   */
  signals [LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "flticketview");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-ticket-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, stack);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, subject_label);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, priority_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, channel_image);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, account_label);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, followers_label);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, channel_label);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, sla_chips);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, requester_label);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, assignee_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, take_button);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, follow_button);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, followers_list);
  gtk_widget_class_bind_template_callback (widget_class, on_followers_popover_show_cb);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, scroller);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, messages_view);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, composer);
  gtk_widget_class_bind_template_child (widget_class, FlTicketView, earlier_button);

  gtk_widget_class_install_action (widget_class, "ticket.show-earlier", NULL, show_earlier_action);
  gtk_widget_class_install_action (widget_class, "ticket.take", NULL, take_action);
  gtk_widget_class_install_action (widget_class, "ticket.follow", NULL, follow_action);
}

static void
fl_ticket_view_init (FlTicketView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->scroll_target = G_MAXUINT;

  g_type_ensure (FL_TYPE_COMPOSER);
  g_type_ensure (FL_TYPE_SLA_CHIPS);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->messages = g_list_store_new (FL_TYPE_MESSAGE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->messages_view, factory);
  gtk_list_view_set_model (self->messages_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->messages)))));

  {
    g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
    g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);

    for (guint i = 0; i < FL_N_STATUSES; i++)
      gtk_string_list_append (statuses, fl_status_get_label (i));
    for (guint i = 0; i < FL_N_PRIORITIES; i++)
      gtk_string_list_append (priorities, fl_priority_get_label (i));
    gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
    gtk_drop_down_set_model (self->priority_dropdown, G_LIST_MODEL (priorities));
  }

  g_signal_connect_object (self->status_dropdown, "notify::selected",
                           G_CALLBACK (on_status_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->priority_dropdown, "notify::selected",
                           G_CALLBACK (on_priority_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->assignee_dropdown, "notify::selected",
                           G_CALLBACK (on_assignee_selected_cb), self, G_CONNECT_SWAPPED);

  {
    g_autoptr(GtkListItemFactory) rows = gtk_signal_list_item_factory_new ();

    g_signal_connect (rows, "setup", G_CALLBACK (setup_assignee_row_cb), self);
    g_signal_connect (rows, "bind", G_CALLBACK (bind_assignee_row_cb), self);
    gtk_drop_down_set_list_factory (self->assignee_dropdown, rows);
  }
}

/**
 * fl_ticket_view_popup:
 * @field: "status" or "assignee"
 *
 * Opens the header's menu for @field, for the keyboard's s and a.
 *
 * Returns: whether a ticket is shown and the menu opened
 */
gboolean
fl_ticket_view_popup (FlTicketView *self,
                      const char   *field)
{
  GtkWidget *dropdown;

  g_return_val_if_fail (FL_IS_TICKET_VIEW (self), FALSE);

  if (self->ticket == NULL)
    return FALSE;

  dropdown = g_str_equal (field, "status") ? GTK_WIDGET (self->status_dropdown)
                                           : GTK_WIDGET (self->assignee_dropdown);
  if (!gtk_widget_is_sensitive (dropdown))
    return FALSE;

  /* GtkDropDown pops up on its activate signal. */
  gtk_widget_grab_focus (dropdown);
  return gtk_widget_activate (dropdown);
}

/**
 * fl_ticket_view_set_context:
 *
 * Gives the view its store, and the outbox its header changes and its
 * composer's replies go to.
 */
void
fl_ticket_view_set_context (FlTicketView *self,
                            FlContext    *context)
{
  g_return_if_fail (FL_IS_TICKET_VIEW (self));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, on_sla_policy_changed_cb, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "sla-policy-changed", G_CALLBACK (on_sla_policy_changed_cb),
                             self, G_CONNECT_SWAPPED);
  fl_ticket_view_set_store (self, context ? fl_context_get_store (context) : NULL);
  fl_composer_set_context (self->composer, context);
}

void
fl_ticket_view_set_store (FlTicketView *self,
                          FlStore      *store)
{
  g_return_if_fail (FL_IS_TICKET_VIEW (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_tickets_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "tickets-changed", G_CALLBACK (on_tickets_changed_cb),
                             self, G_CONNECT_SWAPPED);
}

/* Empties the conversation and takes the composer off the ticket shown
 * before, keeping its unsent text as a draft. */
static void
forget_conversation (FlTicketView *self)
{
  fl_composer_set_ticket (self->composer, NULL, 0);
  g_clear_pointer (&self->earlier, g_ptr_array_unref);
  g_clear_pointer (&self->sla_messages, g_ptr_array_unref);
  g_list_store_remove_all (self->messages);
  update_earlier_button (self);
}

/**
 * fl_ticket_view_show:
 * @ticket_id: the ticket to show
 *
 * Loads the ticket and its conversation in a worker and shows them; a
 * load still running for the previous ticket is cancelled.
 */
void
fl_ticket_view_show (FlTicketView *self,
                     gint64        ticket_id)
{
  g_return_if_fail (FL_IS_TICKET_VIEW (self));
  g_return_if_fail (self->store != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Until the new conversation is in, nothing can be sent by mistake to
   * the ticket shown before; its unsent text is kept as a draft. */
  if (ticket_id != self->ticket_id)
    {
      forget_conversation (self);
      g_clear_pointer (&self->agents, g_ptr_array_unref);
    }
  self->ticket_id = ticket_id;

  fl_store_load_tickets_async (self->store, &ticket_id, 1, self->cancellable,
                               ticket_loaded_cb, g_object_ref (self));
}

/**
 * fl_ticket_view_get_sla_chips:
 *
 * Returns: (transfer none): the header's SLA chips
 */
FlSlaChips *
fl_ticket_view_get_sla_chips (FlTicketView *self)
{
  g_return_val_if_fail (FL_IS_TICKET_VIEW (self), NULL);

  return self->sla_chips;
}

void
fl_ticket_view_clear (FlTicketView *self)
{
  g_return_if_fail (FL_IS_TICKET_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  self->ticket_id = 0;
  g_clear_object (&self->ticket);
  forget_conversation (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/**
 * fl_ticket_view_get_ticket:
 *
 * Returns: (transfer none) (nullable): the ticket shown
 */
FlTicket *
fl_ticket_view_get_ticket (FlTicketView *self)
{
  g_return_val_if_fail (FL_IS_TICKET_VIEW (self), NULL);

  return self->ticket;
}

/**
 * fl_ticket_view_get_messages:
 *
 * Returns: (transfer none): the conversation shown, for tests
 */
GListModel *
fl_ticket_view_get_messages (FlTicketView *self)
{
  g_return_val_if_fail (FL_IS_TICKET_VIEW (self), NULL);

  return G_LIST_MODEL (self->messages);
}

/**
 * fl_ticket_view_get_composer:
 *
 * Returns: (transfer none): the composer under the conversation
 */
FlComposer *
fl_ticket_view_get_composer (FlTicketView *self)
{
  g_return_val_if_fail (FL_IS_TICKET_VIEW (self), NULL);

  return self->composer;
}

/**
 * fl_ticket_view_get_context:
 *
 * Returns: (transfer none) (nullable): the profile's services
 */
FlContext *
fl_ticket_view_get_context (FlTicketView *self)
{
  g_return_val_if_fail (FL_IS_TICKET_VIEW (self), NULL);

  return self->context;
}
