#include "report.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "escape.h"
#include "exact.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"
#include "suppress.h"
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

bool report_add_spread(struct strbuf *out, const struct score *s, size_t item)
{
    const struct item_tally *t = &s->assessment->items[item];
    if (s->min_group == 0 || t->n < s->min_group || s->items[item].state != SCORED)
        return false;
    strbuf_addf(out, "%zu low, %zu middle, %zu high", t->n_low, t->n - t->n_low - t->n_high,
                t->n_high);
    return true;
}

void report_add_withheld(struct strbuf *out, const struct score *s)
{
    strbuf_addf(out, "fewer than %zu answers, not shown", s->min_group);
}

const char *report_caveat(const struct score *s)
{
    return s->rules->source.note;
}

void report_csv_row_end(struct strbuf *out, const struct score *s)
{
    escape_csv(out, report_caveat(s));
    strbuf_adds(out, ",,,,,\r\n"); /* priority, points, about, label, hedge */
}

void report_csv_text(struct strbuf *out, const char *s)
{
    if (s)
        escape_csv(out, s);
    strbuf_addc(out, ',');
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

/* "team", or "team and role". */
static void add_fields(struct strbuf *out, const struct score_breakdown *b)
{
    for (size_t k = 0; k < b->n_by; k++)
        strbuf_addf(out, "%s%s", k ? " and " : "", b->by[k]);
}

void report_breakdown_title(struct strbuf *out, const struct score_breakdown *b)
{
    strbuf_adds(out, "By ");
    add_fields(out, b);
}

void report_group_name(struct strbuf *out, const struct score_breakdown *b,
                       const struct score_group *g)
{
    if (g->pooled) {
        strbuf_adds(out, REPORT_POOLED_ROW);
        return;
    }
    for (size_t k = 0; k < b->n_by; k++) {
        if (k)
            strbuf_adds(out, " / ");
        if (g->values[k] && strcmp(g->values[k], REPORT_POOLED_ROW) == 0)
            strbuf_addf(out, "%s (a %s so named)", g->values[k], b->by[k]);
        else if (g->values[k])
            strbuf_adds(out, g->values[k]);
        else
            strbuf_addf(out, "no %s given", b->by[k]);
    }
}

static bool report_breakdown_has_pooled_row(const struct score_breakdown *b)
{
    return b->n_groups && b->groups[b->n_groups - 1].pooled;
}

void report_breakdown_note(struct strbuf *out, const struct score_breakdown *b)
{
    switch (b->state) {
    case BREAKDOWN_OFF:
        return;
    case BREAKDOWN_SHOWN:
        if (report_breakdown_has_pooled_row(b))
            strbuf_addf(out,
                        "Groups of fewer than %zu respondents are pooled into \"" REPORT_POOLED_ROW
                        "\", with more where one could otherwise be worked out from the rest, "
                        "so that no group under %zu can be seen apart.",
                        b->min_group, b->min_group);
        if (b->equal_weights)
            strbuf_addf(out,
                        "%sEach group's stage scores weigh every item alike, whatever "
                        "weights the model gives them, so that no weighting can read a "
                        "group's answers item by item.",
                        out->len ? " " : "");
        if (b->n_cross)
            strbuf_addf(out,
                        "%s%zu group%s large enough to show apart %s pooled too, because "
                        "set against the groups of another field in these answers it would "
                        "single out fewer than %zu people: that protects %zu respondent%s.",
                        out->len ? " " : "", b->n_cross, b->n_cross == 1 ? "" : "s",
                        b->n_cross == 1 ? "is" : "are", b->min_group, b->cross_protected,
                        b->cross_protected == 1 ? "" : "s");
        return;
    case BREAKDOWN_CROSS_POOLED:
        strbuf_adds(out, "Left out: ");
        add_fields(out, b);
        strbuf_addf(out,
                    " pool%s some groups so that they cannot be set against the groups of "
                    "another field in these answers, and a view by two fields is shown only "
                    "when neither pools any: that protects %zu respondent%s. Try one field "
                    "at a time.",
                    b->n_by == 1 ? "s" : "", b->cross_protected,
                    b->cross_protected == 1 ? "" : "s");
        return;
    case BREAKDOWN_CHANGE_TOO_FEW:
        strbuf_adds(out, "Left out: the groups of ");
        add_fields(out, b);
        strbuf_addf(out,
                    ", because these assessments share respondents and in some group fewer "
                    "than %zu joined or left, so that group's change would be theirs alone.",
                    b->min_group);
        return;
    case BREAKDOWN_ONE_GROUP:
        strbuf_adds(out, "Everyone gives the same ");
        add_fields(out, b);
        strbuf_adds(out, ", so there is no breakdown to show.");
        return;
    case BREAKDOWN_TOO_SMALL:
        if (b->n_cross) {
            strbuf_adds(out, "Left out: no group of ");
            add_fields(out, b);
            strbuf_addf(out,
                        " can be shown apart, because set against the groups of another "
                        "field in these answers it would single out fewer than %zu people: "
                        "that protects %zu respondent%s.",
                        b->min_group, b->cross_protected, b->cross_protected == 1 ? "" : "s");
            return;
        }
        strbuf_addf(out,
                    "Left out: %zu of the %zu groups %s fewer than %zu respondents, and no "
                    "group can be shown apart without one of them being seen or worked out.",
                    b->n_small, b->n_cells, b->n_small == 1 ? "has" : "have", b->min_group);
        return;
    case BREAKDOWN_CELLS_TOO_SMALL:
        strbuf_addf(out,
                    "Left out: %zu of the %zu combinations %s fewer than %zu respondents, and a "
                    "view by two fields is shown only when every one has %zu or more. Try one "
                    "field at a time.",
                    b->n_small, b->n_cells, b->n_small == 1 ? "has" : "have", b->min_group,
                    b->min_group);
        return;
    }
}

void report_threshold_line(struct strbuf *out, size_t respondents, size_t min_group)
{
    if (respondents <= 1)
        return;
    strbuf_addf(out,
                "Anonymity threshold: %zu. No group of fewer respondents is shown apart, and no "
                "item's figures or notes from fewer answers.",
                min_group);
    if (min_group < SUPPRESS_MIN_GROUP_DEFAULT)
        strbuf_addf(out, " Lowered below the default of %d with --min-group.",
                    SUPPRESS_MIN_GROUP_DEFAULT);
}

void report_anonymity_note(struct strbuf *out, const struct score *s)
{
    size_t n = s->assessment->respondents;
    if (s->attribute || n >= s->min_group)
        return;
    if (n == 1)
        strbuf_adds(out, "Not anonymous: one respondent, whose report this is.");
    else
        strbuf_addf(out,
                    "Not anonymous: %zu respondents, fewer than the anonymity threshold of %zu.", n,
                    s->min_group);
}

void report_date_range(struct strbuf *out, const struct assessment *a)
{
    if (a->date_first && a->date_last && strcmp(a->date_first, a->date_last) != 0)
        strbuf_addf(out, "Respondents' dates run from %s to %s.", a->date_first, a->date_last);
}
