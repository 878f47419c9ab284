/* Feed reader (src/html/feed.c): sniffing, fields, caps, damage, chunking. */
#include "html/html.h"
#include "test.h"

#include <stdlib.h>

typedef struct mem {
    const char *d;
    size_t n, pos, chunk;
} mem;

static int rd(void *p, char *buf, int len)
{
    mem *m = p;
    size_t k = m->n - m->pos < (size_t)len ? m->n - m->pos : (size_t)len;
    if (m->chunk && k > m->chunk) k = m->chunk;
    memcpy(buf, m->d + m->pos, k);
    m->pos += k;
    return (int)k;
}

typedef struct got {
    size_t n, n_skip;
    char title[8][128], url[8][128], date[8][64], author[8][64], site[8][64], text[8][512];
    precis_status skip_st[8];
    char why[8][400];
    size_t skip_line[8];
} got;

static void cp(char *dst, size_t cap, const char *s)
{
    snprintf(dst, cap, "%s", s ? s : "(null)");
}

static precis_status on_item(void *user, pt_article *a, size_t index, size_t line)
{
    got *g = user;
    if (g->n < 8) {
        cp(g->title[g->n], 128, a->title);
        cp(g->url[g->n], 128, a->url);
        cp(g->date[g->n], 64, a->date);
        cp(g->author[g->n], 64, a->author);
        cp(g->site[g->n], 64, a->site);
        cp(g->text[g->n], 512, a->text);
    }
    g->n++;
    return PRECIS_OK;
}

static void on_skip(void *user, precis_status st, size_t line, const char *what, const char *why)
{
    got *g = user;
    if (g->n_skip < 8) {
        g->skip_st[g->n_skip] = st;
        g->skip_line[g->n_skip] = line;
        snprintf(g->why[g->n_skip], 400, "%s%s%s", what ? what : "", what ? ": " : "", why);
    }
    g->n_skip++;
}

static precis_status read_feed(const char *xml, size_t chunk, size_t max_items, bool utf8, got *g)
{
    memset(g, 0, sizeof *g);
    mem m = {xml, strlen(xml), 0, chunk};
    ph_feed_options o = {0};
    o.name = "t.xml";
    o.max_items = max_items;
    o.utf8 = utf8;
    o.fn = on_item;
    o.skip = on_skip;
    o.user = g;
    return ph_feed_read(rd, &m, &o, NULL);
}

TEST(sniff)
{
    static const char *yes[] = {
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>",
        "\xEF\xBB\xBF<rss version=\"2.0\">",
        "<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?><!-- c --><rss>",
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"b\">]><rss>",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
        "<?xml version='1.0'?>\n<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">",
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
    };
    static const char *no[] = {"<feed><p>x</p></feed>", "<html><body>", "<rssfeed>", "{\"id\":1}", "plain text",
                               "<?xml version=\"1.0\"?><svg>", ""};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) CHECK(ph_looks_like_feed(yes[i], strlen(yes[i])) != PH_FEED_NONE);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) CHECK(ph_looks_like_feed(no[i], strlen(no[i])) == PH_FEED_NONE);
    CHECK(ph_looks_like_feed(yes[4], strlen(yes[4])) == PH_FEED_ATOM);
    CHECK(ph_looks_like_feed(yes[6], strlen(yes[6])) == PH_FEED_RDF);
}

static const char RSS[] =
    "<?xml version=\"1.0\"?>\n"
    "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\n"
    "<title>Drenn  Evening\n Post</title><link>https://post.example.org/news/</link>\n"
    "<item><title>Quay reopens</title><link>quay</link><author>ed@post.example.org (Sigrid Vale)</author>"
    "<pubDate>Fri, 14 Mar 31 17:00:00 +0000</pubDate>"
    "<description><![CDATA[<p>The quay at Drenn reopened on Friday after the storm &amp; the floods.</p>]]></description></item>\n"
    "<item><title>Ferry back</title><guid>https://post.example.org/ferry</guid>"
    "<dc:date> 2031-03-15t08:00:00z</dc:date><description>The Skarn ferry sailed again on Saturday morning.</description></item>\n"
    "<item><title>Ferry back</title><guid>https://post.example.org/ferry</guid><description>dup</description></item>\n"
    "</channel></rss>\n";

TEST(rss_fields)
{
    got g;
    CHECK(read_feed(RSS, 0, 0, false, &g) == PRECIS_OK);
    CHECK(g.n == 2);
    CHECK_STR(g.title[0], "Quay reopens");
    CHECK_STR(g.url[0], "https://post.example.org/news/quay");
    CHECK_STR(g.date[0], "2031-03-14T17:00:00+00:00"); /* two-digit year */
    CHECK_STR(g.author[0], "Sigrid Vale");
    CHECK_STR(g.site[0], "Drenn Evening Post");
    CHECK_STR(g.text[0], "The quay at Drenn reopened on Friday after the storm & the floods.");
    CHECK_STR(g.url[1], "https://post.example.org/ferry"); /* a permalink guid stands in for <link> */
    CHECK_STR(g.date[1], "2031-03-15T08:00:00+00:00");
    CHECK(g.n_skip == 1 && g.skip_st[0] == PRECIS_EEMPTY && strstr(g.why[0], "repeats item 2"));
}

TEST(chunking_does_not_matter)
{
    got whole, bytes;
    CHECK(read_feed(RSS, 0, 0, false, &whole) == PRECIS_OK);
    CHECK(read_feed(RSS, 1, 0, false, &bytes) == PRECIS_OK); /* one byte per read */
    CHECK(whole.n == bytes.n && whole.n_skip == bytes.n_skip);
    for (size_t i = 0; i < whole.n && i < 8; i++) {
        CHECK_STR(bytes.text[i], whole.text[i]);
        CHECK_STR(bytes.url[i], whole.url[i]);
    }
}

TEST(item_cap_is_named)
{
    got g;
    CHECK(read_feed(RSS, 7, 1, false, &g) == PRECIS_OK);
    CHECK(g.n == 1);
    CHECK(g.n_skip == 1 && g.skip_st[0] == PRECIS_ELIMIT && strstr(g.why[0], "more than 1 items"));
}

TEST(atom_xhtml_and_author)
{
    static const char A[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Skarn Notes</title>"
        "<entry><title type=\"html\">&lt;b&gt;Nets&lt;/b&gt; &amp;amp; boats</title>"
        "<link rel=\"self\" href=\"https://n.example.com/self\"/><link href=\"https://n.example.com/nets\"/>"
        "<author><name>Aud Lind</name></author><updated>2031-04-01T12:00:00+02:00</updated>"
        "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>The net makers of Skarn sold out their spring stock in a week.</p></div></content></entry>"
        "<entry><title>Plain</title><content type=\"text\">Five &lt;boats&gt; left at dawn.</content></entry></feed>";
    got g;
    CHECK(read_feed(A, 0, 0, false, &g) == PRECIS_OK);
    CHECK(g.n == 2);
    CHECK_STR(g.title[0], "Nets & boats");
    CHECK_STR(g.url[0], "https://n.example.com/nets");
    CHECK_STR(g.author[0], "Aud Lind");
    CHECK_STR(g.date[0], "2031-04-01T12:00:00+02:00");
    CHECK_STR(g.text[0], "The net makers of Skarn sold out their spring stock in a week.");
    CHECK_STR(g.site[0], "Skarn Notes");
    CHECK_STR(g.text[1], "Five <boats> left at dawn."); /* type="text": not HTML */
}

TEST(declared_encoding_and_decoded_input)
{
    /* Latin-1 bytes as declared; and the same text already decoded to UTF-8 */
    static const char L1[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\xe9</title>"
                             "<item><title>Caf\xe9 news</title><description>x</description></item></channel></rss>";
    static const char U8[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\xc3\xa9</title>"
                             "<item><title>Caf\xc3\xa9 news</title><description>x</description></item></channel></rss>";
    got g;
    CHECK(read_feed(L1, 0, 0, false, &g) == PRECIS_OK && g.n == 1);
    CHECK_STR(g.title[0], "Caf\xc3\xa9 news");
    CHECK(read_feed(U8, 0, 0, true, &g) == PRECIS_OK && g.n == 1);
    CHECK_STR(g.title[0], "Caf\xc3\xa9 news");
    CHECK_STR(g.site[0], "Caf\xc3\xa9");
}

TEST(damage_keeps_items_around_it)
{
    /* cut inside the second item, read in small chunks */
    const char *cut = strstr(RSS, "<dc:date>");
    size_t n = (size_t)(cut - RSS);
    char *part = malloc(n + 1);
    memcpy(part, RSS, n);
    part[n] = '\0';
    got g;
    CHECK(read_feed(part, 16, 0, false, &g) == PRECIS_OK);
    CHECK(g.n == 1);
    CHECK(g.n_skip == 1 && g.skip_st[0] == PRECIS_EPARSE && strstr(g.why[0], "truncated RSS") &&
          strstr(g.why[0], "kept the 1 item before it"));
    free(part);
    static const char BAD[] = "<rss><channel><item><title>A</title><description>Fine.</description></item>\n"
                              "<item><title>B</title><description>x &nosuch; y</description></item></channel></rss>";
    CHECK(read_feed(BAD, 0, 0, false, &g) == PRECIS_OK);
    /* libxml2's recovery reads on past an unknown entity; the message counts both sides */
    CHECK(g.n == 2 && g.n_skip == 1 && g.skip_st[0] == PRECIS_EPARSE && g.skip_line[0] == 2);
    CHECK(strstr(g.why[0], "kept the 1 item before it and, read on by libxml2's recovery, 1 after it") != NULL);
}

TEST(entities_refused)
{
    static const char BOMB[] = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                               "<rss><channel><item><title>&b;</title><description>&b;</description></item></channel></rss>";
    got g;
    CHECK(read_feed(BOMB, 0, 0, false, &g) == PRECIS_OK);
    CHECK(g.n == 0 && g.n_skip == 1 && g.skip_st[0] == PRECIS_EPARSE && strstr(g.why[0], "declares a DTD"));
    CHECK(read_feed(BOMB, 1, 0, false, &g) == PRECIS_OK); /* the scanner follows byte by byte */
    CHECK(g.n == 0 && g.n_skip == 1 && strstr(g.why[0], "declares a DTD"));
    /* a DOCTYPE without an internal subset (RSS 0.91's) is fine; its entities are unknown, not fetched */
    static const char OLD[] = "<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                              "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\"><rss version=\"0.91\"><channel>"
                              "<item><title>Old</title><description>Old [bracketed] news.</description></item></channel></rss>";
    CHECK(read_feed(OLD, 0, 0, false, &g) == PRECIS_OK);
    CHECK(g.n == 1 && g.n_skip == 0);
}

TEST(not_a_feed_and_empty)
{
    got g;
    CHECK(read_feed("<?xml version=\"1.0\"?><svg></svg>", 0, 0, false, &g) == PRECIS_OK);
    CHECK(g.n == 0 && g.n_skip == 1 && strstr(g.why[0], "root element is <svg>"));
    CHECK(read_feed("<rss><channel><title>Q</title></channel></rss>", 0, 0, false, &g) == PRECIS_OK);
    CHECK(g.n == 0 && g.n_skip == 1 && g.skip_st[0] == PRECIS_EEMPTY);
    CHECK(read_feed("", 0, 0, false, &g) == PRECIS_OK);
    CHECK(g.n == 0 && g.n_skip == 1);
}

TEST(title_references)
{
    /* titles double-escaped by their feeds, decoded by the one decoder
     * (pt_charref): before, only the XML five, nbsp and numeric references
     * with ';' were, "&eacute;" and "&mdash;" stayed as written */
    static const char A[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Caf&amp;eacute; Wire</title>"
        "<entry><title type=\"html\">Ren&amp;eacute;e &amp;mdash; Dahl&amp;#8217;s &amp;#150; &amp;#0; AT&amp;amp;T &amp;bogus;</title>"
        "<content type=\"text\">The quay at Drenn reopened on Friday after the storm.</content></entry></feed>";
    got g;
    CHECK(read_feed(A, 0, 0, false, &g) == PRECIS_OK);
    CHECK(g.n == 1);
    CHECK_STR(g.title[0], "Ren\xC3\xA9" "e \xE2\x80\x94 Dahl\xE2\x80\x99s \xE2\x80\x93 \xEF\xBF\xBD AT&T &bogus;");
    CHECK_STR(g.site[0], "Caf\xC3\xA9 Wire");
}

int main(void)
{
    RUN(sniff);
    RUN(rss_fields);
    RUN(chunking_does_not_matter);
    RUN(item_cap_is_named);
    RUN(atom_xhtml_and_author);
    RUN(title_references);
    RUN(declared_encoding_and_decoded_input);
    RUN(damage_keeps_items_around_it);
    RUN(entities_refused);
    RUN(not_a_feed_and_empty);
    return test_done();
}
