/* Unit tests for precis_stream (src/story/stream.c): stories, near-copies,
 * time from dates and arrival order, empty articles, determinism, window. */
#include "story/story.h"
#include "test.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Invented stories: each article is a few sentences drawn from its story's pool. */
static const char *const HARBOUR[] = {
    "The Dunmore town council voted on Monday to rebuild the harbour wall that the January storms broke.",
    "Councillor Ines Varga said the harbour wall would cost 4.2 million crowns and take two years to rebuild.",
    "Fishermen in Dunmore have moored their boats in Kelby since the storms broke the harbour wall.",
    "The council will borrow from the regional fund to pay for the new harbour wall, Varga said.",
    "Work on the Dunmore harbour wall is due to start in the spring, after the fishing season.",
    "Opposition councillors said the harbour wall vote came too late for the Dunmore fishing fleet.",
};
static const char *const FLOOD[] = {
    "Rescue teams in the Kestrel Valley pulled twelve people from flooded houses overnight, police said.",
    "The river Orrin burst its banks near Tallow after three days of rain across the Kestrel Valley.",
    "Volunteers in Tallow filled sandbags as the Orrin rose to its highest level in forty years.",
    "The regional governor Petra Holm flew over the flooded Kestrel Valley and promised emergency aid.",
    "Schools in Tallow and Brisk stayed closed as flood water covered the valley roads.",
    "Forecasters expect more rain over the Kestrel Valley on Thursday, keeping the Orrin high.",
};
static const char *const MILL[] = {
    "The last paper mill in Sarn closed its gates on Friday, leaving two hundred workers without jobs.",
    "The owners of the Sarn paper mill blamed the price of pulp and energy for the closure.",
    "Union leader Tomas Brenn said the Sarn mill workers had been told of the closure by letter.",
    "The mayor of Sarn asked the ministry to help find a buyer for the paper mill.",
    "Paper had been made at the Sarn mill since 1931, when it opened beside the river Lune.",
    "Former mill workers gathered outside the Sarn paper mill gates on Saturday morning.",
};

static uint64_t rng = 1;
static unsigned rnd(unsigned n)
{
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)((rng >> 33) % n);
}

/* Four distinct sentences of a story, in a random order. */
static void make_article(const char *const *pool, char *out, size_t cap)
{
    int used[6] = {0};
    out[0] = '\0';
    for (int k = 0; k < 4; k++) {
        unsigned i;
        do i = rnd(6); while (used[i]);
        used[i] = 1;
        strncat(out, pool[i], cap - strlen(out) - 2);
        strncat(out, " ", cap - strlen(out) - 1);
    }
}

static precis_article art(const char *id, const char *text, const char *date)
{
    precis_article a = {0};
    a.id = id;
    a.text = text;
    a.text_len = strlen(text);
    a.date = date;
    return a;
}

TEST(interleaved_stories_are_told_apart)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_stream *s;
    CHECK(precis_stream_new(ctx, NULL, &s) == PRECIS_OK);
    const char *const *pools[3] = {HARBOUR, FLOOD, MILL};
    size_t first[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
    int wrong = 0;
    rng = 7;
    for (int i = 0; i < 30; i++) {
        char text[2048], id[16];
        int k = i % 3;
        make_article(pools[k], text, sizeof text);
        snprintf(id, sizeof id, "a%d", i);
        precis_article a = art(id, text, "2031-03-14");
        size_t story, dup;
        CHECK(precis_stream_add(ctx, s, &a, &story, &dup) == PRECIS_OK);
        if (first[k] == SIZE_MAX) first[k] = story;
        else if (story != first[k]) wrong++;
    }
    CHECK(wrong == 0);
    CHECK(first[0] != first[1] && first[1] != first[2] && first[0] != first[2]);
    CHECK(precis_stream_n_stories(s) == 3);
    precis_stream_free(s);
    precis_free(ctx);
}

TEST(perturbed_copy_joins_its_original)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_stream *s;
    CHECK(precis_stream_new(ctx, NULL, &s) == PRECIS_OK);
    char orig[4096] = "", copy[4096] = "";
    for (int i = 0; i < 6; i++) {
        strcat(orig, HARBOUR[i]);
        strcat(orig, " ");
    }
    /* The copy: debris around it, one sentence dropped, two swapped, one shouted. */
    strcat(copy, "Share this article\nSubscribe to the Dunmore Post newsletter\n");
    strcat(copy, HARBOUR[1]);
    strcat(copy, " ");
    strcat(copy, HARBOUR[0]);
    strcat(copy, " ");
    strcat(copy, "FISHERMEN IN DUNMORE HAVE MOORED THEIR BOATS IN KELBY SINCE THE STORMS BROKE THE HARBOUR WALL. ");
    strcat(copy, HARBOUR[3]);
    strcat(copy, " ");
    strcat(copy, HARBOUR[5]);
    strcat(copy, "\nAdvertisement\n");
    char other[2048];
    rng = 3;
    make_article(FLOOD, other, sizeof other);
    precis_article a = art("orig", orig, NULL), b = art("flood", other, NULL), c = art("copy", copy, NULL);
    size_t sa, sb, sc, dup;
    CHECK(precis_stream_add(ctx, s, &a, &sa, &dup) == PRECIS_OK && dup == SIZE_MAX);
    CHECK(precis_stream_add(ctx, s, &b, &sb, &dup) == PRECIS_OK && dup == SIZE_MAX);
    CHECK(precis_stream_add(ctx, s, &c, &sc, &dup) == PRECIS_OK);
    CHECK(dup == 0);
    CHECK(sc == sa && sb != sa);
    precis_stream_free(s);
    precis_free(ctx);
}

TEST(a_thousand_copies_are_one_story)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_stream *s;
    CHECK(precis_stream_new(ctx, NULL, &s) == PRECIS_OK);
    char text[2048];
    rng = 11;
    make_article(MILL, text, sizeof text);
    size_t n_dup = 0, bad = 0, story0 = 0;
    for (int i = 0; i < 1000; i++) {
        precis_article a = art("same", text, "2031-05-01T10:00:00Z");
        size_t story, dup;
        if (precis_stream_add(ctx, s, &a, &story, &dup) != PRECIS_OK) bad++;
        if (i == 0) story0 = story;
        else if (story != story0) bad++;
        n_dup += dup != SIZE_MAX;
        if (i > 0 && dup != 0) bad++; /* every copy names the first, the earliest most similar */
    }
    CHECK(bad == 0);
    CHECK(n_dup == 999);
    CHECK(precis_stream_n_stories(s) == 1);
    precis_stream_free(s);
    precis_free(ctx);
}

TEST(empty_articles_join_nothing)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_stream *s;
    CHECK(precis_stream_new(ctx, NULL, &s) == PRECIS_OK);
    precis_article a = art("e1", "", NULL), b = art("e2", " -- ... !! ", NULL), c = art("w", "Word", NULL);
    size_t story, dup;
    CHECK(precis_stream_add(ctx, s, &a, &story, &dup) == PRECIS_EEMPTY && story == SIZE_MAX);
    CHECK(strstr(precis_errmsg(ctx), "e1") != NULL);
    CHECK(precis_stream_add(ctx, s, &b, &story, &dup) == PRECIS_EEMPTY && story == SIZE_MAX);
    CHECK(precis_stream_add(ctx, s, &c, &story, &dup) == PRECIS_OK && story == 0);
    CHECK(precis_stream_n_stories(s) == 1);
    precis_stream_free(s);
    precis_free(ctx);
}

TEST(time_from_dates_and_arrival_order)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_stream_options o = {0};
    o.quiet_seconds = 86400; /* one day */
    precis_stream *s;
    CHECK(precis_stream_new(ctx, &o, &s) == PRECIS_OK);
    char t1[2048], t2[2048], t3[2048], t4[2048];
    rng = 5;
    make_article(HARBOUR, t1, sizeof t1);
    make_article(HARBOUR, t2, sizeof t2);
    make_article(HARBOUR, t3, sizeof t3);
    /* the same topic in new words (not a copy: copies join their original whenever they come) */
    snprintf(t4, sizeof t4, "Dunmore council members met again about the harbour wall. Varga said the "
             "harbour wall budget had grown, and the fishing fleet of Dunmore still waits in Kelby.");
    size_t s1, s2, s3, s4, dup;
    precis_article a = art("d1", t1, "2031-03-01");
    precis_article b = art("nodate", t2, NULL);      /* takes 2031-03-01: same story */
    precis_article c = art("absurd", t3, "2999-01-01"); /* not believed: also arrival time */
    precis_article d = art("later", t4, "2031-03-20"); /* weeks later: the story has closed */
    CHECK(precis_stream_add(ctx, s, &a, &s1, &dup) == PRECIS_OK);
    CHECK(precis_stream_add(ctx, s, &b, &s2, &dup) == PRECIS_OK);
    CHECK(precis_stream_add(ctx, s, &c, &s3, &dup) == PRECIS_OK);
    /* the quiet check runs every 64 articles: push the clock with unrelated dated ones */
    char other[2048];
    for (int i = 0; i < 70; i++) {
        make_article(i % 2 ? FLOOD : MILL, other, sizeof other);
        precis_article x = art("x", other, "2031-03-20");
        size_t sx;
        precis_stream_add(ctx, s, &x, &sx, &dup);
    }
    CHECK(precis_stream_add(ctx, s, &d, &s4, &dup) == PRECIS_OK);
    CHECK(s1 == s2 && s2 == s3);
    CHECK(s4 != s1);
    CHECK(precis_stream_n_undated(s) == 2);
    precis_stream_free(s);
    precis_free(ctx);
}

TEST(undated_articles_before_the_first_date_stay_in_their_story)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_stream *s;
    CHECK(precis_stream_new(ctx, NULL, &s) == PRECIS_OK);
    char t1[2048], t2[2048], t3[2048];
    rng = 21;
    make_article(FLOOD, t1, sizeof t1);
    make_article(FLOOD, t2, sizeof t2);
    snprintf(t3, sizeof t3, "Flood water in the Kestrel Valley fell on Friday; Tallow reopened its schools and "
             "the Orrin went back inside its banks, the governor Petra Holm said.");
    precis_article a = art("u1", t1, NULL), b = art("u2", t2, NULL), c = art("dated", t3, "2031-04-02");
    size_t s1, s2, s3, dup;
    CHECK(precis_stream_add(ctx, s, &a, &s1, &dup) == PRECIS_OK);
    CHECK(precis_stream_add(ctx, s, &b, &s2, &dup) == PRECIS_OK);
    CHECK(precis_stream_add(ctx, s, &c, &s3, &dup) == PRECIS_OK); /* not a story idle since 1970 */
    CHECK(s1 == s2 && s2 == s3);
    CHECK(precis_stream_n_undated(s) == 2);
    precis_stream_free(s);
    precis_free(ctx);
}

static size_t run_once(size_t *out, size_t n)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_stream *s;
    precis_stream_new(ctx, NULL, &s);
    const char *const *pools[3] = {HARBOUR, FLOOD, MILL};
    rng = 99;
    for (size_t i = 0; i < n; i++) {
        char text[2048];
        make_article(pools[rnd(3)], text, sizeof text);
        precis_article a = art("r", text, NULL);
        size_t dup;
        precis_stream_add(ctx, s, &a, &out[i], &dup);
    }
    size_t k = precis_stream_n_stories(s);
    precis_stream_free(s);
    precis_free(ctx);
    return k;
}

TEST(same_order_same_stories)
{
    size_t a[60], b[60];
    size_t na = run_once(a, 60), nb = run_once(b, 60);
    CHECK(na == nb);
    CHECK(memcmp(a, b, sizeof a) == 0);
}

TEST(copies_are_looked_for_in_a_bounded_window)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_stream *s;
    CHECK(precis_stream_new(ctx, NULL, &s) == PRECIS_OK);
    const char *first = "Quarry blasting at Hollin Edge cracked the walls of three cottages on Tuesday, residents said.";
    precis_article a = art("first", first, NULL);
    size_t story, dup;
    CHECK(precis_stream_add(ctx, s, &a, &story, &dup) == PRECIS_OK);
    char text[64];
    for (size_t i = 0; i < PRECIS_STREAM_DUP_WINDOW; i++) {
        snprintf(text, sizeof text, "item%zu code%zu", i, i * 7919);
        precis_article x = art("filler", text, NULL);
        precis_stream_add(ctx, s, &x, &story, &dup);
    }
    precis_article again = art("again", first, NULL);
    CHECK(precis_stream_add(ctx, s, &again, &story, &dup) == PRECIS_OK);
    CHECK(dup == SIZE_MAX); /* article 0 left the window */
    precis_stream_free(s);
    precis_free(ctx);
}

TEST(bad_options_are_refused)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_stream_options o = {0};
    o.dup_threshold = 1.5;
    precis_stream *s = NULL;
    CHECK(precis_stream_new(ctx, &o, &s) == PRECIS_EINVAL && s == NULL);
    precis_free(ctx);
}

/* precis_stream_settle's report, collected: story_of[article]. */
typedef struct settled_log {
    size_t story_of[64];
    size_t calls;
} settled_log;

static precis_status log_story(void *user, size_t article, size_t story)
{
    settled_log *l = user;
    if (article >= 64 || l->story_of[article] != SIZE_MAX) return PRECIS_EINVAL;
    l->story_of[article] = story;
    l->calls++;
    return PRECIS_OK;
}

static void log_reset(settled_log *l)
{
    for (size_t i = 0; i < 64; i++) l->story_of[i] = SIZE_MAX;
    l->calls = 0;
}

/* Batch pass: a lone article joins the story it is close to, an unrelated
 * one stays alone, a rejected one has no story, ids are dense; nothing is
 * reported before the window is due; a stream not opened in batch mode
 * refuses. */
TEST(batch_pass_attaches_lone_articles)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_stream_options o = {0};
    o.threshold = 5; /* online: every article starts its own story */
    o.batch = 1;
    precis_stream *s;
    CHECK(precis_stream_new(ctx, &o, &s) == PRECIS_OK);
    char h1[600], h2[600];
    snprintf(h1, sizeof h1, "%s %s", HARBOUR[0], HARBOUR[1]);
    snprintf(h2, sizeof h2, "%s %s %s", HARBOUR[1], HARBOUR[2], HARBOUR[4]);
    precis_article v[4] = {art("h1", h1, NULL), art("h1copy", h1, NULL), art("empty", ".", NULL),
                           art("h2", h2, NULL)};
    size_t story, dup;
    settled_log l;
    log_reset(&l);
    for (size_t i = 0; i < 4; i++) {
        precis_stream_add(ctx, s, &v[i], &story, &dup);
        CHECK(story == SIZE_MAX); /* batch: the story comes from settle */
        CHECK(precis_stream_settle(ctx, s, 0, log_story, &l) == PRECIS_OK);
    }
    char f[400];
    snprintf(f, sizeof f, "%s %s", FLOOD[0], FLOOD[1]);
    precis_article fl = art("f1", f, NULL);
    CHECK(precis_stream_add(ctx, s, &fl, &story, &dup) == PRECIS_OK);
    CHECK(precis_stream_settle(ctx, s, 0, log_story, &l) == PRECIS_OK);
    CHECK(l.calls == 0); /* undated, window not full: nothing final yet */
    CHECK(precis_stream_settle(ctx, s, 1, log_story, &l) == PRECIS_OK);
    CHECK(precis_stream_n_stories(s) == 2);
    CHECK(l.story_of[0] == 0 && l.story_of[1] == 0 && l.story_of[2] == SIZE_MAX && l.story_of[3] == 0 &&
          l.story_of[4] == 1);
    CHECK(l.calls == 4);
    precis_stream_free(s);
    CHECK(precis_stream_new(ctx, NULL, &s) == PRECIS_OK);
    CHECK(precis_stream_settle(ctx, s, 1, log_story, &l) == PRECIS_EINVAL);
    precis_stream_free(s);
    precis_free(ctx);
}

/* Text of story k's article j: each story its own place and words (a
 * word bank of six, four of them per article, shifted by j: reports of one
 * story share most words, no two are copies), the same few words around them. */
static void window_text(char *buf, size_t n, size_t k, size_t j)
{
    static const char *const PLACE[] = {"Arvenmoor", "Brisdale", "Coldharrow", "Dunvellin", "Esterwick", "Farrowmere"};
    static const char *const BANK[6][6] = {
        {"ferry", "pier", "hull", "captain", "tide", "cargo"},
        {"orchard", "harvest", "frost", "apples", "growers", "cider"},
        {"museum", "painting", "curator", "thieves", "gallery", "alarm"},
        {"election", "ballots", "candidate", "mayor", "turnout", "recount"},
        {"reservoir", "drought", "pipes", "rationing", "rainfall", "pumps"},
        {"stadium", "derby", "goalkeeper", "referee", "supporters", "penalty"}};
    const char *const *w = BANK[k % 6];
    snprintf(buf, n,
             "In %s, the %s and the %s. The %s and the %s in %s, and the %s with the %s.", PLACE[k % 6], w[j % 6],
             w[(j + 1) % 6], w[(j + 2) % 6], w[(j + 3) % 6], PLACE[k % 6], w[(j + 1) % 6], w[(j + 2) % 6]);
}

/* The window: stories told one after another (undated) are reported before
 * the end once the window fills — each whole, in order, a story never
 * reported twice, the held articles bounded by the window — and dated ones
 * once the quiet period has passed, with the default window. */
TEST(batch_window_reports_closed_stories_before_the_end)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_stream_options o = {0};
    o.batch = 1;
    o.window = 8;
    precis_stream *s;
    CHECK(precis_stream_new(ctx, &o, &s) == PRECIS_OK);
    settled_log l;
    log_reset(&l);
    char text[600], id[16];
    size_t story, dup, num = 0, reported_early = 0;
    for (size_t k = 0; k < 6; k++) {
        for (size_t j = 0; j < 4; j++, num++) {
            window_text(text, sizeof text, k, j);
            snprintf(id, sizeof id, "a%zu", num);
            precis_article a = art(id, text, NULL);
            CHECK(precis_stream_add(ctx, s, &a, &story, &dup) == PRECIS_OK);
            CHECK(precis_stream_settle(ctx, s, 0, log_story, &l) == PRECIS_OK);
            size_t held = 0;
            for (size_t i = 0; i <= num; i++) held += l.story_of[i] == SIZE_MAX;
            CHECK(held <= 8);
        }
    }
    reported_early = l.calls;
    CHECK(reported_early >= 12); /* the first stories came out before the end */
    CHECK(precis_stream_settle(ctx, s, 1, log_story, &l) == PRECIS_OK);
    CHECK(l.calls == 24);
    for (size_t k = 0; k < 6; k++)
        for (size_t j = 0; j < 4; j++) CHECK(l.story_of[k * 4 + j] == k); /* each story whole, ids in order */
    precis_stream_free(s);

    /* a story that comes back after half a window of other news is
     * continued (within a window of arrivals after its last article): its
     * anchors (two reported articles left in the window) are
     * regrouped with its new reports, which take its id */
    CHECK(precis_stream_new(ctx, &o, &s) == PRECIS_OK);
    log_reset(&l);
    num = 0;
    static const size_t SEQ[3] = {0, 1, 0};
    for (size_t r = 0; r < 3; r++) {
        for (size_t j = 0; j < 4; j++, num++) {
            window_text(text, sizeof text, SEQ[r], j + 4 * (r == 2));
            snprintf(id, sizeof id, "c%zu", num);
            precis_article a = art(id, text, NULL);
            CHECK(precis_stream_add(ctx, s, &a, &story, &dup) == PRECIS_OK);
            CHECK(precis_stream_settle(ctx, s, 0, log_story, &l) == PRECIS_OK);
        }
        if (r == 2) CHECK(l.story_of[0] == 0 && l.story_of[3] == 0); /* the first telling reported */
    }
    CHECK(precis_stream_settle(ctx, s, 1, log_story, &l) == PRECIS_OK);
    CHECK(l.calls == 12);
    for (size_t i = 8; i < 12; i++) CHECK(l.story_of[i] == 0); /* continued, not a new story */
    CHECK(l.story_of[4] == 1 && precis_stream_n_stories(s) == 2);
    precis_stream_free(s);

    /* dated: one story a week, the default window; each is reported once
     * the clock is a quiet period past it */
    o.window = 0;
    CHECK(precis_stream_new(ctx, &o, &s) == PRECIS_OK);
    log_reset(&l);
    num = 0;
    char date[16];
    for (size_t k = 0; k < 4; k++) {
        for (size_t j = 0; j < 3; j++, num++) {
            window_text(text, sizeof text, k, j);
            snprintf(id, sizeof id, "d%zu", num);
            snprintf(date, sizeof date, "2031-05-%02zu", 1 + 7 * k + j % 2);
            precis_article a = art(id, text, date);
            CHECK(precis_stream_add(ctx, s, &a, &story, &dup) == PRECIS_OK);
            CHECK(precis_stream_settle(ctx, s, 0, log_story, &l) == PRECIS_OK);
        }
        if (k) CHECK(l.calls == 3 * k); /* the week before is final, this one held */
    }
    CHECK(precis_stream_settle(ctx, s, 1, log_story, &l) == PRECIS_OK);
    CHECK(l.calls == 12);
    for (size_t i = 0; i < 12; i++) CHECK(l.story_of[i] == i / 3);
    precis_stream_free(s);
    precis_free(ctx);
}

int main(void)
{
    RUN(batch_window_reports_closed_stories_before_the_end);
    RUN(interleaved_stories_are_told_apart);
    RUN(perturbed_copy_joins_its_original);
    RUN(a_thousand_copies_are_one_story);
    RUN(empty_articles_join_nothing);
    RUN(time_from_dates_and_arrival_order);
    RUN(undated_articles_before_the_first_date_stay_in_their_story);
    RUN(same_order_same_stories);
    RUN(copies_are_looked_for_in_a_bounded_window);
    RUN(batch_pass_attaches_lone_articles);
    RUN(bad_options_are_refused);
    return test_done();
}
