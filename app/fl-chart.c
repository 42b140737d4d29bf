/* fl-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-chart"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "fl-chart.h"

/**
 * FlChart:
 *
 * A small bar or line chart drawn with #GtkSnapshot: one value per slot,
 * its text above it and its label below, in the theme's accent and
 * foreground colours so it reads in dark mode; with high contrast the
 * grid and the labels are as strong as libadwaita's borders and dimmed
 * text are then. In a right-to-left
 * language the first value is on the right. Texts come formatted by the
 * caller (localised digits); labels that would overlap are thinned out.
 */
struct _FlChart
{
  GtkWidget    parent_instance;

  FlChartKind  kind;
  GArray      *values;
  GStrv        labels;
  GStrv        value_texts;
};

G_DEFINE_FINAL_TYPE (FlChart, fl_chart, GTK_TYPE_WIDGET)

#define SIDE_PAD 8.0
#define GAP 4.0

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color,
              const char *fallback)
{
  GtkStyleContext *style = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (style, name, color))
    gdk_rgba_parse (color, fallback);
}

static PangoLayout *
make_layout (GtkWidget  *widget,
             const char *text,
             int        *width,
             int        *height)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  pango_layout_get_pixel_size (layout, width, height);
  return layout;
}

/* Every how many slots a text fits without touching the next one. */
static guint
text_step (GtkWidget  *widget,
           GStrv       texts,
           double      slot)
{
  int widest = 0;

  for (guint i = 0; texts && texts[i]; i++)
    {
      int w, h;
      g_autoptr(PangoLayout) layout = make_layout (widget, texts[i], &w, &h);

      widest = MAX (widest, w);
    }

  return MAX (1, (guint) ceil ((widest + 2 * GAP) / MAX (slot, 1.0)));
}

static void
draw_text (GtkSnapshot   *snapshot,
           GtkWidget     *widget,
           const char    *text,
           double         center_x,
           double         y,
           double         max_width,
           const GdkRGBA *color)
{
  int w, h;
  g_autoptr(PangoLayout) layout = make_layout (widget, text, &w, &h);

  if (max_width > 0 && w > max_width)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &w, &h);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (center_x - w / 2.0, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
fl_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  FlChart *self = FL_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  guint n = self->values->len;
  GdkRGBA fg, dim, grid, accent, accent_fg;
  gboolean high_contrast;
  double top, bottom, slot, max = 0;
  guint label_step, value_step;
  int text_h;

  if (n == 0 || width <= 2 * SIDE_PAD)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  dim = fg;
  dim.alpha *= high_contrast ? 0.9 : 0.65;
  grid = fg;
  grid.alpha *= high_contrast ? 0.5 : 0.12;
  lookup_color (widget, "accent_bg_color", &accent, "#3584e4");
  lookup_color (widget, "accent_color", &accent_fg, "#1c71d8");

  {
    int w;
    g_autoptr(PangoLayout) layout = make_layout (widget, "0", &w, &text_h);
  }

  top = text_h + GAP;
  bottom = height - text_h - 2 * GAP;
  if (bottom <= top)
    return;
  slot = (width - 2 * SIDE_PAD) / n;

  for (guint i = 0; i < n; i++)
    max = MAX (max, g_array_index (self->values, double, i));
  if (max <= 0)
    max = 1;

  /* Grid: the baseline, the middle and the top. */
  for (guint g = 0; g <= 2; g++)
    {
      double y = bottom - (bottom - top) * g / 2.0;

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (SIDE_PAD, round (y), width - 2 * SIDE_PAD, 1));
    }

  /* Days thin out; categories all show, shortened to their slot. */
  label_step = self->kind == FL_CHART_BARS ? 1 : text_step (widget, self->labels, slot);
  value_step = text_step (widget, self->value_texts, slot);

  if (self->kind == FL_CHART_LINE && n > 1)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      cairo_set_line_width (cr, 2.0);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      gdk_cairo_set_source_rgba (cr, &accent_fg);
      for (guint i = 0; i < n; i++)
        {
          guint j = rtl ? n - 1 - i : i;
          double x = SIDE_PAD + slot * (j + 0.5);
          double y = bottom - (bottom - top) * g_array_index (self->values, double, i) / max;

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      cairo_destroy (cr);
    }

  for (guint i = 0; i < n; i++)
    {
      guint j = rtl ? n - 1 - i : i;
      double x = SIDE_PAD + slot * (j + 0.5);
      double value = g_array_index (self->values, double, i);
      double y = bottom - (bottom - top) * value / max;

      if (self->kind == FL_CHART_BARS)
        {
          double bar = MIN (slot * 0.6, 40.0);

          gtk_snapshot_append_color (snapshot, &accent,
                                     &GRAPHENE_RECT_INIT (x - bar / 2, y, bar, MAX (bottom - y, 1)));
        }
      else
        {
          GskRoundedRect dot;

          gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x - 3.5, y - 3.5, 7, 7), 3.5);
          gtk_snapshot_push_rounded_clip (snapshot, &dot);
          gtk_snapshot_append_color (snapshot, &accent_fg, &dot.bounds);
          gtk_snapshot_pop (snapshot);
        }

      /* Counted from the last slot, so the newest value always shows. */
      if (self->value_texts && self->value_texts[i] && (n - 1 - i) % value_step == 0)
        draw_text (snapshot, widget, self->value_texts[i], x, y - text_h - 2, 0, &fg);
      if (self->labels && self->labels[i] && (n - 1 - i) % label_step == 0)
        draw_text (snapshot, widget, self->labels[i], x, bottom + GAP,
                   self->kind == FL_CHART_BARS ? slot - GAP : 0, &dim);
    }
}

static void
fl_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
    }
  else
    {
      *minimum = 120;
      *natural = 200;
    }
}

static void
fl_chart_finalize (GObject *object)
{
  FlChart *self = FL_CHART (object);

  g_array_unref (self->values);
  g_strfreev (self->labels);
  g_strfreev (self->value_texts);

  G_OBJECT_CLASS (fl_chart_parent_class)->finalize (object);
}

static void
fl_chart_class_init (FlChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fl_chart_finalize;
  widget_class->snapshot = fl_chart_snapshot;
  widget_class->measure = fl_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fl_chart_init (FlChart *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (double));

  /* The colours above follow the theme's; the strengths, the setting. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
fl_chart_new (FlChartKind kind)
{
  FlChart *self = g_object_new (FL_TYPE_CHART, NULL);

  self->kind = kind;
  return GTK_WIDGET (self);
}

/**
 * fl_chart_set_data:
 * @values: (array length=n): the values, 0 or more
 * @labels: (array length=n) (nullable): the label under each value
 * @value_texts: (array length=n) (nullable): each value as shown
 *
 * Replaces what the chart shows.
 */
void
fl_chart_set_data (FlChart            *self,
                   guint               n,
                   const double       *values,
                   const char * const *labels,
                   const char * const *value_texts)
{
  g_return_if_fail (FL_IS_CHART (self));

  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n);
  g_strfreev (self->labels);
  self->labels = labels ? g_strdupv ((char **) labels) : NULL;
  g_strfreev (self->value_texts);
  self->value_texts = value_texts ? g_strdupv ((char **) value_texts) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
fl_chart_get_n (FlChart *self)
{
  g_return_val_if_fail (FL_IS_CHART (self), 0);

  return self->values->len;
}
