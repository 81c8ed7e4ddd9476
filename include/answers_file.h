/*
 * answers_file.h - one respondent's file: where it was found, the identity that tells a
 * file met twice (under two names, or through a link), and reading and checking it.
 *
 * Adding a respondent is two steps. Reading and checking one file against the rules
 * (answers_file_read) depends on nothing but the file, the rules and the directories
 * named on the command line, so it may run on any thread (answers_parallel.c). Settling
 * it (answers_file_settle, answers.c) depends on every respondent before it: whether the
 * file was already met under another name, the organisation of the first, the roles and
 * groups met so far, the respondent ids seen; so it runs on the caller's thread, one
 * file after another in the order the files are listed. Each file's diagnostics are kept
 * apart until it is settled, then appended in that order: whatever thread read a file,
 * the assessment and its diagnostics are the ones reading the files one by one would
 * give.
 */
#ifndef STAGEGAP_ANSWERS_FILE_H
#define STAGEGAP_ANSWERS_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "answers_read.h"
#include "diag.h"
#include "dirlist.h"
#include "fileio.h"
#include "pool.h"

enum { ANSWERS_FILE_MAX = 1024 * 1024 };

/* A file or directory by device and inode, and the name it was first met under. */
struct answers_file_id {
    unsigned long long dev, ino;
    const char *path;
};

/* A set of them (a hash table; path is NULL in an empty slot). */
struct answers_file_ids {
    struct answers_file_id *v;
    size_t n, cap; /* cap is 0 or a power of two */
};

/* The member of ids with id's device and inode, or NULL. */
const struct answers_file_id *answers_ids_find(const struct answers_file_ids *ids,
                                               const struct fileio_id *id);
/*
 * Adds path (copied into pool) under id to ids and returns NULL, or returns the member
 * already there under the same id.
 */
const struct answers_file_id *answers_ids_add(struct pool *pool, struct answers_file_ids *ids,
                                              const struct fileio_id *id, const char *path);
/* "this WHAT is given twice" or "is also read as FIRST": one respondent counts once. -1. */
int answers_refuse_second_name(struct diags *d, const char *path, const char *first,
                               const char *what);
/* A workbook or other zip archive given where answers are expected: refused, true. */
bool answers_refuse_zip(const char *path, const char *buf, size_t len, struct diags *d);
/* True for the names a directory's respondents have: *.yaml or *.yml, not hidden. */
bool answers_is_file_name(const char *name);
/* What reading a file needs, the same for every file of one call; read-only meanwhile. */
struct answers_reader {
    const struct rules *rules;
    const struct answers_file_ids *dirs; /* the directories named */
    bool strict, warn_placeholders;
};

/* One file to add as a respondent, and what reading and checking it found. */
struct answers_file {
    char *path;
    bool in_dir;            /* found in a named directory, not named itself */
    enum dirlist_type type; /* as the directory listing said */
    int read_rc;            /* 0 when the file was read */
    struct diags read_diags, check_diags;
    bool link;           /* a symbolic link inside a named directory */
    struct fileio_id id; /* of the file read from a directory */
    char *buf;
    size_t len;
    struct ydoc doc;
    struct response resp;
    bool checked_ok; /* no errors in the file itself */
};

/* A new file to read: path is taken over. */
struct answers_file *answers_file_new(char *path, bool in_dir, enum dirlist_type type);
void answers_file_free(struct answers_file *f);
/* Reads and checks f; any thread. */
void answers_file_read(struct answers_file *f, const struct answers_reader *reader);
#endif
