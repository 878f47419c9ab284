/* config.c — the inputs of the ROUGE-1.5.5 script itself, so existing scripts
 * (pyrouge and others) can call precis unchanged: the XML evaluation file
 * (<EVAL ID> with PEER-ROOT, MODEL-ROOT, INPUT-FORMAT, PEERS/P, MODELS/M) and
 * the -z file list ("peer model1 model2 ..." per line), with summaries in the
 * SPL (a sentence a line), SEE (DUC's HTML) or ISI (<S SNTNO>) formats.
 * Only the handful of elements the script reads are recognised; the XML
 * reader is a small tag scanner, not a general parser. */
#include "rouge/rouge.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum fmt { F_SPL, F_SEE, F_ISI } fmt;

static bool parse_format(const char *s, size_t n, fmt *out)
{
    if (n == 3 && !strncasecmp(s, "SPL", 3)) *out = F_SPL;
    else if (n == 3 && !strncasecmp(s, "SEE", 3)) *out = F_SEE;
    else if (n == 3 && !strncasecmp(s, "ISI", 3)) *out = F_ISI;
    else return false;
    return true;
}

/* ---- SEE and ISI summaries, turned into SPL ---------------------------------- */

static bool skip_lit(const char **p, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    if ((size_t)(end - *p) < n || memcmp(*p, lit, n) != 0) return false;
    *p += n;
    return true;
}

static bool skip_digits(const char **p, const char *end)
{
    const char *s = *p;
    while (*p < end && **p >= '0' && **p <= '9') (*p)++;
    return *p > s;
}

/* The sentence text of one SEE line (the script's two patterns):
 * <a size="N" name="N">[N]</a>\s+<a href="#N" id=N>TEXT or the same without
 * size="N". TEXT runs to the next '<' and may include the line's newline. */
static bool see_line(const char *p, const char *end, const char **text, size_t *n)
{
    if (!skip_lit(&p, end, "<a ")) return false;
    const char *q = p;
    if (skip_lit(&q, end, "size=\"") && skip_digits(&q, end) && skip_lit(&q, end, "\" ")) p = q;
    if (!skip_lit(&p, end, "name=\"") || !skip_digits(&p, end) || !skip_lit(&p, end, "\">[") ||
        !skip_digits(&p, end) || !skip_lit(&p, end, "]</a>"))
        return false;
    const char *ws = p;
    while (p < end && pc_is_space((unsigned char)*p)) p++;
    if (p == ws) return false;
    if (!skip_lit(&p, end, "<a href=\"#") || !skip_digits(&p, end) || !skip_lit(&p, end, "\" id=") ||
        !skip_digits(&p, end) || !skip_lit(&p, end, ">"))
        return false;
    const char *t = p;
    while (p < end && *p != '<') p++;
    if (p == t) return false;
    *text = t;
    *n = (size_t)(p - t);
    return true;
}

/* <S SNTNO="[0-9a-z,]+">TEXT</S> */
static bool isi_line(const char *p, const char *end, const char **text, size_t *n)
{
    if (!skip_lit(&p, end, "<S SNTNO=\"")) return false;
    const char *s = p;
    while (p < end && ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || *p == ',')) p++;
    if (p == s || !skip_lit(&p, end, "\">")) return false;
    const char *t = p;
    while (p < end && *p != '<') p++;
    size_t len = (size_t)(p - t);
    if (len == 0 || !skip_lit(&p, end, "</S>")) return false;
    *text = t;
    *n = len;
    return true;
}

/* Sentences of a SEE/ISI file as SPL text. A newline caught in a sentence
 * becomes a space: the same whitespace to the script's split and the same
 * byte count for -b. */
static precis_status to_spl(fmt f, const char *data, size_t len, pc_buf *out)
{
    out->len = 0;
    precis_status st = pc_buf_reserve(out, 0);
    const char *p = data, *end = data + len;
    while (p < end && !st) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl + 1 : end; /* the line keeps its newline, as in Perl */
        const char *t;
        size_t n;
        if (f == F_SEE ? see_line(p, le, &t, &n) : isi_line(p, le, &t, &n)) {
            for (size_t i = 0; i < n && !st; i++) st = pc_buf_putc(out, t[i] == '\n' ? ' ' : t[i]);
            if (!st) st = pc_buf_putc(out, '\n');
        }
        p = le;
    }
    return st;
}

/* Reads one summary file of the given format and adds it. Problems are
 * warnings (the input is skipped); only ENOMEM is returned. */
static precis_status add_file(precis_rouge *r, const char *path, fmt f, const char *system,
                              const char *topic, bool open_files)
{
    if (!open_files) return PRECIS_OK; /* the fuzz target checks the lists only */
    pc_buf raw, spl;
    pc_buf_init(&raw, 0);
    pc_buf_init(&spl, 0);
    pc_error err;
    pc_error_clear(&err);
    precis_status st = pc_read_input_raw(path, pr_max_summary(r), &raw, &err);
    if (st == PRECIS_OK) {
        const char *text = raw.data;
        size_t len = raw.len;
        if (f != F_SPL) {
            if ((st = to_spl(f, raw.data, raw.len, &spl))) goto out;
            text = spl.data;
            len = spl.len;
        }
        st = system ? precis_rouge_add_summary(r, system, topic, text, len, path)
                    : precis_rouge_add_reference(r, topic, text, len, path);
        if (st && st != PRECIS_ENOMEM) pr_warn(r, "%s; skipped", pr_err(r)->msg);
    } else if (st != PRECIS_ENOMEM) {
        pr_warn(r, "%s; skipped", err.msg);
    }
out:
    pc_buf_free(&raw);
    pc_buf_free(&spl);
    if (st == PRECIS_ENOMEM) return pc_fail(pr_err(r), st, path, 0, "out of memory");
    return PRECIS_OK;
}

static precis_status join_path(const char *root, const char *file, char *out, size_t cap)
{
    int n = root && *root ? snprintf(out, cap, "%s/%s", root, file) : snprintf(out, cap, "%s", file);
    return n < 0 || (size_t)n >= cap ? PRECIS_ELIMIT : PRECIS_OK;
}

/* ---- the XML evaluation file ------------------------------------------------------ */

typedef struct xml_item {
    char id[256];
    char file[1024];
} xml_item;

typedef struct xml_eval {
    char id[256];
    char peer_root[1024], model_root[1024];
    fmt format;
    bool have_format;
    xml_item *peers, *models;
    size_t n_peers, n_models, cap_peers, cap_models;
} xml_eval;

/* Text between tags, trimmed, with the five predefined entities decoded. */
static void xml_text(const char *s, size_t n, char *out, size_t cap)
{
    while (n && pc_is_space((unsigned char)*s)) s++, n--;
    while (n && pc_is_space((unsigned char)s[n - 1])) n--;
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        static const struct {
            const char *ent;
            char c;
        } E[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
        char c = s[i];
        if (c == '&')
            for (size_t e = 0; e < sizeof E / sizeof E[0]; e++) {
                size_t el = strlen(E[e].ent);
                if (n - i >= el && !memcmp(s + i, E[e].ent, el)) {
                    c = E[e].c;
                    i += el - 1;
                    break;
                }
            }
        out[k++] = c;
    }
    out[k] = '\0';
}

/* Attribute value of name in a start tag's body [s, e). */
static bool xml_attr(const char *s, const char *e, const char *name, char *out, size_t cap)
{
    size_t nl = strlen(name);
    for (const char *p = s; p + nl < e; p++) {
        if (strncasecmp(p, name, nl) != 0 || (p > s && !pc_is_space((unsigned char)p[-1]))) continue;
        const char *q = p + nl;
        while (q < e && pc_is_space((unsigned char)*q)) q++;
        if (q >= e || *q != '=') continue;
        q++;
        while (q < e && pc_is_space((unsigned char)*q)) q++;
        if (q >= e || (*q != '"' && *q != '\'')) continue;
        char quote = *q++;
        const char *v = q;
        while (q < e && *q != quote) q++;
        if (q >= e) return false;
        xml_text(v, (size_t)(q - v), out, cap);
        return true;
    }
    return false;
}

static bool push_item(xml_item **v, size_t *n, size_t *cap, const char *id, const char *file)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        xml_item *nv = realloc(*v, nc * sizeof *nv);
        if (!nv) return false;
        *v = nv;
        *cap = nc;
    }
    snprintf((*v)[*n].id, sizeof (*v)[*n].id, "%s", id);
    snprintf((*v)[*n].file, sizeof (*v)[*n].file, "%s", file);
    (*n)++;
    return true;
}

static precis_status run_eval(precis_rouge *r, const char *cfg, xml_eval *ev, const char *only,
                               bool open_files)
{
    if (!ev->have_format) ev->format = F_SPL;
    char path[2048];
    for (size_t i = 0; i < ev->n_models; i++) {
        if (join_path(ev->model_root, ev->models[i].file, path, sizeof path)) {
            pr_warn(r, "%s: EVAL %s: model path too long; skipped", cfg, ev->id);
            continue;
        }
        precis_status st = add_file(r, path, ev->format, NULL, ev->id, open_files);
        if (st) return st;
    }
    for (size_t i = 0; i < ev->n_peers; i++) {
        if (only && strcmp(only, ev->peers[i].id) != 0) continue;
        if (join_path(ev->peer_root, ev->peers[i].file, path, sizeof path)) {
            pr_warn(r, "%s: EVAL %s: peer path too long; skipped", cfg, ev->id);
            continue;
        }
        precis_status st = add_file(r, path, ev->format, ev->peers[i].id, ev->id, open_files);
        if (st) return st;
    }
    return PRECIS_OK;
}

static precis_status load_xml(precis_rouge *r, const char *path, const char *data, size_t len,
                              const char *only, bool open_files)
{
    const char *p = data, *end = data + len;
    xml_eval ev;
    memset(&ev, 0, sizeof ev);
    bool in_eval = false;
    size_t evals = 0, line = 1;
    precis_status st = PRECIS_OK;
    enum { T_NONE, T_PEER_ROOT, T_MODEL_ROOT, T_P, T_M } open_text = T_NONE;
    const char *text_start = NULL;
    char item_id[256] = "";
    while (p < end && !st) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) break;
        for (const char *c = p; c < lt; c++) line += *c == '\n';
        if (end - lt >= 4 && !memcmp(lt, "<!--", 4)) {
            const char *ce = lt + 4;
            while (ce + 3 <= end && memcmp(ce, "-->", 3)) line += *ce++ == '\n';
            p = ce + 3 <= end ? ce + 3 : end;
            continue;
        }
        const char *gt = memchr(lt, '>', (size_t)(end - lt));
        if (!gt) {
            st = pc_fail(pr_err(r), PRECIS_EPARSE, path, line, "unterminated tag");
            break;
        }
        for (const char *c = lt; c < gt; c++) line += *c == '\n';
        bool closing = lt[1] == '/';
        const char *name = lt + (closing ? 2 : 1);
        size_t nl = 0;
        while (name + nl < gt && !pc_is_space((unsigned char)name[nl]) && name[nl] != '/') nl++;
#define IS(tag) (nl == strlen(tag) && !strncasecmp(name, tag, nl))
        if (!closing && IS("EVAL")) {
            if (in_eval) {
                st = pc_fail(pr_err(r), PRECIS_EPARSE, path, line, "EVAL inside EVAL");
                break;
            }
            free(ev.peers);
            free(ev.models);
            memset(&ev, 0, sizeof ev);
            in_eval = true;
            open_text = T_NONE;
            if (!xml_attr(name + nl, gt, "ID", ev.id, sizeof ev.id) || !ev.id[0]) {
                st = pc_fail(pr_err(r), PRECIS_EPARSE, path, line, "EVAL without an ID");
                break;
            }
        } else if (closing && IS("EVAL")) {
            if (in_eval) {
                st = run_eval(r, path, &ev, only, open_files);
                evals++;
            }
            free(ev.peers);
            free(ev.models);
            memset(&ev, 0, sizeof ev);
            in_eval = false;
            open_text = T_NONE; /* an element left open ends with its EVAL */
        } else if (in_eval && !closing && IS("INPUT-FORMAT")) {
            char type[32];
            if (!xml_attr(name + nl, gt, "TYPE", type, sizeof type) ||
                !parse_format(type, strlen(type), &ev.format)) {
                st = pc_fail(pr_err(r), PRECIS_EPARSE, path, line,
                             "INPUT-FORMAT TYPE must be SPL, SEE or ISI (Basic Elements are not supported)");
                break;
            }
            ev.have_format = true;
        } else if (in_eval && !closing && (IS("PEER-ROOT") || IS("MODEL-ROOT"))) {
            open_text = IS("PEER-ROOT") ? T_PEER_ROOT : T_MODEL_ROOT;
            text_start = gt + 1;
        } else if (in_eval && !closing && (IS("P") || IS("M"))) {
            open_text = IS("P") ? T_P : T_M;
            text_start = gt + 1;
            if (!xml_attr(name + nl, gt, "ID", item_id, sizeof item_id) || !item_id[0]) {
                st = pc_fail(pr_err(r), PRECIS_EPARSE, path, line, "%s without an ID",
                             open_text == T_P ? "P" : "M");
                break;
            }
        } else if (closing && open_text != T_NONE && text_start) {
            char text[1024];
            xml_text(text_start, (size_t)(lt - text_start), text, sizeof text);
            bool ok = true;
            if (open_text == T_PEER_ROOT) snprintf(ev.peer_root, sizeof ev.peer_root, "%s", text);
            else if (open_text == T_MODEL_ROOT) snprintf(ev.model_root, sizeof ev.model_root, "%s", text);
            else if (open_text == T_P) ok = push_item(&ev.peers, &ev.n_peers, &ev.cap_peers, item_id, text);
            else ok = push_item(&ev.models, &ev.n_models, &ev.cap_models, item_id, text);
            if (!ok) st = pc_fail(pr_err(r), PRECIS_ENOMEM, path, line, "out of memory");
            open_text = T_NONE;
            text_start = NULL;
        }
#undef IS
        p = gt + 1;
    }
    free(ev.peers);
    free(ev.models);
    if (!st && !evals) st = pc_fail(pr_err(r), PRECIS_EEMPTY, path, 0, "no <EVAL> elements");
    return st;
}

/* ---- the -z file list -------------------------------------------------------------- */

static precis_status load_list(precis_rouge *r, const char *path, const char *data, size_t len,
                               fmt f, const char *system, bool open_files)
{
    pc_line_iter it;
    pc_lines_init(&it, data, len);
    const char *line;
    size_t n, eval_id = 1;
    precis_status st = PRECIS_OK;
    while (!st && pc_lines_next(&it, &line, &n)) {
        if (n && line[0] == '#') continue; /* the script's comment lines */
        enum { MAX_FIELDS = 256 };
        const char *fs[MAX_FIELDS];
        size_t fl[MAX_FIELDS], nf = 0, k = 0;
        while (k < n && nf < MAX_FIELDS) {
            while (k < n && pc_is_space((unsigned char)line[k])) k++;
            if (k == n) break;
            fs[nf] = line + k;
            while (k < n && !pc_is_space((unsigned char)line[k])) k++;
            fl[nf] = (size_t)(line + k - fs[nf]);
            nf++;
        }
        if (nf == 0) continue;
        if (nf < 2) {
            pr_warn(r, "%s:%zu: a line needs a peer and at least one model; skipped", path, it.lineno);
            continue;
        }
        char id[32], file[2048];
        snprintf(id, sizeof id, "%zu", eval_id++);
        for (size_t i = 1; i < nf && !st; i++) { /* models first: the peer's topic then exists */
            snprintf(file, sizeof file, "%.*s", (int)fl[i], fs[i]);
            st = add_file(r, file, f, NULL, id, open_files);
        }
        snprintf(file, sizeof file, "%.*s", (int)fl[0], fs[0]);
        if (!st) st = add_file(r, file, f, system, id, open_files);
    }
    if (!st && eval_id == 1) st = pc_fail(pr_err(r), PRECIS_EEMPTY, path, 0, "no evaluation pairs");
    return st;
}

precis_status pr_load_config_buffer(precis_rouge *r, const char *path, const char *data,
                                    size_t len, const char *list_format, const char *system,
                                    bool open_files)
{
    fmt f = F_SPL;
    if (list_format && !parse_format(list_format, strlen(list_format), &f))
        return pc_fail(pr_err(r), PRECIS_EINVAL, NULL, 0,
                       "-z takes SPL, SEE or ISI (Basic Elements are not supported)");
    return list_format ? load_list(r, path, data, len, f, system ? system : "X", open_files)
                       : load_xml(r, path, data, len, system, open_files);
}

precis_status pr_markup_to_spl(const char *format, const char *data, size_t len, pc_buf *out)
{
    fmt f;
    if (!parse_format(format, strlen(format), &f)) return PRECIS_EINVAL;
    if (f == F_SPL) {
        out->len = 0;
        return pc_buf_append(out, data, len);
    }
    return to_spl(f, data, len, out);
}

precis_status precis_rouge_load_config(precis_rouge *r, const char *path,
                                       const char *file_list_format, const char *system)
{
    if (!r || !path) return PRECIS_EINVAL;
    pc_buf b;
    pc_buf_init(&b, 0);
    precis_status st = pc_read_input_raw(path, 0, &b, pr_err(r));
    if (!st) st = pr_load_config_buffer(r, path, b.data, b.len, file_list_format, system, true);
    pc_buf_free(&b);
    return st;
}
