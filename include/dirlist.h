/*
 * dirlist.h - a directory's entries in name order, in memory that does not grow with
 * the size of the directory.
 *
 * readdir returns entries in whatever order the file system keeps them. To hand them out
 * sorted by name (strcmp order) without holding every name, dirlist reads the directory
 * in passes: each pass keeps only the DIRLIST_BATCH smallest names after the last one
 * handed out, in a bounded max-heap, then hands those out in order. A directory of N
 * wanted entries costs ceil(N / DIRLIST_BATCH) passes over readdir and never more than
 * DIRLIST_BATCH names in memory.
 *
 * An entry added or removed while the directory is being listed may or may not be seen,
 * as with readdir itself; no name is handed out twice.
 */
#ifndef STAGEGAP_DIRLIST_H
#define STAGEGAP_DIRLIST_H

#include <stdbool.h>
#include <stddef.h>

struct diags;

enum { DIRLIST_BATCH = 4096 };

/* What readdir said an entry is, when the file system says (else unknown: lstat it). */
enum dirlist_type { DIRLIST_UNKNOWN, DIRLIST_FILE, DIRLIST_LINK, DIRLIST_OTHER };

struct dirlist_entry {
    char *name;
    enum dirlist_type type;
};

struct dirlist {
    const char *path;
    bool (*want)(const char *name);
    void *dir;                   /* DIR *, kept open across passes */
    struct dirlist_entry *batch; /* a max-heap while a pass reads, then sorted */
    size_t n, next, capacity;    /* entries in the batch; the next to hand out; room */
    char *last;                  /* the last name of the previous batch, or NULL */
    bool more;                   /* the last pass found more wanted names than fitted */
};

/*
 * Opens path to list the names for which want returns true, at most batch names in
 * memory at a time (DIRLIST_BATCH; tests use less). 0, or -1 with diagnostics.
 */
int dirlist_open(struct dirlist *l, const char *path, bool (*want)(const char *name), size_t batch,
                 struct diags *d);
/*
 * Sets *entry to the next entry in name order; it lasts until the next call.
 * 1, 0 at the end, or -1 with diagnostics when the directory cannot be read.
 */
int dirlist_next(struct dirlist *l, const struct dirlist_entry **entry, struct diags *d);
void dirlist_close(struct dirlist *l);

#endif
