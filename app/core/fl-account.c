/* fl-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-account"

#include "config.h"

#include "fl-account.h"
#include "fl-util.h"

/**
 * FlAccount:
 *
 * One connected helpdesk: the demo workspace or a server. The API token is never a property: it lives in the keyring only.
 */
struct _FlAccount
{
  GObject parent_instance;

  gint64 id;
  char *kind;
  char *name;
  char *url;
  char *username;
  char *color;
  guint enabled : 1;
  gint64 me_agent_id;
  gint64 last_sync;
};

G_DEFINE_FINAL_TYPE (FlAccount, fl_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_URL,
  PROP_USERNAME,
  PROP_COLOR,
  PROP_ENABLED,
  PROP_ME_AGENT_ID,
  PROP_LAST_SYNC,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
fl_account_finalize (GObject *object)
{
  FlAccount *self = (FlAccount *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (fl_account_parent_class)->finalize (object);
}

static void
fl_account_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FlAccount *self = FL_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_ME_AGENT_ID:
      g_value_set_int64 (value, self->me_agent_id);
      break;

    case PROP_LAST_SYNC:
      g_value_set_int64 (value, self->last_sync);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_account_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FlAccount *self = FL_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      fl_account_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      fl_account_set_kind (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      fl_account_set_name (self, g_value_get_string (value));
      break;

    case PROP_URL:
      fl_account_set_url (self, g_value_get_string (value));
      break;

    case PROP_USERNAME:
      fl_account_set_username (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      fl_account_set_color (self, g_value_get_string (value));
      break;

    case PROP_ENABLED:
      fl_account_set_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_ME_AGENT_ID:
      fl_account_set_me_agent_id (self, g_value_get_int64 (value));
      break;

    case PROP_LAST_SYNC:
      fl_account_set_last_sync (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_account_class_init (FlAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_account_finalize;
  object_class->get_property = fl_account_get_property;
  object_class->set_property = fl_account_set_property;

  /**
   * FlAccount:id:
   *
   * The account's id in the local store.
   */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAccount:kind:
   *
   * The backend kind: "demo" or "rt".
   */
  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAccount:name:
   *
   * The name shown in the sidebar.
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAccount:url:
   *
   * The server URL, or %NULL for the demo workspace.
   */
  properties [PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAccount:username:
   *
   * The user the token authenticates as.
   */
  properties [PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAccount:color:
   *
   * The account colour as a CSS colour, to tell accounts apart.
   */
  properties [PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAccount:enabled:
   *
   * Whether the account syncs.
   */
  properties [PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAccount:me-agent-id:
   *
   * The store id of the agent who uses this app, or 0.
   */
  properties [PROP_ME_AGENT_ID] =
    g_param_spec_int64 ("me-agent-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAccount:last-sync:
   *
   * When the last complete sync finished, or 0.
   */
  properties [PROP_LAST_SYNC] =
    g_param_spec_int64 ("last-sync", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fl_account_init (FlAccount *self)
{
}

/**
 * fl_account_new:
 *
 * Returns: (transfer full): a new, empty #FlAccount
 */
FlAccount *
fl_account_new (void)
{
  return g_object_new (FL_TYPE_ACCOUNT, NULL);
}

gint64
fl_account_get_id (FlAccount *self)
{
  g_return_val_if_fail (FL_IS_ACCOUNT (self), 0);

  return self->id;
}

void
fl_account_set_id (FlAccount *self,
                   gint64 value)
{
  g_return_if_fail (FL_IS_ACCOUNT (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
fl_account_get_kind (FlAccount *self)
{
  g_return_val_if_fail (FL_IS_ACCOUNT (self), NULL);

  return self->kind;
}

void
fl_account_set_kind (FlAccount *self,
                     const char * value)
{
  g_return_if_fail (FL_IS_ACCOUNT (self));

  if (fl_set_str (&self->kind, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

const char *
fl_account_get_name (FlAccount *self)
{
  g_return_val_if_fail (FL_IS_ACCOUNT (self), NULL);

  return self->name;
}

void
fl_account_set_name (FlAccount *self,
                     const char * value)
{
  g_return_if_fail (FL_IS_ACCOUNT (self));

  if (fl_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
fl_account_get_url (FlAccount *self)
{
  g_return_val_if_fail (FL_IS_ACCOUNT (self), NULL);

  return self->url;
}

void
fl_account_set_url (FlAccount *self,
                    const char * value)
{
  g_return_if_fail (FL_IS_ACCOUNT (self));

  if (fl_set_str (&self->url, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_URL]);
}

const char *
fl_account_get_username (FlAccount *self)
{
  g_return_val_if_fail (FL_IS_ACCOUNT (self), NULL);

  return self->username;
}

void
fl_account_set_username (FlAccount *self,
                         const char * value)
{
  g_return_if_fail (FL_IS_ACCOUNT (self));

  if (fl_set_str (&self->username, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USERNAME]);
}

const char *
fl_account_get_color (FlAccount *self)
{
  g_return_val_if_fail (FL_IS_ACCOUNT (self), NULL);

  return self->color;
}

void
fl_account_set_color (FlAccount *self,
                      const char * value)
{
  g_return_if_fail (FL_IS_ACCOUNT (self));

  if (fl_set_str (&self->color, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COLOR]);
}

gboolean
fl_account_get_enabled (FlAccount *self)
{
  g_return_val_if_fail (FL_IS_ACCOUNT (self), FALSE);

  return self->enabled;
}

void
fl_account_set_enabled (FlAccount *self,
                        gboolean value)
{
  g_return_if_fail (FL_IS_ACCOUNT (self));

  value = !!value;

  if (self->enabled == value)
    return;

  self->enabled = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENABLED]);
}

gint64
fl_account_get_me_agent_id (FlAccount *self)
{
  g_return_val_if_fail (FL_IS_ACCOUNT (self), 0);

  return self->me_agent_id;
}

void
fl_account_set_me_agent_id (FlAccount *self,
                            gint64 value)
{
  g_return_if_fail (FL_IS_ACCOUNT (self));

  if (self->me_agent_id == value)
    return;

  self->me_agent_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ME_AGENT_ID]);
}

gint64
fl_account_get_last_sync (FlAccount *self)
{
  g_return_val_if_fail (FL_IS_ACCOUNT (self), 0);

  return self->last_sync;
}

void
fl_account_set_last_sync (FlAccount *self,
                          gint64 value)
{
  g_return_if_fail (FL_IS_ACCOUNT (self));

  if (self->last_sync == value)
    return;

  self->last_sync = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAST_SYNC]);
}

