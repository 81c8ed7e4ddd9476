/*
 * share.c - a share file read back (share.h): for validate now, and for benchmark.
 *
 * Every problem is located, and the file is checked against what share_write writes:
 * the model it names is the one loaded (its id and the merged model's hash), every
 * stage of the model once, numbers with one decimal in range, and K or more
 * respondents, since a share of fewer would give their answers away.
 */
#include "share.h"

#include <stdlib.h>
#include <string.h>

#include "accept.h"
#include "answers.h"
#include "date.h"
#include "diag.h"
#include "input_format.h"
#include "evidence.h"
#include "exact.h"
#include "headcount.h"
#include "plan.h"
#include "rules.h"
#include "schema.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

struct loader {
    struct yctx c;
    const struct rules *r;
    struct share *s;
    bool any_model;     /* --allow-model-change: another model's share is read by ids */
    bool for_benchmark; /* the refusal of another model names --allow-model-change */
};

void share_init(struct share *s)
{
    memset(s, 0, sizeof(*s));
    pool_init(&s->pool);
}

void share_release(struct share *s)
{
    pool_release(&s->pool);
    share_init(s);
}

/* A number with at most one decimal in [min, max] (both in tenths), as tenths. */
static bool tenths(struct loader *l, const struct ynode *n, int64_t min, int64_t max,
                   const char *what, int64_t *out)
{
    int64_t v;
    if (ydecimal(&l->c, n, min * (EXACT_SCALE / 10), max * (EXACT_SCALE / 10), what, &v) != 0)
        return false;
    if (v % (EXACT_SCALE / 10) != 0) {
        yerror(&l->c, n, "%s has more than one decimal place; a share gives one", what);
        return false;
    }
    *out = v / (EXACT_SCALE / 10);
    return true;
}

static bool count(struct loader *l, const struct ynode *map, const char *key, long max, size_t *out)
{
    const struct ynode *n = ymap_get(map, key);
    long v = 0;
    if (!n || yinteger(&l->c, n, 0, max, key, &v) != 0)
        return false;
    *out = (size_t)v;
    return true;
}

/* ---- the model ---- */

/* The model the share names is the one loaded; false (reported) when it is not, and
   then nothing else of the file is checked against the loaded model. */
static bool read_model(struct loader *l, const struct ynode *n)
{
    static const char *const keys[] = {"!id", "!version", "!sha256", NULL};
    if (!yexpect_map(&l->c, n, "model") || ymap_check_keys(&l->c, n, "model", keys))
        return false;
    const char *id = ymap_text(&l->c, n, "id", "the model's id");
    const char *version = ymap_text(&l->c, n, "version", "the model's version");
    const char *sha = ymap_text(&l->c, n, "sha256", "the model's sha256");
    if (!id || !version || !sha)
        return false;
    const struct rules *r = l->r;
    if (!l->any_model && (strcmp(id, r->id) != 0 || strcmp(sha, r->model_sha256) != 0)) {
        struct strbuf shown = STRBUF_INIT;
        text_add_quoted(&shown, id, 60);
        strbuf_adds(&shown, " version ");
        text_add_quoted(&shown, version, 40);
        yerror(&l->c, n,
               "this share was made against the model %s (SHA-256 %.12s), but the rules "
               "loaded are '%s' version %s (SHA-256 %.12s); pass the matching rules with "
               "--rules%s",
               strbuf_str(&shown), sha, r->id, r->version, r->model_sha256,
               l->for_benchmark ? ", or compare across models with --allow-model-change" : "");
        strbuf_release(&shown);
        return false;
    }
    l->s->model_id = pool_strdup(&l->s->pool, id);
    l->s->model_version = pool_strdup(&l->s->pool, version);
    l->s->model_sha256 = pool_strdup(&l->s->pool, sha);
    return true;
}

/* ---- stages ---- */

static bool known_band(const struct rules *r, const char *id)
{
    for (size_t b = 0; b < r->n_bands; b++)
        if (strcmp(r->bands[b].id, id) == 0)
            return true;
    return strcmp(id, "insufficient-data") == 0 || strcmp(id, "not-applicable") == 0;
}

static void read_stage(struct loader *l, const struct ynode *n, const struct ynode **seen)
{
    static const char *const keys[] = {"!id", "!score", "!band", "!answered", "!answerable", NULL};
    if (!yexpect_map(&l->c, n, "a stage") || ymap_check_keys(&l->c, n, "a stage", keys))
        return;
    const struct ynode *idn = ymap_get(n, "id");
    const char *id = yid(&l->c, idn, "a stage's id");
    if (!id)
        return;
    long st = rules_find_stage(l->r, id);
    if (st < 0 && l->any_model)
        return; /* a stage of another model */
    if (st < 0) {
        yerror(&l->c, idn, "unknown stage '%s' in model '%s'", id, l->r->id);
        return;
    }
    if (seen[st]) {
        yerror(&l->c, idn, "stage '%s' is given twice, first at line %u", id, seen[st]->line);
        return;
    }
    seen[st] = idn;
    struct share_stage *ss = &l->s->stages[st];
    const struct ynode *score = ymap_get(n, "score");
    if (!ynode_is_null(score))
        ss->has_score = tenths(l, score, 0, 1000, "a stage's score", &ss->score_tenths);
    const char *band = ymap_text(&l->c, n, "band", "a stage's band");
    if (band && !known_band(l->r, band) && !l->any_model)
        yerror(&l->c, ymap_get(n, "band"), "unknown band '%s' in model '%s'", band, l->r->id);
    else if (band)
        ss->band = pool_strdup(&l->s->pool, band);
    long items = l->any_model ? (long)SHARE_FILE_MAX : (long)l->r->stages[st].n_items;
    if (count(l, n, "answerable", items, &ss->answerable))
        (void)count(l, n, "answered", (long)ss->answerable, &ss->answered);
}

static void read_stages(struct loader *l, const struct ynode *n)
{
    const struct rules *r = l->r;
    if (!yexpect_seq(&l->c, n, "stages"))
        return;
    const struct ynode **seen = xcalloc(r->n_stages + 1, sizeof(*seen));
    for (size_t k = 0; k < n->n; k++)
        read_stage(l, n->kids[k], seen);
    for (size_t st = 0; st < r->n_stages && !l->any_model; st++)
        if (!seen[st]) {
            yerror(&l->c, n, "stage '%s' of model '%s' is missing from 'stages'", r->stages[st].id,
                   r->id);
            break;
        }
    free(seen);
}

/* ---- means ---- */

static void report_unknown_item(struct loader *l, const struct ynode *key)
{
    const struct rules *r = l->r;
    const char **names = xcalloc(r->n_items + 1, sizeof(*names));
    size_t n = 0;
    for (size_t i = 0; i < r->n_items; i++)
        if (r->items[i].question)
            names[n++] = r->items[i].id;
    const char *near = text_did_you_mean(key->str, names, n);
    struct strbuf msg = STRBUF_INIT;
    strbuf_adds(&msg, "unknown item ");
    text_add_quoted(&msg, key->str, 60);
    strbuf_addf(&msg, " in model '%s'", r->id);
    if (near)
        strbuf_addf(&msg, "; did you mean '%s'?", near);
    yerror(&l->c, key, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
    free(names);
}

static void read_means(struct loader *l, const struct ynode *n)
{
    const struct rules *r = l->r;
    if (!yexpect_map(&l->c, n, "means"))
        return;
    for (size_t k = 0; k + 1 < n->n; k += 2) {
        const struct ynode *key = n->kids[k];
        long i = rules_find_item(r, key->str);
        if ((i < 0 || !r->items[i].question) && l->any_model)
            continue; /* an item of another model */
        if (i < 0 || !r->items[i].question) {
            report_unknown_item(l, key);
            continue;
        }
        if (l->s->has_mean[i]) {
            yerror(&l->c, key, "item '%s' is given twice", key->str);
            continue;
        }
        l->s->has_mean[i] = tenths(l, n->kids[k + 1], r->scale_min * 10, r->scale_max * 10,
                                   "a mean answer", &l->s->mean_tenths[i]);
    }
}

/* ---- the file ---- */

static void read_people(struct loader *l, const struct ynode *root)
{
    struct share *s = l->s;
    long k = 0, n = 0;
    const struct ynode *kn = ymap_get(root, "min-group"), *nn = ymap_get(root, "respondents");
    if (yinteger(&l->c, kn, SHARE_MIN_GROUP_FLOOR, SHARE_MIN_GROUP_MAX, "min-group", &k) != 0 ||
        yinteger(&l->c, nn, 1, 1000000000, "respondents", &n) != 0)
        return;
    if (n < k)
        yerror(&l->c, nn,
               "a share of %ld respondents, fewer than its anonymity threshold of %ld, would "
               "give their answers away; stagegap share never writes one",
               n, k);
    s->min_group = (size_t)k;
    s->respondents = (size_t)n;
    const struct ynode *in = ymap_get(root, "invited");
    long invited = 0;
    if (in && yinteger(&l->c, in, n, SHARE_INVITED_MAX, "invited", &invited) == 0)
        s->invited = (size_t)invited;
}

static void read_root(struct loader *l, const struct ynode *root)
{
    static const char *const keys[] = {
        "!format",    "!organisation", "!date",  "!model",  "!respondents",
        "!min-group", "!stages",       "!means", "invited", NULL};
    if (!input_check_format(&l->c, root, SHARE_FORMAT, "a share file",
                            "'stagegap share' makes one") ||
        ymap_check_keys(&l->c, root, "the share file", keys))
        return;
    struct share *s = l->s;
    const char *org = ymap_text(&l->c, root, "organisation", "organisation");
    s->organisation = org ? pool_strdup(&s->pool, org) : NULL;
    const char *date = ymap_text(&l->c, root, "date", "date");
    if (date && !date_valid(date))
        yerror(&l->c, ymap_get(root, "date"), "date must be a real date, YYYY-MM-DD");
    s->date = date ? pool_strdup(&s->pool, date) : NULL;
    if (!read_model(l, ymap_get(root, "model")))
        return;
    read_people(l, root);
    s->stages = pool_array(&s->pool, l->r->n_stages + 1, sizeof(*s->stages));
    s->has_mean = pool_array(&s->pool, l->r->n_items + 1, sizeof(*s->has_mean));
    s->mean_tenths = pool_array(&s->pool, l->r->n_items + 1, sizeof(*s->mean_tenths));
    read_stages(l, ymap_get(root, "stages"));
    read_means(l, ymap_get(root, "means"));
}

static void read_root_of(void *loader, const struct ynode *root)
{
    read_root(loader, root);
}

static int load(struct share *s, const struct rules *r, bool any_model, bool for_benchmark,
                const char *file, const char *buf, size_t len, struct diags *d)
{
    struct loader l = {
        .c = {file, d}, .r = r, .s = s, .any_model = any_model, .for_benchmark = for_benchmark};
    size_t errors_before = d->errors;
    share_init(s);
    yread_root_map(&l.c, buf, len, "a share file", SHARE_FORMAT, read_root_of, &l);
    diags_set_source(d, NULL, 0);
    if (d->errors > errors_before) {
        share_release(s);
        return -1;
    }
    s->file = pool_strdup(&s->pool, file);
    return 0;
}

int share_load_buffer(struct share *s, const struct rules *r, const char *file, const char *buf,
                      size_t len, struct diags *d)
{
    return load(s, r, false, false, file, buf, len, d);
}

int share_load_for_benchmark(struct share *s, const struct rules *r, bool allow_model_change,
                             const char *file, const char *buf, size_t len, struct diags *d)
{
    return load(s, r, allow_model_change, true, file, buf, len, d);
}
