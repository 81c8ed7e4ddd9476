/*
 * report_accept.c - the "Accepted gaps" section (report_accept_internal.h) as text,
 * markdown, JSON and CSV, and the words every format shares.
 */
#include "report_accept_internal.h"

#include "accept.h"
#include "compare.h"
#include "doc.h"
#include "escape.h"
#include "jsonw.h"
#include "report.h"
#include "report_compare_internal.h"
#include "report_plan_internal.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

const char ACCEPT_LEAD[] =
    "Gaps accepted for now. Each still counts in its stage's score: the service is not "
    "ready there. Until it expires, it is left out of the actions to take, and adds no "
    "points to the suggestions that address it; once expired, it counts again as any "
    "other gap.";

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

/* "From the accept file FILE." (plain, for escaping). */
static void add_source(struct strbuf *out, const struct accept *a)
{
    strbuf_addf(out, "From %s.", a->file);
}

/* ---- text ---- */

void accept_text_assess(struct strbuf *out, const struct score *s, size_t width, bool color)
{
    const struct accept *a = s->accept;
    if (!a)
        return;
    const struct rules *r = s->rules;
    struct strbuf line = STRBUF_INIT;
    strbuf_adds(out, color ? "\n\033[1mAccepted gaps\033[0m\n" : "\nAccepted gaps\n");
    compare_text_para(out, "  ", 2, ACCEPT_LEAD, width);
    add_source(&line, a);
    compare_text_para(out, "  ", 2, strbuf_str(&line), width);
    for (size_t k = 0; k < a->n_entries; k++) {
        const struct accept_entry *e = &a->entries[k];
        strbuf_reset(&line);
        compare_item_name(&line, r, e->item);
        strbuf_adds(&line, ": answer ");
        plan_add_answer_now(&line, s, e->item);
        if (s->items[e->item].accepted == SCORE_ACCEPTED)
            strbuf_addf(&line, "; accepted until %s", e->expires);
        else
            strbuf_addf(&line, "; EXPIRED on %s, so it counts again as a gap", e->expires);
        compare_text_para(out, "  - ", 4, strbuf_str(&line), width);
        strbuf_reset(&line);
        strbuf_addf(&line, "accepted by %s: \"%s\"", e->by, e->reason);
        compare_text_para(out, "    ", 6, strbuf_str(&line), width);
    }
    if (!a->n_entries)
        strbuf_adds(out, "  none\n");
    strbuf_release(&line);
}

/* ---- markdown ---- */

static void md_cell(struct strbuf *out, const char *s)
{
    size_t before = out->len;
    doc_md_text(out, s);
    if (out->len == before)
        strbuf_adds(out, "—");
    strbuf_adds(out, " | ");
}

void accept_md_assess(struct strbuf *out, const struct score *s)
{
    const struct accept *a = s->accept;
    if (!a)
        return;
    const struct rules *r = s->rules;
    struct strbuf cell = STRBUF_INIT;
    strbuf_adds(out, "## Accepted gaps\n\n");
    strbuf_adds(out, ACCEPT_LEAD);
    strbuf_adds(out, " ");
    add_source(&cell, a);
    doc_md_text(out, strbuf_str(&cell));
    strbuf_adds(out, "\n\n");
    if (!a->n_entries) {
        strbuf_adds(out, "None.\n\n");
        strbuf_release(&cell);
        return;
    }
    strbuf_adds(out, "| Gap | Stage | Answer | Reason | Accepted by | Expires | Status |\n"
                     "| --- | --- | ---: | --- | --- | --- | --- |\n");
    for (size_t k = 0; k < a->n_entries; k++) {
        const struct accept_entry *e = &a->entries[k];
        const struct rules_item *it = &r->items[e->item];
        strbuf_adds(out, "| ");
        md_cell(out, it->text);
        md_cell(out, r->stages[it->stage].title);
        strbuf_reset(&cell);
        plan_add_answer_now(&cell, s, e->item);
        md_cell(out, strbuf_str(&cell));
        md_cell(out, e->reason);
        md_cell(out, e->by);
        md_cell(out, e->expires);
        strbuf_adds(out, accept_status_word(s, e->item));
        strbuf_adds(out, " |\n");
    }
    strbuf_addc(out, '\n');
    strbuf_release(&cell);
}

/* ---- JSON ---- */

void accept_json_assess(struct jsonw *w, const struct score *s)
{
    const struct accept *a = s->accept;
    if (!a)
        return;
    const struct rules *r = s->rules;
    jsonw_key(w, "accepted");
    jsonw_array(w);
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

static void csv_text(struct strbuf *out, const char *s)
{
    if (s)
        escape_csv(out, s);
    strbuf_addc(out, ',');
}

/*
 * One row per acceptance, kind "accepted": the item's stage, id and text; state
 * "accepted" or "expired"; its answer and impact when scored; the reason as note, and
 * "accepted by WHO; expires DATE" as evidence; the caveat last.
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
        const struct score_item *si = &s->items[e->item];
        row_start(s, out);
        csv_text(out, r->stages[it->stage].id);
        csv_text(out, "accepted");
        csv_text(out, it->id);
        csv_text(out, it->text);
        strbuf_addc(out, ','); /* level */
        csv_text(out, accept_status_word(s, e->item));
        if (si->state == SCORED) {
            report_add_ratio(out, si->answer_num, si->answer_den);
            strbuf_adds(out, ",,");
            report_add_exact(out, &si->impact_exact);
            strbuf_addc(out, ',');
        } else {
            strbuf_adds(out, ",,,");
        }
        /* weight, n, sd, disagreement, acted_on, band, stage_score */
        strbuf_adds(out, ",,,,,,,");
        csv_text(out, e->reason);
        strbuf_reset(&who);
        strbuf_addf(&who, "accepted by %s; expires %s", e->by, e->expires);
        csv_text(out, strbuf_str(&who));
        report_csv_row_end(out, s);
    }
    strbuf_release(&who);
}

/* ---- compare ---- */

void accept_json_compare(struct jsonw *w, const struct compare *c)
{
    if (!c->after->accept)
        return;
    const struct rules *r = c->after->rules;
    jsonw_key(w, "opened_accepted");
    jsonw_array(w);
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
