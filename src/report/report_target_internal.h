/*
 * report_target_internal.h - what every format says of a target (score_target.h), in
 * one wording: private to the src/report_*.c renderers. The texts are plain (dates and
 * numbers the loader checked); a renderer still escapes them as it escapes any text.
 */
#ifndef STAGEGAP_REPORT_TARGET_INTERNAL_H
#define STAGEGAP_REPORT_TARGET_INTERNAL_H

#include <stddef.h>

struct rules_target;
struct score;
struct score_target;
struct strbuf;

/* The heading every format gives the section, and the sentence under it. */
#define REPORT_TARGETS_TITLE "Targets"
#define REPORT_TARGETS_LEAD                                                                        \
    "The targets the model sets, item by item, in its order: a second view beside the score, "     \
    "which does not use them. Overdue: not met, and the assessment is dated after the target's "   \
    "date."

/* Decimals a target's score needs (1 to EXACT_PLACES); its distance is shown to as many. */
int report_target_places(const struct rules_target *t);
/* The target's score on the scale, to report_target_places decimals: "7.0", "6.85". */
void report_target_add_score(struct strbuf *out, const struct rules_target *t);
/* The distance to target to the same decimals: "1.0". */
void report_target_add_distance(struct strbuf *out, const struct rules_target *rt,
                                const struct score_target *t);
/* "1.0 to go, overdue", "1.0 to go, not met", "met", "no answer". */
void report_target_add_state(struct strbuf *out, const struct rules_target *rt,
                             const struct score_target *t);
/* A scored item's distance to the scale's best end, to one decimal: "4.0". */
void report_target_add_best_end(struct strbuf *out, const struct score *s, size_t item);
/* "8.0 by 2026-06-30: 2.0 to go, overdue" for item, which has a target. */
void report_target_add_summary(struct strbuf *out, const struct score *s, size_t item);
/*
 * What a gap's line says beside its answer when the item has a target: "4.0 from the
 * best end; target 7.0 by 2027-03-31: 1.0 to go, overdue". Nothing without a target.
 */
void report_target_add_gap(struct strbuf *out, const struct score *s, size_t item);

#endif
