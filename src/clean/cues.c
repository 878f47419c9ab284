/* Cue phrases for the line classifier. Phrases are matched on the lower-cased
 * line at word boundaries; a leading '^' anchors a phrase at the line start.
 * Only kinds of debris, never a particular site's wording. */
#include "cues.h"

#include <string.h>

typedef struct cue {
    pcl_cue_kind kind;
    const char *phrase;
} cue;

static const cue CUES[] = {
    /* promotion, subscription, donation, paywall */
    {CUE_PROMO, "subscribe"}, {CUE_PROMO, "subscription"}, {CUE_PROMO, "subscriber"},
    {CUE_PROMO, "newsletter"}, {CUE_PROMO, "sign up"}, {CUE_PROMO, "signup"},
    {CUE_PROMO, "register to"}, {CUE_PROMO, "please register"}, {CUE_PROMO, "register now"},
    {CUE_PROMO, "full access"}, {CUE_PROMO, "articles this month"}, {CUE_PROMO, "free articles"},
    {CUE_PROMO, "continue reading"}, {CUE_PROMO, "donate"}, {CUE_PROMO, "donating"},
    {CUE_PROMO, "donation"}, {CUE_PROMO, "consider helping"}, {CUE_PROMO, "support us"},
    {CUE_PROMO, "support our"}, {CUE_PROMO, "your support"}, {CUE_PROMO, "readers like you"},
    {CUE_PROMO, "contribution"}, {CUE_PROMO, "join our"}, {CUE_PROMO, "whatsapp group"},
    {CUE_PROMO, "telegram channel"}, {CUE_PROMO, "download our app"}, {CUE_PROMO, "get the app"},
    {CUE_PROMO, "advertisement"}, {CUE_PROMO, "sponsored"}, {CUE_PROMO, "premium"},
    {CUE_PROMO, "log in"}, {CUE_PROMO, "login"}, {CUE_PROMO, "sign in"}, {CUE_PROMO, "your inbox"},
    {CUE_PROMO, "special offer"}, {CUE_PROMO, "buy now"}, {CUE_PROMO, "in den warenkorb"},
    {CUE_PROMO, "add to cart"}, {CUE_PROMO, "loyal"}, {CUE_PROMO, "paywall"},
    {CUE_PROMO, "abonnieren"}, {CUE_PROMO, "abonnement"}, {CUE_PROMO, "abonnent"},
    {CUE_PROMO, "jetzt abo"}, {CUE_PROMO, "abo "}, {CUE_PROMO, "^abo"}, {CUE_PROMO, "anmelden"},
    {CUE_PROMO, "registrieren"}, {CUE_PROMO, "einloggen"}, {CUE_PROMO, "spenden"},
    {CUE_PROMO, "spende"}, {CUE_PROMO, "unterstützen sie"}, {CUE_PROMO, "jetzt unterstützen"},
    {CUE_PROMO, "anzeige"}, {CUE_PROMO, "werbung"}, {CUE_PROMO, "gutschein"},
    {CUE_PROMO, "jetzt bestellen"}, {CUE_PROMO, "jetzt kaufen"}, {CUE_PROMO, "warenkorb"},
    {CUE_PROMO, "versandkostenfrei"}, {CUE_PROMO, "inkl. mwst"}, {CUE_PROMO, "zzgl."},
    {CUE_PROMO, "weiterlesen"}, {CUE_PROMO, "read more"}, {CUE_PROMO, "mehr lesen"},
    {CUE_PROMO, "mehr erfahren"}, {CUE_PROMO, "learn more"}, {CUE_PROMO, "click here"},
    {CUE_PROMO, "hier klicken"}, {CUE_PROMO, "kostenlos testen"}, {CUE_PROMO, "free trial"},
    /* social and sharing */
    {CUE_SOCIAL, "share"}, {CUE_SOCIAL, "shares"}, {CUE_SOCIAL, "tweet"}, {CUE_SOCIAL, "twittern"},
    {CUE_SOCIAL, "facebook"}, {CUE_SOCIAL, "twitter"}, {CUE_SOCIAL, "whatsapp"},
    {CUE_SOCIAL, "instagram"}, {CUE_SOCIAL, "pinterest"}, {CUE_SOCIAL, "linkedin"},
    {CUE_SOCIAL, "youtube"}, {CUE_SOCIAL, "xing"}, {CUE_SOCIAL, "telegram"}, {CUE_SOCIAL, "reddit"},
    {CUE_SOCIAL, "e-mail"}, {CUE_SOCIAL, "email"}, {CUE_SOCIAL, "like this"}, {CUE_SOCIAL, "follow us"},
    {CUE_SOCIAL, "teilen"}, {CUE_SOCIAL, "folgen sie uns"}, {CUE_SOCIAL, "gefällt mir"},
    {CUE_SOCIAL, "drucken"}, {CUE_SOCIAL, "^print"}, {CUE_SOCIAL, "rss"}, {CUE_SOCIAL, "kommentare"},
    {CUE_SOCIAL, "comments"}, {CUE_SOCIAL, "comment"}, {CUE_SOCIAL, "kommentar"},
    {CUE_SOCIAL, "leave a reply"}, {CUE_SOCIAL, "antworten"}, {CUE_SOCIAL, "reply"},
    /* legal, cookies, copyright */
    {CUE_LEGAL, "cookie"}, {CUE_LEGAL, "cookies"}, {CUE_LEGAL, "privacy"}, {CUE_LEGAL, "datenschutz"},
    {CUE_LEGAL, "datenschutzerklärung"}, {CUE_LEGAL, "impressum"}, {CUE_LEGAL, "terms of use"},
    {CUE_LEGAL, "terms of service"}, {CUE_LEGAL, "terms and conditions"}, {CUE_LEGAL, "agb"},
    {CUE_LEGAL, "nutzungsbedingungen"}, {CUE_LEGAL, "all rights reserved"},
    {CUE_LEGAL, "alle rechte vorbehalten"}, {CUE_LEGAL, "copyright"}, {CUE_LEGAL, "©"},
    {CUE_LEGAL, "disclaimer"}, {CUE_LEGAL, "haftungsausschluss"}, {CUE_LEGAL, "imprint"},
    {CUE_LEGAL, "accept"}, {CUE_LEGAL, "akzeptieren"}, {CUE_LEGAL, "einwilligung"},
    {CUE_LEGAL, "consent"}, {CUE_LEGAL, "tracking"},
    /* related-story teasers */
    {CUE_TEASER, "read also"}, {CUE_TEASER, "^also read"}, {CUE_TEASER, "see also"},
    {CUE_TEASER, "related"}, {CUE_TEASER, "recommended"}, {CUE_TEASER, "you may also like"},
    {CUE_TEASER, "you might also like"}, {CUE_TEASER, "most read"}, {CUE_TEASER, "most popular"},
    {CUE_TEASER, "trending"}, {CUE_TEASER, "more from"}, {CUE_TEASER, "more on this"},
    {CUE_TEASER, "more stories"}, {CUE_TEASER, "^read:"}, {CUE_TEASER, "^read more:"},
    {CUE_TEASER, "lesen sie auch"}, {CUE_TEASER, "lesen sie mehr"}, {CUE_TEASER, "auch interessant"},
    {CUE_TEASER, "mehr zum thema"}, {CUE_TEASER, "das könnte sie auch interessieren"},
    {CUE_TEASER, "meistgelesen"}, {CUE_TEASER, "ähnliche artikel"}, {CUE_TEASER, "verwandte"},
    {CUE_TEASER, "^siehe auch"}, {CUE_TEASER, "^mehr:"}, {CUE_TEASER, "^lesen sie"},
    {CUE_TEASER, "^lea también"}, {CUE_TEASER, "^lea más"}, {CUE_TEASER, "^lea:"},
    {CUE_TEASER, "^lire aussi"}, {CUE_TEASER, "^à lire"}, {CUE_TEASER, "^leggi anche"},
    {CUE_TEASER, "^te puede interesar"}, {CUE_TEASER, "^previous"}, {CUE_TEASER, "^next"},
    {CUE_TEASER, "^vorheriger"}, {CUE_TEASER, "^nächster"}, {CUE_TEASER, "^older posts"},
    {CUE_TEASER, "^newer posts"}, {CUE_TEASER, "^zurück"}, {CUE_TEASER, "^weiter"},
    /* navigation */
    {CUE_NAV, "skip to"}, {CUE_NAV, "zum inhalt"}, {CUE_NAV, "springen"}, {CUE_NAV, "navigation"},
    {CUE_NAV, "accessibility"}, {CUE_NAV, "breaking news"}, {CUE_NAV, "^menu"}, {CUE_NAV, "^menü"},
    {CUE_NAV, "^home"}, {CUE_NAV, "^startseite"}, {CUE_NAV, "^search"}, {CUE_NAV, "^suche"},
    {CUE_NAV, "^topics"}, {CUE_NAV, "^themen"}, {CUE_NAV, "^kontakt"}, {CUE_NAV, "^contact"},
    {CUE_NAV, "^about us"}, {CUE_NAV, "^über uns"}, {CUE_NAV, "sitemap"}, {CUE_NAV, "^top"},
    {CUE_NAV, "^nach oben"}, {CUE_NAV, "back to top"}, {CUE_NAV, "^tags"}, {CUE_NAV, "^schlagworte"},
    {CUE_NAV, "^schlagwörter"}, {CUE_NAV, "^kategorie"}, {CUE_NAV, "^category"}, {CUE_NAV, "^archiv"},
    {CUE_NAV, "^archive"}, {CUE_NAV, "^filed under"}, {CUE_NAV, "^posted in"}, {CUE_NAV, "^veröffentlicht in"},
    {CUE_NAV, "^du bist hier"}, {CUE_NAV, "^sie sind hier"}, {CUE_NAV, "^you are here"},
    {CUE_NAV, "^update desk"}, {CUE_NAV, "^newsroom"}, {CUE_NAV, "^redaktion"},
    /* credits */
    {CUE_CREDIT, "^photo:"}, {CUE_CREDIT, "^photo by"}, {CUE_CREDIT, "^photos:"}, {CUE_CREDIT, "credit:"},
    {CUE_CREDIT, "^image:"}, {CUE_CREDIT, "^foto:"}, {CUE_CREDIT, "^fotos:"}, {CUE_CREDIT, "^bild:"},
    {CUE_CREDIT, "^quelle:"}, {CUE_CREDIT, "^source:"}, {CUE_CREDIT, "getty images"},
    {CUE_CREDIT, "associated press"}, {CUE_CREDIT, "reuters"}, {CUE_CREDIT, "afp"},
    {CUE_CREDIT, "dpa"}, {CUE_CREDIT, "epa"}, {CUE_CREDIT, "imago"}, {CUE_CREDIT, "picture alliance"},
    {CUE_CREDIT, "picture-alliance"}, {CUE_CREDIT, "shutterstock"}, {CUE_CREDIT, "istock"},
    {CUE_CREDIT, "wikimedia commons"}, {CUE_CREDIT, "ap photo"}, {CUE_CREDIT, "/ap"},
    {CUE_CREDIT, "^(ap)"}, {CUE_CREDIT, "keystone"}, {CUE_CREDIT, "xinhua"},
    /* bylines */
    {CUE_BYLINE, "^by "}, {CUE_BYLINE, "| by "}, {CUE_BYLINE, "^von "}, {CUE_BYLINE, "^author:"},
    {CUE_BYLINE, "^autor:"}, {CUE_BYLINE, "^autorin:"}, {CUE_BYLINE, "^written by"},
    {CUE_BYLINE, "^text:"}, {CUE_BYLINE, "^posted by"}, {CUE_BYLINE, "^geschrieben von"},
    {CUE_BYLINE, "^ein beitrag von"}, {CUE_BYLINE, "^reporting by"}, {CUE_BYLINE, "^editing by"},
    {CUE_BYLINE, "^por "},
};

static bool word_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Lower-cases ASCII and the German capitals Ä Ö Ü (UTF-8) into buf. */
static size_t lower(const char *s, size_t n, char *buf, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 2 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        if (c == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)s[i + 1];
            if (d == 0x84 || d == 0x96 || d == 0x9C) d = (unsigned char)(d + 0x20);
            buf[o++] = (char)c;
            buf[o++] = (char)d;
            i++;
            continue;
        }
        buf[o++] = (char)c;
    }
    buf[o] = 0;
    return o;
}

/* Counts letters and digits of s[0..n). */
static size_t alnum_count(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (word_char(c) && !(c >= 0x80 && c < 0xC0)) k++; /* count each UTF-8 char once */
    }
    return k;
}

void pcl_find_cues(const char *s, size_t len, pcl_cues *out)
{
    memset(out, 0, sizeof *out);
    /* Cues sit in short lines or at the start of long ones: look at 2 KiB. */
    char buf[2048 + 4];
    size_t n = lower(s, len < 2048 ? len : 2048, buf, sizeof buf);
    size_t total = alnum_count(buf, n);
    for (size_t i = 0; i < sizeof CUES / sizeof *CUES; i++) {
        const char *ph = CUES[i].phrase;
        bool anchored = ph[0] == '^';
        if (anchored) ph++;
        size_t pl = strlen(ph);
        const char *hay = buf;
        while ((hay = strstr(hay, ph)) != NULL) {
            size_t at = (size_t)(hay - buf);
            bool left = at == 0 || !word_char((unsigned char)buf[at - 1]) || !word_char((unsigned char)ph[0]);
            bool right = at + pl >= n || !word_char((unsigned char)buf[at + pl]) ||
                         !word_char((unsigned char)ph[pl - 1]);
            /* bullets and spaces may precede an anchored phrase */
            bool start = true;
            if (anchored)
                for (size_t k = 0; k < at; k++)
                    if (word_char((unsigned char)buf[k])) start = false;
            if (left && right && start) {
                pcl_cue_kind kd = CUES[i].kind;
                if (!out->hits[kd]) out->first[kd] = CUES[i].phrase;
                out->hits[kd]++;
                if (total <= alnum_count(ph, pl) + 2) out->whole[kd] = true;
                break;
            }
            if (anchored) break;
            hay++;
        }
    }
}

/* Function words: enough to tell prose from lists and to guess the language. */
static const char *const STOP_EN[] = {
    "the", "of", "and", "to", "a", "in", "that", "is", "was", "he", "for", "it", "with", "as",
    "his", "on", "be", "at", "by", "had", "are", "but", "from", "or", "have", "an", "they",
    "which", "were", "her", "she", "there", "been", "if", "this", "has", "will", "would", "their",
    "its", "who", "when", "we", "not", "said", "can", "also", "after", "than", "into", "more",
    "about", "our", "you", "your", "all", "one", "these", "those", "them", "so", "what", "while",
    "did", "do", "does", "should", "could", "may", "must", "over", "only", "other", "such",
    "because", "where", "being", "some", "any", "then", "out", "up", "no", "how", "why",
};
static const char *const STOP_DE[] = {
    "der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für",
    "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus",
    "er", "hat", "dass", "daß", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind",
    "noch", "wie", "einem", "über", "einen", "so", "zum", "war", "haben", "nur", "oder", "aber",
    "vor", "zur", "bis", "mehr", "durch", "man", "sein", "wurde", "sei", "wenn", "kann", "gegen",
    "vom", "können", "schon", "hatte", "seine", "ihre", "ich", "wir", "ihr", "uns", "diese",
    "dieser", "dieses", "wo", "weil", "doch", "was", "wer", "denn", "da", "hier", "sehr", "alle",
};
static const char *const STOP_OTHER[] = {
    /* French, Spanish, Italian, Dutch: the most frequent ones */
    "le", "la", "les", "et", "est", "une", "du", "que", "qui", "pour", "dans", "sur", "pas",
    "el", "los", "las", "del", "y", "por", "con", "una", "para", "es", "lo", "se", "su", "al",
    "il", "di", "che", "non", "per", "gli", "della", "het", "een", "van", "ook", "zijn", "niet",
    "en", "de", "op", "te",
};

static bool in_list(const char *const *list, size_t n, const char *w, size_t wl)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == wl && memcmp(list[i], w, wl) == 0) return true;
    return false;
}

int pcl_stopword(const char *w, size_t n)
{
    if (n == 0 || n > 8) return 0;
    if (in_list(STOP_EN, sizeof STOP_EN / sizeof *STOP_EN, w, n)) return 1;
    if (in_list(STOP_DE, sizeof STOP_DE / sizeof *STOP_DE, w, n)) return 2;
    if (in_list(STOP_OTHER, sizeof STOP_OTHER / sizeof *STOP_OTHER, w, n)) return 3;
    return 0;
}
