#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

enum { SOURCE_LINE_MAX = 200 };

void diags_init(struct diags *d)
{
    memset(d, 0, sizeof(*d));
}

void diags_release(struct diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].file);
        free(d->v[i].message);
        free(d->v[i].source_line);
    }
    free(d->v);
    diags_init(d);
}

void diags_set_source(struct diags *d, const char *buf, size_t len)
{
    d->source = buf;
    d->source_len = len;
}

/* Appends len bytes made safe for a terminal, NUL bytes included. */
static void add_safe_bytes(struct strbuf *sb, const char *p, size_t len)
{
    while (len) {
        const char *nul = memchr(p, '\0', len);
        size_t run = nul ? (size_t)(nul - p) : len;
        char *part = xstrndup(p, run);
        text_add_safe(sb, part, true);
        free(part);
        if (!nul)
            break;
        strbuf_adds(sb, "\\x00");
        p += run + 1;
        len -= run + 1;
    }
}

/* Bytes of the first `points` code points of p (an invalid byte counts as one). */
static size_t prefix_bytes(const char *p, size_t len, size_t points)
{
    size_t i = 0;
    const unsigned char *u = (const unsigned char *)p;
    while (i < len && points--) {
        size_t n = utf8_seq_len(u + i, len - i);
        i += n ? n : 1;
    }
    return i;
}

/*
 * A safe copy of line number `line` of the current source, or NULL; *caret gets how many
 * code points of that copy stand before `column`, escapes included. Lines are split as
 * the parser counts them, and a byte-order mark, which it does not count, is skipped.
 */
static char *copy_source_line(const struct diags *d, unsigned line, unsigned column,
                              size_t *caret)
{
    *caret = 0;
    if (!d->source || d->source_len == 0 || line == 0)
        return NULL;
    const char *p = d->source, *end = d->source + d->source_len;
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    for (unsigned l = 1; l < line; l++) {
        size_t brk = 0;
        while (p < end && (brk = text_line_break(p, (size_t)(end - p))) == 0)
            p++;
        if (p == end)
            return NULL;
        p += brk;
    }
    const char *eol = p;
    while (eol < end && text_line_break(eol, (size_t)(end - eol)) == 0)
        eol++;
    size_t len = (size_t)(eol - p);
    if (len > SOURCE_LINE_MAX)
        len = SOURCE_LINE_MAX;
    struct strbuf sb = STRBUF_INIT;
    add_safe_bytes(&sb, p, prefix_bytes(p, len, column ? column - 1 : 0));
    *caret = utf8_width(sb.buf ? sb.buf : "", sb.len);
    strbuf_reset(&sb);
    add_safe_bytes(&sb, p, len);
    return strbuf_detach(&sb, NULL);
}

void diag_add(struct diags *d, enum diag_severity severity, const char *file,
              unsigned line, unsigned column, const char *fmt, ...)
{
    if (severity == DIAG_ERROR)
        d->errors++;
    else if (severity == DIAG_IO_ERROR)
        d->io_errors++;
    if (d->n >= DIAG_MAX) {
        d->dropped++;
        return;
    }
    XGROW(d->v, d->n + 1, d->alloc);
    struct diag *g = &d->v[d->n++];
    struct strbuf msg = STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    strbuf_vaddf(&msg, fmt, ap);
    va_end(ap);
    g->severity = severity;
    g->file = xstrdup(file ? file : "stagegap");
    g->line = line;
    g->column = column;
    g->message = strbuf_detach(&msg, NULL);
    g->source_line = copy_source_line(d, line, column, &g->caret);
}

bool diags_failed(const struct diags *d)
{
    return d->errors > 0 || d->io_errors > 0;
}

bool diags_full(const struct diags *d)
{
    return d->n >= DIAG_MAX;
}

int diags_exit_code(const struct diags *d)
{
    if (d->io_errors)
        return 4;
    return d->errors ? 3 : 0;
}

static const char *severity_name(enum diag_severity s)
{
    return s == DIAG_WARNING ? "warning" : "error";
}

/* The caret line: spaces up to the column, counted in code points of the shown line. */
static void render_caret(struct strbuf *out, const char *shown, size_t caret)
{
    size_t width = utf8_width(shown, strlen(shown));
    size_t col = caret;
    if (col > width)
        col = width;
    strbuf_adds(out, "    ");
    strbuf_addchars(out, ' ', col);
    strbuf_adds(out, "^\n");
}

void diags_render(const struct diags *d, struct strbuf *out)
{
    for (size_t i = 0; i < d->n; i++) {
        const struct diag *g = &d->v[i];
        text_add_safe(out, g->file, true);
        if (g->line)
            strbuf_addf(out, ":%u:%u", g->line, g->column ? g->column : 1);
        strbuf_addf(out, ": %s: ", severity_name(g->severity));
        strbuf_adds(out, g->message);
        strbuf_addc(out, '\n');
        if (g->source_line && g->line) {
            strbuf_addf(out, "    %s\n", g->source_line);
            render_caret(out, g->source_line, g->caret);
        }
    }
    if (d->dropped)
        strbuf_addf(out, "stagegap: %zu more problem%s not shown\n", d->dropped,
                    d->dropped == 1 ? "" : "s");
}
