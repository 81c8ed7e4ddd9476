/*
 * report_model_change.c - provenance beyond the rules file (an overlay's base and the
 * merged model's hash) in text and markdown, and JSON's list of what differs between the
 * models compare's and trend's assessments name (--allow-model-change). The human
 * formats' list is built once in compare_build.c; HTML's provenance rows are
 * report_html_page.c's.
 */
#include <stdbool.h>

#include "jsonw.h"
#include "doc.h"
#include "model_change.h"
#include "report.h"
#include "report_compare_internal.h"
#include "rules.h"
#include "strbuf.h"
#include "text.h"

void report_overlay_sentence(struct strbuf *sb, const struct rules *r)
{
    strbuf_addf(sb, "It extends %s %s (SHA-256 %.12s); the merged model's SHA-256 is %.12s.",
                r->base->id, r->base->version, r->base->sha256, r->model_sha256);
}

void report_md_overlay(struct strbuf *out, const struct rules *r)
{
    if (!r->base)
        return;
    strbuf_adds(out, "- Extends: ");
    doc_md_text(out, r->base->id);
    strbuf_adds(out, ", version ");
    doc_md_text(out, r->base->version);
    strbuf_addf(out, " (SHA-256 `%s`)\n- Merged model SHA-256: `%s`\n", r->base->sha256,
                r->model_sha256);
}

static void json_what(struct jsonw *w, unsigned changes)
{
    static const struct {
        unsigned bit;
        const char *name;
    } what[] = {{CHANGED_QUESTION, "question"},
                {CHANGED_WEIGHT, "weight"},
                {CHANGED_TARGET, "target"},
                {CHANGED_ADDRESSES, "addresses"}};
    jsonw_karray(w, "what");
    for (size_t k = 0; k < sizeof(what) / sizeof(what[0]); k++)
        if (changes & what[k].bit)
            jsonw_string(w, what[k].name);
    jsonw_end(w, ']');
}

void model_change_json(struct jsonw *w, const struct model_change *mc, const struct rules *r)
{
    jsonw_key(w, "model_change");
    if (!mc) {
        jsonw_null(w);
        return;
    }
    jsonw_object(w);
    jsonw_kstring(w, "from", mc->from);
    jsonw_kstring(w, "to", mc->to);
    jsonw_kbool(w, "scoring_changed", (mc->overlay_changes & OVERLAY_CHANGED_SCORING) != 0);
    jsonw_kbool(w, "bands_changed", (mc->overlay_changes & OVERLAY_CHANGED_BANDS) != 0);
    jsonw_karray(w, "items");
    for (size_t k = 0; k < mc->n_items; k++) {
        const struct model_change_item *mi = &mc->items[k];
        const struct rules_item *it = &r->items[mi->item];
        jsonw_object(w);
        jsonw_kstring(w, "id", it->id);
        jsonw_kstring(w, "change", model_change_kind_name(mi->kind));
        json_what(w, mi->changes);
        jsonw_kstring(w, "reason", mi->kind == MODEL_ITEM_RETIRED ? it->retired : NULL);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
    jsonw_end(w, '}');
}
