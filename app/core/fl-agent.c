/* fl-agent.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-agent"

#include "config.h"

#include "fl-agent.h"
#include "fl-util.h"

/**
 * FlAgent:
 *
 * An agent of one account: someone tickets can be assigned to and who can be mentioned.
 */
struct _FlAgent
{
  GObject parent_instance;

  gint64 id;
  gint64 account_id;
  char *remote_id;
  char *username;
  char *name;
  char *email;
};

G_DEFINE_FINAL_TYPE (FlAgent, fl_agent, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_REMOTE_ID,
  PROP_USERNAME,
  PROP_NAME,
  PROP_EMAIL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
fl_agent_finalize (GObject *object)
{
  FlAgent *self = (FlAgent *)object;

  g_clear_pointer (&self->remote_id, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (fl_agent_parent_class)->finalize (object);
}

static void
fl_agent_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  FlAgent *self = FL_AGENT (object);

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

    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_agent_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  FlAgent *self = FL_AGENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      fl_agent_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACCOUNT_ID:
      fl_agent_set_account_id (self, g_value_get_int64 (value));
      break;

    case PROP_REMOTE_ID:
      fl_agent_set_remote_id (self, g_value_get_string (value));
      break;

    case PROP_USERNAME:
      fl_agent_set_username (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      fl_agent_set_name (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      fl_agent_set_email (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_agent_class_init (FlAgentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_agent_finalize;
  object_class->get_property = fl_agent_get_property;
  object_class->set_property = fl_agent_set_property;

  /**
   * FlAgent:id:
   *
   * The agent's id in the local store.
   */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAgent:account-id:
   *
   * The id of the account the agent belongs to.
   */
  properties [PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAgent:remote-id:
   *
   * The agent's id on the helpdesk server.
   */
  properties [PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAgent:username:
   *
   * The login name, used in mentions.
   */
  properties [PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAgent:name:
   *
   * The display name.
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlAgent:email:
   *
   * The email address.
   */
  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fl_agent_init (FlAgent *self)
{
}

/**
 * fl_agent_new:
 *
 * Returns: (transfer full): a new, empty #FlAgent
 */
FlAgent *
fl_agent_new (void)
{
  return g_object_new (FL_TYPE_AGENT, NULL);
}

gint64
fl_agent_get_id (FlAgent *self)
{
  g_return_val_if_fail (FL_IS_AGENT (self), 0);

  return self->id;
}

void
fl_agent_set_id (FlAgent *self,
                 gint64 value)
{
  g_return_if_fail (FL_IS_AGENT (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
fl_agent_get_account_id (FlAgent *self)
{
  g_return_val_if_fail (FL_IS_AGENT (self), 0);

  return self->account_id;
}

void
fl_agent_set_account_id (FlAgent *self,
                         gint64 value)
{
  g_return_if_fail (FL_IS_AGENT (self));

  if (self->account_id == value)
    return;

  self->account_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACCOUNT_ID]);
}

const char *
fl_agent_get_remote_id (FlAgent *self)
{
  g_return_val_if_fail (FL_IS_AGENT (self), NULL);

  return self->remote_id;
}

void
fl_agent_set_remote_id (FlAgent *self,
                        const char * value)
{
  g_return_if_fail (FL_IS_AGENT (self));

  if (fl_set_str (&self->remote_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_ID]);
}

const char *
fl_agent_get_username (FlAgent *self)
{
  g_return_val_if_fail (FL_IS_AGENT (self), NULL);

  return self->username;
}

void
fl_agent_set_username (FlAgent *self,
                       const char * value)
{
  g_return_if_fail (FL_IS_AGENT (self));

  if (fl_set_str (&self->username, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USERNAME]);
}

const char *
fl_agent_get_name (FlAgent *self)
{
  g_return_val_if_fail (FL_IS_AGENT (self), NULL);

  return self->name;
}

void
fl_agent_set_name (FlAgent *self,
                   const char * value)
{
  g_return_if_fail (FL_IS_AGENT (self));

  if (fl_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
fl_agent_get_email (FlAgent *self)
{
  g_return_val_if_fail (FL_IS_AGENT (self), NULL);

  return self->email;
}

void
fl_agent_set_email (FlAgent *self,
                    const char * value)
{
  g_return_if_fail (FL_IS_AGENT (self));

  if (fl_set_str (&self->email, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMAIL]);
}

