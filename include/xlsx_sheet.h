/*
 * xlsx_sheet.h - one worksheet of a workbook read into a sink (xlsx.h), given what the
 * rest of the workbook says: its shared strings, which cell formats are dates, and its
 * date system. src/import/xlsx.c reads those parts and fills a struct xlsx_book;
 * src/import/xlsx_sheet.c reads the worksheet, and src/import/xlsx_value.c turns
 * numbers, dates and escapes into text.
 */
#ifndef STAGEGAP_XLSX_SHEET_H
#define STAGEGAP_XLSX_SHEET_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"
#include "xlsx_zip.h"

struct import_sink;

/* How a cell format shows a number. */
enum xlsx_kind {
    XLSX_NUMBER,
    XLSX_DATE,     /* a day: YYYY-MM-DD */
    XLSX_TIME,     /* a time of day: HH:MM:SS (a date and time past the first day) */
    XLSX_DATETIME, /* YYYY-MM-DD HH:MM:SS */
    XLSX_DURATION, /* elapsed time ([h]:mm): H:MM:SS, the hours past 24 if need be */
};

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

/* The kind of number format code (a custom numFmt's formatCode). */
enum xlsx_kind xlsx_format_kind(const char *code);
/* The kind of built-in number format id. */
enum xlsx_kind xlsx_builtin_kind(unsigned long id);
/*
 * Writes serial (a date and time in the book's date system) as text of kind into
 * out[cap]. Returns false when it is no date Excel shows (negative, past 9999).
 */
bool xlsx_serial_text(double serial, enum xlsx_kind kind, bool date1904, char *out, size_t cap);
/* Writes v as the shortest text Excel shows for it, at most 15 significant digits. */
void xlsx_number_text(double v, char *out, size_t cap);

/*
 * Decodes SpreadsheetML's escapes in text (s[0..len)), in place: "_x000D_" is the
 * character U+000D (Excel writes a line break in a cell as "_x000D_\n"), "_x005F_" an
 * underscore. Returns the new length, never more than len.
 */
size_t xlsx_unescape(char *s, size_t len);

/* Reads the worksheet at path into sink; said starts each message about it ("sheet
   'Form1' (others: 'Lists' (hidden))"). 0 or -1. */
int xlsx_sheet_read(struct xlsx_book *b, const char *path, const char *said,
                    const struct import_sink *sink);

#endif
