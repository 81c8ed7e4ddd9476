/*
 * report_participation_internal.h - how many of the staff asked answered, said the same
 * way in every format (docs/participation.md): a line, a caveat when few answered, and
 * each group's part, built once here from the engine's participation (participation.h).
 * The texts are plain: each writer escapes them as it escapes text from the inputs.
 * Private to src/report.
 */
#ifndef STAGEGAP_REPORT_PARTICIPATION_INTERNAL_H
#define STAGEGAP_REPORT_PARTICIPATION_INTERNAL_H

struct participation_row;
struct score;
struct strbuf;

/* "Participation: 22 of 140 staff asked answered (16%). By team: Northside 6 of 9
   (67%), ..."; nothing without a headcount. */
void report_participation_line(struct strbuf *out, const struct score *s);
/* The caveat when fewer than PARTICIPATION_LOW_PERCENT answered; nothing otherwise. */
void report_participation_caveat(struct strbuf *out, const struct score *s);
/* "Northside 6 of 9 (67%)": one group's part. */
void report_participation_group(struct strbuf *out, const struct score *s,
                                const struct participation_row *row);
/* "22 of 140 (16%)". */
void report_participation_of(struct strbuf *out, size_t answered, size_t invited);

#endif
