/* Sentence compression: conservative, rule-based trimming of asides so that a
 * word budget holds more content. Each rule finds byte ranges of one sentence
 * whose removal leaves a grammatical sentence with the same main clause:
 * parentheticals, paired dash asides, opening connectives ("But", "However,"),
 * opening time/place adverbials ("On Tuesday, "), attribution tails
 * (", officials said."), appositives after a noun (", a 54-year-old
 * teacher,") and non-restrictive relative clauses (", who ..."). A rule that
 * is not sure does nothing: quotes, lists, negations and numbers in an
 * opening phrase, and unbalanced brackets stop it. The summarizer offers the
 * trimmed sentence as an alternative to the whole one (never both). */
#include "summarize/summarize.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* T_STOP: ; and : end a clause; T_OTHER: hyphens, $, % ... inside a phrase. */
enum { T_WORD, T_COMMA, T_LPAREN, T_RPAREN, T_DASH, T_QUOTE, T_END, T_STOP, T_OTHER };

typedef struct tok {
    uint16_t kind;
    uint32_t b, e; /* bytes of the token in the sentence */
} tok;

#define MAX_TOKS 256

typedef struct sentence {
    const char *s;
    size_t len;
    tok t[MAX_TOKS];
    size_t n;
    bool quoted; /* any quotation mark: speech is not trimmed around */
} sentence;

static size_t punct_tok(const char *s, size_t i, size_t len, uint16_t *kind)
{
    unsigned char c = (unsigned char)s[i];
    bool sp_before = i == 0 || pc_is_space((unsigned char)s[i - 1]);
    *kind = T_OTHER;
    if (c == ',') return *kind = T_COMMA, 1;
    if (c == '(' || c == '[') return *kind = T_LPAREN, 1;
    if (c == ')' || c == ']') return *kind = T_RPAREN, 1;
    if (c == '.' || c == '!' || c == '?') return *kind = T_END, 1;
    if (c == '"') return *kind = T_QUOTE, 1;
    if (c == ';' || c == ':') return *kind = T_STOP, 1;
    if (i + 1 < len && ((c == '`' && s[i + 1] == '`') || (c == '\'' && s[i + 1] == '\'')))
        return *kind = T_QUOTE, 2;
    if (c == '-' && i + 1 < len && s[i + 1] == '-') return *kind = T_DASH, 2;
    if ((c == '-' || c == '_') && sp_before && (i + 1 == len || pc_is_space((unsigned char)s[i + 1])))
        return *kind = T_DASH, 1;
    if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80) {
        unsigned char d = (unsigned char)s[i + 2];
        if (d == 0x93 || d == 0x94) return *kind = T_DASH, 3;              /* en, em dash */
        if (d == 0x9C || d == 0x9D || d == 0x98 || d == 0x99) return *kind = T_QUOTE, 3; /* curly */
    }
    if (c == '\'') return *kind = T_QUOTE, 1; /* a lone one: inner apostrophes belong to words */
    size_t n = 1; /* one UTF-8 character */
    while (i + n < len && ((unsigned char)s[i + n] & 0xC0) == 0x80) n++;
    return n;
}

static bool push(sentence *x, uint16_t kind, size_t b, size_t e)
{
    if (x->n == MAX_TOKS) return false;
    x->t[x->n++] = (tok){kind, (uint32_t)b, (uint32_t)e};
    if (kind == T_QUOTE) x->quoted = true;
    return true;
}

static bool punct_run(sentence *x, size_t i, size_t end)
{
    while (i < end) {
        if (pc_is_space((unsigned char)x->s[i])) {
            i++;
            continue;
        }
        uint16_t kind;
        size_t n = punct_tok(x->s, i, end, &kind);
        if (!push(x, kind, i, i + n)) return false;
        i += n;
    }
    return true;
}

/* False when the sentence has more tokens than we look at. */
static bool tokenize(sentence *x, const char *s, size_t len)
{
    x->s = s;
    x->len = len;
    x->n = 0;
    x->quoted = false;
    size_t i = 0, pos = 0, b, e;
    while (pt_next_word(s, len, &pos, &b, &e)) {
        if (!punct_run(x, i, b) || !push(x, T_WORD, b, e)) return false;
        i = e;
        pos = e;
    }
    return punct_run(x, i, len);
}

static bool is_word(const sentence *x, size_t k, const char *w)
{
    if (k >= x->n || x->t[k].kind != T_WORD) return false;
    size_t n = strlen(w);
    return x->t[k].e - x->t[k].b == n && strncasecmp(x->s + x->t[k].b, w, n) == 0;
}

static bool in_list(const sentence *x, size_t k, const char *const *list)
{
    for (; *list; list++)
        if (is_word(x, k, *list)) return true;
    return false;
}

static bool has_digit(const sentence *x, size_t k)
{
    for (uint32_t i = x->t[k].b; i < x->t[k].e; i++)
        if (x->s[i] >= '0' && x->s[i] <= '9') return true;
    return false;
}

static bool is_upper_word(const sentence *x, size_t k)
{
    return k < x->n && x->t[k].kind == T_WORD && x->s[x->t[k].b] >= 'A' && x->s[x->t[k].b] <= 'Z';
}

static const char *const NEGATIONS[] = {"not", "no", "never", "without", "nor", "neither", "none",
                                        "nobody", "nothing", "unless", "despite", "if", NULL};
static const char *const NUMBER_WORDS[] = {"one",  "two",   "three",  "four",    "five",     "six",
                                           "seven", "eight", "nine",   "ten",     "dozen",    "dozens",
                                           "hundred", "hundreds", "thousand", "thousands", "million",
                                           "millions", "billion", "least", "most", "half", NULL};

static bool is_negation(const sentence *x, size_t k)
{
    if (in_list(x, k, NEGATIONS)) return true;
    const tok *t = &x->t[k];
    return t->kind == T_WORD && t->e - t->b >= 3 && strncasecmp(x->s + t->e - 3, "n't", 3) == 0;
}

/* Tokens [a, b) hold no quotation, bracket, negation or (when numbers) number. */
static bool plain_span(const sentence *x, size_t a, size_t b, bool numbers)
{
    for (size_t k = a; k < b; k++) {
        uint16_t kd = x->t[k].kind;
        if (kd == T_QUOTE || kd == T_LPAREN || kd == T_RPAREN || kd == T_DASH) return false;
        if (kd == T_WORD && is_negation(x, k)) return false;
        if (numbers && kd == T_WORD && (has_digit(x, k) || in_list(x, k, NUMBER_WORDS))) return false;
    }
    return true;
}

/* A word or an inner mark of a phrase ("54-year-old", "$ 2"). */
static bool phrase_tok(const sentence *x, size_t k)
{
    return k < x->n && (x->t[k].kind == T_WORD || x->t[k].kind == T_OTHER);
}

static size_t words_in(const sentence *x, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t k = a; k < b; k++) n += x->t[k].kind == T_WORD;
    return n;
}

/* Index of the sentence-final punctuation token (the last token), or x->n. */
static size_t final_tok(const sentence *x)
{
    return x->n && x->t[x->n - 1].kind == T_END ? x->n - 1 : x->n;
}

/* Byte where whitespace before token k starts. */
static size_t space_before(const sentence *x, size_t k)
{
    size_t b = x->t[k].b;
    while (b > 0 && pc_is_space((unsigned char)x->s[b - 1])) b--;
    return b;
}

typedef struct cut {
    size_t b, e;
    bool lead; /* removes the opening: the next word gets a capital */
} cut;

typedef struct cuts {
    cut v[32];
    size_t n;
} cuts;

static void add_cut(cuts *c, size_t b, size_t e, bool lead)
{
    if (c->n < sizeof c->v / sizeof c->v[0] && e > b) c->v[c->n++] = (cut){b, e, lead};
}

/* ---- the rules ------------------------------------------------------------ */

/* "word (aside) word": brackets with at most 15 words, not at the start. */
static void rule_parens(const sentence *x, cuts *c)
{
    for (size_t k = 1; k < x->n; k++) {
        if (x->t[k].kind != T_LPAREN) continue;
        size_t q = k + 1;
        while (q < x->n && x->t[q].kind != T_RPAREN && x->t[q].kind != T_LPAREN) q++;
        if (q >= x->n || x->t[q].kind != T_RPAREN) return; /* unbalanced: leave it all */
        size_t nw = words_in(x, k + 1, q);
        bool quote = false;
        for (size_t j = k + 1; j < q; j++) quote |= x->t[j].kind == T_QUOTE;
        if (nw >= 1 && nw <= 15 && !quote && k >= 2 && x->t[k - 1].kind == T_WORD) add_cut(c, space_before(x, k), x->t[q].e, false);
        k = q;
    }
}

static const char *const SUBORDINATORS[] = {"when", "if", "after", "before", "as", "while", "although",
                                            "though", "because", "since", "once", "until", "unless", NULL};

/* "word -- aside -- word": a pair of dashes around at most 15 words. */
static void rule_dashes(const sentence *x, cuts *c)
{
    size_t n_dash = 0;
    for (size_t k = 0; k < x->n; k++) n_dash += x->t[k].kind == T_DASH;
    if (n_dash != 2) return; /* "A — B — C — D": which pair is the aside? */
    /* an opening "When ..." clause is open until its comma as well */
    size_t n_comma = in_list(x, 0, SUBORDINATORS);
    for (size_t k = 1; k < x->n; k++) {
        n_comma += x->t[k].kind == T_COMMA;
        if (x->t[k].kind != T_DASH) continue;
        /* inside ", aimed at the deficit -- 7 percent of output -- are": the
         * aside also closes the comma phrase; cutting it would leave it open */
        if (n_comma % 2) return;
        size_t q = k + 1;
        while (q < x->n && x->t[q].kind != T_DASH) q++;
        if (q >= x->n) return;
        size_t nw = words_in(x, k + 1, q);
        if (nw >= 2 && nw <= 15 && x->t[k - 1].kind == T_WORD && q + 1 < x->n && x->t[q + 1].kind == T_WORD &&
            plain_span(x, k + 1, q, false))
            add_cut(c, space_before(x, k), x->t[q].e, false);
        k = q;
    }
}

/* Opening connectives: a word or phrase that ties the sentence to the one
 * before it and says nothing else, so it can go when that sentence is not
 * printed before it (summarize.c step 8a) or to save words (--compress). One
 * table for both. comma: only a connective with a comma after it ("Still, the
 * ferry ..." not "Still more passengers ...", "Now, the state ..." not "Now
 * the state ..."). Not "Otherwise," (a condition: the sentence would say
 * something else without it) nor "Then," (an order of events). */
typedef struct connective {
    const char *phrase; /* lower case, words separated by one space */
    bool comma;
} connective;

static const connective CONNECTIVES[] = {
    {"but", false},          {"and", false},           {"so", false},           {"however", true},
    {"meanwhile", true},     {"moreover", true},       {"furthermore", true},   {"also", true},
    {"still", true},         {"nevertheless", true},   {"nonetheless", true},   {"besides", true},
    {"indeed", true},        {"separately", true},     {"similarly", true},     {"likewise", true},
    {"additionally", true},  {"now", true},            {"thus", true},          {"therefore", true},
    {"hence", true},         {"instead", true},        {"in addition", true},   {"at the same time", true},
    {"in the meantime", true}, {"on the other hand", true}, {"by contrast", true}, {"in contrast", true},
    {"in fact", true},       {"as a result", true},    {"of course", true},     {"after all", true},
    {"even so", true},       {"what's more", true},    {"that said", true},     {NULL, false}};

/* After a bare "So" these make it an adverb, not the connective: "So far",
 * "So many ...", "So is the ..." ("as well"). */
static const char *const SO_NOT_CONNECTIVE[] = {"far", "much", "many", "few", "little", "long", "too",
                                                "is", "are", "was", "were", "do", "does", "did",
                                                "has", "have", "had", "can", "could", "will", "would",
                                                "should", "that", "as", "to", NULL};

/* Words that still point back once the connective before them is cut: "But
 * then they found ..." -> "Then they found ..." would hide the link from the
 * dangling-opener test (which knows "but", not "then") and open a summary;
 * "But he said ..." -> "He said ..." is no better. Another connective of the
 * table ("And so ...") counts too. */
static const char *const STILL_POINTING[] = {"then", "yet", "too", "otherwise", "again", "he", "she", "it",
                                             "its", "it's", "they", "their", "them", "his", "her", "this",
                                             "that", "these", "those", NULL};

/* Tokens of a multi-word phrase matched at token k, or 0. */
static size_t phrase_at(const sentence *x, size_t k0, const char *ph)
{
    size_t k = k0;
    const char *p = ph;
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p);
        if (k >= x->n || x->t[k].kind != T_WORD || x->t[k].e - x->t[k].b != n ||
            strncasecmp(x->s + x->t[k].b, p, n) != 0)
            return 0;
        k++;
        p += n + (sp != NULL);
    }
    return k - k0;
}

/* Tokens of the table's connective at token k with its comma (a bare one
 * may have one too: "But, ..."), or 0. */
static size_t connective_at(const sentence *x, size_t k)
{
    for (const connective *c = CONNECTIVES; c->phrase; c++) {
        size_t m = phrase_at(x, k, c->phrase);
        if (!m) continue;
        bool comma = k + m < x->n && x->t[k + m].kind == T_COMMA;
        if (c->comma && !comma) return 0;
        if (!comma && !strcmp(c->phrase, "so") && in_list(x, k + m, SO_NOT_CONNECTIVE)) return 0;
        return m + comma;
    }
    return 0;
}

/* A phrase of the table at token k, comma or not ("But still the ..."). */
static bool connective_words_at(const sentence *x, size_t k)
{
    for (const connective *c = CONNECTIVES; c->phrase; c++)
        if (phrase_at(x, k, c->phrase)) return true;
    return false;
}

/* Token where the sentence goes on after its opening connective, or 0 (none,
 * or what follows points back as well). */
static size_t rule_connective(const sentence *x, cuts *c)
{
    size_t k = connective_at(x, 0);
    if (!k || k >= x->n || x->t[k].kind != T_WORD || in_list(x, k, STILL_POINTING) || connective_words_at(x, k))
        return 0;
    add_cut(c, 0, x->t[k].b, true);
    return k;
}

size_t ps_connective_end(const char *s, size_t len)
{
    sentence x;           /* 3 KiB on the stack */
    tokenize(&x, s, len); /* a longer sentence: its first MAX_TOKS tokens are enough here */
    cuts c = {.n = 0};
    size_t k = rule_connective(&x, &c);
    return k ? x.t[k].b : 0;
}

/* Opening adverbials up to the first comma: "On Tuesday, ", "In a statement
 * released Monday, ", "According to the police, ". At most 8 words, no
 * number (a date or a count is content), no negation ("Without a deal," is
 * a condition), and what follows must start a clause, not continue a noun
 * phrase ("On Tuesday the mayor, who ..."). */
static const char *const ADVERBIAL_OPENERS[] = {
    "on", "in", "at", "during", "earlier", "later", "late", "early", "last", "this", "yesterday",
    "today", "tonight", "overnight", "according", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", NULL};
static const char *const NOT_A_CLAUSE[] = {"who", "which", "whose", "whom", "where", "a", "an", "including",
                                           "such", "and", "or", "but", "as", "with", NULL};

static void rule_adverbial(const sentence *x, size_t from, cuts *c)
{
    if (!in_list(x, from, ADVERBIAL_OPENERS)) return;
    if (is_word(x, from, "according") && !is_word(x, from + 1, "to")) return;
    size_t k = from + 1;
    while (phrase_tok(x, k)) k++;
    if (k >= x->n || x->t[k].kind != T_COMMA || k - from > 8) return;
    if (!plain_span(x, from, k, true)) return;
    size_t next = k + 1;
    if (next >= x->n || x->t[next].kind != T_WORD || in_list(x, next, NOT_A_CLAUSE)) return;
    for (size_t j = next; j < x->n && j < next + 3; j++) /* "In Wilmington, N.C., the ..." */
        if (x->t[j].kind != T_WORD) return;
    add_cut(c, x->t[from].b, x->t[next].b, true);
}

/* Speech verbs of an attribution tail. */
static const char *const SAID[] = {"said", "says", "say", "added", "reported", "told", "announced",
                                   "stated", "noted", "confirmed", "explained", NULL};

static const char *const PRONOUNS[] = {"he", "she", "they", "it", "we", "i", "you", NULL};
static const char *const DETERMINERS[] = {"a", "an", "the", NULL};

/* Words that open a clause of its own: ", but he said he was not ..." is
 * content, not an attribution. */
static const char *const CLAUSE_OPENERS[] = {"but", "and", "or", "nor", "yet", "so", "while", "although",
                                             "though", "because", "as", "since", "when", "after",
                                             "before", "if", "which", "who", "where", NULL};

/* Auxiliaries, modals and "that": after the speech verb they mean a reported
 * clause (", said Liotta would be expelled."), not a speaker or a time. */
static const char *const AUXILIARIES[] = {"would", "will", "had", "has", "have", "was", "were", "is", "are",
                                          "could", "should", "may", "might", "must", "can", "did", "does",
                                          "do", "be", "been", "that", NULL};

static bool any_in_list(const sentence *x, size_t from, size_t to, const char *const *list)
{
    for (size_t j = from; j < to; j++)
        if (in_list(x, j, list)) return true;
    return false;
}

/* Does the text from comma token k to the end read ", officials said.",
 * ", police said on Tuesday.", ", said Ana Ruiz, a spokeswoman." or
 * ", according to the police."? The verb has no object clause: after a
 * speaker it may be followed by at most four words and no comma; first, it
 * is followed by the speaker only. */
static bool attribution_tail(const sentence *x, size_t k, size_t fin)
{
    if (x->t[k].kind != T_COMMA || fin >= x->n) return false;
    size_t nw = words_in(x, k + 1, fin);
    if (nw < 1 || nw > 10) return false;
    for (size_t j = k + 1; j < fin; j++)
        if (!phrase_tok(x, j) && x->t[j].kind != T_COMMA) return false;
    if (in_list(x, k + 1, CLAUSE_OPENERS) || !plain_span(x, k + 1, fin, false)) return false;
    if (is_word(x, k + 1, "according")) return is_word(x, k + 2, "to");
    if (in_list(x, k + 1, SAID)) {
        /* ", said Ana Ruiz, a spokeswoman.": a short speaker, then perhaps an
         * appositive; not ", said Samaranch had ordered him to ..." */
        size_t j = k + 2;
        if (in_list(x, j, PRONOUNS)) return false;
        while (j < fin && x->t[j].kind != T_COMMA) j++;
        if (words_in(x, k + 2, j) < 1 || words_in(x, k + 2, j) > 4 || any_in_list(x, k + 2, j, AUXILIARIES))
            return false;
        if (j == fin) return true;
        if (!in_list(x, j + 1, DETERMINERS)) return false;
        for (size_t q = j + 1; q < fin; q++)
            if (x->t[q].kind == T_COMMA) return false;
        return true;
    }
    for (size_t j = k + 2; j < fin && j <= k + 5; j++) {
        if (x->t[j].kind == T_COMMA) return false;
        if (!in_list(x, j, SAID)) continue;
        for (size_t q = j + 1; q < fin; q++)
            if (x->t[q].kind == T_COMMA) return false;
        return words_in(x, j + 1, fin) <= 4 && !any_in_list(x, j + 1, fin, AUXILIARIES);
    }
    return false;
}

static void rule_attribution(const sentence *x, cuts *c)
{
    if (x->quoted) return; /* speech: the speaker must stay */
    size_t fin = final_tok(x);
    if (fin >= x->n) return;
    for (size_t k = 1; k < fin; k++) {
        if (x->t[k].kind != T_COMMA) continue;
        if (words_in(x, 0, k) >= 6 && attribution_tail(x, k, fin)) {
            add_cut(c, x->t[k].b, x->t[fin].b, false);
            return;
        }
        /* medial ", according to the police," */
        if (is_word(x, k + 1, "according") && is_word(x, k + 2, "to")) {
            size_t q = k + 3;
            while (q < fin && phrase_tok(x, q)) q++;
            if (q < fin && x->t[q].kind == T_COMMA && q - k <= 9 && x->t[q + 1].kind == T_WORD)
                add_cut(c, x->t[k].b, x->t[q].e, false);
        }
    }
}

/* Words after which a comma-delimited span is a list item, not an aside. */
static const char *const LIST_WORDS[] = {"and", "or", "nor", "but", "a", "an", "the", "as", "etc", NULL};
/* Words after which the span goes on: ", who ... bills, including ..." is
 * still the relative clause, the comma is not its end. */
static const char *const CONTINUERS[] = {"including", "such", "especially", "particularly", "notably",
                                         "like", "mostly", "mainly", NULL};

/* A span ", X," from comma k: returns the closing comma's token, or 0 when
 * the span is not closed by a comma followed by the sentence going on. */
static size_t closing_comma(const sentence *x, size_t k, size_t fin, size_t max_words)
{
    size_t q = k + 1;
    while (q < fin && phrase_tok(x, q)) q++;
    if (q >= fin || x->t[q].kind != T_COMMA) return 0;
    if (words_in(x, k + 1, q) > max_words) return 0;
    size_t nx = q + 1;
    if (nx >= fin || x->t[nx].kind != T_WORD || in_list(x, nx, LIST_WORDS) || in_list(x, nx, CONTINUERS))
        return 0;
    /* "Paris, France, in 1950": another comma right after is a list or an address */
    for (size_t j = nx; j < fin && j < nx + 3; j++)
        if (x->t[j].kind != T_WORD) return 0;
    if (attribution_tail(x, q, fin)) return 0; /* "Smith, a teacher, police said." */
    return q;
}

/* The span between commas k and q looks like an item of a list: another
 * comma just before it, or ", and" / "and" soon after ("the ban, the second
 * amendment, religious liberty and ..."). */
static bool in_list_item(const sentence *x, size_t k, size_t q, size_t fin)
{
    for (size_t j = k >= 4 ? k - 4 : 0; j < k; j++)
        if (x->t[j].kind == T_COMMA) return true;
    for (size_t j = q + 1; j < fin && j < q + 9; j++)
        if (is_word(x, j, "and") || is_word(x, j, "or")) return true;
    return false;
}

/* Appositives after a noun: "Ana Ruiz, a 54-year-old teacher, said ...". */

static void rule_appositive(const sentence *x, cuts *c)
{
    size_t fin = final_tok(x);
    for (size_t k = 1; k + 1 < fin; k++) {
        if (x->t[k].kind != T_COMMA || x->t[k - 1].kind != T_WORD) continue;
        if (!in_list(x, k + 1, DETERMINERS)) continue;
        size_t q = closing_comma(x, k, fin, 10);
        if (!q || !plain_span(x, k + 1, q, false) || in_list_item(x, k, q, fin)) continue;
        add_cut(c, x->t[k].b, x->t[q].e, false);
        k = q;
    }
}

/* Non-restrictive relative clauses: ", who ...," inside, ", which ..." at the end. */
static const char *const RELATIVES[] = {"who", "which", "whose", "whom", NULL};
/* Openings of a phrase that runs to the first comma: "In the wake of the
 * shooting in Velmar, which killed 17, rescuers ..." — that comma closes the
 * opening phrase too, so it stays. */
static const char *const OPENING_PHRASE[] = {"in", "on", "at", "after", "before", "during", "following",
                                             "since", "despite", "amid", "with", "for", "from", "by",
                                             "under", "among", "without", "through", "throughout",
                                             "across", "when", "if", "as", "while", "although", "though",
                                             "because", "once", "until", "unless", NULL};
/* Those of them that open a clause with its own subject and verb: the aside
 * may sit on that subject ("When the mayor, who ..., left the port, the ...")
 * and the clause go on after it to a comma of its own; only with no comma
 * after the aside does its closing comma end the opening. */
static const char *const CLAUSE_OPENING[] = {"after", "before", "since", "when", "if", "as", "while", "although",
                                             "though", "because", "once", "until", "unless", NULL};

static void rule_relative(const sentence *x, cuts *c)
{
    size_t fin = final_tok(x);
    if (fin >= x->n) return;
    for (size_t k = 1; k + 1 < fin; k++) {
        if (x->t[k].kind != T_COMMA || (x->t[k - 1].kind != T_WORD && x->t[k - 1].kind != T_RPAREN) ||
            !in_list(x, k + 1, RELATIVES))
            continue;
        if (words_in(x, 0, k) < 5) continue;
        size_t q = closing_comma(x, k, fin, 20);
        if (q && plain_span(x, k + 1, q, false)) {
            bool closes_opening = in_list(x, 0, OPENING_PHRASE);
            for (size_t j = 0; j < k; j++) closes_opening &= x->t[j].kind != T_COMMA;
            if (closes_opening && in_list(x, 0, CLAUSE_OPENING))
                for (size_t j = q + 1; j < fin; j++) closes_opening &= x->t[j].kind != T_COMMA;
            add_cut(c, x->t[k].b, closes_opening ? x->t[q].b : x->t[q].e, false);
            k = q;
            continue;
        }
        /* to the end: every token up to the final punctuation a word or comma-free */
        size_t j = k + 1;
        while (j < fin && phrase_tok(x, j)) j++;
        if (j == fin && words_in(x, k + 1, fin) <= 25 && plain_span(x, k + 1, fin, false) && !x->quoted)
            add_cut(c, x->t[k].b, x->t[fin].b, false);
        return;
    }
}

/* ---- assembling a variant -------------------------------------------------- */

static int cmp_cut(const void *a, const void *b)
{
    const cut *x = a, *y = b;
    return (x->b > y->b) - (x->b < y->b);
}

size_t ps_compress(const char *s, size_t len, unsigned rules, ps_piece *out, size_t cap, bool *capitalize)
{
    sentence x; /* 3 KiB on the stack */
    *capitalize = false;
    if (!rules || len == 0 || !tokenize(&x, s, len)) return 0;
    size_t fin = final_tok(&x);
    if (fin >= x.n || !is_upper_word(&x, 0)) return 0; /* a proper sentence to begin with */
    cuts c = {.n = 0};
    size_t from = 0;
    if (rules & PS_TRIM_CONNECTIVE) from = rule_connective(&x, &c);
    if (rules & PS_TRIM_ADVERBIAL) rule_adverbial(&x, from, &c);
    if (rules & PS_TRIM_PARENS) rule_parens(&x, &c);
    if (rules & PS_TRIM_DASHES) rule_dashes(&x, &c);
    if (rules & PS_TRIM_ATTRIBUTION) rule_attribution(&x, &c);
    if (rules & PS_TRIM_APPOSITIVE) rule_appositive(&x, &c);
    if (rules & PS_TRIM_RELATIVE) rule_relative(&x, &c);
    if (!c.n) return 0;
    qsort(c.v, c.n, sizeof c.v[0], cmp_cut);
    /* the kept pieces: the complement of the union of the cuts */
    size_t n = 0, at = 0;
    bool lead = false;
    for (size_t k = 0; k < c.n; k++) {
        if (c.v[k].b > at) {
            if (n == cap) return 0;
            out[n++] = (ps_piece){at, c.v[k].b};
        }
        if (c.v[k].b == 0 && c.v[k].lead) lead = true;
        if (c.v[k].e > at) at = c.v[k].e;
    }
    if (at < len) {
        if (n == cap) return 0;
        out[n++] = (ps_piece){at, len};
    }
    /* "... at 6 a.m., officials said." -> "... at 6 a.m.": no second period */
    if (n >= 2 && out[n - 1].end - out[n - 1].start == 1 && s[out[n - 1].start] == '.') {
        size_t e = out[n - 2].end;
        while (e > out[n - 2].start && pc_is_space((unsigned char)s[e - 1])) e--;
        if (e > out[n - 2].start && s[e - 1] == '.') n--;
    }
    /* enough of a sentence left: six words, and shorter than before */
    size_t kept = 0; /* words of the joined pieces: "claim" + "." is one */
    bool in = false;
    for (size_t k = 0; k < n; k++)
        for (size_t i = out[k].start; i < out[k].end; i++) {
            bool sp = pc_is_space((unsigned char)s[i]);
            kept += !sp && !in;
            in = !sp;
        }
    if (kept < 6 || kept + 1 > pt_count_words(s, len)) return 0;
    *capitalize = lead;
    return n;
}

size_t ps_compress_text(const char *s, const ps_piece *pieces, size_t n, bool capitalize, char *out)
{
    size_t o = 0;
    bool space = false, first = true;
    for (size_t k = 0; k < n; k++)
        for (size_t i = pieces[k].start; i < pieces[k].end; i++) {
            unsigned char ch = (unsigned char)s[i];
            if (pc_is_space(ch)) {
                space = true;
                continue;
            }
            if (space && o) out[o++] = ' ';
            space = false;
            if (first && capitalize && ch >= 'a' && ch <= 'z') ch = (unsigned char)(ch - 'a' + 'A');
            first = false;
            out[o++] = (char)ch;
        }
    out[o] = '\0';
    return o;
}
