/*
 * report_compare.c - "stagegap compare" as text, markdown, JSON (stagegap-compare/1: see
 * docs/compare-json.md) and CSV, the pieces it shares with "stagegap trend"
 * (report_trend.c), and the table of both commands' formats.
 */
#include "report_compare_internal.h"

#include <string.h>

#include "breakdown.h"
#include "compare.h"
#include "compare_build_internal.h"
#include "escape.h"
#include "exact.h"
#include "jsonw.h"
#include "plan_review.h"
#include "report_accept_internal.h"
#include "report_plan_internal.h"
#include "report.h"
#include "model_change.h"
#include "score.h"
#include "strbuf.h"
#include "suppress.h"
#include "text.h"

/* ---- shared pieces ---- */

static void add_score(struct strbuf *sb, bool has, double v, const char *none)
{
    if (has)
        strbuf_add_tenths(sb, v);
    else
        strbuf_adds(sb, none);
}

/* ---- compare ---- */

void compare_render_text(const struct compare *c, const char *tool_version, size_t width,
                         struct strbuf *out)
{
    const struct score *b = c->before, *a = c->after;
    const struct rules *r = b->rules;
    struct strbuf line = STRBUF_INIT;
    strbuf_addf(&line, "%s %s", r->title, r->version);
    if (r->base) {
        strbuf_addf(&line, " (%s). ", r->id);
        report_overlay_sentence(&line, r);
    }
    compare_text_para(out, "Comparison against ", 2, strbuf_str(&line), width);
    strbuf_release(&line);
    compare_text_assessment(out, "Before: ", 8, b->assessment, width);
    compare_text_assessment(out, "After:  ", 8, a->assessment, width);
    const struct score *both[] = {b, a};
    struct strbuf threshold = STRBUF_INIT;
    compare_threshold_line(&threshold, both, 2, c->shares_respondents);
    if (threshold.len)
        compare_text_para(out, "", 0, strbuf_str(&threshold), width);
    strbuf_reset(&threshold);
    compare_participation_line(&threshold, both, 2);
    if (threshold.len)
        compare_text_para(out, "", 0, strbuf_str(&threshold), width);
    strbuf_release(&threshold);
    compare_write_evidence_pointer(DOC_TEXT, out, width);
    strbuf_addc(out, '\n');
    compare_write_stages(c, NULL, DOC_TEXT, out, width);
    compare_build_write(compare_build_groups, c, DOC_TEXT, out, width);
    compare_build_write(compare_build_moved, c, DOC_TEXT, out, width);
    strbuf_addc(out, '\n');
    compare_text_para(out, "", 0, SCORE_GAP_LEGEND, width);
    compare_build_write(compare_build_closed, c, DOC_TEXT, out, width);
    compare_build_write(compare_build_opened, c, DOC_TEXT, out, width);
    compare_write_model_change(c->model_change, r, DOC_TEXT, out, width);
    compare_build_write(compare_build_plan, c, DOC_TEXT, out, width);
    compare_build_write(compare_build_evidence, c, DOC_TEXT, out, width);
    struct strbuf verdict = STRBUF_INIT;
    compare_regression_sentence(&verdict, c);
    strbuf_addc(out, '\n');
    compare_text_para(out, "", 2, strbuf_str(&verdict), width);
    strbuf_release(&verdict);
    compare_write_about(a, DOC_TEXT, out, width);
    strbuf_addf(out, "\nstagegap %s\n", tool_version);
}

void compare_render_markdown(const struct compare *c, const char *tool_version, size_t width,
                             struct strbuf *out)
{
    const struct score *b = c->before, *a = c->after;
    const struct rules *r = b->rules;
    strbuf_adds(out, "# Readiness compared: ");
    escape_markdown(out, a->assessment->organisation);
    struct strbuf line = STRBUF_INIT;
    compare_assessment_words(&line, b->assessment);
    strbuf_adds(out, "\n\n- Before: ");
    escape_markdown(out, strbuf_str(&line));
    strbuf_reset(&line);
    compare_assessment_words(&line, a->assessment);
    strbuf_adds(out, "\n- After: ");
    escape_markdown(out, strbuf_str(&line));
    strbuf_release(&line);
    const struct score *both[] = {b, a};
    struct strbuf threshold = STRBUF_INIT;
    compare_threshold_line(&threshold, both, 2, c->shares_respondents);
    if (threshold.len) {
        strbuf_adds(out, "\n- ");
        escape_markdown(out, strbuf_str(&threshold));
    }
    strbuf_reset(&threshold);
    compare_participation_line(&threshold, both, 2);
    if (threshold.len) {
        strbuf_adds(out, "\n- ");
        escape_markdown(out, strbuf_str(&threshold));
    }
    strbuf_release(&threshold);
    strbuf_adds(out, "\n- Model: ");
    escape_markdown(out, r->title);
    strbuf_adds(out, " ");
    escape_markdown(out, r->version);
    strbuf_addf(out, " (`%s`)\n", r->sha256);
    report_md_overlay(out, r);
    strbuf_addc(out, '\n');
    compare_write_evidence_pointer(DOC_MARKDOWN, out, width);
    compare_write_stages(c, NULL, DOC_MARKDOWN, out, width);
    compare_build_write(compare_build_groups, c, DOC_MARKDOWN, out, width);
    compare_build_write(compare_build_moved, c, DOC_MARKDOWN, out, width);
    compare_build_write(compare_build_closed, c, DOC_MARKDOWN, out, width);
    compare_build_write(compare_build_opened, c, DOC_MARKDOWN, out, width);
    compare_write_model_change(c->model_change, r, DOC_MARKDOWN, out, width);
    compare_build_write(compare_build_plan, c, DOC_MARKDOWN, out, width);
    compare_build_write(compare_build_evidence, c, DOC_MARKDOWN, out, width);
    compare_md_end_blocks(out);
    struct strbuf verdict = STRBUF_INIT;
    compare_regression_sentence(&verdict, c);
    strbuf_adds(out, c->regression ? "\n**" : "\n");
    escape_markdown(out, strbuf_str(&verdict));
    strbuf_adds(out, c->regression ? "**\n\n" : "\n\n");
    compare_write_about(a, DOC_MARKDOWN, out, width);
    strbuf_addf(out, "Made with stagegap %s.\n", tool_version);
    strbuf_release(&verdict);
}

static void json_item_list(struct jsonw *w, const struct compare *c, bool opened)
{
    const struct rules *r = c->before->rules;
    jsonw_karray(w, opened ? "opened" : "closed");
    for (size_t i = 0; i < r->n_items; i++) {
        const struct compare_item *ci = &c->items[i];
        if (opened ? !ci->opened : !ci->closed)
            continue;
        jsonw_object(w);
        compare_json_item(w, r, i, ci);
        jsonw_kstring(w, "direction", compare_direction_name(ci->direction));
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

/* groups[]: each row's respondents and stages before and after; [] when left out. */
static void json_compare_groups(struct jsonw *w, const struct compare *c)
{
    const struct rules *r = c->before->rules;
    const struct score_breakdown *b = &c->before->breakdown;
    const struct score_breakdown *a = &c->after->breakdown;
    report_json_breakdown(w, b, c->before->min_group);
    jsonw_karray(w, "groups");
    for (size_t g = 0; g < c->n_groups; g++) {
        jsonw_object(w);
        report_json_group_values(w, b, &b->groups[g]);
        jsonw_kuint(w, "respondents_before", b->groups[g].respondents);
        jsonw_kuint(w, "respondents_after", a->groups[g].respondents);
        jsonw_karray(w, "stages");
        for (size_t st = 0; st < r->n_stages; st++) {
            const struct compare_stage *cs = compare_group_stage(c, g, st);
            jsonw_object(w);
            jsonw_kstring(w, "id", r->stages[st].id);
            jsonw_kscore(w, "before", cs->has_before, cs->before);
            jsonw_kscore(w, "after", cs->has_after, cs->after);
            jsonw_kscore(w, "delta", cs->has_before && cs->has_after, cs->delta);
            jsonw_end(w, '}');
        }
        jsonw_end(w, ']');
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

void compare_render_json(const struct compare *c, const char *tool_version, size_t width,
                         struct strbuf *out)
{
    const struct rules *r = c->before->rules;
    struct jsonw w;
    (void)width;
    jsonw_init(&w, out);
    jsonw_object(&w);
    jsonw_kstring(&w, "format", COMPARE_FORMAT);
    report_json_provenance(&w, r, tool_version);
    jsonw_key(&w, "before");
    compare_json_assessment(&w, c->before);
    jsonw_key(&w, "after");
    compare_json_assessment(&w, c->after);
    const struct score *both[] = {c->before, c->after};
    compare_json_threshold(&w, both, 2, c->shares_respondents);
    jsonw_karray(&w, "stages");
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct compare_stage *cs = &c->stages[st];
        jsonw_object(&w);
        jsonw_kstring(&w, "id", r->stages[st].id);
        jsonw_kstring(&w, "title", r->stages[st].title);
        jsonw_kscore(&w, "before", cs->has_before, cs->before);
        jsonw_kscore(&w, "after", cs->has_after, cs->after);
        jsonw_kscore(&w, "delta", cs->has_before && cs->has_after, cs->delta);
        jsonw_kstring(&w, "band_before", score_band_id(c->before, st));
        jsonw_kstring(&w, "band_after", score_band_id(c->after, st));
        jsonw_kbool(&w, "regressed", cs->regressed);
        jsonw_kbool(&w, "lost_score", cs->lost);
        jsonw_end(&w, '}');
    }
    jsonw_end(&w, ']');
    jsonw_karray(&w, "items");
    for (size_t i = 0; i < r->n_items; i++) {
        const struct compare_item *ci = &c->items[i];
        jsonw_object(&w);
        jsonw_kstring(&w, "id", r->items[i].id);
        jsonw_kstring(&w, "stage", r->stages[r->items[i].stage].id);
        jsonw_kscore(&w, "before", ci->has_before, ci->before);
        jsonw_kscore(&w, "after", ci->has_after, ci->after);
        jsonw_kratio(&w, "delta", ci->has_before && ci->has_after, ci->change_tenths, 10, 1);
        jsonw_kstring(&w, "direction", compare_direction_name(ci->direction));
        jsonw_end(&w, '}');
    }
    jsonw_end(&w, ']');
    json_item_list(&w, c, true);
    accept_json_compare(&w, c);
    json_item_list(&w, c, false);
    jsonw_kstring(&w, "gap_definition", SCORE_GAP_LEGEND);
    jsonw_kbool(&w, "regression", c->regression);
    jsonw_kratio(&w, "tolerance", true, c->tolerance, EXACT_SCALE, c->tolerance % 100 ? 3 : 1);
    struct strbuf verdict = STRBUF_INIT;
    compare_regression_sentence(&verdict, c);
    jsonw_kstring(&w, "verdict", strbuf_str(&verdict));
    strbuf_release(&verdict);
    json_compare_groups(&w, c);
    if (c->plan)
        plan_json_compare(&w, c->plan);
    compare_evidence_json(&w, c);
    model_change_json(&w, c->model_change, r);
    jsonw_kstring(&w, "caveat", report_caveat(c->after));
    jsonw_kstring(&w, "judgement", r->source.judgement);
    jsonw_end(&w, '}');
}

/* A row of what every format says in prose: no stage or item, kind and text; none
   without text. */
static void csv_compare_context(struct strbuf *out, const char *kind, const char *text)
{
    if (!text || !*text)
        return;
    strbuf_addf(out, ",,%s,,,,,,,", kind);
    escape_csv(out, text);
    strbuf_adds(out, ",,\r\n");
}

/* "STAGE,,KIND,before,after,change": a stage's row, up to its last figure. */
static void csv_stage_row(struct strbuf *out, const char *stage, const char *kind,
                          const struct compare_stage *cs)
{
    escape_csv(out, stage);
    strbuf_addf(out, ",,%s,", kind);
    add_score(out, cs->has_before, cs->before, "");
    strbuf_addc(out, ',');
    add_score(out, cs->has_after, cs->after, "");
    strbuf_addc(out, ',');
    if (cs->has_before && cs->has_after)
        strbuf_add_tenths(out, cs->delta);
}

/* Row g's stages: kind "group", its name as text and its respondents before and after. */
static void csv_compare_group(const struct compare *c, size_t g, struct strbuf *out)
{
    const struct rules *r = c->before->rules;
    const struct score_breakdown *b = &c->before->breakdown;
    const struct score_breakdown *a = &c->after->breakdown;
    struct strbuf name = STRBUF_INIT;
    compare_group_name(&name, b, g);
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct compare_stage *cs = compare_group_stage(c, g, st);
        csv_stage_row(out, r->stages[st].id, "group", cs);
        strbuf_adds(out, ",,,,");
        escape_csv(out, strbuf_str(&name));
        strbuf_addf(out, ",%zu,%zu\r\n", b->groups[g].respondents, a->groups[g].respondents);
    }
    strbuf_release(&name);
}

/* The breakdown's rows, then its note as a row of kind "breakdown" with the note as text. */
static void csv_compare_groups(const struct compare *c, struct strbuf *out)
{
    for (size_t g = 0; g < c->n_groups; g++)
        csv_compare_group(c, g, out);
    struct strbuf note = STRBUF_INIT;
    report_breakdown_note(&note, &c->before->breakdown);
    csv_compare_context(out, "breakdown", strbuf_str(&note));
    strbuf_release(&note);
}

/* "STAGE,ITEM,KIND,before,after,change,opened,closed,direction,": an item's row up to its
   text. */
static void csv_item_row(struct strbuf *out, const struct rules *r, size_t i, const char *kind,
                         const struct compare_item *ci, bool opened, bool closed)
{
    escape_csv(out, r->stages[r->items[i].stage].id);
    strbuf_addc(out, ',');
    escape_csv(out, r->items[i].id);
    strbuf_addf(out, ",%s,", kind);
    add_score(out, ci->has_before, ci->before, "");
    strbuf_addc(out, ',');
    add_score(out, ci->has_after, ci->after, "");
    strbuf_addc(out, ',');
    if (ci->has_before && ci->has_after)
        plan_add_tenths(out, ci->change_tenths);
    const char *dir = compare_direction_name(ci->direction);
    strbuf_addf(out, ",%s,%s,%s,", opened ? "true" : "false", closed ? "true" : "false",
                dir ? dir : "");
}

/*
 * Each gap accepted in AFTER that would have opened (--accept), kind "opened-accepted":
 * its answers and direction, and "accepted until DATE" as text; JSON's opened_accepted.
 */
static void csv_opened_accepted(const struct compare *c, struct strbuf *out)
{
    const struct rules *r = c->after->rules;
    for (size_t i = 0; c->after->accept && i < r->n_items; i++) {
        const struct compare_item *ci = &c->items[i];
        if (!ci->opened_accepted)
            continue;
        csv_item_row(out, r, i, "opened-accepted", ci, false, false);
        struct strbuf text = STRBUF_INIT;
        strbuf_addf(&text, "accepted until %s", c->after->items[i].acceptance->expires);
        escape_csv(out, strbuf_str(&text));
        strbuf_release(&text);
        strbuf_adds(out, ",,\r\n");
    }
}

struct csv_model_arg {
    struct strbuf *out;
    const struct rules *r;
};

/* A row of what differs between the models, kind "model-change", as the other formats
   list it (compare_model_change_each); the item's stage and id when it is an item's. */
static void csv_model_line(void *arg, const struct rules_item *it, const char *text)
{
    struct csv_model_arg *a = arg;
    if (it) {
        escape_csv(a->out, a->r->stages[it->stage].id);
        strbuf_addc(a->out, ',');
        escape_csv(a->out, it->id);
    } else {
        strbuf_addc(a->out, ',');
    }
    strbuf_adds(a->out, ",model-change,,,,,,,");
    escape_csv(a->out, text);
    strbuf_adds(a->out, ",,\r\n");
}

static void csv_model_change(const struct compare *c, struct strbuf *out)
{
    if (!c->model_change)
        return;
    struct csv_model_arg arg = {out, c->before->rules};
    struct strbuf models = STRBUF_INIT;
    strbuf_addf(&models, "from %s to %s", c->model_change->from, c->model_change->to);
    csv_model_line(&arg, NULL, strbuf_str(&models));
    strbuf_release(&models);
    compare_model_change_each(c->model_change, c->before->rules, csv_model_line, &arg);
}

void compare_render_csv(const struct compare *c, const char *tool_version, size_t width,
                        struct strbuf *out)
{
    const struct rules *r = c->before->rules;
    (void)tool_version;
    (void)width;
    strbuf_adds(out, "stage,item,kind,before,after,change,opened,closed,direction,text,"
                     "respondents_before,respondents_after\r\n");
    const struct score *both[] = {c->before, c->after};
    struct strbuf threshold = STRBUF_INIT;
    compare_threshold_line(&threshold, both, 2, c->shares_respondents);
    csv_compare_context(out, "threshold", strbuf_str(&threshold));
    strbuf_reset(&threshold);
    compare_participation_line(&threshold, both, 2);
    if (threshold.len)
        csv_compare_context(out, "participation", strbuf_str(&threshold));
    strbuf_release(&threshold);
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct compare_stage *cs = &c->stages[st];
        csv_stage_row(out, r->stages[st].id, "stage", cs);
        strbuf_adds(out, ",,,,,,\r\n");
        const struct rules_stage *rs = &r->stages[st];
        for (size_t i = rs->first_item; i < rs->first_item + rs->n_items; i++) {
            const struct compare_item *ci = &c->items[i];
            csv_item_row(out, r, i, item_kind_name(r->items[i].kind), ci, ci->opened, ci->closed);
            strbuf_adds(out, ",,\r\n");
        }
    }
    csv_opened_accepted(c, out);
    csv_compare_groups(c, out);
    csv_model_change(c, out);
    struct strbuf verdict = STRBUF_INIT;
    compare_regression_sentence(&verdict, c);
    csv_compare_context(out, "regression", strbuf_str(&verdict));
    csv_compare_context(out, "gap-definition", SCORE_GAP_LEGEND);
    csv_compare_context(out, "caveat", report_caveat(c->after));
    csv_compare_context(out, "judgement", r->source.judgement);
    strbuf_release(&verdict);
    if (c->plan)
        plan_csv_compare(out, c->plan);
    compare_evidence_csv(out, c);
}
