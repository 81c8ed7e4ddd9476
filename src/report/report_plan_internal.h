/*
 * report_plan_internal.h - the plan section of "assess --plan" and "compare --plan"
 * (plan_review.h) in text, markdown, JSON and CSV, written by report_plan.c and called
 * by each format's renderer where its section goes; HTML's is in report_html_plan.c.
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

/* The plan section of an assessment's report. */
/* color: the heading in bold, as the report's other headings (report_ctx.color). */
void plan_text_assess(struct strbuf *out, const struct plan_review *v, size_t width, bool color);
void plan_md_assess(struct strbuf *out, const struct plan_review *v);
void plan_json_assess(struct jsonw *w, const struct plan_review *v);
/* CSV rows in the assess CSV's columns; row_start writes each row's first cells. */
void plan_csv_assess(struct strbuf *out, const struct plan_review *v,
                     void (*row_start)(const struct score *s, struct strbuf *out));

/* The section of the HTML page (report_html_plan.c). */
void plan_html_assess(struct strbuf *out, const struct plan_review *v);

/* The plan section of a comparison as data; the human formats' is built once in
   compare_plan.c. */
void plan_json_compare(struct jsonw *w, const struct plan_compare_review *v);
void plan_csv_compare(struct strbuf *out, const struct plan_compare_review *v);

/* ---- the words every format shares ---- */

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
