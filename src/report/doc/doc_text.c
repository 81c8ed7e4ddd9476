/*
 * doc_text.c - the document for a terminal: every paragraph made safe (text_add_safe)
 * and wrapped to the width, headings bold when colour is on.
 *
 * Indentation comes from the tree: a level-2 section's heading stands at the margin and
 * its body two columns in; a deeper section's heading stands where its parent's body
 * does and its body two further in. A list item's first line carries its marker ("- ",
 * "3. ", or none for a list bare in text) and its later lines, and anything under the
 * item, hang after the marker. Two paragraphs in a row of a section, or a paragraph
 * after a section, have a blank line between them; an item's are lines. The title block
 * (a section of level 1) and a figure at the top level stand apart: a blank line after
 * each.
 */
#include "doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "text.h"

struct text_w {
    struct strbuf *out;
    size_t width;
    bool color;
};

/* The spans shown in text, run together as one plain string. */
static void inline_text(struct strbuf *sb, const struct doc_span *sp)
{
    for (; sp; sp = sp->next)
        if ((sp->only & DOC_TEXT) && sp->kind != DOC_SPAN_REF)
            strbuf_adds(sb, sp->text);
}

/* `indent` spaces, then text made safe and wrapped with later lines at `hang`. */
static void para(struct text_w *w, size_t indent, size_t hang, const char *text)
{
    struct strbuf safe = STRBUF_INIT, pad = STRBUF_INIT;
    strbuf_addchars(w->out, ' ', indent);
    text_add_safe(&safe, text, true);
    strbuf_addchars(&pad, ' ', hang);
    text_fill(w->out, strbuf_str(&safe), indent, w->width, strbuf_str(&pad));
    strbuf_addc(w->out, '\n');
    strbuf_release(&pad);
    strbuf_release(&safe);
}

static void spans_para(struct text_w *w, size_t indent, size_t hang, const char *marker,
                       const struct doc_span *sp)
{
    struct strbuf line = STRBUF_INIT;
    strbuf_adds(&line, marker);
    inline_text(&line, sp);
    para(w, indent, hang, strbuf_str(&line));
    strbuf_release(&line);
}

/* indent spaces and lead, our words as they are, then text made safe and filled. */
static void lead_para(struct text_w *w, size_t indent, const char *lead, size_t hang,
                      const char *text)
{
    struct strbuf first = STRBUF_INIT, safe = STRBUF_INIT, pad = STRBUF_INIT;
    strbuf_addchars(&first, ' ', indent);
    strbuf_adds(&first, lead);
    text_add_safe(&safe, text, true);
    strbuf_addchars(&pad, ' ', hang);
    text_add_filled(w->out, strbuf_str(&first), strbuf_str(&pad), strbuf_str(&safe), w->width);
    strbuf_release(&pad);
    strbuf_release(&safe);
    strbuf_release(&first);
}

/* An item whose marker keeps its spaces ("Focus after:  ", lining up with the line
   above): the marker as it is, then the text filled after it. */
static void marked_para(struct text_w *w, size_t indent, size_t hang, const char *marker,
                        const struct doc_span *sp)
{
    struct strbuf line = STRBUF_INIT;
    inline_text(&line, sp);
    lead_para(w, indent, marker, hang, strbuf_str(&line));
    strbuf_release(&line);
}

/* Text made safe, appended; its width in columns. */
static size_t add_safe(struct strbuf *out, const char *s)
{
    size_t before = out->len;
    text_add_safe(out, s, true);
    return utf8_width(out->buf + before, out->len - before);
}

static void blocks(struct text_w *w, const struct doc_node *first, size_t indent, bool item);

static void list(struct text_w *w, const struct doc_node *l, size_t indent)
{
    size_t k = 0;
    for (DOC_EACH(it, l->first, DOC_TEXT)) {
        char number[32];
        const char *marker = it->marker;
        k++;
        if (!marker && l->bare_in_text) {
            marker = "";
        } else if (!marker && l->numbered) {
            (void)snprintf(number, sizeof(number), "%zu. ", k);
            marker = number;
        } else if (!marker) {
            marker = "- ";
        }
        size_t hang = indent + (*marker ? strlen(marker) : 2);
        if (it->marker_as_is)
            marked_para(w, indent, hang, marker, it->spans);
        else
            spans_para(w, indent, hang, marker, it->spans);
        blocks(w, it->first, hang, true);
    }
}

/* Text made safe for a terminal, cut to width columns (ending "...") or padded to it. */
static void doc_text_add_padded(struct strbuf *sb, const char *text, size_t width)
{
    size_t before = sb->len;
    text_add_safe(sb, text, true);
    size_t w = utf8_width(sb->buf + before, sb->len - before);
    if (w > width && width > 3) {
        size_t keep = 0, points = 0;
        while (points < width - 3) {
            keep++;
            while (((unsigned char)sb->buf[before + keep] & 0xC0) == 0x80)
                keep++;
            points++;
        }
        sb->len = before + keep;
        strbuf_adds(sb, "...");
    } else if (w < width) {
        strbuf_addchars(sb, ' ', width - w);
    }
}

/* A score right-aligned in five columns, or "-" for none. */
static void score_cell(struct strbuf *sb, const struct doc_heat_cell *c)
{
    const char *shown = c->has ? c->shown : "-";
    size_t n = strlen(shown);
    strbuf_addchars(sb, ' ', n < 5 ? 5 - n : 0);
    strbuf_adds(sb, shown);
}

static size_t text_width(const char *s)
{
    return utf8_width(s, strlen(s));
}

/* The list a cell holds, or NULL. */
static const struct doc_node *cell_list(const struct doc_node *c)
{
    for (DOC_EACH(l, c->first, DOC_TEXT))
        if (l->kind == DOC_LIST)
            return l;
    return NULL;
}

/*
 * A table as records, a row each, since a terminal has no room for its columns: the
 * row's first cell after "- ", then each other cell with something in it as "Head:
 * value", "; " between, hanging under it; a cell that holds a list last, as "Head:" and
 * the list's items under it.
 */
static void table(struct text_w *w, const struct doc_node *t, size_t indent)
{
    const struct doc_node *head = doc_shown(t->first, DOC_TEXT);
    if (!head)
        return;
    struct strbuf line = STRBUF_INIT, value = STRBUF_INIT;
    for (DOC_EACH(row, head->next, DOC_TEXT)) {
        const struct doc_node *first = doc_shown(row->first, DOC_TEXT);
        strbuf_reset(&line);
        strbuf_adds(&line, "- ");
        if (first)
            inline_text(&line, first->spans);
        para(w, indent, indent + 2, strbuf_str(&line));
        strbuf_reset(&line);
        for (int lists = 0; lists < 2; lists++) { /* the cells with text, then those with lists */
            const struct doc_node *h = doc_shown(head->first, DOC_TEXT);
            h = h ? doc_shown(h->next, DOC_TEXT) : NULL;
            for (const struct doc_node *c = first ? doc_shown(first->next, DOC_TEXT) : NULL; c;
                 c = doc_shown(c->next, DOC_TEXT), h = h ? doc_shown(h->next, DOC_TEXT) : NULL) {
                const struct doc_node *l = cell_list(c);
                strbuf_reset(&value);
                inline_text(&value, c->spans);
                if (lists ? !l : !value.len || l)
                    continue;
                if (lists)
                    strbuf_reset(&line);
                else if (line.len)
                    strbuf_adds(&line, "; ");
                if (h)
                    inline_text(&line, h->spans);
                strbuf_addf(&line, lists ? ":" : ": %s", strbuf_str(&value));
                if (lists) {
                    para(w, indent + 2, indent + 2, strbuf_str(&line));
                    list(w, l, indent + 4);
                }
            }
            if (!lists && line.len)
                para(w, indent + 2, indent + 2, strbuf_str(&line));
        }
    }
    strbuf_release(&value);
    strbuf_release(&line);
}

/* The widest of the strings, at least least and at most most columns. */
static size_t widest(const char **v, size_t n, size_t least, size_t most)
{
    size_t w = least;
    for (size_t k = 0; k < n; k++) {
        size_t t = text_width(v[k]);
        w = t > w ? (t > most ? most : t) : w;
    }
    return w;
}

/*
 * A group a line: its name, its respondents, then each stage's title and score; where
 * that is too wide for the terminal, the stages go underneath, one a line.
 */
static void groups(struct text_w *w, const struct doc_figure *f)
{
    size_t name_width = widest(f->rows, f->n_rows, 4, 40);
    size_t title_width = widest(f->cols, f->n_cols, 5, 30);
    struct strbuf line = STRBUF_INIT;
    for (size_t g = 0; g < f->n_rows; g++) {
        const struct doc_heat_cell *cells = &f->cells[g * f->n_cols];
        strbuf_reset(&line);
        strbuf_adds(&line, "  ");
        doc_text_add_padded(&line, f->rows[g], name_width);
        strbuf_addf(&line, " %4zu", f->counts[g]);
        size_t head = line.len;
        for (size_t c = 0; c < f->n_cols; c++) {
            strbuf_adds(&line, "  ");
            text_add_safe(&line, f->cols[c], true);
            strbuf_adds(&line, " ");
            score_cell(&line, &cells[c]);
        }
        if (utf8_width(line.buf, line.len) <= w->width) {
            strbuf_add(w->out, line.buf, line.len);
        } else {
            strbuf_add(w->out, line.buf, head);
            for (size_t c = 0; c < f->n_cols; c++) {
                strbuf_adds(w->out, "\n      ");
                doc_text_add_padded(w->out, f->cols[c], title_width);
                score_cell(w->out, &cells[c]);
            }
        }
        strbuf_addc(w->out, '\n');
    }
    strbuf_release(&line);
}

/* A level a line, those without items left out: its score and how much was answered. */
static void levels(struct text_w *w, const struct doc_figure *f, size_t indent)
{
    for (size_t l = 0; l < f->n_rows; l++) {
        const struct doc_heat_cell *c = &f->cells[l];
        if (!c->items)
            continue;
        strbuf_addchars(w->out, ' ', indent);
        doc_text_add_padded(w->out, f->rows[l], 26);
        score_cell(w->out, c);
        strbuf_addf(w->out, "  (%zu of %zu answered)\n", c->answered, c->items);
    }
}

static void section(struct text_w *w, const struct doc_node *s)
{
    size_t at = s->level <= 2 ? 0 : (size_t)(s->level - 2) * 2;
    if (s->bare_in_text) { /* no heading here: its body where the heading would be */
        blocks(w, s->first, at, false);
        return;
    }
    if (s->level <= 2) {
        struct strbuf title = STRBUF_INIT;
        if (s->level == 2)
            strbuf_addc(w->out, '\n');
        if (w->color)
            strbuf_adds(w->out, "\033[1m");
        inline_text(&title, s->spans);
        struct strbuf safe = STRBUF_INIT;
        text_add_safe(&safe, strbuf_str(&title), true);
        text_fill(w->out, strbuf_str(&safe), 0, w->width, s->level == 2 ? "  " : "");
        if (w->color)
            strbuf_adds(w->out, "\033[0m");
        strbuf_addc(w->out, '\n');
        strbuf_release(&safe);
        strbuf_release(&title);
    } else {
        spans_para(w, at, at + 2, "", s->spans);
    }
    if (s->level == 1) /* the title block: its paragraphs are lines at the margin */
        blocks(w, s->first, 0, true);
    else
        blocks(w, s->first, at + 2, false);
}

enum { BAR_WIDTH = 20 };

/* A stage's score as a bar of BAR_WIDTH blocks, or dots when it has none. */
static void bar(struct strbuf *out, const struct doc_heat_cell *c)
{
    size_t filled = c->has ? (size_t)(c->value / 100.0 * BAR_WIDTH + 0.5) : 0;
    for (size_t i = 0; i < BAR_WIDTH; i++)
        strbuf_adds(out, !c->has ? "\xC2\xB7" : i < filled ? "\xE2\x96\x88" : "\xE2\x96\x91");
}

/* A stage a line: its title, score, a bar when the terminal is wide enough for one, its
   band and how much was answered; the focus marked. */
static void stages(struct text_w *w, const struct doc_figure *f)
{
    size_t tw = widest(f->rows, f->n_rows, 5, 30);
    bool bars = w->width >= tw + BAR_WIDTH + 48;
    doc_text_add_padded(w->out, "Stage", tw);
    strbuf_adds(w->out, "  Score  ");
    if (bars)
        doc_text_add_padded(w->out, "", BAR_WIDTH + 2);
    strbuf_adds(w->out, "Band (answered)\n");
    for (size_t st = 0; st < f->n_rows; st++) {
        const struct doc_heat_cell *c = &f->cells[st];
        doc_text_add_padded(w->out, f->rows[st], tw);
        strbuf_adds(w->out, "  ");
        score_cell(w->out, c);
        strbuf_adds(w->out, "  ");
        if (bars) {
            bar(w->out, c);
            strbuf_adds(w->out, "  ");
        }
        text_add_safe(w->out, f->bands[st], true);
        strbuf_addf(w->out, " (%zu of %zu)%s\n", c->answered, c->items,
                    f->marks[st] == DOC_MARK_FOCUS ? "  <- focus" : "");
    }
}

static void movement(struct text_w *w, const struct doc_figure *f);
static void group_movement(struct text_w *w, const struct doc_figure *f, size_t indent);
static void item_moves(struct text_w *w, const struct doc_figure *f, size_t indent);
static void plan_rows(struct text_w *w, const struct doc_figure *f, size_t indent);
static void series(struct text_w *w, const struct doc_figure *f, size_t indent);

/* The figure drawn this writer's way. */
static void figure(struct text_w *w, const struct doc_figure *f, size_t indent)
{
    if (f->kind == DOC_FIGURE_MATRIX) /* drawn a stage at a time here (DOC_FIGURE_LEVELS) */
        return;
    if (f->kind == DOC_FIGURE_MOVEMENT)
        movement(w, f);
    else if (f->kind == DOC_FIGURE_GROUP_MOVEMENT)
        group_movement(w, f, indent);
    else if (f->kind == DOC_FIGURE_ITEMS)
        item_moves(w, f, indent);
    else if (f->kind == DOC_FIGURE_SERIES)
        series(w, f, indent);
    else if (f->kind == DOC_FIGURE_TIMELINE)
        for (size_t st = 0; st < f->n_rows; st++) {
            struct strbuf line = STRBUF_INIT;
            strbuf_addf(&line, "%s: %s", f->rows[st], f->row_lines[st]);
            para(w, indent, indent + 2, strbuf_str(&line));
            strbuf_release(&line);
        }
    else if (f->kind >= DOC_FIGURE_PLAN_DONE)
        plan_rows(w, f, indent);
    else if (f->kind == DOC_FIGURE_LEVELS)
        levels(w, f, indent);
    else if (f->kind == DOC_FIGURE_STAGES)
        stages(w, f);
    else
        groups(w, f);
}

/* Blocks one after another; in a section (not in a list item), two paragraphs in a row
   have a blank line between them. */
static void blocks(struct text_w *w, const struct doc_node *first, size_t indent, bool item)
{
    const struct doc_node *prev = NULL;
    for (DOC_EACH(n, first, DOC_TEXT)) {
        switch (n->kind) {
        case DOC_SECTION:
            if (!doc_section_has_content(n, DOC_TEXT, true))
                break;
            section(w, n);
            if (n->level == 1) /* the title block stands apart */
                strbuf_addc(w->out, '\n');
            break;
        case DOC_PARA:
            if (!item && prev && (prev->kind == DOC_PARA || prev->kind == DOC_SECTION))
                strbuf_addc(w->out, '\n');
            spans_para(w, indent, indent, "", n->spans);
            break;
        case DOC_CALLOUT: {
            const char *lead = n->marker ? n->marker : "";
            bool yellow = w->color && n->tone == DOC_TONE_NOTE;
            if (yellow)
                strbuf_adds(w->out, "\033[33m");
            spans_para(w, indent, indent + (n->marker ? strlen(lead) : 2), lead, n->spans);
            if (yellow)
                strbuf_adds(w->out, "\033[0m");
            break;
        }
        case DOC_LIST:
            list(w, n, indent);
            break;
        case DOC_TABLE:
            table(w, n, indent);
            break;
        case DOC_FIGURE:
            figure(w, n->figure, indent);
            /* An assessment's figure at the top stands apart; compare's and trend's end
               their own lines. */
            if (!item && indent == 0 && n->figure->kind <= DOC_FIGURE_MATRIX)
                strbuf_addc(w->out, '\n');
            break;
        default: /* items, rows and cells: their parents draw them */
            break;
        }
        prev = n;
    }
}

/* ---- before and after (compare) ---- */

/* The stage column is as wide as the widest title made safe, at least "Stage". */
static size_t stage_column(const char **titles, size_t n)
{
    size_t tw = 5;
    struct strbuf cell = STRBUF_INIT;
    for (size_t k = 0; k < n; k++) {
        strbuf_reset(&cell);
        size_t cw = add_safe(&cell, titles[k]);
        tw = cw > tw ? cw : tw;
    }
    strbuf_release(&cell);
    return tw;
}

/* "Launch       52.9    55.6    +2.7": the title padded to tw columns, then each figure
   in eight; no change, no column (and no trailing spaces). No line end. */
static void move_row(struct strbuf *out, const char *title, size_t tw, const struct doc_move *m)
{
    strbuf_addchars(out, ' ', tw - add_safe(out, title));
    strbuf_addf(out, "%8s%8s", m->before ? m->before : "-", m->after ? m->after : "-");
    if (m->change)
        strbuf_addf(out, "%8s", m->change);
}

/* The stages before and after, a column each, and how each moved. */
static void movement(struct text_w *w, const struct doc_figure *f)
{
    size_t tw = stage_column(f->rows, f->n_rows);
    strbuf_adds(w->out, "Stage");
    strbuf_addchars(w->out, ' ', tw - 5);
    strbuf_adds(w->out, "  Before   After  Change\n");
    for (size_t st = 0; st < f->n_rows; st++) {
        move_row(w->out, f->rows[st], tw, &f->moves[st]);
        if (f->moves[st].note)
            strbuf_addf(w->out, "  %s", f->moves[st].note);
        strbuf_addc(w->out, '\n');
    }
}

/* A group a paragraph, its respondents before and after, then its stages as movement's. */
static void group_movement(struct text_w *w, const struct doc_figure *f, size_t indent)
{
    size_t tw = stage_column(f->cols, f->n_cols);
    struct strbuf line = STRBUF_INIT;
    for (size_t g = 0; g < f->n_rows; g++) {
        strbuf_reset(&line);
        strbuf_addf(&line, "%s: %zu -> %zu respondents", f->rows[g], f->counts[g],
                    f->counts_after[g]);
        para(w, indent, indent + 2, strbuf_str(&line));
        for (size_t st = 0; st < f->n_cols; st++) {
            strbuf_addchars(w->out, ' ', indent + 2);
            move_row(w->out, f->cols[st], tw, &f->moves[g * f->n_cols + st]);
            strbuf_addc(w->out, '\n');
        }
    }
    strbuf_release(&line);
}

/*
 * Items before and after: in columns (before, after, better or worse, then the item
 * hanging under its name, unless that leaves too narrow a column), or as a list with
 * the figures after each name.
 */
static void item_moves(struct text_w *w, const struct doc_figure *f, size_t indent)
{
    struct strbuf first = STRBUF_INIT, line = STRBUF_INIT, safe = STRBUF_INIT, pad = STRBUF_INIT;
    for (size_t k = 0; k < f->n_rows; k++) {
        const struct doc_item_move *m = &f->item_moves[k];
        if (!f->columns) {
            strbuf_reset(&line);
            strbuf_addf(&line, "%s (%s -> %s", m->name, m->before ? m->before : "-",
                        m->after ? m->after : "-");
            if (m->direction)
                strbuf_addf(&line, ", %s", m->direction);
            strbuf_adds(&line, ")");
            para(w, indent, indent + 2, strbuf_str(&line));
            continue;
        }
        strbuf_reset(&first);
        strbuf_addf(&first, " %4s -> %-4s  %-6s  ", m->before ? m->before : "-",
                    m->after ? m->after : "-", m->direction ? m->direction : "");
        size_t hang = w->width >= first.len + 30 ? first.len : 4;
        strbuf_reset(&safe);
        strbuf_reset(&pad);
        text_add_safe(&safe, m->name, true);
        strbuf_addchars(&pad, ' ', hang);
        text_add_filled(w->out, strbuf_str(&first), strbuf_str(&pad), strbuf_str(&safe), w->width);
    }
    if (!f->n_rows) {
        strbuf_addchars(w->out, ' ', indent);
        strbuf_adds(w->out, "none\n");
    }
    strbuf_release(&first);
    strbuf_release(&line);
    strbuf_release(&safe);
    strbuf_release(&pad);
}

static const char *const sparks[] = {"\xE2\x96\x81", "\xE2\x96\x82", "\xE2\x96\x83",
                                     "\xE2\x96\x84", "\xE2\x96\x85", "\xE2\x96\x86",
                                     "\xE2\x96\x87", "\xE2\x96\x88"};

/* "Launch              ▅▅▆  52.9 -> 55.6 -> 57.1": the title padded to pad columns, a
   spark a point (a dot for none), then the scores. */
static void series_row(struct strbuf *out, const char *title, size_t pad,
                       const struct doc_heat_cell *v, size_t n)
{
    size_t cw = add_safe(out, title);
    strbuf_addchars(out, ' ', cw < pad ? pad - cw : 1);
    for (size_t k = 0; k < n; k++) {
        int level = (int)(v[k].value / 100.0 * 7.0 + 0.5);
        strbuf_adds(out, !v[k].has ? "\xC2\xB7" : sparks[level < 0 ? 0 : level > 7 ? 7 : level]);
    }
    strbuf_adds(out, "  ");
    for (size_t k = 0; k < n; k++) {
        strbuf_adds(out, k ? " -> " : "");
        strbuf_adds(out, v[k].has ? v[k].shown : "-");
    }
    strbuf_addc(out, '\n');
}

/* A stage a line; under a group's name and its respondents at each point, when named. */
static void series(struct text_w *w, const struct doc_figure *f, size_t indent)
{
    struct strbuf line = STRBUF_INIT;
    for (size_t g = 0; g < f->n_rows; g++) {
        if (f->rows[g]) {
            strbuf_reset(&line);
            strbuf_addf(&line, "%s: ", f->rows[g]);
            for (size_t k = 0; k < f->n_points; k++)
                strbuf_addf(&line, "%s%zu", k ? " -> " : "", f->point_counts[g * f->n_points + k]);
            strbuf_adds(&line, " respondents");
            para(w, indent, indent + 2, strbuf_str(&line));
        }
        for (size_t st = 0; st < f->n_cols; st++) {
            strbuf_addchars(w->out, ' ', f->rows[g] ? indent + 2 : indent);
            series_row(w->out, f->cols[st], f->rows[g] ? 16 : 20,
                       &f->series[(g * f->n_cols + st) * f->n_points], f->n_points);
        }
    }
    strbuf_release(&line);
}

/* "Gap: answer 3.0 -> 5.5 (+2.5), stage points 12.4 -> 6.1 (-6.3); closed". */
static void gap_line(struct text_w *w, size_t indent, const struct doc_gap_move *g)
{
    struct strbuf line = STRBUF_INIT;
    strbuf_addf(&line, "%s: answer %s -> %s", g->name, g->answer_before, g->answer_after);
    if (g->points_after)
        strbuf_addf(&line, " (%s), stage points %s -> %s (%s)", g->answer_change, g->points_before,
                    g->points_after, g->points_change);
    else
        strbuf_addf(&line, ", stage points %s -> none", g->points_before);
    strbuf_addf(&line, "; %s", g->now);
    lead_para(w, indent, "", indent + 2, strbuf_str(&line));
    strbuf_release(&line);
}

/* A plan's actions, a bullet each with the gaps it addresses and its note under it; or
   the gaps none addressed; or the actions not counted and why. */
static void plan_rows(struct text_w *w, const struct doc_figure *f, size_t indent)
{
    struct strbuf line = STRBUF_INIT;
    size_t shown = 0;
    for (size_t k = 0; k < f->n_rows; k++) {
        const struct doc_plan_row *row = &f->plan_rows[k];
        strbuf_reset(&line);
        if (f->kind == DOC_FIGURE_PLAN_NOT_COUNTED) {
            strbuf_addf(&line, "%s: %s", row->action, row->reason);
            if (row->done)
                strbuf_addf(&line, " (done %s)", row->done);
            else if (row->not_done)
                strbuf_addf(&line, " (%s)", row->status);
        } else if (row->action) {
            strbuf_addf(&line, "%s: done %s", row->action, row->done ? row->done : "");
            if (row->owner)
                strbuf_addf(&line, "; owner: %s", row->owner);
        }
        if (line.len) {
            lead_para(w, indent, "- ", indent + 2, strbuf_str(&line));
            shown++;
        }
        for (size_t g = 0; g < row->n_gaps; g++, shown += !row->action)
            gap_line(w, indent + 2, &row->gaps[g]);
        if (f->kind == DOC_FIGURE_PLAN_DONE && !row->n_gaps) {
            strbuf_addchars(w->out, ' ', indent + 2);
            strbuf_adds(w->out, "no gap it addresses was open before\n");
        }
        if (f->kind == DOC_FIGURE_PLAN_DONE && row->note) {
            strbuf_reset(&line);
            strbuf_addf(&line, "note: \"%s\"", row->note);
            lead_para(w, indent + 2, "", indent + 4, strbuf_str(&line));
        }
    }
    if (!shown) {
        strbuf_addchars(w->out, ' ', indent);
        strbuf_adds(w->out, "none\n");
    }
    strbuf_release(&line);
}

void doc_write_text(const struct doc *d, struct strbuf *out, size_t width, bool color)
{
    struct text_w w = {out, width, color};
    blocks(&w, d->root->first, 0, false);
}
