/*
 * csv_lib_linked.c - csv_lib.h for the Windows build: libcsv is linked
 * (third_party/libcsv, docs/windows.md), so its functions are simply its own.
 */
#include "csv_lib.h"

static const struct csv_lib linked = {
    .init = csv_init,
    .fini = csv_fini,
    .free = csv_free,
    .error = csv_error,
    .parse = csv_parse,
    .set_delim = csv_set_delim,
    .set_realloc_func = csv_set_realloc_func,
    .set_free_func = csv_set_free_func,
};

const struct csv_lib *csv_lib(const char *name, struct diags *d)
{
    (void)name;
    (void)d;
    return &linked;
}
