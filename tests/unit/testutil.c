#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "strbuf.h"
#include "xalloc.h"

const char *const test_rules_yaml =
    "format: stagegap-rules/1\n"
    "id: tiny\n"
    "version: \"1.0\"\n"
    "title: A tiny model\n"
    "source: {title: Tests, note: \"No evidence at all.\"}\n"
    "scale: {min: 0, max: 10, low: Not at all, high: Fully}\n"
    "levels:\n"
    "  - {id: people, title: People}\n"
    "  - {id: systems, title: Systems}\n"
    "bands:\n"
    "  - {id: good, title: Good, min: 70}\n"
    "  - {id: fair, title: Fair, min: 40}\n"
    "  - {id: poor, title: Poor, min: 0}\n"
    "stages:\n"
    "  - id: start\n"
    "    title: Start\n"
    "    facilitators:\n"
    "      - {id: start.plan, text: A plan, level: systems, question: Is there a plan?, weight: "
    "2}\n"
    "      - {id: start.training, text: Training, level: people, question: Trained?}\n"
    "    barriers:\n"
    "      - {id: start.fatigue, text: Fatigue, level: people, question: How tired?}\n"
    "    suggestions:\n"
    "      - id: start.do-plan\n"
    "        text: Make a plan\n"
    "        level: systems\n"
    "        question: Have you made a plan?\n"
    "        addresses: [start.plan]\n"
    "  - id: later\n"
    "    title: Later\n"
    "    facilitators:\n"
    "      - {id: later.habit, text: Habit, level: people, question: Is it a habit?}\n"
    "      - {id: later.context, text: Context only, level: systems}\n"
    "    notes: [Little is known.]\n";

int load_rules_text(struct rules *r, const char *yaml, struct diags *d)
{
    return rules_load_buffer(r, "test.yaml", yaml, strlen(yaml), d);
}

void assert_near_at(double a, double b, const char *file, int line)
{
    double diff = a > b ? a - b : b - a;
    if (diff <= 1e-9)
        return;
    fprintf(stderr, "%s:%d: %.12g is not %.12g\n", file, line, a, b);
    fail();
}

void print_diags(const struct diags *d)
{
    struct strbuf sb = STRBUF_INIT;
    diags_render(d, &sb);
    fprintf(stderr, "%s", strbuf_str(&sb));
    strbuf_release(&sb);
}

void assert_diag(const struct diags *d, unsigned line, unsigned column, const char *msg)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].line == line && d->v[i].column == column && strcmp(d->v[i].message, msg) == 0)
            return;
    fprintf(stderr, "expected diagnostic %u:%u: %s\ngot:\n", line, column, msg);
    print_diags(d);
    fail();
}

char *rules_with(const char *from, const char *to)
{
    const char *at = strstr(test_rules_yaml, from);
    if (!at) {
        fprintf(stderr, "rules_with: '%s' not in the test rules\n", from);
        abort();
    }
    struct strbuf sb = STRBUF_INIT;
    strbuf_add(&sb, test_rules_yaml, (size_t)(at - test_rules_yaml));
    strbuf_adds(&sb, to);
    strbuf_adds(&sb, at + strlen(from));
    return strbuf_detach(&sb, NULL);
}

char *test_temp_dir(const char *what)
{
    const char *tmp = getenv("TMPDIR");
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "%s/stagegap-test-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", what);
    char *dir = strbuf_detach(&sb, NULL);
    assert_non_null(mkdtemp(dir));
    return dir;
}

char *test_join(const char *dir, const char *name)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "%s/%s", dir, name);
    return strbuf_detach(&sb, NULL);
}

void test_write_file(const char *dir, const char *name, const char *text)
{
    char *path = test_join(dir, name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    assert_int_equal(fclose(fp), 0);
    free(path);
}

void test_remove_tree(const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *path = test_join(dir, e->d_name);
        if (unlink(path) != 0)
            test_remove_tree(path);
        free(path);
    }
    closedir(dp);
    rmdir(dir);
}

struct rules test_rules;

int test_rules_setup(void **state)
{
    (void)state;
    struct diags d;
    diags_init(&d);
    int rc = load_rules_text(&test_rules, test_rules_yaml, &d);
    diags_release(&d);
    return rc;
}

int test_rules_teardown(void **state)
{
    (void)state;
    rules_release(&test_rules);
    return 0;
}
