/*
 * report_html_internal.h - what the HTML pages share (report_html_page.c): escaping,
 * numbers, colours, the page's frame, SVG pieces and the bars against the bands. Private
 * to src/report/html/: report_html.c draws the assessment, report_html_compare.c the
 * comparison and the trend, report_html_trend_time.c the trend's time in stage. See
 * report_html_page.c for the rules every page keeps.
 */
#ifndef STAGEGAP_REPORT_HTML_INTERNAL_H
#define STAGEGAP_REPORT_HTML_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "svg.h"

struct compare_stage;
struct exact;
struct rules;
struct score;
struct strbuf;

enum { N_SERIES_STYLES = 8 };
struct series_colour {
    const char *hex, *name;
};
extern const struct series_colour series_colours[N_SERIES_STYLES];
extern const char BEFORE_COLOUR[];

void html_score(struct strbuf *out, bool has, const struct exact *v);
/* compare's figures come rounded exactly already (compare_compute). */
void html_shown(struct strbuf *out, bool has, double v);
/* A change with its sign: "+4.7", "-6.7", "0.0". */
void html_delta(struct strbuf *out, double d);
const char *html_plural(size_t n);
/* Everything up to the opening of <title>: the caller writes the title text. */
void page_open(struct strbuf *out);
void page_head_end(struct strbuf *out);
void page_close(struct strbuf *out, const char *tool_version);
void html_about_section(struct strbuf *out, const struct score *s);
/* The rules' bands for the chart pieces of svg.h and doc.h (doc_html_bands_draw...). */
struct html_bands {
    const char **titles;
    double *mins;
    struct svg_bands svg;
};
void html_bands_init(struct html_bands *b, const struct rules *r);
void html_bands_release(struct html_bands *b);
/* The trend page's "Time in stage": a timeline and its table (report_html_trend_time.c). */
struct trend;
void html_trend_time_section(struct page *p, const struct trend *t);

#endif
