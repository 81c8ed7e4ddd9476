/*
 * import_text.h - small text helpers of "stagegap import": trimming, and the normal form
 * headers, questions and answer words are compared in.
 */
#ifndef STAGEGAP_IMPORT_TEXT_H
#define STAGEGAP_IMPORT_TEXT_H

#include <stdbool.h>

bool import_is_space(unsigned char c);
bool import_is_digit(char c);
/* Trims s in place (it must be writable) and returns where it now starts. */
char *import_trim(char *s);
/* A header, question or answer word as they are compared; the caller frees it. */
char *import_normalise(const char *s);

#endif
