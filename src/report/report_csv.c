/*
 * report_csv.c - the assessment as RFC 4180 CSV, one row per item, for spreadsheets
 * and dashboards.
 *
 * The table is kept pure: a header row, then one row per item in rules order, CRLF line
 * ends, no comment or metadata lines (spreadsheets would read them as data). Each row
 * starts with the organisation, date, number of respondents and the rules' id, version
 * and SHA-256, so a dashboard can union many CSVs; the last column repeats the source's
 * caveat on its evidence, which every report carries; after it, a suggestion's priority
 * and points (as JSON gives them), a comment's about, and an item's label (what every
 * report calls it: rules_item_label) and the source's hedge on it.
 *
 * What other formats say in prose comes as rows of the same columns, state "context":
 * first, with no stage, a row of kind "attribution" for a report made with --attribute,
 * one of kind "anonymity" for a report of fewer respondents than the threshold, in a
 * report of more than one respondent one of kind "threshold" giving the threshold K and
 * whether --min-group lowered it below 5; with a headcount, rows of kinds "participation",
 * "participation-group" and "participation-caveat" (render_participation); one of kind
 * "dates" when the respondents' dates differ; after a stage's items, one row of kind
 * "note" for each caveat the source attaches to the stage and rows of kind "find-out" for what must
 * be known before its suggestions are ranked; then the breakdown, a row of kind "group" per group
 * shown apart and stage (the group's name as text, its respondents as n, its score as stage_score)
 * and one of kind "breakdown" saying why it is left out or how it pooled; then a row of
 * kind "comment" for each comment respondents wrote on the whole assessment (sorted,
 * never saying who; the question it answers as about); then one of kind "gap-definition", with no
 * stage, saying what a gap is; last, one row of kind "judgement", with no stage, saying what in the
 * model is its author's judgement rather than the source's. Filtering on state "scored", or on an
 * item id, leaves them out.
 *
 * Every text cell goes through escape_csv, which quotes it and keeps a spreadsheet from
 * reading it as a formula. Numbers we produce are written bare with one decimal, value
 * on 0-100 like the scores (100 the best end, barriers inverted); booleans are true or
 * false; a cell that does not apply to the row's item is empty.
 */
#include "report.h"
#include "report_accept_internal.h"
#include "report_participation_internal.h"
#include "report_build_internal.h"
#include "report_plan_internal.h"
#include "report_target_internal.h"

#include <stdlib.h>

#include "escape.h"
#include "participation.h"
#include "rules.h"
#include "score.h"
#include "score_target.h"
#include "strbuf.h"
#include "xalloc.h"

static const char HEADER[] =
    "organisation,date,respondents,rules,rules_version,rules_sha256,stage,kind,item,text,level,"
    "state,answer,value,impact,weight,n,sd,disagreement,acted_on,band,stage_score,note,"
    "evidence,caveat,priority,points,about,label,hedge\r\n";

static const char *state_name(enum score_state state)
{
    switch (state) {
    case SCORED:
        return "scored";
    case NOT_APPLICABLE:
        return "n/a";
    case UNKNOWN:
        return "unknown";
    case CONTEXT:
        break;
    }
    return "context";
}

static void csv_exact(struct strbuf *out, const struct exact *v)
{
    report_add_exact(out, v);
    strbuf_addc(out, ',');
}

static void csv_ratio(struct strbuf *out, int64_t num, uint64_t den)
{
    report_add_ratio(out, num, den);
    strbuf_addc(out, ',');
}

static void csv_bool(struct strbuf *out, bool b)
{
    strbuf_adds(out, b ? "true," : "false,");
}

/* "role/respondent: " before a note or evidence, for whichever of the two is known. */
static void add_who(struct strbuf *sb, const struct answer_note *n)
{
    if (n->role)
        strbuf_adds(sb, n->role);
    if (n->role && n->respondent)
        strbuf_addc(sb, '/');
    if (n->respondent)
        strbuf_adds(sb, n->respondent);
    if (n->role || n->respondent)
        strbuf_adds(sb, ": ");
}

/* The notes (or, with evidence set, the evidence) on an item, joined with " | ". */
static void csv_notes(struct strbuf *out, const struct score_item *it, bool evidence)
{
    struct strbuf cell = STRBUF_INIT;
    for (size_t k = 0; k < it->n_notes; k++) {
        const struct answer_note *n = &it->notes[k];
        const char *text = evidence ? n->evidence : n->note;
        if (!text)
            continue;
        if (cell.len)
            strbuf_adds(&cell, " | ");
        add_who(&cell, n);
        strbuf_adds(&cell, text);
    }
    if (cell.len)
        escape_csv(out, strbuf_str(&cell));
    strbuf_release(&cell);
}

/* The cells every row starts with: the assessment and the rules it was scored against. */
static void row_start(const struct score *s, struct strbuf *out)
{
    const struct rules *r = s->rules;
    const struct assessment *a = s->assessment;
    report_csv_text(out, a->organisation);
    report_csv_text(out, a->date);
    strbuf_addf(out, "%zu,", a->respondents);
    report_csv_text(out, r->id);
    report_csv_text(out, r->version);
    report_csv_text(out, r->sha256);
}

/*
 * An item's value on 0-100 from its mean answer as the answer column shows it, to one
 * decimal: the value says no more of the answers than the mean does (docs/privacy.md).
 */
static void shown_value(const struct rules *r, const struct rules_item *ri,
                        const struct score_item *it, struct exact *value)
{
    /* The mean in tenths, rounded half away from zero, as exact_format_ratio prints it. */
    int64_t num = it->answer_num * 10, den = (int64_t)it->answer_den;
    int64_t tenths = (2 * num + (num < 0 ? -den : den)) / (2 * den);
    uint64_t span = (uint64_t)(r->scale_max - r->scale_min) * 10;
    uint64_t above = (uint64_t)(tenths - (int64_t)r->scale_min * 10);
    uint64_t good = ri->kind == ITEM_BARRIER ? span - above : above;
    exact_set_products(value, good, 100, span, 1);
}

/* A suggestion's priority (empty when it is not ranked) and points, as JSON gives them. */
static void add_priority_points(const struct score *s, size_t item, struct strbuf *out)
{
    for (size_t k = 0; k < s->n_suggestions; k++) {
        const struct score_suggestion *sg = &s->suggestions[k];
        if (sg->item != item)
            continue;
        if (sg->priority)
            strbuf_addf(out, "%zu", sg->priority);
        strbuf_addc(out, ',');
        report_add_exact(out, &sg->points_exact);
        return;
    }
    strbuf_addc(out, ',');
}

static void render_item(const struct score *s, size_t i, struct strbuf *out)
{
    const struct rules *r = s->rules;
    const struct assessment *a = s->assessment;
    const struct rules_item *ri = &r->items[i];
    const struct score_item *it = &s->items[i];
    const struct score_stage *st = &s->stages[ri->stage];
    bool scored = it->state == SCORED;

    row_start(s, out);
    report_csv_text(out, r->stages[ri->stage].id);
    report_csv_text(out, item_kind_name(ri->kind));
    report_csv_text(out, ri->id);
    report_csv_text(out, ri->text);
    report_csv_text(out, r->levels[ri->level].id);
    report_csv_text(out, state_name(it->state));
    if (scored) {
        struct exact value = {0};
        shown_value(r, ri, it, &value);
        csv_ratio(out, it->answer_num, it->answer_den);
        csv_exact(out, &value);
        csv_exact(out, &it->impact_exact);
        exact_release(&value);
    } else {
        strbuf_adds(out, ",,,");
    }
    csv_ratio(out, ri->weight_scaled, EXACT_SCALE);
    if (it->state == CONTEXT)
        strbuf_addc(out, ',');
    else
        strbuf_addf(out, "%zu,", a->items[i].n);
    if (scored) {
        /* sd: no longer printed; with the mean it would pin the answers down. */
        strbuf_addc(out, ',');
        csv_bool(out, it->disagreement);
    } else {
        strbuf_adds(out, ",,");
    }
    if (scored && ri->kind == ITEM_SUGGESTION)
        csv_bool(out, it->acted_on);
    else
        strbuf_addc(out, ',');
    report_csv_text(out, score_band_id(s, ri->stage));
    if (st->has_score)
        report_add_exact(out, &st->score_exact);
    strbuf_addc(out, ',');
    csv_notes(out, it, false);
    strbuf_addc(out, ',');
    csv_notes(out, it, true);
    strbuf_addc(out, ',');
    escape_csv(out, report_caveat(s));
    strbuf_addc(out, ',');
    if (ri->kind == ITEM_SUGGESTION)
        add_priority_points(s, i, out);
    else
        strbuf_addc(out, ',');
    strbuf_adds(out, ",,"); /* about */
    struct strbuf label = STRBUF_INIT;
    report_item_label(&label, ri);
    report_csv_text(out, strbuf_str(&label));
    strbuf_release(&label);
    if (ri->hedge)
        escape_csv(out, ri->hedge);
    strbuf_adds(out, "\r\n");
}

/*
 * A row that is not an item: stage (NULL for the whole model), kind and text, with the
 * stage's band and score when there is a stage, and the caveat; every other cell empty
 * but a comment's about.
 */
static void context_row(const struct score *s, const size_t *stage, const char *kind,
                        const char *text, const char *about, struct strbuf *out)
{
    const struct score_stage *ss = stage ? &s->stages[*stage] : NULL;
    struct plan_csv_row row = {.stage = ss ? s->rules->stages[*stage].id : NULL,
                               .kind = kind,
                               .text = text,
                               .state = "context",
                               .band = ss ? score_band_id(s, *stage) : NULL,
                               .stage_score = ss && ss->has_score ? &ss->score_exact : NULL,
                               .about = about};
    plan_csv_row(out, s, row_start, &row);
}

/* What respondents wrote on the assessment as a whole, kind "comment": sorted, the
   question it answers as about, and never who wrote it (as in JSON). */
static void render_comments(const struct score *s, struct strbuf *out)
{
    size_t n;
    const struct answer_comment **v = report_sorted_comments(s, &n);
    for (size_t k = 0; k < n; k++)
        context_row(s, NULL, "comment", v[k]->text, v[k]->about ? v[k]->about : "", out);
    free(v);
}

/*
 * A target's row, kind "target": the item's stage, id, text and level; its status
 * (met, not-met, overdue, no-answer) as state; the mean answer; the stage's band and
 * score; the target in words as note ("target 8.0 by 2026-06-30: 2.0 to go, overdue").
 */
static void render_target_row(const struct score *s, size_t i, struct strbuf *out)
{
    const struct rules *r = s->rules;
    const struct rules_item *ri = &r->items[i];
    const struct score_stage *ss = &s->stages[ri->stage];
    struct score_target t;
    struct strbuf note = STRBUF_INIT;
    score_target_of(s, i, &t);
    strbuf_adds(&note, "target ");
    report_target_add_summary(&note, s, i);
    struct plan_csv_row row = {.stage = r->stages[ri->stage].id,
                               .kind = "target",
                               .item = ri->id,
                               .text = ri->text,
                               .level = r->levels[ri->level].id,
                               .state = score_target_status_id(t.status),
                               .answer = &s->items[i],
                               .answer_only = true,
                               .band = score_band_id(s, ri->stage),
                               .stage_score = ss->has_score ? &ss->score_exact : NULL,
                               .note = strbuf_str(&note)};
    plan_csv_row(out, s, row_start, &row);
    strbuf_release(&note);
    score_target_release(&t);
}

/* Every item with a target, in rules order; no rows when the model sets none. */
static void render_targets(const struct score *s, struct strbuf *out)
{
    for (size_t i = 0; i < s->rules->n_items; i++)
        if (score_item_has_target(s, i))
            render_target_row(s, i, out);
}

/*
 * A group's score in one stage: kind "group", the group's name as text, its respondents
 * as n and its score as stage_score; only groups the breakdown shows apart.
 */
static void render_group_row(const struct score *s, const struct score_group *g, size_t stage,
                             struct strbuf *out)
{
    struct strbuf name = STRBUF_INIT;
    report_group_name(&name, &s->breakdown, g);
    struct plan_csv_row row = {.stage = s->rules->stages[stage].id,
                               .kind = "group",
                               .text = strbuf_str(&name),
                               .state = "context",
                               .has_n = true,
                               .n = (long)g->respondents,
                               .stage_score = g->has_score[stage] ? &g->scores_exact[stage] : NULL};
    plan_csv_row(out, s, row_start, &row);
    strbuf_release(&name);
}

/* The breakdown's rows, and its note (why it is left out, or how it pooled) as a row. */
static void render_breakdown(const struct score *s, struct strbuf *out)
{
    const struct score_breakdown *b = &s->breakdown;
    for (size_t k = 0; k < b->n_groups; k++)
        for (size_t st = 0; st < s->rules->n_stages; st++)
            render_group_row(s, &b->groups[k], st, out);
    struct strbuf note = STRBUF_INIT;
    report_breakdown_note(&note, b);
    if (note.len)
        context_row(s, NULL, "breakdown", strbuf_str(&note), NULL, out);
    strbuf_release(&note);
}

/*
 * "Find out first", kind "find-out": a stage too thinly answered to score, with how many
 * more answers would score it and its suggestions (not ranked until then); then each of
 * its suggestions whose own answer nobody knew.
 */
static void render_find_out(const struct score *s, size_t st, struct strbuf *out)
{
    const struct rules *r = s->rules;
    const struct score_stage *ss = &s->stages[st];
    struct strbuf text = STRBUF_INIT;
    size_t *v = xcalloc(s->n_suggestions + 1, sizeof(*v));
    if (!ss->has_score && !ss->not_applicable) {
        strbuf_addf(&text,
                    "%s has too few answers for a score (%zu of %zu answered); %zu more "
                    "answered would give it one. Its suggestions are not ranked until then",
                    r->stages[st].title, ss->answered, ss->answerable, ss->more_answers);
        size_t n = score_unranked_of(s, SCORE_UNRANKED_STAGE, st, v);
        for (size_t k = 0; k < n; k++)
            strbuf_addf(&text, "%s%s", k ? ", " : ": ", r->items[s->suggestions[v[k]].item].id);
        strbuf_addc(&text, '.');
        context_row(s, &st, "find-out", strbuf_str(&text), NULL, out);
    }
    size_t n = score_unranked_of(s, SCORE_UNRANKED_UNKNOWN, st, v);
    for (size_t k = 0; k < n; k++) {
        strbuf_reset(&text);
        strbuf_addf(&text, "Nobody knew whether %s has been acted on: it is not ranked until then.",
                    r->items[s->suggestions[v[k]].item].id);
        context_row(s, &st, "find-out", strbuf_str(&text), NULL, out);
    }
    strbuf_release(&text);
    free(v);
}

/*
 * With a headcount: a row of kind "participation" (the line as text, how many answered
 * as n, "22 of 140 (16%)" as note), one of kind "participation-group" for each group
 * the breakdown shows apart (its name as text, its respondents as n, its part as note)
 * and one of kind "participation-caveat" when few answered.
 */
static void render_participation(const struct score *s, struct strbuf *out)
{
    const struct participation *p = s->participation;
    if (!p)
        return;
    struct strbuf text = STRBUF_INIT, note = STRBUF_INIT;
    report_participation_line(&text, s);
    report_participation_of(&note, p->answered, p->invited);
    struct plan_csv_row row = {.kind = "participation",
                               .text = strbuf_str(&text),
                               .state = "context",
                               .note = strbuf_str(&note),
                               .has_n = true,
                               .n = (long)p->answered};
    plan_csv_row(out, s, row_start, &row);
    for (size_t k = 0; k < p->n_rows; k++) {
        const struct participation_row *pr = &p->rows[k];
        strbuf_reset(&text);
        strbuf_reset(&note);
        report_group_name(&text, &s->breakdown, &s->breakdown.groups[pr->group]);
        report_participation_of(&note, pr->answered, pr->invited);
        struct plan_csv_row group = {.kind = "participation-group",
                                     .text = strbuf_str(&text),
                                     .state = "context",
                                     .note = strbuf_str(&note),
                                     .has_n = true,
                                     .n = (long)pr->answered};
        plan_csv_row(out, s, row_start, &group);
    }
    strbuf_reset(&text);
    report_participation_caveat(&text, s);
    if (text.len)
        context_row(s, NULL, "participation-caveat", strbuf_str(&text), NULL, out);
    strbuf_release(&note);
    strbuf_release(&text);
}

/* An overlay's base (id, version, SHA-256) and the merged model's hash, kind "model". */
static void render_model_row(const struct score *s, struct strbuf *out)
{
    const struct rules *r = s->rules;
    if (!r->base)
        return;
    struct strbuf text = STRBUF_INIT;
    strbuf_addf(&text, "It extends %s %s (SHA-256 %s); the merged model's SHA-256 is %s.",
                r->base->id, r->base->version, r->base->sha256, r->model_sha256);
    context_row(s, NULL, "model", strbuf_str(&text), NULL, out);
    strbuf_release(&text);
}

void report_render_csv(const struct report_ctx *ctx, struct strbuf *out)
{
    const struct score *s = ctx->score;
    const struct rules *r = s->rules;
    strbuf_adds(out, HEADER);
    render_model_row(s, out);
    if (s->attribute)
        context_row(s, NULL, "attribution", REPORT_ATTRIBUTION_ON, NULL, out);
    struct strbuf anonymity = STRBUF_INIT;
    report_anonymity_note(&anonymity, s);
    if (anonymity.len)
        context_row(s, NULL, "anonymity", strbuf_str(&anonymity), NULL, out);
    strbuf_reset(&anonymity);
    report_threshold_line(&anonymity, s->assessment->respondents, s->min_group);
    if (anonymity.len)
        context_row(s, NULL, "threshold", strbuf_str(&anonymity), NULL, out);
    strbuf_release(&anonymity);
    render_participation(s, out);
    struct strbuf dates = STRBUF_INIT;
    report_date_range(&dates, s->assessment);
    if (dates.len)
        context_row(s, NULL, "dates", strbuf_str(&dates), NULL, out);
    strbuf_release(&dates);
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct rules_stage *rs = &r->stages[st];
        for (size_t i = rs->first_item; i < rs->first_item + rs->n_items; i++)
            render_item(s, i, out);
        for (size_t k = 0; k < rs->n_notes; k++)
            context_row(s, &st, "note", rs->notes[k], NULL, out);
        render_find_out(s, st, out);
    }
    render_targets(s, out);
    if (ctx->plan)
        plan_csv_assess(out, ctx->plan, row_start);
    accept_csv_assess(out, s, row_start);
    evidence_csv_assess(out, s, ctx->evidence, ctx->evidence_view, row_start);
    render_breakdown(s, out);
    render_comments(s, out);
    context_row(s, NULL, "gap-definition", SCORE_GAP_LEGEND, NULL, out);
    if (r->source.judgement)
        context_row(s, NULL, "judgement", r->source.judgement, NULL, out);
}
