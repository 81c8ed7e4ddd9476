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
#include <stdint.h>

#include "doc.h"

struct rules_item;
struct score;
struct strbuf;

/* An item's text as every report shows it: the text, "(added locally)" after an item
   an overlay added, and the source's hedge on it in brackets (report_item.c). */
void report_item_text(struct doc *d, struct doc_node *parent, const struct rules_item *it);
/* A row's header cell for an item: its text, and its id (set small in HTML). */
struct doc_node *report_item_head(struct doc *d, struct doc_node *row, const struct rules_item *it);
/* The same in plain words, for text made outside a document. */
void report_item_words(struct strbuf *sb, const struct rules_item *it);
/* What a data format's label cell says: rules_item_label, ", added locally" after an
   item an overlay added. */
void report_item_label(struct strbuf *sb, const struct rules_item *it);
/* JSON's "label", "hedge" and "added_locally" for an item, after its "kind". */
struct jsonw;
void report_json_item_label(struct jsonw *w, const struct rules_item *it);

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
#define REPORT_EVIDENCE_TITLE "Evidence beside the ratings"
struct report_ctx;
void report_build_assess(struct doc *d, const struct report_ctx *ctx);
/* "Evidence beside the ratings" (assess --evidence): the items evidenced per stage, where
   the ratings run ahead of the evidence and behind it, and every rating beside its
   evidence (evidence_build.c), under heading (NULL: REPORT_EVIDENCE_TITLE). */
struct evidence;
struct evidence_view;
void evidence_build_assess(struct doc *d, const struct score *s, const struct evidence *e,
                           const struct evidence_view *v, const char *heading);
/* An indicator's value as a reader reads it: "71%", "23 of 40", "4.4 on 0 to 10", or a
   category's level (evidence_build.c). */
struct evidence_indicator;
void report_evidence_value(struct strbuf *sb, const struct evidence_indicator *ind, int64_t value);
/* assess --evidence as data (evidence_data.c): */
struct jsonw;
/* "evidence", with --evidence only: the indicators, each stage's questions with
   evidence, every pair of item and indicator, and the counts ahead and behind. */
void evidence_json_assess(struct jsonw *w, const char *key, const struct score *s,
                          const struct evidence *e, const struct evidence_view *v);
/* Rows "evidence-coverage" (one per stage) and "evidence" (one per pair); none without. */
void evidence_csv_assess(struct strbuf *out, const struct score *s, const struct evidence *e,
                         const struct evidence_view *v,
                         void (*row_start)(const struct score *s, struct strbuf *out));

/* Why s has no focus stage, in a few words (report_focus.c). */
const char *report_no_focus_reason(const struct score *s);
/* The focus stage's title, or "none (" the reason ")". */
void report_focus_words(struct strbuf *sb, const struct score *s);
/* The line under every report's header that points to About the evidence (about_build.c). */
void report_build_evidence_pointer(struct doc *d, struct doc_node *parent);
/* The model, its rules' hash, and for an overlay the model it extends, as terms of the
   title block's details (report_build.c; the compare and trend pages' too). */
struct rules;
void report_build_model_terms(struct doc *d, struct doc_node *terms, const struct rules *r);
/* "About the evidence": the source's caveat and how the model was built (about_build.c). */
void report_build_about(struct doc *d, const struct score *s);
/* The same, from the model alone (benchmark's). */
void report_build_about_model(struct doc *d, const struct rules *r);

/* "Action plan" (assess --plan): the actions overdue, those done and how the gaps they
   address stand now, and the focus's open gaps no action addresses (plan_build.c). */
void plan_build_assess(struct doc *d, const struct plan_review *v);
/* "Accepted gaps" (assess --accept): each acceptance, and whether it has expired;
   nothing without --accept (plan_build.c). */
void accept_build_assess(struct doc *d, const struct score *s);

#endif
