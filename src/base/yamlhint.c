#include "yamlhint.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* The longest fix a message quotes, in code points. */
enum { FIX_MAX = 80 };

struct line {
    const char *p;
    size_t len; /* without its line break */
};

struct hint {
    struct line *lines; /* lines[1] is line 1; lines[0] is unused */
    size_t n;           /* the last line's number */
    unsigned line, column;
    struct strbuf *msg;
};

/* Splits buf as libyaml counts lines: every YAML line break ends one, and a byte-order
 * mark at the start is not part of line 1. */
static void split_lines(struct hint *h, const char *buf, size_t len)
{
    size_t alloc = 0, start = 0;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        start = 3;
    XGROW(h->lines, 2, alloc);
    h->n = 0;
    for (size_t i = start; i <= len;) {
        size_t brk = i < len ? text_line_break(buf + i, len - i) : 0;
        if (i < len && !brk) {
            i++;
            continue;
        }
        XGROW(h->lines, h->n + 2, alloc);
        h->lines[++h->n] = (struct line){buf + start, i - start};
        if (i == len)
            break;
        i += brk;
        start = i;
    }
}

static const struct line *get_line(const struct hint *h, size_t n)
{
    return n >= 1 && n <= h->n ? &h->lines[n] : NULL;
}

/* Spaces before the first other byte. */
static size_t indent_of(const struct line *l)
{
    size_t i = 0;
    while (i < l->len && l->p[i] == ' ')
        i++;
    return i;
}

/* Offset of the first byte that is neither a space nor a tab. */
static size_t lead_of(const struct line *l)
{
    size_t i = 0;
    while (i < l->len && (l->p[i] == ' ' || l->p[i] == '\t'))
        i++;
    return i;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* True when the line holds more than blanks and a comment. */
static bool has_content(const struct line *l)
{
    size_t lead = lead_of(l);
    return lead < l->len && l->p[lead] != '#';
}

/*
 * Follows quotes along one line: returns the end of its content, before a comment (a
 * '#' after a blank, outside quotes) and trailing blanks, and sets *open to the offset
 * of a quote the line leaves open, or SIZE_MAX.
 */
static size_t scan_line(const struct line *l, size_t *open)
{
    char quote = 0;
    size_t end = l->len;
    *open = SIZE_MAX;
    for (size_t i = lead_of(l); i < l->len; i++) {
        char c = l->p[i];
        if (quote == '"' && c == '\\' && i + 1 < l->len) {
            i++;
        } else if (quote && c == quote) {
            quote = 0;
            *open = SIZE_MAX;
        } else if (!quote && (c == '"' || c == '\'') &&
                   (i == 0 || strchr(" \t{[,:-", l->p[i - 1]))) {
            quote = c;
            *open = i;
        } else if (!quote && c == '#' && i > 0 && is_blank(l->p[i - 1])) {
            end = i;
            break;
        }
    }
    while (end > 0 && is_blank(l->p[end - 1]))
        end--;
    return end;
}

static size_t content_end(const struct line *l)
{
    size_t open;
    return scan_line(l, &open);
}

/* The 1-based column, in code points, of byte offset off of a line. */
static unsigned column_of(const struct line *l, size_t off)
{
    return (unsigned)utf8_width(l->p, off) + 1;
}

/* The byte offset of a 1-based column of a line, or the line's length. */
static size_t offset_of(const struct line *l, unsigned column)
{
    size_t i = 0;
    for (unsigned c = 1; c < column && i < l->len; c++) {
        size_t n = utf8_seq_len((const unsigned char *)l->p + i, l->len - i);
        i += n ? n : 1;
    }
    return i;
}

/* The nearest line before n with content, or 0. */
static size_t prev_content(const struct hint *h, size_t n)
{
    while (n > 1) {
        n--;
        if (has_content(&h->lines[n]))
            return n;
    }
    return 0;
}

/* Offset of the ':' that makes this line a key (followed by a blank or the end of the
 * content), outside quotes and brackets; SIZE_MAX when there is none. */
static size_t key_colon(const struct line *l, size_t from, size_t end)
{
    char quote = 0;
    int depth = 0;
    for (size_t i = from; i < end; i++) {
        char c = l->p[i];
        if (quote == '"' && c == '\\' && i + 1 < end)
            i++;
        else if (quote && c == quote)
            quote = 0;
        else if (!quote && (c == '"' || c == '\''))
            quote = c;
        else if (!quote && (c == '{' || c == '['))
            depth++;
        else if (!quote && (c == '}' || c == ']') && depth > 0)
            depth--;
        else if (!quote && depth == 0 && c == ':' && (i + 1 == end || is_blank(l->p[i + 1])))
            return i;
    }
    return SIZE_MAX;
}

/* True when a plain (unquoted, undecorated) scalar starts at p[i]. */
static bool plain_start(const struct line *l, size_t i, size_t end)
{
    char c = l->p[i];
    if (strchr("[]{}#&*!|>'\"%@`,", c))
        return false;
    if (c == '-' || c == '?' || c == ':')
        return i + 1 < end && !is_blank(l->p[i + 1]);
    return true;
}

/* Where the line's text starts after its indentation and any list dashes ("- - "). */
static size_t item_start(const struct line *l)
{
    size_t i = lead_of(l), end = content_end(l);
    while (i < end && l->p[i] == '-' && (i + 1 == end || is_blank(l->p[i + 1]))) {
        i++;
        while (i < end && is_blank(l->p[i]))
            i++;
    }
    return i;
}

/* A line of plain text with no key on it: where a key belongs, a missing ':'. */
static bool is_plain_line(const struct line *l)
{
    size_t lead = item_start(l), end = content_end(l);
    return lead < end && plain_start(l, lead, end) && key_colon(l, lead, end) == SIZE_MAX;
}

static bool say(struct hint *h, size_t n, size_t off, const char *text)
{
    h->line = (unsigned)n;
    h->column = column_of(&h->lines[n], off);
    strbuf_adds(h->msg, text);
    return true;
}

/* Appends a fix, quoted: the line's content with text inserted at byte offset at. */
static void add_fix(struct hint *h, const struct line *l, size_t at, const char *insert)
{
    size_t lead = item_start(l), end = content_end(l);
    struct strbuf fix = STRBUF_INIT;
    strbuf_add(&fix, l->p + lead, at - lead);
    strbuf_adds(&fix, insert);
    /* "key value" becomes "key: value": the blanks after the key give way to ": ". */
    if (strcmp(insert, ": ") == 0)
        while (at < end && is_blank(l->p[at]))
            at++;
    strbuf_add(&fix, l->p + at, end - at);
    text_add_quoted(h->msg, strbuf_str(&fix), FIX_MAX);
    strbuf_release(&fix);
}

static bool tab_hint(struct hint *h, size_t n)
{
    const struct line *l = get_line(h, n);
    if (!l || !has_content(l))
        return false;
    const char *tab = memchr(l->p, '\t', lead_of(l));
    return tab && say(h, n, (size_t)(tab - l->p), "tabs cannot indent YAML; use spaces");
}

/* A plain line where a key belongs: "key value" lacks a ':', "key:value" a space. */
static bool colon_hint(struct hint *h, size_t n)
{
    const struct line *l = get_line(h, n);
    if (!l || !is_plain_line(l))
        return false;
    size_t lead = item_start(l), end = content_end(l);
    for (size_t i = lead; i + 1 < end; i++) {
        if (is_blank(l->p[i]))
            break;
        if (l->p[i] == ':') {
            say(h, n, i + 1, "a ':' needs a space after it: ");
            add_fix(h, l, i + 1, " ");
            return true;
        }
    }
    size_t key_end = lead;
    while (key_end < end && !is_blank(l->p[key_end]))
        key_end++;
    say(h, n, key_end, "a key needs ':' after it: ");
    add_fix(h, l, key_end, key_end < end ? ": " : ":");
    return true;
}

/* An opening quote at (n, column) that the text never closes. */
static bool unclosed_quote(struct hint *h, size_t n, unsigned column)
{
    const struct line *l = get_line(h, n);
    if (!l)
        return false;
    size_t at = offset_of(l, column);
    if (at >= l->len || (l->p[at] != '"' && l->p[at] != '\''))
        return false;
    return say(h, n, at,
               l->p[at] == '"' ? "this quote is never closed; put a closing \" where the text ends"
                               : "this quote is never closed; put a closing ' where the text ends");
}

/*
 * Text after a closing quote, just before column: the quote closed too early, or it
 * closes text that a quote on a line above left open.
 */
static bool early_quote(struct hint *h, size_t n, unsigned column, size_t from)
{
    const struct line *l = get_line(h, n);
    if (!l)
        return false;
    size_t at = offset_of(l, column);
    while (at > 0 && is_blank(l->p[at - 1]))
        at--;
    if (at == 0 || (l->p[at - 1] != '"' && l->p[at - 1] != '\''))
        return false;
    char q = l->p[at - 1];
    if (memchr(l->p, q, at - 1) == NULL) {
        for (size_t i = from ? from : 1; i < n; i++) {
            size_t open;
            scan_line(&h->lines[i], &open);
            if (open != SIZE_MAX && h->lines[i].p[open] == q)
                return unclosed_quote(h, i, column_of(&h->lines[i], open));
        }
        return false;
    }
    return say(h, n, at - 1,
               q == '\'' ? "this quote ends the text early: inside '...' write each ' as '', "
                           "or put the text in \"...\" instead"
                         : "this quote ends the text early: inside \"...\" write each \" as \\\", "
                           "or put the text in '...' instead");
}

static bool stray_dash(struct hint *h, size_t n)
{
    const struct line *l = get_line(h, n);
    if (!l)
        return false;
    size_t lead = lead_of(l), end = content_end(l);
    if (lead >= end || l->p[lead] != '-' || (lead + 1 < end && !is_blank(l->p[lead + 1])))
        return false;
    if (lead + 1 >= end)
        return say(h, n, lead, "a '-' alone on a line among keys; remove the line");
    return say(h, n, lead,
               "a list item ('-') among keys; remove the '-', or put the list under a key "
               "of its own");
}

static bool is_dash_line(const struct line *l)
{
    size_t lead = lead_of(l), end = content_end(l);
    return lead < end && l->p[lead] == '-' && (lead + 1 == end || is_blank(l->p[lead + 1]));
}

/* Line n is indented unlike line other, a content line above or below it. */
static bool indent_unlike(struct hint *h, size_t n, size_t other)
{
    const struct line *l = get_line(h, n), *o = get_line(h, other);
    if (!l || !o || lead_of(l) != indent_of(l))
        return false;
    /* Keys of a mapping in a list item line up with the first, after its "- ". */
    size_t mine = indent_of(l), theirs = indent_of(o);
    if (mine == theirs || (!is_dash_line(l) && is_dash_line(o) && mine == item_start(o)))
        return false;
    struct strbuf text = STRBUF_INIT;
    strbuf_addf(&text, "this line is indented %zu space%s and line %zu %s it %zu; %s", mine,
                mine == 1 ? "" : "s", other, other < n ? "above" : "below", theirs,
                is_dash_line(l) ? "items of one list must line up"
                                : "keys of one mapping must line up");
    say(h, n, mine, strbuf_str(&text));
    strbuf_release(&text);
    return true;
}

/* Line n is indented unlike the content line above it. */
static bool indent_hint(struct hint *h, size_t n)
{
    return indent_unlike(h, n, prev_content(h, n));
}

static size_t next_content(const struct hint *h, size_t n)
{
    while (n < h->n) {
        n++;
        if (has_content(&h->lines[n]))
            return n;
    }
    return 0;
}

/*
 * Line n, where the parser stopped, is indented like the line after it, but the line
 * above it opened the block and set another indentation (or a '-' there made the
 * block a list): that first line is the one out of step.
 */
static bool first_of_block_hint(struct hint *h, size_t n)
{
    size_t p = prev_content(h, n), q = p ? prev_content(h, p) : 0, next = next_content(h, n);
    if (!q || !next)
        return false;
    size_t before = indent_of(&h->lines[q]), first = indent_of(&h->lines[p]);
    size_t mine = indent_of(&h->lines[n]);
    if (first <= before || mine <= before || indent_of(&h->lines[next]) != mine ||
        is_dash_line(&h->lines[n]) || is_dash_line(&h->lines[next]))
        return false;
    if (is_dash_line(&h->lines[p]) && first == mine)
        return stray_dash(h, p);
    return first != mine && indent_unlike(h, p, n);
}

/*
 * The document ended before line n: its first line is indented more than n, so the
 * parser took everything up to n as the whole document.
 */
static bool indented_start(struct hint *h, size_t n)
{
    size_t first = 1;
    while (first < n && !has_content(&h->lines[first]))
        first++;
    return first < n && indent_of(&h->lines[first]) > indent_of(&h->lines[n]) &&
           indent_unlike(h, first, n);
}

/* The first plain line from line `from` to line `to` indented like line `to`. */
static bool colon_hint_between(struct hint *h, size_t from, size_t to)
{
    const struct line *last = get_line(h, to);
    if (!last)
        return false;
    for (size_t n = from ? from : 1; n < to; n++)
        if (indent_of(&h->lines[n]) == indent_of(last) && !is_dash_line(&h->lines[n]) &&
            colon_hint(h, n))
            return true;
    return false;
}

/*
 * "Mapping values are not allowed": a ':' where no key may start. Either a value holds
 * ': ', or the key's line is read as the end of the text before it: a key above
 * without its ':', or this line indented past a key that already has a value.
 */
static bool stray_colon(struct hint *h, size_t n, unsigned column)
{
    const struct line *l = get_line(h, n);
    if (!l)
        return false;
    size_t at = offset_of(l, column), lead = lead_of(l);
    size_t key = key_colon(l, lead, at);
    if (key != SIZE_MAX && key < at) {
        say(h, n, at, "a value that holds ': ' must be quoted: ");
        struct strbuf fix = STRBUF_INIT;
        size_t v = key + 1;
        while (v < l->len && is_blank(l->p[v]))
            v++;
        strbuf_add(&fix, l->p + lead, key + 1 - lead);
        strbuf_adds(&fix, " \"");
        for (size_t i = v, end = content_end(l); i < end; i++) {
            if (l->p[i] == '"' || l->p[i] == '\\')
                strbuf_addc(&fix, '\\');
            strbuf_addc(&fix, l->p[i]);
        }
        strbuf_addc(&fix, '"');
        text_add_quoted(h->msg, strbuf_str(&fix), FIX_MAX);
        strbuf_release(&fix);
        return true;
    }
    if (colon_hint(h, n))
        return true;
    size_t p = prev_content(h, n);
    if (!p)
        return false;
    /* A plain line above that continues the value of the key above it is text, not a
     * key: then this line is the one out of place. */
    size_t q = prev_content(h, p);
    const struct line *pl = &h->lines[p];
    bool continues = false;
    if (q) {
        const struct line *ql = &h->lines[q];
        size_t qk = key_colon(ql, lead_of(ql), content_end(ql));
        continues = qk != SIZE_MAX && qk + 1 < content_end(ql) && indent_of(pl) > indent_of(ql);
    }
    if (!continues && colon_hint(h, p))
        return true;
    return first_of_block_hint(h, n) || indent_hint(h, n);
}

/*
 * A line the parser did not expect where a key (or, with want_dash, a list item)
 * belongs. Mid-line, text after a closing quote; at the start of the line, a list item
 * indented unlike the one above, a '-' among keys, a line indented unlike the one
 * above, or a key without its ':' there or above.
 */
static bool unexpected_line(struct hint *h, size_t n, unsigned column, size_t opened,
                            bool want_dash)
{
    const struct line *l = get_line(h, n);
    if (!l)
        return false;
    if (offset_of(l, column) > lead_of(l))
        return early_quote(h, n, column, opened) || colon_hint(h, n);
    size_t p = prev_content(h, n);
    if (first_of_block_hint(h, n))
        return true;
    if ((want_dash || (p && is_dash_line(&h->lines[p]))) && indent_hint(h, n))
        return true;
    return stray_dash(h, n) || indent_hint(h, n) || colon_hint(h, n) ||
           colon_hint_between(h, opened, n);
}

/*
 * True when the bracket at byte `at` of line n is matched somewhere after it, brackets
 * counted outside quotes and comments to the end of the text. Then it was closed, and
 * the mistake is something else inside it.
 */
static bool closed_later(const struct hint *h, size_t n, size_t at)
{
    char quote = 0;
    size_t depth = 0;
    for (; n <= h->n; n++, at = 0) {
        const struct line *l = &h->lines[n];
        for (size_t i = at; i < l->len; i++) {
            char c = l->p[i];
            if (quote == '"' && c == '\\' && i + 1 < l->len)
                i++;
            else if (quote && c == quote)
                quote = 0;
            else if (quote)
                continue;
            else if ((c == '"' || c == '\'') && (i == 0 || strchr(" \t{[,:", l->p[i - 1])))
                quote = c;
            else if (c == '#' && (i == 0 || is_blank(l->p[i - 1])))
                break;
            else if (c == '{' || c == '[')
                depth++;
            else if ((c == '}' || c == ']') && --depth == 0)
                return true;
        }
    }
    return false;
}

static bool unclosed_bracket(struct hint *h, size_t n, unsigned column)
{
    const struct line *l = get_line(h, n);
    if (!l)
        return false;
    size_t at = offset_of(l, column);
    if (at >= l->len || (l->p[at] != '{' && l->p[at] != '[') || closed_later(h, n, at))
        return false;
    return say(h, n, at,
               l->p[at] == '{' ? "this '{' is never closed; end the mapping with '}'"
                               : "this '[' is never closed; end the list with ']'");
}

/*
 * The value of a "key: value" item inside '{...}' that YAML cut short: plain text with
 * its own ': ' (which starts a new key), or quoted text with its own quote inside
 * (which ends it). Quoting the text is the fix, not a ','; points at the value.
 */
static bool flow_value_needs_quotes(struct hint *h, size_t n, unsigned column)
{
    const struct line *l = get_line(h, n);
    if (!l)
        return false;
    size_t at = offset_of(l, column);
    if (at > l->len)
        at = l->len;
    size_t start = at;
    while (start > 0 && l->p[start - 1] != '{' && l->p[start - 1] != ',')
        start--;
    if (start == 0)
        return false;
    while (start < at && is_blank(l->p[start]))
        start++;
    size_t colon = start;
    while (colon + 1 < at && !(l->p[colon] == ':' && is_blank(l->p[colon + 1])))
        colon++;
    if (colon + 1 >= at)
        return false;
    size_t v = colon + 1;
    while (v < at && is_blank(l->p[v]))
        v++;
    if (v >= at)
        return false;
    if (l->p[v] == '"' || l->p[v] == '\'') {
        if (!memchr(l->p + v + 1, l->p[v], at - v - 1))
            return false;
        return say(h, n, v,
                   l->p[v] == '"' ? "this text has a '\"' of its own, which ends its quotes "
                                    "early: write it as \\\" inside, or put the text in "
                                    "single quotes"
                                  : "this text has a ' of its own, which ends its quotes "
                                    "early: write it twice ('') inside, or put the text in "
                                    "double quotes");
    }
    for (size_t i = v; i + 1 < l->len && i <= at; i++) {
        if (l->p[i] != ':' || !is_blank(l->p[i + 1]))
            continue;
        /* "5 note: x" is a number, then a key: a ',' is missing there, not quotes. */
        size_t w = i;
        while (w > v && !is_blank(l->p[w - 1]))
            w--;
        bool number = w > v;
        for (size_t k = v; k < w && number; k++)
            number = is_blank(l->p[k]) || strchr("0123456789.+-", l->p[k]);
        if (number)
            return false;
        return say(h, n, v,
                   "this text has a ': ' of its own, which starts a new key inside "
                   "'{...}': put the text in quotes, \"like: this\"");
    }
    return false;
}

/* Two items of one '{...}' or '[...]' with no ',' between them: point where it goes. */
static bool missing_comma(struct hint *h, size_t n, unsigned column)
{
    const struct line *l = get_line(h, n);
    if (!l)
        return false;
    size_t at = offset_of(l, column);
    while (at > 0 && !is_blank(l->p[at - 1]) && !strchr("{[,", l->p[at - 1]))
        at--;
    size_t word = at;
    while (at > 0 && is_blank(l->p[at - 1]))
        at--;
    if (at == word || at == 0 || strchr("{[,", l->p[at - 1]))
        return false;
    return say(h, n, at,
               "a ',' is missing here: items inside '{...}' and '[...]' are "
               "separated by commas");
}

static bool starts_with(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool explain(struct hint *h, const struct yamlhint_error *e)
{
    size_t n = e->line, c = e->context_line <= e->line ? e->context_line : 0;
    if (tab_hint(h, n))
        return true;
    if (c && starts_with(e->context, "while scanning a quoted scalar"))
        return unclosed_quote(h, c, e->context_column);
    if (c && starts_with(e->context, "while parsing a flow")) {
        if (n > c)
            return unclosed_bracket(h, c, e->context_column);
        return starts_with(e->problem, "did not find expected ','") &&
               (flow_value_needs_quotes(h, n, e->column) || missing_comma(h, n, e->column));
    }
    if (c && starts_with(e->context, "while scanning a simple key"))
        return tab_hint(h, c) || colon_hint(h, c) || indent_hint(h, c);
    if (starts_with(e->problem, "mapping values are not allowed"))
        return stray_colon(h, n, e->column);
    if (starts_with(e->problem, "did not find expected <document start>"))
        return indented_start(h, n);
    if (starts_with(e->problem, "did not find expected key"))
        return unexpected_line(h, n, e->column, c, false);
    if (starts_with(e->problem, "did not find expected '-' indicator"))
        return unexpected_line(h, n, e->column, c, true);
    return false;
}

bool yamlhint_explain(const char *buf, size_t len, const struct yamlhint_error *err, unsigned *line,
                      unsigned *column, struct strbuf *msg)
{
    struct hint h = {0};
    struct strbuf text = STRBUF_INIT;
    if (!err->problem || err->line == 0)
        return false;
    split_lines(&h, buf, len);
    h.msg = &text;
    bool found = err->line <= h.n && explain(&h, err);
    if (found) {
        *line = h.line;
        *column = h.column;
        strbuf_adds(msg, strbuf_str(&text));
    }
    strbuf_release(&text);
    free(h.lines);
    return found;
}
