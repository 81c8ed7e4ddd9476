/*
 * report_words.c - the words and paragraphs more than one report section writes the
 * same way: an item's name and a text paragraph with a hanging indent. It sits below
 * every section's file, so that none of them calls another for these.
 */
#include "report_compare_internal.h"

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
    strbuf_addf(sb, " %s: %s", item_kind_name(r->items[i].kind), r->items[i].text);
}
