/*
 * evidence_view.h - an evidence file (evidence.h) set beside an assessment's
 * self-ratings (issue 31, docs/evidence.md). Pure: no I/O. Evidence never changes a
 * score: this reads the score and the evidence, and writes neither.
 *
 * The rule that puts the two on one scale. Each is made a share of its own scale in its
 * better direction: the self-rating by the engine's item value (the pooled mean answer
 * as a share of the model's scale, a barrier's turned round: stage_score.h), the
 * evidence by where its value lies between its scale's ends (a category's level by its
 * place among the levels), turned round when lower is better. The rating runs ahead of
 * the evidence when its share is more than EVIDENCE_MARGIN_FIFTHS fifths of the scale
 * above the evidence's (2 points on a 0 to 10 scale), and behind when as far below.
 * Both are shown on the item's scale: the evidence at the same share of it.
 *
 * An item's evidence is each indicator bearing on it, by the latest value dated on or
 * before the assessment; a value older than EVIDENCE_STALE_DAYS days before it is stale.
 * A rating withheld under the anonymity threshold, unknown or n/a is not compared.
 */
#ifndef STAGEGAP_EVIDENCE_VIEW_H
#define STAGEGAP_EVIDENCE_VIEW_H

#include <stdbool.h>
#include <stddef.h>

struct evidence;
struct evidence_value;
struct score;

enum {
    EVIDENCE_MARGIN_FIFTHS = 1, /* a fifth of the item's scale, compared exactly */
    EVIDENCE_STALE_DAYS = 400,  /* a yearly figure, with a season's grace */
};

enum evidence_verdict {
    EVIDENCE_NOT_COMPARED, /* no value by the assessment's date, or no rating to compare */
    EVIDENCE_IN_LINE,
    EVIDENCE_RATING_AHEAD,  /* the rating runs ahead of the evidence */
    EVIDENCE_RATING_BEHIND, /* the evidence runs ahead of the rating */
};

/* One indicator beside one item it bears on. */
struct evidence_pair {
    size_t item;                        /* index in rules.items */
    size_t indicator;                   /* index in evidence.indicators */
    const struct evidence_value *value; /* as of the assessment; NULL: none by then */
    bool stale;
    bool has_rating; /* the item was scored and its figure is shown */
    double rating;   /* the pooled mean answer, on the model's scale */
    double on_scale; /* the evidence on the item's scale (value != NULL) */
    double gap;      /* rating less evidence, in the better direction, in points */
    enum evidence_verdict verdict;
};

struct evidence_view {
    struct evidence_pair *pairs; /* by item in rules order, then indicator in file order */
    size_t n_pairs;
    size_t *evidenced;    /* per stage: its questions with a value by the assessment's date */
    size_t *questions;    /* per stage: its questions */
    size_t ahead, behind; /* pairs of each verdict */
};

void evidence_view_compute(struct evidence_view *v, const struct score *s,
                           const struct evidence *e);
void evidence_view_release(struct evidence_view *v);
/* The indicator's latest value dated on or before date; NULL when every value is later. */
struct evidence_indicator;
const struct evidence_value *evidence_value_as_of(const struct evidence_indicator *ind,
                                                  const char *date);

/* How an indicator moved between two assessments (compare --evidence): by its latest
   value by each one's date, in its better direction. */
enum evidence_move {
    EVIDENCE_NO_VALUE,     /* none by the later date */
    EVIDENCE_FIRST_VALUE,  /* none by the earlier date, one by the later */
    EVIDENCE_NO_NEW_VALUE, /* the same value stands at both dates */
    EVIDENCE_BETTER,
    EVIDENCE_WORSE,
    EVIDENCE_UNCHANGED, /* a new value, the same as the last */
};

struct evidence_moved {
    const struct evidence_value *before, *after; /* NULL: none by that date */
    enum evidence_move move;
};

/* Each of e's indicators (n_indicators of them, into out) from before to after (dates). */
void evidence_moves_compute(struct evidence_moved *out, const struct evidence *e,
                            const char *before, const char *after);
/* "no value", "first value", "no new value", "better", "worse", "unchanged". */
const char *evidence_move_name(enum evidence_move m);
/* "in line", "rating ahead", "rating behind", "not compared". */
const char *evidence_verdict_name(enum evidence_verdict v);

#endif
