/*
 * schema.h - checked access to a parsed YAML tree.
 *
 * Loaders walk a ydoc through these helpers; each one that finds the wrong shape adds a
 * located diagnostic and returns -1 (or NULL), so a loader can keep going and report
 * every problem of a file in one run.
 */
#ifndef STAGEGAP_SCHEMA_H
#define STAGEGAP_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "yamlread.h"

struct diags;
struct strbuf;

struct yctx {
    const char *file;
    struct diags *d;
};

/* "text", "a list", "a mapping" or "nothing": for messages. */
const char *ynode_describe(const struct ynode *n);
/* True for a plain empty scalar, "~" or "null": YAML's ways of writing nothing. */
bool ynode_is_null(const struct ynode *n);
/* True when n is a scalar whose text is s. */
bool ynode_is(const struct ynode *n, const char *s);

void yerror(const struct yctx *c, const struct ynode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Checks n is a mapping (or list); otherwise reports "WHAT must be a mapping, not ...". */
bool yexpect_map(const struct yctx *c, const struct ynode *n, const char *what);
bool yexpect_seq(const struct yctx *c, const struct ynode *n, const char *what);

/*
 * Reads buf (named c->file) as one YAML document under the default limits and hands its
 * root to read_root when it is a mapping. An empty file is reported as "empty file;
 * WHAT starts with 'format: FORMAT'", a root of another kind as "WHAT must be a
 * mapping, not ...". The document is released before returning.
 */
void yread_root_map(const struct yctx *c, const char *buf, size_t len, const char *what,
                    const char *format, void (*read_root)(void *arg, const struct ynode *root),
                    void *arg);

const struct ynode *ymap_get(const struct ynode *map, const char *key);
/*
 * Reports every key of map not in allowed (NULL-terminated), suggesting the closest
 * allowed key, and every required key (names starting with '!') that is missing.
 * Returns the number of problems.
 */
size_t ymap_check_keys(const struct yctx *c, const struct ynode *map, const char *what,
                       const char *const *keys);

/* Text of a scalar: never empty or null. Returns NULL after reporting. */
const char *ytext(const struct yctx *c, const struct ynode *n, const char *what);
/* ytext of map[key], or NULL without a report when the key is absent. */
const char *ymap_text(const struct yctx *c, const struct ynode *map, const char *key,
                      const char *what);
/* True, with the value, when n is a number written without quotes; never reports. */
bool yplain_number(const struct ynode *n, double *out);
/* True when n is a number written in quotes, such as "5": for a hint in a message. */
bool yquoted_number(const struct ynode *n);
/* A plain number within [min, max]. Returns 0, or -1 after reporting. */
int ynumber(const struct yctx *c, const struct ynode *n, double min, double max, const char *what,
            double *out);
/* "WHAT has more than 3 decimal places (SHOWN); ...": one wording for every command. */
void ymsg_too_precise(struct strbuf *msg, const char *what, const char *shown);
/*
 * A plain number within [min, max] with at most EXACT_PLACES decimal places, held
 * exactly: *out is the value times EXACT_SCALE, and so are min and max. Returns 0, or
 * -1 after reporting.
 */
int ydecimal(const struct yctx *c, const struct ynode *n, int64_t min, int64_t max,
             const char *what, int64_t *out);
/*
 * True, with *out, when ydecimal would accept n; false when it would report (never
 * reports). For a hot path whose message costs more to build than the check.
 */
bool ydecimal_ok(const struct ynode *n, int64_t min, int64_t max, int64_t *out);
int yinteger(const struct yctx *c, const struct ynode *n, long min, long max, const char *what,
             long *out);
/* True when s is a valid identifier: [a-z0-9] then [a-z0-9._-], at most 128 bytes. */
bool yid_valid(const char *s);
/* ytext that also checks the identifier form. */
const char *yid(const struct yctx *c, const struct ynode *n, const char *what);

/*
 * The value of a file's top-level "format" key (malloc'd), or NULL when the buffer is
 * not a YAML mapping with one. Lets "validate" tell rules from answers before loading.
 */
char *yaml_format_of(const char *buf, size_t len);

#endif
