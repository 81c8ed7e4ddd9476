/*
 * benchmark_internal.h - what the benchmark's writers share (src/report/share/): the
 * document built once (benchmark_build.c) and the HTML page's chart
 * (src/report/html/report_html_benchmark.c).
 */
#ifndef STAGEGAP_BENCHMARK_INTERNAL_H
#define STAGEGAP_BENCHMARK_INTERNAL_H

#include <stdint.h>

struct benchmark;
struct doc;
struct strbuf;

/* The benchmark's sections as a document; chart is HTML drawn already for the first
   section (HTML only), or NULL. */
void benchmark_build(struct doc *d, const struct benchmark *b, const char *chart);
/* The distributions drawn as one SVG chart, with our point marked, appended to out. */
void benchmark_html_chart(struct strbuf *out, const struct benchmark *b);
/* The page: title, the document with its chart, the page's frame. */
void benchmark_render_html(const struct benchmark *b, const char *tool_version, struct strbuf *out);
/* "52.9": tenths written with one decimal. */
void benchmark_add_tenths(struct strbuf *sb, int64_t tenths);
/* "Benchmark: ORG among 9 authorities" or "Network benchmark: 9 authorities". */
void benchmark_title(struct strbuf *sb, const struct benchmark *b);

#endif
