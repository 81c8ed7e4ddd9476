/*
 * report_html.c - an assessment, a comparison and a trend, each as one self-contained
 * HTML5 page for a browser or a board paper: inline CSS and inline SVG only, so the page
 * fetches nothing, prints on A4 and reads the same in black and white.
 *
 * Every string from a rules or answers file goes through html_text: escape_html, and
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
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "compare.h"
#include "escape.h"
#include "report.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"
#include "xalloc.h"
#include "text.h"

/* How many suggestions the "act first" table shows, as in the other formats. */
enum { ACTIONS_MAX = 5 };

static const char NO_SCORE[] = "no score";

/* ---- text and numbers ---- */

/* True when the len bytes before s[at] are word, ignoring ASCII case. */
static bool preceded_by(const char *s, size_t at, const char *word)
{
    size_t n = strlen(word);
    if (at < n)
        return false;
    for (size_t k = 0; k < n; k++) {
        char c = s[at - n + k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[k])
            return false;
    }
    return true;
}

/* Untrusted text, in element content or a double-quoted attribute value. */
static void html_text(struct strbuf *out, const char *s)
{
    if (!s)
        return;
    struct strbuf esc = STRBUF_INIT;
    escape_html(&esc, s);
    const char *e = strbuf_str(&esc);
    for (size_t i = 0; i < esc.len; i++) {
        char c = e[i];
        if (c == '/' || c == '@' || ((c == 'p' || c == 'P') && preceded_by(e, i, "htt")) ||
            (c == '(' && preceded_by(e, i, "url")))
            strbuf_addf(out, "&#%d;", c);
        else
            strbuf_addc(out, c);
    }
    strbuf_release(&esc);
}

static void html_score(struct strbuf *out, bool has, const struct exact *v)
{
    if (has)
        report_add_exact(out, v);
    else
        strbuf_adds(out, NO_SCORE);
}

/* compare's figures come rounded exactly already (compare_compute). */
static void html_shown(struct strbuf *out, bool has, double v)
{
    if (has)
        report_add_number(out, v);
    else
        strbuf_adds(out, NO_SCORE);
}

/* A change with its sign: "+4.7", "-6.7", "0.0". */
static void html_delta(struct strbuf *out, double d)
{
    struct strbuf num = STRBUF_INIT;
    report_add_number(&num, d);
    if (num.buf[0] != '-' && strcmp(num.buf, "0.0") != 0)
        strbuf_addc(out, '+');
    strbuf_adds(out, num.buf);
    strbuf_release(&num);
}

static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

/* ---- colour ---- */

static double srgb_linear(unsigned long channel)
{
    double c = (double)channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

/* WCAG 2 relative luminance of 0xRRGGBB. */
static double luminance(unsigned long rgb)
{
    return 0.2126 * srgb_linear((rgb >> 16) & 0xFF) + 0.7152 * srgb_linear((rgb >> 8) & 0xFF) +
           0.0722 * srgb_linear(rgb & 0xFF);
}

/* Black or white, whichever has more contrast: at least 4.58:1 on any background. */
static const char *text_colour_on(unsigned long bg)
{
    double l = luminance(bg);
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}

/*
 * The heat map's ramp: ColorBrewer's single-hue Blues (without its near-white first
 * step), light for low scores and dark for high. One hue whose lightness falls steadily
 * reads the same with any colour vision and in greyscale.
 */
static unsigned long ramp_colour(double score)
{
    static const unsigned long stops[] = {0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6,
                                          0x4292c6, 0x2171b5, 0x08519c, 0x08306b};
    const size_t n = sizeof(stops) / sizeof(stops[0]);
    double t = (score < 0 ? 0 : score > 100 ? 100 : score) / 100.0 * (double)(n - 1);
    size_t i = (size_t)t;
    if (i >= n - 1)
        return stops[n - 1];
    double f = t - (double)i;
    unsigned long rgb = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double a = (double)((stops[i] >> shift) & 0xFF),
               b = (double)((stops[i + 1] >> shift) & 0xFF);
        rgb |= (unsigned long)lround(a + (b - a) * f) << shift;
    }
    return rgb;
}

/* Okabe-Ito, ordered so that the colours with most contrast on white come first. */
static const struct {
    const char *hex, *name;
} series_colours[] = {
    {"#0072B2", "blue"},           {"#D55E00", "vermillion"}, {"#009E73", "bluish green"},
    {"#CC79A7", "reddish purple"}, {"#000000", "black"},      {"#E69F00", "orange"},
    {"#56B4E9", "sky blue"},       {"#F0E442", "yellow"},
};
enum { N_SERIES_STYLES = 8 };

static const char BAR_COLOUR[] = "#0072B2";    /* Okabe-Ito blue: 5.2:1 against white */
static const char BEFORE_COLOUR[] = "#E69F00"; /* Okabe-Ito orange */

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

struct page {
    struct strbuf *out;
    unsigned charts; /* numbers the charts' ids */
};

/* Everything up to the opening of <title>: the caller writes the title text. */
static void page_open(struct strbuf *out)
{
    strbuf_adds(out, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta name=\"generator\" content=\"stagegap\">\n<title>");
}

static void page_head_end(struct strbuf *out)
{
    strbuf_adds(out, "</title>\n<style>\n");
    strbuf_adds(out, CSS);
    strbuf_adds(out, "</style>\n</head>\n<body>\n");
}

static void page_close(struct strbuf *out, const char *tool_version)
{
    strbuf_adds(out, "</main>\n<footer>\n<p>stagegap ");
    html_text(out, tool_version);
    strbuf_adds(out, "</p>\n</footer>\n</body>\n</html>\n");
}

/* A <dt>/<dd> pair of the header's details: the caller writes the value and closes it. */
static void meta_term(struct strbuf *out, const char *term)
{
    strbuf_addf(out, "<dt>%s</dt><dd>", term);
}

static void meta_model(struct strbuf *out, const struct rules *r)
{
    meta_term(out, "Model");
    html_text(out, r->title);
    strbuf_adds(out, " (<code>");
    html_text(out, r->id);
    strbuf_adds(out, "</code>), version ");
    html_text(out, r->version);
    strbuf_adds(out, "</dd>\n");
    meta_term(out, "Rules SHA-256");
    strbuf_adds(out, "<code>");
    html_text(out, r->sha256);
    strbuf_adds(out, "</code></dd>\n");
}

static void about_section(struct strbuf *out, const struct score *s)
{
    const struct rules *r = s->rules;
    const char *caveat = report_caveat(s);
    strbuf_adds(out, "<section id=\"about\" aria-labelledby=\"about-h\">\n"
                     "<h2 id=\"about-h\">About the evidence</h2>\n");
    if (caveat) {
        strbuf_adds(out, "<p><span class=\"label\">" REPORT_CAVEAT_LABEL "</span> ");
        html_text(out, caveat);
        strbuf_adds(out, "</p>\n");
    }
    if (r->source.judgement) {
        strbuf_adds(out, "<p><span class=\"label\">How the model was built:</span> ");
        html_text(out, r->source.judgement);
        strbuf_adds(out, "</p>\n");
    }
    if (r->source.title) {
        strbuf_adds(out, "<p><span class=\"label\">Source:</span> ");
        html_text(out, r->source.title);
        if (r->source.publisher) {
            strbuf_adds(out, ", ");
            html_text(out, r->source.publisher);
        }
        if (r->source.year)
            strbuf_addf(out, ", %ld", r->source.year);
        if (r->source.url) {
            strbuf_adds(out, ". <span class=\"id\">");
            html_text(out, r->source.url);
            strbuf_adds(out, "</span>");
        }
        strbuf_adds(out, "</p>\n");
    }
    strbuf_adds(out, "<p>A score is the start of a conversation, not a measurement: it says "
                     "how the people who answered see the service against this model.</p>\n"
                     "</section>\n");
}

/* ---- SVG pieces ---- */

/*
 * Opens a chart: a figure holding an <svg role="img"> named by its <title> and described
 * by its <desc>. title and desc are HTML already escaped by the caller.
 */
static void svg_open(struct page *p, double w, double h, const struct strbuf *title,
                     const struct strbuf *desc)
{
    unsigned n = ++p->charts;
    struct strbuf *out = p->out;
    strbuf_addf(out,
                "<figure>\n<svg role=\"img\" aria-labelledby=\"chart%u-title\" "
                "aria-describedby=\"chart%u-desc\" viewBox=\"0 0 ",
                n, n);
    report_add_number(out, w);
    strbuf_addc(out, ' ');
    report_add_number(out, h);
    strbuf_adds(out, "\" width=\"");
    report_add_number(out, w);
    strbuf_adds(out, "\" height=\"");
    report_add_number(out, h);
    strbuf_addf(out, "\">\n<title id=\"chart%u-title\">", n);
    strbuf_adds(out, strbuf_str(title));
    strbuf_addf(out, "</title>\n<desc id=\"chart%u-desc\">", n);
    strbuf_adds(out, strbuf_str(desc));
    strbuf_adds(out, "</desc>\n");
}

/* Closes the chart; figcaption is escaped HTML or NULL. */
static void svg_close(struct page *p, const char *figcaption)
{
    strbuf_adds(p->out, "</svg>\n");
    if (figcaption)
        strbuf_addf(p->out, "<figcaption>%s</figcaption>\n", figcaption);
    strbuf_adds(p->out, "</figure>\n");
}

/* An axis label: a number as report_add_number writes it, without a trailing ".0". */
static void tick_number(struct strbuf *out, double v)
{
    size_t before = out->len;
    report_add_number(out, v);
    if (out->len - before > 2 && strcmp(out->buf + out->len - 2, ".0") == 0) {
        out->len -= 2;
        out->buf[out->len] = '\0';
    }
}

/* A numeric attribute: ` name="12.5"`. */
static void attr(struct strbuf *out, const char *name, double v)
{
    strbuf_addf(out, " %s=\"", name);
    report_add_number(out, v);
    strbuf_addc(out, '"');
}

/* Opens a <text> at (x, y), turned by angle degrees about that point when not 0. */
static void svg_text_open(struct strbuf *out, double x, double y, const char *cls,
                          const char *anchor, int angle)
{
    strbuf_adds(out, "<text");
    attr(out, "x", x);
    attr(out, "y", y);
    if (cls)
        strbuf_addf(out, " class=\"%s\"", cls);
    if (anchor)
        strbuf_addf(out, " text-anchor=\"%s\"", anchor);
    if (angle) {
        strbuf_addf(out, " transform=\"rotate(%d ", angle);
        report_add_number(out, x);
        strbuf_addc(out, ' ');
        report_add_number(out, y);
        strbuf_adds(out, ")\"");
    }
    strbuf_addc(out, '>');
}

/* A rectangle painted with paint: attributes such as fill="#0072B2". */
static void svg_rect(struct strbuf *out, double x, double y, double w, double h, const char *paint)
{
    strbuf_adds(out, "<rect");
    attr(out, "x", x);
    attr(out, "y", y);
    attr(out, "width", w);
    attr(out, "height", h);
    strbuf_addf(out, " %s/>\n", paint);
}

/* A rectangle filled with colour, outlined with stroke when stroke is not NULL. */
static void svg_rect_fill(struct strbuf *out, double x, double y, double w, double h,
                          const char *colour, const char *stroke)
{
    struct strbuf paint = STRBUF_INIT;
    strbuf_addf(&paint, "fill=\"%s\"", colour);
    if (stroke)
        strbuf_addf(&paint, " stroke=\"%s\" stroke-width=\"1.5\"", stroke);
    svg_rect(out, x, y, w, h, strbuf_str(&paint));
    strbuf_release(&paint);
}

static void svg_line(struct strbuf *out, double x1, double y1, double x2, double y2,
                     const char *extra)
{
    strbuf_adds(out, "<line");
    attr(out, "x1", x1);
    attr(out, "y1", y1);
    attr(out, "x2", x2);
    attr(out, "y2", y2);
    strbuf_addf(out, " %s/>\n", extra);
}

/* ---- horizontal bars on 0-100 against the bands (assess and compare) ---- */

enum { BARS_W = 800 };
static const double PLOT_X = 16, PLOT_W = 500, LABEL_X = 532;

static double clamp100(double v)
{
    return v < 0 ? 0 : v > 100 ? 100 : v;
}

static double bar_x(double v)
{
    return PLOT_X + PLOT_W * clamp100(v) / 100.0;
}

/* The score range of band b: from its min up to the next band's min (or 100). */
static void band_range(const struct rules *r, size_t b, double *lo, double *hi)
{
    *lo = clamp100(r->bands[b].min);
    *hi = b == 0 ? 100.0 : clamp100(r->bands[b - 1].min);
}

/* Band names sit above their zones, in two staggered rows when one row would crowd. */
static bool bands_staggered(const struct rules *r)
{
    for (size_t b = 0; b < r->n_bands; b++) {
        double lo, hi;
        band_range(r, b, &lo, &hi);
        double room = (hi - lo) * PLOT_W / 100.0;
        double need = 7.2 * (double)utf8_width(r->bands[b].title, strlen(r->bands[b].title)) + 8;
        if (need > room)
            return true;
    }
    return false;
}

static double bands_header(const struct rules *r)
{
    return bands_staggered(r) ? 46 : 30;
}

/* The bands as labelled zones from top to bottom, with the thresholds on an axis. */
static void svg_band_zones(struct strbuf *out, const struct rules *r, double top, double bottom)
{
    bool stagger = bands_staggered(r);
    for (size_t b = 0; b < r->n_bands; b++) {
        double lo, hi;
        band_range(r, b, &lo, &hi);
        if (hi <= lo)
            continue;
        svg_rect(out, bar_x(lo), top, bar_x(hi) - bar_x(lo), bottom - top,
                 b % 2 ? "fill=\"#f5f5f5\"" : "fill=\"#e6e6e6\"");
        svg_text_open(out, (bar_x(lo) + bar_x(hi)) / 2, stagger && b % 2 ? 36 : 20, "s", "middle",
                      0);
        html_text(out, r->bands[b].title);
        strbuf_adds(out, "</text>\n");
    }
    for (size_t b = 0; b < r->n_bands; b++) {
        double lo = clamp100(r->bands[b].min);
        if (lo > 0 && lo < 100)
            svg_line(out, bar_x(lo), top, bar_x(lo), bottom + 5,
                     "stroke=\"#4d4d4d\" stroke-width=\"1\" stroke-dasharray=\"4 3\"");
    }
    svg_line(out, PLOT_X, bottom, PLOT_X + PLOT_W, bottom, "stroke=\"#1b1b1b\" stroke-width=\"1\"");
    /* Tick labels at 100, at each threshold and at 0, skipping any that would collide. */
    double last = -1000;
    for (size_t k = 0; k <= r->n_bands + 1; k++) {
        double v = k == 0 ? 100.0 : k <= r->n_bands ? clamp100(r->bands[k - 1].min) : 0.0;
        double x = bar_x(v);
        if (fabs(last - x) < 26)
            continue;
        last = x;
        svg_line(out, x, bottom, x, bottom + 5, "stroke=\"#1b1b1b\" stroke-width=\"1\"");
        svg_text_open(out, x, bottom + 19, "s", "middle", 0);
        tick_number(out, v);
        strbuf_adds(out, "</text>\n");
    }
}

/* "Embedded from 80 to 100; Established from 60 to 80; ..." */
static void bands_in_words(struct strbuf *out, const struct rules *r)
{
    strbuf_adds(out, "The bands: ");
    for (size_t b = 0; b < r->n_bands; b++) {
        double lo, hi;
        band_range(r, b, &lo, &hi);
        strbuf_adds(out, b ? "; " : "");
        html_text(out, r->bands[b].title);
        strbuf_adds(out, " from ");
        tick_number(out, lo);
        strbuf_adds(out, b ? " to under " : " to ");
        tick_number(out, hi);
    }
    strbuf_adds(out, ".");
}

/* ---- assess ---- */

static bool is_gap(const struct score *s, size_t item)
{
    const struct score_stage *st = &s->stages[s->rules->items[item].stage];
    for (size_t g = 0; g < st->n_gaps; g++)
        if (st->gaps[g] == item)
            return true;
    return false;
}

static void stage_score(struct strbuf *out, const struct score *s, size_t stage)
{
    html_score(out, s->stages[stage].has_score, &s->stages[stage].score_exact);
}

static void coverage(struct strbuf *out, const struct score_stage *st)
{
    strbuf_addf(out, "%zu of %zu", st->answered, st->answerable);
    if (st->answerable == 0)
        return;
    strbuf_adds(out, " (");
    report_add_percent(out, st->answered, st->answerable);
    strbuf_adds(out, "%)");
}

static size_t disagreements(const struct score *s, size_t stage)
{
    const struct rules_stage *rs = &s->rules->stages[stage];
    size_t n = 0;
    for (size_t i = rs->first_item; i < rs->first_item + rs->n_items; i++)
        n += s->items[i].disagreement;
    return n;
}

static void assess_header(struct page *p, const struct report_ctx *ctx)
{
    struct strbuf *out = p->out;
    const struct score *s = ctx->score;
    const struct assessment *a = s->assessment;
    const struct rules *r = s->rules;
    page_open(out);
    strbuf_adds(out, "Implementation readiness: ");
    html_text(out, a->organisation);
    strbuf_adds(out, ", ");
    html_text(out, a->date);
    page_head_end(out);
    strbuf_adds(out, "<header>\n<h1>Implementation readiness: ");
    html_text(out, a->organisation);
    strbuf_adds(out, "</h1>\n<dl class=\"meta\">\n");
    meta_term(out, "Organisation");
    html_text(out, a->organisation);
    strbuf_adds(out, "</dd>\n");
    meta_term(out, "Date");
    html_text(out, a->date);
    strbuf_adds(out, "</dd>\n");
    meta_term(out, "Respondents");
    strbuf_addf(out, "%zu</dd>\n", a->respondents);
    meta_model(out, r);
    strbuf_adds(out, "</dl>\n");
    if (s->attribute)
        strbuf_adds(out, "<p class=\"attribution\">" REPORT_ATTRIBUTION_ON "</p>\n");
    struct strbuf anonymity = STRBUF_INIT;
    report_anonymity_note(&anonymity, s);
    if (anonymity.len) {
        strbuf_adds(out, "<p class=\"attribution\">");
        html_text(out, strbuf_str(&anonymity));
        strbuf_adds(out, "</p>\n");
    }
    strbuf_release(&anonymity);
    strbuf_adds(out, "<nav aria-label=\"Contents\">\n<ul>\n"
                     "<li><a href=\"#summary\">Summary</a></li>\n"
                     "<li><a href=\"#actions\">Actions to take first</a></li>\n");
    for (size_t st = 0; st < r->n_stages; st++) {
        strbuf_addf(out, "<li><a href=\"#stage-%zu\">", st + 1);
        html_text(out, r->stages[st].title);
        strbuf_adds(out, "</a></li>\n");
    }
    if (s->breakdown.state != BREAKDOWN_OFF) {
        struct strbuf title = STRBUF_INIT;
        report_breakdown_title(&title, &s->breakdown);
        strbuf_adds(out, "<li><a href=\"#groups\">");
        html_text(out, strbuf_str(&title));
        strbuf_adds(out, "</a></li>\n");
        strbuf_release(&title);
    }
    strbuf_adds(out, "<li><a href=\"#about\">About the evidence</a></li>\n</ul>\n</nav>\n"
                     "</header>\n<main>\n");
}

static void focus_callouts(struct strbuf *out, const struct score *s)
{
    const struct rules *r = s->rules;
    size_t na = score_stages_not_applicable(s);
    if (s->focus < 0 && na == r->n_stages) {
        strbuf_adds(out, "<div class=\"callout\"><p><span class=\"label\">Nothing was scored:"
                         "</span> every question was answered n/a, so no stage applies and "
                         "there is no focus.</p></div>\n");
        return;
    }
    if (s->focus < 0) {
        strbuf_adds(out, na ? "<div class=\"callout ok\"><p><span class=\"label\">No focus "
                              "stage:</span> every stage that applies is in the top band ("
                            : "<div class=\"callout ok\"><p><span class=\"label\">No focus "
                              "stage:</span> every stage is in the top band (");
        if (r->n_bands)
            html_text(out, r->bands[0].title);
        strbuf_adds(out, na ? "); the others do not apply (every question answered n/a). Keep "
                              "it there.</p></div>\n"
                            : "). Keep it there.</p></div>\n");
        return;
    }
    const char *focus = r->stages[s->focus].title;
    strbuf_adds(out, "<div class=\"callout\"><p><span class=\"label\">Focus: ");
    html_text(out, focus);
    strbuf_adds(out, ".</span> Stages build on each other, and this is the earliest one not yet ");
    if (r->n_bands)
        html_text(out, r->bands[0].title);
    strbuf_adds(out, ".</p></div>\n");
    for (size_t st = 0; st < r->n_stages; st++) {
        if (!s->stages[st].rests_on_earlier)
            continue;
        strbuf_adds(out, "<div class=\"callout note\"><p><span class=\"label\">Rests on an "
                         "earlier stage:</span> ");
        html_text(out, r->stages[st].title);
        strbuf_adds(out, " scores better than ");
        html_text(out, focus);
        strbuf_adds(out, ", but its strengths rest on ");
        html_text(out, focus);
        strbuf_adds(out, ", which is not there yet. Read its score with care.</p></div>\n");
    }
}

/* The stage's title as the chart shows it, with the focus and flag named in words. */
static void stage_label(struct strbuf *out, const struct score *s, size_t st)
{
    html_text(out, s->rules->stages[st].title);
    if ((int)st == s->focus)
        strbuf_adds(out, " \xE2\x80\x94 focus: work on this first");
    else if (s->stages[st].rests_on_earlier)
        strbuf_adds(out, " \xE2\x80\x94 rests on an earlier stage");
}

static void stage_chart(struct page *p, const struct score *s)
{
    struct strbuf *out = p->out;
    const struct rules *r = s->rules;
    const double row = 56, top = bands_header(r), bottom = top + row * (double)r->n_stages;
    struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
    strbuf_adds(&title, "Stage scores out of 100, against the bands");
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct score_stage *ss = &s->stages[st];
        html_text(&desc, r->stages[st].title);
        if (ss->has_score) {
            strbuf_adds(&desc, " scores ");
            report_add_exact(&desc, &ss->score_exact);
            strbuf_adds(&desc, " out of 100, in the ");
            html_text(&desc, score_band_title(s, st));
            strbuf_adds(&desc, " band");
        } else {
            strbuf_adds(&desc, " has no score: too few questions were answered");
        }
        strbuf_adds(&desc, (int)st == s->focus ? ", and is the focus. " : ". ");
    }
    bands_in_words(&desc, r);
    svg_open(p, BARS_W, bottom + 28, &title, &desc);
    svg_band_zones(out, r, top, bottom);
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct score_stage *ss = &s->stages[st];
        double y = top + row * (double)st;
        svg_text_open(out, PLOT_X + 6, y + 18, "b", NULL, 0);
        stage_label(out, s, st);
        strbuf_adds(out, "</text>\n");
        if (ss->has_score) {
            svg_rect_fill(out, PLOT_X, y + 26, bar_x(ss->score) - PLOT_X, 20, BAR_COLOUR, NULL);
            svg_text_open(out, LABEL_X, y + 41, "b", NULL, 0);
            report_add_exact(out, &ss->score_exact);
            strbuf_adds(out, " \xC2\xB7 ");
        } else {
            svg_rect(out, PLOT_X, y + 26, PLOT_W, 20,
                     "fill=\"none\" stroke=\"#4d4d4d\" stroke-dasharray=\"5 4\"");
            svg_text_open(out, PLOT_X + 8, y + 41, "s", NULL, 0);
            strbuf_adds(out, "not scored: too few answers</text>\n");
            svg_text_open(out, LABEL_X, y + 41, "b", NULL, 0);
            strbuf_adds(out, "no score \xC2\xB7 ");
        }
        html_text(out, score_band_title(s, st));
        strbuf_adds(out, "</text>\n");
    }
    svg_close(p, "Each bar is a stage&#39;s score on 0 to 100. The shaded zones are the bands, "
                 "named above the chart; the dashed lines mark where each band starts. The same "
                 "numbers are in the table below.");
    strbuf_release(&title);
    strbuf_release(&desc);
}

static void summary_table(struct strbuf *out, const struct score *s)
{
    const struct rules *r = s->rules;
    bool many = s->assessment->respondents > 1;
    strbuf_adds(out, "<table class=\"keep\">\n<caption>Stage scores <span class=\"muted\">"
                     "(0 to 100; answered: questions answered of those that apply)</span>"
                     "</caption>\n<thead><tr><th scope=\"col\">Stage</th>"
                     "<th scope=\"col\" class=\"num\">Score</th><th scope=\"col\">Band</th>"
                     "<th scope=\"col\" class=\"num\">Answered</th>");
    if (many)
        strbuf_adds(out, "<th scope=\"col\" class=\"num\">Respondents disagree on</th>");
    strbuf_adds(out, "<th scope=\"col\">Note</th></tr></thead>\n<tbody>\n");
    for (size_t st = 0; st < r->n_stages; st++) {
        strbuf_adds(out, "<tr><th scope=\"row\">");
        html_text(out, r->stages[st].title);
        strbuf_adds(out, "</th><td class=\"num\">");
        stage_score(out, s, st);
        strbuf_adds(out, "</td><td>");
        html_text(out, score_band_title(s, st));
        strbuf_adds(out, "</td><td class=\"num\">");
        coverage(out, &s->stages[st]);
        strbuf_adds(out, "</td>");
        if (many) {
            size_t n = disagreements(s, st);
            strbuf_addf(out, "<td class=\"num\">%zu item%s</td>", n, plural(n));
        }
        strbuf_adds(out, "<td>");
        if ((int)st == s->focus)
            strbuf_adds(out, "<span class=\"tag\">Focus</span> work on this first");
        else if (s->stages[st].rests_on_earlier)
            strbuf_adds(out, "<span class=\"tag\">Rests on an earlier stage</span>");
        strbuf_adds(out, "</td></tr>\n");
    }
    strbuf_adds(out, "</tbody>\n</table>\n");
}

/* Opens a heat map cell shaded for score, its text in the colour that reads on it. */
static void heat_cell_open(struct strbuf *out, double score)
{
    unsigned long bg = ramp_colour(score);
    strbuf_addf(out, "<td class=\"heat\" style=\"--shade:#%06lx;background:#%06lx;color:%s\">", bg,
                bg, text_colour_on(bg));
}

/* One shaded cell of the heat map: the score as a number on a shade of the ramp. */
static void heat_cell(struct strbuf *out, const struct score_cell *c)
{
    if (!c->items) {
        strbuf_adds(out, "<td class=\"empty\">no items</td>");
        return;
    }
    if (!c->has_score) {
        strbuf_addf(out,
                    "<td class=\"empty\">not scored<span class=\"sub\">%zu of %zu "
                    "answered</span></td>",
                    c->answered, c->items);
        return;
    }
    heat_cell_open(out, c->score);
    report_add_exact(out, &c->score_exact);
    strbuf_addf(out, "<span class=\"sub\">%zu of %zu answered</span></td>", c->answered, c->items);
}

static void heat_key(struct strbuf *out)
{
    strbuf_adds(out, "<div class=\"key\" aria-hidden=\"true\"><span class=\"k\">Shade:</span>");
    for (int v = 0; v <= 100; v += 20) {
        unsigned long bg = ramp_colour(v);
        strbuf_addf(out, "<span style=\"--shade:#%06lx;background:#%06lx;color:%s\">%d</span>", bg,
                    bg, text_colour_on(bg), v);
    }
    strbuf_adds(out, "</div>\n");
}

static void heat_caption_note(struct strbuf *out)
{
    strbuf_adds(out, " <span class=\"muted\">(0 to 100 in each cell; the darker the shade, the "
                     "higher the score)</span>");
}

/* The whole stage x level matrix: a row per stage, a column per level. */
static void heat_matrix(struct strbuf *out, const struct score *s)
{
    const struct rules *r = s->rules;
    strbuf_adds(out, "<h3>Stage by level of change</h3>\n<table class=\"keep\">\n<caption>"
                     "Score by stage and level of change");
    heat_caption_note(out);
    strbuf_adds(out, "</caption>\n<thead><tr><th scope=\"col\">Stage</th>");
    for (size_t l = 0; l < r->n_levels; l++) {
        strbuf_adds(out, "<th scope=\"col\">");
        html_text(out, r->levels[l].title);
        strbuf_adds(out, "</th>");
    }
    strbuf_adds(out, "</tr></thead>\n<tbody>\n");
    for (size_t st = 0; st < r->n_stages; st++) {
        strbuf_adds(out, "<tr><th scope=\"row\">");
        html_text(out, r->stages[st].title);
        strbuf_adds(out, "</th>");
        for (size_t l = 0; l < r->n_levels; l++)
            heat_cell(out, &s->stages[st].levels[l]);
        strbuf_adds(out, "</tr>\n");
    }
    strbuf_adds(out, "</tbody>\n</table>\n");
    heat_key(out);
}

static void summary_section(struct page *p, const struct score *s)
{
    struct strbuf *out = p->out;
    const struct rules *r = s->rules;
    strbuf_adds(out, "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
                     "<h2 id=\"summary-h\">Summary</h2>\n");
    focus_callouts(out, s);
    stage_chart(p, s);
    summary_table(out, s);
    strbuf_addf(out,
                "<p>Scores run from 0 to 100. A stage with too few answers is not scored. "
                "In the gap tables, the answer is on the questionnaire&#39;s scale of %ld "
                "to %ld (for a barrier, a high answer means it bites) and the impact is "
                "the points the stage would gain if that gap were closed.",
                r->scale_min, r->scale_max);
    if (s->assessment->respondents > 1)
        strbuf_addf(out,
                    " Answers are averages over %zu respondents; respondents disagree on "
                    "an item when their answers are spread over a quarter of the scale "
                    "or more.",
                    s->assessment->respondents);
    strbuf_adds(out, "</p>\n");
    heat_matrix(out, s);
    strbuf_adds(out, "</section>\n");
}

/* The open gaps a suggestion addresses, with the points each would add. */
static void addressed_gaps(struct strbuf *out, const struct score *s, size_t suggestion)
{
    const struct rules_item *sg = &s->rules->items[suggestion];
    strbuf_adds(out, "<ul class=\"cell\">");
    for (size_t k = 0; k < sg->n_addresses; k++) {
        size_t item = sg->addresses[k];
        if (!is_gap(s, item))
            continue;
        strbuf_adds(out, "<li>");
        html_text(out, s->rules->items[item].text);
        strbuf_adds(out, " (");
        report_add_exact(out, &s->items[item].impact_exact);
        strbuf_adds(out, " points)</li>");
    }
    strbuf_adds(out, "</ul>");
}

/* One table of suggestions in priority order: actions to take, or to keep going with. */
static size_t action_table(struct strbuf *out, const struct score *s, enum score_action which)
{
    const struct rules *r = s->rules;
    size_t shown = 0;
    for (size_t k = 0; k < s->n_ranked && shown < ACTIONS_MAX; k++) {
        const struct score_suggestion *sg = &s->suggestions[s->by_priority[k]];
        if (score_suggestion_action(s, sg) != which)
            continue;
        const struct rules_item *it = &r->items[sg->item];
        if (!shown)
            strbuf_adds(out, which == SCORE_TAKE_ACTION
                                 ? "<table>\n<caption>The focus stage's suggestions first, "
                                   "then earlier stages', then later ones'; within a stage, "
                                   "those that would close the most points of open gaps "
                                   "first <span class=\"muted\">(points: what the stage "
                                   "would gain if every gap the suggestion addresses were "
                                   "closed; points of different stages do not "
                                   "compare)</span></caption>\n"
                                 : "<table>\n<caption>Suggestions already acted on whose gaps "
                                   "are still open</caption>\n");
        if (!shown)
            strbuf_adds(out, "<thead><tr><th scope=\"col\" class=\"num\">Rank</th>"
                             "<th scope=\"col\">Action</th><th scope=\"col\">Stage</th>"
                             "<th scope=\"col\" class=\"num\">Points</th>"
                             "<th scope=\"col\">Gaps it addresses</th></tr></thead>\n"
                             "<tbody>\n");
        strbuf_addf(out, "<tr><td class=\"num\">%zu</td><th scope=\"row\">", ++shown);
        html_text(out, it->text);
        strbuf_adds(out, "<span class=\"id\">");
        html_text(out, it->id);
        strbuf_adds(out, "</span></th><td>");
        html_text(out, r->stages[it->stage].title);
        strbuf_adds(out, "</td><td class=\"num\">");
        report_add_exact(out, &sg->points_exact);
        strbuf_adds(out, "</td><td>");
        addressed_gaps(out, s, sg->item);
        strbuf_adds(out, "</td></tr>\n");
    }
    if (shown)
        strbuf_adds(out, "</tbody>\n</table>\n");
    return shown;
}

/*
 * The focus stage's actions first, then earlier stages', then later; those already
 * acted on apart, to keep going with (docs/scoring.md).
 */
static void actions_section(struct strbuf *out, const struct score *s)
{
    bool keep_going = false;
    for (size_t k = 0; k < s->n_ranked; k++)
        keep_going |=
            score_suggestion_action(s, &s->suggestions[s->by_priority[k]]) == SCORE_KEEP_GOING;
    strbuf_adds(out, "<section id=\"actions\" aria-labelledby=\"actions-h\">\n"
                     "<h2 id=\"actions-h\">Actions to take first</h2>\n");
    if (!action_table(out, s, SCORE_TAKE_ACTION))
        strbuf_adds(out, keep_going ? "<p>Every suggestion that addresses an open gap is "
                                      "already acted on: keep going with those below.</p>\n"
                                    : "<p>No suggestion addresses an open gap.</p>\n");
    if (keep_going) {
        strbuf_adds(out, "<h3 id=\"keep-going-h\">Keep going</h3>\n");
        action_table(out, s, SCORE_KEEP_GOING);
    }
    strbuf_adds(out, "</section>\n");
}

/* Who wrote a note: "r07 (practitioner)", "r07", "practitioner" or "A respondent". */
static void note_who(struct strbuf *out, const struct answer_note *n)
{
    strbuf_adds(out, "<span class=\"who\">");
    if (n->respondent) {
        html_text(out, n->respondent);
        if (n->role) {
            strbuf_adds(out, " (");
            html_text(out, n->role);
            strbuf_adds(out, ")");
        }
    } else if (n->role) {
        html_text(out, n->role);
    } else {
        strbuf_adds(out, "A respondent");
    }
    strbuf_adds(out, ":</span> ");
}

/* What respondents wrote beside an item, as a list; nothing when they wrote nothing. */
static void notes_list(struct strbuf *out, const struct score_item *it)
{
    if (!it->n_notes)
        return;
    strbuf_adds(out, "<ul class=\"cell said\">");
    for (size_t k = 0; k < it->n_notes; k++) {
        const struct answer_note *n = &it->notes[k];
        strbuf_adds(out, "<li>");
        note_who(out, n);
        if (n->note) {
            strbuf_adds(out, "\xE2\x80\x9C");
            html_text(out, n->note);
            strbuf_adds(out, "\xE2\x80\x9D");
        }
        if (n->note && n->evidence)
            strbuf_adds(out, " ");
        if (n->evidence) {
            strbuf_adds(out, "<span class=\"label\">Evidence:</span> ");
            html_text(out, n->evidence);
        }
        strbuf_adds(out, "</li>");
    }
    strbuf_adds(out, "</ul>");
}

static void answer_cell(struct strbuf *out, const struct score *s, size_t item)
{
    const struct score_item *it = &s->items[item];
    const struct item_tally *t = &s->assessment->items[item];
    strbuf_adds(out, "<td class=\"num\">");
    report_add_ratio(out, it->answer_num, it->answer_den);
    if (s->assessment->respondents > 1) {
        strbuf_addf(out, "<span class=\"sub\">mean of %zu, range ", t->n);
        report_add_ratio(out, t->min, EXACT_SCALE);
        strbuf_adds(out, " to ");
        report_add_ratio(out, t->max, EXACT_SCALE);
        strbuf_adds(out, "</span>");
        if (it->disagreement)
            strbuf_adds(out, "<span class=\"tag\">respondents disagree</span>");
    }
    strbuf_adds(out, "</td>");
}

/* The suggestions that address an item, in priority order. */
static void suggestions_for(struct strbuf *out, const struct score *s, size_t item)
{
    size_t *sgs = xcalloc(s->n_suggestions + 1, sizeof(*sgs));
    size_t n = score_suggestions_for(s, item, sgs);
    for (size_t k = 0; k < n; k++) {
        strbuf_adds(out, k ? "<li>" : "<ul class=\"cell\"><li>");
        html_text(out, s->rules->items[sgs[k]].text);
        if (s->items[sgs[k]].acted_on)
            strbuf_adds(out, " <span class=\"tag\">already acted on</span>");
        strbuf_adds(out, "</li>");
    }
    strbuf_adds(out, n ? "</ul>" : "<span class=\"muted\">none</span>");
    free(sgs);
}

static void gaps_table(struct strbuf *out, const struct score *s, size_t stage)
{
    const struct rules *r = s->rules;
    const struct score_stage *st = &s->stages[stage];
    strbuf_adds(out, "<h3>Gaps in ");
    html_text(out, r->stages[stage].title);
    strbuf_adds(out, ", largest first</h3>\n");
    if (!st->n_gaps) {
        strbuf_adds(out, "<p>No gaps: every answered question is at the best end of the "
                         "scale.</p>\n");
        return;
    }
    strbuf_adds(out, "<table>\n<caption>Gaps in ");
    html_text(out, r->stages[stage].title);
    strbuf_addf(out,
                " <span class=\"muted\">(answer on %ld to %ld; impact: points the stage "
                "would gain if the gap were closed)</span></caption>\n<thead><tr>"
                "<th scope=\"col\">Gap</th><th scope=\"col\">Kind</th>"
                "<th scope=\"col\">Level</th><th scope=\"col\" class=\"num\">Answer</th>"
                "<th scope=\"col\" class=\"num\">Impact</th>"
                "<th scope=\"col\">Suggestions that address it</th>"
                "<th scope=\"col\">What respondents said</th></tr></thead>\n<tbody>\n",
                r->scale_min, r->scale_max);
    for (size_t g = 0; g < st->n_gaps; g++) {
        size_t i = st->gaps[g];
        const struct rules_item *it = &r->items[i];
        strbuf_adds(out, "<tr><th scope=\"row\">");
        html_text(out, it->text);
        strbuf_adds(out, "<span class=\"id\">");
        html_text(out, it->id);
        strbuf_addf(out, "</span></th><td>%s</td><td>", item_kind_name(it->kind));
        html_text(out, r->levels[it->level].title);
        strbuf_adds(out, "</td>");
        answer_cell(out, s, i);
        strbuf_adds(out, "<td class=\"num\">");
        report_add_exact(out, &s->items[i].impact_exact);
        strbuf_adds(out, "</td><td>");
        suggestions_for(out, s, i);
        strbuf_adds(out, "</td><td>");
        notes_list(out, &s->items[i]);
        strbuf_adds(out, "</td></tr>\n");
    }
    strbuf_adds(out, "</tbody>\n</table>\n");
}

static void stage_levels(struct strbuf *out, const struct score *s, size_t stage)
{
    const struct rules *r = s->rules;
    strbuf_adds(out, "<h3>");
    html_text(out, r->stages[stage].title);
    strbuf_adds(out, " by level of change</h3>\n<table class=\"keep narrow\">\n<caption>");
    html_text(out, r->stages[stage].title);
    strbuf_adds(out, " by level of change");
    heat_caption_note(out);
    strbuf_adds(out, "</caption>\n<thead><tr><th scope=\"col\">Level</th>"
                     "<th scope=\"col\">Score</th></tr></thead>\n<tbody>\n");
    for (size_t l = 0; l < r->n_levels; l++) {
        strbuf_adds(out, "<tr><th scope=\"row\">");
        html_text(out, r->levels[l].title);
        strbuf_adds(out, "</th>");
        heat_cell(out, &s->stages[stage].levels[l]);
        strbuf_adds(out, "</tr>\n");
    }
    strbuf_adds(out, "</tbody>\n</table>\n");
}

/* The stage's items in one state, each with its notes, under a heading. */
static void item_list(struct strbuf *out, const struct score *s, size_t stage,
                      enum score_state state, const char *heading, const char *lead)
{
    const struct rules *r = s->rules;
    const struct rules_stage *rs = &r->stages[stage];
    bool any = false;
    for (size_t i = rs->first_item; i < rs->first_item + rs->n_items; i++) {
        const struct score_item *si = &s->items[i];
        if (si->state != state)
            continue;
        /* Scored items are listed here only for their notes, when they are no gap. */
        if (state == SCORED && (is_gap(s, i) || !si->n_notes))
            continue;
        if (!any) {
            strbuf_addf(out, "<h3>%s", heading);
            html_text(out, rs->title);
            strbuf_adds(out, "</h3>\n<p>");
            strbuf_adds(out, lead);
            strbuf_adds(out, "</p>\n<ul>\n");
        }
        any = true;
        strbuf_adds(out, "<li>");
        html_text(out, r->items[i].text);
        strbuf_addf(out, " <span class=\"muted\">(%s)</span>", item_kind_name(r->items[i].kind));
        if (state == UNKNOWN && r->items[i].question) {
            strbuf_adds(out, "<br><span class=\"muted\">Ask: ");
            html_text(out, r->items[i].question);
            strbuf_adds(out, "</span>");
        }
        notes_list(out, si);
        strbuf_adds(out, "</li>\n");
    }
    if (any)
        strbuf_adds(out, "</ul>\n");
}

static void stage_section(struct strbuf *out, const struct score *s, size_t stage)
{
    const struct rules *r = s->rules;
    const struct score_stage *st = &s->stages[stage];
    const struct rules_stage *rs = &r->stages[stage];
    strbuf_addf(out,
                "<section class=\"stage\" id=\"stage-%zu\" aria-labelledby=\"stage-%zu-h\">\n"
                "<h2 id=\"stage-%zu-h\">",
                stage + 1, stage + 1, stage + 1);
    html_text(out, rs->title);
    strbuf_adds(out, ": ");
    stage_score(out, s, stage);
    strbuf_adds(out, ", ");
    html_text(out, score_band_title(s, stage));
    strbuf_adds(out, "</h2>\n");
    if (rs->description) {
        strbuf_adds(out, "<p>");
        html_text(out, rs->description);
        strbuf_adds(out, "</p>\n");
    }
    strbuf_adds(out, "<p><span class=\"label\">Score:</span> ");
    stage_score(out, s, stage);
    strbuf_adds(out, " out of 100, band ");
    html_text(out, score_band_title(s, stage));
    strbuf_adds(out, ". <span class=\"label\">Answered:</span> ");
    coverage(out, st);
    strbuf_adds(out, " of the questions that apply.");
    if ((int)stage == s->focus)
        strbuf_adds(out, " <span class=\"tag\">Focus</span> Work on this stage first.");
    if (st->band != SCORE_NO_BAND && r->bands[st->band].description) {
        strbuf_adds(out, " <span class=\"label\">What the band means:</span> ");
        html_text(out, r->bands[st->band].description);
    }
    strbuf_adds(out, "</p>\n");
    if (s->assessment->respondents > 1) {
        size_t n = disagreements(s, stage);
        if (n)
            strbuf_addf(out,
                        "<p><span class=\"tag\">respondents disagree</span> on %zu item%s "
                        "in this stage: talk about why before acting on them.</p>\n",
                        n, plural(n));
    }
    gaps_table(out, s, stage);
    stage_levels(out, s, stage);
    item_list(out, s, stage, UNKNOWN, "Nobody knew in ",
              "Nobody could answer these questions. Find out: each lowers how much of the "
              "stage the score covers.");
    item_list(out, s, stage, NOT_APPLICABLE, "Not applicable in ",
              "Set aside: everyone who answered said these do not apply yet.");
    item_list(out, s, stage, SCORED, "Other notes on ",
              "What respondents wrote about items that are not gaps.");
    for (size_t k = 0; k < rs->n_notes; k++) {
        strbuf_adds(out, "<div class=\"callout source\"><p><span class=\"label\">From the "
                         "source:</span> ");
        html_text(out, rs->notes[k]);
        strbuf_adds(out, "</p></div>\n");
    }
    strbuf_adds(out, "</section>\n");
}

static void group_row(struct strbuf *out, const struct score *s, const struct score_group *g)
{
    struct strbuf name = STRBUF_INIT;
    report_group_name(&name, &s->breakdown, g);
    strbuf_adds(out, "<tr><th scope=\"row\">");
    html_text(out, strbuf_str(&name));
    strbuf_addf(out, "</th><td class=\"num\">%zu</td>", g->respondents);
    for (size_t st = 0; st < s->rules->n_stages; st++) {
        if (g->has_score[st]) {
            heat_cell_open(out, g->scores[st]);
            report_add_exact(out, &g->scores_exact[st]);
            strbuf_adds(out, "</td>");
        } else {
            strbuf_adds(out, "<td class=\"empty\">not scored</td>");
        }
    }
    strbuf_adds(out, "</tr>\n");
    strbuf_release(&name);
}

/* A breakdown's section and its heading: every page's says "By team" the same way. */
static void breakdown_open(struct strbuf *out, const struct score_breakdown *b)
{
    struct strbuf title = STRBUF_INIT;
    report_breakdown_title(&title, b);
    strbuf_adds(out, "<section id=\"groups\" aria-labelledby=\"groups-h\">\n<h2 id=\"groups-h\">");
    html_text(out, strbuf_str(&title));
    strbuf_adds(out, "</h2>\n");
    strbuf_release(&title);
}

/* Why the breakdown is left out, or how its pooled row was made; then the section's end. */
static void breakdown_close(struct strbuf *out, const struct score_breakdown *b)
{
    struct strbuf note = STRBUF_INIT;
    report_breakdown_note(&note, b);
    if (note.len) {
        strbuf_adds(out, "<p class=\"muted\">");
        html_text(out, strbuf_str(&note));
        strbuf_adds(out, "</p>\n");
    }
    strbuf_adds(out, "</section>\n");
    strbuf_release(&note);
}

/* The groups x stages heat map under the anonymity threshold, or why it is left out. */
static void breakdown_section(struct strbuf *out, const struct score *s)
{
    const struct rules *r = s->rules;
    const struct score_breakdown *b = &s->breakdown;
    if (b->state == BREAKDOWN_OFF)
        return;
    breakdown_open(out, b);
    if (b->n_groups) {
        strbuf_adds(out, "<table class=\"keep\">\n<caption>Stage scores by group <span "
                         "class=\"muted\">(each scored over that group&#39;s respondents "
                         "alone; the darker the shade, the higher the score)</span></caption>\n"
                         "<thead><tr><th scope=\"col\">Group</th><th scope=\"col\" "
                         "class=\"num\">Respondents</th>");
        for (size_t st = 0; st < r->n_stages; st++) {
            strbuf_adds(out, "<th scope=\"col\">");
            html_text(out, r->stages[st].title);
            strbuf_adds(out, "</th>");
        }
        strbuf_adds(out, "</tr></thead>\n<tbody>\n");
        for (size_t k = 0; k < b->n_groups; k++)
            group_row(out, s, &b->groups[k]);
        strbuf_adds(out, "</tbody>\n</table>\n");
        heat_key(out);
    }
    breakdown_close(out, b);
}

/* Comments on the assessment as a whole, by question; never with who wrote them. */
static void comments_section(struct strbuf *out, const struct score *s)
{
    size_t n;
    const struct answer_comment **v = report_sorted_comments(s, &n);
    if (n)
        strbuf_adds(out, "<section id=\"comments\" aria-labelledby=\"comments-h\">\n"
                         "<h2 id=\"comments-h\">Comments</h2>\n<p class=\"muted\">Free text "
                         "respondents wrote, not scored and shown without names.</p>\n");
    for (size_t k = 0; k < n; k++) {
        if (report_comment_starts_group(v, k)) {
            if (k)
                strbuf_adds(out, "</ul>\n");
            strbuf_adds(out, "<h3>");
            if (v[k]->about) {
                strbuf_adds(out, "Asked: ");
                html_text(out, v[k]->about);
            } else {
                strbuf_adds(out, "Other comments");
            }
            strbuf_adds(out, "</h3>\n<ul>\n");
        }
        strbuf_adds(out, "<li>");
        html_text(out, v[k]->text);
        strbuf_adds(out, "</li>\n");
    }
    if (n)
        strbuf_adds(out, "</ul>\n</section>\n");
    free(v);
}

void report_render_html(const struct report_ctx *ctx, struct strbuf *out)
{
    const struct score *s = ctx->score;
    struct page p = {out, 0};
    assess_header(&p, ctx);
    summary_section(&p, s);
    actions_section(out, s);
    for (size_t st = 0; st < s->rules->n_stages; st++)
        stage_section(out, s, st);
    comments_section(out, s);
    breakdown_section(out, s);
    about_section(out, s);
    page_close(out, ctx->tool_version);
}

/* A stage's score before, after, and the change: three cells. */
static void change_cells(struct strbuf *out, const struct compare_stage *cs)
{
    strbuf_adds(out, "<td class=\"num\">");
    html_shown(out, cs->has_before, cs->before);
    strbuf_adds(out, "</td><td class=\"num\">");
    html_shown(out, cs->has_after, cs->after);
    strbuf_adds(out, "</td><td class=\"num\">");
    if (cs->has_before && cs->has_after)
        html_delta(out, cs->delta);
    else
        strbuf_adds(out, "<span class=\"muted\">not comparable</span>");
    strbuf_adds(out, "</td>");
}

/* ---- compare ---- */

static void assessment_line(struct strbuf *out, const char *term, const struct assessment *a)
{
    meta_term(out, term);
    html_text(out, a->date);
    strbuf_addf(out, ", %zu respondent%s, ", a->respondents, plural(a->respondents));
    html_text(out, a->organisation);
    strbuf_adds(out, "</dd>\n");
}

static void focus_title(struct strbuf *out, const struct score *s)
{
    if (s->focus >= 0)
        html_text(out, s->rules->stages[s->focus].title);
    else
        strbuf_adds(out, "none (every stage in the top band)");
}

static void compare_chart(struct page *p, const struct compare *c)
{
    struct strbuf *out = p->out;
    const struct rules *r = c->before->rules;
    const double row = 72, top = bands_header(r), bottom = top + row * (double)r->n_stages;
    struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
    strbuf_adds(&title, "Stage scores before (");
    html_text(&title, c->before->assessment->date);
    strbuf_adds(&title, ") and after (");
    html_text(&title, c->after->assessment->date);
    strbuf_adds(&title, "), out of 100");
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct compare_stage *cs = &c->stages[st];
        html_text(&desc, r->stages[st].title);
        strbuf_adds(&desc, ": before ");
        html_shown(&desc, cs->has_before, cs->before);
        strbuf_adds(&desc, ", after ");
        html_shown(&desc, cs->has_after, cs->after);
        if (cs->has_before && cs->has_after) {
            strbuf_adds(&desc, ", a change of ");
            html_delta(&desc, cs->delta);
        }
        strbuf_adds(&desc, cs->regressed ? "; it fell. " : ". ");
    }
    bands_in_words(&desc, r);
    svg_open(p, BARS_W, bottom + 28, &title, &desc);
    svg_band_zones(out, r, top, bottom);
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct compare_stage *cs = &c->stages[st];
        double y = top + row * (double)st;
        svg_text_open(out, PLOT_X + 6, y + 18, "b", NULL, 0);
        html_text(out, r->stages[st].title);
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
                svg_rect_fill(out, PLOT_X, by, bar_x(v) - PLOT_X, 16,
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

static void compare_table(struct strbuf *out, const struct compare *c)
{
    const struct rules *r = c->before->rules;
    strbuf_adds(out, "<table class=\"keep\">\n<caption>Stage scores before and after "
                     "<span class=\"muted\">(0 to 100)</span></caption>\n<thead><tr>"
                     "<th scope=\"col\">Stage</th><th scope=\"col\" class=\"num\">Before</th>"
                     "<th scope=\"col\" class=\"num\">After</th>"
                     "<th scope=\"col\" class=\"num\">Change</th>"
                     "<th scope=\"col\">Band before</th><th scope=\"col\">Band after</th>"
                     "<th scope=\"col\">Fell?</th></tr></thead>\n<tbody>\n");
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct compare_stage *cs = &c->stages[st];
        strbuf_adds(out, "<tr><th scope=\"row\">");
        html_text(out, r->stages[st].title);
        strbuf_adds(out, "</th>");
        change_cells(out, cs);
        strbuf_adds(out, "<td>");
        html_text(out, score_band_title(c->before, st));
        strbuf_adds(out, "</td><td>");
        html_text(out, score_band_title(c->after, st));
        strbuf_adds(out, cs->regressed ? "</td><td><span class=\"tag\">Fell</span></td></tr>\n"
                                       : "</td><td>No</td></tr>\n");
    }
    strbuf_adds(out, "</tbody>\n</table>\n");
}

/* One group's stages before and after: a row group headed by its name and respondents. */
static void compare_group_rows(struct strbuf *out, const struct compare *c, size_t g)
{
    const struct rules *r = c->before->rules;
    const struct score_breakdown *b = &c->before->breakdown, *a = &c->after->breakdown;
    struct strbuf name = STRBUF_INIT;
    report_group_name(&name, b, &b->groups[g]);
    strbuf_adds(out, "<tbody>\n");
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct compare_stage *cs = compare_group_stage(c, g, st);
        strbuf_adds(out, "<tr>");
        if (st == 0) {
            strbuf_addf(out, "<th scope=\"rowgroup\" rowspan=\"%zu\">", r->n_stages);
            html_text(out, strbuf_str(&name));
            strbuf_addf(out,
                        "</th><td class=\"num\" rowspan=\"%zu\">%zu</td>"
                        "<td class=\"num\" rowspan=\"%zu\">%zu</td>",
                        r->n_stages, b->groups[g].respondents, r->n_stages,
                        a->groups[g].respondents);
        }
        strbuf_adds(out, "<th scope=\"row\">");
        html_text(out, r->stages[st].title);
        strbuf_adds(out, "</th>");
        change_cells(out, cs);
        strbuf_adds(out, "</tr>\n");
    }
    strbuf_adds(out, "</tbody>\n");
    strbuf_release(&name);
}

/* Each group's stages before and after, under the anonymity threshold; or why not. */
static void compare_groups_section(struct strbuf *out, const struct compare *c)
{
    const struct score_breakdown *b = &c->before->breakdown;
    if (b->state == BREAKDOWN_OFF)
        return;
    breakdown_open(out, b);
    if (c->n_groups) {
        strbuf_adds(out, "<table class=\"keep\">\n<caption>Stage scores by group before and "
                         "after <span class=\"muted\">(each scored over that group&#39;s "
                         "respondents alone, 0 to 100)</span></caption>\n<thead><tr>"
                         "<th scope=\"col\">Group</th>"
                         "<th scope=\"col\" class=\"num\">Respondents before</th>"
                         "<th scope=\"col\" class=\"num\">Respondents after</th>"
                         "<th scope=\"col\">Stage</th><th scope=\"col\" class=\"num\">Before</th>"
                         "<th scope=\"col\" class=\"num\">After</th>"
                         "<th scope=\"col\" class=\"num\">Change</th></tr></thead>\n");
        for (size_t g = 0; g < c->n_groups; g++)
            compare_group_rows(out, c, g);
        strbuf_adds(out, "</table>\n");
    }
    breakdown_close(out, b);
}

enum item_filter { MOVED, CLOSED, OPENED };

static bool item_selected(const struct compare_item *ci, enum item_filter f)
{
    return f == MOVED ? ci->moved : f == CLOSED ? ci->closed : ci->opened;
}

static void compare_items(struct strbuf *out, const struct compare *c, enum item_filter f)
{
    static const char *const headings[] = {"Answers that moved", "Gaps closed", "Gaps opened"};
    static const char *const captions[] = {
        "Answers that moved between the two assessments",
        "Gaps closed: answered below the acted-on mark before, at or above it after",
        "Gaps opened: at or above the acted-on mark before, below it after"};
    static const char *const ids[] = {"moved", "closed", "opened"};
    const struct rules *r = c->before->rules;
    strbuf_addf(out, "<section id=\"%s\" aria-labelledby=\"%s-h\">\n<h2 id=\"%s-h\">%s</h2>\n",
                ids[f], ids[f], ids[f], headings[f]);
    size_t shown = 0;
    for (size_t i = 0; i < r->n_items; i++) {
        const struct compare_item *ci = &c->items[i];
        if (!item_selected(ci, f))
            continue;
        if (!shown++)
            strbuf_addf(out,
                        "<table>\n<caption>%s <span class=\"muted\">(mean answers on %ld "
                        "to %ld; for a barrier, a high answer means it bites)</span>"
                        "</caption>\n<thead><tr><th scope=\"col\">Item</th>"
                        "<th scope=\"col\">Stage</th><th scope=\"col\">Kind</th>"
                        "<th scope=\"col\" class=\"num\">Before</th>"
                        "<th scope=\"col\" class=\"num\">After</th>"
                        "<th scope=\"col\" class=\"num\">Change</th>"
                        "<th scope=\"col\">Better or worse</th></tr></thead>\n"
                        "<tbody>\n",
                        captions[f], r->scale_min, r->scale_max);
        strbuf_adds(out, "<tr><th scope=\"row\">");
        html_text(out, r->items[i].text);
        strbuf_adds(out, "<span class=\"id\">");
        html_text(out, r->items[i].id);
        strbuf_adds(out, "</span></th><td>");
        html_text(out, r->stages[r->items[i].stage].title);
        strbuf_addf(out, "</td><td>%s</td><td class=\"num\">", item_kind_name(r->items[i].kind));
        html_shown(out, ci->has_before, ci->before);
        strbuf_adds(out, "</td><td class=\"num\">");
        html_shown(out, ci->has_after, ci->after);
        strbuf_adds(out, "</td><td class=\"num\">");
        if (ci->has_before && ci->has_after)
            html_delta(out, ci->after - ci->before);
        const char *dir = compare_direction_name(ci->direction);
        strbuf_addf(out, "</td><td>%s</td></tr>\n",
                    dir ? dir : "<span class=\"muted\">not comparable</span>");
    }
    strbuf_adds(out, shown ? "</tbody>\n</table>\n" : "<p>None.</p>\n");
    strbuf_adds(out, "</section>\n");
}

static void regression_callout(struct strbuf *out, const struct compare *c)
{
    const struct rules *r = c->before->rules;
    if (!c->regression) {
        strbuf_adds(out, "<div class=\"callout ok\"><p><span class=\"label\">No stage fell."
                         "</span></p></div>\n");
        return;
    }
    strbuf_adds(out, "<div class=\"callout\"><p><span class=\"label\">Regression: at least one "
                     "stage fell.</span> ");
    bool first = true;
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct compare_stage *cs = &c->stages[st];
        if (!cs->regressed)
            continue;
        strbuf_adds(out, first ? "" : "; ");
        html_text(out, r->stages[st].title);
        strbuf_adds(out, " fell from ");
        report_add_number(out, cs->before);
        strbuf_adds(out, " to ");
        report_add_number(out, cs->after);
        strbuf_adds(out, " (");
        html_delta(out, cs->delta);
        strbuf_adds(out, ")");
        first = false;
    }
    strbuf_adds(out, ".</p></div>\n");
}

void compare_render_html(const struct compare *c, const char *tool_version, struct strbuf *out)
{
    const struct score *b = c->before, *a = c->after;
    const struct rules *r = b->rules;
    struct page p = {out, 0};
    page_open(out);
    strbuf_adds(out, "Readiness compared: ");
    html_text(out, a->assessment->organisation);
    strbuf_adds(out, ", ");
    html_text(out, b->assessment->date);
    strbuf_adds(out, " and ");
    html_text(out, a->assessment->date);
    page_head_end(out);
    strbuf_adds(out, "<header>\n<h1>Readiness compared: ");
    html_text(out, a->assessment->organisation);
    strbuf_adds(out, "</h1>\n<dl class=\"meta\">\n");
    assessment_line(out, "Before", b->assessment);
    assessment_line(out, "After", a->assessment);
    meta_model(out, r);
    strbuf_adds(out,
                "</dl>\n</header>\n<main>\n<section id=\"stages\" aria-labelledby=\"stages-h\">"
                "\n<h2 id=\"stages-h\">Stages</h2>\n");
    regression_callout(out, c);
    compare_chart(&p, c);
    compare_table(out, c);
    strbuf_adds(out, "<p><span class=\"label\">Focus before:</span> ");
    focus_title(out, b);
    strbuf_adds(out, ". <span class=\"label\">Focus after:</span> ");
    focus_title(out, a);
    strbuf_addf(out, ". %zu gap%s closed, %zu opened.</p>\n</section>\n", c->n_closed,
                plural(c->n_closed), c->n_opened);
    compare_groups_section(out, c);
    compare_items(out, c, MOVED);
    compare_items(out, c, CLOSED);
    compare_items(out, c, OPENED);
    about_section(out, a);
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

/* Marker shape k centred on (x, y), outlined in white so overlapping markers stay apart. */
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
    switch (k % N_SERIES_STYLES) {
    case 0:
        strbuf_adds(out, "<circle");
        attr(out, "cx", x);
        attr(out, "cy", y);
        strbuf_addf(out, " r=\"5.5\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n",
                    colour);
        return;
    case 1:
        svg_rect_fill(out, x - 5, y - 5, 10, 10, colour, "#ffffff");
        return;
    case 7:
        strbuf_adds(out, "<circle");
        attr(out, "cx", x);
        attr(out, "cy", y);
        strbuf_addf(out, " r=\"5\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"2.5\"/>\n",
                    colour);
        return;
    case 5:
    case 6:
        strbuf_adds(out, "<path d=\"M");
        report_add_number(out, x);
        strbuf_addc(out, ',');
        report_add_number(out, y);
        strbuf_addf(out, " %s\" fill=\"none\" stroke=\"%s\" stroke-width=\"3\"/>\n",
                    paths[k % N_SERIES_STYLES], colour);
        return;
    default:
        strbuf_adds(out, "<path d=\"M");
        report_add_number(out, x);
        strbuf_addc(out, ',');
        report_add_number(out, y);
        strbuf_addf(out, " %s\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n",
                    paths[k % N_SERIES_STYLES], colour);
    }
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
    return g->bottom - (g->bottom - g->top) * clamp100(v) / 100.0;
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
        double lo = clamp100(r->bands[b].min), y = trend_y(g, lo);
        if (lo <= 0 || lo >= 100)
            continue;
        svg_line(out, g->x0, y, g->x1, y,
                 "stroke=\"#4d4d4d\" stroke-width=\"1\" stroke-dasharray=\"4 3\"");
        svg_text_open(out, g->x1 + 6, y + 4, "s", NULL, 0);
        html_text(out, r->bands[b].title);
        strbuf_adds(out, " from ");
        tick_number(out, lo);
        strbuf_adds(out, "</text>\n");
    }
    /* Date labels: slanted when many, and only every step-th when very many. */
    size_t step = t->n > 24 ? (t->n + 23) / 24 : 1;
    for (size_t k = 0; k < t->n; k += step) {
        double x = trend_x(g, k), y = g->bottom + 18;
        svg_line(out, x, g->bottom, x, g->bottom + 5, "stroke=\"#1b1b1b\" stroke-width=\"1\"");
        svg_text_open(out, x, y, "s", g->rotate ? "end" : "middle", g->rotate ? -40 : 0);
        html_text(out, t->points[k]->assessment->date);
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
        report_add_number(out, trend_x(g, k));
        strbuf_addc(out, ',');
        report_add_number(out, trend_y(g, ss->score));
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
        report_add_number(out, x);
        strbuf_addc(out, ',');
        report_add_number(out, y);
        strbuf_adds(out, " h44\"/>\n");
        svg_marker(out, st, x + 22, y, series_colours[st % N_SERIES_STYLES].hex);
        svg_text_open(out, x + 54, y + 4, NULL, NULL, 0);
        html_text(out, r->stages[st].title);
        strbuf_adds(out, "</text>\n");
    }
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
                plural(t->n));
    for (size_t st = 0; st < r->n_stages; st++) {
        html_text(&desc, r->stages[st].title);
        strbuf_adds(&desc, ":");
        for (size_t k = 0; k < t->n; k++) {
            const struct score_stage *ss = &t->points[k]->stages[st];
            strbuf_adds(&desc, k ? ", " : " ");
            html_score(&desc, ss->has_score, &ss->score_exact);
            strbuf_adds(&desc, " on ");
            html_text(&desc, t->points[k]->assessment->date);
        }
        strbuf_adds(&desc, ". ");
    }
    bands_in_words(&desc, r);
    strbuf_adds(&caption, "One line per stage: ");
    for (size_t st = 0; st < r->n_stages; st++) {
        strbuf_adds(&caption, st ? "; " : "");
        html_text(&caption, r->stages[st].title);
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

static void trend_table(struct strbuf *out, const struct trend *t)
{
    const struct rules *r = t->points[0]->rules;
    strbuf_adds(out, "<table>\n<caption>Stage scores at each assessment <span class=\"muted\">"
                     "(0 to 100, with the band)</span></caption>\n<thead><tr>"
                     "<th scope=\"col\">Date</th><th scope=\"col\">Organisation</th>"
                     "<th scope=\"col\" class=\"num\">Respondents</th>");
    for (size_t st = 0; st < r->n_stages; st++) {
        strbuf_adds(out, "<th scope=\"col\" class=\"num\">");
        html_text(out, r->stages[st].title);
        strbuf_adds(out, "</th>");
    }
    strbuf_adds(out, "<th scope=\"col\">Focus</th></tr></thead>\n<tbody>\n");
    for (size_t k = 0; k < t->n; k++) {
        const struct score *s = t->points[k];
        strbuf_adds(out, "<tr><th scope=\"row\" class=\"nowrap\">");
        html_text(out, s->assessment->date);
        strbuf_adds(out, "</th><td>");
        html_text(out, s->assessment->organisation);
        strbuf_addf(out, "</td><td class=\"num\">%zu</td>", s->assessment->respondents);
        for (size_t st = 0; st < r->n_stages; st++) {
            strbuf_adds(out, "<td class=\"num\">");
            stage_score(out, s, st);
            strbuf_adds(out, "<span class=\"sub\">");
            html_text(out, score_band_title(s, st));
            strbuf_adds(out, "</span></td>");
        }
        strbuf_adds(out, "<td>");
        focus_title(out, s);
        strbuf_adds(out, "</td></tr>\n");
    }
    strbuf_adds(out, "</tbody>\n</table>\n");
}

/* One group's respondents, then its stages: a row group headed by its name. */
static void trend_group_rows(struct strbuf *out, const struct trend *t, size_t g)
{
    const struct rules *r = t->points[0]->rules;
    const struct score_breakdown *b = &t->points[0]->breakdown;
    strbuf_addf(out, "<tbody>\n<tr><th scope=\"rowgroup\" rowspan=\"%zu\">", r->n_stages + 1);
    struct strbuf name = STRBUF_INIT;
    report_group_name(&name, b, &b->groups[g]);
    html_text(out, strbuf_str(&name));
    strbuf_release(&name);
    strbuf_adds(out, "</th><th scope=\"row\">Respondents</th>");
    for (size_t k = 0; k < t->n; k++)
        strbuf_addf(out, "<td class=\"num\">%zu</td>",
                    t->points[k]->breakdown.groups[g].respondents);
    strbuf_adds(out, "</tr>\n");
    for (size_t st = 0; st < r->n_stages; st++) {
        strbuf_adds(out, "<tr><th scope=\"row\">");
        html_text(out, r->stages[st].title);
        strbuf_adds(out, "</th>");
        for (size_t k = 0; k < t->n; k++) {
            const struct score_group *row = &t->points[k]->breakdown.groups[g];
            strbuf_adds(out, "<td class=\"num\">");
            html_score(out, row->has_score[st], &row->scores_exact[st]);
            strbuf_adds(out, "</td>");
        }
        strbuf_adds(out, "</tr>\n");
    }
    strbuf_adds(out, "</tbody>\n");
}

/* Each group's respondents and stage scores at each assessment, or why not. */
static void trend_groups_section(struct strbuf *out, const struct trend *t)
{
    const struct score_breakdown *b = &t->points[0]->breakdown;
    if (b->state == BREAKDOWN_OFF)
        return;
    breakdown_open(out, b);
    if (b->n_groups) {
        strbuf_adds(out, "<table class=\"keep\">\n<caption>Stage scores by group at each "
                         "assessment <span class=\"muted\">(each scored over that group&#39;s "
                         "respondents alone, 0 to 100)</span></caption>\n<thead><tr>"
                         "<th scope=\"col\">Group</th><th scope=\"col\">Figure</th>");
        for (size_t k = 0; k < t->n; k++) {
            strbuf_adds(out, "<th scope=\"col\" class=\"num\">");
            html_text(out, t->points[k]->assessment->date);
            strbuf_adds(out, "</th>");
        }
        strbuf_adds(out, "</tr></thead>\n");
        for (size_t g = 0; g < b->n_groups; g++)
            trend_group_rows(out, t, g);
        strbuf_adds(out, "</table>\n");
    }
    breakdown_close(out, b);
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

void trend_render_html(const struct trend *t, const char *tool_version, struct strbuf *out)
{
    const struct rules *r = t->points[0]->rules;
    const char *org = trend_organisation(t);
    struct page p = {out, 0};
    page_open(out);
    strbuf_adds(out, "Readiness over time");
    if (org) {
        strbuf_adds(out, ": ");
        html_text(out, org);
    }
    page_head_end(out);
    strbuf_adds(out, "<header>\n<h1>Readiness over time");
    if (org) {
        strbuf_adds(out, ": ");
        html_text(out, org);
    }
    strbuf_adds(out, "</h1>\n<dl class=\"meta\">\n");
    meta_term(out, "Assessments");
    strbuf_addf(out, "%zu, from ", t->n);
    html_text(out, t->points[0]->assessment->date);
    strbuf_adds(out, " to ");
    html_text(out, t->points[t->n - 1]->assessment->date);
    strbuf_adds(out, "</dd>\n");
    meta_model(out, r);
    strbuf_adds(out, "</dl>\n</header>\n<main>\n<section id=\"trend\" aria-labelledby=\"trend-h\">"
                     "\n<h2 id=\"trend-h\">Stage scores over time</h2>\n");
    trend_chart(&p, t);
    trend_table(out, t);
    strbuf_adds(out, "</section>\n");
    trend_groups_section(out, t);
    about_section(out, t->points[t->n - 1]);
    page_close(out, tool_version);
}
