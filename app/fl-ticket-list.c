/* fl-ticket-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-ticket-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fl-account.h"
#include "fl-search.h"
#include "fl-ticket-list.h"
#include "fl-ticket-row.h"

/**
 * FlTicketList:
 *
 * The inbox list: a #GtkListView over a #FlTicketListModel, so SQLite does
 * the filtering and sorting and only the rows on screen exist as widgets.
 */
struct _FlTicketList
{
  GtkWidget           parent_instance;

  FlTicketListModel  *model;
  GtkSliceListModel  *slice;
  GtkMultiSelection  *selection;
  GPtrArray          *rows;
  GPtrArray          *spare_rows;
  FlSearch           *search;
  gint64              selected_id;
  gint64              next_cursor;
  guint               n_selected;
  GHashTable         *selected_ids;  /* gint64 *, the selection by id */
  GListModel         *accounts;
  GHashTable         *account_colors;  /* gint64 * account id → colour */
  guint               reselect_source;
  guint               clock_source;
  guint               populated_source;
  guint               focus_tick;
  guint               grow_tick;
  guint               focus_frames;
  GtkWidget          *focus_at_move;  /* weak */
  gboolean            populated;
  gboolean            grow_wait;

  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (FlTicketList, fl_ticket_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_N_SELECTED,
  N_PROPS
};

enum {
  TICKET_SELECTED,
  TICKET_ACTIVATED,
  POPULATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The clock updates every row that exists. A list view may drop rows
 * without a teardown (on its own disposal, say), so the list lets go of a
 * row when the row goes, not only on teardown. */
/* A list view keeps rows for about 200 items. */
#define MAX_SPARE_ROWS 256

static void
row_gone_cb (gpointer  data,
             GObject  *where_the_row_was)
{
  FlTicketList *self = data;

  if (self->rows != NULL)
    g_ptr_array_remove_fast (self->rows, where_the_row_was);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          FlTicketList             *self)
{
  g_autoptr(GtkWidget) row = NULL;

  if (self->spare_rows->len > 0)
    row = g_ptr_array_steal_index_fast (self->spare_rows, self->spare_rows->len - 1);
  else
    row = g_object_ref_sink (fl_ticket_row_new ());

  gtk_list_item_set_child (item, row);
  g_ptr_array_add (self->rows, row);
  g_object_weak_ref (G_OBJECT (row), row_gone_cb, self);
}

/* The stripe tells accounts apart, so it shows only when there are
 * several. An account without a colour of its own gets one of these,
 * by its id, so it keeps it. */
static const char * const fallback_colors[] = {
  "#3584e4", "#e66100", "#2ec27e", "#9141ac", "#e5a50a", "#c01c28", "#865e3c",
};

static const char *
account_color (FlTicketList *self,
               FlTicket     *ticket)
{
  gint64 id;

  if (ticket == NULL || g_hash_table_size (self->account_colors) < 2)
    return NULL;

  id = fl_ticket_get_account_id (ticket);
  return g_hash_table_lookup (self->account_colors, &id);
}

static void
on_accounts_changed_cb (FlTicketList *self,
                        guint         position,
                        guint         removed,
                        guint         added,
                        GListModel   *accounts)
{
  guint n = g_list_model_get_n_items (accounts);

  g_hash_table_remove_all (self->account_colors);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FlAccount) account = g_list_model_get_item (accounts, i);
      const char *color = fl_account_get_color (account);
      gint64 *id = g_new (gint64, 1);

      *id = fl_account_get_id (account);
      if (color == NULL || *color == '\0')
        color = fallback_colors[(guint64) *id % G_N_ELEMENTS (fallback_colors)];
      g_hash_table_insert (self->account_colors, id, g_strdup (color));
    }

  /* Rows on screen take the new colours now. */
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      FlTicketRow *row = self->rows->pdata[i];
      FlTicket *ticket = fl_ticket_row_get_ticket (row);

      if (ticket != NULL)
        fl_ticket_row_set_ticket (row, ticket, account_color (self, ticket));
    }
}

/**
 * fl_ticket_list_set_accounts:
 * @accounts: (element-type FlAccount): the connected accounts
 *
 * With several accounts, each row shows its account's colour.
 */
void
fl_ticket_list_set_accounts (FlTicketList *self,
                             GListModel   *accounts)
{
  g_return_if_fail (FL_IS_TICKET_LIST (self));
  g_return_if_fail (G_IS_LIST_MODEL (accounts));

  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_func (self->accounts, on_accounts_changed_cb, self);
  g_set_object (&self->accounts, accounts);
  g_signal_connect_object (accounts, "items-changed",
                           G_CALLBACK (on_accounts_changed_cb), self, G_CONNECT_SWAPPED);
  on_accounts_changed_cb (self, 0, 0, 0, accounts);
}

static const char * const *
get_highlights (FlTicketList *self)
{
  return self->search ? fl_search_get_highlights (self->search) : NULL;
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         FlTicketList             *self)
{
  FlTicket *ticket = gtk_list_item_get_item (item);

  fl_ticket_row_set_highlights (FL_TICKET_ROW (gtk_list_item_get_child (item)),
                                get_highlights (self));
  fl_ticket_row_set_ticket (FL_TICKET_ROW (gtk_list_item_get_child (item)), ticket,
                            account_color (self, ticket));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           FlTicketList             *self)
{
  fl_ticket_row_set_ticket (FL_TICKET_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             FlTicketList             *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (self->rows != NULL && row != NULL && g_ptr_array_remove_fast (self->rows, row))
    {
      g_object_weak_unref (G_OBJECT (row), row_gone_cb, self);

      /* Making a row costs more than binding one: a list replaced by
       * another gives its rows to the next. */
      if (self->spare_rows != NULL && self->spare_rows->len < MAX_SPARE_ROWS)
        g_ptr_array_add (self->spare_rows, g_object_ref (row));
    }
}

static gboolean
clock_cb (gpointer user_data)
{
  fl_ticket_list_update_times (user_data);

  return G_SOURCE_CONTINUE;
}

static gboolean
emit_populated_cb (gpointer user_data)
{
  FlTicketList *self = user_data;

  self->populated_source = 0;
  self->populated = TRUE;
  g_signal_emit (self, signals [POPULATED], 0);
  return G_SOURCE_REMOVE;
}

static void
update_state (FlTicketList *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  gboolean loading = self->model && fl_ticket_list_model_get_loading (self->model);
  FlQuery *query = self->model ? fl_ticket_list_model_get_query (self->model) : NULL;

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (loading)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else
    {
      if (query != NULL && fl_query_get_text (query) != NULL)
        {
          const char *hint = self->search ? fl_search_get_hint (self->search) : NULL;

          /* A search that was partly not understood says so here too,
           * so an empty list always comes with its reason. */
          adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Results"));
          adw_status_page_set_description (self->empty_page,
                                           hint ? hint : _("No ticket in this view matches the search."));
        }
      else
        {
          adw_status_page_set_icon_name (self->empty_page, "fl-inbox-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Tickets"));
          adw_status_page_set_description (self->empty_page, _("Nothing needs you in this view."));
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  /* Announced from an idle: handlers may select a row, which must not
   * happen while the list view is still taking the change in, but
   * before the next frame is drawn. The first answer is enough: the
   * rest of a long list comes later. */
  if (n > 0 && fl_ticket_list_model_get_answered (self->model) &&
      !self->populated && self->populated_source == 0)
    self->populated_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, emit_populated_cb, self, NULL);
}

/* Remembers the selection by ticket id and counts it. */
static void
sync_selection (FlTicketList *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;
  guint n = gtk_bitset_get_size (set);

  g_hash_table_remove_all (self->selected_ids);
  if (gtk_bitset_iter_init_first (&iter, set, &position))
    do
      {
        gint64 id = fl_ticket_list_model_get_id (self->model, position);

        g_hash_table_add (self->selected_ids, g_memdup2 (&id, sizeof id));
      }
    while (gtk_bitset_iter_next (&iter, &position));

  if (n != self->n_selected)
    {
      self->n_selected = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SELECTED]);
    }
}

/* Replacing the list makes a GtkListView build and bind a row for each
 * of its first 200 items at once, which takes many frames. So a new list
 * is shown through a slice of the rows that fit on screen, and the slice
 * grows to the whole list over the next frames, a few rows a frame. */
#define LIST_VIEW_ROWS  200  /* GtkListView keeps rows for this many items */
#define ROWS_PER_FRAME  12
#define ROW_HEIGHT      70   /* until a row has been measured */

static guint
rows_that_fit (FlTicketList *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->list_view));
  int row_height = ROW_HEIGHT;

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      int h = gtk_widget_get_height (self->rows->pdata[i]);

      if (h > 0)
        {
          row_height = MAX (h, 24);
          break;
        }
    }

  return MAX (height, 600) / row_height + 2;
}

static void
show_all_rows (FlTicketList *self)
{
  if (self->grow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->grow_tick);
  self->grow_tick = 0;
  if (self->slice != NULL)
    gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

/* Rows are about to be selected or scrolled to by position. */
static void
ensure_listed (FlTicketList *self,
               guint         position)
{
  if (self->slice != NULL && position >= gtk_slice_list_model_get_size (self->slice))
    show_all_rows (self);
}

static gboolean
grow_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  FlTicketList *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->slice);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  /* The frame that first shows the list draws only what fits. */
  if (self->grow_wait)
    {
      self->grow_wait = FALSE;
      return G_SOURCE_CONTINUE;
    }

  if (size >= LIST_VIEW_ROWS || (n <= size && !fl_ticket_list_model_get_loading (self->model)))
    {
      self->grow_tick = 0;
      gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }

  if (n > size)
    gtk_slice_list_model_set_size (self->slice, size + ROWS_PER_FRAME);
  return G_SOURCE_CONTINUE;
}

/* The slice grows on the list view's frames, so while the list is not
 * on screen it waits; anything that needs a row by its position shows
 * them all at once (ensure_listed()). */
static void
show_rows_gradually (FlTicketList *self)
{
  /* A new list starts at its top. This also moves GtkListView's focus
   * tracker (set by scroll-to-item) to the top: GTK 4.8 stops giving
   * rows a place when the tracked item is cut from the slice. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->slice)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  gtk_slice_list_model_set_size (self->slice, rows_that_fit (self));
  self->grow_wait = TRUE;
  if (self->grow_tick == 0)
    self->grow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), grow_cb, self, NULL);
}

/* A ticket that changed moves in the list: the model removes and adds it
 * again, and GtkMultiSelection forgets it (GtkSingleSelection followed
 * it). Select again, by id, whatever was selected and is still listed. */
static gboolean
reselect_cb (gpointer user_data)
{
  FlTicketList *self = user_data;
  g_autoptr(GtkBitset) again = gtk_bitset_new_empty ();
  guint n = fl_ticket_list_get_n_items (self);

  self->reselect_source = 0;
  show_all_rows (self);

  for (guint i = 0; i < n; i++)
    {
      gint64 id = fl_ticket_list_model_get_id (self->model, i);

      if (g_hash_table_contains (self->selected_ids, &id))
        gtk_bitset_add (again, i);
    }

  if (!gtk_bitset_is_empty (again))
    gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), again, again);
  sync_selection (self);
  return G_SOURCE_REMOVE;
}

static void
on_items_changed_cb (FlTicketList *self,
                     guint         position,
                     guint         removed,
                     guint         added,
                     GListModel   *model)
{
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
  update_state (self);

  /* After the selection and the list view have taken the change in. */
  if (g_hash_table_size (self->selected_ids) > 0 && self->reselect_source == 0)
    self->reselect_source = g_idle_add (reselect_cb, self);
}

static void
on_loading_cb (FlTicketList      *self,
               GParamSpec        *pspec,
               FlTicketListModel *model)
{
  update_state (self);
}

static gint64
id_at (FlTicketList *self,
       guint         position)
{
  return fl_ticket_list_model_get_id (self->model, position);
}

/* With several rows selected, the ticket shown is the one the agent
 * touched last: the cursor, kept by id, or else the last selected row of
 * the range that just changed. */
static void
on_selection_changed_cb (FlTicketList      *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *selection)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (selection);
  guint n = gtk_bitset_get_size (set);
  gint64 id = 0;

  if (n == 1)
    id = id_at (self, gtk_bitset_get_minimum (set));
  else if (n > 1)
    {
      guint cursor = self->selected_id ? fl_ticket_list_model_find (self->model, self->selected_id) : G_MAXUINT;

      /* Shift+J and Shift+K say where the cursor goes. */
      if (self->next_cursor != 0)
        {
          guint next = fl_ticket_list_model_find (self->model, self->next_cursor);

          if (next != G_MAXUINT && gtk_bitset_contains (set, next))
            id = self->next_cursor;
        }
      if (id == 0 && cursor != G_MAXUINT && gtk_bitset_contains (set, cursor))
        id = self->selected_id;
      for (guint i = position + n_items; id == 0 && i > position; i--)
        if (gtk_bitset_contains (set, i - 1))
          id = id_at (self, i - 1);
      if (id == 0)
        id = id_at (self, gtk_bitset_get_minimum (set));
    }

  sync_selection (self);

  /* A row that was only reloaded keeps its id: nothing to announce. */
  if (id == self->selected_id)
    return;

  self->selected_id = id;
  g_signal_emit (self, signals [TICKET_SELECTED], 0, id);
}

static void
on_activate_cb (FlTicketList *self,
                guint         position,
                GtkListView  *list_view)
{
  gint64 id = fl_ticket_list_model_get_id (self->model, position);

  if (id != 0)
    g_signal_emit (self, signals [TICKET_ACTIVATED], 0, id);
}

static void
fl_ticket_list_dispose (GObject *object)
{
  FlTicketList *self = (FlTicketList *)object;

  g_clear_handle_id (&self->clock_source, g_source_remove);
  g_clear_handle_id (&self->populated_source, g_source_remove);
  g_clear_handle_id (&self->reselect_source, g_source_remove);
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->focus_tick);
  self->focus_tick = 0;
  if (self->grow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->grow_tick);
  self->grow_tick = 0;
  g_clear_weak_pointer (&self->focus_at_move);
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    g_object_weak_unref (self->rows->pdata[i], row_gone_cb, self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->spare_rows, g_ptr_array_unref);
  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_func (self->accounts, on_accounts_changed_cb, self);
  g_clear_object (&self->accounts);
  g_clear_pointer (&self->account_colors, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_TICKET_LIST);

  /* The template's top widget has no name, so unparent it here. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_pointer (&self->search, fl_search_free);
  g_clear_pointer (&self->selected_ids, g_hash_table_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (fl_ticket_list_parent_class)->dispose (object);
}

/* The list item (the row's parent, which takes the focus) that shows
 * @ticket_id on screen, if there is one now. */
static GtkWidget *
find_item (FlTicketList *self,
           gint64        ticket_id)
{
  for (guint i = 0; ticket_id != 0 && self->rows != NULL && i < self->rows->len; i++)
    {
      FlTicket *ticket = fl_ticket_row_get_ticket (self->rows->pdata[i]);
      GtkWidget *item = gtk_widget_get_parent (self->rows->pdata[i]);

      if (ticket != NULL && fl_ticket_get_id (ticket) == ticket_id &&
          item != NULL && gtk_widget_get_mapped (item))
        return item;
    }

  return NULL;
}

/* Puts the keyboard focus on the selected row, so that Enter opens the
 * ticket j and k moved to, and the arrows go on from there. */
static gboolean
focus_selected (FlTicketList *self)
{
  GtkWidget *item = find_item (self, self->selected_id);

  return item != NULL && gtk_widget_grab_focus (item);
}

static GtkWidget *
current_focus (FlTicketList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL ? gtk_root_get_focus (root) : NULL;
}

/* A row scrolled into view exists only after the next layout. If the
 * focus moved meanwhile (Enter went into the ticket), it stays there. */
static gboolean
focus_selected_tick_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  FlTicketList *self = user_data;
  GtkWidget *focus = current_focus (self);

  if ((focus != self->focus_at_move && !(focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))) ||
      focus_selected (self) || ++self->focus_frames > 10)
    {
      self->focus_tick = 0;
      g_clear_weak_pointer (&self->focus_at_move);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
focus_selected_soon (FlTicketList *self)
{
  if (focus_selected (self))
    return;

  g_set_weak_pointer (&self->focus_at_move, current_focus (self));
  self->focus_frames = 0;
  if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                     focus_selected_tick_cb, self, NULL);
}

/* The keyboard focus goes to the selected row, else to the list's focus
 * row. */
static gboolean
fl_ticket_list_grab_focus (GtkWidget *widget)
{
  FlTicketList *self = FL_TICKET_LIST (widget);

  return focus_selected (self) || gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
fl_ticket_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FlTicketList *self = FL_TICKET_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, fl_ticket_list_get_n_items (self));
      break;

    case PROP_N_SELECTED:
      g_value_set_uint (value, self->n_selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_ticket_list_class_init (FlTicketListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_ticket_list_dispose;
  object_class->get_property = fl_ticket_list_get_property;
  widget_class->grab_focus = fl_ticket_list_grab_focus;

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_SELECTED] =
    g_param_spec_uint ("n-selected", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FlTicketList::ticket-selected:
   * @ticket_id: the selected ticket's store id, or 0
   */
  signals [TICKET_SELECTED] =
    g_signal_new ("ticket-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * FlTicketList::ticket-activated:
   * @ticket_id: the ticket opened with Enter or a double click
   */
  signals [TICKET_ACTIVATED] =
    g_signal_new ("ticket-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * FlTicketList::populated:
   *
   * Emitted once, when the list first shows tickets.
   */
  signals [POPULATED] =
    g_signal_new ("populated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "flticketlist");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-ticket-list.ui");
  gtk_widget_class_bind_template_child (widget_class, FlTicketList, stack);
  gtk_widget_class_bind_template_child (widget_class, FlTicketList, list_view);
  gtk_widget_class_bind_template_child (widget_class, FlTicketList, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
}

static void
fl_ticket_list_init (FlTicketList *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->spare_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->selected_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->account_colors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  self->clock_source = g_timeout_add_seconds (30, clock_cb, self);
}

/**
 * fl_ticket_list_set_store:
 *
 * Gives the list its model; call once, before setting a query.
 */
void
fl_ticket_list_set_store (FlTicketList *self,
                          FlStore      *store)
{
  g_return_if_fail (FL_IS_TICKET_LIST (self));
  g_return_if_fail (FL_IS_STORE (store));

  if (self->model != NULL && fl_ticket_list_model_get_store (self->model) == store)
    return;

  show_all_rows (self);
  g_clear_object (&self->model);
  g_clear_object (&self->slice);
  g_clear_object (&self->selection);

  self->model = fl_ticket_list_model_new (store);
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading",
                           G_CALLBACK (on_loading_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::answered",
                           G_CALLBACK (on_loading_cb), self, G_CONNECT_SWAPPED);

  /* Several tickets can be selected (Shift or Ctrl with a click, Shift+J
   * and Shift+K) for the bulk actions. */
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->model)), 0, G_MAXUINT);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

/**
 * fl_ticket_list_set_query:
 *
 * Shows @query's tickets. The selection goes with the old list.
 */
void
fl_ticket_list_set_query (FlTicketList *self,
                          FlQuery      *query)
{
  g_return_if_fail (FL_IS_TICKET_LIST (self));
  g_return_if_fail (self->model != NULL);

  g_clear_pointer (&self->search, fl_search_free);
  if (fl_query_get_text (query) != NULL)
    self->search = fl_search_parse (fl_query_get_text (query));

  /* Rows the new list keeps are not bound again: give them the new
   * highlights directly. The list view's children hold the rows. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (FL_IS_TICKET_ROW (row))
        fl_ticket_row_set_highlights (FL_TICKET_ROW (row), get_highlights (self));
    }

  /* The same list again (the view chosen again, say) stays as it is. */
  if (fl_ticket_list_model_get_query (self->model) == NULL ||
      !fl_query_equal (fl_ticket_list_model_get_query (self->model), query))
    show_rows_gradually (self);
  fl_ticket_list_model_set_query (self->model, query);
  update_state (self);
}

/**
 * fl_ticket_list_get_search_hint:
 *
 * Returns: (nullable): what the current search could not understand
 */
const char *
fl_ticket_list_get_search_hint (FlTicketList *self)
{
  g_return_val_if_fail (FL_IS_TICKET_LIST (self), NULL);

  return self->search ? fl_search_get_hint (self->search) : NULL;
}

/**
 * fl_ticket_list_get_model:
 *
 * Returns: (transfer none) (nullable): the model
 */
FlTicketListModel *
fl_ticket_list_get_model (FlTicketList *self)
{
  g_return_val_if_fail (FL_IS_TICKET_LIST (self), NULL);

  return self->model;
}

guint
fl_ticket_list_get_n_items (FlTicketList *self)
{
  g_return_val_if_fail (FL_IS_TICKET_LIST (self), 0);

  return self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

/**
 * fl_ticket_list_get_selected:
 *
 * Returns: the selected ticket's id, or 0
 */
gint64
fl_ticket_list_get_selected (FlTicketList *self)
{
  g_return_val_if_fail (FL_IS_TICKET_LIST (self), 0);

  return self->selected_id;
}

void
fl_ticket_list_select (FlTicketList *self,
                       guint         position)
{
  g_return_if_fail (FL_IS_TICKET_LIST (self));

  if (self->selection != NULL && position < fl_ticket_list_get_n_items (self))
    {
      ensure_listed (self, position);
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
    }
}

/**
 * fl_ticket_list_move:
 * @delta: how many rows down (positive) or up (negative)
 * @extend: add the row to the selection instead of selecting it alone
 *
 * Moves to the row @delta rows from the shown ticket, or to the first row
 * when none is shown, scrolls to it and gives it the keyboard focus.
 * Extending back over rows already selected takes the row that is left
 * out of the selection, as in a mail client.
 */
void
fl_ticket_list_move (FlTicketList *self,
                     int           delta,
                     gboolean      extend)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
  guint n = fl_ticket_list_get_n_items (self);
  guint cursor;
  gint64 position;

  g_return_if_fail (FL_IS_TICKET_LIST (self));

  if (self->selection == NULL || n == 0)
    return;

  cursor = self->selected_id ? fl_ticket_list_model_find (self->model, self->selected_id) : G_MAXUINT;
  if (cursor == G_MAXUINT)
    position = 0;
  else
    position = CLAMP ((gint64) cursor + delta, 0, (gint64) n - 1);
  ensure_listed (self, position);

  if (!extend || cursor == G_MAXUINT)
    gtk_selection_model_select_item (selection, position, TRUE);
  else if (position != cursor && gtk_selection_model_is_selected (selection, position))
    {
      /* Shrinking: the row left behind goes, and the cursor moves on. */
      self->next_cursor = id_at (self, position);
      gtk_selection_model_unselect_item (selection, cursor);
    }
  else
    {
      self->next_cursor = id_at (self, position);
      gtk_selection_model_select_item (selection, position, FALSE);
    }
  self->next_cursor = 0;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", (guint) position);

  /* The focus follows, wherever it was: j then Enter opens that ticket
   * rather than pressing the button that had the focus. */
  focus_selected_soon (self);
}

/**
 * fl_ticket_list_get_selected_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of every
 *   selected ticket, in list order
 */
GArray *
fl_ticket_list_get_selected_ids (FlTicketList *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) set = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (FL_IS_TICKET_LIST (self), ids);

  if (self->selection == NULL)
    return ids;

  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_iter_init_first (&iter, set, &position))
    do
      {
        gint64 id = id_at (self, position);

        if (id != 0)
          g_array_append_val (ids, id);
      }
    while (gtk_bitset_iter_next (&iter, &position));

  return ids;
}

guint
fl_ticket_list_get_n_selected (FlTicketList *self)
{
  g_return_val_if_fail (FL_IS_TICKET_LIST (self), 0);

  return self->n_selected;
}

/**
 * fl_ticket_list_get_selection:
 *
 * Its positions are the model's. Every row of the list is in it.
 *
 * Returns: (transfer none) (nullable): the list's selection model
 */
GtkSelectionModel *
fl_ticket_list_get_selection (FlTicketList *self)
{
  g_return_val_if_fail (FL_IS_TICKET_LIST (self), NULL);

  show_all_rows (self);
  return GTK_SELECTION_MODEL (self->selection);
}

void
fl_ticket_list_unselect_all (FlTicketList *self)
{
  g_return_if_fail (FL_IS_TICKET_LIST (self));

  /* Between a change that moved selected rows (GtkMultiSelection lets
   * go of them without a selection-changed) and reselect_cb() putting
   * them back, the selection model has nothing to unselect: forget the
   * ids too, so nothing comes back. */
  g_clear_handle_id (&self->reselect_source, g_source_remove);
  g_hash_table_remove_all (self->selected_ids);
  if (self->selection == NULL)
    return;
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  sync_selection (self);
}

/**
 * fl_ticket_list_select_id:
 * @ticket_id: a ticket's store id
 *
 * Selects and scrolls to @ticket_id when this view has it. When it does
 * not, the selection is let go of quietly, without announcing an empty
 * selection: the caller shows that ticket itself.
 *
 * Returns: whether the view has the ticket
 */
gboolean
fl_ticket_list_select_id (FlTicketList *self,
                          gint64        ticket_id)
{
  guint position;

  g_return_val_if_fail (FL_IS_TICKET_LIST (self), FALSE);

  if (self->selection == NULL)
    return FALSE;

  position = fl_ticket_list_model_find (self->model, ticket_id);
  if (position == G_MAXUINT)
    {
      self->selected_id = 0;
      gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
      return FALSE;
    }

  ensure_listed (self, position);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

/**
 * fl_ticket_list_update_times:
 *
 * Rewrites every row's age and SLA badge now, as the list's clock does
 * twice a minute; for when the way times are written changes (the
 * calendar, say).
 */
void
fl_ticket_list_update_times (FlTicketList *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_if_fail (FL_IS_TICKET_LIST (self));

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    fl_ticket_row_update_time (self->rows->pdata[i], now);
}
