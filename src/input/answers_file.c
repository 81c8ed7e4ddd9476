#include "answers_file.h"

#include <stdlib.h>
#include <string.h>

#include "platform.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"
#include "yamlread.h"

/*
 * The set of file ids is an open-addressing hash table, half full at most: O(1) to look
 * up and add however many files a run names or links. Device and inode numbers are
 * given out by the file system, not chosen by whoever writes the files, so they cannot
 * be picked to collide.
 */
static size_t id_hash(unsigned long long dev, unsigned long long ino)
{
    unsigned long long x = ino ^ (dev * 0x9e3779b97f4a7c15ULL); /* splitmix64's finaliser */
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return (size_t)(x ^ (x >> 31));
}

static struct answers_file_id *ids_slot(const struct answers_file_ids *ids, unsigned long long dev,
                                        unsigned long long ino)
{
    size_t i = id_hash(dev, ino) & (ids->cap - 1);
    while (ids->v[i].path && (ids->v[i].dev != dev || ids->v[i].ino != ino))
        i = (i + 1) & (ids->cap - 1);
    return &ids->v[i];
}

/* The member of ids with id's device and inode, or NULL. */
const struct answers_file_id *answers_ids_find(const struct answers_file_ids *ids,
                                               const struct fileio_id *id)
{
    if (!ids->n)
        return NULL;
    const struct answers_file_id *slot = ids_slot(ids, id->dev, id->ino);
    return slot->path ? slot : NULL;
}

static void ids_grow(struct answers_file_ids *ids)
{
    struct answers_file_ids bigger = {.cap = ids->cap ? 2 * ids->cap : 16, .n = ids->n};
    bigger.v = xcalloc(bigger.cap, sizeof(*bigger.v));
    for (size_t i = 0; i < ids->cap; i++)
        if (ids->v[i].path)
            *ids_slot(&bigger, ids->v[i].dev, ids->v[i].ino) = ids->v[i];
    free(ids->v);
    *ids = bigger;
}

/*
 * Adds path under id to ids and returns NULL, or returns the member already there under
 * the same id.
 */
const struct answers_file_id *answers_ids_add(struct pool *pool, struct answers_file_ids *ids,
                                              const struct fileio_id *id, const char *path)
{
    const struct answers_file_id *found = answers_ids_find(ids, id);
    if (found)
        return found;
    if (2 * (ids->n + 1) > ids->cap)
        ids_grow(ids);
    struct answers_file_id *slot = ids_slot(ids, id->dev, id->ino);
    *slot = (struct answers_file_id){id->dev, id->ino, pool_strdup(pool, path)};
    ids->n++;
    return NULL;
}

int answers_refuse_second_name(struct diags *d, const char *path, const char *first,
                               const char *what)
{
    static const char count_once[] = "each respondent counts once, so name it once";
    if (strcmp(path, first) == 0)
        diag_error(d, path, 0, 0, "this %s is given twice; %s", what, count_once);
    else
        diag_error(d, path, 0, 0, "this %s is also read as '%s'; %s", what, first, count_once);
    return -1;
}

bool answers_is_file_name(const char *name)
{
    size_t len = strlen(name);
    if (name[0] == '.')
        return false;
    return (len > 5 && strcmp(name + len - 5, ".yaml") == 0) ||
           (len > 4 && strcmp(name + len - 4, ".yml") == 0);
}

/* True when path's name ends ".csv", in any case. */
static bool is_csv_name(const char *path)
{
    size_t n = strlen(path);
    if (n < 4 || path[n - 4] != '.')
        return false;
    const char *ext = path + n - 3;
    return (ext[0] | 0x20) == 'c' && (ext[1] | 0x20) == 's' && (ext[2] | 0x20) == 'v';
}

/* A workbook or other zip archive (.xlsx, .docx) given where answers are expected. */
bool answers_refuse_zip(const char *path, const char *buf, size_t len, struct diags *d)
{
    if (len < 4 || memcmp(buf, "PK\x03\x04", 4) != 0)
        return false;
    struct strbuf shown = STRBUF_INIT;
    text_add_safe(&shown, path, true);
    diag_error(d, path, 0, 0,
               "this is a zip archive (an Excel workbook, a Word document), not an answers "
               "file; a survey exported as a workbook becomes answers files with 'stagegap "
               "import --xlsx %s --output DIR', then assess DIR",
               strbuf_str(&shown));
    strbuf_release(&shown);
    return true;
}

/* A survey export given where answers are expected: say how to turn it into answers. */
static bool refuse_survey_export(const char *path, const char *buf, size_t len, struct diags *d)
{
    if (answers_refuse_zip(path, buf, len, d))
        return true;
    if (!is_csv_name(path))
        return false;
    char *format = yaml_format_of(buf, len);
    bool answers = format && strcmp(format, ANSWERS_FORMAT) == 0;
    free(format);
    if (answers)
        return false;
    struct strbuf shown = STRBUF_INIT;
    text_add_safe(&shown, path, true);
    diag_error(d, path, 0, 0,
               "this is a survey export (CSV), not an answers file; turn it into answers "
               "files with 'stagegap import --csv %s --output DIR', then assess DIR",
               strbuf_str(&shown));
    strbuf_release(&shown);
    return true;
}

/*
 * When the link at path leads to an answers file inside a named directory, which is read
 * there anyway, refuses it and returns true.
 */
static bool refuse_link_into_named_dir(const struct answers_file_ids *dirs, const char *path,
                                       struct diags *d)
{
    char *target = fileio_real_path(path);
    if (!target)
        return false; /* reading it will say why */
    char *dir = fileio_dir_of(target);
    const char *base = target + strlen(dir) + (strcmp(dir, "/") != 0);
    struct fileio_id id;
    const struct answers_file_id *named = NULL;
    if (answers_is_file_name(base) && fileio_id_of(dir, &id))
        named = answers_ids_find(dirs, &id);
    if (named) {
        char *first = fileio_path_join(named->path, base);
        answers_refuse_second_name(d, path, first, "file");
        free(first);
    }
    free(dir);
    free(target);
    return named != NULL;
}

static bool is_link(const char *path, enum dirlist_type type)
{
    if (type != DIRLIST_UNKNOWN)
        return type == DIRLIST_LINK;
    return platform_is_link(path);
}

struct answers_file *answers_file_new(char *path, bool in_dir, enum dirlist_type type)
{
    struct answers_file *f = xcalloc(1, sizeof(*f));
    f->path = path;
    f->in_dir = in_dir;
    f->type = type;
    diags_init(&f->read_diags);
    diags_init(&f->check_diags);
    ydoc_init(&f->doc);
    return f;
}

void answers_file_free(struct answers_file *f)
{
    diags_release(&f->read_diags);
    diags_release(&f->check_diags);
    answers_response_free(&f->resp);
    ydoc_release(&f->doc);
    free(f->buf);
    free(f->path);
    free(f);
}

/*
 * A file of a named directory is refused when it is a link into a named directory;
 * whether it was met before under another name is settled in order, later. A named
 * file (or "-") that is a survey export is refused.
 */
void answers_file_read(struct answers_file *f, const struct answers_reader *reader)
{
    if (f->in_dir) {
        f->link = is_link(f->path, f->type);
        if (f->link && refuse_link_into_named_dir(reader->dirs, f->path, &f->read_diags)) {
            f->read_rc = -1;
            return;
        }
        f->read_rc = fileio_read_regular(f->path, ANSWERS_FILE_MAX, &f->buf, &f->len, &f->id,
                                         &f->read_diags);
    } else {
        f->read_rc = fileio_read(f->path, ANSWERS_FILE_MAX, &f->buf, &f->len, &f->read_diags);
        if (f->read_rc == 0 && refuse_survey_export(f->path, f->buf, f->len, &f->read_diags))
            f->read_rc = -1;
    }
    if (f->read_rc == 0)
        f->checked_ok =
            answers_response_check(&f->doc, &f->resp, reader->rules, reader->warn_placeholders,
                                   f->path, f->buf, f->len, reader->strict, &f->check_diags);
}
