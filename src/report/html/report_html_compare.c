/*
 * report_html_compare.c - a comparison of two assessments and a trend of many, each as
 * one self-contained HTML5 page. What every page shares, and the rules it keeps, are in
 * report_html_page.c.
 */
#include "report_html_internal.h"
#include "doc.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "answers.h"
#include "compare.h"
#include "evidence.h"
#include "evidence_view.h"
#include "compare_build_internal.h"
#include "report_build_internal.h"
#include "report_compare_internal.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"
#include "text.h"

/* ---- compare ---- */

/* The page's title block: the heading (title, then org when not NULL), the details
   (first, if any, then the model's) and the threshold line, as assess's page has it. */
static void page_header(struct strbuf *out, const char *title, const char *org,
                        void (*first)(struct doc *, struct doc_node *, const void *),
                        const void *arg, const struct score *const *points, size_t n, bool shares)
{
    struct doc d;
    doc_init(&d);
    struct doc_node *h = doc_section(&d, d.root, 1, NULL), *terms = doc_terms(&d, h);
    doc_words(&d, h, title);
    if (org) {
        doc_words(&d, h, ": ");
        doc_text(&d, h, org);
    }
    terms->style = "meta";
    first(&d, terms, arg);
    report_build_model_terms(&d, terms, points[0]->rules);
    struct strbuf line = STRBUF_INIT;
    compare_threshold_line(&line, points, n, shares);
    if (line.len) {
        struct doc_node *p = doc_para(&d, h);
        p->style = "threshold";
        doc_text(&d, p, strbuf_str(&line));
    }
    strbuf_reset(&line);
    compare_participation_line(&line, points, n);
    if (line.len) {
        struct doc_node *p = doc_para(&d, h);
        p->style = "participation";
        doc_text(&d, p, strbuf_str(&line));
    }
    strbuf_release(&line);
    report_build_evidence_pointer(&d, h);
    doc_write(&d, DOC_HTML, out, 0, false);
}

static struct doc_node *term(struct doc *d, struct doc_node *terms, const char *name)
{
    struct doc_node *item = doc_item(d, terms);
    doc_label(d, item, name);
    return item;
}

/* "Before" and "After": each assessment's date, respondents and organisation. */
static void compare_terms(struct doc *d, struct doc_node *terms, const void *arg)
{
    const struct compare *c = arg;
    struct strbuf line = STRBUF_INIT;
    for (int k = 0; k < 2; k++) {
        strbuf_reset(&line);
        compare_assessment_words(&line, (k ? c->after : c->before)->assessment);
        doc_text(d, term(d, terms, k ? "After" : "Before"), strbuf_str(&line));
    }
    strbuf_release(&line);
}

static void compare_chart(struct page *p, const struct compare *c)
{
    struct strbuf *out = p->out;
    const struct rules *r = c->before->rules;
    struct html_bands bands;
    html_bands_init(&bands, r);
    const double row = 72, top = doc_html_bands_header(&bands.svg),
                 bottom = top + row * (double)r->n_stages;
    struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
    strbuf_adds(&title, "Stage scores before (");
    doc_html_text(&title, c->before->assessment->date);
    strbuf_adds(&title, ") and after (");
    doc_html_text(&title, c->after->assessment->date);
    strbuf_adds(&title, "), out of 100");
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct compare_stage *cs = &c->stages[st];
        doc_html_text(&desc, r->stages[st].title);
        strbuf_adds(&desc, ": before ");
        html_shown(&desc, cs->has_before, cs->before);
        strbuf_adds(&desc, ", after ");
        html_shown(&desc, cs->has_after, cs->after);
        if (cs->has_before && cs->has_after) {
            strbuf_adds(&desc, ", a change of ");
            html_delta(&desc, cs->delta);
        }
        strbuf_adds(&desc, cs->lost        ? "; it lost its score. "
                           : cs->regressed ? "; it fell. "
                                           : ". ");
    }
    doc_html_bands_in_words(&desc, &bands.svg);
    svg_open(p, BARS_W, bottom + 28, &title, &desc);
    doc_html_bands_draw(out, &bands.svg, top, bottom);
    html_bands_release(&bands);
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct compare_stage *cs = &c->stages[st];
        double y = top + row * (double)st;
        svg_text_open(out, PLOT_X + 6, y + 18, "b", NULL, 0);
        doc_html_text(out, r->stages[st].title);
        if (cs->has_before && cs->has_after) {
            strbuf_adds(out, ": ");
            html_delta(out, cs->delta);
            strbuf_adds(out, cs->regressed ? ", fell" : cs->rose ? ", rose" : ", unchanged");
        }
        strbuf_adds(out, "</text>\n");
        for (int k = 0; k < 2; k++) {
            bool has = k ? cs->has_after : cs->has_before;
            double v = k ? cs->after : cs->before, by = y + 25 + 20 * k;
            if (has)
                svg_rect_fill(out, PLOT_X, by, svg_bar_x(v) - PLOT_X, 16,
                              k ? BAR_COLOUR : BEFORE_COLOUR, NULL);
            else
                svg_rect(out, PLOT_X, by, PLOT_W, 16,
                         "fill=\"none\" stroke=\"#4d4d4d\" stroke-dasharray=\"5 4\"");
            svg_text_open(out, LABEL_X, by + 13, k ? "b" : NULL, NULL, 0);
            strbuf_adds(out, k ? "After " : "Before ");
            html_shown(out, has, v);
            strbuf_adds(out, "</text>\n");
        }
    }
    svg_close(p, "For each stage, the upper (orange) bar is before and the lower (blue) bar is "
                 "after; each is also labelled on the right. The shaded zones are the bands. The "
                 "same numbers are in the table below.");
    strbuf_release(&title);
    strbuf_release(&desc);
}

void compare_render_html(const struct compare *c, const char *tool_version, struct strbuf *out)
{
    const struct score *b = c->before, *a = c->after;
    const struct rules *r = b->rules;
    struct page p = {out, 0};
    page_open(out);
    strbuf_adds(out, "Readiness compared: ");
    doc_html_text(out, a->assessment->organisation);
    strbuf_adds(out, ", ");
    doc_html_text(out, b->assessment->date);
    strbuf_adds(out, " and ");
    doc_html_text(out, a->assessment->date);
    page_head_end(out);
    const struct score *both[] = {b, a};
    page_header(out, "Readiness compared", a->assessment->organisation, compare_terms, c, both, 2,
                c->shares_respondents);
    struct strbuf chart = STRBUF_INIT;
    struct page drawn = {&chart, p.charts};
    compare_chart(&drawn, c);
    p.charts = drawn.charts;
    compare_write_stages(c, strbuf_str(&chart), DOC_HTML, out, 0);
    strbuf_release(&chart);
    compare_build_write(compare_build_groups, c, DOC_HTML, out, 0);
    compare_build_write(compare_build_moved, c, DOC_HTML, out, 0);
    compare_build_write(compare_build_closed, c, DOC_HTML, out, 0);
    compare_build_write(compare_build_opened, c, DOC_HTML, out, 0);
    compare_write_model_change(c->model_change, r, DOC_HTML, out, 0);
    compare_build_write(compare_build_plan, c, DOC_HTML, out, 0);
    compare_build_write(compare_build_evidence, c, DOC_HTML, out, 0);
    html_about_section(out, a);
    page_close(out, tool_version);
}

/* ---- trend ---- */

static const char *const dashes[N_SERIES_STYLES] = {NULL,  "9 5", "2 4",          "12 4 3 4",
                                                    "6 3", "1 3", "14 3 2 3 2 3", "4 6"};
static const char *const dash_names[N_SERIES_STYLES] = {
    "solid line",        "dashed line",      "dotted line",       "dash-dot line",
    "short-dashed line", "fine dotted line", "dash-dot-dot line", "sparse dashed line"};
static const char *const marker_names[N_SERIES_STYLES] = {
    "circles", "squares",    "triangles",     "diamonds", "downward triangles",
    "crosses", "plus signs", "hollow circles"};

/* Marker shape k centred on (x, y): filled and outlined in white so overlapping markers
   stay apart, but for the crosses, plus signs and hollow circles, drawn in outline. */
static void svg_marker(struct strbuf *out, size_t k, double x, double y, const char *colour)
{
    static const char *const paths[] = {NULL,
                                        NULL,
                                        "m0,-6.5 l6,10.5 h-12 z",
                                        "m0,-7 l7,7 l-7,7 l-7,-7 z",
                                        "m0,6.5 l6,-10.5 h-12 z",
                                        "m-5,-5 l10,10 m0,-10 l-10,10",
                                        "m-6,0 h12 m-6,-6 v12",
                                        NULL};
    k %= N_SERIES_STYLES;
    if (k == 1) {
        svg_rect_fill(out, x - 5, y - 5, 10, 10, colour, "#ffffff");
        return;
    }
    if (k == 0 || k == 7) {
        strbuf_adds(out, "<circle");
        svg_attr(out, "cx", x);
        svg_attr(out, "cy", y);
        strbuf_adds(out, k ? " r=\"5\"" : " r=\"5.5\"");
    } else {
        strbuf_adds(out, "<path d=\"M");
        strbuf_add_tenths(out, x);
        strbuf_addc(out, ',');
        strbuf_add_tenths(out, y);
        strbuf_addf(out, " %s\"", paths[k]);
    }
    if (k < 5)
        strbuf_addf(out, " fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n", colour);
    else
        strbuf_addf(out, " fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>\n",
                    k == 7 ? "#ffffff" : "none", colour, k == 7 ? "2.5" : "3");
}

static void svg_stroke(struct strbuf *out, size_t k)
{
    strbuf_addf(out, " fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" stroke-linejoin=\"round\"",
                series_colours[k % N_SERIES_STYLES].hex);
    if (dashes[k % N_SERIES_STYLES])
        strbuf_addf(out, " stroke-dasharray=\"%s\"", dashes[k % N_SERIES_STYLES]);
}

struct trend_geom {
    double x0, x1, top, bottom;
    size_t n;
    bool rotate;
};

static double trend_x(const struct trend_geom *g, size_t k)
{
    if (g->n < 2)
        return (g->x0 + g->x1) / 2;
    return g->x0 + 24 + (g->x1 - g->x0 - 48) * (double)k / (double)(g->n - 1);
}

static double trend_y(const struct trend_geom *g, double v)
{
    return g->bottom - (g->bottom - g->top) * svg_clamp100(v) / 100.0;
}

static void trend_axes(struct strbuf *out, const struct trend *t, const struct trend_geom *g)
{
    const struct rules *r = t->points[0]->rules;
    for (int v = 0; v <= 100; v += 20) {
        double y = trend_y(g, v);
        svg_line(out, g->x0, y, g->x1, y,
                 v ? "stroke=\"#d0d0d0\" stroke-width=\"1\""
                   : "stroke=\"#1b1b1b\" stroke-width=\"1\"");
        svg_text_open(out, g->x0 - 8, y + 4, "s", "end", 0);
        strbuf_addf(out, "%d</text>\n", v);
    }
    svg_line(out, g->x0, g->top, g->x0, g->bottom, "stroke=\"#1b1b1b\" stroke-width=\"1\"");
    svg_text_open(out, 16, (g->top + g->bottom) / 2, "s", "middle", -90);
    strbuf_adds(out, "Score (0 to 100)</text>\n");
    for (size_t b = 0; b < r->n_bands; b++) {
        double lo = svg_clamp100(r->bands[b].min), y = trend_y(g, lo);
        if (lo <= 0 || lo >= 100)
            continue;
        svg_line(out, g->x0, y, g->x1, y,
                 "stroke=\"#4d4d4d\" stroke-width=\"1\" stroke-dasharray=\"4 3\"");
        svg_text_open(out, g->x1 + 6, y + 4, "s", NULL, 0);
        doc_html_text(out, r->bands[b].title);
        strbuf_adds(out, " from ");
        svg_tick_number(out, lo);
        strbuf_adds(out, "</text>\n");
    }
    /* Date labels: slanted when many, and only every step-th when very many. */
    size_t step = t->n > 24 ? (t->n + 23) / 24 : 1;
    for (size_t k = 0; k < t->n; k += step) {
        double x = trend_x(g, k), y = g->bottom + 18;
        svg_line(out, x, g->bottom, x, g->bottom + 5, "stroke=\"#1b1b1b\" stroke-width=\"1\"");
        svg_text_open(out, x, y, "s", g->rotate ? "end" : "middle", g->rotate ? -40 : 0);
        doc_html_text(out, t->points[k]->assessment->date);
        strbuf_adds(out, "</text>\n");
    }
}

static void trend_series(struct strbuf *out, const struct trend *t, const struct trend_geom *g,
                         size_t st)
{
    /* The line breaks where an assessment has no score for the stage. */
    bool open = false;
    for (size_t k = 0; k < t->n; k++) {
        const struct score_stage *ss = &t->points[k]->stages[st];
        if (!ss->has_score) {
            if (open)
                strbuf_adds(out, "\"/>\n");
            open = false;
            continue;
        }
        strbuf_adds(out, open ? " L" : "<path");
        if (!open) {
            svg_stroke(out, st);
            strbuf_adds(out, " d=\"M");
        }
        strbuf_add_tenths(out, trend_x(g, k));
        strbuf_addc(out, ',');
        strbuf_add_tenths(out, trend_y(g, ss->score));
        open = true;
    }
    if (open)
        strbuf_adds(out, "\"/>\n");
    for (size_t k = 0; k < t->n; k++) {
        const struct score_stage *ss = &t->points[k]->stages[st];
        if (ss->has_score)
            svg_marker(out, st, trend_x(g, k), trend_y(g, ss->score),
                       series_colours[st % N_SERIES_STYLES].hex);
    }
}

static void trend_legend(struct strbuf *out, const struct rules *r, double x)
{
    for (size_t st = 0; st < r->n_stages; st++) {
        double y = 16 + 22 * (double)st;
        strbuf_adds(out, "<path");
        svg_stroke(out, st);
        strbuf_adds(out, " d=\"M");
        strbuf_add_tenths(out, x);
        strbuf_addc(out, ',');
        strbuf_add_tenths(out, y);
        strbuf_adds(out, " h44\"/>\n");
        svg_marker(out, st, x + 22, y, series_colours[st % N_SERIES_STYLES].hex);
        svg_text_open(out, x + 54, y + 4, NULL, NULL, 0);
        doc_html_text(out, r->stages[st].title);
        strbuf_adds(out, "</text>\n");
    }
}

/* ---- trend --evidence: every indicator's series on one chart ---- */

/* Where v lies on its indicator's scale as a percentage in its better direction, so that
   indicators of different scales share one chart, up being better. */
static double evidence_share(const struct evidence_indicator *ind, const struct evidence_value *v)
{
    int64_t x = v->value < ind->min ? ind->min : v->value > ind->max ? ind->max : v->value;
    double f = (double)(x - ind->min) / (double)(ind->max - ind->min);
    return 100.0 * (ind->higher_better ? f : 1.0 - f);
}

static void evidence_desc(struct strbuf *desc, const struct trend *t)
{
    const struct evidence *e = t->evidence;
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < e->n_indicators; i++) {
        const struct evidence_indicator *ind = &e->indicators[i];
        doc_html_text(desc, ind->title);
        strbuf_adds(desc, ind->higher_better ? " (better higher):" : " (better lower):");
        for (size_t k = 0; k < t->n; k++) {
            const struct evidence_value *v =
                evidence_value_as_of(ind, t->points[k]->assessment->date);
            strbuf_adds(desc, k ? "; " : " ");
            doc_html_text(desc, t->points[k]->assessment->date);
            strbuf_reset(&sb);
            if (v)
                report_evidence_value(&sb, ind, v->value);
            else
                strbuf_adds(&sb, "no value yet");
            strbuf_adds(desc, " ");
            doc_html_text(desc, strbuf_str(&sb));
        }
        strbuf_adds(desc, ". ");
    }
    strbuf_release(&sb);
}

static void evidence_series(struct strbuf *out, const struct trend *t, const struct trend_geom *g,
                            size_t i)
{
    const struct evidence_indicator *ind = &t->evidence->indicators[i];
    bool open = false;
    for (size_t k = 0; k < t->n; k++) {
        const struct evidence_value *v = evidence_value_as_of(ind, t->points[k]->assessment->date);
        if (!v)
            continue; /* values only start; once one is known, one stands at every date after */
        strbuf_adds(out, open ? " L" : "<path");
        if (!open) {
            svg_stroke(out, i);
            strbuf_adds(out, " d=\"M");
        }
        strbuf_add_tenths(out, trend_x(g, k));
        strbuf_addc(out, ',');
        strbuf_add_tenths(out, trend_y(g, evidence_share(ind, v)));
        open = true;
    }
    if (open)
        strbuf_adds(out, "\"/>\n");
    for (size_t k = 0; k < t->n; k++) {
        const struct evidence_value *v = evidence_value_as_of(ind, t->points[k]->assessment->date);
        if (v)
            svg_marker(out, i, trend_x(g, k), trend_y(g, evidence_share(ind, v)),
                       series_colours[i % N_SERIES_STYLES].hex);
    }
}

static void evidence_axes(struct strbuf *out, const struct trend *t, const struct trend_geom *g)
{
    for (int v = 0; v <= 100; v += 25) {
        double y = trend_y(g, v);
        svg_line(out, g->x0, y, g->x1, y,
                 v ? "stroke=\"#d0d0d0\" stroke-width=\"1\""
                   : "stroke=\"#1b1b1b\" stroke-width=\"1\"");
        svg_text_open(out, g->x0 - 8, y + 4, "s", "end", 0);
        strbuf_addf(out, "%d%%</text>\n", v);
    }
    svg_text_open(out, 16, (g->top + g->bottom) / 2, "s", "middle", -90);
    strbuf_adds(out, "Along its scale, better up</text>\n");
    for (size_t k = 0; k < t->n; k++) {
        double x = trend_x(g, k);
        svg_line(out, x, g->bottom, x, g->bottom + 5, "stroke=\"#1b1b1b\" stroke-width=\"1\"");
        svg_text_open(out, x, g->bottom + 18, "s", g->rotate ? "end" : "middle",
                      g->rotate ? -40 : 0);
        doc_html_text(out, t->points[k]->assessment->date);
        strbuf_adds(out, "</text>\n");
    }
}

static void evidence_chart(struct page *p, const struct trend *t)
{
    const struct evidence *e = t->evidence;
    struct strbuf *out = p->out;
    double legend = 22.0 * (double)e->n_indicators + 8;
    struct trend_geom g = {80, BARS_W - 30, legend + 14, legend + 214, t->n, t->n > 6};
    struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
    strbuf_adds(&title, "Evidence over time: each indicator along its own scale, better up");
    evidence_desc(&desc, t);
    svg_open(p, BARS_W, g.bottom + (g.rotate ? 80 : 36), &title, &desc);
    for (size_t i = 0; i < e->n_indicators; i++) {
        double y = 16 + 22 * (double)i;
        strbuf_adds(out, "<path");
        svg_stroke(out, i);
        strbuf_adds(out, " d=\"M");
        strbuf_add_tenths(out, g.x0);
        strbuf_addc(out, ',');
        strbuf_add_tenths(out, y);
        strbuf_adds(out, " h44\"/>\n");
        svg_marker(out, i, g.x0 + 22, y, series_colours[i % N_SERIES_STYLES].hex);
        svg_text_open(out, g.x0 + 54, y + 4, NULL, NULL, 0);
        doc_html_text(out, e->indicators[i].title);
        strbuf_adds(out, "</text>\n");
    }
    evidence_axes(out, t, &g);
    for (size_t i = 0; i < e->n_indicators; i++)
        evidence_series(out, t, &g, i);
    svg_close(p, "Each indicator along its own scale, from its worse end (0%) to its better "
                 "(100%); the table below gives the values.");
    strbuf_release(&title);
    strbuf_release(&desc);
}

/* Wide enough for the band labels right of the plot ("Established from 60"). */
static double trend_width(const struct rules *r, double x1)
{
    double width = BARS_W;
    for (size_t b = 0; b < r->n_bands; b++) {
        double need =
            x1 + 16 + 7.2 * (double)(utf8_width(r->bands[b].title, strlen(r->bands[b].title)) + 9);
        width = need > width ? need : width;
    }
    return ceil(width);
}

static void trend_chart(struct page *p, const struct trend *t)
{
    struct strbuf *out = p->out;
    const struct rules *r = t->points[0]->rules;
    struct trend_geom g = {64, 660, 0, 0, t->n, t->n > 6};
    g.top = 22 * (double)r->n_stages + 24;
    g.bottom = g.top + 300;
    double height = g.bottom + (g.rotate ? 84 : 34), width = trend_width(r, g.x1);
    struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT, caption = STRBUF_INIT;
    strbuf_addf(&title, "Stage scores out of 100 at each of %zu assessment%s, in date order", t->n,
                html_plural(t->n));
    for (size_t st = 0; st < r->n_stages; st++) {
        doc_html_text(&desc, r->stages[st].title);
        strbuf_adds(&desc, ":");
        for (size_t k = 0; k < t->n; k++) {
            const struct score_stage *ss = &t->points[k]->stages[st];
            strbuf_adds(&desc, k ? ", " : " ");
            html_score(&desc, ss->has_score, &ss->score_exact);
            strbuf_adds(&desc, " on ");
            doc_html_text(&desc, t->points[k]->assessment->date);
        }
        strbuf_adds(&desc, ". ");
    }
    struct html_bands bands;
    html_bands_init(&bands, r);
    doc_html_bands_in_words(&desc, &bands.svg);
    html_bands_release(&bands);
    strbuf_adds(&caption, "One line per stage: ");
    for (size_t st = 0; st < r->n_stages; st++) {
        strbuf_adds(&caption, st ? "; " : "");
        doc_html_text(&caption, r->stages[st].title);
        strbuf_addf(&caption, " is the %s %s with %s", series_colours[st % N_SERIES_STYLES].name,
                    dash_names[st % N_SERIES_STYLES], marker_names[st % N_SERIES_STYLES]);
    }
    strbuf_adds(&caption, ". Dashed grey lines mark where each band starts. A gap in a line is an "
                          "assessment without a score for that stage. The numbers are in the "
                          "table below.");
    svg_open(p, width, height, &title, &desc);
    trend_legend(out, r, g.x0);
    trend_axes(out, t, &g);
    for (size_t st = 0; st < r->n_stages; st++)
        trend_series(out, t, &g, st);
    svg_close(p, strbuf_str(&caption));
    strbuf_release(&title);
    strbuf_release(&desc);
    strbuf_release(&caption);
}

/* The organisation when every assessment names the same one, else NULL. */
static const char *trend_organisation(const struct trend *t)
{
    const char *org = t->points[0]->assessment->organisation;
    for (size_t k = 1; k < t->n; k++)
        if (strcmp(t->points[k]->assessment->organisation, org) != 0)
            return NULL;
    return org;
}

/* "Assessments": how many, from the first date to the last. */
static void trend_terms(struct doc *d, struct doc_node *terms, const void *arg)
{
    const struct trend *t = arg;
    struct doc_node *v = term(d, terms, "Assessments");
    doc_wordsf(d, v, "%zu, from ", t->n);
    doc_text(d, v, t->points[0]->assessment->date);
    doc_words(d, v, " to ");
    doc_text(d, v, t->points[t->n - 1]->assessment->date);
}

void trend_render_html(const struct trend *t, const char *tool_version, struct strbuf *out)
{
    const struct rules *r = t->points[0]->rules;
    const char *org = trend_organisation(t);
    struct page p = {out, 0};
    page_open(out);
    strbuf_adds(out, "Readiness over time");
    if (org) {
        strbuf_adds(out, ": ");
        doc_html_text(out, org);
    }
    page_head_end(out);
    page_header(out, "Readiness over time", org, trend_terms, t, t->points, t->n,
                t->shares_respondents);
    struct strbuf chart = STRBUF_INIT;
    struct page drawn = {&chart, p.charts};
    trend_chart(&drawn, t);
    p.charts = drawn.charts;
    struct doc scores;
    doc_init(&scores);
    trend_build_scores(&scores, t, strbuf_str(&chart));
    doc_write(&scores, DOC_HTML, out, 0, false);
    strbuf_release(&chart);
    html_trend_time_section(&p, t);
    struct doc d;
    doc_init(&d);
    trend_build_groups(&d, t);
    struct strbuf evidence = STRBUF_INIT;
    if (t->evidence) {
        struct page drawn_evidence = {&evidence, p.charts};
        evidence_chart(&drawn_evidence, t);
        p.charts = drawn_evidence.charts;
    }
    trend_build_evidence(&d, t, t->evidence ? strbuf_str(&evidence) : NULL);
    doc_write(&d, DOC_HTML, out, 0, false);
    strbuf_release(&evidence);
    compare_write_model_change(t->model_change, r, DOC_HTML, out, 0);
    html_about_section(out, t->points[t->n - 1]);
    page_close(out, tool_version);
}
