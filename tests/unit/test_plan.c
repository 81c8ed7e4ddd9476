/*
 * test_plan.c - action plans: the loader (every mistake a person can make, each with
 * its exact message, line and column, and the limits), the writer (a new plan, and
 * hostile organisation names and titles that must stay inert), and the update (the old
 * bytes kept exactly, in every layout a person may leave a file in).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "answers.h"
#include "plan.h"
#include "plan_write.h"
#include "score.h"
#include "strbuf.h"

/* The test model with a second suggestion, in its later stage. */
static char *two_suggestions(void)
{
    return rules_with("      - {id: later.context, text: Context only, level: systems}\n",
                      "      - {id: later.context, text: Context only, level: systems}\n"
                      "    suggestions:\n"
                      "      - {id: later.do-habit, text: Build the habit, level: people,\n"
                      "         question: Q?, addresses: [later.habit]}\n");
}

/* Lines: 1 format, 2 rules, 3 organisation, 4 assessed, 5 actions:, 6 comment, 7-15. */
static const char *const base_plan = "format: stagegap-plan/1\n"
                                     "rules: tiny\n"
                                     "organisation: Anytown\n"
                                     "assessed: 2026-04-15\n"
                                     "actions:\n"
                                     "  # 1. Make a plan\n"
                                     "  - action: start.do-plan\n"
                                     "    priority: 1\n"
                                     "    addresses:\n"
                                     "      - {item: start.plan, answer: 3.0}\n"
                                     "    owner: Jo\n"
                                     "    due: 2026-06-30\n"
                                     "    status: planned\n"
                                     "    done:\n"
                                     "    note:\n";

struct fixture {
    struct rules rules;
    struct plan plan;
    struct diags d;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    diags_init(&f->d);
    char *yaml = two_suggestions();
    int rc = load_rules_text(&f->rules, yaml, &f->d);
    free(yaml);
    plan_init(&f->plan);
    *state = f;
    return rc;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    plan_release(&f->plan);
    rules_release(&f->rules);
    diags_release(&f->d);
    free(f);
    return 0;
}

static int load(struct fixture *f, const char *yaml)
{
    plan_release(&f->plan);
    diags_release(&f->d);
    diags_init(&f->d);
    return plan_load_buffer(&f->plan, &f->rules, "p.yaml", yaml, strlen(yaml), &f->d);
}

/* base_plan with the first from replaced by to (malloc'd). */
static char *plan_with(const char *base, const char *from, const char *to)
{
    const char *at = strstr(base, from);
    if (!at)
        fail_msg("'%s' is not in the plan", from);
    struct strbuf sb = STRBUF_INIT;
    strbuf_add(&sb, base, (size_t)(at - base));
    strbuf_adds(&sb, to);
    strbuf_adds(&sb, at + strlen(from));
    return strbuf_detach(&sb, NULL);
}

/* base_plan edited once fails with this problem (among others when more is given). */
static void expect(struct fixture *f, const char *from, const char *to, unsigned line,
                   unsigned column, const char *msg, bool only)
{
    char *yaml = plan_with(base_plan, from, to);
    assert_int_equal(load(f, yaml), -1);
    assert_diag(&f->d, line, column, msg);
    if (only && f->d.errors != 1) {
        print_diags(&f->d);
        fail_msg("expected one problem, got %zu", f->d.errors);
    }
    assert_int_equal(f->plan.n_actions, 0);
    free(yaml);
}

/* ---- the loader ---- */

static void test_plan_valid_file_loads(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(load(f, base_plan), 0);
    assert_int_equal(f->d.n, 0);
    const struct plan *p = &f->plan;
    assert_string_equal(p->file, "p.yaml");
    assert_string_equal(p->rules_id, "tiny");
    assert_string_equal(p->organisation, "Anytown");
    assert_string_equal(p->assessed, "2026-04-15");
    assert_int_equal(p->n_actions, 1);
    const struct plan_action *a = &p->actions[0];
    assert_string_equal(f->rules.items[a->item].id, "start.do-plan");
    assert_int_equal(a->line, 7);
    assert_int_equal(a->column, 5);
    assert_int_equal(a->priority, 1);
    assert_int_equal(a->n_gaps, 1);
    assert_string_equal(f->rules.items[a->gaps[0].item].id, "start.plan");
    assert_string_equal(a->gaps[0].answer, "3.0");
    assert_string_equal(a->owner, "Jo");
    assert_string_equal(a->due, "2026-06-30");
    assert_int_equal(a->status, PLAN_PLANNED);
    assert_null(a->done);
    assert_null(a->note);
    assert_true(plan_action_open(a));
}

static void test_plan_fields_and_words(void **state)
{
    struct fixture *f = *state;
    char *yaml = plan_with(base_plan, "    status: planned\n    done:\n",
                           "    status: done\n    done: 2026-05-01\n");
    assert_int_equal(load(f, yaml), 0);
    assert_int_equal(f->plan.actions[0].status, PLAN_DONE);
    assert_string_equal(f->plan.actions[0].done, "2026-05-01");
    assert_false(plan_action_open(&f->plan.actions[0]));
    free(yaml);
    /* "in-progress" is read as "in progress"; a gap's answer may be n/a, unknown or blank;
       organisation, priority and addresses may be left out. */
    yaml = plan_with(base_plan, "status: planned", "status: in-progress");
    char *y2 = plan_with(yaml, "answer: 3.0", "answer: n/a");
    char *y3 = plan_with(y2, "organisation: Anytown\n", "");
    char *y4 = plan_with(y3, "    priority: 1\n", "");
    assert_int_equal(load(f, y4), 0);
    assert_int_equal(f->plan.actions[0].status, PLAN_IN_PROGRESS);
    assert_string_equal(f->plan.actions[0].gaps[0].answer, "n/a");
    assert_null(f->plan.organisation);
    assert_int_equal(f->plan.actions[0].priority, 0);
    free(y4);
    free(y3);
    free(y2);
    free(yaml);
    yaml = plan_with(base_plan, "{item: start.plan, answer: 3.0}", "{item: start.plan}");
    assert_int_equal(load(f, yaml), 0);
    assert_null(f->plan.actions[0].gaps[0].answer);
    free(yaml);
    yaml = plan_with(base_plan, "    addresses:\n      - {item: start.plan, answer: 3.0}\n", "");
    assert_int_equal(load(f, yaml), 0);
    assert_int_equal(f->plan.actions[0].n_gaps, 0);
    free(yaml);
    /* An empty list of actions, or none at all. */
    assert_int_equal(load(f, "format: stagegap-plan/1\nrules: tiny\nassessed: 2026-04-15\n"
                             "actions: []\n"),
                     0);
    assert_int_equal(f->plan.n_actions, 0);
    assert_int_equal(load(f, "format: stagegap-plan/1\nrules: tiny\nassessed: 2026-04-15\n"
                             "actions:\n"),
                     0);
    assert_string_equal(plan_status_name(PLAN_IN_PROGRESS), "in progress");
    assert_string_equal(plan_status_name(PLAN_DROPPED), "dropped");
}

static void test_plan_header_errors(void **state)
{
    struct fixture *f = *state;
    expect(f, "format: stagegap-plan/1\n", "", 1, 1,
           "no 'format' key; a plan file starts with 'format: stagegap-plan/1'", true);
    expect(f, "stagegap-plan/1", "stagegap-plan/2", 1, 9, "format must be 'stagegap-plan/1'", true);
    expect(f, "stagegap-plan/1", "stagegap-answers/1", 1, 9,
           "this is an answers file, not a plan; 'stagegap plan ANSWERS...' makes a plan", true);
    expect(f, "stagegap-plan/1", "stagegap-rules/1", 1, 9,
           "this is a rules file, not a plan; 'stagegap plan ANSWERS...' makes a plan", true);
    expect(f, "rules: tiny", "rules: signs-of-safety", 2, 8,
           "this plan is for the model 'signs-of-safety', but the rules loaded are 'tiny'; "
           "pass the matching rules with --rules",
           true);
    expect(f, "assessed: 2026-04-15\n", "", 1, 1,
           "the plan file is missing the required key 'assessed'", true);
    expect(f, "assessed: 2026-04-15", "assesed: 2026-04-15", 4, 1,
           "unknown key 'assesed' in the plan file; did you mean 'assessed'?", false);
    expect(f, "assessed: 2026-04-15", "assessed: 2026-13-01", 4, 11,
           "assessed must be a calendar date written YYYY-MM-DD, like 2026-09-30, not "
           "'2026-13-01'",
           true);
    expect(f, "assessed: 2026-04-15", "assessed:", 4, 10,
           "assessed must be the date of the assessment the plan was made from, written "
           "YYYY-MM-DD",
           true);
    expect(f, "actions:\n", "actions: {}\nx:\n", 5, 10, "actions must be a list, not a mapping",
           false);
}

static void test_plan_action_id_errors(void **state)
{
    struct fixture *f = *state;
    expect(f, "action: start.do-plan", "action: start.do-plna", 7, 13,
           "unknown action 'start.do-plna' in model 'tiny'; did you mean 'start.do-plan'?", true);
    expect(f, "action: start.do-plan", "action: nothing-like-it", 7, 13,
           "unknown action 'nothing-like-it' in model 'tiny'; 'stagegap rules' lists the "
           "model's ids",
           true);
    expect(f, "action: start.do-plan", "action: start.fatigue", 7, 13,
           "'start.fatigue' is a barrier, not a suggestion; an action is one of the model's "
           "suggestions",
           true);
    expect(f, "    note:\n", "    note:\n  - {action: start.do-plan, status: planned}\n", 16, 14,
           "action 'start.do-plan' is in the plan twice, first at line 7; keep one", true);
    expect(f, "    owner: Jo", "    ownr: Jo", 11, 5,
           "unknown key 'ownr' in an action; did you mean 'owner'?", true);
    expect(f, "    status: planned\n", "", 7, 5, "an action is missing the required key 'status'",
           true);
    expect(f, "    priority: 1", "    priority: first", 8, 15,
           "priority must be a number, not 'first'", false);
}

static void test_plan_gap_errors(void **state)
{
    struct fixture *f = *state;
    expect(f, "item: start.plan", "item: start.plam", 10, 16,
           "unknown item 'start.plam' in model 'tiny'; did you mean 'start.plan'?", true);
    expect(f, "item: start.plan", "item: start.training", 10, 16,
           "'start.training' is not a gap 'start.do-plan' addresses in model 'tiny'; list only "
           "the items its rules entry addresses",
           true);
    expect(f, "      - {item: start.plan, answer: 3.0}\n",
           "      - {item: start.plan, answer: 3.0}\n      - {item: start.plan}\n", 11, 16,
           "gap 'start.plan' is listed twice for this action, first at line 10", true);
    expect(f, "answer: 3.0", "answer: lots", 10, 36,
           "the answer recorded for 'start.plan' must be a number from 0 to 10, n/a or "
           "unknown, not 'lots'",
           true);
    expect(f, "answer: 3.0", "answer: 11", 10, 36,
           "the answer recorded for 'start.plan' must be from 0 to 10, not 11", true);
    expect(f, "{item: start.plan, answer: 3.0}", "{item: start.plan, score: 3.0}", 10, 28,
           "unknown key 'score' in a gap an action addresses", false);
    expect(f, "      - {item: start.plan, answer: 3.0}", "      - start.plan", 10, 9,
           "a gap an action addresses must be a mapping, not text", true);
}

static void test_plan_status_and_date_errors(void **state)
{
    struct fixture *f = *state;
    expect(f, "due: 2026-06-30", "due: 2026-02-30", 12, 10,
           "due must be a calendar date written YYYY-MM-DD, like 2026-09-30, not '2026-02-30'",
           true);
    expect(f, "due: 2026-06-30", "due: 30/06/2026", 12, 10,
           "due must be a calendar date written YYYY-MM-DD, like 2026-09-30, not '30/06/2026'",
           true);
    expect(f, "status: planned", "status: Done", 13, 13,
           "status must be planned, in progress, done or dropped, not 'Done'; did you mean "
           "'done'?",
           true);
    expect(f, "status: planned", "status: finished", 13, 13,
           "status must be planned, in progress, done or dropped, not 'finished'", true);
    expect(f, "status: planned", "status:", 13, 12,
           "status must be planned, in progress, done or dropped, not nothing", true);
    expect(f, "status: planned", "status: done", 13, 13,
           "status is done but no date done is given; write the date it was done as done: "
           "YYYY-MM-DD",
           true);
    expect(f, "    done:\n", "    done: 2026-05-01\n", 14, 11,
           "done: 2026-05-01 but status is 'planned'; set status: done or clear the date", true);
    expect(f, "    done:\n", "    done: 2026-02-29\n", 14, 11,
           "done must be a calendar date written YYYY-MM-DD, like 2026-09-30, not '2026-02-29'",
           true);
    expect(f, "    owner: Jo", "    owner: [Jo, Al]", 11, 12, "owner must be text, not a list",
           true);
}

static void test_plan_hostile_and_limits(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(load(f, ""), -1);
    assert_diag(&f->d, 1, 1, "empty file; a plan file starts with 'format: stagegap-plan/1'");
    assert_int_equal(load(f, "- a\n"), -1);
    assert_diag(&f->d, 1, 1, "a plan file must be a mapping, not a list");
    char *yaml = plan_with(base_plan, "organisation: Anytown", "organisation: &o Anytown");
    assert_int_equal(load(f, yaml), -1);
    assert_diag(&f->d, 3, 15,
                "anchors ('&') are not allowed in a stagegap file; write the value out");
    free(yaml);
    /* More actions than a plan may hold. */
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, "format: stagegap-plan/1\nrules: tiny\nassessed: 2026-04-15\nactions:\n");
    for (int k = 0; k <= PLAN_ACTIONS_MAX; k++)
        strbuf_adds(&sb, "- {action: start.do-plan, status: planned}\n");
    assert_int_equal(load(f, strbuf_str(&sb)), -1);
    assert_diag(&f->d, 5 + PLAN_ACTIONS_MAX, 3, "more than 2000 actions in one plan");
    strbuf_release(&sb);
    /* A file too big, a directory: refused before any parsing. */
    char *dir = test_temp_dir("plan");
    char *big = test_join(dir, "big.yaml");
    FILE *fp = fopen(big, "w");
    for (size_t k = 0; k <= PLAN_FILE_MAX / 64; k++)
        fputs("# a comment line that is sixty-four bytes long, padding padding\n", fp);
    fclose(fp);
    diags_release(&f->d);
    diags_init(&f->d);
    assert_int_equal(plan_load_file(&f->plan, &f->rules, big, &f->d), -1);
    assert_diag(&f->d, 0, 0, "file is larger than the limit of 1048576 bytes");
    diags_release(&f->d);
    diags_init(&f->d);
    assert_int_equal(plan_load_file(&f->plan, &f->rules, dir, &f->d), -1);
    assert_diag(&f->d, 0, 0, "is a directory, not a file");
    test_write_file(dir, "ok.yaml", base_plan);
    char *ok = test_join(dir, "ok.yaml");
    diags_release(&f->d);
    diags_init(&f->d);
    assert_int_equal(plan_load_file(&f->plan, &f->rules, ok, &f->d), 0);
    assert_int_equal(f->plan.n_actions, 1);
    test_remove_tree(dir);
    free(ok);
    free(big);
    free(dir);
}

/* ---- the writer ---- */

struct scored {
    struct assessment a;
    struct score s;
};

/* Scores one answers file of the fixture's model. */
static void score_answers(struct fixture *f, struct scored *sc, const char *organisation,
                          const char *date, const char *plan_answer, const char *habit_answer)
{
    struct strbuf yaml = STRBUF_INIT;
    strbuf_adds(&yaml, "format: stagegap-answers/1\nrules: tiny\norganisation: ");
    strbuf_adds(&yaml, organisation);
    strbuf_addf(&yaml,
                "\ndate: %s\nanswers:\n  start.plan: 2\n  start.training: 8\n"
                "  start.fatigue: 1\n  start.do-plan: %s\n  later.habit: 3\n"
                "  later.do-habit: %s\n",
                date, plan_answer, habit_answer);
    assessment_init(&sc->a, &f->rules);
    if (assessment_add_buffer(&sc->a, "a.yaml", strbuf_str(&yaml), yaml.len, false, &f->d) != 0)
        print_diags(&f->d), fail();
    score_init(&sc->s);
    score_compute(&sc->s, &f->rules, &sc->a);
    strbuf_release(&yaml);
}

static void scored_release(struct scored *sc)
{
    score_release(&sc->s);
    assessment_release(&sc->a);
}

static void test_plan_write_new(void **state)
{
    struct fixture *f = *state;
    struct scored sc;
    struct strbuf out = STRBUF_INIT;
    score_answers(f, &sc, "Anytown", "2026-04-15", "1", "2");
    plan_write_new(&sc.s, "9.9", 0, &out);
    assert_string_equal(
        strbuf_str(&out),
        "# Action plan for Anytown, made by stagegap 9.9 from the assessment of 2026-04-15\n"
        "# against tiny 1.0.\n"
        "#\n"
        "# Fill in, for each action: owner (who leads it), due (YYYY-MM-DD), status\n"
        "# (planned, in progress, done or dropped), done (the date it was done,\n"
        "# YYYY-MM-DD) and note (anything else). Leave the rest as it is: stagegap reads\n"
        "# it back. Run\n"
        "#   stagegap plan --update THIS-FILE NEXT-ASSESSMENT...\n"
        "# to add the next assessment's new actions; nothing you wrote here is changed.\n"
        "#\n"
        "# A gap is an answer below the best end of the scale (for a barrier: above \"not a\n"
        "# problem\"); it is closed when it reaches that end.\n"
        "#\n"
        "# Caveat: No evidence at all.\n"
        "format: stagegap-plan/1\n"
        "rules: tiny\n"
        "organisation: \"Anytown\"\n"
        "assessed: 2026-04-15\n"
        "actions:\n"
        "  # 1. Make a plan (Start; addresses gaps worth 32.0 points)\n"
        "  - action: start.do-plan\n"
        "    priority: 1\n"
        "    addresses: # the gaps it addresses, and their answers on 2026-04-15\n"
        "      - {item: start.plan, answer: 2.0}\n"
        "    owner:\n"
        "    due:\n"
        "    status: planned\n"
        "    done:\n"
        "    note:\n"
        "  # 2. Build the habit (Later; addresses gaps worth 35.0 points)\n"
        "  - action: later.do-habit\n"
        "    priority: 2\n"
        "    addresses: # the gaps it addresses, and their answers on 2026-04-15\n"
        "      - {item: later.habit, answer: 3.0}\n"
        "    owner:\n"
        "    due:\n"
        "    status: planned\n"
        "    done:\n"
        "    note:\n");
    /* It reads back; --top 1 lists the first only. */
    assert_int_equal(plan_load_buffer(&f->plan, &f->rules, "new.yaml", out.buf, out.len, &f->d), 0);
    assert_int_equal(f->plan.n_actions, 2);
    strbuf_reset(&out);
    plan_write_new(&sc.s, "9.9", 1, &out);
    assert_non_null(strstr(strbuf_str(&out), "start.do-plan"));
    assert_null(strstr(strbuf_str(&out), "later.do-habit"));
    scored_release(&sc);
    /* Nothing to do: an empty list, said in a comment. */
    score_answers(f, &sc, "Anytown", "2026-04-15", "9", "9");
    strbuf_reset(&out);
    plan_write_new(&sc.s, "9.9", 0, &out);
    assert_non_null(strstr(strbuf_str(&out), "# on addresses a gap.\nactions: []\n"));
    assert_int_equal(load(f, strbuf_str(&out)), 0);
    assert_int_equal(f->plan.n_actions, 0);
    scored_release(&sc);
    strbuf_release(&out);
}

/* True when no line of text starts (after blanks) with key. */
static bool no_line_starts(const char *text, const char *key)
{
    for (const char *p = text; p; p = strchr(p, '\n')) {
        p += *p == '\n';
        while (*p == ' ')
            p++;
        if (strncmp(p, key, strlen(key)) == 0)
            return false;
    }
    return true;
}

static void test_plan_write_hostile_text(void **state)
{
    struct fixture *f = *state;
    /* A title and a stage name that would end a comment and start keys. */
    char *r1 = two_suggestions();
    char *r2 = plan_with(r1, "text: Make a plan", "text: \"Make\\nowner: evil\\r\\u2028x\\e[31m\"");
    char *r3 = plan_with(r2, "title: Start", "title: \"S\\u0085note: evil\"");
    rules_release(&f->rules);
    assert_int_equal(load_rules_text(&f->rules, r3, &f->d), 0);
    struct scored sc;
    struct strbuf out = STRBUF_INIT;
    score_answers(f, &sc,
                  "\"Evil\\nformat: x\\r\\n# \\u2028actions: []\\x1b]0;t\\x07\\\" \\\\ \\uFFFE\"",
                  "2026-04-15", "1", "2");
    plan_write_new(&sc.s, "9.9", 0, &out);
    const char *text = strbuf_str(&out);
    assert_null(strchr(text, '\r'));
    assert_null(strchr(text, '\x1b'));
    assert_null(strstr(text, "\xe2\x80\xa8"));
    assert_null(strstr(text, "\xc2\x85"));
    assert_true(no_line_starts(text, "format: x"));
    assert_true(no_line_starts(text, "owner: evil"));
    assert_true(no_line_starts(text, "note: evil"));
    assert_true(no_line_starts(text, "actions: []"));
    assert_non_null(strstr(text, "# 1. Make owner: evil\\x0d x\\x1b[31m (S\\x85note: evil;"));
    assert_non_null(strstr(text, "organisation: \"Evil\\nformat: x\\x0d\\n# \\u2028actions: "
                                 "[]\\x1b]0;t\\x07\\\" \\\\ \\ufffe\"\n"));
    /* It reads back, with the organisation as it was. */
    assert_int_equal(load(f, text), 0);
    assert_string_equal(f->plan.organisation, sc.a.organisation);
    assert_int_equal(f->plan.n_actions, 2);
    scored_release(&sc);
    strbuf_release(&out);
    free(r3);
    free(r2);
    free(r1);
}

/* ---- the update ---- */

/* Updates old (loaded first) with sc; out gets the result, notes the notes. */
static int update(struct fixture *f, const char *old, const struct scored *sc, size_t top,
                  struct strbuf *out, struct strbuf *notes)
{
    if (load(f, old) != 0)
        print_diags(&f->d), fail();
    struct plan_source src = {&f->plan, old, strlen(old)};
    return plan_write_update(&src, &sc->s, top, out, notes, &f->d);
}

/* new is old with added inserted at offset at: nothing of old changed. */
static void assert_inserted(const char *old, const char *new, size_t at, const char *added)
{
    size_t n = strlen(added);
    assert_int_equal(strlen(new), strlen(old) + n);
    assert_memory_equal(new, old, at);
    assert_memory_equal(new + at, added, n);
    assert_string_equal(new + at + n, old + at);
}

static const char *const appended =
    "  # 2. Build the habit (Later; addresses gaps worth 35.0 points; added from the\n"
    "  #    assessment of 2026-07-14)\n"
    "  - action: later.do-habit\n"
    "    priority: 2\n"
    "    addresses: # the gaps it addresses, and their answers on 2026-07-14\n"
    "      - {item: later.habit, answer: 3.0}\n"
    "    owner:\n"
    "    due:\n"
    "    status: planned\n"
    "    done:\n"
    "    note:\n";

static void test_plan_update_keeps_every_byte(void **state)
{
    struct fixture *f = *state;
    struct scored sc;
    struct strbuf out = STRBUF_INIT, notes = STRBUF_INIT;
    score_answers(f, &sc, "Anytown", "2026-07-14", "1", "2");
    /* Keys reordered, comments, blank lines, quoting, a block scalar; a comment indented
       under the last action stays with it; one at the list's own level comes after. */
    const char *old = "# my own heading\n"
                      "format: stagegap-plan/1\n"
                      "rules: tiny\n"
                      "assessed: 2026-04-15\n"
                      "actions:\n"
                      "  - status: 'in progress'   # Jo is on it\n"
                      "\n"
                      "    action: start.do-plan\n"
                      "    owner: \"Jo\"\n"
                      "    note: |\n"
                      "      first line\n"
                      "      second line\n"
                      "    # about this action\n"
                      "  # the end of our list\n"
                      "organisation: Anytown\n";
    assert_int_equal(update(f, old, &sc, 0, &out, &notes), 0);
    const char *at = strstr(old, "  # the end");
    char *want = plan_with(appended, "# 2.", "# 1.");
    char *want2 = plan_with(want, "priority: 2", "priority: 1"); /* no priority given before */
    assert_inserted(old, strbuf_str(&out), (size_t)(at - old), want2);
    /* A success is said, so that an update in place is not silent. */
    assert_string_equal(strbuf_str(&notes),
                        "added 1 action from the assessment of 2026-07-14, after the plan's own\n");
    assert_int_equal(load(f, strbuf_str(&out)), 0);
    assert_int_equal(f->plan.n_actions, 2);
    free(want2);
    free(want);
    /* The base plan, its list last: appended at the end. */
    strbuf_reset(&out);
    assert_int_equal(update(f, base_plan, &sc, 0, &out, &notes), 0);
    assert_inserted(base_plan, strbuf_str(&out), strlen(base_plan), appended);
    /* --top 1: the first action is in the plan already; nothing new, the bytes as they were. */
    strbuf_reset(&out);
    strbuf_reset(&notes);
    assert_int_equal(update(f, base_plan, &sc, 1, &out, &notes), 0);
    assert_string_equal(strbuf_str(&out), base_plan);
    assert_string_equal(strbuf_str(&notes),
                        "nothing new to add: the assessment of 2026-07-14 has every one of its "
                        "first actions to take in the plan already\n");
    scored_release(&sc);
    strbuf_release(&notes);
    strbuf_release(&out);
}

static void test_plan_update_line_ends_and_layouts(void **state)
{
    struct fixture *f = *state;
    struct scored sc;
    struct strbuf out = STRBUF_INIT, notes = STRBUF_INIT, crlf = STRBUF_INIT, want = STRBUF_INIT;
    score_answers(f, &sc, "Anytown", "2026-07-14", "1", "2");
    /* CR LF line ends, and no line break at the end: the new lines follow the file's. */
    for (const char *p = base_plan; *p; p++)
        strbuf_adds(&crlf, *p == '\n' ? "\r\n" : (char[]){*p, 0});
    crlf.buf[crlf.len -= 2] = '\0';
    strbuf_adds(&want, "\r\n");
    for (const char *p = appended; *p; p++)
        strbuf_adds(&want, *p == '\n' ? "\r\n" : (char[]){*p, 0});
    assert_int_equal(update(f, strbuf_str(&crlf), &sc, 0, &out, &notes), 0);
    assert_inserted(strbuf_str(&crlf), strbuf_str(&out), crlf.len, strbuf_str(&want));
    /* An indentless list with a wider gap after the dash: the same indentation. */
    const char *flat = "format: stagegap-plan/1\nrules: tiny\nassessed: 2026-04-15\nactions:\n"
                       "-   action: start.do-plan\n    status: planned\n";
    strbuf_reset(&out);
    assert_int_equal(update(f, flat, &sc, 0, &out, &notes), 0);
    assert_non_null(strstr(strbuf_str(&out), "    status: planned\n# 1. Build the habit"));
    assert_non_null(strstr(strbuf_str(&out), "\n-   action: later.do-habit\n    priority: 1\n"
                                             "    addresses: # the gaps"));
    assert_int_equal(load(f, strbuf_str(&out)), 0);
    /* "actions: []" gives way to the list, its comment kept; the list need not be last. */
    const char *empty = "format: stagegap-plan/1\nrules: tiny\nactions: [] # none yet\n"
                        "assessed: 2026-04-15\n";
    strbuf_reset(&out);
    assert_int_equal(update(f, empty, &sc, 1, &out, &notes), 0);
    assert_non_null(strstr(strbuf_str(&out), "rules: tiny\nactions: # none yet\n"
                                             "  # 1. Make a plan (Start; addresses gaps worth"));
    assert_non_null(strstr(strbuf_str(&out), "    note:\nassessed: 2026-04-15\n"));
    assert_int_equal(load(f, strbuf_str(&out)), 0);
    assert_int_equal(f->plan.n_actions, 1);
    /* "actions:" left empty at the end of a file with no final line break. */
    const char *bare = "format: stagegap-plan/1\nrules: tiny\nassessed: 2026-04-15\nactions:";
    strbuf_reset(&out);
    assert_int_equal(update(f, bare, &sc, 1, &out, &notes), 0);
    assert_int_equal(strncmp(strbuf_str(&out),
                             "format: stagegap-plan/1\nrules: tiny\n"
                             "assessed: 2026-04-15\nactions:\n  # 1. Make",
                             strlen(bare) + 11),
                     0);
    assert_int_equal(load(f, strbuf_str(&out)), 0);
    scored_release(&sc);
    strbuf_release(&want);
    strbuf_release(&crlf);
    strbuf_release(&notes);
    strbuf_release(&out);
}

static void test_plan_update_refuses_and_notes(void **state)
{
    struct fixture *f = *state;
    struct scored sc;
    struct strbuf out = STRBUF_INIT, notes = STRBUF_INIT;
    score_answers(f, &sc, "Anytown", "2026-07-14", "1", "2");
    const char *flow = "format: stagegap-plan/1\nrules: tiny\nassessed: 2026-04-15\n"
                       "actions: [{action: start.do-plan, status: planned}]\n";
    assert_int_equal(update(f, flow, &sc, 0, &out, &notes), -1);
    assert_diag(&f->d, 4, 10,
                "the actions are written in brackets [...]; --update appends to a list written "
                "one '- action:' a line, and will not rewrite yours");
    assert_int_equal(out.len, 0);
    const char *braces = "{format: stagegap-plan/1, rules: tiny, assessed: 2026-04-15, "
                         "actions: []}";
    assert_int_equal(update(f, braces, &sc, 0, &out, &notes), -1);
    assert_diag(&f->d, 1, 1,
                "this plan is written in braces; --update appends to a list written one "
                "'- action:' a line, and will not rewrite yours");
    assert_int_equal(out.len, 0);
    scored_release(&sc);
    /* The new assessment no longer ranks the planned action: its gap is closed. */
    score_answers(f, &sc, "Anytown", "2026-07-14", "1", "2");
    scored_release(&sc);
    struct scored closed;
    struct strbuf yaml = STRBUF_INIT;
    strbuf_adds(&yaml, "format: stagegap-answers/1\nrules: tiny\norganisation: Anytown\n"
                       "date: 2026-07-14\nanswers:\n  start.plan: 10\n  start.do-plan: 2\n"
                       "  later.habit: 3\n  later.do-habit: n/a\n");
    assessment_init(&closed.a, &f->rules);
    assert_int_equal(assessment_add_buffer(&closed.a, "b.yaml", yaml.buf, yaml.len, false, &f->d),
                     0);
    score_init(&closed.s);
    score_compute(&closed.s, &f->rules, &closed.a);
    strbuf_reset(&out);
    assert_int_equal(update(f, base_plan, &closed, 0, &out, &notes), 0);
    assert_string_equal(strbuf_str(&out), base_plan);
    assert_string_equal(strbuf_str(&notes),
                        "action 'start.do-plan' (line 7) is planned, but the assessment of "
                        "2026-07-14 has it as no action to take: no gap it addresses is open\n"
                        "nothing new to add: the assessment of 2026-07-14 has no actions to "
                        "take\n");
    scored_release(&closed);
    strbuf_release(&yaml);
    strbuf_release(&notes);
    strbuf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_plan_valid_file_loads, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_fields_and_words, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_header_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_action_id_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_gap_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_status_and_date_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_hostile_and_limits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_write_new, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_write_hostile_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_update_keeps_every_byte, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_update_line_ends_and_layouts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_update_refuses_and_notes, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
