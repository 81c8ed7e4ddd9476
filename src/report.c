#include "report.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "exact.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"
#include "xalloc.h"

static const struct report_format formats[] = {
    {"text", report_render_text}, {"markdown", report_render_markdown},
    {"json", report_render_json}, {"csv", report_render_csv},
    {"html", report_render_html},
};

const struct report_format *report_format_find(const char *name)
{
    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
        if (strcmp(formats[i].name, name) == 0)
            return &formats[i];
    return NULL;
}

const char *report_format_names(void)
{
    return "text, markdown, json, csv, html";
}

void report_add_number(struct strbuf *out, double v)
{
    double rounded = round(v * 10.0) / 10.0;
    if (rounded == 0.0)
        rounded = 0.0; /* no "-0.0" */
    strbuf_addf(out, "%.1f", rounded);
}

void report_add_exact(struct strbuf *out, const struct exact *q)
{
    exact_format(out, q, false, 1);
}

void report_add_ratio(struct strbuf *out, int64_t num, uint64_t den)
{
    exact_format_ratio(out, num, den, 1);
}

void report_add_percent(struct strbuf *out, size_t part, size_t whole)
{
    exact_format_ratio(out, (int64_t)part * 100, whole, 1);
}

const char *report_caveat(const struct score *s)
{
    return s->rules->source.note;
}

/* NULL (no question given) after every question. */
static int cmp_text(const char *a, const char *b)
{
    if (!a || !b)
        return (a == NULL) - (b == NULL);
    return strcmp(a, b);
}

static int cmp_comment(const void *pa, const void *pb)
{
    const struct answer_comment *a = *(const struct answer_comment *const *)pa;
    const struct answer_comment *b = *(const struct answer_comment *const *)pb;
    int c = cmp_text(a->about, b->about);
    return c ? c : strcmp(a->text, b->text);
}

const struct answer_comment **report_sorted_comments(const struct score *s, size_t *n)
{
    const struct assessment *a = s->assessment;
    const struct answer_comment **v = xcalloc(a->n_comments + 1, sizeof(*v));
    for (size_t k = 0; k < a->n_comments; k++)
        v[k] = &a->comments[k];
    qsort(v, a->n_comments, sizeof(*v), cmp_comment);
    *n = a->n_comments;
    return v;
}

bool report_comment_starts_group(const struct answer_comment *const *v, size_t k)
{
    return k == 0 || cmp_text(v[k - 1]->about, v[k]->about) != 0;
}

static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

enum { SHORT_FORM_MAX = 8 };

/*
 * Where in title the words whose initials spell form (len letters) start and end, or
 * false. Words are runs of letters; each initial must match exactly, case and all.
 */
static bool spelt_in_title(const char *title, const char *form, size_t len, const char **from,
                           size_t *span)
{
    const char *starts[64];
    const char *ends[64];
    size_t n = 0;
    for (const char *p = title; *p && n < 64;) {
        if (!is_letter(*p)) {
            p++;
            continue;
        }
        starts[n] = p;
        while (is_letter(*p))
            p++;
        ends[n++] = p;
    }
    for (size_t i = 0; i + len <= n; i++) {
        size_t k = 0;
        while (k < len && *starts[i + k] == form[k])
            k++;
        if (k == len) {
            *from = starts[i];
            *span = (size_t)(ends[i + len - 1] - starts[i]);
            return true;
        }
    }
    return false;
}

void report_add_short_forms(struct strbuf *out, const struct rules *r)
{
    struct strbuf seen = STRBUF_INIT; /* " SoS QA " : each form once */
    strbuf_addc(&seen, ' ');
    for (size_t i = 0; i < r->n_items; i++) {
        for (const char *p = r->items[i].text; *p;) {
            if (!is_letter(*p)) {
                p++;
                continue;
            }
            const char *w = p;
            size_t upper = 0;
            while (is_letter(*p))
                upper += is_upper(*p++);
            size_t len = (size_t)(p - w);
            if (len < 2 || len > SHORT_FORM_MAX || upper < 2)
                continue;
            char form[SHORT_FORM_MAX + 3];
            form[0] = ' ';
            memcpy(form + 1, w, len);
            form[len + 1] = ' ';
            form[len + 2] = '\0';
            const char *from;
            size_t span;
            if (strstr(strbuf_str(&seen), form) ||
                !spelt_in_title(r->title, form + 1, len, &from, &span))
                continue;
            strbuf_adds(&seen, form + 1);
            strbuf_addf(out, "%s%.*s stands for %.*s.", seen.len > len + 2 ? " " : "", (int)len, w,
                        (int)span, from);
        }
    }
    strbuf_release(&seen);
}
