/*
 * platform_posix.c - platform.h for Linux and other POSIX systems.
 */
/* realpath, mkdtemp and fchmod are in POSIX's XSI option; syncfs is Linux's own. */
#define _XOPEN_SOURCE 700
#ifdef __linux__
#define _GNU_SOURCE
#endif
#include "platform.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

void platform_init(void)
{
}

int platform_open_read(const char *path, bool nonblocking)
{
    return open(path, O_RDONLY | O_CLOEXEC | (nonblocking ? O_NONBLOCK : 0));
}

int platform_create_new(const char *path)
{
    return open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
}

long long platform_read(int fd, void *buf, size_t len)
{
    return read(fd, buf, len);
}

long long platform_write(int fd, const void *buf, size_t len)
{
    return write(fd, buf, len);
}

long long platform_pread(int fd, void *buf, size_t len, long long offset)
{
    return pread(fd, buf, len, (off_t)offset);
}

static void info_of(const struct stat *st, struct platform_file_info *info)
{
    info->dev = (unsigned long long)st->st_dev;
    info->ino = (unsigned long long)st->st_ino;
    info->links = (unsigned long long)st->st_nlink;
    info->size = st->st_size > 0 ? (unsigned long long)st->st_size : 0;
    info->directory = S_ISDIR(st->st_mode);
    info->regular = S_ISREG(st->st_mode);
}

int platform_fd_info(int fd, struct platform_file_info *info)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return -1;
    info_of(&st, info);
    return 0;
}

int platform_path_info(const char *path, struct platform_file_info *info)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    info_of(&st, info);
    return 0;
}

bool platform_is_link(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

bool platform_exists(const char *path)
{
    return access(path, F_OK) == 0;
}

int platform_sync(int fd)
{
    return fsync(fd);
}

int platform_sync_filesystem(const char *dir)
{
#ifdef __linux__
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = syncfs(fd), err = errno;
    close(fd);
    errno = err;
    return rc;
#else
    (void)dir;
    errno = ENOSYS;
    return -1;
#endif
}

void platform_sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

int platform_temp_file(char *template)
{
    int fd = mkstemp(template);
    if (fd >= 0)
        fcntl(fd, F_SETFD, FD_CLOEXEC);
    return fd;
}

static mode_t current_umask(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return mask;
}

int platform_make_public(int fd)
{
    return fchmod(fd, 0666 & ~current_umask());
}

int platform_scratch_file(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    size_t len = strlen(dir) + sizeof("/stagegap-names-XXXXXX");
    char *template = xmalloc(len);
    snprintf(template, len, "%s/stagegap-names-XXXXXX", dir);
    int fd = platform_temp_file(template);
    if (fd >= 0)
        unlink(template); /* gone with the descriptor, whatever happens */
    free(template);
    return fd;
}

char *platform_temp_dir(char *template)
{
    return mkdtemp(template);
}

int platform_make_dir_public(const char *path)
{
    return chmod(path, 0777 & ~current_umask());
}

int platform_replace(const char *from, const char *to)
{
    return rename(from, to);
}

int platform_rename_new(const char *from, const char *to)
{
    return rename(from, to);
}

int platform_remove_dir(const char *path)
{
    return rmdir(path);
}

const char *platform_last_separator(const char *path)
{
    return strrchr(path, '/');
}

char *platform_real_path(const char *path)
{
    return realpath(path, NULL);
}

bool platform_is_terminal(FILE *f)
{
    return isatty(fileno(f)) == 1;
}

long platform_terminal_width(FILE *f)
{
#ifdef TIOCGWINSZ
    struct winsize ws;
    if (ioctl(fileno(f), TIOCGWINSZ, &ws) == 0)
        return ws.ws_col;
#else
    (void)f;
#endif
    return 0;
}

static struct sigaction saved_interrupt;

void platform_interrupt_catch(void (*handler)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = handler; /* no SA_RESTART: an interrupt ends the read */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &saved_interrupt);
}

void platform_interrupt_restore(void)
{
    sigaction(SIGINT, &saved_interrupt, NULL);
}

unsigned platform_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 65536 ? 65536 : (unsigned)n;
}

bool platform_local_time(time_t t, struct tm *tm)
{
    return localtime_r(&t, tm) != NULL;
}
