/*
 * report_html_plan.c - the plan section (plan_review.h) of the comparison's HTML page:
 * tables with captions and header cells, every state said in words (never by colour
 * alone), and text from the plan file escaped like any input. The assessment's is built
 * in plan_build.c.
 */
#include "report_plan_internal.h"

#include "compare.h"
#include "doc.h"
#include "plan.h"
#include "plan_review.h"
#include "report.h"
#include "report_compare_internal.h"
#include "report_html_internal.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

/* Input text in a cell, or a muted dash when there is none. */
static void cell_text(struct strbuf *out, const char *s)
{
    if (s && *s)
        doc_html_text(out, s);
    else
        strbuf_adds(out, "<span class=\"muted\">none</span>");
}

/* The action's text and id as a row header. */
static void action_th(struct strbuf *out, const struct rules *r, const struct plan_action *a,
                      size_t rows)
{
    if (rows > 1)
        strbuf_addf(out, "<th scope=\"row\" rowspan=\"%zu\">", rows);
    else
        strbuf_adds(out, "<th scope=\"row\">");
    doc_html_text(out, r->items[a->item].text);
    strbuf_adds(out, "<span class=\"id\">");
    doc_html_text(out, r->items[a->item].id);
    strbuf_adds(out, "</span></th>");
}

static void gap_td(struct strbuf *out, const struct rules *r, size_t item)
{
    struct strbuf name = STRBUF_INIT;
    compare_item_name(&name, r, item);
    strbuf_adds(out, "<td>");
    doc_html_text(out, strbuf_str(&name));
    strbuf_adds(out, "</td>");
    strbuf_release(&name);
}

static void section_open(struct strbuf *out, const struct plan *p)
{
    struct strbuf source = STRBUF_INIT;
    plan_add_source(&source, p);
    strbuf_adds(out, "<section id=\"plan\" aria-labelledby=\"plan-h\">\n"
                     "<h2 id=\"plan-h\">Action plan</h2>\n<p>");
    doc_html_text(out, strbuf_str(&source));
    strbuf_adds(out, "</p>\n");
    strbuf_release(&source);
}

static const char MOVEMENT_HEAD[] =
    "<th scope=\"col\" class=\"num\">Answer before</th>"
    "<th scope=\"col\" class=\"num\">Answer after</th><th scope=\"col\" class=\"num\">Change</th>"
    "<th scope=\"col\" class=\"num\">Points before</th>"
    "<th scope=\"col\" class=\"num\">Points after</th><th scope=\"col\" class=\"num\">Change</th>"
    "<th scope=\"col\">Gap now</th>";

static void movement_cells(struct strbuf *out, const struct compare *c,
                           const struct plan_movement *m)
{
    strbuf_adds(out, "<td class=\"num\">");
    plan_add_tenths(out, m->answer_before);
    strbuf_adds(out, "</td><td class=\"num\">");
    if (m->has_after)
        plan_add_tenths(out, m->answer_after);
    else
        plan_add_answer_now(out, c->after, m->item);
    strbuf_adds(out, "</td><td class=\"num\">");
    if (m->has_after)
        plan_add_change(out, m->answer_change);
    strbuf_adds(out, "</td><td class=\"num\">");
    plan_add_tenths(out, m->points_before);
    strbuf_adds(out, "</td><td class=\"num\">");
    if (m->has_after)
        plan_add_tenths(out, m->points_after);
    strbuf_adds(out, "</td><td class=\"num\">");
    if (m->has_after)
        plan_add_change(out, m->points_change);
    strbuf_addf(out, "</td><td>%s</td>", plan_gap_word(c->after, m->item, m->open_after));
}

static void counted_table(struct strbuf *out, const struct plan_compare_review *v)
{
    const struct compare *c = v->compare;
    const struct rules *r = c->before->rules;
    strbuf_adds(out, "<h3 id=\"plan-counted-h\">Done between the two</h3>\n");
    if (!v->n_counted) {
        strbuf_adds(out, "<p>None.</p>\n");
        return;
    }
    strbuf_adds(out, "<table>\n<caption>Actions done after ");
    doc_html_text(out, c->before->assessment->date);
    strbuf_adds(out, ", up to ");
    doc_html_text(out, c->after->assessment->date);
    strbuf_addf(out,
                ", and how each gap they address moved <span class=\"muted\">(answers on %ld to "
                "%ld; points: what the stage would gain were the gap closed)</span></caption>\n"
                "<thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Done</th>"
                "<th scope=\"col\">Owner</th><th scope=\"col\">Gap</th>%s</tr></thead>\n"
                "<tbody>\n",
                r->scale_min, r->scale_max, MOVEMENT_HEAD);
    for (size_t k = 0; k < v->n_counted; k++) {
        const struct plan_compared *pc = &v->counted[k];
        size_t rows = pc->n_gaps ? pc->n_gaps : 1;
        for (size_t g = 0; g < rows; g++) {
            strbuf_adds(out, "<tr>");
            if (g == 0) {
                action_th(out, r, pc->action, rows);
                strbuf_addf(out, "<td rowspan=\"%zu\">", rows);
                cell_text(out, pc->action->done);
                strbuf_addf(out, "</td><td rowspan=\"%zu\">", rows);
                cell_text(out, pc->action->owner);
                strbuf_adds(out, "</td>");
            }
            if (pc->n_gaps) {
                gap_td(out, r, pc->gaps[g].item);
                movement_cells(out, c, &pc->gaps[g]);
            } else {
                strbuf_adds(out, "<td colspan=\"8\">No gap it addresses was open before.</td>");
            }
            strbuf_adds(out, "</tr>\n");
        }
    }
    strbuf_adds(out, "</tbody>\n</table>\n");
}

static void unaddressed_moved_table(struct strbuf *out, const struct plan_compare_review *v)
{
    const struct compare *c = v->compare;
    strbuf_adds(out, "<h3 id=\"plan-unaddressed-h\">Gaps no action done addressed</h3>\n");
    if (!v->n_unaddressed) {
        strbuf_adds(out, "<p>None.</p>\n");
        return;
    }
    strbuf_adds(out, "<table>\n<caption>Gaps open on ");
    doc_html_text(out, c->before->assessment->date);
    strbuf_addf(out,
                " that none of the actions done between the two addresses, for setting beside "
                "those above</caption>\n<thead><tr><th scope=\"col\">Gap</th>%s</tr></thead>\n"
                "<tbody>\n",
                MOVEMENT_HEAD);
    for (size_t k = 0; k < v->n_unaddressed; k++) {
        struct strbuf name = STRBUF_INIT;
        compare_item_name(&name, c->before->rules, v->unaddressed[k].item);
        strbuf_adds(out, "<tr><th scope=\"row\">");
        doc_html_text(out, strbuf_str(&name));
        strbuf_adds(out, "</th>");
        movement_cells(out, c, &v->unaddressed[k]);
        strbuf_adds(out, "</tr>\n");
        strbuf_release(&name);
    }
    strbuf_adds(out, "</tbody>\n</table>\n");
}

static void not_counted_table(struct strbuf *out, const struct plan_compare_review *v)
{
    const struct rules *r = v->compare->before->rules;
    strbuf_adds(out, "<h3 id=\"plan-not-counted-h\">Not counted</h3>\n");
    if (!v->n_not_counted) {
        strbuf_adds(out, "<p>None.</p>\n");
        return;
    }
    strbuf_adds(out, "<table>\n<caption>Actions of the plan left out of the comparison, and "
                     "why</caption>\n<thead><tr><th scope=\"col\">Action</th>"
                     "<th scope=\"col\">Status</th><th scope=\"col\">Done</th>"
                     "<th scope=\"col\">Why not counted</th></tr></thead>\n<tbody>\n");
    for (size_t k = 0; k < v->n_not_counted; k++) {
        const struct plan_compared *pc = &v->not_counted[k];
        strbuf_adds(out, "<tr>");
        action_th(out, r, pc->action, 1);
        strbuf_addf(out, "<td>%s</td><td>", plan_status_name(pc->action->status));
        cell_text(out, pc->action->done);
        strbuf_addf(out, "</td><td>%s</td></tr>\n", plan_count_reason(pc->count));
    }
    strbuf_adds(out, "</tbody>\n</table>\n");
}

void plan_html_compare(struct strbuf *out, const struct plan_compare_review *v)
{
    section_open(out, v->plan);
    strbuf_adds(out, "<div class=\"callout\"><p><span class=\"label\">"
                     "Before and after, not cause and effect.</span> " PLAN_REVIEW_NOT_CAUSE
                     "</p></div>\n");
    counted_table(out, v);
    unaddressed_moved_table(out, v);
    not_counted_table(out, v);
    strbuf_adds(out, "</section>\n");
}
