/*
 * doc_odt.c - the document as an OpenDocument text file (ODF 1.2): every part
 * generated here. The mimetype comes first and is stored uncompressed, as the standard
 * asks, so that a tool can tell the file by its first bytes. Headings are text:h with
 * their outline level (styles Heading 1 to 3); tables are table:table with their first
 * row in table:table-header-rows, repeated on each page; lists are text:list, each
 * numbered one counting from 1. A4, margins of 2 cm, Arial 11 pt (Liberation Sans where
 * Arial is missing: the same widths), British English. Text from the inputs goes through
 * xmlw.h's escaping; runs of spaces are written as text:s, which ODF needs to keep them.
 */
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "doc_office.h"
#include "strbuf.h"
#include "xmlw.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#define MIMETYPE "application/vnd.oasis.opendocument.text"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

struct odt {
    struct xmlw w;
    size_t tables; /* so far: each table's name is Table1, Table2, ... */
};

/* Text with each run of spaces after the first as text:s. */
static void spaced(struct xmlw *w, const char *s)
{
    struct strbuf piece = STRBUF_INIT;
    while (*s) {
        size_t n = strcspn(s, " ");
        strbuf_add(&piece, s, n);
        s += n;
        size_t spaces = strspn(s, " ");
        if (spaces)
            strbuf_addc(&piece, ' ');
        xmlw_text(w, strbuf_str(&piece));
        strbuf_reset(&piece);
        if (spaces > 1) {
            xmlw_start(w, "text:s");
            xmlw_attr_size(w, "text:c", spaces - 1);
            xmlw_end(w);
        }
        s += spaces;
    }
    strbuf_release(&piece);
}

static void run(void *ctx, const char *text, enum office_run_kind kind)
{
    struct xmlw *w = &((struct odt *)ctx)->w;
    if (kind == OFFICE_PLAIN) {
        spaced(w, text);
        return;
    }
    xmlw_start(w, "text:span");
    xmlw_attr(w, "text:style-name", kind == OFFICE_CODE ? "Source_20_Text" : "Strong_20_Emphasis");
    spaced(w, text);
    xmlw_end(w);
}

static void heading(void *ctx, int level, const struct doc_span *spans)
{
    struct odt *o = ctx;
    char style[24];
    (void)snprintf(style, sizeof(style), "Heading_20_%d", level);
    xmlw_start(&o->w, "text:h");
    xmlw_attr(&o->w, "text:style-name", style);
    xmlw_attr_size(&o->w, "text:outline-level", (size_t)level);
    office_runs(spans, false, run, o);
    xmlw_end(&o->w);
}

static void para(void *ctx, enum office_para kind, const struct doc_span *spans, bool terms)
{
    static const char *const styles[] = {
        [OFFICE_BODY] = "Text_20_body",
        [OFFICE_CALLOUT] = "Callout",
        [OFFICE_CAPTION] = "Caption",
        [OFFICE_ITEM] = "List_20_Contents",
        [OFFICE_ITEM_MORE] = "List_20_Contents",
    };
    struct odt *o = ctx;
    xmlw_start(&o->w, "text:p");
    xmlw_attr(&o->w, "text:style-name", styles[kind]);
    office_runs(spans, terms, run, o);
    xmlw_end(&o->w);
}

static void list_start(void *ctx, bool numbered)
{
    struct xmlw *w = &((struct odt *)ctx)->w;
    xmlw_start(w, "text:list");
    xmlw_attr(w, "text:style-name", numbered ? "Numbering_20_123" : "List_20_Bullet");
}

static void item_start(void *ctx)
{
    xmlw_start(&((struct odt *)ctx)->w, "text:list-item");
}

static void end(void *ctx)
{
    xmlw_end(&((struct odt *)ctx)->w);
}

static void table_start(void *ctx, size_t n_cols)
{
    struct odt *o = ctx;
    char name[32];
    (void)snprintf(name, sizeof(name), "Table%zu", ++o->tables);
    xmlw_start(&o->w, "table:table");
    xmlw_attr(&o->w, "table:name", name);
    xmlw_attr(&o->w, "table:style-name", "Report_20_Table");
    xmlw_start(&o->w, "table:table-column");
    xmlw_attr_size(&o->w, "table:number-columns-repeated", n_cols ? n_cols : 1);
    xmlw_end(&o->w);
}

static void row_start(void *ctx, bool head)
{
    struct xmlw *w = &((struct odt *)ctx)->w;
    if (head)
        xmlw_start(w, "table:table-header-rows");
    xmlw_start(w, "table:table-row");
}

static void cell(void *ctx, const struct doc_node *c, bool head)
{
    struct odt *o = ctx;
    bool right = c && c->halign == DOC_ALIGN_RIGHT;
    bool strong = head || (c && c->header);
    xmlw_start(&o->w, "table:table-cell");
    xmlw_attr(&o->w, "table:style-name", head ? "Head_20_Cell" : "Body_20_Cell");
    xmlw_attr(&o->w, "office:value-type", "string");
    xmlw_start(&o->w, "text:p");
    xmlw_attr(&o->w, "text:style-name",
              strong ? (right ? "Table_20_Heading_20_Right" : "Table_20_Heading")
                     : (right ? "Table_20_Contents_20_Right" : "Table_20_Contents"));
    if (c)
        office_cell_runs(c, run, o);
    xmlw_end(&o->w);
    xmlw_end(&o->w);
}

static void row_end(void *ctx, bool head)
{
    struct xmlw *w = &((struct odt *)ctx)->w;
    xmlw_end(w);
    if (head)
        xmlw_end(w);
}

static void content(const struct doc *d, struct strbuf *out)
{
    struct odt o;
    memset(&o, 0, sizeof(o));
    xmlw_init(&o.w, out);
    const struct office_writer ops = {&o,  heading,     para,      list_start, item_start, end,
                                      end, table_start, row_start, cell,       row_end,    end};
    strbuf_adds(out, XML_DECL "<office:document-content xmlns:office=\"" NS_OFFICE
                              "\" xmlns:style=\"" NS_STYLE "\" xmlns:text=\"" NS_TEXT
                              "\" xmlns:table=\"" NS_TABLE "\" xmlns:fo=\"" NS_FO
                              "\" office:version=\"1.2\">"
                              "<office:automatic-styles>"
                              "<style:style style:name=\"Report_20_Table\" "
                              "style:display-name=\"Report Table\" style:family=\"table\">"
                              "<style:table-properties style:width=\"17cm\" "
                              "table:align=\"margins\" fo:margin-top=\"0cm\" "
                              "fo:margin-bottom=\"0.3cm\"/></style:style>");
    for (int head = 0; head < 2; head++)
        strbuf_addf(out,
                    "<style:style style:name=\"%s\" style:family=\"table-cell\">"
                    "<style:table-cell-properties fo:padding=\"0.07cm\" "
                    "fo:border=\"0.5pt solid #808080\"%s/></style:style>",
                    head ? "Head_20_Cell" : "Body_20_Cell",
                    head ? " fo:background-color=\"#d9d9d9\"" : "");
    strbuf_adds(out, "</office:automatic-styles><office:body><office:text>");
    office_walk(d, &ops);
    strbuf_adds(out, "</office:text></office:body></office:document-content>");
    xmlw_release(&o.w);
}

/* A paragraph style: name, display name, parent, paragraph and text properties. */
static void pstyle(struct strbuf *sb, const char *name, const char *display, const char *parent,
                   const char *extra, const char *ppr, const char *tpr)
{
    strbuf_addf(sb,
                "<style:style style:name=\"%s\" style:display-name=\"%s\" "
                "style:family=\"paragraph\"",
                name, display);
    if (parent)
        strbuf_addf(sb, " style:parent-style-name=\"%s\"", parent);
    strbuf_addf(sb, "%s>", extra ? extra : "");
    if (ppr)
        strbuf_addf(sb, "<style:paragraph-properties %s/>", ppr);
    if (tpr)
        strbuf_addf(sb, "<style:text-properties %s/>", tpr);
    strbuf_adds(sb, "</style:style>");
}

static void list_style(struct strbuf *sb, bool numbered)
{
    strbuf_addf(sb, "<text:list-style style:name=\"%s\" style:display-name=\"%s\">",
                numbered ? "Numbering_20_123" : "List_20_Bullet",
                numbered ? "Numbering 123" : "List Bullet");
    for (int l = 1; l <= 10; l++) {
        if (numbered)
            strbuf_addf(sb,
                        "<text:list-level-style-number text:level=\"%d\" style:num-suffix=\".\" "
                        "style:num-format=\"1\">",
                        l);
        else
            strbuf_addf(sb,
                        "<text:list-level-style-bullet text:level=\"%d\" text:bullet-char=\"%s\">",
                        l, l % 2 ? "\xE2\x80\xA2" : "\xE2\x80\x93");
        strbuf_addf(sb,
                    "<style:list-level-properties "
                    "text:list-level-position-and-space-mode=\"label-alignment\">"
                    "<style:list-level-label-alignment text:label-followed-by=\"listtab\" "
                    "text:list-tab-stop-position=\"%d.%02dcm\" fo:text-indent=\"-0.63cm\" "
                    "fo:margin-left=\"%d.%02dcm\"/></style:list-level-properties>",
                    63 * l / 100, 63 * l % 100, 63 * l / 100, 63 * l % 100);
        strbuf_adds(sb, numbered ? "</text:list-level-style-number>"
                                 : "</text:list-level-style-bullet>");
    }
    strbuf_adds(sb, "</text:list-style>");
}

static void styles(struct strbuf *sb)
{
    strbuf_adds(sb, XML_DECL
                "<office:document-styles xmlns:office=\"" NS_OFFICE "\" xmlns:style=\"" NS_STYLE
                "\" xmlns:text=\"" NS_TEXT "\" xmlns:table=\"" NS_TABLE "\" xmlns:fo=\"" NS_FO
                "\" xmlns:svg=\"" NS_SVG "\" office:version=\"1.2\"><office:font-face-decls>"
                "<style:font-face style:name=\"Arial\" svg:font-family=\"Arial\" "
                "style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/>"
                "<style:font-face style:name=\"Liberation Mono\" "
                "svg:font-family=\"&apos;Liberation Mono&apos;\" "
                "style:font-family-generic=\"modern\" style:font-pitch=\"fixed\"/>"
                "</office:font-face-decls><office:styles>"
                "<style:default-style style:family=\"paragraph\">"
                "<style:paragraph-properties fo:margin-top=\"0cm\" "
                "fo:margin-bottom=\"0.21cm\"/><style:text-properties "
                "style:font-name=\"Arial\" fo:font-size=\"11pt\" fo:language=\"en\" "
                "fo:country=\"GB\"/></style:default-style>"
                "<style:style style:name=\"Standard\" style:family=\"paragraph\" "
                "style:class=\"text\"/>");
    pstyle(sb, "Text_20_body", "Text body", "Standard", " style:class=\"text\"", NULL, NULL);
    pstyle(sb, "Heading", "Heading", "Standard",
           " style:next-style-name=\"Text_20_body\" style:class=\"text\"",
           "fo:margin-top=\"0.42cm\" fo:margin-bottom=\"0.21cm\" fo:keep-with-next=\"always\"",
           "fo:font-weight=\"bold\"");
    static const char *const sizes[] = {"16pt", "13pt", "11.5pt"};
    for (int k = 1; k <= 3; k++) {
        char name[24], display[16], extra[128], tpr[64];
        (void)snprintf(name, sizeof(name), "Heading_20_%d", k);
        (void)snprintf(display, sizeof(display), "Heading %d", k);
        (void)snprintf(extra, sizeof(extra),
                       " style:next-style-name=\"Text_20_body\" "
                       "style:default-outline-level=\"%d\" style:class=\"text\"",
                       k);
        (void)snprintf(tpr, sizeof(tpr), "fo:font-size=\"%s\" fo:font-weight=\"bold\"",
                       sizes[k - 1]);
        pstyle(sb, name, display, "Heading", extra, NULL, tpr);
    }
    pstyle(sb, "Caption", "Caption", "Standard", " style:class=\"extra\"",
           "fo:margin-top=\"0.21cm\" fo:margin-bottom=\"0.1cm\" fo:keep-with-next=\"always\"",
           "fo:font-size=\"10pt\" fo:font-weight=\"bold\"");
    pstyle(sb, "Callout", "Callout", "Text_20_body", NULL,
           "fo:margin-left=\"0.5cm\" fo:padding-left=\"0.25cm\" fo:border-left=\"1.5pt solid "
           "#808080\" fo:border-right=\"none\" fo:border-top=\"none\" fo:border-bottom=\"none\"",
           NULL);
    pstyle(sb, "List_20_Contents", "List Contents", "Standard", " style:class=\"list\"",
           "fo:margin-bottom=\"0.1cm\"", NULL);
    pstyle(sb, "Table_20_Contents", "Table Contents", "Standard", " style:class=\"extra\"",
           "fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\"", "fo:font-size=\"10pt\"");
    pstyle(sb, "Table_20_Heading", "Table Heading", "Table_20_Contents", " style:class=\"extra\"",
           NULL, "fo:font-weight=\"bold\"");
    pstyle(sb, "Table_20_Contents_20_Right", "Table Contents Right", "Table_20_Contents",
           " style:class=\"extra\"", "fo:text-align=\"end\"", NULL);
    pstyle(sb, "Table_20_Heading_20_Right", "Table Heading Right", "Table_20_Heading",
           " style:class=\"extra\"", "fo:text-align=\"end\"", NULL);
    strbuf_adds(sb, "<style:style style:name=\"Strong_20_Emphasis\" "
                    "style:display-name=\"Strong Emphasis\" style:family=\"text\">"
                    "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
                    "<style:style style:name=\"Source_20_Text\" style:display-name=\"Source "
                    "Text\" style:family=\"text\"><style:text-properties "
                    "style:font-name=\"Liberation Mono\"/></style:style>");
    list_style(sb, false);
    list_style(sb, true);
    strbuf_adds(sb, "</office:styles><office:automatic-styles>"
                    "<style:page-layout style:name=\"A4\"><style:page-layout-properties "
                    "fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" "
                    "style:print-orientation=\"portrait\" fo:margin-top=\"2cm\" "
                    "fo:margin-bottom=\"2cm\" fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"/>"
                    "</style:page-layout></office:automatic-styles><office:master-styles>"
                    "<style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\"/>"
                    "</office:master-styles></office:document-styles>");
}

static void meta(const struct doc *d, struct strbuf *sb)
{
    struct strbuf title = STRBUF_INIT;
    office_title(d, &title);
    strbuf_adds(sb, XML_DECL "<office:document-meta xmlns:office=\"" NS_OFFICE
                             "\" xmlns:meta=\"" NS_META "\" xmlns:dc=\"" NS_DC
                             "\" office:version=\"1.2\"><office:meta>"
                             "<meta:generator>stagegap</meta:generator><dc:title>");
    xmlw_escape(sb, strbuf_str(&title));
    strbuf_adds(sb, "</dc:title><dc:language>en-GB</dc:language></office:meta>"
                    "</office:document-meta>");
    strbuf_release(&title);
}

void doc_write_odt(const struct doc *d, struct doc_package *pkg)
{
    strbuf_adds(office_part(pkg, "mimetype", true), MIMETYPE);
    meta(d, office_part(pkg, "meta.xml", false));
    styles(office_part(pkg, "styles.xml", false));
    content(d, office_part(pkg, "content.xml", false));
    strbuf_adds(office_part(pkg, "META-INF/manifest.xml", false), XML_DECL
                "<manifest:manifest xmlns:manifest=\"" NS_MANIFEST "\" manifest:version=\"1.2\">"
                "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
                "manifest:media-type=\"" MIMETYPE "\"/>"
                "<manifest:file-entry manifest:full-path=\"meta.xml\" "
                "manifest:media-type=\"text/xml\"/>"
                "<manifest:file-entry manifest:full-path=\"styles.xml\" "
                "manifest:media-type=\"text/xml\"/>"
                "<manifest:file-entry manifest:full-path=\"content.xml\" "
                "manifest:media-type=\"text/xml\"/></manifest:manifest>");
}
