/*
 * report_html_trend_time.c - the trend page's "Time in stage": a timeline (a lane per
 * stage over the assessments' dates, the band at each assessment as a numbered, shaded
 * square, the spans a stage was the focus as a thick bar beneath) and a table with the
 * same numbers. The words are report_trend_time.c's, as text and markdown say them.
 */
#include "report_html_internal.h"

#include <stdint.h>

#include "compare.h"
#include "compare_build_internal.h"
#include "date.h"
#include "doc.h"
#include "report.h"
#include "report_compare_internal.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

enum { LANE_H = 64, LANES_TOP = 8 };
static const double TL_X0 = 40, TL_X1 = 760;

struct timeline {
    const struct trend *t;
    int64_t first, span; /* days from 1970 of the first assessment; days to the latest */
    bool by_date;        /* spaced by date, or evenly in order (timeline_by_date) */
};

enum { MARKER_W = 20 };

static int64_t point_days(const struct trend *t, size_t k)
{
    int64_t d = 0;
    date_parse_days(t->points[k]->assessment->date, &d);
    return d;
}

/* Point k's x: by its date between the first and latest, or by its place in order. */
static double timeline_x(const struct timeline *tl, size_t k)
{
    if (tl->by_date)
        return TL_X0 +
               (TL_X1 - TL_X0) * (double)(point_days(tl->t, k) - tl->first) / (double)tl->span;
    if (tl->t->n < 2)
        return (TL_X0 + TL_X1) / 2;
    return TL_X0 + (TL_X1 - TL_X0) * (double)k / (double)(tl->t->n - 1);
}

/*
 * Placed by date only when every two assessments in a row are far enough apart that
 * their squares do not overlap; else evenly in date order, and the caption says so.
 */
static bool timeline_by_date(const struct timeline *tl)
{
    if (tl->span <= 0)
        return false;
    for (size_t k = 1; k < tl->t->n; k++) {
        double gap = (double)(point_days(tl->t, k) - point_days(tl->t, k - 1));
        if (gap * (TL_X1 - TL_X0) / (double)tl->span < MARKER_W + 2)
            return false;
    }
    return true;
}

/* A band's number: 1 for the lowest, up to the number of bands for the top. */
static size_t band_number(const struct rules *r, int band)
{
    return r->n_bands - (size_t)band;
}

/* The band at point k: a square shaded as the heat map, with the band's number on it. */
static void timeline_marker(struct strbuf *out, const struct timeline *tl, size_t k, size_t st,
                            double y)
{
    const struct score *s = tl->t->points[k];
    const struct rules *r = s->rules;
    int band = s->stages[st].band;
    double x = timeline_x(tl, k);
    if (band == SCORE_NO_BAND) {
        svg_rect(out, x - MARKER_W / 2, y - MARKER_W / 2, MARKER_W, MARKER_W,
                 "fill=\"#ffffff\" stroke=\"#1b1b1b\" stroke-width=\"1.5\" "
                 "stroke-dasharray=\"3 2\"");
        svg_text_open(out, x, y + 4.5, "s", "middle", 0);
        strbuf_adds(out, "?</text>\n");
        return;
    }
    unsigned long bg = doc_html_ramp_colour(r->bands[band].min);
    struct strbuf paint = STRBUF_INIT;
    strbuf_addf(&paint, "fill=\"#%06lx\" stroke=\"#1b1b1b\" stroke-width=\"1\"", bg);
    svg_rect(out, x - MARKER_W / 2, y - MARKER_W / 2, MARKER_W, MARKER_W, strbuf_str(&paint));
    strbuf_release(&paint);
    strbuf_adds(out, "<text");
    svg_attr(out, "x", x);
    svg_attr(out, "y", y + 4.5);
    strbuf_addf(out, " class=\"b\" text-anchor=\"middle\" style=\"fill:%s\">%zu</text>\n",
                doc_html_text_colour_on(bg), band_number(r, band));
}

/* Stage st's lane: its title, a bar under each span it was the focus, its bands. */
static void timeline_lane(struct strbuf *out, const struct timeline *tl, size_t st, double top)
{
    const struct trend *t = tl->t;
    const struct rules *r = t->points[0]->rules;
    double y = top + 34;
    svg_text_open(out, TL_X0 - 20, top + 14, "b", NULL, 0);
    doc_html_text(out, r->stages[st].title);
    strbuf_adds(out, "</text>\n");
    svg_line(out, TL_X0, y, TL_X1, y, "stroke=\"#d0d0d0\" stroke-width=\"1\"");
    for (size_t k = 0; k < t->n; k++) {
        if (t->points[k]->focus != (int)st)
            continue;
        /* To the next assessment; at the latest, a stub that it is the focus now. */
        double x = timeline_x(tl, k), x2 = k + 1 < t->n ? timeline_x(tl, k + 1) : x + 14;
        svg_rect(out, x, y + 14, x2 - x < 4 ? 4 : x2 - x, 7, "fill=\"#1b1b1b\"");
    }
    for (size_t k = 0; k < t->n; k++)
        timeline_marker(out, tl, k, st, y);
}

static void timeline_axis(struct strbuf *out, const struct timeline *tl, double y)
{
    const struct trend *t = tl->t;
    bool rotate = t->n > 6;
    svg_line(out, TL_X0, y, TL_X1, y, "stroke=\"#1b1b1b\" stroke-width=\"1\"");
    size_t step = t->n > 24 ? (t->n + 23) / 24 : 1;
    for (size_t k = 0; k < t->n; k += step) {
        double x = timeline_x(tl, k);
        svg_line(out, x, y, x, y + 5, "stroke=\"#1b1b1b\" stroke-width=\"1\"");
        svg_text_open(out, x, y + 18, "s", rotate ? "end" : "middle", rotate ? -40 : 0);
        doc_html_text(out, t->points[k]->assessment->date);
        strbuf_adds(out, "</text>\n");
    }
}

/* "1 is Not started, 2 is Emerging, ... 5 is Embedded (the top band)". */
static void band_numbers_in_words(struct strbuf *out, const struct rules *r)
{
    for (size_t b = r->n_bands; b-- > 0;) {
        strbuf_addf(out, "%s%zu is ", b + 1 == r->n_bands ? "" : ", ", band_number(r, (int)b));
        doc_html_text(out, r->bands[b].title);
    }
    strbuf_adds(out, ", the top band");
}

static void timeline_chart(struct page *p, const struct trend *t)
{
    struct strbuf *out = p->out;
    const struct rules *r = t->points[0]->rules;
    struct timeline tl = {t, point_days(t, 0), point_days(t, t->n - 1) - point_days(t, 0), false};
    tl.by_date = timeline_by_date(&tl);
    double axis = LANES_TOP + LANE_H * (double)r->n_stages + 4;
    double height = axis + (t->n > 6 ? 84 : 34);
    struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT, caption = STRBUF_INIT,
                  words = STRBUF_INIT;
    strbuf_addf(&title,
                "Time in stage: each stage's band at each of %zu assessment%s, and when "
                "it was the focus",
                t->n, html_plural(t->n));
    for (size_t st = 0; st < r->n_stages; st++) {
        strbuf_reset(&words);
        trend_time_sentence(&words, t, st);
        doc_html_text(&desc, r->stages[st].title);
        strbuf_adds(&desc, ": ");
        doc_html_text(&desc, strbuf_str(&words));
        strbuf_adds(&desc, " ");
    }
    strbuf_adds(&desc, "Bands by number: ");
    band_numbers_in_words(&desc, r);
    strbuf_adds(&desc, ".");
    strbuf_adds(&caption, "A lane per stage; ");
    strbuf_adds(&caption, tl.by_date ? "the assessments are placed by their dates. "
                                     : "the assessments are placed evenly in date order (some "
                                       "are too close in time to place by date). ");
    strbuf_adds(&caption, "Each square is the stage&#39;s band at that assessment, by number (");
    band_numbers_in_words(&caption, r);
    strbuf_adds(&caption, "; a dashed square with a question mark: too few answers), shaded "
                          "darker the higher the band. A thick black bar under a lane runs from "
                          "each assessment at which the stage was the focus to the next; a short "
                          "bar at the latest means it is the focus now. The numbers are in the "
                          "table below.");
    svg_open(p, BARS_W, height, &title, &desc);
    for (size_t st = 0; st < r->n_stages; st++)
        timeline_lane(out, &tl, st, LANES_TOP + LANE_H * (double)st);
    timeline_axis(out, &tl, axis);
    svg_close(p, strbuf_str(&caption));
    strbuf_release(&title);
    strbuf_release(&desc);
    strbuf_release(&caption);
    strbuf_release(&words);
}

void html_trend_time_section(struct page *p, const struct trend *t)
{
    struct strbuf chart = STRBUF_INIT;
    struct page drawn = {&chart, p->charts};
    timeline_chart(&drawn, t);
    p->charts = drawn.charts;
    struct doc d;
    doc_init(&d);
    trend_build_time(&d, t, strbuf_str(&chart));
    doc_write(&d, DOC_HTML, p->out, 0, false);
    strbuf_release(&chart);
}
