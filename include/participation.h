/*
 * participation.h - how many of the staff asked answered: a pooled assessment set beside
 * a headcount (headcount.h), in total and for each group its breakdown shows apart
 * (docs/participation.md). Pure: no I/O.
 *
 * It shows no count the report does not show already: the total answered is the
 * report's respondents, and a group's is its row's, for groups shown apart only (never
 * the pooled row, never a group under the threshold). What it adds is how many were
 * asked, which is the organisation's figure, not anyone's answer.
 */
#ifndef STAGEGAP_PARTICIPATION_H
#define STAGEGAP_PARTICIPATION_H

#include <stdbool.h>
#include <stddef.h>

struct diags;
struct headcount;
struct score;

/*
 * Under this share of the staff asked, every format says the results may not speak for
 * those who did not answer (docs/participation.md says why half).
 */
enum { PARTICIPATION_LOW_PERCENT = 50 };

struct participation_row {
    size_t group; /* index into the score's breakdown groups: a group shown apart */
    size_t answered, invited;
};

struct participation {
    size_t answered, invited;
    bool low;          /* answered is under PARTICIPATION_LOW_PERCENT of invited */
    const char *field; /* the breakdown's field the rows are of (borrowed); NULL: no rows */
    struct participation_row *rows; /* in the breakdown's order */
    size_t n_rows;
};

void participation_init(struct participation *p);
void participation_release(struct participation *p);
/*
 * Sets s's respondents beside h. More answered than were asked, in total or in a group
 * of the field s is broken down by, is an error located in h's file; a group of that
 * field in h that no respondent gives is a warning, with a "did you mean" when one is
 * near; a headcount dated more than a quarter from the assessment is a warning. 0, or
 * -1 with p empty.
 */
int participation_compute(struct participation *p, const struct score *s, const struct headcount *h,
                          struct diags *d);
/* 100 * answered / invited, rounded half up, as every format prints it. */
size_t participation_percent(size_t answered, size_t invited);

#endif
