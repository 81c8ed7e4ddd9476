/*
 * plan_update.c - appending a new assessment's actions to an edited plan.
 *
 * Everything a person wrote (comments, blank lines, keys in their own order, quoting)
 * survives because it is never rewritten: the old bytes are copied as they are and the
 * new actions go in at the end of the actions list, in the file's own line ending and
 * indentation. The one change to old text is an empty "[]" (or null) after "actions:",
 * which must give way to the list. Where the list is written in brackets with items,
 * appending would mean rewriting it, so the update refuses instead.
 */
#include "plan_write.h"
#include "plan_write_internal.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "plan.h"
#include "rules.h"
#include "schema.h"
#include "score.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"
#include "yamlread.h"

/* Where the new actions go, and how they are laid out. */
struct splice {
    size_t cut_from, cut_to; /* old bytes left out: an empty "[]" or null, or none */
    size_t at;               /* where the new lines go in */
    bool break_first;        /* the file ends without a line break: add one first */
    char eol[3], indent[64], after_dash[16];
};

/* ---- the file's own style ---- */

/* The file's first line break: "\r\n", "\r" or (also for none) "\n". */
static void find_eol(const char *buf, size_t len, char eol[3])
{
    const char *nl = memchr(buf, '\n', len), *cr = memchr(buf, '\r', len);
    if (cr && (!nl || cr < nl))
        strcpy(eol, cr + 1 < buf + len && cr[1] == '\n' ? "\r\n" : "\r");
    else
        strcpy(eol, "\n");
}

static size_t line_start(const char *buf, size_t at)
{
    while (at > 0 && buf[at - 1] != '\n' && buf[at - 1] != '\r')
        at--;
    return at;
}

/* After the line break that ends the line at, or len. */
static size_t next_line(const char *buf, size_t len, size_t at)
{
    while (at < len) {
        size_t brk = text_line_break(buf + at, len - at);
        if (brk)
            return at + brk;
        at++;
    }
    return len;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

/* Copies the blanks from..to of buf into out (size cap), or false when they do not fit. */
static bool copy_blanks(char *out, size_t cap, const char *buf, size_t from, size_t to)
{
    if (to < from || to - from >= cap || !blank(buf + from, to - from))
        return false;
    memcpy(out, buf + from, to - from);
    out[to - from] = '\0';
    return true;
}

/* ---- where the list ends ---- */

static bool later(unsigned l1, unsigned c1, unsigned l2, unsigned c2)
{
    return l1 > l2 || (l1 == l2 && c1 > c2);
}

/* The end of the last text in n: a scalar's, or a bracketed collection's. */
static void last_end(const struct ynode *n, unsigned *line, unsigned *column)
{
    if (n->type == YNODE_SCALAR || n->flow) {
        if (later(n->end_line, n->end_column, *line, *column))
            *line = n->end_line, *column = n->end_column;
        return;
    }
    for (size_t k = 0; k < n->n; k++)
        last_end(n->kids[k], line, column);
}

/*
 * Just after the last item's last line, and after any comment lines indented under it
 * (a person's words about that action stay with it).
 */
static size_t after_last_item(const char *buf, size_t len, const struct ynode *item,
                              size_t dash_width)
{
    unsigned line = 0, column = 0;
    last_end(item, &line, &column);
    size_t end = yaml_offset_of(buf, len, line, column), start = line_start(buf, end);
    /* A block scalar ends at the start of the line after it. */
    size_t at = blank(buf + start, end - start) && start > 0 ? start : next_line(buf, len, end);
    for (;;) {
        size_t eol = next_line(buf, len, at), i = at;
        while (i < eol && (buf[i] == ' ' || buf[i] == '\t'))
            i++;
        if (i >= eol || buf[i] != '#' || i - at <= dash_width)
            return at;
        at = eol;
    }
}

/* A list with items in block style: the new ones go after its last, indented as its first. */
static int splice_block(struct splice *sp, const char *buf, size_t len, const struct ynode *seq)
{
    const struct ynode *first = seq->kids[0];
    size_t dash = yaml_offset_of(buf, len, seq->line, seq->column);
    size_t content = yaml_offset_of(buf, len, first->line, first->column);
    if (!copy_blanks(sp->indent, sizeof(sp->indent), buf, line_start(buf, dash), dash))
        return -1;
    if (first->line != seq->line ||
        !copy_blanks(sp->after_dash, sizeof(sp->after_dash), buf, dash + 1, content))
        strcpy(sp->after_dash, " ");
    sp->at = after_last_item(buf, len, seq->kids[seq->n - 1], seq->column - 1);
    sp->cut_from = sp->cut_to = sp->at;
    return 0;
}

/* "actions:" with nothing after it, "[]" or null: the list starts after that line. */
static int splice_empty(struct splice *sp, const char *buf, size_t len, const struct ynode *key,
                        const struct ynode *value)
{
    size_t k = yaml_offset_of(buf, len, key->line, key->column);
    if (!copy_blanks(sp->indent, sizeof(sp->indent) - 2, buf, line_start(buf, k), k))
        return -1;
    strcat(sp->indent, "  ");
    strcpy(sp->after_dash, " ");
    size_t from = yaml_offset_of(buf, len, value->line, value->column);
    size_t to = yaml_offset_of(buf, len, value->end_line, value->end_column);
    while (from > 0 && (buf[from - 1] == ' ' || buf[from - 1] == '\t'))
        from--;
    sp->cut_from = from;
    sp->cut_to = to;
    sp->at = next_line(buf, len, to);
    return 0;
}

static const struct ynode *key_of(const struct ynode *map, const char *key)
{
    for (size_t i = 0; i + 1 < map->n; i += 2)
        if (ynode_is(map->kids[i], key))
            return map->kids[i];
    return NULL;
}

/* Finds where the new actions go, or refuses with a located error. */
static int find_splice(struct splice *sp, const char *file, const char *buf, size_t len,
                       const struct ynode *root, struct diags *d)
{
    const struct ynode *key = key_of(root, "actions"), *value = ymap_get(root, "actions");
    static const char how[] = "--update appends to a list written one '- action:' a line, and "
                              "will not rewrite yours";
    if (!value)
        return -1; /* the loader has refused it */
    if (root->flow) {
        diag_error(d, file, root->line, root->column, "this plan is written in braces; %s", how);
        return -1;
    }
    if (value->type == YNODE_SEQ && value->flow && value->n) {
        diag_error(d, file, value->line, value->column,
                   "the actions are written in brackets [...]; %s", how);
        return -1;
    }
    find_eol(buf, len, sp->eol);
    int rc = value->type == YNODE_SEQ && value->n ? splice_block(sp, buf, len, value)
                                                  : splice_empty(sp, buf, len, key, value);
    if (rc != 0)
        diag_error(d, file, value->line, value->column,
                   "the actions list is indented with more than blanks; %s", how);
    sp->break_first = sp->at == len && len > 0 && buf[len - 1] != '\n' && buf[len - 1] != '\r';
    return rc;
}

/* ---- what to add, and what to say ---- */

static const struct plan_action *in_plan(const struct plan *p, size_t item)
{
    for (size_t k = 0; k < p->n_actions; k++)
        if (p->actions[k].item == item)
            return &p->actions[k];
    return NULL;
}

/* Why a suggestion is no action to take now. */
static const char *why_not_ranked(const struct score *s, size_t item)
{
    for (size_t k = 0; k < s->n_suggestions; k++) {
        const struct score_suggestion *sg = &s->suggestions[k];
        if (sg->item != item)
            continue;
        switch (sg->unranked) {
        case SCORE_UNRANKED_ACCEPTED:
            return "it is accepted for now (--accept)";
        case SCORE_UNRANKED_NA:
            return "it is answered n/a";
        case SCORE_UNRANKED_NO_QUESTION:
            return "it has no question (retired by the model)";
        case SCORE_UNRANKED_STAGE:
            return "its stage has too few answers for a score: find out first";
        case SCORE_UNRANKED_UNKNOWN:
            return "nobody knew whether it has been acted on: find out first";
        case SCORE_RANKED:
            break;
        }
        if (score_suggestion_action(s, sg) == SCORE_KEEP_GOING)
            return "it is answered as acted on";
    }
    return "no gap it addresses is open";
}

/* Open actions the new assessment does not rank as actions to take. */
static void note_no_longer_ranked(const struct plan *p, const struct score *s, const size_t *all,
                                  size_t n_all, struct strbuf *notes)
{
    for (size_t k = 0; k < p->n_actions; k++) {
        const struct plan_action *a = &p->actions[k];
        bool ranked = false;
        for (size_t j = 0; j < n_all && !ranked; j++)
            ranked = s->suggestions[all[j]].item == a->item;
        if (ranked || !plan_action_open(a))
            continue;
        strbuf_addf(notes,
                    "action '%s' (line %u) is %s, but the assessment of %s has it as no "
                    "action to take: %s\n",
                    s->rules->items[a->item].id, a->line, plan_status_name(a->status),
                    s->assessment->date, why_not_ranked(s, a->item));
    }
}

static size_t highest_priority(const struct plan *p)
{
    size_t top = 0;
    for (size_t k = 0; k < p->n_actions; k++)
        if (p->actions[k].priority > top)
            top = p->actions[k].priority;
    return top;
}

static void splice_in(const struct splice *sp, const struct plan_source *old,
                      const struct strbuf *added, struct strbuf *out)
{
    strbuf_add(out, old->buf, sp->cut_from);
    strbuf_add(out, old->buf + sp->cut_to, sp->at - sp->cut_to);
    if (sp->break_first)
        strbuf_adds(out, sp->eol);
    strbuf_add(out, added->buf, added->len);
    strbuf_add(out, old->buf + sp->at, old->len - sp->at);
}

/* The new actions' lines, numbered on from the plan's; how many. */
static size_t new_actions(const struct splice *sp, const struct plan *p, const struct score *s,
                          const size_t *chosen, size_t n, struct strbuf *added)
{
    struct plan_style st = {sp->eol, sp->indent, sp->after_dash};
    size_t priority = highest_priority(p), count = 0;
    for (size_t k = 0; k < n; k++) {
        const struct score_suggestion *sg = &s->suggestions[chosen[k]];
        if (in_plan(p, sg->item))
            continue;
        plan_write_action(added, &st, s, sg, ++priority, s->assessment->date);
        count++;
    }
    return count;
}

/*
 * Splices the new actions in, and reads the result back as a plan: what the update
 * writes must load, or nothing is written.
 */
static int check_reads_back(const struct splice *sp, const struct plan_source *old,
                            const struct strbuf *added, const struct score *s, struct strbuf *out,
                            struct diags *d)
{
    struct strbuf result = STRBUF_INIT;
    struct plan check;
    struct diags unused;
    diags_init(&unused);
    splice_in(sp, old, added, &result);
    int rc = plan_load_buffer(&check, s->rules, old->plan->file, strbuf_str(&result), result.len,
                              &unused);
    if (rc == 0)
        strbuf_add(out, result.buf, result.len);
    else
        diag_error(d, old->plan->file, 0, 0,
                   "the updated plan would not read back, so nothing is written; this is a bug "
                   "in stagegap, please report it");
    plan_release(&check);
    diags_release(&unused);
    strbuf_release(&result);
    return rc;
}

static bool is_utf16(const char *buf, size_t len)
{
    return len >= 2 &&
           ((buf[0] == '\xFF' && buf[1] == '\xFE') || (buf[0] == '\xFE' && buf[1] == '\xFF'));
}

int plan_write_update(const struct plan_source *old, const struct score *s, size_t top,
                      struct strbuf *out, struct strbuf *notes, struct diags *d)
{
    const struct plan *p = old->plan;
    struct ydoc doc;
    struct splice sp;
    struct strbuf added = STRBUF_INIT;
    size_t *chosen = xcalloc(s->n_suggestions + 1, sizeof(*chosen));
    size_t *all = xcalloc(s->n_suggestions + 1, sizeof(*all));
    size_t n = score_actions(s, SCORE_TAKE_ACTION, top, chosen);
    size_t n_all = score_actions(s, SCORE_TAKE_ACTION, 0, all);
    int rc = -1;
    memset(&sp, 0, sizeof(sp));
    ydoc_init(&doc);
    if (is_utf16(old->buf, old->len)) {
        diag_error(d, p->file, 0, 0,
                   "this plan is UTF-16 text; --update keeps the file's own bytes, so save it "
                   "as UTF-8 first");
        goto out;
    }
    if (yaml_read(&doc, p->file, old->buf, old->len, &ylimits_default, d) != 0 || !doc.root ||
        find_splice(&sp, p->file, old->buf, old->len, doc.root, d) != 0)
        goto out;
    note_no_longer_ranked(p, s, all, n_all, notes);
    size_t n_added = new_actions(&sp, p, s, chosen, n, &added);
    if (n_added == 0) {
        strbuf_addf(notes, "nothing new to add: the assessment of %s has %s", s->assessment->date,
                    n ? "every one of its first actions to take in the plan already\n"
                      : "no actions to take\n");
        strbuf_add(out, old->buf, old->len);
        rc = 0;
    } else {
        rc = check_reads_back(&sp, old, &added, s, out, d);
        if (rc == 0) /* say what changed: a silent success reads as nothing done */
            strbuf_addf(notes,
                        "added %zu action%s from the assessment of %s, after the plan's own\n",
                        n_added, n_added == 1 ? "" : "s", s->assessment->date);
    }
out:
    diags_set_source(d, NULL, 0);
    ydoc_release(&doc);
    strbuf_release(&added);
    free(all);
    free(chosen);
    return rc;
}
