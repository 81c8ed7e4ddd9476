/*
 * plan.h - an action plan, loaded from a stagegap-plan/1 file: the actions a board
 * chose from an assessment's ranked suggestions, with the gaps each addresses as they
 * stood, and what people filled in since: owner, due date, status, date done, note.
 *
 * A plan is written by "stagegap plan" (plan_write.h) and then edited by hand; this
 * module reads it back against the rules it was made with, checking what a person may
 * get wrong with located diagnostics. struct plan owns everything it points to, in one
 * pool: plan_release frees it all. The format is in docs/action-plans.md.
 */
#ifndef STAGEGAP_PLAN_H
#define STAGEGAP_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "pool.h"

struct diags;
struct rules;

#define PLAN_FORMAT "stagegap-plan/1"

enum {
    PLAN_FILE_MAX = 1024 * 1024,
    PLAN_ACTIONS_MAX = 2000, /* as many as the rules may have items */
};

enum plan_status { PLAN_PLANNED, PLAN_IN_PROGRESS, PLAN_DONE, PLAN_DROPPED, PLAN_STATUSES };

/* A gap an action addresses, as it stood in the assessment the plan was made from. */
struct plan_gap {
    size_t item;        /* rules item index */
    const char *answer; /* the mean answer as the plan recorded it ("3.5"), or NULL */
};

struct plan_action {
    size_t item;           /* the suggestion's rules item index */
    unsigned line, column; /* where the action starts in the plan file */
    size_t priority;       /* its rank when planned: 1 = act on first; 0 if not given */
    struct plan_gap *gaps; /* in the order the plan lists them */
    size_t n_gaps;
    enum plan_status status;
    /* What people filled in: NULL when left blank. Dates are YYYY-MM-DD, checked. */
    const char *owner, *due, *done, *note;
};

struct plan {
    const char *file;            /* name it was loaded from */
    const char *rules_id;        /* the model it was made with */
    const char *organisation;    /* NULL when not given */
    const char *assessed;        /* the date of the assessment it was made from */
    struct plan_action *actions; /* in file order */
    size_t n_actions;
    struct pool pool;
};

void plan_init(struct plan *p);
void plan_release(struct plan *p);
/*
 * Loads a plan made with rules r from a buffer named file in diagnostics: every action
 * must name a suggestion of r (an unknown id gets a "did you mean"), once; every date
 * must be a real calendar date; a done action needs its date. 0, or -1 with p left empty.
 */
int plan_load_buffer(struct plan *p, const struct rules *r, const char *file, const char *buf,
                     size_t len, struct diags *d);
/* "-" reads standard input; anything but a regular file (a FIFO, a device) is refused
   without waiting on it, as is a file over PLAN_FILE_MAX. */
int plan_load_file(struct plan *p, const struct rules *r, const char *path, struct diags *d);
/*
 * plan_load_file, keeping the bytes read (*buf, malloc'd; *len) for an update, which
 * writes them out again. On failure *buf is NULL.
 */
int plan_load_file_bytes(struct plan *p, const struct rules *r, const char *path, char **buf,
                         size_t *len, struct diags *d);

/* "planned", "in progress", "done", "dropped": as the plan file writes them. */
const char *plan_status_name(enum plan_status s);
/* True for an action still to do: planned or in progress. */
bool plan_action_open(const struct plan_action *a);

#endif
