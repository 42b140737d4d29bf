/* frontline-bench-reference.c: an empty AdwApplicationWindow, for
 * frontline-bench inbox
 *
 * The baseline of first_frame_ratio. frontline-bench launches it exactly
 * as it launches the populated inbox: a child process, timed from the
 * spawn to the first frame presented. It prints one JSON line with the
 * monotonic time (µs, the clock every process shares) of that frame's
 * after-paint, then quits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

static gint64 first_frame_at;

static void
on_after_paint_cb (GdkFrameClock  *clock,
                   GtkApplication *app)
{
  if (first_frame_at != 0)
    return;

  first_frame_at = g_get_monotonic_time ();
  g_application_quit (G_APPLICATION (app));
}

static void
on_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  /* The size the main window opens at by default. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.frontline.BenchReference",
                                                        G_APPLICATION_NON_UNIQUE);
  int status;

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  if (status == 0)
    g_print ("{\"first_frame_at\":%" G_GINT64_FORMAT "}\n", first_frame_at);
  return status;
}
