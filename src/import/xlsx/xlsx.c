/*
 * xlsx.c - a workbook's parts around its worksheets: the sheet list and date system
 * (xl/workbook.xml), where each sheet is (xl/_rels/workbook.xml.rels), the shared
 * strings and the cell formats; then the chosen worksheet through xlsx_sheet.c.
 */
#include "xlsx.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"
#include "xlsx_sheet.h"

#define XLSX_WORKBOOK "xl/workbook.xml"
#define XLSX_RELS "xl/_rels/workbook.xml.rels"
#define XLSX_STRINGS "xl/sharedStrings.xml"
#define XLSX_STYLES "xl/styles.xml"

struct sheet_entry {
    char *name, *rid;
    bool hidden; /* state="hidden" or "veryHidden": never read unless named */
};

struct rel {
    char *id, *target, *type;
};

struct workbook_read {
    struct xlsx_book *b;
    struct sheet_entry *sheets;
    size_t nsheets, asheets;
    struct rel *rels;
    size_t nrels, arels;
};

/* "1", "true" or "on" (xsd:boolean and what older writers put). */
static bool attr_true(const char *v)
{
    return v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0 || strcmp(v, "on") == 0);
}

static bool parse_index(const char *s, unsigned long *out)
{
    char *end;
    if (!s || *s < '0' || *s > '9')
        return false;
    errno = 0;
    *out = strtoul(s, &end, 10);
    return errno == 0 && *end == '\0';
}

static void workbook_start(struct xlsx_parse *ps, const char *name, const char **attrs)
{
    struct workbook_read *w = xlsx_parse_ctx(ps);
    if (strcmp(name, "workbookPr") == 0) {
        w->b->date1904 = attr_true(xlsx_attr(attrs, "date1904"));
    } else if (strcmp(name, "sheet") == 0) {
        const char *sheet = xlsx_attr(attrs, "name"), *rid = xlsx_attr(attrs, "id");
        if (!sheet || !rid)
            return;
        if (w->nsheets == XLSX_SHEETS_MAX) {
            diag_error(w->b->zip.d, w->b->zip.name, 0, 0,
                       "the workbook has more than %d sheets, the limit", XLSX_SHEETS_MAX);
            xlsx_parse_stop(ps);
            return;
        }
        const char *state = xlsx_attr(attrs, "state");
        XGROW(w->sheets, w->nsheets + 1, w->asheets);
        w->sheets[w->nsheets].name = xstrdup(sheet);
        w->sheets[w->nsheets].hidden = state && strcmp(state, "visible") != 0;
        w->sheets[w->nsheets++].rid = xstrdup(rid);
    }
}

static void rels_start(struct xlsx_parse *ps, const char *name, const char **attrs)
{
    struct workbook_read *w = xlsx_parse_ctx(ps);
    const char *id = xlsx_attr(attrs, "Id"), *target = xlsx_attr(attrs, "Target");
    const char *type = xlsx_attr(attrs, "Type");
    if (strcmp(name, "Relationship") != 0 || !id || !target)
        return;
    if (w->nrels == XLSX_ENTRIES_MAX) {
        diag_error(w->b->zip.d, w->b->zip.name, 0, 0,
                   "not a workbook: more than %d relationships in %s", XLSX_ENTRIES_MAX, XLSX_RELS);
        xlsx_parse_stop(ps);
        return;
    }
    XGROW(w->rels, w->nrels + 1, w->arels);
    w->rels[w->nrels].id = xstrdup(id);
    w->rels[w->nrels].target = xstrdup(target);
    w->rels[w->nrels++].type = xstrdup(type ? type : "");
}

/* Shared strings: each si's text, from its t or the t of its rich text runs (r), but
   not its phonetic reading (rPh). */
struct strings_read {
    struct xlsx_book *b;
    bool in_si, in_t;
    unsigned in_rph;
};

static void strings_start(struct xlsx_parse *ps, const char *name, const char **attrs)
{
    struct strings_read *s = xlsx_parse_ctx(ps);
    struct xlsx_book *b = s->b;
    (void)attrs;
    if (strcmp(name, "si") == 0) {
        if (b->nstrings == XLSX_STRINGS_MAX) {
            diag_error(b->zip.d, b->zip.name, 0, 0,
                       "the workbook has more than %d shared strings, the limit", XLSX_STRINGS_MAX);
            xlsx_parse_stop(ps);
            return;
        }
        XGROW(b->strings, b->nstrings + 1, b->astrings);
        b->strings[b->nstrings].off = b->pool.len;
        b->strings[b->nstrings].len = 0;
        s->in_si = true;
    } else if (strcmp(name, "rPh") == 0) {
        s->in_rph++;
    } else if (strcmp(name, "t") == 0 && s->in_si && !s->in_rph) {
        s->in_t = true;
    }
}

static void strings_end(struct xlsx_parse *ps, const char *name)
{
    struct strings_read *s = xlsx_parse_ctx(ps);
    struct xlsx_book *b = s->b;
    if (strcmp(name, "si") == 0 && s->in_si) {
        struct xlsx_string *str = &b->strings[b->nstrings];
        if (b->pool.len > str->off) {
            str->len = xlsx_unescape(b->pool.buf + str->off, b->pool.len - str->off);
            b->pool.len = str->off + str->len;
            b->pool.buf[b->pool.len] = '\0';
        }
        b->nstrings++;
        s->in_si = false;
    } else if (strcmp(name, "rPh") == 0 && s->in_rph) {
        s->in_rph--;
    } else if (strcmp(name, "t") == 0) {
        s->in_t = false;
    }
}

static void strings_text(struct xlsx_parse *ps, const char *text, size_t len)
{
    struct strings_read *s = xlsx_parse_ctx(ps);
    if (s->in_t)
        strbuf_add(&s->b->pool, text, len);
}

/* Styles: the custom number formats, then each cellXfs/xf's number format. */
struct styles_read {
    struct xlsx_book *b;
    unsigned long *custom_id;
    unsigned char *custom_kind;
    size_t ncustom, acustom, acustom_kind;
    bool in_cellxfs;
};

static void styles_start(struct xlsx_parse *ps, const char *name, const char **attrs)
{
    struct styles_read *s = xlsx_parse_ctx(ps);
    struct xlsx_book *b = s->b;
    unsigned long id;
    if (strcmp(name, "cellXfs") == 0) {
        s->in_cellxfs = true;
    } else if (strcmp(name, "numFmt") == 0) {
        const char *code = xlsx_attr(attrs, "formatCode");
        if (!parse_index(xlsx_attr(attrs, "numFmtId"), &id) || !code ||
            s->ncustom == XLSX_STYLES_MAX)
            return;
        XGROW(s->custom_id, s->ncustom + 1, s->acustom);
        XGROW(s->custom_kind, s->ncustom + 1, s->acustom_kind);
        s->custom_id[s->ncustom] = id;
        s->custom_kind[s->ncustom++] = (unsigned char)xlsx_format_kind(code);
    } else if (strcmp(name, "xf") == 0 && s->in_cellxfs) {
        enum xlsx_kind kind = XLSX_NUMBER;
        if (b->nxf == XLSX_STYLES_MAX) {
            diag_error(b->zip.d, b->zip.name, 0, 0,
                       "the workbook has more than %d cell formats, the limit", XLSX_STYLES_MAX);
            xlsx_parse_stop(ps);
            return;
        }
        if (parse_index(xlsx_attr(attrs, "numFmtId"), &id)) {
            kind = xlsx_builtin_kind(id);
            for (size_t i = 0; i < s->ncustom; i++)
                if (s->custom_id[i] == id)
                    kind = (enum xlsx_kind)s->custom_kind[i];
        }
        XGROW(b->xf_kind, b->nxf + 1, b->axf);
        b->xf_kind[b->nxf++] = (unsigned char)kind;
    }
}

static void styles_end(struct xlsx_parse *ps, const char *name)
{
    struct styles_read *s = xlsx_parse_ctx(ps);
    if (strcmp(name, "cellXfs") == 0)
        s->in_cellxfs = false;
}

/* The part a relationship's target names: relative to xl/, or from the root with '/'. */
static char *resolve_target(const char *target)
{
    struct strbuf sb = STRBUF_INIT;
    if (target[0] == '/') {
        strbuf_adds(&sb, target + 1);
    } else {
        while (strncmp(target, "./", 2) == 0)
            target += 2;
        if (strncmp(target, "../", 3) == 0)
            strbuf_adds(&sb, target + 3);
        else
            strbuf_addf(&sb, "xl/%s", target);
    }
    return strbuf_detach(&sb, NULL);
}

static const struct rel *find_rel(const struct workbook_read *w, const char *id)
{
    for (size_t i = 0; i < w->nrels; i++)
        if (strcmp(w->rels[i].id, id) == 0)
            return &w->rels[i];
    return NULL;
}

static bool is_worksheet(const struct rel *r)
{
    size_t n = strlen(r->type);
    return n >= 10 && strcmp(r->type + n - 10, "/worksheet") == 0;
}

/* The sheet to read: the one named, or the first visible worksheet. NULL with an error. */
static const struct sheet_entry *choose_sheet(struct workbook_read *w, const char *sheet)
{
    struct xlsx_book *b = w->b;
    if (w->nsheets == 0) {
        diag_error(b->zip.d, b->zip.name, 0, 0, "not a workbook: %s lists no sheets",
                   XLSX_WORKBOOK);
        return NULL;
    }
    for (size_t i = 0; i < w->nsheets; i++) {
        const struct rel *r = find_rel(w, w->sheets[i].rid);
        if (sheet ? strcmp(w->sheets[i].name, sheet) == 0
                  : r && is_worksheet(r) && !w->sheets[i].hidden)
            return &w->sheets[i];
    }
    if (!sheet) {
        bool hidden = false;
        for (size_t i = 0; i < w->nsheets && !hidden; i++) {
            const struct rel *r = find_rel(w, w->sheets[i].rid);
            hidden = r && is_worksheet(r);
        }
        diag_error(b->zip.d, b->zip.name, 0, 0,
                   hidden ? "every worksheet of the workbook is hidden; name the one to read "
                            "with --sheet NAME"
                          : "the workbook has no worksheet");
        return NULL;
    }
    struct strbuf wanted = STRBUF_INIT, names = STRBUF_INIT;
    text_add_quoted(&wanted, sheet, 40);
    for (size_t i = 0; i < w->nsheets && i < 20; i++) {
        strbuf_adds(&names, i ? ", " : "");
        text_add_quoted(&names, w->sheets[i].name, 40);
    }
    if (w->nsheets > 20)
        strbuf_addf(&names, " and %zu more", w->nsheets - 20);
    diag_error(b->zip.d, b->zip.name, 0, 0, "no sheet %s in the workbook; its sheets are %s",
               strbuf_str(&wanted), strbuf_str(&names));
    strbuf_release(&wanted);
    strbuf_release(&names);
    return NULL;
}

static void workbook_read_release(struct workbook_read *w)
{
    for (size_t i = 0; i < w->nsheets; i++) {
        free(w->sheets[i].name);
        free(w->sheets[i].rid);
    }
    for (size_t i = 0; i < w->nrels; i++) {
        free(w->rels[i].id);
        free(w->rels[i].target);
        free(w->rels[i].type);
    }
    free(w->sheets);
    free(w->rels);
}

static void book_release(struct xlsx_book *b)
{
    xlsx_zip_close(&b->zip);
    strbuf_release(&b->pool);
    free(b->strings);
    free(b->xf_kind);
}

/*
 * "sheet 'Form1' (others: 'Lists' (hidden), 'Summary')": the sheet read as every message
 * about it names it, with the workbook's other worksheets (chart sheets left out), ten
 * at most, so that a message read alone still says which sheet and that --sheet can
 * name another.
 */
static char *sheet_said(const struct workbook_read *w, const struct sheet_entry *chosen)
{
    struct strbuf said = STRBUF_INIT;
    size_t others = 0, listed = 0;
    strbuf_adds(&said, "sheet ");
    text_add_quoted(&said, chosen->name, 40);
    for (size_t i = 0; i < w->nsheets; i++) {
        const struct rel *r = find_rel(w, w->sheets[i].rid);
        others += &w->sheets[i] != chosen && r && is_worksheet(r);
    }
    for (size_t i = 0; i < w->nsheets && others; i++) {
        const struct rel *r = find_rel(w, w->sheets[i].rid);
        if (&w->sheets[i] == chosen || !r || !is_worksheet(r))
            continue;
        if (listed++ == 10) {
            strbuf_addf(&said, " and %zu more", others - 10);
            break;
        }
        strbuf_adds(&said, listed == 1 ? " (others: " : ", ");
        text_add_quoted(&said, w->sheets[i].name, 40);
        if (w->sheets[i].hidden)
            strbuf_adds(&said, " (hidden)");
    }
    if (others)
        strbuf_addc(&said, ')');
    return strbuf_detach(&said, NULL);
}

/* The workbook's parts other than the sheet; the path of the sheet to read, or NULL. */
static char *read_book(struct xlsx_book *b, const char *sheet, char **said)
{
    struct workbook_read w = {.b = b};
    struct xlsx_xml wx = {&w, workbook_start, NULL, NULL};
    struct xlsx_xml rx = {&w, rels_start, NULL, NULL};
    const char *ctx = "not a workbook";
    const struct sheet_entry *chosen;
    const struct rel *r;
    char *path = NULL;

    if (!xlsx_zip_has(&b->zip, XLSX_WORKBOOK) && xlsx_zip_has(&b->zip, "word/document.xml")) {
        diag_error(b->zip.d, b->zip.name, 0, 0,
                   "not a workbook: this is a Word document (.docx); export the survey's "
                   "responses as an Excel workbook (.xlsx) or CSV and import that");
        goto out;
    }
    if (!xlsx_zip_has(&b->zip, XLSX_WORKBOOK)) {
        diag_error(b->zip.d, b->zip.name, 0, 0,
                   "not a workbook: the zip archive has no " XLSX_WORKBOOK
                   " (is it an Excel .xlsx file?)");
        goto out;
    }
    if (xlsx_zip_parse(&b->zip, XLSX_WORKBOOK, ctx, &wx) != 0 ||
        xlsx_zip_parse(&b->zip, XLSX_RELS, ctx, &rx) != 0)
        goto out;
    chosen = choose_sheet(&w, sheet);
    if (!chosen)
        goto out;
    r = find_rel(&w, chosen->rid);
    if (!r) {
        struct strbuf q = STRBUF_INIT;
        text_add_quoted(&q, chosen->name, 40);
        diag_error(b->zip.d, b->zip.name, 0, 0,
                   "not a workbook: sheet %s has no relationship in " XLSX_RELS, strbuf_str(&q));
        strbuf_release(&q);
        goto out;
    }
    if (xlsx_zip_has(&b->zip, XLSX_STRINGS)) {
        struct strings_read s = {.b = b};
        struct xlsx_xml sx = {&s, strings_start, strings_end, strings_text};
        if (xlsx_zip_parse(&b->zip, XLSX_STRINGS, ctx, &sx) != 0)
            goto out;
    }
    if (xlsx_zip_has(&b->zip, XLSX_STYLES)) {
        struct styles_read s = {.b = b};
        struct xlsx_xml sx = {&s, styles_start, styles_end, NULL};
        int rc = xlsx_zip_parse(&b->zip, XLSX_STYLES, ctx, &sx);
        free(s.custom_id);
        free(s.custom_kind);
        if (rc != 0)
            goto out;
    }
    path = resolve_target(r->target);
    *said = sheet_said(&w, chosen);
out:
    workbook_read_release(&w);
    return path;
}

int xlsx_list_sheets(const char *name, const void *buf, size_t len, struct xlsx_sheet_info **out,
                     size_t *n, struct diags *d)
{
    struct xlsx_book b;
    struct workbook_read w;
    struct xlsx_xml wx = {&w, workbook_start, NULL, NULL};
    struct xlsx_xml rx = {&w, rels_start, NULL, NULL};
    int rc = -1;
    memset(&b, 0, sizeof(b));
    memset(&w, 0, sizeof(w));
    w.b = &b;
    *out = NULL;
    *n = 0;
    if (xlsx_zip_open(&b.zip, name, buf, len, d) != 0 || !xlsx_zip_has(&b.zip, XLSX_WORKBOOK) ||
        xlsx_zip_parse(&b.zip, XLSX_WORKBOOK, "not a workbook", &wx) != 0 ||
        xlsx_zip_parse(&b.zip, XLSX_RELS, "not a workbook", &rx) != 0)
        goto out;
    *out = xcalloc(w.nsheets + 1, sizeof(**out));
    for (size_t i = 0; i < w.nsheets; i++) {
        const struct rel *r = find_rel(&w, w.sheets[i].rid);
        if (!r || !is_worksheet(r))
            continue;
        (*out)[*n].name = xstrdup(w.sheets[i].name);
        (*out)[(*n)++].hidden = w.sheets[i].hidden;
    }
    rc = 0;
out:
    workbook_read_release(&w);
    book_release(&b);
    return rc;
}

void xlsx_sheet_list_free(struct xlsx_sheet_info *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].name);
    free(v);
}

int xlsx_read(const char *name, const void *buf, size_t len, const char *sheet,
              const struct import_sink *sink, struct diags *d, char **sheet_read)
{
    struct xlsx_book b;
    char *path = NULL, *said = NULL;
    const char *source = d->source;
    size_t source_len = d->source_len;
    int rc = -1;

    memset(&b, 0, sizeof(b));
    /* A workbook's bytes are no lines to quote under a diagnostic. */
    diags_set_source(d, NULL, 0);
    if (xlsx_zip_open(&b.zip, name, buf, len, d) != 0)
        goto out;
    path = read_book(&b, sheet, &said);
    if (!path)
        goto out;
    if (sheet_read) /* before the first cell, so the sink can name the sheet */
        *sheet_read = xstrdup(said);
    rc = xlsx_sheet_read(&b, path, said, sink);
out:
    free(path);
    free(said);
    book_release(&b);
    diags_set_source(d, source, source_len);
    return rc;
}
