/*
 * compare.h - two assessments scored with the same rules, side by side
 * ("stagegap compare"), and many in date order ("stagegap trend"). Pure: no I/O.
 *
 * A comparison borrows the scores it was built from; they must outlive it.
 */
#ifndef STAGEGAP_COMPARE_H
#define STAGEGAP_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct diags;
struct model_change;
struct evidence;
struct plan_compare_review;
struct score;
struct strbuf;

#define COMPARE_FORMAT "stagegap-compare/1"
#define TREND_FORMAT "stagegap-trend/1"

struct compare_stage {
    bool has_before, has_after;
    double before, after, delta; /* delta only when both have a score */
    /*
     * Fell or rose as the scores are shown, to one decimal (compared exactly): a smaller
     * change is rounding, not a change anyone could see in a report.
     */
    bool regressed, rose;
    /* Had a score before and none after (too few answers), though it still applies: a
       regression of its own kind, since what was known is no longer. */
    bool lost;
    bool within_tolerance; /* fell, but by no more than the tolerance: not a regression */
};

/*
 * Which way an answer moved, for the organisation: a facilitator, challenge or
 * suggestion answered higher is better; a barrier answered higher bites harder, so
 * it is worse. Like a stage's change, it is read from the answers shown to one decimal.
 */
enum compare_direction {
    COMPARE_NOT_COMPARABLE, /* not answered on the scale both times */
    COMPARE_UNCHANGED,
    COMPARE_BETTER,
    COMPARE_WORSE,
};

struct compare_item {
    bool has_before, has_after; /* answered on the scale */
    double before, after;       /* mean answers, as shown: rounded to tenths exactly */
    int64_t change_tenths;      /* after - before, in tenths, when both: every format's */
    enum compare_direction direction;
    bool moved;           /* answered only once, or answered differently */
    bool opened, closed;  /* became, or stopped being, an open gap */
    bool opened_accepted; /* would have opened, but is accepted in AFTER (--accept) */
};

struct compare {
    const struct score *before, *after;
    struct compare_stage *stages; /* per rules stage */
    struct compare_item *items;   /* per rules item */
    size_t n_opened, n_closed;
    size_t n_opened_accepted; /* gaps not counted as opened, being accepted */
    bool regression;          /* any stage regressed or lost its score (the whole assessment's,
                                 not a group's) */
    int64_t tolerance;        /* --tolerance in thousandths of a point: falls up to it are not
                                 regressions (compare_apply_tolerance); 0 by default */
    /*
     * The breakdown's rows (breakdown.h) when both show it, aligned by
     * score_align_breakdowns: row g's stages through compare_group_stage.
     */
    struct compare_stage *groups;
    size_t n_groups;
    /* compare --plan: the plan read against the two (plan_review.h), set by the caller
       and borrowed; NULL without a plan. */
    const struct plan_compare_review *plan;
    /* compare --evidence: the evidence file (evidence.h), set by the caller and borrowed;
       NULL without. Which indicators moved between the two dates is worked out by
       evidence_moves_compute. */
    const struct evidence *evidence;
    /* compare --allow-model-change when the two name different models (model_change.h):
       set by the caller and borrowed; NULL otherwise. */
    const struct model_change *model_change;
    /* The two share respondents (overlap.h): set by the caller, for the reports to say. */
    bool shares_respondents;
};

/* An item is an open gap (score_item_open: answered below the scale's best end). */
bool compare_item_open(const struct score *s, size_t item);
/*
 * --tolerance: a stage whose score, shown to one decimal, fell by no more than
 * tolerance_scaled / EXACT_SCALE points is not a regression. Recomputes every stage's
 * regressed flag and the comparison's regression; a lost score is always a regression.
 */
void compare_apply_tolerance(struct compare *c, int64_t tolerance_scaled);
/*
 * One sentence saying whether the comparison is a regression and why, naming each stage
 * that fell by more than the tolerance and by how much, each that lost its score, and
 * those that fell within the tolerance: plain text, for every format to escape.
 */
void compare_regression_sentence(struct strbuf *out, const struct compare *c);
/*
 * A scored item's mean answer in tenths of a scale point, as compare shows it: rounded
 * half away from zero on the exact mean.
 */
struct score_item;
int64_t compare_answer_tenths(const struct score_item *it);

/*
 * A stage's scores before and after as reports show them (one decimal, rounded exactly),
 * and the change between them when both are there.
 */
struct exact;
void compare_stage_set(struct compare_stage *cs, bool has_before, const struct exact *before,
                       bool has_after, const struct exact *after);
/* Breakdown row g's stage st, for g < c->n_groups. */
const struct compare_stage *compare_group_stage(const struct compare *c, size_t g, size_t st);

void compare_compute(struct compare *c, const struct score *before, const struct score *after);
void compare_release(struct compare *c);

/* "better", "worse", "unchanged", or NULL when not comparable. */
const char *compare_direction_name(enum compare_direction d);

/*
 * Warnings, added to d, when the two do not read as one organisation over time: BEFORE
 * dated after AFTER (located at BEFORE's date), or the organisations named differently
 * (located at AFTER's organisation). Either may be meant; neither stops the comparison.
 */
void compare_warn(const struct compare *c, struct diags *d);

/* No point: a band a stage was never assessed in. */
#define TREND_NEVER ((size_t)-1)

/*
 * How long a stage has been where it is, over a trend (trend_time.c). Only the whole
 * assessment's figures: nothing here is per group. A stage is the focus from the date
 * of each assessment at which it is the focus to the date of the next assessment,
 * whatever that one's focus; the latest assessment adds no days, since nothing later is
 * known. An assessment in which a stage had too few answers for a band counts for no
 * band, but the stage can still be its focus.
 */
struct trend_stage_time {
    size_t focus_assessments; /* assessments at which it was the focus */
    int64_t focus_days;       /* the days those assessments were the latest, summed */
    bool focus_now;           /* the focus at the latest assessment */
    size_t focus_since;       /* when focus_now, the first point of its unbroken run */
    size_t *first_in_band;    /* per rules band, the first point in it, or TREND_NEVER */
    bool top_now;             /* in the top band at the latest assessment */
};

/* Many assessments of one model, in date order (then organisation, then given order). */
struct trend {
    const struct score **points; /* sorted */
    size_t n;
    struct trend_stage_time *times; /* per rules stage */
    /* As compare's: set by the caller when the points name different models. */
    const struct model_change *model_change;
    /* As compare's: some two of the points share respondents (overlap.h). */
    bool shares_respondents;
    /* trend --evidence: the evidence file, borrowed; NULL without. Each indicator's
       series is its latest value by each point's date (evidence_value_as_of). */
    const struct evidence *evidence;
};

/* The first point at which stage st was in the top band, or TREND_NEVER. */
size_t trend_reached_top(const struct trend *t, size_t st);
/* Days from point k to the next point, or 0 for the latest. */
int64_t trend_days_to_next(const struct trend *t, size_t k);
/* Fills t->times (trend_compute calls it); trend_release frees it. */
void trend_time_compute(struct trend *t);

void trend_compute(struct trend *t, const struct score *const *scores, size_t n);
void trend_release(struct trend *t);

/*
 * Warnings, added to d, for each assessment in date order whose organisation is named
 * differently from the one before it, and for two of one organisation on the same date
 * (which came first cannot be known, so they keep the order given).
 */
void trend_warn(const struct trend *t, struct diags *d);

/* Renderers, as report.h's: text, markdown, json, csv. Text wraps to width columns. */
struct compare_format {
    const char *name;
    void (*render_compare)(const struct compare *c, const char *tool_version, size_t width,
                           struct strbuf *out);
    void (*render_trend)(const struct trend *t, const char *tool_version, size_t width,
                         struct strbuf *out);
};

const struct compare_format *compare_format_find(const char *name);

/* Self-contained HTML5 pages, as report_render_html (report_html.c). */
void compare_render_html(const struct compare *c, const char *tool_version, struct strbuf *out);
void trend_render_html(const struct trend *t, const char *tool_version, struct strbuf *out);

#endif
