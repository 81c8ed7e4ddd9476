/*
 * textenc.h - the bytes of a CSV-like export turned into UTF-8 text, its separator
 * sniffed from the header row, and the decimal comma of a European locale read.
 *
 * Spreadsheets save "CSV" in several encodings: Excel's 'CSV UTF-8' (UTF-8 with a
 * byte-order mark), its plain 'CSV (Comma delimited)' (Windows-1252 on a Western
 * machine), and its 'Unicode Text' (UTF-16 little-endian with a byte-order mark, TAB
 * separated). A reader hands the file's bytes to textenc_to_utf8 and reads the UTF-8
 * that comes back; every conversion is stated in a warning, and a file that reads as
 * none of these is refused at its first offending byte. Nothing is guessed silently.
 *
 * The caller owns the output buffer and the diagnostics; this module never prints.
 */
#ifndef STAGEGAP_TEXTENC_H
#define STAGEGAP_TEXTENC_H

#include <stdbool.h>
#include <stddef.h>

struct diags;
struct strbuf;

enum {
    /* Bytes of UTF-8 text at most, once converted: the import's own file limit, so a
       Windows-1252 file (up to 3 bytes of UTF-8 a byte) cannot grow past it. */
    TEXTENC_OUTPUT_MAX = 64 * 1024 * 1024
};

enum textenc {
    TEXTENC_UTF8,         /* kept as it is; a byte-order mark is dropped */
    TEXTENC_UTF16LE,      /* with a byte-order mark: Excel's 'Unicode Text' */
    TEXTENC_UTF16BE,      /* with a byte-order mark */
    TEXTENC_WINDOWS_1252, /* not UTF-8 and no byte-order mark: Excel's plain 'CSV' */
};

/*
 * Replaces out's contents with buf's len bytes as UTF-8, without a byte-order mark, and
 * sets *found (when not NULL) to the encoding they were read in:
 *   - UTF-16 LE or BE with a byte-order mark is converted, with a warning;
 *   - valid UTF-8, with or without a byte-order mark, is kept;
 *   - anything else is read as Windows-1252, with a warning at the first byte that is
 *     not UTF-8,
 * except that a file is refused, located at the offending byte, when it holds a NUL
 * (UTF-16 without a byte-order mark, or not text at all), a byte Windows-1252 leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), text whose Windows-1252 reading shows
 * another code page (a symbol between two letters, such as cp1250's "ł" read as "³";
 * "Ÿ" after a small letter; "£" before a letter), invalid UTF-8 after a UTF-8
 * byte-order mark, or invalid UTF-16; UTF-32 is refused too, and so is text longer
 * than TEXTENC_OUTPUT_MAX once converted.
 *
 * name is what diagnostics call the file. Positions are the line and column of the
 * text (lines split as diag.c splits them; a column counts characters, an invalid UTF-8
 * byte as one), so a caret drawn under the raw buffer's line falls on the offending
 * byte of a single-byte file. For UTF-16 they count in the text as decoded: do not
 * quote the raw buffer (diags_set_source) for those.
 *
 * Returns 0, or -1 with an error added and out left empty (and *found unset).
 */
int textenc_to_utf8(const char *name, const char *buf, size_t len, struct strbuf *out,
                    enum textenc *found, struct diags *d);

/*
 * Replaces out's contents with buf's len bytes read as `encoding` (any name iconv_open
 * takes: "cp1250", "macintosh", "cp850") and converted to UTF-8, a byte-order mark
 * dropped; no warning, as the user said it. 0, or -1 with an error (an encoding iconv
 * does not know, unlocated; a byte that is not that encoding's, or a NUL, located) and
 * out left empty.
 */
int textenc_from(const char *name, const char *encoding, const char *buf, size_t len,
                 struct strbuf *out, struct diags *d);

/*
 * The separator of UTF-8 CSV text, from its first record (the header row, which may
 * span lines inside quotes; a byte-order mark is skipped): the one of ',', ';' and TAB
 * that occurs there most often outside double quotes. When none occurs, or the most
 * frequent is tied with another, ',' (RFC 4180's), so only a clear header changes it.
 */
char textenc_sniff_delimiter(const char *utf8, size_t len);

/*
 * When cell (already trimmed) is a number written with a decimal comma and nothing
 * else - an optional sign, digits, one ',', digits: "7,5", "-0,25" - replaces out's
 * contents with it written with a decimal point ("7.5") and returns true. Anything
 * else ("1,000,5", "7,", ",5", "7,5x", "1.000,5", "7") returns false and leaves out
 * alone. Only for a file whose separator is not ',', where "7,5" cannot be two cells
 * or a thousands separator.
 */
bool textenc_decimal_comma(const char *cell, struct strbuf *out);

#endif
