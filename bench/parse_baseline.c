/*
 * parse_baseline.c - the floor for "stagegap assess DIR": read the same files in the
 * same order and run libyaml's event parser over each, doing nothing else.
 *
 *   parse_baseline PATH...
 *
 * A PATH is a file or a directory; a directory's *.yaml and *.yml files (not starting
 * with '.') are read in strcmp order of their names, as stagegap reads them. Each file
 * is read whole into memory, then yaml_parser_parse is called until the end of the
 * stream, deleting every event. It prints the number of files and events (so the work
 * cannot be optimised away and a run can be checked) and exits 1 if a file cannot be
 * read or parsed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

static unsigned long long files, events;

static void *must(void *p)
{
    if (!p) {
        fputs("parse_baseline: out of memory\n", stderr);
        exit(4);
    }
    return p;
}

static int parse_buffer(const char *path, const unsigned char *buf, size_t len)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return -1;
    yaml_parser_set_input_string(&parser, buf, len);
    int rc = 0;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "parse_baseline: %s: %s\n", path,
                    parser.problem ? parser.problem : "parse error");
            rc = -1;
            break;
        }
        events++;
        yaml_event_type_t type = event.type;
        yaml_event_delete(&event);
        if (type == YAML_STREAM_END_EVENT)
            break;
    }
    yaml_parser_delete(&parser);
    return rc;
}

static int parse_file(const char *path)
{
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        fprintf(stderr, "parse_baseline: %s: %s\n", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    size_t cap = (size_t)st.st_size, len = 0;
    unsigned char *buf = must(malloc(cap + 1));
    for (;;) {
        if (len == cap)
            buf = must(realloc(buf, (cap = cap * 2 + 4096) + 1));
        ssize_t got = read(fd, buf + len, cap - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            fprintf(stderr, "parse_baseline: %s: %s\n", path, strerror(errno));
            free(buf);
            close(fd);
            return -1;
        }
        if (got == 0)
            break;
        len += (size_t)got;
    }
    close(fd);
    files++;
    int rc = parse_buffer(path, buf, len);
    free(buf);
    return rc;
}

static int is_yaml_name(const char *name)
{
    size_t len = strlen(name);
    if (name[0] == '.')
        return 0;
    return (len > 5 && strcmp(name + len - 5, ".yaml") == 0) ||
           (len > 4 && strcmp(name + len - 4, ".yml") == 0);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int parse_dir(const char *path)
{
    DIR *dir = opendir(path);
    if (!dir) {
        fprintf(stderr, "parse_baseline: %s: %s\n", path, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0, alloc = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (!is_yaml_name(e->d_name))
            continue;
        if (n == alloc)
            names = must(realloc(names, (alloc = alloc * 2 + 64) * sizeof(*names)));
        names[n++] = must(strdup(e->d_name));
    }
    closedir(dir);
    qsort(names, n, sizeof(*names), compare_names);
    int rc = 0;
    size_t plen = strlen(path);
    for (size_t i = 0; i < n; i++) {
        char *full = must(malloc(plen + strlen(names[i]) + 2));
        sprintf(full, "%s/%s", path, names[i]);
        if (parse_file(full) != 0)
            rc = -1;
        free(full);
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    int rc = 0;
    if (argc < 2) {
        fputs("usage: parse_baseline PATH...\n", stderr);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
            rc |= parse_dir(argv[i]) != 0;
        else
            rc |= parse_file(argv[i]) != 0;
    }
    printf("%llu files, %llu events\n", files, events);
    return rc;
}
