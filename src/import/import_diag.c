/*
 * import_diag.c - the messages of "stagegap import" about the file being imported: at
 * its row and column, and for a workbook starting with the sheet read and the
 * workbook's other sheets (xlsx_read's words) and the cell as the spreadsheet names it,
 * so that every message names them once. Below every other import_*.c file: it calls
 * none of them.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "diag.h"
#include "import_diag.h"
#include "importer.h"
#include "strbuf.h"
#include "text.h"

/* import_diag's, or for a row (whole_row) at its first cell but named "row 7". */
static void import_vdiag(struct importer *im, enum diag_severity severity, size_t row,
                         size_t column, bool whole_row, const char *fmt, va_list ap)
{
    struct strbuf msg = STRBUF_INIT;
    if (im->workbook && im->sheet) {
        strbuf_adds(&msg, im->sheet);
        if (row && whole_row) {
            strbuf_addf(&msg, ", row %zu", row);
        } else if (row && column) { /* the cell as the spreadsheet names it */
            char ref[32];
            text_cell_ref(column, row, ref, sizeof(ref));
            strbuf_addf(&msg, ", cell %s", ref);
        }
        strbuf_adds(&msg, ": ");
    }
    strbuf_vaddf(&msg, fmt, ap);
    diag_add(im->d, severity, im->file, (unsigned)row, (unsigned)column, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
}

void import_diag(struct importer *im, enum diag_severity severity, size_t row, size_t column,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    import_vdiag(im, severity, row, column, false, fmt, ap);
    va_end(ap);
}

void import_row_diag(struct importer *im, enum diag_severity severity, size_t row, const char *fmt,
                     ...)
{
    va_list ap;
    va_start(ap, fmt);
    import_vdiag(im, severity, row, 1, true, fmt, ap);
    va_end(ap);
}

void import_cell_error(struct importer *im, size_t row, size_t column, const char *msg)
{
    import_diag(im, DIAG_ERROR, row, column, "%s", msg);
}

void import_add_right_export(const struct importer *im, struct strbuf *msg)
{
    if (im->workbook && im->sheet && strstr(im->sheet, " (others: "))
        strbuf_adds(msg, "; is this the right sheet (say --sheet NAME for another), or does it "
                         "need --map?");
    else
        strbuf_adds(msg, "; is this the right export, or does it need --map?");
}

void import_header_quoted(struct strbuf *msg, const struct column *col)
{
    strbuf_adds(msg, "column ");
    text_add_quoted(msg, col->header, QUOTE_MAX);
}
