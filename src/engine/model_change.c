#include "model_change.h"

#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "diag.h"
#include "rules.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* The first place a model other than a[0]'s first one is named, or NULL when none is. */
static const struct answers_pos *second_model(const struct assessment *const *a, size_t n,
                                              const char **other)
{
    for (size_t i = 0; i < n; i++) {
        if (a[i]->models_mixed) {
            /* The first file of a[i] named model_named; a later one named the other. */
            *other = NULL;
            return &a[i]->models_mixed_at;
        }
        if (i > 0 && strcmp(a[i]->model_named, a[0]->model_named) != 0) {
            *other = a[i]->model_named;
            return &a[i]->model_named_at;
        }
    }
    return NULL;
}

/* The model id that is not named: the loaded model's and its base's are the two. */
static const char *other_of(const struct rules *r, const char *named)
{
    if (r->base && strcmp(named, r->id) == 0)
        return r->base->id;
    return r->id;
}

int model_change_check(const struct assessment *const *a, size_t n, bool allow, bool *changed,
                       struct diags *d)
{
    const char *other = NULL;
    const struct answers_pos *at = n ? second_model(a, n, &other) : NULL;
    *changed = at != NULL;
    if (!at || allow)
        return 0;
    const char *first = a[0]->model_named;
    if (!other)
        other = other_of(a[0]->rules, first);
    struct strbuf msg = STRBUF_INIT;
    strbuf_adds(&msg, "these answers name the model ");
    text_add_quoted(&msg, other, 60);
    strbuf_adds(&msg, ", but ");
    text_add_quoted_path(&msg, a[0]->model_named_at.file);
    strbuf_adds(&msg, " names ");
    text_add_quoted(&msg, first, 60);
    strbuf_adds(&msg, "; assessments of different models are not compared like for like: "
                      "pass --allow-model-change to compare them and list what differs");
    diag_add(d, DIAG_ERROR, at->file, at->line, at->column, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
    return -1;
}

static void add_item(struct model_change *mc, size_t i, enum model_change_kind kind,
                     unsigned changes)
{
    mc->items[mc->n_items++] = (struct model_change_item){i, kind, changes};
}

void model_change_compute(struct model_change *mc, const struct rules *r,
                          const struct assessment *const *a, size_t n)
{
    memset(mc, 0, sizeof(*mc));
    const char *other = NULL;
    const struct answers_pos *at = n ? second_model(a, n, &other) : NULL;
    mc->from = n ? a[0]->model_named : r->id;
    mc->to = at && other ? other : other_of(r, mc->from);
    mc->overlay_changes = r->overlay_changes;
    mc->items = xcalloc(r->n_items ? r->n_items : 1, sizeof(*mc->items));
    for (size_t i = 0; i < r->n_items; i++) {
        const struct rules_item *it = &r->items[i];
        if (it->retired)
            add_item(mc, i, MODEL_ITEM_RETIRED, 0);
        else if (it->origin == ORIGIN_ADDED)
            add_item(mc, i, MODEL_ITEM_ADDED, 0);
        else if (it->origin == ORIGIN_CHANGED)
            add_item(mc, i, MODEL_ITEM_CHANGED, it->changes);
    }
}

void model_change_release(struct model_change *mc)
{
    free(mc->items);
    memset(mc, 0, sizeof(*mc));
}

const char *model_change_kind_name(enum model_change_kind k)
{
    static const char *const names[] = {"added", "retired", "changed"};
    return names[k];
}

void model_change_what(struct strbuf *sb, unsigned changes)
{
    static const struct {
        unsigned bit;
        const char *name;
    } what[] = {{CHANGED_QUESTION, "question"},
                {CHANGED_WEIGHT, "weight"},
                {CHANGED_TARGET, "target"},
                {CHANGED_ADDRESSES, "addresses"}};
    const char *sep = "";
    for (size_t k = 0; k < sizeof(what) / sizeof(what[0]); k++)
        if (changes & what[k].bit) {
            strbuf_addf(sb, "%s%s", sep, what[k].name);
            sep = ", ";
        }
}
