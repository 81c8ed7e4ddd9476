/*
 * importer.h - the state the pieces of "stagegap import" share, and no one else: the
 * importer (one import's state, made and released by import.c), its columns and rows.
 * Only types live here; each piece offers its functions in its own header
 * (import_layout.h, import_match.h, ...), and src/import/import.c's opening comment says
 * which piece does what.
 *
 * Every function of the pieces takes the importer, reports through its diagnostics
 * located as FILE:ROW:COLUMN, and leaves stopping (im->stop) to problems after which
 * nothing more can be read.
 */
#ifndef STAGEGAP_IMPORTER_H
#define STAGEGAP_IMPORTER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "answers.h"
#include "import_types.h"
#include "strbuf.h"

struct diags;
struct import_source;
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

    /* The first rows, kept (import_layout.c) until the header's layout is known, and
       then handed back in order: the header composed from several, then those after. */
    struct record early[LAYOUT_ROWS_MAX];
    size_t early_row[LAYOUT_ROWS_MAX], n_early;
    size_t next_kept;       /* the next kept row to hand back */
    struct record composed; /* a survey tool's header rows composed into one */
    size_t *composed_rows;  /* per column of it: its text's row; NULL when none */
    size_t composed_row;    /* the row it is taken at */
    bool composed_taken;
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

#endif
