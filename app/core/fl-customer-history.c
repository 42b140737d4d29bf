/* fl-customer-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-customer-history"

#include "config.h"

#include "fl-customer-history.h"
#include "fl-text.h"

/**
 * FlCustomerHistory:
 *
 * Everything known about one person: the customer records of every
 * account that share an email address or phone number with them, merged
 * into one profile, and all their tickets on every channel and account,
 * newest first. The customer panel shows it so no one has to ask a
 * customer the same thing twice.
 */
struct _FlCustomerHistory
{
  GObject     parent_instance;

  FlCustomer *customer;
  GArray     *customer_ids;
  GHashTable *account_ids;
  GListStore *tickets;
  guint       n_total;
};

G_DEFINE_FINAL_TYPE (FlCustomerHistory, fl_customer_history, G_TYPE_OBJECT)

static void
fl_customer_history_finalize (GObject *object)
{
  FlCustomerHistory *self = (FlCustomerHistory *)object;

  g_clear_object (&self->customer);
  g_clear_pointer (&self->customer_ids, g_array_unref);
  g_clear_pointer (&self->account_ids, g_hash_table_unref);
  g_clear_object (&self->tickets);

  G_OBJECT_CLASS (fl_customer_history_parent_class)->finalize (object);
}

static void
fl_customer_history_class_init (FlCustomerHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_customer_history_finalize;
}

static void
fl_customer_history_init (FlCustomerHistory *self)
{
  self->customer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->account_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->tickets = g_list_store_new (FL_TYPE_TICKET);
}

static void
note_account (FlCustomerHistory *self,
              gint64             account_id)
{
  if (account_id != 0 && !g_hash_table_contains (self->account_ids, &account_id))
    g_hash_table_add (self->account_ids, g_memdup2 (&account_id, sizeof account_id));
}

/* Adds the addresses of @more to @have that are not there yet, compared
 * by identity (case and spacing of an address or number do not matter). */
static char **
union_identities (const char * const *have,
                  const char * const *more)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *lists[] = { have, more };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] && lists[l][i]; i++)
      {
        char *identity = fl_text_identity (lists[l][i]);

        if (identity == NULL || *identity == '\0' || g_hash_table_contains (seen, identity))
          {
            g_free (identity);
            continue;
          }
        g_hash_table_add (seen, identity);
        g_strv_builder_add (builder, lists[l][i]);
      }

  return g_strv_builder_end (builder);
}

static gboolean
is_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

/**
 * fl_customer_history_new:
 * @customer: the customer of the open ticket
 *
 * Returns: (transfer full): a history whose profile starts as a copy of
 *   @customer; @customer itself is never changed
 */
FlCustomerHistory *
fl_customer_history_new (FlCustomer *customer)
{
  FlCustomerHistory *self;
  g_auto(GStrv) fields = NULL;
  gint64 id;

  g_return_val_if_fail (FL_IS_CUSTOMER (customer), NULL);

  self = g_object_new (FL_TYPE_CUSTOMER_HISTORY, NULL);
  self->customer = g_object_new (FL_TYPE_CUSTOMER,
                                 "id", fl_customer_get_id (customer),
                                 "account-id", fl_customer_get_account_id (customer),
                                 "remote-id", fl_customer_get_remote_id (customer),
                                 "name", fl_customer_get_name (customer),
                                 "emails", fl_customer_get_emails (customer),
                                 "phones", fl_customer_get_phones (customer),
                                 "organisation", fl_customer_get_organisation (customer),
                                 "language", fl_customer_get_language (customer),
                                 "timezone", fl_customer_get_timezone (customer),
                                 "since", fl_customer_get_since (customer),
                                 NULL);
  fields = fl_customer_list_fields (customer);
  for (guint i = 0; fields && fields[i]; i++)
    fl_customer_set_field (self->customer, fields[i], fl_customer_get_field (customer, fields[i]));

  id = fl_customer_get_id (customer);
  g_array_append_val (self->customer_ids, id);
  note_account (self, fl_customer_get_account_id (customer));

  return self;
}

/**
 * fl_customer_history_merge:
 * @other: the same person's record in another account
 *
 * Adds what @other knows and the profile does not: addresses, numbers,
 * custom fields, and organisation, language or time zone where the
 * profile has none. The earliest "customer since" wins.
 */
void
fl_customer_history_merge (FlCustomerHistory *self,
                           FlCustomer        *other)
{
  FlCustomer *c;
  g_auto(GStrv) emails = NULL;
  g_auto(GStrv) phones = NULL;
  g_auto(GStrv) fields = NULL;
  gint64 id;

  g_return_if_fail (FL_IS_CUSTOMER_HISTORY (self));
  g_return_if_fail (FL_IS_CUSTOMER (other));

  id = fl_customer_get_id (other);
  for (guint i = 0; i < self->customer_ids->len; i++)
    if (g_array_index (self->customer_ids, gint64, i) == id)
      return;
  g_array_append_val (self->customer_ids, id);
  note_account (self, fl_customer_get_account_id (other));

  c = self->customer;
  emails = union_identities (fl_customer_get_emails (c), fl_customer_get_emails (other));
  phones = union_identities (fl_customer_get_phones (c), fl_customer_get_phones (other));
  fl_customer_set_emails (c, (const char * const *) emails);
  fl_customer_set_phones (c, (const char * const *) phones);

  if (is_empty (fl_customer_get_name (c)))
    fl_customer_set_name (c, fl_customer_get_name (other));
  if (is_empty (fl_customer_get_organisation (c)))
    fl_customer_set_organisation (c, fl_customer_get_organisation (other));
  if (is_empty (fl_customer_get_language (c)))
    fl_customer_set_language (c, fl_customer_get_language (other));
  if (is_empty (fl_customer_get_timezone (c)))
    fl_customer_set_timezone (c, fl_customer_get_timezone (other));
  if (fl_customer_get_since (other) != 0 &&
      (fl_customer_get_since (c) == 0 || fl_customer_get_since (other) < fl_customer_get_since (c)))
    fl_customer_set_since (c, fl_customer_get_since (other));

  fields = fl_customer_list_fields (other);
  for (guint i = 0; fields && fields[i]; i++)
    if (fl_customer_get_field (c, fields[i]) == NULL)
      fl_customer_set_field (c, fields[i], fl_customer_get_field (other, fields[i]));
}

/**
 * fl_customer_history_set_tickets:
 * @tickets: (element-type FlTicket): the tickets, newest first
 * @n_total: how many there are in all; more than @tickets->len when only
 *   the newest were loaded
 */
void
fl_customer_history_set_tickets (FlCustomerHistory *self,
                                 GPtrArray         *tickets,
                                 guint              n_total)
{
  g_return_if_fail (FL_IS_CUSTOMER_HISTORY (self));
  g_return_if_fail (tickets != NULL);

  g_list_store_splice (self->tickets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->tickets)),
                       tickets->pdata, tickets->len);
  self->n_total = MAX (n_total, tickets->len);
  for (guint i = 0; i < tickets->len; i++)
    note_account (self, fl_ticket_get_account_id (tickets->pdata[i]));
}

/**
 * fl_customer_history_get_customer:
 *
 * Returns: (transfer none): the merged profile
 */
FlCustomer *
fl_customer_history_get_customer (FlCustomerHistory *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER_HISTORY (self), NULL);

  return self->customer;
}

/**
 * fl_customer_history_get_tickets:
 *
 * Returns: (transfer none): a list of #FlTicket, newest first
 */
GListModel *
fl_customer_history_get_tickets (FlCustomerHistory *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER_HISTORY (self), NULL);

  return G_LIST_MODEL (self->tickets);
}

/**
 * fl_customer_history_get_n_tickets:
 *
 * Returns: how many tickets the customer has, in every account
 */
guint
fl_customer_history_get_n_tickets (FlCustomerHistory *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER_HISTORY (self), 0);

  return self->n_total;
}

/**
 * fl_customer_history_get_n_open:
 *
 * Returns: how many of the loaded tickets are still open
 */
guint
fl_customer_history_get_n_open (FlCustomerHistory *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tickets));
  guint n_open = 0;

  g_return_val_if_fail (FL_IS_CUSTOMER_HISTORY (self), 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FlTicket) ticket = g_list_model_get_item (G_LIST_MODEL (self->tickets), i);

      n_open += fl_ticket_is_open (ticket);
    }

  return n_open;
}

/**
 * fl_customer_history_get_n_accounts:
 *
 * Returns: in how many accounts the customer is known
 */
guint
fl_customer_history_get_n_accounts (FlCustomerHistory *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER_HISTORY (self), 0);

  return g_hash_table_size (self->account_ids);
}

/**
 * fl_customer_history_get_first_contact:
 *
 * Returns: when the customer first became known, as Unix time: the
 *   earliest of their "customer since" and their first ticket, or 0
 */
gint64
fl_customer_history_get_first_contact (FlCustomerHistory *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tickets));
  gint64 first;

  g_return_val_if_fail (FL_IS_CUSTOMER_HISTORY (self), 0);

  first = fl_customer_get_since (self->customer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FlTicket) ticket = g_list_model_get_item (G_LIST_MODEL (self->tickets), i);
      gint64 created = fl_ticket_get_created (ticket);

      if (created > 0 && (first <= 0 || created < first))
        first = created;
    }

  return MAX (first, 0);
}

/**
 * fl_customer_history_get_csat:
 * @n_ratings: (out) (optional): how many tickets were rated
 *
 * Returns: the mean satisfaction rating (1 to 5) over the rated tickets,
 *   or 0 when none was rated
 */
double
fl_customer_history_get_csat (FlCustomerHistory *self,
                              guint             *n_ratings)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tickets));
  guint rated = 0;
  guint sum = 0;

  g_return_val_if_fail (FL_IS_CUSTOMER_HISTORY (self), 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FlTicket) ticket = g_list_model_get_item (G_LIST_MODEL (self->tickets), i);
      int csat = fl_ticket_get_csat (ticket);

      if (csat > 0)
        {
          sum += csat;
          rated++;
        }
    }

  if (n_ratings != NULL)
    *n_ratings = rated;

  return rated ? (double) sum / rated : 0;
}

/**
 * fl_customer_history_get_customer_ids:
 * @n_ids: (out): how many
 *
 * Returns: (transfer none) (array length=n_ids): the store ids of every
 *   customer record merged in, the open ticket's customer first
 */
const gint64 *
fl_customer_history_get_customer_ids (FlCustomerHistory *self,
                                      guint             *n_ids)
{
  g_return_val_if_fail (FL_IS_CUSTOMER_HISTORY (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->customer_ids->len;
  return (const gint64 *) (gpointer) self->customer_ids->data;
}
