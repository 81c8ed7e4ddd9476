#include "rules_builtin.h"

#include <string.h>

#include "pool.h"

static void *copy_array(struct pool *p, const void *from, size_t n, size_t size)
{
    if (!from)
        return NULL;
    void *to = pool_array(p, n ? n : 1, size);
    if (n)
        memcpy(to, from, n * size);
    return to;
}

void rules_load_compiled(struct rules *r, const struct rules *compiled)
{
    *r = *compiled;
    pool_init(&r->pool);
    struct pool *p = &r->pool;
    r->levels = copy_array(p, compiled->levels, r->n_levels, sizeof(*r->levels));
    r->bands = copy_array(p, compiled->bands, r->n_bands, sizeof(*r->bands));
    r->stages = copy_array(p, compiled->stages, r->n_stages, sizeof(*r->stages));
    r->items = copy_array(p, compiled->items, r->n_items, sizeof(*r->items));
    r->by_id = copy_array(p, compiled->by_id, r->n_by_id, sizeof(*r->by_id));
    for (size_t i = 0; i < r->n_stages; i++) {
        struct rules_stage *st = &r->stages[i];
        st->notes = copy_array(p, st->notes, st->n_notes, sizeof(*st->notes));
    }
    for (size_t i = 0; i < r->n_items; i++) {
        struct rules_item *it = &r->items[i];
        it->addresses = copy_array(p, it->addresses, it->n_addresses, sizeof(*it->addresses));
    }
}

int rules_load_default(struct rules *r, struct diags *d)
{
    (void)d; /* data checked at build time cannot fail to load */
    rules_load_compiled(r, &rules_builtin_signs_of_safety);
    return 0;
}
