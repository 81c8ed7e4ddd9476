/*
 * import_match.c - the header row: each column matched to an item (by the mapping file,
 * by item id, by question text), to a respondent field (id, role, organisation, date,
 * a groups field) or to survey metadata; a column near no question is taken for free
 * text and settled once every row is in. One column per item and per field. A header
 * composed from a survey tool's several rows (import_layout.c) is matched the same way,
 * each column's problems located at the row its text came from.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "diag.h"
#include "import_diag.h"
#include "import_layout.h"
#include "import_map.h"
#include "import_match.h"
#include "import_reader.h"
#include "import_render.h"
#include "import_scale.h"
#include "import_text.h"
#include "importer.h"
#include "rules.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* Columns a survey tool writes or a person would name, recognised by name. */
static const struct known_column known_columns[] = {
    {"respondent", COL_RESPONDENT, 0},
    {"id", COL_ID, 0}, /* Microsoft Forms' row number */
    {"role", COL_ROLE, 0},
    {"your role", COL_ROLE, 0},
    {"what is your role", COL_ROLE, 0},
    {"organisation", COL_ORGANISATION, 0},
    {"organization", COL_ORGANISATION, 0},
    {"date", COL_DATE, 0},
    {"completion time", COL_DATE, 1},
    {"timestamp", COL_DATE, 2},
    {"start time", COL_IGNORED, 0},
    {"last modified time", COL_IGNORED, 0},
    {"email", COL_IGNORED, 0},
    {"email address", COL_IGNORED, 0},
    {"name", COL_IGNORED, 0},
};

/* Columns that say which group a respondent is in, and the groups field each gives. */
static const struct {
    const char *name; /* as import_normalise() leaves it */
    const char *field;
} group_columns[] = {
    {"team", "team"},
    {"your team", "team"},
    {"which team are you in", "team"},
    {"which team do you work in", "team"},
    {"what team are you in", "team"},
    {"locality", "locality"},
    {"your locality", "locality"},
    {"which locality are you in", "locality"},
    {"which locality do you work in", "locality"},
    {"service area", "service-area"},
    {"your service area", "service-area"},
    {"which service area are you in", "service-area"},
    {"which service area do you work in", "service-area"},
    {"area", "service-area"},
};

/* The answerable item whose id is id, or -1. */
static long answerable_item(const struct rules *r, const char *id)
{
    long i = rules_find_item(r, id);
    return i >= 0 && r->items[i].question ? i : -1;
}

/* A problem that makes the rest of the file unreadable: say where, and stop. */
static void fatal_at(struct importer *im, size_t column, const char *msg)
{
    import_cell_error(im, im->row, column, msg);
    im->stop = true;
}

/* The item whose id or question norm is close to, or NULL; *which is its id or question. */
static const struct rules_item *near_item(const struct importer *im, const char *norm,
                                          const char **which)
{
    const struct rules *r = im->r;
    const char **names = xcalloc(2 * r->n_items + 1, sizeof(*names));
    size_t *items = xcalloc(2 * r->n_items + 1, sizeof(*items));
    size_t n = 0;
    for (size_t i = 0; i < r->n_items; i++) {
        if (!im->questions[i])
            continue;
        names[n] = r->items[i].id;
        items[n++] = i;
        names[n] = im->questions[i];
        items[n++] = i;
    }
    const char *near = text_did_you_mean(norm, names, n);
    const struct rules_item *it = NULL;
    if (near) {
        size_t k = 0;
        while (names[k] != near)
            k++;
        it = &r->items[items[k]];
    }
    *which = near;
    free(names);
    free(items);
    return it;
}

/* shown: the part of the header compared (a grid statement), or NULL for all of it. */
static void report_unknown_column(struct importer *im, size_t c, const char *norm,
                                  const char *shown)
{
    const struct rules *r = im->r;
    struct strbuf msg = STRBUF_INIT;
    const char *near;
    const struct rules_item *it = near_item(im, norm, &near);
    if (it && near != it->id) {
        /* Both cut the same way around where they differ, so they never look alike. */
        struct strbuf header = STRBUF_INIT, question = STRBUF_INIT;
        text_add_quoted_pair(&header, shown ? shown : im->cols[c].header, &question, it->question,
                             QUOTE_MAX);
        strbuf_addf(&msg, "unknown column %s; did you mean %s (%s)?", strbuf_str(&header),
                    strbuf_str(&question), it->id);
        strbuf_release(&question);
        strbuf_release(&header);
    } else if (it) {
        strbuf_adds(&msg, "unknown ");
        import_header_quoted(&msg, &im->cols[c]);
        strbuf_addf(&msg, "; did you mean '%s'?", it->id);
    } else {
        strbuf_adds(&msg, "unknown ");
        import_header_quoted(&msg, &im->cols[c]);
        strbuf_addf(&msg,
                    ": it is not an item id, a question of model '%s' or a survey "
                    "tool's own column; map it with --map, to an item id or to 'ignore'",
                    r->id);
    }
    import_cell_error(im, im->cols[c].row, c + 1, strbuf_str(&msg));
    strbuf_release(&msg);
}

/* A second column for something only one column may give. */
static void report_second(struct importer *im, size_t c, long first, const char *what)
{
    struct strbuf msg = STRBUF_INIT;
    import_header_quoted(&msg, &im->cols[c]);
    strbuf_addf(&msg, " %s, as column %ld %s; map one of them to 'ignore' with --map", what,
                first + 1, strncmp(what, "is ", 3) == 0 ? "is" : "does");
    import_cell_error(im, im->cols[c].row, c + 1, strbuf_str(&msg));
    strbuf_release(&msg);
}

static void claim(struct importer *im, size_t c, long *slot, const char *what)
{
    if (*slot >= 0) {
        report_second(im, c, *slot, what);
        im->cols[c].kind = COL_IGNORED;
    } else {
        *slot = (long)c;
    }
}

/* One column per groups field, and no more fields than a respondent may give. */
static void claim_group(struct importer *im, size_t c)
{
    struct column *col = &im->cols[c];
    for (size_t k = 0; k < c; k++) {
        if (im->cols[k].kind == COL_GROUP && strcmp(im->cols[k].field, col->field) == 0) {
            struct strbuf what = STRBUF_INIT;
            strbuf_addf(&what, "gives group '%s'", col->field);
            report_second(im, c, (long)k, strbuf_str(&what));
            strbuf_release(&what);
            col->kind = COL_IGNORED;
            return;
        }
    }
    if (im->n_groups == ANSWERS_GROUP_FIELDS_MAX) {
        struct strbuf msg = STRBUF_INIT;
        import_header_quoted(&msg, col);
        strbuf_addf(&msg,
                    " would be group column %d, and a respondent gives at most %d groups; "
                    "map the columns not needed to 'ignore' with --map",
                    ANSWERS_GROUP_FIELDS_MAX + 1, ANSWERS_GROUP_FIELDS_MAX);
        import_cell_error(im, col->row, c + 1, strbuf_str(&msg));
        strbuf_release(&msg);
        col->kind = COL_IGNORED;
        return;
    }
    im->n_groups++;
}

static void assign(struct importer *im, size_t c, enum column_kind kind, size_t item, int rank)
{
    struct column *col = &im->cols[c];
    col->kind = kind;
    col->item = item;
    col->rank = rank;
    switch (kind) {
    case COL_ITEM: {
        struct strbuf what = STRBUF_INIT;
        strbuf_addf(&what, "answers '%s'", im->r->items[item].id);
        claim(im, c, &im->item_col[item], strbuf_str(&what));
        strbuf_release(&what);
        if (col->kind == COL_ITEM)
            im->res->questions++;
        break;
    }
    case COL_RESPONDENT:
        claim(im, c, &im->respondent_col, "is a respondent column");
        break;
    case COL_ID:
        claim(im, c, &im->id_col, "is an id column");
        break;
    case COL_ROLE:
        claim(im, c, &im->role_col, "is a role column");
        break;
    case COL_GROUP:
        claim_group(im, c);
        break;
    case COL_ORGANISATION:
        claim(im, c, &im->org_col, "is an organisation column");
        break;
    case COL_DATE:
        claim(im, c, &im->date_cols[rank], "is a date column");
        break;
    default:
        break;
    }
}

/* The answerable item whose question reads as norm; reports a tie. */
static long question_item(struct importer *im, size_t c, const char *norm)
{
    long found = -1;
    for (size_t i = 0; i < im->r->n_items; i++) {
        if (!im->questions[i] || strcmp(im->questions[i], norm) != 0)
            continue;
        if (found < 0) {
            found = (long)i;
            continue;
        }
        struct strbuf msg = STRBUF_INIT;
        import_header_quoted(&msg, &im->cols[c]);
        strbuf_addf(&msg, " is the question of both '%s' and '%s'; map it with --map",
                    im->r->items[found].id, im->r->items[i].id);
        import_cell_error(im, im->cols[c].row, c + 1, strbuf_str(&msg));
        strbuf_release(&msg);
        im->cols[c].kind = COL_IGNORED;
        return -2;
    }
    return found;
}

/* A column a survey tool writes, or a person would name, recognised by its name. */
static bool match_by_name(struct importer *im, size_t c, const char *norm)
{
    size_t k = 0, n = sizeof(known_columns) / sizeof(known_columns[0]);
    size_t g = 0, n_g = sizeof(group_columns) / sizeof(group_columns[0]);
    const struct known_column *own = import_layout_known(im, norm);
    while (k < n && strcmp(known_columns[k].name, norm) != 0)
        k++;
    while (g < n_g && strcmp(group_columns[g].name, norm) != 0)
        g++;
    if (k < n)
        own = &known_columns[k];
    if (own) {
        assign(im, c, own->kind, 0, own->rank);
    } else if (g < n_g) {
        im->cols[c].field = group_columns[g].field;
        assign(im, c, COL_GROUP, 0, 0);
    }
    return own || g < n_g;
}

/*
 * A grid question comes as one column per statement (row), and the statement is the
 * question the column answers. Its header is "Question - Statement" when composed from a
 * survey tool's two header rows (import_layout.c); in one header row, "Question [Row]"
 * (Google Forms' multiple-choice and tick-box grids) or "Question.Row" (Microsoft
 * Forms' Likert columns are reported headed by the statement alone, a question as it
 * is; this form was taken from the issue). Returns the statement (malloc'd), or
 * NULL for a header of none of these forms.
 */
static char *statement_of(const struct importer *im, const char *header)
{
    size_t len = strlen(header);
    if (im->layout != LAYOUT_SINGLE) {
        const char *at = NULL;
        for (const char *p = strstr(header, " - "); p; p = strstr(p + 1, " - "))
            at = p;
        return at && at[3] ? xstrdup(at + 3) : NULL;
    }
    if (len > 3 && header[len - 1] == ']') {
        const char *open = NULL;
        for (const char *p = strstr(header, " ["); p; p = strstr(p + 1, " ["))
            open = p;
        if (open && open + 2 < header + len - 1)
            return xstrndup(open + 2, (size_t)(header + len - 1 - (open + 2)));
    }
    for (const char *p = strchr(header, '.'); p; p = strchr(p + 1, '.')) {
        unsigned char before = p > header ? (unsigned char)p[-1] : ' ';
        unsigned char after = (unsigned char)p[1];
        if (p > header && !import_is_space(before) && after && !import_is_space(after) &&
            !import_is_digit((char)after) && after != '.')
            return xstrdup(p + 1);
    }
    return NULL;
}

/* Near no question: free text such as "Anything else?", kept as comments unless its
   cells turn out to be answers (import_settle_comments). Near one, an error. */
static void match_none(struct importer *im, size_t c, const char *norm, const char *statement)
{
    const char *near;
    char *snorm = statement ? import_normalise(statement) : NULL;
    if (near_item(im, norm, &near)) {
        im->cols[c].kind = COL_UNKNOWN;
        report_unknown_column(im, c, norm, NULL);
    } else if (snorm && near_item(im, snorm, &near)) {
        im->cols[c].kind = COL_UNKNOWN;
        report_unknown_column(im, c, snorm, statement);
    } else {
        im->cols[c].kind = COL_COMMENT;
        im->cols[c].guessed = true;
    }
    free(snorm);
}

/* By question text, the whole header's or a grid statement's. */
static void match_by_text(struct importer *im, size_t c, const char *norm, const char *statement)
{
    long item = question_item(im, c, norm);
    if (item == -1 && statement) {
        char *snorm = import_normalise(statement);
        item = question_item(im, c, snorm);
        free(snorm);
    }
    if (item >= 0)
        assign(im, c, COL_ITEM, (size_t)item, 0);
    else if (item == -1)
        match_none(im, c, norm, statement);
}

/* A survey tool's own column that is left out without a word (its Name, Email). */
static bool tool_column_ignored(const struct importer *im, const char *norm)
{
    const struct known_column *own = import_layout_known(im, norm);
    if (own)
        return own->kind == COL_IGNORED;
    for (size_t k = 0; k < sizeof(known_columns) / sizeof(known_columns[0]); k++)
        if (strcmp(known_columns[k].name, norm) == 0)
            return known_columns[k].kind == COL_IGNORED;
    return false;
}

/* True when the header is an item's id or question: never taken for a person's name. */
static bool names_an_item(const struct importer *im, const char *trimmed, const char *norm)
{
    if (answerable_item(im->r, trimmed) >= 0 || answerable_item(im->r, norm) >= 0)
        return true;
    for (size_t i = 0; i < im->r->n_items; i++)
        if (im->questions[i] && strcmp(im->questions[i], norm) == 0)
            return true;
    return false;
}

/*
 * A column whose header names or identifies a person (text_header_identifies) is left
 * out, however it is mapped: said in one warning (import_settle_comments), except for
 * a survey tool's own Name and Email, left out as always, and a column mapped to ignore.
 */
static bool left_out_as_identifying(struct importer *im, size_t c, const char *trimmed,
                                    const char *norm, struct map_entry *m)
{
    if (!text_header_identifies(trimmed) || names_an_item(im, trimmed, norm))
        return false;
    if (m)
        m->used = true;
    im->cols[c].kind = COL_IGNORED;
    im->cols[c].identifying = m ? m->kind != COL_IGNORED : !tool_column_ignored(im, norm);
    return true;
}

static void header_column(struct importer *im, size_t c, char *text)
{
    struct column *col = &im->cols[c];
    char *trimmed = import_trim(text);
    if (!*trimmed) {
        col->kind = COL_EMPTY;
        return;
    }
    col->header = xstrdup(trimmed);
    char *norm = import_normalise(trimmed);
    struct map_entry *m = import_map_find(im, norm);
    char *statement = statement_of(im, trimmed);
    if (!m && statement) {
        /* A grid column may be mapped by its statement alone. */
        char *snorm = import_normalise(statement);
        m = import_map_find(im, snorm);
        free(snorm);
    }
    long item;
    if (left_out_as_identifying(im, c, trimmed, norm, m)) {
        /* said once every row is in */
    } else if (m) {
        m->used = true;
        col->field = m->field;
        if (m->kind != COL_UNKNOWN)
            assign(im, c, m->kind, m->item, 0);
        else
            col->kind = COL_IGNORED; /* the map's own error says why */
    } else if ((item = answerable_item(im->r, trimmed)) >= 0 ||
               (item = answerable_item(im->r, norm)) >= 0) {
        assign(im, c, COL_ITEM, (size_t)item, 0);
    } else if ((item = rules_find_item(im->r, trimmed)) >= 0) {
        struct strbuf msg = STRBUF_INIT;
        import_header_quoted(&msg, col);
        strbuf_addf(&msg, " names item '%s', which ", im->r->items[item].id);
        rules_describe_unanswerable(im->r, &im->r->items[item], &msg);
        strbuf_adds(&msg, "; map it to 'ignore' with --map");
        import_cell_error(im, col->row, c + 1, strbuf_str(&msg));
        strbuf_release(&msg);
        col->kind = COL_IGNORED;
    } else if (!match_by_name(im, c, norm)) {
        match_by_text(im, c, norm, statement);
    }
    char *snorm = statement ? import_normalise(statement) : NULL;
    import_column_scale(im, c, m, norm, snorm);
    free(snorm);
    free(statement);
    free(norm);
}

/* After the header: where each respondent's id, organisation and date come from. */
static void header_sources(struct importer *im)
{
    const struct rules *r = im->r;
    im->id_col = im->respondent_col >= 0 ? im->respondent_col : im->id_col;
    for (int k = 0; k < DATE_RANKS && im->date_col < 0; k++)
        im->date_col = im->date_cols[k];
    if (im->o->organisation)
        im->org_col = -1;
    if (im->o->date)
        im->date_col = -1;
    if (!im->o->organisation && im->org_col < 0)
        import_diag(im, DIAG_ERROR, 0, 0,
                    "no organisation: give it with --organisation NAME "
                    "(the export has no 'organisation' column)");
    if (!im->o->date && im->date_col < 0)
        import_diag(im, DIAG_ERROR, 0, 0,
                    "no date: give the assessment date with --date "
                    "YYYY-MM-DD (the export has no 'Completion time', "
                    "'Timestamp' or 'date' column)");
    size_t answerable = rules_answerable(r);
    if (im->res->questions == 0) {
        struct strbuf msg = STRBUF_INIT;
        strbuf_addf(&msg, "no column answers a question of model '%s'", r->id);
        import_add_right_export(im, &msg);
        import_row_diag(im, DIAG_ERROR, im->row, "%s", strbuf_str(&msg));
        strbuf_release(&msg);
        return;
    }
    im->res->unmatched = answerable - im->res->questions;
}

void import_process_header(struct importer *im)
{
    struct record *rec = &im->rec;
    if (rec->n > IMPORT_COLUMNS_MAX) {
        import_diag(im, DIAG_ERROR, im->row, IMPORT_COLUMNS_MAX + 1, "more than %d columns",
                    IMPORT_COLUMNS_MAX);
        im->stop = true;
        return;
    }
    if (rec->n == 1 && strpbrk(rec->bytes.buf, ";\t")) {
        fatal_at(im, 1,
                 "the header row is one column with ';' or tabs in it; save the export "
                 "as 'CSV UTF-8 (Comma delimited)'");
        return;
    }
    im->have_header = true;
    im->header_row = im->row;
    im->n_cols = rec->n;
    im->cols = xcalloc(rec->n, sizeof(*im->cols));
    for (size_t c = 0; c < rec->n; c++) {
        im->cols[c].row = im->header_rows ? im->header_rows[c] : im->row;
        header_column(im, c, rec->bytes.buf + rec->cells[c].off);
    }
    import_map_warn_unused(im);
    import_scales_check_used(im);
    header_sources(im);
}

/*
 * A column mapped to comments whose filled cells are all short words (no spaces) and
 * all different, two or more of them: staff numbers, initials, names of one word. They
 * say who wrote the rest of the row, so they are left out.
 */
static bool cells_look_like_ids(const struct importer *im, size_t c)
{
    enum { SHORT_TOKEN_MAX = 20 };
    const char **v = xcalloc(im->n_comments + 1, sizeof(*v));
    size_t n = 0;
    bool tokens = true;
    for (size_t k = 0; k < im->n_comments && tokens; k++) {
        const struct pending_comment *pc = &im->comments[k];
        if (pc->column != c)
            continue;
        tokens = strlen(pc->text) <= SHORT_TOKEN_MAX && !strpbrk(pc->text, " \t\n");
        v[n++] = pc->text;
    }
    bool distinct = tokens && n >= 2;
    for (size_t a = 0; distinct && a < n; a++)
        for (size_t b = a + 1; distinct && b < n; b++)
            distinct = strcmp(v[a], v[b]) != 0;
    free(v);
    return distinct;
}

/* One warning for every column left out because it names or identifies people. */
static void warn_identifying(struct importer *im)
{
    struct strbuf msg = STRBUF_INIT;
    size_t n = 0, first = 0;
    for (size_t c = 0; c < im->n_cols; c++) {
        if (!im->cols[c].identifying)
            continue;
        if (n++ == 0)
            first = c;
        else
            strbuf_adds(&msg, ", ");
        text_add_quoted(&msg, im->cols[c].header, QUOTE_MAX);
    }
    if (n)
        import_diag(im, DIAG_WARNING, im->cols[first].row, first + 1,
                    "column%s %s name%s or identif%s people, so %s left out of the answers "
                    "files, even where mapped (docs/privacy.md)",
                    n == 1 ? "" : "s", strbuf_str(&msg), n == 1 ? "s" : "", n == 1 ? "ies" : "y",
                    n == 1 ? "it is" : "they are");
    strbuf_release(&msg);
}

/*
 * A column near no question was taken for free text. Once every row is in: one whose
 * cells are all answers (numbers, n/a) is a question of another model or a typo too far
 * off to guess, and stays the error it always was; otherwise it is left out, said once:
 * only a column mapped to comments is kept as comments, unless its cells look like
 * identifiers. Then the comments kept go into their files.
 */
void import_settle_comments(struct importer *im)
{
    for (size_t c = 0; c < im->n_cols; c++) {
        struct column *col = &im->cols[c];
        if (col->kind == COL_COMMENT && !col->guessed && cells_look_like_ids(im, c)) {
            col->kind = COL_IGNORED;
            col->identifying = true;
        }
        if (col->kind != COL_COMMENT || !col->guessed)
            continue;
        col->kind = COL_IGNORED;
        if (col->n_answers && !col->n_text) {
            char *norm = import_normalise(col->header);
            report_unknown_column(im, c, norm, NULL);
            free(norm);
            continue;
        }
        struct strbuf msg = STRBUF_INIT;
        import_header_quoted(&msg, col);
        size_t n = col->n_text + col->n_answers;
        strbuf_addf(&msg, " is not a question of model '%s'", im->r->id);
        if (n)
            strbuf_addf(&msg,
                        "; its %zu answer%s %s left out (map it to 'comments' with --map to "
                        "keep %s as comments)",
                        n, n == 1 ? "" : "s", n == 1 ? "is" : "are", n == 1 ? "it" : "them");
        else
            strbuf_adds(&msg, " and is empty; it is left out");
        import_diag(im, DIAG_WARNING, col->row, c + 1, "%s", strbuf_str(&msg));
        strbuf_release(&msg);
    }
    warn_identifying(im);
    import_add_comments(im);
}
