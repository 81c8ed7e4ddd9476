/*
 * import_render.c - one respondent's stagegap-answers/1 file, written as YAML text from
 * the row being read and added to the result under a file name unique in it.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "diag.h"
#include "escape.h"
#include "import_diag.h"
#include "import_render.h"
#include "import_text.h"
#include "importer.h"
#include "rules.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* File names are cut to this many bytes before a suffix. */
enum { SLUG_MAX = 64 };

/*
 * Appends s as a double-quoted YAML scalar that reads back as exactly s: '"' and '\'
 * escaped, and every character libyaml would refuse or fold (C0 and C1 controls, DEL,
 * line and paragraph separators, byte-order marks, U+FFFE/U+FFFF) as an escape, so no
 * cell can end the string, start a key or break a line.
 */
static void yaml_quote(struct strbuf *sb, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s);
    strbuf_addc(sb, '"');
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        if (c == '"' || c == '\\') {
            strbuf_addc(sb, '\\');
            strbuf_addc(sb, (char)c);
            i++;
            continue;
        }
        if (c < 0x20 || c == 0x7F) {
            strbuf_addf(sb, "\\x%02X", c);
            i++;
            continue;
        }
        size_t len = utf8_seq_len(u + i, n - i);
        if (len == 0) {
            strbuf_adds(sb, "\\uFFFD");
            i++;
            continue;
        }
        if (len == 2 && c == 0xC2 && u[i + 1] < 0xA0)
            strbuf_addf(sb, "\\u%04X", u[i + 1]);
        else if (len == 3 && c == 0xE2 && u[i + 1] == 0x80 &&
                 (u[i + 2] == 0xA8 || u[i + 2] == 0xA9))
            strbuf_addf(sb, "\\u%04X", 0x2000u + (u[i + 2] & 0x3Fu));
        else if (len == 3 && c == 0xEF && u[i + 1] == 0xBB && u[i + 2] == 0xBF)
            strbuf_adds(sb, "\\uFEFF");
        else if (len == 3 && c == 0xEF && u[i + 1] == 0xBF && u[i + 2] >= 0xBE)
            strbuf_addf(sb, "\\u%04X", 0xFFC0u + (u[i + 2] & 0x3Fu));
        else
            strbuf_add(sb, u + i, len);
        i += len;
    }
    strbuf_addc(sb, '"');
}

static uint64_t hash_name(const char *s)
{
    uint64_t h = UINT64_C(1469598103934665603);
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
    return h;
}

/* The slot holding name, or the empty one where it would go. */
static struct name_slot *nameset_slot(const struct nameset *set, const char *name)
{
    size_t i = (size_t)(hash_name(name) & (set->cap - 1));
    while (set->slots[i].name && strcmp(set->slots[i].name, name) != 0)
        i = (i + 1) & (set->cap - 1);
    return &set->slots[i];
}

static struct name_slot *nameset_find(const struct nameset *set, const char *name)
{
    if (!set->cap)
        return NULL;
    struct name_slot *slot = nameset_slot(set, name);
    return slot->name ? slot : NULL;
}

static void nameset_add(struct nameset *set, const char *name)
{
    if (2 * (set->n + 1) > set->cap) {
        struct nameset bigger = {NULL, set->cap ? 2 * set->cap : 64, set->n};
        bigger.slots = xcalloc(bigger.cap, sizeof(*bigger.slots));
        for (size_t i = 0; i < set->cap; i++)
            if (set->slots[i].name)
                *nameset_slot(&bigger, set->slots[i].name) = set->slots[i];
        free(set->slots);
        *set = bigger;
    }
    struct name_slot *slot = nameset_slot(set, name);
    slot->name = xstrdup(name);
    slot->next = 2;
    set->n++;
}

void import_nameset_release(struct nameset *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->slots[i].name);
    free(set->slots);
}

/* Lowercase letters, digits and single '-', at most SLUG_MAX bytes; "" when none. */
static void slug_of(struct strbuf *sb, const char *id)
{
    bool dash = false;
    for (const char *p = id; *p && sb->len < SLUG_MAX; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + ('a' - 'A'));
        if ((c >= 'a' && c <= 'z') || import_is_digit(c)) {
            if (dash && sb->len)
                strbuf_addc(sb, '-');
            dash = false;
            strbuf_addc(sb, c);
        } else {
            dash = true;
        }
    }
}

/* A file name for this respondent, unique in the result: the same input, the same names. */
static char *file_name(struct importer *im, const char *id)
{
    struct strbuf base = STRBUF_INIT, name = STRBUF_INIT;
    if (id)
        slug_of(&base, id);
    if (!base.len)
        strbuf_addf(&base, "respondent-%03zu", im->respondents);
    strbuf_addf(&name, "%s.yaml", base.buf);
    /* Each name remembers how far its suffixes have gone, so a thousand "anonymous"
       respondents cost a thousand lookups, not half a million. */
    struct name_slot *first = nameset_find(&im->names, name.buf);
    if (first) {
        size_t k = first->next;
        do {
            strbuf_reset(&name);
            strbuf_addf(&name, "%s-%zu.yaml", base.buf, k++);
        } while (nameset_find(&im->names, name.buf));
        first->next = k;
    }
    nameset_add(&im->names, name.buf);
    strbuf_release(&base);
    return strbuf_detach(&name, NULL);
}

/* Whole numbers, nearly every answer, skip printf; 15 digits round-trip a typed decimal. */
static void add_number(struct strbuf *sb, double v)
{
    char num[64];
    if (v > -1e15 && v < 1e15 && v == (double)(long)v) {
        long n = (long)v;
        size_t at = sizeof(num);
        unsigned long u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
        num[--at] = '\0';
        do {
            num[--at] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (n < 0)
            num[--at] = '-';
        strbuf_adds(sb, num + at);
        return;
    }
    snprintf(num, sizeof(num), "%.15g", v);
    strbuf_adds(sb, num);
}

/* The row's group cells, in column order, as ", groups: {FIELD: VALUE, ...}"; empty ones none. */
static void add_groups(struct importer *im, struct strbuf *y)
{
    bool any = false;
    for (size_t c = 0; c < im->n_cols; c++) {
        if (im->cols[c].kind != COL_GROUP)
            continue;
        const char *cell = import_trim(im->rec.bytes.buf + im->rec.cells[c].off);
        if (!*cell)
            continue;
        strbuf_adds(y, any ? ", " : ", groups: {");
        escape_yaml_key(y, im->cols[c].field);
        strbuf_adds(y, ": ");
        yaml_quote(y, cell);
        any = true;
    }
    if (any)
        strbuf_addc(y, '}');
}

/* One comment as the file has it, with the header it answers. */
static void add_comment(struct strbuf *y, const char *about, const char *text, bool first)
{
    strbuf_adds(y, first ? "comments:\n  - {about: " : "  - {about: ");
    yaml_quote(y, about);
    strbuf_adds(y, ", text: ");
    yaml_quote(y, text);
    strbuf_adds(y, "}\n");
}

/*
 * The row's comment cells, kept for file (to add once their columns are settled:
 * import_add_comments), and into y as they would be written, so its size is checked.
 */
static void keep_comments(struct importer *im, struct strbuf *y, size_t file)
{
    bool any = false;
    for (size_t c = 0; c < im->n_cols; c++) {
        if (im->cols[c].kind != COL_COMMENT)
            continue;
        const char *cell = import_trim(im->rec.bytes.buf + im->rec.cells[c].off);
        if (!*cell)
            continue;
        add_comment(y, im->cols[c].header, cell, !any);
        any = true;
        XGROW(im->comments, im->n_comments + 1, im->comments_alloc);
        im->comments[im->n_comments++] = (struct pending_comment){file, c, xstrdup(cell)};
    }
}

void import_add_comments(struct importer *im)
{
    struct import_result *res = im->res;
    long last = -1;
    for (size_t k = 0; k < im->n_comments; k++) {
        const struct pending_comment *pc = &im->comments[k];
        if (im->cols[pc->column].kind != COL_COMMENT || pc->file >= res->n)
            continue;
        struct import_file *f = &res->files[pc->file];
        struct strbuf y = STRBUF_INIT;
        strbuf_add(&y, f->text, f->len);
        add_comment(&y, im->cols[pc->column].header, pc->text, last != (long)pc->file);
        free(f->text);
        f->text = strbuf_detach(&y, &f->len);
        last = (long)pc->file;
    }
}

long import_render_respondent(struct importer *im, size_t row, const char *id, const char *role,
                              const char *organisation, size_t *date_at)
{
    const struct rules *r = im->r;
    struct strbuf y = STRBUF_INIT;
    struct strbuf rid = STRBUF_INIT;
    if (id)
        strbuf_adds(&rid, id);
    else
        strbuf_addf(&rid, "r%03zu", im->respondents);
    strbuf_adds(&y, "# Imported by stagegap from ");
    yaml_quote(&y, im->base);
    strbuf_addf(&y, ", row %zu.\nformat: %s\nrules: ", row, ANSWERS_FORMAT);
    yaml_quote(&y, r->id);
    strbuf_adds(&y, "\norganisation: ");
    yaml_quote(&y, organisation);
    strbuf_adds(&y, "\ndate: ");
    *date_at = y.len;
    strbuf_adds(&y, im->o->date ? im->o->date : "0000-00-00");
    strbuf_adds(&y, "\nrespondent: {id: ");
    yaml_quote(&y, rid.buf);
    if (role) {
        strbuf_adds(&y, ", role: ");
        yaml_quote(&y, role);
    }
    add_groups(im, &y);
    strbuf_adds(&y, "}\nanswers:");
    bool any = false;
    for (size_t i = 0; i < r->n_items; i++) {
        if (im->item_col[i] < 0 || im->state[i] == ANSWER_NONE)
            continue;
        strbuf_adds(&y, "\n  ");
        strbuf_adds(&y, r->items[i].id);
        strbuf_adds(&y, ": ");
        if (im->state[i] == ANSWER_NA)
            strbuf_adds(&y, "n/a");
        else if (im->state[i] == ANSWER_UNKNOWN)
            strbuf_adds(&y, "unknown");
        else
            add_number(&y, im->value[i]);
        any = true;
    }
    strbuf_adds(&y, any ? "\n" : " {}\n");
    size_t without_comments = y.len;
    keep_comments(im, &y, im->res->n);
    strbuf_release(&rid);
    if (!any)
        import_row_diag(im, DIAG_WARNING, row, "this row answers no question");
    if (y.len > ANSWERS_FILE_MAX || im->output_bytes + y.len > IMPORT_OUTPUT_MAX) {
        import_row_diag(im, DIAG_ERROR, row, "%s",
                        y.len > ANSWERS_FILE_MAX ? "this row's answers file would be larger "
                                                   "than the limit of 1 MiB"
                                                 : "the answers files would be larger than "
                                                   "the limit of 256 MiB together");
        strbuf_release(&y);
        im->stop = true;
        return -1;
    }
    im->output_bytes += y.len;
    /* The comments are added once their columns are settled (import_add_comments). */
    y.buf[without_comments] = '\0';
    y.len = without_comments;
    struct import_result *res = im->res;
    XGROW(res->files, res->n + 1, res->alloc);
    struct import_file *f = &res->files[res->n];
    f->name = file_name(im, id);
    f->text = strbuf_detach(&y, &f->len);
    return (long)res->n++;
}
