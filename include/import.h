/*
 * import.h - a survey tool's CSV export (Microsoft Forms, Google Forms: a header row,
 * one row per respondent, one column per question) turned into one stagegap-answers/1
 * file per respondent ("stagegap import"). docs/import.md is the user's guide.
 *
 * Two steps, so nothing is written unless everything is right: import_csv reads and
 * checks the whole export and builds every answers file in memory (an import_result
 * owns their names and text); import_write then puts them all into a new directory, or
 * none of them. Columns are matched to items by item id, by question text or through a
 * mapping file (format stagegap-import-map/1). Problems are located as FILE:ROW:COLUMN,
 * ROW being the spreadsheet row (the header is row 1) and COLUMN the 1-based cell.
 */
#ifndef STAGEGAP_IMPORT_H
#define STAGEGAP_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "import_reader.h"
#include "import_types.h"

struct diags;
struct rules;
struct strbuf;

void import_result_init(struct import_result *res);
/* Frees everything; safe on a zeroed or initialised result. */
void import_result_release(struct import_result *res);

/*
 * Reads o->csv_path (and o->map_path) and builds one answers file per respondent.
 * Returns 0, or -1 with every problem found in diagnostics (up to their cap) and res
 * left empty. Warnings (items no column answers, rows with no answers) may be added
 * on success too.
 */
int import_csv(const struct rules *r, const struct import_options *o, struct import_result *res,
               struct diags *d);
/* The same from text in memory; map may be NULL. o's paths are not used. */
int import_csv_buffer(const struct rules *r, const struct import_options *o,
                      const struct import_source *csv, const struct import_source *map,
                      struct import_result *res, struct diags *d);

/*
 * Writes every file of res into the directory dir, all or nothing. dir must not exist,
 * or be an empty directory. The files are written and synced in a temporary directory
 * (beside dir when dir does not exist, inside it when it is empty) and then renamed into
 * place; on any failure everything created is removed. 0, or -1 with an I/O diagnostic.
 */
int import_write(const struct import_result *res, const char *dir, struct diags *d);

/* "imported 12 respondents from survey.csv into out/ (30 question columns)\n"; for a
   workbook, "from survey.xlsx, sheet 'Form1' (others: 'Lists' (hidden)), into". */
void import_summary(const struct import_result *res, const char *csv_name, const char *dir,
                    struct strbuf *out);

#endif
