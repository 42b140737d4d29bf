/* fl-test-ui.h: what FlApplication gives windows, for tests without one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "config.h"

/* AdwApplication loads style.css (and style-hc.css with high contrast)
 * and GtkApplication adds the icons from the resource base path; widget
 * tests have no application, so do the same here, once, after
 * adw_init(). */
static inline void
fl_test_ui_init (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display), RESOURCE_PATH "/icons");
  gtk_css_provider_load_from_resource (css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  if (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    {
      g_autoptr(GtkCssProvider) hc = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (hc, RESOURCE_PATH "/style-hc.css");
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (hc),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
}
