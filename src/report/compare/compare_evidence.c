/*
 * compare_evidence.c - compare --evidence: which of the evidence file's indicators moved
 * between the two assessments, each by its latest value by each one's date
 * (evidence_moves_compute). The section is built once for text, markdown and HTML; JSON
 * and CSV write the same moves as data. Evidence never changes a score.
 */
#include "compare_build_internal.h"

#include <stdlib.h>

#include "answers.h"
#include "compare.h"
#include "escape.h"
#include "evidence.h"
#include "evidence_view.h"
#include "jsonw.h"
#include "report_build_internal.h"
#include "report_compare_internal.h"
#include "score.h"
#include "strbuf.h"
#include "xalloc.h"

static struct evidence_moved *moves_of(const struct compare *c)
{
    struct evidence_moved *m = xcalloc(c->evidence->n_indicators + 1, sizeof(*m));
    evidence_moves_compute(m, c->evidence, c->before->assessment->date, c->after->assessment->date);
    return m;
}

/* "71% (2026-06-30)", or NULL for no value. */
static void value_words(struct strbuf *sb, const struct evidence_indicator *ind,
                        const struct evidence_value *v)
{
    report_evidence_value(sb, ind, v->value);
    strbuf_addf(sb, " (%s)", v->date);
}

void compare_build_evidence(struct doc *d, const struct compare *c)
{
    if (!c->evidence)
        return;
    const struct evidence *e = c->evidence;
    struct evidence_moved *m = moves_of(c);
    struct doc_node *sec = doc_section(d, d->root, 2, "evidence");
    doc_words(d, sec, "Evidence that moved");
    doc_words(d, doc_para(d, sec),
              "Each indicator of the evidence file by its latest value by each assessment's "
              "date, and which way it moved in its better direction. Evidence never changes a "
              "score.");
    struct doc_node *t = doc_table(d, sec, 4);
    doc_words(d, t, "The evidence before and after");
    struct doc_node *hr = doc_row(d, t);
    static const char *const heads[] = {"Indicator", "Before", "After", "Moved"};
    for (size_t k = 0; k < 4; k++)
        doc_words(d, doc_cell(d, hr, true), heads[k]);
    struct strbuf sb = STRBUF_INIT;
    for (size_t k = 0; k < e->n_indicators; k++) {
        const struct evidence_indicator *ind = &e->indicators[k];
        struct doc_node *row = doc_row(d, t);
        doc_text(d, doc_cell(d, row, true), ind->title);
        for (int side = 0; side < 2; side++) {
            const struct evidence_value *v = side ? m[k].after : m[k].before;
            if (v)
                value_words(&sb, ind, v);
            doc_text_cell(d, row, v ? doc_take(d, &sb) : NULL);
        }
        doc_words_cell(d, row, evidence_move_name(m[k].move));
    }
    strbuf_release(&sb);
    free(m);
}

void compare_evidence_json(struct jsonw *w, const struct compare *c)
{
    if (!c->evidence)
        return;
    const struct evidence *e = c->evidence;
    struct evidence_moved *m = moves_of(c);
    struct strbuf sb = STRBUF_INIT;
    jsonw_karray(w, "evidence");
    for (size_t k = 0; k < e->n_indicators; k++) {
        const struct evidence_indicator *ind = &e->indicators[k];
        jsonw_object(w);
        jsonw_kstring(w, "id", ind->id);
        jsonw_kstring(w, "title", ind->title);
        for (int side = 0; side < 2; side++) {
            const struct evidence_value *v = side ? m[k].after : m[k].before;
            jsonw_key(w, side ? "after" : "before");
            if (!v) {
                jsonw_null(w);
                continue;
            }
            jsonw_object(w);
            jsonw_kstring(w, "date", v->date);
            strbuf_reset(&sb);
            report_evidence_value(&sb, ind, v->value);
            jsonw_kstring(w, "shown", strbuf_str(&sb));
            jsonw_end(w, '}');
        }
        jsonw_kstring(w, "moved", evidence_move_name(m[k].move));
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
    strbuf_release(&sb);
    free(m);
}

void compare_evidence_csv(struct strbuf *out, const struct compare *c)
{
    if (!c->evidence)
        return;
    const struct evidence *e = c->evidence;
    struct evidence_moved *m = moves_of(c);
    struct strbuf sb = STRBUF_INIT;
    for (size_t k = 0; k < e->n_indicators; k++) {
        const struct evidence_indicator *ind = &e->indicators[k];
        strbuf_addc(out, ',');
        escape_csv(out, ind->id);
        strbuf_adds(out, ",evidence,");
        for (int side = 0; side < 2; side++) {
            const struct evidence_value *v = side ? m[k].after : m[k].before;
            strbuf_reset(&sb);
            if (v)
                value_words(&sb, ind, v);
            escape_csv(out, strbuf_str(&sb));
            strbuf_addc(out, ',');
        }
        strbuf_adds(out, ",,,");
        escape_csv(out, evidence_move_name(m[k].move));
        strbuf_addc(out, ',');
        escape_csv(out, ind->title);
        strbuf_adds(out, ",,\r\n");
    }
    strbuf_release(&sb);
    free(m);
}
