#include "accept.h"

#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "date.h"
#include "diag.h"
#include "fileio.h"
#include "plan.h"
#include "rules.h"
#include "schema.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

struct loader {
    struct yctx c;
    const struct rules *r;
    struct accept *a;
    const struct ynode **first_at; /* per rules item: the entry that accepted it first */
};

void accept_init(struct accept *a)
{
    memset(a, 0, sizeof(*a));
    pool_init(&a->pool);
}

void accept_release(struct accept *a)
{
    pool_release(&a->pool);
    accept_init(a);
}

const struct accept_entry *accept_find(const struct accept *a, size_t item)
{
    for (size_t k = 0; a && k < a->n_entries; k++)
        if (a->entries[k].item == item)
            return &a->entries[k];
    return NULL;
}

bool accept_expired(const struct accept_entry *e, const char *date)
{
    /* Both are YYYY-MM-DD: their order as text is their order in time. */
    return date && strcmp(e->expires, date) < 0;
}

/* ---- one entry ---- */

static void report_unknown_item(struct loader *l, const struct ynode *n)
{
    const struct rules *r = l->r;
    size_t n_names = 0;
    const char **names = xcalloc(r->n_items + 1, sizeof(*names));
    for (size_t i = 0; i < r->n_items; i++)
        if (r->items[i].question)
            names[n_names++] = r->items[i].id;
    struct strbuf msg = STRBUF_INIT;
    strbuf_adds(&msg, "unknown item ");
    text_add_quoted(&msg, n->str, 60);
    strbuf_addf(&msg, " in model '%s'", r->id);
    const char *near = text_did_you_mean(n->str, names, n_names);
    if (near)
        strbuf_addf(&msg, "; did you mean '%s'?", near);
    else
        strbuf_adds(&msg, "; 'stagegap rules' lists the model's ids");
    yerror(&l->c, n, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
    free(names);
}

/* The item an entry accepts: one with a question, once in the file; -1 after reporting. */
static long entry_item(struct loader *l, const struct ynode *n)
{
    const char *id = ytext(&l->c, n, "an accepted gap's item");
    if (!id)
        return -1;
    long item = rules_find_item(l->r, id);
    if (item < 0) {
        report_unknown_item(l, n);
        return -1;
    }
    const struct rules_item *it = &l->r->items[item];
    if (it->retired) {
        yerror(&l->c, n, "'%s' is retired in model '%s', so it is never a gap; leave it out",
               it->id, l->r->id);
        return -1;
    }
    if (!it->question) {
        yerror(&l->c, n,
               "'%s' is shown for context and has no question, so it is never a gap; "
               "accept an item that is answered",
               it->id);
        return -1;
    }
    if (l->first_at[item]) {
        yerror(&l->c, n, "'%s' is accepted twice, first at line %u; keep one", it->id,
               l->first_at[item]->line);
        return -1;
    }
    l->first_at[item] = n;
    return item;
}

/* A date written YYYY-MM-DD, or NULL after reporting. */
static const char *entry_expires(struct loader *l, const struct ynode *n)
{
    const char *s = ytext(&l->c, n, "expires");
    if (!s)
        return NULL;
    if (date_valid(s))
        return pool_strdup(&l->a->pool, s);
    struct strbuf msg = STRBUF_INIT;
    answers_msg_bad_date(&msg, "expires");
    strbuf_adds(&msg, ", not ");
    text_add_quoted(&msg, s, 40);
    yerror(&l->c, n, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
    return NULL;
}

static const char *entry_text(struct loader *l, const struct ynode *map, const char *key,
                              const char *what)
{
    const char *s = ymap_text(&l->c, map, key, what);
    return s ? pool_strdup(&l->a->pool, s) : NULL;
}

static void read_entry(struct loader *l, const struct ynode *n)
{
    static const char *const keys[] = {"!item", "!reason", "!accepted-by", "!expires", NULL};
    if (!yexpect_map(&l->c, n, "an accepted gap"))
        return;
    size_t errors_before = l->c.d->errors;
    ymap_check_keys(&l->c, n, "an accepted gap", keys);
    const struct ynode *item_node = ymap_get(n, "item");
    const struct ynode *expires_node = ymap_get(n, "expires");
    long item = item_node ? entry_item(l, item_node) : -1;
    struct accept_entry e = {
        .item = item >= 0 ? (size_t)item : 0,
        .reason = entry_text(l, n, "reason", "reason"),
        .by = entry_text(l, n, "accepted-by", "accepted-by"),
        .expires = expires_node ? entry_expires(l, expires_node) : NULL,
        .line = n->line,
        .column = n->column,
    };
    if (l->c.d->errors == errors_before)
        l->a->entries[l->a->n_entries++] = e;
}

static void read_entries(struct loader *l, const struct ynode *n)
{
    if (ynode_is_null(n) || !yexpect_seq(&l->c, n, "accepted"))
        return;
    size_t count = n->n;
    if (count > ACCEPT_ENTRIES_MAX) {
        yerror(&l->c, n->kids[ACCEPT_ENTRIES_MAX], "more than %d accepted gaps in one file",
               ACCEPT_ENTRIES_MAX);
        count = ACCEPT_ENTRIES_MAX;
    }
    l->a->entries = pool_array(&l->a->pool, count, sizeof(*l->a->entries));
    l->first_at = xcalloc(l->r->n_items + 1, sizeof(*l->first_at));
    for (size_t k = 0; k < count; k++)
        read_entry(l, n->kids[k]);
    free(l->first_at);
    l->first_at = NULL;
}

/* ---- the file ---- */

/* The model's id, or for an overlay its base's: the ids an accept file may name. */
static bool names_model(const struct rules *r, const char *id)
{
    return strcmp(id, r->id) == 0 || (r->base && r->base->id && strcmp(id, r->base->id) == 0);
}

static bool check_header(struct loader *l, const struct ynode *root)
{
    const struct ynode *format = ymap_get(root, "format");
    if (!format) {
        yerror(&l->c, root, "no 'format' key; an accept file starts with 'format: %s'",
               ACCEPT_FORMAT);
        return false;
    }
    if (ynode_is(format, RULES_FORMAT) || ynode_is(format, ANSWERS_FORMAT) ||
        ynode_is(format, PLAN_FORMAT)) {
        yerror(&l->c, format, "this is %s, not a file of accepted gaps",
               ynode_is(format, RULES_FORMAT)     ? "a rules file"
               : ynode_is(format, ANSWERS_FORMAT) ? "an answers file"
                                                  : "an action plan");
        return false;
    }
    if (!ynode_is(format, ACCEPT_FORMAT)) {
        yerror(&l->c, format, "format must be '%s'", ACCEPT_FORMAT);
        return false;
    }
    const struct ynode *model = ymap_get(root, "rules");
    const char *id = model ? ytext(&l->c, model, "rules") : NULL;
    if (id && !names_model(l->r, id)) {
        struct strbuf shown = STRBUF_INIT;
        text_add_quoted(&shown, id, 60);
        yerror(&l->c, model,
               "these accepted gaps are for the model %s, but the rules loaded are '%s'; "
               "pass the matching rules with --rules",
               strbuf_str(&shown), l->r->id);
        strbuf_release(&shown);
        return false;
    }
    l->a->rules_id = pool_strdup(&l->a->pool, id);
    return true;
}

static void read_root(struct loader *l, const struct ynode *root)
{
    static const char *const keys[] = {"!format", "!rules", "organisation", "!accepted", NULL};
    if (!check_header(l, root))
        return;
    ymap_check_keys(&l->c, root, "the accept file", keys);
    const struct ynode *org = ymap_get(root, "organisation");
    if (org && !ynode_is_null(org))
        l->a->organisation = pool_strdup(&l->a->pool, ytext(&l->c, org, "organisation"));
    const struct ynode *accepted = ymap_get(root, "accepted");
    if (accepted)
        read_entries(l, accepted);
}

static void read_root_of(void *loader, const struct ynode *root)
{
    read_root(loader, root);
}

int accept_load_buffer(struct accept *a, const struct rules *r, const char *file, const char *buf,
                       size_t len, struct diags *d)
{
    struct loader l = {.c = {file, d}, .r = r, .a = a};
    size_t errors_before = d->errors;
    accept_init(a);
    yread_root_map(&l.c, buf, len, "an accept file", ACCEPT_FORMAT, read_root_of, &l);
    diags_set_source(d, NULL, 0);
    if (d->errors > errors_before) {
        accept_release(a);
        return -1;
    }
    a->file = pool_strdup(&a->pool, file);
    return 0;
}

int accept_load_file(struct accept *a, const struct rules *r, const char *path, struct diags *d)
{
    char *buf = NULL;
    size_t len = 0;
    accept_init(a);
    int rc = fileio_read_edited(path, ACCEPT_FILE_MAX, &buf, &len, d);
    if (rc == 0)
        rc = accept_load_buffer(a, r, path, buf, len, d);
    free(buf);
    return rc;
}
