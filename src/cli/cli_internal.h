/*
 * cli_internal.h - what the command line's files share: the parsed command line, and
 * the steps every command takes (load, check, print, write). Private to src/cli*.c.
 *
 * cli.c holds the command table, option parsing, help and the shared steps; each
 * cli_*.c file holds a family of commands: cli_report.c the reports (assess, compare,
 * trend), cli_files.c the commands that make or check files (ask, import, init, rules,
 * validate), cli_plan.c the action plan (plan).
 */
#ifndef STAGEGAP_CLI_INTERNAL_H
#define STAGEGAP_CLI_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "answers.h"

struct accept;
struct assessment;
struct diags;
struct rules;
struct strbuf;

/* A number #defined, as a string literal for help text. */
#define STAGEGAP_STR_(x) #x
#define STAGEGAP_STR(x) STAGEGAP_STR_(x)

/* What the command line said, after parsing. */
/* --scale may be given this many times. */
enum { CLI_SCALES_MAX = 256 };
/* --headcount may be given this many times (compare, trend: one per assessment). */
enum { CLI_HEADCOUNTS_MAX = 256 };

struct cli {
    FILE *out, *err;
    const struct command *cmd;
    const char *rules_path, *format, *output, *fail_under, *tolerance;
    const char *csv, *xlsx, *sheet, *delimiter, *map, *organisation, *date; /* import */
    const char *encoding;                                                   /* import */
    const char *scales[CLI_SCALES_MAX];                                     /* import --scale */
    size_t n_scales;
    bool strict, fail_on_regression, attribute, allow_model_change;
    bool evidence_template;         /* init --evidence */
    char today[11];                 /* YYYY-MM-DD: cli_today */
    const char *by[ANSWERS_BY_MAX]; /* --by, in the order given */
    size_t n_by;
    const char *min_group;
    const char *plan;         /* assess and compare --plan */
    const char *accept;       /* assess, compare and plan --accept */
    const char *headcount;    /* assess and share --headcount */
    const char *invited;      /* assess and share --invited, as given */
    const char *top, *update; /* plan */
    const char *self, *as_of; /* benchmark */
    const char *evidence;     /* assess --evidence */
    const char *jobs;         /* --jobs as given */
    unsigned n_jobs;          /* --jobs checked; 0 when not given */
    char **args;
    size_t n_args;
    /* --headcount as given: compare and trend take one per assessment, in their order;
       assess and share one (headcount above) */
    const char *headcounts[CLI_HEADCOUNTS_MAX];
    size_t n_headcounts;
};

/* The commands, one per entry of the table in cli.c. */
int cmd_assess(struct cli *c);
int cmd_compare(struct cli *c);
int cmd_trend(struct cli *c);
int cmd_ask(struct cli *c);
int cmd_import(struct cli *c);
int cmd_init(struct cli *c);
int cmd_rules(struct cli *c);
int cmd_validate(struct cli *c);
int cmd_plan(struct cli *c);
int cmd_share(struct cli *c);
int cmd_benchmark(struct cli *c);

/* ---- output ---- */

/* Writes bytes to a stream and reports a failed write (a full disk, a closed pipe). */
int cli_write_stream(FILE *f, const char *data, size_t len, const char *what, FILE *err);
/* Prints the diagnostics; the exit code they call for. */
int cli_print_diags(struct cli *c, struct diags *d);
/* Prints errors and warnings alike; the exit code the errors call for, or 0. */
int cli_print_problems(struct cli *c, struct diags *d);
/*
 * Sends the finished output to --output (whole or nothing) or standard output; never
 * over one of the inputs, such as a respondent of the n_read assessments read.
 */
int cli_emit(struct cli *c, const struct strbuf *sb, const struct assessment *const *read,
             size_t n_read);
/* "--output FILE is one of the inputs": refused, EXIT_USAGE. */
int cli_refuse_output_over_input(struct cli *c);
/* True when the output goes to standard output: no --output, or --output -. */
bool cli_to_stdout(const struct cli *c);
/* True when standard output is a terminal that may be coloured (and NO_COLOR unset). */
bool cli_want_color(const struct cli *c);
/* Today, YYYY-MM-DD: $STAGEGAP_TODAY when it is a date (tests and reproducible runs),
   else the local date. It only decides the "after today" warning and ask's default. */
void cli_today(char out[11]);
/* assessment_init, with today's date for the "after today" warning. */
void cli_assessment_init(const struct cli *c, struct assessment *a, const struct rules *r);
/* COLUMNS, else the width of the terminal f is (when tty is set), else 80; in 40-200. */
size_t cli_stream_width(FILE *f, bool tty);
/* The width a report on standard output is filled to. */
size_t cli_terminal_width(const struct cli *c);

/* ---- usage errors and shared steps ---- */

/* Prints "stagegap: WHAT 'VALUE'" (VALUE made safe, when given) and the usage line. */
int cli_usage_error(struct cli *c, const char *what, const char *value);
/* --evidence: the evidence file, loaded against r and the threshold (EXIT_OK without). */
struct evidence;
int cli_load_evidence(struct cli *c, const struct rules *r, size_t min_group, struct evidence *e);
/* --date refused: not written YYYY-MM-DD, or no such day. */
int cli_date_error(struct cli *c);
/* --rules, or the built-in model. */
int cli_load_rules(struct cli *c, struct rules *r);
/* A usage error unless --format is absent or one of allowed (NULL-terminated). */
int cli_check_format(struct cli *c, const char *const *allowed);
/* "-" names standard input, which can be read once. */
int cli_check_stdin_once(struct cli *c);
/* The threads to read an assessment's files on: --jobs, else one per CPU online. */
unsigned cli_jobs(const struct cli *c);
/*
 * --accept: the accepted gaps, loaded against r (a file for another model is refused by
 * the loader); nothing to do, and a left empty, without --accept.
 */
int cli_load_accept(struct cli *c, const struct rules *r, struct accept *a);
/* Reads every ANSWERS argument into one assessment; any problem fails the whole run. */
int cli_load_assessment(struct cli *c, struct assessment *a, char **paths, size_t n);

#endif
