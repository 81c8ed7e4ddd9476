/*
 * report_plan.c - the plan section (plan_review.h) of "assess --plan" as JSON and CSV and
 * of "compare --plan" as text, markdown, JSON and CSV, and the words all five formats
 * share (assess's text, markdown and HTML are built in plan_build.c).
 *
 * Everything here is of the whole assessment: actions, and gaps as the pooled report
 * shows them. Nothing is broken down by group or respondent, so the section adds
 * nothing to suppress (docs/privacy.md).
 */
#include "report_plan_internal.h"
#include "report_build_internal.h"

#include <string.h>

#include "compare.h"
#include "doc.h"
#include "escape.h"
#include "jsonw.h"
#include "plan.h"
#include "plan_review.h"
#include "report.h"
#include "report_compare_internal.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

/* ---- shared words ---- */

void plan_add_tenths(struct strbuf *out, int64_t tenths)
{
    report_add_ratio(out, tenths, 10);
}

void plan_add_change(struct strbuf *out, int64_t tenths)
{
    if (tenths > 0)
        strbuf_addc(out, '+');
    report_add_ratio(out, tenths, 10);
}

static const struct rules_item *action_item(const struct rules *r, const struct plan_action *a)
{
    return &r->items[a->item];
}

/* "; owner: OWNER" when there is one: plain text for the caller to make safe. */
static void add_owner(struct strbuf *out, const struct plan_action *a)
{
    if (a->owner)
        strbuf_addf(out, "; owner: %s", a->owner);
}

/* ---- JSON ---- */

static void json_action(struct jsonw *w, const struct rules *r, const struct plan_action *a)
{
    const struct rules_item *it = action_item(r, a);
    jsonw_kstring(w, "action", it->id);
    jsonw_kstring(w, "text", it->text);
    jsonw_kstring(w, "stage", r->stages[it->stage].id);
    jsonw_kuint(w, "priority", a->priority);
    jsonw_kstring(w, "status", plan_status_name(a->status));
    jsonw_kstring(w, "owner", a->owner);
    jsonw_kstring(w, "due", a->due);
    jsonw_kstring(w, "done", a->done);
    jsonw_kstring(w, "note", a->note);
}

static void json_plan_head(struct jsonw *w, const struct plan *p)
{
    jsonw_kobject(w, "plan");
    jsonw_kstring(w, "file", p->file);
    jsonw_kstring(w, "made_from", p->assessed);
}

static const char *answer_state(const struct score *s, size_t item)
{
    switch (s->items[item].state) {
    case SCORED:
        return "scored";
    case NOT_APPLICABLE:
        return "n/a";
    default:
        return "unknown";
    }
}

static void json_gap_now(struct jsonw *w, const struct score *s, size_t item, bool open)
{
    const struct score_item *it = &s->items[item];
    const struct rules_item *ri = &s->rules->items[item];
    jsonw_kstring(w, "id", ri->id);
    jsonw_kstring(w, "stage", s->rules->stages[ri->stage].id);
    jsonw_kstring(w, "kind", item_kind_name(ri->kind));
    report_json_item_label(w, ri);
    jsonw_kstring(w, "text", ri->text);
    jsonw_kstring(w, "state", answer_state(s, item));
    jsonw_kratio(w, "answer", it->state == SCORED, it->answer_num, it->answer_den, 1);
    jsonw_kexact(w, "impact", it->state == SCORED, &it->impact_exact, 1);
    jsonw_kbool(w, "open", open);
}

void plan_json_assess(struct jsonw *w, const struct plan_review *v)
{
    const struct score *s = v->score;
    json_plan_head(w, v->plan);
    jsonw_karray(w, "overdue");
    for (size_t k = 0; k < v->n_overdue; k++) {
        jsonw_object(w);
        json_action(w, s->rules, v->overdue[k].action);
        jsonw_kint(w, "days_overdue", (long)v->overdue[k].days);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
    jsonw_karray(w, "done");
    for (size_t k = 0; k < v->n_done; k++) {
        const struct plan_done *dn = &v->done[k];
        jsonw_object(w);
        json_action(w, s->rules, dn->action);
        jsonw_kbool(w, "after_assessment", dn->after_assessment);
        jsonw_karray(w, "gaps");
        for (size_t g = 0; g < dn->n_gaps; g++) {
            jsonw_object(w);
            json_gap_now(w, s, dn->gaps[g].item, dn->gaps[g].open);
            jsonw_end(w, '}');
        }
        jsonw_end(w, ']');
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
    jsonw_kstring(w, "focus", s->focus >= 0 ? s->rules->stages[s->focus].id : NULL);
    jsonw_karray(w, "unaddressed");
    for (size_t k = 0; k < v->n_unaddressed; k++) {
        jsonw_object(w);
        json_gap_now(w, s, v->unaddressed[k], true);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
    jsonw_end(w, '}');
}

static void json_movement(struct jsonw *w, const struct compare *c, const struct plan_movement *m)
{
    const struct rules *r = c->before->rules;
    const struct rules_item *ri = &r->items[m->item];
    bool both = m->has_before && m->has_after;
    jsonw_object(w);
    jsonw_kstring(w, "id", ri->id);
    jsonw_kstring(w, "stage", r->stages[ri->stage].id);
    jsonw_kstring(w, "kind", item_kind_name(ri->kind));
    report_json_item_label(w, ri);
    jsonw_kstring(w, "text", ri->text);
    jsonw_kratio(w, "answer_before", m->has_before, m->answer_before, 10, 1);
    jsonw_kratio(w, "answer_after", m->has_after, m->answer_after, 10, 1);
    jsonw_kratio(w, "answer_change", both, m->answer_change, 10, 1);
    jsonw_kratio(w, "points_before", m->has_before, m->points_before, 10, 1);
    jsonw_kratio(w, "points_after", m->has_after, m->points_after, 10, 1);
    jsonw_kratio(w, "points_change", both, m->points_change, 10, 1);
    jsonw_kstring(w, "direction", compare_direction_name(c->items[m->item].direction));
    jsonw_kbool(w, "open_after", m->open_after);
    jsonw_end(w, '}');
}

void plan_json_compare(struct jsonw *w, const struct plan_compare_review *v)
{
    const struct compare *c = v->compare;
    const struct rules *r = c->before->rules;
    json_plan_head(w, v->plan);
    jsonw_kstring(w, "note", PLAN_REVIEW_NOT_CAUSE);
    jsonw_karray(w, "counted");
    for (size_t k = 0; k < v->n_counted; k++) {
        const struct plan_compared *pc = &v->counted[k];
        jsonw_object(w);
        json_action(w, r, pc->action);
        jsonw_karray(w, "gaps");
        for (size_t g = 0; g < pc->n_gaps; g++)
            json_movement(w, c, &pc->gaps[g]);
        jsonw_end(w, ']');
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
    jsonw_karray(w, "unaddressed");
    for (size_t k = 0; k < v->n_unaddressed; k++)
        json_movement(w, c, &v->unaddressed[k]);
    jsonw_end(w, ']');
    jsonw_karray(w, "not_counted");
    for (size_t k = 0; k < v->n_not_counted; k++) {
        jsonw_object(w);
        json_action(w, r, v->not_counted[k].action);
        jsonw_kstring(w, "reason", plan_count_id(v->not_counted[k].count));
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
    jsonw_end(w, '}');
}

/* ---- CSV ---- */

void plan_csv_row(struct strbuf *out, const struct score *s,
                  void (*row_start)(const struct score *, struct strbuf *),
                  const struct plan_csv_row *row)
{
    row_start(s, out);
    const char *const lead[] = {row->stage, row->kind,  row->item,
                                row->text,  row->level, row->state};
    for (size_t k = 0; k < sizeof(lead) / sizeof(lead[0]); k++)
        report_csv_text(out, lead[k]);
    if (row->answer && row->answer->state == SCORED) {
        report_add_ratio(out, row->answer->answer_num, row->answer->answer_den);
        strbuf_adds(out, ",,");
        if (!row->answer_only)
            report_add_exact(out, &row->answer->impact_exact);
        strbuf_addc(out, ',');
    } else {
        strbuf_adds(out, ",,,");
    }
    strbuf_addc(out, ','); /* weight */
    if (row->has_n)
        strbuf_addf(out, "%ld", row->n);
    strbuf_adds(out, ",,,,"); /* n ends; sd, disagreement, acted_on empty */
    report_csv_text(out, row->band);
    if (row->stage_score)
        report_add_exact(out, row->stage_score);
    strbuf_addc(out, ',');
    report_csv_text(out, row->note);
    report_csv_text(out, row->evidence);
    if (!row->about) {
        report_csv_row_end(out, s);
        return;
    }
    escape_csv(out, report_caveat(s));
    strbuf_adds(out, ",,,"); /* priority, points */
    if (*row->about)
        escape_csv(out, row->about);
    strbuf_adds(out, ",,\r\n"); /* label, hedge */
}

static void csv_gap_row(struct strbuf *out, const struct plan_review *v,
                        void (*row_start)(const struct score *, struct strbuf *), const char *kind,
                        size_t item, bool open, const char *action_id)
{
    const struct score *s = v->score;
    const struct rules_item *ri = &s->rules->items[item];
    struct plan_csv_row row = {.stage = s->rules->stages[ri->stage].id,
                               .kind = kind,
                               .item = ri->id,
                               .text = ri->text,
                               .state = plan_gap_word(s, item, open),
                               .note = action_id,
                               .answer = &s->items[item]};
    plan_csv_row(out, v->score, row_start, &row);
}

/* An action's row of kind: its text (from the item) and what follows it in brackets. */
static void csv_action(struct strbuf *out, const struct plan_review *v,
                       void (*row_start)(const struct score *s, struct strbuf *out),
                       const char *kind, const struct plan_action *a, const char *bracket,
                       const char *state, long n)
{
    const struct rules *r = v->score->rules;
    const struct rules_item *it = action_item(r, a);
    struct strbuf text = STRBUF_INIT;
    strbuf_addf(&text, "%s (%s", it->text, bracket);
    add_owner(&text, a);
    strbuf_adds(&text, ")");
    struct plan_csv_row row = {.stage = r->stages[it->stage].id,
                               .kind = kind,
                               .item = it->id,
                               .text = strbuf_str(&text),
                               .state = state,
                               .note = a->note,
                               .has_n = n >= 0,
                               .n = n};
    plan_csv_row(out, v->score, row_start, &row);
    strbuf_release(&text);
}

void plan_csv_assess(struct strbuf *out, const struct plan_review *v,
                     void (*row_start)(const struct score *s, struct strbuf *out))
{
    struct strbuf text = STRBUF_INIT;
    plan_add_source(&text, v->plan);
    struct plan_csv_row head = {.kind = "plan", .text = strbuf_str(&text), .state = "plan"};
    plan_csv_row(out, v->score, row_start, &head);
    for (size_t k = 0; k < v->n_overdue; k++) {
        const struct plan_action *a = v->overdue[k].action;
        strbuf_reset(&text);
        strbuf_addf(&text, "due %s", a->due);
        csv_action(out, v, row_start, "plan-overdue", a, strbuf_str(&text),
                   plan_status_name(a->status), (long)v->overdue[k].days);
    }
    for (size_t k = 0; k < v->n_done; k++) {
        const struct plan_done *dn = &v->done[k];
        strbuf_reset(&text);
        strbuf_addf(&text, "done %s%s", dn->action->done ? dn->action->done : "",
                    dn->after_assessment ? ", after this assessment" : "");
        csv_action(out, v, row_start, "plan-done", dn->action, strbuf_str(&text), "done", -1);
        for (size_t g = 0; g < dn->n_gaps; g++)
            csv_gap_row(out, v, row_start, "plan-done-gap", dn->gaps[g].item, dn->gaps[g].open,
                        action_item(v->score->rules, dn->action)->id);
    }
    for (size_t k = 0; k < v->n_unaddressed; k++)
        csv_gap_row(out, v, row_start, "plan-unaddressed", v->unaddressed[k], true, NULL);
    strbuf_release(&text);
}

/* compare's columns: stage,item,kind,before,after,change,opened,closed,direction,text,... */
static void csv_compare_action(struct strbuf *out, const struct rules *r,
                               const struct plan_compared *pc)
{
    const struct rules_item *it = action_item(r, pc->action);
    struct strbuf text = STRBUF_INIT;
    strbuf_adds(&text, it->text);
    if (pc->action->done)
        strbuf_addf(&text, " (done %s", pc->action->done);
    else
        strbuf_addf(&text, " (%s", plan_status_name(pc->action->status));
    add_owner(&text, pc->action);
    strbuf_adds(&text, ")");
    report_csv_text(out, r->stages[it->stage].id);
    report_csv_text(out, it->id);
    /* before, after, change, opened, closed empty; the direction says whether counted */
    strbuf_addf(out, "plan-action,,,,,,%s,",
                pc->count == PLAN_COUNTED ? "counted" : plan_count_id(pc->count));
    escape_csv(out, strbuf_str(&text));
    strbuf_adds(out, ",,\r\n");
    strbuf_release(&text);
}

/* Two rows per gap: kind K with the answers, kind K-points with the stage points. */
static void csv_movement(struct strbuf *out, const struct compare *c, const char *kind,
                         const struct plan_movement *m)
{
    const struct rules *r = c->before->rules;
    const struct rules_item *ri = &r->items[m->item];
    const char *dir = compare_direction_name(c->items[m->item].direction);
    for (int points = 0; points < 2; points++) {
        report_csv_text(out, r->stages[ri->stage].id);
        report_csv_text(out, ri->id);
        strbuf_addf(out, "%s%s,", kind, points ? "-points" : "");
        plan_add_tenths(out, points ? m->points_before : m->answer_before);
        strbuf_addc(out, ',');
        if (m->has_after)
            plan_add_tenths(out, points ? m->points_after : m->answer_after);
        strbuf_addc(out, ',');
        if (m->has_after)
            plan_add_tenths(out, points ? m->points_change : m->answer_change);
        const struct compare_item *ci = &c->items[m->item];
        strbuf_addf(out, ",%s,%s,%s,", ci->opened ? "true" : "false", ci->closed ? "true" : "false",
                    dir ? dir : "");
        struct strbuf name = STRBUF_INIT;
        report_item_words(&name, ri);
        escape_csv(out, strbuf_str(&name));
        strbuf_release(&name);
        strbuf_adds(out, ",,\r\n");
    }
}

void plan_csv_compare(struct strbuf *out, const struct plan_compare_review *v)
{
    const struct compare *c = v->compare;
    const struct rules *r = c->before->rules;
    struct strbuf text = STRBUF_INIT;
    plan_add_source(&text, v->plan);
    strbuf_adds(&text, " " PLAN_REVIEW_NOT_CAUSE);
    strbuf_adds(out, ",,plan,,,,,,,");
    escape_csv(out, strbuf_str(&text));
    strbuf_adds(out, ",,\r\n");
    strbuf_release(&text);
    for (size_t k = 0; k < v->n_counted; k++) {
        csv_compare_action(out, r, &v->counted[k]);
        for (size_t g = 0; g < v->counted[k].n_gaps; g++)
            csv_movement(out, c, "plan-gap", &v->counted[k].gaps[g]);
    }
    for (size_t k = 0; k < v->n_unaddressed; k++)
        csv_movement(out, c, "plan-unaddressed", &v->unaddressed[k]);
    for (size_t k = 0; k < v->n_not_counted; k++)
        csv_compare_action(out, r, &v->not_counted[k]);
}
