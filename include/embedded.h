/*
 * embedded.h - the default rules file, compiled into the binary at build time.
 *
 * cmake/embed.cmake turns data/signs-of-safety.yaml into these bytes, so that an
 * installed stagegap needs no data files to run, and computes their SHA-256 (lowercase
 * hex), so that a run need not.
 */
#ifndef STAGEGAP_EMBEDDED_H
#define STAGEGAP_EMBEDDED_H

#include <stddef.h>

#define EMBEDDED_RULES_NAME "signs-of-safety.yaml (built in)"

extern const unsigned char embedded_rules[];
extern const size_t embedded_rules_len;
extern const char embedded_rules_sha256[65];

#endif
