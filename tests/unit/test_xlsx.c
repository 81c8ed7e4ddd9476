/*
 * test_xlsx.c - the workbook reader: workbooks written by openpyxl and by hand
 * (tests/tools/make_xlsx_fixtures.py makes tests/fixtures/xlsx/) read as rows of text
 * cells; dates, times and numbers as text; and every hostile archive refused with its
 * message and position.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "testutil.h"

#include "fileio.h"
#include "strbuf.h"
#include "xlsx.h"
#include "xlsx_sheet.h"

#define FIXTURES "tests/fixtures/xlsx/"

/* What a sink was given: "ROW: cell|cell|...\n" a row. */
struct collect {
    struct strbuf out, row;
    size_t cells_in_row;
    size_t stop_at_cell; /* 1-based; 0: never stop */
    size_t cells;
};

#define COLLECT_INIT                                                                               \
    {                                                                                              \
        STRBUF_INIT, STRBUF_INIT, 0, 0, 0                                                          \
    }

static int collect_cell(void *ctx, const char *text, size_t len)
{
    struct collect *c = ctx;
    if (c->cells_in_row++)
        strbuf_addc(&c->row, '|');
    strbuf_add(&c->row, text, len);
    return ++c->cells == c->stop_at_cell ? -1 : 0;
}

static int collect_row_end(void *ctx, size_t row)
{
    struct collect *c = ctx;
    strbuf_addf(&c->out, "%zu: %s\n", row, strbuf_str(&c->row));
    strbuf_reset(&c->row);
    c->cells_in_row = 0;
    return 0;
}

static void collect_release(struct collect *c)
{
    strbuf_release(&c->out);
    strbuf_release(&c->row);
}

/* Reads fixture file (under FIXTURES) into c; the diagnostics stay in d. */
static int read_fixture(const char *file, const char *sheet, struct collect *c, struct diags *d)
{
    struct strbuf path = STRBUF_INIT;
    struct import_sink sink = {c, collect_cell, collect_row_end};
    char *buf = NULL;
    size_t len = 0;
    strbuf_addf(&path, FIXTURES "%s", file);
    if (fileio_read(path.buf, XLSX_FILE_MAX, &buf, &len, d) != 0) {
        print_diags(d);
        fail();
    }
    int rc = xlsx_read(file, buf, len, sheet, &sink, d, NULL);
    free(buf);
    strbuf_release(&path);
    return rc;
}

/* Asserts fixture file (sheet, or the first) reads without a problem as expected. */
static void assert_reads(const char *file, const char *sheet, const char *expected)
{
    struct collect c = COLLECT_INIT;
    struct diags d;
    diags_init(&d);
    int rc = read_fixture(file, sheet, &c, &d);
    if (rc != 0 || d.n != 0) {
        print_diags(&d);
        fail();
    }
    if (strcmp(strbuf_str(&c.out), expected) != 0) {
        fprintf(stderr, "%s: expected:\n%s\ngot:\n%s\n", file, expected, strbuf_str(&c.out));
        fail();
    }
    collect_release(&c);
    diags_release(&d);
}

/* Asserts fixture file is refused with exactly one error, msg at line:column. */
static void assert_refused(const char *file, const char *sheet, unsigned line, unsigned column,
                           const char *msg)
{
    struct collect c = COLLECT_INIT;
    struct diags d;
    diags_init(&d);
    assert_int_equal(read_fixture(file, sheet, &c, &d), -1);
    assert_diag(&d, line, column, msg);
    assert_int_equal(d.errors, 1);
    assert_string_equal(d.v[0].file, file);
    collect_release(&c);
    diags_release(&d);
}

/* ---- workbooks written by openpyxl ---- */

static void test_xlsx_strings_numbers_booleans_errors(void **state)
{
    (void)state;
    /* Row 2's styled empty F2 and row 10 (no value at all) are not passed; row 5 is
       missing; row 6 starts with two empty cells; row 3 stops at its last value. */
    assert_reads("basic.xlsx", NULL,
                 "1: Name|Score|Passed|Note\n"
                 "2: Ann|7|TRUE|ok\n"
                 "3: Bob|3.5|FALSE\n"
                 "4: Cy|-2||#N/A\n"
                 "6: ||gap\n"
                 "7: 0.1|1e+20|1.23456789012346e+17|0.333333333333333\n"
                 "8:   spaces  |line\nbreak|"
                 "\xc3\xbc"
                 "n\xc3\xaf"
                 "c\xc3\xb8"
                 "d\xc3\xa9 \xe2\x82\xac\n");
}

static void test_xlsx_dates_1900(void **state)
{
    (void)state;
    assert_reads("dates1900.xlsx", NULL,
                 "1: 2026-03-01\n"
                 "2: 2026-03-01 09:30:15\n"
                 "3: 09:30:00\n"
                 "4: 1900-02-29\n" /* serial 60, the day that never was */
                 "5: 1900-02-28\n"
                 "6: 1900-03-01\n"
                 "7: 1900-01-01\n"
                 "8: 2026-03-01 00:00:00\n" /* built-in 22 has a time: midnight is shown */
                 "9: 2023-03-15\n"          /* dd "de" mmmm yyyy: a date, not a time */
                 "10: 7\n"                  /* 0.00 is no date */
                 "11: 30:00:00\n"           /* [h]:mm: elapsed time */
                 "12: 18:00:00\n");         /* [Red]h:mm AM/PM */
}

static void test_xlsx_dates_1904(void **state)
{
    (void)state;
    assert_reads("dates1904.xlsx", NULL,
                 "1: 2026-03-01\n"
                 "2: 2026-03-01 09:30:00\n"
                 "3: 1904-01-02\n");
}

static void test_xlsx_first_sheet_in_workbook_order(void **state)
{
    (void)state;
    assert_reads("sheets.xlsx", NULL, "1: hello\n");
}

static void test_xlsx_sheet_by_name(void **state)
{
    (void)state;
    assert_reads("sheets.xlsx", "Responses", "1: id|answer\n2: 1|yes\n");
    assert_reads("sheets.xlsx", "Empty", "");
}

static void test_xlsx_sheet_not_found_lists_sheets(void **state)
{
    (void)state;
    assert_refused("sheets.xlsx", "responses", 0, 0,
                   "no sheet 'responses' in the workbook; its sheets are 'Intro', 'Responses', "
                   "'Empty'");
}

/* Hidden and very hidden sheets are never read unless named (issue 27). */
static void test_xlsx_hidden_sheets(void **state)
{
    (void)state;
    assert_refused("all-hidden.xlsx", NULL, 0, 0,
                   "every worksheet of the workbook is hidden; name the one to read with "
                   "--sheet NAME");
    assert_reads("all-hidden.xlsx", "Secret", "1: ID|launch.introducing-sos\n2: 1|5\n");
    struct diags d;
    struct xlsx_sheet_info *sheets;
    size_t n;
    char *buf = NULL;
    size_t len = 0;
    diags_init(&d);
    assert_int_equal(fileio_read(FIXTURES "all-hidden.xlsx", XLSX_FILE_MAX, &buf, &len, &d), 0);
    assert_int_equal(xlsx_list_sheets("all-hidden.xlsx", buf, len, &sheets, &n, &d), 0);
    assert_int_equal(n, 2);
    assert_string_equal(sheets[0].name, "Secret");
    assert_true(sheets[0].hidden);
    assert_string_equal(sheets[1].name, "Also");
    assert_true(sheets[1].hidden);
    xlsx_sheet_list_free(sheets, n);
    free(buf);
    assert_int_equal(fileio_read(FIXTURES "sheets.xlsx", XLSX_FILE_MAX, &buf, &len, &d), 0);
    assert_int_equal(xlsx_list_sheets("sheets.xlsx", buf, len, &sheets, &n, &d), 0);
    assert_int_equal(n, 3);
    assert_string_equal(sheets[2].name, "Empty");
    assert_false(sheets[2].hidden);
    xlsx_sheet_list_free(sheets, n);
    free(buf);
    /* Not a workbook: refused, and nothing listed. */
    assert_int_equal(xlsx_list_sheets("x.xlsx", "PK\3\4", 4, &sheets, &n, &d), -1);
    assert_int_equal(n, 0);
    assert_null(sheets);
    diags_release(&d);
}

/* The sheet read, as every message names it: with the workbook's other worksheets,
   hidden ones marked, chart sheets not listed; the reader's own errors name them too
   (issue 27). */
static void test_xlsx_sheet_said(void **state)
{
    (void)state;
    struct diags d;
    struct collect c = COLLECT_INIT;
    struct import_sink sink = {&c, collect_cell, collect_row_end};
    char *buf = NULL, *said = NULL;
    size_t len = 0;
    diags_init(&d);
    assert_int_equal(
        fileio_read("tests/fixtures/import/sheets-bad-cells.xlsx", XLSX_FILE_MAX, &buf, &len, &d),
        0);
    assert_int_equal(xlsx_read("b.xlsx", buf, len, "Responses", &sink, &d, &said), 0);
    assert_string_equal(said, "sheet 'Responses' (others: 'Lists' (hidden), 'Summary')");
    free(said);
    said = NULL;
    assert_int_equal(xlsx_read("b.xlsx", buf, len, "Summary", &sink, &d, &said), -1);
    assert_string_equal(said, "sheet 'Summary' (others: 'Lists' (hidden), 'Responses')");
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].line, 1);
    assert_int_equal(d.v[0].column, 2);
    assert_string_equal(d.v[0].message,
                        "sheet 'Summary' (others: 'Lists' (hidden), 'Responses'), cell B1: a "
                        "formula whose value was never saved (the workbook was written by a "
                        "program, not saved by a spreadsheet); open it in Excel or LibreOffice "
                        "and save it, or paste the values over the formulas");
    free(said);
    /* A workbook of one sheet names no others. */
    said = NULL;
    free(buf);
    assert_int_equal(fileio_read(FIXTURES "basic.xlsx", XLSX_FILE_MAX, &buf, &len, &d), 0);
    assert_int_equal(xlsx_read("basic.xlsx", buf, len, NULL, &sink, &d, &said), 0);
    assert_null(strstr(said, "others"));
    free(said);
    free(buf);
    collect_release(&c);
    diags_release(&d);
}

/* A formula with no saved value would read as an empty cell: refused (issue 27). */
static void test_xlsx_formula_without_value(void **state)
{
    (void)state;
    assert_refused("formula-no-value.xlsx", NULL, 3, 2,
                   "sheet 'Form1', cell B3: a formula whose value was never saved (the workbook "
                   "was written by a program, not saved by a spreadsheet); open it in Excel or "
                   "LibreOffice and save it, or paste the values over the formulas");
}

/* A data cell merged down is refused, over rows 2-3 as over 4-5 (issue 27). */
static void test_xlsx_merged_data_cells(void **state)
{
    (void)state;
    assert_refused("merged-data.xlsx", NULL, 2, 2,
                   "sheet 'Form1', cell B2: cells 'B2:B3' are merged over rows 2 to 3; each "
                   "respondent's answer is a cell of its own: unmerge them and fill in each row "
                   "(only a header may be merged down, over rows 1 and 2)");
    assert_refused("merged-data-4-5.xlsx", NULL, 4, 2,
                   "sheet 'Form1', cell B4: cells 'B4:B5' are merged over rows 4 to 5; each "
                   "respondent's answer is a cell of its own: unmerge them and fill in each row "
                   "(only a header may be merged down, over rows 1 and 2)");
}

static void test_xlsx_merged_header_cells(void **state)
{
    (void)state;
    /* A1:A2 down, B1:D1 across; A5:C5 is below the header rows and stays as it is. */
    assert_reads("merged.xlsx", NULL,
                 "1: Respondent|Safety|Safety|Safety|Other\n"
                 "2: Respondent|Q1|Q2|Q3|Q4\n"
                 "3: 1|5|6|7|8\n"
                 "5: not a header\n");
}

static void test_xlsx_microsoft_forms_layout(void **state)
{
    (void)state;
    assert_reads("forms.xlsx", NULL,
                 "1: ID|Start time|Completion time|Email|Name|"
                 "We understand the worries about the child|Anything else?\n"
                 "2: 1|2026-03-02 09:00:05|2026-03-02 09:12:40|anonymous||7|Good progress\n"
                 "3: 2|2026-03-02 10:01:00|2026-03-02 10:20:00|r2@example.org|Sam Jones|4\n"
                 "4: 3|2026-03-03 14:30:00|2026-03-03 14:45:59|anonymous||10|"
                 "Caf\xc3\xa9 \"quotes\", commas\n");
}

/* ---- written by hand: what openpyxl does not write ---- */

static void test_xlsx_inline_rich_phonetic_and_missing_references(void **state)
{
    (void)state;
    /* Rich runs joined, the phonetic reading (rPh) left out, a formula's cached string,
       a strict ISO date, cells and a row without a reference taking the next place, and
       Excel's _xHHHH_ escapes decoded (but not a surrogate half). */
    assert_reads("inline-rich.xlsx", NULL,
                 "1: plain|bold and plain|\xe6\xbc\xa2\xe5\xad\x97\n"
                 "2: inline|rich inline|ab|2026-03-01 09:30:00\n"
                 "3: x||42\n"
                 "5: |1.5|2\n"
                 "6: line\r\nbreak _x0041_ \xc3\xa9 _xD800_|a\tb\n");
}

static void test_xlsx_sink_stops_the_read(void **state)
{
    (void)state;
    struct collect c = COLLECT_INIT;
    c.stop_at_cell = 3;
    struct diags d;
    diags_init(&d);
    assert_int_equal(read_fixture("basic.xlsx", NULL, &c, &d), -1);
    assert_int_equal(c.cells, 3); /* not one cell more */
    assert_int_equal(d.n, 0);     /* the sink says why, not the reader */
    collect_release(&c);
    diags_release(&d);
}

/* ---- numbers, dates and formats as text ---- */

static void assert_serial(double serial, enum xlsx_kind kind, bool date1904, const char *text)
{
    char out[64];
    assert_true(xlsx_serial_text(serial, kind, date1904, out, sizeof(out)));
    assert_string_equal(out, text);
}

static void test_xlsx_serial_text(void **state)
{
    (void)state;
    assert_serial(0, XLSX_DATE, false, "1899-12-31"); /* Excel's "1900-01-00" */
    assert_serial(59, XLSX_DATE, false, "1900-02-28");
    assert_serial(60, XLSX_DATE, false, "1900-02-29");
    assert_serial(61, XLSX_DATE, false, "1900-03-01");
    assert_serial(2958465, XLSX_DATE, false, "9999-12-31");
    assert_serial(46082.75, XLSX_DATETIME, false, "2026-03-01 18:00:00");
    assert_serial(46082.999999999, XLSX_DATETIME, false, "2026-03-02 00:00:00"); /* rounded */
    assert_serial(0.5, XLSX_TIME, false, "12:00:00");
    assert_serial(1.5, XLSX_TIME, false, "1900-01-01 12:00:00"); /* past the first day */
    assert_serial(2.5, XLSX_DURATION, false, "60:00:00");
    assert_serial(0, XLSX_DATE, true, "1904-01-01");
    assert_serial(44620, XLSX_DATE, true, "2026-03-01");
    assert_serial(2957003, XLSX_DATE, true, "9999-12-31");
    char out[64];
    assert_false(xlsx_serial_text(-1, XLSX_DATE, false, out, sizeof(out)));
    assert_false(xlsx_serial_text(2958466, XLSX_DATE, false, out, sizeof(out)));
    assert_false(xlsx_serial_text(2957004, XLSX_DATE, true, out, sizeof(out)));
}

static void test_xlsx_number_text(void **state)
{
    (void)state;
    char out[64];
    const struct {
        double v;
        const char *text;
    } cases[] = {{7, "7"},
                 {-0.0, "0"},
                 {0.1, "0.1"},
                 {0.1 + 0.2, "0.3"},
                 {1e20, "1e+20"},
                 {-2.5, "-2.5"},
                 {123456789012345.0, "123456789012345"}};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        xlsx_number_text(cases[i].v, out, sizeof(out));
        assert_string_equal(out, cases[i].text);
    }
}

static void test_xlsx_format_kind(void **state)
{
    (void)state;
    assert_int_equal(xlsx_format_kind("General"), XLSX_NUMBER);
    assert_int_equal(xlsx_format_kind("0.00E+00"), XLSX_NUMBER);
    assert_int_equal(xlsx_format_kind("#,##0 \"days\""), XLSX_NUMBER);
    assert_int_equal(xlsx_format_kind("[Red]0.0"), XLSX_NUMBER);
    assert_int_equal(xlsx_format_kind("0\\d"), XLSX_NUMBER);
    assert_int_equal(xlsx_format_kind("_(* #,##0_)"), XLSX_NUMBER);
    assert_int_equal(xlsx_format_kind("yyyy-mm-dd"), XLSX_DATE);
    assert_int_equal(xlsx_format_kind("[$-809]dd mmmm yyyy"), XLSX_DATE);
    assert_int_equal(xlsx_format_kind("mmm"), XLSX_DATE);
    assert_int_equal(xlsx_format_kind("h:mm"), XLSX_TIME);
    assert_int_equal(xlsx_format_kind("mm:ss"), XLSX_TIME);
    assert_int_equal(xlsx_format_kind("yyyy-mm-dd h:mm:ss"), XLSX_DATETIME);
    assert_int_equal(xlsx_format_kind("[h]:mm:ss"), XLSX_DURATION);
    assert_int_equal(xlsx_format_kind("\"unclosed"), XLSX_NUMBER);
    assert_int_equal(xlsx_builtin_kind(14), XLSX_DATE);
    assert_int_equal(xlsx_builtin_kind(22), XLSX_DATETIME);
    assert_int_equal(xlsx_builtin_kind(20), XLSX_TIME);
    assert_int_equal(xlsx_builtin_kind(46), XLSX_DURATION);
    assert_int_equal(xlsx_builtin_kind(2), XLSX_NUMBER);
    assert_int_equal(xlsx_builtin_kind(49), XLSX_NUMBER);
}

/* ---- refused: each with its message and position ---- */

#define REFUSED(name, file, line, column, msg)                                                     \
    static void test_xlsx_refuses_##name(void **state)                                             \
    {                                                                                              \
        (void)state;                                                                               \
        assert_refused("hostile/" file, NULL, line, column, msg);                                  \
    }

REFUSED(zip_bomb_ratio, "bomb-ratio.xlsx", 0, 0,
        "sheet 'Sheet1': xl/worksheets/sheet1.xml: 20971699 bytes compressed to 20521, more "
        "than the limit of 100 to 1 (a zip bomb?)")
REFUSED(zip_bomb_size, "bomb-size.xlsx", 0, 0,
        "sheet 'Sheet1': xl/worksheets/sheet1.xml: 4294967040 bytes uncompressed, more than the "
        "limit of 67108864")
REFUSED(part_larger_than_promised, "lying-size.xlsx", 0, 0,
        "not a workbook: xl/worksheets/sheet1.xml inflates to more than the 100 bytes the "
        "archive's directory gives")
REFUSED(billion_laughs, "billion-laughs.xlsx", 0, 0,
        "sheet 'Sheet1': xl/worksheets/sheet1.xml, line 2, column 21: DOCTYPE and entity "
        "declarations are not allowed")
REFUSED(external_entity, "external-entity.xlsx", 0, 0,
        "not a workbook: xl/workbook.xml, line 2, column 20: DOCTYPE and entity declarations "
        "are not allowed")
REFUSED(undefined_entity, "undefined-entity.xlsx", 0, 0,
        "sheet 'Sheet1': xl/worksheets/sheet1.xml, line 2, column 209: undefined entity")
REFUSED(truncated, "truncated.xlsx", 0, 0,
        "not a workbook: not a zip archive, or one damaged or cut short (its directory is "
        "missing or does not match its contents)")
REFUSED(bytes_cut_from_the_middle, "cut-middle.xlsx", 0, 0,
        "not a workbook: not a zip archive, or one damaged or cut short (its directory is "
        "missing or does not match its contents)")
REFUSED(not_a_zip, "not-a-zip.xlsx", 0, 0,
        "not a workbook: not a zip archive, or one damaged or cut short (its directory is "
        "missing or does not match its contents)")
/* The zip without a workbook holds word/document.xml: a Word document, named as one. */
REFUSED(zip_without_workbook, "no-workbook.xlsx", 0, 0,
        "not a workbook: this is a Word document (.docx); export the survey's responses as an "
        "Excel workbook (.xlsx) or CSV and import that")
REFUSED(deep_xml, "deep.xlsx", 0, 0,
        "sheet 'Sheet1': xl/worksheets/sheet1.xml, line 2, column 353: elements nested deeper "
        "than 64")
REFUSED(not_well_formed, "not-xml.xlsx", 0, 0,
        "sheet 'Sheet1': xl/worksheets/sheet1.xml, line 2, column 198: mismatched tag")
REFUSED(unsupported_compression, "bzip2.xlsx", 0, 0,
        "not a workbook: xl/workbook.xml: compression method 12 is not supported (only stored "
        "and deflated)")
REFUSED(bad_checksum, "bad-crc.xlsx", 0, 0,
        "not a workbook: xl/worksheets/sheet1.xml is damaged (CRC error)")
REFUSED(reference_past_xfd, "bad-ref.xlsx", 1, 0,
        "sheet 'Sheet1', row 1: cell reference 'ZZZZZ1' is not valid")
REFUSED(garbage_reference, "garbage-ref.xlsx", 2, 0,
        "sheet 'Sheet1', row 2: cell reference '1A' is not valid")
REFUSED(reference_in_another_row, "ref-other-row.xlsx", 3, 0,
        "sheet 'Sheet1', row 3: cell reference 'A4' is not in this row")
REFUSED(cells_out_of_order, "cells-backwards.xlsx", 1, 1,
        "sheet 'Sheet1', cell A1: cell comes after column 2 of its row")
REFUSED(rows_out_of_order, "rows-backwards.xlsx", 2, 0,
        "sheet 'Sheet1', row 2: row 2 comes after row 4")
REFUSED(missing_shared_string, "bad-string-index.xlsx", 7, 2,
        "sheet 'Sheet1', cell B7: shared string '99' does not exist (there are 1)")
REFUSED(bad_number, "bad-number.xlsx", 3, 3,
        "sheet 'Sheet1', cell C3: number '12abc' is not a number")
REFUSED(bad_boolean, "bad-boolean.xlsx", 2, 1,
        "sheet 'Sheet1', cell A2: boolean 'yes' is neither 0 nor 1")
REFUSED(too_many_columns, "wide.xlsx", 1, 2001,
        "sheet 'Sheet1', cell BXY1: a value past column 2000, the limit")
REFUSED(long_cell, "long-cell.xlsx", 2, 2,
        "sheet 'Sheet1', cell B2: text longer than the limit of 16384 bytes")

static void test_xlsx_refuses_empty_and_oversized_buffers(void **state)
{
    (void)state;
    struct import_sink sink = {NULL, collect_cell, collect_row_end};
    struct diags d;
    diags_init(&d);
    assert_int_equal(xlsx_read("e.xlsx", "", 0, NULL, &sink, &d, NULL), -1);
    assert_diag(&d, 0, 0, "not a workbook: the file is empty");
    diags_release(&d);
    /* Refused from its length alone: not a byte is read. */
    char *big = calloc((size_t)XLSX_FILE_MAX + 1, 1);
    assert_non_null(big);
    assert_int_equal(xlsx_read("big.xlsx", big, (size_t)XLSX_FILE_MAX + 1, NULL, &sink, &d, NULL),
                     -1);
    assert_diag(&d, 0, 0, "file is larger than the limit of 67108864 bytes");
    free(big);
    diags_release(&d);
}

static void test_xlsx_keeps_the_callers_source(void **state)
{
    (void)state;
    struct collect c = COLLECT_INIT;
    struct diags d;
    diags_init(&d);
    static const char csv[] = "a,b\n";
    diags_set_source(&d, csv, 4);
    assert_int_equal(read_fixture("hostile/bad-number.xlsx", NULL, &c, &d), -1);
    assert_null(d.v[0].source_line); /* no bytes of the archive quoted */
    assert_ptr_equal(d.source, csv);
    collect_release(&c);
    diags_release(&d);
}

/* ---- archives made here, for what a committed fixture would be too large for ---- */

static const char wb_rels_two[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/chartsheet\" Target=\"chartsheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"/xl/worksheets/data.xml\"/></Relationships>";
static const char wb_two[] =
    "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<workbookPr date1904=\"true\"/><sheets><sheet name=\"Chart&#x9b;31m\" sheetId=\"1\" "
    "r:id=\"rId1\"/><sheet name=\"Data\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";

/* An archive of n stored parts, in memory (malloc'd). */
static char *make_archive(const char *const *names, const char *const *texts, size_t n, size_t *len)
{
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
    assert_non_null(src);
    zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
    assert_non_null(za);
    zip_source_keep(src);
    for (size_t i = 0; i < n; i++) {
        zip_source_t *part = zip_source_buffer(za, texts[i], strlen(texts[i]), 0);
        assert_non_null(part);
        zip_int64_t at = zip_file_add(za, names[i], part, 0);
        assert_true(at >= 0);
        assert_int_equal(zip_set_file_compression(za, (zip_uint64_t)at, ZIP_CM_STORE, 0), 0);
    }
    assert_int_equal(zip_close(za), 0);
    zip_stat_t st;
    assert_int_equal(zip_source_open(src), 0);
    assert_int_equal(zip_source_stat(src, &st), 0);
    char *out = malloc(st.size);
    assert_non_null(out);
    assert_int_equal(zip_source_read(src, out, st.size), (zip_int64_t)st.size);
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&err);
    *len = st.size;
    return out;
}

/* Reads an archive of a workbook with a chart sheet first and sheet XML as "Data". */
static int read_two_sheets(const char *sheet_xml, const char *sheet, struct collect *c,
                           struct diags *d)
{
    const char *names[] = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                           "xl/chartsheets/sheet1.xml", "xl/worksheets/data.xml"};
    const char *texts[] = {wb_two, wb_rels_two, "<chartsheet/>", sheet_xml};
    struct import_sink sink = {c, collect_cell, collect_row_end};
    size_t len;
    char *buf = make_archive(names, texts, 4, &len);
    int rc = xlsx_read("made.xlsx", buf, len, sheet, &sink, d, NULL);
    free(buf);
    return rc;
}

static void test_xlsx_first_worksheet_skips_chart_sheets(void **state)
{
    (void)state;
    struct collect c = COLLECT_INIT;
    struct diags d;
    diags_init(&d);
    /* The chart sheet comes first; the worksheet's target is an absolute path. */
    assert_int_equal(read_two_sheets("<worksheet><sheetData><row><c s=\"0\"><v>1</v></c>"
                                     "</row></sheetData></worksheet>",
                                     NULL, &c, &d),
                     0);
    assert_string_equal(strbuf_str(&c.out), "1: 1\n");
    collect_release(&c);
    diags_release(&d);
}

static void test_xlsx_sheet_names_are_made_safe(void **state)
{
    (void)state;
    struct collect c = COLLECT_INIT;
    struct diags d;
    diags_init(&d);
    assert_int_equal(read_two_sheets("<worksheet/>", "Form1", &c, &d), -1);
    assert_diag(&d, 0, 0,
                "no sheet 'Form1' in the workbook; its sheets are 'Chart\\x9b31m', 'Data'");
    collect_release(&c);
    diags_release(&d);
}

static void test_xlsx_refuses_too_many_rows(void **state)
{
    (void)state;
    struct collect c = COLLECT_INIT;
    struct diags d;
    struct strbuf xml = STRBUF_INIT;
    diags_init(&d);
    strbuf_adds(&xml, "<worksheet><sheetData>");
    for (size_t i = 0; i < (size_t)XLSX_ROWS_MAX + 1; i++)
        strbuf_adds(&xml, "<row><c><v>1</v></c></row>");
    strbuf_adds(&xml, "</sheetData></worksheet>");
    assert_int_equal(read_two_sheets(strbuf_str(&xml), "Data", &c, &d), -1);
    assert_diag(&d, XLSX_ROWS_MAX + 1, 0,
                "sheet 'Data', row 100004: more than 100003 rows with a value");
    strbuf_release(&xml);
    collect_release(&c);
    diags_release(&d);
}

static void test_xlsx_refuses_too_many_files(void **state)
{
    (void)state;
    enum { N = XLSX_ENTRIES_MAX + 1 };
    const char **names = calloc(N, sizeof(*names)), **texts = calloc(N, sizeof(*texts));
    char(*name)[16] = calloc(N, sizeof(*name));
    struct import_sink sink = {NULL, collect_cell, collect_row_end};
    struct diags d;
    size_t len;
    assert_true(names && texts && name);
    for (size_t i = 0; i < N; i++) {
        snprintf(name[i], sizeof(name[i]), "f%zu", i);
        names[i] = name[i];
        texts[i] = "";
    }
    char *buf = make_archive(names, texts, N, &len);
    diags_init(&d);
    assert_int_equal(xlsx_read("many.xlsx", buf, len, NULL, &sink, &d, NULL), -1);
    assert_diag(&d, 0, 0, "the archive holds 10001 files, more than the limit of 10000");
    diags_release(&d);
    free(buf);
    free(name);
    free(names);
    free(texts);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xlsx_strings_numbers_booleans_errors),
        cmocka_unit_test(test_xlsx_dates_1900),
        cmocka_unit_test(test_xlsx_dates_1904),
        cmocka_unit_test(test_xlsx_first_sheet_in_workbook_order),
        cmocka_unit_test(test_xlsx_sheet_by_name),
        cmocka_unit_test(test_xlsx_sheet_not_found_lists_sheets),
        cmocka_unit_test(test_xlsx_hidden_sheets),
        cmocka_unit_test(test_xlsx_sheet_said),
        cmocka_unit_test(test_xlsx_formula_without_value),
        cmocka_unit_test(test_xlsx_merged_data_cells),
        cmocka_unit_test(test_xlsx_merged_header_cells),
        cmocka_unit_test(test_xlsx_microsoft_forms_layout),
        cmocka_unit_test(test_xlsx_inline_rich_phonetic_and_missing_references),
        cmocka_unit_test(test_xlsx_sink_stops_the_read),
        cmocka_unit_test(test_xlsx_serial_text),
        cmocka_unit_test(test_xlsx_number_text),
        cmocka_unit_test(test_xlsx_format_kind),
        cmocka_unit_test(test_xlsx_refuses_zip_bomb_ratio),
        cmocka_unit_test(test_xlsx_refuses_zip_bomb_size),
        cmocka_unit_test(test_xlsx_refuses_part_larger_than_promised),
        cmocka_unit_test(test_xlsx_refuses_billion_laughs),
        cmocka_unit_test(test_xlsx_refuses_external_entity),
        cmocka_unit_test(test_xlsx_refuses_undefined_entity),
        cmocka_unit_test(test_xlsx_refuses_truncated),
        cmocka_unit_test(test_xlsx_refuses_bytes_cut_from_the_middle),
        cmocka_unit_test(test_xlsx_refuses_not_a_zip),
        cmocka_unit_test(test_xlsx_refuses_zip_without_workbook),
        cmocka_unit_test(test_xlsx_refuses_deep_xml),
        cmocka_unit_test(test_xlsx_refuses_not_well_formed),
        cmocka_unit_test(test_xlsx_refuses_unsupported_compression),
        cmocka_unit_test(test_xlsx_refuses_bad_checksum),
        cmocka_unit_test(test_xlsx_refuses_reference_past_xfd),
        cmocka_unit_test(test_xlsx_refuses_garbage_reference),
        cmocka_unit_test(test_xlsx_refuses_reference_in_another_row),
        cmocka_unit_test(test_xlsx_refuses_cells_out_of_order),
        cmocka_unit_test(test_xlsx_refuses_rows_out_of_order),
        cmocka_unit_test(test_xlsx_refuses_missing_shared_string),
        cmocka_unit_test(test_xlsx_refuses_bad_number),
        cmocka_unit_test(test_xlsx_refuses_bad_boolean),
        cmocka_unit_test(test_xlsx_refuses_too_many_columns),
        cmocka_unit_test(test_xlsx_refuses_long_cell),
        cmocka_unit_test(test_xlsx_refuses_empty_and_oversized_buffers),
        cmocka_unit_test(test_xlsx_keeps_the_callers_source),
        cmocka_unit_test(test_xlsx_first_worksheet_skips_chart_sheets),
        cmocka_unit_test(test_xlsx_sheet_names_are_made_safe),
        cmocka_unit_test(test_xlsx_refuses_too_many_rows),
        cmocka_unit_test(test_xlsx_refuses_too_many_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
