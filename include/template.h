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

#endif
