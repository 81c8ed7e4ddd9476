#include "strbuf.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void strbuf_init(struct strbuf *sb)
{
    sb->buf = NULL;
    sb->len = 0;
    sb->alloc = 0;
}

void strbuf_release(struct strbuf *sb)
{
    free(sb->buf);
    strbuf_init(sb);
}

void strbuf_reset(struct strbuf *sb)
{
    sb->len = 0;
    if (sb->buf)
        sb->buf[0] = '\0';
}

void strbuf_grow(struct strbuf *sb, size_t extra)
{
    size_t need = st_add(st_add(sb->len, extra), 1);
    if (need <= sb->alloc)
        return;
    size_t alloc = sb->alloc ? sb->alloc : 64;
    while (alloc < need)
        alloc = st_mult(alloc, 2);
    bool fresh = sb->buf == NULL;
    sb->buf = xrealloc(sb->buf, alloc);
    sb->alloc = alloc;
    if (fresh)
        sb->buf[0] = '\0';
}

void strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
    if (sb->alloc - sb->len <= len) /* alloc is 0 or above len: no wrap */
        strbuf_grow(sb, len);
    if (len)
        memcpy(sb->buf + sb->len, data, len);
    sb->len += len;
    sb->buf[sb->len] = '\0';
}

void strbuf_adds(struct strbuf *sb, const char *s)
{
    strbuf_add(sb, s, strlen(s));
}

void strbuf_addc(struct strbuf *sb, char c)
{
    if (sb->alloc - sb->len <= 1)
        strbuf_grow(sb, 1);
    sb->buf[sb->len++] = c;
    sb->buf[sb->len] = '\0';
}

void strbuf_add_size(struct strbuf *sb, size_t v)
{
    char digits[24], *p = digits + sizeof(digits);
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    strbuf_add(sb, p, (size_t)(digits + sizeof(digits) - p));
}

void strbuf_addchars(struct strbuf *sb, char c, size_t n)
{
    strbuf_grow(sb, n);
    memset(sb->buf + sb->len, c, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

/*
 * Formats into the room the buffer has, and only when that was too short grows it and
 * formats again: one vsnprintf for most calls, where measuring first always took two.
 */
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
    va_list copy;
    strbuf_grow(sb, 64);
    size_t room = sb->alloc - sb->len;
    va_copy(copy, ap);
    int n = vsnprintf(sb->buf + sb->len, room, fmt, copy);
    va_end(copy);
    if (n < 0) {
        sb->buf[sb->len] = '\0';
        return;
    }
    if ((size_t)n >= room) {
        strbuf_grow(sb, (size_t)n);
        vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    }
    sb->len += (size_t)n;
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    strbuf_vaddf(sb, fmt, ap);
    va_end(ap);
}

const char *strbuf_str(const struct strbuf *sb)
{
    return sb->buf ? sb->buf : "";
}

char *strbuf_detach(struct strbuf *sb, size_t *len)
{
    if (!sb->buf)
        strbuf_grow(sb, 0);
    char *out = sb->buf;
    if (len)
        *len = sb->len;
    strbuf_init(sb);
    return out;
}

void strbuf_add_tenths(struct strbuf *sb, double v)
{
    double rounded = round(v * 10.0) / 10.0;
    if (rounded == 0.0)
        rounded = 0.0; /* no "-0.0" */
    strbuf_addf(sb, "%.1f", rounded);
}
