/*
 * report_compare_internal.h - what the compare and trend renderers share: the pieces
 * of text, markdown and JSON both write the same way, and the trend's renderers for the
 * format table in report_compare.c; and trend's time in stage (report_trend_time.c),
 * whose words the HTML page shares. Private to report_compare.c, report_trend*.c and
 * report_html_trend_time.c.
 */
#ifndef STAGEGAP_REPORT_COMPARE_INTERNAL_H
#define STAGEGAP_REPORT_COMPARE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

struct assessment;
struct jsonw;
struct score;
struct score_breakdown;
struct strbuf;
struct trend;

/*
 * "Northside", "no team given" or "Other groups": row g's name, plain. The assessments
 * read side by side have the same rows in the same order (score_align_breakdowns), so
 * row g of one is row g of every other.
 */
void compare_group_name(struct strbuf *sb, const struct score_breakdown *b, size_t g);
void compare_json_assessment(struct jsonw *w, const struct score *s);
/* An item's id, stage, kind, text and answers before and after, inside its object. */
struct compare_item;
struct rules;
void compare_json_item(struct jsonw *w, const struct rules *r, size_t i,
                       const struct compare_item *ci);
/*
 * The threshold line (report_threshold_line) of assessments read side by side: K, and
 * whether it was lowered below 5, then what protects the change between them (shares:
 * some two share respondents, overlap.h) and what does not (docs/privacy.md); nothing
 * when none has more than one respondent.
 */
void compare_threshold_line(struct strbuf *out, const struct score *const *points, size_t n,
                            bool shares);
/*
 * With a headcount for every assessment (--headcount), how many of the staff asked answered
 * in each, in the whole only, and which fell under PARTICIPATION_LOW_PERCENT; nothing
 * otherwise (docs/participation.md).
 */
void compare_participation_line(struct strbuf *out, const struct score *const *points, size_t n);
/* min_group, min_group_lowered and threshold, as assess's JSON has them. */
void compare_json_threshold(struct jsonw *w, const struct score *const *points, size_t n,
                            bool shares);
/* "Implement barrier: Leadership turnover": plain, for the caller to make safe. */
struct rules;
void compare_item_name(struct strbuf *sb, const struct rules *r, size_t i);
/*
 * A paragraph wrapped to width: first (ours, not input) then text made safe, later
 * lines begun with hang spaces. The words are filled by text.c, as assess's report is.
 */
void compare_text_para(struct strbuf *out, const char *first, size_t hang, const char *text,
                       size_t width);
/* "2026-04-15, 1 respondent, ORGANISATION": plain, for the caller to escape. */
void compare_assessment_words(struct strbuf *sb, const struct assessment *a);
/* "2026-04-15, 1 respondent, ORGANISATION" after first, wrapped with a hanging indent. */
void compare_text_assessment(struct strbuf *out, const char *first, size_t hang,
                             const struct assessment *a, size_t width);
/* "DATE,ORGANISATION,": the start of every CSV row of trend about assessment s. */
void trend_csv_point(struct strbuf *out, const struct score *s);
/* What differs between the models named (--allow-model-change), report_model_change.c:
   nothing for NULL, except JSON's "model_change": null. */
struct model_change;
void model_change_json(struct jsonw *w, const struct model_change *mc, const struct rules *r);
/*
 * Time in stage (report_trend_time.c). The words, plain (the caller escapes them):
 * "2 assessments, 90 days; now, since 2026-04-15" or "never"; the date the top band was
 * reached ("2026-04-15", "2026-04-15 (not in it now)") or "not yet"; and the sentence
 * text and CSV give a stage ("the focus for 2 assessments and 90 days, ...").
 */
void trend_time_focus_words(struct strbuf *sb, const struct trend *t, size_t st);
void trend_time_top_words(struct strbuf *sb, const struct trend *t, size_t st);
void trend_time_sentence(struct strbuf *sb, const struct trend *t, size_t st);
/* The section in text, markdown and CSV rows; a stage's "time" object in JSON. */
void trend_json_time(struct jsonw *w, const struct trend *t, size_t st);
void trend_csv_time(const struct trend *t, struct strbuf *out);
/* compare's renderers (report_compare.c), for the format table
   (report_compare_formats.c); trend's follow. */
struct compare;
void compare_render_text(const struct compare *c, const char *tool_version, size_t width,
                         struct strbuf *out);
void compare_render_markdown(const struct compare *c, const char *tool_version, size_t width,
                             struct strbuf *out);
void compare_render_json(const struct compare *c, const char *tool_version, size_t width,
                         struct strbuf *out);
void compare_render_csv(const struct compare *c, const char *tool_version, size_t width,
                        struct strbuf *out);
void trend_render_text(const struct trend *t, const char *tool_version, size_t width,
                       struct strbuf *out);
void trend_render_markdown(const struct trend *t, const char *tool_version, size_t width,
                           struct strbuf *out);
void trend_render_json(const struct trend *t, const char *tool_version, size_t width,
                       struct strbuf *out);
void trend_render_csv(const struct trend *t, const char *tool_version, size_t width,
                      struct strbuf *out);

#endif
