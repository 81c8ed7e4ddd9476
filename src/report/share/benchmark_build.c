/*
 * benchmark_build.c - "stagegap benchmark"'s sections built once, as a document
 * (doc.h), from the engine's figures (benchmark.h); doc_text.c, doc_markdown.c and
 * doc_html.c write them. Its sentences exist here only.
 */
#include "benchmark_internal.h"

#include <inttypes.h>

#include "benchmark.h"
#include "doc.h"
#include "report_build_internal.h"
#include "rules.h"
#include "share.h"
#include "strbuf.h"

void benchmark_add_tenths(struct strbuf *sb, int64_t tenths)
{
    uint64_t v = tenths < 0 ? (uint64_t)0 - (uint64_t)tenths : (uint64_t)tenths;
    strbuf_addf(sb, "%s%" PRIu64 ".%" PRIu64, tenths < 0 ? "-" : "", v / 10, v % 10);
}

void benchmark_title(struct strbuf *sb, const struct benchmark *b)
{
    if (b->self)
        strbuf_addf(sb, "Benchmark: %s among %zu authorities", b->self->organisation,
                    b->authorities);
    else
        strbuf_addf(sb, "Network benchmark: %zu authorities", b->authorities);
}

static const char *tenths(struct doc *d, int64_t v)
{
    struct strbuf sb = STRBUF_INIT;
    benchmark_add_tenths(&sb, v);
    return doc_take(d, &sb);
}

/* ---- the title block ---- */

static void header(struct doc *d, const struct benchmark *b)
{
    const struct rules *r = b->rules;
    struct doc_node *h = doc_section(d, d->root, 1, NULL);
    struct strbuf sb = STRBUF_INIT;
    benchmark_title(&sb, b);
    doc_text(d, h, doc_take(d, &sb));
    struct doc_node *p = doc_para(d, h);
    if (b->self) {
        doc_words(d, p, "Ours: ");
        doc_text(d, p, b->self->organisation);
        doc_words(d, p, ", dated ");
        doc_text(d, p, b->self->date);
        doc_words(d, p, ". ");
    }
    doc_wordsf(d, p, "The network: the latest share of each of %zu authorities", b->authorities);
    if (b->as_of) {
        doc_words(d, p, " dated on or before ");
        doc_text(d, p, b->as_of);
    }
    doc_words(d, p,
              b->self ? ", ours among them. No authority but ours is named."
                      : ". No authority is named.");
    p = doc_para(d, h);
    doc_words(d, p, "Model: ");
    doc_text(d, p, r->title);
    doc_words(d, p, " ");
    doc_text(d, p, r->version);
    doc_words(d, p, " (");
    doc_text(d, p, r->id);
    strbuf_addf(&sb, ", SHA-256 %.12s).", r->model_sha256);
    doc_text(d, p, doc_take(d, &sb));
    if (b->n_models > 1) {
        p = doc_para(d, h);
        p->style = "threshold";
        doc_wordsf(d, p,
                   "Compared across %zu models (--allow-model-change): a score can move with "
                   "the model as well as with practice; see How these figures are made.",
                   b->n_models);
    }
    p = doc_para(d, h);
    p->style = "pointer";
    doc_words(d, p,
              "Read the figures with How these figures are made and About the evidence, at "
              "the end.");
}

/* ---- where we stand: each stage and the whole ---- */

static void mark_cell(struct doc *d, struct doc_node *row, const struct benchmark_mark *m)
{
    struct doc_node *c = doc_cell(d, row, false);
    if (m->shown)
        doc_words(d, c, tenths(d, m->tenths));
    else if (m->withheld)
        doc_words(d, c, "withheld");
    else
        doc_none(d, c);
}

static void figure_row(struct doc *d, struct doc_node *t, const struct benchmark *b,
                       const char *title, const struct benchmark_figure *f)
{
    struct doc_node *row = doc_row(d, t);
    doc_text(d, doc_cell(d, row, true), title);
    if (b->self)
        doc_words_cell(d, row, f->has_ours ? tenths(d, f->ours) : NULL);
    if (f->enough) {
        mark_cell(d, row, &f->lower);
        mark_cell(d, row, &f->median);
        mark_cell(d, row, &f->upper);
    } else {
        for (int k = 0; k < 3; k++)
            doc_words_cell(d, row, "too few");
    }
    doc_wordsf(d, doc_cell(d, row, false), "%zu", f->authorities);
    if (b->self)
        doc_words_cell(d, row, benchmark_position_words(f->position));
}

static struct doc_node *stand_table(struct doc *d, struct doc_node *sec, const struct benchmark *b)
{
    static const char *const heads[] = {"Stage",         "Ours",        "Lower quarter", "Median",
                                        "Upper quarter", "Authorities", "Where we stand"};
    size_t cols = b->self ? 7 : 5;
    struct doc_node *t = doc_table(d, sec, cols);
    doc_words(d, t, "Stage scores out of 100 across the network");
    struct doc_node *hr = doc_row(d, t);
    for (size_t k = 0; k < 7; k++)
        if (b->self || (k != 1 && k != 6))
            doc_words(d, doc_cell(d, hr, true), heads[k]);
    for (size_t k = 1; k < cols - (b->self ? 1 : 0); k++)
        doc_table_align(t, k, DOC_ALIGN_RIGHT);
    const struct rules *r = b->rules;
    for (size_t st = 0; st < r->n_stages; st++)
        figure_row(d, t, b, r->stages[st].title, &b->stages[st]);
    figure_row(d, t, b, "All stages", &b->whole);
    return t;
}

/* "Launch: ours 52.9, in the middle half of 9 authorities; the network's median 50.2." */
static void stand_words(struct doc *d, struct doc_node *list, const struct benchmark *b,
                        const char *title, const struct benchmark_figure *f)
{
    struct doc_node *it = doc_item(d, list);
    doc_text(d, it, title);
    if (!f->enough) {
        doc_wordsf(d, it, ": %zu authorities carry a score, too few to compare (%d needed).",
                   f->authorities, BENCHMARK_MIN_AUTHORITIES);
        return;
    }
    if (b->self && f->has_ours)
        doc_wordsf(d, it, ": ours %s, %s of %zu authorities. ", tenths(d, f->ours),
                   benchmark_position_words(f->position), f->authorities);
    else if (b->self)
        doc_wordsf(d, it, ": we have no score; %zu authorities have one. ", f->authorities);
    else
        doc_wordsf(d, it, ": %zu authorities. ", f->authorities);
    if (f->median.shown)
        doc_wordsf(d, it, "The network's median %s", tenths(d, f->median.tenths));
    else
        doc_words(d, it, "The network's median is withheld (it would equal one authority's)");
    if (f->lower.shown && f->upper.shown)
        doc_wordsf(d, it, "; its middle half from %s to %s", tenths(d, f->lower.tenths),
                   tenths(d, f->upper.tenths));
    doc_words(d, it, ".");
}

static void stand(struct doc *d, const struct benchmark *b, const char *chart)
{
    struct doc_node *sec = doc_section(d, d->root, 2, "stand");
    doc_words(d, sec, b->self ? "Where we stand" : "The network");
    doc_words(d, doc_para(d, sec),
              b->self ? "Each stage's score beside the network's: its median and the marks of "
                        "its lower and upper quarters, and where ours ranks among them. All "
                        "stages is an authority's mean of its stage scores."
                      : "Each stage's score across the network: its median and the marks of its "
                        "lower and upper quarters. All stages is an authority's mean of its "
                        "stage scores.");
    if (chart)
        doc_drawn(d, sec, chart);
    /* a table where there are columns to read down; in text, a sentence a stage */
    doc_only(stand_table(d, sec, b), DOC_MARKDOWN | DOC_HTML);
    struct doc_node *list = doc_only(doc_list(d, sec, false), DOC_TEXT);
    const struct rules *r = b->rules;
    for (size_t st = 0; st < r->n_stages; st++)
        stand_words(d, list, b, r->stages[st].title, &b->stages[st]);
    stand_words(d, list, b, "All stages", &b->whole);
}

/* ---- items ---- */

static void item_table(struct doc *d, struct doc_node *sec, const struct benchmark *b,
                       const struct benchmark_item *its, size_t n, bool behind)
{
    if (n == 0) {
        doc_words(d, doc_para(d, sec), "None.");
        return;
    }
    const struct rules *r = b->rules;
    struct doc_node *t = doc_table(d, sec, b->self ? 5 : 3);
    doc_words(d, t,
              b->self ? (behind ? "Items furthest behind, on the model's scale"
                                : "Items furthest ahead, on the model's scale")
                      : (behind ? "Items where the network is weakest, on the model's scale"
                                : "Items where the network is strongest, on the model's scale"));
    struct doc_node *hr = doc_row(d, t);
    doc_words(d, doc_cell(d, hr, true), "Item");
    doc_words(d, doc_cell(d, hr, true), "Stage");
    if (b->self) {
        doc_words(d, doc_cell(d, hr, true), "Ours");
        doc_words(d, doc_cell(d, hr, true), "Network median");
        doc_words(d, doc_cell(d, hr, true), behind ? "Behind" : "Ahead");
    } else {
        doc_words(d, doc_cell(d, hr, true), "Network median");
    }
    for (size_t k = 2; k < (b->self ? 5u : 3u); k++)
        doc_table_align(t, k, DOC_ALIGN_RIGHT);
    for (size_t k = 0; k < n; k++) {
        const struct benchmark_item *it = &its[k];
        const struct rules_item *ri = &r->items[it->item];
        struct doc_node *row = doc_row(d, t);
        report_item_head(d, row, ri);
        doc_text_cell(d, row, r->stages[ri->stage].title);
        if (b->self)
            doc_words_cell(d, row, tenths(d, it->fig.ours));
        doc_words_cell(d, row, tenths(d, it->fig.median.tenths));
        if (b->self)
            doc_words_cell(d, row, tenths(d, it->ahead < 0 ? -it->ahead : it->ahead));
    }
}

static void items(struct doc *d, const struct benchmark *b)
{
    for (int k = 0; k < 2; k++) {
        bool behind = k == 0;
        struct doc_node *sec = doc_section(d, d->root, 2, behind ? "behind" : "ahead");
        if (b->self)
            doc_words(d, sec, behind ? "Where others find it easier" : "Where we are ahead");
        else
            doc_words(d, sec,
                      behind ? "What the network finds hardest" : "What the network finds easiest");
        struct doc_node *p = doc_para(d, sec);
        doc_wordsf(d, p,
                   "Of the %zu questions every share carries a mean for (each from enough "
                   "answers in its own authority), ",
                   b->items_compared);
        if (b->self)
            doc_words(d, p,
                      behind ? "those where we are furthest behind the network's median"
                             : "those where we are furthest ahead of the network's median");
        else
            doc_words(d, p,
                      behind ? "those where the network's median is weakest"
                             : "those where the network's median is strongest");
        doc_wordsf(d, p,
                   ", at most %d. A barrier is answered how much it holds a service back, "
                   "so on a barrier a higher answer is the weaker.",
                   BENCHMARK_ITEMS_SHOWN);
        item_table(d, sec, b, behind ? b->behind : b->ahead, behind ? b->n_behind : b->n_ahead,
                   behind);
    }
}

/* ---- over time ---- */

static void point_cell(struct doc *d, struct doc_node *row, const struct benchmark_point *p,
                       const struct benchmark_figure *f)
{
    if (p->authorities < BENCHMARK_MIN_AUTHORITIES || !f->has_ours) {
        doc_words_cell(d, row, NULL);
        return;
    }
    struct doc_node *c = doc_cell(d, row, false);
    doc_wordsf(d, c, "%s, %s", tenths(d, f->ours), benchmark_position_words(f->position));
}

static void moved(struct doc *d, const struct benchmark *b)
{
    if (b->n_points < 2)
        return;
    const struct rules *r = b->rules;
    struct doc_node *sec = doc_section(d, d->root, 2, "moved");
    doc_words(d, sec, "How our position moved");
    doc_words(d, doc_para(d, sec),
              "At each of our shares' dates, our score and where it ranked among the latest "
              "share of each authority then. Only our own figures are shown for earlier dates: "
              "the network's figures of two dates could be subtracted to find an authority "
              "that joined or moved between them. A date with fewer than 5 authorities has no "
              "position.");
    struct doc_node *t = doc_table(d, sec, r->n_stages + 3);
    doc_words(d, t, "Our score and position at each of our dates");
    struct doc_node *hr = doc_row(d, t);
    doc_words(d, doc_cell(d, hr, true), "Date");
    doc_words(d, doc_cell(d, hr, true), "Authorities");
    for (size_t st = 0; st < r->n_stages; st++)
        doc_text(d, doc_cell(d, hr, true), r->stages[st].title);
    doc_words(d, doc_cell(d, hr, true), "All stages");
    doc_table_align(t, 1, DOC_ALIGN_RIGHT);
    for (size_t k = 0; k < b->n_points; k++) {
        const struct benchmark_point *p = &b->points[k];
        struct doc_node *row = doc_row(d, t);
        doc_text(d, doc_cell(d, row, true), p->date);
        doc_wordsf(d, doc_cell(d, row, false), "%zu", p->authorities);
        for (size_t st = 0; st < r->n_stages; st++)
            point_cell(d, row, p, &p->stages[st]);
        point_cell(d, row, p, &p->whole);
    }
}

/* ---- how the figures are made ---- */

static void method(struct doc *d, const struct benchmark *b)
{
    struct doc_node *sec = doc_section(d, d->root, 2, "method");
    doc_words(d, sec, "How these figures are made");
    struct doc_node *list = doc_list(d, sec, false);
    doc_wordsf(d, doc_item(d, list),
               "No figure rests on fewer than %d authorities, and no authority is named but "
               "the reader's own: a figure of fewer could be one authority's.",
               BENCHMARK_MIN_AUTHORITIES);
    doc_words(d, doc_item(d, list),
              "No figure is one authority's value. The median is the mean of the middle three "
              "authorities' values (of the middle four, when their number is even); the lower "
              "and upper quarter marks are the means of the three ranked nearest each quarter "
              "that lie wholly below or wholly above the median's three or four, so they are "
              "shown from 9 authorities. No two figures of one measure share an authority, so "
              "an authority that knows its own value cannot work out another's from them.");
    doc_words(d, doc_item(d, list),
              "Each figure is worked out exactly and rounded once to one decimal; one that "
              "would still equal some authority's value is withheld.");
    if (b->self)
        doc_words(d, doc_item(d, list),
                  "Where we stand is our rank: in the top quarter when we and those above us "
                  "make up no more than a quarter of the authorities, in the bottom quarter when "
                  "we and those below us do, level with most when both hold (ties), else in the "
                  "middle half.");
    doc_words(d, doc_item(d, list),
              "Each authority counts once, by its latest share (or its latest dated on or "
              "before --as-of); an authority is known by the organisation its shares name.");
    if (b->n_models > 1) {
        struct doc_node *it = doc_item(d, list);
        doc_words(d, it, "The shares name more than one model: ");
        for (size_t m = 0; m < b->n_models; m++) {
            const struct benchmark_model *bm = &b->models[m];
            doc_words(d, it, m ? "; " : "");
            doc_text(d, it, bm->id);
            doc_words(d, it, " ");
            doc_text(d, it, bm->version);
            doc_wordsf(d, it, " (%zu authorit%s)", bm->authorities,
                       bm->authorities == 1 ? "y" : "ies");
        }
        doc_words(d, it,
                  ". Stages and questions are matched by id; a question one model does "
                  "not have is left out.");
    }
}

void benchmark_build(struct doc *d, const struct benchmark *b, const char *chart)
{
    header(d, b);
    stand(d, b, chart);
    items(d, b);
    moved(d, b);
    method(d, b);
    report_build_about_model(d, b->rules);
}
