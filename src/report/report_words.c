/*
 * report_words.c - the words and paragraphs more than one report section writes the
 * same way: an item's name, a text paragraph with a hanging indent, and an item's
 * fields in a comparison's JSON. It sits below every section's file, so that none of
 * them calls another for these.
 */
#include "report_compare_internal.h"

#include "report_build_internal.h"
#include "compare.h"
#include "jsonw.h"
#include "rules.h"
#include "strbuf.h"
#include "text.h"

void compare_text_para(struct strbuf *out, const char *first, size_t hang, const char *text,
                       size_t width)
{
    struct strbuf safe = STRBUF_INIT, indent = STRBUF_INIT;
    text_add_safe(&safe, text, true);
    strbuf_addchars(&indent, ' ', hang);
    text_add_filled(out, first, strbuf_str(&indent), strbuf_str(&safe), width);
    strbuf_release(&indent);
    strbuf_release(&safe);
}

void compare_item_name(struct strbuf *sb, const struct rules *r, size_t i)
{
    strbuf_adds(sb, r->stages[r->items[i].stage].title);
    strbuf_addf(sb, " %s: ", rules_item_label(&r->items[i]));
    report_item_words(sb, &r->items[i]);
}

void compare_json_item(struct jsonw *w, const struct rules *r, size_t i,
                       const struct compare_item *ci)
{
    jsonw_kstring(w, "id", r->items[i].id);
    jsonw_kstring(w, "stage", r->stages[r->items[i].stage].id);
    jsonw_kstring(w, "kind", item_kind_name(r->items[i].kind));
    report_json_item_label(w, &r->items[i]);
    jsonw_kstring(w, "text", r->items[i].text);
    jsonw_kscore(w, "before", ci->has_before, ci->before);
    jsonw_kscore(w, "after", ci->has_after, ci->after);
}
