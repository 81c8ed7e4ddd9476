#include "textenc.h"

#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"
#include "text.h"

/* What every refusal and warning tells the user to do instead. */
#define SAVE_AS "save the export as 'CSV UTF-8 (Comma delimited)'"

/* ---- positions ---- */

/*
 * The line and column of byte `at` of text: lines split as diag.c splits them, and a
 * column counting characters, an invalid UTF-8 byte as one, as diag.c does when it
 * draws the caret, so the caret falls on the byte.
 */
static void locate(const char *text, size_t at, unsigned *line, unsigned *column)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t l = 1, c = 1;
    for (size_t i = 0; i < at;) {
        size_t brk = text_line_break(text + i, at - i);
        if (brk) {
            l++;
            c = 1;
            i += brk;
            continue;
        }
        size_t n = utf8_seq_len(u + i, at - i);
        i += n ? n : 1;
        c++;
    }
    *line = l > UINT_MAX ? UINT_MAX : (unsigned)l;
    *column = c > UINT_MAX ? UINT_MAX : (unsigned)c;
}

/* ---- byte checks ---- */

static bool has_prefix(const char *buf, size_t len, const char *prefix, size_t n)
{
    return len >= n && memcmp(buf, prefix, n) == 0;
}

/* Windows-1252 leaves these five bytes without a character. */
static bool undefined_in_1252(unsigned char c)
{
    return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

/*
 * Refuses a NUL byte in text (at its position), which a CSV file never holds; near the
 * start of a file with no byte-order mark (bare), it is most likely UTF-16 or UTF-32.
 */
static int refuse_nul(const char *name, const char *text, size_t len, bool bare, struct diags *d)
{
    const char *nul = memchr(text, '\0', len);
    if (!nul)
        return 0;
    unsigned line, column;
    size_t at = (size_t)(nul - text);
    locate(text, at, &line, &column);
    if (bare && at < 4)
        diag_error(d, name, line, column,
                   "a NUL byte: this looks like UTF-16 or UTF-32 text without a byte-order "
                   "mark, which is not read; " SAVE_AS);
    else
        diag_error(d, name, line, column,
                   "a NUL byte, which a text file does not hold; is this a CSV file? " SAVE_AS);
    return -1;
}

/* ---- iconv ---- */

/*
 * Appends len bytes of in converted by cd to out, stopping once out holds more than max
 * bytes. Returns 0; or E2BIG when the text grew past max, or iconv's EILSEQ or EINVAL
 * with *stop the offset in `in` where it stopped.
 */
static int convert(iconv_t cd, const char *in, size_t len, struct strbuf *out, size_t max,
                   size_t *stop)
{
    /* POSIX's iconv predates const; it reads the input and never writes it. */
    char *ip = (char *)(uintptr_t)in;
    size_t ileft = len;
    *stop = 0;
    while (ileft) {
        if (out->len > max)
            return E2BIG;
        /* Room for at least one more character (4 bytes), so every call makes progress. */
        size_t room = max + 4 - out->len;
        size_t want = ileft > room / 3 ? room : ileft * 3;
        strbuf_grow(out, want);
        char *op = out->buf + out->len;
        size_t oleft = want;
        size_t rc = iconv(cd, &ip, &ileft, &op, &oleft);
        int err = rc == (size_t)-1 ? errno : 0;
        out->len += want - oleft;
        out->buf[out->len] = '\0';
        if (err && err != E2BIG) {
            *stop = len - ileft;
            return err;
        }
    }
    return out->len > max ? E2BIG : 0;
}

static iconv_t open_1252(void)
{
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
    if (cd == (iconv_t)-1)
        cd = iconv_open("UTF-8", "CP1252");
    return cd;
}

static void too_long(const char *name, struct diags *d)
{
    diag_error(d, name, 0, 0, "this file is longer than the limit of %d bytes once read as UTF-8",
               TEXTENC_OUTPUT_MAX);
}

/* ---- the three readings ---- */

static int from_utf16(const char *name, const char *buf, size_t len, bool big_endian,
                      struct strbuf *out, struct diags *d)
{
    iconv_t cd = iconv_open("UTF-8", big_endian ? "UTF-16BE" : "UTF-16LE");
    if (cd == (iconv_t)-1) {
        diag_add(d, DIAG_IO_ERROR, name, 0, 0,
                 "cannot read UTF-16: this system's iconv does not convert it (%s)",
                 strerror(errno));
        return -1;
    }
    size_t stop;
    int err = convert(cd, buf, len, out, TEXTENC_OUTPUT_MAX, &stop);
    iconv_close(cd);
    if (err == E2BIG) {
        too_long(name, d);
        return -1;
    }
    if (err) {
        /* The text decoded so far ends where the bad character begins. */
        unsigned line, column;
        locate(out->buf ? out->buf : "", out->len, &line, &column);
        if (err == EINVAL)
            diag_error(d, name, line, column,
                       "the file ends inside a UTF-16 character; is it whole? " SAVE_AS);
        else
            diag_error(d, name, line, column,
                       "invalid UTF-16 here (a surrogate without its pair); " SAVE_AS);
        return -1;
    }
    if (refuse_nul(name, out->buf ? out->buf : "", out->len, false, d) != 0)
        return -1;
    if (big_endian)
        diag_add(d, DIAG_WARNING, name, 0, 0,
                 "read as UTF-16 (big-endian, with a byte-order mark), not UTF-8; " SAVE_AS
                 " to avoid this warning");
    else
        diag_add(d, DIAG_WARNING, name, 0, 0,
                 "read as UTF-16 (Excel's 'Unicode Text'), not UTF-8; " SAVE_AS
                 " to avoid this warning");
    return 0;
}

/* The character Windows-1252 gives byte c, as UTF-8, for a message; "?" when unknown. */
static void char_of_1252(iconv_t cd, unsigned char c, char shown[8])
{
    char in[1] = {(char)c};
    char *ip = in, *op = shown;
    size_t ileft = 1, oleft = 7;
    iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &ip, &ileft, &op, &oleft) == (size_t)-1 || ileft)
        op = shown, *op++ = '?';
    *op = '\0';
}

/* ---- another code page read as Windows-1252 ---- */

static bool is_letter_1252(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0xC0 && c != 0xD7 && c != 0xF7);
}

static bool is_lower_1252(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c != 0xF7);
}

/*
 * True when byte b, between prev and next, reads in Windows-1252 as nothing a Western
 * text holds there, as text in another code page does (cp1250's "Łódź" is "£ódŸ"):
 *   - a symbol of 0x80-0xBF between two letters ("Wroc³aw"), but not the quotes,
 *     dashes, no-break and soft hyphens and middle dot that do sit there ("don't");
 *   - the capital letters of 0x80-0x9F (Š Œ Ž Ÿ) straight after a small letter;
 *   - '£' or '¥' straight before a letter;
 *   - 'ƒ' (0x83) next to a letter: the florin sign stands alone, while 0x83 is a Mac's
 *     'É' ("ƒquipe") and a DOS cp850's 'â' ("chƒteau").
 */
static bool foreign_1252(unsigned char prev, unsigned char b, unsigned char next)
{
    static const unsigned char letters[] = {0x83, 0x8A, 0x8C, 0x8E, 0x9A, 0x9C,
                                            0x9E, 0x9F, 0xAA, 0xB5, 0xBA, 0};
    static const unsigned char between[] = {0x85, 0x91, 0x92, 0x93, 0x94, 0x95,
                                            0x96, 0x97, 0xA0, 0xAD, 0xB7, 0};
    if (b < 0x80 || b > 0xBF)
        return false;
    bool letter = strchr((const char *)letters, b) != NULL;
    bool usual = strchr((const char *)between, b) != NULL;
    if (!letter && !usual && is_letter_1252(prev) && is_letter_1252(next))
        return true;
    if ((b == 0x8A || b == 0x8C || b == 0x8E || b == 0x9F) && is_lower_1252(prev))
        return true;
    if (b == 0x83 && (is_letter_1252(prev) || is_letter_1252(next)))
        return true;
    return (b == 0xA3 || b == 0xA5) && is_letter_1252(next);
}

/* The first byte of buf that shows another code page read as Windows-1252, or len. */
static size_t find_foreign_1252(const char *buf, size_t len)
{
    const unsigned char *u = (const unsigned char *)buf;
    for (size_t i = 0; i < len; i++)
        if (foreign_1252(i ? u[i - 1] : ' ', u[i], i + 1 < len ? u[i + 1] : ' '))
            return i;
    return len;
}

/* Text that is not UTF-8 and has no byte-order mark; bad is its first non-UTF-8 byte. */
static int from_1252(const char *name, const char *buf, size_t len, size_t bad, struct strbuf *out,
                     struct diags *d)
{
    unsigned line, column;
    const unsigned char *u = (const unsigned char *)buf;
    for (size_t i = 0; i < len; i++)
        if (undefined_in_1252(u[i])) {
            locate(buf, i, &line, &column);
            diag_error(d, name, line, column,
                       "byte 0x%02x is neither UTF-8 nor Windows-1252 (which has no character "
                       "for it); is this a CSV file? If it is in another code page, say which "
                       "with --encoding NAME (such as cp1250), or " SAVE_AS,
                       u[i]);
            return -1;
        }
    size_t foreign = find_foreign_1252(buf, len);
    iconv_t cd = open_1252();
    if (cd == (iconv_t)-1) {
        diag_add(d, DIAG_IO_ERROR, name, 0, 0,
                 "this file is not UTF-8, and cannot be read as Windows-1252: this system's "
                 "iconv does not convert it (%s); " SAVE_AS,
                 strerror(errno));
        return -1;
    }
    size_t stop;
    int err = convert(cd, buf, len, out, TEXTENC_OUTPUT_MAX, &stop);
    char shown[8];
    if (!err)
        char_of_1252(cd, u[foreign < len ? foreign : bad], shown);
    iconv_close(cd);
    if (err == E2BIG) {
        too_long(name, d);
        return -1;
    }
    if (err) {
        /* Not expected: every byte but the five refused above has a character. */
        locate(buf, stop, &line, &column);
        diag_error(d, name, line, column,
                   "byte 0x%02x is neither UTF-8 nor Windows-1252; is this a CSV file? " SAVE_AS,
                   stop < len ? u[stop] : 0);
        return -1;
    }
    if (foreign < len) {
        locate(buf, foreign, &line, &column);
        diag_error(
            d, name, line, column,
            "not UTF-8, and not Windows-1252 either: byte 0x%02x here would be '%s' "
            "inside a word, as another code page's letters are read in Windows-1252 "
            "(Central European Excel's cp1250, a Mac's macintosh, a DOS cp850); say "
            "the file's encoding with --encoding NAME (such as --encoding cp1250), or " SAVE_AS,
            u[foreign], shown);
        strbuf_reset(out);
        return -1;
    }
    locate(buf, bad, &line, &column);
    diag_add(d, DIAG_WARNING, name, line, column,
             "not UTF-8 (byte 0x%02x here): read as Windows-1252 (Excel's 'CSV (Comma "
             "delimited)'), which makes this byte '%s' (if the file is in another code "
             "page, say it with --encoding NAME); " SAVE_AS " to avoid this warning",
             u[bad], shown);
    return 0;
}

static int utf32(const char *name, struct diags *d)
{
    diag_error(d, name, 0, 0, "this file is UTF-32 text, which is not read; " SAVE_AS);
    return -1;
}

int textenc_to_utf8(const char *name, const char *buf, size_t len, struct strbuf *out,
                    enum textenc *found, struct diags *d)
{
    enum textenc enc = TEXTENC_UTF8;
    int rc = -1;
    size_t bad;
    strbuf_reset(out);
    /* UTF-32's marks first: UTF-32LE's begins with UTF-16LE's. */
    if (has_prefix(buf, len, "\xFF\xFE\0\0", 4) || has_prefix(buf, len, "\0\0\xFE\xFF", 4)) {
        rc = utf32(name, d);
    } else if (has_prefix(buf, len, "\xFF\xFE", 2) || has_prefix(buf, len, "\xFE\xFF", 2)) {
        enc = buf[0] == '\xFE' ? TEXTENC_UTF16BE : TEXTENC_UTF16LE;
        rc = from_utf16(name, buf + 2, len - 2, enc == TEXTENC_UTF16BE, out, d);
    } else if (has_prefix(buf, len, "\xEF\xBB\xBF", 3)) {
        buf += 3, len -= 3;
        if (refuse_nul(name, buf, len, false, d) != 0)
            goto out;
        if (!utf8_valid(buf, len, &bad)) {
            unsigned line, column;
            locate(buf, bad, &line, &column);
            diag_error(d, name, line, column,
                       "invalid UTF-8 (byte 0x%02x) in a file that begins with UTF-8's "
                       "byte-order mark; " SAVE_AS " again",
                       (unsigned char)buf[bad]);
            goto out;
        }
        rc = 0;
    } else if (refuse_nul(name, buf, len, true, d) != 0) {
        goto out;
    } else if (utf8_valid(buf, len, &bad)) {
        rc = 0;
    } else {
        enc = TEXTENC_WINDOWS_1252;
        rc = from_1252(name, buf, len, bad, out, d);
    }
    if (rc == 0 && enc == TEXTENC_UTF8) {
        if (len > TEXTENC_OUTPUT_MAX) {
            too_long(name, d);
            rc = -1;
            goto out;
        }
        strbuf_add(out, buf, len);
    }
out:
    if (rc != 0) {
        strbuf_reset(out);
        return -1;
    }
    if (found)
        *found = enc;
    return 0;
}

int textenc_from(const char *name, const char *encoding, const char *buf, size_t len,
                 struct strbuf *out, struct diags *d)
{
    strbuf_reset(out);
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == (iconv_t)-1) {
        diag_error(d, NULL, 0, 0,
                   "--encoding '%s' is not an encoding this system's iconv converts (try "
                   "'iconv --list'); cp1250, cp1251, macintosh, cp850 and iso-8859-2 are "
                   "common ones",
                   encoding);
        return -1;
    }
    size_t stop;
    int err = convert(cd, buf, len, out, TEXTENC_OUTPUT_MAX, &stop);
    iconv_close(cd);
    if (err == E2BIG) {
        too_long(name, d);
    } else if (err) {
        unsigned line, column;
        locate(buf, stop, &line, &column);
        if (err == EINVAL)
            diag_error(d, name, line, column,
                       "the file ends inside a character of '%s'; is it whole?", encoding);
        else
            diag_error(d, name, line, column,
                       "byte 0x%02x cannot be read as '%s' text; is --encoding right?",
                       stop < len ? (unsigned char)buf[stop] : 0, encoding);
    } else if (refuse_nul(name, out->buf ? out->buf : "", out->len, false, d) == 0) {
        /* A byte-order mark that came through is no part of the text. */
        if (has_prefix(out->buf ? out->buf : "", out->len, "\xEF\xBB\xBF", 3)) {
            memmove(out->buf, out->buf + 3, out->len - 3);
            out->len -= 3;
            out->buf[out->len] = '\0';
        }
        return 0;
    }
    strbuf_reset(out);
    return -1;
}

/* ---- separators ---- */

char textenc_sniff_delimiter(const char *utf8, size_t len)
{
    static const char candidates[] = {',', ';', '\t'};
    size_t count[3] = {0, 0, 0};
    bool quoted = false;
    size_t i = has_prefix(utf8, len, "\xEF\xBB\xBF", 3) ? 3 : 0;
    /* Blank lines before the header are no record, as the CSV reader skips them. */
    while (i < len && (utf8[i] == '\n' || utf8[i] == '\r'))
        i++;
    /* A doubled quote inside quotes toggles twice, so it changes nothing. */
    for (; i < len; i++) {
        char c = utf8[i];
        if (c == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == '\n' || c == '\r')
            break;
        else
            for (size_t k = 0; k < 3; k++)
                if (c == candidates[k])
                    count[k]++;
    }
    size_t best = 0;
    bool tie = false;
    for (size_t k = 1; k < 3; k++) {
        if (count[k] > count[best]) {
            best = k;
            tie = false;
        } else if (count[k] == count[best]) {
            tie = true;
        }
    }
    return tie || count[best] == 0 ? ',' : candidates[best];
}

/* ---- decimal commas ---- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool textenc_decimal_comma(const char *cell, struct strbuf *out)
{
    const char *p = cell;
    if (*p == '+' || *p == '-')
        p++;
    if (!is_digit(*p))
        return false;
    while (is_digit(*p))
        p++;
    if (*p != ',')
        return false;
    const char *comma = p++;
    if (!is_digit(*p))
        return false;
    while (is_digit(*p))
        p++;
    if (*p)
        return false;
    strbuf_reset(out);
    strbuf_add(out, cell, (size_t)(comma - cell));
    strbuf_addc(out, '.');
    strbuf_adds(out, comma + 1);
    return true;
}
