/*
 * xlsx_value.c - SpreadsheetML's numbers, dates and times written as text, which number
 * formats are dates, and the _xHHHH_ escapes of its strings. See xlsx_value.h.
 */
#include "xlsx_value.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

enum {
    XLSX_DATE_LAST = 2958465, /* 9999-12-31 in the 1900 system */
};

enum xlsx_kind xlsx_builtin_kind(unsigned long id)
{
    if (id >= 14 && id <= 17)
        return XLSX_DATE;
    if ((id >= 18 && id <= 21) || id == 45 || id == 47)
        return XLSX_TIME;
    if (id == 46)
        return XLSX_DURATION;
    return id == 22 ? XLSX_DATETIME : XLSX_NUMBER;
}

/* y and d are days, h and s times of day, m either (minutes beside h or s); text in
   quotes, escaped or padding characters and [bracketed] colours and locales say nothing,
   but [h], [m] and [s] (elapsed time) are times. */
enum xlsx_kind xlsx_format_kind(const char *code)
{
    bool date = false, time = false, month = false, elapsed = false;
    for (const char *p = code; *p; p++) {
        switch (tolower((unsigned char)*p)) {
        case '"':
            p = strchr(p + 1, '"');
            if (!p)
                return XLSX_NUMBER;
            break;
        case '[': {
            /* [h], [mm], [ss]: elapsed time; anything else ([Red], [$-409]) no part. */
            const char *close = strchr(p + 1, ']');
            if (!close)
                return XLSX_NUMBER;
            if (close > p + 1 && strspn(p + 1, "hHmMsS") == (size_t)(close - p - 1))
                elapsed = true;
            p = close;
            break;
        }
        case '\\':
        case '_':
        case '*':
            if (!*++p)
                return XLSX_NUMBER;
            break;
        case 'y':
        case 'd':
            date = true;
            break;
        case 'm':
            month = true;
            break;
        case 'h':
        case 's':
            time = true;
            break;
        default:
            break;
        }
    }
    if (elapsed)
        return XLSX_DURATION;
    if (month && !time)
        date = true;
    if (date)
        return time ? XLSX_DATETIME : XLSX_DATE;
    return time ? XLSX_TIME : XLSX_NUMBER;
}

/* The civil date days after 1970-01-01 (Howard Hinnant's days_from_civil, inverted). */
static void civil_from_days(long long z, long long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long long)yoe + era * 400 + (*m <= 2);
}

bool xlsx_serial_text(double serial, enum xlsx_kind kind, bool date1904, char *out, size_t cap)
{
    if (!(serial >= 0 && serial < XLSX_DATE_LAST + 1 - (date1904 ? 1462 : 0)))
        return false;
    long long secs = llround(serial * 86400.0);
    long long days = secs / 86400, sod = secs % 86400;
    long long y = 1900;
    unsigned m = 2, d = 29;
    if (kind == XLSX_DURATION) {
        snprintf(out, cap, "%lld:%02lld:%02lld", secs / 3600, sod / 60 % 60, sod % 60);
        return true;
    }
    if (kind == XLSX_TIME && days == 0) {
        snprintf(out, cap, "%02lld:%02lld:%02lld", sod / 3600, sod / 60 % 60, sod % 60);
        return true;
    }
    /* The 1900 system counts a 29 February 1900 that never was (Lotus 1-2-3's bug), so
       serial 60 is that day and the days before it are one off. */
    if (date1904)
        civil_from_days(days - 24107, &y, &m, &d);
    else if (days != 60)
        civil_from_days(days - (days < 60 ? 25568 : 25569), &y, &m, &d);
    if (kind == XLSX_DATE)
        snprintf(out, cap, "%04lld-%02u-%02u", y, m, d);
    else
        snprintf(out, cap, "%04lld-%02u-%02u %02lld:%02lld:%02lld", y, m, d, sod / 3600,
                 sod / 60 % 60, sod % 60);
    return true;
}

void xlsx_number_text(double v, char *out, size_t cap)
{
    /* Excel keeps and shows 15 significant digits; %g drops the trailing zeros. */
    snprintf(out, cap, "%.15g", v == 0 ? 0.0 : v);
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

size_t xlsx_unescape(char *s, size_t len)
{
    size_t in = 0, out = 0;
    while (in < len) {
        unsigned cp = 0;
        bool escape = len - in >= 7 && s[in] == '_' && s[in + 1] == 'x' && s[in + 6] == '_';
        for (size_t k = 2; escape && k < 6; k++) {
            int h = hex_digit(s[in + k]);
            escape = h >= 0;
            cp = cp * 16 + (unsigned)(h < 0 ? 0 : h);
        }
        /* A surrogate half is no character: such an "escape" is left as it is. */
        if (!escape || (cp >= 0xD800 && cp <= 0xDFFF)) {
            s[out++] = s[in++];
            continue;
        }
        if (cp < 0x80) {
            s[out++] = (char)cp;
        } else if (cp < 0x800) {
            s[out++] = (char)(0xC0 | (cp >> 6));
            s[out++] = (char)(0x80 | (cp & 0x3F));
        } else {
            s[out++] = (char)(0xE0 | (cp >> 12));
            s[out++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            s[out++] = (char)(0x80 | (cp & 0x3F));
        }
        in += 7;
    }
    return out;
}
