/* Sentence-level candidate filter: what is not article prose. Whole-line
 * classification of pasted pages is src/clean's job; this only keeps
 * sentences that no editor would print in a summary out of the selection. */
#include "summarize/summarize.h"

#include <string.h>
#include <strings.h>
#include <xxhash.h>

/* Lower-cased ASCII substrings that mark promotion, paywall, navigation,
 * social and credit lines. */
static const char *const DEBRIS_MARKS[] = {
    "whatsapp", "telegram channel", "newsletter", "subscribe to", "subscribe now", "sign up for",
    "register to", "register for", "please register", "full access", "articles this month",
    "article limit", "free articles", "donating today", "donate now", "make a donation",
    "every contribution", "support our journalism", "support us", "count on your support",
    "consider helping", "click here", "read more", "share this", "follow us on",
    "like this:", "cookies", "all rights reserved", "copyright ", "photo credit", "credit:",
    "photo:", "image:", "getty images", "(photo", "(ap photo", "/ap photo", "file photo",
    "advertisement", "related:", "scroll on", "loyal reader", "readers like you",
    "reader like you", "our mission", "terms of service", "privacy policy", "reporting by",
    "editing by", "contributed to this report", "delivered weekday mornings",
    /* embedded-tweet, video-player, alert and consent widgets */
    "tweet with a location", "tweet location history", "add this tweet", "legacy twitter",
    "media playback is unsupported", "rating is available when the video", "interactive transcript",
    "feature is not available right now", "please try again later", "javascript",
    "enable cookies", "breaking news emails", "breaking news alerts", "push notifications",
    "your notification", "email notifications", "verification email", "check your email",
    "log in to continue", "thank you for signing up", "invalid email", "presentation-ready copies",
    "reprints: this copy", "data protection law", "by clicking", "click prev or next",
    "just one more thing", "we have sent you", "we have sent a confirmation", "if you do not receive",
    "add as an interest", "check back soon", "earlier story is below", "if you are a current",
    "text size", "play facebook twitter", "you also agree to", "thank you for reading",
    "thank you for registering", "purchase a subscription", "subscription is required",
    "image caption", "media caption", "media playback is not supported", "toggle caption", "enlarge this image", "continue reading", "get the latest from",
    "get daily updates", "this material may not be", "watch queue", "already have an account",
    "personalize content", "learn more, including", "skip x embed", "zip code", "zipcode",
    "get digital access", "looking for news you can", "correction: an earlier version",
    "earlier version of this story", "previous version of this story",
    /* embedded tweets and page navigation as a scrape flattens them */
    "pic.twitter.com", "t.co/", "&#124;", "please click", "follow @",
    "first published:", "last updated:", "photo/video:", "view full caption", "ap photo/",
    /* web-archive crawl notices that stand in for a page the archive could not fetch */
    "webcrawl", "web crawl", "crawls are part of", "no more 404", "alexa internet",
    "pages that are referenced", "seed for this crawl", "crawl of outlinks", "web collections",
    "web captures", "wayback machine", "this crawl", "collaborative project",
    /* wire photo captions: "FILE - In this Jan. 5, 2016, file photo, ..." */
    "file - in this", "file -- in this",
    /* Round 6 (2026-12-02): what Multi-News training summaries at 250 words
     * still chose most often across clusters that is page furniture, not the
     * story: the embedded tweet's location notice, web-archive collection
     * notes, paywall, comment, sign-in and edition boxes, error pages, embed
     * codes (each phrase long enough not to occur in news prose) */
    "switch location on/off", "crawler software", "crawler configuration", "seedlist",
    "the seed list", "heritrix", "respected robots.txt", "archive-it",
    "these files are currently not publicly", "this is a breaking news update",
    "is reader supported", "page you requested",
    "try searching below", "as an interest to stay", "like to view this in our",
    "customized for our international audience", "internationale besucher",
    "pour notre public international", "sign in to update your profile",
    "thank you for your interest in spreading", "add digital access", "subscriber plus",
    "access to special features", "submitting your registration information",
    "fill in your registration information", "recommending the page", "next to all of your comments",
    "not use the in-app browser", "in-app browser intermittently", "owner of this article",
    "legal help page", "trouble locating a destination", "home page or look through",
    "if you need assistance, call us", "posting in the form of a question", "copying the code below",
    "appears to be a defect in the browser", "archive of our partner", "use my facebook information",
    "join this group to post", "join this group to see", "in your inbox:", "in your inbox every",
    "in your inbox!", "news in your inbox", "headlines in your inbox", "delivered to your inbox",
    "directly to your inbox", "straight to your inbox", "alerts sent to your inbox",
    "news sent to your inbox", "curated news and analysis", "scope of the crawl",
    "experimental crawl", "repeated crawls", "daily crawl of", "not have crawled", "will be crawled",
    "to feed urls", "submit selected web sites",
    "check the url for proper spelling", "try your search again", "do not capture any email",
    "occasional promotional offers", "digital subscription does not include", "check out our latest issue",
};

/* summarize.h: the one test of a quotation mark of the summarizer. */
size_t ps_quote_at(const char *s, size_t i, size_t len)
{
    if (s[i] == '"') return 1;
    if (i + 1 < len && ((s[i] == '`' && s[i + 1] == '`') || (s[i] == '\'' && s[i + 1] == '\''))) return 2;
    if (i + 1 < len && (unsigned char)s[i] == 0xC2 && ((unsigned char)s[i + 1] == 0xAB || (unsigned char)s[i + 1] == 0xBB))
        return 2;
    if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D || (unsigned char)s[i + 2] == 0x9E))
        return 3;
    return 0;
}

/* The whole sentence is one quotation with no speaker: ``We will win.''
 * (wire copy puts "he said" in the next sentence, or the quote is a pull
 * quote). Out of its context nobody knows who says it. */
static bool is_whole_quote(const char *s, size_t len)
{
    size_t q = ps_quote_at(s, 0, len);
    if (!q) return false;
    size_t e = len;
    while (e > q && (s[e - 1] == ' ' || s[e - 1] == '\n')) e--;
    /* the closing mark: last 1-3 bytes */
    size_t c = 0;
    for (size_t k = 1; k <= 3 && k <= e - q; k++)
        if (ps_quote_at(s, e - k, e) == k) c = k;
    if (!c) return false;
    for (size_t i = q; i < e - c; i++)
        if (ps_quote_at(s, i, e - c)) return false; /* a second quotation: a speaker in between */
    return true;
}

/* Every mark has at least 4 bytes: its first two byte pairs must occur. */
static inline unsigned pair_hash(char a, char b)
{
    return ((unsigned char)a * 67u + (unsigned char)b) & 4095u;
}

static bool is_month_word(const char *w, size_t n)
{
    static const char *const MONTHS[] = {"january", "february", "march",     "april",
                                         "may",     "june",     "july",      "august",
                                         "september", "october", "november", "december"};
    for (size_t m = 0; m < 12; m++) {
        size_t mn = strlen(MONTHS[m]);
        if (n != mn && !(n == 3 && mn > 3)) continue;
        size_t k = 0;
        while (k < n && ((unsigned char)w[k] | 32) == (unsigned char)MONTHS[m][k]) k++;
        if (k == n) return true;
    }
    return false;
}

/* A photo caption ends with ", <date>." ("... in Moscow, 09 May 2018."). */
static bool ends_with_caption_date(const char *s, size_t len)
{
    size_t e = len;
    while (e > 0 && (s[e - 1] == '.' || s[e - 1] == ' ')) e--;
    size_t b = e;
    while (b > 0 && s[b - 1] != ',') b--;
    if (b == 0 || e - b > 24) return false;
    /* words of the tail: need a 4-digit year and a month name */
    bool year = false, month = false;
    size_t i = b;
    while (i < e) {
        while (i < e && s[i] == ' ') i++;
        size_t w = i;
        while (i < e && s[i] != ' ') i++;
        size_t n = i - w;
        if (n == 4 && s[w] >= '0' && s[w] <= '9' && s[w + 3] >= '0' && s[w + 3] <= '9') year = true;
        else if (is_month_word(s + w, n)) month = true;
    }
    return year && month;
}

const char PS_R_PROMOTION[] = "promotion, navigation or credit";
const char PS_R_CAPTION[] = "photo caption";
const char PS_R_BARE_QUOTE[] = "a bare quotation (its speaker is in another sentence)";
static const char PS_R_QUOTE_CONT[] = "continues a quotation opened in an earlier sentence (its speaker is elsewhere)";
static const char PS_R_ASIDE[] = "a bracketed aside or page note";
static const char PS_R_BRACKET_REST[] = "the rest of a bracket cut off its sentence (fragment)";
static const char PS_R_QUOTE_OPEN[] = "leaves a quotation open (it goes on in the next sentence)";

bool ps_word_in(const char *w, size_t n, const char *const *list, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (strlen(list[k]) == n && strncasecmp(w, list[k], n) == 0) return true;
    return false;
}

static const char PS_R_TALK[] = "a conversational opener (talk, not reported prose)";
static const char PS_R_APPOSITION[] = "a name and its description, no verb (fragment)";

/* Talk that opens a sentence outside quotation marks: "Well, ...", "You know,
 * ...", "Yeah, ..." (a columnist's or an interview's voice; the lower-cased
 * sentence). */
static bool talk_opener(const char *low, size_t n)
{
    static const char *const TALK[] = {"well, ", "you know", "yeah, ", "yeah ", "oh, ", "oh well", "okay, ",
                                       "ok, ", "look, ", "i mean, ", "um, ", "uh, ", "sure, ", "yes, ",
                                       "hey, ", "listen, ", "anyway, "};
    for (size_t i = 0; i < sizeof TALK / sizeof *TALK; i++) {
        size_t m = strlen(TALK[i]);
        if (n > m && !memcmp(low, TALK[i], m)) return true;
    }
    return false;
}

/* "Adam Sieminski, an oil analyst for BT Alex.": a name of two to four
 * capitalised words, a comma, "a"/"an" and a description to the final period
 * with no other comma or quotation: no verb of its own (here a split after an
 * abbreviation inside a firm's name cut it from its "said ..."). "John
 * Smith, a teacher, said ..." has its verb after the second comma. */
static bool apposition_only(const char *s, size_t len)
{
    static const char *const NOT_NAME[] = {"the", "a", "an", "in", "on", "at", "for", "after", "before", "last",
                                           "this", "that", "by", "as", "when", "with", "from", "since", "during"};
    size_t pos = 0, b, e, names = 0;
    while (pt_next_word(s, len, &pos, &b, &e)) {
        if (s[b] < 'A' || s[b] > 'Z' || PS_WORD_IN(s + b, e - b, NOT_NAME))
            return false;
        names++;
        size_t i = e;
        while (i < len && s[i] == '.') i++; /* an initial: "John F. Kerry" */
        if (i < len && s[i] == ',') {
            pos = i + 1;
            break;
        }
        if (names == 4) return false;
    }
    if (names < 2 || pos >= len || s[len - 1] != '.') return false;
    while (pos < len && pc_is_space((unsigned char)s[pos])) pos++;
    if (!(len - pos > 2 && s[pos] == 'a' && pc_is_space((unsigned char)s[pos + 1])) &&
        !(len - pos > 3 && s[pos] == 'a' && s[pos + 1] == 'n' && pc_is_space((unsigned char)s[pos + 2])))
        return false;
    for (size_t i = pos; i < len; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == ';' || s[i] == ':' || s[i] == '(' || s[i] == '\'' ||
            (unsigned char)s[i] == 0xE2 || s[i] == '`')
            return false;
    /* a comma left out before the verb: "Ama Rusk, a teacher said ..." */
    static const char *const VERBS[] = {"said", "says", "told", "is", "was", "are", "were", "has", "have", "had",
                                        "will", "would", "can", "could"};
    while (pt_next_word(s, len, &pos, &b, &e))
        if (PS_WORD_IN(s + b, e - b, VERBS)) return false;
    return true;
}

const char *ps_debris_reason(const char *s, size_t len, uint32_t flags, size_t n_words)
{
    if (flags & PT_SENT_UNTERMINATED) return "no final punctuation (headline, caption or label)";
    if (n_words < 6) return "fragment";
    unsigned char first = (unsigned char)s[0];
    /* a quotation's speaker is in another sentence: the reader would get half a
     * quote and a stray mark ("... jewelry, " the news reported", "``I wasn't
     * born to win. ...") */
    if (flags & PT_SENT_QUOTE_CONT) return PS_R_QUOTE_CONT;
    if (flags & PT_SENT_QUOTE_OPEN) return PS_R_QUOTE_OPEN;
    /* the rest of a bracket the splitter cut at an abbreviation inside it
     * ("sen. ana ruiz ( r-md. ) said ..."): its subject is in the sentence
     * before */
    if (first == ')' || first == ']') return PS_R_BRACKET_REST;
    /* a sentence in brackets, or opening on a bracket that is no credit (ps_wire_prefix
     * cut those): the writer's aside to the reader or a page note ("( update: ...",
     * "( see full results here.", "( i don't know what that means."), not the story */
    if (first == '(' || first == '[') return PS_R_ASIDE;
    /* a caption's credit bar run into the caption: "| getty the mayor ..." */
    if (first == '|') return PS_R_CAPTION;
    /* after a sentence-ending mark spaced off the sentence before, Multi-News
     * left the next word in lower case (". " the article ..."): not a fragment */
    if (first >= 'a' && first <= 'z' && !(flags & (PS_AFTER_CREDIT | PT_SENT_AFTER_CLOSE)))
        return "starts in lower case (fragment)";
    {   /* a curly opening quotation mark before a lower-case word: the rest of
         * a quote cut mid-sentence ("“leading diplomats ... took part."). Not
         * straight quotes: Multi-News's re-cased text has '"we ...' openings. */
        size_t i = len > 3 && pt_open_curly_quote_at(s, len, 0) ? 3 : 0;
        if (i && s[i] >= 'a' && s[i] <= 'z' && !(flags & PS_AFTER_CREDIT))
            return "a quotation starting in lower case (fragment)";
    }
    if (len && s[len - 1] == '?') return "question";
    if (is_whole_quote(s, len)) return PS_R_BARE_QUOTE;
    /* Lower-case once (debris lines are short: the first 1 KiB decides), then strstr. */
    char low[1025];
    size_t n = len < sizeof low - 1 ? len : sizeof low - 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : (c ? c : ' '));
    }
    low[n] = '\0';
    /* A bitmap of the byte pairs present rules most marks out before strstr
     * (a hundred strstr calls per sentence were an eighth of the run time). */
    uint64_t pairs[64] = {0};
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned h = pair_hash(low[i], low[i + 1]);
        pairs[h >> 6] |= 1ull << (h & 63);
    }
    for (size_t i = 0; i < sizeof DEBRIS_MARKS / sizeof *DEBRIS_MARKS; i++) {
        const char *m = DEBRIS_MARKS[i];
        unsigned h1 = pair_hash(m[0], m[1]), h2 = pair_hash(m[2], m[3]);
        if (!(pairs[h1 >> 6] >> (h1 & 63) & 1) || !(pairs[h2 >> 6] >> (h2 & 63) & 1)) continue;
        if (strstr(low, m)) return PS_R_PROMOTION;
    }
    /* a wire photo's caption pasted as prose: "In this Feb. 12, 2016, file photo, ...",
     * "In this photo provided by ...", "In this undated image ...": "in this", then
     * within six words a photo word with only a date or "file"/"undated"/"handout"
     * before it ("In this case, ... the photo" is prose) */
    if (!strncmp(low, "in this ", 8)) {
        static const char *const PICTURES[] = {"photo", "image", "picture", "photograph", "frame"};
        static const char *const BEFORE[] = {"file", "undated", "handout", "aerial", "video",
                                             "jan", "feb", "march", "april", "may", "june", "july", "aug",
                                             "sept", "sep", "oct", "nov", "dec", "january", "february",
                                             "august", "september", "october", "november", "december"};
        size_t pos = 8, ws, we;
        for (int k = 0; k < 6 && pt_next_word(low, n, &pos, &ws, &we); k++) {
            if (PS_WORD_IN(low + ws, we - ws, PICTURES)) return PS_R_CAPTION;
            bool dated = ws < we && low[ws] >= '0' && low[ws] <= '9';
            if (!dated && !PS_WORD_IN(low + ws, we - ws, BEFORE)) break;
        }
    }
    /* a link's label: "Watch: ...", "Video: ...", "Read: ..."; a gallery's
     * or a picture's credit run into the lead with its title or name
     * ("Photos: the storm's path a ferry ...", "Photo by ana ruiz/harbor
     * post the ferry ...": where they end is not known). "Photos show ..."
     * is prose. */
    static const char *const LABELS[] = {"watch:", "video:", "read:", "photos:", "images:", "pictures:",
                                         "picture:", "gallery:", "slideshow:", "photo by ", "photo courtesy",
                                         "image via ", "image courtesy", "video provided by", "ap photo "};
    for (size_t i = 0; i < sizeof LABELS / sizeof *LABELS; i++)
        if (!strncmp(low, LABELS[i], strlen(LABELS[i]))) return PS_R_PROMOTION;
    /* a broadcaster's or live page's line to its own audience opens on an
     * imperative to the reader ("Stay tuned to Radio ...", "Check back for
     * updates", "Text the newsroom on ..."); inside reported speech ("told reporters to stay tuned") the
     * same words are news, so only the sentence's opening counts */
    static const char *const AUDIENCE_CALLS[] = {"stay tuned ", "stay with ", "check back ", "keep checking back",
                                                 "tune in ", "refresh this page", "refresh the page", "text the ",
                                                 "text us "};
    for (size_t i = 0; i < sizeof AUDIENCE_CALLS / sizeof *AUDIENCE_CALLS; i++) {
        size_t m = strlen(AUDIENCE_CALLS[i]);
        if (n >= m && !memcmp(low, AUDIENCE_CALLS[i], m)) return PS_R_PROMOTION;
    }
    if (ends_with_caption_date(s, len)) return PS_R_CAPTION;
    if (talk_opener(low, n)) return PS_R_TALK;
    if (n_words <= 16 && apposition_only(s, len)) return PS_R_APPOSITION;
    return NULL;
}

/* One-line page scrapes glue a photo credit, and often the headline before
 * it, to the lead sentence: "Storm hits coast ( Photo: Ana Ruiz, AP ) A
 * ferocious storm ...". Returns how many bytes to cut from the front so that
 * the sentence starts after the credit's closing parenthesis, or 0 when it
 * has no such credit within its first 160 bytes. */
size_t ps_credit_prefix(const char *s, size_t len)
{
    static const char *const OPENERS[] = {"photo", "ap photo", "image", "file photo", "photograph"};
    size_t lim = len < 160 ? len : 160;
    for (size_t i = 0; i < lim; i++) {
        if (s[i] != '(') continue;
        size_t j = i + 1;
        while (j < len && s[j] == ' ') j++;
        for (size_t k = 0; k < sizeof OPENERS / sizeof *OPENERS; k++) {
            size_t n = strlen(OPENERS[k]), q = 0;
            while (q < n && j + q < len && ((unsigned char)s[j + q] | 32) == (unsigned char)OPENERS[k][q]) q++;
            if (q < n) continue;
            const char *close = memchr(s + j, ')', len - j);
            if (!close || close - s > 240) return 0;
            size_t e = (size_t)(close - s) + 1;
            while (e < len && s[e] == ' ') e++;
            return e < len ? e : 0;
        }
    }
    return 0;
}

static bool ascii_letter(unsigned char ch) { return (ch | 32) >= 'a' && (ch | 32) <= 'z'; }
static bool ascii_alnum(unsigned char ch) { return ascii_letter(ch) || (ch >= '0' && ch <= '9'); }
/* A UTF-8 lead byte of a letter past ASCII, roughly: U+00C0..07FF (Latin,
 * Greek, Cyrillic, Hebrew, Arabic...) and U+3000..FFFF (CJK...); not U+0080..00BF
 * (no-break space, «), the punctuation of U+2000..2FFF (dashes, quotes) nor
 * the emoji past U+FFFF. */
static bool utf8_letter_lead(unsigned char ch) { return (ch >= 0xc3 && ch <= 0xdf) || (ch >= 0xe3 && ch <= 0xef); }

/* Case-insensitive (ASCII): does s[i..len) start with w? Its length, or 0. */
static size_t starts_with(const char *s, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i <= len && len - i >= n && !strncasecmp(s + i, w, n) ? n : 0;
}

/* ... with word w, not followed by a letter? */
static size_t starts_word(const char *s, size_t len, size_t i, const char *w)
{
    size_t n = starts_with(s, len, i, w);
    return n && !(i + n < len && ascii_letter((unsigned char)s[i + n])) ? n : 0;
}

/* A wire credit in brackets: "(AP)", "( associated press )", "( ap photo/ana ruiz )",
 * "(Reuters)", "( cnn )". Returns the bytes up to and past the closing bracket, or 0. */
static size_t wire_credit(const char *s, size_t len, size_t i)
{
    static const char *const CREDITS[] = {"ap", "the associated press", "associated press", "reuters", "cnn",
                                          "afp", "upi"};
    if (i >= len || s[i] != '(') return 0;
    size_t j = i + 1;
    while (j < len && s[j] == ' ') j++;
    for (size_t k = 0; k < sizeof CREDITS / sizeof *CREDITS; k++) {
        size_t n = starts_word(s, len, j, CREDITS[k]);
        if (!n) continue;
        size_t e = j + n;
        if (e < len && s[e] == ' ' && (starts_word(s, len, e + 1, "photo") || starts_word(s, len, e + 1, "video")))
            e += 6;
        if (e < len && s[e] == '/') /* "ap photo/ana ruiz": the photographer, to the bracket */
            while (e < len && e - j < 60 && s[e] != ')' && s[e] != '(') e++;
        while (e < len && s[e] == ' ') e++;
        return e < len && s[e] == ')' ? e + 1 - i : 0;
    }
    return 0;
}

/* Any outlet in a dateline's brackets when a dash follows: "washington (
 * marketwatch ) -- ...": one to three words of letters and digits. */
static size_t outlet_before_dash(const char *s, size_t len, size_t i)
{
    size_t j = i + 1, words = 0, chars = 0;
    while (j < len && j - i < 32 && s[j] != ')') {
        unsigned char ch = (unsigned char)s[j];
        bool alnum = ascii_alnum(ch);
        if (!alnum && ch != ' ' && ch != '.') return 0;
        if (alnum && s[j - 1] == ' ') words++;
        if (alnum && j == i + 1) words++;
        chars += alnum;
        j++;
    }
    /* one letter is a party, not an outlet: "Gov. Ana Ruiz (D) -- a critic -- said" */
    if (j >= len || s[j] != ')' || words < 1 || words > 3 || chars < 2) return 0;
    size_t e = j + 1;
    while (e < len && s[e] == ' ') e++;
    return pt_long_dash_at(s, len, e) || (e < len && s[e] == '-') ? j + 1 - i : 0;
}

/* A box of links that opens the sentence: "[ 7 ways to ... ] similarly, ...",
 * "( photos: the honorees ) and while ...", "( published saturday, july 27 )".
 * Returns its length, or 0. */
static size_t link_box(const char *s, size_t len)
{
    static const char *const LABELS[] = {"photos:", "photo:", "video:", "watch:", "related:", "read more:", "see also:",
                                         "published ", "more:", "also on ", "also see", "gallery:", "scroll down",
                                         /* a wire's notes to its editors */
                                         "optional trim", "end optional", "eds:", "editors:"};
    if (!len) return 0;
    char close = s[0] == '[' ? ']' : s[0] == '(' ? ')' : 0;
    if (!close) return 0;
    size_t j = 1;
    while (j < len && s[j] == ' ') j++;
    bool labelled = close == ']';
    for (size_t k = 0; !labelled && k < sizeof LABELS / sizeof *LABELS; k++) labelled = starts_with(s, len, j, LABELS[k]);
    if (!labelled) return 0;
    for (size_t e = j; e < len && e < 160; e++) {
        if (s[e] == close) return e + 1;
        if (s[e] == '(' || s[e] == '[') return 0;
    }
    return 0;
}

/* Page buttons and widget labels a scrape glues to the next sentence: the
 * most frequent such openings of sentences chosen on Multi-News training
 * clusters 0-3999 (250 words). */
static const char *const FURNITURE[] = {"published on" /* + a date: a video page's upload line */,
                                        "story continued below", "buy photo", "add interest",
                                        /* share buttons (session 24) */
                                        "facebook twitter pinterest", "share share tweet link", "share tweet link",
                                        "share copy link"};

/* "jun 20, 2015 " after "published on": a month, a day, a comma, a year. */
static size_t date_after(const char *s, size_t len, size_t i)
{
    size_t j = i, n = 0;
    while (j < len && ascii_letter((unsigned char)s[j])) j++, n++;
    if (n < 3 || n > 9 || j >= len || s[j] != ' ') return 0;
    j++;
    n = 0;
    while (j < len && s[j] >= '0' && s[j] <= '9') j++, n++;
    if (n < 1 || n > 2 || j + 1 >= len || s[j] != ',' || s[j + 1] != ' ') return 0;
    j += 2;
    n = 0;
    while (j < len && s[j] >= '0' && s[j] <= '9') j++, n++;
    return n == 4 ? j - i : 0;
}

/* Length of page furniture at s[i..len) ("buy photo", "published on jun 20,
 * 2015"), or 0. */
static size_t furniture_at(const char *s, size_t len, size_t i)
{
    for (size_t k = 0; k < sizeof FURNITURE / sizeof *FURNITURE; k++) {
        size_t n = starts_word(s, len, i, FURNITURE[k]);
        if (!n) continue;
        if (k > 0) return n;
        /* "Published on Monday, the report ..." is prose: only with a date */
        size_t date = i + n < len && s[i + n] == ' ' ? date_after(s, len, i + n + 1) : 0;
        return date ? n + 1 + date : 0;
    }
    return 0;
}

/* ---- page debris at a sentence's head (session 24) --------------------------
 * What a one-line scrape leaves at the front of a sentence besides wire
 * credits: read off the sentences precis chose on Multi-News training
 * clusters 0-4999 (docs/summarize.md "Debris openings, session 24"). */

/* A dash or bullet and a space: the tail of a dateline the splitter left
 * behind ("— the storm ..." after "Varrow, Md."), a list's bullet ("• ",
 * "* ", "** ", "> "), a rule of dashes ("---------- the ..."); stars and
 * arrows may touch the word ("**the ...", ">>we ..."). Its length with the
 * space, or 0. */
static size_t head_mark(const char *s, size_t len, size_t i)
{
    size_t e = i;
    unsigned char a = i < len ? (unsigned char)s[i] : 0, b = i + 1 < len ? (unsigned char)s[i + 1] : 0,
                  c = i + 2 < len ? (unsigned char)s[i + 2] : 0;
    if (pt_long_dash_at(s, len, i) || (a == 0xE2 && b == 0x80 && c == 0xA2) /* • */ ||
        (a == 0xE2 && b == 0x96 && (c == 0xA0 || c == 0xAA || c == 0xBA)) /* ■ ▪ ► */)
        e += 3;
    else if (a == 0xC2 && b == 0xB7) /* · */
        e += 2;
    else
        while (e < len && e - i < 80 && (s[e] == '-' || s[e] == '_' || s[e] == '*' || s[e] == '>' || s[e] == '=')) e++;
    if (e > i && e < len && (s[i] == '*' || s[i] == '>') && ascii_letter((unsigned char)s[e])) return e - i;
    return e > i && e < len && s[e] == ' ' ? e + 1 - i : 0;
}

/* A video player's "Close" button run into the caption after it: "Close the
 * trial has entered jury deliberations." Not when the next word makes
 * "close" the sentence's own adjective or adverb ("Close to 200 people ...",
 * "Close aides to the mayor ...", "Close behind, ..."). Returns 6 or 0. */
static size_t close_button(const char *s, size_t len)
{
    static const char *const PROSE[] = {
        "to", "by", "behind", "enough", "on", "up", "at", "but", "and", "or", "aides", "aide", "allies", "ally",
        "friends", "friend", "associates", "associate", "relatives", "relative", "family", "ties", "contact",
        "calls", "call", "scrutiny", "observers", "encounters", "encounter", "range", "second", "third",
        "proximity", "attention", "examination", "inspection", "cooperation", "relations", "relationship",
        "races", "race", "advisers", "advisors", "adviser", "advisor", "confidant", "confidants", "your",
        "our", "them", "down", "out", "off", "quarters", "combat", "air", "analysis", "reading", "watch",
        "look", "vote", "votes", "election", "elections", "contest", "finish"};
    if (len < 8 || strncmp(s, "Close ", 6) != 0) return 0;
    size_t e = 6;
    while (e < len && ascii_letter((unsigned char)s[e])) e++;
    if (e == 6) /* Close " straight ... ", Close 2-year-old ... */
        return s[6] == '"' || s[6] == '\'' || (s[6] >= '0' && s[6] <= '9') ? 6 : 0;
    return PS_WORD_IN(s + 6, e - 6, PROSE) ? 0 : 6;
}

/* A page's timestamp: "Updated at 12: 50 p.m. Et", "Last updated 8: 17
 * a.m. ET", "Updated 6:40 p.m. ET:", "Updated:", and a live blog's time
 * before a colon or dash ("2: 45 pm: ...", "12: 11 pm pt -- ..."). Its
 * length, or 0. */
static size_t stamp_at(const char *s, size_t len, size_t i)
{
    static const char *const ZONES[] = {"eastern time", "pacific time", "central time", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt",
                                        "pt", "pst", "pdt", "gmt", "bst", "utc"};
    size_t n = starts_word(s, len, i, "last updated");
    if (!n) n = starts_word(s, len, i, "updated");
    size_t j = i + n;
    if (n) {
        if (j < len && s[j] == ':') return j + 1 - i; /* "Updated: the panelist ..." */
        if (j >= len || s[j] != ' ') return 0;
        j++;
        size_t at = starts_word(s, len, j, "at");
        if (at && j + at < len && s[j + at] == ' ') j += at + 1;
    }
    size_t d = j;
    while (j < len && s[j] >= '0' && s[j] <= '9') j++;
    if (j - d < 1 || j - d > 2) return 0;
    if (j < len && s[j] == ':') { /* "12: 50", the scrape spaced the colon */
        j++;
        if (j < len && s[j] == ' ') j++;
        d = j;
        while (j < len && s[j] >= '0' && s[j] <= '9') j++;
        if (j - d != 2) return 0;
    }
    if (j >= len || s[j] != ' ') return 0;
    j++;
    size_t m = starts_word(s, len, j, "a.m.");
    if (!m) m = starts_word(s, len, j, "p.m.");
    if (!m) m = starts_word(s, len, j, "am");
    if (!m) m = starts_word(s, len, j, "pm");
    if (!m) return 0;
    j += m;
    for (size_t k = 0; k < sizeof ZONES / sizeof *ZONES && j + 1 < len && s[j] == ' '; k++) {
        size_t z = starts_word(s, len, j + 1, ZONES[k]);
        if (z) {
            j += 1 + z;
            break;
        }
    }
    if (j < len && s[j] == ':') return j + 1 - i;
    if (n) return j - i;
    /* a bare time: only before a dash ("12: 11 pm pt -- ...") */
    size_t k = j;
    while (k < len && s[k] == ' ') k++;
    return pt_long_dash_at(s, len, k) || (k + 1 < len && s[k] == '-' && s[k + 1] == '-') ? j - i : 0;
}

/* A short bracket opening the sentence that names where a picture or the
 * report came from, or when: a photo credit ("( ana ruiz/the harbor post )",
 * "( jo marl, the harbor post )", "( courtesy of the varrow police )"), a
 * station or outlet tag ("( kvar )", "( the harbor post )"), a place ("(
 * varrow )"), a date ("( oct. 10 )", "( posted monday, june 17, 2013 )"),
 * or nothing ("( )"). A credit word, a slash or an "@" in up to 16 words; a
 * month and a number in up to 6; any 0-6 words with no verb, pronoun or
 * conjunction of a short list ("( the operator says )" is an aside). No
 * quotation, no nested bracket. Its length, or 0. */
static size_t credit_bracket(const char *s, size_t len, size_t i)
{
    static const char *const CREDIT[] = {"photo", "photos", "photograph", "photographer", "courtesy", "getty",
                                         "istock", "istockphoto", "shutterstock", "via", "source", "submitted",
                                         "file", "handout", "pool", "ap", "afp", "reuters", "epa", "image",
                                         "images", "video", "screenshot", "screengrab", "twitter", "facebook",
                                         "instagram", "youtube"};
    static const char *const NOT_CREDIT[] = {
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "says", "said", "say", "will", "would",
        "can", "could", "may", "might", "should", "must", "do", "does", "did", "not", "no", "who", "which",
        "that", "this", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my",
        "your", "its", "if", "but", "so", "when", "what", "where", "why", "how", "also", "to", "or", "as",
        "and"};
    if (i >= len || s[i] != '(') return 0;
    size_t e = i + 1, words = 0;
    bool credit = false, month = false, number = false, verb = false;
    for (; e < len && e - i < 200 && s[e] != ')'; e++) {
        unsigned char ch = (unsigned char)s[e];
        if (ch == '(' || ch == '[' || ch == '"' || ch == ';' || ps_quote_at(s, e, len) > 1) return 0;
        if (ch == '/' || ch == '@') credit = true;
        if (ch == ' ' || (e > i + 1 && s[e - 1] != ' ')) continue;
        words++; /* a word starts here */
        size_t we = e;
        while (we < len && ascii_letter((unsigned char)s[we])) we++;
        if (we == e) {
            number |= ch >= '0' && ch <= '9';
        } else if (PS_WORD_IN(s + e, we - e, CREDIT)) {
            credit = true;
        } else if (is_month_word(s + e, we - e)) {
            month = true;
        } else if (PS_WORD_IN(s + e, we - e, NOT_CREDIT)) {
            verb = true;
        }
    }
    if (e >= len || s[e] != ')') return 0;
    if ((credit && words <= 16) || (month && number && words <= 6) || (words <= 6 && !verb)) return e + 1 - i;
    return 0;
}

/* An embedded tweet's signature, run into the article's next sentence after
 * the splitter cut the tweet off: "jane roe ( @janeroe ) may 29, 2018" (the
 * dash before it is a head_mark). At most six words of a name, the handle in
 * brackets, the date. Its length, or 0. */
static size_t tweet_signature(const char *s, size_t len, size_t i)
{
    size_t j = i, words = 0;
    while (j < len && j - i < 64 && s[j] != '(') {
        if (s[j] != ' ' && (j == i || s[j - 1] == ' ')) words++;
        j++;
    }
    if (j >= len || s[j] != '(' || words < 1 || words > 6) return 0;
    size_t h = j + 1;
    while (h < len && s[h] == ' ') h++;
    if (h >= len || s[h] != '@') return 0;
    while (h < len && h - j < 40 && s[h] != ')' && s[h] != ' ') h++;
    while (h < len && s[h] == ' ') h++;
    if (h >= len || s[h] != ')') return 0;
    h++;
    while (h < len && s[h] == ' ') h++;
    size_t date = date_after(s, len, h);
    return date ? h + date - i : 0;
}

/* Does s[i..len) open on a word a sentence opens on — a determiner, a
 * pronoun subject, a title, a preposition or subordinator of an opening
 * adverbial ("the ferry ...", "he said ...", "mr. ruiz ...", "after the
 * vote, ...")? Not a verb, "and", "but" or a comma: those continue the
 * sentence before ("... ) said on monday ...", "... ), a member of ..."). */
static bool opens_sentence(const char *s, size_t len, size_t i)
{
    static const char *const OPENERS[] = {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "it",
        "he", "she", "they", "we", "i", "you", "there", "mr", "mrs", "ms", "dr", "in", "on", "at", "after",
        "before", "as", "though", "although", "while", "when", "with", "even", "since", "for", "according",
        "one", "two", "three", "some", "many", "most", "all", "each", "if", "during", "last", "today",
        "yesterday", "now", "despite", "under", "over", "from", "by"};
    size_t e = i;
    while (e < len && ascii_letter((unsigned char)s[e])) e++;
    return e > i && PS_WORD_IN(s + i, e - i, OPENERS);
}

/* The end of a word of a name or role at s[i] (letters, and inner
 * hyphens, apostrophes and periods: "star-advertiser", "o'neil", "j."), or i. */
static size_t name_word_end(const char *s, size_t len, size_t i)
{
    size_t e = i;
    if (i >= len || !ascii_letter((unsigned char)s[i])) return i;
    while (e < len && (ascii_letter((unsigned char)s[e]) || s[e] == '-' || s[e] == '\'' || s[e] == '.')) e++;
    return e;
}

/* A date after a byline: "july 10, 2012" (date_after), or "monday, may 6,
 * 2017" (a weekday first), and a time after it: " at 10: 52pm pdt". Its
 * length, or 0. */
static size_t byline_date(const char *s, size_t len, size_t i)
{
    static const char *const DAYS[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    size_t j = i, e = name_word_end(s, len, i);
    if (e > i && PS_WORD_IN(s + i, e - i, DAYS) && e + 1 < len && s[e] == ',' && s[e + 1] == ' ') j = e + 2;
    size_t d = date_after(s, len, j);
    if (!d) return 0;
    j += d;
    /* " at 10: 52pm pdt", ", 7: 26 pm edt", " 10: 59 pm": an hour, a time of day, a zone of 2-4 letters */
    size_t t = j < len && s[j] == ',' ? j + 1 : j;
    if (t < len && s[t] == ' ') t++;
    if (starts_word(s, len, t, "at") && t + 3 < len && s[t + 2] == ' ') t += 3;
    if (t > j) {
        size_t k = t, n = 0;
        while (k < len && s[k] >= '0' && s[k] <= '9') k++, n++;
        if (n >= 1 && n <= 2 && k < len && s[k] == ':') {
            k++;
            while (k < len && s[k] == ' ') k++;
            for (n = 0; k < len && s[k] >= '0' && s[k] <= '9'; k++) n++;
            if (n == 2 && k < len && s[k] == ' ') k++;
            if (n == 2 && (starts_with(s, len, k, "am") || starts_with(s, len, k, "pm"))) {
                k += 2;
                static const char *const ZONES[] = {"et", "pt", "ct", "pdt", "pst", "edt", "est", "cdt", "cst",
                                                    "mdt", "mst", "gmt", "bst", "ist", "utc", "cet"};
                size_t z = k + 1, ze = name_word_end(s, len, z);
                j = k < len && s[k] == ' ' && PS_WORD_IN(s + z, ze - z, ZONES) ? ze : k;
            }
        }
    }
    return j - i;
}

/* A byline a one-line scrape ran into the lead (session 25): "by jane roe
 * – staff writer the ...", "by radar staff the ...", "by ana ruiz - july 10,
 * 2012 the ...", "posted by jane roe ( @janeroe ) on oct 10, 2016 at 10:
 * 52pm pdt the ...". Where the name ends is known only by what must come
 * after it: "staff", a dash and a role or a date, or "on" and a date;
 * anything else ("By then, ...", "By 2010 the ...", "Posted by hackers, the
 * file ...") is prose. Its length, or 0. */
static size_t byline_at(const char *s, size_t len, size_t i)
{
    static const char *const ROLES[] = {"writer", "reporter", "editor", "correspondent", "contributor",
                                        "columnist", "staff", "producer", "critic", "intern"};
    /* "By the time staff arrived ...", "By then - ...": no name */
    static const char *const NOT_NAME[] = {"the", "a", "an", "then", "now", "that", "this", "its", "their", "his",
                                           "her", "our", "all", "some", "most", "far", "law", "time", "which", "what",
                                           "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                           "sunday", "noon", "morning", "evening", "night", "year"};
    size_t j, e;
    bool posted = false;
    if ((j = starts_word(s, len, i, "posted by"))) posted = true;
    else if (!(j = starts_word(s, len, i, "by"))) return 0;
    j += i;
    for (size_t words = 0; words < 6; words++) {
        while (j < len && s[j] == ' ') j++;
        if (posted && words && starts_word(s, len, j, "on") && j + 3 < len && s[j + 2] == ' ') {
            size_t d = byline_date(s, len, j + 3);
            return d ? j + 3 + d - i : 0;
        }
        if (posted && words && s[j] == '(') { /* the poster's handle: "( @janeroe )" */
            size_t k = j + 1;
            while (k < len && s[k] == ' ') k++;
            if (k >= len || s[k] != '@') return 0;
            while (k < len && k - j < 40 && s[k] != ')') k++;
            if (k >= len || s[k] != ')') return 0;
            j = k + 1;
            continue;
        }
        if (!posted && words && starts_word(s, len, j, "in")) /* "by ana ruiz in news, sports | ..." */
            for (size_t k = j; k < len && k < j + 60 && s[k] != '.'; k++)
                if (s[k] == '|') {
                    j = k;
                    break;
                }
        bool bullet = j + 2 < len && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
                      (unsigned char)s[j + 2] == 0xA2;
        if (!posted && words && (pt_long_dash_at(s, len, j) || bullet || ((s[j] == '-' || s[j] == '|') && j + 1 < len && s[j + 1] == ' '))) {
            size_t k = j + (s[j] == '-' || s[j] == '|' ? 1 : 3), d;
            while (k < len && s[k] == ' ') k++;
            if ((d = byline_date(s, len, k))) return k + d - i;
            for (size_t r = 0; r < 3; r++) { /* "staff writer", "radar news editor" */
                e = name_word_end(s, len, k);
                if (e == k) return 0;
                if (PS_WORD_IN(s + k, e - k, ROLES)) {
                    size_t f = e + 1, fe = name_word_end(s, len, f); /* "staff writer" */
                    return (e < len && s[e] == ' ' && PS_WORD_IN(s + f, fe - f, ROLES) ? fe : e) - i;
                }
                k = e;
                while (k < len && s[k] == ' ') k++;
            }
            return 0;
        }
        e = name_word_end(s, len, j);
        if (e == j || e >= len || s[e] != ' ' || PS_WORD_IN(s + j, e - j, NOT_NAME)) return 0;
        if (!posted && words && PS_WORD_IN(s + j, e - j, ROLES)) return e - i; /* "by radar staff" */
        j = e;
    }
    return 0;
}

/* Page debris at s[i..len) that heads a sentence, besides a dash or bullet:
 * a timestamp, a byline, a credit bracket, a tweet's signature right after a dash
 * and, at the sentence's first byte, a video player's "Close". Its length,
 * or 0. */
static size_t page_head_at(const char *s, size_t len, size_t i, bool after_dash)
{
    size_t n;
    if (i == 0 && (n = close_button(s, len))) return n;
    if ((n = stamp_at(s, len, i))) return n;
    if ((n = byline_at(s, len, i))) return n;
    if (after_dash && (n = tweet_signature(s, len, i))) return n;
    return credit_bracket(s, len, i);
}

/* Is the bracket at s[b] one word, the initials of the words of s[from..b)
 * that end there? "The Associated Press (AP)", "Coastline Broadcasting
 * Network (CBN)", "Agence Norland-Presse (ANP)": an acronym being defined,
 * not an outlet after a dateline ("Allentown, Pa. (AP)" is one: a comma or
 * period among the words). */
static bool acronym_of_words_before(const char *s, size_t len, size_t from, size_t b)
{
    size_t j = b + 1, m = 0;
    char acr[8];
    while (j < len && s[j] == ' ') j++;
    while (j < len && ascii_letter((unsigned char)s[j])) {
        if (m == sizeof acr) return false;
        acr[m++] = (char)(s[j++] | 32);
    }
    while (j < len && s[j] == ' ') j++;
    if (m < 2 || j >= len || s[j] != ')') return false;
    /* the initials, last word first: a letter after a space or hyphen (or at from) */
    size_t e = b;
    while (e > from && s[e - 1] == ' ') e--;
    for (size_t q = e; q > from && m; q--) {
        unsigned char ch = (unsigned char)s[q - 1];
        if (ch == ',' || ch == '.') return false; /* "Allentown, Pa. (AP)": a place and its state */
        if (!ascii_letter(ch) || (q - 1 > from && s[q - 2] != ' ' && s[q - 2] != '-')) continue;
        if ((ch | 32) != (unsigned char)acr[m - 1]) return false;
        m--;
    }
    return m == 0;
}

/* Any outlet is a bracket before a dash, and so is a subject's name before a
 * dash aside: "The drug (Xeltrin) — which ... —", "Her album (Saltwater) --
 * a hit -- ...". A place does not open on a determiner or possessive, and a
 * lead does not open on a relative pronoun. (Known credits, "The Hague (AP)
 * —", are not asked.) */
static bool subject_before_aside(const char *s, size_t len, size_t from, size_t e)
{
    static const char *const DETERMINERS[] = {"the", "a", "an", "this", "that", "these", "those", "his",
                                              "her", "its", "their", "our", "my", "your"};
    static const char *const RELATIVES[] = {"which", "who", "whose", "whom"};
    for (size_t k = 0; k < sizeof DETERMINERS / sizeof *DETERMINERS; k++)
        if (starts_word(s, len, from, DETERMINERS[k])) return true;
    while (e < len && s[e] == ' ') e++;
    if (pt_long_dash_at(s, len, e)) e += 3;
    else while (e < len && s[e] == '-') e++;
    while (e < len && s[e] == ' ') e++;
    for (size_t k = 0; k < sizeof RELATIVES / sizeof *RELATIVES; k++)
        if (starts_word(s, len, e, RELATIVES[k])) return true;
    return false;
}

/* Wire credits and credited datelines glued to the front of a sentence by a
 * one-line page scrape: "( associated press ) the arms package ...",
 * "washington ( ap ) — the administration ...", "( cnn ) -- the storm ...",
 * "( ap photo/x ) ( associated press ) vatican city ( ap ) — pope ...", and
 * the page furniture, link boxes and CNN highlights before them. The place
 * before a credit is at most five words in under 48 bytes (letters, digits,
 * commas, periods, apostrophes, hyphens, slashes) and not the words
 * an acronym in the bracket stands for. Returns how many bytes to cut so
 * that the sentence starts after them, or 0. */
size_t ps_wire_prefix(const char *s, size_t len)
{
    size_t at = 0;
    if (starts_word(s, len, 0, "story highlights")) { /* CNN's box, run into the lead up to "( cnn )" */
        for (size_t i = 16; i < len && i < 600; i++)
            if (s[i] == '(' && starts_word(s, len, i + 1 + (i + 1 < len && s[i + 1] == ' '), "cnn")) {
                at = i;
                break;
            }
        if (!at) return 0;
    }
    /* The rest of a bracket the splitter cut ("... ( ap photo/ana ruiz. ) the
     * ferry ...") is cut when a sentence opens after it: another credit, or
     * a word a sentence opens on; ") said on monday ..." stays (and is no
     * candidate: ps_debris_reason). */
    size_t rest_of_bracket = (s[0] == ')' || s[0] == ']') && len > 2 && s[1] == ' ' ? 2 : 0;
    bool after_dash = false, solid = false; /* solid: cut more than dashes and bullets */
    if (rest_of_bracket) at = rest_of_bracket;
    for (int round = 0; round < 6; round++) {
        size_t i = at;
        while (i < len && s[i] == ' ') i++;
        size_t f = furniture_at(s, len, i);
        bool dash = !f && (f = head_mark(s, len, i)) > 0;
        if (!f) f = page_head_at(s, len, i, after_dash);
        after_dash = dash;
        if (f) { /* "( photo: ... ) buy photo a father ...", "— the storm ...", "( kvar ) the ..." */
            at = i + f;
            solid |= !dash;
            continue;
        }
        size_t c = wire_credit(s, len, i);
        if (!c) c = link_box(s + i, len - i);
        if (!c) { /* a dateline, then the credit */
            size_t j = i, words = 0;
            while (j < len && j - i < 48 && s[j] != '(') {
                unsigned char ch = (unsigned char)s[j];
                /* "jan 18", "Porto Velhão" (a lead byte, then its continuations) */
                bool letter = ascii_alnum(ch) || utf8_letter_lead(ch) ||
                              (ch >= 0x80 && ch <= 0xbf && j > i && (unsigned char)s[j - 1] >= 0x80);
                if (!letter && ch != ' ' && ch != ',' && ch != '.' && ch != '\'' && ch != '-' && ch != '/') break;
                if (letter && (j == i || s[j - 1] == ' ')) words++;
                j++;
            }
            if (j >= len || s[j] != '(' || words < 1 || words > 5 || s[j - 1] != ' ') break;
            if (acronym_of_words_before(s, len, i, j)) break;
            c = wire_credit(s, len, j);
            if (!c && (c = outlet_before_dash(s, len, j)) && subject_before_aside(s, len, i, j + c)) c = 0;
            if (!c) break;
            c += j - i;
        }
        solid = true;
        size_t e = i + c;
        while (e < len && s[e] == ' ') e++;
        /* the dash after a dateline: "—", "–", "--", "-" */
        if (pt_long_dash_at(s, len, e))
            e += 3;
        else if (e + 1 < len && s[e] == '-' && s[e + 1] == '-')
            e += 2;
        else if (e < len && (s[e] == '-' || s[e] == '_') && e + 1 < len && s[e + 1] == ' ') /* DUC's " _ " */
            e += 1;
        while (e < len && s[e] == ' ') e++;
        at = e;
    }
    while (at && at < len && s[at] == ' ') at++;
    if (!at || at >= len) return 0;
    if (rest_of_bracket && !solid && !opens_sentence(s, len, at)) return 0;
    unsigned char ch = (unsigned char)s[at];
    bool ok = ascii_alnum(ch) || ch == '"' || ch == '`' || ch == '\''; /* ``, the wire's quote; ' a title ' */
    /* UTF-8: a letter past ASCII ("Émile"), or an opening curly quote; not a
     * second dash nor an emoji */
    if (utf8_letter_lead(ch) || pt_open_curly_quote_at(s, len, at)) ok = true;
    return ok ? at : 0;
}

/* ---- openers that point back ------------------------------------------------ */

/* Nouns that stand for something told before: "The report said", "The move
 * comes after", "According to the statement, ...". */
static const char *const SHELL_NOUNS[] = {
    "report", "statement", "move", "decision", "announcement", "news", "study", "findings",
    "incident", "ruling", "deal", "comments", "remarks", "letter", "complaint", "lawsuit",
    "measure", "bill", "plan", "proposal", "survey", "poll", "agreement", "video", "post",
    "tweet", "memo", "document", "documents", "filing", "order",
};
/* What follows such a noun when it is the subject ("The report said ..."),
 * not a noun phrase that names its own thing ("The report from the agency",
 * "The ruling party", "The news that ..."). */
static const char *const SHELL_VERBS[] = {
    "said", "says", "say", "was", "is", "were", "are", "comes", "came", "follows", "followed",
    "found", "finds", "shows", "showed", "revealed", "reveals", "suggests", "suggested", "noted",
    "notes", "added", "adds", "stated", "states", "claims", "claimed", "alleges", "alleged",
    "will", "would", "could", "can", "may", "might", "has", "had", "have", "also", "marks",
    "marked", "means", "made", "makes", "sparked", "drew", "prompted", "appeared", "appears",
    "did", "does", "urged", "urges", "called", "calls", "described", "describes", "cited",
    "cites", "quoted", "quotes", "stressed", "warned", "warns", "concluded", "concludes",
};

/* The next ASCII word of s[*i..len) (letters), skipping spaces; its start in *b. */
static size_t next_ascii_word(const char *s, size_t len, size_t *i, size_t *b)
{
    while (*i < len && s[*i] == ' ') (*i)++;
    *b = *i;
    while (*i < len && ((s[*i] | 32) >= 'a' && (s[*i] | 32) <= 'z')) (*i)++;
    return *i - *b;
}

size_t ps_points_back(const char *s, size_t len, size_t *noun_len)
{
    size_t i = 0, b, n = next_ascii_word(s, len, &i, &b);
    bool according = false;
    if (n == 9 && strncasecmp(s + b, "according", 9) == 0) {
        n = next_ascii_word(s, len, &i, &b);
        if (n != 2 || strncasecmp(s + b, "to", 2) != 0) return 0;
        n = next_ascii_word(s, len, &i, &b);
        according = true;
    }
    if (n != 3 || strncasecmp(s + b, "the", 3) != 0) return 0;
    size_t nb, nn = next_ascii_word(s, len, &i, &nb);
    if (!nn || !PS_WORD_IN(s + nb, nn, SHELL_NOUNS)) return 0;
    if (i < len && s[i] != ' ' && s[i] != ',') return 0; /* "the report's", "the move-in" */
    bool comma = i < len && s[i] == ',';
    /* "The study, by Imperial College London, found ...": the aside names it;
     * not "By contrast", "by 2030", "by the way" (no source), nor after
     * "According to the report," where the comma ends the attribution */
    if (comma && !according) {
        size_t j = i + 1, ab, an = next_ascii_word(s, len, &j, &ab);
        if ((an == 2 && strncasecmp(s + ab, "by", 2) == 0) || (an == 4 && strncasecmp(s + ab, "from", 4) == 0)) {
            static const char *const NO_SOURCE[] = {"and", "chance", "comparison", "contrast", "default", "design",
                                                    "far", "itself", "now", "then", "there", "way"};
            size_t wb, wn = next_ascii_word(s, len, &j, &wb);
            if (wn == 3 && strncasecmp(s + wb, "the", 3) == 0) wn = next_ascii_word(s, len, &j, &wb);
            if (wn && !PS_WORD_IN(s + wb, wn, NO_SOURCE)) return 0;
        }
    }
    if (according) { /* "According to the report, ...", not "... the report by the agency" */
        if (!comma) return 0;
    } else if (!comma) {
        size_t vb, vn = next_ascii_word(s, len, &i, &vb);
        if (!vn || !PS_WORD_IN(s + vb, vn, SHELL_VERBS)) return 0;
    }
    *noun_len = nn;
    return nb;
}

/* ---- spelling variants ------------------------------------------------------ */

#include "summarize/common_stems.inc"

/* Expletive "it": a verb that takes it with no referent ("It seems ...",
 * "It turns out ...", "It took years to ..."), or be / a modal / an adverb
 * and then a word of judgement or report ("It is unclear whether ...", "It's
 * not clear ...", "It was thought that ...", "It may be possible to ..."). */
static const char *const IT_VERBS[] = {"seems", "seemed", "appears", "appeared", "turns", "turned", "goes",
                                       "took", "takes", "remains", "remained", "matters", "emerged", "follows",
                                       "helps", "pays", "happens"};
static const char *const IT_BE[] = {"is", "was", "isnt", "wasnt", "would", "will", "may", "might", "could", "can",
                                    "has", "had", "be", "been", "being", "became", "becomes", "becoming", "not",
                                    "also", "still", "now", "already", "very", "so", "really", "quite",
                                    "increasingly", "therefore", "thus", "widely", "generally", "yet",
                                    "immediately", "entirely", "perfectly", "certainly", "far", "remains",
                                    "remained", "seems", "seemed", "appears", "appeared", "getting", "too",
                                    "more", "less", "just", "all", "no", "longer", "hardly"};
static const char *const IT_JUDGED[] = {
    "clear", "unclear", "possible", "impossible", "likely", "unlikely", "hard", "difficult", "easy", "important",
    "necessary", "illegal", "legal", "true", "thought", "believed", "understood", "expected", "estimated",
    "reported", "known", "unknown", "feared", "hoped", "time", "worth", "uncertain", "obvious", "evident",
    "ironic", "surprising", "strange", "official", "safe", "fair", "tempting", "rare", "common", "crucial",
    "essential", "vital", "odd", "unusual", "early", "late", "said", "alleged", "claimed", "suspected",
    "assumed", "up", "understandable", "interesting", "notable"};

bool ps_it_points_back(const char *s, size_t len)
{
    size_t pos = 0, b, e, k = 0;
    char w[7][PT_WORD_MAX + 1];
    size_t n[7];
    while (k < 7 && pt_next_word(s, len, &pos, &b, &e)) {
        n[k] = pt_normalize(s + b, e - b, w[k]);
        /* "It's" normalises to "it": its "'s" is "is" (or "has": "It's been") */
        if (!k && n[0] == 2 && e - b > 2 && !memcmp(w[0], "it", 2)) {
            memcpy(w[1], "is", 3);
            n[1] = 2;
            k++;
        }
        k++;
    }
    if (k < 2 || n[0] != 2 || memcmp(w[0], "it", 2)) return false;
    if (PS_WORD_IN(w[1], n[1], IT_VERBS)) return false;
    size_t j = 1;
    while (j < k && PS_WORD_IN(w[j], n[j], IT_BE)) j++;
    return !(j > 1 && j < k && PS_WORD_IN(w[j], n[j], IT_JUDGED));
}

/* Is the stem used by PS_COMMON_MIN_DF+ of Multi-News's training documents
 * (tools/gen_common_stems.c)? Keyed as summarize.c keys its vocabulary. */
static bool common_stem(const char *s, size_t n)
{
    uint64_t key = XXH3_64bits(s, n);
    size_t lo = 0, hi = sizeof PS_COMMON_STEMS / sizeof *PS_COMMON_STEMS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (PS_COMMON_STEMS[mid] < key) lo = mid + 1;
        else hi = mid;
    }
    return lo < sizeof PS_COMMON_STEMS / sizeof *PS_COMMON_STEMS && PS_COMMON_STEMS[lo] == key;
}

/* British and American spellings of one word, x the shorter: a "u" after "o"
 * ("neighbour" / "neighbor") or one "s" for a "z" ("organis" / "organiz"). */
static bool uk_us_spelling(const char *x, size_t lx, const char *y, size_t ly)
{
    size_t i = 0;
    while (i < lx && x[i] == y[i]) i++;
    if (ly == lx + 1) return i > 0 && y[i] == 'u' && y[i - 1] == 'o' && memcmp(x + i, y + i + 1, lx - i) == 0;
    if (ly != lx || i == lx || !((x[i] == 's' && y[i] == 'z') || (x[i] == 'z' && y[i] == 's'))) return false;
    return memcmp(x + i + 1, y + i + 1, lx - i - 1) == 0;
}

bool ps_spelling_variant(const char *x, size_t lx, const char *y, size_t ly)
{
    if (lx > ly) {
        const char *t = x;
        x = y;
        y = t;
        size_t tl = lx;
        lx = ly;
        ly = tl;
    }
    if (lx < 4 || ly - lx > 3 || ly > 64 || x[0] != y[0] || (x[0] >= '0' && x[0] <= '9')) return false;
    /* Close spellings of two common words are two words ("polic" / "polici",
     * "march" / "match", "hair" / "hairdo"); of a name or a misspelling, the
     * odd one is rare ("binyamin", "paymant"). A longer form of a word is
     * one only when both are rare ("saad" / "saadi"), or a place in -a and
     * its people ("korea" / "korean", "indonesia" / "indonesian"): "iran" /
     * "iranian" are refused with "take" / "takeoff" and "guard" / "guardian". */
    if (memcmp(x, y, lx) == 0)
        return (x[lx - 1] == 'a' && ly == lx + 1 && y[lx] == 'n') || (!common_stem(x, lx) && !common_stem(y, ly));
    size_t lim = lx >= 8 ? 2 : 1;
    if (lx < 5 || ly - lx > lim || pc_edit_distance(x, lx, y, ly, lim) > lim) return false;
    return !common_stem(x, lx) || !common_stem(y, ly) || uk_us_spelling(x, lx, y, ly);
}
