#include "escape.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "strbuf.h"
#include "text.h"

/*
 * Calls add for each valid code point of s, and adds U+FFFD for each invalid byte. A run
 * of printable ASCII none of which is in specials, which add would copy as it is, is
 * copied at once: most text of a report is such runs, and a call per byte was half of
 * a one-respondent JSON report's instructions.
 */
static void each_code_point(struct strbuf *sb, const char *s, const char *specials,
                            void (*add)(struct strbuf *, const unsigned char *, size_t))
{
    uint64_t special[2] = {0, 0}; /* bytes 0 to 127, a bit each */
    for (const unsigned char *c = (const unsigned char *)specials; *c; c++)
        special[*c >> 6] |= (uint64_t)1 << (*c & 63);
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t run = i;
        while (run < n && u[run] >= 0x20 && u[run] < 0x7F &&
               !(special[u[run] >> 6] >> (u[run] & 63) & 1))
            run++;
        if (run > i) {
            strbuf_add(sb, u + i, run - i);
            i = run;
            continue;
        }
        size_t len = utf8_seq_len(u + i, n - i);
        if (!len) {
            strbuf_adds(sb, "\xEF\xBF\xBD");
            i++;
            continue;
        }
        add(sb, u + i, len);
        i += len;
    }
}

static bool is_c1(const unsigned char *u, size_t len)
{
    return len == 2 && u[0] == 0xC2 && u[1] < 0xA0;
}

static void add_json(struct strbuf *sb, const unsigned char *u, size_t len)
{
    unsigned char c = u[0];
    if (len == 1 && c == '"')
        strbuf_adds(sb, "\\\"");
    else if (len == 1 && c == '\\')
        strbuf_adds(sb, "\\\\");
    else if (len == 1 && c == '\n')
        strbuf_adds(sb, "\\n");
    else if (len == 1 && c == '\t')
        strbuf_adds(sb, "\\t");
    else if (len == 1 && c == '\r')
        strbuf_adds(sb, "\\r");
    else if (len == 1 && (c < 0x20 || c == 0x7F))
        strbuf_addf(sb, "\\u%04x", c);
    else if (is_c1(u, len))
        strbuf_addf(sb, "\\u%04x", u[1]);
    else if (len == 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
        strbuf_addf(sb, "\\u%04x", 0x2000 + (u[2] - 0x80));
    else
        strbuf_add(sb, u, len);
}

void escape_json(struct strbuf *sb, const char *s)
{
    strbuf_addc(sb, '"');
    each_code_point(sb, s, "\"\\", add_json);
    strbuf_addc(sb, '"');
}

/* What add_markdown escapes among the printable ASCII characters. */
#define MARKDOWN_SPECIALS "\\`*_[]<>#|&~"

static void add_markdown(struct strbuf *sb, const unsigned char *u, size_t len)
{
    unsigned char c = u[0];
    if (len == 1 && (c == '\n' || c == '\r' || c == '\t'))
        strbuf_addc(sb, ' ');
    else if (len == 1 && (c < 0x20 || c == 0x7F))
        strbuf_addf(sb, "\\\\x%02x", c);
    else if (is_c1(u, len))
        strbuf_addf(sb, "\\\\x%02x", u[1]);
    else if (len == 1 && strchr(MARKDOWN_SPECIALS, c))
        strbuf_addc(sb, '\\'), strbuf_addc(sb, (char)c);
    else
        strbuf_add(sb, u, len);
}

static bool starts_with_nocase(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if ((*s | 0x20) != *prefix)
            return false;
    return true;
}

/*
 * Bare URLs ("https://...", "www.") would become live links in GitHub's and GitLab's
 * markdown: the ':' of "://" and the '.' of "www." are escaped so they stay text.
 */
void escape_markdown(struct strbuf *sb, const char *s)
{
    struct strbuf run = STRBUF_INIT;
    const char *start = s;
    for (const char *p = s; *p; p++) {
        bool url = strncmp(p, "://", 3) == 0;
        bool www = starts_with_nocase(p, "www.") && (p == s || p[-1] == ' ' || p[-1] == '(');
        if (!url && !www)
            continue;
        strbuf_reset(&run);
        strbuf_add(&run, start, (size_t)(p - start));
        each_code_point(sb, strbuf_str(&run), MARKDOWN_SPECIALS, add_markdown);
        if (url) {
            strbuf_adds(sb, "\\:");
            start = p + 1;
        } else {
            strbuf_add(sb, p, 3);
            strbuf_adds(sb, "\\.");
            start = p + 4;
            p += 3;
        }
    }
    each_code_point(sb, start, MARKDOWN_SPECIALS, add_markdown);
    strbuf_release(&run);
}

static void add_csv(struct strbuf *sb, const unsigned char *u, size_t len)
{
    if (len == 1 && u[0] == '"')
        strbuf_adds(sb, "\"\"");
    else if (len == 1 && (u[0] < 0x20 || u[0] == 0x7F) && u[0] != '\n' && u[0] != '\t' &&
             u[0] != '\r')
        strbuf_addf(sb, "\\x%02x", u[0]);
    else if (is_c1(u, len))
        strbuf_addf(sb, "\\x%02x", u[1]);
    else
        strbuf_add(sb, u, len);
}

void escape_csv(struct strbuf *sb, const char *s)
{
    strbuf_addc(sb, '"');
    if (strchr("=+-@\t\r", s[0]) && s[0] != '\0')
        strbuf_addc(sb, '\'');
    each_code_point(sb, s, "\"", add_csv);
    strbuf_addc(sb, '"');
}

static void add_html(struct strbuf *sb, const unsigned char *u, size_t len)
{
    unsigned char c = u[0];
    if (len == 1) {
        switch (c) {
        case '&':
            strbuf_adds(sb, "&amp;");
            return;
        case '<':
            strbuf_adds(sb, "&lt;");
            return;
        case '>':
            strbuf_adds(sb, "&gt;");
            return;
        case '"':
            strbuf_adds(sb, "&quot;");
            return;
        case '\'':
            strbuf_adds(sb, "&#39;");
            return;
        default:
            break;
        }
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
            strbuf_addf(sb, "\\x%02x", c);
            return;
        }
    }
    if (is_c1(u, len))
        strbuf_addf(sb, "\\x%02x", u[1]);
    else
        strbuf_add(sb, u, len);
}

void escape_html(struct strbuf *sb, const char *s)
{
    each_code_point(sb, s, "&<>\"'", add_html);
}

static void add_yaml(struct strbuf *sb, const unsigned char *u, size_t len)
{
    unsigned char c = u[0];
    if (len == 1 && (c == '"' || c == '\\'))
        strbuf_addc(sb, '\\'), strbuf_addc(sb, (char)c);
    else if (len == 1 && c == '\n')
        strbuf_adds(sb, "\\n");
    else if (len == 1 && c == '\t')
        strbuf_adds(sb, "\\t");
    else if (len == 1 && (c < 0x20 || c == 0x7F))
        strbuf_addf(sb, "\\x%02x", c);
    else if (is_c1(u, len))
        strbuf_addf(sb, "\\x%02x", u[1]);
    else if (len == 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
        strbuf_addf(sb, "\\u%04x", 0x2000 + (u[2] - 0x80));
    else if (len == 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        strbuf_adds(sb, "\\ufeff");
    else if (len == 3 && u[0] == 0xEF && u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF))
        strbuf_adds(sb, u[2] == 0xBE ? "\\ufffe" : "\\uffff");
    else
        strbuf_add(sb, u, len);
}

void escape_yaml(struct strbuf *sb, const char *s)
{
    strbuf_addc(sb, '"');
    each_code_point(sb, s, "\"\\", add_yaml);
    strbuf_addc(sb, '"');
}

void escape_yaml_key(struct strbuf *sb, const char *id)
{
    if (strcmp(id, "null") == 0)
        escape_yaml(sb, id);
    else
        strbuf_adds(sb, id);
}

void escape_terminal(struct strbuf *sb, const char *s, int flatten)
{
    text_add_safe(sb, s, flatten != 0);
}
