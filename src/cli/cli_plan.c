/*
 * cli_plan.c - the plan command: an action plan from an assessment, or an edited plan
 * with the next assessment's new actions added (--update).
 */
#include "cli.h"
#include "cli_internal.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "accept.h"
#include "answers.h"
#include "diag.h"
#include "fileio.h"
#include "plan.h"
#include "plan_write.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"
#include "suppress.h"
#include "text.h"
#include "version.h"
#include "xalloc.h"

/* --top N: a count of actions, 0 for all; -1 for anything else. */
static long parse_top(const char *s)
{
    if (!s)
        return SCORE_ACTIONS_LISTED; /* as many as the reports list */
    size_t n = strlen(s);
    if (n == 0 || n > 6 || strspn(s, "0123456789") != n)
        return -1;
    return strtol(s, NULL, 10);
}

/* The old plan for --update: its bytes, loaded against the rules. */
struct old_plan {
    struct plan plan;
    char *buf;
    size_t len;
};

static int load_old_plan(struct cli *c, const struct rules *r, struct old_plan *old)
{
    struct diags d;
    diags_init(&d);
    int rc = EXIT_OK;
    if (plan_load_file_bytes(&old->plan, r, c->update, &old->buf, &old->len, &d) != 0)
        rc = cli_print_diags(c, &d);
    diags_release(&d);
    return rc;
}

/* A plan for one organisation updated from another's assessment is worth a word. */
static void warn_other_organisation(struct cli *c, const struct plan *p, const struct assessment *a)
{
    if (!p->organisation || strcmp(p->organisation, a->organisation) == 0)
        return;
    struct strbuf msg = STRBUF_INIT;
    strbuf_adds(&msg, "stagegap: warning: the plan is for ");
    text_add_quoted(&msg, p->organisation, 60);
    strbuf_adds(&msg, " but the assessment is of ");
    text_add_quoted(&msg, a->organisation, 60);
    strbuf_addc(&msg, '\n');
    cli_write_stream(c->err, strbuf_str(&msg), msg.len, "standard error", c->err);
    strbuf_release(&msg);
}

/* Each note line as "stagegap: note: LINE", made safe for a terminal. */
static void print_notes(struct cli *c, const struct strbuf *notes)
{
    struct strbuf msg = STRBUF_INIT;
    const char *p = strbuf_str(notes);
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *line = xstrndup(p, n);
        strbuf_adds(&msg, "stagegap: note: ");
        text_add_safe(&msg, line, true);
        strbuf_addc(&msg, '\n');
        free(line);
        p += n + (nl != NULL);
    }
    cli_write_stream(c->err, strbuf_str(&msg), msg.len, "standard error", c->err);
    strbuf_release(&msg);
}

/* An update without --output replaces the plan itself, whole or not at all. */
static int emit_plan(struct cli *c, const struct strbuf *out, const struct assessment *a)
{
    if (c->output || !c->update)
        return cli_emit(c, out, &a, 1);
    struct diags d;
    diags_init(&d);
    int rc = fileio_write_atomic(c->update, strbuf_str(out), out->len, &d) == 0
                 ? EXIT_OK
                 : cli_print_diags(c, &d);
    diags_release(&d);
    return rc;
}

static int update_plan(struct cli *c, const struct old_plan *old, const struct score *s, size_t top,
                       struct strbuf *out)
{
    struct plan_source src = {&old->plan, old->buf, old->len};
    struct strbuf notes = STRBUF_INIT;
    struct diags d;
    diags_init(&d);
    warn_other_organisation(c, &old->plan, s->assessment);
    int rc =
        plan_write_update(&src, s, top, out, &notes, &d) == 0 ? EXIT_OK : cli_print_diags(c, &d);
    if (rc == EXIT_OK)
        print_notes(c, &notes);
    diags_release(&d);
    strbuf_release(&notes);
    return rc;
}

/*
 * "--update -" reads the plan from standard input: it needs --output, and the input.
 * --output never names an input, the plan included: an update in place is asked for by
 * leaving --output out.
 */
static int check_update_target(struct cli *c)
{
    if (c->update && c->output && fileio_same_file(c->update, c->output))
        return cli_usage_error(c,
                               "--output is the plan --update reads; leave --output out to "
                               "update the plan in place, not",
                               c->output);
    if (!c->update || strcmp(c->update, "-") != 0)
        return EXIT_OK;
    if (!c->output)
        return cli_usage_error(c,
                               "--update - reads the plan from standard input, so give "
                               "--output FILE for the updated plan",
                               NULL);
    for (size_t i = 0; i < c->n_args; i++)
        if (strcmp(c->args[i], "-") == 0)
            return cli_usage_error(c, "standard input can be read only once:", "-");
    return EXIT_OK;
}

int cmd_plan(struct cli *c)
{
    struct rules r;
    struct assessment a;
    struct score s;
    struct old_plan old = {0};
    struct accept accept;
    struct strbuf out = STRBUF_INIT;
    long top = parse_top(c->top);
    if (top < 0)
        return cli_usage_error(c, "--top takes a number of actions (0 for all), not", c->top);
    int rc = check_update_target(c);
    if (rc || (rc = cli_load_rules(c, &r)) != 0)
        return rc;
    cli_assessment_init(c, &a, &r);
    score_init(&s);
    plan_init(&old.plan);
    accept_init(&accept);
    if (c->update && (rc = load_old_plan(c, &r, &old)) != 0)
        goto out;
    if ((rc = cli_load_accept(c, &r, &accept)) != 0 ||
        (rc = cli_load_assessment(c, &a, c->args, c->n_args)) != 0)
        goto out;
    struct score_options opts = {false, SUPPRESS_MIN_GROUP_DEFAULT, true,
                                 c->accept ? &accept : NULL};
    score_compute_with(&s, &r, &a, &opts);
    if (c->update)
        rc = update_plan(c, &old, &s, (size_t)top, &out);
    else
        plan_write_new(&s, STAGEGAP_VERSION, (size_t)top, &out);
    /* An update in place with nothing to add leaves the file alone, not even rewritten. */
    bool unchanged = c->update && !c->output && out.len == old.len &&
                     (out.len == 0 || memcmp(out.buf, old.buf, out.len) == 0);
    if (rc == EXIT_OK && !unchanged)
        rc = emit_plan(c, &out, &a);
out:
    strbuf_release(&out);
    free(old.buf);
    plan_release(&old.plan);
    score_release(&s);
    accept_release(&accept);
    assessment_release(&a);
    rules_release(&r);
    return rc;
}
