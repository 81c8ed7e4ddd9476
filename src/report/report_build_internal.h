/*
 * report_build_internal.h - the assess report's sections, each built once into a
 * document (doc.h) from the engine's results, and written by whichever writer the
 * format needs. Private to src/report*.c.
 *
 * Each builder appends its section to the document's root, and appends nothing when
 * the section has nothing to say. A sentence of a converted section lives here and
 * nowhere else; where today's formats still word it differently, the builder says each
 * wording once, marked with the formats that show it (doc_only, doc_span_only).
 */
#ifndef STAGEGAP_REPORT_BUILD_INTERNAL_H
#define STAGEGAP_REPORT_BUILD_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

struct score;
struct strbuf;

typedef void report_builder(struct doc *d, const struct score *s);
typedef void report_stage_builder(struct doc *d, const struct score *s, size_t stage);

/* The report's title block: what was assessed, by whom, against which model, what a
   reader must know first; HTML's with the page's contents, markdown's ending with the
   focus. */
void report_build_header(struct doc *d, const struct score *s);
/* The summary, as markdown and HTML give it a section: the focus and flags (HTML), the
   stages as a figure, the legend, the flags (markdown), the stage by level heat map. */
void report_build_summary(struct doc *d, const struct score *s);
/* Text's parts of the summary, each where text shows it: the stage table, the focus (the
   earliest stage not yet in the top band, or why there is none), the stages whose
   strengths rest on the focus, and the legend (what a gap is). */
void report_build_stage_table(struct doc *d, const struct score *s);
void report_build_focus(struct doc *d, const struct score *s);
void report_build_flags(struct doc *d, const struct score *s);
void report_build_legend(struct doc *d, const struct score *s);
/* "Comments": what respondents wrote on the assessment as a whole, by question. */
void report_build_comments(struct doc *d, const struct score *s);
/* "Actions to take first" and "Keep going": the ranked suggestions. */
void report_build_actions(struct doc *d, const struct score *s);
/* "Find out first": stages too thinly answered to score, and suggestions nobody knew
   the state of. */
void report_build_find_out(struct doc *d, const struct score *s);
/* "Targets": every item with a target, met or not; nothing when the model sets none. */
void report_build_targets(struct doc *d, const struct score *s);
/* "By team": each group's stage scores, or why they are left out; nothing without --by. */
void report_build_breakdown(struct doc *d, const struct score *s);
/* One stage's section: its score, its gaps largest first with what addresses them, its
   scores by level of change, the items nobody knew, set aside or noted, and the source's
   caveats on it. */
void report_build_stage(struct doc *d, const struct score *s, size_t stage);
/* "About the evidence": the source's caveat and how the model was built. */
void report_build_about(struct doc *d, const struct score *s);

/* "Action plan" (assess --plan): the actions overdue, those done and how the gaps they
   address stand now, and the focus's open gaps no action addresses (plan_build.c). */
struct plan_review;
void plan_build_assess(struct doc *d, const struct plan_review *v);
/* "Accepted gaps" (assess --accept): each acceptance, and whether it has expired;
   nothing without --accept (plan_build.c). */
void accept_build_assess(struct doc *d, const struct score *s);

/* The whole assess report as markdown and HTML order it, plan NULL without --plan. */
void report_build_assess(struct doc *d, const struct score *s, const struct plan_review *plan);

/* Writes d in format f (one of enum doc_format) to out and releases it; width and color
   are for text. */
void report_build_write_doc(struct doc *d, enum doc_format f, struct strbuf *out, size_t width,
                            bool color);
/* Builds one section with build and writes it in format f (one of enum doc_format) to
   out; width and color are for text. */
void report_build_write(report_builder *build, const struct score *s, enum doc_format f,
                        struct strbuf *out, size_t width, bool color);
/* The same for a builder of one stage's part. */
void report_build_write_stage(report_stage_builder *build, const struct score *s, size_t stage,
                              enum doc_format f, struct strbuf *out, size_t width, bool color);

#endif
