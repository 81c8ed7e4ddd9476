/*
 * overlap.h - what assessments read side by side (compare, trend) share, and whether
 * their figures set against each other would single anyone out (docs/privacy.md,
 * "Over time"). Pure: no I/O.
 *
 * A respondent of one assessment and one of another are the same person when they give
 * the same respondent id, or, ids aside, the same answer to every item and the same
 * grouping fields (a file carried over, or a survey exported again): they add exactly
 * the same to every figure. Two assessments share respondents when any are the same.
 * Every figure of one set against the same figure of the other then rests on the
 * answers of those in one only, the leavers and the joiners, and on the changed answers
 * of people in both.
 *
 * The rule, for two that share respondents: in the whole and in each group row, the
 * leavers must number none or at least the threshold, and so must the joiners; and so
 * for those answering each item on the scale (someone who answered it before and not
 * now left its answers). A group row that breaks it withholds every group row; the
 * whole breaking it refuses the comparison. How a person in both changed answers is
 * shown as it is: it is what a comparison is for (docs/privacy.md says so).
 */
#ifndef STAGEGAP_OVERLAP_H
#define STAGEGAP_OVERLAP_H

#include <stdbool.h>
#include <stddef.h>

struct diags;
struct score;

struct overlap {
    bool shares;          /* some two of the assessments share respondents */
    bool groups_withheld; /* the breakdown's rows were withheld (BREAKDOWN_CHANGE_TOO_FEW) */
};

/*
 * Checks every two of the n scored assessments, whose respondents were kept
 * (assessment.keep_respondents) and whose breakdowns are aligned
 * (score_align_breakdowns). Where the whole fails, an error in d, located at the
 * later-given path of the two. Where only group rows fail, every assessment's rows are
 * withheld (breakdown_withhold). 0, or -1 with diagnostics.
 */
int overlap_check(struct overlap *ov, struct score *const *scores, const char *const *paths,
                  size_t n, struct diags *d);

#endif
