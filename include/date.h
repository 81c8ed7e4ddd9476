/*
 * date.h - calendar dates as reports and plans write them (YYYY-MM-DD): days between
 * two dates, counted exactly on the proleptic Gregorian calendar. No clock, no time
 * zone, no mktime: a date is a day, not an instant. Pure; shared by every layer above.
 */
#ifndef STAGEGAP_DATE_H
#define STAGEGAP_DATE_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Days from 1970-01-01 to year-month-day (negative before it), for month 1..12 and
 * day 1..31. Exact for every year an int64_t day count holds; it does not check that
 * the day exists in the month (date_valid in answers.h does that).
 */
int64_t date_days_from_civil(int64_t year, unsigned month, unsigned day);

/*
 * Reads "YYYY-MM-DD" (four digits, two, two) into days from 1970-01-01. False, leaving
 * *days alone, when s is not written so; a day past its month's end is not checked.
 */
bool date_parse_days(const char *s, int64_t *days);

/*
 * Days from a to b, both "YYYY-MM-DD": positive when b is later, 0 on the same day.
 * Both must be written so (answers and plans are validated before this is asked);
 * a date that is not reads as 1970-01-01.
 */
int64_t date_days_between(const char *a, const char *b);

/* True when s is a real calendar date written YYYY-MM-DD, in 1900 or later. */
bool date_valid(const char *s);

#endif
