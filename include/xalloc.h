/*
 * xalloc.h - allocation that cannot return NULL, and overflow-checked sizes.
 *
 * Out of memory is fatal with a message: stagegap has nothing useful to do without it.
 */
#ifndef STAGEGAP_XALLOC_H
#define STAGEGAP_XALLOC_H

#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Says a size overflowed (op is '*' or '+') and aborts. */
_Noreturn void st_overflow(char op, size_t a, size_t b);
/* count * size, or a fatal error when that overflows. Inline: every growing buffer and
   pool allocation checks its size this way, and a call for each was 2% of a report. */
static inline size_t st_mult(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        st_overflow('*', count, size);
    return count * size;
}
static inline size_t st_add(size_t a, size_t b)
{
    if (a > SIZE_MAX - b)
        st_overflow('+', a, b);
    return a + b;
}

/* Grows the array *ptr holding *alloc elements of elem_size so it can hold need. */
void *xgrow(void *ptr, size_t elem_size, size_t need, size_t *alloc);
/* The capacity is checked in place: most calls, on hot paths, find room. need and alloc
   are evaluated twice. */
#define XGROW(ptr, need, alloc)                                                                    \
    ((need) <= (alloc) ? (void)0 : (void)((ptr) = xgrow((ptr), sizeof(*(ptr)), (need), &(alloc))))

#endif
