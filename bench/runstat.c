/*
 * runstat.c - wall time and peak memory of a command, without /usr/bin/time.
 *
 *   runstat [-n RUNS] [-w WARMUPS] [-o FILE] -- COMMAND [ARG...]
 *
 * Runs COMMAND WARMUPS times untimed (default 1: the page cache is then hot), then RUNS
 * times timed (default 3), its standard output going to FILE (default /dev/null,
 * truncated before each run). Prints one line:
 *
 *   BEST MEDIAN WORST PEAK_RSS_KIB CPU_BEST CPU_MEDIAN
 *
 * the wall-clock seconds of the fastest, median and slowest timed run, the largest
 * resident set any run reached (getrusage(RUSAGE_CHILDREN).ru_maxrss, in KiB on Linux),
 * and the fastest and median CPU seconds (user + system) of a run. On a busy machine
 * the CPU time moves less than the wall time, so both are shown.
 * Exits 1, saying why, as soon as a run fails or is killed, so a benchmark cannot
 * time a command that did not do its work.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double cpu_children(void)
{
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs the command once; returns its wall time, or a negative number when it failed. */
static double run_once(char **cmd, const char *out)
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
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            perror("runstat: waitpid");
            return -1;
        }
    double took = now() - start;
    if (WIFSIGNALED(status)) {
        fprintf(stderr, "runstat: %s was killed by signal %d\n", cmd[0], WTERMSIG(status));
        return -1;
    }
    if (WEXITSTATUS(status) != 0) {
        fprintf(stderr, "runstat: %s exited with status %d\n", cmd[0], WEXITSTATUS(status));
        return -1;
    }
    return took;
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

static int usage(void)
{
    fputs("usage: runstat [-n RUNS] [-w WARMUPS] [-o FILE] -- COMMAND [ARG...]\n", stderr);
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
    char **cmd = argv + i + 1;
    for (long k = 0; k < warmups; k++)
        if (run_once(cmd, out) < 0)
            return 1;
    double *times = calloc((size_t)runs, sizeof(*times));
    double *cpu = calloc((size_t)runs, sizeof(*cpu));
    int rc = 1;
    if (!times || !cpu)
        goto out;
    for (long k = 0; k < runs; k++) {
        double cpu_before = cpu_children();
        if ((times[k] = run_once(cmd, out)) < 0)
            goto out;
        cpu[k] = cpu_children() - cpu_before;
    }
    double median = median_of(times, runs), cpu_median = median_of(cpu, runs);
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    printf("%.6f %.6f %.6f %ld %.6f %.6f\n", times[0], median, times[runs - 1], ru.ru_maxrss,
           cpu[0], cpu_median);
    rc = 0;
out:
    free(times);
    free(cpu);
    return rc;
}
