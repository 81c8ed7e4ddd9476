/*
 * xlsx_zip_linked.c - xlsx_zip_lib.h for the Windows build: libzip is linked statically
 * (third_party/libzip, docs/windows.md), so its functions are simply its own.
 */
#include "xlsx_zip_lib.h"

static const struct xlsx_zip_lib linked = {
    .error_init = zip_error_init,
    .error_fini = zip_error_fini,
    .error_code_zip = zip_error_code_zip,
    .error_strerror = zip_error_strerror,
    .source_buffer_create = zip_source_buffer_create,
    .source_free = zip_source_free,
    .open_from_source = zip_open_from_source,
    .get_num_entries = zip_get_num_entries,
    .discard = zip_discard,
    .get_error = zip_get_error,
    .name_locate = zip_name_locate,
    .stat_index = zip_stat_index,
    .fopen_index = zip_fopen_index,
    .file_read = zip_fread,
    .file_get_error = zip_file_get_error,
    .file_close = zip_fclose,
};

const struct xlsx_zip_lib *xlsx_zip_lib(const char *name, struct diags *d)
{
    (void)name;
    (void)d;
    return &linked;
}
