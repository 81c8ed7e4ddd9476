/*
 * xlsx_zip.h - the archive and XML layer under the workbook reader (xlsx.h): a zip
 * archive opened from memory with libzip, and one part of it at a time streamed
 * through expat, within the limits of xlsx.h.
 *
 * Only src/import/xlsx/xlsx_zip.c includes <expat.h>, and <zip.h> but for
 * src/import/xlsx/xlsx_zip_lib.h, the seam it reaches libzip through: on Linux libzip
 * is opened (dlopen) when the first archive is, so that commands other than import
 * start without it; on Windows it is linked. A part is checked against the archive's
 * directory (size, compression ratio,
 * method) before a byte is inflated, and inflating stops when more comes out than the
 * directory promised. The XML refuses a DOCTYPE (so entity declarations and external
 * entities never take effect) and nesting deeper than XLSX_XML_DEPTH_MAX. Element and
 * attribute names reach the handlers without their namespace prefix ("r:id" is "id").
 */
#ifndef STAGEGAP_XLSX_ZIP_H
#define STAGEGAP_XLSX_ZIP_H

#include <stdbool.h>
#include <stddef.h>

struct diags;

struct xlsx_zip {
    void *archive; /* zip_t */
    const char *name;
    struct diags *d;
};

struct xlsx_parse;

/* What a part's elements and text are handed to; any handler may be NULL. */
struct xlsx_xml {
    void *ctx;
    void (*start)(struct xlsx_parse *ps, const char *name, const char **attrs);
    void (*end)(struct xlsx_parse *ps, const char *name);
    void (*text)(struct xlsx_parse *ps, const char *s, size_t len);
};

/* Opens the archive in buf (which must outlive it). 0, or -1 with an error in d. */
int xlsx_zip_open(struct xlsx_zip *z, const char *name, const void *buf, size_t len,
                  struct diags *d);
/* Closes the archive; safe on a zeroed struct. */
void xlsx_zip_close(struct xlsx_zip *z);
/* True when the archive has a file at path. */
bool xlsx_zip_has(const struct xlsx_zip *z, const char *path);
/*
 * Streams the part at path through x. context starts every diagnostic about the part
 * ("not a workbook", "sheet 'Form1'"). 0, or -1 with an error in d (or after a handler
 * called xlsx_parse_stop).
 */
int xlsx_zip_parse(struct xlsx_zip *z, const char *path, const char *context,
                   const struct xlsx_xml *x);

/* The ctx of the struct xlsx_xml being parsed. */
void *xlsx_parse_ctx(const struct xlsx_parse *ps);
/* Stops the parse as failed; the handler has said why in the diagnostics. */
void xlsx_parse_stop(struct xlsx_parse *ps);
/* The value of attribute name (without prefix) in attrs, or NULL. */
const char *xlsx_attr(const char **attrs, const char *name);

#endif
