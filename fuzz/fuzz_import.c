/*
 * fuzz_import.c - libFuzzer target for "stagegap import": a survey tool's CSV export
 * (and, now and then, a stagegap-import-map/1 file) turned into answers files for the
 * built-in model, each of which is then loaded, scored and rendered like any other.
 *
 * Input: one control byte, then the CSV. Bit 0 of the control byte passes
 * --organisation, bit 1 --date, bit 7 --encoding cp1250 with --scale 1..11 and --scale
 * 'launch.introducing-sos=1..5'. When the rest holds the line IMPORT_MAP_SEPARATOR,
 * what follows it is the mapping file. The seed corpus that fuzz/run.sh builds prefixes
 * each fixture with 'l' (0x6c: neither option) or 's' (0x73: both options).
 *
 * Beyond "no crash", it checks what import promises: it fails exactly when there are
 * errors and then leaves no files, every file name is a bare, unique name that cannot
 * leave the output directory, and every file it builds is a valid answers file.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "diag.h"
#include "fuzz_check.h"
#include "import.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

#define IMPORT_MAP_SEPARATOR "\n--- map ---\n"

enum { CHECK_FILES_MAX = 1000 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* First occurrence of needle in the n bytes at hay, or NULL (hay need not end in NUL). */
static const char *find_bytes(const char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; k <= n && i <= n - k; i++)
        if (memcmp(hay + i, needle, k) == 0)
            return hay + i;
    return NULL;
}

static int compare_names(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

static void check_names(const struct import_result *res)
{
    const char **names = calloc(res->n + 1, sizeof(*names));
    if (!names)
        abort();
    for (size_t i = 0; i < res->n; i++) {
        const char *name = res->files[i].name;
        if (!name || !*name || strchr(name, '/') || strchr(name, '\\') || name[0] == '.')
            fuzz_fail("import", "a file name that is empty, hidden or not bare", i);
        fuzz_check_safe("import file name", name, strlen(name), 0);
        if (strchr(name, '\n'))
            fuzz_fail("import", "a file name with a newline", i);
        if (!res->files[i].text || strlen(res->files[i].text) != res->files[i].len)
            fuzz_fail("import", "a file's text and length disagree", i);
        names[i] = name;
    }
    /* Sorted, so that an export of thousands of rows is checked in time. */
    qsort(names, res->n, sizeof(*names), compare_names);
    for (size_t i = 1; i < res->n; i++)
        if (strcmp(names[i - 1], names[i]) == 0)
            fuzz_fail("import", "two files with the same name", i);
    free(names);
}

/*
 * Every file import builds must be an answers file "stagegap assess" takes on its own.
 * Rows may name different organisations, so the files are pooled into one assessment
 * only as far as they agree, and that is scored and rendered. Past CHECK_FILES_MAX files
 * (a long export of short rows) the rest are alike and only slow the fuzzer down.
 */
static void assess_imported(const struct rules *r, const struct import_result *res, unsigned knob)
{
    struct assessment all;
    struct score s;
    struct diags pooled;
    diags_init(&pooled);
    assessment_init(&all, r);
    score_init(&s);
    for (size_t i = 0; i < res->n && i < CHECK_FILES_MAX; i++) {
        const struct import_file *f = &res->files[i];
        struct assessment one;
        struct diags d;
        diags_init(&d);
        assessment_init(&one, r);
        if (assessment_add_buffer(&one, f->name, f->text, f->len, false, &d) != 0) {
            struct strbuf msg = STRBUF_INIT;
            diags_render(&d, &msg);
            fprintf(stderr, "%s\n--- %s ---\n%s\n", strbuf_str(&msg), f->name, f->text);
            fuzz_fail("import", "an imported file is not a valid answers file", i);
        }
        assessment_release(&one);
        diags_release(&d);
        assessment_add_buffer(&all, f->name, f->text, f->len, false, &pooled);
    }
    if (all.respondents) {
        score_compute(&s, r, &all);
        fuzz_render_all(&s, knob);
    }
    score_release(&s);
    assessment_release(&all);
    diags_release(&pooled);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const struct rules *r = fuzz_built_in_model();
    unsigned control = data[0];
    const char *buf = (const char *)data + 1;
    size_t len = size - 1;
    /* Bit 7 (no seed has it) states scales, for every column and for one, and a code page. */
    static const char *const scales[] = {"1..11", "launch.introducing-sos=1..5"};
    struct import_options o = {
        .csv_path = "fuzz.csv",
        .organisation = control & 1 ? "Fuzz Borough Council" : NULL,
        .date = control & 2 ? "2026-03-31" : NULL,
        .scales = control & 0x80 ? scales : NULL,
        .n_scales = control & 0x80 ? 2 : 0,
        .encoding = control & 0x80 ? "cp1250" : NULL,
    };
    struct import_source csv = {"fuzz.csv", buf, len}, map = {"fuzz-map.yaml", NULL, 0};
    const char *sep = find_bytes(buf, len, IMPORT_MAP_SEPARATOR);
    if (sep) {
        csv.len = (size_t)(sep - buf);
        map.buf = sep + strlen(IMPORT_MAP_SEPARATOR);
        map.len = len - csv.len - strlen(IMPORT_MAP_SEPARATOR);
        o.map_path = map.name;
    }
    struct import_result res;
    struct diags d;
    diags_init(&d);
    import_result_init(&res);
    int rc = import_csv_buffer(r, &o, &csv, sep ? &map : NULL, &res, &d);
    if ((rc == 0) != (d.errors == 0))
        fuzz_fail("import_csv_buffer", "return value disagrees with the diagnostics", 0);
    if (rc != 0 && res.n != 0)
        fuzz_fail("import_csv_buffer", "failed but left files behind", 0);
    if (rc == 0) {
        struct strbuf sb = STRBUF_INIT;
        check_names(&res);
        import_summary(&res, csv.name, "out", &sb);
        fuzz_check_safe("import summary", sb.buf, sb.len, 0);
        strbuf_release(&sb);
        assess_imported(r, &res, control >> 2);
    }
    fuzz_check_diags(&d);
    import_result_release(&res);
    diags_release(&d);
    return 0;
}
