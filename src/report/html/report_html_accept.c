/*
 * report_html_accept.c - the "Accepted gaps" section of the assessment's HTML page: a
 * table with a caption and header cells, the status said in words (never by colour
 * alone), and the accept file's text escaped like any input.
 */
#include "report_accept_internal.h"

#include "accept.h"
#include "compare.h"
#include "doc.h"
#include "report_compare_internal.h"
#include "report.h"
#include "report_html_internal.h"
#include "report_plan_internal.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

void accept_html_nav(struct strbuf *out, const struct score *s)
{
    if (s->accept)
        strbuf_adds(out, "<li><a href=\"#accepted\">Accepted gaps</a></li>\n");
}

static void cell(struct strbuf *out, const char *s)
{
    strbuf_adds(out, "<td>");
    doc_html_text(out, s);
    strbuf_adds(out, "</td>");
}

static void entry_row(struct strbuf *out, const struct score *s, const struct accept_entry *e)
{
    const struct rules *r = s->rules;
    const struct rules_item *it = &r->items[e->item];
    struct strbuf answer = STRBUF_INIT;
    strbuf_adds(out, "<tr><th scope=\"row\">");
    doc_html_text(out, it->text);
    strbuf_adds(out, "<span class=\"id\">");
    doc_html_text(out, it->id);
    strbuf_adds(out, "</span></th>");
    cell(out, r->stages[it->stage].title);
    plan_add_answer_now(&answer, s, e->item);
    strbuf_adds(out, "<td class=\"num\">");
    doc_html_text(out, strbuf_str(&answer));
    strbuf_adds(out, "</td>");
    cell(out, e->reason);
    cell(out, e->by);
    cell(out, e->expires);
    if (s->items[e->item].accepted == SCORE_ACCEPTED)
        strbuf_adds(out, "<td>accepted</td></tr>\n");
    else
        strbuf_adds(out, "<td><span class=\"tag\">expired</span> counts again as a gap</td>"
                         "</tr>\n");
    strbuf_release(&answer);
}

void accept_html_assess(struct strbuf *out, const struct score *s)
{
    const struct accept *a = s->accept;
    if (!a)
        return;
    strbuf_adds(out, "<section id=\"accepted\" aria-labelledby=\"accepted-h\">\n"
                     "<h2 id=\"accepted-h\">Accepted gaps</h2>\n<p>");
    doc_html_text(out, ACCEPT_LEAD);
    strbuf_adds(out, " From ");
    doc_html_text(out, a->file);
    strbuf_adds(out, ".</p>\n");
    if (!a->n_entries) {
        strbuf_adds(out, "<p>None.</p>\n</section>\n");
        return;
    }
    strbuf_adds(out, "<table>\n<caption>Accepted gaps, as of this assessment (");
    doc_html_text(out, s->assessment->date);
    strbuf_adds(out, ")</caption>\n<thead><tr><th scope=\"col\">Gap</th>"
                     "<th scope=\"col\">Stage</th><th scope=\"col\" class=\"num\">Answer</th>"
                     "<th scope=\"col\">Reason</th><th scope=\"col\">Accepted by</th>"
                     "<th scope=\"col\">Expires</th><th scope=\"col\">Status</th></tr>"
                     "</thead>\n<tbody>\n");
    for (size_t k = 0; k < a->n_entries; k++)
        entry_row(out, s, &a->entries[k]);
    strbuf_adds(out, "</tbody>\n</table>\n</section>\n");
}
