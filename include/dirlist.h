/*
 * dirlist.h - a directory's entries in name order, in memory that does not grow with
 * the size of the directory.
 *
 * readdir returns entries in whatever order the file system keeps them. To hand them out
 * sorted by name (strcmp order) without holding every name, dirlist reads the directory
 * once, like sort(1): up to DIRLIST_BATCH names are sorted in memory; a directory with
 * more has each full batch sorted and written as a run to an unlinked temporary file
 * (in $TMPDIR, else /tmp), and the runs are merged as the names are handed out, each run
 * read through a small buffer. Memory: DIRLIST_BATCH names, then DIRLIST_RUN_BUFFER
 * bytes per run (N / DIRLIST_BATCH runs for N names). Time: O(N log N), one readdir pass.
 *
 * When no temporary file can be made, the names are sorted in memory instead. The
 * listing is of the directory as readdir saw it in that one pass.
 */
#ifndef STAGEGAP_DIRLIST_H
#define STAGEGAP_DIRLIST_H

#include <stdbool.h>
#include <stddef.h>

struct diags;

enum { DIRLIST_BATCH = 4096, DIRLIST_RUN_BUFFER = 2048 };

/* What readdir said an entry is, when the file system says (else unknown: lstat it). */
enum dirlist_type { DIRLIST_UNKNOWN, DIRLIST_FILE, DIRLIST_LINK, DIRLIST_OTHER };

struct dirlist_entry {
    char *name;
    enum dirlist_type type;
};

struct dirlist_run;

struct dirlist {
    const char *path;
    struct dirlist_entry *batch; /* sorted names when no run was written, else NULL */
    size_t n, next, capacity;    /* names in the batch; the next to hand out; room */
    int fd;                      /* the temporary file of runs, or -1 */
    long long written;           /* its size */
    struct dirlist_run *runs;    /* every run written */
    size_t n_runs, runs_alloc;
    struct dirlist_run **heap; /* the runs not yet finished: a min-heap by next name */
    size_t n_heap;
    struct dirlist_entry current; /* the last entry handed out from the runs */
};

/*
 * Reads path's entries for which want returns true, at most batch names in memory at a
 * time (DIRLIST_BATCH; tests use less). 0, or -1 with diagnostics.
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
