/*
 * pool.h - a bump allocator: many small allocations, one release.
 *
 * A loaded model or answers set owns all its strings and arrays in one pool, so that
 * releasing it is one call and nothing can be freed twice.
 */
#ifndef STAGEGAP_POOL_H
#define STAGEGAP_POOL_H

#include <stddef.h>

struct pool_chunk;

struct pool {
    struct pool_chunk *head;
};

#define POOL_INIT                                                                                  \
    {                                                                                              \
        NULL                                                                                       \
    }

void pool_init(struct pool *p);
void pool_release(struct pool *p);
/* Moves every allocation of from into into: they live until into is released. */
void pool_adopt(struct pool *into, struct pool *from);
/* Zeroed memory aligned for any type; never NULL. */
void *pool_alloc(struct pool *p, size_t size);
/* The same, not zeroed: for a caller that fills it all at once (on the hot path). */
void *pool_alloc_raw(struct pool *p, size_t size);
void *pool_array(struct pool *p, size_t count, size_t size);
char *pool_strdup(struct pool *p, const char *s);
char *pool_strndup(struct pool *p, const char *s, size_t n);

#endif
