/*
 * fileio.h - bounded reads and all-or-nothing writes.
 *
 * fileio_read refuses a file larger than its cap without reading it whole, so a 200 MB
 * file costs nothing. fileio_write_atomic writes a temporary file beside the target,
 * syncs it and renames it into place: readers see the whole file or the old one, and a
 * failed write leaves nothing behind.
 */
#ifndef STAGEGAP_FILEIO_H
#define STAGEGAP_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

struct diags;

/* What tells one file from another: two names with the same id are the same file. */
struct fileio_id {
    unsigned long long dev, ino;
    unsigned long long links; /* hard links: more than 1 means other names exist */
    bool directory;
};

/* "-" reads standard input. On success *out is malloc'd and NUL-terminated. */
int fileio_read(const char *path, size_t cap, char **out, size_t *len, struct diags *d);
/*
 * fileio_read for a file found in a directory, also setting *id from the file read: a
 * pipe, socket or device is refused without waiting on it.
 */
int fileio_read_regular(const char *path, size_t cap, char **out, size_t *len, struct fileio_id *id,
                        struct diags *d);
/*
 * A file a person edits (a plan, accepted gaps, a share): "-" reads standard input;
 * any other path must be a regular file, and a pipe or device named as one is refused
 * unread.
 */
int fileio_read_edited(const char *path, size_t cap, char **out, size_t *len, struct diags *d);
/* The id of the file path names, following symbolic links; false when it cannot be had. */
bool fileio_id_of(const char *path, struct fileio_id *id);
int fileio_write_atomic(const char *path, const char *data, size_t len, struct diags *d);
/* The absolute path path names, with no links, "." or ".."; malloc'd, or NULL. */
char *fileio_real_path(const char *path);
/* dir/name, with no second '/' when dir ends in one; malloc'd. */
char *fileio_path_join(const char *dir, const char *name);
/* The directory part of path ("." when none, "/" for the root), malloc'd. */
char *fileio_dir_of(const char *path);
/* Writes all len bytes to fd, retrying short writes and EINTR; 0, or -1 with errno. */
int fileio_write_all(int fd, const char *data, size_t len);
/* Adds "WHAT: strerror(err)" as an I/O diagnostic for path; returns -1. */
int fileio_io_error(struct diags *d, const char *path, const char *what, int err);
/* True when a and b name the same existing file (same device and inode). */
bool fileio_same_file(const char *a, const char *b);

#endif
