#include "schema.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "exact.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

const char *ynode_describe(const struct ynode *n)
{
    if (!n || ynode_is_null(n))
        return "nothing";
    switch (n->type) {
    case YNODE_MAP:
        return "a mapping";
    case YNODE_SEQ:
        return "a list";
    default:
        return n->len ? "text" : "empty text";
    }
}

bool ynode_is_null(const struct ynode *n)
{
    if (n->type != YNODE_SCALAR || !n->plain)
        return false;
    switch (n->len) { /* most scalars are neither length: no compare at all */
    case 0:
        return true;
    case 1:
        return n->str[0] == '~';
    case 4:
        return strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
               strcmp(n->str, "NULL") == 0;
    default:
        return false;
    }
}

bool ynode_is(const struct ynode *n, const char *s)
{
    /* The first byte first: most keys looked for differ there, and a call is saved. */
    return n && n->type == YNODE_SCALAR && n->str[0] == s[0] && strcmp(n->str, s) == 0;
}

void yerror(const struct yctx *c, const struct ynode *at, const char *fmt, ...)
{
    struct strbuf msg = STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    strbuf_vaddf(&msg, fmt, ap);
    va_end(ap);
    diag_error(c->d, c->file, at ? at->line : 0, at ? at->column : 0, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
}

static bool expect_type(const struct yctx *c, const struct ynode *n, enum ynode_type type,
                        const char *what, const char *kind)
{
    if (n->type == YNODE_INVALID)
        return false; /* already reported as an alias */
    if (n->type == type)
        return true;
    yerror(c, n, "%s must be %s, not %s", what, kind, ynode_describe(n));
    return false;
}

bool yexpect_map(const struct yctx *c, const struct ynode *n, const char *what)
{
    return expect_type(c, n, YNODE_MAP, what, "a mapping");
}

bool yexpect_seq(const struct yctx *c, const struct ynode *n, const char *what)
{
    return expect_type(c, n, YNODE_SEQ, what, "a list");
}

void yread_root_map(const struct yctx *c, const char *buf, size_t len, const char *what,
                    const char *format, void (*read_root)(void *arg, const struct ynode *root),
                    void *arg)
{
    struct ydoc doc;
    ydoc_init(&doc);
    yaml_read(&doc, c->file, buf, len, &ylimits_default, c->d);
    if (!doc.broken) {
        if (!doc.root)
            diag_error(c->d, c->file, 1, 1, "empty file; %s starts with 'format: %s'", what,
                       format);
        else if (yexpect_map(c, doc.root, what))
            read_root(arg, doc.root);
    }
    ydoc_release(&doc);
}

const struct ynode *ymap_get(const struct ynode *map, const char *key)
{
    if (!map || map->type != YNODE_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < map->n; i += 2)
        if (ynode_is(map->kids[i], key))
            return map->kids[i + 1];
    return NULL;
}

static const char *key_name(const char *spec)
{
    return spec[0] == '!' ? spec + 1 : spec;
}

static void report_unknown_key(const struct yctx *c, const struct ynode *key, const char *what,
                               const char *const *keys)
{
    size_t n = 0;
    while (keys[n])
        n++;
    const char **names = xcalloc(n ? n : 1, sizeof(*names));
    for (size_t i = 0; i < n; i++)
        names[i] = key_name(keys[i]);
    struct strbuf msg = STRBUF_INIT;
    strbuf_adds(&msg, "unknown key ");
    text_add_quoted(&msg, key->str, 60);
    strbuf_addf(&msg, " in %s", what);
    const char *near = diags_full(c->d) ? NULL : text_did_you_mean(key->str, names, n);
    if (near)
        strbuf_addf(&msg, "; did you mean '%s'?", near);
    diag_error(c->d, c->file, key->line, key->column, "%s", strbuf_str(&msg));
    strbuf_release(&msg);
    free(names);
}

size_t ymap_check_keys(const struct yctx *c, const struct ynode *map, const char *what,
                       const char *const *keys)
{
    size_t problems = 0;
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const struct ynode *key = map->kids[i];
        if (key->type != YNODE_SCALAR)
            continue; /* yamlread reported it */
        bool known = false;
        for (size_t k = 0; keys[k] && !known; k++) {
            const char *name = key_name(keys[k]);
            known = key->str[0] == name[0] && strcmp(key->str, name) == 0;
        }
        if (!known) {
            report_unknown_key(c, key, what, keys);
            problems++;
        }
    }
    for (size_t k = 0; keys[k]; k++) {
        if (keys[k][0] == '!' && !ymap_get(map, keys[k] + 1)) {
            yerror(c, map, "%s is missing the required key '%s'", what, keys[k] + 1);
            problems++;
        }
    }
    return problems;
}

const char *ytext(const struct yctx *c, const struct ynode *n, const char *what)
{
    if (n->type == YNODE_INVALID)
        return NULL;
    if (n->type != YNODE_SCALAR || ynode_is_null(n) || n->len == 0) {
        yerror(c, n, "%s must be text, not %s", what, ynode_describe(n));
        return NULL;
    }
    return n->str;
}

const char *ymap_text(const struct yctx *c, const struct ynode *map, const char *key,
                      const char *what)
{
    const struct ynode *n = ymap_get(map, key);
    return n ? ytext(c, n, what) : NULL;
}

/* strtod over the whole string, refusing hex, infinities and NaN. */
static bool parse_number(const char *s, double *out)
{
    /* Most numbers are a few digits: the value strtod would give, without strtod. */
    long whole = 0;
    size_t i = 0;
    while (i < 9 && s[i] >= '0' && s[i] <= '9')
        whole = whole * 10 + (s[i++] - '0');
    if (i > 0 && s[i] == '\0') {
        *out = (double)whole;
        return true;
    }
    if (!*s || strpbrk(s, "xXnNiI") || s[0] == ' ')
        return false;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (*end || errno || !isfinite(v))
        return false;
    *out = v;
    return true;
}

bool yplain_number(const struct ynode *n, double *out)
{
    return n->type == YNODE_SCALAR && n->plain && parse_number(n->str, out);
}

bool yquoted_number(const struct ynode *n)
{
    double unused;
    return n->type == YNODE_SCALAR && !n->plain && parse_number(n->str, &unused);
}

int ynumber(const struct yctx *c, const struct ynode *n, double min, double max, const char *what,
            double *out)
{
    if (n->type == YNODE_INVALID)
        return -1;
    double v;
    if (n->type != YNODE_SCALAR || !n->plain || !parse_number(n->str, &v)) {
        if (n->type == YNODE_SCALAR && !ynode_is_null(n)) {
            struct strbuf shown = STRBUF_INIT;
            text_add_quoted(&shown, n->str, 40);
            yerror(c, n, "%s must be a number, not %s%s", what, strbuf_str(&shown),
                   yquoted_number(n) ? " (numbers are written without quotes)" : "");
            strbuf_release(&shown);
        } else {
            yerror(c, n, "%s must be a number, not %s", what, ynode_describe(n));
        }
        return -1;
    }
    if (v < min || v > max) {
        yerror(c, n, "%s must be from %.15g to %.15g, not %s", what, min, max, n->str);
        return -1;
    }
    *out = v;
    return 0;
}

void ymsg_too_precise(struct strbuf *msg, const char *what, const char *shown)
{
    strbuf_addf(msg,
                "%s has more than %d decimal places (%s); numbers are held exactly to %d "
                "places, so round it",
                what, EXACT_PLACES, shown, EXACT_PLACES);
}

int ydecimal(const struct yctx *c, const struct ynode *n, int64_t min, int64_t max,
             const char *what, int64_t *out)
{
    double unused;
    if (ynumber(c, n, (double)min / EXACT_SCALE, (double)max / EXACT_SCALE, what, &unused) != 0)
        return -1;
    int64_t v;
    if (exact_parse_decimal(n->str, &v) != 0) {
        struct strbuf msg = STRBUF_INIT;
        ymsg_too_precise(&msg, what, n->str);
        yerror(c, n, "%s", strbuf_str(&msg));
        strbuf_release(&msg);
        return -1;
    }
    *out = v;
    return 0;
}

bool ydecimal_ok(const struct ynode *n, int64_t min, int64_t max, int64_t *out)
{
    /* A few digits, as most answers are: their value, held exactly, compared exactly
       (min and max are whole multiples of the scale here, or far from v's). */
    if (n->type == YNODE_SCALAR && n->plain && n->len >= 1 && n->len <= 9) {
        int64_t whole = 0;
        size_t i = 0;
        while (i < n->len && n->str[i] >= '0' && n->str[i] <= '9')
            whole = whole * 10 + (n->str[i++] - '0');
        if (i == n->len) {
            whole *= EXACT_SCALE;
            if (whole < min || whole > max)
                return false;
            *out = whole;
            return true;
        }
    }
    /* The same steps as ydecimal's, each the same test: ynumber's, then exactness. */
    double v;
    int64_t scaled;
    if (!yplain_number(n, &v) || v < (double)min / EXACT_SCALE || v > (double)max / EXACT_SCALE ||
        exact_parse_decimal(n->str, &scaled) != 0)
        return false;
    *out = scaled;
    return true;
}

int yinteger(const struct yctx *c, const struct ynode *n, long min, long max, const char *what,
             long *out)
{
    double v;
    if (ynumber(c, n, (double)min, (double)max, what, &v) != 0)
        return -1;
    if (v != floor(v)) {
        yerror(c, n, "%s must be a whole number, not %s", what, n->str);
        return -1;
    }
    *out = (long)v;
    return 0;
}

bool yid_valid(const char *s)
{
    size_t len = strlen(s);
    if (len == 0 || len > 128)
        return false;
    if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
        return false;
    for (size_t i = 1; i < len; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' ||
              ch == '_'))
            return false;
    }
    return true;
}

const char *yid(const struct yctx *c, const struct ynode *n, const char *what)
{
    const char *s = ytext(c, n, what);
    if (!s)
        return NULL;
    if (!yid_valid(s)) {
        struct strbuf shown = STRBUF_INIT;
        text_add_quoted(&shown, s, 60);
        yerror(c, n,
               "%s %s is not a valid id: use lowercase letters, digits, '-', '.' and "
               "'_', starting with a letter or digit, at most 128 characters",
               what, strbuf_str(&shown));
        strbuf_release(&shown);
        return NULL;
    }
    return s;
}

char *yaml_format_of(const char *buf, size_t len)
{
    struct ydoc doc;
    struct diags quiet;
    char *format = NULL;
    ydoc_init(&doc);
    diags_init(&quiet);
    yaml_read(&doc, "", buf, len, &ylimits_default, &quiet);
    const struct ynode *n = doc.root ? ymap_get(doc.root, "format") : NULL;
    if (n && n->type == YNODE_SCALAR)
        format = xstrdup(n->str);
    ydoc_release(&doc);
    diags_release(&quiet);
    return format;
}
