/*
 * test_sha256.c - SHA-256 against the FIPS 180-4 / NIST example vectors, and the same
 * digest however the input is split across updates.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "sha256.h"

static void expect_hex(const char *data, size_t len, const char *want)
{
    char hex[65];
    sha256_hex(data, len, hex);
    assert_string_equal(hex, want);
}

static void test_sha256_empty(void **state)
{
    (void)state;
    expect_hex("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_sha256_abc(void **state)
{
    (void)state;
    expect_hex("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void test_sha256_448_bits(void **state)
{
    (void)state;
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    assert_int_equal(strlen(m) * 8, 448);
    expect_hex(m, strlen(m), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_sha256_896_bits(void **state)
{
    (void)state;
    const char *m = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                    "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    assert_int_equal(strlen(m) * 8, 896);
    expect_hex(m, strlen(m), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void test_sha256_million_a(void **state)
{
    (void)state;
    size_t len = 1000000;
    char *m = malloc(len);
    assert_non_null(m);
    memset(m, 'a', len);
    expect_hex(m, len, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    /* The same in uneven pieces through the streaming interface. */
    struct sha256 h;
    unsigned char digest[32];
    sha256_init(&h);
    for (size_t at = 0, step = 1; at < len; at += step, step = step * 3 % 1000 + 1)
        sha256_update(&h, m + at, at + step > len ? len - at : step);
    sha256_final(&h, digest);
    static const unsigned char want[32] = {0xcd, 0xc7, 0x6e, 0x5c, 0x99, 0x14, 0xfb, 0x92,
                                           0x81, 0xa1, 0xc7, 0xe2, 0x84, 0xd7, 0x3e, 0x67,
                                           0xf1, 0x80, 0x9a, 0x48, 0xa4, 0x97, 0x20, 0x0e,
                                           0x04, 0x6d, 0x39, 0xcc, 0xc7, 0x11, 0x2c, 0xd0};
    assert_memory_equal(digest, want, 32);
    free(m);
}

/* Every split of a message around the block and padding boundaries gives one digest. */
static void test_sha256_any_split(void **state)
{
    (void)state;
    char m[130];
    for (size_t i = 0; i < sizeof(m); i++)
        m[i] = (char)('a' + i % 26);
    for (size_t len = 0; len <= sizeof(m); len++) {
        unsigned char whole[32];
        struct sha256 h;
        sha256_init(&h);
        sha256_update(&h, m, len);
        sha256_final(&h, whole);
        for (size_t cut = 0; cut <= len; cut++) {
            unsigned char split[32];
            sha256_init(&h);
            sha256_update(&h, m, cut);
            sha256_update(&h, m + cut, len - cut);
            sha256_final(&h, split);
            assert_memory_equal(whole, split, 32);
        }
    }
    /* Lengths on the padding edges, against digests computed independently. */
    static const struct {
        size_t len;
        const char *hex;
    } edges[] = {
        {55, "595615dbe4f0f407ae397d08b4c2cb870cb9b0e11937416f950c5160acf9c005"},
        {56, "784f623b787495078e93ff28a25b581df0584055a7e71d8cd90c454716b92f51"},
        {63, "5ca3e1ef5207490eac01a795e5cc94d59582a5118bf9534665c8668d87aa647c"},
        {64, "2fcd5a0d60e4c941381fcc4e00a4bf8be422c3ddfafb93c809e8d1e2bfffae8e"},
        {65, "1b3cd1877ab2f2f19f7be001722554f336cb799df0329de0bb4c118dc6abc06d"},
        {119, "faef67da856d6fd9c8d12f9ed0a4fefd3cf0ce085ab43e2907418d457e3c354b"},
        {120, "c9512b08619c19fbb503c7da6b46ef20301e5f7a7a5f43989182398536f5c5c8"},
        {128, "6c05be2c4268843ae47e68e611277ce62c02153f2f4d2e1e2a1a4b44f766cf74"},
    };
    for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++)
        expect_hex(m, edges[i].len, edges[i].hex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_empty),     cmocka_unit_test(test_sha256_abc),
        cmocka_unit_test(test_sha256_448_bits),  cmocka_unit_test(test_sha256_896_bits),
        cmocka_unit_test(test_sha256_million_a), cmocka_unit_test(test_sha256_any_split),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
