/*
 * report_accept.c - the "Accepted gaps" section (report_accept_internal.h) as JSON and
 * CSV, what compare says of gaps accepted, and the words every format shares (the
 * section's text, markdown and HTML are built in plan_build.c).
 */
#include "report_accept_internal.h"

#include "accept.h"
#include "compare.h"
#include "doc.h"
#include "jsonw.h"
#include "report.h"
#include "report_compare_internal.h"
#include "report_plan_internal.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

/* ---- shared words ---- */

const char *accept_status_word(const struct score *s, size_t item)
{
    switch (s->items[item].accepted) {
    case SCORE_ACCEPTED:
        return "accepted";
    case SCORE_ACCEPT_EXPIRED:
        return "expired";
    case SCORE_NOT_ACCEPTED:
        break;
    }
    return NULL;
}

/* ---- JSON ---- */

void accept_json_assess(struct jsonw *w, const struct score *s)
{
    const struct accept *a = s->accept;
    if (!a)
        return;
    const struct rules *r = s->rules;
    jsonw_karray(w, "accepted");
    for (size_t k = 0; k < a->n_entries; k++) {
        const struct accept_entry *e = &a->entries[k];
        const struct rules_item *it = &r->items[e->item];
        const struct score_item *si = &s->items[e->item];
        jsonw_object(w);
        jsonw_kstring(w, "item", it->id);
        jsonw_kstring(w, "text", it->text);
        jsonw_kstring(w, "stage", r->stages[it->stage].id);
        jsonw_kstring(w, "kind", item_kind_name(it->kind));
        jsonw_kratio(w, "answer", si->state == SCORED, si->answer_num, si->answer_den, 1);
        jsonw_kexact(w, "impact", si->state == SCORED, &si->impact_exact, 1);
        jsonw_kstring(w, "reason", e->reason);
        jsonw_kstring(w, "accepted_by", e->by);
        jsonw_kstring(w, "expires", e->expires);
        jsonw_kbool(w, "expired", si->accepted == SCORE_ACCEPT_EXPIRED);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

/* ---- CSV ---- */

/*
 * One row per acceptance, kind "accepted": the item's stage, id and text; state
 * "accepted" or "expired"; its answer and impact when scored; the reason as note, and
 * "accepted by WHO; expires DATE" as evidence.
 */
void accept_csv_assess(struct strbuf *out, const struct score *s,
                       void (*row_start)(const struct score *s, struct strbuf *out))
{
    const struct accept *a = s->accept;
    if (!a)
        return;
    const struct rules *r = s->rules;
    struct strbuf who = STRBUF_INIT;
    for (size_t k = 0; k < a->n_entries; k++) {
        const struct accept_entry *e = &a->entries[k];
        const struct rules_item *it = &r->items[e->item];
        strbuf_reset(&who);
        strbuf_addf(&who, "accepted by %s; expires %s", e->by, e->expires);
        struct plan_csv_row row = {.stage = r->stages[it->stage].id,
                                   .kind = "accepted",
                                   .item = it->id,
                                   .text = it->text,
                                   .state = accept_status_word(s, e->item),
                                   .note = e->reason,
                                   .evidence = strbuf_str(&who),
                                   .answer = &s->items[e->item]};
        plan_csv_row(out, s, row_start, &row);
    }
    strbuf_release(&who);
}

/* ---- compare ---- */

void accept_json_compare(struct jsonw *w, const struct compare *c)
{
    if (!c->after->accept)
        return;
    const struct rules *r = c->after->rules;
    jsonw_karray(w, "opened_accepted");
    for (size_t i = 0; i < r->n_items; i++) {
        const struct compare_item *ci = &c->items[i];
        if (!ci->opened_accepted)
            continue;
        jsonw_object(w);
        compare_json_item(w, r, i, ci);
        jsonw_kstring(w, "expires", c->after->items[i].acceptance->expires);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}
