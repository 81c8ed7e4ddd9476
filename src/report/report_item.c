/*
 * report_item.c - an item's text as every report shows it, decided once (issue 29):
 * the text, "(added locally)" after an item an overlay added, since it is not from the
 * base model's source, and the source's hedge on the item in brackets, so that a hedged
 * item never reads as firmer than the source put it. It sits below every builder.
 */
#include "report_build_internal.h"

#include "jsonw.h"
#include "rules.h"
#include "strbuf.h"

#define ADDED_LOCALLY "added locally"

void report_item_text(struct doc *d, struct doc_node *parent, const struct rules_item *it)
{
    doc_text(d, parent, it->text);
    if (it->origin == ORIGIN_ADDED) {
        doc_words(d, parent, " ");
        doc_aside(d, parent, "(" ADDED_LOCALLY ")");
    }
    if (it->hedge) {
        doc_words(d, parent, " (");
        doc_text(d, parent, it->hedge);
        doc_words(d, parent, ")");
    }
}

struct doc_node *report_item_head(struct doc *d, struct doc_node *row, const struct rules_item *it)
{
    struct doc_node *c = doc_cell(d, row, true);
    report_item_text(d, c, it);
    doc_ref(d, c, it->id);
    return c;
}

void report_item_words(struct strbuf *sb, const struct rules_item *it)
{
    strbuf_adds(sb, it->text);
    if (it->origin == ORIGIN_ADDED)
        strbuf_adds(sb, " (" ADDED_LOCALLY ")");
    if (it->hedge)
        strbuf_addf(sb, " (%s)", it->hedge);
}

void report_item_label(struct strbuf *sb, const struct rules_item *it)
{
    strbuf_adds(sb, rules_item_label(it));
    if (it->origin == ORIGIN_ADDED)
        strbuf_adds(sb, ", " ADDED_LOCALLY);
}

void report_json_item_label(struct jsonw *w, const struct rules_item *it)
{
    jsonw_kstring(w, "label", rules_item_label(it));
    jsonw_kstring(w, "hedge", it->hedge);
    jsonw_kbool(w, "added_locally", it->origin == ORIGIN_ADDED);
}
