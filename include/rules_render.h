/*
 * rules_render.h - showing a model itself ("stagegap rules"): a readable outline as
 * text, a page a board could read as markdown, and the model as data in JSON
 * (format "stagegap-model/1"), stages and items in the rules file's order.
 */
#ifndef STAGEGAP_RULES_RENDER_H
#define STAGEGAP_RULES_RENDER_H

struct rules;
struct strbuf;

#define MODEL_FORMAT "stagegap-model/1"

void rules_render_text(const struct rules *r, struct strbuf *out);
void rules_render_markdown(const struct rules *r, struct strbuf *out);
void rules_render_json(const struct rules *r, struct strbuf *out);

#endif
