/*
 * cli_files.c - the commands that make or check files: ask, import, init, rules and validate.
 */
#include "cli.h"
#include "cli_internal.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "accept.h"
#include "answers.h"
#include "ask.h"
#include "date.h"
#include "diag.h"
#include "fileio.h"
#include "platform.h"
#include "import.h"
#include "import_scale.h"
#include "plan.h"
#include "rules.h"
#include "evidence.h"
#include "headcount.h"
#include "share.h"
#include "suppress.h"
#include "rules_render.h"
#include "schema.h"
#include "score.h"
#include "strbuf.h"
#include "template.h"
#include "text.h"
#include "workq.h"
#include "xalloc.h"

static volatile sig_atomic_t ask_interrupted;

static void on_interrupt(int sig)
{
    (void)sig;
    ask_interrupted = 1;
}

struct ask_target {
    struct cli *cli;
    const char *path;
};

static int ask_save(void *ctx, const struct strbuf *yaml)
{
    struct ask_target *t = ctx;
    struct diags d;
    diags_init(&d);
    int rc = fileio_write_atomic(t->path, strbuf_str(yaml), yaml->len, &d);
    if (rc)
        cli_print_diags(t->cli, &d);
    diags_release(&d);
    return rc;
}

/* Resumes from an existing answers file; 0 when there is none to resume. */
static int ask_resume(struct cli *c, struct ask_session *s, const char *path)
{
    if (!platform_exists(path))
        return 0;
    struct assessment a;
    struct diags d;
    cli_assessment_init(c, &a, s->rules);
    diags_init(&d);
    int rc = assessment_add_path(&a, path, false, &d) == 0 ? EXIT_OK : cli_print_diags(c, &d);
    if (rc == 0)
        ask_resume_from(s, &a);
    /* An assessment keeps a group's value only for a field it is broken down by: one
       more reading per field, so that the file, rewritten, keeps every group it gave. */
    for (size_t k = 0; rc == 0 && k < a.n_fields_given; k++) {
        const char *field = a.fields_given[k];
        struct assessment one;
        if (strcmp(field, ANSWERS_FIELD_ROLE) == 0)
            continue;
        cli_assessment_init(c, &one, s->rules);
        assessment_break_down_by(&one, &field, 1);
        rc = assessment_add_path(&one, path, false, &d) == 0 ? EXIT_OK : cli_print_diags(c, &d);
        if (rc == 0 && one.n_groups && one.groups[0].values[0])
            ask_set_group(s, field, one.groups[0].values[0]);
        assessment_release(&one);
    }
    diags_release(&d);
    assessment_release(&a);
    return rc;
}

int cmd_ask(struct cli *c)
{
    const char *path = c->output ? c->output : "answers.yaml";
    if (!platform_is_terminal(stdin) || !platform_is_terminal(c->out)) {
        fprintf(c->err, "stagegap: 'ask' needs a terminal to ask its questions; to answer "
                        "in a file, run 'stagegap init > answers.yaml' and edit it\n");
        return EXIT_USAGE;
    }
    struct rules r;
    int rc = cli_load_rules(c, &r);
    if (rc)
        return rc;
    struct ask_session s;
    struct ask_target target = {c, path};
    ask_init(&s, &r);
    s.save = ask_save;
    s.save_ctx = &target;
    s.interrupted = &ask_interrupted;
    s.width = cli_stream_width(c->out, true); /* the questions go to the terminal, always */
    platform_interrupt_catch(on_interrupt);
    if ((rc = ask_resume(c, &s, path)) == 0) {
        if (!s.organisation && ask_details(&s, stdin, c->out, c->today) != 0)
            fprintf(c->out, "\nNothing saved.\n");
        else if (ask_run(&s, stdin, c->out) != 0)
            rc = EXIT_IO;
        else
            fprintf(c->out, "Saved to %s. Next: stagegap assess %s\n", path, path);
    }
    platform_interrupt_restore();
    ask_release(&s);
    rules_release(&r);
    return rc;
}

/* --delimiter: ",", ";" or "tab" (or a tab itself); 0 for none given, -1 for another. */
static int parse_delimiter(const char *s)
{
    if (!s)
        return 0;
    if (strcmp(s, ",") == 0 || strcmp(s, ";") == 0 || strcmp(s, "\t") == 0)
        return s[0];
    return strcmp(s, "tab") == 0 ? '\t' : -1;
}

/* The import's options, checked; 0, or a usage error's exit code. */
static int import_options_of(struct cli *c, struct import_options *o)
{
    if (!c->csv == !c->xlsx)
        return cli_usage_error(c,
                               c->csv ? "give --csv FILE or --xlsx FILE, not both"
                                      : "missing --csv FILE or --xlsx FILE",
                               NULL);
    if (!c->output)
        return cli_usage_error(c, "missing --output DIR", NULL);
    if (c->date && !date_valid(c->date))
        return cli_date_error(c);
    int delimiter = parse_delimiter(c->delimiter);
    if (delimiter < 0)
        return cli_usage_error(c, "--delimiter takes ',', ';' or tab, not", c->delimiter);
    if (c->xlsx && c->delimiter)
        return cli_usage_error(c, "--delimiter is for a CSV export; a workbook has cells", NULL);
    if (c->csv && c->sheet)
        return cli_usage_error(c, "--sheet is for a workbook (--xlsx); a CSV export has one table",
                               NULL);
    for (size_t i = 0; i < c->n_scales; i++) {
        char *column;
        long lo, hi;
        if (import_scale_parse(c->scales[i], &column, &lo, &hi) != 0)
            return cli_usage_error(c,
                                   "--scale takes LO..HI or 'COLUMN=LO..HI' (whole numbers, LO "
                                   "below HI, such as 1..11), not",
                                   c->scales[i]);
        free(column);
    }
    if (c->xlsx && c->encoding)
        return cli_usage_error(c, "--encoding is for a CSV export; a workbook is always Unicode",
                               NULL);
    *o = (struct import_options){.csv_path = c->csv ? c->csv : c->xlsx,
                                 .map_path = c->map,
                                 .organisation = c->organisation,
                                 .date = c->date,
                                 .delimiter = (char)delimiter,
                                 .xlsx = c->xlsx != NULL,
                                 .sheet = c->sheet,
                                 .scales = c->scales,
                                 .n_scales = c->n_scales,
                                 .encoding = c->encoding};
    return EXIT_OK;
}

int cmd_import(struct cli *c)
{
    struct import_options o;
    int rc = import_options_of(c, &o);
    if (rc)
        return rc;
    struct rules r;
    if ((rc = cli_load_rules(c, &r)) != 0)
        return rc;
    struct import_result res;
    struct diags d;
    struct strbuf summary = STRBUF_INIT;
    import_result_init(&res);
    diags_init(&d);
    if (import_csv(&r, &o, &res, &d) == 0 && import_write(&res, c->output, &d) == 0) {
        import_summary(&res, o.csv_path, c->output, &summary);
        rc = cli_write_stream(c->out, strbuf_str(&summary), summary.len, "standard output", c->err);
    }
    if (d.n)
        cli_print_diags(c, &d); /* warnings are worth showing on success too */
    if (diags_failed(&d))
        rc = diags_exit_code(&d);
    strbuf_release(&summary);
    diags_release(&d);
    import_result_release(&res);
    rules_release(&r);
    return rc;
}

int cmd_init(struct cli *c)
{
    struct rules r;
    struct strbuf out = STRBUF_INIT;
    int rc = cli_load_rules(c, &r);
    if (rc)
        return rc;
    if (c->evidence_template)
        template_render_evidence(&r, &out);
    else
        template_render(&r, &out);
    rc = cli_emit(c, &out, NULL, 0);
    strbuf_release(&out);
    rules_release(&r);
    return rc;
}

int cmd_rules(struct cli *c)
{
    static const char *const formats[] = {"text", "markdown", "json", "csv", NULL};
    struct rules r;
    struct strbuf out = STRBUF_INIT;
    int rc = cli_check_format(c, formats);
    if (rc || (rc = cli_load_rules(c, &r)) != 0)
        return rc;
    const char *f = c->format ? c->format : "text";
    if (strcmp(f, "json") == 0)
        rules_render_json(&r, &out);
    else if (strcmp(f, "csv") == 0)
        rules_render_csv(&r, &out);
    else if (strcmp(f, "markdown") == 0)
        rules_render_markdown(&r, &out);
    else
        rules_render_text(&r, &out);
    rc = cli_emit(c, &out, NULL, 0);
    strbuf_release(&out);
    rules_release(&r);
    return rc;
}

static void describe_rules(struct strbuf *sb, const char *name, const struct rules *r)
{
    text_add_safe(sb, name, true);
    strbuf_adds(sb, ": valid rules file '");
    text_add_safe(sb, r->id, true);
    strbuf_adds(sb, "' version ");
    text_add_safe(sb, r->version, true);
    if (r->base) {
        strbuf_adds(sb, ", an overlay of '");
        text_add_safe(sb, r->base->id, true);
        strbuf_adds(sb, "' version ");
        text_add_safe(sb, r->base->version, true);
    }
    strbuf_addf(sb, " (%zu stages, %zu items, %zu questions)\n", r->n_stages, r->n_items,
                rules_answerable(r));
}

static void describe_answers(struct strbuf *sb, const char *name, const struct assessment *a)
{
    const struct rules *r = a->rules;
    size_t answered = 0, answerable = rules_answerable(r);
    for (size_t i = 0; i < r->n_items; i++)
        answered += item_tally_state(&a->items[i]) == ANSWER_SCORE ||
                    item_tally_state(&a->items[i]) == ANSWER_NA;
    text_add_safe(sb, name, true);
    strbuf_adds(sb, ": valid answers for ");
    text_add_quoted(sb, a->organisation, 80);
    strbuf_addf(sb, " (%s), ", a->date);
    if (a->respondents > 1)
        strbuf_addf(sb, "%zu respondents, ", a->respondents);
    strbuf_addf(sb, "%zu of %zu questions answered%s\n", answered, answerable,
                a->respondents > 1 ? " by someone" : "");
}

static void describe_plan(struct strbuf *sb, const char *name, const struct plan *p)
{
    size_t open = 0, done = 0;
    for (size_t k = 0; k < p->n_actions; k++) {
        open += plan_action_open(&p->actions[k]);
        done += p->actions[k].status == PLAN_DONE;
    }
    text_add_safe(sb, name, true);
    strbuf_adds(sb, ": valid plan");
    if (p->organisation) {
        strbuf_adds(sb, " for ");
        text_add_quoted(sb, p->organisation, 80);
    }
    strbuf_addf(sb, " (made from the assessment of %s), %zu action%s: %zu open, %zu done\n",
                p->assessed, p->n_actions, p->n_actions == 1 ? "" : "s", open, done);
}

/* "FILE: valid accepted gaps for 'ORG', N accepted, the first to expire on DATE". */
static void describe_share(struct strbuf *sb, const char *name, const struct rules *r,
                           const struct share *s)
{
    size_t means = 0;
    for (size_t i = 0; i < r->n_items; i++)
        means += s->has_mean[i];
    text_add_safe(sb, name, true);
    strbuf_adds(sb, ": valid share of ");
    text_add_quoted(sb, s->organisation, 80);
    strbuf_addf(sb, " (%s), %zu respondents, %zu item means from %zu or more answers\n", s->date,
                s->respondents, means, s->min_group);
}

/* "FILE: valid evidence for 'ORG', N indicators bearing on M items, V dated values from
   FIRST to LAST; K with no values yet". */
static void describe_evidence(struct strbuf *sb, const char *name, const struct evidence *e)
{
    size_t values = 0, items = 0, empty = 0;
    const char *first = NULL, *last = NULL;
    for (size_t k = 0; k < e->n_indicators; k++) {
        const struct evidence_indicator *ind = &e->indicators[k];
        values += ind->n_values;
        items += ind->n_items;
        if (ind->n_values == 0) {
            empty++;
            continue;
        }
        const char *a = ind->values[0].date, *z = ind->values[ind->n_values - 1].date;
        first = !first || strcmp(a, first) < 0 ? a : first;
        last = !last || strcmp(z, last) > 0 ? z : last;
    }
    text_add_safe(sb, name, true);
    strbuf_adds(sb, ": valid evidence");
    if (e->organisation) {
        strbuf_adds(sb, " for ");
        text_add_quoted(sb, e->organisation, 80);
    }
    strbuf_addf(sb, ", %zu indicator%s bearing on %zu item%s (counted once per indicator), ",
                e->n_indicators, e->n_indicators == 1 ? "" : "s", items, items == 1 ? "" : "s");
    if (values)
        strbuf_addf(sb, "%zu dated value%s from %s to %s", values, values == 1 ? "" : "s", first,
                    last);
    else
        strbuf_adds(sb, "no dated values yet");
    if (empty && values)
        strbuf_addf(sb, "; %zu with no values yet", empty);
    strbuf_addc(sb, '\n');
}

static void describe_headcount(struct strbuf *sb, const char *name, const struct headcount *h)
{
    size_t fields = 0;
    for (size_t k = 0; k < h->n_groups; k++)
        fields += k == 0 || strcmp(h->groups[k].field, h->groups[k - 1].field) != 0;
    text_add_safe(sb, name, true);
    strbuf_adds(sb, ": valid headcount");
    if (h->organisation) {
        strbuf_adds(sb, " of ");
        text_add_quoted(sb, h->organisation, 80);
    }
    strbuf_addf(sb, ", %zu invited, %zu group%s of %zu field%s\n", h->invited, h->n_groups,
                h->n_groups == 1 ? "" : "s", fields, fields == 1 ? "" : "s");
}

static void describe_accept(struct strbuf *sb, const char *name, const struct accept *a)
{
    const char *first = NULL;
    for (size_t k = 0; k < a->n_entries; k++)
        if (!first || strcmp(a->entries[k].expires, first) < 0)
            first = a->entries[k].expires;
    text_add_safe(sb, name, true);
    strbuf_adds(sb, ": valid accepted gaps");
    if (a->organisation) {
        strbuf_adds(sb, " for ");
        text_add_quoted(sb, a->organisation, 80);
    }
    strbuf_addf(sb, ", %zu accepted", a->n_entries);
    if (first)
        strbuf_addf(sb, ", the first to expire on %s", first);
    strbuf_addc(sb, '\n');
}

static bool is_directory(const char *path)
{
    struct platform_file_info st;
    return strcmp(path, "-") != 0 && platform_path_info(path, &st) == 0 && st.directory;
}

/* A directory is validated as one assessment: its files must agree with each other. */
static int validate_dir(struct cli *c, const struct rules *r, const char *path,
                        struct strbuf *report, struct diags *d)
{
    struct assessment a;
    cli_assessment_init(c, &a, r);
    a.warn_placeholders = true;
    a.jobs = cli_jobs(c);
    int rc = assessment_add_path(&a, path, c->strict, d);
    if (rc == 0)
        describe_answers(report, path, &a);
    assessment_release(&a);
    return rc;
}

/* An answers file checked alone: touches nothing but its arguments, so may run on any
   thread. */
static int validate_answers_buffer(const struct rules *r, bool strict, const char *today,
                                   const char *path, const char *buf, size_t len,
                                   struct strbuf *report, struct diags *d)
{
    struct assessment a;
    assessment_init(&a, r);
    a.warn_placeholders = true;
    a.today = today;
    int rc = assessment_add_buffer(&a, path, buf, len, strict, d);
    if (rc == 0)
        describe_answers(report, path, &a);
    assessment_release(&a);
    return rc;
}

/* What a file read for validate is, by its 'format' key: answers unless it says otherwise. */
enum file_kind {
    FILE_ANSWERS,
    FILE_RULES,
    FILE_PLAN,
    FILE_ACCEPT,
    FILE_IMPORT_MAP,
    FILE_SHARE,
    FILE_EVIDENCE,
    FILE_HEADCOUNT
};

static enum file_kind kind_of_buffer(const char *buf, size_t len)
{
    char *format = yaml_format_of(buf, len);
    enum file_kind kind = !format                                  ? FILE_ANSWERS
                          : strcmp(format, RULES_FORMAT) == 0      ? FILE_RULES
                          : strcmp(format, PLAN_FORMAT) == 0       ? FILE_PLAN
                          : strcmp(format, ACCEPT_FORMAT) == 0     ? FILE_ACCEPT
                          : strcmp(format, IMPORT_MAP_FORMAT) == 0 ? FILE_IMPORT_MAP
                          : strcmp(format, SHARE_FORMAT) == 0      ? FILE_SHARE
                          : strcmp(format, EVIDENCE_FORMAT) == 0   ? FILE_EVIDENCE
                          : strcmp(format, HEADCOUNT_FORMAT) == 0  ? FILE_HEADCOUNT
                                                                   : FILE_ANSWERS;
    free(format);
    return kind;
}

/* A file read, checked as its kind says: rules, a plan, accepted gaps, or answers. */
static int validate_buffer(const struct cli *c, const struct rules *r, const char *path,
                           const char *buf, size_t len, enum file_kind kind, struct strbuf *report,
                           struct diags *d)
{
    int rc;
    if (kind == FILE_RULES) {
        struct rules other;
        if ((rc = rules_load_buffer(&other, path, buf, len, d)) == 0)
            describe_rules(report, path, &other);
        rules_release(&other);
    } else if (kind == FILE_PLAN) {
        struct plan p;
        if ((rc = plan_load_buffer(&p, r, path, buf, len, d)) == 0)
            describe_plan(report, path, &p);
        plan_release(&p);
    } else if (kind == FILE_IMPORT_MAP) {
        /* A map matches an export's columns: only import, with the export, can check it. */
        text_add_safe(report, path, true);
        strbuf_addf(report,
                    ": an import map (%s); validate does not check a map on its own: "
                    "'stagegap import --csv EXPORT --map ",
                    IMPORT_MAP_FORMAT);
        text_add_safe(report, path, true);
        strbuf_adds(report, " --output DIR' checks it against the export's columns\n");
        rc = 0;
    } else if (kind == FILE_SHARE) {
        struct share s;
        if ((rc = share_load_buffer(&s, r, path, buf, len, d)) == 0)
            describe_share(report, path, r, &s);
        share_release(&s);
    } else if (kind == FILE_EVIDENCE) {
        struct evidence e;
        if ((rc = evidence_load_buffer(&e, r, SUPPRESS_MIN_GROUP_DEFAULT, path, buf, len, d)) == 0)
            describe_evidence(report, path, &e);
        evidence_release(&e);
    } else if (kind == FILE_HEADCOUNT) {
        struct headcount h;
        if ((rc = headcount_load_buffer(&h, path, buf, len, d)) == 0)
            describe_headcount(report, path, &h);
        headcount_release(&h);
    } else if (kind == FILE_ACCEPT) {
        struct accept a;
        if ((rc = accept_load_buffer(&a, r, path, buf, len, d)) == 0)
            describe_accept(report, path, &a);
        accept_release(&a);
    } else {
        rc = validate_answers_buffer(r, c->strict, c->today, path, buf, len, report, d);
    }
    return rc;
}

static int validate_one(struct cli *c, const struct rules *r, const char *path,
                        struct strbuf *report, struct diags *d)
{
    char *buf;
    size_t len;
    if (is_directory(path))
        return validate_dir(c, r, path, report, d);
    if (fileio_read(path, RULES_FILE_MAX, &buf, &len, d) != 0)
        return -1;
    int rc = validate_buffer(c, r, path, buf, len, kind_of_buffer(buf, len), report, d);
    free(buf);
    return rc;
}

/*
 * One FILE of validate --jobs, read on a thread: an answers file is checked there, into
 * a report line and diagnostics of its own; a directory, a rules file or a plan (whose
 * loaders are not for threads) waits for the caller's thread. All are finished in the
 * order given, so the output is the same as one by one.
 */
struct validate_job {
    const char *path;
    bool directory;
    char *later_buf; /* a rules file or plan read, to check in order */
    size_t later_len;
    enum file_kind later_kind;
    struct strbuf report;
    struct diags d;
};

struct validate_ctx {
    const struct rules *rules;
    bool strict;
    const char *today;
};

static void validate_job_run(void *job, void *ctx)
{
    struct validate_job *v = job;
    const struct validate_ctx *vc = ctx;
    char *buf;
    size_t len;
    if ((v->directory = is_directory(v->path)) ||
        fileio_read(v->path, RULES_FILE_MAX, &buf, &len, &v->d) != 0)
        return;
    enum file_kind kind = kind_of_buffer(buf, len);
    if (kind != FILE_ANSWERS) {
        v->later_buf = buf;
        v->later_len = len;
        v->later_kind = kind;
        return;
    }
    validate_answers_buffer(vc->rules, vc->strict, vc->today, v->path, buf, len, &v->report, &v->d);
    free(buf);
}

static void validate_job_finish(struct cli *c, const struct rules *r, struct validate_job *v,
                                struct strbuf *report, struct diags *d)
{
    diags_append(d, &v->d);
    if (v->directory)
        validate_dir(c, r, v->path, report, d);
    else if (v->later_buf)
        validate_buffer(c, r, v->path, v->later_buf, v->later_len, v->later_kind, report, d);
    strbuf_add(report, strbuf_str(&v->report), v->report.len);
    strbuf_release(&v->report);
    diags_release(&v->d);
    free(v->later_buf);
    free(v);
}

static void validate_in_parallel(struct cli *c, const struct rules *r, unsigned jobs,
                                 struct strbuf *report, struct diags *d)
{
    struct validate_ctx vc = {r, c->strict, c->today};
    size_t window = 4 * (size_t)jobs;
    struct workq *q = workq_new(jobs, window, validate_job_run, &vc);
    struct validate_job *v;
    for (size_t i = 0; i < c->n_args; i++) {
        if (workq_pending(q) == window)
            validate_job_finish(c, r, workq_take(q), report, d);
        v = xcalloc(1, sizeof(*v));
        v->path = c->args[i];
        diags_init(&v->d);
        workq_submit(q, v);
    }
    while ((v = workq_take(q)) != NULL)
        validate_job_finish(c, r, v, report, d);
    workq_free(q);
}

int cmd_validate(struct cli *c)
{
    struct rules r;
    struct diags d;
    struct strbuf report = STRBUF_INIT;
    int rc = cli_check_stdin_once(c);
    if (rc || (rc = cli_load_rules(c, &r)) != 0)
        return rc;
    diags_init(&d);
    if (c->n_args == 0)
        describe_rules(&report, r.file, &r);
    unsigned jobs = c->n_args > 1 ? cli_jobs(c) : 1;
    if (jobs > 1)
        validate_in_parallel(c, &r, jobs, &report, &d);
    for (size_t i = 0; jobs == 1 && i < c->n_args; i++)
        validate_one(c, &r, c->args[i], &report, &d);
    rc = cli_write_stream(c->out, strbuf_str(&report), report.len, "standard output", c->err);
    if (d.n) {
        int failed = cli_print_diags(c, &d); /* warnings are worth showing on success too */
        if (diags_failed(&d))
            rc = failed;
    }
    diags_release(&d);
    strbuf_release(&report);
    rules_release(&r);
    return rc;
}
