/*
 * report_evidence_internal.h - assess --evidence as data (report_evidence_data.c), for
 * the JSON and CSV writers.
 */
#ifndef STAGEGAP_REPORT_EVIDENCE_INTERNAL_H
#define STAGEGAP_REPORT_EVIDENCE_INTERNAL_H

struct evidence;
struct evidence_view;
struct jsonw;
struct score;
struct strbuf;

/* "evidence", with --evidence only: the indicators, each stage's questions with
   evidence, every pair of item and indicator, and the counts ahead and behind. */
void evidence_json_assess(struct jsonw *w, const struct score *s, const struct evidence *e,
                          const struct evidence_view *v);
/* Rows "evidence-coverage" (one per stage) and "evidence" (one per pair); none without. */
void evidence_csv_assess(struct strbuf *out, const struct score *s, const struct evidence *e,
                         const struct evidence_view *v,
                         void (*row_start)(const struct score *s, struct strbuf *out));

#endif
