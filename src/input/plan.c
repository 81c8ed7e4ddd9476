#include "plan.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "date.h"
#include "diag.h"
#include "exact.h"
#include "fileio.h"
#include "rules.h"
#include "schema.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

static const char *const status_names[PLAN_STATUSES] = {"planned", "in progress", "done",
                                                        "dropped"};

struct loader {
    struct yctx c;
    const struct rules *r;
    struct plan *p;
    const struct ynode **first_at; /* per rules item: the action that named it first */
};

void plan_init(struct plan *p)
{
    memset(p, 0, sizeof(*p));
    pool_init(&p->pool);
}

void plan_release(struct plan *p)
{
    pool_release(&p->pool);
    plan_init(p);
}

const char *plan_status_name(enum plan_status s)
{
    return s < PLAN_STATUSES ? status_names[s] : "?";
}

bool plan_action_open(const struct plan_action *a)
{
    return a->status == PLAN_PLANNED || a->status == PLAN_IN_PROGRESS;
}

/* ---- values ---- */

/* Text, or NULL without a report when left blank. */
static const char *optional_text(struct loader *l, const struct ynode *n, const char *what)
{
    if (!n || ynode_is_null(n) || (n->type == YNODE_SCALAR && n->len == 0))
        return NULL;
    return pool_strdup(&l->p->pool, ytext(&l->c, n, what));
}

/* A date written YYYY-MM-DD, or NULL when left blank or reported. */
static const char *optional_date(struct loader *l, const struct ynode *n, const char *what)
{
    const char *s = optional_text(l, n, what);
    if (!s || date_valid(s))
        return s;
    struct strbuf msg = STRBUF_INIT;
    answers_msg_bad_date(&msg, what);
    strbuf_adds(&msg, ", not ");
    text_add_quoted(&msg, s, 40);
    yerror(&l->c, n, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
    return NULL;
}

/* The answer a gap had when planned: a number on the scale, n/a, unknown, or blank. */
static const char *recorded_answer(struct loader *l, const struct ynode *n, size_t item)
{
    if (!n || ynode_is_null(n) || n->type == YNODE_INVALID)
        return NULL;
    if (ynode_is(n, "n/a") || ynode_is(n, "unknown"))
        return pool_strdup(&l->p->pool, n->str);
    struct strbuf what = STRBUF_INIT;
    strbuf_addf(&what, "the answer recorded for '%s'", l->r->items[item].id);
    const char *out = NULL;
    double unused;
    int64_t scaled;
    if (yplain_number(n, &unused)) {
        if (ydecimal(&l->c, n, (int64_t)l->r->scale_min * EXACT_SCALE,
                     (int64_t)l->r->scale_max * EXACT_SCALE, strbuf_str(&what), &scaled) == 0)
            out = pool_strdup(&l->p->pool, n->str);
    } else {
        struct strbuf shown = STRBUF_INIT, msg = STRBUF_INIT;
        if (n->type == YNODE_SCALAR)
            text_add_quoted(&shown, n->str, 40);
        else
            strbuf_adds(&shown, ynode_describe(n));
        answers_msg_not_answer(&msg, l->r, strbuf_str(&what), strbuf_str(&shown));
        yerror(&l->c, n, "%s%s", strbuf_str(&msg),
               yquoted_number(n) ? " (numbers are written without quotes)" : "");
        strbuf_release(&msg);
        strbuf_release(&shown);
    }
    strbuf_release(&what);
    return out;
}

/* ---- the action's suggestion ---- */

static void report_unknown_id(struct loader *l, const struct ynode *n, const char *what,
                              enum item_kind only, bool any_kind)
{
    const struct rules *r = l->r;
    size_t n_names = 0;
    const char **names = xcalloc(r->n_items + 1, sizeof(*names));
    for (size_t i = 0; i < r->n_items && !diags_full(l->c.d); i++)
        if (any_kind || r->items[i].kind == only)
            names[n_names++] = r->items[i].id;
    struct strbuf msg = STRBUF_INIT;
    strbuf_addf(&msg, "unknown %s ", what);
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

/* The suggestion an action names, once in the plan; -1 after reporting. */
static long action_item(struct loader *l, const struct ynode *n)
{
    const char *id = ytext(&l->c, n, "an action's id");
    if (!id)
        return -1;
    long item = rules_find_item(l->r, id);
    if (item < 0) {
        report_unknown_id(l, n, "action", ITEM_SUGGESTION, false);
        return -1;
    }
    const struct rules_item *it = &l->r->items[item];
    if (it->kind != ITEM_SUGGESTION) {
        yerror(&l->c, n,
               "'%s' is a %s, not a suggestion; an action is one of the model's "
               "suggestions",
               it->id, item_kind_name(it->kind));
        return -1;
    }
    if (l->first_at[item]) {
        yerror(&l->c, n, "action '%s' is in the plan twice, first at line %u; keep one", it->id,
               l->first_at[item]->line);
        return -1;
    }
    l->first_at[item] = n;
    return item;
}

/* ---- the gaps an action addresses ---- */

static bool suggestion_addresses(const struct rules *r, size_t suggestion, size_t item)
{
    for (size_t k = 0; k < r->items[suggestion].n_addresses; k++)
        if (r->items[suggestion].addresses[k] == item)
            return true;
    return false;
}

/* The gap one addresses entry names: a known item the suggestion addresses; -1 if not. */
static long gap_item(struct loader *l, const struct ynode *n, size_t suggestion)
{
    const char *id = ytext(&l->c, n, "a gap's item");
    if (!id)
        return -1;
    long item = rules_find_item(l->r, id);
    if (item < 0) {
        report_unknown_id(l, n, "item", ITEM_KINDS, true);
        return -1;
    }
    if (!suggestion_addresses(l->r, suggestion, (size_t)item)) {
        yerror(&l->c, n,
               "'%s' is not a gap '%s' addresses in model '%s'; list only the items "
               "its rules entry addresses",
               id, l->r->items[suggestion].id, l->r->id);
        return -1;
    }
    return item;
}

static void read_gap(struct loader *l, const struct ynode *n, struct plan_action *a,
                     const struct ynode **seen)
{
    static const char *const keys[] = {"!item", "answer", NULL};
    if (!yexpect_map(&l->c, n, "a gap an action addresses"))
        return;
    ymap_check_keys(&l->c, n, "a gap an action addresses", keys);
    const struct ynode *item_node = ymap_get(n, "item");
    long item = item_node ? gap_item(l, item_node, a->item) : -1;
    if (item < 0)
        return;
    if (seen[item]) {
        yerror(&l->c, item_node, "gap '%s' is listed twice for this action, first at line %u",
               l->r->items[item].id, seen[item]->line);
        return;
    }
    seen[item] = item_node;
    struct plan_gap *g = &a->gaps[a->n_gaps++];
    g->item = (size_t)item;
    g->answer = recorded_answer(l, ymap_get(n, "answer"), (size_t)item);
}

static void read_gaps(struct loader *l, const struct ynode *n, struct plan_action *a)
{
    if (!n || ynode_is_null(n) || !yexpect_seq(&l->c, n, "addresses"))
        return;
    const struct ynode **seen = xcalloc(l->r->n_items + 1, sizeof(*seen));
    a->gaps = pool_array(&l->p->pool, n->n, sizeof(*a->gaps));
    for (size_t k = 0; k < n->n; k++)
        read_gap(l, n->kids[k], a, seen);
    free(seen);
}

/* ---- status and dates ---- */

static bool read_status(struct loader *l, const struct ynode *n, enum plan_status *out)
{
    if (n->type == YNODE_INVALID)
        return false;
    if (n->type == YNODE_SCALAR && !ynode_is_null(n)) {
        for (int s = 0; s < PLAN_STATUSES; s++)
            if (strcmp(n->str, status_names[s]) == 0) {
                *out = (enum plan_status)s;
                return true;
            }
        if (strcmp(n->str, "in-progress") == 0) { /* as many will write it */
            *out = PLAN_IN_PROGRESS;
            return true;
        }
    }
    struct strbuf msg = STRBUF_INIT;
    strbuf_adds(&msg, "status must be planned, in progress, done or dropped, not ");
    if (n->type == YNODE_SCALAR && !ynode_is_null(n) && n->len) {
        text_add_quoted(&msg, n->str, 40);
        const char *near = text_did_you_mean(n->str, status_names, PLAN_STATUSES);
        if (near)
            strbuf_addf(&msg, "; did you mean '%s'?", near);
    } else {
        strbuf_adds(&msg, ynode_describe(n));
    }
    yerror(&l->c, n, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
    return false;
}

/* A done action has its date done, and only a done action has one. */
static void check_done(struct loader *l, const struct plan_action *a, const struct ynode *status,
                       const struct ynode *done)
{
    if (a->status == PLAN_DONE && !a->done)
        yerror(&l->c, status,
               "status is done but no date done is given; write the date it was "
               "done as done: YYYY-MM-DD");
    if (a->status != PLAN_DONE && a->done)
        yerror(&l->c, done, "done: %s but status is '%s'; set status: done or clear the date",
               a->done, plan_status_name(a->status));
}

/* ---- one action ---- */

static void read_action(struct loader *l, const struct ynode *n)
{
    static const char *const keys[] = {"!action", "priority", "addresses", "owner", "due",
                                       "!status", "done",     "note",      NULL};
    if (!yexpect_map(&l->c, n, "an action"))
        return;
    ymap_check_keys(&l->c, n, "an action", keys);
    struct plan_action *a = &l->p->actions[l->p->n_actions];
    memset(a, 0, sizeof(*a));
    a->line = n->line;
    a->column = n->column;
    const struct ynode *id = ymap_get(n, "action");
    long item = id ? action_item(l, id) : -1;
    a->item = item >= 0 ? (size_t)item : 0;
    const struct ynode *priority = ymap_get(n, "priority");
    long rank = 0;
    if (priority && !ynode_is_null(priority))
        yinteger(&l->c, priority, 1, PLAN_ACTIONS_MAX, "priority", &rank);
    a->priority = (size_t)rank;
    if (item >= 0)
        read_gaps(l, ymap_get(n, "addresses"), a);
    a->owner = optional_text(l, ymap_get(n, "owner"), "owner");
    a->note = optional_text(l, ymap_get(n, "note"), "note");
    const struct ynode *status = ymap_get(n, "status"), *done = ymap_get(n, "done");
    size_t errors_before = l->c.d->errors;
    a->due = optional_date(l, ymap_get(n, "due"), "due");
    a->done = optional_date(l, done, "done");
    /* A date already refused is not also said to be missing. */
    if (status && read_status(l, status, &a->status) && l->c.d->errors == errors_before)
        check_done(l, a, status, done);
    l->p->n_actions++;
}

static void read_actions(struct loader *l, const struct ynode *n)
{
    if (ynode_is_null(n) || !yexpect_seq(&l->c, n, "actions"))
        return;
    size_t count = n->n;
    if (count > PLAN_ACTIONS_MAX) {
        yerror(&l->c, n->kids[PLAN_ACTIONS_MAX], "more than %d actions in one plan",
               PLAN_ACTIONS_MAX);
        count = PLAN_ACTIONS_MAX;
    }
    l->p->actions = pool_array(&l->p->pool, count, sizeof(*l->p->actions));
    l->first_at = xcalloc(l->r->n_items + 1, sizeof(*l->first_at));
    for (size_t k = 0; k < count; k++)
        read_action(l, n->kids[k]);
    free(l->first_at);
    l->first_at = NULL;
}

/* ---- the file ---- */

static bool check_header(struct loader *l, const struct ynode *root)
{
    const struct ynode *format = ymap_get(root, "format");
    if (!format) {
        yerror(&l->c, root, "no 'format' key; a plan file starts with 'format: %s'", PLAN_FORMAT);
        return false;
    }
    if (ynode_is(format, RULES_FORMAT) || ynode_is(format, ANSWERS_FORMAT)) {
        yerror(&l->c, format, "this is %s, not a plan; 'stagegap plan ANSWERS...' makes a plan",
               ynode_is(format, RULES_FORMAT) ? "a rules file" : "an answers file");
        return false;
    }
    if (!ynode_is(format, PLAN_FORMAT)) {
        yerror(&l->c, format, "format must be '%s'", PLAN_FORMAT);
        return false;
    }
    const struct ynode *model = ymap_get(root, "rules");
    const char *id = model ? ytext(&l->c, model, "rules") : NULL;
    if (id && strcmp(id, l->r->id) != 0) {
        struct strbuf shown = STRBUF_INIT;
        text_add_quoted(&shown, id, 60);
        yerror(&l->c, model,
               "this plan is for the model %s, but the rules loaded are '%s'; pass the "
               "matching rules with --rules",
               strbuf_str(&shown), l->r->id);
        strbuf_release(&shown);
        return false;
    }
    l->p->rules_id = pool_strdup(&l->p->pool, id);
    return true;
}

static void read_root(struct loader *l, const struct ynode *root)
{
    static const char *const keys[] = {"!format",   "!rules",   "organisation",
                                       "!assessed", "!actions", NULL};
    if (!check_header(l, root))
        return;
    ymap_check_keys(&l->c, root, "the plan file", keys);
    l->p->organisation = optional_text(l, ymap_get(root, "organisation"), "organisation");
    const struct ynode *assessed = ymap_get(root, "assessed");
    if (assessed && ynode_is_null(assessed))
        yerror(&l->c, assessed,
               "assessed must be the date of the assessment the plan was made "
               "from, written YYYY-MM-DD");
    else if (assessed)
        l->p->assessed = optional_date(l, assessed, "assessed");
    const struct ynode *actions = ymap_get(root, "actions");
    if (actions)
        read_actions(l, actions);
}

static void read_root_of(void *loader, const struct ynode *root)
{
    read_root(loader, root);
}

int plan_load_buffer(struct plan *p, const struct rules *r, const char *file, const char *buf,
                     size_t len, struct diags *d)
{
    struct loader l = {.c = {file, d}, .r = r, .p = p};
    size_t errors_before = d->errors;
    plan_init(p);
    yread_root_map(&l.c, buf, len, "a plan file", PLAN_FORMAT, read_root_of, &l);
    diags_set_source(d, NULL, 0);
    if (d->errors > errors_before) {
        plan_release(p);
        return -1;
    }
    p->file = pool_strdup(&p->pool, file);
    return 0;
}

int plan_load_file_bytes(struct plan *p, const struct rules *r, const char *path, char **buf,
                         size_t *len, struct diags *d)
{
    plan_init(p);
    int rc = fileio_read_edited(path, PLAN_FILE_MAX, buf, len, d);
    if (rc == 0 && (rc = plan_load_buffer(p, r, path, *buf, *len, d)) != 0) {
        free(*buf);
        *buf = NULL;
    }
    return rc;
}

int plan_load_file(struct plan *p, const struct rules *r, const char *path, struct diags *d)
{
    char *buf;
    size_t len;
    int rc = plan_load_file_bytes(p, r, path, &buf, &len, d);
    free(buf);
    return rc;
}
