/*
 * rules_builtin.h - the Signs of Safety model, compiled into the binary as data.
 *
 * At build time tools/model_to_c.c loads data/signs-of-safety.yaml with the loader of
 * rules.c and writes what it filled in as C initialisers of struct rules
 * (builtin_model.c in the build directory), so that no command parses YAML to get the
 * built-in model. rules_load_default (rules.h) copies it; unit_rules checks that it is
 * the model the loader reads from data/signs-of-safety.yaml, field by field.
 */
#ifndef STAGEGAP_RULES_BUILTIN_H
#define STAGEGAP_RULES_BUILTIN_H

#include "rules.h"

/* The built-in model's file name, as reports name it. */
#define EMBEDDED_RULES_NAME "signs-of-safety.yaml (built in)"

/* Written by tools/model_to_c.c; its arrays are never written: loads copy them. */
extern const struct rules rules_builtin_signs_of_safety;

/*
 * Makes r a model of its own equal to compiled: the arrays (items, stages, levels,
 * bands, the id index, addresses, notes) are copied into r's pool, so that an overlay
 * may change its base's items; the strings stay in the binary's read-only data.
 */
void rules_load_compiled(struct rules *r, const struct rules *compiled);

#endif
