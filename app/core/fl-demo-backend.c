/* fl-demo-backend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-demo-backend"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fl-attachment.h"
#include "fl-demo-backend.h"
#include "fl-template.h"
#include "fl-text.h"

/* Tickets per batch: small enough to exercise paging and resuming. */
#define PAGE_SIZE 100

/**
 * FlDemoBackend:
 *
 * Serves the bundled demo workspace (a JSON document, see
 * resources/demo/) through the same interface as a real helpdesk, so every
 * feature works without a server. Times in the document are offsets from
 * "now", so the workspace always looks current.
 */
struct _FlDemoBackend
{
  GObject    parent_instance;

  FlAccount *account;
  GBytes    *data;
  gint64     now;

  GMutex     lock;
  JsonNode  *root;
};

static void backend_iface_init (FlBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FlDemoBackend, fl_demo_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FL_TYPE_BACKEND, backend_iface_init))

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

/* Members of untrusted JSON, read only when they have the right type. */
static const char *
member_string (JsonObject *obj,
               const char *name)
{
  JsonNode *node = obj ? json_object_get_member (obj, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
member_int (JsonObject *obj,
            const char *name,
            gint64     *value)
{
  JsonNode *node = obj ? json_object_get_member (obj, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
member_bool (JsonObject *obj,
             const char *name)
{
  JsonNode *node = obj ? json_object_get_member (obj, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node);
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
  JsonNode *node = obj ? json_object_get_member (obj, name) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonObject *
array_object (JsonArray *array,
              guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static char **
member_strv (JsonObject *obj,
             const char *name)
{
  JsonArray *array = member_array (obj, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

static gboolean
invalid (GError    **error,
         const char *what)
{
  g_set_error (error, FL_BACKEND_ERROR, FL_BACKEND_ERROR_INVALID_RESPONSE,
               _("The demo workspace data is damaged: %s"), what);
  return FALSE;
}

/* Parses the document once, under the lock, from whichever thread
 * needs it first. */
static JsonObject *
get_root (FlDemoBackend  *self,
          GError        **error)
{
  JsonObject *root = NULL;

  g_mutex_lock (&self->lock);
  if (self->root == NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) local_error = NULL;
      gsize len;
      const char *data = g_bytes_get_data (self->data, &len);

      if (!json_parser_load_from_data (parser, data, len, &local_error))
        {
          g_debug ("Demo data: %s", local_error->message);
          invalid (error, _("it is not valid JSON"));
        }
      else if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        invalid (error, _("it is not a JSON object"));
      else
        self->root = json_node_ref (json_parser_get_root (parser));
    }
  if (self->root != NULL)
    root = json_node_get_object (self->root);
  g_mutex_unlock (&self->lock);

  return root;
}

typedef struct
{
  GHashTable *agents;     /* id → JsonObject */
  GHashTable *customers;  /* id → JsonObject */
} Lookup;

static void
lookup_clear (Lookup *lookup)
{
  g_clear_pointer (&lookup->agents, g_hash_table_unref);
  g_clear_pointer (&lookup->customers, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lookup, lookup_clear)

static void
index_by_id (GHashTable *table,
             JsonArray  *array)
{
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *obj = array_object (array, i);
      const char *id = member_string (obj, "id");

      if (id != NULL)
        g_hash_table_insert (table, (gpointer) id, obj);
    }
}

static FlAgent *
agent_from_json (JsonObject *obj)
{
  FlAgent *agent = fl_agent_new ();

  fl_agent_set_remote_id (agent, member_string (obj, "id"));
  fl_agent_set_username (agent, member_string (obj, "id"));
  fl_agent_set_name (agent, member_string (obj, "name") ?: member_string (obj, "id"));
  fl_agent_set_email (agent, member_string (obj, "email"));
  return agent;
}

static FlCustomer *
customer_from_json (FlDemoBackend *self,
                    JsonObject    *obj)
{
  FlCustomer *customer = fl_customer_new ();
  g_auto(GStrv) emails = member_strv (obj, "emails");
  g_auto(GStrv) phones = member_strv (obj, "phones");
  JsonObject *fields = member_object (obj, "fields");
  gint64 since = 0;

  fl_customer_set_remote_id (customer, member_string (obj, "id"));
  fl_customer_set_name (customer, member_string (obj, "name"));
  fl_customer_set_emails (customer, (const char * const *) emails);
  fl_customer_set_phones (customer, (const char * const *) phones);
  fl_customer_set_organisation (customer, member_string (obj, "organisation"));
  fl_customer_set_language (customer, member_string (obj, "language"));
  fl_customer_set_timezone (customer, member_string (obj, "timezone"));
  if (member_int (obj, "since", &since))
    fl_customer_set_since (customer, self->now + since);

  if (fields != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (fields);

      for (GList *l = names; l; l = l->next)
        {
          const char *value = member_string (fields, l->data);

          if (value != NULL)
            fl_customer_set_field (customer, l->data, value);
        }
    }

  return customer;
}

/* Events name agents by id; the conversation shows their names. */
static const char *
agent_name (Lookup     *lookup,
            const char *id)
{
  JsonObject *agent = id ? g_hash_table_lookup (lookup->agents, id) : NULL;

  return agent ? member_string (agent, "name") : id;
}

static FlMessage *
message_from_json (FlDemoBackend  *self,
                   Lookup         *lookup,
                   const char     *ticket_id,
                   guint           index,
                   JsonObject     *obj,
                   GError        **error)
{
  g_autoptr(FlMessage) message = fl_message_new ();
  g_autofree char *remote_id = g_strdup_printf ("%s-%u", ticket_id, index);
  const char *author = member_string (obj, "author");
  const char *text = member_string (obj, "text");
  JsonObject *event = member_object (obj, "event");
  JsonArray *attachments = member_array (obj, "attachments");
  FlMessageKind kind;
  gint64 at = 0;

  if (!fl_message_kind_from_string (member_string (obj, "kind"), &kind))
    {
      g_autofree char *what = g_strdup_printf (_("message %s has an unknown kind"), remote_id);
      invalid (error, what);
      return NULL;
    }
  if (text == NULL || !member_int (obj, "at", &at))
    {
      g_autofree char *what = g_strdup_printf (_("message %s has no text or time"), remote_id);
      invalid (error, what);
      return NULL;
    }

  fl_message_set_remote_id (message, remote_id);
  fl_message_set_kind (message, kind);
  fl_message_set_direction (message,
                            g_strcmp0 (member_string (obj, "direction"), "in") == 0
                              ? FL_DIRECTION_INBOUND : FL_DIRECTION_OUTBOUND);
  fl_message_set_created (message, self->now + at);
  fl_message_set_text (message, text);
  fl_message_set_html (message, member_string (obj, "html"));

  if (author != NULL)
    {
      JsonObject *person = g_hash_table_lookup (lookup->agents, author);
      g_auto(GStrv) emails = NULL;

      if (person != NULL)
        {
          fl_message_set_author (message, member_string (person, "name"));
          fl_message_set_author_email (message, member_string (person, "email"));
        }
      else if ((person = g_hash_table_lookup (lookup->customers, author)))
        {
          emails = member_strv (person, "emails");
          fl_message_set_author (message, member_string (person, "name"));
          fl_message_set_author_email (message, emails[0]);
        }
    }

  if (event != NULL)
    {
      const char *type = member_string (event, "type");
      const char *from = member_string (event, "from");
      const char *to = member_string (event, "to");

      if (g_strcmp0 (type, "assign") == 0)
        {
          from = agent_name (lookup, from);
          to = agent_name (lookup, to);
        }
      fl_message_set_event_field (message, type);
      fl_message_set_event_old (message, from);
      fl_message_set_event_new (message, to);
    }

  for (guint i = 0; attachments && i < json_array_get_length (attachments); i++)
    {
      JsonObject *a = array_object (attachments, i);
      g_autoptr(FlAttachment) attachment = NULL;
      g_autofree char *attachment_id = NULL;
      gint64 size = 0;

      if (member_string (a, "name") == NULL)
        continue;

      attachment_id = g_strdup_printf ("%s-%u", remote_id, i);
      attachment = fl_attachment_new ();
      member_int (a, "size", &size);
      fl_attachment_set_remote_id (attachment, attachment_id);
      fl_attachment_set_name (attachment, member_string (a, "name"));
      fl_attachment_set_mime_type (attachment, member_string (a, "mime") ?: "application/octet-stream");
      fl_attachment_set_size (attachment, size);
      fl_message_add_attachment (message, attachment);
    }

  return g_steal_pointer (&message);
}

static gboolean
add_ticket (FlDemoBackend  *self,
            FlSyncBatch    *batch,
            Lookup         *lookup,
            JsonObject     *obj,
            GError        **error)
{
  g_autoptr(FlTicket) ticket = fl_ticket_new ();
  g_auto(GStrv) followers = member_strv (obj, "followers");
  g_auto(GStrv) tags = member_strv (obj, "tags");
  const char *id = member_string (obj, "id");
  const char *subject = member_string (obj, "subject");
  JsonArray *messages = member_array (obj, "messages");
  FlSyncTicket *st;
  FlStatus status;
  FlPriority priority;
  FlChannel channel;
  gint64 created = 0, updated = 0, value;

  if (id == NULL || subject == NULL)
    return invalid (error, _("a ticket has no id or subject"));

  if (!fl_status_from_string (member_string (obj, "status"), &status) ||
      !fl_priority_from_string (member_string (obj, "priority"), &priority) ||
      !fl_channel_from_string (member_string (obj, "channel"), &channel) ||
      !member_int (obj, "created", &created) ||
      !member_int (obj, "updated", &updated))
    {
      g_autofree char *what = g_strdup_printf (_("ticket %s has an invalid field"), id);
      return invalid (error, what);
    }

  fl_ticket_set_remote_id (ticket, id);
  fl_ticket_set_subject (ticket, subject);
  fl_ticket_set_status (ticket, status);
  fl_ticket_set_priority (ticket, priority);
  fl_ticket_set_channel (ticket, channel);
  fl_ticket_set_created (ticket, self->now + created);
  fl_ticket_set_updated (ticket, self->now + updated);
  fl_ticket_set_unread (ticket, member_bool (obj, "unread"));
  fl_ticket_set_tags (ticket, (const char * const *) tags);
  if (member_int (obj, "due_first_response", &value))
    fl_ticket_set_due_first_response (ticket, self->now + value);
  if (member_int (obj, "due_resolution", &value))
    fl_ticket_set_due_resolution (ticket, self->now + value);
  if (member_int (obj, "csat", &value))
    fl_ticket_set_csat (ticket, CLAMP (value, 0, 5));
  if (member_int (obj, "ces", &value))
    fl_ticket_set_ces (ticket, CLAMP (value, 0, 7));

  st = fl_sync_batch_add_ticket (batch, ticket,
                                 member_string (obj, "customer"),
                                 member_string (obj, "assignee"));
  for (guint i = 0; followers[i]; i++)
    fl_sync_ticket_add_follower (st, followers[i]);

  for (guint i = 0; messages && i < json_array_get_length (messages); i++)
    {
      g_autoptr(FlMessage) message = NULL;

      message = message_from_json (self, lookup, id, i, array_object (messages, i), error);
      if (message == NULL)
        return FALSE;
      fl_sync_ticket_add_message (st, message);
    }

  return TRUE;
}

/* Builds the batch that starts at ticket @offset. */
static FlSyncBatch *
build_batch (FlDemoBackend  *self,
             guint           offset,
             GError        **error)
{
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_auto(Lookup) lookup = { NULL, NULL };
  JsonObject *root = get_root (self, error);
  JsonArray *agents, *customers, *tickets;
  JsonObject *workspace;
  guint n_tickets, end;

  if (root == NULL)
    return NULL;

  agents = member_array (root, "agents");
  customers = member_array (root, "customers");
  tickets = member_array (root, "tickets");
  workspace = member_object (root, "workspace");
  if (agents == NULL || customers == NULL || tickets == NULL)
    {
      invalid (error, _("agents, customers or tickets are missing"));
      return NULL;
    }

  lookup.agents = g_hash_table_new (g_str_hash, g_str_equal);
  lookup.customers = g_hash_table_new (g_str_hash, g_str_equal);
  index_by_id (lookup.agents, agents);
  index_by_id (lookup.customers, customers);

  /* People come with the first batch; tickets refer to them later. */
  if (offset == 0)
    {
      for (guint i = 0; i < json_array_get_length (agents); i++)
        {
          JsonObject *obj = array_object (agents, i);
          g_autoptr(FlAgent) agent = NULL;

          if (member_string (obj, "id") == NULL)
            continue;
          agent = agent_from_json (obj);
          fl_sync_batch_add_agent (batch, agent);
        }

      for (guint i = 0; i < json_array_get_length (customers); i++)
        {
          JsonObject *obj = array_object (customers, i);
          g_autoptr(FlCustomer) customer = NULL;

          if (member_string (obj, "id") == NULL)
            continue;
          customer = customer_from_json (self, obj);
          fl_sync_batch_add_customer (batch, customer);
        }

      fl_sync_batch_set_me (batch, member_string (workspace, "me"));
    }

  n_tickets = json_array_get_length (tickets);
  end = MIN (n_tickets, offset + PAGE_SIZE);
  for (guint i = offset; i < end; i++)
    {
      JsonObject *obj = array_object (tickets, i);

      if (obj == NULL)
        {
          invalid (error, _("a ticket is not an object"));
          return NULL;
        }
      if (!add_ticket (self, batch, &lookup, obj, error))
        return NULL;
    }

  /* The demo never changes after its first sync: once complete, the
   * cursor says so and later syncs fetch nothing. */
  if (end >= n_tickets)
    {
      fl_sync_batch_set_cursor (batch, "done");
      fl_sync_batch_set_complete (batch, TRUE);
    }
  else
    {
      g_autofree char *cursor = g_strdup_printf ("%u", end);
      fl_sync_batch_set_cursor (batch, cursor);
    }

  return g_steal_pointer (&batch);
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FlDemoBackend *self = source_object;
  const char *cursor = task_data;
  GError *error = NULL;
  FlSyncBatch *batch;
  guint64 offset = 0;

  if (g_strcmp0 (cursor, "done") == 0)
    {
      batch = fl_sync_batch_new ();
      fl_sync_batch_set_cursor (batch, "done");
      fl_sync_batch_set_complete (batch, TRUE);
      g_task_return_pointer (task, batch, (GDestroyNotify) fl_sync_batch_unref);
      return;
    }

  if (cursor != NULL && !g_ascii_string_to_unsigned (cursor, 10, 0, G_MAXUINT, &offset, NULL))
    {
      g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_INVALID_RESPONSE,
                               _("The saved sync position is not valid. Sync again from the start."));
      return;
    }

  if ((batch = build_batch (self, offset, &error)))
    g_task_return_pointer (task, batch, (GDestroyNotify) fl_sync_batch_unref);
  else
    g_task_return_error (task, error);
}

static void
fl_demo_backend_fetch_async (FlBackend           *backend,
                             const char          *cursor,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (backend, cancellable, callback, user_data);

  g_task_set_source_tag (task, fl_demo_backend_fetch_async);
  g_task_set_task_data (task, g_strdup (cursor), g_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, fetch_thread);
}

static FlSyncBatch *
fl_demo_backend_fetch_finish (FlBackend     *backend,
                              GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static FlBackendCapabilities
fl_demo_backend_get_capabilities (FlBackend *backend)
{
  return FL_BACKEND_CAP_WATCHERS | FL_BACKEND_CAP_CSAT | FL_BACKEND_CAP_ATTACHMENTS |
         FL_BACKEND_CAP_LOCAL;
}

/* The demo workspace has no server: the outbox applies what is sent to
 * the store itself. A change to a ticket that is not in the workspace is
 * refused like a server would. */
static void
fl_demo_backend_send_async (FlBackend           *backend,
                            FlOutboxItem        *item,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  FlDemoBackend *self = FL_DEMO_BACKEND (backend);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  JsonObject *root = get_root (self, &error);
  JsonArray *tickets = member_array (root, "tickets");
  const char *id = fl_outbox_item_get_remote_ticket_id (item);
  gboolean found = FALSE;

  g_task_set_source_tag (task, fl_demo_backend_send_async);

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; tickets && i < json_array_get_length (tickets) && !found; i++)
    found = g_strcmp0 (member_string (array_object (tickets, i), "id"), id) == 0;

  if (!found)
    g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_NOT_FOUND,
                             _("The ticket or record no longer exists on the server."));
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
fl_demo_backend_send_finish (FlBackend     *backend,
                             GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The bundled sample that stands for an attachment of the workspace: the
 * one its "file" member names, else one of the same type. */
static const char *
sample_for (JsonObject *a)
{
  static const struct { const char *mime; const char *file; } samples[] = {
    { "image/png", "sample.png" },
    { "image/jpeg", "sample.jpg" },
    { "application/pdf", "sample.pdf" },
    { "application/json", "sample.json" },
    { "text/plain", "sample.txt" },
  };
  const char *mime = member_string (a, "mime");

  if (member_string (a, "file") != NULL)
    return member_string (a, "file");

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    if (g_strcmp0 (mime, samples[i].mime) == 0)
      return samples[i].file;

  return NULL;
}

/* Finds the attachment that message_from_json() called @remote_id. */
static JsonObject *
find_attachment (JsonObject *root,
                 const char *remote_id)
{
  JsonArray *tickets = member_array (root, "tickets");

  for (guint t = 0; tickets && t < json_array_get_length (tickets); t++)
    {
      JsonObject *ticket = array_object (tickets, t);
      const char *id = member_string (ticket, "id");
      JsonArray *messages = member_array (ticket, "messages");
      gsize id_len;

      if (id == NULL || !g_str_has_prefix (remote_id, id))
        continue;
      id_len = strlen (id);
      if (remote_id[id_len] != '-')
        continue;

      for (guint m = 0; messages && m < json_array_get_length (messages); m++)
        {
          JsonArray *attachments = member_array (array_object (messages, m), "attachments");

          for (guint i = 0; attachments && i < json_array_get_length (attachments); i++)
            {
              g_autofree char *candidate = g_strdup_printf ("%s-%u-%u", id, m, i);

              if (g_strcmp0 (candidate, remote_id) == 0)
                return array_object (attachments, i);
            }
        }
    }

  return NULL;
}

/* The workspace's attachments are served from samples bundled with the
 * app; what agents send in the demo is kept by the outbox, already in the
 * attachment cache, so it is never asked for here. */
static void
fl_demo_backend_download_attachment_async (FlBackend           *backend,
                                           FlAttachment        *attachment,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  FlDemoBackend *self = FL_DEMO_BACKEND (backend);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  JsonObject *root = get_root (self, &error);
  const char *remote_id = fl_attachment_get_remote_id (attachment);
  JsonObject *a = NULL;
  const char *sample = NULL;
  GBytes *bytes = NULL;

  g_task_set_source_tag (task, fl_demo_backend_download_attachment_async);

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (remote_id != NULL)
    a = find_attachment (root, remote_id);
  if (a != NULL)
    sample = sample_for (a);
  if (sample != NULL)
    {
      g_autofree char *safe = fl_text_safe_filename (sample);
      g_autofree char *path = g_strconcat (FL_DEMO_FILES_RESOURCE, safe, NULL);

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_debug ("Demo attachment %s: %s", path, error->message);
    }

  if (bytes == NULL)
    g_task_return_new_error (task, FL_BACKEND_ERROR, FL_BACKEND_ERROR_NOT_FOUND,
                             /* Translators: %s is a file name */
                             _("The demo workspace has no content for “%s”."),
                             fl_attachment_get_name (attachment));
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static GBytes *
fl_demo_backend_download_attachment_finish (FlBackend     *backend,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gint64
fl_demo_backend_get_max_attachment_size (FlBackend *backend)
{
  return FL_DEMO_MAX_ATTACHMENT_BYTES;
}

static void
backend_iface_init (FlBackendInterface *iface)
{
  iface->get_capabilities = fl_demo_backend_get_capabilities;
  iface->fetch_async = fl_demo_backend_fetch_async;
  iface->fetch_finish = fl_demo_backend_fetch_finish;
  iface->send_async = fl_demo_backend_send_async;
  iface->send_finish = fl_demo_backend_send_finish;
  iface->download_attachment_async = fl_demo_backend_download_attachment_async;
  iface->download_attachment_finish = fl_demo_backend_download_attachment_finish;
  iface->get_max_attachment_size = fl_demo_backend_get_max_attachment_size;
}

static void
fl_demo_backend_finalize (GObject *object)
{
  FlDemoBackend *self = (FlDemoBackend *)object;

  g_clear_object (&self->account);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_pointer (&self->root, json_node_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (fl_demo_backend_parent_class)->finalize (object);
}

static void
fl_demo_backend_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FlDemoBackend *self = FL_DEMO_BACKEND (object);

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
fl_demo_backend_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FlDemoBackend *self = FL_DEMO_BACKEND (object);

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
fl_demo_backend_class_init (FlDemoBackendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_demo_backend_finalize;
  object_class->get_property = fl_demo_backend_get_property;
  object_class->set_property = fl_demo_backend_set_property;

  g_object_class_override_property (object_class, PROP_ACCOUNT, "account");
}

static void
fl_demo_backend_init (FlDemoBackend *self)
{
  g_mutex_init (&self->lock);
}

/**
 * fl_demo_backend_new:
 * @account: the demo account
 * @data: the workspace document
 * @now: the Unix time the document's offsets count from
 *
 * Returns: (transfer full): a new backend
 */
FlDemoBackend *
fl_demo_backend_new (FlAccount *account,
                     GBytes    *data,
                     gint64     now)
{
  FlDemoBackend *self;

  g_return_val_if_fail (FL_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (FL_TYPE_DEMO_BACKEND, "account", account, NULL);
  self->data = g_bytes_ref (data);
  self->now = now;
  return self;
}

/**
 * fl_demo_backend_get_templates:
 *
 * Returns: (transfer full) (element-type FlTemplate): the canned
 *   responses the demo workspace ships
 */
GPtrArray *
fl_demo_backend_get_templates (FlDemoBackend  *self,
                               GError        **error)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *root = get_root (self, error);
  JsonArray *array;

  if (root == NULL)
    return NULL;

  array = member_array (root, "templates");
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *obj = array_object (array, i);
      FlTemplate *t;

      if (member_string (obj, "key") == NULL || member_string (obj, "body") == NULL ||
          member_string (obj, "name") == NULL)
        continue;

      t = fl_template_new ();
      fl_template_set_key (t, member_string (obj, "key"));
      fl_template_set_folder (t, member_string (obj, "folder"));
      fl_template_set_name (t, member_string (obj, "name"));
      fl_template_set_shortcut (t, member_string (obj, "shortcut"));
      fl_template_set_language (t, member_string (obj, "language") ?: "en");
      fl_template_set_body (t, member_string (obj, "body"));
      fl_template_set_shared (t, member_bool (obj, "shared"));
      if (json_object_has_member (obj, "actions"))
        {
          g_autofree char *actions = json_to_string (json_object_get_member (obj, "actions"), FALSE);

          fl_template_set_actions (t, actions);
        }
      g_ptr_array_add (templates, t);
    }

  return g_steal_pointer (&templates);
}

/**
 * fl_demo_backend_get_name:
 *
 * Returns: (transfer full) (nullable): the workspace's name
 */
char *
fl_demo_backend_get_name (FlDemoBackend *self)
{
  JsonObject *root = get_root (self, NULL);

  return g_strdup (member_string (member_object (root, "workspace"), "name"));
}
