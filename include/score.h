/*
 * score.h - the scoring engine: rules + assessment -> score. Pure: no I/O.
 *
 * Every number a report shows is computed here, once, and every renderer reads the
 * same struct score. The formulas are in docs/scoring.md. A score borrows the rules
 * and assessment it was computed from; they must outlive it.
 */
#ifndef STAGEGAP_SCORE_H
#define STAGEGAP_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "accept.h"
#include "answers.h"
#include "breakdown.h"
#include "exact.h"
#include "rules.h"
#include "stage_score.h"

struct participation;

/*
 * Why a suggestion has no priority (docs/scoring.md#suggestions). The last two are what
 * reports list under "Find out first": nobody knows enough to rank them yet.
 */
enum score_unranked {
    SCORE_RANKED,
    SCORE_UNRANKED_NO_QUESTION, /* no question (retired by an overlay, or context): never asked */
    SCORE_UNRANKED_NA,          /* answered n/a: does not apply here */
    SCORE_UNRANKED_ACCEPTED,    /* its own gap accepted (--accept, not expired) */
    SCORE_UNRANKED_STAGE,       /* its stage has too few answers for a score */
    SCORE_UNRANKED_UNKNOWN,     /* its own answer is unknown: nobody knows if it is done */
};

struct score_suggestion {
    size_t item;   /* index of the suggestion item */
    double points; /* sum of the impacts of the open gaps it addresses */
    struct exact points_exact;
    size_t priority;              /* 1 = act on first; 0 when not ranked (unranked says why) */
    enum score_unranked unranked; /* SCORE_RANKED exactly when priority is not 0 */
};

struct score {
    const struct rules *rules;
    const struct assessment *assessment;
    struct score_item *items;             /* one per rules item */
    struct score_stage *stages;           /* one per rules stage */
    int focus;                            /* stage index to work on now, or -1 */
    struct score_suggestion *suggestions; /* in rules order */
    size_t n_suggestions;
    size_t *by_priority; /* indices into suggestions: the ranked in priority order,
                            then those answered n/a, in rules order */
    size_t n_ranked;     /* suggestions that apply: the first n_ranked of by_priority */
    struct score_breakdown breakdown;
    /* Notes name who wrote them: a report of one respondent, or attribute asked. */
    bool attributed;
    bool attribute; /* attribute was asked (--attribute) */
    size_t min_group;
    bool by_default;
    const struct accept *accept; /* --accept, borrowed; NULL without */
    /* --headcount or --invited: how many of the staff asked answered (participation.h),
       borrowed and set by the caller after scoring; NULL without. */
    const struct participation *participation;
};

/* How a pooled report may show who wrote what, and its groups. */
struct score_options {
    bool attribute;              /* keep each note's respondent id and role (--attribute) */
    size_t min_group;            /* the anonymity threshold (--min-group): suppress.h */
    bool by_default;             /* the assessment's fields were not asked for: say nothing when no
                                    respondent gives them */
    const struct accept *accept; /* accepted gaps (--accept), borrowed; NULL for none */
};

void score_init(struct score *s);
void score_release(struct score *s);
/* score_compute_with notes without names (attribute off, the default threshold). */
void score_compute(struct score *s, const struct rules *r, const struct assessment *a);
/*
 * Always succeeds. In an assessment of more than one respondent, unless o->attribute
 * is set, each note loses its respondent id, keeps its role only when the roles broken
 * down under o->min_group would show that role apart (score_role_shown), and the notes
 * are sorted by note, then evidence, then role: nothing in them, or in their order,
 * says who wrote which. Otherwise (one respondent, or attribute) notes keep both and are
 * sorted by respondent, role, note, evidence. The breakdown is of the assessment's
 * fields (assessment_break_down_by).
 */
void score_compute_with(struct score *s, const struct rules *r, const struct assessment *a,
                        const struct score_options *o);
/*
 * True when a note's role may be shown beside it: the roles (with the respondents who
 * give none as one more group) broken down under min_group show it apart.
 */
bool score_role_shown(const struct assessment *a, const char *role, size_t min_group);
/*
 * Breaks down again scores that are read side by side (compare, trend), so that each
 * shows apart the same groups and pools the same others: a group shown apart clears
 * the threshold in every one. The first score's options decide.
 */
void score_align_breakdowns(struct score *const *scores, size_t n);
/*
 * The fewest answers an item needs for the report to show a figure or note of it: K in
 * an anonymous pooled report (K respondents or more, not attributed), else 0.
 */
size_t score_min_answers(const struct score *s);

/*
 * The one meaning of a gap, used by every command and format: an item answered on the
 * scale whose mean is below the scale's best end (for a barrier: above "not a problem"),
 * i.e. its value is below 1. It is closed when it reaches the best end, which is where
 * its impact (the points it adds to its stage when closed) comes from.
 */
bool score_item_open(const struct score *s, size_t item);
/* The sentence every report's legend gives for it. */
#define SCORE_GAP_LEGEND                                                                           \
    "A gap is an answer below the best end of the scale (for a barrier: above \"not a "            \
    "problem\"); it is closed when it reaches that end."
/* True for the reasons reports list under "Find out first" (stage, or own answer unknown). */
bool score_unranked_find_out(enum score_unranked u);
/* "no-question", "n/a", "accepted", "stage-not-scored", "answer-unknown"; NULL when ranked. */
const char *score_unranked_id(enum score_unranked u);
/* How many suggestions are listed under "Find out first". */
size_t score_find_out_count(const struct score *s);
/*
 * The suggestions not ranked for reason u, in rules order, as indices into
 * s->suggestions: those of one stage, or of every stage when stage is SCORE_ANY_STAGE.
 * out must hold s->n_suggestions entries. Returns how many: every format lists the
 * same ones under "Find out first".
 */
#define SCORE_ANY_STAGE ((size_t)-1)
size_t score_unranked_of(const struct score *s, enum score_unranked u, size_t stage, size_t *out);
/* How many of a stage's items its respondents disagree on (score_item's disagreement). */
size_t score_stage_disagreements(const struct score *s, size_t stage);
/* True when item is on its stage's list of gaps (struct score_stage's gaps). */
bool score_item_is_gap(const struct score *s, size_t item);

/* How many stages do not apply (every question answered n/a, or none asked). */
size_t score_stages_not_applicable(const struct score *s);
/* The id of a stage's band, or SCORE_INSUFFICIENT. */
const char *score_band_id(const struct score *s, size_t stage);
const char *score_band_title(const struct score *s, size_t stage);
/*
 * The suggestions (item indices) that address item and apply (not answered n/a), in
 * priority order; out must hold s->n_suggestions entries. Returns how many.
 */
size_t score_suggestions_for(const struct score *s, size_t item, size_t *out);
/*
 * What a suggestion is to the reader: an action to take (not yet acted on, and it
 * addresses an open gap), one to keep going with (acted on, and a gap it addresses is
 * still open), or neither (answered n/a, or no gap of its is open).
 */
enum score_action { SCORE_NO_ACTION, SCORE_TAKE_ACTION, SCORE_KEEP_GOING };
enum score_action score_suggestion_action(const struct score *s, const struct score_suggestion *sg);
/* How many actions of each kind (to take, to keep going with) every report lists. */
enum { SCORE_ACTIONS_LISTED = 5 };
/*
 * The suggestions whose action is which, in priority order, at most max of them (0: all):
 * their indices into s->suggestions in out (room for max of them, or for
 * s->n_suggestions when max is 0). Returns how many.
 * Every report, the plan file and its update choose their actions here, so that they
 * list the same ones.
 */
size_t score_actions(const struct score *s, enum score_action which, size_t max, size_t *out);
/* True when an item's acceptance holds on the assessment's date (not expired). */
bool score_item_accepted(const struct score *s, size_t item);
/* True when suggestion (an item index) addresses item. */
bool score_addresses(const struct rules *r, size_t suggestion, size_t item);

#endif
