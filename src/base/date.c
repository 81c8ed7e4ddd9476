/*
 * date.c - days between calendar dates, exactly. days_from_civil is Howard Hinnant's
 * algorithm ("chrono-Compatible Low-Level Date Algorithms"): the year is shifted to
 * start in March, so the leap day falls at its end, and counted in 400-year eras of
 * 146097 days each.
 */
#include "date.h"

#include <stdlib.h>
#include <string.h>

int64_t date_days_from_civil(int64_t year, unsigned month, unsigned day)
{
    int64_t y = month <= 2 ? year - 1 : year;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                                      /* 0..399 */
    int64_t mp = month > 2 ? (int64_t)month - 3 : (int64_t)month + 9; /* March = 0 */
    int64_t doy = (153 * mp + 2) / 5 + (int64_t)day - 1;              /* 0..365 */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;              /* 0..146096 */
    return era * 146097 + doe - 719468;
}

/* n digits of s as a number, or -1 when one of them is not a digit. */
static int64_t digits(const char *s, int n)
{
    int64_t v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool date_parse_days(const char *s, int64_t *days)
{
    int64_t y = digits(s, 4);
    if (y < 0 || s[4] != '-')
        return false;
    int64_t m = digits(s + 5, 2);
    if (m < 1 || m > 12 || s[7] != '-')
        return false;
    int64_t d = digits(s + 8, 2);
    if (d < 1 || d > 31 || s[10] != '\0')
        return false;
    *days = date_days_from_civil(y, (unsigned)m, (unsigned)d);
    return true;
}

int64_t date_days_between(const char *a, const char *b)
{
    int64_t da = 0, db = 0;
    date_parse_days(a, &da);
    date_parse_days(b, &db);
    return db - da;
}

bool date_valid(const char *s)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    /* Digits checked above: read them directly (atoi is strtol, three times a file). */
    int y = ((s[0] - '0') * 10 + (s[1] - '0')) * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1900 || m < 1 || m > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}
