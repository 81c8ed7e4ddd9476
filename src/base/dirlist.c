/* d_type's DT_ names are not in POSIX.1-2008: ask glibc for them. */
#define _DEFAULT_SOURCE
#include "dirlist.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "platform.h"
#include "strbuf.h"
#include "xalloc.h"

/*
 * One sorted run in the temporary file: records of a type digit, the name and a NUL,
 * read through buf. name points into buf at the run's next name.
 */
struct dirlist_run {
    long long pos, end; /* what is left of the run in the file */
    char buf[DIRLIST_RUN_BUFFER];
    size_t have, at; /* bytes in buf; where the next record starts */
    const char *name;
    enum dirlist_type type;
};

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

/* Sorts the batch and writes it as a run: 0, 1 when there is no temporary file, or -1. */
static int spill(struct dirlist *l, struct diags *d)
{
    if (l->fd < 0 && (l->fd = platform_scratch_file()) < 0)
        return 1;
    qsort(l->batch, l->n, sizeof(*l->batch), compare_entries);
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < l->n; i++) {
        strbuf_addc(&sb, (char)('0' + l->batch[i].type));
        strbuf_add(&sb, l->batch[i].name, strlen(l->batch[i].name) + 1);
        free(l->batch[i].name);
    }
    l->n = 0;
    int rc = fileio_write_all(l->fd, sb.buf, sb.len);
    if (rc != 0) {
        strbuf_release(&sb);
        return fileio_io_error(d, l->path, "cannot sort the names: temporary file", errno);
    }
    XGROW(l->runs, l->n_runs + 1, l->runs_alloc);
    struct dirlist_run *run = &l->runs[l->n_runs++];
    memset(run, 0, sizeof(*run));
    run->pos = l->written;
    run->end = l->written += (long long)sb.len;
    strbuf_release(&sb);
    return 0;
}

/* Room for one more name: a run written out, or, without a temporary file, more memory. */
static int make_room(struct dirlist *l, struct diags *d)
{
    int rc = spill(l, d);
    if (rc > 0) {
        l->capacity = st_mult(l->capacity, 2);
        l->batch = xrealloc(l->batch, st_mult(l->capacity, sizeof(*l->batch)));
    }
    return rc < 0 ? -1 : 0;
}

static int read_names(struct dirlist *l, DIR *dir, bool (*want)(const char *), struct diags *d)
{
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(dir);
        if (!e)
            break;
        if (!want(e->d_name))
            continue;
        if (l->n == l->capacity && make_room(l, d) != 0)
            return -1;
        l->batch[l->n++] = (struct dirlist_entry){xstrdup(e->d_name), type_of(e)};
    }
    return errno ? fileio_io_error(d, l->path, "cannot read directory", errno) : 0;
}

/* Moves r to its next record: 1, 0 when the run is over, or -1 with errno set. */
static int run_advance(int fd, struct dirlist_run *r)
{
    for (;;) {
        char *start = r->buf + r->at;
        size_t avail = r->have - r->at;
        char *nul = avail > 1 ? memchr(start + 1, '\0', avail - 1) : NULL;
        if (nul) {
            r->type = (enum dirlist_type)(start[0] - '0');
            r->name = start + 1;
            r->at += (size_t)(nul - start) + 1;
            return 1;
        }
        if (r->pos == r->end && avail == 0)
            return 0;
        memmove(r->buf, start, avail);
        r->have = avail;
        r->at = 0;
        size_t room = sizeof(r->buf) - r->have;
        size_t left = (size_t)(r->end - r->pos);
        long long got = platform_pread(fd, r->buf + r->have, room < left ? room : left, r->pos);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            errno = got < 0 ? errno : EIO; /* a short file, or a record longer than buf */
            return -1;
        }
        r->have += (size_t)got;
        r->pos += got;
    }
}

static bool run_before(const struct dirlist_run *x, const struct dirlist_run *y)
{
    return strcmp(x->name, y->name) < 0;
}

/* The heap of runs is a min-heap by each run's next name. */
static void sift_down(struct dirlist_run **h, size_t n, size_t i)
{
    for (;;) {
        size_t least = i, left = 2 * i + 1, right = left + 1;
        if (left < n && run_before(h[left], h[least]))
            least = left;
        if (right < n && run_before(h[right], h[least]))
            least = right;
        if (least == i)
            return;
        struct dirlist_run *t = h[i];
        h[i] = h[least];
        h[least] = t;
        i = least;
    }
}

static int read_error(struct dirlist *l, struct diags *d)
{
    return fileio_io_error(d, l->path, "cannot sort the names: temporary file", errno);
}

/* Writes the last batch as a run too, and lines up every run's first name. */
static int start_merge(struct dirlist *l, struct diags *d)
{
    if (l->n && spill(l, d) != 0)
        return -1;
    free(l->batch);
    l->batch = NULL;
    l->heap = xcalloc(l->n_runs + 1, sizeof(*l->heap));
    l->current.name = xmalloc(DIRLIST_RUN_BUFFER);
    for (size_t i = 0; i < l->n_runs; i++) {
        int got = run_advance(l->fd, &l->runs[i]);
        if (got < 0)
            return read_error(l, d);
        if (got)
            l->heap[l->n_heap++] = &l->runs[i];
    }
    for (size_t i = l->n_heap / 2; i-- > 0;)
        sift_down(l->heap, l->n_heap, i);
    return 0;
}

int dirlist_open(struct dirlist *l, const char *path, bool (*want)(const char *name), size_t batch,
                 struct diags *d)
{
    memset(l, 0, sizeof(*l));
    l->fd = -1;
    l->path = path;
    l->capacity = batch ? batch : 1;
    DIR *dir = opendir(path);
    if (!dir)
        return fileio_io_error(d, path, "cannot open directory", errno);
    l->batch = xcalloc(l->capacity, sizeof(*l->batch));
    int rc = read_names(l, dir, want, d);
    closedir(dir);
    if (rc == 0 && l->fd >= 0)
        rc = start_merge(l, d);
    else if (rc == 0)
        qsort(l->batch, l->n, sizeof(*l->batch), compare_entries);
    return rc;
}

static int next_from_runs(struct dirlist *l, const struct dirlist_entry **entry, struct diags *d)
{
    if (l->n_heap == 0)
        return 0;
    struct dirlist_run *top = l->heap[0];
    strcpy(l->current.name, top->name); /* shorter than the run's buffer it came from */
    l->current.type = top->type;
    int got = run_advance(l->fd, top);
    if (got < 0)
        return read_error(l, d);
    if (got == 0)
        l->heap[0] = l->heap[--l->n_heap];
    sift_down(l->heap, l->n_heap, 0);
    *entry = &l->current;
    return 1;
}

int dirlist_next(struct dirlist *l, const struct dirlist_entry **entry, struct diags *d)
{
    if (l->heap)
        return next_from_runs(l, entry, d);
    if (l->next == l->n)
        return 0;
    *entry = &l->batch[l->next++];
    return 1;
}

void dirlist_close(struct dirlist *l)
{
    for (size_t i = 0; l->batch && i < l->n; i++)
        free(l->batch[i].name);
    free(l->batch);
    free(l->runs);
    free(l->heap);
    free(l->current.name);
    if (l->fd >= 0)
        close(l->fd);
    memset(l, 0, sizeof(*l));
    l->fd = -1;
}
