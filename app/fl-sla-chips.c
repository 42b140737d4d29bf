/* fl-sla-chips.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-sla-chips"

#include "config.h"

#include <glib/gi18n.h>

#include "fl-format.h"
#include "fl-query.h"
#include "fl-sla-chips.h"

/**
 * FlSlaChips:
 *
 * The ticket header's SLA chips: one per stage the account's policy has
 * a target for (first response, next response, resolution), each with
 * its state and the business time left, and the backend's own due date
 * beside them when it has one. They refresh every minute.
 */
struct _FlSlaChips
{
  GtkWidget    parent_instance;

  FlSlaPolicy *policy;
  FlTicket    *ticket;
  GPtrArray   *messages;
  guint        tick;

  GtkWidget   *box;
  GtkLabel    *labels[FL_SLA_N_STAGES];
  GtkLabel    *backend_label;
};

G_DEFINE_FINAL_TYPE (FlSlaChips, fl_sla_chips, GTK_TYPE_WIDGET)

static const char * const state_classes[] = { "ok", "at-risk", "breached", "met", "paused" };

static void
set_chip (GtkLabel   *label,
          const char *text,
          const char *css_class,
          const char *tooltip)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), state_classes[i]);

  /* The chips flow onto a second line rather than be cut short (large
   * text, a narrow pane); a hidden chip's place in the flow goes too. */
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (label)), text != NULL);
  if (text == NULL)
    return;
  gtk_label_set_text (label, text);
  gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
}

static void
show_stage (FlSlaChips             *self,
            FlSlaStage              stage,
            const FlSlaStageResult *st,
            gint64                  now)
{
  const char *name = fl_sla_stage_get_label (stage);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *due = st->due ? fl_format_datetime (st->due) : NULL;
  g_autofree char *done = st->done_at ? fl_format_datetime (st->done_at) : NULL;
  const char *css = "ok";

  switch (st->state)
    {
    case FL_SLA_STAGE_RUNNING:
      duration = fl_format_duration (st->remaining);
      /* Translators: an SLA chip; the first %s is a stage such as
       * "First Response", the second the business time left, "2 h 5 min" */
      text = g_strdup_printf (_("%s · %s left"), name, duration);
      /* Translators: when an SLA target falls due; %s is a date and time */
      tooltip = g_strdup_printf (_("Due %s"), due);
      if (st->due - now < fl_query_get_default_at_risk_window ())
        css = "at-risk";
      break;

    case FL_SLA_STAGE_PAUSED:
      duration = fl_format_duration (st->remaining);
      /* Translators: an SLA chip whose clock stands still (pending, on
       * hold); %s is a stage such as "First Response" */
      text = g_strdup_printf (_("%s · paused"), name);
      /* Translators: %s is the business time left, such as "3 h" */
      tooltip = g_strdup_printf (_("%s left when the clock resumes"), duration);
      css = "paused";
      break;

    case FL_SLA_STAGE_MET:
      /* Translators: an SLA chip for a target that was met; %s is a
       * stage such as "First Response" */
      text = g_strdup_printf (_("%s · met"), name);
      /* Translators: %s is a date and time */
      tooltip = g_strdup_printf (_("Met %s"), done);
      css = "met";
      break;

    case FL_SLA_STAGE_BREACHED:
      duration = fl_format_duration (-st->remaining);
      if (st->done_at == 0)
        /* Translators: an SLA chip past its target; the first %s is a
         * stage such as "First Response", the second how much business
         * time it is overdue, such as "1 h" */
        text = g_strdup_printf (_("%s · overdue %s"), name, duration);
      else
        /* Translators: an SLA chip for a target that was missed; %s is a
         * stage such as "First Response" */
        text = g_strdup_printf (_("%s · missed"), name);
      tooltip = g_strdup_printf (_("Due %s"), due);
      css = "breached";
      break;

    case FL_SLA_STAGE_NONE:
    default:
      break;
    }

  set_chip (self->labels[stage], text, css, tooltip);
}

static void
refresh (FlSlaChips *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  FlSlaResult result;
  gint64 backend;

  if (self->ticket == NULL || self->policy == NULL)
    return;

  fl_sla_compute_ticket (self->policy, self->ticket, self->messages, now, &result);
  for (guint s = 0; s < FL_SLA_N_STAGES; s++)
    show_stage (self, s, &result.stages[s], now);

  backend = fl_sla_backend_due (self->ticket);
  if (backend != 0)
    {
      g_autofree char *when = fl_format_datetime (backend);
      /* Translators: the due date the helpdesk itself set (Request
       * Tracker's Due), shown beside the SLA chips; %s is a date and time */
      g_autofree char *text = g_strdup_printf (_("Helpdesk due %s"), when);

      set_chip (self->backend_label, text, backend <= now ? "breached" : "ok",
                _("The due date set in the helpdesk"));
    }
  else
    set_chip (self->backend_label, NULL, NULL, NULL);

  {
    gboolean any = gtk_widget_get_visible (GTK_WIDGET (self->backend_label));

    for (guint s = 0; s < FL_SLA_N_STAGES; s++)
      any |= gtk_widget_get_visible (GTK_WIDGET (self->labels[s]));
    gtk_widget_set_visible (GTK_WIDGET (self), any);
  }
}

static gboolean
tick_cb (gpointer user_data)
{
  refresh (FL_SLA_CHIPS (user_data));
  return G_SOURCE_CONTINUE;
}

/**
 * fl_sla_chips_update:
 * @messages: (element-type FlMessage) (nullable): the whole conversation
 *
 * Shows where @ticket stands against @policy.
 */
void
fl_sla_chips_update (FlSlaChips        *self,
                     const FlSlaPolicy *policy,
                     FlTicket          *ticket,
                     GPtrArray         *messages)
{
  g_return_if_fail (FL_IS_SLA_CHIPS (self));

  g_clear_pointer (&self->policy, fl_sla_policy_free);
  self->policy = policy ? fl_sla_policy_copy (policy) : NULL;
  g_set_object (&self->ticket, ticket);
  if (messages != self->messages)
    {
      g_clear_pointer (&self->messages, g_ptr_array_unref);
      self->messages = messages ? g_ptr_array_ref (messages) : NULL;
    }

  if (self->tick == 0)
    self->tick = g_timeout_add_seconds (60, tick_cb, self);
  refresh (self);
}

void
fl_sla_chips_clear (FlSlaChips *self)
{
  g_return_if_fail (FL_IS_SLA_CHIPS (self));

  g_clear_handle_id (&self->tick, g_source_remove);
  g_clear_object (&self->ticket);
  g_clear_pointer (&self->messages, g_ptr_array_unref);
  for (guint s = 0; s < FL_SLA_N_STAGES; s++)
    set_chip (self->labels[s], NULL, NULL, NULL);
  set_chip (self->backend_label, NULL, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * fl_sla_chips_get_text:
 *
 * Returns: (transfer full): the visible chips' text, one per line; for
 *   tests
 */
char *
fl_sla_chips_get_text (FlSlaChips *self)
{
  GString *text = g_string_new (NULL);

  for (guint s = 0; s <= FL_SLA_N_STAGES; s++)
    {
      GtkLabel *label = s < FL_SLA_N_STAGES ? self->labels[s] : self->backend_label;

      if (gtk_widget_get_visible (GTK_WIDGET (label)))
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", gtk_label_get_text (label));
    }

  return g_string_free (text, FALSE);
}

static void
fl_sla_chips_dispose (GObject *object)
{
  FlSlaChips *self = FL_SLA_CHIPS (object);

  g_clear_handle_id (&self->tick, g_source_remove);
  g_clear_pointer (&self->policy, fl_sla_policy_free);
  g_clear_object (&self->ticket);
  g_clear_pointer (&self->messages, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), FL_TYPE_SLA_CHIPS);

  G_OBJECT_CLASS (fl_sla_chips_parent_class)->dispose (object);
}

static void
fl_sla_chips_class_init (FlSlaChipsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_sla_chips_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-sla-chips.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, FlSlaChips, box);
  gtk_widget_class_bind_template_child_full (widget_class, "first_label", FALSE,
                                             G_STRUCT_OFFSET (FlSlaChips, labels[FL_SLA_FIRST_RESPONSE]));
  gtk_widget_class_bind_template_child_full (widget_class, "next_label", FALSE,
                                             G_STRUCT_OFFSET (FlSlaChips, labels[FL_SLA_NEXT_RESPONSE]));
  gtk_widget_class_bind_template_child_full (widget_class, "resolution_label", FALSE,
                                             G_STRUCT_OFFSET (FlSlaChips, labels[FL_SLA_RESOLUTION]));
  gtk_widget_class_bind_template_child (widget_class, FlSlaChips, backend_label);
}

static void
fl_sla_chips_init (FlSlaChips *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Chips to read, not places for the keyboard to stop. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->box); child; child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_focusable (child, FALSE);
      gtk_widget_set_visible (child, FALSE);
    }
}
