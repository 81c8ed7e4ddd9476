#include "report.h"

#include "strbuf.h"

void report_render_markdown(const struct report_ctx *ctx, struct strbuf *out)
{
    (void)ctx;
    strbuf_adds(out, "TODO\n");
}
