#include "jsonw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "escape.h"
#include "exact.h"
#include "strbuf.h"

void jsonw_init(struct jsonw *w, struct strbuf *out)
{
    w->out = out;
    w->depth = 0;
    w->has_items[0] = false;
    w->after_key = false;
}

/* Comma and indentation before a value, unless it follows its key. */
static void before_value(struct jsonw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0)
        return;
    if (w->has_items[w->depth])
        strbuf_addc(w->out, ',');
    strbuf_addc(w->out, '\n');
    strbuf_addchars(w->out, ' ', (size_t)w->depth * 2);
    w->has_items[w->depth] = true;
}

static void open_container(struct jsonw *w, char c)
{
    before_value(w);
    strbuf_addc(w->out, c);
    w->depth++;
    w->has_items[w->depth] = false;
}

void jsonw_object(struct jsonw *w)
{
    open_container(w, '{');
}

void jsonw_array(struct jsonw *w)
{
    open_container(w, '[');
}

void jsonw_end(struct jsonw *w, char close)
{
    bool had = w->has_items[w->depth];
    w->depth--;
    if (had) {
        strbuf_addc(w->out, '\n');
        strbuf_addchars(w->out, ' ', (size_t)w->depth * 2);
    }
    strbuf_addc(w->out, close);
    if (w->depth == 0)
        strbuf_addc(w->out, '\n');
}

void jsonw_key(struct jsonw *w, const char *key)
{
    before_value(w);
    escape_json(w->out, key);
    strbuf_adds(w->out, ": ");
    w->after_key = true;
}

void jsonw_kobject(struct jsonw *w, const char *key)
{
    jsonw_key(w, key);
    jsonw_object(w);
}

void jsonw_karray(struct jsonw *w, const char *key)
{
    jsonw_key(w, key);
    jsonw_array(w);
}

void jsonw_string(struct jsonw *w, const char *s)
{
    before_value(w);
    if (s)
        escape_json(w->out, s);
    else
        strbuf_adds(w->out, "null");
}

void jsonw_score(struct jsonw *w, double v)
{
    before_value(w);
    strbuf_add_tenths(w->out, v);
}

void jsonw_fraction(struct jsonw *w, double v)
{
    before_value(w);
    double rounded = round(v * 1000.0) / 1000.0;
    strbuf_addf(w->out, "%.3f", rounded == 0.0 ? 0.0 : rounded);
}

void jsonw_number(struct jsonw *w, double v)
{
    char buf[64];
    before_value(w);
    snprintf(buf, sizeof(buf), "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, sizeof(buf), "%.17g", v);
    strbuf_adds(w->out, buf);
}

void jsonw_int(struct jsonw *w, long v)
{
    before_value(w);
    strbuf_addf(w->out, "%ld", v);
}

void jsonw_uint(struct jsonw *w, size_t v)
{
    before_value(w);
    strbuf_addf(w->out, "%zu", v);
}

void jsonw_bool(struct jsonw *w, bool v)
{
    before_value(w);
    strbuf_adds(w->out, v ? "true" : "false");
}

void jsonw_null(struct jsonw *w)
{
    before_value(w);
    strbuf_adds(w->out, "null");
}

void jsonw_kstring(struct jsonw *w, const char *key, const char *s)
{
    jsonw_key(w, key);
    jsonw_string(w, s);
}

void jsonw_kscore(struct jsonw *w, const char *key, bool has, double v)
{
    jsonw_key(w, key);
    if (has)
        jsonw_score(w, v);
    else
        jsonw_null(w);
}

void jsonw_exact(struct jsonw *w, bool has, const struct exact *v, int places)
{
    if (!has) {
        jsonw_null(w);
        return;
    }
    before_value(w);
    exact_format(w->out, v, false, places);
}

void jsonw_kexact(struct jsonw *w, const char *key, bool has, const struct exact *v, int places)
{
    jsonw_key(w, key);
    jsonw_exact(w, has, v, places);
}

void jsonw_kratio(struct jsonw *w, const char *key, bool has, int64_t num, uint64_t den, int places)
{
    jsonw_key(w, key);
    if (!has) {
        jsonw_null(w);
        return;
    }
    before_value(w);
    exact_format_ratio(w->out, num, den, places);
}

void jsonw_knumber(struct jsonw *w, const char *key, double v)
{
    jsonw_key(w, key);
    jsonw_number(w, v);
}

void jsonw_kint(struct jsonw *w, const char *key, long v)
{
    jsonw_key(w, key);
    jsonw_int(w, v);
}

void jsonw_kuint(struct jsonw *w, const char *key, size_t v)
{
    jsonw_key(w, key);
    jsonw_uint(w, v);
}

void jsonw_kbool(struct jsonw *w, const char *key, bool v)
{
    jsonw_key(w, key);
    jsonw_bool(w, v);
}
