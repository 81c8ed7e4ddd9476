/*
 * benchmark.h - one authority's pooled scores beside a network of authorities' share
 * files (share.h), or the network's distributions alone (issue 30,
 * docs/benchmarking.md). Pure: no I/O.
 *
 * The rules that protect authorities as the anonymity threshold protects staff:
 *
 * - No figure rests on fewer than BENCHMARK_MIN_AUTHORITIES authorities.
 * - Every figure is the mean of a window of at least three authorities' values, ranked,
 *   and the windows of one measure never overlap: the median is the mean of the middle
 *   three (an odd count) or four (an even count), the lower and upper quarter marks the
 *   means of the three ranked nearest each quarter that lie wholly below or above the
 *   median's window (from 9 authorities; with fewer they are not shown). So no figure is
 *   one authority's value, and an authority that knows its own value is left with at
 *   least two unknowns in any figure or difference of figures.
 * - A figure that, rounded to one decimal, still equals some authority's value is
 *   withheld.
 * - No authority is named but the reader's own (--self); our position is said in words
 *   from our rank ("in the top quarter of 9 authorities").
 * - Over time, only our own score and position move: no network figure is shown for an
 *   earlier date, so no two networks can be subtracted.
 */
#ifndef STAGEGAP_BENCHMARK_H
#define STAGEGAP_BENCHMARK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct diags;
struct rules;
struct share;

enum { BENCHMARK_MIN_AUTHORITIES = 5, BENCHMARK_ITEMS_SHOWN = 5, BENCHMARK_WINDOW = 3 };

enum benchmark_position {
    BENCHMARK_NO_POSITION, /* no score of ours, or too few authorities */
    BENCHMARK_BOTTOM,      /* a quarter or more of the authorities are above us... */
    BENCHMARK_MIDDLE,
    BENCHMARK_TOP,
    BENCHMARK_LEVEL, /* within a quarter of the top and of the bottom: ties */
};

/* A figure of the network: shown, withheld (it would equal one authority's value) or
   not made (too few authorities for its window). */
struct benchmark_mark {
    bool shown, withheld;
    int64_t tenths;
};

/* One measure (a stage's score, the whole's, an item's mean) across the network. */
struct benchmark_figure {
    size_t authorities; /* how many carry it */
    bool enough;        /* at least BENCHMARK_MIN_AUTHORITIES */
    struct benchmark_mark lower, median, upper;
    bool has_ours;
    int64_t ours;                     /* tenths */
    enum benchmark_position position; /* where ours ranks */
};

/* An item every compared share carries, its median shown. ahead, in tenths and in the
   item's better direction (a barrier is better lower): with self, ours less the
   network's median; without, the median itself. */
struct benchmark_item {
    size_t item; /* index in rules.items */
    struct benchmark_figure fig;
    int64_t ahead;
};

/* Our position at one of our own dates, against the network as it stood then. */
struct benchmark_point {
    const char *date;
    size_t authorities;
    struct benchmark_figure *stages; /* per rules stage: ours and position only */
    struct benchmark_figure whole;
};

struct benchmark_model {
    const char *id, *version, *sha256;
    size_t authorities;
};

struct benchmark {
    const struct rules *rules;
    const struct share *self; /* NULL: the network's report, distributions only */
    const char *as_of;        /* NULL: the latest share of each authority */
    size_t authorities;
    struct benchmark_figure *stages; /* per rules stage */
    struct benchmark_figure whole;   /* the mean of an authority's stage scores */
    size_t items_compared;           /* items every compared share carries */
    /* With self: the items we are furthest behind and ahead on; without: the items the
       network scores lowest and highest (each at most BENCHMARK_ITEMS_SHOWN) */
    struct benchmark_item *behind, *ahead;
    size_t n_behind, n_ahead;
    struct benchmark_point *points; /* our dates, oldest first: two or more, else none */
    size_t n_points;
    struct benchmark_model *models; /* the models the compared shares name, in first-seen order */
    size_t n_models;
};

/*
 * Picks the shares to compare: for each organisation, the latest dated on or before
 * as_of (NULL: any date); self's organisation is self itself. Two shares of one
 * organisation with one date are an error in d, located at the second. Returns the
 * count picked into picked (room for n + 1), or 0 with an error in d.
 */
size_t benchmark_pick(const struct share *const *shares, size_t n, const struct share *self,
                      const char *as_of, const struct share **picked, struct diags *d);
/*
 * The benchmark of the n picked shares (benchmark_pick, as of as_of) against r, ours
 * self among them (NULL for none); all are every share given (n_all), from which our
 * position at each of our earlier dates is worked out. n must be at least
 * BENCHMARK_MIN_AUTHORITIES. b borrows from r and the shares.
 */
void benchmark_compute(struct benchmark *b, const struct rules *r,
                       const struct share *const *picked, size_t n, const struct share *self,
                       const char *as_of, const struct share *const *all, size_t n_all);
void benchmark_release(struct benchmark *b);

/* "in the top quarter", "in the middle half", "in the bottom quarter", "level with most",
   or NULL. */
const char *benchmark_position_words(enum benchmark_position p);
/* "top-quarter", "middle-half", "bottom-quarter", "level", or NULL: for JSON and CSV. */
const char *benchmark_position_id(enum benchmark_position p);

#endif
