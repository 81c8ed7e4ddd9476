#!/usr/bin/env python3
"""test_benchmark_privacy.py STAGEGAP [CASES] - no benchmark figure gives an authority
away (issue 30), over random networks.

Each case makes a random network of 3 to 14 authorities' share files (from the bundled
example's, with random stage scores, some missing, and random item means, some left
out), sometimes with a second, older share of some authorities, and runs `stagegap
benchmark --format json`, with --self one of them and without. Then:

- under 5 authorities it exits 3 and prints nothing on standard output;
- every figure shown rests on 5 or more authorities, and none equals, to one decimal,
  any compared authority's value for that measure (a stage's score, the mean of an
  authority's stage scores, an item's mean);
- every figure is the documented window mean (docs/benchmarking.md), worked out here
  again exactly from the shares picked (each authority's latest), so the rule checked
  below is the rule the binary follows;
- no authority's exact value can be worked out by any authority from the figures: for
  each reader, knowing its own values, the window sums of every stage figure and every
  figure of the whole (exact, before rounding: a stronger attacker than the report's
  reader) are put as linear equations in the other authorities' stage scores, and no
  single unknown is in their span (exact Gaussian elimination over the rationals);
- the JSON names no organisation but --self's.

Standard library only; a failing case names its seed.
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from fractions import Fraction
from pathlib import Path

BIN = os.path.abspath(sys.argv[1])
CASES = int(sys.argv[2]) if len(sys.argv) > 2 else 30
ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = (ROOT / "data/examples/network/riverside-2026-09-15.yaml").read_text()
MIN = 5
fails = 0
counts = {"refused": 0, "benchmarks": 0, "figures": 0, "withheld": 0, "isolation_checks": 0}


def check(ok, seed, what):
    global fails
    if not ok:
        fails += 1
        print(f"FAIL (seed {seed}): {what}")


def rounded(q):
    """q (a Fraction of a score) rounded half away from zero to tenths, in tenths."""
    return int(q * 10 + Fraction(1, 2)) if q >= 0 else -int(-q * 10 + Fraction(1, 2))


def template_parts():
    head, rest = TEMPLATE.split("stages:\n", 1)
    stages_part, means_part = rest.split("means:\n", 1)
    stage_ids = re.findall(r"\{id: ([a-z-]+),", stages_part)
    items = re.findall(r"^  ([a-z.-]+): ", means_part, re.M)
    return head, stage_ids, items


HEAD, STAGES, ITEMS = template_parts()


def share_text(org, date, scores, means):
    head = re.sub(r'organisation: ".*"', f'organisation: "{org}"', HEAD)
    head = re.sub(r"date: \S+", f"date: {date}", head)
    lines = [head.rstrip("\n"), "stages:"]
    for sid, sc in zip(STAGES, scores):
        score = "null" if sc is None else f"{sc // 10}.{sc % 10}"
        lines.append(f"  - {{id: {sid}, score: {score}, band: developing, answered: 1, "
                     f"answerable: 1}}")
    lines.append("means:")
    for item, m in means.items():
        lines.append(f"  {item}: {m // 10}.{m % 10}")
    return "\n".join(lines) + "\n"


def network(rng, tmp):
    n = rng.randint(3, 14)
    spread = rng.choice([50, 200, 600])  # tight networks make ties and withheld figures
    centre = rng.randint(200, 800)
    authorities = []
    for a in range(n):
        org = f"Authority {a:02d} marker-{rng.randrange(10**6)}"
        shares = []
        for date in (["2026-03-31"] if rng.random() < 0.3 else []) + ["2026-09-30"]:
            scores = [None if rng.random() < 0.05 else
                      max(0, min(1000, centre + rng.randint(-spread, spread))) for _ in STAGES]
            means = {i: rng.randint(20, 80) for i in ITEMS if rng.random() < 0.97}
            path = Path(tmp, f"a{a:02d}-{date}.yaml")
            path.write_text(share_text(org, date, scores, means))
            shares.append({"org": org, "date": date, "scores": scores, "means": means,
                           "path": path})
        authorities.append(shares)
    return authorities


def windows(n):
    """The documented windows (0-based, inclusive) of the median and quarter marks."""
    if n < MIN:
        return None, None, None
    lo = (n - 1) // 2 - 1 if n % 2 else n // 2 - 2
    median = (lo, lo + (2 if n % 2 else 3))
    centre = (n - 1) // 4
    if centre + 2 > lo:
        centre = lo - 2 if lo >= 2 else 0
    if centre < 1:
        return None, median, None
    lower = (centre - 1, centre + 1)
    high = n - 1 - lower[1]
    return lower, median, (high, high + 2)


def figures(values):
    """{name: (window members as indices into values, mark in tenths or None)}."""
    order = sorted(range(len(values)), key=lambda k: values[k])
    out = {}
    for name, w in zip(("lower_quarter", "median", "upper_quarter"), windows(len(values))):
        if w is None:
            out[name] = (None, None)
            continue
        members = order[w[0]:w[1] + 1]
        mark = rounded(sum(values[k] for k in members) / len(members))
        withheld = any(rounded(v) == mark for v in values)
        out[name] = (members, None if withheld else mark)
    return out


def in_span(rows, target):
    """Whether target is a rational combination of rows."""
    basis = []  # (pivot, row) in reduced form
    def reduce(v):
        v = list(v)
        for p, b in basis:
            if v[p]:
                f = v[p] / b[p]
                v = [x - f * y for x, y in zip(v, b)]
        return v
    for r in rows:
        r = reduce(r)
        p = next((i for i, x in enumerate(r) if x), None)
        if p is not None:
            basis.append((p, r))
    return not any(reduce(target))


def isolation(seed, picked, used):
    """No reader can solve for another authority's single stage score."""
    n, s = len(picked), len(STAGES)
    for reader in range(n):
        others = [k for k in range(n) if k != reader]
        col = {(k, st): i for i, (k, st) in enumerate((k, st) for k in others for st in range(s))}
        rows = []
        for members, weights in used:  # weights[(k, st)] for each member k
            row = [Fraction(0)] * len(col)
            for (k, st), w in weights.items():
                if k != reader:
                    row[col[(k, st)]] += w
            rows.append(row)
        for key, i in col.items():
            target = [Fraction(0)] * len(col)
            target[i] = Fraction(1)
            counts["isolation_checks"] += 1
            if in_span(rows, target):
                check(False, seed, f"reader {reader} can work out authority {key[0]}'s "
                                   f"stage {key[1]} score")
                return


def run_case(seed):
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        auths = network(rng, tmp)
        latest = [a[-1] for a in auths]
        self_share = rng.choice(latest) if rng.random() < 0.6 else None
        args = [BIN, "benchmark", "--format", "json"]
        if self_share:
            args += ["--self", str(self_share["path"])]
        args.append(tmp)
        p = subprocess.run(args, capture_output=True, text=True)
        if len(latest) < MIN:
            counts["refused"] += 1
            check(p.returncode == 3 and p.stdout == "" and "fewer than 5" in p.stderr, seed,
                  f"{len(latest)} authorities not refused: {p.returncode} {p.stderr!r}")
            return
        check(p.returncode == 0, seed, f"exit {p.returncode}: {p.stderr}")
        if p.returncode:
            return
        counts["benchmarks"] += 1
        out = json.loads(p.stdout)
        for a in latest:
            if a is not self_share:
                check(a["org"] not in p.stdout, seed, f"{a['org']} named")
        used = []
        measures = []
        for st, stage in enumerate(out["stages"]):
            have = [k for k, a in enumerate(latest) if a["scores"][st] is not None]
            vals = [Fraction(latest[k]["scores"][st], 10) for k in have]
            measures.append((stage, have, vals, lambda k, st=st: {(k, st): Fraction(1)}))
        whole_have = [k for k, a in enumerate(latest) if None not in a["scores"]]
        whole_vals = [Fraction(sum(latest[k]["scores"]), 10 * len(STAGES)) for k in whole_have]
        measures.append((out["whole"], whole_have, whole_vals,
                         lambda k: {(k, st): Fraction(1, len(STAGES)) for st in range(len(STAGES))}))
        for fig, have, vals, weight in measures:
            check(fig["authorities"] == len(have), seed, "authorities counted")
            want = figures(vals)
            for name, (members, mark) in want.items():
                got = fig[name]
                if got is not None:
                    counts["figures"] += 1
                    check(len(have) >= MIN, seed, f"{name} from {len(have)} authorities")
                    check(all(rounded(v) != round(got * 10) for v in vals), seed,
                          f"{name} {got} equals an authority's value")
                if members and mark is None:
                    counts["withheld"] += 1
                check((mark is None and got is None) or (mark is not None and got is not None
                      and round(got * 10) == mark), seed, f"{name}: {got} but the rule gives {mark}")
                if members:
                    w = {}
                    for m in members:
                        for key, v in weight(have[m]).items():
                            w[key] = w.get(key, 0) + v
                    used.append((members, w))
        isolation(seed, latest, used)


def main():
    for seed in range(CASES):
        run_case(seed)
    print(f"{counts}; {fails} failed")
    sys.exit(1 if fails else 0)


main()
