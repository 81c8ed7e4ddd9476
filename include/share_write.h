/*
 * share_write.h - a pooled assessment written as a share file (share.h): what one
 * authority may send to a network of authorities, and nothing a person could be found
 * by.
 */
#ifndef STAGEGAP_SHARE_WRITE_H
#define STAGEGAP_SHARE_WRITE_H

#include <stdbool.h>

struct score;
struct strbuf;

/*
 * Whether s may be shared: pooled from at least its threshold's K respondents, without
 * --attribute. A share of fewer would give their answers away.
 */
bool share_allowed(const struct score *s);
/*
 * Writes s as stagegap-share/1 to out: header comments that say in plain words what the
 * file holds and what it leaves out, then the organisation, date, model, respondents,
 * each stage's score, band and coverage, and each item's mean to one decimal where at
 * least K answered it (an item with fewer is left out of the scores by the engine, so
 * nothing gives it back). share_allowed(s) must hold.
 */
void share_write(const struct score *s, const char *tool_version, struct strbuf *out);

#endif
