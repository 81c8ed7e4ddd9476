/*
 * trend_time.c - time in stage over a trend: for each stage, when it was first assessed
 * in each band, how many assessments and days it has been the focus, and when it first
 * reached the top band. Computed once here; the renderers only read it. Pure.
 */
#include "compare.h"

#include <stdlib.h>

#include "date.h"
#include "score.h"
#include "xalloc.h"

int64_t trend_days_to_next(const struct trend *t, size_t k)
{
    if (k + 1 >= t->n)
        return 0;
    return date_days_between(t->points[k]->assessment->date, t->points[k + 1]->assessment->date);
}

size_t trend_reached_top(const struct trend *t, size_t st)
{
    return t->times[st].first_in_band[0];
}

/* Stage st at every point: first points in each band, and the focus's count and days. */
static void stage_time(struct trend *t, size_t st, size_t n_bands)
{
    struct trend_stage_time *tm = &t->times[st];
    tm->first_in_band = xcalloc(n_bands + 1, sizeof(*tm->first_in_band));
    for (size_t b = 0; b < n_bands; b++)
        tm->first_in_band[b] = TREND_NEVER;
    tm->focus_since = TREND_NEVER;
    for (size_t k = 0; k < t->n; k++) {
        const struct score *s = t->points[k];
        int band = s->stages[st].band;
        if (band != SCORE_NO_BAND && tm->first_in_band[band] == TREND_NEVER)
            tm->first_in_band[band] = k;
        bool focus = s->focus == (int)st;
        if (focus) {
            tm->focus_assessments++;
            tm->focus_days += trend_days_to_next(t, k);
        }
        if (!focus)
            tm->focus_since = TREND_NEVER;
        else if (tm->focus_since == TREND_NEVER)
            tm->focus_since = k;
    }
    const struct score *latest = t->points[t->n - 1];
    tm->focus_now = latest->focus == (int)st;
    tm->top_now = latest->stages[st].band == 0;
}

void trend_time_compute(struct trend *t)
{
    const struct rules *r = t->n ? t->points[0]->rules : NULL;
    size_t n_stages = r ? r->n_stages : 0;
    t->times = xcalloc(n_stages + 1, sizeof(*t->times));
    for (size_t st = 0; st < n_stages; st++)
        stage_time(t, st, r->n_bands);
}
