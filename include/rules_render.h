/*
 * rules_render.h - showing a model itself ("stagegap rules"): a readable outline as
 * text, a page a board could read as markdown, the model as data in JSON
 * (format "stagegap-model/1"), and its questions as CSV, stages and items in the rules
 * file's order.
 */
#ifndef STAGEGAP_RULES_RENDER_H
#define STAGEGAP_RULES_RENDER_H

struct rules;
struct strbuf;

#define MODEL_FORMAT "stagegap-model/1"

void rules_render_text(const struct rules *r, struct strbuf *out);
void rules_render_markdown(const struct rules *r, struct strbuf *out);
void rules_render_json(const struct rules *r, struct strbuf *out);
/*
 * The questions as CSV (RFC 4180, CRLF, every text field quoted and guarded against
 * formulas), one answerable item a row, for building a survey form:
 * id,stage,category,question,min,low,max,high.
 */
void rules_render_csv(const struct rules *r, struct strbuf *out);

#endif
