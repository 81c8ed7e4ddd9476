/*
 * model_change.h - assessments that name different models, for compare and trend: the
 * refusal, and what differs between the two models when --allow-model-change lets it
 * through. Pure: no I/O.
 *
 * The files of an assessment name either the loaded model's id or, for an overlay, its
 * base's (answers.h). Both are scored with the loaded rules, so when they name different
 * models the models differ by what the overlay changed: its items added, retired and
 * changed, and its scoring and bands. All of it is read from the merged rules.
 */
#ifndef STAGEGAP_MODEL_CHANGE_H
#define STAGEGAP_MODEL_CHANGE_H

#include <stdbool.h>
#include <stddef.h>

struct assessment;
struct diags;
struct rules;

enum model_change_kind {
    MODEL_ITEM_ADDED,
    MODEL_ITEM_RETIRED,
    MODEL_ITEM_CHANGED,
};

struct model_change_item {
    size_t item; /* index in rules.items */
    enum model_change_kind kind;
    unsigned changes; /* CHANGED_* bits, for MODEL_ITEM_CHANGED */
};

struct model_change {
    const char *from, *to;           /* the models named: the first assessment's, and the other */
    unsigned overlay_changes;        /* OVERLAY_CHANGED_* bits of the rules */
    struct model_change_item *items; /* in rules order */
    size_t n_items;
};

/*
 * Whether the n assessments name more than one model: across them, or within one
 * (models_mixed). When they do and allow is false, an error is added to d located where
 * a file names the second model, naming both and --allow-model-change, and -1 is
 * returned. Otherwise 0, with *changed set to whether they differ.
 */
int model_change_check(const struct assessment *const *a, size_t n, bool allow, bool *changed,
                       struct diags *d);

/*
 * The two models the assessments name (as model_change_check found them) and what
 * differs between them, from r's merged items. mc borrows from r and the assessments.
 */
void model_change_compute(struct model_change *mc, const struct rules *r,
                          const struct assessment *const *a, size_t n);
void model_change_release(struct model_change *mc);

/* "added", "retired", "changed". */
const char *model_change_kind_name(enum model_change_kind k);
/*
 * What a changed item's CHANGED_* bits say, as "question, weight" (in that order:
 * question, weight, target, addresses), added to sb.
 */
struct strbuf;
void model_change_what(struct strbuf *sb, unsigned changes);

#endif
