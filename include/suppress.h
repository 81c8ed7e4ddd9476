/*
 * suppress.h - which groups of respondents a report may show apart without singling
 * anyone out: primary and secondary suppression, as statistical offices do it.
 *
 * A group with fewer respondents than the threshold is not shown apart; it is pooled
 * into one "other groups" row. When that row would itself be smaller than the
 * threshold (but not empty), the smallest group still shown is pooled into it too, and
 * so on, until it is not: then every row shown has at least the threshold and the rows
 * add up to the total, so no group can be worked out by subtraction. Pure arithmetic on
 * counts; no I/O. The rule in words is docs/privacy.md.
 */
#ifndef STAGEGAP_SUPPRESS_H
#define STAGEGAP_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>

/* The threshold's default, the smallest a user may ask for (--min-group), the largest. */
#define SUPPRESS_MIN_GROUP_DEFAULT 5
#define SUPPRESS_MIN_GROUP_FLOOR 3
#define SUPPRESS_MIN_GROUP_MAX 1000

/*
 * Decides, for n_groups groups counted in n_periods reports that are read side by side
 * (one assessment, or the assessments of a compare or trend), which are pooled:
 * counts[p * n_groups + g] is group g's respondents in report p. A group is shown apart
 * only when it has at least min_group respondents in every report; then pooling goes on,
 * smallest first (ties by index, so the caller's order decides, not the reading order),
 * until each report's pooled respondents are none or at least min_group.
 * Sets pooled[g] and returns how many groups are shown apart.
 */
size_t suppress_groups(const size_t *counts, size_t n_groups, size_t n_periods, size_t min_group,
                       bool *pooled);
/* The same, keeping pooled whatever pooled[] already pools (partition.h). */
size_t suppress_groups_more(const size_t *counts, size_t n_groups, size_t n_periods,
                            size_t min_group, bool *pooled);

#endif
