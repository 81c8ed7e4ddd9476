/*
 * report_accept_internal.h - the "Accepted gaps" section of "assess --accept" (accept.h,
 * score.h) as JSON and CSV, and what "compare --accept" says of gaps accepted, written
 * by report_accept.c (compare's HTML by report_html_accept.c). assess's text, markdown
 * and HTML are built once in plan_build.c. Private to src/report/.
 *
 * The reason and who accepted are text from the accept file, input like any other: each
 * format escapes them as it escapes the assessment's notes. Everything shown is of the
 * whole assessment (the pooled answer), so the section adds nothing to suppress
 * (docs/privacy.md). Without --accept (score.accept NULL) each writes nothing.
 */
#ifndef STAGEGAP_REPORT_ACCEPT_INTERNAL_H
#define STAGEGAP_REPORT_ACCEPT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

struct jsonw;
struct score;
struct strbuf;

/* "accepted" or "expired" for an item with an acceptance; NULL for one without. */
const char *accept_status_word(const struct score *s, size_t item);

/* "accepted": [...] at the top level. */
void accept_json_assess(struct jsonw *w, const struct score *s);
/* CSV rows of kind "accepted" in the assess CSV's columns; row_start writes each row's
   first cells. */
void accept_csv_assess(struct strbuf *out, const struct score *s,
                       void (*row_start)(const struct score *s, struct strbuf *out));
/*
 * compare --accept: the gaps that would have opened but are accepted in AFTER, JSON's
 * "opened_accepted": [...]; nothing without --accept. The human formats' are built once
 * with "Gaps opened" (compare_build.c).
 */
struct compare;
void accept_json_compare(struct jsonw *w, const struct compare *c);

#endif
