/*
 * jsonw.h - a small streaming JSON writer into a strbuf, indented two spaces.
 *
 * It places commas, colons and newlines, so a renderer says only what to write. Strings
 * go through escape_json; report numbers we round ourselves, rules numbers are written
 * exactly. Nesting deeper than JSONW_DEPTH
 * is a programming error.
 */
#ifndef STAGEGAP_JSONW_H
#define STAGEGAP_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf;

enum { JSONW_DEPTH = 16 };

struct jsonw {
    struct strbuf *out;
    int depth;
    bool has_items[JSONW_DEPTH];
    bool after_key;
};

void jsonw_init(struct jsonw *w, struct strbuf *out);
void jsonw_object(struct jsonw *w);
void jsonw_array(struct jsonw *w);
/* Closes the innermost object or array; at depth 0 it also ends the line. */
void jsonw_end(struct jsonw *w, char close);
void jsonw_key(struct jsonw *w, const char *key);
/* "key": and an object or array opened after it. */
void jsonw_kobject(struct jsonw *w, const char *key);
void jsonw_karray(struct jsonw *w, const char *key);
void jsonw_string(struct jsonw *w, const char *s); /* NULL writes null */
void jsonw_score(struct jsonw *w, double v);       /* one decimal, as strbuf_add_tenths */
void jsonw_fraction(struct jsonw *w, double v);    /* three decimals */
void jsonw_number(struct jsonw *w, double v);      /* the shortest text that reads back as v */
void jsonw_int(struct jsonw *w, long v);
void jsonw_uint(struct jsonw *w, size_t v);
void jsonw_bool(struct jsonw *w, bool v);
void jsonw_null(struct jsonw *w);
/* An exact report figure to `places` decimals, half away from zero; null unless has. */
struct exact;
void jsonw_exact(struct jsonw *w, bool has, const struct exact *v, int places);

/* Shorthands for "key": value. */
void jsonw_kstring(struct jsonw *w, const char *key, const char *s);
void jsonw_kscore(struct jsonw *w, const char *key, bool has, double v);
void jsonw_kexact(struct jsonw *w, const char *key, bool has, const struct exact *v, int places);
void jsonw_kratio(struct jsonw *w, const char *key, bool has, int64_t num, uint64_t den,
                  int places);
void jsonw_knumber(struct jsonw *w, const char *key, double v);
void jsonw_kint(struct jsonw *w, const char *key, long v);
void jsonw_kuint(struct jsonw *w, const char *key, size_t v);
void jsonw_kbool(struct jsonw *w, const char *key, bool v);

#endif
