/*
 * report_focus.c - why a report has no focus stage, in words, decided once (issue 29):
 * the assess report's details, compare's focus before and after and trend's table of
 * points all say it the same way. The focus itself is the engine's (score.h).
 */
#include "report_build_internal.h"

#include "rules.h"
#include "score.h"
#include "strbuf.h"

const char *report_no_focus_reason(const struct score *s)
{
    size_t na = score_stages_not_applicable(s);
    if (na == s->rules->n_stages)
        return "no stage applies: every question was answered n/a";
    return na ? "every stage that applies is in the top band" : "every stage is in the top band";
}

void report_focus_words(struct strbuf *sb, const struct score *s)
{
    if (s->focus >= 0)
        strbuf_adds(sb, s->rules->stages[s->focus].title);
    else
        strbuf_addf(sb, "none (%s)", report_no_focus_reason(s));
}
