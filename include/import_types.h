/*
 * import_types.h - what "stagegap import" is given and gives back: its options, the
 * answers files it makes and its limits. Data only, shared by the importer's pieces
 * (src/import/) and its callers; the functions are in import.h.
 */
#ifndef STAGEGAP_IMPORT_TYPES_H
#define STAGEGAP_IMPORT_TYPES_H

#include <stdbool.h>
#include <stddef.h>

#define IMPORT_MAP_FORMAT "stagegap-import-map/1"

enum {
    IMPORT_FILE_MAX = 64 * 1024 * 1024,    /* bytes of CSV */
    IMPORT_ROWS_MAX = 100000,              /* respondents */
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

/* The scale a column's numbers are written on, when stated (--scale, the mapping
   file): LO..HI, rescaled linearly onto the model's. */
struct import_scale {
    bool set;
    long lo, hi;
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

#endif
