#include "template.h"

#include "rules.h"
#include "strbuf.h"

void template_render(const struct rules *r, struct strbuf *out) { (void)r; strbuf_adds(out, "TODO\n"); }
