/*
 * report_build.c - the assess report's sections built once, as a document (doc.h),
 * from the engine's results; doc_text.c, doc_markdown.c and doc_html.c write them.
 */
#include "report_build_internal.h"

#include <stdlib.h>

#include "answers.h"
#include "report.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

enum { MD_HTML = DOC_MARKDOWN | DOC_HTML };

void report_build_write(report_builder *build, const struct score *s, enum doc_format f,
                        struct strbuf *out, size_t width, bool color)
{
    struct doc d;
    doc_init(&d);
    build(&d, s);
    if (f == DOC_TEXT)
        doc_write_text(&d, out, width, color);
    else if (f == DOC_MARKDOWN)
        doc_write_markdown(&d, out);
    else
        doc_write_html(&d, out);
    doc_release(&d);
}

/*
 * Free text respondents wrote on the assessment as a whole, under the question it
 * answers; never with who wrote it, so a pooled report names nobody.
 */
void report_build_comments(struct doc *d, const struct score *s)
{
    size_t n;
    const struct answer_comment **v = report_sorted_comments(s, &n);
    struct doc_node *sec = NULL, *list = NULL;
    if (n) {
        sec = doc_section(d, d->root, 2, "comments");
        doc_span_only(doc_words(d, sec, "Comments"), MD_HTML);
        doc_span_only(doc_words(d, sec, "Comments (not scored; shown without names)"), DOC_TEXT);
        struct doc_node *lead = doc_only(doc_para(d, sec), MD_HTML);
        lead->tone = DOC_TONE_MUTED;
        doc_words(d, lead, "Free text respondents wrote, not scored and shown without names.");
    }
    for (size_t k = 0; k < n; k++) {
        if (report_comment_starts_group(v, k)) {
            struct doc_node *group = doc_section(d, sec, 3, NULL);
            if (v[k]->about) {
                doc_span_only(doc_words(d, group, "Asked: "), MD_HTML);
                doc_text(d, group, v[k]->about);
            } else {
                doc_words(d, group, "Other comments");
            }
            list = doc_list(d, group, false);
            list->bare_in_text = true;
        }
        struct doc_node *item = doc_item(d, list);
        doc_span_only(doc_words(d, item, "said: \""), DOC_TEXT);
        doc_span_only(doc_words(d, item, "A respondent: "), DOC_MARKDOWN);
        doc_text(d, item, v[k]->text);
        doc_span_only(doc_words(d, item, "\""), DOC_TEXT);
    }
    free(v);
}

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

/* The rules' caveat and how the model was built: what a reader weighs the scores by. */
void report_build_about(struct doc *d, const struct score *s)
{
    const struct rules *r = s->rules;
    const char *caveat = report_caveat(s);
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
    source_para(d, sec, r);
    doc_words(d, doc_only(doc_para(d, sec), DOC_HTML),
              "A score is the start of a conversation, not a measurement: it says how the "
              "people who answered see the service against this model.");
}

/* Stage st's suggestions while it has too few answers to rank them; markdown says them
   inline, the others as a list under the stage. */
static void unranked_suggestions(struct doc *d, struct doc_node *item, const struct score *s,
                                 size_t st)
{
    const struct rules *r = s->rules;
    struct doc_node *list = doc_only(doc_list(d, item, false), DOC_TEXT | DOC_HTML);
    const char *sep = "";
    for (size_t k = 0; k < s->n_suggestions; k++) {
        const struct score_suggestion *sg = &s->suggestions[k];
        if (sg->unranked != SCORE_UNRANKED_STAGE || r->items[sg->item].stage != st)
            continue;
        doc_text(d, doc_item(d, list), r->items[sg->item].text);
        doc_span_only(doc_words(d, item, sep), DOC_MARKDOWN);
        doc_span_only(doc_text(d, item, r->items[sg->item].text), DOC_MARKDOWN);
        sep = "; ";
    }
    doc_span_only(doc_words(d, item, *sep ? "." : "none."), DOC_MARKDOWN);
}

/*
 * "Find out first": the stages too thinly answered to score, with how many more answers
 * would score them and their suggestions (not ranked until then), and the suggestions
 * whose own answer nobody knew.
 */
void report_build_find_out(struct doc *d, const struct score *s)
{
    const struct rules *r = s->rules;
    if (!score_find_out_count(s))
        return;
    struct doc_node *sec = doc_section(d, d->root, 2, "find-out");
    doc_words(d, sec, "Find out first");
    doc_span_only(doc_words(d, sec, " (not ranked until more is known)"), DOC_TEXT);
    struct doc_node *lead = doc_only(doc_para(d, sec), MD_HTML);
    doc_words(d, lead, "Not ranked until more is known");
    doc_span_only(doc_words(d, lead, ":"), DOC_MARKDOWN);
    doc_span_only(doc_words(d, lead, "."), DOC_HTML);
    struct doc_node *list = doc_list(d, sec, false);
    list->bare_in_text = true;
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct score_stage *ss = &s->stages[st];
        if (ss->has_score || ss->not_applicable)
            continue;
        struct doc_node *item = doc_item(d, list);
        doc_span_only(doc_words(d, item, "Not scored yet: "), DOC_MARKDOWN);
        doc_strong(d, item, r->stages[st].title);
        doc_wordsf(d, item,
                   " has too few answers for a score (%zu of %zu answered); %zu more "
                   "answered would give it one. Its suggestions",
                   ss->answered, ss->answerable, ss->more_answers);
        doc_span_only(doc_words(d, item, ":"), DOC_TEXT | DOC_HTML);
        doc_span_only(doc_words(d, item, ", not ranked until then: "), DOC_MARKDOWN);
        unranked_suggestions(d, item, s, st);
    }
    struct doc_node *unknown = NULL;
    for (size_t k = 0; k < s->n_suggestions; k++) {
        const struct score_suggestion *sg = &s->suggestions[k];
        if (sg->unranked != SCORE_UNRANKED_UNKNOWN)
            continue;
        const struct rules_item *it = &r->items[sg->item];
        if (!unknown) {
            struct doc_node *head = doc_only(doc_item(d, list), DOC_TEXT | DOC_HTML);
            doc_words(d, head, "Nobody knew whether these have been acted on:");
            unknown = doc_list(d, head, false);
        }
        /* Markdown says each on a line of its own at the top of the list. */
        struct doc_node *items[2] = {doc_item(d, unknown),
                                     doc_only(doc_item(d, list), DOC_MARKDOWN)};
        doc_words(d, items[1], "Not known if acted on: ");
        for (size_t j = 0; j < 2; j++) {
            doc_text(d, items[j], it->text);
            doc_words(d, items[j], " (");
            doc_text(d, items[j], r->stages[it->stage].title);
            doc_words(d, items[j], ")");
        }
    }
}
