/*
 * doc_office.h - what the Word and OpenDocument writers share (doc_office.c): one walk
 * over the nodes markdown shows, deciding once what becomes a heading, a paragraph, a
 * list, a table and a caption, and handing each to the writer's callbacks; and the
 * spans as runs of plain, strong or code text. Private to src/report/doc/.
 */
#ifndef STAGEGAP_DOC_OFFICE_H
#define STAGEGAP_DOC_OFFICE_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

enum office_run_kind { OFFICE_PLAIN, OFFICE_STRONG, OFFICE_CODE };

/* What a paragraph is: body text, a callout set apart, a table's caption (before it),
   a list item's first paragraph (with its bullet or number) or a later one. */
enum office_para { OFFICE_BODY, OFFICE_CALLOUT, OFFICE_CAPTION, OFFICE_ITEM, OFFICE_ITEM_MORE };

/* A run of text, flattened to one line (line breaks and tabs as spaces), never empty. */
typedef void office_run_fn(void *ctx, const char *text, enum office_run_kind kind);

struct office_writer {
    void *ctx;
    /* level 1 to 3; spans have text */
    void (*heading)(void *ctx, int level, const struct doc_span *spans);
    /* spans have text; terms: its leading label spans are a term, then ": " */
    void (*para)(void *ctx, enum office_para kind, const struct doc_span *spans, bool terms);
    void (*list_start)(void *ctx, bool numbered);
    void (*item_start)(void *ctx);
    void (*item_end)(void *ctx);
    void (*list_end)(void *ctx);
    /* a table of n_cols columns (its caption, when it has one, came just before as an
       OFFICE_CAPTION paragraph) */
    void (*table_start)(void *ctx, size_t n_cols);
    void (*row_start)(void *ctx, bool head);
    /* c: the cell, or NULL for an empty one filling the row to n_cols */
    void (*cell)(void *ctx, const struct doc_node *c, bool head);
    void (*row_end)(void *ctx, bool head);
    void (*table_end)(void *ctx);
};

/* Walks d as markdown shows it, calling w's callbacks in document order. */
void office_walk(const struct doc *d, const struct office_writer *w);
/* The runs of spans (terms as the para callback says). */
void office_runs(const struct doc_span *sp, bool terms, office_run_fn *run, void *ctx);
/* The runs of a cell: its spans, then its lists' items, "; " between. */
void office_cell_runs(const struct doc_node *c, office_run_fn *run, void *ctx);
/* Whether spans make any text. */
bool office_has_text(const struct doc_span *sp);
/* The text of the first heading of level 1, plain, for the document's title; "" for none. */
void office_title(const struct doc *d, struct strbuf *out);
/* A new part of pkg called name, its data for the caller to write. */
struct strbuf *office_part(struct doc_package *pkg, const char *name, bool stored);

#endif
