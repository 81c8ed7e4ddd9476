/*
 * plan_review.h - an action plan read against the assessments that follow it: what
 * "assess --plan" and "compare --plan" show. Pure: no I/O.
 *
 * Against one assessment (plan_review_assess): the actions overdue on its date, the
 * actions done with the state now of each gap they address, and the focus stage's open
 * gaps no action still planned addresses. Against two (plan_review_compare): the actions
 * done between BEFORE and AFTER with how each gap they address moved, beside the gaps
 * no such action addressed, and the actions not counted and why.
 *
 * A gap is open as compare_item_open says; an action addresses what its rules item's
 * links say (score_addresses) and its own item, whose answer says how far it is taken. Every number
 * is as the other reports print it: answers and points in tenths, rounded half away from zero on
 * the exact value. A review borrows the plan and the scores (or comparison) it was made from; they
 * must outlive it, and plan_review_release frees what it holds.
 */
#ifndef STAGEGAP_PLAN_REVIEW_H
#define STAGEGAP_PLAN_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct compare;
struct plan;
struct plan_action;
struct score;

/* What every format says beside the compare section, in these words. */
#define PLAN_REVIEW_NOT_CAUSE                                                                      \
    "This is a before-and-after comparison: it shows what moved after the actions were done, "     \
    "not that the actions moved it."

/* ---- against one assessment ---- */

/* A gap an action addresses, now: its answer is the score's (state, answer_num/den). */
struct plan_gap_now {
    size_t item;
    bool open; /* still an open gap (compare_item_open) */
};

struct plan_overdue {
    const struct plan_action *action;
    int64_t days; /* how many days after its due date the assessment was: 1 or more */
};

struct plan_done {
    const struct plan_action *action;
    bool after_assessment;     /* done after the assessment's date: it cannot show yet */
    struct plan_gap_now *gaps; /* the gaps the plan lists for it, in its order */
    size_t n_gaps;
};

struct plan_review {
    const struct plan *plan;
    const struct score *score;
    struct plan_overdue *overdue; /* planned or in progress, due before the date */
    size_t n_overdue;
    struct plan_done *done; /* in plan order */
    size_t n_done;
    /* The focus stage's open gaps, largest first, that no action of the plan other than
       a dropped one addresses; none when there is no focus. */
    size_t *unaddressed;
    size_t n_unaddressed;
};

/* p must have been loaded against s's rules. */
void plan_review_assess(struct plan_review *v, const struct plan *p, const struct score *s);
void plan_review_release(struct plan_review *v);

/* ---- against two ---- */

/*
 * One gap before and after, as compare shows it. Answers are tenths of a scale point;
 * points are tenths of the gap's stage points (its impact: what the stage would gain if
 * it were closed), which shrink as the gap closes. Each change is after minus before,
 * there only when both are.
 */
struct plan_movement {
    size_t item;
    bool has_before, has_after; /* answered on the scale */
    int64_t answer_before, answer_after, answer_change;
    int64_t points_before, points_after, points_change;
    bool open_after; /* still an open gap in AFTER */
};

/* Why an action is left out of the comparison. */
enum plan_count {
    PLAN_COUNTED,     /* done after BEFORE's date, on or before AFTER's */
    PLAN_NOT_DONE,    /* planned or in progress */
    PLAN_WAS_DROPPED, /* dropped */
    PLAN_DONE_BEFORE, /* done on or before BEFORE's date: in BEFORE already */
    PLAN_DONE_AFTER,  /* done after AFTER's date: it cannot show yet */
};

struct plan_compared {
    const struct plan_action *action;
    enum plan_count count;
    /* Counted ones: the gaps open in BEFORE that the action addresses, in rules order. */
    struct plan_movement *gaps;
    size_t n_gaps;
};

struct plan_compare_review {
    const struct plan *plan;
    const struct compare *compare;
    struct plan_compared *counted; /* in plan order */
    size_t n_counted;
    /* The gaps open in BEFORE that no counted action addresses, in rules order. */
    struct plan_movement *unaddressed;
    size_t n_unaddressed;
    struct plan_compared *not_counted; /* in plan order */
    size_t n_not_counted;
};

/* p must have been loaded against the comparison's rules. */
void plan_review_compare(struct plan_compare_review *v, const struct plan *p,
                         const struct compare *c);
void plan_compare_review_release(struct plan_compare_review *v);

/* "not done yet", "dropped", "done on or before BEFORE's date", ...: as reports say it. */
const char *plan_count_reason(enum plan_count c);
/* "not-done", "dropped", "done-before", "done-after" (NULL for PLAN_COUNTED): JSON, CSV. */
const char *plan_count_id(enum plan_count c);

#endif
