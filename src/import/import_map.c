/*
 * import_map.c - the mapping file (format stagegap-import-map/1, given with --map): each
 * column header a user names, pointed at an item id, a respondent field, a groups field
 * or "ignore". The header row's matcher (import_match.c) looks headers up here first.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "exact.h"
#include "import_map.h"
#include "import_reader.h"
#include "import_scale.h"
#include "import_text.h"
#include "importer.h"
#include "rules.h"
#include "schema.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"
#include "yamlread.h"

/* What a --map entry may point a column at, besides an item id. */
static const struct {
    const char *name;
    enum column_kind kind;
} map_targets[] = {
    {"ignore", COL_IGNORED}, {"respondent", COL_RESPONDENT},
    {"role", COL_ROLE},      {"organisation", COL_ORGANISATION},
    {"date", COL_DATE},      {"comments", COL_COMMENT},
};

/* Item ids for "did you mean", answerable ones only. */
static const char **answerable_ids(const struct rules *r, size_t *n)
{
    const char **ids = xcalloc(r->n_items + 1, sizeof(*ids));
    *n = 0;
    for (size_t i = 0; i < r->n_items; i++)
        if (r->items[i].question)
            ids[(*n)++] = r->items[i].id;
    return ids;
}

/* "group:FIELD": the column gives the respondent's groups field FIELD. */
static void map_entry_group(const struct yctx *c, struct map_entry *m, const struct ynode *value,
                            const char *field)
{
    if (strcmp(field, "role") == 0) {
        yerror(c, value,
               "'role' is given as respondent.role, not in groups; map the column "
               "to 'role'");
    } else if (strcmp(field, "id") == 0) {
        yerror(c, value,
               "'id' is given as respondent.id, not in groups; map the column to "
               "'respondent'");
    } else if (!yid_valid(field)) {
        struct strbuf shown = STRBUF_INIT;
        text_add_quoted(&shown, field, QUOTE_MAX);
        yerror(c, value,
               "group field %s is not a field name: use lowercase letters, digits, '-', '.' "
               "and '_', starting with a letter or digit, at most 128 characters, as in "
               "group:years-in-post",
               strbuf_str(&shown));
        strbuf_release(&shown);
    } else {
        m->kind = COL_GROUP;
        m->field = xstrdup(field);
    }
}

static void map_entry_target(struct importer *im, const struct yctx *c, struct map_entry *m,
                             const struct ynode *value)
{
    const char *target = ytext(c, value, "a column's target");
    if (!target)
        return;
    if (strncmp(target, "group:", 6) == 0) {
        map_entry_group(c, m, value, target + 6);
        return;
    }
    for (size_t k = 0; k < sizeof(map_targets) / sizeof(map_targets[0]); k++) {
        if (strcmp(target, map_targets[k].name) == 0) {
            m->kind = map_targets[k].kind;
            return;
        }
    }
    long item = rules_find_item(im->r, target);
    if (item >= 0 && im->r->items[item].question) {
        m->kind = COL_ITEM;
        m->item = (size_t)item;
        return;
    }
    struct strbuf msg = STRBUF_INIT;
    if (item >= 0) {
        strbuf_addf(&msg, "item '%s' ", target);
        rules_describe_unanswerable(im->r, &im->r->items[item], &msg);
    } else {
        size_t n;
        const char **ids = answerable_ids(im->r, &n);
        const char *near = text_did_you_mean(target, ids, n);
        strbuf_adds(&msg, "unknown item ");
        text_add_quoted(&msg, target, QUOTE_MAX);
        strbuf_addf(&msg, " in model '%s'", im->r->id);
        if (near)
            strbuf_addf(&msg, "; did you mean '%s'?", near);
        else
            strbuf_adds(&msg, "; a column maps to an item id, or to ignore, respondent, role, "
                              "group:FIELD (such as group:team), organisation, date or "
                              "comments");
        free(ids);
    }
    yerror(c, value, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
}

/* "1..5": the scale a column's numbers are on. */
static void map_scale(struct importer *im, const struct yctx *c, const struct ynode *n,
                      struct import_scale *out)
{
    const char *text = ytext(c, n, "a scale");
    (void)im;
    if (text && import_scale_range(text, out) != 0) {
        struct strbuf shown = STRBUF_INIT;
        text_add_quoted(&shown, text, QUOTE_MAX);
        yerror(c, n,
               "a scale is written LO..HI, whole numbers with LO below HI, such as 1..5, "
               "not %s",
               strbuf_str(&shown));
        strbuf_release(&shown);
    }
}

/* "values: {Strongly agree: 10, Not applicable: n/a}": labels, each a number on the
   model's scale, n/a or unknown. */
static void map_values(struct importer *im, const struct yctx *c, const struct ynode *n,
                       struct value_map *out)
{
    const struct rules *r = im->r;
    if (!yexpect_map(c, n, "values"))
        return;
    out->v = xcalloc(n->n / 2 + 1, sizeof(*out->v));
    for (size_t i = 0; i + 1 < n->n; i += 2) {
        const struct ynode *key = n->kids[i], *value = n->kids[i + 1];
        const char *label = ytext(c, key, "a label");
        if (!label)
            continue;
        struct value_label vl = {import_normalise(label), ANSWER_SCORE, 0};
        bool dup = false;
        for (size_t k = 0; k < out->n && !dup; k++)
            dup = strcmp(out->v[k].label, vl.label) == 0;
        int64_t units;
        if (dup) {
            struct strbuf shown = STRBUF_INIT;
            text_add_quoted(&shown, label, QUOTE_MAX);
            yerror(c, key, "label %s is given twice (labels are compared ignoring case)",
                   strbuf_str(&shown));
            strbuf_release(&shown);
        } else if (ynode_is(value, "n/a")) {
            vl.state = ANSWER_NA;
        } else if (ynode_is(value, "unknown")) {
            vl.state = ANSWER_UNKNOWN;
        } else if (value->type == YNODE_SCALAR && value->plain &&
                   ydecimal(c, value, (int64_t)r->scale_min * EXACT_SCALE,
                            (int64_t)r->scale_max * EXACT_SCALE, "a label's number", &units) == 0) {
            vl.value = (double)units / EXACT_SCALE;
        } else {
            if (value->type != YNODE_SCALAR || !value->plain)
                yerror(c, value,
                       "a label's answer is a number from %ld to %ld (the model's scale), "
                       "n/a or unknown",
                       r->scale_min, r->scale_max);
            dup = true;
        }
        if (dup)
            free(vl.label);
        else
            out->v[out->n++] = vl;
    }
}

/* A column written as a mapping: {item: ID, scale: LO..HI, values: {...}}. */
static void map_entry_full(struct importer *im, const struct yctx *c, struct map_entry *m,
                           const struct ynode *value)
{
    static const char *const keys[] = {"!item", "scale", "values", NULL};
    if (ymap_check_keys(c, value, "a column", keys) != 0)
        return;
    const struct ynode *item = ymap_get(value, "item");
    const struct ynode *scale = ymap_get(value, "scale");
    const struct ynode *values = ymap_get(value, "values");
    map_entry_target(im, c, m, item);
    if (m->kind != COL_ITEM && m->kind != COL_UNKNOWN && (scale || values)) {
        yerror(c, scale ? scale : values,
               "a scale or values belong to a column that answers an item, not to %s", item->str);
        return;
    }
    if (scale)
        map_scale(im, c, scale, &m->scale);
    if (values)
        map_values(im, c, values, &m->values);
}

static void map_load_columns(struct importer *im, const struct yctx *c, const struct ynode *cols)
{
    im->map = xcalloc(cols->n / 2 + 1, sizeof(*im->map));
    for (size_t i = 0; i + 1 < cols->n; i += 2) {
        const struct ynode *key = cols->kids[i], *value = cols->kids[i + 1];
        const char *header = ytext(c, key, "a column's header");
        if (!header)
            continue;
        struct map_entry *m = &im->map[im->n_map];
        m->header = import_normalise(header);
        m->key = key;
        m->kind = COL_UNKNOWN;
        for (size_t k = 0; k < im->n_map; k++) {
            if (strcmp(im->map[k].header, m->header) == 0) {
                struct strbuf shown = STRBUF_INIT;
                text_add_quoted(&shown, header, QUOTE_MAX);
                yerror(c, key, "column %s is mapped twice; the first is at line %u",
                       strbuf_str(&shown), im->map[k].key->line);
                strbuf_release(&shown);
                break;
            }
        }
        im->n_map++;
        if (value->type == YNODE_MAP)
            map_entry_full(im, c, m, value);
        else
            map_entry_target(im, c, m, value);
    }
}

int import_map_load(struct importer *im, const struct import_source *src, struct ydoc *doc)
{
    static const char *const keys[] = {"!format", "columns", "scale", "values", NULL};
    struct yctx c = {src->name, im->d};
    size_t errors_before = im->d->errors;
    yaml_read(doc, src->name, src->buf, src->len, &ylimits_default, im->d);
    if (doc->broken) {
        /* reported */
    } else if (!doc->root) {
        yerror(&c, NULL, "empty file; a mapping file starts with 'format: %s'", IMPORT_MAP_FORMAT);
    } else if (yexpect_map(&c, doc->root, "a mapping file")) {
        const struct ynode *format = ymap_get(doc->root, "format");
        if (format && !ynode_is(format, IMPORT_MAP_FORMAT)) {
            yerror(&c, format, "format must be '%s'", IMPORT_MAP_FORMAT);
        } else {
            ymap_check_keys(&c, doc->root, "the mapping file", keys);
            const struct ynode *cols = ymap_get(doc->root, "columns");
            const struct ynode *scale = ymap_get(doc->root, "scale");
            const struct ynode *values = ymap_get(doc->root, "values");
            if (cols && yexpect_map(&c, cols, "columns"))
                map_load_columns(im, &c, cols);
            if (scale)
                map_scale(im, &c, scale, &im->scale_all);
            if (values)
                map_values(im, &c, values, &im->values_all);
            if (!cols && !scale && !values)
                yerror(&c, doc->root, "the mapping file gives no 'columns', 'scale' or 'values'");
        }
    }
    diags_set_source(im->d, NULL, 0);
    im->map_file = src->name;
    im->map_src = src;
    return im->d->errors > errors_before ? -1 : 0;
}

struct map_entry *import_map_find(struct importer *im, const char *header)
{
    for (size_t i = 0; i < im->n_map; i++)
        if (strcmp(im->map[i].header, header) == 0)
            return &im->map[i];
    return NULL;
}

void import_map_warn_unused(struct importer *im)
{
    if (!im->map_src)
        return;
    diags_set_source(im->d, im->map_src->buf, im->map_src->len);
    for (size_t i = 0; i < im->n_map; i++) {
        if (im->map[i].used)
            continue;
        struct strbuf msg = STRBUF_INIT;
        strbuf_adds(&msg, "no column of ");
        text_add_quoted_path(&msg, im->file);
        if (im->workbook && im->sheet) {
            strbuf_adds(&msg, ", ");
            strbuf_adds(&msg, im->sheet);
            strbuf_addc(&msg, ',');
        }
        strbuf_adds(&msg, " is headed ");
        text_add_quoted(&msg, im->map[i].key->str, QUOTE_MAX);
        diag_add(im->d, DIAG_WARNING, im->map_file, im->map[i].key->line, im->map[i].key->column,
                 "%s", strbuf_str(&msg));
        strbuf_release(&msg);
    }
    diags_set_source(im->d, NULL, 0);
}
