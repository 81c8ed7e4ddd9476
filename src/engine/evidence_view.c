/*
 * evidence_view.c - an evidence file beside an assessment's self-ratings: the rule that
 * puts both on one scale is in evidence_view.h.
 */
#include "evidence_view.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "date.h"
#include "evidence.h"
#include "exact.h"
#include "rules.h"
#include "score.h"
#include "xalloc.h"

const struct evidence_value *evidence_value_as_of(const struct evidence_indicator *ind,
                                                  const char *date)
{
    const struct evidence_value *latest = NULL;
    for (size_t k = 0; k < ind->n_values && strcmp(ind->values[k].date, date) <= 0; k++)
        latest = &ind->values[k];
    return latest;
}

/* Where v lies on its indicator's scale, as *num / *den: from 0 (the worse end) to 1
   (the better); a percentage beyond the ends it is read between counts as at the end. */
static void share_of_scale(const struct evidence_indicator *ind, const struct evidence_value *v,
                           uint64_t *num, uint64_t *den)
{
    int64_t x = v->value < ind->min ? ind->min : v->value > ind->max ? ind->max : v->value;
    *den = (uint64_t)(ind->max - ind->min);
    *num = (uint64_t)(ind->higher_better ? x - ind->min : ind->max - x);
}

/* The rating's share (good / out_of) against the evidence's (num / den) and the margin,
   exactly: ahead when it is more than a fifth above, behind when more than a fifth
   below. */
static enum evidence_verdict verdict(const struct score_item *si, uint64_t num, uint64_t den)
{
    struct exact rating = {0};
    exact_set(&rating, si->good, si->out_of);
    uint64_t fifths = 5 / EVIDENCE_MARGIN_FIFTHS; /* the margin is den / fifths */
    enum evidence_verdict v = EVIDENCE_IN_LINE;
    if (exact_cmp_ratio(&rating, fifths * num + den, fifths * den) > 0)
        v = EVIDENCE_RATING_AHEAD;
    else if (fifths * num > den && exact_cmp_ratio(&rating, fifths * num - den, fifths * den) < 0)
        v = EVIDENCE_RATING_BEHIND;
    exact_release(&rating);
    return v;
}

static void compare(struct evidence_pair *p, const struct rules *r, const struct score_item *si,
                    const struct evidence_indicator *ind)
{
    const struct rules_item *it = &r->items[p->item];
    double lo = (double)r->scale_min, range = (double)(r->scale_max - r->scale_min);
    uint64_t num, den;
    share_of_scale(ind, p->value, &num, &den);
    double f = (double)num / (double)den;
    p->on_scale = it->kind == ITEM_BARRIER ? lo + (1 - f) * range : lo + f * range;
    p->has_rating = si->state == SCORED && !si->withheld;
    if (!p->has_rating)
        return;
    p->rating = si->answer;
    p->gap = (si->value - f) * range; /* shares of the scale, in the better direction */
    p->verdict = verdict(si, num, den);
}

void evidence_view_compute(struct evidence_view *v, const struct score *s, const struct evidence *e)
{
    const struct rules *r = s->rules;
    const char *date = s->assessment->date;
    memset(v, 0, sizeof(*v));
    size_t room = 0;
    for (size_t k = 0; k < e->n_indicators; k++)
        room += e->indicators[k].n_items;
    v->pairs = xcalloc(room + 1, sizeof(*v->pairs));
    v->evidenced = xcalloc(r->n_stages + 1, sizeof(*v->evidenced));
    v->questions = xcalloc(r->n_stages + 1, sizeof(*v->questions));
    for (size_t i = 0; i < r->n_items; i++) {
        if (!r->items[i].question)
            continue;
        v->questions[r->items[i].stage]++;
        bool evidenced = false;
        for (size_t k = 0; k < e->n_indicators; k++) {
            const struct evidence_indicator *ind = &e->indicators[k];
            size_t j = 0;
            while (j < ind->n_items && ind->items[j] != i)
                j++;
            if (j == ind->n_items)
                continue;
            struct evidence_pair *p = &v->pairs[v->n_pairs++];
            p->item = i;
            p->indicator = k;
            p->value = evidence_value_as_of(ind, date);
            if (!p->value)
                continue;
            evidenced = true;
            p->stale = date_days_between(p->value->date, date) > EVIDENCE_STALE_DAYS;
            compare(p, r, &s->items[i], ind);
            v->ahead += p->verdict == EVIDENCE_RATING_AHEAD;
            v->behind += p->verdict == EVIDENCE_RATING_BEHIND;
        }
        v->evidenced[r->items[i].stage] += evidenced;
    }
}

void evidence_view_release(struct evidence_view *v)
{
    free(v->pairs);
    free(v->evidenced);
    free(v->questions);
    memset(v, 0, sizeof(*v));
}

const char *evidence_verdict_name(enum evidence_verdict v)
{
    static const char *const names[] = {"not compared", "in line", "rating ahead", "rating behind"};
    return names[v];
}

void evidence_moves_compute(struct evidence_moved *out, const struct evidence *e,
                            const char *before, const char *after)
{
    for (size_t k = 0; k < e->n_indicators; k++) {
        const struct evidence_indicator *ind = &e->indicators[k];
        struct evidence_moved *m = &out[k];
        m->before = evidence_value_as_of(ind, before);
        m->after = evidence_value_as_of(ind, after);
        if (!m->after)
            m->move = EVIDENCE_NO_VALUE;
        else if (!m->before)
            m->move = EVIDENCE_FIRST_VALUE;
        else if (m->before == m->after)
            m->move = EVIDENCE_NO_NEW_VALUE;
        else if (m->after->value == m->before->value)
            m->move = EVIDENCE_UNCHANGED;
        else
            m->move = (m->after->value > m->before->value) == ind->higher_better ? EVIDENCE_BETTER
                                                                                 : EVIDENCE_WORSE;
    }
}

const char *evidence_move_name(enum evidence_move m)
{
    static const char *const names[] = {"no value", "first value", "no new value",
                                        "better",   "worse",       "unchanged"};
    return names[m];
}
