/*
 * benchmark.c - one authority beside a network of share files (benchmark.h says the
 * rules that keep every authority but the reader's own out of sight).
 *
 * Every value is a whole number of tenths over a common denominator (1 for a stage's
 * score or an item's mean, the number of stages for the whole), so ranks and window
 * means are exact, and each figure is rounded once, half away from zero, to tenths.
 */
#include "benchmark.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "rules.h"
#include "share.h"
#include "xalloc.h"

/* ---- picking the shares ---- */

static bool same_org(const struct share *a, const struct share *b)
{
    return strcmp(a->organisation, b->organisation) == 0;
}

static bool dated_by(const struct share *s, const char *as_of)
{
    return !as_of || strcmp(s->date, as_of) <= 0;
}

/* The latest share of each organisation dated by as_of, self standing for its own. */
static size_t pick_quietly(const struct share *const *shares, size_t n, const struct share *self,
                           const char *as_of, const struct share **picked)
{
    size_t count = 0;
    if (self)
        picked[count++] = self;
    for (size_t i = 0; i < n; i++) {
        const struct share *s = shares[i];
        if ((self && same_org(s, self)) || !dated_by(s, as_of))
            continue;
        size_t k = 0;
        while (k < count && !same_org(picked[k], s))
            k++;
        if (k == count)
            picked[count++] = s;
        else if (strcmp(s->date, picked[k]->date) > 0)
            picked[k] = s;
    }
    return count;
}

size_t benchmark_pick(const struct share *const *shares, size_t n, const struct share *self,
                      const char *as_of, const struct share **picked, struct diags *d)
{
    size_t errors = d->errors;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++)
            if (shares[i] != shares[j] && same_org(shares[i], shares[j]) &&
                strcmp(shares[i]->date, shares[j]->date) == 0) {
                diag_error(d, shares[i]->file, 0, 0,
                           "a second share of one authority with one date (the first is %s); "
                           "keep one",
                           shares[j]->file);
                break;
            }
    return d->errors > errors ? 0 : pick_quietly(shares, n, self, as_of, picked);
}

/* ---- one measure across the network ---- */

/* num / den in tenths, rounded half away from zero (num is never negative). */
static int64_t rounded(int64_t num, int64_t den)
{
    return (2 * num + den) / (2 * den);
}

static int by_value(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* The mean of sorted values [from, to] as a mark, withheld when it equals one of them. */
static struct benchmark_mark window_mark(const int64_t *v, size_t n, size_t from, size_t to,
                                         int64_t den)
{
    struct benchmark_mark m = {.shown = true};
    int64_t sum = 0;
    for (size_t k = from; k <= to; k++)
        sum += v[k];
    m.tenths = rounded(sum, den * (int64_t)(to - from + 1));
    for (size_t k = 0; k < n; k++)
        if (rounded(v[k], den) == m.tenths) {
            m.withheld = true;
            m.shown = false;
        }
    return m;
}

/* The lower quarter's window of three: centred as near the quarter as it can be, wholly
   below the median's window, which starts at median_from. False when there is no room. */
static bool lower_window(size_t n, size_t median_from, size_t *from)
{
    size_t centre = (n - 1) / 4; /* the quarter, (n + 1) / 4 counted from 1, rounded */
    if (centre + 2 > median_from)
        centre = median_from >= 2 ? median_from - 2 : 0;
    if (centre < 1)
        return false;
    *from = centre - 1;
    return true;
}

static void marks(struct benchmark_figure *f, const int64_t *v, size_t n, int64_t den)
{
    size_t from = n % 2 ? (n - 1) / 2 - 1 : n / 2 - 2, to = n % 2 ? from + 2 : from + 3;
    f->median = window_mark(v, n, from, to, den);
    size_t low;
    if (lower_window(n, from, &low)) {
        f->lower = window_mark(v, n, low, low + BENCHMARK_WINDOW - 1, den);
        /* the upper quarter mirrors the lower about the middle */
        size_t high = n - 1 - (low + BENCHMARK_WINDOW - 1);
        f->upper = window_mark(v, n, high, high + BENCHMARK_WINDOW - 1, den);
    }
}

static enum benchmark_position position(const int64_t *v, size_t n, int64_t ours)
{
    size_t above = 0, below = 0;
    for (size_t k = 0; k < n; k++) {
        above += v[k] > ours;
        below += v[k] < ours;
    }
    bool top = 4 * (above + 1) <= n, bottom = 4 * (below + 1) <= n;
    return top && bottom ? BENCHMARK_LEVEL
           : top         ? BENCHMARK_TOP
           : bottom      ? BENCHMARK_BOTTOM
                         : BENCHMARK_MIDDLE;
}

/* f from the n values v (sorted here) over den, and ours (has_ours) among them. */
static void figure_of(struct benchmark_figure *f, int64_t *v, size_t n, int64_t den, bool has_ours,
                      int64_t ours, bool with_marks)
{
    memset(f, 0, sizeof(*f));
    f->authorities = n;
    f->enough = n >= BENCHMARK_MIN_AUTHORITIES;
    qsort(v, n, sizeof(*v), by_value);
    if (f->enough && with_marks)
        marks(f, v, n, den);
    if (has_ours) {
        f->has_ours = true;
        f->ours = rounded(ours, den);
        f->position = f->enough ? position(v, n, ours) : BENCHMARK_NO_POSITION;
    }
}

/* ---- the measures: stages, the whole, items ---- */

/* An authority's whole: the sum of its stage scores, over the stages, when each has one. */
static bool whole_of(const struct share *s, size_t n_stages, int64_t *sum)
{
    *sum = 0;
    for (size_t st = 0; st < n_stages; st++) {
        if (!s->stages[st].has_score)
            return false;
        *sum += s->stages[st].score_tenths;
    }
    return n_stages > 0;
}

static void stage_figures(struct benchmark_figure *stages, struct benchmark_figure *whole,
                          const struct rules *r, const struct share *const *picked, size_t n,
                          const struct share *self, bool with_marks)
{
    int64_t *v = xcalloc(n + 1, sizeof(*v));
    for (size_t st = 0; st < r->n_stages; st++) {
        size_t m = 0;
        for (size_t k = 0; k < n; k++)
            if (picked[k]->stages[st].has_score)
                v[m++] = picked[k]->stages[st].score_tenths;
        bool has = self && self->stages[st].has_score;
        figure_of(&stages[st], v, m, 1, has, has ? self->stages[st].score_tenths : 0, with_marks);
    }
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
        m += whole_of(picked[k], r->n_stages, &v[m]);
    int64_t ours = 0;
    bool has = self && whole_of(self, r->n_stages, &ours);
    figure_of(whole, v, m, (int64_t)r->n_stages, has, ours, with_marks);
    free(v);
}

/* With self: ours less the median; without: the median; either way in the item's better
   direction (a barrier is better lower). */
static int64_t ahead_of(const struct rules *r, const struct benchmark_item *it, bool with_self)
{
    int64_t d = with_self ? it->fig.ours - it->fig.median.tenths : it->fig.median.tenths;
    return r->items[it->item].kind == ITEM_BARRIER ? -d : d;
}

/* Furthest behind (or lowest) first; then the rules' order. */
static int by_ahead(const void *a, const void *b)
{
    const struct benchmark_item *x = a, *y = b;
    if (x->ahead != y->ahead)
        return x->ahead < y->ahead ? -1 : 1;
    return (x->item > y->item) - (x->item < y->item);
}

/* Items every picked share carries, with a median shown (and ours, with self). */
static size_t item_figures(const struct rules *r, const struct share *const *picked, size_t n,
                           const struct share *self, struct benchmark_item *out, size_t *compared)
{
    int64_t *v = xcalloc(n + 1, sizeof(*v));
    size_t count = 0;
    *compared = 0;
    for (size_t i = 0; i < r->n_items; i++) {
        size_t k = 0;
        while (k < n && picked[k]->has_mean[i])
            k++;
        if (k < n || n == 0)
            continue;
        ++*compared;
        for (k = 0; k < n; k++)
            v[k] = picked[k]->mean_tenths[i];
        struct benchmark_item *it = &out[count];
        it->item = i;
        figure_of(&it->fig, v, n, 1, self != NULL, self ? self->mean_tenths[i] : 0, true);
        if (!it->fig.median.shown)
            continue;
        it->ahead = ahead_of(r, it, self != NULL);
        count++;
    }
    free(v);
    return count;
}

/* The items furthest behind and ahead (with self), or the network's lowest and highest
   (each from its own half, so that no item is both). */
static void items(struct benchmark *b, const struct share *const *picked, size_t n)
{
    const struct rules *r = b->rules;
    struct benchmark_item *all = xcalloc(r->n_items + 1, sizeof(*all));
    size_t count = item_figures(r, picked, n, b->self, all, &b->items_compared);
    qsort(all, count, sizeof(*all), by_ahead);
    b->behind = xcalloc(BENCHMARK_ITEMS_SHOWN, sizeof(*b->behind));
    b->ahead = xcalloc(BENCHMARK_ITEMS_SHOWN, sizeof(*b->ahead));
    for (size_t k = 0; k < count && b->n_behind < BENCHMARK_ITEMS_SHOWN; k++)
        if (b->self ? all[k].ahead < 0 : k < count / 2)
            b->behind[b->n_behind++] = all[k];
    for (size_t k = count; k-- > 0 && b->n_ahead < BENCHMARK_ITEMS_SHOWN;)
        if (b->self ? all[k].ahead > 0 : k >= count - count / 2)
            b->ahead[b->n_ahead++] = all[k];
    free(all);
}

/* ---- over time ---- */

static int by_date(const void *a, const void *b)
{
    return strcmp((*(const struct share *const *)a)->date, (*(const struct share *const *)b)->date);
}

/* Our shares up to self's date (and as_of), oldest first, into ours; their count. */
static size_t our_series(const struct share *const *all, size_t n, const struct share *self,
                         const char *as_of, const struct share **ours)
{
    size_t count = 0;
    ours[count++] = self;
    for (size_t i = 0; i < n; i++)
        if (all[i] != self && same_org(all[i], self) && strcmp(all[i]->date, self->date) < 0 &&
            dated_by(all[i], as_of))
            ours[count++] = all[i];
    qsort(ours, count, sizeof(*ours), by_date);
    return count;
}

static void points(struct benchmark *b, const struct share *const *all, size_t n_all)
{
    const struct share **ours = xcalloc(n_all + 2, sizeof(*ours));
    const struct share **picked = xcalloc(n_all + 2, sizeof(*picked));
    size_t n = our_series(all, n_all, b->self, b->as_of, ours);
    if (n >= 2) {
        b->points = xcalloc(n, sizeof(*b->points));
        b->n_points = n;
        for (size_t k = 0; k < n; k++) {
            struct benchmark_point *p = &b->points[k];
            size_t m = pick_quietly(all, n_all, ours[k], ours[k]->date, picked);
            p->date = ours[k]->date;
            p->authorities = m;
            p->stages = xcalloc(b->rules->n_stages + 1, sizeof(*p->stages));
            stage_figures(p->stages, &p->whole, b->rules, picked, m, ours[k], false);
        }
    }
    free(picked);
    free(ours);
}

static void models(struct benchmark *b, const struct share *const *picked, size_t n)
{
    b->models = xcalloc(n + 1, sizeof(*b->models));
    for (size_t k = 0; k < n; k++) {
        size_t m = 0;
        while (m < b->n_models && strcmp(b->models[m].sha256, picked[k]->model_sha256) != 0)
            m++;
        if (m == b->n_models)
            b->models[b->n_models++] = (struct benchmark_model){
                picked[k]->model_id, picked[k]->model_version, picked[k]->model_sha256, 0};
        b->models[m].authorities++;
    }
}

void benchmark_compute(struct benchmark *b, const struct rules *r,
                       const struct share *const *picked, size_t n, const struct share *self,
                       const char *as_of, const struct share *const *all, size_t n_all)
{
    memset(b, 0, sizeof(*b));
    b->rules = r;
    b->self = self;
    b->as_of = as_of;
    b->authorities = n;
    b->stages = xcalloc(r->n_stages + 1, sizeof(*b->stages));
    stage_figures(b->stages, &b->whole, r, picked, n, self, true);
    items(b, picked, n);
    models(b, picked, n);
    if (self)
        points(b, all, n_all);
}

void benchmark_release(struct benchmark *b)
{
    for (size_t k = 0; k < b->n_points; k++)
        free(b->points[k].stages);
    free(b->points);
    free(b->stages);
    free(b->behind);
    free(b->ahead);
    free(b->models);
    memset(b, 0, sizeof(*b));
}

const char *benchmark_position_words(enum benchmark_position p)
{
    static const char *const words[] = {
        [BENCHMARK_BOTTOM] = "in the bottom quarter",
        [BENCHMARK_MIDDLE] = "in the middle half",
        [BENCHMARK_TOP] = "in the top quarter",
        [BENCHMARK_LEVEL] = "level with most",
    };
    return p == BENCHMARK_NO_POSITION ? NULL : words[p];
}

const char *benchmark_position_id(enum benchmark_position p)
{
    static const char *const ids[] = {
        [BENCHMARK_BOTTOM] = "bottom-quarter",
        [BENCHMARK_MIDDLE] = "middle-half",
        [BENCHMARK_TOP] = "top-quarter",
        [BENCHMARK_LEVEL] = "level",
    };
    return p == BENCHMARK_NO_POSITION ? NULL : ids[p];
}
