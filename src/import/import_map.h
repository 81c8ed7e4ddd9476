/*
 * import_map.h - the mapping file of "stagegap import" (stagegap-import-map/1): each column
 * header a user names, pointed at an item id or a respondent field.
 */
#ifndef STAGEGAP_IMPORT_MAP_H
#define STAGEGAP_IMPORT_MAP_H

struct import_source;
struct importer;
struct map_entry;
struct ydoc;

int import_map_load(struct importer *im, const struct import_source *src, struct ydoc *doc);
/* The entry for a normalised header, or NULL. */
struct map_entry *import_map_find(struct importer *im, const char *header);
/* Warns of every entry no column of the header used. */
void import_map_warn_unused(struct importer *im);

#endif
