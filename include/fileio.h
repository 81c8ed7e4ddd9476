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

/* "-" reads standard input. On success *out is malloc'd and NUL-terminated. */
int fileio_read(const char *path, size_t cap, char **out, size_t *len, struct diags *d);
int fileio_write_atomic(const char *path, const char *data, size_t len, struct diags *d);
/* The directory part of path ("." when none, "/" for the root), malloc'd. */
char *fileio_dir_of(const char *path);
/* Writes all len bytes to fd, retrying short writes and EINTR; 0, or -1 with errno. */
int fileio_write_all(int fd, const char *data, size_t len);
/* Adds "WHAT: strerror(err)" as an I/O diagnostic for path; returns -1. */
int fileio_io_error(struct diags *d, const char *path, const char *what, int err);
/* True when a and b name the same existing file (same device and inode). */
bool fileio_same_file(const char *a, const char *b);

#endif
