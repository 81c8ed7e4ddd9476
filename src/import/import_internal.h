/*
 * import_internal.h - what the pieces of "stagegap import" share, and no one else: the
 * importer (one import's state, owned by import.c) and the functions each piece offers
 * the others. src/import/import.c's opening comment says which piece does what.
 *
 * Every function here takes the importer, reports through its diagnostics located as
 * FILE:ROW:COLUMN, and leaves stopping (im->stop) to problems after which nothing more
 * can be read.
 */
#ifndef STAGEGAP_IMPORT_INTERNAL_H
#define STAGEGAP_IMPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "answers.h"
#include "import.h"
#include "strbuf.h"

struct diags;
struct rules;
struct ydoc;

/* How much of a user's value a message quotes. */
enum { QUOTE_MAX = 60 };

enum column_kind {
    COL_EMPTY,   /* no header text: ignored */
    COL_UNKNOWN, /* reported once, at the header */
    COL_IGNORED, /* survey metadata, or mapped to "ignore" */
    COL_ITEM,
    COL_RESPONDENT,
    COL_ID,
    COL_ROLE,
    COL_GROUP, /* a respondent's team, locality or other grouping */
    COL_ORGANISATION,
    COL_DATE,
    COL_COMMENT, /* free text kept as the respondent's comments */
};

/* Date columns, most trusted first: ours, then Microsoft Forms', then Google Forms'. */
enum { DATE_RANKS = 3 };

/* The scale a column's numbers are written on, when stated (--scale, the mapping
   file): LO..HI, rescaled linearly onto the model's. */
struct import_scale {
    bool set;
    long lo, hi;
};

/* Labels a mapping file gives numbers ("Strongly agree": 10), for a column or for all. */
struct value_label {
    char *label; /* normalised */
    enum answer_state state;
    double value;
};

struct value_map {
    struct value_label *v;
    size_t n;
};

/* How many off-scale rows of one column are kept until its scale is settled. */
enum { ABOVE_KEPT = 50 };

struct column {
    enum column_kind kind;
    size_t item;       /* COL_ITEM */
    int rank;          /* COL_DATE */
    const char *field; /* COL_GROUP: the groups field, a table's or the map's */
    char *header;      /* trimmed header text */
    size_t row;        /* the row its header text came from */
    /* COL_COMMENT: taken as one because it is near no question (not mapped), and how
       many of its cells read as text or as answers, to settle it once every row is in. */
    bool guessed;
    size_t n_text, n_answers;
    /* COL_ITEM: the scale its numbers are on (none: the model's) and its labels. */
    struct import_scale scale;
    const struct value_map *values;
    /* COL_ITEM with no stated scale: what its numbers were, checked against the model's
       scale once every row is in (import_check_scales); the rows of the answers one
       above the scale's top, reported then unless the column is a shifted scale. */
    size_t n_num, n_above, above_rows[ABOVE_KEPT];
    double vmin, vmax;
    bool fraction, off_scale, bare;
    /* Left out because its header names or identifies a person, or (comments) its
       cells are all distinct short words, such as staff numbers: said in one warning. */
    bool identifying;
};

/* A comment cell of a respondent's file, appended once its column is settled. */
struct pending_comment {
    size_t file, column;
    char *text;
};

struct map_entry {
    char *header; /* normalised */
    enum column_kind kind;
    size_t item;
    char *field; /* COL_GROUP: "years-in-post" of "group:years-in-post" */
    const struct ynode *key;
    bool used;
    struct import_scale scale; /* COL_ITEM: "scale: 1..5" */
    struct value_map values;   /* COL_ITEM: "values: {...}" */
};

/* One --scale given on the command line: for the column headed `header`, or all. */
struct scale_option {
    char *header; /* normalised; NULL for every column */
    const char *given;
    struct import_scale scale;
    bool used;
};

/* A label met in a column with a value map that the map does not give. */
struct label_count {
    char *label; /* as written, trimmed */
    size_t n, row, column;
};

enum date_form { DATE_YMD, DATE_PAIR, DATE_DMY };

/* A respondent's date as written, read once every row has been seen. */
struct pending_date {
    size_t row, column;
    enum date_form form;
    int y, a, b; /* DATE_PAIR: a/b/y, either order */
    char shown[24];
    long file;      /* index into the result, or -1 */
    size_t date_at; /* offset of the placeholder in that file */
};

/* Generated file names, for collisions: open addressing on the name. */
struct name_slot {
    char *name;  /* owned; NULL for an empty slot */
    size_t next; /* the suffix to try next when another respondent wants this name */
};

struct nameset {
    struct name_slot *slots;
    size_t cap, n;
};

/* One row as a reader hands it over: cells NUL-terminated in one buffer. */
struct record {
    struct strbuf bytes;
    struct cell {
        size_t off, len;
    } * cells;
    size_t n, stored, alloc; /* cells seen; cells kept */
};

/* How the export lays out its header: one row, or a survey tool's several. */
enum import_layout { LAYOUT_SINGLE, LAYOUT_QUALTRICS, LAYOUT_SURVEYMONKEY };
enum { LAYOUT_ROWS_MAX = 3 };

/* A column recognised by its name: a survey tool's own, or one a person would name. */
struct known_column {
    const char *name; /* as import_normalise() leaves it */
    enum column_kind kind;
    int rank;
};

struct importer {
    const struct rules *r;
    const struct import_options *o;
    struct diags *d;
    struct import_result *res;
    const char *file, *base;
    size_t errors_before;
    bool stop; /* a problem after which nothing more is read */

    char **questions, **lows, **highs; /* per item, normalised; NULL when absent */

    struct map_entry *map;
    size_t n_map;
    struct import_scale scale_all; /* the mapping file's "scale:" */
    struct value_map values_all;   /* the mapping file's "values:" */
    bool any_values;               /* some column has a value map */
    struct scale_option *scales;   /* --scale */
    size_t n_scales;
    struct label_count *labels; /* labels no value map gives, in the order met */
    size_t n_labels, labels_alloc;
    const char *map_file;
    const struct import_source *map_src;

    /* The first rows, kept (import_layout.c) until the header's layout is known. */
    struct record early[LAYOUT_ROWS_MAX];
    size_t early_row[LAYOUT_ROWS_MAX], n_early;
    bool layout_known;
    enum import_layout layout;
    bool surveymonkey_columns; /* one header row that starts with SurveyMonkey's own */
    const size_t *header_rows; /* per column of a composed header: its text's row */

    bool have_header;
    size_t header_row;
    struct column *cols;
    size_t n_cols;
    long *item_col; /* per item: the column answering it, or -1 */
    long respondent_col, id_col, role_col, org_col, date_col;
    long date_cols[DATE_RANKS];
    size_t n_groups; /* COL_GROUP columns */

    size_t respondents;
    char *organisation; /* from the column: the first row's */
    size_t organisation_row;
    struct pending_date *dates;
    size_t n_dates, dates_alloc;
    struct pending_comment *comments; /* in row order, then column order */
    size_t n_comments, comments_alloc;
    struct nameset names;
    size_t output_bytes;

    enum answer_state *state; /* per item, for the row being read */
    double *value;

    struct record rec; /* the row being read */
    size_t row;        /* its spreadsheet row */

    bool workbook;           /* read from an .xlsx: messages name the sheet and cell, B7 */
    char *sheet;             /* the sheet being read, as messages name it: "sheet 'Form1' (others:
                                'Lists' (hidden))" (xlsx_read's words) */
    char delimiter;          /* the CSV's separator; not ',' allows decimal commas */
    bool said_decimal_comma; /* the one warning that decimal commas were read */
    bool said_label_hint;    /* the one note that words are read through a value map */
};

/* import_text.c: small text helpers. */
bool import_is_space(unsigned char c);
bool import_is_digit(char c);
/* Trims s in place (it must be writable) and returns where it now starts. */
char *import_trim(char *s);
/* A header, question or answer word as they are compared; the caller frees it. */
char *import_normalise(const char *s);

/*
 * import_diag.c: a diagnostic about the file being imported, at ROW:COLUMN (0 when not
 * known). From a workbook, the message starts with the sheet read and the workbook's
 * other sheets, and the cell: "sheet 'Form1' (others: 'Lists' (hidden)), cell B3: ...",
 * so that every message names them once.
 */
void import_diag(struct importer *im, enum diag_severity severity, size_t row, size_t column,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* import_diag.c: the same about a whole row, located at its first cell ("row 7"). */
void import_row_diag(struct importer *im, enum diag_severity severity, size_t row, const char *fmt,
                     ...) __attribute__((format(printf, 4, 5)));
/* import_diag.c: an error at a cell of the file being imported (import_diag's). */
void import_cell_error(struct importer *im, size_t row, size_t column, const char *msg);
/* import_diag.c: "; is this the right export, or does it need --map?", or for a workbook of
   several sheets "; is this the right sheet (say --sheet NAME for another), or ...". */
void import_add_right_export(const struct importer *im, struct strbuf *msg);
/* The row in im->rec, numbered im->row: the header when there is none yet, else data. */
void import_take_row(struct importer *im);

/* import_layout.c: the first rows kept until the header's layout is known, then the
   header (composed from a survey tool's several rows) and the rows after it taken. */
void import_layout_keep(struct importer *im);
/* At the end of the file: settles the layout with the rows there are. */
void import_layout_finish(struct importer *im);
/* A column the detected survey tool writes itself, by its normalised name, or NULL. */
const struct known_column *import_layout_known(const struct importer *im, const char *norm);
void import_layout_release(struct importer *im);

/* import_map.c: the mapping file (stagegap-import-map/1). */
int import_map_load(struct importer *im, const struct import_source *src, struct ydoc *doc);
/* The entry for a normalised header, or NULL. */
struct map_entry *import_map_find(struct importer *im, const char *header);
/* Warns of every entry no column of the header used. */
void import_map_warn_unused(struct importer *im);

/* import_match.c: the header row's columns matched to items and respondent fields. */
void import_process_header(struct importer *im);
/* Appends "column 'HEADER'". */
void import_header_quoted(struct strbuf *msg, const struct column *col);
/*
 * Once every row is in: a column taken for free text is left out (or unknown, if its
 * cells are answers); a column mapped to comments whose cells look like identifiers is
 * left out; the comments kept are added to their files; one warning lists every column
 * left out because it identifies people.
 */
void import_settle_comments(struct importer *im);

/* import_answers.c: one cell read as an answer or a date; dates settled at the end. */
bool import_looks_like_answer(struct importer *im, const char *cell);
void import_read_answer(struct importer *im, size_t item, const char *cell, size_t row,
                        size_t column);
bool import_read_date(struct importer *im, const char *cell, size_t row, size_t column, long file);
void import_resolve_dates(struct importer *im);

/* import_scale.c: stated scales and value maps, and the check that a column's numbers
   fit the model's scale. */
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

/* import_render.c: one respondent's answers file, added to the result. */
/* Adds to each file the comments of the columns still kept as comments. */
void import_add_comments(struct importer *im);
long import_render_respondent(struct importer *im, size_t row, const char *id, const char *role,
                              const char *organisation, size_t *date_at);
void import_nameset_release(struct nameset *set);

#endif
