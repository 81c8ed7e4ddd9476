/*
 * rules_load.c - the top of the model loader: a rules file is a plain model (rules.c)
 * or an overlay on a base (rules_overlay.c), and an overlay's model hash is the merged
 * model's (rules_hash.c). The only file of the model layer that calls the other three.
 */
#include "rules.h"
#include "rules_internal.h"

#include <stdlib.h>

#include "diag.h"
#include "fileio.h"

int rules_load_buffer(struct rules *r, const char *file, const char *buf, size_t len,
                      struct diags *d)
{
    struct ydoc doc;
    struct loader l = {.c = {file, d}, .r = r};
    size_t errors_before = d->errors + d->io_errors; /* a base the overlay names may fail */
    rules_begin(r, &doc, file, buf, len, d);
    if (rules_document_ok(&l, &doc)) {
        if (rules_extends_of(doc.root))
            rules_overlay_load(&l, doc.root, buf, len);
        else
            rules_load_root(&l, doc.root);
    }
    if (rules_end(&l, &doc, buf, len, errors_before) != 0)
        return -1;
    /* An overlay's model hash is the merged model's, whatever layout it was written in. */
    if (r->base)
        rules_model_hash(r, r->model_sha256);
    return 0;
}

int rules_load_file(struct rules *r, const char *path, struct diags *d)
{
    char *buf;
    size_t len;
    rules_init(r);
    if (fileio_read(path, RULES_FILE_MAX, &buf, &len, d) != 0)
        return -1;
    int rc = rules_load_buffer(r, path, buf, len, d);
    free(buf);
    return rc;
}
