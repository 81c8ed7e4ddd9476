/*
 * template.h - the answers template that "stagegap init" writes: every question of
 * the model, grouped by stage, with both ends of its scale in comments and every
 * answer set to unknown. "stagegap validate" accepts it as it is.
 */
#ifndef STAGEGAP_TEMPLATE_H
#define STAGEGAP_TEMPLATE_H

struct rules;
struct strbuf;

void template_render(const struct rules *r, struct strbuf *out);
/*
 * The evidence template that "stagegap init --evidence" writes (evidence.h): for the
 * built-in Signs of Safety model, the indicators we suggest (ours, not the briefing's),
 * each bearing on the items such figures most often back, with no values yet; for any
 * other model, one example indicator and the model's items listed in comments.
 * "stagegap validate" accepts it as it is.
 */
void template_render_evidence(const struct rules *r, struct strbuf *out);

#endif
