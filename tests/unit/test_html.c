/* Tests of the HTML stage: encoding detection, extraction, metadata, caps,
 * bad input and the WARC reader. Fixtures are invented pages. */
#include "html/html.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

#define FIX "tests/fixtures/html/"

static char *slurp(const char *path, size_t *len)
{
    pc_buf b;
    pc_buf_init(&b, 0);
    if (pc_read_input_raw(path, 0, &b, NULL)) {
        pc_buf_free(&b);
        return NULL;
    }
    return pc_buf_detach(&b, len);
}

static precis_status extract(const char *html, size_t len, bool all, pt_article *a)
{
    ph_options o = {0};
    o.all_text = all;
    pt_article_init(a);
    return ph_extract(html, len, &o, a, NULL);
}

static char *decode(const char *raw, size_t len, const char *ct, char *cs, size_t cap)
{
    pc_buf out;
    pc_buf_init(&out, 0);
    if (ph_decode(raw, len, ct, &out, cs, cap, NULL)) {
        pc_buf_free(&out);
        return NULL;
    }
    return pc_buf_detach(&out, NULL);
}

/* ph_decode_view reads a page that is valid NUL-free UTF-8 where it is (the
 * copy doubled the memory of a large page) and decodes anything else; the
 * extraction reads the page up to its length only (no NUL needed after it). */
TEST(decode_view_reads_clean_utf8_in_place)
{
    pc_buf out;
    const char *v;
    size_t vn;
    const char *utf8 = "<p>Caf\xc3\xa9 on the quay</p>";
    pc_buf_init(&out, 0);
    CHECK(ph_decode_view(utf8, strlen(utf8), NULL, &out, &v, &vn, NULL) == PRECIS_OK);
    CHECK(v == utf8 && vn == strlen(utf8) && out.len == 0);
    const char *bom = "\xef\xbb\xbf<p>after a BOM</p>";
    CHECK(ph_decode_view(bom, strlen(bom), NULL, &out, &v, &vn, NULL) == PRECIS_OK);
    CHECK(v == bom + 3 && vn == strlen(bom) - 3 && out.len == 0);
    const char *latin1 = "<meta charset=\"iso-8859-1\"><p>Caf\xe9</p>";
    CHECK(ph_decode_view(latin1, strlen(latin1), NULL, &out, &v, &vn, NULL) == PRECIS_OK);
    CHECK(v == out.data && vn == out.len && strstr(v, "Caf\xc3\xa9"));
    pc_buf_free(&out);
    pc_buf_init(&out, 0);
    const char nul[] = "<p>a NUL\0here</p>";
    CHECK(ph_decode_view(nul, sizeof nul - 1, NULL, &out, &v, &vn, NULL) == PRECIS_OK);
    CHECK(v == out.data && vn == sizeof nul - 2); /* the NUL dropped */
    pc_buf_free(&out);
    /* a page ending mid-tag, in a buffer of exactly its size (ASan: no read past it) */
    static const char *const CUT[] = {"<html><body><article><p>Harbour news from Velmora.</p><p",
                                      "<p>text</p><script>var x", "<p>text</p><!-- open", "<p>text</p><div class=\"a",
                                      "<p>text</p><", "<p>text</p></", "<",
                                      "<p>text</p><!", "<p>text</p><!-", "<p>text</p><script>",
                                      "<p>text</p><b", "<p>text</p></b", "<p>text</p><?"};
    for (size_t i = 0; i < sizeof CUT / sizeof CUT[0]; i++) {
        size_t n = strlen(CUT[i]);
        char *exact = malloc(n);
        memcpy(exact, CUT[i], n);
        pt_article a;
        precis_status st = extract(exact, n, false, &a);
        CHECK(st == PRECIS_OK || st == PRECIS_EEMPTY);
        pt_article_free(&a);
        free(exact);
    }
}

/* The pre-gumbo cap counts the text between tags, not markup: end tags,
 * "<!DOCTYPE>", "<![CDATA[...]]>" and "<?...?>" were counted as text (their
 * '<' copied alone, the rest read as text), so a page of short text and many
 * elements was refused as "page text longer than" the limit. Exactly at the
 * limit is kept; one byte over is refused. */
static precis_status extract_capped(const char *html, size_t max, pt_article *a, pc_error *e)
{
    ph_options o = {0};
    o.all_text = true;
    o.max_article = max;
    pt_article_init(a);
    pc_error_clear(e);
    return ph_extract(html, strlen(html), &o, a, e);
}

TEST(text_cap_counts_text_not_markup)
{
    pc_buf b;
    pc_buf_init(&b, 0);
    pc_buf_puts(&b, "<!DOCTYPE html><html><body><?xml-stylesheet x?><![CDATA[ y ]]>"
                    "<p>Ferry service to Velmora resumes on Monday, the harbour office said.</p>");
    for (int i = 0; i < 600; i++) pc_buf_puts(&b, "<div></div>"); /* 3000 bytes of "/div>" */
    pc_buf_puts(&b, "</body></html>");
    pt_article a;
    pc_error e;
    CHECK(extract_capped(b.data, 2000, &a, &e) == PRECIS_OK);
    CHECK(a.text && strstr(a.text, "Ferry service to Velmora"));
    pt_article_free(&a);
    pc_buf_free(&b);
    /* 1000 bytes of text in one paragraph: kept at a 1000-byte cap, refused at 999 */
    char page[1100];
    memcpy(page, "<p>", 3);
    memset(page + 3, 'k', 1000);
    strcpy(page + 1003, "</p>");
    CHECK(extract_capped(page, 1000, &a, &e) == PRECIS_OK && a.text_len == 1000);
    pt_article_free(&a);
    CHECK(extract_capped(page, 999, &a, &e) == PRECIS_ELIMIT && strstr(e.msg, "refused before parsing"));
    pt_article_free(&a);
}

/* "<!-->" and "<!--->" are whole empty comments (HTML's abrupt closing, as
 * gumbo and browsers read them): the pre-pass looked for "-->" past them and
 * dropped the text up to the next comment's end. */
TEST(empty_comment_does_not_swallow_text)
{
    static const char *const PAGES[] = {
        "<html><body><p>Before the ferry left.</p><!-->Harbour office stayed open.<!-- note --></body></html>",
        "<html><body><p>Before the ferry left.</p><!--->Harbour office stayed open.<!-- note --></body></html>",
    };
    for (size_t i = 0; i < 2; i++) {
        pt_article a;
        CHECK(extract(PAGES[i], strlen(PAGES[i]), true, &a) == PRECIS_OK);
        CHECK(a.text && strstr(a.text, "Harbour office stayed open.") && !strstr(a.text, "note"));
        pt_article_free(&a);
    }
}

TEST(decode_meta_charset_latin1)
{
    const char *raw = "<meta charset=\"iso-8859-1\"><p>Caf\xe9</p>";
    char cs[32];
    char *s = decode(raw, strlen(raw), NULL, cs, sizeof cs);
    CHECK(s && strstr(s, "Caf\xc3\xa9"));
    CHECK_STR(cs, "WINDOWS-1252");
    free(s);
}

TEST(decode_http_content_type_wins)
{
    const char *raw = "<meta charset=\"utf-8\"><p>\xc4pfel</p>"; /* latin-1 bytes */
    char cs[32];
    char *s = decode(raw, strlen(raw), "text/html; charset=ISO-8859-1", cs, sizeof cs);
    CHECK(s && strstr(s, "\xc3\x84pfel"));
    free(s);
}

TEST(decode_bom_and_misdeclared_utf8)
{
    char cs[32];
    /* UTF-8 BOM, no declaration */
    char *s = decode("\xef\xbb\xbf<p>na\xc3\xafve</p>", 16, NULL, cs, sizeof cs);
    CHECK(s && strcmp(s, "<p>na\xc3\xafve</p>") == 0);
    CHECK_STR(cs, "UTF-8");
    free(s);
    /* declared latin-1 but valid UTF-8: it is UTF-8 */
    const char *raw = "<meta charset=latin1><p>Stra\xc3\x9f" "e</p>";
    s = decode(raw, strlen(raw), NULL, cs, sizeof cs);
    CHECK(s && strstr(s, "Stra\xc3\x9f" "e"));
    CHECK_STR(cs, "UTF-8");
    free(s);
    /* UTF-16LE with BOM */
    const char u16[] = "\xff\xfe<\0p\0>\0h\0i\0";
    s = decode(u16, sizeof u16 - 1, NULL, cs, sizeof cs);
    CHECK(s && strcmp(s, "<p>hi") == 0);
    free(s);
}

TEST(decode_always_valid_utf8)
{
    const char raw[] = "<meta charset=utf-8>\xff\xfe\xc3(\xe2\x82 ok \x80";
    char *s = decode(raw, sizeof raw - 1, NULL, NULL, 0);
    CHECK(s && pc_utf8_valid(s, strlen(s)));
    free(s);
}

TEST(extracts_article_not_debris)
{
    size_t len;
    char *html = slurp(FIX "harbour_gazette.html", &len);
    CHECK(html != NULL);
    if (!html) return;
    pt_article a;
    CHECK(extract(html, len, false, &a) == PRECIS_OK);
    const char *t = a.text ? a.text : "";
    CHECK(strstr(t, "The ferry link between Portwhistle and Kelmar Island reopened"));
    CHECK(strstr(t, "Repairs to the damaged posts"));
    CHECK(strstr(t, "Supplies flown in"));                    /* heading kept */
    CHECK(strstr(t, "Daily crossings resume at 06:45.\nFreight")); /* list items, one a line */
    CHECK(strstr(t, "everyone pulled together"));             /* quote kept */
    CHECK(strstr(t, "landing strip.\n\n"));                   /* paragraph breaks */
    CHECK(!strstr(t, "cookies"));
    CHECK(!strstr(t, "Share on"));
    CHECK(!strstr(t, "Sport"));
    CHECK(!strstr(t, "Related stories") && !strstr(t, "Storm closes coastal road"));
    CHECK(!strstr(t, "grandmother") && !strstr(t, "breakwater")); /* comments */
    CHECK(!strstr(t, "newsletter"));
    CHECK(!strstr(t, "Lighthouse keeper"));
    CHECK(!strstr(t, "All rights reserved"));
    CHECK(!strstr(t, "Photo: Harbour Gazette archive"));
    CHECK(!strstr(t, "not text") && !strstr(t, "trackPage"));
    CHECK_STR(a.title, "Ferry service to Kelmar Island resumes after storm");
    CHECK_STR(a.date, "2031-03-14T08:30:00+01:00");
    CHECK_STR(a.author, "Mira Castellane");
    CHECK_STR(a.site, "The Harbour Gazette");
    CHECK_STR(a.url, "https://harbourgazette.example/news/2031/03/14/ferry-kelmar-resumes");
    CHECK_STR(a.lang, "en");
    pt_article_free(&a);
    /* --all-text keeps the debris */
    CHECK(extract(html, len, true, &a) == PRECIS_OK);
    CHECK(a.text && strstr(a.text, "grandmother") && strstr(a.text, "Ferry service"));
    CHECK(a.text && !strstr(a.text, "trackPage"));
    pt_article_free(&a);
    free(html);
}

TEST(standfirst_ruby_and_tail)
{
    size_t len;
    char *html = slurp(FIX "lead_and_tail.html", &len);
    CHECK(html != NULL);
    if (!html) return;
    pt_article a;
    CHECK(extract(html, len, false, &a) == PRECIS_OK);
    const char *t = a.text ? a.text : "";
    /* the standfirst in the article header, between headline and body, is kept */
    CHECK(strstr(t, "Nach zwei Jahren Bauzeit hat die Reederei Brakenwerft") != NULL);
    CHECK(strstr(t, "Die \xe2\x80\x9eLindholm III\xe2\x80\x9c legte") != NULL);
    /* ruby readings are not text */
    CHECK(strstr(t, "\xe6\xb8\xa1\xe3\x81\x97\xe8\x88\xb9") != NULL);
    /* a tail heading spelled with a capital umlaut ends the article */
    CHECK(!strstr(t, "hnliche Beitr"));
    CHECK(!strstr(t, "Hafenfest") && !strstr(t, "Segelboote"));
    CHECK(!strstr(t, "Schifffahrt") && !strstr(t, "Start"));
    /* NFC: the decomposed "Ka\xcc\x88the" of the page comes out composed */
    CHECK(strstr(t, "K\xc3\xa4the Lorenz") != NULL && !strstr(t, "a\xcc\x88"));
    CHECK_STR(a.title, "Neue F\xc3\xa4hre f\xc3\xbcr Lindholm");
    pt_article_free(&a);
    free(html);
}

/* class and id are judged in the pre-pass; the verdicts must act as before */
TEST(prepass_verdicts)
{
    const char *html =
        "<html><head><link rel=\"stylesheet\" href=\"/s.css\">"
        "<meta name=\"twitter:title\" content=\"Wrong title\">"
        "<link rel=\"canonical\" href=\"https://tidewater.example/a/1\"></head><body>"
        "<div class=\"site-wrap\"><div class=\"entry-content\" id=\"main\">"
        "<div class=\"post-byline\">Von Jana Ortsmann</div>"
        "<p>Die Schleuse von Tidewater wird im Herbst erneuert. <span class=\"sr-only\">Skipped reader text</span>"
        "Der Stadtrat hat die Mittel am Montag freigegeben, nachdem ein Gutachten Risse im Mauerwerk gefunden hatte.</p>"
        "<svg viewBox=\"0 0 1 1\"/><p>Die Arbeiten dauern zwei Jahre; Schiffe weichen in dieser Zeit auf den "
        "alten Kanal aus, der dafür ausgebaggert wird und nachts beleuchtet bleibt.</p>"
        "<p>Die Kosten liegen bei vier Millionen, ein Drittel trägt das Land, den Rest teilen Stadt und Hafen.</p>"
        "</div><div class=\"comment-list\"><p>Endlich passiert etwas an dieser Schleuse, das wurde auch Zeit, "
        "schreibt ein Leser, der seit dreißig Jahren am Kanal wohnt und jeden Tag vorbeigeht.</p></div>"
        "</div></body></html>";
    pt_article a;
    CHECK(extract(html, strlen(html), false, &a) == PRECIS_OK);
    const char *t = a.text ? a.text : "";
    CHECK(strstr(t, "Die Schleuse von Tidewater") != NULL);
    CHECK(strstr(t, "Die Arbeiten dauern zwei Jahre") != NULL); /* text after a self-closed <svg/> */
    CHECK(!strstr(t, "Skipped reader text"));                  /* class="sr-only" hides */
    CHECK(!strstr(t, "Endlich passiert"));                     /* class="comment-list" is debris */
    CHECK_STR(a.author, "Jana Ortsmann");                      /* class="post-byline" */
    CHECK_STR(a.url, "https://tidewater.example/a/1");
    CHECK(!a.title || !strstr(a.title, "Wrong"));
    pt_article_free(&a);
}

/* class names that read as debris but name the article, and list lines before the prose */
TEST(container_naming_and_lead_lists)
{
    const char *para =
        "<p>Der Fischmarkt von Karstedt ist nach dem Umbau wieder offen, und schon am ersten Morgen "
        "standen die Leute bis zur Kaimauer an, um Krabben und Matjes zu kaufen.</p>";
    char html[8192];
    /* BEM modifier: "Report__Section--Ads" is a section, not an ad */
    snprintf(html, sizeof html,
             "<html><body><nav><a href=/>Start</a></nav><section class=\"Report__Section--Ads\">"
             "%s%s</section><div><p>Die Händler zahlen im ersten Jahr keine Standgebühr, danach "
             "steigt sie jedes Jahr ein wenig, bis sie den alten Satz erreicht hat.</p><p>Der Bürgermeister "
             "kam mit dem Fahrrad und kaufte als Erster, ein Pfund Krabben für die Kantine im Rathaus.</p>"
             "</div></body></html>",
             para, para);
    pt_article a;
    CHECK(extract(html, strlen(html), false, &a) == PRECIS_OK);
    CHECK(a.text && strstr(a.text, "Fischmarkt von Karstedt"));
    pt_article_free(&a);
    /* "entry share": a content word next to a strong one; the wrapper holds most of the prose */
    snprintf(html, sizeof html,
             "<html><body><div class=\"entry share\"><h1>Fischmarkt</h1>%s%s"
             "<p>Die Stadt hat vier Millionen in den Umbau gesteckt, die Hälfte davon kam vom Land und "
             "aus dem Hafenfonds, der Rest aus Gebühren der Händler.</p></div>"
             "<div><p>Ein Kommentar zum Markt: Die Preise sind gestiegen, seit die Halle neu ist, sagen "
             "viele Stammkunden am Stand von Gerda Holm.</p></div></body></html>",
             para, para);
    CHECK(extract(html, strlen(html), false, &a) == PRECIS_OK);
    CHECK(a.text && strstr(a.text, "Fischmarkt von Karstedt") && strstr(a.text, "vier Millionen"));
    pt_article_free(&a);
    /* ingredient lines before the first paragraph belong to the recipe; a dateline does not */
    snprintf(html, sizeof html,
             "<html><body><article><h1>Karstedter Krabbenbrot</h1><p>12.05.2031</p><ul>"
             "<li>200 g Krabben aus dem Hafen</li><li>vier Scheiben dunkles Brot</li>"
             "<li>ein Bund frischer Dill</li></ul><h2>Zubereitung</h2>%s%s</article></body></html>",
             para, para);
    CHECK(extract(html, strlen(html), false, &a) == PRECIS_OK);
    CHECK(a.text && strstr(a.text, "200 g Krabben aus dem Hafen") && strstr(a.text, "frischer Dill"));
    CHECK(a.text && !strstr(a.text, "12.05.2031"));
    pt_article_free(&a);
}

TEST(metadata_fallbacks)
{
    const char *html =
        "<html><head><title>Quiet week at the observatory - Valley Courier</title></head><body>"
        "<div><p class=dateline>Published: 3 February 2029</p>"
        "<p>The observatory on Mount Aren recorded its quietest week in a decade, with cloud cover "
        "blocking the telescopes on six of seven nights, staff said on Sunday.</p></div></body></html>";
    pt_article a;
    ph_options o = {0};
    o.url = "https://courier.example/2029/02/03/quiet-week";
    pt_article_init(&a);
    CHECK(ph_extract(html, strlen(html), &o, &a, NULL) == PRECIS_OK);
    CHECK_STR(a.title, "Quiet week at the observatory");
    CHECK_STR(a.date, "2029-02-03");
    CHECK_STR(a.site, "Valley Courier"); /* the title's outlet, which the host names (was "courier.example") */
    CHECK_STR(a.url, "https://courier.example/2029/02/03/quiet-week");
    CHECK(a.text && !strstr(a.text, "Published:"));
    pt_article_free(&a);
}

TEST(jsonld_article_body_for_script_pages)
{
    size_t len;
    char *html = slurp(FIX "script_rendered.html", &len);
    pt_article a;
    CHECK(html && extract(html, len, false, &a) == PRECIS_OK);
    CHECK(a.text && strstr(a.text, "Nach zwei Jahren Bauzeit"));
    CHECK_STR(a.author, "Jonas Feldmark, Lea Birnbach");
    CHECK_STR(a.date, "2030-06-02");
    CHECK_STR(a.lang, "de");
    pt_article_free(&a);
    free(html);
}

TEST(no_article_and_empty_pages)
{
    pt_article a;
    pc_error err;
    pc_error_clear(&err);
    ph_options o = {0};
    pt_article_init(&a);
    const char *nav = "<nav><a href=/>Home</a> <a href=/x>About</a></nav>";
    CHECK(ph_extract(nav, strlen(nav), &o, &a, &err) == PRECIS_EEMPTY);
    CHECK(strstr(err.msg, "no article found"));
    pt_article_free(&a);
    CHECK(extract("", 0, false, &a) == PRECIS_EEMPTY);
    pt_article_free(&a);
}

static char *nested(int depth)
{
    char *s = malloc((size_t)depth * 11 + 64);
    size_t k = 0;
    for (int i = 0; i < depth; i++) k += (size_t)sprintf(s + k, "<div>");
    k += (size_t)sprintf(s + k, "<p>deep text that is long enough to count as a paragraph of prose here.</p>");
    s[k] = '\0';
    return s;
}

TEST(nesting_cap)
{
    pt_article a;
    pc_error err;
    pc_error_clear(&err);
    ph_options o = {0};
    char *ok = nested(400), *deep = nested(10000);
    pt_article_init(&a);
    CHECK(ph_extract(ok, strlen(ok), &o, &a, &err) == PRECIS_OK);
    pt_article_free(&a);
    pt_article_init(&a);
    CHECK(ph_extract(deep, strlen(deep), &o, &a, &err) == PRECIS_ELIMIT);
    CHECK(strstr(err.msg, "nested deeper than 512"));
    pt_article_free(&a);
    free(ok);
    free(deep);
}

static char *repeat(const char *unit, int times, const char *tail)
{
    size_t n = strlen(unit);
    char *s = malloc(n * (size_t)times + strlen(tail) + 1);
    for (int i = 0; i < times; i++) memcpy(s + n * (size_t)i, unit, n);
    strcpy(s + n * (size_t)times, tail);
    return s;
}

TEST(deep_input_refused_early_flat_input_accepted)
{
    /* a million unclosed inline elements: refused before the parser's
     * O(depth) per tag could make it a hang */
    char *deep = repeat("<span><b>", 500000, "x");
    pt_article a;
    pc_error err;
    pc_error_clear(&err);
    ph_options o = {0};
    pt_article_init(&a);
    CHECK(ph_extract(deep, strlen(deep), &o, &a, &err) == PRECIS_ELIMIT);
    pt_article_free(&a);
    free(deep);
    /* 20,000 unclosed <p>, <li> and <a>: the parser closes them, nothing is deep */
    char *flat = repeat("<p>Quite a long line of text about the harbour and its ferries. <li><a>link", 20000, "");
    pt_article_init(&a);
    precis_status st = ph_extract(flat, strlen(flat), &o, &a, &err);
    CHECK(st == PRECIS_OK);
    pt_article_free(&a);
    free(flat);
}

TEST(binary_and_truncated_input)
{
    unsigned char bin[4096];
    unsigned x = 12345;
    for (size_t i = 0; i < sizeof bin; i++) {
        x = x * 1103515245u + 12345u;
        bin[i] = (unsigned char)(x >> 16);
    }
    pt_article a;
    precis_status st = extract((const char *)bin, sizeof bin, false, &a);
    CHECK(st == PRECIS_OK || st == PRECIS_EEMPTY);
    CHECK(!a.text || pc_utf8_valid(a.text, strlen(a.text)));
    pt_article_free(&a);
    const char *cut = "<html><body><article><p>The text stops in the middle of a sentence that goes on and on <a href=\"x";
    st = extract(cut, strlen(cut), false, &a);
    CHECK(st == PRECIS_OK || st == PRECIS_EEMPTY);
    pt_article_free(&a);
}

static const char *WARC =
    "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 9\r\n\r\nsoftware\n\r\n\r\n"
    "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/one\r\n"
    "Content-Type: application/http; msgtype=response\r\nContent-Length: %zu\r\n\r\n%s\r\n\r\n"
    "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/logo.png\r\n"
    "Content-Type: application/http; msgtype=response\r\nContent-Length: 46\r\n\r\n"
    "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG...\r\n\r\n"
    "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: nope\r\n\r\n"
    "garbage\r\n\r\n"
    "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/two\r\n"
    "Content-Type: application/http; msgtype=response\r\nContent-Length: %zu\r\n\r\n%s\r\n\r\n";

TEST(warc_reader)
{
    const char *one = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>first page</p>";
    const char *two = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n"
                      "6\r\n<p>sec\r\n9\r\nond page<\r\n3\r\n/p>\r\n0\r\n\r\n";
    char buf[4096];
    int n = snprintf(buf, sizeof buf, WARC, strlen(one), one, strlen(two), two);
    ph_warc *w;
    CHECK(ph_warc_open_mem(buf, (size_t)n, "t.warc", 0, &w) == PRECIS_OK);
    ph_warc_record r;
    pc_error err;
    pc_error_clear(&err);
    CHECK(ph_warc_next(w, &r, &err) == PRECIS_OK);
    CHECK_STR(r.target_uri, "http://a.example/one");
    CHECK(r.payload_len == 17 && memcmp(r.payload, "<p>first page</p>", 17) == 0);
    CHECK(ph_warc_next(w, &r, &err) == PRECIS_EPARSE); /* bad Content-Length, named */
    CHECK(strstr(err.msg, "record 4"));
    CHECK(ph_warc_next(w, &r, &err) == PRECIS_OK); /* resynchronised */
    CHECK_STR(r.target_uri, "http://a.example/two");
    CHECK(r.payload_len == 18 && memcmp(r.payload, "<p>second page</p>", 18) == 0);
    CHECK(ph_warc_next(w, &r, &err) == PRECIS_EEMPTY);
    ph_warc_close(w);
    CHECK(ph_warc_open_mem("<html>", 6, "x", 0, &w) == PRECIS_OK);
    CHECK(ph_warc_next(w, &r, &err) == PRECIS_EPARSE);
    ph_warc_close(w);
}

int main(void)
{
    RUN(decode_view_reads_clean_utf8_in_place);
    RUN(text_cap_counts_text_not_markup);
    RUN(empty_comment_does_not_swallow_text);
    RUN(decode_meta_charset_latin1);
    RUN(decode_http_content_type_wins);
    RUN(decode_bom_and_misdeclared_utf8);
    RUN(decode_always_valid_utf8);
    RUN(extracts_article_not_debris);
    RUN(standfirst_ruby_and_tail);
    RUN(prepass_verdicts);
    RUN(container_naming_and_lead_lists);
    RUN(metadata_fallbacks);
    RUN(jsonld_article_body_for_script_pages);
    RUN(no_article_and_empty_pages);
    RUN(nesting_cap);
    RUN(deep_input_refused_early_flat_input_accepted);
    RUN(binary_and_truncated_input);
    RUN(warc_reader);
    return test_done();
}
