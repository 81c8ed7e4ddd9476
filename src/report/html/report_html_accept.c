/*
 * report_html_accept.c - what the comparison's HTML page says of the gaps that would have
 * opened but are accepted for now, the accept file's text escaped like any input. The
 * assessment's "Accepted gaps" section is built in plan_build.c.
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

void accept_html_compare(struct strbuf *out, const struct compare *c)
{
    if (!c->after->accept || !c->n_opened_accepted)
        return;
    const struct rules *r = c->after->rules;
    struct strbuf name = STRBUF_INIT, answer = STRBUF_INIT;
    strbuf_adds(out, "<p>Not counted as opened, being accepted for now (--accept): each "
                     "still counts in its stage&#39;s score.</p>\n<ul>\n");
    for (size_t i = 0; i < r->n_items; i++) {
        if (!c->items[i].opened_accepted)
            continue;
        strbuf_reset(&name);
        strbuf_reset(&answer);
        compare_item_name(&name, r, i);
        plan_add_answer_now(&answer, c->after, i);
        strbuf_adds(out, "<li>");
        doc_html_text(out, strbuf_str(&name));
        strbuf_adds(out, " (");
        doc_html_text(out, strbuf_str(&answer));
        strbuf_adds(out, " now; accepted until ");
        doc_html_text(out, c->after->items[i].acceptance->expires);
        strbuf_adds(out, ")</li>\n");
    }
    strbuf_adds(out, "</ul>\n");
    strbuf_release(&answer);
    strbuf_release(&name);
}
