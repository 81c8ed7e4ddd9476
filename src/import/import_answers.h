/*
 * import_answers.h - one cell of an export read as an answer or a date; dates settled at the end.
 */
#ifndef STAGEGAP_IMPORT_ANSWERS_H
#define STAGEGAP_IMPORT_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>

struct importer;

bool import_looks_like_answer(struct importer *im, const char *cell);
void import_read_answer(struct importer *im, size_t item, const char *cell, size_t row,
                        size_t column);
bool import_read_date(struct importer *im, const char *cell, size_t row, size_t column, long file);
void import_resolve_dates(struct importer *im);

#endif
