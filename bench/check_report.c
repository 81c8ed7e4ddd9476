/*
 * check_report.c - is a stagegap-report/1 JSON report right for the respondents
 * bench/gen.c made?
 *
 *   check_report EXPECT REPORT.json
 *
 * EXPECT is what "stagegap-gen answers --expect" wrote. The report must parse (it is
 * read with the project's own YAML reader: JSON is YAML's flow style), carry the
 * contract's fields (docs/report.schema.json) with values in range, name the right
 * rules, organisation, latest date and respondent count, and give every answered item
 * exactly the tallies the generator counted: numeric answers, n/a, unknown, minimum,
 * maximum, mean, and the notes beside it wherever it is listed as a gap; and every role
 * shown apart in groups[] its respondent count, none under the anonymity threshold.
 * Prints "ok: ..." and exits 0, or prints each problem and exits 1. bench/run.sh runs it
 * at every size so that a fast wrong answer is never timed.
 */
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fileio.h"
#include "strbuf.h"
#include "xalloc.h"
#include "yamlread.h"

struct want_item {
    char *id;
    unsigned long n, n_na, n_unknown, n_notes;
    long long sum;
    long min, max;
    unsigned seen;
};

struct want_role {
    char *name;
    unsigned long respondents;
};

struct want {
    unsigned long respondents;
    char rules[256], date[64], organisation[512];
    struct want_item *items;
    size_t n_items, items_alloc;
    struct want_role *roles;
    size_t n_roles, roles_alloc;
};

static unsigned long problems;

static void problem(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void problem(const char *fmt, ...)
{
    if (++problems > 20)
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("check_report: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int read_want(const char *path, struct want *w)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    char line[4096];
    while (fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\n")] = '\0';
        char id[1024];
        struct want_item it = {0};
        struct want_role role = {0};
        if (sscanf(line, "respondents %lu", &w->respondents) == 1)
            continue;
        if (sscanf(line, "rules %255s", w->rules) == 1 || sscanf(line, "date %63s", w->date) == 1)
            continue;
        if (strncmp(line, "organisation ", 13) == 0) {
            snprintf(w->organisation, sizeof(w->organisation), "%.511s", line + 13);
        } else if (sscanf(line, "role %1023s %lu", id, &role.respondents) == 2) {
            role.name = xstrdup(id);
            XGROW(w->roles, w->n_roles + 1, w->roles_alloc);
            w->roles[w->n_roles++] = role;
        } else if (sscanf(line, "item %1023s %lu %lld %ld %ld %lu %lu %lu", id, &it.n, &it.sum,
                          &it.min, &it.max, &it.n_na, &it.n_unknown, &it.n_notes) == 8) {
            it.id = xstrdup(id);
            XGROW(w->items, w->n_items + 1, w->items_alloc);
            w->items[w->n_items++] = it;
        } else {
            fprintf(stderr, "check_report: %s: cannot read '%s'\n", path, line);
            fclose(f);
            return -1;
        }
    }
    fclose(f);
    return 0;
}

/* ---- reading the report's tree ---- */

static const struct ynode *get(const struct ynode *map, const char *key)
{
    if (!map || map->type != YNODE_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < map->n; i += 2)
        if (map->kids[i]->type == YNODE_SCALAR && strcmp(map->kids[i]->str, key) == 0)
            return map->kids[i + 1];
    return NULL;
}

static bool is_null(const struct ynode *n)
{
    return n && n->type == YNODE_SCALAR && n->plain && strcmp(n->str, "null") == 0;
}

static const char *text_of(const struct ynode *map, const char *key)
{
    const struct ynode *n = get(map, key);
    if (!n || n->type != YNODE_SCALAR || n->plain) {
        problem("'%s' is missing or not a string", key);
        return "";
    }
    return n->str;
}

/* A JSON number in [min, max]; NAN (after reporting) when absent or not a number. */
static double number_of(const struct ynode *map, const char *key, double min, double max)
{
    const struct ynode *n = get(map, key);
    char *end = NULL;
    double v = n && n->type == YNODE_SCALAR && n->plain ? strtod(n->str, &end) : (double)NAN;
    if (!end || *end || isnan(v) || v < min || v > max) {
        problem("'%s' is missing or not a number in range (%s)", key,
                n && n->type == YNODE_SCALAR ? n->str : "?");
        return NAN;
    }
    return v;
}

static const struct ynode *seq_of(const struct ynode *map, const char *key)
{
    const struct ynode *n = get(map, key);
    if (!n || n->type != YNODE_SEQ) {
        problem("'%s' is missing or not an array", key);
        return NULL;
    }
    return n;
}

static struct want_item *find_item(struct want *w, const char *id)
{
    for (size_t i = 0; i < w->n_items; i++)
        if (strcmp(w->items[i].id, id) == 0)
            return &w->items[i];
    return NULL;
}

/* where is "item", "role" or "report"; id names the item or role. */
static void check_count(const struct ynode *map, const char *key, unsigned long want,
                        const char *where, const char *id)
{
    double v = number_of(map, key, 0, 1e12);
    if (!isnan(v) && (unsigned long)v != want) {
        problem("%s '%s': %s: %.0f, expected %lu", where, id, key, v, want);
    }
}

static void check_item(struct want *w, const struct ynode *item)
{
    const char *id = text_of(item, "id");
    struct want_item *want = find_item(w, id);
    if (!want)
        return; /* context only: nothing was answered */
    want->seen++;
    check_count(item, "n", want->n, "item", id);
    check_count(item, "na", want->n_na, "item", id);
    check_count(item, "unknown", want->n_unknown, "item", id);
    if (want->n == 0) {
        if (!is_null(get(item, "mean")))
            problem("item '%s': mean should be null with no answers", id);
        return;
    }
    /* A report prints no min or max (docs/privacy.md): the mean is what is checked. */
    double mean = number_of(item, "mean", -1e9, 1e9);
    double exact = (double)want->sum / (double)want->n;
    if (fabs(mean - exact) > 0.051)
        problem("item '%s': the mean differs from the answers", id);
}

static void check_gap_notes(struct want *w, const struct ynode *gap)
{
    const char *id = text_of(gap, "id");
    struct want_item *want = find_item(w, id);
    const struct ynode *notes = seq_of(gap, "notes");
    if (want && notes && notes->n != want->n_notes) {
        problem("gap '%s': %zu notes, expected %lu", id, notes->n, want->n_notes);
    }
}

static void check_stage(struct want *w, const struct ynode *st)
{
    text_of(st, "id");
    const char *band = text_of(st, "band");
    const struct ynode *score = get(st, "score");
    if (is_null(score)) {
        if (strcmp(band, "insufficient-data") != 0)
            problem("a stage without a score has band '%s'", band);
    } else {
        number_of(st, "score", 0, 100);
    }
    number_of(st, "coverage", 0, 1);
    const struct ynode *gaps = seq_of(st, "gaps"), *items = get(st, "items");
    for (size_t k = 0; gaps && k < gaps->n; k++) {
        number_of(gaps->kids[k], "impact", 0, 100);
        check_gap_notes(w, gaps->kids[k]);
    }
    seq_of(st, "unknown");
    for (size_t k = 0; items && items->type == YNODE_SEQ && k < items->n; k++)
        check_item(w, items->kids[k]);
}

/*
 * The breakdown by role, under the anonymity threshold: each role shown apart has its
 * true count and at least min_group respondents, the pooled row at least min_group, and
 * the rows add up to the respondents; a role under the threshold is never named.
 */
static void check_groups(struct want *w, const struct ynode *root)
{
    const struct ynode *groups = seq_of(root, "groups");
    double min_group = number_of(get(root, "breakdown"), "min_group", 3, 1000);
    unsigned long total = 0;
    for (size_t k = 0; groups && k < groups->n; k++) {
        const struct ynode *g = groups->kids[k], *values = get(g, "values");
        double n = number_of(g, "respondents", min_group, 1e12);
        total += isnan(n) ? 0 : (unsigned long)n;
        if (is_null(values))
            continue; /* the pooled row */
        const char *name = text_of(values, "role");
        for (size_t i = 0; i < w->n_roles; i++)
            if (strcmp(w->roles[i].name, name) == 0)
                check_count(g, "respondents", w->roles[i].respondents, "role", name);
    }
    if (groups && groups->n && total != w->respondents)
        problem("groups[] add up to %lu respondents, not %lu", total, w->respondents);
}

static void check(struct want *w, const struct ynode *root, const char *file)
{
    if (!root || root->type != YNODE_MAP) {
        problem("the report is not a JSON object");
        return;
    }
    if (strcmp(text_of(root, "format"), "stagegap-report/1") != 0)
        problem("format is not 'stagegap-report/1'");
    if (strcmp(text_of(get(root, "rules"), "id"), w->rules) != 0)
        problem("rules.id is not '%s'", w->rules);
    text_of(get(root, "rules"), "sha256");
    if (strcmp(text_of(root, "organisation"), w->organisation) != 0)
        problem("organisation is not '%s'", w->organisation);
    if (strcmp(text_of(root, "date"), w->date) != 0)
        problem("date is not the latest respondent's, '%s'", w->date);
    check_count(root, "respondents", w->respondents, "report", file);
    const struct ynode *focus = get(root, "focus");
    if (!focus || (!is_null(focus) && (focus->type != YNODE_SCALAR || focus->plain)))
        problem("focus is missing, or neither a stage id nor null");
    const struct ynode *stages = seq_of(root, "stages");
    for (size_t k = 0; stages && k < stages->n; k++)
        check_stage(w, stages->kids[k]);
    const struct ynode *suggestions = seq_of(root, "suggestions");
    for (size_t k = 0; suggestions && k < suggestions->n; k++) {
        const struct ynode *priority = get(suggestions->kids[k], "priority");
        if (!priority || !is_null(priority)) /* null: answered n/a, not ranked */
            number_of(suggestions->kids[k], "priority", 1, 1e9);
    }
    check_groups(w, root);
    bool any_items = false;
    for (size_t i = 0; i < w->n_items; i++)
        any_items |= w->items[i].seen > 0;
    for (size_t i = 0; any_items && i < w->n_items; i++)
        if (w->items[i].seen != 1)
            problem("item '%s' is not listed exactly once in stages[].items", w->items[i].id);
    if (!any_items)
        fputs("check_report: note: no stages[].items in the report; item tallies not checked\n",
              stderr);
}

int main(int argc, char **argv)
{
    static const struct ylimits limits = {
        .max_depth = 32, .max_scalar = 1 << 20, .max_nodes = 100000000};
    struct want w = {0};
    struct diags d;
    struct ydoc doc;
    char *buf = NULL;
    size_t len;
    int rc = 1;
    if (argc != 3) {
        fputs("usage: check_report EXPECT REPORT.json\n", stderr);
        return 2;
    }
    diags_init(&d);
    ydoc_init(&doc);
    if (read_want(argv[1], &w) != 0)
        goto out;
    if (fileio_read(argv[2], (size_t)1 << 30, &buf, &len, &d) != 0 ||
        yaml_read(&doc, argv[2], buf, len, &limits, &d) != 0) {
        struct strbuf sb = STRBUF_INIT;
        diags_render(&d, &sb);
        fprintf(stderr, "check_report: the report does not parse:\n%s", strbuf_str(&sb));
        strbuf_release(&sb);
        goto out;
    }
    check(&w, doc.root, argv[2]);
    if (problems) {
        fprintf(stderr, "check_report: %s: %lu problems\n", argv[2], problems);
        goto out;
    }
    printf("ok: %lu respondents, %zu items checked\n", w.respondents, w.n_items);
    rc = 0;
out:
    for (size_t i = 0; i < w.n_items; i++)
        free(w.items[i].id);
    for (size_t i = 0; i < w.n_roles; i++)
        free(w.roles[i].name);
    free(w.items);
    free(w.roles);
    free(buf);
    ydoc_release(&doc);
    diags_release(&d);
    return rc;
}
