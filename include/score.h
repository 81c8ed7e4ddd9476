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

#include "answers.h"
#include "exact.h"
#include "rules.h"

enum { SCORE_NO_BAND = -1 }; /* band of a stage with too little data */

/*
 * The smallest group of respondents a pooled report names beside what one of them
 * wrote: a note's role is shown only when at least this many respondents gave that
 * role. Below it the role would point at a few people, or one. (docs/guide.md,
 * "Notes without names"; to become --min-group K.)
 */
#define SCORE_MIN_GROUP 5

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
struct score_item {
    enum score_state state;
    double answer;      /* mean answer on the rules' scale (SCORED only) */
    int64_t answer_num; /* the mean exactly: answer_num / answer_den */
    uint64_t answer_den;
    double value;              /* 0..1, 1 the best end: barriers inverted */
    uint64_t good, out_of;     /* the value exactly: good / out_of */
    double impact;             /* stage points gained were value 1 */
    struct exact impact_exact; /* 0 unless SCORED */
    bool acted_on;             /* suggestions: answer at or above rules.acted_on */
    bool disagreement;         /* respondents far apart: see docs/scoring.md */
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
    bool not_applicable;   /* every question answered n/a: the stage does not apply, and
                              is never the focus */
};

struct score_suggestion {
    size_t item;   /* index of the suggestion item */
    double points; /* sum of the impacts of the open gaps it addresses */
    struct exact points_exact;
    size_t priority; /* 1 = act on first; 0 for one answered n/a, which is not ranked */
};

struct score_role {
    const char *role;
    size_t respondents;
    bool *has_score; /* per stage */
    double *scores;
    struct exact *scores_exact;
};

struct score {
    const struct rules *rules;
    const struct assessment *assessment;
    struct score_item *items;             /* one per rules item */
    struct score_stage *stages;           /* one per rules stage */
    int focus;                            /* stage index to work on now, or -1 */
    struct score_suggestion *suggestions; /* in rules order */
    size_t n_suggestions;
    size_t *by_priority;      /* indices into suggestions: the ranked in priority order,
                                 then those answered n/a, in rules order */
    size_t n_ranked;          /* suggestions that apply: the first n_ranked of by_priority */
    struct score_role *roles; /* as the assessment's roles */
    size_t n_roles;
    /* Notes name who wrote them: a report of one respondent, or attribute asked. */
    bool attributed;
    bool attribute; /* attribute was asked (--attribute) */
};

/* How a pooled report may show who wrote a note. */
struct score_options {
    bool attribute;   /* keep each note's respondent id and role (--attribute) */
    size_t min_group; /* show a role beside a note from this many; SCORE_MIN_GROUP */
};

void score_init(struct score *s);
void score_release(struct score *s);
/* score_compute_with notes without names (attribute off, SCORE_MIN_GROUP). */
void score_compute(struct score *s, const struct rules *r, const struct assessment *a);
/*
 * Always succeeds. In an assessment of more than one respondent, unless o->attribute
 * is set, each note loses its respondent id, keeps its role only when that role has at
 * least o->min_group respondents, and the notes are sorted by note, then evidence, then
 * role: nothing in them, or in their order, says who wrote which. Otherwise (one
 * respondent, or attribute) notes keep both and are sorted by respondent, role, note,
 * evidence.
 */
void score_compute_with(struct score *s, const struct rules *r, const struct assessment *a,
                        const struct score_options *o);
/*
 * True when a note's role may be shown beside it: a group of at least min_group, and
 * the respondents in smaller groups or without a role, whose notes go unlabelled, are
 * none or at least min_group too (else no role is shown beside any note).
 */
bool score_role_shown(const struct assessment *a, const char *role, size_t min_group);

/* How many stages do not apply (every question answered n/a). */
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
 * True when a scored item's value is below fraction_scaled / EXACT_SCALE, decided
 * exactly (false for an item that is not scored).
 */
bool score_value_below(const struct score *s, size_t item, int64_t fraction_scaled);
/*
 * What a suggestion is to the reader: an action to take (not yet acted on, and it
 * addresses an open gap), one to keep going with (acted on, and a gap it addresses is
 * still open), or neither (answered n/a, or no gap of its is open).
 */
enum score_action { SCORE_NO_ACTION, SCORE_TAKE_ACTION, SCORE_KEEP_GOING };
enum score_action score_suggestion_action(const struct score *s, const struct score_suggestion *sg);
/* True when suggestion (an item index) addresses item. */
bool score_addresses(const struct rules *r, size_t suggestion, size_t item);

#endif
