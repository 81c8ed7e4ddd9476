/*
 * report_office.c - a report as a Word (.docx) or OpenDocument text (.odt) file: the
 * document the builders make, written as a package of XML parts (doc_docx.c,
 * doc_odt.c) and zipped (zipw.h). It sits above the document's writers and the zip
 * writer, so that neither reaches the other.
 */
#include "report.h"

#include <string.h>

#include "doc.h"
#include "report_build_internal.h"
#include "strbuf.h"
#include "zipw.h"

bool report_format_is_office(const char *format)
{
    return format && (strcmp(format, "docx") == 0 || strcmp(format, "odt") == 0);
}

int report_office_write(struct doc *d, const char *format, const char *name, struct strbuf *out,
                        struct diags *diags)
{
    struct doc_package pkg;
    struct zipw_part parts[DOC_PARTS_MAX];
    memset(&pkg, 0, sizeof(pkg));
    if (strcmp(format, "odt") == 0)
        doc_write_odt(d, &pkg);
    else
        doc_write_docx(d, &pkg);
    doc_release(d);
    for (size_t k = 0; k < pkg.n; k++) {
        parts[k].name = pkg.parts[k].name;
        parts[k].data = strbuf_str(&pkg.parts[k].data);
        parts[k].len = pkg.parts[k].data.len;
        parts[k].stored = pkg.parts[k].stored;
    }
    int rc = zipw_write(parts, pkg.n, name, out, diags);
    doc_package_release(&pkg);
    return rc;
}

int report_render_office(const struct report_ctx *ctx, const char *format, const char *name,
                         struct strbuf *out, struct diags *diags)
{
    struct doc d;
    doc_init(&d);
    report_build_assess(&d, ctx);
    doc_wordsf(&d, doc_para(&d, d.root), "Made by stagegap %s.", ctx->tool_version);
    return report_office_write(&d, format, name, out, diags);
}
