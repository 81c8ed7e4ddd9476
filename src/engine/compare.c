#include "compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "exact.h"
#include "score.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

bool compare_item_open(const struct score *s, size_t item)
{
    return score_item_open(s, item);
}

/* A stage score in tenths, as reports show it: rounded half away from zero, exactly. */
static int64_t tenths(const struct exact *q)
{
    return (int64_t)exact_round(q, 1);
}

int64_t compare_answer_tenths(const struct score_item *it)
{
    struct exact q = {0};
    int64_t num = it->answer_num;
    exact_set(&q, num < 0 ? (uint64_t)0 - (uint64_t)num : (uint64_t)num, it->answer_den);
    int64_t t = tenths(&q);
    exact_release(&q);
    return num < 0 ? -t : t;
}

static double shown_answer(const struct score_item *it)
{
    return (double)compare_answer_tenths(it) / 10.0;
}

/* Better or worse, judged on the answers as shown (one decimal, rounded exactly). */
static enum compare_direction direction(const struct compare_item *ci, enum item_kind kind)
{
    if (!ci->has_before || !ci->has_after)
        return COMPARE_NOT_COMPARABLE;
    double b = ci->before, a = ci->after;
    if (a == b)
        return COMPARE_UNCHANGED;
    return (a > b) != (kind == ITEM_BARRIER) ? COMPARE_BETTER : COMPARE_WORSE;
}

const char *compare_direction_name(enum compare_direction d)
{
    switch (d) {
    case COMPARE_UNCHANGED:
        return "unchanged";
    case COMPARE_BETTER:
        return "better";
    case COMPARE_WORSE:
        return "worse";
    case COMPARE_NOT_COMPARABLE:
        break;
    }
    return NULL;
}

void compare_stage_set(struct compare_stage *cs, bool has_before, const struct exact *before,
                       bool has_after, const struct exact *after)
{
    memset(cs, 0, sizeof(*cs));
    cs->has_before = has_before;
    cs->has_after = has_after;
    int64_t b = tenths(before), a = tenths(after);
    cs->before = (double)b / 10.0;
    cs->after = (double)a / 10.0;
    if (has_before && has_after) {
        cs->delta = (double)(a - b) / 10.0;
        cs->regressed = a < b;
        cs->rose = a > b;
    }
}

void compare_apply_tolerance(struct compare *c, int64_t tolerance_scaled)
{
    const struct rules *r = c->before->rules;
    c->tolerance = tolerance_scaled;
    c->regression = false;
    for (size_t st = 0; st < r->n_stages; st++) {
        struct compare_stage *cs = &c->stages[st];
        cs->regressed = cs->within_tolerance = false;
        if (cs->has_before && cs->has_after) {
            /* The fall in tenths as shown, against the tolerance in thousandths. */
            int64_t fall = llround(cs->before * 10.0) - llround(cs->after * 10.0);
            cs->regressed = fall > 0 && fall * (EXACT_SCALE / 10) > tolerance_scaled;
            cs->within_tolerance = fall > 0 && !cs->regressed;
        }
        c->regression = c->regression || cs->regressed || cs->lost;
    }
}

/* "Sustain fell 6.7 points, from 66.7 to 60.0" */
static void add_fall(struct strbuf *out, const char *title, const struct compare_stage *cs)
{
    strbuf_addf(out, "%s fell %.1f point%s, from %.1f to %.1f", title, cs->before - cs->after,
                llround((cs->before - cs->after) * 10.0) == 10 ? "" : "s", cs->before, cs->after);
}

void compare_regression_sentence(struct strbuf *out, const struct compare *c)
{
    const struct rules *r = c->before->rules;
    const char *sep = c->regression ? "Regression: " : "No regression: ";
    size_t listed = 0;
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct compare_stage *cs = &c->stages[st];
        if (!cs->regressed && !cs->lost)
            continue;
        strbuf_adds(out, sep);
        if (cs->lost)
            strbuf_addf(out, "%s lost its score: %.1f before, too few answers to score now",
                        r->stages[st].title, cs->before);
        else
            add_fall(out, r->stages[st].title, cs);
        sep = "; ";
        listed++;
    }
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct compare_stage *cs = &c->stages[st];
        if (!cs->within_tolerance)
            continue;
        strbuf_adds(out, sep);
        add_fall(out, r->stages[st].title, cs);
        strbuf_addf(out, ", within the tolerance of %g", (double)c->tolerance / EXACT_SCALE);
        sep = "; ";
        listed++;
    }
    strbuf_adds(out, listed ? "." : "No stage fell.");
}

/*
 * Each breakdown row's stages before and after. score_align_breakdowns gave both the
 * same rows in the same order, so row g of one is row g of the other.
 */
static void compare_groups(struct compare *c, const struct rules *r)
{
    const struct score_breakdown *bb = &c->before->breakdown, *ab = &c->after->breakdown;
    if (bb->state != BREAKDOWN_SHOWN || ab->state != BREAKDOWN_SHOWN ||
        bb->n_groups != ab->n_groups)
        return;
    c->n_groups = bb->n_groups;
    c->groups = xcalloc(c->n_groups * r->n_stages + 1, sizeof(*c->groups));
    for (size_t g = 0; g < c->n_groups; g++) {
        const struct score_group *x = &bb->groups[g], *y = &ab->groups[g];
        for (size_t st = 0; st < r->n_stages; st++)
            compare_stage_set(&c->groups[g * r->n_stages + st], x->has_score[st],
                              &x->scores_exact[st], y->has_score[st], &y->scores_exact[st]);
    }
}

const struct compare_stage *compare_group_stage(const struct compare *c, size_t g, size_t st)
{
    return &c->groups[g * c->before->rules->n_stages + st];
}

void compare_compute(struct compare *c, const struct score *before, const struct score *after)
{
    const struct rules *r = before->rules;
    memset(c, 0, sizeof(*c));
    c->before = before;
    c->after = after;
    c->stages = xcalloc(r->n_stages, sizeof(*c->stages));
    c->items = xcalloc(r->n_items + 1, sizeof(*c->items));
    for (size_t st = 0; st < r->n_stages; st++) {
        struct compare_stage *cs = &c->stages[st];
        compare_stage_set(cs, before->stages[st].has_score, &before->stages[st].score_exact,
                          after->stages[st].has_score, &after->stages[st].score_exact);
        cs->lost = cs->has_before && !cs->has_after && !after->stages[st].not_applicable;
    }
    compare_apply_tolerance(c, 0);
    compare_groups(c, r);
    for (size_t i = 0; i < r->n_items; i++) {
        struct compare_item *ci = &c->items[i];
        ci->has_before = before->items[i].state == SCORED;
        ci->has_after = after->items[i].state == SCORED;
        ci->before = ci->has_before ? shown_answer(&before->items[i]) : 0.0;
        ci->after = ci->has_after ? shown_answer(&after->items[i]) : 0.0;
        ci->change_tenths =
            ci->has_before && ci->has_after
                ? compare_answer_tenths(&after->items[i]) - compare_answer_tenths(&before->items[i])
                : 0;
        ci->direction = direction(ci, r->items[i].kind);
        ci->moved = ci->has_before != ci->has_after || ci->direction == COMPARE_BETTER ||
                    ci->direction == COMPARE_WORSE;
        bool was_open = compare_item_open(before, i), is_open = compare_item_open(after, i);
        /* An accepted gap is known and left for now: not news in a comparison. */
        ci->opened_accepted = !was_open && is_open && score_item_accepted(after, i);
        ci->opened = !was_open && is_open && !ci->opened_accepted;
        c->n_opened_accepted += ci->opened_accepted;
        ci->closed = was_open && !is_open && ci->has_after;
        c->n_opened += ci->opened;
        c->n_closed += ci->closed;
    }
}

void compare_release(struct compare *c)
{
    free(c->stages);
    free(c->items);
    free(c->groups);
    memset(c, 0, sizeof(*c));
}

/* "organisation 'X' differs from 'Y' in 'FILE'; WHY", located at X's organisation. */
static void warn_organisation(const struct assessment *now, const struct assessment *then,
                              const char *why, struct diags *d)
{
    struct strbuf msg = STRBUF_INIT;
    strbuf_adds(&msg, "organisation ");
    text_add_quoted(&msg, now->organisation, 60);
    strbuf_adds(&msg, " differs from ");
    text_add_quoted(&msg, then->organisation, 60);
    strbuf_adds(&msg, " in ");
    text_add_quoted_path(&msg, then->organisation_at.file);
    strbuf_addf(&msg, "; %s", why);
    diag_add(d, DIAG_WARNING, now->organisation_at.file, now->organisation_at.line,
             now->organisation_at.column, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
}

void compare_warn(const struct compare *c, struct diags *d)
{
    const struct assessment *b = c->before->assessment, *a = c->after->assessment;
    if (strcmp(b->date, a->date) > 0) {
        struct strbuf msg = STRBUF_INIT;
        strbuf_addf(&msg, "BEFORE is dated %s, after AFTER's %s in ", b->date, a->date);
        text_add_quoted_path(&msg, a->date_at.file);
        strbuf_adds(&msg, "; the changes shown run backwards in time: give the earlier "
                          "assessment first");
        diag_add(d, DIAG_WARNING, b->date_at.file, b->date_at.line, b->date_at.column, "%s",
                 strbuf_str(&msg));
        strbuf_release(&msg);
    }
    if (strcmp(b->organisation, a->organisation) != 0)
        warn_organisation(a, b, "this compares two organisations, not one over time", d);
}

void trend_warn(const struct trend *t, struct diags *d)
{
    for (size_t k = 1; k < t->n; k++) {
        const struct assessment *then = t->points[k - 1]->assessment;
        const struct assessment *now = t->points[k]->assessment;
        if (strcmp(then->organisation, now->organisation) != 0) {
            warn_organisation(now, then, "the trend mixes organisations", d);
        } else if (strcmp(then->date, now->date) == 0) {
            struct strbuf msg = STRBUF_INIT;
            strbuf_addf(&msg, "dated %s, the same day as ", now->date);
            text_add_quoted_path(&msg, then->date_at.file);
            strbuf_adds(&msg, "; which came first cannot be told, so they keep the order "
                              "given");
            diag_add(d, DIAG_WARNING, now->date_at.file, now->date_at.line, now->date_at.column,
                     "%s", strbuf_str(&msg));
            strbuf_release(&msg);
        }
    }
}

static int compare_points(const void *pa, const void *pb)
{
    const struct score *a = *(const struct score *const *)pa;
    const struct score *b = *(const struct score *const *)pb;
    int d = strcmp(a->assessment->date, b->assessment->date);
    if (d)
        return d;
    return strcmp(a->assessment->organisation, b->assessment->organisation);
}

void trend_compute(struct trend *t, const struct score *const *scores, size_t n)
{
    memset(t, 0, sizeof(*t));
    t->n = n;
    t->points = xcalloc(n + 1, sizeof(*t->points));
    memcpy(t->points, scores, n * sizeof(*scores));
    /* Insertion sort is stable, so equal dates keep the order given; trends are short. */
    for (size_t i = 1; i < n; i++) {
        const struct score *p = t->points[i];
        size_t j = i;
        while (j > 0 && compare_points(&t->points[j - 1], &p) > 0) {
            t->points[j] = t->points[j - 1];
            j--;
        }
        t->points[j] = p;
    }
    trend_time_compute(t);
}

void trend_release(struct trend *t)
{
    const struct rules *r = t->n ? t->points[0]->rules : NULL;
    for (size_t st = 0; t->times && r && st < r->n_stages; st++)
        free(t->times[st].first_in_band);
    free(t->times);
    t->times = NULL;
    free(t->points);
    t->points = NULL;
    t->n = 0;
}
