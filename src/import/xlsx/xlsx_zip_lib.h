/*
 * xlsx_zip_lib.h - the libzip functions src/import/xlsx/xlsx_zip.c reads archives with, and the one
 * call that finds them: the seam between the zip reading, which is the same on every
 * platform, and how the library is reached. CMake compiles one of:
 *
 *   src/import/xlsx/xlsx_zip_dlopen.c  Linux: libzip is opened (dlopen) when the first workbook is,
 *                          so that other commands start without it
 *   src/import/xlsx/xlsx_zip_linked.c  Windows: libzip is linked statically (third_party/libzip)
 */
#ifndef STAGEGAP_XLSX_ZIP_LIB_H
#define STAGEGAP_XLSX_ZIP_LIB_H

#include <zip.h>

struct diags;

struct xlsx_zip_lib {
    void (*error_init)(zip_error_t *);
    void (*error_fini)(zip_error_t *);
    int (*error_code_zip)(const zip_error_t *);
    const char *(*error_strerror)(zip_error_t *);
    zip_source_t *(*source_buffer_create)(const void *, zip_uint64_t, int, zip_error_t *);
    void (*source_free)(zip_source_t *);
    zip_t *(*open_from_source)(zip_source_t *, int, zip_error_t *);
    zip_int64_t (*get_num_entries)(zip_t *, zip_flags_t);
    void (*discard)(zip_t *);
    zip_error_t *(*get_error)(zip_t *);
    zip_int64_t (*name_locate)(zip_t *, const char *, zip_flags_t);
    int (*stat_index)(zip_t *, zip_uint64_t, zip_flags_t, zip_stat_t *);
    zip_file_t *(*fopen_index)(zip_t *, zip_uint64_t, zip_flags_t);
    zip_int64_t (*file_read)(zip_file_t *, void *, zip_uint64_t);
    zip_error_t *(*file_get_error)(zip_file_t *);
    int (*file_close)(zip_file_t *);
};

/*
 * libzip's functions, found on the first call and kept until the process ends; NULL,
 * with an error on name (the workbook being opened) in d, when they cannot be. Only an
 * import calls it, and an import is single-threaded: no lock.
 */
const struct xlsx_zip_lib *xlsx_zip_lib(const char *name, struct diags *d);

#endif
