/*
 * runstat.c - wall time and peak memory of a command, without /usr/bin/time; and, given
 * a yardstick, the command's time as a ratio to it, measured in pairs.
 *
 *   runstat [-n RUNS] [-w WARMUPS] [-o FILE] -- COMMAND [ARG...]
 *   runstat [-n RUNS] [-w WARMUPS] [-o FILE] -- COMMAND [ARG...] -- YARDSTICK [ARG...]
 *
 * Runs COMMAND WARMUPS times untimed (default 1: the page cache is then hot), then RUNS
 * times timed (default 3), its standard output going to FILE (default /dev/null,
 * truncated before each run). Prints one line:
 *
 *   BEST MEDIAN WORST PEAK_RSS_KIB CPU_BEST CPU_MEDIAN
 *
 * the wall-clock seconds of the fastest, median and slowest timed run, the largest
 * resident set any run reached (the child's ru_maxrss from wait4, in KiB on Linux),
 * and the fastest and median CPU seconds (user + system) of a run. On a busy machine
 * the CPU time moves less than the wall time, so both are shown.
 *
 * With a YARDSTICK (after a second "--"), both are warmed up, then run RUNS times in
 * pairs, in alternating order (COMMAND first, then YARDSTICK first, ...), so that a
 * change in the machine's load falls on both sides of a pair. The line then goes on
 * with the same six figures for the yardstick and two more: the median over the pairs
 * of COMMAND's wall time divided by YARDSTICK's, and the same for CPU time. A ratio
 * from one pair is the machine's state at that moment; the median of many is what a
 * benchmark on a shared machine can say (docs/performance.md, "Method").
 *
 * Exits 1, saying why, as soon as a run fails or is killed, so a benchmark cannot
 * time a command that did not do its work.
 */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct run {
    double wall, cpu;
    long peak_kib;
};

static double cpu_of(const struct rusage *ru)
{
    return (double)(ru->ru_utime.tv_sec + ru->ru_stime.tv_sec) +
           (double)(ru->ru_utime.tv_usec + ru->ru_stime.tv_usec) / 1e6;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs the command once into *r; returns 0, or -1 when it failed. */
static int run_once(char **cmd, const char *out, struct run *r)
{
    double start = now();
    pid_t pid = fork();
    if (pid < 0) {
        perror("runstat: fork");
        return -1;
    }
    if (pid == 0) {
        int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) {
            perror("runstat: cannot open output");
            _exit(127);
        }
        close(fd);
        execvp(cmd[0], cmd);
        fprintf(stderr, "runstat: cannot run %s: %s\n", cmd[0], strerror(errno));
        _exit(127);
    }
    int status;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0)
        if (errno != EINTR) {
            perror("runstat: wait4");
            return -1;
        }
    r->wall = now() - start;
    r->cpu = cpu_of(&ru);
    r->peak_kib = ru.ru_maxrss;
    if (WIFSIGNALED(status)) {
        fprintf(stderr, "runstat: %s was killed by signal %d\n", cmd[0], WTERMSIG(status));
        return -1;
    }
    if (WEXITSTATUS(status) != 0) {
        fprintf(stderr, "runstat: %s exited with status %d\n", cmd[0], WEXITSTATUS(status));
        return -1;
    }
    return 0;
}

static int compare_doubles(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

/* Sorts v and returns its median. */
static double median_of(double *v, long n)
{
    qsort(v, (size_t)n, sizeof(*v), compare_doubles);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Prints BEST MEDIAN WORST PEAK_RSS_KIB CPU_BEST CPU_MEDIAN of n runs (reordering v). */
static void print_stats(struct run *v, long n, double *scratch)
{
    long peak = 0;
    for (long k = 0; k < n; k++) {
        scratch[k] = v[k].wall;
        peak = v[k].peak_kib > peak ? v[k].peak_kib : peak;
    }
    double median = median_of(scratch, n), best = scratch[0], worst = scratch[n - 1];
    for (long k = 0; k < n; k++)
        scratch[k] = v[k].cpu;
    double cpu_median = median_of(scratch, n);
    printf("%.6f %.6f %.6f %ld %.6f %.6f", best, median, worst, peak, scratch[0], cpu_median);
}

static int usage(void)
{
    fputs("usage: runstat [-n RUNS] [-w WARMUPS] [-o FILE] -- COMMAND [ARG...] "
          "[-- YARDSTICK [ARG...]]\n",
          stderr);
    return 2;
}

int main(int argc, char **argv)
{
    long runs = 3, warmups = 1;
    const char *out = "/dev/null";
    int i = 1;
    for (; i < argc && strcmp(argv[i], "--") != 0; i += 2) {
        if (i + 1 >= argc)
            return usage();
        if (strcmp(argv[i], "-n") == 0)
            runs = strtol(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "-w") == 0)
            warmups = strtol(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "-o") == 0)
            out = argv[i + 1];
        else
            return usage();
    }
    if (i + 1 >= argc || runs < 1 || runs > 10000 || warmups < 0)
        return usage();
    char **cmd = argv + i + 1, **yard = NULL;
    for (int k = i + 1; k < argc; k++)
        if (strcmp(argv[k], "--") == 0) {
            argv[k] = NULL; /* ends cmd */
            yard = argv + k + 1;
            break;
        }
    if (yard && !yard[0])
        return usage();
    struct run scratch_run;
    for (long k = 0; k < warmups; k++)
        if (run_once(cmd, out, &scratch_run) != 0 ||
            (yard && run_once(yard, out, &scratch_run) != 0))
            return 1;
    struct run *a = calloc((size_t)runs, sizeof(*a)), *b = calloc((size_t)runs, sizeof(*b));
    double *scratch = calloc((size_t)runs, sizeof(*scratch));
    double *ratio = calloc((size_t)runs, sizeof(*ratio));
    int rc = 1;
    if (!a || !b || !scratch || !ratio)
        goto out;
    for (long k = 0; k < runs; k++) {
        bool yard_first = yard && k % 2 == 1;
        if ((yard_first && run_once(yard, out, &b[k]) != 0) || run_once(cmd, out, &a[k]) != 0 ||
            (yard && !yard_first && run_once(yard, out, &b[k]) != 0))
            goto out;
    }
    print_stats(a, runs, scratch);
    if (yard) {
        putchar(' ');
        for (long k = 0; k < runs; k++)
            ratio[k] = b[k].wall > 0 ? a[k].wall / b[k].wall : 0;
        double wall_ratio = median_of(ratio, runs);
        for (long k = 0; k < runs; k++)
            ratio[k] = b[k].cpu > 0 ? a[k].cpu / b[k].cpu : 0;
        double cpu_ratio = median_of(ratio, runs);
        print_stats(b, runs, scratch);
        printf(" %.4f %.4f", wall_ratio, cpu_ratio);
    }
    putchar('\n');
    rc = 0;
out:
    free(a);
    free(b);
    free(scratch);
    free(ratio);
    return rc;
}
