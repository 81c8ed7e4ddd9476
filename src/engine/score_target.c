#include "score_target.h"

#include <string.h>

#include "date.h"
#include "score.h"

const char *score_target_status_id(enum score_target_status status)
{
    switch (status) {
    case TARGET_MET:
        return "met";
    case TARGET_NOT_MET:
        return "not-met";
    case TARGET_OVERDUE:
        return "overdue";
    case TARGET_NO_ANSWER:
        break;
    }
    return "no-answer";
}

const char *score_target_status_text(enum score_target_status status)
{
    switch (status) {
    case TARGET_MET:
        return "met";
    case TARGET_NOT_MET:
        return "not met";
    case TARGET_OVERDUE:
        return "overdue";
    case TARGET_NO_ANSWER:
        break;
    }
    return "no answer";
}

bool score_item_has_target(const struct score *s, size_t item)
{
    const struct rules_item *it = &s->rules->items[item];
    return it->target.set;
}

size_t score_targets_count(const struct score *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->rules->n_items; i++)
        n += score_item_has_target(s, i);
    return n;
}

/*
 * Whether a scored item's mean answer reaches its target and, when it does not, by how
 * much. Both are measured from the scale's minimum over the answer's denominator, so
 * every factor is a natural number: the answer is answer_num / den points with den =
 * n * EXACT_SCALE, and the target target_scaled / EXACT_SCALE = target_scaled * (den /
 * EXACT_SCALE) / den, exactly, since den is a multiple of EXACT_SCALE.
 */
static bool target_reached(const struct rules *r, const struct rules_item *it,
                           const struct score_item *si, struct exact *distance)
{
    uint64_t den = si->answer_den;
    uint64_t answer = (uint64_t)(si->answer_num - (int64_t)den * r->scale_min);
    uint64_t target =
        (uint64_t)(it->target.score_scaled - r->scale_min * EXACT_SCALE) * (den / EXACT_SCALE);
    bool barrier = it->kind == ITEM_BARRIER;
    if (barrier ? answer <= target : answer >= target)
        return true;
    uint64_t far = barrier ? answer : target, near = barrier ? target : answer;
    exact_set_products_diff(distance, far, 1, near, 1, den, 1);
    return false;
}

void score_target_of(const struct score *s, size_t item, struct score_target *out)
{
    const struct rules_item *it = &s->rules->items[item];
    const struct score_item *si = &s->items[item];
    memset(out, 0, sizeof(*out));
    out->status = TARGET_NO_ANSWER;
    if (si->state != SCORED)
        return;
    if (target_reached(s->rules, it, si, &out->distance)) {
        out->status = TARGET_MET;
        return;
    }
    /* Overdue from the day after the target's date: on the day itself there is time. */
    const char *date = s->assessment ? s->assessment->date : NULL;
    bool late = date && date_days_between(it->target.by, date) > 0;
    out->status = late ? TARGET_OVERDUE : TARGET_NOT_MET;
}

void score_target_release(struct score_target *t)
{
    exact_release(&t->distance);
    memset(t, 0, sizeof(*t));
}

void score_distance_to_best(const struct score *s, size_t item, struct exact *out)
{
    const struct score_item *si = &s->items[item];
    uint64_t span = (uint64_t)(s->rules->scale_max - s->rules->scale_min);
    exact_release(out);
    /* (1 - value) * span = (out_of - good) * span / out_of. */
    if (si->state == SCORED)
        exact_set_products(out, si->out_of - si->good, span, si->out_of, 1);
}
