/* fl-name-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fl-name-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fl-name-dialog.h"

typedef struct
{
  GtkEntry         *entry;
  FlNameDialogFunc  func;
  gpointer          user_data;
  GDestroyNotify    destroy;
} NameDialog;

static void
name_dialog_free (NameDialog *data)
{
  if (data->destroy)
    data->destroy (data->user_data);
  g_free (data);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                NameDialog       *data)
{
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "accept"))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->entry))));
  if (*name != '\0')
    data->func (name, data->user_data);
}

static void
on_text_changed_cb (AdwMessageDialog *dialog,
                    GParamSpec       *pspec,
                    GtkEditable      *entry)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "accept", *name != '\0');
}

/**
 * fl_name_dialog_new:
 * @heading: the question, translated
 * @accept_label: the button that accepts, translated, with a mnemonic
 * @initial: (nullable): the name to start from
 * @func: called with the stripped, non-empty name when accepted
 *
 * Returns: (transfer floating): a modal dialog; present it
 */
GtkWidget *
fl_name_dialog_new (GtkWindow        *parent,
                    const char       *heading,
                    const char       *accept_label,
                    const char       *initial,
                    FlNameDialogFunc  func,
                    gpointer          user_data,
                    GDestroyNotify    destroy)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, NULL);
  NameDialog *data = g_new0 (NameDialog, 1);

  data->entry = GTK_ENTRY (gtk_entry_new ());
  data->func = func;
  data->user_data = user_data;
  data->destroy = destroy;

  gtk_entry_set_activates_default (data->entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (data->entry), initial ? initial : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (data->entry));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "accept", accept_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  on_text_changed_cb (ADW_MESSAGE_DIALOG (dialog), NULL, GTK_EDITABLE (data->entry));

  g_signal_connect_object (data->entry, "notify::text", G_CALLBACK (on_text_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), data,
                         (GClosureNotify) (void (*) (void)) name_dialog_free, 0);
  return dialog;
}
