/*
 * report_markdown.c - the assessment as CommonMark, for pasting into a board paper.
 *
 * Input text (organisation, titles, notes, ids, role names) is untrusted. It always
 * goes through md_text, which trims it and escapes it with escape_markdown, and no line
 * ever starts with it: every line opens with our own words, a heading marker, a list
 * marker followed by our words, or a table pipe. So input can neither open a block
 * (heading, list, quote, code) nor, escaped, any inline markup or HTML.
 *
 * The layout is kept to what markdownlint's default rules accept (line length aside):
 * one blank line between blocks, headings one level at a time and never repeated (the
 * per-stage subheadings name their stage), "-" bullets, "1." numbering, tables with a
 * separator row, no trailing spaces, one newline at the end.
 */
#include "report.h"

#include "report_accept_internal.h"
#include "report_build_internal.h"
#include "report_plan_internal.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

void report_render_markdown(const struct report_ctx *ctx, struct strbuf *out)
{
    const struct score *s = ctx->score;
    report_build_write(report_build_header, s, DOC_MARKDOWN, out, 0, false);
    report_build_write(report_build_summary, s, DOC_MARKDOWN, out, 0, false);
    report_build_write(report_build_actions, s, DOC_MARKDOWN, out, 0, false);
    report_build_write(report_build_find_out, s, DOC_MARKDOWN, out, 0, false);
    struct doc d;
    doc_init(&d);
    if (ctx->plan)
        plan_build_assess(&d, ctx->plan);
    accept_build_assess(&d, ctx->score);
    report_build_write_doc(&d, DOC_MARKDOWN, out, 0, false);
    for (size_t st = 0; st < s->rules->n_stages; st++)
        report_build_write_stage(report_build_stage, s, st, DOC_MARKDOWN, out, 0, false);
    report_build_write(report_build_targets, s, DOC_MARKDOWN, out, 0, false);
    report_build_write(report_build_comments, s, DOC_MARKDOWN, out, 0, false);
    report_build_write(report_build_breakdown, s, DOC_MARKDOWN, out, 0, false);
    report_build_write(report_build_about, s, DOC_MARKDOWN, out, 0, false);
    strbuf_addf(out, "Made by stagegap %s.\n", ctx->tool_version);
}
