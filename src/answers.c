#include "answers.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "exact.h"
#include "dirlist.h"
#include "fileio.h"
#include "plan.h"
#include "rules.h"
#include "schema.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* One respondent's file, checked and held until it is folded into the assessment. */
struct response {
    struct yctx c;
    const struct rules *rules;
    const char *organisation, *date, *respondent, *role;
    const struct ynode *organisation_node, *date_node, *role_node, *respondent_node;
    const struct ynode *groups; /* checked: a map of field names to text, or NULL */
    enum answer_state *state;   /* per rules item */
    int64_t *score;             /* times EXACT_SCALE */
    const char **note, **evidence;
    const struct ynode *comments; /* checked: a list of {about, text} */
    bool warn_placeholders;
};

void assessment_init(struct assessment *a, const struct rules *r)
{
    memset(a, 0, sizeof(*a));
    a->rules = r;
    pool_init(&a->pool);
    a->items = xcalloc(r->n_items ? r->n_items : 1, sizeof(*a->items));
}

void assessment_release(struct assessment *a)
{
    if (a->items && a->rules)
        for (size_t i = 0; i < a->rules->n_items; i++)
            free(a->items[i].notes);
    free(a->items);
    for (size_t g = 0; g < a->n_groups; g++)
        free(a->groups[g].items);
    free(a->groups);
    free(a->roles);
    free(a->comments);
    free(a->seen_ids);
    free(a->dirs.v);
    free(a->files.v);
    pool_release(&a->pool);
    memset(a, 0, sizeof(*a));
}

void assessment_break_down_by(struct assessment *a, const char *const *fields, size_t n)
{
    a->n_by = n < ANSWERS_BY_MAX ? n : ANSWERS_BY_MAX;
    for (size_t k = 0; k < a->n_by; k++)
        a->by[k] = fields[k];
}

bool assessment_field_given(const struct assessment *a, const char *field)
{
    if (strcmp(field, ANSWERS_FIELD_ROLE) == 0)
        return a->n_roles > 0;
    for (size_t k = 0; k < a->n_by; k++)
        if (strcmp(a->by[k], field) == 0)
            for (size_t g = 0; g < a->n_groups; g++)
                if (a->groups[g].values[k])
                    return true;
    for (size_t k = 0; k < a->n_fields_given; k++)
        if (strcmp(a->fields_given[k], field) == 0)
            return true;
    return false;
}

void item_tally_merge(struct item_tally *into, const struct item_tally *t)
{
    if (t->n && (into->n == 0 || t->min < into->min))
        into->min = t->min;
    if (t->n && (into->n == 0 || t->max > into->max))
        into->max = t->max;
    into->n += t->n;
    into->sum += t->sum;
    into->sumsq += t->sumsq;
    into->n_na += t->n_na;
    into->n_unknown += t->n_unknown;
}

double item_tally_mean(const struct item_tally *t)
{
    return t->n ? (double)t->sum / ((double)t->n * EXACT_SCALE) : 0.0;
}

enum answer_state item_tally_state(const struct item_tally *t)
{
    if (t->n)
        return ANSWER_SCORE;
    if (t->n_unknown)
        return ANSWER_UNKNOWN;
    return t->n_na ? ANSWER_NA : ANSWER_NONE;
}

bool date_valid(const char *s)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (y < 1900 || m < 1 || m > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

void answers_msg_off_scale(struct strbuf *msg, const struct rules *r, const char *what,
                           const char *shown)
{
    strbuf_addf(msg, "%s must be from %ld to %ld, not %s", what, r->scale_min, r->scale_max, shown);
}

void answers_msg_not_answer(struct strbuf *msg, const struct rules *r, const char *what,
                            const char *shown)
{
    strbuf_addf(msg, "%s must be a number from %ld to %ld, n/a or unknown, not %s", what,
                r->scale_min, r->scale_max, shown);
}

void answers_msg_bad_date(struct strbuf *msg, const char *what)
{
    strbuf_addf(msg, "%s must be a calendar date written YYYY-MM-DD, like 2026-09-30", what);
}

/* ---- reading one file ---- */

static void response_alloc(struct response *resp, const struct rules *r)
{
    size_t n = r->n_items ? r->n_items : 1;
    resp->state = xcalloc(n, sizeof(*resp->state));
    resp->score = xcalloc(n, sizeof(*resp->score));
    resp->note = xcalloc(n, sizeof(*resp->note));
    resp->evidence = xcalloc(n, sizeof(*resp->evidence));
}

static void response_free(struct response *resp)
{
    free(resp->state);
    free(resp->score);
    free(resp->note);
    free(resp->evidence);
}

/* n/a and unknown may be written in any case, quoted or not. */
static bool is_word(const struct ynode *n, const char *word)
{
    if (n->type != YNODE_SCALAR)
        return false;
    size_t len = strlen(word);
    if (n->len != len)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = n->str[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[i])
            return false;
    }
    return true;
}

static void read_score(struct response *resp, const struct ynode *n, size_t item)
{
    const struct rules *r = resp->rules;
    double unused;
    if (is_word(n, "n/a")) {
        resp->state[item] = ANSWER_NA;
    } else if (is_word(n, "unknown")) {
        resp->state[item] = ANSWER_UNKNOWN;
    } else if (ynode_is_null(n)) {
        resp->state[item] = ANSWER_NONE;
    } else if (yplain_number(n, &unused)) {
        /* Off the scale or too finely written: ydecimal words it as every number check. */
        struct strbuf what = STRBUF_INIT;
        strbuf_addf(&what, "the answer to '%s'", r->items[item].id);
        if (ydecimal(&resp->c, n, (int64_t)r->scale_min * EXACT_SCALE,
                     (int64_t)r->scale_max * EXACT_SCALE, strbuf_str(&what),
                     &resp->score[item]) == 0)
            resp->state[item] = ANSWER_SCORE;
        strbuf_release(&what);
    } else if (n->type != YNODE_INVALID) {
        struct strbuf what = STRBUF_INIT, shown = STRBUF_INIT, msg = STRBUF_INIT;
        strbuf_addf(&what, "the answer to '%s'", r->items[item].id);
        if (n->type == YNODE_SCALAR)
            text_add_quoted(&shown, n->str, 40);
        else
            strbuf_adds(&shown, ynode_describe(n));
        answers_msg_not_answer(&msg, r, strbuf_str(&what), strbuf_str(&shown));
        yerror(&resp->c, n, "%s%s", strbuf_str(&msg),
               yquoted_number(n) ? " (numbers are written without quotes)" : "");
        strbuf_release(&msg);
        strbuf_release(&shown);
        strbuf_release(&what);
    }
}

static void read_answer_map(struct response *resp, const struct ynode *n, size_t item)
{
    static const char *const keys[] = {"!score", "note", "evidence", NULL};
    struct strbuf what = STRBUF_INIT;
    strbuf_addf(&what, "the answer to '%s'", resp->rules->items[item].id);
    ymap_check_keys(&resp->c, n, strbuf_str(&what), keys);
    strbuf_release(&what);
    const struct ynode *score = ymap_get(n, "score");
    if (score)
        read_score(resp, score, item);
    const struct ynode *note = ymap_get(n, "note"), *evidence = ymap_get(n, "evidence");
    if (note && !ynode_is_null(note))
        resp->note[item] = ytext(&resp->c, note, "a note");
    if (evidence && !ynode_is_null(evidence))
        resp->evidence[item] = ytext(&resp->c, evidence, "evidence");
}

static void report_unknown_item(struct response *resp, const struct ynode *key)
{
    const struct rules *r = resp->rules;
    /* Once diagnostics are full, a suggestion would only be thrown away. */
    size_t n_names = diags_full(resp->c.d) ? 0 : r->n_items;
    const char **names = xcalloc(n_names + 1, sizeof(*names));
    for (size_t i = 0; i < n_names; i++)
        names[i] = r->items[i].id;
    struct strbuf msg = STRBUF_INIT;
    strbuf_adds(&msg, "unknown item ");
    text_add_quoted(&msg, key->str, 60);
    strbuf_addf(&msg, " in model '%s'", r->id);
    const char *near = text_did_you_mean(key->str, names, n_names);
    if (near)
        strbuf_addf(&msg, "; did you mean '%s'?", near);
    else
        strbuf_adds(&msg, "; 'stagegap init' writes every item's id");
    yerror(&resp->c, key, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
    free(names);
}

static void read_answers(struct response *resp, const struct ynode *map)
{
    const struct rules *r = resp->rules;
    size_t next = 0; /* answers mostly follow the rules' order: try the next item first */
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const struct ynode *key = map->kids[i], *value = map->kids[i + 1];
        if (key->type != YNODE_SCALAR)
            continue;
        long item =
            next < r->n_items && r->items[next].id && strcmp(r->items[next].id, key->str) == 0
                ? (long)next
                : rules_find_item(r, key->str);
        if (item >= 0)
            next = (size_t)item + 1;
        if (item < 0) {
            report_unknown_item(resp, key);
            continue;
        }
        if (!r->items[item].question) {
            yerror(&resp->c, key, "item '%s' is context only and takes no answer",
                   r->items[item].id);
            continue;
        }
        if (value->type == YNODE_MAP)
            read_answer_map(resp, value, (size_t)item);
        else
            read_score(resp, value, (size_t)item);
    }
}

/* The key node of map[key], for pointing at "answers:" itself rather than its first entry. */
static const struct ynode *key_node(const struct ynode *map, const char *key)
{
    for (size_t i = 0; i + 1 < map->n; i += 2)
        if (ynode_is(map->kids[i], key))
            return map->kids[i];
    return map;
}

/* True when answers holds an answer to id that was refused (and so already reported). */
static bool answer_refused(const struct ynode *answers, const char *id)
{
    const struct ynode *at = ymap_get(answers, id);
    if (!at)
        return false;
    if (at->type == YNODE_MAP) {
        const struct ynode *score = ymap_get(at, "score");
        return !score || !ynode_is_null(score); /* a missing score is reported already */
    }
    return !ynode_is_null(at);
}

static void require_complete(struct response *resp, const struct ynode *root,
                             const struct ynode *answers)
{
    const struct rules *r = resp->rules;
    for (size_t i = 0; i < r->n_items; i++) {
        if (!r->items[i].question)
            continue;
        if (resp->state[i] == ANSWER_NONE && !answer_refused(answers, r->items[i].id)) {
            yerror(&resp->c, key_node(root, "answers"), "item '%s' is not answered (--strict)",
                   r->items[i].id);
        } else if (resp->state[i] == ANSWER_UNKNOWN) {
            const struct ynode *at = ymap_get(answers, r->items[i].id);
            if (at && at->type == YNODE_MAP && ymap_get(at, "score"))
                at = ymap_get(at, "score");
            yerror(&resp->c, at, "item '%s' is answered 'unknown' (--strict)", r->items[i].id);
        }
    }
}

/* groups: {FIELD: VALUE, ...}: the team, locality or any grouping a respondent is in. */
static void read_groups(struct response *resp, const struct ynode *n)
{
    if (!yexpect_map(&resp->c, n, "respondent groups"))
        return;
    bool ok = true;
    if (n->n / 2 > ANSWERS_GROUP_FIELDS_MAX) {
        yerror(&resp->c, n->kids[2 * ANSWERS_GROUP_FIELDS_MAX],
               "more than %d groups for one respondent; give the few the reports are broken "
               "down by",
               ANSWERS_GROUP_FIELDS_MAX);
        ok = false;
    }
    for (size_t k = 0; k + 1 < n->n; k += 2) {
        const struct ynode *field = n->kids[k], *value = n->kids[k + 1];
        const char *name = yid(&resp->c, field, "a group's field name");
        if (name && (strcmp(name, ANSWERS_FIELD_ROLE) == 0 || strcmp(name, "id") == 0)) {
            yerror(&resp->c, field, "'%s' is given as respondent.%s, not in groups", name, name);
            name = NULL;
        }
        if (!name) {
            ok = false;
            continue;
        }
        struct strbuf what = STRBUF_INIT;
        strbuf_addf(&what, "the group '%s'", name);
        ok = ytext(&resp->c, value, strbuf_str(&what)) && ok;
        strbuf_release(&what);
    }
    if (ok)
        resp->groups = n;
}

/* Where a respondent gives a grouping field, or NULL. */
static const struct ynode *response_field_node(const struct response *resp, const char *field)
{
    if (strcmp(field, ANSWERS_FIELD_ROLE) == 0)
        return resp->role ? resp->role_node : NULL;
    return resp->groups ? ymap_get(resp->groups, field) : NULL;
}

/* What a respondent gives for a grouping field, or NULL. */
static const char *response_field(const struct response *resp, const char *field)
{
    const struct ynode *v = response_field_node(resp, field);
    return v ? v->str : NULL;
}

static void read_respondent(struct response *resp, const struct ynode *n)
{
    static const char *const keys[] = {"id", "role", "groups", NULL};
    if (!yexpect_map(&resp->c, n, "respondent"))
        return;
    ymap_check_keys(&resp->c, n, "respondent", keys);
    resp->respondent = ymap_text(&resp->c, n, "id", "respondent id");
    resp->respondent_node = ymap_get(n, "id");
    resp->role = ymap_text(&resp->c, n, "role", "respondent role");
    resp->role_node = ymap_get(n, "role");
    const struct ynode *groups = ymap_get(n, "groups");
    if (groups && !ynode_is_null(groups))
        read_groups(resp, groups);
}

/* comments: [{about: QUESTION, text: TEXT}, ...]; about may be left out. */
static void read_comments(struct response *resp, const struct ynode *n)
{
    static const char *const keys[] = {"about", "!text", NULL};
    if (ynode_is_null(n) || !yexpect_seq(&resp->c, n, "comments"))
        return;
    bool ok = true;
    for (size_t k = 0; k < n->n; k++) {
        const struct ynode *c = n->kids[k];
        if (!yexpect_map(&resp->c, c, "a comment")) {
            ok = false;
            continue;
        }
        if (ymap_check_keys(&resp->c, c, "a comment", keys) != 0)
            ok = false;
        const struct ynode *about = ymap_get(c, "about"), *text = ymap_get(c, "text");
        if (about && !ytext(&resp->c, about, "a comment's about"))
            ok = false;
        if (text && !ytext(&resp->c, text, "a comment's text"))
            ok = false;
    }
    if (ok)
        resp->comments = n;
}

static bool check_header(struct response *resp, const struct ynode *root)
{
    const struct ynode *format = ymap_get(root, "format");
    if (!format) {
        yerror(&resp->c, root, "no 'format' key; an answers file starts with 'format: %s'",
               ANSWERS_FORMAT);
        return false;
    }
    if (ynode_is(format, "stagegap-rules/1")) {
        yerror(&resp->c, format, "this is a rules file, not an answers file; pass it with --rules");
        return false;
    }
    if (ynode_is(format, PLAN_FORMAT)) {
        yerror(&resp->c, format,
               "this is an action plan, not an answers file; 'stagegap validate' checks it");
        return false;
    }
    if (!ynode_is(format, ANSWERS_FORMAT)) {
        yerror(&resp->c, format, "format must be '%s'", ANSWERS_FORMAT);
        return false;
    }
    const struct ynode *model = ymap_get(root, "rules");
    const char *id = model ? ytext(&resp->c, model, "rules") : NULL;
    if (id && strcmp(id, resp->rules->id) != 0) {
        struct strbuf shown = STRBUF_INIT;
        text_add_quoted(&shown, id, 60);
        yerror(&resp->c, model,
               "these answers are for the model %s, but the rules loaded are "
               "'%s'; pass the matching rules with --rules",
               strbuf_str(&shown), resp->rules->id);
        strbuf_release(&shown);
        return false;
    }
    return true;
}

/* The template's organisation or date left as init wrote them: valid, but surely not meant. */
static void warn_placeholders(struct response *resp, const struct ynode *date)
{
    const struct ynode *org = resp->organisation_node;
    if (resp->organisation && strcmp(resp->organisation, ANSWERS_PLACEHOLDER_ORGANISATION) == 0)
        diag_add(resp->c.d, DIAG_WARNING, resp->c.file, org->line, org->column,
                 "organisation is still the template's '%s'; write your organisation's name",
                 ANSWERS_PLACEHOLDER_ORGANISATION);
    if (resp->date && strcmp(resp->date, ANSWERS_PLACEHOLDER_DATE) == 0)
        diag_add(resp->c.d, DIAG_WARNING, resp->c.file, date->line, date->column,
                 "date is still the template's %s; write the date of this assessment (if it "
                 "really was that day, ignore this)",
                 ANSWERS_PLACEHOLDER_DATE);
}

static void read_root(struct response *resp, const struct ynode *root, bool strict)
{
    static const char *const keys[] = {"!format",    "!rules",   "!organisation", "!date",
                                       "respondent", "!answers", "comments",      NULL};
    if (!check_header(resp, root))
        return;
    ymap_check_keys(&resp->c, root, "the answers file", keys);
    resp->organisation_node = ymap_get(root, "organisation");
    resp->organisation = ymap_text(&resp->c, root, "organisation", "organisation");
    const struct ynode *date = resp->date_node = ymap_get(root, "date");
    const char *d = date ? ytext(&resp->c, date, "date") : NULL;
    if (d && !date_valid(d)) {
        struct strbuf msg = STRBUF_INIT;
        answers_msg_bad_date(&msg, "date");
        yerror(&resp->c, date, "%s", strbuf_str(&msg));
        strbuf_release(&msg);
    } else
        resp->date = d;
    if (resp->warn_placeholders)
        warn_placeholders(resp, date);
    const struct ynode *respondent = ymap_get(root, "respondent");
    if (respondent)
        read_respondent(resp, respondent);
    const struct ynode *comments = ymap_get(root, "comments");
    if (comments)
        read_comments(resp, comments);
    const struct ynode *answers = ymap_get(root, "answers");
    if (answers && yexpect_map(&resp->c, answers, "answers")) {
        read_answers(resp, answers);
        if (strict)
            require_complete(resp, root, answers);
    }
}

/* ---- folding a respondent into the assessment ---- */

static void tally_add(struct item_tally *t, enum answer_state state, int64_t score)
{
    if (state == ANSWER_NA) {
        t->n_na++;
    } else if (state == ANSWER_UNKNOWN) {
        t->n_unknown++;
    } else if (state == ANSWER_SCORE) {
        if (t->n == 0 || score < t->min)
            t->min = score;
        if (t->n == 0 || score > t->max)
            t->max = score;
        t->n++;
        t->sum += score;
        uint64_t magnitude = score < 0 ? (uint64_t)0 - (uint64_t)score : (uint64_t)score;
        t->sumsq += magnitude * magnitude;
    }
}

static struct role_count *find_role(const struct assessment *a, const char *role)
{
    for (size_t i = 0; i < a->n_roles; i++)
        if (strcmp(a->roles[i].role, role) == 0)
            return &a->roles[i];
    return NULL;
}

static struct role_count *role_for(struct assessment *a, const char *role)
{
    struct role_count *found = find_role(a, role);
    if (found)
        return found;
    XGROW(a->roles, a->n_roles + 1, a->roles_alloc);
    struct role_count *rc = &a->roles[a->n_roles++];
    rc->role = pool_strdup(&a->pool, role);
    rc->respondents = 0;
    return rc;
}

static bool same_value(const char *x, const char *y)
{
    return x == y || (x && y && strcmp(x, y) == 0);
}

/* The group of the respondent's values of the fields broken down by, or NULL. */
static struct group_tally *find_group(const struct assessment *a, const struct response *resp)
{
    for (size_t g = 0; g < a->n_groups; g++) {
        size_t k = 0;
        while (k < a->n_by && same_value(a->groups[g].values[k], response_field(resp, a->by[k])))
            k++;
        if (k == a->n_by)
            return &a->groups[g];
    }
    return NULL;
}

static struct group_tally *group_for(struct assessment *a, const struct response *resp)
{
    struct group_tally *found = find_group(a, resp);
    if (found || a->n_by == 0)
        return found;
    XGROW(a->groups, a->n_groups + 1, a->groups_alloc);
    struct group_tally *gt = &a->groups[a->n_groups++];
    memset(gt, 0, sizeof(*gt));
    for (size_t k = 0; k < a->n_by; k++)
        gt->values[k] = pool_strdup(&a->pool, response_field(resp, a->by[k]));
    gt->items = xcalloc(a->rules->n_items ? a->rules->n_items : 1, sizeof(*gt->items));
    return gt;
}

/* Notes the grouping fields a respondent gives, for messages that list them. */
static void note_fields_given(struct assessment *a, const struct response *resp)
{
    size_t n_fields = resp->groups ? resp->groups->n / 2 : 0;
    for (size_t k = 0; k <= n_fields && a->n_fields_given < ANSWERS_FIELDS_SEEN_MAX; k++) {
        const char *field = k < n_fields ? resp->groups->kids[2 * k]->str : ANSWERS_FIELD_ROLE;
        if ((k == n_fields && !resp->role) || assessment_field_given(a, field))
            continue;
        a->fields_given[a->n_fields_given++] = pool_strdup(&a->pool, field);
    }
}

/* role is the role count's own copy of the respondent's role, or NULL. */
static void keep_note(struct assessment *a, struct item_tally *t, const struct response *resp,
                      size_t item, const char *role)
{
    if (!resp->note[item] && !resp->evidence[item])
        return;
    XGROW(t->notes, t->n_notes + 1, t->notes_alloc);
    struct answer_note *n = &t->notes[t->n_notes++];
    n->respondent = pool_strdup(&a->pool, resp->respondent);
    n->role = role;
    n->note = pool_strdup(&a->pool, resp->note[item]);
    n->evidence = pool_strdup(&a->pool, resp->evidence[item]);
}

/*
 * Roles group respondents by job, each with tallies of its own: a few shared roles, not
 * a new one per respondent, which would make memory grow with the respondents.
 */
static int check_role_room(const struct assessment *a, struct response *resp)
{
    if (!resp->role || a->n_roles < ANSWERS_ROLES_MAX || find_role(a, resp->role))
        return 0;
    yerror(&resp->c, resp->role_node,
           "more than %d different roles in one assessment; a role groups respondents "
           "(practitioner, manager, ...), so give several people the same one",
           ANSWERS_ROLES_MAX);
    return -1;
}

/*
 * Each group has tallies of its own: a few shared teams or localities, not one per
 * respondent, which would make memory grow with the respondents.
 */
static int check_group_room(const struct assessment *a, struct response *resp)
{
    if (a->n_by == 0 || a->n_groups < ANSWERS_GROUPS_MAX || find_group(a, resp))
        return 0;
    const struct ynode *at = resp->respondent_node;
    for (size_t k = a->n_by; k-- > 0;)
        if (response_field_node(resp, a->by[k]))
            at = response_field_node(resp, a->by[k]);
    yerror(&resp->c, at,
           "more than %d different groups of '%s'%s%s in one assessment; a group is several "
           "respondents (a team, a locality), not one each",
           ANSWERS_GROUPS_MAX, a->by[0], a->n_by > 1 ? " and " : "", a->n_by > 1 ? a->by[1] : "");
    return -1;
}

/* All respondents answer for one organisation; a mix is an error located in the newcomer. */
static int check_same_organisation(struct assessment *a, struct response *resp)
{
    if (!a->organisation || strcmp(a->organisation, resp->organisation) == 0)
        return 0;
    struct strbuf msg = STRBUF_INIT;
    strbuf_adds(&msg, "organisation ");
    text_add_quoted(&msg, resp->organisation, 60);
    strbuf_adds(&msg, " differs from ");
    text_add_quoted(&msg, a->organisation, 60);
    strbuf_adds(&msg, " in ");
    text_add_quoted(&msg, a->first_file, 80);
    strbuf_adds(&msg, "; one assessment is one organisation's");
    yerror(&resp->c, resp->organisation_node, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
    return -1;
}

static uint64_t id_text_hash(const char *s)
{
    uint64_t h = UINT64_C(1469598103934665603); /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
    return h;
}

static struct answers_seen_id *seen_slot(struct answers_seen_id *v, size_t cap, const char *id)
{
    size_t i = (size_t)(id_text_hash(id) & (cap - 1));
    while (v[i].id && strcmp(v[i].id, id) != 0)
        i = (i + 1) & (cap - 1);
    return &v[i];
}

/*
 * One respondent id in two files is either one person counted twice or two people given
 * one code: worth a warning that names both files, not a refusal (ids are optional).
 */
static void note_respondent_id(struct assessment *a, const struct response *resp, const char *file)
{
    if (!resp->respondent)
        return;
    if (a->cap_seen_ids) {
        const struct answers_seen_id *seen =
            seen_slot(a->seen_ids, a->cap_seen_ids, resp->respondent);
        if (seen->id) {
            struct strbuf msg = STRBUF_INIT;
            strbuf_adds(&msg, "respondent id ");
            text_add_quoted(&msg, resp->respondent, 60);
            strbuf_adds(&msg, " is also the id in ");
            text_add_quoted(&msg, seen->file, 200);
            strbuf_adds(&msg, "; is one respondent counted twice, or two given one id?");
            const struct ynode *at = resp->respondent_node;
            diag_add(resp->c.d, DIAG_WARNING, file, at ? at->line : 0, at ? at->column : 0, "%s",
                     strbuf_str(&msg));
            strbuf_release(&msg);
            return;
        }
    }
    if (2 * (a->n_seen_ids + 1) > a->cap_seen_ids) {
        size_t cap = a->cap_seen_ids ? 2 * a->cap_seen_ids : 64;
        struct answers_seen_id *v = xcalloc(cap, sizeof(*v));
        for (size_t i = 0; i < a->cap_seen_ids; i++)
            if (a->seen_ids[i].id)
                *seen_slot(v, cap, a->seen_ids[i].id) = a->seen_ids[i];
        free(a->seen_ids);
        a->seen_ids = v;
        a->cap_seen_ids = cap;
    }
    struct answers_seen_id *slot = seen_slot(a->seen_ids, a->cap_seen_ids, resp->respondent);
    slot->id = pool_strdup(&a->pool, resp->respondent);
    slot->file = pool_strdup(&a->pool, file);
    a->n_seen_ids++;
}

static void fold_in(struct assessment *a, const struct response *resp, const char *file)
{
    note_respondent_id(a, resp, file);
    const struct rules *r = a->rules;
    note_fields_given(a, resp);
    struct role_count *rc = resp->role ? role_for(a, resp->role) : NULL;
    struct group_tally *gt = group_for(a, resp);
    if (!a->organisation) {
        a->organisation = pool_strdup(&a->pool, resp->organisation);
        a->first_file = pool_strdup(&a->pool, file);
        a->organisation_at = (struct answers_pos){a->first_file, resp->organisation_node->line,
                                                  resp->organisation_node->column};
    }
    /* The assessment takes its latest respondent's date: when it was complete. */
    if (!a->date || strcmp(resp->date, a->date) > 0) {
        a->date = pool_strdup(&a->pool, resp->date);
        a->date_at = (struct answers_pos){pool_strdup(&a->pool, file), resp->date_node->line,
                                          resp->date_node->column};
    }
    a->respondents++;
    if (rc)
        rc->respondents++;
    if (gt)
        gt->respondents++;
    for (size_t i = 0; i < r->n_items; i++) {
        tally_add(&a->items[i], resp->state[i], resp->score[i]);
        if (gt)
            tally_add(&gt->items[i], resp->state[i], resp->score[i]);
        keep_note(a, &a->items[i], resp, i, rc ? rc->role : NULL);
    }
    for (size_t k = 0; resp->comments && k < resp->comments->n; k++) {
        const struct ynode *c = resp->comments->kids[k];
        const struct ynode *about = ymap_get(c, "about");
        XGROW(a->comments, a->n_comments + 1, a->comments_alloc);
        struct answer_comment *ac = &a->comments[a->n_comments++];
        ac->about = about ? pool_strdup(&a->pool, about->str) : NULL;
        ac->text = pool_strdup(&a->pool, ymap_get(c, "text")->str);
    }
}

int assessment_add_buffer(struct assessment *a, const char *file, const char *buf, size_t len,
                          bool strict, struct diags *d)
{
    struct ydoc doc;
    struct response resp = {
        .c = {file, d}, .rules = a->rules, .warn_placeholders = a->warn_placeholders};
    size_t errors_before = d->errors;
    ydoc_init(&doc);
    response_alloc(&resp, a->rules);
    yaml_read(&doc, file, buf, len, &ylimits_default, d);
    if (!doc.broken) {
        if (!doc.root)
            diag_error(d, file, 1, 1, "empty file; an answers file starts with 'format: %s'",
                       ANSWERS_FORMAT);
        else if (yexpect_map(&resp.c, doc.root, "an answers file"))
            read_root(&resp, doc.root, strict);
    }
    if (d->errors == errors_before && a->respondents >= ANSWERS_RESPONDENTS_MAX)
        yerror(&resp.c, NULL, "more than %d respondents in one assessment",
               ANSWERS_RESPONDENTS_MAX);
    if (d->errors == errors_before && check_same_organisation(a, &resp) == 0 &&
        check_role_room(a, &resp) == 0 && check_group_room(a, &resp) == 0)
        fold_in(a, &resp, file);
    response_free(&resp);
    ydoc_release(&doc);
    diags_set_source(d, NULL, 0);
    return d->errors > errors_before ? -1 : 0;
}

/*
 * The set of file ids is an open-addressing hash table, half full at most: O(1) to look
 * up and add however many files a run names or links. Device and inode numbers are
 * given out by the file system, not chosen by whoever writes the files, so they cannot
 * be picked to collide.
 */
static size_t id_hash(unsigned long long dev, unsigned long long ino)
{
    unsigned long long x = ino ^ (dev * 0x9e3779b97f4a7c15ULL); /* splitmix64's finaliser */
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return (size_t)(x ^ (x >> 31));
}

static struct answers_file_id *ids_slot(const struct answers_file_ids *ids, unsigned long long dev,
                                        unsigned long long ino)
{
    size_t i = id_hash(dev, ino) & (ids->cap - 1);
    while (ids->v[i].path && (ids->v[i].dev != dev || ids->v[i].ino != ino))
        i = (i + 1) & (ids->cap - 1);
    return &ids->v[i];
}

/* The member of ids with id's device and inode, or NULL. */
static const struct answers_file_id *ids_find(const struct answers_file_ids *ids,
                                              const struct fileio_id *id)
{
    if (!ids->n)
        return NULL;
    const struct answers_file_id *slot = ids_slot(ids, id->dev, id->ino);
    return slot->path ? slot : NULL;
}

static void ids_grow(struct answers_file_ids *ids)
{
    struct answers_file_ids bigger = {.cap = ids->cap ? 2 * ids->cap : 16, .n = ids->n};
    bigger.v = xcalloc(bigger.cap, sizeof(*bigger.v));
    for (size_t i = 0; i < ids->cap; i++)
        if (ids->v[i].path)
            *ids_slot(&bigger, ids->v[i].dev, ids->v[i].ino) = ids->v[i];
    free(ids->v);
    *ids = bigger;
}

/*
 * Adds path under id to ids and returns NULL, or returns the member already there under
 * the same id.
 */
static const struct answers_file_id *ids_add(struct assessment *a, struct answers_file_ids *ids,
                                             const struct fileio_id *id, const char *path)
{
    const struct answers_file_id *found = ids_find(ids, id);
    if (found)
        return found;
    if (2 * (ids->n + 1) > ids->cap)
        ids_grow(ids);
    struct answers_file_id *slot = ids_slot(ids, id->dev, id->ino);
    *slot = (struct answers_file_id){id->dev, id->ino, pool_strdup(&a->pool, path)};
    ids->n++;
    return NULL;
}

static int refuse_second_name(struct diags *d, const char *path, const char *first,
                              const char *what)
{
    static const char count_once[] = "each respondent counts once, so name it once";
    if (strcmp(path, first) == 0)
        diag_error(d, path, 0, 0, "this %s is given twice; %s", what, count_once);
    else
        diag_error(d, path, 0, 0, "this %s is also read as '%s'; %s", what, first, count_once);
    return -1;
}

bool answers_is_file_name(const char *name)
{
    size_t len = strlen(name);
    if (name[0] == '.')
        return false;
    return (len > 5 && strcmp(name + len - 5, ".yaml") == 0) ||
           (len > 4 && strcmp(name + len - 4, ".yml") == 0);
}

/* True when path's name ends ".csv", in any case. */
static bool is_csv_name(const char *path)
{
    size_t n = strlen(path);
    if (n < 4 || path[n - 4] != '.')
        return false;
    const char *ext = path + n - 3;
    return (ext[0] | 0x20) == 'c' && (ext[1] | 0x20) == 's' && (ext[2] | 0x20) == 'v';
}

/* A survey export given where answers are expected: say how to turn it into answers. */
static bool refuse_survey_export(const char *path, const char *buf, size_t len, struct diags *d)
{
    if (!is_csv_name(path))
        return false;
    char *format = yaml_format_of(buf, len);
    bool answers = format && strcmp(format, ANSWERS_FORMAT) == 0;
    free(format);
    if (answers)
        return false;
    struct strbuf shown = STRBUF_INIT;
    text_add_safe(&shown, path, true);
    diag_error(d, path, 0, 0,
               "this is a survey export (CSV), not an answers file; turn it into answers "
               "files with 'stagegap import --csv %s --output DIR', then assess DIR",
               strbuf_str(&shown));
    strbuf_release(&shown);
    return true;
}

static int add_file(struct assessment *a, const char *path, bool strict, struct diags *d)
{
    char *buf;
    size_t len;
    if (fileio_read(path, ANSWERS_FILE_MAX, &buf, &len, d) != 0)
        return -1;
    if (refuse_survey_export(path, buf, len, d)) {
        free(buf);
        return -1;
    }
    int rc = assessment_add_buffer(a, path, buf, len, strict, d);
    free(buf);
    return rc;
}

/*
 * When the link at path leads to an answers file inside a named directory, which is read
 * there anyway, refuses it and returns true.
 */
static bool refuse_link_into_named_dir(struct assessment *a, const char *path, struct diags *d)
{
    char *target = fileio_real_path(path);
    if (!target)
        return false; /* reading it will say why */
    char *dir = fileio_dir_of(target);
    const char *base = target + strlen(dir) + (strcmp(dir, "/") != 0);
    struct fileio_id id;
    const struct answers_file_id *named = NULL;
    if (answers_is_file_name(base) && fileio_id_of(dir, &id))
        named = ids_find(&a->dirs, &id);
    if (named) {
        char *first = fileio_path_join(named->path, base);
        refuse_second_name(d, path, first, "file");
        free(first);
    }
    free(dir);
    free(target);
    return named != NULL;
}

static bool is_link(const char *path, enum dirlist_type type)
{
    struct stat st;
    if (type != DIRLIST_UNKNOWN)
        return type == DIRLIST_LINK;
    return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

/*
 * One file of a named directory. It can be a file met before only when that file was
 * named, or when one of the two names is a link: so only links are remembered, and a
 * plain file with one name is looked up but costs no memory.
 */
static int add_dir_entry(struct assessment *a, const char *path, enum dirlist_type type,
                         bool strict, struct diags *d)
{
    bool link = is_link(path, type);
    if (link && refuse_link_into_named_dir(a, path, d))
        return -1;
    char *buf;
    size_t len;
    struct fileio_id id;
    if (fileio_read_regular(path, ANSWERS_FILE_MAX, &buf, &len, &id, d) != 0)
        return -1;
    const struct answers_file_id *first;
    if (link || id.links > 1)
        first = ids_add(a, &a->files, &id, path);
    else
        first = ids_find(&a->files, &id);
    int rc = first ? refuse_second_name(d, path, first->path, "file")
                   : assessment_add_buffer(a, path, buf, len, strict, d);
    free(buf);
    return rc;
}

static int add_dir(struct assessment *a, const char *path, bool strict, struct diags *d)
{
    struct dirlist list;
    int rc = dirlist_open(&list, path, answers_is_file_name, DIRLIST_BATCH, d);
    const struct dirlist_entry *e;
    size_t files = 0;
    int more = rc == 0;
    while (more && (more = dirlist_next(&list, &e, d)) == 1) {
        char *file = fileio_path_join(path, e->name);
        if (add_dir_entry(a, file, e->type, strict, d) != 0)
            rc = -1;
        free(file);
        files++;
    }
    if (more < 0)
        rc = -1;
    else if (rc == 0 && files == 0) {
        diag_error(d, path, 0, 0, "no answers files (*.yaml, *.yml) in this directory");
        rc = -1;
    }
    dirlist_close(&list);
    return rc;
}

enum named_kind { NAMED_SKIP, NAMED_FILE, NAMED_DIR };

/*
 * What the argument path is; a file or directory named before under any name is refused
 * and skipped. Named files and directories are remembered before any is read, so a
 * directory can tell a file named later.
 */
static enum named_kind note_named(struct assessment *a, const char *path, struct diags *d)
{
    struct fileio_id id;
    if (!fileio_id_of(path, &id))
        return NAMED_FILE; /* standard input, or reading it will say why not */
    const char *what = id.directory ? "directory" : "file";
    const struct answers_file_id *first =
        ids_add(a, id.directory ? &a->dirs : &a->files, &id, path);
    if (first) {
        refuse_second_name(d, path, first->path, what);
        return NAMED_SKIP;
    }
    return id.directory ? NAMED_DIR : NAMED_FILE;
}

int assessment_add_paths(struct assessment *a, const char *const *paths, size_t n, bool strict,
                         struct diags *d)
{
    int rc = 0;
    enum named_kind *kind = xcalloc(n ? n : 1, sizeof(*kind));
    for (size_t i = 0; i < n; i++)
        if ((kind[i] = note_named(a, paths[i], d)) == NAMED_SKIP)
            rc = -1;
    for (size_t i = 0; i < n; i++) {
        if (kind[i] == NAMED_DIR && add_dir(a, paths[i], strict, d) != 0)
            rc = -1;
        else if (kind[i] == NAMED_FILE && add_file(a, paths[i], strict, d) != 0)
            rc = -1;
    }
    free(kind);
    return rc;
}

bool assessment_has_read(const struct assessment *a, const char *path)
{
    struct fileio_id id, dir_id;
    if (!fileio_id_of(path, &id) || id.directory)
        return false;
    if (ids_find(&a->files, &id))
        return true; /* named, or reached through a link */
    char *dir = fileio_dir_of(path);
    const char *slash = strrchr(path, '/');
    bool in_named_dir = answers_is_file_name(slash ? slash + 1 : path) &&
                        fileio_id_of(dir, &dir_id) && ids_find(&a->dirs, &dir_id);
    free(dir);
    return in_named_dir;
}

int assessment_add_path(struct assessment *a, const char *path, bool strict, struct diags *d)
{
    return assessment_add_paths(a, &path, 1, strict, d);
}
