/*
 * csv_lib.h - the libcsv functions src/import/import_csv.c reads exports with, and the
 * one call that finds them: the seam between the CSV reading, which is the same on
 * every platform, and how the library is reached. CMake compiles one of:
 *
 *   src/import/csv_lib_dlopen.c  Linux: libcsv is opened (dlopen) when the first CSV
 *                                export is read, so that other commands start without it
 *   src/import/csv_lib_linked.c  Windows: libcsv is linked (third_party/libcsv)
 *
 * as src/import/xlsx/xlsx_zip_lib.h does for libzip and expat.
 */
#ifndef STAGEGAP_CSV_LIB_H
#define STAGEGAP_CSV_LIB_H

#include <csv.h>
#include <stddef.h>

struct diags;

typedef void (*csv_cell_fn)(void *, size_t, void *);
typedef void (*csv_row_fn)(int, void *);

struct csv_lib {
    int (*init)(struct csv_parser *, unsigned char);
    int (*fini)(struct csv_parser *, csv_cell_fn, csv_row_fn, void *);
    void (*free)(struct csv_parser *);
    int (*error)(struct csv_parser *);
    size_t (*parse)(struct csv_parser *, const void *, size_t, csv_cell_fn, csv_row_fn, void *);
    void (*set_delim)(struct csv_parser *, unsigned char);
    void (*set_realloc_func)(struct csv_parser *, void *(*)(void *, size_t));
    void (*set_free_func)(struct csv_parser *, void (*)(void *));
};

/*
 * libcsv's functions, found on the first call and kept until the process ends; NULL,
 * with an error on name (the file being imported) in d, when they cannot be. Only an
 * import calls it, and an import is single-threaded: no lock.
 */
const struct csv_lib *csv_lib(const char *name, struct diags *d);

#endif
