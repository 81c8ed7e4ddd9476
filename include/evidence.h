/*
 * evidence.h - an evidence file, stagegap-evidence/1: an organisation's dated indicators
 * (a case-file audit's score, the share of staff trained, staff turnover, an inspection's
 * judgement) and the items of the model each bears on, to set beside the self-ratings
 * (issue 31, docs/evidence.md). Evidence never changes a score.
 *
 * Each indicator has an id, a title, its source (who measured it, and how), a scale (a
 * percentage, a count out of N, a rating from min to max, or ordered categories, worst
 * first), which way is better, optionally a target, the items or stages it bears on, and
 * one or more dated values: a series. An indicator that is itself a figure of a few
 * people (base: how many it is of) is refused under the anonymity threshold, as a group
 * is in a pooled report.
 *
 * This module reads an evidence file against the rules, with located diagnostics (did
 * you mean for an item id, a value that does not fit its scale); struct evidence owns
 * everything it points to, in one pool.
 */
#ifndef STAGEGAP_EVIDENCE_H
#define STAGEGAP_EVIDENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pool.h"

struct diags;
struct rules;

#define EVIDENCE_FORMAT "stagegap-evidence/1"

enum {
    EVIDENCE_FILE_MAX = 1024 * 1024,
    EVIDENCE_INDICATORS_MAX = 200,
    EVIDENCE_VALUES_MAX = 500, /* dated values of one indicator */
    EVIDENCE_LEVELS_MAX = 12,  /* categories of one scale */
    EVIDENCE_COUNT_MAX = 10000000,
    EVIDENCE_RATING_MAX = 1000, /* a rating's ends lie in -1000 to 1000 */
};

enum evidence_scale_kind {
    EVIDENCE_PERCENTAGE, /* 0 to 100; min and max, when given, the ends a comparison reads
                            it between (turnover: 0 to 40) */
    EVIDENCE_COUNT,      /* a whole number from 0 to `of` */
    EVIDENCE_RATING,     /* from min to max, such as 0 to 10 */
    EVIDENCE_CATEGORY,   /* one of ordered levels, worst first */
};

/* One dated value: exact (times EXACT_SCALE), or a category's index among its levels. */
struct evidence_value {
    const char *date; /* YYYY-MM-DD, a real date */
    int64_t value;
};

struct evidence_indicator {
    const char *id, *title, *source;
    enum evidence_scale_kind kind;
    int64_t min, max;    /* the scale's ends, exact; a category's 0 and n_levels - 1; a
                            percentage's may lie inside 0 to 100, its values outside them */
    const char **levels; /* EVIDENCE_CATEGORY: the levels, worst first */
    size_t n_levels;
    bool higher_better; /* better: higher (a category's later level) or lower */
    bool has_target;
    int64_t target; /* on the scale, as a value */
    size_t *items;  /* the rules items with a question it bears on (a stage named: each
                       of its questions), in rules order, once each */
    size_t n_items;
    size_t base;                   /* how many people it is a figure of; 0: not said */
    struct evidence_value *values; /* oldest first, one per date; none yet (a template's) */
    size_t n_values;
};

struct evidence {
    const char *file, *organisation;
    struct evidence_indicator *indicators;
    size_t n_indicators;
    struct pool pool;
};

void evidence_init(struct evidence *e);
void evidence_release(struct evidence *e);
/*
 * Loads an evidence file against rules r, refusing an indicator that is a figure of
 * fewer than min_group people. 0, or -1 with e empty and every problem in d.
 */
int evidence_load_buffer(struct evidence *e, const struct rules *r, size_t min_group,
                         const char *file, const char *buf, size_t len, struct diags *d);
/* evidence_load_buffer of the file at path ("-": standard input), read whole. */
int evidence_load_file(struct evidence *e, const struct rules *r, size_t min_group,
                       const char *path, struct diags *d);
/* "percentage", "count", "rating", "category". */
const char *evidence_scale_name(enum evidence_scale_kind k);

#endif
