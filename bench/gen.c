/*
 * gen.c - synthetic inputs for stagegap's benchmark (bench/run.sh).
 *
 *   stagegap-gen answers [--rules FILE] [--seed N] [--notes PERMILLE] [--expect FILE]
 *                        COUNT DIR
 *   stagegap-gen rules [--rules FILE] COPIES OUT
 *
 * "answers" writes COUNT answers files, DIR/r000001.yaml and on, one respondent each,
 * for the answerable items of the rules (the built-in model by default): one
 * organisation, dates within one week, roles weighted towards practitioners, some n/a,
 * some unknown, a few items left out, and a note or evidence on PERMILLE answers in a
 * thousand (default 10). With --expect it also writes what a correct report must say:
 * the respondents, the latest date, and each item's tally, for bench/check_report.
 *
 * "rules" writes a rules file with every stage repeated COPIES times under new ids
 * (copy k of stage "launch" is "launch-k", its items "launch-k.NAME"), so the cost per
 * item can be measured with the same model shape.
 *
 * Same seed and count, same bytes: the random numbers come from splitmix64 and all the
 * arithmetic is on integers, so neither the C library nor the machine can change a file.
 * The data is made up and says so in every file's first line.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "rules.h"
#include "strbuf.h"
#include "xalloc.h"

enum { ROLE_LEADER, ROLE_MANAGER, ROLE_PRACTITIONER, ROLES };

static const char *const role_names[ROLES] = {"leader", "manager", "practitioner"};

static const char *const organisation = "Anyshire County Council Children's Services";

static const char *const note_texts[] = {
    "Only in the pilot teams so far",
    "Varies a lot between teams",
    "We discussed this at the last service meeting",
    "Supervision has not caught up with this yet",
    "Better since the new practice lead started",
    "Hard to say \xe2\x80\x93 it depends on the manager",
    "Agency staff have not had the training",
    "Mentioned in the 2026 staff survey",
};

static const char *const evidence_texts[] = {
    "case file audit, August 2026",
    "training records, September 2026",
    "supervision audit, July 2026",
    "staff survey, June 2026",
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- reproducible random numbers ---- */

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* A whole number from 0 to bound - 1 (bound small, so the modulo bias is negligible). */
static unsigned below(uint64_t *state, unsigned bound)
{
    return (unsigned)(splitmix64(state) % bound);
}

static uint64_t hash_text(const char *s)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * UINT64_C(0x100000001b3);
    return h;
}

/* ---- shared ---- */

static int die_usage(void)
{
    fputs("usage: stagegap-gen answers [--rules FILE] [--seed N] [--notes PERMILLE] "
          "[--expect FILE] COUNT DIR\n"
          "       stagegap-gen rules [--rules FILE] COPIES OUT\n",
          stderr);
    return 2;
}

static int load_rules(struct rules *r, const char *path)
{
    struct diags d;
    diags_init(&d);
    int rc = path ? rules_load_file(r, path, &d) : rules_load_default(r, &d);
    if (rc != 0) {
        struct strbuf sb = STRBUF_INIT;
        diags_render(&d, &sb);
        fputs(strbuf_str(&sb), stderr);
        strbuf_release(&sb);
    }
    diags_release(&d);
    return rc;
}

static bool parse_count(const char *s, unsigned long max, unsigned long *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (!*s || *end || errno || v > max || s[0] == '-')
        return false;
    *out = v;
    return true;
}

static int write_file(const char *path, const struct strbuf *sb)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(strbuf_str(sb), 1, sb->len, f) != sb->len || fclose(f) != 0) {
        fprintf(stderr, "stagegap-gen: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

/* ---- answers ---- */

struct expect_item {
    unsigned long n, n_na, n_unknown, n_notes;
    long long sum;
    long min, max;
};

struct gen {
    const struct rules *r;
    uint64_t rng;
    unsigned notes_permille;
    int *base;                  /* per item: its typical answer, 0..1000 of the scale */
    struct expect_item *expect; /* per item */
    unsigned long roles[ROLES];
    char latest[11];
};

/* A double-quoted YAML scalar; our texts hold no characters that need escapes. */
static void add_quoted(struct strbuf *sb, const char *s)
{
    strbuf_addc(sb, '"');
    strbuf_adds(sb, s);
    strbuf_addc(sb, '"');
}

static int pick_role(uint64_t *rng)
{
    unsigned x = below(rng, 100);
    return x < 4 ? ROLE_LEADER : x < 20 ? ROLE_MANAGER : ROLE_PRACTITIONER;
}

/* An answer on the rules' scale: the item's typical answer, a role's lean, and noise. */
static long pick_score(struct gen *g, size_t item, int role)
{
    static const int lean[ROLES] = {120, 60, 0}; /* leaders see things more rosily */
    int v = g->base[item] + lean[role] - 400;
    for (int k = 0; k < 4; k++)
        v += (int)below(&g->rng, 201);
    if (v < 0)
        v = 0;
    if (v > 1000)
        v = 1000;
    long span = g->r->scale_max - g->r->scale_min;
    return g->r->scale_min + (v * span + 500) / 1000;
}

static void tally(struct expect_item *e, int state, long score)
{
    if (state == 1) {
        e->n_na++;
    } else if (state == 2) {
        e->n_unknown++;
    } else {
        if (e->n == 0 || score < e->min)
            e->min = score;
        if (e->n == 0 || score > e->max)
            e->max = score;
        e->n++;
        e->sum += score;
    }
}

static void add_answer(struct gen *g, struct strbuf *sb, size_t item, int role)
{
    /* 0 a score, 1 n/a, 2 unknown; practitioners know less about the organisation. */
    unsigned x = below(&g->rng, 1000);
    unsigned unknown_share = role == ROLE_PRACTITIONER ? 70 : 30;
    if (x < 10)
        return; /* left out: counts as unanswered */
    int state = x < 40 ? 1 : x < 40 + unknown_share ? 2 : 0;
    long score = state == 0 ? pick_score(g, item, role) : 0;
    tally(&g->expect[item], state, score);

    char value[32];
    if (state == 0)
        snprintf(value, sizeof(value), "%ld", score);
    else
        snprintf(value, sizeof(value), "%s", state == 1 ? "n/a" : "unknown");
    strbuf_addf(sb, "  %s: ", g->r->items[item].id);
    if (state == 2 || below(&g->rng, 1000) >= g->notes_permille) {
        strbuf_addf(sb, "%s\n", value);
        return;
    }
    strbuf_addf(sb, "{score: %s", value);
    g->expect[item].n_notes++;
    unsigned what = below(&g->rng, 4); /* mostly notes, some evidence, some both */
    if (what != 3) {
        strbuf_adds(sb, ", note: ");
        add_quoted(sb, note_texts[below(&g->rng, COUNT_OF(note_texts))]);
    }
    if (what >= 2) {
        strbuf_adds(sb, ", evidence: ");
        add_quoted(sb, evidence_texts[below(&g->rng, COUNT_OF(evidence_texts))]);
    }
    strbuf_adds(sb, "}\n");
}

static void add_respondent(struct gen *g, struct strbuf *sb, unsigned long index)
{
    int role = pick_role(&g->rng);
    char date[11];
    snprintf(date, sizeof(date), "2026-09-%02u", 24 + below(&g->rng, 7));
    if (strcmp(date, g->latest) > 0)
        memcpy(g->latest, date, sizeof(date));
    g->roles[role]++;
    strbuf_adds(sb, "# Synthetic respondent for stagegap's benchmark (bench/gen.c): made up.\n");
    strbuf_addf(sb, "format: stagegap-answers/1\nrules: %s\norganisation: ", g->r->id);
    add_quoted(sb, organisation);
    strbuf_addf(sb, "\ndate: %s\nrespondent: {id: r%06lu, role: %s}\nanswers:\n", date, index,
                role_names[role]);
    for (size_t i = 0; i < g->r->n_items; i++)
        if (g->r->items[i].question)
            add_answer(g, sb, i, role);
}

static int write_expect(const struct gen *g, const char *path, unsigned long count)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "respondents %lu\nrules %s\ndate %s\norganisation %s\n", count, g->r->id,
                count ? g->latest : "-", organisation);
    for (int k = 0; k < ROLES; k++)
        if (g->roles[k])
            strbuf_addf(&sb, "role %s %lu\n", role_names[k], g->roles[k]);
    for (size_t i = 0; i < g->r->n_items; i++) {
        const struct expect_item *e = &g->expect[i];
        if (g->r->items[i].question)
            strbuf_addf(&sb, "item %s %lu %lld %ld %ld %lu %lu %lu\n", g->r->items[i].id, e->n,
                        e->sum, e->min, e->max, e->n_na, e->n_unknown, e->n_notes);
    }
    int rc = write_file(path, &sb);
    strbuf_release(&sb);
    return rc;
}

static int cmd_answers(int argc, char **argv)
{
    const char *rules_path = NULL, *expect_path = NULL;
    unsigned long seed = 1, notes = 10, count;
    int i = 2;
    for (; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
        if (strcmp(argv[i], "--rules") == 0)
            rules_path = argv[i + 1];
        else if (strcmp(argv[i], "--expect") == 0)
            expect_path = argv[i + 1];
        else if (strcmp(argv[i], "--seed") == 0 && parse_count(argv[i + 1], ~0UL, &seed))
            continue;
        else if (strcmp(argv[i], "--notes") == 0 && parse_count(argv[i + 1], 1000, &notes))
            continue;
        else
            return die_usage();
    }
    if (argc - i != 2 || !parse_count(argv[i], 999999, &count))
        return die_usage();
    const char *dir = argv[i + 1];
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "stagegap-gen: cannot create %s: %s\n", dir, strerror(errno));
        return 4;
    }

    struct rules r;
    if (load_rules(&r, rules_path) != 0)
        return 3;
    struct gen g = {.r = &r, .rng = seed, .notes_permille = (unsigned)notes};
    g.base = xcalloc(r.n_items + 1, sizeof(*g.base));
    g.expect = xcalloc(r.n_items + 1, sizeof(*g.expect));
    for (size_t k = 0; k < r.n_items; k++) {
        uint64_t h = hash_text(r.items[k].id) ^ seed;
        g.base[k] = 250 + (int)below(&h, 551); /* typical answers from 25% to 80% */
    }

    int rc = 0;
    struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT;
    for (unsigned long n = 1; n <= count && rc == 0; n++) {
        strbuf_reset(&sb);
        strbuf_reset(&path);
        add_respondent(&g, &sb, n);
        strbuf_addf(&path, "%s/r%06lu.yaml", dir, n);
        if (write_file(strbuf_str(&path), &sb) != 0)
            rc = 4;
    }
    if (rc == 0 && expect_path && write_expect(&g, expect_path, count) != 0)
        rc = 4;
    strbuf_release(&sb);
    strbuf_release(&path);
    free(g.base);
    free(g.expect);
    rules_release(&r);
    return rc;
}

/* ---- a rules file with its stages repeated ---- */

/* A double-quoted YAML scalar for any text the loader accepted. */
static void add_yaml_string(struct strbuf *sb, const char *s)
{
    strbuf_addc(sb, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            strbuf_addf(sb, "\\%c", *p);
        else if (*p == '\n')
            strbuf_adds(sb, "\\n");
        else if (*p < 0x20 || *p == 0x7f)
            strbuf_addf(sb, "\\x%02x", *p);
        else
            strbuf_addc(sb, (char)*p);
    }
    strbuf_addc(sb, '"');
}

static void add_key(struct strbuf *sb, const char *indent, const char *key, const char *value)
{
    if (!value)
        return;
    strbuf_addf(sb, "%s%s: ", indent, key);
    add_yaml_string(sb, value);
    strbuf_addc(sb, '\n');
}

/* "launch" in copy 1, "launch-2" in copy 2, and "launch.x" as "launch-2.x". */
static void add_copied_id(struct strbuf *sb, const struct rules *r, const char *id,
                          unsigned long copy)
{
    if (copy == 1) {
        strbuf_adds(sb, id);
        return;
    }
    for (size_t s = 0; s < r->n_stages; s++) {
        size_t len = strlen(r->stages[s].id);
        if (strncmp(id, r->stages[s].id, len) == 0 && (id[len] == '.' || id[len] == '\0')) {
            strbuf_addf(sb, "%s-%lu%s", r->stages[s].id, copy, id + len);
            return;
        }
    }
    strbuf_addf(sb, "c%lu-%s", copy, id);
}

static void add_header(struct strbuf *sb, const struct rules *r, unsigned long copies)
{
    strbuf_adds(sb, "# Made by bench/gen.c for stagegap's benchmark: every stage of ");
    strbuf_adds(sb, r->id);
    strbuf_addf(sb, " repeated %lu times.\nformat: stagegap-rules/1\nid: %s-x%lu\n", copies, r->id,
                copies);
    add_key(sb, "", "version", r->version);
    add_key(sb, "", "title", r->title);
    add_key(sb, "", "description", r->description);
    strbuf_adds(sb, "source:\n");
    add_key(sb, "  ", "title", r->source.title);
    add_key(sb, "  ", "publisher", r->source.publisher);
    if (r->source.year)
        strbuf_addf(sb, "  year: %ld\n", r->source.year);
    add_key(sb, "  ", "url", r->source.url);
    add_key(sb, "  ", "note", r->source.note);
    add_key(sb, "  ", "judgement", r->source.judgement);
    strbuf_addf(sb, "scale:\n  min: %ld\n  max: %ld\n", r->scale_min, r->scale_max);
    add_key(sb, "  ", "low", r->scale_low);
    add_key(sb, "  ", "high", r->scale_high);
    strbuf_addf(sb, "scoring:\n  min-coverage: %g\n  acted-on: %g\nlevels:\n", r->min_coverage,
                r->acted_on);
    for (size_t l = 0; l < r->n_levels; l++) {
        strbuf_addf(sb, "  - id: %s\n", r->levels[l].id);
        add_key(sb, "    ", "title", r->levels[l].title);
        add_key(sb, "    ", "description", r->levels[l].description);
    }
    strbuf_adds(sb, "bands:\n");
    for (size_t b = 0; b < r->n_bands; b++) {
        strbuf_addf(sb, "  - id: %s\n    min: %g\n", r->bands[b].id, r->bands[b].min);
        add_key(sb, "    ", "title", r->bands[b].title);
        add_key(sb, "    ", "description", r->bands[b].description);
    }
}

static void add_item(struct strbuf *sb, const struct rules *r, size_t i, unsigned long copy)
{
    const struct rules_item *it = &r->items[i];
    strbuf_adds(sb, "      - id: ");
    add_copied_id(sb, r, it->id, copy);
    strbuf_addf(sb, "\n        level: %s\n", r->levels[it->level].id);
    add_key(sb, "        ", "text", it->text);
    add_key(sb, "        ", "question", it->question);
    add_key(sb, "        ", "low", it->low);
    add_key(sb, "        ", "high", it->high);
    if (it->weight != 1)
        strbuf_addf(sb, "        weight: %g\n", it->weight);
    add_key(sb, "        ", "source", it->source);
    if (!it->n_addresses)
        return;
    strbuf_adds(sb, "        addresses: [");
    for (size_t k = 0; k < it->n_addresses; k++) {
        strbuf_adds(sb, k ? ", " : "");
        add_copied_id(sb, r, r->items[it->addresses[k]].id, copy);
    }
    strbuf_adds(sb, "]\n");
}

static void add_stage(struct strbuf *sb, const struct rules *r, size_t s, unsigned long copy)
{
    const struct rules_stage *st = &r->stages[s];
    strbuf_adds(sb, "  - id: ");
    add_copied_id(sb, r, st->id, copy);
    strbuf_addc(sb, '\n');
    add_key(sb, "    ", "title", st->title);
    add_key(sb, "    ", "description", st->description);
    for (int k = 0; k < ITEM_KINDS; k++) {
        bool any = false;
        for (size_t i = st->first_item; i < st->first_item + st->n_items; i++) {
            if (r->items[i].kind != (enum item_kind)k)
                continue;
            if (!any)
                strbuf_addf(sb, "    %s:\n", item_kind_list((enum item_kind)k));
            any = true;
            add_item(sb, r, i, copy);
        }
    }
    if (st->n_notes)
        strbuf_adds(sb, "    notes:\n");
    for (size_t k = 0; k < st->n_notes; k++) {
        strbuf_adds(sb, "      - ");
        add_yaml_string(sb, st->notes[k]);
        strbuf_addc(sb, '\n');
    }
}

static int cmd_rules(int argc, char **argv)
{
    const char *rules_path = NULL;
    unsigned long copies;
    int i = 2;
    if (i + 1 < argc && strcmp(argv[i], "--rules") == 0) {
        rules_path = argv[i + 1];
        i += 2;
    }
    if (argc - i != 2 || !parse_count(argv[i], 1000, &copies) || copies == 0)
        return die_usage();
    struct rules r;
    if (load_rules(&r, rules_path) != 0)
        return 3;
    struct strbuf sb = STRBUF_INIT;
    add_header(&sb, &r, copies);
    strbuf_adds(&sb, "stages:\n");
    for (unsigned long c = 1; c <= copies; c++)
        for (size_t s = 0; s < r.n_stages; s++)
            add_stage(&sb, &r, s, c);
    int rc = write_file(argv[i + 1], &sb) == 0 ? 0 : 4;
    strbuf_release(&sb);
    rules_release(&r);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "answers") == 0)
        return cmd_answers(argc, argv);
    if (argc >= 2 && strcmp(argv[1], "rules") == 0)
        return cmd_rules(argc, argv);
    return die_usage();
}
