#include "plan_review.h"

#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "date.h"
#include "exact.h"
#include "plan.h"
#include "score.h"
#include "xalloc.h"

/* ---- shared ---- */

/*
 * The gaps an action addresses: those its suggestion links to (score_addresses), and
 * the suggestion's own item, whose answer says how far the action has been taken.
 */
static bool action_addresses(const struct rules *r, size_t action, size_t item)
{
    return item == action || score_addresses(r, action, item);
}

/* True when an action of p that is not dropped addresses item. */
static bool addressed_by_plan(const struct plan *p, const struct rules *r, size_t item)
{
    for (size_t k = 0; k < p->n_actions; k++)
        if (p->actions[k].status != PLAN_DROPPED && action_addresses(r, p->actions[k].item, item))
            return true;
    return false;
}

/* ---- against one assessment ---- */

/*
 * The gaps a done action was meant to close (those the plan lists: the open gaps it
 * addressed when planned), as they stand in s.
 */
static void done_gaps(struct plan_done *dn, const struct score *s)
{
    const struct plan_action *a = dn->action;
    dn->gaps = xcalloc(a->n_gaps + 1, sizeof(*dn->gaps));
    for (size_t k = 0; k < a->n_gaps; k++) {
        dn->gaps[k].item = a->gaps[k].item;
        dn->gaps[k].open = compare_item_open(s, a->gaps[k].item);
    }
    dn->n_gaps = a->n_gaps;
}

static void focus_unaddressed(struct plan_review *v, const struct plan *p, const struct score *s)
{
    if (s->focus < 0)
        return;
    const struct score_stage *st = &s->stages[s->focus];
    v->unaddressed = xcalloc(st->n_gaps + 1, sizeof(*v->unaddressed));
    for (size_t k = 0; k < st->n_gaps; k++) {
        size_t item = st->gaps[k];
        if (compare_item_open(s, item) && !addressed_by_plan(p, s->rules, item))
            v->unaddressed[v->n_unaddressed++] = item;
    }
}

void plan_review_assess(struct plan_review *v, const struct plan *p, const struct score *s)
{
    const char *date = s->assessment->date;
    memset(v, 0, sizeof(*v));
    v->plan = p;
    v->score = s;
    v->overdue = xcalloc(p->n_actions + 1, sizeof(*v->overdue));
    v->done = xcalloc(p->n_actions + 1, sizeof(*v->done));
    for (size_t k = 0; k < p->n_actions; k++) {
        const struct plan_action *a = &p->actions[k];
        /* Dates are YYYY-MM-DD, so they sort as strings. */
        if (plan_action_open(a) && a->due && strcmp(a->due, date) < 0) {
            struct plan_overdue *o = &v->overdue[v->n_overdue++];
            o->action = a;
            o->days = date_days_between(a->due, date);
        } else if (a->status == PLAN_DONE) {
            struct plan_done *dn = &v->done[v->n_done++];
            dn->action = a;
            dn->after_assessment = a->done && strcmp(a->done, date) > 0;
            done_gaps(dn, s);
        }
    }
    focus_unaddressed(v, p, s);
}

void plan_review_release(struct plan_review *v)
{
    for (size_t k = 0; k < v->n_done; k++)
        free(v->done[k].gaps);
    free(v->done);
    free(v->overdue);
    free(v->unaddressed);
    memset(v, 0, sizeof(*v));
}

/* ---- against two ---- */

static int64_t points_tenths(const struct score_item *it)
{
    return (int64_t)exact_round(&it->impact_exact, 1);
}

static void movement(struct plan_movement *m, const struct compare *c, size_t item)
{
    const struct score_item *b = &c->before->items[item], *a = &c->after->items[item];
    memset(m, 0, sizeof(*m));
    m->item = item;
    m->has_before = b->state == SCORED;
    m->has_after = a->state == SCORED;
    if (m->has_before) {
        m->answer_before = compare_answer_tenths(b);
        m->points_before = points_tenths(b);
    }
    if (m->has_after) {
        m->answer_after = compare_answer_tenths(a);
        m->points_after = points_tenths(a);
    }
    if (m->has_before && m->has_after) {
        m->answer_change = m->answer_after - m->answer_before;
        m->points_change = m->points_after - m->points_before;
    }
    m->open_after = compare_item_open(c->after, item);
}

static enum plan_count count_of(const struct plan_action *a, const char *before, const char *after)
{
    switch (a->status) {
    case PLAN_DROPPED:
        return PLAN_WAS_DROPPED;
    case PLAN_DONE:
        break;
    default:
        return PLAN_NOT_DONE;
    }
    if (!a->done || strcmp(a->done, before) <= 0)
        return PLAN_DONE_BEFORE;
    return strcmp(a->done, after) > 0 ? PLAN_DONE_AFTER : PLAN_COUNTED;
}

/* The gaps open in BEFORE that a counted action addresses, with how they moved. */
static void counted_gaps(struct plan_compared *pc, const struct compare *c)
{
    const struct rules *r = c->before->rules;
    const struct rules_item *sg = &r->items[pc->action->item];
    pc->gaps = xcalloc(sg->n_addresses + 2, sizeof(*pc->gaps));
    for (size_t i = 0; i < r->n_items; i++)
        if (compare_item_open(c->before, i) && action_addresses(r, pc->action->item, i))
            movement(&pc->gaps[pc->n_gaps++], c, i);
}

static bool addressed_by_counted(const struct plan_compare_review *v, const struct rules *r,
                                 size_t item)
{
    for (size_t k = 0; k < v->n_counted; k++)
        if (action_addresses(r, v->counted[k].action->item, item))
            return true;
    return false;
}

void plan_review_compare(struct plan_compare_review *v, const struct plan *p,
                         const struct compare *c)
{
    const struct rules *r = c->before->rules;
    const char *before = c->before->assessment->date, *after = c->after->assessment->date;
    memset(v, 0, sizeof(*v));
    v->plan = p;
    v->compare = c;
    v->counted = xcalloc(p->n_actions + 1, sizeof(*v->counted));
    v->not_counted = xcalloc(p->n_actions + 1, sizeof(*v->not_counted));
    for (size_t k = 0; k < p->n_actions; k++) {
        const struct plan_action *a = &p->actions[k];
        enum plan_count n = count_of(a, before, after);
        struct plan_compared *pc =
            n == PLAN_COUNTED ? &v->counted[v->n_counted++] : &v->not_counted[v->n_not_counted++];
        pc->action = a;
        pc->count = n;
        if (n == PLAN_COUNTED)
            counted_gaps(pc, c);
    }
    v->unaddressed = xcalloc(r->n_items + 1, sizeof(*v->unaddressed));
    for (size_t i = 0; i < r->n_items; i++)
        if (compare_item_open(c->before, i) && !addressed_by_counted(v, r, i))
            movement(&v->unaddressed[v->n_unaddressed++], c, i);
}

void plan_compare_review_release(struct plan_compare_review *v)
{
    for (size_t k = 0; k < v->n_counted; k++)
        free(v->counted[k].gaps);
    free(v->counted);
    free(v->not_counted);
    free(v->unaddressed);
    memset(v, 0, sizeof(*v));
}

const char *plan_count_reason(enum plan_count c)
{
    switch (c) {
    case PLAN_NOT_DONE:
        return "not done";
    case PLAN_WAS_DROPPED:
        return "dropped";
    case PLAN_DONE_BEFORE:
        return "done on or before the earlier assessment";
    case PLAN_DONE_AFTER:
        return "done after the later assessment";
    case PLAN_COUNTED:
        break;
    }
    return "counted";
}

const char *plan_count_id(enum plan_count c)
{
    switch (c) {
    case PLAN_NOT_DONE:
        return "not-done";
    case PLAN_WAS_DROPPED:
        return "dropped";
    case PLAN_DONE_BEFORE:
        return "done-before";
    case PLAN_DONE_AFTER:
        return "done-after";
    case PLAN_COUNTED:
        break;
    }
    return NULL;
}
