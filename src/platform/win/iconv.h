/*
 * iconv.h (Windows build only) - the part of POSIX's iconv that src/import/textenc.c uses,
 * for a C library that has none: UTF-16LE, UTF-16BE and Windows-1252 (also "CP1252")
 * into UTF-8, with iconv's errors (E2BIG, EILSEQ, EINVAL) and its handling of the
 * input and output pointers. Implemented in src/platform/platform_win_iconv.c.
 */
#ifndef STAGEGAP_WIN_ICONV_H
#define STAGEGAP_WIN_ICONV_H

#include <stddef.h>

typedef struct platform_iconv *iconv_t;

iconv_t iconv_open(const char *to, const char *from);
size_t iconv(iconv_t cd, char **in, size_t *in_left, char **out, size_t *out_left);
int iconv_close(iconv_t cd);

#endif
