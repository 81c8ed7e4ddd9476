/*
 * doc.c - building the document tree that the writers (doc_text.c, doc_markdown.c,
 * doc_html.c) draw. Every node and string lives in the document's pool.
 */
#include "doc.h"

#include <stdarg.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

void doc_init(struct doc *d)
{
    pool_init(&d->pool);
    d->root = pool_alloc(&d->pool, sizeof(*d->root));
    d->root->kind = DOC_ROOT;
    d->root->only = DOC_ALL;
}

void doc_release(struct doc *d)
{
    pool_release(&d->pool);
    d->root = NULL;
}

static struct doc_node *add(struct doc *d, struct doc_node *parent, enum doc_kind kind)
{
    struct doc_node *n = pool_alloc(&d->pool, sizeof(*n));
    n->kind = kind;
    n->only = DOC_ALL;
    n->parent = parent;
    if (parent->last)
        parent->last->next = n;
    else
        parent->first = n;
    parent->last = n;
    return n;
}

/* The blocks that need nothing but their place. */
#define BLOCK(name, kind)                                                                          \
    struct doc_node *name(struct doc *d, struct doc_node *parent)                                  \
    {                                                                                              \
        return add(d, parent, kind);                                                               \
    }
BLOCK(doc_para, DOC_PARA)
BLOCK(doc_item, DOC_ITEM)
BLOCK(doc_terms, DOC_TERMS)
BLOCK(doc_nav, DOC_NAV)

struct doc_node *doc_section(struct doc *d, struct doc_node *parent, int level, const char *id)
{
    struct doc_node *n = add(d, parent, DOC_SECTION);
    n->level = level;
    n->id = id ? pool_strdup(&d->pool, id) : NULL;
    return n;
}

struct doc_node *doc_list(struct doc *d, struct doc_node *parent, bool numbered)
{
    struct doc_node *n = add(d, parent, DOC_LIST);
    n->numbered = numbered;
    return n;
}

struct doc_node *doc_callout(struct doc *d, struct doc_node *parent, enum doc_tone tone)
{
    struct doc_node *n = add(d, parent, DOC_CALLOUT);
    n->tone = tone;
    return n;
}

struct doc_node *doc_table(struct doc *d, struct doc_node *parent, size_t n_cols)
{
    struct doc_node *n = add(d, parent, DOC_TABLE);
    n->n_cols = n_cols;
    n->align = pool_array(&d->pool, n_cols ? n_cols : 1, sizeof(*n->align));
    return n;
}

void doc_table_align(struct doc_node *table, size_t col, enum doc_align align)
{
    if (col < table->n_cols)
        table->align[col] = align;
}

struct doc_node *doc_row(struct doc *d, struct doc_node *table)
{
    return add(d, table, DOC_ROW);
}

struct doc_node *doc_cell(struct doc *d, struct doc_node *row, bool header)
{
    size_t col = 0;
    for (const struct doc_node *c = row->first; c; c = c->next)
        col++;
    struct doc_node *n = add(d, row, DOC_CELL);
    const struct doc_node *t = row->parent;
    n->halign = t && col < t->n_cols ? t->align[col] : DOC_ALIGN_LEFT;
    n->header = header;
    return n;
}

struct doc_node *doc_figure(struct doc *d, struct doc_node *parent, enum doc_figure_kind kind,
                            size_t n_rows, size_t n_cols)
{
    struct doc_node *n = add(d, parent, DOC_FIGURE);
    struct doc_figure *f = pool_alloc(&d->pool, sizeof(*f));
    f->kind = kind;
    f->n_rows = n_rows;
    f->n_cols = n_cols;
    f->rows = pool_array(&d->pool, n_rows + 1, sizeof(*f->rows));
    f->counts = pool_array(&d->pool, n_rows + 1, sizeof(*f->counts));
    f->cols = pool_array(&d->pool, n_cols + 1, sizeof(*f->cols));
    f->cells = pool_array(&d->pool, st_add(st_mult(n_rows, n_cols), 1), sizeof(*f->cells));
    f->bands = pool_array(&d->pool, n_rows + 1, sizeof(*f->bands));
    f->shares = pool_array(&d->pool, n_rows + 1, sizeof(*f->shares));
    f->marks = pool_array(&d->pool, n_rows + 1, sizeof(*f->marks));
    f->moves = pool_array(&d->pool, st_add(st_mult(n_rows, n_cols), 1), sizeof(*f->moves));
    f->counts_after = pool_array(&d->pool, n_rows + 1, sizeof(*f->counts_after));
    f->item_moves = pool_array(&d->pool, n_rows + 1, sizeof(*f->item_moves));
    f->plan_rows = pool_array(&d->pool, n_rows + 1, sizeof(*f->plan_rows));
    f->row_words = pool_array(&d->pool, n_rows + 1, sizeof(*f->row_words));
    f->row_lines = pool_array(&d->pool, n_rows + 1, sizeof(*f->row_lines));
    n->figure = f;
    return n;
}

struct doc_node *doc_series(struct doc *d, struct doc_node *parent, size_t n_rows, size_t n_cols,
                            size_t n_points)
{
    struct doc_node *n = doc_figure(d, parent, DOC_FIGURE_SERIES, n_rows, n_cols);
    struct doc_figure *f = n->figure;
    f->n_points = n_points;
    f->points = doc_alloc(d, n_points, sizeof(*f->points));
    f->point_counts = doc_alloc(d, st_mult(n_rows, n_points), sizeof(*f->point_counts));
    f->series = doc_alloc(d, st_mult(st_mult(n_rows, n_cols), n_points), sizeof(*f->series));
    f->point_orgs = doc_alloc(d, n_points, sizeof(*f->point_orgs));
    f->point_focus = doc_alloc(d, n_points, sizeof(*f->point_focus));
    f->series_bands =
        doc_alloc(d, st_mult(st_mult(n_rows, n_cols), n_points), sizeof(*f->series_bands));
    return n;
}

struct doc_node *doc_drawn(struct doc *d, struct doc_node *parent, const char *html)
{
    struct doc_node *n = doc_only(add(d, parent, DOC_DRAWN), DOC_HTML);
    n->html = pool_strdup(&d->pool, html ? html : "");
    return n;
}

void *doc_alloc(struct doc *d, size_t n, size_t size)
{
    return pool_array(&d->pool, n ? n : 1, size);
}

void doc_figure_bands(struct doc *d, struct doc_figure *f, size_t n)
{
    f->band_titles = pool_array(&d->pool, n + 1, sizeof(*f->band_titles));
    f->band_mins = pool_array(&d->pool, n + 1, sizeof(*f->band_mins));
    f->n_bands = n;
}

const char *doc_strdup(struct doc *d, const char *s)
{
    return pool_strdup(&d->pool, s ? s : "");
}

const char *doc_take(struct doc *d, struct strbuf *sb)
{
    const char *s = doc_strdup(d, strbuf_str(sb));
    strbuf_release(sb);
    return s;
}

struct doc_node *doc_only(struct doc_node *n, unsigned formats)
{
    n->only = formats & DOC_ALL;
    return n;
}

static struct doc_span *span(struct doc *d, struct doc_node *n, enum doc_span_kind kind, bool ours,
                             const char *s)
{
    struct doc_span *sp = pool_alloc(&d->pool, sizeof(*sp));
    sp->kind = kind;
    sp->ours = ours;
    sp->only = DOC_ALL;
    sp->text = pool_strdup(&d->pool, s ? s : "");
    if (n->last_span)
        n->last_span->next = sp;
    else
        n->spans = sp;
    n->last_span = sp;
    return sp;
}

/* The spans of one kind: text from the inputs (false) or our words (true). */
#define SPAN(name, kind, ours)                                                                     \
    struct doc_span *name(struct doc *d, struct doc_node *n, const char *s)                        \
    {                                                                                              \
        return span(d, n, kind, ours, s);                                                          \
    }
SPAN(doc_text, DOC_SPAN_PLAIN, false)
SPAN(doc_words, DOC_SPAN_PLAIN, true)
SPAN(doc_strong, DOC_SPAN_STRONG, false)
SPAN(doc_code, DOC_SPAN_CODE, false)
SPAN(doc_label, DOC_SPAN_LABEL, true)
SPAN(doc_label_text, DOC_SPAN_LABEL, false)
SPAN(doc_aside, DOC_SPAN_ASIDE, true)
SPAN(doc_tag, DOC_SPAN_TAG, true)
SPAN(doc_ref, DOC_SPAN_REF, false)

struct doc_span *doc_wordsf(struct doc *d, struct doc_node *n, const char *fmt, ...)
{
    struct strbuf sb = STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    strbuf_vaddf(&sb, fmt, ap);
    va_end(ap);
    struct doc_span *sp = span(d, n, DOC_SPAN_PLAIN, true, strbuf_str(&sb));
    strbuf_release(&sb);
    return sp;
}

struct doc_span *doc_link(struct doc *d, struct doc_node *n, const char *s, const char *href)
{
    struct doc_span *sp = span(d, n, DOC_SPAN_LINK, false, s);
    sp->href = pool_strdup(&d->pool, href ? href : "");
    return sp;
}

struct doc_span *doc_span_only(struct doc_span *sp, unsigned formats)
{
    sp->only = formats & DOC_ALL;
    return sp;
}

struct doc_span *doc_none(struct doc *d, struct doc_node *n)
{
    return span(d, n, DOC_SPAN_NONE, true, "");
}

struct doc_node *doc_words_cell(struct doc *d, struct doc_node *row, const char *s)
{
    struct doc_node *c = doc_cell(d, row, false);
    doc_words(d, c, s);
    return c;
}

struct doc_node *doc_text_cell(struct doc *d, struct doc_node *row, const char *s)
{
    struct doc_node *c = doc_cell(d, row, false);
    if (s && *s)
        doc_text(d, c, s);
    else
        doc_none(d, c);
    return c;
}

struct doc_span *doc_break(struct doc *d, struct doc_node *n)
{
    return doc_span_only(span(d, n, DOC_SPAN_BREAK, true, ""), DOC_HTML);
}

const struct doc_node *doc_shown(const struct doc_node *n, unsigned format)
{
    while (n && !(n->only & format))
        n = n->next;
    return n;
}

bool doc_table_has_body(const struct doc_node *t, unsigned format)
{
    const struct doc_node *head = doc_shown(t->first, format);
    return head && doc_shown(head->next, format);
}

bool doc_section_has_content(const struct doc_node *s, unsigned format, bool aside_matrix)
{
    bool matrix = false, other = false;
    for (DOC_EACH(c, s->first, format)) {
        if (aside_matrix && c->kind == DOC_FIGURE && c->figure->kind == DOC_FIGURE_MATRIX)
            matrix = true;
        else
            other = true;
    }
    return other || !matrix;
}
