/* A JSON array walked element by element (pc_json_array, core.h): the
 * readers of a JSON array of articles parse each element alone, with the
 * per-line cap, instead of the whole file as one tree. */
#include "core/core.h"

#include <jansson.h>
#include <string.h>

const char *pc_json_kind(const json_t *v)
{
    switch (v ? json_typeof(v) : JSON_NULL) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "a number";
    case JSON_REAL: return "a number with a fraction";
    case JSON_TRUE: return "true";
    case JSON_FALSE: return "false";
    default: return "null";
    }
}

static void skip_blank(pc_json_array *it)
{
    while (it->pos < it->n) {
        char c = it->d[it->pos];
        if (c == '\n') it->line++;
        else if (c != ' ' && c != '\t' && c != '\r') break;
        it->pos++;
    }
}

bool pc_json_array_begin(pc_json_array *it, const char *d, size_t n)
{
    it->d = d ? d : "";
    it->n = d ? n : 0;
    it->pos = 0;
    it->line = 1;
    it->k = 0;
    it->why = NULL;
    if (it->n >= 3 && !memcmp(it->d, "\xEF\xBB\xBF", 3)) it->pos = 3;
    skip_blank(it);
    if (it->pos >= it->n || it->d[it->pos] != '[') return false;
    it->pos++;
    return true;
}

/* Moves past one value's text: a string, a bracketed value (strings inside
 * skipped, brackets counted, not matched: jansson checks the span) or a
 * scalar. False when the input ends inside it. */
static bool skip_value(pc_json_array *it)
{
    size_t depth = 0;
    while (it->pos < it->n) {
        char c = it->d[it->pos];
        if (c == '"') {
            it->pos++;
            while (it->pos < it->n && it->d[it->pos] != '"') {
                if (it->d[it->pos] == '\n') it->line++; /* invalid JSON, but count it */
                it->pos += it->d[it->pos] == '\\' ? 2 : 1;
            }
            if (it->pos > it->n) it->pos = it->n; /* a '\\' last */
            if (it->pos >= it->n) return false;
            it->pos++;
            if (!depth) return true;
            continue;
        }
        if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            if (!depth) return true; /* a scalar ended by the array's ']' */
            if (--depth == 0) {
                it->pos++;
                return true;
            }
        } else if (!depth && (c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
            return true; /* a scalar's end */
        } else if (c == '\n') {
            it->line++;
        }
        it->pos++;
    }
    return depth == 0;
}

int pc_json_array_next(pc_json_array *it, size_t *start, size_t *len, size_t *line)
{
    skip_blank(it);
    if (it->pos >= it->n) {
        it->why = "the array is not closed (a ']' is missing: a truncated file?)";
        return -1;
    }
    if (it->k > 0 || it->d[it->pos] == ']') {
        char c = it->d[it->pos];
        if (c == ']') {
            it->pos++;
            skip_blank(it);
            if (it->pos < it->n) {
                it->why = "text after the JSON array";
                return -1;
            }
            return 0;
        }
        if (c != ',') {
            it->why = "expected ',' or ']' after an element of the array";
            return -1;
        }
        it->pos++;
        skip_blank(it);
        if (it->pos >= it->n) {
            it->why = "the array is not closed (a ']' is missing: a truncated file?)";
            return -1;
        }
        if (it->d[it->pos] == ']' || it->d[it->pos] == ',') {
            it->why = "an empty element (two commas, or a comma before ']')";
            return -1;
        }
    }
    *start = it->pos;
    *line = it->line;
    if (!skip_value(it)) {
        it->why = "the array is not closed (a string or bracket runs to the end of the file)";
        return -1;
    }
    *len = it->pos - *start;
    if (!*len) {
        it->why = "expected a value in the array";
        return -1;
    }
    it->k++;
    return 1;
}
