/*
 * test_dirlist.c - a directory's names in strcmp order, sorted in memory or, past a
 * batch, in runs merged from a temporary file: every wanted name exactly once, in
 * order, whatever the batch size.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "dirlist.h"
#include "strbuf.h"
#include "xalloc.h"

static bool want_all(const char *name)
{
    return strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

static bool want_txt(const char *name)
{
    size_t len = strlen(name);
    return len > 4 && strcmp(name + len - 4, ".txt") == 0;
}

/* Every name dirlist hands out, one per line. */
static char *list(const char *dir, bool (*want)(const char *), size_t batch)
{
    struct diags d;
    diags_init(&d);
    struct dirlist l;
    assert_int_equal(dirlist_open(&l, dir, want, batch, &d), 0);
    struct strbuf sb = STRBUF_INIT;
    const struct dirlist_entry *e;
    int got;
    while ((got = dirlist_next(&l, &e, &d)) == 1) {
        strbuf_adds(&sb, e->name);
        strbuf_addc(&sb, '\n');
    }
    assert_int_equal(got, 0);
    assert_int_equal(d.n, 0);
    dirlist_close(&l);
    diags_release(&d);
    return strbuf_detach(&sb, NULL);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_dirlist_every_batch_size_gives_name_order(void **state)
{
    (void)state;
    char *dir = test_temp_dir("dirlist");
    enum { N = 97 };
    char *names[N];
    unsigned long seed = 12345;
    for (size_t i = 0; i < N; i++) {
        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
        char name[32];
        /* Mixed lengths, shared prefixes and a byte above 127 (strcmp is unsigned). */
        snprintf(name, sizeof(name), "%s%lu%s.txt", i % 5 == 0 ? "\xc3\xa9" : "a",
                 (seed >> 33) % 1000, i % 3 == 0 ? "-x" : "");
        names[i] = xstrdup(name);
        test_write_file(dir, name, "x");
    }
    qsort(names, N, sizeof(*names), compare_strings);
    struct strbuf expected = STRBUF_INIT;
    for (size_t i = 0; i < N; i++)
        if (i == 0 || strcmp(names[i], names[i - 1]) != 0) /* the same name twice is one file */
            strbuf_addf(&expected, "%s\n", names[i]);
    static const size_t batches[] = {1, 2, 3, 10, 96, 97, 98, DIRLIST_BATCH};
    for (size_t b = 0; b < sizeof(batches) / sizeof(*batches); b++) {
        char *got = list(dir, want_all, batches[b]);
        if (strcmp(got, expected.buf) != 0)
            fail_msg("batch %zu: got\n%s\nexpected\n%s", batches[b], got, expected.buf);
        free(got);
    }
    for (size_t i = 0; i < N; i++)
        free(names[i]);
    strbuf_release(&expected);
    test_remove_tree(dir);
    free(dir);
}

static void test_dirlist_only_wanted_names(void **state)
{
    (void)state;
    char *dir = test_temp_dir("dirlist");
    test_write_file(dir, "b.txt", "");
    test_write_file(dir, "a.md", "");
    test_write_file(dir, "c.txt", "");
    test_write_file(dir, "a.txt", "");
    for (size_t batch = 1; batch <= 4; batch++) {
        char *got = list(dir, want_txt, batch);
        assert_string_equal(got, "a.txt\nb.txt\nc.txt\n");
        free(got);
    }
    test_remove_tree(dir);
    free(dir);
}

static void test_dirlist_empty_and_nothing_wanted(void **state)
{
    (void)state;
    char *dir = test_temp_dir("dirlist");
    char *got = list(dir, want_all, 1);
    assert_string_equal(got, "");
    free(got);
    test_write_file(dir, "a.md", "");
    got = list(dir, want_txt, 1);
    assert_string_equal(got, "");
    free(got);
    test_remove_tree(dir);
    free(dir);
}

static void test_dirlist_types(void **state)
{
    (void)state;
    char *dir = test_temp_dir("dirlist");
    test_write_file(dir, "file", "");
    char *link = test_join(dir, "link");
    assert_int_equal(symlink("file", link), 0);
    struct diags d;
    diags_init(&d);
    struct dirlist l;
    assert_int_equal(dirlist_open(&l, dir, want_all, 1, &d), 0);
    const struct dirlist_entry *e;
    assert_int_equal(dirlist_next(&l, &e, &d), 1);
    assert_string_equal(e->name, "file");
    assert_true(e->type == DIRLIST_FILE || e->type == DIRLIST_UNKNOWN);
    assert_int_equal(dirlist_next(&l, &e, &d), 1);
    assert_string_equal(e->name, "link");
    assert_true(e->type == DIRLIST_LINK || e->type == DIRLIST_UNKNOWN);
    assert_int_equal(dirlist_next(&l, &e, &d), 0);
    assert_int_equal(dirlist_next(&l, &e, &d), 0); /* and stays at the end */
    dirlist_close(&l);
    diags_release(&d);
    free(link);
    test_remove_tree(dir);
    free(dir);
}

/* Counts the entries of dir, "." and ".." aside. */
static size_t count_entries(const char *dir)
{
    char *got = list(dir, want_all, DIRLIST_BATCH);
    size_t n = 0;
    for (const char *p = got; *p; p++)
        n += *p == '\n';
    free(got);
    return n;
}

/* More names than a batch: sorted runs in an unlinked temporary file in $TMPDIR. */
static void test_dirlist_runs_in_a_temporary_file(void **state)
{
    (void)state;
    char *dir = test_temp_dir("dirlist");
    char *tmp = test_temp_dir("dirlist-tmp");
    static const char *const names[] = {"e.txt", "b.txt", "d.txt", "a.txt", "c.txt"};
    for (size_t i = 0; i < 5; i++)
        test_write_file(dir, names[i], "");
    const char *old = getenv("TMPDIR");
    char *saved = old ? xstrdup(old) : NULL;
    setenv("TMPDIR", tmp, 1);
    struct diags d;
    diags_init(&d);
    struct dirlist l;
    assert_int_equal(dirlist_open(&l, dir, want_txt, 2, &d), 0);
    assert_true(l.fd >= 0);
    assert_int_equal(l.n_runs, 3);           /* 2 + 2 + 1 */
    assert_int_equal(count_entries(tmp), 0); /* unlinked at once */
    const struct dirlist_entry *e;
    struct strbuf got = STRBUF_INIT;
    while (dirlist_next(&l, &e, &d) == 1)
        strbuf_addf(&got, "%s ", e->name);
    assert_string_equal(got.buf, "a.txt b.txt c.txt d.txt e.txt ");
    dirlist_close(&l);
    /* Without anywhere to write one, the names are sorted in memory all the same. */
    char *missing = test_join(tmp, "no-such-dir");
    setenv("TMPDIR", missing, 1);
    assert_int_equal(dirlist_open(&l, dir, want_txt, 2, &d), 0);
    assert_true(l.fd < 0);
    strbuf_reset(&got);
    while (dirlist_next(&l, &e, &d) == 1)
        strbuf_addf(&got, "%s ", e->name);
    assert_string_equal(got.buf, "a.txt b.txt c.txt d.txt e.txt ");
    assert_int_equal(d.n, 0);
    dirlist_close(&l);
    if (saved)
        setenv("TMPDIR", saved, 1);
    else
        unsetenv("TMPDIR");
    free(saved);
    free(missing);
    strbuf_release(&got);
    diags_release(&d);
    test_remove_tree(tmp);
    test_remove_tree(dir);
    free(tmp);
    free(dir);
}

/* The listing is the directory as it was read when opened. */
static void test_dirlist_directory_changing_after_open(void **state)
{
    (void)state;
    char *dir = test_temp_dir("dirlist");
    test_write_file(dir, "b.txt", "");
    test_write_file(dir, "d.txt", "");
    for (size_t batch = 1; batch <= 2; batch++) {
        struct diags d;
        diags_init(&d);
        struct dirlist l;
        assert_int_equal(dirlist_open(&l, dir, want_txt, batch, &d), 0);
        const struct dirlist_entry *e;
        assert_int_equal(dirlist_next(&l, &e, &d), 1);
        assert_string_equal(e->name, "b.txt");
        test_write_file(dir, "c.txt", "");
        assert_int_equal(dirlist_next(&l, &e, &d), 1);
        assert_string_equal(e->name, "d.txt");
        assert_int_equal(dirlist_next(&l, &e, &d), 0);
        dirlist_close(&l);
        diags_release(&d);
        char *c = test_join(dir, "c.txt");
        unlink(c);
        free(c);
    }
    test_remove_tree(dir);
    free(dir);
}

static void test_dirlist_missing_directory(void **state)
{
    (void)state;
    struct diags d;
    diags_init(&d);
    struct dirlist l;
    assert_int_equal(dirlist_open(&l, "no/such/dir", want_all, 4, &d), -1);
    assert_diag(&d, 0, 0, "cannot open directory: No such file or directory");
    assert_string_equal(d.v[0].file, "no/such/dir");
    assert_int_equal(diags_exit_code(&d), 4);
    dirlist_close(&l); /* safe after a failed open */
    diags_release(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dirlist_every_batch_size_gives_name_order),
        cmocka_unit_test(test_dirlist_only_wanted_names),
        cmocka_unit_test(test_dirlist_empty_and_nothing_wanted),
        cmocka_unit_test(test_dirlist_types),
        cmocka_unit_test(test_dirlist_runs_in_a_temporary_file),
        cmocka_unit_test(test_dirlist_directory_changing_after_open),
        cmocka_unit_test(test_dirlist_missing_directory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
