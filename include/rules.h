/*
 * rules.h - a staged implementation model, loaded from a stagegap-rules/1 file.
 *
 * struct rules owns everything it points to, in one pool: rules_release frees it all.
 * Items are kept in file order, stage by stage, so every report follows the rules
 * file's order. Cross references (an item's level, a suggestion's addresses) are
 * resolved to indices at load time.
 */
#ifndef STAGEGAP_RULES_H
#define STAGEGAP_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pool.h"

struct diags;
struct strbuf;

#define RULES_FORMAT "stagegap-rules/1"

enum { RULES_FILE_MAX = 1024 * 1024, RULES_ITEMS_MAX = 2000 };

enum item_kind { ITEM_CHALLENGE, ITEM_FACILITATOR, ITEM_BARRIER, ITEM_SUGGESTION, ITEM_KINDS };

/* "challenge", "facilitator", "barrier", "suggestion". */
const char *item_kind_name(enum item_kind kind);
/* The rules file's list key for a kind: "challenges", ... */
const char *item_kind_list(enum item_kind kind);

struct rules_item;
/* What every report calls an item: the model's label ("from lesson 2") or its kind's name. */
const char *rules_item_label(const struct rules_item *it);

/*
 * A target a service sets itself for an item: an answer on the scale (for a barrier, a
 * ceiling: at or below it is met) to reach by a date. A second view beside the score,
 * never part of it: scores and impacts do not read it.
 */
struct rules_target {
    bool set;
    int64_t score_scaled;  /* on the scale, times EXACT_SCALE */
    double score;          /* score_scaled / EXACT_SCALE, for display */
    const char *by;        /* YYYY-MM-DD, a real date */
    unsigned line, column; /* where the target was written (rules file or overlay) */
};

/* Where a merged model's item comes from (rules_overlay.c); ORIGIN_BASE in a plain model. */
enum rules_origin {
    ORIGIN_BASE,    /* the base model's, unchanged */
    ORIGIN_CHANGED, /* the base model's, changed by the overlay (see changes) */
    ORIGIN_ADDED,   /* added by the overlay */
};

/* What an overlay changed in a base item: bits of rules_item.changes. */
enum {
    CHANGED_QUESTION = 1u << 0, /* question, low or high */
    CHANGED_WEIGHT = 1u << 1,
    CHANGED_TARGET = 1u << 2,
    CHANGED_ADDRESSES = 1u << 3,
};

struct rules_item {
    const char *id, *text;
    const char *question;   /* NULL: shown for context, never answered or scored */
    const char *low, *high; /* what the two ends of the scale mean here */
    const char *source;
    /* What reports call the item in place of its kind's name, when the model says
       ("from lesson 2"); NULL: the kind's name (rules_item_label). */
    const char *label;
    /* A caution from the source, shown wherever the item is ("The briefing says little
       is known about this"); NULL for none. */
    const char *hedge;
    enum item_kind kind;
    size_t stage, level;   /* indices */
    double weight;         /* weight_scaled / EXACT_SCALE, for display */
    int64_t weight_scaled; /* the weight times EXACT_SCALE: the engine uses this */
    size_t *addresses;     /* suggestions: indices of the items they help close */
    size_t n_addresses;
    unsigned line; /* where the item starts in the rules file */
    struct rules_target target;
    /* Retired by an overlay: why, in its words. A retired item keeps its place and is
       shown as retired, but has no question: it is never asked, answered or scored. */
    const char *retired;
    enum rules_origin origin;
    unsigned changes; /* CHANGED_* bits, for ORIGIN_CHANGED */
};

struct rules_level {
    const char *id, *title, *description;
};

struct rules_band {
    const char *id, *title, *description;
    double min;         /* lowest stage score in this band; bands run highest first */
    int64_t min_scaled; /* min times EXACT_SCALE, exactly */
};

struct rules_stage {
    const char *id, *title, *description;
    size_t first_item, n_items; /* a run of rules.items */
    const char **notes;
    size_t n_notes;
};

struct rules_source {
    const char *title, *publisher, *url, *note, *judgement;
    long year; /* 0 when not given */
};

/* Which file a model came from, as reports name it. */
struct rules_provenance {
    const char *id, *version, *file;
    char sha256[65]; /* of the file's bytes */
};

/* What an overlay changed in the model as a whole: bits of rules.overlay_changes. */
enum {
    OVERLAY_CHANGED_SCORING = 1u << 0, /* scoring: (acted-on, min-coverage) */
    OVERLAY_CHANGED_BANDS = 1u << 1,
};

struct rules {
    const char *file; /* name it was loaded from */
    const char *id, *version, *title, *description;
    struct rules_source source;
    long scale_min, scale_max;
    const char *scale_low, *scale_high;
    double min_coverage; /* below this a stage is insufficient-data */
    double acted_on;     /* a suggestion at or above this fraction is acted on */
    int64_t min_coverage_scaled, acted_on_scaled; /* the two, times EXACT_SCALE */
    struct rules_level *levels;
    size_t n_levels;
    struct rules_band *bands;
    size_t n_bands;
    struct rules_stage *stages;
    size_t n_stages;
    struct rules_item *items;
    size_t n_items;
    size_t *by_id; /* indices of items with an id, sorted by id */
    size_t n_by_id;
    char sha256[65]; /* of the file's bytes (for an overlay, the overlay's) */
    /* The model an overlay extends (extends:), or NULL for a plain model. */
    const struct rules_provenance *base;
    /* Of the model as scored: the merged model's canonical form (rules_overlay.c), so
       that two reports are compared like for like whatever file layout they came from. */
    char model_sha256[65];
    unsigned overlay_changes; /* OVERLAY_CHANGED_* bits; 0 for a plain model */
    struct pool pool;
};

void rules_init(struct rules *r);
void rules_release(struct rules *r);

/* Loads from a buffer named file in diagnostics. 0, or -1 with r left empty. */
int rules_load_buffer(struct rules *r, const char *file, const char *buf, size_t len,
                      struct diags *d);
int rules_load_file(struct rules *r, const char *path, struct diags *d);
/* The Signs of Safety model compiled into the binary as data (rules_builtin.h); the
   same model rules_load_file gives for data/signs-of-safety.yaml. */
int rules_load_default(struct rules *r, struct diags *d);

struct yctx;
struct ynode;
/*
 * Reads an item's target ({score: on the scale, by: YYYY-MM-DD}) into t; errors go to
 * c's diagnostics and leave t unset. The scale must be loaded. Shared by overlays.
 */
void rules_load_target(const struct yctx *c, struct rules *r, const struct ynode *n,
                       struct rules_target *t);

/* Index of the item with this id, or -1. */
long rules_find_item(const struct rules *r, const char *id);
/* Index of the stage or level with this id, or -1. */
long rules_find_stage(const struct rules *r, const char *id);
/* "question, weight, target, addresses": what changes (CHANGED_* bits) names, for reports. */
void rules_describe_changes(unsigned changes, struct strbuf *out);

/*
 * Why an item takes no answer, after "item 'X' ": "is context only and takes no answer",
 * or "is retired by the model 'M' ('REASON') and takes no answer".
 */
void rules_describe_unanswerable(const struct rules *r, const struct rules_item *it,
                                 struct strbuf *out);

/* Number of items that have a question, i.e. can be answered. */
size_t rules_answerable(const struct rules *r);

#endif
