/*
 * share_write.c - a pooled assessment as a share file, stagegap-share/1 (share.h).
 *
 * Every number comes from the engine's exact values, rounded once: a stage's score and
 * an item's mean to one decimal. An item is listed only where K or more respondents
 * answered it on the scale and the engine did not withhold it; the rest are left out,
 * as are notes, evidence, comments, groups, roles, respondent ids and file names.
 */
#include "share_write.h"

#include <inttypes.h>

#include "answers.h"
#include "compare.h"
#include "escape.h"
#include "exact.h"
#include "headcount.h"
#include "participation.h"
#include "report.h"
#include "rules.h"
#include "score.h"
#include "share.h"
#include "strbuf.h"
#include "suppress.h"

_Static_assert(SHARE_MIN_GROUP_FLOOR == SUPPRESS_MIN_GROUP_FLOOR &&
                   SHARE_MIN_GROUP_MAX == SUPPRESS_MIN_GROUP_MAX,
               "a share file may name the thresholds the command line takes");
_Static_assert((long)SHARE_INVITED_MAX == (long)HEADCOUNT_INVITED_MAX,
               "a share file may say as many were asked as a headcount may");

bool share_allowed(const struct score *s)
{
    return !s->attribute && s->min_group > 0 && s->assessment->respondents >= s->min_group;
}

/* What leaves the building, said before anything else in the file. */
static void header(struct strbuf *out, const struct score *s, const char *tool_version)
{
    strbuf_addf(out,
                "# A stagegap share file, made by stagegap %s: what this authority's\n"
                "# assessment says, for a network of authorities to compare (stagegap\n"
                "# benchmark). It holds the organisation's name, the date, the model, how\n"
                "# many staff answered (%zu), each stage's score, band and coverage, and the\n"
                "# mean answer to a question only where at least %zu staff answered it.\n"
                "# It holds no notes, evidence or comments, no groups or roles, no\n"
                "# respondent ids and no file names: nothing about any one person.\n",
                tool_version, s->assessment->respondents, s->min_group);
    if (s->participation)
        strbuf_addf(out,
                    "# With its headcount it says how many staff were asked in all (%zu), so\n"
                    "# that others can read how many answered; never a team's or a role's.\n",
                    s->participation->invited);
}

static void add_tenths(struct strbuf *out, int64_t tenths)
{
    report_add_ratio(out, tenths, 10);
}

static void stages(struct strbuf *out, const struct score *s)
{
    const struct rules *r = s->rules;
    strbuf_adds(out, "stages:\n");
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct score_stage *ss = &s->stages[st];
        strbuf_adds(out, "  - {id: ");
        escape_yaml_key(out, r->stages[st].id);
        strbuf_adds(out, ", score: ");
        if (ss->has_score)
            add_tenths(out, (int64_t)exact_round(&ss->score_exact, 1));
        else
            strbuf_adds(out, "null");
        strbuf_adds(out, ", band: ");
        escape_yaml_key(out, score_band_id(s, st));
        strbuf_addf(out, ", answered: %zu, answerable: %zu}\n", ss->answered, ss->answerable);
    }
}

/* Items whose mean may leave: answered on the scale by K or more, not withheld. */
static bool item_shared(const struct score *s, size_t i)
{
    const struct score_item *it = &s->items[i];
    return it->state == SCORED && !it->withheld && s->assessment->items[i].n >= s->min_group;
}

static void items(struct strbuf *out, const struct score *s)
{
    const struct rules *r = s->rules;
    size_t n = 0;
    for (size_t i = 0; i < r->n_items; i++)
        n += item_shared(s, i);
    strbuf_addf(out, "# The mean answer on %ld to %ld, where at least %zu answered.\n",
                r->scale_min, r->scale_max, s->min_group);
    strbuf_adds(out, n ? "means:\n" : "means: {}\n");
    for (size_t i = 0; i < r->n_items; i++) {
        if (!item_shared(s, i))
            continue;
        strbuf_adds(out, "  ");
        escape_yaml_key(out, r->items[i].id);
        strbuf_adds(out, ": ");
        add_tenths(out, compare_answer_tenths(&s->items[i]));
        strbuf_addc(out, '\n');
    }
}

void share_write(const struct score *s, const char *tool_version, struct strbuf *out)
{
    const struct rules *r = s->rules;
    header(out, s, tool_version);
    strbuf_adds(out, "format: " SHARE_FORMAT "\norganisation: ");
    escape_yaml(out, s->assessment->organisation);
    strbuf_adds(out, "\ndate: ");
    strbuf_adds(out, s->assessment->date);
    strbuf_adds(out, "\nmodel: {id: ");
    escape_yaml_key(out, r->id);
    strbuf_adds(out, ", version: ");
    escape_yaml(out, r->version);
    strbuf_addf(out, ", sha256: %s}\n", r->model_sha256);
    strbuf_addf(out, "respondents: %zu\n", s->assessment->respondents);
    if (s->participation)
        strbuf_addf(out, "invited: %zu\n", s->participation->invited);
    strbuf_addf(out, "min-group: %zu\n", s->min_group);
    stages(out, s);
    items(out, s);
}
