/*
 * import_write.c - the answers files of an import put into a directory, all or nothing
 * (import_write), and the line that says what was done (import_summary).
 */
#include "import.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fileio.h"
#include "platform.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* Syncs every file of res in tmp, one by one: where the file system cannot be at once. */
static int sync_each(const struct import_result *res, const char *tmp, const char *dir,
                     struct diags *d)
{
    for (size_t i = 0; i < res->n; i++) {
        char *path = fileio_path_join(tmp, res->files[i].name);
        int fd = open(path, O_WRONLY); /* Windows flushes only a handle open for writing */
        int rc = fd < 0 || platform_sync(fd) != 0 ? -1 : 0, err = errno;
        if (fd >= 0)
            close(fd);
        free(path);
        if (rc != 0) {
            char *shown = fileio_path_join(dir, res->files[i].name);
            fileio_io_error(d, shown, "cannot write", err);
            free(shown);
            return -1;
        }
    }
    return 0;
}

/*
 * Writes every file into tmp, then syncs them all: one call for the file system where
 * there is one (a sync per file made an import of 100,000 respondents take minutes,
 * docs/performance.md), else each file. Nothing is renamed into place before that, so
 * the files are whole on the disk before they can be seen. *made counts the files
 * created, even one left half written, for the caller to remove. Errors name the file
 * as it would be in dir.
 */
static int write_files(const struct import_result *res, const char *tmp, const char *dir,
                       size_t *made, struct diags *d)
{
    for (size_t i = 0; i < res->n; i++) {
        char *path = fileio_path_join(tmp, res->files[i].name);
        int fd = platform_create_new(path);
        free(path);
        int rc = 0, err = 0;
        if (fd < 0) {
            err = errno;
            rc = -1;
        } else {
            (*made)++;
            if (fileio_write_all(fd, res->files[i].text, res->files[i].len) != 0)
                err = errno, rc = -1;
            if (close(fd) != 0 && rc == 0)
                err = errno, rc = -1;
        }
        if (rc != 0) {
            char *shown = fileio_path_join(dir, res->files[i].name);
            fileio_io_error(d, shown, "cannot write", err);
            free(shown);
            return -1;
        }
    }
    if (platform_sync_filesystem(tmp) != 0 && sync_each(res, tmp, dir, d) != 0)
        return -1;
    platform_sync_dir(tmp);
    return 0;
}

/* Removes the first n files of res from dir, and dir itself when rmdir_too. */
static void remove_files(const struct import_result *res, size_t n, const char *dir, bool rmdir_too)
{
    for (size_t i = 0; i < n; i++) {
        char *path = fileio_path_join(dir, res->files[i].name);
        remove(path);
        free(path);
    }
    if (rmdir_too)
        platform_remove_dir(dir);
}

/* dir does not exist: build it under a temporary name beside it and rename it there. */
static int write_new_dir(const struct import_result *res, const char *dir, struct diags *d)
{
    char *parent = fileio_dir_of(dir);
    char *tmp = fileio_path_join(parent, ".stagegap-import-XXXXXX");
    size_t made = 0;
    int rc = -1;
    if (!platform_temp_dir(tmp)) {
        fileio_io_error(d, dir, "cannot create directory", errno);
        goto out;
    }
    if (write_files(res, tmp, dir, &made, d) != 0)
        goto fail;
    /* The temporary directory is its owner's only; the answers directory is an ordinary one. */
    if (platform_make_dir_public(tmp) != 0 || platform_rename_new(tmp, dir) != 0) {
        fileio_io_error(d, dir, "cannot create directory", errno);
        goto fail;
    }
    platform_sync_dir(parent);
    rc = 0;
    goto out;
fail:
    remove_files(res, made, tmp, true);
out:
    free(tmp);
    free(parent);
    return rc;
}

/*
 * dir is an empty directory, perhaps with permissions or an owner someone chose: keep it,
 * build the files in a temporary directory inside it (same file system, so renames
 * work) and move them up one by one, taking them back out if one move fails.
 */
static int write_into_empty_dir(const struct import_result *res, const char *dir, struct diags *d)
{
    char *tmp = fileio_path_join(dir, ".stagegap-import-XXXXXX");
    size_t made = 0, moved = 0;
    int rc = -1;
    if (!platform_temp_dir(tmp)) {
        fileio_io_error(d, dir, "cannot write", errno);
        goto out;
    }
    if (write_files(res, tmp, dir, &made, d) != 0) {
        remove_files(res, made, tmp, true);
        goto out;
    }
    for (; moved < res->n; moved++) {
        char *from = fileio_path_join(tmp, res->files[moved].name);
        char *to = fileio_path_join(dir, res->files[moved].name);
        int r = platform_rename_new(from, to), err = errno;
        free(from);
        if (r != 0) {
            fileio_io_error(d, to, "cannot write", err);
            free(to);
            remove_files(res, moved, dir, false);
            for (size_t i = moved; i < res->n; i++) {
                char *left = fileio_path_join(tmp, res->files[i].name);
                remove(left);
                free(left);
            }
            platform_remove_dir(tmp);
            goto out;
        }
        free(to);
    }
    platform_remove_dir(tmp);
    platform_sync_dir(dir);
    rc = 0;
out:
    free(tmp);
    return rc;
}

static bool dir_is_empty(const char *dir, int *err)
{
    DIR *dp = opendir(dir);
    *err = 0;
    if (!dp) {
        *err = errno;
        return false;
    }
    struct dirent *e;
    bool empty = true;
    while (empty && (e = readdir(dp)) != NULL)
        empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    closedir(dp);
    return empty;
}

int import_write(const struct import_result *res, const char *dir, struct diags *d)
{
    /* "out/" and "out" are one directory; the trailing slash would confuse rename. */
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/')
        len--;
    char *target = xstrndup(dir, len);
    struct platform_file_info st;
    int rc = -1, err;
    if (len == 0) {
        diag_add(d, DIAG_IO_ERROR, NULL, 0, 0, "no output directory given");
    } else if (platform_path_info(target, &st) != 0) {
        if (errno == ENOENT)
            rc = write_new_dir(res, target, d);
        else
            fileio_io_error(d, target, "cannot write", errno);
    } else if (!st.directory) {
        diag_add(d, DIAG_IO_ERROR, target, 0, 0,
                 "exists and is not a directory; import writes a new directory");
    } else if (!dir_is_empty(target, &err)) {
        if (err)
            fileio_io_error(d, target, "cannot read directory", err);
        else
            diag_add(d, DIAG_IO_ERROR, target, 0, 0,
                     "already exists and is not empty; import writes a new or empty "
                     "directory, never among other files");
    } else {
        rc = write_into_empty_dir(res, target, d);
    }
    free(target);
    return rc;
}

void import_summary(const struct import_result *res, const char *csv_name, const char *dir,
                    struct strbuf *out)
{
    strbuf_addf(out, "imported %zu respondent%s from ", res->n, res->n == 1 ? "" : "s");
    text_add_safe(out, csv_name, true);
    if (res->sheet) {
        strbuf_adds(out, ", ");
        text_add_safe(out, res->sheet, true);
        strbuf_addc(out, ',');
    }
    strbuf_adds(out, " into ");
    text_add_safe(out, dir, true);
    strbuf_addf(out, " (%zu question column%s", res->questions, res->questions == 1 ? "" : "s");
    if (res->unmatched)
        strbuf_addf(out, "; %zu question%s with no column", res->unmatched,
                    res->unmatched == 1 ? "" : "s");
    strbuf_adds(out, ")\n");
}
