/* fl-rt-client.h: HTTP for Request Tracker's REST 2.0
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FL_TYPE_RT_CLIENT (fl_rt_client_get_type ())

G_DECLARE_FINAL_TYPE (FlRtClient, fl_rt_client, FL, RT_CLIENT, GObject)

FlRtClient *fl_rt_client_new               (const char          *base_url,
                                            const char          *token,
                                            guint                max_in_flight);
const char *fl_rt_client_get_base_url      (FlRtClient          *self);
void        fl_rt_client_set_body_limit    (FlRtClient          *self,
                                            gsize                limit);
void        fl_rt_client_set_timeout       (FlRtClient          *self,
                                            guint                seconds);
guint       fl_rt_client_get_n_requests    (FlRtClient          *self);
void        fl_rt_client_request_async     (FlRtClient          *self,
                                            const char          *method,
                                            const char          *path,
                                            JsonNode            *body,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
void        fl_rt_client_post_files_async  (FlRtClient          *self,
                                            const char          *path,
                                            JsonNode            *json,
                                            const char * const  *files,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
JsonNode   *fl_rt_client_request_finish    (FlRtClient          *self,
                                            GAsyncResult        *result,
                                            guint               *status,
                                            gint64              *retry_after,
                                            GError             **error);
gint64      fl_rt_client_get_response_date (FlRtClient          *self,
                                            GAsyncResult        *result);
char       *fl_rt_escape                   (const char          *value);

G_END_DECLS
