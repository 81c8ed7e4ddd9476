/*
 * import_diag.h - every message about the file being imported, located at ROW:COLUMN, naming
 * a workbook's sheet and cell.
 */
#ifndef STAGEGAP_IMPORT_DIAG_H
#define STAGEGAP_IMPORT_DIAG_H

#include <stddef.h>

#include "diag.h"

struct column;
struct importer;
struct strbuf;

/*
 * A diagnostic about the file being imported, at ROW:COLUMN (0 when not known). From a
 * workbook, the message starts with the sheet read and the workbook's other sheets, and
 * the cell: "sheet 'Form1' (others: 'Lists' (hidden)), cell B3: ...", so that every
 * message names them once.
 */
void import_diag(struct importer *im, enum diag_severity severity, size_t row, size_t column,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* The same about a whole row, located at its first cell ("row 7"). */
void import_row_diag(struct importer *im, enum diag_severity severity, size_t row, const char *fmt,
                     ...) __attribute__((format(printf, 4, 5)));
/* An error at a cell of the file being imported (import_diag's). */
void import_cell_error(struct importer *im, size_t row, size_t column, const char *msg);
/* "; is this the right export, or does it need --map?", or for a workbook of several
   sheets "; is this the right sheet (say --sheet NAME for another), or ...". */
void import_add_right_export(const struct importer *im, struct strbuf *msg);
/* Appends "column 'HEADER'". */
void import_header_quoted(struct strbuf *msg, const struct column *col);

#endif
