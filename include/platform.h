/*
 * platform.h - the few things POSIX and Windows do differently, behind one interface.
 *
 * src/platform/platform_posix.c implements it for Linux and other POSIX systems,
 * src/platform/platform_win.c for Windows (mingw-w64); CMake compiles one of them. Nothing else
 * in the tree includes <unistd.h>, <windows.h>, <termios.h> or <signal.h> for these
 * calls: the engine and the renderers never see a platform. Paths are UTF-8 and use
 * '/' or, on Windows, '\\' too. Descriptors are C library descriptors, opened in binary
 * mode and not inherited by child processes. Functions that fail set errno and return
 * -1 (or NULL, or false), so callers report strerror(errno) the same way everywhere.
 */
#ifndef STAGEGAP_PLATFORM_H
#define STAGEGAP_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

/* What tells one file from another, and what kind of file it is. */
struct platform_file_info {
    unsigned long long dev, ino; /* the same pair: the same file */
    unsigned long long links;    /* hard links */
    unsigned long long size;     /* bytes, for a regular file */
    bool directory, regular;
};

/*
 * Called first by main: on Windows, standard input and output in binary mode (LF stays
 * LF) and the console's output code page set to UTF-8. Nothing on POSIX.
 */
void platform_init(void);

/* Opens path for reading; nonblocking makes opening a FIFO not wait (POSIX only). */
int platform_open_read(const char *path, bool nonblocking);
/* Creates path for writing; fails with EEXIST when it exists. */
int platform_create_new(const char *path);
/*
 * read, write and pread of up to len bytes: the bytes moved, or -1 (errno EINTR: try
 * again). platform_pread leaves the file's position where it was.
 */
long long platform_read(int fd, void *buf, size_t len);
long long platform_write(int fd, const void *buf, size_t len);
long long platform_pread(int fd, void *buf, size_t len, long long offset);
/* The file descriptor's information; 0 or -1. */
int platform_fd_info(int fd, struct platform_file_info *info);
/* The information of the file path names, following symbolic links; 0 or -1. */
int platform_path_info(const char *path, struct platform_file_info *info);
/* True when path is a symbolic link (on Windows, a reparse point). */
bool platform_is_link(const char *path);
/* True when path names something that exists. */
bool platform_exists(const char *path);

/* Writes the file's data to the disk. 0 or -1. */
int platform_sync(int fd);
/* Writes the directory's entries to the disk, where that means anything; best effort. */
void platform_sync_dir(const char *dir);
/*
 * Writes every file of the file system that holds dir to the disk, and waits, in one
 * call (Linux's syncfs): cheaper than a sync per file when a command writes thousands.
 * 0, or -1 where there is no such call (then sync each file).
 */
int platform_sync_filesystem(const char *dir);
/*
 * Creates a file from template, whose last six characters are "XXXXXX", readable by
 * its owner only; returns its descriptor. platform_make_public gives it the mode of an
 * ordinary new file (0666 less the umask) before it is renamed into place.
 */
int platform_temp_file(char *template);
int platform_make_public(int fd);
/* An unnamed temporary file, gone when closed; -1 when none can be made. */
int platform_scratch_file(void);
/* Creates a directory from template ("...XXXXXX"), its owner's only; NULL on failure. */
char *platform_temp_dir(char *template);
/* Makes a directory made by platform_temp_dir an ordinary one (0777 less the umask). */
int platform_make_dir_public(const char *path);
/*
 * Renames from to to, replacing to when it exists, so that a reader sees the old file
 * or the new one and never neither (Windows: MoveFileEx, replacing, write-through).
 */
int platform_replace(const char *from, const char *to);
/* Renames a file or directory to a name that does not exist yet. 0 or -1. */
int platform_rename_new(const char *from, const char *to);
/* Removes an empty directory. 0 or -1. */
int platform_remove_dir(const char *path);

/* The last directory separator in path ('/', and on Windows '\\' too), or NULL. */
const char *platform_last_separator(const char *path);
/* The absolute path path names, with no links, "." or "..", its separators '/' (on
 * Windows too: "C:/Users/..."); malloc'd, or NULL. */
char *platform_real_path(const char *path);

/* True when f is a terminal (on Windows, a console). */
bool platform_is_terminal(FILE *f);
/* The width of the terminal f is, in columns, or 0 when unknown. */
long platform_terminal_width(FILE *f);

/*
 * Calls handler (which may only set a volatile sig_atomic_t) on Ctrl-C until
 * platform_interrupt_restore, without restarting the read it interrupts.
 */
void platform_interrupt_catch(void (*handler)(int));
void platform_interrupt_restore(void);

/* Processors online, at least 1. */
unsigned platform_cpus(void);
/* The local time of t; false when it cannot be had. */
bool platform_local_time(time_t t, struct tm *tm);

#endif
