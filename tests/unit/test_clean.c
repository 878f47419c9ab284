/* Tests for the plain-text cleaner (src/clean). Texts are invented. */
#include "test.h"
#include "clean/clean.h"

#include <stdlib.h>

static precis_status clean_str(const char *text, pt_article *a)
{
    pcl_options o;
    pcl_options_init(&o);
    pt_article_init(a);
    return pcl_clean(text, strlen(text), &o, a, NULL);
}

static bool removed_as(const pt_article *a, const char *line_start, const char *cls)
{
    for (size_t i = 0; i < a->n_removed; i++)
        if (strncmp(a->removed[i].line, line_start, strlen(line_start)) == 0)
            return strcmp(a->removed[i].cls, cls) == 0;
    return false;
}

static const char *ARTICLE_EN =
    "Skip to content\n"
    "Home | World | Business | Sport\n"
    "Published: Wed, March 4, 2020\n"
    "By Olive Marsh\n"
    "\n"
    "Harbour Town Votes To Rebuild Its Old Sea Wall\n"
    "\n"
    "The council of the small harbour town voted on Tuesday to rebuild the sea wall that "
    "protected the old quarter for more than a century, ending a dispute that had lasted years.\n"
    "\n"
    "Engineers said the new wall would be two metres higher and would be finished before the "
    "winter storms of next year, if the money from the regional fund arrives in time.\n"
    "\n"
    "Fishermen at the quay were relieved. \"We have waited long enough for this,\" said one of "
    "them, who has worked in the harbour since he was a boy.\n"
    "\n"
    "Share this:\n"
    "Subscribe to our newsletter\n"
    "0 $\n"
    "1,000 $\n";

TEST(english_article)
{
    pt_article a;
    CHECK(clean_str(ARTICLE_EN, &a) == PRECIS_OK);
    CHECK_STR(a.title, "Harbour Town Votes To Rebuild Its Old Sea Wall");
    CHECK_STR(a.date, "2020-03-04");
    CHECK_STR(a.author, "Olive Marsh");
    CHECK_STR(a.lang, "en");
    CHECK(a.text && strncmp(a.text, "The council of the small harbour", 32) == 0);
    CHECK(a.text && strstr(a.text, "since he was a boy.") != NULL);
    CHECK(a.text && strstr(a.text, "Share") == NULL);
    CHECK(a.text && strstr(a.text, "Harbour Town Votes") == NULL); /* title once, not in text */
    CHECK(removed_as(&a, "Skip to content", "navigation"));
    CHECK(removed_as(&a, "Home | World", "navigation"));
    CHECK(removed_as(&a, "Published:", "dateline"));
    CHECK(removed_as(&a, "By Olive", "byline"));
    CHECK(removed_as(&a, "Share this:", "social"));
    CHECK(removed_as(&a, "Subscribe", "promotion"));
    CHECK(removed_as(&a, "1,000 $", "ticker"));
    pt_article_free(&a);
}

TEST(only_debris_is_empty)
{
    pt_article a;
    CHECK(clean_str("Home\nShare this:\nSubscribe now\n0 $\n", &a) == PRECIS_EEMPTY);
    CHECK(a.text_len == 0);
    CHECK(a.n_removed == 4);
    pt_article_free(&a);
    CHECK(clean_str("", &a) == PRECIS_EEMPTY);
    pt_article_free(&a);
}

TEST(size_caps)
{
    pcl_options o;
    pcl_options_init(&o);
    o.max_article_bytes = 10;
    pt_article a;
    pt_article_init(&a);
    pc_error err;
    CHECK(pcl_clean("0123456789ABC", 13, &o, &a, &err) == PRECIS_ELIMIT);
    CHECK(strstr(err.msg, "limit") != NULL);
    pt_article_free(&a);
    pcl_options_init(&o);
    o.max_line_bytes = 4;
    pt_article_init(&a);
    CHECK(pcl_clean("ab\nabcdef\n", 10, &o, &a, &err) == PRECIS_ELIMIT);
    pt_article_free(&a);
}

int main(void)
{
    RUN(english_article);
    RUN(only_debris_is_empty);
    RUN(size_caps);
    return test_done();
}
