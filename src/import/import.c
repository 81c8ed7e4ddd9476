/*
 * import.c - "stagegap import" put together: the importer's life, one data row, and
 * import_csv / import_csv_buffer. The pieces, in the order the data goes through them:
 *
 *   import_csv.c      the CSV reader (libcsv): bytes -> rows of UTF-8 cells, pushed into
 *                     a sink (include/import_reader.h); the file's own problems
 *   import.c          the importer is that sink: the first row goes to the matcher, every
 *                     row after it is one respondent (process_row)
 *   import_layout.c   the first rows kept until the header's layout is known: one row,
 *                     or Qualtrics' three or SurveyMonkey's two composed into one
 *   import_match.c    the header row: columns matched to items and respondent fields
 *   import_map.c      the --map file the matcher consults first
 *   import_answers.c  a cell read as an answer or a date; dates settled at the end
 *   import_render.c   one respondent's answers file, named uniquely in the result
 *   import_write.c    every file into a directory, all or nothing; the summary line
 *   import_text.c     trimming and the normal form headers and words are compared in
 *   import_diag.c     every message about the file, naming a workbook's sheet and cell
 *
 * src/import/importer.h holds the importer, the state the pieces share; each piece offers
 * its functions in its own header. A new kind of file is a new reader pushing into the
 * same sink, and nothing else changes.
 */
#include "import.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "date.h"
#include "diag.h"
#include "fileio.h"
#include "import_answers.h"
#include "import_diag.h"
#include "import_layout.h"
#include "import_map.h"
#include "import_match.h"
#include "import_reader.h"
#include "import_render.h"
#include "import_scale.h"
#include "import_text.h"
#include "importer.h"
#include "platform.h"
#include "rules.h"
#include "strbuf.h"
#include "text.h"
#include "textenc.h"
#include "xalloc.h"
#include "xlsx.h"
#include "yamlread.h"

/* The last component of a path, for the comment atop each generated file. */
static const char *base_name(const char *path)
{
    const char *slash = platform_last_separator(path);
    return slash && slash[1] ? slash + 1 : path;
}

/* ---- the model's questions and scale words ---- */

static void model_prepare(struct importer *im)
{
    const struct rules *r = im->r;
    size_t n = r->n_items ? r->n_items : 1;
    im->questions = xcalloc(n, sizeof(*im->questions));
    im->lows = xcalloc(n, sizeof(*im->lows));
    im->highs = xcalloc(n, sizeof(*im->highs));
    im->item_col = xcalloc(n, sizeof(*im->item_col));
    im->state = xcalloc(n, sizeof(*im->state));
    im->value = xcalloc(n, sizeof(*im->value));
    for (size_t i = 0; i < r->n_items; i++) {
        const struct rules_item *it = &r->items[i];
        im->item_col[i] = -1;
        if (!it->question)
            continue;
        im->questions[i] = import_normalise(it->question);
        const char *low = it->low ? it->low : r->scale_low;
        const char *high = it->high ? it->high : r->scale_high;
        im->lows[i] = low ? import_normalise(low) : NULL;
        im->highs[i] = high ? import_normalise(high) : NULL;
    }
}

/* ---- one data row ---- */

static bool record_blank(struct importer *im)
{
    struct record *rec = &im->rec;
    for (size_t c = 0; c < rec->stored; c++)
        if (*import_trim(rec->bytes.buf + rec->cells[c].off))
            return false;
    return rec->n <= rec->stored;
}

static bool row_shape_ok(struct importer *im)
{
    size_t n = im->rec.n;
    if (n == im->n_cols)
        return true;
    struct strbuf msg = STRBUF_INIT;
    strbuf_addf(&msg, "this row has %zu cell%s but the header has %zu; ", n, n == 1 ? "" : "s",
                im->n_cols);
    strbuf_adds(&msg, n < im->n_cols ? "is a line break inside a cell not quoted?"
                                     : "is a comma inside a cell not quoted?");
    import_cell_error(im, im->row, (n < im->n_cols ? n : im->n_cols) + 1, strbuf_str(&msg));
    strbuf_release(&msg);
    return false;
}

/* The organisation column: the same in every row, as one import is one assessment. */
static const char *row_organisation(struct importer *im, const char *cell, size_t column)
{
    if (!*cell) {
        import_cell_error(im, im->row, column,
                          "no organisation in this row; fill it in, or give "
                          "--organisation NAME");
        return NULL;
    }
    if (!im->organisation) {
        im->organisation = xstrdup(cell);
        im->organisation_row = im->row;
        return cell;
    }
    if (strcmp(cell, im->organisation) == 0)
        return cell;
    struct strbuf msg = STRBUF_INIT;
    strbuf_adds(&msg, "organisation ");
    text_add_quoted(&msg, cell, QUOTE_MAX);
    strbuf_adds(&msg, " differs from ");
    text_add_quoted(&msg, im->organisation, QUOTE_MAX);
    strbuf_addf(&msg,
                " in row %zu; one import is one organisation's assessment: split the "
                "export, or give --organisation NAME",
                im->organisation_row);
    import_cell_error(im, im->row, column, strbuf_str(&msg));
    strbuf_release(&msg);
    return NULL;
}

static void process_row(struct importer *im)
{
    struct record *rec = &im->rec;
    const struct rules *r = im->r;
    if (record_blank(im))
        return;
    if (++im->respondents > IMPORT_ROWS_MAX) {
        import_row_diag(im, DIAG_ERROR, im->row, "more than %d respondents", IMPORT_ROWS_MAX);
        im->stop = true;
        return;
    }
    if (!row_shape_ok(im))
        return;
    const char *id = NULL, *role = NULL, *date = NULL;
    const char *organisation = im->o->organisation;
    for (size_t i = 0; i < r->n_items; i++)
        im->state[i] = ANSWER_NONE;
    for (size_t c = 0; c < im->n_cols; c++) {
        const char *cell = import_trim(rec->bytes.buf + rec->cells[c].off);
        long at = (long)c;
        if (im->cols[c].kind == COL_ITEM)
            import_read_answer(im, im->cols[c].item, cell, im->row, c + 1);
        if (im->cols[c].kind == COL_COMMENT && *cell) {
            if (import_looks_like_answer(im, cell))
                im->cols[c].n_answers++;
            else
                im->cols[c].n_text++;
        }
        if (at == im->id_col)
            id = *cell ? cell : NULL;
        if (at == im->role_col)
            role = *cell ? cell : NULL;
        if (at == im->org_col)
            organisation = row_organisation(im, cell, c + 1);
        if (at == im->date_col)
            date = cell;
    }
    long file = -1;
    size_t date_at = 0;
    if (im->d->errors == im->errors_before)
        file = import_render_respondent(im, im->row, id, role, organisation, &date_at);
    if (date && import_read_date(im, date, im->row, (size_t)im->date_col + 1, file) && file >= 0)
        im->dates[im->n_dates - 1].date_at = date_at;
}

/* ---- the importer as a reader's sink ---- */

static int importer_cell(void *ctx, const char *text, size_t len)
{
    struct importer *im = ctx;
    struct record *rec = &im->rec;
    /* Cells past the header's count are counted, not kept: the row is wrong anyway. */
    if (++rec->n > (im->have_header ? im->n_cols : (size_t)IMPORT_COLUMNS_MAX) + 1)
        return 0;
    XGROW(rec->cells, rec->stored + 1, rec->alloc);
    rec->cells[rec->stored].off = rec->bytes.len;
    rec->cells[rec->stored++].len = len;
    strbuf_add(&rec->bytes, text, len);
    strbuf_addc(&rec->bytes, '\0');
    return 0;
}

/* The first row is the header; every row after it, a respondent. */
static void take_row(struct importer *im)
{
    /* A workbook does not store a row's empty cells after its last value. */
    while (im->workbook && im->have_header && im->rec.n < im->n_cols)
        importer_cell(im, "", 0);
    if (!im->have_header)
        import_process_header(im);
    else
        process_row(im);
}

/* Takes the rows the layout kept, once it is known, as they would have been taken on
   arrival: each in im->rec with its own row number. */
static void take_kept(struct importer *im)
{
    struct record held = im->rec;
    size_t row = im->row;
    struct layout_row next;
    while (!im->stop && import_layout_next(im, &next)) {
        im->rec = *next.rec;
        im->row = next.row;
        im->header_rows = next.header_rows;
        take_row(im);
        *next.rec = im->rec;
        im->header_rows = NULL;
    }
    im->rec = held;
    im->row = row;
    import_layout_release(im);
}

/* The first rows wait until the header's layout is known (import_layout.c). */
static int importer_row_end(void *ctx, size_t row)
{
    struct importer *im = ctx;
    im->row = row;
    if (im->layout_known)
        take_row(im);
    else if (import_layout_keep(im))
        take_kept(im);
    strbuf_reset(&im->rec.bytes);
    im->rec.n = im->rec.stored = 0;
    return im->stop ? -1 : 0;
}

/* ---- putting it together ---- */

/* The sheet's names, released apart: a successful import hands them to the result. */
static void importer_release_sheets(struct importer *im)
{
    free(im->sheet);
    im->sheet = NULL;
}

static void importer_release(struct importer *im)
{
    if (im->questions)
        for (size_t i = 0; i < im->r->n_items; i++) {
            free(im->questions[i]);
            free(im->lows[i]);
            free(im->highs[i]);
        }
    free(im->questions);
    free(im->lows);
    free(im->highs);
    for (size_t i = 0; i < im->n_map; i++) {
        free(im->map[i].header);
        free(im->map[i].field);
        for (size_t k = 0; k < im->map[i].values.n; k++)
            free(im->map[i].values.v[k].label);
        free(im->map[i].values.v);
    }
    import_scales_release(im);
    free(im->map);
    for (size_t c = 0; c < im->n_cols; c++)
        free(im->cols[c].header);
    free(im->cols);
    free(im->item_col);
    free(im->state);
    free(im->value);
    free(im->organisation);
    free(im->dates);
    for (size_t k = 0; k < im->n_comments; k++)
        free(im->comments[k].text);
    free(im->comments);
    import_nameset_release(&im->names);
    strbuf_release(&im->rec.bytes);
    free(im->rec.cells);
    import_layout_release(im);
}

static bool check_options(struct importer *im)
{
    const struct import_options *o = im->o;
    bool ok = true;
    if (o->date && !date_valid(o->date)) {
        struct strbuf msg = STRBUF_INIT;
        answers_msg_bad_date(&msg, "--date");
        strbuf_adds(&msg, ", not ");
        text_add_quoted(&msg, o->date, 40);
        diag_error(im->d, NULL, 0, 0, "%s", strbuf_str(&msg));
        strbuf_release(&msg);
        ok = false;
    }
    if (o->organisation) {
        size_t len = strlen(o->organisation);
        char *copy = xstrdup(o->organisation);
        bool empty = !*import_trim(copy);
        free(copy);
        if (empty || len > IMPORT_CELL_MAX || !utf8_valid(o->organisation, len, NULL)) {
            diag_error(im->d, NULL, 0, 0,
                       "--organisation must be a name in UTF-8 of at most "
                       "%d bytes",
                       IMPORT_CELL_MAX);
            ok = false;
        }
    }
    return import_scales_load(im) && ok;
}

/*
 * Every generated file goes through the answers loader before anything is written, so
 * what import writes is what assess reads. A failure here is our bug, not the user's.
 */
static void self_check(struct importer *im)
{
    struct assessment a;
    struct diags scratch;
    assessment_init(&a, im->r);
    a.defer_dates = true;
    diags_init(&scratch);
    for (size_t i = 0; i < im->res->n; i++) {
        const struct import_file *f = &im->res->files[i];
        if (assessment_add_buffer(&a, f->name, f->text, f->len, false, &scratch) != 0) {
            diag_add(im->d, DIAG_IO_ERROR, im->file, 0, 0,
                     "internal error: the answers generated as %s do not load (%s); please "
                     "report this",
                     f->name, scratch.n ? scratch.v[0].message : "?");
            break;
        }
    }
    diags_release(&scratch);
    assessment_release(&a);
}

void import_result_init(struct import_result *res)
{
    memset(res, 0, sizeof(*res));
}

void import_result_release(struct import_result *res)
{
    free(res->sheet);
    for (size_t i = 0; i < res->n; i++) {
        free(res->files[i].name);
        free(res->files[i].text);
    }
    free(res->files);
    import_result_init(res);
}

/* "';'", "a tab": a separator as a message names it. */
static const char *delimiter_name(char c)
{
    return c == '\t' ? "a tab" : c == ';' ? "';'" : "','";
}

/* A zip archive's first bytes: an .xlsx workbook is one. */
static bool is_zip(const struct import_source *src)
{
    return src->len >= 4 && memcmp(src->buf, "PK\x03\x04", 4) == 0;
}

/* True when the needle's n bytes are in the first `within` bytes of src. */
static bool starts_with_within(const struct import_source *src, const char *needle, size_t n,
                               size_t within)
{
    size_t len = src->len < within ? src->len : within;
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(src->buf + i, needle, n) == 0)
            return true;
    return false;
}

/*
 * Files that are spreadsheets but no .xlsx, known by their first bytes, each refused
 * with what to do: an OpenDocument spreadsheet (a zip whose first entry names its
 * type), and an OLE2 compound file, which is either an .xlsx protected with a password
 * (its "EncryptedPackage" stream) or an Excel 97-2003 .xls. 0, or -1 with the error.
 */
static int refuse_other_spreadsheet(struct importer *im, const struct import_source *src)
{
    static const char ole2[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    /* "EncryptedPackage" as the directory of an OLE2 file names it, in UTF-16LE. */
    static const char encrypted[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    const char *what = NULL;
    if (is_zip(src) && starts_with_within(src, "application/vnd.oasis.opendocument", 34, 128))
        what = "an OpenDocument spreadsheet (.ods), which is not read; save it as an Excel "
               "workbook (.xlsx) or as CSV UTF-8 (in LibreOffice, File > Save As)";
    else if (src->len >= 8 && memcmp(src->buf, ole2, 8) == 0 &&
             starts_with_within(src, encrypted, sizeof(encrypted) - 1, src->len))
        what = "an Excel workbook protected with a password (encrypted), which cannot be "
               "read; open it in Excel, remove the password (File > Info > Protect Workbook > "
               "Encrypt with Password), save it and import that";
    else if (src->len >= 8 && memcmp(src->buf, ole2, 8) == 0)
        what = "an Excel 97-2003 workbook (.xls), which is not read; open it in Excel or "
               "LibreOffice and save it as an Excel workbook (.xlsx) or as CSV UTF-8";
    if (!what)
        return 0;
    diag_error(im->d, src->name, 0, 0, "this is %s", what);
    return -1;
}

/* A probe of a sheet's first rows: does any cell read as a header the importer knows? */
struct sheet_probe {
    const struct importer *im;
    size_t rows;
    bool known;
};

/* A header cell the importer would match: an item id or question, or a mapped header. */
static bool known_header(const struct importer *im, const char *text, size_t len)
{
    char *copy = xstrndup(text, len);
    char *norm = import_normalise(copy);
    bool known = *norm && rules_find_item(im->r, copy) >= 0;
    for (size_t i = 0; i < im->r->n_items && !known; i++)
        known = im->questions[i] && strcmp(im->questions[i], norm) == 0;
    for (size_t i = 0; i < im->n_map && !known; i++)
        known = strcmp(im->map[i].header, norm) == 0;
    free(norm);
    free(copy);
    return known;
}

static int probe_cell(void *ctx, const char *text, size_t len)
{
    struct sheet_probe *p = ctx;
    p->known = p->known || known_header(p->im, text, len);
    return 0;
}

static int probe_row_end(void *ctx, size_t row)
{
    struct sheet_probe *p = ctx;
    (void)row;
    return p->known || ++p->rows == LAYOUT_ROWS_MAX ? -1 : 0;
}

/*
 * The sheet to read when none is named: the first visible worksheet whose first rows
 * hold a header the importer knows, else the first visible one (NULL: xlsx_read's own
 * choice). Each probe reads the workbook's shared strings again, so only the first
 * IMPORT_SHEETS_PROBED visible sheets are probed: a workbook of a thousand sheets costs
 * no more than one of a few.
 */
static const char *default_sheet(struct importer *im, const struct import_source *src,
                                 struct xlsx_sheet_info *sheets, size_t n)
{
    const char *chosen = NULL, *first = NULL;
    size_t probed = 0;
    for (size_t i = 0; i < n && !chosen && probed < IMPORT_SHEETS_PROBED; i++) {
        if (sheets[i].hidden)
            continue;
        probed++;
        first = first ? first : sheets[i].name;
        struct sheet_probe probe = {im, 0, false};
        struct import_sink sink = {&probe, probe_cell, probe_row_end};
        struct diags scratch;
        diags_init(&scratch);
        xlsx_read(src->name, src->buf, src->len, sheets[i].name, &sink, &scratch, NULL);
        diags_release(&scratch);
        if (probe.known)
            chosen = sheets[i].name;
    }
    return chosen ? chosen : first;
}

/* The export as a workbook (xlsx_read) into the sink; one given as CSV is said. */
static int read_workbook(struct importer *im, const struct import_source *src,
                         const struct import_sink *sink)
{
    if (!im->o->xlsx)
        diag_add(im->d, DIAG_WARNING, src->name, 0, 0,
                 "this is a zip archive, not CSV: read as an Excel workbook (say --xlsx FILE)");
    im->workbook = true;
    im->delimiter = ',';
    struct xlsx_sheet_info *sheets = NULL;
    size_t n = 0;
    struct diags scratch;
    diags_init(&scratch);
    const char *sheet = im->o->sheet;
    if (xlsx_list_sheets(src->name, src->buf, src->len, &sheets, &n, &scratch) == 0 && !sheet)
        sheet = default_sheet(im, src, sheets, n);
    diags_release(&scratch);
    int rc = xlsx_read(src->name, src->buf, src->len, sheet, sink, im->d, &im->sheet);
    xlsx_sheet_list_free(sheets, n);
    return rc;
}

/*
 * Reads the export into the sink: a workbook by xlsx_read; CSV as UTF-8
 * (textenc_to_utf8, which warns of any conversion), its separator as given or found
 * from the header row (a warning when it is not a comma, since that was a guess).
 * 0, or -1.
 */
static int read_table(struct importer *im, const struct import_source *src,
                      const struct import_sink *sink)
{
    if (refuse_other_spreadsheet(im, src) != 0)
        return -1;
    if (im->o->xlsx || is_zip(src))
        return read_workbook(im, src, sink);
    struct strbuf utf8 = STRBUF_INIT;
    int rc = -1;
    int read = im->o->encoding
                   ? textenc_from(src->name, im->o->encoding, src->buf, src->len, &utf8, im->d)
                   : textenc_to_utf8(src->name, src->buf, src->len, &utf8, NULL, im->d);
    if (read == 0) {
        im->delimiter = im->o->delimiter;
        if (!im->delimiter) {
            im->delimiter = textenc_sniff_delimiter(utf8.buf ? utf8.buf : "", utf8.len);
            if (im->delimiter != ',')
                diag_add(im->d, DIAG_WARNING, src->name, 1, 0,
                         "columns separated by %s, as the header row has more of them than "
                         "of any other separator (say --delimiter to choose)",
                         delimiter_name(im->delimiter));
        }
        struct import_source text = {src->name, utf8.buf ? utf8.buf : "", utf8.len};
        rc = import_read_csv(&text, im->delimiter, sink, im->d);
    }
    strbuf_release(&utf8);
    return rc;
}

int import_csv_buffer(const struct rules *r, const struct import_options *o,
                      const struct import_source *csv, const struct import_source *map,
                      struct import_result *res, struct diags *d)
{
    struct importer im = {.r = r,
                          .o = o,
                          .d = d,
                          .res = res,
                          .file = csv->name,
                          .base = base_name(csv->name),
                          .errors_before = d->errors,
                          .respondent_col = -1,
                          .id_col = -1,
                          .role_col = -1,
                          .org_col = -1,
                          .date_col = -1,
                          .date_cols = {-1, -1, -1}};
    struct ydoc map_doc;
    size_t io_before = d->io_errors;
    import_result_init(res);
    ydoc_init(&map_doc);
    model_prepare(&im);
    check_options(&im);
    if (map)
        import_map_load(&im, map, &map_doc);
    struct import_sink sink = {&im, importer_cell, importer_row_end};
    if (read_table(&im, csv, &sink) != 0)
        im.stop = true;
    if (!im.layout_known)
        take_kept(&im); /* a file of fewer rows than a layout may need */
    if (im.have_header && !im.stop) {
        import_settle_comments(&im);
        import_check_scales(&im);
    }
    if (!im.have_header && !im.stop && im.workbook && im.sheet)
        import_diag(&im, DIAG_ERROR, 0, 0,
                    "nothing in it; a survey export starts with a header row naming its "
                    "columns%s",
                    strstr(im.sheet, " (others: ") ? " (say --sheet NAME for another sheet)" : "");
    else if (!im.have_header && !im.stop)
        diag_error(d, csv->name, 0, 0,
                   "empty file; a survey export starts with a header row "
                   "naming its columns");
    else if (im.have_header && im.respondents == 0 && !im.stop)
        import_diag(&im, DIAG_ERROR, 0, 0, "no respondents: the %s has a header row but no answers",
                    im.workbook ? "sheet" : "file");
    import_resolve_dates(&im);
    if (d->errors == im.errors_before && d->io_errors == io_before)
        self_check(&im);
    if (res->unmatched && d->errors == im.errors_before && d->io_errors == io_before)
        import_diag(&im, DIAG_WARNING, 0, 0,
                    "%zu of the %zu questions of model '%s' have no column; they are left "
                    "unanswered",
                    res->unmatched, rules_answerable(r), r->id);
    ydoc_release(&map_doc);
    importer_release(&im);
    if (d->errors > im.errors_before || d->io_errors > io_before) {
        import_result_release(res);
        importer_release_sheets(&im);
        return -1;
    }
    if (im.workbook && im.sheet) {
        res->sheet = im.sheet;
        im.sheet = NULL;
    }
    importer_release_sheets(&im);
    return 0;
}

int import_csv(const struct rules *r, const struct import_options *o, struct import_result *res,
               struct diags *d)
{
    char *csv = NULL, *map = NULL;
    size_t csv_len = 0, map_len = 0;
    int rc = -1;
    import_result_init(res);
    if (fileio_read(o->csv_path, IMPORT_FILE_MAX, &csv, &csv_len, d) != 0)
        goto out;
    if (o->map_path && fileio_read(o->map_path, IMPORT_MAP_MAX, &map, &map_len, d) != 0)
        goto out;
    struct import_source csv_src = {o->csv_path, csv, csv_len};
    struct import_source map_src = {o->map_path, map, map_len};
    rc = import_csv_buffer(r, o, &csv_src, o->map_path ? &map_src : NULL, res, d);
out:
    free(csv);
    free(map);
    return rc;
}
