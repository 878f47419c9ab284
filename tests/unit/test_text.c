/* Text layer: sentence splitting hard cases, words, normalisation, stemming. */
#include "test.h"
#include "collapse_check.h"
#include "text/text.h"

#include <stdlib.h>

/* Splits text and returns the sentences joined by " | " (whitespace inside a
 * sentence collapsed), in a static buffer. */
static const char *split(const char *text)
{
    static char out[4096];
    pt_sentences s = {0};
    size_t o = 0;
    out[0] = '\0';
    if (pt_split_sentences(text, strlen(text), &s) != PRECIS_OK) return "(error)";
    for (size_t i = 0; i < s.n && o + 8 < sizeof out; i++) {
        if (i) o += (size_t)snprintf(out + o, sizeof out - o, " | ");
        append_collapsed(out, sizeof out, &o, text, s.v[i].start, s.v[i].end);
    }
    pt_sentences_free(&s);
    return out;
}

static uint32_t flags_of(const char *text, size_t i)
{
    pt_sentences s = {0};
    uint32_t f = 0xffffffff;
    if (pt_split_sentences(text, strlen(text), &s) == PRECIS_OK && i < s.n) f = s.v[i].flags;
    pt_sentences_free(&s);
    return f;
}

TEST(abbreviations_and_titles)
{
    CHECK_STR(split("Gen. Smith arrived. He spoke."), "Gen. Smith arrived. | He spoke.");
    CHECK_STR(split("Mr. and Mrs. Jones left. Dr. Lee stayed."), "Mr. and Mrs. Jones left. | Dr. Lee stayed.");
    CHECK_STR(split("Sen. John McCain of Arizona voted no."), "Sen. John McCain of Arizona voted no.");
}

TEST(us_and_acronyms)
{
    CHECK_STR(split("The U.S. Army said so. Others disagreed."), "The U.S. Army said so. | Others disagreed.");
    CHECK_STR(split("It came from the U.S. The rest came from Canada."),
              "It came from the U.S. | The rest came from Canada.");
    CHECK_STR(split("The meeting ended at 5 p.m. on Friday."), "The meeting ended at 5 p.m. on Friday.");
}

TEST(months_and_numbers)
{
    CHECK_STR(split("He wrote on Oct. 17 to his son. The letter was short."),
              "He wrote on Oct. 17 to his son. | The letter was short.");
    CHECK_STR(split("Prices rose 3.5 percent. Wages fell."), "Prices rose 3.5 percent. | Wages fell.");
    CHECK_STR(split("He ranked No. 1 in the poll."), "He ranked No. 1 in the poll.");
    /* a month abbreviation after a range's dash: "Dec. 28-Jan. 2" is one date */
    CHECK_STR(split("The fair ran Dec. 28-Jan. 2, 2025, its organisers said. It rained."),
              "The fair ran Dec. 28-Jan. 2, 2025, its organisers said. | It rained.");
    CHECK_STR(split("Talks ran Sept. 30\xe2\x80\x93Oct. 2 in Orlen. They failed."),
              "Talks ran Sept. 30\xe2\x80\x93Oct. 2 in Orlen. | They failed.");
}

TEST(initials)
{
    CHECK_STR(split("John F. Kennedy was shot in Dallas. The nation mourned."),
              "John F. Kennedy was shot in Dallas. | The nation mourned.");
    CHECK_STR(split("J. R. R. Tolkien wrote it."), "J. R. R. Tolkien wrote it.");
}

TEST(quotes_after_the_period)
{
    CHECK_STR(split("\"We will win.\" The crowd cheered."), "\"We will win.\" | The crowd cheered.");
    CHECK_STR(split("He said, \xe2\x80\x9cNo.\xe2\x80\x9d Then he left."),
              "He said, \xe2\x80\x9cNo.\xe2\x80\x9d | Then he left.");
    CHECK_STR(split("``It is over,'' he said. ``We lost.'' She nodded."),
              "``It is over,'' he said. | ``We lost.'' | She nodded.");
    CHECK_STR(split("\"Stop!\" he shouted."), "\"Stop!\" he shouted.");
}

/* A spaced bracket after the period closes the aside the period was in
 * (Multi-News spaces brackets); before, ") has won ..." became a sentence. */
TEST(spaced_bracket_after_the_period)
{
    CHECK_STR(split("Sen. Ada Roe ( r-ind. ) has won the seat. She thanked voters."),
              "Sen. Ada Roe ( r-ind. ) has won the seat. | She thanked voters.");
    CHECK_STR(split("The fire is out. ( Read more here. ) The mayor spoke."),
              "The fire is out. | ( Read more here. ) | The mayor spoke.");
    CHECK_STR(split("Rates rose [ see chart. ] in March. Wages fell."),
              "Rates rose [ see chart. ] in March. | Wages fell.");
    CHECK_STR(split("He won (by a lot.) Then he left."), "He won (by a lot.) | Then he left.");
}

/* Text without spaces (Japanese, Chinese): "。" and full-width "！" "？" end
 * a sentence with no space after them, a closing corner bracket goes with
 * the mark, and words are Han characters and kana runs, so a sentence is
 * more than one word (before, a whole article was one word of no sentence). */
TEST(text_without_spaces)
{
    /* invented: "The town held a festival. The mayor said 'it was fun.' Rain?" */
    CHECK_STR(split("\xe7\x94\xba\xe3\x81\xaf\xe7\xa5\xad\xe3\x82\x8a\xe3\x82\x92\xe9\x96\x8b\xe3\x81\x84\xe3\x81\x9f\xe3\x80\x82"
                    "\xe7\x94\xba\xe9\x95\xb7\xe3\x81\xaf\xe3\x80\x8c\xe6\xa5\xbd\xe3\x81\x97\xe3\x81\x8b\xe3\x81\xa3\xe3\x81\x9f\xe3\x80\x82\xe3\x80\x8d"
                    "\xe9\x9b\xa8\xef\xbc\x9f"),
              "\xe7\x94\xba\xe3\x81\xaf\xe7\xa5\xad\xe3\x82\x8a\xe3\x82\x92\xe9\x96\x8b\xe3\x81\x84\xe3\x81\x9f\xe3\x80\x82 | "
              "\xe7\x94\xba\xe9\x95\xb7\xe3\x81\xaf\xe3\x80\x8c\xe6\xa5\xbd\xe3\x81\x97\xe3\x81\x8b\xe3\x81\xa3\xe3\x81\x9f\xe3\x80\x82\xe3\x80\x8d | "
              "\xe9\x9b\xa8\xef\xbc\x9f");
    /* words: Han characters one by one, hiragana runs whole (6) */
    const char *t = "\xe7\x94\xba\xe3\x81\xaf\xe7\xa5\xad\xe3\x82\x8a\xe3\x82\x92\xe9\x96\x8b\xe3\x81\x84\xe3\x81\x9f\xe3\x80\x82";
    CHECK(pt_count_words(t, strlen(t)) == 6);
    size_t pos = 0, b, e, n = 0;
    while (pt_next_word(t, strlen(t), &pos, &b, &e)) n++;
    CHECK(n == 6);
    /* Latin text next to it is a word of its own; spaced text counts as before */
    CHECK(pt_count_words("NHK\xe3\x81\xaf", 6) == 2);
    CHECK(pt_count_words("the caf\xc3\xa9 opened", 16) == 3);
    /* katakana run: one word (\xe3\x83\x95\xe3\x82\xa7\xe3\x82\xb9 = "fesu") */
    CHECK(pt_count_words("\xe3\x83\x95\xe3\x82\xa7\xe3\x82\xb9", 9) == 1);
}

TEST(ellipses)
{
    CHECK_STR(split("I don't know... We will see."), "I don't know... | We will see.");
    CHECK_STR(split("Wait\xe2\x80\xa6 Then go."), "Wait\xe2\x80\xa6 | Then go.");
    CHECK_STR(split("It was ... very good."), "It was ... very good.");
}

TEST(datelines)
{
    CHECK_STR(split("WASHINGTON (AP) \xe2\x80\x94 The Senate voted on Monday."), "The Senate voted on Monday.");
    CHECK(flags_of("WASHINGTON (AP) \xe2\x80\x94 The Senate voted on Monday.", 0) & PT_SENT_DATELINE);
    CHECK_STR(split("BEIJING, China _ Officials met on Tuesday."), "Officials met on Tuesday.");
    CHECK_STR(split("LONDON (Reuters) - Shares fell."), "Shares fell.");
    CHECK_STR(split("PORT-AMBREL, Feb 7 (MWS) - Five aid workers were freed on Sunday."),
              "Five aid workers were freed on Sunday.");
    CHECK(pt_dateline_len("The AP - x", 10) == 0);
    CHECK(pt_dateline_len("NATO said - no", 14) == 0);
    /* capitals beyond ASCII: "ÅLVIK, April 3 (Wire) -", "ÉCLARVENNE (AP) —" */
    CHECK_STR(split("\xc3\x85LVIK, April 3 (Kestrel Wire) - The pit closed."), "The pit closed.");
    CHECK_STR(split("\xc3\x89" "CLARVENNE (AP) \xe2\x80\x94 Rescuers came."), "Rescuers came.");
    CHECK(pt_dateline_len("\xc3\x89t\xc3\xa9 said - no", 14) == 0);
}

/* A live blog's time stamp opening an entry is cut off its first sentence. */
/* One test of a capital letter for datelines and entity cities, ASCII or not. */
TEST(capital_letters_beyond_ascii)
{
    const char *s = "\xc3\x85lv \xc3\xa9 Z- \xc3"; /* "Ålv é Z- " and a cut lead byte */
    size_t n = strlen(s);
    CHECK(pt_capital_len(s, n, 0) == 2); /* Å */
    CHECK(pt_capital_len(s, n, 2) == 0); /* l */
    CHECK(pt_capital_len(s, n, 5) == 0); /* é is lower case */
    CHECK(pt_capital_len(s, n, 8) == 1); /* Z */
    CHECK(pt_capital_len(s, n, 9) == 0); /* - */
    CHECK(pt_capital_len(s, n, 11) == 0); /* a lead byte with nothing after it */
    CHECK(pt_capital_len(s, n, n) == 0); /* past the end */
    CHECK(pt_capital_len(s, 1, 0) == 0); /* Å cut by len */
}

/* An interview's "Q." and "A." turn markers are cut off the sentences they
 * open; without both turns "A." stays an initial. */
TEST(interview_turn_markers)
{
    CHECK_STR(split("The board met on Monday. Q. Earlier this month the ministry said prices would fall. "
                    "Do you agree? A. You know, I doubt it. Prices rarely fall for long."),
              "The board met on Monday. | Earlier this month the ministry said prices would fall. | "
              "Do you agree? | You know, I doubt it. | Prices rarely fall for long.");
    CHECK_STR(split("Q: Why did you resign?\nA: The board ignored the warnings."),
              "Why did you resign? | The board ignored the warnings.");
    CHECK_STR(split("The mayor spoke first. A. Jones, a shopkeeper, asked about parking."),
              "The mayor spoke first. | A. Jones, a shopkeeper, asked about parking.");
}

TEST(live_blog_time_stamps)
{
    CHECK_STR(split("08:05 Fire crews are at the site.\n\n7:40 p.m. - Police closed the road.\n\n"
                    "14:32 GMT: The mayor spoke.\n\n9:15 Uhr: Die Polizei kam."),
              "Fire crews are at the site. | Police closed the road. | The mayor spoke. | Die Polizei kam.");
    /* a bare clock time before a capital is a stamp only in a live blog (two or more stamped
     * lines): alone it may be a name */
    CHECK_STR(split("9:11 Commission members met the families on Tuesday."),
              "9:11 Commission members met the families on Tuesday.");
    CHECK_STR(split("The panel sat late.\n\n7:30 Report viewers complained on Monday."),
              "The panel sat late. | 7:30 Report viewers complained on Monday.");
    CHECK_STR(split("9:15 GMT: The mayor spoke."), "The mayor spoke."); /* a zone marks it */
#define TS(s) pt_time_stamp_len(s, strlen(s))
    CHECK(TS("10:30 is when it starts.") == 0); /* no capital after it: a sentence about the time */
    CHECK(TS("25:00 Fire crews") == 0);
    CHECK(TS("08:61 Fire crews") == 0);
    CHECK(TS("3:1 Vote passed") == 0);
    CHECK(TS("10:30am Fire") == 5 + 3);
    CHECK(TS("12:30:45 Fire") == 0);
    CHECK(TS("08:05") == 0);
    CHECK(TS("2025 Fire") == 0);
#undef TS
}

TEST(headlines_and_captions_without_punctuation)
{
    const char *t = "Israel Held Talks With Russia\n\nIsrael held talks with Russia, officials said.\n\n"
                    "Join our official WhatsApp group\n";
    CHECK_STR(split(t), "Israel Held Talks With Russia | Israel held talks with Russia, officials said. | "
                        "Join our official WhatsApp group");
    CHECK(flags_of(t, 0) & PT_SENT_UNTERMINATED);
    CHECK(!(flags_of(t, 1) & PT_SENT_UNTERMINATED));
    /* consecutive label lines are separate sentences */
    CHECK_STR(split("Topics\nComments\nShare this page\n"), "Topics | Comments | Share this page");
}

TEST(hard_wrapped_lines)
{
    const char *t = "\nKing Norodom Sihanouk has declined requests to chair a summit of the\n"
                    "country's top political leaders, saying the meeting would not bring\n"
                    "any progress in deadlocked negotiations. Cambodian leader Hun Sen's\n"
                    "party had called on the monarch to lead the talks, but disagreed on\n"
                    "its location. He wrote in an Oct.\n"
                    "17 letter to his son that no result was possible.\n";
    CHECK_STR(split(t), "King Norodom Sihanouk has declined requests to chair a summit of the country's top "
                        "political leaders, saying the meeting would not bring any progress in deadlocked "
                        "negotiations. | Cambodian leader Hun Sen's party had called on the monarch to lead "
                        "the talks, but disagreed on its location. | He wrote in an Oct. 17 letter to his son "
                        "that no result was possible.");
    /* a soft wrap in unwrapped text: the next line continues in lower case */
    CHECK_STR(split("The minister said the plan\nwould fail.\n\nNext paragraph here."),
              "The minister said the plan would fail. | Next paragraph here.");
}

TEST(long_dash_and_curly_quote_bytes)
{
    const char *t = "a \xe2\x80\x94 b \xe2\x80\x93 c \xe2\x80\x9cq\xe2\x80\x98 - d";
    size_t n = strlen(t);
    CHECK(pt_long_dash_at(t, n, 2));                /* em dash */
    CHECK(pt_long_dash_at(t, n, 8));                /* en dash */
    CHECK(!pt_long_dash_at(t, n, 14));              /* a curly quote is no dash */
    CHECK(!pt_long_dash_at(t, n, n - 3));           /* nor a hyphen */
    CHECK(!pt_long_dash_at(t, 4, 2));               /* cut short by len */
    CHECK(pt_open_curly_quote_at(t, n, 14));        /* U+201C */
    CHECK(pt_open_curly_quote_at(t, n, 18));        /* U+2018 */
    CHECK(!pt_open_curly_quote_at(t, n, 2));
    CHECK(!pt_open_curly_quote_at(t, 16, 14));
    CHECK(!pt_long_dash_at(t, n, n));
}

TEST(empty_and_odd_input)
{
    CHECK_STR(split(""), "");
    CHECK_STR(split("   \n\n  "), "");
    CHECK_STR(split("..."), "...");
    CHECK_STR(split("no punctuation at all"), "no punctuation at all");
    CHECK(flags_of("no punctuation at all", 0) & PT_SENT_UNTERMINATED);
}

static const char *words(const char *text)
{
    static char out[1024];
    size_t pos = 0, b, e, o = 0;
    out[0] = '\0';
    while (pt_next_word(text, strlen(text), &pos, &b, &e) && o + PT_WORD_MAX + 2 < sizeof out) {
        char norm[PT_WORD_MAX + 1];
        size_t n = pt_normalize(text + b, e - b, norm);
        if (o) out[o++] = ' ';
        memcpy(out + o, norm, n);
        o += n;
        out[o] = '\0';
    }
    return out;
}

TEST(words_and_normalisation)
{
    CHECK_STR(words("Hun Sen's party won 64 of 122 seats."), "hun sen party won 64 of 122 seats");
    CHECK_STR(words("The U.S. and U.N. don't agree."), "the us and un dont agree");
    CHECK_STR(words("Stra\xc3\x9f" "e \xc3\x84rger CAF\xc3\x89"), "strasse \xc3\xa4rger caf\xc3\xa9");
    CHECK_STR(words("two-thirds, \xe2\x80\x9cquoted\xe2\x80\x9d"), "two thirds quoted");
    CHECK_STR(words(""), "");
}

TEST(stemming_and_stopwords)
{
    pt_lang *en;
    pc_error err = {0};
    CHECK(pt_lang_open("en", &en, &err) == PRECIS_OK);
    size_t n;
    const char *s = pt_stem(en, "negotiations", 12, &n);
    CHECK(n == 6 && memcmp(s, "negoti", 6) == 0);
    s = pt_stem(en, "running", 7, &n);
    CHECK(n == 3 && memcmp(s, "run", 3) == 0);
    CHECK(pt_is_stopword(en, "the", 3));
    CHECK(!pt_is_stopword(en, "summit", 6));
    CHECK(pt_is_dangling_opener(en, "but", 3));
    CHECK(!pt_is_dangling_opener(en, "israel", 6));
    /* adverbs that open a sentence pointing back ("Then the roof fell.") */
    static const char *const BACK[] = {"then", "so", "instead", "also", "still", "yet", "thus", "therefore"};
    for (size_t i = 0; i < sizeof BACK / sizeof *BACK; i++) CHECK(pt_is_dangling_opener(en, BACK[i], strlen(BACK[i])));
    pt_lang_close(en);

    pt_lang *de;
    CHECK(pt_lang_open("de", &de, &err) == PRECIS_OK);
    s = pt_stem(de, "verhandlungen", 13, &n);
    CHECK(n == 8 && memcmp(s, "verhandl", 8) == 0);
    CHECK(pt_is_stopword(de, "und", 3));
    pt_lang_close(de);

    pt_lang *bad;
    CHECK(pt_lang_open("xx", &bad, &err) == PRECIS_EINVAL);
    CHECK(strstr(err.msg, "unsupported language 'xx'") != NULL);
}

TEST(public_api)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_span *sp;
    size_t n;
    const char *t = "Gen. Lee won. The war ended.";
    CHECK(precis_sentences(ctx, t, strlen(t), &sp, &n) == PRECIS_OK);
    CHECK(n == 2 && sp[1].start == 14 && sp[1].end == strlen(t));
    precis_spans_free(sp);
    CHECK(precis_sentences(ctx, "", 0, &sp, &n) == PRECIS_EEMPTY);
    CHECK(precis_words(ctx, t, strlen(t), &sp, &n) == PRECIS_OK);
    CHECK(n == 6 && sp[0].start == 0 && sp[0].end == 3);
    precis_spans_free(sp);
    char out[64];
    size_t len;
    CHECK(precis_stem(ctx, "Elections", 9, out, sizeof out, &len) == PRECIS_OK);
    CHECK_STR(out, "elect");
    CHECK(precis_stem(ctx, "Elections", 9, out, 3, &len) == PRECIS_ELIMIT);
    precis_free(ctx);
}

TEST(spelled_numbers)
{
    pt_lang *en = NULL, *de = NULL, *fr = NULL;
    pc_error err;
    CHECK(pt_lang_open("en", &en, &err) == PRECIS_OK);
    CHECK(pt_lang_open("de", &de, &err) == PRECIS_OK);
    CHECK(pt_lang_open("fr", &fr, &err) == PRECIS_OK);
    CHECK_STR(pt_number_word(en, "fourteen", 8), "14");
    CHECK_STR(pt_number_word(en, "ninety", 6), "90");
    CHECK_STR(pt_number_word(de, "zw\xc3\xb6lf", 6), "12");
    CHECK(pt_number_word(en, "once", 4) == NULL);
    CHECK(pt_number_word(en, "fourteenth", 10) == NULL);
    CHECK(pt_number_word(de, "fourteen", 8) == NULL);
    CHECK(pt_number_word(fr, "four", 4) == NULL);
    /* the one English list behind pt_number_word, quantities and story word
     * matching: the multipliers are in it, with no digits of their own */
    CHECK(pt_number_word(en, "hundred", 7) == NULL);
    CHECK(pt_number_word(en, "dozen", 5) == NULL);
    CHECK_STR(pt_number_word(de, "neunzig", 7), "90");
    CHECK_STR(pt_number_word(de, "eins", 4), "1");
    const pt_num_word *e = pt_number_en("seventeen", 9);
    CHECK(e && e->value == 17 && e->kind == PT_NUM_UNIT && !strcmp(e->digits, "17"));
    CHECK((e = pt_number_en("twenty", 6)) && e->value == 20 && e->kind == PT_NUM_TENS);
    CHECK((e = pt_number_en("million", 7)) && e->value == 1e6 && e->kind == PT_NUM_SCALE && !e->digits);
    CHECK((e = pt_number_en("dozen", 5)) && e->value == 12 && e->kind == PT_NUM_SCALE);
    CHECK((e = pt_number_en("one", 3)) && e->value == 1);
    CHECK((e = pt_number_en("ninety", 6)) && e->value == 90);
    CHECK(pt_number_en("hundreds", 8) == NULL);
    CHECK(pt_number_en("Twenty", 6) == NULL); /* normalised (lower case) words only */
    CHECK(pt_number_en("", 0) == NULL);
    CHECK(pt_number_en("fiftyfive", 9) == NULL);
    CHECK(pt_number_en("sixty-", 5) != NULL); /* a prefix of the given length */
    pt_lang_close(en);
    pt_lang_close(de);
    pt_lang_close(fr);
}

int main(void)
{
    RUN(abbreviations_and_titles);
    RUN(us_and_acronyms);
    RUN(months_and_numbers);
    RUN(initials);
    RUN(quotes_after_the_period);
    RUN(spaced_bracket_after_the_period);
    RUN(text_without_spaces);
    RUN(ellipses);
    RUN(datelines);
    RUN(capital_letters_beyond_ascii);
    RUN(live_blog_time_stamps);
    RUN(interview_turn_markers);
    RUN(headlines_and_captions_without_punctuation);
    RUN(hard_wrapped_lines);
    RUN(empty_and_odd_input);
    RUN(long_dash_and_curly_quote_bytes);
    RUN(words_and_normalisation);
    RUN(stemming_and_stopwords);
    RUN(public_api);
    RUN(spelled_numbers);
    return test_done();
}
