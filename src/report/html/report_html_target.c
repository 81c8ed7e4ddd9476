/*
 * report_html_target.c - targets in the HTML assessment report: beside each gap, its
 * distance to the best end and to its target, and the contents' link to the Targets
 * section (built in report_build.c). Nothing at all when the model sets no target.
 */
#include "report_html_internal.h"

#include "doc.h"
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
        doc_html_text(out, strbuf_str(&text));
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
