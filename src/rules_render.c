#include "rules_render.h"

#include "rules.h"
#include "strbuf.h"

void rules_render_text(const struct rules *r, struct strbuf *out) { (void)r; strbuf_adds(out, "TODO\n"); }
void rules_render_markdown(const struct rules *r, struct strbuf *out) { (void)r; strbuf_adds(out, "TODO\n"); }
void rules_render_json(const struct rules *r, struct strbuf *out) { (void)r; strbuf_adds(out, "TODO\n"); }
