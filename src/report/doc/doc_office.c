/*
 * doc_office.c - the walk the Word and OpenDocument writers share (doc_office.h). It
 * shows what markdown shows and leaves out what markdown leaves out (an empty list or
 * table, a section holding only the heat map that is drawn a stage at a time), so the
 * three paper formats say the same; unlike markdown it gives each table its caption,
 * and writes a paragraph only when it has text.
 */
#include "doc_office.h"

#include <string.h>

#include "strbuf.h"

static const char DASH[] = "\xE2\x80\x94";

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* s on one line (line breaks and tabs as spaces), trimmed when it is from the inputs. */
static void flat(struct strbuf *sb, const char *s, bool trim)
{
    const char *end = s + strlen(s);
    if (trim) {
        while (s < end && is_space(*s))
            s++;
        while (end > s && is_space(end[-1]))
            end--;
    }
    for (; s < end; s++)
        strbuf_addc(sb, is_space(*s) ? ' ' : *s);
}

static bool span_shown(const struct doc_span *sp)
{
    return (sp->only & DOC_MARKDOWN) && sp->kind != DOC_SPAN_REF && sp->kind != DOC_SPAN_BREAK;
}

static void one_run(const struct doc_span *sp, enum office_run_kind kind, office_run_fn *run,
                    void *ctx)
{
    struct strbuf sb = STRBUF_INIT;
    if (sp->kind == DOC_SPAN_NONE)
        strbuf_adds(&sb, DASH);
    else
        flat(&sb, sp->text, !sp->ours);
    if (sb.len)
        run(ctx, strbuf_str(&sb), kind);
    strbuf_release(&sb);
}

void office_runs(const struct doc_span *sp, bool terms, office_run_fn *run, void *ctx)
{
    if (terms && sp && sp->kind == DOC_SPAN_LABEL) {
        for (; sp && sp->kind == DOC_SPAN_LABEL; sp = sp->next)
            if (span_shown(sp))
                one_run(sp, OFFICE_STRONG, run, ctx);
        run(ctx, ": ", OFFICE_PLAIN);
    }
    for (; sp; sp = sp->next) {
        if (!span_shown(sp))
            continue;
        enum office_run_kind kind = sp->kind == DOC_SPAN_STRONG || sp->kind == DOC_SPAN_LABEL
                                        ? OFFICE_STRONG
                                    : sp->kind == DOC_SPAN_CODE ? OFFICE_CODE
                                                                : OFFICE_PLAIN;
        one_run(sp, kind, run, ctx);
    }
}

static void note_text(void *ctx, const char *text, enum office_run_kind kind)
{
    (void)kind;
    for (; *text; text++)
        if (*text != ' ')
            *(bool *)ctx = true;
}

bool office_has_text(const struct doc_span *sp)
{
    bool any = false;
    office_runs(sp, false, note_text, &any);
    return any;
}

void office_cell_runs(const struct doc_node *c, office_run_fn *run, void *ctx)
{
    bool any = office_has_text(c->spans);
    office_runs(c->spans, false, run, ctx);
    for (const struct doc_node *l = c->first; l; l = l->next) {
        if (!(l->only & DOC_MARKDOWN) || l->kind != DOC_LIST)
            continue;
        for (DOC_EACH(it, l->first, DOC_MARKDOWN)) {
            if (!office_has_text(it->spans))
                continue;
            if (any)
                run(ctx, "; ", OFFICE_PLAIN);
            office_runs(it->spans, false, run, ctx);
            any = true;
        }
    }
}

static void add_text(void *ctx, const char *text, enum office_run_kind kind)
{
    (void)kind;
    strbuf_adds(ctx, text);
}

static const struct doc_node *first_title(const struct doc_node *n)
{
    for (DOC_EACH(c, n, DOC_MARKDOWN)) {
        if (c->kind != DOC_SECTION)
            continue;
        if (c->level == 1 && office_has_text(c->spans))
            return c;
        const struct doc_node *inner = first_title(c->first);
        if (inner)
            return inner;
    }
    return NULL;
}

void office_title(const struct doc *d, struct strbuf *out)
{
    const struct doc_node *t = first_title(d->root->first);
    if (t)
        office_runs(t->spans, false, add_text, out);
}

struct strbuf *office_part(struct doc_package *pkg, const char *name, bool stored)
{
    struct doc_part *p = &pkg->parts[pkg->n++];
    p->name = name;
    p->stored = stored;
    strbuf_init(&p->data);
    return &p->data;
}

void doc_package_release(struct doc_package *pkg)
{
    for (size_t k = 0; k < pkg->n; k++)
        strbuf_release(&pkg->parts[k].data);
    pkg->n = 0;
}

/* ---- the walk ---- */

static void blocks(const struct office_writer *w, const struct doc_node *first);

static bool has_items(const struct doc_node *l)
{
    return doc_shown(l->first, DOC_MARKDOWN) != NULL;
}

static void list(const struct office_writer *w, const struct doc_node *l, bool terms)
{
    w->list_start(w->ctx, l->numbered && !terms);
    for (DOC_EACH(it, l->first, DOC_MARKDOWN)) {
        w->item_start(w->ctx);
        bool first = true;
        if (office_has_text(it->spans)) {
            w->para(w->ctx, OFFICE_ITEM, it->spans, terms);
            first = false;
        }
        for (DOC_EACH(c, it->first, DOC_MARKDOWN)) {
            if (c->kind == DOC_LIST && has_items(c)) {
                list(w, c, false);
            } else if (c->kind == DOC_PARA && office_has_text(c->spans)) {
                w->para(w->ctx, first ? OFFICE_ITEM : OFFICE_ITEM_MORE, c->spans, false);
                first = false;
            }
        }
        w->item_end(w->ctx);
    }
    w->list_end(w->ctx);
}

static size_t shown_cells(const struct doc_node *row)
{
    size_t n = 0;
    for (DOC_EACH(c, row->first, DOC_MARKDOWN))
        n++;
    return n;
}

/* The caption (the table's spans), then the table, its first row the header; each row
   filled with empty cells to the widest. */
static void table(const struct office_writer *w, const struct doc_node *t)
{
    size_t n_cols = 0;
    for (DOC_EACH(row, t->first, DOC_MARKDOWN)) {
        size_t n = shown_cells(row);
        n_cols = n > n_cols ? n : n_cols;
    }
    if (office_has_text(t->spans))
        w->para(w->ctx, OFFICE_CAPTION, t->spans, false);
    w->table_start(w->ctx, n_cols);
    bool head = true;
    for (DOC_EACH(row, t->first, DOC_MARKDOWN)) {
        w->row_start(w->ctx, head);
        size_t n = 0;
        for (DOC_EACH(c, row->first, DOC_MARKDOWN)) {
            w->cell(w->ctx, c, head);
            n++;
        }
        for (; n < n_cols; n++)
            w->cell(w->ctx, NULL, head);
        w->row_end(w->ctx, head);
        head = false;
    }
    w->table_end(w->ctx);
}

static void blocks(const struct office_writer *w, const struct doc_node *first)
{
    for (DOC_EACH(n, first, DOC_MARKDOWN)) {
        switch (n->kind) {
        case DOC_SECTION:
            if (!doc_section_has_content(n, DOC_MARKDOWN, true))
                break;
            if (office_has_text(n->spans))
                w->heading(w->ctx, n->level < 1 ? 1 : n->level > 3 ? 3 : n->level, n->spans);
            blocks(w, n->first);
            break;
        case DOC_PARA:
        case DOC_CALLOUT:
            if (office_has_text(n->spans))
                w->para(w->ctx, n->kind == DOC_PARA ? OFFICE_BODY : OFFICE_CALLOUT, n->spans,
                        false);
            break;
        case DOC_LIST:
        case DOC_TERMS:
            if (has_items(n))
                list(w, n, n->kind == DOC_TERMS);
            break;
        case DOC_TABLE:
            if (doc_table_has_body(n, DOC_MARKDOWN))
                table(w, n);
            break;
        case DOC_FIGURE: {
            if (n->figure->kind == DOC_FIGURE_MATRIX) /* drawn a stage at a time */
                break;
            struct doc t;
            doc_init(&t);
            doc_figure_table(&t, t.root, n->figure);
            blocks(w, t.root->first);
            doc_release(&t);
            break;
        }
        default: /* items, rows and cells: their parents draw them; HTML's own nodes */
            break;
        }
    }
}

void office_walk(const struct doc *d, const struct office_writer *w)
{
    blocks(w, d->root->first);
}
