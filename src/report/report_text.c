/*
 * report_text.c - the report for a terminal: a stage table with bars, the focus, the
 * actions to take first, then per stage its gaps largest first with the suggestions
 * that address them, the level matrix and what nobody knew; wrapped to ctx->width,
 * coloured only when ctx->color says so.
 */
#include "report.h"
#include "report_accept_internal.h"
#include "report_build_internal.h"
#include "report_plan_internal.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

void report_render_text(const struct report_ctx *ctx, struct strbuf *out)
{
    const struct rules *r = ctx->score->rules;
    report_build_write(report_build_header, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    strbuf_addc(out, '\n');
    report_build_write(report_build_stage_table, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    strbuf_addc(out, '\n');
    report_build_write(report_build_focus, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    report_build_write(report_build_flags, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    report_build_write(report_build_actions, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    report_build_write(report_build_find_out, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    struct doc d;
    doc_init(&d);
    if (ctx->plan)
        plan_build_assess(&d, ctx->plan);
    accept_build_assess(&d, ctx->score);
    report_build_write_doc(&d, DOC_TEXT, out, ctx->width, ctx->color);
    strbuf_addc(out, '\n');
    report_build_write(report_build_legend, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    for (size_t st = 0; st < r->n_stages; st++)
        report_build_write_stage(report_build_stage, ctx->score, st, DOC_TEXT, out, ctx->width,
                                 ctx->color);
    report_build_write(report_build_targets, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    report_build_write(report_build_comments, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    report_build_write(report_build_breakdown, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    report_build_write(report_build_about, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    strbuf_addf(out, "\nstagegap %s\n", ctx->tool_version);
}
