/*
 * compare_plan.c - compare --plan's section (plan_review.h) built once, as a document
 * (doc.h): the actions done between the two assessments and how the gaps each addresses
 * moved, the gaps no action done addressed, and the actions not counted, and why. Text
 * from the plan file is input like any other: each writer escapes it.
 */
#include "compare_build_internal.h"

#include "compare.h"
#include "plan.h"
#include "plan_review.h"
#include "report_compare_internal.h"
#include "report_plan_internal.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

enum { MD_HTML = DOC_MARKDOWN | DOC_HTML };

/* A copy of input text, or NULL for none. */
static const char *opt(struct doc *d, const char *s)
{
    return s ? doc_strdup(d, s) : NULL;
}

static const char *tenths(struct doc *d, int64_t v, bool change)
{
    struct strbuf sb = STRBUF_INIT;
    if (change)
        plan_add_change(&sb, v);
    else
        plan_add_tenths(&sb, v);
    return doc_take(d, &sb);
}

static void set_gap(struct doc *d, struct doc_gap_move *g, const struct compare *c,
                    const struct plan_movement *m)
{
    struct strbuf sb = STRBUF_INIT;
    compare_item_name(&sb, c->before->rules, m->item);
    g->name = doc_strdup(d, strbuf_str(&sb));
    g->answer_before = tenths(d, m->answer_before, false);
    g->points_before = tenths(d, m->points_before, false);
    if (m->has_after) {
        g->answer_after = tenths(d, m->answer_after, false);
        g->answer_change = tenths(d, m->answer_change, true);
        g->points_after = tenths(d, m->points_after, false);
        g->points_change = tenths(d, m->points_change, true);
    } else {
        strbuf_reset(&sb);
        plan_add_answer_now(&sb, c->after, m->item);
        g->answer_after = doc_strdup(d, strbuf_str(&sb));
    }
    g->now = plan_gap_word(c->after, m->item, m->open_after);
    strbuf_release(&sb);
}

static void set_action(struct doc *d, struct doc_plan_row *row, const struct rules *r,
                       const struct plan_compared *pc)
{
    row->action = doc_strdup(d, r->items[pc->action->item].text);
    row->id = doc_strdup(d, r->items[pc->action->item].id);
    row->done = opt(d, pc->action->done);
    row->owner = opt(d, pc->action->owner);
    row->note = opt(d, pc->action->note);
    row->status = plan_status_name(pc->action->status);
    row->reason = plan_count_reason(pc->count);
    row->not_done = pc->count == PLAN_NOT_DONE;
}

/* A part's heading: text's words, and markdown's and HTML's with its lead paragraph. */
static struct doc_node *part(struct doc *d, struct doc_node *sec, const char *id,
                             const char *in_text, const char *heading)
{
    struct doc_node *h = doc_section(d, sec, 3, id);
    doc_span_only(doc_words(d, h, in_text), DOC_TEXT);
    doc_span_only(doc_words(d, h, heading), MD_HTML);
    return h;
}

static void done_part(struct doc *d, struct doc_node *sec, const struct plan_compare_review *v)
{
    const struct compare *c = v->compare;
    const struct rules *r = c->before->rules;
    const char *before = c->before->assessment->date, *after = c->after->assessment->date;
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb,
                "Done after %s, up to %s, and how the gaps each addresses moved (answer, then "
                "the points the stage would gain were the gap closed)",
                before, after);
    struct doc_node *h = part(d, sec, "plan-counted", strbuf_str(&sb), "Done between the two");
    doc_wordsf(d, doc_only(doc_para(d, h), DOC_MARKDOWN),
               "Actions done after %s, up to %s, and how each gap they address moved: the "
               "answer, and the points the stage would gain were the gap closed.",
               before, after);
    struct doc_figure *f = doc_figure(d, h, DOC_FIGURE_PLAN_DONE, v->n_counted, 0)->figure;
    strbuf_reset(&sb);
    strbuf_addf(&sb, "Actions done after %s, up to %s, and how each gap they address moved", before,
                after);
    f->title = doc_strdup(d, strbuf_str(&sb));
    strbuf_reset(&sb);
    strbuf_addf(&sb, "answers on %ld to %ld; points: what the stage would gain were the gap closed",
                r->scale_min, r->scale_max);
    f->aside = doc_strdup(d, strbuf_str(&sb));
    for (size_t k = 0; k < v->n_counted; k++) {
        const struct plan_compared *pc = &v->counted[k];
        struct doc_plan_row *row = &f->plan_rows[k];
        set_action(d, row, r, pc);
        row->gaps = doc_alloc(d, pc->n_gaps, sizeof(*row->gaps));
        row->n_gaps = pc->n_gaps;
        for (size_t g = 0; g < pc->n_gaps; g++)
            set_gap(d, &row->gaps[g], c, &pc->gaps[g]);
    }
    strbuf_release(&sb);
}

static void gaps_part(struct doc *d, struct doc_node *sec, const struct plan_compare_review *v)
{
    const struct compare *c = v->compare;
    const char *before = c->before->assessment->date;
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "Gaps open on %s that no action done in between addresses", before);
    struct doc_node *h =
        part(d, sec, "plan-unaddressed", strbuf_str(&sb), "Gaps no action done addressed");
    doc_wordsf(d, doc_only(doc_para(d, h), DOC_MARKDOWN),
               "Open on %s, and addressed by none of the actions done between the two.", before);
    struct doc_figure *f = doc_figure(d, h, DOC_FIGURE_PLAN_GAPS, 1, 0)->figure;
    strbuf_reset(&sb);
    strbuf_addf(&sb,
                "Gaps open on %s that none of the actions done between the two addresses, for "
                "setting beside those above",
                before);
    f->title = doc_strdup(d, strbuf_str(&sb));
    struct doc_plan_row *row = &f->plan_rows[0];
    row->gaps = doc_alloc(d, v->n_unaddressed, sizeof(*row->gaps));
    row->n_gaps = v->n_unaddressed;
    for (size_t k = 0; k < v->n_unaddressed; k++)
        set_gap(d, &row->gaps[k], c, &v->unaddressed[k]);
    strbuf_release(&sb);
}

static void not_counted_part(struct doc *d, struct doc_node *sec,
                             const struct plan_compare_review *v)
{
    const struct rules *r = v->compare->before->rules;
    struct doc_node *h = part(d, sec, "plan-not-counted", "Not counted", "Not counted");
    struct doc_figure *f =
        doc_figure(d, h, DOC_FIGURE_PLAN_NOT_COUNTED, v->n_not_counted, 0)->figure;
    f->title = "Actions of the plan left out of the comparison, and why";
    for (size_t k = 0; k < v->n_not_counted; k++)
        set_action(d, &f->plan_rows[k], r, &v->not_counted[k]);
}

void compare_build_plan(struct doc *d, const struct compare *c)
{
    const struct plan_compare_review *v = c->plan;
    if (!v)
        return;
    struct doc_node *sec = doc_section(d, d->root, 2, "plan");
    doc_words(d, sec, "Action plan");
    struct strbuf source = STRBUF_INIT;
    plan_add_source(&source, v->plan);
    struct doc_node *p = doc_para(d, sec);
    doc_text(d, p, strbuf_str(&source));
    doc_span_only(doc_words(d, p, " " PLAN_REVIEW_NOT_CAUSE), DOC_TEXT);
    strbuf_release(&source);
    doc_strong(d, doc_only(doc_para(d, sec), DOC_MARKDOWN), PLAN_REVIEW_NOT_CAUSE);
    struct doc_node *box = doc_only(doc_callout(d, sec, DOC_TONE_PLAIN), DOC_HTML);
    doc_label(d, box, "Before and after, not cause and effect.");
    doc_words(d, box, " " PLAN_REVIEW_NOT_CAUSE);
    done_part(d, sec, v);
    gaps_part(d, sec, v);
    not_counted_part(d, sec, v);
}
