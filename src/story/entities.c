/* Key entities of a story: proper-noun phrases, typed by cues, merged across
 * variants, ranked by how many sources mention them (see story.h). */
#include "story.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

#define MAX_PHRASE_WORDS 8 /* words of a run, its connectors with them ("Chief Inspector Ann Hollis of Westray Constabulary") */
#define MAX_PHRASE_CAPS 6  /* capitalised words of a run */
#define LOWER_DOC_MAX (256u * 1024u)      /* a lower-case report longer than this is not read */
#define LOWER_DOCS_MAX (4u * 1024u * 1024u) /* nor any past this many bytes of them in a story */
#define MAX_NAME_BYTES 120

/* Titles before a name: cut off, and the name is a person. Lower case. */
static const char *const TITLES[] = {
    "adm", "admiral", "adviser", "advisor", "ambassador", "archbishop", "ayatollah", "bishop",
    "bundeskanzler", "bundeskanzlerin", "bürgermeister", "bürgermeisterin", "capt", "captain",
    "cardinal", "ceo", "chairman", "chairwoman", "chancellor", "chief", "coach", "col", "colonel",
    "commissioner", "constable", "crown", "defence", "defense", "deputy", "detective", "director",
    "direktor", "direktorin", "dr", "emir", "engineer", "foreign", "former", "frau", "gen",
    "general", "gov", "governor", "herr", "homeland", "imam", "ingenieur", "ingenieurin",
    "inspector", "interior", "judge", "justice", "king", "landrat", "leader", "lord", "lt", "mayor",
    "mep", "minister", "ministerin", "ministerpräsident", "mp", "mr", "mrs", "ms", "national",
    "officer", "pope", "premier", "president", "prime", "prince", "princess", "prof", "professor",
    "präsident", "präsidentin", "queen", "rabbi", "rep", "rev", "reverend", "secretary",
    "secretary-general", "security", "sen", "senator", "sergeant", "sheikh", "sheriff", "sir",
    "skipper", "speaker", "spokesman", "spokeswoman", "sprecher", "sprecherin", "state",
    "superintendent", "treasury", "vice",
};

/* Words that make a phrase an organisation. Lower case. */
static const char *const ORG_WORDS[] = {
    "academy", "administration", "advertiser", "ag", "agency", "airlines", "airways", "alliance",
    "army", "assembly", "association", "authority", "bank", "board", "brigade", "brigades",
    "bulletin", "bundestag", "bureau", "cabinet", "choir", "chronicle", "church", "club",
    "coalition", "college", "commission", "committee", "company", "congress", "constabulary", "consulate", "corp",
    "corporation", "corps", "council", "courier", "court", "daily", "department", "directorate",
    "division", "echo", "embassy", "ensemble", "federation", "ferries", "force", "forces",
    "foundation", "front", "fund", "gazette", "gmbh", "government", "group", "guard", "guards", "herald",
    "hospital", "house", "inc", "institute", "journal", "league", "legislature", "ltd", "militia",
    "ministerium", "ministry", "movement", "nations", "navy", "news", "observer", "office",
    "orchestra", "organisation", "organization", "parliament", "partei", "party", "police", "post",
    "press", "program", "programme", "railway", "railways", "regierung", "relief", "reuters",
    "school", "secretariat", "senate", "sentinel", "service", "services", "society", "squad",
    "survey", "telegraph", "times", "tribunal", "tribune", "union", "university", "wire",
};

/* Last words that make a name of two or more words a company, whatever a
 * preposition before it suggests ("sold to Velmar Shipping", "bought from
 * Kestrel Partners"): the heads firms are named with. Lower case. */
static const char *const ORG_HEADS[] = {
    "aerospace", "afc", "analytics", "associates", "bancorp", "biosciences", "biotech", "brands", "broadcasting",
    "capital", "cargo", "chemicals", "co", "communications", "consortium", "construction",
    "dynamics", "electronics", "energy", "engineering", "enterprises", "exchange", "fc",
    "financial", "foods", "freight", "holdings", "industries", "insurance", "investments",
    "laboratories", "labs", "legal", "limited", "lines", "llc", "logistics", "media", "metals",
    "minerals", "mines", "mining", "motors", "networks", "oil", "partners", "petroleum", "pharma",
    "pharmaceuticals", "plc", "properties", "resources", "rfc", "robotics", "securities",
    "shipping", "shipyard", "shipyards", "software", "solicitors", "solutions", "steel", "systems",
    "technologies", "telecom", "therapeutics", "transport", "trust", "ventures",
};

/* Last words that name a sports club ("Hollinside Athletic", "Tarn
 * Rovers"): not company words, so a town is no short form of its club by
 * them alone. */
static const char *const CLUB_HEADS[] = {"albion", "athletic", "rangers", "rovers", "united", "wanderers"};

/* Nouns in lower case right before a name that make it a company or a body
 * ("the shipping firm Velmar", "insurer Harrow Mutual", "rival Quellan", "the
 * environment agency, Greenwatch,"); after it as an apposition too ("Velmar,
 * the shipping firm,"). */
static const char *const ORG_NOUNS[] = {
    "agency", "airline", "band", "broadcaster", "broker", "charity", "club", "company",
    "conglomerate", "contractor", "developer", "firm", "group", "insurer", "lender", "maker",
    "manufacturer", "organisation", "organization", "party", "regulator", "retailer", "rival",
    "shipper", "startup", "subsidiary", "supplier", "team", "union", "utility", "watchdog",
};

/* Words of a sale, a payment, a message or a reaction before "to" / "from":
 * what follows is a party to it, not a destination ("sold to X", "a loan from
 * X", "a reaction from X"). */
static const char *const TRANSFER_WORDS[] = {
    "acquired", "approval", "awarded", "backing", "bid", "bought", "chartered",
    "complaint", "contract", "contracted", "criticism", "demand", "donated", "donation",
    "funding", "grant", "granted", "handed", "leased", "lent", "letter", "licensed", "loan",
    "loaned", "offer", "order", "outsourced", "owed", "paid", "payment", "pressure",
    "purchased", "reaction", "rented", "request", "response", "sold", "stake",
    "supplied", "support", "transferred",
};

/* Title words that only qualify another title ("National Security Adviser",
 * "Foreign Minister"): alone they cut nothing ("National Assembly"). */
static const char *const TITLE_MODIFIERS[] = {
    "chief", "crown", "defence", "defense", "deputy", "foreign", "former", "homeland", "interior",
    "national", "prime", "security", "state", "treasury", "vice",
};

/* Nationality words: cut off a name's front ("Israeli Haaretz"), and never an
 * entity alone. Plurals are matched by a trailing "s". Lower case. */
static const char *const DEMONYMS[] = {
    "afghan", "african", "american", "amerikanische", "amerikanischen", "arab", "argentine",
    "asian", "australian", "austrian", "belarusian", "belgian", "brazilian", "britische",
    "british", "canadian", "chinese", "colombian", "cuban", "danish", "deutsche", "deutschen",
    "dutch", "eastern", "egyptian", "emirati", "english", "european", "filipino", "finnish",
    "französische", "french", "german", "greek", "hungarian", "indian", "indonesian", "iranian",
    "iranische", "iranischen", "iraqi", "irish", "israeli", "israelische", "israelischen",
    "italian", "japanese", "jordanian", "kenyan", "korean", "kurdish", "lebanese", "libyan",
    "local", "mexican", "nigerian", "northern", "norwegian", "pakistani", "palestinian", "polish",
    "portuguese", "qatari", "russian", "russische", "russischen", "saudi", "scottish", "senior",
    "serbian", "southern", "spanish", "sudanese", "swedish", "swiss", "syrian", "syrische",
    "syrischen", "taiwanese", "thai", "top", "turkish", "ukrainian", "venezuelan", "vietnamese",
    "welsh", "western", "yemeni",
};

/* Role nouns in lower case right before a name make it a person ("passenger
 * Ruth Okafor", "trawler skipper Jonas Vell", "chief executive Paul Dunmore");
 * the titles above count too ("island council leader Maria Holt"). */
static const char *const ROLE_NOUNS[] = {
    "activist", "actor", "actress", "analyst", "artist", "athlete", "attorney", "author", "baker",
    "barrister", "bishop", "boss", "brother", "campaigner", "candidate", "captain", "chairperson",
    "chairwoman", "chef", "coach", "colleague", "comedian", "commander", "commentator", "composer",
    "conductor", "constable", "coroner", "correspondent", "councillor", "councilor", "crew",
    "critic", "curator", "dancer", "daughter", "defender", "designer", "doctor", "driver",
    "economist", "editor", "employee", "engineer", "executive", "farmer", "father", "firefighter",
    "fisherman", "forecaster", "founder", "friend", "goalkeeper", "grandfather", "grandmother",
    "headmaster", "headteacher", "historian", "husband", "imam", "journalist", "lawmaker", "lawyer",
    "lecturer", "legislator", "manager", "mechanic", "mediator", "member", "meteorologist",
    "midfielder", "midwife", "mother", "neighbor", "neighbour", "nurse", "official", "operator",
    "organiser", "organizer", "owner", "paramedic", "passenger", "passengers", "photographer",
    "pilot", "player", "poet", "presenter", "president", "priest", "principal", "professor",
    "prosecutor", "rabbi", "reporter", "researcher", "resident", "residents", "scientist",
    "sergeant", "shopkeeper", "singer", "sister", "soldier", "solicitor", "son", "spokesperson",
    "striker", "student", "surgeon", "survivor", "teacher", "volunteer", "wife", "winger",
    "witness", "worker", "writer",
};

/* Nouns for craft right before a name: "the ferry Aster Bay", "vessel Aster
 * Bay", "the tanker Nordic Star" are ships, not places (whatever "Bay" says). */
static const char *const CRAFT_NOUNS[] = {
    "aboard", "aircraft", "airliner", "barge", "boat", "carrier", "catamaran", "cruiser",
    "destroyer", "ferry", "freighter", "frigate", "helicopter", "jet", "liner", "locomotive",
    "onboard", "plane", "probe", "rocket", "satellite", "schooner", "ship", "shuttle",
    "spacecraft", "steamer", "submarine", "tanker", "train", "trawler", "tug", "tugboat", "vessel",
    "yacht",
};

/* "<place noun> of X": "the port of Ellisford", "the island of Velmora", "the
 * town of Orrin", "south of Kell". */
static const char *const PLACE_NOUNS[] = {
    "archipelago", "borough", "capital", "center", "centre", "city", "coast", "county", "district",
    "east", "emirate", "hamlet", "harbor", "harbour", "heart", "island", "islands", "kingdom",
    "municipality", "north", "northeast", "northwest", "outskirts", "parish", "peninsula", "port",
    "province", "region", "republic", "shores", "south", "southeast", "southwest", "state",
    "streets", "suburb", "territory", "town", "village", "west",
};

/* Countries (and their common short forms) are places whatever cue is near:
 * "US" is no organisation, "United States" no other. Lower case, as
 * pt_normalize gives them. */
static const char *const COUNTRIES[] = {
    "afghanistan", "albania", "algeria", "america", "amerika", "andorra", "angola", "argentina",
    "armenia", "australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh",
    "barbados", "belarus", "belgium", "belize", "benin", "bhutan", "bolivia", "bosnia", "botswana",
    "brazil", "britain", "brunei", "bulgaria", "burkina faso", "burundi", "cambodia", "cameroon",
    "canada", "chad", "chile", "china", "colombia", "congo", "costa rica", "croatia", "cuba",
    "cyprus", "czech republic", "czechia", "denmark", "deutschland", "djibouti", "dominica",
    "ecuador", "egypt", "el salvador", "england", "eritrea", "estonia", "eswatini", "ethiopia",
    "fiji", "finland", "france", "frankreich", "gabon", "gambia", "georgia", "germany", "ghana",
    "great britain", "greece", "grenada", "guatemala", "guinea", "guyana", "haiti", "honduras",
    "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy",
    "jamaica", "japan", "jordan", "kazakhstan", "kenya", "kosovo", "kuwait", "kyrgyzstan", "laos",
    "latvia", "lebanon", "lesotho", "liberia", "libya", "liechtenstein", "lithuania", "luxembourg",
    "madagascar", "malawi", "malaysia", "maldives", "mali", "malta", "mauritania", "mauritius",
    "mexico", "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar",
    "namibia", "nepal", "netherlands", "new zealand", "nicaragua", "niger", "nigeria",
    "north korea", "north macedonia", "norway", "oman", "pakistan", "palestine", "panama",
    "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia",
    "russland", "rwanda", "saudi arabia", "schweiz", "scotland", "senegal", "serbia",
    "sierra leone", "singapore", "slovakia", "slovenia", "somalia", "south africa", "south korea",
    "south sudan", "spain", "sri lanka", "sudan", "suriname", "sweden", "switzerland", "syria",
    "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tunisia", "turkey", "turkmenistan",
    "u.k", "u.k.", "u.s", "u.s.", "u.s.a", "uae", "uganda", "uk", "ukraine",
    "united arab emirates", "united kingdom", "united states", "united states of america",
    "uruguay", "us", "usa", "uzbekistan", "venezuela", "vereinigte staaten", "vietnam", "wales",
    "yemen", "zambia", "zimbabwe", "österreich",
};
/* Continents and regions named like countries: places too. */
static const char *const REGIONS[] = {
    "africa", "afrika", "antarctica", "asia", "asien", "balkans", "caribbean", "central america",
    "central asia", "east africa", "east asia", "europa", "europe", "latin america", "middle east",
    "north america", "oceania", "scandinavia", "south america", "south asia", "southeast asia",
    "west africa",
};

/* Capitalised words that are never entities on their own: days, months, time
 * zones, "I", and contractions as pt_normalize gives them (apostrophes
 * dropped: "I'm" is "im"). Lower case. */
static const char *const NOT_NAMES[] = {
    "I'm", "They're", "apr", "april", "aug", "august", "bst", "cant", "cest", "cet", "dec",
    "december", "didnt", "dienstag", "doesnt", "donnerstag", "dont", "edt", "est", "feb",
    "february", "freitag", "friday", "gmt", "hes", "i", "i'd", "i'll", "i'm", "i've", "im", "isnt",
    "itll", "ive", "jan", "january", "jul", "july", "jun", "june", "lets", "march", "mesz", "mez",
    "mittwoch", "monday", "montag", "nov", "november", "oct", "october", "ok", "pdt", "pst",
    "samstag", "saturday", "sep", "sept", "september", "shes", "sonntag", "sunday", "thats",
    "theres", "theyre", "theyve", "thursday", "tuesday", "utc", "wasnt", "wednesday", "weve",
    "whats", "wont", "youre", "youve",
};

/* German function words: capitalised opening a sentence they are no name
 * ("Die Feuerwehr", "Nach Angaben"); the determiners among them mark the
 * capitalised word after them, or after them and an adjective, as a noun
 * ("der Deich", "die ganze Nacht"). Lower case. */
static const char *const DE_FUNCTION[] = {
    "aber", "alle", "als", "am", "an", "auch", "auf", "aus", "bei", "beim", "bis", "da", "das",
    "dass", "dem", "den", "der", "des", "die", "diese", "dieser", "doch", "ein", "eine", "einem",
    "einen", "einer", "eines", "einige", "er", "es", "für", "gegen", "hier", "ihr", "ihre", "im",
    "in", "ins", "ist", "jede", "jeder", "jetzt", "kein", "keine", "laut", "man", "manche", "mehr",
    "mehrere", "mit", "nach", "nicht", "noch", "nun", "nur", "ob", "oder", "ohne", "seine", "seit",
    "sie", "sind", "so", "trotz", "um", "und", "unter", "viele", "vom", "von", "vor", "war", "was",
    "wegen", "wenige", "wenn", "wie", "wir", "wird", "wurde", "während", "zahlreiche", "zu", "zum",
    "zur", "über",
};
static const char *const DE_DETERMINERS[] = {
    "alle", "beim", "das", "dem", "den", "der", "des", "die", "diese", "diesem", "diesen", "dieser",
    "dieses", "ein", "eine", "einem", "einen", "einer", "eines", "einige", "ihre", "ihrem",
    "ihren", "ihrer", "ins", "jede", "jeder", "jedes", "kein", "keine", "keinen", "keiner",
    "manche", "mehrere", "seine", "seinem", "seinen", "seiner", "unsere", "viele", "vom", "wenige",
    "zahlreiche", "zum", "zur",
};
/* Words that tell German text from English (none of them an English word). */
static const char *const DE_MARKERS[] = {
    "auch", "auf", "bei", "beim", "dem", "den", "der", "des", "eine", "einer", "für", "ist",
    "mit", "nach", "nicht", "sagte", "sich", "und", "vom", "werden", "wurde", "zum", "zur", "über",
};
static const char *const EN_MARKERS[] = {"and", "for", "from", "has", "said", "that", "the", "was",
                                         "were", "with"};

static int cmp_word(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

/* The lists are kept sorted (strcmp order, checked by pst_entity_lists_sorted
 * in the unit tests): a phrase is looked up in several of them per word, and a
 * linear scan of the country list was a fifth of digest's time on a large story. */
static bool in_list(const char *const *list, size_t n, const char *w)
{
    return bsearch(w, list, n, sizeof *list, cmp_word) != NULL;
}
#define IN(list, w) in_list(list, sizeof list / sizeof *list, w)

static bool country_or_region(const char *w) { return IN(COUNTRIES, w) || IN(REGIONS, w); }

/* Is a word a plain count ("2,000", "12")? An ordinal ("14th") counts no
 * people: "the 14th Games". */
static bool plain_number(const char *word)
{
    if (!word || word[0] < '0' || word[0] > '9') return false;
    for (const char *c = word; *c; c++)
        if (!((*c >= '0' && *c <= '9') || *c == ',' || *c == '.')) return false;
    return true;
}

bool pst_capitalised(const char *s, size_t n)
{
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp) <= 0) return false;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static bool only_spaces(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r') return false;
    return true;
}

/* Is the word right after next_word (which starts at text[after + 1]), one
 * space between, in list? ("Town's home match": "match"; "Brannock shares
 * rose": "rose") */
static bool word_after_next_in(const char *text, size_t limit, size_t after, const char *next_word,
                               const char *const *list, size_t n)
{
    size_t pos = after, ws, we;
    char word[PT_WORD_MAX + 1];
    if (!pt_next_word(text, limit, &pos, &ws, &we) || !pt_next_word(text, limit, &pos, &ws, &we) ||
        !only_spaces(text, after + 1 + strlen(next_word), ws))
        return false;
    pt_normalize(text + ws, we - ws, word);
    return in_list(list, n, word);
}

typedef struct mention_key {
    uint64_t hash;   /* of the normalised name */
    uint32_t index;  /* into items */
} mention_key;

typedef struct item {
    char *name;         /* display form */
    char *norm;         /* normalised words joined by ' ' */
    uint32_t nlen;      /* strlen(norm): the all-pairs passes compare lengths first */
    uint32_t n_words;
    uint32_t votes[4];  /* type votes */
    uint32_t craft;     /* mentions named as a ship, plane or train ("the ferry X") */
    uint32_t legal;     /* variants with a company's legal suffix merged in ("X Corp") */
    uint32_t speaks;    /* one-word mentions next to "said" / "told" ("Roux said") */
    uint32_t surname;   /* person votes from such a word merged in (weak evidence) */
    uint32_t at_place;  /* mentions after "at" ("at Kingsmead"): a place when nothing else says */
    uint32_t attrib;    /* one-word mentions right before a lower-case noun ("Keldoran troops") */
    uint32_t medium;    /* mentions named as a newspaper or broadcaster ("the daily X", "X, a weekly,") */
    uint32_t group;     /* one-word plural mentions counted or qualified as people ("3,000 Tervanis",
                         * "thousands of X", "ethnic X"): a group, see people_plural */
    uint32_t place_head;   /* 1 + index in PLACE_WORDS of a lower-case head right after a one-word
                            * mention ("the Kessel tunnel"), 0 if none */
    uint32_t head_n;       /* mentions so followed */
    uint32_t ctx[8];       /* hashes of words said beside a name of two or three words
                            * ("Fire chief", "farmer", "county fire service"): whether two
                            * spellings of one first name speak of one person */
    uint32_t n_ctx;
    uint32_t mentions;
    uint32_t de_bare;      /* one-word mentions in German text, where every noun is
                            * capitalised: no name by its case alone */
    uint32_t mid_mentions; /* not at a sentence start, where any word is capitalised */
    uint32_t start_next;   /* hash (| 1) of the word after its first mention opening a sentence */
    bool start_varied;     /* another word after another such mention: no one sentence repeated */
    uint64_t *docs;     /* bitset would be unbounded: small sorted list instead */
    uint32_t n_docs, cap_docs;
    int32_t merged_into; /* -1, or the item that absorbed it */
} item;

struct pst_entities {
    pc_arena arena;
    item *items;
    size_t n_items, cap_items;
    uint32_t *table; /* open addressing over items: index + 1 */
    size_t n_table;
    /* hashes of the words the story writes in lower case (open addressing,
     * 0 = empty): a capitalised word seen only opening sentences is a name
     * when the story never writes it in lower case (lower_seen) */
    uint64_t *lower;
    size_t n_lower, cap_lower;
    /* reports written wholly in lower case ("transport minister mira solberg
     * said"): no capital tells a name there, so the names the other reports
     * give are looked for in them when the story is ranked (lower_credit) */
    struct lower_doc {
        const char *text;
        size_t len;
        uint32_t doc;
    } *lower_docs;
    size_t n_lower_docs, cap_lower_docs, lower_docs_bytes;
    pst_entity *ranked;
    size_t n_ranked;
    /* German text, where every noun is capitalised: the document being added
     * is (detected, or said so by pst_entities_german) */
    bool german, german_said;
    /* the sentence being read (text[sent_start..sent_end)), for the words
     * around a name (item.ctx) */
    const char *cur_text;
    size_t sent_start, sent_end;
    size_t name_a, name_b; /* the name being recorded, text[name_a..name_b); 0, 0 when none */
    /* the last name emitted, for a second one joined to it by "and" */
    const char *last_text;
    size_t last_end, last_item, last_words;
    pst_entity_type last_vote;
};

const char *pst_entity_type_name(pst_entity_type t)
{
    switch (t) {
    case PST_PERSON: return "person";
    case PST_ORG: return "org";
    case PST_PLACE: return "place";
    default: return "other";
    }
}

precis_status pst_entities_new(pst_entities **out)
{
    pst_entities *e = calloc(1, sizeof *e);
    if (!e) return PRECIS_ENOMEM;
    pc_arena_init(&e->arena);
    *out = e;
    return PRECIS_OK;
}

void pst_entities_free(pst_entities *e)
{
    if (!e) return;
    for (size_t i = 0; i < e->n_items; i++) free(e->items[i].docs);
    free(e->items);
    free(e->table);
    free(e->lower);
    free(e->lower_docs);
    free(e->ranked);
    pc_arena_reset(&e->arena);
    free(e);
}

static precis_status table_grow(pst_entities *e)
{
    size_t n = e->n_table ? e->n_table * 2 : 256;
    uint32_t *t = calloc(n, sizeof *t);
    if (!t) return PRECIS_ENOMEM;
    for (size_t i = 0; i < e->n_items; i++) {
        size_t b = XXH3_64bits(e->items[i].norm, strlen(e->items[i].norm)) & (n - 1);
        while (t[b]) b = (b + 1) & (n - 1);
        t[b] = (uint32_t)i + 1;
    }
    free(e->table);
    e->table = t;
    e->n_table = n;
    return PRECIS_OK;
}

/* Notes that the story writes the normalised word w[0..n) in lower case. */
static precis_status lower_add(pst_entities *e, const char *w, size_t n)
{
    if (2 * (e->n_lower + 1) > e->cap_lower) {
        size_t cap = e->cap_lower ? e->cap_lower * 2 : 1024;
        uint64_t *t = calloc(cap, sizeof *t);
        if (!t) return PRECIS_ENOMEM;
        for (size_t i = 0; i < e->cap_lower; i++)
            if (e->lower[i]) {
                size_t b = e->lower[i] & (cap - 1);
                while (t[b]) b = (b + 1) & (cap - 1);
                t[b] = e->lower[i];
            }
        free(e->lower);
        e->lower = t;
        e->cap_lower = cap;
    }
    uint64_t h = XXH3_64bits(w, n) | 1; /* never 0, the empty slot */
    size_t b = h & (e->cap_lower - 1);
    while (e->lower[b]) {
        if (e->lower[b] == h) return PRECIS_OK;
        b = (b + 1) & (e->cap_lower - 1);
    }
    e->lower[b] = h;
    e->n_lower++;
    return PRECIS_OK;
}

/* Does the story write the normalised word w[0..n) in lower case? */
static bool lower_seen(const pst_entities *e, const char *w, size_t n)
{
    if (!e->cap_lower) return false;
    uint64_t h = XXH3_64bits(w, n) | 1;
    size_t b = h & (e->cap_lower - 1);
    while (e->lower[b]) {
        if (e->lower[b] == h) return true;
        b = (b + 1) & (e->cap_lower - 1);
    }
    return false;
}

static precis_status add_doc(item *it, uint32_t doc)
{
    for (uint32_t i = 0; i < it->n_docs; i++)
        if (it->docs[i] == doc) return PRECIS_OK;
    if (it->n_docs == it->cap_docs) {
        uint32_t cap = it->cap_docs ? it->cap_docs * 2 : 4;
        uint64_t *d = realloc(it->docs, cap * sizeof *d);
        if (!d) return PRECIS_ENOMEM;
        it->docs = d;
        it->cap_docs = cap;
    }
    it->docs[it->n_docs++] = doc;
    return PRECIS_OK;
}

static bool all_caps(const char *s)
{
    bool letter = false;
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z') return false;
        letter |= *s >= 'A' && *s <= 'Z';
    }
    return letter;
}

/* A vote for record(): "at X" says place only weakly — "at Kingsmead" is a
 * ground, "at Brennock" its club, "at Lumora" an employer. */
#define WEAK_PLACE ((pst_entity_type)4)

/* Words too common beside any name to tell one person from another. */
static const char *const CTX_STOP[] = {"about", "after", "also", "been", "before", "from", "have",
                                       "into", "said", "says", "that", "their", "them", "there",
                                       "they", "this", "told", "were", "when", "which", "will",
                                       "with", "would"};

/* Adds to it->ctx the words of at most four words before and after the name
 * being recorded (e->name_a..name_b) in the sentence being read (four
 * letters or more, no word of its own name). */
static void context_add(pst_entities *e, item *it)
{
    const char *text = e->cur_text;
    size_t a = e->name_a, b = e->name_b;
    e->name_a = e->name_b = 0;
    if (!text || b <= a || a < e->sent_start || b > e->sent_end) return;
    size_t spans[8][2], n = 0, back = 0;
    size_t from = a > e->sent_start + 120 ? a - 120 : e->sent_start, pos = from, ws, we;
    size_t ring[4][2];
    bool first = true;
    while (pt_next_word(text, a, &pos, &ws, &we)) {
        if (first && from > e->sent_start && ws == from) { /* a word cut by the window */
            first = false;
            continue;
        }
        first = false;
        ring[back % 4][0] = ws, ring[back % 4][1] = we;
        back++;
    }
    for (size_t k = back > 4 ? back - 4 : 0; k < back; k++) spans[n][0] = ring[k % 4][0], spans[n][1] = ring[k % 4][1], n++;
    pos = b;
    for (size_t k = 0; k < 4 && pt_next_word(text, e->sent_end, &pos, &ws, &we); k++)
        spans[n][0] = ws, spans[n][1] = we, n++;
    for (size_t k = 0; k < n && it->n_ctx < sizeof it->ctx / sizeof *it->ctx; k++) {
        char norm[PT_WORD_MAX + 1];
        size_t nl = pt_normalize(text + spans[k][0], spans[k][1] - spans[k][0], norm);
        if (nl < 4 || IN(CTX_STOP, norm) || IN(NOT_NAMES, norm)) continue;
        const char *in = strstr(it->norm, norm);
        if (in && (in == it->norm || in[-1] == ' ') && (in[nl] == 0 || in[nl] == ' ')) continue;
        uint32_t h = (uint32_t)XXH3_64bits(norm, nl);
        bool seen = false;
        for (uint32_t c = 0; c < it->n_ctx; c++) seen |= it->ctx[c] == h;
        if (!seen) it->ctx[it->n_ctx++] = h;
    }
}

static precis_status record(pst_entities *e, uint32_t doc, const char *display, size_t dlen,
                            const char *norm, size_t nlen, uint32_t n_words, pst_entity_type vote,
                            bool mid, bool craft, bool speaks)
{
    uint32_t weak = vote == WEAK_PLACE;
    if (weak) vote = PST_OTHER;
    if (2 * (e->n_items + 1) > e->n_table) {
        precis_status st = table_grow(e);
        if (st) return st;
    }
    size_t b = XXH3_64bits(norm, nlen) & (e->n_table - 1);
    while (e->table[b]) {
        item *it = &e->items[e->table[b] - 1];
        if (strlen(it->norm) == nlen && !memcmp(it->norm, norm, nlen)) {
            it->mentions++;
            it->de_bare += e->german && n_words == 1;
            if (n_words >= 2 && n_words <= 3) context_add(e, it);
            it->mid_mentions += mid;
            it->votes[vote]++;
            it->craft += craft;
            it->speaks += speaks;
            it->at_place += weak;
            e->last_item = (size_t)(it - e->items);
            e->last_vote = weak ? WEAK_PLACE : vote;
            /* a dateline's "ELLISFORD" is shown as the text writes it elsewhere */
            if (all_caps(it->name) && dlen > 0 && memchr(display, 0, dlen) == NULL) {
                char *dn = pc_arena_strndup(&e->arena, display, dlen);
                if (!dn) return PRECIS_ENOMEM;
                if (!all_caps(dn)) it->name = dn;
            }
            return add_doc(it, doc);
        }
        b = (b + 1) & (e->n_table - 1);
    }
    if (e->n_items == e->cap_items) {
        size_t cap = e->cap_items ? e->cap_items * 2 : 64;
        item *v = realloc(e->items, cap * sizeof *v);
        if (!v) return PRECIS_ENOMEM;
        e->items = v;
        e->cap_items = cap;
    }
    item *it = &e->items[e->n_items];
    memset(it, 0, sizeof *it);
    it->name = pc_arena_strndup(&e->arena, display, dlen);
    it->norm = pc_arena_strndup(&e->arena, norm, nlen);
    it->nlen = (uint32_t)nlen;
    if (!it->name || !it->norm) return PRECIS_ENOMEM;
    it->n_words = n_words;
    it->mentions = 1;
    it->de_bare = e->german && n_words == 1;
    it->mid_mentions = mid;
    it->votes[vote] = 1;
    it->craft = craft;
    it->speaks = speaks;
    it->at_place = weak;
    it->merged_into = -1;
    e->last_item = e->n_items;
    e->last_vote = weak ? WEAK_PLACE : vote;
    e->table[b] = (uint32_t)++e->n_items;
    if (n_words >= 2 && n_words <= 3) context_add(e, it);
    return add_doc(it, doc);
}

typedef struct word_span {
    size_t start, end;
    char norm[PT_WORD_MAX + 1];
    size_t nlen;
} word_span;

/* Bytes of a possessive ending of text[ws..we) ("Putin's", with a straight or curly apostrophe), 0 if none. */
static size_t possessive_len(const char *text, size_t ws, size_t we)
{
    if (we - ws > 2 && text[we - 2] == '\'' && text[we - 1] == 's') return 2;
    if (we - ws > 4 && !memcmp(text + we - 4, "\xE2\x80\x99s", 4)) return 4;
    return 0;
}

/* The normalised words a..b joined by spaces, for the country lists; words
 * that would not fit MAX_NAME_BYTES are left off. */
static size_t join_norm(const word_span *w, size_t a, size_t b, char whole[MAX_NAME_BYTES])
{
    size_t wl = 0;
    for (size_t i = a; i < b && wl + w[i].nlen + 2 < MAX_NAME_BYTES; i++) {
        if (i > a) whole[wl++] = ' ';
        memcpy(whole + wl, w[i].norm, w[i].nlen);
        wl += w[i].nlen;
    }
    whole[wl] = 0;
    return wl;
}

static bool is_demonym(const char *w);

/* A German street's name is one word ending in a street noun ("am
 * Mühlenweg", "in der Hauptstraße", "Lindenallee"): a place, though German
 * capitalises every noun. A short first part and the ways that are no
 * street ("auf dem Rückweg", "der Radweg") are nouns. */
static bool de_street(const char *norm)
{
    static const char *const TAIL[] = {"allee", "damm", "gasse", "platz", "strasse", "straße", "ufer", "weg"};
    static const char *const NOUNS[] = {"arbeitsplatz", "arbeitsweg", "ausweg", "bundesstraße", "deichweg",
                                         "einkaufsstraße", "feldweg", "fußweg", "gehweg", "hauptstraße",
                                         "heimweg", "hinweg", "landstraße", "landweg", "luftweg",
                                         "marktplatz", "nebenstraße", "parkplatz", "radweg", "rückweg",
                                         "schulweg", "seeweg", "seitenstraße", "spielplatz", "sportplatz",
                                         "umgehungsstraße", "umweg", "waldweg", "wanderweg"};
    size_t n = strlen(norm);
    for (size_t i = 0; i < sizeof NOUNS / sizeof *NOUNS; i++)
        if (!strcmp(norm, NOUNS[i])) return false;
    for (size_t i = 0; i < sizeof TAIL / sizeof *TAIL; i++) {
        size_t t = strlen(TAIL[i]);
        if (n >= t + 4 && !strcmp(norm + n - t, TAIL[i])) return true;
    }
    return false;
}

/* A demonym or an adjective, no first name: "Islamic", "Japanese", and at a
 * sentence start "Stunned" (-ed of six letters or more, not "-med",
 * "-fred", "-fried": Ahmed, Alfred). */
static bool adjective_like(const char *word, size_t n, bool at_start)
{
    static const char *const IC_NAMES[] = {"alaric", "cedric", "dominic", "frederic", "ludovic"};
    if (is_demonym(word)) return true;
    if (n > 4 && !memcmp(word + n - 2, "ic", 2) && !IN(IC_NAMES, word)) return true;
    if (n > 5 && !memcmp(word + n - 3, "ese", 3)) return true;
    /* "Congressional Democrats", "Provincial", "Federal": -ional, -ial, -eral */
    if (n >= 7 && (!memcmp(word + n - 5, "ional", 5) || !memcmp(word + n - 3, "ial", 3) ||
                   !memcmp(word + n - 4, "eral", 4)))
        return true;
    bool fred = n >= 6 && ((word[n - 3] == 'r' && word[n - 4] == 'f') ||
                           (word[n - 3] == 'i' && word[n - 4] == 'r' && word[n - 5] == 'f')); /* Alfred, Siegfried */
    return at_start && n >= 6 && !memcmp(word + n - 2, "ed", 2) && word[n - 3] != 'm' && !fred;
}

/* Could the words before the last of l be a person's first names? No
 * demonym or adjective among them ("Islamic Taliban", "Bangkok Asian
 * Games"; "Stunned Democrats" when never seen in mid-sentence). */
static bool name_like(const item *l)
{
    const char *p = l->norm, *last = strrchr(l->norm, ' ');
    while (last && p < last) {
        const char *sp = strchr(p, ' ');
        size_t n = (size_t)(sp - p);
        char word[PT_WORD_MAX + 1];
        if (n > PT_WORD_MAX) return false;
        memcpy(word, p, n);
        word[n] = 0;
        if (adjective_like(word, n, !l->mid_mentions)) return false;
        p = sp + 1;
    }
    return true;
}

/* Emits the phrase words[a..b) (after cutting titles and stray edge words). */
static bool is_demonym(const char *w)
{
    if (IN(DEMONYMS, w)) return true;
    size_t n = strlen(w);
    if (n > 3 && w[n - 1] == 's') { /* "Israelis", "Iranians" */
        char sing[PT_WORD_MAX + 1];
        memcpy(sing, w, n - 1);
        sing[n - 1] = 0;
        return IN(DEMONYMS, sing);
    }
    return false;
}

/* "Cambodian", "Kenyan", "Pakistani", "Brazilian", "Lebanese": an adjective
 * made from a country's name, whichever country (the list above has only the
 * common ones). */
static bool country_adjective(const char *w)
{
    size_t n = strlen(w);
    char t[PT_WORD_MAX + 8];
    if (n < 5 || n > PT_WORD_MAX) return false;
    static const struct { const char *end, *back; } forms[] = {
        {"n", ""}, {"i", ""}, {"ian", ""}, {"ian", "a"}, {"ese", "a"}, {"ese", ""}, {"an", ""},
        {"an", "a"}, {"ian", "y"}, {"ean", "a"}, {"ish", "ey"}, {"ic", "y"}, {"an", "as"},
        {"lese", ""}, {"ese", "on"}, {"e", "es"}, /* "Philippine" of the Philippines */
    };
    for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
        size_t el = strlen(forms[f].end);
        if (n <= el + 2 || strcmp(w + n - el, forms[f].end)) continue;
        memcpy(t, w, n - el);
        strcpy(t + n - el, forms[f].back);
        if (country_or_region(t)) return true;
    }
    return false;
}

/* Media nouns: "the X newspaper", "the daily X", "X, a weekly," name an outlet. */
static const char *const MEDIA_NOUNS[] = {
    "agency", "broadcaster", "channel", "daily", "magazine", "network", "newspaper", "paper",
    "radio", "tabloid", "television", "website", "weekly", "zeitung",
};

/* Of those, the ones that name a newspaper or a magazine and nothing else:
 * "Clinton television interview" or "on television X" say nothing of X. */
static const char *const PRESS_NOUNS[] = {"daily", "magazine", "newspaper", "paper", "tabloid", "weekly"};

/* Words that make a phrase a place. Lower case. */
static const char *const PLACE_WORDS[] = {
    "airport", "arena", "avenue", "bay", "beach", "bridge", "canyon", "cape", "cemetery", "city",
    "coast", "creek", "dam", "district", "forest", "fort", "ft", "gardens", "glen", "gulf", "harbor",
    "harbour", "heights", "hill", "hills", "island", "islands", "jail", "lake", "lane", "mount",
    "mountain", "mountains", "mt", "ocean", "park", "pier", "platz", "prison", "province", "quay", "region",
    "reservoir", "river", "road", "sea", "see", "square", "stadium", "station", "strait", "strasse",
    "straße", "street", "tunnel", "valley", "wharf",
};

static bool has_place_word(const word_span *w, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (IN(PLACE_WORDS, w[i].norm)) return true;
    return false;
}

static bool has_org_word(const word_span *w, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (IN(ORG_WORDS, w[i].norm)) return true;
    return false;
}

/* "Velmar Shipping", "Kestrel Partners": a company's head as the last word. */
static bool has_org_head(const word_span *w, size_t a, size_t b)
{
    return b - a >= 2 && IN(ORG_HEADS, w[b - 1].norm);
}

static bool is_said(const char *w)
{
    return !strcmp(w, "said") || !strcmp(w, "says") || !strcmp(w, "told") || !strcmp(w, "who") ||
           !strcmp(w, "sagte") || !strcmp(w, "sagt");
}

/* The phrase is followed by ", 54" or ", 54," (an age): a person. */
static bool age_follows(const char *text, size_t end, size_t limit)
{
    size_t i = end;
    if (i + 3 > limit || text[i] != ',' || text[i + 1] != ' ') return false;
    i += 2;
    size_t d = 0;
    while (i < limit && text[i] >= '0' && text[i] <= '9') i++, d++;
    return d >= 1 && d <= 3 && (i == limit || text[i] == ',' || text[i] == '.' || text[i] == ' ' ||
                                text[i] == ')' || text[i] == ';');
}

/* Nouns in lower case right after a name that make it a country or region:
 * "the Orsland parliament", "Orsland's prime minister", "the Valdmark border". */
/* ("the Ostmark council": in lower case, a place's council; "Ostmark Council" is a name) */
static const char *const POLITY_AFTER[] = {"border", "borders", "capital", "citizens", "coastline",
                                           "constitution", "council", "councils", "mainland",
                                           "parliament"};

/* Nouns right after a name that make it a body with members: "Kharim
 * fighters", "Iranian and Kharim deployments", "Corvane shareholders". */
static const char *const MEMBERS_AFTER[] = {"commanders", "deployments", "fighters", "guerrillas",
                                            "headquarters", "lawmakers", "members", "militants",
                                            "militiamen", "operatives", "shareholders", "stronghold",
                                            "strongholds"};

/* "<noun> of X" for people of a place: "residents of Marnby". */
static const char *const OF_PEOPLE[] = {"citizens", "inhabitants", "people", "residents"};

/* A plural possessive between two words of a name ("Growers' Union",
 * "Farmers’ League"): bytes of the apostrophe at text[a..b) when the word
 * before ends in s and only spaces follow it, else 0. */
static size_t plural_gap(const char *text, size_t a, size_t b)
{
    if (a == 0 || text[a - 1] != 's') return 0;
    size_t n = text[a] == '\'' ? 1 : (b - a > 3 && !memcmp(text + a, "\xE2\x80\x99", 3)) ? 3 : 0;
    if (!n || a + n >= b || !only_spaces(text, a + n, b)) return 0;
    return n;
}

/* Head nouns before "of" that make "X Y of Z" one name, not a person of Z:
 * "the Selmont Chamber of Commerce", "Royal Museum of Arts". Lower case. */
static const char *const OF_HEADS[] = {
    "academy", "basilica", "battle", "brotherhood", "castle", "cathedral", "chamber",
    "college", "commonwealth", "confederation", "declaration", "duchess", "duchy", "duke",
    "earl", "emirates", "emperor", "empire", "festival", "friends", "gallery", "hall", "isle",
    "knights", "library", "museum", "order", "palace", "republic", "sisters", "states", "statue",
    "temple", "theater", "theatre", "tower", "treaty", "war",
};

/* Storms have names: "Hurricane Mitch", "Typhoon Haiyan" are no places. */
static const char *const STORMS[] = {"cyclone", "hurricane", "storm", "tropical", "typhoon"};

/* A party-state tag after a lawmaker's name: ", D-Varn.,", ", R-Ind.", " (I-Tessa)",
 * ", D-N.Y.,": the party's letter, a hyphen, the state as a capitalised word or
 * its abbreviation, then a comma, a closing bracket or the sentence's end.
 * Returns the offset just past the tag's closing mark (its comma), 0 if no tag
 * starts at text[pos]. The tag is an affiliation: no entity of its own, and
 * what follows it ("said") is the lawmaker's cue. */
static size_t party_tag_end(const char *text, size_t pos, size_t limit)
{
    size_t i = pos;
    if (i + 4 > limit || !((text[i] == ',' && text[i + 1] == ' ') || text[i] == '(')) return 0;
    i += text[i] == '(' ? 1 : 2;
    if (i + 3 > limit || (text[i] != 'D' && text[i] != 'R' && text[i] != 'I') || text[i + 1] != '-' ||
        !(text[i + 2] >= 'A' && text[i + 2] <= 'Z'))
        return 0;
    i += 2;
    size_t st = i;
    while (i < limit && i - st < 16 && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z') || text[i] == '.'))
        i++;
    if (i - st < 2 && !(i < limit && text[i - 1] == '.')) return 0;
    if (i == limit) return i;
    if (text[i] == ',' || text[i] == ')' || text[i] == ';') return i + 1;
    return 0;
}

/* A state's or province's abbreviation after a place: "Ambry Hollow, Varn.,",
 * "Pellam, N.T.," (words of up to four letters, each closed by a full stop,
 * then a comma or the sentence's end). Returns the offset past the
 * abbreviation's last full stop, 0 if none at text[pos] (", " first). Not a
 * company's legal suffix ("Corvane, Inc.,") nor "Jr."/"Sr.". */
static size_t state_abbrev_end(const char *text, size_t pos, size_t limit)
{
    static const char *const NOT_STATES[] = {"co", "corp", "inc", "jr", "ltd", "plc", "sr"};
    size_t i = pos;
    if (i + 4 > limit || text[i] != ',' || text[i + 1] != ' ') return 0;
    i += 2;
    size_t words = 0, first = i;
    while (i < limit && text[i] >= 'A' && text[i] <= 'Z') {
        size_t ws = i++;
        while (i < limit && text[i] >= 'a' && text[i] <= 'z') i++;
        if (i - ws > 4 || i >= limit || text[i] != '.') return 0;
        i++, words++;
        if (words > 3) return 0;
    }
    if (!words) return 0;
    char low[8];
    size_t n = 0;
    for (size_t k = first; k < i && n + 1 < sizeof low; k++)
        if (text[k] != '.') low[n++] = (char)(text[k] | 0x20);
    low[n] = 0;
    if (words == 1 && IN(NOT_STATES, low)) return 0;
    if (i < limit && text[i] != ',' && text[i] != ';') return 0;
    return i;
}

/* What the words right after a name say of it (to the sentence's end at
 * limit):
 *  - an apposition: "Tobias Grell, the Information Commissioner," (a title or
 *    role: a person), "Greenwatch, the state's agency," (a body), "Ashgrove, a
 *    town of 3,000" (a place) — by its last word before punctuation or a
 *    preposition; not "..., the authority said" (attribution);
 *  - who speaks, by the pronoun that follows before any other name: "X said in
 *    a statement that its ..." is a body, "X said he ..." a person ("it" says
 *    nothing: "X said it was unlikely");
 *  - "X and his wife", "X and her son": a person.
 * PST_OTHER when none. */
static pst_entity_type cue_after(const char *text, size_t end, size_t limit, bool *medium)
{
    enum { N = 8 };
    char wd[N][PT_WORD_MAX + 1];
    bool cap[N], comma[N], stop[N];
    size_t n = 0, pos = end, prev = end, ws, we;
    while (n < N && pos < limit && pt_next_word(text, limit, &pos, &ws, &we)) {
        comma[n] = stop[n] = false;
        for (size_t g = prev; g < ws; g++) {
            if (text[g] == ',') comma[n] = true;
            else if (text[g] != ' ' && text[g] != '\n' && text[g] != '\t' && text[g] != '\r' && text[g] != '\'')
                stop[n] = true;
        }
        if (stop[n] && n == 0) return PST_OTHER;
        if (stop[n]) break;
        pt_normalize(text + ws, we - ws, wd[n]);
        cap[n] = pst_capitalised(text + ws, we - ws);
        prev = we;
        n++;
    }
    if (!n) return PST_OTHER;
    static const char *const DET[] = {"a", "an", "her", "his", "its", "our", "the", "their"};
    static const char *const NP_END[] = {"and", "at", "based", "by", "for", "from", "had", "has", "in",
                                         "is", "of", "on", "that", "to", "was", "which", "who", "will",
                                         "with", "would"};
    if (comma[0] && n >= 2 && IN(DET, wd[0])) {
        size_t i = 1, head = 0;
        while (i < n && !comma[i] && !IN(NP_END, wd[i]) && !is_said(wd[i])) head = i++;
        if (!head || (i < n && !comma[i] && is_said(wd[i]))) return PST_OTHER;
        const char *h = wd[head];
        /* a name as the last word is no head noun: "a Tallis University student"
         * stops at "of" in "a University of Tallis student" */
        if (cap[head] && !IN(TITLES, h) && !IN(ROLE_NOUNS, h)) return PST_OTHER;
        if (IN(ROLE_NOUNS, h) || (IN(TITLES, h) && !IN(TITLE_MODIFIERS, h))) return PST_PERSON;
        /* "Pravdin, a Vellish weekly,": a newspaper or broadcaster */
        if (IN(MEDIA_NOUNS, h)) {
            *medium = IN(PRESS_NOUNS, h);
            return PST_ORG;
        }
        /* words that name an outlet only as part of its name: "Goma, a small
         * trading post," is no body ("the lower house" is) */
        static const char *const OUTLET_WORDS[] = {"courier", "echo", "herald", "news", "observer", "post",
                                                   "press", "sentinel", "times", "tribune", "wire"};
        if (IN(ORG_NOUNS, h) || (IN(ORG_WORDS, h) && !IN(OUTLET_WORDS, h))) return PST_ORG;
        if (IN(PLACE_NOUNS, h)) return PST_PLACE;
        return PST_OTHER;
    }
    if (!comma[0] && is_said(wd[0]) && strcmp(wd[0], "who") != 0) {
        static const char *const HE[] = {"he", "her", "him", "his", "she"};
        for (size_t i = 1; i < n && i < 7; i++) {
            if (cap[i] && !IN(NOT_NAMES, wd[i])) break; /* another name: its pronoun */
            if (IN(HE, wd[i])) return PST_PERSON;
            if (!strcmp(wd[i], "its")) return PST_ORG; /* not "it": "said it was unlikely" */
        }
        return PST_OTHER;
    }
    if (!comma[0] && n >= 2 && !strcmp(wd[0], "and") && (!strcmp(wd[1], "his") || !strcmp(wd[1], "her")))
        return PST_PERSON;
    return PST_OTHER;
}

/* Is the word before text[start] capitalised? (Its normalised form, which
 * emit is given, has lost that.) */
static bool word_before_capitalised(const char *text, size_t start)
{
    size_t i = start;
    while (i > 0 && !((text[i - 1] >= 'a' && text[i - 1] <= 'z') || (text[i - 1] >= 'A' && text[i - 1] <= 'Z') ||
                      (unsigned char)text[i - 1] >= 0x80))
        i--;
    size_t end = i;
    while (i > 0 && ((text[i - 1] >= 'a' && text[i - 1] <= 'z') || (text[i - 1] >= 'A' && text[i - 1] <= 'Z') ||
                     (unsigned char)text[i - 1] >= 0x80))
        i--;
    return end > i && pst_capitalised(text + i, end - i);
}

/* Lower-case words inside a name: "Bank of Tallis", "Tor van Aken", "Lula
 * da Silva", "Osama bin Laden". Lower case. */
/* ("Ana de la Cruz", "Rui de los Santos": "la", "las", "los" after "de") */
static const char *const CONNECTORS[] = {"al", "bin", "da", "de", "del", "den", "der", "dos", "du", "ibn",
                                         "la", "las", "los", "of", "van", "von"};

static bool is_demonym(const char *w);
static bool country_or_region(const char *w);

/* Is words w[k] and cur one name across the gap between them? A hyphen
 * between capitalised words ("Varga-Lind", "Lindqvist-Moor"; not "Al-Assad",
 * nor places and peoples: "U.S.-Japan", "Asia-Pacific", "Israeli-Arab"), or an
 * initial's full stop ("J. R. Mallory"). */
static bool hyphen_joined(const char *text, const word_span *p, const word_span *cur)
{
    return cur->start == p->end + 1 && text[p->end] == '-' && pst_capitalised(text + p->start, p->end - p->start) &&
           !IN(CONNECTORS, p->norm) && strcmp(p->norm, "el") != 0 && /* "Bashar Al-Assad" is Bashar Assad */
           !country_or_region(p->norm) && !country_or_region(cur->norm) && !is_demonym(p->norm) &&
           !is_demonym(cur->norm);
}

/* Abbreviations that open place names: "St. Orvan", "Mt. Tessel", "Ft. Kell". */
static const char *const NAME_ABBREVS[] = {"ft", "mt", "pt", "st"};

/* Particles joined to the name after them by a hyphen ("Yusra al-Hadidi",
 * "Al-Hadidi met", "Hafez el-Amin"): shown with it, left out of its key, so
 * that "Bashar Al-Assad", "Bashar al-Assad" and "Assad" are one name. */
static const char *const HY_PARTICLES[] = {"al", "el"};

static bool particle_hyphen(const char *text, const word_span *p, const word_span *cur)
{
    return cur->start == p->end + 1 && text[p->end] == '-' && IN(HY_PARTICLES, p->norm) &&
           pst_capitalised(text + cur->start, cur->end - cur->start);
}

/* A lower-case word inside a hyphenated name, the run keeping it
 * ("Ashby-on-Senn", "Stoke-upon-Marr", "Chapel-en-le-Frith"): the hyphen
 * before or after it. */
static bool inner_hyphen(const char *text, const word_span *p, const word_span *cur)
{
    return cur->start == p->end + 1 && text[p->end] == '-' &&
           (!pst_capitalised(text + p->start, p->end - p->start) ||
            !pst_capitalised(text + cur->start, cur->end - cur->start));
}

/* The lower-case words inside hyphenated place names ("Ashby-on-Senn",
 * "Barrow-in-Furness", "Aix-en-Provence", "Île-de-France"); not "to", "and":
 * "the Sydney-to-Hobart race" is a route between two places. */
static const char *const INNER_WORDS[] = {"am", "an", "by", "de", "del", "des", "du", "en", "im", "in", "la",
                                          "le", "les", "on", "sous", "super", "sur", "under", "upon"};

/* Does a chain of such words between hyphens from text[pos] ("-on-Senn",
 * "-le-Frith") end in a capitalised word? */
static bool hyphen_chain_to_capital(const char *text, size_t pos, size_t limit)
{
    for (int hops = 0; hops < 3; hops++) {
        if (pos + 1 >= limit || text[pos] != '-') return false;
        pos++;
        if (pst_capitalised(text + pos, limit - pos)) return true;
        size_t n = 0;
        while (pos + n < limit && text[pos + n] >= 'a' && text[pos + n] <= 'z') n++;
        char word[8];
        if (!n || n >= sizeof word) return false;
        memcpy(word, text + pos, n);
        word[n] = 0;
        if (!IN(INNER_WORDS, word)) return false;
        pos += n;
    }
    return false;
}

static bool name_gap(const char *text, const word_span *w, size_t k, const word_span *cur)
{
    size_t ws = w[k].start, we = w[k].end;
    if (hyphen_joined(text, &w[k], cur)) return true;
    /* "al-Hadidi", "Al-Hadidi", "Ashby-on-Senn" (a lower-case word is in the
     * run only as a connector or such an inner word) */
    if (cur->start == we + 1 && text[we] == '-' &&
        (particle_hyphen(text, &w[k], cur) || !pst_capitalised(text + ws, we - ws)))
        return true;
    bool initial = we - ws == 1 && text[ws] >= 'A' && text[ws] <= 'Z';
    /* (not a street's "St." ending a sentence: "on Main St. The bridge") */
    bool abbrev = we - ws == 2 && text[ws] >= 'A' && text[ws] <= 'Z' && IN(NAME_ABBREVS, w[k].norm) &&
                  !pt_in_wordlist(PT_WL_SENTENCE_OPENERS_EN, text + cur->start, cur->end - cur->start);
    return (initial || abbrev) && cur->start > we + 1 && text[we] == '.' && only_spaces(text, we + 1, cur->start);
}

/* Is text[a..b) ", " — names in a list ("from Orrin, Halby and Tesk")? */
static bool listed_by_comma(const char *text, size_t a, size_t b)
{
    return b == a + 2 && text[a] == ',' && text[a + 1] == ' ';
}

/* Does the list go on after text[end]: ", " or " and " next? (Not
 * "Ada Renwick, Lumora's chief".) */
static bool list_goes_on(const char *text, size_t end, size_t limit)
{
    /* (not when a verb of saying follows: "leader of X, Fausto Bertinotti,
     * said" is an apposition, no list) */
    if (end + 2 <= limit && text[end] == ',' && text[end + 1] == ' ') {
        size_t pos = end + 2, ws, we;
        char next[PT_WORD_MAX + 1];
        if (!pt_next_word(text, limit, &pos, &ws, &we) || ws != end + 2) return true;
        pt_normalize(text + ws, we - ws, next);
        return !is_said(next);
    }
    return end + 5 <= limit && !memcmp(text + end, " and ", 5);
}

/* Is text[a..b) " and " (spaces only around it)? */
static bool joined_by_and(const char *text, size_t a, size_t b)
{
    while (a < b && text[a] == ' ') a++;
    while (b > a && text[b - 1] == ' ') b--;
    return b - a == 3 && !memcmp(text + a, "and", 3);
}

/* Words of a legislature or its chambers before a party's members
 * ("Senate Republicans", "Congressional Democrats"). Lower case. */
static const char *const CHAMBERS[] = {"assembly", "chamber", "congressional", "house", "legislative",
                                       "parliamentary", "senate"};

/* Plurals of the parties everywhere: their members as a body ("Republicans
 * said", "the Greens"). Lower case. */
static const char *const PARTY_PLURALS[] = {"communists", "conservatives", "democrats", "greens", "liberals",
                                            "nationalists", "progressives", "republicans", "socialists",
                                            "tories"};

/* Is w (normalised, n bytes) shaped as the plural of an adherent
 * ("Republicans", "Democrats", "Progressives", "Liberals", "Socialists",
 * "Greens", "Tories", "Agrarians"), not of a thing ("Appropriations")? */
static bool party_plural_form(const char *w, size_t n)
{
    static const char *const ENDS[] = {"als", "ans", "ats", "ens", "ies", "ists", "ites", "ives"};
    if (n < 5) return false;
    for (size_t k = 0; k < sizeof ENDS / sizeof *ENDS; k++) {
        size_t el = strlen(ENDS[k]);
        if (n > el && !strcmp(w + n - el, ENDS[k])) return true;
    }
    return false;
}

static precis_status emit(pst_entities *e, uint32_t doc, const char *text, word_span *w, size_t a,
                          size_t b, const char *prev_word, const char *next_word, bool at_start,
                          const char *prev2, size_t limit)
{
    pst_entity_type vote = PST_OTHER;
    bool craft = false, medium = false;
    if (!prev2) prev2 = "";
    /* "Senator Ola Brand, D-Tallis, said": the tag is no name (its letter, a
     * hyphen, its state), and it does not end what follows the lawmaker */
    if (b - a >= 2 && w[a].nlen == 1 && w[a].start >= 1 && text[w[a].end] == '-') {
        size_t open = text[w[a].start - 1] == '(' ? w[a].start - 1 : w[a].start >= 2 ? w[a].start - 2 : w[a].start;
        size_t end = party_tag_end(text, open, limit);
        if (end && end >= w[b - 1].end && word_before_capitalised(text, open)) return PRECIS_OK;
    }
    /* "Ambry Hollow, Varn., has": a state's abbreviation after a place is no
     * name of its own (the place's cue, below) */
    if (w[a].start >= 2 && word_before_capitalised(text, w[a].start - 2)) {
        size_t end = state_abbrev_end(text, w[a].start - 2, limit);
        if (end && end >= w[b - 1].end && end <= w[b - 1].end + 1) return PRECIS_OK;
    }
    size_t name_end = w[b - 1].end, tag_end = party_tag_end(text, name_end, limit);
    char after_tag[PT_WORD_MAX + 1];
    if (tag_end && (!next_word || !*next_word)) {
        size_t pos = tag_end, ws, we;
        after_tag[0] = 0;
        if (pt_next_word(text, limit, &pos, &ws, &we) && only_spaces(text, tag_end, ws))
            pt_normalize(text + ws, we - ws, after_tag);
        next_word = after_tag;
    }
    /* "Saudi Arabia": a country whose name opens with a demonym is kept whole */
    {
        char whole[MAX_NAME_BYTES];
        size_t wl = join_norm(w, a, b, whole);
        if (b - a >= 2 && is_demonym(w[a].norm) && country_or_region(whole)) {
            /* "Saudi Arabia's" is shown without the possessive */
            size_t end = w[b - 1].end - possessive_len(text, w[b - 1].start, w[b - 1].end);
            return record(e, doc, text + w[a].start, end - w[a].start, whole, wl, (uint32_t)(b - a),
                          PST_PLACE, !at_start, false, false);
        }
    }
    /* Cut leading titles, and a nationality adjective before them ("Russian
     * President Vladimir Putin"), unless the rest names an organisation
     * ("Defence Ministry"). */
    /* ... but "European Commission", "Palestinian Authority" are names whole */
    if (!has_org_word(w, a, b) && !has_org_head(w, a, b))
        while (a < b && is_demonym(w[a].norm)) a++;
    if (a == b) return PRECIS_OK;
    /* "Congressional Democrats", "Senate Republicans", "House Liberals": a
     * chamber's word before a party's plural names the party's members there
     * — the plural alone, a body (merged into the party when the story names
     * it: "Liberals" into "Liberal Party"), never a person's longer name that
     * "Democrats" would be a variant of. The known party plurals are bodies
     * alone too ("Republicans said"). */
    if (b - a == 2 && IN(CHAMBERS, w[a].norm) && party_plural_form(w[a + 1].norm, w[a + 1].nlen) &&
        !possessive_len(text, w[a].start, w[a].end)) {
        prev2 = "";
        prev_word = w[a].norm;
        a++;
        vote = PST_ORG;
        at_start = false;
    }
    /* "Stunned Republicans said": a sentence's first word, an adjective
     * only capitalised there, is no part of the party's name */
    if (b - a == 2 && at_start && IN(PARTY_PLURALS, w[a + 1].norm) && adjective_like(w[a].norm, w[a].nlen, true) &&
        !is_demonym(w[a].norm) && !(w[a].nlen > 4 && !memcmp(w[a].norm + w[a].nlen - 2, "ic", 2))) {
        prev_word = w[a].norm;
        a++;
        at_start = false;
    }
    if (b - a == 1 && IN(PARTY_PLURALS, w[a].norm)) vote = PST_ORG;
    /* A possessive inside a run ends a name: "Hun Sen's Cambodian People's
     * Party" is Hun Sen and the party; "People's Party" and "Children's
     * Hospital" stay whole (what follows is one organisation or place word). */
    for (size_t k = a; k + 1 < b; k++) {
        /* a plural one too: "Knicks' Patrick Ewing" is two, "Growers' Union" one */
        if (!possessive_len(text, w[k].start, w[k].end) && !plural_gap(text, w[k].end, w[k + 1].start)) continue;
        if (b - (k + 1) == 1 && (IN(ORG_WORDS, w[k + 1].norm) || IN(PLACE_WORDS, w[k + 1].norm))) continue;
        /* "Orsland's Prime Minister": what follows is the possessor's cue */
        precis_status st = emit(e, doc, text, w, a, k + 1, prev_word, w[k + 1].norm, at_start, prev2, limit);
        if (st) return st;
        return emit(e, doc, text, w, k + 1, b, w[k].norm, next_word, false, "", limit);
    }
    /* An organisation followed by a name is two phrases: "the Russian Armed
     * Forces Vladimir Putin" (an office and its holder). */
    for (size_t k = a; k + 1 < b; k++)
        if (IN(ORG_WORDS, w[k].norm) && pst_capitalised(text + w[k + 1].start, 1) &&
            strcmp(w[k + 1].norm, "of") != 0) {
            precis_status st = emit(e, doc, text, w, a, k + 1, prev_word, "", at_start, prev2, limit);
            if (st) return st;
            return emit(e, doc, text, w, k + 1, b, w[k].norm, next_word, false, "", limit);
        }
    /* "Economist Mara Tell of Westgate Bank": a name of two or more words,
     * then "of" and an organisation, is a person and the body; "Bank of
     * Halvey", "Chief Executive of X", "Port of X" stay whole. */
    for (size_t k = a + 2; k + 1 < b; k++) {
        if (strcmp(w[k].norm, "of") != 0) continue;
        if (has_org_word(w, a, k) || has_place_word(w, a, k) || IN(PLACE_NOUNS, w[a].norm) ||
            IN(TITLES, w[k - 1].norm) || IN(ROLE_NOUNS, w[k - 1].norm) || is_demonym(w[k - 1].norm))
            break;
        /* "Jane Smith of Tarn Mills": two or three words that could be a
         * person's names, then "of" — the person and where or whom they are
         * of, whatever the rest is; not "Chamber of Commerce", "Democratic
         * Republic of X", "United States of America" */
        bool person = false;
        if (k - a <= 3 && !has_org_word(w, k + 1, b) && !has_org_head(w, k + 1, b)) {
            char whole[MAX_NAME_BYTES];
            join_norm(w, a, b, whole);
            person = !country_or_region(whole);
            size_t first = a; /* "Mayor Idris Bell of Marlby": the title is cut later */
            while (first + 1 < k && IN(TITLES, w[first].norm) && pst_capitalised(text + w[first].start, 1)) first++;
            for (size_t i = first; i < k && person; i++)
                if (IN(OF_HEADS, w[i].norm) || IN(PLACE_NOUNS, w[i].norm) || IN(ORG_HEADS, w[i].norm) ||
                    IN(TITLES, w[i].norm) || adjective_like(w[i].norm, w[i].nlen, false) || w[i].nlen < 2)
                    person = false;
            if (!person) break;
        }
        /* (a person: as after a title, "Mr") */
        precis_status st = emit(e, doc, text, w, a, k, person ? "mr" : prev_word, "of", at_start, prev2, limit);
        if (st) return st;
        return emit(e, doc, text, w, k + 1, b, "of", next_word, false, w[k - 1].norm, limit);
    }
    /* Titles run up to the last title word among the first four ("Chief
     * Fire Officer Rowan Tilley", "Russian Foreign Minister Sergei Lavrov"). */
    size_t t = a, cut = a;
    bool head = false;
    /* abbreviations that are also names count only with their full stop
     * ("Sen. Ann Roe", not "Hun Sen") */
    static const char *const DOTTED[] = {"adm", "col", "gen", "gov", "lt", "rep", "sen"};
    for (size_t k = a; k < b && k < a + 4; k++)
        if (IN(TITLES, w[k].norm) &&
            (!IN(DOTTED, w[k].norm) || text[w[k].end - 1] == '.' || (w[k].end < limit && text[w[k].end] == '.')))
            cut = k + 1, head |= !IN(TITLE_MODIFIERS, w[k].norm);
    if (cut > t && head && !has_org_word(w, a, b)) {
        if (cut == b) return PRECIS_OK; /* only a title: "President" */
        a = cut;
        vote = PST_PERSON;
        at_start = false;
    }
    /* "Residents of Marnby began...": the sentence's first word a noun of
     * people, then "of": a cue for what follows, as mid-sentence */
    /* ... or any plural but a head of a name ("Shares of Quillon Labs", "Fans
     * of Tallis Rovers"; not "Sisters of Mercy", "Islands of X") */
    bool plural_front = w[a].nlen >= 5 && w[a].norm[w[a].nlen - 1] == 's' && !IN(OF_HEADS, w[a].norm) &&
                        !IN(ORG_WORDS, w[a].norm) && !IN(PLACE_WORDS, w[a].norm) && !is_demonym(w[a].norm) &&
                        !country_or_region(w[a].norm);
    if (vote == PST_OTHER && at_start && b - a >= 3 && !strcmp(w[a + 1].norm, "of") &&
        (IN(ROLE_NOUNS, w[a].norm) || IN(OF_PEOPLE, w[a].norm) || IN(PLACE_NOUNS, w[a].norm) || plural_front)) {
        prev2 = w[a].norm;
        prev_word = "of";
        a += 2;
        at_start = false;
    }
    /* "Rival Pellix Labs", "Insurer Harrow Mutual": a firm's noun opening the
     * sentence is cut, and names a firm (not the heads of names: "Union
     * Pacific", "Party", "Club") */
    static const char *const FIRM_FRONT[] = {
        "broadcaster", "broker", "carrier", "charity", "conglomerate", "contractor", "developer",
        "insurer", "lender", "manufacturer", "regulator", "retailer", "rival", "shipper",
        "startup", "supplier", "utility", "watchdog",
    };
    if (vote == PST_OTHER && at_start && b - a >= 2 && IN(FIRM_FRONT, w[a].norm)) {
        a++;
        vote = PST_ORG;
        at_start = false;
    }
    /* "Passenger Tomas Oyelaran said": a role noun capitalised as the
     * sentence's first word is cut like a title */
    /* (and any "-ist", "-ician" of a trade: "Seismologist", "Pharmacist") */
    bool trade = w[a].nlen >= 6 && (!strcmp(w[a].norm + w[a].nlen - 3, "ist") ||
                                    !strcmp(w[a].norm + w[a].nlen - 5, "ician"));
    if (vote == PST_OTHER && at_start && b - a >= 3 && (IN(ROLE_NOUNS, w[a].norm) || trade) &&
        !has_org_word(w, a, b)) {
        a++;
        vote = PST_PERSON;
        at_start = false;
    }
    /* the sentence's first word capitalised only as such: "Both Ranariddh
     * and...", "Citing Hun Sen's threats", "Including Jo Bell" */
    static const char *const FRONT[] = {
        "a", "aboard", "about", "after", "again", "against", "all", "also", "although", "among",
        "an", "and", "another", "are", "as", "asked", "at", "because", "before", "between", "both",
        "but", "by", "can", "could", "despite", "did", "do", "does", "dozens", "during", "each",
        "earlier", "eight", "ethnic", "even", "every", "finally", "first", "five", "for", "former", "four",
        "from",
        "had", "has", "have", "he", "her", "here", "his", "how", "however", "hundreds", "if", "in",
        "instead", "is", "it", "its", "last", "later", "like", "many", "meanwhile", "might",
        "most", "must", "my", "next", "nine", "no", "nor", "not", "now", "of", "on", "once", "one",
        "only", "or", "other", "our", "seven", "several", "shall", "she", "should", "since", "six",
        "so", "some", "soon", "still", "such", "ten", "that", "the", "their", "then", "there",
        "these", "they", "this", "those", "though", "thousands", "three", "through", "thus", "to",
        "today", "two", "under", "unless", "unlike", "until", "was", "we", "were", "what", "when",
        "where", "whether", "which", "while", "who", "why", "will", "with", "without", "would",
        "yes", "yesterday", "yet", "you", "your",
    };
    /* (anywhere: a sentence the splitter did not end, or a title-case line) */
    /* ... but "Will" is a first name when a surname and a verb of saying
     * follow: "Will Tarrant said" */
    bool first_name_will = b - a == 2 && !strcmp(w[a].norm, "will") && next_word && is_said(next_word);
    /* ... and an adverb capitalised in mid-sentence right after a lower-case
     * word is no adverb: "said Even Lindqvist" (an article stays a front word
     * there: "in The Hague", "said The Times") */
    static const char *const ADVERBS[] = {"again", "also", "even", "finally", "instead", "later", "now",
                                          "once", "only", "soon", "still", "then", "yet"};
    bool first_name_adverb = false;
    if (!at_start && b - a >= 2 && IN(ADVERBS, w[a].norm)) {
        size_t i = w[a].start;
        while (i > 0 && text[i - 1] == ' ') i--;
        first_name_adverb = i < w[a].start && i > 0 &&
                            ((text[i - 1] >= 'a' && text[i - 1] <= 'z') ||
                             ((unsigned char)text[i - 1] >= 0x80 && !word_before_capitalised(text, w[a].start)));
    }
    if (b - a >= 2 && !first_name_will && !first_name_adverb && (IN(FRONT, w[a].norm) ||
                       (at_start && w[a].nlen >= 6 && !strcmp(w[a].norm + w[a].nlen - 3, "ing")))) {
        prev_word = w[a].norm; /* "Aboard Endeavour": the cue it gives still counts */
        a++;
        at_start = false;
        /* "Thousands of Kurds": the connector goes with the word cut */
        if (b - a >= 2 && !strcmp(w[a].norm, "of")) prev2 = prev_word, prev_word = "of", a++;
    }
    /* a function word alone is never a name ("It", "If", "We" where a
     * quotation or a title-case line capitalised it); "IT" in capitals may be */
    if (b - a == 1 && IN(FRONT, w[a].norm)) {
        bool caps = true;
        for (size_t i = w[a].start; i < w[a].end; i++)
            if (text[i] >= 'a' && text[i] <= 'z') caps = false;
        if (!caps || w[a].end - w[a].start < 2) return PRECIS_OK;
    }
    while (a < b && (IN(NOT_NAMES, w[a].norm))) a++;
    while (b > a && (IN(NOT_NAMES, w[b - 1].norm) || !strcmp(w[b - 1].norm, "for") ||
                     (IN(CONNECTORS, w[b - 1].norm) && !pst_capitalised(text + w[b - 1].start, 1))))
        b--;
    if (a >= b) return PRECIS_OK;
    if (b - a == 1 && w[a].nlen < 2) return PRECIS_OK;
    if (b - a == 1 && country_adjective(w[a].norm)) return PRECIS_OK; /* "Cambodian" alone */
    if (b - a == 1 && w[a].nlen > 5 && w[a].norm[w[a].nlen - 1] == 's' && !country_or_region(w[a].norm)) { /* "Malaysians", not "Philippines" */
        char sing[PT_WORD_MAX + 1];
        memcpy(sing, w[a].norm, w[a].nlen - 1);
        sing[w[a].nlen - 1] = 0;
        if (country_adjective(sing)) return PRECIS_OK;
    }
    if (b - a == 1 && !strcmp(w[a].norm, "may")) return PRECIS_OK; /* the month, alone */
    /* "Franco-German", "Anglo-Irish": an adjective of two peoples */
    if (b - a == 2 && text[w[a].end] == '-' && is_demonym(w[b - 1].norm)) return PRECIS_OK;
    /* "Congolese Boeing": an adjective of a country in front is cut, unless
     * the phrase names an organisation ("Cambodian People's Party") */
    if (b - a >= 2 && country_adjective(w[a].norm) && !has_org_word(w, a, b)) a++;
    /* the whole phrase, normalised, for the country list */
    char whole[MAX_NAME_BYTES];
    join_norm(w, a, b, whole);
    if (country_adjective(whole)) return PRECIS_OK; /* "North Korean" alone */
    bool country = vote == PST_OTHER && country_or_region(whole);
    if (country) vote = PST_PLACE;
    /* one country under its short forms: "US", "U.S." and "United States" */
    static const char *const US[] = {"america", "u.s", "u.s.", "u.s.a", "united states of america", "us", "usa"};
    static const char *const UK[] = {"great britain", "u.k", "u.k.", "uk", "united kingdom"};
    const char *alias = !country ? NULL : IN(US, whole) ? "United States" : IN(UK, whole) ? "Britain" : NULL;
    if (alias) {
        char an[MAX_NAME_BYTES];
        size_t al = strlen(alias);
        for (size_t i = 0; i <= al; i++) an[i] = (char)(alias[i] >= 'A' && alias[i] <= 'Z' ? alias[i] + 32 : alias[i]);
        return record(e, doc, alias, al, an, al, alias[0] == 'U' ? 2 : 1, PST_PLACE, !at_start, false, false);
    }
    bool org_head = has_org_head(w, a, b);
    if (vote == PST_OTHER && prev_word && IN(CRAFT_NOUNS, prev_word) && !has_org_word(w, a, b) && !org_head)
        craft = true; /* "the ferry Aster Bay": its name's "Bay" is no place */
    if (vote == PST_OTHER && b - a >= 2 && IN(STORMS, w[a].norm)) craft = true;
    if (!country && !craft && (has_org_word(w, a, b) || org_head)) vote = PST_ORG;
    /* "Hollinside Athletic", "Tarn Rovers": a club by its head (no company
     * word: a town is no short form of its club) */
    if (vote == PST_OTHER && !country && !craft && b - a >= 2 && IN(CLUB_HEADS, w[b - 1].norm)) vote = PST_ORG;
    /* "the shipping firm Velmar": a company named by what it is */
    /* ... but "her rival X", "his rival X": a person's rival is a person */
    /* (a lower-case noun: "the Turkey Party, Ada Kurt," is no firm named Ada Kurt) */
    if (vote == PST_OTHER && !country && !craft && prev_word && IN(ORG_NOUNS, prev_word) &&
        !word_before_capitalised(text, w[a].start) &&
        strcmp(prev2, "her") != 0 && strcmp(prev2, "his") != 0)
        vote = PST_ORG;
    /* An all-capitals short word is an acronym: usually an organisation. */
    size_t L = w[a].end - w[a].start;
    if (b - a == 1 && L >= 2 && L <= 5 && vote == PST_OTHER && !craft) {
        bool caps = true;
        for (size_t i = w[a].start; i < w[a].end; i++)
            if (!(text[i] >= 'A' && text[i] <= 'Z') && text[i] != '.') caps = false;
        if (caps) vote = PST_ORG;
    }
    if (vote == PST_OTHER && !craft && has_place_word(w, a, b)) vote = PST_PLACE;
    /* "the port of Ellisford", "south of Kell" */
    if (vote == PST_OTHER && !craft && prev_word && !strcmp(prev_word, "of") &&
        (IN(PLACE_NOUNS, prev2) || IN(OF_PEOPLE, prev2)))
        vote = PST_PLACE;
    /* The words of the name a person's cues count: a hyphen-joined pair is
     * one ("Harcourt-Lyle", "ITAR-Tass"), particles and lower-case words none
     * ("Annelies van der Walle-Brink" is two, "Yusra al-Hadidi" two) */
    size_t name_words = 0;
    for (size_t i = a; i < b; i++) {
        if (i + 1 < b && particle_hyphen(text, &w[i], &w[i + 1])) continue;
        if (!pst_capitalised(text + w[i].start, w[i].end - w[i].start)) continue;
        if (i > a && !particle_hyphen(text, &w[i - 1], &w[i]) &&
            (hyphen_joined(text, &w[i - 1], &w[i]) || inner_hyphen(text, &w[i - 1], &w[i])))
            continue;
        name_words++;
    }
    /* "passenger Ruth Okafor", "council leader Maria Holt": a role, then a name */
    if (vote == PST_OTHER && !craft && name_words >= 2 && name_words <= 3 && prev_word &&
        (IN(ROLE_NOUNS, prev_word) || IN(TITLES, prev_word)))
        vote = PST_PERSON;
    /* "Ruth Okafor, 54,": an age */
    /* (one word too when a comma closes the age: "Pell, 47, a former director") */
    bool age = age_follows(text, w[b - 1].end, limit);
    if (age && b - a == 1) {
        size_t i = w[b - 1].end + 2;
        while (i < limit && text[i] >= '0' && text[i] <= '9') i++;
        age = i < limit && text[i] == ',';
    }
    /* "Pell's lawyer", "Kell's wife": a person's own people */
    static const char *const KIN[] = {"brother", "daughter", "father", "husband", "lawyer", "lawyers",
                                      "mother", "sister", "son", "widow", "wife"};
    if (vote == PST_OTHER && !craft && b - a <= 3 && next_word && IN(KIN, next_word) &&
        possessive_len(text, w[b - 1].start, w[b - 1].end))
        vote = PST_PERSON;
    if (vote == PST_OTHER && !craft && b - a <= 3 && age)
        vote = PST_PERSON;
    /* "the Haaretz newspaper", "Elaph website": a medium names its outlet */
    /* (not "Aid agency Helpful Hands": a sentence's first word alone) */
    if (!craft && next_word && IN(MEDIA_NOUNS, next_word) && !(at_start && b - a == 1 && !strcmp(next_word, "agency"))) {
        if (vote == PST_OTHER) vote = PST_ORG;
        medium = vote == PST_ORG && IN(PRESS_NOUNS, next_word);
    }
    /* "the daily Kommersant", "the newspaper Zvezdan": the outlet after its medium */
    static const char *const DET_BEFORE[] = {"a", "an", "the"};
    if ((vote == PST_OTHER || vote == PST_ORG) && !craft && prev_word && IN(PRESS_NOUNS, prev_word) &&
        IN(DET_BEFORE, prev2) && !word_before_capitalised(text, w[a].start))
        vote = PST_ORG, medium = true;
    /* (not "To members of...": a sentence's first word alone is no name) */
    bool lone_start = at_start && b - a == 1;
    /* A person's role right after a name: "Harlan Saints coach Ingrid Vass",
     * "Lumora executive", "Wanderers chairman" — the body they serve ("chief" is
 * a place's too: "Tallis chief of police");
     * "Renfell MP", "Ashgrove residents" — the place they stand for or live
     * in. Not after a possessive ("Orsland's prime minister"); a sentence's
     * first word alone only as a plural ("Wanderers", not "Fire chief"). */
    static const char *const ORG_ROLE_AFTER[] = {
        "boss", "captain", "chairman", "chairwoman", "coach", "director", "employee",
        "employees", "executive", "founder", "goalkeeper", "manager", "organiser", "organizer",
        "owner", "player", "players", "staff", "striker", "worker", "workers",
    };
    static const char *const PLACE_ROLE_AFTER[] = {
        "councillor", "councillors", "councilor", "governor", "mayor", "mep", "mp", "mps",
        "resident", "residents", "senator",
    };
    /* (the role word right after it: "Tejavanija, chairman of" is apposition) */
    size_t after = w[b - 1].end;
    bool adjacent = after + 1 < limit && text[after] == ' ' && text[after + 1] >= 'a' && text[after + 1] <= 'z';
    /* ... but a town's own people and mayor after its possessive, and its
     * residents opening a sentence: "Ostmark's mayor", "Ostmark residents said" */
    static const char *const TOWNS_OWN[] = {"councillors", "councilors", "mayor", "residents"};
    if (vote == PST_OTHER && !craft && next_word && adjacent && possessive_len(text, w[b - 1].start, w[b - 1].end) &&
        b - a == 1 && IN(TOWNS_OWN, next_word))
        vote = PST_PLACE;
    /* ... and a state's own bodies and offices after its possessive:
     * "Lestria's National Assembly", "Orsland's Foreign Minister", "Orsland's
     * parliament" (the adjectives only as a capitalised name's first word:
     * "the firm's foreign sales" says nothing) */
    static const char *const STATE_BODIES[] = {"army", "cabinet", "congress", "constitution", "ministry", "navy",
                                               "parliament", "senate"};
    static const char *const STATE_ADJECTIVES[] = {"constitutional", "defence", "defense", "foreign", "interior",
                                                   "national", "prime", "supreme"};
    if (vote == PST_OTHER && !craft && next_word && possessive_len(text, w[b - 1].start, w[b - 1].end) &&
        after + 1 < limit && text[after] == ' ' &&
        (IN(STATE_BODIES, next_word) ||
         (IN(STATE_ADJECTIVES, next_word) && text[after + 1] >= 'A' && text[after + 1] <= 'Z')))
        vote = PST_PLACE;
    /* "Marrowby Town's home match", "Tarn's next game": a team's */
    if (vote == PST_OTHER && !craft && next_word && adjacent && possessive_len(text, w[b - 1].start, w[b - 1].end) &&
        (!strcmp(next_word, "home") || !strcmp(next_word, "next") || !strcmp(next_word, "away"))) {
        static const char *const GAMES[] = {"defeat", "derby", "draw", "fixture", "game", "ground", "match", "tie", "win"};
        if (word_after_next_in(text, limit, after, next_word, GAMES, sizeof GAMES / sizeof *GAMES)) vote = PST_ORG;
    }
    if (vote == PST_OTHER && !craft && next_word && adjacent && !possessive_len(text, w[b - 1].start, w[b - 1].end)) {
        bool plural = w[b - 1].nlen >= 5 && w[b - 1].norm[w[b - 1].nlen - 1] == 's';
        if ((!lone_start || (IN(TOWNS_OWN, next_word) && strcmp(next_word, "mayor") != 0)) &&
            IN(PLACE_ROLE_AFTER, next_word))
            vote = PST_PLACE;
        else if ((!lone_start || plural) && IN(ORG_ROLE_AFTER, next_word)) vote = PST_ORG;
    }
    if (vote == PST_OTHER && !craft && !lone_start && next_word && IN(MEMBERS_AFTER, next_word)) vote = PST_ORG;
    /* "Brannock shares rose", "Orlen's shares fell", "shares in Halvard": a
     * company's stock (not the verb: "Tom Kell shares his view"); opening a
     * sentence too */
    if (vote == PST_OTHER && !craft && next_word && adjacent &&
        (!strcmp(next_word, "shares") || !strcmp(next_word, "stock"))) {
        static const char *const MOVES[] = {
            "advanced", "climbed", "closed", "declined", "dipped", "dropped", "edged", "ended", "fell",
            "gained", "jumped", "lost", "opened", "plummeted", "plunged", "rallied", "rebounded", "rose",
            "sank", "slid", "slipped", "slumped", "soared", "surged", "traded", "tumbled", "were",
        };
        if (word_after_next_in(text, limit, after, next_word, MOVES, sizeof MOVES / sizeof *MOVES)) vote = PST_ORG;
    }
    if (vote == PST_OTHER && !craft && prev_word && (!strcmp(prev_word, "in") || !strcmp(prev_word, "of")) &&
        (!strcmp(prev2, "shares") || !strcmp(prev2, "stake") || !strcmp(prev2, "stock")))
        vote = PST_ORG;
    if (vote == PST_OTHER && !craft && !lone_start && next_word && IN(POLITY_AFTER, next_word)) vote = PST_PLACE;
    /* what follows the name: an apposition, a pronoun after "said" */
    /* (not of a name after a preposition: "the Commission in Tallis said it") */
    static const char *const PREP[] = {"at", "by", "for", "from", "in", "near", "of", "on", "to", "with"};
    pst_entity_type cue = vote == PST_OTHER && !craft && !(prev_word && IN(PREP, prev_word))
                              ? cue_after(text, tag_end ? tag_end : w[b - 1].end, limit, &medium)
                              : PST_OTHER;
    if (cue == PST_PERSON && b - a > 3) cue = PST_OTHER;
    if (cue != PST_OTHER) vote = cue;
    /* "according to X" is attribution; "sold to X", "a loan from X" a party */
    bool according = prev_word && !strcmp(prev_word, "to") && !strcmp(prev2, "according");
    if (prev_word && (!strcmp(prev_word, "to") || !strcmp(prev_word, "from")) && IN(TRANSFER_WORDS, prev2))
        according = true;
    if (vote == PST_OTHER && !craft && !according && prev_word &&
        (!strcmp(prev_word, "in") || !strcmp(prev_word, "from") || !strcmp(prev_word, "near") ||
         !strcmp(prev_word, "to") || !strcmp(prev_word, "across") ||
         /* in German text these take bare nouns as often ("nach Angaben",
          * "aus Kellern", "im Keller"): only "in" is a place's cue there */
         (!e->german && (!strcmp(prev_word, "im") || !strcmp(prev_word, "aus") || !strcmp(prev_word, "nach"))) ||
         !strcmp(prev_word, "through") ||
         !strcmp(prev_word, "between") || !strcmp(prev_word, "via") || !strcmp(prev_word, "outside")))
        vote = PST_PLACE;
    /* "Harrowgate, S.V., has", "a Quarrow-based engineer": what a place is said with */
    if (vote == PST_OTHER && !craft && (state_abbrev_end(text, w[b - 1].end, limit) ||
                                        (w[b - 1].end + 6 <= limit && !memcmp(text + w[b - 1].end, "-based", 6))))
        vote = PST_PLACE;
    /* "analyst Ben Oyelaran at Stockwell Minton said": where the person
     * named just before works */
    if (vote == PST_OTHER && !craft && prev_word && !strcmp(prev_word, "at") && e->last_text == text &&
        e->last_item < e->n_items && e->last_vote == PST_PERSON && e->last_end + 4 == w[a].start &&
        !memcmp(text + e->last_end, " at ", 4))
        vote = PST_ORG;
    bool at = vote == PST_OTHER && !craft && prev_word && !strcmp(prev_word, "at");
    /* Who speaks is a person: "said Dana Pell", "Marta Lindqvist said", "X, who";
     * not after an article: "the Kellan Geological Survey said";
     * nor after "of": "Ada Renwick of South Tessaly said" is the person's
     * voice, not the place's ("X, who" still is a person, after "of" too:
     * "an indictment of Osama bin Laden, who"). A hyphen-joined pair is one word here:
     * "ITAR-Tass said", "Senator Renwick, D-Tallis, said" name no person. */
    static const char *const ARTICLES[] = {"a", "an", "the"};
    if (vote == PST_OTHER && !craft && name_words <= 3 && name_words >= 2 &&
        ((prev_word && is_said(prev_word)) || (next_word && is_said(next_word))) &&
        !(at_start && adjective_like(w[a].norm, w[a].nlen, true)) && !(prev_word && IN(ARTICLES, prev_word)) &&
        !(prev_word && !strcmp(prev_word, "of") && !(next_word && !strcmp(next_word, "who"))))
        vote = PST_PERSON;

    char display[MAX_NAME_BYTES], norm[MAX_NAME_BYTES];
    size_t dl = 0, nl = 0, kw = 0;
    /* "al-Saqqaf said": the particle before the name is shown with it */
    {
        size_t s0 = w[a].start;
        if (s0 >= 3 && text[s0 - 1] == '-' && (s0 == 3 || !((text[s0 - 4] | 0x20) >= 'a' && (text[s0 - 4] | 0x20) <= 'z')) &&
            (!memcmp(text + s0 - 3, "al", 2) || !memcmp(text + s0 - 3, "el", 2)))
            memcpy(display, text + s0 - 3, 3), dl = 3;
    }
    for (size_t i = a; i < b; i++) {
        size_t ws = w[i].start, we = w[i].end;
        /* Drop a possessive from the display form: "Putin's" -> "Putin". */
        if (i + 1 == b) we -= possessive_len(text, ws, we); /* "People's Party" keeps it */
        if (dl + (we - ws) + 5 >= sizeof display || nl + w[i].nlen + 2 >= sizeof norm) break;
        /* "al-" of "Yusra al-Hadidi" is shown, not keyed: "yusra hadidi" */
        bool part = i + 1 < b && particle_hyphen(text, &w[i], &w[i + 1]);
        bool after_part = i > a && particle_hyphen(text, &w[i - 1], &w[i]);
        bool hy = false;
        if (i > a) {
            size_t g = plural_gap(text, w[i - 1].end, ws); /* "Growers' Union" keeps it */
            if (g) memcpy(display + dl, text + w[i - 1].end, g), dl += g;
            /* "Varga-Lind", "J. R. Mallory" are shown as written */
            /* (the hyphen stays in the key too: "Mandela" is no short form of
             * "Winnie Madikizela-Mandela"; so do "Ashby-on-Senn"'s) */
            hy = hyphen_joined(text, &w[i - 1], &w[i]) || inner_hyphen(text, &w[i - 1], &w[i]);
            if (hy || after_part) display[dl++] = '-';
            else if (w[i - 1].end + 3 == ws && !memcmp(text + w[i - 1].end, " & ", 3))
                memcpy(display + dl, " & ", 3), dl += 3; /* "Ferris Lowe & Co", keyed "ferris lowe co" */
            else if (text[w[i - 1].end] == '.' &&
                     (w[i - 1].end - w[i - 1].start == 1 ||
                      (w[i - 1].end - w[i - 1].start == 2 && IN(NAME_ABBREVS, w[i - 1].norm))))
                display[dl++] = '.', display[dl++] = ' ';
            else display[dl++] = ' ';
        }
        memcpy(display + dl, text + ws, we - ws);
        dl += we - ws;
        if (part) continue;
        if (nl) norm[nl++] = hy && !after_part ? '-' : ' ';
        memcpy(norm + nl, w[i].norm, w[i].nlen);
        nl += w[i].nlen;
        kw++;
    }
    if (!nl) return PRECIS_OK;
    /* "the Brotherhood said" is a body's voice, no surname's */
    static const char *const DETS[] = {"a", "an", "its", "that", "the", "their", "this"};
    bool speaks = kw == 1 && ((prev_word && is_said(prev_word)) || (next_word && is_said(next_word))) &&
                  !(prev_word && IN(DETS, prev_word)) && cue != PST_ORG;
    /* (a name that speaks is no ground: "at X, said Dana Pell" votes person first) */
    if (at && vote == PST_OTHER) vote = WEAK_PLACE;
    /* "across Tessaly and Orland", "Rob Dane and Mara Voss": two names of one
     * size joined by "and" share what one of them is said to be */
    if (e->last_text == text && e->last_item < e->n_items && !craft &&
        (b - a == 1) == (e->last_words == 1) &&
        (joined_by_and(text, e->last_end, w[a].start) ||
         (listed_by_comma(text, e->last_end, w[a].start) && list_goes_on(text, w[b - 1].end, limit)))) {
        item *l = &e->items[e->last_item];
        if (vote == PST_OTHER && e->last_vote != PST_OTHER) vote = e->last_vote;
        else if (vote != PST_OTHER && e->last_vote == PST_OTHER && l->votes[PST_OTHER]) {
            l->votes[PST_OTHER]--;
            if (vote == WEAK_PLACE) l->at_place++;
            else l->votes[vote]++;
        }
    }
    /* "Keldoran troops", "the Democratic leadership": one word right before a
     * lower-case noun (no verb, no function word) qualifies it, as an
     * adjective does; counted per name, a name only ever used so is an
     * adjective or a people's name (rank decides) */
    static const char *const NOT_NOUNS[] = {
        "a", "about", "across", "added", "after", "against", "agreed", "also", "an", "and", "are",
        "as", "at", "before", "but", "by", "called", "can", "could", "did", "does", "during", "for",
        "from", "had", "has", "have", "in", "into", "is", "may", "might", "must", "near", "now",
        "of", "on", "or", "over", "reported", "said", "says", "shall", "should", "since", "that",
        "the", "then", "through", "to", "told", "under", "was", "were", "which", "who", "will",
        "with", "would",
    };
    /* ... as does a compound's first half: "the Tamsi-led army",
     * "Hollari-dominated militias" (not "Quarrow-based": a place's cue) */
    size_t ne = w[b - 1].end;
    bool compound = b - a == 1 && ne + 2 < limit && text[ne] == '-' && text[ne + 1] >= 'a' && text[ne + 1] <= 'z' &&
                    strncmp(text + ne + 1, "based", 5) != 0 && !possessive_len(text, w[a].start, w[a].end);
    bool attrib = compound || (b - a == 1 && adjacent && next_word && !IN(NOT_NOUNS, next_word) &&
                  !possessive_len(text, w[a].start, w[a].end) &&
                  !(strlen(next_word) > 3 && !strcmp(next_word + strlen(next_word) - 2, "ed")) &&
                  !(strlen(next_word) > 3 && !strcmp(next_word + strlen(next_word) - 2, "ly") &&
                    !IN(MEDIA_NOUNS, next_word))); /* "Vellish weekly" is no adverb */
    /* a capitalised plural counted or qualified as people: "3,000 Tervanis",
     * "thousands of Tervanis", "ethnic Tervanis" — a group (people_plural) */
    static const char *const COUNTS[] = {"dozens", "hundreds", "millions", "scores", "tens", "thousands"};
    /* (not as a noun's qualifier: "thousands of Wanderers fans" are a club's) */
    bool group = b - a == 1 && !attrib && w[a].nlen >= 4 && w[a].norm[w[a].nlen - 1] == 's' && prev_word &&
                 (!strcmp(prev_word, "ethnic") || plain_number(prev_word) ||
                  (!strcmp(prev_word, "of") && IN(COUNTS, prev2)));
    e->name_a = w[a].start, e->name_b = w[b - 1].end;
    precis_status st = record(e, doc, display, dl, norm, nl, (uint32_t)kw, vote, !at_start, craft, speaks);
    e->name_a = e->name_b = 0;
    if (!st && e->last_item < e->n_items && at_start) {
        /* what follows it opening a sentence: "Subscribe now" in one
         * pasted line of every report is one piece of evidence */
        item *it = &e->items[e->last_item];
        uint32_t h = (uint32_t)XXH3_64bits(next_word ? next_word : "", next_word ? strlen(next_word) : 0) | 1;
        if (!it->start_next) it->start_next = h;
        else if (it->start_next != h) it->start_varied = true;
    }
    if (!st && e->last_item < e->n_items) {
        e->items[e->last_item].attrib += attrib;
        e->items[e->last_item].medium += medium;
        e->items[e->last_item].group += group;
        if (b - a == 1 && adjacent && next_word) {
            const char *const *h = bsearch(next_word, PLACE_WORDS, sizeof PLACE_WORDS / sizeof *PLACE_WORDS,
                                           sizeof *PLACE_WORDS, cmp_word);
            if (h) e->items[e->last_item].place_head = (uint32_t)(h - PLACE_WORDS) + 1, e->items[e->last_item].head_n++;
        }
    }
    e->last_text = text;
    e->last_end = w[b - 1].end;
    e->last_words = b - a;
    return st;
}

/* Is every word of text[a..b) capitalised (two words or more)? A line of a
 * page's furniture ("Like Loading...", "Share This Story.") or a headline with
 * a full stop: its capitals say nothing of names. */
static bool title_case(const char *text, size_t a, size_t b)
{
    size_t pos = a, ws, we, n = 0;
    while (pos < b && pt_next_word(text, b, &pos, &ws, &we)) {
        utf8proc_int32_t cp;
        if (utf8proc_iterate((const utf8proc_uint8_t *)text + ws, (utf8proc_ssize_t)(we - ws), &cp) <= 0) return false;
        if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LL) return false;
        n++;
    }
    return n >= 2;
}

/* The city of a dateline cut off the sentence at text[start] ("KESSEL FORD,
 * Oct 14 (Wire) - ..."): a place, the way the wire names where it writes
 * from. The city is the capitals that open the sentence's line. */
static precis_status dateline_place(pst_entities *e, uint32_t doc, const char *text, size_t start)
{
    size_t ls = start, i = ls;
    while (ls > 0 && text[ls - 1] != '\n') ls--;
    for (i = ls; i < start;) {
        if (text[i] == ' ' || text[i] == '.' || text[i] == '\'' || text[i] == '-') {
            i++;
            continue;
        }
        size_t n = pt_capital_len(text, start, i); /* also "ÅLESUND", "ÉCLAIRVILLE" */
        if (!n) break;
        i += n;
    }
    while (i > ls && (text[i - 1] == ' ' || text[i - 1] == '-')) i--;
    size_t pos = ls, ws, we, nw = 0, nl = 0, prev_end = 0;
    char norm[MAX_NAME_BYTES];
    while (pos < i && pt_next_word(text, i, &pos, &ws, &we)) {
        char wn[PT_WORD_MAX + 1];
        size_t n = pt_normalize(text + ws, we - ws, wn);
        if (++nw > 4 || nl + n + 2 >= sizeof norm) return PRECIS_OK; /* no city: a shouted line */
        /* "PORT-AMBREL" is the prose's "Port-Ambrel": joined as written */
        if (nl) norm[nl++] = ws == prev_end + 1 && text[prev_end] == '-' ? '-' : ' ';
        prev_end = we;
        memcpy(norm + nl, wn, n);
        nl += n;
    }
    if (!nw || i - ls < 2 || i - ls >= MAX_NAME_BYTES) return PRECIS_OK;
    norm[nl] = 0;
    return record(e, doc, text + ls, i - ls, norm, nl, (uint32_t)nw, PST_PLACE, true, false, false);
}

/* Legal suffixes written in lower case after a name ("Greywater
 * Infrastructure plc"): part of it. */
static const char *const LOWER_LEGAL[] = {"inc", "llc", "ltd", "plc"};

void pst_entities_german(pst_entities *e, bool german) { e->german_said = german; }

/* Is the text German: at least four of its first 400 words German function
 * words, over twice as many as English ones? */
static bool german_text(const char *text, size_t len)
{
    size_t pos = 0, ws, we, de = 0, en = 0;
    for (size_t words = 0; words < 400 && pt_next_word(text, len, &pos, &ws, &we); words++) {
        if (we - ws > 6 || !((text[ws] >= 'a' && text[ws] <= 'z') || (unsigned char)text[ws] >= 0x80)) continue;
        char w[8];
        memcpy(w, text + ws, we - ws);
        w[we - ws] = 0;
        de += IN(DE_MARKERS, w);
        en += IN(EN_MARKERS, w);
    }
    return de >= 4 && de > 2 * en;
}

/* The first letter of the word after text[end] (spaces skipped) is a capital. */
static bool capital_next(const char *text, size_t end, size_t limit)
{
    while (end < limit && text[end] == ' ') end++;
    return end < limit && pst_capitalised(text + end, limit - end);
}

/* Do the next n words after byte end all open with a capital? */
static bool capitals_next(const char *text, size_t end, size_t limit, int n)
{
    for (int k = 0; k < n; k++) {
        if (!capital_next(text, end, limit)) return false;
        while (end < limit && text[end] == ' ') end++;
        while (end < limit && text[end] != ' ') end++; /* past that word */
    }
    return true;
}

precis_status pst_entities_add(pst_entities *e, uint32_t doc, const char *text, size_t len,
                               const pt_sentences *sents)
{
    {
        /* a report in lower case: under one capital in a hundred letters */
        size_t up = 0, lo = 0;
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)text[i];
            up += c >= 'A' && c <= 'Z';
            lo += c >= 'a' && c <= 'z';
        }
        if (lo >= 80 && 100 * up <= lo) {
            if (len > LOWER_DOC_MAX || e->lower_docs_bytes + len > LOWER_DOCS_MAX) return PRECIS_OK;
            if (e->n_lower_docs == e->cap_lower_docs) {
                size_t cap = e->cap_lower_docs ? 2 * e->cap_lower_docs : 8;
                struct lower_doc *v = realloc(e->lower_docs, cap * sizeof *v);
                if (!v) return PRECIS_ENOMEM;
                e->lower_docs = v;
                e->cap_lower_docs = cap;
            }
            char *copy = pc_arena_strndup(&e->arena, text, len);
            if (!copy) return PRECIS_ENOMEM;
            e->lower_docs[e->n_lower_docs++] = (struct lower_doc){copy, len, doc};
            e->lower_docs_bytes += len;
            return PRECIS_OK;
        }
    }
    e->german = e->german_said || german_text(text, len);
    e->cur_text = text;
    word_span w[64];
    for (size_t si = 0; si < sents->n; si++) {
        const pt_sentence *s = &sents->v[si];
        e->last_text = NULL;
        if (s->flags & PT_SENT_UNTERMINATED) continue; /* headlines capitalise every word */
        e->sent_start = s->start, e->sent_end = s->end;
        if (title_case(text, s->start, s->end)) continue; /* so do widgets: "Like Loading..." */
        if (s->flags & PT_SENT_DATELINE) {
            precis_status st = dateline_place(e, doc, text, s->start);
            if (st) return st;
        }
        size_t pos = s->start, ws, we;
        size_t nw = 0;
        size_t run = SIZE_MAX; /* index of the run's first word */
        size_t run_caps = 0;   /* its capitalised words */
        bool run_at_start = false;
        char prev[PT_WORD_MAX + 1] = "", prev2[PT_WORD_MAX + 1] = "";
        char before_run[PT_WORD_MAX + 1] = "", before_run2[PT_WORD_MAX + 1] = "";
        bool first = true;
        int de_det = -1; /* German: words since a determiner (0 its own), -1 none */
        size_t last_end = s->start;
        /* the last sale/payment word of the sentence, and the words since: "sold
         * the ferry to X" makes X a party as "sold to X" does */
        const char *transfer = NULL;
        size_t since_transfer = SIZE_MAX;
        while (pos < s->end && pt_next_word(text, s->end, &pos, &ws, &we)) {
            if (nw == sizeof w / sizeof *w) nw = 0, run = SIZE_MAX;
            word_span *cur = &w[nw];
            cur->start = ws;
            cur->end = we;
            cur->nlen = pt_normalize(text + ws, we - ws, cur->norm);
            bool cap = pst_capitalised(text + ws, we - ws);
            if (!cap && cur->nlen && ((text[ws] >= 'a' && text[ws] <= 'z') || (unsigned char)text[ws] >= 0x80)) {
                precis_status st = lower_add(e, cur->norm, cur->nlen);
                if (st) return st;
            }
            /* a quotation opening inside the sentence (`he said: "If we...'`)
             * capitalises its first word as a sentence does */
            for (size_t g = last_end; g < ws && !first; g++)
                if (text[g] == '"' || text[g] == '`' || text[g] == ':' ||
                    (g + 2 < ws && !memcmp(text + g, "\xE2\x80\x9C", 3)))
                    first = true;
            last_end = we;
            bool first_word = first;
            /* The sentence's first word is capitalised anyway: only a name if it
             * is not an ordinary opener and not a stopword-like word. */
            if (first && cap && (pt_in_wordlist(PT_WL_SENTENCE_OPENERS_EN, text + ws, we - ws) ||
                                 IN(NOT_NAMES, cur->norm) || (e->german && IN(DE_FUNCTION, cur->norm))))
                cap = false;
            first = false;
            /* German capitalises every noun: one after a determiner (and at
             * most one adjective) is a noun, not a name — "der Deich", "die
             * ganze Nacht" — unless a capital follows ("die Deutsche Bahn",
             * "der Northvale Rivers Authority") or it is an acronym. After an
             * adjective a capital following is not enough: two nouns stand
             * side by side there ("pumpte die ganze Nacht Wasser aus"), a
             * name of three capitals does not ("die zuständige Northvale
             * Rivers Authority"). A quantifier opening a sentence ("Wenige
             * Stunden später", "Zahlreiche Helfer") is a determiner. */
            if (e->german) {
                if (IN(DE_DETERMINERS, cur->norm)) {
                    de_det = 0;
                } else if (cap) {
                    bool name_follows = de_det == 1 ? capitals_next(text, we, s->end, 2) : capital_next(text, we, s->end);
                    if (de_det >= 0 && !(we - ws >= 2 && pst_capitalised(text + ws + 1, we - ws - 1)) && !name_follows)
                        cap = false;
                    de_det = -1;
                } else {
                    de_det = de_det == 0 ? 1 : -1;
                }
            }
            /* "Ferris Lowe & Co", "Tarrant & Vey": one firm's name */
            bool amp = run != SIZE_MAX && cap && ws == w[nw - 1].end + 3 && !memcmp(text + w[nw - 1].end, " & ", 3);
            bool joined = run != SIZE_MAX && (only_spaces(text, w[nw - 1].end, ws) || amp ||
                                              (cap && name_gap(text, w, nw - 1, cur)));
            bool plural = run != SIZE_MAX && cap && plural_gap(text, w[nw - 1].end, ws);
            /* "Tor van Aken", "Lula da Silva"; "Department for Roads",
             * "Institute for Fiscal Studies": "for" after a body's word */
            bool connector = !cap && run != SIZE_MAX && joined &&
                             ((IN(CONNECTORS, cur->norm) &&
                               (cur->norm[0] != 'l' || !strcmp(w[nw - 1].norm, "de"))) || /* "la" only after "de" */
                              (!strcmp(cur->norm, "for") && IN(ORG_WORDS, w[nw - 1].norm)) ||
                              /* "Greywater Infrastructure plc": a legal suffix in lower case */
                              (IN(LOWER_LEGAL, cur->norm) && pst_capitalised(text + w[nw - 1].start, 1)));
            /* "Ashby-on-Senn": a short lower-case word between hyphens inside a name */
            if (!cap && run != SIZE_MAX && !connector && ws == w[nw - 1].end + 1 && text[ws - 1] == '-' &&
                IN(INNER_WORDS, cur->norm) && hyphen_chain_to_capital(text, we, s->end))
                connector = true;
            if (cap && (run == SIZE_MAX || (!joined && !plural) || nw - run >= MAX_PHRASE_WORDS ||
                        run_caps >= MAX_PHRASE_CAPS)) {
                if (run != SIZE_MAX) {
                    precis_status st = emit(e, doc, text, w, run, nw, before_run, "", run_at_start,
                                            before_run2, s->end);
                    if (st) return st;
                }
                memcpy(before_run, prev, sizeof prev);
                memcpy(before_run2, prev2, sizeof prev2);
                if (transfer && since_transfer <= 4 && (!strcmp(prev, "to") || !strcmp(prev, "from")))
                    memcpy(before_run2, transfer, strlen(transfer) + 1); /* a short list word */
                run = nw;
                run_caps = 1;
                run_at_start = first_word;
            } else if (!cap && !connector && run != SIZE_MAX) {
                precis_status st = emit(e, doc, text, w, run, nw, before_run, cur->norm, run_at_start,
                                        before_run2, s->end);
                if (st) return st;
                run = SIZE_MAX;
            } else if (cap) {
                run_caps++;
            }
            memcpy(prev2, prev, sizeof prev);
            memcpy(prev, cur->norm, cur->nlen + 1);
            if (since_transfer != SIZE_MAX) since_transfer++;
            {
                size_t lo = 0, hi = sizeof TRANSFER_WORDS / sizeof *TRANSFER_WORDS;
                while (lo < hi) { /* sorted: binary search gives the list's own string */
                    size_t mid = (lo + hi) / 2;
                    int c = strcmp(TRANSFER_WORDS[mid], cur->norm);
                    if (!c) {
                        transfer = TRANSFER_WORDS[mid], since_transfer = 0;
                        break;
                    }
                    if (c < 0) lo = mid + 1;
                    else hi = mid;
                }
            }
            nw++;
            if (run == SIZE_MAX) nw = 0; /* nothing pending: reuse the buffer */
        }
        if (run != SIZE_MAX) {
            precis_status st = emit(e, doc, text, w, run, nw, before_run, "", run_at_start, before_run2,
                                    s->end);
            if (st) return st;
        }
    }
    e->cur_text = NULL;
    return PRECIS_OK;
}

/* Is short the tail of the longer name of a person? ("putin" in "vladimir
 * putin"); organisations and places are not shortened that way ("Forces"
 * is not "Israel Defense Forces"). */
static bool is_part(const item *shortr, const item *longr)
{
    size_t ls = shortr->nlen, ll = longr->nlen;
    if (ls >= ll || longr->votes[PST_ORG] > longr->votes[PST_PERSON]) return false;
    /* places are not shortened either: "Spain" is not "Chile Spain" */
    if (longr->votes[PST_PLACE] > longr->votes[PST_PERSON]) return false;
    if (memcmp(longr->norm + ll - ls, shortr->norm, ls) || longr->norm[ll - ls - 1] != ' ') return false;
    /* "Cambodia" is not "Kingdom of Cambodia", nor "England" "Bank of England" */
    return !(ll - ls >= 4 && !memcmp(longr->norm + ll - ls - 4, " of ", 4));
}

static pst_entity_type winner(const uint32_t *votes)
{
    pst_entity_type t = PST_OTHER;
    uint32_t best = 0;
    for (int k = PST_PERSON; k <= PST_PLACE; k++)
        if (votes[k] > best) best = votes[k], t = (pst_entity_type)k;
    return t;
}

static int cmp_entity(const void *a, const void *b)
{
    const pst_entity *x = a, *y = b;
    if (x->sources != y->sources) return x->sources < y->sources ? 1 : -1;
    if (x->mentions != y->mentions) return x->mentions < y->mentions ? 1 : -1;
    return strcmp(x->name, y->name);
}

/* Merges item `from` into item `into`: its mentions, type votes and
 * documents; what else carries over is each merge's own business. */
static precis_status merge_item(pst_entities *e, size_t from, size_t into)
{
    item *s = &e->items[from], *l = &e->items[into];
    s->merged_into = (int32_t)into;
    l->mentions += s->mentions;
    for (int k = 0; k < 4; k++) l->votes[k] += s->votes[k];
    l->at_place += s->at_place;
    l->attrib += s->attrib;
    l->medium += s->medium;
    l->group += s->group;
    for (uint32_t d = 0; d < s->n_docs; d++) {
        precis_status st = add_doc(l, (uint32_t)s->docs[d]);
        if (st) return st;
    }
    return PRECIS_OK;
}

/* Words of a company's or body's name after its own part: "Resources Group"
 * in "Corvane Resources Group", "Minerals", "Holdings", "Corp". */
static bool org_tail_word(const char *w)
{
    /* company words only: "Tallis Council", "Tallis Army" are bodies of the
     * place Tallis, not longer forms of it */
    static const char *const COMPANY_TAIL[] = {"ab",  "ag",    "airlines", "airways", "asa",
                                               "bv",  "company", "corp",   "corporation",
                                               "gmbh", "group", "inc",     "ltd",     "nv",
                                               "sa",  "spa"};
    return IN(ORG_HEADS, w) || IN(COMPANY_TAIL, w);
}

/* Is l a club of two words whose first is s ("Hollinside" of Hollinside Athletic)? */
static bool club_prefix(const item *s, const item *l)
{
    const char *sp = l->n_words == 2 && s->n_words == 1 ? strrchr(l->norm, ' ') : NULL;
    return sp && (size_t)(sp - l->norm) == s->nlen && !strncmp(l->norm, s->norm, s->nlen) && IN(CLUB_HEADS, sp + 1) &&
           winner(l->votes) == PST_ORG;
}

/* Does long name l start with the words of s, the rest of it org words? */
static bool org_prefix(const item *s, const item *l)
{
    size_t ls = s->nlen;
    if (l->n_words <= s->n_words || strncmp(l->norm, s->norm, ls) || l->norm[ls] != ' ') return false;
    const char *p = l->norm + ls + 1;
    while (*p) {
        const char *q = strchr(p, ' ');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        char word[MAX_NAME_BYTES];
        if (n >= sizeof word) return false;
        memcpy(word, p, n);
        word[n] = 0;
        if (!org_tail_word(word)) return false;
        p += n + (q != NULL);
    }
    return true;
}

/* A company's legal suffixes ("Microsoft Corp", "Orsk Foods Inc"). Lower case. */
static const char *const LEGAL_SUFFIXES[] = {
    "ab", "ag", "asa", "bv", "co", "corp", "corporation", "gmbh", "inc", "llc", "ltd", "nv",
    "plc", "sa", "spa",
};

/* Is l a company by its legal suffix, its own or one of its merged forms'
 * ("Brannock Marine" of "Brannock Marine Corp.")? */
static bool legal_name(const item *l)
{
    const char *sp = l->n_words >= 2 ? strrchr(l->norm, ' ') : NULL;
    return l->legal || (sp && IN(LEGAL_SUFFIXES, sp + 1));
}

/* Is l named as a company by its last word ("Group", "Holdings",
 * "Shipping")? */
static bool company_headed(const item *l)
{
    const char *sp = l->n_words >= 2 ? strrchr(l->norm, ' ') : NULL;
    return sp && org_tail_word(sp + 1);
}

/* Does long name l start with the words of s ("brannock" of "brannock marine")? */
static bool word_prefix(const item *s, const item *l)
{
    return l->n_words > s->n_words && l->nlen > s->nlen && !strncmp(l->norm, s->norm, s->nlen) &&
           l->norm[s->nlen] == ' ';
}

/* Does long name l end with the words of s after demonyms only ("Iranian
 * Revolutionary Guards" for "Revolutionary Guards"), or is s one generic org
 * word that ends l ("the Commission" for "European Commission")? */
static const item *find_item(const pst_entities *e, const char *norm, size_t n);

/* Is w an adjective of a place the story names ("vaskarian" where "Vaskaria"
 * is named, "orsish" with "Ors")? For the invented and the many countries
 * the demonym list does not hold. */
static bool story_demonym(const pst_entities *e, const char *w)
{
    size_t n = strlen(w);
    static const struct { const char *end, *back; } forms[] = {
        {"n", ""}, {"an", ""}, {"an", "a"}, {"ian", ""}, {"ian", "a"}, {"ese", ""}, {"ish", ""}, {"i", ""},
    };
    char t[MAX_NAME_BYTES];
    if (n < 5 || n + 2 >= sizeof t) return false;
    for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
        size_t el = strlen(forms[f].end), bl = strlen(forms[f].back);
        if (n <= el + 2 || strcmp(w + n - el, forms[f].end)) continue;
        memcpy(t, w, n - el);
        memcpy(t + n - el, forms[f].back, bl + 1);
        const item *p = find_item(e, t, n - el + bl);
        if (p && p->n_words == 1) return true;
    }
    return false;
}

static bool org_suffix(const pst_entities *e, const item *s, const item *l)
{
    size_t ls = s->nlen, ll = l->nlen;
    if (l->n_words <= s->n_words || ls >= ll || strcmp(l->norm + ll - ls, s->norm) || l->norm[ll - ls - 1] != ' ')
        return false;
    if (s->n_words == 1 && IN(ORG_WORDS, s->norm)) return true;
    for (const char *p = l->norm; p < l->norm + ll - ls - 1;) {
        const char *q = strchr(p, ' ');
        char word[MAX_NAME_BYTES];
        size_t n = (size_t)(q - p);
        if (n >= sizeof word) return false;
        memcpy(word, p, n);
        word[n] = 0;
        if (!is_demonym(word) && !story_demonym(e, word)) return false;
        p = q + 1;
    }
    return true;
}

/* The initials of a name of two or more words into ini[16] ("cfa" for
 * "coastal fisheries authority"; "of", "and", "the", "for", "de" skipped):
 * their count, 0 when there are none or more than 15. */
static size_t name_initials(const item *l, char ini[16])
{
    size_t k = 0;
    if (l->n_words < 2) return 0;
    for (const char *p = l->norm; *p;) {
        const char *q = strchr(p, ' ');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        bool skip = (n == 2 && !memcmp(p, "of", 2)) || (n == 3 && !memcmp(p, "and", 3)) ||
                    (n == 3 && !memcmp(p, "the", 3)) || (n == 3 && !memcmp(p, "for", 3)) ||
                    (n == 2 && !memcmp(p, "de", 2));
        if (!skip) {
            if (k + 1 >= 16) return 0;
            ini[k++] = *p;
        }
        p += n + (q != NULL);
    }
    ini[k] = 0;
    return k;
}

/* The letters of an acronym into letters[16] ("n.y." -> "ny"): their count,
 * 0 when more than 15. */
static size_t acronym_letters(const item *s, char letters[16])
{
    size_t m = 0;
    for (const char *p = s->norm; *p; p++)
        if (*p != '.') {
            if (m + 1 >= 16) return 0;
            letters[m++] = *p;
        }
    letters[m] = 0;
    return m;
}

/* Is s (all capitals, one word) the initials of l's words ("CFA" for
 * "Coastal Fisheries Authority"; "of", "and", "the", "for" skipped)? */
static bool acronym_of(const item *s, const item *l)
{
    if (s->n_words != 1 || l->n_words < 2 || !all_caps(s->name)) return false;
    char ini[16], letters[16];
    if (!name_initials(l, ini)) return false;
    size_t m = acronym_letters(s, letters);
    return m >= 2 && !strcmp(ini, letters);
}

/* Which names end or start with a given one at a word boundary ("vladimir
 * putin" and "president vladimir putin" end in "putin", "anwar ibrahim"
 * starts with "anwar"): every proper word suffix and prefix of every name,
 * keyed by its hash and sorted by (key, item), so the passes that look for a
 * short name's longer forms read its few candidates, in item order, instead
 * of comparing it with every name (a long article of many names was minutes
 * of all-pairs work). Candidates still pass the exact test. */
typedef struct name_ref {
    uint64_t key;
    uint32_t item;
} name_ref;

typedef struct name_index {
    name_ref *tails, *heads; /* word suffixes, word prefixes: one of each per space in a name */
    size_t n;
    /* names of two or more words keyed by their initials ("cfa"), the
     * candidates of an acronym (one word in capitals): a long article of
     * many acronyms was all-pairs work again without it */
    name_ref *initials;
    size_t n_initials;
} name_index;

static int cmp_name_ref(const void *a, const void *b)
{
    const name_ref *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return (x->item > y->item) - (x->item < y->item);
}

static precis_status name_index_build(const pst_entities *e, name_index *ix)
{
    size_t n = 0;
    for (size_t i = 0; i < e->n_items; i++)
        for (const char *p = e->items[i].norm; (p = strchr(p, ' ')); p++) n++;
    ix->tails = malloc((n ? n : 1) * sizeof *ix->tails);
    ix->heads = malloc((n ? n : 1) * sizeof *ix->heads);
    ix->initials = malloc((e->n_items ? e->n_items : 1) * sizeof *ix->initials);
    if (!ix->tails || !ix->heads || !ix->initials) {
        free(ix->tails);
        free(ix->heads);
        free(ix->initials);
        return PRECIS_ENOMEM;
    }
    ix->n = 0;
    ix->n_initials = 0;
    for (size_t i = 0; i < e->n_items; i++) {
        char ini[16];
        size_t k = name_initials(&e->items[i], ini);
        if (k >= 2) ix->initials[ix->n_initials++] = (name_ref){XXH3_64bits(ini, k), (uint32_t)i};
    }
    qsort(ix->initials, ix->n_initials, sizeof *ix->initials, cmp_name_ref);
    for (size_t i = 0; i < e->n_items; i++) {
        const item *it = &e->items[i];
        for (const char *p = it->norm; (p = strchr(p, ' ')); p++, ix->n++) {
            ix->heads[ix->n] = (name_ref){XXH3_64bits(it->norm, (size_t)(p - it->norm)), (uint32_t)i};
            ix->tails[ix->n] = (name_ref){XXH3_64bits(p + 1, it->nlen - (size_t)(p + 1 - it->norm)), (uint32_t)i};
        }
    }
    qsort(ix->tails, ix->n, sizeof *ix->tails, cmp_name_ref);
    qsort(ix->heads, ix->n, sizeof *ix->heads, cmp_name_ref);
    return PRECIS_OK;
}

/* [*lo, *hi) of refs[0..n): the entries keyed by key */
static void key_range(const name_ref *refs, size_t n, uint64_t key, size_t *lo, size_t *hi)
{
    size_t a = 0, b = n;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (refs[m].key < key) a = m + 1;
        else b = m;
    }
    *lo = a;
    while (a < n && refs[a].key == key) a++;
    *hi = a;
}

/* [*lo, *hi) of refs[0..n) (an index's tails or heads): the entries keyed by s's name */
static void name_range(const name_ref *refs, size_t n, const item *s, size_t *lo, size_t *hi)
{
    key_range(refs, n, XXH3_64bits(s->norm, s->nlen), lo, hi);
}

/* Short forms of organisations: "Corvane" and "Corvane Resources" for
 * "Corvane Resources Group", "CFA" for "Coastal Fisheries Authority", "the
 * Commission" for "European Commission" — each into the one longer name it
 * fits (the longest when they nest), never a country or a name mostly seen
 * as a place ("in Kell" twice is Kell, not "Kell Holdings"). */
static precis_status merge_org_forms(pst_entities *e, const name_index *ix)
{
    for (int pass = 0; pass < 3; pass++)
        for (size_t i = 0; i < e->n_items; i++) {
            item *s = &e->items[i];
            if (s->merged_into >= 0 || country_or_region(s->norm)) continue;
            if (s->votes[PST_PLACE] >= 2 || 2 * s->votes[PST_PLACE] >= s->mentions) continue;
            if (pass != 1 && s->votes[PST_PERSON] > s->votes[PST_ORG]) continue;
            if (pass == 1 && (s->n_words != 1 || !all_caps(s->name))) continue; /* before the scan */
            int64_t target = -1;
            bool ambiguous = false, target_strong = false;
            /* a prefix's or a suffix's longer forms, an acronym's names by
             * their initials: each read from its index, in item order */
            size_t lo = 0, hi = 0;
            if (pass == 0) name_range(ix->heads, ix->n, s, &lo, &hi);
            if (pass == 2) name_range(ix->tails, ix->n, s, &lo, &hi);
            if (pass == 1) {
                char letters[16];
                size_t m = acronym_letters(s, letters);
                if (m >= 2) key_range(ix->initials, ix->n_initials, XXH3_64bits(letters, m), &lo, &hi);
            }
            const name_ref *refs = pass == 0 ? ix->heads : pass == 1 ? ix->initials : ix->tails;
            for (size_t r = lo; r < hi && !ambiguous; r++) {
                size_t j = refs[r].item;
                item *l = &e->items[j];
                if (j == i || l->merged_into >= 0) continue;
                /* a company named with its legal suffix anywhere takes its
                 * first words alone whatever its other words are ("Brannock"
                 * for Brannock Marine Corp.) */
                /* ... and so does a company named by its head when the short
                 * form has a company's cue of its own ("Stellan shares fell"
                 * for Stellan Agri Group) */
                bool fits = pass == 0   ? org_prefix(s, l) || (legal_name(l) && word_prefix(s, l)) ||
                                            (s->votes[PST_ORG] && company_headed(l) && word_prefix(s, l)) || club_prefix(s, l)
                            : pass == 1 ? acronym_of(s, l)
                                        : org_suffix(e, s, l) && winner(l->votes) == PST_ORG;
                /* "N.Y." is New York's, a place's, not a body's */
                if (fits && pass == 1 && (winner(l->votes) == PST_PLACE || country_or_region(l->norm))) fits = false;
                if (!fits) continue;
                /* a name whose other words are all company words is the
                 * short form's before one only a legal suffix fits: "Corbett"
                 * is Corbett Mining plc, not its Corbett Tazrit Ltd */
                bool strong = pass == 0 && org_prefix(s, l);
                if (target < 0) target = (int64_t)j, target_strong = strong;
                else if (pass == 0 && org_prefix(&e->items[target], l)) target = (int64_t)j, target_strong = strong;
                else if (pass == 0 && org_prefix(l, &e->items[target])) continue;
                else if (strong && !target_strong) target = (int64_t)j, target_strong = true;
                else if (!(target_strong && !strong)) ambiguous = true;
            }
            if (target < 0 || ambiguous) continue;
            e->items[target].mid_mentions += s->mid_mentions;
            /* capitals alone vote org: "NSW" leaves New South Wales as its
             * own cues have it, "CFA" makes an Authority no more an org */
            if (pass == 1) s->votes[PST_ORG] = 0;
            precis_status st = merge_item(e, i, (size_t)target);
            if (st) return st;
        }
    return PRECIS_OK;
}


static precis_status entities_rank_with(pst_entities *e, const name_index *ix, const pst_entity **out,
                                        size_t *n);

/* "Selvor Corp." and "Selvor Corporation" where the story never says
 * "Selvor" alone: one company under its legal forms, named by the form most
 * mentioned (the first on a tie). Names keyed by the name without its suffix,
 * sorted, so each group is read once. */
static precis_status merge_legal_forms(pst_entities *e)
{
    name_ref *refs = malloc((e->n_items ? e->n_items : 1) * sizeof *refs);
    if (!refs) return PRECIS_ENOMEM;
    size_t nr = 0;
    for (size_t j = 0; j < e->n_items; j++) {
        const item *l = &e->items[j];
        const char *sp = l->n_words >= 2 ? strrchr(l->norm, ' ') : NULL;
        if (l->merged_into >= 0 || !sp || !IN(LEGAL_SUFFIXES, sp + 1)) continue;
        refs[nr++] = (name_ref){XXH3_64bits(l->norm, (size_t)(sp - l->norm)), (uint32_t)j};
    }
    qsort(refs, nr, sizeof *refs, cmp_name_ref);
    precis_status st = PRECIS_OK;
    for (size_t r = 0; r < nr && !st; r++) {
        item *a = &e->items[refs[r].item];
        if (a->merged_into >= 0) continue;
        size_t al = (size_t)(strrchr(a->norm, ' ') - a->norm);
        /* the group of a's stem: the most mentioned form first */
        size_t best = refs[r].item;
        for (size_t q = r + 1; q < nr && refs[q].key == refs[r].key; q++) {
            const item *b = &e->items[refs[q].item];
            if (b->merged_into >= 0 || (size_t)(strrchr(b->norm, ' ') - b->norm) != al || memcmp(b->norm, a->norm, al))
                continue;
            if (b->mentions > e->items[best].mentions) best = refs[q].item;
        }
        for (size_t q = r; q < nr && refs[q].key == refs[r].key && !st; q++) {
            item *b = &e->items[refs[q].item];
            if (refs[q].item == best || b->merged_into >= 0 ||
                (size_t)(strrchr(b->norm, ' ') - b->norm) != al || memcmp(b->norm, a->norm, al))
                continue;
            e->items[best].mid_mentions += b->mid_mentions;
            e->items[best].legal += b->mentions + b->legal;
            st = merge_item(e, refs[q].item, best);
        }
    }
    free(refs);
    return st;
}



/* The unmerged item named norm[0..n), or NULL. */
static const item *find_item(const pst_entities *e, const char *norm, size_t n)
{
    if (!e->n_table) return NULL;
    size_t b = XXH3_64bits(norm, n) & (e->n_table - 1);
    while (e->table[b]) {
        const item *it = &e->items[e->table[b] - 1];
        if (it->nlen == n && !memcmp(it->norm, norm, n)) return it;
        b = (b + 1) & (e->n_table - 1);
    }
    return NULL;
}

/* Is one word only ever seen qualifying a noun an adjective? By its form
 * ("Democratic", "Vellish", "Philippine" of the Philippines), or by the story's
 * own names: "Keldoran" where "Keldor" is named, "Tervani" where "Tervanis"
 * is (a people: the singular qualifies, "Tervani fighters"). */
static bool attributive_adjective(const pst_entities *e, const item *it)
{
    if (it->n_words != 1 || !it->attrib || country_or_region(it->norm) || it->nlen > PT_WORD_MAX) return false;
    size_t n = it->nlen;
    /* an adjective by its form when three in four of its mentions qualify a
     * noun ("the Democratic leadership", and once "Democratic-controlled") */
    bool form = adjective_like(it->norm, n, false) || country_adjective(it->norm) ||
                (n >= 6 && !strcmp(it->norm + n - 3, "ish"));
    if (form && 4 * it->attrib >= 3 * it->mentions) return true;
    if (it->attrib < it->mentions) return false;
    /* (base + "n": "Orlandian" where "Orlandia" is named) */
    static const char *const ENDS[] = {"an", "ese", "i", "ian", "ish", "n"};
    for (size_t k = 0; k < sizeof ENDS / sizeof *ENDS; k++) {
        size_t el = strlen(ENDS[k]);
        if (n >= el + 3 && !strcmp(it->norm + n - el, ENDS[k]) && find_item(e, it->norm, n - el)) return true;
    }
    char pl[PT_WORD_MAX + 2];
    memcpy(pl, it->norm, n);
    pl[n] = 's';
    const item *p = find_item(e, pl, n + 1);
    return p && p->n_words == 1;
}

/* Is a one-word plural a people's, a group of people: "Tervanis" where
 * "Tervani fighters" qualifies nouns, "Kurds" by the demonym "Kurdish",
 * "Serbs" by "Serbian", or any plural counted or qualified as people ("3,000
 * Oskans", "thousands of X", "ethnic X")? Not a country ("Philippines") nor
 * a land ("Highlands"). */
static bool people_plural(const pst_entities *e, const item *it)
{
    size_t n = it->nlen;
    if (it->n_words != 1 || n < 4 || n > PT_WORD_MAX || it->norm[n - 1] != 's' || country_or_region(it->norm))
        return false;
    if (n > 5 && !strcmp(it->norm + n - 5, "lands")) return false;
    /* events and awards named in the plural: their singular qualifies nouns
     * ("Olympic officials") as a people's does, but they are no people */
    static const char *const EVENTS[] = {"awards", "championships", "finals", "games", "grammys", "olympics",
                                         "oscars", "paralympics", "playoffs"};
    if (IN(EVENTS, it->norm)) return false;
    if (it->group) return true;
    char sing[PT_WORD_MAX + 8];
    memcpy(sing, it->norm, n - 1);
    sing[n - 1] = 0;
    const item *s = find_item(e, sing, n - 1);
    if (s && s->n_words == 1 && s->attrib && s->attrib >= s->mentions) return true;
    if (is_demonym(sing)) return true;
    static const char *const ADJ[] = {"an", "ese", "i", "ian", "ish"};
    for (size_t k = 0; k < sizeof ADJ / sizeof *ADJ; k++) {
        size_t al = strlen(ADJ[k]);
        memcpy(sing + n - 1, ADJ[k], al + 1);
        if (is_demonym(sing)) return true;
        const item *adj = find_item(e, sing, n - 1 + al);
        if (adj && adj->n_words == 1 && adj->attrib) return true;
    }
    return false;
}

/* Is a one-word name seen only opening sentences a name all the same? When
 * it opens sentences in two reports or more and the story never writes it (nor
 * its singular) in lower case: "Lestria agreed...", "Lestria's National
 * Assembly..." — an ordinary word capitalised there ("Officials", "Rescuers")
 * is written in lower case elsewhere in a story of several reports. Not an
 * adverb, a participle or an adjective by its form ("Separately",
 * "Speaking", "Asked", "Japanese"), nor a word in capitals, and only when
 * different words follow it there (one pasted line repeated in every report,
 * "Subscribe now for...", is one sentence). */
static bool start_name(const pst_entities *e, const item *it)
{
    size_t n = it->nlen;
    if (it->n_docs < 2 || !it->start_varied || n < 4 || n > PT_WORD_MAX || all_caps(it->name)) return false;
    /* English plurals of people and abstract nouns by their ending
     * ("Researchers", "Investigators", "Residents", "Critics",
     * "Authorities", "Advertisement", "Legislation") */
    static const char *const NOUN_ENDS[] = {"ants", "ees", "ents", "ers", "ics", "ies", "ists", "ment",
                                            "ness", "ors", "sion", "tion"};
    for (size_t k = 0; k < sizeof NOUN_ENDS / sizeof *NOUN_ENDS; k++) {
        size_t el = strlen(NOUN_ENDS[k]);
        if (n > el + 2 && !strcmp(it->norm + n - el, NOUN_ENDS[k])) return false;
    }
    /* (a word that only ever qualifies the noun after it is an adjective
     * there: "Republican senators said", "Coastal towns flooded") */
    if (it->attrib >= it->mentions) return false;
    if (!strcmp(it->norm + n - 2, "ly") || !strcmp(it->norm + n - 3, "ing") || adjective_like(it->norm, n, true))
        return false;
    if (lower_seen(e, it->norm, n)) return false;
    if (it->norm[n - 1] != 's') return true;
    /* its singular: "-s" ("officials"), "-es" ("witnesses", "churches") */
    return !(lower_seen(e, it->norm, n - 1) || (it->norm[n - 2] == 'e' && lower_seen(e, it->norm, n - 2)));
}

/* An adjective by attributive_adjective, or the people it names: never a
 * key entity, as "Cambodian" and "Malaysians" are not. A people's plural is a
 * group — no person, place or organisation — so the cues of persons and
 * places next to it are no evidence ("between Tervanis and Oskans", "Tervanis
 * said"): it is not listed, whatever they say. Only a body's cues list it,
 * as an organisation: a team's or a party's plural ("Padres", "Senate
 * Agrarians"). */
static bool adjective_or_people(const pst_entities *e, const item *it)
{
    if (attributive_adjective(e, it)) return true;
    return people_plural(e, it) && winner(it->votes) != PST_ORG;
}

/* The reports in lower case name the story's entities too: each listed
 * entity (listed[0..n).item) is credited with the lower-case reports that
 * write one of its names, the longest name first at each word ("transport
 * minister mira solberg said": Mira Solberg; "solberg's plan": Solberg, a
 * variant merged into her). A one-word name counts only when the other
 * reports never write it in lower case ("will", "transport" are words). */
static precis_status lower_credit(pst_entities *e, const pst_entity *listed, size_t n)
{
    if (!e->n_lower_docs || !n) return PRECIS_OK;
    unsigned char *keep = calloc(e->n_items, 1);
    if (!keep) return PRECIS_ENOMEM;
    for (size_t r = 0; r < n; r++) keep[listed[r].item] = 1;
    precis_status st = PRECIS_OK;
    for (size_t d = 0; d < e->n_lower_docs && !st; d++) {
        const struct lower_doc *ld = &e->lower_docs[d];
        enum { W = MAX_PHRASE_WORDS };
        char wd[W][PT_WORD_MAX + 1];
        size_t wl[W], gap_hy[W]; /* gap_hy[k]: word k follows a hyphen */
        size_t have = 0, pos = 0, ws, we, prev_end = 0;
        bool more = true;
        while (!st && (have || more)) {
            while (more && have < W) {
                if (!pt_next_word(ld->text, ld->len, &pos, &ws, &we)) {
                    more = false;
                    break;
                }
                wl[have] = pt_normalize(ld->text + ws, we - ws, wd[have]);
                gap_hy[have] = ws == prev_end + 1 && prev_end && ld->text[prev_end] == '-';
                prev_end = we;
                have++;
            }
            if (!have) break;
            size_t used = 1;
            for (size_t m = have; m >= 1; m--) {
                char key[MAX_NAME_BYTES];
                size_t kl = 0;
                bool fits = true;
                for (size_t q = 0; q < m && fits; q++) {
                    if (kl + wl[q] + 2 >= sizeof key) fits = false;
                    if (!fits) break;
                    if (q) key[kl++] = gap_hy[q] ? '-' : ' ';
                    memcpy(key + kl, wd[q], wl[q]);
                    kl += wl[q];
                }
                if (!fits || !kl) continue;
                key[kl] = 0;
                const item *it = find_item(e, key, kl);
                if (!it) continue;
                if (m == 1 && (lower_seen(e, key, kl) || !it->mid_mentions)) continue;
                size_t root = (size_t)(it - e->items);
                while (e->items[root].merged_into >= 0) root = (size_t)e->items[root].merged_into;
                if (!keep[root]) continue;
                st = add_doc(&e->items[root], ld->doc);
                e->items[root].mentions++;
                used = m;
                break;
            }
            memmove(wd, wd + used, (have - used) * sizeof *wd);
            memmove(wl, wl + used, (have - used) * sizeof *wl);
            memmove(gap_hy, gap_hy + used, (have - used) * sizeof *gap_hy);
            have -= used;
        }
    }
    free(keep);
    return st;
}

precis_status pst_entities_rank(pst_entities *e, const pst_entity **out, size_t *n)
{
    name_index ix;
    precis_status ist = name_index_build(e, &ix);
    if (ist) return ist;
    precis_status st_rank = entities_rank_with(e, &ix, out, n);
    free(ix.tails);
    free(ix.heads);
    free(ix.initials);
    return st_rank;
}

/* Are two first names one spelling apart: one letter added, dropped, changed
 * or two swapped ("Jon" / "John", "Farouq" / "Farouk"), the first letter the
 * same, both three letters or more? */
static bool one_edit_apart(const char *x, size_t nx, const char *y, size_t ny)
{
    if (nx < 3 || ny < 3 || x[0] != y[0] || (nx > ny ? nx - ny : ny - nx) > 1) return false;
    size_t i = 0;
    while (i < nx && i < ny && x[i] == y[i]) i++;
    if (nx == ny) {
        if (i == nx) return false;
        if (!memcmp(x + i + 1, y + i + 1, nx - i - 1)) return true; /* one changed */
        return i + 1 < nx && x[i] == y[i + 1] && x[i + 1] == y[i] &&
               !memcmp(x + i + 2, y + i + 2, nx - i - 2); /* two swapped */
    }
    const char *lng = nx > ny ? x : y, *sht = nx > ny ? y : x;
    size_t ns = nx > ny ? ny : nx;
    return !memcmp(lng + i + 1, sht + i, ns - i); /* one added */
}

/* A person's first name spelt two ways by different reports ("Jon Ardley"
 * in two, "John Ardley" in a third): one person when the rest of the name is
 * the same, the first names are one spelling apart, no report names both,
 * the two are said with a word in common ("Fire chief Jon Ardley" / "fire
 * chief John Ardley"), and neither has another first name of that surname as
 * near (then which is which cannot be told). "Maren Ardley", a farmer, stays
 * apart: her first name is far from his. Into the form of more reports. */
/* A person-like name of two or three words a first-name spelling may vary in. */
static bool varied_name(const item *x)
{
    return x->merged_into < 0 && x->n_words >= 2 && x->n_words <= 3 && x->n_ctx && !x->legal &&
           x->votes[PST_ORG] <= x->votes[PST_PERSON] && x->votes[PST_PLACE] <= x->votes[PST_PERSON] &&
           strchr(x->norm, ' ');
}

/* The one other name of e one first-name spelling from items[i] with the
 * rest of the name the same: its index, -1 when none or more than one. */
static int64_t near_spelling(const pst_entities *e, const name_index *ix, size_t i)
{
    const item *x = &e->items[i];
    const char *xs = strchr(x->norm, ' ');
    int64_t match = -1;
    size_t lo, hi; /* the names ending as x does after its first word */
    key_range(ix->tails, ix->n, XXH3_64bits(xs + 1, x->nlen - (size_t)(xs + 1 - x->norm)), &lo, &hi);
    for (size_t r = lo; r < hi; r++) {
        size_t j = ix->tails[r].item;
        const item *y = &e->items[j];
        if (j == i || y->n_words != x->n_words || !varied_name(y)) continue;
        const char *ys = strchr(y->norm, ' ');
        if (strcmp(xs, ys) || !one_edit_apart(x->norm, (size_t)(xs - x->norm), y->norm, (size_t)(ys - y->norm)))
            continue;
        if (match >= 0) return -1;
        match = (int64_t)j;
    }
    return match;
}

static precis_status merge_first_name_variants(pst_entities *e, const name_index *ix)
{
    for (size_t i = 0; i < e->n_items; i++) {
        if (!varied_name(&e->items[i])) continue;
        int64_t match = near_spelling(e, ix, i);
        /* each the other's only near spelling: "Piet", "Pietr", "Pieter" is a chain */
        if (match < 0 || near_spelling(e, ix, (size_t)match) != (int64_t)i) continue;
        item *x = &e->items[i], *y = &e->items[match];
        bool shared_doc = false, shared_word = false;
        for (uint32_t a = 0; a < x->n_docs && !shared_doc; a++)
            for (uint32_t b = 0; b < y->n_docs && !shared_doc; b++) shared_doc = x->docs[a] == y->docs[b];
        for (uint32_t a = 0; a < x->n_ctx && !shared_word; a++)
            for (uint32_t b = 0; b < y->n_ctx && !shared_word; b++) shared_word = x->ctx[a] == y->ctx[b];
        if (shared_doc || !shared_word) continue;
        bool x_wins = x->n_docs > y->n_docs ||
                      (x->n_docs == y->n_docs && (x->mentions > y->mentions ||
                                                  (x->mentions == y->mentions && i < (size_t)match)));
        size_t from = x_wins ? (size_t)match : i, into = x_wins ? i : (size_t)match;
        e->items[into].mid_mentions += e->items[from].mid_mentions;
        precis_status st = merge_item(e, from, into);
        if (st) return st;
    }
    return PRECIS_OK;
}

static precis_status entities_rank_with(pst_entities *e, const name_index *ix, const pst_entity **out, size_t *n)
{
    {
        precis_status st = merge_first_name_variants(e, ix);
        if (st) return st;
    }
    /* Merge each short variant into the unique longer phrase it ends (or
     * starts); an ambiguous one ("Smith" with two Smiths) stays apart. */
    for (size_t i = 0; i < e->n_items; i++) {
        item *s = &e->items[i];
        if (s->merged_into >= 0) continue;
        /* a party's members ("Republicans", by the list or a chamber) are no
         * surname: "Stunned Republicans", "Moderate Democrats" do not take them */
        if (s->n_words == 1 && winner(s->votes) == PST_ORG && party_plural_form(s->norm, s->nlen)) continue;
        /* a town named by its own cues ("in Norvik", "Norvik's mayor", "from
         * Norvik") is no surname of the person named after it ("Halma
         * Norvik"), whatever one "Norvik said" of hers votes */
        if (s->n_words == 1 && s->votes[PST_PLACE] >= 2 && s->votes[PST_PLACE] > s->votes[PST_PERSON] + s->speaks)
            continue;
        int64_t target = -1;
        bool ambiguous = false;
        size_t lo, hi;
        name_range(ix->tails, ix->n, s, &lo, &hi);
        for (size_t r = lo; r < hi; r++) {
            size_t j = ix->tails[r].item;
            item *l = &e->items[j];
            if (j == i || l->merged_into >= 0 || !is_part(s, l)) continue;
            if (target >= 0 && strcmp(e->items[target].norm, l->norm)) {
                /* Prefer the longest when one contains the other. */
                if (is_part(&e->items[target], l)) target = (int64_t)j;
                else if (!is_part(l, &e->items[target])) ambiguous = true;
            } else {
                target = (int64_t)j;
            }
        }
        if (ambiguous) {
            /* one famous name and a passing one ("Augusto Pinochet" in ten
             * reports, "Lucia Pinochet" in one; "Benjamin Netanyahu" in two,
             * a misspelt "Binyamin Netanyahu" in one): the surname is the one
             * named in two reports or more and in twice as many as any rival */
            int64_t top = -1;
            uint32_t rival = 0;
            for (size_t r = lo; r < hi; r++) {
                size_t j = ix->tails[r].item;
                item *l = &e->items[j];
                if (j == i || l->merged_into >= 0 || !is_part(s, l)) continue;
                if (top < 0 || l->n_docs > e->items[top].n_docs) top = (int64_t)j;
            }
            for (size_t r = lo; top >= 0 && r < hi; r++) {
                size_t j = ix->tails[r].item;
                item *l = &e->items[j];
                if (j == i || (int64_t)j == top || l->merged_into >= 0 || !is_part(s, l) ||
                    is_part(l, &e->items[top]) || is_part(&e->items[top], l))
                    continue;
                if (l->n_docs > rival) rival = l->n_docs;
            }
            if (top >= 0 && e->items[top].n_docs >= 2 && e->items[top].n_docs >= 2 * rival) {
                target = top;
                ambiguous = false;
            }
        }
        if (target < 0 || ambiguous) continue;
        e->items[target].craft += s->craft;
        /* a name of two or three words whose last word alone speaks ("Jana
         * Roux" ... "Roux said") is a person's: firms and bodies are shortened
         * to their first words, and "Democrats said" is no surname's */
        if (s->n_words == 1 && s->speaks && !s->votes[PST_ORG] && !s->votes[PST_PLACE] &&
            !country_or_region(s->norm) && e->items[target].n_words <= 3 && name_like(&e->items[target]))
            e->items[target].votes[PST_PERSON]++, e->items[target].surname++;
        precis_status st = merge_item(e, i, (size_t)target);
        if (st) return st;
    }

    /* "Microsoft Corp" is Microsoft: the legal suffix makes the short name a
     * company, whatever prepositions said ("to Microsoft") */
    for (size_t j = 0; j < e->n_items; j++) {
        item *l = &e->items[j];
        if (l->merged_into >= 0 || l->n_words < 2) continue;
        const char *sp = strrchr(l->norm, ' ');
        if (!sp || !IN(LEGAL_SUFFIXES, sp + 1)) continue;
        /* the name without its suffix, looked up by its key (names are
         * unique in the table): comparing each with every name was minutes on
         * a long article of many companies */
        const item *short_form = find_item(e, l->norm, (size_t)(sp - l->norm));
        if (!short_form || short_form == l || short_form->merged_into >= 0) continue;
        size_t i = (size_t)(short_form - e->items);
        item *s = &e->items[i];
        s->mid_mentions += l->mid_mentions;
        s->legal += l->mentions + l->legal;
        precis_status st = merge_item(e, j, i);
        if (st) return st;
    }
    {
        precis_status st = merge_legal_forms(e);
        if (st) return st;
        st = merge_org_forms(e, ix);
        if (st) return st;
    }
    /* "the Ministry of Fisheries" and "Fisheries Ministry officials", "the
     * Department of State" and "the State Department": one body, under the
     * form written more often ("H of X" on a tie) */
    for (size_t i = 0; i < e->n_items; i++) {
        item *l = &e->items[i];
        if (l->merged_into >= 0 || l->n_words < 3 || l->n_words > 5) continue;
        static const char *const HEADS[] = {"department", "ministry"};
        const char *sp = strchr(l->norm, ' ');
        if (!sp || strncmp(sp, " of ", 4)) continue;
        size_t hl = (size_t)(sp - l->norm);
        char head[16];
        if (hl >= sizeof head) continue;
        memcpy(head, l->norm, hl);
        head[hl] = 0;
        if (!IN(HEADS, head)) continue;
        const char *x = sp + 4;
        size_t xl = l->nlen - (size_t)(x - l->norm);
        char alt[MAX_NAME_BYTES];
        if (xl + 1 + hl >= sizeof alt) continue;
        memcpy(alt, x, xl);
        alt[xl] = ' ';
        memcpy(alt + xl + 1, head, hl);
        const item *o = find_item(e, alt, xl + 1 + hl);
        if (!o || o->merged_into >= 0) continue;
        size_t j = (size_t)(o - e->items);
        size_t from = o->mentions > l->mentions ? i : j, into = from == i ? j : i;
        e->items[into].mid_mentions += e->items[from].mid_mentions;
        precis_status st = merge_item(e, from, into);
        if (st) return st;
    }
    /* A party's plural is the party the story names by its singular or its
     * "-ic" adjective: "Liberals" the Liberal Party, "Democrats" the
     * Democratic Party (when exactly one such party of two words is named). */
    for (size_t i = 0; i < e->n_items; i++) {
        item *s = &e->items[i];
        size_t sl = s->nlen;
        if (s->merged_into >= 0 || s->n_words != 1 || sl < 5 || sl > PT_WORD_MAX || s->norm[sl - 1] != 's' ||
            !(s->votes[PST_ORG] || party_plural_form(s->norm, sl)))
            continue;
        char party[PT_WORD_MAX + 16];
        int64_t target = -1;
        bool ambiguous = false;
        for (int ic = 0; ic < 2; ic++) {
            memcpy(party, s->norm, sl - 1);
            size_t pl = sl - 1;
            if (ic) party[pl++] = 'i', party[pl++] = 'c';
            memcpy(party + pl, " party", 7);
            const item *p = find_item(e, party, pl + 6);
            if (!p || p->merged_into >= 0) continue;
            if (target >= 0) ambiguous = true;
            target = (int64_t)(p - e->items);
        }
        if (target < 0 || ambiguous) continue;
        e->items[target].mid_mentions += s->mid_mentions;
        precis_status st = merge_item(e, i, (size_t)target);
        if (st) return st;
    }
    /* A club's or band's short form is its last word: "Wanderers" for Orvik
     * Wanderers, "Saints" for Harlan Saints — a one-word name that ends
     * exactly one organisation's name of two or three words, when it is no
     * generic word of bodies or places ("Union", "Labs", "Valley"), no
     * country, and not itself seen as a person or mostly as a place. */
    for (size_t i = 0; i < e->n_items; i++) {
        item *s = &e->items[i];
        if (s->merged_into >= 0 || s->n_words != 1 || all_caps(s->name) || country_or_region(s->norm)) continue;
        if (s->votes[PST_PERSON] || 2 * s->votes[PST_PLACE] >= s->mentions) continue;
        if (IN(ORG_WORDS, s->norm) || org_tail_word(s->norm) || IN(PLACE_WORDS, s->norm) || is_demonym(s->norm))
            continue;
        size_t ls = s->nlen;
        int64_t target = -1;
        bool ambiguous = false;
        size_t lo, hi;
        name_range(ix->tails, ix->n, s, &lo, &hi);
        for (size_t r = lo; r < hi && !ambiguous; r++) {
            size_t j = ix->tails[r].item;
            item *l = &e->items[j];
            size_t ll = l->nlen;
            if (j == i || l->merged_into >= 0 || l->n_words < 2 || l->n_words > 3 || ll <= ls + 1) continue;
            if (strcmp(l->norm + ll - ls, s->norm) || l->norm[ll - ls - 1] != ' ') continue;
            if (winner(l->votes) != PST_ORG && !l->legal) continue;
            if (strstr(l->norm, " of ")) continue;
            if (target >= 0) ambiguous = true;
            else target = (int64_t)j;
        }
        if (target < 0 || ambiguous) continue;
        e->items[target].mid_mentions += s->mid_mentions;
        precis_status st = merge_item(e, i, (size_t)target);
        if (st) return st;
    }
    /* A river is named without its head: "the Lomme" for the Lomme River or
     * the River Lomme — a one-word name no cue types (a town of that name is
     * "in X", a firm "X said"), into the one river the story names so. */
    for (size_t i = 0; i < e->n_items; i++) {
        item *s = &e->items[i];
        if (s->merged_into >= 0 || s->n_words != 1 || s->nlen + 7 > MAX_NAME_BYTES) continue;
        if (s->votes[PST_PERSON] || s->votes[PST_ORG] || s->votes[PST_PLACE] || s->at_place) continue;
        char river[MAX_NAME_BYTES];
        memcpy(river, s->norm, s->nlen);
        memcpy(river + s->nlen, " river", 7);
        const item *a = find_item(e, river, s->nlen + 6);
        memcpy(river, "river ", 6);
        memcpy(river + 6, s->norm, s->nlen + 1);
        const item *b = find_item(e, river, s->nlen + 6);
        if (a && a->merged_into >= 0) a = NULL;
        if (b && b->merged_into >= 0) b = NULL;
        if (!a == !b) continue; /* none, or two rivers */
        size_t target = (size_t)((a ? a : b) - e->items);
        e->items[target].mid_mentions += s->mid_mentions;
        precis_status st = merge_item(e, i, target);
        if (st) return st;
    }
    /* "the Callow embankment failure" for the Callow Reservoir the story
     * names: a one-word name that only ever qualifies nouns, no cue typing
     * it, is the one place named with it and a place word ("Callow
     * Reservoir", "Lake Callow"); two such places keep it apart */
    for (size_t i = 0; i < e->n_items; i++) {
        item *s = &e->items[i];
        if (s->merged_into >= 0 || s->n_words != 1 || !s->attrib || s->attrib < s->mentions) continue;
        if (s->votes[PST_PERSON] || s->votes[PST_ORG] || s->votes[PST_PLACE] || s->at_place || s->group) continue;
        if (country_or_region(s->norm) || s->nlen + 24 > MAX_NAME_BYTES) continue;
        int64_t target = -1;
        bool ambiguous = false;
        for (size_t h = 0; h < sizeof PLACE_WORDS / sizeof *PLACE_WORDS && !ambiguous; h++) {
            char full[MAX_NAME_BYTES];
            size_t hl = strlen(PLACE_WORDS[h]);
            for (int before = 0; before < 2 && !ambiguous; before++) {
                if (before) {
                    memcpy(full, PLACE_WORDS[h], hl);
                    full[hl] = ' ';
                    memcpy(full + hl + 1, s->norm, s->nlen);
                } else {
                    memcpy(full, s->norm, s->nlen);
                    full[s->nlen] = ' ';
                    memcpy(full + s->nlen + 1, PLACE_WORDS[h], hl);
                }
                const item *l = find_item(e, full, s->nlen + 1 + hl);
                if (!l || l->merged_into >= 0 || winner(l->votes) != PST_PLACE) continue;
                if (target >= 0 && target != (int64_t)(l - e->items)) ambiguous = true;
                else target = (int64_t)(l - e->items);
            }
        }
        if (target < 0 || ambiguous) continue;
        e->items[target].mid_mentions += s->mid_mentions;
        precis_status st = merge_item(e, i, (size_t)target);
        if (st) return st;
    }
    /* "the Kessel tunnel", its head in lower case, is the Kessel Tunnel the
     * story names (a person or a body is never so followed) */
    for (size_t i = 0; i < e->n_items; i++) {
        item *s = &e->items[i];
        if (s->merged_into >= 0 || s->n_words != 1 || !s->place_head || s->votes[PST_PERSON] || s->votes[PST_ORG])
            continue;
        /* (a town "in Tesk" by the Tesk river keeps its own name) */
        if (s->votes[PST_PLACE] > s->head_n) continue;
        const char *h = PLACE_WORDS[s->place_head - 1];
        size_t hl = strlen(h);
        char full[MAX_NAME_BYTES];
        if (s->nlen + 1 + hl >= sizeof full) continue;
        memcpy(full, s->norm, s->nlen);
        full[s->nlen] = ' ';
        memcpy(full + s->nlen + 1, h, hl + 1);
        const item *l = find_item(e, full, s->nlen + 1 + hl);
        if (!l || l->merged_into >= 0) continue;
        size_t target = (size_t)(l - e->items);
        e->items[target].mid_mentions += s->mid_mentions;
        precis_status st = merge_item(e, i, target);
        if (st) return st;
    }
    /* A one-word name that opens exactly one person's longer name is that
     * person's first name used alone ("Anwar" for Anwar Ibrahim, "Osama" for
     * Osama Bin Laden); not a country ("Israel" and "Israel Katz"). */
    for (size_t i = 0; i < e->n_items; i++) {
        item *s = &e->items[i];
        if (s->merged_into >= 0 || s->n_words != 1 || country_or_region(s->norm)) continue;
        if (s->votes[PST_ORG] > s->votes[PST_PERSON]) continue;
        size_t ls = s->nlen;
        int64_t target = -1;
        bool ambiguous = false;
        size_t lo, hi;
        name_range(ix->heads, ix->n, s, &lo, &hi);
        for (size_t r = lo; r < hi && !ambiguous; r++) {
            size_t j = ix->heads[r].item;
            item *l = &e->items[j];
            if (j == i || l->merged_into >= 0 || l->n_words < 2 || l->n_words > 3) continue;
            if (strncmp(l->norm, s->norm, ls) || l->norm[ls] != ' ') continue;
            /* a person by its own cues: "the Games, said X" made "Bangkok
             * Asian Games" a surname's name, and Bangkok no first name */
            if (winner(l->votes) != PST_PERSON || l->votes[PST_PERSON] <= l->surname) continue;
            if (target >= 0) ambiguous = true;
            else target = (int64_t)j;
        }
        if (target < 0 || ambiguous) continue;
        e->items[target].mid_mentions += s->mid_mentions;
        e->items[target].craft += s->craft;
        precis_status st = merge_item(e, i, (size_t)target);
        if (st) return st;
    }
    /* "the Orlby-Kessby road", "Orlby-Kessby talks": two places the story
     * names alone, joined by a hyphen, are those two places (a route, a pair),
     * not a third name: each is credited with the pair's reports and
     * mentions, and the pair is listed under neither (a double surname is no
     * pair of places: "Varga-Lind") */
    for (size_t i = 0; i < e->n_items; i++) {
        item *p = &e->items[i];
        const char *hy = p->merged_into < 0 && p->n_words == 2 ? strchr(p->norm, '-') : NULL;
        if (!hy || strchr(hy + 1, '-') || strchr(p->norm, ' ')) continue;
        const item *halves[2] = {find_item(e, p->norm, (size_t)(hy - p->norm)),
                                 find_item(e, hy + 1, p->nlen - (size_t)(hy + 1 - p->norm))};
        size_t idx[2];
        bool ok = true;
        for (int h = 0; h < 2 && ok; h++) {
            if (!halves[h]) {
                ok = false;
                break;
            }
            size_t k = (size_t)(halves[h] - e->items);
            while (e->items[k].merged_into >= 0) k = (size_t)e->items[k].merged_into;
            idx[h] = k;
            ok = k != i && (winner(e->items[k].votes) == PST_PLACE || country_or_region(e->items[k].norm));
        }
        if (!ok || idx[0] == idx[1]) continue;
        for (uint32_t d = 0; d < p->n_docs; d++) {
            precis_status st = add_doc(&e->items[idx[1]], (uint32_t)p->docs[d]);
            if (st) return st;
        }
        e->items[idx[1]].mentions += p->mentions;
        e->items[idx[1]].mid_mentions += p->mid_mentions;
        /* (the votes go to neither: the pair's cues are of what it qualifies) */
        p->votes[PST_PERSON] = p->votes[PST_ORG] = p->votes[PST_PLACE] = p->votes[PST_OTHER] = 0;
        p->attrib = p->group = p->legal = p->medium = 0;
        p->at_place = 0;
        precis_status st = merge_item(e, i, idx[0]);
        if (st) return st;
    }
    free(e->ranked);
    e->ranked = malloc((e->n_items ? e->n_items : 1) * sizeof *e->ranked);
    if (!e->ranked) return PRECIS_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < e->n_items; i++) {
        const item *it = &e->items[i];
        if (it->merged_into >= 0) continue;
        /* A one-word phrase only ever seen opening a sentence ("Officials")
         * is most likely an ordinary word; acronyms still count. */
        if (it->n_words == 1 && !it->mid_mentions && it->votes[PST_ORG] == 0 && !start_name(e, it)) continue;
        /* "Union leader Piet Mols", "Council officials": a body's generic word */
        if (it->n_words == 1 && !it->mid_mentions && IN(ORG_WORDS, it->norm) && strcmp(it->norm, "reuters"))
            continue;
        if (adjective_or_people(e, it)) continue;
        /* a capitalised word of German text only ("Helfer füllten", "Nach
         * Angaben"), no cue typing it: a noun as likely as a name */
        if (it->n_words == 1 && it->de_bare == it->mentions && !it->votes[PST_PERSON] &&
            !it->votes[PST_ORG] && !it->votes[PST_PLACE] && !all_caps(it->name) && !de_street(it->norm))
            continue;
        e->ranked[k++].item = (uint32_t)i; /* listed: its type below */
    }
    {
        precis_status st = lower_credit(e, e->ranked, k);
        if (st) return st;
    }
    size_t n_listed = k;
    k = 0;
    for (size_t r = 0; r < n_listed; r++) {
        size_t i = e->ranked[r].item;
        const item *it = &e->items[i];
        pst_entity_type t = winner(it->votes);
        /* named as a newspaper: its "X said he" is the paper's voice */
        if (it->medium && t == PST_PERSON) t = PST_ORG;
        if (t == PST_OTHER && it->at_place && !it->craft) t = PST_PLACE; /* only "at X": a place */
        if (t == PST_OTHER && it->n_words == 1 && it->de_bare && de_street(it->norm)) t = PST_PLACE;
        /* named as a ship or plane at least as often as typed otherwise */
        if (it->craft && it->craft >= it->votes[PST_PLACE] + it->votes[PST_PERSON] + it->votes[PST_ORG])
            t = PST_OTHER;
        if (it->legal) t = PST_ORG;
        e->ranked[k++] = (pst_entity){it->name, t, it->n_docs, it->mentions, (uint32_t)i};
    }
    qsort(e->ranked, k, sizeof *e->ranked, cmp_entity);
    e->n_ranked = k;
    *out = e->ranked;
    *n = k;
    return PRECIS_OK;
}

size_t pst_entities_variants(const pst_entities *e, const pst_entity *ent, const char **out, size_t cap)
{
    size_t k = 0;
    if (ent->item >= e->n_items) return 0;
    if (k < cap) out[k] = e->items[ent->item].name;
    k++;
    for (size_t i = 0; i < e->n_items; i++) {
        if ((uint32_t)i == ent->item) continue;
        /* follow the chain: a variant merged into one merged into ent */
        int32_t r = e->items[i].merged_into;
        while (r >= 0 && (uint32_t)r != ent->item && e->items[r].merged_into >= 0) r = e->items[r].merged_into;
        if (r < 0 || (uint32_t)r != ent->item) continue;
        if (k < cap) out[k] = e->items[i].name;
        k++;
    }
    return k;
}
