/*
 * report_build.c - the assess report's sections built once, as a document (doc.h),
 * from the engine's results; doc_text.c, doc_markdown.c and doc_html.c write them.
 */
#include "report_build_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accept.h"
#include "answers.h"
#include "report.h"
#include "report_participation_internal.h"
#include "rules.h"
#include "report_target_internal.h"
#include "score.h"
#include "score_target.h"
#include "strbuf.h"
#include "xalloc.h"

enum { MD_HTML = DOC_MARKDOWN | DOC_HTML };

/* How many suggestions each list of actions shows. */

/*
 * Free text respondents wrote on the assessment as a whole, under the question it
 * answers; never with who wrote it, so a pooled report names nobody.
 */
static void report_build_comments(struct doc *d, const struct score *s)
{
    size_t n;
    const struct answer_comment **v = report_sorted_comments(s, &n);
    struct doc_node *sec = NULL, *list = NULL;
    if (n) {
        sec = doc_section(d, d->root, 2, "comments");
        doc_words(d, sec, "Comments");
        struct doc_node *lead = doc_para(d, sec);
        lead->tone = DOC_TONE_MUTED;
        doc_words(d, lead, "Free text respondents wrote, not scored and shown without names.");
    }
    for (size_t k = 0; k < n; k++) {
        if (report_comment_starts_group(v, k)) {
            struct doc_node *group = doc_section(d, sec, 3, NULL);
            if (v[k]->about) {
                doc_span_only(doc_words(d, group, "Asked: "), MD_HTML);
                doc_text(d, group, v[k]->about);
            } else {
                doc_words(d, group, "Other comments");
            }
            list = doc_list(d, group, false);
            list->bare_in_text = true;
        }
        struct doc_node *item = doc_item(d, list);
        doc_span_only(doc_words(d, item, "said: \""), DOC_TEXT);
        doc_span_only(doc_words(d, item, "A respondent: "), DOC_MARKDOWN);
        doc_text(d, item, v[k]->text);
        doc_span_only(doc_words(d, item, "\""), DOC_TEXT);
    }
    free(v);
}

/* Stage st's suggestions while it has too few answers to rank them; markdown says them
   inline, the others as a list under the stage. */
static void unranked_suggestions(struct doc *d, struct doc_node *item, const struct score *s,
                                 size_t st)
{
    const struct rules *r = s->rules;
    struct doc_node *list = doc_only(doc_list(d, item, false), DOC_TEXT | DOC_HTML);
    size_t *v = xcalloc(s->n_suggestions + 1, sizeof(*v));
    size_t n = score_unranked_of(s, SCORE_UNRANKED_STAGE, st, v);
    for (size_t k = 0; k < n; k++) {
        const char *text = r->items[s->suggestions[v[k]].item].text;
        doc_text(d, doc_item(d, list), text);
        doc_span_only(doc_words(d, item, k ? "; " : ""), DOC_MARKDOWN);
        doc_span_only(doc_text(d, item, text), DOC_MARKDOWN);
    }
    doc_span_only(doc_words(d, item, n ? "." : "none."), DOC_MARKDOWN);
    free(v);
}

/*
 * "Find out first": the stages too thinly answered to score, with how many more answers
 * would score them and their suggestions (not ranked until then), and the suggestions
 * whose own answer nobody knew.
 */
static void report_build_find_out(struct doc *d, const struct score *s)
{
    const struct rules *r = s->rules;
    if (!score_find_out_count(s))
        return;
    struct doc_node *sec = doc_section(d, d->root, 2, "find-out");
    doc_words(d, sec, "Find out first");
    doc_words(d, doc_para(d, sec), "Not ranked until more is known.");
    struct doc_node *list = doc_list(d, sec, false);
    list->bare_in_text = true;
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct score_stage *ss = &s->stages[st];
        if (ss->has_score || ss->not_applicable)
            continue;
        struct doc_node *item = doc_item(d, list);
        doc_span_only(doc_words(d, item, "Not scored yet: "), DOC_MARKDOWN);
        doc_strong(d, item, r->stages[st].title);
        doc_wordsf(d, item,
                   " has too few answers for a score (%zu of %zu answered); %zu more "
                   "answered would give it one. Its suggestions",
                   ss->answered, ss->answerable, ss->more_answers);
        doc_span_only(doc_words(d, item, ":"), DOC_TEXT | DOC_HTML);
        doc_span_only(doc_words(d, item, ", not ranked until then: "), DOC_MARKDOWN);
        unranked_suggestions(d, item, s, st);
    }
    struct doc_node *unknown = NULL;
    size_t *v = xcalloc(s->n_suggestions + 1, sizeof(*v));
    size_t n = score_unranked_of(s, SCORE_UNRANKED_UNKNOWN, SCORE_ANY_STAGE, v);
    for (size_t k = 0; k < n; k++) {
        const struct rules_item *it = &r->items[s->suggestions[v[k]].item];
        if (!unknown) {
            struct doc_node *head = doc_only(doc_item(d, list), DOC_TEXT | DOC_HTML);
            doc_words(d, head, "Nobody knew whether these have been acted on:");
            unknown = doc_list(d, head, false);
        }
        /* Markdown says each on a line of its own at the top of the list. */
        struct doc_node *items[2] = {doc_item(d, unknown),
                                     doc_only(doc_item(d, list), DOC_MARKDOWN)};
        doc_words(d, items[1], "Not known if acted on: ");
        for (size_t j = 0; j < 2; j++) {
            report_item_text(d, items[j], it);
            doc_words(d, items[j], " (");
            doc_text(d, items[j], r->stages[it->stage].title);
            doc_words(d, items[j], ")");
        }
    }
    free(v);
}

/* The mean answer, with how many answered, their spread and whether they disagree when
   many did: "4.5 (n=6; 1 low, 2 middle, 3 high; respondents disagree)". */
static void answer_with_n(struct strbuf *out, const struct score *s, size_t item)
{
    const struct score_item *it = &s->items[item];
    report_add_ratio(out, it->answer_num, it->answer_den);
    if (s->assessment->respondents <= 1)
        return;
    strbuf_addf(out, " (n=%zu", s->assessment->items[item].n);
    struct strbuf spread = STRBUF_INIT;
    if (report_add_spread(&spread, s, item))
        strbuf_addf(out, "; %s", strbuf_str(&spread));
    strbuf_release(&spread);
    if (it->disagreement)
        strbuf_adds(out, "; respondents disagree");
    strbuf_adds(out, ")");
}

/* One item's row of the targets table. */
static void target_row(struct doc *d, struct doc_node *t, const struct score *s, size_t i,
                       const struct score_target *st)
{
    const struct rules *r = s->rules;
    const struct rules_item *it = &r->items[i];
    struct strbuf num = STRBUF_INIT;
    struct doc_node *row = doc_row(d, t);
    struct doc_node *c = report_item_head(d, row, it);
    doc_text(d, doc_cell(d, row, false), r->stages[it->stage].title);
    c = doc_cell(d, row, false);
    if (st->status == TARGET_NO_ANSWER) {
        doc_none(d, c);
    } else {
        answer_with_n(&num, s, i);
        doc_words(d, c, strbuf_str(&num));
    }
    strbuf_reset(&num);
    report_target_add_score(&num, &it->target);
    doc_words_cell(d, row, strbuf_str(&num));
    doc_text(d, doc_cell(d, row, false), it->target.by);
    c = doc_cell(d, row, false);
    strbuf_reset(&num);
    if (st->status == TARGET_NO_ANSWER)
        doc_none(d, c);
    else
        report_target_add_distance(&num, &it->target, st);
    doc_words(d, c, strbuf_str(&num));
    c = doc_cell(d, row, false);
    if (st->status == TARGET_OVERDUE) {
        doc_tag(d, c, score_target_status_text(st->status));
    } else {
        doc_words(d, c, score_target_status_text(st->status));
    }
    strbuf_release(&num);
}

/*
 * Every item with a target, in rules order, met or not, as a table. Nothing when the
 * model sets none.
 */
static void report_build_targets(struct doc *d, const struct score *s)
{
    const struct rules *r = s->rules;
    if (!score_targets_count(s))
        return;
    static const char *const heads[] = {"Item", "Stage", "Answer", "Target",
                                        "By",   "To go", "Status"};
    struct doc_node *sec = doc_section(d, d->root, 2, "targets");
    doc_words(d, sec, REPORT_TARGETS_TITLE);
    /* As text from the inputs: HTML has always written its apostrophe as an entity. */
    doc_text(d, doc_para(d, sec), REPORT_TARGETS_LEAD);
    struct doc_node *t = doc_table(d, sec, 7);
    doc_table_align(t, 2, DOC_ALIGN_RIGHT);
    doc_table_align(t, 3, DOC_ALIGN_RIGHT);
    doc_table_align(t, 5, DOC_ALIGN_RIGHT);
    doc_words(d, t, "Targets ");
    struct strbuf legend = STRBUF_INIT;
    strbuf_addf(&legend,
                "(answer and target on %ld to %ld; to go: how far the answer still has to "
                "move)",
                r->scale_min, r->scale_max);
    doc_aside(d, t, strbuf_str(&legend));
    strbuf_release(&legend);
    struct doc_node *head = doc_row(d, t);
    for (size_t k = 0; k < 7; k++) {
        struct doc_node *c = doc_words_cell(d, head, heads[k]);
        if (k == 2)
            doc_wordsf(d, c, " (%ld\xE2\x80\x93%ld)", r->scale_min, r->scale_max);
    }
    for (size_t i = 0; i < r->n_items; i++) {
        if (!score_item_has_target(s, i))
            continue;
        struct score_target st;
        score_target_of(s, i, &st);
        target_row(d, t, s, i, &st);
        score_target_release(&st);
    }
}

/* The open gaps a suggestion addresses, with the points each would add to its stage:
   inline in markdown, a list in the HTML table's cell. */
static void addressed_gaps(struct doc *d, struct doc_node *item, struct doc_node *cell,
                           const struct score *s, size_t suggestion)
{
    const struct rules_item *sg = &s->rules->items[suggestion];
    struct doc_node *list = doc_list(d, cell, false);
    struct strbuf points = STRBUF_INIT;
    const char *sep = "";
    for (size_t k = 0; k < sg->n_addresses; k++) {
        size_t gap = sg->addresses[k];
        /* An accepted gap adds nothing to the action's points, so it is not listed. */
        if (!score_item_is_gap(s, gap) || score_item_accepted(s, gap))
            continue;
        strbuf_reset(&points);
        strbuf_adds(&points, " (");
        report_add_exact(&points, &s->items[gap].impact_exact);
        strbuf_adds(&points, " points)");
        struct doc_node *li = doc_item(d, list);
        doc_text(d, li, s->rules->items[gap].text);
        doc_words(d, li, strbuf_str(&points));
        doc_span_only(doc_words(d, item, sep), DOC_MARKDOWN);
        doc_span_only(doc_text(d, item, s->rules->items[gap].text), DOC_MARKDOWN);
        doc_span_only(doc_words(d, item, strbuf_str(&points)), DOC_MARKDOWN);
        sep = "; ";
    }
    strbuf_release(&points);
}

/* The HTML table of suggestions: its caption and header row. */
static struct doc_node *actions_table(struct doc *d, struct doc_node *parent,
                                      enum score_action which)
{
    static const char *const heads[] = {"Rank", "Action", "Stage", "Points", "Gaps it addresses"};
    struct doc_node *t = doc_only(doc_table(d, parent, 5), DOC_HTML);
    doc_table_align(t, 0, DOC_ALIGN_RIGHT);
    doc_table_align(t, 3, DOC_ALIGN_RIGHT);
    if (which == SCORE_TAKE_ACTION) {
        doc_words(d, t,
                  "The focus stage's suggestions first, then earlier stages', then later "
                  "ones'; within a stage, those that would close the most points of open gaps "
                  "first ");
        doc_aside(d, t,
                  "(points: what the stage would gain if every gap the suggestion addresses "
                  "were closed; points of different stages do not compare)");
    } else {
        doc_words(d, t, "Suggestions already acted on whose gaps are still open");
    }
    struct doc_node *head = doc_row(d, t);
    for (size_t k = 0; k < 5; k++)
        doc_words_cell(d, head, heads[k]);
    return t;
}

/*
 * Suggestions of one kind in priority order, as many as every report lists (the engine's
 * score_actions): the actions to take, or those already acted on to keep going with.
 * Points are a stage's, so each names its stage. Returns how many.
 */
static size_t action_list(struct doc *d, struct doc_node *list, struct doc_node *table,
                          const struct score *s, enum score_action which)
{
    const struct rules *r = s->rules;
    size_t chosen[SCORE_ACTIONS_LISTED];
    size_t n = score_actions(s, which, SCORE_ACTIONS_LISTED, chosen), shown = 0;
    struct strbuf points = STRBUF_INIT;
    for (size_t k = 0; k < n; k++) {
        const struct score_suggestion *sg = &s->suggestions[chosen[k]];
        const struct rules_item *it = &r->items[sg->item];
        shown++;
        strbuf_reset(&points);
        report_add_exact(&points, &sg->points_exact);
        struct doc_node *item = doc_item(d, list);
        doc_span_only(doc_words(d, item, "In "), DOC_MARKDOWN);
        doc_span_only(doc_strong(d, item, r->stages[it->stage].title), DOC_MARKDOWN);
        doc_span_only(doc_words(d, item, ": "), DOC_MARKDOWN);
        report_item_text(d, item, it);
        doc_span_only(doc_words(d, item, " ("), DOC_TEXT);
        doc_span_only(doc_text(d, item, r->stages[it->stage].title), DOC_TEXT);
        doc_span_only(doc_wordsf(d, item, "; addresses gaps worth %s points)", strbuf_str(&points)),
                      DOC_TEXT);
        doc_span_only(doc_words(d, item, " \xE2\x80\x94 addresses "), DOC_MARKDOWN);
        struct doc_node *row = doc_row(d, table);
        doc_wordsf(d, doc_cell(d, row, false), "%zu", shown);
        report_item_head(d, row, it);
        doc_text(d, doc_cell(d, row, false), r->stages[it->stage].title);
        doc_words_cell(d, row, strbuf_str(&points));
        addressed_gaps(d, item, doc_cell(d, row, false), s, sg->item);
    }
    strbuf_release(&points);
    return shown;
}

/*
 * The focus stage's actions first, then earlier stages', then later; those already
 * acted on apart, to keep going with (docs/scoring.md). When there is none to take, the
 * section says why.
 */
static void report_build_actions(struct doc *d, const struct score *s)
{
    size_t first;
    bool keep_going = score_actions(s, SCORE_KEEP_GOING, 1, &first) > 0;
    struct doc_node *sec = doc_section(d, d->root, 2, "actions");
    doc_words(d, sec, "Actions to take first");
    struct doc_node *list = doc_only(doc_list(d, sec, true), DOC_TEXT | DOC_MARKDOWN);
    struct doc_node *table = actions_table(d, sec, SCORE_TAKE_ACTION);
    if (!action_list(d, list, table, s, SCORE_TAKE_ACTION)) {
        doc_words(d, doc_para(d, sec),
                  keep_going ? "Every suggestion that addresses an open gap is already acted "
                               "on: keep going with those below."
                             : "No suggestion addresses an open gap.");
    }
    if (!keep_going)
        return;
    /* Text and markdown give it a section of its own; HTML a heading in this one. */
    struct doc_node *html = doc_only(doc_section(d, sec, 3, "keep-going"), DOC_HTML);
    doc_words(d, html, "Keep going");
    struct doc_node *keep = doc_only(doc_section(d, d->root, 2, NULL), DOC_TEXT | DOC_MARKDOWN);
    doc_words(d, keep, "Keep going");
    doc_span_only(doc_words(d, keep, " (already acted on; gaps they address are still open)"),
                  DOC_TEXT);
    doc_words(d, doc_only(doc_para(d, keep), DOC_MARKDOWN),
              "Already acted on, and the gaps they address are still open:");
    action_list(d, doc_list(d, keep, false), actions_table(d, html, SCORE_KEEP_GOING), s,
                SCORE_KEEP_GOING);
}

/* Each group's stage scores as a figure: a row a group, a column a stage. */
static void groups_figure(struct doc *d, struct doc_node *sec, const struct score *s)
{
    const struct rules *r = s->rules;
    const struct score_breakdown *b = &s->breakdown;
    struct doc_figure *f = doc_figure(d, sec, DOC_FIGURE_GROUPS, b->n_groups, r->n_stages)->figure;
    struct strbuf sb = STRBUF_INIT;
    for (size_t st = 0; st < r->n_stages; st++)
        f->cols[st] = doc_strdup(d, r->stages[st].title);
    for (size_t g = 0; g < b->n_groups; g++) {
        const struct score_group *grp = &b->groups[g];
        strbuf_reset(&sb);
        report_group_name(&sb, b, grp);
        f->rows[g] = doc_strdup(d, strbuf_str(&sb));
        f->counts[g] = grp->respondents;
        for (size_t st = 0; st < r->n_stages; st++) {
            struct doc_heat_cell *c = &f->cells[g * r->n_stages + st];
            c->has = grp->has_score[st];
            c->value = grp->scores[st];
            strbuf_reset(&sb);
            if (c->has)
                report_add_exact(&sb, &grp->scores_exact[st]);
            c->shown = doc_strdup(d, strbuf_str(&sb));
        }
    }
    strbuf_release(&sb);
}

/* Each group's stage scores, under the anonymity threshold; or why there are none. */
static void report_build_breakdown(struct doc *d, const struct score *s)
{
    const struct score_breakdown *b = &s->breakdown;
    if (b->state == BREAKDOWN_OFF)
        return;
    struct strbuf text = STRBUF_INIT;
    struct doc_node *sec = doc_section(d, d->root, 2, "groups");
    report_breakdown_title(&text, b);
    doc_text(d, sec, strbuf_str(&text));
    if (b->state == BREAKDOWN_SHOWN)
        doc_span_only(doc_words(d, sec, " (respondents, then each stage's score)"), DOC_TEXT);
    if (b->n_groups)
        groups_figure(d, sec, s);
    strbuf_reset(&text);
    report_breakdown_note(&text, b);
    if (text.len) {
        struct doc_node *p = doc_para(d, sec);
        p->tone = DOC_TONE_MUTED;
        doc_text(d, p, strbuf_str(&text));
    }
    strbuf_release(&text);
}

/* A figure's cell from a stage's score at one level. */
static void heat_cell(struct doc *d, struct doc_heat_cell *c, const struct score_cell *cell)
{
    struct strbuf sb = STRBUF_INIT;
    c->has = cell->has_score;
    c->value = cell->score;
    c->answered = cell->answered;
    c->items = cell->items;
    if (c->has)
        report_add_exact(&sb, &cell->score_exact);
    c->shown = doc_strdup(d, strbuf_str(&sb));
    strbuf_release(&sb);
}

/* A stage's score at each level of change, as a figure under its own heading. */
static void build_levels(struct doc *d, struct doc_node *parent, const struct score *s,
                         size_t stage)
{
    const struct rules *r = s->rules;
    struct doc_node *sec = doc_section(d, parent, 3, NULL);
    doc_span_only(doc_text(d, sec, r->stages[stage].title), MD_HTML);
    doc_span_only(doc_words(d, sec, " by level of change"), MD_HTML);
    doc_span_only(doc_words(d, sec, "By level of change"), DOC_TEXT);
    struct doc_figure *f = doc_figure(d, sec, DOC_FIGURE_LEVELS, r->n_levels, 1)->figure;
    f->title = doc_strdup(d, r->stages[stage].title);
    for (size_t l = 0; l < r->n_levels; l++) {
        f->rows[l] = doc_strdup(d, r->levels[l].title);
        heat_cell(d, &f->cells[l], &s->stages[stage].levels[l]);
    }
}

/* Text's line for a note: `said by ROLE ID: "note"; evidence: ...`. */
static void note_said(struct doc *d, struct doc_node *item, const struct answer_note *n)
{
    const char *id = n->respondent; /* NULL unless the score keeps names */
    doc_words(d, item, "said");
    if (n->role || id) {
        doc_words(d, item, " by ");
        doc_text(d, item, n->role ? n->role : id);
        if (n->role && id) {
            doc_words(d, item, " ");
            doc_text(d, item, id);
        }
    }
    doc_words(d, item, ": ");
    if (n->note) {
        doc_words(d, item, "\"");
        doc_text(d, item, n->note);
        doc_words(d, item, "\"");
    }
    if (n->evidence) {
        doc_words(d, item, n->note ? "; evidence: " : "evidence: ");
        doc_text(d, item, n->evidence);
    }
}

/* Markdown's: ` — r07 (practitioner): note; evidence: ...`, run on after the item. */
static void note_inline(struct doc *d, struct doc_node *item, const struct answer_note *n,
                        bool first)
{
    struct doc_node *at = item;
    doc_span_only(doc_words(d, at, first ? " \xE2\x80\x94 " : "; "), DOC_MARKDOWN);
    if (n->respondent) {
        doc_span_only(doc_text(d, at, n->respondent), DOC_MARKDOWN);
        if (n->role) {
            doc_span_only(doc_words(d, at, " ("), DOC_MARKDOWN);
            doc_span_only(doc_text(d, at, n->role), DOC_MARKDOWN);
            doc_span_only(doc_words(d, at, ")"), DOC_MARKDOWN);
        }
    } else if (n->role) {
        doc_span_only(doc_text(d, at, n->role), DOC_MARKDOWN);
    } else {
        doc_span_only(doc_words(d, at, "a respondent"), DOC_MARKDOWN);
    }
    doc_span_only(doc_words(d, at, ": "), DOC_MARKDOWN);
    if (n->note)
        doc_span_only(doc_text(d, at, n->note), DOC_MARKDOWN);
    if (n->note && n->evidence)
        doc_span_only(doc_words(d, at, "; "), DOC_MARKDOWN);
    if (n->evidence) {
        doc_span_only(doc_words(d, at, "evidence: "), DOC_MARKDOWN);
        doc_span_only(doc_text(d, at, n->evidence), DOC_MARKDOWN);
    }
}

/* HTML's: who wrote it, the note in quotes, then its evidence. */
static void note_quoted(struct doc *d, struct doc_node *item, const struct answer_note *n)
{
    struct strbuf who = STRBUF_INIT;
    if (n->respondent) {
        strbuf_adds(&who, n->respondent);
        if (n->role)
            strbuf_addf(&who, " (%s)", n->role);
    } else {
        strbuf_adds(&who, n->role ? n->role : "A respondent");
    }
    strbuf_adds(&who, ":");
    /* As text from the inputs: one span, escaped as its parts would be. */
    doc_text(d, item, strbuf_str(&who))->style = "who";
    doc_words(d, item, " ");
    if (n->note) {
        doc_words(d, item, "\xE2\x80\x9C");
        doc_text(d, item, n->note);
        doc_words(d, item, "\xE2\x80\x9D");
    }
    if (n->note && n->evidence)
        doc_words(d, item, " ");
    if (n->evidence) {
        doc_label(d, item, "Evidence:");
        doc_words(d, item, " ");
        doc_text(d, item, n->evidence);
    }
    strbuf_release(&who);
}

/*
 * What respondents wrote beside an item, added to the item: a line each in text, run on
 * in markdown, a list in HTML (whose table cells hold it too). Nothing when they wrote
 * nothing.
 */
static void item_notes(struct doc *d, struct doc_node *item, const struct score_item *si)
{
    if (!si->n_notes)
        return;
    struct doc_node *said = doc_only(doc_list(d, item, false), DOC_TEXT);
    said->bare_in_text = true;
    struct doc_node *quoted = doc_only(doc_list(d, item, false), DOC_HTML);
    quoted->style = "cell said";
    for (size_t k = 0; k < si->n_notes; k++) {
        note_said(d, doc_item(d, said), &si->notes[k]);
        note_inline(d, item, &si->notes[k], k == 0);
        note_quoted(d, doc_item(d, quoted), &si->notes[k]);
    }
}

/* The three lists of a stage's items that are not gaps, by their state. */
static const struct item_list_kind {
    enum score_state state;
    const char *text_title, *md_title, *html_title, *html_lead, *md_lead;
} item_lists[] = {
    {UNKNOWN, "Nobody knew - find out", "Not yet known in ", "Nobody knew in ",
     "Nobody could answer these questions. Find out: each lowers how much of the stage the "
     "score covers.",
     "Find out: "},
    {NOT_APPLICABLE, "Not applicable - set aside", "Not applicable in ", "Not applicable in ",
     "Set aside: everyone who answered said these do not apply yet.", "Set aside: "},
    /* Scored items are listed only for their notes, when they are no gap. */
    {SCORED, "Other notes (items that are not gaps)", "Other notes on ", "Other notes on ",
     "What respondents wrote about items that are not gaps.", "On "},
};

static void item_list(struct doc *d, struct doc_node *parent, const struct score *s, size_t stage,
                      const struct item_list_kind *kind)
{
    const struct rules *r = s->rules;
    const struct rules_stage *rs = &r->stages[stage];
    struct doc_node *list = NULL;
    struct strbuf withheld = STRBUF_INIT;
    report_add_withheld(&withheld, s);
    for (size_t i = rs->first_item; i < rs->first_item + rs->n_items; i++) {
        const struct score_item *si = &s->items[i];
        if (si->state != kind->state ||
            (kind->state == SCORED && (score_item_is_gap(s, i) || !si->n_notes)))
            continue;
        if (!list) {
            struct doc_node *sec = doc_section(d, parent, 3, NULL);
            doc_span_only(doc_words(d, sec, kind->text_title), DOC_TEXT);
            doc_span_only(doc_words(d, sec, kind->md_title), DOC_MARKDOWN);
            doc_span_only(doc_words(d, sec, kind->html_title), DOC_HTML);
            doc_span_only(doc_text(d, sec, rs->title), MD_HTML);
            doc_words(d, doc_only(doc_para(d, sec), DOC_HTML), kind->html_lead);
            list = doc_list(d, sec, false);
            list->bare_in_text = true;
        }
        struct doc_node *item = doc_item(d, list);
        doc_span_only(doc_words(d, item, kind->md_lead), DOC_MARKDOWN);
        report_item_text(d, item, &r->items[i]);
        doc_span_only(doc_words(d, item, " "), DOC_HTML);
        doc_span_only(doc_wordsf(d, item, "(%s)", rules_item_label(&r->items[i])), DOC_HTML)->kind =
            DOC_SPAN_ASIDE;
        if (si->withheld) {
            doc_span_only(doc_words(d, item, " "), MD_HTML);
            doc_span_only(doc_wordsf(d, item, "(%s)", strbuf_str(&withheld)), DOC_MARKDOWN);
            doc_span_only(doc_wordsf(d, item, "(%s)", strbuf_str(&withheld)), DOC_HTML)->kind =
                DOC_SPAN_ASIDE;
            doc_wordsf(d, doc_only(doc_para(d, item), DOC_TEXT), "(%s)", strbuf_str(&withheld));
        }
        if (kind->state == UNKNOWN && r->items[i].question) {
            struct strbuf ask = STRBUF_INIT;
            strbuf_addf(&ask, "Ask: %s", r->items[i].question);
            doc_break(d, item);
            doc_span_only(doc_text(d, item, strbuf_str(&ask)), DOC_HTML)->kind = DOC_SPAN_ASIDE;
            strbuf_release(&ask);
        }
        item_notes(d, item, si);
    }
    strbuf_release(&withheld);
}

/* A stage's items nobody knew, those that do not apply, and notes on the rest. */
static void build_stage_items(struct doc *d, struct doc_node *parent, const struct score *s,
                              size_t stage)
{
    for (size_t k = 0; k < sizeof(item_lists) / sizeof(item_lists[0]); k++)
        item_list(d, parent, s, stage, &item_lists[k]);
}

/* ---- a stage's gaps ---- */

/* "accepted until DATE: not among the actions" beside a gap that has an acceptance. */
static bool accept_mark(struct strbuf *out, const struct score *s, size_t item)
{
    const struct score_item *it = &s->items[item];
    if (!it->acceptance)
        return false;
    if (it->accepted == SCORE_ACCEPTED)
        strbuf_addf(out, "accepted until %s: not among the actions", it->acceptance->expires);
    else
        strbuf_addf(out, "acceptance expired on %s: a gap to act on again",
                    it->acceptance->expires);
    return true;
}

/* The suggestions that address a gap, in priority order: text's "try:" lines, markdown's
   run-on list, HTML's list in the table's cell. */
static void gap_suggestions(struct doc *d, struct doc_node *tries, struct doc_node *md_cell,
                            struct doc_node *html_cell, const struct score *s, size_t item)
{
    size_t *sgs = xcalloc(s->n_suggestions + 1, sizeof(*sgs));
    size_t n = score_suggestions_for(s, item, sgs);
    struct doc_node *list = n ? doc_list(d, html_cell, false) : NULL;
    if (!n)
        doc_aside(d, html_cell, "none");
    for (size_t k = 0; k < n; k++) {
        const char *text = s->rules->items[sgs[k]].text;
        bool acted = s->items[sgs[k]].acted_on;
        struct doc_node *t = doc_item(d, tries);
        t->marker = "try: ";
        doc_text(d, t, text);
        doc_words(d, md_cell, k ? "; " : "");
        doc_text(d, md_cell, text);
        struct doc_node *li = doc_item(d, list);
        doc_text(d, li, text);
        if (acted) {
            doc_words(d, t, " (already acted on)");
            doc_words(d, md_cell, " (already acted on)");
            doc_words(d, li, " ");
            doc_tag(d, li, "already acted on");
        }
    }
    free(sgs);
}

/* Text's line under a gap: its answer, on what scale, from how many, and its level. */
static void gap_answer_line(struct doc *d, struct doc_node *item, const struct score *s, size_t i)
{
    const struct rules *r = s->rules;
    const struct item_tally *t = &s->assessment->items[i];
    struct strbuf line = STRBUF_INIT;
    strbuf_adds(&line, "answer ");
    report_add_ratio(&line, s->items[i].answer_num, s->items[i].answer_den);
    strbuf_addf(&line, " on %ld-%ld", r->scale_min, r->scale_max);
    if (s->assessment->respondents > 1 && t->n == 1) {
        strbuf_adds(&line, ", from 1 respondent");
    } else if (s->assessment->respondents > 1) {
        strbuf_addf(&line, ", the mean of %zu respondents", t->n);
        struct strbuf spread = STRBUF_INIT;
        if (report_add_spread(&spread, s, i))
            strbuf_addf(&line, " (%s)", strbuf_str(&spread));
        strbuf_release(&spread);
    }
    if (s->items[i].disagreement)
        strbuf_adds(&line, "; respondents disagree");
    strbuf_adds(&line, "; ");
    struct doc_node *p = doc_para(d, item);
    doc_words(d, p, strbuf_str(&line));
    doc_text(d, p, r->levels[r->items[i].level].title);
    strbuf_reset(&line);
    report_target_add_gap(&line, s, i);
    if (line.len)
        doc_words(d, doc_para(d, item), strbuf_str(&line));
    strbuf_release(&line);
}

/* HTML's answer cell: the mean, then how many answered and their spread, set small. */
static void gap_answer_cell(struct doc *d, struct doc_node *c, const struct score *s, size_t i)
{
    struct strbuf sb = STRBUF_INIT;
    report_add_ratio(&sb, s->items[i].answer_num, s->items[i].answer_den);
    doc_words(d, c, strbuf_str(&sb));
    if (s->assessment->respondents > 1) {
        strbuf_reset(&sb);
        strbuf_addf(&sb, "mean of %zu", s->assessment->items[i].n);
        struct strbuf spread = STRBUF_INIT;
        if (report_add_spread(&spread, s, i))
            strbuf_addf(&sb, ": %s", strbuf_str(&spread));
        strbuf_release(&spread);
        doc_words(d, c, strbuf_str(&sb))->style = "sub";
        if (s->items[i].disagreement)
            doc_tag(d, c, "respondents disagree");
    }
    strbuf_release(&sb);
}

/* One gap: text's entry in the list, and its row of the table. */
static void gap_entry(struct doc *d, struct doc_node *list, struct doc_node *t,
                      const struct score *s, size_t i)
{
    const struct rules *r = s->rules;
    const struct rules_item *it = &r->items[i];
    struct strbuf sb = STRBUF_INIT, mark = STRBUF_INIT;
    bool marked = accept_mark(&mark, s, i);
    /* Text: the impact stands out to the left, the rest hangs after it. */
    struct doc_node *item = doc_item(d, list);
    report_add_exact(&sb, &s->items[i].impact_exact);
    while (sb.len < 5)
        strbuf_addc(&sb, ' ');
    strbuf_adds(&sb, "  ");
    item->marker = doc_strdup(d, strbuf_str(&sb));
    doc_wordsf(d, item, "%s: ", rules_item_label(it));
    report_item_text(d, item, it);
    gap_answer_line(d, item, s, i);
    if (marked) {
        struct doc_node *accepted = doc_list(d, item, false);
        accepted->bare_in_text = true;
        doc_text(d, doc_item(d, accepted), strbuf_str(&mark));
    }
    struct doc_node *tries = doc_list(d, item, false);
    /* The table's row; markdown and HTML order and word some columns apart. */
    struct doc_node *row = doc_row(d, t);
    struct doc_node *c = report_item_head(d, row, it);
    if (marked) {
        doc_span_only(doc_words(d, c, " ("), DOC_MARKDOWN);
        doc_span_only(doc_text(d, c, strbuf_str(&mark)), DOC_MARKDOWN);
        doc_span_only(doc_words(d, c, ")"), DOC_MARKDOWN);
        doc_span_only(doc_text(d, c, strbuf_str(&mark)), DOC_HTML)->kind = DOC_SPAN_TAG;
    }
    doc_words_cell(d, row, rules_item_label(it));
    doc_text(d, doc_cell(d, row, false), r->levels[it->level].title);
    strbuf_reset(&sb);
    answer_with_n(&sb, s, i);
    doc_words(d, doc_only(doc_cell(d, row, false), DOC_MARKDOWN), strbuf_str(&sb));
    gap_answer_cell(d, doc_only(doc_cell(d, row, false), DOC_HTML), s, i);
    strbuf_reset(&sb);
    report_add_exact(&sb, &s->items[i].impact_exact);
    doc_words_cell(d, row, strbuf_str(&sb));
    struct doc_node *md_suggestions = doc_only(doc_cell(d, row, false), DOC_MARKDOWN);
    if (score_targets_count(s)) {
        strbuf_reset(&sb);
        report_target_add_best_end(&sb, s, i);
        doc_words_cell(d, row, strbuf_str(&sb));
        c = doc_cell(d, row, false);
        strbuf_reset(&sb);
        if (score_item_has_target(s, i)) {
            report_target_add_summary(&sb, s, i);
            doc_text(d, c, strbuf_str(&sb));
        } else {
            doc_none(d, c);
        }
    }
    gap_suggestions(d, tries, md_suggestions, doc_only(doc_cell(d, row, false), DOC_HTML), s, i);
    item_notes(d, doc_only(doc_cell(d, row, false), DOC_HTML), &s->items[i]);
    /* Text's notes follow the suggestions; item_notes put HTML's in its cell above. */
    struct doc_node *said = doc_only(doc_list(d, item, false), DOC_TEXT);
    said->bare_in_text = true;
    for (size_t k = 0; k < s->items[i].n_notes; k++)
        note_said(d, doc_item(d, said), &s->items[i].notes[k]);
    strbuf_release(&sb);
    strbuf_release(&mark);
}

/* The gap table's columns, markdown's and HTML's together (doc_table). */
static struct doc_node *gaps_table(struct doc *d, struct doc_node *sec, const struct score *s,
                                   size_t stage)
{
    const struct rules *r = s->rules;
    bool targets = score_targets_count(s) != 0;
    struct doc_node *t = doc_only(doc_table(d, sec, targets ? 11 : 9), MD_HTML);
    static const size_t right[] = {3, 4, 5};
    for (size_t k = 0; k < 3; k++)
        doc_table_align(t, right[k], DOC_ALIGN_RIGHT);
    if (targets)
        doc_table_align(t, 7, DOC_ALIGN_RIGHT);
    doc_words(d, t, "Gaps in ");
    doc_text(d, t, r->stages[stage].title);
    doc_words(d, t, " ");
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb,
                "(answer on %ld to %ld; impact: points the stage would gain if the gap were "
                "closed)",
                r->scale_min, r->scale_max);
    doc_aside(d, t, strbuf_str(&sb));
    struct doc_node *head = doc_row(d, t);
    doc_words_cell(d, head, "Gap");
    doc_words_cell(d, head, "Kind");
    doc_words_cell(d, head, "Level");
    strbuf_reset(&sb);
    strbuf_addf(&sb, "Answer (%ld\xE2\x80\x93%ld)", r->scale_min, r->scale_max);
    doc_only(doc_words_cell(d, head, strbuf_str(&sb)), DOC_MARKDOWN);
    doc_only(doc_words_cell(d, head, "Answer"), DOC_HTML);
    doc_words_cell(d, head, "Impact");
    doc_only(doc_words_cell(d, head, "Suggestions"), DOC_MARKDOWN);
    if (targets) {
        doc_words_cell(d, head, "To best end");
        doc_words_cell(d, head, "Target");
    }
    doc_only(doc_words_cell(d, head, "Suggestions that address it"), DOC_HTML);
    doc_only(doc_words_cell(d, head, "What respondents said"), DOC_HTML);
    strbuf_release(&sb);
    return t;
}

/* Markdown's notes on the gaps, which its table has no column for. */
static void gap_notes(struct doc *d, struct doc_node *sec, const struct score *s, size_t stage)
{
    const struct score_stage *st = &s->stages[stage];
    struct doc_node *list = NULL;
    for (size_t g = 0; g < st->n_gaps; g++) {
        size_t i = st->gaps[g];
        if (!s->items[i].n_notes)
            continue;
        if (!list) {
            doc_words(d, doc_only(doc_para(d, sec), DOC_MARKDOWN),
                      "Notes and evidence on these gaps:");
            list = doc_only(doc_list(d, sec, false), DOC_MARKDOWN);
        }
        struct doc_node *item = doc_item(d, list);
        doc_words(d, item, "On ");
        report_item_text(d, item, &s->rules->items[i]);
        if (s->items[i].withheld) {
            struct strbuf why = STRBUF_INIT;
            report_add_withheld(&why, s);
            doc_wordsf(d, item, " (%s)", strbuf_str(&why));
            strbuf_release(&why);
        }
        for (size_t k = 0; k < s->items[i].n_notes; k++)
            note_inline(d, item, &s->items[i].notes[k], k == 0);
    }
}

/* A stage's gaps, largest first, each with the suggestions that address it. */
static void build_gaps(struct doc *d, struct doc_node *parent, const struct score *s, size_t stage)
{
    const struct rules *r = s->rules;
    const struct score_stage *st = &s->stages[stage];
    struct doc_node *sec = doc_section(d, parent, 3, NULL);
    doc_span_only(doc_words(d, sec, "Gaps in "), MD_HTML);
    doc_span_only(doc_text(d, sec, r->stages[stage].title), MD_HTML);
    doc_span_only(doc_words(d, sec, ", largest first"), DOC_HTML);
    /* One sentence for every format when there is nothing to list. */
    const char *none = st->answered
                           ? "No gaps: every answered question is at the best end of the scale."
                           : "No gaps to show: no question here was answered.";
    doc_span_only(
        doc_words(d, sec, st->n_gaps ? "Gaps, largest first (points the stage would gain)" : none),
        DOC_TEXT);
    if (!st->n_gaps) {
        doc_words(d, doc_only(doc_para(d, sec), MD_HTML), none);
        return;
    }
    struct doc_node *list = doc_only(doc_list(d, sec, false), DOC_TEXT);
    struct doc_node *t = gaps_table(d, sec, s, stage);
    for (size_t g = 0; g < st->n_gaps; g++)
        gap_entry(d, list, t, s, st->gaps[g]);
    gap_notes(d, sec, s, stage);
}

/* "62.5" or what a stage without a score shows instead. */
static void stage_score(struct strbuf *sb, const struct score *s, size_t stage, const char *none)
{
    if (s->stages[stage].has_score)
        report_add_exact(sb, &s->stages[stage].score_exact);
    else
        strbuf_adds(sb, none);
}

/* "3 of 4 (75.0%)", or in markdown "3/4 (75.0%)": the questions answered of those that apply. */
static void coverage(struct strbuf *sb, const struct score_stage *st, const char *of)
{
    strbuf_addf(sb, "%zu%s%zu", st->answered, of, st->answerable);
    if (st->answerable == 0)
        return;
    strbuf_adds(sb, " (");
    report_add_percent(sb, st->answered, st->answerable);
    strbuf_adds(sb, "%)");
}

/* The stage's heading: its score and band, and in text how much was answered. */
static void stage_heading(struct doc *d, struct doc_node *sec, const struct score *s, size_t stage)
{
    const struct score_stage *st = &s->stages[stage];
    struct strbuf sb = STRBUF_INIT;
    doc_text(d, sec, s->rules->stages[stage].title);
    strbuf_adds(&sb, ": ");
    stage_score(&sb, s, stage, "no score");
    strbuf_adds(&sb, ", ");
    doc_span_only(doc_words(d, sec, strbuf_str(&sb)), DOC_TEXT | DOC_HTML);
    doc_span_only(doc_text(d, sec, score_band_title(s, stage)), DOC_TEXT | DOC_HTML);
    doc_span_only(doc_wordsf(d, sec, " (%zu of %zu answered)", st->answered, st->answerable),
                  DOC_TEXT);
    strbuf_release(&sb);
}

/* What the stage's score is, how much of it was answered, and what its band means. */
static void stage_lead(struct doc *d, struct doc_node *sec, const struct score *s, size_t stage)
{
    const struct rules *r = s->rules;
    const struct score_stage *st = &s->stages[stage];
    const char *meaning = st->band != SCORE_NO_BAND ? r->bands[st->band].description : NULL;
    struct strbuf sb = STRBUF_INIT;
    if (r->stages[stage].description)
        doc_text(d, doc_only(doc_para(d, sec), DOC_HTML), r->stages[stage].description);
    struct doc_node *md = doc_only(doc_para(d, sec), DOC_MARKDOWN);
    doc_words(d, md, "Score: ");
    stage_score(&sb, s, stage, "\xE2\x80\x94");
    doc_words(d, md, strbuf_str(&sb));
    doc_words(d, md, " (");
    doc_text(d, md, score_band_title(s, stage));
    doc_words(d, md, "). Answered: ");
    strbuf_reset(&sb);
    coverage(&sb, st, "/");
    doc_words(d, md, strbuf_str(&sb));
    doc_words(d, md, " of the questions that apply.");
    if (meaning) {
        doc_words(d, md, " What the band means: ");
        doc_text(d, md, meaning);
    }
    struct doc_node *html = doc_only(doc_para(d, sec), DOC_HTML);
    doc_label(d, html, "Score:");
    strbuf_reset(&sb);
    strbuf_adds(&sb, " ");
    stage_score(&sb, s, stage, "no score");
    strbuf_adds(&sb, " out of 100, band ");
    doc_words(d, html, strbuf_str(&sb));
    doc_text(d, html, score_band_title(s, stage));
    doc_words(d, html, ". ");
    doc_label(d, html, "Answered:");
    strbuf_reset(&sb);
    strbuf_adds(&sb, " ");
    coverage(&sb, st, " of ");
    strbuf_adds(&sb, " of the questions that apply.");
    doc_words(d, html, strbuf_str(&sb));
    if ((int)stage == s->focus) {
        doc_words(d, html, " ");
        doc_tag(d, html, "Focus");
        doc_words(d, html, " Work on this stage first.");
    }
    if (meaning) {
        doc_words(d, html, " ");
        doc_label(d, html, "What the band means:");
        doc_words(d, html, " ");
        doc_text(d, html, meaning);
    }
    size_t n = s->assessment->respondents > 1 ? score_stage_disagreements(s, stage) : 0;
    if (n) {
        struct doc_node *p = doc_para(d, sec); /* every format counts them (issue 29) */
        doc_span_only(doc_tag(d, p, "respondents disagree"), DOC_HTML);
        doc_span_only(doc_words(d, p, "Respondents disagree"), DOC_TEXT | DOC_MARKDOWN);
        doc_wordsf(d, p, " on %zu item%s in this stage: talk about why before acting on them.", n,
                   n == 1 ? "" : "s");
    }
    strbuf_release(&sb);
}

/* The source's caveats on the stage, each set apart. */
static void stage_notes(struct doc *d, struct doc_node *sec, const struct rules_stage *rs)
{
    for (size_t k = 0; k < rs->n_notes; k++) {
        struct doc_node *c = doc_callout(d, sec, DOC_TONE_SOURCE);
        doc_label(d, c, "From the source:");
        doc_words(d, c, " ");
        doc_text(d, c, rs->notes[k]);
    }
}

/* One stage: its score, gaps, levels, the items not scored, and the source's caveats. */
static void report_build_stage(struct doc *d, const struct score *s, size_t stage)
{
    char id[32];
    (void)snprintf(id, sizeof(id), "stage-%zu", stage + 1);
    struct doc_node *sec = doc_section(d, d->root, 2, id);
    sec->style = "stage";
    stage_heading(d, sec, s, stage);
    stage_lead(d, sec, s, stage);
    build_gaps(d, sec, s, stage);
    build_levels(d, sec, s, stage);
    build_stage_items(d, sec, s, stage);
    stage_notes(d, sec, &s->rules->stages[stage]);
}

/* The focus in fewer words, as markdown ends the report's details with it. */
static void focus_short(struct doc *d, struct doc_node *md, const struct score *s)
{
    if (s->focus >= 0) {
        doc_words(d, md, "Work on ");
        doc_strong(d, md, s->rules->stages[s->focus].title);
        doc_words(d, md, " first");
    } else {
        doc_wordsf(d, md, "No focus: %s", report_no_focus_reason(s));
    }
}

/*
 * The focus: the earliest stage not yet in the top band, or why there is none. Text
 * and HTML set it apart; markdown ends the report's details with it instead
 * (focus_short).
 */
static void focus_callout(struct doc *d, struct doc_node *parent, const struct score *s)
{
    const struct rules *r = s->rules;
    const char *top = r->n_bands ? r->bands[0].title : NULL;
    size_t na = score_stages_not_applicable(s);
    struct doc_node *c = doc_callout(d, parent, DOC_TONE_PLAIN);
    c->marker = "";
    if (s->focus >= 0) {
        const char *focus = r->stages[s->focus].title;
        doc_label(d, c, "Focus: ");
        doc_label_text(d, c, focus);
        doc_label(d, c, ".");
        doc_words(d, c,
                  " stagegap takes the stages in order, and this is the earliest one not "
                  "yet ");
        doc_text(d, c, top);
        doc_words(d, c, ".");
    } else if (na == r->n_stages) {
        doc_label(d, c, "Nothing was scored:");
        doc_words(d, c,
                  " every question was answered n/a, so no stage applies and there is "
                  "no focus.");
    } else {
        c->tone = DOC_TONE_OK;
        doc_label(d, c, "No focus stage:");
        doc_words(d, c, " every");
        doc_words(d, c,
                  na ? " stage that applies is in the top band (" : " stage is in the top band (");
        doc_text(d, c, top);
        doc_words(d, c, ")");
        if (na) {
            doc_wordsf(d, c, "; %zu %s", na, na == 1 ? "stage does" : "stages do");
            doc_words(d, c, " not apply (every question answered n/a)");
        }
        /* What the model says of its top band (the Signs of Safety model's gives the
           briefing's question for a service with every stage there), not our words. */
        doc_words(d, c, ".");
        if (r->bands[0].description) {
            doc_words(d, c, " What ");
            doc_text(d, c, top);
            doc_words(d, c, " means: ");
            doc_text(d, c, r->bands[0].description);
        }
    }
}

/* A stage after the focus that scores better than it: under our rule of taking the
   stages in order (not the briefing's), a flag to read its score with care. Text and HTML set each
   apart, markdown (md) says it in a paragraph after the legend. */
static void flags(struct doc *d, struct doc_node *parent, const struct score *s, bool md)
{
    const struct rules *r = s->rules;
    if (s->focus < 0)
        return;
    const char *focus = r->stages[s->focus].title;
    for (size_t st = 0; st < r->n_stages; st++) {
        if (!s->stages[st].rests_on_earlier)
            continue;
        if (md) {
            struct doc_node *p = doc_para(d, parent);
            doc_words(d, p, "Read the score of ");
            doc_strong(d, p, r->stages[st].title);
            doc_words(d, p, " with care: it scores better than ");
            doc_strong(d, p, focus);
            doc_words(d, p,
                      ", an earlier stage not yet in place, and stagegap takes the stages "
                      "in order.");
            continue;
        }
        struct doc_node *c = doc_callout(d, parent, DOC_TONE_NOTE);
        doc_label(d, c, "Rests on an earlier stage:");
        doc_words(d, c, " ");
        doc_text(d, c, r->stages[st].title);
        doc_words(d, c, " scores better than ");
        doc_text(d, c, focus);
        doc_words(d, c,
                  ", an earlier stage not yet in place; stagegap takes the stages in "
                  "order, so read its score with care.");
    }
}

/* The stage table: each stage's score, band and answers, the focus marked; text draws it
   with bars, markdown and HTML as a table. */
static void stage_figure(struct doc *d, struct doc_node *parent, const struct score *s)
{
    const struct rules *r = s->rules;
    struct doc_figure *f = doc_figure(d, parent, DOC_FIGURE_STAGES, r->n_stages, 1)->figure;
    f->disagree = s->assessment->respondents > 1;
    f->chart = 1; /* the page's first chart */
    doc_figure_bands(d, f, r->n_bands);
    for (size_t b = 0; b < r->n_bands; b++) {
        f->band_titles[b] = doc_strdup(d, r->bands[b].title);
        f->band_mins[b] = r->bands[b].min;
    }
    struct strbuf sb = STRBUF_INIT;
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct score_stage *ss = &s->stages[st];
        struct doc_heat_cell *c = &f->cells[st];
        f->rows[st] = doc_strdup(d, r->stages[st].title);
        f->bands[st] = doc_strdup(d, score_band_title(s, st));
        c->has = ss->has_score;
        c->value = ss->score;
        c->answered = ss->answered;
        c->items = ss->answerable;
        strbuf_reset(&sb);
        if (c->has)
            report_add_exact(&sb, &ss->score_exact);
        c->shown = doc_strdup(d, strbuf_str(&sb));
        if (ss->answerable) {
            strbuf_reset(&sb);
            report_add_percent(&sb, ss->answered, ss->answerable);
            f->shares[st] = doc_strdup(d, strbuf_str(&sb));
        }
        if (f->disagree)
            f->counts[st] = score_stage_disagreements(s, st);
        f->marks[st] = (int)st == s->focus    ? DOC_MARK_FOCUS
                       : ss->rests_on_earlier ? DOC_MARK_RESTS
                                              : DOC_MARK_NONE;
    }
    strbuf_release(&sb);
}

/* Every stage's score at each level of change, as one heat map. Text and markdown show
   each stage's levels in its own section instead (build_levels). */
static void matrix(struct doc *d, struct doc_node *parent, const struct score *s)
{
    const struct rules *r = s->rules;
    struct doc_node *sec = doc_section(d, parent, 3, NULL);
    doc_words(d, sec, "Stage by level of change");
    struct doc_figure *f = doc_figure(d, sec, DOC_FIGURE_MATRIX, r->n_stages, r->n_levels)->figure;
    for (size_t l = 0; l < r->n_levels; l++)
        f->cols[l] = doc_strdup(d, r->levels[l].title);
    for (size_t st = 0; st < r->n_stages; st++) {
        f->rows[st] = doc_strdup(d, r->stages[st].title);
        for (size_t l = 0; l < r->n_levels; l++)
            heat_cell(d, &f->cells[st * r->n_levels + l], &s->stages[st].levels[l]);
    }
}

/* ---- the report's title block ---- */

/* A detail of the title block: its term, for the caller to add the value to. */
static struct doc_node *term(struct doc *d, struct doc_node *terms, const char *name)
{
    struct doc_node *item = doc_item(d, terms);
    doc_label(d, item, name);
    return item;
}

/* Text's opening lines: what was assessed, by whom, against which model, in a sentence,
   and when the respondents' dates differ. */
static void header_sentence(struct doc *d, struct doc_node *sec, const struct score *s)
{
    const struct rules *r = s->rules;
    const struct assessment *a = s->assessment;
    struct strbuf line = STRBUF_INIT;
    strbuf_addf(&line, "Assessed %s by %zu respondent%s against %s %s (%s, SHA-256 %.12s).",
                a->date, a->respondents, a->respondents == 1 ? "" : "s", r->title, r->version,
                r->id, r->sha256);
    if (r->base) {
        strbuf_addc(&line, ' ');
        report_overlay_sentence(&line, r);
    }
    doc_text(d, doc_only(doc_para(d, sec), DOC_TEXT), strbuf_str(&line));
    strbuf_reset(&line);
    report_date_range(&line, a);
    if (line.len)
        doc_text(d, doc_only(doc_para(d, sec), DOC_TEXT), strbuf_str(&line));
    strbuf_release(&line);
}

/* The model, its rules' hash, and for an overlay the model it extends. */
void report_build_model_terms(struct doc *d, struct doc_node *terms, const struct rules *r)
{
    struct doc_node *t = term(d, terms, "Model");
    doc_text(d, t, r->title);
    doc_words(d, t, " (");
    doc_span_only(doc_text(d, t, r->id), DOC_MARKDOWN);
    doc_span_only(doc_words(d, t, ", version "), DOC_MARKDOWN);
    doc_span_only(doc_text(d, t, r->version), DOC_MARKDOWN);
    doc_span_only(doc_words(d, t, ")"), DOC_MARKDOWN);
    doc_span_only(doc_code(d, t, r->id), DOC_HTML);
    doc_span_only(doc_words(d, t, "), version "), DOC_HTML);
    doc_span_only(doc_text(d, t, r->version), DOC_HTML);
    doc_code(d, term(d, terms, "Rules SHA-256"), r->sha256);
    if (!r->base)
        return;
    t = term(d, terms, "Extends");
    doc_span_only(doc_text(d, t, r->base->id), DOC_MARKDOWN);
    doc_span_only(doc_code(d, t, r->base->id), DOC_HTML);
    doc_words(d, t, ", version ");
    doc_text(d, t, r->base->version);
    doc_span_only(doc_words(d, t, " (SHA-256 "), DOC_MARKDOWN);
    doc_span_only(doc_words(d, t, ", SHA-256 "), DOC_HTML);
    doc_code(d, t, r->base->sha256);
    doc_span_only(doc_words(d, t, ")"), DOC_MARKDOWN);
    doc_code(d, term(d, terms, "Merged model SHA-256"), r->model_sha256);
}

/* What a reader must know before the scores: attribution on, the anonymity note, the
   threshold, and with a headcount how many of the staff asked answered. A paragraph each in text
   and HTML, a detail each in markdown. */
static void header_notes(struct doc *d, struct doc_node *sec, struct doc_node *terms,
                         const struct score *s)
{
    struct strbuf note = STRBUF_INIT;
    static const char *const styles[] = {"attribution", "attribution", "threshold", "participation",
                                         "participation"};
    for (int k = 0; k < 5; k++) {
        strbuf_reset(&note);
        if (k == 0 && s->attribute)
            strbuf_adds(&note, REPORT_ATTRIBUTION_ON);
        else if (k == 1)
            report_anonymity_note(&note, s);
        else if (k == 2)
            report_threshold_line(&note, s->assessment->respondents, s->min_group);
        else if (k == 3)
            report_participation_line(&note, s);
        else if (k == 4)
            report_participation_caveat(&note, s);
        if (!note.len)
            continue;
        struct doc_node *p = doc_only(doc_para(d, sec), DOC_TEXT | DOC_HTML);
        p->style = styles[k];
        doc_text(d, p, strbuf_str(&note));
        doc_text(d, doc_only(doc_item(d, terms), DOC_MARKDOWN), strbuf_str(&note));
    }
    strbuf_release(&note);
}

/* A link of the page's contents to a section's anchor. */
static void nav_link(struct doc *d, struct doc_node *list, const char *text, const char *href)
{
    doc_link(d, doc_item(d, list), text, href);
}

/* The page's contents: each section that a reader may jump to. */
static void header_nav(struct doc *d, struct doc_node *sec, const struct score *s, bool evidence)
{
    const struct rules *r = s->rules;
    struct doc_node *list = doc_list(d, doc_nav(d, sec), false);
    char href[32];
    nav_link(d, list, "Summary", "#summary");
    nav_link(d, list, "Actions to take first", "#actions");
    if (score_find_out_count(s))
        nav_link(d, list, "Find out first", "#find-out");
    if (s->accept)
        nav_link(d, list, "Accepted gaps", "#accepted");
    if (evidence)
        nav_link(d, list, REPORT_EVIDENCE_TITLE, "#evidence");
    for (size_t st = 0; st < r->n_stages; st++) {
        (void)snprintf(href, sizeof(href), "#stage-%zu", st + 1);
        nav_link(d, list, r->stages[st].title, href);
    }
    if (score_targets_count(s))
        nav_link(d, list, REPORT_TARGETS_TITLE, "#targets");
    if (s->breakdown.state != BREAKDOWN_OFF) {
        struct strbuf title = STRBUF_INIT;
        report_breakdown_title(&title, &s->breakdown);
        nav_link(d, list, strbuf_str(&title), "#groups");
        strbuf_release(&title);
    }
    nav_link(d, list, "About the evidence", "#about");
}

/*
 * The report's title block: the organisation, when and by how many it was assessed,
 * against which model, what a reader must know before the scores, and (HTML) the
 * page's contents. Text says the details in a sentence, markdown and HTML as terms;
 * markdown ends them with the focus.
 */
static void report_build_header(struct doc *d, const struct score *s, bool evidence)
{
    const struct rules *r = s->rules;
    const struct assessment *a = s->assessment;
    struct doc_node *sec = doc_section(d, d->root, 1, NULL);
    doc_words(d, sec, "Implementation readiness: ");
    doc_text(d, sec, a->organisation);
    header_sentence(d, sec, s);
    struct doc_node *terms = doc_terms(d, sec);
    terms->style = "meta";
    doc_text(d, doc_only(term(d, terms, "Organisation"), DOC_HTML), a->organisation);
    doc_text(d, term(d, terms, "Date"), a->date);
    if (strcmp(a->date_first ? a->date_first : "", a->date_last ? a->date_last : "") != 0) {
        struct doc_node *t = doc_item(d, terms);
        doc_label_text(d, t, "Respondents' dates");
        doc_wordsf(d, t, "%s to %s", a->date_first, a->date_last);
    }
    doc_wordsf(d, term(d, terms, "Respondents"), "%zu", a->respondents);
    /* Markdown's details run on with the notes and end with the focus; HTML's notes
       follow its details as paragraphs. */
    header_notes(d, sec, terms, s);
    report_build_model_terms(d, terms, r);
    focus_short(d, doc_only(doc_item(d, terms), DOC_MARKDOWN), s);
    struct strbuf forms = STRBUF_INIT;
    report_add_short_forms(&forms, r);
    if (forms.len)
        doc_text(d, doc_only(doc_para(d, sec), DOC_TEXT), strbuf_str(&forms));
    strbuf_release(&forms);
    report_build_evidence_pointer(d, sec);
    header_nav(d, sec, s, evidence);
}

/*
 * What the scores and the gap tables' columns mean, and what a gap is. Text says only
 * what a gap is; markdown and HTML name their own tables' columns.
 */
static void legend(struct doc *d, struct doc_node *parent, const struct score *s)
{
    const struct rules *r = s->rules;
    size_t n = s->assessment->respondents;
    struct doc_node *p = doc_para(d, parent);
    struct strbuf sb = STRBUF_INIT;
    doc_span_only(doc_words(d, p, "Scores run from 0 to 100. "), MD_HTML);
    doc_span_only(doc_words(d, p,
                            "Coverage is the questions answered out of those that apply; a "
                            "stage with too few answers is not scored. "),
                  DOC_MARKDOWN);
    doc_span_only(doc_words(d, p, "A stage with too few answers is not scored. "), DOC_HTML);
    for (int html = 0; html < 2; html++) {
        strbuf_reset(&sb);
        strbuf_addf(&sb,
                    "In the gap tables, %s is on the questionnaire's scale of %ld to %ld (for a "
                    "barrier, a high answer means it bites) and %s is the points the stage "
                    "would gain if %s gap were closed.",
                    html ? "the answer" : "Answer", r->scale_min, r->scale_max,
                    html ? "the impact" : "Impact", html ? "that" : "the");
        doc_span_only(doc_text(d, p, strbuf_str(&sb)), html ? DOC_HTML : DOC_MARKDOWN);
    }
    doc_span_only(doc_words(d, p, " "), MD_HTML);
    doc_text(d, p, SCORE_GAP_LEGEND);
    if (n > 1) {
        doc_span_only(doc_wordsf(d, p,
                                 " Answers are averages over %zu respondents; n is how many "
                                 "answered a question.",
                                 n),
                      DOC_MARKDOWN);
        doc_span_only(doc_wordsf(d, p,
                                 " Answers are averages over %zu respondents; respondents "
                                 "disagree on an item when their answers are spread over a "
                                 "quarter of the scale or more.",
                                 n),
                      DOC_HTML);
    }
    if (score_targets_count(s))
        doc_span_only(doc_words(d, p,
                                " To best end is how far the answer is from the scale's best "
                                "end, the distance the score uses; Target is the model's target "
                                "for the item, its date, how far the answer still has to go and "
                                "whether it is met or overdue."),
                      DOC_MARKDOWN);
    strbuf_release(&sb);
}

/* Shows the children of parent after `after` (all of them for NULL) in the given formats
   only. */
static void shown_since(struct doc_node *parent, struct doc_node *after, unsigned formats)
{
    for (struct doc_node *n = after ? after->next : parent->first; n; n = n->next)
        doc_only(n, formats);
}

/*
 * The summary, as markdown and HTML give it a section: HTML's opens with the focus and
 * the flags, then the stages as a chart and a table, the legend and the stage by level
 * heat map; markdown's has the table, the legend, then the flags.
 */
static void report_build_summary(struct doc *d, const struct score *s)
{
    struct doc_node *sec = doc_section(d, d->root, 2, "summary");
    doc_words(d, sec, "Summary");
    focus_callout(d, sec, s);
    flags(d, sec, s, false);
    /* Markdown gave the focus in the details above, and gives the flags below. */
    shown_since(sec, NULL, DOC_HTML);
    stage_figure(d, sec, s);
    legend(d, sec, s);
    struct doc_node *last = sec->last;
    flags(d, sec, s, true);
    shown_since(sec, last, DOC_MARKDOWN);
    matrix(d, sec, s);
}

/*
 * The whole assess report, in the order markdown and HTML give it: the title block, the
 * summary, the actions, Find out first, the plan (with --plan) and the accepted gaps
 * (with --accept), each stage, the targets, the comments, the breakdown and About the
 * evidence. Text gives the summary's parts without its heading, and its legend before
 * the stages.
 */
void report_build_assess(struct doc *d, const struct report_ctx *ctx)
{
    const struct score *s = ctx->score;
    const struct plan_review *plan = ctx->plan;
    report_build_header(d, s, ctx->evidence != NULL);
    /* Text has no summary heading: its stage table, focus and flags open the report, and
       it says what a gap is just before the stages. */
    struct doc_node *last = d->root->last;
    stage_figure(d, d->root, s);
    focus_callout(d, d->root, s);
    flags(d, d->root, s, false);
    shown_since(d->root, last, DOC_TEXT);
    report_build_summary(d, s);
    doc_only(d->root->last, DOC_MARKDOWN | DOC_HTML);
    report_build_actions(d, s);
    report_build_find_out(d, s);
    if (plan)
        plan_build_assess(d, plan);
    accept_build_assess(d, s);
    if (ctx->evidence)
        evidence_build_assess(d, s, ctx->evidence, ctx->evidence_view, NULL);
    legend(d, d->root, s);
    doc_only(d->root->last, DOC_TEXT);
    for (size_t st = 0; st < s->rules->n_stages; st++)
        report_build_stage(d, s, st);
    report_build_targets(d, s);
    report_build_comments(d, s);
    report_build_breakdown(d, s);
    report_build_about(d, s);
}
