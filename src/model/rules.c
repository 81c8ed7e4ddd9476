#include "rules.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "exact.h"
#include "fileio.h"
#include "rules_internal.h"
#include "schema.h"
#include "sha256.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

static const char *const kind_names[ITEM_KINDS] = {"challenge", "facilitator", "barrier",
                                                   "suggestion"};
static const char *const kind_lists[ITEM_KINDS] = {"challenges", "facilitators", "barriers",
                                                   "suggestions"};

const char *item_kind_name(enum item_kind kind)
{
    return kind_names[kind];
}

const char *item_kind_list(enum item_kind kind)
{
    return kind_lists[kind];
}

const char *rules_item_label(const struct rules_item *it)
{
    return it->label ? it->label : item_kind_name(it->kind);
}

void rules_init(struct rules *r)
{
    memset(r, 0, sizeof(*r));
    pool_init(&r->pool);
}

void rules_release(struct rules *r)
{
    pool_release(&r->pool);
    rules_init(r);
}

const char *rules_keep(struct loader *l, const char *s)
{
    return s ? pool_strdup(&l->r->pool, s) : NULL;
}

const char *rules_keep_text(struct loader *l, const struct ynode *map, const char *key,
                            const char *what)
{
    return rules_keep(l, ymap_text(&l->c, map, key, what));
}

static const char *const *sort_ids;

static int compare_id_slots(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    int c = strcmp(sort_ids[a], sort_ids[b]);
    return c ? c : (a > b) - (a < b);
}

/*
 * Reports, in file order, every id of ids[0..n) that an earlier entry already used;
 * at[i] is where ids[i] was written. NULL ids (already reported) are skipped. Sorting
 * keeps a file with many entries cheap to check.
 */
void rules_report_duplicate_ids(struct loader *l, const char *const *ids,
                                const struct ynode *const *at, size_t n, const char *what)
{
    size_t *order = xcalloc(n ? n : 1, sizeof(*order)), count = 0;
    size_t *first = xcalloc(n ? n : 1, sizeof(*first));
    for (size_t i = 0; i < n; i++) {
        first[i] = i;
        if (ids[i])
            order[count++] = i;
    }
    sort_ids = ids;
    qsort(order, count, sizeof(*order), compare_id_slots);
    sort_ids = NULL;
    for (size_t k = 1; k < count; k++)
        if (strcmp(ids[order[k - 1]], ids[order[k]]) == 0)
            first[order[k]] = first[order[k - 1]];
    for (size_t i = 0; i < n; i++)
        if (first[i] != i)
            yerror(&l->c, at[i], "duplicate %s id '%s'; it was first used at line %u", what, ids[i],
                   at[first[i]]->line);
    free(order);
    free(first);
}

void rules_load_source(struct loader *l, const struct ynode *n)
{
    static const char *const keys[] = {"!title", "publisher", "year", "url",
                                       "!note",  "judgement", NULL};
    if (!yexpect_map(&l->c, n, "source"))
        return;
    ymap_check_keys(&l->c, n, "source", keys);
    struct rules_source *s = &l->r->source;
    s->title = rules_keep_text(l, n, "title", "source title");
    s->publisher = rules_keep_text(l, n, "publisher", "source publisher");
    s->url = rules_keep_text(l, n, "url", "source url");
    s->note = rules_keep_text(l, n, "note", "source note");
    s->judgement = rules_keep_text(l, n, "judgement", "source judgement");
    const struct ynode *year = ymap_get(n, "year");
    if (year)
        yinteger(&l->c, year, 1000, 9999, "source year", &s->year);
}

static void load_scale(struct loader *l, const struct ynode *n)
{
    static const char *const keys[] = {"!min", "!max", "!low", "!high", NULL};
    if (!yexpect_map(&l->c, n, "scale"))
        return;
    ymap_check_keys(&l->c, n, "scale", keys);
    const struct ynode *min = ymap_get(n, "min"), *max = ymap_get(n, "max");
    int min_ok = min ? yinteger(&l->c, min, -1000, 1000, "scale min", &l->r->scale_min) : -1;
    int max_ok = max ? yinteger(&l->c, max, -1000, 1000, "scale max", &l->r->scale_max) : -1;
    if (min_ok == 0 && max_ok == 0) {
        long span = l->r->scale_max - l->r->scale_min;
        if (span < 1 || span > 100)
            yerror(&l->c, max, "scale max must be above min by 1 to 100 points, not by %ld", span);
    }
    l->r->scale_low = rules_keep_text(l, n, "low", "scale low");
    l->r->scale_high = rules_keep_text(l, n, "high", "scale high");
}

/* A number from 0 to 1, held exactly and as a double for display. */
static void load_fraction(struct loader *l, const struct ynode *v, const char *what,
                          int64_t *scaled, double *shown)
{
    if (ydecimal(&l->c, v, 0, EXACT_SCALE, what, scaled) == 0)
        *shown = (double)*scaled / EXACT_SCALE;
}

void rules_load_scoring(struct loader *l, const struct ynode *n)
{
    static const char *const keys[] = {"min-coverage", "acted-on", NULL};
    if (!yexpect_map(&l->c, n, "scoring"))
        return;
    ymap_check_keys(&l->c, n, "scoring", keys);
    const struct ynode *v;
    if ((v = ymap_get(n, "min-coverage")))
        load_fraction(l, v, "scoring min-coverage", &l->r->min_coverage_scaled,
                      &l->r->min_coverage);
    if ((v = ymap_get(n, "acted-on")))
        load_fraction(l, v, "scoring acted-on", &l->r->acted_on_scaled, &l->r->acted_on);
}

static void load_levels(struct loader *l, const struct ynode *seq)
{
    static const char *const keys[] = {"!id", "!title", "description", NULL};
    struct rules *r = l->r;
    r->levels = pool_array(&r->pool, seq->n, sizeof(*r->levels));
    const char **ids = xcalloc(seq->n ? seq->n : 1, sizeof(*ids));
    const struct ynode **at = xcalloc(seq->n ? seq->n : 1, sizeof(*at));
    for (size_t i = 0; i < seq->n; i++) {
        const struct ynode *n = seq->kids[i];
        if (!yexpect_map(&l->c, n, "a level"))
            continue;
        ymap_check_keys(&l->c, n, "level", keys);
        struct rules_level *lv = &r->levels[r->n_levels++];
        const struct ynode *id = ymap_get(n, "id");
        lv->id = id ? rules_keep(l, yid(&l->c, id, "level id")) : NULL;
        ids[i] = lv->id;
        at[i] = id;
        lv->title = rules_keep_text(l, n, "title", "level title");
        lv->description = rules_keep_text(l, n, "description", "level description");
    }
    rules_report_duplicate_ids(l, ids, at, seq->n, "level");
    free(ids);
    free(at);
}

void rules_load_bands(struct loader *l, const struct ynode *seq)
{
    static const char *const keys[] = {"!id", "!title", "!min", "description", NULL};
    struct rules *r = l->r;
    r->bands = pool_array(&r->pool, seq->n, sizeof(*r->bands));
    const char **ids = xcalloc(seq->n ? seq->n : 1, sizeof(*ids));
    const struct ynode **at = xcalloc(seq->n ? seq->n : 1, sizeof(*at));
    const struct ynode *last_min = NULL; /* the last valid min, and its value */
    double last = 0;
    for (size_t i = 0; i < seq->n; i++) {
        const struct ynode *n = seq->kids[i];
        if (!yexpect_map(&l->c, n, "a band"))
            continue;
        ymap_check_keys(&l->c, n, "band", keys);
        struct rules_band *b = &r->bands[r->n_bands++];
        const struct ynode *id = ymap_get(n, "id"), *min = ymap_get(n, "min");
        b->id = id ? rules_keep(l, yid(&l->c, id, "band id")) : NULL;
        ids[i] = b->id;
        at[i] = id;
        if (b->id && strcmp(b->id, "insufficient-data") == 0)
            yerror(&l->c, id,
                   "band id 'insufficient-data' is reserved for stages with too "
                   "few answers");
        b->title = rules_keep_text(l, n, "title", "band title");
        b->description = rules_keep_text(l, n, "description", "band description");
        /* Compared with the last band whose min was valid, so one bad min is one error. */
        if (min && ydecimal(&l->c, min, 0, 100 * EXACT_SCALE, "band min", &b->min_scaled) == 0) {
            b->min = (double)b->min_scaled / EXACT_SCALE;
            if (last_min && b->min >= last)
                yerror(&l->c, min,
                       "bands run highest first: min %g must be below the "
                       "band before's %g",
                       b->min, last);
            last_min = min;
            last = b->min;
        }
    }
    if (last_min && last != 0)
        yerror(&l->c, last_min, "the last band must have min: 0, so every score has a band");
    rules_report_duplicate_ids(l, ids, at, seq->n, "band");
    free(ids);
    free(at);
}

void rules_load_target(const struct yctx *c, struct rules *r, const struct ynode *n,
                       struct rules_target *t)
{
    static const char *const keys[] = {"!score", "!by", NULL};
    if (!yexpect_map(c, n, "a target ({score: ..., by: YYYY-MM-DD})"))
        return;
    ymap_check_keys(c, n, "the target", keys);
    const struct ynode *score = ymap_get(n, "score"), *by = ymap_get(n, "by");
    bool ok = score && by;
    if (score && ydecimal(c, score, r->scale_min * EXACT_SCALE, r->scale_max * EXACT_SCALE,
                          "target score", &t->score_scaled) != 0)
        ok = false;
    const char *date = by ? ytext(c, by, "target date") : NULL;
    if (by && date && !date_valid(date)) {
        yerror(c, by, "target date must be a real date written YYYY-MM-DD");
        ok = false;
    }
    if (!ok || !date)
        return;
    t->set = true;
    t->score = (double)t->score_scaled / EXACT_SCALE;
    t->by = pool_strdup(&r->pool, date);
    t->line = n->line;
    t->column = n->column;
}

void rules_check_addresses_allowed(struct loader *l, const struct ynode *n,
                                   const struct rules_item *it)
{
    const struct ynode *addr = ymap_get(n, "addresses");
    if (addr && it->kind != ITEM_SUGGESTION)
        yerror(&l->c, addr, "only a suggestion has 'addresses'; '%s' is a %s",
               it->id ? it->id : "this item", item_kind_name(it->kind));
}

static long find_level(const struct rules *r, const char *id)
{
    for (size_t i = 0; i < r->n_levels; i++)
        if (r->levels[i].id && strcmp(r->levels[i].id, id) == 0)
            return (long)i;
    return -1;
}

/* "unknown WHAT 'x'; did you mean 'y'?" with the closest of the n names. */
void rules_report_unknown_ref(struct loader *l, const struct ynode *at, const char *what,
                              const char *id, const char *const *names, size_t n)
{
    const char *near = text_did_you_mean(id, names, n);
    struct strbuf msg = STRBUF_INIT;
    strbuf_addf(&msg, "%s ", what);
    text_add_quoted(&msg, id, 60);
    if (near)
        strbuf_addf(&msg, "; did you mean '%s'?", near);
    yerror(&l->c, at, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
}

static void load_item_level(struct loader *l, const struct ynode *n, struct rules_item *it)
{
    const struct rules *r = l->r;
    const struct ynode *level = ymap_get(n, "level");
    const char *level_id = level ? ytext(&l->c, level, "item level") : NULL;
    if (!level_id)
        return;
    long li = find_level(r, level_id);
    if (li >= 0) {
        it->level = (size_t)li;
        return;
    }
    size_t n_names = diags_full(l->c.d) ? 0 : r->n_levels;
    const char **names = xcalloc(n_names + 1, sizeof(*names));
    for (size_t i = 0; i < n_names; i++)
        names[i] = r->levels[i].id ? r->levels[i].id : "";
    rules_report_unknown_ref(l, level, "unknown level", level_id, names, n_names);
    free(names);
}

void rules_load_weight(struct loader *l, const struct ynode *w, struct rules_item *it)
{
    if (ydecimal(&l->c, w, 0, 100 * EXACT_SCALE, "item weight", &it->weight_scaled) != 0)
        return;
    it->weight = (double)it->weight_scaled / EXACT_SCALE;
    if (it->weight_scaled <= 0)
        yerror(&l->c, w, "item weight must be above 0; leave an item out rather than weigh it 0");
}

/* A label stands where a kind's name would, before an item's text: a few words on a line. */
static void check_label(struct loader *l, const struct ynode *n, const char *label)
{
    enum { LABEL_MAX = 40 };
    if (label && (strlen(label) > LABEL_MAX || strchr(label, '\n')))
        yerror(&l->c, ymap_get(n, "label"),
               "an item label is a few words on one line (at most %d characters), said "
               "in place of the kind's name, such as 'from lesson 2'",
               LABEL_MAX);
}

void rules_load_item(struct loader *l, const struct ynode *n, enum item_kind kind, size_t stage,
                     struct rules_item *it)
{
    static const char *const keys[] = {"!id",       "!text",  "!level", "question", "low",
                                       "high",      "weight", "source", "label",    "hedge",
                                       "addresses", "target", NULL};
    struct rules *r = l->r;
    it->kind = kind;
    it->stage = stage;
    it->weight = 1;
    it->weight_scaled = EXACT_SCALE;
    it->line = n->line;
    if (!yexpect_map(&l->c, n, "an item"))
        return;
    const struct ynode *id = ymap_get(n, "id");
    it->id = id ? rules_keep(l, yid(&l->c, id, "item id")) : NULL;
    struct strbuf what = STRBUF_INIT;
    strbuf_addf(&what, "item '%s'", it->id ? it->id : "?");
    ymap_check_keys(&l->c, n, strbuf_str(&what), keys);
    strbuf_release(&what);
    it->text = rules_keep_text(l, n, "text", "item text");
    it->question = rules_keep_text(l, n, "question", "item question");
    it->low = rules_keep_text(l, n, "low", "item low");
    it->high = rules_keep_text(l, n, "high", "item high");
    it->source = rules_keep_text(l, n, "source", "item source");
    it->label = rules_keep_text(l, n, "label", "item label");
    it->hedge = rules_keep_text(l, n, "hedge", "item hedge");
    check_label(l, n, it->label);
    const struct ynode *w = ymap_get(n, "weight");
    if (w)
        rules_load_weight(l, w, it);
    load_item_level(l, n, it);
    rules_check_addresses_allowed(l, n, it);
    if ((w = ymap_get(n, "target")))
        rules_load_target(&l->c, r, w, &it->target);
}

static size_t count_items(const struct ynode *stages)
{
    size_t total = 0;
    for (size_t s = 0; s < stages->n; s++)
        for (int k = 0; k < ITEM_KINDS; k++) {
            const struct ynode *list = ymap_get(stages->kids[s], kind_lists[k]);
            if (list && list->type == YNODE_SEQ)
                total += list->n;
        }
    return total;
}

static void load_notes(struct loader *l, const struct ynode *n, struct rules_stage *st)
{
    if (!yexpect_seq(&l->c, n, "notes"))
        return;
    st->notes = pool_array(&l->r->pool, n->n, sizeof(*st->notes));
    for (size_t i = 0; i < n->n; i++) {
        const char *note = rules_keep(l, ytext(&l->c, n->kids[i], "a note"));
        if (note)
            st->notes[st->n_notes++] = note;
    }
}

static void load_stage(struct loader *l, const struct ynode *n, size_t index)
{
    static const char *const keys[] = {"!id",         "!title",       "description",
                                       "challenges",  "facilitators", "barriers",
                                       "suggestions", "notes",        NULL};
    struct rules_stage *st = &l->r->stages[index];
    st->first_item = l->r->n_items;
    if (!yexpect_map(&l->c, n, "a stage"))
        return;
    const struct ynode *id = ymap_get(n, "id");
    st->id = id ? rules_keep(l, yid(&l->c, id, "stage id")) : NULL;
    ymap_check_keys(&l->c, n, "stage", keys);
    st->title = rules_keep_text(l, n, "title", "stage title");
    st->description = rules_keep_text(l, n, "description", "stage description");
    for (int k = 0; k < ITEM_KINDS; k++) {
        const struct ynode *list = ymap_get(n, kind_lists[k]);
        if (!list || !yexpect_seq(&l->c, list, kind_lists[k]))
            continue;
        for (size_t i = 0; i < list->n; i++) {
            l->item_nodes[l->r->n_items] = list->kids[i];
            rules_load_item(l, list->kids[i], (enum item_kind)k, index,
                            &l->r->items[l->r->n_items++]);
        }
    }
    st->n_items = l->r->n_items - st->first_item;
    const struct ynode *notes = ymap_get(n, "notes");
    if (notes)
        load_notes(l, notes, st);
}

static void load_stages(struct loader *l, const struct ynode *seq)
{
    struct rules *r = l->r;
    size_t n_items = count_items(seq);
    if (n_items > RULES_ITEMS_MAX) {
        yerror(&l->c, seq, "%zu items is more than the limit of %d", n_items, RULES_ITEMS_MAX);
        return;
    }
    r->stages = pool_array(&r->pool, seq->n, sizeof(*r->stages));
    r->items = pool_array(&r->pool, n_items, sizeof(*r->items));
    l->item_nodes = xcalloc(n_items ? n_items : 1, sizeof(*l->item_nodes));
    r->n_stages = seq->n;
    const char **ids = xcalloc(seq->n ? seq->n : 1, sizeof(*ids));
    const struct ynode **at = xcalloc(seq->n ? seq->n : 1, sizeof(*at));
    for (size_t i = 0; i < seq->n; i++) {
        load_stage(l, seq->kids[i], i);
        ids[i] = r->stages[i].id;
        at[i] = ymap_get(seq->kids[i], "id");
    }
    rules_report_duplicate_ids(l, ids, at, seq->n, "stage");
    free(ids);
    free(at);
}

static const struct rules *sort_rules;

static int compare_item_ids(const void *pa, const void *pb)
{
    const struct rules_item *a = &sort_rules->items[*(const size_t *)pa];
    const struct rules_item *b = &sort_rules->items[*(const size_t *)pb];
    int c = strcmp(a->id, b->id);
    return c ? c : (a->line > b->line) - (a->line < b->line);
}

/* Sorts item ids for lookup and reports ids used twice. */
void rules_index_items(struct loader *l)
{
    struct rules *r = l->r;
    r->by_id = pool_array(&r->pool, r->n_items, sizeof(*r->by_id));
    size_t n = 0;
    for (size_t i = 0; i < r->n_items; i++)
        if (r->items[i].id)
            r->by_id[n++] = i;
    sort_rules = r;
    qsort(r->by_id, n, sizeof(*r->by_id), compare_item_ids);
    sort_rules = NULL;
    r->n_by_id = n;
    for (size_t i = 1; i < n; i++) {
        const struct rules_item *a = &r->items[r->by_id[i - 1]], *b = &r->items[r->by_id[i]];
        if (strcmp(a->id, b->id) == 0)
            yerror(&l->c, ymap_get(l->item_nodes[r->by_id[i]], "id"),
                   "duplicate item id '%s'; it was first used at line %u", b->id, a->line);
    }
}

void rules_resolve_link(struct loader *l, struct rules_item *it, const struct ynode *ref)
{
    struct rules *r = l->r;
    const char *id = ytext(&l->c, ref, "an address");
    if (!id)
        return;
    long target = rules_find_item(r, id);
    if (target < 0) {
        /* Once diagnostics are full, a suggestion would only be thrown away. */
        size_t n_names = diags_full(l->c.d) ? 0 : r->n_items;
        const char **names = xcalloc(n_names + 1, sizeof(*names));
        for (size_t i = 0; i < n_names; i++)
            names[i] = r->items[i].id ? r->items[i].id : "";
        rules_report_unknown_ref(l, ref, "addresses unknown item", id, names, n_names);
        free(names);
        return;
    }
    if (r->items[target].kind == ITEM_SUGGESTION) {
        yerror(&l->c, ref,
               "suggestion '%s' addresses '%s', another suggestion; a suggestion "
               "addresses challenges, facilitators or barriers",
               it->id ? it->id : "?", id);
        return;
    }
    it->addresses[it->n_addresses++] = (size_t)target;
}

static void resolve_links(struct loader *l)
{
    struct rules *r = l->r;
    for (size_t i = 0; i < r->n_items; i++) {
        struct rules_item *it = &r->items[i];
        const struct ynode *seq = ymap_get(l->item_nodes[i], "addresses");
        if (it->kind != ITEM_SUGGESTION || !seq || !yexpect_seq(&l->c, seq, "addresses"))
            continue;
        it->addresses = pool_array(&r->pool, seq->n, sizeof(*it->addresses));
        for (size_t k = 0; k < seq->n; k++)
            rules_resolve_link(l, it, seq->kids[k]);
    }
}

static bool check_format(struct loader *l, const struct ynode *root)
{
    const struct ynode *format = ymap_get(root, "format");
    if (!format) {
        yerror(&l->c, root, "no 'format' key; a rules file starts with 'format: %s'", RULES_FORMAT);
        return false;
    }
    if (ynode_is(format, RULES_FORMAT))
        return true;
    if (ynode_is(format, "stagegap-answers/1"))
        yerror(&l->c, format,
               "this is an answers file, not a rules file; pass it as ANSWERS, "
               "and a rules file with --rules");
    else
        yerror(&l->c, format, "format must be '%s'", RULES_FORMAT);
    return false;
}

static void require_list(struct loader *l, const struct ynode *root, const char *key,
                         void (*load)(struct loader *, const struct ynode *))
{
    const struct ynode *seq = ymap_get(root, key);
    if (!seq || !yexpect_seq(&l->c, seq, key))
        return;
    if (seq->n == 0) {
        yerror(&l->c, seq, "'%s' must list at least one entry", key);
        return;
    }
    load(l, seq);
}

void rules_load_root(struct loader *l, const struct ynode *root)
{
    static const char *const keys[] = {"!format",     "!id",     "!version", "!title",
                                       "description", "!source", "!scale",   "scoring",
                                       "!levels",     "!bands",  "!stages",  NULL};
    struct rules *r = l->r;
    if (!check_format(l, root))
        return;
    ymap_check_keys(&l->c, root, "the rules file", keys);
    const struct ynode *n;
    if ((n = ymap_get(root, "id")))
        r->id = rules_keep(l, yid(&l->c, n, "rules id"));
    r->version = rules_keep_text(l, root, "version", "version");
    r->title = rules_keep_text(l, root, "title", "title");
    r->description = rules_keep_text(l, root, "description", "description");
    if ((n = ymap_get(root, "source")))
        rules_load_source(l, n);
    if ((n = ymap_get(root, "scale")))
        load_scale(l, n);
    if ((n = ymap_get(root, "scoring")))
        rules_load_scoring(l, n);
    require_list(l, root, "levels", load_levels);
    require_list(l, root, "bands", rules_load_bands);
    require_list(l, root, "stages", load_stages);
    rules_index_items(l);
    resolve_links(l);
}

const struct ynode *rules_extends_of(const struct ynode *root)
{
    return root && root->type == YNODE_MAP ? ymap_get(root, "extends") : NULL;
}

void rules_begin(struct rules *r, struct ydoc *doc, const char *file, const char *buf, size_t len,
                 struct diags *d)
{
    rules_init(r);
    ydoc_init(doc);
    r->min_coverage = 0.5;
    r->acted_on = 0.7;
    r->min_coverage_scaled = EXACT_SCALE / 2;
    r->acted_on_scaled = 7 * EXACT_SCALE / 10;
    yaml_read(doc, file, buf, len, &ylimits_default, d);
}

bool rules_document_ok(struct loader *l, const struct ydoc *doc)
{
    if (doc->broken)
        return false;
    if (!doc->root) {
        diag_error(l->c.d, l->c.file, 1, 1, "empty file; a rules file starts with 'format: %s'",
                   RULES_FORMAT);
        return false;
    }
    return yexpect_map(&l->c, doc->root, "a rules file");
}

int rules_end(struct loader *l, struct ydoc *doc, const char *buf, size_t len, size_t errors_before)
{
    struct rules *r = l->r;
    struct diags *d = l->c.d;
    free(l->item_nodes);
    l->item_nodes = NULL;
    ydoc_release(doc);
    diags_set_source(d, NULL, 0);
    if (d->errors + d->io_errors > errors_before) {
        rules_release(r);
        return -1;
    }
    r->file = pool_strdup(&r->pool, l->c.file);
    sha256_hex(buf, len, r->sha256);
    /* A plain model is its file: its model hash is the file's (an overlay's is set by
       rules_load_buffer from the merged model). */
    memcpy(r->model_sha256, r->sha256, sizeof(r->model_sha256));
    return 0;
}

int rules_load_base(struct rules *r, const char *file, const char *buf, size_t len, char **extends,
                    struct diags *d)
{
    struct ydoc doc;
    struct loader l = {.c = {file, d}, .r = r};
    size_t errors_before = d->errors + d->io_errors;
    rules_begin(r, &doc, file, buf, len, d);
    const struct ynode *base_of = rules_extends_of(doc.root);
    if (base_of) {
        *extends = xstrdup(base_of->type == YNODE_SCALAR ? base_of->str : "?");
        ydoc_release(&doc);
        diags_set_source(d, NULL, 0);
        rules_release(r);
        return -1;
    }
    if (rules_document_ok(&l, &doc))
        rules_load_root(&l, doc.root);
    return rules_end(&l, &doc, buf, len, errors_before);
}

long rules_find_item(const struct rules *r, const char *id)
{
    size_t lo = 0, hi = r->n_by_id;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(r->items[r->by_id[mid]].id, id);
        if (c == 0)
            return (long)r->by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

long rules_find_stage(const struct rules *r, const char *id)
{
    for (size_t i = 0; i < r->n_stages; i++)
        if (r->stages[i].id && strcmp(r->stages[i].id, id) == 0)
            return (long)i;
    return -1;
}

size_t rules_answerable(const struct rules *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_items; i++)
        n += r->items[i].question != NULL;
    return n;
}
