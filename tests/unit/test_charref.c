/* The one character-reference decoder (src/text/charref.c): HTML5's names,
 * legacy names without ';', the core six in any case, numeric references
 * and their invalid code points, C1 as windows-1252, bare '&'. */
#include "text/text.h"
#include "test.h"

/* Decodes the reference at the start of s: returns the bytes it spans and
 * leaves the UTF-8 in got (NUL-terminated). */
static size_t dec(const char *s, char got[PT_CHARREF_MAX + 1])
{
    size_t k = 0, m = pt_charref(s, strlen(s), got, &k);
    got[k] = '\0';
    return m;
}

/* The whole string with every reference decoded, as the readers loop. */
static const char *all(const char *s)
{
    static char out[512];
    size_t o = 0, n = strlen(s);
    for (size_t i = 0; i < n && o + PT_CHARREF_MAX < sizeof out;) {
        size_t k = 0, m = s[i] == '&' ? pt_charref(s + i, n - i, out + o, &k) : 0;
        if (m) {
            o += k;
            i += m;
        } else {
            out[o++] = s[i++];
        }
    }
    out[o] = '\0';
    return out;
}

TEST(named_html5)
{
    char g[PT_CHARREF_MAX + 1];
    CHECK(dec("&eacute;x", g) == 8);
    CHECK_STR(g, "\xC3\xA9");
    CHECK(dec("&mdash;", g) == 7);
    CHECK_STR(g, "\xE2\x80\x94");
    CHECK(dec("&rsquo;s", g) == 7);
    CHECK_STR(g, "\xE2\x80\x99");
    CHECK(dec("&Eacute;", g) == 8); /* case matters beyond the core six */
    CHECK_STR(g, "\xC3\x89");
    CHECK(dec("&EACUTE;", g) == 0);
    /* the longest name, and a two-code-point value */
    CHECK(dec("&CounterClockwiseContourIntegral;", g) == 33);
    CHECK_STR(g, "\xE2\x88\xB3");
    CHECK(dec("&NotEqualTilde;", g) == 15);
    CHECK_STR(g, "\xE2\x89\x82\xCC\xB8");
    CHECK(dec("&frac12;", g) == 8); /* digits in names */
    CHECK_STR(g, "\xC2\xBD");
    CHECK(dec("&bogus;", g) == 0);
    CHECK(dec("&;", g) == 0);
    CHECK(dec("&", g) == 0);
    CHECK(dec("& x", g) == 0);
}

TEST(legacy_without_semicolon)
{
    char g[PT_CHARREF_MAX + 1];
    CHECK(dec("&eacute ", g) == 7); /* a legacy name */
    CHECK_STR(g, "\xC3\xA9");
    CHECK(dec("&copy", g) == 5); /* at the end of the text */
    CHECK_STR(g, "\xC2\xA9");
    CHECK(dec("&mdash ", g) == 0);   /* not legacy: needs its ';' */
    CHECK(dec("&eacutex", g) == 0);  /* a letter follows: no reference (HTML would read "&notit" as not+it) */
    CHECK(dec("&copy2026", g) == 0); /* so does a digit */
    CHECK_STR(all("AT&T and R&D, Talby&Sons, Q&A"), "AT&T and R&D, Talby&Sons, Q&A");
    CHECK_STR(all("caf&eacute, 3&frac12 miles"), "caf\xC3\xA9, 3\xC2\xBD miles");
}

TEST(core_six_any_case)
{
    CHECK_STR(all("&AMP;T &Amp; &LT;b&GT; &Quot;x&QUOT; &APOS;s &NBSP; &amp &lt &apos."), "&T & <b> \"x\" 's   & < '.");
    CHECK_STR(all("&nbsp;|&#160;|&#xA0;|a&shy;b"), " | | |ab"); /* plain space; soft hyphen dropped */
}

TEST(numeric)
{
    char g[PT_CHARREF_MAX + 1];
    CHECK(dec("&#233;", g) == 6);
    CHECK_STR(g, "\xC3\xA9");
    CHECK(dec("&#xE9;", g) == 6);
    CHECK_STR(g, "\xC3\xA9");
    CHECK(dec("&#XE9", g) == 5); /* ';' optional, as HTML reads them */
    CHECK_STR(g, "\xC3\xA9");
    CHECK(dec("&#x1F600;", g) == 9);
    CHECK_STR(g, "\xF0\x9F\x98\x80");
    /* invalid code points: U+FFFD, all their digits eaten */
    CHECK(dec("&#0;", g) == 4);
    CHECK_STR(g, "\xEF\xBF\xBD");
    CHECK(dec("&#xD800;", g) == 8);
    CHECK_STR(g, "\xEF\xBF\xBD");
    CHECK(dec("&#x110000;", g) == 10);
    CHECK_STR(g, "\xEF\xBF\xBD");
    CHECK(dec("&#99999999999999999999;", g) == 23);
    CHECK_STR(g, "\xEF\xBF\xBD");
    CHECK(dec("&#x10FFFF;", g) == 10); /* the last valid one */
    CHECK_STR(g, "\xF4\x8F\xBF\xBF");
    /* C1 as windows-1252 (HTML's table); its holes and other controls a space */
    CHECK_STR(all("&#150;&#151;&#145;&#146;&#147;&#148;&#128;&#153;"),
              "\xE2\x80\x93\xE2\x80\x94\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D\xE2\x82\xAC\xE2\x84\xA2");
    CHECK_STR(all("a&#129;b&#x9D;c&#1;d&#127;e&#13;f&#9;g&#10;h"), "a b c d e f\tg\nh");
    /* no digits: text */
    CHECK(dec("&#;", g) == 0);
    CHECK(dec("&#x;", g) == 0);
    CHECK(dec("&#xg", g) == 0);
    CHECK(dec("&#", g) == 0);
}

TEST(bounded_by_n)
{
    /* the decoder never reads past n: "&amp;" cut after "&am" is no reference */
    char out[PT_CHARREF_MAX];
    size_t k;
    CHECK(pt_charref("&amp;", 3, out, &k) == 0);
    CHECK(pt_charref("&amp;", 4, out, &k) == 4 && k == 1 && out[0] == '&'); /* "&amp" */
    CHECK(pt_charref("&#2339", 4, out, &k) == 4 && k == 1 && out[0] == ' '); /* "&#23": a control */
    /* a run of letters longer than any name */
    CHECK(pt_charref("&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;", 42, out, &k) == 0);
}

/* pt_text_refs: plain text escaped for HTML; only whole references ended by
 * ';' (docs/cli.md "Input pass 23"). NULL: nothing changed. */
static const char *refs(const char *s)
{
    static pc_buf b;
    bool changed = true;
    b.len = 0;
    if (pt_text_refs(s, strlen(s), &b, &changed) || !changed) return NULL;
    return b.data;
}

TEST(plain_text_refs)
{
    CHECK_STR(refs("Fish &amp; chips"), "Fish & chips");
    CHECK_STR(refs("it&#8217;s the mayor&#x2019;s"), "it\xE2\x80\x99s the mayor\xE2\x80\x99s");
    CHECK_STR(refs("caf&eacute; &AMP; bar&nbsp;x"), "caf\xC3\xA9 & bar x");
    CHECK_STR(refs("&lt;b&gt; at the end &amp;"), "<b> at the end &"); /* the last one ends the text */
    CHECK_STR(refs("AT&amp;amp;T"), "AT&amp;T"); /* once: an escaped escape stays one */
    /* no reference ended by ';': the text as written */
    CHECK(refs("AT&T and R&D, Q&A; Smith & Sons, &c.") == NULL);
    CHECK(refs("&amp without its semicolon, &eacute too, &#8217 and &#x2019") == NULL);
    CHECK(refs("&nosuchname; &; & ;") == NULL);
    CHECK(refs("") == NULL);
    /* between others, a bare '&' stays */
    CHECK_STR(refs("R&D &amp; AT&T"), "R&D & AT&T");
}

int main(void)
{
    RUN(plain_text_refs);
    RUN(named_html5);
    RUN(legacy_without_semicolon);
    RUN(core_six_any_case);
    RUN(numeric);
    RUN(bounded_by_n);
    return test_done();
}
