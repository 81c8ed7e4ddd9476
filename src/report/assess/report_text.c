/*
 * report_text.c - the report for a terminal: the assess report built once
 * (report_build_assess) and written by the document's text writer, wrapped to
 * ctx->width and coloured only when ctx->color says so, then the line naming the tool.
 */
#include "report.h"

#include "report_build_internal.h"
#include "strbuf.h"

void report_render_text(const struct report_ctx *ctx, struct strbuf *out)
{
    struct doc d;
    doc_init(&d);
    report_build_assess(&d, ctx);
    doc_write(&d, DOC_TEXT, out, ctx->width, ctx->color);
    strbuf_addf(out, "\nstagegap %s\n", ctx->tool_version);
}
