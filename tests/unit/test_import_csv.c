/*
 * test_import_csv.c - the CSV reader of "stagegap import" on its own, through a sink
 * that writes down what it is given: rows numbered as a spreadsheet shows them, cells as
 * text, the delimiter, the byte-order mark, a sink that stops the reading, and the
 * reader's own errors with their row and column.
 */
#include <string.h>

#include "testutil.h"

#include "import.h"
#include "import_reader.h"
#include "strbuf.h"

/* Writes each row down as "ROW:[cell|cell]\n"; row_end returns -1 at stop_at. */
struct recorder {
    struct strbuf seen;
    size_t cells; /* in the current row */
    size_t stop_at;
};

static int record_cell(void *ctx, const char *text, size_t len)
{
    struct recorder *rc = ctx;
    strbuf_adds(&rc->seen, rc->cells++ ? "|" : "[");
    strbuf_add(&rc->seen, text, len);
    return 0;
}

static int record_row_end(void *ctx, size_t row)
{
    struct recorder *rc = ctx;
    strbuf_addf(&rc->seen, "]@%zu\n", row);
    rc->cells = 0;
    return row == rc->stop_at ? -1 : 0;
}

/* Reads len bytes of csv into a fresh recorder; what it saw is left in *out. */
static int read_csv(const char *csv, size_t len, char delimiter, size_t stop_at, struct strbuf *out,
                    struct diags *d)
{
    struct recorder rc = {STRBUF_INIT, 0, stop_at};
    struct import_source src = {"survey.csv", csv, len};
    struct import_sink sink = {&rc, record_cell, record_row_end};
    int ret = import_read_csv(&src, delimiter, &sink, d);
    *out = rc.seen;
    return ret;
}

static void expect(const char *csv, char delimiter, int ret, const char *seen)
{
    struct strbuf out;
    struct diags d;
    diags_init(&d);
    assert_int_equal(read_csv(csv, strlen(csv), delimiter, 0, &out, &d), ret);
    assert_string_equal(strbuf_str(&out), seen);
    if (ret == 0 && d.n)
        print_diags(&d);
    assert_true(ret != 0 || d.n == 0);
    strbuf_release(&out);
    diags_release(&d);
}

static void test_import_csv_rows_as_a_spreadsheet_numbers_them(void **state)
{
    (void)state;
    /* A blank line counts; a cell over two lines is one row; CRLF is one line end. */
    expect("a,b\r\n\r\n\"x\ny\",z\r\nlast", ',', 0, "[a|b]@1\n[x\ny|z]@3\n[last]@4\n");
    expect("", ',', 0, "");
    expect("\n\n", ',', 0, "");
}

static void test_import_csv_cells_as_text(void **state)
{
    (void)state;
    expect("\xEF\xBB\xBFid,\"say \"\"hi\"\"\",,\n", ',', 0, "[id|say \"hi\"||]@1\n");
    expect("a;b,c\n1;2\n", ';', 0, "[a|b,c]@1\n[1|2]@2\n");
}

/* Cells past one more than the first row's are counted but not read: passed empty. */
static void test_import_csv_wide_row_not_read(void **state)
{
    (void)state;
    expect("a,b\n1,2,3,\xFF,\n", ',', 0, "[a|b]@1\n[1|2|3||]@2\n");
}

static void test_import_csv_sink_stops(void **state)
{
    (void)state;
    struct strbuf out;
    struct diags d;
    diags_init(&d);
    const char csv[] = "a\nb\nc\n";
    assert_int_equal(read_csv(csv, sizeof(csv) - 1, ',', 2, &out, &d), -1);
    assert_string_equal(strbuf_str(&out), "[a]@1\n[b]@2\n");
    assert_int_equal(d.n, 0);
    strbuf_release(&out);
    diags_release(&d);
}

static void expect_error(const char *csv, size_t len, const char *seen, unsigned row,
                         unsigned column, const char *msg)
{
    struct strbuf out;
    struct diags d;
    diags_init(&d);
    assert_int_equal(read_csv(csv, len, ',', 0, &out, &d), -1);
    assert_string_equal(strbuf_str(&out), seen);
    assert_int_equal(d.errors, 1);
    assert_string_equal(d.v[0].file, "survey.csv");
    assert_diag(&d, row, column, msg);
    strbuf_release(&out);
    diags_release(&d);
}

static void test_import_csv_errors_located(void **state)
{
    (void)state;
    const char nul[] = "a,b\n1,x\0y\n";
    expect_error(nul, sizeof(nul) - 1, "[a|b]@1\n[1", 2, 2,
                 "this cell holds a NUL byte; is the file text saved as 'CSV UTF-8'?");
    const char latin1[] = "a,b\n\n1,caf\xE9\n";
    expect_error(latin1, sizeof(latin1) - 1, "[a|b]@1\n[1", 3, 2,
                 "invalid UTF-8 in this cell (byte 0xe9); save the export as 'CSV UTF-8 "
                 "(Comma delimited)', not plain 'CSV'");
    const char quote[] = "a,b\n1,x\"y\n";
    expect_error(quote, sizeof(quote) - 1, "[a|b]@1\n[1", 2, 2,
                 "a '\"' inside this cell must be doubled (\"\"), and the cell quoted");
    const char open[] = "a,b\n1,\"xy\n";
    expect_error(open, sizeof(open) - 1, "[a|b]@1\n[1", 2, 2,
                 "this cell's opening '\"' is never closed");
    const char wide[] = "\xFF\xFEi\0d\0";
    expect_error(wide, sizeof(wide) - 1, "", 0, 0,
                 "this file is UTF-16 text (Excel's 'Unicode Text'); save it as 'CSV UTF-8 "
                 "(Comma delimited)' and import that");
}

static void test_import_csv_cell_over_limit(void **state)
{
    (void)state;
    struct strbuf csv = STRBUF_INIT;
    strbuf_adds(&csv, "a\n\"");
    for (size_t i = 0; i < IMPORT_CELL_MAX + 1; i++)
        strbuf_addc(&csv, 'x');
    strbuf_adds(&csv, "\"\n");
    expect_error(csv.buf, csv.len, "[a]@1\n", 2, 1,
                 "this cell is longer than the limit of 16384 bytes");
    strbuf_release(&csv);
}

/* A cell of exactly the limit is read, quoted or not; one byte more is refused alike. */
static void test_import_csv_cell_at_limit(void **state)
{
    (void)state;
    for (int quoted = 0; quoted <= 1; quoted++) {
        for (size_t extra = 0; extra <= 1; extra++) {
            struct strbuf csv = STRBUF_INIT, want = STRBUF_INIT;
            strbuf_adds(&csv, quoted ? "a\n\"" : "a\n");
            for (size_t i = 0; i < IMPORT_CELL_MAX + extra; i++)
                strbuf_addc(&csv, 'x');
            strbuf_adds(&csv, quoted ? "\"\n" : "\n");
            if (extra) {
                expect_error(csv.buf, csv.len, "[a]@1\n", 2, 1,
                             "this cell is longer than the limit of 16384 bytes");
            } else {
                strbuf_adds(&want, "[a]@1\n[");
                for (size_t i = 0; i < IMPORT_CELL_MAX; i++)
                    strbuf_addc(&want, 'x');
                strbuf_adds(&want, "]@2\n");
                expect(csv.buf, ',', 0, want.buf);
            }
            strbuf_release(&want);
            strbuf_release(&csv);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_import_csv_rows_as_a_spreadsheet_numbers_them),
        cmocka_unit_test(test_import_csv_cells_as_text),
        cmocka_unit_test(test_import_csv_wide_row_not_read),
        cmocka_unit_test(test_import_csv_sink_stops),
        cmocka_unit_test(test_import_csv_errors_located),
        cmocka_unit_test(test_import_csv_cell_over_limit),
        cmocka_unit_test(test_import_csv_cell_at_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
