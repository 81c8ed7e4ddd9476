/*
 * import_answers.c - one cell read as an answer on the model's scale (a number, n/a,
 * unknown, or the scale's end words) or as the date of a response; and, once every row
 * is in, the dates settled: day or month first is decided for the whole column.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "date.h"
#include "diag.h"
#include "exact.h"
#include "import_answers.h"
#include "import_diag.h"
#include "import_scale.h"
#include "import_text.h"
#include "importer.h"
#include "rules.h"
#include "strbuf.h"
#include "text.h"
#include "textenc.h"
#include "xalloc.h"

/*
 * A number at the start of s: [+-]digits[.digits], then the end, or a space, ':' or ')'
 * and any words ("7 - mostly", "3: sometimes").
 */
static bool leading_number(const char *s, double *out)
{
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    if (!import_is_digit(*p))
        return false;
    while (import_is_digit(*p))
        p++;
    if (*p == '.') {
        p++;
        if (!import_is_digit(*p))
            return false;
        while (import_is_digit(*p))
            p++;
    }
    if (*p && *p != ':' && *p != ')' && !import_is_space((unsigned char)*p) &&
        !((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0))
        return false;
    size_t len = (size_t)(p - s);
    if (len > 40)
        return false;
    char num[48];
    memcpy(num, s, len);
    num[len] = '\0';
    *out = strtod(num, NULL);
    return true;
}

static bool is_one_of(const char *norm, const char *const *words)
{
    for (size_t i = 0; words[i]; i++)
        if (strcmp(norm, words[i]) == 0)
            return true;
    return false;
}

static const char *const na_words[] = {"n/a", "na", "not applicable", NULL};
static const char *const unknown_words[] = {"unknown", "don't know", "dont know", "do not know",
                                            NULL};

/*
 * "7,5" as "7.5" in a file whose separator is not ',' (textenc_decimal_comma), said
 * once in a warning at the first; the cell as it is otherwise. *buf holds the new text.
 */
static const char *decimal_point(struct importer *im, const char *cell, struct strbuf *buf,
                                 size_t row, size_t column)
{
    if (im->delimiter == ',' || !textenc_decimal_comma(cell, buf))
        return cell;
    if (!im->said_decimal_comma && row)
        import_diag(im, DIAG_WARNING, row, column,
                    "'%s' read as %s: a decimal comma, as the columns are not separated by "
                    "commas (said once)",
                    cell, strbuf_str(buf));
    im->said_decimal_comma = im->said_decimal_comma || row;
    return strbuf_str(buf);
}

/* True when a cell reads as an answer on a scale rather than as free text. */
bool import_looks_like_answer(struct importer *im, const char *cell)
{
    double v;
    struct strbuf buf = STRBUF_INIT;
    bool number = leading_number(decimal_point(im, cell, &buf, 0, 0), &v);
    strbuf_release(&buf);
    if (number)
        return true;
    char *norm = import_normalise(cell);
    bool yes = is_one_of(norm, na_words) || is_one_of(norm, unknown_words);
    free(norm);
    return yes;
}

/* The answer to item in an off-scale cell: said at once. */
static void off_scale(struct importer *im, size_t item, const char *cell, size_t row, size_t column,
                      const struct import_scale *sc)
{
    const struct rules *r = im->r;
    struct strbuf what = STRBUF_INIT, shown = STRBUF_INIT, msg = STRBUF_INIT;
    strbuf_addf(&what, "the answer to '%s'", r->items[item].id);
    text_add_quoted(&shown, cell, 40);
    if (sc)
        strbuf_addf(&msg, "%s must be from %ld to %ld (the column's scale as stated), not %s",
                    strbuf_str(&what), sc->lo, sc->hi, strbuf_str(&shown));
    else
        answers_msg_off_scale(&msg, r, strbuf_str(&what), strbuf_str(&shown));
    import_cell_error(im, row, column, strbuf_str(&msg));
    strbuf_release(&msg);
    strbuf_release(&shown);
    strbuf_release(&what);
}

/* A number v of column col: on its stated scale, rescaled; else noted for the scale check. */
static void read_number(struct importer *im, struct column *col, double v, bool bare,
                        const char *cell, size_t row, size_t column)
{
    const struct rules *r = im->r;
    size_t item = col->item;
    if (col->scale.set) {
        if (v >= (double)col->scale.lo && v <= (double)col->scale.hi) {
            im->state[item] = ANSWER_SCORE;
            im->value[item] = import_rescale(im, &col->scale, v);
        } else {
            off_scale(im, item, cell, row, column, &col->scale);
        }
        return;
    }
    bool whole_number = v == floor(v);
    col->vmin = col->n_num && col->vmin < v ? col->vmin : v;
    col->vmax = col->n_num && col->vmax > v ? col->vmax : v;
    col->n_num++;
    col->fraction = col->fraction || !whole_number;
    col->bare = col->bare || bare;
    if (v >= (double)r->scale_min && v <= (double)r->scale_max) {
        im->state[item] = ANSWER_SCORE;
        im->value[item] = v == 0 ? 0 : v; /* never -0 */
    } else if (whole_number && v == (double)(r->scale_max + 1)) {
        /* Perhaps a scale numbered one up: settled by import_check_scales. */
        if (col->n_above < ABOVE_KEPT)
            col->above_rows[col->n_above] = row;
        col->n_above++;
    } else {
        col->off_scale = true;
        off_scale(im, item, cell, row, column, NULL);
    }
}

void import_read_answer(struct importer *im, size_t item, const char *cell, size_t row,
                        size_t column)
{
    const struct rules *r = im->r;
    struct column *col = &im->cols[column - 1];
    double v;
    if (!*cell) {
        im->state[item] = ANSWER_NONE;
        return;
    }
    char *norm = import_normalise(cell);
    enum answer_state label_state;
    if (import_value_label(col->values, norm, &label_state, &v)) {
        /* The mapping file's own label wins: its numbers are on the model's scale. */
        im->state[item] = label_state;
        im->value[item] = v;
        free(norm);
        return;
    }
    struct strbuf point = STRBUF_INIT;
    const char *num = decimal_point(im, cell, &point, row, column);
    bool number = leading_number(num, &v);
    bool bare = number && strspn(num, "+-.0123456789") == strlen(num);
    strbuf_release(&point);
    if (number) {
        double scaled = v * EXACT_SCALE;
        if (fabs(scaled - round(scaled)) > 1e-6 * fmax(1.0, fabs(scaled))) {
            /* The answers file written would be refused: say so here, at the cell. */
            struct strbuf msg = STRBUF_INIT;
            strbuf_addf(&msg, "the answer to '%s' has more than %d decimal places, not ",
                        r->items[item].id, EXACT_PLACES);
            text_add_quoted(&msg, cell, 40);
            strbuf_addf(&msg, "; answers are held exactly to %d places, so round it", EXACT_PLACES);
            import_cell_error(im, row, column, strbuf_str(&msg));
            strbuf_release(&msg);
        } else {
            read_number(im, col, v, bare, cell, row, column);
        }
    } else if (is_one_of(norm, na_words)) {
        im->state[item] = ANSWER_NA;
    } else if (is_one_of(norm, unknown_words)) {
        im->state[item] = ANSWER_UNKNOWN;
    } else if (im->lows[item] && strcmp(norm, im->lows[item]) == 0) {
        im->state[item] = ANSWER_SCORE;
        im->value[item] = (double)r->scale_min;
    } else if (im->highs[item] && strcmp(norm, im->highs[item]) == 0) {
        im->state[item] = ANSWER_SCORE;
        im->value[item] = (double)r->scale_max;
    } else if (im->any_values) {
        import_count_label(im, cell, row, column);
    } else {
        struct strbuf what = STRBUF_INIT, shown = STRBUF_INIT, msg = STRBUF_INIT;
        strbuf_addf(&what, "the answer to '%s'", r->items[item].id);
        text_add_quoted(&shown, cell, 40);
        answers_msg_not_answer(&msg, r, strbuf_str(&what), strbuf_str(&shown));
        import_cell_error(im, row, column, strbuf_str(&msg));
        /* Words where numbers were wanted are most often a Likert or grid question's
           labels: the first such error says, once, what reads them. */
        if (!im->said_label_hint)
            diag_note(im->d, "if the answers are labels (a Likert or grid question's), give "
                             "each a number under 'values:' in a mapping file, with --map FILE "
                             "(docs/import.md, Labels)");
        im->said_label_hint = true;
        strbuf_release(&msg);
        strbuf_release(&shown);
        strbuf_release(&what);
    }
    free(norm);
}

/* Reads up to max digits at *p into *v; returns how many. */
static size_t read_digits(const char **p, int *v)
{
    size_t n = 0;
    *v = 0;
    while (import_is_digit(**p) && n < 5) {
        *v = *v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    return n;
}

/*
 * The date part of a timestamp: "2026-09-30 14:03:00", "2026/09/30 2:03:00 PM GMT+1",
 * "9/30/2026 14:03:00" (day or month first: settled over the whole column),
 * "30.09.2026". Whatever follows a space, 'T' or ',' is the time and is not read.
 */
static bool parse_date(const char *s, struct pending_date *pd)
{
    const char *p = s;
    int v[3];
    size_t w[3];
    char sep = 0;
    for (int k = 0; k < 3; k++) {
        w[k] = read_digits(&p, &v[k]);
        if (w[k] == 0)
            return false;
        if (k == 2)
            break;
        if (*p != '-' && *p != '/' && *p != '.')
            return false;
        if (sep && *p != sep)
            return false;
        sep = *p++;
    }
    if (*p && *p != ' ' && *p != 'T' && *p != ',')
        return false;
    if (w[0] == 4 && w[1] <= 2 && w[2] <= 2) {
        pd->form = DATE_YMD;
        pd->y = v[0], pd->a = v[1], pd->b = v[2];
    } else if (w[0] <= 2 && w[1] <= 2 && w[2] == 4) {
        pd->form = sep == '.' ? DATE_DMY : DATE_PAIR;
        pd->y = v[2], pd->a = v[0], pd->b = v[1];
    } else {
        return false;
    }
    size_t len = (size_t)(p - s);
    memcpy(pd->shown, s, len);
    pd->shown[len] = '\0';
    return true;
}

/* Records the row's date to check once every row is in; false (diagnosed) if unreadable. */
bool import_read_date(struct importer *im, const char *cell, size_t row, size_t column, long file)
{
    struct pending_date pd = {.row = row, .column = column, .file = file};
    if (!parse_date(cell, &pd)) {
        struct strbuf msg = STRBUF_INIT;
        if (*cell) {
            strbuf_adds(&msg, "cannot read the date ");
            text_add_quoted(&msg, cell, 40);
        } else {
            strbuf_adds(&msg, "no date");
        }
        strbuf_adds(&msg, " in ");
        import_header_quoted(&msg, &im->cols[column - 1]);
        strbuf_adds(&msg, "; give the assessment date with --date YYYY-MM-DD");
        import_cell_error(im, row, column, strbuf_str(&msg));
        strbuf_release(&msg);
        return false;
    }
    XGROW(im->dates, im->n_dates + 1, im->dates_alloc);
    im->dates[im->n_dates++] = pd;
    return true;
}

/* ---- dates, once every row is in ---- */

static void date_error(struct importer *im, const struct pending_date *pd, const char *what)
{
    struct strbuf msg = STRBUF_INIT;
    strbuf_adds(&msg, "the date ");
    text_add_quoted(&msg, pd->shown, 40);
    strbuf_addf(&msg, " %s; give the assessment date with --date YYYY-MM-DD", what);
    import_cell_error(im, pd->row, pd->column, strbuf_str(&msg));
    strbuf_release(&msg);
}

/*
 * "3/4/2026" is 3 April in Britain and March 4 in America. One export writes every date
 * one way, so any row whose day is past 12 settles the order for the whole column; with
 * none, a date whose day and month differ cannot be read.
 */
void import_resolve_dates(struct importer *im)
{
    const struct pending_date *day_first = NULL, *month_first = NULL, *unsure = NULL;
    for (size_t i = 0; i < im->n_dates; i++) {
        const struct pending_date *pd = &im->dates[i];
        if (pd->form != DATE_PAIR)
            continue;
        if (pd->a > 12 && !day_first)
            day_first = pd;
        if (pd->b > 12 && !month_first)
            month_first = pd;
        if (pd->a != pd->b && pd->a <= 12 && pd->b <= 12 && !unsure)
            unsure = pd;
    }
    if (day_first && month_first) {
        const struct pending_date *later =
            day_first->row > month_first->row ? day_first : month_first;
        const struct pending_date *earlier = later == day_first ? month_first : day_first;
        struct strbuf what = STRBUF_INIT;
        strbuf_addf(&what, "is written %s first, but row %zu's is %s first",
                    later == day_first ? "day" : "month", earlier->row,
                    later == day_first ? "month" : "day");
        date_error(im, later, strbuf_str(&what));
        strbuf_release(&what);
        return;
    }
    if (unsure && !day_first && !month_first) {
        date_error(im, unsure,
                   "could be day/month/year or month/day/year, and no date in the "
                   "column tells which");
        return;
    }
    for (size_t i = 0; i < im->n_dates; i++) {
        const struct pending_date *pd = &im->dates[i];
        int month = pd->a, day = pd->b;
        if (pd->form == DATE_DMY || (pd->form == DATE_PAIR && day_first))
            month = pd->b, day = pd->a;
        char iso[16];
        snprintf(iso, sizeof(iso), "%04d-%02d-%02d", pd->y % 10000, month % 100, day % 100);
        if (!date_valid(iso)) {
            date_error(im, pd, "is not a calendar date");
            continue;
        }
        if (pd->file >= 0 && im->d->errors == im->errors_before)
            memcpy(im->res->files[pd->file].text + pd->date_at, iso, 10);
    }
}
