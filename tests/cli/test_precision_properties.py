#!/usr/bin/env python3
"""Property test: what a pooled report prints of one item no longer gives its answers away
(issue 25, docs/privacy.md "Figures of one item").

For a random set of answers to each question of the tiny model (whole numbers 0 to 10,
from n = 5, 6 or 8 respondents, at the default threshold of 5), it runs `stagegap
assess --format json` and checks that each item prints only n, the mean to one decimal,
whether respondents disagree and the spread in thirds of the scale: no min, max or sd.
Then, from those printed figures alone, it enumerates every set of n answers on the
scale that would print the same, and counts the sets of answers that are the only one
to print what they print ("determined"). The same count for what reports printed
before (n, the mean to 0.01 as CSV's value gave it, sd to 0.1, min and max) is shown
beside it.

It fails if the JSON prints a min, max or sd; if the printed figures differ from those
worked out here (so the enumeration counts the figures really printed); or if more than
3% of all sets of 5 or 6 answers, or 1% of 8, are determined by what is printed now.
Some always are: when everyone, or all but one, answered at an end of the scale, the
mean alone says so; a few more near the thirds' edges. It prints how many, beside how
many the old figures determined (about 80% of sets of 5).

Usage: test_precision_properties.py STAGEGAP   (exit 0 pass, 1 fail, 2 usage)
"""
import itertools
import json
import math
import os
import random
import subprocess
import sys
import tempfile
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "..", "fixtures", "privacy", "tiny-model.yaml")
QUESTIONS = ["first.plan", "first.train", "first.tired", "first.rest", "second.habit",
             "second.norm"]
K = 5
LIMITS = {5: F(3, 100), 6: F(3, 100), 8: F(1, 100)}


def tenths(q):
    """q to one decimal, half away from zero (q >= 0), in tenths."""
    return math.floor(q * 10 + F(1, 2))


def disagree(xs):
    n, s, ss = len(xs), sum(xs), sum(x * x for x in xs)
    return n >= 2 and F(n * ss - s * s, n * (n - 1)) >= F(100, 16)


def spread(xs):
    low = sum(1 for x in xs if 3 * x < 10)
    high = sum(1 for x in xs if 3 * (10 - x) < 10)
    return {"low": low, "middle": len(xs) - low - high, "high": high}


def printed(xs):
    """What a pooled report of K or more prints of these answers."""
    sp = spread(xs) if len(xs) >= K else None
    return (len(xs), tenths(F(sum(xs), len(xs))), disagree(xs),
            tuple(sorted(sp.items())) if sp else None)


def sd_tenths(xs):
    n, s, ss = len(xs), sum(xs), sum(x * x for x in xs)
    var, k = F(n * ss - s * s, n * (n - 1)), 0
    while F((2 * k + 1) ** 2, 400) <= var:
        k += 1
    return k


def printed_before(xs):
    """What reports printed before: mean to 0.01 (CSV value), sd to 0.1, min, max."""
    return (len(xs), tenths(F(sum(xs), len(xs)) * 10), sd_tenths(xs), min(xs), max(xs))


def determined(n, sig):
    """The sets of n answers that are the only ones to print what they print."""
    groups = {}
    for xs in itertools.combinations_with_replacement(range(11), n):
        groups.setdefault(sig(xs), []).append(xs)
    total = sum(len(v) for v in groups.values())
    return [v[0] for v in groups.values() if len(v) == 1], total


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    stagegap = sys.argv[1]
    rng = random.Random(int(os.environ.get("STAGEGAP_PROPERTY_SEED", "25")))
    failures = []
    compared = 0
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(12):
            n = [5, 6, 8][run % 3]
            sets = {q: [rng.randint(0, 10) for _ in range(n)] for q in QUESTIONS}
            folder = os.path.join(tmp, f"run{run}")
            os.makedirs(folder)
            for r in range(n):
                with open(os.path.join(folder, f"r{r}.yaml"), "w", encoding="utf-8") as f:
                    f.write("format: stagegap-answers/1\nrules: tiny\norganisation: P\n"
                            "date: 2026-05-01\nanswers:\n")
                    for q in QUESTIONS:
                        f.write(f"  {q}: {sets[q][r]}\n")
            p = subprocess.run([stagegap, "assess", "--rules", RULES, "--by", "none",
                                "--format", "json", folder], capture_output=True)
            if p.returncode != 0:
                failures.append(f"assess exited {p.returncode}: {p.stderr[:200]!r}")
                continue
            rep = json.loads(p.stdout, parse_float=str)
            for st in rep["stages"]:
                for it in st["items"]:
                    xs = sets[it["id"]]
                    for key in ("min", "max", "sd"):
                        if key in it:
                            failures.append(f"{it['id']}: the report prints {key}")
                    sp = it["spread"]
                    got = (it["n"], round(float(it["mean"]) * 10), it["disagreement"],
                           tuple(sorted(sp.items())) if sp else None)
                    compared += 1
                    if got != printed(xs):
                        failures.append(f"{it['id']} {sorted(xs)}: printed {got}, worked out"
                                        f" {printed(xs)}")
    for n in (5, 6, 8):
        now, total = determined(n, printed)
        before, _ = determined(n, printed_before)
        share = F(len(now), total)
        print(f"n={n}: of {total} sets of answers on 0-10, {len(now)} are determined by what"
              f" is printed now ({float(share):.1%}), {len(before)} by what was printed"
              f" before ({len(before) / total:.1%}); e.g. {now[:4]}")
        if share > LIMITS[n]:
            failures.append(f"n={n}: {float(share):.1%} of sets determined, over"
                            f" {float(LIMITS[n]):.0%}")
    print(f"precision properties: {compared} items compared with the report,"
          f" {len(failures)} problems")
    for f in failures[:20]:
        print("  " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
