/*
 * test_escape.c - escaping untrusted text for JSON, markdown, CSV and HTML, byte by byte.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "escape.h"
#include "strbuf.h"

typedef void (*escape_fn)(struct strbuf *, const char *);

static void expect(escape_fn fn, const char *in, const char *want)
{
    struct strbuf sb = STRBUF_INIT;
    fn(&sb, in);
    if (strcmp(strbuf_str(&sb), want) != 0)
        fail_msg("escaping \"%s\": got \"%s\", want \"%s\"", in, strbuf_str(&sb), want);
    strbuf_release(&sb);
}

static void test_escape_json_controls(void **state)
{
    (void)state;
    for (int c = 1; c < 0x20; c++) {
        char in[2] = {(char)c, 0}, want[16];
        if (c == '\n')
            snprintf(want, sizeof(want), "\"\\n\"");
        else if (c == '\t')
            snprintf(want, sizeof(want), "\"\\t\"");
        else if (c == '\r')
            snprintf(want, sizeof(want), "\"\\r\"");
        else
            snprintf(want, sizeof(want), "\"\\u%04x\"", c);
        expect(escape_json, in, want);
    }
    expect(escape_json, "\x7f", "\"\\u007f\"");
    expect(escape_json, "\x1b[2J", "\"\\u001b[2J\"");
}

static void test_escape_json_printable_ascii(void **state)
{
    (void)state;
    for (int c = 0x20; c < 0x7f; c++) {
        char in[2] = {(char)c, 0}, want[8];
        if (c == '"')
            snprintf(want, sizeof(want), "\"\\\"\"");
        else if (c == '\\')
            snprintf(want, sizeof(want), "\"\\\\\"");
        else
            snprintf(want, sizeof(want), "\"%c\"", c);
        expect(escape_json, in, want);
    }
    expect(escape_json, "", "\"\"");
    expect(escape_json, "</script>", "\"</script>\"");
}

static void test_escape_json_unicode(void **state)
{
    (void)state;
    expect(escape_json, "caf\xC3\xA9 \xF0\x9F\x98\x80", "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
    expect(escape_json, "\xC2\x85", "\"\\u0085\"");
    expect(escape_json, "\xC2\x9B", "\"\\u009b\"");
    expect(escape_json, "\xC2\xA0", "\"\xC2\xA0\"");
    expect(escape_json,
           "a\xE2\x80\xA8"
           "b\xE2\x80\xA9",
           "\"a\\u2028b\\u2029\"");
    expect(escape_json, "\xFF", "\"\xEF\xBF\xBD\"");
    expect(escape_json, "a\xC3", "\"a\xEF\xBF\xBD\"");
    expect(escape_json, "\xED\xA0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

static void test_escape_markdown(void **state)
{
    (void)state;
    static const char specials[] = "|<>#*_[]`&~\\";
    for (const char *p = specials; *p; p++) {
        char in[2] = {*p, 0}, want[3] = {'\\', *p, 0};
        expect(escape_markdown, in, want);
    }
    expect(escape_markdown, "a | b", "a \\| b");
    expect(escape_markdown, "<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>");
    expect(escape_markdown, "[link](http://x)", "\\[link\\](http\\://x)");
    /* Bare addresses are broken up so no renderer turns them into links. */
    expect(escape_markdown, "see https://evil.example", "see https\\://evil.example");
    expect(escape_markdown, "or www.evil.example", "or www\\.evil.example");
    expect(escape_markdown, "(WWW.x.y)", "(WWW\\.x.y)");
    expect(escape_markdown, "a.www.b", "a.www.b");
    expect(escape_markdown, "line one\nline two", "line one line two");
    expect(escape_markdown, "a\r\nb\tc", "a  b c");
    expect(escape_markdown, "\x1b[31m", "\\\\x1b\\[31m");
    expect(escape_markdown, "\x7f", "\\\\x7f");
    expect(escape_markdown, "\xC2\x85", "\\\\x85");
    expect(escape_markdown, "plain words, 1. - + = ! ( )", "plain words, 1. - + = ! ( )");
    expect(escape_markdown, "\xFF", "\xEF\xBF\xBD");
}

static void test_escape_csv(void **state)
{
    (void)state;
    expect(escape_csv, "plain", "\"plain\"");
    expect(escape_csv, "", "\"\"");
    expect(escape_csv, "=SUM(A1:A9)", "\"'=SUM(A1:A9)\"");
    expect(escape_csv, "+1", "\"'+1\"");
    expect(escape_csv, "-1", "\"'-1\"");
    expect(escape_csv, "@cmd", "\"'@cmd\"");
    expect(escape_csv, "\tx", "\"'\tx\"");
    expect(escape_csv, "\rx", "\"'\rx\"");
    expect(escape_csv, "a=b", "\"a=b\"");
    expect(escape_csv, "say \"hi\"", "\"say \"\"hi\"\"\"");
    expect(escape_csv, "\"=1\"", "\"\"\"=1\"\"\"");
    expect(escape_csv, "two\nlines", "\"two\nlines\"");
    expect(escape_csv, "a,b;c", "\"a,b;c\"");
    expect(escape_csv, "\x01x", "\"\\x01x\"");
    expect(escape_csv, "\x7f", "\"\\x7f\"");
    expect(escape_csv, "\xC2\x9B", "\"\\x9b\"");
    expect(escape_csv, "\xFF", "\"\xEF\xBF\xBD\"");
}

static void test_escape_html(void **state)
{
    (void)state;
    expect(escape_html, "&", "&amp;");
    expect(escape_html, "<", "&lt;");
    expect(escape_html, ">", "&gt;");
    expect(escape_html, "\"", "&quot;");
    expect(escape_html, "'", "&#39;");
    expect(escape_html, "<a href=\"x\" onclick='y'>&amp;</a>",
           "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    expect(escape_html, "line\nnext\ttab", "line\nnext\ttab");
    expect(escape_html, "\x01\x1b\x7f", "\\x01\\x1b\\x7f");
    expect(escape_html, "\xC2\x85", "\\x85");
    expect(escape_html, "caf\xC3\xA9", "caf\xC3\xA9");
    expect(escape_html, "\xFF", "\xEF\xBF\xBD");
}

/*
 * Printable ASCII is copied in runs, the rest a code point at a time: every byte (and a
 * few multi-byte characters) escapes the same between plain letters as alone, in each
 * format. fn("x" C) is the wrapper, "x", C's escape and the wrapper's end; fn("x" C "x")
 * must be the same with one more "x" before the end.
 */
static void test_escape_runs_are_escaped_as_one_at_a_time(void **state)
{
    (void)state;
    const struct {
        escape_fn fn;
        size_t end; /* bytes of the wrapper's end: the closing quote */
    } formats[] = {{escape_json, 1},
                   {escape_csv, 1},
                   {escape_yaml, 1},
                   {escape_html, 0},
                   {escape_markdown, 0}};
    const char *multi[] = {"\xC2\x85", "\xC3\xA9", "\xE2\x80\xA8", "\xEF\xBB\xBF",
                           "\xF0\x9F\x98\x80"};
    for (size_t f = 0; f < sizeof(formats) / sizeof(*formats); f++) {
        for (int c = 1; c < 256 + 5; c++) {
            char one[16], two[32];
            if (c < 256)
                snprintf(one, sizeof(one), "x%c", c);
            else
                snprintf(one, sizeof(one), "x%s", multi[c - 256]);
            snprintf(two, sizeof(two), "%sx", one);
            struct strbuf alone = STRBUF_INIT, want = STRBUF_INIT;
            formats[f].fn(&alone, one);
            strbuf_add(&want, alone.buf, alone.len - formats[f].end);
            strbuf_addc(&want, 'x');
            strbuf_adds(&want, alone.buf + alone.len - formats[f].end);
            expect(formats[f].fn, two, strbuf_str(&want));
            strbuf_release(&alone);
            strbuf_release(&want);
        }
    }
}

static void test_escape_terminal(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    escape_terminal(&sb, "a\nb\x1b", 1);
    assert_string_equal(sb.buf, "a b\\x1b");
    strbuf_reset(&sb);
    escape_terminal(&sb, "a\nb", 0);
    assert_string_equal(sb.buf, "a\nb");
    strbuf_release(&sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape_json_controls),
        cmocka_unit_test(test_escape_json_printable_ascii),
        cmocka_unit_test(test_escape_json_unicode),
        cmocka_unit_test(test_escape_markdown),
        cmocka_unit_test(test_escape_csv),
        cmocka_unit_test(test_escape_html),
        cmocka_unit_test(test_escape_runs_are_escaped_as_one_at_a_time),
        cmocka_unit_test(test_escape_terminal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
