/*
 * benchmark_data.c - a benchmark as data: JSON (stagegap-benchmark/1,
 * docs/benchmark-json.md) and CSV (docs/scripting.md), written from the engine's
 * figures (benchmark.h), and the choice of writer for each format. A figure not shown is
 * null in JSON and an empty cell in CSV, with why ("withheld", "too-few") beside it.
 */
#include "benchmark_report.h"

#include <string.h>

#include "benchmark.h"
#include "benchmark_internal.h"
#include "doc.h"
#include "escape.h"
#include "jsonw.h"
#include "report_build_internal.h"
#include "rules.h"
#include "share.h"
#include "strbuf.h"

static void ktenths(struct jsonw *w, const char *key, bool has, int64_t tenths)
{
    jsonw_kratio(w, key, has, tenths, 10, 1);
}

/* Why a mark is not shown: "withheld", "too-few", or NULL when it is. */
static const char *missing(const struct benchmark_mark *m)
{
    return m->shown ? NULL : m->withheld ? "withheld" : "too-few";
}

/* ---- JSON ---- */

static void json_figure(struct jsonw *w, const struct benchmark *b,
                        const struct benchmark_figure *f)
{
    jsonw_kuint(w, "authorities", f->authorities);
    jsonw_kbool(w, "enough", f->enough);
    static const char *const keys[] = {"lower_quarter", "median", "upper_quarter"};
    const struct benchmark_mark *marks[] = {&f->lower, &f->median, &f->upper};
    for (int k = 0; k < 3; k++)
        ktenths(w, keys[k], marks[k]->shown, marks[k]->tenths);
    jsonw_karray(w, "withheld");
    for (int k = 0; k < 3; k++)
        if (marks[k]->withheld)
            jsonw_string(w, keys[k]);
    jsonw_end(w, ']');
    if (b->self) {
        ktenths(w, "ours", f->has_ours, f->ours);
        jsonw_kstring(w, "position", benchmark_position_id(f->position));
    }
}

static void json_items(struct jsonw *w, const struct benchmark *b, const char *key,
                       const struct benchmark_item *its, size_t n)
{
    const struct rules *r = b->rules;
    jsonw_karray(w, key);
    for (size_t k = 0; k < n; k++) {
        const struct rules_item *ri = &r->items[its[k].item];
        jsonw_object(w);
        jsonw_kstring(w, "id", ri->id);
        jsonw_kstring(w, "stage", r->stages[ri->stage].id);
        jsonw_kstring(w, "kind", item_kind_name(ri->kind));
        report_json_item_label(w, ri);
        jsonw_kstring(w, "text", ri->text);
        ktenths(w, "median", true, its[k].fig.median.tenths);
        if (b->self) {
            ktenths(w, "ours", true, its[k].fig.ours);
            ktenths(w, "ahead", true, its[k].ahead);
        }
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

static void json_points(struct jsonw *w, const struct benchmark *b)
{
    const struct rules *r = b->rules;
    jsonw_karray(w, "points");
    for (size_t k = 0; k < b->n_points; k++) {
        const struct benchmark_point *p = &b->points[k];
        jsonw_object(w);
        jsonw_kstring(w, "date", p->date);
        jsonw_kuint(w, "authorities", p->authorities);
        jsonw_karray(w, "stages");
        for (size_t st = 0; st <= r->n_stages; st++) {
            const struct benchmark_figure *f = st < r->n_stages ? &p->stages[st] : &p->whole;
            jsonw_object(w);
            jsonw_kstring(w, "id", st < r->n_stages ? r->stages[st].id : "all-stages");
            ktenths(w, "ours", f->has_ours, f->ours);
            jsonw_kstring(w, "position", benchmark_position_id(f->position));
            jsonw_end(w, '}');
        }
        jsonw_end(w, ']');
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

static void render_json(const struct benchmark *b, const char *tool_version, struct strbuf *out)
{
    const struct rules *r = b->rules;
    struct jsonw w;
    jsonw_init(&w, out);
    jsonw_object(&w);
    jsonw_kstring(&w, "format", BENCHMARK_JSON_FORMAT);
    jsonw_kobject(&w, "tool");
    jsonw_kstring(&w, "name", "stagegap");
    jsonw_kstring(&w, "version", tool_version);
    jsonw_end(&w, '}');
    jsonw_kobject(&w, "rules");
    jsonw_kstring(&w, "id", r->id);
    jsonw_kstring(&w, "version", r->version);
    jsonw_kstring(&w, "sha256", r->model_sha256);
    jsonw_end(&w, '}');
    if (b->self) {
        jsonw_kobject(&w, "self");
        jsonw_kstring(&w, "organisation", b->self->organisation);
        jsonw_kstring(&w, "date", b->self->date);
        jsonw_end(&w, '}');
    } else {
        jsonw_key(&w, "self");
        jsonw_null(&w);
    }
    jsonw_kstring(&w, "as_of", b->as_of);
    jsonw_kuint(&w, "authorities", b->authorities);
    jsonw_kuint(&w, "min_authorities", BENCHMARK_MIN_AUTHORITIES);
    jsonw_karray(&w, "models");
    for (size_t m = 0; m < b->n_models; m++) {
        jsonw_object(&w);
        jsonw_kstring(&w, "id", b->models[m].id);
        jsonw_kstring(&w, "version", b->models[m].version);
        jsonw_kstring(&w, "sha256", b->models[m].sha256);
        jsonw_kuint(&w, "authorities", b->models[m].authorities);
        jsonw_end(&w, '}');
    }
    jsonw_end(&w, ']');
    jsonw_karray(&w, "stages");
    for (size_t st = 0; st < r->n_stages; st++) {
        jsonw_object(&w);
        jsonw_kstring(&w, "id", r->stages[st].id);
        jsonw_kstring(&w, "title", r->stages[st].title);
        json_figure(&w, b, &b->stages[st]);
        jsonw_end(&w, '}');
    }
    jsonw_end(&w, ']');
    jsonw_kobject(&w, "whole");
    json_figure(&w, b, &b->whole);
    jsonw_end(&w, '}');
    jsonw_kuint(&w, "items_compared", b->items_compared);
    json_items(&w, b, b->self ? "behind" : "lowest", b->behind, b->n_behind);
    json_items(&w, b, b->self ? "ahead" : "highest", b->ahead, b->n_ahead);
    json_points(&w, b);
    jsonw_kstring(&w, "caveat", r->source.note);
    jsonw_end(&w, '}');
}

/* ---- CSV ---- */

static void csv_cell(struct strbuf *out, const char *s)
{
    if (s)
        escape_csv(out, s);
    strbuf_addc(out, ',');
}

static void csv_tenths(struct strbuf *out, bool has, int64_t tenths)
{
    if (has)
        benchmark_add_tenths(out, tenths);
    strbuf_addc(out, ',');
}

/* The note of a figure's row: why a mark is missing ("median withheld; lower-quarter
   too-few"), empty when every mark is shown. */
static void csv_note(struct strbuf *out, const struct benchmark_figure *f)
{
    static const char *const names[] = {"lower-quarter", "median", "upper-quarter"};
    const struct benchmark_mark *marks[] = {&f->lower, &f->median, &f->upper};
    struct strbuf note = STRBUF_INIT;
    for (int k = 0; k < 3; k++) {
        const char *why = f->enough ? missing(marks[k]) : "too-few";
        if (why)
            strbuf_addf(&note, "%s%s %s", note.len ? "; " : "", names[k], why);
    }
    escape_csv(out, strbuf_str(&note));
    strbuf_release(&note);
}

static void csv_figure(struct strbuf *out, const struct benchmark *b, const char *section,
                       const char *date, const char *id, const char *title,
                       const struct benchmark_figure *f)
{
    csv_cell(out, section);
    csv_cell(out, date);
    csv_cell(out, id);
    csv_cell(out, title);
    strbuf_addf(out, "%zu,", f->authorities);
    csv_tenths(out, f->lower.shown, f->lower.tenths);
    csv_tenths(out, f->median.shown, f->median.tenths);
    csv_tenths(out, f->upper.shown, f->upper.tenths);
    csv_tenths(out, b->self && f->has_ours, f->ours);
    csv_cell(out, b->self ? benchmark_position_id(f->position) : NULL);
    strbuf_addc(out, ','); /* ahead: items only */
    csv_note(out, f);
    strbuf_adds(out, "\r\n");
}

static void csv_items(struct strbuf *out, const struct benchmark *b, const char *section,
                      const struct benchmark_item *its, size_t n)
{
    const struct rules *r = b->rules;
    for (size_t k = 0; k < n; k++) {
        const struct benchmark_item *it = &its[k];
        const struct rules_item *ri = &r->items[it->item];
        csv_cell(out, section);
        csv_cell(out, NULL);
        csv_cell(out, ri->id);
        csv_cell(out, ri->text);
        strbuf_addf(out, "%zu,,", it->fig.authorities);
        csv_tenths(out, true, it->fig.median.tenths);
        strbuf_addc(out, ',');
        csv_tenths(out, b->self != NULL, it->fig.ours);
        strbuf_addc(out, ',');
        csv_tenths(out, b->self != NULL, it->ahead);
        strbuf_adds(out, "\r\n");
    }
}

static void render_csv(const struct benchmark *b, struct strbuf *out)
{
    const struct rules *r = b->rules;
    const char *date = b->self ? b->self->date : b->as_of;
    strbuf_adds(out, "section,date,id,title,authorities,lower_quarter,median,upper_quarter,ours,"
                     "position,ahead,note\r\n");
    for (size_t st = 0; st < r->n_stages; st++)
        csv_figure(out, b, "stage", date, r->stages[st].id, r->stages[st].title, &b->stages[st]);
    csv_figure(out, b, "whole", date, "all-stages", "All stages", &b->whole);
    csv_items(out, b, b->self ? "behind" : "lowest", b->behind, b->n_behind);
    csv_items(out, b, b->self ? "ahead" : "highest", b->ahead, b->n_ahead);
    for (size_t k = 0; k < b->n_points; k++) {
        const struct benchmark_point *p = &b->points[k];
        for (size_t st = 0; st <= r->n_stages; st++) {
            const struct benchmark_figure *f = st < r->n_stages ? &p->stages[st] : &p->whole;
            csv_cell(out, "moved");
            csv_cell(out, p->date);
            csv_cell(out, st < r->n_stages ? r->stages[st].id : "all-stages");
            csv_cell(out, st < r->n_stages ? r->stages[st].title : "All stages");
            strbuf_addf(out, "%zu,,,,", p->authorities);
            csv_tenths(out, f->has_ours, f->ours);
            csv_cell(out, benchmark_position_id(f->position));
            strbuf_adds(out, ",\r\n");
        }
    }
    /* the source's caveat on its evidence, as every report carries it */
    csv_cell(out, "caveat");
    strbuf_adds(out, ",,");
    csv_cell(out, r->source.note);
    strbuf_adds(out, ",,,,,,,\r\n");
}

/* ---- the formats ---- */

bool benchmark_format_known(const char *format)
{
    static const char *const known[] = {"text", "markdown", "html", "json", "csv"};
    for (size_t k = 0; k < sizeof(known) / sizeof(*known); k++)
        if (strcmp(format, known[k]) == 0)
            return true;
    return false;
}

void benchmark_render(const struct benchmark *b, const char *format, const char *tool_version,
                      size_t width, struct strbuf *out)
{
    if (strcmp(format, "json") == 0) {
        render_json(b, tool_version, out);
    } else if (strcmp(format, "csv") == 0) {
        render_csv(b, out);
    } else if (strcmp(format, "html") == 0) {
        benchmark_render_html(b, tool_version, out);
    } else {
        struct doc d;
        doc_init(&d);
        benchmark_build(&d, b, NULL);
        doc_write(&d, strcmp(format, "markdown") == 0 ? DOC_MARKDOWN : DOC_TEXT, out, width, false);
    }
}
