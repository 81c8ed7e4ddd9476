/*
 * platform_win_iconv.c - src/win/iconv.h: the conversions src/textenc.c asks iconv for,
 * for Windows, whose C library has no iconv. The same bytes come out as from glibc's.
 */
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

enum source { FROM_UTF16LE, FROM_UTF16BE, FROM_1252 };

struct platform_iconv {
    enum source from;
};

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
    else if (strcmp(from, "WINDOWS-1252") == 0 || strcmp(from, "CP1252") == 0)
        s = FROM_1252;
    else {
        errno = EINVAL;
        return (iconv_t)-1;
    }
    iconv_t cd = xmalloc(sizeof(*cd));
    cd->from = s;
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
