/*
 * xlsx_zip_dlopen.c - xlsx_zip_lib.h for the Linux build: libzip is opened when the
 * first workbook is, not linked. With the libraries it needs (libcrypto above all)
 * loading it was 3.6 million instructions at the start of every command, 94% of
 * `--version`, and only a workbook's import reads a zip archive (docs/performance.md,
 * "Start-up"). STAGEGAP_LIBZIP_SONAME is the library the build found (CMakeLists.txt).
 */
#include "xlsx_zip_lib.h"

#include <dlfcn.h>
#include <string.h>

#include "diag.h"

static struct xlsx_zip_lib zipf;

_Static_assert(sizeof(void *) == sizeof(void (*)(void)),
               "dlsym's object pointer holds a function pointer, as POSIX requires");

/*
 * Sets zipf.field to the library's symbol. The assignment inside sizeof is never
 * evaluated (so nothing is linked): it only makes the compiler check the field's type
 * against <zip.h>'s declaration.
 */
#define ZIP_LOAD(field, symbol)                                                                    \
    do {                                                                                           \
        void *sym = dlsym(lib, #symbol);                                                           \
        (void)sizeof(zipf.field = symbol);                                                         \
        if (!sym)                                                                                  \
            goto missing;                                                                          \
        memcpy(&zipf.field, &sym, sizeof(sym));                                                    \
    } while (0)

const struct xlsx_zip_lib *xlsx_zip_lib(const char *name, struct diags *d)
{
    static void *loaded;
    if (loaded)
        return &zipf;
    void *lib = dlopen(STAGEGAP_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        diag_error(d, name, 0, 0, "cannot read workbooks: libzip cannot be loaded (%s)", dlerror());
        return NULL;
    }
    ZIP_LOAD(error_init, zip_error_init);
    ZIP_LOAD(error_fini, zip_error_fini);
    ZIP_LOAD(error_code_zip, zip_error_code_zip);
    ZIP_LOAD(error_strerror, zip_error_strerror);
    ZIP_LOAD(source_buffer_create, zip_source_buffer_create);
    ZIP_LOAD(source_free, zip_source_free);
    ZIP_LOAD(open_from_source, zip_open_from_source);
    ZIP_LOAD(get_num_entries, zip_get_num_entries);
    ZIP_LOAD(discard, zip_discard);
    ZIP_LOAD(get_error, zip_get_error);
    ZIP_LOAD(name_locate, zip_name_locate);
    ZIP_LOAD(stat_index, zip_stat_index);
    ZIP_LOAD(fopen_index, zip_fopen_index);
    ZIP_LOAD(file_read, zip_fread);
    ZIP_LOAD(file_get_error, zip_file_get_error);
    ZIP_LOAD(file_close, zip_fclose);
    loaded = lib;
    return &zipf;
missing:
    diag_error(d, name, 0, 0, "cannot read workbooks: libzip is not the one expected (%s)",
               dlerror());
    dlclose(lib);
    return NULL;
}
