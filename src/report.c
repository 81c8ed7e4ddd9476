#include "report.h"

#include <math.h>
#include <string.h>

#include "exact.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

static const struct report_format formats[] = {
    {"text", report_render_text}, {"markdown", report_render_markdown},
    {"json", report_render_json}, {"csv", report_render_csv},
    {"html", report_render_html},
};

const struct report_format *report_format_find(const char *name)
{
    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
        if (strcmp(formats[i].name, name) == 0)
            return &formats[i];
    return NULL;
}

const char *report_format_names(void)
{
    return "text, markdown, json, csv, html";
}

void report_add_number(struct strbuf *out, double v)
{
    double rounded = round(v * 10.0) / 10.0;
    if (rounded == 0.0)
        rounded = 0.0; /* no "-0.0" */
    strbuf_addf(out, "%.1f", rounded);
}

void report_add_exact(struct strbuf *out, const struct exact *q)
{
    exact_format(out, q, false, 1);
}

void report_add_ratio(struct strbuf *out, int64_t num, uint64_t den)
{
    exact_format_ratio(out, num, den, 1);
}

void report_add_percent(struct strbuf *out, size_t part, size_t whole)
{
    exact_format_ratio(out, (int64_t)part * 100, whole, 1);
}

const char *report_caveat(const struct score *s)
{
    return s->rules->source.note;
}
