/*
 * doc_markdown.c - the document as CommonMark with GFM tables, for pasting into a board
 * paper.
 *
 * Text from the inputs always goes through doc_md_text, which trims it and escapes it
 * with escape_markdown, and no line ever starts with it: every line opens with our own
 * words, a heading marker, a list marker, a quote marker or a table pipe. So input can
 * neither open a block nor, escaped, any inline markup or HTML. The layout keeps to
 * markdownlint's defaults (line length aside): one blank line between blocks, "-"
 * bullets, "1." numbering, tables with a separator row, no trailing spaces.
 */
#include "doc.h"

#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "strbuf.h"

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void doc_md_text(struct strbuf *out, const char *s)
{
    if (!s)
        return;
    const char *end = s + strlen(s);
    while (s < end && is_space(*s))
        s++;
    while (end > s && is_space(end[-1]))
        end--;
    struct strbuf trimmed = STRBUF_INIT;
    strbuf_add(&trimmed, s, (size_t)(end - s));
    escape_markdown(out, strbuf_str(&trimmed));
    strbuf_release(&trimmed);
}

static bool shown(const struct doc_node *n)
{
    return (n->only & DOC_MARKDOWN) != 0;
}

/* Ends a line. Input that trimmed to nothing may leave a label's space at the end;
 * markdownlint (MD009) and hard line breaks both want it gone. */
static void eol(struct strbuf *out)
{
    while (out->len > 0 && out->buf[out->len - 1] == ' ')
        out->buf[--out->len] = '\0';
    strbuf_addc(out, '\n');
}

static void span_text(struct strbuf *out, const struct doc_span *sp)
{
    if (sp->ours)
        strbuf_adds(out, sp->text);
    else
        doc_md_text(out, sp->text);
}

/* A code span only for text that cannot close or break it; other text as plain. */
static bool code_safe(const char *s)
{
    for (; *s; s++)
        if (*s == '`' || (unsigned char)*s < 0x20 || *s == 0x7f)
            return false;
    return true;
}

/* A link target, with whatever could end it or open markup percent-encoded. */
static void href(struct strbuf *out, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c <= 0x20 || c >= 0x7f || strchr("()<>[]\\`\"'*_|", c))
            strbuf_addf(out, "%%%02X", c);
        else
            strbuf_addc(out, (char)c);
    }
}

/* What each kind of span is set between; a kind without is written as plain text. */
static const char *const marks[DOC_SPAN_NONE + 1][2] = {
    [DOC_SPAN_STRONG] = {"**", "**"},
    [DOC_SPAN_LINK] = {"[", "]("},
};

static void inlines(struct strbuf *out, const struct doc_span *sp)
{
    for (; sp; sp = sp->next) {
        if (!(sp->only & DOC_MARKDOWN))
            continue;
        if (sp->kind == DOC_SPAN_REF || sp->kind == DOC_SPAN_BREAK)
            continue;
        if (sp->kind == DOC_SPAN_NONE) {
            strbuf_adds(out, "\xE2\x80\x94");
            continue;
        }
        if (sp->kind == DOC_SPAN_CODE && code_safe(sp->text)) {
            strbuf_addf(out, "`%s`", sp->text);
            continue;
        }
        const char *const *m = marks[sp->kind];
        strbuf_adds(out, m[0] ? m[0] : "");
        span_text(out, sp);
        strbuf_adds(out, m[1] ? m[1] : "");
        if (sp->kind == DOC_SPAN_LINK) {
            href(out, sp->href);
            strbuf_adds(out, ")");
        }
    }
}

static void blocks(struct strbuf *out, const struct doc_node *first, const char *prefix);

/* Markdown has no empty list: one with no item to show is left out. */
static bool has_items(const struct doc_node *l)
{
    return doc_shown(l->first, DOC_MARKDOWN) != NULL;
}

/* A list's items, one a line; what an item holds beyond its first paragraph is indented
   under it, with no blank line (a tight list). */
static void list(struct strbuf *out, const struct doc_node *l, const char *prefix)
{
    size_t k = 0;
    for (DOC_EACH(it, l->first, DOC_MARKDOWN)) {
        char marker[32];
        k++;
        if (l->numbered)
            (void)snprintf(marker, sizeof(marker), "%zu. ", k);
        else
            strcpy(marker, "- ");
        strbuf_addf(out, "%s%s", prefix, marker);
        inlines(out, it->spans);
        eol(out);
        struct strbuf inner = STRBUF_INIT;
        strbuf_addf(&inner, "%s%*s", prefix, (int)strlen(marker), "");
        for (DOC_EACH(c, it->first, DOC_MARKDOWN)) {
            if (c->kind == DOC_LIST && has_items(c)) {
                list(out, c, strbuf_str(&inner));
            } else if (c->kind == DOC_PARA) {
                strbuf_adds(out, strbuf_str(&inner));
                inlines(out, c->spans);
                eol(out);
            }
        }
        strbuf_release(&inner);
    }
}

/*
 * Closes a table cell opened with "| " (or " " after the previous cell). An empty cell
 * is written "| |": markdownlint (MD060) wants one space, not two.
 */
static void cell_end(struct strbuf *out, const struct doc_node *c)
{
    bool empty = out->len >= 2 && out->buf[out->len - 1] == ' ' && out->buf[out->len - 2] == '|';
    strbuf_adds(out, empty && !c->two_spaces ? "|" : " |");
}

/* A list in a cell, run on after the cell's text: its items' text, "; " between. */
static void cell_list(struct strbuf *out, const struct doc_node *c)
{
    for (const struct doc_node *l = c->first; l; l = l->next) {
        if (!shown(l) || l->kind != DOC_LIST)
            continue;
        const char *sep = "";
        for (DOC_EACH(it, l->first, DOC_MARKDOWN)) {
            strbuf_adds(out, sep);
            inlines(out, it->spans);
            sep = "; ";
        }
    }
}

/* A GFM table: its first row is the header; markdown has no caption, so none is shown. */
static void table(struct strbuf *out, const struct doc_node *t, const char *prefix)
{
    bool head = true;
    for (DOC_EACH(row, t->first, DOC_MARKDOWN)) {
        strbuf_addf(out, "%s|", prefix);
        for (DOC_EACH(c, row->first, DOC_MARKDOWN)) {
            strbuf_adds(out, " ");
            inlines(out, c->spans);
            cell_list(out, c);
            cell_end(out, c);
        }
        strbuf_addc(out, '\n');
        if (head) {
            strbuf_addf(out, "%s|", prefix);
            for (const struct doc_node *c = row->first; c; c = c->next)
                if (shown(c))
                    strbuf_adds(out, c->halign == DOC_ALIGN_RIGHT ? " ---: |" : " --- |");
            strbuf_addc(out, '\n');
        }
        head = false;
    }
}

static bool heading_shown(const struct doc_span *sp)
{
    for (; sp; sp = sp->next)
        if (sp->only & DOC_MARKDOWN)
            return true;
    return false;
}

/* Each detail a line: "- Term: value", or "- value" for one without a term. */
static void terms(struct strbuf *out, const struct doc_node *t, const char *prefix)
{
    for (DOC_EACH(it, t->first, DOC_MARKDOWN)) {
        const struct doc_span *sp = it->spans;
        strbuf_addf(out, "%s- ", prefix);
        if (sp && sp->kind == DOC_SPAN_LABEL) {
            for (; sp && sp->kind == DOC_SPAN_LABEL; sp = sp->next)
                if (sp->only & DOC_MARKDOWN)
                    span_text(out, sp);
            strbuf_adds(out, ": ");
        }
        inlines(out, sp);
        eol(out);
    }
}

static void blocks(struct strbuf *out, const struct doc_node *first, const char *prefix)
{
    for (DOC_EACH(n, first, DOC_MARKDOWN)) {
        switch (n->kind) {
        case DOC_SECTION:
            if (!doc_section_has_content(n, DOC_MARKDOWN, true))
                break;
            if (!heading_shown(n->spans)) { /* its body in its place */
                blocks(out, n->first, prefix);
                break;
            }
            for (int k = 0; k < n->level; k++)
                strbuf_addc(out, '#');
            strbuf_addc(out, ' ');
            inlines(out, n->spans);
            eol(out);
            strbuf_addc(out, '\n');
            blocks(out, n->first, prefix);
            break;
        case DOC_PARA:
            strbuf_adds(out, prefix);
            inlines(out, n->spans);
            eol(out);
            strbuf_addc(out, '\n');
            break;
        case DOC_CALLOUT: {
            /* Callouts in a row are one quotation, a paragraph each. */
            const struct doc_node *next = doc_shown(n->next, DOC_MARKDOWN);
            strbuf_addf(out, "%s> ", prefix);
            inlines(out, n->spans);
            eol(out);
            if (next && next->kind == DOC_CALLOUT)
                strbuf_addf(out, "%s>\n", prefix);
            else
                strbuf_addc(out, '\n');
            break;
        }
        case DOC_LIST:
            if (!has_items(n))
                break;
            list(out, n, prefix);
            strbuf_addc(out, '\n');
            break;
        case DOC_TABLE:
            if (!doc_table_has_body(n, DOC_MARKDOWN))
                break;
            table(out, n, prefix);
            strbuf_addc(out, '\n');
            break;
        case DOC_FIGURE: {
            if (n->figure->kind == DOC_FIGURE_MATRIX) { /* drawn a stage at a time here */
                strbuf_addc(out, '\n');
                break;
            }
            struct doc t;
            doc_init(&t);
            doc_figure_table(&t, t.root, n->figure);
            blocks(out, t.root->first, prefix);
            doc_release(&t);
            break;
        }
        case DOC_TERMS:
            if (!has_items(n))
                break;
            terms(out, n, prefix);
            strbuf_addc(out, '\n');
            break;
        default: /* items, rows and cells: their parents draw them */
            break;
        }
    }
}

void doc_write_markdown(const struct doc *d, struct strbuf *out)
{
    blocks(out, d->root->first, "");
}
