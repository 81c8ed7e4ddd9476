/*
 * cli_report.c - the reports: assess, compare and trend, with their gates and breakdowns.
 */
#include "cli.h"
#include "cli_internal.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "accept.h"
#include "answers.h"
#include "date.h"
#include "evidence.h"
#include "evidence_view.h"
#include "compare.h"
#include "model_change.h"
#include "overlap.h"
#include "diag.h"
#include "headcount.h"
#include "participation.h"
#include "plan.h"
#include "plan_review.h"
#include "report.h"
#include "rules.h"
#include "schema.h"
#include "score.h"
#include "share_write.h"
#include "strbuf.h"
#include "suppress.h"
#include "text.h"
#include "version.h"
#include "xalloc.h"

/*
 * --by and --min-group, checked, as the assessment and the score take them: fields to
 * break down by (role unless asked otherwise; none for --by none) and the threshold.
 */
static int breakdown_options(struct cli *c, struct score_options *o, const char **by, size_t *n_by)
{
    o->min_group = SUPPRESS_MIN_GROUP_DEFAULT;
    if (c->min_group) {
        long k;
        char *end;
        errno = 0;
        k = strtol(c->min_group, &end, 10);
        if (*end || end == c->min_group || errno || k > SUPPRESS_MIN_GROUP_MAX || k < 0)
            return cli_usage_error(
                c,
                "--min-group takes a whole number of respondents from " STAGEGAP_STR(
                    SUPPRESS_MIN_GROUP_FLOOR) " to " STAGEGAP_STR(SUPPRESS_MIN_GROUP_MAX) ", not",
                c->min_group);
        if (k < SUPPRESS_MIN_GROUP_FLOOR)
            return cli_usage_error(
                c,
                "--min-group must be at least " STAGEGAP_STR(
                    SUPPRESS_MIN_GROUP_FLOOR) ": in a smaller group, "
                                              "anyone who knows who is in it can "
                                              "tell what each one "
                                              "answered; not",
                c->min_group);
        o->min_group = (size_t)k;
    }
    o->by_default = c->n_by == 0;
    if (c->n_by == 0) {
        by[0] = ANSWERS_FIELD_ROLE;
        *n_by = 1;
        return EXIT_OK;
    }
    for (size_t k = 0; k < c->n_by; k++) {
        bool none = strcmp(c->by[k], "none") == 0;
        if (none && c->n_by > 1)
            return cli_usage_error(c,
                                   "--by none leaves the breakdown out, so it goes alone; not "
                                   "with",
                                   c->by[1 - k]);
        if (!none && !yid_valid(c->by[k]))
            return cli_usage_error(c,
                                   "--by takes a field respondents give (role, or a key of "
                                   "their groups, like team), not",
                                   c->by[k]);
        if (k == 1 && strcmp(c->by[0], c->by[1]) == 0)
            return cli_usage_error(c, "--by names one field twice:", c->by[1]);
        by[k] = c->by[k];
    }
    *n_by = strcmp(c->by[0], "none") == 0 ? 0 : c->n_by;
    return EXIT_OK;
}

/*
 * A field asked for with --by that no respondent of any assessment gives is a mistake
 * in the command: said with the fields they do give.
 */
static int check_fields_given(struct cli *c, const struct assessment *const *a, size_t n)
{
    for (size_t k = 0; k < c->n_by && strcmp(c->by[0], "none") != 0; k++) {
        bool given = false;
        for (size_t i = 0; i < n && !given; i++)
            given = assessment_field_given(a[i], c->by[k]);
        if (given)
            continue;
        struct strbuf what = STRBUF_INIT;
        strbuf_adds(&what, "no respondent gives the field named by --by; ");
        if (a[0]->n_fields_given == 0)
            strbuf_adds(&what, "they give no role or groups at all:");
        for (size_t f = 0; f < a[0]->n_fields_given; f++)
            strbuf_addf(&what, "%s%s", f ? ", " : "they give ", a[0]->fields_given[f]);
        if (a[0]->n_fields_given)
            strbuf_adds(&what, "; not");
        int rc = cli_usage_error(c, strbuf_str(&what), c->by[k]);
        strbuf_release(&what);
        return rc;
    }
    return EXIT_OK;
}

/* A score from 0 to 100 with at most EXACT_PLACES decimals, held times EXACT_SCALE. */
static int parse_score(const char *s, int64_t *out)
{
    int64_t v;
    int rc = exact_parse_decimal(s, &v);
    /* -2 is too many places or too large: only the first is about places. */
    const char *dot = strchr(s, '.');
    if (rc == -2 && dot && strlen(dot + 1) > EXACT_PLACES && !strpbrk(s, "eE") &&
        (size_t)(dot - s) <= 3)
        return -2;
    if (rc != 0 || v < 0 || v > 100 * EXACT_SCALE)
        return -1;
    *out = v;
    return 0;
}

/*
 * A score option's value (--fail-under, --tolerance): 0 to 100 with at most three
 * decimal places, each refused with what is wrong with it.
 */
static int score_option(struct cli *c, const char *option, const char *value, int64_t *out)
{
    struct strbuf what = STRBUF_INIT;
    int rc = parse_score(value, out);
    if (rc == -2)
        strbuf_addf(&what, "%s takes at most %d decimal places, not", option, EXACT_PLACES);
    else if (rc)
        strbuf_addf(&what, "%s takes a score from 0 to 100, not", option);
    int code = rc ? cli_usage_error(c, strbuf_str(&what), value) : 0;
    strbuf_release(&what);
    return code;
}

/*
 * A score under threshold, to one decimal as reports show it, or to as many more as it
 * takes not to read as the threshold itself (59.96 under 60 is not "60.0").
 */
static void add_under(struct strbuf *sb, const struct exact *score, int64_t threshold)
{
    int places = 1;
    uint64_t pow10 = 10;
    while (places < 6 && exact_round(score, places) * EXACT_SCALE >= (uint64_t)threshold * pow10) {
        places++;
        pow10 *= 10;
    }
    exact_format(sb, score, false, places);
}

/*
 * --fail-under: the focus stage must score at least the threshold, compared exactly.
 * When it does not, why gets one line for standard error: which stage scored what,
 * against what.
 */
static bool gate_fails(const struct score *s, int64_t threshold, struct strbuf *why)
{
    if (s->focus < 0)
        return false;
    const struct score_stage *st = &s->stages[s->focus];
    if (st->has_score && (threshold <= 0 ||
                          exact_cmp_ratio(&st->score_exact, (uint64_t)threshold, EXACT_SCALE) >= 0))
        return false;
    /* At most 3 decimals and 100 at most: %g writes the threshold as the user did. */
    strbuf_addf(why, "stagegap: --fail-under %g: the focus stage, ",
                (double)threshold / EXACT_SCALE);
    text_add_safe(why, s->rules->stages[s->focus].title, true);
    if (st->has_score) {
        strbuf_adds(why, ", scored ");
        add_under(why, &st->score_exact, threshold);
    } else {
        strbuf_addf(why, ", has too few answers to score (%zu of %zu answered)", st->answered,
                    st->answerable);
    }
    strbuf_addc(why, '\n');
    return true;
}

/* --fail-on-regression: one line naming each stage that fell, and by how much, or lost
   its score. */
static void regression_line(const struct compare *cmp, struct strbuf *why)
{
    struct strbuf verdict = STRBUF_INIT;
    compare_regression_sentence(&verdict, cmp);
    strbuf_adds(why, "stagegap: --fail-on-regression: ");
    text_add_safe(why, strbuf_str(&verdict), true);
    strbuf_addc(why, '\n');
    strbuf_release(&verdict);
}

/*
 * --plan: the plan, loaded against the same rules (a plan made with another model is
 * refused by the loader). Nothing to do without --plan.
 */
static int load_plan(struct cli *c, const struct rules *r, struct plan *p)
{
    if (!c->plan)
        return EXIT_OK;
    int rc = cli_check_stdin_once(c);
    if (rc)
        return rc;
    struct diags d;
    diags_init(&d);
    plan_load_file(p, r, c->plan, &d);
    int code = cli_print_problems(c, &d);
    diags_release(&d);
    return code;
}

/*
 * --headcount FILE or --invited N (not both): how many staff were asked, read before
 * the answers. *given is false without either.
 */
static int load_headcount(struct cli *c, struct headcount *h, bool *given)
{
    *given = c->headcount || c->invited;
    if (c->headcount && c->invited)
        return cli_usage_error(
            c, "--invited gives the total a headcount file already gives; not both:", c->invited);
    if (c->invited) {
        long n;
        char *end;
        errno = 0;
        n = strtol(c->invited, &end, 10);
        if (*end || end == c->invited || errno || n < 1 || n > HEADCOUNT_INVITED_MAX) {
            struct strbuf what = STRBUF_INIT;
            strbuf_addf(&what,
                        "--invited takes how many staff were asked, a whole number from 1 to "
                        "%d, not",
                        HEADCOUNT_INVITED_MAX);
            int rc = cli_usage_error(c, strbuf_str(&what), c->invited);
            strbuf_release(&what);
            return rc;
        }
        headcount_set_total(h, (size_t)n);
        return EXIT_OK;
    }
    if (!c->headcount)
        return EXIT_OK;
    int rc = cli_check_stdin_once(c);
    if (rc)
        return rc;
    struct diags d;
    diags_init(&d);
    headcount_load_file(h, c->headcount, &d);
    rc = cli_print_problems(c, &d);
    diags_release(&d);
    return rc;
}

/* The report in the format asked for; a Word or OpenDocument file is zipped, which
   can fail (libzip not loaded): its error printed, the exit code. */
static int render_report(struct cli *c, const struct report_ctx *ctx, struct strbuf *out)
{
    if (!report_format_is_office(c->format)) {
        report_format_find(c->format ? c->format : "text")->render(ctx, out);
        return EXIT_OK;
    }
    struct diags d;
    diags_init(&d);
    const char *name = cli_to_stdout(c) ? "standard output" : c->output;
    int rc =
        report_render_office(ctx, c->format, name, out, &d) == 0 ? EXIT_OK : cli_print_diags(c, &d);
    diags_release(&d);
    return rc;
}

/* The score's respondents set beside the headcount (participation.h), when one is given. */
static int set_participation(struct cli *c, struct score *s, const struct headcount *h, bool given,
                             struct participation *p)
{
    if (!given)
        return EXIT_OK;
    struct diags d;
    diags_init(&d);
    int rc = participation_compute(p, s, h, &d);
    int code = cli_print_problems(c, &d);
    diags_release(&d);
    if (rc == 0)
        s->participation = p;
    return rc ? (code ? code : EXIT_INVALID) : code;
}

int cmd_assess(struct cli *c)
{
    static const char *const formats[] = {"text", "markdown", "json", "csv",
                                          "html", "docx",     "odt",  NULL};
    struct rules r;
    struct assessment a;
    struct score s;
    struct plan plan;
    struct accept accept;
    struct evidence evidence;
    struct evidence_view view = {0};
    struct plan_review review = {0};
    struct headcount hc;
    struct participation part;
    bool counted = false;
    struct strbuf out = STRBUF_INIT, why = STRBUF_INIT;
    int64_t threshold = 0;
    int rc = cli_check_format(c, formats);
    if (rc)
        return rc;
    if (c->fail_under && (rc = score_option(c, "--fail-under", c->fail_under, &threshold)) != 0)
        return rc;
    if (c->date && !date_valid(c->date))
        return cli_date_error(c);
    struct score_options opts = {.attribute = c->attribute};
    const char *by[ANSWERS_BY_MAX];
    size_t n_by;
    if ((rc = breakdown_options(c, &opts, by, &n_by)) != 0)
        return rc;
    if ((rc = cli_load_rules(c, &r)) != 0)
        return rc;
    cli_assessment_init(c, &a, &r);
    assessment_break_down_by(&a, by, n_by);
    score_init(&s);
    plan_init(&plan);
    accept_init(&accept);
    evidence_init(&evidence);
    headcount_init(&hc);
    participation_init(&part);
    opts.accept = c->accept ? &accept : NULL;
    const struct assessment *read = &a;
    if ((rc = load_plan(c, &r, &plan)) != 0 || (rc = cli_load_accept(c, &r, &accept)) != 0 ||
        (rc = cli_load_evidence(c, &r, opts.min_group, &evidence)) != 0 ||
        (rc = load_headcount(c, &hc, &counted)) != 0 ||
        (rc = cli_load_assessment(c, &a, c->args, c->n_args)) != 0 ||
        (rc = check_fields_given(c, &read, 1)) != 0)
        goto out;
    if (c->date) /* --date: the assessment's date, whatever the respondents' say */
        a.date = c->date;
    score_compute_with(&s, &r, &a, &opts);
    if ((rc = set_participation(c, &s, &hc, counted, &part)) != 0)
        goto out;
    if (c->plan)
        plan_review_assess(&review, &plan, &s);
    if (c->evidence)
        evidence_view_compute(&view, &s, &evidence);
    struct report_ctx ctx = {&s,
                             STAGEGAP_VERSION,
                             cli_want_color(c),
                             cli_terminal_width(c),
                             c->plan ? &review : NULL,
                             c->evidence ? &evidence : NULL,
                             c->evidence ? &view : NULL};
    if ((rc = render_report(c, &ctx, &out)) != 0 || (rc = cli_emit(c, &out, &read, 1)) != 0)
        goto out;
    if (c->fail_under && gate_fails(&s, threshold, &why)) {
        cli_write_stream(c->err, strbuf_str(&why), why.len, "standard error", c->err);
        rc = EXIT_GATE;
    }
out:
    strbuf_release(&why);
    strbuf_release(&out);
    plan_review_release(&review);
    evidence_view_release(&view);
    evidence_release(&evidence);
    score_release(&s);
    participation_release(&part);
    headcount_release(&hc);
    accept_release(&accept);
    plan_release(&plan);
    assessment_release(&a);
    rules_release(&r);
    return rc;
}

/* One assessment read and scored: compare and trend hold several. */
struct scored {
    struct assessment a;
    struct score s;
    struct headcount hc; /* --headcount, one per assessment */
    struct participation part;
};

static void scored_release(struct scored *sc, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        score_release(&sc[i].s);
        participation_release(&sc[i].part);
        headcount_release(&sc[i].hc);
        assessment_release(&sc[i].a);
    }
    free(sc);
}

/* compare and trend --headcount: none, or one per assessment in the order they are given. */
static int check_headcounts_given(struct cli *c)
{
    if (c->n_headcounts == 0 || c->n_headcounts == c->n_args)
        return EXIT_OK;
    struct strbuf what = STRBUF_INIT;
    strbuf_addf(&what,
                "--headcount is given once per assessment, in their order: %zu assessments, "
                "but %zu headcounts; the last is",
                c->n_args, c->n_headcounts);
    int rc = cli_usage_error(c, strbuf_str(&what), c->headcounts[c->n_headcounts - 1]);
    strbuf_release(&what);
    return rc;
}

/* Each assessment's respondents set beside its headcount (participation.h), all or none. */
static int scored_participation(struct cli *c, struct scored *sc, size_t n)
{
    if (c->n_headcounts == 0)
        return EXIT_OK;
    int rc = cli_check_stdin_once(c);
    if (rc)
        return rc;
    struct diags d;
    diags_init(&d);
    for (size_t i = 0; i < n; i++)
        if (headcount_load_file(&sc[i].hc, c->headcounts[i], &d) == 0 &&
            participation_compute(&sc[i].part, &sc[i].s, &sc[i].hc, &d) == 0)
            sc[i].s.participation = &sc[i].part;
    rc = cli_print_problems(c, &d);
    diags_release(&d);
    return rc;
}

/* The scored assessments sent out through emit: --output must not replace one of them. */
static int emit_scored(struct cli *c, const struct strbuf *out, const struct scored *sc, size_t n)
{
    const struct assessment **read = xcalloc(n, sizeof(*read));
    for (size_t i = 0; i < n; i++)
        read[i] = &sc[i].a;
    int rc = cli_emit(c, out, read, n);
    free(read);
    return rc;
}

/* Warnings, such as compare_warn's, on standard error; they change no exit status. */
static void print_warnings(struct cli *c, struct diags *d)
{
    if (d->n)
        cli_print_diags(c, d);
}

/*
 * Reads and scores each path as one assessment, all or nothing; their breakdowns
 * pool the same groups (score_align_breakdowns), and what they share must not single
 * anyone out (overlap.h): ov says what.
 */
static int load_scored(struct cli *c, const struct rules *r, const struct accept *accept,
                       struct scored **out, struct overlap *ov)
{
    struct score_options opts = {.attribute = false, .accept = accept};
    const char *by[ANSWERS_BY_MAX];
    size_t n_by;
    int rc = breakdown_options(c, &opts, by, &n_by);
    if (rc)
        return rc;
    struct scored *sc = xcalloc(c->n_args, sizeof(*sc));
    struct diags d;
    diags_init(&d);
    for (size_t i = 0; i < c->n_args; i++) {
        cli_assessment_init(c, &sc[i].a, r);
        assessment_break_down_by(&sc[i].a, by, n_by);
        sc[i].a.keep_respondents = true;
        sc[i].a.jobs = cli_jobs(c);
        score_init(&sc[i].s);
        if (strcmp(c->args[i], "-") == 0) {
            diags_release(&d);
            scored_release(sc, i + 1);
            return cli_usage_error(c, "each assessment must be a file or directory, not", "-");
        }
        if (assessment_add_path(&sc[i].a, c->args[i], false, &d) == 0)
            score_compute_with(&sc[i].s, r, &sc[i].a, &opts);
    }
    rc = cli_print_problems(c, &d);
    diags_release(&d);
    const struct assessment **read = xcalloc(c->n_args, sizeof(*read));
    struct score **scores = xcalloc(c->n_args, sizeof(*scores));
    for (size_t i = 0; i < c->n_args; i++) {
        read[i] = &sc[i].a;
        scores[i] = &sc[i].s;
    }
    if (rc == 0 && (rc = check_fields_given(c, read, c->n_args)) == 0) {
        score_align_breakdowns(scores, c->n_args);
        diags_init(&d);
        if (overlap_check(ov, scores, (const char *const *)c->args, c->n_args, &d) != 0)
            rc = cli_print_problems(c, &d);
        diags_release(&d);
    }
    free(read);
    free(scores);
    if (rc) {
        scored_release(sc, c->n_args);
        return rc;
    }
    *out = sc;
    return EXIT_OK;
}

/*
 * Refuses assessments whose files name different models unless --allow-model-change;
 * with it, fills mc with what differs and sets *has. EXIT_INVALID when refused.
 */
static int check_model_change(struct cli *c, const struct rules *r, const struct scored *sc,
                              struct model_change *mc, bool *has)
{
    const struct assessment **read = xcalloc(c->n_args, sizeof(*read));
    for (size_t i = 0; i < c->n_args; i++)
        read[i] = &sc[i].a;
    struct diags d;
    diags_init(&d);
    int rc = model_change_check(read, c->n_args, c->allow_model_change, has, &d);
    if (rc == 0 && *has)
        model_change_compute(mc, r, read, c->n_args);
    else
        memset(mc, 0, sizeof(*mc));
    if (rc)
        rc = cli_print_problems(c, &d);
    diags_release(&d);
    free(read);
    return rc;
}

/* compare and trend --evidence: the evidence file, its small-group check under --min-group. */
static int load_compare_evidence(struct cli *c, const struct rules *r, struct evidence *e)
{
    if (!c->evidence)
        return EXIT_OK;
    struct score_options o = {.attribute = false};
    const char *by[ANSWERS_BY_MAX];
    size_t n_by;
    int rc = breakdown_options(c, &o, by, &n_by);
    return rc ? rc : cli_load_evidence(c, r, o.min_group, e);
}

int cmd_compare(struct cli *c)
{
    static const char *const formats[] = {"text", "markdown", "json", "csv", "html", NULL};
    struct rules r;
    struct scored *sc = NULL;
    struct compare cmp;
    struct plan plan;
    struct accept accept;
    struct evidence evidence;
    struct plan_compare_review review = {0};
    struct model_change mc;
    struct overlap ov;
    bool changed = false;
    struct diags d;
    struct strbuf out = STRBUF_INIT, why = STRBUF_INIT;
    int64_t tolerance = 0;
    int rc = cli_check_format(c, formats);
    if (rc || (c->tolerance && (rc = score_option(c, "--tolerance", c->tolerance, &tolerance))) ||
        (rc = cli_load_rules(c, &r)) != 0)
        return rc;
    plan_init(&plan);
    accept_init(&accept);
    evidence_init(&evidence);
    if ((rc = check_headcounts_given(c)) == 0 && (rc = load_plan(c, &r, &plan)) == 0 &&
        (rc = cli_load_accept(c, &r, &accept)) == 0 &&
        (rc = load_compare_evidence(c, &r, &evidence)) == 0 &&
        (rc = load_scored(c, &r, c->accept ? &accept : NULL, &sc, &ov)) == 0 &&
        ((rc = scored_participation(c, sc, c->n_args)) != 0 ||
         (rc = check_model_change(c, &r, sc, &mc, &changed)) != 0))
        scored_release(sc, c->n_args);
    else if (rc == 0) {
        compare_compute(&cmp, &sc[0].s, &sc[1].s);
        compare_apply_tolerance(&cmp, tolerance);
        cmp.model_change = changed ? &mc : NULL;
        cmp.shares_respondents = ov.shares;
        cmp.evidence = c->evidence ? &evidence : NULL;
        if (c->plan) {
            plan_review_compare(&review, &plan, &cmp);
            cmp.plan = &review;
        }
        diags_init(&d);
        compare_warn(&cmp, &d);
        print_warnings(c, &d);
        diags_release(&d);
        compare_format_find(c->format ? c->format : "text")
            ->render_compare(&cmp, STAGEGAP_VERSION, cli_terminal_width(c), &out);
        rc = emit_scored(c, &out, sc, c->n_args);
        if (rc == 0 && c->fail_on_regression && cmp.regression) {
            regression_line(&cmp, &why);
            cli_write_stream(c->err, strbuf_str(&why), why.len, "standard error", c->err);
            rc = EXIT_GATE;
        }
        plan_compare_review_release(&review);
        compare_release(&cmp);
        model_change_release(&mc);
        scored_release(sc, c->n_args);
    }
    evidence_release(&evidence);
    accept_release(&accept);
    plan_release(&plan);
    strbuf_release(&why);
    strbuf_release(&out);
    rules_release(&r);
    return rc;
}

int cmd_trend(struct cli *c)
{
    static const char *const formats[] = {"text", "markdown", "json", "csv", "html", NULL};
    struct rules r;
    struct scored *sc = NULL;
    struct strbuf out = STRBUF_INIT;
    int rc = cli_check_format(c, formats);
    if (rc || (rc = cli_load_rules(c, &r)) != 0)
        return rc;
    struct evidence evidence;
    struct model_change mc;
    struct overlap ov;
    bool changed = false;
    evidence_init(&evidence);
    if ((rc = check_headcounts_given(c)) == 0 &&
        (rc = load_compare_evidence(c, &r, &evidence)) == 0 &&
        (rc = load_scored(c, &r, NULL, &sc, &ov)) == 0 &&
        ((rc = scored_participation(c, sc, c->n_args)) != 0 ||
         (rc = check_model_change(c, &r, sc, &mc, &changed)) != 0))
        scored_release(sc, c->n_args);
    else if (rc == 0) {
        const struct score **scores = xcalloc(c->n_args, sizeof(*scores));
        for (size_t i = 0; i < c->n_args; i++)
            scores[i] = &sc[i].s;
        struct trend t;
        struct diags d;
        trend_compute(&t, scores, c->n_args);
        t.model_change = changed ? &mc : NULL;
        t.shares_respondents = ov.shares;
        t.evidence = c->evidence ? &evidence : NULL;
        diags_init(&d);
        trend_warn(&t, &d);
        print_warnings(c, &d);
        diags_release(&d);
        compare_format_find(c->format ? c->format : "text")
            ->render_trend(&t, STAGEGAP_VERSION, cli_terminal_width(c), &out);
        rc = emit_scored(c, &out, sc, c->n_args);
        trend_release(&t);
        model_change_release(&mc);
        free(scores);
        scored_release(sc, c->n_args);
    }
    evidence_release(&evidence);
    strbuf_release(&out);
    rules_release(&r);
    return rc;
}

/*
 * share: the pooled assessment as a share file (share_write.h), refused for fewer
 * respondents than the threshold, whose answers it would give away.
 */
int cmd_share(struct cli *c)
{
    struct rules r;
    struct assessment a;
    struct score s;
    struct score_options o = {.attribute = false};
    struct headcount hc;
    struct participation part;
    bool counted = false;
    const char *by[ANSWERS_BY_MAX];
    size_t n_by = 0;
    int rc = breakdown_options(c, &o, by, &n_by);
    if (rc || (rc = cli_load_rules(c, &r)) != 0)
        return rc;
    cli_assessment_init(c, &a, &r);
    score_init(&s);
    headcount_init(&hc);
    participation_init(&part);
    struct strbuf out = STRBUF_INIT;
    if ((rc = load_headcount(c, &hc, &counted)) != 0 ||
        (rc = cli_load_assessment(c, &a, c->args, c->n_args)) != 0)
        goto out;
    score_compute_with(&s, &r, &a, &o);
    if ((rc = set_participation(c, &s, &hc, counted, &part)) != 0)
        goto out;
    if (!share_allowed(&s)) {
        strbuf_addf(&out,
                    "stagegap: share: %zu respondent%s, fewer than the anonymity threshold of "
                    "%zu: a share would give their answers away; share an assessment of %zu or "
                    "more\n",
                    a.respondents, a.respondents == 1 ? "" : "s", s.min_group, s.min_group);
        cli_write_stream(c->err, strbuf_str(&out), out.len, "standard error", c->err);
        rc = EXIT_INVALID;
        goto out;
    }
    share_write(&s, STAGEGAP_VERSION, &out);
    const struct assessment *read[] = {&a};
    rc = cli_emit(c, &out, read, 1);
out:
    strbuf_release(&out);
    score_release(&s);
    participation_release(&part);
    headcount_release(&hc);
    assessment_release(&a);
    rules_release(&r);
    return rc;
}
