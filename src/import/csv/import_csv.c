/*
 * import_csv.c - the CSV reader of "stagegap import": libcsv turns the export into
 * records, and each record's cells are checked (UTF-8, no NUL, IMPORT_CELL_MAX) and
 * pushed into a sink with the row a spreadsheet would show them in.
 */
#include "import_reader.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "csv_lib.h"
#include "diag.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* libcsv is fed this much at a time, so a fatal problem stops the work early. */
enum { FEED_CHUNK = 64 * 1024 };

struct csv_reader {
    const char *file;
    const struct import_sink *sink;
    struct diags *d;
    bool stop;     /* a problem, or the sink said so: nothing more is read */
    size_t row;    /* spreadsheet row of the record being read */
    size_t n;      /* cells of it seen so far */
    size_t width;  /* cells of the first row, once the sink took it */
    int last_term; /* how the last line ended */
};

/* A problem that makes the rest of the file unreadable: say where, and stop. */
static void fatal_at(struct csv_reader *rd, size_t column, const char *msg)
{
    diag_error(rd->d, rd->file, (unsigned)rd->row, (unsigned)column, "%s", msg);
    rd->stop = true;
}

/*
 * Caps libcsv's cell buffer, so a cell far past the limit stops the parse without
 * growing. libcsv wants room for a character more than it keeps while it reads a quoted
 * cell's closing quote, so the cap leaves a little over the limit; a cell that uses it
 * is refused by on_cell, with the same words, whether quoted or not.
 */
enum { CELL_BUFFER_MAX = IMPORT_CELL_MAX + 64 };
_Static_assert(IMPORT_CELL_MAX == 16384, "the messages below say 16384");

static void *capped_realloc(void *ptr, size_t size)
{
    if (size > (size_t)CELL_BUFFER_MAX)
        return NULL;
    return xrealloc(ptr, size);
}

/* False (diagnosed, stopped) when the cell is not text: a NUL byte, or not UTF-8. */
static bool cell_is_text(struct csv_reader *rd, const char *cell, size_t len, size_t column)
{
    if (memchr(cell, '\0', len)) {
        fatal_at(rd, column,
                 "this cell holds a NUL byte; is the file text saved as 'CSV "
                 "UTF-8'?");
        return false;
    }
    size_t bad;
    if (!utf8_valid(cell, len, &bad)) {
        struct strbuf msg = STRBUF_INIT;
        strbuf_addf(&msg,
                    "invalid UTF-8 in this cell (byte 0x%02x); save the export as 'CSV "
                    "UTF-8 (Comma delimited)', not plain 'CSV'",
                    (unsigned char)cell[bad]);
        fatal_at(rd, column, strbuf_str(&msg));
        strbuf_release(&msg);
        return false;
    }
    return true;
}

static void on_cell(void *s, size_t len, void *data)
{
    struct csv_reader *rd = data;
    if (rd->stop)
        return;
    size_t column = ++rd->n;
    const char *cell = s ? s : "";
    /* Cells past the first row's count are counted, not read: the row is wrong anyway. */
    if (rd->n > (rd->width ? rd->width : (size_t)IMPORT_COLUMNS_MAX) + 1) {
        cell = "";
        len = 0;
    } else if (!cell_is_text(rd, cell, len, column)) {
        return;
    } else if (len > IMPORT_CELL_MAX) {
        /* As when libcsv stops at its buffer's cap: the same words, and the end. */
        fatal_at(rd, column, "this cell is longer than the limit of 16384 bytes");
        return;
    }
    if (rd->sink->cell(rd->sink->ctx, cell, len) != 0)
        rd->stop = true;
}

/*
 * The end of a record, or (CSV_REPALL_NL) of an empty line, so that rows count as a
 * spreadsheet shows them. The LF of a CRLF comes as an empty line of its own: skipped.
 */
static void on_row(int term, void *data)
{
    struct csv_reader *rd = data;
    if (rd->stop)
        return;
    if (rd->n == 0) {
        if (term == '\n' && rd->last_term == '\r') {
            rd->last_term = 0; /* taken: a second LF is a blank line */
            return;
        }
        rd->last_term = term;
        rd->row++;
        return;
    }
    rd->last_term = term;
    if (rd->sink->row_end(rd->sink->ctx, rd->row) != 0)
        rd->stop = true;
    else if (!rd->width)
        rd->width = rd->n;
    rd->n = 0;
    rd->row++;
}

/* UTF-16 or UTF-32, with a byte-order mark or, in the first bytes, the NULs of one. */
static bool is_wide_text(const char *buf, size_t len)
{
    const unsigned char *u = (const unsigned char *)buf;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return true;
    return memchr(buf, '\0', len < 4 ? len : 4) != NULL;
}

static void parse(struct csv_reader *rd, const struct csv_lib *csv, struct csv_parser *p,
                  const char *buf, size_t len)
{
    for (size_t at = 0; at < len && !rd->stop;) {
        size_t n = len - at < FEED_CHUNK ? len - at : FEED_CHUNK;
        if (csv->parse(p, buf + at, n, on_cell, on_row, rd) != n) {
            if (csv->error(p) == CSV_EPARSE)
                fatal_at(rd, rd->n + 1,
                         "a '\"' inside this cell must be doubled (\"\"), "
                         "and the cell quoted");
            else
                fatal_at(rd, rd->n + 1,
                         "this cell is longer than the limit of 16384 "
                         "bytes");
        }
        at += n;
    }
    if (!rd->stop && csv->fini(p, on_cell, on_row, rd) != 0)
        fatal_at(rd, rd->n + 1, "this cell's opening '\"' is never closed");
}

int import_read_csv(const struct import_source *src, char delimiter, const struct import_sink *sink,
                    struct diags *d)
{
    struct csv_reader rd = {.file = src->name, .sink = sink, .d = d, .row = 1, .last_term = -1};
    const char *buf = src->buf;
    size_t len = src->len;
    if (is_wide_text(buf, len)) {
        diag_error(d, src->name, 0, 0,
                   "this file is UTF-16 text (Excel's 'Unicode Text'); "
                   "save it as 'CSV UTF-8 (Comma delimited)' and import "
                   "that");
        return -1;
    }
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        buf += 3, len -= 3;
    /* libcsv: opened at run time on Linux, linked on Windows (csv_lib.h). */
    const struct csv_lib *csv = csv_lib(src->name, d);
    if (!csv)
        return -1;
    struct csv_parser p;
    if (csv->init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
        diag_add(d, DIAG_IO_ERROR, src->name, 0, 0, "cannot start the CSV parser");
        return -1;
    }
    csv->set_delim(&p, (unsigned char)delimiter);
    csv->set_realloc_func(&p, capped_realloc);
    csv->set_free_func(&p, free);
    parse(&rd, csv, &p, buf, len);
    csv->free(&p);
    return rd.stop ? -1 : 0;
}
