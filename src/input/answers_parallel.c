/*
 * answers_parallel.c - respondents' files read on several threads, pooled in one order.
 *
 * The walk (answers.c) lists the files on the caller's thread, as with one job:
 * arguments in order, each directory's files in name order, never more than a listing
 * batch of names in memory. Files go into batches of BATCH_FILES, each a job of an
 * ordered work queue (workq.h); a thread reads and checks every file of its batch with
 * a parser, tree and diagnostics of its own (answers_file_read), touching nothing that
 * other files share. --jobs N starts N - 1 threads: the caller's thread is the Nth, and
 * reads batches whenever it would otherwise wait (workq_take), so N threads run on N
 * cores rather than N + 1 taking turns. The caller's thread takes the batches back strictly in the
 * order they were made and settles each file in turn (the sink's settle, answers.c): the checks
 * that depend on the files before it, the tallies, notes, comments, roles, groups, seen ids, date
 * and organisation, and the file's diagnostics appended to the run's.
 *
 * So the assessment is built by the same code, from the same files, in the same order as
 * with one job: every list "in order of first appearance" or "in the order read" comes
 * out the same, the diagnostics come out in the same order and the 50-diagnostic cap
 * drops the same ones (diags_append), and the report is the same bytes whatever the
 * number of threads and however they are scheduled. Sums are of integers in any case.
 *
 * Memory: at most BATCHES_PER_JOB batches per thread are in flight, each file with its
 * text and tree until it is settled; nothing is kept per file after that.
 */
#include <stdlib.h>

#include "answers_parallel.h"
#include "workq.h"
#include "xalloc.h"

/*
 * Batches grow from one file to BATCH_FILES, so that a few files are spread over the
 * threads too; a run of one file starts no thread at all.
 */
enum { BATCH_FILES = 16, BATCHES_PER_JOB = 4 };

struct batch {
    struct answers_file *files[BATCH_FILES];
    size_t n, room;
};

struct parallel_sink {
    struct answers_sink base; /* first, so that the walk's sink is this */
    struct answers_reader reader;
    unsigned jobs;
    struct workq *q;    /* started with the first full batch */
    struct batch *open; /* the batch being filled */
    size_t next_room;   /* files the next batch takes */
};

static void read_batch(void *job, void *ctx)
{
    struct batch *b = job;
    const struct answers_reader *reader = ctx;
    for (size_t i = 0; i < b->n; i++)
        answers_file_read(b->files[i], reader);
}

static void settle_batch(struct parallel_sink *p, struct batch *b)
{
    for (size_t i = 0; i < b->n; i++)
        p->base.settle(&p->base, b->files[i]);
}

/*
 * Frees a settled batch: through the queue, on the thread that read it (workq.h), where
 * freeing a reader's memory on the caller's thread made each free lock the reader's heap;
 * with --jobs 2 the allocator was nearly all of the instructions two threads did beyond
 * one (docs/performance.md).
 */
static void free_batch(void *job, void *ctx)
{
    struct batch *b = job;
    (void)ctx;
    for (size_t i = 0; i < b->n; i++)
        answers_file_free(b->files[i]);
    free(b);
}

static void settle_taken(struct parallel_sink *p)
{
    settle_batch(p, workq_take(p->q));
    workq_release_taken(p->q);
}

static size_t window(const struct parallel_sink *p)
{
    return (size_t)p->jobs * BATCHES_PER_JOB;
}

static void submit_open(struct parallel_sink *p)
{
    if (!p->q) {
        p->q = workq_new(p->jobs - 1, window(p), read_batch, &p->reader);
        workq_set_release(p->q, free_batch);
    }
    if (workq_pending(p->q) == window(p))
        settle_taken(p);
    workq_submit(p->q, p->open);
    p->open = NULL;
}

/* A full batch is handed in when the next file comes, so one file alone stays here. */
static void parallel_put(struct answers_sink *s, struct answers_file *f)
{
    struct parallel_sink *p = (struct parallel_sink *)s;
    if (p->open && p->open->n == p->open->room)
        submit_open(p);
    if (!p->open) {
        p->open = xcalloc(1, sizeof(*p->open));
        p->open->room = p->next_room ? p->next_room : 1;
        p->next_room = 2 * p->open->room < BATCH_FILES ? 2 * p->open->room : BATCH_FILES;
    }
    p->open->files[p->open->n++] = f;
}

static void parallel_drain(struct answers_sink *s)
{
    struct parallel_sink *p = (struct parallel_sink *)s;
    if (p->open && !p->q) {
        /* One file so far: not worth starting a thread. */
        read_batch(p->open, &p->reader);
        settle_batch(p, p->open);
        free_batch(p->open, NULL);
        p->open = NULL;
    }
    if (p->open)
        submit_open(p);
    while (p->q && workq_pending(p->q) > 0)
        settle_taken(p);
}

struct answers_sink *answers_parallel_open(const struct answers_sink *base, unsigned jobs)
{
    struct parallel_sink *p = xcalloc(1, sizeof(*p));
    p->base = *base;
    p->base.put = parallel_put;
    p->base.drain = parallel_drain;
    p->base.failed = false;
    p->reader = *base->reader;
    p->jobs = jobs;
    return &p->base;
}

void answers_parallel_close(struct answers_sink *s)
{
    struct parallel_sink *p = (struct parallel_sink *)s;
    workq_free(p->q);
    free(p);
}
