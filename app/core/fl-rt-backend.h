/* fl-rt-backend.h: Request Tracker 5 over REST 2.0
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fl-backend.h"
#include "fl-rt-client.h"

G_BEGIN_DECLS

/**
 * FlRtIdentity:
 * @version: the server's RT version
 * @user: the login name the token belongs to
 * @real_name: that user's real name
 * @email: that user's email address
 * @queues: the queues the user can see
 *
 * What "Test connection" shows.
 */
typedef struct
{
  char  *version;
  char  *user;
  char  *real_name;
  char  *email;
  char **queues;
} FlRtIdentity;

void fl_rt_identity_free (FlRtIdentity *identity);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlRtIdentity, fl_rt_identity_free)

#define FL_TYPE_RT_BACKEND (fl_rt_backend_get_type ())

G_DECLARE_FINAL_TYPE (FlRtBackend, fl_rt_backend, FL, RT_BACKEND, GObject)

FlRtBackend  *fl_rt_backend_new             (FlAccount           *account,
                                             const char          *token);
FlRtClient   *fl_rt_backend_get_client      (FlRtBackend         *self);
void          fl_rt_identify_async          (FlRtClient          *client,
                                             const char          *token,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
FlRtIdentity *fl_rt_identify_finish         (FlRtClient          *client,
                                             GAsyncResult        *result,
                                             GError             **error);
FlStatus      fl_rt_status_from_string      (const char          *status);
const char   *fl_rt_status_to_string        (FlStatus             status);
FlPriority    fl_rt_priority_from_number    (gint64               priority);
int           fl_rt_priority_to_number      (FlPriority           priority);
gint64        fl_rt_parse_time              (const char          *iso);
char         *fl_rt_format_time             (gint64               unix_time);
char         *fl_rt_reply_html              (const char          *text,
                                             const char          *marker,
                                             const char * const  *mentions);

G_END_DECLS
