/*
 * import_layout.h - the header's layout: the first rows of an export kept until it is known
 * (one header row, Qualtrics' three or SurveyMonkey's two), then handed back in order.
 */
#ifndef STAGEGAP_IMPORT_LAYOUT_H
#define STAGEGAP_IMPORT_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

struct importer;
struct known_column;
struct record;

/* A row handed back: take rec as if it had just arrived, numbered row; header_rows,
   when not NULL, gives each column of a composed header the row its text came from. */
struct layout_row {
    struct record *rec;
    size_t row;
    const size_t *header_rows;
};

/* Keeps the row in im->rec (taking it over, leaving im->rec empty) until the layout is
   known; true once LAYOUT_ROWS_MAX rows are kept and it can be settled. */
bool import_layout_keep(struct importer *im);
/* The next row to take: the first call settles the layout with the rows kept; then the
   header (composed from a survey tool's several rows), then the data rows kept. False
   when none is left. */
bool import_layout_next(struct importer *im, struct layout_row *next);
/* A column the detected survey tool writes itself, by its normalised name, or NULL. */
const struct known_column *import_layout_known(const struct importer *im, const char *norm);
void import_layout_release(struct importer *im);

#endif
