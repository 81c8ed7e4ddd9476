/*
 * testutil.h - helpers shared by the unit tests: loading rules and answers from YAML
 * literals, and asserting on diagnostics.
 */
#ifndef STAGEGAP_TESTUTIL_H
#define STAGEGAP_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdbool.h>
#include <cmocka.h>

#include "diag.h"
#include "rules.h"

/*
 * cmocka 1.1.5's assert_float_equal works in float; scores need double. Fails with
 * both values shown.
 */
#define assert_near(a, b) assert_near_at((double)(a), (double)(b), __FILE__, __LINE__)
void assert_near_at(double a, double b, const char *file, int line);

/* A small valid rules file the tests edit; see testutil.c. */
extern const char *const test_rules_yaml;

/* test_rules_yaml loaded, for a group whose setup and teardown are the two below. */
extern struct rules test_rules;
int test_rules_setup(void **state);
int test_rules_teardown(void **state);

/* Loads YAML text as rules; the diagnostics stay in *d for the test to inspect. */
int load_rules_text(struct rules *r, const char *yaml, struct diags *d);
/* Asserts that d holds a diagnostic at line:column whose message is exactly msg. */
void assert_diag(const struct diags *d, unsigned line, unsigned column, const char *msg);
/* test_rules_yaml with the first occurrence of from replaced by to (malloc'd). */
char *rules_with(const char *from, const char *to);
/* Renders all of d as the CLI would, for failure messages. */
void print_diags(const struct diags *d);

/* A new empty directory under $TMPDIR or /tmp, named for what; malloc'd. */
char *test_temp_dir(const char *what);
/* dir/name, malloc'd. */
char *test_join(const char *dir, const char *name);
/* Writes text to dir/name. */
void test_write_file(const char *dir, const char *name, const char *text);
/* Removes dir and everything under it (links, not what they lead to). */
void test_remove_tree(const char *dir);

#endif
