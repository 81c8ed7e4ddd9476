/*
 * report_text.c - the report for a terminal: a stage table with bars, the focus, the
 * actions to take first, then per stage its gaps largest first with the suggestions
 * that address them, the level matrix and what nobody knew; wrapped to ctx->width,
 * coloured only when ctx->color says so.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "report.h"
#include "report_accept_internal.h"
#include "report_build_internal.h"
#include "report_plan_internal.h"
#include "report_target_internal.h"
#include "score.h"
#include "score_target.h"
#include "strbuf.h"
#include "xalloc.h"
#include "text.h"

struct text_out {
    struct strbuf *sb;
    const struct score *s;
    bool color;
    size_t width;
};

static void style(struct text_out *o, const char *ansi)
{
    if (o->color)
        strbuf_adds(o->sb, ansi);
}

/*
 * Appends text made safe and word-wrapped: the first line continues where the caller
 * left off at column `col`, later lines start with `indent` spaces.
 */
static void wrap(struct text_out *o, const char *text, size_t col, size_t indent)
{
    struct strbuf safe = STRBUF_INIT, pad = STRBUF_INIT;
    text_add_safe(&safe, text, true);
    strbuf_addchars(&pad, ' ', indent);
    text_fill(o->sb, strbuf_str(&safe), col, o->width, strbuf_str(&pad));
    strbuf_release(&pad);
    strbuf_release(&safe);
}

static void heading(struct text_out *o, const char *title)
{
    style(o, "\033[1m");
    wrap(o, title, 0, 0);
    style(o, "\033[0m");
    strbuf_addc(o->sb, '\n');
}

/* A line: `indent` spaces, then text wrapped with a hanging indent of `hang`. */
static void para(struct text_out *o, size_t indent, size_t hang, const char *text)
{
    strbuf_addchars(o->sb, ' ', indent);
    wrap(o, text, indent, hang);
    strbuf_addc(o->sb, '\n');
}

static void header(struct text_out *o, const struct report_ctx *ctx)
{
    const struct score *s = o->s;
    const struct rules *r = s->rules;
    struct strbuf line = STRBUF_INIT;
    strbuf_adds(&line, "Implementation readiness: ");
    strbuf_adds(&line, s->assessment->organisation);
    heading(o, strbuf_str(&line));
    strbuf_reset(&line);
    strbuf_addf(&line, "Assessed %s by %zu respondent%s against %s %s (%s, SHA-256 %.12s).",
                s->assessment->date, s->assessment->respondents,
                s->assessment->respondents == 1 ? "" : "s", r->title, r->version, r->id, r->sha256);
    if (r->base) {
        strbuf_addc(&line, ' ');
        report_overlay_sentence(&line, r);
    }
    para(o, 0, 0, strbuf_str(&line));
    strbuf_reset(&line);
    report_date_range(&line, s->assessment);
    if (line.len)
        para(o, 0, 0, strbuf_str(&line));
    if (s->attribute)
        para(o, 0, 0, REPORT_ATTRIBUTION_ON);
    strbuf_reset(&line);
    report_anonymity_note(&line, s);
    if (line.len)
        para(o, 0, 0, strbuf_str(&line));
    strbuf_reset(&line);
    report_threshold_line(&line, s->assessment->respondents, s->min_group);
    if (line.len)
        para(o, 0, 0, strbuf_str(&line));
    strbuf_reset(&line);
    report_add_short_forms(&line, r);
    if (line.len)
        para(o, 0, 0, strbuf_str(&line));
    strbuf_release(&line);
    (void)ctx;
}

void report_render_text(const struct report_ctx *ctx, struct strbuf *out)
{
    struct text_out o = {out, ctx->score, ctx->color, ctx->width};
    const struct rules *r = ctx->score->rules;
    header(&o, ctx);
    strbuf_addc(out, '\n');
    report_build_write(report_build_stage_table, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    strbuf_addc(out, '\n');
    report_build_write(report_build_focus, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    report_build_write(report_build_flags, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    report_build_write(report_build_actions, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    report_build_write(report_build_find_out, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    if (ctx->plan)
        plan_text_assess(out, ctx->plan, ctx->width, ctx->color);
    accept_text_assess(out, ctx->score, ctx->width, ctx->color);
    strbuf_addc(out, '\n');
    para(&o, 0, 0, SCORE_GAP_LEGEND);
    for (size_t st = 0; st < r->n_stages; st++)
        report_build_write_stage(report_build_stage, ctx->score, st, DOC_TEXT, out, ctx->width,
                                 ctx->color);
    report_build_write(report_build_targets, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    report_build_write(report_build_comments, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    report_build_write(report_build_breakdown, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    report_build_write(report_build_about, ctx->score, DOC_TEXT, out, ctx->width, ctx->color);
    strbuf_addf(out, "\nstagegap %s\n", ctx->tool_version);
}
