/*
 * import_scale.h - stated scales and value maps of "stagegap import", and the check that a
 * column's numbers fit the model's scale. import_scale_parse reads a --scale option for
 * the command line; the rest serves the importer's pieces (src/import/).
 */
#ifndef STAGEGAP_IMPORT_SCALE_H
#define STAGEGAP_IMPORT_SCALE_H

#include <stdbool.h>
#include <stddef.h>

#include "answers.h"
#include "import_types.h"

struct importer;
struct map_entry;
struct value_map;

/*
 * One --scale value, "LO..HI" or "COLUMN=LO..HI" (split at the last '='): 0 with
 * *column set to a malloc'd copy of COLUMN (NULL for none), or -1 when it is not that.
 */
int import_scale_parse(const char *s, char **column, long *lo, long *hi);
/* "LO..HI": 0, or -1 when s is not two whole numbers, LO below HI. */
int import_scale_range(const char *s, struct import_scale *out);
/* The --scale options parsed into im->scales; false (reported) on a bad one. */
bool import_scales_load(struct importer *im);
/* Gives column c (an item's) its stated scale and value map, from --scale and the map. */
void import_column_scale(struct importer *im, size_t c, const struct map_entry *m, const char *norm,
                         const char *statement_norm);
/* After the header: every --scale naming a column must have found one. */
void import_scales_check_used(struct importer *im);
/* A number read from column col: rescaled from its stated scale onto the model's. */
double import_rescale(const struct importer *im, const struct import_scale *s, double v);
/* The label norm in a value map: true, with the answer, when it is there. */
bool import_value_label(const struct value_map *vm, const char *norm, enum answer_state *state,
                        double *value);
/* A label no value map gives, counted for the one error that lists them. */
void import_count_label(struct importer *im, const char *cell, size_t row, size_t column);
/* Once every row is in: each column's numbers against the model's scale; the labels. */
void import_check_scales(struct importer *im);
void import_scales_release(struct importer *im);

#endif
