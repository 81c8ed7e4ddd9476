/* d_type's DT_ names are not in POSIX.1-2008: ask glibc for them. */
#define _DEFAULT_SOURCE
#include "dirlist.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "xalloc.h"

static bool name_before(const struct dirlist_entry *x, const struct dirlist_entry *y)
{
    return strcmp(x->name, y->name) < 0;
}

static void swap_entries(struct dirlist_entry *h, size_t i, size_t j)
{
    struct dirlist_entry t = h[i];
    h[i] = h[j];
    h[j] = t;
}

/* The batch is a max-heap by name while a pass reads: the name to drop first on top. */
static void sift_up(struct dirlist_entry *h, size_t i)
{
    while (i > 0 && name_before(&h[(i - 1) / 2], &h[i])) {
        swap_entries(h, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

static void sift_down(struct dirlist_entry *h, size_t n, size_t i)
{
    for (;;) {
        size_t largest = i, left = 2 * i + 1, right = left + 1;
        if (left < n && name_before(&h[largest], &h[left]))
            largest = left;
        if (right < n && name_before(&h[largest], &h[right]))
            largest = right;
        if (largest == i)
            return;
        swap_entries(h, i, largest);
        i = largest;
    }
}

static enum dirlist_type type_of(const struct dirent *e)
{
#ifdef DT_LNK
    switch (e->d_type) {
    case DT_UNKNOWN:
        return DIRLIST_UNKNOWN;
    case DT_REG:
        return DIRLIST_FILE;
    case DT_LNK:
        return DIRLIST_LINK;
    default:
        return DIRLIST_OTHER;
    }
#else
    (void)e;
    return DIRLIST_UNKNOWN;
#endif
}

static int compare_entries(const void *pa, const void *pb)
{
    return strcmp(((const struct dirlist_entry *)pa)->name,
                  ((const struct dirlist_entry *)pb)->name);
}

static void clear_batch(struct dirlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->batch[i].name);
    l->n = l->next = 0;
}

/* Keeps name if it is among the capacity smallest seen in this pass. */
static void offer(struct dirlist *l, const char *name, enum dirlist_type type)
{
    if (l->n < l->capacity) {
        l->batch[l->n] = (struct dirlist_entry){xstrdup(name), type};
        sift_up(l->batch, l->n++);
        return;
    }
    l->more = true;
    if (strcmp(name, l->batch[0].name) >= 0)
        return;
    free(l->batch[0].name);
    l->batch[0] = (struct dirlist_entry){xstrdup(name), type};
    sift_down(l->batch, l->n, 0);
}

/* One pass over the directory: the smallest wanted names after l->last, sorted. */
static int read_pass(struct dirlist *l, struct diags *d)
{
    DIR *dir = l->dir;
    clear_batch(l);
    l->more = false;
    rewinddir(dir);
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(dir);
        if (!e)
            break;
        if (l->want(e->d_name) && (!l->last || strcmp(e->d_name, l->last) > 0))
            offer(l, e->d_name, type_of(e));
    }
    if (errno != 0)
        return fileio_io_error(d, l->path, "cannot read directory", errno);
    qsort(l->batch, l->n, sizeof(*l->batch), compare_entries);
    return 0;
}

int dirlist_open(struct dirlist *l, const char *path, bool (*want)(const char *name), size_t batch,
                 struct diags *d)
{
    memset(l, 0, sizeof(*l));
    l->path = path;
    l->want = want;
    l->capacity = batch ? batch : 1;
    l->dir = opendir(path);
    if (!l->dir)
        return fileio_io_error(d, path, "cannot open directory", errno);
    l->batch = xcalloc(l->capacity, sizeof(*l->batch));
    return read_pass(l, d);
}

int dirlist_next(struct dirlist *l, const struct dirlist_entry **entry, struct diags *d)
{
    while (l->next == l->n) {
        if (!l->more)
            return 0;
        free(l->last);
        l->last = l->batch[l->n - 1].name; /* the cursor: the next pass starts after it */
        l->batch[--l->n].name = NULL;
        if (read_pass(l, d) != 0)
            return -1;
    }
    *entry = &l->batch[l->next++];
    return 1;
}

void dirlist_close(struct dirlist *l)
{
    if (l->batch)
        clear_batch(l);
    free(l->batch);
    free(l->last);
    if (l->dir)
        closedir(l->dir);
    memset(l, 0, sizeof(*l));
}
