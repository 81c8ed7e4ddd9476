/*
 * import_text.c - the small text helpers of "stagegap import": whitespace (a no-break
 * space counts), trimming, and the normal form in which headers, questions and answer
 * words are compared.
 */
#include <stdbool.h>
#include <string.h>

#include "import_text.h"
#include "strbuf.h"

bool import_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Bytes of whitespace at u: ASCII space or a no-break space. */
static size_t space_len(const unsigned char *u)
{
    if (import_is_space(u[0]))
        return 1;
    if (u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    return 0;
}

/* Trims s in place (it must be writable) and returns where it now starts. */
char *import_trim(char *s)
{
    unsigned char *u = (unsigned char *)s;
    size_t skip;
    while ((skip = space_len(u)) != 0)
        u += skip;
    size_t len = strlen((char *)u);
    while (len) {
        if (import_is_space(u[len - 1]))
            len--;
        else if (len >= 2 && u[len - 2] == 0xC2 && u[len - 1] == 0xA0)
            len -= 2;
        else
            break;
    }
    u[len] = '\0';
    return (char *)u;
}

/*
 * How headers, questions and answer words are compared: ASCII case folded, runs of
 * whitespace as one space, curly apostrophes straight, and no surrounding whitespace or
 * trailing '?' and '.'. Survey tools keep a question's words but not always its
 * punctuation or spacing.
 */
char *import_normalise(const char *s)
{
    struct strbuf sb = STRBUF_INIT;
    const unsigned char *u = (const unsigned char *)s;
    bool space = false;
    while (*u) {
        size_t skip = space_len(u);
        if (skip) {
            space = true;
            u += skip;
            continue;
        }
        if (space && sb.len)
            strbuf_addc(&sb, ' ');
        space = false;
        if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x98 || u[2] == 0x99)) {
            strbuf_addc(&sb, '\'');
            u += 3;
            continue;
        }
        strbuf_addc(&sb, (char)(*u >= 'A' && *u <= 'Z' ? *u + ('a' - 'A') : *u));
        u++;
    }
    while (sb.len &&
           (sb.buf[sb.len - 1] == '?' || sb.buf[sb.len - 1] == '.' || sb.buf[sb.len - 1] == ' '))
        sb.buf[--sb.len] = '\0';
    return strbuf_detach(&sb, NULL);
}

bool import_is_digit(char c)
{
    return c >= '0' && c <= '9';
}
