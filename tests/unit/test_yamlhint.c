/*
 * test_yamlhint.c - the text analysis behind YAML syntax messages, alone: it says
 * nothing when it sees no likely mistake, never points past the parser's mark, and
 * survives any text and any mark. Each mistake's message, line and column is asserted
 * through the reader in test_yamlread.c.
 */
#include <string.h>

#include "testutil.h"
#include "strbuf.h"
#include "yamlhint.h"

static bool explain(const char *text, struct yamlhint_error err, unsigned *line, unsigned *column,
                    struct strbuf *msg)
{
    return yamlhint_explain(text, strlen(text), &err, line, column, msg);
}

static void test_yamlhint_finds_the_line_before_the_mark(void **state)
{
    (void)state;
    struct strbuf msg = STRBUF_INIT;
    unsigned line = 0, column = 0;
    struct yamlhint_error err = {"could not find expected ':'", 5, 1,
                                 "while scanning a simple key", 3, 3};
    assert_true(explain("a:\n  b: 1\n  c 2\n\n", err, &line, &column, &msg));
    assert_int_equal(line, 3);
    assert_int_equal(column, 4);
    assert_string_equal(strbuf_str(&msg), "a key needs ':' after it: 'c: 2'");
    strbuf_release(&msg);
}

/* No likely mistake, no problem, or a mark outside the text: nothing is touched. */
static void test_yamlhint_says_nothing_without_a_culprit(void **state)
{
    (void)state;
    struct strbuf msg = STRBUF_INIT;
    unsigned line = 7, column = 7;
    static const struct yamlhint_error none[] = {
        {"did not find expected ',' or ']'", 1, 9, "while parsing a flow sequence", 1, 4},
        {NULL, 1, 1, NULL, 0, 0},
        {"could not find expected ':'", 0, 0, NULL, 0, 0},
        {"could not find expected ':'", 99, 1, "while scanning a simple key", 98, 1},
        {"found character that cannot start any token", 1, 4, NULL, 0, 0},
        {"mapping values are not allowed in this context", 1, 2, NULL, 0, 0},
    };
    for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
        assert_false(explain(i == 4 ? "a: @x\n" : "a: [b, c}\n", none[i], &line, &column, &msg));
        assert_int_equal(line, 7);
        assert_int_equal(column, 7);
        assert_int_equal(msg.len, 0);
    }
    assert_false(yamlhint_explain("", 0, &none[0], &line, &column, &msg));
    strbuf_release(&msg);
}

/* Every mark on every line of awkward text: no crash, and never a line past the mark. */
static void test_yamlhint_survives_any_mark(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "",
        "\n\n\n",
        "\xEF\xBB\xBF",
        "-\n- -\n:\n::\n'\n\"\n{\n[\n#\n\t\n \t \n",
        "a: 'b\\' c\n  \"d\\\"\n e: f: g:\n- h\n  - 'i''j'\n{k: [l, m}\n",
        "a\xC2\x85"
        "b\xE2\x80\xA8"
        "c\r\r\nd: \xE2\x82\xAC\xE2\x82\xAC e\n",
        "x:\n  y z\n  \"q\" r\n  'unclosed\n   -\n\t- t\n",
    };
    static const char *const problems[] = {
        "could not find expected ':'",
        "mapping values are not allowed in this context",
        "did not find expected key",
        "did not find expected '-' indicator",
        "did not find expected ',' or '}'",
        "found unexpected end of stream",
        "found character that cannot start any token",
    };
    static const char *const contexts[] = {
        NULL,
        "while scanning a simple key",
        "while scanning a quoted scalar",
        "while parsing a flow mapping",
        "while parsing a block mapping",
    };
    for (size_t t = 0; t < sizeof(texts) / sizeof(texts[0]); t++)
        for (size_t p = 0; p < sizeof(problems) / sizeof(problems[0]); p++)
            for (size_t c = 0; c < sizeof(contexts) / sizeof(contexts[0]); c++)
                for (unsigned l = 1; l <= 8; l++)
                    for (unsigned col = 1; col <= 12; col++) {
                        struct yamlhint_error err = {
                            problems[p], l, col, contexts[c], contexts[c] ? (l + 1) / 2 : 0,
                            col / 2 + 1};
                        struct strbuf msg = STRBUF_INIT;
                        unsigned line = 0, column = 0;
                        if (explain(texts[t], err, &line, &column, &msg)) {
                            assert_true(line >= 1 && line <= l);
                            assert_true(column >= 1);
                            assert_true(msg.len > 0);
                        }
                        strbuf_release(&msg);
                    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_yamlhint_finds_the_line_before_the_mark),
        cmocka_unit_test(test_yamlhint_says_nothing_without_a_culprit),
        cmocka_unit_test(test_yamlhint_survives_any_mark),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
