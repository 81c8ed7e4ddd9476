/*
 * about_build.c - "About the evidence", built once (doc.h): the source's caveat, how the
 * model was built, and the source as the page cites it. The assess report ends with it
 * (report_build.c), and so do the compare and trend pages (html_about_section); it sits
 * below both and calls neither.
 */
#include "report_build_internal.h"

#include "report.h"
#include "rules.h"
#include "score.h"

/* "Source: title, publisher, year. address", the model's source as the page cites it. */
static void source_para(struct doc *d, struct doc_node *sec, const struct rules *r)
{
    if (!r->source.title)
        return;
    struct doc_node *p = doc_only(doc_para(d, sec), DOC_HTML);
    doc_label(d, p, "Source:");
    doc_words(d, p, " ");
    doc_text(d, p, r->source.title);
    if (r->source.publisher) {
        doc_words(d, p, ", ");
        doc_text(d, p, r->source.publisher);
    }
    if (r->source.year)
        doc_wordsf(d, p, ", %ld", r->source.year);
    if (r->source.url) {
        doc_words(d, p, ". ");
        doc_ref(d, p, r->source.url);
    }
}

/* Under an overlay that adds items: whose they are, since the judgement statement above
   speaks for the base model's. */
static void added_para(struct doc *d, struct doc_node *sec, const struct rules *r)
{
    size_t added = 0;
    for (size_t i = 0; i < r->n_items; i++)
        added += r->items[i].origin == ORIGIN_ADDED;
    if (!added || !r->base)
        return;
    struct doc_node *p = doc_para(d, sec);
    doc_label(d, p, "Added locally:");
    doc_wordsf(d, p, " %zu %s, marked \"added locally\" wherever %s, %s the overlay's own (", added,
               added == 1 ? "item" : "items", added == 1 ? "it appears" : "they appear",
               added == 1 ? "is" : "are");
    doc_text(d, p, r->id);
    doc_words(d, p, "), not from ");
    doc_text(d, p, r->base->id);
    doc_words(d, p, " or its source: the judgement above does not speak for them.");
}

void report_build_evidence_pointer(struct doc *d, struct doc_node *parent)
{
    struct doc_node *p = doc_para(d, parent);
    p->style = "pointer";
    doc_words(d, p, "Read the scores with ");
    doc_span_only(doc_words(d, p, "About the evidence"), DOC_TEXT);
    doc_span_only(doc_link(d, p, "About the evidence", "#about-the-evidence"), DOC_MARKDOWN);
    doc_span_only(doc_link(d, p, "About the evidence", "#about"), DOC_HTML);
    doc_words(d, p,
              ", at the end: the source's caveat on its evidence, and what in the model "
              "is its author's judgement.");
}

/* The rules' caveat and how the model was built: what a reader weighs the scores by. */
void report_build_about(struct doc *d, const struct score *s)
{
    report_build_about_model(d, s->rules);
}

void report_build_about_model(struct doc *d, const struct rules *r)
{
    const char *caveat = r->source.note;
    struct doc_node *sec = doc_section(d, d->root, 2, "about");
    doc_words(d, sec, "About the evidence");
    if (caveat) {
        struct doc_node *p = doc_para(d, sec);
        doc_label(d, p, REPORT_CAVEAT_LABEL);
        doc_words(d, p, " ");
        doc_text(d, p, caveat);
    }
    if (r->source.judgement) {
        /* What the model's author decided, not the source, said beside the source's caveat. */
        struct doc_node *p = doc_para(d, sec);
        doc_label(d, p, "How the model was built:");
        doc_words(d, p, " ");
        doc_text(d, p, r->source.judgement);
    }
    added_para(d, sec, r);
    source_para(d, sec, r);
    doc_words(d, doc_only(doc_para(d, sec), DOC_HTML),
              "A score is the start of a conversation, not a measurement: it says how the "
              "people who answered see the service against this model.");
}
