/*
 * test_doc_compare.c - the document's figures and nodes that compare and trend build
 * (issue 28), byte by byte in each writer: a stage's move before and after, items, a
 * plan's gaps, time in stage, scores over time; drawn HTML shown in HTML only; a
 * section without a heading in a format; and text from the inputs never acting as
 * control.
 */
#include <string.h>

#include "testutil.h"
#include "doc.h"
#include "strbuf.h"

static void expect_str(const struct strbuf *got, const char *want)
{
    if (strcmp(strbuf_str(got), want) != 0)
        fail_msg("got:\n%s\nwant:\n%s", strbuf_str(got), want);
}

/* Writes d in all three formats into text, md and html. */
static void write_all(const struct doc *d, struct strbuf *text, struct strbuf *md,
                      struct strbuf *html, size_t width)
{
    doc_write_text(d, text, width, false);
    doc_write_markdown(d, md);
    doc_write_html(d, html);
}

/* Two stages: one that fell, one that lost its score (no after, no change). */
static void build_movement(struct doc *d)
{
    struct doc_figure *f = doc_figure(d, d->root, DOC_FIGURE_MOVEMENT, 2, 1)->figure;
    f->rows[0] = "Launch";
    f->moves[0] = (struct doc_move){"52.9", "50.7", "-2.2", "fell", true, "Developing", "Early"};
    f->rows[1] = "<b>Sustain|";
    f->moves[1] = (struct doc_move){"40.0", NULL, NULL, "lost its score", true, "Early", "none"};
}

static void test_doc_movement(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf text = STRBUF_INIT, md = STRBUF_INIT, html = STRBUF_INIT;
    doc_init(&d);
    build_movement(&d);
    write_all(&d, &text, &md, &html, 80);
    expect_str(&text, "Stage        Before   After  Change\n"
                      "Launch         52.9    50.7    -2.2  fell\n"
                      "<b>Sustain|    40.0       -  lost its score\n");
    expect_str(&md,
               "| Stage | Before | After | Change |\n| --- | ---: | ---: | ---: |\n"
               "| Launch | 52.9 | 50.7 | -2.2 (fell) |\n"
               "| \\<b\\>Sustain\\| | 40.0 | \xE2\x80\x94 | \xE2\x80\x94 (lost its score) |\n\n");
    assert_non_null(strstr(strbuf_str(&html), "<th scope=\"row\">&lt;b&gt;Sustain|</th>"
                                              "<td class=\"num\">40.0</td><td class=\"num\">no "
                                              "score</td><td class=\"num\"><span "
                                              "class=\"muted\">not comparable</span></td>"));
    assert_non_null(strstr(strbuf_str(&html), "<td><span class=\"tag\">Lost its score</span>"));
    doc_release(&d);
    strbuf_release(&text);
    strbuf_release(&md);
    strbuf_release(&html);
}

/* Items as columns (text) hang under the name; as a list they carry their figures. */
static void test_doc_items(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf text = STRBUF_INIT, md = STRBUF_INIT, html = STRBUF_INIT;
    doc_init(&d);
    struct doc_figure *f = doc_figure(&d, d.root, DOC_FIGURE_ITEMS, 1, 0)->figure;
    f->columns = true;
    f->title = "Moved";
    f->aside = "mean answers";
    f->item_moves[0] = (struct doc_item_move){"Launch",
                                              "barrier",
                                              "Staff \033[31mturnover",
                                              "launch.staff",
                                              "Launch barrier: Staff turnover",
                                              "5.4",
                                              "5.9",
                                              "+0.5",
                                              "worse"};
    write_all(&d, &text, &md, &html, 40);
    expect_str(&text, "  5.4 -> 5.9   worse   Launch barrier:\n    Staff turnover\n");
    assert_non_null(strstr(strbuf_str(&md), "| Launch | barrier | Staff"));
    assert_null(strchr(strbuf_str(&md), '\033'));
    assert_non_null(strstr(strbuf_str(&html), "<caption>Moved <span class=\"muted\">(mean "
                                              "answers)</span></caption>"));
    strbuf_reset(&text);
    f->columns = false;
    f->n_rows = 0;
    doc_write_text(&d, &text, 40, false);
    expect_str(&text, "none\n");
    doc_release(&d);
    strbuf_release(&text);
    strbuf_release(&md);
    strbuf_release(&html);
}

/* Drawn HTML is HTML's alone; a section with no heading in text or markdown writes its
   body in its place there. */
static void test_doc_drawn_and_bare_section(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf text = STRBUF_INIT, md = STRBUF_INIT, html = STRBUF_INIT;
    doc_init(&d);
    struct doc_node *sec = doc_section(&d, d.root, 2, "trend");
    doc_span_only(doc_words(&d, sec, "Over time"), DOC_HTML);
    sec->bare_in_text = true;
    doc_drawn(&d, sec, "<figure>chart</figure>\n");
    doc_words(&d, doc_para(&d, sec), "Body.");
    write_all(&d, &text, &md, &html, 80);
    expect_str(&text, "Body.\n");
    expect_str(&md, "Body.\n\n");
    expect_str(&html, "<section id=\"trend\" aria-labelledby=\"trend-h\">\n<h2 "
                      "id=\"trend-h\">Over time</h2>\n<figure>chart</figure>\n<p>Body.</p>\n"
                      "</section>\n");
    doc_release(&d);
    strbuf_release(&text);
    strbuf_release(&md);
    strbuf_release(&html);
}

/* A plan's action with one gap that moved and one not answered after. */
static void test_doc_plan_done(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf text = STRBUF_INIT, md = STRBUF_INIT, html = STRBUF_INIT;
    doc_init(&d);
    struct doc_figure *f = doc_figure(&d, d.root, DOC_FIGURE_PLAN_DONE, 1, 0)->figure;
    f->title = "Done";
    f->aside = "answers";
    struct doc_gap_move gaps[2] = {
        {"Launch barrier: A", "3.0", "5.5", "+2.5", "12.4", "6.1", "-6.3", "closed"},
        {"Launch barrier: B", "4.0", "n/a", NULL, "2.0", NULL, NULL, "not answered"}};
    f->plan_rows[0] =
        (struct doc_plan_row){"Train | all", "launch.train", "2026-05-01", NULL, "said \"yes\"",
                              "done",        "counted",      false,        gaps, 2};
    write_all(&d, &text, &md, &html, 80);
    expect_str(&text, "- Train | all: done 2026-05-01\n"
                      "  Launch barrier: A: answer 3.0 -> 5.5 (+2.5), stage points 12.4 -> 6.1 "
                      "(-6.3);\n    closed\n"
                      "  Launch barrier: B: answer 4.0 -> n/a, stage points 2.0 -> none; not "
                      "answered\n"
                      "  note: \"said \"yes\"\"\n");
    assert_non_null(strstr(strbuf_str(&md), "| Train \\| all | 2026-05-01 | \xE2\x80\x94 | "
                                            "Launch barrier: A | 3.0 | 5.5 | +2.5 | 12.4 | "
                                            "6.1 | -6.3 | closed |\n"));
    assert_non_null(strstr(strbuf_str(&md), "| \xE2\x80\x94 | \xE2\x80\x94 | \xE2\x80\x94 | "
                                            "Launch barrier: B | 4.0 | n/a | \xE2\x80\x94 | 2.0 "
                                            "| \xE2\x80\x94 | \xE2\x80\x94 | not answered |\n"));
    assert_non_null(strstr(strbuf_str(&html), "rowspan=\"2\">Train | all<span "
                                              "class=\"id\">launch.train</span></th>"));
    doc_release(&d);
    strbuf_release(&text);
    strbuf_release(&md);
    strbuf_release(&html);
}

/* Time in stage: text's sentence a stage; the table's bands top band last, a dash or
   "never" where a stage was never in one. */
static void test_doc_timeline(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf text = STRBUF_INIT, md = STRBUF_INIT, html = STRBUF_INIT;
    doc_init(&d);
    struct doc_figure *f = doc_figure(&d, d.root, DOC_FIGURE_TIMELINE, 1, 2)->figure;
    f->title = "Time";
    f->aside = "focus";
    f->rows[0] = "Launch";
    f->cols[0] = "Embedded";
    f->cols[1] = "Early";
    f->row_words[0] = "never";
    f->row_lines[0] = "never the focus.";
    f->cells[0].shown = "not yet";
    write_all(&d, &text, &md, &html, 80);
    expect_str(&text, "Launch: never the focus.\n");
    expect_str(&md, "| Stage | Focus | Early | Embedded (top band) |\n| --- | --- | --- | --- |\n"
                    "| Launch | never | \xE2\x80\x94 | not yet |\n\n");
    assert_non_null(strstr(strbuf_str(&html), "<td class=\"nowrap\"><span "
                                              "class=\"muted\">never</span></td><td "
                                              "class=\"nowrap\">not yet</td>"));
    doc_release(&d);
    strbuf_release(&text);
    strbuf_release(&md);
    strbuf_release(&html);
}

/* A group's scores at two points: its respondents, then a line a stage. */
static void test_doc_series(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf text = STRBUF_INIT, md = STRBUF_INIT, html = STRBUF_INIT;
    doc_init(&d);
    struct doc_figure *f = doc_series(&d, d.root, 1, 1, 2)->figure;
    f->rows[0] = "North";
    f->cols[0] = "Launch";
    f->points[0] = "2026-01-01";
    f->points[1] = "2026-04-01";
    f->point_counts[0] = 6;
    f->point_counts[1] = 7;
    f->series[0] = (struct doc_heat_cell){true, 100.0, "100.0", 0, 0};
    write_all(&d, &text, &md, &html, 80);
    expect_str(&text, "North: 6 -> 7 respondents\n"
                      "  Launch          \xE2\x96\x88\xC2\xB7  100.0 -> -\n");
    expect_str(&md, "| Group | Figure | 2026-01-01 | 2026-04-01 |\n| --- | --- | ---: | ---: |\n"
                    "| North | Respondents | 6 | 7 |\n|  | Launch | 100.0 | \xE2\x80\x94 |\n\n");
    assert_non_null(strstr(strbuf_str(&html), "<td class=\"num\">100.0</td><td "
                                              "class=\"num\">no score</td>"));
    doc_release(&d);
    strbuf_release(&text);
    strbuf_release(&md);
    strbuf_release(&html);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_doc_movement),
        cmocka_unit_test(test_doc_items),
        cmocka_unit_test(test_doc_drawn_and_bare_section),
        cmocka_unit_test(test_doc_plan_done),
        cmocka_unit_test(test_doc_timeline),
        cmocka_unit_test(test_doc_series),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
