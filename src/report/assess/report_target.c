#include "report_target_internal.h"

#include "exact.h"
#include "report.h"
#include "rules.h"
#include "score.h"
#include "score_target.h"
#include "strbuf.h"

int report_target_places(const struct rules_target *t)
{
    int64_t v = t->score_scaled;
    if (v % 100 == 0)
        return 1;
    return v % 10 == 0 ? 2 : 3;
}

void report_target_add_score(struct strbuf *out, const struct rules_target *t)
{
    exact_format_ratio(out, t->score_scaled, EXACT_SCALE, report_target_places(t));
}

void report_target_add_distance(struct strbuf *out, const struct rules_target *rt,
                                const struct score_target *t)
{
    exact_format(out, &t->distance, false, report_target_places(rt));
}

void report_target_add_state(struct strbuf *out, const struct rules_target *rt,
                             const struct score_target *t)
{
    if (t->status == TARGET_NOT_MET || t->status == TARGET_OVERDUE) {
        report_target_add_distance(out, rt, t);
        strbuf_adds(out, " to go, ");
    }
    strbuf_adds(out, score_target_status_text(t->status));
}

void report_target_add_best_end(struct strbuf *out, const struct score *s, size_t item)
{
    struct exact best = {0};
    score_distance_to_best(s, item, &best);
    report_add_exact(out, &best);
    exact_release(&best);
}

void report_target_add_summary(struct strbuf *out, const struct score *s, size_t item)
{
    const struct rules_target *rt = &s->rules->items[item].target;
    struct score_target t;
    score_target_of(s, item, &t);
    report_target_add_score(out, rt);
    strbuf_addf(out, " by %s: ", rt->by);
    report_target_add_state(out, rt, &t);
    score_target_release(&t);
}

void report_target_add_gap(struct strbuf *out, const struct score *s, size_t item)
{
    if (!score_item_has_target(s, item))
        return;
    report_target_add_best_end(out, s, item);
    strbuf_adds(out, " from the best end; target ");
    report_target_add_summary(out, s, item);
}
