/*
 * report_html_page.c - what every HTML page shares. An assessment, a comparison and a
 * trend are each one self-contained HTML5 page for a browser or a board paper: inline
 * CSS and inline SVG only, so the page fetches nothing, prints on A4 and reads the same
 * in black and white.
 *
 * Every string from a rules or answers file goes through doc_html_text: escape_html, and
 * then '/', '@', the 'p' of "http" and the '(' of "url(" as numeric character
 * references. The page reads the same, and whatever the input says, the output never
 * holds a byte sequence that could name something to fetch ("//", "http:", "url(",
 * "@import"); the tests check that with a plain search. Our own markup never holds them
 * either: inline SVG in HTML needs no xmlns. Attribute values are always double-quoted.
 *
 * No chart carries information on its own: each is an <svg role="img"> whose <title>
 * and <desc> give its numbers in words, and a table with the same numbers follows it.
 * Colours come from the Okabe-Ito palette and a single-hue sequential ramp, and every
 * band, series and state is also named in text, so nothing depends on telling colours
 * apart. Coordinates are rounded like every other number, so the same inputs give the
 * same bytes.
 */
#include "report_html_internal.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "answers.h"
#include "compare.h"
#include "doc.h"
#include "report_build_internal.h"
#include "escape.h"
#include "report.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"
#include "text.h"

static const char NO_SCORE[] = "no score";

/* ---- text and numbers ---- */

void html_score(struct strbuf *out, bool has, const struct exact *v)
{
    if (has)
        report_add_exact(out, v);
    else
        strbuf_adds(out, NO_SCORE);
}

/* compare's figures come rounded exactly already (compare_compute). */
void html_shown(struct strbuf *out, bool has, double v)
{
    if (has)
        strbuf_add_tenths(out, v);
    else
        strbuf_adds(out, NO_SCORE);
}

/* A change with its sign: "+4.7", "-6.7", "0.0". */
void html_delta(struct strbuf *out, double d)
{
    struct strbuf num = STRBUF_INIT;
    strbuf_add_tenths(&num, d);
    if (num.buf[0] != '-' && strcmp(num.buf, "0.0") != 0)
        strbuf_addc(out, '+');
    strbuf_adds(out, num.buf);
    strbuf_release(&num);
}

const char *html_plural(size_t n)
{
    return n == 1 ? "" : "s";
}

/* ---- colour ---- */

const char *html_text_colour_on(unsigned long bg)
{
    return doc_html_text_colour_on(bg);
}

unsigned long html_ramp_colour(double score)
{
    return doc_html_ramp_colour(score);
}

/* Okabe-Ito, ordered so that the colours with most contrast on white come first. */
const struct series_colour series_colours[N_SERIES_STYLES] = {
    {"#0072B2", "blue"},           {"#D55E00", "vermillion"}, {"#009E73", "bluish green"},
    {"#CC79A7", "reddish purple"}, {"#000000", "black"},      {"#E69F00", "orange"},
    {"#56B4E9", "sky blue"},       {"#F0E442", "yellow"},
};
const char BAR_COLOUR[] = "#0072B2";    /* Okabe-Ito blue: 5.2:1 against white */
const char BEFORE_COLOUR[] = "#E69F00"; /* Okabe-Ito orange */

/* ---- the page ---- */

static const char CSS[] =
    ":root{color-scheme:light}\n"
    "*{box-sizing:border-box}\n"
    "html{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,"
    "sans-serif;font-size:16px;line-height:1.45;color:#1b1b1b;background:#ffffff}\n"
    "body{max-width:62rem;margin:0 auto;padding:1.5rem 1.25rem 2rem}\n"
    "h1{font-size:1.8rem;line-height:1.2;margin:0 0 .75rem}\n"
    "h2{font-size:1.4rem;line-height:1.25;margin:2.25rem 0 .75rem;padding-bottom:.2rem;"
    "border-bottom:2px solid #1b1b1b}\n"
    "h3{font-size:1.12rem;margin:1.5rem 0 .5rem}\n"
    "p{margin:.5rem 0}\n"
    "dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0 0 1rem}\n"
    "dl.meta dt{font-weight:700}\n"
    "dl.meta dd{margin:0}\n"
    "code,.id{font-family:ui-monospace,Menlo,Consolas,\"DejaVu Sans Mono\",monospace;"
    "font-size:.85em;overflow-wrap:anywhere}\n"
    ".id{display:block;color:#555555;margin-top:.15rem}\n"
    ".sub{display:block;color:#555555;font-size:.8em}\n"
    "table.narrow{width:auto;min-width:60%}\n"
    "nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}\n"
    "nav a{color:#0b4f8a}\n"
    ".callout{border:1px solid #8c8c8c;border-left:6px solid #D55E00;padding:.5rem .85rem;"
    "margin:1rem 0}\n"
    ".callout.note{border-left-color:#E69F00}\n"
    ".callout.ok{border-left-color:#009E73}\n"
    ".callout.source{border-left-color:#56B4E9}\n"
    ".label{font-weight:700}\n"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0 1.25rem;font-size:.9rem}\n"
    "caption{caption-side:top;text-align:left;font-weight:700;padding:.25rem 0 .4rem}\n"
    "caption .muted{font-weight:400}\n"
    "th,td{border:1px solid #8c8c8c;padding:.35rem .5rem;text-align:left;vertical-align:top}\n"
    "thead th{background:#eeeeee;border-bottom:2px solid #1b1b1b}\n"
    "tbody th{font-weight:600}\n"
    ".num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    ".muted{color:#555555}\n"
    ".tag{display:inline-block;border:1px solid #1b1b1b;border-radius:3px;padding:0 .3em;"
    "margin:.15rem .2rem 0 0;font-size:.8em;font-weight:700;white-space:nowrap}\n"
    "ul.cell{margin:0;padding-left:1.1rem}\n"
    ".said{white-space:pre-line}\n"
    ".who{font-weight:600}\n"
    "td.heat{text-align:center;font-weight:700;font-variant-numeric:tabular-nums}\n"
    "td.heat .sub{display:block;font-weight:400;font-size:.8em;color:inherit}\n"
    "td.empty{text-align:center;color:#555555}\n"
    ".nowrap{white-space:nowrap}\n"
    ".key{display:flex;flex-wrap:wrap;gap:0;align-items:stretch;margin:.25rem 0 1rem;"
    "font-size:.8rem}\n"
    ".key .k{border:0;min-width:0;padding:.1rem .5rem .1rem 0;font-weight:700}\n"
    ".key span{display:inline-block;min-width:3.2rem;padding:.1rem .3rem;text-align:center;"
    "border:1px solid #8c8c8c}\n"
    "figure{margin:1rem 0}\n"
    "figure svg{display:block;width:100%;height:auto}\n"
    "figcaption{font-size:.9rem;color:#333333;margin-top:.35rem}\n"
    "svg text{font-family:inherit;font-size:13px;fill:#1b1b1b}\n"
    "svg text.b{font-weight:700}\n"
    "svg text.s{font-size:12px}\n"
    "footer{margin-top:2.5rem;border-top:1px solid #8c8c8c;padding-top:.5rem;color:#555555;"
    "font-size:.85rem}\n"
    "@page{size:A4;margin:14mm 13mm 16mm}\n"
    "@media print{\n"
    "html{font-size:9.5pt}\n"
    "body{max-width:none;padding:0}\n"
    "nav{display:none}\n"
    "section.stage{break-before:page}\n"
    "h2,h3,caption{break-after:avoid}\n"
    "figure,.keep,.callout{break-inside:avoid}\n"
    "tr{break-inside:avoid}\n"
    "thead{display:table-header-group}\n"
    "thead th{background:none}\n"
    /* Backgrounds may not print: a heat cell keeps its number in black and shows its
       shade as a border, which always prints. */
    "td.heat{background:none!important;color:#000000!important;"
    "border-left:5mm solid var(--shade)}\n"
    ".key span{background:none!important;color:#000000!important;"
    "border-left:5mm solid var(--shade)}\n"
    "}\n";

/* Everything up to the opening of <title>: the caller writes the title text. */
void page_open(struct strbuf *out)
{
    strbuf_adds(out, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta name=\"generator\" content=\"stagegap\">\n<title>");
}

void page_head_end(struct strbuf *out)
{
    strbuf_adds(out, "</title>\n<style>\n");
    strbuf_adds(out, CSS);
    strbuf_adds(out, "</style>\n</head>\n<body>\n");
}

void page_close(struct strbuf *out, const char *tool_version)
{
    strbuf_adds(out, "</main>\n<footer>\n<p>stagegap ");
    doc_html_text(out, tool_version);
    strbuf_adds(out, "</p>\n</footer>\n</body>\n</html>\n");
}

/* A <dt>/<dd> pair of the header's details: the caller writes the value and closes it. */
void html_meta_term(struct strbuf *out, const char *term)
{
    strbuf_addf(out, "<dt>%s</dt><dd>", term);
}

void html_meta_model(struct strbuf *out, const struct rules *r)
{
    html_meta_term(out, "Model");
    doc_html_text(out, r->title);
    strbuf_adds(out, " (<code>");
    doc_html_text(out, r->id);
    strbuf_adds(out, "</code>), version ");
    doc_html_text(out, r->version);
    strbuf_adds(out, "</dd>\n");
    html_meta_term(out, "Rules SHA-256");
    strbuf_adds(out, "<code>");
    doc_html_text(out, r->sha256);
    strbuf_adds(out, "</code></dd>\n");
    html_meta_overlay(out, r);
}

void html_about_section(struct strbuf *out, const struct score *s)
{
    report_build_write(report_build_about, s, DOC_HTML, out, 0, false);
}

/* ---- SVG pieces ---- */

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

const double PLOT_X = 16, PLOT_W = 500, LABEL_X = 532;

double html_clamp100(double v)
{
    return v < 0 ? 0 : v > 100 ? 100 : v;
}

double html_bar_x(double v)
{
    return PLOT_X + PLOT_W * html_clamp100(v) / 100.0;
}

/* The score range of band b: from its min up to the next band's min (or 100). */
static void html_band_range(const struct rules *r, size_t b, double *lo, double *hi)
{
    *lo = html_clamp100(r->bands[b].min);
    *hi = b == 0 ? 100.0 : html_clamp100(r->bands[b - 1].min);
}

/* Band names sit above their zones, in two staggered rows when one row would crowd. */
static bool html_bands_staggered(const struct rules *r)
{
    for (size_t b = 0; b < r->n_bands; b++) {
        double lo, hi;
        html_band_range(r, b, &lo, &hi);
        double room = (hi - lo) * PLOT_W / 100.0;
        double need = 7.2 * (double)utf8_width(r->bands[b].title, strlen(r->bands[b].title)) + 8;
        if (need > room)
            return true;
    }
    return false;
}

double html_bands_header(const struct rules *r)
{
    return html_bands_staggered(r) ? 46 : 30;
}

/* The bands as labelled zones from top to bottom, with the thresholds on an axis. */
void svg_band_zones(struct strbuf *out, const struct rules *r, double top, double bottom)
{
    bool stagger = html_bands_staggered(r);
    for (size_t b = 0; b < r->n_bands; b++) {
        double lo, hi;
        html_band_range(r, b, &lo, &hi);
        if (hi <= lo)
            continue;
        svg_rect(out, html_bar_x(lo), top, html_bar_x(hi) - html_bar_x(lo), bottom - top,
                 b % 2 ? "fill=\"#f5f5f5\"" : "fill=\"#e6e6e6\"");
        svg_text_open(out, (html_bar_x(lo) + html_bar_x(hi)) / 2, stagger && b % 2 ? 36 : 20, "s",
                      "middle", 0);
        doc_html_text(out, r->bands[b].title);
        strbuf_adds(out, "</text>\n");
    }
    for (size_t b = 0; b < r->n_bands; b++) {
        double lo = html_clamp100(r->bands[b].min);
        if (lo > 0 && lo < 100)
            svg_line(out, html_bar_x(lo), top, html_bar_x(lo), bottom + 5,
                     "stroke=\"#4d4d4d\" stroke-width=\"1\" stroke-dasharray=\"4 3\"");
    }
    svg_line(out, PLOT_X, bottom, PLOT_X + PLOT_W, bottom, "stroke=\"#1b1b1b\" stroke-width=\"1\"");
    /* Tick labels at 100, at each threshold and at 0, skipping any that would collide. */
    double last = -1000;
    for (size_t k = 0; k <= r->n_bands + 1; k++) {
        double v = k == 0 ? 100.0 : k <= r->n_bands ? html_clamp100(r->bands[k - 1].min) : 0.0;
        double x = html_bar_x(v);
        if (fabs(last - x) < 26)
            continue;
        last = x;
        svg_line(out, x, bottom, x, bottom + 5, "stroke=\"#1b1b1b\" stroke-width=\"1\"");
        svg_text_open(out, x, bottom + 19, "s", "middle", 0);
        svg_tick_number(out, v);
        strbuf_adds(out, "</text>\n");
    }
}

/* "Embedded from 80 to 100; Established from 60 to 80; ..." */
void html_bands_in_words(struct strbuf *out, const struct rules *r)
{
    strbuf_adds(out, "The bands: ");
    for (size_t b = 0; b < r->n_bands; b++) {
        double lo, hi;
        html_band_range(r, b, &lo, &hi);
        strbuf_adds(out, b ? "; " : "");
        doc_html_text(out, r->bands[b].title);
        strbuf_adds(out, " from ");
        svg_tick_number(out, lo);
        strbuf_adds(out, b ? " to under " : " to ");
        svg_tick_number(out, hi);
    }
    strbuf_adds(out, ".");
}

/* ---- pieces every page shares ---- */

void html_meta_overlay(struct strbuf *out, const struct rules *r)
{
    if (!r->base)
        return;
    html_meta_term(out, "Extends");
    strbuf_adds(out, "<code>");
    doc_html_text(out, r->base->id);
    strbuf_adds(out, "</code>, version ");
    doc_html_text(out, r->base->version);
    strbuf_adds(out, ", SHA-256 <code>");
    doc_html_text(out, r->base->sha256);
    strbuf_adds(out, "</code></dd>\n");
    html_meta_term(out, "Merged model SHA-256");
    strbuf_adds(out, "<code>");
    doc_html_text(out, r->model_sha256);
    strbuf_adds(out, "</code></dd>\n");
}
