/*
 * input_format.h - the 'format' key every stagegap file an organisation gives starts
 * with, checked once for the loaders of share, evidence and headcount files: a file of
 * another of our formats is told what it is.
 */
#ifndef STAGEGAP_INPUT_FORMAT_H
#define STAGEGAP_INPUT_FORMAT_H

#include <stdbool.h>

struct yctx;
struct ynode;

/*
 * Whether root's 'format' is want (a file called what, "a share file"); otherwise
 * reported at it: no key ("no 'format' key; WHAT starts with 'format: WANT'"), another
 * of our formats ("this is a rules file, not WHAT", then "; HINT" when hint is not
 * NULL), anything else ("format must be 'WANT'").
 */
bool input_check_format(const struct yctx *c, const struct ynode *root, const char *want,
                        const char *what, const char *hint);

#endif
