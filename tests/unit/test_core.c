/* Unit tests for src/core: buffer caps, arena, UTF-8 repair, gzip/stdin reading, lines, JSON. */
#include "core/core.h"
#include "test.h"

#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

/* pc_url_host: one rule for every reader's host (was three helpers with three rules) */
static const char *host_str(const char *s, bool bare)
{
    static char out[128];
    size_t n;
    const char *h = pc_url_host(s, bare, &n);
    if (!h) return "(none)";
    snprintf(out, sizeof out, "%.*s", (int)n, h);
    return out;
}

TEST(url_host_one_rule)
{
    CHECK_STR(host_str("https://www.News.example.org:8080/a?b#c", false), "News.example.org");
    CHECK_STR(host_str("http://user:pw@www.example.org/x", false), "example.org"); /* meta, feed kept "user:pw@www..." */
    CHECK_STR(host_str("HTTPS://WWW.Example.ORG/", false), "Example.ORG");       /* feed kept "WWW." */
    CHECK_STR(host_str("http://www./", false), "www");                          /* meta gave "" */
    CHECK_STR(host_str("https://example.org./a", false), "example.org");
    CHECK_STR(host_str("//cdn.example.org/a.js", false), "cdn.example.org");
    CHECK_STR(host_str("http://[2001:db8::1]:80/", false), "[2001:db8::1]");
    CHECK_STR(host_str("see http://example.org", false), "(none)"); /* meta took "://" anywhere */
    CHECK_STR(host_str("example.org/news", false), "(none)");
    CHECK_STR(host_str("example.org/news", true), "example.org");
    CHECK_STR(host_str("Nordvik Post", true), "Nordvik"); /* the caller sees the space after it */
    CHECK_STR(host_str("https:///path", false), "(none)");
    CHECK_STR(host_str("", true), "(none)");
    char buf[16];
    CHECK(pc_url_host_copy("https://www.Example.ORG/a", buf, sizeof buf) == 11);
    CHECK_STR(buf, "example.org");
    CHECK(pc_url_host_copy("https://a-very-long-host-name.example.org/", buf, sizeof buf) == 0 && !buf[0]);
    CHECK(pc_url_host_copy(NULL, buf, sizeof buf) == 0 && !buf[0]);
}

TEST(buf_grows_and_caps)
{
    pc_buf b;
    pc_buf_init(&b, 10);
    CHECK(pc_buf_puts(&b, "hello") == PRECIS_OK);
    CHECK(pc_buf_printf(&b, "%d", 12345) == PRECIS_OK);
    CHECK_STR(b.data, "hello12345");
    CHECK(pc_buf_putc(&b, 'x') == PRECIS_ELIMIT);
    CHECK(b.len == 10);
    pc_buf_free(&b);
    pc_buf_init(&b, 0);
    for (int i = 0; i < 1000; i++) pc_buf_printf(&b, "%04d", i);
    CHECK(b.len == 4000);
    CHECK(memcmp(b.data + 3996, "0999", 4) == 0);
    size_t n;
    char *p = pc_buf_detach(&b, &n);
    CHECK(n == 4000 && b.data == NULL);
    free(p);
}

/* A buffer that was reserved (or repaired from empty input) but holds nothing
 * reads as "": callers hand b.data on as a C string. */
TEST(buf_reserved_empty_is_terminated)
{
    pc_buf b;
    pc_buf_init(&b, 0);
    CHECK(pc_buf_reserve(&b, 100) == PRECIS_OK);
    CHECK(b.data != NULL && b.len == 0 && b.data[0] == '\0');
    pc_buf_free(&b);
    pc_buf_init(&b, 0);
    CHECK(pc_utf8_repair(&b, "", 0, NULL) == PRECIS_OK);
    CHECK(b.data == NULL || b.data[0] == '\0');
    pc_buf_free(&b);
}

/* A message or id cut at a fixed byte count ends at a whole UTF-8 character:
 * pc_fail's 512-byte message and pc_snprintf (before, snprintf's cut left the
 * first byte of a two-byte "é" at the end: not UTF-8). */
TEST(utf8_cut_at_whole_characters)
{
    CHECK(pc_utf8_whole("ab\xC3", 3) == 2);
    CHECK(pc_utf8_whole("ab\xC3\xA9", 4) == 4);
    CHECK(pc_utf8_whole("a\xE2\x80", 3) == 1);
    CHECK(pc_utf8_whole("a\xF0\x9F\x98", 4) == 1);
    CHECK(pc_utf8_whole("a\xF0\x9F\x98\x80", 5) == 5);
    CHECK(pc_utf8_whole("", 0) == 0);
    char small[6];
    CHECK(pc_snprintf(small, sizeof small, "%s", "abcd\xC3\xA9") == 4);
    CHECK_STR(small, "abcd");
    CHECK(pc_snprintf(small, sizeof small, "%s", "ab\xC3\xA9") == 4);
    CHECK_STR(small, "ab\xC3\xA9");
    char name[600];
    for (size_t i = 0; i < 299; i++) memcpy(name + 2 * i, "\xC3\xA9", 2); /* 598 bytes of é */
    name[598] = '\0';
    pc_error err;
    pc_fail(&err, PRECIS_EPARSE, "fx", 1, "%s", name);
    CHECK(pc_utf8_valid(err.msg, strlen(err.msg)));
    CHECK(strlen(err.msg) >= 500);
    pc_fail(&err, PRECIS_EPARSE, name, 0, "%s", "");
    CHECK(pc_utf8_valid(err.msg, strlen(err.msg)));
    /* a long name is shown by its end, and the reason is kept */
    pc_fail(&err, PRECIS_EIO, name, 3, "%s", "cannot open the store");
    CHECK(pc_utf8_valid(err.msg, strlen(err.msg)));
    CHECK(!strncmp(err.msg, "\xE2\x80\xA6", 3) && strstr(err.msg, ":3: cannot open the store"));
}

TEST(arena_aligned_and_large)
{
    pc_arena a;
    pc_arena_init(&a);
    char *s = pc_arena_strndup(&a, "abcdef", 3);
    CHECK_STR(s, "abc");
    void *big = pc_arena_alloc(&a, 1 << 20);
    CHECK(big != NULL && ((uintptr_t)big % 16) == 0);
    void *small = pc_arena_alloc(&a, 7);
    CHECK(small != NULL && ((uintptr_t)small % 16) == 0);
    pc_arena_reset(&a);
    CHECK(a.head == NULL);
}

TEST(utf8_repair_replaces_invalid)
{
    pc_buf b;
    pc_buf_init(&b, 0);
    size_t bad = 0;
    const char in[] = "ok \xff caf\xc3\xa9 \xc3\x28 end";
    CHECK(pc_utf8_repair(&b, in, sizeof in - 1, &bad) == PRECIS_OK);
    CHECK(bad == 2);
    CHECK_STR(b.data, "ok \xef\xbf\xbd caf\xc3\xa9 \xef\xbf\xbd( end");
    CHECK(pc_utf8_valid(b.data, b.len));
    CHECK(!pc_utf8_valid(in, sizeof in - 1));
    pc_buf_free(&b);
}

TEST(utf8_repair_drops_nul)
{
    pc_buf b;
    pc_buf_init(&b, 0);
    CHECK(pc_utf8_repair(&b, "a\0b", 3, NULL) == PRECIS_OK);
    CHECK_STR(b.data, "ab");
    pc_buf_free(&b);
}

static void write_file(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    fwrite(data, 1, n, f);
    fclose(f);
}

/* pc_read_input hands a clean UTF-8 file's bytes over instead of decoding
 * them into a second buffer: what it returns must be what pc_text_decode
 * makes of the same bytes, for every kind of input, and (the point) a clean
 * file's buffer is the one read_regular sized for the file, not a copy. */
TEST(read_input_hands_clean_text_over)
{
    char dir[] = "/tmp/precis_test_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/t.txt", dir);
#define S(x) {x, sizeof x - 1}
    static const struct {
        const char *s;
        size_t n;
    } IN[] = {
        S("plain ascii\nsecond line\r\n\ttab\f"),
        S("caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x98\x80"),
        S("\xef\xbb\xbf" "after a BOM"),
        S("a NUL\0here"),
        S("an ESC\x1b[0m and DEL\x7f"),
        S("C1 \xc2\x85 next line"),
        S("nbsp \xc2\xa0 kept"),
        S("one bad \xff byte, \xc3\xa9 valid"),
        S("latin-1 caf\xe9"),
        S("\xff\xfeh\0i\0"),
        S("truncated \xe2\x80"),
        S(""),
    };
#undef S
    for (size_t i = 0; i < sizeof IN / sizeof IN[0]; i++) {
        write_file(path, IN[i].s, IN[i].n);
        pc_buf got, want;
        pc_buf_init(&got, 0);
        pc_buf_init(&want, 0);
        pc_error err;
        size_t bad = 0;
        CHECK(pc_read_input(path, 0, &got, &err) == PRECIS_OK);
        CHECK(pc_text_decode(&want, IN[i].s, IN[i].n, &bad) == PRECIS_OK);
        CHECK(got.len == want.len && !memcmp(got.data, want.data, got.len) && got.data[got.len] == '\0');
        /* pc_text_unchanged (the digest reader's shortcut) only where decoding is the identity */
        if (pc_text_unchanged(IN[i].s, IN[i].n))
            CHECK(want.len == IN[i].n && !memcmp(want.data, IN[i].s, IN[i].n));
        CHECK(pc_text_unchanged(IN[i].s, IN[i].n) == (i < 2 || i == 6 || i == 11));
        pc_buf_free(&got);
        pc_buf_free(&want);
    }
    /* 4095 clean bytes: the buffer read_regular made is handed over. It
     * reserves size + 1 past the NUL, so its capacity is 8192; a decoded copy
     * is sized for len + NUL, 4096 (what came back before). */
    char big[4095];
    for (size_t i = 0; i < sizeof big; i++) big[i] = (char)('a' + i % 26);
    write_file(path, big, sizeof big);
    pc_buf got;
    pc_buf_init(&got, 0);
    pc_error err;
    CHECK(pc_read_input(path, 0, &got, &err) == PRECIS_OK);
    CHECK(got.len == sizeof big && got.cap == 8192);
    pc_buf_free(&got);
    unlink(path);
    rmdir(dir);
}

TEST(read_plain_and_gzip)
{
    char dir[] = "/tmp/precis_test_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char plain[256], gz[256];
    snprintf(plain, sizeof plain, "%s/a.txt", dir);
    snprintf(gz, sizeof gz, "%s/a.txt.gz", dir);
    write_file(plain, "line \xc3\xa9 one\nline \xfftwo\n", 22); /* UTF-8 with one bad byte */
    gzFile g = gzopen(gz, "wb");
    gzputs(g, "zipped text\n");
    gzclose(g);

    pc_error err;
    pc_error_clear(&err);
    pc_buf b;
    pc_buf_init(&b, 0);
    CHECK(pc_read_input(plain, 0, &b, &err) == PRECIS_OK);
    CHECK_STR(b.data, "line \xc3\xa9 one\nline \xef\xbf\xbdtwo\n");
    b.len = 0;
    /* No valid multi-byte sequence at all: an 8-bit text, read as Windows-1252 */
    write_file(plain, "caf\xe9 \x93quoted\x94\n", 14);
    CHECK(pc_read_input(plain, 0, &b, &err) == PRECIS_OK);
    CHECK_STR(b.data, "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d\n");
    b.len = 0;
    /* UTF-16LE with its byte-order mark */
    write_file(plain, "\xff\xfeh\0\xe9\0!\0", 8);
    CHECK(pc_read_input(plain, 0, &b, &err) == PRECIS_OK);
    CHECK_STR(b.data, "h\xc3\xa9!");
    b.len = 0;
    CHECK(pc_read_input(gz, 0, &b, &err) == PRECIS_OK);
    CHECK_STR(b.data, "zipped text\n");
    b.len = 0;
    CHECK(pc_read_input(plain, 5, &b, &err) == PRECIS_ELIMIT);
    CHECK(strstr(err.msg, "a.txt") != NULL);
    CHECK(pc_read_input("/nonexistent/x", 0, &b, &err) == PRECIS_EIO);
    CHECK(strstr(err.msg, "/nonexistent/x: cannot open") != NULL);
    CHECK(pc_read_input(dir, 0, &b, &err) == PRECIS_EIO);
    pc_buf_free(&b);

    /* A truncated gzip stream is a parse error, not silent partial data. */
    FILE *f = fopen(gz, "rb");
    char raw[256];
    size_t n = fread(raw, 1, sizeof raw, f);
    fclose(f);
    write_file(gz, raw, n - 6);
    pc_buf_init(&b, 0);
    CHECK(pc_read_input(gz, 0, &b, &err) == PRECIS_EPARSE);
    pc_buf_free(&b);

    char *args[] = {dir};
    char **paths;
    size_t np;
    CHECK(pc_expand_inputs(args, 1, &paths, &np, NULL, NULL, &err) == PRECIS_OK);
    CHECK(np == 2);
    if (np == 2) {
        CHECK(strstr(paths[0], "/a.txt") && !strstr(paths[0], ".gz"));
        CHECK(strstr(paths[1], "/a.txt.gz") != NULL);
    }
    pc_paths_free(paths, np);
    unlink(plain);
    unlink(gz);
    rmdir(dir);
}

static void count_repeat(void *ctx, const char *left_out, const char *listed_as)
{
    (void)left_out;
    (void)listed_as;
    (*(int *)ctx)++;
}

/* The same file named twice (by itself and inside its directory, or through a
 * link) is listed once, and the caller told; read twice, one article would
 * count as two sources. Without a note every path is kept. */
TEST(expand_inputs_lists_a_file_once)
{
    char dir[] = "/tmp/precis_test_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char a[256], b[256], link[256];
    snprintf(a, sizeof a, "%s/a.txt", dir);
    snprintf(b, sizeof b, "%s/b.txt", dir);
    snprintf(link, sizeof link, "%s/c.txt", dir);
    write_file(a, "one\n", 4);
    write_file(b, "two\n", 4);
    CHECK(symlink("a.txt", link) == 0);
    char *args[] = {a, dir, a, (char *)"-"};
    char **paths;
    size_t np;
    pc_error err;
    int notes = 0;
    CHECK(pc_expand_inputs(args, 4, &paths, &np, count_repeat, &notes, &err) == PRECIS_OK);
    CHECK(np == 3 && notes == 3); /* dir/a.txt, c.txt and the second a.txt left out */
    if (np == 3) {
        CHECK_STR(paths[0], a);
        CHECK_STR(paths[1], b);
        CHECK_STR(paths[2], "-");
    }
    pc_paths_free(paths, np);
    CHECK(pc_expand_inputs(args, 4, &paths, &np, NULL, NULL, &err) == PRECIS_OK);
    CHECK(np == 6);
    pc_paths_free(paths, np);
    unlink(link);
    unlink(a);
    unlink(b);
    rmdir(dir);
}

TEST(lines_strip_crlf)
{
    const char *s = "a\r\nbb\n\nccc";
    pc_line_iter it;
    pc_lines_init(&it, s, strlen(s));
    const char *l;
    size_t n;
    CHECK(pc_lines_next(&it, &l, &n) && n == 1 && l[0] == 'a');
    CHECK(pc_lines_next(&it, &l, &n) && n == 2);
    CHECK(pc_lines_next(&it, &l, &n) && n == 0);
    CHECK(pc_lines_next(&it, &l, &n) && n == 3 && it.lineno == 4);
    CHECK(!pc_lines_next(&it, &l, &n));
}

TEST(json_string_escapes)
{
    pc_buf b;
    pc_buf_init(&b, 0);
    CHECK(pc_json_string(&b, "a\"b\\c\nd\x01", 8) == PRECIS_OK);
    CHECK_STR(b.data, "\"a\\\"b\\\\c\\nd\\u0001\"");
    pc_buf_free(&b);
}

TEST(public_ctx_and_errors)
{
    precis_ctx *ctx = precis_new(NULL);
    CHECK(ctx != NULL);
    char *text = NULL;
    size_t n;
    CHECK(precis_read_text(ctx, "/nonexistent/file", &text, &n) == PRECIS_EIO);
    CHECK(strstr(precis_errmsg(ctx), "/nonexistent/file") != NULL);
    CHECK_STR(precis_strerror(PRECIS_ELIMIT), "size limit exceeded");
    precis_free(ctx);
}

TEST(grow_array_keeps_contents)
{
    int *v = NULL;
    size_t cap = 0;
    CHECK(pc_grow(&v, &cap, 0, sizeof *v, 4) == PRECIS_OK && v == NULL && cap == 0);
    for (int i = 0; i < 100; i++) {
        CHECK(pc_grow(&v, &cap, (size_t)i + 1, sizeof *v, 4) == PRECIS_OK);
        v[i] = i * 3;
    }
    CHECK(cap >= 100 && cap == 128);
    int sum_ok = 1;
    for (int i = 0; i < 100; i++) sum_ok &= v[i] == i * 3;
    CHECK(sum_ok);
    CHECK(pc_grow(&v, &cap, SIZE_MAX / 2, sizeof *v, 4) == PRECIS_ENOMEM);
    CHECK(cap == 128 && v[99] == 297); /* a failed grow keeps the old array */
    free(v);
}

/* Whole-file gunzip: several members, the cap on the inflated size, corrupt
 * data, and the stream path (stdin) giving the same bytes. */
TEST(gzip_members_caps_and_corruption)
{
    char dir[] = "/tmp/precis_test_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char two[256], big[256], bad[256];
    snprintf(two, sizeof two, "%s/two.gz", dir);
    snprintf(big, sizeof big, "%s/big.gz", dir);
    snprintf(bad, sizeof bad, "%s/bad.gz", dir);
    gzFile g = gzopen(two, "wb");
    gzputs(g, "first member\n");
    gzclose(g);
    g = gzopen(two, "ab"); /* appending writes a second gzip member */
    gzputs(g, "second member\n");
    gzclose(g);
    g = gzopen(big, "wb");
    for (int i = 0; i < 10000; i++) gzputs(g, "0123456789");
    gzclose(g);

    pc_error err;
    pc_error_clear(&err);
    pc_buf b;
    pc_buf_init(&b, 0);
    CHECK(pc_read_input(two, 0, &b, &err) == PRECIS_OK);
    CHECK_STR(b.data, "first member\nsecond member\n");
    b.len = 0;
    CHECK(pc_read_input(big, 0, &b, &err) == PRECIS_OK);
    CHECK(b.len == 100000);
    b.len = 0;
    /* 100,000 bytes inflated from a file of a few hundred: the cap is on the text */
    CHECK(pc_read_input(big, 99999, &b, &err) == PRECIS_ELIMIT);
    CHECK(strstr(err.msg, "big.gz") != NULL);
    b.len = 0;
    CHECK(pc_read_input(big, 100000, &b, &err) == PRECIS_OK);
    CHECK(b.len == 100000);

    /* flip a byte inside the deflate data of a copy */
    FILE *f = fopen(big, "rb");
    char raw[4096];
    size_t n = fread(raw, 1, sizeof raw, f);
    fclose(f);
    raw[n / 2] ^= 0x55;
    write_file(bad, raw, n);
    b.len = 0;
    CHECK(pc_read_input(bad, 0, &b, &err) == PRECIS_EPARSE);
    CHECK(strstr(err.msg, "corrupt gzip") != NULL);
    pc_buf_free(&b);

    /* the stream path (a pipe, as stdin would be) reads the same two members */
    int fds[2];
    CHECK(pipe(fds) == 0);
    f = fopen(two, "rb");
    n = fread(raw, 1, sizeof raw, f);
    fclose(f);
    CHECK(write(fds[1], raw, n) == (ssize_t)n);
    close(fds[1]);
    int saved = dup(STDIN_FILENO);
    dup2(fds[0], STDIN_FILENO);
    close(fds[0]);
    pc_buf_init(&b, 0);
    CHECK(pc_read_input("-", 0, &b, &err) == PRECIS_OK);
    CHECK_STR(b.data, "first member\nsecond member\n");
    pc_buf_free(&b);
    dup2(saved, STDIN_FILENO);
    close(saved);
    remove(two);
    remove(big);
    remove(bad);
    rmdir(dir);
}

TEST(hex_digits)
{
    CHECK(pc_hex_digit('0') == 0 && pc_hex_digit('9') == 9);
    CHECK(pc_hex_digit('a') == 10 && pc_hex_digit('F') == 15 && pc_hex_digit('f') == 15);
    CHECK(pc_hex_digit('g') == -1 && pc_hex_digit('G') == -1 && pc_hex_digit('%') == -1);
    CHECK(pc_hex_digit('\0') == -1 && pc_hex_digit('@') == -1 && pc_hex_digit('`') == -1);
}

/* The one bounded Levenshtein distance (coverage's names, the summarizer's
 * spelling variants). */
TEST(edit_distance_capped)
{
#define ED(a, b, cap) pc_edit_distance(a, strlen(a), b, strlen(b), cap)
    CHECK(ED("benjamin", "binyamin", 5) == 2);
    CHECK(ED("kitten", "sitting", 10) == 3);
    CHECK(ED("same", "same", 0) == 0);
    CHECK(ED("", "abc", 5) == 3);
    CHECK(ED("kitten", "sitting", 1) == 2);  /* over the cap: cap + 1 */
    CHECK(ED("abcdef", "uvwxyz", 2) == 3);
    char longer[PC_EDIT_MAX + 2];
    memset(longer, 'a', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    CHECK(ED(longer, longer, 3) == 4); /* past PC_EDIT_MAX: not compared */
#undef ED
}

TEST(collapse_space)
{
    char out[64];
    const char *s = "  A\t quick\n\n brown  fox \r\n";
    CHECK(pc_collapse_space(NULL, s, strlen(s)) == 17);
    CHECK(pc_collapse_space(out, s, strlen(s)) == 17);
    CHECK_STR(out, "A quick brown fox");
    CHECK(pc_collapse_space(out, " \n ", 3) == 0 && out[0] == '\0');
}

TEST(sorts_small_and_large)
{
    uint64_t a[200];
    uint32_t b[200];
    for (size_t n = 0; n <= 200; n += 50) { /* insertion sort up to 64, qsort above */
        for (size_t i = 0; i < n; i++) a[i] = (i * 7919u) % 101 | ((uint64_t)(i % 3) << 40), b[i] = (uint32_t)((i * 7919u) % 101);
        pc_sort_u64(a, n);
        pc_sort_u32(b, n);
        bool ok = true;
        for (size_t i = 1; i < n; i++) ok = ok && a[i - 1] <= a[i] && b[i - 1] <= b[i];
        CHECK(ok);
    }
    uint64_t x = 3, y = 1ull << 40;
    CHECK(pc_cmp_u64(&x, &y) < 0 && pc_cmp_u64(&y, &x) > 0 && pc_cmp_u64(&x, &x) == 0);
}

TEST(binary_thresholds)
{
    CHECK(!pc_utf8_binary(64, 100));   /* 64 bad bytes: still text */
    CHECK(pc_utf8_binary(65, 100));
    CHECK(!pc_utf8_binary(100, 1000)); /* one in ten: text with bad bytes */
    CHECK(pc_utf8_binary(200, 1000));
    char d[1024];
    memset(d, 'a', sizeof d);
    for (int i = 0; i < 100; i++) d[i * 10] = 1; /* 100 control bytes in 1024 */
    CHECK(pc_bytes_binary(d, sizeof d));
    for (int i = 0; i < 100; i++) d[i * 10] = '\n';
    CHECK(!pc_bytes_binary(d, sizeof d));
    d[0] = (char)0xFF, d[1] = (char)0xFE; /* UTF-16 with its NULs is not binary */
    for (int i = 1; i < 500; i++) d[2 * i + 1] = 0;
    CHECK(pc_bytes_binary(d + 2, sizeof d - 2) && !pc_bytes_binary(d, sizeof d));
}

/* Walks "[...]" and gives the element spans (as "a|b|c") and the result. */
static int walk_array(const char *d, char *out, size_t cap, size_t *last_line)
{
    pc_json_array it;
    out[0] = 0;
    if (!pc_json_array_begin(&it, d, strlen(d))) return -2;
    size_t start, len, line;
    int got;
    while ((got = pc_json_array_next(&it, &start, &len, &line)) == 1) {
        size_t o = strlen(out);
        snprintf(out + o, cap - o, "%s%.*s", o ? "|" : "", (int)len, d + start);
        *last_line = line;
    }
    if (got < 0) *last_line = it.line;
    return got;
}

TEST(json_array_elements_one_at_a_time)
{
    char out[256];
    size_t line = 0;
    CHECK(walk_array("\xEF\xBB\xBF [ {\"a\":[1,{\"b\":\"]}\\\"\"}]} ,\n \"x,]\" ,17, true ,[] ]\n", out, sizeof out, &line) == 0);
    CHECK_STR(out, "{\"a\":[1,{\"b\":\"]}\\\"\"}]}|\"x,]\"|17|true|[]");
    CHECK(line == 2);
    CHECK(walk_array("[]", out, sizeof out, &line) == 0 && !out[0]);
    CHECK(walk_array(" {\"a\":1}", out, sizeof out, &line) == -2);
    CHECK(walk_array("", out, sizeof out, &line) == -2);
    /* malformed: what came before is handed out, then -1 with the line */
    CHECK(walk_array("[{\"t\":1},\n{\"t\":2}", out, sizeof out, &line) == -1); /* truncated */
    CHECK_STR(out, "{\"t\":1}|{\"t\":2}");
    CHECK(line == 2);
    CHECK(walk_array("[{\"t\":1}, ]", out, sizeof out, &line) == -1);
    CHECK(walk_array("[,1]", out, sizeof out, &line) == -1 && !out[0]);
    CHECK(walk_array("[1 2]", out, sizeof out, &line) == -1);
    CHECK(walk_array("[1] x", out, sizeof out, &line) == -1);
    CHECK(walk_array("[\"abc\\", out, sizeof out, &line) == -1); /* a backslash last */
    CHECK(walk_array("[{\"a\":\"}", out, sizeof out, &line) == -1); /* a string to the end */
}

/* A file under the file cap whose decoded text is over it: UTF-16 grows by up
 * to half (2 bytes -> 3 for U+0800 and above), Windows-1252 up to three
 * times (the euro sign). Before, the decoded text had no cap of its own: a
 * 256 MiB UTF-16 file became 384 MiB of text. Now PRECIS_ELIMIT naming the
 * file; under the cap it is read. */
TEST(read_input_caps_decoded_text)
{
    char dir[] = "/tmp/precis_test_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/u16.txt", dir);
    char u16[1002];
    u16[0] = (char)0xFF, u16[1] = (char)0xFE; /* UTF-16LE BOM, then 500 x U+6E2F */
    for (int i = 2; i < 1002; i += 2) u16[i] = 0x2F, u16[i + 1] = 0x6E;
    write_file(path, u16, sizeof u16);
    pc_buf b;
    pc_error err = {0};
    pc_buf_init(&b, 0);
    CHECK(pc_read_input(path, 1200, &b, &err) == PRECIS_ELIMIT); /* 1002 bytes read, 1500 decoded */
    CHECK(strstr(err.msg, path) && strstr(err.msg, "UTF-16") && strstr(err.msg, "1200-byte limit"));
    CHECK(b.len == 0);
    pc_buf_free(&b);
    pc_buf_init(&b, 0);
    CHECK(pc_read_input(path, 1500, &b, &err) == PRECIS_OK && b.len == 1500); /* exactly at the cap */
    pc_buf_free(&b);
    char cp[600];
    memset(cp, 0x80, sizeof cp); /* Windows-1252 euro signs: 3 bytes each */
    memcpy(cp, "price ", 6);
    write_file(path, cp, sizeof cp);
    pc_buf_init(&b, 0);
    CHECK(pc_read_input(path, 1000, &b, &err) == PRECIS_ELIMIT);
    CHECK(strstr(err.msg, "Windows-1252") != NULL);
    pc_buf_free(&b);
    pc_buf_init(&b, 0);
    CHECK(pc_read_input(path, 0, &b, &err) == PRECIS_OK && b.len == 6 + 594 * 3);
    pc_buf_free(&b);
    unlink(path);
    rmdir(dir);
}

/* Directory walking sorts names naturally: before, byte order put D10 between
 * D1 and D2 (DUC's clusters are D1.txt..D10.txt). */
TEST(natural_order_of_names)
{
    static const char *const want[] = {"", "0", "00", "007.txt", "D1", "D1.txt", "D2", "D9", "D10", "D10a",
                                       "D10b", "D100", "a", "a.txt", "a01", "a1", "a1.txt", "a2x", "a10x",
                                       "b", "x99999999999999999999", "x100000000000000000000"};
    size_t n = sizeof want / sizeof want[0], bad = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            int c = pc_natural_cmp(want[i], want[j]);
            bad += (i < j && c >= 0) || (i == j && c != 0) || (i > j && c <= 0);
            if ((i < j && c >= 0) || (i > j && c <= 0)) fprintf(stderr, "  %s vs %s: %d\n", want[i], want[j], c);
        }
    CHECK(bad == 0);
    char dir[] = "/tmp/precis_test_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    static const char *const files[] = {"D10.txt", "D2.txt", "D1.txt"};
    char path[256];
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        write_file(path, "x", 1);
    }
    char *in[] = {dir};
    char **paths = NULL;
    size_t np = 0;
    pc_error err = {0};
    CHECK(pc_expand_inputs(in, 1, &paths, &np, NULL, NULL, &err) == PRECIS_OK && np == 3);
    for (size_t i = 0; i < np && np == 3; i++) {
        const char *base = strrchr(paths[i], '/') + 1;
        CHECK_STR(base, i == 0 ? "D1.txt" : i == 1 ? "D2.txt" : "D10.txt");
        unlink(paths[i]);
    }
    pc_paths_free(paths, np);
    rmdir(dir);
}

int main(void)
{
    RUN(buf_grows_and_caps);
    RUN(expand_inputs_lists_a_file_once);
    RUN(buf_reserved_empty_is_terminated);
    RUN(utf8_cut_at_whole_characters);
    RUN(arena_aligned_and_large);
    RUN(utf8_repair_replaces_invalid);
    RUN(utf8_repair_drops_nul);
    RUN(read_input_hands_clean_text_over);
    RUN(read_input_caps_decoded_text);
    RUN(natural_order_of_names);
    RUN(read_plain_and_gzip);
    RUN(gzip_members_caps_and_corruption);
    RUN(lines_strip_crlf);
    RUN(json_string_escapes);
    RUN(public_ctx_and_errors);
    RUN(grow_array_keeps_contents);
    RUN(hex_digits);
    RUN(edit_distance_capped);
    RUN(collapse_space);
    RUN(sorts_small_and_large);
    RUN(binary_thresholds);
    RUN(json_array_elements_one_at_a_time);
    RUN(url_host_one_rule);
    return test_done();
}
