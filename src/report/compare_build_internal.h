/*
 * compare_build_internal.h - compare's sections, each built once into a document
 * (doc.h) from the comparison (compare.h), and written by whichever writer the format
 * needs. Private to src/report. Each builder appends its part to the document's root and
 * nothing when it has nothing to say; the pages around them (the header, the verdict,
 * the HTML chart) are each format's own.
 */
#ifndef STAGEGAP_COMPARE_BUILD_INTERNAL_H
#define STAGEGAP_COMPARE_BUILD_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

struct compare;
struct score;
struct rules;
struct strbuf;

typedef void compare_builder(struct doc *d, const struct compare *c);

/* Builds with build and writes it in format f to out; width is for text. */
void compare_build_write(compare_builder *build, const struct compare *c, enum doc_format f,
                         struct strbuf *out, size_t width);

/*
 * "Stages": each stage's score before and after, the change and whether it fell, and
 * the focus before and after; in HTML the verdict first and chart, the page's drawing
 * of the same scores (NULL for none), before the table.
 */
void compare_build_stages(struct doc *d, const struct compare *c, const char *chart);
void compare_write_stages(const struct compare *c, const char *chart, enum doc_format f,
                          struct strbuf *out, size_t width);
/* "By team": each group's stages before and after, or why they are left out. */
void compare_build_groups(struct doc *d, const struct compare *c);
/* "Answers that moved", "Gaps closed", "Gaps opened" (with those accepted for now). */
void compare_build_moved(struct doc *d, const struct compare *c);
void compare_build_closed(struct doc *d, const struct compare *c);
void compare_build_opened(struct doc *d, const struct compare *c);
/* "Action plan" (compare --plan): the actions done between the two and how the gaps
   each addresses moved, the gaps none addressed, the actions not counted; nothing
   without a plan (compare_plan.c). */
void compare_build_plan(struct doc *d, const struct compare *c);
/* compare --evidence: "Evidence that moved", and the same as JSON ("evidence") and CSV
   rows of kind "evidence"; nothing without --evidence (compare_evidence.c). */
void compare_build_evidence(struct doc *d, const struct compare *c);
struct jsonw;
void compare_evidence_json(struct jsonw *w, const struct compare *c);
void compare_evidence_csv(struct strbuf *out, const struct compare *c);
/* trend --evidence: "Evidence over time" (chart: HTML drawn already, or NULL), and the
   same series as JSON ("evidence") and CSV rows of kind "evidence"; nothing without
   --evidence (trend_evidence.c). */
struct trend;
void trend_build_evidence(struct doc *d, const struct trend *t, const char *chart);
void trend_evidence_json(struct jsonw *w, const struct trend *t);
void trend_evidence_csv(struct strbuf *out, const struct trend *t);
/* The ratings of s (compare's after, trend's latest) beside the evidence, as assess
   --evidence shows them: the section, JSON's "evidence_beside", and CSV rows through
   write_row (compare_evidence.c). */
struct evidence;
void compare_build_beside(struct doc *d, const struct score *s, const struct evidence *e);
void compare_beside_json(struct jsonw *w, const struct score *s, const struct evidence *e);
void compare_beside_csv(struct strbuf *out, const struct score *s, const struct evidence *e,
                        void (*write_row)(struct strbuf *out, const struct score *s,
                                          const char *item, const char *rating, const char *verdict,
                                          const char *text));
/* "Model change": what differs between the models the assessments name; nothing for
   NULL (they name one). compare's and trend's. */
struct model_change;
void compare_build_model_change(struct doc *d, const struct model_change *mc,
                                const struct rules *r);
/* The same, written in format f to out. */
void compare_write_model_change(const struct model_change *mc, const struct rules *r,
                                enum doc_format f, struct strbuf *out, size_t width);
/*
 * trend's "Time in stage": each stage's time as the focus and the date it was first in
 * each band (trend_build.c). chart: the HTML page's timeline, drawn already, set before
 * the table; NULL for none.
 */
struct trend;
void trend_build_time(struct doc *d, const struct trend *t, const char *chart);
/* "Stage scores over time": each stage's score at every point (text: a line a stage with
   its sparkline; markdown and HTML: a row a point); in HTML after chart, the page's
   drawing of the same scores (NULL for none). */
void trend_build_scores(struct doc *d, const struct trend *t, const char *chart);
/* "By team": each group's respondents and stage scores at every point, or why not. */
void trend_build_groups(struct doc *d, const struct trend *t);
/* Text's and markdown's trend after its header: the scores, time in stage, the breakdown
   and the model change, written in format f. */
void trend_write_sections(const struct trend *t, enum doc_format f, struct strbuf *out,
                          size_t width);
/* A breakdown's note (why it is left out, how it pooled) as a quiet paragraph of sec. */
struct score_breakdown;
void compare_build_breakdown_note(struct doc *d, struct doc_node *sec,
                                  const struct score_breakdown *b);
/* Markdown's blocks each end with a blank line: drops it, for what follows to start
   with its own. */
void compare_md_end_blocks(struct strbuf *out);
/* "About the evidence" of s (the later assessment's rules), written in format f, as
   assess writes it: the caveat and how the model was built. */
void compare_write_about(const struct score *s, enum doc_format f, struct strbuf *out,
                         size_t width);
/*
 * Each line of the list of what differs between the models (--allow-model-change), as
 * every format says it: line(arg, the item or NULL for the model as a whole, the text).
 */
struct model_change;
struct rules;
struct rules_item;
typedef void compare_model_line(void *arg, const struct rules_item *it, const char *text);
void compare_model_change_each(const struct model_change *mc, const struct rules *r,
                               compare_model_line *line, void *arg);
/* The line under the page's header that points to About the evidence, as assess has it. */
void compare_write_evidence_pointer(enum doc_format f, struct strbuf *out, size_t width);

#endif
