/*
 * workq.h - an ordered work queue: jobs run on several threads, and come back in the
 * order they were handed in, whatever order they finish in.
 *
 * The caller hands in jobs (workq_submit), each with a sequence number, and takes them
 * back oldest first (workq_take), so anything it does with their results happens in the
 * order of submission; the threads only ever run the job function on one job at a time.
 * The queue holds at most `window` jobs between submit and take: the caller takes the
 * oldest before submitting more, which bounds the memory in flight.
 *
 * This is the only module that uses POSIX threads or asks how many CPUs there are.
 * The caller's thread works too: while the oldest job is not done, workq_take runs the
 * next job no thread has started, so a queue with N - 1 threads keeps N busy, and one
 * with none (when no thread can be started) still works, on the caller's thread.
 */
#ifndef STAGEGAP_WORKQ_H
#define STAGEGAP_WORKQ_H

#include <stddef.h>

struct workq;

/* What a thread does with one job; ctx is the one given to workq_new. */
typedef void workq_fn(void *job, void *ctx);

/* Starts `threads` threads (0 or more) to run fn on at most `window` jobs at a time. */
struct workq *workq_new(unsigned threads, size_t window, workq_fn *fn, void *ctx);
/* Hands in job; there must be fewer than window jobs pending. */
void workq_submit(struct workq *q, void *job);
/* Jobs handed in and not yet taken back. */
size_t workq_pending(const struct workq *q);
/*
 * Returns the oldest pending job once it is done, running jobs no thread has started
 * meanwhile; NULL when none is pending.
 */
void *workq_take(struct workq *q);
/*
 * What frees a job once the caller is done with it, on the thread that ran it: memory
 * a thread allocated goes back to that thread's heap (glibc's arena) rather than being
 * freed on the caller's, where each free locks the other thread's heap and the thread
 * has to get fresh memory for its next job. Set before the first submit.
 */
void workq_set_release(struct workq *q, workq_fn *release);
/*
 * Releases the job workq_take last returned with the function workq_set_release gave:
 * at once when the caller's thread ran it, else on the thread that did, before its next
 * job or, when it runs no more, as it stops in workq_free.
 */
void workq_release_taken(struct workq *q);
/* Stops and joins the threads; every job must have been taken back. Safe on NULL. */
void workq_free(struct workq *q);
/* The number of CPUs online, at least 1. */
unsigned workq_cpus(void);

#endif
