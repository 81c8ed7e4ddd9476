#include "cli.h"
#include "cli_internal.h"
#include "date.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "accept.h"
#include "diag.h"
#include "evidence.h"
#include "fileio.h"
#include "platform.h"
#include "report.h"
#include "rules.h"
#include "strbuf.h"
#include "suppress.h"
#include "text.h"
#include "version.h"
#include "workq.h"
#include "xalloc.h"

static int cmd_help(struct cli *c);

enum { ARGS_MAX = 100000 };
/* The most threads --jobs takes (docs/limits.md): far more than a machine's cores. */
#define JOBS_MAX 256
_Static_assert(JOBS_MAX == 256, "the help texts say 1-256");

struct command {
    const char *name;
    int (*run)(struct cli *c);
    const char *usage;
    const char *summary;
    const char *help;
    const char *const *options; /* long options it accepts, without "--" */
    size_t min_args, max_args;
};

static const char *const assess_options[] = {
    "rules",  "format", "output", "fail-under", "attribute", "by",      "min-group", "plan",
    "accept", "jobs",   "date",   "evidence",   "headcount", "invited", NULL};
static const char *const init_options[] = {"rules", "output", "evidence", NULL};
static const char *const validate_options[] = {"rules", "strict", "jobs", NULL};
static const char *const rules_options[] = {"rules", "format", NULL};
static const char *const compare_options[] = {"rules",     "format",
                                              "output",    "fail-on-regression",
                                              "tolerance", "allow-model-change",
                                              "by",        "min-group",
                                              "plan",      "accept",
                                              "jobs",      "headcount",
                                              "evidence",  NULL};
static const char *const trend_options[] = {"rules",    "format",    "output", "allow-model-change",
                                            "by",       "min-group", "jobs",   "headcount",
                                            "evidence", NULL};
static const char *const ask_options[] = {"rules", "output", NULL};
static const char *const import_options[] = {"csv",    "xlsx",  "sheet",        "delimiter",
                                             "output", "map",   "organisation", "date",
                                             "rules",  "scale", "encoding",     NULL};
static const char *const plan_options[] = {"rules",  "output", "top", "update",
                                           "accept", "jobs",   NULL};
static const char *const share_options[] = {"rules",     "output",  "min-group", "jobs",
                                            "headcount", "invited", NULL};
static const char *const benchmark_options[] = {
    "rules", "format", "output", "self", "as-of", "allow-model-change", NULL};
static const char *const no_options[] = {NULL};

static const struct command commands[] = {
    {"assess", cmd_assess,
     "stagegap assess [--rules FILE] [--format FMT] [--output FILE] [--fail-under SCORE] "
     "[--by FIELD]... [--min-group K] [--attribute] [--plan PLAN] [--accept FILE] "
     "[--evidence FILE] [--date DATE] [--headcount FILE | --invited N] [--jobs N] ANSWERS...",
     "score an organisation's answers and print the stage-by-stage gap report",
     "ANSWERS are the respondents of one assessment: answers files, directories (every\n"
     "*.yaml and *.yml inside, in name order), or - for standard input. Each respondent\n"
     "counts once: a file read twice is refused.\n"
     "\n"
     "  --rules FILE       score against this rules file (default: the built-in\n"
     "                     Signs of Safety model)\n"
     "  --format FMT       text (default), markdown, json, csv, html, docx (Word) or\n"
     "                     odt (OpenDocument text); docx and odt need --output or a\n"
     "                     redirection, never a terminal (docs/office-formats.md)\n"
     "  --jobs N           read the files on N threads (1-256; default: one per CPU);\n"
     "                     the report is the same for every N\n"
     "  --output FILE      write the report to FILE, whole or not at all; never over\n"
     "                     an input\n"
     "  --fail-under SCORE exit 1 when the focus stage scores under SCORE (0-100), or\n"
     "                     has too few answers to score, and say so on standard\n"
     "                     error; nothing to focus on passes\n"
     "  --plan PLAN        read the action plan PLAN (from stagegap plan) against\n"
     "                     this assessment: actions overdue, actions done and the\n"
     "                     gaps they address now, focus gaps no action addresses\n"
     "  --accept FILE      gaps accepted for now (stagegap-accept/1): each still\n"
     "                     counts in its stage's score, but leaves the actions to\n"
     "                     take until it expires; listed with its reason, who\n"
     "                     accepted it and when it expires (docs/accepting-gaps.md)\n"
     "  --evidence FILE    set an evidence file (stagegap-evidence/1) beside the\n"
     "                     ratings: the questions with evidence per stage, where the\n"
     "                     ratings run ahead of it or behind, every rating beside its\n"
     "                     evidence; it never changes a score (docs/evidence.md)\n"
     "  --headcount FILE   how many staff were asked (stagegap-headcount/1), in total\n"
     "                     and per group: the report says how many of them answered,\n"
     "                     for each group shown apart too, and warns when under\n"
     "                     half did (docs/participation.md)\n"
     "  --invited N        how many staff were asked, in total only\n"
     "  --date DATE        date the assessment DATE (YYYY-MM-DD) instead of by its\n"
     "                     respondents' dates: the latest within 92 days of their\n"
     "                     median, one far from the rest warned about\n"
     "  --by FIELD         break the scores down by role (the default, when\n"
     "                     respondents give roles) or a field of their groups, like\n"
     "                     team; twice for a two-way view; --by none for no breakdown\n"
     "  --min-group K      the anonymity threshold (default " STAGEGAP_STR(
         SUPPRESS_MIN_GROUP_DEFAULT) ", at least " STAGEGAP_STR(SUPPRESS_MIN_GROUP_FLOOR) "): a "
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
    {"init", cmd_init, "stagegap init [--rules FILE] [--evidence] [--output FILE]",
     "write an answers template with every question of the model",
     "Every question comes with both ends of its scale in comments, grouped by stage,\n"
     "and every answer set to unknown. Fill it in and run 'stagegap assess FILE'.\n"
     "\n"
     "  --rules FILE       the model to write questions for (default: built-in)\n"
     "  --evidence         write an evidence file template instead\n"
     "                     (stagegap-evidence/1): indicators we suggest, each bearing\n"
     "                     on the items such figures most often back; see\n"
     "                     docs/evidence.md\n"
     "  --output FILE      write the template to FILE instead of standard output\n",
     init_options, 0, 0},
    {"validate", cmd_validate, "stagegap validate [--rules FILE] [--strict] [--jobs N] [FILE...]",
     "check rules, answers, plan, accept, share and evidence files and report every "
     "problem",
     "Each FILE may be a rules file, an answers file, an action plan, a file of\n"
     "accepted gaps, a share file or an evidence file: its 'format' key tells which.\n"
     "All but rules files are checked against the rules.\n"
     "With no FILE, checks the rules (--rules FILE, or the built-in model).\n"
     "\n"
     "  --rules FILE       check answers and plans against this rules file (default:\n"
     "                     built-in)\n"
     "  --strict           answers files must answer every question (no unknown)\n"
     "  --jobs N           read the files on N threads (1-256; default: one per CPU);\n"
     "                     the output is the same for every N\n",
     validate_options, 0, ARGS_MAX},
    {"rules", cmd_rules, "stagegap rules [--rules FILE] [--format FMT]",
     "show the model: stages, items, questions, weights and links",
     "  --rules FILE       show this rules file (default: the built-in model); for an\n"
     "                     overlay, the merged model, marking what it added,\n"
     "                     changed and retired\n"
     "  --format FMT       text (default): an outline; markdown: a page a board can\n"
     "                     read; json: the model as data (stagegap-model/1); csv: one\n"
     "                     question a row (id, stage, category, question, both ends of\n"
     "                     the scale) for building a survey form\n",
     rules_options, 0, 0},
    {"compare", cmd_compare,
     "stagegap compare [--rules FILE] [--format FMT] [--output FILE] [--fail-on-regression] "
     "[--tolerance POINTS] [--allow-model-change] [--by FIELD]... [--min-group K] [--plan PLAN] "
     "[--accept FILE] [--evidence FILE] [--headcount FILE]... "
     "[--jobs N] BEFORE AFTER",
     "compare two assessments: stage scores, gaps opened and closed, the focus",
     "BEFORE and AFTER are each one assessment: an answers file or a directory of them,\n"
     "scored with the same rules. Each answer that moved is called better or worse (a\n"
     "barrier answered higher is worse). A BEFORE dated after AFTER, or organisations\n"
     "named differently, get a warning on standard error.\n"
     "\n"
     "  --rules FILE          the rules both were answered against (default: built-in)\n"
     "  --format FMT          text (default), markdown, json, csv or html\n"
     "  --output FILE         write the comparison to FILE, whole or not at all\n"
     "  --jobs N              read the files on N threads (1-256; default: one per\n"
     "                        CPU); the comparison is the same for every N\n"
     "  --headcount FILE      how many staff were asked (stagegap-headcount/1): twice,\n"
     "                        BEFORE's then AFTER's; each one's participation in the\n"
     "                        whole (docs/participation.md)\n"
     "  --fail-on-regression  exit 1 when any stage's score, shown to one decimal,\n"
     "                        fell by more than the tolerance, or a stage lost its\n"
     "                        score (too few answers after), and name each on\n"
     "                        standard error\n"
     "  --tolerance POINTS    a fall of at most POINTS (0-100, default 0: any fall\n"
     "                        the report shows) is not a regression\n"
     "  --allow-model-change  compare even when BEFORE's and AFTER's files name\n"
     "                        different models (an overlay and its base), and list\n"
     "                        what differs between them; refused otherwise\n"
     "  --plan PLAN           for each action of PLAN done after BEFORE's date, up to\n"
     "                        AFTER's, how the gaps it addresses moved, beside the\n"
     "                        gaps no such action addressed (what moved after, not\n"
     "                        proof that the action moved it)\n"
     "  --accept FILE         gaps accepted for now (stagegap-accept/1): an accepted\n"
     "                        gap is not counted among the gaps opened, and is listed\n"
     "                        with its reason; see docs/accepting-gaps.md\n"
     "  --evidence FILE       which indicators of an evidence file moved between the\n"
     "                        two dates (docs/evidence.md); never changes a score\n"
     "  --by FIELD            each group's stage scores before and after (as assess);\n"
     "                        a group is shown apart only when it clears the\n"
     "                        threshold both times\n"
     "  --min-group K         the anonymity threshold (default " STAGEGAP_STR(
         SUPPRESS_MIN_GROUP_DEFAULT) ", at least " STAGEGAP_STR(SUPPRESS_MIN_GROUP_FLOOR) ")\n",
     compare_options, 2, 2},
    {"trend", cmd_trend,
     "stagegap trend [--rules FILE] [--format FMT] [--output FILE] [--allow-model-change] "
     "[--by FIELD]... [--min-group K] [--evidence FILE] [--headcount FILE]... [--jobs N] "
     "ASSESSMENT...",
     "show each stage's score and time in stage over time",
     "Each ASSESSMENT is an answers file or a directory of them. They are put in order\n"
     "of their date, not of the arguments. An organisation named differently from the\n"
     "one before it, or two of one organisation on one day, get a warning. It also says\n"
     "how long each stage has been the focus (from each assessment at which it is the\n"
     "focus to the next) and when it was first in each band, the top band included.\n"
     "\n"
     "  --rules FILE       the rules all were answered against (default: built-in)\n"
     "  --format FMT       text (default, with a sparkline per stage), markdown, json,\n"
     "                     csv (long form: one row per assessment and stage) or html\n"
     "  --output FILE      write the trend to FILE, whole or not at all\n"
     "  --allow-model-change\n"
     "                     trend even when the files name different models (an\n"
     "                     overlay and its base), and list what differs; refused\n"
     "                     otherwise\n"
     "  --jobs N           read the files on N threads (1-256; default: one per CPU);\n"
     "                     the trend is the same for every N\n"
     "  --evidence FILE    each indicator of an evidence file at each assessment's\n"
     "                     date, beside the stage scores (docs/evidence.md)\n"
     "  --headcount FILE   how many staff were asked (stagegap-headcount/1), once per\n"
     "                     assessment in the order given: each one's participation\n"
     "                     in the whole (docs/participation.md)\n"
     "  --by FIELD         each group's stage scores over time (as assess); a group\n"
     "                     is shown apart only when it clears the threshold every time\n"
     "  --min-group K      the anonymity threshold (default " STAGEGAP_STR(
         SUPPRESS_MIN_GROUP_DEFAULT) ", at least " STAGEGAP_STR(SUPPRESS_MIN_GROUP_FLOOR) ")\n",
     trend_options, 1, ARGS_MAX},
    {"plan", cmd_plan,
     "stagegap plan [--rules FILE] [--output FILE] [--top N] [--update PLAN] [--accept FILE] "
     "[--jobs N] ASSESSMENT...",
     "write an action plan from an assessment's actions to take, or add to one",
     "ASSESSMENT is the respondents of one assessment, as for assess. The plan\n"
     "(stagegap-plan/1, YAML) lists its first actions to take in priority order, each\n"
     "with the gaps it addresses and their answers, and owner, due, status, done and\n"
     "note for a board to fill in; 'stagegap validate' checks it. See\n"
     "docs/action-plans.md.\n"
     "\n"
     "  --rules FILE       the rules the answers were given against (default: built-in)\n"
     "  --output FILE      write the plan to FILE, whole or not at all; never over an\n"
     "                     input\n"
     "  --top N            list the first N actions to take (default 5, as the\n"
     "                     report's \"Actions to take first\"); 0 for all\n"
     "  --update PLAN      add to PLAN the actions of this assessment's first N that it\n"
     "                     does not have, after its last; every byte of PLAN is kept.\n"
     "                     PLAN is rewritten in place (whole or not at all) unless\n"
     "                     --output is given; what the assessment no longer ranks is\n"
     "                     noted on standard error\n"
     "  --accept FILE      gaps accepted for now (stagegap-accept/1): no action is\n"
     "                     planned for them until they expire\n"
     "  --jobs N           read the files on N threads (1-256; default: one per CPU);\n"
     "                     the plan is the same for every N\n",
     plan_options, 1, ARGS_MAX},
    {"share", cmd_share,
     "stagegap share [--rules FILE] [--output FILE] [--min-group K] [--headcount FILE | "
     "--invited N] [--jobs N] ASSESSMENT...",
     "write a pooled assessment as a share file for a network of authorities",
     "ASSESSMENT is the respondents of one assessment, as for assess. The share file\n"
     "(stagegap-share/1, YAML) holds the organisation, the date, the model, how many\n"
     "answered, each stage's score, band and coverage, and each question's mean answer\n"
     "where at least K answered it: no notes, comments, groups, ids or file names. Its\n"
     "first lines say so, for whoever sends it outside the authority. An assessment of\n"
     "fewer than K respondents is refused. 'stagegap validate' checks a share file. See\n"
     "docs/benchmarking.md.\n"
     "\n"
     "  --rules FILE       the rules the answers were given against (default: built-in)\n"
     "  --output FILE      write the share to FILE, whole or not at all; never over an\n"
     "                     input\n"
     "  --headcount FILE   how many staff were asked: the share carries the total\n"
     "                     asked (never a group's), beside how many answered\n"
     "  --invited N        the same, as a number\n"
     "  --min-group K      the anonymity threshold (default " STAGEGAP_STR(
         SUPPRESS_MIN_GROUP_DEFAULT) ", at least " STAGEGAP_STR(SUPPRESS_MIN_GROUP_FLOOR) ")\n"
                                                                                          "  "
                                                                                          "--jobs "
                                                                                          "N       "
                                                                                          "    "
                                                                                          "read "
                                                                                          "the "
                                                                                          "files "
                                                                                          "on N "
                                                                                          "threads "
                                                                                          "(1-256; "
                                                                                          "default:"
                                                                                          " one "
                                                                                          "per "
                                                                                          "CPU);\n"
                                                                                          "        "
                                                                                          "        "
                                                                                          "     "
                                                                                          "the "
                                                                                          "share "
                                                                                          "is the "
                                                                                          "same "
                                                                                          "for "
                                                                                          "every "
                                                                                          "N\n",
     share_options, 1, ARGS_MAX},
    {"benchmark", cmd_benchmark,
     "stagegap benchmark [--rules FILE] [--format FMT] [--output FILE] [--self SHARE] "
     "[--as-of DATE] [--allow-model-change] SHARE...",
     "compare share files of a network of authorities, with our place among them",
     "SHARE is a share file (stagegap share) or a directory of them (every *.yaml and\n"
     "*.yml inside). Each authority counts once, by its latest share. With --self, our\n"
     "scores beside the network's median and quarter marks, where we rank in words, the\n"
     "questions we are furthest behind and ahead on, and how our position moved at our\n"
     "earlier dates; without, the network's distributions only. No figure rests on\n"
     "fewer than 5 authorities, none is one authority's value, and no authority is\n"
     "named but ours: fewer than 5 authorities is refused. See docs/benchmarking.md.\n"
     "\n"
     "  --self SHARE       our own share file, marked and named in the report\n"
     "  --as-of DATE       each authority's latest share dated on or before DATE\n"
     "                     (YYYY-MM-DD)\n"
     "  --allow-model-change compare shares made against other models or versions,\n"
     "                     by stage and question id; the report says so\n"
     "  --rules FILE       the model the shares were made against (default: built-in)\n"
     "  --format FMT       text (default), markdown, json, csv or html\n"
     "  --output FILE      write the report to FILE, whole or not at all; never over\n"
     "                     an input\n",
     benchmark_options, 1, ARGS_MAX},
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
     "[--delimiter SEP] [--encoding NAME] [--map FILE] [--scale [COLUMN=]LO..HI]... "
     "[--organisation NAME] [--date DATE] [--rules FILE]",
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
     "  --sheet NAME         the workbook's sheet to read (default: the first visible\n"
     "                       one with a header the importer knows)\n"
     "  --delimiter SEP      the CSV's separator: ',', ';' or tab (default: found from\n"
     "                       the header row, with a warning when it is not ',')\n"
     "  --output DIR         a new or empty directory for the answers files\n"
     "  --encoding NAME      the CSV's encoding, any name iconv knows (cp1250,\n"
     "                       macintosh, cp850...); default: UTF-8 or Excel's\n"
     "  --map FILE           a stagegap-import-map/1 file matching columns to items,\n"
     "                       and labels (Strongly agree) to numbers\n"
     "  --scale [COLUMN=]LO..HI  the scale a column's numbers are on (every column's\n"
     "                       without COLUMN), rescaled onto the model's: 1..11 for a\n"
     "                       0-10 question numbered from 1, 1..5 for a 5-point scale\n"
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
int cli_write_stream(FILE *f, const char *data, size_t len, const char *what, FILE *err)
{
    if ((len && fwrite(data, 1, len, f) != len) || fflush(f) != 0 || ferror(f)) {
        fprintf(err, "stagegap: error: cannot write to %s: %s\n", what, strerror(errno));
        return EXIT_IO;
    }
    return EXIT_OK;
}

int cli_print_diags(struct cli *c, struct diags *d)
{
    struct strbuf sb = STRBUF_INIT;
    diags_render(d, &sb);
    cli_write_stream(c->err, sb.buf ? sb.buf : "", sb.len, "standard error", c->err);
    strbuf_release(&sb);
    return diags_exit_code(d);
}

/* Prints errors and warnings alike; the exit code the errors call for, or 0. */
int cli_print_problems(struct cli *c, struct diags *d)
{
    if (!d->n)
        return EXIT_OK;
    int code = cli_print_diags(c, d);
    return diags_failed(d) ? code : EXIT_OK;
}

/*
 * True when path is the rules, the plan, the accepted gaps, an argument, or a respondent
 * of what was read.
 */
static bool is_input(const struct cli *c, const char *path, const struct assessment *const *read,
                     size_t n_read)
{
    if (c->rules_path && fileio_same_file(c->rules_path, path))
        return true;
    for (size_t i = 0; i < c->n_headcounts; i++)
        if (fileio_same_file(c->headcounts[i], path))
            return true;
    if (c->plan && fileio_same_file(c->plan, path))
        return true;
    if (c->accept && fileio_same_file(c->accept, path))
        return true;
    if (c->self && fileio_same_file(c->self, path))
        return true;
    if (c->evidence && fileio_same_file(c->evidence, path))
        return true;
    for (size_t i = 0; i < c->n_args; i++)
        if (fileio_same_file(c->args[i], path))
            return true;
    for (size_t i = 0; i < n_read; i++)
        if (assessment_has_read(read[i], path))
            return true;
    return false;
}

int cli_refuse_output_over_input(struct cli *c)
{
    struct strbuf msg = STRBUF_INIT;
    text_add_quoted(&msg, c->output, 200);
    fprintf(c->err,
            "stagegap: error: --output %s is one of the inputs; refusing to write over it\n",
            strbuf_str(&msg));
    strbuf_release(&msg);
    return EXIT_USAGE;
}

/*
 * Sends the finished output to --output (whole or nothing) or standard output (no
 * --output, or --output -); never over one of the inputs, such as a respondent of the
 * n_read assessments read.
 */
int cli_emit(struct cli *c, const struct strbuf *sb, const struct assessment *const *read,
             size_t n_read)
{
    if (cli_to_stdout(c))
        return cli_write_stream(c->out, strbuf_str(sb), sb->len, "standard output", c->err);
    if (is_input(c, c->output, read, n_read))
        return cli_refuse_output_over_input(c);
    struct diags d;
    diags_init(&d);
    int rc = fileio_write_atomic(c->output, strbuf_str(sb), sb->len, &d) == 0
                 ? EXIT_OK
                 : cli_print_diags(c, &d);
    diags_release(&d);
    return rc;
}

bool cli_to_stdout(const struct cli *c)
{
    return !c->output || strcmp(c->output, "-") == 0;
}

bool cli_want_color(const struct cli *c)
{
    const char *no_color = getenv("NO_COLOR");
    if (no_color && *no_color)
        return false;
    return cli_to_stdout(c) && platform_is_terminal(c->out);
}

void cli_today(char out[11])
{
    const char *fixed = getenv("STAGEGAP_TODAY");
    if (fixed && date_valid(fixed)) {
        memcpy(out, fixed, 11);
        return;
    }
    struct tm tm;
    if (!platform_local_time(time(NULL), &tm) || strftime(out, 11, "%Y-%m-%d", &tm) != 10)
        memcpy(out, "2026-01-01", 11);
}

void cli_assessment_init(const struct cli *c, struct assessment *a, const struct rules *r)
{
    assessment_init(a, r);
    a->today = c->today;
}

/* COLUMNS, else the width of the terminal f is (when tty is set), else 80; in 40-200. */
size_t cli_stream_width(FILE *f, bool tty)
{
    const char *columns = getenv("COLUMNS");
    long w = columns ? strtol(columns, NULL, 10) : 0;
    if (w <= 0 && tty)
        w = platform_terminal_width(f);
    if (w <= 0)
        w = 80;
    return (size_t)(w < 40 ? 40 : w > 200 ? 200 : w);
}

/* The width a report on standard output is filled to. */
size_t cli_terminal_width(const struct cli *c)
{
    return cli_stream_width(c->out, cli_to_stdout(c));
}

/* ---- usage errors ---- */

/* Prints "stagegap: WHAT 'VALUE'" (VALUE made safe, when given) and the usage line. */
static int usage_error_near(struct cli *c, const char *what, const char *value, const char *prefix,
                            const char *near);

int cli_usage_error(struct cli *c, const char *what, const char *value)
{
    return usage_error_near(c, what, value, NULL, NULL);
}

/* The usage error, and on its line "; did you mean 'PREFIXNEAR'?" when near is set. */
static int usage_error_near(struct cli *c, const char *what, const char *value, const char *prefix,
                            const char *near)
{
    struct strbuf msg = STRBUF_INIT;
    strbuf_addf(&msg, "stagegap: %s", what);
    if (value) {
        strbuf_addc(&msg, ' ');
        text_add_quoted(&msg, value, 80);
    }
    if (near)
        strbuf_addf(&msg, "; did you mean '%s%s'?", prefix, near);
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
    if (strcmp(name, "tolerance") == 0)
        return &c->tolerance;
    if (strcmp(name, "accept") == 0)
        return &c->accept;
    if (strcmp(name, "headcount") == 0)
        return &c->headcount;
    if (strcmp(name, "invited") == 0)
        return &c->invited;
    if (strcmp(name, "csv") == 0)
        return &c->csv;
    if (strcmp(name, "xlsx") == 0)
        return &c->xlsx;
    if (strcmp(name, "sheet") == 0)
        return &c->sheet;
    if (strcmp(name, "delimiter") == 0)
        return &c->delimiter;
    if (strcmp(name, "encoding") == 0)
        return &c->encoding;
    if (strcmp(name, "map") == 0)
        return &c->map;
    if (strcmp(name, "organisation") == 0)
        return &c->organisation;
    if (strcmp(name, "date") == 0)
        return &c->date;
    if (strcmp(name, "min-group") == 0)
        return &c->min_group;
    if (strcmp(name, "plan") == 0)
        return &c->plan;
    if (strcmp(name, "jobs") == 0)
        return &c->jobs;
    if (strcmp(name, "top") == 0)
        return &c->top;
    if (strcmp(name, "update") == 0)
        return &c->update;
    if (strcmp(name, "self") == 0)
        return &c->self;
    if (strcmp(name, "evidence") == 0)
        return &c->evidence;
    if (strcmp(name, "as-of") == 0)
        return &c->as_of;
    return NULL;
}

static int unknown_option(struct cli *c, const char *arg)
{
    size_t n = 0;
    while (c->cmd->options[n])
        n++;
    const char *near =
        strncmp(arg, "--", 2) == 0 ? text_did_you_mean(arg + 2, c->cmd->options, n) : NULL;
    return usage_error_near(c, "unknown option", arg, "--", near);
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
    } else if (strcmp(name, "evidence") == 0 && c->cmd->run == cmd_init) {
        if (eq)
            rc = cli_usage_error(c, "this option takes no value:", arg);
        c->evidence_template = true;
    } else if (strcmp(name, "strict") == 0 || strcmp(name, "fail-on-regression") == 0 ||
               strcmp(name, "attribute") == 0 || strcmp(name, "allow-model-change") == 0) {
        if (eq)
            rc = cli_usage_error(c, "this option takes no value:", arg);
        else if (name[0] == 's')
            c->strict = true;
        else if (strcmp(name, "attribute") == 0)
            c->attribute = true;
        else if (name[1] == 'l')
            c->allow_model_change = true;
        else
            c->fail_on_regression = true;
    } else {
        const char **slot = option_slot(c, name);
        const char *value = eq ? eq + 1 : (*i + 1 < argc ? argv[++*i] : NULL);
        if (!value || (!eq && !*value))
            rc = cli_usage_error(c, "this option needs a value:", arg);
        else if (strcmp(name, "by") == 0 && c->n_by == ANSWERS_BY_MAX)
            rc = cli_usage_error(c,
                                 "--by is given more than twice; a view crosses at most two "
                                 "fields, not",
                                 value);
        else if (strcmp(name, "by") == 0)
            c->by[c->n_by++] = value; /* checked with the other --by */
        else if (strcmp(name, "scale") == 0 && c->n_scales == CLI_SCALES_MAX)
            rc = cli_usage_error(c, "--scale is given too many times, at", value);
        else if (strcmp(name, "scale") == 0)
            c->scales[c->n_scales++] = value; /* checked by import_options_of */
        else if (strcmp(name, "headcount") == 0 && c->n_headcounts == CLI_HEADCOUNTS_MAX)
            rc = cli_usage_error(c, "--headcount is given too many times, at", value);
        else if (strcmp(name, "headcount") == 0 && c->headcount &&
                 (strcmp(c->cmd->name, "assess") == 0 || strcmp(c->cmd->name, "share") == 0))
            rc = cli_usage_error(c, "this option is given twice:", arg);
        else if (strcmp(name, "headcount") == 0) {
            /* compare and trend: one per assessment, checked with the assessments */
            c->headcounts[c->n_headcounts++] = value;
            if (!c->headcount)
                c->headcount = value;
        } else if (*slot)
            rc = cli_usage_error(c, "this option is given twice:", arg);
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
        return cli_usage_error(
            c, "--jobs takes a number of threads from 1 to " STAGEGAP_STR(JOBS_MAX) ", not",
            c->jobs);
    c->n_jobs = (unsigned)n;
    return 0;
}

unsigned cli_jobs(const struct cli *c)
{
    if (c->n_jobs)
        return c->n_jobs;
    unsigned cpus = workq_cpus();
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
        return cli_usage_error(c, "missing argument", NULL);
    if (c->n_args > c->cmd->max_args)
        return cli_usage_error(c, "unexpected argument", c->args[c->cmd->max_args]);
    return 0;
}

/* ---- shared steps ---- */

int cli_load_rules(struct cli *c, struct rules *r)
{
    struct diags d;
    diags_init(&d);
    int rc = c->rules_path ? rules_load_file(r, c->rules_path, &d) : rules_load_default(r, &d);
    int code = rc == 0 ? EXIT_OK : cli_print_diags(c, &d);
    diags_release(&d);
    return code;
}

/*
 * A Word or OpenDocument file is a zip archive: like gzip, it is not written to a
 * terminal, where it would be noise (or control sequences); --output or a redirection
 * says where it goes.
 */
static int check_binary_out(struct cli *c)
{
    if (!cli_to_stdout(c) || !platform_is_terminal(c->out))
        return 0;
    struct strbuf msg = STRBUF_INIT;
    strbuf_addf(&msg,
                "--format %s writes a binary file, which is not written to a terminal: give "
                "--output FILE, or redirect standard output",
                c->format);
    int rc = cli_usage_error(c, strbuf_str(&msg), NULL);
    strbuf_release(&msg);
    return rc;
}

int cli_check_format(struct cli *c, const char *const *allowed)
{
    if (!c->format)
        return 0;
    for (size_t i = 0; allowed[i]; i++)
        if (strcmp(c->format, allowed[i]) == 0)
            return report_format_is_office(c->format) ? check_binary_out(c) : 0;
    if (report_format_is_office(c->format))
        return cli_usage_error(c, "only assess writes the format", c->format);
    return cli_usage_error(c, "unknown format", c->format);
}

/* "-" names standard input, which can be read once. */
int cli_check_stdin_once(struct cli *c)
{
    size_t uses = c->plan && strcmp(c->plan, "-") == 0;
    uses += c->accept && strcmp(c->accept, "-") == 0;
    for (size_t i = 0; i < c->n_headcounts; i++)
        uses += strcmp(c->headcounts[i], "-") == 0;
    uses += c->update && strcmp(c->update, "-") == 0;
    uses += c->evidence && strcmp(c->evidence, "-") == 0;
    for (size_t i = 0; i < c->n_args; i++)
        uses += strcmp(c->args[i], "-") == 0;
    return uses > 1 ? cli_usage_error(c, "standard input can be read only once:", "-") : 0;
}

int cli_load_accept(struct cli *c, const struct rules *r, struct accept *a)
{
    if (!c->accept)
        return EXIT_OK;
    int rc = cli_check_stdin_once(c);
    if (rc)
        return rc;
    struct diags d;
    diags_init(&d);
    accept_load_file(a, r, c->accept, &d);
    rc = cli_print_problems(c, &d);
    diags_release(&d);
    return rc;
}

int cli_load_evidence(struct cli *c, const struct rules *r, size_t min_group, struct evidence *e)
{
    if (!c->evidence)
        return EXIT_OK;
    int rc = cli_check_stdin_once(c);
    if (rc)
        return rc;
    struct diags d;
    diags_init(&d);
    evidence_load_file(e, r, min_group, c->evidence, &d);
    rc = cli_print_problems(c, &d);
    diags_release(&d);
    return rc;
}

/*
 * --date that is not a date: one written YYYY-MM-DD but not on the calendar (2026-02-30)
 * is told so, rather than how to write it.
 */
int cli_date_error(struct cli *c)
{
    int64_t days;
    if (strlen(c->date) == 10 && date_parse_days(c->date, &days))
        return cli_usage_error(c, "--date takes a real day, and the calendar has no", c->date);
    return cli_usage_error(c, "--date takes a date written YYYY-MM-DD, not", c->date);
}

/* Reads every ANSWERS argument into one assessment; any problem fails the whole run. */
int cli_load_assessment(struct cli *c, struct assessment *a, char **paths, size_t n)
{
    struct diags d;
    int rc = cli_check_stdin_once(c);
    if (rc)
        return rc;
    diags_init(&d);
    a->jobs = cli_jobs(c);
    assessment_add_paths(a, (const char *const *)paths, n, false, &d);
    int code = cli_print_problems(c, &d);
    diags_release(&d);
    return code;
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
            return cli_usage_error(c, "no command called", c->args[0]);
        }
        command_help(&sb, cmd);
    }
    int rc = cli_write_stream(c->out, strbuf_str(&sb), sb.len, "standard output", c->err);
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
    cli_today(c.today);
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        struct strbuf sb = STRBUF_INIT;
        general_help(&sb);
        int rc = cli_write_stream(argc < 2 ? err : out, strbuf_str(&sb), sb.len, "output", err);
        strbuf_release(&sb);
        return argc < 2 ? EXIT_USAGE : rc;
    }
    if (strcmp(argv[1], "--version") == 0) {
        const char *v = "stagegap " STAGEGAP_VERSION "\n";
        return cli_write_stream(out, v, strlen(v), "standard output", err);
    }
    c.cmd = find_command(argv[1]);
    if (!c.cmd) {
        const char *names[sizeof(commands) / sizeof(commands[0])];
        for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
            names[i] = commands[i].name;
        const char *near = text_did_you_mean(argv[1], names, sizeof(names) / sizeof(names[0]));
        return usage_error_near(&c, argv[1][0] == '-' ? "unknown option" : "unknown command",
                                argv[1], "", near);
    }
    if (wants_help(argc, argv)) {
        struct strbuf sb = STRBUF_INIT;
        command_help(&sb, c.cmd);
        int rc = cli_write_stream(out, strbuf_str(&sb), sb.len, "standard output", err);
        strbuf_release(&sb);
        return rc;
    }
    int rc = parse_args(&c, argc, argv);
    if (rc == 0)
        rc = c.cmd->run(&c);
    free(c.args);
    return rc;
}
