/*
 * import_reader.h - the readers of "stagegap import": each turns one kind of file into
 * rows of cells and pushes them into a sink, so one matcher, one answer and date reader
 * and one writer serve every kind of file (src/import/import.c says which piece does what).
 *
 * A reader owns its file's problems (bad bytes, bad quoting, a cell over
 * IMPORT_CELL_MAX): it reports them located as FILE:ROW:COLUMN and stops, or passes the
 * cell empty. Rows with no cells (blank lines) are not passed. The sink owns what the
 * cells mean.
 */
#ifndef STAGEGAP_IMPORT_READER_H
#define STAGEGAP_IMPORT_READER_H

#include <stddef.h>

struct diags;

/* What a reader takes of a table: wider rows and longer cells are refused, located. */
enum {
    IMPORT_COLUMNS_MAX = 2000,
    IMPORT_CELL_MAX = 16384 /* bytes in one cell */
};

/* Text handed to a reader (and to import_csv_buffer): name is what diagnostics call it. */
struct import_source {
    const char *name;
    const char *buf;
    size_t len;
};

struct import_sink {
    void *ctx;
    /* One cell of the current row, in column order, as UTF-8 text (len bytes, not
       NUL-terminated); a cell the file skips is passed empty. 0, or -1 to stop. */
    int (*cell)(void *ctx, const char *text, size_t len);
    /* The end of a row; row is its 1-based number in the file (the spreadsheet's row
       number for a workbook). 0, or -1 to stop. */
    int (*row_end)(void *ctx, size_t row);
};

/*
 * Reads src as CSV separated by delimiter (libcsv; a UTF-8 byte-order mark skipped) and
 * pushes every row into sink. Rows are numbered as a spreadsheet shows them: one per
 * record however many lines its cells span, blank lines counted. Cells hold UTF-8
 * without NUL bytes; in a row wider than the first, cells past one more than the first
 * row's are counted (passed empty) but not read. 0 when every row was read; -1 when
 * reading stopped, on a problem in the file (in diagnostics) or because the sink asked.
 */
int import_read_csv(const struct import_source *src, char delimiter, const struct import_sink *sink,
                    struct diags *d);

#endif
