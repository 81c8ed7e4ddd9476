#!/usr/bin/env python3
"""test_participation_privacy.py STAGEGAP [CASES] - participation (docs/participation.md)
shows no count of a group the report does not show apart, over random populations.

Each case makes a random assessment: 4 to 30 respondents in 1 to 7 teams of random sizes
(some under the threshold), some giving no team, each also in one of a few localities
(so the partition across fields pools more), a random threshold K from 3 to 6, and a
headcount whose every team is asked a marker number (70001 and up, one per team, never
printed by anything else). Then `stagegap assess --by team --headcount FILE` in every
format:

- the JSON participation's groups are exactly the teams the breakdown shows apart that
  the headcount counts, each with its row's respondents as answered;
- no format prints the marker of a team that is not shown apart, nor its name;
- what the total minus the rows shown apart leaves (the pooled row) is none or at least
  K respondents, so no subtraction gives a hidden team's count;
- the line every format prints names only shown teams, with their part.

Standard library only; a failing case names its seed.
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

BIN = os.path.abspath(sys.argv[1])
RUNNER = os.environ.get("STAGEGAP_TEST_RUNNER", "").split()
CASES = int(sys.argv[2]) if len(sys.argv) > 2 else (4 if "valgrind" in RUNNER else 40)
FORMATS = ["text", "markdown", "json", "csv", "html"]
fails = 0
counts = {"cases": 0, "teams shown": 0, "teams hidden": 0, "rows": 0}


def check(ok, seed, what):
    global fails
    if not ok:
        fails += 1
        print(f"FAIL (seed {seed}): {what}")


def population(rng, seed, tmp, items):
    sizes = [rng.choice([1, 2, 3, 4, 5, 6, 8, 11]) for _ in range(rng.randint(1, 7))]
    no_team = rng.choice([0, 0, 1, 2, 5])
    members = [t for t, n in enumerate(sizes) for _ in range(n)] + [None] * no_team
    rng.shuffle(members)
    members = members[:30]
    if len(members) < 4:
        members += [0] * (4 - len(members))
    places = rng.choice([1, 1, 2, 3])  # one place: the partition pools by team alone
    d = os.path.join(tmp, f"case-{seed}")
    os.mkdir(d)
    for k, team in enumerate(members):
        groups = f"locality: place-{rng.randrange(places)}"
        if team is not None:
            groups += f", team: hidden-team-{team}"
        lines = ["format: stagegap-answers/1", "rules: signs-of-safety",
                 "organisation: Testshire", "date: 2026-09-30",
                 f"respondent: {{id: r{k}, role: practitioner, groups: {{{groups}}}}}",
                 "answers:"]
        lines += [f"  {i}: {rng.randint(0, 10)}" for i in items]
        with open(os.path.join(d, f"r{k:02}.yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    answered = {}
    for team in members:
        if team is not None:
            answered[team] = answered.get(team, 0) + 1
    return d, members, answered


def headcount(rng, seed, tmp, answered):
    marker = {t: 70001 + 97 * t + rng.randint(0, 50) for t in answered}
    # Some staff are in no team listed, so the total is no team's marker.
    total = sum(marker.values()) + rng.randint(1, 40)
    path = os.path.join(tmp, f"headcount-{seed}.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write("format: stagegap-headcount/1\n")
        f.write(f"invited: {total}\ngroups:\n  team:\n")
        for t, m in marker.items():
            f.write(f"    hidden-team-{t}: {m}\n")
    return path, marker, total


def run(args):
    p = subprocess.run(RUNNER + [BIN, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def one_case(seed, tmp, items):
    rng = random.Random(seed)
    k = rng.randint(3, 6)
    d, members, answered = population(rng, seed, tmp, items)
    hc, marker, total = headcount(rng, seed, tmp, answered)
    base = ["assess", "--by", "team", "--min-group", str(k), "--headcount", hc]
    outputs = {}
    for fmt in FORMATS:
        rc, out, err = run(base + ["--format", fmt, d])
        check(rc == 0, seed, f"{fmt}: exit {rc}: {err}")
        outputs[fmt] = out
        if rc != 0:
            return
    counts["cases"] += 1
    report = json.loads(outputs["json"])
    shown, apart = {}, 0  # teams shown apart; everyone in a row shown apart
    for g in report["groups"]:
        if not g["other"]:
            apart += g["respondents"]
        if not g["other"] and g["values"].get("team"):
            shown[int(g["values"]["team"].rsplit("-", 1)[1])] = g["respondents"]
    p = report["participation"]
    check(p["answered"] == len(members) and p["invited"] == total, seed,
          f"participation total {p['answered']} of {p['invited']}")
    rows = {}
    for r in p["groups"]:
        team = r["values"].get("team") if r["values"] else None
        check(team is not None, seed, f"a participation row of no team: {r}")
        if team is not None:
            rows[int(team.rsplit("-", 1)[1])] = r
    check(set(rows) == set(shown), seed, f"rows {sorted(rows)} but shown {sorted(shown)}")
    for t, r in rows.items():
        counts["rows"] += 1
        check(r["answered"] == shown.get(t) and r["invited"] == marker[t], seed,
              f"team {t}: {r['answered']} of {r['invited']}, row {shown.get(t)}")
    left = len(members) - apart
    # (A report of fewer than K respondents says it is not anonymous, and shows no group.)
    check(left == 0 or left >= k or len(members) < k, seed, f"total minus the rows shown leaves {left} (K={k})")
    for t in answered:
        if t in shown:
            counts["teams shown"] += 1
            continue
        counts["teams hidden"] += 1
        for fmt, out in outputs.items():
            check(not re.search(rf"(?<![0-9]){marker[t]}(?![0-9])", out), seed,
                  f"{fmt}: the headcount of hidden team {t} ({marker[t]}) is printed")
            check(f"hidden-team-{t}" not in out, seed, f"{fmt}: hidden team {t} is named")
    line = p["line"]
    named = set(int(x) for x in re.findall(r"hidden-team-(\d+)", line))
    check(named == set(shown), seed, f"the line names {sorted(named)}, shown {sorted(shown)}")


def main():
    p = subprocess.run(RUNNER + [BIN, "rules", "--format", "json"], capture_output=True,
                       text=True, check=True)
    rules = json.loads(p.stdout)
    items = [i["id"] for s in rules["stages"] for i in s["items"] if i["question"]]
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(1, CASES + 1):
            one_case(seed, tmp, items)
    print(f"{CASES} random populations ({counts}), {fails} failures")
    return 1 if fails else 0


sys.exit(main())
