#include "answers.h"
#include "answers_parallel.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "exact.h"
#include "dirlist.h"
#include "fileio.h"
#include "platform.h"
#include "rules.h"
#include "schema.h"
#include "sha256.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

void assessment_init(struct assessment *a, const struct rules *r)
{
    memset(a, 0, sizeof(*a));
    a->rules = r;
    pool_init(&a->pool);
    a->jobs = 1;
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
    free(a->dated);
    free(a->seen_ids);
    free(a->profiles);
    free(a->kept);
    free(a->kept_items);
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
    into->n_low += t->n_low;
    into->n_high += t->n_high;
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

/* ---- folding a respondent into the assessment ---- */

/*
 * Low: in the bottom third of the scale, 3 (score - min) < span; high: in the top third,
 * 3 (max - score) < span; all times EXACT_SCALE, so decided exactly.
 */
static void tally_add(const struct rules *r, struct item_tally *t, enum answer_state state,
                      int64_t score)
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
        int64_t span = (int64_t)(r->scale_max - r->scale_min) * EXACT_SCALE;
        t->n_low += 3 * (score - (int64_t)r->scale_min * EXACT_SCALE) < span;
        t->n_high += 3 * ((int64_t)r->scale_max * EXACT_SCALE - score) < span;
        t->n++;
        t->sum += score;
        uint64_t magnitude = score < 0 ? (uint64_t)0 - (uint64_t)score : (uint64_t)score;
        t->sumsq += magnitude * magnitude;
    }
}

/* Where a respondent's file names its model, for compare's and trend's refusal. */
static struct answers_pos model_pos(struct assessment *a, const char *file,
                                    const struct response *resp)
{
    const struct ynode *n = resp->model_node;
    return (struct answers_pos){pool_strdup(&a->pool, file), n ? n->line : 0, n ? n->column : 0};
}

static struct role_count *find_role(const struct assessment *a, const char *role)
{
    for (size_t i = 0; i < a->n_roles; i++)
        if (text_group_cmp(a->roles[i].role, role) == 0)
            return &a->roles[i];
    return NULL;
}

/*
 * A group value as it is shown: trimmed, and of the spellings met the one first in byte
 * order ("Practitioner" before "practitioner"), so that the order files are read in
 * never decides it. Returns the value to keep in place of shown (or shown itself).
 */
static const char *group_display(struct assessment *a, const char *shown, const char *value)
{
    size_t n;
    const char *v = text_group_trim(value, &n);
    if (shown) {
        size_t m = strlen(shown);
        int c = strncmp(v, shown, n < m ? n : m);
        if (c > 0 || (c == 0 && n >= m))
            return shown;
    }
    return pool_strndup(&a->pool, v, n);
}

static struct role_count *role_for(struct assessment *a, const char *role)
{
    struct role_count *found = find_role(a, role);
    if (found) {
        found->role = group_display(a, found->role, role);
        return found;
    }
    XGROW(a->roles, a->n_roles + 1, a->roles_alloc);
    struct role_count *rc = &a->roles[a->n_roles++];
    rc->role = group_display(a, NULL, role);
    rc->respondents = 0;
    return rc;
}

static bool same_value(const char *x, const char *y)
{
    return x == y || (x && y && text_group_cmp(x, y) == 0);
}

/* The group of the respondent's values of the fields broken down by, or NULL. */
static struct group_tally *find_group(const struct assessment *a, const struct response *resp)
{
    for (size_t g = 0; g < a->n_groups; g++) {
        size_t k = 0;
        while (k < a->n_by &&
               same_value(a->groups[g].values[k], answers_response_field(resp, a->by[k])))
            k++;
        if (k == a->n_by)
            return &a->groups[g];
    }
    return NULL;
}

static struct group_tally *group_for(struct assessment *a, const struct response *resp)
{
    struct group_tally *found = find_group(a, resp);
    if (found) {
        for (size_t k = 0; k < a->n_by; k++)
            if (found->values[k])
                found->values[k] =
                    group_display(a, found->values[k], answers_response_field(resp, a->by[k]));
        return found;
    }
    if (a->n_by == 0)
        return found;
    XGROW(a->groups, a->n_groups + 1, a->groups_alloc);
    struct group_tally *gt = &a->groups[a->n_groups++];
    memset(gt, 0, sizeof(*gt));
    for (size_t k = 0; k < a->n_by; k++)
        gt->values[k] = answers_response_field(resp, a->by[k])
                            ? group_display(a, NULL, answers_response_field(resp, a->by[k]))
                            : NULL;
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
        if (answers_response_field_node(resp, a->by[k]))
            at = answers_response_field_node(resp, a->by[k]);
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
    text_add_quoted_path(&msg, a->first_file);
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
static void note_respondent_id(struct assessment *a, const struct response *resp, const char *file,
                               const char *kept_file)
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
            text_add_quoted_path(&msg, seen->file);
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
    slot->file = kept_file;
    a->n_seen_ids++;
}

static struct answers_profile *profile_slot(struct answers_profile *v, size_t cap, const char *key)
{
    size_t i = (size_t)(id_text_hash(key) & (cap - 1));
    while (v[i].key && strcmp(v[i].key, key) != 0)
        i = (i + 1) & (cap - 1);
    return &v[i];
}

static int compare_field_names(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* The grouping fields resp gives (role among them), in byte order; free() the array. */
static const char **fields_given_sorted(const struct response *resp, size_t *n_out)
{
    size_t n_fields = resp->groups ? resp->groups->n / 2 : 0;
    const char **fields = xcalloc(n_fields + 2, sizeof(*fields));
    size_t n = 0;
    for (size_t k = 0; k < n_fields; k++)
        fields[n++] = resp->groups->kids[2 * k]->str;
    if (resp->role)
        fields[n++] = ANSWERS_FIELD_ROLE;
    qsort(fields, n, sizeof(*fields), compare_field_names);
    *n_out = n;
    return fields;
}

/* Counts the respondent's combination of grouping fields (assessment.profiles). */
static void note_profile(struct assessment *a, const struct response *resp)
{
    size_t n;
    const char **fields = fields_given_sorted(resp, &n);
    struct strbuf key = STRBUF_INIT;
    for (size_t k = 0; k < n; k++) {
        const char *v = answers_response_field(resp, fields[k]);
        size_t field_len = strlen(fields[k]), v_len = strlen(v);
        strbuf_add_size(&key, field_len); /* "%zu:%s%zu:%s" */
        strbuf_addc(&key, ':');
        strbuf_add(&key, fields[k], field_len);
        strbuf_add_size(&key, v_len);
        strbuf_addc(&key, ':');
        strbuf_add(&key, v, v_len);
    }
    free(fields);
    if (2 * (a->n_profiles + 1) > a->cap_profiles) {
        size_t cap = a->cap_profiles ? 2 * a->cap_profiles : 16;
        struct answers_profile *v = xcalloc(cap, sizeof(*v));
        for (size_t i = 0; i < a->cap_profiles; i++)
            if (a->profiles[i].key)
                *profile_slot(v, cap, a->profiles[i].key) = a->profiles[i];
        free(a->profiles);
        a->profiles = v;
        a->cap_profiles = cap;
    }
    struct answers_profile *slot = profile_slot(a->profiles, a->cap_profiles, strbuf_str(&key));
    if (!slot->key) {
        slot->key = pool_strdup(&a->pool, strbuf_str(&key));
        a->n_profiles++;
    }
    slot->respondents++;
    strbuf_release(&key);
}

/* Adds text to h with its length first, so that no two texts run together alike. */
static void hash_text(struct sha256 *h, const char *text)
{
    uint64_t len = text ? strlen(text) + 1 : 0;
    sha256_update(h, &len, sizeof(len));
    if (text)
        sha256_update(h, text, len - 1);
}

static int64_t kept_answer(const struct response *resp, size_t item)
{
    switch (resp->state[item]) {
    case ANSWER_SCORE:
        return resp->score[item];
    case ANSWER_NA:
        return ANSWERS_KEPT_NA;
    case ANSWER_UNKNOWN:
        return ANSWERS_KEPT_UNKNOWN;
    case ANSWER_NONE:
        break;
    }
    return ANSWERS_KEPT_NONE;
}

/*
 * Adds a group value to h as groups are matched (text_group_cmp): without the spaces
 * around it, ASCII letters in lower case. So "North " and "north" hash alike, as they
 * are one group in every figure.
 */
static void hash_group_value(struct sha256 *h, const char *value)
{
    size_t len;
    const char *v = text_group_trim(value, &len);
    uint64_t n = len;
    sha256_update(h, &n, sizeof(n));
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)v[i];
        c = c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
        sha256_update(h, &c, 1);
    }
}

/* What a respondent gives any figure, kept for overlap.h (assessment.keep_respondents). */
static void keep_respondent(struct assessment *a, const struct response *resp,
                            const struct group_tally *gt)
{
    size_t n_items = a->rules->n_items, n_fields;
    XGROW(a->kept, a->n_kept + 1, a->kept_alloc);
    XGROW(a->kept_items, (a->n_kept + 1) * n_items + 1, a->kept_items_alloc);
    int64_t *items = a->kept_items + a->n_kept * n_items;
    struct sha256 h;
    sha256_init(&h);
    const char **fields = fields_given_sorted(resp, &n_fields);
    for (size_t k = 0; k < n_fields; k++) {
        hash_text(&h, fields[k]);
        hash_group_value(&h, answers_response_field(resp, fields[k]));
    }
    free(fields);
    for (size_t i = 0; i < n_items; i++)
        items[i] = kept_answer(resp, i);
    sha256_update(&h, items, n_items * sizeof(*items));
    unsigned char digest[32];
    sha256_final(&h, digest);
    struct answers_kept *k = &a->kept[a->n_kept++];
    memcpy(k->fingerprint, digest, sizeof(k->fingerprint));
    k->id = resp->respondent ? pool_strdup(&a->pool, resp->respondent) : NULL;
    k->group = gt ? (size_t)(gt - a->groups) : SIZE_MAX;
}

const int64_t *answers_kept_items(const struct assessment *a, size_t k)
{
    return a->kept_items + k * a->rules->n_items;
}

static void fold_in(struct assessment *a, const struct response *resp, const char *file)
{
    /* The file's name, kept once for its date and its respondent id (100,000 paths). */
    const char *kept_file = pool_strdup(&a->pool, file);
    note_respondent_id(a, resp, file, kept_file);
    const struct rules *r = a->rules;
    note_fields_given(a, resp);
    note_profile(a, resp);
    struct role_count *rc = resp->role ? role_for(a, resp->role) : NULL;
    struct group_tally *gt = group_for(a, resp);
    if (a->keep_respondents)
        keep_respondent(a, resp, gt);
    if (!a->organisation) {
        a->organisation = pool_strdup(&a->pool, resp->organisation);
        a->first_file = pool_strdup(&a->pool, file);
        a->organisation_at = (struct answers_pos){a->first_file, resp->organisation_node->line,
                                                  resp->organisation_node->column};
    }
    if (!a->model_named) {
        a->model_named = pool_strdup(&a->pool, resp->model_named);
        a->model_named_at = model_pos(a, file, resp);
    } else if (!a->models_mixed && strcmp(a->model_named, resp->model_named) != 0) {
        a->models_mixed = true;
        a->models_mixed_at = model_pos(a, file, resp);
    }
    /* Every date is kept; settle_dates decides the assessment's from them all. */
    XGROW(a->dated, a->n_dated + 1, a->dated_alloc);
    struct answers_dated *ad = &a->dated[a->n_dated++];
    date_parse_days(resp->date, &ad->days);
    ad->date = pool_strdup(&a->pool, resp->date);
    ad->at = (struct answers_pos){kept_file, resp->date_node->line, resp->date_node->column};
    ad->warned = false;
    a->respondents++;
    if (rc)
        rc->respondents++;
    if (gt)
        gt->respondents++;
    for (size_t i = 0; i < r->n_items; i++) {
        tally_add(r, &a->items[i], resp->state[i], resp->score[i]);
        if (gt)
            tally_add(r, &gt->items[i], resp->state[i], resp->score[i]);
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

/*
 * Folds a checked respondent into a, after the checks that depend on the respondents
 * before it; their diagnostics quote buf, the file resp was read from. 0, or -1.
 */
static int fold_response(struct assessment *a, struct response *resp, const char *file,
                         const char *buf, size_t len, struct diags *d)
{
    int rc = -1;
    resp->c.d = d;
    diags_set_source(d, buf, len);
    if (a->respondents >= ANSWERS_RESPONDENTS_MAX)
        yerror(&resp->c, NULL, "more than %d respondents in one assessment",
               ANSWERS_RESPONDENTS_MAX);
    else if (check_same_organisation(a, resp) == 0 && check_role_room(a, resp) == 0 &&
             check_group_room(a, resp) == 0) {
        fold_in(a, resp, file);
        rc = 0;
    }
    diags_set_source(d, NULL, 0);
    return rc;
}

static int add_buffer(struct assessment *a, const char *file, const char *buf, size_t len,
                      bool strict, struct diags *d);

/* By date, then file, line and column: an order that is the same however files are read. */
static int compare_dated(const void *pa, const void *pb)
{
    const struct answers_dated *x = *(const struct answers_dated *const *)pa;
    const struct answers_dated *y = *(const struct answers_dated *const *)pb;
    if (x->days != y->days)
        return x->days < y->days ? -1 : 1;
    int c = strcmp(x->at.file, y->at.file);
    if (c)
        return c;
    if (x->at.line != y->at.line)
        return x->at.line < y->at.line ? -1 : 1;
    return (x->at.column > y->at.column) - (x->at.column < y->at.column);
}

/*
 * The assessment's date from its respondents' (docs/answers-format.md): the latest of
 * those within ANSWERS_DATE_WINDOW_DAYS of the median respondent's date (the lower
 * median), so that a year mistyped by one respondent neither dates the assessment nor
 * moves the median. Each date outside the window is warned about once, where it is.
 */
static void settle_dates(struct assessment *a, struct diags *d)
{
    if (!a->n_dated)
        return;
    const struct answers_dated **by = xcalloc(a->n_dated, sizeof(*by));
    for (size_t k = 0; k < a->n_dated; k++)
        by[k] = &a->dated[k];
    qsort(by, a->n_dated, sizeof(*by), compare_dated);
    const struct answers_dated *median = by[(a->n_dated - 1) / 2], *latest = median;
    for (size_t k = 0; k < a->n_dated; k++) {
        int64_t off = by[k]->days - median->days;
        bool near = off <= ANSWERS_DATE_WINDOW_DAYS && off >= -ANSWERS_DATE_WINDOW_DAYS;
        if (near)
            latest = by[k];
        struct answers_dated *at = &a->dated[by[k] - a->dated];
        bool future = a->today && strcmp(at->date, a->today) > 0;
        if (at->warned || !d || (near && !future))
            continue;
        at->warned = true;
        if (near)
            diag_add(d, DIAG_WARNING, at->at.file, at->at.line, at->at.column,
                     "date %s is after today (%s); is the year right?", at->date, a->today);
        else
            diag_add(d, DIAG_WARNING, at->at.file, at->at.line, at->at.column,
                     "date %s is %lld days %s the median of the respondents' dates (%s), "
                     "more than %d: it does not date the assessment; is the year right?",
                     at->date, (long long)(off < 0 ? -off : off), off < 0 ? "before" : "after",
                     median->date, ANSWERS_DATE_WINDOW_DAYS);
    }
    a->date = latest->date;
    a->date_at = latest->at;
    a->date_first = by[0]->date;
    a->date_last = by[a->n_dated - 1]->date;
    free(by);
}

int assessment_add_buffer(struct assessment *a, const char *file, const char *buf, size_t len,
                          bool strict, struct diags *d)
{
    int rc = add_buffer(a, file, buf, len, strict, d);
    if (!a->defer_dates)
        settle_dates(a, d);
    return rc;
}

static int add_buffer(struct assessment *a, const char *file, const char *buf, size_t len,
                      bool strict, struct diags *d)
{
    struct ydoc doc;
    struct response resp;
    int rc = -1;
    if (answers_refuse_zip(file, buf, len, d))
        return -1;
    if (answers_response_check(&doc, &resp, a->rules, a->warn_placeholders, file, buf, len, strict,
                               d))
        rc = fold_response(a, &resp, file, buf, len, d);
    answers_response_free(&resp);
    ydoc_release(&doc);
    return rc;
}

/*
 * A file of a named directory can be a file met before only when that file was named,
 * or when one of the two names is a link: so only links are remembered, and a plain
 * file with one name is looked up but costs no memory. A file met before is refused
 * whatever it holds, so the problems found in it are dropped.
 */
static int answers_file_settle(struct assessment *a, struct answers_file *f, struct diags *d)
{
    diags_append(d, &f->read_diags);
    if (f->read_rc != 0)
        return -1;
    if (f->in_dir) {
        const struct answers_file_id *first;
        if (f->link || f->id.links > 1)
            first = answers_ids_add(&a->pool, &a->files, &f->id, f->path);
        else
            first = answers_ids_find(&a->files, &f->id);
        if (first)
            return answers_refuse_second_name(d, f->path, first->path, "file");
    }
    diags_append(d, &f->check_diags);
    if (!f->checked_ok)
        return -1;
    return fold_response(a, &f->resp, f->path, f->buf, f->len, d);
}

/* The sink's settle: f folded into the owner's assessment, in order; the caller frees f. */
static void settle_into(struct answers_sink *s, struct answers_file *f)
{
    if (answers_file_settle(s->owner, f, s->d) != 0)
        s->failed = true;
}

/* One file at a time: read it, settle it and free it at once. */
static void settle_now(struct answers_sink *s, struct answers_file *f)
{
    answers_file_read(f, s->reader);
    settle_into(s, f);
    answers_file_free(f);
}

static void nothing_to_drain(struct answers_sink *s)
{
    (void)s;
}

/* The walk's own diagnostics come after those of every file put before them. */
static void report_walk_problems(struct answers_sink *s, struct diags *walk)
{
    if (!walk->n && !diags_failed(walk))
        return;
    s->drain(s);
    diags_append(s->d, walk);
}

static int walk_dir(struct answers_sink *s, const char *path)
{
    struct dirlist list;
    struct diags walk;
    diags_init(&walk);
    int rc = dirlist_open(&list, path, answers_is_file_name, DIRLIST_BATCH, &walk);
    const struct dirlist_entry *e;
    size_t files = 0;
    int more = rc == 0;
    while (more && (more = dirlist_next(&list, &e, &walk)) == 1) {
        s->put(s, answers_file_new(fileio_path_join(path, e->name), true, e->type));
        files++;
    }
    if (more < 0)
        rc = -1;
    else if (rc == 0 && files == 0) {
        diag_error(&walk, path, 0, 0, "no answers files (*.yaml, *.yml) in this directory");
        rc = -1;
    }
    dirlist_close(&list);
    report_walk_problems(s, &walk);
    diags_release(&walk);
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
        answers_ids_add(&a->pool, id.directory ? &a->dirs : &a->files, &id, path);
    if (first) {
        answers_refuse_second_name(d, path, first->path, what);
        return NAMED_SKIP;
    }
    return id.directory ? NAMED_DIR : NAMED_FILE;
}

/* Every path's files, put into s in order. */
static int walk(struct answers_sink *s, const char *const *paths, size_t n)
{
    int rc = 0;
    enum named_kind *kind = xcalloc(n ? n : 1, sizeof(*kind));
    for (size_t i = 0; i < n; i++)
        if ((kind[i] = note_named(s->owner, paths[i], s->d)) == NAMED_SKIP)
            rc = -1;
    for (size_t i = 0; i < n; i++) {
        if (kind[i] == NAMED_DIR && walk_dir(s, paths[i]) != 0)
            rc = -1;
        else if (kind[i] == NAMED_FILE)
            s->put(s, answers_file_new(xstrdup(paths[i]), false, DIRLIST_UNKNOWN));
    }
    s->drain(s);
    free(kind);
    return rc == 0 && !s->failed ? 0 : -1;
}

int assessment_add_paths(struct assessment *a, const char *const *paths, size_t n, bool strict,
                         struct diags *d)
{
    struct answers_reader reader = {a->rules, &a->dirs, strict, a->warn_placeholders};
    struct answers_sink s = {settle_now, nothing_to_drain, settle_into, a, &reader, d, false};
    int rc;
    if (a->jobs > 1) {
        struct answers_sink *threads = answers_parallel_open(&s, a->jobs);
        rc = walk(threads, paths, n);
        answers_parallel_close(threads);
    } else {
        rc = walk(&s, paths, n);
    }
    settle_dates(a, d);
    return rc;
}

bool assessment_has_read(const struct assessment *a, const char *path)
{
    struct fileio_id id, dir_id;
    if (!fileio_id_of(path, &id) || id.directory)
        return false;
    if (answers_ids_find(&a->files, &id))
        return true; /* named, or reached through a link */
    char *dir = fileio_dir_of(path);
    const char *slash = platform_last_separator(path);
    bool in_named_dir = answers_is_file_name(slash ? slash + 1 : path) &&
                        fileio_id_of(dir, &dir_id) && answers_ids_find(&a->dirs, &dir_id);
    free(dir);
    return in_named_dir;
}

int assessment_add_path(struct assessment *a, const char *path, bool strict, struct diags *d)
{
    return assessment_add_paths(a, &path, 1, strict, d);
}
