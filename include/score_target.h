/*
 * score_target.h - how far a scored item is from the target a service set itself
 * (rules_item.target), and whether it is met or overdue. Pure: no I/O.
 *
 * A second view beside the score, never part of it: nothing here is read by the score,
 * the impacts, the bands or the action ranking (docs/scoring.md, "Targets").
 */
#ifndef STAGEGAP_SCORE_TARGET_H
#define STAGEGAP_SCORE_TARGET_H

#include <stdbool.h>
#include <stddef.h>

#include "exact.h"

struct score;

enum score_target_status {
    TARGET_NO_ANSWER, /* the item is unknown, unanswered, n/a or never asked */
    TARGET_MET,       /* the mean answer reaches the target (a barrier: at or below it) */
    TARGET_NOT_MET,   /* not yet, and not past the date */
    TARGET_OVERDUE,   /* not met, and the assessment is dated after the target's date */
};

struct score_target {
    enum score_target_status status;
    /* How far the mean answer still has to move, in the scale's points: target - answer,
       for a barrier answer - target; 0 when met or without an answer. */
    struct exact distance;
};

/* The status as JSON and CSV write it: "met", "not-met", "overdue", "no-answer". */
const char *score_target_status_id(enum score_target_status status);
/* The status in words: "met", "not met", "overdue", "no answer". */
const char *score_target_status_text(enum score_target_status status);

/*
 * True when an item has a target a report lists: every one set, a retired item's too
 * (never asked, it is listed as "no answer", as docs/rules-format.md says).
 */
bool score_item_has_target(const struct score *s, size_t item);
/* How many items of the model have one: 0 means a report has no targets to show. */
size_t score_targets_count(const struct score *s);

/*
 * Reads item's answer against its target (score_item_has_target must hold) on the
 * assessment's date. out is overwritten; score_target_release frees its distance.
 */
void score_target_of(const struct score *s, size_t item, struct score_target *out);
void score_target_release(struct score_target *t);

/*
 * How far a scored item's mean answer is from the scale's best end (the top; for a
 * barrier the bottom), in the scale's points: the distance the score uses, which a
 * report shows beside the distance to target. out is overwritten; exact_release it.
 */
void score_distance_to_best(const struct score *s, size_t item, struct exact *out);

#endif
