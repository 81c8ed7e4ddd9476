/*
 * stage_score.h - the arithmetic under every score: one item's state, answer and value
 * from a tally of answers, and a stage's (or one level's) score, coverage and band from
 * its items. score.c scores an assessment with it, breakdown.c each group row. Pure.
 */
#ifndef STAGEGAP_STAGE_SCORE_H
#define STAGEGAP_STAGE_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "accept.h"
#include "answers.h"
#include "exact.h"
#include "rules.h"

enum { SCORE_NO_BAND = -1 }; /* band of a stage with too little data */

/* The stage id reported for a stage without enough answers to score. */
#define SCORE_INSUFFICIENT "insufficient-data"

enum score_state {
    SCORED, /* answered on the scale */
    NOT_APPLICABLE,
    UNKNOWN, /* unknown or unanswered: lowers coverage, listed to find out */
    CONTEXT, /* no question: shown, never scored */
};

/*
 * Every number comes twice: exact (struct exact, or integers), which decides bands,
 * ties and thresholds and is what reports print through exact_format; and a double
 * beside it, for drawing charts and nothing else.
 */
/*
 * Whether an item's gap is accepted (accept.h): an accepted gap still counts in its
 * stage's score, but is no action to take, adds no points to the suggestions that
 * address it and is never a gap opened. Expired on the assessment's date, it counts
 * again as any other gap, and is flagged.
 */
enum score_accepted { SCORE_NOT_ACCEPTED, SCORE_ACCEPTED, SCORE_ACCEPT_EXPIRED };

struct score_item {
    enum score_state state;
    enum score_accepted accepted;
    const struct accept_entry *acceptance; /* borrowed from score.accept; NULL if none */
    double answer;                         /* mean answer on the rules' scale (SCORED only) */
    int64_t answer_num;                    /* the mean exactly: answer_num / answer_den */
    uint64_t answer_den;
    double value;              /* 0..1, 1 the best end: barriers inverted */
    uint64_t good, out_of;     /* the value exactly: good / out_of */
    double impact;             /* stage points gained were value 1 */
    struct exact impact_exact; /* 0 unless SCORED */
    bool acted_on;             /* suggestions: answer at or above rules.acted_on */
    bool disagreement;         /* respondents far apart: see docs/scoring.md */
    bool withheld;             /* fewer than K answers (score_min_answers): UNKNOWN, no figure */
    size_t notes_withheld;     /* notes left out: fewer than K answered the item */
    double sd;                 /* spread of answers on the scale, rounded: sd_tenths / 10 */
    uint64_t sd_tenths;        /* the spread rounded half away from zero to 0.1 */
    /* The assessment's notes, as the report may show them (score_compute_with) and
       sorted; the strings are borrowed. */
    struct answer_note *notes;
    size_t n_notes;
};

struct score_cell { /* one stage x level cell of the matrix */
    bool has_score;
    double score; /* 0..100 */
    struct exact score_exact;
    size_t answered, items;
};

struct score_stage {
    bool has_score; /* false when nothing was answered or coverage is too low */
    double score;   /* 0..100, weighted mean of answered items */
    struct exact score_exact;
    int band;        /* index into rules.bands, or SCORE_NO_BAND */
    double coverage; /* answered / answerable (n/a items are not answerable) */
    size_t answerable, answered;
    struct score_cell *levels; /* one per rules level */
    size_t *gaps;              /* item indices, largest impact first */
    size_t n_gaps;
    size_t *unknown; /* answerable items nobody could answer, in rules order */
    size_t n_unknown;
    bool rests_on_earlier; /* a later stage that scores better than the focus stage */
    bool not_applicable;   /* every question answered n/a, or no question at all (every
                              item retired or context): the stage does not apply, and is
                              never the focus */
    size_t more_answers;   /* without a score (and applying): how many more of its items
                              answered would give it one; 0 otherwise */
};

/*
 * Fills one item's state, answer and value from a tally. An item with fewer than
 * min_answers numeric answers (but some) is withheld: it counts as unknown, so no
 * figure, score or gap is made from those few answers (docs/privacy.md).
 */
void stage_score_item(const struct rules *r, size_t i, const struct item_tally *t,
                      size_t min_answers, struct score_item *out);
void stage_score_item_release(struct score_item *it);
/*
 * Weighted mean over the items of a stage (and of one level, unless level is -1);
 * *weight_out, unless NULL, the weight of the items answered.
 */
struct score_cell stage_score_cell(const struct rules *r, const struct score_item *items,
                                   size_t stage, long level, uint64_t *weight_out);
/* Score, coverage and band of a stage from its items' values. */
void stage_score_totals(const struct rules *r, const struct score_item *items, size_t stage,
                        struct score_stage *out, uint64_t *weight);
/*
 * Each stage's score from tallies (a group's): per stage, whether it has one, and it.
 * An item with fewer than min_answers numeric answers counts as unknown.
 */
void stage_scores_of_tallies(const struct rules *r, const struct item_tally *items,
                             size_t min_answers, bool *has_score, double *score,
                             struct exact *score_exact);

#endif
