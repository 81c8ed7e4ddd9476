/*
 * answers_parallel.h - where the walk over the paths puts each respondent's file (a
 * sink), and a sink that reads the files on several threads and settles them in the
 * order they were listed. Private to src/input: answers.c walks and settles, through
 * the sink's function pointers, so calls run answers.c -> answers_parallel.c ->
 * answers_file.c -> answers_read.c and never back.
 */
#ifndef STAGEGAP_ANSWERS_PARALLEL_H
#define STAGEGAP_ANSWERS_PARALLEL_H

#include <stdbool.h>

#include "answers_file.h"

/*
 * Where the walk puts each file it lists, in order. put takes the file over and may
 * settle it later; drain settles every file put so far (before the walk adds a
 * diagnostic of its own, so that it comes after theirs). settle folds one read file into
 * the owner's assessment (the sink that called it frees the file); failed is set when a file
 * settled with a problem.
 */
struct answers_sink {
    void (*put)(struct answers_sink *s, struct answers_file *f);
    void (*drain)(struct answers_sink *s);
    void (*settle)(struct answers_sink *s, struct answers_file *f);
    void *owner; /* the assessment, for settle and the walk (answers.c) */
    const struct answers_reader *reader;
    struct diags *d;
    bool failed;
};

/*
 * A sink that reads the files put into it on jobs threads (more than 1) and settles
 * them through base's settle, in the order they were put; the walk drains it, and
 * answers_parallel_close frees it.
 */
struct answers_sink *answers_parallel_open(const struct answers_sink *base, unsigned jobs);
/* Stops s's threads and frees it, once the walk has drained it. */
void answers_parallel_close(struct answers_sink *s);

#endif
