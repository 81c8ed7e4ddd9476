/*
 * xlsx_zip_linked.c - xlsx_zip_lib.h for the Windows build: libzip and expat are linked
 * statically (third_party/, docs/windows.md), so their functions are simply their own.
 */
#include "xlsx_zip_lib.h"

/*
 * Where the parser is. Expat 2.9 (Debian 13) adds 64-bit getters and deprecates the
 * old ones, which are all that older releases (Debian 12's 2.5, third_party/'s) have;
 * the release that deprecates them is the one that defines XML_ATTR_DEPRECATED.
 */
#ifdef XML_ATTR_DEPRECATED
static XML_Size XMLCALL line_of(XML_Parser p)
{
    return (XML_Size)XML_GetCurrentLineNumber64(p);
}
static XML_Size XMLCALL column_of(XML_Parser p)
{
    return (XML_Size)XML_GetCurrentColumnNumber64(p);
}
#else
#define line_of XML_GetCurrentLineNumber
#define column_of XML_GetCurrentColumnNumber
#endif

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
    .source_buffer = zip_source_buffer,
    .file_add = zip_file_add,
    .set_file_compression = zip_set_file_compression,
    .file_set_dostime = zip_file_set_dostime,
    .close = zip_close,
    .source_keep = zip_source_keep,
    .source_open = zip_source_open,
    .source_read = zip_source_read,
    .source_close = zip_source_close,
    .source_stat = zip_source_stat,
    .xml_parser_create = XML_ParserCreate,
    .xml_parser_free = XML_ParserFree,
    .xml_set_param_entity_parsing = XML_SetParamEntityParsing,
    .xml_set_user_data = XML_SetUserData,
    .xml_set_element_handler = XML_SetElementHandler,
    .xml_set_character_data_handler = XML_SetCharacterDataHandler,
    .xml_set_start_doctype_decl_handler = XML_SetStartDoctypeDeclHandler,
    .xml_set_entity_decl_handler = XML_SetEntityDeclHandler,
    .xml_parse = XML_Parse,
    .xml_stop_parser = XML_StopParser,
    .xml_get_error_code = XML_GetErrorCode,
    .xml_error_string = XML_ErrorString,
    .xml_line = line_of,
    .xml_column = column_of,
};

const struct xlsx_zip_lib *xlsx_zip_lib(const char *name, const char *purpose, struct diags *d)
{
    (void)name;
    (void)purpose;
    (void)d;
    return &linked;
}
