/* fl-ticket-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-ticket-row"

#include "config.h"

#include <glib/gi18n.h>

#include "fl-format.h"
#include "fl-initials.h"
#include "fl-query.h"
#include "fl-sla.h"
#include "fl-text.h"
#include "fl-ticket-row.h"


/**
 * FlTicketRow:
 *
 * One ticket in the inbox. Built once in the list factory's setup and
 * refilled in bind, so it does no layout work of its own. All customer
 * text is set as plain text, never as markup.
 *
 * A list view makes and binds a couple of hundred rows whenever its list
 * is replaced, so a row keeps to cheap widgets: tooltips are worked out
 * when asked for (setting one makes GTK look for the pointer, a round
 * trip to the display server), the assignee is a #FlInitials rather
 * than an #AdwAvatar (which measures its text on every change), and the
 * account colour is drawn, not styled, so rows share their styles.
 */
struct _FlTicketRow
{
  GtkWidget       parent_instance;

  FlTicket       *ticket;
  char          **highlights;
  GdkRGBA         stripe_color;

  GtkWidget      *box;
  GtkWidget      *account_stripe;
  GtkImage       *channel_image;
  GtkLabel       *customer_label;
  GtkLabel       *sla_label;
  GtkLabel       *age_label;
  GtkWidget      *unread_dot;
  GtkInscription *subject_label;
  GtkInscription *snippet_label;
  GtkLabel       *status_label;
  GtkLabel       *priority_label;
  GtkLabel       *assignee_label;
  FlInitials     *assignee_avatar;
};

G_DEFINE_FINAL_TYPE (FlTicketRow, fl_ticket_row, GTK_TYPE_WIDGET)

static const char *status_classes[] = {
  "status-new", "status-open", "status-pending", "status-on-hold", "status-solved", "status-closed",
};

static const char *priority_classes[] = {
  "priority-low", "priority-normal", "priority-high", "priority-urgent",
};

static void
set_exclusive_class (GtkWidget          *widget,
                     const char * const *classes,
                     guint               n_classes,
                     guint               active)
{
  for (guint i = 0; i < n_classes; i++)
    {
      if (i == active)
        gtk_widget_add_css_class (widget, classes[i]);
      else
        gtk_widget_remove_css_class (widget, classes[i]);
    }
}

/**
 * fl_ticket_row_update_time:
 * @now: the current Unix time
 *
 * Refreshes what depends on the clock: the age and the SLA badge.
 */
void
fl_ticket_row_update_time (FlTicketRow *self,
                           gint64       now)
{
  g_autofree char *age = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *badge = NULL;
  FlSlaState state;
  gint64 remaining;

  g_return_if_fail (FL_IS_TICKET_ROW (self));

  if (self->ticket == NULL || fl_ticket_get_subject (self->ticket) == NULL)
    return;

  age = fl_format_age (fl_ticket_get_updated (self->ticket), now);
  gtk_label_set_label (self->age_label, age);

  state = fl_sla_state_for_due (fl_ticket_get_sla_due (self->ticket), now,
                                fl_query_get_default_at_risk_window (), &remaining);
  gtk_widget_set_visible (GTK_WIDGET (self->sla_label), state != FL_SLA_NONE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->sla_label), "breached");
  gtk_widget_remove_css_class (GTK_WIDGET (self->sla_label), "at-risk");
  gtk_widget_remove_css_class (GTK_WIDGET (self->sla_label), "ok");
  if (state == FL_SLA_NONE)
    return;

  duration = fl_format_duration (remaining);
  if (state == FL_SLA_BREACHED)
    {
      /* Translators: an SLA badge on a ticket whose due time has passed;
       * %s is a duration such as "2 h 5 min" */
      badge = g_strdup_printf (_("Overdue %s"), duration);
      gtk_widget_add_css_class (GTK_WIDGET (self->sla_label), "breached");
    }
  else
    {
      /* Translators: an SLA badge; %s is the time left, such as "45 min" */
      badge = g_strdup_printf (_("%s left"), duration);
      gtk_widget_add_css_class (GTK_WIDGET (self->sla_label),
                                state == FL_SLA_AT_RISK ? "at-risk" : "ok");
    }
  gtk_label_set_label (self->sla_label, badge);
}

/* Sets customer text on an inscription: as plain text, or, when a search
 * matched part of it, as markup built from the escaped text. */
static void
set_highlighted (FlTicketRow    *self,
                 GtkInscription *inscription,
                 const char     *text)
{
  g_autofree char *markup = fl_text_highlight (text, (const char * const *) self->highlights);

  if (markup != NULL)
    gtk_inscription_set_markup (inscription, markup);
  else
    {
      /* Plain text must not keep the bold of an earlier match. */
      gtk_inscription_set_attributes (inscription, NULL);
      gtk_inscription_set_text (inscription, text);
    }
}

/**
 * fl_ticket_row_set_highlights:
 * @words: (nullable) (array zero-terminated=1): folded words a search
 *   matched, from fl_search_get_highlights()
 *
 * Shows the words in bold in the subject and the snippet.
 */
void
fl_ticket_row_set_highlights (FlTicketRow        *self,
                              const char * const *words)
{
  g_return_if_fail (FL_IS_TICKET_ROW (self));

  if (words != NULL && words[0] == NULL)
    words = NULL;
  if (self->highlights == NULL && words == NULL)
    return;

  g_strfreev (self->highlights);
  self->highlights = g_strdupv ((char **) words);

  if (self->ticket != NULL && fl_ticket_get_subject (self->ticket) != NULL)
    {
      set_highlighted (self, self->subject_label, fl_ticket_get_subject (self->ticket));
      set_highlighted (self, self->snippet_label, fl_ticket_get_snippet (self->ticket));
    }
}

/**
 * fl_ticket_row_set_ticket:
 * @ticket: (nullable): the ticket; one not loaded yet has no subject;
 *   %NULL unbinds the row, leaving its widgets as they are
 * @account_color: (nullable): the account's colour, when there are
 *   several accounts
 */
void
fl_ticket_row_set_ticket (FlTicketRow *self,
                          FlTicket    *ticket,
                          const char  *account_color)
{
  gboolean loaded;
  FlStatus status;
  FlPriority priority;
  const char *assignee;
  GdkRGBA rgba;

  g_return_if_fail (FL_IS_TICKET_ROW (self));

  g_set_object (&self->ticket, ticket);

  /* Unbound: a list view never shows an unbound row, and the next bind
   * sets everything, so the widgets are left as they are. A list being
   * replaced unbinds a couple of hundred rows at once. */
  if (ticket == NULL)
    return;

  loaded = fl_ticket_get_subject (ticket) != NULL;

  gtk_widget_set_opacity (self->box, loaded ? 1.0 : 0.4);
  if (!loaded)
    {
      gtk_label_set_label (self->customer_label, "");
      gtk_inscription_set_attributes (self->subject_label, NULL);
      gtk_inscription_set_attributes (self->snippet_label, NULL);
      gtk_inscription_set_text (self->subject_label, _("Loading…"));
      gtk_inscription_set_text (self->snippet_label, NULL);
      gtk_label_set_label (self->age_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->sla_label), FALSE);
      gtk_widget_set_visible (self->unread_dot, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->priority_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->assignee_avatar), FALSE);
      gtk_label_set_label (self->assignee_label, "");
      return;
    }

  status = fl_ticket_get_status (ticket);
  priority = fl_ticket_get_priority (ticket);
  assignee = fl_ticket_get_assignee (ticket);

  gtk_image_set_from_icon_name (self->channel_image,
                                fl_channel_get_icon_name (fl_ticket_get_channel (ticket)));
  gtk_label_set_label (self->customer_label,
                       fl_ticket_get_requester (ticket) ?: fl_ticket_get_requester_email (ticket));
  set_highlighted (self, self->subject_label, fl_ticket_get_subject (ticket));
  set_highlighted (self, self->snippet_label, fl_ticket_get_snippet (ticket));

  gtk_widget_set_visible (self->unread_dot, fl_ticket_get_unread (ticket));
  if (fl_ticket_get_unread (ticket))
    gtk_widget_add_css_class (GTK_WIDGET (self), "unread");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "unread");

  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  gtk_label_set_label (self->status_label, fl_status_get_label (status));
  set_exclusive_class (GTK_WIDGET (self->status_label), status_classes,
                       G_N_ELEMENTS (status_classes), status);

  /* Normal and low priority are the quiet majority: show only what is
   * above them. */
  gtk_widget_set_visible (GTK_WIDGET (self->priority_label), priority >= FL_PRIORITY_HIGH);
  gtk_label_set_label (self->priority_label, fl_priority_get_label (priority));
  set_exclusive_class (GTK_WIDGET (self->priority_label), priority_classes,
                       G_N_ELEMENTS (priority_classes), priority);

  gtk_widget_set_visible (GTK_WIDGET (self->assignee_avatar), assignee != NULL);
  fl_initials_set_name (self->assignee_avatar, assignee);
  gtk_label_set_label (self->assignee_label, assignee ? assignee : C_("assignee", "Unassigned"));

  /* The stripe is a gap that snapshot() paints in the colour. */
  gtk_widget_set_visible (self->account_stripe,
                          account_color != NULL && gdk_rgba_parse (&rgba, account_color));
  if (gtk_widget_get_visible (self->account_stripe) && !gdk_rgba_equal (&rgba, &self->stripe_color))
    {
      self->stripe_color = rgba;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  fl_ticket_row_update_time (self, g_get_real_time () / G_USEC_PER_SEC);
}

/**
 * fl_ticket_row_get_ticket:
 *
 * Returns: (transfer none) (nullable): the ticket shown
 */
FlTicket *
fl_ticket_row_get_ticket (FlTicketRow *self)
{
  g_return_val_if_fail (FL_IS_TICKET_ROW (self), NULL);

  return self->ticket;
}

/**
 * fl_ticket_row_get_account_color:
 * @color: (out): where to store the colour
 *
 * Returns: whether the row shows an account colour
 */
gboolean
fl_ticket_row_get_account_color (FlTicketRow *self,
                                 GdkRGBA     *color)
{
  g_return_val_if_fail (FL_IS_TICKET_ROW (self), FALSE);

  if (!gtk_widget_get_visible (self->account_stripe))
    return FALSE;
  if (color != NULL)
    *color = self->stripe_color;
  return TRUE;
}

static gboolean
on_channel_query_tooltip_cb (GtkWidget   *image,
                             int          x,
                             int          y,
                             gboolean     keyboard,
                             GtkTooltip  *tooltip,
                             FlTicketRow *self)
{
  if (self->ticket == NULL || fl_ticket_get_subject (self->ticket) == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, fl_channel_get_label (fl_ticket_get_channel (self->ticket)));
  return TRUE;
}

static gboolean
on_age_query_tooltip_cb (GtkWidget   *label,
                         int          x,
                         int          y,
                         gboolean     keyboard,
                         GtkTooltip  *tooltip,
                         FlTicketRow *self)
{
  g_autofree char *when = NULL;

  if (self->ticket == NULL || fl_ticket_get_subject (self->ticket) == NULL)
    return FALSE;

  when = fl_format_datetime (fl_ticket_get_updated (self->ticket));
  gtk_tooltip_set_text (tooltip, when);
  return TRUE;
}

static void
fl_ticket_row_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  FlTicketRow *self = (FlTicketRow *)widget;
  graphene_rect_t bounds;

  GTK_WIDGET_CLASS (fl_ticket_row_parent_class)->snapshot (widget, snapshot);

  if (gtk_widget_get_visible (self->account_stripe) &&
      gtk_widget_compute_bounds (self->account_stripe, widget, &bounds))
    {
      GskRoundedRect rounded;

      gsk_rounded_rect_init_from_rect (&rounded, &bounds, MIN (bounds.size.width / 2, 2));
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &self->stripe_color, &bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static void
fl_ticket_row_dispose (GObject *object)
{
  FlTicketRow *self = (FlTicketRow *)object;

  g_clear_object (&self->ticket);
  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_TICKET_ROW);

  /* The template's top widget has no name, so unparent it here. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (fl_ticket_row_parent_class)->dispose (object);
}

static void
fl_ticket_row_finalize (GObject *object)
{
  FlTicketRow *self = (FlTicketRow *)object;

  g_clear_pointer (&self->highlights, g_strfreev);

  G_OBJECT_CLASS (fl_ticket_row_parent_class)->finalize (object);
}

static void
fl_ticket_row_class_init (FlTicketRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_ticket_row_dispose;
  object_class->finalize = fl_ticket_row_finalize;

  widget_class->snapshot = fl_ticket_row_snapshot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "flticketrow");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-ticket-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FlTicketRow, box);
  gtk_widget_class_bind_template_child (widget_class, FlTicketRow, account_stripe);
  gtk_widget_class_bind_template_child (widget_class, FlTicketRow, channel_image);
  gtk_widget_class_bind_template_child (widget_class, FlTicketRow, customer_label);
  gtk_widget_class_bind_template_child (widget_class, FlTicketRow, sla_label);
  gtk_widget_class_bind_template_child (widget_class, FlTicketRow, age_label);
  gtk_widget_class_bind_template_child (widget_class, FlTicketRow, unread_dot);
  gtk_widget_class_bind_template_child (widget_class, FlTicketRow, subject_label);
  gtk_widget_class_bind_template_child (widget_class, FlTicketRow, snippet_label);
  gtk_widget_class_bind_template_child (widget_class, FlTicketRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, FlTicketRow, priority_label);
  gtk_widget_class_bind_template_child (widget_class, FlTicketRow, assignee_label);
  gtk_widget_class_bind_template_child (widget_class, FlTicketRow, assignee_avatar);
  gtk_widget_class_bind_template_callback (widget_class, on_channel_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_age_query_tooltip_cb);

  g_type_ensure (FL_TYPE_INITIALS);
}

static void
fl_ticket_row_init (FlTicketRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "ticket-row");
}

GtkWidget *
fl_ticket_row_new (void)
{
  return g_object_new (FL_TYPE_TICKET_ROW, NULL);
}
