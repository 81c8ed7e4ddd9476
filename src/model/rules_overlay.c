/*
 * rules_overlay.c - a stagegap-rules/1 file with 'extends:': a base model, merged with
 * what the overlay adds, changes and retires (docs/tailoring.md).
 *
 * The base is loaded as any plain model and its pool adopted by the merged model. Changes
 * and retirements are applied to the base's items in place; added items are loaded into
 * their own array; then the merged item list is built stage by stage and kind by kind,
 * the base's items first and the overlay's after them. Every check runs on the merged
 * model, and every error is located in the overlay.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "rules_builtin.h"
#include "fileio.h"
#include "rules_internal.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

#define BUILTIN_ID "signs-of-safety"

struct overlay {
    struct loader *l;
    struct rules base;
    const char *buf; /* the overlay's bytes, for quoting its lines again after the base */
    size_t len;
    /* Per base item: the overlay's entry that changes or retires it, or NULL. */
    const struct ynode **change_at, **retire_at;
    struct rules_item *added;
    const struct ynode **added_nodes;
    size_t n_added;
    size_t *new_index; /* per base item: its index in the merged model */
};

static const struct yctx *ctx(const struct overlay *o)
{
    return &o->l->c;
}

/* Moves every diagnostic of from into d, located at the overlay's 'extends' value. */
static void relocate_diags(struct overlay *o, struct diags *from, const struct ynode *at,
                           const char *value)
{
    for (size_t i = 0; i < from->n; i++)
        diag_add(ctx(o)->d, from->v[i].severity, ctx(o)->file, at->line, at->column,
                 "extends '%s': %s", value, from->v[i].message);
}

static int load_base_file(struct overlay *o, const struct ynode *at, const char *value)
{
    const char *file = ctx(o)->file;
    char *dir = strcmp(file, "-") == 0 ? xstrdup(".") : fileio_dir_of(file);
    char *path = value[0] == '/' ? xstrdup(value) : fileio_path_join(dir, value);
    char *buf = NULL, *extends = NULL;
    size_t len;
    struct fileio_id id;
    struct diags read_d;
    int rc = -1;
    diags_init(&read_d);
    if (fileio_same_file(file, path)) {
        yerror(ctx(o), at, "the overlay extends itself; extend a plain model such as '%s'",
               BUILTIN_ID);
        goto out;
    }
    if (fileio_read_regular(path, RULES_FILE_MAX, &buf, &len, &id, &read_d) != 0) {
        relocate_diags(o, &read_d, at, value);
        goto out;
    }
    rc = rules_load_base(&o->base, path, buf, len, &extends, ctx(o)->d);
    diags_set_source(ctx(o)->d, o->buf, o->len);
    if (extends)
        yerror(ctx(o), at, "'%s' is itself an overlay (it extends '%s'); extend a plain model",
               value, extends);
out:
    diags_set_source(ctx(o)->d, o->buf, o->len);
    diags_release(&read_d);
    free(extends);
    free(buf);
    free(path);
    free(dir);
    return rc;
}

/* Loads the base the overlay's 'extends' names into o->base. */
static int load_base(struct overlay *o, const struct ynode *at)
{
    const char *value = ytext(ctx(o), at, "extends");
    if (!value)
        return -1;
    if (strcmp(value, BUILTIN_ID) != 0)
        return load_base_file(o, at, value);
    int rc = rules_load_default(&o->base, ctx(o)->d);
    diags_set_source(ctx(o)->d, o->buf, o->len);
    return rc;
}

/* The base's item an entry's 'item:' names, or -1 after reporting. */
static long find_base_item(struct overlay *o, const struct ynode *entry, const char *what)
{
    const struct ynode *at = ymap_get(entry, "item");
    const char *id = at ? ytext(ctx(o), at, what) : NULL;
    if (!id)
        return -1;
    long i = rules_find_item(&o->base, id);
    if (i >= 0)
        return i;
    size_t n = diags_full(ctx(o)->d) ? 0 : o->base.n_items;
    const char **names = xcalloc(n + 1, sizeof(*names));
    for (size_t k = 0; k < n; k++)
        names[k] = o->base.items[k].id ? o->base.items[k].id : "";
    struct strbuf msg = STRBUF_INIT;
    strbuf_addf(&msg, "unknown item in the base model '%s':", o->base.id);
    rules_report_unknown_ref(o->l, at, strbuf_str(&msg), id, names, n);
    strbuf_release(&msg);
    free(names);
    return -1;
}

/* Records entry as the one that changes (or retires) base item i; reports a second one. */
static bool claim(struct overlay *o, const struct ynode **slots, long i, const struct ynode *entry,
                  const char *verb)
{
    if (!slots[i]) {
        slots[i] = entry;
        return true;
    }
    yerror(ctx(o), ymap_get(entry, "item"), "'%s' is %s twice; it was first %s at line %u",
           o->base.items[i].id, verb, verb, slots[i]->line);
    return false;
}

static void load_retire(struct overlay *o, const struct ynode *seq)
{
    static const char *const keys[] = {"!item", "!reason", NULL};
    for (size_t k = 0; k < seq->n; k++) {
        const struct ynode *n = seq->kids[k];
        if (!yexpect_map(ctx(o), n, "a retire entry"))
            continue;
        ymap_check_keys(ctx(o), n, "retire entry", keys);
        const char *reason = rules_keep_text(o->l, n, "reason", "the reason for retiring");
        long i = find_base_item(o, n, "the item to retire");
        if (i < 0 || !claim(o, o->retire_at, i, n, "retired"))
            continue;
        struct rules_item *it = &o->base.items[i];
        it->retired = reason ? reason : "";
        it->question = NULL;
    }
}

static void change_weight_target(struct overlay *o, const struct ynode *n, struct rules_item *it)
{
    const struct ynode *v;
    if ((v = ymap_get(n, "weight"))) {
        rules_load_weight(o->l, v, it);
        it->changes |= CHANGED_WEIGHT;
    }
    if ((v = ymap_get(n, "target"))) {
        it->target = (struct rules_target){0};
        rules_load_target(ctx(o), o->l->r, v, &it->target);
        it->changes |= CHANGED_TARGET;
    }
}

static void change_item(struct overlay *o, const struct ynode *n, struct rules_item *it)
{
    static const char *const words[] = {"question", "low", "high"};
    const char **fields[] = {&it->question, &it->low, &it->high};
    const struct ynode *text = ymap_get(n, "text");
    if (text)
        yerror(ctx(o), text,
               "the briefing's wording of '%s' is kept as the base has it; an overlay may "
               "change its question, low and high",
               it->id);
    for (size_t w = 0; w < 3; w++) {
        if (!ymap_get(n, words[w]))
            continue;
        struct strbuf what = STRBUF_INIT;
        strbuf_addf(&what, "item %s", words[w]);
        const char *value = rules_keep_text(o->l, n, words[w], strbuf_str(&what));
        strbuf_release(&what);
        if (value)
            *fields[w] = value;
        it->changes |= CHANGED_QUESTION;
    }
    change_weight_target(o, n, it);
    rules_check_addresses_allowed(o->l, n, it);
    if (ymap_get(n, "addresses") && it->kind == ITEM_SUGGESTION)
        it->changes |= CHANGED_ADDRESSES;
    if (it->changes)
        it->origin = ORIGIN_CHANGED;
    else if (n->n == 2) /* only 'item:' */
        yerror(ctx(o), n,
               "the change of '%s' changes nothing; give a question, low, high, weight, "
               "target or addresses",
               it->id);
}

static void load_change(struct overlay *o, const struct ynode *seq)
{
    static const char *const keys[] = {"!item",  "text",   "question",  "low", "high",
                                       "weight", "target", "addresses", NULL};
    for (size_t k = 0; k < seq->n; k++) {
        const struct ynode *n = seq->kids[k];
        if (!yexpect_map(ctx(o), n, "a change entry"))
            continue;
        ymap_check_keys(ctx(o), n, "change entry", keys);
        long i = find_base_item(o, n, "the item to change");
        if (i < 0 || !claim(o, o->change_at, i, n, "changed"))
            continue;
        if (o->retire_at[i]) {
            yerror(ctx(o), ymap_get(n, "item"),
                   "'%s' is both changed and retired (at line %u); a retired item is never "
                   "asked or scored",
                   o->base.items[i].id, o->retire_at[i]->line);
            continue;
        }
        change_item(o, n, &o->base.items[i]);
    }
}

static size_t count_added(const struct ynode *seq)
{
    size_t total = 0;
    for (size_t s = 0; s < seq->n; s++)
        for (int k = 0; k < ITEM_KINDS; k++) {
            const struct ynode *list = ymap_get(seq->kids[s], item_kind_list((enum item_kind)k));
            if (seq->kids[s]->type == YNODE_MAP && list && list->type == YNODE_SEQ)
                total += list->n;
        }
    return total;
}

static long find_stage(struct overlay *o, const struct ynode *entry)
{
    const struct ynode *at = ymap_get(entry, "stage");
    const char *id = at ? yid(ctx(o), at, "the stage to add to") : NULL;
    if (!id)
        return -1;
    long s = rules_find_stage(&o->base, id);
    if (s >= 0)
        return s;
    const char **names = xcalloc(o->base.n_stages + 1, sizeof(*names));
    for (size_t k = 0; k < o->base.n_stages; k++)
        names[k] = o->base.stages[k].id;
    rules_report_unknown_ref(o->l, at, "unknown stage in the base model:", id, names,
                             o->base.n_stages);
    free(names);
    return -1;
}

static void load_add_entry(struct overlay *o, const struct ynode *n)
{
    static const char *const keys[] = {"!stage",   "challenges",  "facilitators",
                                       "barriers", "suggestions", NULL};
    if (!yexpect_map(ctx(o), n, "an add entry"))
        return;
    ymap_check_keys(ctx(o), n, "add entry", keys);
    long stage = find_stage(o, n);
    bool any = false;
    for (int k = 0; k < ITEM_KINDS; k++) {
        const struct ynode *list = ymap_get(n, item_kind_list((enum item_kind)k));
        if (!list || !yexpect_seq(ctx(o), list, item_kind_list((enum item_kind)k)))
            continue;
        /* Under an unknown stage the items are still checked, but never merged. */
        for (size_t i = 0; i < list->n; i++) {
            struct rules_item *it = &o->added[o->n_added];
            o->added_nodes[o->n_added++] = list->kids[i];
            rules_load_item(o->l, list->kids[i], (enum item_kind)k,
                            stage >= 0 ? (size_t)stage : SIZE_MAX, it);
            it->origin = ORIGIN_ADDED;
            any = true;
        }
    }
    if (stage >= 0 && !any)
        yerror(ctx(o), n,
               "this add entry adds nothing to stage '%s'; list challenges, "
               "facilitators, barriers or suggestions",
               o->base.stages[stage].id);
}

/* Added ids the base uses; ids added twice are found when the merged model is indexed. */
static void check_added_ids(struct overlay *o)
{
    for (size_t i = 0; i < o->n_added; i++) {
        struct rules_item *it = &o->added[i];
        long same = it->id ? rules_find_item(&o->base, it->id) : -1;
        if (same < 0)
            continue;
        yerror(ctx(o), ymap_get(o->added_nodes[i], "id"),
               "item id '%s' is already the base model's (line %u of %s); change it with "
               "'change:' or choose another id",
               it->id, o->base.items[same].line, o->base.file);
        it->id = NULL; /* reported: left out of the index */
    }
}

static void load_add(struct overlay *o, const struct ynode *seq)
{
    size_t total = count_added(seq);
    if (total + o->base.n_items > RULES_ITEMS_MAX) {
        yerror(ctx(o), seq, "%zu items with the base's %zu is more than the limit of %d", total,
               o->base.n_items, RULES_ITEMS_MAX);
        return;
    }
    o->added = pool_array(&o->l->r->pool, total, sizeof(*o->added));
    o->added_nodes = xcalloc(total + 1, sizeof(*o->added_nodes));
    for (size_t s = 0; s < seq->n; s++)
        load_add_entry(o, seq->kids[s]);
    check_added_ids(o);
}

/* The merged items: per stage, per kind, the base's in order and then the overlay's. */
static void merge_items(struct overlay *o)
{
    struct rules *r = o->l->r;
    size_t total = o->base.n_items + o->n_added;
    r->items = pool_array(&r->pool, total, sizeof(*r->items));
    r->stages = pool_array(&r->pool, o->base.n_stages, sizeof(*r->stages));
    memcpy(r->stages, o->base.stages, o->base.n_stages * sizeof(*r->stages));
    o->l->item_nodes = xcalloc(total + 1, sizeof(*o->l->item_nodes));
    o->new_index = xcalloc(o->base.n_items + 1, sizeof(*o->new_index));
    r->n_items = 0;
    for (size_t s = 0; s < r->n_stages; s++) {
        r->stages[s].first_item = r->n_items;
        for (int k = 0; k < ITEM_KINDS; k++) {
            for (size_t i = 0; i < o->base.n_items; i++)
                if (o->base.items[i].stage == s && o->base.items[i].kind == (enum item_kind)k) {
                    o->new_index[i] = r->n_items;
                    r->items[r->n_items++] = o->base.items[i];
                }
            for (size_t i = 0; i < o->n_added; i++)
                if (o->added[i].stage == s && o->added[i].kind == (enum item_kind)k) {
                    o->l->item_nodes[r->n_items] = o->added_nodes[i];
                    r->items[r->n_items++] = o->added[i];
                }
        }
        r->stages[s].n_items = r->n_items - r->stages[s].first_item;
    }
}

/* Resolves the addresses written at seq for it, refusing a retired item. */
static void resolve_written(struct overlay *o, struct rules_item *it, const struct ynode *seq)
{
    struct rules *r = o->l->r;
    it->addresses = NULL;
    it->n_addresses = 0;
    if (!yexpect_seq(ctx(o), seq, "addresses"))
        return;
    if (seq->n == 0) {
        yerror(ctx(o), seq, "'%s' must address at least one item; retire it instead",
               it->id ? it->id : "?");
        return;
    }
    it->addresses = pool_array(&r->pool, seq->n, sizeof(*it->addresses));
    for (size_t k = 0; k < seq->n; k++) {
        size_t before = it->n_addresses;
        rules_resolve_link(o->l, it, seq->kids[k]);
        if (it->n_addresses > before && r->items[it->addresses[before]].retired) {
            yerror(ctx(o), seq->kids[k],
                   "suggestion '%s' addresses '%s', which this overlay retires", it->id,
                   r->items[it->addresses[before]].id);
            it->n_addresses = before;
        }
    }
}

/*
 * A base suggestion's links, renumbered, without those to retired items. A retired
 * suggestion keeps none: it closes no gap, so it is never ranked as an action.
 */
static void relink_base(struct overlay *o, size_t base_index, struct rules_item *it)
{
    struct rules *r = o->l->r;
    if (o->retire_at[base_index]) {
        it->addresses = NULL;
        it->n_addresses = 0;
        return;
    }
    size_t kept = 0;
    const struct ynode *dropped = NULL;
    size_t dropped_item = 0;
    size_t *links = pool_array(&r->pool, it->n_addresses, sizeof(*links));
    for (size_t k = 0; k < it->n_addresses; k++) {
        size_t to = it->addresses[k];
        if (o->retire_at[to]) {
            dropped = o->retire_at[to];
            dropped_item = to;
        } else
            links[kept++] = o->new_index[to];
    }
    it->addresses = links;
    it->n_addresses = kept;
    if (kept == 0 && dropped)
        yerror(ctx(o), ymap_get(dropped, "item"),
               "retiring '%s' leaves suggestion '%s' of the base addressing nothing; retire "
               "'%s' too, or give it other addresses with 'change:'",
               o->base.items[dropped_item].id, it->id, it->id);
}

static void link_items(struct overlay *o)
{
    struct rules *r = o->l->r;
    for (size_t i = 0; i < o->base.n_items; i++) {
        struct rules_item *it = &r->items[o->new_index[i]];
        const struct ynode *change = o->change_at[i];
        const struct ynode *written = change ? ymap_get(change, "addresses") : NULL;
        if (written && it->kind == ITEM_SUGGESTION)
            resolve_written(o, it, written);
        else
            relink_base(o, i, it);
    }
    for (size_t i = 0; i < r->n_items; i++) {
        const struct ynode *n = o->l->item_nodes[i];
        const struct ynode *seq = n ? ymap_get(n, "addresses") : NULL;
        if (seq && r->items[i].kind == ITEM_SUGGESTION)
            resolve_written(o, &r->items[i], seq);
    }
}

static void load_header(struct overlay *o, const struct ynode *root)
{
    struct rules *r = o->l->r;
    const struct ynode *n;
    if ((n = ymap_get(root, "format")) && !ynode_is(n, RULES_FORMAT))
        yerror(ctx(o), n, "format must be '%s'", RULES_FORMAT);
    static const char *const kept[] = {"scale", "levels", "stages"};
    for (size_t k = 0; k < 3; k++)
        if ((n = ymap_get(root, kept[k])))
            yerror(ctx(o), n,
                   "an overlay keeps its base's %s; it may add items ('add:'), change them "
                   "('change:') or retire them ('retire:')",
                   kept[k]);
    r->id = (n = ymap_get(root, "id")) ? rules_keep(o->l, yid(ctx(o), n, "rules id")) : NULL;
    if (r->id && strcmp(r->id, o->base.id) == 0)
        yerror(ctx(o), n,
               "the overlay's id must differ from its base's '%s', so that reports "
               "tell the two apart",
               o->base.id);
    r->version = rules_keep_text(o->l, root, "version", "version");
    const char *title = rules_keep_text(o->l, root, "title", "title");
    const char *description = rules_keep_text(o->l, root, "description", "description");
    r->title = title ? title : r->title;
    r->description = description ? description : r->description;
    if ((n = ymap_get(root, "source"))) {
        memset(&r->source, 0, sizeof(r->source));
        rules_load_source(o->l, n);
    }
    if ((n = ymap_get(root, "scoring"))) {
        int64_t coverage = r->min_coverage_scaled, acted_on = r->acted_on_scaled;
        rules_load_scoring(o->l, n);
        if (coverage != r->min_coverage_scaled || acted_on != r->acted_on_scaled)
            r->overlay_changes |= OVERLAY_CHANGED_SCORING;
    }
    if ((n = ymap_get(root, "bands")) && yexpect_seq(ctx(o), n, "bands")) {
        if (n->n == 0)
            yerror(ctx(o), n, "'bands' must list at least one entry");
        else {
            r->n_bands = 0; /* the overlay's list replaces the base's */
            rules_load_bands(o->l, n);
            r->overlay_changes |= OVERLAY_CHANGED_BANDS;
        }
    }
}

/* r takes the base's scalars and adopts its pool; base names it as provenance. */
static void take_base(struct overlay *o)
{
    struct rules *r = o->l->r;
    struct pool pool = r->pool;
    *r = o->base;
    r->pool = pool;
    pool_adopt(&r->pool, &o->base.pool);
    struct rules_provenance *p = pool_alloc(&r->pool, sizeof(*p));
    p->id = o->base.id;
    p->version = o->base.version;
    p->file = o->base.file;
    memcpy(p->sha256, o->base.sha256, sizeof(p->sha256));
    r->base = p;
}

static void load_lists(struct overlay *o, const struct ynode *root)
{
    static const char *const lists[] = {"retire", "change", "add"};
    static void (*const load[])(struct overlay *, const struct ynode *) = {load_retire, load_change,
                                                                           load_add};
    for (size_t k = 0; k < 3; k++) {
        const struct ynode *seq = ymap_get(root, lists[k]);
        if (seq && yexpect_seq(ctx(o), seq, lists[k]))
            load[k](o, seq);
    }
}

void rules_overlay_load(struct loader *l, const struct ynode *root, const char *buf, size_t len)
{
    static const char *const keys[] = {
        "!format", "!extends", "!id",    "!version", "title", "description", "source", "scoring",
        "bands",   "add",      "change", "retire",   "scale", "levels",      "stages", NULL};
    struct overlay o = {.l = l, .buf = buf, .len = len};
    rules_init(&o.base);
    ymap_check_keys(&l->c, root, "the overlay", keys);
    if (load_base(&o, ymap_get(root, "extends")) != 0)
        return;
    take_base(&o);
    o.change_at = xcalloc(o.base.n_items + 1, sizeof(*o.change_at));
    o.retire_at = xcalloc(o.base.n_items + 1, sizeof(*o.retire_at));
    load_header(&o, root);
    load_lists(&o, root);
    /* Even after errors, so that one run reports every problem of the overlay. */
    merge_items(&o);
    rules_index_items(l);
    link_items(&o);
    free(o.change_at);
    free(o.retire_at);
    free(o.added_nodes);
    free(o.new_index);
}

void rules_describe_changes(unsigned changes, struct strbuf *out)
{
    static const char *const names[] = {"question", "weight", "target", "addresses"};
    const char *sep = "";
    for (size_t k = 0; k < 4; k++)
        if (changes & (1u << k)) {
            strbuf_addf(out, "%s%s", sep, names[k]);
            sep = ", ";
        }
}

void rules_describe_unanswerable(const struct rules *r, const struct rules_item *it,
                                 struct strbuf *out)
{
    if (!it->retired) {
        strbuf_adds(out, "is context only and takes no answer");
        return;
    }
    strbuf_addf(out, "is retired by the model '%s' (", r->id);
    text_add_quoted(out, it->retired, 200);
    strbuf_adds(out, ") and takes no answer");
}
