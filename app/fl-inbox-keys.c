/* fl-inbox-keys.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-inbox-keys"

#include "config.h"

#include "fl-inbox-keys.h"

/* How long "g" waits for the view's letter. */
#define PREFIX_TIMEOUT_MS 1500

/**
 * FlInboxKeys:
 *
 * The inbox's one-letter shortcuts: j/k move, Shift+J/K extend the
 * selection, Enter opens, r replies, n adds a note, a assigns, s sets the
 * status, / searches, Esc goes back, and g followed by i, m, u or a goes
 * to Inbox, Assigned to Me, Unassigned or All Tickets. Each one activates
 * a window action ("win.next-ticket", …), so the window decides what it
 * means.
 *
 * They never fire while the focus is in something one types into (the
 * search entry, the composer, any entry), nor with Ctrl, Alt or Super.
 *
 * Keyboard layouts. An agent typing Persian has the Persian layout active,
 * and the key marked J then sends "ت" (Arabic teh); with the Turkish Q
 * layout the key marked I sends "ı". A GtkShortcutController matching
 * keyvals would see neither as "j" or "i". So a key is matched by what it
 * means in a Latin layout, found in this order:
 *
 *  1. the keyval itself when it is ASCII (this keeps Dvorak, Colemak and
 *     Turkish F users' letters where their keyboards have them);
 *  2. otherwise the other keyvals the display maps the same hardware key
 *     to, at the same shift level, in every configured layout group
 *     (gdk_display_map_keycode()): with "us,ir" or "tr,ir" configured,
 *     the Persian teh key also carries a "j" in the first group;
 *  3. otherwise the key's position on a US keyboard, from its keycode
 *     (evdev code + 8 under X11 and Wayland alike), for a system with a
 *     Persian layout only.
 *
 * The Turkish ı and İ count as i and I.
 *
 * Ctrl shortcuts. GTK matches an accelerator such as Ctrl+F in another
 * layout group when the active one lacks the letter, which needs a Latin
 * group to be configured. For a Persian layout alone, a Ctrl (or
 * Ctrl+Shift) press whose keyval is a non-Latin letter is read the same
 * way as above, and runs the shortcut GTK would have run for the Latin
 * key: the focused widget's, its containers', the window's or the
 * application's accelerator.
 */
struct _FlInboxKeys
{
  GObject    parent_instance;

  GtkWidget *window;       /* unowned: the window owns this */
  gboolean   prefix;       /* "g" was pressed */
  guint32    prefix_time;  /* its event time, or 0 */
};

G_DEFINE_FINAL_TYPE (FlInboxKeys, fl_inbox_keys, G_TYPE_OBJECT)

typedef struct
{
  guint       keyval;
  gboolean    shift;
  const char *action;
  const char *target;
} Binding;

static const Binding bindings[] = {
  { GDK_KEY_j, FALSE, "win.next-ticket", NULL },
  { GDK_KEY_k, FALSE, "win.previous-ticket", NULL },
  { GDK_KEY_j, TRUE, "win.extend-next-ticket", NULL },
  { GDK_KEY_k, TRUE, "win.extend-previous-ticket", NULL },
  { GDK_KEY_r, FALSE, "win.reply", NULL },
  { GDK_KEY_n, FALSE, "win.add-note", NULL },
  { GDK_KEY_a, FALSE, "win.assign", NULL },
  { GDK_KEY_s, FALSE, "win.set-status", NULL },
  { GDK_KEY_slash, FALSE, "win.search", NULL },
};

static const Binding go_bindings[] = {
  { GDK_KEY_i, FALSE, "win.go-view", "inbox" },
  { GDK_KEY_m, FALSE, "win.go-view", "mine" },
  { GDK_KEY_u, FALSE, "win.go-view", "unassigned" },
  { GDK_KEY_a, FALSE, "win.go-view", "all" },
};

/* Where the letters and the slash sit on a US keyboard, as X11 keycodes
 * (evdev + 8), for a layout with no Latin group at all. */
static const struct
{
  guint keycode;
  guint keyval;
} us_positions[] = {
  { 38, GDK_KEY_a }, { 56, GDK_KEY_b }, { 54, GDK_KEY_c }, { 40, GDK_KEY_d },
  { 26, GDK_KEY_e }, { 41, GDK_KEY_f }, { 42, GDK_KEY_g }, { 43, GDK_KEY_h },
  { 31, GDK_KEY_i }, { 44, GDK_KEY_j }, { 45, GDK_KEY_k }, { 46, GDK_KEY_l },
  { 58, GDK_KEY_m }, { 57, GDK_KEY_n }, { 32, GDK_KEY_o }, { 33, GDK_KEY_p },
  { 24, GDK_KEY_q }, { 27, GDK_KEY_r }, { 39, GDK_KEY_s }, { 28, GDK_KEY_t },
  { 30, GDK_KEY_u }, { 55, GDK_KEY_v }, { 25, GDK_KEY_w }, { 53, GDK_KEY_x },
  { 29, GDK_KEY_y }, { 52, GDK_KEY_z }, { 61, GDK_KEY_slash },
};

static gboolean
is_ascii (guint keyval)
{
  return keyval >= 0x20 && keyval < 0x7f;
}

/**
 * fl_inbox_keys_latin_keyval:
 * @keyval: what the active layout made of the key
 * @keycode: the hardware key
 * @state: the modifiers; only Shift matters
 *
 * Returns: the lower-case ASCII keyval the key stands for in a Latin
 *   layout, or 0 when there is none (see #FlInboxKeys)
 */
guint
fl_inbox_keys_latin_keyval (GdkDisplay      *display,
                            guint            keyval,
                            guint            keycode,
                            GdkModifierType  state)
{
  g_autofree GdkKeymapKey *keys = NULL;
  g_autofree guint *keyvals = NULL;
  int n_entries = 0;
  int level = (state & GDK_SHIFT_MASK) ? 1 : 0;

  if (keyval == GDK_KEY_idotless || keyval == GDK_KEY_Iabovedot)
    return GDK_KEY_i;
  if (is_ascii (keyval))
    return gdk_keyval_to_lower (keyval);

  if (display != NULL && gdk_display_map_keycode (display, keycode, &keys, &keyvals, &n_entries))
    {
      /* The same level first, then any level: a layout may put Latin
       * letters on the shifted level only. */
      for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < n_entries; i++)
          if ((pass == 1 || keys[i].level == level) && is_ascii (keyvals[i]))
            return gdk_keyval_to_lower (keyvals[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (us_positions); i++)
    if (us_positions[i].keycode == keycode)
      return us_positions[i].keyval;

  return 0;
}

/* Whether the focus is somewhere letters are typed into. */
static gboolean
typing (FlInboxKeys *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self->window));

  return focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus));
}

static gboolean
activate (FlInboxKeys   *self,
          const Binding *binding)
{
  GVariant *target = binding->target ? g_variant_new_string (binding->target) : NULL;

  return gtk_widget_activate_action_variant (self->window, binding->action, target);
}

/* The binding in @table for the Latin key @latin, with or without Shift. */
static const Binding *
find_binding (const Binding *table,
              gsize          n_bindings,
              guint          latin,
              gboolean       shift)
{
  for (gsize i = 0; i < n_bindings; i++)
    if (table[i].keyval == latin && table[i].shift == shift)
      return &table[i];

  return NULL;
}

#define FIND_BINDING(table, latin, shift) find_binding (table, G_N_ELEMENTS (table), latin, shift)

/* Whether @trigger is the Latin key @latin with exactly @mods. */
static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               latin,
                 GdkModifierType     mods)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), latin, mods) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), latin, mods);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) == latin &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods;
}

/* Runs what a shortcut controller of @widget has for @latin with @mods.
 * GTK keeps the controllers' list model up to date while it lives, at a
 * cost: it lives for this one key press. */
static gboolean
activate_shortcut_of (GtkWidget       *widget,
                      guint            latin,
                      GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n_controllers = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n_controllers; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      guint n_shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      n_shortcuts = g_list_model_get_n_items (G_LIST_MODEL (controller));
      for (guint j = 0; j < n_shortcuts; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (!trigger_matches (gtk_shortcut_get_trigger (shortcut), latin, mods))
            continue;

          /* A callback bound with gtk_widget_class_add_binding() may be a
           * void function, GtkText's select-all for one: what it returns
           * means nothing, and having run it handled the key. */
          if (gtk_shortcut_action_activate (action, GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                            gtk_shortcut_get_arguments (shortcut)) ||
              GTK_IS_CALLBACK_ACTION (action))
            return TRUE;
        }
    }

  return FALSE;
}

/* A Ctrl press of a letter or sign the active layout has instead of a
 * Latin one: GTK found no shortcut for it. The shortcuts it would have
 * found for the Latin key are looked up the way GTK does, from the focus
 * up to the window: the focused widget's own keys (a text field's
 * clipboard, select-all and undo, a list's select-all), its containers',
 * the window's, and the application's accelerators, which the window
 * holds. */
static gboolean
press_control (FlInboxKeys     *self,
               guint            keyval,
               guint            keycode,
               GdkModifierType  state)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  gunichar c = gdk_keyval_to_unicode (keyval);
  GtkWidget *focus;
  guint latin;

  /* Only a letter or sign the active layout has instead of a Latin one;
   * GTK matches everything else itself. */
  if ((state & (GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) || is_ascii (keyval) ||
      c == 0 || !(g_unichar_isalpha (c) || g_unichar_ispunct (c)))
    return FALSE;

  latin = fl_inbox_keys_latin_keyval (gtk_widget_get_display (self->window), keyval, keycode, state);
  if (latin == 0)
    return FALSE;

  /* Shift+/ is "?" on the keyboards shortcuts are written for, and a
   * sign made with Shift is written without it: Ctrl+? */
  if (!g_ascii_isalpha (latin) && (mods & GDK_SHIFT_MASK))
    {
      if (latin == GDK_KEY_slash)
        latin = GDK_KEY_question;
      mods &= ~GDK_SHIFT_MASK;
    }

  focus = gtk_root_get_focus (GTK_ROOT (self->window));
  for (GtkWidget *widget = focus ? focus : self->window; widget; widget = gtk_widget_get_parent (widget))
    if (activate_shortcut_of (widget, latin, mods))
      return TRUE;

  return FALSE;
}

static gboolean press_at (FlInboxKeys     *self,
                          guint            keyval,
                          guint            keycode,
                          GdkModifierType  state,
                          guint32          time);

/**
 * fl_inbox_keys_press:
 * @keyval: the key's keyval in the active layout
 * @keycode: the hardware keycode
 * @state: the modifiers
 *
 * Handles a key press; the window's key controller calls this, and tests
 * call it with the keyval a Persian or Turkish layout gives.
 *
 * Returns: whether the key was a shortcut
 */
gboolean
fl_inbox_keys_press (FlInboxKeys     *self,
                     guint            keyval,
                     guint            keycode,
                     GdkModifierType  state)
{
  g_return_val_if_fail (FL_IS_INBOX_KEYS (self), FALSE);

  return press_at (self, keyval, keycode, state, 0);
}

/* @time is the key event's time in milliseconds, or 0 when unknown. The
 * "g" prefix expires by event times, so a busy main loop between two
 * quick key presses does not make it expire. */
static gboolean
press_at (FlInboxKeys     *self,
          guint            keyval,
          guint            keycode,
          GdkModifierType  state,
          guint32          time)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  gboolean had_prefix;
  const Binding *binding;
  guint latin;

  if (state & GDK_CONTROL_MASK)
    return press_control (self, keyval, keycode, state);
  if (state & (GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK))
    return FALSE;

  /* Modifier keys alone neither act nor end a "g" prefix. */
  if (keyval == GDK_KEY_Shift_L || keyval == GDK_KEY_Shift_R ||
      keyval == GDK_KEY_ISO_Level3_Shift || keyval == GDK_KEY_ISO_Next_Group)
    return FALSE;

  if (typing (self))
    return FALSE;

  had_prefix = self->prefix &&
               (time == 0 || self->prefix_time == 0 || time - self->prefix_time <= PREFIX_TIMEOUT_MS);
  self->prefix = FALSE;

  if (keyval == GDK_KEY_Escape)
    return gtk_widget_activate_action (self->window, "win.back", NULL);

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self->window));

      /* Enter on a button or a menu is theirs. */
      if (focus != NULL && !gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW))
        return FALSE;
      return gtk_widget_activate_action (self->window, "win.open-ticket", NULL);
    }

  latin = fl_inbox_keys_latin_keyval (gtk_widget_get_display (self->window), keyval, keycode, state);
  if (latin == 0)
    return FALSE;

  if (had_prefix)
    return (binding = FIND_BINDING (go_bindings, latin, shift)) && activate (self, binding);

  if (latin == GDK_KEY_g && !shift)
    {
      self->prefix = TRUE;
      self->prefix_time = time;
      return TRUE;
    }

  return (binding = FIND_BINDING (bindings, latin, shift)) && activate (self, binding);
}

static gboolean
on_key_pressed_cb (FlInboxKeys           *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

  /* Keys typed in a popover (a drop-down's list, a menu) pass through the
   * window on their way, but are the popover's. */
  if (event != NULL &&
      gdk_event_get_surface (event) != gtk_native_get_surface (GTK_NATIVE (self->window)))
    return FALSE;

  return press_at (self, keyval, keycode, state, event ? gdk_event_get_time (event) : 0);
}

static void
fl_inbox_keys_class_init (FlInboxKeysClass *klass)
{
}

static void
fl_inbox_keys_init (FlInboxKeys *self)
{
}

/**
 * fl_inbox_keys_new:
 * @window: the window whose actions the keys activate
 *
 * Adds a key controller to @window, in the capture phase so the list's
 * own key handling does not see the letters first.
 *
 * Returns: (transfer full): the shortcuts; the window keeps them
 */
FlInboxKeys *
fl_inbox_keys_new (GtkWidget *window)
{
  FlInboxKeys *self = g_object_new (FL_TYPE_INBOX_KEYS, NULL);
  GtkEventController *controller = gtk_event_controller_key_new ();

  self->window = window;
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (window, controller);
  return self;
}
