/* test-html.c: HTML bodies as readable text, links, quotes and images
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fl-html.h"

typedef struct
{
  const char *name;
  const char *html;
  const char *text;
} TextCase;

static void
test_text (void)
{
  static const TextCase cases[] = {
    { "paragraphs", "<p>One</p><p>Two</p>", "One\n\nTwo" },
    { "br", "<p>Best,<br>Emre<br/>Support</p>", "Best,\nEmre\nSupport" },
    { "divs", "<div>Hi</div><div><br></div><div>Text</div>", "Hi\n\nText" },
    { "whitespace", "<p>  a \n\t b   <b>c</b> <i>d</i>  </p>", "a b c d" },
    { "inline", "<p>un<b>bro</b>ken</p>", "unbroken" },
    { "list", "<p>Please send:</p><ul><li>the card</li><li>the serial</li></ul><p>Thanks</p>",
      "Please send:\n\n• the card\n• the serial\n\nThanks" },
    { "ordered", "<ol><li>one</li><li>two<ol><li>inner</li></ol></li></ol>",
      "1. one\n2. two\n  1. inner" },
    { "table", "<table><tr><td>Order</td><td>LH-1</td></tr><tr><th>Total</th><td>$5</td></tr></table>",
      "Order\tLH-1\nTotal\t$5" },
    { "pre", "<p>Log:</p><pre>a  b\n  c</pre><p>end</p>", "Log:\n\na  b\n  c\n\nend" },
    { "dropped", "<html><head><title>T</title><style>p{color:red}</style></head>"
      "<body><script>alert(1)</script><p>Visible</p><div style=\"display: none\">hidden</div></body></html>",
      "Visible" },
    { "entities", "<p>caf&eacute; &amp; cr&#232;me &lt;b&gt; &#x1F600;&nbsp;&nbsp;x</p>",
      "café & crème <b> \xf0\x9f\x98\x80  x" },
    { "injection", "<p>&lt;span foreground=\"red\"&gt;x&lt;/span&gt; &amp;amp;</p>",
      "<span foreground=\"red\">x</span> &amp;" },
    { "broken utf-8", "<p>Ayşe \xff\xfe ok \xc3</p>", "Ayşe \xef\xbf\xbd\xef\xbf\xbd ok \xef\xbf\xbd" },
    { "latin-1", "<p>Caf\xe9 cr\xe8me \x80 5</p>", "Café crème € 5" },
    { "meta charset ignored", "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Şule ğ</p></body></html>",
      "Şule ğ" },
    { "empty", "", "" },
    { "garbage", "<<<>>><//p><a <b", NULL },
    { "only tags", "<div><span></span></div>", "" },
    { "rtl and ltr", "<div dir=\"rtl\"><p>سلام، سفارش من کجاست؟</p></div><p>Hello, where is my order?</p>",
      "سلام، سفارش من کجاست؟\n\nHello, where is my order?" },
    { "control characters", "<p>a\x01" "b\x7f" "c</p>", "abc" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FlHtmlText) parsed = fl_html_parse (cases[i].html, -1);

      g_test_message ("case %s", cases[i].name);
      g_assert_nonnull (parsed);
      g_assert_true (g_utf8_validate (parsed->text, -1, NULL));
      if (cases[i].text)
        g_assert_cmpstr (parsed->text, ==, cases[i].text);
    }
}

typedef struct
{
  const char *name;
  const char *html;
  const char *markup;
} MarkupCase;

/* Pango reads markup with GMarkup: the only elements may be the links,
 * with nothing but an http, https or mailto target. */
static void
markup_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  if (g_str_equal (element, "markup"))
    return;
  g_assert_cmpstr (element, ==, "a");
  g_assert_cmpstr (names[0], ==, "href");
  g_assert_null (names[1]);
  g_assert_true (fl_html_is_safe_uri (values[0]));
}

static gboolean
markup_parses (const char  *markup,
               GError     **error)
{
  static const GMarkupParser parser = { markup_start, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autofree char *wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);

  return g_markup_parse_context_parse (context, wrapped, -1, error) &&
         g_markup_parse_context_end_parse (context, error);
}

static void
test_links (void)
{
  static const MarkupCase cases[] = {
    { "http", "<p>See <a href=\"https://lumenhome.example/returns\">the label</a>.</p>",
      "See <a href=\"https://lumenhome.example/returns\">the label</a>." },
    { "mailto", "<a href=\" mailto:help@lumenhome.example \">mail us</a>",
      "<a href=\"mailto:help@lumenhome.example\">mail us</a>" },
    { "javascript dropped", "<a href=\"javascript:alert(1)\">click</a> <a href=\"JaVaScRiPt:x\">me</a>",
      "click me" },
    { "other schemes", "<a href=\"file:///etc/passwd\">f</a> <a href=\"data:text/html,x\">d</a> "
      "<a href=\"java\tscript:x\">t</a> <a href=\"/relative\">r</a>", "f d t r" },
    { "href escaped", "<a href='https://x.example/?a=1&amp;b=\"2\"&lt;'>q&amp;a</a>",
      "<a href=\"https://x.example/?a=1&amp;b=&quot;2&quot;&lt;\">q&amp;a</a>" },
    { "attribute breakout", "<a href=\"https://x.example/&quot;&gt;&lt;b&gt;x\">y</a>",
      "<a href=\"https://x.example/&quot;&gt;&lt;b&gt;x\">y</a>" },
    { "markup in text", "<p>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;span foreground=\"red\"&gt;red&lt;/span&gt;</p>",
      "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;span foreground=&quot;red&quot;&gt;red&lt;/span&gt;" },
    { "double escaped", "<p>AT&amp;amp;T & co &#38;lt;</p>", "AT&amp;amp;T &amp; co &amp;lt;" },
    { "link text escaped", "<a href=\"https://x.example\">&lt;i&gt;x&lt;/i&gt;</a>",
      "<a href=\"https://x.example\">&lt;i&gt;x&lt;/i&gt;</a>" },
    { "link spaces", "<p>go <a href=\"https://x.example\"> here </a>now</p>",
      "go <a href=\"https://x.example\">here</a> now" },
    { "image link", "<a href=\"https://x.example\"><img src=\"https://x.example/logo.png\" alt=\"Logo\"></a>",
      "<a href=\"https://x.example\">Logo</a>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FlHtmlText) parsed = fl_html_parse (cases[i].html, -1);
      g_autofree char *markup = fl_html_text_to_markup (parsed, 0, G_MAXSIZE);
      g_autoptr(GError) error = NULL;

      g_test_message ("case %s", cases[i].name);
      g_assert_cmpstr (markup, ==, cases[i].markup);
      /* Whatever the text, the markup parses. */
      g_assert_true (markup_parses (markup, &error));
      g_assert_no_error (error);
    }
}

static void
test_link_ranges (void)
{
  g_autoptr(FlHtmlText) parsed = fl_html_parse ("<p>A <a href=\"https://a.example\">first</a> and "
                                                "<a href=\"http://b.example\">second</a></p>", -1);
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  FlHtmlLink *link;

  g_assert_cmpstr (parsed->text, ==, "A first and second");
  g_assert_cmpuint (parsed->links->len, ==, 2);
  link = &g_array_index (parsed->links, FlHtmlLink, 0);
  g_assert_cmpuint (link->start, ==, 2);
  g_assert_cmpuint (link->end, ==, 7);
  g_assert_cmpstr (link->href, ==, "https://a.example");
  link = &g_array_index (parsed->links, FlHtmlLink, 1);
  g_assert_cmpstr (parsed->text + link->start, ==, "second");

  /* A range cuts links at its edges. */
  head = fl_html_text_to_markup (parsed, 0, 5);
  g_assert_cmpstr (head, ==, "A <a href=\"https://a.example\">fir</a>");
  tail = fl_html_text_to_markup (parsed, 8, G_MAXSIZE);
  g_assert_cmpstr (tail, ==, "and <a href=\"http://b.example\">second</a>");
}

typedef struct
{
  const char *name;
  const char *html;
  const char *body;    /* the text before the quote, or NULL for none */
  const char *quote;
} QuoteCase;

static void
test_quotes (void)
{
  static const QuoteCase cases[] = {
    { "gmail",
      "<div dir=\"ltr\">Got it, thanks!</div><br><div class=\"gmail_quote\">"
      "<div dir=\"ltr\" class=\"gmail_attr\">On Mon, 2 Nov 2026 at 10:00, Emre &lt;e@x.example&gt; wrote:<br></div>"
      "<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex\"><div>Hi Amelia,</div></blockquote></div>",
      "Got it, thanks!", "On Mon, 2 Nov 2026 at 10:00, Emre <e@x.example> wrote:\n\nHi Amelia," },
    { "outlook web",
      "<div>Works now.</div><div id=\"appendonsend\"></div><hr><div id=\"divRplyFwdMsg\">"
      "<b>From:</b> Support<br><b>Sent:</b> Monday<br><b>Subject:</b> Re: x</div>"
      "<div>Hi, please restart it.</div>",
      "Works now.", "From: Support\nSent: Monday\nSubject: Re: x\nHi, please restart it." },
    { "outlook original message",
      "<p>Still broken.</p><p>-----Original Message-----<br>From: Support<br>Sent: Monday</p><p>Try again</p>",
      "Still broken.", "-----Original Message-----\nFrom: Support\nSent: Monday\n\nTry again" },
    { "outlook desktop",
      "<p>See below.</p><div style=\"border-top:solid #E1E1E1 1pt\"><p><b>From:</b> Support<br>"
      "<b>Sent:</b> Monday</p></div><p>Old text</p>",
      "See below.", "From: Support\nSent: Monday\n\nOld text" },
    { "apple",
      "<div>Thank you!</div><div><br><blockquote type=\"cite\">On 3 Nov 2026, at 09:12, Reza wrote:<br><br>"
      "<div>Salam</div></blockquote></div>",
      "Thank you!", "On 3 Nov 2026, at 09:12, Reza wrote:\n\nSalam" },
    { "attribution before blockquote",
      "<p>Batch code is GL-2291-B.</p><p>Sophie &lt;s@x.example&gt; wrote:</p><blockquote><p>Hi Olivia</p></blockquote>",
      "Batch code is GL-2291-B.", "Sophie <s@x.example> wrote:\n\nHi Olivia" },
    { "persian attribution",
      "<div dir=\"rtl\"><p>ممنون.</p><p>رضا &lt;s@x.example&gt; نوشت:</p><blockquote><p>با سلام</p></blockquote></div>",
      "ممنون.", "رضا <s@x.example> نوشت:\n\nبا سلام" },
    { "thunderbird",
      "<p>Yes.</p><div class=\"moz-cite-prefix\">On 11/3/26 10:00, A wrote:<br></div>"
      "<blockquote type=\"cite\">old</blockquote>",
      "Yes.", "On 11/3/26 10:00, A wrote:\n\nold" },
    { "inline reply is not history",
      "<blockquote>Can you send the serial?</blockquote><p>It is SN-123.</p>", NULL, NULL },
    { "quote only", "<blockquote>forwarded text</blockquote>", NULL, NULL },
    { "no quote", "<p>Hello</p><p>wrote: nothing</p>", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FlHtmlText) parsed = fl_html_parse (cases[i].html, -1);

      g_test_message ("case %s: %s", cases[i].name, parsed->text);
      if (cases[i].body == NULL)
        {
          g_assert_cmpint (parsed->quote_start, ==, -1);
        }
      else
        {
          g_autofree char *body = NULL;
          g_autofree char *quote = NULL;

          g_assert_cmpint (parsed->quote_start, >, 0);
          body = fl_html_text_slice (parsed, 0, parsed->quote_start);
          quote = fl_html_text_slice (parsed, parsed->quote_start, G_MAXSIZE);
          g_assert_cmpstr (body, ==, cases[i].body);
          g_assert_cmpstr (quote, ==, cases[i].quote);
        }
    }
}

static void
test_plain_quotes (void)
{
  static const QuoteCase cases[] = {
    { "reply", "Got it, thanks!\n\nRegards,\nAmelia\n\nEmre <e@x.example> wrote:\n> Hi Amelia,\n>\n> Try again.\n",
      "Got it, thanks!\n\nRegards,\nAmelia", "Emre <e@x.example> wrote:\n> Hi Amelia,\n>\n> Try again." },
    { "no attribution", "Done.\n\n> old\n  > older", "Done.", "> old\n  > older" },
    { "interleaved", "> question?\nanswer\n> another?\nanswer two", NULL, NULL },
    { "original message", "Fine.\n-----Original Message-----\nFrom: a\nhello", "Fine.",
      "-----Original Message-----\nFrom: a\nhello" },
    { "all quoted", "> only\n> quoted", NULL, NULL },
    { "none", "Hello\nthere", NULL, NULL },
    { "empty", "", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FlHtmlText) parsed = fl_html_text_new_plain (cases[i].html);

      g_test_message ("case %s", cases[i].name);
      g_assert_cmpint (parsed->quote_start, ==, fl_html_find_plain_quote (cases[i].html));
      g_assert_cmpuint (parsed->links->len, ==, 0);
      if (cases[i].body == NULL)
        {
          g_assert_cmpint (parsed->quote_start, ==, -1);
        }
      else
        {
          g_autofree char *body = fl_html_text_slice (parsed, 0, parsed->quote_start);
          g_autofree char *quote = fl_html_text_slice (parsed, parsed->quote_start, G_MAXSIZE);

          g_assert_cmpstr (body, ==, cases[i].body);
          g_assert_cmpstr (quote, ==, cases[i].quote);
        }
    }
  g_assert_cmpint (fl_html_find_plain_quote (NULL), ==, -1);
}

static void
test_images (void)
{
  g_autoptr(FlHtmlText) parsed = fl_html_parse (
    "<p>Here is the error:</p>"
    "<img src=\"cid:image001.png@01DA2B3C.4D5E6F70\" alt=\"\">"
    "<img src=\"cid:ii_m3k2p9x4\" alt=\"Screenshot.JPG\">"
    "<img src=\"cid:ii_m3k2p9x4\" alt=\"again\">"
    "<img src=\" data:image/png;base64,iVBORw0KGgo= \" alt=\"dot\">"
    "<img src=\"data:text/html;base64,PHNjcmlwdD4=\">"
    "<img src=\"https://tracker.example/pixel.gif\" alt=\"pixel\">"
    "<img src=\"http://x.example/a.png\">", -1);
  FlHtmlImage *image;

  g_assert_cmpstr (parsed->text, ==, "Here is the error:");
  g_assert_cmpuint (parsed->images->len, ==, 3);

  image = parsed->images->pdata[0];
  g_assert_cmpstr (image->name, ==, "image001.png@01DA2B3C.4D5E6F70");
  g_assert_null (image->alt);
  g_assert_cmpstr (image->mime_type, ==, "image/png");

  image = parsed->images->pdata[1];
  g_assert_cmpstr (image->name, ==, "ii_m3k2p9x4");
  g_assert_cmpstr (image->alt, ==, "Screenshot.JPG");
  g_assert_cmpstr (image->mime_type, ==, "image/jpeg");

  image = parsed->images->pdata[2];
  g_assert_cmpstr (image->name, ==, "image-3.png");
  g_assert_cmpstr (image->alt, ==, "dot");
  g_assert_cmpstr (image->mime_type, ==, "image/png");
  g_assert_cmpint (image->size, ==, 8);
}

static void
test_deep_nesting (void)
{
  const guint depth = 10000;
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(FlHtmlText) parsed = NULL;
  gint64 start;

  for (guint i = 0; i < depth; i++)
    g_string_append (html, i % 3 ? "<div>" : "<blockquote><span>");
  g_string_append (html, "deep <a href=\"https://x.example\">link</a>");
  for (guint i = 0; i < depth; i++)
    g_string_append (html, i % 3 ? "</div>" : "</span></blockquote>");
  g_string_append (html, "<p>after</p>");

  start = g_get_monotonic_time ();
  parsed = fl_html_parse (html->str, html->len);
  g_assert_nonnull (parsed);
  g_assert_true (g_utf8_validate (parsed->text, -1, NULL));
  g_assert_nonnull (strstr (parsed->text, "deep"));
  /* Linear work: a generous bound that a quadratic walk would not meet. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_large (void)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(FlHtmlText) parsed = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (html, "<p>Paragraph %u with <a href=\"https://x.example/%u\">a link</a></p>", i, i);
  parsed = fl_html_parse (html->str, -1);
  g_assert_cmpuint (parsed->links->len, ==, 20000);
  g_assert_true (g_str_has_suffix (parsed->text, "Paragraph 19999 with a link"));
}

static void
test_safe_uri (void)
{
  g_assert_true (fl_html_is_safe_uri ("https://x.example"));
  g_assert_true (fl_html_is_safe_uri ("HTTP://x.example"));
  g_assert_true (fl_html_is_safe_uri ("mailto:a@x.example"));
  g_assert_false (fl_html_is_safe_uri ("javascript:alert(1)"));
  g_assert_false (fl_html_is_safe_uri ("file:///etc/passwd"));
  g_assert_false (fl_html_is_safe_uri ("ftp://x.example"));
  g_assert_false (fl_html_is_safe_uri ("https://x.example/\nx"));
  g_assert_false (fl_html_is_safe_uri ("/relative"));
  g_assert_false (fl_html_is_safe_uri (""));
  g_assert_false (fl_html_is_safe_uri (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html/text", test_text);
  g_test_add_func ("/html/links", test_links);
  g_test_add_func ("/html/link-ranges", test_link_ranges);
  g_test_add_func ("/html/quotes", test_quotes);
  g_test_add_func ("/html/plain-quotes", test_plain_quotes);
  g_test_add_func ("/html/images", test_images);
  g_test_add_func ("/html/deep-nesting", test_deep_nesting);
  g_test_add_func ("/html/large", test_large);
  g_test_add_func ("/html/safe-uri", test_safe_uri);

  return g_test_run ();
}
