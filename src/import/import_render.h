/*
 * import_render.h - one respondent's answers file of "stagegap import", named uniquely in the
 * result.
 */
#ifndef STAGEGAP_IMPORT_RENDER_H
#define STAGEGAP_IMPORT_RENDER_H

#include <stddef.h>

struct importer;
struct nameset;

/* Adds to each file the comments of the columns still kept as comments. */
void import_add_comments(struct importer *im);
long import_render_respondent(struct importer *im, size_t row, const char *id, const char *role,
                              const char *organisation, size_t *date_at);
void import_nameset_release(struct nameset *set);

#endif
