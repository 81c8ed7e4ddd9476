/*
 * answers_read.h - one answers file's text parsed and checked against the rules: its
 * format, what an answer can be, the words for an answer or a date a command cannot
 * take, and the checked respondent (struct response) that answers.c folds into an
 * assessment. Depends on nothing but the file and the rules, so any thread may run it.
 */
#ifndef STAGEGAP_ANSWERS_READ_H
#define STAGEGAP_ANSWERS_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schema.h"
#include "yamlread.h"

struct diags;
struct rules;
struct strbuf;

#define ANSWERS_FORMAT "stagegap-answers/1"
/* What "stagegap init" writes for the organisation and date, for the user to change;
   an answers file that still has either gets a warning. */
#define ANSWERS_PLACEHOLDER_ORGANISATION "Your organisation"
#define ANSWERS_PLACEHOLDER_DATE "2026-01-01"

/* The grouping field every respondent may give outside groups: respondent.role. */
#define ANSWERS_FIELD_ROLE "role"

enum { ANSWERS_GROUP_FIELDS_MAX = 20 }; /* fields in one respondent's groups */

enum answer_state { ANSWER_NONE, ANSWER_SCORE, ANSWER_NA, ANSWER_UNKNOWN };

/* One respondent's file, checked and held until it is folded into the assessment. */
struct response {
    struct yctx c;
    const struct rules *rules;
    const char *organisation, *date, *respondent, *role;
    const char *model_named; /* the rules id the file names: the model's or its base's */
    const struct ynode *organisation_node, *date_node, *role_node, *respondent_node;
    const struct ynode *model_node; /* the rules: value */
    const struct ynode *groups;     /* checked: a map of field names to text, or NULL */
    enum answer_state *state;       /* per rules item */
    int64_t *score;                 /* times EXACT_SCALE */
    const char **note, **evidence;
    const struct ynode *comments; /* checked: a list of {about, text} */
    bool warn_placeholders;
};

/*
 * Parses buf and checks it as an answers file into doc and resp, which the caller
 * releases (answers_response_free, ydoc_release). True when the file itself has no errors.
 */
bool answers_response_check(struct ydoc *doc, struct response *resp, const struct rules *r,
                            bool warn_placeholders, const char *file, const char *buf, size_t len,
                            bool strict, struct diags *d);
void answers_response_free(struct response *resp);
/* Where a respondent gives a grouping field, or NULL. */
const struct ynode *answers_response_field_node(const struct response *resp, const char *field);
/* What a respondent gives for a grouping field, or NULL. */
const char *answers_response_field(const struct response *resp, const char *field);

/*
 * The words for an answer or a date a command cannot take, shared so that validate,
 * import and ask say the same thing for the same mistake. Each appends to msg a message
 * that starts with what ("the answer to 'launch.plan'", "date") and ends with shown, the
 * value as the caller shows it (quoted by the caller where it is text).
 */
/* "WHAT must be from MIN to MAX, not SHOWN": a number off the rules' scale. */
void answers_msg_off_scale(struct strbuf *msg, const struct rules *r, const char *what,
                           const char *shown);
/* "WHAT must be a number from MIN to MAX, n/a or unknown, not SHOWN". */
void answers_msg_not_answer(struct strbuf *msg, const struct rules *r, const char *what,
                            const char *shown);
/* "WHAT must be a calendar date written YYYY-MM-DD, like 2026-09-30". */
void answers_msg_bad_date(struct strbuf *msg, const char *what);

#endif
