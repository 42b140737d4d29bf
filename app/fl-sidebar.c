/* fl-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "fl-sidebar.h"
#include "fl-sidebar-row.h"

/* Counts are recomputed at most this often while a sync writes, and at
 * least once a minute, since the SLA views depend on the time. */
#define RECOUNT_DELAY_MS   250
#define RECOUNT_PERIOD_S   60
#define FIRST_COUNT_DELAY_MS 500

/**
 * FlSidebar:
 *
 * The views: the built-in ones, one per channel and one per account, each
 * with a live count. Counting runs in a worker, in one read transaction.
 */
struct _FlSidebar
{
  GtkWidget     parent_instance;

  FlContext    *context;
  GCancellable *cancellable;
  GPtrArray    *rows;
  guint         recount_source;
  guint         period_source;
  gboolean      counting;
  gboolean      recount_again;
  gboolean      counted_once;

  GtkListBox   *list_box;
};

G_DEFINE_FINAL_TYPE (FlSidebar, fl_sidebar, GTK_TYPE_WIDGET)

enum {
  VIEW_SELECTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void recount (FlSidebar *self);

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FlSidebar) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = fl_store_count_many_finish (FL_STORE (object), result, &error);

  self->counting = FALSE;

  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count the views: %s", error->message);
      return;
    }

  for (guint i = 0; i < counts->len && i < self->rows->len; i++)
    fl_sidebar_row_set_count (self->rows->pdata[i], g_array_index (counts, guint, i));

  if (self->recount_again)
    {
      self->recount_again = FALSE;
      recount (self);
    }
}

static void
recount (FlSidebar *self)
{
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func ((GDestroyNotify) fl_query_unref);

  if (self->context == NULL || self->rows->len == 0)
    return;

  if (self->counting)
    {
      self->recount_again = TRUE;
      return;
    }

  self->counted_once = TRUE;

  for (guint i = 0; i < self->rows->len; i++)
    g_ptr_array_add (queries, fl_query_copy (fl_sidebar_row_get_query (self->rows->pdata[i])));

  self->counting = TRUE;
  fl_store_count_many_async (fl_context_get_store (self->context), queries, self->cancellable,
                             counted_cb, g_object_ref (self));
}

static gboolean
recount_timeout_cb (gpointer user_data)
{
  FlSidebar *self = user_data;

  self->recount_source = 0;
  recount (self);
  return G_SOURCE_REMOVE;
}

static gboolean
period_cb (gpointer user_data)
{
  recount (user_data);
  return G_SOURCE_CONTINUE;
}

/* The first counts wait for the window's first frame (or
 * FIRST_COUNT_DELAY_MS, whichever comes first): the rows are drawn
 * without numbers in that frame anyway, and on a small machine the
 * counting worker would compete with drawing it. */
static void
on_first_paint_cb (GdkFrameClock *clock,
                   FlSidebar     *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint_cb, self);

  if (!self->counted_once)
    {
      g_clear_handle_id (&self->recount_source, g_source_remove);
      recount (self);
    }
}

static void
count_soon (FlSidebar *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->counted_once)
    {
      recount (self);
      return;
    }

  if (self->recount_source == 0)
    self->recount_source = g_timeout_add (FIRST_COUNT_DELAY_MS, recount_timeout_cb, self);
  if (clock != NULL)
    {
      g_signal_handlers_disconnect_by_func (clock, on_first_paint_cb, self);
      g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_paint_cb), self, 0);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_tickets_changed_cb (FlSidebar *self,
                       GArray    *ids,
                       FlStore   *store)
{
  if (self->recount_source == 0)
    self->recount_source = g_timeout_add (RECOUNT_DELAY_MS, recount_timeout_cb, self);
}

static void
add_row (FlSidebar  *self,
         FlQuery    *query,
         const char *nick,
         const char *title,
         const char *icon_name,
         const char *section)
{
  FlSidebarRow *row = fl_sidebar_row_new (query, nick, title, icon_name, section);

  g_ptr_array_add (self->rows, row);
  gtk_list_box_append (self->list_box, GTK_WIDGET (row));
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const char *section = fl_sidebar_row_get_section (FL_SIDEBAR_ROW (row));
  const char *prev = before ? fl_sidebar_row_get_section (FL_SIDEBAR_ROW (before)) : NULL;
  GtkWidget *header;

  if (section == NULL || g_strcmp0 (section, prev) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (section);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 18);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static void
rebuild (FlSidebar *self)
{
  GListModel *accounts = fl_context_get_accounts (self->context);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->rows, 0);

  for (FlView view = FL_VIEW_INBOX; view <= FL_VIEW_ALL; view++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (FL_TYPE_VIEW);
      g_autoptr(FlQuery) query = fl_query_new (view);

      add_row (self, query, g_enum_get_value (klass, view)->value_nick,
               fl_view_get_label (view), fl_view_get_icon_name (view), NULL);
    }

  for (FlChannel channel = 0; channel < FL_N_CHANNELS; channel++)
    {
      g_autoptr(FlQuery) query = fl_query_new (FL_VIEW_CHANNEL);
      g_autofree char *nick = g_strdup_printf ("channel:%s", fl_channel_to_string (channel));

      fl_query_set_channel (query, channel);
      add_row (self, query, nick, fl_channel_get_label (channel),
               fl_channel_get_icon_name (channel), C_("sidebar", "Channels"));
    }

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(FlAccount) account = g_list_model_get_item (accounts, i);
      g_autoptr(FlQuery) query = fl_query_new (FL_VIEW_ACCOUNT);
      g_autofree char *nick = g_strdup_printf ("account:%" G_GINT64_FORMAT, fl_account_get_id (account));

      fl_query_set_account_id (query, fl_account_get_id (account));
      add_row (self, query, nick, fl_account_get_name (account),
               g_strcmp0 (fl_account_get_kind (account), "demo") == 0
                 ? "applications-science-symbolic" : "network-server-symbolic",
               C_("sidebar", "Accounts"));
    }

  /* Saved searches narrow the view they were saved from. */
  {
    g_autoptr(GPtrArray) searches = fl_store_list_saved_searches (fl_context_get_store (self->context), NULL);
    guint n_fixed = self->rows->len;

    for (guint i = 0; searches && i < searches->len; i++)
      {
        FlSavedSearch *search = searches->pdata[i];
        g_autoptr(FlQuery) query = NULL;
        g_autofree char *nick = g_strdup_printf ("saved:%" G_GINT64_FORMAT, search->id);

        for (guint j = 0; j < n_fixed && query == NULL; j++)
          if (g_strcmp0 (fl_sidebar_row_get_nick (self->rows->pdata[j]), search->base_view) == 0)
            query = fl_query_copy (fl_sidebar_row_get_query (self->rows->pdata[j]));
        /* A view gone with its account leaves the search over all tickets. */
        if (query == NULL)
          query = fl_query_new (FL_VIEW_ALL);
        fl_query_set_text (query, search->text);

        add_row (self, query, nick, search->name, "edit-find-symbolic", C_("sidebar", "Saved Searches"));
      }
  }

  count_soon (self);
}

/**
 * fl_sidebar_reload:
 *
 * Builds the rows again, after a saved search was added, renamed or
 * removed, and keeps the selection when its view is still there.
 */
void
fl_sidebar_reload (FlSidebar *self)
{
  g_autofree char *nick = NULL;

  g_return_if_fail (FL_IS_SIDEBAR (self));

  if (self->context == NULL)
    return;

  nick = fl_sidebar_get_selected_nick (self);
  rebuild (self);
  if (nick == NULL || !fl_sidebar_select_nick (self, nick))
    fl_sidebar_select_nick (self, "inbox");
}

static void
on_accounts_changed_cb (FlSidebar  *self,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *accounts)
{
  g_autofree char *nick = fl_sidebar_get_selected_nick (self);

  rebuild (self);
  if (nick != NULL)
    fl_sidebar_select_nick (self, nick);
}

static void
on_row_selected_cb (FlSidebar     *self,
                    GtkListBoxRow *row,
                    GtkListBox    *list_box)
{
  if (row == NULL)
    return;

  g_signal_emit (self, signals [VIEW_SELECTED], 0,
                 fl_sidebar_row_get_query (FL_SIDEBAR_ROW (row)),
                 fl_sidebar_row_get_title (FL_SIDEBAR_ROW (row)));
}

static void
fl_sidebar_dispose (GObject *object)
{
  FlSidebar *self = (FlSidebar *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->recount_source, g_source_remove);
  g_clear_handle_id (&self->period_source, g_source_remove);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_SIDEBAR);

  /* The template's top widget has no name, so unparent it here. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (fl_sidebar_parent_class)->dispose (object);
}

static void
fl_sidebar_finalize (GObject *object)
{
  FlSidebar *self = (FlSidebar *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (fl_sidebar_parent_class)->finalize (object);
}

static void
fl_sidebar_class_init (FlSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_sidebar_dispose;
  object_class->finalize = fl_sidebar_finalize;

  /**
   * FlSidebar::view-selected:
   * @query: the view's query
   * @title: its translated name
   */
  signals [VIEW_SELECTED] =
    g_signal_new ("view-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, FL_TYPE_QUERY, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "flsidebar");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, FlSidebar, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
}

static void
fl_sidebar_init (FlSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  gtk_list_box_set_header_func (self->list_box, header_func, NULL, NULL);
}

/**
 * fl_sidebar_set_context:
 *
 * Builds the views for @context's accounts and keeps their counts live.
 */
void
fl_sidebar_set_context (FlSidebar *self,
                        FlContext *context)
{
  g_return_if_fail (FL_IS_SIDEBAR (self));
  g_return_if_fail (FL_IS_CONTEXT (context));

  if (self->context == context)
    return;

  g_clear_object (&self->context);
  self->context = g_object_ref (context);

  g_signal_connect_object (fl_context_get_store (context), "tickets-changed",
                           G_CALLBACK (on_tickets_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (fl_context_get_accounts (context), "items-changed",
                           G_CALLBACK (on_accounts_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->period_source == 0)
    self->period_source = g_timeout_add_seconds (RECOUNT_PERIOD_S, period_cb, self);

  rebuild (self);
}

/**
 * fl_sidebar_select_nick:
 * @nick: a view's stable name, such as "inbox" or "channel:chat"
 *
 * Returns: whether such a view exists
 */
gboolean
fl_sidebar_select_nick (FlSidebar  *self,
                        const char *nick)
{
  g_return_val_if_fail (FL_IS_SIDEBAR (self), FALSE);

  for (guint i = 0; self->rows && i < self->rows->len; i++)
    {
      FlSidebarRow *row = self->rows->pdata[i];

      if (g_strcmp0 (fl_sidebar_row_get_nick (row), nick) == 0)
        {
          gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * fl_sidebar_get_selected_nick:
 *
 * Returns: (transfer full) (nullable): the selected view's stable name
 */
char *
fl_sidebar_get_selected_nick (FlSidebar *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (FL_IS_SIDEBAR (self), NULL);

  row = gtk_list_box_get_selected_row (self->list_box);
  return row ? g_strdup (fl_sidebar_row_get_nick (FL_SIDEBAR_ROW (row))) : NULL;
}

/**
 * fl_sidebar_get_title:
 *
 * Returns: (nullable): the name shown for the view @nick, for tests
 */
const char *
fl_sidebar_get_title (FlSidebar  *self,
                      const char *nick)
{
  g_return_val_if_fail (FL_IS_SIDEBAR (self), NULL);

  for (guint i = 0; self->rows && i < self->rows->len; i++)
    {
      if (g_strcmp0 (fl_sidebar_row_get_nick (self->rows->pdata[i]), nick) == 0)
        return fl_sidebar_row_get_title (self->rows->pdata[i]);
    }

  return NULL;
}

/**
 * fl_sidebar_get_count:
 *
 * Returns: the last count shown for the view @nick, for tests
 */
guint
fl_sidebar_get_count (FlSidebar  *self,
                      const char *nick)
{
  g_return_val_if_fail (FL_IS_SIDEBAR (self), 0);

  for (guint i = 0; self->rows && i < self->rows->len; i++)
    {
      if (g_strcmp0 (fl_sidebar_row_get_nick (self->rows->pdata[i]), nick) == 0)
        return fl_sidebar_row_get_count (self->rows->pdata[i]);
    }

  return 0;
}
