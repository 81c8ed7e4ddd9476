/*
 * import_layout.c - the header's layout. Most exports have one header row; Qualtrics
 * writes three (short ids, question text, import ids as JSON) and SurveyMonkey two (the
 * question, then "Response" or a grid's statement). The first rows are kept, copied, until
 * the layout is known; then one header row is composed for the matcher, each column's
 * text with the row it came from (for error positions), and the data rows kept are
 * handed back in order with their own row numbers (import_layout_next), for import.c to
 * take. Whatever the reader, the importer sees the same rows.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "import_layout.h"
#include "import_text.h"
#include "importer.h"
#include "strbuf.h"
#include "xalloc.h"

/* Qualtrics' own columns, by their short id in the first header row. */
static const struct known_column qualtrics_columns[] = {
    {"startdate", COL_IGNORED, 0},
    {"enddate", COL_DATE, 2},
    {"status", COL_IGNORED, 0},
    {"ipaddress", COL_IGNORED, 0},
    {"progress", COL_IGNORED, 0},
    {"duration (in seconds)", COL_IGNORED, 0},
    {"finished", COL_IGNORED, 0},
    {"recordeddate", COL_DATE, 1},
    {"responseid", COL_ID, 0},
    {"recipientlastname", COL_IGNORED, 0},
    {"recipientfirstname", COL_IGNORED, 0},
    {"recipientemail", COL_IGNORED, 0},
    {"externalreference", COL_IGNORED, 0},
    {"locationlatitude", COL_IGNORED, 0},
    {"locationlongitude", COL_IGNORED, 0},
    {"distributionchannel", COL_IGNORED, 0},
    {"userlanguage", COL_IGNORED, 0},
    {NULL, COL_EMPTY, 0},
};

/* SurveyMonkey's own columns, by their text in the first header row. */
static const struct known_column surveymonkey_columns[] = {
    {"respondent id", COL_ID, 0},      {"collector id", COL_IGNORED, 0},
    {"start date", COL_IGNORED, 0},    {"end date", COL_DATE, 2},
    {"ip address", COL_IGNORED, 0},    {"email address", COL_IGNORED, 0},
    {"first name", COL_IGNORED, 0},    {"last name", COL_IGNORED, 0},
    {"custom data 1", COL_IGNORED, 0}, {NULL, COL_EMPTY, 0},
};

static const struct known_column *known_in(const struct known_column *table, const char *norm)
{
    for (; table->name; table++)
        if (strcmp(table->name, norm) == 0)
            return table;
    return NULL;
}

const struct known_column *import_layout_known(const struct importer *im, const char *norm)
{
    if (im->layout == LAYOUT_QUALTRICS)
        return known_in(qualtrics_columns, norm);
    if (im->layout == LAYOUT_SURVEYMONKEY || im->surveymonkey_columns)
        return known_in(surveymonkey_columns, norm);
    return NULL;
}

/* Cell c of a kept row, untrimmed; "" past its end. */
static const char *cell_at(const struct record *rec, size_t c)
{
    return c < rec->stored ? rec->bytes.buf + rec->cells[c].off : "";
}

static const char *skip_space(const char *s)
{
    while (import_is_space((unsigned char)*s))
        s++;
    return s;
}

static bool norm_is(const char *s, const char *want)
{
    char *norm = import_normalise(s);
    bool is = strcmp(norm, want) == 0;
    free(norm);
    return is;
}

/* Qualtrics: most of the third row's filled cells are {"ImportId": ...}. */
static bool is_qualtrics(const struct importer *im)
{
    if (im->n_early < 3)
        return false;
    const struct record *rec = &im->early[2];
    size_t filled = 0, ids = 0;
    for (size_t c = 0; c < rec->stored; c++) {
        const char *s = skip_space(cell_at(rec, c));
        filled += *s != '\0';
        ids += strncmp(s, "{\"ImportId\":", 12) == 0;
    }
    return ids > 0 && 2 * ids > filled;
}

static bool is_response_word(const char *s)
{
    return norm_is(s, "response") || norm_is(s, "open-ended response");
}

/* How many of SurveyMonkey's own first columns row one starts with. */
static size_t surveymonkey_own(const struct record *one)
{
    static const char *const own[] = {"respondent id", "collector id", "start date", "end date"};
    size_t n = 0;
    for (size_t c = 0; c < one->stored && c < 4; c++)
        n += norm_is(cell_at(one, c), own[c]);
    return n;
}

/*
 * SurveyMonkey: "Response" or "Open-Ended Response" in the second row, and either its own
 * columns first in the first row (Respondent ID, Collector ID, Start Date, End Date:
 * any three, in that order) or a question merged across blank cells (a grid question,
 * when those columns were removed). A grid's merged header repeated by a workbook's
 * merge is the question in every cell of it, which composes the same way.
 */
static bool is_surveymonkey(const struct importer *im)
{
    if (im->n_early < 2)
        return false;
    const struct record *one = &im->early[0], *two = &im->early[1];
    bool response = false, merged = false, seen = false;
    for (size_t c = 0; c < two->stored && !response; c++)
        response = is_response_word(cell_at(two, c));
    for (size_t c = 0; c < one->stored && !merged; c++) {
        bool blank = !*skip_space(cell_at(one, c));
        merged = blank && seen;
        seen = seen || !blank;
    }
    return response && (merged || surveymonkey_own(one) >= 3);
}

/* Appends s trimmed. */
static void add_trimmed(struct strbuf *sb, const char *s)
{
    s = skip_space(s);
    size_t len = strlen(s);
    while (len && import_is_space((unsigned char)s[len - 1]))
        len--;
    strbuf_add(sb, s, len);
}

static void head_add(struct record *head, size_t *rows, size_t row, const char *text,
                     const char *context)
{
    struct cell *cell;
    XGROW(head->cells, head->stored + 1, head->alloc);
    cell = &head->cells[head->stored];
    cell->off = head->bytes.len;
    if (context && *skip_space(context)) {
        add_trimmed(&head->bytes, context);
        strbuf_adds(&head->bytes, " - ");
    }
    add_trimmed(&head->bytes, text);
    cell->len = head->bytes.len - cell->off;
    strbuf_addc(&head->bytes, '\0');
    rows[head->stored] = row;
    head->n = ++head->stored;
}

/* Qualtrics: the question text of the second row, but a column Qualtrics writes itself
   by its short id, which no translation of the survey changes. */
static void compose_qualtrics(struct importer *im, struct record *head, size_t *rows)
{
    const struct record *one = &im->early[0], *two = &im->early[1];
    for (size_t c = 0; c < one->stored; c++) {
        const char *id = cell_at(one, c), *text = cell_at(two, c);
        char *norm = import_normalise(id);
        bool own = known_in(qualtrics_columns, norm) != NULL;
        free(norm);
        if (own || !*skip_space(text))
            head_add(head, rows, im->early_row[0], id, NULL);
        else
            head_add(head, rows, im->early_row[1], text, NULL);
    }
}

/* SurveyMonkey: a grid column's statement after its question, carried from the left;
   otherwise the question. */
static void compose_surveymonkey(struct importer *im, struct record *head, size_t *rows)
{
    const struct record *one = &im->early[0], *two = &im->early[1];
    const char *question = NULL;
    for (size_t c = 0; c < one->stored; c++) {
        const char *top = cell_at(one, c), *sub = cell_at(two, c);
        if (*skip_space(top))
            question = top;
        if (*skip_space(sub) && !is_response_word(sub))
            head_add(head, rows, im->early_row[1], sub, question);
        else
            head_add(head, rows, im->early_row[0], top, NULL);
    }
}

/* The header composed from the first `rows` kept rows, to be taken at header_row. */
static void compose(struct importer *im, size_t rows, size_t header_row)
{
    struct record *head = &im->composed;
    size_t *where = xcalloc(im->early[0].stored + 1, sizeof(*where));
    if (im->layout == LAYOUT_QUALTRICS)
        compose_qualtrics(im, head, where);
    else
        compose_surveymonkey(im, head, where);
    head->n = im->early[0].n; /* a header too wide is refused by its count */
    im->composed_rows = where;
    im->composed_row = header_row;
    im->next_kept = rows;
}

/* Decides the layout from the rows kept: a survey tool's several header rows are
   composed into one; otherwise the kept rows are taken as they came. */
static void settle(struct importer *im)
{
    im->layout_known = true;
    if (im->n_early == 0)
        return;
    if (is_qualtrics(im)) {
        im->layout = LAYOUT_QUALTRICS;
        compose(im, 3, im->early_row[1]);
    } else if (is_surveymonkey(im)) {
        im->layout = LAYOUT_SURVEYMONKEY;
        compose(im, 2, im->early_row[0]);
    } else {
        /* SurveyMonkey's own columns are still known by their names in one header row
           (an export saved with one). */
        im->surveymonkey_columns = surveymonkey_own(&im->early[0]) >= 3;
    }
}

bool import_layout_keep(struct importer *im)
{
    struct record empty = {STRBUF_INIT, NULL, 0, 0, 0};
    im->early[im->n_early] = im->rec;
    im->early_row[im->n_early++] = im->row;
    im->rec = empty;
    return im->n_early == LAYOUT_ROWS_MAX;
}

bool import_layout_next(struct importer *im, struct layout_row *next)
{
    if (!im->layout_known)
        settle(im);
    if (im->composed_rows && !im->composed_taken) {
        im->composed_taken = true;
        *next = (struct layout_row){&im->composed, im->composed_row, im->composed_rows};
        return true;
    }
    if (im->next_kept >= im->n_early)
        return false;
    size_t k = im->next_kept++;
    struct record *rec = &im->early[k];
    /* A data row is cut to the header's width, as it would have been on arrival. */
    if (k > 0 && rec->stored > im->n_cols + 1)
        rec->stored = im->n_cols + 1;
    *next = (struct layout_row){rec, im->early_row[k], NULL};
    return true;
}

void import_layout_release(struct importer *im)
{
    for (size_t k = 0; k < im->n_early; k++) {
        strbuf_release(&im->early[k].bytes);
        free(im->early[k].cells);
    }
    im->n_early = im->next_kept = 0;
    strbuf_release(&im->composed.bytes);
    free(im->composed.cells);
    im->composed.cells = NULL;
    free(im->composed_rows);
    im->composed_rows = NULL;
}
