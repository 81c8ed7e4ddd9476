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

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "report.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"
#include "xalloc.h"

/* ---- assess ---- */

static void assess_header(struct page *p, const struct report_ctx *ctx)
{
    struct strbuf *out = p->out;
    const struct score *s = ctx->score;
    const struct assessment *a = s->assessment;
    const struct rules *r = s->rules;
    page_open(out);
    strbuf_adds(out, "Implementation readiness: ");
    doc_html_text(out, a->organisation);
    strbuf_adds(out, ", ");
    doc_html_text(out, a->date);
    page_head_end(out);
    strbuf_adds(out, "<header>\n<h1>Implementation readiness: ");
    doc_html_text(out, a->organisation);
    strbuf_adds(out, "</h1>\n<dl class=\"meta\">\n");
    html_meta_term(out, "Organisation");
    doc_html_text(out, a->organisation);
    strbuf_adds(out, "</dd>\n");
    html_meta_term(out, "Date");
    doc_html_text(out, a->date);
    strbuf_adds(out, "</dd>\n");
    if (strcmp(a->date_first ? a->date_first : "", a->date_last ? a->date_last : "") != 0) {
        html_meta_term(out, "Respondents&#39; dates");
        strbuf_addf(out, "%s to %s</dd>\n", a->date_first, a->date_last);
    }
    html_meta_term(out, "Respondents");
    strbuf_addf(out, "%zu</dd>\n", a->respondents);
    html_meta_model(out, r);
    strbuf_adds(out, "</dl>\n");
    if (s->attribute)
        strbuf_adds(out, "<p class=\"attribution\">" REPORT_ATTRIBUTION_ON "</p>\n");
    struct strbuf anonymity = STRBUF_INIT;
    report_anonymity_note(&anonymity, s);
    if (anonymity.len) {
        strbuf_adds(out, "<p class=\"attribution\">");
        doc_html_text(out, strbuf_str(&anonymity));
        strbuf_adds(out, "</p>\n");
    }
    strbuf_reset(&anonymity);
    report_threshold_line(&anonymity, a->respondents, s->min_group);
    if (anonymity.len) {
        strbuf_adds(out, "<p class=\"threshold\">");
        doc_html_text(out, strbuf_str(&anonymity));
        strbuf_adds(out, "</p>\n");
    }
    strbuf_release(&anonymity);
    strbuf_adds(out, "<nav aria-label=\"Contents\">\n<ul>\n"
                     "<li><a href=\"#summary\">Summary</a></li>\n"
                     "<li><a href=\"#actions\">Actions to take first</a></li>\n");
    if (score_find_out_count(s))
        strbuf_adds(out, "<li><a href=\"#find-out\">Find out first</a></li>\n");
    accept_html_nav(out, s);
    for (size_t st = 0; st < r->n_stages; st++) {
        strbuf_addf(out, "<li><a href=\"#stage-%zu\">", st + 1);
        doc_html_text(out, r->stages[st].title);
        strbuf_adds(out, "</a></li>\n");
    }
    html_targets_nav(out, s);
    if (s->breakdown.state != BREAKDOWN_OFF) {
        struct strbuf title = STRBUF_INIT;
        report_breakdown_title(&title, &s->breakdown);
        strbuf_adds(out, "<li><a href=\"#groups\">");
        doc_html_text(out, strbuf_str(&title));
        strbuf_adds(out, "</a></li>\n");
        strbuf_release(&title);
    }
    strbuf_adds(out, "<li><a href=\"#about\">About the evidence</a></li>\n</ul>\n</nav>\n"
                     "</header>\n<main>\n");
}

/* The stage's title as the chart shows it, with the focus and flag named in words. */
static void stage_label(struct strbuf *out, const struct score *s, size_t st)
{
    doc_html_text(out, s->rules->stages[st].title);
    if ((int)st == s->focus)
        strbuf_adds(out, " \xE2\x80\x94 focus: work on this first");
    else if (s->stages[st].rests_on_earlier)
        strbuf_adds(out, " \xE2\x80\x94 rests on an earlier stage");
}

static void stage_chart(struct page *p, const struct score *s)
{
    struct strbuf *out = p->out;
    const struct rules *r = s->rules;
    const double row = 56, top = html_bands_header(r), bottom = top + row * (double)r->n_stages;
    struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
    strbuf_adds(&title, "Stage scores out of 100, against the bands");
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct score_stage *ss = &s->stages[st];
        doc_html_text(&desc, r->stages[st].title);
        if (ss->has_score) {
            strbuf_adds(&desc, " scores ");
            report_add_exact(&desc, &ss->score_exact);
            strbuf_adds(&desc, " out of 100, in the ");
            doc_html_text(&desc, score_band_title(s, st));
            strbuf_adds(&desc, " band");
        } else {
            strbuf_adds(&desc, " has no score: too few questions were answered");
        }
        strbuf_adds(&desc, (int)st == s->focus ? ", and is the focus. " : ". ");
    }
    html_bands_in_words(&desc, r);
    svg_open(p, BARS_W, bottom + 28, &title, &desc);
    svg_band_zones(out, r, top, bottom);
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct score_stage *ss = &s->stages[st];
        double y = top + row * (double)st;
        svg_text_open(out, PLOT_X + 6, y + 18, "b", NULL, 0);
        stage_label(out, s, st);
        strbuf_adds(out, "</text>\n");
        if (ss->has_score) {
            svg_rect_fill(out, PLOT_X, y + 26, html_bar_x(ss->score) - PLOT_X, 20, BAR_COLOUR,
                          NULL);
            svg_text_open(out, LABEL_X, y + 41, "b", NULL, 0);
            report_add_exact(out, &ss->score_exact);
            strbuf_adds(out, " \xC2\xB7 ");
        } else {
            svg_rect(out, PLOT_X, y + 26, PLOT_W, 20,
                     "fill=\"none\" stroke=\"#4d4d4d\" stroke-dasharray=\"5 4\"");
            svg_text_open(out, PLOT_X + 8, y + 41, "s", NULL, 0);
            strbuf_adds(out, "not scored: too few answers</text>\n");
            svg_text_open(out, LABEL_X, y + 41, "b", NULL, 0);
            strbuf_adds(out, "no score \xC2\xB7 ");
        }
        doc_html_text(out, score_band_title(s, st));
        strbuf_adds(out, "</text>\n");
    }
    svg_close(p, "Each bar is a stage&#39;s score on 0 to 100. The shaded zones are the bands, "
                 "named above the chart; the dashed lines mark where each band starts. The same "
                 "numbers are in the table below.");
    strbuf_release(&title);
    strbuf_release(&desc);
}

static void summary_section(struct page *p, const struct score *s)
{
    struct strbuf *out = p->out;
    const struct rules *r = s->rules;
    strbuf_adds(out, "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
                     "<h2 id=\"summary-h\">Summary</h2>\n");
    report_build_write(report_build_focus, s, DOC_HTML, out, 0, false);
    report_build_write(report_build_flags, s, DOC_HTML, out, 0, false);
    stage_chart(p, s);
    report_build_write(report_build_stage_table, s, DOC_HTML, out, 0, false);
    strbuf_addf(out,
                "<p>Scores run from 0 to 100. A stage with too few answers is not scored. "
                "In the gap tables, the answer is on the questionnaire&#39;s scale of %ld "
                "to %ld (for a barrier, a high answer means it bites) and the impact is "
                "the points the stage would gain if that gap were closed. ",
                r->scale_min, r->scale_max);
    doc_html_text(out, SCORE_GAP_LEGEND);
    if (s->assessment->respondents > 1)
        strbuf_addf(out,
                    " Answers are averages over %zu respondents; respondents disagree on "
                    "an item when their answers are spread over a quarter of the scale "
                    "or more.",
                    s->assessment->respondents);
    strbuf_adds(out, "</p>\n");
    report_build_write(report_build_matrix, s, DOC_HTML, out, 0, false);
    strbuf_adds(out, "</section>\n");
}

void report_render_html(const struct report_ctx *ctx, struct strbuf *out)
{
    const struct score *s = ctx->score;
    struct page p = {out, 0};
    assess_header(&p, ctx);
    summary_section(&p, s);
    report_build_write(report_build_actions, s, DOC_HTML, out, 0, false);
    report_build_write(report_build_find_out, s, DOC_HTML, out, 0, false);
    if (ctx->plan)
        plan_html_assess(out, ctx->plan);
    accept_html_assess(out, s);
    for (size_t st = 0; st < s->rules->n_stages; st++)
        report_build_write_stage(report_build_stage, s, st, DOC_HTML, out, 0, false);
    report_build_write(report_build_targets, s, DOC_HTML, out, 0, false);
    report_build_write(report_build_comments, s, DOC_HTML, out, 0, false);
    report_build_write(report_build_breakdown, s, DOC_HTML, out, 0, false);
    html_about_section(out, s);
    page_close(out, ctx->tool_version);
}
