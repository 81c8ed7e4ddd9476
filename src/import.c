#include "import.h"

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answers.h"
#include "diag.h"
#include "escape.h"
#include "exact.h"
#include "fileio.h"
#include "rules.h"
#include "schema.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"
#include "yamlread.h"

/* libcsv is fed this much at a time, so a fatal problem stops the work early. */
enum { FEED_CHUNK = 64 * 1024, SLUG_MAX = 64, QUOTE_MAX = 60 };

enum column_kind {
    COL_EMPTY,   /* no header text: ignored */
    COL_UNKNOWN, /* reported once, at the header */
    COL_IGNORED, /* survey metadata, or mapped to "ignore" */
    COL_ITEM,
    COL_RESPONDENT,
    COL_ID,
    COL_ROLE,
    COL_GROUP, /* a respondent's team, locality or other grouping */
    COL_ORGANISATION,
    COL_DATE,
    COL_COMMENT, /* free text kept as the respondent's comments */
};

/* Date columns, most trusted first: ours, then Microsoft Forms', then Google Forms'. */
enum { DATE_RANKS = 3 };

struct column {
    enum column_kind kind;
    size_t item;       /* COL_ITEM */
    int rank;          /* COL_DATE */
    const char *field; /* COL_GROUP: the groups field, a table's or the map's */
    char *header;      /* trimmed header text */
    /* COL_COMMENT: taken as one because it is near no question (not mapped), and how
       many of its cells read as text or as answers, to settle it once every row is in. */
    bool guessed;
    size_t n_text, n_answers;
};

/* Columns a survey tool writes or a person would name, recognised by name. */
static const struct {
    const char *name; /* as normalise() leaves it */
    enum column_kind kind;
    int rank;
} known_columns[] = {
    {"respondent", COL_RESPONDENT, 0},
    {"id", COL_ID, 0}, /* Microsoft Forms' row number */
    {"role", COL_ROLE, 0},
    {"your role", COL_ROLE, 0},
    {"what is your role", COL_ROLE, 0},
    {"organisation", COL_ORGANISATION, 0},
    {"organization", COL_ORGANISATION, 0},
    {"date", COL_DATE, 0},
    {"completion time", COL_DATE, 1},
    {"timestamp", COL_DATE, 2},
    {"start time", COL_IGNORED, 0},
    {"last modified time", COL_IGNORED, 0},
    {"email", COL_IGNORED, 0},
    {"email address", COL_IGNORED, 0},
    {"name", COL_IGNORED, 0},
};

/* Columns that say which group a respondent is in, and the groups field each gives. */
static const struct {
    const char *name; /* as normalise() leaves it */
    const char *field;
} group_columns[] = {
    {"team", "team"},
    {"your team", "team"},
    {"which team are you in", "team"},
    {"which team do you work in", "team"},
    {"what team are you in", "team"},
    {"locality", "locality"},
    {"your locality", "locality"},
    {"which locality are you in", "locality"},
    {"which locality do you work in", "locality"},
    {"service area", "service-area"},
    {"your service area", "service-area"},
    {"which service area are you in", "service-area"},
    {"which service area do you work in", "service-area"},
    {"area", "service-area"},
};

/* What a --map entry may point a column at, besides an item id. */
static const struct {
    const char *name;
    enum column_kind kind;
} map_targets[] = {
    {"ignore", COL_IGNORED}, {"respondent", COL_RESPONDENT},
    {"role", COL_ROLE},      {"organisation", COL_ORGANISATION},
    {"date", COL_DATE},      {"comments", COL_COMMENT},
};

struct map_entry {
    char *header; /* normalised */
    enum column_kind kind;
    size_t item;
    char *field; /* COL_GROUP: "years-in-post" of "group:years-in-post" */
    const struct ynode *key;
    bool used;
};

enum date_form { DATE_YMD, DATE_PAIR, DATE_DMY };

/* A respondent's date as written, read once every row has been seen. */
struct pending_date {
    size_t row, column;
    enum date_form form;
    int y, a, b; /* DATE_PAIR: a/b/y, either order */
    char shown[24];
    long file;      /* index into the result, or -1 */
    size_t date_at; /* offset of the placeholder in that file */
};

/* Generated file names, for collisions: open addressing on the name. */
struct name_slot {
    char *name;  /* owned; NULL for an empty slot */
    size_t next; /* the suffix to try next when another respondent wants this name */
};

struct nameset {
    struct name_slot *slots;
    size_t cap, n;
};

/* One CSV record as libcsv hands it over: cells NUL-terminated in one buffer. */
struct record {
    struct strbuf bytes;
    struct cell {
        size_t off, len;
    } * cells;
    size_t n, stored, alloc; /* cells seen; cells kept */
};

struct importer {
    const struct rules *r;
    const struct import_options *o;
    struct diags *d;
    struct import_result *res;
    const char *file, *base;
    size_t errors_before;
    bool stop; /* a problem after which nothing more is read */

    char **questions, **lows, **highs; /* per item, normalised; NULL when absent */

    struct map_entry *map;
    size_t n_map;
    const char *map_file;
    const struct import_source *map_src;

    bool have_header;
    size_t header_row;
    struct column *cols;
    size_t n_cols;
    long *item_col; /* per item: the column answering it, or -1 */
    long respondent_col, id_col, role_col, org_col, date_col;
    long date_cols[DATE_RANKS];
    size_t n_groups; /* COL_GROUP columns */

    size_t respondents;
    char *organisation; /* from the column: the first row's */
    size_t organisation_row;
    struct pending_date *dates;
    size_t n_dates, dates_alloc;
    bool dates_reported;
    struct nameset names;
    size_t output_bytes;

    enum answer_state *state; /* per item, for the row being read */
    double *value;

    /* libcsv state */
    struct record rec;
    size_t row; /* spreadsheet row of the record being read */
    int last_term;
};

/* ---- small text helpers ---- */

static bool is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Bytes of whitespace at u: ASCII space or a no-break space. */
static size_t space_len(const unsigned char *u)
{
    if (is_ascii_space(u[0]))
        return 1;
    if (u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    return 0;
}

/* Trims s in place (it must be writable) and returns where it now starts. */
static char *trim(char *s)
{
    unsigned char *u = (unsigned char *)s;
    size_t skip;
    while ((skip = space_len(u)) != 0)
        u += skip;
    size_t len = strlen((char *)u);
    while (len) {
        if (is_ascii_space(u[len - 1]))
            len--;
        else if (len >= 2 && u[len - 2] == 0xC2 && u[len - 1] == 0xA0)
            len -= 2;
        else
            break;
    }
    u[len] = '\0';
    return (char *)u;
}

/*
 * How headers, questions and answer words are compared: ASCII case folded, runs of
 * whitespace as one space, curly apostrophes straight, and no surrounding whitespace or
 * trailing '?' and '.'. Survey tools keep a question's words but not always its
 * punctuation or spacing.
 */
static char *normalise(const char *s)
{
    struct strbuf sb = STRBUF_INIT;
    const unsigned char *u = (const unsigned char *)s;
    bool space = false;
    while (*u) {
        size_t skip = space_len(u);
        if (skip) {
            space = true;
            u += skip;
            continue;
        }
        if (space && sb.len)
            strbuf_addc(&sb, ' ');
        space = false;
        if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x98 || u[2] == 0x99)) {
            strbuf_addc(&sb, '\'');
            u += 3;
            continue;
        }
        strbuf_addc(&sb, (char)(*u >= 'A' && *u <= 'Z' ? *u + ('a' - 'A') : *u));
        u++;
    }
    while (sb.len &&
           (sb.buf[sb.len - 1] == '?' || sb.buf[sb.len - 1] == '.' || sb.buf[sb.len - 1] == ' '))
        sb.buf[--sb.len] = '\0';
    return strbuf_detach(&sb, NULL);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/*
 * Appends s as a double-quoted YAML scalar that reads back as exactly s: '"' and '\'
 * escaped, and every character libyaml would refuse or fold (C0 and C1 controls, DEL,
 * line and paragraph separators, byte-order marks, U+FFFE/U+FFFF) as an escape, so no
 * cell can end the string, start a key or break a line.
 */
static void yaml_quote(struct strbuf *sb, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s);
    strbuf_addc(sb, '"');
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        if (c == '"' || c == '\\') {
            strbuf_addc(sb, '\\');
            strbuf_addc(sb, (char)c);
            i++;
            continue;
        }
        if (c < 0x20 || c == 0x7F) {
            strbuf_addf(sb, "\\x%02X", c);
            i++;
            continue;
        }
        size_t len = utf8_seq_len(u + i, n - i);
        if (len == 0) {
            strbuf_adds(sb, "\\uFFFD");
            i++;
            continue;
        }
        if (len == 2 && c == 0xC2 && u[i + 1] < 0xA0)
            strbuf_addf(sb, "\\u%04X", u[i + 1]);
        else if (len == 3 && c == 0xE2 && u[i + 1] == 0x80 &&
                 (u[i + 2] == 0xA8 || u[i + 2] == 0xA9))
            strbuf_addf(sb, "\\u%04X", 0x2000u + (u[i + 2] & 0x3Fu));
        else if (len == 3 && c == 0xEF && u[i + 1] == 0xBB && u[i + 2] == 0xBF)
            strbuf_adds(sb, "\\uFEFF");
        else if (len == 3 && c == 0xEF && u[i + 1] == 0xBF && u[i + 2] >= 0xBE)
            strbuf_addf(sb, "\\u%04X", 0xFFC0u + (u[i + 2] & 0x3Fu));
        else
            strbuf_add(sb, u + i, len);
        i += len;
    }
    strbuf_addc(sb, '"');
}

/* The last component of a path, for the comment atop each generated file. */
static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

/* ---- the model's questions and scale words ---- */

static void model_prepare(struct importer *im)
{
    const struct rules *r = im->r;
    size_t n = r->n_items ? r->n_items : 1;
    im->questions = xcalloc(n, sizeof(*im->questions));
    im->lows = xcalloc(n, sizeof(*im->lows));
    im->highs = xcalloc(n, sizeof(*im->highs));
    im->item_col = xcalloc(n, sizeof(*im->item_col));
    im->state = xcalloc(n, sizeof(*im->state));
    im->value = xcalloc(n, sizeof(*im->value));
    for (size_t i = 0; i < r->n_items; i++) {
        const struct rules_item *it = &r->items[i];
        im->item_col[i] = -1;
        if (!it->question)
            continue;
        im->questions[i] = normalise(it->question);
        const char *low = it->low ? it->low : r->scale_low;
        const char *high = it->high ? it->high : r->scale_high;
        im->lows[i] = low ? normalise(low) : NULL;
        im->highs[i] = high ? normalise(high) : NULL;
    }
}

/* The answerable item whose id is id, or -1. */
static long answerable_item(const struct rules *r, const char *id)
{
    long i = rules_find_item(r, id);
    return i >= 0 && r->items[i].question ? i : -1;
}

/* Item ids for "did you mean", answerable ones only. */
static const char **answerable_ids(const struct rules *r, size_t *n)
{
    const char **ids = xcalloc(r->n_items + 1, sizeof(*ids));
    *n = 0;
    for (size_t i = 0; i < r->n_items; i++)
        if (r->items[i].question)
            ids[(*n)++] = r->items[i].id;
    return ids;
}

/* ---- the mapping file ---- */

/* "group:FIELD": the column gives the respondent's groups field FIELD. */
static void map_entry_group(const struct yctx *c, struct map_entry *m, const struct ynode *value,
                            const char *field)
{
    if (strcmp(field, "role") == 0) {
        yerror(c, value,
               "'role' is given as respondent.role, not in groups; map the column "
               "to 'role'");
    } else if (strcmp(field, "id") == 0) {
        yerror(c, value,
               "'id' is given as respondent.id, not in groups; map the column to "
               "'respondent'");
    } else if (!yid_valid(field)) {
        struct strbuf shown = STRBUF_INIT;
        text_add_quoted(&shown, field, QUOTE_MAX);
        yerror(c, value,
               "group field %s is not a field name: use lowercase letters, digits, '-', '.' "
               "and '_', starting with a letter or digit, at most 128 characters, as in "
               "group:years-in-post",
               strbuf_str(&shown));
        strbuf_release(&shown);
    } else {
        m->kind = COL_GROUP;
        m->field = xstrdup(field);
    }
}

static void map_entry_target(struct importer *im, const struct yctx *c, struct map_entry *m,
                             const struct ynode *value)
{
    const char *target = ytext(c, value, "a column's target");
    if (!target)
        return;
    if (strncmp(target, "group:", 6) == 0) {
        map_entry_group(c, m, value, target + 6);
        return;
    }
    for (size_t k = 0; k < sizeof(map_targets) / sizeof(map_targets[0]); k++) {
        if (strcmp(target, map_targets[k].name) == 0) {
            m->kind = map_targets[k].kind;
            return;
        }
    }
    long item = rules_find_item(im->r, target);
    if (item >= 0 && im->r->items[item].question) {
        m->kind = COL_ITEM;
        m->item = (size_t)item;
        return;
    }
    struct strbuf msg = STRBUF_INIT;
    if (item >= 0) {
        strbuf_addf(&msg, "item '%s' is context only and takes no answer", target);
    } else {
        size_t n;
        const char **ids = answerable_ids(im->r, &n);
        const char *near = text_did_you_mean(target, ids, n);
        strbuf_adds(&msg, "unknown item ");
        text_add_quoted(&msg, target, QUOTE_MAX);
        strbuf_addf(&msg, " in model '%s'", im->r->id);
        if (near)
            strbuf_addf(&msg, "; did you mean '%s'?", near);
        else
            strbuf_adds(&msg, "; a column maps to an item id, or to ignore, respondent, role, "
                              "group:FIELD (such as group:team), organisation, date or "
                              "comments");
        free(ids);
    }
    yerror(c, value, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
}

static void map_load_columns(struct importer *im, const struct yctx *c, const struct ynode *cols)
{
    im->map = xcalloc(cols->n / 2 + 1, sizeof(*im->map));
    for (size_t i = 0; i + 1 < cols->n; i += 2) {
        const struct ynode *key = cols->kids[i], *value = cols->kids[i + 1];
        const char *header = ytext(c, key, "a column's header");
        if (!header)
            continue;
        struct map_entry *m = &im->map[im->n_map];
        m->header = normalise(header);
        m->key = key;
        m->kind = COL_UNKNOWN;
        for (size_t k = 0; k < im->n_map; k++) {
            if (strcmp(im->map[k].header, m->header) == 0) {
                struct strbuf shown = STRBUF_INIT;
                text_add_quoted(&shown, header, QUOTE_MAX);
                yerror(c, key, "column %s is mapped twice; the first is at line %u",
                       strbuf_str(&shown), im->map[k].key->line);
                strbuf_release(&shown);
                break;
            }
        }
        im->n_map++;
        map_entry_target(im, c, m, value);
    }
}

static int map_load(struct importer *im, const struct import_source *src, struct ydoc *doc)
{
    static const char *const keys[] = {"!format", "!columns", NULL};
    struct yctx c = {src->name, im->d};
    size_t errors_before = im->d->errors;
    yaml_read(doc, src->name, src->buf, src->len, &ylimits_default, im->d);
    if (doc->broken) {
        /* reported */
    } else if (!doc->root) {
        yerror(&c, NULL, "empty file; a mapping file starts with 'format: %s'", IMPORT_MAP_FORMAT);
    } else if (yexpect_map(&c, doc->root, "a mapping file")) {
        const struct ynode *format = ymap_get(doc->root, "format");
        if (format && !ynode_is(format, IMPORT_MAP_FORMAT)) {
            yerror(&c, format, "format must be '%s'", IMPORT_MAP_FORMAT);
        } else {
            ymap_check_keys(&c, doc->root, "the mapping file", keys);
            const struct ynode *cols = ymap_get(doc->root, "columns");
            if (cols && yexpect_map(&c, cols, "columns"))
                map_load_columns(im, &c, cols);
        }
    }
    diags_set_source(im->d, NULL, 0);
    im->map_file = src->name;
    im->map_src = src;
    return im->d->errors > errors_before ? -1 : 0;
}

static struct map_entry *map_find(struct importer *im, const char *header)
{
    for (size_t i = 0; i < im->n_map; i++)
        if (strcmp(im->map[i].header, header) == 0)
            return &im->map[i];
    return NULL;
}

/* ---- the header row ---- */

static void cell_error(struct importer *im, size_t row, size_t column, const char *msg)
{
    diag_error(im->d, im->file, (unsigned)row, (unsigned)column, "%s", msg);
}

/* A problem that makes the rest of the file unreadable: say where, and stop. */
static void fatal_at(struct importer *im, size_t column, const char *msg)
{
    cell_error(im, im->row, column, msg);
    im->stop = true;
}

static void header_quoted(struct strbuf *msg, const struct column *col)
{
    strbuf_adds(msg, "column ");
    text_add_quoted(msg, col->header, QUOTE_MAX);
}

/* The item whose id or question norm is close to, or NULL; *which is its id or question. */
static const struct rules_item *near_item(const struct importer *im, const char *norm,
                                          const char **which)
{
    const struct rules *r = im->r;
    const char **names = xcalloc(2 * r->n_items + 1, sizeof(*names));
    size_t *items = xcalloc(2 * r->n_items + 1, sizeof(*items));
    size_t n = 0;
    for (size_t i = 0; i < r->n_items; i++) {
        if (!im->questions[i])
            continue;
        names[n] = r->items[i].id;
        items[n++] = i;
        names[n] = im->questions[i];
        items[n++] = i;
    }
    const char *near = text_did_you_mean(norm, names, n);
    const struct rules_item *it = NULL;
    if (near) {
        size_t k = 0;
        while (names[k] != near)
            k++;
        it = &r->items[items[k]];
    }
    *which = near;
    free(names);
    free(items);
    return it;
}

static void report_unknown_column(struct importer *im, size_t c, const char *norm)
{
    const struct rules *r = im->r;
    struct strbuf msg = STRBUF_INIT;
    const char *near;
    const struct rules_item *it = near_item(im, norm, &near);
    if (it && near != it->id) {
        /* Both cut the same way around where they differ, so they never look alike. */
        struct strbuf header = STRBUF_INIT, question = STRBUF_INIT;
        text_add_quoted_pair(&header, im->cols[c].header, &question, it->question, QUOTE_MAX);
        strbuf_addf(&msg, "unknown column %s; did you mean %s (%s)?", strbuf_str(&header),
                    strbuf_str(&question), it->id);
        strbuf_release(&question);
        strbuf_release(&header);
    } else if (it) {
        strbuf_adds(&msg, "unknown ");
        header_quoted(&msg, &im->cols[c]);
        strbuf_addf(&msg, "; did you mean '%s'?", it->id);
    } else {
        strbuf_adds(&msg, "unknown ");
        header_quoted(&msg, &im->cols[c]);
        strbuf_addf(&msg,
                    ": it is not an item id, a question of model '%s' or a survey "
                    "tool's own column; map it with --map, to an item id or to 'ignore'",
                    r->id);
    }
    cell_error(im, im->header_row, c + 1, strbuf_str(&msg));
    strbuf_release(&msg);
}

/* A second column for something only one column may give. */
static void report_second(struct importer *im, size_t c, long first, const char *what)
{
    struct strbuf msg = STRBUF_INIT;
    header_quoted(&msg, &im->cols[c]);
    strbuf_addf(&msg, " %s, as column %ld %s; map one of them to 'ignore' with --map", what,
                first + 1, strncmp(what, "is ", 3) == 0 ? "is" : "does");
    cell_error(im, im->row, c + 1, strbuf_str(&msg));
    strbuf_release(&msg);
}

static void claim(struct importer *im, size_t c, long *slot, const char *what)
{
    if (*slot >= 0) {
        report_second(im, c, *slot, what);
        im->cols[c].kind = COL_IGNORED;
    } else {
        *slot = (long)c;
    }
}

/* One column per groups field, and no more fields than a respondent may give. */
static void claim_group(struct importer *im, size_t c)
{
    struct column *col = &im->cols[c];
    for (size_t k = 0; k < c; k++) {
        if (im->cols[k].kind == COL_GROUP && strcmp(im->cols[k].field, col->field) == 0) {
            struct strbuf what = STRBUF_INIT;
            strbuf_addf(&what, "gives group '%s'", col->field);
            report_second(im, c, (long)k, strbuf_str(&what));
            strbuf_release(&what);
            col->kind = COL_IGNORED;
            return;
        }
    }
    if (im->n_groups == ANSWERS_GROUP_FIELDS_MAX) {
        struct strbuf msg = STRBUF_INIT;
        header_quoted(&msg, col);
        strbuf_addf(&msg,
                    " would be group column %d, and a respondent gives at most %d groups; "
                    "map the columns not needed to 'ignore' with --map",
                    ANSWERS_GROUP_FIELDS_MAX + 1, ANSWERS_GROUP_FIELDS_MAX);
        cell_error(im, im->row, c + 1, strbuf_str(&msg));
        strbuf_release(&msg);
        col->kind = COL_IGNORED;
        return;
    }
    im->n_groups++;
}

static void assign(struct importer *im, size_t c, enum column_kind kind, size_t item, int rank)
{
    struct column *col = &im->cols[c];
    col->kind = kind;
    col->item = item;
    col->rank = rank;
    switch (kind) {
    case COL_ITEM: {
        struct strbuf what = STRBUF_INIT;
        strbuf_addf(&what, "answers '%s'", im->r->items[item].id);
        claim(im, c, &im->item_col[item], strbuf_str(&what));
        strbuf_release(&what);
        if (col->kind == COL_ITEM)
            im->res->questions++;
        break;
    }
    case COL_RESPONDENT:
        claim(im, c, &im->respondent_col, "is a respondent column");
        break;
    case COL_ID:
        claim(im, c, &im->id_col, "is an id column");
        break;
    case COL_ROLE:
        claim(im, c, &im->role_col, "is a role column");
        break;
    case COL_GROUP:
        claim_group(im, c);
        break;
    case COL_ORGANISATION:
        claim(im, c, &im->org_col, "is an organisation column");
        break;
    case COL_DATE:
        claim(im, c, &im->date_cols[rank], "is a date column");
        break;
    default:
        break;
    }
}

/* The answerable item whose question reads as norm; reports a tie. */
static long question_item(struct importer *im, size_t c, const char *norm)
{
    long found = -1;
    for (size_t i = 0; i < im->r->n_items; i++) {
        if (!im->questions[i] || strcmp(im->questions[i], norm) != 0)
            continue;
        if (found < 0) {
            found = (long)i;
            continue;
        }
        struct strbuf msg = STRBUF_INIT;
        header_quoted(&msg, &im->cols[c]);
        strbuf_addf(&msg, " is the question of both '%s' and '%s'; map it with --map",
                    im->r->items[found].id, im->r->items[i].id);
        cell_error(im, im->row, c + 1, strbuf_str(&msg));
        strbuf_release(&msg);
        im->cols[c].kind = COL_IGNORED;
        return -2;
    }
    return found;
}

static void header_column(struct importer *im, size_t c, char *text)
{
    struct column *col = &im->cols[c];
    char *trimmed = trim(text);
    if (!*trimmed) {
        col->kind = COL_EMPTY;
        return;
    }
    col->header = xstrdup(trimmed);
    char *norm = normalise(trimmed);
    struct map_entry *m = map_find(im, norm);
    long item;
    if (m) {
        m->used = true;
        col->field = m->field;
        if (m->kind != COL_UNKNOWN)
            assign(im, c, m->kind, m->item, 0);
        else
            col->kind = COL_IGNORED; /* the map's own error says why */
    } else if ((item = answerable_item(im->r, trimmed)) >= 0 ||
               (item = answerable_item(im->r, norm)) >= 0) {
        assign(im, c, COL_ITEM, (size_t)item, 0);
    } else if ((item = rules_find_item(im->r, trimmed)) >= 0) {
        struct strbuf msg = STRBUF_INIT;
        header_quoted(&msg, col);
        strbuf_addf(&msg,
                    " names item '%s', which is context only and takes no answer; map "
                    "it to 'ignore' with --map",
                    im->r->items[item].id);
        cell_error(im, im->row, c + 1, strbuf_str(&msg));
        strbuf_release(&msg);
        col->kind = COL_IGNORED;
    } else {
        size_t k = 0, n = sizeof(known_columns) / sizeof(known_columns[0]);
        size_t g = 0, n_g = sizeof(group_columns) / sizeof(group_columns[0]);
        while (k < n && strcmp(known_columns[k].name, norm) != 0)
            k++;
        while (g < n_g && strcmp(group_columns[g].name, norm) != 0)
            g++;
        if (k < n) {
            assign(im, c, known_columns[k].kind, 0, known_columns[k].rank);
        } else if (g < n_g) {
            col->field = group_columns[g].field;
            assign(im, c, COL_GROUP, 0, 0);
        } else if ((item = question_item(im, c, norm)) >= 0) {
            assign(im, c, COL_ITEM, (size_t)item, 0);
        } else if (item == -1) {
            /* Near no question: free text such as "Anything else?", kept as comments
               unless its cells turn out to be answers (settle_comment_columns). */
            const char *near;
            if (near_item(im, norm, &near)) {
                col->kind = COL_UNKNOWN;
                report_unknown_column(im, c, norm);
            } else {
                col->kind = COL_COMMENT;
                col->guessed = true;
            }
        }
    }
    free(norm);
}

static void warn_unused_map(struct importer *im)
{
    if (!im->map_src)
        return;
    diags_set_source(im->d, im->map_src->buf, im->map_src->len);
    for (size_t i = 0; i < im->n_map; i++) {
        if (im->map[i].used)
            continue;
        struct strbuf msg = STRBUF_INIT;
        strbuf_adds(&msg, "no column of ");
        text_add_quoted(&msg, im->file, 200);
        strbuf_adds(&msg, " is headed ");
        text_add_quoted(&msg, im->map[i].key->str, QUOTE_MAX);
        diag_add(im->d, DIAG_WARNING, im->map_file, im->map[i].key->line, im->map[i].key->column,
                 "%s", strbuf_str(&msg));
        strbuf_release(&msg);
    }
    diags_set_source(im->d, NULL, 0);
}

/* After the header: where each respondent's id, organisation and date come from. */
static void header_sources(struct importer *im)
{
    const struct rules *r = im->r;
    im->id_col = im->respondent_col >= 0 ? im->respondent_col : im->id_col;
    for (int k = 0; k < DATE_RANKS && im->date_col < 0; k++)
        im->date_col = im->date_cols[k];
    if (im->o->organisation)
        im->org_col = -1;
    if (im->o->date)
        im->date_col = -1;
    if (!im->o->organisation && im->org_col < 0)
        diag_error(im->d, im->file, 0, 0,
                   "no organisation: give it with --organisation NAME "
                   "(the export has no 'organisation' column)");
    if (!im->o->date && im->date_col < 0)
        diag_error(im->d, im->file, 0, 0,
                   "no date: give the assessment date with --date "
                   "YYYY-MM-DD (the export has no 'Completion time', "
                   "'Timestamp' or 'date' column)");
    size_t answerable = rules_answerable(r);
    if (im->res->questions == 0) {
        diag_error(im->d, im->file, (unsigned)im->row, 1,
                   "no column answers a question of model '%s'; is this "
                   "the right export, or does it need --map?",
                   r->id);
        return;
    }
    im->res->unmatched = answerable - im->res->questions;
}

static void process_header(struct importer *im)
{
    struct record *rec = &im->rec;
    if (rec->n > IMPORT_COLUMNS_MAX) {
        diag_error(im->d, im->file, (unsigned)im->row, IMPORT_COLUMNS_MAX + 1,
                   "more than %d columns", IMPORT_COLUMNS_MAX);
        im->stop = true;
        return;
    }
    if (rec->n == 1 && strpbrk(rec->bytes.buf, ";\t")) {
        fatal_at(im, 1,
                 "the header row is one column with ';' or tabs in it; save the export "
                 "as 'CSV UTF-8 (Comma delimited)'");
        return;
    }
    im->have_header = true;
    im->header_row = im->row;
    im->n_cols = rec->n;
    im->cols = xcalloc(rec->n, sizeof(*im->cols));
    for (size_t c = 0; c < rec->n; c++)
        header_column(im, c, rec->bytes.buf + rec->cells[c].off);
    warn_unused_map(im);
    header_sources(im);
}

/* ---- reading answers and dates ---- */

/*
 * A number at the start of s: [+-]digits[.digits], then the end, or a space, ':' or ')'
 * and any words ("7 - mostly", "3: sometimes").
 */
static bool leading_number(const char *s, double *out)
{
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    if (!is_digit(*p))
        return false;
    while (is_digit(*p))
        p++;
    if (*p == '.') {
        p++;
        if (!is_digit(*p))
            return false;
        while (is_digit(*p))
            p++;
    }
    if (*p && *p != ':' && *p != ')' && !is_ascii_space((unsigned char)*p) &&
        !((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0))
        return false;
    size_t len = (size_t)(p - s);
    if (len > 40)
        return false;
    char num[48];
    memcpy(num, s, len);
    num[len] = '\0';
    *out = strtod(num, NULL);
    return true;
}

static bool is_one_of(const char *norm, const char *const *words)
{
    for (size_t i = 0; words[i]; i++)
        if (strcmp(norm, words[i]) == 0)
            return true;
    return false;
}

static const char *const na_words[] = {"n/a", "na", "not applicable", NULL};
static const char *const unknown_words[] = {"unknown", "don't know", "dont know", "do not know",
                                            NULL};

/* True when a cell reads as an answer on a scale rather than as free text. */
static bool looks_like_answer(const char *cell)
{
    double v;
    if (leading_number(cell, &v))
        return true;
    char *norm = normalise(cell);
    bool yes = is_one_of(norm, na_words) || is_one_of(norm, unknown_words);
    free(norm);
    return yes;
}

static void read_answer(struct importer *im, size_t item, const char *cell, size_t row,
                        size_t column)
{
    const struct rules *r = im->r;
    double v;
    if (!*cell) {
        im->state[item] = ANSWER_NONE;
        return;
    }
    if (leading_number(cell, &v)) {
        double scaled = v * EXACT_SCALE;
        if (fabs(scaled - round(scaled)) > 1e-6 * fmax(1.0, fabs(scaled))) {
            /* The answers file written would be refused: say so here, at the cell. */
            struct strbuf msg = STRBUF_INIT;
            strbuf_addf(&msg, "the answer to '%s' has more than %d decimal places, not ",
                        r->items[item].id, EXACT_PLACES);
            text_add_quoted(&msg, cell, 40);
            strbuf_addf(&msg, "; answers are held exactly to %d places, so round it", EXACT_PLACES);
            cell_error(im, row, column, strbuf_str(&msg));
            strbuf_release(&msg);
            return;
        }
        if (v >= (double)r->scale_min && v <= (double)r->scale_max) {
            im->state[item] = ANSWER_SCORE;
            im->value[item] = v == 0 ? 0 : v; /* never -0 */
            return;
        }
        struct strbuf what = STRBUF_INIT, shown = STRBUF_INIT, msg = STRBUF_INIT;
        strbuf_addf(&what, "the answer to '%s'", r->items[item].id);
        text_add_quoted(&shown, cell, 40);
        answers_msg_off_scale(&msg, r, strbuf_str(&what), strbuf_str(&shown));
        cell_error(im, row, column, strbuf_str(&msg));
        strbuf_release(&msg);
        strbuf_release(&shown);
        strbuf_release(&what);
        return;
    }
    char *norm = normalise(cell);
    if (is_one_of(norm, na_words)) {
        im->state[item] = ANSWER_NA;
    } else if (is_one_of(norm, unknown_words)) {
        im->state[item] = ANSWER_UNKNOWN;
    } else if (im->lows[item] && strcmp(norm, im->lows[item]) == 0) {
        im->state[item] = ANSWER_SCORE;
        im->value[item] = (double)r->scale_min;
    } else if (im->highs[item] && strcmp(norm, im->highs[item]) == 0) {
        im->state[item] = ANSWER_SCORE;
        im->value[item] = (double)r->scale_max;
    } else {
        struct strbuf what = STRBUF_INIT, shown = STRBUF_INIT, msg = STRBUF_INIT;
        strbuf_addf(&what, "the answer to '%s'", r->items[item].id);
        text_add_quoted(&shown, cell, 40);
        answers_msg_not_answer(&msg, r, strbuf_str(&what), strbuf_str(&shown));
        cell_error(im, row, column, strbuf_str(&msg));
        strbuf_release(&msg);
        strbuf_release(&shown);
        strbuf_release(&what);
    }
    free(norm);
}

/* Reads up to max digits at *p into *v; returns how many. */
static size_t read_digits(const char **p, int *v)
{
    size_t n = 0;
    *v = 0;
    while (is_digit(**p) && n < 5) {
        *v = *v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    return n;
}

/*
 * The date part of a timestamp: "2026-09-30 14:03:00", "2026/09/30 2:03:00 PM GMT+1",
 * "9/30/2026 14:03:00" (day or month first: settled over the whole column),
 * "30.09.2026". Whatever follows a space, 'T' or ',' is the time and is not read.
 */
static bool parse_date(const char *s, struct pending_date *pd)
{
    const char *p = s;
    int v[3];
    size_t w[3];
    char sep = 0;
    for (int k = 0; k < 3; k++) {
        w[k] = read_digits(&p, &v[k]);
        if (w[k] == 0)
            return false;
        if (k == 2)
            break;
        if (*p != '-' && *p != '/' && *p != '.')
            return false;
        if (sep && *p != sep)
            return false;
        sep = *p++;
    }
    if (*p && *p != ' ' && *p != 'T' && *p != ',')
        return false;
    if (w[0] == 4 && w[1] <= 2 && w[2] <= 2) {
        pd->form = DATE_YMD;
        pd->y = v[0], pd->a = v[1], pd->b = v[2];
    } else if (w[0] <= 2 && w[1] <= 2 && w[2] == 4) {
        pd->form = sep == '.' ? DATE_DMY : DATE_PAIR;
        pd->y = v[2], pd->a = v[0], pd->b = v[1];
    } else {
        return false;
    }
    size_t len = (size_t)(p - s);
    memcpy(pd->shown, s, len);
    pd->shown[len] = '\0';
    return true;
}

/* Records the row's date to check once every row is in; false (diagnosed) if unreadable. */
static bool read_date(struct importer *im, const char *cell, size_t row, size_t column, long file)
{
    struct pending_date pd = {.row = row, .column = column, .file = file};
    if (!parse_date(cell, &pd)) {
        struct strbuf msg = STRBUF_INIT;
        if (*cell) {
            strbuf_adds(&msg, "cannot read the date ");
            text_add_quoted(&msg, cell, 40);
        } else {
            strbuf_adds(&msg, "no date");
        }
        strbuf_adds(&msg, " in ");
        header_quoted(&msg, &im->cols[column - 1]);
        strbuf_adds(&msg, "; give the assessment date with --date YYYY-MM-DD");
        cell_error(im, row, column, strbuf_str(&msg));
        strbuf_release(&msg);
        return false;
    }
    XGROW(im->dates, im->n_dates + 1, im->dates_alloc);
    im->dates[im->n_dates++] = pd;
    return true;
}

/* ---- one respondent's answers file ---- */

static uint64_t hash_name(const char *s)
{
    uint64_t h = UINT64_C(1469598103934665603);
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
    return h;
}

/* The slot holding name, or the empty one where it would go. */
static struct name_slot *nameset_slot(const struct nameset *set, const char *name)
{
    size_t i = (size_t)(hash_name(name) & (set->cap - 1));
    while (set->slots[i].name && strcmp(set->slots[i].name, name) != 0)
        i = (i + 1) & (set->cap - 1);
    return &set->slots[i];
}

static struct name_slot *nameset_find(const struct nameset *set, const char *name)
{
    if (!set->cap)
        return NULL;
    struct name_slot *slot = nameset_slot(set, name);
    return slot->name ? slot : NULL;
}

static void nameset_add(struct nameset *set, const char *name)
{
    if (2 * (set->n + 1) > set->cap) {
        struct nameset bigger = {NULL, set->cap ? 2 * set->cap : 64, set->n};
        bigger.slots = xcalloc(bigger.cap, sizeof(*bigger.slots));
        for (size_t i = 0; i < set->cap; i++)
            if (set->slots[i].name)
                *nameset_slot(&bigger, set->slots[i].name) = set->slots[i];
        free(set->slots);
        *set = bigger;
    }
    struct name_slot *slot = nameset_slot(set, name);
    slot->name = xstrdup(name);
    slot->next = 2;
    set->n++;
}

static void nameset_release(struct nameset *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->slots[i].name);
    free(set->slots);
}

/* Lowercase letters, digits and single '-', at most SLUG_MAX bytes; "" when none. */
static void slug_of(struct strbuf *sb, const char *id)
{
    bool dash = false;
    for (const char *p = id; *p && sb->len < SLUG_MAX; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + ('a' - 'A'));
        if ((c >= 'a' && c <= 'z') || is_digit(c)) {
            if (dash && sb->len)
                strbuf_addc(sb, '-');
            dash = false;
            strbuf_addc(sb, c);
        } else {
            dash = true;
        }
    }
}

/* A file name for this respondent, unique in the result: the same input, the same names. */
static char *file_name(struct importer *im, const char *id)
{
    struct strbuf base = STRBUF_INIT, name = STRBUF_INIT;
    if (id)
        slug_of(&base, id);
    if (!base.len)
        strbuf_addf(&base, "respondent-%03zu", im->respondents);
    strbuf_addf(&name, "%s.yaml", base.buf);
    /* Each name remembers how far its suffixes have gone, so a thousand "anonymous"
       respondents cost a thousand lookups, not half a million. */
    struct name_slot *first = nameset_find(&im->names, name.buf);
    if (first) {
        size_t k = first->next;
        do {
            strbuf_reset(&name);
            strbuf_addf(&name, "%s-%zu.yaml", base.buf, k++);
        } while (nameset_find(&im->names, name.buf));
        first->next = k;
    }
    nameset_add(&im->names, name.buf);
    strbuf_release(&base);
    return strbuf_detach(&name, NULL);
}

/* Whole numbers, nearly every answer, skip printf; 15 digits round-trip a typed decimal. */
static void add_number(struct strbuf *sb, double v)
{
    char num[64];
    if (v > -1e15 && v < 1e15 && v == (double)(long)v) {
        long n = (long)v;
        size_t at = sizeof(num);
        unsigned long u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
        num[--at] = '\0';
        do {
            num[--at] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (n < 0)
            num[--at] = '-';
        strbuf_adds(sb, num + at);
        return;
    }
    snprintf(num, sizeof(num), "%.15g", v);
    strbuf_adds(sb, num);
}

/* The row's group cells, in column order, as ", groups: {FIELD: VALUE, ...}"; empty ones none. */
static void add_groups(struct importer *im, struct strbuf *y)
{
    bool any = false;
    for (size_t c = 0; c < im->n_cols; c++) {
        if (im->cols[c].kind != COL_GROUP)
            continue;
        const char *cell = trim(im->rec.bytes.buf + im->rec.cells[c].off);
        if (!*cell)
            continue;
        strbuf_adds(y, any ? ", " : ", groups: {");
        escape_yaml_key(y, im->cols[c].field);
        strbuf_adds(y, ": ");
        yaml_quote(y, cell);
        any = true;
    }
    if (any)
        strbuf_addc(y, '}');
}

/* The row's comment cells as "comments:", each with the header it answers. */
static void add_comments(struct importer *im, struct strbuf *y)
{
    bool any = false;
    for (size_t c = 0; c < im->n_cols; c++) {
        if (im->cols[c].kind != COL_COMMENT)
            continue;
        const char *cell = trim(im->rec.bytes.buf + im->rec.cells[c].off);
        if (!*cell)
            continue;
        strbuf_adds(y, any ? "  - {about: " : "comments:\n  - {about: ");
        yaml_quote(y, im->cols[c].header);
        strbuf_adds(y, ", text: ");
        yaml_quote(y, cell);
        strbuf_adds(y, "}\n");
        any = true;
    }
}

static long render_respondent(struct importer *im, size_t row, const char *id, const char *role,
                              const char *organisation, size_t *date_at)
{
    const struct rules *r = im->r;
    struct strbuf y = STRBUF_INIT;
    struct strbuf rid = STRBUF_INIT;
    if (id)
        strbuf_adds(&rid, id);
    else
        strbuf_addf(&rid, "r%03zu", im->respondents);
    strbuf_adds(&y, "# Imported by stagegap from ");
    yaml_quote(&y, im->base);
    strbuf_addf(&y, ", row %zu.\nformat: %s\nrules: ", row, ANSWERS_FORMAT);
    yaml_quote(&y, r->id);
    strbuf_adds(&y, "\norganisation: ");
    yaml_quote(&y, organisation);
    strbuf_adds(&y, "\ndate: ");
    *date_at = y.len;
    strbuf_adds(&y, im->o->date ? im->o->date : "0000-00-00");
    strbuf_adds(&y, "\nrespondent: {id: ");
    yaml_quote(&y, rid.buf);
    if (role) {
        strbuf_adds(&y, ", role: ");
        yaml_quote(&y, role);
    }
    add_groups(im, &y);
    strbuf_adds(&y, "}\nanswers:");
    bool any = false;
    for (size_t i = 0; i < r->n_items; i++) {
        if (im->item_col[i] < 0 || im->state[i] == ANSWER_NONE)
            continue;
        strbuf_adds(&y, "\n  ");
        strbuf_adds(&y, r->items[i].id);
        strbuf_adds(&y, ": ");
        if (im->state[i] == ANSWER_NA)
            strbuf_adds(&y, "n/a");
        else if (im->state[i] == ANSWER_UNKNOWN)
            strbuf_adds(&y, "unknown");
        else
            add_number(&y, im->value[i]);
        any = true;
    }
    strbuf_adds(&y, any ? "\n" : " {}\n");
    add_comments(im, &y);
    strbuf_release(&rid);
    if (!any)
        diag_add(im->d, DIAG_WARNING, im->file, (unsigned)row, 1, "this row answers no question");
    if (y.len > ANSWERS_FILE_MAX || im->output_bytes + y.len > IMPORT_OUTPUT_MAX) {
        diag_error(im->d, im->file, (unsigned)row, 1,
                   y.len > ANSWERS_FILE_MAX ? "this row's answers file would be larger than "
                                              "the limit of 1 MiB"
                                            : "the answers files would be larger than the "
                                              "limit of 256 MiB together");
        strbuf_release(&y);
        im->stop = true;
        return -1;
    }
    im->output_bytes += y.len;
    struct import_result *res = im->res;
    XGROW(res->files, res->n + 1, res->alloc);
    struct import_file *f = &res->files[res->n];
    f->name = file_name(im, id);
    f->text = strbuf_detach(&y, &f->len);
    return (long)res->n++;
}

/* ---- one data row ---- */

static bool record_blank(struct importer *im)
{
    struct record *rec = &im->rec;
    for (size_t c = 0; c < rec->stored; c++)
        if (*trim(rec->bytes.buf + rec->cells[c].off))
            return false;
    return rec->n <= rec->stored;
}

static bool row_shape_ok(struct importer *im)
{
    size_t n = im->rec.n;
    if (n == im->n_cols)
        return true;
    struct strbuf msg = STRBUF_INIT;
    strbuf_addf(&msg, "this row has %zu cell%s but the header has %zu; ", n, n == 1 ? "" : "s",
                im->n_cols);
    strbuf_adds(&msg, n < im->n_cols ? "is a line break inside a cell not quoted?"
                                     : "is a comma inside a cell not quoted?");
    cell_error(im, im->row, (n < im->n_cols ? n : im->n_cols) + 1, strbuf_str(&msg));
    strbuf_release(&msg);
    return false;
}

/* The organisation column: the same in every row, as one import is one assessment. */
static const char *row_organisation(struct importer *im, const char *cell, size_t column)
{
    if (!*cell) {
        cell_error(im, im->row, column,
                   "no organisation in this row; fill it in, or give "
                   "--organisation NAME");
        return NULL;
    }
    if (!im->organisation) {
        im->organisation = xstrdup(cell);
        im->organisation_row = im->row;
        return cell;
    }
    if (strcmp(cell, im->organisation) == 0)
        return cell;
    struct strbuf msg = STRBUF_INIT;
    strbuf_adds(&msg, "organisation ");
    text_add_quoted(&msg, cell, QUOTE_MAX);
    strbuf_adds(&msg, " differs from ");
    text_add_quoted(&msg, im->organisation, QUOTE_MAX);
    strbuf_addf(&msg,
                " in row %zu; one import is one organisation's assessment: split the "
                "export, or give --organisation NAME",
                im->organisation_row);
    cell_error(im, im->row, column, strbuf_str(&msg));
    strbuf_release(&msg);
    return NULL;
}

static void process_row(struct importer *im)
{
    struct record *rec = &im->rec;
    const struct rules *r = im->r;
    if (record_blank(im))
        return;
    if (++im->respondents > IMPORT_ROWS_MAX) {
        diag_error(im->d, im->file, (unsigned)im->row, 1, "more than %d respondents",
                   IMPORT_ROWS_MAX);
        im->stop = true;
        return;
    }
    if (!row_shape_ok(im))
        return;
    const char *id = NULL, *role = NULL, *date = NULL;
    const char *organisation = im->o->organisation;
    for (size_t i = 0; i < r->n_items; i++)
        im->state[i] = ANSWER_NONE;
    for (size_t c = 0; c < im->n_cols; c++) {
        const char *cell = trim(rec->bytes.buf + rec->cells[c].off);
        long at = (long)c;
        if (im->cols[c].kind == COL_ITEM)
            read_answer(im, im->cols[c].item, cell, im->row, c + 1);
        if (im->cols[c].kind == COL_COMMENT && *cell) {
            if (looks_like_answer(cell))
                im->cols[c].n_answers++;
            else
                im->cols[c].n_text++;
        }
        if (at == im->id_col)
            id = *cell ? cell : NULL;
        if (at == im->role_col)
            role = *cell ? cell : NULL;
        if (at == im->org_col)
            organisation = row_organisation(im, cell, c + 1);
        if (at == im->date_col)
            date = cell;
    }
    long file = -1;
    size_t date_at = 0;
    if (im->d->errors == im->errors_before)
        file = render_respondent(im, im->row, id, role, organisation, &date_at);
    if (date && read_date(im, date, im->row, (size_t)im->date_col + 1, file) && file >= 0)
        im->dates[im->n_dates - 1].date_at = date_at;
}

/*
 * A column near no question was taken for free text. Once every row is in: one whose
 * cells are all answers (numbers, n/a) is a question of another model or a typo too far
 * off to guess, and stays the error it always was; otherwise it is comments, said once.
 */
static void settle_comment_columns(struct importer *im)
{
    for (size_t c = 0; c < im->n_cols; c++) {
        struct column *col = &im->cols[c];
        if (col->kind != COL_COMMENT || !col->guessed)
            continue;
        if (col->n_answers && !col->n_text) {
            char *norm = normalise(col->header);
            report_unknown_column(im, c, norm);
            free(norm);
            continue;
        }
        struct strbuf msg = STRBUF_INIT;
        header_quoted(&msg, col);
        size_t n = col->n_text + col->n_answers;
        strbuf_addf(&msg, " is not a question of model '%s'", im->r->id);
        if (n)
            strbuf_addf(&msg,
                        "; its %zu answer%s %s kept as comments (map it to 'ignore' with "
                        "--map to leave %s out)",
                        n, n == 1 ? "" : "s", n == 1 ? "is" : "are", n == 1 ? "it" : "them");
        else
            strbuf_adds(&msg, " and is empty; it is left out");
        diag_add(im->d, DIAG_WARNING, im->file, (unsigned)im->header_row, (unsigned)(c + 1), "%s",
                 strbuf_str(&msg));
        strbuf_release(&msg);
    }
}

/* ---- dates, once every row is in ---- */

static void date_error(struct importer *im, const struct pending_date *pd, const char *what)
{
    struct strbuf msg = STRBUF_INIT;
    strbuf_adds(&msg, "the date ");
    text_add_quoted(&msg, pd->shown, 40);
    strbuf_addf(&msg, " %s; give the assessment date with --date YYYY-MM-DD", what);
    cell_error(im, pd->row, pd->column, strbuf_str(&msg));
    strbuf_release(&msg);
}

/*
 * "3/4/2026" is 3 April in Britain and March 4 in America. One export writes every date
 * one way, so any row whose day is past 12 settles the order for the whole column; with
 * none, a date whose day and month differ cannot be read.
 */
static void resolve_dates(struct importer *im)
{
    const struct pending_date *day_first = NULL, *month_first = NULL, *unsure = NULL;
    for (size_t i = 0; i < im->n_dates; i++) {
        const struct pending_date *pd = &im->dates[i];
        if (pd->form != DATE_PAIR)
            continue;
        if (pd->a > 12 && !day_first)
            day_first = pd;
        if (pd->b > 12 && !month_first)
            month_first = pd;
        if (pd->a != pd->b && pd->a <= 12 && pd->b <= 12 && !unsure)
            unsure = pd;
    }
    if (day_first && month_first) {
        const struct pending_date *later =
            day_first->row > month_first->row ? day_first : month_first;
        const struct pending_date *earlier = later == day_first ? month_first : day_first;
        struct strbuf what = STRBUF_INIT;
        strbuf_addf(&what, "is written %s first, but row %zu's is %s first",
                    later == day_first ? "day" : "month", earlier->row,
                    later == day_first ? "month" : "day");
        date_error(im, later, strbuf_str(&what));
        strbuf_release(&what);
        return;
    }
    if (unsure && !day_first && !month_first) {
        date_error(im, unsure,
                   "could be day/month/year or month/day/year, and no date in the "
                   "column tells which");
        return;
    }
    for (size_t i = 0; i < im->n_dates; i++) {
        const struct pending_date *pd = &im->dates[i];
        int month = pd->a, day = pd->b;
        if (pd->form == DATE_DMY || (pd->form == DATE_PAIR && day_first))
            month = pd->b, day = pd->a;
        char iso[16];
        snprintf(iso, sizeof(iso), "%04d-%02d-%02d", pd->y % 10000, month % 100, day % 100);
        if (!date_valid(iso)) {
            date_error(im, pd, "is not a calendar date");
            continue;
        }
        if (pd->file >= 0 && im->d->errors == im->errors_before)
            memcpy(im->res->files[pd->file].text + pd->date_at, iso, 10);
    }
}

/* ---- libcsv ---- */

/* Caps libcsv's cell buffer, so a cell past the limit stops the parse without growing. */
static void *capped_realloc(void *ptr, size_t size)
{
    if (size > (size_t)IMPORT_CELL_MAX + 1)
        return NULL;
    return xrealloc(ptr, size);
}

static void on_cell(void *s, size_t len, void *data)
{
    struct importer *im = data;
    struct record *rec = &im->rec;
    if (im->stop)
        return;
    size_t column = ++rec->n;
    /* Cells past the header's count are counted, not kept: the row is wrong anyway. */
    if (rec->n > (im->have_header ? im->n_cols : (size_t)IMPORT_COLUMNS_MAX) + 1)
        return;
    const char *cell = s ? s : "";
    if (memchr(cell, '\0', len)) {
        fatal_at(im, column,
                 "this cell holds a NUL byte; is the file text saved as 'CSV "
                 "UTF-8'?");
        return;
    }
    size_t bad;
    if (!utf8_valid(cell, len, &bad)) {
        struct strbuf msg = STRBUF_INIT;
        strbuf_addf(&msg,
                    "invalid UTF-8 in this cell (byte 0x%02x); save the export as 'CSV "
                    "UTF-8 (Comma delimited)', not plain 'CSV'",
                    (unsigned char)cell[bad]);
        fatal_at(im, column, strbuf_str(&msg));
        strbuf_release(&msg);
        return;
    }
    if (len > IMPORT_CELL_MAX) {
        diag_error(im->d, im->file, (unsigned)im->row, (unsigned)column,
                   "this cell is longer than the limit of %d bytes", IMPORT_CELL_MAX);
        len = 0;
    }
    XGROW(rec->cells, rec->stored + 1, rec->alloc);
    rec->cells[rec->stored].off = rec->bytes.len;
    rec->cells[rec->stored++].len = len;
    strbuf_add(&rec->bytes, cell, len);
    strbuf_addc(&rec->bytes, '\0');
}

static void record_reset(struct record *rec)
{
    strbuf_reset(&rec->bytes);
    rec->n = rec->stored = 0;
}

/*
 * The end of a record, or (CSV_REPALL_NL) of an empty line, so that rows count as a
 * spreadsheet shows them. The LF of a CRLF comes as an empty line of its own: skipped.
 */
static void on_row(int term, void *data)
{
    struct importer *im = data;
    struct record *rec = &im->rec;
    if (im->stop)
        return;
    if (rec->n == 0) {
        if (term == '\n' && im->last_term == '\r') {
            im->last_term = 0; /* taken: a second LF is a blank line */
            return;
        }
        im->last_term = term;
        im->row++;
        return;
    }
    im->last_term = term;
    if (!im->have_header)
        process_header(im);
    else
        process_row(im);
    record_reset(rec);
    im->row++;
}

/* UTF-16 or UTF-32, with a byte-order mark or, in the first bytes, the NULs of one. */
static bool is_wide_text(const char *buf, size_t len)
{
    const unsigned char *u = (const unsigned char *)buf;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return true;
    return memchr(buf, '\0', len < 4 ? len : 4) != NULL;
}

static void parse_csv(struct importer *im, const char *buf, size_t len)
{
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
        diag_add(im->d, DIAG_IO_ERROR, im->file, 0, 0, "cannot start the CSV parser");
        return;
    }
    csv_set_realloc_func(&p, capped_realloc);
    csv_set_free_func(&p, free);
    im->row = 1;
    for (size_t at = 0; at < len && !im->stop;) {
        size_t n = len - at < FEED_CHUNK ? len - at : FEED_CHUNK;
        if (csv_parse(&p, buf + at, n, on_cell, on_row, im) != n) {
            if (csv_error(&p) == CSV_EPARSE)
                fatal_at(im, im->rec.n + 1,
                         "a '\"' inside this cell must be doubled (\"\"), "
                         "and the cell quoted");
            else
                fatal_at(im, im->rec.n + 1,
                         "this cell is longer than the limit of 16384 "
                         "bytes");
        }
        at += n;
    }
    if (!im->stop && csv_fini(&p, on_cell, on_row, im) != 0)
        fatal_at(im, im->rec.n + 1, "this cell's opening '\"' is never closed");
    csv_free(&p);
}

/* ---- putting it together ---- */

static void importer_release(struct importer *im)
{
    if (im->questions)
        for (size_t i = 0; i < im->r->n_items; i++) {
            free(im->questions[i]);
            free(im->lows[i]);
            free(im->highs[i]);
        }
    free(im->questions);
    free(im->lows);
    free(im->highs);
    for (size_t i = 0; i < im->n_map; i++) {
        free(im->map[i].header);
        free(im->map[i].field);
    }
    free(im->map);
    for (size_t c = 0; c < im->n_cols; c++)
        free(im->cols[c].header);
    free(im->cols);
    free(im->item_col);
    free(im->state);
    free(im->value);
    free(im->organisation);
    free(im->dates);
    nameset_release(&im->names);
    strbuf_release(&im->rec.bytes);
    free(im->rec.cells);
}

static bool check_options(struct importer *im)
{
    const struct import_options *o = im->o;
    bool ok = true;
    if (o->date && !date_valid(o->date)) {
        struct strbuf msg = STRBUF_INIT;
        answers_msg_bad_date(&msg, "--date");
        strbuf_adds(&msg, ", not ");
        text_add_quoted(&msg, o->date, 40);
        diag_error(im->d, NULL, 0, 0, "%s", strbuf_str(&msg));
        strbuf_release(&msg);
        ok = false;
    }
    if (o->organisation) {
        size_t len = strlen(o->organisation);
        char *copy = xstrdup(o->organisation);
        bool empty = !*trim(copy);
        free(copy);
        if (empty || len > IMPORT_CELL_MAX || !utf8_valid(o->organisation, len, NULL)) {
            diag_error(im->d, NULL, 0, 0,
                       "--organisation must be a name in UTF-8 of at most "
                       "%d bytes",
                       IMPORT_CELL_MAX);
            ok = false;
        }
    }
    return ok;
}

/*
 * Every generated file goes through the answers loader before anything is written, so
 * what import writes is what assess reads. A failure here is our bug, not the user's.
 */
static void self_check(struct importer *im)
{
    struct assessment a;
    struct diags scratch;
    assessment_init(&a, im->r);
    diags_init(&scratch);
    for (size_t i = 0; i < im->res->n; i++) {
        const struct import_file *f = &im->res->files[i];
        if (assessment_add_buffer(&a, f->name, f->text, f->len, false, &scratch) != 0) {
            diag_add(im->d, DIAG_IO_ERROR, im->file, 0, 0,
                     "internal error: the answers generated as %s do not load (%s); please "
                     "report this",
                     f->name, scratch.n ? scratch.v[0].message : "?");
            break;
        }
    }
    diags_release(&scratch);
    assessment_release(&a);
}

void import_result_init(struct import_result *res)
{
    memset(res, 0, sizeof(*res));
}

void import_result_release(struct import_result *res)
{
    for (size_t i = 0; i < res->n; i++) {
        free(res->files[i].name);
        free(res->files[i].text);
    }
    free(res->files);
    import_result_init(res);
}

int import_csv_buffer(const struct rules *r, const struct import_options *o,
                      const struct import_source *csv, const struct import_source *map,
                      struct import_result *res, struct diags *d)
{
    struct importer im = {.r = r,
                          .o = o,
                          .d = d,
                          .res = res,
                          .file = csv->name,
                          .base = base_name(csv->name),
                          .errors_before = d->errors,
                          .respondent_col = -1,
                          .id_col = -1,
                          .role_col = -1,
                          .org_col = -1,
                          .date_col = -1,
                          .date_cols = {-1, -1, -1},
                          .last_term = -1};
    struct ydoc map_doc;
    size_t io_before = d->io_errors;
    import_result_init(res);
    ydoc_init(&map_doc);
    model_prepare(&im);
    check_options(&im);
    if (map)
        map_load(&im, map, &map_doc);
    const char *buf = csv->buf;
    size_t len = csv->len;
    if (is_wide_text(buf, len)) {
        diag_error(d, csv->name, 0, 0,
                   "this file is UTF-16 text (Excel's 'Unicode Text'); "
                   "save it as 'CSV UTF-8 (Comma delimited)' and import "
                   "that");
        goto out;
    }
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        buf += 3, len -= 3;
    parse_csv(&im, buf, len);
    if (im.have_header && !im.stop)
        settle_comment_columns(&im);
    if (!im.have_header && !im.stop)
        diag_error(d, csv->name, 0, 0,
                   "empty file; a survey export starts with a header row "
                   "naming its columns");
    else if (im.have_header && im.respondents == 0 && !im.stop)
        diag_error(d, csv->name, 0, 0,
                   "no respondents: the file has a header row but no "
                   "answers");
    resolve_dates(&im);
    if (d->errors == im.errors_before && d->io_errors == io_before)
        self_check(&im);
    if (res->unmatched && d->errors == im.errors_before && d->io_errors == io_before)
        diag_add(d, DIAG_WARNING, csv->name, 0, 0,
                 "%zu of the %zu questions of model '%s' have no column; they are left "
                 "unanswered",
                 res->unmatched, rules_answerable(r), r->id);
out:
    ydoc_release(&map_doc);
    importer_release(&im);
    if (d->errors > im.errors_before || d->io_errors > io_before) {
        import_result_release(res);
        return -1;
    }
    return 0;
}

int import_csv(const struct rules *r, const struct import_options *o, struct import_result *res,
               struct diags *d)
{
    char *csv = NULL, *map = NULL;
    size_t csv_len = 0, map_len = 0;
    int rc = -1;
    import_result_init(res);
    if (fileio_read(o->csv_path, IMPORT_FILE_MAX, &csv, &csv_len, d) != 0)
        goto out;
    if (o->map_path && fileio_read(o->map_path, IMPORT_MAP_MAX, &map, &map_len, d) != 0)
        goto out;
    struct import_source csv_src = {o->csv_path, csv, csv_len};
    struct import_source map_src = {o->map_path, map, map_len};
    rc = import_csv_buffer(r, o, &csv_src, o->map_path ? &map_src : NULL, res, d);
out:
    free(csv);
    free(map);
    return rc;
}

/* ---- writing, all or nothing ---- */

static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/*
 * Writes and syncs every file into tmp. *made counts the files created, even one left
 * half written, for the caller to remove. Errors name the file as it would be in dir.
 */
static int write_files(const struct import_result *res, const char *tmp, const char *dir,
                       size_t *made, struct diags *d)
{
    for (size_t i = 0; i < res->n; i++) {
        char *path = fileio_path_join(tmp, res->files[i].name);
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        free(path);
        int rc = 0, err = 0;
        if (fd < 0) {
            err = errno;
            rc = -1;
        } else {
            (*made)++;
            if (fileio_write_all(fd, res->files[i].text, res->files[i].len) != 0 || fsync(fd) != 0)
                err = errno, rc = -1;
            if (close(fd) != 0 && rc == 0)
                err = errno, rc = -1;
        }
        if (rc != 0) {
            char *shown = fileio_path_join(dir, res->files[i].name);
            fileio_io_error(d, shown, "cannot write", err);
            free(shown);
            return -1;
        }
    }
    sync_dir(tmp);
    return 0;
}

/* Removes the first n files of res from dir, and dir itself when rmdir_too. */
static void remove_files(const struct import_result *res, size_t n, const char *dir, bool rmdir_too)
{
    for (size_t i = 0; i < n; i++) {
        char *path = fileio_path_join(dir, res->files[i].name);
        unlink(path);
        free(path);
    }
    if (rmdir_too)
        rmdir(dir);
}

/* dir does not exist: build it under a temporary name beside it and rename it there. */
static int write_new_dir(const struct import_result *res, const char *dir, struct diags *d)
{
    char *parent = fileio_dir_of(dir);
    char *tmp = fileio_path_join(parent, ".stagegap-import-XXXXXX");
    size_t made = 0;
    int rc = -1;
    if (!mkdtemp(tmp)) {
        fileio_io_error(d, dir, "cannot create directory", errno);
        goto out;
    }
    if (write_files(res, tmp, dir, &made, d) != 0)
        goto fail;
    /* mkdtemp makes the directory 0700; the answers directory is an ordinary one. */
    mode_t mask = umask(0);
    umask(mask);
    if (chmod(tmp, 0777 & ~mask) != 0 || rename(tmp, dir) != 0) {
        fileio_io_error(d, dir, "cannot create directory", errno);
        goto fail;
    }
    sync_dir(parent);
    rc = 0;
    goto out;
fail:
    remove_files(res, made, tmp, true);
out:
    free(tmp);
    free(parent);
    return rc;
}

/*
 * dir is an empty directory, perhaps with permissions or an owner someone chose: keep it,
 * build the files in a temporary directory inside it (same file system, so renames
 * work) and move them up one by one, taking them back out if one move fails.
 */
static int write_into_empty_dir(const struct import_result *res, const char *dir, struct diags *d)
{
    char *tmp = fileio_path_join(dir, ".stagegap-import-XXXXXX");
    size_t made = 0, moved = 0;
    int rc = -1;
    if (!mkdtemp(tmp)) {
        fileio_io_error(d, dir, "cannot write", errno);
        goto out;
    }
    if (write_files(res, tmp, dir, &made, d) != 0) {
        remove_files(res, made, tmp, true);
        goto out;
    }
    for (; moved < res->n; moved++) {
        char *from = fileio_path_join(tmp, res->files[moved].name);
        char *to = fileio_path_join(dir, res->files[moved].name);
        int r = rename(from, to), err = errno;
        free(from);
        if (r != 0) {
            fileio_io_error(d, to, "cannot write", err);
            free(to);
            remove_files(res, moved, dir, false);
            for (size_t i = moved; i < res->n; i++) {
                char *left = fileio_path_join(tmp, res->files[i].name);
                unlink(left);
                free(left);
            }
            rmdir(tmp);
            goto out;
        }
        free(to);
    }
    rmdir(tmp);
    sync_dir(dir);
    rc = 0;
out:
    free(tmp);
    return rc;
}

static bool dir_is_empty(const char *dir, int *err)
{
    DIR *dp = opendir(dir);
    *err = 0;
    if (!dp) {
        *err = errno;
        return false;
    }
    struct dirent *e;
    bool empty = true;
    while (empty && (e = readdir(dp)) != NULL)
        empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    closedir(dp);
    return empty;
}

int import_write(const struct import_result *res, const char *dir, struct diags *d)
{
    /* "out/" and "out" are one directory; the trailing slash would confuse rename. */
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/')
        len--;
    char *target = xstrndup(dir, len);
    struct stat st;
    int rc = -1, err;
    if (len == 0) {
        diag_add(d, DIAG_IO_ERROR, NULL, 0, 0, "no output directory given");
    } else if (stat(target, &st) != 0) {
        if (errno == ENOENT)
            rc = write_new_dir(res, target, d);
        else
            fileio_io_error(d, target, "cannot write", errno);
    } else if (!S_ISDIR(st.st_mode)) {
        diag_add(d, DIAG_IO_ERROR, target, 0, 0,
                 "exists and is not a directory; import writes a new directory");
    } else if (!dir_is_empty(target, &err)) {
        if (err)
            fileio_io_error(d, target, "cannot read directory", err);
        else
            diag_add(d, DIAG_IO_ERROR, target, 0, 0,
                     "already exists and is not empty; import writes a new or empty "
                     "directory, never among other files");
    } else {
        rc = write_into_empty_dir(res, target, d);
    }
    free(target);
    return rc;
}

void import_summary(const struct import_result *res, const char *csv_name, const char *dir,
                    struct strbuf *out)
{
    strbuf_addf(out, "imported %zu respondent%s from ", res->n, res->n == 1 ? "" : "s");
    text_add_safe(out, csv_name, true);
    strbuf_adds(out, " into ");
    text_add_safe(out, dir, true);
    strbuf_addf(out, " (%zu question column%s", res->questions, res->questions == 1 ? "" : "s");
    if (res->unmatched)
        strbuf_addf(out, "; %zu question%s with no column", res->unmatched,
                    res->unmatched == 1 ? "" : "s");
    strbuf_adds(out, ")\n");
}
