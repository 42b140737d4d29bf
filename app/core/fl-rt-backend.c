/* fl-rt-backend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-rt-backend"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fl-attachment.h"
#include "fl-html.h"
#include "fl-rt-backend.h"
#include "fl-text.h"

#define TICKETS_PER_PAGE   50
#define HISTORY_PER_PAGE   100
#define PARTS_PER_PAGE     50
#define MAX_IN_FLIGHT      4
/* Timestamps have one-second resolution and clocks drift: re-read what
 * changed in the last minute before the newest change seen. */
#define OVERLAP_SECONDS    60

/**
 * FlRtBackend:
 *
 * Request Tracker 5 through REST 2.0.
 *
 * A sync reads tickets ordered by LastUpdated, a page per batch, each with
 * its history and message bodies. Its cursor records the time to search
 * from and the tickets already applied at the edge of the overlap window,
 * so an incremental sync with no change costs one request.
 */
struct _FlRtBackend
{
  GObject     parent_instance;

  FlAccount  *account;
  FlRtClient *client;
  char       *token;
  /* User id → display name, for owner changes in histories, which name
   * users by number. Learned once per backend. */
  GHashTable *user_names;
};

static void backend_iface_init (FlBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FlRtBackend, fl_rt_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FL_TYPE_BACKEND, backend_iface_init))

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

/* Defensive JSON access: RT mixes strings and numbers for the same field
 * (collection ids are strings, record ids numbers) and uses null and 0.0
 * for empty totals. */

static JsonObject *
node_object (JsonNode *node)
{
  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *obj,
              const char *name)
{
  JsonNode *node = obj ? json_object_get_member (obj, name) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
member_object (JsonObject *obj,
               const char *name)
{
  return node_object (obj ? json_object_get_member (obj, name) : NULL);
}

/* A string member, or a number printed as one. */
static char *
member_text (JsonObject *obj,
             const char *name)
{
  JsonNode *node = obj ? json_object_get_member (obj, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) json_node_get_double (node));
    default:
      return NULL;
    }
}

static gint64
member_int (JsonObject *obj,
            const char *name)
{
  g_autofree char *text = member_text (obj, name);
  gint64 value = 0;

  if (text != NULL)
    g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL);

  return value;
}

FlStatus
fl_rt_status_from_string (const char *status)
{
  if (g_strcmp0 (status, "new") == 0)
    return FL_STATUS_NEW;
  if (g_strcmp0 (status, "open") == 0)
    return FL_STATUS_OPEN;
  /* Stalled: waiting for someone else, the clock paused. */
  if (g_strcmp0 (status, "stalled") == 0)
    return FL_STATUS_PENDING;
  if (g_strcmp0 (status, "resolved") == 0)
    return FL_STATUS_SOLVED;
  if (g_strcmp0 (status, "rejected") == 0 || g_strcmp0 (status, "deleted") == 0)
    return FL_STATUS_CLOSED;

  /* Custom lifecycles: active statuses count as open. */
  return FL_STATUS_OPEN;
}

const char *
fl_rt_status_to_string (FlStatus status)
{
  switch (status)
    {
    case FL_STATUS_NEW: return "new";
    case FL_STATUS_OPEN: return "open";
    case FL_STATUS_PENDING:
    case FL_STATUS_ON_HOLD: return "stalled";
    case FL_STATUS_SOLVED: return "resolved";
    case FL_STATUS_CLOSED: return "rejected";
    default: return "open";
    }
}

/* RT's default names are Low 0, Medium 50, High 100. */
FlPriority
fl_rt_priority_from_number (gint64 priority)
{
  if (priority < 25)
    return FL_PRIORITY_LOW;
  if (priority < 75)
    return FL_PRIORITY_NORMAL;
  if (priority < 100)
    return FL_PRIORITY_HIGH;
  return FL_PRIORITY_URGENT;
}

int
fl_rt_priority_to_number (FlPriority priority)
{
  switch (priority)
    {
    case FL_PRIORITY_LOW: return 0;
    case FL_PRIORITY_NORMAL: return 50;
    case FL_PRIORITY_HIGH: return 75;
    case FL_PRIORITY_URGENT: return 100;
    default: return 50;
    }
}

/**
 * fl_rt_parse_time:
 * @iso: an RT time such as "2026-11-23T01:07:31Z"
 *
 * Returns: Unix seconds, or 0 for RT's "unset" (the epoch) and for
 *   anything that does not parse
 */
gint64
fl_rt_parse_time (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 t;

  if (iso == NULL || *iso == '\0')
    return 0;

  dt = g_date_time_new_from_iso8601 (iso, utc);
  if (dt == NULL)
    return 0;

  t = g_date_time_to_unix (dt);
  return t <= 0 ? 0 : t;
}

/**
 * fl_rt_format_time:
 *
 * Returns: (transfer full): @unix_time as TicketSQL reads it, in UTC:
 *   "YYYY-MM-DD HH:MM:SS" (ISO 8601 is silently misread by RT)
 */
char *
fl_rt_format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (MAX (unix_time, 0));

  return g_date_time_format (dt, "%Y-%m-%d %H:%M:%S");
}

/* The cursor: "v1|SINCE|PAGE|FULL|ID@UPDATED,ID@UPDATED…" */
typedef struct
{
  gint64      since;
  guint       page;
  gboolean    full;
  GHashTable *seen;   /* ticket id → LastUpdated (unix, as pointer) */
} Cursor;

static void
cursor_clear (Cursor *c)
{
  g_clear_pointer (&c->seen, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cursor, cursor_clear)

static gboolean
cursor_parse (const char  *text,
              Cursor      *c,
              GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint64 since, page;

  c->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->page = 1;
  c->full = TRUE;

  if (text == NULL)
    return TRUE;

  parts = g_strsplit (text, "|", -1);
  if (g_strv_length (parts) != 5 || g_strcmp0 (parts[0], "v1") != 0 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXINT64, &since, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, G_MAXUINT, &page, NULL))
    {
      g_set_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_INVALID_RESPONSE,
                   _("The saved sync position is not valid. Sync again from the start."));
      return FALSE;
    }

  c->since = since;
  c->page = page;
  c->full = g_strcmp0 (parts[3], "full") == 0;

  if (parts[4][0] != '\0')
    {
      g_auto(GStrv) seen = g_strsplit (parts[4], ",", -1);

      for (guint i = 0; seen[i]; i++)
        {
          char *at = strchr (seen[i], '@');
          guint64 updated;

          if (at == NULL || !g_ascii_string_to_unsigned (at + 1, 10, 0, G_MAXINT64, &updated, NULL))
            continue;
          *at = '\0';
          g_hash_table_insert (c->seen, g_strdup (seen[i]), GSIZE_TO_POINTER (updated));
        }
    }

  return TRUE;
}

static char *
cursor_format (gint64      since,
               guint       page,
               gboolean    full,
               GHashTable *seen)
{
  GString *s = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;
  gboolean first = TRUE;

  g_string_append_printf (s, "v1|%" G_GINT64_FORMAT "|%u|%s|", since, page, full ? "full" : "incr");
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_string_append_printf (s, "%s%s@%" G_GSIZE_FORMAT, first ? "" : ",",
                              (char *) key, GPOINTER_TO_SIZE (value));
      first = FALSE;
    }

  return g_string_free (s, FALSE);
}

/* One fetch: a page of tickets with their histories and bodies. */
typedef struct
{
  FlRtBackend  *self;
  Cursor        cursor;
  GCancellable *cancellable;
  GError       *error;
  guint         pending;
  JsonNode     *tickets_root;
  GPtrArray    *tickets;        /* JsonObject of the tickets to apply */
  GHashTable   *histories;      /* ticket id → GPtrArray of JsonObject */
  GHashTable   *parts;          /* transaction id → GPtrArray of JsonObject */
  GPtrArray    *nodes;          /* keeps the JSON alive */
  JsonObject   *me;
  gboolean      last_page;
  gint64        server_date;    /* the ticket page's Date, Unix time */
} Fetch;

static void
fetch_free (Fetch *f)
{
  g_clear_object (&f->self);
  cursor_clear (&f->cursor);
  g_clear_object (&f->cancellable);
  g_clear_error (&f->error);
  g_clear_pointer (&f->tickets_root, json_node_unref);
  g_clear_pointer (&f->tickets, g_ptr_array_unref);
  g_clear_pointer (&f->histories, g_hash_table_unref);
  g_clear_pointer (&f->parts, g_hash_table_unref);
  g_clear_pointer (&f->nodes, g_ptr_array_unref);
  g_free (f);
}

static void fetch_step_done (GTask *task);

/* Records the first failure and stops the rest of the fetch. */
static void
fetch_fail (Fetch  *f,
            GError *error)
{
  if (f->error == NULL)
    {
      f->error = error;
      g_cancellable_cancel (f->cancellable);
    }
  else
    g_error_free (error);
}

typedef struct
{
  GTask *task;
  char  *key;   /* the ticket or transaction id this request is for */
  guint  page;
} Step;

static Step *
step_new (GTask      *task,
          const char *key,
          guint       page)
{
  Step *s = g_new0 (Step, 1);

  s->task = g_object_ref (task);
  s->key = g_strdup (key);
  s->page = page;
  return s;
}

static void
step_free (Step *s)
{
  g_object_unref (s->task);
  g_free (s->key);
  g_free (s);
}

static void request_parts (GTask *task, const char *txn_id, guint page);

static JsonArray *
collection_items (JsonNode *root,
                  GError  **error)
{
  JsonArray *items = member_array (node_object (root), "items");

  if (items == NULL)
    g_set_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_INVALID_RESPONSE,
                 _("The server sent an answer Frontline does not understand."));
  return items;
}

static void
parts_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Step *s = user_data;
  Fetch *f = g_task_get_task_data (s->task);
  GError *error = NULL;
  g_autoptr(JsonNode) root = fl_rt_client_request_finish (FL_RT_CLIENT (object), result,
                                                          NULL, NULL, &error);
  JsonArray *items;

  if (root == NULL || !(items = collection_items (root, &error)))
    fetch_fail (f, error);
  else
    {
      GPtrArray *parts = g_hash_table_lookup (f->parts, s->key);

      g_ptr_array_add (f->nodes, json_node_ref (root));
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *part = node_object (json_array_get_element (items, i));
          if (part != NULL)
            g_ptr_array_add (parts, part);
        }
      if (json_array_get_length (items) >= PARTS_PER_PAGE)
        request_parts (s->task, s->key, s->page + 1);
    }

  fetch_step_done (s->task);
  step_free (s);
}

static void
request_parts (GTask      *task,
               const char *txn_id,
               guint       page)
{
  Fetch *f = g_task_get_task_data (task);
  g_autofree char *path = g_strdup_printf ("/transaction/%s/attachments?per_page=%u&page=%u"
                                           "&fields=ContentType,Filename,Content,ContentLength,Headers",
                                           txn_id, PARTS_PER_PAGE, page);

  if (page == 1)
    g_hash_table_insert (f->parts, g_strdup (txn_id), g_ptr_array_new ());

  f->pending++;
  fl_rt_client_request_async (f->self->client, "GET", path, NULL, f->cancellable,
                              parts_cb, step_new (task, txn_id, page));
}

static void request_history (GTask *task, const char *ticket_id, guint page);

static gboolean
is_message_type (const char *type)
{
  return g_strcmp0 (type, "Create") == 0 ||
         g_strcmp0 (type, "Correspond") == 0 ||
         g_strcmp0 (type, "Comment") == 0;
}

/* Give, Take, Steal, Untake and Set Owner all carry Field "Owner". */
static gboolean
owner_change (JsonObject *txn)
{
  g_autofree char *field = member_text (txn, "Field");

  return g_strcmp0 (field, "Owner") == 0;
}

static void
user_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Step *s = user_data;
  Fetch *f = g_task_get_task_data (s->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = fl_rt_client_request_finish (FL_RT_CLIENT (object), result,
                                                          NULL, NULL, &error);
  JsonObject *user = root ? node_object (root) : NULL;

  /* An unknown name only makes the event say less: not a failed sync. */
  if (user != NULL)
    {
      g_autofree char *name = member_text (user, "Name");
      g_autofree char *real = member_text (user, "RealName");

      if (name != NULL)
        g_hash_table_insert (f->self->user_names, g_strdup (s->key),
                             g_strdup (real && *real ? real : name));
    }
  else
    g_debug ("Could not look up RT user %s: %s", s->key, error ? error->message : "?");

  fetch_step_done (s->task);
  step_free (s);
}

/* Owner changes name users by id: learn the names not known yet. */
static void
request_user (GTask      *task,
              const char *user_id)
{
  Fetch *f = g_task_get_task_data (task);
  g_autofree char *path = NULL;
  guint64 number;

  if (user_id == NULL || !g_ascii_string_to_unsigned (user_id, 10, 1, G_MAXINT64, &number, NULL) ||
      g_hash_table_contains (f->self->user_names, user_id))
    return;

  /* Asked for once: a placeholder until the answer comes. */
  g_hash_table_insert (f->self->user_names, g_strdup (user_id), NULL);
  path = g_strdup_printf ("/user/%s?fields=Name,RealName", user_id);
  f->pending++;
  fl_rt_client_request_async (f->self->client, "GET", path, NULL, f->cancellable,
                              user_cb, step_new (task, user_id, 1));
}

static void
history_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Step *s = user_data;
  Fetch *f = g_task_get_task_data (s->task);
  GError *error = NULL;
  g_autoptr(JsonNode) root = fl_rt_client_request_finish (FL_RT_CLIENT (object), result,
                                                          NULL, NULL, &error);
  JsonArray *items;

  if (root == NULL || !(items = collection_items (root, &error)))
    fetch_fail (f, error);
  else if (f->error == NULL)
    {
      GPtrArray *history = g_hash_table_lookup (f->histories, s->key);

      g_ptr_array_add (f->nodes, json_node_ref (root));
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *txn = node_object (json_array_get_element (items, i));
          g_autofree char *type = member_text (txn, "Type");
          g_autofree char *id = member_text (txn, "id");

          if (txn == NULL || id == NULL)
            continue;
          g_ptr_array_add (history, txn);
          if (is_message_type (type))
            request_parts (s->task, id, 1);
          else if (owner_change (txn))
            {
              g_autofree char *old_value = member_text (txn, "OldValue");
              g_autofree char *new_value = member_text (txn, "NewValue");

              request_user (s->task, old_value);
              request_user (s->task, new_value);
            }
        }

      /* History collections have no total: page until a short page. */
      if (json_array_get_length (items) >= HISTORY_PER_PAGE)
        request_history (s->task, s->key, s->page + 1);
    }

  fetch_step_done (s->task);
  step_free (s);
}

static void
request_history (GTask      *task,
                 const char *ticket_id,
                 guint       page)
{
  Fetch *f = g_task_get_task_data (task);
  g_autofree char *path = g_strdup_printf ("/ticket/%s/history?per_page=%u&page=%u"
                                           "&fields=Type,Creator,Created,Field,OldValue,NewValue"
                                           "&fields%%5BCreator%%5D=Name,RealName,EmailAddress",
                                           ticket_id, HISTORY_PER_PAGE, page);

  if (page == 1)
    g_hash_table_insert (f->histories, g_strdup (ticket_id), g_ptr_array_new ());

  f->pending++;
  fl_rt_client_request_async (f->self->client, "GET", path, NULL, f->cancellable,
                              history_cb, step_new (task, ticket_id, page));
}

static void
me_cb (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  Step *s = user_data;
  Fetch *f = g_task_get_task_data (s->task);
  GError *error = NULL;
  g_autoptr(JsonNode) root = fl_rt_client_request_finish (FL_RT_CLIENT (object), result,
                                                          NULL, NULL, &error);

  if (root == NULL)
    fetch_fail (f, error);
  else if ((f->me = node_object (root)))
    g_ptr_array_add (f->nodes, json_node_ref (root));

  fetch_step_done (s->task);
  step_free (s);
}

/* RT tokens read "VERSION-USERID-SECRET": the user id is not secret. */
static char *
token_user_id (const char *token)
{
  g_auto(GStrv) parts = token ? g_strsplit (token, "-", 3) : NULL;
  guint64 id;

  if (parts == NULL || g_strv_length (parts) != 3 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT64, &id, NULL))
    return NULL;

  return g_strdup (parts[1]);
}

static void
tickets_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *f = g_task_get_task_data (task);
  GError *error = NULL;
  JsonArray *items;

  f->tickets_root = fl_rt_client_request_finish (FL_RT_CLIENT (object), result, NULL, NULL, &error);
  f->server_date = fl_rt_client_get_response_date (FL_RT_CLIENT (object), result);
  if (f->tickets_root == NULL || !(items = collection_items (f->tickets_root, &error)))
    {
      fetch_fail (f, error);
      fetch_step_done (task);
      return;
    }

  f->last_page = json_array_get_length (items) < TICKETS_PER_PAGE;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *ticket = node_object (json_array_get_element (items, i));
      g_autofree char *id = member_text (ticket, "id");
      g_autofree char *updated = member_text (ticket, "LastUpdated");
      gpointer seen;

      if (ticket == NULL || id == NULL)
        continue;

      /* Applied before, and unchanged since: nothing to fetch. */
      if (g_hash_table_lookup_extended (f->cursor.seen, id, NULL, &seen) &&
          GPOINTER_TO_SIZE (seen) == (gsize) fl_rt_parse_time (updated))
        continue;

      g_ptr_array_add (f->tickets, ticket);
      request_history (task, id, 1);
    }

  /* The first page of a full sync also learns who "me" is. */
  if (f->cursor.full && f->cursor.page == 1)
    {
      g_autofree char *user_id = token_user_id (f->self->token);

      if (user_id != NULL)
        {
          g_autofree char *path = g_strdup_printf ("/user/%s", user_id);

          f->pending++;
          fl_rt_client_request_async (f->self->client, "GET", path, NULL, f->cancellable,
                                      me_cb, step_new (task, user_id, 1));
        }
    }

  fetch_step_done (task);
}

static FlChannel
channel_of (JsonObject *ticket,
            GPtrArray  *history,
            GHashTable *parts)
{
  JsonArray *fields = member_array (ticket, "CustomFields");

  for (guint i = 0; fields && i < json_array_get_length (fields); i++)
    {
      JsonObject *cf = node_object (json_array_get_element (fields, i));
      g_autofree char *name = member_text (cf, "name");
      JsonArray *values = member_array (cf, "values");
      FlChannel channel;

      if (g_ascii_strcasecmp (name ? name : "", "Channel") == 0 && values &&
          json_array_get_length (values) > 0)
        {
          g_autofree char *folded = NULL;
          JsonNode *v = json_array_get_element (values, 0);

          if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
            {
              folded = g_ascii_strdown (json_node_get_string (v), -1);
              if (fl_channel_from_string (folded, &channel))
                return channel;
              if (g_strcmp0 (folded, "web form") == 0 || g_strcmp0 (folded, "webform") == 0)
                return FL_CHANNEL_WEB;
            }
        }
    }

  /* No Channel field: a ticket that arrived by mail is email, anything
   * made in the web UI or over REST is a web form. */
  for (guint i = 0; history && i < history->len; i++)
    {
      g_autofree char *type = member_text (history->pdata[i], "Type");
      g_autofree char *id = member_text (history->pdata[i], "id");
      GPtrArray *txn_parts;

      if (g_strcmp0 (type, "Create") != 0)
        continue;
      txn_parts = g_hash_table_lookup (parts, id);
      for (guint j = 0; txn_parts && j < txn_parts->len; j++)
        {
          g_autofree char *headers = member_text (txn_parts->pdata[j], "Headers");

          if (headers && strstr (headers, "X-RT-Interface: Email"))
            return FL_CHANNEL_EMAIL;
          if (headers && (strstr (headers, "X-RT-Interface: Web") || strstr (headers, "X-RT-Interface: REST")))
            return FL_CHANNEL_WEB;
        }
    }

  return FL_CHANNEL_EMAIL;
}

static FlAgent *
agent_from (JsonObject *user)
{
  g_autofree char *name = member_text (user, "Name");
  g_autofree char *real = member_text (user, "RealName");
  g_autofree char *email = member_text (user, "EmailAddress");

  if (name == NULL || g_strcmp0 (name, "Nobody") == 0 || g_strcmp0 (name, "RT_System") == 0)
    return NULL;

  return g_object_new (FL_TYPE_AGENT,
                       "remote-id", name,
                       "username", name,
                       "name", real && *real ? real : name,
                       "email", email && *email ? email : NULL,
                       NULL);
}

static FlCustomer *
customer_from (JsonObject *user)
{
  g_autofree char *name = member_text (user, "Name");
  g_autofree char *real = member_text (user, "RealName");
  g_autofree char *email = member_text (user, "EmailAddress");
  const char *emails[] = { email && *email ? email : NULL, NULL };

  if (name == NULL)
    return NULL;

  return g_object_new (FL_TYPE_CUSTOMER,
                       "remote-id", name,
                       "name", real && *real ? real : (email && *email ? email : name),
                       "emails", emails[0] ? emails : NULL,
                       NULL);
}

/* The message body: the first text part without a file name. */
static void
fill_message (FlMessage  *message,
              GPtrArray  *parts)
{
  g_autofree char *html = NULL;
  gboolean have_text = FALSE;

  for (guint i = 0; parts && i < parts->len; i++)
    {
      JsonObject *part = parts->pdata[i];
      g_autofree char *type = member_text (part, "ContentType");
      g_autofree char *filename = member_text (part, "Filename");
      g_autofree char *content = member_text (part, "Content");
      g_autofree char *id = member_text (part, "id");

      if (filename != NULL && *filename != '\0')
        {
          g_autoptr(FlAttachment) attachment = g_object_new (FL_TYPE_ATTACHMENT,
                                                             "remote-id", id,
                                                             "name", filename,
                                                             "mime-type", type,
                                                             "size", member_int (part, "ContentLength"),
                                                             NULL);
          fl_message_add_attachment (message, attachment);
        }
      else if (!have_text && g_strcmp0 (type, "text/plain") == 0 && content != NULL)
        {
          g_autofree char *valid = fl_text_make_valid (content, -1);
          fl_message_set_text (message, valid);
          have_text = TRUE;
        }
      else if (html == NULL && g_strcmp0 (type, "text/html") == 0 && content != NULL)
        html = fl_text_make_valid (content, -1);
    }

  if (html != NULL)
    {
      fl_message_set_html (message, html);
      if (!have_text)
        {
          /* An HTML-only message: its readable text is what search and
           * snippets see; the row shows the HTML with its links. */
          g_autoptr(FlHtmlText) parsed = fl_html_parse (html, -1);

          fl_message_set_text (message, parsed->text);
        }
    }

  if (fl_message_get_text (message) == NULL)
    fl_message_set_text (message, "");
}

/* The name of the user an owner change names by id: NULL for RT's
 * "Nobody" (unassigned), the id itself when the name could not be had. */
static const char *
owner_name (GHashTable *user_names,
            const char *user_id)
{
  const char *name;

  if (user_id == NULL || *user_id == '\0')
    return NULL;
  name = g_hash_table_lookup (user_names, user_id);
  if (name == NULL)
    return user_id;
  return g_strcmp0 (name, "Nobody") == 0 ? NULL : name;
}

static void
add_history (FlSyncTicket *st,
             JsonObject   *ticket,
             GPtrArray    *history,
             GHashTable   *parts,
             GHashTable   *requestors,
             GHashTable   *user_names)
{
  for (guint i = 0; history && i < history->len; i++)
    {
      JsonObject *txn = history->pdata[i];
      JsonObject *creator = member_object (txn, "Creator");
      g_autofree char *type = member_text (txn, "Type");
      g_autofree char *id = member_text (txn, "id");
      g_autofree char *created = member_text (txn, "Created");
      g_autofree char *creator_name = member_text (creator, "Name");
      g_autofree char *creator_real = member_text (creator, "RealName");
      g_autofree char *creator_email = member_text (creator, "EmailAddress");
      g_autofree char *field_name = member_text (txn, "Field");
      g_autoptr(FlMessage) message = NULL;

      if (is_message_type (type))
        {
          gboolean is_note = g_strcmp0 (type, "Comment") == 0;
          gboolean inbound = !is_note &&
                             (g_strcmp0 (type, "Create") == 0 ||
                              g_hash_table_contains (requestors, creator_name ? creator_name : ""));

          message = g_object_new (FL_TYPE_MESSAGE,
                                  "remote-id", id,
                                  "kind", is_note ? FL_MESSAGE_NOTE : FL_MESSAGE_REPLY,
                                  "direction", inbound ? FL_DIRECTION_INBOUND : FL_DIRECTION_OUTBOUND,
                                  "created", fl_rt_parse_time (created),
                                  NULL);

          /* The ticket's first message speaks for its requestor, even
           * when an agent typed it in. */
          if (g_strcmp0 (type, "Create") == 0 && g_hash_table_size (requestors) > 0)
            {
              GHashTableIter iter;
              gpointer key, value;

              g_hash_table_iter_init (&iter, requestors);
              if (g_hash_table_iter_next (&iter, &key, &value))
                {
                  JsonObject *req = value;
                  g_autofree char *real = member_text (req, "RealName");
                  g_autofree char *email = member_text (req, "EmailAddress");

                  fl_message_set_author (message, real && *real ? real : key);
                  fl_message_set_author_email (message, email);
                }
            }
          else
            {
              fl_message_set_author (message, creator_real && *creator_real ? creator_real : creator_name);
              fl_message_set_author_email (message, creator_email && *creator_email ? creator_email : NULL);
            }

          fill_message (message, g_hash_table_lookup (parts, id));
        }
      else if (g_strcmp0 (type, "Status") == 0)
        {
          g_autofree char *old_value = member_text (txn, "OldValue");
          g_autofree char *new_value = member_text (txn, "NewValue");

          message = g_object_new (FL_TYPE_MESSAGE,
                                  "remote-id", id,
                                  "kind", FL_MESSAGE_EVENT,
                                  "direction", FL_DIRECTION_OUTBOUND,
                                  "created", fl_rt_parse_time (created),
                                  "text", "",
                                  "event-field", "status",
                                  "event-old", fl_status_to_string (fl_rt_status_from_string (old_value)),
                                  "event-new", fl_status_to_string (fl_rt_status_from_string (new_value)),
                                  NULL);
        }

      else if (owner_change (txn))
        {
          g_autofree char *old_value = member_text (txn, "OldValue");
          g_autofree char *new_value = member_text (txn, "NewValue");
          const char *old_name = owner_name (user_names, old_value);
          const char *new_name = owner_name (user_names, new_value);

          message = g_object_new (FL_TYPE_MESSAGE,
                                  "remote-id", id,
                                  "kind", FL_MESSAGE_EVENT,
                                  "direction", FL_DIRECTION_OUTBOUND,
                                  "created", fl_rt_parse_time (created),
                                  "text", "",
                                  "event-field", "assign",
                                  "event-old", old_name,
                                  "event-new", new_name,
                                  NULL);
        }
      else if (g_strcmp0 (type, "Set") == 0 && g_strcmp0 (field_name, "Priority") == 0)
        {
          message = g_object_new (FL_TYPE_MESSAGE,
                                  "remote-id", id,
                                  "kind", FL_MESSAGE_EVENT,
                                  "direction", FL_DIRECTION_OUTBOUND,
                                  "created", fl_rt_parse_time (created),
                                  "text", "",
                                  "event-field", "priority",
                                  "event-old", fl_priority_to_string (fl_rt_priority_from_number (member_int (txn, "OldValue"))),
                                  "event-new", fl_priority_to_string (fl_rt_priority_from_number (member_int (txn, "NewValue"))),
                                  NULL);
        }

      if (message != NULL)
        fl_sync_ticket_add_message (st, message);
    }
}

/* Who made the token's user an AdminCc last, from the history's
 * AddWatcher transactions (NewValue is the user's number): the store
 * tells a follow of one's own from news with it. */
static void
find_me_added_by (FlSyncTicket *st,
                  GPtrArray    *history,
                  const char   *my_user_id)
{
  JsonObject *newest = NULL;
  guint64 newest_id = 0;

  for (guint i = 0; my_user_id && history && i < history->len; i++)
    {
      JsonObject *txn = history->pdata[i];
      g_autofree char *type = member_text (txn, "Type");
      g_autofree char *field = member_text (txn, "Field");
      g_autofree char *new_value = member_text (txn, "NewValue");
      g_autofree char *id = member_text (txn, "id");
      guint64 number = id ? g_ascii_strtoull (id, NULL, 10) : 0;

      if (g_strcmp0 (type, "AddWatcher") == 0 && g_strcmp0 (field, "AdminCc") == 0 &&
          g_strcmp0 (new_value, my_user_id) == 0 && number >= newest_id)
        {
          newest = txn;
          newest_id = number;
        }
    }

  if (newest != NULL)
    {
      JsonObject *creator = member_object (newest, "Creator");
      g_autofree char *name = member_text (creator, "Name");
      g_autofree char *real = member_text (creator, "RealName");

      if (name != NULL)
        fl_sync_ticket_set_me_added_by (st, name, real);
    }
}

static FlSyncBatch *
build_batch (Fetch *f)
{
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(GHashTable) agents = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) customers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 newest = f->cursor.since;
  g_autofree char *cursor = NULL;
  g_autofree char *my_user_id = token_user_id (f->self->token);

  if (f->me != NULL)
    {
      g_autoptr(FlAgent) me = agent_from (f->me);

      if (me != NULL)
        {
          fl_sync_batch_add_agent (batch, me);
          g_hash_table_add (agents, (gpointer) fl_agent_get_remote_id (me));
          fl_sync_batch_set_me (batch, fl_agent_get_remote_id (me));
        }
    }

  for (guint i = 0; i < f->tickets->len; i++)
    {
      JsonObject *obj = f->tickets->pdata[i];
      g_autofree char *id = member_text (obj, "id");
      g_autofree char *subject = member_text (obj, "Subject");
      g_autofree char *status = member_text (obj, "Status");
      g_autofree char *created = member_text (obj, "Created");
      g_autofree char *updated = member_text (obj, "LastUpdated");
      g_autofree char *due = member_text (obj, "Due");
      g_autofree char *queue = member_text (member_object (obj, "Queue"), "Name");
      JsonObject *owner = member_object (obj, "Owner");
      JsonArray *requestor_list = member_array (obj, "Requestor");
      JsonArray *watchers = member_array (obj, "AdminCc");
      GPtrArray *history = g_hash_table_lookup (f->histories, id);
      g_autoptr(GHashTable) requestors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(FlTicket) ticket = NULL;
      g_autoptr(FlAgent) owner_agent = agent_from (owner);
      const char *tags[] = { queue, NULL };
      char *customer_id = NULL;
      FlSyncTicket *st;
      gint64 updated_time = fl_rt_parse_time (updated);

      for (guint r = 0; requestor_list && r < json_array_get_length (requestor_list); r++)
        {
          JsonObject *user = node_object (json_array_get_element (requestor_list, r));
          g_autofree char *name = member_text (user, "Name");
          g_autoptr(FlCustomer) customer = NULL;

          if (name == NULL)
            continue;
          g_hash_table_insert (requestors, g_strdup (name), user);
          if (customer_id == NULL)
            customer_id = (char *) g_intern_string (name);
          if (!g_hash_table_contains (customers, g_intern_string (name)) &&
              (customer = customer_from (user)))
            {
              fl_sync_batch_add_customer (batch, customer);
              g_hash_table_add (customers, (gpointer) g_intern_string (name));
            }
        }

      if (owner_agent != NULL && !g_hash_table_contains (agents, g_intern_string (fl_agent_get_remote_id (owner_agent))))
        {
          fl_sync_batch_add_agent (batch, owner_agent);
          g_hash_table_add (agents, (gpointer) g_intern_string (fl_agent_get_remote_id (owner_agent)));
        }

      ticket = g_object_new (FL_TYPE_TICKET,
                             "remote-id", id,
                             "subject", subject ? subject : "",
                             "status", fl_rt_status_from_string (status),
                             "priority", fl_rt_priority_from_number (member_int (obj, "Priority")),
                             "channel", channel_of (obj, history, f->parts),
                             "created", fl_rt_parse_time (created),
                             "updated", updated_time,
                             "due-resolution", fl_rt_parse_time (due),
                             "tags", queue ? tags : NULL,
                             NULL);

      st = fl_sync_batch_add_ticket (batch, ticket, customer_id,
                                     owner_agent ? fl_agent_get_remote_id (owner_agent) : NULL);

      for (guint w = 0; watchers && w < json_array_get_length (watchers); w++)
        {
          JsonObject *user = node_object (json_array_get_element (watchers, w));
          g_autoptr(FlAgent) watcher = agent_from (user);

          if (watcher == NULL)
            continue;
          if (!g_hash_table_contains (agents, g_intern_string (fl_agent_get_remote_id (watcher))))
            {
              fl_sync_batch_add_agent (batch, watcher);
              g_hash_table_add (agents, (gpointer) g_intern_string (fl_agent_get_remote_id (watcher)));
            }
          fl_sync_ticket_add_follower (st, fl_agent_get_remote_id (watcher));
        }

      add_history (st, obj, history, f->parts, requestors, f->self->user_names);
      find_me_added_by (st, history, my_user_id);

      newest = MAX (newest, updated_time);
    }

  /* Everything in this page, changed or not, is now applied. */
  {
    JsonArray *items = member_array (node_object (f->tickets_root), "items");

    for (guint i = 0; items && i < json_array_get_length (items); i++)
      {
        JsonObject *obj = node_object (json_array_get_element (items, i));
        g_autofree char *updated = member_text (obj, "LastUpdated");

        newest = MAX (newest, fl_rt_parse_time (updated));
      }
  }

  if (f->last_page)
    {
      /* Done: the next sync searches from shortly before the newest
       * change, skipping the tickets already applied at that edge. */
      gint64 since = MAX (newest - OVERLAP_SECONDS, 0);
      JsonArray *items = member_array (node_object (f->tickets_root), "items");
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, f->cursor.seen);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if ((gint64) GPOINTER_TO_SIZE (value) >= since)
          g_hash_table_insert (seen, g_strdup (key), value);

      for (guint i = 0; items && i < json_array_get_length (items); i++)
        {
          JsonObject *obj = node_object (json_array_get_element (items, i));
          g_autofree char *id = member_text (obj, "id");
          g_autofree char *updated = member_text (obj, "LastUpdated");
          gint64 t = fl_rt_parse_time (updated);

          /* LastUpdated has one-second resolution: a ticket changed in
           * the last seconds before the server answered may change again
           * within the same second, so it is read again next time. */
          if (id != NULL && t >= since && (f->server_date == 0 || t < f->server_date - 1))
            g_hash_table_insert (seen, g_steal_pointer (&id), GSIZE_TO_POINTER (t));
        }

      /* A full sync that ended found everything up to now. */
      cursor = cursor_format (f->cursor.full ? since : MAX (since, f->cursor.since), 1, FALSE, seen);
      fl_sync_batch_set_complete (batch, TRUE);
    }
  else
    cursor = cursor_format (f->cursor.since, f->cursor.page + 1, f->cursor.full, f->cursor.seen);

  fl_sync_batch_set_cursor (batch, cursor);
  return g_steal_pointer (&batch);
}

static void
fetch_step_done (GTask *task)
{
  Fetch *f = g_task_get_task_data (task);

  if (--f->pending > 0)
    return;

  if (f->error != NULL)
    {
      GError *error = g_steal_pointer (&f->error);

      /* Our own stop after a failure is not a cancellation. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
        g_clear_error (&error);
      if (error != NULL)
        g_task_return_error (task, error);
      else
        g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_FAILED,
                                 _("Something went wrong. Try again later."));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, build_batch (f), (GDestroyNotify) fl_sync_batch_unref);
}

static void
on_cancelled_cb (GCancellable *outer,
                 GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

static void
fl_rt_backend_fetch_async (FlBackend           *backend,
                           const char          *cursor,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  FlRtBackend *self = FL_RT_BACKEND (backend);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *since = NULL;
  g_autofree char *query = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  Fetch *f;

  g_task_set_source_tag (task, fl_rt_backend_fetch_async);

  f = g_new0 (Fetch, 1);
  f->self = g_object_ref (self);
  f->cancellable = g_cancellable_new ();
  f->tickets = g_ptr_array_new ();
  f->histories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  f->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  f->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_task_set_task_data (task, f, (GDestroyNotify) fetch_free);

  if (!cursor_parse (cursor, &f->cursor, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (cancellable != NULL)
    g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled_cb),
                           g_object_ref (f->cancellable), g_object_unref);

  /* TicketSQL reads dates in the server's zone as "YYYY-MM-DD HH:MM:SS";
   * the test servers and most installations run in UTC. */
  since = fl_rt_format_time (f->cursor.since);
  query = g_strdup_printf ("LastUpdated >= '%s'", since);
  escaped = fl_rt_escape (query);
  path = g_strdup_printf ("/tickets?query=%s&orderby=LastUpdated&order=ASC&orderby=id&order=ASC"
                          "&per_page=%u&page=%u"
                          "&fields=Subject,Status,Priority,Owner,Requestor,AdminCc,Queue,Created,"
                          "LastUpdated,Due,CustomFields"
                          "&fields%%5BOwner%%5D=Name,RealName,EmailAddress"
                          "&fields%%5BRequestor%%5D=Name,RealName,EmailAddress"
                          "&fields%%5BAdminCc%%5D=Name,RealName,EmailAddress"
                          "&fields%%5BQueue%%5D=Name",
                          escaped, TICKETS_PER_PAGE, f->cursor.page);

  f->pending = 1;
  fl_rt_client_request_async (self->client, "GET", path, NULL, f->cancellable,
                              tickets_cb, g_steal_pointer (&task));
}

static FlSyncBatch *
fl_rt_backend_fetch_finish (FlBackend     *backend,
                            GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static FlBackendCapabilities
fl_rt_backend_get_capabilities (FlBackend *backend)
{
  return FL_BACKEND_CAP_WATCHERS | FL_BACKEND_CAP_SLA_FIELDS | FL_BACKEND_CAP_ATTACHMENTS;
}

static void fl_rt_backend_send_async (FlBackend *backend, FlOutboxItem *item, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
static gboolean fl_rt_backend_send_finish (FlBackend *backend, GAsyncResult *result, GError **error);

static void
attachment_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = fl_rt_client_request_finish (FL_RT_CLIENT (object), result,
                                                          NULL, NULL, &error);
  JsonNode *content;
  guchar *data;
  gsize len;

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* GET /attachment/{id} answers the part with its content in base64,
   * whatever its type. */
  content = JSON_NODE_HOLDS_OBJECT (root)
    ? json_object_get_member (json_node_get_object (root), "Content") : NULL;
  if (content == NULL || !JSON_NODE_HOLDS_VALUE (content) ||
      json_node_get_value_type (content) != G_TYPE_STRING)
    {
      g_debug ("An attachment without Content");
      g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_INVALID_RESPONSE,
                               _("The server sent an answer Frontline does not understand."));
      return;
    }

  data = g_base64_decode (json_node_get_string (content), &len);
  g_task_return_pointer (task, g_bytes_new_take (data, len), (GDestroyNotify) g_bytes_unref);
}

static void
fl_rt_backend_download_attachment_async (FlBackend           *backend,
                                         FlAttachment        *attachment,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  FlRtBackend *self = FL_RT_BACKEND (backend);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  const char *id = fl_attachment_get_remote_id (attachment);
  g_autofree char *path = NULL;
  guint64 number;

  g_task_set_source_tag (task, fl_rt_backend_download_attachment_async);

  /* RT's attachment ids are numbers; anything else never reaches a URL. */
  if (id == NULL || !g_ascii_string_to_unsigned (id, 10, 1, G_MAXINT64, &number, NULL))
    {
      g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_NOT_FOUND,
                               _("The ticket or record no longer exists on the server."));
      return;
    }

  path = g_strdup_printf ("/attachment/%" G_GUINT64_FORMAT, number);
  fl_rt_client_request_async (self->client, "GET", path, NULL, cancellable,
                              attachment_cb, g_steal_pointer (&task));
}

static GBytes *
fl_rt_backend_download_attachment_finish (FlBackend     *backend,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gint64
fl_rt_backend_get_max_attachment_size (FlBackend *backend)
{
  /* RT's $MaxAttachmentSize, which REST 2.0 does not tell. */
  return FL_BACKEND_DEFAULT_MAX_UPLOAD_BYTES;
}

static void
backend_iface_init (FlBackendInterface *iface)
{
  iface->get_capabilities = fl_rt_backend_get_capabilities;
  iface->fetch_async = fl_rt_backend_fetch_async;
  iface->fetch_finish = fl_rt_backend_fetch_finish;
  iface->send_async = fl_rt_backend_send_async;
  iface->send_finish = fl_rt_backend_send_finish;
  iface->download_attachment_async = fl_rt_backend_download_attachment_async;
  iface->download_attachment_finish = fl_rt_backend_download_attachment_finish;
  iface->get_max_attachment_size = fl_rt_backend_get_max_attachment_size;
}

static void
fl_rt_backend_finalize (GObject *object)
{
  FlRtBackend *self = (FlRtBackend *)object;

  g_clear_object (&self->account);
  g_clear_object (&self->client);
  g_clear_pointer (&self->user_names, g_hash_table_unref);
  if (self->token != NULL)
    {
      memset (self->token, 0, strlen (self->token));
      g_clear_pointer (&self->token, g_free);
    }

  G_OBJECT_CLASS (fl_rt_backend_parent_class)->finalize (object);
}

static void
fl_rt_backend_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FlRtBackend *self = FL_RT_BACKEND (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_rt_backend_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FlRtBackend *self = FL_RT_BACKEND (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_rt_backend_class_init (FlRtBackendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_rt_backend_finalize;
  object_class->get_property = fl_rt_backend_get_property;
  object_class->set_property = fl_rt_backend_set_property;

  g_object_class_override_property (object_class, PROP_ACCOUNT, "account");
}

static void
fl_rt_backend_init (FlRtBackend *self)
{
  self->user_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * fl_rt_backend_new:
 * @account: an account of kind "rt" with its server URL
 * @token: the token from the keyring; the backend keeps it in memory only
 *
 * Returns: (transfer full): the backend
 */
FlRtBackend *
fl_rt_backend_new (FlAccount  *account,
                   const char *token)
{
  FlRtBackend *self;

  g_return_val_if_fail (FL_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (fl_account_get_url (account) != NULL, NULL);

  self = g_object_new (FL_TYPE_RT_BACKEND, "account", account, NULL);
  self->token = g_strdup (token);
  self->client = fl_rt_client_new (fl_account_get_url (account), token, MAX_IN_FLIGHT);
  return self;
}

/**
 * fl_rt_backend_get_client:
 *
 * Returns: (transfer none): the HTTP client
 */
FlRtClient *
fl_rt_backend_get_client (FlRtBackend *self)
{
  g_return_val_if_fail (FL_IS_RT_BACKEND (self), NULL);

  return self->client;
}

void
fl_rt_identity_free (FlRtIdentity *identity)
{
  if (identity == NULL)
    return;

  g_free (identity->version);
  g_free (identity->user);
  g_free (identity->real_name);
  g_free (identity->email);
  g_strfreev (identity->queues);
  g_free (identity);
}

typedef struct
{
  FlRtIdentity *identity;
  char         *user_id;
  guint         step;
} Identify;

static void
identify_free (Identify *id)
{
  fl_rt_identity_free (id->identity);
  g_free (id->user_id);
  g_free (id);
}

static void identify_next (GTask *task);

static void
identify_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Identify *id = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(JsonNode) root = fl_rt_client_request_finish (FL_RT_CLIENT (object), result,
                                                          NULL, NULL, &error);
  JsonObject *obj = node_object (root);

  if (root == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (id->step)
    {
    case 0:
      id->identity->version = member_text (obj, "Version");
      if (id->identity->version == NULL)
        {
          g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_INVALID_RESPONSE,
                                   _("This server does not look like Request Tracker 5."));
          return;
        }
      break;

    case 1:
      id->identity->user = member_text (obj, "Name");
      id->identity->real_name = member_text (obj, "RealName");
      id->identity->email = member_text (obj, "EmailAddress");
      if (id->identity->user == NULL)
        {
          g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_INVALID_RESPONSE,
                                   _("The server did not say whose token this is."));
          return;
        }
      break;

    case 2:
      {
        JsonArray *items = member_array (obj, "items");
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

        for (guint i = 0; items && i < json_array_get_length (items); i++)
          {
            g_autofree char *name = member_text (node_object (json_array_get_element (items, i)), "Name");
            if (name != NULL)
              g_strv_builder_add (builder, name);
          }
        id->identity->queues = g_strv_builder_end (builder);
      }
      g_task_return_pointer (task, g_steal_pointer (&id->identity), (GDestroyNotify) fl_rt_identity_free);
      return;

    default:
      g_assert_not_reached ();
    }

  id->step++;
  identify_next (g_steal_pointer (&task));
}

static void
identify_next (GTask *task)
{
  Identify *id = g_task_get_task_data (task);
  FlRtClient *client = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *user_path = NULL;
  const char *path;

  switch (id->step)
    {
    case 0: path = "/rt"; break;
    case 1: path = user_path = g_strdup_printf ("/user/%s", id->user_id); break;
    default: path = "/queues/all?fields=Name&per_page=100"; break;
    }

  fl_rt_client_request_async (client, "GET", path, NULL, cancellable, identify_cb, task);
}

/**
 * fl_rt_identify_async:
 * @client: a client for the server, with the token
 * @token: the token, to learn which user it belongs to
 *
 * "Test connection": checks that the server is Request Tracker, that the
 * token works, and finds its user and visible queues.
 */
void
fl_rt_identify_async (FlRtClient          *client,
                      const char          *token,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);
  Identify *id;

  g_task_set_source_tag (task, fl_rt_identify_async);
  id = g_new0 (Identify, 1);
  id->identity = g_new0 (FlRtIdentity, 1);
  id->user_id = token_user_id (token);
  g_task_set_task_data (task, id, (GDestroyNotify) identify_free);

  if (id->user_id == NULL)
    {
      g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_NOT_AUTHORIZED,
                               _("This is not a Request Tracker token. Create one under Logged in as → Settings → Auth Tokens."));
      return;
    }

  identify_next (g_steal_pointer (&task));
}

/**
 * fl_rt_identify_finish:
 *
 * Returns: (transfer full): who the token belongs to
 */
FlRtIdentity *
fl_rt_identify_finish (FlRtClient    *client,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Sending */

/**
 * fl_rt_reply_html:
 * @text: what the agent wrote
 * @marker: the outbox item's marker
 * @mentions: (nullable): the user names of the agents a note mentions
 *
 * Turns a plain-text reply into HTML: escaped, one paragraph per blank
 * line, dir="rtl" when the text starts right to left, and the marker in a
 * comment that no reader sees but that finds the reply again. A note's
 * mentions stay readable as "@name" in the text and are listed in a
 * second comment that clients parse (see fl_text_find_mention_marker()).
 *
 * Returns: (transfer full): the HTML body
 */
char *
fl_rt_reply_html (const char         *text,
                  const char         *marker,
                  const char * const *mentions)
{
  g_autofree char *valid = fl_text_make_valid (text, -1);
  g_auto(GStrv) paragraphs = g_strsplit (valid, "\n\n", -1);
  GString *html = g_string_new (NULL);
  gboolean rtl = FALSE;

  /* The first strong character sets the direction. */
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF))
        {
          rtl = TRUE;
          break;
        }
      if (g_unichar_isalpha (c))
        break;
    }

  g_string_append_printf (html, "<div dir=\"%s\">", rtl ? "rtl" : "ltr");
  for (guint i = 0; paragraphs[i]; i++)
    {
      g_auto(GStrv) lines = g_strsplit (g_strstrip (paragraphs[i]), "\n", -1);

      if (*paragraphs[i] == '\0')
        continue;
      g_string_append (html, "<p>");
      for (guint j = 0; lines[j]; j++)
        {
          g_autofree char *escaped = g_markup_escape_text (lines[j], -1);
          g_string_append_printf (html, "%s%s", j ? "<br>" : "", escaped);
        }
      g_string_append (html, "</p>");
    }
  g_string_append_printf (html, "</div><!-- frontline:%s -->", marker);
  if (mentions != NULL && mentions[0] != NULL)
    {
      g_string_append (html, "<!-- frontline-mentions:");
      for (guint i = 0; mentions[i]; i++)
        {
          /* A name that could end the comment is left out of it. */
          if (strstr (mentions[i], "--") || strchr (mentions[i], '>') || strchr (mentions[i], ','))
            continue;
          g_string_append_printf (html, "%s%s", i ? "," : "", mentions[i]);
        }
      g_string_append (html, " -->");
    }

  return g_string_free (html, FALSE);
}

typedef enum
{
  SEND_CHECK_MARKER,
  SEND_CHECK_STALE,
  SEND_MAIN,
  SEND_THEN_STATUS,
  SEND_THEN_FOLLOW,
  SEND_VERIFY,
  SEND_DONE,
} SendStep;

typedef struct
{
  FlOutboxItem *item;
  SendStep      step;
  GPtrArray    *candidates;  /* transaction ids to search for the marker */
  guint         next_candidate;
  char         *expected;    /* what verification must find */
} Send;

static void
send_free (Send *s)
{
  g_clear_object (&s->item);
  g_clear_pointer (&s->candidates, g_ptr_array_unref);
  g_free (s->expected);
  g_free (s);
}

static void send_next (GTask *task);

/* Watchers are AdminCc (agents who follow) unless the item names the Cc
 * role (people copied on replies). */
static const char *
watcher_role (FlOutboxItem *item)
{
  return g_strcmp0 (fl_outbox_item_get_field (item), "Cc") == 0 ? "Cc" : "AdminCc";
}

static JsonNode *
json_object_node (JsonBuilder *builder)
{
  return json_builder_get_root (builder);
}

/* RT answers writes with a list of messages, even when each change
 * failed. A write is done only when one of them says so. */
static gboolean
messages_say (JsonNode   *root,
              const char *expected,
              GError    **error)
{
  JsonArray *array = root && JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root) : NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      if (strstr (json_node_get_string (node), expected))
        return TRUE;
      g_string_append_printf (all, "%s%s", all->len ? "; " : "", json_node_get_string (node));
    }

  g_debug ("RT did not confirm \"%s\": %s", expected, all->str);
  g_set_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_REJECTED,
               _("The server did not make the change: %s"),
               all->len ? all->str : _("it gave no reason"));
  return FALSE;
}

static char *
transactions_path (FlOutboxItem *item,
                   const char   *type,
                   gint64        since)
{
  g_autofree char *when = fl_rt_format_time (MAX (since, 0));
  g_autofree char *query = g_strdup_printf ("ObjectType = 'RT::Ticket' AND ObjectId = %s AND "
                                            "Type = '%s' AND Created >= '%s'",
                                            fl_outbox_item_get_remote_ticket_id (item), type, when);
  g_autofree char *escaped = fl_rt_escape (query);

  return g_strdup_printf ("/transactions?query=%s&orderby=Created&order=DESC&per_page=20"
                          "&fields=Type,Created,Creator&fields%%5BCreator%%5D=Name,RealName", escaped);
}

static gboolean
item_is_message (FlOutboxItem *item)
{
  return fl_outbox_item_get_kind (item) == FL_OUTBOX_REPLY ||
         fl_outbox_item_get_kind (item) == FL_OUTBOX_NOTE;
}

/* After a note: the agents it mentions become AdminCc, so RT mails them
 * too and their clients list the ticket among their mentions. */
static SendStep
after_message (FlOutboxItem *item)
{
  return fl_outbox_item_get_kind (item) == FL_OUTBOX_NOTE && fl_outbox_item_get_mentions (item) != NULL
    ? SEND_THEN_FOLLOW : SEND_DONE;
}

static void
answer_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FlRtBackend *self = g_task_get_source_object (task);
  Send *s = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(JsonNode) root = fl_rt_client_request_finish (FL_RT_CLIENT (object), result,
                                                          NULL, NULL, &error);
  JsonArray *items;

  if (root == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (s->step)
    {
    case SEND_CHECK_MARKER:
      if (s->candidates == NULL)
        {
          /* The list of candidate transactions. */
          s->candidates = g_ptr_array_new_with_free_func (g_free);
          items = member_array (node_object (root), "items");
          for (guint i = 0; items && i < json_array_get_length (items); i++)
            {
              char *id = member_text (node_object (json_array_get_element (items, i)), "id");
              if (id != NULL)
                g_ptr_array_add (s->candidates, id);
            }
        }
      else
        {
          /* One candidate's parts: is our marker in there? */
          g_autofree char *needle = g_strdup_printf ("frontline:%s", fl_outbox_item_get_marker (s->item));

          items = member_array (node_object (root), "items");
          for (guint i = 0; items && i < json_array_get_length (items); i++)
            {
              g_autofree char *content = member_text (node_object (json_array_get_element (items, i)),
                                                      "Content");
              if (content && strstr (content, needle))
                {
                  g_debug ("Outbox item %s was already on the server", fl_outbox_item_get_marker (s->item));
                  s->step = fl_outbox_item_get_then_status (s->item) ? SEND_THEN_STATUS : after_message (s->item);
                  send_next (g_steal_pointer (&task));
                  return;
                }
            }
          s->next_candidate++;
        }

      if (s->next_candidate >= s->candidates->len)
        s->step = SEND_CHECK_STALE;
      break;

    case SEND_CHECK_STALE:
      items = member_array (node_object (root), "items");
      for (guint i = 0; items && i < json_array_get_length (items); i++)
        {
          JsonObject *txn = node_object (json_array_get_element (items, i));
          g_autofree char *creator = member_text (member_object (txn, "Creator"), "Name");
          g_autofree char *real = member_text (member_object (txn, "Creator"), "RealName");
          g_autofree char *created = member_text (txn, "Created");

          /* Transactions are searched from the second the agent last saw;
           * only strictly newer ones count. */
          if (fl_rt_parse_time (created) > fl_outbox_item_get_seen_until (s->item) &&
              g_strcmp0 (creator, fl_account_get_username (self->account)) != 0)
            {
              g_autofree char *who = real && *real ? g_strdup_printf ("%s (%s)", real, creator)
                                                   : g_strdup (creator ? creator : _("Someone"));

              g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_STALE,
                                       _("%s replied while you were writing."), who);
              return;
            }
        }
      s->step = SEND_MAIN;
      break;

    case SEND_MAIN:
      switch (fl_outbox_item_get_kind (s->item))
        {
        case FL_OUTBOX_REPLY:
          if (!messages_say (root, "Correspondence added", &error))
            {
              g_task_return_error (task, error);
              return;
            }
          s->step = fl_outbox_item_get_then_status (s->item) ? SEND_THEN_STATUS : SEND_DONE;
          break;

        case FL_OUTBOX_NOTE:
          if (!messages_say (root, "Comments added", &error))
            {
              g_task_return_error (task, error);
              return;
            }
          s->step = after_message (s->item);
          break;

        default:
          s->step = SEND_VERIFY;
          break;
        }
      break;

    case SEND_THEN_STATUS:
      s->step = SEND_VERIFY;
      break;

    case SEND_THEN_FOLLOW:
      s->step = SEND_DONE;
      break;

    case SEND_VERIFY:
      {
        /* Read the ticket back: the change must be there. */
        JsonObject *ticket = node_object (root);
        g_autofree char *found = NULL;

        switch (fl_outbox_item_get_kind (s->item))
          {
          case FL_OUTBOX_REPLY:
          case FL_OUTBOX_SET_STATUS:
            found = member_text (ticket, "Status");
            break;
          case FL_OUTBOX_SET_OWNER:
            found = member_text (member_object (ticket, "Owner"), "id");
            break;
          case FL_OUTBOX_SET_PRIORITY:
            found = member_text (ticket, "Priority");
            break;
          case FL_OUTBOX_SET_FIELD:
            {
              JsonArray *fields = member_array (ticket, "CustomFields");

              for (guint i = 0; fields && i < json_array_get_length (fields); i++)
                {
                  JsonObject *cf = node_object (json_array_get_element (fields, i));
                  g_autofree char *name = member_text (cf, "name");
                  JsonArray *values = member_array (cf, "values");

                  if (g_strcmp0 (name, fl_outbox_item_get_field (s->item)) == 0 && values &&
                      json_array_get_length (values) > 0)
                    found = g_strdup (json_array_get_string_element (values, 0));
                }
            }
            break;
          case FL_OUTBOX_ADD_WATCHER:
          case FL_OUTBOX_REMOVE_WATCHER:
            {
              JsonArray *watchers = member_array (ticket, watcher_role (s->item));
              gboolean present = FALSE;

              for (guint i = 0; watchers && i < json_array_get_length (watchers); i++)
                {
                  g_autofree char *id = member_text (node_object (json_array_get_element (watchers, i)), "id");
                  present |= g_strcmp0 (id, fl_outbox_item_get_value (s->item)) == 0;
                }
              found = g_strdup ((present == (fl_outbox_item_get_kind (s->item) == FL_OUTBOX_ADD_WATCHER))
                                ? s->expected : "");
            }
            break;
          case FL_OUTBOX_NOTE:
          default:
            found = g_strdup (s->expected);
            break;
          }

        if (g_strcmp0 (found, s->expected) != 0)
          {
            g_debug ("Verification failed: expected %s, found %s", s->expected, found);
            g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_REJECTED,
                                     _("The server did not make the change."));
            return;
          }
        s->step = SEND_DONE;
      }
      break;

    case SEND_DONE:
    default:
      g_assert_not_reached ();
    }

  send_next (g_steal_pointer (&task));
}

/* For a watcher change: the ticket's current AdminCc list, to send back
 * with one member more or less (RT replaces the whole list). */
static void
watchers_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FlRtBackend *self = g_task_get_source_object (task);
  Send *s = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(JsonNode) root = fl_rt_client_request_finish (FL_RT_CLIENT (object), result,
                                                          NULL, NULL, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  JsonArray *watchers;
  const char *value[] = { fl_outbox_item_get_value (s->item), NULL };
  gboolean following = s->step == SEND_THEN_FOLLOW;
  /* Mentioned agents join the AdminCc; otherwise the item names one. */
  const char * const *who = following ? fl_outbox_item_get_mentions (s->item) : value;
  const char *role = following ? "AdminCc" : watcher_role (s->item);
  gboolean add = following || fl_outbox_item_get_kind (s->item) == FL_OUTBOX_ADD_WATCHER;
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (root == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  watchers = member_array (node_object (root), role);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, role);
  json_builder_begin_array (builder);
  for (guint i = 0; watchers && i < json_array_get_length (watchers); i++)
    {
      g_autofree char *id = member_text (node_object (json_array_get_element (watchers, i)), "id");

      if (id != NULL && !g_strv_contains (who, id))
        json_builder_add_string_value (builder, id);
    }
  for (guint i = 0; add && who[i] != NULL; i++)
    json_builder_add_string_value (builder, who[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = g_strdup_printf ("/ticket/%s", fl_outbox_item_get_remote_ticket_id (s->item));
  fl_rt_client_request_async (self->client, "PUT", path, body, cancellable,
                              answer_cb, g_steal_pointer (&task));
}

static void
send_next (GTask *task)
{
  FlRtBackend *self = g_task_get_source_object (task);
  Send *s = g_task_get_task_data (task);
  FlOutboxItem *item = s->item;
  GCancellable *cancellable = g_task_get_cancellable (task);
  const char *ticket = fl_outbox_item_get_remote_ticket_id (item);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  switch (s->step)
    {
    case SEND_CHECK_MARKER:
      if (!item_is_message (item) || !fl_outbox_item_get_outcome_unknown (item))
        {
          s->step = SEND_CHECK_STALE;
          send_next (task);
          return;
        }
      if (s->candidates == NULL)
        path = transactions_path (item, fl_outbox_item_get_kind (item) == FL_OUTBOX_REPLY ? "Correspond" : "Comment",
                                  fl_outbox_item_get_created (item) - OVERLAP_SECONDS);
      else
        path = g_strdup_printf ("/transaction/%s/attachments?fields=Content&per_page=20",
                                (char *) s->candidates->pdata[s->next_candidate]);
      fl_rt_client_request_async (self->client, "GET", path, NULL, cancellable, answer_cb, task);
      return;

    case SEND_CHECK_STALE:
      if (fl_outbox_item_get_kind (item) != FL_OUTBOX_REPLY || fl_outbox_item_get_force (item))
        {
          s->step = SEND_MAIN;
          send_next (task);
          return;
        }
      path = transactions_path (item, "Correspond", fl_outbox_item_get_seen_until (item));
      fl_rt_client_request_async (self->client, "GET", path, NULL, cancellable, answer_cb, task);
      return;

    case SEND_MAIN:
      json_builder_begin_object (builder);
      switch (fl_outbox_item_get_kind (item))
        {
        case FL_OUTBOX_REPLY:
        case FL_OUTBOX_NOTE:
          {
            g_autofree char *html = fl_rt_reply_html (fl_outbox_item_get_text (item),
                                                      fl_outbox_item_get_marker (item),
                                                      fl_outbox_item_get_mentions (item));

            json_builder_set_member_name (builder, "Content");
            json_builder_add_string_value (builder, html);
            json_builder_set_member_name (builder, "ContentType");
            json_builder_add_string_value (builder, "text/html");
            path = g_strdup_printf ("/ticket/%s/%s", ticket,
                                    fl_outbox_item_get_kind (item) == FL_OUTBOX_REPLY ? "correspond" : "comment");
          }
          break;

        case FL_OUTBOX_SET_STATUS:
          {
            FlStatus status;

            if (!fl_status_from_string (fl_outbox_item_get_value (item), &status))
              status = FL_STATUS_OPEN;
            json_builder_set_member_name (builder, "Status");
            json_builder_add_string_value (builder, fl_rt_status_to_string (status));
            s->expected = g_strdup (fl_rt_status_to_string (status));
          }
          break;

        case FL_OUTBOX_SET_OWNER:
          {
            const char *owner = fl_outbox_item_get_value (item);

            json_builder_set_member_name (builder, "Owner");
            json_builder_add_string_value (builder, owner && *owner ? owner : "Nobody");
            s->expected = g_strdup (owner && *owner ? owner : "Nobody");
          }
          break;

        case FL_OUTBOX_SET_PRIORITY:
          {
            FlPriority priority;

            if (!fl_priority_from_string (fl_outbox_item_get_value (item), &priority))
              priority = FL_PRIORITY_NORMAL;
            json_builder_set_member_name (builder, "Priority");
            json_builder_add_int_value (builder, fl_rt_priority_to_number (priority));
            s->expected = g_strdup_printf ("%d", fl_rt_priority_to_number (priority));
          }
          break;

        case FL_OUTBOX_SET_FIELD:
          json_builder_set_member_name (builder, "CustomFields");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, fl_outbox_item_get_field (item));
          json_builder_add_string_value (builder, fl_outbox_item_get_value (item));
          json_builder_end_object (builder);
          s->expected = g_strdup (fl_outbox_item_get_value (item));
          break;

        case FL_OUTBOX_ADD_WATCHER:
        case FL_OUTBOX_REMOVE_WATCHER:
          s->expected = g_strdup ("ok");
          path = g_strdup_printf ("/ticket/%s", ticket);
          fl_rt_client_request_async (self->client, "GET", path, NULL, cancellable, watchers_cb, task);
          return;

        default:
          g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_UNSUPPORTED,
                                   _("This helpdesk does not support that."));
          g_object_unref (task);
          return;
        }
      json_builder_end_object (builder);
      body = json_object_node (builder);
      if (item_is_message (item))
        {
          /* With files, multipart keeps their names in any script. */
          if (fl_outbox_item_get_attachments (item) != NULL)
            fl_rt_client_post_files_async (self->client, path, body,
                                           fl_outbox_item_get_attachments (item),
                                           cancellable, answer_cb, task);
          else
            fl_rt_client_request_async (self->client, "POST", path, body, cancellable, answer_cb, task);
          return;
        }
      path = g_strdup_printf ("/ticket/%s", ticket);
      fl_rt_client_request_async (self->client, "PUT", path, body, cancellable, answer_cb, task);
      return;

    case SEND_THEN_STATUS:
      {
        FlStatus status;

        if (!fl_status_from_string (fl_outbox_item_get_then_status (item), &status))
          status = FL_STATUS_PENDING;
        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "Status");
        json_builder_add_string_value (builder, fl_rt_status_to_string (status));
        json_builder_end_object (builder);
        body = json_object_node (builder);
        g_free (s->expected);
        s->expected = g_strdup (fl_rt_status_to_string (status));
        path = g_strdup_printf ("/ticket/%s", ticket);
        fl_rt_client_request_async (self->client, "PUT", path, body, cancellable, answer_cb, task);
      }
      return;

    case SEND_THEN_FOLLOW:
      path = g_strdup_printf ("/ticket/%s", ticket);
      fl_rt_client_request_async (self->client, "GET", path, NULL, cancellable, watchers_cb, task);
      return;

    case SEND_VERIFY:
      path = g_strdup_printf ("/ticket/%s", ticket);
      fl_rt_client_request_async (self->client, "GET", path, NULL, cancellable, answer_cb, task);
      return;

    case SEND_DONE:
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;

    default:
      g_assert_not_reached ();
    }
}

static void
fl_rt_backend_send_async (FlBackend           *backend,
                          FlOutboxItem        *item,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (backend, cancellable, callback, user_data);
  Send *s = g_new0 (Send, 1);

  g_task_set_source_tag (task, fl_rt_backend_send_async);
  s->item = g_object_ref (item);
  s->step = SEND_CHECK_MARKER;
  g_task_set_task_data (task, s, (GDestroyNotify) send_free);

  /* send_next owns the task from here and hands it to each request. */
  send_next (task);
}

static gboolean
fl_rt_backend_send_finish (FlBackend     *backend,
                           GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
