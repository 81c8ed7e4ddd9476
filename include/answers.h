/*
 * answers.h - an organisation's self-assessment: one or many stagegap-answers/1 files,
 * pooled into one assessment.
 *
 * Each respondent's file is checked against the rules and then folded into running
 * per-item tallies (count, mean, spread, min, max), so memory does not grow with the
 * number of respondents; only the notes and evidence people wrote are kept, because
 * the report shows them. A file with any problem is not folded in at all.
 */
#ifndef STAGEGAP_ANSWERS_H
#define STAGEGAP_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "answers_file.h"
#include "answers_read.h"
#include "pool.h"

struct diags;
struct rules;

enum {
    ANSWERS_RESPONDENTS_MAX = 1000000,
    ANSWERS_ROLES_MAX = 100,
    ANSWERS_GROUPS_MAX = 1000, /* groups of the fields broken down by, in one assessment */
    ANSWERS_BY_MAX = 2,        /* fields one breakdown crosses */
    ANSWERS_FIELDS_SEEN_MAX = 32,
};

/* What one respondent wrote beside an answer. */
struct answer_note {
    const char *respondent, *role; /* either may be NULL */
    const char *note, *evidence;   /* at least one is set */
};

/*
 * A respondent's comment on the assessment as a whole, not on one item: free text a
 * survey asked for ("Anything else you would like to tell us?"). Kept without who wrote
 * it, so a pooled report cannot put a name beside it.
 */
struct answer_comment {
    const char *about; /* the question it answers, or NULL */
    const char *text;
};

/* Running statistics over the respondents' answers to one item. */
struct item_tally {
    /*
     * Answers are held times EXACT_SCALE, as integers, so sums are exact and the order
     * of respondents cannot change a result. Within docs/limits.md (|answer| <= 1000,
     * a million respondents) |sum| < 10^12 and sumsq <= 10^18 < 2^63.
     */
    size_t n; /* numeric answers */
    int64_t sum;
    uint64_t sumsq;
    int64_t min, max; /* kept for checks; never printed in a report (docs/privacy.md) */
    /* Numeric answers in the bottom and top thirds of the scale (the rest are in the
       middle): the only spread a pooled report shows, and only from K answers. */
    size_t n_low, n_high;
    size_t n_na, n_unknown; /* said n/a; said unknown */
    struct answer_note *notes;
    size_t n_notes, notes_alloc;
};

/*
 * The respondents who give one value of each field the assessment is broken down by
 * (a team; or a team and a role), with tallies of their own.
 */
struct group_tally {
    const char *values[ANSWERS_BY_MAX]; /* one per field; NULL: gave none */
    size_t respondents;
    struct item_tally *items; /* one per rules item; no notes */
};

/* How many respondents give one role: a note's role is shown only beside a large one. */
struct role_count {
    const char *role;
    size_t respondents;
};

/* Where a value was read: for warnings that set one assessment against another. */
struct answers_pos {
    const char *file;
    unsigned line, column; /* 1-based */
};

/*
 * How far from the median respondent's date a respondent's date may be and still date
 * the assessment: a quarter (92 days), the longest a round of answers stays open.
 */
enum { ANSWERS_DATE_WINDOW_DAYS = 92 };

struct assessment {
    const struct rules *rules;
    const char *organisation; /* the same for every respondent */
    /* The assessment's date, YYYY-MM-DD: the latest respondent's date among those within
       ANSWERS_DATE_WINDOW_DAYS of the median respondent's, so that one mistyped year
       cannot move it (docs/answers-format.md); set after every assessment_add_*. */
    const char *date;
    const char *date_first, *date_last; /* the earliest and latest respondent's dates */
    /* Every respondent's date and where it was read, in the order read. */
    struct answers_dated {
        int64_t days;
        const char *date;
        struct answers_pos at;
        bool warned; /* told already that it is far from the others */
    } * dated;
    size_t n_dated, dated_alloc;
    /* Set by a caller that adds many buffers and reads no date (import's self-check):
       the date is then not settled after each. */
    bool defer_dates;
    /* Today, YYYY-MM-DD, or NULL: a respondent's date after it is warned about (a year
       mistyped), once, where it is. The command line sets it from the clock; it decides
       a warning only, never what a report says. */
    const char *today;
    const char *first_file; /* where the organisation was first read */
    /* Where the organisation (in first_file) and the date were read, for warnings. */
    struct answers_pos organisation_at, date_at;
    size_t respondents;
    /* The model the respondents' files name (rules:): the loaded model's id or, for an
       overlay, its base's; models_mixed when they name both. compare and trend read it. */
    const char *model_named;
    bool models_mixed;
    /* Where the first file names model_named, and the first naming the other model. */
    struct answers_pos model_named_at, models_mixed_at;
    struct item_tally *items; /* one per rules item */
    /* The fields to break the respondents down by (assessment_break_down_by), and
       their groups in order of first appearance. */
    const char *by[ANSWERS_BY_MAX];
    size_t n_by;
    struct group_tally *groups;
    size_t n_groups, groups_alloc;
    struct role_count *roles; /* in order of first appearance */
    size_t n_roles, roles_alloc;
    /* The grouping fields respondents give (role among them), in order of first
       appearance; the first ANSWERS_FIELDS_SEEN_MAX only, for messages. */
    const char *fields_given[ANSWERS_FIELDS_SEEN_MAX];
    size_t n_fields_given;
    /*
     * Every respondent's values of every grouping field they give (role among them),
     * as one key per distinct combination with how many give it: what the partition
     * under every figure is made from (partition.h). A hash table; key is NULL in an
     * empty slot. A key is "LEN:FIELDLEN:VALUE" per field given (LEN the length of what
     * follows it in bytes), fields in byte order: "4:role12:practitioner4:team5:North".
     */
    struct answers_profile {
        const char *key;
        size_t respondents;
    } * profiles;
    size_t n_profiles, cap_profiles; /* cap is 0 or a power of two */
    struct answer_comment *comments; /* in the order read; reports sort them */
    size_t n_comments, comments_alloc;
    /* Respondent ids met so far and the file each came from, to warn of one id in two
       files (a hash table; id is NULL in an empty slot). */
    struct answers_seen_id {
        const char *id, *file;
    } * seen_ids;
    size_t n_seen_ids, cap_seen_ids; /* cap is 0 or a power of two */
    /* Set by the caller (validate) to warn of the template's placeholder organisation
       or date left unchanged. */
    bool warn_placeholders;
    /*
     * To refuse a respondent read twice, without a record of every file: the named
     * directories, and the files that can be met under a second name (named files,
     * and symbolic or hard links inside directories).
     */
    struct answers_file_ids dirs, files;
    /*
     * Set by the caller (compare, trend) before any respondent is added: keep each
     * respondent's fingerprint, group and the items they answered on the scale, for
     * overlap.h to find the respondents two assessments share. Off, nothing is kept.
     */
    bool keep_respondents;
    struct answers_kept {
        /* SHA-256, cut to 16 bytes, of all a respondent gives any figure: every grouping
           field (its value as groups are matched: case and the spaces around it aside)
           and every answer (not the id, notes, evidence, comments or the date), so two
           respondents with one fingerprint add exactly the same to every figure. */
        unsigned char fingerprint[16];
        const char *id; /* the respondent id, or NULL */
        size_t group;   /* index in groups, or SIZE_MAX when not broken down */
    } * kept;
    size_t n_kept, kept_alloc;
    int64_t *kept_items; /* rules->n_items per kept respondent: answers_kept_items */
    size_t kept_items_alloc;
    /* Threads to read respondents' files on (assessment_add_paths); 1, as set by
       assessment_init, reads them on the caller's thread. The result is the same. */
    unsigned jobs;
    struct pool pool;
};

void assessment_init(struct assessment *a, const struct rules *r);
void assessment_release(struct assessment *a);
/*
 * Before any respondent is added: keep tallies per group of these fields ("role", or a
 * field of respondent.groups; at most ANSWERS_BY_MAX), for a breakdown. The strings are
 * borrowed. Without a call, there are none.
 */
void assessment_break_down_by(struct assessment *a, const char *const *fields, size_t n);
/* True when some respondent gives a value for field. */
bool assessment_field_given(const struct assessment *a, const char *field);
/* Adds t's counts and sums into into (notes are not moved). */
void item_tally_merge(struct item_tally *into, const struct item_tally *t);

/*
 * Checks one answers file and, when it is valid, adds its respondent. With strict set,
 * answerable items left unanswered or unknown are errors too. 0, or -1 with diagnostics.
 */
int assessment_add_buffer(struct assessment *a, const char *file, const char *buf, size_t len,
                          bool strict, struct diags *d);
/*
 * Adds the respondents of each path: a file, "-" for standard input, or a directory of
 * *.yaml / *.yml files read in name order. A file read twice (named twice, also inside
 * a named directory, or linked under two names) is refused, as is a directory named
 * twice: one respondent must not count twice. With a->jobs above 1 the files are read
 * and checked on that many threads, and pooled in the same order: the assessment and
 * the diagnostics are the same. 0, or -1 with diagnostics.
 */
int assessment_add_paths(struct assessment *a, const char *const *paths, size_t n, bool strict,
                         struct diags *d);
/*
 * True when path names a file the assessment read as a respondent, under this name or
 * another (so writing there would change an input).
 */
bool assessment_has_read(const struct assessment *a, const char *path);
/* assessment_add_paths for one path. */
int assessment_add_path(struct assessment *a, const char *path, bool strict, struct diags *d);

/*
 * Kept respondent k's answers, one per rules item: the score times EXACT_SCALE, or one of
 * these for the other states.
 */
const int64_t *answers_kept_items(const struct assessment *a, size_t k);
#define ANSWERS_KEPT_NONE INT64_MIN
#define ANSWERS_KEPT_NA (INT64_MIN + 1)
#define ANSWERS_KEPT_UNKNOWN (INT64_MIN + 2)

/* The mean answer, as a double: for prompts, never for a decision. */
double item_tally_mean(const struct item_tally *t);
/* The state the tally stands for: a score, n/a (everyone who answered said so), unknown. */
enum answer_state item_tally_state(const struct item_tally *t);

#endif
