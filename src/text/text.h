/* text.h — the one sentence splitter and the one word tokenizer of precis
 * (DESIGN.md: "one sentence splitter, one tokenizer"), plus language
 * resources: Snowball stemmer (libstemmer), stopwords, case folding and
 * normalisation (utf8proc). Word lists are generated into wordlists.inc by
 * tools/gen_wordlists.sh.
 *
 * Nothing here allocates per token: the tokenizer walks the caller's text and
 * normalises into a caller-provided fixed buffer; stemming reuses the stemmer's
 * own buffer. */
#ifndef PRECIS_TEXT_TEXT_H
#define PRECIS_TEXT_TEXT_H

#include "core/core.h"

/* ---- sentences ---------------------------------------------------------- */

enum {
    PT_SENT_UNTERMINATED = 1, /* no final . ! ? — a headline, caption, label or list line */
    PT_SENT_PARA_START = 2,   /* first sentence of a paragraph */
    PT_SENT_DATELINE = 4,     /* a "CITY (AP) —" prefix was cut off its front */
    PT_SENT_QUOTE = 8,        /* opens with a quotation mark */
    /* Quotation state across the sentences of a paragraph (double marks: "
     * “ ” `` ''; a straight " opens or closes by its spacing, else by the
     * state; 5'10" and 12" are inch marks): */
    PT_SENT_QUOTE_CONT = 16,  /* starts inside a quotation opened in an earlier sentence
                                 (one of more than 5 sentences, closed here or later in
                                 the paragraph), or holds a closing mark with nothing open */
    PT_SENT_QUOTE_OPEN = 32,  /* a quotation is still open at its end (opened here and not
                                 closed in its paragraph, or in a quotation of more than
                                 5 sentences) */
    PT_SENT_AFTER_CLOSE = 64  /* follows a sentence-ending quotation mark spaced off
                                 the sentence before ("... futile. " cambridge ..."):
                                 a lower-case start is Multi-News's re-casing */
};

/* A sentence as a byte span [start, end) of the text it was split from
 * (trimmed of surrounding spaces; may contain hard-wrap newlines). */
typedef struct pt_sentence {
    uint32_t start, end;
    uint32_t para;  /* paragraph number, from 0 */
    uint32_t flags; /* PT_SENT_* */
} pt_sentence;

typedef struct pt_sentences {
    pt_sentence *v;
    size_t n, cap;
} pt_sentences;

/* Splits text[0..len) into sentences and appends them to out (which starts
 * zeroed). Paragraphs are separated by blank lines. Line breaks inside a
 * paragraph are soft when the text is hard-wrapped (as DUC newswire is) or the
 * next line continues in lower case; otherwise a line without final
 * punctuation is a sentence of its own (headline, caption). Knows
 * abbreviations ("Gen.", "U.S.", "Oct. 17"), initials, decimals, closing
 * quotes after the period, ellipses and wire datelines. A closing quotation
 * mark spaced after a sentence's end while a quotation is open ("he said
 * it was "futile. " Then ...", ``... a deal. '') belongs to the sentence
 * before; a quotation of up to 5 sentences that closes in its paragraph is
 * one sentence, with its speaker ("``We stay. We fight,'' she said."); the
 * rest of the paragraph's quotation state sets the PT_SENT_QUOTE_* flags.
 * Texts longer than
 * UINT32_MAX bytes fail with PRECIS_ELIMIT. */
precis_status pt_split_sentences(const char *text, size_t len, pt_sentences *out);
void pt_sentences_free(pt_sentences *s);

/* True when the text's line breaks are hard wraps inside paragraphs (most
 * lines run on into the next and none is long), as in DUC newswire. */
bool pt_text_is_hard_wrapped(const char *text, size_t len);
/* Number of lines that are not blank. */
size_t pt_count_nonblank_lines(const char *text, size_t len);

/* Length of a wire dateline at the front of s ("WASHINGTON (AP) — ",
 * "BEIJING, China _ ", "LONDON (Reuters) - "), or 0 when there is none. */
/* Bytes of the capital letter at s[i] (before len): 1 for A-Z, 2-4 for a
 * capital beyond ASCII ("Å", "É"; Unicode category Lu), 0 for anything else. */
size_t pt_capital_len(const char *s, size_t len, size_t i);
size_t pt_dateline_len(const char *s, size_t len);
/* Length of a live blog's time stamp opening a paragraph ("08:05 ", "7:40 p.m. - "), or 0. */
size_t pt_time_stamp_len(const char *s, size_t len);

/* Number of words in s[0..len): whitespace-separated, and in text without
 * spaces each Han character and each run of hiragana or katakana (pt_cjk_at;
 * its punctuation separates like a space). */
size_t pt_count_words(const char *s, size_t len);

/* ---- words -------------------------------------------------------------- */

#define PT_WORD_MAX 64 /* normalised words are cut to this many bytes */

/* Finds the next word at or after *pos in s[0..len): a run of letters and
 * digits with inner apostrophes ("don't", "Sen's") and dotted single-letter
 * acronyms ("U.S."). Sets [*start, *end) and moves *pos past it; returns false
 * at the end of the text. */
bool pt_next_word(const char *s, size_t len, size_t *pos, size_t *start, size_t *end);

/* Case-folds and NFC-normalises a word into out (at most PT_WORD_MAX bytes,
 * NUL-terminated), dropping a possessive "'s", other apostrophes and the dots
 * of acronyms ("U.S." -> "us"). Returns the length written. */
size_t pt_normalize(const char *w, size_t n, char out[PT_WORD_MAX + 1]);

/* ---- language resources -------------------------------------------------- */

typedef struct pt_lang pt_lang;

/* Opens the resources for an ISO 639-1 code ("en", "de", "fr", ...): the
 * Snowball stemmer for that language and its stopword list (English and
 * German have lists; other languages run without one). Unknown codes fail
 * with PRECIS_EINVAL naming the supported ones. Not thread-safe: one per thread. */
precis_status pt_lang_open(const char *code, pt_lang **out, pc_error *err);
void pt_lang_close(pt_lang *lang);
const char *pt_lang_code(const pt_lang *lang);

/* w is a normalised word. */
bool pt_is_stopword(const pt_lang *lang, const char *w, size_t n);

/* Stems a normalised word. The result is borrowed from the stemmer: valid
 * until the next pt_stem call on this lang. */
const char *pt_stem(pt_lang *lang, const char *w, size_t n, size_t *out_n);

/* The digits a spelled-out number stands for ("fourteen" -> "14", German
 * "vierzehn" -> "14"; one to twenty and the tens), so "Fourteen passengers"
 * and "14 passengers" share a word. NULL when w (normalised) is not one. */
const char *pt_number_word(const pt_lang *lang, const char *w, size_t n);

/* The one list of English number words (pt_number_word's English half, the
 * story layer's quantities and its word matching): one..nineteen
 * (PT_NUM_UNIT), twenty..ninety (PT_NUM_TENS), hundred, thousand, million,
 * billion, dozen (PT_NUM_SCALE: they multiply). NULL when w[0..n), normalised
 * (lower case), is none of them. */
typedef enum { PT_NUM_UNIT, PT_NUM_TENS, PT_NUM_SCALE } pt_num_kind;
typedef struct pt_num_word {
    const char *word;
    double value;
    pt_num_kind kind;
    const char *digits; /* "14", "90"; NULL for the PT_NUM_SCALE words */
} pt_num_word;
const pt_num_word *pt_number_en(const char *w, size_t n);

/* Scripts written without spaces between words: a Han character (Chinese,
 * Japanese kanji) is one word, a run of hiragana or of katakana is one
 * (Japanese particles and endings, loan words). Which of them the code point
 * of the 3-byte UTF-8 sequence at s[i] is, or PT_CJK_NONE. */
enum { PT_CJK_NONE, PT_CJK_HAN, PT_CJK_HIRAGANA, PT_CJK_KATAKANA, PT_CJK_PUNCT };
static inline int pt_cjk_at(const char *s, size_t len, size_t i)
{
    unsigned char a = (unsigned char)s[i];
    if (a < 0xE3 || a > 0xEF || a == 0xEE || i + 2 >= len) return PT_CJK_NONE;
    unsigned char b = (unsigned char)s[i + 1], c = (unsigned char)s[i + 2];
    if ((b & 0xC0) != 0x80 || (c & 0xC0) != 0x80) return PT_CJK_NONE;
    unsigned cp = ((unsigned)(a & 0x0F) << 12) | ((unsigned)(b & 0x3F) << 6) | (c & 0x3F);
    if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF))
        return PT_CJK_HAN;
    if (cp >= 0x3041 && cp <= 0x309F) return PT_CJK_HIRAGANA;
    if (cp >= 0x30A0 && cp <= 0x30FF) return PT_CJK_KATAKANA; /* with the long-vowel mark */
    /* ideographic comma, full stop, corner brackets; full-width ! ( ) , : ? [ ] { } */
    if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
        (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
        return PT_CJK_PUNCT;
    return PT_CJK_NONE;
}

/* An en or em dash (U+2013, U+2014: three UTF-8 bytes) at s[i], all within
 * s[0..len)? */
static inline bool pt_long_dash_at(const char *s, size_t len, size_t i)
{
    return i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
           ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94);
}

/* An opening curly quotation mark (U+201C or U+2018) at s[i], within s[0..len)? */
static inline bool pt_open_curly_quote_at(const char *s, size_t len, size_t i)
{
    return i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
           ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x98);
}

/* English-only helpers for summary readability (false for other languages). */
bool pt_is_dangling_opener(const pt_lang *lang, const char *w, size_t n);

/* Membership in the generated abbreviation lists (ASCII, any case). */
typedef enum pt_wordlist {
    PT_WL_ABBREV_TITLE,        /* "Gen", "Mr": never end a sentence */
    PT_WL_ABBREV_MONTH,        /* "Oct": not an end before a day number */
    PT_WL_ABBREV_OTHER,        /* "Inc", "Jr", "No": an end only before an opener */
    PT_WL_SENTENCE_OPENERS_EN  /* "The", "He": words that open sentences */
} pt_wordlist;
bool pt_in_wordlist(pt_wordlist list, const char *w, size_t n);

/* ---- character references (src/text/charref.c) --------------------------- */

#define PT_CHARREF_MAX 8 /* UTF-8 bytes one reference decodes to, at most */

/* The one decoder of HTML/SGML character references left in text (SGML
 * <DOC>s, feed titles): s[0] == '&' within s[0, n). Named: HTML5's list
 * (entities.inc) as spelled, with ';', or without it for HTML's legacy names
 * when no letter or digit follows; amp lt gt quot apos nbsp in any case, ';'
 * optional. Numeric: decimal or hex, ';' optional; 0, surrogates and values
 * past U+10FFFF are U+FFFD, 0x80-0x9F windows-1252 as HTML reads them, other
 * controls (but tab, LF) a space. nbsp is a space, shy nothing. Writes the
 * UTF-8 to out (*out_n bytes, may be 0) and returns the bytes the reference
 * spans; 0 when s holds none (a bare '&': text, kept as written). */
size_t pt_charref(const char *s, size_t n, char out[PT_CHARREF_MAX], size_t *out_n);

/* The character references an article given as plain text carries when it
 * was escaped for HTML on its way (feeds and scraped JSON: "AT&amp;T",
 * "it&#8217;s"): only complete ones are decoded, a name HTML5 knows or a
 * number, ended by ';' (pt_charref's reading of them), so that "AT&T",
 * "R&D", "Q&A;", "&c" and a bare "&amp" stay as written. The one place the
 * readers of unmarked text (pasted files, JSON Lines and array "text"
 * strings; not SGML, HTML or feeds, decoded by their own readers) decode
 * them: clean (src/clean/input.c), summarize (src/summarize/input.c) and the
 * story reader (src/story/input.c). When s[0, n) holds one, the decoded text
 * is written to out (reset first) and *changed set; else out is untouched. */
precis_status pt_text_refs(const char *s, size_t n, pc_buf *out, bool *changed);

/* ---- newswire SGML: NIST/LDC <DOC> files (src/text/sgml.c) --------------- */

#define PT_SGML_MAX_DOCS ((size_t)1000000) /* DOCs of one file; past it PRECIS_ELIMIT */

/* True when d starts (after a UTF-8 BOM, white space, an XML declaration,
 * comments, a DOCTYPE other than html, and a <DOCSTREAM> or <TEXTSTREAM>
 * wrapper) with a <DOC> start tag, in any case. */
bool pt_looks_like_sgml(const char *d, size_t n);

struct pt_article;
typedef struct pt_sgml_options {
    const char *name;     /* input name for messages */
    size_t max_docs;      /* DOCs read (0 = PT_SGML_MAX_DOCS); past it the rest is refused */
    size_t max_doc_bytes; /* bytes from <DOC> to </DOC> (0 = 5 MiB); a bigger DOC is refused */
    /* Each DOC with text, as an article (fields borrowed for the call): id
     * from DOCNO, the id attribute or DOCID; title from HEADLINE/HL/HEAD;
     * date (ISO) from DATE_TIME/DATE/DD, the date attribute or the id; site
     * the id's source code (APW, XIN, NYT). clean: the text was built from <P> (or indentation)
     * paragraphs (spaces collapsed, "\n\n" between): it is clean text;
     * else it is TEXT as written, for the plain-text path (hard wraps,
     * cleaning). index is 1-based, line the DOC's line. A non-OK return
     * stops the reading and is returned. */
    precis_status (*fn)(void *user, struct pt_article *a, size_t index, size_t line, bool clean);
    /* A DOC left out (what = "DOC K (ID)") or a problem of the file (what =
     * NULL): st PRECIS_EPARSE (no </DOC>, text outside DOCs), PRECIS_ELIMIT
     * (a cap), PRECIS_EEMPTY (a DOC without text, a file without DOC). */
    void (*skip)(void *user, precis_status st, size_t line, const char *what, const char *why);
    void *user;
} pt_sgml_options;

/* Reads the DOCs of d[0, n) in order; the DOCs before damage are kept (a DOC
 * without </DOC> is left out and reading goes on at the next <DOC>).
 * Returns PRECIS_OK (problems go to o->skip), ENOMEM, or what o->fn
 * returned; *n_docs (may be NULL): DOCs handed to o->fn. */
precis_status pt_sgml_read(const char *d, size_t n, const pt_sgml_options *o, size_t *n_docs);

#endif
