#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die_oom(size_t size)
{
    fprintf(stderr, "stagegap: fatal: out of memory allocating %zu bytes\n", size);
    abort();
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        die_oom(size);
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        die_oom(st_mult(count, size));
    return p;
}

void *xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        die_oom(size);
    return p;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(st_add(n, 1));
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

void st_overflow(char op, size_t a, size_t b)
{
    fprintf(stderr, "stagegap: fatal: size overflow (%zu %c %zu)\n", a, op, b);
    abort();
}

void *xgrow(void *ptr, size_t elem_size, size_t need, size_t *alloc)
{
    if (need <= *alloc)
        return ptr;
    size_t n = *alloc ? *alloc : 8;
    while (n < need)
        n = st_mult(n, 2);
    ptr = xrealloc(ptr, st_mult(n, elem_size));
    *alloc = n;
    return ptr;
}
