/*
 * model_to_c - writes a rules file as C initialisers of struct rules, at build time.
 *
 *   model_to_c MODEL.yaml NAME SYMBOL OUTPUT.c
 *
 * Loads MODEL.yaml with the project's own loader (rules_load_buffer) and writes OUTPUT.c
 * defining `const struct rules SYMBOL`, named NAME (the file name reports show), with
 * every field the loader filled in: the strings, the items, stages, levels and bands,
 * the resolved cross references, the sorted index of item ids and the file's SHA-256.
 * The built-in model is then this data (src/model/rules_builtin.c copies it), not YAML parsed
 * at every start (docs/performance.md, "The built-in model as data"). unit_rules checks
 * that what it wrote is the model the loader reads from the same file.
 *
 * It runs on the build machine: when cross-compiling, CMake builds it with the build
 * machine's compiler (tools/CMakeLists.txt). A model that does not load is reported
 * with the loader's diagnostics and exit 1, and nothing is written.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fileio.h"
#include "rules.h"
#include "rules_builtin.h"
#include "strbuf.h"

/*
 * A field added to these structs must be written below and compared by unit_rules
 * (test_rules_compiled_model_is_the_parsed_one); then change the size here.
 */
#if defined(__LP64__)
_Static_assert(sizeof(struct rules_item) == 184, "a new rules_item field: write it below");
_Static_assert(sizeof(struct rules) == 392, "a new rules field: write it below");
_Static_assert(sizeof(struct rules_stage) == 56, "a new rules_stage field: write it below");
_Static_assert(sizeof(struct rules_band) == 40, "a new rules_band field: write it below");
_Static_assert(sizeof(struct rules_target) == 40, "a new rules_target field: write it below");
_Static_assert(sizeof(struct rules_source) == 48, "a new rules_source field: write it below");
_Static_assert(sizeof(struct rules_level) == 24, "a new rules_level field: write it below");
#endif

/*
 * The built-in model is what this program makes; it has none of its own. The overlay
 * loader linked in here calls this only for an overlay extending it, and the shipped
 * models are plain.
 */
int rules_load_default(struct rules *r, struct diags *d)
{
    rules_init(r);
    diag_error(d, NULL, 0, 0, "model_to_c: a model given to it cannot extend the built-in one");
    return -1;
}

/* s as a C string literal: octal escapes for every byte outside printable ASCII, and for
   '?' (no trigraphs); a literal per line of text, so that the output can be read. */
static void put_string(struct strbuf *out, const char *s)
{
    if (!s) {
        strbuf_adds(out, "NULL");
        return;
    }
    strbuf_addc(out, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            strbuf_addf(out, "\\%c", *p);
        else if (*p == '\n')
            strbuf_adds(out, p[1] ? "\\n\"\n        \"" : "\\n");
        else if (*p < 0x20 || *p >= 0x7f || *p == '?')
            strbuf_addf(out, "\\%03o", *p);
        else
            strbuf_addc(out, (char)*p);
    }
    strbuf_addc(out, '"');
}

static void put_field(struct strbuf *out, const char *name, const char *s)
{
    strbuf_addf(out, " .%s = ", name);
    put_string(out, s);
    strbuf_addc(out, ',');
}

/* A double exactly, as the loader computed it: C99's hexadecimal floating constants. */
static void put_double(struct strbuf *out, const char *name, double v)
{
    strbuf_addf(out, " .%s = %a,", name, v);
}

static const char *const kind_enums[ITEM_KINDS] = {"ITEM_CHALLENGE", "ITEM_FACILITATOR",
                                                   "ITEM_BARRIER", "ITEM_SUGGESTION"};
static const char *const origin_enums[] = {"ORIGIN_BASE", "ORIGIN_CHANGED", "ORIGIN_ADDED"};

static void put_sizes(struct strbuf *out, const char *sym, const char *what, size_t index,
                      const size_t *v, size_t n)
{
    strbuf_addf(out, "static size_t %s_%s_%zu[] = {", sym, what, index);
    for (size_t i = 0; i < n; i++)
        strbuf_addf(out, "%s%zu", i ? ", " : "", v[i]);
    strbuf_adds(out, "};\n");
}

static void put_item(struct strbuf *out, const char *sym, size_t i, const struct rules_item *it)
{
    strbuf_adds(out, "    {");
    put_field(out, "id", it->id);
    put_field(out, "text", it->text);
    put_field(out, "question", it->question);
    put_field(out, "low", it->low);
    put_field(out, "high", it->high);
    put_field(out, "source", it->source);
    put_field(out, "label", it->label);
    put_field(out, "hedge", it->hedge);
    strbuf_addf(out, "\n     .kind = %s, .stage = %zu, .level = %zu,", kind_enums[it->kind],
                it->stage, it->level);
    put_double(out, "weight", it->weight);
    strbuf_addf(out, " .weight_scaled = INT64_C(%" PRId64 "),", it->weight_scaled);
    if (it->addresses)
        strbuf_addf(out, " .addresses = %s_addresses_%zu,", sym, i);
    strbuf_addf(out, " .n_addresses = %zu, .line = %uu,", it->n_addresses, it->line);
    const struct rules_target *t = &it->target;
    strbuf_addf(out, "\n     .target = {.set = %s, .score_scaled = INT64_C(%" PRId64 "),",
                t->set ? "true" : "false", t->score_scaled);
    put_double(out, "score", t->score);
    put_field(out, "by", t->by);
    strbuf_addf(out, " .line = %uu, .column = %uu},", t->line, t->column);
    put_field(out, "retired", it->retired);
    strbuf_addf(out, " .origin = %s, .changes = %uu},\n", origin_enums[it->origin], it->changes);
}

static void put_arrays(struct strbuf *out, const struct rules *r, const char *sym)
{
    for (size_t s = 0; s < r->n_stages; s++) {
        const struct rules_stage *st = &r->stages[s];
        if (!st->notes)
            continue;
        strbuf_addf(out, "static const char *%s_notes_%zu[] = {\n", sym, s);
        for (size_t i = 0; i < st->n_notes; i++) {
            strbuf_adds(out, "    ");
            put_string(out, st->notes[i]);
            strbuf_adds(out, ",\n");
        }
        if (!st->n_notes)
            strbuf_adds(out, "    NULL,\n");
        strbuf_adds(out, "};\n");
    }
    for (size_t i = 0; i < r->n_items; i++)
        if (r->items[i].addresses && r->items[i].n_addresses)
            put_sizes(out, sym, "addresses", i, r->items[i].addresses, r->items[i].n_addresses);
    strbuf_addf(out, "static struct rules_level %s_levels[] = {\n", sym);
    for (size_t i = 0; i < r->n_levels; i++) {
        strbuf_adds(out, "    {");
        put_field(out, "id", r->levels[i].id);
        put_field(out, "title", r->levels[i].title);
        put_field(out, "description", r->levels[i].description);
        strbuf_adds(out, "},\n");
    }
    strbuf_addf(out, "};\nstatic struct rules_band %s_bands[] = {\n", sym);
    for (size_t i = 0; i < r->n_bands; i++) {
        const struct rules_band *b = &r->bands[i];
        strbuf_adds(out, "    {");
        put_field(out, "id", b->id);
        put_field(out, "title", b->title);
        put_field(out, "description", b->description);
        put_double(out, "min", b->min);
        strbuf_addf(out, " .min_scaled = INT64_C(%" PRId64 ")},\n", b->min_scaled);
    }
    strbuf_addf(out, "};\nstatic struct rules_stage %s_stages[] = {\n", sym);
    for (size_t s = 0; s < r->n_stages; s++) {
        const struct rules_stage *st = &r->stages[s];
        strbuf_adds(out, "    {");
        put_field(out, "id", st->id);
        put_field(out, "title", st->title);
        put_field(out, "description", st->description);
        strbuf_addf(out, "\n     .first_item = %zu, .n_items = %zu,", st->first_item, st->n_items);
        if (st->notes)
            strbuf_addf(out, " .notes = %s_notes_%zu,", sym, s);
        strbuf_addf(out, " .n_notes = %zu},\n", st->n_notes);
    }
    strbuf_addf(out, "};\nstatic struct rules_item %s_items[] = {\n", sym);
    for (size_t i = 0; i < r->n_items; i++)
        put_item(out, sym, i, &r->items[i]);
    strbuf_adds(out, "};\n");
    put_sizes(out, sym, "by_id", 0, r->by_id, r->n_by_id);
}

static void put_model(struct strbuf *out, const struct rules *r, const char *input, const char *sym)
{
    /* A model the loader accepts has at least one level, band, stage and item, so no
       array below is empty (C has no empty initialiser). */
    strbuf_addf(out,
                "/* Generated from %s by tools/model_to_c.c at build time; do not edit. */\n"
                "#include <stdbool.h>\n#include <stddef.h>\n#include <stdint.h>\n\n"
                "#include \"rules_builtin.h\"\n\n",
                input);
    put_arrays(out, r, sym);
    strbuf_addf(out, "\nconst struct rules %s = {\n   ", sym);
    put_field(out, "file", r->file);
    put_field(out, "id", r->id);
    put_field(out, "version", r->version);
    put_field(out, "title", r->title);
    strbuf_adds(out, "\n   ");
    put_field(out, "description", r->description);
    strbuf_adds(out, "\n    .source = {");
    put_field(out, "title", r->source.title);
    put_field(out, "publisher", r->source.publisher);
    put_field(out, "url", r->source.url);
    put_field(out, "note", r->source.note);
    put_field(out, "judgement", r->source.judgement);
    strbuf_addf(out, " .year = %ldL},\n    .scale_min = %ldL, .scale_max = %ldL,", r->source.year,
                r->scale_min, r->scale_max);
    put_field(out, "scale_low", r->scale_low);
    put_field(out, "scale_high", r->scale_high);
    strbuf_adds(out, "\n   ");
    put_double(out, "min_coverage", r->min_coverage);
    put_double(out, "acted_on", r->acted_on);
    strbuf_addf(out,
                "\n    .min_coverage_scaled = INT64_C(%" PRId64
                "), .acted_on_scaled = INT64_C(%" PRId64 "),\n",
                r->min_coverage_scaled, r->acted_on_scaled);
    strbuf_addf(out, "    .levels = %s_levels, .n_levels = %zu,\n", sym, r->n_levels);
    strbuf_addf(out, "    .bands = %s_bands, .n_bands = %zu,\n", sym, r->n_bands);
    strbuf_addf(out, "    .stages = %s_stages, .n_stages = %zu,\n", sym, r->n_stages);
    strbuf_addf(out, "    .items = %s_items, .n_items = %zu,\n", sym, r->n_items);
    strbuf_addf(out, "    .by_id = %s_by_id_0, .n_by_id = %zu,\n", sym, r->n_by_id);
    strbuf_addf(out, "    .sha256 = \"%s\",\n    .base = NULL,\n    .model_sha256 = \"%s\",\n",
                r->sha256, r->model_sha256);
    strbuf_addf(out, "    .overlay_changes = %uu,\n    .pool = POOL_INIT,\n};\n",
                r->overlay_changes);
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: model_to_c MODEL.yaml NAME SYMBOL OUTPUT.c\n");
        return 2;
    }
    const char *input = argv[1], *name = argv[2], *sym = argv[3], *output = argv[4];
    struct diags d;
    struct rules r;
    struct strbuf out = STRBUF_INIT, msg = STRBUF_INIT;
    char *buf = NULL;
    size_t len = 0;
    int rc = 1;
    diags_init(&d);
    rules_init(&r);
    /* Loaded under its path, so that a mistake in it is located there; named NAME after. */
    if (fileio_read(input, RULES_FILE_MAX, &buf, &len, &d) != 0 ||
        rules_load_buffer(&r, input, buf, len, &d) != 0)
        goto out;
    r.file = name;
    if (r.base || !r.n_levels || !r.n_bands || !r.n_stages || !r.n_items || !r.n_by_id) {
        fprintf(stderr, "model_to_c: %s: an overlay or an empty list cannot be written\n", input);
        goto out;
    }
    /* The file's path as the build gave it would differ from machine to machine. */
    const char *base = strrchr(input, '/');
    put_model(&out, &r, base ? base + 1 : input, sym);
    if (fileio_write_atomic(output, strbuf_str(&out), out.len, &d) != 0)
        goto out;
    rc = 0;
out:
    diags_render(&d, &msg);
    fputs(strbuf_str(&msg), stderr);
    strbuf_release(&msg);
    strbuf_release(&out);
    free(buf);
    rules_release(&r);
    diags_release(&d);
    return rc;
}
