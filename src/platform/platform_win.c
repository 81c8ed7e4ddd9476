/*
 * platform_win.c - platform.h for Windows (mingw-w64, Windows 10 1903 or later).
 *
 * File names are UTF-8 in the program and UTF-16 for Windows: every call here that
 * takes a name converts it and uses the wide API. The C library's own narrow calls
 * elsewhere (fopen) get UTF-8 too, through the application manifest's active code page
 * (packaging/windows/stagegap.manifest).
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "platform.h"

#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xalloc.h"

static UINT saved_output_cp, saved_input_cp;

/* The console is the shell's too: give it back its code pages when stagegap exits. */
static void restore_console(void)
{
    if (saved_output_cp)
        SetConsoleOutputCP(saved_output_cp);
    if (saved_input_cp)
        SetConsoleCP(saved_input_cp);
}

void platform_init(void)
{
    _setmode(_fileno(stdin), _O_BINARY);
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
    saved_output_cp = GetConsoleOutputCP();
    saved_input_cp = GetConsoleCP();
    SetConsoleOutputCP(CP_UTF8);
    SetConsoleCP(CP_UTF8);
    atexit(restore_console);
}

/* path as UTF-16, malloc'd; NULL with errno set when it is not valid UTF-8. */
static wchar_t *wide(const char *path)
{
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, NULL, 0);
    if (n <= 0) {
        errno = EINVAL;
        return NULL;
    }
    wchar_t *w = xmalloc((size_t)n * sizeof(*w));
    MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, w, n);
    return w;
}

/* The C library's errno for Windows' last error. */
static int fail_with_last_error(void)
{
    switch (GetLastError()) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
    case ERROR_INVALID_NAME:
        errno = ENOENT;
        break;
    case ERROR_ACCESS_DENIED:
    case ERROR_SHARING_VIOLATION:
        errno = EACCES;
        break;
    case ERROR_FILE_EXISTS:
    case ERROR_ALREADY_EXISTS:
        errno = EEXIST;
        break;
    case ERROR_DIR_NOT_EMPTY:
        errno = ENOTEMPTY;
        break;
    default:
        errno = EIO;
        break;
    }
    return -1;
}

static int wopen(const char *path, int flags, int mode)
{
    wchar_t *w = wide(path);
    if (!w)
        return -1;
    int fd = _wopen(w, flags | _O_BINARY | _O_NOINHERIT, mode);
    free(w);
    return fd;
}

int platform_open_read(const char *path, bool nonblocking)
{
    (void)nonblocking; /* Windows has no FIFOs in the file system */
    int fd = wopen(path, _O_RDONLY, 0);
    if (fd >= 0 || errno != EACCES)
        return fd;
    /*
     * The C library cannot open a directory; POSIX can, and the caller then says "is a
     * directory". Open it the way Windows can, for platform_fd_info to say the same.
     */
    wchar_t *w = wide(path);
    if (!w)
        return -1;
    DWORD attrs = GetFileAttributesW(w);
    HANDLE h = INVALID_HANDLE_VALUE;
    if (attrs != INVALID_FILE_ATTRIBUTES && (attrs & FILE_ATTRIBUTE_DIRECTORY))
        h = CreateFileW(w, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                        NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    free(w);
    if (h == INVALID_HANDLE_VALUE) {
        errno = EACCES;
        return -1;
    }
    fd = _open_osfhandle((intptr_t)h, _O_RDONLY | _O_BINARY);
    if (fd < 0)
        CloseHandle(h);
    return fd;
}

int platform_create_new(const char *path)
{
    return wopen(path, _O_WRONLY | _O_CREAT | _O_EXCL, _S_IREAD | _S_IWRITE);
}

/* Windows moves at most an unsigned int's worth of bytes per call. */
static unsigned chunk_of(size_t len)
{
    return len > 1u << 30 ? 1u << 30 : (unsigned)len;
}

long long platform_read(int fd, void *buf, size_t len)
{
    return _read(fd, buf, chunk_of(len));
}

long long platform_write(int fd, const void *buf, size_t len)
{
    return _write(fd, buf, chunk_of(len));
}

long long platform_pread(int fd, void *buf, size_t len, long long offset)
{
    HANDLE h = (HANDLE)_get_osfhandle(fd);
    LARGE_INTEGER zero = {0}, here;
    if (h == INVALID_HANDLE_VALUE || !SetFilePointerEx(h, zero, &here, FILE_CURRENT)) {
        errno = EBADF;
        return -1;
    }
    OVERLAPPED at;
    memset(&at, 0, sizeof(at));
    at.Offset = (DWORD)((unsigned long long)offset & 0xffffffffu);
    at.OffsetHigh = (DWORD)((unsigned long long)offset >> 32);
    DWORD got = 0;
    BOOL ok = ReadFile(h, buf, chunk_of(len), &got, &at);
    if (!ok && GetLastError() != ERROR_HANDLE_EOF)
        fail_with_last_error();
    SetFilePointerEx(h, here, NULL, FILE_BEGIN);
    return ok || GetLastError() == ERROR_HANDLE_EOF ? (long long)got : -1;
}

static int info_of(HANDLE h, struct platform_file_info *info)
{
    BY_HANDLE_FILE_INFORMATION fi;
    if (!GetFileInformationByHandle(h, &fi))
        return fail_with_last_error();
    info->dev = fi.dwVolumeSerialNumber;
    info->ino = ((unsigned long long)fi.nFileIndexHigh << 32) | fi.nFileIndexLow;
    info->links = fi.nNumberOfLinks;
    info->size = ((unsigned long long)fi.nFileSizeHigh << 32) | fi.nFileSizeLow;
    info->directory = (fi.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
    info->regular = !info->directory && GetFileType(h) == FILE_TYPE_DISK;
    return 0;
}

int platform_fd_info(int fd, struct platform_file_info *info)
{
    HANDLE h = (HANDLE)_get_osfhandle(fd);
    if (h == INVALID_HANDLE_VALUE) {
        errno = EBADF;
        return -1;
    }
    if (GetFileType(h) != FILE_TYPE_DISK) {
        /* A pipe or the console: no identity, not a regular file. */
        memset(info, 0, sizeof(*info));
        return 0;
    }
    if (info_of(h, info) == 0)
        return 0;
    /*
     * A handle the process was given (a file on standard input, under wine) may not
     * allow reading its attributes: the C library's fstat still has its size and
     * kind, though not its identity.
     */
    struct _stati64 st;
    if (_fstati64(fd, &st) != 0)
        return -1;
    memset(info, 0, sizeof(*info));
    info->size = st.st_size > 0 ? (unsigned long long)st.st_size : 0;
    info->directory = (st.st_mode & _S_IFMT) == _S_IFDIR;
    info->regular = (st.st_mode & _S_IFMT) == _S_IFREG;
    return 0;
}

/* Opens path for its attributes only; FILE_FLAG_BACKUP_SEMANTICS lets it open a directory. */
static HANDLE open_for_info(const char *path, DWORD flags)
{
    wchar_t *w = wide(path);
    if (!w)
        return INVALID_HANDLE_VALUE;
    HANDLE h = CreateFileW(w, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS | flags, NULL);
    free(w);
    if (h == INVALID_HANDLE_VALUE)
        fail_with_last_error();
    return h;
}

int platform_path_info(const char *path, struct platform_file_info *info)
{
    HANDLE h = open_for_info(path, 0);
    if (h == INVALID_HANDLE_VALUE)
        return -1;
    int rc = info_of(h, info);
    CloseHandle(h);
    return rc;
}

bool platform_is_link(const char *path)
{
    wchar_t *w = wide(path);
    if (!w)
        return false;
    DWORD attrs = GetFileAttributesW(w);
    free(w);
    return attrs != INVALID_FILE_ATTRIBUTES && (attrs & FILE_ATTRIBUTE_REPARSE_POINT);
}

bool platform_exists(const char *path)
{
    wchar_t *w = wide(path);
    if (!w)
        return false;
    DWORD attrs = GetFileAttributesW(w);
    free(w);
    return attrs != INVALID_FILE_ATTRIBUTES;
}

int platform_sync(int fd)
{
    return _commit(fd);
}

int platform_sync_filesystem(const char *dir)
{
    (void)dir; /* no call syncs a volume's files without administrator rights */
    errno = ENOSYS;
    return -1;
}

void platform_sync_dir(const char *dir)
{
    (void)dir; /* NTFS journals directory entries; MoveFileEx's write-through covers a rename */
}

/* Replaces the trailing "XXXXXX" of template with random letters; -1 without them. */
static int fill_template(char *template)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    size_t len = strlen(template);
    if (len < 6 || strcmp(template + len - 6, "XXXXXX") != 0) {
        errno = EINVAL;
        return -1;
    }
    static unsigned long long seed;
    if (!seed) {
        LARGE_INTEGER now;
        QueryPerformanceCounter(&now);
        seed = (unsigned long long)now.QuadPart ^ ((unsigned long long)GetCurrentProcessId() << 32);
    }
    for (size_t i = len - 6; i < len; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        template[i] = letters[(seed >> 33) % (sizeof(letters) - 1)];
    }
    return 0;
}

int platform_temp_file(char *template)
{
    size_t len = strlen(template);
    for (int attempt = 0; attempt < 100; attempt++) {
        memset(template + len - 6, 'X', 6);
        if (fill_template(template) != 0)
            return -1;
        int fd = platform_create_new(template);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

int platform_make_public(int fd)
{
    (void)fd; /* a new file takes its folder's permissions */
    return 0;
}

int platform_scratch_file(void)
{
    wchar_t dir[MAX_PATH + 1], name[MAX_PATH + 1];
    if (!GetTempPathW(MAX_PATH + 1, dir) || !GetTempFileNameW(dir, L"sg", 0, name))
        return -1;
    HANDLE h = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                           FILE_ATTRIBUTE_TEMPORARY | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        DeleteFileW(name);
        return -1;
    }
    int fd = _open_osfhandle((intptr_t)h, _O_RDWR | _O_BINARY);
    if (fd < 0)
        CloseHandle(h);
    return fd;
}

char *platform_temp_dir(char *template)
{
    size_t len = strlen(template);
    for (int attempt = 0; attempt < 100; attempt++) {
        memset(template + len - 6, 'X', 6);
        if (fill_template(template) != 0)
            return NULL;
        wchar_t *w = wide(template);
        if (!w)
            return NULL;
        BOOL made = CreateDirectoryW(w, NULL);
        free(w);
        if (made)
            return template;
        if (GetLastError() != ERROR_ALREADY_EXISTS) {
            fail_with_last_error();
            return NULL;
        }
    }
    errno = EEXIST;
    return NULL;
}

int platform_make_dir_public(const char *path)
{
    (void)path;
    return 0;
}

static int move(const char *from, const char *to, DWORD flags)
{
    wchar_t *wf = wide(from), *wt = wf ? wide(to) : NULL;
    int rc = -1;
    if (wf && wt)
        rc = MoveFileExW(wf, wt, flags) ? 0 : fail_with_last_error();
    free(wf);
    free(wt);
    return rc;
}

int platform_replace(const char *from, const char *to)
{
    return move(from, to, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH);
}

int platform_rename_new(const char *from, const char *to)
{
    return move(from, to, MOVEFILE_WRITE_THROUGH);
}

int platform_remove_dir(const char *path)
{
    wchar_t *w = wide(path);
    if (!w)
        return -1;
    int rc = RemoveDirectoryW(w) ? 0 : fail_with_last_error();
    free(w);
    return rc;
}

const char *platform_last_separator(const char *path)
{
    const char *slash = strrchr(path, '/'), *backslash = strrchr(path, '\\');
    return !slash || (backslash && backslash > slash) ? backslash : slash;
}

char *platform_real_path(const char *path)
{
    HANDLE h = open_for_info(path, 0);
    if (h == INVALID_HANDLE_VALUE)
        return NULL;
    wchar_t buf[32768];
    DWORD n = GetFinalPathNameByHandleW(h, buf, 32768, FILE_NAME_NORMALIZED);
    CloseHandle(h);
    if (n == 0 || n >= 32768) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    const wchar_t *p = buf;
    if (wcsncmp(p, L"\\\\?\\", 4) == 0 && wcsncmp(p + 4, L"UNC\\", 4) != 0)
        p += 4; /* \\?\C:\... is C:\... */
    int len = WideCharToMultiByte(CP_UTF8, 0, p, -1, NULL, 0, NULL, NULL);
    if (len <= 0) {
        errno = EINVAL;
        return NULL;
    }
    char *out = xmalloc((size_t)len);
    WideCharToMultiByte(CP_UTF8, 0, p, -1, out, len, NULL, NULL);
    for (char *q = out; *q; q++)
        if (*q == '\\')
            *q = '/'; /* the separator the rest of the program splits paths at */
    return out;
}

bool platform_is_terminal(FILE *f)
{
    DWORD mode;
    HANDLE h = (HANDLE)_get_osfhandle(_fileno(f));
    return h != INVALID_HANDLE_VALUE && GetConsoleMode(h, &mode);
}

long platform_terminal_width(FILE *f)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    HANDLE h = (HANDLE)_get_osfhandle(_fileno(f));
    if (h == INVALID_HANDLE_VALUE || !GetConsoleScreenBufferInfo(h, &info))
        return 0;
    return info.srWindow.Right - info.srWindow.Left + 1;
}

static void (*saved_interrupt)(int);

/*
 * The C library runs a SIGINT handler on Ctrl-C (on a thread of its own); the console
 * read that was waiting then returns end of file, as Ctrl-Z does, and ask stops.
 */
void platform_interrupt_catch(void (*handler)(int))
{
    saved_interrupt = signal(SIGINT, handler);
}

void platform_interrupt_restore(void)
{
    signal(SIGINT, saved_interrupt == SIG_ERR ? SIG_DFL : saved_interrupt);
}

unsigned platform_cpus(void)
{
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    DWORD n = si.dwNumberOfProcessors;
    return n < 1 ? 1 : n > 65536 ? 65536 : (unsigned)n;
}

bool platform_local_time(time_t t, struct tm *tm)
{
    return localtime_s(tm, &t) == 0;
}
