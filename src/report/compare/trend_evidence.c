/*
 * trend_evidence.c - trend --evidence: each indicator of the evidence file as a series,
 * its latest value by each assessment's date (evidence_value_as_of), beside the stage
 * scores. The section is built once for text, markdown and HTML (a table and a
 * sparkline per indicator; HTML adds a chart of every series as a share of its scale);
 * JSON and CSV write the same series as data. Evidence never changes a score.
 */
#include "compare_build_internal.h"

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

static const char *date_of(const struct trend *t, size_t k)
{
    return t->points[k]->assessment->date;
}

/* One character a point: how far along its scale the value lies, from ▁ to █; a
   middle dot where there is none yet. */
static void sparkline(struct strbuf *sb, const struct trend *t,
                      const struct evidence_indicator *ind)
{
    static const char *const blocks[] = {"\xE2\x96\x81", "\xE2\x96\x82", "\xE2\x96\x83",
                                         "\xE2\x96\x84", "\xE2\x96\x85", "\xE2\x96\x86",
                                         "\xE2\x96\x87", "\xE2\x96\x88"};
    for (size_t k = 0; k < t->n; k++) {
        const struct evidence_value *v = evidence_value_as_of(ind, date_of(t, k));
        if (!v) {
            strbuf_adds(sb, "\xC2\xB7");
            continue;
        }
        int64_t x = v->value < ind->min ? ind->min : v->value > ind->max ? ind->max : v->value;
        size_t level = (size_t)((x - ind->min) * 7 / (ind->max - ind->min));
        strbuf_adds(sb, blocks[level]);
    }
}

void trend_build_evidence(struct doc *d, const struct trend *t, const char *chart)
{
    const struct evidence *e = t->evidence;
    if (!e)
        return;
    struct doc_node *sec = doc_section(d, d->root, 2, "evidence");
    doc_words(d, sec, "Evidence over time");
    doc_words(d, doc_para(d, sec),
              "Each indicator of the evidence file by its latest value by each assessment's "
              "date, beside the stage scores above; the sparkline runs from the low end of "
              "its scale to the high (for an indicator better lower, down is better). "
              "Evidence never changes a score.");
    if (chart)
        doc_drawn(d, sec, chart);
    struct doc_node *tb = doc_table(d, sec, t->n + 2);
    doc_words(d, tb, "Each indicator at each assessment");
    struct doc_node *hr = doc_row(d, tb);
    doc_words(d, doc_cell(d, hr, true), "Indicator");
    for (size_t k = 0; k < t->n; k++)
        doc_text(d, doc_cell(d, hr, true), date_of(t, k));
    doc_words(d, doc_cell(d, hr, true), "Over time");
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < e->n_indicators; i++) {
        const struct evidence_indicator *ind = &e->indicators[i];
        struct doc_node *row = doc_row(d, tb);
        struct doc_node *head = doc_cell(d, row, true);
        doc_text(d, head, ind->title);
        doc_words(d, head, ind->higher_better ? " (better higher)" : " (better lower)");
        for (size_t k = 0; k < t->n; k++) {
            const struct evidence_value *v = evidence_value_as_of(ind, date_of(t, k));
            if (v)
                report_evidence_value(&sb, ind, v->value);
            doc_text_cell(d, row, v ? doc_take(d, &sb) : NULL);
        }
        sparkline(&sb, t, ind);
        doc_words_cell(d, row, doc_take(d, &sb));
    }
    strbuf_release(&sb);
    compare_build_beside(d, t->points[t->n - 1], e);
}

void trend_evidence_json(struct jsonw *w, const struct trend *t)
{
    const struct evidence *e = t->evidence;
    if (!e)
        return;
    struct strbuf sb = STRBUF_INIT;
    jsonw_karray(w, "evidence");
    for (size_t i = 0; i < e->n_indicators; i++) {
        const struct evidence_indicator *ind = &e->indicators[i];
        jsonw_object(w);
        jsonw_kstring(w, "id", ind->id);
        jsonw_kstring(w, "title", ind->title);
        jsonw_kstring(w, "better", ind->higher_better ? "higher" : "lower");
        jsonw_karray(w, "series");
        for (size_t k = 0; k < t->n; k++) {
            const struct evidence_value *v = evidence_value_as_of(ind, date_of(t, k));
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
        jsonw_end(w, ']');
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
    strbuf_release(&sb);
    compare_beside_json(w, t->points[t->n - 1], e);
}

/* "date,organisation,respondents,stage,score,band,kind,text": the item in stage's place,
   its rating in score's, the verdict leading the text. */
static void trend_beside_row(struct strbuf *out, const struct score *s, const char *item,
                             const char *rating, const char *verdict, const char *text)
{
    trend_csv_point(out, s);
    strbuf_addc(out, ',');
    escape_csv(out, item);
    strbuf_addc(out, ',');
    if (rating)
        strbuf_adds(out, rating);
    strbuf_adds(out, ",,evidence-beside,");
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "%s; %s", verdict, text);
    escape_csv(out, strbuf_str(&sb));
    strbuf_release(&sb);
    strbuf_adds(out, "\r\n");
}

void trend_evidence_csv(struct strbuf *out, const struct trend *t)
{
    const struct evidence *e = t->evidence;
    if (!e)
        return;
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < e->n_indicators; i++) {
        const struct evidence_indicator *ind = &e->indicators[i];
        for (size_t k = 0; k < t->n; k++) {
            const struct evidence_value *v = evidence_value_as_of(ind, date_of(t, k));
            if (!v)
                continue;
            trend_csv_point(out, t->points[k]);
            strbuf_adds(out, ",,,,evidence,");
            strbuf_reset(&sb);
            strbuf_adds(&sb, ind->id);
            strbuf_adds(&sb, ": ");
            report_evidence_value(&sb, ind, v->value);
            strbuf_addf(&sb, " (%s)", v->date);
            escape_csv(out, strbuf_str(&sb));
            strbuf_adds(out, "\r\n");
        }
    }
    strbuf_release(&sb);
    compare_beside_csv(out, t->points[t->n - 1], e, trend_beside_row);
}
