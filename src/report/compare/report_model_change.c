/*
 * report_model_change.c - provenance beyond the rules file (an overlay's base and the
 * merged model's hash), and compare's and trend's list of what differs between the
 * models the assessments name (--allow-model-change), in every format.
 */
#include <stdbool.h>

#include "jsonw.h"
#include "doc.h"
#include "model_change.h"
#include "report.h"
#include "report_compare_internal.h"
#include "report_html_internal.h"
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

void html_meta_overlay(struct strbuf *out, const struct rules *r)
{
    if (!r->base)
        return;
    html_meta_term(out, "Extends");
    strbuf_adds(out, "<code>");
    doc_html_text(out, r->base->id);
    strbuf_adds(out, "</code>, version ");
    doc_html_text(out, r->base->version);
    strbuf_adds(out, ", SHA-256 <code>");
    doc_html_text(out, r->base->sha256);
    strbuf_adds(out, "</code></dd>\n");
    html_meta_term(out, "Merged model SHA-256");
    strbuf_adds(out, "<code>");
    doc_html_text(out, r->model_sha256);
    strbuf_adds(out, "</code></dd>\n");
}

/* "'A' and 'B'", quoted and made safe for a terminal. */
static void add_models(struct strbuf *sb, const struct model_change *mc)
{
    text_add_quoted(sb, mc->from, 60);
    strbuf_adds(sb, " and ");
    text_add_quoted(sb, mc->to, 60);
}

/* One item's line, unescaped: "added: ID", "retired: ID (REASON)", "changed: ID (what)". */
static void item_line(struct strbuf *sb, const struct rules *r, const struct model_change_item *mi)
{
    const struct rules_item *it = &r->items[mi->item];
    strbuf_addf(sb, "%s: %s", model_change_kind_name(mi->kind), it->id);
    if (mi->kind == MODEL_ITEM_RETIRED) {
        strbuf_addf(sb, " (%s)", it->retired);
    } else if (mi->kind == MODEL_ITEM_CHANGED) {
        strbuf_adds(sb, " (");
        model_change_what(sb, mi->changes);
        strbuf_adds(sb, ")");
    }
}

/* The model as a whole: "scoring changed", "bands changed", unescaped, or nothing. */
static void whole_lines(const struct model_change *mc, void (*emit)(void *, const char *),
                        void *arg)
{
    if (mc->overlay_changes & OVERLAY_CHANGED_SCORING)
        emit(arg, "scoring (acted-on, minimum coverage) changed by the overlay");
    if (mc->overlay_changes & OVERLAY_CHANGED_BANDS)
        emit(arg, "bands changed by the overlay");
}

struct text_emit {
    struct strbuf *out;
    size_t width;
};

static void text_emit(void *arg, const char *line)
{
    struct text_emit *te = arg;
    compare_text_para(te->out, "  ", 4, line, te->width);
}

void model_change_text(struct strbuf *out, const struct model_change *mc, const struct rules *r,
                       size_t width)
{
    if (!mc)
        return;
    struct strbuf line = STRBUF_INIT;
    strbuf_adds(&line, "The assessments name different models, ");
    add_models(&line, mc);
    strbuf_adds(&line, " (--allow-model-change); what differs:");
    strbuf_adds(out, "\nModel change\n");
    compare_text_para(out, "", 0, strbuf_str(&line), width);
    struct text_emit te = {out, width};
    for (size_t k = 0; k < mc->n_items; k++) {
        strbuf_reset(&line);
        item_line(&line, r, &mc->items[k]);
        text_emit(&te, strbuf_str(&line));
    }
    whole_lines(mc, text_emit, &te);
    if (!mc->n_items && !mc->overlay_changes)
        text_emit(&te, "nothing in the items, scoring or bands");
    strbuf_release(&line);
}

static void md_emit(void *arg, const char *line)
{
    struct strbuf *out = arg;
    strbuf_adds(out, "- ");
    doc_md_text(out, line);
    strbuf_adds(out, "\n");
}

void model_change_markdown(struct strbuf *out, const struct model_change *mc, const struct rules *r)
{
    if (!mc)
        return;
    struct strbuf line = STRBUF_INIT;
    strbuf_adds(out, "\n## Model change\n\nThe assessments name different models, ");
    doc_md_text(out, mc->from);
    strbuf_adds(out, " and ");
    doc_md_text(out, mc->to);
    strbuf_adds(out, " (`--allow-model-change`); what differs:\n\n");
    for (size_t k = 0; k < mc->n_items; k++) {
        strbuf_reset(&line);
        item_line(&line, r, &mc->items[k]);
        md_emit(out, strbuf_str(&line));
    }
    whole_lines(mc, md_emit, out);
    if (!mc->n_items && !mc->overlay_changes)
        md_emit(out, "nothing in the items, scoring or bands");
    strbuf_release(&line);
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
    jsonw_key(w, "what");
    jsonw_array(w);
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
    jsonw_key(w, "items");
    jsonw_array(w);
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

static void html_emit(void *arg, const char *line)
{
    struct strbuf *out = arg;
    strbuf_adds(out, "<li>");
    doc_html_text(out, line);
    strbuf_adds(out, "</li>\n");
}

void model_change_html(struct strbuf *out, const struct model_change *mc, const struct rules *r)
{
    if (!mc)
        return;
    struct strbuf line = STRBUF_INIT;
    strbuf_adds(out, "<section id=\"model-change\" aria-labelledby=\"model-change-h\">\n"
                     "<h2 id=\"model-change-h\">Model change</h2>\n<p>The assessments name "
                     "different models, <code>");
    doc_html_text(out, mc->from);
    strbuf_adds(out, "</code> and <code>");
    doc_html_text(out, mc->to);
    strbuf_adds(out, "</code> (<code>--allow-model-change</code>); what differs:</p>\n<ul>\n");
    for (size_t k = 0; k < mc->n_items; k++) {
        strbuf_reset(&line);
        item_line(&line, r, &mc->items[k]);
        html_emit(out, strbuf_str(&line));
    }
    whole_lines(mc, html_emit, out);
    if (!mc->n_items && !mc->overlay_changes)
        html_emit(out, "nothing in the items, scoring or bands");
    strbuf_adds(out, "</ul>\n</section>\n");
    strbuf_release(&line);
}
