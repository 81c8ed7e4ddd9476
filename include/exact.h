/*
 * exact.h - exact non-negative rationals, for every decision the engine makes.
 *
 * Answers and rules numbers have at most EXACT_PLACES decimal places and are held as
 * integers scaled by EXACT_SCALE; what the engine derives from them (means, values,
 * stage scores, impacts, points) is a fraction of arbitrary-precision naturals, so a
 * band, a tie or a threshold never depends on floating point, the platform or the
 * order answers were read in. Turn to double only to draw, and to text only through
 * exact_format, which rounds half away from zero on the exact value.
 *
 * A zeroed struct exact is 0 and needs no release; every other value owns its digits
 * and exact_release frees them.
 */
#ifndef STAGEGAP_EXACT_H
#define STAGEGAP_EXACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf;

/* Decimal places an answer, a weight or a threshold may have (see docs/answers-format.md). */
enum { EXACT_PLACES = 3, EXACT_SCALE = 1000 };

struct exact_nat {
    uint32_t *limb; /* least significant first; no leading zero limbs */
    size_t n, alloc;
};

struct exact {
    struct exact_nat num, den; /* den with no limbs stands for 1 */
};

void exact_release(struct exact *q);
/* q = num / den; den must not be 0. */
void exact_set(struct exact *q, uint64_t num, uint64_t den);
/* q = (a * b) / (c * d), all 64-bit factors; c and d must not be 0. */
void exact_set_products(struct exact *q, uint64_t a, uint64_t b, uint64_t c, uint64_t d);
/* q = (a * b - c * d) / (e * f), where a * b >= c * d and e, f are not 0. */
void exact_set_products_diff(struct exact *q, uint64_t a, uint64_t b, uint64_t c, uint64_t d,
                             uint64_t e, uint64_t f);
void exact_copy(struct exact *dst, const struct exact *src);
/* acc += x. */
void exact_add(struct exact *acc, const struct exact *x);
/* q = q * mul / div; div must not be 0. */
void exact_scale(struct exact *q, uint64_t mul, uint64_t div);
/* <0, 0, >0 as a is below, equal to or above b. */
int exact_cmp(const struct exact *a, const struct exact *b);
/* The same against num / den (den not 0). */
int exact_cmp_ratio(const struct exact *a, uint64_t num, uint64_t den);
bool exact_is_zero(const struct exact *q);
/* The nearest double, for drawing only: never decide with it. */
double exact_to_double(const struct exact *q);
/*
 * Writes q (negated when negative is set) with exactly `places` decimals, rounded half
 * away from zero on the exact value; a value that rounds to zero is never "-0.0".
 * The one way every report turns a number into text. q below 10^12; places 0 to 18.
 */
void exact_format(struct strbuf *out, const struct exact *q, bool negative, int places);
/* q * 10^places rounded half away from zero: the digits exact_format writes. */
uint64_t exact_round(const struct exact *q, int places);
/* exact_format of num / den for a signed numerator. */
void exact_format_ratio(struct strbuf *out, int64_t num, uint64_t den, int places);

/*
 * Parses a decimal as written in a file ("7", "-2.5", "6.85", "1e1") into a value
 * scaled by EXACT_SCALE. Returns 0, -1 when s is not a number, or -2 when it has more
 * than EXACT_PLACES decimal places (trailing zeros do not count) or is too large.
 */
int exact_parse_decimal(const char *s, int64_t *scaled);

#endif
