/* core.h — internal foundation shared by every stage: arena, growable buffer
 * with cap, error with file/line context, input reading (file, stdin, gzip,
 * UTF-8 repair), directory walking, line iteration and JSON string output.
 * Internal names use the pc_ prefix; nothing here is public API. */
#ifndef PRECIS_CORE_H
#define PRECIS_CORE_H

#include "precis.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define PC_MiB ((size_t)1 << 20)
#define PC_DEFAULT_MAX_FILE (256 * PC_MiB)
#define PC_DEFAULT_MAX_LINE (1 * PC_MiB)
#define PC_DEFAULT_MAX_ARTICLE (5 * PC_MiB)

#if defined(__GNUC__)
#define PC_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define PC_PRINTF(a, b)
#endif

/* ---- error: status + specific message "FILE:LINE: what" --------------- */
typedef struct pc_error {
    precis_status status;
    char msg[512];
} pc_error;

/* Sets err (if non-NULL) and returns status, so callers can `return pc_fail(...)`.
 * file may be NULL; line 0 means "no line". */
precis_status pc_fail(pc_error *err, precis_status status, const char *file, size_t line,
                      const char *fmt, ...) PC_PRINTF(5, 6);
void pc_error_clear(pc_error *err);

/* ---- arena: many small allocations freed at once (per document) ------- */
typedef struct pc_arena_block pc_arena_block;
typedef struct pc_arena {
    pc_arena_block *head;
    size_t block_size; /* default 64 KiB */
    size_t total;      /* bytes handed out, for caps and stats */
} pc_arena;

void pc_arena_init(pc_arena *a);
/* Returns 16-byte-aligned zeroed memory, or NULL when out of memory. */
void *pc_arena_alloc(pc_arena *a, size_t n);
char *pc_arena_strndup(pc_arena *a, const char *s, size_t n);
void pc_arena_reset(pc_arena *a); /* frees all blocks */

/* ---- growable buffer with cap ----------------------------------------- */
typedef struct pc_buf {
    char *data; /* NULL until the first reserve or append, then NUL-terminated
                   (who writes into reserved room directly keeps it so) */
    size_t len;
    size_t cap;
    size_t limit; /* 0 = unlimited; appends past it fail with PRECIS_ELIMIT */
} pc_buf;

void pc_buf_init(pc_buf *b, size_t limit);
void pc_buf_free(pc_buf *b);
precis_status pc_buf_reserve(pc_buf *b, size_t extra);
precis_status pc_buf_append(pc_buf *b, const void *p, size_t n);
precis_status pc_buf_puts(pc_buf *b, const char *s);
precis_status pc_buf_putc(pc_buf *b, char c);
precis_status pc_buf_printf(pc_buf *b, const char *fmt, ...) PC_PRINTF(2, 3);
/* Hands the data to the caller (malloc'd, NUL-terminated) and resets b. */
char *pc_buf_detach(pc_buf *b, size_t *len);

/* ---- growable arrays ---------------------------------------------------- */
/* Makes the array *v (of *cap elements of size elem) hold at least `need`
 * elements, doubling from `initial` (0 = 16); *v and *cap are updated, new
 * slots are not initialised. PRECIS_ENOMEM on overflow or allocation failure
 * (the old array is kept). v is the address of the array pointer. */
precis_status pc_grow(void *v, size_t *cap, size_t need, size_t elem, size_t initial);
/* qsort/bsearch comparators of unsigned integers, ascending. */
int pc_cmp_u64(const void *a, const void *b);
int pc_cmp_u32(const void *a, const void *b);
/* Ascending sorts: insertion sort up to 64 elements (a sentence's few dozen
 * keys: it beats qsort's calls), qsort above. */
void pc_sort_u64(uint64_t *v, size_t n);
void pc_sort_u32(uint32_t *v, size_t n);

/* ---- UTF-8 ------------------------------------------------------------- */
/* Appends src to out, replacing each invalid sequence by U+FFFD, dropping
 * NUL bytes and turning other control characters (not tab, newline, form
 * feed, carriage return) into spaces. Returns the number of replacements through *replaced (may be NULL). */
precis_status pc_utf8_repair(pc_buf *out, const char *src, size_t len, size_t *replaced);
bool pc_utf8_valid(const char *s, size_t len);
/* The longest prefix of s[0..n) of at most max bytes that does not end inside
 * a UTF-8 character: for quoting outside text in a message of bounded size
 * ("%.*s"); a cut at a fixed byte count split "\u00ff" and the message was
 * no longer UTF-8 (found by fuzz/fuzz_clean_sgml.c). */
static inline size_t pc_utf8_cut(const char *s, size_t n, size_t max)
{
    if (n <= max) return n;
    size_t k = max;
    while (k && ((unsigned char)s[k] & 0xC0) == 0x80) k--; /* s[k], the first byte left out, starts a character */
    return k;
}
/* The length of s[0..n) without a last character that is cut short (a lead
 * byte followed by fewer continuation bytes than it announces): for a buffer
 * that snprintf filled to its cap, where the byte left out is unknown. */
static inline size_t pc_utf8_whole(const char *s, size_t n)
{
    size_t k = n, back = 0;
    while (k && back < 3 && ((unsigned char)s[k - 1] & 0xC0) == 0x80) k--, back++;
    if (!k) return n;
    unsigned char c = (unsigned char)s[k - 1];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return c >= 0xC0 && back + 1 < need ? k - 1 : n;
}
/* snprintf that cuts, when the text does not fit in cap bytes, at the last
 * whole UTF-8 character (snprintf itself cuts at cap - 1 bytes, inside a
 * character of a quoted name or message). Returns the length written. */
size_t pc_snprintf(char *buf, size_t cap, const char *fmt, ...) PC_PRINTF(3, 4);
/* pc_snprintf of a va_list, for the readers' own printf-like reporters
 * (feed.c report, story input.c warn_field wrote its body twice). */
size_t pc_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap) PC_PRINTF(3, 0);
/* The one wording of a size limit hit by one part of an input, for every
 * reader (docs/cli.md "User pass 22"): "WHAT of N bytes is over the
 * LIMIT-byte limit" (WHAT: "article", "line", "element") into buf; returns
 * buf. 96 bytes always hold it. */
const char *pc_over_limit(char *buf, size_t cap, const char *what, size_t n, size_t limit);
/* The same wording for a whole input over limits.max_file_bytes, "input of
 * N bytes is over the LIMIT-byte limit" ("decompressed input" for gzip
 * data), or "input is over the LIMIT-byte limit" when size is 0 (not known:
 * the reading stopped at the limit); name is the input. Every reader says it so (before: "input larger than the
 * N-byte limit" in clean, summarize and extract, "input over the N-byte
 * limit" in digest and cluster). Returns PRECIS_ELIMIT. */
precis_status pc_fail_input_over(pc_error *err, const char *name, size_t size, size_t limit, bool gzip);
/* The failure to open an input (errno e): "standard input is closed" for "-"
 * when there is no stdin (`precis CMD - <&-`: dup gives EBADF; before, the
 * message read "cannot open: Bad file descriptor"), else "cannot open: why". */
precis_status pc_fail_open(pc_error *err, const char *name, bool is_stdin, int e);
/* dup(STDIN_FILENO) to read "-": -1 with errno EBADF when there is no stdin
 * to read, closed or open only for writing (the CLI holds a closed fd 0 with
 * /dev/null opened write-only, so that no file it opens later is taken for
 * stdin: cli/main.c hold_std_fds). */
int pc_dup_stdin(void);
/* Text of an unknown encoding (a pasted file) to UTF-8, then pc_utf8_repair:
 * a UTF-8 byte-order mark is dropped; UTF-16 with a byte-order mark is
 * converted; bytes with high bytes but no valid multi-byte UTF-8 sequence
 * (and not binary by pc_bytes_binary) are read as Windows-1252, a superset
 * of Latin-1. Anything else is taken as UTF-8. */
precis_status pc_text_decode(pc_buf *out, const char *src, size_t len, size_t *replaced);
/* True when pc_text_decode would give s back byte for byte (UTF-8 without a
 * byte-order mark, control bytes or invalid sequences): a caller may then
 * read s itself instead of a decoded copy. */
bool pc_text_unchanged(const char *s, size_t len);
/* The NUL characters pc_text_decode drops from src (raw 0 bytes; U+0000
 * code units in UTF-16 with a byte-order mark): a reader says their number
 * once per input (before, they were dropped without a word). */
size_t pc_text_nul(const char *src, size_t len);
/* The byte-order mark src opens with: UTF-32 (FF FE 00 00, 00 00 FE FF) is
 * tested before UTF-16 (FF FE, FE FF), whose little-endian mark it begins
 * with (docs/cli.md "User pass 22": UTF-32 was read as UTF-16). */
enum { PC_BOM_NONE, PC_BOM_UTF8, PC_BOM_UTF16LE, PC_BOM_UTF16BE, PC_BOM_UTF32LE, PC_BOM_UTF32BE };
int pc_text_bom(const char *src, size_t len);
/* True when len bytes of which pc_utf8_repair replaced `replaced` are binary
 * data rather than text with a few bad bytes: more than 64 replacements and
 * more than one byte in eight. Readers refuse such input (PRECIS_EPARSE). */
bool pc_utf8_binary(size_t replaced, size_t len);
/* The text readers' binary test (docs/cli.md "User pass 22"): NUL bytes
 * (pc_text_nul) count as not text beside the replaced bytes, so a file of
 * NUL bytes is binary data, not an empty article; pc_binary_why words the
 * refusal into buf ("binary data, not text (4000 of 4000 bytes are NUL)")
 * and returns buf. */
bool pc_text_binary(size_t replaced, size_t nul, size_t len);
const char *pc_binary_why(char *buf, size_t cap, size_t replaced, size_t nul, size_t len);

/* ---- URL host (url.c) ---- */
/* The host of a URL: "https://user@www.News.example.org:8080/a?b" gives
 * "News.example.org" (its start; its length in *n). The scheme is letters,
 * digits, "+-." before "://" ("//host" too); the host runs to a path, port,
 * query, fragment or space, after any "user@", without trailing dots and
 * without a leading "www." (any case) when more follows; an IPv6 literal
 * keeps its brackets. With bare_ok a string without a scheme is read as a
 * host itself (a site given as "example.org"); a caller that wants a name
 * without spaces checks the byte after the span. NULL (and *n 0) when there
 * is no host. */
const char *pc_url_host(const char *s, bool bare_ok, size_t *n);
/* pc_url_host of url (a scheme needed) in lower case into out; its length,
 * 0 (out "") when there is none or it does not fit cap - 1 bytes. */
size_t pc_url_host_copy(const char *url, char *out, size_t cap);
/* For bytes of an unknown 8-bit encoding (HTML before its charset is known):
 * binary when more than 64 and more than one byte in sixteen are C0 controls
 * other than tab, newline, form feed, carriage return and escape. Data that
 * starts with a UTF-16 byte-order mark is never binary. */
bool pc_bytes_binary(const char *d, size_t len);
/* s[0..len) with every run of white space (pc_is_space) turned into one
 * space and none at either end: written to dst (room for len + 1 bytes; NUL
 * added) unless dst is NULL; returns the length either way. */
size_t pc_collapse_space(char *dst, const char *s, size_t len);
/* 0..15 for a hex digit (either case), -1 for anything else. */
int pc_hex_digit(char c);
/* Levenshtein distance of x[0, lx) and y[0, ly) when it is at most cap, else
 * cap + 1 (also for texts over PC_EDIT_MAX bytes): the search stops as soon
 * as every path is over the cap. Stack only. */
#define PC_EDIT_MAX 64
size_t pc_edit_distance(const char *x, size_t lx, const char *y, size_t ly, size_t cap);

/* ---- reading inputs ---------------------------------------------------- */
/* Inflates the gzip data in[0..n) (one or more members, n >= 18) onto out,
 * failing with PRECIS_ELIMIT once out would hold more than max_bytes and with
 * PRECIS_EPARSE on corrupt data; name is for messages. Bytes after the last
 * member that do not start another one are ignored. */
precis_status pc_gunzip(const unsigned char *in, size_t n, size_t max_bytes, pc_buf *out,
                        const char *name, pc_error *err);
/* Reads path ("-" = stdin), gunzips if the data starts with the gzip magic,
 * repairs UTF-8; binary data (pc_utf8_binary) fails with PRECIS_EPARSE.
 * out must be initialised; its limit is raised to max_bytes
 * (0 = PC_DEFAULT_MAX_FILE) for the duration. */
precis_status pc_read_input(const char *path, size_t max_bytes, pc_buf *out, pc_error *err);
/* pc_read_input, with the NUL characters the decoding dropped counted into
 * *nul (pc_text_nul of the raw bytes), for the reader to say once. */
precis_status pc_read_input_nul(const char *path, size_t max_bytes, pc_buf *out, pc_error *err, size_t *nul);
/* Same, raw bytes: no UTF-8 repair (for HTML whose encoding is detected later). */
precis_status pc_read_input_raw(const char *path, size_t max_bytes, pc_buf *out, pc_error *err);

/* A byte source read in chunks by the streaming readers (story input, WARC):
 * a file descriptor (pc_source_fd: gzip-transparent, and a read gives what
 * has come so far), or, when fd is NULL, the memory buffer mem (mem_len
 * bytes). One reader for all, which the two kept as twins (the WARC reader
 * read through gzread until the story reader's pc_source_fd was the only
 * one: a slow pipe, a cut gzip member and progress are the same for both). */
struct pc_fdsrc;
typedef struct pc_source {
    struct pc_fdsrc *fd; /* pc_source_fd */
    const char *mem;
    size_t mem_len, mem_pos;
    bool io_error; /* a read failed, or the gzip data ended inside a member */
    int io_errno;  /* the read's errno; 0: the gzip data was corrupt or cut */
} pc_source;
/* What went wrong when io_error is set, in the words of whole-file reading
 * (pc_read_input): "read failed: Input/output error" or "corrupt gzip
 * data" (before, the story reader said "read error (corrupt gzip data?)" for
 * both). Into buf (cap bytes); returns buf. */
const char *pc_source_why(const pc_source *s, char *buf, size_t cap);
/* Reads fd (owned: pc_source_close closes it) with read(2): a read returns
 * the bytes that have come, not a full buffer, so a reader of a slow pipe
 * sees each line as it arrives (gzread waits for its whole buffer: a feed
 * of a line a second showed nothing until 128 KiB had come). gzip data
 * (by its magic bytes, members one after the other) is inflated; other
 * bytes pass as they are. PRECIS_ENOMEM (fd closed). */
precis_status pc_source_fd(pc_source *s, int fd);
/* True once the first read of a pc_source_fd source found gzip data. */
bool pc_source_gzip(const pc_source *s);
/* 1 + the newlines in s[0..n): the line a text broke in after its first n
 * bytes (gzip data cut or corrupt there), for FILE:LINE. */
size_t pc_line_at(const char *s, size_t n);
/* Bytes of the input consumed so far: of the file as it is (compressed,
 * for gzip), for progress; a memory source's position. */
uint64_t pc_source_offset(const pc_source *s);
/* Frees a pc_source_fd source (closing its descriptor); a memory one needs
 * nothing. */
void pc_source_close(pc_source *s);
/* Up to n bytes into dst; 0 at the end or on an error (then io_error is set:
 * a read failed, or the gzip data was corrupt or ended inside a member). */
size_t pc_source_read(pc_source *s, char *dst, size_t n);

/* Natural order of names, as `ls -v` and file managers sort: runs of digits
 * compare by their value (D2 before D10, leading zeros ignored), everything
 * else byte by byte; names equal that way (a01, a1) in byte order. */
int pc_natural_cmp(const char *a, const char *b);
/* Expands inputs into a sorted list of files: directories are walked
 * recursively in natural order of names (pc_natural_cmp), hidden entries
 * skipped; "-" stays "-".
 * In a walk only regular files are listed (no FIFO, socket or device), a
 * link back to a directory being walked is not followed, and a subdirectory
 * that cannot be listed is listed as a path (its reader names the error).
 * A path naming a regular file already listed (the same file named twice, a
 * file inside a directory also given, a link to it) is left out, and
 * repeat is told: repeat(ctx, left_out, listed_as). With repeat NULL every
 * path is kept (eval rouge reads what it is given, as ROUGE-1.5.5 does).
 * *paths is a malloc'd array of malloc'd strings; free with pc_paths_free. */
typedef void pc_repeat_fn(void *ctx, const char *left_out, const char *listed_as);
precis_status pc_expand_inputs(char *const *inputs, size_t n_inputs, char ***paths,
                               size_t *n_paths, pc_repeat_fn *repeat, void *repeat_ctx, pc_error *err);
void pc_paths_free(char **paths, size_t n);
bool pc_is_dir(const char *path);
/* True for a regular file (not "-", a pipe, a device): one that can be opened
 * again and read from its start. */
bool pc_is_regular(const char *path);

/* The message for a JSONL line with text after its JSON value. */
#define PC_JSON_TRAILING \
    "text after the JSON object (one object a line; lines end with \\n, not \\r alone)"

/* True when what follows a JSONL line's value is blank, or one ',' and blanks
 * (an array written one object a line); else the line holds more than one value. */
static inline bool pc_json_rest_blank(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
    if (i < n && s[i] == ',') i++;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
    return i == n;
}

/* Steps through the elements of a JSON array in d[0,n) one at a time, so that
 * a 256 MiB array is never one jansson tree (6 MB of "[{},{},...]" took
 * 800 MB that way). Only the structure is scanned (strings, brackets); each
 * element's span is then parsed alone by the caller. A leading UTF-8 BOM and
 * white space are skipped. */
typedef struct pc_json_array {
    const char *d;
    size_t n, pos;
    size_t line;     /* line of pos, from 1 */
    size_t k;        /* elements handed out */
    const char *why; /* after -1: what is wrong at line */
} pc_json_array;

/* False when d does not start with '[' (after a BOM and blanks). */
bool pc_json_array_begin(pc_json_array *it, const char *d, size_t n);
/* 1: the next element is d[*start, *start + *len), starting on *line; 0: the
 * array closed, with only blanks after it; -1: malformed (it->why, it->line). */
int pc_json_array_next(pc_json_array *it, size_t *start, size_t *len, size_t *line);

/* What a JSON value is, for messages about a field of the wrong type
 * ("a number", "an array", "true"...); v is a jansson json_t (NULL: "nothing"). */
struct json_t;
const char *pc_json_kind(const struct json_t *v);

/* Iterates lines of a buffer: returns false at the end. line and len exclude
 * the newline (and a preceding \r); *lineno counts from 1. */
typedef struct pc_line_iter {
    const char *p, *end;
    size_t lineno;
} pc_line_iter;
void pc_lines_init(pc_line_iter *it, const char *s, size_t len);
bool pc_lines_next(pc_line_iter *it, const char **line, size_t *len);

/* ---- JSON output ------------------------------------------------------- */
/* Appends s as a quoted JSON string (escapes per RFC 8259); a byte sequence
 * that is not UTF-8 becomes U+FFFD, so the output is always valid JSON. */
precis_status pc_json_string(pc_buf *out, const char *s, size_t len);

/* ---- hash map: 64-bit key -> 32-bit value ----------------------------- */
/* The one open-addressing table (linear probing) behind the stages' keyed
 * sets: a vocabulary, the texts seen, ids to positions. Callers hash their
 * own keys (XXH3 for text); any 64-bit key is allowed, the slot comes from
 * its Fibonacci hash, so small integers spread too. A value is the caller's
 * index or count, anything but PC_MAP_NONE. When keys are hashes of
 * something else, eq(ctx, value) tells the stored entry that is the one
 * looked for from one that only shares its hash; eq NULL: the key is the
 * identity. No deletion. To visit every entry (in no useful order), read
 * slots[0..cap) whose val is not PC_MAP_NONE. Heap-backed, at most half full,
 * doubling; no allocation per insert. Past `limit` keys an insert fails with
 * PRECIS_ELIMIT (nothing is dropped silently). */
#define PC_MAP_NONE UINT32_MAX
#define PC_MAP_MAX_KEYS ((size_t)1 << 30)
typedef struct pc_map_slot {
    uint64_t key;
    uint32_t val; /* PC_MAP_NONE: empty */
} pc_map_slot;
typedef struct pc_map {
    pc_map_slot *slots;
    size_t cap;     /* slots: 0 (nothing allocated yet) or a power of two >= 64 */
    size_t n;       /* keys stored */
    size_t limit;   /* most keys: 1..PC_MAP_MAX_KEYS (0 in a zeroed map: the maximum) */
    unsigned shift; /* 64 - log2(cap) */
} pc_map;
typedef bool pc_map_eq(const void *ctx, uint32_t val);

/* limit 0 = PC_MAP_MAX_KEYS. Nothing is allocated until the first insert.
 * A zeroed pc_map is the same as one initialised with limit 0. */
void pc_map_init(pc_map *m, size_t limit);
void pc_map_free(pc_map *m); /* back to the empty state of pc_map_init, same limit */
/* Room for `extra` more keys without growing (sizes a table once when the
 * count is known). PRECIS_ELIMIT past the limit, PRECIS_ENOMEM; the table
 * is unchanged on failure. */
precis_status pc_map_reserve(pc_map *m, size_t extra);
/* Stores key -> val without looking for key (the caller knows it is absent,
 * e.g. pc_map_get just said so). val must not be PC_MAP_NONE (EINVAL). */
precis_status pc_map_add(pc_map *m, uint64_t key, uint32_t val);
/* The first value stored under key that eq accepts (every one when eq is
 * NULL), in insertion order of the keys that probe alike; PC_MAP_NONE if none. */
static inline uint32_t pc_map_get(const pc_map *m, uint64_t key, pc_map_eq *eq, const void *ctx)
{
    if (!m->cap) return PC_MAP_NONE;
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)((key * 0x9E3779B97F4A7C15ull) >> m->shift);; i = (i + 1) & mask) {
        const pc_map_slot *s = &m->slots[i];
        if (s->val == PC_MAP_NONE) return PC_MAP_NONE;
        if (s->key == key && (!eq || eq(ctx, s->val))) return s->val;
    }
}
/* What a key hashed from bytes stands for: an eq callback gets it as ctx and
 * compares the stored value's bytes with pc_map_same_bytes. owner is the
 * caller's table the values index. */
typedef struct pc_map_bytes {
    const void *owner;
    const char *s;
    size_t n;
} pc_map_bytes;
static inline bool pc_map_same_bytes(const pc_map_bytes *p, const char *s, size_t n)
{
    return n == p->n && (n == 0 || s == p->s || !memcmp(s, p->s, n));
}
/* pc_map_get, and when nothing is found, pc_map_add(key, val). *found (may
 * be NULL) is the value found, or PC_MAP_NONE when val was stored. */
static inline precis_status pc_map_put(pc_map *m, uint64_t key, uint32_t val, pc_map_eq *eq,
                                       const void *ctx, uint32_t *found)
{
    uint32_t v = pc_map_get(m, key, eq, ctx);
    if (found) *found = v;
    return v == PC_MAP_NONE ? pc_map_add(m, key, val) : PRECIS_OK;
}

/* A set of byte strings (article ids, output file names): a pc_map keyed on
 * a hash of the bytes whose every hit is compared with the stored bytes, so
 * two strings that share a hash stay two (callers keyed on the bare hash
 * merged them silently). The strings are copied into the set's arena. */
typedef struct pc_strset_entry {
    const char *s;
    size_t n;
} pc_strset_entry;
typedef struct pc_strset {
    pc_map map;
    pc_arena arena;
    pc_strset_entry *v;
    size_t n, cap;
    /* NULL: XXH3-64. Tests set one that makes every string clash. */
    uint64_t (*hash)(const char *s, size_t n);
} pc_strset;
void pc_strset_init(pc_strset *set);
void pc_strset_free(pc_strset *set); /* back to the empty state, hash kept */
/* Adds s[0..n) unless it is there; *added (may be NULL) says which. */
precis_status pc_strset_add(pc_strset *set, const char *s, size_t n, bool *added);
bool pc_strset_has(const pc_strset *set, const char *s, size_t n);

/* ---- context internals (the struct itself stays private to ctx.c) ---- */
/* The context's error slot, language code and limits, for library modules. */
pc_error *pc_ctx_err(precis_ctx *ctx);
const char *pc_ctx_lang(const precis_ctx *ctx);
const precis_limits *pc_ctx_limits(const precis_ctx *ctx);
/* Hands a warning about a part of an input that is used (worded by the
 * caller, "FILE:LINE: ID: what") to the callback of precis_on_warning; none
 * set: dropped. */
void pc_ctx_warn(precis_ctx *ctx, const char *fmt, ...) PC_PRINTF(2, 3);

/* ---- small helpers ----------------------------------------------------- */
static inline bool pc_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* True when d starts (after a UTF-8 byte-order mark and white space) as a JSON
 * array of articles: '[' then '{', '"' or ']'. The one test digest, cluster,
 * ingest and summarize share, so they read the same file the same way. */
static inline bool pc_looks_like_json_array(const char *d, size_t n)
{
    size_t i = n >= 3 && !memcmp(d, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < n && pc_is_space((unsigned char)d[i])) i++;
    if (i >= n || d[i] != '[') return false;
    for (i++; i < n && pc_is_space((unsigned char)d[i]); i++) {}
    return i < n && (d[i] == '{' || d[i] == '"' || d[i] == ']');
}

#endif /* PRECIS_CORE_H */
