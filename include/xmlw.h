/*
 * xmlw.h - a small XML writer: elements opened and closed in order, attributes and text
 * escaped, for the parts of the Word and OpenDocument files (src/report/doc/doc_docx.c,
 * doc_odt.c).
 *
 * Element and attribute names are our own constants and written as they are. Every
 * attribute value and every text goes through xmlw_escape, so text from the inputs can
 * never open markup or an entity: & < > " ' are written as entities, and what XML 1.0
 * forbids in a document (the C0 controls but tab, line feed and carriage return; U+FFFE
 * and U+FFFF; bytes that are not UTF-8), and the C1 controls it discourages and some
 * readers refuse, are written as U+FFFD, the replacement character. A carriage return
 * is written &#13; so that a reader's line-end handling keeps it.
 */
#ifndef STAGEGAP_XMLW_H
#define STAGEGAP_XMLW_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf;

struct xmlw {
    struct strbuf *out;
    const char **open; /* the names of the elements open, outermost first */
    size_t depth, alloc;
    bool in_tag; /* the innermost start tag is not yet closed with '>' */
};

/* A writer appending to out; writes nothing yet. */
void xmlw_init(struct xmlw *w, struct strbuf *out);
/* Frees what the writer holds (not out); safe on a zeroed struct. Elements still open
   are left unclosed: the caller closes what it opens. */
void xmlw_release(struct xmlw *w);
/* The XML declaration, UTF-8 and standalone, and a line end. */
void xmlw_decl(struct xmlw *w);
/* Opens element name (kept by pointer until it is closed: a constant). */
void xmlw_start(struct xmlw *w, const char *name);
/* An attribute of the element just opened, before any content; value escaped. */
void xmlw_attr(struct xmlw *w, const char *name, const char *value);
void xmlw_attr_size(struct xmlw *w, const char *name, size_t value);
/* Text inside the open element, escaped. */
void xmlw_text(struct xmlw *w, const char *s);
/* Closes the innermost open element, as <name/> when it holds nothing. */
void xmlw_end(struct xmlw *w);
/* An element holding nothing but its one attribute (name and value; NULL for none). */
void xmlw_leaf(struct xmlw *w, const char *name, const char *attr, const char *value);

/* s as XML text or attribute value (see above). */
void xmlw_escape(struct strbuf *sb, const char *s);

#endif
