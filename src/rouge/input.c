/* input.c — where summaries come from: directories of one-sentence-per-line
 * files (DUC style: the topic is the file name up to its first '.') and JSONL
 * files of {"id", "summary"} objects (Multi-News style). Inputs that cannot be
 * used are skipped and named (pr_warn); only a missing directory or file, or
 * one that gives nothing at all, fails the call. */
#include "rouge/rouge.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* "d30001.m.100.t.a" -> "d30001". */
static void topic_of(const char *path, char *out, size_t cap)
{
    const char *b = base_name(path);
    size_t n = strcspn(b, ".");
    if (n >= cap) n = cap - 1;
    memcpy(out, b, n);
    out[n] = '\0';
}

/* Reads one summary file and hands it to add_reference / add_summary.
 * Returns PRECIS_ENOMEM only; other problems are warnings. */
static precis_status load_file(precis_rouge *r, const char *path, const char *system, size_t *loaded)
{
    char topic[256];
    topic_of(path, topic, sizeof topic);
    if (!topic[0]) {
        pr_warn(r, "%s: no topic id before the first '.' in the file name; skipped", path);
        return PRECIS_OK;
    }
    pc_buf b;
    pc_buf_init(&b, 0);
    pc_error err;
    pc_error_clear(&err);
    precis_status st = pc_read_input_raw(path, pr_max_summary(r), &b, &err);
    if (st == PRECIS_OK) {
        st = system ? precis_rouge_add_summary(r, system, topic, b.data, b.len, path)
                    : precis_rouge_add_reference(r, topic, b.data, b.len, path);
        if (st && st != PRECIS_ENOMEM) pr_warn(r, "%s; skipped", pr_err(r)->msg);
        else if (!st) (*loaded)++;
    } else if (st != PRECIS_ENOMEM) {
        pr_warn(r, "%s; skipped", err.msg);
    }
    pc_buf_free(&b);
    if (st == PRECIS_ENOMEM) return pc_fail(pr_err(r), st, path, 0, "out of memory");
    return PRECIS_OK;
}

static precis_status load_tree(precis_rouge *r, const char *dir, const char *system, size_t *loaded)
{
    char *in[1] = {(char *)dir};
    char **paths = NULL;
    size_t n = 0;
    /* repeats kept (no repeat note): ROUGE-1.5.5 reads what it is given */
    precis_status st = pc_expand_inputs(in, 1, &paths, &n, NULL, NULL, pr_err(r));
    for (size_t i = 0; i < n && !st; i++) st = load_file(r, paths[i], system, loaded);
    pc_paths_free(paths, n);
    return st;
}

precis_status precis_rouge_load_models_dir(precis_rouge *r, const char *dir)
{
    if (!r || !dir) return PRECIS_EINVAL;
    if (!pc_is_dir(dir)) return pc_fail(pr_err(r), PRECIS_EIO, dir, 0, "not a directory");
    size_t loaded = 0;
    precis_status st = load_tree(r, dir, NULL, &loaded);
    if (!st && !loaded)
        st = pc_fail(pr_err(r), PRECIS_EEMPTY, dir, 0, "no reference summaries found");
    return st;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

precis_status precis_rouge_load_peers_dir(precis_rouge *r, const char *dir)
{
    if (!r || !dir) return PRECIS_EINVAL;
    if (!pc_is_dir(dir)) return pc_fail(pr_err(r), PRECIS_EIO, dir, 0, "not a directory");
    DIR *d = opendir(dir);
    if (!d) return pc_fail(pr_err(r), PRECIS_EIO, dir, 0, "cannot open directory");
    char **names = NULL;
    size_t n = 0, cap = 0;
    precis_status st = PRECIS_OK;
    struct dirent *e;
    while (!st && (e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        st = pc_grow(&names, &cap, n + 1, sizeof *names, 32);
        if (!st && !(names[n++] = strdup(e->d_name))) st = PRECIS_ENOMEM, n--;
    }
    closedir(d);
    if (!st && n) qsort(names, n, sizeof *names, cmp_str);

    /* Files here: one system named after the directory. Only directories:
     * one system per subdirectory. */
    char **full = st ? NULL : calloc(n ? n : 1, sizeof *full);
    bool has_files = false;
    if (!st && !full) st = PRECIS_ENOMEM;
    for (size_t i = 0; i < n && !st; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        if (!(full[i] = malloc(len))) {
            st = PRECIS_ENOMEM;
            break;
        }
        snprintf(full[i], len, "%s/%s", dir, names[i]);
        if (!pc_is_dir(full[i])) has_files = true;
    }
    size_t loaded = 0;
    if (!st && has_files) {
        char sys[512];
        size_t dl = strlen(dir);
        while (dl > 1 && dir[dl - 1] == '/') dl--;
        snprintf(sys, sizeof sys, "%.*s", (int)dl, dir);
        const char *sname = base_name(sys);
        for (size_t i = 0; i < n && !st; i++)
            if (!pc_is_dir(full[i])) st = load_file(r, full[i], sname, &loaded);
    } else {
        for (size_t i = 0; i < n && !st; i++) st = load_tree(r, full[i], names[i], &loaded);
    }
    for (size_t i = 0; i < n; i++) {
        free(names[i]);
        if (full) free(full[i]);
    }
    free(names);
    free(full);
    if (st == PRECIS_ENOMEM) return pc_fail(pr_err(r), st, dir, 0, "out of memory");
    if (!st && !loaded)
        st = pc_fail(pr_err(r), PRECIS_EEMPTY, dir, 0, "no system summaries found");
    return st;
}

/* ---- JSONL ------------------------------------------------------------------ */

/* A summary given as a string (sentences on lines) or an array of sentence
 * strings, or (summaries file) the "sentences": [{"text": ...}] of precis
 * summarize's output. */
static bool json_text(json_t *v, pc_buf *out)
{
    out->len = 0;
    if (out->data) out->data[0] = '\0';
    if (json_is_string(v))
        return pc_buf_append(out, json_string_value(v), json_string_length(v)) == PRECIS_OK;
    if (!json_is_array(v)) return false;
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e)
    {
        json_t *s = json_is_object(e) ? json_object_get(e, "text") : e;
        if (!json_is_string(s)) return false;
        if (i && pc_buf_putc(out, '\n')) return false;
        if (pc_buf_append(out, json_string_value(s), json_string_length(s))) return false;
    }
    if (!out->data) return pc_buf_reserve(out, 0) == PRECIS_OK;
    return true;
}

precis_status pr_load_jsonl_buffer(precis_rouge *r, const char *path, const char *data,
                                   size_t size, const char *system)
{
    pc_buf text;
    pc_buf_init(&text, 0);
    precis_status st = PRECIS_OK;
    pc_line_iter it;
    pc_lines_init(&it, data, size);
    const char *line;
    size_t len, loaded = 0;
    char src[1024];
    while (!st && pc_lines_next(&it, &line, &len)) {
        size_t k = 0;
        while (k < len && pc_is_space((unsigned char)line[k])) k++;
        if (k == len) continue;
        snprintf(src, sizeof src, "%s:%zu", path, it.lineno);
        if (len > PC_DEFAULT_MAX_LINE) {
            pr_warn(r, "%s: line longer than the %zu-byte limit; skipped", src, PC_DEFAULT_MAX_LINE);
            continue;
        }
        json_error_t jerr;
        json_t *obj = json_loadb(line, len, 0, &jerr);
        if (!obj) {
            pr_warn(r, "%s: not JSON (%s); skipped", src, jerr.text);
            continue;
        }
        char id[128];
        json_t *jid = json_is_object(obj) ? json_object_get(obj, "id") : NULL;
        if (json_is_string(jid) && json_string_length(jid) > 0 && json_string_length(jid) < sizeof id)
            pc_snprintf(id, sizeof id, "%s", json_string_value(jid));
        else if (json_is_integer(jid))
            snprintf(id, sizeof id, "%" JSON_INTEGER_FORMAT, json_integer_value(jid));
        else {
            pr_warn(r, "%s: %s; skipped", src,
                    json_is_object(obj) ? "no usable \"id\" (a string or an integer)"
                                        : "not a JSON object");
            json_decref(obj);
            continue;
        }
        json_t *many = system ? NULL : json_object_get(obj, "summaries");
        json_t *one = NULL;
        if (system) {
            json_t *sents = json_object_get(obj, "sentences");
            one = json_is_array(sents) && json_array_size(sents) ? sents : json_object_get(obj, "summary");
        } else if (!json_is_array(many)) {
            one = json_object_get(obj, "summary");
        }
        size_t n = many && json_is_array(many) ? json_array_size(many) : 1;
        for (size_t i = 0; i < n && !st; i++) {
            json_t *v = many && json_is_array(many) ? json_array_get(many, i) : one;
            if (!v || !json_text(v, &text)) {
                pr_warn(r, "%s: no usable \"%s\" (a string or an array of sentences); skipped",
                        src, many ? "summaries" : "summary");
                continue;
            }
            st = system ? precis_rouge_add_summary(r, system, id, text.data, text.len, src)
                        : precis_rouge_add_reference(r, id, text.data, text.len, src);
            if (st && st != PRECIS_ENOMEM) {
                pr_warn(r, "%s; skipped", pr_err(r)->msg);
                st = PRECIS_OK;
            } else if (!st) {
                loaded++;
            }
        }
        json_decref(obj);
    }
    pc_buf_free(&text);
    if (st) return st;
    if (!loaded) return pc_fail(pr_err(r), PRECIS_EEMPTY, path, 0, "no summaries found");
    return PRECIS_OK;
}

static precis_status load_jsonl(precis_rouge *r, const char *path, const char *system)
{
    pc_buf file;
    pc_buf_init(&file, 0);
    /* UTF-8 is repaired first: a bad byte costs a U+FFFD (a separator for
     * ROUGE's ASCII tokens), not the line. */
    precis_status st = pc_read_input(path, 0, &file, pr_err(r));
    if (!st) st = pr_load_jsonl_buffer(r, path, file.data, file.len, system);
    pc_buf_free(&file);
    return st;
}

precis_status precis_rouge_load_refs_jsonl(precis_rouge *r, const char *path)
{
    if (!r || !path) return PRECIS_EINVAL;
    return load_jsonl(r, path, NULL);
}

precis_status precis_rouge_load_summaries_jsonl(precis_rouge *r, const char *path,
                                                const char *system)
{
    if (!r || !path) return PRECIS_EINVAL;
    char name[256];
    if (!system) {
        pc_snprintf(name, sizeof name, "%s", strcmp(path, "-") ? base_name(path) : "stdin");
        size_t n = strlen(name);
        if (n > 3 && !strcmp(name + n - 3, ".gz")) name[n -= 3] = '\0';
        char *dot = strrchr(name, '.');
        if (dot && dot != name && (!strcmp(dot, ".jsonl") || !strcmp(dot, ".json"))) *dot = '\0';
        system = name;
    }
    return load_jsonl(r, path, system);
}
