/*
 * svg.c - the pieces every chart is drawn with (svg.h): the chart's frame, numbers as
 * attributes, text, shapes, and where a score falls on a bar of 0-100. It escapes no
 * text: what holds text from the inputs is drawn by doc_html.c.
 */
#include "svg.h"

#include <stdbool.h>
#include <string.h>

#include "strbuf.h"

/*
 * Opens a chart: a figure holding an <svg role="img"> named by its <title> and described
 * by its <desc>. title and desc are HTML already escaped by the caller.
 */
void svg_open(struct page *p, double w, double h, const struct strbuf *title,
              const struct strbuf *desc)
{
    unsigned n = ++p->charts;
    struct strbuf *out = p->out;
    strbuf_addf(out,
                "<figure>\n<svg role=\"img\" aria-labelledby=\"chart%u-title\" "
                "aria-describedby=\"chart%u-desc\" viewBox=\"0 0 ",
                n, n);
    strbuf_add_tenths(out, w);
    strbuf_addc(out, ' ');
    strbuf_add_tenths(out, h);
    strbuf_adds(out, "\" width=\"");
    strbuf_add_tenths(out, w);
    strbuf_adds(out, "\" height=\"");
    strbuf_add_tenths(out, h);
    strbuf_addf(out, "\">\n<title id=\"chart%u-title\">", n);
    strbuf_adds(out, strbuf_str(title));
    strbuf_addf(out, "</title>\n<desc id=\"chart%u-desc\">", n);
    strbuf_adds(out, strbuf_str(desc));
    strbuf_adds(out, "</desc>\n");
}

/* Closes the chart; figcaption is escaped HTML or NULL. */
void svg_close(struct page *p, const char *figcaption)
{
    strbuf_adds(p->out, "</svg>\n");
    if (figcaption)
        strbuf_addf(p->out, "<figcaption>%s</figcaption>\n", figcaption);
    strbuf_adds(p->out, "</figure>\n");
}

/* An axis label: a number as strbuf_add_tenths writes it, without a trailing ".0". */
void svg_tick_number(struct strbuf *out, double v)
{
    size_t before = out->len;
    strbuf_add_tenths(out, v);
    if (out->len - before > 2 && strcmp(out->buf + out->len - 2, ".0") == 0) {
        out->len -= 2;
        out->buf[out->len] = '\0';
    }
}

/* A numeric attribute: ` name="12.5"`. */
void svg_attr(struct strbuf *out, const char *name, double v)
{
    strbuf_addf(out, " %s=\"", name);
    strbuf_add_tenths(out, v);
    strbuf_addc(out, '"');
}

/* Opens a <text> at (x, y), turned by angle degrees about that point when not 0. */
void svg_text_open(struct strbuf *out, double x, double y, const char *cls, const char *anchor,
                   int angle)
{
    strbuf_adds(out, "<text");
    svg_attr(out, "x", x);
    svg_attr(out, "y", y);
    if (cls)
        strbuf_addf(out, " class=\"%s\"", cls);
    if (anchor)
        strbuf_addf(out, " text-anchor=\"%s\"", anchor);
    if (angle) {
        strbuf_addf(out, " transform=\"rotate(%d ", angle);
        strbuf_add_tenths(out, x);
        strbuf_addc(out, ' ');
        strbuf_add_tenths(out, y);
        strbuf_adds(out, ")\"");
    }
    strbuf_addc(out, '>');
}

/* A rectangle painted with paint: attributes such as fill="#0072B2". */
void svg_rect(struct strbuf *out, double x, double y, double w, double h, const char *paint)
{
    strbuf_adds(out, "<rect");
    svg_attr(out, "x", x);
    svg_attr(out, "y", y);
    svg_attr(out, "width", w);
    svg_attr(out, "height", h);
    strbuf_addf(out, " %s/>\n", paint);
}

/* A rectangle filled with colour, outlined with stroke when stroke is not NULL. */
void svg_rect_fill(struct strbuf *out, double x, double y, double w, double h, const char *colour,
                   const char *stroke)
{
    struct strbuf paint = STRBUF_INIT;
    strbuf_addf(&paint, "fill=\"%s\"", colour);
    if (stroke)
        strbuf_addf(&paint, " stroke=\"%s\" stroke-width=\"1.5\"", stroke);
    svg_rect(out, x, y, w, h, strbuf_str(&paint));
    strbuf_release(&paint);
}

void svg_line(struct strbuf *out, double x1, double y1, double x2, double y2, const char *extra)
{
    strbuf_adds(out, "<line");
    svg_attr(out, "x1", x1);
    svg_attr(out, "y1", y1);
    svg_attr(out, "x2", x2);
    svg_attr(out, "y2", y2);
    strbuf_addf(out, " %s/>\n", extra);
}

/* ---- horizontal bars on 0-100 against the bands (assess and compare) ---- */

const char BAR_COLOUR[] = "#0072B2"; /* Okabe-Ito blue: 5.2:1 against white */
const double PLOT_X = 16, PLOT_W = 500, LABEL_X = 532;

double svg_clamp100(double v)
{
    return v < 0 ? 0 : v > 100 ? 100 : v;
}

double svg_bar_x(double v)
{
    return PLOT_X + PLOT_W * svg_clamp100(v) / 100.0;
}
