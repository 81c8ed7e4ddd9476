/*
 * xmlw.c - the XML writer of xmlw.h: a stack of the open elements' names and escaping
 * that keeps to what XML 1.0 allows.
 */
#include "xmlw.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

/* Whether the code point at u (len bytes, valid UTF-8) may stand in an XML document as
   it is: not a C0 control but tab and line feed (carriage return is written as a
   reference), not a C1 control, not U+FFFE or U+FFFF. */
static bool allowed(const unsigned char *u, size_t len)
{
    if (len == 1)
        return u[0] >= 0x20 ? u[0] != 0x7F : u[0] == '\t' || u[0] == '\n';
    if (len == 2)
        return !(u[0] == 0xC2 && u[1] < 0xA0);
    if (len == 3)
        return !(u[0] == 0xEF && u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF));
    return true;
}

void xmlw_escape(struct strbuf *sb, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t len = utf8_seq_len(u + i, n - i);
        if (!len) {
            strbuf_adds(sb, REPLACEMENT);
            i++;
            continue;
        }
        unsigned char c = u[i];
        if (len == 1 && c == '&')
            strbuf_adds(sb, "&amp;");
        else if (len == 1 && c == '<')
            strbuf_adds(sb, "&lt;");
        else if (len == 1 && c == '>')
            strbuf_adds(sb, "&gt;");
        else if (len == 1 && c == '"')
            strbuf_adds(sb, "&quot;");
        else if (len == 1 && c == '\'')
            strbuf_adds(sb, "&apos;");
        else if (len == 1 && c == '\r')
            strbuf_adds(sb, "&#13;");
        else if (allowed(u + i, len))
            strbuf_add(sb, u + i, len);
        else
            strbuf_adds(sb, REPLACEMENT);
        i += len;
    }
}

void xmlw_init(struct xmlw *w, struct strbuf *out)
{
    memset(w, 0, sizeof(*w));
    w->out = out;
}

void xmlw_release(struct xmlw *w)
{
    free((void *)w->open);
    w->open = NULL;
    w->depth = w->alloc = 0;
}

void xmlw_decl(struct xmlw *w)
{
    strbuf_adds(w->out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
}

/* Ends the start tag still open, before content. */
static void close_tag(struct xmlw *w)
{
    if (w->in_tag)
        strbuf_addc(w->out, '>');
    w->in_tag = false;
}

void xmlw_start(struct xmlw *w, const char *name)
{
    close_tag(w);
    w->open = xgrow((void *)w->open, sizeof(*w->open), w->depth + 1, &w->alloc);
    w->open[w->depth++] = name;
    strbuf_addf(w->out, "<%s", name);
    w->in_tag = true;
}

void xmlw_attr(struct xmlw *w, const char *name, const char *value)
{
    if (!w->in_tag)
        return; /* content has begun: an attribute can no longer be written */
    strbuf_addf(w->out, " %s=\"", name);
    xmlw_escape(w->out, value ? value : "");
    strbuf_addc(w->out, '"');
}

void xmlw_attr_size(struct xmlw *w, const char *name, size_t value)
{
    if (w->in_tag)
        strbuf_addf(w->out, " %s=\"%zu\"", name, value);
}

void xmlw_text(struct xmlw *w, const char *s)
{
    close_tag(w);
    xmlw_escape(w->out, s ? s : "");
}

void xmlw_end(struct xmlw *w)
{
    if (!w->depth)
        return;
    const char *name = w->open[--w->depth];
    if (w->in_tag)
        strbuf_adds(w->out, "/>");
    else
        strbuf_addf(w->out, "</%s>", name);
    w->in_tag = false;
}

void xmlw_leaf(struct xmlw *w, const char *name, const char *attr, const char *value)
{
    xmlw_start(w, name);
    if (attr)
        xmlw_attr(w, attr, value);
    xmlw_end(w);
}
