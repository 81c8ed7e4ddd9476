/*
 * report_accept_internal.h - the "Accepted gaps" section of "assess --accept" (accept.h,
 * score.h) in all five formats, and the mark a gap's line carries in its stage's list,
 * written by report_accept.c (HTML's by report_html_accept.c) and called by each
 * format's renderer where its section goes. Private to src/report_*.c.
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

/* What every format says under the section's heading. */
extern const char ACCEPT_LEAD[];
/* "accepted" or "expired" for an item with an acceptance; NULL for one without. */
const char *accept_status_word(const struct score *s, size_t item);

/* color: the heading in bold, as the report's other headings (report_ctx.color). */
void accept_text_assess(struct strbuf *out, const struct score *s, size_t width, bool color);
void accept_md_assess(struct strbuf *out, const struct score *s);
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

/* The section of the HTML page, and its entry in the page's contents (report_html_accept.c). */
void accept_html_assess(struct strbuf *out, const struct score *s);
void accept_html_nav(struct strbuf *out, const struct score *s);

#endif
