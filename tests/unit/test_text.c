/*
 * test_text.c - UTF-8 checks, line breaks, text made safe for a terminal, quoting for
 * diagnostics, and "did you mean".
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "strbuf.h"
#include "text.h"

static size_t seq(const char *s, size_t avail)
{
    return utf8_seq_len((const unsigned char *)s, avail);
}

static void test_text_utf8_seq_len_valid(void **state)
{
    (void)state;
    assert_int_equal(seq("A", 1), 1);
    assert_int_equal(seq("\x7F", 1), 1);
    assert_int_equal(seq("\xC2\x80", 2), 2); /* U+0080, the first two-byte */
    assert_int_equal(seq("\xC3\xA9", 2), 2);
    assert_int_equal(seq("\xDF\xBF", 2), 2);
    assert_int_equal(seq("\xE0\xA0\x80", 3), 3); /* U+0800 */
    assert_int_equal(seq("\xE2\x82\xAC", 3), 3);
    assert_int_equal(seq("\xED\x9F\xBF", 3), 3); /* U+D7FF, just below surrogates */
    assert_int_equal(seq("\xEE\x80\x80", 3), 3); /* U+E000, just above */
    assert_int_equal(seq("\xEF\xBF\xBF", 3), 3);
    assert_int_equal(seq("\xF0\x90\x80\x80", 4), 4); /* U+10000 */
    assert_int_equal(seq("\xF0\x9F\x98\x80", 4), 4);
    assert_int_equal(seq("\xF4\x8F\xBF\xBF", 4), 4); /* U+10FFFF, the last */
    /* Only the sequence's own bytes are needed. */
    assert_int_equal(seq("\xC3\xA9xyz", 5), 2);
}

static void test_text_utf8_seq_len_overlong(void **state)
{
    (void)state;
    assert_int_equal(seq("\xC0\x80", 2), 0);
    assert_int_equal(seq("\xC0\xAF", 2), 0);
    assert_int_equal(seq("\xC1\xBF", 2), 0);
    assert_int_equal(seq("\xE0\x80\x80", 3), 0);
    assert_int_equal(seq("\xE0\x80\xAF", 3), 0);
    assert_int_equal(seq("\xE0\x9F\xBF", 3), 0);
    assert_int_equal(seq("\xF0\x80\x80\x80", 4), 0);
    assert_int_equal(seq("\xF0\x8F\xBF\xBF", 4), 0);
}

static void test_text_utf8_seq_len_surrogates(void **state)
{
    (void)state;
    assert_int_equal(seq("\xED\xA0\x80", 3), 0); /* U+D800 */
    assert_int_equal(seq("\xED\xAD\xBF", 3), 0);
    assert_int_equal(seq("\xED\xB0\x80", 3), 0); /* U+DC00 */
    assert_int_equal(seq("\xED\xBF\xBF", 3), 0); /* U+DFFF */
}

static void test_text_utf8_seq_len_beyond_unicode(void **state)
{
    (void)state;
    assert_int_equal(seq("\xF4\x90\x80\x80", 4), 0); /* U+110000 */
    assert_int_equal(seq("\xF5\x80\x80\x80", 4), 0);
    assert_int_equal(seq("\xF7\xBF\xBF\xBF", 4), 0);
    assert_int_equal(seq("\xF8\x88\x80\x80\x80", 5), 0); /* old five-byte form */
    assert_int_equal(seq("\xFC\x84\x80\x80\x80\x80", 6), 0);
    assert_int_equal(seq("\xFE", 1), 0);
    assert_int_equal(seq("\xFF", 1), 0);
}

static void test_text_utf8_seq_len_truncated_and_broken(void **state)
{
    (void)state;
    assert_int_equal(seq("", 0), 0);
    assert_int_equal(seq("\xC3", 1), 0);
    assert_int_equal(seq("\xE2\x82", 2), 0);
    assert_int_equal(seq("\xF0\x9F\x98", 3), 0);
    /* A string's NUL is not a continuation byte. */
    assert_int_equal(seq("\xC3", 2), 0);
    assert_int_equal(seq("\xC3\x28", 2), 0);
    assert_int_equal(seq("\xE2\x28\xA1", 3), 0);
    assert_int_equal(seq("\xE2\x82\x28", 3), 0);
    assert_int_equal(seq("\xF0\x9F\x28\x80", 4), 0);
    assert_int_equal(seq("\x80", 1), 0); /* a lone continuation byte */
    assert_int_equal(seq("\xBF", 1), 0);
}

static void test_text_utf8_valid_and_width(void **state)
{
    (void)state;
    size_t bad = 99;
    assert_true(utf8_valid("", 0, &bad));
    assert_true(utf8_valid("h\xC3\xA9llo \xE2\x82\xAC", 10, &bad));
    assert_int_equal(bad, 99);
    assert_false(utf8_valid("ab\xC3\x28", 4, &bad));
    assert_int_equal(bad, 2);
    assert_false(utf8_valid("abc\xE2\x82", 5, &bad));
    assert_int_equal(bad, 3);
    assert_false(utf8_valid("\xFF", 1, NULL));
    /* A NUL byte is valid UTF-8; others refuse it. */
    assert_true(utf8_valid("a\0b", 3, &bad));
    assert_int_equal(utf8_width("", 0), 0);
    assert_int_equal(utf8_width("abc", 3), 3);
    assert_int_equal(utf8_width("\xC3\xA9t\xC3\xA9", 5), 3);
    assert_int_equal(utf8_width("\xF0\x9F\x98\x80!", 5), 2);
}

static void test_text_line_break(void **state)
{
    (void)state;
    assert_int_equal(text_line_break("\n", 1), 1);
    assert_int_equal(text_line_break("\r\n", 2), 2);
    assert_int_equal(text_line_break("\r\n", 1), 1);
    assert_int_equal(text_line_break("\rx", 2), 1);
    assert_int_equal(text_line_break("\xC2\x85", 2), 2);
    assert_int_equal(text_line_break("\xE2\x80\xA8", 3), 3);
    assert_int_equal(text_line_break("\xE2\x80\xA9", 3), 3);
    assert_int_equal(text_line_break("\xE2\x80\xA9", 2), 0);
    assert_int_equal(text_line_break("\xC2\xA0", 2), 0);
    assert_int_equal(text_line_break("\xE2\x80\xA7", 3), 0);
    assert_int_equal(text_line_break("a", 1), 0);
    assert_int_equal(text_line_break("\t", 1), 0);
    assert_int_equal(text_line_break("", 0), 0);
}

static void expect_safe(const char *in, bool flatten, const char *want)
{
    struct strbuf sb = STRBUF_INIT;
    text_add_safe(&sb, in, flatten);
    assert_string_equal(strbuf_str(&sb), want);
    strbuf_release(&sb);
}

static void test_text_add_safe_controls(void **state)
{
    (void)state;
    expect_safe("plain text", true, "plain text");
    expect_safe("\x1b[31mred\x1b[0m", true, "\\x1b[31mred\\x1b[0m");
    expect_safe("ding\a", true, "ding\\x07");
    expect_safe("back\bspace", true, "back\\x08space");
    expect_safe("a\rb", true, "a\\x0db");
    expect_safe("a\rb", false, "a\\x0db");
    expect_safe("\x7f", true, "\\x7f");
    expect_safe("a\nb\tc", true, "a b c");
    expect_safe("a\nb\tc", false, "a\nb\tc");
    /* Runs of printable ASCII end at a control, DEL, a tab or a multi-byte sequence. */
    expect_safe("one two\x7fthree\x01"
                "four\tfive\xC2\x85six\xC3\xA9seven ~",
                true, "one two\\x7fthree\\x01four five\\x85six\xC3\xA9seven ~");
    /* Every C0 control but tab and newline, one by one. */
    for (int c = 1; c < 0x20; c++) {
        if (c == '\n' || c == '\t')
            continue;
        char in[2] = {(char)c, 0}, want[5];
        snprintf(want, sizeof(want), "\\x%02x", c);
        expect_safe(in, false, want);
    }
}

static void test_text_add_safe_unicode(void **state)
{
    (void)state;
    expect_safe("\xC2\x85", true, "\\x85"); /* NEL */
    expect_safe("\xC2\x9B"
                "31m",
                true, "\\x9b31m"); /* CSI */
    expect_safe("\xC2\x80\xC2\x9F", true, "\\x80\\x9f");
    expect_safe("\xC2\xA0", true, "\xC2\xA0"); /* no-break space is text */
    expect_safe("a\xE2\x80\xA8"
                "b\xE2\x80\xA9"
                "c",
                true, "a b c");
    expect_safe("\xEF\xBB\xBFstart", true, "start"); /* a byte-order mark is dropped */
    expect_safe("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", true,
                "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
}

static void test_text_add_safe_invalid_bytes(void **state)
{
    (void)state;
    expect_safe("\xFF", true, "\xEF\xBF\xBD");
    expect_safe("a\xC3", true, "a\xEF\xBF\xBD");
    expect_safe("\xC0\xAF", true, "\xEF\xBF\xBD\xEF\xBF\xBD");
    expect_safe("\xED\xA0\x80", true, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    expect_safe("x\x80y", true, "x\xEF\xBF\xBDy");
    /* An invalid lead byte cannot swallow the escape after it. */
    expect_safe("\xE2\x1b", true, "\xEF\xBF\xBD\\x1b");
}

static void test_text_add_quoted(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    text_add_quoted(&sb, "short", 10);
    assert_string_equal(sb.buf, "'short'");
    strbuf_reset(&sb);
    text_add_quoted(&sb, "exactly10!", 10);
    assert_string_equal(sb.buf, "'exactly10!'");
    strbuf_reset(&sb);
    text_add_quoted(&sb, "a longer value", 8);
    assert_string_equal(sb.buf, "'a longer...'");
    strbuf_reset(&sb);
    text_add_quoted(&sb, "\xC3\xA9\xC3\xA9\xC3\xA9", 2);
    assert_string_equal(sb.buf, "'\xC3\xA9\xC3\xA9...'");
    strbuf_reset(&sb);
    text_add_quoted(&sb, "a\nb\x1b", 60);
    assert_string_equal(sb.buf, "'a b\\x1b'");
    strbuf_reset(&sb);
    text_add_quoted(&sb, "", 60);
    assert_string_equal(sb.buf, "''");
    strbuf_release(&sb);
}

static void expect_pair(const char *a, const char *b, size_t max, const char *want_a,
                        const char *want_b)
{
    struct strbuf sa = STRBUF_INIT, sb = STRBUF_INIT;
    text_add_quoted_pair(&sa, a, &sb, b, max);
    assert_string_equal(sa.buf, want_a);
    assert_string_equal(sb.buf, want_b);
    strbuf_release(&sa);
    strbuf_release(&sb);
}

static void test_text_add_quoted_pair(void **state)
{
    (void)state;
    /* Short values are whole. */
    expect_pair("plan", "plans", 10, "'plan'", "'plans'");
    /* Long ones differing late are cut around the difference, alike on both sides. */
    expect_pair("abcdefghijklmnopqrstuvwxyz ONE", "abcdefghijklmnopqrstuvwxyz TWO", 12,
                "'...stuvwxyz ONE'", "'...stuvwxyz TWO'");
    /* A difference early keeps the start and cuts the end. */
    expect_pair("abXdefghijklmnop", "abYdefghijklmnop", 6, "'abXdef...'", "'abYdef...'");
    /* A difference in the middle: text left out on both sides. */
    expect_pair("0123456789abcdefghij", "0123456789aXcdefghij", 6, "'...89abcd...'",
                "'...89aXcd...'");
    /* One a prefix of the other. */
    expect_pair("0123456789", "0123456789 and more", 6, "'...789'", "'...789 an...'");
    /* Code points, not bytes; made safe. */
    expect_pair("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9x", "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9y", 3,
                "'...\xC3\xA9\xC3\xA9x'", "'...\xC3\xA9\xC3\xA9y'");
    expect_pair("a\nb", "a\x1b", 60, "'a b'", "'a\\x1b'");
}

static void test_text_edit_distance(void **state)
{
    (void)state;
    assert_int_equal(text_edit_distance("", ""), 0);
    assert_int_equal(text_edit_distance("", "abc"), 3);
    assert_int_equal(text_edit_distance("abc", ""), 3);
    assert_int_equal(text_edit_distance("kitten", "sitting"), 3);
    assert_int_equal(text_edit_distance("flaw", "lawn"), 2);
    assert_int_equal(text_edit_distance("trainig", "training"), 1);
    assert_int_equal(text_edit_distance("same", "same"), 0);
}

static void test_text_did_you_mean(void **state)
{
    (void)state;
    static const char *const keys[] = {"format", "id", "version", "title", "levels", "bands"};
    size_t n = sizeof(keys) / sizeof(keys[0]);
    assert_string_equal(text_did_you_mean("titel", keys, n), "title");
    assert_string_equal(text_did_you_mean("formt", keys, n), "format");
    assert_string_equal(text_did_you_mean("levles", keys, n), "levels");
    assert_string_equal(text_did_you_mean("ids", keys, n), "id");
    assert_null(text_did_you_mean("colour", keys, n));
    /* One letter of three in common is no suggestion. */
    assert_null(text_did_you_mean("bad", keys, n));
    assert_null(text_did_you_mean("", keys, 0));
    static const char *const items[] = {"launch.training-for-all-workers", "launch.plan"};
    assert_string_equal(text_did_you_mean("launch.trainig-for-all-workers", items, 2),
                        "launch.training-for-all-workers");
    /* An exact match wins over an earlier near one; ties go to the first. */
    static const char *const near[] = {"fob", "foo", "fox"};
    assert_string_equal(text_did_you_mean("foo", near, 3), "foo");
    assert_string_equal(text_did_you_mean("fod", near, 3), "fob");
}

/* Long hostile words get no suggestion rather than a quadratic wait. */
static void test_text_did_you_mean_long_words(void **state)
{
    (void)state;
    char word[300], cand[300];
    memset(word, 'a', sizeof(word) - 1);
    word[sizeof(word) - 1] = '\0';
    memset(cand, 'a', sizeof(cand) - 1);
    cand[sizeof(cand) - 1] = '\0';
    const char *cands[] = {cand};
    assert_null(text_did_you_mean(word, cands, 1));
    word[150] = '\0';
    assert_null(text_did_you_mean(word, cands, 1));
    cand[151] = '\0';
    assert_ptr_equal(text_did_you_mean(word, cands, 1), cand);
}

static void test_text_fill(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    /* Greedy fill to 12 columns; the first word goes where the caller left off. */
    strbuf_adds(&sb, "> ");
    size_t col = text_fill(&sb, "one two three four five", 2, 12, "..");
    assert_string_equal(sb.buf, "> one two\n..three four\n..five");
    assert_int_equal(col, 6);
    /* Runs of spaces are one; a word longer than a line stays whole on its own line. */
    strbuf_reset(&sb);
    col = text_fill(&sb, "  a   abcdefghijklmnop  b ", 0, 8, "");
    assert_string_equal(sb.buf, "a\nabcdefghijklmnop\nb");
    assert_int_equal(col, 1);
    /* Width is counted in code points, not bytes: "é" is one column. */
    strbuf_reset(&sb);
    text_fill(&sb, "\xc3\xa9\xc3\xa9\xc3\xa9 \xc3\xa9\xc3\xa9\xc3\xa9", 0, 7, "");
    assert_string_equal(sb.buf, "\xc3\xa9\xc3\xa9\xc3\xa9 \xc3\xa9\xc3\xa9\xc3\xa9");
    /* Nothing to fill leaves col as it was. */
    strbuf_reset(&sb);
    assert_int_equal(text_fill(&sb, "   ", 5, 10, "  "), 5);
    assert_string_equal(strbuf_str(&sb), "");
    strbuf_release(&sb);
}

static void test_text_add_filled(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    text_add_filled(&sb, "Label:  ", "        ", "a few words here", 16);
    assert_string_equal(sb.buf, "Label:  a few\n        words\n        here\n");
    /* No words: the prefix without its trailing blanks, and nothing before it touched. */
    strbuf_reset(&sb);
    strbuf_adds(&sb, "kept  \n");
    text_add_filled(&sb, "# Note:   ", "#  ", "   ", 16);
    assert_string_equal(sb.buf, "kept  \n# Note:\n");
    strbuf_reset(&sb);
    strbuf_adds(&sb, "x ");
    text_add_filled(&sb, "   ", "", "", 16);
    assert_string_equal(sb.buf, "x \n");
    strbuf_release(&sb);
}

static void test_text_quoted_path_keeps_the_file_name(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    text_add_quoted_path(&sb, "q3/r01.yaml");
    assert_string_equal(strbuf_str(&sb), "'q3/r01.yaml'");
    strbuf_reset(&sb);
    /* 40 + 100 + "/r01.yaml": cut in the middle, never in the name. */
    char path[200];
    memset(path, 'd', 140);
    memcpy(path + 140, "/r01.yaml", 10);
    text_add_quoted_path(&sb, path);
    const char *q = strbuf_str(&sb);
    assert_int_equal(strlen(q), 1 + 40 + 3 + 77 + 1);
    assert_memory_equal(q + 1 + 40, "...", 3);
    assert_string_equal(q + strlen(q) - 10, "/r01.yaml'");
    strbuf_release(&sb);
}

static void test_text_group_cmp_ignores_case_and_spaces(void **state)
{
    (void)state;
    assert_int_equal(text_group_cmp("Practitioner", "practitioner"), 0);
    assert_int_equal(text_group_cmp("  practitioner\t", "PRACTITIONER"), 0);
    assert_true(text_group_cmp("manager", "Practitioner") < 0);
    assert_true(text_group_cmp("practitioner", "practitioners") < 0);
    assert_true(text_group_cmp("team a", "team b") < 0);
    /* Only ASCII letters fold: other bytes compare as they are. */
    assert_true(text_group_cmp("\xc3\x89quipe", "\xc3\xa9quipe") != 0);
    size_t n;
    const char *t = text_group_trim(" \tNorthside  ", &n);
    assert_int_equal(n, 9);
    assert_memory_equal(t, "Northside", 9);
}

/* What identifies a person, in a header and in free text (docs/privacy.md). */
static void test_text_identifying(void **state)
{
    (void)state;
    static const char *const people[] = {"Your name (optional)",
                                         "Name",
                                         "Full name",
                                         "Staff number",
                                         "Employee ID",
                                         "Payroll no.",
                                         "E-mail",
                                         "Email address",
                                         "Phone",
                                         "Mobile number",
                                         "NI number",
                                         "National insurance number",
                                         "Date of birth",
                                         "DOB",
                                         NULL};
    for (size_t k = 0; people[k]; k++) {
        if (!text_header_identifies(people[k]))
            fail_msg("'%s' should identify a person", people[k]);
    }
    static const char *const groups[] = {"Team name",
                                         "Name of your service",
                                         "Your team",
                                         "What is your role?",
                                         "Anything else you would like to tell us?",
                                         "Years in post",
                                         "Staff turnover",
                                         NULL};
    for (size_t k = 0; groups[k]; k++) {
        if (text_header_identifies(groups[k]))
            fail_msg("'%s' should not identify a person", groups[k]);
    }
    assert_string_equal(text_looks_identifying("mail jo.smith@example.org now"),
                        "an e-mail address");
    assert_string_equal(text_looks_identifying("ring 01632 960 123 for it"), "a phone number");
    assert_string_equal(text_looks_identifying("+44 (0)1632 960123"), "a phone number");
    assert_string_equal(text_looks_identifying("Staff no E10234"), "a staff or NI number");
    assert_string_equal(text_looks_identifying("QQ123456C"), "a staff or NI number");
    assert_null(text_looks_identifying("minutes of 2026-05-03, 12 present"));
    assert_null(text_looks_identifying("3 of 41 answered; caseloads of 25"));
    assert_null(text_looks_identifying("email the team @ lunch"));
    assert_null(text_looks_identifying("budget 150000 for 2026"));
    assert_null(text_looks_identifying(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_group_cmp_ignores_case_and_spaces),
        cmocka_unit_test(test_text_quoted_path_keeps_the_file_name),
        cmocka_unit_test(test_text_utf8_seq_len_valid),
        cmocka_unit_test(test_text_utf8_seq_len_overlong),
        cmocka_unit_test(test_text_utf8_seq_len_surrogates),
        cmocka_unit_test(test_text_utf8_seq_len_beyond_unicode),
        cmocka_unit_test(test_text_utf8_seq_len_truncated_and_broken),
        cmocka_unit_test(test_text_utf8_valid_and_width),
        cmocka_unit_test(test_text_line_break),
        cmocka_unit_test(test_text_add_safe_controls),
        cmocka_unit_test(test_text_add_safe_unicode),
        cmocka_unit_test(test_text_add_safe_invalid_bytes),
        cmocka_unit_test(test_text_add_quoted),
        cmocka_unit_test(test_text_add_quoted_pair),
        cmocka_unit_test(test_text_edit_distance),
        cmocka_unit_test(test_text_did_you_mean),
        cmocka_unit_test(test_text_did_you_mean_long_words),
        cmocka_unit_test(test_text_fill),
        cmocka_unit_test(test_text_add_filled),
        cmocka_unit_test(test_text_identifying),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
