/*
 * test_rules.c - loading stagegap-rules/1 files: what a valid file yields, and every
 * class of problem the loader refuses, each with its exact message, line and column.
 * Most cases edit test_rules_yaml (testutil.c), whose lines are:
 *
 *    1 format   2 id   3 version   4 title   5 source   6 scale   7 levels:
 *    8-9 people, systems   10 bands:   11-13 good 70, fair 40, poor 0   14 stages:
 *   15 - id: start   16 title   17 facilitators:   18 start.plan   19 start.training
 *   20 barriers:   21 start.fatigue   22 suggestions:   23 - id: start.do-plan
 *   24-26 text, level, question   27 addresses: [start.plan]   28 - id: later
 *   29 title   30 facilitators:   31 later.habit   32 later.context   33 notes
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "fileio.h"
#include "rules_builtin.h"
#include "rules_render.h"
#include "sha256.h"
#include "strbuf.h"

/* Loads test_rules_yaml with from replaced by to; expects failure and returns diags. */
static void load_edited(struct diags *d, const char *from, const char *to)
{
    struct rules r;
    char *yaml = rules_with(from, to);
    diags_init(d);
    assert_int_equal(load_rules_text(&r, yaml, d), -1);
    /* On failure the rules are left empty. */
    assert_int_equal(r.n_items, 0);
    assert_null(r.id);
    rules_release(&r);
    free(yaml);
}

/* One edit, one problem: exactly this diagnostic and no other. */
static void expect_only(const char *from, const char *to, unsigned line, unsigned column,
                        const char *msg)
{
    struct diags d;
    load_edited(&d, from, to);
    assert_diag(&d, line, column, msg);
    if (d.errors != 1) {
        print_diags(&d);
        fail_msg("expected one problem, got %zu", d.errors);
    }
    diags_release(&d);
}

static void expect_load_fails(const char *yaml, unsigned line, unsigned column, const char *msg)
{
    struct rules r;
    struct diags d;
    diags_init(&d);
    assert_int_equal(load_rules_text(&r, yaml, &d), -1);
    assert_diag(&d, line, column, msg);
    rules_release(&r);
    diags_release(&d);
}

static void test_rules_load_valid_file(void **state)
{
    (void)state;
    struct rules r;
    struct diags d;
    diags_init(&d);
    assert_int_equal(load_rules_text(&r, test_rules_yaml, &d), 0);
    assert_int_equal(d.n, 0);
    assert_string_equal(r.file, "test.yaml");
    assert_string_equal(r.id, "tiny");
    assert_string_equal(r.version, "1.0");
    assert_string_equal(r.source.note, "No evidence at all.");
    assert_int_equal(r.scale_min, 0);
    assert_int_equal(r.scale_max, 10);
    assert_int_equal(r.n_levels, 2);
    assert_int_equal(r.n_bands, 3);
    assert_true(r.bands[1].min == 40);
    assert_int_equal(r.n_stages, 2);
    assert_int_equal(r.n_items, 6);
    assert_int_equal(r.stages[0].first_item, 0);
    assert_int_equal(r.stages[0].n_items, 4);
    assert_int_equal(r.stages[1].first_item, 4);
    assert_int_equal(r.stages[1].n_notes, 1);
    assert_string_equal(r.stages[1].notes[0], "Little is known.");
    /* Items in file order, stage by stage; kinds in list order. */
    assert_string_equal(r.items[0].id, "start.plan");
    assert_true(r.items[0].weight == 2);
    assert_int_equal(r.items[0].level, 1);
    assert_int_equal(r.items[2].kind, ITEM_BARRIER);
    assert_int_equal(r.items[3].kind, ITEM_SUGGESTION);
    assert_int_equal(r.items[3].n_addresses, 1);
    assert_int_equal(r.items[3].addresses[0], 0);
    assert_int_equal(r.items[3].line, 23);
    assert_null(r.items[5].question);
    assert_int_equal(rules_find_item(&r, "later.habit"), 4);
    assert_int_equal(rules_find_item(&r, "start.do-plan"), 3);
    assert_int_equal(rules_find_item(&r, "nope"), -1);
    assert_int_equal(rules_find_stage(&r, "later"), 1);
    assert_int_equal(rules_find_stage(&r, "never"), -1);
    assert_int_equal(rules_answerable(&r), 5);
    assert_true(r.min_coverage == 0.5);
    assert_int_equal(strlen(r.sha256), 64);
    rules_release(&r);
    rules_release(&r);
    diags_release(&d);
}

static void test_rules_load_default_and_epis(void **state)
{
    (void)state;
    struct rules r;
    struct diags d;
    diags_init(&d);
    assert_int_equal(rules_load_default(&r, &d), 0);
    assert_string_equal(r.id, "signs-of-safety");
    assert_int_equal(r.n_stages, 3);
    assert_true(r.n_items > 0);
    rules_release(&r);
    assert_int_equal(rules_load_file(&r, "data/epis.yaml", &d), 0);
    assert_string_equal(r.id, "epis");
    rules_release(&r);
    assert_int_equal(d.n, 0);
    diags_release(&d);
}

/* Written by tools/model_to_c.c from data/epis.yaml for this test (tests/CMakeLists.txt). */
extern const struct rules rules_compiled_epis;

static void assert_same_text(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void assert_same_target(const struct rules_target *a, const struct rules_target *b)
{
    assert_int_equal(a->set, b->set);
    assert_int_equal(a->score_scaled, b->score_scaled);
    assert_memory_equal(&a->score, &b->score, sizeof(a->score));
    assert_same_text(a->by, b->by);
    assert_int_equal(a->line, b->line);
    assert_int_equal(a->column, b->column);
}

static void assert_same_item(const struct rules_item *a, const struct rules_item *b)
{
    assert_same_text(a->id, b->id);
    assert_same_text(a->text, b->text);
    assert_same_text(a->question, b->question);
    assert_same_text(a->low, b->low);
    assert_same_text(a->high, b->high);
    assert_same_text(a->source, b->source);
    assert_same_text(a->label, b->label);
    assert_same_text(a->hedge, b->hedge);
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->stage, b->stage);
    assert_int_equal(a->level, b->level);
    assert_memory_equal(&a->weight, &b->weight, sizeof(a->weight));
    assert_int_equal(a->weight_scaled, b->weight_scaled);
    assert_int_equal(a->n_addresses, b->n_addresses);
    for (size_t k = 0; k < a->n_addresses; k++)
        assert_int_equal(a->addresses[k], b->addresses[k]);
    assert_int_equal(a->line, b->line);
    assert_same_target(&a->target, &b->target);
    assert_same_text(a->retired, b->retired);
    assert_int_equal(a->origin, b->origin);
    assert_int_equal(a->changes, b->changes);
}

/* Every field of two models, and every rendering of them: the same model. */
static void assert_same_model(const struct rules *a, const struct rules *b)
{
    assert_same_text(a->file, b->file);
    assert_same_text(a->id, b->id);
    assert_same_text(a->version, b->version);
    assert_same_text(a->title, b->title);
    assert_same_text(a->description, b->description);
    assert_same_text(a->source.title, b->source.title);
    assert_same_text(a->source.publisher, b->source.publisher);
    assert_same_text(a->source.url, b->source.url);
    assert_same_text(a->source.note, b->source.note);
    assert_same_text(a->source.judgement, b->source.judgement);
    assert_int_equal(a->source.year, b->source.year);
    assert_int_equal(a->scale_min, b->scale_min);
    assert_int_equal(a->scale_max, b->scale_max);
    assert_same_text(a->scale_low, b->scale_low);
    assert_same_text(a->scale_high, b->scale_high);
    assert_memory_equal(&a->min_coverage, &b->min_coverage, sizeof(a->min_coverage));
    assert_memory_equal(&a->acted_on, &b->acted_on, sizeof(a->acted_on));
    assert_int_equal(a->min_coverage_scaled, b->min_coverage_scaled);
    assert_int_equal(a->acted_on_scaled, b->acted_on_scaled);
    assert_int_equal(a->n_levels, b->n_levels);
    for (size_t i = 0; i < a->n_levels; i++) {
        assert_same_text(a->levels[i].id, b->levels[i].id);
        assert_same_text(a->levels[i].title, b->levels[i].title);
        assert_same_text(a->levels[i].description, b->levels[i].description);
    }
    assert_int_equal(a->n_bands, b->n_bands);
    for (size_t i = 0; i < a->n_bands; i++) {
        assert_same_text(a->bands[i].id, b->bands[i].id);
        assert_same_text(a->bands[i].title, b->bands[i].title);
        assert_same_text(a->bands[i].description, b->bands[i].description);
        assert_memory_equal(&a->bands[i].min, &b->bands[i].min, sizeof(a->bands[i].min));
        assert_int_equal(a->bands[i].min_scaled, b->bands[i].min_scaled);
    }
    assert_int_equal(a->n_stages, b->n_stages);
    for (size_t i = 0; i < a->n_stages; i++) {
        const struct rules_stage *x = &a->stages[i], *y = &b->stages[i];
        assert_same_text(x->id, y->id);
        assert_same_text(x->title, y->title);
        assert_same_text(x->description, y->description);
        assert_int_equal(x->first_item, y->first_item);
        assert_int_equal(x->n_items, y->n_items);
        assert_int_equal(x->n_notes, y->n_notes);
        for (size_t k = 0; k < x->n_notes; k++)
            assert_same_text(x->notes[k], y->notes[k]);
    }
    assert_int_equal(a->n_items, b->n_items);
    for (size_t i = 0; i < a->n_items; i++)
        assert_same_item(&a->items[i], &b->items[i]);
    assert_int_equal(a->n_by_id, b->n_by_id);
    for (size_t i = 0; i < a->n_by_id; i++)
        assert_int_equal(a->by_id[i], b->by_id[i]);
    assert_string_equal(a->sha256, b->sha256);
    assert_ptr_equal(a->base, b->base);
    assert_string_equal(a->model_sha256, b->model_sha256);
    assert_int_equal(a->overlay_changes, b->overlay_changes);
    void (*const renderers[])(const struct rules *, struct strbuf *) = {
        rules_render_text, rules_render_markdown, rules_render_json, rules_render_csv};
    for (size_t i = 0; i < sizeof(renderers) / sizeof(renderers[0]); i++) {
        struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;
        renderers[i](a, &x);
        renderers[i](b, &y);
        assert_string_equal(strbuf_str(&x), strbuf_str(&y));
        strbuf_release(&x);
        strbuf_release(&y);
    }
}

/*
 * The models compiled into C data at build time (tools/model_to_c.c) are the models the
 * loader reads from the same files: field by field, in every rendering, with the hash of
 * the file's bytes. The built-in one is checked as rules_load_default gives it.
 */
static void check_compiled(const char *path, const char *name, const struct rules *compiled,
                           bool builtin)
{
    char *buf;
    size_t len;
    char hex[65];
    struct rules parsed, loaded;
    struct diags d;
    diags_init(&d);
    assert_int_equal(fileio_read(path, RULES_FILE_MAX, &buf, &len, &d), 0);
    sha256_hex(buf, len, hex);
    assert_int_equal(rules_load_buffer(&parsed, name, buf, len, &d), 0);
    assert_string_equal(parsed.sha256, hex);
    if (builtin)
        assert_int_equal(rules_load_default(&loaded, &d), 0);
    else
        rules_load_compiled(&loaded, compiled);
    assert_same_model(&loaded, &parsed);
    assert_same_model(compiled, &parsed);
    /* The copy is the caller's own: changing it leaves the compiled data as it was. */
    loaded.items[0].weight_scaled++;
    assert_int_equal(compiled->items[0].weight_scaled, parsed.items[0].weight_scaled);
    rules_release(&loaded);
    rules_release(&parsed);
    free(buf);
    assert_int_equal(d.n, 0);
    diags_release(&d);
}

static void test_rules_compiled_model_is_the_parsed_one(void **state)
{
    (void)state;
    check_compiled("data/signs-of-safety.yaml", EMBEDDED_RULES_NAME, &rules_builtin_signs_of_safety,
                   true);
    check_compiled("data/epis.yaml", "epis.yaml (compiled for unit_rules)", &rules_compiled_epis,
                   false);
}

/* A rules file that differs from the built-in one by a byte is not the built-in model. */
static void test_rules_compiled_model_differs_from_a_changed_file(void **state)
{
    (void)state;
    char *buf;
    size_t len;
    struct rules parsed;
    struct diags d;
    diags_init(&d);
    assert_int_equal(fileio_read("data/signs-of-safety.yaml", RULES_FILE_MAX, &buf, &len, &d), 0);
    char *title = strstr(buf, "title: ");
    assert_non_null(title);
    title[7] = 'X';
    assert_int_equal(rules_load_buffer(&parsed, EMBEDDED_RULES_NAME, buf, len, &d), 0);
    assert_string_not_equal(parsed.sha256, rules_builtin_signs_of_safety.sha256);
    assert_string_not_equal(parsed.title, rules_builtin_signs_of_safety.title);
    rules_release(&parsed);
    free(buf);
    diags_release(&d);
}

/* A UTF-8 byte-order mark and CRLF line ends load as normal, with the same positions. */
static void test_rules_bom_and_crlf_load(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, "\xEF\xBB\xBF");
    for (const char *p = test_rules_yaml; *p; p++) {
        if (*p == '\n')
            strbuf_addc(&sb, '\r');
        strbuf_addc(&sb, *p);
    }
    struct rules r;
    struct diags d;
    diags_init(&d);
    assert_int_equal(rules_load_buffer(&r, "crlf.yaml", sb.buf, sb.len, &d), 0);
    assert_int_equal(r.n_items, 6);
    assert_int_equal(r.items[3].line, 23);
    assert_string_equal(r.stages[1].notes[0], "Little is known.");
    rules_release(&r);
    /* A mistake in such a file is located as in any other. */
    char *bad = strstr(sb.buf, "level: people, question: Trained?");
    assert_non_null(bad);
    memcpy(bad, "level: peeple", 13);
    assert_int_equal(rules_load_buffer(&r, "crlf.yaml", sb.buf, sb.len, &d), -1);
    assert_diag(&d, 19, 53, "unknown level 'peeple'; did you mean 'people'?");
    assert_string_equal(d.v[0].source_line + 6, "- {id: start.training, text: Training, "
                                                "level: peeple, question: Trained?}");
    rules_release(&r);
    diags_release(&d);
    strbuf_release(&sb);
}

static void test_rules_unknown_keys_with_did_you_mean(void **state)
{
    (void)state;
    struct diags d;
    load_edited(&d, "title: A tiny model", "titel: A tiny model");
    assert_int_equal(d.errors, 2);
    assert_diag(&d, 4, 1, "unknown key 'titel' in the rules file; did you mean 'title'?");
    assert_diag(&d, 1, 1, "the rules file is missing the required key 'title'");
    diags_release(&d);
    expect_only("question: Trained?", "questoin: Trained?", 19, 61,
                "unknown key 'questoin' in item 'start.training'; did you mean 'question'?");
    expect_only("weight: 2", "colour: 2", 18, 84, "unknown key 'colour' in item 'start.plan'");
    expect_only("low: Not at all", "lo: Not at all, low: x", 6, 26,
                "unknown key 'lo' in scale; did you mean 'low'?");
    expect_only("    title: Start\n", "    title: Start\n    descripton: x\n", 17, 5,
                "unknown key 'descripton' in stage; did you mean 'description'?");
}

static void test_rules_missing_required_keys(void **state)
{
    (void)state;
    expect_only("text: Training, ", "", 19, 9,
                "item 'start.training' is missing the required key 'text'");
    expect_only("{id: good, title: Good, min: 70}", "{id: good, title: Good}", 11, 5,
                "band is missing the required key 'min'");
    expect_only("{title: Tests, note: \"No evidence at all.\"}", "{title: Tests}", 5, 9,
                "source is missing the required key 'note'");
    expect_only("  - id: later\n    title: Later\n", "  - id: later\n", 28, 5,
                "stage is missing the required key 'title'");
    struct diags d;
    load_edited(&d, "version: \"1.0\"\n", "");
    assert_diag(&d, 1, 1, "the rules file is missing the required key 'version'");
    diags_release(&d);
}

static void test_rules_wrong_types(void **state)
{
    (void)state;
    expect_only("title: A tiny model", "title: [A, tiny, model]", 4, 8,
                "title must be text, not a list");
    expect_only("title: A tiny model", "title:", 4, 7, "title must be text, not nothing");
    expect_only("title: A tiny model", "title: \"\"", 4, 8, "title must be text, not empty text");
    expect_only("scale: {min: 0, max: 10, low: Not at all, high: Fully}", "scale: 10", 6, 8,
                "scale must be a mapping, not text");
    expect_only("  - {id: systems, title: Systems}\n",
                "  - {id: systems, title: Systems}\n  - third\n", 10, 5,
                "a level must be a mapping, not text");
    expect_only("    notes: [Little is known.]", "    notes: Little is known.", 33, 12,
                "notes must be a list, not text");
    expect_only("    barriers:\n      - {id: start.fatigue, text: Fatigue, level: people, "
                "question: How tired?}\n",
                "    barriers: {}\n", 20, 15, "barriers must be a list, not a mapping");
    expect_only("addresses: [start.plan]", "addresses: start.plan", 27, 20,
                "addresses must be a list, not text");
    expect_only("id: tiny", "id: Tiny Model", 2, 5,
                "rules id 'Tiny Model' is not a valid id: use lowercase letters, digits, '-', "
                "'.' and '_', starting with a letter or digit, at most 128 characters");
    /* Without levels every item's level is unknown too: those follow from the first. */
    struct diags d;
    load_edited(&d, "levels:\n  - {id: people, title: People}\n  - {id: systems, title: Systems}\n",
                "levels: []\n");
    assert_diag(&d, 7, 9, "'levels' must list at least one entry");
    assert_diag(&d, 17, 53, "unknown level 'people'");
    diags_release(&d);
}

static void test_rules_numbers_out_of_range(void **state)
{
    (void)state;
    expect_only("weight: 2", "weight: 101", 18, 92, "item weight must be from 0 to 100, not 101");
    expect_only("weight: 2", "weight: 0", 18, 92,
                "item weight must be above 0; leave an item out rather than weigh it 0");
    expect_only("weight: 2", "weight: heavy", 18, 92, "item weight must be a number, not 'heavy'");
    expect_only("weight: 2", "weight: \"2\"", 18, 92,
                "item weight must be a number, not '2' (numbers are written without quotes)");
    expect_only("weight: 2", "weight: .nan", 18, 92, "item weight must be a number, not '.nan'");
    expect_only("weight: 2", "weight: 0x10", 18, 92, "item weight must be a number, not '0x10'");
    expect_only("min: 40", "min: 140", 12, 34, "band min must be from 0 to 100, not 140");
    expect_only("min: 0, max: 10", "min: 0.5, max: 10", 6, 14,
                "scale min must be a whole number, not 0.5");
    expect_only("{title: Tests,", "{title: Tests, year: 20266,", 5, 30,
                "source year must be from 1000 to 9999, not 20266");
    expect_only("scale: {", "scoring: {min-coverage: 1.5}\nscale: {", 6, 25,
                "scoring min-coverage must be from 0 to 1, not 1.5");
    /* Weights and thresholds are held exactly, to three decimal places. */
    expect_only("weight: 2", "weight: 0.3333", 18, 92,
                "item weight has more than 3 decimal places (0.3333); numbers are held "
                "exactly to 3 places, so round it");
    expect_only("min: 40", "min: 39.9995", 12, 34,
                "band min has more than 3 decimal places (39.9995); numbers are held exactly "
                "to 3 places, so round it");
    expect_only("scale: {", "scoring: {acted-on: 0.6667}\nscale: {", 6, 21,
                "scoring acted-on has more than 3 decimal places (0.6667); numbers are held "
                "exactly to 3 places, so round it");
    /* Both ends of the scale are checked, not just the first. */
    struct diags d;
    load_edited(&d, "min: 0, max: 10", "min: x, max: 1e9");
    assert_int_equal(d.errors, 2);
    assert_diag(&d, 6, 14, "scale min must be a number, not 'x'");
    assert_diag(&d, 6, 22, "scale max must be from -1000 to 1000, not 1e9");
    diags_release(&d);
}

static void test_rules_scale_span(void **state)
{
    (void)state;
    expect_only("max: 10", "max: 0", 6, 22,
                "scale max must be above min by 1 to 100 points, not by 0");
    expect_only("max: 10", "max: 200", 6, 22,
                "scale max must be above min by 1 to 100 points, not by 200");
    expect_only("min: 0, max: 10", "min: 5, max: 1", 6, 22,
                "scale max must be above min by 1 to 100 points, not by -4");
}

static void test_rules_duplicate_ids(void **state)
{
    (void)state;
    expect_only("{id: later.habit,", "{id: start.plan,", 31, 14,
                "duplicate item id 'start.plan'; it was first used at line 18");
    expect_only("  - {id: systems, title: Systems}\n",
                "  - {id: systems, title: Systems}\n  - {id: people, title: Again}\n", 10, 10,
                "duplicate level id 'people'; it was first used at line 8");
    expect_only("{id: poor,", "{id: good,", 13, 10,
                "duplicate band id 'good'; it was first used at line 11");
    expect_only("  - id: later\n", "  - id: start\n", 28, 9,
                "duplicate stage id 'start'; it was first used at line 15");
    expect_only("{id: good,", "{id: insufficient-data,", 11, 10,
                "band id 'insufficient-data' is reserved for stages with too few answers");
    /* Three uses of one id: two problems, both pointing at the first. */
    struct diags d;
    load_edited(&d, "  - {id: systems, title: Systems}\n",
                "  - {id: systems, title: Systems}\n  - {id: people, title: Again}\n"
                "  - {id: people, title: Once more}\n");
    assert_int_equal(d.errors, 2);
    assert_diag(&d, 10, 10, "duplicate level id 'people'; it was first used at line 8");
    assert_diag(&d, 11, 10, "duplicate level id 'people'; it was first used at line 8");
    diags_release(&d);
}

static void test_rules_links_to_unknown_ids(void **state)
{
    (void)state;
    expect_only("level: people, question: Trained?", "level: peeple, question: Trained?", 19, 53,
                "unknown level 'peeple'; did you mean 'people'?");
    expect_only("level: people, question: Trained?", "level: staff, question: Trained?", 19, 53,
                "unknown level 'staff'");
    expect_only("addresses: [start.plan]", "addresses: [start.plam]", 27, 21,
                "addresses unknown item 'start.plam'; did you mean 'start.plan'?");
    expect_only("addresses: [start.plan]", "addresses: [start.plan, elsewhere]", 27, 33,
                "addresses unknown item 'elsewhere'");
}

static void test_rules_addresses_on_non_suggestion(void **state)
{
    (void)state;
    expect_only("question: Trained?}", "question: Trained?, addresses: [start.plan]}", 19, 92,
                "only a suggestion has 'addresses'; 'start.training' is a facilitator");
    expect_only("question: How tired?}", "question: How tired?, addresses: []}", 21, 92,
                "only a suggestion has 'addresses'; 'start.fatigue' is a barrier");
}

static void test_rules_addresses_to_a_suggestion(void **state)
{
    (void)state;
    expect_only("addresses: [start.plan]", "addresses: [start.plan, start.do-plan]", 27, 33,
                "suggestion 'start.do-plan' addresses 'start.do-plan', another suggestion; a "
                "suggestion addresses challenges, facilitators or barriers");
    /* A suggestion whose own id is refused still gets a readable message. */
    struct diags d;
    load_edited(&d, "    notes: [Little is known.]\n",
                "    suggestions:\n      - {id: Bad Id, text: t, level: people, "
                "addresses: [start.do-plan]}\n    notes: [Little is known.]\n");
    assert_int_equal(d.errors, 2);
    assert_diag(&d, 34, 14,
                "item id 'Bad Id' is not a valid id: use lowercase letters, "
                "digits, '-', '.' and '_', starting with a letter or digit, at "
                "most 128 characters");
    assert_diag(&d, 34, 58,
                "suggestion '?' addresses 'start.do-plan', another suggestion; a "
                "suggestion addresses challenges, facilitators or barriers");
    diags_release(&d);
}

static void test_rules_bands_order_and_last(void **state)
{
    (void)state;
    expect_only("min: 40", "min: 80", 12, 34,
                "bands run highest first: min 80 must be below the band before's 70");
    expect_only("min: 40", "min: 70", 12, 34,
                "bands run highest first: min 70 must be below the band before's 70");
    expect_only("{id: poor, title: Poor, min: 0}", "{id: poor, title: Poor, min: 10}", 13, 34,
                "the last band must have min: 0, so every score has a band");
    /* One bad min is one problem: the next band is compared with the last good one. */
    expect_only("min: 40", "min: forty", 12, 34, "band min must be a number, not 'forty'");
}

static void test_rules_not_a_rules_file(void **state)
{
    (void)state;
    expect_load_fails("", 1, 1, "empty file; a rules file starts with 'format: stagegap-rules/1'");
    expect_load_fails("# just a comment\n", 1, 1,
                      "empty file; a rules file starts with 'format: stagegap-rules/1'");
    expect_load_fails("- a\n- b\n", 1, 1, "a rules file must be a mapping, not a list");
    expect_load_fails("just text\n", 1, 1, "a rules file must be a mapping, not text");
    expect_load_fails("id: x\n", 1, 1,
                      "no 'format' key; a rules file starts with 'format: stagegap-rules/1'");
    expect_load_fails("format: stagegap-answers/1\nrules: tiny\n", 1, 9,
                      "this is an answers file, not a rules file; pass it as ANSWERS, and a "
                      "rules file with --rules");
    expect_only("format: stagegap-rules/1", "format: stagegap-rules/2", 1, 9,
                "format must be 'stagegap-rules/1'");
    expect_only("format: stagegap-rules/1", "format: [stagegap-rules/1]", 1, 9,
                "format must be 'stagegap-rules/1'");
}

/* The reader's refusals reach the rules loader with their positions. */
static void test_rules_reader_problems(void **state)
{
    (void)state;
    expect_only("title: A tiny model", "title: &t A tiny model", 4, 8,
                "anchors ('&') are not allowed in a stagegap file; write the value out");
    expect_only("title: A tiny model", "title: !!str A tiny model", 4, 8,
                "tags ('!') are not allowed in a stagegap file; remove the tag");
    expect_only("title: A tiny model", "title: \"A \\0 model\"", 4, 8,
                "text holds a NUL character");
    expect_only("title: A tiny model", "title: A tiny model\ntitle: Again", 5, 1,
                "duplicate key 'title', first given at line 4; keep only one");
    expect_only("title: A tiny model",
                "title: A tiny m\xC3\xB6\xFF"
                "del",
                4, 17, "invalid UTF-8 (byte 0xff at offset 66); save the file as UTF-8");
    expect_only("    notes: [Little is known.]", "    notes: [Little is known.]\n---\na: 1", 34, 1,
                "a second YAML document; a stagegap file holds exactly one");
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, "title: ");
    strbuf_addchars(&sb, 'x', 16385);
    expect_only("title: A tiny model", sb.buf, 4, 8,
                "text of 16385 bytes is longer than the limit of 16384");
    strbuf_release(&sb);
    expect_load_fails("format: stagegap-rules/1\nid: [[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]\n", 2, 20,
                      "nesting deeper than 16 levels");
}

/* Builds a rules file with n facilitators in one stage. */
static char *rules_with_items(size_t n)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, "format: stagegap-rules/1\nid: big\nversion: \"1\"\ntitle: Big\n"
                     "source: {title: t, note: n}\nscale: {min: 0, max: 10, low: a, high: b}\n"
                     "levels: [{id: l, title: L}]\nbands: [{id: b, title: B, min: 0}]\n"
                     "stages:\n  - id: s\n    title: S\n    facilitators:\n");
    for (size_t i = 0; i < n; i++)
        strbuf_addf(&sb, "      - {id: s.i%zu, text: t, level: l, question: q}\n", i);
    return strbuf_detach(&sb, NULL);
}

static void test_rules_item_limit(void **state)
{
    (void)state;
    char *yaml = rules_with_items(RULES_ITEMS_MAX);
    struct rules r;
    struct diags d;
    diags_init(&d);
    assert_int_equal(load_rules_text(&r, yaml, &d), 0);
    assert_int_equal(r.n_items, RULES_ITEMS_MAX);
    assert_int_equal(rules_find_item(&r, "s.i1999"), 1999);
    rules_release(&r);
    free(yaml);
    yaml = rules_with_items(RULES_ITEMS_MAX + 1);
    expect_load_fails(yaml, 10, 3, "2001 items is more than the limit of 2000");
    free(yaml);
    diags_release(&d);
}

/* All problems of a file in one run: up to DIAG_MAX kept, the rest counted. */
static void test_rules_every_problem_reported(void **state)
{
    (void)state;
    struct diags d;
    struct strbuf sb = STRBUF_INIT;
    /* Three unrelated mistakes in three places. */
    char *yaml = rules_with("weight: 2", "weight: -1");
    char *p = strstr(yaml, "level: people, question: Trained?");
    memcpy(p, "level: peeple", 13);
    p = strstr(yaml, "min: 40");
    memcpy(p, "min: 90", 7);
    struct rules r;
    diags_init(&d);
    assert_int_equal(load_rules_text(&r, yaml, &d), -1);
    assert_int_equal(d.errors, 3);
    assert_diag(&d, 18, 92, "item weight must be from 0 to 100, not -1");
    assert_diag(&d, 19, 53, "unknown level 'peeple'; did you mean 'people'?");
    assert_diag(&d, 12, 34, "bands run highest first: min 90 must be below the band before's 70");
    diags_release(&d);
    free(yaml);
    /* Sixty unknown keys: fifty kept, ten counted. */
    strbuf_adds(&sb, test_rules_yaml);
    for (int i = 0; i < 60; i++)
        strbuf_addf(&sb, "extra%d: x\n", i);
    diags_init(&d);
    assert_int_equal(load_rules_text(&r, sb.buf, &d), -1);
    assert_int_equal(d.errors, 60);
    assert_int_equal(d.n, DIAG_MAX);
    assert_int_equal(d.dropped, 10);
    assert_diag(&d, 34, 1, "unknown key 'extra0' in the rules file");
    diags_release(&d);
    strbuf_release(&sb);
}

/* Hostile sizes stay fast: many unknown links, many duplicate levels. */
static void test_rules_many_problems_stay_cheap(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    char *yaml = rules_with_items(RULES_ITEMS_MAX - 1);
    strbuf_adds(&sb, yaml);
    free(yaml);
    strbuf_adds(&sb, "    suggestions:\n      - id: s.sug\n        text: t\n        level: l\n"
                     "        addresses: [");
    for (int i = 0; i < 60000; i++)
        strbuf_addf(&sb, "s.j%d, ", i % 2000);
    strbuf_adds(&sb, "]\n");
    struct rules r;
    struct diags d;
    diags_init(&d);
    assert_int_equal(rules_load_buffer(&r, "links.yaml", sb.buf, sb.len, &d), -1);
    assert_int_equal(d.errors, 60000);
    assert_int_equal(d.n, DIAG_MAX);
    rules_release(&r);
    diags_release(&d);
    strbuf_release(&sb);
    strbuf_adds(&sb, "format: stagegap-rules/1\nlevels:\n");
    for (int i = 0; i < 30000; i++)
        strbuf_addf(&sb, "- {id: l%d, title: t}\n", i % 15000);
    diags_init(&d);
    assert_int_equal(rules_load_buffer(&r, "levels.yaml", sb.buf, sb.len, &d), -1);
    assert_int_equal(d.errors, 7 + 15000);
    assert_diag(&d, 15003, 8, "duplicate level id 'l0'; it was first used at line 3");
    rules_release(&r);
    diags_release(&d);
    strbuf_release(&sb);
}

static char *temp_path(const char *name)
{
    const char *dir = getenv("TMPDIR");
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "%s/stagegap-test-%ld-%s", dir && *dir ? dir : "/tmp", (long)getpid(), name);
    return strbuf_detach(&sb, NULL);
}

/* A file over the cap is refused from its size, without reading it. */
static void test_rules_file_too_large(void **state)
{
    (void)state;
    char *path = temp_path("big.yaml");
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 2 * 1024 * 1024), 0);
    close(fd);
    struct rules r;
    struct diags d;
    diags_init(&d);
    assert_int_equal(rules_load_file(&r, path, &d), -1);
    assert_int_equal(d.errors, 1);
    assert_diag(&d, 0, 0, "file is larger than the limit of 1048576 bytes");
    assert_int_equal(diags_exit_code(&d), 3);
    rules_release(&r);
    diags_release(&d);
    unlink(path);
    free(path);
    /* A stream with no size to ask is cut off at the cap, not read to its end. */
    diags_init(&d);
    assert_int_equal(rules_load_file(&r, "/dev/zero", &d), -1);
    assert_diag(&d, 0, 0, "file is larger than the limit of 1048576 bytes");
    rules_release(&r);
    diags_release(&d);
}

static void test_rules_file_cannot_be_read(void **state)
{
    (void)state;
    struct rules r;
    struct diags d;
    diags_init(&d);
    assert_int_equal(rules_load_file(&r, "no/such/rules.yaml", &d), -1);
    assert_diag(&d, 0, 0, "cannot open: No such file or directory");
    assert_int_equal(diags_exit_code(&d), 4);
    rules_release(&r);
    diags_release(&d);
    diags_init(&d);
    assert_int_equal(rules_load_file(&r, "data", &d), -1);
    assert_diag(&d, 0, 0, "is a directory, not a file");
    assert_int_equal(diags_exit_code(&d), 4);
    rules_release(&r);
    diags_release(&d);
}

/* A label stands in place of the kind's name in reports; a hedge is kept as written. */
static void test_rules_label_and_hedge(void **state)
{
    (void)state;
    struct rules r;
    struct diags d;
    char *yaml = rules_with("question: How tired?}",
                            "question: How tired?, label: from lesson 2, hedge: Little is known.}");
    diags_init(&d);
    assert_int_equal(load_rules_text(&r, yaml, &d), 0);
    assert_string_equal(rules_item_label(&r.items[2]), "from lesson 2");
    assert_string_equal(r.items[2].hedge, "Little is known.");
    assert_int_equal(r.items[2].kind, ITEM_BARRIER); /* the kind still scores it */
    assert_string_equal(rules_item_label(&r.items[0]), "facilitator");
    assert_null(r.items[0].hedge);
    rules_release(&r);
    diags_release(&d);
    free(yaml);
    /* Too long for the place of a kind's name, or empty: refused where it is written. */
    load_edited(&d, "question: How tired?}",
                "question: How tired?, label: from the second lesson of the briefing on page 4}");
    assert_diag(&d, 21, 88,
                "an item label is a few words on one line (at most 40 characters), said in "
                "place of the kind's name, such as 'from lesson 2'");
    diags_release(&d);
    load_edited(&d, "question: How tired?}", "question: How tired?, label: \"\"}");
    assert_diag(&d, 21, 88, "item label must be text, not empty text");
    diags_release(&d);
}

/* Targets: an item's {score, by}, loaded exactly; the line 19 item carries them here. */
static void test_rules_target_loads(void **state)
{
    (void)state;
    struct rules r;
    struct diags d;
    char *yaml = rules_with("question: Trained?}",
                            "question: Trained?, target: {score: 7.5, by: 2027-03-31}}");
    diags_init(&d);
    assert_int_equal(load_rules_text(&r, yaml, &d), 0);
    assert_int_equal(d.n, 0);
    const struct rules_target *t = &r.items[1].target;
    assert_true(t->set);
    assert_int_equal(t->score_scaled, 7500);
    assert_true(t->score == 7.5);
    assert_string_equal(t->by, "2027-03-31");
    assert_int_equal(t->line, 19);
    assert_int_equal(t->column, 89);
    /* An item without one has none. */
    assert_false(r.items[0].target.set);
    assert_null(r.items[0].target.by);
    rules_release(&r);
    diags_release(&d);
    free(yaml);
    /* A barrier's target is a ceiling on the same scale, and a leap day is a day. */
    yaml = rules_with("question: How tired?}", "question: How tired?, target: {score: 0, by: "
                                               "2028-02-29}}");
    diags_init(&d);
    assert_int_equal(load_rules_text(&r, yaml, &d), 0);
    assert_true(r.items[2].target.set);
    assert_int_equal(r.items[2].target.score_scaled, 0);
    rules_release(&r);
    diags_release(&d);
    free(yaml);
}

static void test_rules_target_problems(void **state)
{
    (void)state;
    const char *at = "question: Trained?}";
    expect_only(at, "question: Trained?, target: {by: 2027-03-31}}", 19, 89,
                "the target is missing the required key 'score'");
    expect_only(at, "question: Trained?, target: {score: 7}}", 19, 89,
                "the target is missing the required key 'by'");
    expect_only(at, "question: Trained?, target: {score: 11, by: 2027-03-31}}", 19, 97,
                "target score must be from 0 to 10, not 11");
    expect_only(at, "question: Trained?, target: {score: -1, by: 2027-03-31}}", 19, 97,
                "target score must be from 0 to 10, not -1");
    expect_only(at, "question: Trained?, target: {score: 7.1234, by: 2027-03-31}}", 19, 97,
                "target score has more than 3 decimal places (7.1234); numbers are held "
                "exactly to 3 places, so round it");
    expect_only(at, "question: Trained?, target: {score: high, by: 2027-03-31}}", 19, 97,
                "target score must be a number, not 'high'");
    expect_only(at, "question: Trained?, target: {score: 7, by: 2027-02-30}}", 19, 104,
                "target date must be a real date written YYYY-MM-DD");
    expect_only(at, "question: Trained?, target: {score: 7, by: 31/03/2027}}", 19, 104,
                "target date must be a real date written YYYY-MM-DD");
    expect_only(at, "question: Trained?, target: {score: 7, by: [2027]}}", 19, 104,
                "target date must be text, not a list");
    expect_only(at, "question: Trained?, target: {score: 7, by: 2027-03-31, when: soon}}", 19, 116,
                "unknown key 'when' in the target");
    expect_only(at, "question: Trained?, target: 7}", 19, 89,
                "a target ({score: ..., by: YYYY-MM-DD}) must be a mapping, not text");
    expect_only(at, "question: Trained?, target: [7, 2027-03-31]}", 19, 89,
                "a target ({score: ..., by: YYYY-MM-DD}) must be a mapping, not a list");
    /* Both halves wrong: both are said. */
    struct diags d;
    load_edited(&d, at, "question: Trained?, target: {score: 12, by: 2027-13-01}}");
    assert_int_equal(d.errors, 2);
    assert_diag(&d, 19, 97, "target score must be from 0 to 10, not 12");
    assert_diag(&d, 19, 105, "target date must be a real date written YYYY-MM-DD");
    diags_release(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules_load_valid_file),
        cmocka_unit_test(test_rules_load_default_and_epis),
        cmocka_unit_test(test_rules_compiled_model_is_the_parsed_one),
        cmocka_unit_test(test_rules_compiled_model_differs_from_a_changed_file),
        cmocka_unit_test(test_rules_bom_and_crlf_load),
        cmocka_unit_test(test_rules_unknown_keys_with_did_you_mean),
        cmocka_unit_test(test_rules_missing_required_keys),
        cmocka_unit_test(test_rules_wrong_types),
        cmocka_unit_test(test_rules_numbers_out_of_range),
        cmocka_unit_test(test_rules_scale_span),
        cmocka_unit_test(test_rules_duplicate_ids),
        cmocka_unit_test(test_rules_links_to_unknown_ids),
        cmocka_unit_test(test_rules_addresses_on_non_suggestion),
        cmocka_unit_test(test_rules_addresses_to_a_suggestion),
        cmocka_unit_test(test_rules_bands_order_and_last),
        cmocka_unit_test(test_rules_not_a_rules_file),
        cmocka_unit_test(test_rules_reader_problems),
        cmocka_unit_test(test_rules_item_limit),
        cmocka_unit_test(test_rules_every_problem_reported),
        cmocka_unit_test(test_rules_many_problems_stay_cheap),
        cmocka_unit_test(test_rules_file_too_large),
        cmocka_unit_test(test_rules_file_cannot_be_read),
        cmocka_unit_test(test_rules_label_and_hedge),
        cmocka_unit_test(test_rules_target_loads),
        cmocka_unit_test(test_rules_target_problems),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
