/*
 * xlsx_zip_none.c - xlsx_zip.h for a build without libzip and expat (the Windows
 * build, docs/windows.md): opening a workbook fails with a message that says what to do
 * instead, and nothing else is reached.
 */
#include "xlsx_zip.h"

#include <string.h>

#include "diag.h"

int xlsx_zip_open(struct xlsx_zip *z, const char *name, const void *buf, size_t len,
                  struct diags *d)
{
    (void)buf;
    (void)len;
    memset(z, 0, sizeof(*z));
    diag_error(d, name, 0, 0,
               "cannot read workbooks: this build of stagegap has no .xlsx support; save the "
               "export as CSV UTF-8 in Excel and import that");
    return -1;
}

void xlsx_zip_close(struct xlsx_zip *z)
{
    z->archive = NULL;
}

bool xlsx_zip_has(const struct xlsx_zip *z, const char *path)
{
    (void)z;
    (void)path;
    return false;
}

int xlsx_zip_parse(struct xlsx_zip *z, const char *path, const char *context,
                   const struct xlsx_xml *x)
{
    (void)z;
    (void)path;
    (void)context;
    (void)x;
    return -1;
}

void *xlsx_parse_ctx(const struct xlsx_parse *ps)
{
    (void)ps;
    return NULL;
}

void xlsx_parse_stop(struct xlsx_parse *ps)
{
    (void)ps;
}

const char *xlsx_attr(const char **attrs, const char *name)
{
    (void)attrs;
    (void)name;
    return NULL;
}
