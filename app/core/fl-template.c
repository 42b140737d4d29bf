/* fl-template.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-template"

#include "config.h"

#include "fl-template.h"
#include "fl-util.h"

/**
 * FlTemplate:
 *
 * One language variant of a canned response. Variants of the same response share a key.
 */
struct _FlTemplate
{
  GObject parent_instance;

  gint64 id;
  gint64 account_id;
  char *key;
  char *folder;
  char *name;
  char *shortcut;
  char *language;
  char *body;
  char *actions;
  guint shared : 1;
};

G_DEFINE_FINAL_TYPE (FlTemplate, fl_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_KEY,
  PROP_FOLDER,
  PROP_NAME,
  PROP_SHORTCUT,
  PROP_LANGUAGE,
  PROP_BODY,
  PROP_SHARED,
  PROP_ACTIONS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
fl_template_finalize (GObject *object)
{
  FlTemplate *self = (FlTemplate *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->shortcut, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->actions, g_free);

  G_OBJECT_CLASS (fl_template_parent_class)->finalize (object);
}

static void
fl_template_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FlTemplate *self = FL_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SHORTCUT:
      g_value_set_string (value, self->shortcut);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_SHARED:
      g_value_set_boolean (value, self->shared);
      break;

    case PROP_ACTIONS:
      g_value_set_string (value, self->actions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_template_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FlTemplate *self = FL_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      fl_template_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACCOUNT_ID:
      fl_template_set_account_id (self, g_value_get_int64 (value));
      break;

    case PROP_KEY:
      fl_template_set_key (self, g_value_get_string (value));
      break;

    case PROP_FOLDER:
      fl_template_set_folder (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      fl_template_set_name (self, g_value_get_string (value));
      break;

    case PROP_SHORTCUT:
      fl_template_set_shortcut (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      fl_template_set_language (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      fl_template_set_body (self, g_value_get_string (value));
      break;

    case PROP_SHARED:
      fl_template_set_shared (self, g_value_get_boolean (value));
      break;

    case PROP_ACTIONS:
      fl_template_set_actions (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_template_class_init (FlTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_template_finalize;
  object_class->get_property = fl_template_get_property;
  object_class->set_property = fl_template_set_property;

  /**
   * FlTemplate:id:
   *
   * The template's id in the local store.
   */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTemplate:account-id:
   *
   * The account it belongs to, or 0 for every account.
   */
  properties [PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTemplate:key:
   *
   * What the language variants of one response share.
   */
  properties [PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTemplate:folder:
   *
   * The folder the template is filed in.
   */
  properties [PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTemplate:name:
   *
   * The name shown in the library.
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTemplate:shortcut:
   *
   * The short word typed after :: to insert it.
   */
  properties [PROP_SHORTCUT] =
    g_param_spec_string ("shortcut", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTemplate:language:
   *
   * The language of this variant as an ISO 639 code.
   */
  properties [PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTemplate:body:
   *
   * The text, with {{placeholders}}.
   */
  properties [PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTemplate:shared:
   *
   * Whether the whole team sees it, or only its author.
   */
  properties [PROP_SHARED] =
    g_param_spec_boolean ("shared", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FlTemplate:actions:
   *
   * What applying the template also changes on the ticket, as a JSON
   * object (see fl_template_actions_parse()), or %NULL for plain text.
   */
  properties [PROP_ACTIONS] =
    g_param_spec_string ("actions", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fl_template_init (FlTemplate *self)
{
}

/**
 * fl_template_new:
 *
 * Returns: (transfer full): a new, empty #FlTemplate
 */
FlTemplate *
fl_template_new (void)
{
  return g_object_new (FL_TYPE_TEMPLATE, NULL);
}

gint64
fl_template_get_id (FlTemplate *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE (self), 0);

  return self->id;
}

void
fl_template_set_id (FlTemplate *self,
                    gint64 value)
{
  g_return_if_fail (FL_IS_TEMPLATE (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
fl_template_get_account_id (FlTemplate *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE (self), 0);

  return self->account_id;
}

void
fl_template_set_account_id (FlTemplate *self,
                            gint64 value)
{
  g_return_if_fail (FL_IS_TEMPLATE (self));

  if (self->account_id == value)
    return;

  self->account_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACCOUNT_ID]);
}

const char *
fl_template_get_key (FlTemplate *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE (self), NULL);

  return self->key;
}

void
fl_template_set_key (FlTemplate *self,
                     const char * value)
{
  g_return_if_fail (FL_IS_TEMPLATE (self));

  if (fl_set_str (&self->key, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KEY]);
}

const char *
fl_template_get_folder (FlTemplate *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE (self), NULL);

  return self->folder;
}

void
fl_template_set_folder (FlTemplate *self,
                        const char * value)
{
  g_return_if_fail (FL_IS_TEMPLATE (self));

  if (fl_set_str (&self->folder, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FOLDER]);
}

const char *
fl_template_get_name (FlTemplate *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE (self), NULL);

  return self->name;
}

void
fl_template_set_name (FlTemplate *self,
                      const char * value)
{
  g_return_if_fail (FL_IS_TEMPLATE (self));

  if (fl_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
fl_template_get_shortcut (FlTemplate *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE (self), NULL);

  return self->shortcut;
}

void
fl_template_set_shortcut (FlTemplate *self,
                          const char * value)
{
  g_return_if_fail (FL_IS_TEMPLATE (self));

  if (fl_set_str (&self->shortcut, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHORTCUT]);
}

const char *
fl_template_get_language (FlTemplate *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE (self), NULL);

  return self->language;
}

void
fl_template_set_language (FlTemplate *self,
                          const char * value)
{
  g_return_if_fail (FL_IS_TEMPLATE (self));

  if (fl_set_str (&self->language, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LANGUAGE]);
}

const char *
fl_template_get_body (FlTemplate *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE (self), NULL);

  return self->body;
}

void
fl_template_set_body (FlTemplate *self,
                      const char * value)
{
  g_return_if_fail (FL_IS_TEMPLATE (self));

  if (fl_set_str (&self->body, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BODY]);
}

gboolean
fl_template_get_shared (FlTemplate *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE (self), FALSE);

  return self->shared;
}

void
fl_template_set_shared (FlTemplate *self,
                        gboolean value)
{
  g_return_if_fail (FL_IS_TEMPLATE (self));

  value = !!value;

  if (self->shared == value)
    return;

  self->shared = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHARED]);
}


const char *
fl_template_get_actions (FlTemplate *self)
{
  g_return_val_if_fail (FL_IS_TEMPLATE (self), NULL);

  return self->actions;
}

void
fl_template_set_actions (FlTemplate *self,
                         const char *value)
{
  g_return_if_fail (FL_IS_TEMPLATE (self));

  if (value != NULL && *value == '\0')
    value = NULL;
  if (fl_set_str (&self->actions, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIONS]);
}
