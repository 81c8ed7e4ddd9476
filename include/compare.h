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

struct score;
struct strbuf;

#define COMPARE_FORMAT "stagegap-compare/1"
#define TREND_FORMAT "stagegap-trend/1"

/*
 * A stage regresses when its score, shown to one decimal, falls: a smaller change is
 * rounding, not a change anyone could see in a report.
 */
#define COMPARE_TOLERANCE 0.05

struct compare_stage {
    bool has_before, has_after;
    double before, after, delta; /* delta only when both have a score */
    bool regressed;
};

struct compare_item {
    bool has_before, has_after; /* answered on the scale */
    double before, after;       /* mean answers */
    bool opened, closed;        /* became, or stopped being, an open gap */
};

struct compare {
    const struct score *before, *after;
    struct compare_stage *stages; /* per rules stage */
    struct compare_item *items;   /* per rules item */
    size_t n_opened, n_closed;
    bool regression; /* any stage regressed */
};

/* An item is an open gap when answered below the rules' acted-on share of the scale. */
bool compare_item_open(const struct score *s, size_t item);

void compare_compute(struct compare *c, const struct score *before, const struct score *after);
void compare_release(struct compare *c);

/* Many assessments of one model, in date order (then organisation, then given order). */
struct trend {
    const struct score **points; /* sorted */
    size_t n;
};

void trend_compute(struct trend *t, const struct score *const *scores, size_t n);
void trend_release(struct trend *t);

/* Renderers, as report.h's: text, markdown, json, csv. */
struct compare_format {
    const char *name;
    void (*render_compare)(const struct compare *c, const char *tool_version, struct strbuf *out);
    void (*render_trend)(const struct trend *t, const char *tool_version, struct strbuf *out);
};

const struct compare_format *compare_format_find(const char *name);

/* Self-contained HTML5 pages, as report_render_html (report_html.c). */
void compare_render_html(const struct compare *c, const char *tool_version, struct strbuf *out);
void trend_render_html(const struct trend *t, const char *tool_version, struct strbuf *out);

#endif
