/*
 * headcount.h - how many staff were asked to answer, from a stagegap-headcount/1 file
 * (or --invited N): in total, and per group of any field a report breaks down by
 * (docs/participation.md). A pooled report sets it beside how many answered
 * (participation.h).
 *
 * This module only reads the file, with located diagnostics; it knows no rules and no
 * answers. struct headcount owns everything it points to, in one pool.
 */
#ifndef STAGEGAP_HEADCOUNT_H
#define STAGEGAP_HEADCOUNT_H

#include <stdbool.h>
#include <stddef.h>

#include "pool.h"

struct diags;

#define HEADCOUNT_FORMAT "stagegap-headcount/1"

enum {
    HEADCOUNT_FILE_MAX = 1024 * 1024,
    HEADCOUNT_INVITED_MAX = 10000000, /* staff in one organisation, and in one group */
    HEADCOUNT_FIELDS_MAX = 32,        /* fields with groups (answers.h keeps as many) */
    HEADCOUNT_GROUPS_MAX = 1000,      /* groups of one field: answers.h's ANSWERS_GROUPS_MAX */
};

struct headcount_group {
    const char *field; /* "role", or a key of respondents' groups: an id */
    const char *value; /* the group, as respondents write it (matched as groups are:
                          case and the spaces around it aside, text_group_cmp) */
    size_t invited;
    unsigned line, column; /* of the group's name in the file */
};

struct headcount {
    const char *file;                /* the file it was read from, or "--invited" */
    const char *organisation, *date; /* NULL when not given */
    size_t invited;                  /* staff asked, in total: at least 1 */
    unsigned line, column;           /* of the total's value; 0 for --invited */
    unsigned date_line, date_column; /* of the date, when given */
    struct headcount_group *groups;  /* in file order, field by field */
    size_t n_groups;
    struct pool pool;
};

void headcount_init(struct headcount *h);
void headcount_release(struct headcount *h);
/*
 * Loads a headcount from a buffer named file: the format tag, the total (a whole number
 * from 1 to HEADCOUNT_INVITED_MAX), each field's groups once each (as groups are matched)
 * with whole numbers of their own, and no field whose groups add up to more than the
 * total. 0, or -1 with h left empty.
 */
int headcount_load_buffer(struct headcount *h, const char *file, const char *buf, size_t len,
                          struct diags *d);
/* "-" reads standard input; anything but a regular file is refused unread, as is a file
   over HEADCOUNT_FILE_MAX. */
int headcount_load_file(struct headcount *h, const char *path, struct diags *d);
/* --invited N: a total and no groups. */
void headcount_set_total(struct headcount *h, size_t invited);
/* The group of field named value (matched as groups are), or NULL. */
const struct headcount_group *headcount_find(const struct headcount *h, const char *field,
                                             const char *value);
/* True when some group of field is given. */
bool headcount_has_field(const struct headcount *h, const char *field);

#endif
