/*
 * report_html.c - an assessment as one self-contained HTML5 page: the page's shell
 * around the assess report built once (report_build_assess) and written by the
 * document's HTML writer. What every page shares, and the rules it keeps, are in
 * report_html_page.c.
 */
#include "report_html_internal.h"

#include "answers.h"
#include "doc.h"
#include "report.h"
#include "report_build_internal.h"
#include "score.h"
#include "strbuf.h"

/* The page's title names the organisation and the date. */
void report_render_html(const struct report_ctx *ctx, struct strbuf *out)
{
    const struct assessment *a = ctx->score->assessment;
    struct doc d;
    doc_init(&d);
    page_open(out);
    strbuf_adds(out, "Implementation readiness: ");
    doc_html_text(out, a->organisation);
    strbuf_adds(out, ", ");
    doc_html_text(out, a->date);
    page_head_end(out);
    report_build_assess(&d, ctx);
    doc_write(&d, DOC_HTML, out, 0, false);
    page_close(out, ctx->tool_version);
}
