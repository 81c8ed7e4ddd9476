#include "exact.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

/* ---- naturals: little-endian 32-bit limbs ---- */

/*
 * Where the compiler has a 128-bit integer (gcc and clang on 64-bit targets, mingw-w64
 * included), a rounding or a comparison of values whose parts fit 64 bits, as nearly
 * every value of a report does, is done in it, without the general code's allocations.
 * The general code gives the same results (tests/unit/test_exact.c checks the two agree).
 */
#if defined(__SIZEOF_INT128__)
#define EXACT_WIDE 1
__extension__ typedef unsigned __int128 exact_wide;
#else
#define EXACT_WIDE 0
#endif

static uint32_t one_limb[1] = {1};
static const struct exact_nat nat_one = {one_limb, 1, 0};

static const struct exact_nat *den_of(const struct exact *q)
{
    return q->den.n ? &q->den : &nat_one;
}

static void nat_reserve(struct exact_nat *x, size_t n)
{
    if (n > x->alloc) {
        x->limb = xrealloc(x->limb, st_mult(n, sizeof(*x->limb)));
        x->alloc = n;
    }
}

static void nat_trim(struct exact_nat *x)
{
    while (x->n && x->limb[x->n - 1] == 0)
        x->n--;
}

static void nat_set_u64(struct exact_nat *x, uint64_t v)
{
    nat_reserve(x, 2);
    x->limb[0] = (uint32_t)v;
    x->limb[1] = (uint32_t)(v >> 32);
    x->n = 2;
    nat_trim(x);
}

static void nat_copy(struct exact_nat *dst, const struct exact_nat *src)
{
    nat_reserve(dst, src->n ? src->n : 1);
    if (src->n)
        memcpy(dst->limb, src->limb, src->n * sizeof(*src->limb));
    dst->n = src->n;
}

static void nat_release(struct exact_nat *x)
{
    free(x->limb);
    memset(x, 0, sizeof(*x));
}

static int nat_cmp(const struct exact_nat *a, const struct exact_nat *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (size_t i = a->n; i-- > 0;)
        if (a->limb[i] != b->limb[i])
            return a->limb[i] < b->limb[i] ? -1 : 1;
    return 0;
}

/* r = a * b; r may be neither a nor b. */
static void nat_mul(struct exact_nat *r, const struct exact_nat *a, const struct exact_nat *b)
{
    size_t n = st_add(a->n, b->n);
    nat_reserve(r, n ? n : 1);
    memset(r->limb, 0, (n ? n : 1) * sizeof(*r->limb));
    for (size_t i = 0; i < a->n; i++) {
        uint64_t carry = 0;
        for (size_t j = 0; j < b->n; j++) {
            uint64_t t = (uint64_t)a->limb[i] * b->limb[j] + r->limb[i + j] + carry;
            r->limb[i + j] = (uint32_t)t;
            carry = t >> 32;
        }
        r->limb[i + b->n] = (uint32_t)carry;
    }
    r->n = n;
    nat_trim(r);
}

/* x *= v, in place. A factor below 2^32 (every count, scale and power of ten a report
 * uses) is one pass over the limbs with no allocation beyond one more limb. */
static void nat_mul_u64(struct exact_nat *x, uint64_t v)
{
    if (v >> 32 == 0) {
        if (v == 0 || x->n == 0) {
            x->n = 0;
            return;
        }
        nat_reserve(x, x->n + 1);
        uint64_t carry = 0;
        for (size_t i = 0; i < x->n; i++) {
            uint64_t t = (uint64_t)x->limb[i] * v + carry;
            x->limb[i] = (uint32_t)t;
            carry = t >> 32;
        }
        if (carry)
            x->limb[x->n++] = (uint32_t)carry;
        return;
    }
    struct exact_nat f = {0}, r = {0};
    nat_set_u64(&f, v);
    nat_mul(&r, x, &f);
    nat_release(&f);
    nat_release(x);
    *x = r;
}

/* r += a, in place. */
static void nat_add(struct exact_nat *r, const struct exact_nat *a)
{
    size_t n = (r->n > a->n ? r->n : a->n) + 1;
    nat_reserve(r, n);
    for (size_t i = r->n; i < n; i++)
        r->limb[i] = 0;
    uint64_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t t = (uint64_t)r->limb[i] + (i < a->n ? a->limb[i] : 0) + carry;
        r->limb[i] = (uint32_t)t;
        carry = t >> 32;
    }
    r->n = n;
    nat_trim(r);
}

/* r -= a, in place; r must be at least a. */
static void nat_sub(struct exact_nat *r, const struct exact_nat *a)
{
    int64_t borrow = 0;
    for (size_t i = 0; i < r->n; i++) {
        int64_t t = (int64_t)r->limb[i] - (i < a->n ? (int64_t)a->limb[i] : 0) - borrow;
        borrow = t < 0;
        r->limb[i] = (uint32_t)(t + (borrow ? (int64_t)1 << 32 : 0));
    }
    nat_trim(r);
}

static size_t nat_bits(const struct exact_nat *x)
{
    if (!x->n)
        return 0;
    size_t bits = (x->n - 1) * 32;
    for (uint32_t top = x->limb[x->n - 1]; top; top >>= 1)
        bits++;
    return bits;
}

/* x <<= bits, in place. */
static void nat_shl(struct exact_nat *x, size_t bits)
{
    if (!x->n)
        return;
    size_t words = bits / 32, shift = bits % 32, n = x->n + words + 1;
    nat_reserve(x, n);
    for (size_t i = n; i-- > 0;) {
        uint64_t hi = i >= words && i - words < x->n ? x->limb[i - words] : 0;
        uint64_t lo = i >= words + 1 && i - words - 1 < x->n ? x->limb[i - words - 1] : 0;
        x->limb[i] = (uint32_t)(((hi << shift) | (shift ? lo >> (32 - shift) : 0)) & 0xffffffffu);
    }
    x->n = n;
    nat_trim(x);
}

/* x, which the caller knows is below 2^64. */
static uint64_t nat_u64(const struct exact_nat *x)
{
    uint64_t v = 0;
    for (size_t i = x->n; i-- > 0;)
        v = v << 32 | x->limb[i];
    return v;
}

/*
 * floor(x / y), which the caller knows is below 2^64; y not 0. Most values of a report
 * fit one or two limbs, so the two common cases are done directly, without the trial
 * products (each of which allocates) of the general case.
 */
static uint64_t nat_small_quotient(const struct exact_nat *x, const struct exact_nat *y)
{
    if (y->n > x->n)
        return 0;
    if (x->n <= 2)
        return nat_u64(x) / nat_u64(y);
    if (y->n == 1) { /* short division, one limb at a time from the top */
        uint64_t q = 0, rem = 0;
        for (size_t i = x->n; i-- > 0;) {
            uint64_t cur = rem << 32 | x->limb[i];
            q = q << 32 | cur / y->limb[0];
            rem = cur % y->limb[0];
        }
        return q;
    }
    uint64_t q = 0;
    struct exact_nat t = {0};
    for (int b = 63; b >= 0; b--) {
        uint64_t trial = q | (uint64_t)1 << b;
        nat_copy(&t, y);
        nat_mul_u64(&t, trial);
        if (nat_cmp(&t, x) <= 0)
            q = trial;
    }
    nat_release(&t);
    return q;
}

/* ---- rationals ---- */

void exact_release(struct exact *q)
{
    nat_release(&q->num);
    nat_release(&q->den);
}

void exact_set(struct exact *q, uint64_t num, uint64_t den)
{
    nat_set_u64(&q->num, num);
    nat_set_u64(&q->den, den);
}

void exact_set_products(struct exact *q, uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    exact_set(q, a, c);
    nat_mul_u64(&q->num, b);
    nat_mul_u64(&q->den, d);
}

void exact_set_products_diff(struct exact *q, uint64_t a, uint64_t b, uint64_t c, uint64_t d,
                             uint64_t e, uint64_t f)
{
    struct exact_nat minus = {0};
    exact_set_products(q, a, b, e, f);
    nat_set_u64(&minus, c);
    nat_mul_u64(&minus, d);
    nat_sub(&q->num, &minus);
    nat_release(&minus);
}

void exact_copy(struct exact *dst, const struct exact *src)
{
    nat_copy(&dst->num, &src->num);
    nat_copy(&dst->den, den_of(src));
}

void exact_add(struct exact *acc, const struct exact *x)
{
    const struct exact_nat *da = den_of(acc), *dx = den_of(x);
    if (nat_cmp(da, dx) == 0) { /* the common case: one denominator throughout */
        nat_add(&acc->num, &x->num);
        if (!acc->den.n)
            nat_copy(&acc->den, dx);
        return;
    }
    struct exact_nat n1 = {0}, n2 = {0}, d = {0};
    nat_mul(&n1, &acc->num, dx);
    nat_mul(&n2, &x->num, da);
    nat_add(&n1, &n2);
    nat_mul(&d, da, dx);
    exact_release(acc);
    nat_release(&n2);
    acc->num = n1;
    acc->den = d;
}

void exact_scale(struct exact *q, uint64_t mul, uint64_t div)
{
    if (!q->den.n)
        nat_set_u64(&q->den, 1);
    nat_mul_u64(&q->num, mul);
    nat_mul_u64(&q->den, div);
}

int exact_cmp(const struct exact *a, const struct exact *b)
{
#if EXACT_WIDE
    const struct exact_nat *da = den_of(a), *db = den_of(b);
    if (a->num.n <= 2 && b->num.n <= 2 && da->n <= 2 && db->n <= 2) {
        exact_wide l = (exact_wide)nat_u64(&a->num) * nat_u64(db);
        exact_wide r = (exact_wide)nat_u64(&b->num) * nat_u64(da);
        return l < r ? -1 : l > r;
    }
#endif
    struct exact_nat l = {0}, r = {0};
    nat_mul(&l, &a->num, den_of(b));
    nat_mul(&r, &b->num, den_of(a));
    int c = nat_cmp(&l, &r);
    nat_release(&l);
    nat_release(&r);
    return c;
}

int exact_cmp_ratio(const struct exact *a, uint64_t num, uint64_t den)
{
    struct exact b = {0};
    exact_set(&b, num, den);
    int c = exact_cmp(a, &b);
    exact_release(&b);
    return c;
}

bool exact_is_zero(const struct exact *q)
{
    return q->num.n == 0;
}

double exact_to_double(const struct exact *q)
{
    if (exact_is_zero(q))
        return 0.0;
    /* Scale so the quotient has 62 or 63 bits, then let ldexp put the point back. */
    const struct exact_nat *den = den_of(q);
    long shift = 62 - ((long)nat_bits(&q->num) - (long)nat_bits(den));
#if EXACT_WIDE
    /* Parts of 64 bits: the shifted one has at most 126, the quotient the same 62 or 63. */
    if (q->num.n <= 2 && den->n <= 2) {
        exact_wide x = nat_u64(&q->num), y = nat_u64(den);
        if (shift >= 0)
            x <<= shift;
        else
            y <<= -shift;
        return ldexp((double)(uint64_t)(x / y), (int)-shift);
    }
#endif
    struct exact_nat x = {0}, y = {0};
    nat_copy(&x, &q->num);
    nat_copy(&y, den);
    if (shift >= 0)
        nat_shl(&x, (size_t)shift);
    else
        nat_shl(&y, (size_t)-shift);
    uint64_t quotient = nat_small_quotient(&x, &y);
    nat_release(&x);
    nat_release(&y);
    return ldexp((double)quotient, (int)-shift);
}

uint64_t exact_round(const struct exact *q, int places)
{
    /* k = floor((2 * num * 10^places + den) / (2 * den)): half away from zero. */
    uint64_t pow10 = 1;
    for (int i = 0; i < places; i++)
        pow10 *= 10;
#if EXACT_WIDE
    const struct exact_nat *den = den_of(q);
    if (q->num.n <= 2 && den->n <= 2 && places <= 18) {
        uint64_t d = nat_u64(den);
        exact_wide x = (exact_wide)nat_u64(&q->num) * (2 * pow10) + d;
        return (uint64_t)(x / ((exact_wide)d * 2));
    }
#endif
    struct exact_nat x = {0}, y = {0};
    nat_copy(&x, &q->num);
    nat_mul_u64(&x, 2 * pow10);
    nat_add(&x, den_of(q));
    nat_copy(&y, den_of(q));
    nat_mul_u64(&y, 2);
    uint64_t k = nat_small_quotient(&x, &y);
    nat_release(&x);
    nat_release(&y);
    return k;
}

/* Writes k / 10^places with exactly `places` decimals, "-" first when minus. */
static void format_digits(struct strbuf *out, uint64_t k, bool minus, int places)
{
    /* The digits of k from the right, at least places + 1 of them, with the point. */
    char text[64], *p = text + sizeof(text);
    int written = 0;
    do {
        *--p = (char)('0' + k % 10);
        k /= 10;
        if (++written == places)
            *--p = '.';
    } while (k || written <= places);
    if (minus)
        *--p = '-';
    strbuf_add(out, p, (size_t)(text + sizeof(text) - p));
}

void exact_format(struct strbuf *out, const struct exact *q, bool negative, int places)
{
    uint64_t k = exact_round(q, places);
    format_digits(out, k, negative && k, places);
}

void exact_format_ratio(struct strbuf *out, int64_t num, uint64_t den, int places)
{
    uint64_t magnitude = num < 0 ? (uint64_t)0 - (uint64_t)num : (uint64_t)num;
#if EXACT_WIDE
    if (places <= 18) { /* exact_round's sum, without the allocations of a struct exact */
        uint64_t pow10 = 1;
        for (int i = 0; i < places; i++)
            pow10 *= 10;
        exact_wide x = (exact_wide)magnitude * (2 * pow10) + den;
        uint64_t k = (uint64_t)(x / ((exact_wide)den * 2));
        format_digits(out, k, num < 0 && k, places);
        return;
    }
#endif
    struct exact q = {0};
    exact_set(&q, magnitude, den);
    exact_format(out, &q, num < 0, places);
    exact_release(&q);
}

/* ---- reading decimals ---- */

enum { DECIMAL_DIGITS_MAX = 15 }; /* |scaled| stays below 10^15 */

int exact_parse_decimal(const char *s, int64_t *scaled)
{
    bool negative = false;
    if (*s == '+' || *s == '-')
        negative = *s++ == '-';
    char digits[DECIMAL_DIGITS_MAX + 1];
    size_t n = 0, seen = 0;
    long frac = 0, exp = 0, zeros = 0; /* zeros: significant zeros not yet stored */
    bool point = false, too_long = false;
    for (;; s++) {
        if (*s == '.' && !point) {
            point = true;
            continue;
        }
        if (*s < '0' || *s > '9')
            break;
        seen++;
        if (point)
            frac++;
        if (*s == '0') {
            if (n)
                zeros++;
            continue;
        }
        if (n + (size_t)zeros + 1 > DECIMAL_DIGITS_MAX) {
            too_long = true;
            continue;
        }
        for (; zeros; zeros--)
            digits[n++] = '0';
        digits[n++] = *s;
    }
    if (!seen)
        return -1;
    if (*s == 'e' || *s == 'E') {
        s++;
        bool eneg = false;
        if (*s == '+' || *s == '-')
            eneg = *s++ == '-';
        if (*s < '0' || *s > '9')
            return -1;
        for (; *s >= '0' && *s <= '9'; s++)
            if (exp < 10000)
                exp = exp * 10 + (*s - '0');
        if (eneg)
            exp = -exp;
    }
    if (*s)
        return -1;
    if (too_long)
        return point && frac > EXACT_PLACES ? -2 : -3;
    /* value = digits * 10^(zeros + exp - frac); scaled by 10^EXACT_PLACES. */
    long e = zeros + exp - frac + EXACT_PLACES;
    if (n == 0) {
        *scaled = 0;
        return 0;
    }
    if (e < 0)
        return -2;
    if ((long)n + e > DECIMAL_DIGITS_MAX)
        return -3;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (digits[i] - '0');
    for (long i = 0; i < e; i++)
        v *= 10;
    *scaled = negative ? -v : v;
    return 0;
}
