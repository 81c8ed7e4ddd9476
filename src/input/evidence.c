/*
 * evidence.c - an evidence file read (evidence.h), every problem located: a value that
 * does not fit its indicator's scale, an item id the model does not have (with a "did
 * you mean"), a date twice in a series, an indicator that is a figure of fewer people
 * than the anonymity threshold.
 */
#include "evidence.h"

#include <stdlib.h>
#include <string.h>

#include "accept.h"
#include "answers.h"
#include "date.h"
#include "diag.h"
#include "input_format.h"
#include "exact.h"
#include "headcount.h"
#include "fileio.h"
#include "plan.h"
#include "rules.h"
#include "schema.h"
#include "share.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

struct loader {
    struct yctx c;
    const struct rules *r;
    size_t min_group;
    struct evidence *e;
};

void evidence_init(struct evidence *e)
{
    memset(e, 0, sizeof(*e));
    pool_init(&e->pool);
}

void evidence_release(struct evidence *e)
{
    pool_release(&e->pool);
    evidence_init(e);
}

const char *evidence_scale_name(enum evidence_scale_kind k)
{
    static const char *const names[] = {"percentage", "count", "rating", "category"};
    return names[k];
}

/* ---- the scale ---- */

static bool read_levels(struct loader *l, struct evidence_indicator *ind, const struct ynode *n)
{
    if (!yexpect_seq(&l->c, n, "a category scale's levels"))
        return false;
    if (n->n < 2 || n->n > EVIDENCE_LEVELS_MAX) {
        yerror(&l->c, n, "a category scale has 2 to %d levels, worst first, not %zu",
               EVIDENCE_LEVELS_MAX, n->n);
        return false;
    }
    ind->levels = pool_array(&l->e->pool, n->n, sizeof(*ind->levels));
    for (size_t k = 0; k < n->n; k++) {
        const char *level = ytext(&l->c, n->kids[k], "a level");
        if (!level)
            return false;
        for (size_t j = 0; j < k; j++)
            if (strcmp(ind->levels[j], level) == 0) {
                yerror(&l->c, n->kids[k], "level '%s' is given twice", level);
                return false;
            }
        ind->levels[k] = pool_strdup(&l->e->pool, level);
    }
    ind->n_levels = n->n;
    ind->max = (int64_t)n->n - 1;
    return true;
}

static bool read_scale(struct loader *l, struct evidence_indicator *ind, const struct ynode *n)
{
    static const char *const keys[] = {"!kind", "min", "max", "of", "levels", NULL};
    if (!yexpect_map(&l->c, n, "scale") || ymap_check_keys(&l->c, n, "scale", keys))
        return false;
    const struct ynode *kind = ymap_get(n, "kind");
    size_t k = 0;
    while (k <= EVIDENCE_CATEGORY &&
           !ynode_is(kind, evidence_scale_name((enum evidence_scale_kind)k)))
        k++;
    if (k > EVIDENCE_CATEGORY) {
        yerror(&l->c, kind, "a scale's kind is percentage, count, rating or category");
        return false;
    }
    ind->kind = (enum evidence_scale_kind)k;
    /* the keys each kind has beside its kind */
    static const char *const own[][3] = {
        [EVIDENCE_PERCENTAGE] = {"min", "max", NULL},
        [EVIDENCE_COUNT] = {"of", NULL},
        [EVIDENCE_RATING] = {"min", "max", NULL},
        [EVIDENCE_CATEGORY] = {"levels", NULL},
    };
    static const char *const extras[] = {"min", "max", "of", "levels"};
    for (size_t j = 0; j < 4; j++) {
        size_t m = 0;
        while (own[k][m] && strcmp(own[k][m], extras[j]) != 0)
            m++;
        if (!own[k][m] && ymap_get(n, extras[j])) {
            yerror(&l->c, ymap_get(n, extras[j]), "a %s scale has no '%s'",
                   evidence_scale_name(ind->kind), extras[j]);
            return false;
        }
    }
    long of = 0;
    switch (ind->kind) {
    case EVIDENCE_PERCENTAGE: /* its ends are 0 and 100 unless it says which are sensible */
        ind->max = 100 * EXACT_SCALE;
        if ((ymap_get(n, "min") && ydecimal(&l->c, ymap_get(n, "min"), 0, 100 * EXACT_SCALE,
                                            "a percentage's min", &ind->min)) ||
            (ymap_get(n, "max") && ydecimal(&l->c, ymap_get(n, "max"), 0, 100 * EXACT_SCALE,
                                            "a percentage's max", &ind->max)))
            return false;
        if (ind->max <= ind->min) {
            yerror(&l->c, n, "a percentage scale's max must be above its min");
            return false;
        }
        return true;
    case EVIDENCE_COUNT:
        if (!ymap_get(n, "of")) {
            yerror(&l->c, n, "a count scale says what it counts out of: 'of: N'");
            return false;
        }
        if (yinteger(&l->c, ymap_get(n, "of"), 1, EVIDENCE_COUNT_MAX, "a count's 'of'", &of))
            return false;
        ind->max = (int64_t)of * EXACT_SCALE;
        return true;
    case EVIDENCE_RATING:
        if (!ymap_get(n, "min") || !ymap_get(n, "max")) {
            yerror(&l->c, n, "a rating scale gives its ends: 'min' and 'max'");
            return false;
        }
        if (ydecimal(&l->c, ymap_get(n, "min"), -EVIDENCE_RATING_MAX * EXACT_SCALE,
                     EVIDENCE_RATING_MAX * EXACT_SCALE, "a rating's min", &ind->min) ||
            ydecimal(&l->c, ymap_get(n, "max"), -EVIDENCE_RATING_MAX * EXACT_SCALE,
                     EVIDENCE_RATING_MAX * EXACT_SCALE, "a rating's max", &ind->max))
            return false;
        if (ind->max <= ind->min) {
            yerror(&l->c, ymap_get(n, "max"), "a rating's max must be above its min");
            return false;
        }
        return true;
    case EVIDENCE_CATEGORY:
        if (!ymap_get(n, "levels")) {
            yerror(&l->c, n, "a category scale lists its levels, worst first: 'levels: [...]'");
            return false;
        }
        return read_levels(l, ind, ymap_get(n, "levels"));
    }
    return false;
}

/* A value on ind's scale: 0, or -1 after reporting. */
static int read_value(struct loader *l, const struct evidence_indicator *ind, const struct ynode *n,
                      const char *what, int64_t *out)
{
    long count;
    switch (ind->kind) {
    case EVIDENCE_PERCENTAGE: /* any percentage; min and max are the comparison's ends */
        return ydecimal(&l->c, n, 0, 100 * EXACT_SCALE, what, out);
    case EVIDENCE_RATING:
        return ydecimal(&l->c, n, ind->min, ind->max, what, out);
    case EVIDENCE_COUNT:
        if (yinteger(&l->c, n, 0, (long)(ind->max / EXACT_SCALE), what, &count))
            return -1;
        *out = (int64_t)count * EXACT_SCALE;
        return 0;
    case EVIDENCE_CATEGORY:
        break;
    }
    const char *text = ytext(&l->c, n, what);
    if (!text)
        return -1;
    for (size_t k = 0; k < ind->n_levels; k++)
        if (strcmp(ind->levels[k], text) == 0) {
            *out = (int64_t)k;
            return 0;
        }
    struct strbuf msg = STRBUF_INIT;
    text_add_quoted(&msg, text, 60);
    const char *near = text_did_you_mean(text, ind->levels, ind->n_levels);
    yerror(&l->c, n, "%s %s is not one of the scale's levels%s%s%s", what, strbuf_str(&msg),
           near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
    strbuf_release(&msg);
    return -1;
}

/* ---- what it bears on ---- */

static void unknown_target(struct loader *l, const struct ynode *n, const char *id)
{
    const struct rules *r = l->r;
    const char **names = xcalloc(r->n_items + r->n_stages + 1, sizeof(*names));
    size_t count = 0;
    for (size_t i = 0; i < r->n_items; i++)
        if (r->items[i].question)
            names[count++] = r->items[i].id;
    for (size_t st = 0; st < r->n_stages; st++)
        names[count++] = r->stages[st].id;
    const char *near = text_did_you_mean(id, names, count);
    struct strbuf msg = STRBUF_INIT;
    text_add_quoted(&msg, id, 60);
    yerror(&l->c, n, "unknown item or stage %s in model '%s'%s%s%s", strbuf_str(&msg), r->id,
           near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
    strbuf_release(&msg);
    free(names);
}

static void read_bears_on(struct loader *l, struct evidence_indicator *ind, const struct ynode *n)
{
    const struct rules *r = l->r;
    if (!yexpect_seq(&l->c, n, "bears-on"))
        return;
    if (n->n == 0) {
        yerror(&l->c, n, "bears-on names at least one item or stage");
        return;
    }
    bool *on = xcalloc(r->n_items + 1, sizeof(*on));
    for (size_t k = 0; k < n->n; k++) {
        const char *id = yid(&l->c, n->kids[k], "an item or stage id");
        if (!id)
            continue;
        long i = rules_find_item(r, id), st = i < 0 ? rules_find_stage(r, id) : -1;
        if (i >= 0 && !r->items[i].question)
            yerror(&l->c, n->kids[k],
                   "item '%s' has no question: evidence is set beside what staff rated", id);
        else if (i >= 0)
            on[i] = true;
        else if (st >= 0)
            for (size_t j = 0; j < r->n_items; j++)
                on[j] |= r->items[j].stage == (size_t)st && r->items[j].question != NULL;
        else
            unknown_target(l, n->kids[k], id);
    }
    ind->items = pool_array(&l->e->pool, r->n_items + 1, sizeof(*ind->items));
    for (size_t i = 0; i < r->n_items; i++)
        if (on[i])
            ind->items[ind->n_items++] = i;
    free(on);
}

/* ---- values ---- */

static int by_date(const void *a, const void *b)
{
    return strcmp(((const struct evidence_value *)a)->date,
                  ((const struct evidence_value *)b)->date);
}

static void read_values(struct loader *l, struct evidence_indicator *ind, const struct ynode *n)
{
    static const char *const keys[] = {"!date", "!value", NULL};
    if (!yexpect_seq(&l->c, n, "values"))
        return;
    if (n->n > EVIDENCE_VALUES_MAX) {
        yerror(&l->c, n, "values lists at most %d dated values, not %zu", EVIDENCE_VALUES_MAX,
               n->n);
        return;
    }
    ind->values = pool_array(&l->e->pool, n->n + 1, sizeof(*ind->values));
    for (size_t k = 0; k < n->n; k++) {
        const struct ynode *v = n->kids[k];
        if (!yexpect_map(&l->c, v, "a value") || ymap_check_keys(&l->c, v, "a value", keys))
            continue;
        const char *date = ymap_text(&l->c, v, "date", "a value's date");
        if (date && !date_valid(date)) {
            yerror(&l->c, ymap_get(v, "date"), "a value's date must be a real date, YYYY-MM-DD");
            continue;
        }
        int64_t value;
        if (!date || read_value(l, ind, ymap_get(v, "value"), "a value", &value))
            continue;
        for (size_t j = 0; j < ind->n_values; j++)
            if (strcmp(ind->values[j].date, date) == 0) {
                yerror(&l->c, ymap_get(v, "date"), "indicator '%s' has two values dated %s",
                       ind->id, date);
                date = NULL;
                break;
            }
        if (date)
            ind->values[ind->n_values++] =
                (struct evidence_value){pool_strdup(&l->e->pool, date), value};
    }
    qsort(ind->values, ind->n_values, sizeof(*ind->values), by_date);
}

/* ---- an indicator ---- */

static bool read_better(struct loader *l, struct evidence_indicator *ind, const struct ynode *n)
{
    if (ynode_is(n, "higher") || ynode_is(n, "lower")) {
        ind->higher_better = ynode_is(n, "higher");
        return true;
    }
    yerror(&l->c, n, "better is 'higher' or 'lower'%s",
           ind->kind == EVIDENCE_CATEGORY ? " (higher: a later level is better)" : "");
    return false;
}

static void read_base(struct loader *l, struct evidence_indicator *ind, const struct ynode *n)
{
    long base = 0;
    if (!n || yinteger(&l->c, n, 1, EVIDENCE_COUNT_MAX, "base", &base))
        return;
    ind->base = (size_t)base;
    if (ind->base < l->min_group)
        yerror(&l->c, n,
               "indicator '%s' is a figure of %zu people, fewer than the anonymity threshold "
               "of %zu: it could tell what one of them did; give a figure of the whole "
               "service, or of a group of %zu or more",
               ind->id, ind->base, l->min_group, l->min_group);
}

static void read_indicator(struct loader *l, const struct ynode *n, const struct ynode **ids,
                           size_t k)
{
    static const char *const keys[] = {"!id",    "!title", "!source",   "!scale",  "!better",
                                       "target", "base",   "!bears-on", "!values", NULL};
    if (!yexpect_map(&l->c, n, "an indicator") || ymap_check_keys(&l->c, n, "an indicator", keys))
        return;
    struct evidence_indicator *ind = &l->e->indicators[k];
    const struct ynode *idn = ymap_get(n, "id");
    const char *id = yid(&l->c, idn, "an indicator's id");
    if (!id)
        return;
    for (size_t j = 0; j < k; j++)
        if (ids[j] && strcmp(ids[j]->str, id) == 0) {
            yerror(&l->c, idn, "indicator '%s' is given twice, first at line %u", id, ids[j]->line);
            return;
        }
    ids[k] = idn;
    ind->id = pool_strdup(&l->e->pool, id);
    const char *title = ymap_text(&l->c, n, "title", "an indicator's title");
    const char *source = ymap_text(&l->c, n, "source", "an indicator's source");
    ind->title = title ? pool_strdup(&l->e->pool, title) : NULL;
    ind->source = source ? pool_strdup(&l->e->pool, source) : NULL;
    read_base(l, ind, ymap_get(n, "base"));
    read_bears_on(l, ind, ymap_get(n, "bears-on"));
    bool scaled = read_scale(l, ind, ymap_get(n, "scale"));
    (void)read_better(l, ind, ymap_get(n, "better"));
    if (!scaled)
        return; /* its values cannot be read without it */
    const struct ynode *target = ymap_get(n, "target");
    ind->has_target = target && read_value(l, ind, target, "a target", &ind->target) == 0;
    read_values(l, ind, ymap_get(n, "values"));
}

/* ---- the file ---- */

/* The model the file names is the one loaded; false (reported) when it is not, and then
   nothing else of the file is checked against the loaded model. */
static bool read_rules_id(struct loader *l, const struct ynode *n)
{
    const struct rules *r = l->r;
    const char *id = ytext(&l->c, n, "rules");
    if (!id)
        return false;
    if (strcmp(id, r->id) == 0 || (r->base && strcmp(id, r->base->id) == 0))
        return true;
    yerror(&l->c, n,
           "this evidence is for the model '%s', but the rules loaded are '%s'; pass the "
           "matching rules with --rules",
           id, r->id);
    return false;
}

static void read_root(struct loader *l, const struct ynode *root)
{
    static const char *const keys[] = {"!format", "!rules", "organisation", "!indicators", NULL};
    if (!input_check_format(&l->c, root, EVIDENCE_FORMAT, "an evidence file", NULL) ||
        ymap_check_keys(&l->c, root, "the evidence file", keys))
        return;
    struct evidence *e = l->e;
    const char *org = ymap_text(&l->c, root, "organisation", "organisation");
    e->organisation = org ? pool_strdup(&e->pool, org) : NULL;
    if (!read_rules_id(l, ymap_get(root, "rules")))
        return;
    const struct ynode *list = ymap_get(root, "indicators");
    if (!yexpect_seq(&l->c, list, "indicators"))
        return;
    if (list->n == 0 || list->n > EVIDENCE_INDICATORS_MAX) {
        yerror(&l->c, list, "indicators lists 1 to %d indicators, not %zu", EVIDENCE_INDICATORS_MAX,
               list->n);
        return;
    }
    e->indicators = pool_array(&e->pool, list->n, sizeof(*e->indicators));
    e->n_indicators = list->n;
    const struct ynode **ids = xcalloc(list->n, sizeof(*ids));
    for (size_t k = 0; k < list->n; k++)
        read_indicator(l, list->kids[k], ids, k);
    free(ids);
}

static void read_root_of(void *loader, const struct ynode *root)
{
    read_root(loader, root);
}

int evidence_load_buffer(struct evidence *e, const struct rules *r, size_t min_group,
                         const char *file, const char *buf, size_t len, struct diags *d)
{
    struct loader l = {.c = {file, d}, .r = r, .min_group = min_group, .e = e};
    size_t errors_before = d->errors;
    evidence_init(e);
    yread_root_map(&l.c, buf, len, "an evidence file", EVIDENCE_FORMAT, read_root_of, &l);
    diags_set_source(d, NULL, 0);
    if (d->errors > errors_before) {
        evidence_release(e);
        return -1;
    }
    e->file = pool_strdup(&e->pool, file);
    return 0;
}

int evidence_load_file(struct evidence *e, const struct rules *r, size_t min_group,
                       const char *path, struct diags *d)
{
    char *buf = NULL;
    size_t len = 0;
    evidence_init(e);
    int rc = fileio_read_edited(path, EVIDENCE_FILE_MAX, &buf, &len, d);
    if (rc == 0)
        rc = evidence_load_buffer(e, r, min_group, path, buf, len, d);
    free(buf);
    return rc;
}
