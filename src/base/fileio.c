#include "fileio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "platform.h"
#include "strbuf.h"
#include "xalloc.h"

int fileio_io_error(struct diags *d, const char *path, const char *what, int err)
{
    diag_add(d, DIAG_IO_ERROR, path, 0, 0, "%s: %s", what, strerror(err));
    return -1;
}

static int read_fd(int fd, const char *path, size_t cap, struct strbuf *sb, struct diags *d)
{
    char chunk[65536];
    for (;;) {
        long long got = platform_read(fd, chunk, sizeof(chunk));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return fileio_io_error(d, path, "cannot read", errno);
        }
        if (got == 0)
            return 0;
        if (sb->len + (size_t)got > cap) {
            diag_error(d, path, 0, 0, "file is larger than the limit of %zu bytes", cap);
            return -1;
        }
        strbuf_add(sb, chunk, (size_t)got);
    }
}

static void set_id(struct fileio_id *id, const struct platform_file_info *info)
{
    id->dev = info->dev;
    id->ino = info->ino;
    id->links = info->links;
    id->directory = info->directory;
}

/*
 * Reads path, or standard input for "-". With regular_only, anything but a regular file
 * is refused, and opening does not wait (a FIFO would wait for a writer).
 */
static int read_path(const char *path, size_t cap, char **out, size_t *len, struct fileio_id *id,
                     bool regular_only, struct diags *d)
{
    memset(id, 0, sizeof(*id));
    *out = NULL;
    *len = 0;
    bool is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : platform_open_read(path, regular_only);
    if (fd < 0)
        return fileio_io_error(d, path, "cannot open", errno);
    struct platform_file_info st;
    int rc = -1;
    struct strbuf sb = STRBUF_INIT;
    if (platform_fd_info(fd, &st) != 0) {
        fileio_io_error(d, path, "cannot read", errno);
        goto out;
    }
    if (!is_stdin)
        set_id(id, &st);
    if (st.directory) {
        diag_add(d, DIAG_IO_ERROR, path, 0, 0, "is a directory, not a file");
        goto out;
    }
    if (regular_only && !st.regular) {
        diag_add(d, DIAG_IO_ERROR, path, 0, 0,
                 "is not a regular file (a pipe, socket or device); not read");
        goto out;
    }
    if (st.regular && st.size > cap) {
        diag_error(d, path, 0, 0, "file is larger than the limit of %zu bytes", cap);
        goto out;
    }
    if (st.regular && st.size > 0)
        strbuf_grow(&sb, (size_t)st.size + 1); /* one allocation, no regrowth */
    if (read_fd(fd, path, cap, &sb, d) != 0)
        goto out;
    *out = strbuf_detach(&sb, len);
    rc = 0;
out:
    strbuf_release(&sb);
    if (!is_stdin)
        close(fd);
    return rc;
}

int fileio_read(const char *path, size_t cap, char **out, size_t *len, struct diags *d)
{
    struct fileio_id unused;
    return read_path(path, cap, out, len, &unused, false, d);
}

int fileio_read_regular(const char *path, size_t cap, char **out, size_t *len, struct fileio_id *id,
                        struct diags *d)
{
    return read_path(path, cap, out, len, id, true, d);
}

int fileio_read_edited(const char *path, size_t cap, char **out, size_t *len, struct diags *d)
{
    struct fileio_id unused;
    return read_path(path, cap, out, len, &unused, strcmp(path, "-") != 0, d);
}

int fileio_write_all(int fd, const char *data, size_t len)
{
    while (len) {
        long long n = platform_write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

char *fileio_real_path(const char *path)
{
    return platform_real_path(path);
}

char *fileio_path_join(const char *dir, const char *name)
{
    struct strbuf sb = STRBUF_INIT;
    size_t len = strlen(dir), name_len = strlen(name);
    strbuf_grow(&sb, len + 1 + name_len);
    strbuf_add(&sb, dir, len);
    if (!len || dir[len - 1] != '/')
        strbuf_addc(&sb, '/');
    strbuf_add(&sb, name, name_len);
    return strbuf_detach(&sb, NULL);
}

char *fileio_dir_of(const char *path)
{
    const char *slash = platform_last_separator(path);
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

/*
 * A file is written whole by renaming a finished copy over it, which would put a
 * regular file in the place of a device or a pipe (as root, over /dev/null itself):
 * those are refused instead.
 */
static bool refuse_special(const char *path, struct diags *d)
{
    struct platform_file_info st;
    if (platform_path_info(path, &st) != 0 || st.regular || st.directory)
        return false;
    diag_add(d, DIAG_IO_ERROR, path, 0, 0,
             "cannot write: not a regular file (a device or a pipe); a report goes to a "
             "file, written whole, or to standard output without --output");
    return true;
}

int fileio_write_atomic(const char *path, const char *data, size_t len, struct diags *d)
{
    if (refuse_special(path, d))
        return -1;
    char *dir = fileio_dir_of(path);
    struct strbuf tmp = STRBUF_INIT;
    strbuf_addf(&tmp, "%s/.stagegap-XXXXXX", dir);
    char *tmp_path = strbuf_detach(&tmp, NULL);
    int rc = -1;
    int fd = platform_temp_file(tmp_path);
    if (fd < 0) {
        fileio_io_error(d, path, "cannot write", errno);
        goto out;
    }
    if (fileio_write_all(fd, data, len) != 0 || platform_sync(fd) != 0) {
        int err = errno;
        close(fd);
        remove(tmp_path);
        fileio_io_error(d, path, "cannot write", err);
        goto out;
    }
    /* The temporary file is its owner's only; a report is an ordinary file. */
    if (platform_make_public(fd) != 0 || close(fd) != 0) {
        int err = errno;
        remove(tmp_path);
        fileio_io_error(d, path, "cannot write", err);
        goto out;
    }
    if (platform_replace(tmp_path, path) != 0) {
        int err = errno;
        remove(tmp_path);
        fileio_io_error(d, path, "cannot write", err);
        goto out;
    }
    platform_sync_dir(dir);
    rc = 0;
out:
    free(tmp_path);
    free(dir);
    return rc;
}

bool fileio_id_of(const char *path, struct fileio_id *id)
{
    struct platform_file_info st;
    if (strcmp(path, "-") == 0 || platform_path_info(path, &st) != 0)
        return false;
    set_id(id, &st);
    return true;
}

bool fileio_same_file(const char *a, const char *b)
{
    struct fileio_id ia, ib;
    return fileio_id_of(a, &ia) && fileio_id_of(b, &ib) && ia.dev == ib.dev && ia.ino == ib.ino;
}
