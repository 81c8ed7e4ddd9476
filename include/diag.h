/*
 * diag.h - located diagnostics: file, line, column, severity and message.
 *
 * Library code never prints: it adds diagnostics here and returns -1, and the command
 * line renders them as "FILE:LINE:COLUMN: error: MESSAGE" followed by the offending
 * source line and a caret, and a note when there is one. A diags list owns copies of
 * everything it holds. It keeps at most DIAG_MAX entries and counts the rest, so a
 * hostile file cannot flood a terminal.
 */
#ifndef STAGEGAP_DIAG_H
#define STAGEGAP_DIAG_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf;

enum { DIAG_MAX = 50 };

enum diag_severity {
    DIAG_ERROR,    /* the input is invalid: exit 3 */
    DIAG_WARNING,  /* worth saying, changes nothing */
    DIAG_IO_ERROR, /* a file could not be read or written: exit 4 */
};

struct diag {
    enum diag_severity severity;
    char *file;
    unsigned line, column; /* 1-based; 0 when unknown */
    char *message;
    char *source_line; /* the offending line, made safe for a terminal; or NULL */
    size_t caret;      /* code points of source_line before the column */
    char *note;        /* a last line for experts, such as the parser's own words; or NULL */
};

struct diags {
    struct diag *v;
    size_t n, alloc;
    size_t errors, io_errors, dropped;
    size_t last; /* 1 + the index of the diagnostic added last; 0 when it was dropped */
    /* The buffer diagnostics are located in, for quoting the source line. */
    const char *source;
    size_t source_len;
};

void diags_init(struct diags *d);
void diags_release(struct diags *d);
/* Sets (or clears, with NULL) the buffer that later diagnostics quote lines from. */
void diags_set_source(struct diags *d, const char *buf, size_t len);

void diag_add(struct diags *d, enum diag_severity severity, const char *file, unsigned line,
              unsigned column, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
#define diag_error(d, file, line, column, ...)                                                     \
    diag_add((d), DIAG_ERROR, (file), (line), (column), __VA_ARGS__)
/* Sets the note of the diagnostic added last (if it was kept): a line rendered after
 * the source line as "    = NOTE", for what only an expert needs. */
void diag_note(struct diags *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

bool diags_failed(const struct diags *d);
/* True once DIAG_MAX diagnostics are kept: later ones are only counted, so callers
 * may skip work (such as a "did you mean") that would only be thrown away. */
bool diags_full(const struct diags *d);
/* The exit status the diagnostics call for: 0, 3 for invalid input, 4 for I/O. */
int diags_exit_code(const struct diags *d);
/*
 * Moves every diagnostic of from to the end of into, as if each had been added to into
 * in turn: those past into's DIAG_MAX are only counted, and so are those from had to
 * drop. from is left empty. For diagnostics found apart (on another thread) and put
 * in the order of the files they are about.
 */
void diags_append(struct diags *into, struct diags *from);
/* Renders every diagnostic, with its source line and caret when known. */
void diags_render(const struct diags *d, struct strbuf *out);

#endif
