/*
 * breakdown.h - an assessment's respondents broken down by team, locality, role or any
 * grouping field, each group's stage scores, under the anonymity threshold
 * (suppress.h): a group too small to show apart is pooled, never shown.
 *
 * Computed by score_compute_with (score.h) for one assessment, and again by
 * score_align_breakdowns for assessments read side by side (compare, trend).
 */
#ifndef STAGEGAP_BREAKDOWN_H
#define STAGEGAP_BREAKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "answers.h"
#include "exact.h"

/* A row: one group shown apart, or the groups too small to show apart, pooled. */
struct score_group {
    const char *values[ANSWERS_BY_MAX]; /* per field, NULL where none was given; unset
                                           in the pooled row */
    bool pooled;                        /* the "other groups" row */
    size_t respondents;
    bool *has_score; /* per stage */
    double *scores;
    struct exact *scores_exact;
};

enum breakdown_state {
    BREAKDOWN_OFF,             /* none asked for, or one respondent: nothing to say */
    BREAKDOWN_SHOWN,           /* groups[] is the breakdown */
    BREAKDOWN_ONE_GROUP,       /* everyone is in one group */
    BREAKDOWN_TOO_SMALL,       /* no group can be shown apart */
    BREAKDOWN_CELLS_TOO_SMALL, /* two fields: some of their cells are under the threshold */
    BREAKDOWN_CROSS_POOLED,    /* two fields: one of them pools a group because of another
                                  field's groups (partition.h) */
    BREAKDOWN_CHANGE_TOO_FEW,  /* compare, trend: in some row, fewer than the threshold
                                  differ between two assessments that share the rest
                                  (overlap.h) */
};

struct score_breakdown {
    enum breakdown_state state;
    const char *by[ANSWERS_BY_MAX]; /* the fields, as the assessment's */
    size_t n_by;
    size_t min_group;
    struct score_group *groups; /* BREAKDOWN_SHOWN: the groups shown apart in order of
                                   their values (none given last), then the pooled row
                                   if any respondent of any assessment compared is in it */
    size_t n_groups;
    /* BREAKDOWN_SHOWN: per group tally of the assessment (answers.h), the row it is in. */
    size_t *row_of_group;
    size_t n_small, n_cells; /* groups under the threshold, of all (for the reason why) */
    /* Groups large enough to show apart but pooled so that they cannot be set against
       another field's groups (partition.h), and the respondents that protects. */
    size_t n_cross, cross_protected;
    /* The model weighs a stage's items differently, and group rows (which always weigh
       every item alike) say so (breakdown_weights_differ). */
    bool equal_weights;
};

void breakdown_release(struct score_breakdown *b, size_t n_stages);

/* One of the assessments read side by side, for breakdown_align. */
struct breakdown_side {
    const struct assessment *assessment;
    const struct rules *rules;
    struct score_breakdown *breakdown; /* filled */
};
/*
 * The breakdown of each assessment by the first one's --by fields, with the same rows
 * in each: a group is shown apart only if it clears min_group in every one, and the
 * partition under every figure (partition.h) of each (score_align_breakdowns calls it).
 * by_default: the fields were not asked for, so say nothing when no one gives them.
 */
void breakdown_align(const struct breakdown_side *sides, size_t n, size_t min_group,
                     bool by_default);
/* Takes the rows away, leaving state and the reason's figures (overlap.h). */
void breakdown_withhold(struct score_breakdown *b, size_t n_stages, enum breakdown_state state);
struct rules;
/* True when some stage's answerable items do not all weigh the same. */
bool breakdown_weights_differ(const struct rules *r);

#endif
