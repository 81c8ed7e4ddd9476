#include "yamlread.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "diag.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"
#include "yamlhint.h"

const struct ylimits ylimits_default = {
    .max_depth = 16,
    .max_scalar = 16384,
    .max_nodes = 200000,
};

struct frame {
    struct ynode *node;
    size_t first_kid; /* index in the builder's kid stack */
};

struct builder {
    struct ydoc *doc;
    const struct ylimits *limits;
    struct diags *d;
    const char *buf;
    size_t len;
    struct frame *frames;
    size_t n_frames, frames_alloc;
    struct ynode **kids;
    size_t n_kids, kids_alloc;
    struct ynode **keys, **slots; /* check_keys's, kept from map to map */
    size_t keys_alloc, slots_alloc;
    bool nul; /* a scalar held a NUL (reported) */
    size_t n_nodes;
    int documents;
};

void ydoc_init(struct ydoc *doc)
{
    memset(doc, 0, sizeof(*doc));
    pool_init(&doc->pool);
}

void ydoc_release(struct ydoc *doc)
{
    pool_release(&doc->pool);
    ydoc_init(doc);
}

/*
 * Line and column (1-based, column in code points) of a byte offset in the buffer,
 * counted as libyaml counts them: every YAML line break ends a line, and a byte-order
 * mark takes no column.
 */
static void locate_offset(const char *buf, size_t len, size_t offset, unsigned *line,
                          unsigned *column)
{
    unsigned l = 1;
    size_t line_start = 0;
    if (offset > len)
        offset = len;
    if (offset >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        line_start = 3;
    for (size_t i = line_start; i < offset;) {
        size_t brk = text_line_break(buf + i, len - i);
        if (brk && i + brk <= offset) {
            l++;
            i += brk;
            line_start = i;
        } else {
            i++;
        }
    }
    *line = l;
    *column = (unsigned)utf8_width(buf + line_start, offset - line_start) + 1;
}

size_t yaml_offset_of(const char *buf, size_t len, unsigned line, unsigned column)
{
    size_t i = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (unsigned l = 1; l < line && i < len;) {
        size_t brk = text_line_break(buf + i, len - i);
        i += brk ? brk : 1;
        l += brk != 0;
    }
    for (unsigned c = 1; c < column && i < len && !text_line_break(buf + i, len - i); c++) {
        size_t n = utf8_seq_len((const unsigned char *)buf + i, len - i);
        i += n ? n : 1;
    }
    return i;
}

static unsigned mark_line(yaml_mark_t m)
{
    return (unsigned)m.line + 1;
}

static unsigned mark_column(yaml_mark_t m)
{
    return (unsigned)m.column + 1;
}

static int fail(struct builder *b, unsigned line, unsigned column, const char *msg)
{
    diag_error(b->d, b->doc->file, line, column, "%s", msg);
    b->doc->broken = true;
    return -1;
}

/*
 * A scanner or parser error. Where the text shows the mistake a person likely made,
 * the diagnostic names that line and the fix, and libyaml's words follow as a note;
 * otherwise libyaml's words are the message, at its mark.
 */
static void report_syntax_error(struct builder *b, const yaml_parser_t *p)
{
    struct strbuf msg = STRBUF_INIT;
    const char *problem = p->problem ? p->problem : "syntax error";
    struct yamlhint_error err = {
        .problem = p->problem,
        .line = mark_line(p->problem_mark),
        .column = mark_column(p->problem_mark),
        .context = p->context,
        .context_line = p->context ? mark_line(p->context_mark) : 0,
        .context_column = p->context ? mark_column(p->context_mark) : 0,
    };
    unsigned line = err.line, column = err.column;
    if (yamlhint_explain(b->buf, b->len, &err, &line, &column, &msg)) {
        fail(b, line, column, strbuf_str(&msg));
        strbuf_reset(&msg);
        strbuf_addf(&msg, "libyaml: %s at line %u, column %u", problem, err.line, err.column);
        if (p->context)
            strbuf_addf(&msg, " (%s that starts at line %u)", p->context, err.context_line);
        diag_note(b->d, "%s", strbuf_str(&msg));
    } else {
        strbuf_addf(&msg, "not valid YAML: %s", problem);
        if (p->context)
            strbuf_addf(&msg, " (%s, which starts at line %u)", p->context, err.context_line);
        fail(b, line, column, strbuf_str(&msg));
    }
    strbuf_release(&msg);
}

static void report_parser_error(struct builder *b, const yaml_parser_t *p)
{
    struct strbuf msg = STRBUF_INIT;
    unsigned line, column;
    if (p->error == YAML_READER_ERROR) {
        locate_offset(b->buf, b->len, p->problem_offset, &line, &column);
        if (p->problem && strcmp(p->problem, "control characters are not allowed") == 0 &&
            p->problem_value >= 0)
            strbuf_addf(&msg,
                        "control character U+%04X is not allowed in a YAML file; "
                        "remove it, or write it as an escape in double quotes",
                        (unsigned)p->problem_value);
        else
            strbuf_addf(&msg, "cannot read the text: %s; save the file as UTF-8",
                        p->problem ? p->problem : "unreadable bytes");
    } else if (p->error == YAML_MEMORY_ERROR) {
        line = column = 0;
        strbuf_adds(&msg, "out of memory while reading YAML");
    } else {
        report_syntax_error(b, p);
        return;
    }
    fail(b, line, column, strbuf_str(&msg));
    strbuf_release(&msg);
}

static struct ynode *new_node(struct builder *b, enum ynode_type type, yaml_mark_t mark,
                              yaml_mark_t end)
{
    if (++b->n_nodes > b->limits->max_nodes) {
        struct strbuf msg = STRBUF_INIT;
        strbuf_addf(&msg, "more than %zu values in one file", b->limits->max_nodes);
        fail(b, mark_line(mark), mark_column(mark), strbuf_str(&msg));
        strbuf_release(&msg);
        return NULL;
    }
    struct ynode *n = pool_alloc_raw(&b->doc->pool, sizeof(*n));
    *n = (struct ynode){.type = type,
                        .line = mark_line(mark),
                        .column = mark_column(mark),
                        .end_line = mark_line(end),
                        .end_column = mark_column(end)};
    if (b->n_frames == 0) {
        b->doc->root = n;
    } else {
        XGROW(b->kids, b->n_kids + 1, b->kids_alloc);
        b->kids[b->n_kids++] = n;
    }
    return n;
}

/* Anchors, aliases and tags have no use in a stagegap file: refuse them by name. */
static void refuse_decorations(struct builder *b, const yaml_event_t *e, const yaml_char_t *anchor,
                               const yaml_char_t *tag)
{
    if (anchor)
        diag_error(b->d, b->doc->file, mark_line(e->start_mark), mark_column(e->start_mark),
                   "anchors ('&') are not allowed in a stagegap file; write the value out");
    if (tag)
        diag_error(b->d, b->doc->file, mark_line(e->start_mark), mark_column(e->start_mark),
                   "tags ('!') are not allowed in a stagegap file; remove the tag");
}

static int open_collection(struct builder *b, const yaml_event_t *e, enum ynode_type type,
                           bool flow)
{
    if (b->n_frames >= b->limits->max_depth) {
        struct strbuf msg = STRBUF_INIT;
        strbuf_addf(&msg, "nesting deeper than %zu levels", b->limits->max_depth);
        fail(b, mark_line(e->start_mark), mark_column(e->start_mark), strbuf_str(&msg));
        strbuf_release(&msg);
        return -1;
    }
    struct ynode *n = new_node(b, type, e->start_mark, e->end_mark);
    if (!n)
        return -1;
    n->flow = flow;
    XGROW(b->frames, b->n_frames + 1, b->frames_alloc);
    b->frames[b->n_frames].node = n;
    b->frames[b->n_frames].first_kid = b->n_kids;
    b->n_frames++;
    return 0;
}

static int compare_keys(const void *pa, const void *pb)
{
    const struct ynode *a = *(struct ynode *const *)pa, *b = *(struct ynode *const *)pb;
    int c = strcmp(a->str, b->str);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->column < b->column ? -1 : a->column > b->column;
}

/* Reports every key of keys[0..n) given before, in key order: sorting keeps a huge map
   with duplicates cheap to check. */
static void report_duplicate_keys(struct builder *b, struct ynode **keys, size_t n)
{
    qsort(keys, n, sizeof(*keys), compare_keys);
    for (size_t i = 1; i < n; i++) {
        if (strcmp(keys[i - 1]->str, keys[i]->str) != 0)
            continue;
        struct strbuf msg = STRBUF_INIT;
        strbuf_adds(&msg, "duplicate key ");
        text_add_quoted(&msg, keys[i]->str, 60);
        strbuf_addf(&msg, ", first given at line %u; keep only one", keys[i - 1]->line);
        diag_error(b->d, b->doc->file, keys[i]->line, keys[i]->column, "%s", strbuf_str(&msg));
        strbuf_release(&msg);
    }
}

static bool same_key(const struct ynode *a, const struct ynode *b)
{
    return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
}

enum { KEYS_PAIRWISE = 8, KEYS_PROBE_MAX = 8 };

/* A quick hash: the key's length and its first and last 8 bytes. */
static uint64_t key_hash_ends(const struct ynode *k)
{
    uint64_t first = 0, last = 0;
    memcpy(&first, k->str, k->len < 8 ? k->len : 8);
    if (k->len > 8)
        memcpy(&last, k->str + k->len - 8, 8);
    uint64_t h = (first * 0x9E3779B97F4A7C15u) ^ (last * 0xC2B2AE3D27D4EB4Fu) ^ k->len;
    return h ^ (h >> 29) ^ (h >> 41);
}

/* A hash of every byte, 8 at a time: for keys that differ only in the middle. */
static uint64_t key_hash_all(const struct ynode *k)
{
    uint64_t h = k->len * 0x9E3779B97F4A7C15u;
    for (size_t at = 0; at < k->len; at += 8) {
        uint64_t word = 0;
        memcpy(&word, k->str + at, k->len - at < 8 ? k->len - at : 8);
        h = (h ^ word) * 0xC2B2AE3D27D4EB4Fu;
        h ^= h >> 29;
    }
    return h ^ (h >> 32);
}

enum keys_found { KEYS_DISTINCT, KEYS_SAME, KEYS_CROWDED };

/* Puts keys[0..n) in an open-addressing table by hash; stops at a key met before, or at
   a probe longer than KEYS_PROBE_MAX. */
static enum keys_found keys_by_hash(struct builder *b, struct ynode *const *keys, size_t n,
                                    uint64_t (*hash)(const struct ynode *))
{
    size_t size = 16;
    while (size < 2 * n)
        size *= 2;
    XGROW(b->slots, size, b->slots_alloc);
    memset(b->slots, 0, size * sizeof(*b->slots));
    for (size_t i = 0; i < n; i++) {
        size_t at = hash(keys[i]) & (size - 1);
        for (size_t probe = 0; b->slots[at]; probe++) {
            if (same_key(b->slots[at], keys[i]))
                return KEYS_SAME;
            if (probe == KEYS_PROBE_MAX)
                return KEYS_CROWDED;
            at = (at + 1) & (size - 1);
        }
        b->slots[at] = keys[i];
    }
    return KEYS_DISTINCT;
}

/*
 * True when keys[0..n) are all different, found in one pass without sorting: pair by
 * pair for a few keys, else through a table of their hashes, the quick one first and
 * every byte's when keys crowd it (ids that differ only in the middle). False when two
 * keys are the same, or when even the second hash crowds: keys chosen to collide then
 * cost the sort, never more.
 */
static bool keys_distinct(struct builder *b, struct ynode *const *keys, size_t n)
{
    if (n <= KEYS_PAIRWISE) {
        for (size_t i = 1; i < n; i++)
            for (size_t j = 0; j < i; j++)
                if (same_key(keys[i], keys[j]))
                    return false;
        return true;
    }
    enum keys_found found = keys_by_hash(b, keys, n, key_hash_ends);
    if (found == KEYS_CROWDED)
        found = keys_by_hash(b, keys, n, key_hash_all);
    return found == KEYS_DISTINCT;
}

/* Every key must be text and appear once. */
static void check_keys(struct builder *b, const struct ynode *map)
{
    size_t pairs = map->n / 2, n_text = 0;
    XGROW(b->keys, pairs ? pairs : 1, b->keys_alloc);
    for (size_t i = 0; i < pairs; i++) {
        struct ynode *k = map->kids[2 * i];
        if (k->type == YNODE_SCALAR)
            b->keys[n_text++] = k;
        else if (k->type != YNODE_INVALID)
            diag_error(b->d, b->doc->file, k->line, k->column,
                       "a key must be plain text, not a list or mapping");
    }
    /* Keys are compared as C strings: with a NUL inside, their length would mislead. */
    if (b->nul || !keys_distinct(b, b->keys, n_text))
        report_duplicate_keys(b, b->keys, n_text);
}

static void close_collection(struct builder *b, const yaml_event_t *e)
{
    struct frame *f = &b->frames[--b->n_frames];
    struct ynode *n = f->node;
    n->end_line = mark_line(e->end_mark);
    n->end_column = mark_column(e->end_mark);
    n->n = b->n_kids - f->first_kid;
    n->kids = pool_array(&b->doc->pool, n->n, sizeof(*n->kids));
    if (n->n)
        memcpy(n->kids, b->kids + f->first_kid, n->n * sizeof(*n->kids));
    b->n_kids = f->first_kid;
    if (n->type == YNODE_MAP)
        check_keys(b, n);
}

static int add_scalar(struct builder *b, const yaml_event_t *e)
{
    struct ynode *n = new_node(b, YNODE_SCALAR, e->start_mark, e->end_mark);
    if (!n)
        return -1;
    size_t len = e->data.scalar.length;
    if (len > b->limits->max_scalar)
        diag_error(b->d, b->doc->file, n->line, n->column,
                   "text of %zu bytes is longer than the limit of %zu", len, b->limits->max_scalar);
    if (memchr(e->data.scalar.value, '\0', len)) {
        diag_error(b->d, b->doc->file, n->line, n->column, "text holds a NUL character");
        b->nul = true;
    }
    n->str = pool_strndup(&b->doc->pool, (const char *)e->data.scalar.value, len);
    n->len = len;
    n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    return 0;
}

static int add_alias(struct builder *b, const yaml_event_t *e)
{
    diag_error(b->d, b->doc->file, mark_line(e->start_mark), mark_column(e->start_mark),
               "aliases ('*') are not allowed in a stagegap file; write the value out");
    return new_node(b, YNODE_INVALID, e->start_mark, e->end_mark) ? 0 : -1;
}

/* Handles one event; returns 1 at the end of the stream, 0 to go on, -1 to stop. */
static int handle_event(struct builder *b, const yaml_event_t *e)
{
    switch (e->type) {
    case YAML_STREAM_END_EVENT:
        return 1;
    case YAML_DOCUMENT_START_EVENT:
        if (++b->documents > 1)
            return fail(b, mark_line(e->start_mark), mark_column(e->start_mark),
                        "a second YAML document; a stagegap file holds exactly one");
        return 0;
    case YAML_MAPPING_START_EVENT:
        refuse_decorations(b, e, e->data.mapping_start.anchor, e->data.mapping_start.tag);
        return open_collection(b, e, YNODE_MAP,
                               e->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
    case YAML_SEQUENCE_START_EVENT:
        refuse_decorations(b, e, e->data.sequence_start.anchor, e->data.sequence_start.tag);
        return open_collection(b, e, YNODE_SEQ,
                               e->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE);
    case YAML_MAPPING_END_EVENT:
    case YAML_SEQUENCE_END_EVENT:
        close_collection(b, e);
        return 0;
    case YAML_SCALAR_EVENT:
        refuse_decorations(b, e, e->data.scalar.anchor, e->data.scalar.tag);
        return add_scalar(b, e);
    case YAML_ALIAS_EVENT:
        return add_alias(b, e);
    default:
        return 0;
    }
}

static bool starts_with(const char *buf, size_t len, const char *prefix, size_t n)
{
    return len >= n && memcmp(buf, prefix, n) == 0;
}

static unsigned utf16_unit(const unsigned char *u, bool big_endian)
{
    return big_endian ? (unsigned)u[0] << 8 | u[1] : (unsigned)u[1] << 8 | u[0];
}

static void add_utf8(struct strbuf *sb, unsigned cp)
{
    char out[4];
    size_t n;
    if (cp < 0x80) {
        out[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6), out[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12), out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    } else {
        out[0] = (char)(0xF0 | cp >> 18), out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        out[2] = (char)(0x80 | (cp >> 6 & 0x3F)), out[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    }
    strbuf_add(sb, out, n);
}

/*
 * UTF-16 with a byte-order mark is turned into UTF-8 before parsing, so positions,
 * quoted lines and carets work as for any other file. A broken surrogate or an odd
 * byte is reported where it stands, counted in the characters before it.
 */
static int transcode_utf16(struct builder *b, bool big_endian)
{
    const unsigned char *u = (const unsigned char *)b->buf;
    struct strbuf out = STRBUF_INIT;
    const char *problem = NULL;
    size_t at = 2;
    while (at < b->len && !problem) {
        if (b->len - at < 2) {
            problem = "the last character is cut short";
            break;
        }
        unsigned cp = utf16_unit(u + at, big_endian), low;
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
            problem = "a low surrogate without a high one before it";
        } else if (cp < 0xD800 || cp > 0xDBFF) {
            add_utf8(&out, cp);
            at += 2;
        } else if (b->len - at < 4 || (low = utf16_unit(u + at + 2, big_endian)) < 0xDC00 ||
                   low > 0xDFFF) {
            problem = "a high surrogate without a low one after it";
        } else {
            add_utf8(&out, 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00));
            at += 4;
        }
    }
    if (problem) {
        unsigned line, column;
        locate_offset(strbuf_str(&out), out.len, out.len, &line, &column);
        struct strbuf msg = STRBUF_INIT;
        strbuf_addf(&msg, "invalid UTF-16: %s (byte offset %zu); save the file as UTF-8", problem,
                    at);
        fail(b, line, column, strbuf_str(&msg));
        strbuf_release(&msg);
        strbuf_release(&out);
        return -1;
    }
    b->buf = pool_strndup(&b->doc->pool, strbuf_str(&out), out.len);
    b->len = out.len;
    strbuf_release(&out);
    return 0;
}

/*
 * Makes b->buf UTF-8 (converting UTF-16 with a byte-order mark), or reports why it is
 * not text stagegap reads. libyaml's own reader errors name no position a user can
 * find; these do.
 */
static int check_encoding(struct builder *b)
{
    if (starts_with(b->buf, b->len, "\xFF\xFE\0\0", 4) ||
        starts_with(b->buf, b->len, "\0\0\xFE\xFF", 4))
        return fail(b, 1, 1, "this is UTF-32 text; save the file as UTF-8");
    if (starts_with(b->buf, b->len, "\xFF\xFE", 2))
        return transcode_utf16(b, false);
    if (starts_with(b->buf, b->len, "\xFE\xFF", 2))
        return transcode_utf16(b, true);
    /* Without a byte-order mark, NULs among the first bytes mean UTF-16 or UTF-32. */
    if (memchr(b->buf, '\0', b->len < 4 ? b->len : 4))
        return fail(b, 1, 1,
                    "this looks like UTF-16 or UTF-32 text without a byte-order "
                    "mark; save the file as UTF-8");
    diags_set_source(b->d, b->buf, b->len);
    size_t bad;
    if (utf8_valid(b->buf, b->len, &bad))
        return 0;
    unsigned line, column;
    locate_offset(b->buf, b->len, bad, &line, &column);
    struct strbuf msg = STRBUF_INIT;
    strbuf_addf(&msg, "invalid UTF-8 (byte 0x%02x at offset %zu); save the file as UTF-8",
                (unsigned char)b->buf[bad], bad);
    fail(b, line, column, strbuf_str(&msg));
    strbuf_release(&msg);
    return -1;
}

int yaml_read(struct ydoc *doc, const char *file, const char *buf, size_t len,
              const struct ylimits *limits, struct diags *d)
{
    struct builder b = {.doc = doc, .limits = limits, .d = d, .buf = buf, .len = len};
    yaml_parser_t parser;
    size_t errors_before = d->errors;
    doc->file = file;
    diags_set_source(d, NULL, 0);
    if (check_encoding(&b) != 0)
        goto out;
    diags_set_source(d, b.buf, b.len);
    if (!yaml_parser_initialize(&parser)) {
        fail(&b, 0, 0, "cannot start the YAML parser");
        goto out;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)b.buf, b.len);
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            report_parser_error(&b, &parser);
            break;
        }
        int rc = handle_event(&b, &event);
        yaml_event_delete(&event);
        if (rc != 0)
            break;
    }
    yaml_parser_delete(&parser);
out:
    free(b.frames);
    free(b.kids);
    free(b.keys);
    free(b.slots);
    if (doc->broken)
        doc->root = NULL;
    return d->errors > errors_before ? -1 : 0;
}
