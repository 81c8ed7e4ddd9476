/*
 * xlsx_zip.c - a workbook's zip archive (libzip, from memory) and its XML parts
 * (expat, streamed), within the limits of xlsx.h. See xlsx_zip.h.
 */
#include "xlsx_zip.h"

#include <expat.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "diag.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"
#include "xlsx_limits.h"
#include "xlsx_zip_lib.h"

enum { XLSX_CHUNK = 64 * 1024 };

/* libzip's and expat's functions: opened at run time on Linux, linked on Windows
   (xlsx_zip_lib.h). */
static const struct xlsx_zip_lib *zipf;

struct xlsx_parse {
    const struct xlsx_xml *x;
    XML_Parser parser;
    struct xlsx_zip *z;
    const char *path; /* made safe for messages */
    const char *context;
    unsigned depth;
    bool failed; /* a diagnostic has been added and the parser stopped */
};

/*
 * What libzip says an archive's trouble is, in our words. Not a zip, an inconsistent
 * one, and (in newer libzip, Debian 13's 1.11) a truncated one are one message: which
 * code a cut archive gets depends on the libzip release, not on the file.
 */
static void zip_trouble(struct xlsx_zip *z, zip_error_t *err)
{
    switch (zipf->error_code_zip(err)) {
    case ZIP_ER_NOZIP:
    case ZIP_ER_INCONS:
#ifdef ZIP_ER_TRUNCATED_ZIP
    case ZIP_ER_TRUNCATED_ZIP:
#endif
        diag_error(z->d, z->name, 0, 0,
                   "not a workbook: not a zip archive, or one damaged or cut short (its "
                   "directory is missing or does not match its contents)");
        break;
    default:
        diag_error(z->d, z->name, 0, 0, "not a workbook: the zip archive cannot be read (%s)",
                   zipf->error_strerror(err));
        break;
    }
}

int xlsx_zip_open(struct xlsx_zip *z, const char *name, const void *buf, size_t len,
                  struct diags *d)
{
    zip_error_t err;
    zip_source_t *src;
    memset(z, 0, sizeof(*z));
    z->name = name;
    z->d = d;
    if (len > XLSX_FILE_MAX) {
        diag_error(d, name, 0, 0, "file is larger than the limit of %d bytes", XLSX_FILE_MAX);
        return -1;
    }
    if (len == 0) {
        diag_error(d, name, 0, 0, "not a workbook: the file is empty");
        return -1;
    }
    zipf = xlsx_zip_lib(name, "cannot read workbooks", d);
    if (!zipf)
        return -1;
    zipf->error_init(&err);
    src = zipf->source_buffer_create(buf, len, 0, &err);
    if (!src) {
        zip_trouble(z, &err);
        zipf->error_fini(&err);
        return -1;
    }
    z->archive = zipf->open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!z->archive) {
        zipf->source_free(src);
        zip_trouble(z, &err);
        zipf->error_fini(&err);
        return -1;
    }
    zipf->error_fini(&err);
    zip_int64_t n = zipf->get_num_entries(z->archive, 0);
    if (n < 0 || n > XLSX_ENTRIES_MAX) {
        diag_error(d, name, 0, 0, "the archive holds %" PRId64 " files, more than the limit of %d",
                   (int64_t)n, XLSX_ENTRIES_MAX);
        xlsx_zip_close(z);
        return -1;
    }
    return 0;
}

void xlsx_zip_close(struct xlsx_zip *z)
{
    if (z->archive)
        zipf->discard(z->archive);
    z->archive = NULL;
}

bool xlsx_zip_has(const struct xlsx_zip *z, const char *path)
{
    return zipf->name_locate(z->archive, path, ZIP_FL_NOCASE) >= 0;
}

void *xlsx_parse_ctx(const struct xlsx_parse *ps)
{
    return ps->x->ctx;
}

void xlsx_parse_stop(struct xlsx_parse *ps)
{
    if (!ps->failed)
        zipf->xml_stop_parser(ps->parser, XML_FALSE);
    ps->failed = true;
}

/* name without its namespace prefix. */
static const char *local_name(const char *name)
{
    const char *colon = strrchr(name, ':');
    return colon ? colon + 1 : name;
}

const char *xlsx_attr(const char **attrs, const char *name)
{
    for (size_t i = 0; attrs[i] && attrs[i + 1]; i += 2)
        if (strcmp(local_name(attrs[i]), name) == 0)
            return attrs[i + 1];
    return NULL;
}

static void part_error(struct xlsx_parse *ps, const char *what)
{
    diag_error(ps->z->d, ps->z->name, 0, 0, "%s: %s, line %lu, column %lu: %s", ps->context,
               ps->path, (unsigned long)zipf->xml_line(ps->parser),
               (unsigned long)zipf->xml_column(ps->parser) + 1, what);
    xlsx_parse_stop(ps);
}

static void XMLCALL on_start(void *data, const char *name, const char **attrs)
{
    struct xlsx_parse *ps = data;
    if (ps->failed)
        return;
    if (++ps->depth > XLSX_XML_DEPTH_MAX) {
        char what[64];
        snprintf(what, sizeof(what), "elements nested deeper than %d", XLSX_XML_DEPTH_MAX);
        part_error(ps, what);
        return;
    }
    if (ps->x->start)
        ps->x->start(ps, local_name(name), attrs);
}

static void XMLCALL on_end(void *data, const char *name)
{
    struct xlsx_parse *ps = data;
    if (ps->failed)
        return;
    ps->depth--;
    if (ps->x->end)
        ps->x->end(ps, local_name(name));
}

static void XMLCALL on_text(void *data, const char *s, int len)
{
    struct xlsx_parse *ps = data;
    if (!ps->failed && ps->x->text && len > 0)
        ps->x->text(ps, s, (size_t)len);
}

/* Any DOCTYPE is refused: a workbook has none, and it is where entities are declared. */
static void XMLCALL on_doctype(void *data, const char *name, const char *sysid, const char *pubid,
                               int has_internal_subset)
{
    (void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
    part_error(data, "DOCTYPE and entity declarations are not allowed");
}

static void XMLCALL on_entity(void *data, const char *name, int is_parameter, const char *value,
                              int value_len, const char *base, const char *sysid, const char *pubid,
                              const char *notation)
{
    (void)name, (void)is_parameter, (void)value, (void)value_len, (void)base, (void)sysid;
    (void)pubid, (void)notation;
    part_error(data, "entity declarations are not allowed");
}

/* Checks the directory's word on the part before inflating any of it. */
static int check_entry(struct xlsx_parse *ps, zip_uint64_t index, zip_uint64_t *size)
{
    struct xlsx_zip *z = ps->z;
    zip_stat_t st;
    zip_uint64_t need = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD;
    if (zipf->stat_index(z->archive, index, 0, &st) != 0 || (st.valid & need) != need) {
        diag_error(z->d, z->name, 0, 0, "%s: %s: the archive's directory does not give its size",
                   ps->context, ps->path);
        return -1;
    }
    if (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE) {
        diag_error(z->d, z->name, 0, 0,
                   "%s: %s: compression method %u is not supported (only stored and deflated)",
                   ps->context, ps->path, (unsigned)st.comp_method);
        return -1;
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
        diag_error(z->d, z->name, 0, 0,
                   "%s: %s: the part is encrypted (a workbook with a password to open)",
                   ps->context, ps->path);
        return -1;
    }
    if (st.size > XLSX_PART_MAX) {
        diag_error(z->d, z->name, 0, 0,
                   "%s: %s: %" PRIu64 " bytes uncompressed, more than the limit of %d", ps->context,
                   ps->path, (uint64_t)st.size, XLSX_PART_MAX);
        return -1;
    }
    if (st.size > XLSX_RATIO_FROM && st.size / XLSX_RATIO_MAX > st.comp_size) {
        diag_error(z->d, z->name, 0, 0,
                   "%s: %s: %" PRIu64 " bytes compressed to %" PRIu64
                   ", more than the limit of %d to 1 (a zip bomb?)",
                   ps->context, ps->path, (uint64_t)st.size, (uint64_t)st.comp_size,
                   XLSX_RATIO_MAX);
        return -1;
    }
    *size = st.size;
    return 0;
}

static int parse_entry(struct xlsx_parse *ps, zip_uint64_t index, zip_uint64_t size)
{
    struct xlsx_zip *z = ps->z;
    zip_uint64_t total = 0;
    zip_file_t *f = zipf->fopen_index(z->archive, index, 0);
    char *chunk;
    if (!f) {
        diag_error(z->d, z->name, 0, 0, "%s: %s cannot be read (%s)", ps->context, ps->path,
                   zipf->error_strerror(zipf->get_error(z->archive)));
        return -1;
    }
    int rc = 0;
    chunk = xmalloc(XLSX_CHUNK);
    for (;;) {
        zip_int64_t got = zipf->file_read(f, chunk, XLSX_CHUNK);
        if (got < 0) {
            diag_error(z->d, z->name, 0, 0, "not a workbook: %s is damaged (%s)", ps->path,
                       zipf->error_strerror(zipf->file_get_error(f)));
            rc = -1;
            break;
        }
        total += (zip_uint64_t)got;
        if (total > size) {
            diag_error(z->d, z->name, 0, 0,
                       "not a workbook: %s inflates to more than the %" PRIu64
                       " bytes the archive's directory gives",
                       ps->path, (uint64_t)size);
            rc = -1;
            break;
        }
        if (zipf->xml_parse(ps->parser, chunk, (int)got, got == 0) != XML_STATUS_OK) {
            if (!ps->failed)
                part_error(ps, zipf->xml_error_string(zipf->xml_get_error_code(ps->parser)));
            rc = -1;
            break;
        }
        if (got == 0)
            break;
    }
    free(chunk);
    zipf->file_close(f);
    return rc;
}

int xlsx_zip_parse(struct xlsx_zip *z, const char *path, const char *context,
                   const struct xlsx_xml *x)
{
    struct strbuf shown = STRBUF_INIT;
    text_add_safe(&shown, path, true);
    struct xlsx_parse ps = {.x = x, .z = z, .path = strbuf_str(&shown), .context = context};
    zip_int64_t index = zipf->name_locate(z->archive, path, ZIP_FL_NOCASE);
    zip_uint64_t size = 0;
    int rc = -1;
    if (index < 0) {
        diag_error(z->d, z->name, 0, 0, "%s: the archive has no %s", context, ps.path);
        goto out;
    }
    if (check_entry(&ps, (zip_uint64_t)index, &size) != 0)
        goto out;
    ps.parser = zipf->xml_parser_create(NULL);
    if (!ps.parser) {
        diag_error(z->d, z->name, 0, 0, "out of memory reading %s", ps.path);
        goto out;
    }
    /* No entity is ever expanded: parameter entities are not parsed, a DOCTYPE or an
       entity declaration stops the parse, and no external entity handler is set. */
    zipf->xml_set_param_entity_parsing(ps.parser, XML_PARAM_ENTITY_PARSING_NEVER);
    zipf->xml_set_user_data(ps.parser, &ps);
    zipf->xml_set_element_handler(ps.parser, on_start, on_end);
    zipf->xml_set_character_data_handler(ps.parser, on_text);
    zipf->xml_set_start_doctype_decl_handler(ps.parser, on_doctype);
    zipf->xml_set_entity_decl_handler(ps.parser, on_entity);
    rc = parse_entry(&ps, (zip_uint64_t)index, size);
    if (ps.failed)
        rc = -1;
    zipf->xml_parser_free(ps.parser);
out:
    strbuf_release(&shown);
    return rc;
}
