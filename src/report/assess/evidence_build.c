/*
 * evidence_build.c - "Evidence beside the ratings" (assess --evidence), built once as a
 * document (doc.h) from the engine's view (evidence_view.h): how many of each stage's
 * questions have evidence, where the ratings run ahead of the evidence and behind it,
 * and every rating beside its evidence. Its sentences exist here only; JSON and CSV
 * write the same view as data (report_evidence_data.c).
 */
#include "report_build_internal.h"

#include <inttypes.h>
#include <string.h>

#include "evidence.h"
#include "evidence_view.h"
#include "exact.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

/* An exact value with no more decimals than it has: "4.4", "71", "19.25". */
static void add_number(struct strbuf *sb, int64_t value)
{
    size_t at = sb->len;
    exact_format_ratio(sb, value, EXACT_SCALE, 3);
    while (sb->len > at && strchr(strbuf_str(sb) + at, '.') && sb->buf[sb->len - 1] == '0')
        sb->len--;
    if (sb->len > at && sb->buf[sb->len - 1] == '.')
        sb->len--;
    sb->buf[sb->len] = '\0';
}

void report_evidence_value(struct strbuf *sb, const struct evidence_indicator *ind, int64_t value)
{
    switch (ind->kind) {
    case EVIDENCE_PERCENTAGE:
        add_number(sb, value);
        strbuf_addc(sb, '%');
        return;
    case EVIDENCE_COUNT:
        strbuf_addf(sb, "%" PRId64 " of %" PRId64, value / EXACT_SCALE, ind->max / EXACT_SCALE);
        return;
    case EVIDENCE_RATING:
        add_number(sb, value);
        strbuf_adds(sb, " on a scale of ");
        add_number(sb, ind->min);
        strbuf_adds(sb, " to ");
        add_number(sb, ind->max);
        return;
    case EVIDENCE_CATEGORY:
        strbuf_adds(sb, ind->levels[value]);
        return;
    }
}

/* "staff 7.5 · Case-file audit 4.4 on 0.0 to 10.0 (2026-06-30, stale), 4.4 on the item's
   scale" */
static void pair_words(struct doc *d, struct doc_node *n, const struct evidence *e,
                       const struct evidence_pair *p)
{
    const struct evidence_indicator *ind = &e->indicators[p->indicator];
    struct strbuf sb = STRBUF_INIT;
    if (p->has_rating) {
        strbuf_adds(&sb, "staff ");
        strbuf_add_tenths(&sb, p->rating);
        doc_words(d, n, doc_take(d, &sb));
        doc_words(d, n, " \xC2\xB7 ");
    }
    doc_text(d, n, ind->title);
    report_evidence_value(&sb, ind, p->value->value);
    doc_words(d, n, " ");
    doc_text(d, n, doc_take(d, &sb));
    doc_words(d, n, " (");
    doc_text(d, n, p->value->date);
    if (p->stale)
        doc_words(d, n, ", stale");
    doc_words(d, n, ")");
}

static void verdict_list(struct doc *d, struct doc_node *sec, const struct score *s,
                         const struct evidence *e, const struct evidence_view *v,
                         enum evidence_verdict which)
{
    struct doc_node *sub = doc_section(d, sec, 3, NULL);
    doc_words(d, sub,
              which == EVIDENCE_RATING_AHEAD ? "Where the ratings run ahead of the evidence"
                                             : "Where the evidence runs ahead of the ratings");
    size_t n = 0;
    struct doc_node *list = doc_list(d, sub, false);
    for (size_t k = 0; k < v->n_pairs; k++) {
        const struct evidence_pair *p = &v->pairs[k];
        if (p->verdict != which)
            continue;
        struct doc_node *it = doc_item(d, list);
        report_item_text(d, it, &s->rules->items[p->item]);
        doc_words(d, it, ": ");
        pair_words(d, it, e, p);
        struct strbuf sb = STRBUF_INIT;
        strbuf_adds(&sb, ": the rating is ");
        strbuf_add_tenths(&sb, p->gap < 0 ? -p->gap : p->gap);
        strbuf_adds(&sb, which == EVIDENCE_RATING_AHEAD ? " points above the evidence"
                                                        : " points below the evidence");
        strbuf_adds(&sb, ", on the item's scale.");
        doc_words(d, it, doc_take(d, &sb));
        n++;
    }
    if (n == 0)
        doc_words(d, doc_para(d, sub), "None.");
}

static void coverage(struct doc *d, struct doc_node *sec, const struct rules *r,
                     const struct evidence_view *v)
{
    struct doc_node *p = doc_para(d, sec);
    doc_label(d, p, "Questions with evidence:");
    for (size_t st = 0; st < r->n_stages; st++) {
        doc_words(d, p, st ? "; " : " ");
        doc_text(d, p, r->stages[st].title);
        doc_wordsf(d, p, " %zu of %zu", v->evidenced[st], v->questions[st]);
    }
    doc_words(d, p, ".");
}

static void pairs_table(struct doc *d, struct doc_node *sec, const struct score *s,
                        const struct evidence *e, const struct evidence_view *v)
{
    static const char *const heads[] = {"Item", "Staff", "Evidence", "On the item's scale",
                                        "Compared"};
    struct doc_node *t = doc_table(d, sec, 5);
    doc_words(d, t, "Every rating beside its evidence");
    struct doc_node *hr = doc_row(d, t);
    for (size_t k = 0; k < 5; k++)
        doc_words(d, doc_cell(d, hr, true), heads[k]);
    doc_table_align(t, 1, DOC_ALIGN_RIGHT);
    doc_table_align(t, 3, DOC_ALIGN_RIGHT);
    struct strbuf sb = STRBUF_INIT;
    for (size_t k = 0; k < v->n_pairs; k++) {
        const struct evidence_pair *p = &v->pairs[k];
        struct doc_node *row = doc_row(d, t);
        report_item_head(d, row, &s->rules->items[p->item]);
        if (p->has_rating)
            strbuf_add_tenths(&sb, p->rating);
        doc_words_cell(d, row, p->has_rating ? doc_take(d, &sb) : NULL);
        struct doc_node *c = doc_cell(d, row, false);
        if (p->value) {
            struct evidence_pair shown = *p;
            shown.has_rating = false;
            pair_words(d, c, e, &shown);
            strbuf_add_tenths(&sb, p->on_scale);
        } else {
            doc_text(d, c, e->indicators[p->indicator].title);
            doc_words(d, c, ": no value by the assessment's date");
        }
        doc_words_cell(d, row, p->value ? doc_take(d, &sb) : NULL);
        doc_words_cell(d, row, evidence_verdict_name(p->verdict));
    }
    strbuf_release(&sb);
}

void evidence_build_assess(struct doc *d, const struct score *s, const struct evidence *e,
                           const struct evidence_view *v, const char *heading)
{
    struct doc_node *sec = doc_section(d, d->root, 2, heading ? "evidence-beside" : "evidence");
    doc_words(d, sec, heading ? heading : REPORT_EVIDENCE_TITLE);
    struct doc_node *p = doc_para(d, sec);
    doc_wordsf(d, p, "How do we know? The evidence file holds %zu indicator%s", e->n_indicators,
               e->n_indicators == 1 ? "" : "s");
    if (e->organisation) {
        doc_words(d, p, " of ");
        doc_text(d, p, e->organisation);
    }
    doc_words(d, p,
              ". Evidence never changes a score: the scores are the self-assessment the "
              "model's table describes. Which items an indicator bears on is the evidence "
              "file's judgement, not the model's source's.");
    coverage(d, sec, s->rules, v);
    verdict_list(d, sec, s, e, v, EVIDENCE_RATING_AHEAD);
    verdict_list(d, sec, s, e, v, EVIDENCE_RATING_BEHIND);
    if (v->n_pairs)
        pairs_table(d, sec, s, e, v);
    p = doc_para(d, sec);
    p->tone = DOC_TONE_MUTED;
    doc_wordsf(d, p,
               "The rule: each indicator's latest value by the assessment's date (stale when "
               "over %d days older), and the rating, each as a share of its own scale in its "
               "better direction; one runs ahead of the other by more than a fifth of the "
               "scale. See docs/evidence.md.",
               EVIDENCE_STALE_DAYS);
}
