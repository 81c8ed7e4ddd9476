#!/usr/bin/env python3
"""test_share_privacy.py STAGEGAP [CASES] - a share file holds nothing a person could be
found by (issue 30), over random populations.

Each case makes a random assessment: 1 to 12 respondents, each answering a random part
of the model (so some items are answered by only one or two), with notes, evidence,
roles, teams and comments that carry a marker, in files whose names carry one too; a
random threshold K from 3 to 6. Then `stagegap share --min-group K --output FILE`:

- with fewer than K respondents it exits 3 and writes no file;
- otherwise the file has no marker (no id, role, team, note, evidence, comment or file
  name), every item mean it gives was answered on the scale by K or more, and is the
  mean of those answers rounded half away from zero to one decimal, and `validate`
  accepts the file.

Standard library only; a failing case names its seed.
"""
import json
import os
import random
import subprocess
import sys
import tempfile
from fractions import Fraction

BIN = os.path.abspath(sys.argv[1])
CASES = int(sys.argv[2]) if len(sys.argv) > 2 else 40
fails = 0
counts = {"shared": 0, "refused": 0, "means": 0}


def check(ok, seed, what):
    global fails
    if not ok:
        fails += 1
        print(f"FAIL (seed {seed}): {what}")


def rounded_tenths(q):
    """q rounded half away from zero to tenths, as text."""
    t = q * 10
    n = int(abs(t) + Fraction(1, 2))
    s = f"{n // 10}.{n % 10}"
    return "-" + s if t < 0 and n else s


def population(rng, seed, tmp, items):
    n = rng.randint(1, 12)
    answers = {i: [] for i in items}
    files = []
    for k in range(n):
        keep = rng.random()
        lines = ["format: stagegap-answers/1", "rules: signs-of-safety",
                 "organisation: Testshire", "date: 2026-09-30",
                 f"respondent: {{id: secret-id-{seed}-{k}, role: secret-role-{k % 3}, "
                 f"groups: {{team: secret-team-{k % 2}}}}}",
                 f"comments: [{{text: secret-comment-{seed}-{k}}}]", "answers:"]
        for i in items:
            if rng.random() > keep:
                continue
            v = rng.choice([rng.randint(0, 10), "n/a", "unknown", round(rng.uniform(0, 10), 1)])
            if isinstance(v, (int, float)):
                answers[i].append(Fraction(str(v)))
            lines.append(f"  {i}: {{score: {v}, note: secret-note-{seed}-{k}, "
                         f"evidence: secret-evidence-{seed}-{k}}}")
        if lines[-1] == "answers:":
            lines.append(f"  {items[0]}: unknown")
        path = os.path.join(tmp, f"secret-file-{seed}-{k}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        files.append(path)
    return files, answers


def means_of(text):
    out, inside = {}, False
    for line in text.splitlines():
        if line.startswith("means:"):
            inside = True
        elif inside and line.startswith("  "):
            key, value = line.strip().split(": ")
            out[key] = value
    return out


def one_case(seed, tmp, items):
    rng = random.Random(seed)
    k = rng.randint(3, 6)
    files, answers = population(rng, seed, tmp, items)
    share = os.path.join(tmp, f"share-{seed}.yaml")
    p = subprocess.run([BIN, "share", "--min-group", str(k), "--output", share, *files],
                       capture_output=True, text=True)
    if len(files) < k:
        check(p.returncode == 3, seed, f"{len(files)} respondents under K={k}: exit {p.returncode}")
        check(not os.path.exists(share), seed, "a file was written under the threshold")
        counts["refused"] += 1
        return
    check(p.returncode == 0, seed, f"share failed: {p.stderr}")
    if p.returncode != 0:
        return
    text = open(share, encoding="utf-8").read()
    check("secret" not in text, seed, "a marker of a person or file is in the share")
    counts["shared"] += 1
    for item, value in means_of(text).items():
        counts["means"] += 1
        got = answers[item]
        check(len(got) >= k, seed, f"{item}: a mean from {len(got)} answers, K={k}")
        if got:
            want = rounded_tenths(sum(got) / len(got))
            check(value == want, seed, f"{item}: mean {value}, want {want}")
    v = subprocess.run([BIN, "validate", share], capture_output=True, text=True)
    check(v.returncode == 0, seed, f"validate refuses the share: {v.stderr}")


def main():
    rules = json.loads(subprocess.run([BIN, "rules", "--format", "json"], capture_output=True,
                                      text=True, check=True).stdout)
    items = [i["id"] for s in rules["stages"] for i in s["items"] if i["question"]]
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(1, CASES + 1):
            one_case(seed, tmp, items)
    print(f"{CASES} random populations ({counts}), {fails} failures")
    return 1 if fails else 0


sys.exit(main())
