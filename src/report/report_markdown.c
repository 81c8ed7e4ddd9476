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

#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "doc.h"
#include "report_build_internal.h"
#include "report_accept_internal.h"
#include "report_plan_internal.h"
#include "report_target_internal.h"
#include "rules.h"
#include "score.h"
#include "score_target.h"
#include "strbuf.h"
#include "xalloc.h"

/* Ends a line. Input that trimmed to nothing may leave a label's space at the end;
 * markdownlint (MD009) and hard line breaks both want it gone. */
static void md_eol(struct strbuf *out)
{
    while (out->len > 0 && out->buf[out->len - 1] == ' ')
        out->buf[--out->len] = '\0';
    strbuf_addc(out, '\n');
}

/* A heading and the blank line after it. */
static void md_heading(struct strbuf *out, const char *marks, const char *before, const char *text,
                       const char *after)
{
    strbuf_addf(out, "%s %s", marks, before);
    doc_md_text(out, text);
    strbuf_adds(out, after);
    md_eol(out);
    strbuf_addc(out, '\n');
}

static void render_header(const struct report_ctx *ctx, struct strbuf *out)
{
    const struct score *s = ctx->score;
    const struct rules *r = s->rules;
    const struct assessment *a = s->assessment;
    md_heading(out, "#", "Implementation readiness: ", a->organisation, "");
    strbuf_adds(out, "- Date: ");
    doc_md_text(out, a->date);
    md_eol(out);
    if (strcmp(a->date_first ? a->date_first : "", a->date_last ? a->date_last : "") != 0)
        strbuf_addf(out, "- Respondents' dates: %s to %s\n", a->date_first, a->date_last);
    strbuf_addf(out, "- Respondents: %zu\n", a->respondents);
    if (s->attribute)
        strbuf_adds(out, "- " REPORT_ATTRIBUTION_ON "\n");
    struct strbuf anonymity = STRBUF_INIT;
    report_anonymity_note(&anonymity, s);
    if (anonymity.len) {
        strbuf_adds(out, "- ");
        doc_md_text(out, strbuf_str(&anonymity));
        strbuf_addc(out, '\n');
    }
    strbuf_reset(&anonymity);
    report_threshold_line(&anonymity, a->respondents, s->min_group);
    if (anonymity.len) {
        strbuf_adds(out, "- ");
        doc_md_text(out, strbuf_str(&anonymity));
        strbuf_addc(out, '\n');
    }
    strbuf_release(&anonymity);
    strbuf_adds(out, "- Model: ");
    doc_md_text(out, r->title);
    strbuf_adds(out, " (");
    doc_md_text(out, r->id);
    strbuf_adds(out, ", version ");
    doc_md_text(out, r->version);
    strbuf_adds(out, ")\n");
    strbuf_addf(out, "- Rules SHA-256: `%s`\n", r->sha256);
    report_md_overlay(out, r);
    report_build_write(report_build_focus, s, DOC_MARKDOWN, out, 0, false);
}

static void render_summary(const struct score *s, struct strbuf *out)
{
    const struct rules *r = s->rules;
    md_heading(out, "##", "Summary", NULL, "");
    report_build_write(report_build_stage_table, s, DOC_MARKDOWN, out, 0, false);
    strbuf_addf(out,
                "Scores run from 0 to 100. Coverage is the questions answered out of those "
                "that apply; a stage with too few answers is not scored. In the gap tables, "
                "Answer is on the questionnaire's scale of %ld to %ld (for a barrier, a "
                "high answer means it bites) and Impact is the points the stage would gain "
                "if the gap were closed. " SCORE_GAP_LEGEND,
                r->scale_min, r->scale_max);
    if (s->assessment->respondents > 1)
        strbuf_addf(out,
                    " Answers are averages over %zu respondents; n is how many answered "
                    "a question.",
                    s->assessment->respondents);
    if (score_targets_count(s))
        strbuf_adds(out, " To best end is how far the answer is from the scale's best end, the "
                         "distance the score uses; Target is the model's target for the item, "
                         "its date, how far the answer still has to go and whether it is met "
                         "or overdue.");
    strbuf_adds(out, "\n\n");
    report_build_write(report_build_flags, s, DOC_MARKDOWN, out, 0, false);
}

void report_render_markdown(const struct report_ctx *ctx, struct strbuf *out)
{
    const struct score *s = ctx->score;
    render_header(ctx, out);
    render_summary(s, out);
    report_build_write(report_build_actions, s, DOC_MARKDOWN, out, 0, false);
    report_build_write(report_build_find_out, s, DOC_MARKDOWN, out, 0, false);
    if (ctx->plan)
        plan_md_assess(out, ctx->plan);
    accept_md_assess(out, s);
    for (size_t st = 0; st < s->rules->n_stages; st++)
        report_build_write_stage(report_build_stage, s, st, DOC_MARKDOWN, out, 0, false);
    report_build_write(report_build_targets, s, DOC_MARKDOWN, out, 0, false);
    report_build_write(report_build_comments, s, DOC_MARKDOWN, out, 0, false);
    report_build_write(report_build_breakdown, s, DOC_MARKDOWN, out, 0, false);
    report_build_write(report_build_about, s, DOC_MARKDOWN, out, 0, false);
    strbuf_addf(out, "Made by stagegap %s.\n", ctx->tool_version);
}
