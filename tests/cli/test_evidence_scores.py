#!/usr/bin/env python3
"""test_evidence_scores.py STAGEGAP [CASES] - evidence never changes a score (issue 31),
over random assessments.

Each case makes a random assessment (1 to 9 respondents answering a random part of the
model, some unknown or n/a) and a random evidence file (1 to 6 indicators of every
scale kind, on random items and stages, with random dated values, some after the
assessment), then runs `stagegap assess` with and without `--evidence`:

- JSON: every field but "evidence" is the same, byte for byte, for assess and for
  compare (the assessment against itself);
- CSV: the rows without the evidence are the same rows, in the same order;
- JSON's evidence counts agree with its pairs, and a pair is compared only where the
  report shows the item's rating.

Standard library only; a failing case names its seed.
"""
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

BIN = os.path.abspath(sys.argv[1])
CASES = int(sys.argv[2]) if len(sys.argv) > 2 else 25
fails = 0
seen = {"pairs": 0, "compared": 0, "ahead": 0, "behind": 0}


def check(ok, seed, what):
    global fails
    if not ok:
        fails += 1
        print(f"FAIL (seed {seed}): {what}")


def model():
    out = subprocess.run([BIN, "rules", "--format", "json"], check=True, capture_output=True,
                         text=True).stdout
    m = json.loads(out)
    items = [(s["id"], i["id"]) for s in m["stages"] for i in s["items"] if i.get("question")]
    return [s["id"] for s in m["stages"]], items


STAGES, ITEMS = model()


def assessment(rng, tmp):
    d = Path(tmp, "answers")
    d.mkdir()
    for k in range(rng.randint(1, 9)):
        lines = ["format: stagegap-answers/1", "rules: signs-of-safety",
                 "organisation: Anytown", "date: 2026-07-14", "answers:"]
        for _, item in ITEMS:
            if rng.random() < 0.8:
                lines.append(f"  {item}: " + rng.choice([str(rng.randint(0, 10))] * 8 + ["unknown", "n/a"]))
        (d / f"r{k}.yaml").write_text("\n".join(lines) + "\n")
    return d


def scale(rng):
    kind = rng.choice(["percentage", "count", "rating", "category"])
    if kind == "percentage":
        return "{kind: percentage, min: 0, max: 40}" if rng.random() < 0.3 else "{kind: percentage}", lambda: str(round(rng.uniform(0, 100), 1))
    if kind == "count":
        n = rng.randint(1, 60)
        return f"{{kind: count, of: {n}}}", lambda: str(rng.randint(0, n))
    if kind == "rating":
        return "{kind: rating, min: 1, max: 5}", lambda: str(round(rng.uniform(1, 5), 2))
    return "{kind: category, levels: [poor, fair, good, great]}", lambda: rng.choice(["poor", "fair", "good", "great"])


def evidence(rng, tmp):
    lines = ["format: stagegap-evidence/1", "rules: signs-of-safety", "indicators:"]
    for k in range(rng.randint(1, 6)):
        sc, value = scale(rng)
        targets = rng.sample([i for _, i in ITEMS] + STAGES, rng.randint(1, 4))
        dates = rng.sample(["2024-01-31", "2025-06-30", "2026-03-31", "2026-07-14", "2026-09-30"],
                           rng.randint(0, 4))
        vals = ", ".join(f"{{date: {d}, value: {value()}}}" for d in dates)
        lines += [f"  - id: ind{k}", f"    title: Indicator {k}", "    source: Made up",
                  f"    scale: {sc}", f"    better: {rng.choice(['higher', 'lower'])}",
                  f"    bears-on: [{', '.join(targets)}]", f"    values: [{vals}]"]
    p = Path(tmp, "evidence.yaml")
    p.write_text("\n".join(lines) + "\n")
    return p


def run(args):
    p = subprocess.run([BIN, "assess"] + args, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def case(seed):
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        answers, ev = assessment(rng, tmp), evidence(rng, tmp)
        rc0, j0, _ = run(["--format", "json", str(answers)])
        rc1, j1, err = run(["--format", "json", "--evidence", str(ev), str(answers)])
        check(rc0 == 0 and rc1 == 0, seed, f"exit {rc0} {rc1}: {err}")
        if rc0 or rc1:
            return
        a, b = json.loads(j0), json.loads(j1)
        e = b.pop("evidence", None)
        check(e is not None, seed, "no evidence in the report")
        check(a == b, seed, "a field other than evidence changed")
        check(e["ahead"] == sum(p["verdict"] == "rating ahead" for p in e["pairs"]), seed, "ahead")
        check(e["behind"] == sum(p["verdict"] == "rating behind" for p in e["pairs"]), seed, "behind")
        for p in e["pairs"]:
            seen["pairs"] += 1
            compared = p["verdict"] != "not compared"
            seen["compared"] += compared
            seen["ahead"] += p["verdict"] == "rating ahead"
            seen["behind"] += p["verdict"] == "rating behind"
            check(not compared or (p["rating"] is not None and p["date"] is not None), seed,
                  f"{p['item']} compared with no rating or no value")
            check(p["date"] is None or p["date"] <= "2026-07-14", seed, "a later value used")
        p0 = subprocess.run([BIN, "compare", "--format", "json", str(answers), str(answers)],
                            capture_output=True, text=True)
        p1 = subprocess.run([BIN, "compare", "--format", "json", "--evidence", str(ev),
                             str(answers), str(answers)], capture_output=True, text=True)
        x, y = json.loads(p0.stdout), json.loads(p1.stdout)
        moved = y.pop("evidence", None)
        beside = y.pop("evidence_beside", None)
        check(beside is not None, seed, "compare: no evidence_beside")
        check(moved is not None and len(moved) > 0, seed, "compare: no evidence")
        check(x == y, seed, "compare: a field other than evidence changed")
        _, c0, _ = run(["--format", "csv", str(answers)])
        _, c1, _ = run(["--format", "csv", "--evidence", str(ev), str(answers)])
        kept = [r for r in c1.splitlines() if ',"evidence' not in r]
        check(kept == c0.splitlines(), seed, "the CSV's other rows changed")


def main():
    for seed in range(CASES):
        case(seed)
    print(f"{seen}; {fails} failed")
    check(seen["ahead"] > 0 and seen["behind"] > 0, "all", "no case ran ahead or behind")
    sys.exit(1 if fails else 0)


main()
