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

/*
 * The whole assess report, each section built once: the title block (what was
 * assessed, by whom, against which model, what a reader must know first), the summary
 * (the stages as a figure, the focus, the flags, the legend), the actions to take first
 * and to keep going with, Find out first, the plan (plan NULL without --plan) and the
 * accepted gaps, each stage's section (its score, gaps, levels, items not scored, the
 * source's caveats), the targets, the comments, the breakdown by group and About the
 * evidence.
 */
struct plan_review;
void report_build_assess(struct doc *d, const struct score *s, const struct plan_review *plan);
/* The model, its rules' hash, and for an overlay the model it extends, as terms of the
   title block's details (report_build.c; the compare and trend pages' too). */
struct rules;
void report_build_model_terms(struct doc *d, struct doc_node *terms, const struct rules *r);
/* "About the evidence": the source's caveat and how the model was built (about_build.c). */
void report_build_about(struct doc *d, const struct score *s);

/* "Action plan" (assess --plan): the actions overdue, those done and how the gaps they
   address stand now, and the focus's open gaps no action addresses (plan_build.c). */
void plan_build_assess(struct doc *d, const struct plan_review *v);
/* "Accepted gaps" (assess --accept): each acceptance, and whether it has expired;
   nothing without --accept (plan_build.c). */
void accept_build_assess(struct doc *d, const struct score *s);

#endif
