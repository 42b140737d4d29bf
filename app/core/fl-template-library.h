/* fl-template-library.h: language variants, macros, JSON import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fl-enums.h"
#include "fl-types.h"

G_BEGIN_DECLS

/**
 * FlTemplateActions:
 * @status: the new status, or -1 to leave it
 * @priority: the new priority, or -1 to leave it
 * @assignee: (nullable): the new owner's remote id, "me" for the agent
 *   applying it, "" to unassign, %NULL to leave it
 * @note: (nullable): an internal note to add, with placeholders
 *
 * What a macro changes on a ticket besides inserting its text.
 */
typedef struct
{
  int   status;
  int   priority;
  char *assignee;
  char *note;
} FlTemplateActions;

FlTemplateActions *fl_template_actions_parse   (const char         *json);
char              *fl_template_actions_to_json (const FlTemplateActions *actions);
gboolean           fl_template_actions_is_empty (const FlTemplateActions *actions);
void               fl_template_actions_free    (FlTemplateActions  *actions);

FlTemplate *fl_template_library_choose  (GPtrArray           *templates,
                                         const char          *key,
                                         const char          *customer_language,
                                         const char * const  *ui_languages);
GPtrArray  *fl_template_library_resolve (GPtrArray           *templates,
                                         const char          *customer_language,
                                         const char * const  *ui_languages);
GPtrArray  *fl_template_library_search  (GPtrArray           *templates,
                                         const char          *query);
char       *fl_template_library_make_key (const char         *name);
char       *fl_template_library_export  (GPtrArray           *templates);
GPtrArray  *fl_template_library_import  (const char          *json,
                                         gssize               length,
                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlTemplateActions, fl_template_actions_free)

G_END_DECLS
