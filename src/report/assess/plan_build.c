/*
 * plan_build.c - the plan review ("assess --plan") and the accepted gaps ("assess
 * --accept") built once, as sections of the assess report's document (doc.h), from the
 * engine's results (plan_review.h, score.h); the doc writers draw them, text as a
 * record a row, markdown and HTML as tables. The few words the plan's data writers and
 * compare's plan section share with them are here too, below both.
 *
 * Everything here is of the whole assessment: actions, and gaps as the pooled report
 * shows them. Nothing is broken down by group or respondent, so neither section adds
 * anything to suppress (docs/privacy.md). Text from the plan and accept files (their
 * names, owners, notes, reasons) is text from the inputs like any other.
 */
#include "report_build_internal.h"

#include "accept.h"
#include "plan.h"
#include "plan_review.h"
#include "report.h"
#include "report_plan_internal.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

/* ---- the words every format of the plan shares (report_plan_internal.h) ---- */

void plan_add_source(struct strbuf *out, const struct plan *p)
{
    strbuf_addf(out, "From the plan %s, made from the assessment of %s.", p->file, p->assessed);
}

void plan_add_answer_now(struct strbuf *out, const struct score *s, size_t item)
{
    const struct score_item *it = &s->items[item];
    if (it->state == SCORED)
        report_add_ratio(out, it->answer_num, it->answer_den);
    else
        strbuf_adds(out, it->state == NOT_APPLICABLE ? "n/a" : "unknown");
}

const char *plan_gap_word(const struct score *s, size_t item, bool open)
{
    if (open)
        return "still open";
    return s->items[item].state == SCORED ? "closed" : "not answered";
}

/* What every format says under the accepted gaps' heading. */
static const char ACCEPT_LEAD[] =
    "Gaps accepted for now. Each still counts in its stage's score: the service is not "
    "ready there. Until it expires, it is left out of the actions to take, and adds no "
    "points to the suggestions that address it; once expired, it counts again as any "
    "other gap.";

/* ---- the sections ---- */

/* A table of the given column heads, the columns at right aligned right, captioned. */
static struct doc_node *table(struct doc *d, struct doc_node *parent, const char *const *heads,
                              size_t n, unsigned right, const char *caption)
{
    struct doc_node *t = doc_table(d, parent, n);
    for (size_t k = 0; k < n; k++)
        if (right & (1u << k))
            doc_table_align(t, k, DOC_ALIGN_RIGHT);
    doc_text(d, t, caption);
    struct doc_node *head = doc_row(d, t);
    for (size_t k = 0; k < n; k++)
        doc_words(d, doc_cell(d, head, false), heads[k]);
    return t;
}

/* "Implement barrier: Time for training": a gap named with its stage and kind. */
static void gap_name(struct strbuf *sb, const struct rules *r, size_t i)
{
    strbuf_addf(sb, "%s %s: ", r->stages[r->items[i].stage].title, rules_item_label(&r->items[i]));
    report_item_words(sb, &r->items[i]);
}

/* A subsection of the plan: its heading, and the sentence that says what it lists. */
static struct doc_node *part(struct doc *d, struct doc_node *sec, const char *id, const char *title,
                             const char *lead)
{
    struct doc_node *h = doc_section(d, sec, 3, id);
    doc_words(d, h, title);
    if (lead)
        doc_words(d, doc_para(d, h), lead);
    return h;
}

static void overdue(struct doc *d, struct doc_node *sec, const struct plan_review *v)
{
    static const char *const heads[] = {"Action", "Status", "Owner", "Due", "Days overdue", "Note"};
    const struct score *s = v->score;
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "Overdue on %s", s->assessment->date);
    struct doc_node *h =
        part(d, sec, "plan-overdue", strbuf_str(&sb), "Not done, and due before this assessment.");
    if (!v->n_overdue) {
        doc_words(d, doc_para(d, h), "None.");
        strbuf_release(&sb);
        return;
    }
    strbuf_reset(&sb);
    strbuf_addf(&sb, "Actions not done and due before this assessment (%s)", s->assessment->date);
    struct doc_node *t = table(d, h, heads, 6, 1u << 4, strbuf_str(&sb));
    for (size_t k = 0; k < v->n_overdue; k++) {
        const struct plan_action *a = v->overdue[k].action;
        struct doc_node *row = doc_row(d, t);
        report_item_head(d, row, &s->rules->items[a->item]);
        doc_words(d, doc_cell(d, row, false), plan_status_name(a->status));
        doc_text_cell(d, row, a->owner);
        doc_text_cell(d, row, a->due);
        doc_wordsf(d, doc_cell(d, row, false), "%lld", (long long)v->overdue[k].days);
        doc_text_cell(d, row, a->note);
    }
    strbuf_release(&sb);
}

/* The gaps an action done addresses, as they stand now: a list in its cell. */
static void gaps_now(struct doc *d, struct doc_node *c, const struct score *s,
                     const struct plan_done *dn)
{
    if (!dn->n_gaps) {
        doc_words(d, c, "the plan lists no gap for it");
        return;
    }
    struct doc_node *list = doc_list(d, c, false);
    struct strbuf sb = STRBUF_INIT;
    for (size_t g = 0; g < dn->n_gaps; g++) {
        const struct plan_gap_now *gn = &dn->gaps[g];
        strbuf_reset(&sb);
        gap_name(&sb, s->rules, gn->item);
        strbuf_adds(&sb, ": answer ");
        plan_add_answer_now(&sb, s, gn->item);
        strbuf_addf(&sb, " now, %s", plan_gap_word(s, gn->item, gn->open));
        doc_text(d, doc_item(d, list), strbuf_str(&sb));
    }
    strbuf_release(&sb);
}

static void done(struct doc *d, struct doc_node *sec, const struct plan_review *v)
{
    static const char *const heads[] = {"Action", "Done", "Owner", "Gaps it addresses now", "Note"};
    const struct score *s = v->score;
    struct doc_node *h =
        part(d, sec, "plan-done", "Done",
             "Each gap an action done addresses, as it stands in this assessment.");
    if (!v->n_done) {
        doc_words(d, doc_para(d, h), "None.");
        return;
    }
    struct doc_node *t =
        table(d, h, heads, 5, 0,
              "Actions done, and each gap they address as it stands in this assessment");
    for (size_t k = 0; k < v->n_done; k++) {
        const struct plan_done *dn = &v->done[k];
        struct doc_node *row = doc_row(d, t);
        report_item_head(d, row, &s->rules->items[dn->action->item]);
        struct doc_node *c = doc_cell(d, row, false);
        if (dn->action->done)
            doc_text(d, c, dn->action->done);
        else
            doc_none(d, c);
        if (dn->after_assessment)
            doc_words(d, c, " (after this assessment: it cannot show in it yet)");
        doc_text_cell(d, row, dn->action->owner);
        gaps_now(d, doc_cell(d, row, false), s, dn);
        doc_text_cell(d, row, dn->action->note);
    }
}

static void unaddressed(struct doc *d, struct doc_node *sec, const struct plan_review *v)
{
    static const char *const heads[] = {"Gap", "Answer", "Points"};
    const struct score *s = v->score;
    struct doc_node *h = part(d, sec, "plan-unaddressed", "Open gaps no action addresses", NULL);
    if (s->focus < 0) {
        doc_words(d, doc_para(d, h), "No focus stage, so no open gap in it to address.");
        return;
    }
    const char *focus = s->rules->stages[s->focus].title;
    struct doc_node *p = doc_para(d, h);
    if (!v->n_unaddressed) {
        doc_words(d, p, "None: an action of the plan addresses every open gap in ");
        doc_text(d, p, focus);
        doc_words(d, p, ", the focus.");
        return;
    }
    doc_words(d, p, "In ");
    doc_text(d, p, focus);
    doc_words(d, p, ", the focus, largest first; dropped actions address nothing.");
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb,
                "Open gaps in %s, the focus, that no action in the plan addresses (dropped "
                "ones aside), largest first",
                focus);
    struct doc_node *t = table(d, h, heads, 3, 1u << 1 | 1u << 2, strbuf_str(&sb));
    for (size_t k = 0; k < v->n_unaddressed; k++) {
        size_t i = v->unaddressed[k];
        struct doc_node *row = doc_row(d, t);
        strbuf_reset(&sb);
        gap_name(&sb, s->rules, i);
        doc_text(d, doc_cell(d, row, true), strbuf_str(&sb));
        strbuf_reset(&sb);
        plan_add_answer_now(&sb, s, i);
        doc_words(d, doc_cell(d, row, false), strbuf_str(&sb));
        strbuf_reset(&sb);
        report_add_exact(&sb, &s->items[i].impact_exact);
        doc_words(d, doc_cell(d, row, false), strbuf_str(&sb));
    }
    strbuf_release(&sb);
}

void plan_build_assess(struct doc *d, const struct plan_review *v)
{
    struct doc_node *sec = doc_section(d, d->root, 2, "plan");
    doc_words(d, sec, "Action plan");
    struct strbuf sb = STRBUF_INIT;
    plan_add_source(&sb, v->plan);
    doc_text(d, doc_para(d, sec), strbuf_str(&sb));
    strbuf_release(&sb);
    overdue(d, sec, v);
    done(d, sec, v);
    unaddressed(d, sec, v);
}

/* One acceptance's row: the gap, its stage, its answer now, why and by whom it was
   accepted, until when, and whether it has expired. */
static void accepted_row(struct doc *d, struct doc_node *t, const struct score *s,
                         const struct accept_entry *e)
{
    const struct rules *r = s->rules;
    struct doc_node *row = doc_row(d, t);
    struct strbuf answer = STRBUF_INIT;
    report_item_head(d, row, &r->items[e->item]);
    doc_text(d, doc_cell(d, row, false), r->stages[r->items[e->item].stage].title);
    plan_add_answer_now(&answer, s, e->item);
    doc_words(d, doc_cell(d, row, false), strbuf_str(&answer));
    doc_text_cell(d, row, e->reason);
    doc_text_cell(d, row, e->by);
    doc_text_cell(d, row, e->expires);
    struct doc_node *c = doc_cell(d, row, false);
    if (s->items[e->item].accepted == SCORE_ACCEPTED) {
        doc_words(d, c, "accepted");
    } else {
        doc_tag(d, c, "expired");
        doc_words(d, c, ": counts again as a gap");
    }
    strbuf_release(&answer);
}

void accept_build_assess(struct doc *d, const struct score *s)
{
    static const char *const heads[] = {"Gap",         "Stage",   "Answer", "Reason",
                                        "Accepted by", "Expires", "Status"};
    const struct accept *a = s->accept;
    if (!a)
        return;
    struct doc_node *sec = doc_section(d, d->root, 2, "accepted");
    doc_words(d, sec, "Accepted gaps");
    struct doc_node *p = doc_para(d, sec);
    doc_text(d, p, ACCEPT_LEAD);
    doc_words(d, p, " From ");
    doc_text(d, p, a->file);
    doc_words(d, p, ".");
    if (!a->n_entries) {
        doc_words(d, doc_para(d, sec), "None.");
        return;
    }
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "Accepted gaps, as of this assessment (%s)", s->assessment->date);
    struct doc_node *t = table(d, sec, heads, 7, 1u << 2, strbuf_str(&sb));
    strbuf_release(&sb);
    for (size_t k = 0; k < a->n_entries; k++)
        accepted_row(d, t, s, &a->entries[k]);
}
