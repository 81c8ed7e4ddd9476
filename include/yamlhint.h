/*
 * yamlhint.h - plain words for the YAML mistakes people make by hand.
 *
 * Where libyaml stops is often lines after the mistake, and its words are the parser's:
 * a key without ':' is "could not find expected ':'" at the next key, or at a blank
 * line. This module reads the text at and before that place, finds the line the person
 * got wrong and says how to put it right: a key without ':', a ':' without a space
 * after it, a tab in the indentation, a line indented unlike the one above, a quote
 * never closed or closed too early, a stray '-', a value holding ': ', an unclosed '{'
 * or '['. It is text analysis only and knows nothing of libyaml, which yamlread
 * describes to it; when no likely culprit shows, it says nothing and libyaml's words
 * stand.
 */
#ifndef STAGEGAP_YAMLHINT_H
#define STAGEGAP_YAMLHINT_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf;

/* What the parser reported: its words and marks, 1-based, as yamlread has them. */
struct yamlhint_error {
    const char *problem;                   /* or NULL */
    unsigned line, column;                 /* where the parser stopped */
    const char *context;                   /* what it was reading then, or NULL */
    unsigned context_line, context_column; /* where that began; 0 without a context */
};

/*
 * Looks in buf (len bytes of UTF-8, lines split as libyaml splits them) for the mistake
 * behind err. Returns true and fills *line, *column (1-based; the line is never after
 * err's) and appends a message to msg when it finds one; returns false and touches
 * nothing when it does not.
 */
bool yamlhint_explain(const char *buf, size_t len, const struct yamlhint_error *err, unsigned *line,
                      unsigned *column, struct strbuf *msg);

#endif
