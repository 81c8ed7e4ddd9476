/*
 * test_rules_overlay.c - overlays (extends:): how a base and an overlay merge, every
 * class of problem the loader refuses with its message and position, the merged model's
 * hash, hostile bases, and answers to a retired item.
 *
 * The base is test_rules_yaml (testutil.c), written as base.yaml in a temporary
 * directory; each overlay is written beside it and loaded as a file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "answers.h"
#include "rules_builtin.h"
#include "rules_render.h"
#include "score.h"
#include "sha256.h"
#include "strbuf.h"
#include "xalloc.h"

static char *dir;

static int setup(void **state)
{
    (void)state;
    dir = test_temp_dir("overlay");
    test_write_file(dir, "base.yaml", test_rules_yaml);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    test_remove_tree(dir);
    free(dir);
    return 0;
}

/* The overlay's first lines (1 format, 2 extends, 3 id, 4 version); body from line 5. */
#define HEAD "format: stagegap-rules/1\nextends: base.yaml\nid: local\nversion: \"2\"\n"

static int load_overlay(struct rules *r, const char *name, const char *yaml, struct diags *d)
{
    test_write_file(dir, name, yaml);
    char *path = test_join(dir, name);
    int rc = rules_load_file(r, path, d);
    free(path);
    return rc;
}

static char *with_head(const char *body)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, HEAD);
    strbuf_adds(&sb, body);
    return strbuf_detach(&sb, NULL);
}

/* Loads HEAD + body; expects exactly one error, at line:column of overlay.yaml, saying msg. */
static void expect_error(const char *body, unsigned line, unsigned column, const char *msg)
{
    struct rules r;
    struct diags d;
    diags_init(&d);
    char *yaml = with_head(body);
    assert_int_equal(load_overlay(&r, "overlay.yaml", yaml, &d), -1);
    assert_int_equal(r.n_items, 0);
    assert_diag(&d, line, column, msg);
    if (d.errors + d.io_errors != 1) {
        print_diags(&d);
        fail_msg("expected one problem, got %zu", d.errors + d.io_errors);
    }
    char *path = test_join(dir, "overlay.yaml");
    assert_string_equal(d.v[0].file, path);
    free(path);
    free(yaml);
    rules_release(&r);
    diags_release(&d);
}

/* Loads HEAD + body, which must be valid. */
static void load_ok(struct rules *r, const char *body)
{
    struct diags d;
    diags_init(&d);
    char *yaml = with_head(body);
    if (load_overlay(r, "overlay.yaml", yaml, &d) != 0) {
        print_diags(&d);
        fail_msg("the overlay did not load");
    }
    assert_int_equal(d.errors, 0);
    free(yaml);
    diags_release(&d);
}

static const struct rules_item *item(const struct rules *r, const char *id)
{
    long i = rules_find_item(r, id);
    assert_true(i >= 0);
    return &r->items[i];
}

static const char *const full_body =
    "title: Local\n"
    "add:\n"
    "  - stage: start\n"
    "    suggestions:\n"
    "      - {id: local.talk, text: Talk, level: people, question: Talked?,\n"
    "         addresses: [start.training, local.door]}\n"
    "    facilitators:\n"
    "      - {id: local.door, text: A door, level: systems, question: Door?,\n"
    "         target: {score: 6, by: 2027-03-31}}\n"
    "change:\n"
    "  - {item: start.plan, weight: 3, question: Is there a written plan?,\n"
    "     target: {score: 7, by: 2027-03-31}}\n"
    "  - {item: start.do-plan, addresses: [start.plan, local.door]}\n"
    "retire:\n"
    "  - {item: start.fatigue, reason: Not here}\n"
    "scoring: {acted-on: 0.8}\n";

/* Added items come after the base stage's items of their kind, in the overlay's order. */
static void test_rules_overlay_merge_order(void **state)
{
    (void)state;
    struct rules r;
    load_ok(&r, full_body);
    static const char *const order[] = {"start.plan",    "start.training", "local.door",
                                        "start.fatigue", "start.do-plan",  "local.talk",
                                        "later.habit",   "later.context"};
    assert_int_equal(r.n_items, 8);
    for (size_t i = 0; i < 8; i++)
        assert_string_equal(r.items[i].id, order[i]);
    assert_int_equal(r.stages[0].first_item, 0);
    assert_int_equal(r.stages[0].n_items, 6);
    assert_int_equal(r.stages[1].first_item, 6);
    assert_int_equal(r.stages[1].n_items, 2);
    assert_int_equal(item(&r, "local.door")->kind, ITEM_FACILITATOR);
    assert_int_equal(item(&r, "local.door")->line, 12);
    rules_release(&r);
}

/* What wins: the overlay's id, version, title, changed fields; the base's everything else. */
static void test_rules_overlay_merge_fields(void **state)
{
    (void)state;
    struct rules r;
    load_ok(&r, full_body);
    assert_string_equal(r.id, "local");
    assert_string_equal(r.version, "2");
    assert_string_equal(r.title, "Local");
    assert_string_equal(r.source.note, "No evidence at all."); /* the base's */
    assert_int_equal(r.n_bands, 3);
    assert_near(r.acted_on, 0.8);
    assert_near(r.min_coverage, 0.5); /* not named, so the base's */
    assert_int_equal(r.overlay_changes, OVERLAY_CHANGED_SCORING);
    const struct rules_item *plan = item(&r, "start.plan");
    assert_int_equal(plan->origin, ORIGIN_CHANGED);
    assert_int_equal(plan->changes, CHANGED_WEIGHT | CHANGED_QUESTION | CHANGED_TARGET);
    assert_near(plan->weight, 3);
    assert_string_equal(plan->question, "Is there a written plan?");
    assert_string_equal(plan->text, "A plan");
    assert_true(plan->target.set);
    assert_string_equal(plan->target.by, "2027-03-31");
    const struct rules_item *fatigue = item(&r, "start.fatigue");
    assert_null(fatigue->question);
    assert_string_equal(fatigue->retired, "Not here");
    assert_int_equal(fatigue->origin, ORIGIN_BASE);
    assert_int_equal(item(&r, "start.training")->origin, ORIGIN_BASE);
    assert_int_equal(item(&r, "local.door")->origin, ORIGIN_ADDED);
    const struct rules_item *talk = item(&r, "local.talk");
    assert_int_equal(talk->n_addresses, 2);
    assert_string_equal(r.items[talk->addresses[0]].id, "start.training");
    assert_string_equal(r.items[talk->addresses[1]].id, "local.door");
    const struct rules_item *do_plan = item(&r, "start.do-plan");
    assert_int_equal(do_plan->changes, CHANGED_ADDRESSES);
    assert_int_equal(do_plan->n_addresses, 2);
    assert_string_equal(r.items[do_plan->addresses[1]].id, "local.door");
    assert_int_equal(rules_answerable(&r), 6);
    rules_release(&r);
}

static void test_rules_overlay_provenance(void **state)
{
    (void)state;
    struct rules r;
    char hex[65];
    load_ok(&r, full_body);
    assert_non_null(r.base);
    assert_string_equal(r.base->id, "tiny");
    assert_string_equal(r.base->version, "1.0");
    char *base_path = test_join(dir, "base.yaml");
    assert_string_equal(r.base->file, base_path);
    free(base_path);
    sha256_hex(test_rules_yaml, strlen(test_rules_yaml), hex);
    assert_string_equal(r.base->sha256, hex);
    char *overlay = with_head(full_body);
    sha256_hex(overlay, strlen(overlay), hex);
    assert_string_equal(r.sha256, hex);
    assert_string_not_equal(r.model_sha256, r.sha256);
    free(overlay);
    rules_release(&r);
}

/* Bands are replaced whole; the list is checked as in any rules file. */
static void test_rules_overlay_bands_replace(void **state)
{
    (void)state;
    struct rules r;
    load_ok(&r,
            "bands:\n  - {id: ready, title: Ready, min: 60}\n  - {id: not, title: Not, min: 0}\n");
    assert_int_equal(r.n_bands, 2);
    assert_string_equal(r.bands[0].id, "ready");
    assert_int_equal(r.overlay_changes, OVERLAY_CHANGED_BANDS);
    assert_string_equal(r.title, "A tiny model"); /* no title: the base's */
    assert_int_equal(r.n_items, 6);
    rules_release(&r);
}

static void test_rules_overlay_builtin_base(void **state)
{
    (void)state;
    struct rules r;
    struct diags d;
    diags_init(&d);
    const char *yaml = "format: stagegap-rules/1\nextends: signs-of-safety\nid: mine\n"
                       "version: \"1\"\n"
                       "retire: [{item: implement.time-for-training, reason: protected}]\n";
    assert_int_equal(rules_load_buffer(&r, "mine.yaml", yaml, strlen(yaml), &d), 0);
    assert_string_equal(r.base->id, "signs-of-safety");
    assert_string_equal(r.base->file, EMBEDDED_RULES_NAME);
    assert_string_equal(r.base->sha256, rules_builtin_signs_of_safety.sha256);
    assert_string_equal(item(&r, "implement.time-for-training")->retired, "protected");
    rules_release(&r);
    diags_release(&d);
}

/* ---- the merged model's hash ---- */

static void hash_of(const char *yaml, char hex[65])
{
    struct rules r;
    struct diags d;
    diags_init(&d);
    if (load_overlay(&r, "hashed.yaml", yaml, &d) != 0) {
        print_diags(&d);
        fail();
    }
    memcpy(hex, r.model_sha256, 65);
    rules_release(&r);
    diags_release(&d);
}

static void test_rules_overlay_hash_layout_free(void **state)
{
    (void)state;
    char a[65], b[65], c[65];
    hash_of(HEAD "add:\n"
                 "  - stage: start\n"
                 "    facilitators: [{id: x.one, text: One, level: people, question: One?}]\n"
                 "  - stage: start\n"
                 "    facilitators: [{id: x.two, text: Two, level: people, question: Two?}]\n"
                 "retire: [{item: later.habit, reason: gone}]\n",
            a);
    /* The same model: other key order, one add entry, block style, quotes, a comment. */
    hash_of("# the same, written differently\n"
            "retire:\n"
            "  - reason: \"gone\"\n"
            "    item: later.habit\n"
            "version: '2'\n"
            "add:\n"
            "  - facilitators:\n"
            "      - {text: One, id: x.one, question: \"One?\", level: people}\n"
            "      - {id: x.two, text: Two, level: people, question: Two?}\n"
            "    stage: start\n"
            "id: local\n"
            "extends: base.yaml\n"
            "format: stagegap-rules/1\n",
            b);
    assert_string_equal(a, b);
    /* Any change to the model changes the hash: here, one question's wording. */
    hash_of(HEAD "add:\n"
                 "  - stage: start\n"
                 "    facilitators: [{id: x.one, text: One, level: people, question: One!}]\n"
                 "  - stage: start\n"
                 "    facilitators: [{id: x.two, text: Two, level: people, question: Two?}]\n"
                 "retire: [{item: later.habit, reason: gone}]\n",
            c);
    assert_string_not_equal(a, c);
}

/* Each of these differs from the empty overlay's model in one field. */
static void test_rules_overlay_hash_any_change(void **state)
{
    (void)state;
    static const char *const bodies[] = {
        "retire: [{item: later.habit, reason: gone}]\n",
        "retire: [{item: later.habit, reason: gone!}]\n",
        "change: [{item: start.plan, weight: 2.5}]\n",
        "change: [{item: start.plan, low: Nothing}]\n",
        "change: [{item: start.plan, high: All}]\n",
        "change: [{item: start.plan, target: {score: 5, by: 2027-01-01}}]\n",
        "change: [{item: start.plan, target: {score: 5, by: 2027-01-02}}]\n",
        "change: [{item: start.do-plan, addresses: [start.training]}]\n",
        "scoring: {acted-on: 0.75}\n",
        "scoring: {min-coverage: 0.6}\n",
        "bands: [{id: all, title: All, min: 0}]\n",
        "title: Another\n",
        "description: Words\n",
        "source: {title: Mine, note: None}\n",
    };
    enum { N = sizeof(bodies) / sizeof(bodies[0]) };
    char hex[N + 1][65];
    hash_of(HEAD, hex[N]);
    for (size_t i = 0; i < N; i++) {
        char *yaml = with_head(bodies[i]);
        hash_of(yaml, hex[i]);
        free(yaml);
        for (size_t k = 0; k <= N; k++)
            if (k < i || k == N)
                if (strcmp(hex[i], hex[k]) == 0)
                    fail_msg("'%s' hashes as %s", bodies[i], k == N ? "no change" : bodies[k]);
    }
    /* The overlay's id and version are part of the model too. */
    char other[65];
    hash_of("format: stagegap-rules/1\nextends: base.yaml\nid: local\nversion: \"3\"\n", other);
    assert_string_not_equal(other, hex[N]);
}

static void test_rules_overlay_plain_model_hash_is_file_hash(void **state)
{
    (void)state;
    struct rules r;
    struct diags d;
    diags_init(&d);
    assert_int_equal(load_rules_text(&r, test_rules_yaml, &d), 0);
    assert_null(r.base);
    assert_string_equal(r.model_sha256, r.sha256);
    rules_release(&r);
    assert_int_equal(rules_load_default(&r, &d), 0);
    assert_string_equal(r.model_sha256, rules_builtin_signs_of_safety.sha256);
    rules_release(&r);
    diags_release(&d);
}

/* ---- every class of problem, at the overlay's line and column ---- */

static void test_rules_overlay_text_is_kept(void **state)
{
    (void)state;
    expect_error("change:\n  - {item: start.plan, text: Another plan}\n", 6, 30,
                 "the briefing's wording of 'start.plan' is kept as the base has it; an overlay "
                 "may change its question, low and high");
}

static void test_rules_overlay_unknown_items(void **state)
{
    (void)state;
    expect_error("change:\n  - {item: start.plam, weight: 2}\n", 6, 12,
                 "unknown item in the base model 'tiny': 'start.plam'; did you mean "
                 "'start.plan'?");
    expect_error("retire:\n  - {item: start.fatigu, reason: x}\n", 6, 12,
                 "unknown item in the base model 'tiny': 'start.fatigu'; did you mean "
                 "'start.fatigue'?");
    expect_error("add:\n  - stage: strat\n    facilitators: [{id: a.b, text: T, level: people}]\n",
                 6, 12, "unknown stage in the base model: 'strat'; did you mean 'start'?");
}

static void test_rules_overlay_duplicates(void **state)
{
    (void)state;
    char *base = test_join(dir, "base.yaml");
    char msg[512];
    snprintf(msg, sizeof(msg),
             "item id 'start.plan' is already the base model's (line 18 of %s); change it "
             "with 'change:' or choose another id",
             base);
    expect_error("add:\n  - stage: later\n"
                 "    facilitators: [{id: start.plan, text: T, level: people}]\n",
                 7, 25, msg);
    free(base);
}

static void test_rules_overlay_twice(void **state)
{
    (void)state;
    expect_error("change:\n  - {item: start.plan, weight: 2}\n  - {item: start.plan, weight: 3}\n",
                 7, 12, "'start.plan' is changed twice; it was first changed at line 6");
    expect_error(
        "retire:\n  - {item: later.habit, reason: a}\n  - {item: later.habit, reason: b}\n", 7, 12,
        "'later.habit' is retired twice; it was first retired at line 6");
    expect_error("retire: [{item: later.habit, reason: a}]\n"
                 "change: [{item: later.habit, weight: 2}]\n",
                 6, 17,
                 "'later.habit' is both changed and retired (at line 5); a retired item is never "
                 "asked or scored");
    expect_error("add:\n  - stage: later\n"
                 "    facilitators:\n"
                 "      - {id: x.a, text: T, level: people}\n"
                 "      - {id: x.a, text: U, level: people}\n",
                 9, 14, "duplicate item id 'x.a'; it was first used at line 8");
}

static void test_rules_overlay_empty_entries(void **state)
{
    (void)state;
    expect_error("change:\n  - {item: start.plan}\n", 6, 5,
                 "the change of 'start.plan' changes nothing; give a question, low, high, weight, "
                 "target or addresses");
    expect_error("add:\n  - {stage: start}\n", 6, 5,
                 "this add entry adds nothing to stage 'start'; list challenges, facilitators, "
                 "barriers or suggestions");
}

static void test_rules_overlay_invariants(void **state)
{
    (void)state;
    expect_error("change:\n  - {item: start.plan, weight: 0}\n", 6, 32,
                 "item weight must be above 0; leave an item out rather than weigh it 0");
    expect_error("change:\n  - {item: start.plan, addresses: [start.training]}\n", 6, 35,
                 "only a suggestion has 'addresses'; 'start.plan' is a facilitator");
    expect_error("change:\n  - {item: start.plan, target: {score: 11, by: 2027-01-01}}\n", 6, 40,
                 "target score must be from 0 to 10, not 11");
    expect_error("change:\n  - {item: start.do-plan, addresses: []}\n", 6, 38,
                 "'start.do-plan' must address at least one item; retire it instead");
    expect_error(
        "add:\n  - stage: start\n"
        "    suggestions: [{id: x.s, text: T, level: people, addresses: [start.do-plan]}]\n",
        7, 65,
        "suggestion 'x.s' addresses 'start.do-plan', another suggestion; a suggestion "
        "addresses challenges, facilitators or barriers");
    expect_error("add:\n  - stage: start\n"
                 "    suggestions: [{id: x.s, text: T, level: people, addresses: [start.pla]}]\n",
                 7, 65, "addresses unknown item 'start.pla'; did you mean 'start.plan'?");
    expect_error("add:\n  - stage: start\n"
                 "    facilitators: [{id: x.f, text: T, level: peple}]\n",
                 7, 46, "unknown level 'peple'; did you mean 'people'?");
    expect_error("bands: [{id: a, title: A, min: 50}]\n", 5, 32,
                 "the last band must have min: 0, so every score has a band");
    expect_error("scoring: {acted-on: 1.5}\n", 5, 21,
                 "scoring acted-on must be from 0 to 1, not 1.5");
}

static void test_rules_overlay_retired_links(void **state)
{
    (void)state;
    expect_error(
        "retire: [{item: start.training, reason: x}]\n"
        "add:\n  - stage: start\n"
        "    suggestions: [{id: x.s, text: T, level: people, addresses: [start.training]}]\n",
        8, 65, "suggestion 'x.s' addresses 'start.training', which this overlay retires");
    expect_error("retire: [{item: start.plan, reason: x}]\n", 5, 17,
                 "retiring 'start.plan' leaves suggestion 'start.do-plan' of the base addressing "
                 "nothing; retire 'start.do-plan' too, or give it other addresses with 'change:'");
    /* Retiring the suggestion too, or readdressing it, is fine. */
    struct rules r;
    load_ok(&r, "retire: [{item: start.plan, reason: x}, {item: start.do-plan, reason: y}]\n");
    rules_release(&r);
    load_ok(&r, "retire: [{item: start.plan, reason: x}]\n"
                "change: [{item: start.do-plan, addresses: [start.training]}]\n");
    assert_string_equal(r.items[item(&r, "start.do-plan")->addresses[0]].id, "start.training");
    rules_release(&r);
}

static void test_rules_overlay_keys(void **state)
{
    (void)state;
    struct rules same;
    struct diags ds;
    diags_init(&ds);
    assert_int_equal(load_overlay(&same, "same.yaml",
                                  "format: stagegap-rules/1\nextends: base.yaml\nid: tiny\n"
                                  "version: \"1\"\n",
                                  &ds),
                     -1);
    assert_diag(&ds, 3, 5,
                "the overlay's id must differ from its base's 'tiny', so that reports tell the "
                "two apart");
    diags_release(&ds);
    expect_error("stages: []\n", 5, 9,
                 "an overlay keeps its base's stages; it may add items ('add:'), change them "
                 "('change:') or retire them ('retire:')");
    expect_error("retire: [{item: later.habit}]\n", 5, 10,
                 "retire entry is missing the required key 'reason'");
    expect_error("change: [{item: start.plan, level: people}]\n", 5, 29,
                 "unknown key 'level' in change entry");
    struct rules r;
    struct diags d;
    diags_init(&d);
    assert_int_equal(
        load_overlay(&r, "o.yaml", "format: stagegap-rules/1\nextends: base.yaml\n", &d), -1);
    assert_diag(&d, 1, 1, "the overlay is missing the required key 'id'");
    assert_diag(&d, 1, 1, "the overlay is missing the required key 'version'");
    diags_release(&d);
}

/* ---- the base ---- */

static void test_rules_overlay_extends_itself(void **state)
{
    (void)state;
    struct rules r;
    struct diags d;
    diags_init(&d);
    assert_int_equal(load_overlay(&r, "self.yaml",
                                  "format: stagegap-rules/1\nextends: self.yaml\nid: a\n"
                                  "version: \"1\"\n",
                                  &d),
                     -1);
    assert_diag(&d, 2, 10,
                "the overlay extends itself; extend a plain model such as "
                "'signs-of-safety'");
    /* Through another name for the same file. */
    assert_int_equal(load_overlay(&r, "self2.yaml",
                                  "format: stagegap-rules/1\nextends: ./self2.yaml\nid: a\n"
                                  "version: \"1\"\n",
                                  &d),
                     -1);
    assert_diag(&d, 2, 10,
                "the overlay extends itself; extend a plain model such as "
                "'signs-of-safety'");
    assert_int_equal(d.errors, 2);
    diags_release(&d);
}

static void test_rules_overlay_chain(void **state)
{
    (void)state;
    struct rules r;
    struct diags d;
    diags_init(&d);
    test_write_file(dir, "middle.yaml", HEAD);
    assert_int_equal(load_overlay(&r, "top.yaml",
                                  "format: stagegap-rules/1\nextends: middle.yaml\nid: a\n"
                                  "version: \"1\"\n",
                                  &d),
                     -1);
    assert_diag(&d, 2, 10,
                "'middle.yaml' is itself an overlay (it extends 'base.yaml'); extend a plain "
                "model");
    assert_int_equal(d.errors, 1);
    /* A cycle is a chain too: it ends at the first step. */
    test_write_file(dir, "a.yaml",
                    "format: stagegap-rules/1\nextends: b.yaml\nid: a\nversion: x\n");
    test_write_file(dir, "b.yaml",
                    "format: stagegap-rules/1\nextends: a.yaml\nid: b\nversion: x\n");
    char *a = test_join(dir, "a.yaml");
    assert_int_equal(rules_load_file(&r, a, &d), -1);
    assert_diag(&d, 2, 10,
                "'b.yaml' is itself an overlay (it extends 'a.yaml'); extend a plain "
                "model");
    free(a);
    diags_release(&d);
}

static void expect_base_refused(const char *extends, enum diag_severity severity, const char *msg)
{
    struct rules r;
    struct diags d;
    diags_init(&d);
    struct strbuf yaml = STRBUF_INIT;
    strbuf_addf(&yaml, "format: stagegap-rules/1\nextends: %s\nid: a\nversion: \"1\"\n", extends);
    assert_int_equal(load_overlay(&r, "o.yaml", strbuf_str(&yaml), &d), -1);
    assert_diag(&d, 2, 10, msg);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].severity, severity);
    strbuf_release(&yaml);
    diags_release(&d);
}

static void test_rules_overlay_bad_bases(void **state)
{
    (void)state;
    char *sub = test_join(dir, "sub");
    assert_int_equal(mkdir(sub, 0700), 0);
    expect_base_refused("sub", DIAG_IO_ERROR, "extends 'sub': is a directory, not a file");
    expect_base_refused("missing.yaml", DIAG_IO_ERROR,
                        "extends 'missing.yaml': cannot open: No such file or directory");
    char *fifo = test_join(dir, "fifo.yaml");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    expect_base_refused("fifo.yaml", DIAG_IO_ERROR,
                        "extends 'fifo.yaml': is not a regular file (a pipe, socket or device); "
                        "not read");
    struct strbuf big = STRBUF_INIT;
    strbuf_adds(&big, "format: stagegap-rules/1\n");
    while (big.len <= RULES_FILE_MAX)
        strbuf_adds(&big, "# padding padding padding padding padding padding padding\n");
    test_write_file(dir, "big.yaml", strbuf_str(&big));
    char msg[200];
    snprintf(msg, sizeof(msg), "extends 'big.yaml': file is larger than the limit of %d bytes",
             RULES_FILE_MAX);
    expect_base_refused("big.yaml", DIAG_ERROR, msg);
    expect_base_refused("signs-of-safety.yaml", DIAG_IO_ERROR,
                        "extends 'signs-of-safety.yaml': cannot open: No such file or directory");
    strbuf_release(&big);
    free(fifo);
    free(sub);
}

/* A base that is not a valid model is reported in the base, where the problem is. */
static void test_rules_overlay_invalid_base(void **state)
{
    (void)state;
    struct rules r;
    struct diags d;
    diags_init(&d);
    test_write_file(dir, "answers.yaml", "format: stagegap-answers/1\n");
    assert_int_equal(load_overlay(&r, "o.yaml",
                                  "format: stagegap-rules/1\nextends: answers.yaml\nid: a\n"
                                  "version: \"1\"\n",
                                  &d),
                     -1);
    assert_diag(&d, 1, 9,
                "this is an answers file, not a rules file; pass it as ANSWERS, and a rules "
                "file with --rules");
    char *path = test_join(dir, "answers.yaml");
    assert_string_equal(d.v[0].file, path);
    free(path);
    diags_release(&d);
}

/* Added items count against the limit with the base's. */
static void test_rules_overlay_item_limit(void **state)
{
    (void)state;
    struct strbuf body = STRBUF_INIT;
    strbuf_adds(&body, "add:\n  - stage: later\n    facilitators:\n");
    for (int i = 0; i < RULES_ITEMS_MAX; i++)
        strbuf_addf(&body, "      - {id: x.i%d, text: T, level: people}\n", i);
    char msg[200];
    snprintf(msg, sizeof(msg), "%d items with the base's 6 is more than the limit of %d",
             RULES_ITEMS_MAX, RULES_ITEMS_MAX);
    expect_error(strbuf_str(&body), 6, 3, msg);
    strbuf_release(&body);
}

/* The overlay itself goes through the limits of any rules file: size and nesting. */
static void test_rules_overlay_own_limits(void **state)
{
    (void)state;
    struct rules r;
    struct diags d;
    diags_init(&d);
    struct strbuf big = STRBUF_INIT;
    strbuf_adds(&big, HEAD);
    while (big.len <= RULES_FILE_MAX)
        strbuf_adds(&big, "# padding padding padding padding padding padding padding\n");
    assert_int_equal(load_overlay(&r, "big-overlay.yaml", strbuf_str(&big), &d), -1);
    char msg[200];
    snprintf(msg, sizeof(msg), "file is larger than the limit of %d bytes", RULES_FILE_MAX);
    assert_diag(&d, 0, 0, msg);
    diags_release(&d);
    diags_init(&d);
    strbuf_reset(&big);
    strbuf_adds(&big, HEAD "add: ");
    for (int i = 0; i < 200; i++)
        strbuf_addc(&big, '[');
    assert_int_equal(load_overlay(&r, "deep-overlay.yaml", strbuf_str(&big), &d), -1);
    assert_true(d.errors >= 1);
    assert_int_equal(d.v[0].line, 5);
    assert_non_null(strstr(d.v[0].message, "nest"));
    strbuf_release(&big);
    diags_release(&d);
}

/* ---- what rules shows ---- */

static void test_rules_overlay_render_marks(void **state)
{
    (void)state;
    struct rules r;
    struct strbuf out = STRBUF_INIT;
    load_ok(&r, full_body);
    rules_render_text(&r, &out);
    const char *s = strbuf_str(&out);
    assert_non_null(strstr(s, "Extends:    tiny 1.0, "));
    assert_non_null(strstr(s, "Overlay:    2 items added, 2 changed, 1 retired\n"));
    assert_non_null(strstr(s, "      Overlay: changed: question, weight, target\n"));
    assert_non_null(strstr(s, "      Overlay: added\n"));
    assert_non_null(strstr(s, "      Overlay: retired: Not here\n"));
    assert_non_null(strstr(s, "      Target: 7 by 2027-03-31\n"));
    strbuf_reset(&out);
    rules_render_markdown(&r, &out);
    assert_non_null(strstr(strbuf_str(&out), "(`start.plan`) *changed: question, weight, target*"));
    assert_non_null(strstr(strbuf_str(&out), "*Retired by the overlay:* Not here"));
    strbuf_reset(&out);
    rules_render_json(&r, &out);
    assert_non_null(strstr(strbuf_str(&out), "\"origin\": \"changed\",\n"
                                             "          \"changes\": [\n"
                                             "            \"question\",\n"
                                             "            \"weight\",\n"
                                             "            \"target\"\n"));
    assert_non_null(strstr(strbuf_str(&out), "\"retired\": \"Not here\""));
    strbuf_release(&out);
    rules_release(&r);
}

/* A reason is the overlay author's text: never control in any format. */
static void test_rules_overlay_render_hostile_reason(void **state)
{
    (void)state;
    struct rules r;
    struct strbuf out = STRBUF_INIT;
    load_ok(&r, "retire: [{item: later.habit, reason: \"a | b \\e[31m<i>red</i>\"}]\n");
    rules_render_text(&r, &out);
    assert_null(strchr(strbuf_str(&out), '\x1b'));
    strbuf_reset(&out);
    rules_render_markdown(&r, &out);
    assert_null(strchr(strbuf_str(&out), '\x1b'));
    assert_non_null(strstr(strbuf_str(&out), "a \\| b"));
    strbuf_reset(&out);
    rules_render_json(&r, &out);
    assert_non_null(strstr(strbuf_str(&out), "a | b \\u001b[31m<i>red</i>"));
    strbuf_release(&out);
    rules_release(&r);
}

/* ---- answers ---- */

static void test_rules_overlay_answer_to_retired_item(void **state)
{
    (void)state;
    struct rules r;
    struct assessment a;
    struct diags d;
    diags_init(&d);
    load_ok(&r, "retire: [{item: later.habit, reason: Not for us}]\n");
    assessment_init(&a, &r);
    const char *yaml = "format: stagegap-answers/1\nrules: tiny\norganisation: O\n"
                       "date: 2026-01-01\nanswers:\n  start.plan: 5\n  later.habit: 7\n";
    assert_int_equal(assessment_add_buffer(&a, "a.yaml", yaml, strlen(yaml), false, &d), 0);
    assert_int_equal(d.errors, 0);
    assert_diag(&d, 7, 3,
                "item 'later.habit' is retired by the model 'local', so its answer is ignored: "
                "'Not for us'");
    assert_int_equal(d.v[0].severity, DIAG_WARNING);
    assert_int_equal(a.items[rules_find_item(&r, "later.habit")].n, 0);
    assert_int_equal(a.items[rules_find_item(&r, "start.plan")].n, 1);
    assessment_release(&a);
    /* With --strict too it is a warning: the answer is not wrong, only no longer asked. */
    assessment_init(&a, &r);
    const char *all = "format: stagegap-answers/1\nrules: local\norganisation: O\n"
                      "date: 2026-01-01\nanswers: {start.plan: 5, start.training: 5, "
                      "start.fatigue: 5, start.do-plan: 5, later.habit: 7}\n";
    assert_int_equal(assessment_add_buffer(&a, "all.yaml", all, strlen(all), true, &d), 0);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.v[d.n - 1].severity, DIAG_WARNING);
    assessment_release(&a);
    rules_release(&r);
    diags_release(&d);
}

/* A retired suggestion closes no gap: it is never ranked as an action. */
static void test_rules_overlay_retired_suggestion_is_no_action(void **state)
{
    (void)state;
    struct rules r;
    struct assessment a;
    struct score s;
    struct diags d;
    diags_init(&d);
    load_ok(&r, "retire: [{item: start.do-plan, reason: Done another way}]\n");
    const struct rules_item *sg = item(&r, "start.do-plan");
    assert_int_equal(sg->n_addresses, 0);
    assert_null(sg->question);
    assessment_init(&a, &r);
    score_init(&s);
    const char *yaml = "format: stagegap-answers/1\nrules: local\norganisation: O\n"
                       "date: 2026-01-01\nanswers: {start.plan: 1, start.training: 2}\n";
    assert_int_equal(assessment_add_buffer(&a, "a.yaml", yaml, strlen(yaml), false, &d), 0);
    score_compute(&s, &r, &a);
    for (size_t k = 0; k < s.n_suggestions; k++)
        if (s.suggestions[k].item == (size_t)rules_find_item(&r, "start.do-plan"))
            assert_int_equal(score_suggestion_action(&s, &s.suggestions[k]), SCORE_NO_ACTION);
    score_release(&s);
    assessment_release(&a);
    rules_release(&r);
    diags_release(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules_overlay_merge_order),
        cmocka_unit_test(test_rules_overlay_merge_fields),
        cmocka_unit_test(test_rules_overlay_provenance),
        cmocka_unit_test(test_rules_overlay_bands_replace),
        cmocka_unit_test(test_rules_overlay_builtin_base),
        cmocka_unit_test(test_rules_overlay_hash_layout_free),
        cmocka_unit_test(test_rules_overlay_hash_any_change),
        cmocka_unit_test(test_rules_overlay_plain_model_hash_is_file_hash),
        cmocka_unit_test(test_rules_overlay_text_is_kept),
        cmocka_unit_test(test_rules_overlay_unknown_items),
        cmocka_unit_test(test_rules_overlay_duplicates),
        cmocka_unit_test(test_rules_overlay_twice),
        cmocka_unit_test(test_rules_overlay_empty_entries),
        cmocka_unit_test(test_rules_overlay_invariants),
        cmocka_unit_test(test_rules_overlay_retired_links),
        cmocka_unit_test(test_rules_overlay_keys),
        cmocka_unit_test(test_rules_overlay_extends_itself),
        cmocka_unit_test(test_rules_overlay_chain),
        cmocka_unit_test(test_rules_overlay_bad_bases),
        cmocka_unit_test(test_rules_overlay_invalid_base),
        cmocka_unit_test(test_rules_overlay_item_limit),
        cmocka_unit_test(test_rules_overlay_own_limits),
        cmocka_unit_test(test_rules_overlay_render_marks),
        cmocka_unit_test(test_rules_overlay_render_hostile_reason),
        cmocka_unit_test(test_rules_overlay_answer_to_retired_item),
        cmocka_unit_test(test_rules_overlay_retired_suggestion_is_no_action),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
