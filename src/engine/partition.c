#include "partition.h"

#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "suppress.h"
#include "xalloc.h"

/* One combination of values respondents give: a value index per field, and how many. */
struct combo {
    size_t *value; /* per field: index into its values */
    size_t respondents;
};

/* Reads "LEN:TEXT" at *s into a new string; advances *s. NULL at the end. */
static char *read_part(const char **s)
{
    if (!**s)
        return NULL;
    char *end;
    size_t len = strtoul(*s, &end, 10);
    char *out = xmalloc(len + 1);
    memcpy(out, end + 1, len);
    out[len] = '\0';
    *s = end + 1 + len;
    return out;
}

static int cmp_text(const void *pa, const void *pb)
{
    const char *a = *(char *const *)pa, *b = *(char *const *)pb;
    if (!a || !b)
        return (a == NULL) - (b == NULL);
    return strcmp(a, b);
}

static long find_text(char **v, size_t n, const char *s)
{
    for (size_t k = 0; k < n; k++)
        if ((v[k] == NULL && s == NULL) || (v[k] && s && strcmp(v[k], s) == 0))
            return (long)k;
    return -1;
}

/* The fields and their values (with "none given" where some respondent gives none). */
static void collect_fields(struct partition *p, const struct assessment *a)
{
    size_t cap = 0;
    char **names = NULL;
    size_t n_names = 0;
    for (size_t i = 0; i < a->cap_profiles; i++) {
        const char *s = a->profiles[i].key;
        for (char *f; s && (f = read_part(&s));) {
            free(read_part(&s));
            if (find_text(names, n_names, f) >= 0) {
                free(f);
                continue;
            }
            XGROW(names, n_names + 1, cap);
            names[n_names++] = f;
        }
    }
    if (n_names)
        qsort(names, n_names, sizeof(*names), cmp_text);
    p->n_fields = n_names;
    p->fields = xcalloc(n_names + 1, sizeof(*p->fields));
    for (size_t f = 0; f < n_names; f++)
        p->fields[f].name = names[f];
    free(names);
}

/* Each profile's combination of value indices; the fields' values filled in. */
static struct combo *collect_combos(struct partition *p, const struct assessment *a, size_t *n)
{
    struct combo *combos = xcalloc(a->n_profiles + 1, sizeof(*combos));
    size_t *caps = xcalloc(p->n_fields + 1, sizeof(*caps));
    char **given = xcalloc(p->n_fields + 1, sizeof(*given));
    size_t count = 0;
    /* First pass: every value of every field, "none given" included; second: each
       profile's indices into them. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < a->cap_profiles; i++) {
            const char *s = a->profiles[i].key;
            if (!s)
                continue;
            memset(given, 0, (p->n_fields + 1) * sizeof(*given));
            for (char *f; (f = read_part(&s));) {
                size_t fi = 0;
                while (strcmp(p->fields[fi].name, f) != 0)
                    fi++;
                given[fi] = read_part(&s);
                free(f);
            }
            for (size_t f = 0; f < p->n_fields; f++) {
                struct partition_field *pf = &p->fields[f];
                long v = find_text(pf->values, pf->n_values, given[f]);
                if (pass == 0 && v < 0) {
                    XGROW(pf->values, pf->n_values + 1, caps[f]);
                    pf->values[pf->n_values++] = given[f];
                    given[f] = NULL;
                } else if (pass == 1) {
                    if (f == 0) {
                        combos[count].value = xcalloc(p->n_fields + 1, sizeof(size_t));
                        combos[count].respondents = a->profiles[i].respondents;
                    }
                    combos[count].value[f] = (size_t)v;
                }
                free(given[f]);
                given[f] = NULL;
            }
            if (pass == 1 && p->n_fields > 0)
                count++;
        }
        if (pass == 0)
            for (size_t f = 0; f < p->n_fields; f++) {
                struct partition_field *pf = &p->fields[f];
                qsort(pf->values, pf->n_values, sizeof(*pf->values), cmp_text);
                pf->counts = xcalloc(pf->n_values + 1, sizeof(*pf->counts));
                pf->shown = xcalloc(pf->n_values + 1, sizeof(*pf->shown));
                pf->shown_alone = xcalloc(pf->n_values + 1, sizeof(*pf->shown_alone));
            }
    }
    free(given);
    free(caps);
    for (size_t c = 0; c < count; c++)
        for (size_t f = 0; f < p->n_fields; f++)
            p->fields[f].counts[combos[c].value[f]] += combos[c].respondents;
    *n = count;
    return combos;
}

/* The one-field rule (suppress.h) for field f: shown_alone, and shown from it. */
static void cut_alone(struct partition_field *pf, size_t min_group)
{
    bool *pooled = xcalloc(pf->n_values + 1, sizeof(*pooled));
    size_t shown = suppress_groups(pf->counts, pf->n_values, 1, min_group, pooled);
    for (size_t v = 0; v < pf->n_values; v++)
        pf->shown[v] = pf->shown_alone[v] = pf->n_values > 1 && shown > 0 && !pooled[v];
    free(pooled);
}

/* Field f's pooled rest back to none or at least min_group: pools the smallest shown. */
static void repool(struct partition_field *pf, size_t min_group)
{
    for (;;) {
        size_t rest = 0, best = pf->n_values;
        for (size_t v = 0; v < pf->n_values; v++) {
            if (!pf->shown[v])
                rest += pf->counts[v];
            else if (best == pf->n_values || pf->counts[v] < pf->counts[best])
                best = v;
        }
        if (rest == 0 || rest >= min_group || best == pf->n_values)
            break;
        pf->shown[best] = false;
    }
    /* One value shown apart and no rest is everyone in one group: nothing apart. */
    size_t shown = 0, rest = 0;
    for (size_t v = 0; v < pf->n_values; v++) {
        shown += pf->shown[v];
        rest += pf->shown[v] ? 0 : pf->counts[v];
    }
    if (shown == 1 && rest == 0)
        for (size_t v = 0; v < pf->n_values; v++)
            pf->shown[v] = false;
}

/* The shown value other than v with the fewest respondents (first of equals), or n_values. */
static size_t smallest_other(const struct partition_field *pf, size_t v)
{
    size_t best = pf->n_values;
    for (size_t w = 0; w < pf->n_values; w++)
        if (w != v && pf->shown[w] && (best == pf->n_values || pf->counts[w] < pf->counts[best]))
            best = w;
    return best;
}

static bool has_rest(const struct partition_field *pf)
{
    for (size_t v = 0; v < pf->n_values; v++)
        if (!pf->shown[v] && pf->counts[v])
            return true;
    return false;
}

/*
 * Respondents a field no longer shows apart once v is pooled: v's, and when the field
 * pools nothing yet, the next smallest group's too, for v alone would be a rest of one
 * group, which merges nothing.
 */
static size_t pool_cost(const struct partition_field *pf, size_t v)
{
    if (has_rest(pf))
        return pf->counts[v];
    size_t w = smallest_other(pf, v);
    return pf->counts[v] + (w < pf->n_values ? pf->counts[w] : 0);
}

static void pool_value(struct partition_field *pf, size_t v)
{
    if (!has_rest(pf)) {
        size_t w = smallest_other(pf, v);
        if (w < pf->n_values)
            pf->shown[w] = false;
    }
    pf->shown[v] = false;
}

/* A combination's block: per field its value if shown apart, else the rest (SIZE_MAX). */
static size_t part_of(const struct partition *p, const struct combo *c, size_t f)
{
    size_t v = c->value[f];
    return p->fields[f].shown[v] ? v : (size_t)-1;
}

static const struct partition *sort_p;

static int cmp_blocks(const void *pa, const void *pb)
{
    const struct combo *a = pa, *b = pb;
    for (size_t f = 0; f < sort_p->n_fields; f++) {
        size_t x = part_of(sort_p, a, f), y = part_of(sort_p, b, f);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

/*
 * The smallest block with respondents but fewer than min_group (first of equals in
 * block order): its first combination's index in combos (sorted by block), or n.
 */
static size_t smallest_block(struct partition *p, struct combo *combos, size_t n, size_t min_group,
                             size_t *under)
{
    sort_p = p;
    qsort(combos, n, sizeof(*combos), cmp_blocks);
    size_t best = n, best_size = 0;
    *under = 0;
    for (size_t c = 0; c < n;) {
        size_t end = c, size = 0;
        while (end < n && cmp_blocks(&combos[c], &combos[end]) == 0)
            size += combos[end++].respondents;
        if (size < min_group) {
            *under += size;
            if (best == n || size < best_size) {
                best = c;
                best_size = size;
            }
        }
        c = end;
    }
    sort_p = NULL;
    return best;
}

void partition_compute(struct partition *p, const struct assessment *a, size_t min_group)
{
    memset(p, 0, sizeof(*p));
    p->respondents = a->respondents;
    collect_fields(p, a);
    size_t n;
    struct combo *combos = collect_combos(p, a, &n);
    for (size_t f = 0; f < p->n_fields; f++)
        cut_alone(&p->fields[f], min_group);
    bool first = true;
    for (;;) {
        size_t under;
        size_t b = smallest_block(p, combos, n, min_group, &under);
        if (first)
            p->protected_respondents = b == n ? 0 : under;
        first = false;
        if (b == n)
            break;
        /* Pool, in a field where the block is a group shown apart, the smallest such
           group; if it is in every field's rest, the smallest group shown anywhere. */
        size_t best_f = p->n_fields, best_v = 0, best_cost = 0;
        for (int anywhere = 0; anywhere < 2 && best_f == p->n_fields; anywhere++)
            for (size_t f = 0; f < p->n_fields; f++) {
                const struct partition_field *pf = &p->fields[f];
                for (size_t v = 0; v < pf->n_values; v++) {
                    if (!pf->shown[v] || (!anywhere && combos[b].value[f] != v))
                        continue;
                    size_t cost = pool_cost(pf, v);
                    if (best_f == p->n_fields || cost < best_cost) {
                        best_f = f;
                        best_v = v;
                        best_cost = cost;
                    }
                }
            }
        if (best_f == p->n_fields)
            break; /* everything pooled: fewer respondents than the threshold */
        pool_value(&p->fields[best_f], best_v);
        repool(&p->fields[best_f], min_group);
    }
    if (p->protected_respondents == 0 || p->respondents < min_group)
        p->protected_respondents = 0;
    for (size_t c = 0; c < n; c++)
        free(combos[c].value);
    free(combos);
}

void partition_release(struct partition *p)
{
    for (size_t f = 0; f < p->n_fields; f++) {
        struct partition_field *pf = &p->fields[f];
        free(pf->name);
        for (size_t v = 0; v < pf->n_values; v++)
            free(pf->values[v]);
        free(pf->values);
        free(pf->counts);
        free(pf->shown);
        free(pf->shown_alone);
    }
    free(p->fields);
    memset(p, 0, sizeof(*p));
}

const struct partition_field *partition_field(const struct partition *p, const char *name)
{
    for (size_t f = 0; f < p->n_fields; f++)
        if (strcmp(p->fields[f].name, name) == 0)
            return &p->fields[f];
    return NULL;
}

static int shown_in(const struct partition *p, const char *field, const char *value, bool alone)
{
    const struct partition_field *pf = partition_field(p, field);
    if (!pf)
        return -1;
    long v = find_text(pf->values, pf->n_values, value);
    if (v < 0)
        return -1;
    /* Everyone gives the one value: the field splits no one, and pools nothing. */
    if (pf->n_values == 1)
        return 1;
    return alone ? pf->shown_alone[v] : pf->shown[v];
}

int partition_shown(const struct partition *p, const char *field, const char *value)
{
    return shown_in(p, field, value, false);
}

int partition_shown_alone(const struct partition *p, const char *field, const char *value)
{
    return shown_in(p, field, value, true);
}
