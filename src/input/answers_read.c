/*
 * answers_read.c - reading one stagegap-answers/1 file into a checked response: its
 * header (format, rules, organisation, date), respondent, answers, notes and comments,
 * with a located diagnostic for everything a person can get wrong. Depends on nothing
 * but the file and the rules, so any thread may run it (answers_file.h); folding
 * the response into the assessment is answers.c's.
 */
#include "answers_read.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "exact.h"
#include "plan.h"
#include "rules.h"
#include "schema.h"
#include "evidence.h"
#include "headcount.h"
#include "share.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* The four arrays of one respondent in one zeroed block (one allocation a file, not four),
   the 8-byte ones first so that each is aligned; score is the block. */
static void response_alloc(struct response *resp, const struct rules *r)
{
    size_t n = r->n_items ? r->n_items : 1;
    _Static_assert(sizeof(*resp->score) == 8 && sizeof(*resp->note) == sizeof(void *) &&
                       sizeof(*resp->state) <= 8,
                   "the block's arrays are laid out largest alignment first");
    size_t each = sizeof(*resp->score) + 2 * sizeof(*resp->note) + sizeof(*resp->state);
    unsigned char *block = xcalloc(n, each);
    resp->score = (int64_t *)(void *)block;
    resp->note = (const char **)(void *)(block + n * sizeof(*resp->score));
    resp->evidence = resp->note + n;
    resp->state = (enum answer_state *)(void *)(resp->evidence + n);
}

void answers_response_free(struct response *resp)
{
    free(resp->score); /* the block: see response_alloc */
    resp->score = NULL;
    resp->note = resp->evidence = NULL;
    resp->state = NULL;
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
    int64_t lo = (int64_t)r->scale_min * EXACT_SCALE, hi = (int64_t)r->scale_max * EXACT_SCALE;
    double unused;
    /* Most answers are a number on the scale: taken without building a message. */
    if (ydecimal_ok(n, lo, hi, &resp->score[item])) {
        resp->state[item] = ANSWER_SCORE;
    } else if (is_word(n, "n/a")) {
        resp->state[item] = ANSWER_NA;
    } else if (is_word(n, "unknown")) {
        resp->state[item] = ANSWER_UNKNOWN;
    } else if (ynode_is_null(n)) {
        resp->state[item] = ANSWER_NONE;
    } else if (yplain_number(n, &unused)) {
        /* Off the scale or too finely written: ydecimal words it as every number check. */
        struct strbuf what = STRBUF_INIT;
        strbuf_addf(&what, "the answer to '%s'", r->items[item].id);
        if (ydecimal(&resp->c, n, lo, hi, strbuf_str(&what), &resp->score[item]) == 0)
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

/*
 * validate only: free text a report may show (a note, evidence, a comment) that looks
 * like it holds an e-mail address, a phone number or a staff number (docs/privacy.md).
 */
static void warn_identifying(struct response *resp, const struct ynode *n, const char *what)
{
    const char *text = resp->warn_placeholders && n && n->type == YNODE_SCALAR ? n->str : NULL;
    const char *looks = text ? text_looks_identifying(text) : NULL;
    if (looks)
        diag_add(resp->c.d, DIAG_WARNING, resp->c.file, n->line, n->column,
                 "%s looks like it holds %s; reports show it to everyone they are shared "
                 "with, so take out anything that names or identifies a person",
                 what, looks);
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
    if (note && !ynode_is_null(note) && (resp->note[item] = ytext(&resp->c, note, "a note")))
        warn_identifying(resp, note, "this note");
    if (evidence && !ynode_is_null(evidence) &&
        (resp->evidence[item] = ytext(&resp->c, evidence, "evidence")))
        warn_identifying(resp, evidence, "this evidence");
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

/* An answer to an item the overlay retired is ignored, with a warning (even with --strict:
   the answer is not wrong, only no longer asked). */
static void warn_retired(struct response *resp, const struct ynode *key,
                         const struct rules_item *it)
{
    struct strbuf msg = STRBUF_INIT;
    strbuf_addf(&msg, "item '%s' is retired by the model '%s', so its answer is ignored: ", it->id,
                resp->rules->id);
    text_add_quoted(&msg, it->retired, 200);
    diag_add(resp->c.d, DIAG_WARNING, resp->c.file, key->line, key->column, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
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
        if (r->items[item].retired) {
            warn_retired(resp, key, &r->items[item]);
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
const struct ynode *answers_response_field_node(const struct response *resp, const char *field)
{
    if (strcmp(field, ANSWERS_FIELD_ROLE) == 0)
        return resp->role ? resp->role_node : NULL;
    return resp->groups ? ymap_get(resp->groups, field) : NULL;
}

/* What a respondent gives for a grouping field, or NULL. */
const char *answers_response_field(const struct response *resp, const char *field)
{
    const struct ynode *v = answers_response_field_node(resp, field);
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
        else if (text)
            warn_identifying(resp, text, "this comment");
    }
    if (ok)
        resp->comments = n;
}

/* Answers may name the model loaded, or, when it is an overlay, the model it extends. */
static bool answers_model_fits(const struct rules *r, const char *id)
{
    return strcmp(id, r->id) == 0 || (r->base && strcmp(id, r->base->id) == 0);
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
    if (ynode_is(format, SHARE_FORMAT)) {
        yerror(&resp->c, format,
               "this is a share file, not an answers file; 'stagegap benchmark' reads share "
               "files, 'stagegap validate' checks one");
        return false;
    }
    if (ynode_is(format, EVIDENCE_FORMAT)) {
        yerror(&resp->c, format,
               "this is an evidence file, not an answers file; 'stagegap validate' checks it");
        return false;
    }
    if (ynode_is(format, HEADCOUNT_FORMAT)) {
        yerror(&resp->c, format,
               "this is a headcount file, not an answers file; pass it with --headcount");
        return false;
    }
    if (!ynode_is(format, ANSWERS_FORMAT)) {
        yerror(&resp->c, format, "format must be '%s'", ANSWERS_FORMAT);
        return false;
    }
    const struct ynode *model = ymap_get(root, "rules");
    const char *id = model ? ytext(&resp->c, model, "rules") : NULL;
    if (id && !answers_model_fits(resp->rules, id)) {
        struct strbuf shown = STRBUF_INIT;
        text_add_quoted(&shown, id, 60);
        if (resp->rules->base)
            yerror(&resp->c, model,
                   "these answers are for the model %s, but the rules loaded are "
                   "'%s' (which extends '%s'); pass the matching rules with --rules",
                   strbuf_str(&shown), resp->rules->id, resp->rules->base->id);
        else
            yerror(&resp->c, model,
                   "these answers are for the model %s, but the rules loaded are "
                   "'%s'; pass the matching rules with --rules",
                   strbuf_str(&shown), resp->rules->id);
        strbuf_release(&shown);
        return false;
    }
    resp->model_named = id;
    resp->model_node = model;
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

/*
 * Parses buf and checks it as an answers file into doc and resp, which the caller
 * releases (answers_response_free, ydoc_release). True when the file itself has no errors.
 */
bool answers_response_check(struct ydoc *doc, struct response *resp, const struct rules *r,
                            bool warn_placeholders, const char *file, const char *buf, size_t len,
                            bool strict, struct diags *d)
{
    size_t errors_before = d->errors;
    *resp = (struct response){.c = {file, d}, .rules = r, .warn_placeholders = warn_placeholders};
    ydoc_init(doc);
    response_alloc(resp, r);
    yaml_read(doc, file, buf, len, &ylimits_default, d);
    if (!doc->broken) {
        if (!doc->root)
            diag_error(d, file, 1, 1, "empty file; an answers file starts with 'format: %s'",
                       ANSWERS_FORMAT);
        else if (yexpect_map(&resp->c, doc->root, "an answers file"))
            read_root(resp, doc->root, strict);
    }
    diags_set_source(d, NULL, 0);
    return d->errors == errors_before;
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
