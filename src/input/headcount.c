/*
 * headcount.c - a headcount file read (headcount.h): how many staff were asked, in total
 * and per group, for a pooled report's participation line (docs/participation.md).
 *
 * Every problem is located. A group is named once per field, as respondents' groups
 * are matched (case and the spaces around it aside), and no field's groups add up to
 * more than the total, so a report never says more were asked in a part than in the
 * whole.
 */
#include "headcount.h"

#include <stdlib.h>
#include <string.h>

#include "accept.h"
#include "answers.h"
#include "date.h"
#include "diag.h"
#include "input_format.h"
#include "evidence.h"
#include "fileio.h"
#include "plan.h"
#include "rules.h"
#include "schema.h"
#include "share.h"
#include "strbuf.h"
#include "text.h"

struct loader {
    struct yctx c;
    struct headcount *h;
};

void headcount_init(struct headcount *h)
{
    memset(h, 0, sizeof(*h));
    pool_init(&h->pool);
}

void headcount_release(struct headcount *h)
{
    pool_release(&h->pool);
    headcount_init(h);
}

void headcount_set_total(struct headcount *h, size_t invited)
{
    headcount_release(h);
    h->file = "--invited";
    h->invited = invited;
}

const struct headcount_group *headcount_find(const struct headcount *h, const char *field,
                                             const char *value)
{
    for (size_t k = 0; h && value && k < h->n_groups; k++)
        if (strcmp(h->groups[k].field, field) == 0 &&
            text_group_cmp(h->groups[k].value, value) == 0)
            return &h->groups[k];
    return NULL;
}

bool headcount_has_field(const struct headcount *h, const char *field)
{
    for (size_t k = 0; h && k < h->n_groups; k++)
        if (strcmp(h->groups[k].field, field) == 0)
            return true;
    return false;
}

/* A count of staff: a whole number from 1 to HEADCOUNT_INVITED_MAX. */
static bool staff(struct loader *l, const struct ynode *n, const char *what, size_t *out)
{
    long v = 0;
    if (yinteger(&l->c, n, 1, HEADCOUNT_INVITED_MAX, what, &v) != 0)
        return false;
    *out = (size_t)v;
    return true;
}

/* ---- groups ---- */

/* One field's groups: each once, as groups are matched; their sum at most the total. */
static void read_field(struct loader *l, const struct ynode *key, const struct ynode *n,
                       bool total_known)
{
    struct headcount *h = l->h;
    const char *field = yid(&l->c, key, "a field of groups");
    if (!field || !yexpect_map(&l->c, n, "the groups of a field"))
        return;
    size_t pairs = n->n / 2, sum = 0;
    if (pairs > HEADCOUNT_GROUPS_MAX) {
        yerror(&l->c, n->kids[2 * HEADCOUNT_GROUPS_MAX], "more than %d groups of '%s'",
               HEADCOUNT_GROUPS_MAX, field);
        pairs = HEADCOUNT_GROUPS_MAX;
    }
    size_t first = h->n_groups;
    const char *kept = pool_strdup(&h->pool, field);
    for (size_t k = 0; k < pairs; k++) {
        const struct ynode *name = n->kids[2 * k], *value = n->kids[2 * k + 1];
        const char *text = ytext(&l->c, name, "a group's name");
        size_t invited = 0;
        bool ok = staff(l, value, "a group's headcount", &invited);
        if (!text || !ok)
            continue;
        const struct headcount_group *before = NULL;
        for (size_t g = first; g < h->n_groups && !before; g++)
            if (text_group_cmp(h->groups[g].value, text) == 0)
                before = &h->groups[g];
        if (before) {
            struct strbuf shown = STRBUF_INIT;
            text_add_quoted(&shown, text, 60);
            yerror(&l->c, name,
                   "group %s of '%s' is given twice, first at line %u (groups are matched "
                   "whatever their case and the spaces around them); keep one",
                   strbuf_str(&shown), field, before->line);
            strbuf_release(&shown);
            continue;
        }
        h->groups[h->n_groups++] = (struct headcount_group){kept, pool_strdup(&h->pool, text),
                                                            invited, name->line, name->column};
        sum += invited;
    }
    if (total_known && sum > h->invited)
        yerror(&l->c, key,
               "the groups of '%s' add up to %zu staff, more than the %zu invited in total; "
               "a part cannot be larger than the whole",
               field, sum, h->invited);
}

static void read_groups(struct loader *l, const struct ynode *n, bool total_known)
{
    if (ynode_is_null(n) || !yexpect_map(&l->c, n, "groups"))
        return;
    size_t fields = n->n / 2, room = 0;
    if (fields > HEADCOUNT_FIELDS_MAX) {
        yerror(&l->c, n->kids[2 * HEADCOUNT_FIELDS_MAX], "more than %d fields of groups",
               HEADCOUNT_FIELDS_MAX);
        fields = HEADCOUNT_FIELDS_MAX;
    }
    for (size_t k = 0; k < fields; k++) {
        const struct ynode *v = n->kids[2 * k + 1];
        size_t m = v->type == YNODE_MAP ? v->n / 2 : 0;
        room += m < HEADCOUNT_GROUPS_MAX ? m : HEADCOUNT_GROUPS_MAX;
    }
    l->h->groups = pool_array(&l->h->pool, room + 1, sizeof(*l->h->groups));
    for (size_t k = 0; k < fields; k++)
        read_field(l, n->kids[2 * k], n->kids[2 * k + 1], total_known);
}

/* ---- the file ---- */

static void read_root(struct loader *l, const struct ynode *root)
{
    static const char *const keys[] = {"!format",  "organisation", "date",
                                       "!invited", "groups",       NULL};
    if (!input_check_format(&l->c, root, HEADCOUNT_FORMAT, "a headcount file", NULL))
        return;
    ymap_check_keys(&l->c, root, "the headcount file", keys);
    struct headcount *h = l->h;
    const struct ynode *org = ymap_get(root, "organisation");
    if (org && !ynode_is_null(org)) {
        const char *s = ytext(&l->c, org, "organisation");
        h->organisation = s ? pool_strdup(&h->pool, s) : NULL;
    }
    const struct ynode *date = ymap_get(root, "date");
    if (date && !ynode_is_null(date)) {
        const char *s = ytext(&l->c, date, "date");
        if (s && !date_valid(s))
            yerror(&l->c, date, "date must be a real date, YYYY-MM-DD");
        else if (s) {
            h->date = pool_strdup(&h->pool, s);
            h->date_line = date->line;
            h->date_column = date->column;
        }
    }
    const struct ynode *total = ymap_get(root, "invited");
    bool total_known = total && staff(l, total, "invited", &h->invited);
    if (total_known) {
        h->line = total->line;
        h->column = total->column;
    }
    const struct ynode *groups = ymap_get(root, "groups");
    if (groups)
        read_groups(l, groups, total_known);
}

static void read_root_of(void *loader, const struct ynode *root)
{
    read_root(loader, root);
}

int headcount_load_buffer(struct headcount *h, const char *file, const char *buf, size_t len,
                          struct diags *d)
{
    struct loader l = {.c = {file, d}, .h = h};
    size_t errors_before = d->errors;
    headcount_init(h);
    yread_root_map(&l.c, buf, len, "a headcount file", HEADCOUNT_FORMAT, read_root_of, &l);
    diags_set_source(d, NULL, 0);
    if (d->errors > errors_before) {
        headcount_release(h);
        return -1;
    }
    h->file = pool_strdup(&h->pool, file);
    return 0;
}

int headcount_load_file(struct headcount *h, const char *path, struct diags *d)
{
    char *buf = NULL;
    size_t len = 0;
    headcount_init(h);
    int rc = fileio_read_edited(path, HEADCOUNT_FILE_MAX, &buf, &len, d);
    if (rc == 0)
        rc = headcount_load_buffer(h, path, buf, len, d);
    free(buf);
    return rc;
}
