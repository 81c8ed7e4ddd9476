/*
 * doc_docx.c - the document as a Word file (Office Open XML, WordprocessingML): every
 * part generated here, none copied from a template. Headings are paragraphs of Word's
 * own Heading 1 to 3 styles, each with its outline level, so the navigation pane and
 * the accessibility checker read them; tables are Word tables whose first row is marked
 * as the header row repeated on each page; lists are Word's numbered and bulleted lists
 * (word/numbering.xml, each numbered list its own count). A4, margins of 2 cm, Arial
 * 11 pt (which LibreOffice shows as Liberation Sans, the same widths), British English.
 * Text from the inputs goes through xmlw.h's escaping, so it can never act as markup.
 */
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "doc_office.h"
#include "strbuf.h"
#include "xmlw.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define CT_DOC "application/vnd.openxmlformats-officedocument.wordprocessingml."

/* A4 in twentieths of a point, and margins of 2 cm: the width left for text. */
enum { PAGE_W = 11906, PAGE_H = 16838, MARGIN = 1134, TEXT_W = PAGE_W - 2 * MARGIN };
/* Lists nest at most this deep in Word's numbering (deeper ones stay at the last). */
enum { LEVELS = 9 };

struct docx {
    struct xmlw w;
    unsigned lists[LEVELS]; /* each open list's numbering: 1 bullets, 2.. a numbered one */
    size_t depth;           /* lists open (may pass LEVELS) */
    unsigned numbered;      /* numbered lists so far */
    size_t n_cols;          /* the table being written */
    bool after_table;       /* the last block was a table: the next paragraph keeps off it */
};

static void run(void *ctx, const char *text, enum office_run_kind kind)
{
    struct xmlw *w = &((struct docx *)ctx)->w;
    xmlw_start(w, "w:r");
    if (kind != OFFICE_PLAIN) {
        xmlw_start(w, "w:rPr");
        if (kind == OFFICE_CODE)
            xmlw_leaf(w, "w:rStyle", "w:val", "Code");
        else
            xmlw_leaf(w, "w:b", NULL, NULL);
        xmlw_end(w);
    }
    xmlw_start(w, "w:t");
    xmlw_attr(w, "xml:space", "preserve");
    xmlw_text(w, text);
    xmlw_end(w);
    xmlw_end(w);
}

static size_t level(const struct docx *x)
{
    size_t l = x->depth ? x->depth - 1 : 0;
    return l < LEVELS ? l : LEVELS - 1;
}

static void heading(void *ctx, int lvl, const struct doc_span *spans)
{
    struct docx *x = ctx;
    x->after_table = false;
    char style[16];
    (void)snprintf(style, sizeof(style), "Heading%d", lvl);
    xmlw_start(&x->w, "w:p");
    xmlw_start(&x->w, "w:pPr");
    xmlw_leaf(&x->w, "w:pStyle", "w:val", style);
    xmlw_end(&x->w);
    office_runs(spans, false, run, x);
    xmlw_end(&x->w);
}

static void para(void *ctx, enum office_para kind, const struct doc_span *spans, bool terms)
{
    static const char *const styles[] = {
        [OFFICE_BODY] = "BodyText",          [OFFICE_CALLOUT] = "Callout",
        [OFFICE_CAPTION] = "Caption",        [OFFICE_ITEM] = "ListBullet",
        [OFFICE_ITEM_MORE] = "ListContinue",
    };
    struct docx *x = ctx;
    struct xmlw *w = &x->w;
    size_t l = level(x);
    unsigned num = x->depth ? x->lists[l] : 0;
    xmlw_start(w, "w:p");
    xmlw_start(w, "w:pPr");
    xmlw_leaf(w, "w:pStyle", "w:val", kind == OFFICE_ITEM && num > 1 ? "ListNumber" : styles[kind]);
    bool space = x->after_table;
    x->after_table = false;
    if (kind == OFFICE_ITEM) {
        xmlw_start(w, "w:numPr");
        xmlw_start(w, "w:ilvl");
        xmlw_attr_size(w, "w:val", l);
        xmlw_end(w);
        xmlw_start(w, "w:numId");
        xmlw_attr_size(w, "w:val", num);
        xmlw_end(w);
        xmlw_end(w);
    }
    if (space)
        xmlw_leaf(w, "w:spacing", "w:before", "160");
    if (kind == OFFICE_ITEM_MORE) {
        xmlw_start(w, "w:ind");
        xmlw_attr_size(w, "w:left", (l + 1) * 360);
        xmlw_end(w);
    }
    xmlw_end(w);
    office_runs(spans, terms, run, x);
    xmlw_end(w);
}

static void list_start(void *ctx, bool numbered)
{
    struct docx *x = ctx;
    if (x->depth < LEVELS)
        x->lists[x->depth] = numbered ? 2 + x->numbered++ : 1;
    x->depth++;
}

static void list_end(void *ctx)
{
    ((struct docx *)ctx)->depth--;
}

static void nothing(void *ctx)
{
    (void)ctx;
}

static void table_start(void *ctx, size_t n_cols)
{
    struct docx *x = ctx;
    struct xmlw *w = &x->w;
    x->n_cols = n_cols ? n_cols : 1;
    xmlw_start(w, "w:tbl");
    xmlw_start(w, "w:tblPr");
    xmlw_leaf(w, "w:tblStyle", "w:val", "ReportTable");
    xmlw_start(w, "w:tblW");
    xmlw_attr(w, "w:w", "5000");
    xmlw_attr(w, "w:type", "pct");
    xmlw_end(w);
    xmlw_start(w, "w:tblLook");
    xmlw_attr(w, "w:val", "04A0");
    xmlw_attr(w, "w:firstRow", "1");
    xmlw_attr(w, "w:lastRow", "0");
    xmlw_attr(w, "w:firstColumn", "1");
    xmlw_attr(w, "w:lastColumn", "0");
    xmlw_attr(w, "w:noHBand", "1");
    xmlw_attr(w, "w:noVBand", "1");
    xmlw_end(w);
    xmlw_end(w);
    xmlw_start(w, "w:tblGrid");
    for (size_t k = 0; k < x->n_cols; k++) {
        xmlw_start(w, "w:gridCol");
        xmlw_attr_size(w, "w:w", TEXT_W / x->n_cols);
        xmlw_end(w);
    }
    xmlw_end(w);
}

static void row_start(void *ctx, bool head)
{
    struct xmlw *w = &((struct docx *)ctx)->w;
    xmlw_start(w, "w:tr");
    xmlw_start(w, "w:trPr");
    xmlw_leaf(w, "w:cantSplit", NULL, NULL);
    if (head)
        xmlw_leaf(w, "w:tblHeader", NULL, NULL);
    xmlw_end(w);
}

static void cell(void *ctx, const struct doc_node *c, bool head)
{
    struct docx *x = ctx;
    struct xmlw *w = &x->w;
    xmlw_start(w, "w:tc");
    xmlw_start(w, "w:tcPr");
    xmlw_start(w, "w:tcW");
    xmlw_attr_size(w, "w:w", TEXT_W / x->n_cols);
    xmlw_attr(w, "w:type", "dxa");
    xmlw_end(w);
    if (head) {
        xmlw_start(w, "w:shd");
        xmlw_attr(w, "w:val", "clear");
        xmlw_attr(w, "w:color", "auto");
        xmlw_attr(w, "w:fill", "D9D9D9");
        xmlw_end(w);
    }
    xmlw_end(w);
    xmlw_start(w, "w:p");
    xmlw_start(w, "w:pPr");
    xmlw_leaf(w, "w:pStyle", "w:val", head || (c && c->header) ? "TableHeading" : "TableText");
    if (c && c->halign == DOC_ALIGN_RIGHT)
        xmlw_leaf(w, "w:jc", "w:val", "right");
    xmlw_end(w);
    if (c)
        office_cell_runs(c, run, x);
    xmlw_end(w);
    xmlw_end(w);
}

static void row_end(void *ctx, bool head)
{
    (void)head;
    xmlw_end(&((struct docx *)ctx)->w);
}

static void table_end(void *ctx)
{
    struct docx *x = ctx;
    xmlw_end(&x->w);
    x->after_table = true;
}

static void document(const struct doc *d, struct strbuf *out, unsigned *numbered)
{
    struct docx x;
    memset(&x, 0, sizeof(x));
    xmlw_init(&x.w, out);
    const struct office_writer ops = {&x,        heading, para,     list_start,
                                      nothing,   nothing, list_end, table_start,
                                      row_start, cell,    row_end,  table_end};
    xmlw_decl(&x.w);
    xmlw_start(&x.w, "w:document");
    xmlw_attr(&x.w, "xmlns:w", W_NS);
    xmlw_attr(&x.w, "xmlns:r", R_NS);
    xmlw_start(&x.w, "w:body");
    office_walk(d, &ops);
    strbuf_addf(out,
                "<w:sectPr><w:pgSz w:w=\"%d\" w:h=\"%d\"/><w:pgMar w:top=\"%d\" w:right=\"%d\" "
                "w:bottom=\"%d\" w:left=\"%d\" w:header=\"567\" w:footer=\"567\" "
                "w:gutter=\"0\"/></w:sectPr>",
                PAGE_W, PAGE_H, MARGIN, MARGIN, MARGIN, MARGIN);
    xmlw_end(&x.w);
    xmlw_end(&x.w);
    xmlw_release(&x.w);
    *numbered = x.numbered;
}

static const char STYLE_HEAD[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"" W_NS "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:eastAsia=\"Arial\" "
    "w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"
    "<w:lang w:val=\"en-GB\" w:eastAsia=\"en-GB\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>"
    "</w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
    "w:val=\"Normal\"/><w:qFormat/></w:style>"
    "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
    "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
    "<w:unhideWhenUsed/></w:style>"
    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal "
    "Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>"
    "<w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
    "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right "
    "w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
    "<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No "
    "List\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>";

/* A paragraph style: its id, name, the style it is based on, then its pPr and rPr. */
static void pstyle(struct strbuf *sb, const char *id, const char *name, const char *based,
                   const char *ppr, const char *rpr)
{
    strbuf_addf(sb, "<w:style w:type=\"paragraph\" w:styleId=\"%s\"><w:name w:val=\"%s\"/>", id,
                name);
    strbuf_addf(sb, "<w:basedOn w:val=\"%s\"/><w:qFormat/>", based);
    if (ppr)
        strbuf_addf(sb, "<w:pPr>%s</w:pPr>", ppr);
    if (rpr)
        strbuf_addf(sb, "<w:rPr>%s</w:rPr>", rpr);
    strbuf_adds(sb, "</w:style>");
}

static void styles(struct strbuf *sb)
{
    static const char *const sizes[] = {"32", "26", "23"};
    strbuf_adds(sb, STYLE_HEAD);
    for (int k = 0; k < 3; k++) {
        char id[16], name[16], ppr[160], rpr[96];
        (void)snprintf(id, sizeof(id), "Heading%d", k + 1);
        (void)snprintf(name, sizeof(name), "heading %d", k + 1);
        (void)snprintf(ppr, sizeof(ppr),
                       "<w:keepNext/><w:keepLines/><w:spacing w:before=\"%d\" w:after=\"120\"/>"
                       "<w:outlineLvl w:val=\"%d\"/>",
                       k == 0 ? 0 : 240, k);
        (void)snprintf(rpr, sizeof(rpr), "<w:b/><w:bCs/><w:sz w:val=\"%s\"/><w:szCs w:val=\"%s\"/>",
                       sizes[k], sizes[k]);
        pstyle(sb, id, name, "Normal", ppr, rpr);
    }
    pstyle(sb, "BodyText", "Body Text", "Normal", NULL, NULL);
    pstyle(sb, "Caption", "caption", "Normal",
           "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>",
           "<w:b/><w:bCs/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>");
    pstyle(
        sb, "Callout", "Callout", "Normal",
        "<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"8\" w:color=\"808080\"/></w:pBdr>"
        "<w:ind w:left=\"284\"/>",
        NULL);
    pstyle(sb, "ListBullet", "List Bullet", "Normal", "<w:spacing w:after=\"60\"/>", NULL);
    pstyle(sb, "ListNumber", "List Number", "Normal", "<w:spacing w:after=\"60\"/>", NULL);
    pstyle(sb, "ListContinue", "List Continue", "Normal", "<w:spacing w:after=\"60\"/>", NULL);
    pstyle(sb, "TableText", "Table Text", "Normal", "<w:spacing w:before=\"20\" w:after=\"20\"/>",
           "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>");
    pstyle(sb, "TableHeading", "Table Heading", "TableText", NULL, "<w:b/><w:bCs/>");
    strbuf_adds(sb, "<w:style w:type=\"character\" w:styleId=\"Code\"><w:name w:val=\"Code\"/>"
                    "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:rFonts "
                    "w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/>"
                    "</w:rPr></w:style>");
    strbuf_adds(sb, "<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report "
                    "Table\"/><w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>");
    static const char *const sides[] = {"top", "left", "bottom", "right", "insideH", "insideV"};
    for (size_t k = 0; k < sizeof(sides) / sizeof(sides[0]); k++)
        strbuf_addf(sb, "<w:%s w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>",
                    sides[k]);
    strbuf_adds(sb, "</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left "
                    "w:w=\"80\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right "
                    "w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    strbuf_adds(sb, "</w:styles>");
}

/* Bullets (numbering 1), and a count from 1 for each numbered list (2 on). */
static void numbering(struct strbuf *sb, unsigned numbered)
{
    strbuf_adds(sb, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    "<w:numbering xmlns:w=\"" W_NS "\">");
    for (int abs = 0; abs < 2; abs++) {
        strbuf_addf(sb,
                    "<w:abstractNum w:abstractNumId=\"%d\"><w:multiLevelType "
                    "w:val=\"hybridMultilevel\"/>",
                    abs);
        for (int l = 0; l < LEVELS; l++) {
            strbuf_addf(sb, "<w:lvl w:ilvl=\"%d\"><w:start w:val=\"1\"/>", l);
            if (abs == 0)
                strbuf_addf(sb, "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"%s\"/>",
                            l % 2 ? "\xE2\x80\x93" : "\xE2\x80\xA2");
            else
                strbuf_addf(sb, "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%%%d.\"/>", l + 1);
            strbuf_addf(sb,
                        "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"%d\" "
                        "w:hanging=\"360\"/></w:pPr></w:lvl>",
                        (l + 1) * 360);
        }
        strbuf_adds(sb, "</w:abstractNum>");
    }
    strbuf_adds(sb, "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
    for (unsigned k = 0; k < numbered; k++)
        strbuf_addf(sb,
                    "<w:num w:numId=\"%u\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride "
                    "w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
                    k + 2);
    strbuf_adds(sb, "</w:numbering>");
}

static void core(const struct doc *d, struct strbuf *sb)
{
    struct strbuf title = STRBUF_INIT;
    office_title(d, &title);
    strbuf_adds(sb, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/"
                    "2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                    "<dc:title>");
    xmlw_escape(sb, strbuf_str(&title));
    strbuf_adds(sb, "</dc:title><dc:language>en-GB</dc:language></cp:coreProperties>");
    strbuf_release(&title);
}

void doc_write_docx(const struct doc *d, struct doc_package *pkg)
{
    unsigned numbered = 0;
    strbuf_adds(
        office_part(pkg, "[Content_Types].xml", false),
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/word/document.xml\" ContentType=\"" CT_DOC "document.main+xml\"/>"
        "<Override PartName=\"/word/styles.xml\" ContentType=\"" CT_DOC "styles+xml\"/>"
        "<Override PartName=\"/word/numbering.xml\" ContentType=\"" CT_DOC "numbering+xml\"/>"
        "<Override PartName=\"/word/settings.xml\" ContentType=\"" CT_DOC "settings+xml\"/>"
        "<Override PartName=\"/docProps/core.xml\" "
        "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>");
    strbuf_adds(office_part(pkg, "_rels/.rels", false),
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                "<Relationships xmlns=\"" PKG_REL_NS "\">"
                "<Relationship Id=\"rId1\" Type=\"" R_NS "/officeDocument\" "
                "Target=\"word/document.xml\"/>"
                "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
                "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                "</Relationships>");
    core(d, office_part(pkg, "docProps/core.xml", false));
    document(d, office_part(pkg, "word/document.xml", false), &numbered);
    strbuf_adds(office_part(pkg, "word/_rels/document.xml.rels", false),
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                "<Relationships xmlns=\"" PKG_REL_NS "\">"
                "<Relationship Id=\"rId1\" Type=\"" R_NS "/styles\" Target=\"styles.xml\"/>"
                "<Relationship Id=\"rId2\" Type=\"" R_NS "/numbering\" Target=\"numbering.xml\"/>"
                "<Relationship Id=\"rId3\" Type=\"" R_NS "/settings\" Target=\"settings.xml\"/>"
                "</Relationships>");
    styles(office_part(pkg, "word/styles.xml", false));
    numbering(office_part(pkg, "word/numbering.xml", false), numbered);
    strbuf_adds(office_part(pkg, "word/settings.xml", false),
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                "<w:settings xmlns:w=\"" W_NS "\"><w:defaultTabStop w:val=\"720\"/>"
                "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>"
                "<w:compatSetting w:name=\"compatibilityMode\" "
                "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
                "</w:settings>");
}
