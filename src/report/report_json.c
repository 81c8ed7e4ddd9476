/*
 * report_json.c - the stagegap-report/1 JSON format, documented field by field in
 * docs/report-json.md and checked against docs/report.schema.json by the tests.
 * Fields may be added; none is renamed or removed without a new format version.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "jsonw.h"
#include "report.h"
#include "participation.h"
#include "report_accept_internal.h"
#include "report_participation_internal.h"
#include "report_build_internal.h"
#include "report_plan_internal.h"
#include "report_target_internal.h"
#include "score.h"
#include "score_target.h"
#include "strbuf.h"
#include "suppress.h"
#include "xalloc.h"

static const char *state_name(enum score_state state)
{
    static const char *const names[] = {"scored", "n/a", "unknown", "context"};
    return names[state];
}

/*
 * "participation", only with a headcount: how many answered of how many asked, in total
 * and for each group the breakdown shows apart (never the pooled row), and the line and
 * caveat the other formats print.
 */
static void write_participation(struct jsonw *w, const struct score *s)
{
    const struct participation *p = s->participation;
    if (!p)
        return;
    struct strbuf text = STRBUF_INIT;
    jsonw_kobject(w, "participation");
    jsonw_kuint(w, "answered", p->answered);
    jsonw_kuint(w, "invited", p->invited);
    jsonw_kuint(w, "percent", participation_percent(p->answered, p->invited));
    jsonw_kbool(w, "low", p->low);
    jsonw_kuint(w, "low_under_percent", PARTICIPATION_LOW_PERCENT);
    report_participation_line(&text, s);
    jsonw_kstring(w, "line", strbuf_str(&text));
    strbuf_reset(&text);
    report_participation_caveat(&text, s);
    jsonw_kstring(w, "caveat", text.len ? strbuf_str(&text) : NULL);
    jsonw_kstring(w, "by", p->field);
    jsonw_karray(w, "groups");
    for (size_t k = 0; k < p->n_rows; k++) {
        const struct participation_row *row = &p->rows[k];
        const struct score_group *g = &s->breakdown.groups[row->group];
        jsonw_object(w);
        report_json_group_values(w, &s->breakdown, g);
        jsonw_kuint(w, "answered", row->answered);
        jsonw_kuint(w, "invited", row->invited);
        jsonw_kuint(w, "percent", participation_percent(row->answered, row->invited));
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
    jsonw_end(w, '}');
    strbuf_release(&text);
}

static void write_header(struct jsonw *w, const struct report_ctx *ctx)
{
    const struct score *s = ctx->score;
    const struct rules *r = s->rules;
    jsonw_kstring(w, "format", REPORT_FORMAT);
    report_json_provenance(w, r, ctx->tool_version);
    jsonw_kstring(w, "organisation", s->assessment->organisation);
    jsonw_kstring(w, "date", s->assessment->date);
    jsonw_kobject(w, "dates");
    jsonw_kstring(w, "first", s->assessment->date_first);
    jsonw_kstring(w, "last", s->assessment->date_last);
    jsonw_end(w, '}');
    jsonw_kuint(w, "respondents", s->assessment->respondents);
    jsonw_kbool(w, "attributed", s->attributed);
    jsonw_kbool(w, "anonymous", !s->attributed && s->assessment->respondents >= s->min_group);
    jsonw_kuint(w, "min_group", s->min_group);
    jsonw_kbool(w, "min_group_lowered", s->min_group < SUPPRESS_MIN_GROUP_DEFAULT);
    struct strbuf threshold = STRBUF_INIT;
    report_threshold_line(&threshold, s->assessment->respondents, s->min_group);
    jsonw_kstring(w, "threshold", threshold.len ? strbuf_str(&threshold) : NULL);
    strbuf_release(&threshold);
    write_participation(w, s);
    jsonw_kstring(w, "caveat", report_caveat(s));
    jsonw_kstring(w, "judgement", r->source.judgement);
    jsonw_kstring(w, "focus", s->focus >= 0 ? r->stages[s->focus].id : NULL);
    jsonw_kstring(w, "gap_definition", SCORE_GAP_LEGEND);
}

void report_json_provenance(struct jsonw *w, const struct rules *r, const char *tool_version)
{
    jsonw_kobject(w, "tool");
    jsonw_kstring(w, "name", "stagegap");
    jsonw_kstring(w, "version", tool_version);
    jsonw_end(w, '}');
    jsonw_kobject(w, "rules");
    jsonw_kstring(w, "id", r->id);
    jsonw_kstring(w, "version", r->version);
    jsonw_kstring(w, "sha256", r->sha256);
    jsonw_kstring(w, "title", r->title);
    jsonw_kstring(w, "model_sha256", r->model_sha256);
    jsonw_key(w, "base");
    if (r->base) {
        jsonw_object(w);
        jsonw_kstring(w, "id", r->base->id);
        jsonw_kstring(w, "version", r->base->version);
        jsonw_kstring(w, "sha256", r->base->sha256);
        jsonw_end(w, '}');
    } else {
        jsonw_null(w);
    }
    jsonw_end(w, '}');
}

/* "key": the ids of items, n of them; of suggestions' items with suggestions set. */
static void write_ids(struct jsonw *w, const char *key, const struct score *s, const size_t *items,
                      size_t n, bool suggestions)
{
    jsonw_karray(w, key);
    for (size_t k = 0; k < n; k++)
        jsonw_string(w, s->rules->items[suggestions ? s->suggestions[items[k]].item : items[k]].id);
    jsonw_end(w, ']');
}

static void write_notes(struct jsonw *w, const struct score_item *it)
{
    jsonw_karray(w, "notes");
    for (size_t k = 0; k < it->n_notes; k++) {
        const struct answer_note *n = &it->notes[k];
        jsonw_object(w);
        jsonw_kstring(w, "respondent", n->respondent);
        jsonw_kstring(w, "role", n->role);
        jsonw_kstring(w, "note", n->note);
        jsonw_kstring(w, "evidence", n->evidence);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

/* The suggestions a gap offers, as every format lists them: ranked, in priority order. */
static void write_gap_suggestions(struct jsonw *w, const struct score *s, size_t item)
{
    size_t *sgs = xcalloc(s->n_suggestions + 1, sizeof(*sgs));
    write_ids(w, "suggestions", s, sgs, score_suggestions_for(s, item, sgs), false);
    free(sgs);
}

/* The target's fields: score, by, distance (null without an answer), status. */
static void write_target_fields(struct jsonw *w, const struct score *s, size_t item)
{
    const struct rules_target *rt = &s->rules->items[item].target;
    struct score_target t;
    score_target_of(s, item, &t);
    int places = report_target_places(rt);
    jsonw_kratio(w, "score", true, rt->score_scaled, EXACT_SCALE, places);
    jsonw_kstring(w, "by", rt->by);
    jsonw_kexact(w, "distance", t.status != TARGET_NO_ANSWER, &t.distance, places);
    jsonw_kstring(w, "status", score_target_status_id(t.status));
    score_target_release(&t);
}

/* An item's "target" object (in gaps[] and targets[]), when it has one. */
static void write_item_target(struct jsonw *w, const struct score *s, size_t item)
{
    if (!score_item_has_target(s, item))
        return;
    jsonw_kobject(w, "target");
    write_target_fields(w, s, item);
    jsonw_end(w, '}');
}

/* "targets": every item with a target, in rules order; left out when the model has none. */
static void write_targets(struct jsonw *w, const struct score *s)
{
    const struct rules *r = s->rules;
    if (!score_targets_count(s))
        return;
    jsonw_karray(w, "targets");
    for (size_t i = 0; i < r->n_items; i++) {
        if (!score_item_has_target(s, i))
            continue;
        const struct rules_item *it = &r->items[i];
        const struct score_item *si = &s->items[i];
        jsonw_object(w);
        jsonw_kstring(w, "id", it->id);
        jsonw_kstring(w, "stage", r->stages[it->stage].id);
        jsonw_kstring(w, "kind", item_kind_name(it->kind));
        jsonw_kstring(w, "text", it->text);
        jsonw_kstring(w, "state", state_name(si->state));
        jsonw_kratio(w, "answer", si->state == SCORED, si->answer_num, si->answer_den, 1);
        write_item_target(w, s, i);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

static void write_gaps(struct jsonw *w, const struct score *s, const struct score_stage *st)
{
    const struct rules *r = s->rules;
    jsonw_karray(w, "gaps");
    for (size_t k = 0; k < st->n_gaps; k++) {
        size_t i = st->gaps[k];
        const struct rules_item *it = &r->items[i];
        jsonw_object(w);
        jsonw_kstring(w, "id", it->id);
        jsonw_kstring(w, "kind", item_kind_name(it->kind));
        report_json_item_label(w, it);
        jsonw_kstring(w, "text", it->text);
        jsonw_kstring(w, "level", r->levels[it->level].id);
        jsonw_kratio(w, "answer", true, s->items[i].answer_num, s->items[i].answer_den, 1);
        jsonw_kexact(w, "impact", true, &s->items[i].impact_exact, 1);
        write_item_target(w, s, i);
        write_gap_suggestions(w, s, i);
        write_notes(w, &s->items[i]);
        if (accept_status_word(s, i))
            jsonw_kstring(w, "accepted", accept_status_word(s, i));
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

static void write_levels(struct jsonw *w, const struct rules *r, const struct score_stage *st)
{
    jsonw_karray(w, "levels");
    for (size_t l = 0; l < r->n_levels; l++) {
        jsonw_object(w);
        jsonw_kstring(w, "id", r->levels[l].id);
        jsonw_kexact(w, "score", st->levels[l].has_score, &st->levels[l].score_exact, 1);
        jsonw_kuint(w, "answered", st->levels[l].answered);
        jsonw_kuint(w, "items", st->levels[l].items);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

static bool is_gap(const struct score_stage *st, size_t item)
{
    for (size_t k = 0; k < st->n_gaps; k++)
        if (st->gaps[k] == item)
            return true;
    return false;
}

/* Per item statistics over the respondents, answered or not. */
static void write_items(struct jsonw *w, const struct score *s, size_t stage)
{
    const struct rules *r = s->rules;
    const struct rules_stage *rs = &r->stages[stage];
    jsonw_karray(w, "items");
    for (size_t i = rs->first_item; i < rs->first_item + rs->n_items; i++) {
        const struct item_tally *t = &s->assessment->items[i];
        const struct score_item *si = &s->items[i];
        jsonw_object(w);
        jsonw_kstring(w, "id", r->items[i].id);
        jsonw_kstring(w, "kind", item_kind_name(r->items[i].kind));
        report_json_item_label(w, &r->items[i]);
        jsonw_kstring(w, "level", r->levels[r->items[i].level].id);
        jsonw_kstring(w, "state", state_name(si->state));
        jsonw_kuint(w, "n", t->n);
        bool shown = t->n > 0 && !si->withheld;
        jsonw_kratio(w, "mean", shown, t->sum, (uint64_t)t->n * EXACT_SCALE, 1);
        jsonw_key(w, "spread");
        if (s->min_group > 0 && t->n >= s->min_group && si->state == SCORED) {
            jsonw_object(w);
            jsonw_kuint(w, "low", t->n_low);
            jsonw_kuint(w, "middle", t->n - t->n_low - t->n_high);
            jsonw_kuint(w, "high", t->n_high);
            jsonw_end(w, '}');
        } else {
            jsonw_null(w);
        }
        jsonw_kbool(w, "withheld", si->withheld);
        jsonw_kbool(w, "disagreement", si->disagreement);
        jsonw_kuint(w, "na", t->n_na);
        jsonw_kuint(w, "unknown", t->n_unknown);
        jsonw_kexact(w, "impact", si->state == SCORED, &si->impact_exact, 1);
        if (!is_gap(&s->stages[stage], i)) /* a gap's notes are in gaps[], once */
            write_notes(w, si);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

static void write_stage(struct jsonw *w, const struct score *s, size_t stage)
{
    const struct rules *r = s->rules;
    const struct score_stage *st = &s->stages[stage];
    jsonw_object(w);
    jsonw_kstring(w, "id", r->stages[stage].id);
    jsonw_kstring(w, "title", r->stages[stage].title);
    jsonw_kexact(w, "score", st->has_score, &st->score_exact, 1);
    jsonw_kstring(w, "band", score_band_id(s, stage));
    jsonw_kratio(w, "coverage", true, (int64_t)st->answered, st->answerable ? st->answerable : 1,
                 3);
    jsonw_kuint(w, "answered", st->answered);
    jsonw_kuint(w, "answerable", st->answerable);
    jsonw_kbool(w, "rests_on_earlier", st->rests_on_earlier);
    jsonw_kbool(w, "not_applicable", st->not_applicable);
    write_levels(w, r, st);
    write_gaps(w, s, st);
    write_ids(w, "unknown", s, st->unknown, st->n_unknown, false);
    write_items(w, s, stage);
    jsonw_karray(w, "notes");
    for (size_t k = 0; k < r->stages[stage].n_notes; k++)
        jsonw_string(w, r->stages[stage].notes[k]);
    jsonw_end(w, ']');
    jsonw_end(w, '}');
}

static void write_suggestions(struct jsonw *w, const struct score *s)
{
    const struct rules *r = s->rules;
    jsonw_karray(w, "suggestions");
    for (size_t k = 0; k < s->n_suggestions; k++) {
        const struct score_suggestion *sg = &s->suggestions[k];
        const struct rules_item *it = &r->items[sg->item];
        jsonw_object(w);
        jsonw_kstring(w, "id", it->id);
        jsonw_kstring(w, "text", it->text);
        jsonw_kstring(w, "stage", r->stages[it->stage].id);
        write_ids(w, "addresses", s, it->addresses, it->n_addresses, false);
        if (sg->priority)
            jsonw_kuint(w, "priority", sg->priority);
        else
            jsonw_kstring(w, "priority", NULL);
        jsonw_kexact(w, "points", true, &sg->points_exact, 1);
        jsonw_kbool(w, "acted_on", s->items[sg->item].acted_on);
        jsonw_kbool(w, "keep_going", score_suggestion_action(s, sg) == SCORE_KEEP_GOING);
        if (accept_status_word(s, sg->item))
            jsonw_kstring(w, "accepted", accept_status_word(s, sg->item));
        jsonw_kstring(w, "not_ranked", score_unranked_id(sg->unranked));
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

/*
 * What to find out before acting: the stages that apply but have too few answers for a
 * score, with how many more answers would give one and their suggestions (none ranked);
 * then the suggestions of scored stages whose own answer is unknown. Rules order.
 */
static void write_find_out(struct jsonw *w, const struct score *s)
{
    const struct rules *r = s->rules;
    size_t *v = xcalloc(s->n_suggestions + 1, sizeof(*v));
    jsonw_kobject(w, "find_out_first");
    jsonw_karray(w, "stages");
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct score_stage *ss = &s->stages[st];
        if (ss->has_score || ss->not_applicable)
            continue;
        jsonw_object(w);
        jsonw_kstring(w, "id", r->stages[st].id);
        jsonw_kuint(w, "answered", ss->answered);
        jsonw_kuint(w, "answerable", ss->answerable);
        jsonw_kuint(w, "more_answers", ss->more_answers);
        size_t n = score_unranked_of(s, SCORE_UNRANKED_STAGE, st, v);
        write_ids(w, "suggestions", s, v, n, true);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
    size_t n = score_unranked_of(s, SCORE_UNRANKED_UNKNOWN, SCORE_ANY_STAGE, v);
    write_ids(w, "suggestions", s, v, n, true);
    jsonw_end(w, '}');
    free(v);
}

static void write_group_stages(struct jsonw *w, const struct rules *r, const struct score_group *g)
{
    jsonw_karray(w, "stages");
    for (size_t st = 0; st < r->n_stages; st++) {
        jsonw_object(w);
        jsonw_kstring(w, "id", r->stages[st].id);
        jsonw_kexact(w, "score", g->has_score[st], &g->scores_exact[st], 1);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

void report_json_breakdown(struct jsonw *w, const struct score_breakdown *b, size_t min_group)
{
    jsonw_kobject(w, "breakdown");
    jsonw_karray(w, "by");
    for (size_t k = 0; k < b->n_by; k++)
        jsonw_string(w, b->by[k]);
    jsonw_end(w, ']');
    jsonw_kuint(w, "min_group", min_group);
    jsonw_kbool(w, "shown", b->state == BREAKDOWN_SHOWN);
    struct strbuf note = STRBUF_INIT;
    report_breakdown_note(&note, b);
    jsonw_kstring(w, "note", note.len ? strbuf_str(&note) : NULL);
    strbuf_release(&note);
    jsonw_end(w, '}');
}

void report_json_group_values(struct jsonw *w, const struct score_breakdown *b,
                              const struct score_group *g)
{
    jsonw_key(w, "values");
    if (g->pooled) {
        jsonw_null(w);
    } else {
        jsonw_object(w);
        for (size_t f = 0; f < b->n_by; f++)
            jsonw_kstring(w, b->by[f], g->values[f]);
        jsonw_end(w, '}');
    }
    jsonw_kbool(w, "other", g->pooled);
}

/* groups[]: only groups shown apart, then the pooled row; values null in the pooled row. */
static void write_groups(struct jsonw *w, const struct score *s)
{
    const struct score_breakdown *b = &s->breakdown;
    jsonw_karray(w, "groups");
    for (size_t k = 0; k < b->n_groups; k++) {
        const struct score_group *g = &b->groups[k];
        jsonw_object(w);
        report_json_group_values(w, b, g);
        jsonw_kuint(w, "respondents", g->respondents);
        write_group_stages(w, s->rules, g);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

/*
 * roles[], as before groups[] came: the roles shown apart when the breakdown is by role
 * alone, and nothing else (no pooled row, no role under the threshold).
 */
static void write_roles(struct jsonw *w, const struct score *s)
{
    const struct score_breakdown *b = &s->breakdown;
    bool by_role = b->n_by == 1 && strcmp(b->by[0], ANSWERS_FIELD_ROLE) == 0;
    jsonw_karray(w, "roles");
    for (size_t k = 0; by_role && k < b->n_groups; k++) {
        const struct score_group *g = &b->groups[k];
        if (g->pooled || !g->values[0])
            continue;
        jsonw_object(w);
        jsonw_kstring(w, "role", g->values[0]);
        jsonw_kuint(w, "respondents", g->respondents);
        write_group_stages(w, s->rules, g);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

/* Comments sorted, without who wrote them. */
static void write_comments(struct jsonw *w, const struct score *s)
{
    size_t n;
    const struct answer_comment **v = report_sorted_comments(s, &n);
    jsonw_karray(w, "comments");
    for (size_t k = 0; k < n; k++) {
        jsonw_object(w);
        jsonw_kstring(w, "about", v[k]->about);
        jsonw_kstring(w, "text", v[k]->text);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
    free(v);
}

void report_render_json(const struct report_ctx *ctx, struct strbuf *out)
{
    const struct score *s = ctx->score;
    struct jsonw w;
    jsonw_init(&w, out);
    jsonw_object(&w);
    write_header(&w, ctx);
    jsonw_karray(&w, "stages");
    for (size_t st = 0; st < s->rules->n_stages; st++)
        write_stage(&w, s, st);
    jsonw_end(&w, ']');
    write_suggestions(&w, s);
    write_find_out(&w, s);
    write_targets(&w, s);
    report_json_breakdown(&w, &s->breakdown, s->min_group);
    write_groups(&w, s);
    write_roles(&w, s);
    write_comments(&w, s);
    if (ctx->plan)
        plan_json_assess(&w, ctx->plan);
    evidence_json_assess(&w, "evidence", s, ctx->evidence, ctx->evidence_view);
    accept_json_assess(&w, s);
    jsonw_end(&w, '}');
}
