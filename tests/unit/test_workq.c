/*
 * test_workq.c - the ordered work queue (--jobs), and an assessment read on several
 * threads: the same as on one, field by field, problems included.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "testutil.h"
#include "answers.h"
#include "strbuf.h"
#include "workq.h"

struct square {
    unsigned long in, out;
};

/* Uneven work, so that jobs finish out of order. */
static void square_slowly(void *job, void *ctx)
{
    struct square *s = job;
    volatile unsigned long spin = 0;
    (void)ctx;
    for (unsigned long i = 0; i < (s->in % 7) * 2000; i++)
        spin += i;
    s->out = s->in * s->in;
}

/* Submits n jobs through a queue of the given threads and window; each comes back in order. */
static void check_order(unsigned threads, size_t window, unsigned long n)
{
    struct workq *q = workq_new(threads, window, square_slowly, NULL);
    struct square *jobs = calloc(n, sizeof(*jobs));
    unsigned long next_back = 0;
    for (unsigned long i = 0; i < n; i++) {
        if (workq_pending(q) == window) {
            struct square *s = workq_take(q);
            assert_ptr_equal(s, &jobs[next_back]);
            assert_int_equal(s->out, next_back * next_back);
            next_back++;
        }
        jobs[i].in = i;
        workq_submit(q, &jobs[i]);
    }
    struct square *s;
    while ((s = workq_take(q)) != NULL) {
        assert_ptr_equal(s, &jobs[next_back]);
        assert_int_equal(s->out, next_back * next_back);
        next_back++;
    }
    assert_int_equal(next_back, n);
    assert_int_equal(workq_pending(q), 0);
    workq_free(q);
    free(jobs);
}

static void test_workq_jobs_come_back_in_order(void **state)
{
    (void)state;
    check_order(1, 1, 50);
    check_order(2, 8, 1000);
    check_order(3, 3, 1000);
    check_order(8, 16, 1000);
}

static void test_workq_without_threads_runs_on_the_caller(void **state)
{
    (void)state;
    check_order(0, 4, 100); /* no thread started: workq_take runs each job itself */
}

/*
 * Job 0 runs on the queue's one thread and waits (5 s at most) for job 1 to have run;
 * only the caller's thread can run job 1, and it does so in workq_take, rather than wait
 * for job 0. Without that the queue would stall until job 0 gave up.
 */
struct handshake {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    bool started0, ran1, saw1;
};

static void handshake_job(void *job, void *ctx)
{
    struct handshake *h = ctx;
    pthread_mutex_lock(&h->mutex);
    if (*(int *)job == 0) {
        h->started0 = true;
        pthread_cond_broadcast(&h->cond);
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += 5;
        while (!h->ran1 && pthread_cond_timedwait(&h->cond, &h->mutex, &until) == 0)
            ;
        h->saw1 = h->ran1;
    } else {
        h->ran1 = true;
        pthread_cond_broadcast(&h->cond);
    }
    pthread_mutex_unlock(&h->mutex);
}

static void test_workq_caller_runs_later_jobs_while_waiting(void **state)
{
    (void)state;
    struct handshake h = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false, false, false};
    int ids[2] = {0, 1};
    struct workq *q = workq_new(1, 4, handshake_job, &h);
    workq_submit(q, &ids[0]);
    pthread_mutex_lock(&h.mutex); /* job 0 is on the thread before job 1 is handed in */
    while (!h.started0)
        pthread_cond_wait(&h.cond, &h.mutex);
    pthread_mutex_unlock(&h.mutex);
    workq_submit(q, &ids[1]);
    assert_ptr_equal(workq_take(q), &ids[0]);
    assert_true(h.saw1);
    assert_ptr_equal(workq_take(q), &ids[1]);
    assert_null(workq_take(q));
    workq_free(q);
}

/* A job that says which thread ran it and which released it. */
struct traced {
    pthread_t ran_by, released_by;
    int ran, released;
};

static pthread_mutex_t trace_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t trace_cond = PTHREAD_COND_INITIALIZER;

static void trace_run(void *job, void *ctx)
{
    struct traced *t = job;
    (void)ctx;
    pthread_mutex_lock(&trace_mutex);
    t->ran_by = pthread_self();
    t->ran++;
    pthread_cond_broadcast(&trace_cond);
    pthread_mutex_unlock(&trace_mutex);
}

static void trace_release(void *job, void *ctx)
{
    struct traced *t = job;
    (void)ctx;
    t->released_by = pthread_self();
    t->released++;
}

/*
 * Every job taken back and handed to workq_release_taken is released once, by the thread
 * that ran it: the caller's at once, a thread's before its next job or as it stops. Job 0
 * runs on a thread for certain: the caller waits for it to have run before it takes any.
 */
static void test_workq_release_on_the_thread_that_ran(void **state)
{
    (void)state;
    enum { N = 400, WINDOW = 6 };
    struct traced *jobs = calloc(N, sizeof(*jobs));
    struct workq *q = workq_new(2, WINDOW, trace_run, NULL);
    workq_set_release(q, trace_release);
    size_t back = 0;
    for (size_t i = 0; i < N; i++) {
        if (workq_pending(q) == WINDOW) {
            assert_ptr_equal(workq_take(q), &jobs[back++]);
            workq_release_taken(q);
        }
        workq_submit(q, &jobs[i]);
        if (i == 0) {
            pthread_mutex_lock(&trace_mutex);
            while (!jobs[0].ran)
                pthread_cond_wait(&trace_cond, &trace_mutex);
            pthread_mutex_unlock(&trace_mutex);
        }
    }
    while (workq_pending(q) > 0) {
        assert_ptr_equal(workq_take(q), &jobs[back++]);
        workq_release_taken(q);
    }
    workq_release_taken(q); /* nothing taken since: nothing to do */
    workq_free(q);
    assert_false(pthread_equal(jobs[0].ran_by, pthread_self()));
    for (size_t i = 0; i < N; i++) {
        assert_int_equal(jobs[i].ran, 1);
        assert_int_equal(jobs[i].released, 1);
        assert_true(pthread_equal(jobs[i].ran_by, jobs[i].released_by));
    }
    free(jobs);
}

static void test_workq_empty_and_cpus(void **state)
{
    (void)state;
    struct workq *q = workq_new(2, 4, square_slowly, NULL);
    assert_null(workq_take(q));
    workq_free(q);
    workq_free(NULL);
    assert_true(workq_cpus() >= 1);
}

/* ---- an assessment read on several threads ---- */

static const char answers_head[] = "format: stagegap-answers/1\nrules: tiny\n";

/* dir/NNN.yaml, for n respondents; bad lists the ones to break, each in its own way. */
static void write_respondents(const char *dir, int n, const int *bad, size_t n_bad)
{
    for (int i = 0; i < n; i++) {
        char name[32];
        struct strbuf sb = STRBUF_INIT;
        int broken = 0;
        for (size_t k = 0; k < n_bad; k++)
            broken = broken || bad[k] == i;
        snprintf(name, sizeof(name), "%03d.yaml", i);
        strbuf_adds(&sb, answers_head);
        strbuf_addf(&sb, "organisation: %s\ndate: 2026-09-%02d\n",
                    broken && i % 3 == 1 ? "Other" : "Here", 1 + i % 28);
        strbuf_addf(&sb, "respondent: {id: r%d, role: %s, groups: {team: t%d}}\n", i % 150,
                    i % 4 ? "worker" : "lead", i % 3);
        if (i % 5 == 0)
            strbuf_addf(&sb, "comments: [{text: \"comment %d\"}]\n", i);
        strbuf_addf(&sb, "answers:\n  start.plan: {score: %d.%03d, note: \"n%d\"}\n", i % 10,
                    (i * 37) % 1000, i);
        strbuf_addf(&sb, "  start.training: %s\n", i % 9 ? "4.5" : "n/a");
        strbuf_addf(&sb, "  later.habit: %s\n",
                    broken && i % 3 == 0 ? "eleven" : (broken ? "2" : "unknown"));
        if (broken && i % 3 == 2)
            strbuf_adds(&sb, "  start.nope: 1\n");
        test_write_file(dir, name, strbuf_str(&sb));
        strbuf_release(&sb);
    }
}

/* Reads dir with jobs threads; the diagnostics rendered into out. */
static int read_with_jobs(struct assessment *a, const char *dir, unsigned jobs, struct strbuf *out)
{
    static const char *const by[] = {"team"};
    struct diags d;
    diags_init(&d);
    assessment_init(a, &test_rules);
    assessment_break_down_by(a, by, 1);
    a->jobs = jobs;
    int rc = assessment_add_path(a, dir, false, &d);
    diags_render(&d, out);
    diags_release(&d);
    return rc;
}

static void assert_tally_equal(const struct item_tally *x, const struct item_tally *y)
{
    assert_int_equal(x->n, y->n);
    assert_int_equal(x->sum, y->sum);
    assert_int_equal(x->sumsq, y->sumsq);
    assert_int_equal(x->n_na, y->n_na);
    assert_int_equal(x->n_unknown, y->n_unknown);
    if (x->n) {
        assert_int_equal(x->min, y->min);
        assert_int_equal(x->max, y->max);
    }
}

static void assert_same_assessment(const struct assessment *x, const struct assessment *y)
{
    assert_string_equal(x->organisation, y->organisation);
    assert_string_equal(x->date, y->date);
    assert_string_equal(x->date_at.file, y->date_at.file);
    assert_string_equal(x->first_file, y->first_file);
    assert_int_equal(x->respondents, y->respondents);
    for (size_t i = 0; i < test_rules.n_items; i++) {
        assert_tally_equal(&x->items[i], &y->items[i]);
        assert_int_equal(x->items[i].n_notes, y->items[i].n_notes);
        for (size_t k = 0; k < x->items[i].n_notes; k++) {
            assert_string_equal(x->items[i].notes[k].note, y->items[i].notes[k].note);
            assert_string_equal(x->items[i].notes[k].respondent, y->items[i].notes[k].respondent);
        }
    }
    assert_int_equal(x->n_roles, y->n_roles);
    for (size_t k = 0; k < x->n_roles; k++) {
        assert_string_equal(x->roles[k].role, y->roles[k].role);
        assert_int_equal(x->roles[k].respondents, y->roles[k].respondents);
    }
    assert_int_equal(x->n_groups, y->n_groups);
    for (size_t g = 0; g < x->n_groups; g++) {
        assert_string_equal(x->groups[g].values[0], y->groups[g].values[0]);
        for (size_t i = 0; i < test_rules.n_items; i++)
            assert_tally_equal(&x->groups[g].items[i], &y->groups[g].items[i]);
    }
    assert_int_equal(x->n_comments, y->n_comments);
    for (size_t k = 0; k < x->n_comments; k++)
        assert_string_equal(x->comments[k].text, y->comments[k].text);
    assert_int_equal(x->n_fields_given, y->n_fields_given);
}

static void check_jobs_same(int n, const int *bad, size_t n_bad)
{
    char *dir = test_temp_dir("jobs");
    struct assessment one, many;
    struct strbuf diags_one = STRBUF_INIT, diags_many = STRBUF_INIT;
    write_respondents(dir, n, bad, n_bad);
    int rc_one = read_with_jobs(&one, dir, 1, &diags_one);
    assert_int_equal(rc_one, n_bad ? -1 : 0);
    for (unsigned jobs = 2; jobs <= 8; jobs *= 2) {
        strbuf_reset(&diags_many);
        assert_int_equal(read_with_jobs(&many, dir, jobs, &diags_many), rc_one);
        assert_string_equal(strbuf_str(&diags_many), strbuf_str(&diags_one));
        if (rc_one == 0)
            assert_same_assessment(&one, &many);
        assessment_release(&many);
    }
    assessment_release(&one);
    strbuf_release(&diags_one);
    strbuf_release(&diags_many);
    test_remove_tree(dir);
    free(dir);
}

static void test_workq_assessment_same_with_jobs(void **state)
{
    (void)state;
    check_jobs_same(1, NULL, 0);
    check_jobs_same(3, NULL, 0);
    check_jobs_same(300, NULL, 0);
}

static void test_workq_assessment_problems_same_with_jobs(void **state)
{
    static const int ends[] = {0, 150, 151, 152, 299};
    int many[80];
    (void)state;
    check_jobs_same(300, ends, sizeof(ends) / sizeof(ends[0]));
    for (int k = 0; k < 80; k++)
        many[k] = 3 * k + 20;
    check_jobs_same(300, many, 80); /* past the 50 shown */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_workq_jobs_come_back_in_order),
        cmocka_unit_test(test_workq_without_threads_runs_on_the_caller),
        cmocka_unit_test(test_workq_release_on_the_thread_that_ran),
        cmocka_unit_test(test_workq_empty_and_cpus),
        cmocka_unit_test(test_workq_caller_runs_later_jobs_while_waiting),
        cmocka_unit_test(test_workq_assessment_same_with_jobs),
        cmocka_unit_test(test_workq_assessment_problems_same_with_jobs),
    };
    return cmocka_run_group_tests(tests, test_rules_setup, test_rules_teardown);
}
