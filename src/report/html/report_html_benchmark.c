/*
 * report_html_benchmark.c - a benchmark (benchmark.h) as one self-contained HTML5 page:
 * the document benchmark_build.c makes, and the distributions drawn as a strip per
 * stage, the network's middle half a box, its median a bar and our score a point. The
 * chart's description says every figure in words, for a screen reader; the table under
 * it holds them too.
 */
#include "report_html_internal.h"

#include <stdbool.h>

#include "benchmark.h"
#include "benchmark_internal.h"
#include "doc.h"
#include "rules.h"
#include "share.h"
#include "strbuf.h"

enum { ROW_H = 56 };

static double x_of(int64_t tenths)
{
    return svg_bar_x((double)tenths / 10.0);
}

static void describe(struct strbuf *desc, const char *title, const struct benchmark_figure *f,
                     bool self)
{
    doc_html_text(desc, title);
    strbuf_addf(desc, ": %zu authorities", f->authorities);
    if (f->median.shown) {
        strbuf_adds(desc, ", median ");
        benchmark_add_tenths(desc, f->median.tenths);
    }
    if (f->lower.shown && f->upper.shown) {
        strbuf_adds(desc, ", middle half from ");
        benchmark_add_tenths(desc, f->lower.tenths);
        strbuf_adds(desc, " to ");
        benchmark_add_tenths(desc, f->upper.tenths);
    }
    if (self && f->has_ours) {
        strbuf_adds(desc, "; ours ");
        benchmark_add_tenths(desc, f->ours);
        if (f->position != BENCHMARK_NO_POSITION) {
            strbuf_adds(desc, ", ");
            strbuf_adds(desc, benchmark_position_words(f->position));
        }
    }
    strbuf_adds(desc, ". ");
}

static void strip(struct strbuf *out, double y, const char *title, const struct benchmark_figure *f,
                  bool self)
{
    svg_text_open(out, PLOT_X, y + 14, "b", NULL, 0);
    doc_html_text(out, title);
    strbuf_adds(out, "</text>\n");
    double mid = y + 34;
    svg_line(out, svg_bar_x(0), mid, svg_bar_x(100), mid, " stroke=\"#767676\"");
    if (f->lower.shown && f->upper.shown)
        svg_rect_fill(out, x_of(f->lower.tenths), mid - 9,
                      x_of(f->upper.tenths) - x_of(f->lower.tenths), 18, "#c6dbef", "#08519c");
    if (f->median.shown)
        svg_line(out, x_of(f->median.tenths), mid - 12, x_of(f->median.tenths), mid + 12,
                 " stroke=\"#08519c\" stroke-width=\"3\"");
    if (self && f->has_ours && f->enough) {
        strbuf_adds(out, "<circle");
        svg_attr(out, "cx", x_of(f->ours));
        svg_attr(out, "cy", mid);
        strbuf_adds(out, " r=\"7\" fill=\"#d55e00\" stroke=\"#000\"/>\n");
    }
}

void benchmark_html_chart(struct strbuf *out, const struct benchmark *b)
{
    const struct rules *r = b->rules;
    struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
    strbuf_addf(&title, "Stage scores across %zu authorities, out of 100", b->authorities);
    if (b->self)
        strbuf_adds(&title, ", ours marked");
    for (size_t st = 0; st < r->n_stages; st++)
        describe(&desc, r->stages[st].title, &b->stages[st], b->self != NULL);
    describe(&desc, "All stages", &b->whole, b->self != NULL);
    strbuf_adds(&desc, "A box is the network's middle half, a bar its median");
    strbuf_adds(&desc, b->self ? ", a dot our score." : ".");
    struct page p = {out, 0};
    double height = ROW_H * (double)(r->n_stages + 1) + 28;
    svg_open(&p, BARS_W, height, &title, &desc);
    for (size_t st = 0; st <= r->n_stages; st++) {
        bool whole = st == r->n_stages;
        strip(out, ROW_H * (double)st, whole ? "All stages" : r->stages[st].title,
              whole ? &b->whole : &b->stages[st], b->self != NULL);
    }
    for (int v = 0; v <= 100; v += 20) {
        svg_text_open(out, svg_bar_x(v), height - 6, "t", "middle", 0);
        svg_tick_number(out, v);
        strbuf_adds(out, "</text>\n");
    }
    svg_close(&p, b->self ? "The network's middle half (box) and median (bar); our score (dot)."
                          : "The network's middle half (box) and median (bar).");
    strbuf_release(&title);
    strbuf_release(&desc);
}

void benchmark_render_html(const struct benchmark *b, const char *tool_version, struct strbuf *out)
{
    struct strbuf title = STRBUF_INIT, chart = STRBUF_INIT;
    benchmark_title(&title, b);
    page_open(out);
    doc_html_text(out, strbuf_str(&title));
    page_head_end(out);
    benchmark_html_chart(&chart, b);
    struct doc d;
    doc_init(&d);
    benchmark_build(&d, b, strbuf_str(&chart));
    doc_write(&d, DOC_HTML, out, 0, false);
    page_close(out, tool_version);
    strbuf_release(&chart);
    strbuf_release(&title);
}
