/*
 * benchmark_report.h - a benchmark (benchmark.h) written as a report: text, markdown and
 * HTML built once as a document (src/report/share/benchmark_build.c), JSON
 * (stagegap-benchmark/1, docs/benchmark-json.md) and CSV written from the engine's
 * figures. No authority is named but the reader's own.
 */
#ifndef STAGEGAP_BENCHMARK_REPORT_H
#define STAGEGAP_BENCHMARK_REPORT_H

#include <stdbool.h>
#include <stddef.h>

struct benchmark;
struct strbuf;

#define BENCHMARK_JSON_FORMAT "stagegap-benchmark/1"

/* Whether format is one benchmark writes: text, markdown, html, json or csv. */
bool benchmark_format_known(const char *format);
/* Appends b in format (benchmark_format_known) to out; width is text's. */
void benchmark_render(const struct benchmark *b, const char *format, const char *tool_version,
                      size_t width, struct strbuf *out);

#endif
