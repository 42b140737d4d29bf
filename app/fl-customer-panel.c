/* fl-customer-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-customer-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fl-customer-panel.h"
#include "fl-format.h"

/**
 * FlCustomerPanel:
 *
 * The customer history panel beside the conversation: who the customer
 * is, their contact details and custom fields, their local time, how
 * satisfied they have been, and every ticket of theirs on every channel
 * and account, so no one asks them again what they already told another
 * agent. Activating one of those tickets emits #FlCustomerPanel::ticket-activated.
 *
 * Everything shown comes from customers and is set as plain text.
 */
struct _FlCustomerPanel
{
  GtkWidget          parent_instance;

  FlContext         *context;
  FlCustomerHistory *history;
  GCancellable      *cancellable;
  gint64             ticket_id;
  gint64             customer_id;
  GtkLabel          *time_value;
  guint              clock_source;

  GtkStack          *stack;
  AdwAvatar         *avatar;
  GtkLabel          *name_label;
  GtkLabel          *organisation_label;
  GtkLabel          *summary_label;
  GtkListBox        *details_list;
  GtkWidget         *csat_box;
  GtkLabel          *csat_label;
  GtkLabel          *tickets_heading;
  GtkListBox        *tickets_list;
};

G_DEFINE_FINAL_TYPE (FlCustomerPanel, fl_customer_panel, GTK_TYPE_WIDGET)

enum {
  TICKET_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Custom fields many helpdesks share get a translated name; others are
 * shown as the backend names them, made readable. */
static char *
field_title (const char *key)
{
  static const struct { const char *key; const char *title; } known[] = {
    { "plan", N_("Plan") },
    { "orders", N_("Orders") },
    { "order", N_("Order") },
    { "lifetime_value", N_("Lifetime value") },
    { "country", N_("Country") },
    { "city", N_("City") },
    { "vip", N_("VIP") },
    { "account_manager", N_("Account manager") },
  };
  g_autofree char *title = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_ascii_strcasecmp (key, known[i].key) == 0)
      return g_strdup (_(known[i].title));

  title = g_strdelimit (g_strdup (key), "_-.", ' ');
  if (g_ascii_islower (title[0]))
    title[0] = g_ascii_toupper (title[0]);
  return g_steal_pointer (&title);
}

/* A custom field's value as the UI language writes it: a country code
 * becomes the country's name and an amount with its currency becomes
 * money ("52686.94 TRY" → "₺52.686,94" in Turkish). */
static char *
field_value (const char *key,
             const char *value)
{
  char *text = NULL;

  if (g_ascii_strcasecmp (key, "country") == 0 || g_ascii_strcasecmp (key, "region") == 0)
    text = fl_format_region_name (value);
  if (text == NULL)
    text = fl_format_money (value);

  return text ? text : g_strdup (value);
}

static GtkLabel *
add_detail (FlCustomerPanel *self,
            const char      *icon_name,
            const char      *title,
            const char      *value,
            const char      *accessible_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (value);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (box, "customer-detail");

  if (icon_name != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_set_tooltip_text (image, accessible_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
      gtk_widget_add_css_class (image, "dim-label");
      gtk_box_append (GTK_BOX (box), image);
    }
  else
    {
      GtkWidget *key = gtk_label_new (title);

      gtk_label_set_xalign (GTK_LABEL (key), 0);
      gtk_label_set_ellipsize (GTK_LABEL (key), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (key), 14);
      gtk_widget_add_css_class (key, "dim-label");
      gtk_box_append (GTK_BOX (box), key);
    }

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (self->details_list, row);

  return GTK_LABEL (label);
}

static gboolean
update_clock_cb (gpointer user_data)
{
  FlCustomerPanel *self = user_data;
  FlCustomer *customer;
  g_autofree char *time = NULL;

  if (self->history == NULL || self->time_value == NULL)
    return G_SOURCE_CONTINUE;

  customer = fl_customer_history_get_customer (self->history);
  time = fl_format_zone_time (fl_customer_get_timezone (customer), g_get_real_time () / G_USEC_PER_SEC);
  if (time != NULL)
    gtk_label_set_text (self->time_value, time);

  return G_SOURCE_CONTINUE;
}

static GtkWidget *
create_ticket_row (gpointer item,
                   gpointer user_data)
{
  FlCustomerPanel *self = user_data;
  FlTicket *ticket = item;
  FlStatus status = fl_ticket_get_status (ticket);
  FlChannel channel = fl_ticket_get_channel (ticket);
  gboolean current = fl_ticket_get_id (ticket) == self->ticket_id;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (fl_channel_get_icon_name (channel));
  GtkWidget *subject = gtk_label_new (fl_ticket_get_subject (ticket));
  GtkWidget *pill = gtk_label_new (fl_status_get_label (status));
  g_autofree char *date = fl_format_date (fl_ticket_get_created (ticket));
  g_autofree char *pill_class = g_strdup_printf ("status-%s", fl_status_to_string (status));
  g_autofree char *accessible = NULL;
  GtkWidget *date_label = gtk_label_new (date);

  gtk_widget_set_tooltip_text (icon, fl_channel_get_label (channel));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, fl_channel_get_label (channel), -1);
  gtk_box_append (GTK_BOX (top), icon);

  gtk_label_set_use_markup (GTK_LABEL (subject), FALSE);
  gtk_label_set_xalign (GTK_LABEL (subject), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subject), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (subject, TRUE);
  gtk_box_append (GTK_BOX (top), subject);

  gtk_widget_add_css_class (pill, "pill");
  gtk_widget_add_css_class (pill, pill_class);
  gtk_box_append (GTK_BOX (bottom), pill);

  gtk_widget_add_css_class (date_label, "dim-label");
  gtk_widget_add_css_class (date_label, "caption");
  gtk_widget_set_tooltip_text (date_label, NULL);
  gtk_box_append (GTK_BOX (bottom), date_label);

  /* Which helpdesk, when the customer is known to more than one. */
  if (fl_customer_history_get_n_accounts (self->history) > 1 && self->context != NULL)
    {
      FlAccount *account = fl_context_find_account (self->context, fl_ticket_get_account_id (ticket));

      if (account != NULL)
        {
          GtkWidget *name = gtk_label_new (fl_account_get_name (account));

          gtk_label_set_use_markup (GTK_LABEL (name), FALSE);
          gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (name, "dim-label");
          gtk_widget_add_css_class (name, "caption");
          gtk_widget_add_css_class (name, "account-name");
          gtk_box_append (GTK_BOX (bottom), name);
        }
    }

  if (fl_ticket_get_csat (ticket) > 0)
    {
      g_autofree char *stars = NULL;
      g_autofree char *rating = fl_format_count ((guint) fl_ticket_get_csat (ticket));
      GtkWidget *csat;

      /* Translators: a satisfaction rating out of five, e.g. "★ 4" */
      stars = g_strdup_printf (_("★ %s"), rating);
      csat = gtk_label_new (stars);
      gtk_widget_add_css_class (csat, "csat");
      gtk_widget_add_css_class (csat, "caption");
      gtk_widget_set_halign (csat, GTK_ALIGN_END);
      gtk_widget_set_hexpand (csat, TRUE);
      gtk_box_append (GTK_BOX (bottom), csat);
    }

  if (current)
    {
      GtkWidget *here = gtk_label_new (_("This ticket"));

      gtk_widget_add_css_class (here, "caption");
      gtk_widget_add_css_class (here, "accent");
      gtk_widget_set_halign (here, GTK_ALIGN_END);
      gtk_widget_set_hexpand (here, TRUE);
      gtk_box_append (GTK_BOX (bottom), here);
      gtk_widget_add_css_class (row, "current-ticket");
    }

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_widget_add_css_class (box, "customer-ticket");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !current);

  /* Translators: how a screen reader announces a ticket in the customer
   * panel: subject, status, channel and date */
  accessible = g_strdup_printf (_("%s, %s, %s, %s"), fl_ticket_get_subject (ticket),
                                fl_status_get_label (status), fl_channel_get_label (channel), date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  g_object_set_data (G_OBJECT (row), "ticket-id", GSIZE_TO_POINTER ((gsize) fl_ticket_get_id (ticket)));
  g_object_set_data_full (G_OBJECT (row), "ticket", g_object_ref (ticket), g_object_unref);

  return row;
}

static void
on_ticket_row_activated_cb (FlCustomerPanel *self,
                            GtkListBoxRow   *row,
                            GtkListBox      *list)
{
  FlTicket *ticket = g_object_get_data (G_OBJECT (row), "ticket");

  if (ticket != NULL && fl_ticket_get_id (ticket) != self->ticket_id)
    g_signal_emit (self, signals [TICKET_ACTIVATED], 0, fl_ticket_get_id (ticket));
}

static void
clear_details (FlCustomerPanel *self)
{
  GtkWidget *child;

  self->time_value = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_list))))
    gtk_list_box_remove (self->details_list, child);
}

static void
show_history (FlCustomerPanel   *self,
              FlCustomerHistory *history)
{
  FlCustomer *customer = fl_customer_history_get_customer (history);
  const char * const *emails = fl_customer_get_emails (customer);
  const char * const *phones = fl_customer_get_phones (customer);
  const char *name = fl_customer_get_name (customer);
  const char *organisation = fl_customer_get_organisation (customer);
  const char *language = fl_customer_get_language (customer);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 first = fl_customer_history_get_first_contact (history);
  guint n_tickets = fl_customer_history_get_n_tickets (history);
  guint n_ratings = 0;
  double csat = fl_customer_history_get_csat (history, &n_ratings);
  g_autofree char *time = fl_format_zone_time (fl_customer_get_timezone (customer), now);
  g_autofree char *count = fl_format_count (n_tickets);
  g_autofree char *tickets = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) fields = fl_customer_list_fields (customer);

  g_set_object (&self->history, history);

  if (name == NULL || *name == '\0')
    name = emails && emails[0] ? emails[0] : _("Unknown customer");
  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->organisation_label, organisation ? organisation : "");
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_label), organisation && *organisation);

  /* Translators: the number of tickets a customer has, in every account */
  tickets = g_strdup_printf (ngettext ("%s ticket", "%s tickets", n_tickets), count);
  if (first > 0)
    {
      g_autofree char *tenure = fl_format_tenure (first, now);

      /* Translators: "Customer for 2 years · 9 tickets" under the name */
      summary = g_strdup_printf (_("Customer for %s · %s"), tenure, tickets);
    }
  gtk_label_set_text (self->summary_label, summary ? summary : tickets);

  clear_details (self);
  for (guint i = 0; emails && emails[i]; i++)
    add_detail (self, "mail-unread-symbolic", NULL, emails[i], _("Email"));
  for (guint i = 0; phones && phones[i]; i++)
    add_detail (self, "call-start-symbolic", NULL, phones[i], _("Phone"));
  if (language != NULL && *language != '\0')
    {
      g_autofree char *language_name = fl_format_language_name (language);

      add_detail (self, "preferences-desktop-locale-symbolic", NULL,
                  language_name ? language_name : language, _("Language"));
    }
  if (time != NULL)
    self->time_value = add_detail (self, "preferences-system-time-symbolic", NULL, time, _("Local time"));
  for (guint i = 0; fields && fields[i]; i++)
    {
      g_autofree char *title = field_title (fields[i]);
      g_autofree char *value = field_value (fields[i], fl_customer_get_field (customer, fields[i]));

      add_detail (self, NULL, title, value, title);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->details_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->details_list)) != NULL);

  if (n_ratings > 0)
    {
      g_autofree char *localised = fl_format_decimal (csat);
      g_autofree char *n = fl_format_count (n_ratings);
      g_autofree char *text = NULL;

      /* Translators: the mean satisfaction rating out of five and how many
       * ratings it is from, e.g. "★ 4.5 from 4 ratings" */
      text = g_strdup_printf (ngettext ("★ %s from %s rating", "★ %s from %s ratings", n_ratings),
                              localised, n);
      gtk_label_set_text (self->csat_label, text);
    }
  else
    gtk_label_set_text (self->csat_label, _("Not rated yet"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->csat_label), "csat-low");
  if (n_ratings > 0 && csat < 3)
    gtk_widget_add_css_class (GTK_WIDGET (self->csat_label), "csat-low");

  {
    g_autofree char *heading = NULL;

    /* Translators: the heading of the customer's tickets in the panel,
     * with how many there are in every account */
    heading = g_strdup_printf (_("Tickets (%s)"), count);
    gtk_label_set_text (self->tickets_heading, heading);
  }
  gtk_list_box_bind_model (self->tickets_list, fl_customer_history_get_tickets (history),
                           create_ticket_row, self, NULL);

  gtk_stack_set_visible_child_name (self->stack, "customer");

  if (self->clock_source == 0)
    self->clock_source = g_timeout_add_seconds (30, update_clock_cb, self);
}

static void
history_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FlCustomerPanel) self = user_data;
  g_autoptr(FlCustomerHistory) history = NULL;
  g_autoptr(GError) error = NULL;

  history = fl_store_load_customer_history_finish (FL_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (history == NULL)
    {
      g_debug ("No customer history: %s", error->message);
      fl_customer_panel_clear (self);
      return;
    }

  show_history (self, history);
}

/**
 * fl_customer_panel_show:
 * @ticket: the open ticket
 *
 * Loads and shows the history of @ticket's customer. Showing the same
 * ticket again refreshes it without blanking what is shown.
 */
void
fl_customer_panel_show (FlCustomerPanel *self,
                        FlTicket        *ticket)
{
  g_return_if_fail (FL_IS_CUSTOMER_PANEL (self));
  g_return_if_fail (FL_IS_TICKET (ticket));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->context == NULL || fl_ticket_get_customer_id (ticket) == 0)
    {
      fl_customer_panel_clear (self);
      return;
    }

  /* Another customer: do not show the last one's details meanwhile. */
  if (fl_ticket_get_customer_id (ticket) != self->customer_id)
    fl_customer_panel_clear (self);

  self->ticket_id = fl_ticket_get_id (ticket);
  self->customer_id = fl_ticket_get_customer_id (ticket);
  self->cancellable = g_cancellable_new ();
  fl_store_load_customer_history_async (fl_context_get_store (self->context), self->customer_id,
                                        self->cancellable, history_loaded_cb, g_object_ref (self));
}

/**
 * fl_customer_panel_clear:
 *
 * Shows no customer.
 */
void
fl_customer_panel_clear (FlCustomerPanel *self)
{
  g_return_if_fail (FL_IS_CUSTOMER_PANEL (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->clock_source, g_source_remove);
  g_clear_object (&self->history);
  self->ticket_id = 0;
  self->customer_id = 0;
  clear_details (self);
  gtk_list_box_bind_model (self->tickets_list, NULL, NULL, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
fl_customer_panel_set_context (FlCustomerPanel *self,
                               FlContext       *context)
{
  g_return_if_fail (FL_IS_CUSTOMER_PANEL (self));

  fl_customer_panel_clear (self);
  g_set_object (&self->context, context);
}

/**
 * fl_customer_panel_get_history:
 *
 * Returns: (transfer none) (nullable): the history shown
 */
FlCustomerHistory *
fl_customer_panel_get_history (FlCustomerPanel *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER_PANEL (self), NULL);

  return self->history;
}

/**
 * fl_customer_panel_get_tickets_list:
 *
 * Returns: (transfer none): the list of the customer's tickets
 */
GtkListBox *
fl_customer_panel_get_tickets_list (FlCustomerPanel *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER_PANEL (self), NULL);

  return self->tickets_list;
}

static void
fl_customer_panel_dispose (GObject *object)
{
  FlCustomerPanel *self = (FlCustomerPanel *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->clock_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_CUSTOMER_PANEL);

  G_OBJECT_CLASS (fl_customer_panel_parent_class)->dispose (object);
}

static void
fl_customer_panel_finalize (GObject *object)
{
  FlCustomerPanel *self = (FlCustomerPanel *)object;

  g_clear_object (&self->history);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (fl_customer_panel_parent_class)->finalize (object);
}

static void
fl_customer_panel_class_init (FlCustomerPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_customer_panel_dispose;
  object_class->finalize = fl_customer_panel_finalize;

  /**
   * FlCustomerPanel::ticket-activated:
   * @ticket_id: the store id of the ticket to open
   *
   * Emitted when the agent opens another ticket of the customer.
   */
  signals [TICKET_ACTIVATED] =
    g_signal_new ("ticket-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/frontline/Frontline/ui/fl-customer-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, FlCustomerPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, FlCustomerPanel, avatar);
  gtk_widget_class_bind_template_child (widget_class, FlCustomerPanel, name_label);
  gtk_widget_class_bind_template_child (widget_class, FlCustomerPanel, organisation_label);
  gtk_widget_class_bind_template_child (widget_class, FlCustomerPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FlCustomerPanel, details_list);
  gtk_widget_class_bind_template_child (widget_class, FlCustomerPanel, csat_box);
  gtk_widget_class_bind_template_child (widget_class, FlCustomerPanel, csat_label);
  gtk_widget_class_bind_template_child (widget_class, FlCustomerPanel, tickets_heading);
  gtk_widget_class_bind_template_child (widget_class, FlCustomerPanel, tickets_list);
  gtk_widget_class_bind_template_callback (widget_class, on_ticket_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "flcustomerpanel");
}

static void
fl_customer_panel_init (FlCustomerPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
