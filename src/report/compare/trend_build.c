/*
 * trend_build.c - "stagegap trend"'s sections built once, as a document (doc.h), from
 * the trend (compare.h); doc_text.c, doc_markdown.c and doc_html.c write them. The
 * words of time in stage are report_trend_time.c's, which JSON and CSV share.
 */
#include "compare_build_internal.h"

#include "breakdown.h"
#include "compare.h"
#include "report.h"
#include "report_build_internal.h"
#include "report_compare_internal.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

void trend_build_time(struct doc *d, const struct trend *t, const char *chart)
{
    const struct rules *r = t->points[0]->rules;
    struct doc_node *sec = doc_section(d, d->root, 2, "time");
    doc_words(d, sec, "Time in stage");
    doc_span_only(doc_words(d, sec,
                            " (a stage is the focus from each assessment at which it is the "
                            "focus to the next; the latest adds no days)"),
                  DOC_TEXT);
    doc_words(d, doc_only(doc_para(d, sec), DOC_MARKDOWN | DOC_HTML),
              "How long each stage has been the focus, counted from each assessment at which it "
              "was the focus to the next (the latest adds no days, since nothing later is "
              "known), and when it was first assessed in each band.");
    if (chart)
        doc_drawn(d, sec, chart);
    struct doc_figure *f = doc_figure(d, sec, DOC_FIGURE_TIMELINE, r->n_stages, r->n_bands)->figure;
    f->title = "Time in stage";
    f->aside = "the focus: assessments and days; then the date each stage was first assessed "
               "in each band";
    for (size_t b = 0; b < r->n_bands; b++)
        f->cols[b] = doc_strdup(d, r->bands[b].title);
    struct strbuf sb = STRBUF_INIT;
    for (size_t st = 0; st < r->n_stages; st++) {
        f->rows[st] = doc_strdup(d, r->stages[st].title);
        trend_time_focus_words(&sb, t, st);
        f->row_words[st] = doc_take(d, &sb);
        trend_time_sentence(&sb, t, st);
        f->row_lines[st] = doc_take(d, &sb);
        for (size_t b = 0; b < r->n_bands; b++) {
            size_t k = t->times[st].first_in_band[b];
            struct doc_heat_cell *cell = &f->cells[st * r->n_bands + b];
            if (b == 0) {
                trend_time_top_words(&sb, t, st);
                cell->shown = doc_take(d, &sb);
            } else if (k != TREND_NEVER) {
                cell->shown = doc_strdup(d, t->points[k]->assessment->date);
            }
        }
    }
    strbuf_release(&sb);
}

/* Breakdown row g's stage st at point k, or (whole) the whole assessment's. */
static void set_point(struct doc *d, struct doc_heat_cell *c, const struct score *s, bool whole,
                      size_t g, size_t st)
{
    const struct score_group *row = whole ? NULL : &s->breakdown.groups[g];
    c->has = whole ? s->stages[st].has_score : row->has_score[st];
    if (!c->has)
        return;
    c->value = whole ? s->stages[st].score : row->scores[st];
    struct strbuf sb = STRBUF_INIT;
    report_add_exact(&sb, whole ? &s->stages[st].score_exact : &row->scores_exact[st]);
    c->shown = doc_strdup(d, strbuf_str(&sb));
    strbuf_release(&sb);
}

/* The scores of n_rows groups (whole: the one whole assessment) at every point. */
static struct doc_figure *series(struct doc *d, struct doc_node *parent, const struct trend *t,
                                 size_t n_rows, bool whole)
{
    const struct rules *r = t->points[0]->rules;
    struct doc_figure *f = doc_series(d, parent, n_rows, r->n_stages, t->n)->figure;
    for (size_t k = 0; k < t->n; k++)
        f->points[k] = doc_strdup(d, t->points[k]->assessment->date);
    for (size_t st = 0; st < r->n_stages; st++)
        f->cols[st] = doc_strdup(d, r->stages[st].title);
    for (size_t g = 0; g < n_rows; g++)
        for (size_t st = 0; st < r->n_stages; st++)
            for (size_t k = 0; k < t->n; k++)
                set_point(d, &f->series[(g * r->n_stages + st) * t->n + k], t->points[k], whole, g,
                          st);
    return f;
}

void trend_build_scores(struct doc *d, const struct trend *t, const char *chart)
{
    const struct rules *r = t->points[0]->rules;
    struct doc_node *sec = doc_section(d, d->root, 2, "trend");
    doc_span_only(doc_words(d, sec, "Stage scores over time"), DOC_HTML);
    sec->bare_in_text = true;
    if (chart)
        doc_drawn(d, sec, chart);
    struct doc_figure *f = series(d, sec, t, 1, true);
    struct strbuf sb = STRBUF_INIT;
    for (size_t k = 0; k < t->n; k++) {
        const struct score *s = t->points[k];
        f->point_orgs[k] = doc_strdup(d, s->assessment->organisation);
        f->point_counts[k] = s->assessment->respondents;
        strbuf_reset(&sb);
        report_focus_words(&sb, s);
        f->point_focus[k] = doc_strdup(d, strbuf_str(&sb));
        for (size_t st = 0; st < r->n_stages; st++)
            f->series_bands[st * t->n + k] = doc_strdup(d, score_band_title(s, st));
    }
    strbuf_release(&sb);
}

void trend_build_groups(struct doc *d, const struct trend *t)
{
    const struct score_breakdown *b = &t->points[0]->breakdown;
    if (b->state == BREAKDOWN_OFF)
        return;
    struct strbuf sb = STRBUF_INIT;
    report_breakdown_title(&sb, b);
    struct doc_node *sec = doc_section(d, d->root, 2, "groups");
    doc_text(d, sec, doc_take(d, &sb));
    if (b->n_groups) {
        doc_span_only(
            doc_words(d, sec, " (respondents, then each stage's score at each assessment)"),
            DOC_TEXT);
        doc_words(d, doc_only(doc_para(d, sec), DOC_MARKDOWN),
                  "Each group's respondents and stage scores at each assessment.");
        struct doc_figure *f = series(d, sec, t, b->n_groups, false);
        for (size_t g = 0; g < b->n_groups; g++) {
            report_group_name(&sb, b, &b->groups[g]);
            f->rows[g] = doc_take(d, &sb);
            for (size_t k = 0; k < t->n; k++)
                f->point_counts[g * t->n + k] = t->points[k]->breakdown.groups[g].respondents;
        }
    }
    strbuf_release(&sb);
    compare_build_breakdown_note(d, sec, b);
}

void trend_write_sections(const struct trend *t, enum doc_format f, struct strbuf *out,
                          size_t width)
{
    struct doc d;
    doc_init(&d);
    trend_build_scores(&d, t, NULL);
    trend_build_time(&d, t, NULL);
    trend_build_groups(&d, t);
    trend_build_evidence(&d, t, NULL);
    compare_build_model_change(&d, t->model_change, t->points[0]->rules);
    doc_write(&d, f, out, width, false);
}
