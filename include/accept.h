/*
 * accept.h - accepted gaps, loaded from a stagegap-accept/1 file: the gaps a service has
 * knowingly accepted for now, each with why, who accepted it and until when.
 *
 * An accepted gap still counts in its stage's score (the service is not ready there),
 * but leaves the action ranking and compare's gaps opened until it expires (score.h).
 * This module only reads the file against the rules it names, with located
 * diagnostics; struct accept owns everything it points to, in one pool: accept_release
 * frees it all. The format is in docs/accepting-gaps.md.
 */
#ifndef STAGEGAP_ACCEPT_H
#define STAGEGAP_ACCEPT_H

#include <stdbool.h>
#include <stddef.h>

#include "pool.h"

struct diags;
struct rules;

#define ACCEPT_FORMAT "stagegap-accept/1"

enum {
    ACCEPT_FILE_MAX = 1024 * 1024,
    ACCEPT_ENTRIES_MAX = 2000, /* as many as the rules may have items */
};

struct accept_entry {
    size_t item;             /* rules item index: an answerable item */
    const char *reason, *by; /* why, and who accepted it: as written */
    const char *expires;     /* YYYY-MM-DD, a real date */
    unsigned line, column;   /* where the entry starts in the file */
};

struct accept {
    const char *file;             /* name it was loaded from */
    const char *rules_id;         /* the model it names: the loaded model's id or its base's */
    const char *organisation;     /* NULL when not given */
    struct accept_entry *entries; /* in file order */
    size_t n_entries;
    struct pool pool;
};

void accept_init(struct accept *a);
void accept_release(struct accept *a);
/*
 * Loads accepted gaps for rules r from a buffer named file: every entry names an item
 * of r that has a question (an unknown id gets a "did you mean"), once, with a reason,
 * who accepted it and a real expiry date. 0, or -1 with a left empty.
 */
int accept_load_buffer(struct accept *a, const struct rules *r, const char *file, const char *buf,
                       size_t len, struct diags *d);
/* "-" reads standard input; anything but a regular file is refused without waiting on
   it, as is a file over ACCEPT_FILE_MAX. */
int accept_load_file(struct accept *a, const struct rules *r, const char *path, struct diags *d);

/* The entry that accepts item, or NULL. */
const struct accept_entry *accept_find(const struct accept *a, size_t item);
/* True when the acceptance has expired on date (YYYY-MM-DD): expires < date. On the
   expiry day itself it still holds. A NULL date expires nothing. */
bool accept_expired(const struct accept_entry *e, const char *date);

#endif
