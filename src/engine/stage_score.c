#include "stage_score.h"

#include <math.h>
#include <stdlib.h>

#include "xalloc.h"

/*
 * Respondents disagree when the spread of their answers is at least a quarter of the
 * scale: variance >= span^2 / 16.
 */
enum { DISAGREEMENT_VARIANCE_DIVISOR = 16 };

void stage_score_item_release(struct score_item *it)
{
    exact_release(&it->impact_exact);
}

/*
 * The spread of a tally's answers: the sample deviation rounded half away from zero
 * to tenths, and whether it reaches a quarter of the span. The variance in points^2 is
 * (n * sumsq - sum^2) / (n (n - 1) EXACT_SCALE^2), compared exactly.
 */
static void item_spread(const struct rules *r, const struct item_tally *t, struct score_item *out)
{
    if (t->n < 2)
        return;
    uint64_t n = t->n, span = (uint64_t)(r->scale_max - r->scale_min);
    uint64_t sum = t->sum < 0 ? (uint64_t)0 - (uint64_t)t->sum : (uint64_t)t->sum;
    struct exact var = {0};
    exact_set_products_diff(&var, n, t->sumsq, sum, sum, n * (n - 1),
                            (uint64_t)EXACT_SCALE * EXACT_SCALE);
    out->disagreement = exact_cmp_ratio(&var, span * span, DISAGREEMENT_VARIANCE_DIVISOR) >= 0;
    /* The largest k with (k - 1/2)^2 <= 100 var, i.e. (2k - 1)^2 / 400 <= var. */
    uint64_t k = (uint64_t)floor(10.0 * sqrt(exact_to_double(&var)) + 0.5);
    while (k > 0 && exact_cmp_ratio(&var, (2 * k - 1) * (2 * k - 1), 400) < 0)
        k--;
    while (exact_cmp_ratio(&var, (2 * k + 1) * (2 * k + 1), 400) >= 0)
        k++;
    out->sd_tenths = k;
    out->sd = (double)k / 10.0;
    exact_release(&var);
}

/* value < fraction_scaled / EXACT_SCALE, i.e. good * EXACT_SCALE < fraction_scaled * out_of. */
static bool score_value_below_fraction(const struct score_item *it, int64_t fraction_scaled)
{
    struct exact v = {0};
    exact_set(&v, it->good, it->out_of);
    bool below = exact_cmp_ratio(&v, (uint64_t)fraction_scaled, EXACT_SCALE) < 0;
    exact_release(&v);
    return below;
}

void stage_score_item(const struct rules *r, size_t i, const struct item_tally *t,
                      size_t min_answers, struct score_item *out)
{
    const struct rules_item *it = &r->items[i];
    out->state = CONTEXT;
    if (!it->question)
        return;
    if (t->n > 0 && t->n < min_answers) {
        out->state = UNKNOWN;
        out->withheld = true;
        return;
    }
    switch (item_tally_state(t)) {
    case ANSWER_SCORE: {
        /* value = (mean - min) / span = (sum - n min) / (n span), all times EXACT_SCALE. */
        uint64_t n = t->n;
        uint64_t span = (uint64_t)(r->scale_max - r->scale_min) * EXACT_SCALE;
        uint64_t above_min = (uint64_t)(t->sum - (int64_t)n * r->scale_min * EXACT_SCALE);
        out->state = SCORED;
        out->answer_num = t->sum;
        out->answer_den = n * EXACT_SCALE;
        out->answer = (double)t->sum / (double)out->answer_den;
        out->out_of = n * span;
        out->good = it->kind == ITEM_BARRIER ? out->out_of - above_min : above_min;
        out->value = (double)out->good / (double)out->out_of;
        item_spread(r, t, out);
        out->acted_on =
            it->kind == ITEM_SUGGESTION && !score_value_below_fraction(out, r->acted_on_scaled);
        break;
    }
    case ANSWER_NA:
        out->state = NOT_APPLICABLE;
        break;
    default:
        out->state = UNKNOWN;
        break;
    }
}

struct score_cell stage_score_cell(const struct rules *r, const struct score_item *items,
                                   size_t stage, long level, uint64_t *weight_out)
{
    struct score_cell cell = {0};
    const struct rules_stage *st = &r->stages[stage];
    uint64_t weight = 0;
    struct exact term = {0};
    for (size_t i = st->first_item; i < st->first_item + st->n_items; i++) {
        if (level >= 0 && r->items[i].level != (size_t)level)
            continue;
        if (items[i].state == SCORED) {
            uint64_t w = (uint64_t)r->items[i].weight_scaled;
            weight += w;
            exact_set_products(&term, w, items[i].good, items[i].out_of, 1);
            exact_add(&cell.score_exact, &term);
            cell.answered++;
        }
        if (items[i].state == SCORED || items[i].state == UNKNOWN)
            cell.items++;
    }
    exact_release(&term);
    cell.has_score = cell.answered > 0;
    if (weight > 0)
        exact_scale(&cell.score_exact, 100, weight);
    cell.score = exact_to_double(&cell.score_exact);
    if (weight_out)
        *weight_out = weight;
    return cell;
}

static int band_of(const struct rules *r, const struct exact *score)
{
    for (size_t b = 0; b < r->n_bands; b++)
        if (exact_cmp_ratio(score, (uint64_t)r->bands[b].min_scaled, EXACT_SCALE) >= 0)
            return (int)b;
    return (int)r->n_bands - 1;
}

void stage_score_totals(const struct rules *r, const struct score_item *items, size_t stage,
                        struct score_stage *out, uint64_t *weight)
{
    struct score_cell all = stage_score_cell(r, items, stage, -1, weight);
    out->answerable = all.items;
    out->answered = all.answered;
    out->coverage = all.items ? (double)all.answered / (double)all.items : 0.0;
    /* answered / answerable >= min-coverage, cross-multiplied. */
    out->has_score = all.has_score && (uint64_t)all.answered * EXACT_SCALE >=
                                          (uint64_t)r->min_coverage_scaled * all.items;
    out->score = out->has_score ? all.score : 0.0;
    if (out->has_score)
        out->score_exact = all.score_exact;
    else
        exact_release(&all.score_exact);
    out->band = out->has_score ? band_of(r, &out->score_exact) : SCORE_NO_BAND;
}

void stage_scores_of_tallies(const struct rules *r, const struct item_tally *items,
                             size_t min_answers, bool *has_score, double *score,
                             struct exact *score_exact)
{
    struct score_item *scored = xcalloc(r->n_items + 1, sizeof(*scored));
    for (size_t i = 0; i < r->n_items; i++)
        stage_score_item(r, i, &items[i], min_answers, &scored[i]);
    for (size_t st = 0; st < r->n_stages; st++) {
        struct score_stage totals = {0};
        stage_score_totals(r, scored, st, &totals, NULL);
        has_score[st] = totals.has_score;
        score[st] = totals.score;
        score_exact[st] = totals.score_exact;
    }
    for (size_t i = 0; i < r->n_items; i++)
        stage_score_item_release(&scored[i]);
    free(scored);
}
