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
    compare_build_beside(d, c->after, e);
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
    compare_beside_json(w, c->after, e);
}

/* "stage,item,kind,before,after,change,opened,closed,direction,text,..." */
static void compare_beside_row(struct strbuf *out, const struct score *s, const char *item,
                               const char *rating, const char *verdict, const char *text)
{
    (void)s;
    strbuf_addc(out, ',');
    escape_csv(out, item);
    strbuf_adds(out, ",evidence-beside,,");
    if (rating)
        strbuf_adds(out, rating);
    strbuf_adds(out, ",,,,");
    escape_csv(out, verdict);
    strbuf_addc(out, ',');
    escape_csv(out, text);
    strbuf_adds(out, ",,\r\n");
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
    compare_beside_csv(out, c->after, e, compare_beside_row);
}

/* ---- the ratings beside the evidence at the latest assessment (compare's after,
   trend's last) ---- */

static void beside_heading(struct strbuf *sb, const struct score *s)
{
    strbuf_addf(sb, "Evidence beside the ratings of %s", s->assessment->date);
}

void compare_build_beside(struct doc *d, const struct score *s, const struct evidence *e)
{
    if (!e)
        return;
    struct evidence_view v;
    struct strbuf heading = STRBUF_INIT;
    evidence_view_compute(&v, s, e);
    beside_heading(&heading, s);
    evidence_build_assess(d, s, e, &v, doc_take(d, &heading));
    evidence_view_release(&v);
}

void compare_beside_json(struct jsonw *w, const struct score *s, const struct evidence *e)
{
    if (!e)
        return;
    struct evidence_view v;
    evidence_view_compute(&v, s, e);
    evidence_json_assess(w, "evidence_beside", s, e, &v);
    evidence_view_release(&v);
}

/* Rows of kind "evidence-beside" in compare's and trend's CSV columns: write_row(out,
   arg, item id, rating or NULL, verdict, "INDICATOR: VALUE (DATE)"). */
void compare_beside_csv(struct strbuf *out, const struct score *s, const struct evidence *e,
                        void (*write_row)(struct strbuf *out, const struct score *s,
                                          const char *item, const char *rating, const char *verdict,
                                          const char *text))
{
    if (!e)
        return;
    struct evidence_view v;
    evidence_view_compute(&v, s, e);
    struct strbuf rating = STRBUF_INIT, text = STRBUF_INIT;
    for (size_t k = 0; k < v.n_pairs; k++) {
        const struct evidence_pair *p = &v.pairs[k];
        const struct evidence_indicator *ind = &e->indicators[p->indicator];
        strbuf_reset(&rating);
        strbuf_reset(&text);
        if (p->has_rating)
            strbuf_add_tenths(&rating, p->rating);
        strbuf_adds(&text, ind->id);
        strbuf_adds(&text, ": ");
        if (p->value) {
            report_evidence_value(&text, ind, p->value->value);
            strbuf_addf(&text, " (%s%s)", p->value->date, p->stale ? ", stale" : "");
        } else {
            strbuf_adds(&text, "no value by then");
        }
        write_row(out, s, s->rules->items[p->item].id, p->has_rating ? strbuf_str(&rating) : NULL,
                  evidence_verdict_name(p->verdict), strbuf_str(&text));
    }
    strbuf_release(&rating);
    strbuf_release(&text);
    evidence_view_release(&v);
}
