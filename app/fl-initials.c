/* fl-initials.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-initials"

#include "config.h"

#include "fl-initials.h"
#include "fl-util.h"

/**
 * FlInitials:
 *
 * A small round badge with a person's initials, coloured from their
 * name, for places that show one per row of a long list.
 *
 * It looks like an #AdwAvatar of the same name (it is an `avatar` CSS
 * node with the same `colorN` class), but it is one label in one widget
 * and sets its text without measuring it, so binding a row is cheap.
 * Its size comes from CSS.
 */
struct _FlInitials
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  char      *name;
  guint      color;
};

G_DEFINE_FINAL_TYPE (FlInitials, fl_initials, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* AdwAvatar's palette has 14 colours, picked by the name's hash. */
#define N_COLORS 14

static void
set_color (FlInitials *self,
           guint       color)
{
  char class_name[16];

  if (self->color == color)
    return;

  if (self->color != 0)
    {
      g_snprintf (class_name, sizeof class_name, "color%u", self->color);
      gtk_widget_remove_css_class (GTK_WIDGET (self), class_name);
    }

  self->color = color;

  if (color != 0)
    {
      g_snprintf (class_name, sizeof class_name, "color%u", color);
      gtk_widget_add_css_class (GTK_WIDGET (self), class_name);
    }
}

/**
 * fl_initials_set_name:
 * @name: (nullable): the person's display name
 *
 * Shows the initials of @name; the badge says @name to assistive
 * technologies.
 */
void
fl_initials_set_name (FlInitials *self,
                      const char *name)
{
  g_autofree char *initials = NULL;

  g_return_if_fail (FL_IS_INITIALS (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);

  initials = fl_initials (name);
  gtk_label_set_text (GTK_LABEL (self->label), initials);
  set_color (self, name != NULL && *name != '\0' ? g_str_hash (name) % N_COLORS + 1 : 0);

  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

/**
 * fl_initials_get_name:
 *
 * Returns: (nullable): the name shown
 */
const char *
fl_initials_get_name (FlInitials *self)
{
  g_return_val_if_fail (FL_IS_INITIALS (self), NULL);

  return self->name;
}

static void
fl_initials_dispose (GObject *object)
{
  FlInitials *self = (FlInitials *)object;

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (fl_initials_parent_class)->dispose (object);
}

static void
fl_initials_finalize (GObject *object)
{
  FlInitials *self = (FlInitials *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (fl_initials_parent_class)->finalize (object);
}

static void
fl_initials_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FlInitials *self = FL_INITIALS (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_initials_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FlInitials *self = FL_INITIALS (object);

  switch (prop_id)
    {
    case PROP_NAME:
      fl_initials_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_initials_class_init (FlInitialsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_initials_dispose;
  object_class->finalize = fl_initials_finalize;
  object_class->get_property = fl_initials_get_property;
  object_class->set_property = fl_initials_set_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "avatar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fl_initials_init (FlInitials *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "initials");
  self->label = gtk_label_new (NULL);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
fl_initials_new (void)
{
  return g_object_new (FL_TYPE_INITIALS, NULL);
}
