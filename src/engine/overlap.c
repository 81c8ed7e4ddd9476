#include "overlap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "breakdown.h"
#include "diag.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"
#include "xalloc.h"

/*
 * Who is in one row (or answers one item on the scale in it) in two assessments set side
 * by side: in both, in the first only, in the second only.
 */
struct side_by_side {
    size_t continuing, left, joined;
};

/*
 * For every row (row 0 the whole, then the breakdown's rows): its members (slot 0), then
 * those answering each item on the scale (slot 1 + item).
 */
struct pair_counts {
    size_t n_rows, n_slots;
    struct side_by_side *v;
};

static struct side_by_side *at(const struct pair_counts *pc, size_t row, size_t slot)
{
    return &pc->v[row * pc->n_slots + slot];
}

/* A kept respondent's breakdown row, counting from 1; 0 when the rows are not shown. */
static size_t row_of(const struct score *s, size_t k)
{
    const struct score_breakdown *b = &s->breakdown;
    size_t group = s->assessment->kept[k].group;
    if (b->state != BREAKDOWN_SHOWN || group == SIZE_MAX)
        return 0;
    return 1 + b->row_of_group[group];
}

static bool on_scale(int64_t answer)
{
    return answer != ANSWERS_KEPT_NONE && answer != ANSWERS_KEPT_NA &&
           answer != ANSWERS_KEPT_UNKNOWN;
}

/*
 * One person, in row_before of one assessment with answers before (NULL: not in it)
 * and in row_after of the other with answers after (NULL: not in it); rows count from 1,
 * 0 for none. In the whole and in each row they are continuing, a leaver or a joiner,
 * and so they are among those answering each item on the scale.
 */
static void count_person(const struct pair_counts *pc, const int64_t *before, size_t row_before,
                         const int64_t *after, size_t row_after)
{
    for (size_t r = 0; r < 2; r++) {
        size_t rb = r ? row_before : 0, ra = r ? row_after : 0;
        bool in_b = before && (r == 0 || rb), in_a = after && (r == 0 || ra);
        for (size_t slot = 0; slot < pc->n_slots; slot++) {
            bool b = in_b && (slot == 0 || on_scale(before[slot - 1]));
            bool a = in_a && (slot == 0 || on_scale(after[slot - 1]));
            if (b && a && rb == ra) {
                at(pc, rb, slot)->continuing++;
                continue;
            }
            if (b)
                at(pc, rb, slot)->left++;
            if (a)
                at(pc, ra, slot)->joined++;
        }
    }
}

static const struct assessment *sort_by;

static int by_fingerprint(const void *pa, const void *pb)
{
    const struct answers_kept *x = &sort_by->kept[*(const size_t *)pa];
    const struct answers_kept *y = &sort_by->kept[*(const size_t *)pb];
    return memcmp(x->fingerprint, y->fingerprint, sizeof(x->fingerprint));
}

/* Ids in byte order, none last. */
static int by_id(const void *pa, const void *pb)
{
    const char *x = sort_by->kept[*(const size_t *)pa].id;
    const char *y = sort_by->kept[*(const size_t *)pb].id;
    if (!x || !y)
        return (x == NULL) - (y == NULL);
    return strcmp(x, y);
}

/* The kept respondents of a, in the order cmp sorts them. */
static size_t *sorted(const struct assessment *a, size_t *idx, size_t n,
                      int (*cmp)(const void *, const void *))
{
    sort_by = a;
    qsort(idx, n, sizeof(*idx), cmp);
    sort_by = NULL;
    return idx;
}

static size_t *all_kept(const struct assessment *a)
{
    size_t *idx = xcalloc(a->n_kept + 1, sizeof(*idx));
    for (size_t k = 0; k < a->n_kept; k++)
        idx[k] = k;
    return sorted(a, idx, a->n_kept, by_fingerprint);
}

/* Respondents of one assessment missing from the other. */
struct unmatched {
    size_t *v;
    size_t n;
};

/*
 * Counts the respondents of p and q whose fingerprints match as continuing; the rest are
 * put in up and uq. True when any match: the two share respondents.
 */
static bool match_fingerprints(const struct pair_counts *pc, const struct score *p,
                               const struct score *q, struct unmatched *up, struct unmatched *uq)
{
    const struct assessment *a = p->assessment, *b = q->assessment;
    size_t *ia = all_kept(a), *ib = all_kept(b), i = 0, j = 0;
    bool any = false;
    up->v = xcalloc(a->n_kept + 1, sizeof(*up->v));
    uq->v = xcalloc(b->n_kept + 1, sizeof(*uq->v));
    up->n = uq->n = 0;
    while (i < a->n_kept || j < b->n_kept) {
        int c = i == a->n_kept   ? 1
                : j == b->n_kept ? -1
                                 : memcmp(a->kept[ia[i]].fingerprint, b->kept[ib[j]].fingerprint,
                                          sizeof(a->kept[0].fingerprint));
        if (c < 0) {
            up->v[up->n++] = ia[i++];
        } else if (c > 0) {
            uq->v[uq->n++] = ib[j++];
        } else {
            any = true;
            count_person(pc, answers_kept_items(a, ia[i]), row_of(p, ia[i]),
                         answers_kept_items(b, ib[j]), row_of(q, ib[j]));
            i++;
            j++;
        }
    }
    free(ia);
    free(ib);
    return any;
}

/*
 * Pairs the unmatched of p and q by id, as people who changed some answers, and counts
 * them; the rest left or joined. Without an id nothing links a changed file to its
 * earlier one, so it counts as a leaver and a joiner: the stricter reading. True when
 * any pair.
 */
static bool match_ids(const struct pair_counts *pc, const struct score *p, const struct score *q,
                      struct unmatched *up, struct unmatched *uq)
{
    const struct assessment *a = p->assessment, *b = q->assessment;
    sorted(a, up->v, up->n, by_id);
    sorted(b, uq->v, uq->n, by_id);
    size_t i = 0, j = 0;
    bool any = false;
    while (i < up->n || j < uq->n) {
        const char *x = i < up->n ? a->kept[up->v[i]].id : NULL;
        const char *y = j < uq->n ? b->kept[uq->v[j]].id : NULL;
        int c = x && y ? strcmp(x, y) : (x == NULL) - (y == NULL);
        if (c == 0 && x) {
            any = true;
            count_person(pc, answers_kept_items(a, up->v[i]), row_of(p, up->v[i]),
                         answers_kept_items(b, uq->v[j]), row_of(q, uq->v[j]));
            i++;
            j++;
        } else if (j == uq->n || (i < up->n && c < 0)) {
            count_person(pc, answers_kept_items(a, up->v[i]), row_of(p, up->v[i]), NULL, 0);
            i++;
        } else {
            count_person(pc, NULL, 0, answers_kept_items(b, uq->v[j]), row_of(q, uq->v[j]));
            j++;
        }
    }
    return any;
}

static bool too_few(size_t n, size_t min_group)
{
    return n > 0 && n < min_group;
}

static bool fails(const struct side_by_side *c, size_t min_group)
{
    return c->continuing > 0 && (too_few(c->left, min_group) || too_few(c->joined, min_group));
}

/* The first slot at which row fails, or n_slots. */
static size_t first_failing(const struct pair_counts *pc, size_t row, size_t min_group)
{
    size_t slot = 0;
    while (slot < pc->n_slots && !fails(at(pc, row, slot), min_group))
        slot++;
    return slot;
}

static void refuse(const struct pair_counts *pc, const struct score *q, size_t slot,
                   const char *path_p, const char *path_q, struct diags *d)
{
    const struct side_by_side *c = at(pc, 0, slot);
    size_t k = q->min_group;
    struct strbuf what = STRBUF_INIT;
    if (slot == 0)
        strbuf_adds(&what, "their respondents");
    else
        strbuf_addf(&what, "those answering '%s'", q->rules->items[slot - 1].id);
    diag_error(d, path_q, 0, 0,
               "%s shares respondents with %s, and %s differ by fewer than %zu people (%zu "
               "in the first only, %zu in the second only): set side by side, the two would "
               "show what those people answered",
               path_q, path_p, strbuf_str(&what), k, c->left, c->joined);
    diag_note(d,
              "assessments that share respondents are compared only where none or at least "
              "%zu joined, and none or at least %zu left, overall and for every item "
              "(docs/privacy.md)",
              k, k);
    strbuf_release(&what);
}

/* Checks assessments p and q; true when their group rows must be withheld. */
static bool check_pair(struct overlap *ov, const struct score *p, const struct score *q,
                       const char *path_p, const char *path_q, struct diags *d)
{
    const struct score_breakdown *b = &p->breakdown;
    struct pair_counts pc = {.n_rows = 1 + (b->state == BREAKDOWN_SHOWN ? b->n_groups : 0),
                             .n_slots = 1 + p->rules->n_items};
    pc.v = xcalloc(pc.n_rows * pc.n_slots, sizeof(*pc.v));
    struct unmatched up, uq;
    bool same_answers = match_fingerprints(&pc, p, q, &up, &uq);
    bool same_ids = match_ids(&pc, p, q, &up, &uq), withhold = false;
    if (same_answers || same_ids) {
        ov->shares = true;
        size_t slot = first_failing(&pc, 0, p->min_group);
        if (slot < pc.n_slots)
            refuse(&pc, q, slot, path_p, path_q, d);
        for (size_t row = 1; row < pc.n_rows && !withhold; row++)
            withhold = first_failing(&pc, row, p->min_group) < pc.n_slots;
    }
    free(up.v);
    free(uq.v);
    free(pc.v);
    return withhold;
}

int overlap_check(struct overlap *ov, struct score *const *scores, const char *const *paths,
                  size_t n, struct diags *d)
{
    memset(ov, 0, sizeof(*ov));
    size_t errors = d->errors;
    bool withhold = false;
    for (size_t p = 0; p < n; p++)
        for (size_t q = p + 1; q < n; q++)
            withhold = check_pair(ov, scores[p], scores[q], paths[p], paths[q], d) || withhold;
    if (d->errors > errors)
        return -1;
    if (withhold) {
        ov->groups_withheld = true;
        for (size_t p = 0; p < n; p++)
            breakdown_withhold(&scores[p]->breakdown, scores[p]->rules->n_stages,
                               BREAKDOWN_CHANGE_TOO_FEW);
    }
    return 0;
}
