/*
 * doc_figure.c - a figure as the table markdown and HTML both write it (doc_figure_table):
 * its columns and rows said once, what one of the two shows alone marked doc_only. Text
 * lays figures out in columns of its own (doc_text.c); HTML draws the stage chart before
 * its table and the heat map's key after it (doc_html.c).
 */
#include "doc.h"

#include <string.h>

#include "strbuf.h"

static const char DASH[] = "\xE2\x80\x94";

enum { HIDDEN = 8 }; /* a mask of formats none of which is one */

static struct doc_span *md(struct doc *d, struct doc_node *n, const char *s)
{
    return doc_span_only(doc_words(d, n, s), DOC_MARKDOWN);
}

static struct doc_span *html(struct doc *d, struct doc_node *n, const char *s)
{
    return doc_span_only(doc_words(d, n, s), DOC_HTML);
}

/* Our words as they are in markdown; in HTML escaped as text from the inputs. */
static void both(struct doc *d, struct doc_node *n, const char *s)
{
    md(d, n, s);
    doc_span_only(doc_text(d, n, s), DOC_HTML);
}

static struct doc_node *cell(struct doc *d, struct doc_node *row, bool header, unsigned only)
{
    return doc_only(doc_cell(d, row, header), only ? only : DOC_ALL);
}

/* A row header of text from the inputs. */
static struct doc_node *head(struct doc *d, struct doc_node *row, const char *s)
{
    struct doc_node *c = doc_cell(d, row, true);
    doc_text(d, c, s);
    return c;
}

/* Our figure, or in its place a dash in markdown and none (nothing, our words, or a
   muted aside) in HTML. */
static struct doc_node *fig(struct doc *d, struct doc_node *row, const char *s, const char *none,
                            bool muted)
{
    struct doc_node *c = doc_cell(d, row, false);
    if (s) {
        doc_words(d, c, s);
        return c;
    }
    md(d, c, DASH);
    if (none)
        doc_span_only(muted ? doc_aside(d, c, none) : doc_words(d, c, none), DOC_HTML);
    return c;
}

/* A cell markdown alone shows, where HTML spans a cell over rows: empty, or s. */
static void md_only(struct doc *d, struct doc_node *row, bool two_spaces, const char *s)
{
    struct doc_node *c = cell(d, row, false, DOC_MARKDOWN);
    c->two_spaces = two_spaces;
    if (s)
        doc_words(d, c, s);
}

/* HTML's caption: our title, then an aside in brackets, muted (as text from the inputs
   when escaped, so that an apostrophe is written as the page has always written it). */
static void caption(struct doc *d, struct doc_node *t, const char *title, const char *aside,
                    bool escaped)
{
    doc_words(d, t, title);
    if (!aside)
        return;
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "(%s)", aside);
    doc_words(d, t, " ");
    doc_aside(d, t, strbuf_str(&sb))->ours = !escaped;
    strbuf_release(&sb);
}

/*
 * A table (its head row its first), the columns named in spec ("Stage|>Before|hFell?"),
 * each name after its flags: '>' its figures align right; 'm' or 'h' shown in markdown or
 * HTML alone, '-' in neither; '=' HTML heads it without the number class. Then extra
 * columns (aligned right when extra_right) for the caller to head.
 */
static struct doc_node *table(struct doc *d, struct doc_node *parent, const char *style,
                              const char *spec, size_t extra, bool extra_right)
{
    size_t n = 1;
    for (const char *c = spec; *c; c++)
        n += *c == '|';
    struct doc_node *t = doc_table(d, parent, n + extra), *hr = doc_row(d, t);
    t->style = style;
    for (size_t k = 0; k < n + extra; k++) {
        bool right = k >= n && extra_right;
        unsigned only = DOC_ALL;
        const char *plain = NULL;
        for (; k < n && *spec && strchr(">mh-=", *spec); spec++) {
            right |= *spec == '>';
            only = *spec == 'm' ? DOC_MARKDOWN : *spec == 'h' ? DOC_HTML : *spec == '-' ? 0 : only;
            plain = *spec == '=' ? "" : plain;
        }
        doc_table_align(t, k, right ? DOC_ALIGN_RIGHT : DOC_ALIGN_LEFT);
        if (k >= n)
            continue;
        size_t len = strcspn(spec, "|");
        struct doc_node *c = doc_only(doc_cell(d, hr, true), only);
        c->style = plain;
        doc_wordsf(d, c, "%.*s", (int)len, spec);
        spec += len + (spec[len] == '|');
    }
    return t;
}

static void para_none(struct doc *d, struct doc_node *parent)
{
    doc_words(d, doc_para(d, parent), "None.");
}

/* ---- the assessment's ---- */

static const char HEAT_NOTE[] = "0 to 100 in each cell; the darker the shade, the higher the score";

/* A score on its shade; in HTML not scored (and, with sub, how many answered) or no items. */
static void heat(struct doc *d, struct doc_node *row, const struct doc_heat_cell *h, bool sub)
{
    struct doc_node *c = doc_cell(d, row, false);
    md(d, c, h->has ? h->shown : DASH);
    if (sub && !h->items) {
        c->style = "empty";
        html(d, c, "no items");
        return;
    }
    c->style = h->has ? NULL : "empty";
    c->shaded = h->has;
    c->shade = h->value;
    html(d, c, h->has ? h->shown : "not scored");
    if (sub) {
        struct strbuf sb = STRBUF_INIT;
        strbuf_addf(&sb, "%zu of %zu answered", h->answered, h->items);
        html(d, c, strbuf_str(&sb))->style = "sub";
        strbuf_release(&sb);
    }
}

/* The stages' (or levels') titles as column heads, without HTML's number class. */
static void stage_heads(struct doc *d, struct doc_node *hr, const struct doc_figure *f)
{
    for (size_t c = 0; c < f->n_cols; c++) {
        doc_text(d, doc_cell(d, hr, true), f->cols[c]);
        hr->last->style = "";
    }
}

static void groups(struct doc *d, struct doc_node *p, const struct doc_figure *f)
{
    struct doc_node *t = table(d, p, "keep", "Group|>Respondents", f->n_cols, true);
    caption(d, t, "Stage scores by group",
            "each scored over that group's respondents alone; the darker the shade, the "
            "higher the score",
            true);
    stage_heads(d, t->first, f);
    for (size_t g = 0; g < f->n_rows; g++) {
        struct doc_node *row = doc_row(d, t);
        head(d, row, f->rows[g]);
        doc_wordsf(d, doc_cell(d, row, false), "%zu", f->counts[g]);
        for (size_t c = 0; c < f->n_cols; c++)
            heat(d, row, &f->cells[g * f->n_cols + c], false);
    }
}

static void levels(struct doc *d, struct doc_node *p, const struct doc_figure *f)
{
    struct doc_node *t = table(d, p, "keep narrow", "Level|>=Score|m>Answered", 0, false);
    doc_text(d, t, f->title);
    caption(d, t, " by level of change", HEAT_NOTE, false);
    for (size_t l = 0; l < f->n_rows; l++) {
        const struct doc_heat_cell *h = &f->cells[l];
        struct doc_node *row = doc_row(d, t);
        head(d, row, f->rows[l]);
        heat(d, row, h, true);
        doc_wordsf(d, cell(d, row, false, DOC_MARKDOWN), "%zu/%zu", h->answered, h->items);
    }
}

#define STAGE_COLS(x) "Stage|>Score|Band|m>Coverage|h>Answered|" x ">Respondents disagree on|hNote"

static void stages(struct doc *d, struct doc_node *p, const struct doc_figure *f)
{
    unsigned disagree = f->disagree ? DOC_HTML : HIDDEN;
    struct doc_node *t =
        table(d, p, "keep", f->disagree ? STAGE_COLS("h") : STAGE_COLS("-"), 0, false);
    caption(d, t, "Stage scores", "0 to 100; answered: questions answered of those that apply",
            false);
    for (size_t st = 0; st < f->n_rows; st++) {
        const struct doc_heat_cell *h = &f->cells[st];
        struct doc_node *row = doc_row(d, t);
        head(d, row, f->rows[st]);
        struct doc_node *c = doc_cell(d, row, false);
        md(d, c, h->has ? h->shown : DASH);
        html(d, c, h->has ? h->shown : "no score");
        doc_text(d, doc_cell(d, row, false), f->bands[st]);
        for (int html_cell = 0; html_cell < 2; html_cell++) {
            c = cell(d, row, false, html_cell ? DOC_HTML : DOC_MARKDOWN);
            doc_wordsf(d, c, html_cell ? "%zu of %zu" : "%zu/%zu", h->answered, h->items);
            if (f->shares[st])
                doc_wordsf(d, c, " (%s%%)", f->shares[st]);
        }
        c = cell(d, row, false, disagree);
        doc_wordsf(d, c, "%zu item%s", f->counts[st], f->counts[st] == 1 ? "" : "s");
        c = cell(d, row, false, DOC_HTML);
        if (f->marks[st] == DOC_MARK_FOCUS) {
            doc_tag(d, c, "Focus");
            doc_words(d, c, " work on this first");
        } else if (f->marks[st] == DOC_MARK_RESTS) {
            doc_tag(d, c, "Rests on an earlier stage");
        }
    }
}

static void matrix(struct doc *d, struct doc_node *p, const struct doc_figure *f)
{
    struct doc_node *t = table(d, p, "keep", "Stage", f->n_cols, false);
    doc_only(t, DOC_HTML);
    caption(d, t, "Score by stage and level of change", HEAT_NOTE, false);
    stage_heads(d, t->first, f);
    for (size_t st = 0; st < f->n_rows; st++) {
        struct doc_node *row = doc_row(d, t);
        head(d, row, f->rows[st]);
        for (size_t l = 0; l < f->n_cols; l++)
            heat(d, row, &f->cells[st * f->n_cols + l], true);
    }
}

/* ---- before and after (compare) ---- */

/* A stage's score before, after, and the change. */
static void move_cells(struct doc *d, struct doc_node *row, const struct doc_move *m)
{
    fig(d, row, m->before, "no score", false);
    fig(d, row, m->after, "no score", false);
    fig(d, row, m->change, "not comparable", true);
}

static void movement(struct doc *d, struct doc_node *p, const struct doc_figure *f)
{
    struct doc_node *t = table(
        d, p, "keep", "Stage|>Before|>After|>Change|hBand before|hBand after|hFell?", 0, false);
    caption(d, t, "Stage scores before and after", "0 to 100", false);
    for (size_t st = 0; st < f->n_rows; st++) {
        const struct doc_move *m = &f->moves[st];
        struct doc_node *row = doc_row(d, t);
        head(d, row, f->rows[st]);
        move_cells(d, row, m);
        if (m->note)
            doc_span_only(doc_wordsf(d, row->last, " (%s)", m->note), DOC_MARKDOWN);
        doc_text(d, cell(d, row, false, DOC_HTML), m->band_before);
        doc_text(d, cell(d, row, false, DOC_HTML), m->band_after);
        struct doc_node *c = cell(d, row, false, DOC_HTML);
        if (!m->note) {
            doc_words(d, c, "No");
            continue;
        }
        struct strbuf sb = STRBUF_INIT;
        strbuf_adds(&sb, m->note);
        if (sb.buf[0] >= 'a' && sb.buf[0] <= 'z')
            sb.buf[0] = (char)(sb.buf[0] - 'a' + 'A');
        if (m->warn)
            doc_tag(d, c, strbuf_str(&sb));
        else
            doc_words(d, c, strbuf_str(&sb));
        strbuf_release(&sb);
    }
}

/* HTML: a row group a group, its name and respondents spanning its stages' rows;
   markdown: one table, a group's name and respondents on its first stage's row. */
static void group_movement(struct doc *d, struct doc_node *p, const struct doc_figure *f)
{
    struct doc_node *t = table(d, p, "keep",
                               "Group|m>Respondents|h>Respondents before|h>Respondents after|"
                               "Stage|>Before|>After|>Change",
                               0, false);
    t->grouped = true;
    caption(d, t, "Stage scores by group before and after",
            "each scored over that group's respondents alone, 0 to 100", true);
    for (size_t g = 0; g < f->n_rows; g++) {
        for (size_t st = 0; st < f->n_cols; st++) {
            struct doc_node *row = doc_row(d, t);
            if (st == 0) {
                row->grouped = true;
                head(d, row, f->rows[g])->rowspan = f->n_cols;
                doc_wordsf(d, cell(d, row, false, DOC_MARKDOWN), "%zu \xE2\x86\x92 %zu",
                           f->counts[g], f->counts_after[g]);
                for (int after = 0; after < 2; after++) {
                    struct doc_node *c = cell(d, row, false, DOC_HTML);
                    doc_wordsf(d, c, "%zu", after ? f->counts_after[g] : f->counts[g]);
                    c->rowspan = f->n_cols;
                }
            } else {
                md_only(d, row, true, NULL); /* the cells the first row's span keep */
                md_only(d, row, true, NULL); /* their columns: the next two too */
                cell(d, row, false, HIDDEN);
                cell(d, row, false, HIDDEN);
            }
            head(d, row, f->cols[st]);
            move_cells(d, row, &f->moves[g * f->n_cols + st]);
        }
    }
}

/* Items before and after, captioned with the figure's title and aside; or "None.". */
static void item_moves(struct doc *d, struct doc_node *p, const struct doc_figure *f)
{
    if (!f->n_rows) {
        para_none(d, p);
        return;
    }
    struct doc_node *t = table(d, p, NULL,
                               "mStage|mKind|Item|hStage|hKind|>Before|>After|h>Change|"
                               "Better or worse",
                               0, false);
    caption(d, t, f->title, f->aside, false);
    for (size_t k = 0; k < f->n_rows; k++) {
        const struct doc_item_move *m = &f->item_moves[k];
        struct doc_node *row = doc_row(d, t);
        doc_text(d, cell(d, row, false, DOC_MARKDOWN), m->stage);
        doc_words(d, cell(d, row, false, DOC_MARKDOWN), m->kind);
        struct doc_node *c = head(d, row, m->text);
        doc_ref(d, c, m->id);
        doc_text(d, cell(d, row, false, DOC_HTML), m->stage);
        doc_words(d, cell(d, row, false, DOC_HTML), m->kind);
        fig(d, row, m->before, "no score", false);
        fig(d, row, m->after, "no score", false);
        doc_only(fig(d, row, m->change, NULL, false), DOC_HTML);
        fig(d, row, m->direction, "not comparable", true);
    }
}

/* ---- compare --plan ---- */

#define GAP_COLS                                                                                   \
    "|>Answer before|>Answer after|>Change|>Points before|>Points after|>Change|Gap now"

static void gap_cells(struct doc *d, struct doc_node *row, const struct doc_gap_move *g)
{
    doc_words(d, doc_cell(d, row, false), g->answer_before);
    doc_words(d, doc_cell(d, row, false), g->answer_after);
    fig(d, row, g->answer_change, NULL, false);
    doc_words(d, doc_cell(d, row, false), g->points_before);
    fig(d, row, g->points_after, NULL, false);
    fig(d, row, g->points_change, NULL, false);
    doc_words(d, doc_cell(d, row, false), g->now);
}

static struct doc_node *plan_table(struct doc *d, struct doc_node *p, const struct doc_figure *f,
                                   const char *spec)
{
    struct doc_node *t = table(d, p, NULL, spec, 0, false);
    caption(d, t, f->title, f->aside, false);
    return t;
}

/* The action's text and its item's id, a row header over rows rows. */
static void action_head(struct doc *d, struct doc_node *row, const struct doc_plan_row *pr,
                        size_t rows)
{
    struct doc_node *c = doc_cell(d, row, true);
    c->rowspan = rows > 1 ? rows : 0;
    if (pr->action && *pr->action)
        doc_text(d, c, pr->action);
    else
        doc_span_only(doc_none(d, c), DOC_MARKDOWN);
    doc_ref(d, c, pr->id);
}

static void plan_rows(struct doc *d, struct doc_node *p, const struct doc_figure *f)
{
    const struct doc_plan_row *pr = f->plan_rows;
    if (f->kind == DOC_FIGURE_PLAN_GAPS ? !pr->n_gaps : !f->n_rows) {
        para_none(d, p);
        return;
    }
    if (f->kind == DOC_FIGURE_PLAN_GAPS) {
        struct doc_node *t = plan_table(d, p, f, "Gap" GAP_COLS);
        for (size_t g = 0; g < pr->n_gaps; g++) {
            struct doc_node *row = doc_row(d, t);
            head(d, row, pr->gaps[g].name);
            gap_cells(d, row, &pr->gaps[g]);
        }
        return;
    }
    if (f->kind == DOC_FIGURE_PLAN_NOT_COUNTED) {
        struct doc_node *t = plan_table(d, p, f, "Action|Status|Done|Why not counted");
        for (size_t k = 0; k < f->n_rows; k++, pr++) {
            struct doc_node *row = doc_row(d, t);
            action_head(d, row, pr, 1);
            doc_words(d, doc_cell(d, row, false), pr->status);
            doc_text_cell(d, row, pr->done);
            doc_words(d, doc_cell(d, row, false), pr->reason);
        }
        return;
    }
    struct doc_node *t = plan_table(d, p, f, "Action|Done|Owner|Gap" GAP_COLS);
    for (size_t k = 0; k < f->n_rows; k++, pr++) {
        size_t rows = pr->n_gaps ? pr->n_gaps : 1;
        for (size_t g = 0; g < rows; g++) {
            struct doc_node *row = doc_row(d, t);
            if (g == 0) {
                action_head(d, row, pr, rows);
                doc_text_cell(d, row, pr->done)->rowspan = rows;
                doc_text_cell(d, row, pr->owner)->rowspan = rows;
            } else {
                for (int c = 0; c < 3; c++)
                    md_only(d, row, false, DASH);
            }
            if (pr->n_gaps) {
                doc_text(d, doc_cell(d, row, false), pr->gaps[g].name);
                gap_cells(d, row, &pr->gaps[g]);
                continue;
            }
            struct doc_node *c = doc_cell(d, row, false);
            c->colspan = 8;
            md(d, c, "no gap it addresses was open before");
            html(d, c, "No gap it addresses was open before.");
            for (int e = 0; e < 7; e++)
                md_only(d, row, false, DASH);
        }
    }
}

/* ---- trend ---- */

/* A row a stage: its focus, then the date it was first in each band, the top band last. */
static void timeline(struct doc *d, struct doc_node *p, const struct doc_figure *f)
{
    struct doc_node *hr, *t = table(d, p, NULL, "Stage|Focus", f->n_cols, false);
    hr = t->first;
    caption(d, t, f->title, f->aside, false);
    for (size_t b = f->n_cols; b-- > 0;) {
        struct doc_node *c = doc_cell(d, hr, true);
        doc_text(d, c, f->cols[b]);
        if (!b) {
            doc_words(d, c, " ");
            doc_aside(d, c, "(top band)");
        }
    }
    for (size_t st = 0; st < f->n_rows; st++) {
        struct doc_node *row = doc_row(d, t);
        head(d, row, f->rows[st]);
        both(d, doc_cell(d, row, false), f->row_words[st]);
        for (size_t b = f->n_cols; b-- > 0;) {
            const char *shown = f->cells[st * f->n_cols + b].shown;
            struct doc_node *c = doc_cell(d, row, false);
            c->style = "nowrap";
            if (shown) {
                both(d, c, shown);
            } else {
                md(d, c, DASH);
                doc_span_only(doc_aside(d, c, "never"), DOC_HTML);
            }
        }
    }
}

/* The whole assessment's: a row a point, its organisation, respondents, scores each with
   its band (in HTML), and its focus (in HTML). */
static void series_whole(struct doc *d, struct doc_node *p, const struct doc_figure *f)
{
    struct doc_node *hr,
        *t = table(d, p, NULL, "Date|Organisation|>Respondents", f->n_cols + 1, true);
    hr = t->first;
    caption(d, t, "Stage scores at each assessment", "0 to 100, with the band", false);
    for (size_t st = 0; st < f->n_cols; st++)
        doc_text(d, doc_cell(d, hr, true), f->cols[st]);
    doc_table_align(t, 3 + f->n_cols, DOC_ALIGN_LEFT);
    doc_words(d, cell(d, hr, true, DOC_HTML), "Focus");
    for (size_t k = 0; k < f->n_points; k++) {
        struct doc_node *row = doc_row(d, t);
        struct doc_node *c = doc_cell(d, row, true);
        c->style = "nowrap";
        both(d, c, f->points[k]);
        doc_text(d, doc_cell(d, row, false), f->point_orgs[k]);
        doc_wordsf(d, doc_cell(d, row, false), "%zu", f->point_counts[k]);
        for (size_t st = 0; st < f->n_cols; st++) {
            const struct doc_heat_cell *v = &f->series[st * f->n_points + k];
            c = fig(d, row, v->has ? v->shown : NULL, "no score", false);
            doc_span_only(doc_text(d, c, f->series_bands[st * f->n_points + k]), DOC_HTML)->style =
                "sub";
        }
        doc_text(d, cell(d, row, false, DOC_HTML), f->point_focus[k]);
    }
}

/* HTML: a row group a group, its respondents at each point, then each stage's scores;
   markdown: one table, the group's name on its respondents' row. */
static void series(struct doc *d, struct doc_node *p, const struct doc_figure *f)
{
    if (f->n_rows && !f->rows[0]) {
        series_whole(d, p, f);
        return;
    }
    struct doc_node *hr, *t = table(d, p, "keep", "Group|Figure", f->n_points, true);
    hr = t->first;
    t->grouped = true;
    caption(d, t, "Stage scores by group at each assessment",
            "each scored over that group's respondents alone, 0 to 100", true);
    for (size_t k = 0; k < f->n_points; k++)
        both(d, doc_cell(d, hr, true), f->points[k]);
    for (size_t g = 0; g < f->n_rows; g++) {
        struct doc_node *row = doc_row(d, t);
        row->grouped = true;
        head(d, row, f->rows[g])->rowspan = f->n_cols + 1;
        doc_words(d, doc_cell(d, row, true), "Respondents");
        for (size_t k = 0; k < f->n_points; k++)
            doc_wordsf(d, doc_cell(d, row, false), "%zu", f->point_counts[g * f->n_points + k]);
        for (size_t st = 0; st < f->n_cols; st++) {
            const struct doc_heat_cell *v = &f->series[(g * f->n_cols + st) * f->n_points];
            row = doc_row(d, t);
            md_only(d, row, true, NULL);
            head(d, row, f->cols[st]);
            for (size_t k = 0; k < f->n_points; k++)
                fig(d, row, v[k].has ? v[k].shown : NULL, "no score", false);
        }
    }
}

void doc_figure_table(struct doc *d, struct doc_node *parent, const struct doc_figure *f)
{
    static void (*const lower[])(struct doc *, struct doc_node *, const struct doc_figure *) = {
        [DOC_FIGURE_GROUPS] = groups,       [DOC_FIGURE_LEVELS] = levels,
        [DOC_FIGURE_STAGES] = stages,       [DOC_FIGURE_MATRIX] = matrix,
        [DOC_FIGURE_MOVEMENT] = movement,   [DOC_FIGURE_GROUP_MOVEMENT] = group_movement,
        [DOC_FIGURE_ITEMS] = item_moves,    [DOC_FIGURE_PLAN_DONE] = plan_rows,
        [DOC_FIGURE_PLAN_GAPS] = plan_rows, [DOC_FIGURE_PLAN_NOT_COUNTED] = plan_rows,
        [DOC_FIGURE_TIMELINE] = timeline,   [DOC_FIGURE_SERIES] = series,
    };
    lower[f->kind](d, parent, f);
}
