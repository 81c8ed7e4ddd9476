/*
 * report_markdown.c - the assessment as CommonMark, for pasting into a board paper: the
 * assess report built once (report_build_assess) and written by the document's markdown
 * writer (doc_markdown.c says how input is kept from acting as markup, and the layout
 * markdownlint's defaults accept), then the line naming the tool.
 */
#include "report.h"

#include "report_build_internal.h"
#include "strbuf.h"

void report_render_markdown(const struct report_ctx *ctx, struct strbuf *out)
{
    struct doc d;
    doc_init(&d);
    report_build_assess(&d, ctx);
    doc_write(&d, DOC_MARKDOWN, out, 0, false);
    strbuf_addf(out, "Made by stagegap %s.\n", ctx->tool_version);
}
