/*
 * plan_write_internal.h - what writing a new plan (plan_write.c) and appending to an
 * old one (plan_update.c) share: the choice of actions and one action's lines. Private
 * to those two files.
 */
#ifndef STAGEGAP_PLAN_WRITE_INTERNAL_H
#define STAGEGAP_PLAN_WRITE_INTERNAL_H

#include <stddef.h>

struct score;
struct score_suggestion;
struct strbuf;

/* How an action's lines are laid out: ours in a new plan, the file's own in an update. */
struct plan_style {
    const char *eol;        /* "\n", or "\r\n" in a file that uses it */
    const char *indent;     /* before the '-' of an action */
    const char *after_dash; /* between the '-' and the action's first key */
};

/*
 * One action's lines: a comment naming it, then the action with the gaps it addresses
 * and the fields to fill in, its status planned. added_from, when set, is the date of
 * the assessment an update added it from, for the comment.
 */
void plan_write_action(struct strbuf *out, const struct plan_style *st, const struct score *s,
                       const struct score_suggestion *sg, size_t priority, const char *added_from);

#endif
