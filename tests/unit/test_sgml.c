/* Newswire SGML reader (src/text/sgml.c): sniffing, fields, entities, ids'
 * dates and sources, paragraphs and hard wraps, caps, damage. */
#include "text/article.h"
#include "text/text.h"
#include "test.h"

#include <stdlib.h>

typedef struct got {
    char id[64], title[128], date[32], site[16], text[2048];
    bool clean;
    size_t index, line;
} got;

typedef struct res {
    got g[8];
    size_t n;
    char skips[1024];
    size_t n_skips, n_limit, n_parse, n_empty;
} res;

static void cp(char *dst, size_t cap, const char *s) { snprintf(dst, cap, "%s", s ? s : "(null)"); }

static precis_status on_doc(void *user, pt_article *a, size_t index, size_t line, bool clean)
{
    res *r = user;
    if (r->n < 8) {
        got *g = &r->g[r->n];
        cp(g->id, sizeof g->id, a->id);
        cp(g->title, sizeof g->title, a->title);
        cp(g->date, sizeof g->date, a->date);
        cp(g->site, sizeof g->site, a->site);
        cp(g->text, sizeof g->text, a->text);
        g->clean = clean;
        g->index = index;
        g->line = line;
    }
    r->n++;
    return PRECIS_OK;
}

static void on_skip(void *user, precis_status st, size_t line, const char *what, const char *why)
{
    res *r = user;
    size_t k = strlen(r->skips);
    snprintf(r->skips + k, sizeof r->skips - k, "%zu: %s: %s\n", line, what ? what : "-", why);
    r->n_skips++;
    if (st == PRECIS_ELIMIT) r->n_limit++;
    else if (st == PRECIS_EPARSE) r->n_parse++;
    else if (st == PRECIS_EEMPTY) r->n_empty++;
}

static precis_status run(const char *s, size_t max_docs, size_t max_bytes, res *r)
{
    memset(r, 0, sizeof *r);
    pt_sgml_options o = {0};
    o.name = "t.sgml";
    o.max_docs = max_docs;
    o.max_doc_bytes = max_bytes;
    o.fn = on_doc;
    o.skip = on_skip;
    o.user = r;
    size_t n = 0;
    precis_status st = pt_sgml_read(s, strlen(s), &o, &n);
    CHECK(n == r->n);
    return st;
}

TEST(sniff)
{
    const char *yes[] = {"<DOC>", "  \n<doc id=\"X\">", "\xEF\xBB\xBF<DOC>",
                         "<?xml version=\"1.0\"?>\n<!DOCTYPE DOCSTREAM SYSTEM \"a.dtd\">\n<DOCSTREAM>\n<DOC id=\"A\">",
                         "<!-- note --><TEXTSTREAM><DOC>"};
    const char *no[] = {"<DOCTYPE> x", "<!DOCTYPE html><html>", "<html><DOC>", "DOC", "<DOCNO> 1 </DOCNO>",
                        "<DOCUMENT>", "</DOC>", "", "<", "<!DOCTYPE html>\n<DOC>"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) CHECK(pt_looks_like_sgml(yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) CHECK(!pt_looks_like_sgml(no[i], strlen(no[i])));
}

TEST(duc_fields_and_hard_wraps)
{
    res r;
    const char *s = "<DOC>\n<DOCNO> KNA19981016.0240 </DOCNO>\n<DOCTYPE> NEWS STORY </DOCTYPE>\n"
                    "<DATE_TIME> 10/16/1998 12:07:00 </DATE_TIME>\n<BODY>\n<SLUG> BC-Kerrow </SLUG>\n"
                    "<HEADLINE>\n Bridge  shut\n</HEADLINE>\n<TEXT>\n Engineers closed the bridge \n"
                    "on Friday, Talby &amp; Sons said. &AMP;T &lt;b&gt; &#233;t&#xE9; a&b &bogus; &UR;x\n</TEXT>\n"
                    "</BODY>\n<TRAILER> NNNN </TRAILER>\n</DOC>\n";
    CHECK(run(s, 0, 0, &r) == PRECIS_OK);
    CHECK(r.n == 1 && r.n_skips == 0);
    CHECK_STR(r.g[0].id, "KNA19981016.0240");
    CHECK_STR(r.g[0].title, "Bridge shut");
    CHECK_STR(r.g[0].date, "1998-10-16T12:07:00");
    CHECK_STR(r.g[0].site, "KNA");
    CHECK(!r.g[0].clean); /* no <P>: TEXT as written, hard wraps kept for the splitter */
    CHECK_STR(r.g[0].text, "Engineers closed the bridge \non Friday, Talby & Sons said. &T <b> \xC3\xA9t\xC3\xA9 a&b &bogus;  x");
    CHECK(r.g[0].line == 1);
}

TEST(paragraphs_clean)
{
    res r;
    const char *s = "<DOC id=\"VXN_ENG_20080101.0001\" type=\"story\" >\n<HEADLINE>\nA\n</HEADLINE>\n"
                    "<DATELINE>KERROW, Jan. 1 (Vexa)</DATELINE>\n<TEXT>\n<P>\nOne line\nand two.\n</P>\n<P> </P>\n"
                    "<P>\nThree <ANNOTATION>gone</ANNOTATION>four.\n</P>\n</TEXT>\n</DOC>\n";
    CHECK(run(s, 0, 0, &r) == PRECIS_OK);
    CHECK(r.n == 1);
    CHECK_STR(r.g[0].id, "VXN_ENG_20080101.0001");
    CHECK_STR(r.g[0].date, "2008-01-01"); /* from the id */
    CHECK_STR(r.g[0].site, "VXN");
    CHECK(r.g[0].clean);
    CHECK_STR(r.g[0].text, "One line and two.\n\nThree four.");
}

TEST(id_dates_and_sources)
{
    struct { const char *id, *date, *site; } c[] = {
        {"APW19981016.0240", "1998-10-16", "APW"}, {"NYT19980601.0001", "1998-06-01", "NYT"},
        {"XIN_ENG_20080101.0001", "2008-01-01", "XIN"}, {"AP880212-0001", "1988-02-12", "AP"},
        {"WSJ870324-0001", "1987-03-24", "WSJ"}, {"LA010189-0001", "1989-01-01", "LA"},
        {"FT923-5089", "(null)", "FT"}, {"KX880212-0001", "(null)", "KX"}, {"APW19981340.0001", "(null)", "APW"},
        {"12345", "(null)", "(null)"}, {"ABCDEFGHI123", "(null)", "(null)"},
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        char doc[256];
        snprintf(doc, sizeof doc, "<DOC><DOCNO>%s</DOCNO><TEXT>Words here.</TEXT></DOC>", c[i].id);
        res r;
        CHECK(run(doc, 0, 0, &r) == PRECIS_OK);
        CHECK(r.n == 1);
        CHECK_STR(r.g[0].date, c[i].date);
        CHECK_STR(r.g[0].site, c[i].site);
    }
}

TEST(id_precedence_and_date_order)
{
    res r;
    /* DOCNO over the id attribute over DOCID; DATE over the date attribute over the id */
    CHECK(run("<DOC id=\"B\"><DOCID>7</DOCID><DOCNO>A</DOCNO><TEXT>x</TEXT></DOC>"
              "<DOC id=\"B\"><DOCID>7</DOCID><TEXT>x</TEXT></DOC><DOC><DOCID> 7 </DOCID><TEXT>x</TEXT></DOC>"
              "<DOC id=\"APW19990101.1\" date=\"2001-02-03\"><DATE>May 5, 2002</DATE><TEXT>x</TEXT></DOC>"
              "<DOC id=\"APW19990101.1\" date=\"2001-02-03\"><TEXT>x</TEXT></DOC><DOC><TEXT>x</TEXT></DOC>",
              0, 0, &r) == PRECIS_OK);
    CHECK(r.n == 6);
    CHECK_STR(r.g[0].id, "A");
    CHECK_STR(r.g[1].id, "B");
    CHECK_STR(r.g[2].id, "7");
    CHECK_STR(r.g[3].date, "2002-05-05");
    CHECK_STR(r.g[4].date, "2001-02-03");
    CHECK_STR(r.g[5].id, "(null)");
    CHECK_STR(r.g[5].date, "(null)");
    CHECK(r.g[5].index == 6);
}

TEST(wsj_lead_paragraph_and_lat_headline)
{
    res r;
    CHECK(run("<DOC><DOCNO>X1</DOCNO><HL> Lead\n  Head </HL><LP> First part. </LP><TEXT> Second part. </TEXT></DOC>"
              "<DOC><DOCNO>X2</DOCNO><HEADLINE><P>Cap</P><P>Two</P></HEADLINE><DATE><P>October 18, 1998, Sunday</P></DATE>"
              "<TEXT><P>a</P></TEXT></DOC>",
              0, 0, &r) == PRECIS_OK);
    CHECK(r.n == 2);
    CHECK_STR(r.g[0].title, "Lead Head");
    CHECK_STR(r.g[0].text, "First part.\n\nSecond part.");
    CHECK_STR(r.g[1].title, "Cap Two");
    CHECK_STR(r.g[1].date, "1998-10-18");
}

TEST(damage_keeps_the_rest)
{
    res r;
    /* nested DOC: the open one left out and named; the next read */
    CHECK(run("<DOC><DOCNO>A1</DOCNO><TEXT>one\n<DOC><DOCNO>A2</DOCNO><TEXT>two</TEXT></DOC>\n"
              "<DOC><DOCNO>A3</DOCNO><TEXT>three", 0, 0, &r) == PRECIS_OK);
    CHECK(r.n == 1);
    CHECK_STR(r.g[0].id, "A2");
    CHECK(r.n_parse == 2);
    CHECK(strstr(r.skips, "1: DOC 1 (A1): no </DOC> before the <DOC> on line 2") != NULL);
    CHECK(strstr(r.skips, "3: DOC 3 (A3): no </DOC> before the end of the file") != NULL);
    /* stray text and a stray element between DOCs: named once, DOCs kept */
    CHECK(run("<DOC><TEXT>a</TEXT></DOC>\njunk\n<P>x</P><DOC><TEXT>b</TEXT></DOC>", 0, 0, &r) == PRECIS_OK);
    CHECK(r.n == 2 && r.n_parse == 1);
    CHECK(strstr(r.skips, "2: -: ") != NULL);
    /* a DOC without text: empty, not a failure */
    CHECK(run("<DOC><DOCNO>E</DOCNO></DOC><DOC><DOCNO>F</DOCNO><TEXT> \n </TEXT></DOC>", 0, 0, &r) == PRECIS_OK);
    CHECK(r.n == 0 && r.n_empty == 2 && r.n_parse == 0);
    /* unclosed fields end at the next field; a '<' that is no tag is text */
    CHECK(run("<DOC><DOCNO>G<HEADLINE>H<TEXT>a < b and c<d</DOC>", 0, 0, &r) == PRECIS_OK);
    CHECK(r.n == 1);
    CHECK_STR(r.g[0].id, "G");
    CHECK_STR(r.g[0].title, "H");
    CHECK_STR(r.g[0].text, "a < b and c<d");
}

TEST(caps)
{
    res r;
    CHECK(run("<DOC><TEXT>a</TEXT></DOC><DOC><TEXT>b</TEXT></DOC><DOC><TEXT>c</TEXT></DOC>", 2, 0, &r) == PRECIS_OK);
    CHECK(r.n == 2 && r.n_limit == 1);
    CHECK(strstr(r.skips, "more than 2 DOCs in one file") != NULL);
    CHECK(run("<DOC><DOCNO>S</DOCNO><TEXT>short</TEXT></DOC>\n<DOC><DOCNO>L</DOCNO><TEXT>a much longer text that "
              "goes on</TEXT></DOC>", 0, 60, &r) == PRECIS_OK);
    CHECK(r.n == 1 && r.n_limit == 1);
    CHECK_STR(r.g[0].id, "S");
    CHECK(strstr(r.skips, "2: DOC 2: 65 bytes, over the 60-byte limit for one DOC") != NULL);
}

TEST(hostile_bytes)
{
    /* NUL bytes, CR line ends, an unterminated comment and tag, huge numeric entities */
    const char s[] = "<DOC>\r\n<DOCNO>N\0X</DOCNO>\r<TEXT>a\0b\r\nc &#99999999999; &#0; &#x; <!-- open <b x=\"</TEXT></DOC>";
    res r;
    memset(&r, 0, sizeof r);
    pt_sgml_options o = {0};
    o.fn = on_doc;
    o.skip = on_skip;
    o.user = &r;
    CHECK(pt_sgml_read(s, sizeof s - 1, &o, NULL) == PRECIS_OK);
    CHECK(r.n == 1);
    CHECK_STR(r.g[0].id, "NX");
    CHECK(strncmp(r.g[0].text, "ab\nc ", 5) == 0);
    CHECK(strstr(r.g[0].text, "\xEF\xBF\xBD \xEF\xBF\xBD &#x;") != NULL);
}

TEST(html5_entities)
{
    /* HTML5's names through the one decoder (pt_charref): before, any name
     * but the core six stayed as written ("caf&eacute;", "&mdash;") */
    res r;
    const char *s = "<DOC><DOCNO>KNA1</DOCNO><HEADLINE>Caf&eacute; &amp; quay</HEADLINE><TEXT>\n"
                    "<P>The caf&eacute; &mdash; shut since May &ndash; reopened, said Ren&eacute;e "
                    "Dahl&rsquo;s lawyer &#8220;today&#8221;. 3&frac12 miles &copy AT&T &notit; &#150; x&QL;y&UR z</P>\n"
                    "</TEXT></DOC>";
    CHECK(run(s, 0, 0, &r) == PRECIS_OK);
    CHECK(r.n == 1);
    CHECK_STR(r.g[0].title, "Caf\xC3\xA9 & quay");
    CHECK_STR(r.g[0].text, "The caf\xC3\xA9 \xE2\x80\x94 shut since May \xE2\x80\x93 reopened, said Ren\xC3\xA9"
                           "e Dahl\xE2\x80\x99s lawyer \xE2\x80\x9Ctoday\xE2\x80\x9D. 3\xC2\xBD miles \xC2\xA9 "
                           "AT&T &notit; \xE2\x80\x93 x y&UR z");
}

TEST(indented_paragraphs)
{
    /* TEXT without <P> whose paragraphs are marked by indentation only (AP
     * TIPSTER, NYT): before, one hard-wrapped text with the paragraph starts
     * lost */
    res r;
    const char *s = "<DOC><DOCNO>KP890314-0021</DOCNO><TEXT>\n"
                    "   Ferry crews walked off the job\non Tuesday.\n"
                    "   The union said the strike\nwould last.\n"
                    "\tOfficials said talks would\nresume.\n"
                    "</TEXT></DOC>"
                    /* a uniform margin is no paragraph mark */
                    "<DOC><DOCNO>KP2</DOCNO><TEXT>\n  Water taxis carried\n  900 people.\n</TEXT></DOC>"
                    /* a first line indented alone: one paragraph, as before */
                    "<DOC><DOCNO>KP3</DOCNO><TEXT>\n Fares rose\nto three crowns.\n</TEXT></DOC>"
                    /* deeper indents under a margin; a blank line also parts them */
                    "<DOC><DOCNO>KP4</DOCNO><TEXT>\n    One\n  two.\n    Three\n  four.\n\n  Five.\n</TEXT></DOC>";
    CHECK(run(s, 0, 0, &r) == PRECIS_OK);
    CHECK(r.n == 4);
    CHECK(r.g[0].clean);
    CHECK_STR(r.g[0].text, "Ferry crews walked off the job on Tuesday.\n\nThe union said the strike would last.\n\n"
                           "Officials said talks would resume.");
    CHECK(!r.g[1].clean);
    CHECK_STR(r.g[1].text, "Water taxis carried\n  900 people.");
    CHECK(!r.g[2].clean);
    CHECK_STR(r.g[2].text, "Fares rose\nto three crowns.");
    CHECK(r.g[3].clean);
    CHECK_STR(r.g[3].text, "One two.\n\nThree four.\n\nFive.");
}

int main(void)
{
    RUN(sniff);
    RUN(duc_fields_and_hard_wraps);
    RUN(paragraphs_clean);
    RUN(id_dates_and_sources);
    RUN(id_precedence_and_date_order);
    RUN(wsj_lead_paragraph_and_lat_headline);
    RUN(damage_keeps_the_rest);
    RUN(caps);
    RUN(hostile_bytes);
    RUN(html5_entities);
    RUN(indented_paragraphs);
    return test_done();
}
