/*
 * test_pool.c - the bump allocator: aligned blocks for any type, strings packed byte by
 * byte between them, large blocks of their own, and everything zeroed where promised.
 */
#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include "testutil.h"
#include "pool.h"

static bool aligned(const void *p)
{
    return (uintptr_t)p % alignof(max_align_t) == 0;
}

/* Strings of every length up to 40 between aligned blocks: each block aligned and zeroed,
   each string intact and packed right after the one before within a chunk. */
static void test_pool_strings_packed_blocks_aligned(void **state)
{
    (void)state;
    struct pool p = POOL_INIT;
    const char *text = "0123456789abcdefghijklmnopqrstuvwxyzABCD";
    char *strings[41];
    unsigned char *blocks[41];
    for (size_t n = 0; n <= 40; n++) {
        strings[n] = pool_strndup(&p, text, n);
        blocks[n] = pool_alloc(&p, n + 1);
        assert_true(aligned(blocks[n]));
        for (size_t i = 0; i <= n; i++)
            assert_int_equal(blocks[n][i], 0);
        memset(blocks[n], 0xAB, n + 1);
    }
    for (size_t n = 0; n <= 40; n++) {
        assert_int_equal(strlen(strings[n]), n);
        assert_memory_equal(strings[n], text, n);
        for (size_t i = 0; i <= n; i++)
            assert_int_equal(blocks[n][i], 0xAB);
    }
    char *a = pool_strdup(&p, "abc"), *b = pool_strdup(&p, "de");
    assert_ptr_equal(b, a + 4); /* no rounding up between strings */
    void *after = pool_alloc_raw(&p, 8);
    assert_true(aligned(after));
    assert_true((char *)after >= b + 3);
    pool_release(&p);
}

/* A block larger than a chunk, and strings that do not fit the chunk's rest. */
static void test_pool_large_and_overflowing(void **state)
{
    (void)state;
    struct pool p = POOL_INIT;
    char *first = pool_strdup(&p, "first");
    unsigned char *big = pool_alloc(&p, 100000);
    assert_true(aligned(big));
    for (size_t i = 0; i < 100000; i += 997)
        assert_int_equal(big[i], 0);
    char *second = pool_strdup(&p, "second"); /* still from the first chunk */
    assert_ptr_equal(second, first + 6);
    char long_text[3000];
    memset(long_text, 'x', sizeof(long_text) - 1);
    long_text[sizeof(long_text) - 1] = '\0';
    for (int i = 0; i < 20; i++) { /* past one chunk's 16 KiB */
        char *s = pool_strdup(&p, long_text);
        assert_string_equal(s, long_text);
        assert_true(aligned(pool_alloc(&p, 1)));
    }
    assert_string_equal(first, "first");
    assert_string_equal(second, "second");
    pool_release(&p);
    assert_null(pool_strdup(&p, NULL));
    pool_release(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pool_strings_packed_blocks_aligned),
        cmocka_unit_test(test_pool_large_and_overflowing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
