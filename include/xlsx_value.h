/*
 * xlsx_value.h - what a workbook's cells hold, written as the text a spreadsheet shows:
 * numbers, dates and times by their cell format, and the _xHHHH_ escapes of its strings.
 * Pure functions of their arguments, below the sheet reader that calls them.
 */
#ifndef STAGEGAP_XLSX_VALUE_H
#define STAGEGAP_XLSX_VALUE_H

#include <stdbool.h>
#include <stddef.h>

/* How a cell format shows a number. */
enum xlsx_kind {
    XLSX_NUMBER,
    XLSX_DATE,     /* a day: YYYY-MM-DD */
    XLSX_TIME,     /* a time of day: HH:MM:SS (a date and time past the first day) */
    XLSX_DATETIME, /* YYYY-MM-DD HH:MM:SS */
    XLSX_DURATION, /* elapsed time ([h]:mm): H:MM:SS, the hours past 24 if need be */
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

#endif
