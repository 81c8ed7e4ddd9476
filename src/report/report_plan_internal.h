/*
 * report_plan_internal.h - the plan section of "assess --plan" and "compare --plan"
 * (plan_review.h): assess's as JSON and CSV, compare's in text, markdown, JSON and CSV,
 * written by report_plan.c (compare's HTML by report_html_plan.c) and called by each
 * format's renderer where its section goes. assess's text, markdown and HTML are built
 * once in plan_build.c.
 * Private to src/report_*.c.
 *
 * Text from the plan file (its name, owners, notes) is input like any other: each
 * format escapes it as it escapes the assessment's notes.
 */
#ifndef STAGEGAP_REPORT_PLAN_INTERNAL_H
#define STAGEGAP_REPORT_PLAN_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct jsonw;
struct plan;
struct plan_action;
struct plan_compare_review;
struct plan_review;
struct score;
struct strbuf;

/* The plan section of an assessment's report as data; text, markdown and HTML build it
   once (plan_build_assess, report_build_internal.h). */
void plan_json_assess(struct jsonw *w, const struct plan_review *v);
/*
 * A row of the assess CSV that is not an item's own (context, a target's, a group's, the
 * plan's, an acceptance's): stage and kind, item, text, level, state, answer and impact
 * (when answer is scored; the answer alone with answer_only), n (when has_n), band and
 * stage_score, note and evidence; then the caveat and, with about, the row of a comment
 * (about "" for none); row_start writes its first cells. NULL is an empty cell.
 */
struct exact;
struct score_item;
struct plan_csv_row {
    const char *stage, *kind, *item, *text, *level, *state, *band, *note, *evidence, *about;
    const struct score_item *answer;
    bool answer_only, has_n;
    long n;
    const struct exact *stage_score;
};
void plan_csv_row(struct strbuf *out, const struct score *s,
                  void (*row_start)(const struct score *, struct strbuf *),
                  const struct plan_csv_row *row);
/* CSV rows in the assess CSV's columns; row_start writes each row's first cells. */
void plan_csv_assess(struct strbuf *out, const struct plan_review *v,
                     void (*row_start)(const struct score *s, struct strbuf *out));

/* The plan section of a comparison as data; the human formats' is built once in
   compare_plan.c. */
void plan_json_compare(struct jsonw *w, const struct plan_compare_review *v);
void plan_csv_compare(struct strbuf *out, const struct plan_compare_review *v);

/* ---- the words every format shares (plan_build.c) ---- */

/* "From the plan FILE, made from the assessment of DATE." (plain, for escaping). */
void plan_add_source(struct strbuf *out, const struct plan *p);
/* An answer now as reports print it: "6.5", "n/a" or "unknown". */
void plan_add_answer_now(struct strbuf *out, const struct score *s, size_t item);
/* "still open", "closed" or "not answered" for a gap now. */
const char *plan_gap_word(const struct score *s, size_t item, bool open);
/* Tenths as "6.5", a change as "+2.5", "-1.0" or "0.0". */
void plan_add_tenths(struct strbuf *out, int64_t tenths);
void plan_add_change(struct strbuf *out, int64_t tenths);

#endif
