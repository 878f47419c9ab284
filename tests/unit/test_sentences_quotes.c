/* Sentence splitter: quotation state across the sentences of a paragraph
 * (closing marks spaced after a sentence end, multi-sentence quotes,
 * apostrophes, inch marks, nested quotes, paragraph re-opening), and the
 * candidate filter's use of it. Invented text. */
#include "test.h"
#include "collapse_check.h"
#include "summarize/summarize.h"
#include "text/text.h"

#include <stdlib.h>

/* The sentences joined by " | " (spaces collapsed), and in *fl one letter
 * group per sentence: C (QUOTE_CONT), O (QUOTE_OPEN), A (AFTER_CLOSE) or -. */
static const char *split(const char *text, const char **fl)
{
    static char out[4096], flags[256];
    pt_sentences s = {0};
    size_t o = 0, f = 0;
    out[0] = flags[0] = '\0';
    if (pt_split_sentences(text, strlen(text), &s) != PRECIS_OK) return "(error)";
    for (size_t i = 0; i < s.n && o + 8 < sizeof out && f + 8 < sizeof flags; i++) {
        if (i) {
            o += (size_t)snprintf(out + o, sizeof out - o, " | ");
            flags[f++] = ',';
        }
        uint32_t x = s.v[i].flags;
        if (x & PT_SENT_QUOTE_CONT) flags[f++] = 'C';
        if (x & PT_SENT_QUOTE_OPEN) flags[f++] = 'O';
        if (x & PT_SENT_AFTER_CLOSE) flags[f++] = 'A';
        if (!(x & (PT_SENT_QUOTE_CONT | PT_SENT_QUOTE_OPEN | PT_SENT_AFTER_CLOSE))) flags[f++] = '-';
        append_collapsed(out, sizeof out, &o, text, s.v[i].start, s.v[i].end);
    }
    flags[f] = '\0';
    pt_sentences_free(&s);
    if (fl) *fl = flags;
    return out;
}

TEST(spaced_closing_mark_ends_the_sentence_before)
{
    const char *fl;
    /* Multi-News spaces its marks: after ". " the mark closes the open quote */
    CHECK_STR(split("He called the plan \" futile. \" Cambridge Analytica has offices in London.", &fl),
              "He called the plan \" futile. \" | Cambridge Analytica has offices in London.");
    CHECK_STR(fl, "-,-");
    /* ... and leaves the next word in lower case: still a new sentence, flagged */
    CHECK_STR(split("He called the plan \" futile. \" cambridge analytica has offices in london.", &fl),
              "He called the plan \" futile. \" | cambridge analytica has offices in london.");
    CHECK_STR(fl, "-,A");
    /* with no quotation open, a spaced mark opens the next sentence's quote */
    CHECK_STR(split("Sales rose at the Knopf store. \" we are seeing records, \" she said.", &fl),
              "Sales rose at the Knopf store. | \" we are seeing records, \" she said.");
    CHECK_STR(fl, "-,-");
    /* a mark after ! or ? closes the quote inside a sentence that goes on */
    CHECK_STR(split("A man shouted \" stop the show! \" during the play, police said.", &fl),
              "A man shouted \" stop the show! \" during the play, police said.");
    /* DUC's '' spaced after the end */
    CHECK_STR(split("``I do not think they are ready to make a deal. '' He left.", &fl),
              "``I do not think they are ready to make a deal. '' | He left.");
    CHECK_STR(fl, "-,-");
    /* a closing mark with nothing open ends a quote opened elsewhere */
    CHECK_STR(split("They are not ready to make a deal. '' He left the room.", &fl),
              "They are not ready to make a deal. '' | He left the room.");
    CHECK_STR(fl, "C,-");
}

TEST(multi_sentence_quotes_are_one_sentence_with_the_speaker)
{
    const char *fl;
    CHECK_STR(split("``Nobody should meddle in our affairs. It is bad for the town. We will decide,'' the mayor "
                    "said. The council agreed.",
                    &fl),
              "``Nobody should meddle in our affairs. It is bad for the town. We will decide,'' the mayor "
              "said. | The council agreed.");
    CHECK_STR(fl, "-,-");
    CHECK_STR(split("The mayor said \" nobody should meddle. There were bodies, and shoes, \" the Tarnby Courier "
                    "reported. The council agreed.",
                    &fl),
              "The mayor said \" nobody should meddle. There were bodies, and shoes, \" the Tarnby Courier "
              "reported. | The council agreed.");
    CHECK_STR(fl, "-,-");
    /* curly marks */
    CHECK_STR(split("\xe2\x80\x9cWe stay. We fight,\xe2\x80\x9d she said. They left.", &fl),
              "\xe2\x80\x9cWe stay. We fight,\xe2\x80\x9d she said. | They left.");
    CHECK_STR(fl, "-,-");
    /* longer than 5 sentences: kept apart and flagged */
    CHECK_STR(split("``One is here. Two is here. Three is here. Four is here. Five is here. Six,'' she said. "
                    "They left.",
                    &fl),
              "``One is here. | Two is here. | Three is here. | Four is here. | Five is here. | Six,'' she "
              "said. | They left.");
    CHECK_STR(fl, "O,CO,CO,CO,CO,C,-");
    /* never closed in its paragraph (cut text): only the opening sentence is
     * flagged; the state may be wrong, the rest is not thrown away */
    CHECK_STR(split("She said: ``We stay here. We fight on. We will not go.", &fl),
              "She said: ``We stay here. | We fight on. | We will not go.");
    CHECK_STR(fl, "O,-,-");
}

TEST(balanced_quotes_apostrophes_inches_nesting)
{
    const char *fl;
    /* balanced quotes earlier in the paragraph keep the state right */
    CHECK_STR(split("\"We will win,\" she said. She called it \" a disgrace. \" Fans agreed.", &fl),
              "\"We will win,\" she said. | She called it \" a disgrace. \" | Fans agreed.");
    CHECK_STR(fl, "-,-,-");
    CHECK_STR(split("She said \"no\" and \"never\" twice. He called it \" a disgrace. \" Fans agreed.", &fl),
              "She said \"no\" and \"never\" twice. | He called it \" a disgrace. \" | Fans agreed.");
    CHECK_STR(fl, "-,-,-");
    /* apostrophes are not quotation marks */
    CHECK_STR(split("The players' coach said it was \" the team's fault. \" Rock 'n' roll lives on.", &fl),
              "The players' coach said it was \" the team's fault. \" | Rock 'n' roll lives on.");
    CHECK_STR(fl, "-,-");
    /* inch marks: 6'2" and 12" open nothing */
    CHECK_STR(split("The 6'2\" center called it \" a disgrace. \" Fans agreed.", &fl),
              "The 6'2\" center called it \" a disgrace. \" | Fans agreed.");
    CHECK_STR(fl, "-,-");
    CHECK_STR(split("A 12\" pizza costs \" too much. \" Fans agreed.", &fl),
              "A 12\" pizza costs \" too much. \" | Fans agreed.");
    CHECK_STR(fl, "-,-");
    /* a number at the end of an open quote closes it */
    CHECK_STR(split("He said \"the score was 12\" and left. Fans cheered.", &fl),
              "He said \"the score was 12\" and left. | Fans cheered.");
    CHECK_STR(fl, "-,-");
    /* nested single quotes inside a double quote */
    CHECK_STR(split("She said \" he told me 'stop.' \" Then she left.", &fl),
              "She said \" he told me 'stop.' \" | Then she left.");
    CHECK_STR(fl, "-,-");
    CHECK_STR(split("\xe2\x80\x9cHe told me \xe2\x80\x98stop.\xe2\x80\x99 \xe2\x80\x9d Then she left.", &fl),
              "\xe2\x80\x9cHe told me \xe2\x80\x98stop.\xe2\x80\x99 \xe2\x80\x9d | Then she left.");
    CHECK_STR(fl, "-,-");
}

TEST(a_new_paragraph_reopens_the_quote)
{
    const char *fl;
    /* the quote runs on: the paragraph ends open and the next one re-opens */
    CHECK_STR(split("He said: \" I came here in 1990. I stayed.\n\n\" Then I left. \" Fans wept.", &fl),
              "He said: \" I came here in 1990. | I stayed. | \" Then I left. \" | Fans wept.");
    CHECK_STR(fl, "O,-,-,-");
    CHECK_STR(split("``I came here in 1990. I stayed.\n\n``Then I left,'' he said. Fans wept.", &fl),
              "``I came here in 1990. | I stayed. | ``Then I left,'' he said. | Fans wept.");
    CHECK_STR(fl, "O,-,-,-");
}

TEST(filter_drops_pieces_of_quotes)
{
    const char *mid = "There were bodies, and shoes and jewelry, \" the Tarnby Courier reported.";
    CHECK(ps_debris_reason(mid, strlen(mid), PT_SENT_QUOTE_CONT, 12) != NULL);
    CHECK(ps_debris_reason(mid, strlen(mid), 0, 12) == NULL);
    const char *open = "``I was not born to win the Lindqvist Prize.";
    CHECK(ps_debris_reason(open, strlen(open), PT_SENT_QUOTE_OPEN, 9) != NULL);
    const char *recased = "the article referenced an altercation at the Tarnby ferry pier.";
    CHECK(ps_debris_reason(recased, strlen(recased), PT_SENT_AFTER_CLOSE, 10) == NULL);
    CHECK(ps_debris_reason(recased, strlen(recased), 0, 10) != NULL);
    /* the splitter and the filter together: the pieces of a quotation left
     * open are not chosen, a whole one with its speaker is */
    const char *t = "``Nobody should meddle in our affairs. It is bad for the whole town. We will decide it "
                    "ourselves,'' the mayor said on Tuesday. The mayor said: ``We will never give up the pier. "
                    "We will fight for it in every court. It belongs to the people of this town.";
    pt_sentences s = {0};
    CHECK(pt_split_sentences(t, strlen(t), &s) == PRECIS_OK);
    CHECK(s.n == 4);
    for (size_t i = 0; i < s.n && s.n == 4; i++) {
        size_t n = s.v[i].end - s.v[i].start;
        const char *why = ps_debris_reason(t + s.v[i].start, n, s.v[i].flags, pt_count_words(t + s.v[i].start, n));
        CHECK((why == NULL) == (i != 1));
    }
    pt_sentences_free(&s);
}

/* German „…“ (and »…«) and French « … » marks: the low opening mark and the
 * guillemets are quotation marks too, and “ closes what „ opened. */
/* A French sentence ending its paragraph with a spaced closing guillemet
 * ("... dit-il. »") has its final punctuation: before, it was flagged
 * unterminated (no final punctuation) and never a candidate. */
static uint32_t last_flags(const char *text)
{
    pt_sentences s = {0};
    uint32_t f = UINT32_MAX;
    if (pt_split_sentences(text, strlen(text), &s) == PRECIS_OK && s.n) f = s.v[s.n - 1].flags;
    pt_sentences_free(&s);
    return f;
}

TEST(french_spaced_closing_guillemet_at_the_end)
{
    CHECK(!(last_flags("Les habitants attendaient depuis le printemps. \xc2\xab Le trajet prenait une heure de plus, "
                       "dit-il. \xc2\xbb") & PT_SENT_UNTERMINATED));
    CHECK(!(last_flags("\xc2\xab Nous restons ici, dit la maire de Valbonne. \xc2\xbb   ") & PT_SENT_UNTERMINATED));
    CHECK(!(last_flags("\xc2\xab Nous restons ici, dit la maire.\xc2\xa0\xc2\xbb") & PT_SENT_UNTERMINATED));
    /* a headline is still unterminated, with or without a guillemet */
    CHECK(last_flags("Le pont de Vermeil rouvre enfin") & PT_SENT_UNTERMINATED);
    CHECK(last_flags("\xc2\xab Le pont rouvre \xc2\xbb") & PT_SENT_UNTERMINATED);
}

TEST(german_and_french_quotation_marks)
{
    const char *fl;
    /* „ ... “: one quotation of two sentences with its speaker */
    CHECK_STR(split("\xe2\x80\x9eWir bleiben hier. Wir k\xc3\xa4mpfen\xe2\x80\x9c, sagte die B\xc3\xbcrgermeisterin "
                    "von Waldheim. Der Rat stimmte zu.",
                    &fl),
              "\xe2\x80\x9eWir bleiben hier. Wir k\xc3\xa4mpfen\xe2\x80\x9c, sagte die B\xc3\xbcrgermeisterin "
              "von Waldheim. | Der Rat stimmte zu.");
    CHECK_STR(fl, "-,-");
    /* the closing “ right after the period ends the sentence */
    CHECK_STR(split("Sie sagte: \xe2\x80\x9eWir bleiben.\xe2\x80\x9c Dann ging sie nach Hause.", &fl),
              "Sie sagte: \xe2\x80\x9eWir bleiben.\xe2\x80\x9c | Dann ging sie nach Hause.");
    CHECK_STR(fl, "-,-");
    /* a quotation longer than five sentences: its pieces are flagged */
    CHECK_STR(split("Er sagte: \xe2\x80\x9e" "Eins. Zwei. Drei. Vier. F\xc3\xbcnf. Sechs.\xe2\x80\x9c Dann ging er.", &fl),
              "Er sagte: \xe2\x80\x9e" "Eins. | Zwei. | Drei. | Vier. | F\xc3\xbcnf. | Sechs.\xe2\x80\x9c | Dann ging er.");
    CHECK_STR(fl, "O,CO,CO,CO,CO,C,-");
    /* »...« (German books and some papers) */
    CHECK_STR(split("\xc2\xbbWir bleiben hier. Wir k\xc3\xa4mpfen\xc2\xab, sagte sie. Der Rat stimmte zu.", &fl),
              "\xc2\xbbWir bleiben hier. Wir k\xc3\xa4mpfen\xc2\xab, sagte sie. | Der Rat stimmte zu.");
    CHECK_STR(fl, "-,-");
    /* « ... »: spaced inside, as French sets them */
    CHECK_STR(split("\xc2\xab Nous restons ici. Nous nous battrons \xc2\xbb, a d\xc3\xa9" "clar\xc3\xa9 la maire de "
                    "Valbonne. Le conseil a approuv\xc3\xa9.",
                    &fl),
              "\xc2\xab Nous restons ici. Nous nous battrons \xc2\xbb, a d\xc3\xa9" "clar\xc3\xa9 la maire de "
              "Valbonne. | Le conseil a approuv\xc3\xa9.");
    CHECK_STR(fl, "-,-");
    /* the closing » spaced after the period belongs to the sentence before */
    CHECK_STR(split("Elle a dit : \xc2\xab Nous restons. \xc2\xbb Puis elle est partie.", &fl),
              "Elle a dit : \xc2\xab Nous restons. \xc2\xbb | Puis elle est partie.");
    CHECK_STR(fl, "-,-");
    /* ... also behind a no-break space (U+00A0, U+202F), which ends no sentence alone */
    CHECK_STR(split("Elle a dit : \xc2\xab\xc2\xa0Nous restons.\xc2\xa0\xc2\xbb Puis elle est partie.", &fl),
              "Elle a dit : \xc2\xab\xc2\xa0Nous restons.\xc2\xa0\xc2\xbb | Puis elle est partie.");
    CHECK_STR(fl, "-,-");
    CHECK_STR(split("Elle a dit : \xc2\xab\xe2\x80\xafNous restons.\xe2\x80\xaf\xc2\xbb Puis elle est partie.", &fl),
              "Elle a dit : \xc2\xab\xe2\x80\xafNous restons.\xe2\x80\xaf\xc2\xbb | Puis elle est partie.");
    CHECK_STR(fl, "-,-");
    /* guillemets nested in a « quotation */
    CHECK_STR(split("Le conseiller a dit \xc2\xab qu'elle est, ouvrez les guillemets, \xc2\xab pr\xc3\xaate \xc3\xa0 "
                    "parler \xc2\xbb avec la mairie \xc2\xbb. Le conseil a approuv\xc3\xa9.",
                    &fl),
              "Le conseiller a dit \xc2\xab qu'elle est, ouvrez les guillemets, \xc2\xab pr\xc3\xaate \xc3\xa0 "
              "parler \xc2\xbb avec la mairie \xc2\xbb. | Le conseil a approuv\xc3\xa9.");
    CHECK_STR(fl, "-,-");
    CHECK_STR(split("Elle a dit \xc2\xab Le maire se dit \xe2\x80\x9c" "calme\xe2\x80\x9d \xc2\xbb. Puis \xc2\xab non "
                    "\xc2\xbb, a-t-elle ajout\xc3\xa9. Le conseil a approuv\xc3\xa9.",
                    &fl),
              "Elle a dit \xc2\xab Le maire se dit \xe2\x80\x9c" "calme\xe2\x80\x9d \xc2\xbb. | Puis \xc2\xab non "
              "\xc2\xbb, a-t-elle ajout\xc3\xa9. | Le conseil a approuv\xc3\xa9.");
    CHECK_STR(fl, "-,-,-");
    /* a long run of no-break spaces after a period (once read again for every
     * one of them, quadratic): one space before a closing mark, the rest is space */
    {
        size_t n = 200000;
        char *t = malloc(2 * n + 64);
        CHECK(t != NULL);
        if (t) {
            size_t o = (size_t)sprintf(t, "Er sagte es.");
            for (size_t k = 0; k < n; k++) o += (size_t)sprintf(t + o, "\xc2\xa0");
            o += (size_t)sprintf(t + o, "\xe2\x80\x9c Dann ging er nach Hause.");
            pt_sentences ps = {0};
            CHECK(pt_split_sentences(t, o, &ps) == PRECIS_OK);
            CHECK(ps.n == 2);
            CHECK(ps.n >= 1 && ps.v[0].end == 12);
            pt_sentences_free(&ps);
            free(t);
        }
    }
    /* English curly quotes keep their meaning: “ opens, ” closes */
    CHECK_STR(split("\xe2\x80\x9cWe stay. We fight,\xe2\x80\x9d she said. The council agreed.", &fl),
              "\xe2\x80\x9cWe stay. We fight,\xe2\x80\x9d she said. | The council agreed.");
    CHECK_STR(fl, "-,-");
    /* the filter knows a bare German or French quotation */
    const char *de = "\xe2\x80\x9eWir werden die Br\xc3\xbc" "cke niemals aufgeben.\xe2\x80\x9c";
    CHECK(ps_debris_reason(de, strlen(de), 0, 6) != NULL);
    const char *fr = "\xc2\xab Nous ne c\xc3\xa9" "derons jamais devant personne. \xc2\xbb";
    CHECK(ps_debris_reason(fr, strlen(fr), 0, 6) != NULL);
    const char *said = "\xc2\xab Nous ne c\xc3\xa9" "derons jamais \xc2\xbb, a dit la maire.";
    CHECK(ps_debris_reason(said, strlen(said), 0, 8) == NULL);
}

int main(void)
{
    RUN(spaced_closing_mark_ends_the_sentence_before);
    RUN(multi_sentence_quotes_are_one_sentence_with_the_speaker);
    RUN(balanced_quotes_apostrophes_inches_nesting);
    RUN(a_new_paragraph_reopens_the_quote);
    RUN(filter_drops_pieces_of_quotes);
    RUN(german_and_french_quotation_marks);
    RUN(french_spaced_closing_guillemet_at_the_end);
    return test_done();
}
