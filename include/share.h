/*
 * share.h - a share file, stagegap-share/1: what one authority's pooled assessment says,
 * safe to send outside it to a network of authorities (issue 30, docs/benchmarking.md).
 *
 * It holds the organisation, the date, the model's id, version and hash, how many
 * respondents, each stage's score, band and coverage, and each item's pooled mean to
 * one decimal only where at least the anonymity threshold's K respondents answered it
 * on the scale; with a headcount, how many staff were asked in all (never per group). Never notes,
 * comments, groups, respondent ids or file names. A share is written only from K or more
 * respondents (share_write.h).
 *
 * This module reads a share file against the rules it names, with located
 * diagnostics; struct share owns everything it points to, in one pool.
 */
#ifndef STAGEGAP_SHARE_H
#define STAGEGAP_SHARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pool.h"

struct diags;
struct rules;

#define SHARE_FORMAT "stagegap-share/1"

/* The thresholds a share may name: suppress.h's (share_write.c checks). */
enum { SHARE_FILE_MAX = 1024 * 1024, SHARE_MIN_GROUP_FLOOR = 3, SHARE_MIN_GROUP_MAX = 1000 };
/* The most staff a share may say were asked: headcount.h's HEADCOUNT_INVITED_MAX. */
enum { SHARE_INVITED_MAX = 10000000 };

struct share_stage {
    bool has_score;
    int64_t score_tenths; /* 0-1000 */
    const char *band;     /* the band's id */
    size_t answered, answerable;
};

struct share {
    const char *file;
    const char *organisation, *date; /* date YYYY-MM-DD, a real date */
    const char *model_id, *model_version, *model_sha256;
    size_t respondents, min_group;
    size_t invited; /* staff asked, from a headcount (at least respondents); 0: not given */
    struct share_stage *stages; /* per rules stage, in rules order */
    bool *has_mean;             /* per rules item: a mean was shared */
    int64_t *mean_tenths;       /* per rules item, on the scale times 10 */
    struct pool pool;
};

void share_init(struct share *s);
void share_release(struct share *s);
/*
 * Loads a share of an assessment against rules r: the model it names is r (its id,
 * and its hash: a share against another version is refused), every stage of r once,
 * item ids r knows (with a "did you mean"), numbers in range. 0, or -1 with s empty.
 */
int share_load_buffer(struct share *s, const struct rules *r, const char *file, const char *buf,
                      size_t len, struct diags *d);
/*
 * As share_load_buffer, for benchmark: with allow_model_change a share made against
 * another model, or another version of r, is read too, its stages and items matched to
 * r's by id and those r does not have left out (s->model_* say which model it was);
 * without, the refusal names --allow-model-change.
 */
int share_load_for_benchmark(struct share *s, const struct rules *r, bool allow_model_change,
                             const char *file, const char *buf, size_t len, struct diags *d);

#endif
