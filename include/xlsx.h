/*
 * xlsx.h - an Excel workbook (.xlsx, SpreadsheetML in a zip archive) read as rows of
 * text cells, for "stagegap import".
 *
 * xlsx_read takes the whole file in memory, opens it with libzip and streams the parts
 * it needs (workbook, relationships, shared strings, styles, one worksheet) through
 * expat, so a worksheet is never held whole. It pushes each row's cells, left to right,
 * into a sink: shared and inline strings (rich text runs joined), numbers as the shortest
 * text that reads back as Excel shows them ("7", not "7.0"), TRUE / FALSE, error values
 * such as "#N/A", and cells whose number format is a date as "YYYY-MM-DD",
 * "YYYY-MM-DD HH:MM:SS" or, for a time of day alone, "HH:MM:SS" (both the 1900 date
 * system, with its 29 February 1900, and the 1904 one); an elapsed time ([h]:mm) as
 * "30:00:00". Columns a row skips are passed
 * as empty cells, up to the row's last cell with a value; rows without a value are not
 * passed at all, and row_end gives the sheet's own row number. A value in a merged
 * range of the first XLSX_HEADER_ROWS rows (a header spanning columns) is repeated in
 * every cell of the range.
 *
 * Everything read is bounded (the limits below, docs/limits.md): a zip bomb is refused
 * from the archive's directory before anything is inflated, and XML with a DOCTYPE
 * (entity declarations, external entities) is refused. Problems are added to d as
 * errors named after the file, located at the spreadsheet row and 1-based column where
 * a cell is involved ("sheet 'Form1' (others: 'Lists' (hidden)), cell B7: ...": the sheet
 * and the workbook's other worksheets), else at 0:0; a file that is not a
 * workbook at all is "not a workbook: ...". The sink may have been given rows before a
 * later problem is found: a caller that must be all or nothing keeps what it is given
 * until xlsx_read returns 0. The caller owns the buffer and the sink.
 */
#ifndef STAGEGAP_XLSX_H
#define STAGEGAP_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "import_reader.h"
#include "xlsx_limits.h"

struct diags;

/* A worksheet of a workbook, as xlsx_list_sheets lists them. */
struct xlsx_sheet_info {
    char *name;
    bool hidden; /* hidden or very hidden: never read unless named */
};

/*
 * The worksheets of the workbook in buf[0..len), in the workbook's order (chart sheets
 * left out), into a new array *out of *n (xlsx_sheet_list_free frees it). 0, or -1
 * with errors in d when it is no workbook.
 */
int xlsx_list_sheets(const char *name, const void *buf, size_t len, struct xlsx_sheet_info **out,
                     size_t *n, struct diags *d);
void xlsx_sheet_list_free(struct xlsx_sheet_info *v, size_t n);

/*
 * Reads worksheet sheet (NULL: the first visible one in the workbook's order; a hidden
 * or very hidden sheet only when named) of the workbook in
 * buf[0..len), called name in diagnostics, into sink. Returns 0, or -1 with errors in d
 * (or when the sink stopped, with whatever the sink added). Unless sheet_read is NULL,
 * *sheet_read is set, before the sink is given the first cell, to the sheet read as the
 * messages about it name it: "sheet 'Form1' (others: 'Lists' (hidden), 'Summary')",
 * made safe, the others ten at most (malloc'd; the caller frees it); it is left alone
 * when no sheet is read.
 */
int xlsx_read(const char *name, const void *buf, size_t len, const char *sheet,
              const struct import_sink *sink, struct diags *d, char **sheet_read);

#endif
