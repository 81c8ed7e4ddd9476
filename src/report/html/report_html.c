/*
 * report_html.c - an assessment as one self-contained HTML5 page: the stage chart, the
 * stage x level heat map, the actions to take first, each stage's gaps, the comments and
 * the breakdown. What every page shares, and the rules it keeps, are in
 * report_html_page.c.
 */
#include "report_html_internal.h"
#include "doc.h"
#include "report_accept_internal.h"
#include "report_build_internal.h"
#include "report_plan_internal.h"

#include "answers.h"
#include "report.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

/* ---- assess ---- */

/* The page's shell up to its body, then the report's title block. */
static void assess_header(struct strbuf *out, const struct report_ctx *ctx)
{
    const struct score *s = ctx->score;
    const struct assessment *a = s->assessment;
    page_open(out);
    strbuf_adds(out, "Implementation readiness: ");
    doc_html_text(out, a->organisation);
    strbuf_adds(out, ", ");
    doc_html_text(out, a->date);
    page_head_end(out);
    report_build_write(report_build_header, s, DOC_HTML, out, 0, false);
}

void report_render_html(const struct report_ctx *ctx, struct strbuf *out)
{
    const struct score *s = ctx->score;
    assess_header(out, ctx);
    report_build_write(report_build_summary, s, DOC_HTML, out, 0, false);
    report_build_write(report_build_actions, s, DOC_HTML, out, 0, false);
    report_build_write(report_build_find_out, s, DOC_HTML, out, 0, false);
    struct doc d;
    doc_init(&d);
    if (ctx->plan)
        plan_build_assess(&d, ctx->plan);
    accept_build_assess(&d, ctx->score);
    report_build_write_doc(&d, DOC_HTML, out, 0, false);
    for (size_t st = 0; st < s->rules->n_stages; st++)
        report_build_write_stage(report_build_stage, s, st, DOC_HTML, out, 0, false);
    report_build_write(report_build_targets, s, DOC_HTML, out, 0, false);
    report_build_write(report_build_comments, s, DOC_HTML, out, 0, false);
    report_build_write(report_build_breakdown, s, DOC_HTML, out, 0, false);
    html_about_section(out, s);
    page_close(out, ctx->tool_version);
}
