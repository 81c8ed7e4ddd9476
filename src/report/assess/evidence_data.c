/*
 * evidence_data.c - assess --evidence as data: the evidence file's indicators and
 * the engine's view of them beside the ratings (evidence_view.h), in JSON ("evidence")
 * and as CSV rows of kind "evidence" and "evidence-coverage". The human formats' section
 * is built once in evidence_build.c.
 */
#include "report_build_internal.h"

#include "evidence.h"
#include "evidence_view.h"
#include "exact.h"
#include "jsonw.h"
#include "report_plan_internal.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

static void json_indicator(struct jsonw *w, const struct rules *r,
                           const struct evidence_indicator *ind)
{
    jsonw_object(w);
    jsonw_kstring(w, "id", ind->id);
    jsonw_kstring(w, "title", ind->title);
    jsonw_kstring(w, "source", ind->source);
    jsonw_kstring(w, "scale", evidence_scale_name(ind->kind));
    jsonw_kstring(w, "better", ind->higher_better ? "higher" : "lower");
    jsonw_karray(w, "bears_on");
    for (size_t j = 0; j < ind->n_items; j++)
        jsonw_string(w, r->items[ind->items[j]].id);
    jsonw_end(w, ']');
    jsonw_karray(w, "values");
    struct strbuf sb = STRBUF_INIT;
    for (size_t j = 0; j < ind->n_values; j++) {
        jsonw_object(w);
        jsonw_kstring(w, "date", ind->values[j].date);
        strbuf_reset(&sb);
        report_evidence_value(&sb, ind, ind->values[j].value);
        jsonw_kstring(w, "shown", strbuf_str(&sb));
        jsonw_end(w, '}');
    }
    strbuf_release(&sb);
    jsonw_end(w, ']');
    jsonw_end(w, '}');
}

static void json_pair(struct jsonw *w, const struct rules *r, const struct evidence *e,
                      const struct evidence_pair *p)
{
    jsonw_object(w);
    jsonw_kstring(w, "item", r->items[p->item].id);
    jsonw_kstring(w, "indicator", e->indicators[p->indicator].id);
    jsonw_kstring(w, "date", p->value ? p->value->date : NULL);
    jsonw_kbool(w, "stale", p->stale);
    jsonw_kscore(w, "rating", p->has_rating, p->rating);
    jsonw_kscore(w, "on_scale", p->value != NULL, p->on_scale);
    jsonw_kscore(w, "gap", p->has_rating && p->value, p->gap);
    jsonw_kstring(w, "verdict", evidence_verdict_name(p->verdict));
    jsonw_end(w, '}');
}

void evidence_json_assess(struct jsonw *w, const char *key, const struct score *s,
                          const struct evidence *e, const struct evidence_view *v)
{
    if (!e)
        return;
    const struct rules *r = s->rules;
    jsonw_kobject(w, key);
    jsonw_kstring(w, "organisation", e->organisation);
    jsonw_karray(w, "indicators");
    for (size_t k = 0; k < e->n_indicators; k++)
        json_indicator(w, r, &e->indicators[k]);
    jsonw_end(w, ']');
    jsonw_karray(w, "stages");
    for (size_t st = 0; st < r->n_stages; st++) {
        jsonw_object(w);
        jsonw_kstring(w, "id", r->stages[st].id);
        jsonw_kuint(w, "questions", v->questions[st]);
        jsonw_kuint(w, "evidenced", v->evidenced[st]);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
    jsonw_karray(w, "pairs");
    for (size_t k = 0; k < v->n_pairs; k++)
        json_pair(w, r, e, &v->pairs[k]);
    jsonw_end(w, ']');
    jsonw_kuint(w, "ahead", v->ahead);
    jsonw_kuint(w, "behind", v->behind);
    jsonw_end(w, '}');
}

void evidence_csv_assess(struct strbuf *out, const struct score *s, const struct evidence *e,
                         const struct evidence_view *v,
                         void (*row_start)(const struct score *s, struct strbuf *out))
{
    if (!e)
        return;
    const struct rules *r = s->rules;
    struct strbuf note = STRBUF_INIT;
    for (size_t st = 0; st < r->n_stages; st++) {
        strbuf_reset(&note);
        strbuf_addf(&note, "%zu of %zu questions have evidence", v->evidenced[st],
                    v->questions[st]);
        struct plan_csv_row row = {
            .stage = r->stages[st].id, .kind = "evidence-coverage", .note = strbuf_str(&note)};
        plan_csv_row(out, s, row_start, &row);
    }
    struct strbuf shown = STRBUF_INIT;
    for (size_t k = 0; k < v->n_pairs; k++) {
        const struct evidence_pair *p = &v->pairs[k];
        const struct evidence_indicator *ind = &e->indicators[p->indicator];
        const struct rules_item *it = &r->items[p->item];
        strbuf_reset(&note);
        strbuf_reset(&shown);
        strbuf_adds(&note, ind->title);
        strbuf_adds(&note, ": ");
        if (p->value) {
            report_evidence_value(&note, ind, p->value->value);
            strbuf_addf(&note, " (%s%s), ", p->value->date, p->stale ? ", stale" : "");
            strbuf_add_tenths(&note, p->on_scale);
            strbuf_adds(&note, " on the item's scale");
        } else {
            strbuf_adds(&note, "no value by the assessment's date");
        }
        strbuf_adds(&shown, ind->source);
        struct plan_csv_row row = {.stage = r->stages[it->stage].id,
                                   .kind = "evidence",
                                   .item = it->id,
                                   .text = it->text,
                                   .state = evidence_verdict_name(p->verdict),
                                   .note = strbuf_str(&note),
                                   .evidence = strbuf_str(&shown),
                                   .answer = &s->items[p->item],
                                   .answer_only = true};
        plan_csv_row(out, s, row_start, &row);
    }
    strbuf_release(&shown);
    strbuf_release(&note);
}
