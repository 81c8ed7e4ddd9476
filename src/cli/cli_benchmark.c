/*
 * cli_benchmark.c - "stagegap benchmark": the share files read (files, or directories of
 * them), each authority's latest picked, the benchmark worked out (benchmark.h) and
 * written (benchmark_report.h). Fewer than BENCHMARK_MIN_AUTHORITIES authorities is
 * refused, with the reason.
 */
#include "cli.h"
#include "cli_internal.h"

#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "benchmark.h"
#include "benchmark_report.h"
#include "date.h"
#include "diag.h"
#include "dirlist.h"
#include "fileio.h"
#include "platform.h"
#include "rules.h"
#include "share.h"
#include "strbuf.h"
#include "version.h"
#include "xalloc.h"

/* Every share read: --self first when given, then the arguments' in order. */
struct network {
    struct share **shares;
    size_t n, cap;
};

static void network_release(struct network *nw)
{
    for (size_t i = 0; i < nw->n; i++) {
        share_release(nw->shares[i]);
        free(nw->shares[i]);
    }
    free(nw->shares);
}

static int read_share(const struct cli *c, const struct rules *r, struct network *nw,
                      const char *path, struct diags *d)
{
    char *buf;
    size_t len;
    if (fileio_read_edited(path, SHARE_FILE_MAX, &buf, &len, d) != 0)
        return -1;
    struct share *s = xcalloc(1, sizeof(*s));
    int rc = share_load_for_benchmark(s, r, c->allow_model_change, path, buf, len, d);
    free(buf);
    if (rc != 0) {
        free(s);
        return rc;
    }
    if (nw->n == nw->cap) {
        nw->cap = nw->cap ? 2 * nw->cap : 16;
        nw->shares = xrealloc(nw->shares, nw->cap * sizeof(*nw->shares));
    }
    nw->shares[nw->n++] = s;
    return 0;
}

static bool is_directory(const char *path)
{
    struct platform_file_info st;
    return strcmp(path, "-") != 0 && platform_path_info(path, &st) == 0 && st.directory;
}

/* Every *.yaml and *.yml in dir, in name order, but --self's own file. */
static int read_dir(const struct cli *c, const struct rules *r, struct network *nw, const char *dir,
                    struct diags *d)
{
    struct dirlist l;
    if (dirlist_open(&l, dir, answers_is_file_name, DIRLIST_BATCH, d) != 0)
        return -1;
    const struct dirlist_entry *e;
    int more, rc = 0;
    size_t before = nw->n;
    while ((more = dirlist_next(&l, &e, d)) == 1) {
        char *path = fileio_path_join(dir, e->name);
        if (!c->self || !fileio_same_file(path, c->self))
            rc |= read_share(c, r, nw, path, d);
        free(path);
    }
    dirlist_close(&l);
    if (more < 0)
        return -1;
    if (rc == 0 && nw->n == before)
        diag_error(d, dir, 0, 0, "no share files (*.yaml, *.yml) in this directory");
    return rc == 0 && nw->n > before ? 0 : -1;
}

static int read_network(const struct cli *c, const struct rules *r, struct network *nw,
                        struct diags *d)
{
    int rc = c->self ? read_share(c, r, nw, c->self, d) : 0;
    for (size_t i = 0; i < c->n_args; i++) {
        const char *path = c->args[i];
        if (is_directory(path))
            rc |= read_dir(c, r, nw, path, d);
        else if (!c->self || !fileio_same_file(path, c->self))
            rc |= read_share(c, r, nw, path, d);
    }
    return rc;
}

/* --self dated by --as-of. */
static int check_self_date(struct cli *c, const struct network *nw)
{
    if (c->as_of && c->self && strcmp(nw->shares[0]->date, c->as_of) > 0)
        return cli_usage_error(c, "--self is a share dated after --as-of:", nw->shares[0]->date);
    return 0;
}

static int too_few(struct cli *c, size_t n)
{
    fprintf(c->err,
            "stagegap: benchmark: %zu authorit%s, fewer than %d: a figure of so few could be one "
            "authority's; a benchmark needs the shares of at least %d authorities\n",
            n, n == 1 ? "y" : "ies", BENCHMARK_MIN_AUTHORITIES, BENCHMARK_MIN_AUTHORITIES);
    return EXIT_INVALID;
}

/* --output is none of the share files read, even those found in a directory. */
static int check_output(struct cli *c, const struct network *nw)
{
    if (cli_to_stdout(c))
        return 0;
    for (size_t i = 0; i < nw->n; i++)
        if (fileio_same_file(nw->shares[i]->file, c->output))
            return cli_refuse_output_over_input(c);
    return 0;
}

static int run(struct cli *c, const struct rules *r, struct network *nw)
{
    const struct share *self = c->self ? nw->shares[0] : NULL;
    const struct share **picked = xcalloc(nw->n + 1, sizeof(*picked));
    struct diags d;
    diags_init(&d);
    size_t n =
        benchmark_pick((const struct share *const *)nw->shares, nw->n, self, c->as_of, picked, &d);
    int rc = d.errors ? cli_print_diags(c, &d) : n < BENCHMARK_MIN_AUTHORITIES ? too_few(c, n) : 0;
    diags_release(&d);
    if (rc == 0 && (rc = check_output(c, nw)) == 0) {
        struct benchmark b;
        struct strbuf out = STRBUF_INIT;
        benchmark_compute(&b, r, picked, n, self, c->as_of, (const struct share *const *)nw->shares,
                          nw->n);
        benchmark_render(&b, c->format ? c->format : "text", STAGEGAP_VERSION,
                         cli_terminal_width(c), &out);
        rc = cli_emit(c, &out, NULL, 0);
        strbuf_release(&out);
        benchmark_release(&b);
    }
    free(picked);
    return rc;
}

int cmd_benchmark(struct cli *c)
{
    static const char *const formats[] = {"text", "markdown", "json", "csv", "html", NULL};
    struct rules r;
    int rc = cli_check_format(c, formats);
    if (rc == 0 && c->as_of && !date_valid(c->as_of))
        rc = cli_usage_error(c, "--as-of takes a real date written YYYY-MM-DD, not", c->as_of);
    if (rc || (rc = cli_load_rules(c, &r)) != 0)
        return rc;
    struct network nw = {0};
    struct diags d;
    diags_init(&d);
    if (read_network(c, &r, &nw, &d) != 0 || d.errors)
        rc = cli_print_diags(c, &d);
    else if ((rc = check_self_date(c, &nw)) == 0)
        rc = run(c, &r, &nw);
    diags_release(&d);
    network_release(&nw);
    rules_release(&r);
    return rc;
}
