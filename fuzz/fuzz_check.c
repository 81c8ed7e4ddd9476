#include "fuzz_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "diag.h"
#include "report.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"

_Noreturn void fuzz_fail(const char *what, const char *problem, size_t offset)
{
    fprintf(stderr, "fuzz: %s: %s at byte %zu\n", what, problem, offset);
    abort();
}

/*
 * Length of the strict UTF-8 sequence at s (no overlong forms, surrogates or code points
 * past U+10FFFF), or 0. Written here rather than borrowed from text.c, so that the check
 * does not share a bug with the code it checks.
 */
static size_t utf8_len(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else
        return 0;
    if (avail < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return len;
}

void fuzz_check_safe(const char *what, const char *s, size_t len, unsigned allow)
{
    const unsigned char *u = (const unsigned char *)s;
    if (s && strlen(s) != len)
        fuzz_fail(what, "NUL byte in output", strlen(s));
    for (size_t i = 0; i < len;) {
        unsigned char c = u[i];
        size_t n = utf8_len(u + i, len - i);
        if (!n)
            fuzz_fail(what, "invalid UTF-8", i);
        bool bad = (c < 0x20 && c != '\n' && !(c == '\t' && (allow & FUZZ_ALLOW_TAB)) &&
                    !(c == '\r' && (allow & FUZZ_ALLOW_CR))) ||
                   c == 0x7F || (n == 2 && c == 0xC2 && u[i + 1] < 0xA0);
        if (bad) {
            char msg[64];
            snprintf(msg, sizeof(msg), "control character 0x%02x", n == 2 ? u[i + 1] : c);
            fuzz_fail(what, msg, i);
        }
        i += n;
    }
}

/* ---- a small strict JSON checker ---- */

enum { JSON_DEPTH_MAX = 64 };

struct json {
    const char *what;
    const unsigned char *s;
    size_t i, n;
    int depth;
};

static void json_fail(struct json *j, const char *problem)
{
    fuzz_fail(j->what, problem, j->i);
}

static void json_space(struct json *j)
{
    while (j->i < j->n && strchr(" \t\r\n", j->s[j->i]) && j->s[j->i])
        j->i++;
}

static bool json_at(const struct json *j, char c)
{
    return j->i < j->n && j->s[j->i] == (unsigned char)c;
}

static void json_expect(struct json *j, char c)
{
    if (!json_at(j, c)) {
        char msg[48];
        snprintf(msg, sizeof(msg), "JSON: expected '%c'", c);
        json_fail(j, msg);
    }
    j->i++;
}

static bool is_digit(const struct json *j)
{
    return j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9';
}

static void json_digits(struct json *j)
{
    if (!is_digit(j))
        json_fail(j, "JSON: expected a digit");
    while (is_digit(j))
        j->i++;
}

static void json_number(struct json *j)
{
    if (json_at(j, '-'))
        j->i++;
    if (json_at(j, '0'))
        j->i++;
    else
        json_digits(j);
    if (json_at(j, '.')) {
        j->i++;
        json_digits(j);
    }
    if (json_at(j, 'e') || json_at(j, 'E')) {
        j->i++;
        if (json_at(j, '+') || json_at(j, '-'))
            j->i++;
        json_digits(j);
    }
}

static void json_string(struct json *j)
{
    json_expect(j, '"');
    for (;;) {
        if (j->i >= j->n)
            json_fail(j, "JSON: unterminated string");
        unsigned char c = j->s[j->i];
        if (c == '"') {
            j->i++;
            return;
        }
        if (c < 0x20)
            json_fail(j, "JSON: raw control character in a string");
        if (c != '\\') {
            j->i++;
            continue;
        }
        j->i++;
        if (j->i >= j->n)
            json_fail(j, "JSON: unterminated escape");
        c = j->s[j->i++];
        if (c == 'u') {
            for (int k = 0; k < 4; k++, j->i++)
                if (j->i >= j->n || !strchr("0123456789abcdefABCDEF", j->s[j->i]) || !j->s[j->i])
                    json_fail(j, "JSON: bad \\u escape");
        } else if (!strchr("\"\\/bfnrt", c) || !c) {
            json_fail(j, "JSON: bad escape");
        }
    }
}

static void json_literal(struct json *j, const char *word)
{
    size_t len = strlen(word);
    if (j->n - j->i < len || memcmp(j->s + j->i, word, len) != 0)
        json_fail(j, "JSON: unexpected character");
    j->i += len;
}

static void json_value(struct json *j);

static void json_container(struct json *j, char open, char close)
{
    if (++j->depth > JSON_DEPTH_MAX)
        json_fail(j, "JSON: nested too deep");
    json_expect(j, open);
    json_space(j);
    if (json_at(j, close)) {
        j->i++;
        j->depth--;
        return;
    }
    for (;;) {
        if (open == '{') {
            json_string(j);
            json_space(j);
            json_expect(j, ':');
            json_space(j);
        }
        json_value(j);
        json_space(j);
        if (json_at(j, close)) {
            j->i++;
            j->depth--;
            return;
        }
        json_expect(j, ',');
        json_space(j);
    }
}

static void json_value(struct json *j)
{
    if (j->i >= j->n)
        json_fail(j, "JSON: unexpected end");
    switch (j->s[j->i]) {
    case '{':
        json_container(j, '{', '}');
        break;
    case '[':
        json_container(j, '[', ']');
        break;
    case '"':
        json_string(j);
        break;
    case 't':
        json_literal(j, "true");
        break;
    case 'f':
        json_literal(j, "false");
        break;
    case 'n':
        json_literal(j, "null");
        break;
    default:
        json_number(j);
        break;
    }
}

void fuzz_check_json(const char *what, const char *s, size_t len)
{
    struct json j = {what, (const unsigned char *)s, 0, len, 0};
    if (len == 0)
        return; /* a renderer not written yet */
    fuzz_check_safe(what, s, len, 0);
    json_space(&j);
    json_value(&j);
    json_space(&j);
    if (j.i != j.n)
        json_fail(&j, "JSON: text after the value");
}

/* ---- rendering ---- */

void fuzz_check_diags(const struct diags *d)
{
    struct strbuf sb = STRBUF_INIT;
    diags_render(d, &sb);
    fuzz_check_safe("diagnostics", sb.buf, sb.len, 0);
    if (diags_failed(d) && sb.len == 0)
        fuzz_fail("diagnostics", "failed without a message", 0);
    strbuf_release(&sb);
}

/* What may appear in a format besides newlines; JSON is also parsed. */
static void check_format(const char *kind, const char *name, const struct strbuf *sb)
{
    char what[64];
    snprintf(what, sizeof(what), "%s format '%s'", kind, name);
    if (strcmp(name, "json") == 0)
        fuzz_check_json(what, sb->buf, sb->len);
    else if (strcmp(name, "csv") == 0)
        fuzz_check_safe(what, sb->buf, sb->len, FUZZ_ALLOW_TAB | FUZZ_ALLOW_CR);
    else if (strcmp(name, "html") == 0)
        fuzz_check_safe(what, sb->buf, sb->len, FUZZ_ALLOW_TAB); /* white space there */
    else
        fuzz_check_safe(what, sb->buf, sb->len, 0);
}

static const char *const format_names[] = {"text", "markdown", "json", "csv", "html"};
enum { N_FORMATS = sizeof(format_names) / sizeof(format_names[0]) };

static void render_reports(const struct score *s, unsigned knob)
{
    static const size_t widths[] = {80, 40, 200, 57};
    for (size_t f = 0; f < N_FORMATS; f++) {
        const struct report_format *fmt = report_format_find(format_names[f]);
        if (!fmt)
            continue; /* not written yet */
        struct strbuf sb = STRBUF_INIT;
        struct report_ctx ctx = {s, "0.0.0-fuzz", false, widths[knob % 4], NULL, NULL, NULL};
        fmt->render(&ctx, &sb);
        check_format("report", fmt->name, &sb);
        if (strcmp(fmt->name, "text") == 0) {
            /* With colour the escapes are ours; only the encoding is checked. */
            strbuf_reset(&sb);
            ctx.color = true;
            fmt->render(&ctx, &sb);
        }
        strbuf_release(&sb);
    }
}

static void render_comparisons(const struct score *s)
{
    struct compare c;
    struct trend t;
    const struct score *points[2] = {s, s};
    memset(&c, 0, sizeof(c));
    memset(&t, 0, sizeof(t));
    compare_compute(&c, s, s);
    trend_compute(&t, points, 2);
    if (c.regression || c.n_opened || c.n_closed)
        fuzz_fail("compare", "an assessment compared with itself changed", 0);
    for (size_t f = 0; f < N_FORMATS; f++) {
        const struct compare_format *fmt = compare_format_find(format_names[f]);
        if (!fmt)
            continue;
        struct strbuf sb = STRBUF_INIT;
        fmt->render_compare(&c, "0.0.0-fuzz", 80, &sb);
        check_format("compare", fmt->name, &sb);
        strbuf_reset(&sb);
        fmt->render_trend(&t, "0.0.0-fuzz", 80, &sb);
        check_format("trend", fmt->name, &sb);
        strbuf_release(&sb);
    }
    trend_release(&t);
    compare_release(&c);
}

void fuzz_render_all(const struct score *s, unsigned knob)
{
    render_reports(s, knob);
    render_comparisons(s);
}

/* Loaded once: it is the same for every input, and loading it is most of a run's time. */
const struct rules *fuzz_built_in_model(void)
{
    static struct rules model;
    static bool loaded;
    if (!loaded) {
        struct diags d;
        diags_init(&d);
        if (rules_load_default(&model, &d) != 0)
            fuzz_fail("rules_load_default", "the built-in model does not load", 0);
        diags_release(&d);
        loaded = true;
    }
    return &model;
}
