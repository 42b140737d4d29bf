/* fl-rt-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-rt-client"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "fl-backend.h"
#include "fl-rt-client.h"

#define DEFAULT_BODY_LIMIT (32 * 1024 * 1024)
#define READ_CHUNK         (64 * 1024)

/**
 * FlRtClient:
 *
 * One account's HTTP connection to Request Tracker: a #SoupSession with a
 * timeout, Frontline's own User-Agent (RT treats a "Mozilla" agent or any
 * cookie as a browser and redirects it to a login page), no cookie jar,
 * and at most N connections, so at most N requests are in flight.
 *
 * Every answer is checked: HTTP errors, network and TLS failures, bodies
 * over the size limit and JSON that does not parse become
 * %FL_BACKEND_ERROR codes with a translated message. TLS certificate
 * errors are never accepted. The token only ever goes into the
 * Authorization header; wire logging (FRONTLINE_DEBUG_HTTP=1) redacts it.
 */
struct _FlRtClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *token;
  gsize        body_limit;
  guint        n_requests;
  gboolean     debug;
};

G_DEFINE_FINAL_TYPE (FlRtClient, fl_rt_client, G_TYPE_OBJECT)

typedef struct
{
  SoupMessage *message;
  GInputStream *stream;
  GByteArray  *body;
  guint        status;
  gint64       retry_after;
  gint64       date;          /* the server's Date, Unix time, or 0 */
} Request;

static void
request_free (Request *r)
{
  g_clear_object (&r->message);
  g_clear_object (&r->stream);
  g_clear_pointer (&r->body, g_byte_array_unref);
  g_free (r);
}

static void
fl_rt_client_finalize (GObject *object)
{
  FlRtClient *self = (FlRtClient *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  if (self->token != NULL)
    {
      memset (self->token, 0, strlen (self->token));
      g_clear_pointer (&self->token, g_free);
    }

  G_OBJECT_CLASS (fl_rt_client_parent_class)->finalize (object);
}

static void
fl_rt_client_class_init (FlRtClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fl_rt_client_finalize;
}

static void
fl_rt_client_init (FlRtClient *self)
{
  self->body_limit = DEFAULT_BODY_LIMIT;
  self->debug = g_strcmp0 (g_getenv ("FRONTLINE_DEBUG_HTTP"), "1") == 0;
}

/**
 * fl_rt_client_new:
 * @base_url: the server, e.g. "https://rt.example.com" (the REST path is
 *   added)
 * @token: (nullable): an RT auth token
 * @max_in_flight: connections (and so requests in flight) at most
 *
 * Returns: (transfer full): a client
 */
FlRtClient *
fl_rt_client_new (const char *base_url,
                  const char *token,
                  guint       max_in_flight)
{
  FlRtClient *self = g_object_new (FL_TYPE_RT_CLIENT, NULL);
  g_autofree char *trimmed = g_strdup (base_url);
  gsize len = strlen (trimmed);

  while (len > 0 && trimmed[len - 1] == '/')
    trimmed[--len] = '\0';

  self->base_url = g_steal_pointer (&trimmed);
  self->token = g_strdup (token);
  self->session = soup_session_new_with_options ("user-agent", "Frontline/" PACKAGE_VERSION " (GNOME; +https://github.com/frontline/frontline)",
                                                 "timeout", 60,
                                                 "idle-timeout", 60,
                                                 "max-conns-per-host", MAX (1, max_in_flight),
                                                 "max-conns", MAX (1, max_in_flight),
                                                 NULL);
  return self;
}

const char *
fl_rt_client_get_base_url (FlRtClient *self)
{
  g_return_val_if_fail (FL_IS_RT_CLIENT (self), NULL);

  return self->base_url;
}

/**
 * fl_rt_client_set_body_limit:
 * @limit: the largest answer accepted, in bytes
 */
void
fl_rt_client_set_body_limit (FlRtClient *self,
                             gsize       limit)
{
  g_return_if_fail (FL_IS_RT_CLIENT (self));

  self->body_limit = limit;
}

void
fl_rt_client_set_timeout (FlRtClient *self,
                          guint       seconds)
{
  g_return_if_fail (FL_IS_RT_CLIENT (self));

  soup_session_set_timeout (self->session, seconds);
}

/**
 * fl_rt_client_get_n_requests:
 *
 * Returns: how many requests this client has sent, for the benchmark
 */
guint
fl_rt_client_get_n_requests (FlRtClient *self)
{
  g_return_val_if_fail (FL_IS_RT_CLIENT (self), 0);

  return self->n_requests;
}

/**
 * fl_rt_escape:
 *
 * Returns: (transfer full): @value escaped for a URL query
 */
char *
fl_rt_escape (const char *value)
{
  return g_uri_escape_string (value, NULL, FALSE);
}

/* Retry-After is either seconds or an HTTP date. */
static gint64
parse_retry_after (SoupMessage *message)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                    "Retry-After");
  guint64 seconds;

  if (value == NULL)
    return 0;

  if (g_ascii_string_to_unsigned (value, 10, 0, 24 * 3600, &seconds, NULL))
    return seconds;

  {
    g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    if (when != NULL)
      return CLAMP (g_date_time_difference (when, now) / G_TIME_SPAN_SECOND, 0, 24 * 3600);
  }

  return 0;
}

static GError *
error_from_status (guint status,
                   gint64 retry_after)
{
  switch (status)
    {
    case 401:
      return g_error_new (FL_BACKEND_ERROR, FL_BACKEND_ERROR_NOT_AUTHORIZED,
                          _("The server rejected the token."));
    case 403:
      return g_error_new (FL_BACKEND_ERROR, FL_BACKEND_ERROR_FORBIDDEN,
                          _("Your account is not allowed to do this."));
    case 404:
      return g_error_new (FL_BACKEND_ERROR, FL_BACKEND_ERROR_NOT_FOUND,
                          _("The ticket or record no longer exists on the server."));
    case 409:
    case 412:
      return g_error_new (FL_BACKEND_ERROR, FL_BACKEND_ERROR_CONFLICT,
                          _("Someone else changed this at the same time."));
    case 413:
      return g_error_new (FL_BACKEND_ERROR, FL_BACKEND_ERROR_TOO_LARGE,
                          _("The server refused a request that was too large."));
    case 429:
      return g_error_new (FL_BACKEND_ERROR, FL_BACKEND_ERROR_RATE_LIMITED,
                          _("The server asked to slow down. Frontline will try again shortly."));
    case 503:
      if (retry_after > 0)
        return g_error_new (FL_BACKEND_ERROR, FL_BACKEND_ERROR_RATE_LIMITED,
                            _("The server is busy. Frontline will try again shortly."));
      return g_error_new (FL_BACKEND_ERROR, FL_BACKEND_ERROR_SERVER,
                          _("The server is unavailable. Frontline will try again."));
    default:
      if (status >= 500)
        return g_error_new (FL_BACKEND_ERROR, FL_BACKEND_ERROR_SERVER,
                            _("The server had a problem (HTTP %u). Frontline will try again."), status);
      return g_error_new (FL_BACKEND_ERROR, FL_BACKEND_ERROR_FAILED,
                          _("The server refused the request (HTTP %u)."), status);
    }
}

/* Maps a transport failure from GIO, GLib's resolver or TLS. */
static GError *
error_from_transport (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  g_debug ("Transport error: %s (%s %d)", error->message,
           g_quark_to_string (error->domain), error->code);

  if (error->domain == G_TLS_ERROR)
    return g_error_new (FL_BACKEND_ERROR, FL_BACKEND_ERROR_TLS,
                        _("The server’s certificate is not trusted, so Frontline did not connect."));

  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (FL_BACKEND_ERROR, FL_BACKEND_ERROR_NETWORK,
                        _("The server’s name could not be found. Check the address."));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (FL_BACKEND_ERROR, FL_BACKEND_ERROR_TIMEOUT,
                        _("The server took too long to answer."));

  return g_error_new (FL_BACKEND_ERROR, FL_BACKEND_ERROR_NETWORK,
                      _("The connection to the server failed. Check the network connection."));
}

static void
finish_request (GTask   *task,
                Request *r)
{
  FlRtClient *self = g_task_get_source_object (task);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *content_type;

  r->status = soup_message_get_status (r->message);
  r->retry_after = parse_retry_after (r->message);
  {
    const char *date = soup_message_headers_get_one (soup_message_get_response_headers (r->message), "Date");
    g_autoptr(GDateTime) when = date ? soup_date_time_new_from_http_string (date) : NULL;

    r->date = when ? g_date_time_to_unix (when) : 0;
  }

  if (self->debug)
    g_debug ("← %u %s (%u bytes)", r->status,
             soup_message_get_reason_phrase (r->message), r->body->len);

  if (r->status < 200 || r->status >= 300)
    {
      GError *error = error_from_status (r->status, r->retry_after);

      fl_backend_error_set_retry_after (error, r->retry_after);
      g_task_return_error (task, error);
      return;
    }

  /* 204 and empty answers carry no JSON. */
  if (r->body->len == 0)
    {
      g_task_return_pointer (task, json_node_new (JSON_NODE_NULL), (GDestroyNotify) json_node_unref);
      return;
    }

  content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (r->message), NULL);
  if (content_type != NULL && !g_str_has_suffix (content_type, "json"))
    {
      g_debug ("Unexpected content type %s", content_type);
      g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_INVALID_RESPONSE,
                               _("The server sent an answer Frontline does not understand."));
      return;
    }

  parser = json_parser_new_immutable ();
  if (!g_utf8_validate ((const char *) r->body->data, r->body->len, NULL) ||
      !json_parser_load_from_data (parser, (const char *) r->body->data, r->body->len, &parse_error))
    {
      g_debug ("Malformed JSON: %s", parse_error ? parse_error->message : "invalid UTF-8");
      g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_INVALID_RESPONSE,
                               _("The server sent an answer Frontline does not understand."));
      return;
    }

  g_task_return_pointer (task, json_node_ref (json_parser_get_root (parser)),
                         (GDestroyNotify) json_node_unref);
}

static void read_more (GTask *task);
static void start_request (FlRtClient *self, GTask *task);

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FlRtClient *self = g_task_get_source_object (task);
  Request *r = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);

  if (bytes == NULL)
    {
      g_task_return_error (task, error_from_transport (error));
      return;
    }

  if (g_bytes_get_size (bytes) == 0)
    {
      finish_request (task, r);
      return;
    }

  if (r->body->len + g_bytes_get_size (bytes) > self->body_limit)
    {
      g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_TOO_LARGE,
                               _("The server’s answer was too large."));
      return;
    }

  g_byte_array_append (r->body, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  read_more (g_steal_pointer (&task));
}

static void
read_more (GTask *task)
{
  Request *r = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_input_stream_read_bytes_async (r->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   cancellable, read_cb, task);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FlRtClient *self = g_task_get_source_object (task);
  Request *r = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  goffset length;

  r->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (r->stream == NULL)
    {
      g_task_return_error (task, error_from_transport (error));
      return;
    }

  /* Refuse a body announced as too large before reading any of it. */
  length = soup_message_headers_get_content_length (soup_message_get_response_headers (r->message));
  if (length > 0 && (gsize) length > self->body_limit)
    {
      g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_TOO_LARGE,
                               _("The server’s answer was too large."));
      return;
    }

  read_more (g_steal_pointer (&task));
}

static gboolean
accept_certificate_cb (SoupMessage          *message,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  /* Never: a certificate the system does not trust is refused. */
  g_debug ("Refusing a TLS certificate (flags 0x%x)", errors);
  return FALSE;
}

/**
 * fl_rt_client_request_async:
 * @method: "GET", "POST", "PUT" or "DELETE"
 * @path: the path below /REST/2.0, with an escaped query string
 * @body: (nullable): a JSON body
 *
 * Sends one request. POST and PUT always carry a JSON content type, even
 * with no body, as RT requires.
 */
void
fl_rt_client_request_async (FlRtClient          *self,
                            const char          *method,
                            const char          *path,
                            JsonNode            *body,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  Request *r;

  g_return_if_fail (FL_IS_RT_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_rt_client_request_async);

  url = g_strconcat (self->base_url, "/REST/2.0", path[0] == '/' ? "" : "/", path, NULL);
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, &error);
  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
                      g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_NETWORK,
                               _("The server address is not a valid web address."));
      return;
    }

  r = g_new0 (Request, 1);
  r->message = soup_message_new_from_uri (method, uri);
  r->body = g_byte_array_new ();
  g_task_set_task_data (task, r, (GDestroyNotify) request_free);

  if (body != NULL || g_strcmp0 (method, "POST") == 0 || g_strcmp0 (method, "PUT") == 0)
    {
      g_autofree char *json = body ? json_to_string (body, FALSE) : g_strdup ("");
      gsize len = strlen (json);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&json), len);

      soup_message_set_request_body_from_bytes (r->message, "application/json", bytes);
    }

  if (self->debug)
    g_debug ("→ %s %s (token redacted)", method, path);

  start_request (self, g_steal_pointer (&task));
}

/* Headers, certificate policy and sending, shared by every request. */
static void
start_request (FlRtClient *self,
               GTask      *task)
{
  Request *r = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_request_headers (r->message);
  GCancellable *cancellable = g_task_get_cancellable (task);

  soup_message_headers_replace (headers, "Accept", "application/json");
  if (self->token != NULL)
    {
      g_autofree char *auth = g_strdup_printf ("token %s", self->token);
      soup_message_headers_replace (headers, "Authorization", auth);
    }

  g_signal_connect (r->message, "accept-certificate", G_CALLBACK (accept_certificate_cb), NULL);

  self->n_requests++;
  soup_session_send_async (self->session, r->message, G_PRIORITY_DEFAULT, cancellable,
                           send_cb, task);
}

/**
 * fl_rt_client_post_files_async:
 * @path: the path below /REST/2.0
 * @json: the JSON part
 * @files: paths of files to attach; their names are the files' names
 *
 * POSTs multipart/form-data: a "JSON" part and one "Attachments" part per
 * file, the way RT keeps file names in any script (the JSON route loses
 * names outside Latin-1). Finish with fl_rt_client_request_finish().
 */
void
fl_rt_client_post_files_async (FlRtClient          *self,
                               const char          *path,
                               JsonNode            *json,
                               const char * const  *files,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SoupMultipart) multipart = NULL;
  g_autoptr(GUri) uri = NULL;
  Request *r;

  g_return_if_fail (FL_IS_RT_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fl_rt_client_request_async);

  url = g_strconcat (self->base_url, "/REST/2.0", path[0] == '/' ? "" : "/", path, NULL);
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
                      g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_NETWORK,
                               _("The server address is not a valid web address."));
      return;
    }

  multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  text = json_to_string (json, FALSE);
  soup_multipart_append_form_string (multipart, "JSON", text);

  for (guint i = 0; files && files[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (files[i], FALSE, &error);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *name = g_path_get_basename (files[i]);
      g_autofree char *type = g_content_type_guess (name, NULL, 0, NULL);
      g_autofree char *mime = g_content_type_get_mime_type (type);

      if (mapped == NULL)
        {
          g_debug ("Attachment %s: %s", files[i], error->message);
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                   _("The attachment “%s” cannot be read."), name);
          return;
        }
      bytes = g_mapped_file_get_bytes (mapped);

      /* The file name goes as plain UTF-8 in quotes, as browsers send it:
       * RT's form parser ignores the RFC 5987 filename* form that
       * soup_multipart_append_form_file() uses for non-ASCII names, and
       * would drop the file. Safe names hold no quotes or backslashes. */
      {
        g_autoptr(SoupMessageHeaders) part = soup_message_headers_new (SOUP_MESSAGE_HEADERS_MULTIPART);
        g_autoptr(GString) quoted = g_string_new (NULL);
        g_autofree char *disposition = NULL;

        for (const char *p = name; *p; p++)
          if (*p != '"' && *p != '\\' && *p != '\r' && *p != '\n')
            g_string_append_c (quoted, *p);
        disposition = g_strdup_printf ("form-data; name=\"Attachments\"; filename=\"%s\"", quoted->str);
        soup_message_headers_replace (part, "Content-Disposition", disposition);
        soup_message_headers_replace (part, "Content-Type", mime ? mime : "application/octet-stream");
        soup_multipart_append_part (multipart, part, bytes);
      }
    }

  r = g_new0 (Request, 1);
  r->message = soup_message_new_from_multipart (url, multipart);
  r->body = g_byte_array_new ();
  g_task_set_task_data (task, r, (GDestroyNotify) request_free);

  if (self->debug)
    g_debug ("→ POST %s with %u files (token redacted)", path, files ? g_strv_length ((char **) files) : 0);

  start_request (self, g_steal_pointer (&task));
}

/**
 * fl_rt_client_request_finish:
 * @status: (out) (optional): the HTTP status, or 0 when none arrived
 * @retry_after: (out) (optional): seconds the server asked to wait
 *
 * Returns: (transfer full): the answer's JSON (a null node when the body
 *   was empty), or %NULL with @error set
 */
JsonNode *
fl_rt_client_request_finish (FlRtClient    *self,
                             GAsyncResult  *result,
                             guint         *status,
                             gint64        *retry_after,
                             GError       **error)
{
  Request *r;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  r = g_task_get_task_data (G_TASK (result));
  if (status != NULL)
    *status = r->message ? soup_message_get_status (r->message) : 0;
  if (retry_after != NULL)
    *retry_after = r->retry_after;

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * fl_rt_client_get_response_date:
 * @result: the result of fl_rt_client_request_async()
 *
 * Returns: the server's clock when it answered (its Date header) as Unix
 *   time, or 0 when it sent none
 */
gint64
fl_rt_client_get_response_date (FlRtClient   *self,
                                GAsyncResult *result)
{
  Request *r;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  r = g_task_get_task_data (G_TASK (result));
  return r ? r->date : 0;
}
