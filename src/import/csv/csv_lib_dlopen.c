/*
 * csv_lib_dlopen.c - csv_lib.h for the Linux build: libcsv is opened when the first CSV
 * export is read, not linked: mapping and relocating it, with expat (opened with the
 * first workbook, src/import/xlsx/xlsx_zip_dlopen.c), was about a tenth of what an
 * empty program takes to start, paid by every command, and only an import reads CSV
 * (docs/performance.md, "Start-up"). STAGEGAP_LIBCSV_SONAME is the library the build
 * found (CMakeLists.txt).
 */
#include "csv_lib.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <string.h>

#include "diag.h"

static struct csv_lib csvf;

_Static_assert(sizeof(void *) == sizeof(void (*)(void)),
               "dlsym's object pointer holds a function pointer, as POSIX requires");

/*
 * Sets csvf.field to the library's symbol. The assignment inside sizeof is never
 * evaluated (so nothing is linked): it only makes the compiler check the field's type
 * against <csv.h>'s declaration.
 */
#define CSV_LOAD(field, symbol)                                                                    \
    do {                                                                                           \
        void *sym = dlsym(lib, #symbol);                                                           \
        (void)sizeof(csvf.field = symbol);                                                         \
        if (!sym)                                                                                  \
            goto missing;                                                                          \
        memcpy(&csvf.field, &sym, sizeof(sym));                                                    \
    } while (0)

const struct csv_lib *csv_lib(const char *name, struct diags *d)
{
    static bool loaded;
    if (loaded)
        return &csvf;
    void *lib = dlopen(STAGEGAP_LIBCSV_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        diag_error(d, name, 0, 0, "cannot read CSV: libcsv cannot be loaded (%s)", dlerror());
        return NULL;
    }
    CSV_LOAD(init, csv_init);
    CSV_LOAD(fini, csv_fini);
    CSV_LOAD(free, csv_free);
    CSV_LOAD(error, csv_error);
    CSV_LOAD(parse, csv_parse);
    CSV_LOAD(set_delim, csv_set_delim);
    CSV_LOAD(set_realloc_func, csv_set_realloc_func);
    CSV_LOAD(set_free_func, csv_set_free_func);
    loaded = true;
    return &csvf;
missing:
    diag_error(d, name, 0, 0, "cannot read CSV: libcsv is not the one expected (%s)", dlerror());
    dlclose(lib);
    return NULL;
}
