/*
 * test_doc_office.c - the Word and OpenDocument writers: a small document tree written
 * and zipped (report_office_write), then opened here with libzip: the parts there, in
 * order, dated the same fixed day, the OpenDocument mimetype first and stored, and the
 * XML holding real headings, tables with header rows and lists, with hostile text from
 * the inputs escaped and empty paragraphs left out. The same tree makes the same bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "testutil.h"
#include "doc.h"
#include "report.h"
#include "strbuf.h"

static const char HOSTILE[] = "</w:t></w:r><w:p>evil</w:p> & <text:h>evil</text:h>\x01";

/* A title, a section with a hostile paragraph, an empty one, a list of each kind, a
   table with a caption and a right-aligned column, and a figure of stage scores. */
static void build(struct doc *d)
{
    doc_init(d);
    struct doc_node *top = doc_section(d, d->root, 1, NULL);
    doc_words(d, top, "Readiness: ");
    doc_text(d, top, "Anytown & <Partners>");
    struct doc_node *sec = doc_section(d, top, 2, "summary");
    doc_words(d, sec, "Summary");
    struct doc_node *p = doc_para(d, sec);
    doc_words(d, p, "Said: ");
    doc_text(d, p, HOSTILE);
    doc_strong(d, p, " strong");
    doc_text(d, doc_para(d, sec), "  \n\t "); /* trims to nothing: no paragraph */
    doc_only(doc_para(d, sec), DOC_HTML);     /* not shown in markdown: none either */
    struct doc_node *l = doc_list(d, sec, true);
    doc_words(d, doc_item(d, l), "first");
    doc_words(d, doc_item(d, l), "second");
    l = doc_list(d, sec, false);
    doc_words(d, doc_item(d, l), "a bullet");
    struct doc_node *sub = doc_section(d, sec, 3, NULL);
    doc_words(d, sub, "Table");
    struct doc_node *t = doc_table(d, sub, 2);
    doc_words(d, t, "Scores by stage");
    doc_table_align(t, 1, DOC_ALIGN_RIGHT);
    struct doc_node *row = doc_row(d, t);
    doc_words(d, doc_cell(d, row, true), "Stage");
    doc_words(d, doc_cell(d, row, true), "Score");
    row = doc_row(d, t);
    doc_text(d, doc_cell(d, row, true), "Launch    wide");
    doc_words_cell(d, row, "82.1");
    struct doc_node *f = doc_figure(d, sub, DOC_FIGURE_STAGES, 1, 1);
    f->figure->rows[0] = doc_strdup(d, "Sustain");
    f->figure->bands[0] = doc_strdup(d, "Established");
    f->figure->cells[0] = (struct doc_heat_cell){true, 66.7, doc_strdup(d, "66.7"), 5, 6};
}

static void write_doc(const char *format, struct strbuf *out)
{
    struct doc d;
    struct diags diags;
    build(&d);
    diags_init(&diags);
    assert_int_equal(report_office_write(&d, format, "test", out, &diags), 0);
    assert_false(diags_failed(&diags));
    diags_release(&diags);
}

struct archive {
    zip_source_t *src;
    zip_t *za;
};

static void open_archive(struct archive *a, const struct strbuf *bytes)
{
    zip_error_t err;
    zip_error_init(&err);
    a->src = zip_source_buffer_create(bytes->buf, bytes->len, 0, &err);
    assert_non_null(a->src);
    a->za = zip_open_from_source(a->src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!a->za)
        fail_msg("not a zip archive: %s", zip_error_strerror(&err));
    zip_error_fini(&err);
}

static void close_archive(struct archive *a)
{
    zip_discard(a->za);
}

/* The part at path, its text in out; fails when missing. */
static void read_part(struct archive *a, const char *path, struct strbuf *out)
{
    zip_stat_t st;
    if (zip_stat(a->za, path, 0, &st) != 0)
        fail_msg("no part %s", path);
    zip_file_t *f = zip_fopen(a->za, path, 0);
    assert_non_null(f);
    strbuf_grow(out, (size_t)st.size);
    zip_int64_t got = zip_fread(f, out->buf + out->len, st.size);
    assert_int_equal(got, (zip_int64_t)st.size);
    out->len += (size_t)got;
    out->buf[out->len] = '\0';
    zip_fclose(f);
}

static void assert_has(const struct strbuf *sb, const char *what)
{
    if (!strstr(strbuf_str(sb), what))
        fail_msg("missing: %s", what);
}

static void assert_lacks(const struct strbuf *sb, const char *what)
{
    if (strstr(strbuf_str(sb), what))
        fail_msg("should not hold: %s", what);
}

static size_t count(const struct strbuf *sb, const char *what)
{
    size_t n = 0;
    for (const char *p = strbuf_str(sb); (p = strstr(p, what)) != NULL; p++)
        n++;
    return n;
}

static void assert_names(struct archive *a, const char *const *names, size_t n)
{
    assert_int_equal(zip_get_num_entries(a->za, 0), (zip_int64_t)n);
    for (size_t k = 0; k < n; k++)
        assert_string_equal(zip_get_name(a->za, k, 0), names[k]);
}

/* Every entry's local header dated 1980-01-01 00:00 (DOS time 0, date 0x21). */
static void assert_fixed_dates(const struct strbuf *bytes)
{
    size_t seen = 0;
    for (size_t at = 0; at + 14 <= bytes->len; at++) {
        const unsigned char *u = (const unsigned char *)bytes->buf + at;
        if (u[0] == 'P' && u[1] == 'K' && u[2] == 3 && u[3] == 4) {
            assert_int_equal(u[10] | u[11] << 8, 0);
            assert_int_equal(u[12] | u[13] << 8, 0x21);
            seen++;
        }
    }
    assert_true(seen > 0);
}

static void test_doc_office_docx_parts(void **state)
{
    (void)state;
    static const char *const names[] = {
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/numbering.xml",
        "word/settings.xml",
    };
    struct strbuf bytes = STRBUF_INIT, doc = STRBUF_INIT, styles = STRBUF_INIT, types = STRBUF_INIT,
                  core = STRBUF_INIT, numbering = STRBUF_INIT;
    write_doc("docx", &bytes);
    assert_fixed_dates(&bytes);
    struct archive a;
    open_archive(&a, &bytes);
    assert_names(&a, names, sizeof(names) / sizeof(names[0]));
    read_part(&a, "word/document.xml", &doc);
    read_part(&a, "word/styles.xml", &styles);
    read_part(&a, "[Content_Types].xml", &types);
    read_part(&a, "docProps/core.xml", &core);
    read_part(&a, "word/numbering.xml", &numbering);
    /* headings: Word's own styles with their outline levels */
    assert_has(&doc, "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">"
                     "Readiness: </w:t></w:r><w:r><w:t xml:space=\"preserve\">Anytown &amp; "
                     "&lt;Partners&gt;</w:t></w:r>");
    assert_has(&doc, "<w:pStyle w:val=\"Heading2\"/>");
    assert_has(&doc, "<w:pStyle w:val=\"Heading3\"/>");
    assert_has(&styles, "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name "
                        "w:val=\"heading 1\"/>");
    assert_has(&styles, "<w:outlineLvl w:val=\"0\"/>");
    assert_has(&styles, "<w:outlineLvl w:val=\"2\"/>");
    assert_has(&styles, "<w:rFonts w:ascii=\"Arial\"");
    /* hostile text escaped, the control replaced */
    assert_has(&doc, "&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:p&gt;evil&lt;/w:p&gt; &amp; "
                     "&lt;text:h&gt;evil&lt;/text:h&gt;\xEF\xBF\xBD");
    assert_lacks(&doc, "<w:p>evil");
    assert_has(&doc, "<w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">strong</w:t>");
    /* no empty paragraph outside the table cells */
    assert_lacks(&doc, "<w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr></w:p>");
    assert_int_equal(count(&doc, "w:val=\"BodyText\""), 1);
    /* lists: numbered (its own count) and bulleted */
    assert_int_equal(count(&doc, "<w:numId w:val=\"2\"/>"), 2);
    assert_int_equal(count(&doc, "<w:numId w:val=\"1\"/>"), 1);
    assert_has(&numbering, "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/>");
    /* tables: the caption before, the header row repeated, a right-aligned figure; the
       figure a table of its data */
    assert_has(&doc, "<w:pStyle w:val=\"Caption\"/></w:pPr><w:r><w:t xml:space=\"preserve\">"
                     "Scores by stage</w:t>");
    assert_int_equal(count(&doc, "<w:tbl>"), 2);
    assert_int_equal(count(&doc, "<w:tblHeader/>"), 2);
    assert_has(&doc, "<w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">82.1");
    assert_has(&doc, "Launch    wide");
    assert_has(&doc, "Stage scores");
    assert_has(&doc, "Established");
    /* A4, 2 cm margins */
    assert_has(&doc, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>");
    assert_has(&types, "wordprocessingml.document.main+xml");
    assert_has(&core, "<dc:title>Readiness: Anytown &amp; &lt;Partners&gt;</dc:title>");
    close_archive(&a);
    strbuf_release(&bytes);
    strbuf_release(&doc);
    strbuf_release(&styles);
    strbuf_release(&types);
    strbuf_release(&core);
    strbuf_release(&numbering);
}

static void test_doc_office_odt_parts(void **state)
{
    (void)state;
    static const char *const names[] = {"mimetype", "meta.xml", "styles.xml", "content.xml",
                                        "META-INF/manifest.xml"};
    struct strbuf bytes = STRBUF_INIT, content = STRBUF_INIT, styles = STRBUF_INIT,
                  mime = STRBUF_INIT, manifest = STRBUF_INIT, meta = STRBUF_INIT;
    write_doc("odt", &bytes);
    assert_fixed_dates(&bytes);
    /* the mimetype first, stored, with no extra field: readable at byte 30 */
    assert_true(bytes.len > 38 + 39);
    assert_memory_equal(bytes.buf + 30, "mimetypeapplication/vnd.oasis.opendocument.text", 47);
    struct archive a;
    open_archive(&a, &bytes);
    assert_names(&a, names, sizeof(names) / sizeof(names[0]));
    zip_stat_t st;
    assert_int_equal(zip_stat_index(a.za, 0, 0, &st), 0);
    assert_int_equal(st.comp_method, ZIP_CM_STORE);
    assert_int_equal(zip_stat_index(a.za, 3, 0, &st), 0);
    assert_int_equal(st.comp_method, ZIP_CM_DEFLATE);
    read_part(&a, "content.xml", &content);
    read_part(&a, "styles.xml", &styles);
    read_part(&a, "mimetype", &mime);
    read_part(&a, "META-INF/manifest.xml", &manifest);
    read_part(&a, "meta.xml", &meta);
    assert_string_equal(strbuf_str(&mime), "application/vnd.oasis.opendocument.text");
    assert_has(&manifest, "manifest:full-path=\"content.xml\"");
    assert_has(&content, "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">"
                         "Readiness: Anytown &amp; &lt;Partners&gt;</text:h>");
    assert_has(&content, "text:outline-level=\"2\">Summary</text:h>");
    assert_has(&content, "text:outline-level=\"3\">Table</text:h>");
    assert_has(&styles, "style:name=\"Heading_20_1\" style:display-name=\"Heading 1\"");
    assert_has(&styles, "style:default-outline-level=\"1\"");
    assert_has(&styles, "fo:page-width=\"21cm\" fo:page-height=\"29.7cm\"");
    assert_has(&content, "&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:p&gt;evil&lt;/w:p&gt; &amp; "
                         "&lt;text:h&gt;evil&lt;/text:h&gt;\xEF\xBF\xBD");
    assert_lacks(&content, "<text:h>evil");
    assert_has(&content, "<text:span text:style-name=\"Strong_20_Emphasis\">strong</text:span>");
    assert_int_equal(count(&content, "text:style-name=\"Text_20_body\""), 1);
    assert_has(&content, "<text:list text:style-name=\"Numbering_20_123\"><text:list-item>"
                         "<text:p text:style-name=\"List_20_Contents\">first</text:p>");
    assert_has(&content, "<text:list text:style-name=\"List_20_Bullet\">");
    assert_has(&content, "<text:p text:style-name=\"Caption\">Scores by stage</text:p>"
                         "<table:table table:name=\"Table1\"");
    assert_int_equal(count(&content, "<table:table-header-rows>"), 2);
    assert_has(&content, "table:name=\"Table2\"");
    assert_has(&content, "Launch <text:s text:c=\"3\"/>wide");
    assert_has(&content, "<text:p text:style-name=\"Table_20_Contents_20_Right\">82.1</text:p>");
    assert_has(&meta, "<dc:title>Readiness: Anytown &amp; &lt;Partners&gt;</dc:title>");
    close_archive(&a);
    strbuf_release(&bytes);
    strbuf_release(&content);
    strbuf_release(&styles);
    strbuf_release(&mime);
    strbuf_release(&manifest);
    strbuf_release(&meta);
}

static void test_doc_office_same_bytes(void **state)
{
    (void)state;
    static const char *const formats[] = {"docx", "odt"};
    for (size_t k = 0; k < 2; k++) {
        struct strbuf one = STRBUF_INIT, two = STRBUF_INIT;
        write_doc(formats[k], &one);
        write_doc(formats[k], &two);
        assert_int_equal(one.len, two.len);
        assert_memory_equal(one.buf, two.buf, one.len);
        strbuf_release(&one);
        strbuf_release(&two);
    }
}

static void test_doc_office_format_names(void **state)
{
    (void)state;
    assert_true(report_format_is_office("docx"));
    assert_true(report_format_is_office("odt"));
    assert_false(report_format_is_office("markdown"));
    assert_false(report_format_is_office("DOCX"));
    assert_false(report_format_is_office(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_doc_office_docx_parts),
        cmocka_unit_test(test_doc_office_odt_parts),
        cmocka_unit_test(test_doc_office_same_bytes),
        cmocka_unit_test(test_doc_office_format_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
