#include "cli.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "answers.h"
#include "ask.h"
#include "compare.h"
#include "diag.h"
#include "fileio.h"
#include "import.h"
#include "report.h"
#include "rules.h"
#include "rules_render.h"
#include "schema.h"
#include "score.h"
#include "strbuf.h"
#include "suppress.h"
#include "template.h"
#include "text.h"
#include "version.h"
#include "workq.h"
#include "xalloc.h"

enum { ARGS_MAX = 100000 };
/* The most threads --jobs takes (docs/limits.md): far more than a machine's cores. */
#define JOBS_MAX 256

/* A number #defined, as a string literal for help text. */
#define STAGEGAP_STR_(x) #x
#define STAGEGAP_STR(x) STAGEGAP_STR_(x)

/* What the command line said, after parsing. */
struct cli {
    FILE *out, *err;
    const struct command *cmd;
    const char *rules_path, *format, *output, *fail_under;
    const char *csv, *xlsx, *sheet, *delimiter, *map, *organisation, *date; /* import */
    bool strict, fail_on_regression, attribute;
    const char *by[ANSWERS_BY_MAX]; /* --by, in the order given */
    size_t n_by;
    const char *min_group;
    const char *jobs; /* --jobs as given */
    unsigned n_jobs;  /* --jobs checked; 0 when not given */
    char **args;
    size_t n_args;
};

struct command {
    const char *name;
    int (*run)(struct cli *c);
    const char *usage;
    const char *summary;
    const char *help;
    const char *const *options; /* long options it accepts, without "--" */
    size_t min_args, max_args;
};

static int cmd_assess(struct cli *c);
static int cmd_init(struct cli *c);
static int cmd_validate(struct cli *c);
static int cmd_rules(struct cli *c);
static int cmd_help(struct cli *c);
static int cmd_compare(struct cli *c);
static int cmd_trend(struct cli *c);
static int cmd_ask(struct cli *c);
static int cmd_import(struct cli *c);

static const char *const assess_options[] = {
    "rules", "format", "output", "fail-under", "attribute", "by", "min-group", "jobs", NULL};
static const char *const init_options[] = {"rules", "output", NULL};
static const char *const validate_options[] = {"rules", "strict", "jobs", NULL};
static const char *const rules_options[] = {"rules", "format", NULL};
static const char *const compare_options[] = {"rules", "format",    "output", "fail-on-regression",
                                              "by",    "min-group", "jobs",   NULL};
static const char *const trend_options[] = {"rules",     "format", "output", "by",
                                            "min-group", "jobs",   NULL};
static const char *const ask_options[] = {"rules", "output", NULL};
static const char *const import_options[] = {"csv", "xlsx",         "sheet", "delimiter", "output",
                                             "map", "organisation", "date",  "rules",     NULL};
static const char *const no_options[] = {NULL};

static const struct command commands[] = {
    {"assess", cmd_assess,
     "stagegap assess [--rules FILE] [--format FMT] [--output FILE] [--fail-under SCORE] "
     "[--by FIELD]... [--min-group K] [--attribute] [--jobs N] ANSWERS...",
     "score an organisation's answers and print the stage-by-stage gap report",
     "ANSWERS are the respondents of one assessment: answers files, directories (every\n"
     "*.yaml and *.yml inside, in name order), or - for standard input. Each respondent\n"
     "counts once: a file read twice is refused.\n"
     "\n"
     "  --rules FILE       score against this rules file (default: the built-in\n"
     "                     Signs of Safety model)\n"
     "  --format FMT       text (default), markdown, json, csv or html\n"
     "  --jobs N           read the files on N threads (1-" STAGEGAP_STR(
         JOBS_MAX) "; default: one per CPU);\n"
                   "                     the report is the same for every N\n"
                   "  --output FILE      write the report to FILE, whole or not at all; never "
                   "over\n"
                   "                     an input\n"
                   "  --fail-under SCORE exit 1 when the focus stage scores under SCORE (0-100), "
                   "or\n"
                   "                     has too few answers to score, and say so on standard\n"
                   "                     error; nothing to focus on passes\n"
                   "  --by FIELD         break the scores down by role (the default, when\n"
                   "                     respondents give roles) or a field of their groups, like\n"
                   "                     team; twice for a two-way view; --by none for no "
                   "breakdown\n"
                   "  --min-group K      the anonymity threshold (default " STAGEGAP_STR(SUPPRESS_MIN_GROUP_DEFAULT) ", at least " STAGEGAP_STR(
                       SUPPRESS_MIN_GROUP_FLOOR) "): a "
                                                 "group "
                                                 "of\n"
                                                 "        "
                                                 "        "
                                                 "     "
                                                 "fewer "
                                                 "responde"
                                                 "nts is "
                                                 "never "
                                                 "shown "
                                                 "apart, "
                                                 "nor can "
                                                 "it be\n"
                                                 "        "
                                                 "        "
                                                 "     "
                                                 "worked "
                                                 "out "
                                                 "from "
                                                 "the "
                                                 "rest; a "
                                                 "note "
                                                 "names "
                                                 "its "
                                                 "role "
                                                 "only "
                                                 "when\n"
                                                 "        "
                                                 "        "
                                                 "     "
                                                 "that "
                                                 "role is "
                                                 "shown "
                                                 "apart\n"
                                                 "  "
                                                 "--"
                                                 "attribut"
                                                 "e       "
                                                 " show "
                                                 "who "
                                                 "wrote "
                                                 "each "
                                                 "note "
                                                 "(respond"
                                                 "ent id "
                                                 "and "
                                                 "role), "
                                                 "and "
                                                 "say\n"
                                                 "        "
                                                 "        "
                                                 "     so "
                                                 "in the "
                                                 "report; "
                                                 "without "
                                                 "it a "
                                                 "report "
                                                 "of more "
                                                 "than "
                                                 "one\n"
                                                 "        "
                                                 "        "
                                                 "     "
                                                 "responde"
                                                 "nt "
                                                 "shows "
                                                 "no "
                                                 "responde"
                                                 "nt id "
                                                 "anywhere"
                                                 "\n"
                                                 "\n"
                                                 "Privacy:"
                                                 " docs/"
                                                 "privacy."
                                                 "md says "
                                                 "what is "
                                                 "pooled, "
                                                 "and "
                                                 "what no "
                                                 "threshol"
                                                 "d can "
                                                 "protect."
                                                 "\n",
     assess_options, 1, ARGS_MAX},
    {"init", cmd_init, "stagegap init [--rules FILE] [--output FILE]",
     "write an answers template with every question of the model",
     "Every question comes with both ends of its scale in comments, grouped by stage,\n"
     "and every answer set to unknown. Fill it in and run 'stagegap assess FILE'.\n"
     "\n"
     "  --rules FILE       the model to write questions for (default: built-in)\n"
     "  --output FILE      write the template to FILE instead of standard output\n",
     init_options, 0, 0},
    {"validate", cmd_validate, "stagegap validate [--rules FILE] [--strict] [--jobs N] [FILE...]",
     "check rules and answers files and report every problem",
     "Each FILE may be a rules file or an answers file: its 'format' key tells which.\n"
     "With no FILE, checks the rules (--rules FILE, or the built-in model).\n"
     "\n"
     "  --rules FILE       check answers against this rules file (default: built-in)\n"
     "  --strict           answers files must answer every question (no unknown)\n"
     "  --jobs N           read the files on N threads (1-" STAGEGAP_STR(
         JOBS_MAX) "; default: one per CPU);\n"
                   "                     the output is the same for every N\n",
     validate_options, 0, ARGS_MAX},
    {"rules", cmd_rules, "stagegap rules [--rules FILE] [--format FMT]",
     "show the model: stages, items, questions, weights and links",
     "  --rules FILE       show this rules file (default: the built-in model)\n"
     "  --format FMT       text (default): an outline; markdown: a page a board can\n"
     "                     read; json: the model as data (stagegap-model/1); csv: one\n"
     "                     question a row (id, stage, category, question, both ends of\n"
     "                     the scale) for building a survey form\n",
     rules_options, 0, 0},
    {"compare", cmd_compare,
     "stagegap compare [--rules FILE] [--format FMT] [--output FILE] [--fail-on-regression] "
     "[--by FIELD]... [--min-group K] [--jobs N] BEFORE AFTER",
     "compare two assessments: stage scores, gaps opened and closed, the focus",
     "BEFORE and AFTER are each one assessment: an answers file or a directory of them,\n"
     "scored with the same rules. Each answer that moved is called better or worse (a\n"
     "barrier answered higher is worse). A BEFORE dated after AFTER, or organisations\n"
     "named differently, get a warning on standard error.\n"
     "\n"
     "  --rules FILE          the rules both were answered against (default: built-in)\n"
     "  --format FMT          text (default), markdown, json, csv or html\n"
     "  --output FILE         write the comparison to FILE, whole or not at all\n"
     "  --jobs N              read the files on N threads (1-" STAGEGAP_STR(
         JOBS_MAX) "; default: one per\n"
                   "                        CPU); the comparison is the same for every N\n"
                   "  --fail-on-regression  exit 1 when any stage's score, shown to one decimal,\n"
                   "                        fell, and name it on standard error\n"
                   "  --by FIELD            each group's stage scores before and after (as "
                   "assess);\n"
                   "                        a group is shown apart only when it clears the\n"
                   "                        threshold both times\n"
                   "  --min-group K         the anonymity threshold (default " STAGEGAP_STR(
                       SUPPRESS_MIN_GROUP_DEFAULT) ", at least " STAGEGAP_STR(SUPPRESS_MIN_GROUP_FLOOR) ")\n",
     compare_options, 2, 2},
    {"trend", cmd_trend,
     "stagegap trend [--rules FILE] [--format FMT] [--output FILE] [--by FIELD]... "
     "[--min-group K] [--jobs N] ASSESSMENT...",
     "show each stage's score over time",
     "Each ASSESSMENT is an answers file or a directory of them. They are put in order\n"
     "of their date, not of the arguments. An organisation named differently from the\n"
     "one before it, or two of one organisation on one day, get a warning.\n"
     "\n"
     "  --rules FILE       the rules all were answered against (default: built-in)\n"
     "  --format FMT       text (default, with a sparkline per stage), markdown, json,\n"
     "                     csv (long form: one row per assessment and stage) or html\n"
     "  --output FILE      write the trend to FILE, whole or not at all\n"
     "  --jobs N           read the files on N threads (1-" STAGEGAP_STR(
         JOBS_MAX) "; default: one per CPU);\n"
                   "                     the trend is the same for every N\n"
                   "  --by FIELD         each group's stage scores over time (as assess); a group\n"
                   "                     is shown apart only when it clears the threshold every "
                   "time\n"
                   "  --min-group K      the anonymity threshold (default " STAGEGAP_STR(
                       SUPPRESS_MIN_GROUP_DEFAULT) ", at least " STAGEGAP_STR(SUPPRESS_MIN_GROUP_FLOOR) ")\n",
     trend_options, 1, ARGS_MAX},
    {"ask", cmd_ask, "stagegap ask [--rules FILE] [--output FILE]",
     "answer the questions one at a time on a terminal",
     "Each question shows its stage and level, both ends of its scale, and how far you\n"
     "are. Answer with a number on the scale, n/a or unknown, optionally followed by a\n"
     "note ('7 pilot teams only'); Enter skips, 'back' goes back, 'quit' stops.\n"
     "Every answer is saved at once, whole, so Ctrl-D or Ctrl-C loses nothing. Run it\n"
     "again on the same file to go on from the first unanswered question. 'quit' at\n"
     "the organisation, date, role or team stops without writing a file. Questions are\n"
     "filled to the terminal's width (COLUMNS, when set).\n"
     "Without a terminal, use 'stagegap init' and edit the file instead.\n"
     "\n"
     "  --rules FILE       the model to ask about (default: built-in)\n"
     "  --output FILE      the answers file to write or resume (default: answers.yaml)\n",
     ask_options, 0, 0},
    {"import", cmd_import,
     "stagegap import (--csv FILE | --xlsx FILE) --output DIR [--sheet NAME] "
     "[--delimiter SEP] [--map FILE] [--organisation NAME] [--date DATE] [--rules FILE]",
     "turn a survey tool's export into one answers file per respondent",
     "Reads a Microsoft Forms, Google Forms, Qualtrics or SurveyMonkey export (header\n"
     "rows, one row per respondent, one column per question) and writes\n"
     "DIR/<respondent>.yaml for each row, all or nothing. Columns match items by id, by\n"
     "question text, or through a map file; the forms' own columns (ID, Start time,\n"
     "Completion time, Email, Name, Timestamp) are used or ignored; team, locality and\n"
     "service area columns (or any mapped to group:FIELD) become the respondent's\n"
     "groups. A free-text column near no question (\"Anything else?\") is kept as\n"
     "comments, with a warning. See docs/import.md.\n"
     "\n"
     "  --csv FILE           a CSV export (- for standard input): UTF-8, or Excel's\n"
     "                       Windows-1252 or UTF-16 text, converted with a warning\n"
     "  --xlsx FILE          an Excel workbook (.xlsx), as Microsoft Forms downloads it\n"
     "  --sheet NAME         the workbook's sheet to read (default: the first)\n"
     "  --delimiter SEP      the CSV's separator: ',', ';' or tab (default: found from\n"
     "                       the header row, with a warning when it is not ',')\n"
     "  --output DIR         a new or empty directory for the answers files\n"
     "  --map FILE           a stagegap-import-map/1 file matching columns to items\n"
     "  --organisation NAME  the organisation, when the export has no such column\n"
     "  --date DATE          the date of every response (YYYY-MM-DD); otherwise each\n"
     "                       response's completion time or timestamp\n"
     "  --rules FILE         the model the survey asked about (default: built-in)\n",
     import_options, 0, 0},
    {"help", cmd_help, "stagegap help [COMMAND]", "show help for stagegap or one command", "",
     no_options, 0, 1},
};

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

/* ---- output ---- */

/* Writes bytes to a stream and reports a failed write (a full disk, a closed pipe). */
static int write_stream(FILE *f, const char *data, size_t len, const char *what, FILE *err)
{
    if ((len && fwrite(data, 1, len, f) != len) || fflush(f) != 0 || ferror(f)) {
        fprintf(err, "stagegap: error: cannot write to %s: %s\n", what, strerror(errno));
        return EXIT_IO;
    }
    return EXIT_OK;
}

static int print_diags(struct cli *c, struct diags *d)
{
    struct strbuf sb = STRBUF_INIT;
    diags_render(d, &sb);
    write_stream(c->err, sb.buf ? sb.buf : "", sb.len, "standard error", c->err);
    strbuf_release(&sb);
    return diags_exit_code(d);
}

/* Prints errors and warnings alike; the exit code the errors call for, or 0. */
static int print_problems(struct cli *c, struct diags *d)
{
    if (!d->n)
        return EXIT_OK;
    int code = print_diags(c, d);
    return diags_failed(d) ? code : EXIT_OK;
}

/* True when path is the rules, an argument, or a respondent of what was read. */
static bool is_input(const struct cli *c, const char *path, const struct assessment *const *read,
                     size_t n_read)
{
    if (c->rules_path && fileio_same_file(c->rules_path, path))
        return true;
    for (size_t i = 0; i < c->n_args; i++)
        if (fileio_same_file(c->args[i], path))
            return true;
    for (size_t i = 0; i < n_read; i++)
        if (assessment_has_read(read[i], path))
            return true;
    return false;
}

/*
 * Sends the finished output to --output (whole or nothing) or standard output; never
 * over one of the inputs, such as a respondent of the n_read assessments read.
 */
static int emit(struct cli *c, const struct strbuf *sb, const struct assessment *const *read,
                size_t n_read)
{
    if (!c->output)
        return write_stream(c->out, strbuf_str(sb), sb->len, "standard output", c->err);
    if (is_input(c, c->output, read, n_read)) {
        struct strbuf msg = STRBUF_INIT;
        text_add_quoted(&msg, c->output, 200);
        fprintf(c->err,
                "stagegap: error: --output %s is one of the inputs; refusing to "
                "write over it\n",
                strbuf_str(&msg));
        strbuf_release(&msg);
        return EXIT_USAGE;
    }
    struct diags d;
    diags_init(&d);
    int rc = fileio_write_atomic(c->output, strbuf_str(sb), sb->len, &d) == 0 ? EXIT_OK
                                                                              : print_diags(c, &d);
    diags_release(&d);
    return rc;
}

static bool want_color(const struct cli *c)
{
    const char *no_color = getenv("NO_COLOR");
    if (no_color && *no_color)
        return false;
    return !c->output && isatty(fileno(c->out));
}

/* COLUMNS, else the width of the terminal f is (when tty is set), else 80; in 40-200. */
static size_t stream_width(FILE *f, bool tty)
{
    const char *columns = getenv("COLUMNS");
    long w = columns ? strtol(columns, NULL, 10) : 0;
#ifdef TIOCGWINSZ
    struct winsize ws;
    if (w <= 0 && tty && ioctl(fileno(f), TIOCGWINSZ, &ws) == 0)
        w = ws.ws_col;
#else
    (void)f;
    (void)tty;
#endif
    if (w <= 0)
        w = 80;
    return (size_t)(w < 40 ? 40 : w > 200 ? 200 : w);
}

/* The width a report on standard output is filled to. */
static size_t terminal_width(const struct cli *c)
{
    return stream_width(c->out, !c->output);
}

/* ---- usage errors ---- */

/* Prints "stagegap: WHAT 'VALUE'" (VALUE made safe, when given) and the usage line. */
static int usage_error(struct cli *c, const char *what, const char *value)
{
    struct strbuf msg = STRBUF_INIT;
    strbuf_addf(&msg, "stagegap: %s", what);
    if (value) {
        strbuf_addc(&msg, ' ');
        text_add_quoted(&msg, value, 80);
    }
    fprintf(c->err, "%s\nusage: %s\nSee 'stagegap help%s%s'.\n", strbuf_str(&msg),
            c->cmd ? c->cmd->usage : "stagegap COMMAND [OPTIONS] [ARGS]", c->cmd ? " " : "",
            c->cmd ? c->cmd->name : "");
    strbuf_release(&msg);
    return EXIT_USAGE;
}

static bool accepts(const struct command *cmd, const char *name)
{
    for (size_t i = 0; cmd->options[i]; i++)
        if (strcmp(cmd->options[i], name) == 0)
            return true;
    return false;
}

static const char **option_slot(struct cli *c, const char *name)
{
    if (strcmp(name, "rules") == 0)
        return &c->rules_path;
    if (strcmp(name, "format") == 0)
        return &c->format;
    if (strcmp(name, "output") == 0)
        return &c->output;
    if (strcmp(name, "fail-under") == 0)
        return &c->fail_under;
    if (strcmp(name, "csv") == 0)
        return &c->csv;
    if (strcmp(name, "xlsx") == 0)
        return &c->xlsx;
    if (strcmp(name, "sheet") == 0)
        return &c->sheet;
    if (strcmp(name, "delimiter") == 0)
        return &c->delimiter;
    if (strcmp(name, "map") == 0)
        return &c->map;
    if (strcmp(name, "organisation") == 0)
        return &c->organisation;
    if (strcmp(name, "date") == 0)
        return &c->date;
    if (strcmp(name, "min-group") == 0)
        return &c->min_group;
    if (strcmp(name, "jobs") == 0)
        return &c->jobs;
    return NULL;
}

static int unknown_option(struct cli *c, const char *arg)
{
    size_t n = 0;
    while (c->cmd->options[n])
        n++;
    const char *near =
        strncmp(arg, "--", 2) == 0 ? text_did_you_mean(arg + 2, c->cmd->options, n) : NULL;
    if (near)
        fprintf(c->err, "stagegap: did you mean '--%s'?\n", near);
    return usage_error(c, "unknown option", arg);
}

/* Parses one option at argv[*i]; returns 0, or an exit code. */
static int parse_option(struct cli *c, int argc, char **argv, int *i)
{
    const char *arg = argv[*i];
    if (strncmp(arg, "--", 2) != 0)
        return unknown_option(c, arg);
    const char *eq = strchr(arg, '=');
    size_t name_len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
    char *name = xstrndup(arg + 2, name_len);
    int rc = 0;
    if (!accepts(c->cmd, name)) {
        rc = unknown_option(c, arg);
    } else if (strcmp(name, "strict") == 0 || strcmp(name, "fail-on-regression") == 0 ||
               strcmp(name, "attribute") == 0) {
        if (eq)
            rc = usage_error(c, "this option takes no value:", arg);
        else if (name[0] == 's')
            c->strict = true;
        else if (name[0] == 'a')
            c->attribute = true;
        else
            c->fail_on_regression = true;
    } else {
        const char **slot = option_slot(c, name);
        const char *value = eq ? eq + 1 : (*i + 1 < argc ? argv[++*i] : NULL);
        if (!value || (!eq && !*value))
            rc = usage_error(c, "this option needs a value:", arg);
        else if (strcmp(name, "by") == 0 && c->n_by == ANSWERS_BY_MAX)
            rc = usage_error(c,
                             "--by is given more than twice; a view crosses at most two "
                             "fields, not",
                             value);
        else if (strcmp(name, "by") == 0)
            c->by[c->n_by++] = value; /* checked with the other --by */
        else if (*slot)
            rc = usage_error(c, "this option is given twice:", arg);
        else
            *slot = value;
    }
    free(name);
    return rc;
}

/* --jobs N: threads to read respondents' files on, 1 to JOBS_MAX. */
static int parse_jobs(struct cli *c)
{
    char *end;
    errno = 0;
    long n = strtol(c->jobs, &end, 10);
    if (*end || end == c->jobs || errno || n < 1 || n > JOBS_MAX)
        return usage_error(
            c, "--jobs takes a number of threads from 1 to " STAGEGAP_STR(JOBS_MAX) ", not",
            c->jobs);
    c->n_jobs = (unsigned)n;
    return 0;
}

/* The threads to read an assessment's files on: --jobs, else one per CPU online. */
static unsigned jobs_for(const struct cli *c)
{
    unsigned cpus;
    if (c->n_jobs)
        return c->n_jobs;
    cpus = workq_cpus();
    return cpus < JOBS_MAX ? cpus : JOBS_MAX;
}

static int parse_args(struct cli *c, int argc, char **argv)
{
    c->args = xcalloc((size_t)argc + 1, sizeof(*c->args));
    bool options_done = false;
    for (int i = 2; i < argc; i++) {
        const char *arg = argv[i];
        if (!options_done && strcmp(arg, "--") == 0) {
            options_done = true;
        } else if (!options_done && arg[0] == '-' && arg[1] != '\0') {
            int rc = parse_option(c, argc, argv, &i);
            if (rc)
                return rc;
        } else {
            c->args[c->n_args++] = argv[i];
        }
    }
    if (c->jobs && parse_jobs(c) != 0)
        return EXIT_USAGE;
    if (c->n_args < c->cmd->min_args)
        return usage_error(c, "missing argument", NULL);
    if (c->n_args > c->cmd->max_args)
        return usage_error(c, "unexpected argument", c->args[c->cmd->max_args]);
    return 0;
}

/* ---- shared steps ---- */

static int load_rules(struct cli *c, struct rules *r)
{
    struct diags d;
    diags_init(&d);
    int rc = c->rules_path ? rules_load_file(r, c->rules_path, &d) : rules_load_default(r, &d);
    int code = rc == 0 ? EXIT_OK : print_diags(c, &d);
    diags_release(&d);
    return code;
}

static int check_format(struct cli *c, const char *const *allowed)
{
    if (!c->format)
        return 0;
    for (size_t i = 0; allowed[i]; i++)
        if (strcmp(c->format, allowed[i]) == 0)
            return 0;
    return usage_error(c, "unknown format", c->format);
}

/* "-" names standard input, which can be read once. */
static int check_stdin_once(struct cli *c)
{
    size_t uses = 0;
    for (size_t i = 0; i < c->n_args; i++)
        uses += strcmp(c->args[i], "-") == 0;
    return uses > 1 ? usage_error(c, "standard input can be read only once:", "-") : 0;
}

/* Reads every ANSWERS argument into one assessment; any problem fails the whole run. */
static int load_assessment(struct cli *c, struct assessment *a, char **paths, size_t n)
{
    struct diags d;
    int rc = check_stdin_once(c);
    if (rc)
        return rc;
    diags_init(&d);
    a->jobs = jobs_for(c);
    assessment_add_paths(a, (const char *const *)paths, n, false, &d);
    int code = print_problems(c, &d);
    diags_release(&d);
    return code;
}

/* ---- commands ---- */

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
            return usage_error(
                c,
                "--min-group takes a whole number of respondents from " STAGEGAP_STR(
                    SUPPRESS_MIN_GROUP_FLOOR) " to " STAGEGAP_STR(SUPPRESS_MIN_GROUP_MAX) ", not",
                c->min_group);
        if (k < SUPPRESS_MIN_GROUP_FLOOR)
            return usage_error(c,
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
            return usage_error(c,
                               "--by none leaves the breakdown out, so it goes alone; not "
                               "with",
                               c->by[1 - k]);
        if (!none && !yid_valid(c->by[k]))
            return usage_error(c,
                               "--by takes a field respondents give (role, or a key of "
                               "their groups, like team), not",
                               c->by[k]);
        if (k == 1 && strcmp(c->by[0], c->by[1]) == 0)
            return usage_error(c, "--by names one field twice:", c->by[1]);
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
        int rc = usage_error(c, strbuf_str(&what), c->by[k]);
        strbuf_release(&what);
        return rc;
    }
    return EXIT_OK;
}

/* A score from 0 to 100 with at most EXACT_PLACES decimals, held times EXACT_SCALE. */
static int parse_score(const char *s, int64_t *out)
{
    int64_t v;
    if (exact_parse_decimal(s, &v) != 0 || v < 0 || v > 100 * EXACT_SCALE)
        return -1;
    *out = v;
    return 0;
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

/* --fail-on-regression: one line naming each stage that fell, from what to what. */
static void regression_line(const struct compare *cmp, struct strbuf *why)
{
    const struct rules *r = cmp->before->rules;
    strbuf_adds(why, "stagegap: --fail-on-regression:");
    const char *sep = " ";
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct compare_stage *cs = &cmp->stages[st];
        if (!cs->regressed)
            continue;
        strbuf_adds(why, sep);
        text_add_safe(why, r->stages[st].title, true);
        strbuf_adds(why, " fell from ");
        report_add_number(why, cs->before);
        strbuf_adds(why, " to ");
        report_add_number(why, cs->after);
        sep = ", ";
    }
    strbuf_addc(why, '\n');
}

static int cmd_assess(struct cli *c)
{
    static const char *const formats[] = {"text", "markdown", "json", "csv", "html", NULL};
    struct rules r;
    struct assessment a;
    struct score s;
    struct strbuf out = STRBUF_INIT, why = STRBUF_INIT;
    int64_t threshold = 0;
    int rc = check_format(c, formats);
    if (rc)
        return rc;
    if (c->fail_under && parse_score(c->fail_under, &threshold) != 0)
        return usage_error(c, "--fail-under takes a score from 0 to 100, not", c->fail_under);
    struct score_options opts = {.attribute = c->attribute};
    const char *by[ANSWERS_BY_MAX];
    size_t n_by;
    if ((rc = breakdown_options(c, &opts, by, &n_by)) != 0)
        return rc;
    if ((rc = load_rules(c, &r)) != 0)
        return rc;
    assessment_init(&a, &r);
    assessment_break_down_by(&a, by, n_by);
    score_init(&s);
    const struct assessment *read = &a;
    if ((rc = load_assessment(c, &a, c->args, c->n_args)) != 0 ||
        (rc = check_fields_given(c, &read, 1)) != 0)
        goto out;
    score_compute_with(&s, &r, &a, &opts);
    struct report_ctx ctx = {&s, STAGEGAP_VERSION, want_color(c), terminal_width(c)};
    report_format_find(c->format ? c->format : "text")->render(&ctx, &out);
    if ((rc = emit(c, &out, &read, 1)) != 0)
        goto out;
    if (c->fail_under && gate_fails(&s, threshold, &why)) {
        write_stream(c->err, strbuf_str(&why), why.len, "standard error", c->err);
        rc = EXIT_GATE;
    }
out:
    strbuf_release(&why);
    strbuf_release(&out);
    score_release(&s);
    assessment_release(&a);
    rules_release(&r);
    return rc;
}

/* One assessment read and scored: compare and trend hold several. */
struct scored {
    struct assessment a;
    struct score s;
};

static void scored_release(struct scored *sc, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        score_release(&sc[i].s);
        assessment_release(&sc[i].a);
    }
    free(sc);
}

/* The scored assessments sent out through emit: --output must not replace one of them. */
static int emit_scored(struct cli *c, const struct strbuf *out, const struct scored *sc, size_t n)
{
    const struct assessment **read = xcalloc(n, sizeof(*read));
    for (size_t i = 0; i < n; i++)
        read[i] = &sc[i].a;
    int rc = emit(c, out, read, n);
    free(read);
    return rc;
}

/* Warnings, such as compare_warn's, on standard error; they change no exit status. */
static void print_warnings(struct cli *c, struct diags *d)
{
    if (d->n)
        print_diags(c, d);
}

/*
 * Reads and scores each path as one assessment, all or nothing; their breakdowns
 * pool the same groups (score_align_breakdowns).
 */
static int load_scored(struct cli *c, const struct rules *r, struct scored **out)
{
    struct score_options opts = {.attribute = false};
    const char *by[ANSWERS_BY_MAX];
    size_t n_by;
    int rc = breakdown_options(c, &opts, by, &n_by);
    if (rc)
        return rc;
    struct scored *sc = xcalloc(c->n_args, sizeof(*sc));
    struct diags d;
    diags_init(&d);
    for (size_t i = 0; i < c->n_args; i++) {
        assessment_init(&sc[i].a, r);
        assessment_break_down_by(&sc[i].a, by, n_by);
        sc[i].a.jobs = jobs_for(c);
        score_init(&sc[i].s);
        if (strcmp(c->args[i], "-") == 0) {
            diags_release(&d);
            scored_release(sc, i + 1);
            return usage_error(c, "each assessment must be a file or directory, not", "-");
        }
        if (assessment_add_path(&sc[i].a, c->args[i], false, &d) == 0)
            score_compute_with(&sc[i].s, r, &sc[i].a, &opts);
    }
    rc = print_problems(c, &d);
    diags_release(&d);
    const struct assessment **read = xcalloc(c->n_args, sizeof(*read));
    struct score **scores = xcalloc(c->n_args, sizeof(*scores));
    for (size_t i = 0; i < c->n_args; i++) {
        read[i] = &sc[i].a;
        scores[i] = &sc[i].s;
    }
    if (rc == 0 && (rc = check_fields_given(c, read, c->n_args)) == 0)
        score_align_breakdowns(scores, c->n_args);
    free(read);
    free(scores);
    if (rc) {
        scored_release(sc, c->n_args);
        return rc;
    }
    *out = sc;
    return EXIT_OK;
}

static int cmd_compare(struct cli *c)
{
    static const char *const formats[] = {"text", "markdown", "json", "csv", "html", NULL};
    struct rules r;
    struct scored *sc = NULL;
    struct compare cmp;
    struct diags d;
    struct strbuf out = STRBUF_INIT, why = STRBUF_INIT;
    int rc = check_format(c, formats);
    if (rc || (rc = load_rules(c, &r)) != 0)
        return rc;
    if ((rc = load_scored(c, &r, &sc)) == 0) {
        compare_compute(&cmp, &sc[0].s, &sc[1].s);
        diags_init(&d);
        compare_warn(&cmp, &d);
        print_warnings(c, &d);
        diags_release(&d);
        compare_format_find(c->format ? c->format : "text")
            ->render_compare(&cmp, STAGEGAP_VERSION, terminal_width(c), &out);
        rc = emit_scored(c, &out, sc, c->n_args);
        if (rc == 0 && c->fail_on_regression && cmp.regression) {
            regression_line(&cmp, &why);
            write_stream(c->err, strbuf_str(&why), why.len, "standard error", c->err);
            rc = EXIT_GATE;
        }
        compare_release(&cmp);
        scored_release(sc, c->n_args);
    }
    strbuf_release(&why);
    strbuf_release(&out);
    rules_release(&r);
    return rc;
}

static int cmd_trend(struct cli *c)
{
    static const char *const formats[] = {"text", "markdown", "json", "csv", "html", NULL};
    struct rules r;
    struct scored *sc = NULL;
    struct strbuf out = STRBUF_INIT;
    int rc = check_format(c, formats);
    if (rc || (rc = load_rules(c, &r)) != 0)
        return rc;
    if ((rc = load_scored(c, &r, &sc)) == 0) {
        const struct score **scores = xcalloc(c->n_args, sizeof(*scores));
        for (size_t i = 0; i < c->n_args; i++)
            scores[i] = &sc[i].s;
        struct trend t;
        struct diags d;
        trend_compute(&t, scores, c->n_args);
        diags_init(&d);
        trend_warn(&t, &d);
        print_warnings(c, &d);
        diags_release(&d);
        compare_format_find(c->format ? c->format : "text")
            ->render_trend(&t, STAGEGAP_VERSION, terminal_width(c), &out);
        rc = emit_scored(c, &out, sc, c->n_args);
        trend_release(&t);
        free(scores);
        scored_release(sc, c->n_args);
    }
    strbuf_release(&out);
    rules_release(&r);
    return rc;
}

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
        print_diags(t->cli, &d);
    diags_release(&d);
    return rc;
}

static void today(char out[11])
{
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm) || strftime(out, 11, "%Y-%m-%d", &tm) != 10)
        memcpy(out, "2026-01-01", 11);
}

/* Resumes from an existing answers file; 0 when there is none to resume. */
static int ask_resume(struct cli *c, struct ask_session *s, const char *path)
{
    if (access(path, F_OK) != 0)
        return 0;
    struct assessment a;
    struct diags d;
    assessment_init(&a, s->rules);
    diags_init(&d);
    int rc = assessment_add_path(&a, path, false, &d) == 0 ? EXIT_OK : print_diags(c, &d);
    if (rc == 0)
        ask_resume_from(s, &a);
    /* An assessment keeps a group's value only for a field it is broken down by: one
       more reading per field, so that the file, rewritten, keeps every group it gave. */
    for (size_t k = 0; rc == 0 && k < a.n_fields_given; k++) {
        const char *field = a.fields_given[k];
        struct assessment one;
        if (strcmp(field, ANSWERS_FIELD_ROLE) == 0)
            continue;
        assessment_init(&one, s->rules);
        assessment_break_down_by(&one, &field, 1);
        rc = assessment_add_path(&one, path, false, &d) == 0 ? EXIT_OK : print_diags(c, &d);
        if (rc == 0 && one.n_groups && one.groups[0].values[0])
            ask_set_group(s, field, one.groups[0].values[0]);
        assessment_release(&one);
    }
    diags_release(&d);
    assessment_release(&a);
    return rc;
}

static int cmd_ask(struct cli *c)
{
    const char *path = c->output ? c->output : "answers.yaml";
    if (!isatty(STDIN_FILENO) || !isatty(fileno(c->out))) {
        fprintf(c->err, "stagegap: 'ask' needs a terminal to ask its questions; to answer "
                        "in a file, run 'stagegap init > answers.yaml' and edit it\n");
        return EXIT_USAGE;
    }
    struct rules r;
    int rc = load_rules(c, &r);
    if (rc)
        return rc;
    struct ask_session s;
    struct ask_target target = {c, path};
    ask_init(&s, &r);
    s.save = ask_save;
    s.save_ctx = &target;
    s.interrupted = &ask_interrupted;
    s.width = stream_width(c->out, true); /* the questions go to the terminal, always */
    struct sigaction sa, old;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_interrupt; /* no SA_RESTART: an interrupt ends the read */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old);
    char date[11];
    today(date);
    if ((rc = ask_resume(c, &s, path)) == 0) {
        if (!s.organisation && ask_details(&s, stdin, c->out, date) != 0)
            fprintf(c->out, "\nNothing saved.\n");
        else if (ask_run(&s, stdin, c->out) != 0)
            rc = EXIT_IO;
        else
            fprintf(c->out, "Saved to %s. Next: stagegap assess %s\n", path, path);
    }
    sigaction(SIGINT, &old, NULL);
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
        return usage_error(c,
                           c->csv ? "give --csv FILE or --xlsx FILE, not both"
                                  : "missing --csv FILE or --xlsx FILE",
                           NULL);
    if (!c->output)
        return usage_error(c, "missing --output DIR", NULL);
    if (c->date && !date_valid(c->date))
        return usage_error(c, "--date takes a date written YYYY-MM-DD, not", c->date);
    int delimiter = parse_delimiter(c->delimiter);
    if (delimiter < 0)
        return usage_error(c, "--delimiter takes ',', ';' or tab, not", c->delimiter);
    if (c->xlsx && c->delimiter)
        return usage_error(c, "--delimiter is for a CSV export; a workbook has cells", NULL);
    if (c->csv && c->sheet)
        return usage_error(c, "--sheet is for a workbook (--xlsx); a CSV export has one table",
                           NULL);
    *o = (struct import_options){
        c->csv ? c->csv : c->xlsx, c->map,          c->organisation, c->date,
        (char)delimiter,           c->xlsx != NULL, c->sheet};
    return EXIT_OK;
}

static int cmd_import(struct cli *c)
{
    struct import_options o;
    int rc = import_options_of(c, &o);
    if (rc)
        return rc;
    struct rules r;
    if ((rc = load_rules(c, &r)) != 0)
        return rc;
    struct import_result res;
    struct diags d;
    struct strbuf summary = STRBUF_INIT;
    import_result_init(&res);
    diags_init(&d);
    if (import_csv(&r, &o, &res, &d) == 0 && import_write(&res, c->output, &d) == 0) {
        import_summary(&res, o.csv_path, c->output, &summary);
        rc = write_stream(c->out, strbuf_str(&summary), summary.len, "standard output", c->err);
    }
    if (d.n)
        print_diags(c, &d); /* warnings are worth showing on success too */
    if (diags_failed(&d))
        rc = diags_exit_code(&d);
    strbuf_release(&summary);
    diags_release(&d);
    import_result_release(&res);
    rules_release(&r);
    return rc;
}

static int cmd_init(struct cli *c)
{
    struct rules r;
    struct strbuf out = STRBUF_INIT;
    int rc = load_rules(c, &r);
    if (rc)
        return rc;
    template_render(&r, &out);
    rc = emit(c, &out, NULL, 0);
    strbuf_release(&out);
    rules_release(&r);
    return rc;
}

static int cmd_rules(struct cli *c)
{
    static const char *const formats[] = {"text", "markdown", "json", "csv", NULL};
    struct rules r;
    struct strbuf out = STRBUF_INIT;
    int rc = check_format(c, formats);
    if (rc || (rc = load_rules(c, &r)) != 0)
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
    rc = emit(c, &out, NULL, 0);
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

static bool is_directory(const char *path)
{
    struct stat st;
    return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A directory is validated as one assessment: its files must agree with each other. */
static int validate_dir(struct cli *c, const struct rules *r, const char *path,
                        struct strbuf *report, struct diags *d)
{
    struct assessment a;
    assessment_init(&a, r);
    a.warn_placeholders = true;
    a.jobs = jobs_for(c);
    int rc = assessment_add_path(&a, path, c->strict, d);
    if (rc == 0)
        describe_answers(report, path, &a);
    assessment_release(&a);
    return rc;
}

static int validate_rules_buffer(const char *path, const char *buf, size_t len,
                                 struct strbuf *report, struct diags *d)
{
    struct rules other;
    int rc = rules_load_buffer(&other, path, buf, len, d);
    if (rc == 0)
        describe_rules(report, path, &other);
    rules_release(&other);
    return rc;
}

/* Touches nothing but its arguments: may run on any thread. */
static int validate_answers_buffer(const struct rules *r, bool strict, const char *path,
                                   const char *buf, size_t len, struct strbuf *report,
                                   struct diags *d)
{
    struct assessment a;
    assessment_init(&a, r);
    a.warn_placeholders = true;
    int rc = assessment_add_buffer(&a, path, buf, len, strict, d);
    if (rc == 0)
        describe_answers(report, path, &a);
    assessment_release(&a);
    return rc;
}

static bool is_rules_buffer(const char *buf, size_t len)
{
    char *format = yaml_format_of(buf, len);
    bool rules = format && strcmp(format, RULES_FORMAT) == 0;
    free(format);
    return rules;
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
    int rc = is_rules_buffer(buf, len)
                 ? validate_rules_buffer(path, buf, len, report, d)
                 : validate_answers_buffer(r, c->strict, path, buf, len, report, d);
    free(buf);
    return rc;
}

/*
 * One FILE of validate --jobs, read on a thread: an answers file is checked there, into
 * a report line and diagnostics of its own; a directory, or a rules file (whose loader
 * is not for threads), waits for the caller's thread. All are finished in the order
 * given, so the output is the same as one by one.
 */
struct validate_job {
    const char *path;
    bool directory;
    char *rules_buf; /* a rules file read, to load in order */
    size_t rules_len;
    struct strbuf report;
    struct diags d;
};

struct validate_ctx {
    const struct rules *rules;
    bool strict;
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
    if (is_rules_buffer(buf, len)) {
        v->rules_buf = buf;
        v->rules_len = len;
        return;
    }
    validate_answers_buffer(vc->rules, vc->strict, v->path, buf, len, &v->report, &v->d);
    free(buf);
}

static void validate_job_finish(struct cli *c, const struct rules *r, struct validate_job *v,
                                struct strbuf *report, struct diags *d)
{
    diags_append(d, &v->d);
    if (v->directory)
        validate_dir(c, r, v->path, report, d);
    else if (v->rules_buf)
        validate_rules_buffer(v->path, v->rules_buf, v->rules_len, report, d);
    strbuf_add(report, strbuf_str(&v->report), v->report.len);
    strbuf_release(&v->report);
    diags_release(&v->d);
    free(v->rules_buf);
    free(v);
}

static void validate_in_parallel(struct cli *c, const struct rules *r, unsigned jobs,
                                 struct strbuf *report, struct diags *d)
{
    struct validate_ctx vc = {r, c->strict};
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

static int cmd_validate(struct cli *c)
{
    struct rules r;
    struct diags d;
    struct strbuf report = STRBUF_INIT;
    int rc = check_stdin_once(c);
    if (rc || (rc = load_rules(c, &r)) != 0)
        return rc;
    diags_init(&d);
    if (c->n_args == 0)
        describe_rules(&report, r.file, &r);
    unsigned jobs = c->n_args > 1 ? jobs_for(c) : 1;
    if (jobs > 1)
        validate_in_parallel(c, &r, jobs, &report, &d);
    for (size_t i = 0; jobs == 1 && i < c->n_args; i++)
        validate_one(c, &r, c->args[i], &report, &d);
    rc = write_stream(c->out, strbuf_str(&report), report.len, "standard output", c->err);
    if (d.n) {
        int failed = print_diags(c, &d); /* warnings are worth showing on success too */
        if (diags_failed(&d))
            rc = failed;
    }
    diags_release(&d);
    strbuf_release(&report);
    rules_release(&r);
    return rc;
}

static void general_help(struct strbuf *sb)
{
    strbuf_adds(sb, "stagegap - implementation-readiness gap reports from a staged model\n\n"
                    "usage: stagegap COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        strbuf_addf(sb, "  %-9s %s\n", commands[i].name, commands[i].summary);
    strbuf_adds(sb, "\nWithout --rules, the built-in Signs of Safety model is used.\n"
                    "Formats: text, markdown, json, csv, html.\n"
                    "Exit status: 0 success, 1 a gate failed (--fail-under,\n"
                    "--fail-on-regression), 2 usage error, 3 invalid input, 4 a file could\n"
                    "not be read or written.\n\n"
                    "'stagegap help COMMAND' shows a command's options; "
                    "'stagegap --version' the version.\n");
}

static void command_help(struct strbuf *sb, const struct command *cmd)
{
    strbuf_addf(sb, "usage: %s\n\n%s.\n", cmd->usage, cmd->summary);
    if (*cmd->help)
        strbuf_addf(sb, "\n%s", cmd->help);
}

static int cmd_help(struct cli *c)
{
    struct strbuf sb = STRBUF_INIT;
    if (c->n_args == 0) {
        general_help(&sb);
    } else {
        const struct command *cmd = find_command(c->args[0]);
        if (!cmd) {
            strbuf_release(&sb);
            c->cmd = NULL;
            return usage_error(c, "no command called", c->args[0]);
        }
        command_help(&sb, cmd);
    }
    int rc = write_stream(c->out, strbuf_str(&sb), sb.len, "standard output", c->err);
    strbuf_release(&sb);
    return rc;
}

static bool wants_help(int argc, char **argv)
{
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    }
    return false;
}

int cli_main(int argc, char **argv, FILE *out, FILE *err)
{
    struct cli c = {.out = out, .err = err};
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        struct strbuf sb = STRBUF_INIT;
        general_help(&sb);
        int rc = write_stream(argc < 2 ? err : out, strbuf_str(&sb), sb.len, "output", err);
        strbuf_release(&sb);
        return argc < 2 ? EXIT_USAGE : rc;
    }
    if (strcmp(argv[1], "--version") == 0) {
        const char *v = "stagegap " STAGEGAP_VERSION "\n";
        return write_stream(out, v, strlen(v), "standard output", err);
    }
    c.cmd = find_command(argv[1]);
    if (!c.cmd) {
        const char *names[sizeof(commands) / sizeof(commands[0])];
        for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
            names[i] = commands[i].name;
        const char *near = text_did_you_mean(argv[1], names, sizeof(names) / sizeof(names[0]));
        if (near)
            fprintf(err, "stagegap: did you mean '%s'?\n", near);
        return usage_error(&c, argv[1][0] == '-' ? "unknown option" : "unknown command", argv[1]);
    }
    if (wants_help(argc, argv)) {
        struct strbuf sb = STRBUF_INIT;
        command_help(&sb, c.cmd);
        int rc = write_stream(out, strbuf_str(&sb), sb.len, "standard output", err);
        strbuf_release(&sb);
        return rc;
    }
    int rc = parse_args(&c, argc, argv);
    if (rc == 0)
        rc = c.cmd->run(&c);
    free(c.args);
    return rc;
}
