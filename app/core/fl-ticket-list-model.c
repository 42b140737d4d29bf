/* fl-ticket-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-ticket-list-model"

#include "config.h"

#include "fl-ticket-list-model.h"

/* How many rows the first answer carries, how many are fetched around a
 * row that is not loaded, and how many loaded rows are kept. */
#define N_PRELOAD   80
#define PAGE_SIZE   60
#define CACHE_MAX   600

/* A new query first asks for FIRST_PAGE ids, enough for a few screens:
 * SQLite keeps the best rows as it goes instead of sorting every match,
 * which is what a short search over a big view costs. The rest follow
 * right after. */
#define FIRST_PAGE  FL_TICKET_LIST_MODEL_FIRST_PAGE

/* Past this many edits a diff is not worth it: replace the changed range. */
#define MAX_DIFF_D  256

/**
 * FlTicketListModel:
 *
 * A #GListModel of #FlTicket for one #FlQuery.
 *
 * SQLite filters and sorts; the model holds only the array of ticket ids
 * the query returned and creates ticket objects when the list asks for
 * them, keeping a bounded cache. So memory grows with what is on screen,
 * not with the number of tickets.
 *
 * A ticket that is not loaded yet is returned as a placeholder with only
 * its id set, and a page around it is loaded in a worker; when it arrives
 * the model emits #GListModel::items-changed for those rows. When the
 * store changes, the query runs again and the model emits the smallest
 * set of changes between the old and new id arrays (Myers' diff).
 *
 * A new query is answered in two steps: the first FIRST_PAGE ids, shown
 * at once (#FlTicketListModel:answered), then all of them, appended by
 * the same diff; #FlTicketListModel:loading holds until the whole list
 * is in.
 */
struct _FlTicketListModel
{
  GObject       parent_instance;

  FlStore      *store;
  FlQuery      *query;
  GArray       *ids;

  /* id → CacheEntry, plus the LRU order (most recent first). */
  GHashTable   *cache;
  GQueue        lru;

  GCancellable *query_cancellable;
  GCancellable *load_cancellable;
  GArray       *pending_loads;
  /* Where each pending id was in the list when it was queued. */
  GArray       *pending_positions;
  guint         load_source;
  guint         serial;
  /* Counts the store's change signals. Every load remembers the count it
   * started at, so a slow load never overwrites a row a later one
   * already brought up to date. */
  guint64       generation;

  guint         loading : 1;
  guint         answered : 1;
  guint         partial : 1;
  guint         dirty : 1;
};

typedef struct
{
  gint64    id;
  FlTicket *ticket;
  GList     link;
  gboolean  placeholder;
  guint64   generation;
} CacheEntry;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FlTicketListModel, fl_ticket_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUERY,
  PROP_LOADING,
  PROP_ANSWERED,
  PROP_PARTIAL,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void run_query (FlTicketListModel *self,
                       guint              limit);

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_clear_object (&entry->ticket);
  g_free (entry);
}

static CacheEntry *
cache_lookup (FlTicketListModel *self,
              gint64             id)
{
  CacheEntry *entry = g_hash_table_lookup (self->cache, &id);

  if (entry != NULL)
    {
      g_queue_unlink (&self->lru, &entry->link);
      g_queue_push_head_link (&self->lru, &entry->link);
    }

  return entry;
}

static void
cache_remove (FlTicketListModel *self,
              gint64             id)
{
  CacheEntry *entry = g_hash_table_lookup (self->cache, &id);

  if (entry == NULL)
    return;

  g_queue_unlink (&self->lru, &entry->link);
  g_hash_table_remove (self->cache, &id);
}

/* Returns %NULL, and keeps the cached row, when @ticket was read before
 * the cached one. */
static CacheEntry *
cache_insert (FlTicketListModel *self,
              FlTicket          *ticket,
              gboolean           placeholder,
              guint64            generation)
{
  gint64 id = fl_ticket_get_id (ticket);
  CacheEntry *entry = cache_lookup (self, id);

  if (entry != NULL && !entry->placeholder && entry->generation > generation)
    return NULL;

  if (entry == NULL)
    {
      entry = g_new0 (CacheEntry, 1);
      entry->id = id;
      entry->link.data = entry;
      g_hash_table_insert (self->cache, &entry->id, entry);
      g_queue_push_head_link (&self->lru, &entry->link);
    }

  g_set_object (&entry->ticket, ticket);
  entry->placeholder = placeholder;
  entry->generation = generation;

  while (self->lru.length > CACHE_MAX)
    {
      CacheEntry *oldest = g_queue_peek_tail (&self->lru);
      cache_remove (self, oldest->id);
    }

  return entry;
}

/* Positions of every id, for mapping loaded tickets back to rows. */
static GHashTable *
index_ids (GArray *ids)
{
  GHashTable *index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (index, &g_array_index (ids, gint64, i), GUINT_TO_POINTER (i));

  return index;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

/* Emits items-changed for runs of consecutive positions. */
static void
emit_rows_changed (FlTicketListModel *self,
                   GArray            *positions)
{
  guint i = 0;

  if (positions->len == 0)
    return;

  g_array_sort (positions, compare_uint);

  while (i < positions->len)
    {
      guint start = g_array_index (positions, guint, i);
      guint n = 1;

      while (i + n < positions->len && g_array_index (positions, guint, i + n) == start + n)
        n++;

      g_list_model_items_changed (G_LIST_MODEL (self), start, n, n);
      i += n;
    }
}

typedef struct
{
  FlTicketListModel *self;
  guint64            generation;
  /* id → its position when the load was queued, or NULL */
  GHashTable        *hints;
} LoadClosure;

static void
load_closure_free (LoadClosure *closure)
{
  g_clear_pointer (&closure->hints, g_hash_table_unref);
  g_free (closure);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadClosure, load_closure_free)

static void loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data);

/* @positions: where each of @ids is in the list, or %NULL */
static void
load_tickets (FlTicketListModel *self,
              GArray            *ids,
              GArray            *positions)
{
  LoadClosure *closure = g_new0 (LoadClosure, 1);

  closure->self = g_object_ref (self);
  closure->generation = self->generation;
  if (positions != NULL)
    {
      closure->hints = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_insert (closure->hints, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)),
                             GUINT_TO_POINTER (g_array_index (positions, guint, i)));
    }
  fl_store_load_tickets_async (self->store, (gint64 *) (gpointer) ids->data, ids->len,
                               self->load_cancellable, loaded_cb, closure);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LoadClosure) closure = user_data;
  g_autoptr(FlTicketListModel) self = closure->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GArray) positions = NULL;

  tickets = fl_store_load_tickets_finish (FL_STORE (object), result, &error);
  if (tickets == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load tickets: %s", error->message);
      return;
    }

  positions = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < tickets->len; i++)
    {
      FlTicket *ticket = tickets->pdata[i];
      gint64 id = fl_ticket_get_id (ticket);
      gpointer pos;

      if (cache_insert (self, ticket, FALSE, closure->generation) == NULL)
        continue;

      /* A page loaded while scrolling is where it was queued, unless
       * the list changed meanwhile: only then is every id indexed (at
       * 100 000 tickets that took milliseconds and megabytes per page). */
      if (closure->hints != NULL && g_hash_table_lookup_extended (closure->hints, &id, NULL, &pos) &&
          GPOINTER_TO_UINT (pos) < self->ids->len &&
          g_array_index (self->ids, gint64, GPOINTER_TO_UINT (pos)) == id)
        {
          guint p = GPOINTER_TO_UINT (pos);
          g_array_append_val (positions, p);
          continue;
        }

      if (index == NULL)
        index = index_ids (self->ids);
      if (g_hash_table_lookup_extended (index, &id, NULL, &pos))
        {
          guint p = GPOINTER_TO_UINT (pos);
          g_array_append_val (positions, p);
        }
    }

  emit_rows_changed (self, positions);
}

static gboolean
load_pending_cb (gpointer user_data)
{
  FlTicketListModel *self = user_data;
  g_autoptr(GArray) ids = g_steal_pointer (&self->pending_loads);
  g_autoptr(GArray) positions = g_steal_pointer (&self->pending_positions);

  self->load_source = 0;
  self->pending_loads = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending_positions = g_array_new (FALSE, FALSE, sizeof (guint));

  if (ids->len > 0)
    load_tickets (self, ids, positions);

  return G_SOURCE_REMOVE;
}

/* Queues the rows around @position that are not loaded. */
static void
queue_page (FlTicketListModel *self,
            guint              position)
{
  guint start = position > PAGE_SIZE / 4 ? position - PAGE_SIZE / 4 : 0;
  guint end = MIN (self->ids->len, start + PAGE_SIZE);

  for (guint i = start; i < end; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);
      g_autoptr(FlTicket) placeholder = NULL;

      if (g_hash_table_contains (self->cache, &id))
        continue;

      placeholder = g_object_new (FL_TYPE_TICKET, "id", id, NULL);
      cache_insert (self, placeholder, TRUE, 0);
      g_array_append_val (self->pending_loads, id);
      g_array_append_val (self->pending_positions, i);
    }

  if (self->load_source == 0 && self->pending_loads->len > 0)
    self->load_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, load_pending_cb, self, NULL);
}

static GType
fl_ticket_list_model_get_item_type (GListModel *model)
{
  return FL_TYPE_TICKET;
}

static guint
fl_ticket_list_model_get_n_items (GListModel *model)
{
  return FL_TICKET_LIST_MODEL (model)->ids->len;
}

static gpointer
fl_ticket_list_model_get_item (GListModel *model,
                               guint       position)
{
  FlTicketListModel *self = FL_TICKET_LIST_MODEL (model);
  CacheEntry *entry;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  entry = cache_lookup (self, id);
  if (entry == NULL)
    {
      queue_page (self, position);
      entry = cache_lookup (self, id);
    }

  return g_object_ref (entry->ticket);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = fl_ticket_list_model_get_item_type;
  iface->get_n_items = fl_ticket_list_model_get_n_items;
  iface->get_item = fl_ticket_list_model_get_item;
}

typedef struct
{
  guint old_pos;
  guint n_removed;
  guint new_pos;
  guint n_added;
} Hunk;

/* Myers' O((N+M)D) diff of a[0..n) against b[0..m). Appends the hunks, in
 * increasing order, with positions relative to the slices. Returns FALSE
 * when the edit distance exceeds MAX_DIFF_D. */
static gboolean
diff_ids (const gint64 *a,
          guint         n,
          const gint64 *b,
          guint         m,
          GArray       *hunks)
{
  int max_d = MIN ((int) (n + m), MAX_DIFF_D);
  int offset = max_d + 1;
  g_autofree int *v = g_new0 (int, 2 * max_d + 3);
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (int) * 2);
  int found_d = -1;
  int x, y;

  for (int d = 0; d <= max_d && found_d < 0; d++)
    {
      g_ptr_array_add (trace, g_memdup2 (v, sizeof (int) * (2 * max_d + 3)));

      for (int k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;

          while (x < (int) n && y < (int) m && a[x] == b[y])
            x++, y++;

          v[offset + k] = x;
          if (x >= (int) n && y >= (int) m)
            {
              found_d = d;
              break;
            }
        }
    }

  if (found_d < 0)
    return FALSE;

  /* Walk back, collecting the matched pairs of every snake. trace[d]
   * holds V as it was before round d. */
  x = n;
  y = m;
  for (int d = found_d; d > 0; d--)
    {
      const int *vd = trace->pdata[d];
      int k = x - y;
      int prev_k, prev_x, mid_x;

      if (k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1]))
        prev_k = k + 1;   /* reached by an insertion */
      else
        prev_k = k - 1;   /* reached by a deletion */

      prev_x = vd[offset + prev_k];
      mid_x = prev_k == k + 1 ? prev_x : prev_x + 1;

      for (; x > mid_x; x--, y--)
        {
          int pair[2] = { x - 1, y - 1 };
          g_array_append_val (matches, pair);
        }

      x = prev_x;
      y = prev_x - prev_k;
    }
  for (; x > 0 && y > 0; x--, y--)
    {
      int pair[2] = { x - 1, y - 1 };
      g_array_append_val (matches, pair);
    }

  /* Collected backwards: put them in order. */
  for (guint i = 0, j = matches->len; matches->len > 0 && i < --j; i++)
    {
      int *pi = &g_array_index (matches, int, i * 2);
      int *pj = &g_array_index (matches, int, j * 2);
      int tmp[2] = { pi[0], pi[1] };

      pi[0] = pj[0], pi[1] = pj[1];
      pj[0] = tmp[0], pj[1] = tmp[1];
    }

  /* The gaps between matched pairs are the hunks. */
  {
    int last_x = -1, last_y = -1;

    for (guint i = 0; i <= matches->len; i++)
      {
        int mx = (int) n, my = (int) m;

        if (i < matches->len)
          {
            const int *pair = &g_array_index (matches, int, i * 2);
            mx = pair[0];
            my = pair[1];
          }

        if (mx > last_x + 1 || my > last_y + 1)
          {
            Hunk h = { last_x + 1, mx - last_x - 1, last_y + 1, my - last_y - 1 };
            g_array_append_val (hunks, h);
          }

        last_x = mx;
        last_y = my;
      }
  }

  return TRUE;
}

/* Turns self->ids into @new_ids with as few items-changed as the diff
 * allows, applying each hunk before emitting it, from the last to the
 * first, so every emission describes the model as it is at that moment. */
static void
apply_ids (FlTicketListModel *self,
           GArray            *new_ids)
{
  const gint64 *a = (const gint64 *) (gpointer) self->ids->data;
  const gint64 *b = (const gint64 *) (gpointer) new_ids->data;
  guint n = self->ids->len, m = new_ids->len;
  guint prefix = 0, suffix = 0;
  g_autoptr(GArray) hunks = g_array_new (FALSE, FALSE, sizeof (Hunk));

  while (prefix < n && prefix < m && a[prefix] == b[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix &&
         a[n - 1 - suffix] == b[m - 1 - suffix])
    suffix++;

  if (prefix == n && prefix == m)
    return;

  if (!diff_ids (a + prefix, n - prefix - suffix, b + prefix, m - prefix - suffix, hunks))
    {
      Hunk h = { 0, n - prefix - suffix, 0, m - prefix - suffix };
      g_array_set_size (hunks, 0);
      g_array_append_val (hunks, h);
    }

  for (guint i = hunks->len; i > 0; i--)
    {
      const Hunk *h = &g_array_index (hunks, Hunk, i - 1);
      guint pos = prefix + h->old_pos;

      if (h->n_removed > 0)
        g_array_remove_range (self->ids, pos, h->n_removed);
      if (h->n_added > 0)
        g_array_insert_vals (self->ids, pos, b + prefix + h->new_pos, h->n_added);

      g_list_model_items_changed (G_LIST_MODEL (self), pos, h->n_removed, h->n_added);
    }
}

static void
set_loading (FlTicketListModel *self,
             gboolean           loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
set_answered (FlTicketListModel *self,
              gboolean           answered,
              gboolean           partial)
{
  if (self->answered != !!answered)
    {
      self->answered = !!answered;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ANSWERED]);
    }
  if (self->partial != !!partial)
    {
      self->partial = !!partial;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PARTIAL]);
    }
}

/* Whether two loads of a ticket would show the same row. */
static gboolean
same_row (FlTicket *a,
          FlTicket *b)
{
  return fl_ticket_get_updated (a) == fl_ticket_get_updated (b) &&
         fl_ticket_get_status (a) == fl_ticket_get_status (b) &&
         fl_ticket_get_priority (a) == fl_ticket_get_priority (b) &&
         fl_ticket_get_unread (a) == fl_ticket_get_unread (b) &&
         fl_ticket_get_assignee_id (a) == fl_ticket_get_assignee_id (b) &&
         g_strcmp0 (fl_ticket_get_subject (a), fl_ticket_get_subject (b)) == 0 &&
         g_strcmp0 (fl_ticket_get_snippet (a), fl_ticket_get_snippet (b)) == 0;
}

/* Each query remembers the serial it was started under, so the answer
 * to a query that was replaced in the meantime is dropped. */
typedef struct
{
  FlTicketListModel *self;
  guint              serial;
  guint64            generation;
  guint              limit;
} QueryClosure;

static void start_query (FlTicketListModel *self,
                         guint              limit,
                         guint              n_preload);

/* Shows the answer to the current query: @ids, the first of them in
 * @preloaded; @limit is the limit it was asked with, so a full page
 * means there may be more. */
static void
apply_answer (FlTicketListModel *self,
              GArray            *ids,
              GPtrArray         *preloaded,
              guint              limit,
              guint64            generation)
{
  g_autoptr(GArray) changed = NULL;
  guint old_n = self->ids->len;
  gboolean partial;

  partial = limit > 0 && ids->len >= limit;
  if (!partial)
    set_loading (self, FALSE);

  /* Fresh rows from this answer replace cached ones; rows whose content
   * changed but not their place are announced after the diff. */
  changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; preloaded && i < preloaded->len; i++)
    {
      FlTicket *fresh = preloaded->pdata[i];
      gint64 id = fl_ticket_get_id (fresh);
      CacheEntry *entry = g_hash_table_lookup (self->cache, &id);

      gboolean was_shown = entry != NULL && !entry->placeholder && !same_row (entry->ticket, fresh);

      if (cache_insert (self, fresh, FALSE, generation) != NULL && was_shown)
        g_array_append_val (changed, id);
    }

  apply_ids (self, ids);

  if (changed->len > 0)
    {
      g_autoptr(GHashTable) index = index_ids (self->ids);
      g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < changed->len; i++)
        {
          gpointer pos;

          if (g_hash_table_lookup_extended (index, &g_array_index (changed, gint64, i), NULL, &pos))
            {
              guint p = GPOINTER_TO_UINT (pos);
              g_array_append_val (positions, p);
            }
        }
      emit_rows_changed (self, positions);
    }

  if (old_n != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);

  set_answered (self, TRUE, partial);

  /* The rest of the list; its first rows are loaded already. Changes
   * that came in meanwhile are in its answer. */
  if (partial)
    {
      self->dirty = FALSE;
      start_query (self, 0, 0);
      return;
    }

  if (self->dirty)
    {
      self->dirty = FALSE;
      run_query (self, 0);
    }
}

static void
query_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autofree QueryClosure *closure = user_data;
  g_autoptr(FlTicketListModel) self = closure->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) preloaded = NULL;
  g_autoptr(GArray) ids = NULL;

  ids = fl_store_query_ids_finish (FL_STORE (object), result, &preloaded, &error);

  if (closure->serial != self->serial)
    return;

  if (ids == NULL)
    {
      set_loading (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not query tickets: %s", error->message);
      return;
    }

  apply_answer (self, ids, preloaded, closure->limit, closure->generation);
}

static void
start_query (FlTicketListModel *self,
             guint              limit,
             guint              n_preload)
{
  QueryClosure *closure;

  set_loading (self, TRUE);
  g_clear_object (&self->query_cancellable);
  self->query_cancellable = g_cancellable_new ();
  closure = g_new0 (QueryClosure, 1);
  closure->self = g_object_ref (self);
  closure->serial = self->serial;
  closure->generation = self->generation;
  closure->limit = limit;
  fl_store_query_ids_async (self->store, self->query, limit, n_preload, self->query_cancellable,
                            query_cb, closure);
}

/* @limit: the first page only, for a new query, or 0 */
static void
run_query (FlTicketListModel *self,
           guint              limit)
{
  if (self->query == NULL)
    return;

  if (self->loading)
    {
      /* One query at a time: note that another change came in. */
      self->dirty = TRUE;
      return;
    }

  start_query (self, limit, N_PRELOAD);
}

static void
on_tickets_changed_cb (FlTicketListModel *self,
                       GArray            *ids,
                       FlStore           *store)
{
  g_autoptr(GArray) cached = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->generation++;

  /* Refresh the rows we hold, without dropping them first, so they do
   * not flash as placeholders. */
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      CacheEntry *entry = g_hash_table_lookup (self->cache, &id);

      if (entry != NULL && !entry->placeholder)
        g_array_append_val (cached, id);
    }

  if (cached->len > 0)
    load_tickets (self, cached, NULL);

  run_query (self, 0);
}

static void
fl_ticket_list_model_dispose (GObject *object)
{
  FlTicketListModel *self = (FlTicketListModel *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_tickets_changed_cb, self);

  g_cancellable_cancel (self->query_cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->load_source, g_source_remove);

  G_OBJECT_CLASS (fl_ticket_list_model_parent_class)->dispose (object);
}

static void
fl_ticket_list_model_finalize (GObject *object)
{
  FlTicketListModel *self = (FlTicketListModel *)object;

  /* The LRU links live inside the cache entries: forget them, and let
   * the hash table free the entries. */
  g_queue_init (&self->lru);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pending_loads, g_array_unref);
  g_clear_pointer (&self->pending_positions, g_array_unref);
  g_clear_pointer (&self->query, fl_query_unref);
  g_clear_object (&self->query_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fl_ticket_list_model_parent_class)->finalize (object);
}

static void
fl_ticket_list_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FlTicketListModel *self = FL_TICKET_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_QUERY:
      g_value_set_boxed (value, self->query);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_ANSWERED:
      g_value_set_boolean (value, self->answered);
      break;

    case PROP_PARTIAL:
      g_value_set_boolean (value, self->partial);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_ticket_list_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  FlTicketListModel *self = FL_TICKET_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      g_signal_connect_object (self->store, "tickets-changed",
                               G_CALLBACK (on_tickets_changed_cb), self,
                               G_CONNECT_SWAPPED);
      break;

    case PROP_QUERY:
      fl_ticket_list_model_set_query (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_ticket_list_model_class_init (FlTicketListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fl_ticket_list_model_dispose;
  object_class->finalize = fl_ticket_list_model_finalize;
  object_class->get_property = fl_ticket_list_model_get_property;
  object_class->set_property = fl_ticket_list_model_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FL_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL,
                        FL_TYPE_QUERY,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether the list shows the answer to the current query, or the
   * first page of it. */
  properties [PROP_ANSWERED] =
    g_param_spec_boolean ("answered", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether the list is the first page of the answer, the rest coming. */
  properties [PROP_PARTIAL] =
    g_param_spec_boolean ("partial", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fl_ticket_list_model_init (FlTicketListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, cache_entry_free);
  self->pending_loads = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending_positions = g_array_new (FALSE, FALSE, sizeof (guint));
  self->load_cancellable = g_cancellable_new ();
}

/**
 * fl_ticket_list_model_new:
 *
 * Returns: (transfer full): an empty model; set a query to fill it
 */
FlTicketListModel *
fl_ticket_list_model_new (FlStore *store)
{
  g_return_val_if_fail (FL_IS_STORE (store), NULL);

  return g_object_new (FL_TYPE_TICKET_LIST_MODEL, "store", store, NULL);
}

FlStore *
fl_ticket_list_model_get_store (FlTicketListModel *self)
{
  g_return_val_if_fail (FL_IS_TICKET_LIST_MODEL (self), NULL);

  return self->store;
}

/**
 * fl_ticket_list_model_get_query:
 *
 * Returns: (transfer none) (nullable): the query
 */
FlQuery *
fl_ticket_list_model_get_query (FlTicketListModel *self)
{
  g_return_val_if_fail (FL_IS_TICKET_LIST_MODEL (self), NULL);

  return self->query;
}

/**
 * fl_ticket_list_model_set_query:
 * @query: (nullable): the new query
 *
 * Replaces the query and runs it in a worker; the model keeps showing the
 * old rows until the first page of the answer arrives, then replaces them
 * all at once, and appends the rest of the answer when it comes.
 */
void
fl_ticket_list_model_set_query (FlTicketListModel *self,
                                FlQuery           *query)
{
  guint old_n;

  g_return_if_fail (FL_IS_TICKET_LIST_MODEL (self));

  if (self->query == query ||
      (self->query && query && fl_query_equal (self->query, query)))
    return;

  g_clear_pointer (&self->query, fl_query_unref);
  self->query = query ? fl_query_ref (query) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_QUERY]);

  /* A new query is a new list: drop the old answer and any in flight. */
  self->serial++;
  self->dirty = FALSE;
  g_cancellable_cancel (self->query_cancellable);
  set_loading (self, FALSE);
  set_answered (self, FALSE, FALSE);

  old_n = self->ids->len;
  if (query == NULL)
    {
      g_array_set_size (self->ids, 0);
      if (old_n > 0)
        {
          g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
          g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
        }
      return;
    }

  /* A view's first page is a walk of one of its indexes that finds its
   * rows in about a millisecond even at 100 000 tickets: it is answered
   * here, before the next frame, so the list never shows the old view
   * under the new one's title for a frame (a frame costs far more than
   * the query on a software renderer). A search may read much more of
   * the full-text index, and keeps to the worker. */
  if (fl_query_get_text (query) == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) preloaded = NULL;
      g_autoptr(GArray) ids = NULL;

      set_loading (self, TRUE);
      ids = fl_store_query_page (self->store, query, FIRST_PAGE, N_PRELOAD, &preloaded, &error);
      if (ids != NULL)
        {
          apply_answer (self, ids, preloaded, FIRST_PAGE, self->generation);
          return;
        }

      g_warning ("Could not query tickets: %s", error->message);
      set_loading (self, FALSE);
    }

  run_query (self, FIRST_PAGE);
}

/**
 * fl_ticket_list_model_get_loading:
 *
 * Returns: whether a query is running
 */
gboolean
fl_ticket_list_model_get_loading (FlTicketListModel *self)
{
  g_return_val_if_fail (FL_IS_TICKET_LIST_MODEL (self), FALSE);

  return self->loading;
}

/**
 * fl_ticket_list_model_get_answered:
 *
 * Returns: whether the model shows the answer to its current query, or
 *   the first page of it (see fl_ticket_list_model_get_partial())
 */
gboolean
fl_ticket_list_model_get_answered (FlTicketListModel *self)
{
  g_return_val_if_fail (FL_IS_TICKET_LIST_MODEL (self), FALSE);

  return self->answered;
}

/**
 * fl_ticket_list_model_get_partial:
 *
 * Returns: whether the model shows only the first page of its answer,
 *   the rest being read; its number of items is not the count yet
 */
gboolean
fl_ticket_list_model_get_partial (FlTicketListModel *self)
{
  g_return_val_if_fail (FL_IS_TICKET_LIST_MODEL (self), FALSE);

  return self->partial;
}

/**
 * fl_ticket_list_model_refresh:
 *
 * Runs the query again, for example when the SLA views' time moved on.
 */
void
fl_ticket_list_model_refresh (FlTicketListModel *self)
{
  g_return_if_fail (FL_IS_TICKET_LIST_MODEL (self));

  run_query (self, 0);
}

/**
 * fl_ticket_list_model_get_id:
 *
 * Returns: the id of the ticket at @position, or 0
 */
gint64
fl_ticket_list_model_get_id (FlTicketListModel *self,
                             guint              position)
{
  g_return_val_if_fail (FL_IS_TICKET_LIST_MODEL (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

/**
 * fl_ticket_list_model_find:
 *
 * Returns: the position of @ticket_id, or %G_MAXUINT
 */
guint
fl_ticket_list_model_find (FlTicketListModel *self,
                           gint64             ticket_id)
{
  g_return_val_if_fail (FL_IS_TICKET_LIST_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    {
      if (g_array_index (self->ids, gint64, i) == ticket_id)
        return i;
    }

  return G_MAXUINT;
}

/**
 * fl_ticket_list_model_get_n_cached:
 *
 * Returns: how many ticket objects the model holds; for tests and the
 *   benchmark
 */
guint
fl_ticket_list_model_get_n_cached (FlTicketListModel *self)
{
  g_return_val_if_fail (FL_IS_TICKET_LIST_MODEL (self), 0);

  return g_hash_table_size (self->cache);
}
