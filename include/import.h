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

struct diags;
struct rules;
struct strbuf;

#define IMPORT_MAP_FORMAT "stagegap-import-map/1"

enum {
    IMPORT_FILE_MAX = 64 * 1024 * 1024, /* bytes of CSV */
    IMPORT_ROWS_MAX = 100000,           /* respondents */
    IMPORT_COLUMNS_MAX = 2000,
    IMPORT_CELL_MAX = 16384,               /* bytes in one cell */
    IMPORT_MAP_MAX = 1024 * 1024,          /* bytes of mapping file */
    IMPORT_OUTPUT_MAX = 256 * 1024 * 1024, /* bytes of answers files, all together */
    IMPORT_SHEETS_PROBED = 8               /* visible sheets looked into for a header */
};

struct import_options {
    const char *csv_path;     /* the export; "-" reads standard input */
    const char *map_path;     /* a stagegap-import-map/1 file, or NULL */
    const char *organisation; /* NULL: from an "organisation" column */
    const char *date;         /* YYYY-MM-DD, or NULL: from each response's timestamp */
    char delimiter;           /* ',', ';' or '\t'; 0: found from the header row */
    bool xlsx;                /* the export is a workbook (--xlsx); one is also known by
                                 its first bytes when given as --csv */
    const char *sheet;        /* the workbook's sheet to read; NULL: the first */
    /* --scale: "LO..HI" for every item column, or "COLUMN=LO..HI" for one; the numbers
       of such a column are rescaled linearly onto the model's scale. */
    const char *const *scales;
    size_t n_scales;
    const char *encoding; /* a CSV's encoding, any iconv name; NULL: found (textenc) */
};

/*
 * One --scale value, "LO..HI" or "COLUMN=LO..HI" (split at the last '='): 0 with
 * *column set to a malloc'd copy of COLUMN (NULL for none), or -1 when it is not that.
 */
int import_scale_parse(const char *s, char **column, long *lo, long *hi);

/* Text handed to import_csv_buffer: name is what diagnostics call it. */
struct import_source {
    const char *name;
    const char *buf;
    size_t len;
};

struct import_file {
    char *name; /* "r07.yaml": a bare file name, unique in the result */
    char *text; /* the answers file, NUL-terminated */
    size_t len;
};

struct import_result {
    struct import_file *files; /* in CSV row order */
    size_t n, alloc;
    size_t questions; /* columns that answer an item */
    size_t unmatched; /* answerable items no column answers */
    char *sheet;      /* a workbook's sheet read, as messages name it ("sheet 'Form1'
                         (others: 'Lists' (hidden))"), or NULL */
};

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
