/*
 * compare_words.c - what compare's and trend's reports say the same way: a group's name,
 * an assessment's line, the anonymity threshold over several assessments, participation
 * with a headcount for each, the breakdown's
 * heading and note, and the start of a trend CSV row. Below both reports' files, so that
 * neither calls the other.
 */
#include "report_compare_internal.h"

#include "breakdown.h"
#include "compare.h"
#include "escape.h"
#include "jsonw.h"
#include "participation.h"
#include "report.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"
#include "suppress.h"

static const char *focus_id(const struct score *s)
{
    return s->focus >= 0 ? s->rules->stages[s->focus].id : NULL;
}

/*
 * "Northside", "no team given" or "Other groups": row g's name, plain. The assessments
 * read side by side have the same rows in the same order (score_align_breakdowns), so
 * row g of one is row g of every other.
 */
void compare_group_name(struct strbuf *sb, const struct score_breakdown *b, size_t g)
{
    report_group_name(sb, b, &b->groups[g]);
}

void compare_threshold_line(struct strbuf *out, const struct score *const *points, size_t n,
                            bool shares)
{
    size_t most = 0;
    for (size_t k = 0; k < n; k++)
        if (points[k]->assessment->respondents > most)
            most = points[k]->assessment->respondents;
    report_threshold_line(out, most, points[0]->min_group);
    if (!out->len)
        return;
    if (shares)
        strbuf_addf(out,
                    " Where assessments share respondents, they are compared only if none or "
                    "at least %zu people joined, and none or at least %zu left, overall, in "
                    "each group shown and for each item; how the answers of people in both "
                    "changed is shown as it is (docs/privacy.md).",
                    points[0]->min_group, points[0]->min_group);
    else
        strbuf_adds(out, " These assessments share no respondents: each is protected on its "
                         "own, and the change between surveys run separately is outside this "
                         "protection (docs/privacy.md).");
}

void compare_json_threshold(struct jsonw *w, const struct score *const *points, size_t n,
                            bool shares)
{
    struct strbuf line = STRBUF_INIT;
    compare_threshold_line(&line, points, n, shares);
    jsonw_kuint(w, "min_group", points[0]->min_group);
    jsonw_kbool(w, "min_group_lowered", points[0]->min_group < SUPPRESS_MIN_GROUP_DEFAULT);
    jsonw_kstring(w, "threshold", line.len ? strbuf_str(&line) : NULL);
    strbuf_release(&line);
}

void compare_participation_line(struct strbuf *out, const struct score *const *points, size_t n)
{
    size_t low = 0;
    for (size_t k = 0; k < n; k++) {
        const struct participation *p = points[k]->participation;
        if (!p)
            return; /* a headcount for each assessment, or none (cli_report.c) */
        strbuf_addf(out, "%son %s, %zu of %zu%s (%zu%%)",
                    k ? "; " : "Participation: ", points[k]->assessment->date, p->answered,
                    p->invited, k ? "" : " staff asked answered",
                    participation_percent(p->answered, p->invited));
        low += p->low;
    }
    strbuf_addc(out, '.');
    if (!low)
        return;
    strbuf_addf(out, " Under %d%% of the staff asked answered on ", PARTICIPATION_LOW_PERCENT);
    for (size_t k = 0, said = 0; k < n; k++)
        if (points[k]->participation->low)
            strbuf_addf(out, "%s%s", said++ ? ", " : "", points[k]->assessment->date);
    strbuf_adds(out, ", so those results may not speak for the staff who did not answer.");
}

void compare_json_assessment(struct jsonw *w, const struct score *s)
{
    jsonw_object(w);
    jsonw_kstring(w, "date", s->assessment->date);
    jsonw_kstring(w, "organisation", s->assessment->organisation);
    jsonw_kuint(w, "respondents", s->assessment->respondents);
    jsonw_kstring(w, "focus", focus_id(s));
    const struct participation *p = s->participation;
    if (p) { /* only with --headcount: the whole, never a group's */
        jsonw_kobject(w, "participation");
        jsonw_kuint(w, "answered", p->answered);
        jsonw_kuint(w, "invited", p->invited);
        jsonw_kuint(w, "percent", participation_percent(p->answered, p->invited));
        jsonw_kbool(w, "low", p->low);
        jsonw_end(w, '}');
    }
    jsonw_end(w, '}');
}

void compare_assessment_words(struct strbuf *sb, const struct assessment *a)
{
    strbuf_addf(sb, "%s, %zu respondent%s, %s", a->date, a->respondents,
                a->respondents == 1 ? "" : "s", a->organisation);
}

/* "2026-04-15, 1 respondent, ORGANISATION" after first, wrapped with a hanging indent. */
void compare_text_assessment(struct strbuf *out, const char *first, size_t hang,
                             const struct assessment *a, size_t width)
{
    struct strbuf line = STRBUF_INIT;
    compare_assessment_words(&line, a);
    compare_text_para(out, first, hang, strbuf_str(&line), width);
    strbuf_release(&line);
}

void trend_csv_point(struct strbuf *out, const struct score *s)
{
    strbuf_addf(out, "%s,", s->assessment->date);
    escape_csv(out, s->assessment->organisation);
    strbuf_addc(out, ',');
}
