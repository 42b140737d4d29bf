/* frontline-bench.c: workload generator and benchmarks
 *
 *   frontline-bench gen --tickets N --messages M --seed S --data-dir DIR
 *   frontline-bench sync --url URL --token-env VAR --data-dir DIR
 *   frontline-bench ticket --messages N [--runs R]   (needs a display)
 *   frontline-bench suggest [--eval FILE] [--misses]
 *   frontline-bench inbox --tickets N --messages M [--data-dir DIR]   (needs a display)
 *
 * Every subcommand prints one JSON object; figures are measured, never
 * asserted. `inbox-window` is the child process `inbox` launches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "fl-application.h"
#include "fl-demo-backend.h"
#include "fl-rt-backend.h"
#include "fl-sidebar-row.h"
#include "fl-store.h"
#include "fl-sync-engine.h"
#include "fl-template.h"
#include "fl-template-suggest.h"
#include "fl-ticket-list-model.h"
#include "fl-ticket-view.h"
#include "fl-window-private.h"

/* Realistic words per language, mixed with a filler vocabulary so the
 * index has a long tail like a real mailbox. */
static const char * const en_words[] = {
  "order", "delivery", "refund", "return", "invoice", "payment", "account", "password",
  "shipping", "package", "tracking", "damaged", "broken", "replacement", "warranty",
  "subscription", "cancel", "upgrade", "charged", "twice", "card", "login", "error",
  "app", "crash", "update", "please", "help", "thanks", "still", "waiting", "week",
  "yesterday", "today", "customer", "support", "number", "address", "wrong", "item",
  "missing", "late", "speaker", "kettle", "lamp", "charger", "battery", "screen",
  "hello", "regards", "urgent", "again", "could", "would", "check", "status",
};
static const char * const tr_words[] = {
  "sipariş", "kargo", "iade", "fatura", "ödeme", "hesap", "şifre", "teslimat",
  "paket", "takip", "hasarlı", "kırık", "değişim", "garanti", "abonelik", "iptal",
  "yükseltme", "ücret", "iki", "kez", "kart", "giriş", "hata", "uygulama", "çöktü",
  "güncelleme", "lütfen", "yardım", "teşekkürler", "hâlâ", "bekliyorum", "hafta",
  "dün", "bugün", "müşteri", "destek", "numara", "adres", "yanlış", "ürün", "eksik",
  "gecikti", "hoparlör", "ısıtıcı", "lamba", "şarj", "pil", "ekran", "merhaba",
  "iyi", "günler", "acil", "tekrar", "kontrol", "durum", "İstanbul", "Ankara",
};
static const char * const fa_words[] = {
  "سفارش", "ارسال", "بازگشت", "وجه", "فاکتور", "پرداخت", "حساب", "رمز", "تحویل",
  "بسته", "پیگیری", "آسیب", "شکسته", "تعویض", "گارانتی", "اشتراک", "لغو", "ارتقا",
  "هزینه", "دوبار", "کارت", "ورود", "خطا", "برنامه", "بسته‌شد", "به‌روزرسانی",
  "لطفاً", "کمک", "ممنون", "هنوز", "منتظر", "هفته", "دیروز", "امروز", "مشتری",
  "پشتیبانی", "شماره", "آدرس", "اشتباه", "کالا", "گم", "دیر", "اسپیکر", "کتری",
  "چراغ", "شارژر", "باتری", "صفحه", "سلام", "با", "احترام", "فوری", "دوباره",
  "بررسی", "وضعیت", "تهران", "اصفهان", "۱۴۰۳",
};
static const char * const first_names[] = {
  "Emily", "James", "Olivia", "Noah", "Sophia", "Liam", "Ava", "Lucas", "Mia", "Ethan",
  "Ayşe", "Mehmet", "Zeynep", "Emre", "Elif", "Burak", "Selin", "Kerem", "İlayda", "Oğuz",
  "سارا", "علی", "مریم", "رضا", "زهرا", "حسین", "نرگس", "امیر", "فاطمه", "محمد",
};
static const char * const last_names[] = {
  "Carter", "Brooks", "Mitchell", "Reed", "Hughes", "Foster", "Bennett", "Price",
  "Yılmaz", "Demir", "Kaya", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan",
  "محمدی", "احمدی", "رضایی", "موسوی", "حسینی", "کریمی", "جعفری", "صادقی",
};

typedef struct
{
  GRand *rand;
  char **filler;
  guint  n_filler;
} Gen;

static const char *
pick (Gen               *g,
      const char * const *words,
      guint               n)
{
  return words[g_rand_int_range (g->rand, 0, n)];
}

/* A message in one language: mostly its own words, some filler. */
static char *
make_text (Gen  *g,
           int   language,
           guint n_words)
{
  GString *s = g_string_sized_new (n_words * 8);

  for (guint i = 0; i < n_words; i++)
    {
      const char *w;

      if (g_rand_int_range (g->rand, 0, 100) < 35)
        w = g->filler[g_rand_int_range (g->rand, 0, g->n_filler)];
      else if (language == 0)
        w = pick (g, en_words, G_N_ELEMENTS (en_words));
      else if (language == 1)
        w = pick (g, tr_words, G_N_ELEMENTS (tr_words));
      else
        w = pick (g, fa_words, G_N_ELEMENTS (fa_words));

      if (i > 0)
        g_string_append_c (s, (i % 12 == 0) ? '\n' : ' ');
      g_string_append (s, w);
    }

  return g_string_free (s, FALSE);
}

static char **
make_filler (GRand *rand,
             guint  n)
{
  static const char letters[] = "abcdefghijklmnoprstuvyz";
  char **filler = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      guint len = g_rand_int_range (rand, 4, 11);
      char *w = g_malloc (len + 1);

      for (guint j = 0; j < len; j++)
        w[j] = letters[g_rand_int_range (rand, 0, sizeof letters - 1)];
      w[len] = '\0';
      filler[i] = w;
    }

  return filler;
}

/* Writes a synthetic store of @n_tickets tickets and @n_messages
 * messages at @path. */
static gboolean
generate_store (const char  *path,
                int          n_tickets,
                int          n_messages,
                int          seed,
                guint       *written,
                GError     **error)
{
  g_autoptr(FlStore) store = NULL;
  g_autoptr(FlAccount) account = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_auto(GStrv) filler = make_filler (rand, 20000);
  const guint n_agents = 20, batch_size = 1000;
  guint n_customers, messages_left, written_messages = 0;
  gint64 now = 1800000000;
  Gen gen = { rand, filler, 20000 };
  Gen *g = &gen;

  if (!(store = fl_store_open (path, error)))
    return FALSE;

  account = g_object_new (FL_TYPE_ACCOUNT, "kind", "bench", "name", "Benchmark",
                          "color", "#e66100", "enabled", FALSE, NULL);
  if (!fl_store_save_account (store, account, error))
    return FALSE;

  n_customers = MAX (1, n_tickets / 8);
  messages_left = n_messages;

  for (guint first = 0; first < (guint) n_tickets; first += batch_size)
    {
      g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
      guint last = MIN ((guint) n_tickets, first + batch_size);

      if (first == 0)
        {
          for (guint i = 0; i < n_agents; i++)
            {
              g_autofree char *id = g_strdup_printf ("agent%u", i);
              g_autofree char *name = g_strdup_printf ("%s %s",
                                                       first_names[i % G_N_ELEMENTS (first_names)],
                                                       last_names[i % G_N_ELEMENTS (last_names)]);
              g_autoptr(FlAgent) agent = g_object_new (FL_TYPE_AGENT, "remote-id", id,
                                                       "username", id, "name", name, NULL);
              fl_sync_batch_add_agent (batch, agent);
            }
          fl_sync_batch_set_me (batch, "agent0");

          for (guint i = 0; i < n_customers; i++)
            {
              g_autofree char *id = g_strdup_printf ("c%u", i);
              g_autofree char *name = g_strdup_printf ("%s %s",
                                                       pick (g, first_names, G_N_ELEMENTS (first_names)),
                                                       pick (g, last_names, G_N_ELEMENTS (last_names)));
              g_autofree char *email = g_strdup_printf ("customer%u@example.com", i);
              const char *emails[] = { email, NULL };
              g_autoptr(FlCustomer) c = g_object_new (FL_TYPE_CUSTOMER, "remote-id", id,
                                                      "name", name, "emails", emails, NULL);
              fl_sync_batch_add_customer (batch, c);
            }
        }

      for (guint t = first; t < last; t++)
        {
          g_autofree char *id = g_strdup_printf ("%u", 100000 + t);
          g_autofree char *customer = g_strdup_printf ("c%u", g_rand_int_range (g->rand, 0, n_customers));
          g_autofree char *assignee = NULL;
          g_autofree char *subject = NULL;
          g_autoptr(FlTicket) ticket = NULL;
          int language = g_rand_int_range (g->rand, 0, 10);
          guint tickets_left = n_tickets - t;
          guint n_msgs = tickets_left == 1 ? messages_left
                         : CLAMP (messages_left / tickets_left + g_rand_int_range (g->rand, -2, 3),
                                  1, messages_left - (tickets_left - 1));
          gint64 created = now - (gint64) (n_tickets - t) * 600 - g_rand_int_range (g->rand, 0, 600);
          int status_roll = g_rand_int_range (g->rand, 0, 100);
          FlStatus status = status_roll < 10 ? FL_STATUS_NEW : status_roll < 35 ? FL_STATUS_OPEN
                            : status_roll < 45 ? FL_STATUS_PENDING : status_roll < 50 ? FL_STATUS_ON_HOLD
                            : status_roll < 85 ? FL_STATUS_SOLVED : FL_STATUS_CLOSED;
          FlSyncTicket *sticket;

          language = language < 6 ? 0 : language < 8 ? 1 : 2;
          if (g_rand_int_range (g->rand, 0, 100) < 85)
            assignee = g_strdup_printf ("agent%u", g_rand_int_range (g->rand, 0, n_agents));
          subject = make_text (g, language, g_rand_int_range (g->rand, 3, 9));
          g_strdelimit (subject, "\n", ' ');

          ticket = g_object_new (FL_TYPE_TICKET,
                                 "remote-id", id,
                                 "subject", subject,
                                 "status", status,
                                 "priority", g_rand_int_range (g->rand, 0, 100) < 70 ? FL_PRIORITY_NORMAL
                                             : g_rand_int_range (g->rand, 0, FL_N_PRIORITIES),
                                 "channel", g_rand_int_range (g->rand, 0, FL_N_CHANNELS),
                                 "created", created,
                                 "updated", created + n_msgs * 1800,
                                 "due-first-response", created + 8 * 3600,
                                 "due-resolution", created + 48 * 3600,
                                 "unread", g_rand_int_range (g->rand, 0, 100) < 20,
                                 NULL);
          sticket = fl_sync_batch_add_ticket (batch, ticket, customer, assignee);
          sticket->replace_messages = FALSE;

          for (guint m = 0; m < n_msgs; m++)
            {
              g_autofree char *mid = g_strdup_printf ("%s-%u", id, m);
              g_autofree char *text = make_text (g, language, g_rand_int_range (g->rand, 20, 121));
              gboolean inbound = m % 2 == 0;
              g_autoptr(FlMessage) message = NULL;

              message = g_object_new (FL_TYPE_MESSAGE,
                                      "remote-id", mid,
                                      "kind", (!inbound && g_rand_int_range (g->rand, 0, 100) < 15)
                                              ? FL_MESSAGE_NOTE : FL_MESSAGE_REPLY,
                                      "direction", inbound ? FL_DIRECTION_INBOUND : FL_DIRECTION_OUTBOUND,
                                      "author", inbound ? NULL : "Agent",
                                      "created", created + m * 1800,
                                      "text", text,
                                      NULL);
              fl_sync_ticket_add_message (sticket, message);
            }

          messages_left -= n_msgs;
          written_messages += n_msgs;
        }

      if (!fl_store_apply_batch (store, fl_account_get_id (account), batch, error))
        return FALSE;
    }

  *written = written_messages;
  return TRUE;
}

static int
cmd_gen (int    argc,
         char **argv)
{
  int n_tickets = 1000, n_messages = 5000, seed = 1;
  g_autofree char *data_dir = NULL;
  GOptionEntry entries[] = {
    { "tickets", 0, 0, G_OPTION_ARG_INT, &n_tickets, "Tickets to generate", "N" },
    { "messages", 0, 0, G_OPTION_ARG_INT, &n_messages, "Messages in all", "M" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "S" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Where to write frontline.db", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("gen");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  guint written_messages = 0;
  gint64 started;
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (data_dir == NULL || n_tickets <= 0 || n_messages < n_tickets)
    {
      g_printerr ("gen needs --data-dir, --tickets > 0 and --messages >= --tickets\n");
      return 2;
    }

  path = g_build_filename (data_dir, "frontline.db", NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists: give an empty folder\n", path);
      return 2;
    }

  started = g_get_monotonic_time ();
  if (!generate_store (path, n_tickets, n_messages, seed, &written_messages, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "command");
  json_builder_add_string_value (builder, "gen");
  json_builder_set_member_name (builder, "tickets");
  json_builder_add_int_value (builder, n_tickets);
  json_builder_set_member_name (builder, "messages");
  json_builder_add_int_value (builder, written_messages);
  json_builder_set_member_name (builder, "seed");
  json_builder_add_int_value (builder, seed);
  json_builder_set_member_name (builder, "seconds");
  json_builder_add_double_value (builder, (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  json_builder_set_member_name (builder, "db_mb");
  json_builder_add_double_value (builder, g_stat (path, &st) == 0 ? st.st_size / 1048576.0 : 0);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, TRUE);
  g_print ("%s\n", json);

  return 0;
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* Runs one sync of @backend into @store; returns seconds or -1. */
static double
timed_sync (FlSyncEngine *engine,
            FlBackend    *backend,
            guint        *n_tickets,
            GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gint64 start = g_get_monotonic_time ();

  fl_sync_engine_sync_async (engine, backend, NULL, done_cb, &result);
  *n_tickets = fl_sync_engine_sync_finish (engine, wait_for (&result), error);
  if (error && *error)
    return -1;
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* The baseline: RT's own command-line client listing the same tickets
 * with the same fields, in the same run. */
static double
rt_cli_seconds (const char *url,
                const char *token,
                guint      *n_lines)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  g_autofree char *config = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  /* rt uses basic auth or a session; the agent's password is the test
   * server's, given in the environment. */
  if (g_getenv ("RT_CLI_USER") == NULL || g_getenv ("RT_CLI_PASSWORD") == NULL)
    return -1;

  g_subprocess_launcher_setenv (launcher, "RTSERVER", url, TRUE);
  g_subprocess_launcher_setenv (launcher, "RTUSER", g_getenv ("RT_CLI_USER"), TRUE);
  g_subprocess_launcher_setenv (launcher, "RTPASSWD", g_getenv ("RT_CLI_PASSWORD"), TRUE);
  g_subprocess_launcher_setenv (launcher, "RTCONFIG", "/dev/null", TRUE);

  start = g_get_monotonic_time ();
  proc = g_subprocess_launcher_spawn (launcher, &error, "rt", "ls", "-l", "-t", "ticket",
                                      "id > 0", NULL);
  if (proc == NULL || !g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error))
    return -1;

  *n_lines = 0;
  for (const char *p = out; p && *p; p++)
    *n_lines += *p == '\n';

  (void) token;
  (void) config;
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static int
cmd_sync (int    argc,
          char **argv)
{
  g_autofree char *url = NULL;
  g_autofree char *token_env = NULL;
  g_autofree char *data_dir = NULL;
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, "The RT server", "URL" },
    { "token-env", 0, 0, G_OPTION_ARG_STRING, &token_env, "The variable holding the token", "VAR" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "An empty folder for the store", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("sync");
  g_autoptr(GError) error = NULL;
  g_autoptr(FlStore) store = NULL;
  g_autoptr(FlAccount) account = NULL;
  g_autoptr(FlRtBackend) backend = NULL;
  g_autoptr(FlSyncEngine) engine = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  const char *token;
  guint n_initial = 0, n_incremental = 0, requests_before, cli_lines = 0;
  double initial, incremental, cli;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (url == NULL || token_env == NULL || data_dir == NULL ||
      (token = g_getenv (token_env)) == NULL)
    {
      g_printerr ("sync needs --url, --data-dir and --token-env naming a set variable\n");
      return 2;
    }

  path = g_build_filename (data_dir, "frontline.db", NULL);
  if (!(store = fl_store_open (path, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  account = g_object_new (FL_TYPE_ACCOUNT, "kind", "rt", "name", "Bench RT", "url", url,
                          "enabled", TRUE, NULL);
  if (!fl_store_save_account (store, account, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  backend = fl_rt_backend_new (account, token);
  engine = fl_sync_engine_new (store);

  initial = timed_sync (engine, FL_BACKEND (backend), &n_initial, &error);
  if (initial < 0)
    {
      g_printerr ("initial sync: %s\n", error->message);
      return 1;
    }

  requests_before = fl_rt_client_get_n_requests (fl_rt_backend_get_client (backend));
  incremental = timed_sync (engine, FL_BACKEND (backend), &n_incremental, &error);
  if (incremental < 0)
    {
      g_printerr ("incremental sync: %s\n", error->message);
      return 1;
    }

  cli = rt_cli_seconds (url, token, &cli_lines);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "command");
  json_builder_add_string_value (builder, "sync");
  json_builder_set_member_name (builder, "initial_tickets");
  json_builder_add_int_value (builder, n_initial);
  json_builder_set_member_name (builder, "initial_seconds");
  json_builder_add_double_value (builder, initial);
  json_builder_set_member_name (builder, "initial_requests");
  json_builder_add_int_value (builder, requests_before);
  json_builder_set_member_name (builder, "rt_cli_seconds");
  json_builder_add_double_value (builder, cli);
  json_builder_set_member_name (builder, "rt_cli_lines");
  json_builder_add_int_value (builder, cli_lines);
  json_builder_set_member_name (builder, "initial_vs_rt_cli_ratio");
  json_builder_add_double_value (builder, cli > 0 ? initial / cli : -1);
  json_builder_set_member_name (builder, "incremental_tickets");
  json_builder_add_int_value (builder, n_incremental);
  json_builder_set_member_name (builder, "incremental_seconds");
  json_builder_add_double_value (builder, incremental);
  json_builder_set_member_name (builder, "incremental_requests");
  json_builder_add_int_value (builder, fl_rt_client_get_n_requests (fl_rt_backend_get_client (backend)) - requests_before);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, TRUE);
  g_print ("%s\n", json);
  return 0;
}

/* One ticket with @n_msgs messages, half inbound, some notes. */
static void
add_bench_ticket (Gen         *g,
                  FlSyncBatch *batch,
                  const char  *id,
                  guint        n_msgs)
{
  gint64 created = 1800000000 - (gint64) n_msgs * 1800;
  g_autoptr(FlTicket) ticket = g_object_new (FL_TYPE_TICKET,
                                             "remote-id", id,
                                             "subject", "Benchmark conversation",
                                             "status", FL_STATUS_OPEN,
                                             "channel", FL_CHANNEL_EMAIL,
                                             "created", created,
                                             "updated", created + n_msgs * 1800,
                                             NULL);
  FlSyncTicket *sticket = fl_sync_batch_add_ticket (batch, ticket, NULL, NULL);

  for (guint m = 0; m < n_msgs; m++)
    {
      g_autofree char *mid = g_strdup_printf ("%s-%u", id, m);
      g_autofree char *text = make_text (g, m % 3, g_rand_int_range (g->rand, 20, 121));
      gboolean inbound = m % 2 == 0;
      g_autoptr(FlMessage) message = g_object_new (FL_TYPE_MESSAGE,
                                                   "remote-id", mid,
                                                   "kind", (!inbound && m % 7 == 1) ? FL_MESSAGE_NOTE
                                                                                    : FL_MESSAGE_REPLY,
                                                   "direction", inbound ? FL_DIRECTION_INBOUND
                                                                        : FL_DIRECTION_OUTBOUND,
                                                   "author", inbound ? "Customer" : "Agent",
                                                   "created", created + m * 1800,
                                                   "text", text,
                                                   NULL);

      fl_sync_ticket_add_message (sticket, message);
    }
}

/* Waiting for frames, shared by the ticket and inbox benchmarks. */
typedef gboolean (*ReadyFunc) (gpointer data);

typedef struct
{
  ReadyFunc ready;
  gpointer  data;
  gboolean  ready_seen;
  gint64    painted_at;
} PaintWait;

static void
on_paint_wait_after_paint_cb (GdkFrameClock *clock,
                              PaintWait     *wait)
{
  if (wait->painted_at == 0 && wait->ready_seen)
    wait->painted_at = g_get_monotonic_time ();
}

/* Runs the main loop until @ready (or nothing, when %NULL) holds and a
 * frame has been painted after that; returns the monotonic time of that
 * frame's after-paint. */
static gint64
wait_for_paint (GtkWidget *widget,
                ReadyFunc  ready,
                gpointer   data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  PaintWait wait = { ready, data, FALSE, 0 };
  gulong paint_id = g_signal_connect (clock, "after-paint",
                                      G_CALLBACK (on_paint_wait_after_paint_cb), &wait);

  while (wait.painted_at == 0)
    {
      if (!wait.ready_seen && (ready == NULL || ready (data)))
        {
          wait.ready_seen = TRUE;
          gtk_widget_queue_draw (widget);
        }
      if (wait.painted_at == 0)
        g_main_context_iteration (NULL, TRUE);
    }

  g_signal_handler_disconnect (clock, paint_id);
  return wait.painted_at;
}

static void
on_loaded_cb (FlTicketView *view,
              gint64       *loaded_at)
{
  *loaded_at = g_get_monotonic_time ();
}

static gboolean
is_loaded (gpointer data)
{
  return *(gint64 *) data != 0;
}

/* Milliseconds from asking for a ticket to the first frame drawn with its
 * conversation in; @loaded_ms gets the part until the conversation was
 * read and handed to the list, before layout and drawing. */
static double
open_ticket (FlTicketView *view,
             gint64        ticket_id,
             double       *loaded_ms)
{
  gint64 loaded_at = 0, painted_at, started;
  gulong loaded_id;

  fl_ticket_view_clear (view);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  loaded_id = g_signal_connect (view, "loaded", G_CALLBACK (on_loaded_cb), &loaded_at);

  started = g_get_monotonic_time ();
  fl_ticket_view_show (view, ticket_id);
  painted_at = wait_for_paint (GTK_WIDGET (view), is_loaded, &loaded_at);

  g_signal_handler_disconnect (view, loaded_id);
  if (loaded_ms != NULL)
    *loaded_ms = (loaded_at - started) / 1000.0;
  return (painted_at - started) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static int
cmd_ticket (int    argc,
            char **argv)
{
  int n_messages = 500, runs = 7;
  GOptionEntry entries[] = {
    { "messages", 0, 0, G_OPTION_ARG_INT, &n_messages, "Messages in the large ticket", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Openings of each ticket", "R" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("ticket");
  g_autoptr(GError) error = NULL;
  g_autoptr(FlStore) store = NULL;
  g_autoptr(FlAccount) account = NULL;
  g_autoptr(FlSyncBatch) batch = fl_sync_batch_new ();
  g_autoptr(GArray) large = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) small = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) small_loaded = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) large_loaded = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(FlQuery) query = fl_query_new (FL_VIEW_ALL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  gint64 large_id = 0, small_id = 0;
  GtkWidget *window;
  FlTicketView *view;
  Gen g = { 0 };
  double large_ms, small_ms;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (n_messages < 1 || runs < 1)
    {
      g_printerr ("ticket needs --messages >= 1 and --runs >= 1\n");
      return 2;
    }

  gtk_init ();
  adw_init ();

  g.rand = g_rand_new_with_seed (1);
  g.n_filler = 2000;
  g.filler = make_filler (g.rand, g.n_filler);

  dir = g_dir_make_tmp ("fl-bench-XXXXXX", &error);
  path = dir ? g_build_filename (dir, "frontline.db", NULL) : NULL;
  if (dir == NULL || !(store = fl_store_open (path, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  account = g_object_new (FL_TYPE_ACCOUNT, "kind", "bench", "name", "Benchmark",
                          "color", "#e66100", "enabled", FALSE, NULL);
  add_bench_ticket (&g, batch, "large", n_messages);
  add_bench_ticket (&g, batch, "small", 5);
  if (!fl_store_save_account (store, account, &error) ||
      !fl_store_apply_batch (store, fl_account_get_id (account), batch, &error) ||
      !(ids = fl_store_query_ids (store, query, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FlTicket) ticket = fl_store_load_ticket (store, g_array_index (ids, gint64, i), NULL);

      if (g_strcmp0 (fl_ticket_get_remote_id (ticket), "large") == 0)
        large_id = fl_ticket_get_id (ticket);
      else
        small_id = fl_ticket_get_id (ticket);
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  view = g_object_new (FL_TYPE_TICKET_VIEW, NULL);
  fl_ticket_view_set_store (view, store);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  /* One opening of each to warm caches, then alternate so drift hits both. */
  open_ticket (view, small_id, NULL);
  open_ticket (view, large_id, NULL);
  for (int r = 0; r < runs; r++)
    {
      double loaded;
      double ms = open_ticket (view, small_id, &loaded);

      g_array_append_val (small, ms);
      g_array_append_val (small_loaded, loaded);
      ms = open_ticket (view, large_id, &loaded);
      g_array_append_val (large, ms);
      g_array_append_val (large_loaded, loaded);
    }

  large_ms = median (large);
  small_ms = median (small);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "command");
  json_builder_add_string_value (builder, "ticket");
  json_builder_set_member_name (builder, "messages");
  json_builder_add_int_value (builder, n_messages);
  json_builder_set_member_name (builder, "runs");
  json_builder_add_int_value (builder, runs);
  json_builder_set_member_name (builder, "open_ms_median");
  json_builder_add_double_value (builder, large_ms);
  json_builder_set_member_name (builder, "open_ms_max");
  json_builder_add_double_value (builder, g_array_index (large, double, large->len - 1));
  json_builder_set_member_name (builder, "open_loaded_ms_median");
  json_builder_add_double_value (builder, median (large_loaded));
  json_builder_set_member_name (builder, "baseline_5_messages_ms_median");
  json_builder_add_double_value (builder, small_ms);
  json_builder_set_member_name (builder, "baseline_loaded_ms_median");
  json_builder_add_double_value (builder, median (small_loaded));
  json_builder_set_member_name (builder, "ratio");
  json_builder_add_double_value (builder, small_ms > 0 ? large_ms / small_ms : 0);
  json_builder_set_member_name (builder, "target_ms");
  json_builder_add_int_value (builder, 100);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, TRUE);
  g_print ("%s\n", json);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&store);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  g_strfreev (g.filler);
  g_rand_free (g.rand);
  return 0;
}

/* Ranks the demo library against a labelled set of customer messages
 * and prints how often the right response is first and in the top
 * three, overall and per language. */
static int
cmd_suggest (int    argc,
             char **argv)
{
  g_autofree char *eval_path = NULL;
  gboolean misses = FALSE;
  GOptionEntry entries[] = {
    { "eval", 0, 0, G_OPTION_ARG_FILENAME, &eval_path, "The labelled messages", "FILE" },
    { "misses", 0, 0, G_OPTION_ARG_NONE, &misses, "List the messages missed in the top 3 on stderr", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("suggest");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(FlAccount) account = NULL;
  g_autoptr(FlDemoBackend) backend = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(FlSuggester) suggester = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  static const char * const langs[] = { "en", "tr", "fa" };
  guint n[4] = { 0 }, top1[4] = { 0 }, top3[4] = { 0 };
  JsonArray *pairs;
  gint64 start;
  double elapsed;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (eval_path == NULL)
    eval_path = g_build_filename (FL_TESTS_SOURCE_DIR, "data", "suggest-eval.json", NULL);

  data = g_resources_lookup_data (FL_DEMO_RESOURCE, 0, &error);
  if (data == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  account = fl_account_new ();
  backend = fl_demo_backend_new (account, data, g_get_real_time () / G_USEC_PER_SEC);
  templates = fl_demo_backend_get_templates (backend, &error);
  if (templates == NULL || !json_parser_load_from_file (parser, eval_path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  suggester = fl_suggester_new (templates);
  pairs = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "pairs");
  start = g_get_monotonic_time ();
  for (guint i = 0; i < json_array_get_length (pairs); i++)
    {
      JsonObject *pair = json_array_get_object_element (pairs, i);
      const char *lang = json_object_get_string_member (pair, "lang");
      const char *key = json_object_get_string_member (pair, "key");
      g_autoptr(GArray) ranked = fl_suggester_rank (suggester, json_object_get_string_member (pair, "message"), 3);
      guint l = 3;
      gboolean hit = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (langs); j++)
        if (g_strcmp0 (lang, langs[j]) == 0)
          l = j;

      n[l]++;
      n[3] += l < 3;
      for (guint r = 0; r < ranked->len; r++)
        if (g_strcmp0 (g_array_index (ranked, FlSuggestion, r).key, key) == 0)
          {
            if (r == 0)
              {
                top1[l]++;
                top1[3] += l < 3;
              }
            top3[l]++;
            top3[3] += l < 3;
            hit = TRUE;
          }
      if (misses && !hit)
        {
          g_printerr ("%s %s:", lang, key);
          for (guint r = 0; r < ranked->len; r++)
            g_printerr (" %s", g_array_index (ranked, FlSuggestion, r).key);
          g_printerr ("\n  %s\n", json_object_get_string_member (pair, "message"));
        }
    }
  elapsed = (g_get_monotonic_time () - start) / 1000.0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "bench");
  json_builder_add_string_value (builder, "suggest");
  json_builder_set_member_name (builder, "templates");
  json_builder_add_int_value (builder, templates->len);
  json_builder_set_member_name (builder, "pairs");
  json_builder_add_int_value (builder, n[3]);
  json_builder_set_member_name (builder, "top1");
  json_builder_add_double_value (builder, n[3] ? (double) top1[3] / n[3] : 0);
  json_builder_set_member_name (builder, "top3");
  json_builder_add_double_value (builder, n[3] ? (double) top3[3] / n[3] : 0);
  for (guint j = 0; j < G_N_ELEMENTS (langs); j++)
    {
      json_builder_set_member_name (builder, langs[j]);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "pairs");
      json_builder_add_int_value (builder, n[j]);
      json_builder_set_member_name (builder, "top1");
      json_builder_add_double_value (builder, n[j] ? (double) top1[j] / n[j] : 0);
      json_builder_set_member_name (builder, "top3");
      json_builder_add_double_value (builder, n[j] ? (double) top3[j] / n[j] : 0);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "ms_per_message");
  json_builder_add_double_value (builder, n[3] ? elapsed / n[3] : 0);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, TRUE);
  g_print ("%s\n", json);
  return 0;
}

/* inbox: the inbox benchmark.
 *
 * The parent makes the stores (or reuses --data-dir), measures search in
 * its own process (the list model, from query text to updated model,
 * against the same query run directly on the store), then launches
 * children under the display, all the same way: frontline-bench-reference
 * (an empty AdwApplicationWindow) and `frontline-bench inbox-window`, the
 * application itself on a store. A child prints one JSON line with the
 * monotonic time of its first frame, which every process reads from the
 * same clock, and what else it measured; the parent times each child from
 * its own clock at the spawn. */

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return values->len ? g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len))) : 0;
}

static void
add_double (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  /* Two decimals are all a benchmark figure carries. */
  json_builder_add_double_value (builder, round (value * 100) / 100);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static void
collect_view_nicks (GtkWidget *widget,
                    GPtrArray *nicks)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (FL_IS_SIDEBAR_ROW (child))
        g_ptr_array_add (nicks, g_strdup (fl_sidebar_row_get_nick (FL_SIDEBAR_ROW (child))));
      else
        collect_view_nicks (child, nicks);
    }
}

/* A figure of this process's resident memory in /proc/self/status
 * ("VmRSS:", "RssAnon:", "RssFile:"), in MB. */
static double
status_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return -1;

  line += strlen (field);
  while (*line == ' ' || *line == '\t')
    line++;
  return g_ascii_strtoull (line, NULL, 10) / 1024.0;
}

/* Lets the main loop run for @ms, so workers' answers land. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* Scrolls the ticket list from top to bottom in about @steps steps of at
 * least a page, letting each step's frame render. Returns the steps. */
static guint
scroll_list (FlWindow *window,
             int       steps)
{
  GtkWidget *list = GTK_WIDGET (fl_window_get_ticket_list (window));
  GtkWidget *scrolled = find_descendant (list, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  guint n = 0;

  g_return_val_if_fail (scrolled != NULL, 0);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  /* The list view estimates its height: the bottom moves as it learns. */
  while (n < (guint) steps * 4)
    {
      double value = gtk_adjustment_get_value (adjustment);
      double page = gtk_adjustment_get_page_size (adjustment);
      double bottom = gtk_adjustment_get_upper (adjustment) - page;

      if (value >= bottom - 1)
        break;

      gtk_adjustment_set_value (adjustment, MIN (bottom, value + MAX (page, bottom / steps)));
      wait_for_paint (list, NULL, NULL);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      n++;
    }

  return n;
}

static gboolean
model_answered (gpointer data)
{
  return fl_ticket_list_model_get_answered (data) || !fl_ticket_list_model_get_loading (data);
}

static gboolean
model_updated (gpointer data)
{
  return !fl_ticket_list_model_get_loading (data);
}

/* Selects every view of the sidebar in turn, @rounds times; appends the
 * milliseconds from the selection to the list model showing the view
 * (its first page when it has more), to the first frame after that, and
 * to the whole list in. */
static void
switch_views (FlWindow *window,
              int       rounds,
              GArray   *model_ms,
              GArray   *frame_ms,
              GArray   *complete_ms)
{
  FlSidebar *sidebar = fl_window_get_sidebar (window);
  FlTicketListModel *model = fl_ticket_list_get_model (fl_window_get_ticket_list (window));
  g_autoptr(GPtrArray) nicks = g_ptr_array_new_with_free_func (g_free);

  collect_view_nicks (GTK_WIDGET (sidebar), nicks);

  for (int r = 0; r < rounds; r++)
    for (guint i = 0; i < nicks->len; i++)
      {
        g_autofree char *current = fl_sidebar_get_selected_nick (sidebar);
        gint64 started, answered_at, painted_at;
        double ms;

        if (g_strcmp0 (current, nicks->pdata[i]) == 0)
          continue;

        started = g_get_monotonic_time ();
        fl_sidebar_select_nick (sidebar, nicks->pdata[i]);
        while (!model_answered (model))
          g_main_context_iteration (NULL, TRUE);
        answered_at = g_get_monotonic_time ();
        painted_at = wait_for_paint (GTK_WIDGET (window), model_answered, model);
        while (fl_ticket_list_model_get_loading (model))
          g_main_context_iteration (NULL, TRUE);

        ms = (answered_at - started) / 1000.0;
        g_array_append_val (model_ms, ms);
        ms = (painted_at - started) / 1000.0;
        g_array_append_val (frame_ms, ms);
        ms = (g_get_monotonic_time () - started) / 1000.0;
        g_array_append_val (complete_ms, ms);
        /* Which views are slow, for whoever is chasing one. */
        if (g_getenv ("FL_BENCH_TRACE") != NULL)
          g_printerr ("switch %s answered %.1f painted %.1f complete %.1f\n", (char *) nicks->pdata[i],
                      (answered_at - started) / 1000.0, (painted_at - started) / 1000.0, ms);
      }
}

typedef struct
{
  int scroll_steps;
  int view_rounds;
} WindowRun;

/* The populated window has been drawn and has settled: measure what the
 * run asks for, then report. The application quits after this. */
static void
on_window_settled_cb (FlWindow  *window,
                      WindowRun *run)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  add_int (builder, "first_frame_at", fl_window_get_first_frame_time (window));

  if (run->view_rounds > 0)
    {
      g_autoptr(GArray) model_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) complete_ms = g_array_new (FALSE, FALSE, sizeof (double));

      switch_views (window, run->view_rounds, model_ms, frame_ms, complete_ms);
      add_int (builder, "view_switches", model_ms->len);
      add_double (builder, "view_switch_p95_ms", percentile (model_ms, 0.95));
      add_double (builder, "view_switch_median_ms", percentile (model_ms, 0.5));
      add_double (builder, "view_switch_max_ms", percentile (model_ms, 1));
      add_double (builder, "view_switch_frame_p95_ms", percentile (frame_ms, 0.95));
      add_double (builder, "view_switch_frame_median_ms", percentile (frame_ms, 0.5));
      add_double (builder, "view_switch_complete_p95_ms", percentile (complete_ms, 0.95));
    }

  if (run->scroll_steps > 0)
    {
      FlTicketListModel *model = fl_ticket_list_get_model (fl_window_get_ticket_list (window));

      /* Every ticket of the store in the list. */
      fl_sidebar_select_nick (fl_window_get_sidebar (window), "all");
      wait_for_paint (GTK_WIDGET (window), model_updated, model);
      add_int (builder, "listed", g_list_model_get_n_items (G_LIST_MODEL (model)));
      add_int (builder, "scroll_steps", scroll_list (window, run->scroll_steps));
      /* The last pages load in a worker. */
      run_for (500);
      add_double (builder, "rss_mb", status_mb ("VmRSS:"));
      add_double (builder, "rss_anon_mb", status_mb ("RssAnon:"));
      add_double (builder, "rss_file_mb", status_mb ("RssFile:"));
      /* Of the heap, what SQLite holds (page caches, statements). */
      add_double (builder, "sqlite_heap_mb", sqlite3_memory_used () / (1024.0 * 1024.0));
#ifdef __GLIBC__
      /* Of the anonymous memory, what malloc has handed out and not got
       * back, and what it holds free: freed memory that it keeps
       * resident between allocations still in use. */
      {
        struct mallinfo2 info = mallinfo2 ();

        add_double (builder, "malloc_in_use_mb", (info.uordblks + info.hblkhd) / (1024.0 * 1024.0));
        add_double (builder, "malloc_free_mb", info.fordblks / (1024.0 * 1024.0));
      }
#endif
    }

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  g_print ("%s\n", json);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    WindowRun      *run)
{
  /* Connected before the application's own handler, which quits. */
  if (FL_IS_WINDOW (window))
    g_signal_connect (window, "settled", G_CALLBACK (on_window_settled_cb), run);
}

/* The child: the application as `frontline --data-dir DIR
 * --print-startup` runs it, with the measurements above once its
 * populated inbox has been drawn. */
static int
cmd_inbox_window (int    argc,
                  char **argv)
{
  g_autofree char *data_dir = NULL;
  WindowRun run = { 0, 0 };
  GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "The store's folder", "DIR" },
    { "scroll-steps", 0, 0, G_OPTION_ARG_INT, &run.scroll_steps, "Scroll the list in about N steps, then read the RSS", "N" },
    { "view-rounds", 0, 0, G_OPTION_ARG_INT, &run.view_rounds, "Switch through every view N times", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("inbox-window");
  g_autoptr(GError) error = NULL;
  g_autoptr(FlApplication) app = NULL;
  char *app_argv[] = { (char *) "frontline", (char *) "--data-dir", NULL, (char *) "--print-startup", NULL };
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || data_dir == NULL)
    {
      g_printerr ("inbox-window needs --data-dir\n");
      return 2;
    }

  app_argv[2] = data_dir;
  app = fl_application_new (g_get_monotonic_time ());
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), &run);
  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (app_argv) - 1, app_argv);
  return status != 0 ? status : fl_application_get_exit_status (app);
}

/* Launches @argv as the benchmark launches every child, and returns the
 * last JSON object it printed, with "first_frame_ms" added: from just
 * before the spawn, on this process's clock, to the first frame it
 * reported. */
static JsonObject *
run_child (const char * const  *argv,
           GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *object = NULL;
  gint64 spawned_at;

  /* The windows read their size from the settings; they must not write
   * to the user's. */
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", FL_BENCH_SCHEMA_DIR, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);

  spawned_at = g_get_monotonic_time ();
  proc = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (proc == NULL || !g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, error))
    return NULL;

  lines = g_strsplit (out ? out : "", "\n", -1);
  for (guint i = g_strv_length (lines); i > 0 && object == NULL; i--)
    {
      if (lines[i - 1][0] == '{' && json_parser_load_from_data (parser, lines[i - 1], -1, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        object = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
    }

  if (!g_subprocess_get_successful (proc) || object == NULL ||
      !json_object_has_member (object, "first_frame_at"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s did not report its first frame", argv[0]);
      g_clear_pointer (&object, json_object_unref);
      return NULL;
    }

  json_object_set_double_member (object, "first_frame_ms",
                                 (json_object_get_int_member (object, "first_frame_at") - spawned_at) / 1000.0);
  return object;
}

/* Types @n_queries realistic queries letter by letter into a list model
 * on the store at @path, and runs each keystroke's query directly on the
 * store too; adds the figures to @builder. Returns the tickets, or 0. */
static guint
measure_search (const char  *path,
                int          n_queries,
                int          seed,
                JsonBuilder *builder,
                GError     **error)
{
  g_autoptr(FlStore) store = NULL;
  g_autoptr(FlTicketListModel) model = NULL;
  g_autoptr(FlQuery) all = fl_query_new (FL_VIEW_ALL);
  g_autoptr(GArray) all_ids = NULL;
  g_autoptr(GArray) model_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) complete_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) direct_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) direct_page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  double model_p95, direct_p95, direct_page_p95;
  guint n_steps = 0;

  if (!(store = fl_store_open (path, error)) ||
      !(all_ids = fl_store_query_ids (store, all, error)))
    return 0;
  if (all_ids->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no tickets in %s", path);
      return 0;
    }

  model = fl_ticket_list_model_new (store);

  for (int q = 0; q < n_queries; q++)
    {
      gint64 id = g_array_index (all_ids, gint64, g_rand_int_range (rand, 0, all_ids->len));
      g_autoptr(FlTicket) ticket = fl_store_load_ticket (store, id, NULL);
      g_auto(GStrv) words = g_strsplit (ticket ? fl_ticket_get_subject (ticket) : "", " ", -1);
      guint n_words = g_strv_length (words);
      int roll = g_rand_int_range (rand, 0, 100);
      g_autoptr(GString) text = g_string_new (NULL);

      /* Realistic: a word or two from a real subject, sometimes with a
       * keyword before them. */
      if (roll < 25)
        g_string_append (text, "is:open ");
      else if (roll < 40)
        g_string_append (text, "-status:solved ");
      if (n_words > 0)
        g_string_append (text, words[g_rand_int_range (rand, 0, n_words)]);
      if (n_words > 1 && g_rand_int_range (rand, 0, 2))
        {
          g_string_append_c (text, ' ');
          g_string_append (text, words[g_rand_int_range (rand, 0, n_words)]);
        }

      /* Typed letter by letter. */
      for (const char *end = g_utf8_next_char (text->str); ; end = g_utf8_next_char (end))
        {
          g_autofree char *typed = g_strndup (text->str, end - text->str);
          g_autoptr(FlQuery) query = fl_query_new (FL_VIEW_ALL);
          g_autoptr(GArray) ids = NULL;
          g_autoptr(GArray) page = NULL;
          gint64 t0;
          double ms;

          fl_query_set_text (query, typed);

          /* To the model showing the answer (its first page, when it
           * has more), then to the whole list in. */
          t0 = g_get_monotonic_time ();
          fl_ticket_list_model_set_query (model, query);
          while (!fl_ticket_list_model_get_answered (model) && fl_ticket_list_model_get_loading (model))
            g_main_context_iteration (NULL, TRUE);
          ms = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (model_ms, ms);
          while (fl_ticket_list_model_get_loading (model))
            g_main_context_iteration (NULL, TRUE);
          ms = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (complete_ms, ms);

          /* The same SQL directly: the first page, and every id. */
          t0 = g_get_monotonic_time ();
          page = fl_store_query_first_ids (store, query, FL_TICKET_LIST_MODEL_FIRST_PAGE, NULL);
          ms = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (direct_page_ms, ms);
          if (ms > 16 && g_getenv ("FL_BENCH_TRACE") != NULL)
            g_printerr ("slow search: %.1f ms (model %.1f ms), %u on the first page: %s\n", ms,
                        g_array_index (model_ms, double, model_ms->len - 1), page ? page->len : 0, typed);

          t0 = g_get_monotonic_time ();
          ids = fl_store_query_ids (store, query, NULL);
          ms = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (direct_ms, ms);
          n_steps++;

          if (*end == '\0')
            break;
        }
    }

  model_p95 = percentile (model_ms, 0.95);
  direct_p95 = percentile (direct_ms, 0.95);
  direct_page_p95 = percentile (direct_page_ms, 0.95);

  /* The model's first answer runs the first-page SQL: that is its
   * baseline. */
  add_double (builder, "search_p95_ms", model_p95);
  add_double (builder, "search_median_ms", percentile (model_ms, 0.5));
  add_double (builder, "fts_first_page_p95_ms", direct_page_p95);
  add_double (builder, "search_vs_fts_ratio", direct_page_p95 > 0 ? model_p95 / direct_page_p95 : 0);
  add_double (builder, "search_complete_p95_ms", percentile (complete_ms, 0.95));
  add_double (builder, "search_complete_median_ms", percentile (complete_ms, 0.5));
  add_double (builder, "fts_all_ids_p95_ms", direct_p95);
  add_double (builder, "fts_all_ids_median_ms", percentile (direct_ms, 0.5));
  add_double (builder, "search_complete_vs_fts_all_ids_ratio",
              direct_p95 > 0 ? percentile (complete_ms, 0.95) / direct_p95 : 0);
  add_int (builder, "queries", n_queries);
  add_int (builder, "keystrokes", n_steps);
  return all_ids->len;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Makes the store in @dir unless it is there. */
static gboolean
ensure_store (const char  *dir,
              int          n_tickets,
              int          n_messages,
              int          seed,
              double      *seconds,
              GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "frontline.db", NULL);
  gint64 started = g_get_monotonic_time ();
  guint written;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "Could not create %s", dir);
      return FALSE;
    }
  if (!generate_store (path, n_tickets, n_messages, seed, &written, error))
    return FALSE;

  *seconds += (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  return TRUE;
}

static int
cmd_inbox (int    argc,
           char **argv)
{
  int n_tickets = 100000, n_messages = 500000, n_baseline = 10000;
  int n_queries = 200, seed = 1, runs = 5, scroll_steps = 400, view_rounds = 3, rss_runs = 3;
  g_autofree char *data_dir = NULL;
  GOptionEntry entries[] = {
    { "tickets", 0, 0, G_OPTION_ARG_INT, &n_tickets, "Tickets to generate", "N" },
    { "messages", 0, 0, G_OPTION_ARG_INT, &n_messages, "Messages to generate", "M" },
    { "baseline-tickets", 0, 0, G_OPTION_ARG_INT, &n_baseline, "Tickets of the RSS baseline store", "N" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &n_queries, "Queries to type", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Launches of each window for the first frame", "R" },
    { "scroll-steps", 0, 0, G_OPTION_ARG_INT, &scroll_steps, "Steps to scroll the whole list in", "N" },
    { "rss-runs", 0, 0, G_OPTION_ARG_INT, &rss_runs, "Launches of each store for the RSS figure", "R" },
    { "view-rounds", 0, 0, G_OPTION_ARG_INT, &view_rounds, "Times to switch through every view", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "S" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Keep the stores here, or reuse them", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("inbox");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonObject) big_rss = NULL;
  g_autoptr(JsonObject) small_rss = NULL;
  g_autoptr(JsonObject) views = NULL;
  g_autoptr(GArray) app_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reference_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) small_mb = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) big_mb = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *json = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *baseline_dir = NULL;
  g_autofree char *self_exe = NULL;
  g_autofree char *reference_exe = NULL;
  g_autofree char *scroll_arg = NULL;
  g_autofree char *rounds_arg = NULL;
  gint64 started = g_get_monotonic_time ();
  double gen_seconds = 0, app_median, reference_median;
  guint n_found;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      n_tickets <= 0 || n_messages < n_tickets || n_baseline <= 0 || runs < 1 ||
      scroll_steps < 1 || view_rounds < 1 || rss_runs < 1)
    {
      g_printerr ("inbox: %s\n", error ? error->message : "bad arguments");
      return 2;
    }

  if (data_dir == NULL)
    {
      if (!(tmp_dir = g_dir_make_tmp ("fl-bench-inbox-XXXXXX", &error)))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      data_dir = g_strdup (tmp_dir);
    }

  /* The baseline store for RSS keeps the messages per ticket. */
  path = g_build_filename (data_dir, "frontline.db", NULL);
  baseline_dir = g_build_filename (data_dir, "rss-baseline", NULL);
  if (!ensure_store (data_dir, n_tickets, n_messages, seed, &gen_seconds, &error) ||
      !ensure_store (baseline_dir, n_baseline, (int) ((gint64) n_messages * n_baseline / n_tickets),
                     seed, &gen_seconds, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "command");
  json_builder_add_string_value (builder, "inbox");

  if (!(n_found = measure_search (path, n_queries, seed, builder, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_strdup (argv[0]);
  {
    g_autofree char *dir = g_path_get_dirname (self_exe);

    reference_exe = g_build_filename (dir, "frontline-bench-reference", NULL);
  }

  /* First frames: one launch of each to warm the page cache, then
   * alternate so drift hits both. */
  for (int r = -1; r < runs; r++)
    {
      const char *app_argv[] = { self_exe, "inbox-window", "--data-dir", data_dir, NULL };
      const char *reference_argv[] = { reference_exe, NULL };
      g_autoptr(JsonObject) app = run_child (app_argv, &error);
      g_autoptr(JsonObject) reference = app ? run_child (reference_argv, &error) : NULL;
      double ms;

      if (reference == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (r < 0)
        continue;

      ms = json_object_get_double_member (app, "first_frame_ms");
      g_array_append_val (app_ms, ms);
      ms = json_object_get_double_member (reference, "first_frame_ms");
      g_array_append_val (reference_ms, ms);
    }

  scroll_arg = g_strdup_printf ("%d", scroll_steps);
  rounds_arg = g_strdup_printf ("%d", view_rounds);
  {
    const char *big_argv[] = { self_exe, "inbox-window", "--data-dir", data_dir,
                               "--scroll-steps", scroll_arg, NULL };
    const char *small_argv[] = { self_exe, "inbox-window", "--data-dir", baseline_dir,
                                 "--scroll-steps", scroll_arg, NULL };
    const char *views_argv[] = { self_exe, "inbox-window", "--data-dir", data_dir,
                                 "--view-rounds", rounds_arg, NULL };

    /* Resident memory moves by several MB from one launch to the next
     * here: each store is launched rss_runs times, alternately, and the
     * medians are compared. */
    for (int r = 0; r < rss_runs; r++)
      {
        g_autoptr(JsonObject) small = NULL;
        g_autoptr(JsonObject) big = NULL;
        double mb;

        if (!(small = run_child (small_argv, &error)) ||
            !(big = run_child (big_argv, &error)))
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
        mb = json_object_get_double_member (small, "rss_mb");
        g_array_append_val (small_mb, mb);
        mb = json_object_get_double_member (big, "rss_mb");
        g_array_append_val (big_mb, mb);
        g_clear_pointer (&small_rss, json_object_unref);
        g_clear_pointer (&big_rss, json_object_unref);
        small_rss = g_steal_pointer (&small);
        big_rss = g_steal_pointer (&big);
      }

    if (!(views = run_child (views_argv, &error)))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  }

  app_median = median (app_ms);
  reference_median = median (reference_ms);

  add_int (builder, "tickets", n_found);
  add_int (builder, "rss_listed", json_object_get_int_member (big_rss, "listed"));
  add_int (builder, "rss_baseline_listed", json_object_get_int_member (small_rss, "listed"));

  add_double (builder, "first_frame_ratio", reference_median > 0 ? app_median / reference_median : 0);
  add_double (builder, "first_frame_ms", app_median);
  add_double (builder, "first_frame_max_ms", g_array_index (app_ms, double, app_ms->len - 1));
  add_double (builder, "first_frame_reference_ms", reference_median);
  add_int (builder, "first_frame_runs", runs);

  add_double (builder, "rss_growth_mb", median (big_mb) - median (small_mb));
  add_double (builder, "rss_mb", median (big_mb));
  add_double (builder, "rss_baseline_mb", median (small_mb));
  add_int (builder, "rss_runs", rss_runs);
  add_int (builder, "scroll_steps", json_object_get_int_member (big_rss, "scroll_steps"));
  add_int (builder, "baseline_scroll_steps", json_object_get_int_member (small_rss, "scroll_steps"));

  add_double (builder, "view_switch_p95_ms", json_object_get_double_member (views, "view_switch_p95_ms"));
  add_double (builder, "view_switch_median_ms", json_object_get_double_member (views, "view_switch_median_ms"));
  add_double (builder, "view_switch_max_ms", json_object_get_double_member (views, "view_switch_max_ms"));
  add_double (builder, "view_switch_frame_p95_ms", json_object_get_double_member (views, "view_switch_frame_p95_ms"));
  add_double (builder, "view_switch_complete_p95_ms", json_object_get_double_member (views, "view_switch_complete_p95_ms"));
  add_int (builder, "view_switches", json_object_get_int_member (views, "view_switches"));

  json_builder_set_member_name (builder, "targets");
  json_builder_begin_object (builder);
  add_double (builder, "first_frame_ratio", 1.25);
  add_double (builder, "search_p95_ms", 16);
  add_double (builder, "search_vs_fts_ratio", 2.0);
  add_double (builder, "rss_growth_mb", 15);
  add_double (builder, "view_switch_p95_ms", 16);
  json_builder_end_object (builder);

  add_double (builder, "generate_seconds", gen_seconds);
  add_double (builder, "seconds", (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, TRUE);
  g_print ("%s\n", json);

  if (tmp_dir != NULL)
    remove_tree (tmp_dir);
  return 0;
}

/* The search figures of `inbox` alone, on a store it generated before. */
static int
cmd_inbox_search (int    argc,
                  char **argv)
{
  int n_queries = 200, seed = 1;
  g_autofree char *data_dir = NULL;
  GOptionEntry entries[] = {
    { "queries", 0, 0, G_OPTION_ARG_INT, &n_queries, "Queries to type", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "S" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "The folder of an inbox run's stores", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("inbox-search");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || data_dir == NULL || n_queries < 1)
    {
      g_printerr ("inbox-search needs --data-dir\n");
      return 2;
    }

  path = g_build_filename (data_dir, "frontline.db", NULL);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "command");
  json_builder_add_string_value (builder, "inbox-search");
  if (!measure_search (path, n_queries, seed, builder, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, TRUE);
  g_print ("%s\n", json);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  /* Figures are machine-read: no locale decimal commas. */
  setlocale (LC_ALL, "C.UTF-8");

  if (argc >= 2 && g_strcmp0 (argv[1], "gen") == 0)
    return cmd_gen (argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "sync") == 0)
    return cmd_sync (argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "ticket") == 0)
    return cmd_ticket (argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "suggest") == 0)
    return cmd_suggest (argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "inbox") == 0)
    return cmd_inbox (argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "inbox-search") == 0)
    return cmd_inbox_search (argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "inbox-window") == 0)
    return cmd_inbox_window (argc - 1, argv + 1);

  g_printerr ("usage: frontline-bench gen --tickets N --messages M --seed S --data-dir DIR\n"
              "       frontline-bench sync --url URL --token-env VAR --data-dir DIR\n"
              "       frontline-bench ticket --messages N [--runs R]\n"
              "       frontline-bench suggest [--eval FILE] [--misses]\n"
              "       frontline-bench inbox [--tickets N --messages M] [--data-dir DIR] [--queries N]\n"
              "                             [--runs R] [--scroll-steps N] [--view-rounds N] [--seed S]\n"
              "       frontline-bench inbox-search --data-dir DIR [--queries N] [--seed S]\n");
  return 2;
}
