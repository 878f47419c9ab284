/* Unit tests for precis_articles_read (src/story/input.c): format sniffing,
 * JSONL objects and clusters, HTML, pasted text, WARC, gzip, limits, bad parts. */
#include "story/story.h"
#include "test.h"

#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#define MAXA 16

typedef struct got {
    size_t n, n_bad;
    char id[MAXA][128], title[MAXA][128], date[MAXA][64], url[MAXA][128], site[MAXA][64], author[MAXA][64];
    char *text[MAXA];
    char bad[MAXA][256];
} got;

static void cp(char *dst, size_t cap, const char *s) { snprintf(dst, cap, "%s", s ? s : "(null)"); }

static precis_status on_article(void *user, const precis_article *a)
{
    got *g = user;
    if (g->n < MAXA) {
        cp(g->id[g->n], sizeof g->id[0], a->id);
        cp(g->title[g->n], sizeof g->title[0], a->title);
        cp(g->date[g->n], sizeof g->date[0], a->date);
        cp(g->url[g->n], sizeof g->url[0], a->url);
        cp(g->site[g->n], sizeof g->site[0], a->site);
        cp(g->author[g->n], sizeof g->author[0], a->author);
        g->text[g->n] = strndup(a->text, a->text_len);
    }
    g->n++;
    return PRECIS_OK;
}

static void on_bad(void *user, const char *msg)
{
    got *g = user;
    if (g->n_bad < MAXA) cp(g->bad[g->n_bad], sizeof g->bad[0], msg);
    g->n_bad++;
}

static void got_free(got *g)
{
    for (size_t i = 0; i < g->n && i < MAXA; i++) free(g->text[i]);
}

static precis_status read_mem(precis_ctx *ctx, const char *data, got *g)
{
    memset(g, 0, sizeof *g);
    return pst_articles_read_mem(ctx, "feed.jsonl", data, strlen(data), on_article, on_bad, g);
}

TEST(jsonl_articles_fields_and_ids)
{
    precis_ctx *ctx = precis_new(NULL);
    got g;
    precis_status st = read_mem(ctx,
        "{\"id\":\"a1\",\"text\":\"The Dunmore council approved the new harbour wall on Monday.\","
        "\"title\":\"Harbour wall approved\",\"date\":\"Tue, May 29, 2018\",\"url\":\"https://dunmore.example/a1\","
        "\"site\":\"Dunmore Post\",\"author\":\"Ines Varga\"}\n"
        "\n"
        "{\"text\":\"Second article without an id, about the Kestrel Valley floods.\"}\n"
        "{\"id\":42,\"text\":\"Numbered ids are kept as numbers.\",\"date\":\"2018-05-30T10:00:00+02:00\"}\n",
        &g);
    CHECK(st == PRECIS_OK);
    CHECK(g.n == 3);
    CHECK(g.n_bad == 0);
    CHECK_STR(g.id[0], "a1");
    CHECK_STR(g.title[0], "Harbour wall approved");
    CHECK_STR(g.date[0], "2018-05-29");
    CHECK_STR(g.url[0], "https://dunmore.example/a1");
    CHECK_STR(g.site[0], "Dunmore Post");
    CHECK_STR(g.author[0], "Ines Varga");
    CHECK_STR(g.id[1], "feed.jsonl:3");
    CHECK_STR(g.date[1], "(null)");
    CHECK_STR(g.id[2], "42");
    CHECK_STR(g.date[2], "2018-05-30T10:00:00+02:00");
    got_free(&g);
    precis_free(ctx);
}

TEST(bad_lines_are_named_and_skipped)
{
    precis_ctx *ctx = precis_new(NULL);
    got g;
    precis_status st = read_mem(ctx,
        "{\"id\":\"ok1\",\"text\":\"A good article about the Orrin bridge.\"}\n"
        "{\"id\":\"broken\",\"text\":\n"
        "[1,2,3]\n"
        "{\"id\":\"empty\",\"text\":\"   \"}\n"
        "{\"id\":\"notext\",\"title\":\"Only a title\"}\n"
        "{\"id\":\"ok2\",\"text\":\"Another good article about the Orrin bridge.\"}\n",
        &g);
    CHECK(st == PRECIS_EPARSE);
    CHECK(g.n == 2);
    CHECK(g.n_bad == 4);
    CHECK_STR(g.id[1], "ok2");
    CHECK(strncmp(g.bad[0], "feed.jsonl:2: invalid JSON", 26) == 0);
    CHECK(strncmp(g.bad[1], "feed.jsonl:3: expected a JSON object", 36) == 0);
    CHECK(strstr(g.bad[2], "feed.jsonl:4: empty: empty article") != NULL);
    CHECK(strstr(g.bad[3], "feed.jsonl:5: article object has no \"text\" or \"html\" string") != NULL);
    got_free(&g);
    precis_free(ctx);
}

TEST(clusters_give_one_article_per_document)
{
    precis_ctx *ctx = precis_new(NULL);
    got g;
    precis_status st = read_mem(ctx,
        "{\"id\":7,\"documents\":[\"First source on the Velm strike.\",{\"id\":\"x\",\"text\":\"Second source.\"},\"\"]}\n",
        &g);
    CHECK(st == PRECIS_OK); /* the empty third document is named, not a failure */
    CHECK(g.n == 2);
    CHECK_STR(g.id[0], "7#1");
    CHECK_STR(g.id[1], "x");
    CHECK(g.n_bad == 1 && strstr(g.bad[0], "7#3") != NULL);
    got_free(&g);
    precis_free(ctx);
}

TEST(html_object_is_extracted)
{
    precis_ctx *ctx = precis_new(NULL);
    got g;
    precis_status st = read_mem(ctx,
        "{\"id\":\"h\",\"url\":\"https://tarn.example/n/1\",\"html\":\"<html><head><title>Tarn mill closes</title>"
        "<meta property='article:published_time' content='2031-02-03T09:00:00Z'></head><body><article>"
        "<h1>Tarn mill closes</h1><p>The last paper mill in the Tarn valley closed on Friday after "
        "ninety years, its owners said, leaving two hundred workers without a job.</p><p>The town "
        "council said it would ask the region for help to retrain the workers and to find a buyer.</p>"
        "</article></body></html>\"}\n",
        &g);
    CHECK(st == PRECIS_OK);
    CHECK(g.n == 1);
    CHECK_STR(g.title[0], "Tarn mill closes");
    CHECK(strncmp(g.date[0], "2031-02-03", 10) == 0);
    CHECK_STR(g.url[0], "https://tarn.example/n/1");
    CHECK(g.n && strstr(g.text[0], "last paper mill") != NULL && !strstr(g.text[0], "<p>"));
    got_free(&g);
    precis_free(ctx);
}

TEST(pasted_text_is_cleaned)
{
    precis_ctx *ctx = precis_new(NULL);
    got g;
    precis_status st = read_mem(ctx,
        "Skip to main content\n"
        "Home | World | Sport | Weather\n"
        "Flood barrier opens in Marlow Cove\n"
        "By Tobias Wren\n"
        "Published: 12 March 2031\n"
        "The new flood barrier in Marlow Cove opened on Wednesday after four years of building work, "
        "the county council said.\n"
        "Engineers say the barrier will protect about 3,000 homes from the winter storms that flooded "
        "the harbour twice in the last decade.\n"
        "Share this article\n"
        "Subscribe to our newsletter\n",
        &g);
    CHECK(st == PRECIS_OK);
    CHECK(g.n == 1);
    CHECK_STR(g.id[0], "feed.jsonl");
    CHECK_STR(g.title[0], "Flood barrier opens in Marlow Cove");
    CHECK_STR(g.date[0], "2031-03-12");
    CHECK(g.n && strstr(g.text[0], "new flood barrier") && !strstr(g.text[0], "newsletter"));
    got_free(&g);
    precis_free(ctx);
}

TEST(one_long_line_is_used_as_is)
{
    precis_ctx *ctx = precis_new(NULL);
    got g;
    /* No line structure: not for the line cleaner (it would judge lines that are not page elements). */
    precis_status st = read_mem(ctx, "Share this article. The harbour reopened on Monday.", &g);
    CHECK(st == PRECIS_OK);
    CHECK(g.n == 1 && strcmp(g.text[0], "Share this article. The harbour reopened on Monday.") == 0);
    got_free(&g);
    precis_free(ctx);
}

TEST(html_page_and_nothing)
{
    precis_ctx *ctx = precis_new(NULL);
    got g;
    precis_status st = read_mem(ctx, "<!doctype html><html><body><nav>Home</nav></body></html>", &g);
    CHECK(st == PRECIS_EEMPTY); /* read fine, no article: not a refusal */
    CHECK(g.n == 0 && g.n_bad == 1 && strstr(g.bad[0], "no article found") != NULL);
    st = read_mem(ctx, "   \n\n", &g);
    CHECK(st == PRECIS_EPARSE || st == PRECIS_EEMPTY);
    CHECK(g.n == 0);
    st = read_mem(ctx, "", &g);
    CHECK(g.n == 0 && st != PRECIS_OK);
    precis_free(ctx);
}

TEST(non_utf8_is_repaired)
{
    precis_ctx *ctx = precis_new(NULL);
    got g;
    precis_status st = read_mem(ctx, "{\"id\":\"l1\",\"text\":\"Caf\xe9 owners in Brell protest.\"}\n", &g);
    CHECK(st == PRECIS_OK);
    CHECK(g.n == 1 && strcmp(g.text[0], "Caf\xEF\xBF\xBD owners in Brell protest.") == 0);
    got_free(&g);
    precis_free(ctx);
}

TEST(line_and_article_limits)
{
    precis_options o = {0};
    o.limits.max_line_bytes = 200;
    o.limits.max_article_bytes = 60;
    precis_ctx *ctx = precis_new(&o);
    got g;
    char big[600];
    memset(big, 'x', sizeof big);
    memcpy(big, "{\"text\":\"", 9);
    memcpy(big + sizeof big - 3, "\"}\n", 3);
    char data[2000];
    snprintf(data, sizeof data,
             "{\"id\":\"a\",\"text\":\"Short enough.\"}\n%.*s"
             "{\"id\":\"b\",\"text\":\"This text is well over the sixty-byte limit set for this test.\"}\n"
             "{\"id\":\"c\",\"text\":\"Fine again.\"}\n",
             (int)sizeof big, big);
    {
        precis_status st = read_mem(ctx, data, &g);
        CHECK(st == PRECIS_ELIMIT);
    }
    CHECK(g.n == 2);
    CHECK_STR(g.id[0], "a");
    CHECK_STR(g.id[1], "c");
    CHECK(g.n_bad == 2);
    CHECK(strstr(g.bad[0], "feed.jsonl:2: line of 599 bytes is over the 200-byte limit") != NULL);
    CHECK(strstr(g.bad[1], "feed.jsonl:3: b: article of") != NULL);
    got_free(&g);
    precis_free(ctx);
}

TEST(files_gzip_warc_and_errors)
{
    precis_ctx *ctx = precis_new(NULL);
    char path[] = "/tmp/precis_articles_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    gzFile gz = gzopen(path, "wb");
    gzputs(gz, "{\"id\":\"z1\",\"text\":\"Compressed article about the Selby tram.\"}\n");
    gzclose(gz);
    got g;
    memset(&g, 0, sizeof g);
    CHECK(precis_articles_read(ctx, path, on_article, on_bad, &g) == PRECIS_OK);
    CHECK(g.n == 1 && strcmp(g.id[0], "z1") == 0);
    got_free(&g);
    unlink(path);

    memset(&g, 0, sizeof g);
    precis_status st = precis_articles_read(ctx, "fuzz/corpus/warc/one.warc", on_article, on_bad, &g);
    CHECK(st == PRECIS_OK);
    CHECK(g.n == 1);
    CHECK_STR(g.id[0], "fuzz/corpus/warc/one.warc#1");
    CHECK_STR(g.url[0], "http://x.example/");
    got_free(&g);

    memset(&g, 0, sizeof g);
    st = precis_articles_read(ctx, "/nonexistent/precis/x.jsonl", on_article, on_bad, &g);
    CHECK(st == PRECIS_EIO);
    CHECK(strstr(precis_errmsg(ctx), "/nonexistent/precis/x.jsonl: cannot open") != NULL);
    st = precis_articles_read(ctx, "tests", on_article, on_bad, &g);
    CHECK(st == PRECIS_EIO);
    precis_free(ctx);
}

static precis_status stop_after_one(void *user, const precis_article *a)
{
    (void)a;
    (*(int *)user)++;
    return PRECIS_EINVAL;
}

TEST(callback_status_stops_reading)
{
    precis_ctx *ctx = precis_new(NULL);
    int n = 0;
    const char *d = "{\"text\":\"one\"}\n{\"text\":\"two\"}\n";
    CHECK(pst_articles_read_mem(ctx, "x", d, strlen(d), stop_after_one, NULL, &n) == PRECIS_EINVAL);
    CHECK(n == 1);
    precis_free(ctx);
}

int main(void)
{
    RUN(jsonl_articles_fields_and_ids);
    RUN(bad_lines_are_named_and_skipped);
    RUN(clusters_give_one_article_per_document);
    RUN(html_object_is_extracted);
    RUN(pasted_text_is_cleaned);
    RUN(one_long_line_is_used_as_is);
    RUN(html_page_and_nothing);
    RUN(non_utf8_is_repaired);
    RUN(line_and_article_limits);
    RUN(files_gzip_warc_and_errors);
    RUN(callback_status_stops_reading);
    return test_done();
}
