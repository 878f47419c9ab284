/* Time references in sentences, resolved to calendar days (see story.h). */
#include "story.h"

#include <stdio.h>
#include <string.h>

/* ---- calendar (proleptic Gregorian; Howard Hinnant's days_from_civil) ---- */

int64_t pst_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void pst_civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int pst_weekday(int64_t days)
{
    int64_t w = (days + 3) % 7; /* 1970-01-01 was a Thursday */
    return (int)(w < 0 ? w + 7 : w);
}

/* ---- words -------------------------------------------------------------- */

typedef struct word {
    size_t start, end;
} word;

static bool is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Case-insensitive ASCII equality of s[0..n) with lower-case w. */
static bool word_is(const char *s, size_t n, const char *w)
{
    if (strlen(w) != n) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        if (c != (unsigned char)w[i]) return false;
    }
    return true;
}

static const char *const WEEKDAY_EN[7] = {"monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday"};
static const char *const WEEKDAY_DE[7] = {"montag",  "dienstag", "mittwoch", "donnerstag",
                                           "freitag", "samstag",  "sonntag"};

static int weekday_of(const char *s, size_t n)
{
    if (n < 6 || !(s[0] >= 'A' && s[0] <= 'Z')) return -1; /* names are capitalised */
    for (int i = 0; i < 7; i++)
        if (word_is(s, n, WEEKDAY_EN[i]) || word_is(s, n, WEEKDAY_DE[i])) return i;
    return -1;
}

/* "a vessel built in 2006", "the bridge, opened in 1932,": a year that
 * describes a thing named in the sentence, not when its event happened
 * ("was built in 2006" tells a fact of that year and stays). */
static const char *const DESCRIBING[] = {
    "built", "founded", "established", "opened", "born", "launched", "completed", "constructed",
    "created", "formed", "introduced", "commissioned", "erected", "designed", "restored",
    "renovated", "acquired", "bought", "made", "elected", "appointed", "installed", "set",
    "gebaut", "gegründet", "eröffnet", "geboren", "errichtet",
};
static const char *const AUXILIARIES[] = {"was", "were", "is", "are", "been", "be", "being", "had",
                                          "has", "have", "wurde", "wurden", "ist", "sind", "war"};

static bool in_list_ci(const char *s, size_t n, const char *const *list, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (word_is(s, n, list[i])) return true;
    return false;
}
/* Word i of s is one of list's (an array). */
#define WORD_IN(s, w, i, list) \
    in_list_ci((s) + (w)[i].start, (w)[i].end - (w)[i].start, list, sizeof list / sizeof *list)

/* "since 2011", "since the start of the war in 2011", "dating back to 1990":
 * a cue before the reference within its clause (no comma, semicolon, colon,
 * dash or bracket between, at most 10 words back) says it dates how long
 * something has lasted, background to the story rather than its event. */
static const char *const SINCE_CUES[] = {"dating", "dates", "seit", "since"};

/* Does s[a..b) break a clause? Punctuation, or a dash: U+2013/U+2014 (a
 * "word" of split_words, which takes every byte >= 0x80 as a letter), or the
 * plain-text "--" and " - ". */
static bool clause_break(const char *s, size_t a, size_t b)
{
    for (size_t g = a; g < b; g++) {
        char c = s[g];
        if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') return true;
        if (pt_long_dash_at(s, b, g)) return true;
        if (c == '-' && ((g + 1 < b && s[g + 1] == '-') ||
                         (g > a && s[g - 1] == ' ' && g + 1 < b && s[g + 1] == ' ')))
            return true;
    }
    return false;
}

/* A break the governing verb is not looked for across: as clause_break but a
 * comma ("said, on Tuesday, that"; "On Friday, the council will vote"), and
 * the end of a sentence quoted inside this one ("... paradise.'' At the house
 * on Sunday"): '.', '!' or '?' before a space, after a word of three or more
 * letters with a small one ("U.S. officials", "Mr. Hale" go on). */
static bool clause_break_semi(const char *s, size_t a, size_t b)
{
    for (size_t g = a; g < b; g++) {
        if (s[g] == ',') return clause_break(s, a, g) || clause_break(s, g + 1, b);
        if (s[g] == '!' || s[g] == '?') return true;
        if (s[g] == '.' && g == a && a >= 3) {
            size_t q = g + 1; /* closing quotes, then a space */
            while (q < b && (s[q] == '\'' || s[q] == '"' || s[q] == '`' ||
                             (unsigned char)s[q] >= 0x80))
                q++;
            if (q >= b || !(s[q] == ' ' || s[q] == '\t' || s[q] == '\n')) continue;
            size_t st = a;
            bool small = false;
            while (st > 0 && is_letter((unsigned char)s[st - 1])) {
                st--;
                if (s[st] >= 'a' && s[st] <= 'z') small = true;
            }
            if (a - st >= 3 && small) return true;
        }
    }
    return clause_break(s, a, b);
}

static bool background_ref(const char *s, const word *w, size_t nw, size_t start)
{
    size_t j = 0;
    while (j < nw && w[j].end <= start) j++; /* words before the reference: w[0..j) */
    for (size_t back = 0; j > 0 && back < 10; back++) {
        j--;
        /* what lies between word j and the reference: gaps and the words after j */
        if (clause_break(s, w[j].end, back == 0 ? start : w[j + 1].end)) return false;
        if (WORD_IN(s, w, j, SINCE_CUES)) return true;
    }
    return false;
}

/* ---- tense: does the verb governing a time phrase speak of the future? -- */

/* Future cues: a modal or a plan word governing the phrase ("will meet on
 * Friday", "is due to dock on Monday", "ahead of Friday's vote"). */
static const char *const FUTURE_CUES[] = {
    "will",     "would",   "shall",    "ll",       "should",   "must",     "can",      "cannot",
    "plans",
    "plan",     "planned", "scheduled", "expected", "due",     "upcoming", "intends", "aims",
    "wird",     "werden",  "soll",     "sollen",   "wollen",   "kommenden",
};
/* Cues that are nouns as often as verbs ("approved the harbour plan on
 * Monday", "the aims"): a cue only before "to" (the infinitive rule). "due"
 * is one only after a copula ("is due on Friday"; "cancelled due to rain"
 * is a cause). */
static const char *const NOUN_CUES[] = {"plan", "plans", "aims", "aim"};
static const char *const DUE_AFTER[] = {"is", "are", "was", "were", "be", "been", "now", "also", "not", "still"};
/* Present forms of scheduling verbs: "the trial continues on Wednesday",
 * "the show opens on Friday" speak of the coming day (report verbs such as
 * "says" are not among them). */
static const char *const SCHEDULE_NOW[] = {
    "continues", "resumes", "opens",  "reopens", "starts",   "begins", "meets",   "hosts",
    "visits",    "travels", "returns", "closes", "launches", "debates", "hears",  "sits",
    "kicks",     "faces",   "plays",  "takes",   "ends",     "goes",   "arrives", "leaves",
};
/* Their plural / base forms, believed after a capitalised word only (a
 * team or body: "Athletic host Rovers on Tuesday", "United face City"). */
static const char *const SCHEDULE_BASE[] = {"host", "face", "visit", "play", "meet", "travel", "continue",
                                            "resume", "open", "start", "begin", "take", "return"};
/* Words before a verb-looking noun: "his visit on Tuesday", "the start". */
static const char *const DETERMINERS[] = {"the", "a", "an", "his", "her", "its", "their", "our",
                                          "this", "that", "these", "those", "my", "your", "whose",
                                          "s", "first", "last", "next", "whose"};
/* The modal ones among them, the only cues looked for after the phrase. */
static const char *const MODALS[] = {"will", "would", "shall", "ll",  "should",
                                     "must", "wird",  "werden", "soll", "sollen"};
/* Irregular past forms (regular ones end in "-ed") and the auxiliaries of
 * past and perfect tenses. */
static const char *const PAST_FORMS[] = {
    "said",   "told",   "was",     "were",    "had",    "did",     "has",    "have",   "met",
    "held",   "began",  "took",    "gave",    "came",   "went",    "made",   "left",   "won",
    "lost",   "fell",   "rose",    "sent",    "saw",    "found",   "spoke",  "broke",  "struck",
    "shot",   "fought", "sold",    "bought",  "paid",   "ran",     "got",    "wrote",  "led",
    "drove",  "flew",   "threw",   "chose",   "froze",  "stood",   "brought", "thought", "became",
    "kept",   "felt",   "sat",     "lay",     "withdrew", "sank",  "quit",   "stole",  "swore",
    "sought", "taught", "caught",  "dealt",   "meant",  "spent",   "built",  "woke",   "knew",
    "grew",   "blew",   "drew",    "arose",   "fled",   "shook",   "hid",    "rode",   "stuck",
    "understood", "upheld", "withheld", "overtook", "heard", "since", "ago", "put", "cut",
    "hit",    "shut",
    "war",    "waren",  "wurde",   "wurden",  "hat",    "hatte",   "hatten", "haben",  "ist",
    "sind",   "seit",
};
/* Past auxiliaries, past whatever comes before them. */
static const char *const PAST_AUX[] = {"said", "told", "was", "were", "had", "did", "has", "have"};
/* "-ed" words that are no past forms. */
static const char *const NOT_PAST_ED[] = {"need",   "speed",  "seed",   "feed",   "indeed",
                                          "proceed", "succeed", "exceed", "breed", "deed",
                                          "bed",    "red",    "shed",   "hundred", "embed",
                                          "weed",   "creed",  "bleed"};
/* Verbs of commitment: "vowed to strike on Friday" speaks of the strike to come. */
static const char *const COMMIT_TO[] = {
    "agreed", "promised", "vowed",  "pledged", "threatened", "decided", "voted",  "offered",
    "hoped",  "hopes",    "aimed",  "intended", "wanted",    "wants",   "sought", "supposed",
    "set",    "going",    "is",     "are",     "am",         "agree",   "threaten", "decide",
    "seeks",  "seek",     "likely", "ready",   "poised",     "about",   "was",    "were",
    "hope",   "expect",   "expects", "intend", "aim",
};
/* Present copulas: "stays closed until Friday", "is shut until Monday" — the
 * "-ed" after them is an adjective, not a past. */
static const char *const COPULA_NOW[] = {"is", "are", "am", "be", "stays", "stay", "remains",
                                         "remain", "will", "would", "get", "gets"};
/* Where looking for the governing verb gives up: words that start a new clause. */
static const char *const CLAUSE_OPENERS[] = {"while", "whereas", "although", "though", "because",
                                             "während", "weil"};

static bool word_at(const char *s, const word *w, size_t i, const char *x)
{
    return word_is(s + w[i].start, w[i].end - w[i].start, x);
}

/* Words after which a verb is untensed: "to put", "will be closed", and a
 * participle after "be" ("will be held": the auxiliary before it decides). */
static const char *const BASE_AFTER[] = {"to",    "will", "would", "should", "could", "can",
                                         "may",   "might", "must", "shall", "not",   "ll",
                                         "be",    "been",  "being"};

/* A past form: irregular, or a lower-case "-ed" word ("decided"; "Reed",
 * "Ahmed" are names, though "Asked whether" opens a sentence) that no
 * present copula makes an adjective ("stays closed") and no "to" or modal
 * makes a base form ("to put"). */
static bool past_form(const char *s, const word *w, size_t i)
{
    if (i > 0 && WORD_IN(s, w, i - 1, BASE_AFTER)) return false;
    /* "would stay shut", "remains cut off": an adjective after a present copula */
    if (WORD_IN(s, w, i, PAST_FORMS) && !(i > 0 && WORD_IN(s, w, i - 1, COPULA_NOW) &&
                                          !WORD_IN(s, w, i, PAST_AUX)))
        return true;
    if (WORD_IN(s, w, i, PAST_FORMS)) return false;
    size_t n = w[i].end - w[i].start;
    const char *p = s + w[i].start;
    if (n < 4 || p[n - 2] != 'e' || p[n - 1] != 'd') return false;
    if (!(p[0] >= 'a' && p[0] <= 'z') && i > 0) return false;
    if (WORD_IN(s, w, i, NOT_PAST_ED)) return false;
    return !(i > 0 && WORD_IN(s, w, i - 1, COPULA_NOW));
}

/* An apostrophe at s[i]: ' or U+2019. */
static bool apostrophe_at(const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    return i < n && (u[i] == '\'' || (i + 2 < n && u[i] == 0xE2 && u[i + 1] == 0x80 && u[i + 2] == 0x99));
}

/* Words w[j] and w[j + 1] are "won't" (the future, not the past of "win"). */
static bool wont_at(const char *s, size_t n, const word *w, size_t nw, size_t j)
{
    return word_at(s, w, j, "won") && j + 1 < nw && word_at(s, w, j + 1, "t") && apostrophe_at(s, n, w[j].end);
}

/* Word j is "to" and a verb follows: a small letter, no article or
 * possessive ("to close", not "to Britain", "to the site"). */
static bool infinitive_after(const char *s, const word *w, size_t j)
{
    static const char *const NOT_VERB[] = {"the", "a", "an", "his", "her", "its", "their", "our",
                                           "this", "that", "these", "those", "my", "your"};
    const char *p = s + w[j + 1].start;
    if (!(p[0] >= 'a' && p[0] <= 'z')) return false;
    return !WORD_IN(s, w, j + 1, NOT_VERB);
}

/* Word j is a present scheduling verb ("continues", "Athletic host"), no
 * noun after a determiner ("his visit") nor an infinitive ("to visit"). */
static bool schedule_now(const char *s, const word *w, size_t j)
{
    if (j == 0 || WORD_IN(s, w, j - 1, DETERMINERS) || WORD_IN(s, w, j - 1, BASE_AFTER)) return false;
    const char *p = s + w[j].start;
    if (!(p[0] >= 'a' && p[0] <= 'z')) return false;
    if (WORD_IN(s, w, j, SCHEDULE_NOW)) return true;
    const char *q = s + w[j - 1].start;
    return WORD_IN(s, w, j, SCHEDULE_BASE) && q[0] >= 'A' && q[0] <= 'Z';
}

/* Word j, a past form, is the past of a condition about what is to come:
 * "cargo would be moved if the strike lasted beyond Thursday" ("if" or
 * "unless" a few words before it, a "would/could/might" in the sentence
 * that is no "would have", and no "had": "if it had sailed on Monday, it
 * would have ..." is the past). */
static bool conditional_past(const char *s, const word *w, size_t nw, size_t j)
{
    if (word_at(s, w, j, "had")) return false;
    bool cond = false;
    for (size_t back = 0, q = j; q > 0 && back < 5 && !cond; back++) {
        q--;
        if (clause_break_semi(s, w[q].end, w[q + 1].start)) break;
        cond = word_at(s, w, q, "if") || word_at(s, w, q, "unless");
    }
    if (!cond) return false;
    for (size_t q = 0; q < nw; q++)
        if ((word_at(s, w, q, "would") || word_at(s, w, q, "could") || word_at(s, w, q, "might")) &&
            !(q + 1 < nw && word_at(s, w, q + 1, "have")))
            return true;
    return false;
}

/* "to" at j after a verb of expecting and its object ("Forecasters expect
 * the snow to ease on Thursday", "wants the council to decide on Monday"):
 * the infinitive's time is ahead, as after "expects to". At most three
 * words of object, none a tensed verb or a clause break. */
static const char *const EXPECT_OBJ[] = {"expect", "expects", "expected", "want", "wants", "wanted",
                                         "intend", "intends", "need", "needs"};
static bool expect_object_to(const char *s, const word *w, size_t j)
{
    for (size_t q = j; q > 0 && j - q < 4;) {
        q--;
        if (clause_break_semi(s, w[q].end, w[q + 1].start)) return false;
        if (q + 1 < j && WORD_IN(s, w, q, EXPECT_OBJ)) return true;
        if (past_form(s, w, q) || WORD_IN(s, w, q, MODALS) || WORD_IN(s, w, q, COPULA_NOW)) return false;
    }
    return false;
}

/* Tense of the clause a time phrase (words w[i0..i1]) belongs to: +1 future,
 * -1 past, 0 unknown. The verb that governs the phrase decides — the nearest
 * tensed word before it ("will lose their jobs after the firm decided on
 * Tuesday": "decided", past), else the first one after it when the phrase
 * opens its clause ("On Friday, the council will vote"). An infinitive after
 * the phrase ("decided on Tuesday to close") changes nothing; one before it
 * is future after a plan or commitment ("is to visit on Monday", "vowed to
 * strike on Friday"). "until" is future unless a past verb governs it
 * ("lasted until Sunday"). */
static int phrase_tense(const char *s, size_t n, const word *w, size_t nw, size_t i0, size_t i1)
{
    bool until = false;
    /* a past verb right after the phrase ("agreed to represent him on Monday
     * went missing") governs it before any infinitive does */
    bool past_next = i1 + 1 < nw && past_form(s, w, i1 + 1) &&
                     !clause_break_semi(s, w[i1].end, w[i1 + 1].start);
    for (size_t back = 0, j = i0; j > 0 && back < 16; back++) {
        j--;
        if (j + 1 < nw && clause_break_semi(s, w[j].end, w[j + 1].start)) break;
        if (WORD_IN(s, w, j, CLAUSE_OPENERS)) break;
        /* "beyond Thursday" bounds a state as "until" does: ahead unless a past verb governs it */
        if (word_at(s, w, j, "until") || word_at(s, w, j, "till") || word_at(s, w, j, "bis") ||
            (word_at(s, w, j, "beyond") && j + 1 == i0)) {
            until = true;
            continue;
        }
        if (wont_at(s, n, w, nw, j)) return 1;
        if (word_at(s, w, j, "ahead") && j + 1 < nw && word_at(s, w, j + 1, "of")) return 1;
        if ((word_at(s, w, j, "later") || word_at(s, w, j, "upcoming")) && j + 1 == i0) return 1;
        if (word_at(s, w, j, "to") && j > 0 && j + 1 < i0 && infinitive_after(s, w, j)) {
            /* "to VERB ... <phrase>": the infinitive's time, ahead after a plan */
            bool cause = word_at(s, w, j - 1, "due") && !(j > 1 && WORD_IN(s, w, j - 2, DUE_AFTER));
            if (!cause && (WORD_IN(s, w, j - 1, COMMIT_TO) || WORD_IN(s, w, j - 1, FUTURE_CUES)))
                return past_next ? -1 : 1;
            if (!cause && expect_object_to(s, w, j)) return past_next ? -1 : 1;
            continue;
        }
        if (word_at(s, w, j, "set") && j + 1 < nw &&
            (word_at(s, w, j + 1, "for") || word_at(s, w, j + 1, "to")))
            return 1; /* "set for mid-November", "is set to open" */
        if (word_at(s, w, j, "set") || word_at(s, w, j, "is") || word_at(s, w, j, "are") ||
            word_at(s, w, j, "am")) {
            if (until) return 1;
            continue;
        }
        /* "is holding a meeting from Wednesday": the present of an arrangement */
        size_t len = w[j].end - w[j].start;
        if (j > 0 && len > 4 && word_is(s + w[j].end - 3, 3, "ing") &&
            (word_at(s, w, j - 1, "is") || word_at(s, w, j - 1, "are") || word_at(s, w, j - 1, "am")))
            return 1;
        if (WORD_IN(s, w, j, NOUN_CUES)) continue;
        if (word_at(s, w, j, "due") && !(j > 0 && WORD_IN(s, w, j - 1, DUE_AFTER))) continue;
        if (WORD_IN(s, w, j, FUTURE_CUES)) return 1;
        if (past_form(s, w, j)) return conditional_past(s, w, nw, j) ? 1 : -1;
        if (WORD_IN(s, w, j, COPULA_NOW) && until) return 1;
        if (schedule_now(s, w, j)) return 1;
    }
    if (until) return 1;
    /* the phrase opens its clause: the first tensed word after it (a modal; a
     * plan word after the phrase is no plan of its day: "a year later than
     * planned") */
    if (i1 + 1 < nw && clause_break_semi(s, w[i1].end, w[i1 + 1].start)) return 0;
    for (size_t j = i1 + 1, fwd = 0; j < nw && fwd < 8; j++, fwd++) {
        if (word_at(s, w, j, "to")) { /* an infinitive: its verb is untensed */
            j++, fwd++;
            continue;
        }
        if (wont_at(s, n, w, nw, j)) return 1;
        if (WORD_IN(s, w, j, MODALS)) return 1;
        if (past_form(s, w, j)) return -1;
        if (j + 1 < nw && clause_break_semi(s, w[j].end, w[j + 1].start)) break;
    }
    return 0;
}

/* U+2018, U+2019, U+201C, U+201D at s[i]: curly quotes and the apostrophe
 * part words ("Tuesday\u2019s", "won\u2019t", "\u201cMonday\u201d"), as their ASCII
 * forms do; other bytes >= 0x80 are letters. */
static bool curly_at(const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    return i + 2 < n && u[i] == 0xE2 && u[i + 1] == 0x80 &&
           (u[i + 2] == 0x98 || u[i + 2] == 0x99 || u[i + 2] == 0x9C || u[i + 2] == 0x9D);
}

static size_t split_words(const char *s, size_t n, word *w, size_t cap)
{
    size_t nw = 0, i = 0;
    while (i < n && nw < cap) {
        while (i < n && ((!is_letter((unsigned char)s[i]) && !is_digit((unsigned char)s[i])) ||
                         curly_at(s, n, i)))
            i += curly_at(s, n, i) ? 3 : 1;
        size_t st = i;
        while (i < n && (is_letter((unsigned char)s[i]) || is_digit((unsigned char)s[i])) &&
               !curly_at(s, n, i))
            i++;
        if (i > st) w[nw++] = (word){st, i};
    }
    return nw;
}

static bool overlaps(const pst_when *out, size_t k, size_t a, size_t b)
{
    for (size_t i = 0; i < k; i++)
        if (a < out[i].end && out[i].start < b) return true;
    return false;
}

static void push(pst_when *out, size_t *k, size_t cap, pst_when w)
{
    if (*k >= cap || overlaps(out, *k, w.start, w.end)) return;
    /* keep text order */
    size_t i = *k;
    while (i > 0 && out[i - 1].start > w.start) {
        out[i] = out[i - 1];
        i--;
    }
    out[i] = w;
    (*k)++;
}

static pst_when day_when(int64_t day, size_t a, size_t b, bool relative)
{
    return (pst_when){day, day, PST_DAY, relative, a, b, false, false, -1, false, false, false};
}

static pst_when month_when(int y, int m, size_t a, size_t b, bool relative)
{
    int ny = m == 12 ? y + 1 : y, nm = m == 12 ? 1 : m + 1;
    return (pst_when){pst_days_from_civil(y, m, 1), pst_days_from_civil(ny, nm, 1) - 1, PST_MONTH,
                     relative, a, b, false, false, -1, false, false, false};
}

static pst_when year_when(int y, size_t a, size_t b, bool relative)
{
    return (pst_when){pst_days_from_civil(y, 1, 1), pst_days_from_civil(y, 12, 31), PST_YEAR,
                     relative, a, b, false, false, -1, false, false, false};
}

/* "overnight" as an adverb ("was refloated overnight and towed"), not an
 * adjective ("an overnight ferry", "overnight stays"): not after a
 * determiner, and at the end of its clause or before a word that opens
 * another phrase. */
static bool overnight_adverb(const char *s, size_t n, const word *w, size_t nw, size_t i)
{
    static const char *const NEXT[] = {"and", "after", "to", "on", "in", "at", "from", "by", "as",
                                       "when", "while", "before", "but", "into", "with", "near", "off"};
    /* "three were kept overnight", "housed 120 people overnight": how long, not when */
    static const char *const STAY[] = {"kept", "keep", "stay", "stays", "stayed", "housed", "held",
                                       "spent", "spend", "remained", "remain", "detained", "sheltered",
                                       "slept", "open", "parked", "left"};
    if (i > 0 && WORD_IN(s, w, i - 1, DETERMINERS)) return false;
    for (size_t j = i > 4 ? i - 4 : 0; j < i; j++)
        if (WORD_IN(s, w, j, STAY)) return false;
    if (i + 1 >= nw) return true;
    for (size_t c = w[i].end; c < w[i + 1].start && c < n; c++)
        if (s[c] == ',' || s[c] == '.' || s[c] == ';' || s[c] == ':') return true;
    return WORD_IN(s, w, i + 1, NEXT);
}

/* "Tuesday's vote": the day names an event. As the object of a verb the
 * verb tells what came of it ("should not use Friday's bombing as an
 * excuse"), not when it was: past unless "upcoming". After a preposition
 * ("at Sunday's summit", "ahead of Monday's session") the verb's tense
 * holds. */
static const char *const EVENT_PREPS[] = {"at", "for", "after", "before", "until", "during",
                                          "of", "in", "on", "by", "till"};
static bool possessive_at(const char *s, size_t n, const word *w, size_t nw, size_t i)
{
    if (i + 1 >= nw || !word_at(s, w, i + 1, "s")) return false;
    return apostrophe_at(s, n, w[i].end);
}

/* Verbs whose object had not happened yet: "called off Thursday's strike",
 * "postponed Monday's vote". */
static const char *const FORESTALL_VERBS[] = {"cancelled", "canceled", "cancels", "cancel",
                                              "postponed", "postpones", "postpone", "scrapped",
                                              "averted", "delayed", "suspended", "axed"};
static const char *const CALL_FORMS[] = {"called", "calls", "call", "calling"};

/* "the club said Saturday's home game would not go ahead": the possessive
 * opens its clause (after a report verb, "that", or the sentence's start), so
 * the clause's own verb tells: the first modal or past form after it. 0 when
 * it is no subject, or no verb says. */
static const char *const SUBJECT_AFTER[] = {"said", "says", "that", "announced", "confirmed", "warned"};
static int possessive_subject_tense(const char *s, const word *w, size_t nw, size_t i)
{
    if (i > 0 && !WORD_IN(s, w, i - 1, SUBJECT_AFTER)) return 0;
    for (size_t j = i + 2; j < nw && j < i + 8; j++) {
        if (WORD_IN(s, w, j, MODALS)) return 1;
        if (past_form(s, w, j)) return -1;
    }
    return 0;
}

/* "the home match on Saturday has been postponed", "Friday's vote was called
 * off": what the clause's verb forestalls had not happened yet. A forestalling
 * verb within the next six words, no clause break between. */
static bool forestalled_after(const char *s, const word *w, size_t nw, size_t i)
{
    for (size_t j = i + 1; j < nw && j <= i + 6; j++) {
        if (clause_break(s, w[j - 1].end, w[j].start)) return false;
        if (WORD_IN(s, w, j, FORESTALL_VERBS)) return true;
        if (j + 1 < nw && WORD_IN(s, w, j, CALL_FORMS) && word_at(s, w, j + 1, "off")) return true;
    }
    return false;
}

static bool possessive_future(const char *s, size_t n, const word *w, size_t nw, size_t i)
{
    if (i > 0 && WORD_IN(s, w, i - 1, FORESTALL_VERBS)) return true;
    int subj = possessive_subject_tense(s, w, nw, i);
    if (subj) return subj > 0;
    if (i > 1 && word_at(s, w, i - 1, "off") && WORD_IN(s, w, i - 2, CALL_FORMS)) return true;
    return i > 0 && (word_at(s, w, i - 1, "upcoming") ||
                     (WORD_IN(s, w, i - 1, EVENT_PREPS) && phrase_tense(s, n, w, nw, i, i) > 0));
}

/* Tense of the clause around the byte span [a, b) of s. */
static int span_tense(const char *s, size_t n, const word *w, size_t nw, size_t a, size_t b)
{
    size_t i0 = 0;
    while (i0 < nw && w[i0].start < a) i0++;
    size_t i1 = i0;
    while (i1 + 1 < nw && w[i1 + 1].end <= b) i1++;
    if (i0 >= nw) return 0;
    return phrase_tense(s, n, w, nw, i0, i1);
}

/* The day the news was told, not its event: a report verb governing the
 * phrase w[i0..i1] — "the council said on Monday", "told reporters on
 * Monday", "said Monday", or "On Monday, the council said ..." — with only
 * the words of the telling between ("in a statement", "reporters"). */
static const char *const REPORT_VERBS[] = {"said", "says", "told", "tells", "stated", "added", "wrote",
                                           "reported", "explained", "insisted", "sagte", "erklärte"};
static const char *const TELLING_FILLER[] = {"on", "in", "a", "an", "the", "at", "late", "early",
                                             "statement", "interview", "reporters", "journalists",
                                             "them", "him", "her", "us", "briefing", "news",
                                             "conference", "press", "written", "am", "later"};
static bool told_on(const char *s, const word *w, size_t nw, size_t i0, size_t i1)
{
    for (size_t back = 0, j = i0; j > 0 && back < 6; back++) {
        j--;
        if (clause_break_semi(s, w[j].end, w[j + 1].start)) break;
        if (WORD_IN(s, w, j, REPORT_VERBS)) return true;
        if (!WORD_IN(s, w, j, TELLING_FILLER)) break;
    }
    /* "On Monday, the council said ...": the phrase opens the sentence */
    size_t first = i0;
    if (first > 0 && word_at(s, w, first - 1, "on")) first--;
    if (first != 0) return false;
    for (size_t j = i1 + 1, fwd = 0; j < nw && fwd < 5; j++, fwd++) {
        if (WORD_IN(s, w, j, REPORT_VERBS)) return true;
        if (past_form(s, w, j) || WORD_IN(s, w, j, MODALS)) return false;
    }
    return false;
}

/* "still" (or "continued") among the few words before word i, within its
 * clause: "was still burning last night" dates a state, not its event. */
static bool still_before(const char *s, const word *w, size_t i)
{
    for (size_t back = 0, j = i; j > 0 && back < 5; back++) {
        j--;
        if (clause_break_semi(s, w[j].end, w[j + 1].start)) break;
        if (word_at(s, w, j, "still") || word_at(s, w, j, "continued") || word_at(s, w, j, "continuing"))
            return true;
    }
    return false;
}

/* Word i before a weekday: -1 "last", +1 "next", 2 "this", 0 none. */
static int weekday_modifier(const char *s, const word *w, size_t i)
{
    if (word_at(s, w, i, "last") || word_at(s, w, i, "letzten") || word_at(s, w, i, "vergangenen"))
        return -1;
    if (word_at(s, w, i, "next") || word_at(s, w, i, "nächsten") || word_at(s, w, i, "kommenden"))
        return 1;
    if (word_at(s, w, i, "this") || word_at(s, w, i, "diesen")) return 2;
    return 0;
}

/* A count before "ago": "a", "one" ... "twelve", or digits (1..999); 0 when none. */
static int count_word(const char *s, const word *w, size_t i)
{
    static const char *const NUM[] = {"a",     "one",  "two", "three", "four",   "five",  "six",
                                      "seven", "eight", "nine", "ten", "eleven", "twelve"};
    const char *p = s + w[i].start;
    size_t len = w[i].end - w[i].start;
    if (word_is(p, len, "an")) return 1;
    for (int k = 0; k < (int)(sizeof NUM / sizeof *NUM); k++)
        if (word_is(p, len, NUM[k])) return k == 0 ? 1 : k;
    if (len > 3) return 0;
    int v = 0;
    for (size_t k = 0; k < len; k++) {
        if (!is_digit((unsigned char)p[k])) return 0;
        v = v * 10 + (p[k] - '0');
    }
    return v;
}

static const char *const MONTH_EN[12] = {"january", "february", "march",     "april",
                                         "may",     "june",     "july",      "august",
                                         "september", "october", "november", "december"};
static const char *const MONTH_DE[12] = {"januar",    "februar", "märz",     "april",
                                         "mai",       "juni",    "juli",     "august",
                                         "september", "oktober", "november", "dezember"};
/* Words before a month name that make it a time ("in April", "mid-April",
 * "since May"), so "April Lane" and "May said" stay names. */
static const char *const MONTH_LEADS[] = {"in",     "by",   "until", "since", "from", "early",
                                          "late",   "mid",  "through", "before", "after", "end",
                                          "im",     "seit", "bis",   "ab",    "anfang", "ende",
                                          "mitte"};

/* 1..12 for a capitalised month name, else 0. */
static int month_of(const char *s, size_t n)
{
    if (n < 3 || !(s[0] >= 'A' && s[0] <= 'Z')) return 0;
    for (int i = 0; i < 12; i++)
        if (word_is(s, n, MONTH_EN[i]) || word_is(s, n, MONTH_DE[i])) return i + 1;
    return 0;
}

/* Relative pronouns: a clause they open after a comma ("The plant, which
 * opened in 2009, ...", "Dowell, who toured the site on Monday, said ...")
 * describes a noun of the sentence; its date is background to the event the
 * main verb tells. */
static const char *const RELATIVES[] = {"which", "who", "whom", "whose"};

/* "The warehouse opened in 2009 on land leased from the port": the describing
 * verb w[p] is the sentence's own verb — a subject before it with no break,
 * no verb and no relative pronoun, and no auxiliary or modal after the year
 * in its clause ("A plant built in 1990 was shut" is background; so are
 * "Born in 1950, he ..." and "The firm, founded in 1990, ..."). */
static bool main_verb_at(const char *s, const word *w, size_t nw, size_t p, size_t year)
{
    if (p == 0) return false;
    for (size_t j = 0; j < p; j++) {
        if (clause_break(s, w[j].end, w[j + 1].start)) return false;
        if (past_form(s, w, j) || WORD_IN(s, w, j, MODALS) || WORD_IN(s, w, j, RELATIVES)) return false;
    }
    for (size_t j = year + 1; j < nw; j++) {
        if (clause_break(s, w[j - 1].end, w[j].start)) break;
        if (WORD_IN(s, w, j, PAST_AUX) || WORD_IN(s, w, j, MODALS)) return false;
    }
    return true;
}

static bool describing_year(const char *s, const word *w, size_t nw, size_t i)
{
    /* w[i] is the year, w[i - 1] "in"; "set up in" has "up" between */
    if (i < 2) return false;
    size_t p = i - 2;
    if (word_is(s + w[p].start, w[p].end - w[p].start, "up") && p > 0) p--;
    if (!WORD_IN(s, w, p, DESCRIBING)) return false;
    if (p > 0 && WORD_IN(s, w, p - 1, AUXILIARIES)) return false;
    return !main_verb_at(s, w, nw, p, i);
}

/* Is the reference at byte start inside such a clause: the clause holding it
 * (back to the last break) opens with a relative pronoun right after a comma?
 * 0 no, 1 yes, 2 yes and its verb describes its noun's making
 * ("which opened in 2009", "which was founded in 1987": background, never
 * an event of the story; "the council, which met on the 14th, has asked":
 * the meeting is one, when no other date of the sentence is). */
static int relative_clause_ref(const char *s, const word *w, size_t nw, size_t start)
{
    size_t j = 0;
    while (j < nw && w[j].end <= start) j++; /* words before the reference: w[0..j) */
    size_t ref = j;
    while (j > 0) {
        j--;
        size_t gap_end = j + 1 < nw ? w[j + 1].start : start;
        if (clause_break(s, w[j].end, gap_end)) {
            size_t o = j + 1; /* the clause's first word */
            if (o >= nw || w[o].start >= start || !WORD_IN(s, w, o, RELATIVES)) return 0;
            bool comma = false;
            for (size_t g = w[j].end; g < w[o].start; g++) comma |= s[g] == ',';
            if (!comma) return 0;
            /* the describing verb governs the reference: at most three words
             * between ("which founded the company in 1994"; not "which opened a debate
             * on the Dec. 21, 1988 bombing") */
            for (size_t q = ref > o + 5 ? ref - 4 : o + 1; q < ref; q++)
                if (WORD_IN(s, w, q, DESCRIBING)) return 2;
            return 1;
        }
    }
    return 0;
}

/* Does the reference at byte start open with "from" or "starting" ("to ban
 * fertiliser storage from next month", "starting on Monday")? It dates when
 * something takes effect: another event than the decision the sentence tells
 * on its day. "as from" and "with effect from" end on "from". */
static bool from_ref(const char *s, const word *w, size_t nw, size_t start)
{
    size_t j = 0;
    while (j < nw && w[j].end <= start) j++; /* words before the reference: w[0..j) */
    /* "from next month", "from Monday", "starting on Monday", "from 1 April" */
    for (size_t q = j; q > 0 && q + 2 > j; q--) {
        if (word_at(s, w, q - 1, "from") || word_at(s, w, q - 1, "starting")) return true;
        if (!word_at(s, w, q - 1, "on")) break;
    }
    /* "will not be allowed home before Friday", "won't reopen before
     * Tuesday": the first day it may happen, as "from Friday" is */
    if (j > 0 && word_at(s, w, j - 1, "before"))
        for (size_t q = j - 1, back = 0; q > 0 && back < 8; back++) {
            q--;
            if (clause_break_semi(s, w[q].end, w[q + 1].start)) break;
            bool nt = word_at(s, w, q, "t") && w[q].start > 0 &&
                      (s[w[q].start - 1] == '\'' || (unsigned char)s[w[q].start - 1] == 0x99);
            if (nt || word_at(s, w, q, "not") || word_at(s, w, q, "never") || word_at(s, w, q, "cannot"))
                return true;
        }
    return false;
}

size_t pst_find_when(const char *s, size_t n, const pt_date *pub, pst_when *out, size_t cap)
{
    size_t k = 0;
    bool have_pub = pub && pub->year > 0 && pub->month > 0 && pub->day > 0;
    int64_t pub_day = have_pub ? pst_days_from_civil(pub->year, pub->month, pub->day) : 0;

    word w[512];
    size_t nw = split_words(s, n, w, sizeof w / sizeof *w);

    /* Absolute dates first: they win over any relative reading of the same words. */
    size_t off = 0;
    while (off < n && k < cap) {
        pt_date d;
        if (!pt_date_find(s + off, n - off, have_pub ? pub->year : 0, &d)) break;
        size_t a = off + d.start, b = off + d.end;
        off = b > off ? b : off + 1;
        if (d.year <= 0 || d.month <= 0) continue;
        /* the bounds of a bare year below: "March 3, 2999" is no event's date */
        if (d.year < 1800 || d.year > (have_pub ? pub->year + 5 : 2100)) continue;
        if (d.day > 0) {
            /* "on 03/04/2024" with no weekday to settle it: the reading nearer
             * the publication day (a tie, or no publication date: month first) */
            pt_date other;
            if (d.ambiguous && have_pub && pt_date_other_reading(&d, &other)) {
                int64_t d1 = pst_days_from_civil(d.year, d.month, d.day);
                int64_t d2 = pst_days_from_civil(other.year, other.month, other.day);
                int64_t e1 = d1 > pub_day ? d1 - pub_day : pub_day - d1;
                int64_t e2 = d2 > pub_day ? d2 - pub_day : pub_day - d2;
                /* a past verb wants the reading not after publication, when one is */
                if ((d1 > pub_day) != (d2 > pub_day) && span_tense(s, n, w, nw, a, b) < 0) {
                    e1 = d1 > pub_day ? INT64_MAX : e1;
                    e2 = d2 > pub_day ? INT64_MAX : e2;
                }
                if (e2 < e1 && e2 <= 92) d.month = other.month, d.day = other.day; /* far both: month first */
            }
            int64_t day = pst_days_from_civil(d.year, d.month, d.day);
            /* A year filled in from publication must not land well after it,
             * nor, when the verb is future ("will reopen on January 12"), over
             * a month before it ("was due Oct. 1" in late October stays). */
            bool explicit_year = false;
            for (size_t i = a; i + 4 <= b; i++)
                if (is_digit((unsigned char)s[i]) && is_digit((unsigned char)s[i + 1]) &&
                    is_digit((unsigned char)s[i + 2]) && is_digit((unsigned char)s[i + 3]))
                    explicit_year = true;
            bool year_by_weekday = false;
            if (have_pub && !explicit_year && d.weekday >= 0) {
                /* "on Tuesday, Dec. 30" with no year: the year around publication
                 * whose Dec. 30 is a Tuesday, the nearest such (a paper of Jan. 2
                 * means last December); none within a year: read as below */
                int64_t best = 0, best_dist = INT64_MAX;
                for (int y = pub->year - 1; y <= pub->year + 1; y++) {
                    if (d.day > pt_days_in_month(y, d.month) || pt_weekday_of(y, d.month, d.day) != d.weekday)
                        continue;
                    int64_t c = pst_days_from_civil(y, d.month, d.day);
                    int64_t dist = c > pub_day ? c - pub_day : pub_day - c;
                    if (dist < best_dist) best = c, best_dist = dist;
                }
                if (best_dist <= 200) day = best, year_by_weekday = true;
            }
            if (have_pub && !explicit_year && !year_by_weekday && d.year == pub->year &&
                (day > pub_day + 7 || day < pub_day - 7)) {
                bool future = span_tense(s, n, w, nw, a, b) > 0;
                if (day > pub_day + 7 && !future)
                    day = pst_days_from_civil(d.year - 1, d.month, d.day);
                else if (day < pub_day - 31 && future &&
                         pt_days_in_month(d.year + 1, d.month) >= d.day)
                    day = pst_days_from_civil(d.year + 1, d.month, d.day);
            }
            pst_when dw = day_when(day, a, b, false);
            {
                size_t i0 = 0, i1;
                while (i0 < nw && w[i0].start < a) i0++;
                for (i1 = i0; i1 + 1 < nw && w[i1 + 1].end <= b; i1++) {}
                dw.aside = i0 < nw && told_on(s, w, nw, i0, i1);
            }
            dw.weekday = (signed char)d.weekday;
            dw.weekday_mismatch = d.weekday_mismatch;
            if (d.weekday >= 0 && d.year_filled && !year_by_weekday) /* no year near publication fits it */
                dw.weekday_mismatch = pst_weekday(day) != d.weekday;
            /* "3–5 May", "3-5 May 2024", "from 3 to 5 May", "between 3 and 5 May",
             * "vom 3. bis 5. Mai": a day before the date's own, of its month */
            if (is_digit((unsigned char)s[a]) && d.hour < 0) {
                size_t g = a;
                while (g > 0 && s[g - 1] == ' ') g--;
                size_t h = g;
                bool dash = false, word_join = false, between = false;
                if (h > 0 && s[h - 1] == '-') h--, dash = true;
                else if (h >= 3 && pt_long_dash_at(s, n, h - 3)) h -= 3, dash = true;
                else {
                    while (h > 0 && is_letter((unsigned char)s[h - 1])) h--;
                    between = word_is(s + h, g - h, "and") || word_is(s + h, g - h, "und");
                    word_join = between || word_is(s + h, g - h, "to") || word_is(s + h, g - h, "through") ||
                                word_is(s + h, g - h, "until") || word_is(s + h, g - h, "till") ||
                                word_is(s + h, g - h, "bis");
                }
                while (h > 0 && s[h - 1] == ' ') h--;
                if (h > 0 && s[h - 1] == '.' && !dash) h--; /* "vom 3. bis" */
                size_t e = h, st = h;
                while (st > 0 && h - st < 2 && is_digit((unsigned char)s[st - 1])) st--;
                bool lone = st < e && !(st > 0 && (is_digit((unsigned char)s[st - 1]) || is_letter((unsigned char)s[st - 1]) ||
                                                  s[st - 1] == ',' || s[st - 1] == '.'));
                if (lone && word_join) { /* a worded join needs its opener: "from 3 to 5 May" */
                    size_t q = st;
                    while (q > 0 && s[q - 1] == ' ') q--;
                    size_t p0 = q;
                    while (p0 > 0 && is_letter((unsigned char)s[p0 - 1])) p0--;
                    lone = between ? word_is(s + p0, q - p0, "between") || word_is(s + p0, q - p0, "zwischen")
                                   : word_is(s + p0, q - p0, "from") || word_is(s + p0, q - p0, "vom") ||
                                         word_is(s + p0, q - p0, "von");
                }
                if (lone && (dash || word_join)) {
                    int d1 = 0;
                    for (size_t q = st; q < e; q++) d1 = d1 * 10 + (s[q] - '0');
                    if (d1 >= 1 && d1 < d.day && !overlaps(out, k, st, a)) {
                        dw.first_day = day - (d.day - d1);
                        dw.precision = PST_WEEK;
                        dw.start = st;
                    }
                }
            }
            /* "May 3-5", "May 3–5": the days of one month, a range */
            size_t q = b + (b < n && s[b] == '-' ? 1 : pt_long_dash_at(s, n, b) ? 3 : 0);
            int d2 = 0;
            size_t r = q;
            while (r < n && r < q + 2 && is_digit((unsigned char)s[r])) d2 = d2 * 10 + (s[r++] - '0');
            if (q > b && r > q && d.hour < 0 && !(r < n && (is_digit((unsigned char)s[r]) || is_letter((unsigned char)s[r]))) &&
                !(r + 1 < n && (s[r] == ',' || s[r] == '.') && is_digit((unsigned char)s[r + 1])) && d2 > d.day) {
                int yy, mm, dd;
                pst_civil_from_days(day, &yy, &mm, &dd);
                /* "May 3-5, 2024": the year after the range is the range's */
                size_t t = r < n && s[r] == ',' ? r + 1 : r;
                while (t < n && s[t] == ' ') t++;
                int printed = 0;
                size_t t_end = t;
                while (t_end < n && t_end < t + 4 && is_digit((unsigned char)s[t_end]))
                    printed = printed * 10 + (s[t_end++] - '0');
                if (t > r && t_end == t + 4 && !(t_end < n && (is_digit((unsigned char)s[t_end]) || is_letter((unsigned char)s[t_end]))) &&
                    printed >= 1800 && printed <= (have_pub ? pub->year + 5 : 2100) && !explicit_year &&
                    d2 <= pt_days_in_month(printed, mm)) {
                    yy = printed;
                    day = pst_days_from_civil(yy, mm, dd);
                    dw.first_day = day;
                    dw.weekday_mismatch = d.weekday >= 0 && pst_weekday(day) != d.weekday;
                    r = t_end;
                }
                if (d2 <= pt_days_in_month(yy, mm)) {
                    dw.last_day = day + (d2 - dd);
                    dw.precision = PST_WEEK;
                    dw.end = r;
                    off = r > off ? r : off;
                }
            }
            push(out, &k, cap, dw);
        } else {
            push(out, &k, cap, month_when(d.year, d.month, a, b, false));
        }
    }

    for (size_t i = 0; i < nw && k < cap; i++) {
        const char *p = s + w[i].start;
        size_t len = w[i].end - w[i].start;
        /* "in 2017", "im Jahr 2017": a bare year after a preposition. */
        if (len == 4 && is_digit((unsigned char)p[0]) && i > 0 &&
            (word_is(s + w[i - 1].start, w[i - 1].end - w[i - 1].start, "in") ||
             word_is(s + w[i - 1].start, w[i - 1].end - w[i - 1].start, "since") ||
             word_is(s + w[i - 1].start, w[i - 1].end - w[i - 1].start, "jahr") ||
             word_is(s + w[i - 1].start, w[i - 1].end - w[i - 1].start, "seit"))) {
            int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
            int latest = have_pub ? pub->year + 5 : 2100;
            bool digit_follows = w[i].end < n && (s[w[i].end] == ',' || s[w[i].end] == '.') &&
                                 w[i].end + 1 < n && is_digit((unsigned char)s[w[i].end + 1]);
            if (y >= 1800 && y <= latest && !digit_follows && !describing_year(s, w, nw, i))
                push(out, &k, cap, year_when(y, w[i].start, w[i].end, false));
            continue;
        }
        if (!have_pub) continue;
        int wd = weekday_of(p, len);
        if (wd >= 0) {
            int delta = wd - pst_weekday(pub_day); /* this week's day relative to publication */
            int64_t day;
            size_t a = w[i].start;
            int mod = i > 0 ? weekday_modifier(s, w, i - 1) : 0;
            if (mod != 0) a = w[i - 1].start;
            if (mod == -1) { /* "last Tuesday": before the day of publication */
                day = pub_day + (delta < 0 ? delta : delta - 7);
            } else if (mod == 1) { /* "next Tuesday": after it */
                day = pub_day + (delta > 0 ? delta : delta + 7);
            } else if (mod == 2) { /* "this Tuesday": the publication's week */
                day = pub_day + delta;
            } else {
                /* The governing verb's tense picks the week: "will meet on Friday"
                 * ahead, "decided on Tuesday to close" back. Wire style names the
                 * day even for the day of publication: "will meet on Tuesday" in
                 * Tuesday's paper is that day. */
                bool future = possessive_at(s, n, w, nw, i) ? possessive_future(s, n, w, nw, i)
                                                            : phrase_tense(s, n, w, nw, i, i) > 0 ||
                                                                  forestalled_after(s, w, nw, i);
                if (future) day = pub_day + (delta >= 0 ? delta : delta + 7);
                else day = pub_day + (delta <= 0 ? delta : delta - 7);
                /* "a week from Friday": the coming Friday, a week on */
                if (i >= 3 && word_at(s, w, i - 1, "from") && word_at(s, w, i - 2, "week") &&
                    (word_at(s, w, i - 3, "a") || word_at(s, w, i - 3, "one"))) {
                    day = pub_day + (delta >= 0 ? delta : delta + 7) + 7;
                    a = w[i - 3].start;
                }
            }
            pst_when wd_when = day_when(day, a, w[i].end, true);
            wd_when.possessive = possessive_at(s, n, w, nw, i);
            wd_when.aside = wd_when.possessive || told_on(s, w, nw, i, i);
            push(out, &k, cap, wd_when);
            continue;
        }
        /* "two days ago", "a week ago": counted back from publication */
        if (word_is(p, len, "ago") && i >= 2) {
            int cnt = count_word(s, w, i - 2);
            const char *u = s + w[i - 1].start;
            size_t ul = w[i - 1].end - w[i - 1].start;
            size_t a = w[i - 2].start, b = w[i].end;
            if (cnt > 0) {
                if (word_is(u, ul, "day") || word_is(u, ul, "days")) {
                    push(out, &k, cap, day_when(pub_day - cnt, a, b, true));
                } else if ((word_is(u, ul, "week") || word_is(u, ul, "fortnight")) && cnt == 1) {
                    /* "a week ago", "a fortnight ago": back to the day */
                    push(out, &k, cap, day_when(pub_day - (word_is(u, ul, "week") ? 7 : 14), a, b, true));
                } else if (word_is(u, ul, "weeks") || word_is(u, ul, "fortnights")) {
                    int64_t then = pub_day - 7 * (int64_t)cnt * (word_is(u, ul, "weeks") ? 1 : 2);
                    int64_t monday = then - pst_weekday(then);
                    push(out, &k, cap, (pst_when){monday, monday + 6, PST_WEEK, true, a, b, false, false, -1, false, false, false});
                } else if (word_is(u, ul, "month") || word_is(u, ul, "months")) {
                    int mm = pub->month - 1 - cnt; /* months since January of pub's year */
                    int y = pub->year + (mm >= 0 ? mm / 12 : -((-mm + 11) / 12));
                    int m = ((mm % 12) + 12) % 12 + 1;
                    push(out, &k, cap, month_when(y, m, a, b, true));
                } else if (word_is(u, ul, "year") || word_is(u, ul, "years")) {
                    push(out, &k, cap, year_when(pub->year - cnt, a, b, true));
                }
            }
            continue;
        }
        /* "in April", "in early December": a month with no year, the nearest one
         * not after publication (or not before it when the verb is future) */
        int mo = month_of(p, len);
        /* "until at least October", "by at least March": the lead before "at least";
         * "by the end of March", "at the start of May": the lead before "the end of" */
        size_t lead = i >= 3 && word_at(s, w, i - 1, "least") && word_at(s, w, i - 2, "at") ? i - 3 : i - 1;
        bool part_of = i >= 4 && word_at(s, w, i - 1, "of") && word_at(s, w, i - 3, "the") &&
                       (word_at(s, w, i - 2, "end") || word_at(s, w, i - 2, "start") ||
                        word_at(s, w, i - 2, "beginning") || word_at(s, w, i - 2, "middle"));
        if (part_of) lead = i - 4;
        if (mo > 0 && i > 0 && (WORD_IN(s, w, lead, MONTH_LEADS) || (part_of && word_at(s, w, lead, "at"))) &&
            !(i + 1 < nw && is_digit((unsigned char)s[w[i + 1].start]) &&
              w[i + 1].start - w[i].end <= 2)) {
            size_t a = w[i].start;
            bool future = possessive_at(s, n, w, nw, i) ? possessive_future(s, n, w, nw, i)
                                                        : phrase_tense(s, n, w, nw, i, i) > 0;
            int y = pub->year;
            if (future) y += mo < pub->month;
            else y -= mo > pub->month;
            push(out, &k, cap, month_when(y, mo, a, w[i].end, true));
            continue;
        }
        /* "the day before yesterday", "the day after tomorrow": two days */
        bool two = i >= 2 && word_at(s, w, i - 2, "day") &&
                   (word_at(s, w, i - 1, "before") || word_at(s, w, i - 1, "after"));
        size_t a0 = two ? w[i - 2].start : w[i].start;
        if (word_is(p, len, "yesterday") || word_is(p, len, "gestern")) {
            push(out, &k, cap, day_when(pub_day - (two ? 2 : 1), a0, w[i].end, true));
        } else if (word_is(p, len, "vorgestern")) {
            push(out, &k, cap, day_when(pub_day - 2, w[i].start, w[i].end, true));
        } else if (word_is(p, len, "today") || word_is(p, len, "heute") || word_is(p, len, "tonight")) {
            push(out, &k, cap, day_when(pub_day, w[i].start, w[i].end, true));
        } else if (word_is(p, len, "overnight") && overnight_adverb(s, n, w, nw, i)) {
            /* "were brought ashore overnight": the night before publication, as "last night" */
            push(out, &k, cap, day_when(pub_day - 1, w[i].start, w[i].end, true));
        } else if (word_is(p, len, "tomorrow")) {
            push(out, &k, cap, day_when(pub_day + (two ? 2 : 1), a0, w[i].end, true));
        } else if (word_is(p, len, "übermorgen")) {
            push(out, &k, cap, day_when(pub_day + 2, w[i].start, w[i].end, true));
        } else if (i + 1 < nw && (word_is(p, len, "last") || word_is(p, len, "this") ||
                                  word_is(p, len, "next") || word_is(p, len, "letzte") ||
                                  word_is(p, len, "letzten") || word_is(p, len, "vergangene") ||
                                  word_is(p, len, "vergangenen") || word_is(p, len, "diese") ||
                                  word_is(p, len, "diesem") || word_is(p, len, "dieses") ||
                                  word_is(p, len, "kommende") || word_is(p, len, "kommenden") ||
                                  word_is(p, len, "nächste") || word_is(p, len, "nächsten"))) {
            const char *u = s + w[i + 1].start;
            size_t ul = w[i + 1].end - w[i + 1].start;
            int dir = (word_is(p, len, "last") || word_is(p, len, "letzte") ||
                       word_is(p, len, "letzten") || word_is(p, len, "vergangene") ||
                       word_is(p, len, "vergangenen"))
                          ? -1
                      : (word_is(p, len, "next") || word_is(p, len, "kommende") ||
                         word_is(p, len, "kommenden") || word_is(p, len, "nächste") ||
                         word_is(p, len, "nächsten"))
                          ? 1
                          : 0;
            size_t a = w[i].start, b = w[i + 1].end;
            if (dir == 0 && word_is(p, len, "this") && word_is(u, ul, "past") && i + 2 < nw) {
                /* "this past weekend": the one gone by */
                dir = -1;
                u = s + w[i + 2].start, ul = w[i + 2].end - w[i + 2].start, b = w[i + 2].end;
                if (!word_is(u, ul, "weekend") && !word_is(u, ul, "week")) continue;
            }
            if (dir == 0 && (word_is(u, ul, "morning") || word_is(u, ul, "afternoon") ||
                             word_is(u, ul, "evening"))) {
                /* "this afternoon": the publication day */
                push(out, &k, cap, day_when(pub_day, a, b, true));
            } else if (dir == -1 && (word_is(u, ul, "night") || word_is(u, ul, "evening"))) {
                /* "the last night of the fair", "on their last night" are no such day */
                if ((i > 0 && WORD_IN(s, w, i - 1, DETERMINERS)) || (i + 2 < nw && word_at(s, w, i + 2, "of")))
                    continue;
                /* "last night": the evening before the day of publication (a
                 * paper's reading, whatever its hour). A day aside when it dates a
                 * telling ("said last night") or a state still lasting ("was still
                 * burning last night"): another day of the sentence is its event. */
                pst_when ln = day_when(pub_day - 1, a, b, true);
                ln.aside = told_on(s, w, nw, i, i + 1) || still_before(s, w, i);
                push(out, &k, cap, ln);
            } else if (word_is(u, ul, "week") || word_is(u, ul, "woche")) {
                int64_t monday = pub_day - pst_weekday(pub_day) + 7 * dir, first = monday, last = monday + 6;
                /* "earlier this week": its days before publication; "later this week" those after */
                if (dir == 0 && i > 0 && word_at(s, w, i - 1, "earlier") && pub_day > monday)
                    first = monday, last = pub_day - 1, a = w[i - 1].start;
                else if (dir == 0 && i > 0 && word_at(s, w, i - 1, "later") && pub_day < monday + 6)
                    first = pub_day + 1, last = monday + 6, a = w[i - 1].start;
                push(out, &k, cap, (pst_when){first, last, first == last ? PST_DAY : PST_WEEK, true, a, b, false, false, -1, false, false, false});
            } else if (word_is(u, ul, "month") || word_is(u, ul, "monat")) {
                int y = pub->year, m = pub->month + dir;
                if (m < 1) m = 12, y--;
                if (m > 12) m = 1, y++;
                push(out, &k, cap, month_when(y, m, a, b, true));
            } else if (word_is(u, ul, "year") || word_is(u, ul, "jahr")) {
                push(out, &k, cap, year_when(pub->year + dir, a, b, true));
            } else if (word_is(u, ul, "weekend")) { /* Saturday and Sunday */
                int64_t sat = pub_day - pst_weekday(pub_day) + 5 + 7 * dir;
                push(out, &k, cap, (pst_when){sat, sat + 1, PST_WEEK, true, a, b, false, false, -1, false, false, false});
            }
        } else if (i + 2 < nw && word_is(p, len, "over") && word_at(s, w, i + 1, "the") &&
                   word_at(s, w, i + 2, "weekend")) {
            /* "over the weekend": the latest one (this one in a weekend paper),
             * the coming one when the verb is future */
            int pwd = pst_weekday(pub_day);
            int64_t sat = pub_day - pwd + 5;
            if (pwd < 5 && phrase_tense(s, n, w, nw, i, i + 2) <= 0) sat -= 7;
            push(out, &k, cap, (pst_when){sat, sat + 1, PST_WEEK, true, w[i].start, w[i + 2].end, false, false, -1, false, false, false});
        } else if (i >= 3 && (word_is(p, len, "month") || word_is(p, len, "year")) &&
                   word_at(s, w, i - 1, "the") && word_at(s, w, i - 2, "of") &&
                   (word_at(s, w, i - 3, "end") || word_at(s, w, i - 3, "start") ||
                    word_at(s, w, i - 3, "beginning") || word_at(s, w, i - 3, "middle"))) {
            /* "by the end of the month", "at the start of the year": the current one */
            size_t a = w[i - 3].start, b = w[i].end;
            if (word_is(p, len, "month")) push(out, &k, cap, month_when(pub->year, pub->month, a, b, true));
            else push(out, &k, cap, year_when(pub->year, a, b, true));
        }
    }
    /* "on the 4th": a day of the month with no month, the latest one on or
     * before publication (the first on or after it when the verb is future);
     * "on the 4th floor" is no date: only a clause end or a small joining
     * word may follow. */
    for (size_t i = 2; i < nw && k < cap && have_pub; i++) {
        static const char *const AFTER_ORD[] = {"at", "and", "when", "after", "before", "but", "while",
                                                "as", "in", "by", "with", "night", "morning", "evening",
                                                "afternoon"};
        const char *p = s + w[i].start;
        size_t len = w[i].end - w[i].start, dl = 0;
        while (dl < len && is_digit((unsigned char)p[dl])) dl++;
        /* "on the 14th", and the bounds "until the 28th", "by the 3rd", "before the 9th" */
        static const char *const ORD_LEADS[] = {"on", "until", "till", "by", "before", "after", "from", "since"};
        if (dl < 1 || dl > 2 || len != dl + 2 || !word_at(s, w, i - 1, "the") || !WORD_IN(s, w, i - 2, ORD_LEADS))
            continue;
        char a0 = (char)(p[dl] | 32), a1 = (char)(p[dl + 1] | 32);
        int dom = dl == 1 ? p[0] - '0' : (p[0] - '0') * 10 + (p[1] - '0');
        bool suffix_ok = (a0 == 's' && a1 == 't' && dom % 10 == 1 && dom != 11) ||
                         (a0 == 'n' && a1 == 'd' && dom % 10 == 2 && dom != 12) ||
                         (a0 == 'r' && a1 == 'd' && dom % 10 == 3 && dom != 13) ||
                         (a0 == 't' && a1 == 'h' && !(dom % 10 >= 1 && dom % 10 <= 3 && (dom < 10 || dom > 20)));
        if (!suffix_ok || dom < 1 || dom > 31) continue;
        size_t q = w[i].end;
        while (q < n && s[q] == ' ') q++;
        bool ends = q >= n || strchr(".,;:!?)", s[q]) || (i + 1 < nw && WORD_IN(s, w, i + 1, AFTER_ORD));
        if (!ends) continue;
        bool future = phrase_tense(s, n, w, nw, i - 1, i) > 0;
        int y = pub->year, m = pub->month;
        /* "adjourned until the 28th" in April 21's paper is April 28 and
         * "lasted until the 14th" April 14: a bound is the nearer one */
        if (word_at(s, w, i - 2, "until") || word_at(s, w, i - 2, "till")) future = dom - pub->day >= -15 && dom - pub->day < 15 ? dom > pub->day : dom < pub->day;
        bool step = future ? dom < pub->day : dom > pub->day; /* the month before, or after */
        for (int tries = 0; tries < 3 && (step || dom > pt_days_in_month(y, m)); tries++) {
            /* "on the 31st" in December 4's paper: October 31 (November has 30) */
            m += future ? 1 : -1;
            if (m < 1) m = 12, y--;
            if (m > 12) m = 1, y++;
            step = false;
        }
        if (dom > pt_days_in_month(y, m)) continue;
        push(out, &k, cap, day_when(pst_days_from_civil(y, m, dom), w[i - 1].start, w[i].end, true));
    }
    /* "from May 3 to May 5", "between Monday and Wednesday": one range of
     * days. The second day is not before the first: a yearless "Jan. 4"
     * after "Dec. 27" is the next January, and of two weekdays the first
     * is moved a week back (a week on, the second, when the verb is future). */
    for (size_t i = 0; i + 1 < k; i++) {
        pst_when *x = &out[i], *y = &out[i + 1];
        if (x->precision != PST_DAY || y->precision != PST_DAY) continue;
        size_t g = x->start;
        while (g > 0 && s[g - 1] == ' ') g--;
        size_t h = g;
        while (h > 0 && is_letter((unsigned char)s[h - 1])) h--;
        bool from = word_is(s + h, g - h, "from"), between = word_is(s + h, g - h, "between");
        /* only a joining word between the two */
        size_t u = x->end, v = y->start;
        while (u < v && (s[u] == ' ' || s[u] == ',')) u++;
        while (v > u && s[v - 1] == ' ') v--;
        /* "Feb. 28-March 2, 2024", "28 February–2 March": two printed dates a dash joins */
        bool dash_join = !x->relative && !y->relative &&
                         ((v - u == 1 && s[u] == '-') || (v - u == 3 && pt_long_dash_at(s, v, u)));
        if (!from && !between && !dash_join && !word_is(s + h, g - h, "von") && !word_is(s + h, g - h, "vom"))
            continue;
        bool join = between ? word_is(s + u, v - u, "and") || word_is(s + u, v - u, "und")
                            : word_is(s + u, v - u, "to") || word_is(s + u, v - u, "through") ||
                                  word_is(s + u, v - u, "thru") || word_is(s + u, v - u, "until") ||
                                  word_is(s + u, v - u, "till") || word_is(s + u, v - u, "bis") ||
                                  (v - u == 1 && s[u] == '-') || (v - u == 3 && pt_long_dash_at(s, v, u));
        if (!join) continue;
        int64_t first = x->first_day, last = y->first_day;
        bool yearless = !x->relative && !y->relative; /* the second date's year not printed */
        for (size_t q = y->start; q + 4 <= y->end && yearless; q++)
            if (is_digit((unsigned char)s[q]) && is_digit((unsigned char)s[q + 1]) &&
                is_digit((unsigned char)s[q + 2]) && is_digit((unsigned char)s[q + 3]))
                yearless = false;
        bool first_yearless = !x->relative;
        for (size_t q = x->start; q + 4 <= x->end && first_yearless; q++)
            if (is_digit((unsigned char)s[q]) && is_digit((unsigned char)s[q + 1]) &&
                is_digit((unsigned char)s[q + 2]) && is_digit((unsigned char)s[q + 3]))
                first_yearless = false;
        if (!yearless && first_yearless && !y->relative) {
            /* "Feb. 28-March 2, 2024", "Dec. 28-Jan. 2, 2025": the first takes the
             * second's year, or the year before when its month comes later */
            int y1, m1, d1, y2, m2, d2;
            pst_civil_from_days(first, &y1, &m1, &d1);
            pst_civil_from_days(last, &y2, &m2, &d2);
            int yr = m1 > m2 || (m1 == m2 && d1 > d2) ? y2 - 1 : y2;
            if (d1 <= pt_days_in_month(yr, m1)) first = pst_days_from_civil(yr, m1, d1);
        }
        if (yearless) {
            /* its year is the first date's (the tense moved it alone: "vom 3. Mai bis
             * 5. Mai" read "bis" as future), or the next across New Year only:
             * "from May 5 to May 3" is no range */
            int y1, m1, d1, yy, mm, dd;
            pst_civil_from_days(first, &y1, &m1, &d1);
            pst_civil_from_days(last, &yy, &mm, &dd);
            for (int yr = y1; yr <= y1 + 1; yr++) {
                if (dd > pt_days_in_month(yr, mm)) continue;
                int64_t c = pst_days_from_civil(yr, mm, dd);
                if (c > first) {
                    last = c - first <= 183 || yr == y1 ? c : last;
                    break;
                }
            }
        } else if (last < first && x->relative && y->relative && first - last < 7) {
            if (span_tense(s, n, w, nw, x->start, y->end) > 0) last += 7;
            else first -= 7;
        }
        if (last <= first || last - first > 366) continue;
        pst_when r = {first, last, PST_WEEK, x->relative || y->relative, x->start, y->end, false, false, -1, false, false, false};
        r.weekday_mismatch = x->weekday_mismatch || y->weekday_mismatch;
        *x = r;
        memmove(out + i + 1, out + i + 2, (k - i - 2) * sizeof *out);
        k--;
    }
    /* "the previous day", "the next day": counted from another day named in
     * the same sentence ("sank on Tuesday after a warning the previous day");
     * alone they count from an event the sentence does not date and stay
     * unresolved. */
    for (size_t i = 1; i < nw && k < cap && have_pub; i++) {
        if (!word_at(s, w, i, "day") || (i + 1 < nw && (word_at(s, w, i + 1, "yesterday") ||
                                                        word_at(s, w, i + 1, "tomorrow"))))
            continue;
        int step = 0;
        size_t a = w[i - 1].start, b = w[i].end;
        if (word_at(s, w, i - 1, "previous") || word_at(s, w, i - 1, "preceding")) step = -1;
        else if (word_at(s, w, i - 1, "next") || word_at(s, w, i - 1, "following")) step = 1;
        else if (i + 1 < nw && (word_at(s, w, i + 1, "before") || word_at(s, w, i + 1, "after")) &&
                 word_at(s, w, i - 1, "the") &&
                 /* "the day before the vote" counts from the vote */
                 (i + 2 >= nw || clause_break(s, w[i + 1].end, w[i + 2].start))) {
            step = word_at(s, w, i + 1, "before") ? -1 : 1;
            a = w[i - 1].start, b = w[i + 1].end;
        }
        if (!step) continue;
        /* the nearest day before it in the sentence, else the first after */
        const pst_when *anchor = NULL;
        for (size_t j = 0; j < k; j++)
            if (out[j].precision == PST_DAY && (!anchor || out[j].start < a)) anchor = &out[j];
        if (!anchor) continue;
        push(out, &k, cap, day_when(anchor->first_day + step, a, b, anchor->relative));
    }
    for (size_t i = 0; i < k; i++) {
        if (out[i].precision == PST_YEAR || out[i].precision == PST_MONTH)
            out[i].background = background_ref(s, w, nw, out[i].start);
        out[i].from = from_ref(s, w, nw, out[i].start);
        /* a relative clause's day gives way to the main clause's date, as a
         * day aside does; its making of a thing is background */
        int rel = relative_clause_ref(s, w, nw, out[i].start);
        if (rel == 2) out[i].background = true;
        else if (rel == 1 && !out[i].aside) out[i].aside = true, out[i].possessive = false;
    }
    return k;
}

size_t pst_when_iso(const pst_when *w, char *buf, size_t cap)
{
    int y, m, d, y2, m2, d2;
    pst_civil_from_days(w->first_day, &y, &m, &d);
    int n;
    switch (w->precision) {
    case PST_YEAR: n = snprintf(buf, cap, "%04d", y); break;
    case PST_MONTH: n = snprintf(buf, cap, "%04d-%02d", y, m); break;
    case PST_WEEK:
        pst_civil_from_days(w->last_day, &y2, &m2, &d2);
        n = snprintf(buf, cap, "%04d-%02d-%02d/%04d-%02d-%02d", y, m, d, y2, m2, d2);
        break;
    default: n = snprintf(buf, cap, "%04d-%02d-%02d", y, m, d);
    }
    return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}
