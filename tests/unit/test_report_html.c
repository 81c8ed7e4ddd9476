/*
 * test_report_html.c - the HTML pages of assess, compare and trend: hostile input comes
 * out escaped, nothing in a page could be fetched, one <h1> and headings in order, every
 * chart and table is labelled, text on shaded cells has contrast, and the same inputs
 * give the same bytes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "answers.h"
#include "compare.h"
#include "report.h"
#include "score.h"
#include "suppress.h"
#include "strbuf.h"

/* Hostile text in the rules: a stage title and an item text that try to close the SVG. */
static const char *const hostile_rules_edits[][2] = {
    {"    title: Start\n", "    title: \"St<b>art</svg><svg onload=x>\"\n"},
    {"text: Training,", "text: \"Train</svg><script>alert(2)</script>ing\","},
    {"title: A tiny model", "title: \"A tiny </title><h1>model\""},
    {"title: Good,", "title: \"Go'od\","},
    {"title: Fair,", "title: \"F</text><script>x</script>air\","},
};

/* A note that tries attributes, entities, quotes, terminal controls and markup. */
#define HOSTILE_NOTE "\\\" onmouseover=\\\"x & y 'z' \\e[31mred\\a\\n<h1>x"
/* Evidence that names things to fetch. */
#define HOSTILE_EVIDENCE "https://evil.example/a.png url(x) @import 'y' HTTP://Z //w"

struct side {
    struct assessment a;
    struct score s;
};

static struct rules rules;

static char *replace(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    assert_non_null(at);
    struct strbuf sb = STRBUF_INIT;
    strbuf_add(&sb, text, (size_t)(at - text));
    strbuf_adds(&sb, to);
    strbuf_adds(&sb, at + strlen(from));
    size_t len;
    return strbuf_detach(&sb, &len);
}

static int setup(void **state)
{
    (void)state;
    char *yaml = NULL;
    for (size_t k = 0; k < sizeof(hostile_rules_edits) / sizeof(hostile_rules_edits[0]); k++) {
        char *next = replace(yaml ? yaml : test_rules_yaml, hostile_rules_edits[k][0],
                             hostile_rules_edits[k][1]);
        free(yaml);
        yaml = next;
    }
    struct diags d;
    diags_init(&d);
    int rc = load_rules_text(&rules, yaml, &d);
    if (rc)
        print_diags(&d);
    diags_release(&d);
    free(yaml);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    rules_release(&rules);
    return 0;
}

static void add(struct side *sd, const char *date, const char *who, const char *answers)
{
    struct diags d;
    struct strbuf sb = STRBUF_INIT;
    diags_init(&d);
    strbuf_addf(&sb,
                "format: stagegap-answers/1\nrules: tiny\n"
                "organisation: \"<script>alert(1)</script>\"\ndate: %s\n"
                "respondent: %s\nanswers: {%s}\n",
                date, who, answers);
    if (assessment_add_buffer(&sd->a, "a.yaml", sb.buf, sb.len, false, &d) != 0) {
        print_diags(&d);
        fail();
    }
    strbuf_release(&sb);
    diags_release(&d);
}

/*
 * Two respondents far apart on start.plan (a disagreement), one with the hostile note
 * and evidence and a hostile role name; later.habit is unknown.
 */
static struct side *side_new(const char *date, int plan)
{
    struct side *sd = calloc(1, sizeof(*sd));
    assessment_init(&sd->a, &rules);
    static const char *const by_role[] = {ANSWERS_FIELD_ROLE};
    assessment_break_down_by(&sd->a, by_role, 1);
    char answers[512];
    snprintf(answers, sizeof(answers),
             "start.plan: {score: %d, note: \"" HOSTILE_NOTE "\", evidence: \"" HOSTILE_EVIDENCE
             "\"}, start.training: 8, start.fatigue: 7, start.do-plan: 2, later.habit: unknown",
             plan);
    add(sd, date, "{id: \"r1&amp;\", role: \"<i>lead</i>\"}", answers);
    add(sd, date, "{id: r2, role: practitioner}",
        "start.plan: 10, start.training: 6, start.fatigue: 3, start.do-plan: 9, "
        "later.habit: unknown");
    /* As with --attribute, and a threshold of 1 (the command line's floor is 3), so the
       hostile id and role reach the page, and its by-role table, to be escaped. */
    struct score_options o = {true, 1, false, NULL};
    score_compute_with(&sd->s, &rules, &sd->a, &o);
    return sd;
}

static void side_free(struct side *sd)
{
    score_release(&sd->s);
    assessment_release(&sd->a);
    free(sd);
}

enum page_kind { ASSESS, COMPARE, TREND, PAGE_KINDS };

/* Renders one kind of page over fresh assessments; the caller frees the string. */
static char *render(enum page_kind kind)
{
    struct side *before = side_new("2026-01-31", 0), *after = side_new("2026-04-30", 2);
    struct strbuf out = STRBUF_INIT;
    if (kind == ASSESS) {
        struct report_ctx ctx = {&after->s, "9.9.9", false, 80, NULL, NULL, NULL};
        report_render_html(&ctx, &out);
    } else if (kind == COMPARE) {
        struct compare c;
        compare_compute(&c, &before->s, &after->s);
        compare_render_html(&c, "9.9.9", &out);
        compare_release(&c);
    } else {
        const struct score *scores[] = {&after->s, &before->s};
        struct trend t;
        trend_compute(&t, scores, 2);
        trend_render_html(&t, "9.9.9", &out);
        trend_release(&t);
    }
    side_free(before);
    side_free(after);
    size_t len;
    char *html = strbuf_detach(&out, &len);
    assert_int_equal(strlen(html), len); /* no NUL inside */
    return html;
}

static size_t count(const char *haystack, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void assert_absent(const char *html, const char *needle)
{
    if (strstr(html, needle)) {
        fprintf(stderr, "found \"%s\" in:\n...%.200s\n", needle, strstr(html, needle));
        fail();
    }
}

static void assert_present(const char *html, const char *needle)
{
    if (!strstr(html, needle)) {
        fprintf(stderr, "missing \"%s\"\n", needle);
        fail();
    }
}

static bool has_ci(const char *html, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = html; *p; p++) {
        size_t k = 0;
        while (k < n && p[k] && (p[k] | 0x20) == (needle[k] | 0x20))
            k++;
        if (k == n)
            return true;
    }
    return false;
}

static void test_report_html_escapes_hostile_input(void **state)
{
    (void)state;
    for (int kind = 0; kind < PAGE_KINDS; kind++) {
        char *html = render((enum page_kind)kind);
        assert_absent(html, "<script");
        assert_absent(html, "alert(1)</");
        assert_absent(html, "<svg onload");
        assert_absent(html, "<b>");
        assert_absent(html, "<i>");
        assert_absent(html, "</title><h1>");
        assert_present(html, "&lt;script&gt;alert(1)&lt;&#47;script&gt;");
        /* Every </svg> closes one of ours. */
        assert_int_equal(count(html, "</svg>"), count(html, "<svg "));
        assert_int_equal(count(html, "</title>"), count(html, "<title"));
        for (const char *p = html; *p; p++)
            if ((unsigned char)*p < 0x20 && *p != '\n') {
                fprintf(stderr, "control byte 0x%02x in page %d\n", (unsigned char)*p, kind);
                fail();
            }
        free(html);
    }
    char *html = render(ASSESS);
    assert_present(html, "St&lt;b&gt;art&lt;&#47;svg&gt;&lt;svg onload=x&gt;");
    assert_present(html, "Train&lt;&#47;svg&gt;&lt;script&gt;alert(2)&lt;&#47;script&gt;ing");
    assert_present(html, "&quot; onmouseover=&quot;x &amp; y &#39;z&#39; \\x1b[31mred\\x07\n"
                         "&lt;h1&gt;x");
    assert_present(html, "&lt;i&gt;lead&lt;&#47;i&gt;");
    assert_present(html, "r1&amp;amp;");
    assert_present(html, "Go&#39;od");
    free(html);
    /* The trend's time in stage names the bands in its timeline, table and words. */
    html = render(TREND);
    assert_present(html, "<th scope=\"col\">F&lt;&#47;text&gt;&lt;script&gt;x&lt;&#47;script&gt;air"
                         "</th>");
    assert_present(html, "Not yet in the top band, Go&#39;od.");
    assert_absent(html, "</text><script>");
    free(html);
}

static void test_report_html_fetches_nothing(void **state)
{
    (void)state;
    for (int kind = 0; kind < PAGE_KINDS; kind++) {
        char *html = render((enum page_kind)kind);
        assert_false(has_ci(html, "http"));
        assert_absent(html, "//");
        assert_false(has_ci(html, "url("));
        assert_false(has_ci(html, "@import"));
        assert_false(has_ci(html, "src="));
        assert_false(has_ci(html, "<link"));
        assert_false(has_ci(html, "<img"));
        assert_false(has_ci(html, "<script"));
        assert_false(has_ci(html, "@font-face"));
        free(html);
    }
    /* The evidence is still there, reading the same. */
    char *html = render(ASSESS);
    assert_present(html, "htt&#112;s:&#47;&#47;evil.example&#47;a.png url&#40;x) &#64;import "
                         "&#39;y&#39; HTT&#80;:&#47;&#47;Z &#47;&#47;w");
    free(html);
}

/* The levels of the headings in order: one <h1> first, never a level skipped. */
static void test_report_html_headings(void **state)
{
    (void)state;
    for (int kind = 0; kind < PAGE_KINDS; kind++) {
        char *html = render((enum page_kind)kind);
        assert_int_equal(count(html, "<h1"), 1);
        int last = 0;
        for (const char *p = strstr(html, "<h"); p; p = strstr(p + 1, "<h")) {
            if (p[2] < '1' || p[2] > '6')
                continue;
            int level = p[2] - '0';
            if (level > last + 1) {
                fprintf(stderr, "h%d after h%d in page %d\n", level, last, kind);
                fail();
            }
            last = level;
        }
        assert_true(last >= 2);
        free(html);
    }
}

static void test_report_html_document(void **state)
{
    (void)state;
    for (int kind = 0; kind < PAGE_KINDS; kind++) {
        char *html = render((enum page_kind)kind);
        assert_int_equal(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n", 36), 0);
        size_t len = strlen(html);
        assert_true(len > 8);
        assert_string_equal(html + len - 8, "</html>\n");
        assert_int_equal(count(html, "<title>"), 1);
        assert_present(html, "@page{size:A4");
        assert_present(html, "@media print");
        assert_present(html, "<footer>\n<p>stagegap 9.9.9</p>");
        assert_present(html, "About the evidence");
        assert_present(html, "<span class=\"label\">Caveat:</span> No evidence at all.");
        char *again = render((enum page_kind)kind);
        assert_string_equal(html, again);
        free(again);
        free(html);
    }
}

/* Every chart is an image with a title and a description; every table has a caption. */
static void test_report_html_labelled(void **state)
{
    (void)state;
    for (int kind = 0; kind < PAGE_KINDS; kind++) {
        char *html = render((enum page_kind)kind);
        assert_true(count(html, "<svg") >= 1);
        for (const char *p = strstr(html, "<svg"); p; p = strstr(p + 1, "<svg")) {
            const char *end = strstr(p, "</svg>"), *tag_end = strchr(p, '>');
            assert_non_null(end);
            char tag[256];
            snprintf(tag, sizeof(tag), "%.*s", (int)(tag_end - p), p);
            assert_non_null(strstr(tag, "role=\"img\""));
            assert_non_null(strstr(tag, "aria-labelledby=\""));
            const char *title = strstr(p, "<title id=\""), *desc = strstr(p, "<desc id=\"");
            assert_true(title && title < end && desc && desc < end);
        }
        size_t tables = count(html, "<table");
        assert_true(tables >= 1);
        for (const char *p = strstr(html, "<table"); p; p = strstr(p + 1, "<table")) {
            const char *caption = strstr(p, "<caption>"), *row = strstr(p, "<tr");
            assert_true(caption && row && caption < row);
        }
        /* Every header cell says what it heads. */
        assert_int_equal(count(html, "<th>"), 0);
        assert_int_equal(count(html, "<th "), count(html, "<th scope=\"col\"") +
                                                  count(html, "<th scope=\"row\"") +
                                                  count(html, "<th scope=\"rowgroup\""));
        free(html);
    }
    char *html = render(ASSESS);
    assert_present(html, "respondents disagree");
    assert_present(html, "Nobody knew in");
    assert_present(html, "By role");
    free(html);
}

static double channel(unsigned v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double lum(unsigned long rgb)
{
    return 0.2126 * channel((unsigned)(rgb >> 16) & 0xFF) +
           0.7152 * channel((unsigned)(rgb >> 8) & 0xFF) + 0.0722 * channel((unsigned)rgb & 0xFF);
}

/* Text on every shaded cell has at least 4.5:1 contrast with its background. */
static void test_report_html_contrast(void **state)
{
    (void)state;
    char *html = render(ASSESS);
    size_t cells = 0;
    for (const char *p = strstr(html, "style=\""); p; p = strstr(p + 1, "style=\"")) {
        unsigned long shade, bg, fg;
        assert_int_equal(
            sscanf(p, "style=\"--shade:#%6lx;background:#%6lx;color:#%6lx\"", &shade, &bg, &fg), 3);
        assert_int_equal(shade, bg);
        double a = lum(bg), b = lum(fg);
        double ratio = (fmax(a, b) + 0.05) / (fmin(a, b) + 0.05);
        if (ratio < 4.5) {
            fprintf(stderr, "#%06lx on #%06lx: %.2f\n", fg, bg, ratio);
            fail();
        }
        cells++;
    }
    assert_true(cells >= 6);
    free(html);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_html_escapes_hostile_input),
        cmocka_unit_test(test_report_html_fetches_nothing),
        cmocka_unit_test(test_report_html_headings),
        cmocka_unit_test(test_report_html_document),
        cmocka_unit_test(test_report_html_labelled),
        cmocka_unit_test(test_report_html_contrast),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
