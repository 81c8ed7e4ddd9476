/*
 * platform_win_iconv.c - src/platform/win/iconv.h: the conversions that
 * src/import/textenc.c asks iconv for, for Windows, whose C library has no iconv: UTF-16
 * and Windows-1252 by hand (the same bytes come out as from glibc's), and the single-byte
 * code pages import --encoding names (Central European Excel's cp1250, ISO 8859, DOS and
 * Mac pages) through Windows' own tables.
 */
#include <windows.h>

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

enum source { FROM_UTF16LE, FROM_UTF16BE, FROM_1252, FROM_CODE_PAGE };

struct platform_iconv {
    enum source from;
    unsigned code_page; /* FROM_CODE_PAGE: a single-byte Windows code page */
};

/* iconv's names of the single-byte code pages Windows has, and their numbers. */
static const struct {
    const char *name;
    unsigned code_page;
} code_pages[] = {
    {"CP1250", 1250},      {"WINDOWS-1250", 1250}, {"CP1251", 1251},      {"WINDOWS-1251", 1251},
    {"CP1253", 1253},      {"WINDOWS-1253", 1253}, {"CP1254", 1254},      {"WINDOWS-1254", 1254},
    {"CP1255", 1255},      {"WINDOWS-1255", 1255}, {"CP1256", 1256},      {"WINDOWS-1256", 1256},
    {"CP1257", 1257},      {"WINDOWS-1257", 1257}, {"CP1258", 1258},      {"WINDOWS-1258", 1258},
    {"ISO-8859-1", 28591}, {"ISO8859-1", 28591},   {"LATIN1", 28591},     {"ISO-8859-2", 28592},
    {"ISO8859-2", 28592},  {"LATIN2", 28592},      {"ISO-8859-5", 28595}, {"ISO-8859-7", 28597},
    {"ISO-8859-9", 28599}, {"ISO-8859-15", 28605}, {"ISO8859-15", 28605}, {"LATIN-9", 28605},
    {"CP437", 437},        {"IBM437", 437},        {"CP850", 850},        {"IBM850", 850},
    {"CP852", 852},        {"IBM852", 852},        {"MACINTOSH", 10000},  {"MAC", 10000},
    {"MACROMAN", 10000},   {"KOI8-R", 20866},
};

static bool same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'a' && *a <= 'z' ? (char)(*a - 'a' + 'A') : *a;
        if (x != *b)
            return false;
    }
    return *a == *b;
}

/* Windows-1252's 0x80-0x9f; 0 where it has no character. */
static const uint16_t cp1252_high[32] = {
    0x20ac, 0,      0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017d, 0,      0,      0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
    0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,      0x017e, 0x0178};

iconv_t iconv_open(const char *to, const char *from)
{
    enum source s;
    if (strcmp(to, "UTF-8") != 0) {
        errno = EINVAL;
        return (iconv_t)-1;
    }
    if (strcmp(from, "UTF-16LE") == 0)
        s = FROM_UTF16LE;
    else if (strcmp(from, "UTF-16BE") == 0)
        s = FROM_UTF16BE;
    else if (same_name(from, "WINDOWS-1252") || same_name(from, "CP1252"))
        s = FROM_1252;
    else
        s = FROM_CODE_PAGE;
    unsigned code_page = 0;
    for (size_t k = 0; s == FROM_CODE_PAGE && k < sizeof(code_pages) / sizeof(*code_pages); k++)
        if (same_name(from, code_pages[k].name))
            code_page = code_pages[k].code_page;
    if (s == FROM_CODE_PAGE && (!code_page || !IsValidCodePage(code_page))) {
        errno = EINVAL;
        return (iconv_t)-1;
    }
    iconv_t cd = xmalloc(sizeof(*cd));
    cd->from = s;
    cd->code_page = code_page;
    return cd;
}

int iconv_close(iconv_t cd)
{
    free(cd);
    return 0;
}

/* c as UTF-8 into out; its length in bytes. */
static size_t utf8_of(uint32_t c, unsigned char out[4])
{
    if (c < 0x80) {
        out[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (unsigned char)(0xc0 | (c >> 6));
        out[1] = (unsigned char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (unsigned char)(0xe0 | (c >> 12));
        out[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
        out[2] = (unsigned char)(0x80 | (c & 0x3f));
        return 3;
    }
    out[0] = (unsigned char)(0xf0 | (c >> 18));
    out[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
    out[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
    out[3] = (unsigned char)(0x80 | (c & 0x3f));
    return 4;
}

/* One UTF-16 unit of in; in holds at least two bytes. */
static uint32_t unit(const unsigned char *in, bool big_endian)
{
    return big_endian ? (uint32_t)(in[0] << 8 | in[1]) : (uint32_t)(in[1] << 8 | in[0]);
}

/*
 * The next character of in[0..left): its code point and the bytes it takes, or 0 with
 * errno EILSEQ (no such character) or EINVAL (the input ends inside it).
 */
static size_t next_char(const struct platform_iconv *cd, const unsigned char *in, size_t left,
                        uint32_t *c)
{
    if (cd->from == FROM_CODE_PAGE) {
        wchar_t w;
        if (MultiByteToWideChar(cd->code_page, MB_ERR_INVALID_CHARS, (const char *)in, 1, &w, 1) !=
            1) {
            errno = EILSEQ;
            return 0;
        }
        *c = w;
        return 1;
    }
    if (cd->from == FROM_1252) {
        *c = in[0];
        if (in[0] >= 0x80 && in[0] < 0xa0 && !(*c = cp1252_high[in[0] - 0x80])) {
            errno = EILSEQ;
            return 0;
        }
        return 1;
    }
    bool be = cd->from == FROM_UTF16BE;
    if (left < 2) {
        errno = EINVAL;
        return 0;
    }
    uint32_t u = unit(in, be);
    if (u >= 0xdc00 && u < 0xe000) {
        errno = EILSEQ;
        return 0;
    }
    if (u < 0xd800 || u >= 0xdc00) {
        *c = u;
        return 2;
    }
    if (left < 4) {
        errno = EINVAL;
        return 0;
    }
    uint32_t low = unit(in + 2, be);
    if (low < 0xdc00 || low >= 0xe000) {
        errno = EILSEQ;
        return 0;
    }
    *c = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
    return 4;
}

size_t iconv(iconv_t cd, char **in, size_t *in_left, char **out, size_t *out_left)
{
    if (!in || !*in)
        return 0; /* no shift state to reset */
    while (*in_left) {
        uint32_t c;
        size_t took = next_char(cd, (const unsigned char *)*in, *in_left, &c);
        if (!took)
            return (size_t)-1;
        unsigned char bytes[4];
        size_t n = utf8_of(c, bytes);
        if (n > *out_left) {
            errno = E2BIG;
            return (size_t)-1;
        }
        memcpy(*out, bytes, n);
        *out += n;
        *out_left -= n;
        *in += took;
        *in_left -= took;
    }
    return 0;
}
