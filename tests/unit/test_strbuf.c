/*
 * test_strbuf.c - the growable buffer every renderer and diagnostic writes into.
 */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "testutil.h"
#include "strbuf.h"

static void test_strbuf_empty(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    assert_null(sb.buf);
    assert_string_equal(strbuf_str(&sb), "");
    strbuf_reset(&sb);
    strbuf_release(&sb);
    strbuf_release(&sb);
    size_t len = 99;
    char *s = strbuf_detach(&sb, &len);
    assert_non_null(s);
    assert_string_equal(s, "");
    assert_int_equal(len, 0);
    free(s);
    assert_null(sb.buf);
}

static void test_strbuf_add_variants(void **state)
{
    (void)state;
    struct strbuf sb;
    strbuf_init(&sb);
    strbuf_add(&sb, "ab\0cd", 5);
    assert_int_equal(sb.len, 5);
    assert_memory_equal(sb.buf, "ab\0cd", 6);
    strbuf_reset(&sb);
    assert_int_equal(sb.len, 0);
    assert_string_equal(sb.buf, "");
    strbuf_adds(&sb, "hello");
    strbuf_addc(&sb, ',');
    strbuf_addchars(&sb, ' ', 3);
    strbuf_addf(&sb, "%s %d%%", "world", 42);
    strbuf_add(&sb, "", 0);
    strbuf_addchars(&sb, 'x', 0);
    assert_string_equal(sb.buf, "hello,   world 42%");
    assert_int_equal(sb.len, strlen("hello,   world 42%"));
    strbuf_release(&sb);
}

static void test_strbuf_grows_past_many_sizes(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    for (int i = 0; i < 10000; i++)
        strbuf_addc(&sb, (char)('a' + i % 26));
    assert_int_equal(sb.len, 10000);
    assert_true(sb.alloc > sb.len);
    assert_int_equal(sb.buf[sb.len], '\0');
    assert_int_equal(sb.buf[9999], 'a' + 9999 % 26);
    strbuf_release(&sb);
    /* One format longer than the first allocation. */
    char big[1000];
    memset(big, 'z', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    strbuf_addf(&sb, "<%s>", big);
    assert_int_equal(sb.len, 1001);
    assert_int_equal(sb.buf[0], '<');
    assert_int_equal(sb.buf[1000], '>');
    strbuf_grow(&sb, 100000);
    assert_true(sb.alloc >= sb.len + 100001);
    strbuf_release(&sb);
}

/* A format is written into the room left, and again after growing when it does not fit:
   every length across the boundary of the room gives the same bytes. */
static void test_strbuf_addf_at_the_edge_of_the_room(void **state)
{
    (void)state;
    char text[300];
    memset(text, 'x', sizeof(text) - 1);
    text[sizeof(text) - 1] = '\0';
    for (size_t fill = 0; fill < 140; fill++)
        for (size_t len = 0; len < 140; len += 7) {
            struct strbuf sb = STRBUF_INIT;
            strbuf_addchars(&sb, 'a', fill);
            strbuf_addf(&sb, "[%.*s]%d", (int)len, text, 5);
            assert_int_equal(sb.len, fill + len + 3);
            assert_int_equal(sb.buf[fill], '[');
            assert_int_equal(sb.buf[fill + len + 1], ']');
            assert_int_equal(sb.buf[fill + len + 2], '5');
            assert_int_equal(sb.buf[sb.len], '\0');
            assert_int_equal(strlen(sb.buf), sb.len);
            strbuf_release(&sb);
        }
}

static void test_strbuf_detach_hands_over(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, "mine now");
    size_t len;
    char *s = strbuf_detach(&sb, &len);
    assert_string_equal(s, "mine now");
    assert_int_equal(len, 8);
    assert_null(sb.buf);
    assert_int_equal(sb.len, 0);
    strbuf_adds(&sb, "again");
    assert_string_equal(sb.buf, "again");
    free(s);
    strbuf_release(&sb);
}

static void vadd(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void vadd(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    strbuf_vaddf(sb, fmt, ap);
    va_end(ap);
}

/* strbuf_add_size writes what "%zu" does, at the edges of each digit count. */
static void test_strbuf_add_size(void **state)
{
    (void)state;
    size_t values[] = {0, 1, 9, 10, 99, 100, 4294967295u, 4294967296u, SIZE_MAX};
    for (size_t i = 0; i < sizeof(values) / sizeof(*values); i++) {
        struct strbuf sb = STRBUF_INIT, want = STRBUF_INIT;
        strbuf_adds(&sb, "n=");
        strbuf_add_size(&sb, values[i]);
        strbuf_addf(&want, "n=%zu", values[i]);
        assert_string_equal(strbuf_str(&sb), strbuf_str(&want));
        assert_int_equal(sb.len, want.len);
        strbuf_release(&sb);
        strbuf_release(&want);
    }
}

static void test_strbuf_vaddf(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    vadd(&sb, "%zu-%s", (size_t)7, "x");
    vadd(&sb, "%s", "");
    vadd(&sb, "%c", 'y');
    assert_string_equal(sb.buf, "7-xy");
    strbuf_release(&sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strbuf_empty),
        cmocka_unit_test(test_strbuf_add_variants),
        cmocka_unit_test(test_strbuf_grows_past_many_sizes),
        cmocka_unit_test(test_strbuf_detach_hands_over),
        cmocka_unit_test(test_strbuf_vaddf),
        cmocka_unit_test(test_strbuf_add_size),
        cmocka_unit_test(test_strbuf_addf_at_the_edge_of_the_room),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
