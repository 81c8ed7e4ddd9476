#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

size_t utf8_seq_len(const unsigned char *s, size_t avail)
{
    if (avail == 0)
        return 0;
    unsigned char c = s[0];
    size_t len;
    unsigned int min;
    unsigned int cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, min = 0x80, cp = c & 0x1Fu;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, min = 0x800, cp = c & 0x0Fu;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, min = 0x10000, cp = c & 0x07u;
    else
        return 0;
    if (avail < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

bool utf8_valid(const char *s, size_t n, size_t *bad_offset)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (u[i] < 0x80) {
            /* Most files are ASCII: skip it eight bytes at a time. */
            uint64_t w;
            while (i + 8 <= n && (memcpy(&w, u + i, 8), (w & UINT64_C(0x8080808080808080)) == 0))
                i += 8;
            while (i < n && u[i] < 0x80)
                i++;
            continue;
        }
        size_t len = utf8_seq_len(u + i, n - i);
        if (!len) {
            if (bad_offset)
                *bad_offset = i;
            return false;
        }
        i += len;
    }
    return true;
}

size_t utf8_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            w++;
    return w;
}

size_t text_line_break(const char *s, size_t avail)
{
    const unsigned char *u = (const unsigned char *)s;
    if (avail == 0)
        return 0;
    if (u[0] == '\n')
        return 1;
    if (u[0] == '\r')
        return avail >= 2 && u[1] == '\n' ? 2 : 1;
    if (avail >= 2 && u[0] == 0xC2 && u[1] == 0x85)
        return 2;
    if (avail >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
        return 3;
    return 0;
}

/* Appends the code point at u (len bytes) unless it is a C1 control, U+2028/9 or a BOM. */
static void add_safe_seq(struct strbuf *sb, const unsigned char *u, size_t len)
{
    if (len == 2 && u[0] == 0xC2 && u[1] < 0xA0) {
        strbuf_addf(sb, "\\x%02x", u[1]);
        return;
    }
    if (len == 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9)) {
        strbuf_adds(sb, " ");
        return;
    }
    if (len == 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return;
    /* U+FFFE and U+FFFF are noncharacters that YAML refuses anywhere in a file. */
    if (len == 3 && u[0] == 0xEF && u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF)) {
        strbuf_adds(sb, "\xEF\xBF\xBD");
        return;
    }
    strbuf_add(sb, u, len);
}

void text_add_safe(struct strbuf *sb, const char *s, bool flatten)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        if (c == '\n' || c == '\t') {
            if (flatten)
                strbuf_addc(sb, ' ');
            else
                strbuf_addc(sb, (char)c);
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            strbuf_addf(sb, "\\x%02x", c);
            i++;
        } else if (c < 0x7F) { /* a run of printable ASCII, which passes as it is */
            size_t run = i + 1;
            while (run < n && u[run] >= 0x20 && u[run] < 0x7F)
                run++;
            strbuf_add(sb, u + i, run - i);
            i = run;
        } else {
            size_t len = utf8_seq_len(u + i, n - i);
            if (!len) {
                strbuf_adds(sb, "\xEF\xBF\xBD");
                i++;
            } else {
                add_safe_seq(sb, u + i, len);
                i += len;
            }
        }
    }
}

void text_add_quoted(struct strbuf *sb, const char *value, size_t max)
{
    struct strbuf tmp = STRBUF_INIT;
    text_add_safe(&tmp, value, true);
    const char *t = strbuf_str(&tmp);
    size_t cut = 0, points = 0;
    while (t[cut] && points < max) {
        cut++;
        while (((unsigned char)t[cut] & 0xC0) == 0x80)
            cut++;
        points++;
    }
    strbuf_addc(sb, '\'');
    strbuf_add(sb, t, cut);
    if (t[cut])
        strbuf_adds(sb, "...");
    strbuf_addc(sb, '\'');
    strbuf_release(&tmp);
}

void text_add_quoted_path(struct strbuf *sb, const char *path)
{
    enum { PATH_SHOWN = 120, PATH_HEAD = 40, PATH_TAIL = 77 };
    struct strbuf tmp = STRBUF_INIT;
    text_add_safe(&tmp, path, true);
    const char *t = strbuf_str(&tmp);
    size_t points = 0;
    for (size_t i = 0; t[i]; i++)
        points += ((unsigned char)t[i] & 0xC0) != 0x80;
    strbuf_addc(sb, '\'');
    if (points <= PATH_SHOWN) {
        strbuf_adds(sb, t);
    } else {
        size_t i = 0, seen = 0;
        for (; t[i] && seen <= PATH_HEAD; i++)
            if (((unsigned char)t[i] & 0xC0) != 0x80 && ++seen > PATH_HEAD)
                break;
        strbuf_add(sb, t, i);
        strbuf_adds(sb, "...");
        size_t skip = points - PATH_TAIL;
        seen = 0;
        for (i = 0; t[i]; i++)
            if (((unsigned char)t[i] & 0xC0) != 0x80 && seen++ == skip)
                break;
        strbuf_adds(sb, t + i);
    }
    strbuf_addc(sb, '\'');
    strbuf_release(&tmp);
}

/* Byte offsets of each code point of s (already valid UTF-8), and its count. */
static size_t *point_offsets(const char *s, size_t *n)
{
    size_t len = strlen(s);
    size_t *at = xcalloc(len + 1, sizeof(*at));
    size_t k = 0;
    for (size_t i = 0; i < len; k++) {
        at[k] = i;
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    at[k] = len;
    *n = k;
    return at;
}

/* 'text' from code point from, at most max of them, with "..." where text is left out. */
static void add_window(struct strbuf *out, const char *t, const size_t *at, size_t n, size_t from,
                       size_t max)
{
    size_t to = from + max < n ? from + max : n;
    strbuf_addc(out, '\'');
    if (from > 0)
        strbuf_adds(out, "...");
    strbuf_add(out, t + at[from], at[to] - at[from]);
    if (to < n)
        strbuf_adds(out, "...");
    strbuf_addc(out, '\'');
}

void text_add_quoted_pair(struct strbuf *sa, const char *a, struct strbuf *sb, const char *b,
                          size_t max)
{
    struct strbuf ta = STRBUF_INIT, tb = STRBUF_INIT;
    text_add_safe(&ta, a, true);
    text_add_safe(&tb, b, true);
    size_t na, nb;
    size_t *pa = point_offsets(strbuf_str(&ta), &na), *pb = point_offsets(strbuf_str(&tb), &nb);
    /* The first code point where they differ. */
    size_t d = 0;
    while (d < na && d < nb && pa[d + 1] - pa[d] == pb[d + 1] - pb[d] &&
           memcmp(ta.buf + pa[d], tb.buf + pb[d], pa[d + 1] - pa[d]) == 0)
        d++;
    /* Both whole when they fit; else one window for both, d two thirds of the way along. */
    size_t from = 0;
    if ((na > max || nb > max) && d + 1 > max - max / 3)
        from = d - (max - max / 3) + 1;
    size_t longest = na > nb ? na : nb;
    if (from && from + max > longest) /* near the end: fill the window from before */
        from = longest > max ? longest - max : 0;
    add_window(sa, strbuf_str(&ta), pa, na, from < na ? from : na, max);
    add_window(sb, strbuf_str(&tb), pb, nb, from < nb ? from : nb, max);
    free(pa);
    free(pb);
    strbuf_release(&ta);
    strbuf_release(&tb);
}

/*
 * Levenshtein distance between a (la bytes) and b (lb bytes), or max + 1 as soon as it is
 * known to exceed max: a row whose every cell is above max can only grow.
 */
static size_t distance_within(const char *a, size_t la, const char *b, size_t lb, size_t max)
{
    size_t gap = la > lb ? la - lb : lb - la;
    if (gap > max)
        return max + 1;
    size_t *row = xcalloc(lb + 1, sizeof(*row));
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0], row_min;
        row[0] = row_min = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] == b[j - 1] ? 0 : 1);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
            if (best < row_min)
                row_min = best;
        }
        if (row_min > max) {
            free(row);
            return max + 1;
        }
    }
    size_t d = row[lb];
    free(row);
    return d;
}

size_t text_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    return distance_within(a, la, b, lb, la > lb ? la : lb);
}

const char *text_did_you_mean(const char *word, const char *const *candidates, size_t n)
{
    /* Edit distance is quadratic: long hostile words get no suggestion. */
    size_t len = strlen(word);
    if (len > 200)
        return NULL;
    /* A third of the word may be wrong; of a very short word, one letter. */
    size_t limit = len <= 3 ? 1 : len / 3 > 2 ? len / 3 : 2;
    const char *best = NULL;
    size_t best_d = limit + 1;
    for (size_t i = 0; i < n && best_d > 0; i++) {
        size_t lc = strlen(candidates[i]);
        if (lc > 200)
            continue;
        size_t d = distance_within(word, len, candidates[i], lc, best_d - 1);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best;
}

size_t text_fill(struct strbuf *out, const char *text, size_t col, size_t width, const char *indent)
{
    size_t indent_width = utf8_width(indent, strlen(indent));
    bool first = true;
    for (const char *p = text; *p;) {
        if (*p == ' ') {
            p++;
            continue;
        }
        size_t len = strcspn(p, " ");
        size_t w = utf8_width(p, len);
        if (!first && col + 1 + w > width) {
            strbuf_addc(out, '\n');
            strbuf_adds(out, indent);
            col = indent_width;
        } else if (!first) {
            strbuf_addc(out, ' ');
            col++;
        }
        strbuf_add(out, p, len);
        col += w;
        first = false;
        p += len;
    }
    return col;
}

void text_add_filled(struct strbuf *out, const char *first, const char *indent, const char *text,
                     size_t width)
{
    size_t start = out->len;
    strbuf_adds(out, first);
    size_t words = out->len;
    text_fill(out, text, utf8_width(first, strlen(first)), width, indent);
    if (out->len == words)
        while (out->len > start && out->buf[out->len - 1] == ' ')
            out->buf[--out->len] = '\0';
    strbuf_addc(out, '\n');
}

const char *text_group_trim(const char *s, size_t *len)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    *len = n;
    return s;
}

static int ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int text_group_cmp(const char *x, const char *y)
{
    size_t nx, ny;
    const unsigned char *a = (const unsigned char *)text_group_trim(x, &nx);
    const unsigned char *b = (const unsigned char *)text_group_trim(y, &ny);
    for (size_t k = 0; k < nx && k < ny; k++) {
        int c = ascii_lower(a[k]) - ascii_lower(b[k]);
        if (c)
            return c;
    }
    return (nx > ny) - (nx < ny);
}

/* ---- what may identify a person ---- */

static bool id_is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool id_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static char id_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

enum { ID_WORDS_MAX = 32, ID_WORD_LEN = 24 };

/* The words of s (runs of ASCII letters and digits), lowercased; at most ID_WORDS_MAX. */
static size_t id_words(const char *s, char words[ID_WORDS_MAX][ID_WORD_LEN])
{
    size_t n = 0;
    while (*s && n < ID_WORDS_MAX) {
        if (!id_is_alpha(*s) && !id_is_digit(*s)) {
            s++;
            continue;
        }
        size_t len = 0;
        while (id_is_alpha(*s) || id_is_digit(*s)) {
            if (len + 1 < ID_WORD_LEN)
                words[n][len++] = id_lower(*s);
            s++;
        }
        words[n++][len] = '\0';
    }
    return n;
}

static bool id_has(char words[ID_WORDS_MAX][ID_WORD_LEN], size_t n, const char *const *any)
{
    for (size_t k = 0; k < n; k++)
        for (size_t a = 0; any[a]; a++)
            if (strcmp(words[k], any[a]) == 0)
                return true;
    return false;
}

bool text_header_identifies(const char *header)
{
    static const char *const alone[] = {
        "email",    "phone",     "telephone", "mobile",    "payroll",  "surname",
        "forename", "forenames", "firstname", "lastname",  "fullname", "dob",
        "birthday", "nino",      "postcode",  "signature", "initials", NULL};
    static const char *const whose[] = {"staff", "employee",  "personnel", "worker",
                                        "ni",    "insurance", "badge",     NULL};
    static const char *const number[] = {"number", "no", "id", "code", "ref", "reference", NULL};
    static const char *const name[] = {"name", "names", NULL};
    /* "Team name", "Name of your service": a group's name, not a person's. */
    static const char *const of_group[] = {
        "team",    "service", "organisation", "organization", "locality",
        "area",    "site",    "office",       "school",       "unit",
        "setting", "project", "model",        "department",   NULL};
    static const char *const birth[] = {"birth", NULL};
    char words[ID_WORDS_MAX][ID_WORD_LEN];
    size_t n = id_words(header, words);
    if (id_has(words, n, alone) || id_has(words, n, birth))
        return true;
    for (size_t k = 0; k + 1 < n; k++)
        if (strcmp(words[k], "e") == 0 && strcmp(words[k + 1], "mail") == 0)
            return true;
    if (id_has(words, n, whose) && id_has(words, n, number))
        return true;
    if (id_has(words, n, name) && !id_has(words, n, of_group))
        return true;
    return false;
}

/* An e-mail address: a word character, '@', then a domain with a dot in it. */
static bool looks_like_email(const char *s)
{
    for (const char *at = strchr(s, '@'); at; at = strchr(at + 1, '@')) {
        if (at == s || !(id_is_alpha(at[-1]) || id_is_digit(at[-1]) || strchr("._-+", at[-1])))
            continue;
        const char *p = at + 1;
        bool dot = false;
        size_t len = 0;
        while (id_is_alpha(*p) || id_is_digit(*p) || *p == '-' || *p == '.') {
            dot = dot || (*p == '.' && len > 0 && (id_is_alpha(p[1]) || id_is_digit(p[1])));
            p++;
            len++;
        }
        if (dot)
            return true;
    }
    return false;
}

/* A telephone number: 10 or more digits, with single spaces, '-', '(', ')' or '+' between. */
static bool looks_like_phone(const char *s)
{
    for (const char *p = s; *p; p++) {
        if (!id_is_digit(*p) && *p != '+' && *p != '(')
            continue;
        if (p > s && (id_is_digit(p[-1]) || id_is_alpha(p[-1])))
            continue;
        size_t digits = 0, gap = 0;
        const char *q = p, *end = p;
        for (; *q; q++) {
            if (id_is_digit(*q)) {
                digits++;
                gap = 0;
                end = q + 1;
            } else if (!strchr(" -()+.", *q) || ++gap > 2) {
                break;
            }
        }
        if (digits >= 10 && !id_is_alpha(*end))
            return true;
        p = q > p ? q - 1 : p;
    }
    return false;
}

/* A staff or NI number: one word of letters and digits with a letter and 4 or more digits. */
static bool looks_like_staff_number(const char *s)
{
    const char *p = s;
    while (*p) {
        if (!id_is_alpha(*p) && !id_is_digit(*p)) {
            p++;
            continue;
        }
        size_t letters = 0, digits = 0;
        while (id_is_alpha(*p) || id_is_digit(*p) ||
               (*p == '-' && (id_is_alpha(p[1]) || id_is_digit(p[1])))) {
            letters += id_is_alpha(*p);
            digits += id_is_digit(*p);
            p++;
        }
        if (letters && digits >= 4 && letters + digits <= 12)
            return true;
    }
    return false;
}

const char *text_looks_identifying(const char *s)
{
    if (!s)
        return NULL;
    if (looks_like_email(s))
        return "an e-mail address";
    if (looks_like_phone(s))
        return "a phone number";
    if (looks_like_staff_number(s))
        return "a staff or NI number";
    return NULL;
}

void text_cell_ref(size_t col, size_t row, char *out, size_t cap)
{
    char letters[8];
    size_t n = 0;
    for (; col > 0 && n < sizeof(letters); col = (col - 1) / 26)
        letters[n++] = (char)('A' + (col - 1) % 26);
    size_t i = 0;
    for (; n > 0 && i + 1 < cap; i++)
        out[i] = letters[--n];
    snprintf(out + i, cap - i, "%zu", row);
}
