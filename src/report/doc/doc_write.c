/*
 * doc_write.c - a document written in one of the three formats, then released: the one
 * place a builder's caller picks the writer. It sits above the writers it picks from.
 */
#include "doc.h"

void doc_write(struct doc *d, enum doc_format f, struct strbuf *out, size_t width, bool color)
{
    if (f == DOC_TEXT)
        doc_write_text(d, out, width, color);
    else if (f == DOC_MARKDOWN)
        doc_write_markdown(d, out);
    else
        doc_write_html(d, out);
    doc_release(d);
}
