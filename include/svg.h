/*
 * svg.h - the pieces charts are drawn with, in inline SVG: the chart's frame (a figure
 * whose <svg role="img"> is named by its <title> and <desc>), numbers as attributes,
 * text, shapes, and horizontal bars on 0-100 against the bands. The document's HTML
 * writer (doc_html.c) draws the stage chart with them, the HTML pages (src/report/html/)
 * the comparison's and the trend's charts. Coordinates are rounded like every other
 * number, so the same inputs give the same bytes. The bands' zones and their names, text
 * from the inputs, are drawn by doc_html.c (doc.h), which escapes them. It may call base
 * only.
 */
#ifndef STAGEGAP_SVG_H
#define STAGEGAP_SVG_H

#include <stddef.h>

struct strbuf;

/* A page being written, and how many charts it has so far (their ids are numbered). */
struct page {
    struct strbuf *out;
    unsigned charts;
};

/*
 * Opens a chart: a figure holding an <svg role="img"> named by its <title> and described
 * by its <desc>. title and desc are HTML already escaped by the caller.
 */
void svg_open(struct page *p, double w, double h, const struct strbuf *title,
              const struct strbuf *desc);
/* Closes the chart; figcaption is escaped HTML or NULL. */
void svg_close(struct page *p, const char *figcaption);
/* An axis label: a number as strbuf_add_tenths writes it, without a trailing ".0". */
void svg_tick_number(struct strbuf *out, double v);
/* A numeric attribute: ` name="12.5"`. */
void svg_attr(struct strbuf *out, const char *name, double v);
/* Opens a <text> at (x, y), turned by angle degrees about that point when not 0. */
void svg_text_open(struct strbuf *out, double x, double y, const char *cls, const char *anchor,
                   int angle);
/* A rectangle painted with paint: attributes such as fill="#0072B2". */
void svg_rect(struct strbuf *out, double x, double y, double w, double h, const char *paint);
/* A rectangle filled with colour, outlined with stroke when stroke is not NULL. */
void svg_rect_fill(struct strbuf *out, double x, double y, double w, double h, const char *colour,
                   const char *stroke);
void svg_line(struct strbuf *out, double x1, double y1, double x2, double y2, const char *extra);

/* ---- horizontal bars on 0-100 against the bands (assess and compare) ---- */

enum { BARS_W = 800 };
extern const double PLOT_X, PLOT_W, LABEL_X;
extern const char BAR_COLOUR[];

/* The bands, highest first: each one's title (text from the inputs) and lowest score. */
struct svg_bands {
    const char *const *titles;
    const double *mins;
    size_t n;
};

double svg_clamp100(double v);
/* Where score v falls on the plot. */
double svg_bar_x(double v);
#endif
