/*
 * zipw.c - zipw.h: an archive built with libzip into a buffer source, then read back
 * out of it. libzip writes no timestamp of its own beyond each entry's DOS date and
 * time, which are set here, and no random field, so the bytes depend on the parts
 * alone (and on zlib's deflate, the same for one zlib).
 */
#include "zipw.h"

#include <stdint.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"
#include "xalloc.h"
#include "xlsx_zip_lib.h"

/* 1980-01-01 00:00:00 as a DOS date and time: (year - 1980) << 9 | month << 5 | day. */
enum { ZIPW_DOS_DATE = 1 << 5 | 1, ZIPW_DOS_TIME = 0 };

static int trouble(const struct xlsx_zip_lib *zl, zip_error_t *err, const char *name,
                   struct diags *d)
{
    diag_error(d, name, 0, 0, "cannot write the archive: %s", zl->error_strerror(err));
    return -1;
}

/* Adds each part to za; false, with za's error, when one cannot be. */
static bool add_parts(const struct xlsx_zip_lib *zl, zip_t *za, const struct zipw_part *parts,
                      size_t n)
{
    for (size_t k = 0; k < n; k++) {
        zip_source_t *s = zl->source_buffer(za, parts[k].data, parts[k].len, 0);
        if (!s)
            return false;
        zip_int64_t idx = zl->file_add(za, parts[k].name, s, ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zl->source_free(s);
            return false;
        }
        zip_uint64_t i = (zip_uint64_t)idx;
        if (zl->set_file_compression(za, i, parts[k].stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                     parts[k].stored ? 0 : 9) != 0 ||
            zl->file_set_dostime(za, i, ZIPW_DOS_TIME, ZIPW_DOS_DATE, 0) != 0)
            return false;
    }
    return true;
}

int zipw_write(const struct zipw_part *parts, size_t n, const char *name, struct strbuf *out,
               struct diags *d)
{
    const struct xlsx_zip_lib *zl =
        xlsx_zip_lib(name, "cannot write Word or OpenDocument files", d);
    if (!zl)
        return -1;
    zip_error_t err;
    zl->error_init(&err);
    zip_source_t *src = zl->source_buffer_create(NULL, 0, 0, &err);
    if (!src) {
        trouble(zl, &err, name, d);
        zl->error_fini(&err);
        return -1;
    }
    zip_t *za = zl->open_from_source(src, ZIP_TRUNCATE, &err);
    if (!za) {
        trouble(zl, &err, name, d);
        zl->error_fini(&err);
        zl->source_free(src);
        return -1;
    }
    zl->error_fini(&err);
    zl->source_keep(src); /* zip_close would free it: the archive is read out of it after */
    if (!add_parts(zl, za, parts, n) || zl->close(za) != 0) {
        zip_error_t *ze = zl->get_error(za);
        trouble(zl, ze, name, d);
        zl->discard(za);
        zl->source_free(src);
        return -1;
    }
    zip_stat_t st;
    memset(&st, 0, sizeof(st));
    int rc = -1;
    if (zl->source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && st.size <= SIZE_MAX &&
        zl->source_open(src) == 0) {
        size_t size = (size_t)st.size, start = out->len;
        strbuf_grow(out, size);
        zip_int64_t got = zl->source_read(src, out->buf + start, st.size);
        zl->source_close(src);
        if (got >= 0 && (zip_uint64_t)got == st.size) {
            out->len = start + size;
            out->buf[out->len] = '\0';
            rc = 0;
        } else {
            out->buf[start] = '\0';
        }
    }
    if (rc)
        diag_error(d, name, 0, 0, "cannot write the archive: it could not be read back");
    zl->source_free(src);
    return rc;
}
