/* Unit tests for src/rouge: hand-made cases for each rule of ROUGE-1.5.5 that
 * precis eval rouge re-implements. */
#include "rouge/rouge.h"
#include "test.h"

#include <stdlib.h>

/* ---- helpers ------------------------------------------------------------- */

typedef struct toks {
    char buf[512];
    size_t len;
} toks;

static void join_token(void *user, const char *s, size_t n)
{
    toks *t = user;
    if (t->len) t->buf[t->len++] = '|';
    memcpy(t->buf + t->len, s, n);
    t->len += n;
    t->buf[t->len] = '\0';
}

static const char *tokens_of(toks *t, const char *s)
{
    t->len = 0;
    t->buf[0] = '\0';
    pr_tokenize(s, strlen(s), join_token, t);
    return t->buf;
}

static const char *stem(const char *w)
{
    static char out[128];
    pr_porter_stem(w, strlen(w), out);
    return out;
}

static const char *morph(const char *w)
{
    static char out[128];
    pr_morph_stem(w, strlen(w), out, sizeof out);
    return out;
}

/* Pieces after truncation, joined with '|'. */
static const char *pieces_of(const char *text, long words, long bytes, pr_read_mode mode)
{
    static char out[512];
    pc_arena a;
    pc_arena_init(&a);
    pr_piece *p;
    size_t n;
    out[0] = '\0';
    if (pr_truncate(&a, text, strlen(text), words, bytes, mode, &p, &n) == PRECIS_OK) {
        size_t len = 0;
        for (size_t i = 0; i < n; i++) {
            if (i) out[len++] = '|';
            memcpy(out + len, p[i].s, p[i].n);
            len += p[i].n;
        }
        out[len] = '\0';
    }
    pc_arena_reset(&a);
    return out;
}

static precis_rouge *eval_one_w(const precis_rouge_options *o, const char *peer, const char *ref)
{
    precis_rouge *r = NULL;
    if (precis_rouge_new(o, &r) != PRECIS_OK) return r;
    precis_rouge_add_reference(r, "t1", ref, strlen(ref), "ref");
    precis_rouge_add_summary(r, "sys", "t1", peer, strlen(peer), "peer");
    precis_rouge_run(r);
    return r;
}

/* ---- tokens and truncation ---------------------------------------------------- */

TEST(tokenizer_keeps_ascii_letters_and_digits)
{
    toks t;
    CHECK_STR(tokens_of(&t, "hun sen's u.s.-backed co-op, 1998!"), "hun|sen|s|u|s|backed|co|op|1998");
    CHECK_STR(tokens_of(&t, "caf\xc3\xa9 na\xefve $5"), "caf|na|ve|5"); /* bytes >= 0x80 split */
    CHECK_STR(tokens_of(&t, " -- ... "), "");
}

TEST(perl_split_counts_leading_empty_field)
{
    CHECK(pr_perl_split_count("a b  c", 6) == 3);
    CHECK(pr_perl_split_count(" a b", 4) == 3); /* split /\s+/ keeps a leading "" */
    CHECK(pr_perl_split_count("a b \t", 5) == 2); /* trailing empties dropped */
    CHECK(pr_perl_split_count("   ", 3) == 0);
    CHECK(pr_perl_split_count("", 0) == 0);
    CHECK(pr_perl_split_count("a\rb\x0b" "c", 5) == 3);
}

TEST(word_limit_cuts_the_sentence_that_reaches_it)
{
    const char *text = "one two three\n\nfour, five six\nseven\n";
    CHECK_STR(pieces_of(text, 0, 0, PR_READ_JOINED), "one two three|four, five six|seven");
    CHECK_STR(pieces_of(text, 5, 0, PR_READ_JOINED), "one two three|four, five");
    CHECK_STR(pieces_of(text, 3, 0, PR_READ_JOINED), "one two three");
    CHECK_STR(pieces_of(text, 7, 0, PR_READ_JOINED), "one two three|four, five six|seven");
    CHECK_STR(pieces_of(text, 5, 0, PR_READ_LCS), "one two three|four, five");
    /* Fields are whitespace-separated raw words: punctuation counts as one. */
    CHECK_STR(pieces_of("a - b c\n", 3, 0, PR_READ_JOINED), "a - b");
    /* A leading blank is an empty first field. */
    CHECK_STR(pieces_of("  a b c\n", 2, 0, PR_READ_JOINED), " a");
}

TEST(byte_limit_and_the_lcs_reader_quirk)
{
    const char *text = "abcdef\nghi\njk\n";
    CHECK_STR(pieces_of(text, 0, 8, PR_READ_JOINED), "abcdef|gh");
    CHECK_STR(pieces_of(text, 0, 6, PR_READ_JOINED), "abcdef");
    CHECK_STR(pieces_of(text, 0, 4, PR_READ_JOINED), "abcd");
    /* readText_LCS never advances its byte count: each sentence is compared
     * with the limit on its own. */
    CHECK_STR(pieces_of(text, 0, 8, PR_READ_LCS), "abcdef|ghi|jk");
    CHECK_STR(pieces_of(text, 0, 3, PR_READ_LCS), "abc");
    /* only '\n' ends a line; '\r' stays (and is a separator later) */
    CHECK_STR(pieces_of("ab\r\ncd", 0, 0, PR_READ_JOINED), "ab\r|cd");
}

/* ---- stemming and word lists --------------------------------------------------- */

TEST(porter_classic_cases)
{
    CHECK_STR(stem("caresses"), "caress");
    CHECK_STR(stem("ponies"), "poni");
    CHECK_STR(stem("cats"), "cat");
    CHECK_STR(stem("feed"), "feed");
    CHECK_STR(stem("agreed"), "agre");
    CHECK_STR(stem("plastered"), "plaster");
    CHECK_STR(stem("motoring"), "motor");
    CHECK_STR(stem("sing"), "sing");
    CHECK_STR(stem("conflated"), "conflat");
    CHECK_STR(stem("hopping"), "hop");
    CHECK_STR(stem("falling"), "fall");
    CHECK_STR(stem("filing"), "file");
    CHECK_STR(stem("happy"), "happi");
    CHECK_STR(stem("relational"), "relat");
    CHECK_STR(stem("rational"), "ration");
    CHECK_STR(stem("generalization"), "gener");
    CHECK_STR(stem("hopefulness"), "hope");
    CHECK_STR(stem("adjustment"), "adjust");
    CHECK_STR(stem("controlling"), "control");
    CHECK_STR(stem("rolling"), "roll");
    CHECK_STR(stem("elections"), "elect");
    CHECK_STR(stem("yelling"), "yell");   /* a leading y is a consonant */
    CHECK_STR(stem("syzygy"), "syzygi");
}

TEST(porter_rouge_variant_step4)
{
    /* ROUGE-1.5.5 tries -ment and -ent again after -ement failed: the
     * original algorithm leaves "agreement" alone. */
    CHECK_STR(stem("agreement"), "agreem");
    CHECK_STR(stem("replacement"), "replac");
    CHECK_STR(stem("dependent"), "depend");
}

TEST(morph_stem_rules)
{
    CHECK_STR(morph("geese"), "goose");     /* WordNet exception first */
    CHECK_STR(morph("children"), "child");
    CHECK_STR(morph("better"), "well");
    CHECK_STR(morph("went"), "go");
    CHECK_STR(morph("goose"), "goos"); /* a base form is not stemmed further: geese != goose */
    CHECK_STR(morph("ties"), "ti");         /* not an exception: Porter */
    CHECK_STR(morph("was"), "was");         /* 3 characters or less: untouched */
    CHECK_STR(morph("ran"), "ran");
    CHECK_STR(morph("cats"), "cat");
}

TEST(word_lists)
{
    CHECK(pr_n_stopwords > 500);
    CHECK(pr_n_exceptions > 5000);
    for (size_t i = 1; i < pr_n_stopwords; i++) CHECK(strcmp(pr_stopwords[i - 1], pr_stopwords[i]) < 0);
    for (size_t i = 1; i < pr_n_exceptions; i++)
        CHECK(strcmp(pr_exceptions[i - 1].form, pr_exceptions[i].form) < 0);
    CHECK(pr_is_stopword("the", 3));
    CHECK(pr_is_stopword("reuters", 7));
    CHECK(!pr_is_stopword("hun", 3));
    CHECK(!pr_is_stopword("abou", 4)); /* a prefix of "about" */
    CHECK(pr_exception_base("mice", 4) && !strcmp(pr_exception_base("mice", 4), "mouse"));
    CHECK(pr_exception_base("mic", 3) == NULL);
}

/* ---- counting ----------------------------------------------------------------- */

TEST(ngram_clipped_counts)
{
    pr_vocab *v = pr_vocab_new();
    uint32_t a = pr_vocab_word(v, "a", 1), b = pr_vocab_word(v, "b", 1), c = pr_vocab_word(v, "c", 1);
    CHECK(pr_vocab_word(v, "a", 1) == a);
    uint32_t peer[] = {a, b, a, b, c}, model[] = {a, b, c};
    uint64_t pg[3][5], mg[3][5], *pp[3] = {pg[0], pg[1], pg[2]}, *mp[3] = {mg[0], mg[1], mg[2]};
    size_t pc[3], mc[3];
    uint32_t pre[5];
    CHECK(pr_ngram_levels(v, peer, 5, 3, pp, pc, pre, NULL) == PRECIS_OK);
    CHECK(pr_ngram_levels(v, model, 3, 3, mp, mc, pre, NULL) == PRECIS_OK);
    CHECK(pc[0] == 5 && pc[1] == 4 && pc[2] == 3);
    CHECK(mc[0] == 3 && mc[1] == 2 && mc[2] == 1);
    CHECK(pr_clipped_hits(mg[0], 3, pg[0], 5) == 3); /* a, b, c: clipped to the model's 1 each */
    CHECK(pr_clipped_hits(mg[1], 2, pg[1], 4) == 2); /* "a b" (twice in the peer), "b c" */
    CHECK(pr_clipped_hits(mg[2], 1, pg[2], 3) == 1); /* "a b c" is the peer's last trigram */
    pr_vocab_free(v);
}

TEST(ngram_trigram_match)
{
    pr_vocab *v = pr_vocab_new();
    uint32_t x = pr_vocab_word(v, "x", 1), y = pr_vocab_word(v, "y", 1), z = pr_vocab_word(v, "z", 1);
    uint32_t s1[] = {x, y, z, x}, s2[] = {z, x, y, z};
    uint64_t g1[3][4], g2[3][4], *p1[3] = {g1[0], g1[1], g1[2]}, *p2[3] = {g2[0], g2[1], g2[2]};
    size_t c1[3], c2[3];
    uint32_t pre[4];
    pr_ngram_levels(v, s1, 4, 3, p1, c1, pre, NULL);
    pr_ngram_levels(v, s2, 4, 3, p2, c2, pre, NULL);
    CHECK(pr_clipped_hits(g1[2], c1[2], g2[2], c2[2]) == 1); /* "x y z" */
    CHECK(pr_clipped_hits(g1[1], c1[1], g2[1], c2[1]) == 3); /* "x y", "y z", "z x" */
    pr_vocab_free(v);
}

TEST(ngram_keys_for_large_ids_and_long_grams)
{
    /* Ids too large to pack (>= 2^15 for 4-grams, >= 2^20 for 3-grams) and
     * grams longer than 4 go through interned prefixes: same counts. */
    pr_vocab *v = pr_vocab_new();
    uint32_t big = 1u << 21;
    uint32_t s1[] = {big, 1, 2, 3, 4, 5, big, 1, 2, 3, 4, 5}, s2[] = {7, big, 1, 2, 3, 4, 5};
    enum { N = 6 };
    uint64_t g1[N][12], g2[N][12], *p1[N], *p2[N];
    for (int i = 0; i < N; i++) p1[i] = g1[i], p2[i] = g2[i];
    size_t c1[N], c2[N];
    CHECK(pr_ngram_levels(v, s1, 12, N, p1, c1, NULL, NULL) == PRECIS_OK);
    CHECK(pr_ngram_levels(v, s2, 7, N, p2, c2, NULL, NULL) == PRECIS_OK);
    CHECK(pr_clipped_hits(g1[2], c1[2], g2[2], c2[2]) == 4); /* big12 123 234 345 */
    CHECK(pr_clipped_hits(g1[3], c1[3], g2[3], c2[3]) == 3); /* big123 1234 2345 */
    CHECK(pr_clipped_hits(g1[5], c1[5], g2[5], c2[5]) == 1); /* big12345 */
    uint32_t s3[] = {big, 1, 2, 3, 4, 6};
    uint64_t g3[N][6], *p3[N];
    size_t c3[N];
    for (int i = 0; i < N; i++) p3[i] = g3[i];
    CHECK(pr_ngram_levels(v, s3, 6, N, p3, c3, NULL, NULL) == PRECIS_OK);
    CHECK(pr_clipped_hits(g1[5], c1[5], g3[5], c3[5]) == 0);
    CHECK(pr_clipped_hits(g1[4], c1[4], g3[4], c3[4]) == 1); /* big1234 */
    pr_vocab_free(v);
}

TEST(skip_bigram_counts)
{
    /* 5 tokens, gap 4: all 10 pairs, plus 4 unigrams (not the last token). */
    CHECK(pr_skip_count(5, 4, true) == 14);
    CHECK(pr_skip_count(5, 4, false) == 10);
    CHECK(pr_skip_count(5, 0, false) == 4);
    CHECK(pr_skip_count(5, -1, false) == 10);
    CHECK(pr_skip_count(1, 4, true) == 0);
    uint32_t t[] = {1, 2, 3, 1};
    uint64_t g[16];
    size_t n = pr_skipgrams(t, 4, 1, true, g, NULL);
    CHECK(n == pr_skip_count(4, 1, true));
    CHECK(n == 3 + 5); /* unigrams 1,2,3; pairs 12 13 23 21 31 */
    uint32_t u[] = {3, 1};
    uint64_t h[4];
    size_t m = pr_skipgrams(u, 2, 1, true, h, NULL); /* unigram 3, pair 31 */
    CHECK(m == 2);
    CHECK(pr_clipped_hits(g, n, h, m) == 2);
}

TEST(lcs_union_over_peer_sentences)
{
    pr_lcs_scratch sc = {0};
    uint32_t m1g[8] = {0}, p1g[8] = {0};
    uint32_t model[] = {1, 2, 3, 4};
    size_t msent[] = {0, 4};
    uint32_t peer[] = {1, 3, 2, 4};
    size_t psent[] = {0, 2, 4}; /* two sentences: [1 3] [2 4] */
    for (int i = 0; i < 4; i++) m1g[model[i]]++, p1g[peer[i]]++;
    size_t hits = 0;
    CHECK(pr_lcs_hits(&sc, model, msent, 1, peer, psent, 2, m1g, p1g, 1 << 20, &hits) == PRECIS_OK);
    CHECK(hits == 4); /* LCS [1 3] and [2 4]: their union covers the model sentence */
    /* As one sentence the peer's LCS with the model is only 3 long. */
    size_t one[] = {0, 4};
    memset(m1g, 0, sizeof m1g);
    memset(p1g, 0, sizeof p1g);
    for (int i = 0; i < 4; i++) m1g[model[i]]++, p1g[peer[i]]++;
    CHECK(pr_lcs_hits(&sc, model, msent, 1, peer, one, 1, m1g, p1g, 1 << 20, &hits) == PRECIS_OK);
    CHECK(hits == 3);
    /* A hit is clipped by the unigram counts: token 1 is no longer available. */
    memset(m1g, 0, sizeof m1g);
    memset(p1g, 0, sizeof p1g);
    for (int i = 0; i < 4; i++) m1g[model[i]]++, p1g[peer[i]]++;
    p1g[1] = 0;
    CHECK(pr_lcs_hits(&sc, model, msent, 1, peer, psent, 2, m1g, p1g, 1 << 20, &hits) == PRECIS_OK);
    CHECK(hits == 3);
    pr_lcs_scratch_free(&sc);
}

TEST(lcs_ties_go_up_like_the_script)
{
    /* model [1 2] vs peer [2 1]: both 1-long; the script's moves mark 1. */
    pr_lcs_scratch sc = {0};
    uint32_t model[] = {1, 2}, peer[] = {2, 1};
    size_t s[] = {0, 2};
    uint32_t m1g[4] = {0, 1, 0, 0}, p1g[4] = {0, 1, 1, 0}; /* only token 1 can count */
    size_t hits = 0;
    CHECK(pr_lcs_hits(&sc, model, s, 1, peer, s, 1, m1g, p1g, 1 << 20, &hits) == PRECIS_OK);
    CHECK(hits == 1);
    uint32_t *big = calloc(300, sizeof *big);
    size_t ls[] = {0, 300};
    CHECK(pr_lcs_hits(&sc, big, ls, 1, big, ls, 1, m1g, p1g, 1000, &hits) == PRECIS_ELIMIT);
    free(big);
    pr_lcs_scratch_free(&sc);
}

/* The script's lcs_inner + markLCS, literally: a full table of lengths and
 * moves, then the walk back from the corner. Returns marked model positions. */
static size_t reference_union_lcs(const uint32_t *m, size_t mn, const uint32_t *p,
                                  const size_t *ps, size_t pns)
{
    unsigned char *mask = calloc(mn + 1, 1);
    for (size_t s = 0; s < pns; s++) {
        const uint32_t *q = p + ps[s];
        size_t qn = ps[s + 1] - ps[s];
        int *c = calloc((mn + 1) * (qn + 1), sizeof *c);
        char *b = calloc((mn + 1) * (qn + 1), 1);
        size_t w = qn + 1;
        for (size_t i = 1; i <= mn; i++)
            for (size_t j = 1; j <= qn; j++) {
                if (m[i - 1] == q[j - 1]) c[i * w + j] = c[(i - 1) * w + j - 1] + 1, b[i * w + j] = 'd';
                else if (c[(i - 1) * w + j] >= c[i * w + j - 1]) c[i * w + j] = c[(i - 1) * w + j], b[i * w + j] = 'u';
                else c[i * w + j] = c[i * w + j - 1], b[i * w + j] = 'l';
            }
        size_t i = mn, j = qn;
        while (i && j) {
            if (b[i * w + j] == 'd') mask[--i] = 1, j--;
            else if (b[i * w + j] == 'u') i--;
            else j--;
        }
        free(c);
        free(b);
    }
    size_t n = 0;
    for (size_t i = 0; i < mn; i++) n += mask[i];
    free(mask);
    return n;
}

TEST(lcs_matches_the_literal_algorithm)
{
    /* Random sentences over small alphabets, short (byte table) and long
     * (over 255 tokens), against the literal DP; counts never clip here. */
    pr_lcs_scratch sc = {0};
    uint64_t x = 12345;
    uint32_t m1g[16], p1g[16];
    for (int round = 0; round < 300; round++) {
        size_t mn = 1 + (x = x * 6364136223846793005ULL + 1442695040888963407ULL) % (round % 10 == 0 ? 400 : 40);
        size_t pn = 1 + (x = x * 6364136223846793005ULL + 1442695040888963407ULL) % (round % 10 == 0 ? 400 : 60);
        uint32_t alpha = 2 + (uint32_t)((x >> 33) % 12);
        uint32_t *m = malloc(mn * sizeof *m), *p = malloc(pn * sizeof *p);
        for (size_t i = 0; i < mn; i++) m[i] = (uint32_t)((x = x * 6364136223846793005ULL + 1) >> 40) % alpha;
        for (size_t i = 0; i < pn; i++) p[i] = (uint32_t)((x = x * 6364136223846793005ULL + 1) >> 40) % alpha;
        size_t ps[4] = {0, pn / 3, pn / 2, pn}; /* three peer sentences */
        size_t ms[2] = {0, mn};
        for (int k = 0; k < 16; k++) m1g[k] = p1g[k] = 1000000;
        size_t hits = 0;
        CHECK(pr_lcs_hits(&sc, m, ms, 1, p, ps, 3, m1g, p1g, (size_t)1 << 24, &hits) == PRECIS_OK);
        size_t want = reference_union_lcs(m, mn, p, ps, 3);
        if (hits != want) {
            fprintf(stderr, "  round %d: mn %zu pn %zu: %zu hits, literal %zu\n", round, mn, pn, hits, want);
            CHECK(hits == want);
        }
        free(m);
        free(p);
    }
    pr_lcs_scratch_free(&sc);
}

TEST(wlcs_runs_and_weights)
{
    pr_wlcs_scratch sc = {0};
    uint32_t model[] = {1, 2, 3, 4}, peer[] = {1, 2, 9, 4};
    size_t s[] = {0, 4};
    uint32_t m1g[10] = {0}, p1g[10] = {0};
    for (int i = 0; i < 4; i++) m1g[model[i]]++, p1g[peer[i]]++;
    double hits = 0, base = 0;
    CHECK(pr_wlcs_hits(&sc, model, s, 1, peer, s, 1, m1g, p1g, 2.0, 1 << 20, &hits, &base) == PRECIS_OK);
    CHECK_NEAR(hits, 5.0, 1e-12); /* run "1 2" = 2^2, run "4" = 1^2 */
    CHECK_NEAR(base, 16.0, 1e-12); /* 4^2 */
    /* The script's quirk: a marked token that fails the clip neither counts
     * nor ends the run, so "1" is carried over the gap and joins "4". */
    memset(m1g, 0, sizeof m1g);
    memset(p1g, 0, sizeof p1g);
    for (int i = 0; i < 4; i++) m1g[model[i]]++, p1g[peer[i]]++;
    p1g[2] = 0;
    CHECK(pr_wlcs_hits(&sc, model, s, 1, peer, s, 1, m1g, p1g, 2.0, 1 << 20, &hits, &base) == PRECIS_OK);
    CHECK_NEAR(hits, 4.0, 1e-12); /* one "run" of 2: 2^2 */
    pr_wlcs_scratch_free(&sc);

    /* Through the API: count = base^w again, peer count = 4^w. */
    precis_rouge_options o;
    precis_rouge_options_default(&o);
    o.no_lcs = 1;
    o.wlcs_weight = 2;
    precis_rouge *r = eval_one_w(&o, "a b x d", "a b c d");
    CHECK_STR(precis_rouge_metric_name(r, 0), "ROUGE-W-2");
    precis_rouge_score sc2;
    CHECK(precis_rouge_average(r, 0, 0, &sc2) == PRECIS_OK);
    CHECK_NEAR(sc2.value[0], 0.13975, 1e-9); /* sqrt(5 / 256) */
    CHECK_NEAR(sc2.value[1], 0.55902, 1e-9); /* sqrt(5 / 16) */
    precis_rouge_free(r);
}

TEST(see_and_isi_formats)
{
    pc_buf out;
    pc_buf_init(&out, 0);
    const char *see = "<html>\n<body bgcolor=\"white\">\n"
                      "<a name=\"1\">[1]</a> <a href=\"#1\" id=1>The bridge reopened.</a>\n"
                      "<a size=\"9\" name=\"2\">[2]</a>\t<a href=\"#2\" id=2>Traffic eased\n"
                      "<a name=\"3\">[3]</a><a href=\"#3\" id=3>no blank: not a sentence</a>\n"
                      "</body>\n</html>\n";
    CHECK(pr_markup_to_spl("SEE", see, strlen(see), &out) == PRECIS_OK);
    /* the second sentence runs to the line end: its newline becomes a space */
    CHECK_STR(out.data, "The bridge reopened.\nTraffic eased \n");
    const char *isi = "<S SNTNO=\"1\">One.</S>\n<S SNTNO=\"2,a\">Two.</S>\n<S SNTNO=\"3\">open\n";
    CHECK(pr_markup_to_spl("isi", isi, strlen(isi), &out) == PRECIS_OK);
    CHECK_STR(out.data, "One.\nTwo.\n");
    CHECK(pr_markup_to_spl("SIMPLE", isi, strlen(isi), &out) == PRECIS_EINVAL);
    pc_buf_free(&out);
}

/* ---- Perl numbers ---------------------------------------------------------------- */

TEST(perl_rand_and_rounding)
{
    pr_rand48 g;
    pr_srand48(&g, 0);
    CHECK_NEAR(pr_drand48(&g), 0.17082803610629, 1e-14); /* perl -e 'srand(0); print rand()' */
    pr_srand48(&g, 7);
    CHECK((int)(50.0 * pr_drand48(&g)) == 13); /* perl -e 'srand(7); print int(rand(50))' */
    CHECK(pr_round5(2.0 / 3.0) == 0.66667);
    CHECK(pr_round5(1.0 / 3.0) == 0.33333);
    CHECK(pr_round5(0.0) == 0.0);
}

/* ---- the whole evaluation through the public API ------------------------------------- */

static precis_rouge *eval_one(const precis_rouge_options *o, const char *peer, const char *ref1,
                              const char *ref2)
{
    precis_rouge *r = NULL;
    if (precis_rouge_new(o, &r) != PRECIS_OK) return r;
    precis_rouge_add_reference(r, "t1", ref1, strlen(ref1), "ref1");
    if (ref2) precis_rouge_add_reference(r, "t1", ref2, strlen(ref2), "ref2");
    precis_rouge_add_summary(r, "sys", "t1", peer, strlen(peer), "peer");
    precis_rouge_run(r);
    return r;
}

TEST(several_references_pool_counts_with_f_a)
{
    precis_rouge_options o;
    precis_rouge_options_default(&o);
    o.max_n = 1;
    o.no_lcs = 1;
    /* ref1 "a b c d": 2 hits of 4; ref2 "a x y z w": 1 hit of 5. -f A pools
     * the counts (ROUGE-1.5.5 has no jackknifing since 1.4): R = 3/9, and P
     * counts the peer once per reference: 3/4. */
    precis_rouge *r = eval_one(&o, "A b.", "a b c d", "a x y z w");
    precis_rouge_score s;
    CHECK(precis_rouge_average(r, 0, 0, &s) == PRECIS_OK);
    CHECK_NEAR(s.value[0], 0.33333, 1e-9);
    CHECK_NEAR(s.value[1], 0.75, 1e-9);
    CHECK_NEAR(s.value[2], 0.46154, 1e-9); /* F from the rounded R and P */
    CHECK_NEAR(s.ci_low[0], 0.33333, 1e-9); /* one topic: every resample is the same */
    precis_rouge_free(r);
    /* -f B takes the best reference alone. */
    o.formula = 'B';
    r = eval_one(&o, "A b.", "a b c d", "a x y z w");
    CHECK(precis_rouge_average(r, 0, 0, &s) == PRECIS_OK);
    CHECK_NEAR(s.value[0], 0.5, 1e-9);
    CHECK_NEAR(s.value[1], 1.0, 1e-9);
    CHECK_NEAR(s.value[2], 0.66667, 1e-9);
    precis_rouge_free(r);
}

TEST(alpha_limits_and_stopwords)
{
    precis_rouge_options o;
    precis_rouge_options_default(&o);
    o.max_n = 1;
    o.no_lcs = 1;
    o.alpha = 1; /* F = P */
    o.word_limit = 2;
    precis_rouge *r = eval_one(&o, "a b c d", "a b c d e f g h", NULL);
    precis_rouge_score s;
    precis_rouge_average(r, 0, 0, &s);
    CHECK_NEAR(s.value[0], 1.0, 1e-9); /* both cut to 2 words */
    CHECK_NEAR(s.value[2], s.value[1], 1e-12);
    precis_rouge_free(r);
    o.word_limit = 0;
    o.alpha = 0.5;
    o.remove_stopwords = 1;
    r = eval_one(&o, "The cat and the hat", "the cat ran", NULL);
    precis_rouge_average(r, 0, 0, &s);
    CHECK_NEAR(s.value[0], 0.5, 1e-9); /* cat ran vs cat hat */
    precis_rouge_free(r);
    o.remove_stopwords = 0;
    o.stem = 1;
    r = eval_one(&o, "Children were running", "child run", NULL);
    precis_rouge_average(r, 0, 0, &s);
    CHECK_NEAR(s.value[0], 1.0, 1e-9);
    CHECK_NEAR(s.value[1], 0.66667, 1e-9);
    precis_rouge_free(r);
}

TEST(rouge_l_and_su_through_the_api)
{
    precis_rouge_options o;
    precis_rouge_options_default(&o);
    o.skip_bigrams = 1;
    o.skip_gap = 4;
    o.skip_unigrams = 1;
    precis_rouge *r = eval_one(&o, "a c\nb d", "a b c d", NULL);
    CHECK(precis_rouge_n_metrics(r) == 2);
    CHECK_STR(precis_rouge_metric_name(r, 0), "ROUGE-L");
    CHECK_STR(precis_rouge_metric_name(r, 1), "ROUGE-SU4");
    precis_rouge_score s;
    precis_rouge_average(r, 0, 0, &s);
    CHECK_NEAR(s.value[0], 1.0, 1e-9); /* union LCS of "a c" and "b d" covers "a b c d" */
    precis_rouge_average(r, 0, 1, &s);
    /* model SU: 3 unigrams + 6 pairs = 9; peer "a c b d": 3 + 6 = 9; shared:
     * unigrams a, b, c (d is last in both) + pairs ab ac ad bd cd = 8 */
    CHECK_NEAR(s.value[0], 0.88889, 1e-9);
    precis_rouge_free(r);
}

TEST(empty_summary_scores_zero)
{
    precis_rouge_options o;
    precis_rouge_options_default(&o);
    o.max_n = 2;
    precis_rouge *r = eval_one(&o, "", "a b c", NULL);
    precis_rouge_score s;
    CHECK(precis_rouge_average(r, 0, 0, &s) == PRECIS_OK);
    CHECK(s.value[0] == 0 && s.value[1] == 0 && s.value[2] == 0);
    precis_rouge_free(r);
}

TEST(bad_options_and_inputs)
{
    precis_rouge_options o;
    precis_rouge_options_default(&o);
    precis_rouge *r = NULL;
    o.word_limit = 10;
    o.byte_limit = 10;
    CHECK(precis_rouge_new(&o, &r) == PRECIS_EINVAL);
    CHECK(strstr(precis_rouge_errmsg(r), "not both") != NULL);
    precis_rouge_free(r);
    precis_rouge_options_default(&o);
    o.max_summary_bytes = 8;
    CHECK(precis_rouge_new(&o, &r) == PRECIS_OK);
    CHECK(precis_rouge_add_summary(r, "s", "t", "a b c d e f", 11, "big.txt") == PRECIS_ELIMIT);
    CHECK(strstr(precis_rouge_errmsg(r), "big.txt") != NULL);
    CHECK(precis_rouge_add_summary(r, "s", "t", "a\0b", 3, "bin") == PRECIS_EPARSE);
    CHECK(precis_rouge_run(r) == PRECIS_EEMPTY); /* nothing usable was added */
    precis_rouge_free(r);
}

int main(void)
{
    RUN(tokenizer_keeps_ascii_letters_and_digits);
    RUN(perl_split_counts_leading_empty_field);
    RUN(word_limit_cuts_the_sentence_that_reaches_it);
    RUN(byte_limit_and_the_lcs_reader_quirk);
    RUN(porter_classic_cases);
    RUN(porter_rouge_variant_step4);
    RUN(morph_stem_rules);
    RUN(word_lists);
    RUN(ngram_clipped_counts);
    RUN(ngram_trigram_match);
    RUN(ngram_keys_for_large_ids_and_long_grams);
    RUN(skip_bigram_counts);
    RUN(lcs_union_over_peer_sentences);
    RUN(lcs_ties_go_up_like_the_script);
    RUN(lcs_matches_the_literal_algorithm);
    RUN(wlcs_runs_and_weights);
    RUN(see_and_isi_formats);
    RUN(perl_rand_and_rounding);
    RUN(several_references_pool_counts_with_f_a);
    RUN(alpha_limits_and_stopwords);
    RUN(rouge_l_and_su_through_the_api);
    RUN(empty_summary_scores_zero);
    RUN(bad_options_and_inputs);
    return test_done();
}
