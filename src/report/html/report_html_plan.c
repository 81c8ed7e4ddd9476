/*
 * report_html_plan.c - the plan section (plan_review.h) of the assessment's and the
 * comparison's HTML pages: tables with captions and header cells, every state said in
 * words (never by colour alone), and text from the plan file escaped like any input.
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

static void overdue_table(struct strbuf *out, const struct plan_review *v)
{
    const struct score *s = v->score;
    strbuf_adds(out, "<h3 id=\"plan-overdue-h\">Overdue</h3>\n");
    if (!v->n_overdue) {
        strbuf_adds(out, "<p>None.</p>\n");
        return;
    }
    strbuf_adds(out, "<table>\n<caption>Actions not done and due before this assessment (");
    doc_html_text(out, s->assessment->date);
    strbuf_adds(out, ")</caption>\n<thead><tr><th scope=\"col\">Action</th>"
                     "<th scope=\"col\">Status</th><th scope=\"col\">Owner</th>"
                     "<th scope=\"col\">Due</th><th scope=\"col\" class=\"num\">Days overdue</th>"
                     "<th scope=\"col\">Note</th></tr></thead>\n<tbody>\n");
    for (size_t k = 0; k < v->n_overdue; k++) {
        const struct plan_action *a = v->overdue[k].action;
        strbuf_adds(out, "<tr>");
        action_th(out, s->rules, a, 1);
        strbuf_addf(out, "<td>%s</td><td>", plan_status_name(a->status));
        cell_text(out, a->owner);
        strbuf_adds(out, "</td><td>");
        doc_html_text(out, a->due);
        strbuf_addf(out, "</td><td class=\"num\">%lld</td><td>", (long long)v->overdue[k].days);
        cell_text(out, a->note);
        strbuf_adds(out, "</td></tr>\n");
    }
    strbuf_adds(out, "</tbody>\n</table>\n");
}

static void done_table(struct strbuf *out, const struct plan_review *v)
{
    const struct score *s = v->score;
    strbuf_adds(out, "<h3 id=\"plan-done-h\">Done</h3>\n");
    if (!v->n_done) {
        strbuf_adds(out, "<p>None.</p>\n");
        return;
    }
    strbuf_adds(out, "<table>\n<caption>Actions done, and each gap they address as it stands in "
                     "this assessment</caption>\n<thead><tr><th scope=\"col\">Action</th>"
                     "<th scope=\"col\">Gap</th><th scope=\"col\" class=\"num\">Answer now</th>"
                     "<th scope=\"col\">Gap now</th><th scope=\"col\">Done</th>"
                     "<th scope=\"col\">Owner</th><th scope=\"col\">Note</th></tr></thead>\n"
                     "<tbody>\n");
    for (size_t k = 0; k < v->n_done; k++) {
        const struct plan_done *dn = &v->done[k];
        size_t rows = dn->n_gaps ? dn->n_gaps : 1;
        for (size_t g = 0; g < rows; g++) {
            strbuf_adds(out, "<tr>");
            if (g == 0)
                action_th(out, s->rules, dn->action, rows);
            if (dn->n_gaps) {
                size_t item = dn->gaps[g].item;
                gap_td(out, s->rules, item);
                strbuf_adds(out, "<td class=\"num\">");
                plan_add_answer_now(out, s, item);
                strbuf_addf(out, "</td><td>%s</td>", plan_gap_word(s, item, dn->gaps[g].open));
            } else {
                strbuf_adds(out, "<td colspan=\"3\">The plan lists no gap for it.</td>");
            }
            if (g == 0) {
                strbuf_addf(out, "<td rowspan=\"%zu\">", rows);
                cell_text(out, dn->action->done);
                if (dn->after_assessment)
                    strbuf_adds(out, " (after this assessment: it cannot show in it yet)");
                strbuf_addf(out, "</td><td rowspan=\"%zu\">", rows);
                cell_text(out, dn->action->owner);
                strbuf_addf(out, "</td><td rowspan=\"%zu\">", rows);
                cell_text(out, dn->action->note);
                strbuf_adds(out, "</td>");
            }
            strbuf_adds(out, "</tr>\n");
        }
    }
    strbuf_adds(out, "</tbody>\n</table>\n");
}

static void unaddressed_table(struct strbuf *out, const struct plan_review *v)
{
    const struct score *s = v->score;
    strbuf_adds(out, "<h3 id=\"plan-unaddressed-h\">Open gaps no action addresses</h3>\n");
    if (s->focus < 0) {
        strbuf_adds(out, "<p>No focus stage, so no open gap in it to address.</p>\n");
        return;
    }
    if (!v->n_unaddressed) {
        strbuf_adds(out, "<p>None: an action of the plan addresses every open gap in ");
        doc_html_text(out, s->rules->stages[s->focus].title);
        strbuf_adds(out, ", the focus.</p>\n");
        return;
    }
    strbuf_adds(out, "<table>\n<caption>Open gaps in ");
    doc_html_text(out, s->rules->stages[s->focus].title);
    strbuf_adds(out, ", the focus, that no action in the plan addresses (dropped ones aside), "
                     "largest first</caption>\n<thead><tr><th scope=\"col\">Gap</th>"
                     "<th scope=\"col\" class=\"num\">Answer</th>"
                     "<th scope=\"col\" class=\"num\">Points</th></tr></thead>\n<tbody>\n");
    for (size_t k = 0; k < v->n_unaddressed; k++) {
        size_t i = v->unaddressed[k];
        struct strbuf name = STRBUF_INIT;
        compare_item_name(&name, s->rules, i);
        strbuf_adds(out, "<tr><th scope=\"row\">");
        doc_html_text(out, strbuf_str(&name));
        strbuf_adds(out, "</th><td class=\"num\">");
        plan_add_answer_now(out, s, i);
        strbuf_adds(out, "</td><td class=\"num\">");
        report_add_exact(out, &s->items[i].impact_exact);
        strbuf_adds(out, "</td></tr>\n");
        strbuf_release(&name);
    }
    strbuf_adds(out, "</tbody>\n</table>\n");
}

void plan_html_assess(struct strbuf *out, const struct plan_review *v)
{
    section_open(out, v->plan);
    overdue_table(out, v);
    done_table(out, v);
    unaddressed_table(out, v);
    strbuf_adds(out, "</section>\n");
}
