/*
 * test_xmlw.c - the XML writer: escaping byte by byte (markup, what XML 1.0 forbids,
 * bytes that are not UTF-8, hostile text), and elements opened and closed in order.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "strbuf.h"
#include "xmlw.h"

#define FFFD "\xEF\xBF\xBD"

static void expect(const char *in, const char *want)
{
    struct strbuf sb = STRBUF_INIT;
    xmlw_escape(&sb, in);
    if (strcmp(strbuf_str(&sb), want) != 0)
        fail_msg("escaping \"%s\": got \"%s\", want \"%s\"", in, strbuf_str(&sb), want);
    strbuf_release(&sb);
}

static void test_xmlw_markup(void **state)
{
    (void)state;
    expect("", "");
    expect("plain text, 62.5%", "plain text, 62.5%");
    expect("a & b < c > d \"e\" 'f'", "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
    expect("&amp;", "&amp;amp;");
    expect("&#65;", "&amp;#65;");
    expect("]]>", "]]&gt;");
}

static void test_xmlw_controls(void **state)
{
    (void)state;
    for (int c = 1; c < 0x20; c++) {
        char in[2] = {(char)c, 0};
        if (c == '\t' || c == '\n')
            expect(in, in);
        else if (c == '\r')
            expect(in, "&#13;");
        else
            expect(in, FFFD);
    }
    expect("\x7f", FFFD);
    expect("a\x1b[2Jb", "a" FFFD "[2Jb");
    expect("\xC2\x80\xC2\x9F", FFFD FFFD); /* C1 controls */
    expect("\xC2\xA0", "\xC2\xA0");        /* no-break space stays */
}

static void test_xmlw_noncharacters_and_bad_utf8(void **state)
{
    (void)state;
    expect("\xEF\xBF\xBE", FFFD);
    expect("\xEF\xBF\xBF", FFFD);
    expect("\xEF\xBF\xBD", FFFD);           /* itself: allowed */
    expect("\xFF\xFE", FFFD FFFD);          /* not UTF-8 */
    expect("\xC3", FFFD);                   /* cut short */
    expect("\xED\xA0\x80", FFFD FFFD FFFD); /* a surrogate */
    expect("\xC0\xAF", FFFD FFFD);          /* overlong '/' */
    expect("caf\xC3\xA9 \xF0\x9F\x98\x80", "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

static void test_xmlw_hostile_text(void **state)
{
    (void)state;
    expect("<!DOCTYPE x [<!ENTITY a SYSTEM \"file:///etc/passwd\">]>&a;",
           "&lt;!DOCTYPE x [&lt;!ENTITY a SYSTEM &quot;file:///etc/passwd&quot;&gt;]&gt;&amp;a;");
    expect("</w:t></w:r><w:r><w:t>evil", "&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;evil");
    expect("<?xml version=\"1.0\"?>", "&lt;?xml version=&quot;1.0&quot;?&gt;");
    expect("<![CDATA[x]]>", "&lt;![CDATA[x]]&gt;");
}

static void test_xmlw_elements(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    struct xmlw w;
    xmlw_init(&w, &sb);
    xmlw_decl(&w);
    xmlw_start(&w, "a");
    xmlw_attr(&w, "x", "1 < 2 & \"3\"");
    xmlw_attr_size(&w, "n", 42);
    xmlw_start(&w, "b");
    xmlw_end(&w);
    xmlw_start(&w, "c");
    xmlw_text(&w, "t<");
    xmlw_attr(&w, "late", "ignored"); /* content began: no attribute */
    xmlw_end(&w);
    xmlw_leaf(&w, "d", "v", "'");
    xmlw_leaf(&w, "e", NULL, NULL);
    xmlw_end(&w);
    xmlw_end(&w); /* nothing open: nothing written */
    assert_string_equal(strbuf_str(&sb),
                        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                        "<a x=\"1 &lt; 2 &amp; &quot;3&quot;\" n=\"42\"><b/><c>t&lt;</c>"
                        "<d v=\"&apos;\"/><e/></a>");
    xmlw_release(&w);
    xmlw_release(&w); /* twice: safe */
    strbuf_release(&sb);
}

/* Deep nesting grows the stack and closes every element in order. */
static void test_xmlw_deep(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT, want = STRBUF_INIT;
    struct xmlw w;
    xmlw_init(&w, &sb);
    for (int k = 0; k < 500; k++) {
        xmlw_start(&w, "x");
        strbuf_adds(&want, "<x>");
        xmlw_text(&w, "");
    }
    for (int k = 0; k < 500; k++) {
        xmlw_end(&w);
        strbuf_adds(&want, "</x>");
    }
    assert_string_equal(strbuf_str(&sb), strbuf_str(&want));
    assert_int_equal(w.depth, 0);
    xmlw_release(&w);
    strbuf_release(&sb);
    strbuf_release(&want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xmlw_markup),
        cmocka_unit_test(test_xmlw_controls),
        cmocka_unit_test(test_xmlw_noncharacters_and_bad_utf8),
        cmocka_unit_test(test_xmlw_hostile_text),
        cmocka_unit_test(test_xmlw_elements),
        cmocka_unit_test(test_xmlw_deep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
