/* fl-localised-spin.c
 *
 * GtkSpinButton writes and reads ASCII numbers with the C locale's point.
 * In a Persian UI that is the one place a "2" stands among "۲"s, and an
 * agent who types "۲٫۵" gets an error. These handlers write the value as
 * fl_format_count() or fl_format_decimal() do and read what the agent
 * types through fl_format_parse_number().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-localised-spin"

#include "config.h"

#include <math.h>

#include "fl-format.h"
#include "fl-localised-spin.h"

static gboolean
on_output_cb (GtkSpinButton *spin)
{
  double value = gtk_spin_button_get_value (spin);
  g_autofree char *text = NULL;

  if (gtk_spin_button_get_digits (spin) == 0 && value >= 0 && value <= G_MAXUINT)
    text = fl_format_count ((guint) round (value));
  else
    text = fl_format_decimal (value);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static int
on_input_cb (GtkSpinButton *spin,
             double        *value)
{
  if (!fl_format_parse_number (gtk_editable_get_text (GTK_EDITABLE (spin)), value))
    return GTK_INPUT_ERROR;

  return TRUE;
}

/**
 * fl_localised_spin_attach:
 * @spin: a spin button with 0 or 1 digits and no output of its own
 *
 * Makes @spin show and read numbers in the UI language.
 */
void
fl_localised_spin_attach (GtkSpinButton *spin)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  /* A numeric spin button refuses every character but ASCII digits and
   * signs, Persian digits included. */
  gtk_spin_button_set_numeric (spin, FALSE);
  g_signal_connect (spin, "output", G_CALLBACK (on_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_input_cb), NULL);
  gtk_spin_button_update (spin);
  on_output_cb (spin);
}
