/*
 * xlsx_zip_lib.h - the libzip and expat functions src/import/xlsx/xlsx_zip.c reads a
 * workbook's archive and its XML parts with (and zipw.c writes an archive with), and the
 * one call that finds them: the seam
 * between the reading, which is the same on every platform, and how the libraries are
 * reached. CMake compiles one of:
 *
 *   src/import/xlsx/xlsx_zip_dlopen.c  Linux: libzip and expat are opened (dlopen) when the
 *                          first workbook is, so that other commands start without them
 *   src/import/xlsx/xlsx_zip_linked.c  Windows: both are linked statically (third_party/)
 */
#ifndef STAGEGAP_XLSX_ZIP_LIB_H
#define STAGEGAP_XLSX_ZIP_LIB_H

#include <expat.h>
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
    /* writing an archive into memory (zipw.c) */
    zip_source_t *(*source_buffer)(zip_t *, const void *, zip_uint64_t, int);
    zip_int64_t (*file_add)(zip_t *, const char *, zip_source_t *, zip_flags_t);
    int (*set_file_compression)(zip_t *, zip_uint64_t, zip_int32_t, zip_uint32_t);
    int (*file_set_dostime)(zip_t *, zip_uint64_t, zip_uint16_t, zip_uint16_t, zip_flags_t);
    int (*close)(zip_t *);
    void (*source_keep)(zip_source_t *);
    int (*source_open)(zip_source_t *);
    zip_int64_t (*source_read)(zip_source_t *, void *, zip_uint64_t);
    int (*source_close)(zip_source_t *);
    int (*source_stat)(zip_source_t *, zip_stat_t *);
    /* expat */
    XML_Parser(XMLCALL *xml_parser_create)(const XML_Char *);
    void(XMLCALL *xml_parser_free)(XML_Parser);
    int(XMLCALL *xml_set_param_entity_parsing)(XML_Parser, enum XML_ParamEntityParsing);
    void(XMLCALL *xml_set_user_data)(XML_Parser, void *);
    void(XMLCALL *xml_set_element_handler)(XML_Parser, XML_StartElementHandler,
                                           XML_EndElementHandler);
    void(XMLCALL *xml_set_character_data_handler)(XML_Parser, XML_CharacterDataHandler);
    void(XMLCALL *xml_set_start_doctype_decl_handler)(XML_Parser, XML_StartDoctypeDeclHandler);
    void(XMLCALL *xml_set_entity_decl_handler)(XML_Parser, XML_EntityDeclHandler);
    enum XML_Status(XMLCALL *xml_parse)(XML_Parser, const char *, int, int);
    enum XML_Status(XMLCALL *xml_stop_parser)(XML_Parser, XML_Bool);
    enum XML_Error(XMLCALL *xml_get_error_code)(XML_Parser);
    const XML_LChar *(XMLCALL *xml_error_string)(enum XML_Error);
    XML_Size(XMLCALL *xml_line)(XML_Parser);
    XML_Size(XMLCALL *xml_column)(XML_Parser);
};

/*
 * libzip's and expat's functions, found on the first call and kept until the process ends; NULL,
 * with an error on name (the workbook being opened, or the file being written) in d, when
 * they cannot be, the error starting with why they were wanted ("cannot read workbooks").
 * Only an import and a Word or OpenDocument report call it, each single-threaded: no lock.
 */
const struct xlsx_zip_lib *xlsx_zip_lib(const char *name, const char *purpose, struct diags *d);

#endif
