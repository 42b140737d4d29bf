/* fl-customer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-customer"

#include "config.h"

#include "fl-customer.h"
#include "fl-util.h"

/**
 * FlCustomer:
 *
 * A customer of one account. Customers of different accounts are matched by email address or phone number.
 */
struct _FlCustomer
{
  GObject parent_instance;

  gint64 id;
  gint64 account_id;
  char *remote_id;
  char *name;
  char **emails;
  char **phones;
  char *organisation;
  char *language;
  char *timezone;
  gint64 since;

  GHashTable *fields;
};

G_DEFINE_FINAL_TYPE (FlCustomer, fl_customer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_REMOTE_ID,
  PROP_NAME,
  PROP_EMAILS,
  PROP_PHONES,
  PROP_ORGANISATION,
  PROP_LANGUAGE,
  PROP_TIMEZONE,
  PROP_SINCE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
fl_customer_finalize (GObject *object)
{
  FlCustomer *self = (FlCustomer *)object;

  g_clear_pointer (&self->remote_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->emails, g_strfreev);
  g_clear_pointer (&self->phones, g_strfreev);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (fl_customer_parent_class)->finalize (object);
}

static void
fl_customer_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FlCustomer *self = FL_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;

    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMAILS:
      g_value_set_boxed (value, self->emails);
      break;

    case PROP_PHONES:
      g_value_set_boxed (value, self->phones);
      break;

    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;

    case PROP_SINCE:
      g_value_set_int64 (value, self->since);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_customer_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FlCustomer *self = FL_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      fl_customer_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACCOUNT_ID:
      fl_customer_set_account_id (self, g_value_get_int64 (value));
      break;

    case PROP_REMOTE_ID:
      fl_customer_set_remote_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      fl_customer_set_name (self, g_value_get_string (value));
      break;

    case PROP_EMAILS:
      fl_customer_set_emails (self, g_value_get_boxed (value));
      break;

    case PROP_PHONES:
      fl_customer_set_phones (self, g_value_get_boxed (value));
      break;

    case PROP_ORGANISATION:
      fl_customer_set_organisation (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      fl_customer_set_language (self, g_value_get_string (value));
      break;

    case PROP_TIMEZONE:
      fl_customer_set_timezone (self, g_value_get_string (value));
      break;

    case PROP_SINCE:
      fl_customer_set_since (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_customer_class_init (FlCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_customer_finalize;
  object_class->get_property = fl_customer_get_property;
  object_class->set_property = fl_customer_set_property;

  /**
   * FlCustomer:id:
   *
   * The customer's id in the local store.
   */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlCustomer:account-id:
   *
   * The id of the account the customer belongs to.
   */
  properties [PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlCustomer:remote-id:
   *
   * The customer's id on its helpdesk server.
   */
  properties [PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlCustomer:name:
   *
   * The display name.
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlCustomer:emails:
   *
   * The email addresses, the main one first.
   */
  properties [PROP_EMAILS] =
    g_param_spec_boxed ("emails", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlCustomer:phones:
   *
   * The phone numbers.
   */
  properties [PROP_PHONES] =
    g_param_spec_boxed ("phones", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlCustomer:organisation:
   *
   * The organisation, or %NULL.
   */
  properties [PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlCustomer:language:
   *
   * The preferred language as an ISO 639 code, or %NULL.
   */
  properties [PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlCustomer:timezone:
   *
   * The IANA time zone, or %NULL.
   */
  properties [PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlCustomer:since:
   *
   * When the customer first contacted support.
   */
  properties [PROP_SINCE] =
    g_param_spec_int64 ("since", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fl_customer_init (FlCustomer *self)
{
}

/**
 * fl_customer_new:
 *
 * Returns: (transfer full): a new, empty #FlCustomer
 */
FlCustomer *
fl_customer_new (void)
{
  return g_object_new (FL_TYPE_CUSTOMER, NULL);
}

gint64
fl_customer_get_id (FlCustomer *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER (self), 0);

  return self->id;
}

void
fl_customer_set_id (FlCustomer *self,
                    gint64 value)
{
  g_return_if_fail (FL_IS_CUSTOMER (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
fl_customer_get_account_id (FlCustomer *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER (self), 0);

  return self->account_id;
}

void
fl_customer_set_account_id (FlCustomer *self,
                            gint64 value)
{
  g_return_if_fail (FL_IS_CUSTOMER (self));

  if (self->account_id == value)
    return;

  self->account_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACCOUNT_ID]);
}

const char *
fl_customer_get_remote_id (FlCustomer *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER (self), NULL);

  return self->remote_id;
}

void
fl_customer_set_remote_id (FlCustomer *self,
                           const char * value)
{
  g_return_if_fail (FL_IS_CUSTOMER (self));

  if (fl_set_str (&self->remote_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_ID]);
}

const char *
fl_customer_get_name (FlCustomer *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER (self), NULL);

  return self->name;
}

void
fl_customer_set_name (FlCustomer *self,
                      const char * value)
{
  g_return_if_fail (FL_IS_CUSTOMER (self));

  if (fl_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char * const *
fl_customer_get_emails (FlCustomer *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER (self), NULL);

  return (const char * const *) self->emails;
}

void
fl_customer_set_emails (FlCustomer *self,
                        const char * const * value)
{
  g_return_if_fail (FL_IS_CUSTOMER (self));

  if (fl_set_strv (&self->emails, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMAILS]);
}

const char * const *
fl_customer_get_phones (FlCustomer *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER (self), NULL);

  return (const char * const *) self->phones;
}

void
fl_customer_set_phones (FlCustomer *self,
                        const char * const * value)
{
  g_return_if_fail (FL_IS_CUSTOMER (self));

  if (fl_set_strv (&self->phones, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PHONES]);
}

const char *
fl_customer_get_organisation (FlCustomer *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER (self), NULL);

  return self->organisation;
}

void
fl_customer_set_organisation (FlCustomer *self,
                              const char * value)
{
  g_return_if_fail (FL_IS_CUSTOMER (self));

  if (fl_set_str (&self->organisation, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ORGANISATION]);
}

const char *
fl_customer_get_language (FlCustomer *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER (self), NULL);

  return self->language;
}

void
fl_customer_set_language (FlCustomer *self,
                          const char * value)
{
  g_return_if_fail (FL_IS_CUSTOMER (self));

  if (fl_set_str (&self->language, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LANGUAGE]);
}

const char *
fl_customer_get_timezone (FlCustomer *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER (self), NULL);

  return self->timezone;
}

void
fl_customer_set_timezone (FlCustomer *self,
                          const char * value)
{
  g_return_if_fail (FL_IS_CUSTOMER (self));

  if (fl_set_str (&self->timezone, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIMEZONE]);
}

gint64
fl_customer_get_since (FlCustomer *self)
{
  g_return_val_if_fail (FL_IS_CUSTOMER (self), 0);

  return self->since;
}

void
fl_customer_set_since (FlCustomer *self,
                       gint64 value)
{
  g_return_if_fail (FL_IS_CUSTOMER (self));

  if (self->since == value)
    return;

  self->since = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SINCE]);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * fl_customer_get_field:
 * @name: the custom field's name, such as "orders" or "plan"
 *
 * Returns: (nullable): the field's value
 */
const char *
fl_customer_get_field (FlCustomer *self,
                       const char *name)
{
  g_return_val_if_fail (FL_IS_CUSTOMER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return self->fields ? g_hash_table_lookup (self->fields, name) : NULL;
}

void
fl_customer_set_field (FlCustomer *self,
                       const char *name,
                       const char *value)
{
  g_return_if_fail (FL_IS_CUSTOMER (self));
  g_return_if_fail (name != NULL);

  if (self->fields == NULL)
    self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (value == NULL)
    g_hash_table_remove (self->fields, name);
  else
    g_hash_table_insert (self->fields, g_strdup (name), g_strdup (value));
}

/**
 * fl_customer_list_fields:
 *
 * Returns: (transfer full): the names of the custom fields, sorted
 */
char **
fl_customer_list_fields (FlCustomer *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_val_if_fail (FL_IS_CUSTOMER (self), NULL);

  if (self->fields != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->fields);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (names, g_strdup (key));
    }

  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
