/*
 * report_compare_formats.c - the table of "stagegap compare"'s and "stagegap trend"'s
 * formats: text, markdown, JSON and CSV (compare/), HTML (html/). It sits above both
 * folders, as report.c's table does above assess's renderers, so that neither calls
 * the other.
 */
#include "report_compare_internal.h"

#include <string.h>

#include "compare.h"
#include "strbuf.h"

/* The HTML pages are laid out by the browser: they have no width to wrap to. */
static void compare_html(const struct compare *c, const char *tool_version, size_t width,
                         struct strbuf *out)
{
    (void)width;
    compare_render_html(c, tool_version, out);
}

static void trend_html(const struct trend *t, const char *tool_version, size_t width,
                       struct strbuf *out)
{
    (void)width;
    trend_render_html(t, tool_version, out);
}

static const struct compare_format compare_formats[] = {
    {"text", compare_render_text, trend_render_text},
    {"markdown", compare_render_markdown, trend_render_markdown},
    {"json", compare_render_json, trend_render_json},
    {"csv", compare_render_csv, trend_render_csv},
    {"html", compare_html, trend_html},
};

const struct compare_format *compare_format_find(const char *name)
{
    for (size_t i = 0; i < sizeof(compare_formats) / sizeof(compare_formats[0]); i++)
        if (strcmp(compare_formats[i].name, name) == 0)
            return &compare_formats[i];
    return NULL;
}
