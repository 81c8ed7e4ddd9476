/*
 * plan_write.h - an action plan as a stagegap-plan/1 file, for "stagegap plan".
 *
 * A renderer: it reads a struct score and writes YAML into a strbuf. A new plan lists
 * the assessment's actions to take, in priority order, each with the gaps it addresses
 * and their answers then, and blank fields for a board to fill in, with comments that
 * say how. An update keeps an edited plan's own bytes, every one, and appends the new
 * assessment's actions that are not in it yet at the end of its actions list. Text from
 * the inputs is made safe for where it goes: flattened in comments, escaped in quotes.
 */
#ifndef STAGEGAP_PLAN_WRITE_H
#define STAGEGAP_PLAN_WRITE_H

#include <stddef.h>

struct diags;
struct plan;
struct score;
struct strbuf;

/*
 * Writes a new plan from s: the first top actions to take (0: all of them), made by
 * stagegap tool_version.
 */
void plan_write_new(const struct score *s, const char *tool_version, size_t top,
                    struct strbuf *out);

/* The plan an update starts from: as loaded, and its bytes. */
struct plan_source {
    const struct plan *plan;
    const char *buf;
    size_t len;
};

/*
 * Writes to out the old plan's bytes unchanged, with the actions of s's first top (0:
 * all) actions to take that are not in the plan yet appended to its actions list,
 * numbered on from its highest priority, in the file's own line ending and indentation.
 * Adds to notes one line each (no newline inside, each ending in one) for what the
 * user should hear: open actions s no longer ranks, and when there is nothing to add.
 * An actions list written in brackets with items, or a plan in brackets, cannot be
 * appended to: 0, or -1 with a located diagnostic and out left as it was.
 */
int plan_write_update(const struct plan_source *old, const struct score *s, size_t top,
                      struct strbuf *out, struct strbuf *notes, struct diags *d);

#endif
