/*
 * compare_build.c - "stagegap compare"'s sections built once, as a document (doc.h),
 * from the comparison; doc_text.c, doc_markdown.c and doc_html.c write them. Where the
 * formats still say a thing differently, each wording is said once here, marked with the
 * formats that show it (doc_only, doc_span_only).
 */
#include "compare_build_internal.h"

#include <string.h>

#include "accept.h"
#include "compare.h"
#include "model_change.h"
#include "plan_review.h"
#include "report.h"
#include "report_build_internal.h"
#include "report_compare_internal.h"
#include "report_plan_internal.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

enum { MD_HTML = DOC_MARKDOWN | DOC_HTML };

void compare_write_about(const struct score *s, enum doc_format f, struct strbuf *out, size_t width)
{
    struct doc d;
    doc_init(&d);
    report_build_about(&d, s);
    doc_write(&d, f, out, width, false);
}

void compare_write_evidence_pointer(enum doc_format f, struct strbuf *out, size_t width)
{
    struct doc d;
    doc_init(&d);
    report_build_evidence_pointer(&d, d.root);
    doc_write(&d, f, out, width, false);
}

void compare_md_end_blocks(struct strbuf *out)
{
    if (out->len >= 2 && out->buf[out->len - 1] == '\n' && out->buf[out->len - 2] == '\n')
        out->buf[--out->len] = '\0';
}

void compare_build_write(compare_builder *build, const struct compare *c, enum doc_format f,
                         struct strbuf *out, size_t width)
{
    struct doc d;
    doc_init(&d);
    build(&d, c);
    doc_write(&d, f, out, width, false);
}

/* A figure as compare shows it ("52.9"), or NULL for none. */
static const char *shown(struct doc *d, bool has, double v)
{
    if (!has)
        return NULL;
    struct strbuf sb = STRBUF_INIT;
    strbuf_add_tenths(&sb, v);
    return doc_take(d, &sb);
}

/* A change with its sign ("+4.7", "-6.7", "0.0"), or NULL when either side has none. */
static const char *change(struct doc *d, bool has, double delta)
{
    if (!has)
        return NULL;
    struct strbuf sb = STRBUF_INIT, num = STRBUF_INIT;
    strbuf_add_tenths(&num, delta);
    if (num.buf[0] != '-' && strcmp(num.buf, "0.0") != 0)
        strbuf_addc(&sb, '+');
    strbuf_adds(&sb, num.buf);
    strbuf_release(&num);
    return doc_take(d, &sb);
}

/* An item's change, as the engine worked it out from the answers as shown. */
static const char *item_change(struct doc *d, const struct compare_item *ci)
{
    if (!ci->has_before || !ci->has_after)
        return NULL;
    struct strbuf sb = STRBUF_INIT;
    plan_add_change(&sb, ci->change_tenths);
    return doc_take(d, &sb);
}

static void set_move(struct doc *d, struct doc_move *m, const struct compare_stage *cs)
{
    m->before = shown(d, cs->has_before, cs->before);
    m->after = shown(d, cs->has_after, cs->after);
    m->change = change(d, cs->has_before && cs->has_after, cs->delta);
    m->note = cs->lost               ? "lost its score"
              : cs->regressed        ? "fell"
              : cs->within_tolerance ? "fell, within tolerance"
                                     : NULL;
    m->warn = cs->lost || cs->regressed;
}

/* Each stage's score before and after, the change and whether it fell. */
static void stages_figure(struct doc *d, struct doc_node *parent, const struct compare *c)
{
    const struct rules *r = c->before->rules;
    struct doc_figure *f = doc_figure(d, parent, DOC_FIGURE_MOVEMENT, r->n_stages, 1)->figure;
    for (size_t st = 0; st < r->n_stages; st++) {
        f->rows[st] = doc_strdup(d, r->stages[st].title);
        set_move(d, &f->moves[st], &c->stages[st]);
        f->moves[st].band_before = doc_strdup(d, score_band_title(c->before, st));
        f->moves[st].band_after = doc_strdup(d, score_band_title(c->after, st));
    }
}

static void focus(struct doc *d, struct doc_node *parent, const struct compare *c);

void compare_build_stages(struct doc *d, const struct compare *c, const char *chart)
{
    struct doc_node *sec = doc_section(d, d->root, 2, "stages");
    doc_words(d, sec, "Stages");
    sec->bare_in_text = true;
    struct strbuf verdict = STRBUF_INIT;
    compare_regression_sentence(&verdict, c);
    struct doc_node *box =
        doc_only(doc_callout(d, sec, c->regression ? DOC_TONE_PLAIN : DOC_TONE_OK), DOC_HTML);
    doc_label_text(d, box, strbuf_str(&verdict));
    strbuf_release(&verdict);
    if (chart)
        doc_drawn(d, sec, chart);
    stages_figure(d, sec, c);
    doc_only(doc_para(d, sec), DOC_TEXT); /* text's blank line before the focus */
    focus(d, sec, c);
}

static void focus_title(struct doc *d, struct doc_node *n, const struct score *s)
{
    struct strbuf sb = STRBUF_INIT;
    report_focus_words(&sb, s);
    doc_text(d, n, strbuf_str(&sb));
    strbuf_release(&sb);
}

static void focus(struct doc *d, struct doc_node *parent, const struct compare *c)
{
    struct doc_node *p = doc_only(doc_para(d, parent), MD_HTML);
    doc_label(d, p, "Focus before:");
    doc_words(d, p, " ");
    focus_title(d, p, c->before);
    doc_words(d, p, ". ");
    doc_label(d, p, "Focus after:");
    doc_words(d, p, " ");
    focus_title(d, p, c->after);
    doc_words(d, p, ".");
    doc_span_only(doc_wordsf(d, p, " %zu gap%s closed, %zu opened.", c->n_closed,
                             c->n_closed == 1 ? "" : "s", c->n_opened),
                  DOC_HTML);
    /* Text sets the two apart, a line each, the titles in one column. */
    struct doc_node *l = doc_only(doc_list(d, parent, false), DOC_TEXT);
    l->bare_in_text = true;
    struct doc_node *it = doc_item(d, l);
    it->marker = "Focus before: ";
    it->marker_as_is = true;
    focus_title(d, it, c->before);
    it = doc_item(d, l);
    it->marker = "Focus after:  ";
    it->marker_as_is = true;
    focus_title(d, it, c->after);
}

void compare_build_groups(struct doc *d, const struct compare *c)
{
    const struct rules *r = c->before->rules;
    const struct score_breakdown *b = &c->before->breakdown, *a = &c->after->breakdown;
    if (b->state == BREAKDOWN_OFF)
        return;
    struct strbuf sb = STRBUF_INIT;
    report_breakdown_title(&sb, b);
    struct doc_node *sec = doc_section(d, d->root, 2, "groups");
    doc_text(d, sec, strbuf_str(&sb));
    if (c->n_groups) {
        doc_span_only(
            doc_words(d, sec, " (respondents, then each stage before, after and the change)"),
            DOC_TEXT);
        doc_words(d, doc_only(doc_para(d, sec), DOC_MARKDOWN),
                  "Each group's stage scores before and after, with its respondents before "
                  "\xE2\x86\x92 after.");
        struct doc_figure *f =
            doc_figure(d, sec, DOC_FIGURE_GROUP_MOVEMENT, c->n_groups, r->n_stages)->figure;
        for (size_t st = 0; st < r->n_stages; st++)
            f->cols[st] = doc_strdup(d, r->stages[st].title);
        for (size_t g = 0; g < c->n_groups; g++) {
            strbuf_reset(&sb);
            report_group_name(&sb, b, &b->groups[g]);
            f->rows[g] = doc_strdup(d, strbuf_str(&sb));
            f->counts[g] = b->groups[g].respondents;
            f->counts_after[g] = a->groups[g].respondents;
            for (size_t st = 0; st < r->n_stages; st++)
                set_move(d, &f->moves[g * r->n_stages + st], compare_group_stage(c, g, st));
        }
    }
    strbuf_release(&sb);
    compare_build_breakdown_note(d, sec, b);
}

void compare_build_breakdown_note(struct doc *d, struct doc_node *sec,
                                  const struct score_breakdown *b)
{
    struct strbuf note = STRBUF_INIT;
    report_breakdown_note(&note, b);
    if (note.len) {
        struct doc_node *p = doc_para(d, sec);
        p->tone = DOC_TONE_MUTED;
        doc_text(d, p, strbuf_str(&note));
    }
    strbuf_release(&note);
}

enum item_filter { MOVED, CLOSED, OPENED };

static bool item_selected(const struct compare_item *ci, enum item_filter f)
{
    return f == MOVED ? ci->moved : f == CLOSED ? ci->closed : ci->opened;
}

/* The items the filter selects, before and after, under the section's heading. */
static struct doc_node *items_section(struct doc *d, const struct compare *c, enum item_filter fl)
{
    static const char *const ids[] = {"moved", "closed", "opened"};
    static const char *const headings[] = {"Answers that moved", "Gaps closed", "Gaps opened"};
    static const char *const in_text[] = {" (before -> after)",
                                          " (below the best end before, at it now)",
                                          " (at the best end before, below it now)"};
    static const char *const leads[] = {
        "Mean answers before and after. For a barrier, a higher answer means it bites "
        "harder, so it is worse.",
        SCORE_GAP_LEGEND " Closed: below the best end before, at it now.",
        "At the best end before (or not answered), below it now."};
    static const char *const captions[] = {
        "Answers that moved between the two assessments",
        "Gaps closed: answered below the best end of the scale before, at it "
        "after. " SCORE_GAP_LEGEND,
        "Gaps opened: at the best end of the scale before (or not answered), below it after"};
    const struct rules *r = c->before->rules;
    struct doc_node *sec = doc_section(d, d->root, 2, ids[fl]);
    doc_words(d, sec, headings[fl]);
    doc_span_only(doc_words(d, sec, in_text[fl]), DOC_TEXT);
    doc_words(d, doc_only(doc_para(d, sec), DOC_MARKDOWN), leads[fl]);
    size_t n = 0;
    for (size_t i = 0; i < r->n_items; i++)
        n += item_selected(&c->items[i], fl);
    struct doc_figure *f = doc_figure(d, sec, DOC_FIGURE_ITEMS, n, 0)->figure;
    f->columns = fl == MOVED;
    f->title = captions[fl];
    f->aside = doc_strdup(d, "");
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "mean answers on %ld to %ld; for a barrier, a high answer means it bites",
                r->scale_min, r->scale_max);
    f->aside = doc_strdup(d, strbuf_str(&sb));
    size_t k = 0;
    for (size_t i = 0; i < r->n_items; i++) {
        const struct compare_item *ci = &c->items[i];
        if (!item_selected(ci, fl))
            continue;
        struct doc_item_move *m = &f->item_moves[k++];
        m->stage = doc_strdup(d, r->stages[r->items[i].stage].title);
        m->kind = rules_item_label(&r->items[i]);
        strbuf_reset(&sb);
        report_item_words(&sb, &r->items[i]);
        m->text = doc_strdup(d, strbuf_str(&sb));
        m->id = doc_strdup(d, r->items[i].id);
        strbuf_reset(&sb);
        compare_item_name(&sb, r, i);
        m->name = doc_strdup(d, strbuf_str(&sb));
        m->before = shown(d, ci->has_before, ci->before);
        m->after = shown(d, ci->has_after, ci->after);
        m->change = item_change(d, ci);
        m->direction = compare_direction_name(ci->direction);
    }
    strbuf_release(&sb);
    return sec;
}

void compare_build_moved(struct doc *d, const struct compare *c)
{
    items_section(d, c, MOVED);
}

void compare_build_closed(struct doc *d, const struct compare *c)
{
    items_section(d, c, CLOSED);
}

static const char OPENED_ACCEPTED[] =
    "Not counted as opened, being accepted for now (--accept): each still counts in its "
    "stage's score";

/* The gaps accepted in AFTER that would have opened, a list item each. */
static struct doc_node *accepted_list(struct doc *d, const struct compare *c,
                                      struct doc_node *parent)
{
    const struct score *s = c->after;
    const struct rules *r = s->rules;
    struct doc_node *l = doc_list(d, parent, false);
    l->bare_in_text = true;
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < r->n_items; i++) {
        if (!c->items[i].opened_accepted)
            continue;
        strbuf_reset(&sb);
        compare_item_name(&sb, r, i);
        strbuf_adds(&sb, " (");
        plan_add_answer_now(&sb, s, i);
        strbuf_addf(&sb, " now; accepted until %s)", s->items[i].acceptance->expires);
        doc_text(d, doc_item(d, l), strbuf_str(&sb));
    }
    strbuf_release(&sb);
    return l;
}

/*
 * The gaps not counted as opened, being accepted in AFTER: in markdown and HTML a
 * paragraph and a list inside "Gaps opened"; text heads them as a section of their own.
 */
static void opened_accepted(struct doc *d, const struct compare *c, struct doc_node *sec)
{
    if (!c->after->accept || !c->n_opened_accepted)
        return;
    struct doc_node *p = doc_only(doc_para(d, sec), MD_HTML);
    doc_words(d, p, OPENED_ACCEPTED);
    doc_words(d, p, ":");
    doc_only(accepted_list(d, c, sec), MD_HTML);
    struct doc_node *own = doc_only(doc_section(d, d->root, 2, NULL), DOC_TEXT);
    doc_words(d, own, OPENED_ACCEPTED);
    accepted_list(d, c, own);
}

void compare_build_opened(struct doc *d, const struct compare *c)
{
    opened_accepted(d, c, items_section(d, c, OPENED));
}

/* One item's line: "added: ID", "retired: ID (REASON)", "changed: ID (what)". */
static void model_item_line(struct strbuf *sb, const struct rules *r,
                            const struct model_change_item *mi)
{
    const struct rules_item *it = &r->items[mi->item];
    strbuf_addf(sb, "%s: %s", model_change_kind_name(mi->kind), it->id);
    if (mi->kind == MODEL_ITEM_RETIRED) {
        strbuf_addf(sb, " (%s)", it->retired);
    } else if (mi->kind == MODEL_ITEM_CHANGED) {
        strbuf_adds(sb, " (");
        model_change_what(sb, mi->changes);
        strbuf_adds(sb, ")");
    }
}

void compare_model_change_each(const struct model_change *mc, const struct rules *r,
                               compare_model_line *line, void *arg)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t k = 0; k < mc->n_items; k++) {
        strbuf_reset(&sb);
        model_item_line(&sb, r, &mc->items[k]);
        line(arg, &r->items[mc->items[k].item], strbuf_str(&sb));
    }
    strbuf_release(&sb);
    if (mc->overlay_changes & OVERLAY_CHANGED_SCORING)
        line(arg, NULL, "scoring (acted-on, minimum coverage) changed by the overlay");
    if (mc->overlay_changes & OVERLAY_CHANGED_BANDS)
        line(arg, NULL, "bands changed by the overlay");
    if (!mc->n_items && !mc->overlay_changes)
        line(arg, NULL, "nothing in the items, scoring or bands");
}

struct list_arg {
    struct doc *d;
    struct doc_node *list;
};

static void list_line(void *arg, const struct rules_item *it, const char *text)
{
    struct list_arg *a = arg;
    (void)it;
    doc_text(a->d, doc_item(a->d, a->list), text);
}

void compare_build_model_change(struct doc *d, const struct model_change *mc, const struct rules *r)
{
    if (!mc)
        return;
    struct doc_node *sec = doc_section(d, d->root, 2, "model-change");
    doc_words(d, sec, "Model change");
    struct doc_node *p = doc_para(d, sec);
    doc_words(d, p, "The assessments name different models, ");
    doc_code(d, p, mc->from);
    doc_words(d, p, " and ");
    doc_code(d, p, mc->to);
    doc_words(d, p, " (");
    doc_code(d, p, "--allow-model-change");
    doc_words(d, p, "); what differs:");
    struct list_arg a = {d, doc_list(d, sec, false)};
    a.list->bare_in_text = true;
    compare_model_change_each(mc, r, list_line, &a);
}

void compare_write_model_change(const struct model_change *mc, const struct rules *r,
                                enum doc_format f, struct strbuf *out, size_t width)
{
    struct doc d;
    doc_init(&d);
    compare_build_model_change(&d, mc, r);
    doc_write(&d, f, out, width, false);
}

void compare_write_stages(const struct compare *c, const char *chart, enum doc_format f,
                          struct strbuf *out, size_t width)
{
    struct doc d;
    doc_init(&d);
    compare_build_stages(&d, c, chart);
    doc_write(&d, f, out, width, false);
}
