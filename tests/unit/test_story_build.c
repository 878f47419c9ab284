/* Unit tests for precis_story_build and the quantity finder (src/story). The
 * articles are invented; each test plants what it checks for. */
#include "precis.h"
#include "story/story.h"
#include "test.h"

#include <jansson.h>
#include <stdlib.h>

#define ART(id_, site_, title_, date_, text_) \
    {.id = id_, .site = site_, .title = title_, .date = date_, .text = text_, .text_len = sizeof text_ - 1}

/* An invented event, three reports and one wire copy. Published Tue, 2026-03-10. */
static const precis_article KELDA[] = {
    ART("a", "Kelda Herald", "Dam gate fails at Lake Orvik, flooding two villages", "2026-03-10",
        "A gate of the Orvik dam failed on Monday night, sending water into the villages of Brask and "
        "Tumlin, the regional water authority said.\n\n"
        "About 400 residents were evacuated from Brask and Tumlin before dawn, the authority said.\n\n"
        "Water authority engineer Hanna Loft said the gate had been inspected in January and found "
        "sound.\n\n"
        "The flood reached the village school, which will stay closed until Friday, the mayor said.\n\n"
        "Repairs to the dam gate will take at least three weeks, engineers estimated."),
    ART("b", "Orvik Post", "Orvik dam gate fails; villages flooded", "2026-03-10",
        "The Orvik dam gate failed on Monday, flooding the villages of Brask and Tumlin, the water "
        "authority said.\n\n"
        "Some 650 residents were evacuated from Brask and Tumlin overnight, the authority said.\n\n"
        "The water reached the village school, which will remain closed until Friday, the mayor said.\n\n"
        "Farmers said they had lost more than 200 sheep in the fields below the dam."),
    ART("c", "Lake Country News", "Two villages flooded after Orvik dam gate fails", "2026-03-11",
        "Two villages were flooded after a gate of the Orvik dam failed on Sunday night, the regional "
        "water authority said.\n\n"
        "Engineer Hanna Loft said the gate had been inspected in January and found sound.\n\n"
        "The flooded school will remain closed until Friday, the mayor said.\n\n"
        "Repairs to the dam gate could take three weeks, engineers said."),
    ART("d", "Valley Wire", "Orvik dam gate fails; villages flooded", "2026-03-10",
        "The Orvik dam gate failed on Monday, flooding the villages of Brask and Tumlin, the water "
        "authority said.\n\n"
        "Some 650 residents were evacuated from Brask and Tumlin overnight, the authority said.\n\n"
        "The water reached the village school, which will remain closed until Friday, the mayor said.\n\n"
        "Farmers said they had lost more than 200 sheep in the fields below the dam."),
};
#define N_KELDA (sizeof KELDA / sizeof *KELDA)

static json_t *build_opts(const precis_article *a, size_t n, const precis_story_options *o)
{
    precis_ctx *ctx = precis_new(NULL);
    char *out = NULL;
    size_t len = 0;
    precis_status st = precis_story_build(ctx, "kelda", a, n, o, &out, &len);
    if (st) fprintf(stderr, "  build: %s\n", precis_errmsg(ctx));
    CHECK(st == PRECIS_OK);
    json_error_t e;
    json_t *j = out ? json_loadb(out, len, 0, &e) : NULL;
    if (out && !j) fprintf(stderr, "  bad JSON: %s\n", e.text);
    CHECK(j != NULL);
    CHECK(out == NULL || strlen(out) == len);
    precis_text_free(out);
    precis_free(ctx);
    return j;
}

static json_t *build(const precis_article *a, size_t n) { return build_opts(a, n, NULL); }

static const char *sget(json_t *o, const char *k) { return json_string_value(json_object_get(o, k)); }

TEST(story_has_the_design_fields)
{
    json_t *j = build(KELDA, N_KELDA);
    if (!j) return;
    CHECK_STR(sget(j, "id"), "kelda");
    const char *fields[] = {"headline", "sources", "summary", "timeline", "entities", "coverage"};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) CHECK(json_object_get(j, fields[i]) != NULL);
    json_t *src = json_object_get(j, "sources");
    CHECK(json_array_size(src) == N_KELDA);
    /* sources carry no text */
    CHECK(json_object_get(json_array_get(src, 0), "text") == NULL);
    CHECK_STR(sget(json_array_get(src, 0), "site"), "Kelda Herald");
    json_decref(j);
}

TEST(copies_are_grouped_not_lost)
{
    json_t *j = build(KELDA, N_KELDA);
    if (!j) return;
    json_t *src = json_object_get(j, "sources");
    CHECK(json_is_null(json_object_get(json_array_get(src, 0), "duplicate_of")));
    CHECK(json_is_null(json_object_get(json_array_get(src, 1), "duplicate_of")));
    CHECK_STR(sget(json_array_get(src, 3), "duplicate_of"), "b");
    json_t *per = json_object_get(json_object_get(j, "coverage"), "per_source");
    CHECK(json_array_size(per) == 3); /* three independent reports */
    CHECK_STR(json_string_value(json_array_get(json_object_get(json_array_get(per, 1), "copies"), 0)), "d");
    json_decref(j);
}

TEST(headline_is_one_of_the_titles)
{
    json_t *j = build(KELDA, N_KELDA);
    if (!j) return;
    const char *h = sget(j, "headline");
    bool found = false;
    for (size_t i = 0; i < N_KELDA; i++) found |= h && !strcmp(h, KELDA[i].title);
    CHECK(found);
    json_decref(j);
}

TEST(headline_without_titles_is_a_lead_sentence)
{
    precis_article a[2] = {KELDA[0], KELDA[2]};
    a[0].title = a[1].title = NULL;
    json_t *j = build(a, 2);
    if (!j) return;
    const char *h = sget(j, "headline");
    CHECK(h && (!strncmp(h, "A gate of the Orvik dam", 23) || !strncmp(h, "Two villages were", 17)));
    json_decref(j);
}

static json_t *timeline_entry(json_t *j, const char *date, const char *needle)
{
    json_t *tl = json_object_get(j, "timeline"), *e;
    size_t i;
    json_array_foreach(tl, i, e)
    {
        const char *t = sget(e, "text");
        if (!strcmp(sget(e, "date"), date) && t && strstr(t, needle)) return e;
    }
    return NULL;
}

TEST(timeline_resolves_relative_days_per_article)
{
    json_t *j = build(KELDA, N_KELDA);
    if (!j) return;
    /* "Monday" in articles of Tue 2026-03-10 is 2026-03-09; "Sunday night" in
     * an article of Wed 2026-03-11 is 2026-03-08. */
    json_t *mon = timeline_entry(j, "2026-03-09", "gate");
    CHECK(mon != NULL);
    CHECK(timeline_entry(j, "2026-03-08", "Sunday night") != NULL);
    /* "until Friday" (future) is the coming Friday, 2026-03-13, told once with its sources. */
    json_t *fri = timeline_entry(j, "2026-03-13", "school");
    CHECK(fri != NULL);
    if (fri) CHECK(json_array_size(json_object_get(fri, "sources")) == 3);
    /* sorted by date */
    json_t *tl = json_object_get(j, "timeline"), *e;
    size_t i;
    const char *prev = "";
    json_array_foreach(tl, i, e)
    {
        CHECK(strcmp(prev, sget(e, "date")) <= 0);
        prev = sget(e, "date");
    }
    json_decref(j);
}

static json_t *find_conflict(json_t *j, const char *kind)
{
    json_t *c = json_object_get(json_object_get(j, "coverage"), "conflicts"), *e;
    size_t i;
    json_array_foreach(c, i, e) if (!strcmp(sget(e, "kind"), kind)) return e;
    return NULL;
}

TEST(coverage_finds_conflicting_figures_and_dates)
{
    json_t *j = build(KELDA, N_KELDA);
    if (!j) return;
    json_t *fig = find_conflict(j, "figure");
    CHECK(fig != NULL); /* 400 vs 650 evacuated */
    if (fig) CHECK(json_array_size(json_object_get(fig, "claims")) == 2);
    CHECK(find_conflict(j, "date") != NULL); /* Monday night vs Sunday night */
    json_decref(j);
}

/* A total and a part of it counted with the same word are no conflict:
 * "212 people" aboard against "14 people" treated in hospital. */
static const precis_article TALLOW[] = {
    ART("a", "Quessan Times", "Ferry runs aground off Quessan", "2026-05-02",
        "A passenger ferry carrying 212 people ran aground in thick fog off the island of Quessan early "
        "on Saturday, and all passengers and crew were brought ashore safely, the coast guard said.\n\n"
        "Tugs will try to refloat the ferry at high tide, the operator said."),
    ART("b", "Dorrin Daily", "Tallow Bay aground off Quessan", "2026-05-02",
        "All passengers and crew were rescued, and 14 people were treated in hospital for minor "
        "injuries, the coast guard said.\n\nTugs will try to refloat the ferry at high tide, the "
        "operator said."),
};

TEST(coverage_total_and_part_are_no_conflict)
{
    json_t *j = build(TALLOW, sizeof TALLOW / sizeof *TALLOW);
    if (!j) return;
    CHECK(find_conflict(j, "figure") == NULL);
    json_decref(j);
}

TEST(coverage_unique_facts_and_omissions)
{
    json_t *j = build(KELDA, N_KELDA);
    if (!j) return;
    json_t *per = json_object_get(json_object_get(j, "coverage"), "per_source");
    /* b alone (with its copy) reports the sheep */
    json_t *ub = json_object_get(json_array_get(per, 1), "unique");
    CHECK(json_array_size(ub) >= 1 && strstr(sget(json_array_get(ub, 0), "text"), "sheep"));
    /* b leaves out what a and c both report: the inspection in January */
    json_t *ob = json_object_get(json_array_get(per, 1), "omits"), *e;
    size_t i;
    bool inspection = false;
    json_array_foreach(ob, i, e) inspection |= strstr(sget(e, "text"), "inspected") != NULL;
    CHECK(inspection);
    /* the school closure is in all three: nobody omits it, nobody has it alone */
    json_array_foreach(per, i, e)
    {
        json_t *f;
        size_t k;
        json_array_foreach(json_object_get(e, "unique"), k, f) CHECK(!strstr(sget(f, "text"), "school"));
        json_array_foreach(json_object_get(e, "omits"), k, f) CHECK(!strstr(sget(f, "text"), "school"));
    }
    json_decref(j);
}

TEST(no_usable_article_is_eempty)
{
    precis_ctx *ctx = precis_new(NULL);
    precis_article a = {.id = "x", .text = "", .text_len = 0};
    char *out = NULL;
    CHECK(precis_story_build(ctx, "x", &a, 1, NULL, &out, NULL) == PRECIS_EEMPTY);
    CHECK(out == NULL);
    CHECK(precis_story_build(ctx, "x", NULL, 0, NULL, &out, NULL) == PRECIS_EEMPTY);
    precis_article noid = {.text = "One sentence here is enough for a story today.", .text_len = 46};
    CHECK(precis_story_build(ctx, "x", &noid, 1, NULL, &out, NULL) == PRECIS_EINVAL);
    precis_free(ctx);
}

static size_t quants(const char *s, pst_quantity *q, size_t cap)
{
    pt_lang *lang;
    pc_error err;
    if (pt_lang_open("en", &lang, &err)) return 0;
    size_t n = pst_find_quantities(lang, s, 0, strlen(s), NULL, 0, q, cap);
    pt_lang_close(lang);
    return n;
}

TEST(quantities_with_units)
{
    pst_quantity q[8];
    CHECK(quants("Forces were kept 53 miles from the border.", q, 8) == 1);
    CHECK(q[0].kind == PST_Q_DISTANCE);
    CHECK_NEAR(q[0].value, 53 * 1609.344, 0.01);
    CHECK(quants("They stayed 20 kilometres away.", q, 8) == 1 && q[0].kind == PST_Q_DISTANCE &&
          fabs(q[0].value - 20000) < 1e-6);
    CHECK(quants("Fourteen passengers and 3,000 residents.", q, 8) == 2);
    CHECK(q[0].value == 14 && !strcmp(q[0].unit, "passeng") && q[1].value == 3000);
    CHECK(quants("About two hundred sheep died.", q, 8) == 1 && q[0].value == 200 && q[0].hedged);
    CHECK(quants("Twenty-five were hurt.", q, 8) == 1 && q[0].value == 25);
    CHECK(quants("It left at 6 a.m. in 2024 at 10:30.", q, 8) == 0);
    CHECK(quants("Prices rose 4.5% and $2 million was lost.", q, 8) == 2);
    CHECK(q[0].kind == PST_Q_PERCENT && fabs(q[0].value - 4.5) < 1e-9);
    CHECK(q[1].kind == PST_Q_MONEY && q[1].value == 2e6);
    CHECK(quants("No one was hurt.", q, 8) == 0);
    /* a unit glued to its number, millimetres of rain, a sum with its scale
     * glued on are the figures their spelt-out forms are (time23; failed before) */
    CHECK(quants("More than 85mm of rain fell.", q, 8) == 1 && q[0].kind == PST_Q_DISTANCE &&
          fabs(q[0].value - 0.085) < 1e-9 && q[0].hedged);
    CHECK(quants("Some 85 millimetres fell in a day.", q, 8) == 1 && q[0].kind == PST_Q_DISTANCE &&
          fabs(q[0].value - 0.085) < 1e-9);
    CHECK(quants("The cordon ran 5km from the wreck.", q, 8) == 1 && q[0].kind == PST_Q_DISTANCE &&
          fabs(q[0].value - 5000) < 1e-6);
    CHECK(quants("The haul was valued at \xC2\xA3" "4m by insurers.", q, 8) == 1 && q[0].kind == PST_Q_MONEY &&
          q[0].value == 4e6);
    CHECK(quants("It rose $2.5bn.", q, 8) == 1 && q[0].kind == PST_Q_MONEY && fabs(q[0].value - 2.5e9) < 1);
    /* no unit: clock times, ordinals, a bare "12m" */
    CHECK(quants("They met at 6am on the 5th.", q, 8) == 0);
    CHECK(quants("A 12m gap.", q, 8) == 0);
}

/* The briefing text of a story object written by hand: sources with title,
 * outlet, day and URL; quotation marks paired again on a fragment of a
 * quotation the splitter cut; the header gives the days. */
TEST(render_sources_and_quotes)
{
    static const char story[] =
        "{\"id\":\"s1\",\"headline\":\"Dam gate fails\","
        "\"sources\":[{\"id\":\"in/a.txt\",\"url\":null,\"site\":\"Kelda Herald\",\"title\":\"Dam gate fails\","
        "\"date\":\"2026-03-10T08:15:00\",\"duplicate_of\":null},"
        "{\"id\":\"b\",\"url\":\"https://news.example/b\",\"site\":null,\"title\":\"Villages flooded\","
        "\"date\":\"2026-03-11\",\"duplicate_of\":null},"
        "{\"id\":\"in/c.txt\",\"url\":null,\"site\":null,\"title\":null,\"date\":null,\"duplicate_of\":\"b\"}],"
        "\"summary\":{\"sentences\":[{\"text\":\"The water rose fast,\\\" said Loft.\",\"doc\":\"in/a.txt\",\"also_in\":[]}]},"
        "\"timeline\":[{\"date\":\"2026-03-09\",\"text\":\"The gate failed at night.\",\"sources\":[\"b\"]}],"
        "\"entities\":[],"
        "\"coverage\":{\"reports\":2,\"conflicts\":[],\"per_source\":[{\"doc\":\"b\",\"unique\":"
        "[{\"text\":\"The water rose fast,\\\" said Loft.\"},{\"text\":\"Nobody was hurt.\"},{\"text\":\"The gate failed at night.\"}],\"n_unique\":3,\"omits\":[],\"n_omits\":0}],\"summary\":[]}}";
    char *out = NULL;
    size_t n = 0;
    CHECK(precis_story_render(story, sizeof story - 1, PRECIS_STORY_TEXT, 1, &out, &n) == PRECIS_OK);
    CHECK(out && strstr(out, "3 sources, 2 independent reports, 2026-03-10 to 2026-03-11 (2 of 3 dated)\n"));
    CHECK(out && strstr(out, "[1] Dam gate fails — Kelda Herald, 2026-03-10 (a.txt)\n"));
    CHECK(out && strstr(out, "[2] Villages flooded — 2026-03-11 <https://news.example/b>\n"));
    CHECK(out && strstr(out, "[3] c.txt (copy of [2])\n"));
    CHECK(out && strstr(out, "- \"The water rose fast,\" said Loft. [1]"));
    CHECK(out && strstr(out, "Only [2]: \"Nobody was hurt.\"\n"));
    CHECK(out && !strstr(out, "Only [2]: \"The water")); /* the summary told it */
    CHECK(out && !strstr(out, "Only [2]: \"The gate"));  /* the timeline told it, [2] alone */
    CHECK(out && strstr(out, "2026-03-09  The gate failed at night. [2]"));
    CHECK(out && !strstr(out, "more fact"));
    free(out);
    CHECK(precis_story_render(story, sizeof story - 1, PRECIS_STORY_MARKDOWN, 1, &out, &n) == PRECIS_OK);
    CHECK(out && strstr(out, "[2] [Villages flooded](https://news.example/b) — 2026-03-11\n"));
    free(out);
}

TEST(render_markdown_links_escaped)
{
    /* a page's title and URL may hold what would end a Markdown link early */
    static const char story[] =
        "{\"id\":\"s1\",\"headline\":\"Dam\",\"sources\":[{\"id\":\"a\","
        "\"url\":\"https://news.example/dam_(2026) x\",\"site\":null,\"title\":\"[Live] Dam gate\","
        "\"date\":null,\"duplicate_of\":null}],\"summary\":{\"sentences\":[]},\"timeline\":[],"
        "\"entities\":[],\"coverage\":{\"reports\":1,\"conflicts\":[],\"per_source\":[],\"summary\":[]}}";
    char *out = NULL;
    size_t n = 0;
    CHECK(precis_story_render(story, sizeof story - 1, PRECIS_STORY_MARKDOWN, 1, &out, &n) == PRECIS_OK);
    CHECK(out && strstr(out, "[1] [\\[Live\\] Dam gate](https://news.example/dam_%282026%29%20x)\n"));
    free(out);
}


/* A story past max_reports: the first reports are analysed, every source is
 * listed, the others marked "analysed": false (with their copies). */
/* precis_story_build_info says what digest counts without reading the JSON
 * back: the reports, those analysed, and a summary the budget left empty (its
 * "note"); before, digest searched the JSON text for them. */
TEST(story_info_matches_the_json)
{
    precis_article a[5] = {KELDA[0], KELDA[1], KELDA[2], KELDA[3], KELDA[0]};
    a[4].id = "e";
    a[4].date = NULL;         /* undated (a copy of a) */
    a[3].date = "1850-03-09"; /* not believable: before 1900 */
    for (int tiny = 0; tiny < 2; tiny++) {
        precis_story_options o = {.max_reports = 2, .summary_words = tiny ? 2 : 0};
        precis_ctx *ctx = precis_new(NULL);
        char *out = NULL;
        size_t len = 0;
        precis_story_info info = {99, 99, 99, 99, 99};
        CHECK(precis_story_build_info(ctx, "kelda", a, 5, &o, &out, &len, &info) == PRECIS_OK);
        json_error_t e;
        json_t *j = out ? json_loadb(out, len, 0, &e) : NULL;
        CHECK(j != NULL);
        if (j) {
            CHECK(info.n_reports == (size_t)json_integer_value(json_object_get(j, "n_reports")));
            CHECK(info.analysed_reports == (size_t)json_integer_value(json_object_get(j, "analysed_reports")));
            CHECK(info.n_reports == 3 && info.analysed_reports == 2);
            json_t *note = json_object_get(json_object_get(j, "summary"), "note");
            CHECK(info.no_summary == (note != NULL));
            CHECK(info.no_summary == tiny);
            size_t undated = 0, ignored = 0, k;
            json_t *src;
            json_array_foreach(json_object_get(j, "sources"), k, src) {
                undated += json_is_null(json_object_get(src, "date"));
                ignored += json_object_get(src, "date_ignored") != NULL;
            }
            CHECK(info.n_undated == undated && info.n_date_ignored == ignored);
            CHECK(undated == 1 && ignored == 1);
            json_decref(j);
        }
        precis_text_free(out);
        precis_free(ctx);
    }
}

TEST(reports_past_the_cap_are_listed_not_analysed)
{
    precis_article a[5] = {KELDA[0], KELDA[1], KELDA[2], KELDA[3], KELDA[0]};
    a[4].id = "e"; /* the same text as a: a copy of an analysed report */
    precis_story_options o = {.max_reports = 2};
    json_t *j = build_opts(a, 5, &o);
    if (!j) return;
    CHECK(json_integer_value(json_object_get(j, "n_reports")) == 3);
    CHECK(json_integer_value(json_object_get(j, "analysed_reports")) == 2);
    json_t *src = json_object_get(j, "sources");
    CHECK(json_array_size(src) == 5);
    CHECK(json_object_get(json_array_get(src, 0), "analysed") == NULL);
    CHECK(json_object_get(json_array_get(src, 1), "analysed") == NULL);
    CHECK(json_is_false(json_object_get(json_array_get(src, 2), "analysed")));
    CHECK_STR(sget(json_array_get(src, 3), "duplicate_of"), "b"); /* a copy of b: analysed with it */
    CHECK(json_object_get(json_array_get(src, 3), "analysed") == NULL);
    CHECK_STR(sget(json_array_get(src, 4), "duplicate_of"), "a");
    json_t *cov = json_object_get(j, "coverage");
    CHECK(json_integer_value(json_object_get(cov, "reports")) == 2);
    CHECK(json_array_size(json_object_get(cov, "per_source")) == 2);
    /* c's text ("Sunday night") is not analysed: no timeline entry of it
     * (analysed, it has one: timeline_resolves_relative_days_per_article) */
    CHECK(json_array_size(json_object_get(j, "timeline")) > 0);
    CHECK(timeline_entry(j, "2026-03-08", "Sunday night") == NULL);
    json_t *e;
    size_t i;
    json_array_foreach(json_object_get(j, "timeline"), i, e)
    {
        size_t k;
        json_t *d;
        json_array_foreach(json_object_get(e, "sources"), k, d) CHECK(strcmp(json_string_value(d), "c") != 0);
    }
    char *out = NULL;
    size_t n = 0;
    char *js = json_dumps(j, JSON_COMPACT);
    CHECK(js && precis_story_render(js, strlen(js), PRECIS_STORY_TEXT, 1, &out, &n) == PRECIS_OK);
    CHECK(out && strstr(out, "3 independent reports (the first 2 reports analysed)"));
    free(out);
    free(js);
    json_decref(j);
}

/* A wire story run by 2,000 outlets, identical text or with a line of its
 * own: one report, every copy listed once with its original, in order. */
TEST(two_thousand_copies_are_one_report)
{
    enum { N = 2000 };
    precis_article *a = calloc(N, sizeof *a);
    char (*ids)[16] = calloc(N, sizeof *ids);
    char (*texts)[1200] = calloc(N, sizeof *texts);
    CHECK(a && ids && texts);
    if (!a || !ids || !texts) goto out;
    for (size_t i = 0; i < N; i++) {
        a[i] = KELDA[0];
        snprintf(ids[i], sizeof ids[i], "w%zu", i);
        a[i].id = ids[i];
        if (i % 2) { /* every other copy signs off with its own desk line */
            int k = snprintf(texts[i], sizeof texts[i], "%s\n\nFiled by desk %zu.", KELDA[0].text, i);
            a[i].text = texts[i];
            a[i].text_len = (size_t)k;
        }
    }
    json_t *j = build_opts(a, N, NULL);
    if (!j) goto out;
    CHECK(json_integer_value(json_object_get(j, "n_sources")) == N);
    CHECK(json_integer_value(json_object_get(j, "n_reports")) == 1);
    json_t *src = json_object_get(j, "sources");
    CHECK(json_array_size(src) == N);
    size_t bad = 0;
    for (size_t i = 1; i < N; i++) bad += !sget(json_array_get(src, i), "duplicate_of") ||
                                          strcmp(sget(json_array_get(src, i), "duplicate_of"), "w0");
    CHECK(bad == 0);
    json_t *copies = json_object_get(json_array_get(json_object_get(json_object_get(j, "coverage"), "per_source"), 0), "copies");
    CHECK(json_array_size(copies) == N - 1);
    CHECK_STR(json_string_value(json_array_get(copies, 0)), "w1");
    CHECK_STR(json_string_value(json_array_get(copies, N - 2)), "w1999");
    json_t *sum = json_object_get(json_object_get(j, "coverage"), "summary");
    CHECK(json_integer_value(json_object_get(json_array_get(sum, 0), "outlets")) == N);
    json_decref(j);
out:
    free(a);
    free(ids);
    free(texts);
}

/* Invented: a library closure told by three papers; the Gazette alone has a
 * petition (a fact, early) and a resident's quote (colour, later, and with
 * no word of it elsewhere: more novel). */
static const precis_article PELLOW[] = {
    ART("a", "Pellow Gazette", "Pellow council votes to close Harrow Lane library", "2026-03-10",
        "The town council of Pellow voted on Monday to close the Harrow Lane library, the mayor said.\n\n"
        "Volunteers collected 3,000 signatures against the closure within two days.\n\n"
        "The library has served the town for sixty years, the council said.\n\n"
        "The guild of booksellers has opposed the plan since the first council vote in 2011.\n\n"
        "\"We grew up in that building, and our children learned to read there,\" said retired teacher Marit Sole."),
    ART("b", "Valley Courier", "Harrow Lane library to close, Pellow council decides", "2026-03-10",
        "The town council of Pellow voted on Monday to close the Harrow Lane library, the mayor said.\n\n"
        "The library has served the town for sixty years, the council said.\n\n"
        "The council first proposed closing the library in 2017, when its roof failed.\n\n"
        "Staff will be moved to the main branch in the town centre, a council spokesman said."),
    ART("c", "Pellow Post", "Library in Harrow Lane will close", "2026-03-11",
        "Pellow's town council voted on Monday to close the Harrow Lane library, the mayor said.\n\n"
        "The library has served the town for sixty years, according to the council.\n\n"
        "Staff will move to the main branch in the town centre."),
};

/* The facts a source alone tells are listed most important first: a fact
 * before a quote of the same band, though the quote is more novel. */
TEST(unique_facts_rank_facts_before_quotes)
{
    json_t *j = build(PELLOW, 3);
    if (!j) return;
    json_t *u = json_object_get(json_array_get(json_object_get(json_object_get(j, "coverage"), "per_source"), 0), "unique");
    const char *first = sget(json_array_get(u, 0), "text");
    CHECK(first && !strncmp(first, "Volunteers collected", 20));
    double nov_fact = 0, nov_quote = 0;
    size_t i;
    json_t *x;
    json_array_foreach(u, i, x)
    {
        const char *t = sget(x, "text");
        if (t && !strncmp(t, "Volunteers", 10)) nov_fact = json_real_value(json_object_get(x, "novelty"));
        if (t && strstr(t, "Marit Sole")) nov_quote = json_real_value(json_object_get(x, "novelty"));
    }
    CHECK(nov_quote > nov_fact); /* ranked by more than novelty */
    json_decref(j);
}

/* "since the first council vote in 2011" dates the guild's opposition, not an
 * event of the story: no timeline entry; "proposed ... in 2017" is one. */
TEST(timeline_leaves_since_background_out)
{
    json_t *j = build(PELLOW, 3);
    if (!j) return;
    CHECK(timeline_entry(j, "2017", "roof failed") != NULL);
    CHECK(timeline_entry(j, "2011", "guild") == NULL);
    json_decref(j);
}

/* The day of telling gives way to a later month it announces; not to a
 * month that began before it. */
static const precis_article TELLING[] = {
    ART("a", "Orrin Times", "Orrin bridge stays shut", "2026-09-14",
        "The engineer in charge said last night that the Orrin bridge would stay closed until at least November.\n\n"
        "Inspectors said on Friday the old bridge deck could crack if frost arrives this month.\n\n"
        "Lorries have been sent on a detour of forty kilometres through the hills since the closure."),
};

TEST(timeline_telling_day_gives_way_to_a_later_month)
{
    json_t *j = build(TELLING, 1);
    if (!j) return;
    CHECK(timeline_entry(j, "2026-11", "until at least November") != NULL);
    CHECK(timeline_entry(j, "2026-09-13", "until at least November") == NULL);
    CHECK(timeline_entry(j, "2026-09-11", "frost arrives") != NULL);
    json_decref(j);
}

/* A relative clause's day gives way to the main clause's month; a relative
 * clause's founding is no event; a short sentence whose relative date says
 * what it tells is an entry; the brief's two days of one sentence ("before
 * Friday's deadline") stay one entry (time23: the first three failed before). */
static const precis_article OAKHURST[] = {
    ART("a", "Oakhurst Gazette", "Minister promises answers over Oakhurst leak", "2026-10-12",
        "Environment Minister Carys Dowell, who toured the Oakhurst works on Monday, said the inquiry "
        "would report in November.\n\n"
        "Brenfield Chemicals, which was founded in 1987, said it would appeal against the council's decision.\n\n"
        "The gates will reopen next week, she said.\n\n"
        "About 400 residents were evacuated on Tuesday night before Friday's deadline for the works to "
        "file a safety plan, the council said."),
};

TEST(timeline_relative_clauses_and_short_dated_sentences)
{
    json_t *j = build(OAKHURST, 1);
    if (!j) return;
    CHECK(timeline_entry(j, "2026-11", "toured the Oakhurst works") != NULL);
    CHECK(timeline_entry(j, "2026-10-12", "toured the Oakhurst works") == NULL);
    CHECK(timeline_entry(j, "1987", "founded") == NULL);
    CHECK(timeline_entry(j, "2026-10-19/2026-10-25", "will reopen next week") != NULL);
    CHECK(timeline_entry(j, "2026-10-06", "evacuated on Tuesday night") != NULL);
    size_t entries = 0, i;
    json_t *e;
    json_array_foreach(json_object_get(j, "timeline"), i, e)
    {
        const char *t = sget(e, "text");
        entries += t && strstr(t, "evacuated on Tuesday night") != NULL;
    }
    CHECK(entries == 1);
    json_decref(j);
}

/* A summary sentence with a conflict says what the sources differ on. */
TEST(render_summary_says_what_sources_differ_on)
{
    static const char story[] =
        "{\"id\":\"s1\",\"headline\":\"Bridge collapses\","
        "\"sources\":[{\"id\":\"a\",\"title\":\"Bridge collapses\",\"duplicate_of\":null},"
        "{\"id\":\"b\",\"title\":\"Bridge falls\",\"duplicate_of\":null}],"
        "\"summary\":{\"sentences\":[{\"text\":\"Nine people were hurt on Tuesday.\",\"doc\":\"a\",\"also_in\":[]},"
        "{\"text\":\"The span was closed.\",\"doc\":\"a\",\"also_in\":[]}]},"
        "\"timeline\":[],\"entities\":[],"
        "\"coverage\":{\"reports\":2,\"per_source\":[],\"summary\":[],\"conflicts\":["
        "{\"kind\":\"figure\",\"about\":\"people\",\"claims\":[{\"value\":\"Nine\",\"text\":\"Nine people were hurt on Tuesday.\",\"docs\":[\"a\"]},"
        "{\"value\":\"Twelve\",\"text\":\"Twelve people were hurt on Monday.\",\"docs\":[\"b\"]}]},"
        "{\"kind\":\"date\",\"about\":\"\",\"claims\":[{\"value\":\"2026-03-10 (Tuesday)\",\"text\":\"Nine people were hurt on Tuesday.\",\"docs\":[\"a\"]},"
        "{\"value\":\"2026-03-09 (Monday)\",\"text\":\"Twelve people were hurt on Monday.\",\"docs\":[\"b\"]}]}]}}";
    char *out = NULL;
    size_t n = 0;
    CHECK(precis_story_render(story, sizeof story - 1, PRECIS_STORY_TEXT, 1, &out, &n) == PRECIS_OK);
    CHECK(out && strstr(out, "Nine people were hurt on Tuesday. [1] (sources differ on the number of people: "
                             "\"Nine\" [1] vs \"Twelve\" [2]; the day: \"2026-03-10 (Tuesday)\" [1] vs "
                             "\"2026-03-09 (Monday)\" [2])\n"));
    CHECK(out && strstr(out, "The span was closed. [1]\n")); /* no conflict: no marker */
    free(out);
    CHECK(precis_story_render(story, sizeof story - 1, PRECIS_STORY_MARKDOWN, 1, &out, &n) == PRECIS_OK);
    CHECK(out && strstr(out, " *(sources differ on the number of people: "));
    free(out);
}

/* A source whose listed unique facts the summary told already, but with more
 * unique facts than listed: the Coverage part still says how many more. */
TEST(render_coverage_counts_unlisted_unique_facts)
{
    static const char story[] =
        "{\"id\":\"s1\",\"headline\":\"Bridge collapses\","
        "\"sources\":[{\"id\":\"a\",\"title\":\"Bridge collapses\",\"duplicate_of\":null},"
        "{\"id\":\"b\",\"title\":\"Bridge falls\",\"duplicate_of\":null}],"
        "\"summary\":{\"sentences\":[{\"text\":\"The span fell.\",\"doc\":\"a\",\"also_in\":[]}]},"
        "\"timeline\":[],\"entities\":[],"
        "\"coverage\":{\"reports\":2,\"summary\":[],\"conflicts\":[],\"per_source\":["
        "{\"doc\":\"a\",\"site\":null,\"copies\":[],\"unique\":[{\"text\":\"The span fell.\",\"novelty\":1}],"
        "\"n_unique\":3,\"omits\":[],\"n_omits\":0}]}}";
    char *out = NULL;
    size_t n = 0;
    CHECK(precis_story_render(story, sizeof story - 1, PRECIS_STORY_TEXT, 1, &out, &n) == PRECIS_OK);
    CHECK(out && strstr(out, "Coverage") && strstr(out, "(and 2 more facts only [1] reports)"));
    free(out);
}

/* The renderer splices the sources out of the story to read them one at a
 * time: JSON that is not valid there is refused as jansson refuses it. */
TEST(entities_skip_debris_sentences)
{
    /* a feed item's widget and promotion lines name no actor */
    static const precis_article a[] = {
        ART("w", "Kelda Courier", "Harbour board backs Orvik quay", "2026-03-10",
            "The Orvik harbour board approved the new quay on Monday, chairman Tomas Reld said.\n\n"
            "Reld said building would start in June.\n\n"
            "Like this: Like Loading...\n\n"
            "Subscribe to the Kelda Courier Weekender for the latest harbour news.\n\n"
            "Share this: Twitter Facebook Pinterest"),
    };
    json_t *j = build(a, 1);
    json_t *ents = json_object_get(j, "entities");
    bool reld = false, bad = false;
    for (size_t i = 0; i < json_array_size(ents); i++) {
        const char *nm = sget(json_array_get(ents, i), "name");
        if (!nm) continue;
        if (strstr(nm, "Reld")) reld = true;
        if (strstr(nm, "Loading") || strstr(nm, "Weekender") || strstr(nm, "Pinterest") || strstr(nm, "Like"))
            bad = true, fprintf(stderr, "  debris entity: %s\n", nm);
    }
    CHECK(reld);
    CHECK(!bad);
    json_decref(j);
}

/* A decision on a day and when it takes effect are two dated facts: "voted on
 * Friday to ban ... from next month" is the vote (Friday) and the ban (next
 * month), "agreed on Thursday to reopen ... starting on Monday" the agreement
 * and the reopening; a month beside a day that opens nothing stays folded
 * into the day. */
TEST(timeline_decision_and_taking_effect)
{
    /* published Mon 2026-09-14 */
    static const precis_article a[] = {
        ART("t", "Lindow Daily", "Quay ban", "2026-09-14",
            "The council voted on Friday to ban fertiliser storage on the quay from next month.\n\n"
            "The harbour board agreed on Thursday to reopen the slipway starting on Monday.\n\n"
            "Crews worked on Saturday to clear the berth this month, the harbour master said."),
    };
    json_t *j = build(a, 1);
    if (!j) return;
    CHECK(timeline_entry(j, "2026-09-11", "voted on Friday") != NULL);
    CHECK(timeline_entry(j, "2026-10", "voted on Friday") != NULL);
    CHECK(timeline_entry(j, "2026-09-10", "agreed on Thursday") != NULL);
    CHECK(timeline_entry(j, "2026-09-14", "agreed on Thursday") != NULL);
    CHECK(timeline_entry(j, "2026-09-12", "Crews worked on Saturday") != NULL);
    CHECK(timeline_entry(j, "2026-09", "Crews worked on Saturday") == NULL);
    json_decref(j);
}

TEST(timeline_two_days_two_entries)
{
    /* published Thu 2026-03-12: two days named, two events; a month beside a day is one */
    static const precis_article a[] = {
        ART("t", "Kelda Courier", "Moor fire out after four days", "2026-03-12",
            "The fire on Brask moor started on Sunday and was put out by crews on Wednesday.\n\n"
            "The moor had been dry since early February, rangers said on Monday."),
    };
    json_t *j = build(a, 1);
    json_t *tl = json_object_get(j, "timeline");
    int sun = 0, wed = 0, mon = 0, other = 0;
    for (size_t i = 0; i < json_array_size(tl); i++) {
        const char *d = sget(json_array_get(tl, i), "date");
        if (!d) continue;
        if (!strcmp(d, "2026-03-08")) sun++;
        else if (!strcmp(d, "2026-03-11")) wed++;
        else if (!strcmp(d, "2026-03-09")) mon++;
        else other++, fprintf(stderr, "  entry on %s\n", d);
    }
    CHECK(sun == 1);
    CHECK(wed == 1);
    CHECK(mon == 1);
    CHECK(other == 0);
    json_decref(j);
}

TEST(settle_ambiguous_dates)
{
    /* (a) the other articles' unambiguous dates: 11/03/2026 read as 11 March */
    precis_article a[4] = {
        {.id = "a", .date = "2026-03-10"},
        {.id = "b", .date = "2026-11-03", .date_alt = "2026-03-11"},
        {.id = "c", .date = "2026-03-12T07:15:00"},
        {.id = "d", .date = "2026-04-10", .date_alt = "2026-10-04"}, /* 4/10: April nearer */
    };
    CHECK(precis_articles_settle_dates(a, 4) == PRECIS_OK);
    CHECK_STR(a[1].date, "2026-03-11");
    CHECK(a[1].date_alt == NULL);
    CHECK_STR(a[3].date, "2026-04-10");
    CHECK(a[3].date_alt == NULL);
    /* (b) alone: the page's country or language; (c) else month first */
    precis_article b[5] = {
        {.id = "uk", .url = "https://www.thornsett-herald.co.uk/news/1", .date = "2028-10-04", .date_alt = "2028-04-10"},
        {.id = "us", .url = "https://news.example.us/x", .date = "2028-10-04", .date_alt = "2028-04-10"},
        {.id = "site", .site = "peakfm.ie", .date = "2028-10-04", .date_alt = "2028-04-10"},
        {.id = "de", .lang = "de", .date = "2028-10-04", .date_alt = "2028-04-10"},
        {.id = "none", .site = "Peak FM News", .lang = "en", .url = "https://peak.example.com/a",
         .date = "2028-10-04", .date_alt = "2028-04-10"},
    };
    for (size_t i = 0; i < 5; i++) CHECK(precis_articles_settle_dates(&b[i], 1) == PRECIS_OK);
    CHECK_STR(b[0].date, "2028-04-10");
    CHECK_STR(b[1].date, "2028-10-04");
    CHECK_STR(b[2].date, "2028-04-10");
    CHECK_STR(b[3].date, "2028-04-10");
    CHECK_STR(b[4].date, "2028-10-04");
    CHECK(precis_articles_settle_dates(NULL, 0) == PRECIS_OK);
}

/* A site's habit settles its ambiguous dates first: its other pages printed
 * "29/05/2018" or "Wed, 03/04/2024" (date_order +1, day first) or
 * "5/29/2018" (-1), by site or by the URL's host; a tie or no such page
 * falls back to the nearest dates. */
TEST(settle_by_site_order)
{
    precis_article a[4] = {
        {.id = "ev", .site = "Orlen Ledger", .date = "2024-04-03", .date_order = 1},
        {.id = "near", .site = "Brede Mercury", .date = "2024-05-03"},
        {.id = "amb", .site = "orlen ledger", .date = "2024-05-04", .date_alt = "2024-04-05"},
        {.id = "other", .site = "Brede Mercury", .date = "2024-05-04", .date_alt = "2024-04-05"},
    };
    CHECK(precis_articles_settle_dates(a, 4) == PRECIS_OK);
    CHECK_STR(a[2].date, "2024-04-05"); /* the site prints the day first */
    CHECK_STR(a[3].date, "2024-05-04"); /* no habit known: the nearest date */
    precis_article b[4] = {
        {.id = "u1", .url = "https://www.kessel-tribune.example/a", .date = "2024-04-03", .date_order = -1},
        {.id = "u2", .url = "http://kessel-tribune.example/b", .date = "2024-03-04", .date_order = -1},
        {.id = "u3", .url = "https://kessel-tribune.example/c", .date = "2024-05-04", .date_alt = "2024-04-05"},
        {.id = "u4", .date = "2024-04-06"},
    };
    CHECK(precis_articles_settle_dates(b, 4) == PRECIS_OK);
    CHECK_STR(b[2].date, "2024-05-04"); /* month first by habit, though April 5 is nearer */
    precis_article c[3] = { /* a tie: the nearest date decides */
        {.id = "t1", .site = "Orlen Ledger", .date = "2024-04-03", .date_order = 1},
        {.id = "t2", .site = "Orlen Ledger", .date = "2024-05-02", .date_order = -1},
        {.id = "t3", .site = "Orlen Ledger", .date = "2024-05-04", .date_alt = "2024-04-05"},
    };
    CHECK(precis_articles_settle_dates(c, 3) == PRECIS_OK);
    CHECK_STR(c[2].date, "2024-05-04");
}

TEST(render_refuses_invalid_sources)
{
    static const char *const bad[] = {
        "{\"sources\":[{\"id\":\"a\"},],\"headline\":\"h\"}",      /* trailing comma */
        "{\"sources\":[{\"id\":\"a\"}},\"headline\":\"h\"}",       /* closed by a brace */
        "{\"sources\":[{\"id\":\"a\"} {\"id\":\"b\"}],\"headline\":\"h\"}", /* no comma */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *out = NULL;
        size_t n = 0;
        CHECK(precis_story_render(bad[i], strlen(bad[i]), PRECIS_STORY_TEXT, 1, &out, &n) == PRECIS_EPARSE);
        free(out);
    }
    static const char good[] = "{\"sources\":[ {\"id\":\"a\"} , {\"id\":\"b\"} ],\"headline\":\"h\"}";
    char *out = NULL;
    size_t n = 0;
    CHECK(precis_story_render(good, sizeof good - 1, PRECIS_STORY_TEXT, 1, &out, &n) == PRECIS_OK);
    CHECK(out && strstr(out, "[2] b"));
    free(out);
}

/* A sentence's own event is its date: not the day the news was told ("...,
 * the council said on Monday", listed twice before, once per day), nor a day
 * a possessive names ("after Monday's fire", a false date conflict with the
 * other report's "on Tuesday" before). Published Wed 2025-03-05. */
TEST(timeline_day_of_telling_and_possessive_are_aside)
{
    static const precis_article a[] = {
        ART("a", "Brennock Voice", "Fire families go home", "2025-03-05",
            "Residents evacuated after Monday's fire at the Harwick plant were allowed to return home "
            "on Tuesday afternoon, the mayor said.\n\n"
            "The Harwick bridge will reopen to traffic on Thursday after repairs, the council said on Monday."),
        ART("b", "Valley Herald", "Residents return after plant fire", "2025-03-05",
            "Residents evacuated from homes near the Harwick plant were allowed to return home on Tuesday "
            "afternoon after air tests.\n\n"
            "The council said the Harwick bridge will reopen to traffic on Thursday after repairs."),
    };
    json_t *j = build(a, 2);
    if (!j) return;
    json_t *tl = json_object_get(j, "timeline"), *e;
    size_t i, bridge = 0, monday = 0;
    json_array_foreach(tl, i, e)
    {
        const char *t = sget(e, "text"), *d = sget(e, "date");
        if (t && strstr(t, "bridge")) bridge++;
        if (d && !strcmp(d, "2025-03-03")) monday++, fprintf(stderr, "  entry on Monday: %s\n", t);
    }
    CHECK(bridge == 1);
    CHECK(monday == 0);
    json_t *thu = timeline_entry(j, "2025-03-06", "bridge");
    CHECK(thu != NULL);
    if (thu) CHECK(json_array_size(json_object_get(thu, "sources")) == 2);
    json_t *tue = timeline_entry(j, "2025-03-04", "return home");
    CHECK(tue != NULL);
    if (tue) CHECK(json_array_size(json_object_get(tue, "sources")) == 2);
    CHECK(find_conflict(j, "date") == NULL);
    json_decref(j);
}

/* A yearless wire dateline ("BRENNOCK, March 3 (Northern Wire) -") dates an
 * undated report when the story's other sources (or its own printed dates)
 * give the year, and says so; with no evidence the report stays undated and
 * says why. Before, it was undated and silent (dates7, defect 4). */
TEST(yearless_wire_dateline)
{
    static const precis_article a[] = {
        ART("w", "Northern Wire", NULL, NULL,
            "BRENNOCK, March 3 (Northern Wire) - A fire at the Harwick chemicals plant in Brennock on Monday "
            "forced the evacuation of about 1,500 people, officials said."),
        ART("v", "Valley Herald", "Fire at Harwick plant", "2025-03-04",
            "A fire at the Harwick chemicals plant in Brennock on Monday forced about 1,500 people from "
            "their homes, officials said."),
    };
    json_t *j = build(a, 2);
    if (!j) return;
    json_t *src = json_array_get(json_object_get(j, "sources"), 0);
    CHECK_STR(sget(src, "date"), "2025-03-03");
    CHECK(sget(src, "date_note") && strstr(sget(src, "date_note"), "BRENNOCK, March 3"));
    json_t *mon = timeline_entry(j, "2025-03-03", "fire");
    CHECK(mon != NULL);
    if (mon) CHECK(json_array_size(json_object_get(mon, "sources")) == 2);
    json_decref(j);
    /* alone, with a printed date in its text: that year */
    static const precis_article b1[] = {
        ART("w", "Northern Wire", NULL, NULL,
            "BRENNOCK, March 3 (Northern Wire) - A fire at the Harwick chemicals plant in Brennock on Monday "
            "forced the evacuation of about 1,500 people, officials said.\n\n"
            "The plant was last inspected on Feb. 20, 2025, the company said."),
    };
    j = build(b1, 1);
    if (!j) return;
    src = json_array_get(json_object_get(j, "sources"), 0);
    CHECK_STR(sget(src, "date"), "2025-03-03");
    json_decref(j);
    /* alone, nothing to go by: undated, and said */
    static const precis_article c1[] = {
        ART("w", "Northern Wire", NULL, NULL,
            "BRENNOCK, March 3 (Northern Wire) - A fire at the Harwick chemicals plant in Brennock on Monday "
            "forced the evacuation of about 1,500 people, officials said."),
    };
    j = build(c1, 1);
    if (!j) return;
    src = json_array_get(json_object_get(j, "sources"), 0);
    CHECK(json_is_null(json_object_get(src, "date")));
    CHECK(sget(src, "date_note") && strstr(sget(src, "date_note"), "no year"));
    json_decref(j);
}

/* An entry merged from two reports is uncertain when either printed a
 * weekday that is not the date's, not only when its head did (defect 7). */
TEST(merged_entry_keeps_uncertain)
{
    static const precis_article a[] = {
        ART("a", "Orlen Ledger", "Crane falls at Orlen docks", "2018-05-31",
            "A crane collapsed at the Orlen docks on Wednesday, May 30, 2018, injuring two dock workers."),
        ART("b", "Harbour Times", "Orlen crane collapse", "2018-05-31",
            "Two dock workers were hurt when a crane collapsed at the Orlen docks on Tuesday, May 30, 2018, "
            "the port authority said in a statement."),
    };
    json_t *j = build(a, 2);
    if (!j) return;
    json_t *e = timeline_entry(j, "2018-05-30", "crane");
    CHECK(e != NULL);
    if (e) {
        CHECK(json_array_size(json_object_get(e, "sources")) == 2);
        CHECK(sget(e, "uncertain") && strstr(sget(e, "uncertain"), "Tuesday"));
    }
    json_decref(j);
}

int main(void)
{
    RUN(story_has_the_design_fields);
    RUN(render_markdown_links_escaped);
    RUN(copies_are_grouped_not_lost);
    RUN(headline_is_one_of_the_titles);
    RUN(headline_without_titles_is_a_lead_sentence);
    RUN(timeline_resolves_relative_days_per_article);
    RUN(coverage_finds_conflicting_figures_and_dates);
    RUN(coverage_unique_facts_and_omissions);
    RUN(coverage_total_and_part_are_no_conflict);
    RUN(no_usable_article_is_eempty);
    RUN(quantities_with_units);
    RUN(render_sources_and_quotes);
    RUN(reports_past_the_cap_are_listed_not_analysed);
    RUN(story_info_matches_the_json);
    RUN(two_thousand_copies_are_one_report);
    RUN(unique_facts_rank_facts_before_quotes);
    RUN(timeline_leaves_since_background_out);
    RUN(timeline_telling_day_gives_way_to_a_later_month);
    RUN(timeline_relative_clauses_and_short_dated_sentences);
    RUN(render_summary_says_what_sources_differ_on);
    RUN(render_coverage_counts_unlisted_unique_facts);
    RUN(render_refuses_invalid_sources);
    RUN(settle_ambiguous_dates);
    RUN(settle_by_site_order);
    RUN(timeline_two_days_two_entries);
    RUN(timeline_decision_and_taking_effect);
    RUN(timeline_day_of_telling_and_possessive_are_aside);
    RUN(yearless_wire_dateline);
    RUN(merged_entry_keeps_uncertain);
    RUN(entities_skip_debris_sentences);
    return test_done();
}
