/*
 * report_html_target.c - targets in the HTML assessment report: beside each gap, its
 * distance to the best end and to its target; and the Targets section, every item with
 * a target in rules order. Nothing at all when the model sets no target.
 */
#include "report_html_internal.h"

#include "report.h"
#include "rules.h"
#include "score.h"
#include "score_target.h"
#include "strbuf.h"

#include "report_target_internal.h"

void html_gap_target_head(struct strbuf *out, const struct score *s)
{
    if (score_targets_count(s))
        strbuf_adds(out, "<th scope=\"col\" class=\"num\">To best end</th>"
                         "<th scope=\"col\">Target</th>");
}

void html_gap_target_cells(struct strbuf *out, const struct score *s, size_t item)
{
    if (!score_targets_count(s))
        return;
    struct strbuf text = STRBUF_INIT;
    strbuf_adds(out, "<td class=\"num\">");
    report_target_add_best_end(out, s, item);
    strbuf_adds(out, "</td><td>");
    if (score_item_has_target(s, item)) {
        report_target_add_summary(&text, s, item);
        html_text(out, strbuf_str(&text));
    } else {
        strbuf_adds(out, "<span class=\"muted\">none</span>");
    }
    strbuf_adds(out, "</td>");
    strbuf_release(&text);
}

void html_targets_nav(struct strbuf *out, const struct score *s)
{
    if (score_targets_count(s))
        strbuf_adds(out, "<li><a href=\"#targets\">" REPORT_TARGETS_TITLE "</a></li>\n");
}

static void target_row(struct strbuf *out, const struct score *s, size_t i)
{
    const struct rules *r = s->rules;
    const struct rules_item *it = &r->items[i];
    struct score_target t;
    struct strbuf num = STRBUF_INIT;
    score_target_of(s, i, &t);
    strbuf_adds(out, "<tr><th scope=\"row\">");
    html_text(out, it->text);
    strbuf_adds(out, "<span class=\"id\">");
    html_text(out, it->id);
    strbuf_adds(out, "</span></th><td>");
    html_text(out, r->stages[it->stage].title);
    strbuf_adds(out, "</td><td class=\"num\">");
    if (t.status == TARGET_NO_ANSWER)
        strbuf_adds(out, "<span class=\"muted\">none</span>");
    else
        report_add_ratio(out, s->items[i].answer_num, s->items[i].answer_den);
    strbuf_adds(out, "</td><td class=\"num\">");
    report_target_add_score(&num, &it->target);
    html_text(out, strbuf_str(&num));
    strbuf_adds(out, "</td><td>");
    html_text(out, it->target.by);
    strbuf_adds(out, "</td><td class=\"num\">");
    if (t.status == TARGET_NO_ANSWER) {
        strbuf_adds(out, "<span class=\"muted\">none</span>");
    } else {
        strbuf_reset(&num);
        report_target_add_distance(&num, &it->target, &t);
        html_text(out, strbuf_str(&num));
    }
    strbuf_adds(out, "</td><td>");
    if (t.status == TARGET_OVERDUE)
        strbuf_adds(out, "<span class=\"tag\">overdue</span>");
    else
        html_text(out, score_target_status_text(t.status));
    strbuf_adds(out, "</td></tr>\n");
    strbuf_release(&num);
    score_target_release(&t);
}

void html_targets_section(struct strbuf *out, const struct score *s)
{
    const struct rules *r = s->rules;
    if (!score_targets_count(s))
        return;
    strbuf_adds(out, "<section id=\"targets\" aria-labelledby=\"targets-h\">\n"
                     "<h2 id=\"targets-h\">" REPORT_TARGETS_TITLE "</h2>\n<p>");
    html_text(out, REPORT_TARGETS_LEAD);
    strbuf_addf(out,
                "</p>\n<table>\n<caption>Targets <span class=\"muted\">(answer and target on "
                "%ld to %ld; to go: how far the answer still has to move)</span></caption>\n"
                "<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Stage</th>"
                "<th scope=\"col\" class=\"num\">Answer</th>"
                "<th scope=\"col\" class=\"num\">Target</th><th scope=\"col\">By</th>"
                "<th scope=\"col\" class=\"num\">To go</th><th scope=\"col\">Status</th>"
                "</tr></thead>\n<tbody>\n",
                r->scale_min, r->scale_max);
    for (size_t i = 0; i < r->n_items; i++)
        if (score_item_has_target(s, i))
            target_row(out, s, i);
    strbuf_adds(out, "</tbody>\n</table>\n</section>\n");
}
