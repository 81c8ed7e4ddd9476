/*
 * zipw.h - a zip archive written into memory, for the Word and OpenDocument files
 * (report_office.c): the parts in the order given, each dated 1980-01-01 00:00 (the
 * first day a zip can name), deflated unless it asks to be stored, so that the same
 * parts always make the same bytes. It reaches libzip through the workbook reader's
 * seam (src/import/xlsx/xlsx_zip_lib.h): on Linux libzip is opened when the first
 * archive is written, not at start-up.
 */
#ifndef STAGEGAP_ZIPW_H
#define STAGEGAP_ZIPW_H

#include <stdbool.h>
#include <stddef.h>

struct diags;
struct strbuf;

struct zipw_part {
    const char *name; /* its path in the archive */
    const char *data;
    size_t len;
    bool stored; /* not compressed (an OpenDocument file's mimetype) */
};

/* Appends the archive of the n parts to out. 0, or -1 with an error on name (the file
   being written, for the message) in d, out unchanged. */
int zipw_write(const struct zipw_part *parts, size_t n, const char *name, struct strbuf *out,
               struct diags *d);

#endif
