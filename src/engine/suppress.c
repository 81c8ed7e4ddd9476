#include "suppress.h"

/* Respondents pooled in one report. */
static size_t pooled_in(const size_t *counts, size_t n_groups, const bool *pooled)
{
    size_t n = 0;
    for (size_t g = 0; g < n_groups; g++)
        if (pooled[g])
            n += counts[g];
    return n;
}

/* The first report whose pooled row is neither empty nor large enough, or n_periods. */
static size_t report_too_small(const size_t *counts, size_t n_groups, size_t n_periods,
                               size_t min_group, const bool *pooled)
{
    for (size_t p = 0; p < n_periods; p++) {
        size_t n = pooled_in(counts + p * n_groups, n_groups, pooled);
        if (n > 0 && n < min_group)
            return p;
    }
    return n_periods;
}

/* The shown group with the fewest respondents in one report (first of equals), or n_groups. */
static size_t smallest_shown(const size_t *counts, size_t n_groups, const bool *pooled)
{
    size_t best = n_groups;
    for (size_t g = 0; g < n_groups; g++)
        if (!pooled[g] && (best == n_groups || counts[g] < counts[best]))
            best = g;
    return best;
}

size_t suppress_groups(const size_t *counts, size_t n_groups, size_t n_periods, size_t min_group,
                       bool *pooled)
{
    for (size_t g = 0; g < n_groups; g++)
        pooled[g] = false;
    return suppress_groups_more(counts, n_groups, n_periods, min_group, pooled);
}

size_t suppress_groups_more(const size_t *counts, size_t n_groups, size_t n_periods,
                            size_t min_group, bool *pooled)
{
    size_t shown = n_groups;
    for (size_t g = 0; g < n_groups; g++) {
        for (size_t p = 0; p < n_periods && !pooled[g]; p++)
            pooled[g] = counts[p * n_groups + g] < min_group;
        shown -= pooled[g];
    }
    /* Secondary suppression: each pass pools one more group, so it ends. */
    for (;;) {
        size_t p = report_too_small(counts, n_groups, n_periods, min_group, pooled);
        if (p == n_periods)
            break;
        size_t g = smallest_shown(counts + p * n_groups, n_groups, pooled);
        if (g == n_groups)
            break; /* everything pooled: the report's total is under the threshold */
        pooled[g] = true;
        shown--;
    }
    return shown;
}
