/*
 * doc_html.c - the document as HTML5 fragments for the self-contained page
 * (report_html_page.c holds the page around them and the rules every page keeps).
 *
 * Text from the inputs goes through doc_html_text; our own words have only & < > escaped.
 * Sections of level 2 are <section>s labelled by their heading; tables have a caption,
 * column and row headers (scope), and numbers right-aligned by class.
 */
#include "doc.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "escape.h"
#include "strbuf.h"
#include "svg.h"
#include "text.h"

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

void doc_html_text(struct strbuf *out, const char *s)
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

static bool shown(const struct doc_node *n)
{
    return (n->only & DOC_HTML) != 0;
}

/* Our own words: only what could open markup is escaped (they hold no quote that an
   attribute would need escaped; our ids go through doc_html_text). */
static void ours(struct strbuf *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '&')
            strbuf_adds(out, "&amp;");
        else if (*s == '<')
            strbuf_adds(out, "&lt;");
        else if (*s == '>')
            strbuf_adds(out, "&gt;");
        else
            strbuf_addc(out, *s);
    }
}

static void span_text(struct strbuf *out, const struct doc_span *sp)
{
    if (sp->ours)
        ours(out, sp->text);
    else
        doc_html_text(out, sp->text);
}

/* Whether the span shown in HTML just before sp (in the run from first) is a label. */
static bool label_before(const struct doc_span *first, const struct doc_span *sp)
{
    const struct doc_span *prev = NULL;
    for (const struct doc_span *k = first; k != sp; k = k->next)
        if (k->only & DOC_HTML)
            prev = k;
    return prev && prev->kind == DOC_SPAN_LABEL;
}

/* Whether the span shown in HTML just after sp is a label. */
static bool label_after(const struct doc_span *sp)
{
    for (sp = sp->next; sp; sp = sp->next)
        if (sp->only & DOC_HTML)
            return sp->kind == DOC_SPAN_LABEL;
    return false;
}

/* What each kind of span is set between; a plain one in its style's span, if any. */
static const char *const marks[DOC_SPAN_NONE + 1][2] = {
    [DOC_SPAN_STRONG] = {"<strong>", "</strong>"},
    [DOC_SPAN_CODE] = {"<code>", "</code>"},
    [DOC_SPAN_ASIDE] = {"<span class=\"muted\">", "</span>"},
    [DOC_SPAN_TAG] = {"<span class=\"tag\">", "</span>"},
    [DOC_SPAN_REF] = {"<span class=\"id\">", "</span>"},
    [DOC_SPAN_BREAK] = {"<br>", ""},
    [DOC_SPAN_NONE] = {"<span class=\"muted\">none", "</span>"},
    [DOC_SPAN_LINK] = {"\">", "</a>"},
};

static void inlines(struct strbuf *out, const struct doc_span *first)
{
    for (const struct doc_span *sp = first; sp; sp = sp->next) {
        if (!(sp->only & DOC_HTML))
            continue;
        const char *open = marks[sp->kind][0], *close = marks[sp->kind][1];
        if (sp->kind == DOC_SPAN_LABEL) { /* labels in a row are one */
            open = label_before(first, sp) ? NULL : "<span class=\"label\">";
            close = label_after(sp) ? NULL : "</span>";
        } else if (sp->kind == DOC_SPAN_LINK) {
            strbuf_adds(out, "<a href=\"");
            doc_html_text(out, sp->href);
        } else if (sp->style) {
            strbuf_addf(out, "<span class=\"%s\">", sp->style);
            close = "</span>";
        }
        strbuf_adds(out, open ? open : "");
        span_text(out, sp);
        strbuf_adds(out, close ? close : "");
    }
}

static void blocks(struct strbuf *out, const struct doc_node *first, int depth);

/* A list at the top has a line an item; one inside an item or a cell is written inline,
   and one in a table cell is styled for it. */
static void list(struct strbuf *out, const struct doc_node *l, int depth, bool in_cell)
{
    const char *nl = depth ? "" : "\n";
    const char *style = l->style ? l->style : in_cell ? "cell" : NULL;
    strbuf_addf(out, "<%s", l->numbered ? "ol" : "ul");
    if (style)
        strbuf_addf(out, " class=\"%s\"", style);
    strbuf_addf(out, ">%s", nl);
    for (DOC_EACH(it, l->first, DOC_HTML)) {
        strbuf_adds(out, "<li>");
        inlines(out, it->spans);
        blocks(out, it->first, depth + 1);
        strbuf_addf(out, "</li>%s", nl);
    }
    strbuf_addf(out, "</%s>%s", l->numbered ? "ol" : "ul", nl);
}

static void doc_html_heat_cell_open(struct strbuf *out, double score);

/* A cell opened: a head's scope, its class ("num" for a figure's column unless its style
   says otherwise), the rows or columns it spans; or shaded as the heat map's. */
static void cell_open(struct strbuf *out, const struct doc_node *t, const struct doc_node *c,
                      bool head)
{
    if (c->shaded) {
        doc_html_heat_cell_open(out, c->shade);
        return;
    }
    bool th = head || c->header;
    const char *cls = c->style                                        ? c->style
                      : (head || !th) && c->halign == DOC_ALIGN_RIGHT ? "num"
                                                                      : "";
    strbuf_adds(out, th ? "<th" : "<td");
    if (th)
        strbuf_addf(out, " scope=\"%s\"",
                    head                       ? "col"
                    : t->grouped && c->rowspan ? "rowgroup"
                                               : "row");
    if (*cls)
        strbuf_addf(out, " class=\"%s\"", cls);
    if (c->rowspan)
        strbuf_addf(out, " rowspan=\"%zu\"", c->rowspan);
    if (c->colspan)
        strbuf_addf(out, " colspan=\"%zu\"", c->colspan);
    strbuf_addc(out, '>');
}

/* A table with its caption, header row and body (in row groups when grouped); nothing
   for one without a body row. */
static void table(struct strbuf *out, const struct doc_node *t)
{
    if (!doc_table_has_body(t, DOC_HTML))
        return;
    strbuf_adds(out, "<table");
    if (t->style)
        strbuf_addf(out, " class=\"%s\"", t->style);
    strbuf_adds(out, ">\n");
    if (t->spans) {
        strbuf_adds(out, "<caption>");
        inlines(out, t->spans);
        strbuf_adds(out, "</caption>\n");
    }
    bool head = true, group = false;
    for (DOC_EACH(row, t->first, DOC_HTML)) {
        if (!head && t->grouped && row->grouped) {
            strbuf_adds(out, group ? "</tbody>\n<tbody>\n" : "<tbody>\n");
            group = true;
        }
        strbuf_adds(out, head ? "<thead><tr>" : "<tr>");
        for (DOC_EACH(c, row->first, DOC_HTML)) {
            cell_open(out, t, c, head);
            inlines(out, c->spans);
            for (const struct doc_node *b = c->first; b; b = b->next)
                if (shown(b) && b->kind == DOC_LIST)
                    list(out, b, 1, true);
            strbuf_adds(out, head || c->header ? "</th>" : "</td>");
        }
        strbuf_adds(out, !head        ? "</tr>\n"
                         : t->grouped ? "</tr></thead>\n"
                                      : "</tr></thead>\n<tbody>\n");
        head = false;
    }
    strbuf_adds(out, !t->grouped || group ? "</tbody>\n</table>\n" : "</table>\n");
}

/* ---- the heat map's shades ---- */

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
const char *doc_html_text_colour_on(unsigned long bg)
{
    double l = luminance(bg);
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}

/*
 * The heat map's ramp: ColorBrewer's single-hue Blues (without its near-white first
 * step), light for low scores and dark for high. One hue whose lightness falls steadily
 * reads the same with any colour vision and in greyscale.
 */
unsigned long doc_html_ramp_colour(double score)
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

static void doc_html_heat_cell_open(struct strbuf *out, double score)
{
    unsigned long bg = doc_html_ramp_colour(score);
    strbuf_addf(out, "<td class=\"heat\" style=\"--shade:#%06lx;background:#%06lx;color:%s\">", bg,
                bg, doc_html_text_colour_on(bg));
}

static void doc_html_heat_key(struct strbuf *out)
{
    strbuf_adds(out, "<div class=\"key\" aria-hidden=\"true\"><span class=\"k\">Shade:</span>");
    for (int v = 0; v <= 100; v += 20) {
        unsigned long bg = doc_html_ramp_colour(v);
        strbuf_addf(out, "<span style=\"--shade:#%06lx;background:#%06lx;color:%s\">%d</span>", bg,
                    bg, doc_html_text_colour_on(bg), v);
    }
    strbuf_adds(out, "</div>\n");
}

/* The details as a description list: a term, then its value. */
static void terms(struct strbuf *out, const struct doc_node *t)
{
    strbuf_adds(out, "<dl");
    if (t->style)
        strbuf_addf(out, " class=\"%s\"", t->style);
    strbuf_adds(out, ">\n");
    for (DOC_EACH(it, t->first, DOC_HTML)) {
        const struct doc_span *sp = it->spans;
        strbuf_adds(out, "<dt>");
        for (; sp && sp->kind == DOC_SPAN_LABEL; sp = sp->next)
            if (sp->only & DOC_HTML)
                span_text(out, sp);
        strbuf_adds(out, "</dt><dd>");
        inlines(out, sp);
        strbuf_adds(out, "</dd>\n");
    }
    strbuf_adds(out, "</dl>\n");
}

static const char *const tone_class[] = {"", " muted", " ok", " note", " source"};

static void section(struct strbuf *out, const struct doc_node *s, int depth)
{
    int h = s->level < 1 ? 1 : s->level > 6 ? 6 : s->level;
    if (h == 2) {
        strbuf_adds(out, "<section");
        if (s->style)
            strbuf_addf(out, " class=\"%s\"", s->style);
        if (s->id) {
            strbuf_adds(out, " id=\"");
            doc_html_text(out, s->id);
            strbuf_adds(out, "\" aria-labelledby=\"");
            doc_html_text(out, s->id);
            strbuf_adds(out, "-h\"");
        }
        strbuf_adds(out, ">\n");
    }
    if (h == 1)
        strbuf_adds(out, "<header>\n");
    strbuf_addf(out, "<h%d", h);
    if (s->id) {
        strbuf_adds(out, " id=\"");
        doc_html_text(out, s->id);
        strbuf_adds(out, "-h\"");
    }
    strbuf_adds(out, ">");
    inlines(out, s->spans);
    strbuf_addf(out, "</h%d>\n", h);
    blocks(out, s->first, depth);
    if (h == 2)
        strbuf_adds(out, "</section>\n");
    if (h == 1)
        strbuf_adds(out, "</header>\n<main>\n");
}

/* ---- bars on 0-100 against the bands (svg.h) ---- */

/* The score range of band b: from its min up to the next band's min (or 100). */
static void band_range(const struct svg_bands *bs, size_t b, double *lo, double *hi)
{
    *lo = svg_clamp100(bs->mins[b]);
    *hi = b == 0 ? 100.0 : svg_clamp100(bs->mins[b - 1]);
}

/* Band names sit above their zones, in two staggered rows when one row would crowd. */
static bool bands_staggered(const struct svg_bands *bs)
{
    for (size_t b = 0; b < bs->n; b++) {
        double lo, hi;
        band_range(bs, b, &lo, &hi);
        double room = (hi - lo) * PLOT_W / 100.0;
        double need = 7.2 * (double)utf8_width(bs->titles[b], strlen(bs->titles[b])) + 8;
        if (need > room)
            return true;
    }
    return false;
}

double doc_html_bands_header(const struct svg_bands *bs)
{
    return bands_staggered(bs) ? 46 : 30;
}

void doc_html_bands_draw(struct strbuf *out, const struct svg_bands *bs, double top, double bottom)
{
    bool stagger = bands_staggered(bs);
    for (size_t b = 0; b < bs->n; b++) {
        double lo, hi;
        band_range(bs, b, &lo, &hi);
        if (hi <= lo)
            continue;
        svg_rect(out, svg_bar_x(lo), top, svg_bar_x(hi) - svg_bar_x(lo), bottom - top,
                 b % 2 ? "fill=\"#f5f5f5\"" : "fill=\"#e6e6e6\"");
        svg_text_open(out, (svg_bar_x(lo) + svg_bar_x(hi)) / 2, stagger && b % 2 ? 36 : 20, "s",
                      "middle", 0);
        doc_html_text(out, bs->titles[b]);
        strbuf_adds(out, "</text>\n");
    }
    for (size_t b = 0; b < bs->n; b++) {
        double lo = svg_clamp100(bs->mins[b]);
        if (lo > 0 && lo < 100)
            svg_line(out, svg_bar_x(lo), top, svg_bar_x(lo), bottom + 5,
                     "stroke=\"#4d4d4d\" stroke-width=\"1\" stroke-dasharray=\"4 3\"");
    }
    svg_line(out, PLOT_X, bottom, PLOT_X + PLOT_W, bottom, "stroke=\"#1b1b1b\" stroke-width=\"1\"");
    /* Tick labels at 100, at each threshold and at 0, skipping any that would collide. */
    double last = -1000;
    for (size_t k = 0; k <= bs->n + 1; k++) {
        double v = k == 0 ? 100.0 : k <= bs->n ? svg_clamp100(bs->mins[k - 1]) : 0.0;
        double x = svg_bar_x(v);
        if (fabs(last - x) < 26)
            continue;
        last = x;
        svg_line(out, x, bottom, x, bottom + 5, "stroke=\"#1b1b1b\" stroke-width=\"1\"");
        svg_text_open(out, x, bottom + 19, "s", "middle", 0);
        svg_tick_number(out, v);
        strbuf_adds(out, "</text>\n");
    }
}

void doc_html_bands_in_words(struct strbuf *out, const struct svg_bands *bs)
{
    strbuf_adds(out, "The bands: ");
    for (size_t b = 0; b < bs->n; b++) {
        double lo, hi;
        band_range(bs, b, &lo, &hi);
        strbuf_adds(out, b ? "; " : "");
        doc_html_text(out, bs->titles[b]);
        strbuf_adds(out, " from ");
        svg_tick_number(out, lo);
        strbuf_adds(out, b ? " to under " : " to ");
        svg_tick_number(out, hi);
    }
    strbuf_adds(out, ".");
}

/* The stage's title as the chart shows it, with the focus and flag named in words. */
static void stage_label(struct strbuf *out, const struct doc_figure *f, size_t st)
{
    doc_html_text(out, f->rows[st]);
    if (f->marks[st] == DOC_MARK_FOCUS)
        strbuf_adds(out, " \xE2\x80\x94 focus: work on this first");
    else if (f->marks[st] == DOC_MARK_RESTS)
        strbuf_adds(out, " \xE2\x80\x94 rests on an earlier stage");
}

/* The chart's numbers in words, for its <desc>: each stage's score and band, the focus
   named, then the bands. */
static void stage_chart_desc(struct strbuf *desc, const struct doc_figure *f,
                             const struct svg_bands *bs)
{
    for (size_t st = 0; st < f->n_rows; st++) {
        doc_html_text(desc, f->rows[st]);
        if (f->cells[st].has) {
            strbuf_addf(desc, " scores %s out of 100, in the ", f->cells[st].shown);
            doc_html_text(desc, f->bands[st]);
            strbuf_adds(desc, " band");
        } else {
            strbuf_adds(desc, " has no score: too few questions were answered");
        }
        strbuf_adds(desc, f->marks[st] == DOC_MARK_FOCUS ? ", and is the focus. " : ". ");
    }
    doc_html_bands_in_words(desc, bs);
}

/* Each stage's score as a bar against the bands' zones; a dashed outline for a stage
   with none. */
static void stage_chart(struct strbuf *out, const struct doc_figure *f)
{
    const struct svg_bands bs = {f->band_titles, f->band_mins, f->n_bands};
    struct page p = {out, f->chart ? f->chart - 1 : 0};
    const double row = 56, top = doc_html_bands_header(&bs), bottom = top + row * (double)f->n_rows;
    struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
    strbuf_adds(&title, "Stage scores out of 100, against the bands");
    stage_chart_desc(&desc, f, &bs);
    svg_open(&p, BARS_W, bottom + 28, &title, &desc);
    doc_html_bands_draw(out, &bs, top, bottom);
    for (size_t st = 0; st < f->n_rows; st++) {
        const struct doc_heat_cell *c = &f->cells[st];
        double y = top + row * (double)st;
        svg_text_open(out, PLOT_X + 6, y + 18, "b", NULL, 0);
        stage_label(out, f, st);
        strbuf_adds(out, "</text>\n");
        if (c->has) {
            svg_rect_fill(out, PLOT_X, y + 26, svg_bar_x(c->value) - PLOT_X, 20, BAR_COLOUR, NULL);
            svg_text_open(out, LABEL_X, y + 41, "b", NULL, 0);
            strbuf_addf(out, "%s \xC2\xB7 ", c->shown);
        } else {
            svg_rect(out, PLOT_X, y + 26, PLOT_W, 20,
                     "fill=\"none\" stroke=\"#4d4d4d\" stroke-dasharray=\"5 4\"");
            svg_text_open(out, PLOT_X + 8, y + 41, "s", NULL, 0);
            strbuf_adds(out, "not scored: too few answers</text>\n");
            svg_text_open(out, LABEL_X, y + 41, "b", NULL, 0);
            strbuf_adds(out, "no score \xC2\xB7 ");
        }
        doc_html_text(out, f->bands[st]);
        strbuf_adds(out, "</text>\n");
    }
    svg_close(&p, "Each bar is a stage&#39;s score on 0 to 100. The shaded zones are the bands, "
                  "named above the chart; the dashed lines mark where each band starts. The same "
                  "numbers are in the table below.");
    strbuf_release(&title);
    strbuf_release(&desc);
}

/* The figure as its table (doc_figure_table); the stages' after their chart, and the heat
   maps' before their key. */
static void figure(struct strbuf *out, const struct doc_figure *f, int depth)
{
    if (f->kind == DOC_FIGURE_STAGES)
        stage_chart(out, f);
    struct doc t;
    doc_init(&t);
    doc_figure_table(&t, t.root, f);
    blocks(out, t.root->first, depth);
    doc_release(&t);
    if (f->kind == DOC_FIGURE_GROUPS || f->kind == DOC_FIGURE_MATRIX)
        doc_html_heat_key(out);
}

static void blocks(struct strbuf *out, const struct doc_node *first, int depth)
{
    for (DOC_EACH(n, first, DOC_HTML)) {
        switch (n->kind) {
        case DOC_SECTION:
            section(out, n, depth);
            break;
        case DOC_PARA:
            if (n->style)
                strbuf_addf(out, "<p class=\"%s\">", n->style);
            else
                strbuf_adds(out, n->tone == DOC_TONE_MUTED ? "<p class=\"muted\">" : "<p>");
            inlines(out, n->spans);
            strbuf_adds(out, "</p>\n");
            break;
        case DOC_CALLOUT:
            strbuf_addf(out, "<div class=\"callout%s\"><p>", tone_class[n->tone]);
            inlines(out, n->spans);
            strbuf_adds(out, "</p></div>\n");
            break;
        case DOC_LIST:
            list(out, n, depth, false);
            break;
        case DOC_TABLE:
            table(out, n);
            break;
        case DOC_FIGURE:
            figure(out, n->figure, depth);
            break;
        case DOC_DRAWN:
            strbuf_adds(out, n->html);
            break;
        case DOC_TERMS:
            terms(out, n);
            break;
        case DOC_NAV:
            strbuf_adds(out, "<nav aria-label=\"Contents\">\n");
            blocks(out, n->first, depth);
            strbuf_adds(out, "</nav>\n");
            break;
        default: /* items, rows and cells: their parents draw them */
            break;
        }
    }
}

void doc_write_html(const struct doc *d, struct strbuf *out)
{
    blocks(out, d->root->first, 0);
}
