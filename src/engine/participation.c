/*
 * participation.c - respondents set beside a headcount (participation.h).
 *
 * Rows are made only for groups the breakdown shows apart, so every count of people who
 * answered is one the report prints already; the pooled row gets none, since its
 * headcount would be a sum over groups the report does not name.
 */
#include "participation.h"

#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "breakdown.h"
#include "date.h"
#include "diag.h"
#include "headcount.h"
#include "score.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

void participation_init(struct participation *p)
{
    memset(p, 0, sizeof(*p));
}

void participation_release(struct participation *p)
{
    free(p->rows);
    participation_init(p);
}

size_t participation_percent(size_t answered, size_t invited)
{
    return invited ? (200 * answered + invited) / (2 * invited) : 0;
}

/* A group of the field broken down by that nobody gives: a typo, or nobody answered. */
static void warn_unmatched(const struct assessment *a, const char *file,
                           const struct headcount_group *hg, struct diags *d)
{
    const char **names = xcalloc(a->n_groups + 1, sizeof(*names));
    size_t n = 0;
    for (size_t g = 0; g < a->n_groups; g++) {
        if (!a->groups[g].values[0])
            continue;
        if (text_group_cmp(a->groups[g].values[0], hg->value) == 0) {
            free(names);
            return;
        }
        names[n++] = a->groups[g].values[0];
    }
    struct strbuf msg = STRBUF_INIT;
    strbuf_addf(&msg, "no respondent gives %s ", hg->field);
    text_add_quoted(&msg, hg->value, 60);
    strbuf_adds(&msg, ": nobody in it answered, or the answers spell it otherwise");
    const char *near = text_did_you_mean(hg->value, names, n);
    if (near) {
        strbuf_adds(&msg, " (did you mean ");
        text_add_quoted(&msg, near, 60);
        strbuf_adds(&msg, "?)");
    }
    diag_add(d, DIAG_WARNING, file, hg->line, hg->column, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
    free(names);
}

/* Every group of the field broken down by: not more answered than were asked. */
static void check_groups(const struct assessment *a, const struct headcount *h, struct diags *d)
{
    const char *field = a->by[0];
    for (size_t g = 0; g < a->n_groups; g++) {
        const struct group_tally *t = &a->groups[g];
        const struct headcount_group *hg = headcount_find(h, field, t->values[0]);
        if (!hg || t->respondents <= hg->invited)
            continue;
        struct strbuf msg = STRBUF_INIT;
        strbuf_addf(&msg, "%zu respondents give %s ", t->respondents, field);
        text_add_quoted(&msg, hg->value, 60);
        strbuf_addf(&msg,
                    ", more than the %zu invited; correct the headcount, "
                    "or look for an answers file given twice",
                    hg->invited);
        diag_add(d, DIAG_ERROR, h->file, hg->line, hg->column, "%s", strbuf_str(&msg));
        strbuf_release(&msg);
    }
    for (size_t k = 0; k < h->n_groups; k++)
        if (strcmp(h->groups[k].field, field) == 0)
            warn_unmatched(a, h->file, &h->groups[k], d);
}

/* A row for each group shown apart that the headcount counts. */
static void make_rows(struct participation *p, const struct score *s, const struct headcount *h)
{
    const struct score_breakdown *b = &s->breakdown;
    if (b->state != BREAKDOWN_SHOWN || b->n_by != 1 || !headcount_has_field(h, b->by[0]))
        return;
    p->field = b->by[0];
    p->rows = xcalloc(b->n_groups + 1, sizeof(*p->rows));
    for (size_t g = 0; g < b->n_groups; g++) {
        const struct score_group *sg = &b->groups[g];
        const struct headcount_group *hg =
            sg->pooled ? NULL : headcount_find(h, b->by[0], sg->values[0]);
        if (hg)
            p->rows[p->n_rows++] = (struct participation_row){g, sg->respondents, hg->invited};
    }
}

/*
 * A headcount dated more than a quarter (ANSWERS_DATE_WINDOW_DAYS) from the assessment
 * may count another staff: said, at its date, and nothing changed.
 */
static void warn_stale(const struct assessment *a, const struct headcount *h, struct diags *d)
{
    int64_t counted, assessed;
    if (!h->date || !a->date || !date_parse_days(h->date, &counted) ||
        !date_parse_days(a->date, &assessed))
        return;
    int64_t apart = counted > assessed ? counted - assessed : assessed - counted;
    if (apart > ANSWERS_DATE_WINDOW_DAYS)
        diag_add(d, DIAG_WARNING, h->file, h->date_line, h->date_column,
                 "the headcount is dated %s, %lld days %s the assessment (%s); staff may have "
                 "come and gone since, so check it counts the staff who were asked",
                 h->date, (long long)apart, counted > assessed ? "after" : "before", a->date);
}

int participation_compute(struct participation *p, const struct score *s, const struct headcount *h,
                          struct diags *d)
{
    const struct assessment *a = s->assessment;
    size_t errors_before = d->errors;
    participation_init(p);
    if (a->respondents > h->invited)
        diag_add(d, DIAG_ERROR, h->file, h->line, h->column,
                 "%zu staff answered, more than the %zu invited; correct "
                 "the headcount, or look for an answers file given twice",
                 a->respondents, h->invited);
    if (a->n_by == 1)
        check_groups(a, h, d);
    warn_stale(a, h, d);
    if (d->errors > errors_before)
        return -1;
    p->answered = a->respondents;
    p->invited = h->invited;
    p->low = p->answered * 100 < p->invited * (size_t)PARTICIPATION_LOW_PERCENT;
    make_rows(p, s, h);
    return 0;
}
