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

#include <stdbool.h>
#include <stdlib.h>
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
#include "xalloc.h"

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

/* Okabe-Ito, ordered so that the colours with most contrast on white come first. */
const struct series_colour series_colours[N_SERIES_STYLES] = {
    {"#0072B2", "blue"},           {"#D55E00", "vermillion"}, {"#009E73", "bluish green"},
    {"#CC79A7", "reddish purple"}, {"#000000", "black"},      {"#E69F00", "orange"},
    {"#56B4E9", "sky blue"},       {"#F0E442", "yellow"},
};
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

void html_about_section(struct strbuf *out, const struct score *s)
{
    struct doc d;
    doc_init(&d);
    report_build_about(&d, s);
    doc_write_html(&d, out);
    doc_release(&d);
}

/* ---- the rules' bands for the chart pieces (svg.h) ---- */

void html_bands_init(struct html_bands *b, const struct rules *r)
{
    b->titles = xcalloc(r->n_bands + 1, sizeof(*b->titles));
    b->mins = xcalloc(r->n_bands + 1, sizeof(*b->mins));
    for (size_t k = 0; k < r->n_bands; k++) {
        b->titles[k] = r->bands[k].title;
        b->mins[k] = r->bands[k].min;
    }
    b->svg = (struct svg_bands){b->titles, b->mins, r->n_bands};
}

void html_bands_release(struct html_bands *b)
{
    free(b->titles);
    free(b->mins);
}
