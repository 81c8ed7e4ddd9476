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

static void inlines(struct strbuf *out, const struct doc_span *sp)
{
    for (; sp; sp = sp->next) {
        if (!(sp->only & DOC_MARKDOWN))
            continue;
        switch (sp->kind) {
        case DOC_SPAN_PLAIN:
        case DOC_SPAN_LABEL:
        case DOC_SPAN_ASIDE:
        case DOC_SPAN_TAG:
            span_text(out, sp);
            break;
        case DOC_SPAN_REF:
        case DOC_SPAN_BREAK:
            break;
        case DOC_SPAN_NONE:
            strbuf_adds(out, "\xE2\x80\x94");
            break;
        case DOC_SPAN_STRONG:
            strbuf_adds(out, "**");
            span_text(out, sp);
            strbuf_adds(out, "**");
            break;
        case DOC_SPAN_EMPH:
            strbuf_adds(out, "*");
            span_text(out, sp);
            strbuf_adds(out, "*");
            break;
        case DOC_SPAN_CODE:
            if (code_safe(sp->text))
                strbuf_addf(out, "`%s`", sp->text);
            else
                span_text(out, sp);
            break;
        case DOC_SPAN_LINK:
            strbuf_adds(out, "[");
            span_text(out, sp);
            strbuf_adds(out, "](");
            href(out, sp->href);
            strbuf_adds(out, ")");
            break;
        }
    }
}

static void blocks(struct strbuf *out, const struct doc_node *first, const char *prefix);

static const struct doc_node *next_shown(const struct doc_node *n)
{
    for (n = n->next; n && !shown(n); n = n->next)
        ;
    return n;
}

/* Markdown has no empty list: one with no item to show is left out. */
static bool has_items(const struct doc_node *l)
{
    for (const struct doc_node *it = l->first; it; it = it->next)
        if (shown(it))
            return true;
    return false;
}

/* A list's items, one a line; what an item holds beyond its first paragraph is indented
   under it, with no blank line (a tight list). */
static void list(struct strbuf *out, const struct doc_node *l, const char *prefix)
{
    size_t k = 0;
    for (const struct doc_node *it = l->first; it; it = it->next) {
        if (!shown(it))
            continue;
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
        for (const struct doc_node *c = it->first; c; c = c->next) {
            if (!shown(c))
                continue;
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
static void cell_end(struct strbuf *out)
{
    bool empty = out->len >= 2 && out->buf[out->len - 1] == ' ' && out->buf[out->len - 2] == '|';
    strbuf_adds(out, empty ? "|" : " |");
}

/* A list in a cell, run on after the cell's text: its items' text, "; " between. */
static void cell_list(struct strbuf *out, const struct doc_node *c)
{
    for (const struct doc_node *l = c->first; l; l = l->next) {
        if (!shown(l) || l->kind != DOC_LIST)
            continue;
        const char *sep = "";
        for (const struct doc_node *it = l->first; it; it = it->next) {
            if (!shown(it))
                continue;
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
    for (const struct doc_node *row = t->first; row; row = row->next) {
        if (!shown(row))
            continue;
        strbuf_addf(out, "%s|", prefix);
        for (const struct doc_node *c = row->first; c; c = c->next) {
            if (!shown(c))
                continue;
            strbuf_adds(out, " ");
            inlines(out, c->spans);
            cell_list(out, c);
            cell_end(out);
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

/* A figure as a table: a row a group, its respondents, then a column a stage. */
static void groups(struct strbuf *out, const struct doc_figure *f)
{
    strbuf_adds(out, "| Group | Respondents |");
    for (size_t c = 0; c < f->n_cols; c++) {
        strbuf_adds(out, " ");
        doc_md_text(out, f->cols[c]);
        cell_end(out);
    }
    strbuf_adds(out, "\n| --- | ---: |");
    for (size_t c = 0; c < f->n_cols; c++)
        strbuf_adds(out, " ---: |");
    strbuf_addc(out, '\n');
    for (size_t g = 0; g < f->n_rows; g++) {
        strbuf_adds(out, "| ");
        doc_md_text(out, f->rows[g]);
        cell_end(out);
        strbuf_addf(out, " %zu |", f->counts[g]);
        for (size_t c = 0; c < f->n_cols; c++) {
            const struct doc_heat_cell *cell = &f->cells[g * f->n_cols + c];
            strbuf_addf(out, " %s |", cell->has ? cell->shown : "\xE2\x80\x94");
        }
        strbuf_addc(out, '\n');
    }
}

/* A level a row: its score, and its items answered of all. */
static void levels(struct strbuf *out, const struct doc_figure *f)
{
    strbuf_adds(out, "| Level | Score | Answered |\n| --- | ---: | ---: |\n");
    for (size_t l = 0; l < f->n_rows; l++) {
        const struct doc_heat_cell *c = &f->cells[l];
        strbuf_adds(out, "| ");
        doc_md_text(out, f->rows[l]);
        cell_end(out);
        strbuf_addf(out, " %s | %zu/%zu |\n", c->has ? c->shown : "\xE2\x80\x94", c->answered,
                    c->items);
    }
}

/* The stages as a table: score, band, and the questions answered of those that apply. */
static void stages(struct strbuf *out, const struct doc_figure *f)
{
    strbuf_adds(out, "| Stage | Score | Band | Coverage |\n| --- | ---: | --- | ---: |\n");
    for (size_t st = 0; st < f->n_rows; st++) {
        const struct doc_heat_cell *c = &f->cells[st];
        strbuf_adds(out, "| ");
        doc_md_text(out, f->rows[st]);
        cell_end(out);
        strbuf_addf(out, " %s | ", c->has ? c->shown : "\xE2\x80\x94");
        doc_md_text(out, f->bands[st]);
        cell_end(out);
        strbuf_addf(out, " %zu/%zu", c->answered, c->items);
        if (f->shares[st])
            strbuf_addf(out, " (%s%%)", f->shares[st]);
        strbuf_adds(out, " |\n");
    }
}

/* ---- before and after (compare) ---- */

static void md_figure(struct strbuf *out, const char *s)
{
    strbuf_adds(out, s ? s : "\xE2\x80\x94");
}

/* " | before | after | change |", a dash for none. */
static void move_cells(struct strbuf *out, const struct doc_move *m)
{
    strbuf_adds(out, " | ");
    md_figure(out, m->before);
    strbuf_adds(out, " | ");
    md_figure(out, m->after);
    strbuf_adds(out, " | ");
    md_figure(out, m->change);
}

static void movement(struct strbuf *out, const struct doc_figure *f)
{
    strbuf_adds(out, "| Stage | Before | After | Change |\n| --- | ---: | ---: | ---: |\n");
    for (size_t st = 0; st < f->n_rows; st++) {
        strbuf_adds(out, "| ");
        escape_markdown(out, f->rows[st]);
        move_cells(out, &f->moves[st]);
        if (f->moves[st].note)
            strbuf_addf(out, " (%s)", f->moves[st].note);
        strbuf_adds(out, " |\n");
    }
}

/* One table: a group's name and respondents on its first stage's row only. */
static void group_movement(struct strbuf *out, const struct doc_figure *f)
{
    strbuf_adds(out, "| Group | Respondents | Stage | Before | After | Change |\n"
                     "| --- | ---: | --- | ---: | ---: | ---: |\n");
    for (size_t g = 0; g < f->n_rows; g++) {
        for (size_t st = 0; st < f->n_cols; st++) {
            strbuf_adds(out, "| ");
            if (st == 0) {
                escape_markdown(out, f->rows[g]);
                strbuf_addf(out, " | %zu \xE2\x86\x92 %zu |", f->counts[g], f->counts_after[g]);
            } else {
                strbuf_adds(out, " |  |");
            }
            strbuf_adds(out, " ");
            escape_markdown(out, f->cols[st]);
            move_cells(out, &f->moves[g * f->n_cols + st]);
            strbuf_adds(out, " |\n");
        }
    }
}

static void item_moves(struct strbuf *out, const struct doc_figure *f)
{
    if (!f->n_rows) {
        strbuf_adds(out, "None.\n");
        return;
    }
    strbuf_adds(out, "| Stage | Kind | Item | Before | After | Better or worse |\n"
                     "| --- | --- | --- | ---: | ---: | --- |\n");
    for (size_t k = 0; k < f->n_rows; k++) {
        const struct doc_item_move *m = &f->item_moves[k];
        strbuf_adds(out, "| ");
        escape_markdown(out, m->stage);
        strbuf_addf(out, " | %s | ", m->kind);
        escape_markdown(out, m->text);
        strbuf_adds(out, " | ");
        md_figure(out, m->before);
        strbuf_adds(out, " | ");
        md_figure(out, m->after);
        strbuf_adds(out, " | ");
        md_figure(out, m->direction);
        strbuf_adds(out, " |\n");
    }
}

/* Input text in a table cell: trimmed and escaped; a dash when empty. */
static void md_cell(struct strbuf *out, const char *s)
{
    size_t before = out->len;
    doc_md_text(out, s);
    if (out->len == before)
        strbuf_adds(out, "\xE2\x80\x94");
}

static const char MD_GAP_HEAD[] = "Answer before | Answer after | Change | Points before | "
                                  "Points after | Change | Gap now |\n";
static const char MD_GAP_RULE[] = "---: | ---: | ---: | ---: | ---: | ---: | --- |\n";

/* A gap's cells after its name: answers, points and how it stands now. */
static void gap_cells(struct strbuf *out, const struct doc_gap_move *g)
{
    strbuf_addf(out, "%s | %s | ", g->answer_before, g->answer_after);
    md_figure(out, g->answer_change);
    strbuf_addf(out, " | %s | ", g->points_before);
    md_figure(out, g->points_after);
    strbuf_adds(out, " | ");
    md_figure(out, g->points_change);
    strbuf_addf(out, " | %s |\n", g->now);
}

/* A table a part of the plan: an action's row and its gaps' (dashes under the action
   after its first), the gaps none addressed, or the actions not counted. */
static void plan_rows(struct strbuf *out, const struct doc_figure *f)
{
    const struct doc_plan_row *row = f->plan_rows;
    if (f->kind == DOC_FIGURE_PLAN_GAPS ? !row->n_gaps : !f->n_rows) {
        strbuf_adds(out, "None.\n");
        return;
    }
    if (f->kind == DOC_FIGURE_PLAN_NOT_COUNTED) {
        strbuf_adds(out, "| Action | Status | Done | Why not counted |\n"
                         "| --- | --- | --- | --- |\n");
        for (size_t k = 0; k < f->n_rows; k++, row++) {
            strbuf_adds(out, "| ");
            md_cell(out, row->action);
            strbuf_addf(out, " | %s | ", row->status);
            md_cell(out, row->done);
            strbuf_addf(out, " | %s |\n", row->reason);
        }
        return;
    }
    if (f->kind == DOC_FIGURE_PLAN_GAPS) {
        strbuf_addf(out, "| Gap | %s| --- | %s", MD_GAP_HEAD, MD_GAP_RULE);
        for (size_t g = 0; g < row->n_gaps; g++) {
            strbuf_adds(out, "| ");
            md_cell(out, row->gaps[g].name);
            strbuf_adds(out, " | ");
            gap_cells(out, &row->gaps[g]);
        }
        return;
    }
    strbuf_addf(out, "| Action | Done | Owner | Gap | %s| --- | --- | --- | --- | %s", MD_GAP_HEAD,
                MD_GAP_RULE);
    for (size_t k = 0; k < f->n_rows; k++, row++) {
        for (size_t g = 0; g < row->n_gaps || g == 0; g++) {
            strbuf_adds(out, "| ");
            if (g == 0) {
                md_cell(out, row->action);
                strbuf_adds(out, " | ");
                md_cell(out, row->done);
                strbuf_adds(out, " | ");
                md_cell(out, row->owner);
            } else {
                strbuf_adds(out, "\xE2\x80\x94 | \xE2\x80\x94 | \xE2\x80\x94");
            }
            strbuf_adds(out, " | ");
            if (g < row->n_gaps) {
                md_cell(out, row->gaps[g].name);
                strbuf_adds(out, " | ");
                gap_cells(out, &row->gaps[g]);
            } else {
                strbuf_adds(out, "no gap it addresses was open before");
                for (int c = 0; c < 7; c++)
                    strbuf_adds(out, " | \xE2\x80\x94");
                strbuf_adds(out, " |\n");
            }
        }
    }
}

/* A row a stage: its focus, then the date it was first in each band, the top band last. */
static void timeline(struct strbuf *out, const struct doc_figure *f)
{
    strbuf_adds(out, "| Stage | Focus |");
    for (size_t b = f->n_cols; b-- > 0;) {
        strbuf_adds(out, " ");
        escape_markdown(out, f->cols[b]);
        strbuf_adds(out, b ? " |" : " (top band) |");
    }
    strbuf_adds(out, "\n| --- | --- |");
    for (size_t b = 0; b < f->n_cols; b++)
        strbuf_adds(out, " --- |");
    strbuf_addc(out, '\n');
    for (size_t st = 0; st < f->n_rows; st++) {
        strbuf_adds(out, "| ");
        escape_markdown(out, f->rows[st]);
        strbuf_addf(out, " | %s |", f->row_words[st]);
        for (size_t b = f->n_cols; b-- > 0;) {
            strbuf_adds(out, " ");
            md_figure(out, f->cells[st * f->n_cols + b].shown);
            strbuf_adds(out, " |");
        }
        strbuf_addc(out, '\n');
    }
}

/* The whole assessment's: a row a point, its organisation, respondents and scores. */
static void series_whole(struct strbuf *out, const struct doc_figure *f)
{
    strbuf_adds(out, "| Date | Organisation | Respondents |");
    for (size_t st = 0; st < f->n_cols; st++) {
        strbuf_adds(out, " ");
        escape_markdown(out, f->cols[st]);
        strbuf_adds(out, " |");
    }
    strbuf_adds(out, "\n| --- | --- | ---: |");
    for (size_t st = 0; st < f->n_cols; st++)
        strbuf_adds(out, " ---: |");
    strbuf_adds(out, "\n");
    for (size_t k = 0; k < f->n_points; k++) {
        strbuf_addf(out, "| %s | ", f->points[k]);
        escape_markdown(out, f->point_orgs[k]);
        strbuf_addf(out, " | %zu |", f->point_counts[k]);
        for (size_t st = 0; st < f->n_cols; st++) {
            const struct doc_heat_cell *v = &f->series[st * f->n_points + k];
            strbuf_adds(out, " ");
            md_figure(out, v->has ? v->shown : NULL);
            strbuf_adds(out, " |");
        }
        strbuf_adds(out, "\n");
    }
}

/* A table: a column a point; a group's respondents, then each stage's scores. */
static void series(struct strbuf *out, const struct doc_figure *f)
{
    if (f->n_rows && !f->rows[0]) {
        series_whole(out, f);
        return;
    }
    strbuf_adds(out, "| Group | Figure |");
    for (size_t k = 0; k < f->n_points; k++)
        strbuf_addf(out, " %s |", f->points[k]);
    strbuf_adds(out, "\n| --- | --- |");
    for (size_t k = 0; k < f->n_points; k++)
        strbuf_adds(out, " ---: |");
    strbuf_addc(out, '\n');
    for (size_t g = 0; g < f->n_rows; g++) {
        strbuf_adds(out, "| ");
        escape_markdown(out, f->rows[g]);
        strbuf_adds(out, " | Respondents |");
        for (size_t k = 0; k < f->n_points; k++)
            strbuf_addf(out, " %zu |", f->point_counts[g * f->n_points + k]);
        strbuf_addc(out, '\n');
        for (size_t st = 0; st < f->n_cols; st++) {
            const struct doc_heat_cell *v = &f->series[(g * f->n_cols + st) * f->n_points];
            strbuf_adds(out, "|  | ");
            escape_markdown(out, f->cols[st]);
            strbuf_adds(out, " |");
            for (size_t k = 0; k < f->n_points; k++) {
                strbuf_adds(out, " ");
                md_figure(out, v[k].has ? v[k].shown : NULL);
                strbuf_adds(out, " |");
            }
            strbuf_addc(out, '\n');
        }
    }
}

/* The figure drawn this writer's way. */
static void figure(struct strbuf *out, const struct doc_figure *f)
{
    if (f->kind == DOC_FIGURE_SERIES) {
        series(out, f);
        return;
    }
    if (f->kind == DOC_FIGURE_TIMELINE) {
        timeline(out, f);
        return;
    }
    if (f->kind >= DOC_FIGURE_PLAN_DONE) {
        plan_rows(out, f);
        return;
    }
    if (f->kind == DOC_FIGURE_MATRIX) /* drawn a stage at a time here (DOC_FIGURE_LEVELS) */
        return;
    if (f->kind == DOC_FIGURE_MOVEMENT)
        movement(out, f);
    else if (f->kind == DOC_FIGURE_GROUP_MOVEMENT)
        group_movement(out, f);
    else if (f->kind == DOC_FIGURE_ITEMS)
        item_moves(out, f);
    else if (f->kind == DOC_FIGURE_LEVELS)
        levels(out, f);
    else if (f->kind == DOC_FIGURE_STAGES)
        stages(out, f);
    else
        groups(out, f);
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
    for (const struct doc_node *it = t->first; it; it = it->next) {
        if (!shown(it))
            continue;
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
    for (const struct doc_node *n = first; n; n = n->next) {
        if (!shown(n))
            continue;
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
            const struct doc_node *next = next_shown(n);
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
        case DOC_FIGURE:
            figure(out, n->figure);
            strbuf_addc(out, '\n');
            break;
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
