/*
 * test_doc.c - the document tree and its three writers, byte by byte: layout, the
 * formats a node is shown in, and text from the inputs never acting as control.
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

/* A section with a lead, a bare list and a bulleted one nested in its item. */
static void build_sample(struct doc *d)
{
    struct doc_node *sec = doc_section(d, d->root, 2, "things");
    doc_words(d, sec, "Things");
    struct doc_node *p = doc_para(d, sec);
    doc_words(d, p, "Our words, then ");
    doc_strong(d, p, "input");
    doc_words(d, p, ".");
    struct doc_node *list = doc_list(d, sec, false);
    list->bare_in_text = true;
    struct doc_node *item = doc_item(d, list);
    doc_words(d, item, "First item:");
    struct doc_node *inner = doc_list(d, item, false);
    doc_text(d, doc_item(d, inner), "a");
    doc_text(d, doc_item(d, inner), "b");
}

static void test_doc_text_layout(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    build_sample(&d);
    doc_write_text(&d, &out, 80, false);
    expect_str(&out, "\nThings\n  Our words, then input.\n  First item:\n    - a\n    - b\n");
    strbuf_reset(&out);
    doc_write_text(&d, &out, 80, true);
    expect_str(&out, "\n\033[1mThings\033[0m\n  Our words, then input.\n  First item:\n"
                     "    - a\n    - b\n");
    doc_release(&d);
    strbuf_release(&out);
}

static void test_doc_text_wraps_and_numbers(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    struct doc_node *sec = doc_section(&d, d.root, 2, NULL);
    doc_words(&d, sec, "Head");
    doc_words(&d, doc_para(&d, sec), "one two three four five");
    doc_words(&d, doc_para(&d, sec), "six");
    struct doc_node *list = doc_list(&d, sec, true);
    doc_words(&d, doc_item(&d, list), "alpha beta gamma delta");
    struct doc_node *item = doc_item(&d, list);
    doc_words(&d, item, "second");
    doc_words(&d, doc_para(&d, item), "under it");
    struct doc_node *sub = doc_section(&d, sec, 3, NULL);
    doc_words(&d, sub, "Sub heading");
    doc_words(&d, doc_para(&d, sub), "deeper");
    doc_write_text(&d, &out, 16, false);
    /* Two paragraphs in a row have a blank line between them; lists hang after their
       marker; a level-3 heading stands at the body's margin and its body two further in. */
    expect_str(&out, "\nHead\n  one two three\n  four five\n\n  six\n"
                     "  1. alpha beta\n     gamma delta\n"
                     "  2. second\n     under it\n"
                     "  Sub heading\n    deeper\n");
    doc_release(&d);
    strbuf_release(&out);
}

static void test_doc_text_strips_controls(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    doc_text(&d, doc_para(&d, d.root), "red \033[31mtext\033[0m\a\nnext");
    doc_write_text(&d, &out, 80, false);
    assert_null(strchr(strbuf_str(&out), '\033'));
    assert_null(strchr(strbuf_str(&out), '\a'));
    assert_int_equal(strchr(strbuf_str(&out), '\n') - strbuf_str(&out), (long)out.len - 1);
    doc_release(&d);
    strbuf_release(&out);
}

static void test_doc_markdown_layout(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    build_sample(&d);
    struct doc_node *c = doc_callout(&d, d.root, DOC_TONE_SOURCE);
    doc_words(&d, c, "Source caveat: ");
    doc_text(&d, c, "  trimmed  ");
    doc_write_markdown(&d, &out);
    expect_str(&out, "## Things\n\nOur words, then **input**.\n\n- First item:\n  - a\n  - b\n\n"
                     "> Source caveat: trimmed\n\n");
    doc_release(&d);
    strbuf_release(&out);
}

static void test_doc_markdown_escapes_input(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    struct doc_node *p = doc_para(&d, d.root);
    doc_words(&d, p, "*ours* ");
    doc_text(&d, p, "*theirs* | <b>#\n[x](y)");
    doc_words(&d, p, " ");
    doc_code(&d, p, "abc");
    doc_words(&d, p, " ");
    doc_code(&d, p, "a`b");
    doc_words(&d, p, " ");
    doc_link(&d, p, "go", "#a b)");
    doc_write_markdown(&d, &out);
    expect_str(&out,
               "*ours* \\*theirs\\* \\| \\<b\\>\\# \\[x\\](y) `abc` a\\`b [go](#a%20b%29)\n\n");
    doc_release(&d);
    strbuf_release(&out);
}

static void test_doc_markdown_table(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    struct doc_node *t = doc_table(&d, d.root, 3);
    doc_table_align(t, 1, DOC_ALIGN_RIGHT);
    doc_words(&d, t, "A caption markdown has no room for");
    struct doc_node *row = doc_row(&d, t);
    doc_words(&d, doc_cell(&d, row, false), "Name");
    doc_words(&d, doc_cell(&d, row, false), "Score");
    doc_words(&d, doc_cell(&d, row, false), "Note");
    row = doc_row(&d, t);
    doc_text(&d, doc_cell(&d, row, true), "a|b");
    doc_words(&d, doc_cell(&d, row, false), "4.5");
    doc_text(&d, doc_cell(&d, row, false), "   ");
    doc_write_markdown(&d, &out);
    expect_str(&out, "| Name | Score | Note |\n| --- | ---: | --- |\n| a\\|b | 4.5 | |\n\n");
    doc_release(&d);
    strbuf_release(&out);
}

/* A table in all three formats: text as a record a row (an empty or "none" cell left
   out, a cell's list under the fields), markdown with a dash for "none" and a cell's
   list run on, HTML with a quiet "none" and the list in its cell; an id only in HTML. */
static void test_doc_text_table(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    struct doc_node *t = doc_table(&d, d.root, 4);
    doc_table_align(t, 1, DOC_ALIGN_RIGHT);
    struct doc_node *row = doc_row(&d, t);
    doc_words(&d, doc_cell(&d, row, false), "Stage");
    doc_words(&d, doc_cell(&d, row, false), "Score");
    doc_words(&d, doc_cell(&d, row, false), "Owner");
    doc_words(&d, doc_cell(&d, row, false), "Gaps");
    row = doc_row(&d, t);
    struct doc_node *c = doc_cell(&d, row, true);
    doc_text(&d, c, "Preparation");
    doc_ref(&d, c, "prep.id");
    doc_words(&d, doc_cell(&d, row, false), "7.5");
    doc_none(&d, doc_cell(&d, row, false));
    struct doc_node *list = doc_list(&d, doc_cell(&d, row, false), false);
    doc_text(&d, doc_item(&d, list), "one");
    doc_text(&d, doc_item(&d, list), "two");
    row = doc_row(&d, t);
    doc_text(&d, doc_cell(&d, row, true), "Launch");
    doc_words(&d, doc_cell(&d, row, false), "5.0");
    doc_text(&d, doc_cell(&d, row, false), "Sam");
    doc_cell(&d, row, false);
    doc_write_text(&d, &out, 80, false);
    expect_str(&out, "- Preparation\n  Score: 7.5\n  Gaps:\n    - one\n    - two\n"
                     "- Launch\n  Score: 5.0; Owner: Sam\n");
    strbuf_reset(&out);
    doc_write_markdown(&d, &out);
    expect_str(&out,
               "| Stage | Score | Owner | Gaps |\n| --- | ---: | --- | --- |\n"
               "| Preparation | 7.5 | \xE2\x80\x94 | one; two |\n| Launch | 5.0 | Sam | |\n\n");
    strbuf_reset(&out);
    doc_write_html(&d, &out);
    assert_non_null(strstr(strbuf_str(&out),
                           "<tr><th scope=\"row\">Preparation<span class=\"id\">prep.id</span>"
                           "</th><td class=\"num\">7.5</td><td><span class=\"muted\">none</span>"
                           "</td><td><ul class=\"cell\"><li>one</li><li>two</li></ul></td></tr>"));
    doc_release(&d);
    strbuf_release(&out);
}

static void test_doc_html_layout(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    build_sample(&d);
    struct doc_node *p = doc_para(&d, d.root);
    p->tone = DOC_TONE_MUTED;
    doc_label(&d, p, "Label:");
    doc_words(&d, p, " it's ");
    doc_ref(&d, p, "id-1");
    doc_aside(&d, p, " (aside)");
    doc_tag(&d, p, "flag");
    doc_words(&d, doc_callout(&d, d.root, DOC_TONE_NOTE), "Careful.");
    doc_write_html(&d, &out);
    expect_str(&out,
               "<section id=\"things\" aria-labelledby=\"things-h\">\n<h2 id=\"things-h\">Things"
               "</h2>\n<p>Our words, then <strong>input</strong>.</p>\n<ul>\n<li>First item:"
               "<ul><li>a</li><li>b</li></ul></li>\n</ul>\n</section>\n"
               "<p class=\"muted\"><span class=\"label\">Label:</span> it's "
               "<span class=\"id\">id-1</span><span class=\"muted\"> (aside)</span>"
               "<span class=\"tag\">flag</span></p>\n"
               "<div class=\"callout note\"><p>Careful.</p></div>\n");
    doc_release(&d);
    strbuf_release(&out);
}

static void test_doc_html_escapes_input(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    struct doc_node *p = doc_para(&d, d.root);
    doc_text(&d, p, "<script>x</script> http://e.org @import url(a)");
    doc_words(&d, p, " a/b & <i>");
    doc_write_html(&d, &out);
    expect_str(&out, "<p>&lt;script&gt;x&lt;&#47;script&gt; htt&#112;:&#47;&#47;e.org "
                     "&#64;import url&#40;a) a/b &amp; &lt;i&gt;</p>\n");
    doc_release(&d);
    strbuf_release(&out);
}

static void test_doc_html_table(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    struct doc_node *t = doc_table(&d, d.root, 2);
    doc_table_align(t, 1, DOC_ALIGN_RIGHT);
    doc_words(&d, t, "Scores ");
    doc_aside(&d, t, "(0 to 100)");
    struct doc_node *row = doc_row(&d, t);
    doc_words(&d, doc_cell(&d, row, false), "Stage");
    doc_words(&d, doc_cell(&d, row, false), "Score");
    row = doc_row(&d, t);
    doc_text(&d, doc_cell(&d, row, true), "A&B");
    doc_words(&d, doc_cell(&d, row, false), "50.0");
    doc_write_html(&d, &out);
    expect_str(&out, "<table>\n<caption>Scores <span class=\"muted\">(0 to 100)</span></caption>\n"
                     "<thead><tr><th scope=\"col\">Stage</th><th scope=\"col\" class=\"num\">"
                     "Score</th></tr></thead>\n<tbody>\n<tr><th scope=\"row\">A&amp;B</th>"
                     "<td class=\"num\">50.0</td></tr>\n</tbody>\n</table>\n");
    doc_release(&d);
    strbuf_release(&out);
}

/* A node or span shown in some formats only is in those and no other. */
static void test_doc_only(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf text = STRBUF_INIT, md = STRBUF_INIT, html = STRBUF_INIT;
    doc_init(&d);
    struct doc_node *p = doc_para(&d, d.root);
    doc_span_only(doc_words(&d, p, "T"), DOC_TEXT);
    doc_span_only(doc_words(&d, p, "M"), DOC_MARKDOWN);
    doc_span_only(doc_words(&d, p, "H"), DOC_HTML);
    doc_words(&d, p, "*");
    doc_words(&d, doc_only(doc_para(&d, d.root), DOC_TEXT | DOC_HTML), "not in markdown");
    doc_write_text(&d, &text, 80, false);
    doc_write_markdown(&d, &md);
    doc_write_html(&d, &html);
    expect_str(&text, "T*\n\nnot in markdown\n");
    expect_str(&md, "M*\n\n");
    expect_str(&html, "<p>H*</p>\n<p>not in markdown</p>\n");
    doc_release(&d);
    strbuf_release(&text);
    strbuf_release(&md);
    strbuf_release(&html);
}

/* Two groups by two stages; the second group's second stage is not scored. */
static void build_groups(struct doc *d)
{
    struct doc_figure *f = doc_figure(d, d->root, DOC_FIGURE_GROUPS, 2, 2)->figure;
    f->rows[0] = doc_strdup(d, "North <b>");
    f->rows[1] = doc_strdup(d, "South");
    f->counts[0] = 5;
    f->counts[1] = 12;
    f->cols[0] = doc_strdup(d, "Start");
    f->cols[1] = doc_strdup(d, "Later");
    struct doc_heat_cell cells[4] = {
        {true, 50, "50.0", 0, 0}, {true, 100, "100.0", 0, 0}, {true, 0, "0.0", 0, 0}, {0}};
    memcpy(f->cells, cells, sizeof(cells));
}

/* A figure at the top level stands apart in text: a blank line after it. */
static void test_doc_figure_groups(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    build_groups(&d);
    doc_write_text(&d, &out, 80, false);
    expect_str(&out, "  North <b>    5  Start  50.0  Later 100.0\n"
                     "  South       12  Start   0.0  Later     -\n\n");
    strbuf_reset(&out);
    /* Too wide for the terminal: the stages go underneath. (As before the document
       model, a five-figure score touches the longest title: "Later100.0".) */
    doc_write_text(&d, &out, 30, false);
    expect_str(&out, "  North <b>    5\n      Start 50.0\n      Later100.0\n"
                     "  South       12\n      Start  0.0\n      Later    -\n\n");
    strbuf_reset(&out);
    doc_write_markdown(&d, &out);
    expect_str(&out, "| Group | Respondents | Start | Later |\n| --- | ---: | ---: | ---: |\n"
                     "| North \\<b\\> | 5 | 50.0 | 100.0 |\n"
                     "| South | 12 | 0.0 | \xE2\x80\x94 |\n\n");
    strbuf_reset(&out);
    doc_write_html(&d, &out);
    assert_non_null(strstr(strbuf_str(&out), "<th scope=\"row\">North &lt;b&gt;</th>"));
    assert_non_null(strstr(strbuf_str(&out), "<td class=\"empty\">not scored</td></tr>"));
    assert_non_null(strstr(strbuf_str(&out), "background:#08306b;color:#ffffff\">100.0</td>"));
    doc_release(&d);
    strbuf_release(&out);
}

static void test_doc_figure_levels(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    struct doc_figure *f = doc_figure(&d, d.root, DOC_FIGURE_LEVELS, 3, 1)->figure;
    f->title = doc_strdup(&d, "Start");
    f->rows[0] = doc_strdup(&d, "People");
    f->rows[1] = doc_strdup(&d, "Systems");
    f->rows[2] = doc_strdup(&d, "Culture");
    struct doc_heat_cell cells[3] = {
        {true, 75, "75.0", 2, 2}, {false, 0, "", 1, 3}, {false, 0, "", 0, 0}};
    memcpy(f->cells, cells, sizeof(cells));
    doc_write_text(&d, &out, 80, false);
    /* A level without items is left out in text. */
    expect_str(&out, "People                     75.0  (2 of 2 answered)\n"
                     "Systems                       -  (1 of 3 answered)\n\n");
    strbuf_reset(&out);
    doc_write_markdown(&d, &out);
    expect_str(&out,
               "| Level | Score | Answered |\n| --- | ---: | ---: |\n| People | 75.0 | 2/2 |\n"
               "| Systems | \xE2\x80\x94 | 1/3 |\n| Culture | \xE2\x80\x94 | 0/0 |\n\n");
    strbuf_reset(&out);
    doc_write_html(&d, &out);
    assert_non_null(strstr(strbuf_str(&out), "<caption>Start by level of change <span"));
    assert_non_null(strstr(strbuf_str(&out), "<td class=\"empty\">not scored<span class=\"sub\">1 "
                                             "of 3 answered</span></td>"));
    assert_non_null(strstr(strbuf_str(&out), "<td class=\"empty\">no items</td>"));
    doc_release(&d);
    strbuf_release(&out);
}

/* A callout's marker leads it in text and its later lines hang after it ("" for flush);
   a note is yellow with colour on; labels in a row are one label in HTML, the input
   among them escaped as input. */
static void test_doc_callout_marker_and_labels(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    struct doc_node *c = doc_callout(&d, d.root, DOC_TONE_PLAIN);
    c->marker = "";
    doc_label(&d, c, "Focus: ");
    doc_label_text(&d, c, "<b>@x");
    doc_label(&d, c, ".");
    doc_words(&d, c, " one two three four");
    struct doc_node *n = doc_callout(&d, d.root, DOC_TONE_NOTE);
    n->marker = "Note: ";
    doc_span_only(doc_label(&d, n, "Careful:"), DOC_HTML);
    doc_words(&d, n, " alpha beta gamma");
    doc_write_text(&d, &out, 20, false);
    expect_str(&out, "Focus: <b>@x. one\ntwo three four\nNote: alpha beta\n      gamma\n");
    strbuf_reset(&out);
    doc_write_text(&d, &out, 80, true);
    expect_str(&out, "Focus: <b>@x. one two three four\n"
                     "\033[33mNote: alpha beta gamma\n\033[0m");
    strbuf_reset(&out);
    doc_write_html(&d, &out);
    expect_str(&out, "<div class=\"callout\"><p><span class=\"label\">Focus: &lt;b&gt;&#64;x."
                     "</span> one two three four</p></div>\n"
                     "<div class=\"callout note\"><p><span class=\"label\">Careful:</span> "
                     "alpha beta gamma</p></div>\n");
    doc_release(&d);
    strbuf_release(&out);
}

/* The stage table: bars in text when wide enough, none when narrow; a table in
   markdown; in HTML, the disagreement column only when asked and the focus tagged. */
static void test_doc_figure_stages(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    struct doc_figure *f = doc_figure(&d, d.root, DOC_FIGURE_STAGES, 2, 1)->figure;
    f->rows[0] = doc_strdup(&d, "Start");
    f->rows[1] = doc_strdup(&d, "Later");
    f->bands[0] = doc_strdup(&d, "Fair");
    f->bands[1] = doc_strdup(&d, "Poor");
    f->shares[0] = doc_strdup(&d, "50.0");
    f->marks[0] = DOC_MARK_FOCUS;
    f->marks[1] = DOC_MARK_RESTS;
    struct doc_heat_cell cells[2] = {{true, 50, "50.0", 1, 2}, {false, 0, "", 0, 0}};
    memcpy(f->cells, cells, sizeof(cells));
    doc_write_text(&d, &out, 40, false);
    expect_str(&out, "Stage  Score  Band (answered)\n"
                     "Start   50.0  Fair (1 of 2)  <- focus\n"
                     "Later      -  Poor (0 of 0)\n\n");
    strbuf_reset(&out);
    doc_write_text(&d, &out, 80, false);
    assert_non_null(
        strstr(strbuf_str(&out), "Start   50.0  \xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88"));
    strbuf_reset(&out);
    doc_write_markdown(&d, &out);
    expect_str(&out, "| Stage | Score | Band | Coverage |\n| --- | ---: | --- | ---: |\n"
                     "| Start | 50.0 | Fair | 1/2 (50.0%) |\n"
                     "| Later | \xE2\x80\x94 | Poor | 0/0 |\n\n");
    strbuf_reset(&out);
    doc_write_html(&d, &out);
    assert_null(strstr(strbuf_str(&out), "disagree"));
    assert_non_null(strstr(strbuf_str(&out), "<td><span class=\"tag\">Focus</span> work on this "
                                             "first</td>"));
    assert_non_null(strstr(strbuf_str(&out), "<td class=\"num\">no score</td>"));
    f->disagree = true;
    f->counts[0] = 1;
    strbuf_reset(&out);
    doc_write_html(&d, &out);
    assert_non_null(strstr(strbuf_str(&out), "<td class=\"num\">1 item</td>"));
    assert_non_null(strstr(strbuf_str(&out), "<td class=\"num\">0 items</td>"));
    doc_release(&d);
    strbuf_release(&out);
}

/* A title block: text's lines at the margin and a blank line after them, markdown's details as a
   list, HTML's as a <dl> in the page's <header> with the contents after them, then <main> opened.
 */
static void test_doc_title_block(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    struct doc_node *sec = doc_section(&d, d.root, 1, NULL);
    doc_words(&d, sec, "Report: ");
    doc_text(&d, sec, "<Org>");
    doc_text(&d, doc_only(doc_para(&d, sec), DOC_TEXT), "Line one.");
    doc_text(&d, doc_only(doc_para(&d, sec), DOC_TEXT), "Line two.");
    struct doc_node *terms = doc_terms(&d, sec);
    terms->style = "meta";
    struct doc_node *t = doc_item(&d, terms);
    doc_label_text(&d, t, "Respondents' dates");
    doc_words(&d, t, "a to b");
    t = doc_item(&d, terms);
    doc_label(&d, t, "Hash");
    doc_code(&d, t, "abc");
    doc_words(&d, doc_item(&d, terms), "No term");
    struct doc_node *list = doc_list(&d, doc_nav(&d, sec), false);
    doc_link(&d, doc_item(&d, list), "Top", "#top");
    doc_write_text(&d, &out, 80, false);
    expect_str(&out, "Report: <Org>\nLine one.\nLine two.\n\n");
    strbuf_reset(&out);
    doc_write_markdown(&d, &out);
    expect_str(&out, "# Report: \\<Org\\>\n\n- Respondents' dates: a to b\n- Hash: `abc`\n"
                     "- No term\n\n");
    strbuf_reset(&out);
    doc_write_html(&d, &out);
    expect_str(&out, "<header>\n<h1>Report: &lt;Org&gt;</h1>\n<dl class=\"meta\">\n"
                     "<dt>Respondents&#39; dates</dt><dd>a to b</dd>\n"
                     "<dt>Hash</dt><dd><code>abc</code></dd>\n<dt></dt><dd>No term</dd>\n</dl>\n"
                     "<nav aria-label=\"Contents\">\n<ul>\n<li><a href=\"#top\">Top</a></li>\n"
                     "</ul>\n</nav>\n</header>\n<main>\n");
    doc_release(&d);
    strbuf_release(&out);
}

/* HTML draws the stage figure as a chart against its bands before the table, its
   numbers also in words; a band's name from the inputs is escaped. */
static void test_doc_figure_stages_chart(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    struct doc_figure *f = doc_figure(&d, d.root, DOC_FIGURE_STAGES, 2, 1)->figure;
    f->rows[0] = doc_strdup(&d, "Start");
    f->rows[1] = doc_strdup(&d, "Later");
    f->bands[0] = doc_strdup(&d, "Good");
    f->bands[1] = doc_strdup(&d, "P<o>or");
    f->marks[0] = DOC_MARK_FOCUS;
    f->chart = 3;
    doc_figure_bands(&d, f, 2);
    f->band_titles[0] = doc_strdup(&d, "Good");
    f->band_mins[0] = 50;
    f->band_titles[1] = doc_strdup(&d, "P<o>or");
    f->band_mins[1] = 0;
    struct doc_heat_cell cells[2] = {{true, 62.5, "62.5", 2, 2}, {false, 0, "", 0, 1}};
    memcpy(f->cells, cells, sizeof(cells));
    doc_write_html(&d, &out);
    const char *html = strbuf_str(&out);
    const char *chart =
        strstr(html, "<figure>\n<svg role=\"img\" aria-labelledby=\"chart3-title\"");
    assert_non_null(chart);
    assert_true(chart < strstr(html, "<table"));
    assert_non_null(strstr(html, "<desc id=\"chart3-desc\">Start scores 62.5 out of 100, in the "
                                 "Good band, and is the focus. Later has no score: too few "
                                 "questions were answered. The bands: Good from 50 to 100; "
                                 "P&lt;o&gt;or from 0 to under 50.</desc>"));
    assert_non_null(strstr(html, "Start \xE2\x80\x94 focus: work on this first</text>"));
    assert_non_null(strstr(html, "not scored: too few answers</text>"));
    assert_null(strstr(html, "<o>"));
    strbuf_reset(&out);
    doc_write_markdown(&d, &out);
    assert_null(strstr(strbuf_str(&out), "svg"));
    doc_release(&d);
    strbuf_release(&out);
}

/* In text, a paragraph after a section stands apart from it, as two paragraphs in a
   row do; markdown and HTML separate blocks their own way. */
static void test_doc_text_para_after_section(void **state)
{
    (void)state;
    struct doc d;
    struct strbuf out = STRBUF_INIT;
    doc_init(&d);
    struct doc_node *sec = doc_section(&d, d.root, 2, NULL);
    doc_words(&d, sec, "Head");
    doc_words(&d, doc_para(&d, sec), "Body.");
    doc_words(&d, doc_para(&d, d.root), "After.");
    doc_write_text(&d, &out, 80, false);
    expect_str(&out, "\nHead\n  Body.\n\nAfter.\n");
    doc_release(&d);
    strbuf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_doc_text_layout),
        cmocka_unit_test(test_doc_text_wraps_and_numbers),
        cmocka_unit_test(test_doc_text_strips_controls),
        cmocka_unit_test(test_doc_text_table),
        cmocka_unit_test(test_doc_markdown_layout),
        cmocka_unit_test(test_doc_markdown_escapes_input),
        cmocka_unit_test(test_doc_markdown_table),
        cmocka_unit_test(test_doc_html_layout),
        cmocka_unit_test(test_doc_html_escapes_input),
        cmocka_unit_test(test_doc_html_table),
        cmocka_unit_test(test_doc_only),
        cmocka_unit_test(test_doc_figure_groups),
        cmocka_unit_test(test_doc_figure_levels),
        cmocka_unit_test(test_doc_callout_marker_and_labels),
        cmocka_unit_test(test_doc_figure_stages),
        cmocka_unit_test(test_doc_title_block),
        cmocka_unit_test(test_doc_text_para_after_section),
        cmocka_unit_test(test_doc_figure_stages_chart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
