/*
 * yamlread.h - the only module that talks to libyaml.
 *
 * It turns a bounded buffer into a small tree of nodes with positions, using libyaml's
 * event parser, and refuses what a stagegap file never needs and a hostile one might
 * use: anchors and aliases, tags, a second document, nesting past a limit, duplicate
 * keys, non-text keys, overlong text, too many nodes. All nodes and strings live in the
 * document's pool; one ydoc_release frees them.
 */
#ifndef STAGEGAP_YAMLREAD_H
#define STAGEGAP_YAMLREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "pool.h"

struct diags;

enum ynode_type { YNODE_SCALAR, YNODE_MAP, YNODE_SEQ, YNODE_INVALID };

struct ynode {
    enum ynode_type type;  /* YNODE_INVALID stands in for a refused alias */
    unsigned line, column; /* 1-based */
    /* Just after the node: after a scalar's text, a flow collection's closing bracket;
       a block collection ends where the next thing after it starts. */
    unsigned end_line, end_column;
    bool plain;      /* scalar written without quotes, so it may be a number */
    bool flow;       /* a collection written in brackets: [...] or {...} */
    const char *str; /* scalar text, NUL-terminated */
    size_t len;
    struct ynode **kids; /* map: key, value, key, value...; seq: items */
    size_t n;            /* number of kids (twice the pairs for a map) */
};

struct ylimits {
    size_t max_depth;  /* collections inside collections */
    size_t max_scalar; /* bytes in one scalar */
    size_t max_nodes;
};

/* Limits for every stagegap file: see docs/limits.md. */
extern const struct ylimits ylimits_default;

struct ydoc {
    const char *file;   /* name used in diagnostics; not owned */
    struct ynode *root; /* NULL for an empty document */
    bool broken;        /* a problem left no tree worth checking further */
    struct pool pool;
};

void ydoc_init(struct ydoc *doc);
void ydoc_release(struct ydoc *doc);

/*
 * Parses buf (len bytes) into doc. Returns 0, or -1 with diagnostics located in file.
 * Problems that leave the tree usable (an alias, a duplicate key) are all reported and
 * the tree is still built and the caller may check the rest and report more; where
 * none is left, doc->broken is set.
 */
int yaml_read(struct ydoc *doc, const char *file, const char *buf, size_t len,
              const struct ylimits *limits, struct diags *d);
/*
 * The byte offset in buf (UTF-8) of a 1-based line and column as yaml_read gives them
 * (columns in code points, a byte-order mark taking none); len when past the end.
 */
size_t yaml_offset_of(const char *buf, size_t len, unsigned line, unsigned column);

#endif
