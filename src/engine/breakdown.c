#include "breakdown.h"

#include <stdlib.h>
#include <string.h>

#include "partition.h"
#include "stage_score.h"
#include "suppress.h"
#include "text.h"
#include "xalloc.h"

void breakdown_release(struct score_breakdown *b, size_t n_stages)
{
    for (size_t g = 0; g < b->n_groups; g++) {
        struct score_group *row = &b->groups[g];
        for (size_t st = 0; row->scores_exact && st < n_stages; st++)
            exact_release(&row->scores_exact[st]);
        free(row->has_score);
        free(row->scores);
        free(row->scores_exact);
    }
    free(b->groups);
    free(b->row_of_group);
    memset(b, 0, sizeof(*b));
}

void breakdown_withhold(struct score_breakdown *b, size_t n_stages, enum breakdown_state state)
{
    struct score_breakdown kept = *b;
    kept.groups = NULL;
    kept.n_groups = 0;
    kept.row_of_group = NULL;
    breakdown_release(b, n_stages);
    *b = kept;
    b->state = state;
}

/* One group, as each of the assessments read side by side has it. */
struct cell {
    const char *const *values;          /* the first tally's */
    const struct group_tally **tallies; /* per assessment; NULL where it has none */
};

static size_t sort_n_by;

/* Values in byte order, a group that gave none last. */
static int compare_cells(const void *pa, const void *pb)
{
    const struct cell *a = pa, *b = pb;
    for (size_t k = 0; k < sort_n_by; k++) {
        const char *x = a->values[k], *y = b->values[k];
        int c = x && y ? text_group_cmp(x, y) : (x != NULL) - (y != NULL);
        if (c)
            return x && y ? c : -c;
    }
    return 0;
}

static bool same_values(const char *const *x, const char *const *y, size_t n_by)
{
    for (size_t k = 0; k < n_by; k++)
        if (x[k] != y[k] && (!x[k] || !y[k] || text_group_cmp(x[k], y[k]) != 0))
            return false;
    return true;
}

/* Every group of the n assessments, once each, sorted; *n_cells set. */
static struct cell *collect_cells(const struct breakdown_side *sides, size_t n, size_t *n_cells)
{
    size_t cap = 0, count = 0;
    for (size_t p = 0; p < n; p++)
        cap += sides[p].assessment->n_groups;
    struct cell *cells = xcalloc(cap + 1, sizeof(*cells));
    size_t n_by = sides[0].assessment->n_by;
    for (size_t p = 0; p < n; p++) {
        const struct assessment *a = sides[p].assessment;
        for (size_t g = 0; g < a->n_groups; g++) {
            size_t c = 0;
            while (c < count && !same_values(cells[c].values, a->groups[g].values, n_by))
                c++;
            if (c == count) {
                cells[count].values = a->groups[g].values;
                cells[count++].tallies = xcalloc(n, sizeof(*cells[c].tallies));
            }
            cells[c].tallies[p] = &a->groups[g];
        }
    }
    sort_n_by = n_by;
    qsort(cells, count, sizeof(*cells), compare_cells);
    *n_cells = count;
    return cells;
}

/* Whether there is anything to break down, or to say about it. */
static bool breakdown_wanted(const struct breakdown_side *sides, size_t n, bool by_default)
{
    const struct assessment *first = sides[0].assessment;
    if (first->n_by == 0)
        return false;
    bool pooled = false, given = !by_default;
    for (size_t p = 0; p < n; p++) {
        const struct assessment *a = sides[p].assessment;
        pooled = pooled || a->respondents > 1;
        for (size_t k = 0; k < a->n_by; k++)
            given = given || assessment_field_given(a, a->by[k]);
    }
    return pooled && given;
}

/*
 * True when, in some stage, answerable items weigh differently. A group's stage score
 * always weighs its items alike: with weights (an overlay of 100 and 0.001, or several
 * overlays each doubling another item), stage scores of a group read through them
 * would give its answers item by item, which no report shows of a group.
 */
bool breakdown_weights_differ(const struct rules *r)
{
    for (size_t st = 0; st < r->n_stages; st++) {
        int64_t first = 0;
        const struct rules_stage *rs = &r->stages[st];
        for (size_t i = rs->first_item; i < rs->first_item + rs->n_items; i++) {
            if (!r->items[i].question)
                continue;
            if (first == 0)
                first = r->items[i].weight_scaled;
            else if (r->items[i].weight_scaled != first)
                return true;
        }
    }
    return false;
}

/* r with every item's weight 1, for group rows: free the items with free(). */
static struct rules equal_weights(const struct rules *r)
{
    struct rules eq = *r;
    struct rules_item *items = xcalloc(r->n_items + 1, sizeof(*items));
    if (r->n_items)
        memcpy(items, r->items, r->n_items * sizeof(*items));
    for (size_t i = 0; i < r->n_items; i++) {
        items[i].weight_scaled = EXACT_SCALE;
        items[i].weight = 1.0;
    }
    eq.items = items;
    return eq;
}

static void row_scores(const struct rules *r, struct score_group *row,
                       const struct item_tally *items, size_t min_answers)
{
    row->has_score = xcalloc(r->n_stages + 1, sizeof(*row->has_score));
    row->scores = xcalloc(r->n_stages + 1, sizeof(*row->scores));
    row->scores_exact = xcalloc(r->n_stages + 1, sizeof(*row->scores_exact));
    if (items)
        stage_scores_of_tallies(r, items, min_answers, row->has_score, row->scores,
                                row->scores_exact);
}

/* The rows of assessment p: the groups shown apart, then the pooled row if any. */
static void build_rows(struct score_breakdown *b, const struct assessment *a, const struct rules *r,
                       const struct cell *cells, size_t n_cells, const bool *pooled, size_t p,
                       bool pooled_row, size_t min_group)
{
    b->groups = xcalloc(n_cells + 1, sizeof(*b->groups));
    b->row_of_group = xcalloc(a->n_groups + 1, sizeof(*b->row_of_group));
    size_t pooled_at = 0; /* the pooled row comes after every row shown */
    for (size_t c = 0; c < n_cells; c++)
        pooled_at += !pooled[c];
    struct item_tally *merged = xcalloc(r->n_items + 1, sizeof(*merged));
    size_t in_pool = 0;
    for (size_t c = 0; c < n_cells; c++) {
        const struct group_tally *t = cells[c].tallies[p];
        if (t)
            b->row_of_group[t - a->groups] = pooled[c] ? pooled_at : b->n_groups;
        if (pooled[c]) {
            for (size_t i = 0; t && i < r->n_items; i++)
                item_tally_merge(&merged[i], &t->items[i]);
            in_pool += t ? t->respondents : 0;
            continue;
        }
        struct score_group *row = &b->groups[b->n_groups++];
        memcpy(row->values, cells[c].values, sizeof(row->values));
        row->respondents = t->respondents;
        row_scores(r, row, t->items, min_group);
    }
    if (pooled_row) {
        struct score_group *row = &b->groups[b->n_groups++];
        row->pooled = true;
        row->respondents = in_pool;
        row_scores(r, row, in_pool ? merged : NULL, min_group);
    }
    free(merged);
}

static enum breakdown_state decide(size_t n_by, size_t n_cells, size_t n_pooled, size_t n_cross,
                                   size_t shown)
{
    if (n_cells <= 1)
        return BREAKDOWN_ONE_GROUP;
    if (n_by > 1 && n_pooled > 0)
        return BREAKDOWN_CELLS_TOO_SMALL;
    if (n_by > 1 && n_cross > 0)
        return BREAKDOWN_CROSS_POOLED;
    return shown ? BREAKDOWN_SHOWN : BREAKDOWN_TOO_SMALL;
}

/*
 * Marks in cross the cells a value of which the partition of some assessment pools
 * (partition.h), for the same files give the same partition whatever --by is asked;
 * returns the most respondents any assessment's partition protects.
 */
static size_t cross_pooled(const struct breakdown_side *sides, size_t n, size_t min_group,
                           const struct cell *cells, size_t n_cells, bool *cross)
{
    const struct assessment *first = sides[0].assessment;
    size_t guarded = 0;
    for (size_t p = 0; p < n; p++) {
        struct partition part;
        partition_compute(&part, sides[p].assessment, min_group);
        if (part.protected_respondents > guarded)
            guarded = part.protected_respondents;
        for (size_t c = 0; c < n_cells; c++)
            for (size_t k = 0; k < first->n_by; k++)
                if (partition_shown(&part, first->by[k], cells[c].values[k]) == 0)
                    cross[c] = true;
        partition_release(&part);
    }
    return guarded;
}

void breakdown_align(const struct breakdown_side *sides, size_t n, size_t min_group,
                     bool by_default)
{
    if (n == 0)
        return;
    const struct assessment *first = sides[0].assessment;
    for (size_t p = 0; p < n; p++) {
        struct score_breakdown *b = sides[p].breakdown;
        breakdown_release(b, sides[p].rules->n_stages);
        b->n_by = first->n_by;
        memcpy(b->by, first->by, sizeof(b->by));
        b->min_group = min_group;
    }
    if (!breakdown_wanted(sides, n, by_default))
        return;
    size_t n_cells;
    struct cell *cells = collect_cells(sides, n, &n_cells);
    size_t *counts = xcalloc(n * n_cells + 1, sizeof(*counts));
    bool *pooled = xcalloc(n_cells + 1, sizeof(*pooled));
    size_t n_small = 0, n_pooled = 0;
    for (size_t c = 0; c < n_cells; c++) {
        bool small = false;
        for (size_t p = 0; p < n; p++) {
            const struct group_tally *t = cells[c].tallies[p];
            counts[p * n_cells + c] = t ? t->respondents : 0;
            small = small || counts[p * n_cells + c] < min_group;
        }
        n_small += small;
    }
    size_t shown = suppress_groups(counts, n_cells, n, min_group, pooled);
    for (size_t c = 0; c < n_cells; c++)
        n_pooled += pooled[c];
    /* Then what the partition under every figure pools too, and the rest it needs. */
    bool *cross = xcalloc(n_cells + 1, sizeof(*cross));
    bool *alone = xcalloc(n_cells + 1, sizeof(*alone));
    memcpy(alone, pooled, n_cells * sizeof(*pooled));
    size_t guarded = cross_pooled(sides, n, min_group, cells, n_cells, cross), n_cross = 0;
    if (first->n_by == 1) {
        for (size_t c = 0; c < n_cells; c++)
            pooled[c] = pooled[c] || cross[c];
        shown = suppress_groups_more(counts, n_cells, n, min_group, pooled);
        for (size_t c = 0; c < n_cells; c++)
            n_cross += pooled[c] && !alone[c];
        n_pooled += n_cross;
    } else {
        for (size_t c = 0; c < n_cells; c++)
            n_cross += cross[c];
    }
    free(cross);
    free(alone);
    enum breakdown_state state = decide(first->n_by, n_cells, n_pooled, n_cross, shown);
    for (size_t p = 0; p < n; p++) {
        struct score_breakdown *b = sides[p].breakdown;
        b->state = state;
        b->n_small = n_small;
        b->n_cells = n_cells;
        b->n_cross = n_cross;
        b->cross_protected = n_cross ? guarded : 0;
        b->equal_weights = breakdown_weights_differ(sides[p].rules);
        if (state == BREAKDOWN_SHOWN) {
            struct rules eq = equal_weights(sides[p].rules);
            build_rows(b, sides[p].assessment, &eq, cells, n_cells, pooled, p, n_pooled > 0,
                       min_group);
            free((void *)eq.items);
        }
    }
    for (size_t c = 0; c < n_cells; c++)
        free(cells[c].tallies);
    free(cells);
    free(counts);
    free(pooled);
}
