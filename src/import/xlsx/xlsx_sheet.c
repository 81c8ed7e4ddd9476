/*
 * xlsx_sheet.c - a worksheet's rows and cells (sheetData/row/c) turned into text and
 * pushed into a sink; xlsx_value.c writes the numbers, dates and times.
 *
 * The sheet is streamed twice: first for its merged ranges (mergeCells comes after
 * sheetData, but a merged header must be filled in before its row is passed on), then
 * for its cells. One row is held at a time, as text by column.
 */
#include "xlsx_sheet.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "import_reader.h"
#include "text.h"
#include "xalloc.h"
#include "xlsx_limits.h"

enum {
    XLSX_SHEET_ROWS = 1048576,  /* rows and columns a worksheet can have at all */
    XLSX_SHEET_COLUMNS = 16384, /* (XFD) */
    XLSX_TEXT_MAX = 64,         /* a number or a date as text */
};

/* ---- cell references ---- */

/* "B7" -> column 2, row 7; false for anything else (or past XFD1048576). */
static bool parse_ref(const char *s, size_t *col, size_t *row)
{
    size_t c = 0, r = 0;
    const char *p = s;
    for (; *p >= 'A' && *p <= 'Z'; p++) {
        c = c * 26 + (size_t)(*p - 'A' + 1);
        if (c > XLSX_SHEET_COLUMNS)
            return false;
    }
    if (p == s || *p < '1' || *p > '9')
        return false;
    for (; *p >= '0' && *p <= '9'; p++) {
        r = r * 10 + (size_t)(*p - '0');
        if (r > XLSX_SHEET_ROWS)
            return false;
    }
    *col = c;
    *row = r;
    return *p == '\0';
}

/* ---- the worksheet ---- */

struct merge {
    size_t r1, c1, r2, c2;
    char *text; /* the top-left cell's, once its row has been read */
};

struct slot {
    size_t off, len; /* in sheet_read.text */
    bool set;
};

struct sheet_read {
    struct xlsx_book *b;
    const char *context; /* "sheet 'NAME' (others: ...)", made safe: xlsx.c's sheet_said */
    const struct import_sink *sink;
    struct merge *merges;
    size_t nmerges, amerges;
    bool in_data, in_row, in_cell, in_v, in_is, in_t;
    bool has_f, has_v; /* the cell holds a formula; a value (<v>), which for a formula
                          may be empty only as text (t="str"), an empty result */
    unsigned in_rph;
    size_t row, prev_row, rows_out;
    size_t col, prev_col, last_col;
    char type[16];
    unsigned long style;
    struct strbuf value; /* the current cell's v or inline string */
    struct strbuf text;  /* the current row's cells' text */
    struct strbuf quote; /* a value quoted for a message */
    struct slot *slots;  /* by column, 1..XLSX_COLUMNS_MAX */
};

/* value made safe and quoted for a message; valid until the next call. */
static const char *quoted(struct sheet_read *s, const char *value)
{
    strbuf_reset(&s->quote);
    text_add_quoted(&s->quote, value, 40);
    return strbuf_str(&s->quote);
}

/* Adds an error about the cell at row:col (col 0: the row; row 0: the sheet) and stops. */
static void fail_at(struct xlsx_parse *ps, struct sheet_read *s, size_t row, size_t col,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void fail_at(struct xlsx_parse *ps, struct sheet_read *s, size_t row, size_t col,
                    const char *fmt, ...)
{
    struct xlsx_book *b = s->b;
    struct strbuf what = STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    strbuf_vaddf(&what, fmt, ap);
    va_end(ap);
    if (col) {
        char ref[32];
        text_cell_ref(col, row, ref, sizeof(ref));
        diag_error(b->zip.d, b->zip.name, (unsigned)row, (unsigned)col, "%s, cell %s: %s",
                   s->context, ref, strbuf_str(&what));
    } else if (row) {
        diag_error(b->zip.d, b->zip.name, (unsigned)row, 0, "%s, row %zu: %s", s->context, row,
                   strbuf_str(&what));
    } else {
        diag_error(b->zip.d, b->zip.name, 0, 0, "%s: %s", s->context, strbuf_str(&what));
    }
    strbuf_release(&what);
    xlsx_parse_stop(ps);
}

static void merges_start(struct xlsx_parse *ps, const char *name, const char **attrs)
{
    struct sheet_read *s = xlsx_parse_ctx(ps);
    struct merge m = {0};
    const char *ref = xlsx_attr(attrs, "ref");
    char first[32];
    const char *colon = ref ? strchr(ref, ':') : NULL;
    if (strcmp(name, "mergeCell") != 0 || !ref)
        return;
    if (!colon || (size_t)(colon - ref) >= sizeof(first)) {
        fail_at(ps, s, 0, 0, "merged range %s is not a range such as A1:C1", quoted(s, ref));
        return;
    }
    memcpy(first, ref, (size_t)(colon - ref));
    first[colon - ref] = '\0';
    if (!parse_ref(first, &m.c1, &m.r1) || !parse_ref(colon + 1, &m.c2, &m.r2) || m.r2 < m.r1 ||
        m.c2 < m.c1) {
        fail_at(ps, s, 0, 0, "merged range %s is not a range such as A1:C1", quoted(s, ref));
        return;
    }
    if (m.r2 > m.r1 && m.r2 > 2) {
        /* Down into the data: filled, it would give one answer to several respondents;
           left, it would leave the rows below empty. Neither is said in the file. */
        fail_at(ps, s, m.r1, m.c1,
                "cells %s are merged over rows %zu to %zu; each respondent's answer is a cell "
                "of its own: unmerge them and fill in each row (only a header may be merged "
                "down, over rows 1 and 2)",
                quoted(s, ref), m.r1, m.r2);
        return;
    }
    if (m.r1 > XLSX_HEADER_ROWS || m.c1 > XLSX_COLUMNS_MAX)
        return;
    if (s->nmerges == XLSX_MERGES_MAX) {
        fail_at(ps, s, m.r1, 0, "more than %d merged ranges in the first %d rows", XLSX_MERGES_MAX,
                XLSX_HEADER_ROWS);
        return;
    }
    if (m.c2 > XLSX_COLUMNS_MAX)
        m.c2 = XLSX_COLUMNS_MAX;
    if (m.r2 > XLSX_HEADER_ROWS)
        m.r2 = XLSX_HEADER_ROWS;
    XGROW(s->merges, s->nmerges + 1, s->amerges);
    s->merges[s->nmerges++] = m;
}

static void set_slot(struct sheet_read *s, size_t col, const char *text, size_t len)
{
    s->slots[col].off = s->text.len;
    s->slots[col].len = len;
    s->slots[col].set = true;
    strbuf_add(&s->text, text, len);
    if (col > s->last_col)
        s->last_col = col;
}

/* A header row's merged cells take the value of their range's top-left cell. */
static void fill_merges(struct sheet_read *s)
{
    for (size_t i = 0; i < s->nmerges; i++) {
        struct merge *m = &s->merges[i];
        if (s->row == m->r1 && s->slots[m->c1].set)
            m->text = xstrndup(s->text.buf + s->slots[m->c1].off, s->slots[m->c1].len);
    }
    for (size_t i = 0; i < s->nmerges; i++) {
        const struct merge *m = &s->merges[i];
        if (!m->text || s->row < m->r1 || s->row > m->r2)
            continue;
        for (size_t c = m->c1; c <= m->c2; c++)
            if (!s->slots[c].set)
                set_slot(s, c, m->text, strlen(m->text));
    }
}

static int emit_row(struct xlsx_parse *ps, struct sheet_read *s)
{
    if (s->row <= XLSX_HEADER_ROWS)
        fill_merges(s);
    if (s->last_col == 0)
        return 0;
    if (++s->rows_out > XLSX_ROWS_MAX) {
        fail_at(ps, s, s->row, 0, "more than %d rows with a value", XLSX_ROWS_MAX);
        return -1;
    }
    for (size_t c = 1; c <= s->last_col; c++) {
        const struct slot *sl = &s->slots[c];
        if (s->sink->cell(s->sink->ctx, sl->set ? s->text.buf + sl->off : "",
                          sl->set ? sl->len : 0) != 0)
            goto stop;
    }
    if (s->sink->row_end(s->sink->ctx, s->row) != 0)
        goto stop;
    return 0;
stop:
    xlsx_parse_stop(ps);
    return -1;
}

static void row_start(struct xlsx_parse *ps, struct sheet_read *s, const char **attrs)
{
    const char *r = xlsx_attr(attrs, "r");
    size_t row = s->prev_row + 1;
    if (r) {
        char *end;
        errno = 0;
        unsigned long v = strtoul(r, &end, 10);
        if (errno || *end || *r < '1' || *r > '9' || v > XLSX_SHEET_ROWS) {
            fail_at(ps, s, s->prev_row + 1, 0, "row number %s is not valid", quoted(s, r));
            return;
        }
        row = v;
    }
    if (row <= s->prev_row || row > XLSX_SHEET_ROWS) {
        fail_at(ps, s, row, 0, "row %zu comes after row %zu", row, s->prev_row);
        return;
    }
    for (size_t c = 1; c <= s->last_col; c++)
        s->slots[c].set = false;
    strbuf_reset(&s->text);
    s->row = row;
    s->in_row = true;
    s->prev_col = s->last_col = 0;
}

static void cell_start(struct xlsx_parse *ps, struct sheet_read *s, const char **attrs)
{
    const char *r = xlsx_attr(attrs, "r"), *t = xlsx_attr(attrs, "t");
    const char *style = xlsx_attr(attrs, "s");
    size_t col = s->prev_col + 1, row = s->row;
    if (r && (!parse_ref(r, &col, &row) || row != s->row)) {
        fail_at(ps, s, s->row, 0,
                row != s->row ? "cell reference %s is not in this row"
                              : "cell reference %s is not valid",
                quoted(s, r));
        return;
    }
    if (col <= s->prev_col || col > XLSX_SHEET_COLUMNS) {
        fail_at(ps, s, s->row, col, "cell comes after column %zu of its row", s->prev_col);
        return;
    }
    if (strlen(t ? t : "n") >= sizeof(s->type)) {
        fail_at(ps, s, s->row, col, "cell type %s is not known", quoted(s, t));
        return;
    }
    strcpy(s->type, t ? t : "n");
    s->style = 0;
    if (style) {
        char *end;
        errno = 0;
        s->style = strtoul(style, &end, 10);
        if (errno || *end)
            s->style = 0;
    }
    s->col = s->prev_col = col;
    s->in_cell = true;
    s->has_f = s->has_v = false;
    strbuf_reset(&s->value);
}

/* The cell's value as text in out (or pointing into the shared strings). */
static int cell_text(struct xlsx_parse *ps, struct sheet_read *s, const char **text, size_t *len,
                     char *out, size_t cap)
{
    struct xlsx_book *b = s->b;
    const char *v = strbuf_str(&s->value);
    char *end;
    *text = v;
    *len = s->value.len;
    if (strcmp(s->type, "s") == 0) {
        unsigned long i;
        errno = 0;
        i = strtoul(v, &end, 10);
        if (errno || *end || *v < '0' || *v > '9' || i >= b->nstrings) {
            fail_at(ps, s, s->row, s->col, "shared string %s does not exist (there are %zu)",
                    quoted(s, v), b->nstrings);
            return -1;
        }
        *text = b->pool.buf + b->strings[i].off;
        *len = b->strings[i].len;
    } else if (strcmp(s->type, "b") == 0) {
        if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0) {
            fail_at(ps, s, s->row, s->col, "boolean %s is neither 0 nor 1", quoted(s, v));
            return -1;
        }
        *text = *v == '1' ? "TRUE" : "FALSE";
        *len = strlen(*text);
    } else if (strcmp(s->type, "n") == 0 && *len) {
        double x;
        errno = 0;
        x = strtod(v, &end);
        if (errno || *end || !isfinite(x) || isspace((unsigned char)*v)) {
            fail_at(ps, s, s->row, s->col, "number %s is not a number", quoted(s, v));
            return -1;
        }
        enum xlsx_kind kind =
            s->style < b->nxf ? (enum xlsx_kind)b->xf_kind[s->style] : XLSX_NUMBER;
        if (kind == XLSX_NUMBER || !xlsx_serial_text(x, kind, b->date1904, out, cap))
            xlsx_number_text(x, out, cap);
        *text = out;
        *len = strlen(out);
    } else if (strcmp(s->type, "d") == 0) {
        /* An ISO 8601 date (strict SpreadsheetML): the T becomes a space, as above. */
        for (char *p = s->value.buf; p && *p; p++)
            if (*p == 'T')
                *p = ' ';
    } else if (strcmp(s->type, "inlineStr") == 0 || strcmp(s->type, "str") == 0) {
        if (s->value.len) {
            *len = s->value.len = xlsx_unescape(s->value.buf, s->value.len);
            s->value.buf[s->value.len] = '\0';
        }
    } else if (strcmp(s->type, "e") != 0 && strcmp(s->type, "n") != 0) {
        fail_at(ps, s, s->row, s->col, "cell type %s is not known", quoted(s, s->type));
        return -1;
    }
    return 0;
}

static void cell_end(struct xlsx_parse *ps, struct sheet_read *s)
{
    char out[XLSX_TEXT_MAX];
    const char *text;
    size_t len;
    s->in_cell = s->in_v = s->in_is = s->in_t = false;
    if (s->has_f && (!s->has_v || (s->value.len == 0 && strcmp(s->type, "str") != 0))) {
        /* Its value was never worked out and saved: read as empty, an answer would be lost. */
        fail_at(ps, s, s->row, s->col,
                "a formula whose value was never saved (the workbook was written by a program, "
                "not saved by a spreadsheet); open it in Excel or LibreOffice and save it, or "
                "paste the values over the formulas");
        return;
    }
    if (cell_text(ps, s, &text, &len, out, sizeof(out)) != 0 || len == 0)
        return;
    if (len > XLSX_CELL_MAX) {
        fail_at(ps, s, s->row, s->col, "text of %zu bytes is longer than the limit of %d", len,
                XLSX_CELL_MAX);
        return;
    }
    if (s->col > XLSX_COLUMNS_MAX) {
        fail_at(ps, s, s->row, s->col, "a value past column %d, the limit", XLSX_COLUMNS_MAX);
        return;
    }
    set_slot(s, s->col, text, len);
}

static void sheet_start(struct xlsx_parse *ps, const char *name, const char **attrs)
{
    struct sheet_read *s = xlsx_parse_ctx(ps);
    if (strcmp(name, "sheetData") == 0)
        s->in_data = true;
    else if (!s->in_data)
        return;
    else if (strcmp(name, "row") == 0 && !s->in_row)
        row_start(ps, s, attrs);
    else if (strcmp(name, "c") == 0 && s->in_row && !s->in_cell)
        cell_start(ps, s, attrs);
    else if (!s->in_cell)
        return;
    else if (strcmp(name, "v") == 0)
        s->in_v = s->has_v = true;
    else if (strcmp(name, "f") == 0)
        s->has_f = true;
    else if (strcmp(name, "is") == 0)
        s->in_is = true;
    else if (strcmp(name, "rPh") == 0)
        s->in_rph++;
    else if (strcmp(name, "t") == 0 && s->in_is && !s->in_rph)
        s->in_t = true;
}

static void sheet_end(struct xlsx_parse *ps, const char *name)
{
    struct sheet_read *s = xlsx_parse_ctx(ps);
    if (strcmp(name, "sheetData") == 0) {
        s->in_data = false;
    } else if (strcmp(name, "row") == 0 && s->in_row) {
        s->in_row = false;
        s->prev_row = s->row;
        emit_row(ps, s);
    } else if (strcmp(name, "c") == 0 && s->in_cell) {
        cell_end(ps, s);
    } else if (strcmp(name, "v") == 0) {
        s->in_v = false;
    } else if (strcmp(name, "rPh") == 0 && s->in_rph) {
        s->in_rph--;
    } else if (strcmp(name, "t") == 0) {
        s->in_t = false;
    }
}

static void sheet_text(struct xlsx_parse *ps, const char *text, size_t len)
{
    struct sheet_read *s = xlsx_parse_ctx(ps);
    if (!s->in_v && !s->in_t)
        return;
    if (s->value.len + len > XLSX_CELL_MAX) {
        fail_at(ps, s, s->row, s->col, "text longer than the limit of %d bytes", XLSX_CELL_MAX);
        return;
    }
    strbuf_add(&s->value, text, len);
}

int xlsx_sheet_read(struct xlsx_book *b, const char *path, const char *said,
                    const struct import_sink *sink)
{
    struct sheet_read s = {.b = b, .sink = sink, .context = said};
    struct xlsx_xml mx = {&s, merges_start, NULL, NULL};
    struct xlsx_xml sx = {&s, sheet_start, sheet_end, sheet_text};
    int rc;

    s.slots = xcalloc(XLSX_COLUMNS_MAX + 1, sizeof(*s.slots));
    rc = xlsx_zip_parse(&b->zip, path, said, &mx);
    if (rc == 0)
        rc = xlsx_zip_parse(&b->zip, path, said, &sx);
    for (size_t i = 0; i < s.nmerges; i++)
        free(s.merges[i].text);
    free(s.merges);
    free(s.slots);
    strbuf_release(&s.value);
    strbuf_release(&s.text);
    strbuf_release(&s.quote);
    return rc;
}
