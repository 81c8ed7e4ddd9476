/*
 * strbuf.h - a growable, always NUL-terminated byte buffer.
 *
 * Renderers and diagnostics write into a strbuf rather than straight to a stream, so
 * that tests can compare whole outputs as strings. The strbuf owns its bytes; out of
 * memory is fatal.
 */
#ifndef STAGEGAP_STRBUF_H
#define STAGEGAP_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
    char *buf; /* NUL-terminated; NULL until the first write */
    size_t len;
    size_t alloc;
};

#define STRBUF_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
void strbuf_addchars(struct strbuf *sb, char c, size_t n);
/* v in decimal, as "%zu" writes it, without the printf family (hot paths). */
void strbuf_add_size(struct strbuf *sb, size_t v);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* v rounded to one decimal as "%.1f", never "-0.0": a drawing coordinate or a chart's
   score in JSON; a figure the reader takes as a result is formatted exactly (exact.h). */
void strbuf_add_tenths(struct strbuf *sb, double v);
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Returns the contents ("" when empty); valid until the next write. */
const char *strbuf_str(const struct strbuf *sb);
/* Hands the bytes to the caller (never NULL) and leaves the buffer empty. */
char *strbuf_detach(struct strbuf *sb, size_t *len);

#endif
