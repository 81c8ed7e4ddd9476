/*
 * sha256.h - SHA-256 (FIPS 180-4), so every report can name the exact rules file
 * it was scored with.
 */
#ifndef STAGEGAP_SHA256_H
#define STAGEGAP_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
    uint32_t state[8];
    uint64_t length; /* bytes hashed so far */
    unsigned char block[64];
    size_t fill;
};

void sha256_init(struct sha256 *h);
void sha256_update(struct sha256 *h, const void *data, size_t len);
void sha256_final(struct sha256 *h, unsigned char digest[32]);
/* Lowercase hex of the SHA-256 of data, into hex (65 bytes with the NUL). */
void sha256_hex(const void *data, size_t len, char hex[65]);

#endif
