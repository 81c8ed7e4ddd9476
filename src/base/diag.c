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
        free(d->v[i].note);
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

/* The end of the line that starts at p: its line break, or end. */
static const char *line_end(const char *p, const char *end, size_t *brk)
{
    for (*brk = 0; p < end; p++) {
        unsigned char c = (unsigned char)*p;
        /* Only these bytes can start a line break; test them before asking. */
        if ((c == '\n' || c == '\r' || c == 0xC2 || c == 0xE2) &&
            (*brk = text_line_break(p, (size_t)(end - p))) != 0)
            break;
    }
    return p;
}

/*
 * A safe copy of line number `line` of the current source, or NULL; *caret gets how many
 * code points of that copy stand before `column`, escapes included. Lines are split as
 * the parser counts them, and a byte-order mark, which it does not count, is skipped.
 */
static char *copy_source_line(const struct diags *d, unsigned line, unsigned column, size_t *caret)
{
    *caret = 0;
    if (!d->source || d->source_len == 0 || line == 0)
        return NULL;
    const char *p = d->source, *end = d->source + d->source_len;
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    size_t brk;
    for (unsigned l = 1; l < line; l++) {
        p = line_end(p, end, &brk);
        if (!brk)
            return NULL;
        p += brk;
    }
    size_t len = (size_t)(line_end(p, end, &brk) - p);
    if (len > SOURCE_LINE_MAX)
        len = SOURCE_LINE_MAX;
    struct strbuf sb = STRBUF_INIT;
    add_safe_bytes(&sb, p, prefix_bytes(p, len, column ? column - 1 : 0));
    *caret = utf8_width(sb.buf ? sb.buf : "", sb.len);
    strbuf_reset(&sb);
    add_safe_bytes(&sb, p, len);
    return strbuf_detach(&sb, NULL);
}

void diag_add(struct diags *d, enum diag_severity severity, const char *file, unsigned line,
              unsigned column, const char *fmt, ...)
{
    if (severity == DIAG_ERROR)
        d->errors++;
    else if (severity == DIAG_IO_ERROR)
        d->io_errors++;
    if (d->n >= DIAG_MAX) {
        d->dropped++;
        d->last = 0;
        return;
    }
    XGROW(d->v, d->n + 1, d->alloc);
    struct diag *g = &d->v[d->n++];
    d->last = d->n;
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
    g->note = NULL;
}

void diag_note(struct diags *d, const char *fmt, ...)
{
    if (!d->last)
        return;
    struct diag *g = &d->v[d->last - 1];
    struct strbuf msg = STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    strbuf_vaddf(&msg, fmt, ap);
    va_end(ap);
    free(g->note);
    g->note = strbuf_detach(&msg, NULL);
}

void diags_append(struct diags *into, struct diags *from)
{
    for (size_t i = 0; i < from->n; i++) {
        if (into->n >= DIAG_MAX) {
            free(from->v[i].file);
            free(from->v[i].message);
            free(from->v[i].source_line);
            free(from->v[i].note);
            into->dropped++;
            into->last = 0;
            continue;
        }
        XGROW(into->v, into->n + 1, into->alloc);
        into->v[into->n++] = from->v[i];
        into->last = into->n;
    }
    if (from->dropped)
        into->last = 0;
    into->dropped += from->dropped;
    into->errors += from->errors;
    into->io_errors += from->io_errors;
    free(from->v);
    diags_init(from);
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

static const struct diag *sort_diags;

/* By line and column, then in the order found, so equal positions keep their order. */
static int compare_positions(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    const struct diag *x = &sort_diags[a], *y = &sort_diags[b];
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return (a > b) - (a < b);
}

static void render_one(const struct diag *g, struct strbuf *out)
{
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
    if (g->note) {
        strbuf_adds(out, "    = ");
        text_add_safe(out, g->note, true);
        strbuf_addc(out, '\n');
    }
}

/*
 * Files come in the order they were read; within a file, problems come top to bottom,
 * though they are found in several passes (parsing, then each check).
 */
void diags_render(const struct diags *d, struct strbuf *out)
{
    size_t *order = xcalloc(d->n ? d->n : 1, sizeof(*order));
    for (size_t i = 0; i < d->n; i++)
        order[i] = i;
    sort_diags = d->v;
    for (size_t start = 0, end; start < d->n; start = end) {
        for (end = start + 1; end < d->n && strcmp(d->v[end].file, d->v[start].file) == 0;)
            end++;
        qsort(order + start, end - start, sizeof(*order), compare_positions);
    }
    sort_diags = NULL;
    for (size_t i = 0; i < d->n; i++)
        render_one(&d->v[order[i]], out);
    free(order);
    if (d->dropped)
        strbuf_addf(out, "stagegap: %zu more problem%s not shown\n", d->dropped,
                    d->dropped == 1 ? "" : "s");
}
