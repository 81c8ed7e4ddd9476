/*
 * report_trend_time.c - trend's "Time in stage" as text, markdown, JSON and CSV: for
 * each stage, how long it has been the focus, when it was first assessed in each band
 * and when it reached the top band (computed by trend_time.c). The words are made here
 * once and shared with the HTML page. Only the whole assessment: nothing per group.
 */
#include "report_compare_internal.h"

#include "compare.h"
#include "escape.h"
#include "jsonw.h"
#include "report.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

static const char *plural(int64_t n)
{
    return n == 1 ? "" : "s";
}

static const char *point_date(const struct trend *t, size_t k)
{
    return t->points[k]->assessment->date;
}

/* The band stage st was first assessed in at point k, or SCORE_NO_BAND: one at most. */
static int band_new_at(const struct trend *t, size_t st, size_t k)
{
    int b = t->points[k]->stages[st].band;
    return b != SCORE_NO_BAND && t->times[st].first_in_band[b] == k ? b : SCORE_NO_BAND;
}

void trend_time_focus_words(struct strbuf *sb, const struct trend *t, size_t st)
{
    const struct trend_stage_time *tm = &t->times[st];
    if (!tm->focus_assessments) {
        strbuf_adds(sb, "never");
        return;
    }
    strbuf_addf(sb, "%zu assessment%s, %lld day%s; ", tm->focus_assessments,
                plural((int64_t)tm->focus_assessments), (long long)tm->focus_days,
                plural(tm->focus_days));
    if (tm->focus_now)
        strbuf_addf(sb, "now, since %s", point_date(t, tm->focus_since));
    else
        strbuf_adds(sb, "not now");
}

void trend_time_top_words(struct strbuf *sb, const struct trend *t, size_t st)
{
    size_t k = trend_reached_top(t, st);
    if (k == TREND_NEVER) {
        strbuf_adds(sb, "not yet");
        return;
    }
    strbuf_adds(sb, point_date(t, k));
    if (!t->times[st].top_now)
        strbuf_adds(sb, " (not in it now)");
}

void trend_time_sentence(struct strbuf *sb, const struct trend *t, size_t st)
{
    const struct rules *r = t->points[0]->rules;
    const struct trend_stage_time *tm = &t->times[st];
    if (!tm->focus_assessments)
        strbuf_adds(sb, "never the focus.");
    else
        strbuf_addf(sb, "the focus for %zu assessment%s and %lld day%s%s", tm->focus_assessments,
                    plural((int64_t)tm->focus_assessments), (long long)tm->focus_days,
                    plural(tm->focus_days),
                    tm->focus_now ? ", and the focus now, since " : ", not now.");
    if (tm->focus_now)
        strbuf_addf(sb, "%s.", point_date(t, tm->focus_since));
    bool any = false;
    for (size_t k = 0; k < t->n; k++) {
        int b = band_new_at(t, st, k);
        if (b == SCORE_NO_BAND)
            continue;
        strbuf_adds(sb, any ? ", " : " First in a band: ");
        strbuf_addf(sb, "%s on %s", r->bands[b].title, point_date(t, k));
        any = true;
    }
    strbuf_adds(sb, any ? "." : " No band yet: too few answers at every assessment.");
    size_t top = trend_reached_top(t, st);
    if (top == TREND_NEVER)
        strbuf_addf(sb, " Not yet in the top band, %s.", r->bands[0].title);
    else
        strbuf_addf(sb, " Reached the top band, %s, on %s%s", r->bands[0].title, point_date(t, top),
                    tm->top_now ? "." : "; not in it now.");
}

static void json_date_or_null(struct jsonw *w, const struct trend *t, size_t k)
{
    jsonw_string(w, k == TREND_NEVER ? NULL : point_date(t, k));
}

void trend_json_time(struct jsonw *w, const struct trend *t, size_t st)
{
    const struct rules *r = t->points[0]->rules;
    const struct trend_stage_time *tm = &t->times[st];
    jsonw_kobject(w, "time");
    jsonw_kuint(w, "focus_assessments", tm->focus_assessments);
    jsonw_kint(w, "focus_days", (long)tm->focus_days);
    jsonw_kbool(w, "focus_now", tm->focus_now);
    jsonw_key(w, "focus_since");
    json_date_or_null(w, t, tm->focus_now ? tm->focus_since : TREND_NEVER);
    jsonw_kobject(w, "first_in_band");
    for (size_t b = 0; b < r->n_bands; b++) {
        jsonw_key(w, r->bands[b].id);
        json_date_or_null(w, t, tm->first_in_band[b]);
    }
    jsonw_end(w, '}');
    jsonw_key(w, "reached_top");
    json_date_or_null(w, t, trend_reached_top(t, st));
    jsonw_kbool(w, "top_now", tm->top_now);
    jsonw_end(w, '}');
}

void trend_csv_time(const struct trend *t, struct strbuf *out)
{
    const struct rules *r = t->points[0]->rules;
    const struct score *latest = t->points[t->n - 1];
    struct strbuf text = STRBUF_INIT;
    for (size_t st = 0; st < r->n_stages; st++) {
        for (size_t k = 0; k < t->n; k++) {
            int b = band_new_at(t, st, k);
            if (b == SCORE_NO_BAND)
                continue;
            const struct score *s = t->points[k];
            trend_csv_point(out, s);
            strbuf_addf(out, "%zu,", s->assessment->respondents);
            escape_csv(out, r->stages[st].id);
            strbuf_addc(out, ',');
            report_add_exact(out, &s->stages[st].score_exact);
            strbuf_addc(out, ',');
            escape_csv(out, r->bands[b].id);
            strbuf_adds(out, ",first-in-band,\r\n");
        }
        strbuf_reset(&text);
        trend_time_sentence(&text, t, st);
        trend_csv_point(out, latest);
        strbuf_addf(out, "%zu,", latest->assessment->respondents);
        escape_csv(out, r->stages[st].id);
        strbuf_adds(out, ",,,time-in-stage,");
        escape_csv(out, strbuf_str(&text));
        strbuf_adds(out, "\r\n");
    }
    strbuf_release(&text);
}
