/*
 * xlsx_zip_dlopen.c - xlsx_zip_lib.h for the Linux build: libzip and expat are opened
 * when the first workbook is, not linked. With the libraries it needs (libcrypto above
 * all) loading libzip was 3.6 million instructions at the start of every command, 94%
 * of `--version`; expat (with libcsv, src/import/csv_lib_dlopen.c) was another tenth of
 * an empty program's start; and only an import reads a workbook (docs/performance.md,
 * "Start-up"). STAGEGAP_LIBZIP_SONAME and STAGEGAP_EXPAT_SONAME are the libraries the
 * build found (CMakeLists.txt).
 */
#include "xlsx_zip_lib.h"

#include <dlfcn.h>
#include <stdbool.h>
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
        (void)sizeof(zipf.field = symbol);                                                         \
        ZIP_LOAD_UNCHECKED(field, symbol);                                                         \
    } while (0)
/* The same without the check, for a symbol a newer header may mark deprecated. */
#define ZIP_LOAD_UNCHECKED(field, symbol)                                                          \
    do {                                                                                           \
        void *sym = dlsym(lib, #symbol);                                                           \
        if (!sym)                                                                                  \
            goto missing;                                                                          \
        memcpy(&zipf.field, &sym, sizeof(sym));                                                    \
    } while (0)

/* Opens the library named soname for what, or says why it cannot be. */
static void *open_lib(const char *soname, const char *what, const char *name, const char *purpose,
                      struct diags *d)
{
    void *lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        diag_error(d, name, 0, 0, "%s: %s cannot be loaded (%s)", purpose, what, dlerror());
    return lib;
}

const struct xlsx_zip_lib *xlsx_zip_lib(const char *name, const char *purpose, struct diags *d)
{
    static bool loaded;
    if (loaded)
        return &zipf;
    const char *what = "libzip";
    void *zip_lib = NULL;
    void *lib = open_lib(STAGEGAP_LIBZIP_SONAME, what, name, purpose, d);
    if (!lib)
        return NULL;
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
    ZIP_LOAD(source_buffer, zip_source_buffer);
    ZIP_LOAD(file_add, zip_file_add);
    ZIP_LOAD(set_file_compression, zip_set_file_compression);
    ZIP_LOAD(file_set_dostime, zip_file_set_dostime);
    ZIP_LOAD(close, zip_close);
    ZIP_LOAD(source_keep, zip_source_keep);
    ZIP_LOAD(source_open, zip_source_open);
    ZIP_LOAD(source_read, zip_source_read);
    ZIP_LOAD(source_close, zip_source_close);
    ZIP_LOAD(source_stat, zip_source_stat);
    zip_lib = lib;
    what = "expat";
    lib = open_lib(STAGEGAP_EXPAT_SONAME, what, name, purpose, d);
    if (!lib) {
        dlclose(zip_lib);
        return NULL;
    }
    ZIP_LOAD(xml_parser_create, XML_ParserCreate);
    ZIP_LOAD(xml_parser_free, XML_ParserFree);
    ZIP_LOAD(xml_set_param_entity_parsing, XML_SetParamEntityParsing);
    ZIP_LOAD(xml_set_user_data, XML_SetUserData);
    ZIP_LOAD(xml_set_element_handler, XML_SetElementHandler);
    ZIP_LOAD(xml_set_character_data_handler, XML_SetCharacterDataHandler);
    ZIP_LOAD(xml_set_start_doctype_decl_handler, XML_SetStartDoctypeDeclHandler);
    ZIP_LOAD(xml_set_entity_decl_handler, XML_SetEntityDeclHandler);
    ZIP_LOAD(xml_parse, XML_Parse);
    ZIP_LOAD(xml_stop_parser, XML_StopParser);
    ZIP_LOAD(xml_get_error_code, XML_GetErrorCode);
    ZIP_LOAD(xml_error_string, XML_ErrorString);
    /* Every expat 2 has these (the XML_Size getters, kept when newer ones came). */
    ZIP_LOAD_UNCHECKED(xml_line, XML_GetCurrentLineNumber);
    ZIP_LOAD_UNCHECKED(xml_column, XML_GetCurrentColumnNumber);
    loaded = true;
    return &zipf;
missing:
    diag_error(d, name, 0, 0, "%s: %s is not the one expected (%s)", purpose, what, dlerror());
    dlclose(lib);
    if (zip_lib)
        dlclose(zip_lib);
    return NULL;
}
