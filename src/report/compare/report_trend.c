/*
 * report_trend.c - "stagegap trend" as text, markdown, JSON (stagegap-trend/1: see
 * docs/compare-json.md) and CSV: each stage's score at every assessment, in date order;
 * the time in stage is in report_trend_time.c.
 */
#include "report_compare_internal.h"
#include "compare_build_internal.h"

#include "breakdown.h"
#include "compare.h"
#include "escape.h"
#include "jsonw.h"
#include "model_change.h"
#include "report.h"
#include "score.h"
#include "strbuf.h"
#include "text.h"

/* ---- trend ---- */

/* Breakdown row g of every point, or (g == WHOLE) the whole assessment. */
#define WHOLE ((size_t)-1)

/* Stage st's score at point k, of the whole assessment or of breakdown row g. */
static bool point_score(const struct trend *t, size_t k, size_t g, size_t st, double *v,
                        const struct exact **q)
{
    const struct score *s = t->points[k];
    if (g == WHOLE) {
        *v = s->stages[st].score;
        *q = &s->stages[st].score_exact;
        return s->stages[st].has_score;
    }
    const struct score_group *row = &s->breakdown.groups[g];
    *v = row->scores[st];
    *q = &row->scores_exact[st];
    return row->has_score[st];
}

/* Breakdown row g's respondents at point k. */
static size_t point_respondents(const struct trend *t, size_t k, size_t g)
{
    return t->points[k]->breakdown.groups[g].respondents;
}

/* Stage st's score at point k to one decimal, rounded exactly, or none. */
static void add_point_score(struct strbuf *out, const struct trend *t, size_t k, size_t g,
                            size_t st, const char *none)
{
    double v;
    const struct exact *q;
    if (point_score(t, k, g, st, &v, &q))
        report_add_exact(out, q);
    else
        strbuf_adds(out, none);
}

void trend_render_text(const struct trend *t, const char *tool_version, size_t width,
                       struct strbuf *out)
{
    const struct rules *r = t->points[0]->rules;
    struct strbuf line = STRBUF_INIT;
    strbuf_addf(&line, "%s %s, %zu assessments", r->title, r->version, t->n);
    if (r->base) {
        strbuf_addf(&line, " (%s). ", r->id);
        report_overlay_sentence(&line, r);
    }
    compare_text_para(out, "Trend against ", 2, strbuf_str(&line), width);
    strbuf_adds(out, "\n");
    for (size_t k = 0; k < t->n; k++) {
        strbuf_reset(&line);
        strbuf_addf(&line, "  %zu. ", k + 1);
        compare_text_assessment(out, strbuf_str(&line), line.len, t->points[k]->assessment, width);
    }
    strbuf_reset(&line);
    compare_threshold_line(&line, t->points, t->n, t->shares_respondents);
    if (line.len)
        compare_text_para(out, "", 0, strbuf_str(&line), width);
    strbuf_reset(&line);
    compare_participation_line(&line, t->points, t->n);
    if (line.len)
        compare_text_para(out, "", 0, strbuf_str(&line), width);
    strbuf_release(&line);
    compare_write_evidence_pointer(DOC_TEXT, out, width);
    strbuf_adds(out, "\n");
    trend_write_sections(t, DOC_TEXT, out, width);
    compare_write_about(t->points[t->n - 1], DOC_TEXT, out, width);
    strbuf_addf(out, "\nstagegap %s\n", tool_version);
}

void trend_render_markdown(const struct trend *t, const char *tool_version, size_t width,
                           struct strbuf *out)
{
    const struct rules *r = t->points[0]->rules;
    (void)width;
    strbuf_adds(out, "# Readiness over time\n\nModel: ");
    escape_markdown(out, r->title);
    strbuf_adds(out, " ");
    escape_markdown(out, r->version);
    strbuf_addf(out, " (`%s`).\n\n", r->sha256);
    if (r->base) {
        report_md_overlay(out, r);
        strbuf_adds(out, "\n");
    }
    struct strbuf threshold = STRBUF_INIT;
    compare_threshold_line(&threshold, t->points, t->n, t->shares_respondents);
    if (threshold.len) {
        escape_markdown(out, strbuf_str(&threshold));
        strbuf_adds(out, "\n\n");
    }
    strbuf_reset(&threshold);
    compare_participation_line(&threshold, t->points, t->n);
    if (threshold.len) {
        escape_markdown(out, strbuf_str(&threshold));
        strbuf_adds(out, "\n\n");
    }
    strbuf_release(&threshold);
    compare_write_evidence_pointer(DOC_MARKDOWN, out, width);
    trend_write_sections(t, DOC_MARKDOWN, out, width);
    compare_md_end_blocks(out);
    strbuf_addc(out, '\n');
    compare_write_about(t->points[t->n - 1], DOC_MARKDOWN, out, width);
    strbuf_addf(out, "Made with stagegap %s.\n", tool_version);
}

/* groups[]: each row's respondents and stage scores, an entry per assessment. */
static void json_trend_groups(struct jsonw *w, const struct trend *t)
{
    const struct rules *r = t->points[0]->rules;
    const struct score_breakdown *b = &t->points[0]->breakdown;
    report_json_breakdown(w, b, t->points[0]->min_group);
    jsonw_karray(w, "groups");
    for (size_t g = 0; b->state == BREAKDOWN_SHOWN && g < b->n_groups; g++) {
        jsonw_object(w);
        report_json_group_values(w, b, &b->groups[g]);
        jsonw_karray(w, "respondents");
        for (size_t k = 0; k < t->n; k++)
            jsonw_uint(w, point_respondents(t, k, g));
        jsonw_end(w, ']');
        jsonw_karray(w, "stages");
        for (size_t st = 0; st < r->n_stages; st++) {
            jsonw_object(w);
            jsonw_kstring(w, "id", r->stages[st].id);
            jsonw_karray(w, "scores");
            for (size_t k = 0; k < t->n; k++) {
                double v;
                const struct exact *q;
                bool has = point_score(t, k, g, st, &v, &q);
                jsonw_exact(w, has, q, 1);
            }
            jsonw_end(w, ']');
            jsonw_end(w, '}');
        }
        jsonw_end(w, ']');
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

void trend_render_json(const struct trend *t, const char *tool_version, size_t width,
                       struct strbuf *out)
{
    const struct rules *r = t->points[0]->rules;
    (void)width;
    struct jsonw w;
    jsonw_init(&w, out);
    jsonw_object(&w);
    jsonw_kstring(&w, "format", TREND_FORMAT);
    report_json_provenance(&w, r, tool_version);
    jsonw_karray(&w, "assessments");
    for (size_t k = 0; k < t->n; k++)
        compare_json_assessment(&w, t->points[k]);
    jsonw_end(&w, ']');
    compare_json_threshold(&w, t->points, t->n, t->shares_respondents);
    jsonw_karray(&w, "stages");
    for (size_t st = 0; st < r->n_stages; st++) {
        jsonw_object(&w);
        jsonw_kstring(&w, "id", r->stages[st].id);
        jsonw_kstring(&w, "title", r->stages[st].title);
        jsonw_karray(&w, "series");
        for (size_t k = 0; k < t->n; k++) {
            const struct score_stage *ss = &t->points[k]->stages[st];
            jsonw_object(&w);
            jsonw_kstring(&w, "date", t->points[k]->assessment->date);
            jsonw_kexact(&w, "score", ss->has_score, &ss->score_exact, 1);
            jsonw_kstring(&w, "band", score_band_id(t->points[k], st));
            jsonw_end(&w, '}');
        }
        jsonw_end(&w, ']');
        trend_json_time(&w, t, st);
        jsonw_end(&w, '}');
    }
    jsonw_end(&w, ']');
    json_trend_groups(&w, t);
    model_change_json(&w, t->model_change, r);
    /* The latest assessment's, as every format says it. */
    trend_evidence_json(&w, t);
    jsonw_kstring(&w, "caveat", report_caveat(t->points[t->n - 1]));
    jsonw_kstring(&w, "judgement", t->points[t->n - 1]->rules->source.judgement);
    jsonw_end(&w, '}');
}

/* A row of what every format says in prose, with no date or stage; none without text. */
static void csv_trend_context(struct strbuf *out, const char *kind, const char *text)
{
    if (!text || !*text)
        return;
    strbuf_addf(out, ",,,,,,%s,", kind);
    escape_csv(out, text);
    strbuf_adds(out, "\r\n");
}

/* Each group's stage scores at each point: kind "group", its name as text; then the note. */
static void csv_trend_groups(const struct trend *t, struct strbuf *out)
{
    const struct rules *r = t->points[0]->rules;
    const struct score_breakdown *b = &t->points[0]->breakdown;
    struct strbuf name = STRBUF_INIT;
    for (size_t k = 0; k < t->n; k++) {
        for (size_t g = 0; g < b->n_groups; g++) {
            strbuf_reset(&name);
            compare_group_name(&name, b, g);
            for (size_t st = 0; st < r->n_stages; st++) {
                trend_csv_point(out, t->points[k]);
                strbuf_addf(out, "%zu,", point_respondents(t, k, g));
                escape_csv(out, r->stages[st].id);
                strbuf_addc(out, ',');
                add_point_score(out, t, k, g, st, "");
                strbuf_adds(out, ",,group,");
                escape_csv(out, strbuf_str(&name));
                strbuf_adds(out, "\r\n");
            }
        }
    }
    strbuf_reset(&name);
    report_breakdown_note(&name, b);
    csv_trend_context(out, "breakdown", strbuf_str(&name));
    strbuf_release(&name);
}

/* What differs between the models, as compare's CSV has it: rows of kind "model-change",
   the item's stage as stage (its id leads the text), no date. */
struct trend_model_arg {
    const struct rules *r;
    struct strbuf *out;
};

static void trend_model_line(void *arg, const struct rules_item *it, const char *text)
{
    const struct trend_model_arg *a = arg;
    struct strbuf *out = a->out;
    strbuf_adds(out, ",,,");
    if (it)
        escape_csv(out, a->r->stages[it->stage].id);
    strbuf_adds(out, ",,,model-change,");
    escape_csv(out, text);
    strbuf_adds(out, "\r\n");
}

static void csv_trend_model_change(const struct trend *t, struct strbuf *out)
{
    const struct model_change *mc = t->model_change;
    if (!mc)
        return;
    struct trend_model_arg arg = {t->points[0]->rules, out};
    struct strbuf models = STRBUF_INIT;
    strbuf_addf(&models, "from %s to %s", mc->from, mc->to);
    trend_model_line(&arg, NULL, strbuf_str(&models));
    strbuf_release(&models);
    compare_model_change_each(mc, arg.r, trend_model_line, &arg);
}

void trend_render_csv(const struct trend *t, const char *tool_version, size_t width,
                      struct strbuf *out)
{
    const struct rules *r = t->points[0]->rules;
    (void)width;
    (void)tool_version;
    strbuf_adds(out, "date,organisation,respondents,stage,score,band,kind,text\r\n");
    struct strbuf threshold = STRBUF_INIT;
    compare_threshold_line(&threshold, t->points, t->n, t->shares_respondents);
    csv_trend_context(out, "threshold", strbuf_str(&threshold));
    strbuf_reset(&threshold);
    compare_participation_line(&threshold, t->points, t->n);
    if (threshold.len)
        csv_trend_context(out, "participation", strbuf_str(&threshold));
    strbuf_release(&threshold);
    for (size_t k = 0; k < t->n; k++) {
        const struct score *s = t->points[k];
        for (size_t st = 0; st < r->n_stages; st++) {
            trend_csv_point(out, s);
            strbuf_addf(out, "%zu,", s->assessment->respondents);
            escape_csv(out, r->stages[st].id);
            strbuf_addc(out, ',');
            add_point_score(out, t, k, WHOLE, st, "");
            strbuf_addc(out, ',');
            escape_csv(out, score_band_id(s, st));
            strbuf_adds(out, ",stage,\r\n");
        }
    }
    trend_csv_time(t, out);
    csv_trend_groups(t, out);
    csv_trend_model_change(t, out);
    trend_evidence_csv(out, t);
    const struct score *latest = t->points[t->n - 1];
    csv_trend_context(out, "caveat", report_caveat(latest));
    csv_trend_context(out, "judgement", latest->rules->source.judgement);
}
