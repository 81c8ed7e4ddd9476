/*
 * xlsx_sheet.h - one worksheet of a workbook read into a sink (xlsx.h), given what the
 * rest of the workbook says: its shared strings, which cell formats are dates, and its
 * date system. src/import/xlsx/xlsx.c reads those parts and fills a struct xlsx_book;
 * src/import/xlsx/xlsx_sheet.c reads the worksheet, and src/import/xlsx/xlsx_value.c turns
 * numbers, dates and escapes into text.
 */
#ifndef STAGEGAP_XLSX_SHEET_H
#define STAGEGAP_XLSX_SHEET_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"
#include "xlsx_value.h"
#include "xlsx_zip.h"

struct import_sink;

struct xlsx_string {
    size_t off, len; /* in xlsx_book.pool */
};

struct xlsx_book {
    struct xlsx_zip zip;
    bool date1904;
    struct strbuf pool; /* the shared strings' text, one after another */
    struct xlsx_string *strings;
    size_t nstrings, astrings;
    unsigned char *xf_kind; /* enum xlsx_kind of each cell format (the s attribute) */
    size_t nxf, axf;
};

/* Reads the worksheet at path into sink; said starts each message about it ("sheet
   'Form1' (others: 'Lists' (hidden))"). 0 or -1. */
int xlsx_sheet_read(struct xlsx_book *b, const char *path, const char *said,
                    const struct import_sink *sink);

#endif
