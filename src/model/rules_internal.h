/*
 * rules_internal.h - what rules.c shares with the top of the loader (rules_load.c), the
 * overlay loader (rules_overlay.c) and the model hash (rules_hash.c); calls run from
 * rules_load.c down to the other three, and from them to rules.c. Not for other
 * modules: they see include/rules.h.
 *
 * A loader walks one parsed file; every helper reports located problems into c's
 * diagnostics and keeps going, so one run reports every problem of a file.
 */
#ifndef STAGEGAP_RULES_INTERNAL_H
#define STAGEGAP_RULES_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "rules.h"
#include "schema.h"
#include "yamlread.h"

struct loader {
    struct yctx c;
    struct rules *r;
    const struct ynode **item_nodes; /* per item, for locating link errors; NULL: none */
};

const char *rules_keep(struct loader *l, const char *s);
const char *rules_keep_text(struct loader *l, const struct ynode *map, const char *key,
                            const char *what);
/* Reports every id of ids[0..n) an earlier entry already used; at[i] locates ids[i]. */
void rules_report_duplicate_ids(struct loader *l, const char *const *ids,
                                const struct ynode *const *at, size_t n, const char *what);
/* "WHAT 'id'; did you mean 'y'?" with the closest of names[0..n). */
void rules_report_unknown_ref(struct loader *l, const struct ynode *at, const char *what,
                              const char *id, const char *const *names, size_t n);
void rules_load_source(struct loader *l, const struct ynode *n);
/* Sets only the keys given, so an overlay changes what it names. */
void rules_load_scoring(struct loader *l, const struct ynode *n);
/* Loads bands into a new r->bands (the old list, if any, is left in the pool). */
void rules_load_bands(struct loader *l, const struct ynode *seq);
/* Reads one item of a stage's list into *it; its links are resolved later. */
void rules_load_item(struct loader *l, const struct ynode *n, enum item_kind kind, size_t stage,
                     struct rules_item *it);
void rules_load_weight(struct loader *l, const struct ynode *w, struct rules_item *it);
/* Reports n's 'addresses' when it is not a suggestion. */
void rules_check_addresses_allowed(struct loader *l, const struct ynode *n,
                                   const struct rules_item *it);
/* Builds r->by_id; reports ids used twice (located through l->item_nodes). */
void rules_index_items(struct loader *l);
/* Resolves one address of suggestion it (ref is the id's node) into it->addresses. */
void rules_resolve_link(struct loader *l, struct rules_item *it, const struct ynode *ref);

/* ---- a load, step by step (rules.c); rules_load.c and rules_overlay.c run them ---- */

/* Starts r with its defaults and parses buf (named file) into doc. */
void rules_begin(struct rules *r, struct ydoc *doc, const char *file, const char *buf, size_t len,
                 struct diags *d);
/* Whether doc's root can be a rules file (a mapping); false when not, reported. */
bool rules_document_ok(struct loader *l, const struct ydoc *doc);
/* The 'extends' of an overlay's root, or NULL: a plain model. */
const struct ynode *rules_extends_of(const struct ynode *root);
/* Loads a plain model's root into l->r. */
void rules_load_root(struct loader *l, const struct ynode *root);
/*
 * Ends a load begun with rules_begin (errors_before: the count of errors then):
 * -1 with l->r released when it added errors; otherwise records the file and its hash.
 */
int rules_end(struct loader *l, struct ydoc *doc, const char *buf, size_t len,
              size_t errors_before);
/*
 * Loads an overlay's base, a plain model. When the file is an overlay itself, loads
 * nothing, reports nothing, sets *extends to its 'extends' (malloc'd) and returns -1.
 */
int rules_load_base(struct rules *r, const char *file, const char *buf, size_t len, char **extends,
                    struct diags *d);

/*
 * Loads the overlay at root (parsed from buf, named file) into r: its base, merged with
 * what the overlay adds, changes and retires. Errors are located in the overlay.
 */
void rules_overlay_load(struct loader *l, const struct ynode *root, const char *buf, size_t len);

/* The merged model's hash (rules.h, model_sha256): see docs/tailoring.md. */
void rules_model_hash(const struct rules *r, char hex[65]);

#endif
