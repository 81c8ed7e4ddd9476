/*
 * xlsx_limits.h - how much of a workbook the reader takes: the archive, its parts, one
 * sheet's cells, rows and merges. A workbook past one of them is refused, located, never
 * read in part. Shared by the archive (xlsx_zip.c), the sheet reader (xlsx_sheet.c) and
 * the workbook (xlsx.c), so it lives below all three.
 */
#ifndef STAGEGAP_XLSX_LIMITS_H
#define STAGEGAP_XLSX_LIMITS_H

enum {
    XLSX_FILE_MAX = 64 * 1024 * 1024,          /* bytes of the archive, as IMPORT_FILE_MAX */
    XLSX_ENTRIES_MAX = 10000,                  /* files in the archive */
    XLSX_PART_MAX = 64 * 1024 * 1024,          /* uncompressed bytes of one part that is read */
    XLSX_RATIO_MAX = 100,                      /* uncompressed : compressed, for a large part */
    XLSX_RATIO_FROM = 1024 * 1024,             /* uncompressed bytes from which the ratio counts */
    XLSX_XML_DEPTH_MAX = 64,                   /* elements inside one another */
    XLSX_CELL_MAX = 16384,                     /* bytes of one cell's text, as IMPORT_CELL_MAX */
    XLSX_COLUMNS_MAX = 2000,                   /* columns with a value, as IMPORT_COLUMNS_MAX */
    XLSX_HEADER_ROWS = 3,                      /* rows whose merged cells are repeated */
    XLSX_ROWS_MAX = 100000 + XLSX_HEADER_ROWS, /* rows with a value */
    XLSX_STRINGS_MAX = 2000000,                /* shared strings */
    XLSX_SHEETS_MAX = 1000,                    /* worksheets in the workbook */
    XLSX_STYLES_MAX = 65536,                   /* cell formats (cellXfs) */
    XLSX_MERGES_MAX = 10000                    /* merged ranges in the header rows */
};

#endif
