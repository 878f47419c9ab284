/* Fuzz target: the directory walk (pc_expand_inputs) and the input sniffing
 * of every file it lists (precis_articles_read: WARC, JSONL, JSON arrays,
 * feeds, HTML, pasted text; pc_read_input, as summarize and clean read).
 * The input builds a tree under a scratch directory: records separated by
 * 0x1E, each a kind byte, a name up to 0x1F and the file's bytes:
 *   kind % 6: 0 file, 1 directory (entered), 2 back up one level,
 *             3 symlink (to ".", to "..", or to the previous name), 4 FIFO,
 *             5 file named by a number (natural-order cases: D1, D10, D2).
 * Checks: every path is inside the tree, none hidden, none twice, no FIFO
 * listed (opening one would hang: the run's timeout says so), at most one
 * path per regular file or link, siblings in natural order; every article
 * read has an id and valid UTF-8 text. */
#include "story/story.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[256];

static void rm_tree(const char *path, bool self)
{
    DIR *d = opendir(path);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            char sub[4096];
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            struct stat sb;
            if (lstat(sub, &sb) == 0 && S_ISDIR(sb.st_mode)) rm_tree(sub, true);
            else unlink(sub);
        }
        closedir(d);
    }
    if (self) rmdir(path);
}

static void cleanup(void) { rm_tree(root, true); }

static precis_status check(void *user, const precis_article *a)
{
    (void)user;
    if (!a->id || !a->text || !pc_utf8_valid(a->text, a->text_len)) abort();
    return PRECIS_OK;
}

static void quiet(void *user, const char *msg)
{
    (void)user;
    if (!msg) abort();
}

/* A name from the record's bytes: '/' and NUL are not possible in a name. */
static void make_name(const uint8_t *p, size_t n, char *out, size_t cap)
{
    static const char SAFE[] = "aDx0123456789._- ~";
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap && k < 24; i++)
        out[k++] = p[i] == '/' || p[i] == 0 ? SAFE[p[i] % (sizeof SAFE - 1)] : (char)p[i];
    if (!k) out[k++] = 'f';
    out[k] = '\0';
}

static const char *base_of(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static void count_note(void *ctx, const char *left_out, const char *listed_as)
{
    (void)left_out;
    (void)listed_as;
    (*(size_t *)ctx)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16) return 0;
    if (!root[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(root, sizeof root, "%s/fuzz_walk.XXXXXX", tmp && strlen(tmp) < 100 ? tmp : "/tmp");
        if (!mkdtemp(root)) abort();
        atexit(cleanup);
    }
    rm_tree(root, false);
    char cwd[4096], prev[64] = "";
    snprintf(cwd, sizeof cwd, "%s", root);
    int depth = 0;
    size_t made = 0; /* regular files and links: what the walk may list */
    size_t pos = 0, records = 0;
    while (pos < size && records++ < 48) {
        size_t end = pos;
        while (end < size && data[end] != 0x1E) end++;
        const uint8_t *r = data + pos;
        size_t rn = end - pos;
        pos = end + 1;
        if (!rn) continue;
        int kind = r[0] % 6;
        size_t nl = 1;
        while (nl < rn && r[nl] != 0x1F) nl++;
        char name[64], path[4200];
        if (kind == 5) snprintf(name, sizeof name, "D%u%s", (unsigned)(r[0] / 6) % 13, nl > 1 ? ".txt" : "");
        else make_name(r + 1, nl - 1, name, sizeof name);
        if (!strcmp(name, ".") || !strcmp(name, "..")) continue;
        snprintf(path, sizeof path, "%s/%s", cwd, name);
        const uint8_t *body = nl < rn ? r + nl + 1 : r + rn;
        size_t bn = nl < rn ? rn - nl - 1 : 0;
        switch (kind) {
        case 0:
        case 5: {
            int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd >= 0) {
                if (bn && write(fd, body, bn) != (ssize_t)bn) abort();
                close(fd);
                made++;
            }
            break;
        }
        case 1:
            if (depth < 8 && strlen(cwd) + strlen(name) + 2 < 1024 && mkdir(path, 0755) == 0) {
                memcpy(cwd, path, strlen(path) + 1); /* under 1024 bytes, checked above */
                depth++;
            }
            break;
        case 2:
            if (depth > 0) {
                *strrchr(cwd, '/') = '\0';
                depth--;
            }
            break;
        case 3: {
            /* ".." only below the root: a link up from the root would walk
             * the scratch directory's parent */
            const char *to = bn % 3 == 0 ? "." : bn % 3 == 1 && depth > 0 ? ".." : prev[0] ? prev : ".";
            if (symlink(to, path) == 0) made += 64; /* a link to a directory lists its files again */
            break;
        }
        case 4: mkfifo(path, 0644); break;
        }
        snprintf(prev, sizeof prev, "%s", name);
    }
    char *in[] = {root};
    char **paths = NULL;
    size_t np = 0;
    pc_error err = {0};
    precis_status st = pc_expand_inputs(in, 1, &paths, &np, NULL, NULL, &err);
    if (st && st != PRECIS_ELIMIT) abort(); /* ELIMIT: nested too deep */
    if (!st) { /* with a repeat note: the same list less the repeats, each one noted */
        char **once = NULL;
        size_t n_once = 0, notes = 0;
        if (pc_expand_inputs(in, 1, &once, &n_once, count_note, &notes, &err)) abort();
        if (n_once + notes != np) abort();
        for (size_t i = 0, j = 0; i < n_once; i++, j++) { /* a subsequence, in order */
            while (j < np && strcmp(once[i], paths[j])) j++;
            if (j == np) abort();
        }
        pc_paths_free(once, n_once);
    }
    if (!st) {
        size_t rl = strlen(root);
        if (getenv("FUZZ_WALK_SHOW")) /* to see what a corpus input builds */
            for (size_t i = 0; i < np; i++) fprintf(stderr, "%s\n", paths[i] + rl);
        if (np > made) abort();
        for (size_t i = 0; i < np; i++) {
            if (strncmp(paths[i], root, rl) || paths[i][rl] != '/') abort();
            if (strstr(paths[i] + rl, "/.")) abort(); /* hidden entries are skipped */
            struct stat sb;
            if (lstat(paths[i], &sb) == 0 && S_ISFIFO(sb.st_mode)) abort();
            if (stat(paths[i], &sb) == 0 && S_ISFIFO(sb.st_mode)) abort(); /* nor a link to one */
            for (size_t j = 0; j < i; j++)
                if (!strcmp(paths[i], paths[j])) abort();
            if (i) { /* siblings in natural order */
                const char *a = paths[i - 1], *b = paths[i];
                size_t la = (size_t)(base_of(a) - a), lb = (size_t)(base_of(b) - b);
                if (la == lb && !memcmp(a, b, la) && pc_natural_cmp(base_of(a), base_of(b)) >= 0) abort();
            }
        }
        precis_options o = {0};
        o.limits.max_line_bytes = 4096;
        o.limits.max_article_bytes = 1 << 16;
        o.limits.max_file_bytes = 1 << 20;
        precis_ctx *ctx = precis_new(&o);
        for (size_t i = 0; ctx && i < np && i < 32; i++) {
            precis_articles_read(ctx, paths[i], check, quiet, NULL);
            pc_buf b;
            pc_buf_init(&b, 0);
            pc_error e2 = {0};
            if (pc_read_input(paths[i], 1 << 20, &b, &e2) == PRECIS_OK && !pc_utf8_valid(b.data, b.len)) abort();
            pc_buf_free(&b);
        }
        precis_free(ctx);
        pc_paths_free(paths, np);
    }
    return 0;
}
