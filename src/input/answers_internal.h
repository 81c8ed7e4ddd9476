/*
 * answers_internal.h - what answers.c shares with answers_read.c and answers_parallel.c,
 * and no one else.
 *
 * Adding a respondent is two steps. Reading and checking one file against the rules
 * (answers_file_read) depends on nothing but the file, the rules and the directories
 * named on the command line, so it may run on any thread. Settling it
 * (answers_file_settle) depends on every respondent before it: whether the file was
 * already met under another name, the organisation of the first, the roles and groups
 * met so far, the respondent ids seen; so it runs on the caller's thread, one file after
 * another in the order the files are listed. Each file's diagnostics are kept apart until
 * it is settled, then appended in that order: whatever thread read a file, the
 * assessment and its diagnostics are the ones reading the files one by one would give.
 */
#ifndef STAGEGAP_ANSWERS_INTERNAL_H
#define STAGEGAP_ANSWERS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "answers.h"
#include "diag.h"
#include "dirlist.h"
#include "fileio.h"
#include "schema.h"
#include "yamlread.h"

/* One respondent's file, checked and held until it is folded into the assessment. */
struct response {
    struct yctx c;
    const struct rules *rules;
    const char *organisation, *date, *respondent, *role;
    const char *model_named; /* the rules id the file names: the model's or its base's */
    const struct ynode *organisation_node, *date_node, *role_node, *respondent_node;
    const struct ynode *model_node; /* the rules: value */
    const struct ynode *groups;     /* checked: a map of field names to text, or NULL */
    enum answer_state *state;       /* per rules item */
    int64_t *score;                 /* times EXACT_SCALE */
    const char **note, **evidence;
    const struct ynode *comments; /* checked: a list of {about, text} */
    bool warn_placeholders;
};

/* What reading a file needs, the same for every file of one call; read-only meanwhile. */
struct answers_reader {
    const struct rules *rules;
    const struct answers_file_ids *dirs; /* the directories named */
    bool strict, warn_placeholders;
};

/* ---- reading one file (answers_read.c) ---- */

/*
 * Parses buf and checks it as an answers file into doc and resp, which the caller
 * releases (answers_response_free, ydoc_release). True when the file itself has no errors.
 */
bool answers_response_check(struct ydoc *doc, struct response *resp, const struct rules *r,
                            bool warn_placeholders, const char *file, const char *buf, size_t len,
                            bool strict, struct diags *d);
void answers_response_free(struct response *resp);
/* Where a respondent gives a grouping field, or NULL. */
const struct ynode *answers_response_field_node(const struct response *resp, const char *field);
/* What a respondent gives for a grouping field, or NULL. */
const char *answers_response_field(const struct response *resp, const char *field);

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
/* Folds a read file into a, in order: 0, or -1 with diagnostics in d. */
int answers_file_settle(struct assessment *a, struct answers_file *f, struct diags *d);

/*
 * Where assessment_add_paths puts each file it lists, in order. put takes the file
 * over and may settle it later; drain settles every file put so far (before the walk
 * adds a diagnostic of its own, so that it comes after theirs). failed is set when a
 * file settled with a problem.
 */
struct answers_sink {
    void (*put)(struct answers_sink *s, struct answers_file *f);
    void (*drain)(struct answers_sink *s);
    struct assessment *a;
    const struct answers_reader *reader;
    struct diags *d;
    bool failed;
};

/* Settles f at once into s's assessment, and frees it. */
void answers_settle_into(struct answers_sink *s, struct answers_file *f);
/*
 * Runs the walk over paths with a sink that reads files on `jobs` threads (> 1) and
 * settles them in order. 0, or -1 with diagnostics.
 */
int answers_add_paths_parallel(struct assessment *a, const char *const *paths, size_t n,
                               const struct answers_reader *reader, unsigned jobs, struct diags *d);
/* The walk itself, shared by both: every path's files, put into s in order. */
int answers_walk(struct answers_sink *s, const char *const *paths, size_t n);

#endif
