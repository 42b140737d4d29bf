/* ui-window-fixture.h: the main window on the demo workspace, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fl-window-private.h"
#include "ui-common.h"

G_BEGIN_DECLS

typedef struct
{
  char      *dir;
  FlContext *context;
  FlWindow  *window;
  int        width;
  int        height;  /* 800 when 0 */
} Fixture;

guint store_count           (Fixture       *f,
                             FlView         view);
gint64 only_ticket_matching (Fixture       *f,
                              const char    *text);
void  open_context          (Fixture       *f);
void  open_window           (Fixture       *f);
void  wait_for_conversation (Fixture       *f,
                             gint64         ticket_id);
char *save_screenshot_path  (Fixture       *f,
                             const char    *name);
void  save_screenshot       (Fixture       *f,
                             const char    *name);
void  fixture_setup         (Fixture       *f,
                             gconstpointer  data);
void  fixture_teardown      (Fixture       *f,
                             gconstpointer  data);

G_END_DECLS
