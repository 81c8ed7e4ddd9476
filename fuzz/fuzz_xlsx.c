/*
 * fuzz_xlsx.c - libFuzzer target for the workbook reader (xlsx.h).
 *
 * Input: one control byte, then the rest. Bit 0 of the control byte asks for the sheet
 * "Sheet1" by name rather than the first sheet. Bit 1 chooses what the rest is:
 *   clear - a whole .xlsx file, as a user would hand it over (the archive's own checks,
 *           CRCs included, come first, so this mostly exercises libzip and the limits);
 *   set   - the XML of the parts, separated by NUL bytes: the worksheet, then the
 *           shared strings, the styles and the workbook (those left out are the usual
 *           ones, or absent). The target zips them itself, so mutations reach the
 *           SpreadsheetML reading behind the archive's checksums.
 * The seed corpus (fuzz/corpus/xlsx/, made by tests/tools/make_xlsx_fixtures.py) has
 * both kinds: 'x' (0x78) and 'y' before a whole file, 'z' (0x7a) before XML parts;
 * fuzz/run.sh adds every workbook under tests/fixtures/xlsx/ with 'x'.
 *
 * Beyond "no crash", it checks what xlsx.h promises: it fails exactly when there are
 * errors; rows come in increasing order, each with 1 to XLSX_COLUMNS_MAX cells, the
 * last not empty; no cell is longer than XLSX_CELL_MAX or is not UTF-8; diagnostics
 * render safely.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "diag.h"
#include "fuzz_check.h"
#include "text.h"
#include "xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char content_types[] =
    "<?xml version=\"1.0\"?><Types "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
static const char workbook[] =
    "<?xml version=\"1.0\"?><workbook "
    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char rels[] =
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";

struct check {
    size_t last_row, cells, rows;
    size_t last_len;
};

static int check_cell(void *ctx, const char *text, size_t len)
{
    struct check *c = ctx;
    if (len > XLSX_CELL_MAX)
        fuzz_fail("xlsx_read", "a cell longer than XLSX_CELL_MAX", len);
    if (!utf8_valid(text, len, NULL))
        fuzz_fail("xlsx_read", "a cell that is not UTF-8", c->cells);
    if (++c->cells > XLSX_COLUMNS_MAX)
        fuzz_fail("xlsx_read", "a row of more than XLSX_COLUMNS_MAX cells", c->cells);
    c->last_len = len;
    return 0;
}

static int check_row_end(void *ctx, size_t row)
{
    struct check *c = ctx;
    if (row <= c->last_row)
        fuzz_fail("xlsx_read", "rows not in increasing order", row);
    if (c->cells == 0 || c->last_len == 0)
        fuzz_fail("xlsx_read", "a row empty or ending in an empty cell", row);
    if (++c->rows > XLSX_ROWS_MAX)
        fuzz_fail("xlsx_read", "more than XLSX_ROWS_MAX rows", row);
    c->last_row = row;
    c->cells = 0;
    return 0;
}

/* Adds len bytes at data to za as name, stored; false when libzip fails. */
static bool add_part(zip_t *za, const char *name, const void *data, size_t len)
{
    zip_source_t *s = zip_source_buffer(za, data, len, 0);
    if (!s)
        return false;
    zip_int64_t i = zip_file_add(za, name, s, ZIP_FL_OVERWRITE);
    if (i < 0) {
        zip_source_free(s);
        return false;
    }
    return zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0) == 0;
}

/* The parts in data (NUL-separated) as an archive in memory; malloc'd, or NULL. */
static char *make_archive(const char *data, size_t size, size_t *len)
{
    static const char *const names[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                        "xl/styles.xml", "xl/workbook.xml"};
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
    zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &err) : NULL;
    char *out = NULL;
    bool ok = za != NULL;
    size_t part = 0;
    zip_error_fini(&err);
    if (!za) {
        if (src)
            zip_source_free(src);
        return NULL;
    }
    zip_source_keep(src);
    ok = add_part(za, "[Content_Types].xml", content_types, strlen(content_types)) &&
         add_part(za, "xl/_rels/workbook.xml.rels", rels, strlen(rels));
    const char *p = data, *end = data + size;
    while (ok && part < 4 && p <= end) {
        const char *nul = memchr(p, '\0', (size_t)(end - p));
        size_t n = nul ? (size_t)(nul - p) : (size_t)(end - p);
        ok = add_part(za, names[part++], p, n);
        p += n + 1;
    }
    if (ok && part < 4)
        ok = add_part(za, "xl/workbook.xml", workbook, strlen(workbook));
    if (!ok || zip_close(za) != 0) {
        zip_discard(za);
        zip_source_free(src);
        return NULL;
    }
    zip_stat_t st;
    if (zip_source_open(src) == 0) {
        if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
            out = malloc(st.size ? st.size : 1);
            if (!out || zip_source_read(src, out, st.size) != (zip_int64_t)st.size) {
                free(out);
                out = NULL;
            }
            *len = st.size;
        }
        zip_source_close(src);
    }
    zip_source_free(src);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    unsigned control = data[0];
    const char *buf = (const char *)data + 1;
    size_t len = size - 1;
    char *archive = NULL;
    if (control & 2) {
        archive = make_archive(buf, len, &len);
        if (!archive)
            return 0;
        buf = archive;
    }
    struct check c = {0, 0, 0, 0};
    struct import_sink sink = {&c, check_cell, check_row_end};
    struct diags d;
    diags_init(&d);
    int rc = xlsx_read("fuzz.xlsx", buf, len, control & 1 ? "Sheet1" : NULL, &sink, &d, NULL);
    if ((rc == 0) != (d.errors == 0))
        fuzz_fail("xlsx_read", "return value disagrees with the diagnostics", 0);
    fuzz_check_diags(&d);
    diags_release(&d);
    free(archive);
    return 0;
}
