/*
 * import_scale.c - the scale a column's numbers are written on, and the labels a
 * mapping file gives numbers. A survey tool may number a 0 to 10 question 1 to 11
 * (Qualtrics' default recode), or ask on a 1 to 5 scale; read as they are, those numbers
 * would be wrong without a word. So a scale is stated (--scale, or "scale:" in the
 * mapping file) and rescaled linearly and exactly onto the model's; and a column with
 * no stated scale whose numbers fit such a scale better than the model's is refused,
 * once every row is in, with the option that would read it.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "diag.h"
#include "exact.h"
#include "import_diag.h"
#include "import_scale.h"
#include "import_text.h"
#include "importer.h"
#include "rules.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* Scale ends beyond this are refused: no survey numbers its answers so far out. */
enum { SCALE_END_MAX = 1000000 };

/*
 * The largest top of a 1..N scale that a column with no stated scale may be taken for,
 * and how many numbers a column needs before it is (a column with fewer is, when
 * another column of the export is).
 */
enum { SHRUNK_TOP_MAX = 7, SHRUNK_MIN_ANSWERS = 5 };

/* A whole number, optionally signed, from s to end; false when it is not one. */
static bool whole(const char *s, const char *end, long *out)
{
    const char *p = s;
    if (p < end && (*p == '-' || *p == '+'))
        p++;
    if (p == end)
        return false;
    for (const char *q = p; q < end; q++)
        if (*q < '0' || *q > '9')
            return false;
    if (end - p > 7)
        return false;
    char num[16];
    memcpy(num, s, (size_t)(end - s));
    num[end - s] = '\0';
    *out = strtol(num, NULL, 10);
    return *out >= -SCALE_END_MAX && *out <= SCALE_END_MAX;
}

int import_scale_range(const char *s, struct import_scale *out)
{
    const char *dots = strstr(s, "..");
    long lo, hi;
    if (!dots || !whole(s, dots, &lo) || !whole(dots + 2, s + strlen(s), &hi) || lo >= hi)
        return -1;
    out->set = true;
    out->lo = lo;
    out->hi = hi;
    return 0;
}

int import_scale_parse(const char *s, char **column, long *lo, long *hi)
{
    const char *eq = strrchr(s, '=');
    struct import_scale sc;
    *column = NULL;
    if (import_scale_range(eq ? eq + 1 : s, &sc) != 0)
        return -1;
    if (eq) {
        char *name = xstrndup(s, (size_t)(eq - s));
        char *norm = import_normalise(name);
        bool empty = !*norm;
        free(norm);
        if (empty) {
            free(name);
            return -1;
        }
        *column = name;
    }
    *lo = sc.lo;
    *hi = sc.hi;
    return 0;
}

bool import_scales_load(struct importer *im)
{
    const struct import_options *o = im->o;
    bool ok = true, all = false;
    if (!o->n_scales)
        return true;
    im->scales = xcalloc(o->n_scales, sizeof(*im->scales));
    for (size_t i = 0; i < o->n_scales; i++) {
        char *column;
        long lo, hi;
        struct strbuf shown = STRBUF_INIT;
        text_add_quoted(&shown, o->scales[i], QUOTE_MAX);
        if (import_scale_parse(o->scales[i], &column, &lo, &hi) != 0) {
            diag_error(im->d, NULL, 0, 0,
                       "--scale takes LO..HI or 'COLUMN=LO..HI' (whole numbers, LO below HI, "
                       "such as 1..11), not %s",
                       strbuf_str(&shown));
            ok = false;
        } else if (!column && all) {
            diag_error(im->d, NULL, 0, 0,
                       "--scale %s is a second scale for every column; give one, and "
                       "'COLUMN=LO..HI' for the columns that differ",
                       strbuf_str(&shown));
            ok = false;
        } else {
            char *norm = column ? import_normalise(column) : NULL;
            bool twice = false;
            for (size_t k = 0; norm && k < im->n_scales && !twice; k++)
                twice = im->scales[k].header && strcmp(im->scales[k].header, norm) == 0;
            if (twice) {
                diag_error(im->d, NULL, 0, 0, "--scale %s names a column named before",
                           strbuf_str(&shown));
                free(norm);
                ok = false;
            } else {
                struct scale_option *so = &im->scales[im->n_scales++];
                so->header = norm;
                so->given = o->scales[i];
                so->scale = (struct import_scale){true, lo, hi};
                all = all || !column;
            }
        }
        free(column);
        strbuf_release(&shown);
    }
    return ok;
}

static struct scale_option *scale_option_for(struct importer *im, const char *norm)
{
    for (size_t i = 0; norm && i < im->n_scales; i++)
        if (im->scales[i].header && strcmp(im->scales[i].header, norm) == 0)
            return &im->scales[i];
    return NULL;
}

void import_column_scale(struct importer *im, size_t c, const struct map_entry *m, const char *norm,
                         const char *statement_norm)
{
    struct column *col = &im->cols[c];
    struct scale_option *so = scale_option_for(im, norm);
    if (!so)
        so = scale_option_for(im, statement_norm);
    if (so) {
        so->used = true;
        if (col->kind != COL_ITEM) {
            struct strbuf msg = STRBUF_INIT;
            strbuf_adds(&msg, "--scale names ");
            import_header_quoted(&msg, col);
            strbuf_adds(&msg, ", which answers no question");
            import_cell_error(im, col->row, c + 1, strbuf_str(&msg));
            strbuf_release(&msg);
            return;
        }
    }
    if (col->kind != COL_ITEM)
        return;
    /* A column's own scale wins over every column's; between two of one kind, the
       command line's wins over the mapping file's. */
    const struct scale_option *all = NULL;
    for (size_t i = 0; i < im->n_scales && !all; i++)
        if (!im->scales[i].header)
            all = &im->scales[i];
    if (so)
        col->scale = so->scale;
    else if (m && m->scale.set)
        col->scale = m->scale;
    else if (all)
        col->scale = all->scale;
    else
        col->scale = im->scale_all;
    col->values = m && m->values.n ? &m->values : im->values_all.n ? &im->values_all : NULL;
    im->any_values = im->any_values || col->values;
}

void import_scales_check_used(struct importer *im)
{
    for (size_t i = 0; i < im->n_scales; i++) {
        if (!im->scales[i].header || im->scales[i].used)
            continue;
        struct strbuf shown = STRBUF_INIT;
        text_add_quoted(&shown, im->scales[i].given, QUOTE_MAX);
        import_diag(im, DIAG_ERROR, 0, 0,
                    "--scale %s names a column this export does not have; name it as its "
                    "header reads (or a grid column by its statement)",
                    strbuf_str(&shown));
        strbuf_release(&shown);
    }
}

/*
 * v on LO..HI to the model's MIN..MAX: MIN + (v - LO) * (MAX - MIN) / (HI - LO), in
 * integers of EXACT_SCALE with one rounding (half away from zero) at the end, so 1..5
 * lands on 0, 2.5, 5, 7.5, 10 exactly and 1..7 on 0, 1.667, 3.333, ...
 */
double import_rescale(const struct importer *im, const struct import_scale *s, double v)
{
    const struct rules *r = im->r;
    int64_t units = (int64_t)llround(v * EXACT_SCALE);
    int64_t num = (units - (int64_t)s->lo * EXACT_SCALE) * (int64_t)(r->scale_max - r->scale_min);
    int64_t den = (int64_t)(s->hi - s->lo);
    int64_t q = num / den, rem = num % den;
    if (2 * (rem < 0 ? -rem : rem) >= den)
        q += num < 0 ? -1 : 1;
    int64_t out = (int64_t)r->scale_min * EXACT_SCALE + q;
    return out == 0 ? 0 : (double)out / EXACT_SCALE;
}

bool import_value_label(const struct value_map *vm, const char *norm, enum answer_state *state,
                        double *value)
{
    for (size_t i = 0; vm && i < vm->n; i++) {
        if (strcmp(vm->v[i].label, norm) == 0) {
            *state = vm->v[i].state;
            *value = vm->v[i].value;
            return true;
        }
    }
    return false;
}

/* Distinct labels kept for the message; past this many, only counted. */
enum { LABELS_KEPT = 1000, LABELS_SHOWN = 12 };

void import_count_label(struct importer *im, const char *cell, size_t row, size_t column)
{
    char *norm = import_normalise(cell);
    for (size_t i = 0; i < im->n_labels; i++) {
        char *other = import_normalise(im->labels[i].label);
        bool same = strcmp(other, norm) == 0;
        free(other);
        if (same) {
            im->labels[i].n++;
            free(norm);
            return;
        }
    }
    free(norm);
    if (im->n_labels == LABELS_KEPT)
        return;
    XGROW(im->labels, im->n_labels + 1, im->labels_alloc);
    im->labels[im->n_labels++] = (struct label_count){xstrdup(cell), 1, row, column};
}

/* Appends the option that states column c's scale as LO..HI, quoted for a shell: a grid
   column of a several-row header by its statement, which --scale takes too. */
static void add_scale_option(const struct importer *im, struct strbuf *msg,
                             const struct column *col, long lo, long hi)
{
    struct strbuf arg = STRBUF_INIT;
    const char *name = col->header, *dash = NULL;
    for (const char *p = strstr(name, " - "); im->layout != LAYOUT_SINGLE && p;
         p = strstr(p + 1, " - "))
        dash = p;
    text_add_safe(&arg, dash ? dash + 3 : name, true);
    strbuf_addf(&arg, "=%ld..%ld", lo, hi);
    char q = strchr(strbuf_str(&arg), '\'') ? '"' : '\'';
    strbuf_addf(msg, "--scale %c%s%c", q, strbuf_str(&arg), q);
    strbuf_release(&arg);
}

static void column_error(struct importer *im, size_t c, const char *msg)
{
    import_cell_error(im, im->cols[c].row, c + 1, msg);
}

/* The answers one above the scale's top, kept until now, reported as any off-scale one. */
static void report_above(struct importer *im, size_t c)
{
    const struct column *col = &im->cols[c];
    size_t kept = col->n_above < ABOVE_KEPT ? col->n_above : ABOVE_KEPT;
    for (size_t k = 0; k < kept; k++) {
        struct strbuf what = STRBUF_INIT, shown = STRBUF_INIT, msg = STRBUF_INIT;
        strbuf_addf(&what, "the answer to '%s'", im->r->items[col->item].id);
        strbuf_addf(&shown, "'%ld'", im->r->scale_max + 1);
        answers_msg_off_scale(&msg, im->r, strbuf_str(&what), strbuf_str(&shown));
        import_cell_error(im, col->above_rows[k], c + 1, strbuf_str(&msg));
        strbuf_release(&msg);
        strbuf_release(&shown);
        strbuf_release(&what);
    }
}

/* Whole numbers from 1 to at most SHRUNK_TOP_MAX, on a model from 0 to 10 or more. */
static bool fits_shrunk(const struct importer *im, const struct column *col)
{
    const struct rules *r = im->r;
    return !col->fraction && !col->off_scale && !col->n_above && r->scale_min == 0 &&
           r->scale_max >= 10 && col->vmin >= 1 && col->vmax <= SHRUNK_TOP_MAX;
}

/* A whole number a message names, held to what a long can hold: a cell may say 1e38. */
static long whole_number(double v)
{
    return v <= (double)LONG_MIN ? LONG_MIN : v >= (double)LONG_MAX ? LONG_MAX : (long)v;
}

static void check_column(struct importer *im, size_t c, bool shrunk_seen)
{
    const struct rules *r = im->r;
    struct column *col = &im->cols[c];
    long lo = whole_number(col->vmin), hi = whole_number(col->vmax);
    struct strbuf msg = STRBUF_INIT;
    import_header_quoted(&msg, col);
    if (col->n_above && !col->off_scale && !col->fraction &&
        col->vmin >= (double)(r->scale_min + 1)) {
        strbuf_addf(&msg,
                    " has whole numbers from %ld to %ld, one above the model's %ld to %ld: a "
                    "scale numbered from %ld, as Qualtrics' numeric values are? Read them with ",
                    lo, hi, r->scale_min, r->scale_max, r->scale_min + 1);
        add_scale_option(im, &msg, col, r->scale_min + 1, r->scale_max + 1);
        column_error(im, c, strbuf_str(&msg));
    } else if (col->n_above) {
        report_above(im, c);
    } else if (fits_shrunk(im, col) && (col->n_num >= SHRUNK_MIN_ANSWERS || shrunk_seen)) {
        strbuf_addf(&msg,
                    " has only whole numbers from %ld to %ld, as a scale from 1 to %ld (or "
                    "more) gives, not the model's %ld to %ld; say which: ",
                    lo, hi, hi, r->scale_min, r->scale_max);
        add_scale_option(im, &msg, col, 1, hi);
        strbuf_addf(&msg,
                    " (with the form's top, if above %ld; --scale 1..%ld for every column) "
                    "rescales them, ",
                    hi, hi);
        add_scale_option(im, &msg, col, r->scale_min, r->scale_max);
        strbuf_adds(&msg, " reads them as they are");
        column_error(im, c, strbuf_str(&msg));
    }
    strbuf_release(&msg);
}

/* One error for every label met that no value map gives, with how often. */
static void report_labels(struct importer *im)
{
    size_t total = 0;
    for (size_t i = 0; i < im->n_labels; i++)
        total += im->labels[i].n;
    struct strbuf msg = STRBUF_INIT;
    strbuf_addf(&msg, "%zu answer%s %s label%s the value maps do not give: ", total,
                total == 1 ? "" : "s", total == 1 ? "is a" : "are", total == 1 ? "" : "s");
    for (size_t i = 0; i < im->n_labels && i < LABELS_SHOWN; i++) {
        if (i)
            strbuf_adds(&msg, ", ");
        text_add_quoted(&msg, im->labels[i].label, QUOTE_MAX);
        strbuf_addf(&msg, " (%zu)", im->labels[i].n);
    }
    if (im->n_labels > LABELS_SHOWN)
        strbuf_addf(&msg, " and %zu more", im->n_labels - LABELS_SHOWN);
    strbuf_adds(&msg, "; give each a number, n/a or unknown under 'values:' in the mapping file");
    import_cell_error(im, im->labels[0].row, im->labels[0].column, strbuf_str(&msg));
    strbuf_release(&msg);
}

/* Qualtrics' numeric values carry no recode: columns of bare numbers, with no stated
   scale, are not read, and one error says so for them all. */
static bool qualtrics_numbers(struct importer *im)
{
    const struct rules *r = im->r;
    size_t n = 0, first = 0;
    for (size_t c = 0; im->layout == LAYOUT_QUALTRICS && c < im->n_cols; c++) {
        const struct column *col = &im->cols[c];
        if (col->kind == COL_ITEM && !col->scale.set && col->bare && !n++)
            first = c;
    }
    if (!n)
        return false;
    struct strbuf msg = STRBUF_INIT;
    strbuf_addf(&msg,
                "this Qualtrics export holds numeric values in %zu question column%s (the "
                "first: ",
                n, n == 1 ? "" : "s");
    import_header_quoted(&msg, &im->cols[first]);
    strbuf_addf(&msg,
                "), which Qualtrics numbers from 1 unless the survey recodes them (a 0 to %ld "
                "scale becomes 1 to %ld); say the scale they are on: --scale %ld..%ld, or "
                "--scale %ld..%ld when the survey's recode values are the model's (a column "
                "of its own with --scale 'COLUMN=LO..HI'), or export with 'Use choice text'",
                r->scale_max, r->scale_max + 1, r->scale_min + 1, r->scale_max + 1, r->scale_min,
                r->scale_max);
    column_error(im, first, strbuf_str(&msg));
    strbuf_release(&msg);
    return true;
}

/*
 * When no column has answers enough to be refused as a shorter scale, but every number
 * of every question column with no stated scale is a whole number from 1 to at most
 * SHRUNK_TOP_MAX (a small survey on a form's 1 to 5 scale, say), the numbers are read
 * as they are, and said so once, at the first such column: too few to tell, but not
 * silently.
 */
static void warn_small_shrunk(struct importer *im)
{
    const struct rules *r = im->r;
    size_t total = 0, first = 0;
    long lo = 0, hi = 0;
    for (size_t c = 0; c < im->n_cols; c++) {
        const struct column *col = &im->cols[c];
        if (col->kind != COL_ITEM || col->scale.set || !col->n_num)
            continue;
        if (!fits_shrunk(im, col))
            return;
        if (!total++ || (long)col->vmin < lo)
            lo = (long)col->vmin;
        if (total == 1)
            first = c;
        hi = (long)col->vmax > hi ? (long)col->vmax : hi;
    }
    if (!total)
        return;
    struct strbuf which = STRBUF_INIT;
    if (lo == hi)
        strbuf_addf(&which, "is %ld", lo);
    else
        strbuf_addf(&which, "is a whole number from %ld to %ld", lo, hi);
    import_diag(im, DIAG_WARNING, im->cols[first].row, first + 1,
                "every answer in numbers %s: too few answers to tell a form's scale from 1 "
                "to %ld from the model's %ld to %ld, so they are read as they are; if the "
                "form's scale starts at 1, say --scale 1..%ld (or its top); --scale %ld..%ld "
                "says they are on the model's, without this warning",
                strbuf_str(&which), hi, r->scale_min, r->scale_max, hi, r->scale_min, r->scale_max);
    strbuf_release(&which);
}

void import_check_scales(struct importer *im)
{
    if (im->n_labels)
        report_labels(im);
    if (qualtrics_numbers(im))
        return;
    bool shrunk_seen = false;
    for (size_t c = 0; c < im->n_cols; c++) {
        const struct column *col = &im->cols[c];
        if (col->kind == COL_ITEM && !col->scale.set && col->n_num >= SHRUNK_MIN_ANSWERS)
            shrunk_seen = shrunk_seen || fits_shrunk(im, col);
    }
    for (size_t c = 0; c < im->n_cols; c++) {
        const struct column *col = &im->cols[c];
        if (col->kind == COL_ITEM && !col->scale.set && col->n_num)
            check_column(im, c, shrunk_seen);
    }
    if (!shrunk_seen)
        warn_small_shrunk(im);
}

void import_scales_release(struct importer *im)
{
    for (size_t i = 0; i < im->n_scales; i++)
        free(im->scales[i].header);
    free(im->scales);
    for (size_t i = 0; i < im->n_labels; i++)
        free(im->labels[i].label);
    free(im->labels);
    for (size_t i = 0; i < im->values_all.n; i++)
        free(im->values_all.v[i].label);
    free(im->values_all.v);
}
