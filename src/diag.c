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

/* A safe copy of line number `line` of the current source, or NULL. */
static char *copy_source_line(const struct diags *d, unsigned line)
{
    if (!d->source || line == 0)
        return NULL;
    const char *p = d->source, *end = d->source + d->source_len;
    for (unsigned l = 1; l < line; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    size_t len = (size_t)((eol ? eol : end) - p);
    if (len && p[len - 1] == '\r')
        len--;
    if (len > SOURCE_LINE_MAX)
        len = SOURCE_LINE_MAX;
    char *raw = xstrndup(p, len);
    struct strbuf sb = STRBUF_INIT;
    text_add_safe(&sb, raw, true);
    free(raw);
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
    g->source_line = copy_source_line(d, line);
}

bool diags_failed(const struct diags *d)
{
    return d->errors > 0 || d->io_errors > 0;
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
static void render_caret(struct strbuf *out, const char *shown, unsigned column)
{
    size_t width = utf8_width(shown, strlen(shown));
    size_t col = column ? column - 1 : 0;
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
            render_caret(out, g->source_line, g->column);
        }
    }
    if (d->dropped)
        strbuf_addf(out, "stagegap: %zu more problem%s not shown\n", d->dropped,
                    d->dropped == 1 ? "" : "s");
}
