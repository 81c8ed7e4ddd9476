/*
 * test_diag.c - how diagnostics are kept and rendered: "FILE:LINE:COLUMN: error: MSG",
 * the source line made safe, the caret under the column, a note for experts, and the cap
 * on how many.
 */
#include <string.h>

#include "testutil.h"
#include "strbuf.h"

static void expect_render(const struct diags *d, const char *want)
{
    struct strbuf sb = STRBUF_INIT;
    diags_render(d, &sb);
    assert_string_equal(strbuf_str(&sb), want);
    strbuf_release(&sb);
}

static void test_diag_renders_line_and_caret(void **state)
{
    (void)state;
    static const char src[] = "line one\nline two\nkey: value here\nlast\n";
    struct diags d;
    diags_init(&d);
    diags_set_source(&d, src, strlen(src));
    diag_error(&d, "file", 3, 5, "msg %s %d", "with", 2);
    expect_render(&d, "file:3:5: error: msg with 2\n"
                      "    key: value here\n"
                      "        ^\n");
    assert_true(diags_failed(&d));
    assert_int_equal(diags_exit_code(&d), 3);
    diags_release(&d);
}

/* The caret counts code points, not bytes, of UTF-8 text before it. */
static void test_diag_caret_counts_code_points(void **state)
{
    (void)state;
    static const char src[] = "\xC3\xA9t\xC3\xA9 \xE2\x82\xAC: \xF0\x9F\x98\x80 x\n";
    struct diags d;
    diags_init(&d);
    diags_set_source(&d, src, strlen(src));
    diag_error(&d, "f.yaml", 1, 10, "here");
    expect_render(&d, "f.yaml:1:10: error: here\n"
                      "    \xC3\xA9t\xC3\xA9 \xE2\x82\xAC: \xF0\x9F\x98\x80 x\n"
                      "             ^\n");
    diags_release(&d);
}

/* A control character in the line is shown escaped, and the caret moves past it. */
static void test_diag_source_line_made_safe(void **state)
{
    (void)state;
    static const char src[] = "a\x1b[2Jb: c\td\n";
    struct diags d;
    diags_init(&d);
    diags_set_source(&d, src, strlen(src));
    diag_error(&d, "f", 1, 7, "after the escape");
    diag_error(&d, "f", 1, 10, "after the tab");
    expect_render(&d, "f:1:7: error: after the escape\n"
                      "    a\\x1b[2Jb: c d\n"
                      "             ^\n"
                      "f:1:10: error: after the tab\n"
                      "    a\\x1b[2Jb: c d\n"
                      "                ^\n");
    diags_release(&d);
}

static void test_diag_crlf_bom_and_line_breaks(void **state)
{
    (void)state;
    static const char src[] = "\xEF\xBB\xBF"
                              "first\r\nsecond\r\nthird\xC2\x85"
                              "fourth\r";
    struct diags d;
    diags_init(&d);
    diags_set_source(&d, src, strlen(src));
    diag_error(&d, "f", 1, 2, "a");
    diag_error(&d, "f", 2, 1, "b");
    diag_error(&d, "f", 4, 3, "c");
    diag_error(&d, "f", 5, 1, "d");
    diag_error(&d, "f", 6, 1, "beyond the end");
    expect_render(&d, "f:1:2: error: a\n    first\n     ^\n"
                      "f:2:1: error: b\n    second\n    ^\n"
                      "f:4:3: error: c\n    fourth\n      ^\n"
                      "f:5:1: error: d\n    \n    ^\n"
                      "f:6:1: error: beyond the end\n");
    diags_release(&d);
}

/* A caret past the end of the shown line stops at its end. */
static void test_diag_caret_clamped_and_long_lines_cut(void **state)
{
    (void)state;
    struct strbuf src = STRBUF_INIT;
    strbuf_adds(&src, "short\n");
    strbuf_addchars(&src, 'x', 500);
    strbuf_addc(&src, '\n');
    struct diags d;
    diags_init(&d);
    diags_set_source(&d, src.buf, src.len);
    diag_error(&d, "f", 1, 40, "past the end");
    diag_error(&d, "f", 2, 450, "in a long line");
    assert_string_equal(d.v[0].source_line, "short");
    assert_int_equal(strlen(d.v[1].source_line), 200);
    struct strbuf out = STRBUF_INIT;
    diags_render(&d, &out);
    assert_non_null(strstr(out.buf, "f:1:40: error: past the end\n    short\n         ^\n"));
    diags_release(&d);
    strbuf_release(&out);
    strbuf_release(&src);
}

static void test_diag_without_position_or_source(void **state)
{
    (void)state;
    struct diags d;
    diags_init(&d);
    diag_add(&d, DIAG_IO_ERROR, "missing.yaml", 0, 0, "cannot open: %s", "No such file");
    diag_error(&d, NULL, 0, 0, "no file at all");
    diag_error(&d, "f", 2, 0, "a line but no column");
    expect_render(&d, "missing.yaml: error: cannot open: No such file\n"
                      "stagegap: error: no file at all\n"
                      "f:2:1: error: a line but no column\n");
    assert_int_equal(diags_exit_code(&d), 4);
    diags_release(&d);
    diags_release(&d);
}

static void test_diag_warnings_do_not_fail(void **state)
{
    (void)state;
    struct diags d;
    diags_init(&d);
    diag_add(&d, DIAG_WARNING, "f", 1, 1, "just saying");
    assert_false(diags_failed(&d));
    assert_int_equal(diags_exit_code(&d), 0);
    expect_render(&d, "f:1:1: warning: just saying\n");
    diags_release(&d);
}

static void test_diag_file_name_made_safe(void **state)
{
    (void)state;
    struct diags d;
    diags_init(&d);
    diag_error(&d, "evil\x1b]0;title\a\n.yaml", 1, 1, "bad");
    expect_render(&d, "evil\\x1b]0;title\\x07 .yaml:1:1: error: bad\n");
    diags_release(&d);
}

static void test_diag_cap_counts_the_rest(void **state)
{
    (void)state;
    struct diags d;
    diags_init(&d);
    for (int i = 0; i < DIAG_MAX + 3; i++) {
        assert_int_equal(diags_full(&d), i >= DIAG_MAX);
        diag_error(&d, "f", (unsigned)i + 1, 1, "problem %d", i);
    }
    assert_int_equal(d.n, DIAG_MAX);
    assert_int_equal(d.errors, DIAG_MAX + 3);
    assert_int_equal(d.dropped, 3);
    struct strbuf sb = STRBUF_INIT;
    diags_render(&d, &sb);
    const char *tail = "f:50:1: error: problem 49\nstagegap: 3 more problems not shown\n";
    assert_true(sb.len > strlen(tail));
    assert_string_equal(sb.buf + sb.len - strlen(tail), tail);
    strbuf_release(&sb);
    diags_release(&d);
    diags_init(&d);
    for (int i = 0; i < DIAG_MAX + 1; i++)
        diag_add(&d, i == DIAG_MAX ? DIAG_IO_ERROR : DIAG_ERROR, "f", 1, 1, "p");
    diags_render(&d, &sb);
    assert_non_null(strstr(sb.buf, "stagegap: 1 more problem not shown\n"));
    /* A dropped I/O error still decides the exit status. */
    assert_int_equal(diags_exit_code(&d), 4);
    strbuf_release(&sb);
    diags_release(&d);
}

/* Within a file, problems render top to bottom; files keep the order they were read. */
static void test_diag_renders_in_file_order(void **state)
{
    (void)state;
    struct diags d;
    diags_init(&d);
    diag_error(&d, "b.yaml", 9, 1, "b late");
    diag_error(&d, "b.yaml", 2, 7, "b early");
    diag_error(&d, "b.yaml", 2, 3, "b earlier");
    diag_error(&d, "b.yaml", 2, 3, "b same place, found later");
    diag_error(&d, "a.yaml", 1, 1, "a");
    expect_render(&d, "b.yaml:2:3: error: b earlier\n"
                      "b.yaml:2:3: error: b same place, found later\n"
                      "b.yaml:2:7: error: b early\n"
                      "b.yaml:9:1: error: b late\n"
                      "a.yaml:1:1: error: a\n");
    diags_release(&d);
}

/* A note follows the caret (or the message, without a source line), made safe; it
 * belongs to the diagnostic added last, and to none when that one was dropped. */
static void test_diag_note_follows_the_caret(void **state)
{
    (void)state;
    static const char src[] = "a b\n";
    struct diags d;
    diags_init(&d);
    diag_note(&d, "nothing to attach to");
    assert_int_equal(d.n, 0);
    diags_set_source(&d, src, strlen(src));
    diag_error(&d, "f", 1, 2, "first");
    diag_note(&d, "replaced");
    diag_note(&d, "libyaml: \x1b[31mred");
    diag_error(&d, "f", 0, 0, "no position");
    diag_note(&d, "plain");
    expect_render(&d, "f: error: no position\n"
                      "    = plain\n"
                      "f:1:2: error: first\n"
                      "    a b\n"
                      "     ^\n"
                      "    = libyaml: \\x1b[31mred\n");
    diags_release(&d);
    diags_init(&d);
    for (int i = 0; i < DIAG_MAX + 1; i++)
        diag_error(&d, "f", 1, 1, "p");
    diag_note(&d, "dropped with its diagnostic");
    for (size_t i = 0; i < d.n; i++)
        assert_null(d.v[i].note);
    diags_release(&d);
}

/* Problems found apart and appended in order read as if added to one list: same cap. */
static void test_diag_append_keeps_order_and_cap(void **state)
{
    (void)state;
    struct diags one, first, second;
    struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
    diags_init(&one);
    diags_init(&first);
    diags_init(&second);
    for (int i = 0; i < 130; i++) {
        enum diag_severity sev = i % 3 == 0 ? DIAG_WARNING : DIAG_ERROR;
        diag_add(&one, sev, "f.yaml", (unsigned)i + 1, 1, "problem %d", i);
        diag_add(i < 30 ? &first : &second, sev, "f.yaml", (unsigned)i + 1, 1, "problem %d", i);
    }
    diag_add(&one, DIAG_IO_ERROR, "g.yaml", 0, 0, "unreadable");
    diag_add(&second, DIAG_IO_ERROR, "g.yaml", 0, 0, "unreadable");
    diags_append(&first, &second);
    assert_int_equal(second.n, 0);
    assert_int_equal(first.n, DIAG_MAX);
    assert_int_equal(first.errors, one.errors);
    assert_int_equal(first.io_errors, one.io_errors);
    assert_int_equal(first.dropped, one.dropped);
    diags_render(&one, &a);
    diags_render(&first, &b);
    assert_string_equal(strbuf_str(&a), strbuf_str(&b));
    strbuf_release(&a);
    strbuf_release(&b);
    diags_release(&one);
    diags_release(&first);
    diags_release(&second);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diag_renders_line_and_caret),
        cmocka_unit_test(test_diag_caret_counts_code_points),
        cmocka_unit_test(test_diag_source_line_made_safe),
        cmocka_unit_test(test_diag_crlf_bom_and_line_breaks),
        cmocka_unit_test(test_diag_caret_clamped_and_long_lines_cut),
        cmocka_unit_test(test_diag_without_position_or_source),
        cmocka_unit_test(test_diag_warnings_do_not_fail),
        cmocka_unit_test(test_diag_file_name_made_safe),
        cmocka_unit_test(test_diag_cap_counts_the_rest),
        cmocka_unit_test(test_diag_renders_in_file_order),
        cmocka_unit_test(test_diag_note_follows_the_caret),
        cmocka_unit_test(test_diag_append_keeps_order_and_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
