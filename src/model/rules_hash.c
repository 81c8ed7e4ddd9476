/*
 * rules_hash.c - the hash of a merged model (rules.h, model_sha256).
 *
 * SHA-256 over a canonical serialisation of every field of the model as scored, so two
 * overlays that give the same model, whatever their key order, comments, quoting or
 * grouping, hash the same, and any change to the model changes the hash. The form is
 * documented in docs/tailoring.md:
 *
 *   a text   8-byte big-endian length, then its UTF-8 bytes; no text: length 2^64 - 1
 *   a number 8-byte big-endian two's complement (decimals times 1000, held exactly)
 *   a list   8-byte big-endian count, then each entry
 *
 * Where the model's items came from (base, changed, added) and which files they were
 * read from are provenance, not the model: they are not hashed.
 */
#include <string.h>

#include "rules_internal.h"
#include "sha256.h"

static void put_u64(struct sha256 *h, uint64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (56 - 8 * i));
    sha256_update(h, b, sizeof(b));
}

static void put_int(struct sha256 *h, int64_t v)
{
    put_u64(h, (uint64_t)v);
}

static void put_text(struct sha256 *h, const char *s)
{
    if (!s) {
        put_u64(h, UINT64_MAX);
        return;
    }
    size_t len = strlen(s);
    put_u64(h, (uint64_t)len);
    sha256_update(h, s, len);
}

static void put_header(struct sha256 *h, const struct rules *r)
{
    put_text(h, "stagegap-model/1");
    put_text(h, r->id);
    put_text(h, r->version);
    put_text(h, r->title);
    put_text(h, r->description);
    const struct rules_source *s = &r->source;
    put_text(h, s->title);
    put_text(h, s->publisher);
    put_int(h, s->year);
    put_text(h, s->url);
    put_text(h, s->note);
    put_text(h, s->judgement);
    put_int(h, r->scale_min);
    put_int(h, r->scale_max);
    put_text(h, r->scale_low);
    put_text(h, r->scale_high);
    put_int(h, r->min_coverage_scaled);
    put_int(h, r->acted_on_scaled);
    put_u64(h, r->n_levels);
    for (size_t i = 0; i < r->n_levels; i++) {
        put_text(h, r->levels[i].id);
        put_text(h, r->levels[i].title);
        put_text(h, r->levels[i].description);
    }
    put_u64(h, r->n_bands);
    for (size_t i = 0; i < r->n_bands; i++) {
        put_text(h, r->bands[i].id);
        put_text(h, r->bands[i].title);
        put_text(h, r->bands[i].description);
        put_int(h, r->bands[i].min_scaled);
    }
}

static void put_item(struct sha256 *h, const struct rules *r, const struct rules_item *it)
{
    put_text(h, item_kind_name(it->kind));
    put_text(h, it->id);
    put_text(h, it->text);
    put_text(h, it->question);
    put_text(h, it->low);
    put_text(h, it->high);
    put_text(h, it->source);
    put_text(h, it->label);
    put_text(h, it->hedge);
    put_text(h, r->n_levels ? r->levels[it->level].id : NULL);
    put_int(h, it->weight_scaled);
    put_u64(h, it->n_addresses);
    for (size_t k = 0; k < it->n_addresses; k++)
        put_text(h, r->items[it->addresses[k]].id);
    put_int(h, it->target.set ? it->target.score_scaled : 0);
    put_text(h, it->target.set ? it->target.by : NULL);
    put_text(h, it->retired);
}

void rules_model_hash(const struct rules *r, char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    struct sha256 h;
    unsigned char digest[32];
    sha256_init(&h);
    put_header(&h, r);
    put_u64(&h, r->n_stages);
    for (size_t s = 0; s < r->n_stages; s++) {
        const struct rules_stage *st = &r->stages[s];
        put_text(&h, st->id);
        put_text(&h, st->title);
        put_text(&h, st->description);
        put_u64(&h, st->n_notes);
        for (size_t i = 0; i < st->n_notes; i++)
            put_text(&h, st->notes[i]);
        put_u64(&h, st->n_items);
        for (size_t i = 0; i < st->n_items; i++)
            put_item(&h, r, &r->items[st->first_item + i]);
    }
    sha256_final(&h, digest);
    for (size_t i = 0; i < 32; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[64] = '\0';
}
