#!/usr/bin/env python3
"""Property test of the rule over time (issue 25, docs/privacy.md "Over time").

With a fixed seed (STAGEGAP_PROPERTY_SEED overrides it) it writes many random waves of
one survey (STAGEGAP_PROPERTY_CASES, 200 by default) against the tiny model: a first
wave of 3-40 people in teams and roles of skewed sizes, then one or two later waves in
which people stay with their file unchanged, change some answers (to other numbers, to
n/a, to unknown, or leave them out), move team, leave, or join; some files carry no
respondent id. It runs `stagegap compare` (two waves) and `stagegap trend` (all of
them) with a random threshold K and --by none, team or role, in JSON, and checks:

  1. The tool either shows the comparison or refuses it with exit 3 and the overlap
     message (nothing on standard output); nothing else.
  2. When it shows it, no combination of the figures it shows isolates 1 to K-1 people
     who joined or left: a person is the same in two waves when they give the same id,
     or give no id and the same file (as the tool reads them). For each kind of figure
     (the respondents counted, in the whole and in each group row shown and the pooled
     row; the answers to each item on the scale, in the whole: a group row shows stage
     scores, which mix its items, not its answers item by item) the sets of people the
     figures rest on in every wave are vectors over the people, and no rational combination of them may be the set of
     1 to K-1 people: checked on atoms (people no figure tells apart) and, where an atom
     is under K, by Gaussian elimination over every union of small atoms under K.
     Changed answers of people in both are not counted: the rule does not hide them
     (docs/privacy.md says so).
  3. Where the waves share no one, the report says so; where they do, it says how they
     are protected.
  4. The rule is not vacuous: over the run, some comparisons are refused and some shown
     with shared respondents.

On a failure it prints the seed, the case and what is wrong, and keeps that case's
files in a directory whose path it prints.

Usage: test_privacy_over_time_properties.py STAGEGAP   (exit 0 pass, 1 fail, 2 usage)
"""
import itertools
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_privacy_properties import in_span  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "..", "fixtures", "privacy", "tiny-model.yaml")
QUESTIONS = ["first.plan", "first.train", "first.tired", "first.rest", "second.habit",
             "second.norm"]
KS = [3, 4, 5, 7]
SHARE = "Where assessments share respondents, they are compared only if"
APART = "These assessments share no respondents"
REFUSED = "shares respondents with"


def answer(rng):
    x = rng.random()
    if x < 0.08:
        return "n/a"
    if x < 0.14:
        return "unknown"
    if x < 0.22:
        return None
    return str(rng.randint(0, 10))


def sizes(rng, n, k):
    out = []
    while sum(out) < n:
        out.append(min(rng.choice([1, 2, k - 1, k, k + 1, 2 * k]), n - sum(out)))
    return out


class Person:
    serial = 0

    def __init__(self, rng, team, role, with_id=True):
        Person.serial += 1
        self.key = f"p{Person.serial}"  # who they are, for the test
        self.id = f"resp-{Person.serial:04d}" if with_id else None
        self.team, self.role = team, role
        self.answers = {q: answer(rng) for q in QUESTIONS}

    def copy(self):
        p = Person.__new__(Person)
        p.key, p.id, p.team, p.role = self.key, self.id, self.team, self.role
        p.answers = dict(self.answers)
        return p

    def text(self):
        parts = []
        if self.id:
            parts.append(f"id: {self.id}")
        parts.append(f"role: {self.role}")
        parts.append(f"groups: {{team: {self.team}}}")
        lines = ["format: stagegap-answers/1", "rules: tiny", "organisation: Property Org",
                 "date: 2026-05-01", "respondent: {" + ", ".join(parts) + "}", "answers:"]
        lines += [f"  {q}: {a}" for q, a in self.answers.items() if a is not None]
        if all(a is None for a in self.answers.values()):
            lines[-1] = "answers: {}"
        return "\n".join(lines) + "\n"

    def on_scale(self, q):
        a = self.answers[q]
        return a is not None and a not in ("n/a", "unknown")


def first_wave(rng, k):
    n = rng.randint(3, 40)
    teams = [f"team{t}" for t in range(6)]
    roles = ["practitioner", "manager", "director"]
    people = []
    for t, size in zip(itertools.cycle(teams), sizes(rng, n, k)):
        for _ in range(size):
            people.append(Person(rng, t, rng.choice(roles), rng.random() < 0.8))
    return people


def next_wave(rng, people, k):
    """Who stays (as they were, or changed), who leaves, who joins."""
    out = []
    mode = rng.choice(["carried", "carried", "fresh", "few", "numbers", "numbers"])
    for p in people:
        x = rng.random()
        if mode == "few":  # one or two things differ from a carried-over export
            x = 0.0 if rng.random() < 0.9 else rng.random()
        if x < 0.55 or (mode == "carried" and x < 0.7):
            out.append(p.copy())  # the same file
        elif x < 0.8 and p.id:
            q = p.copy()  # the same person, some answers changed
            for question in rng.sample(QUESTIONS, rng.randint(1, 3)):
                if mode != "numbers":
                    q.answers[question] = answer(rng)
                elif q.on_scale(question):  # another number: still among its answers
                    q.answers[question] = str(rng.randint(0, 10))
            if rng.random() < 0.15 and mode != "numbers":
                q.team = rng.choice([f"team{t}" for t in range(6)])
            out.append(q)
        elif x < 0.9 and mode != "numbers":
            continue  # left
        else:
            out.append(p.copy())
    if mode == "few":
        if out and rng.random() < 0.5:
            out.pop(rng.randrange(len(out)))
    joiners = rng.choice([0, 0, 1, 2, k - 1, k, k + 2] if mode != "numbers" else [0, 0, k, 2 * k])
    for _ in range(joiners):
        joiner = Person(rng, rng.choice([f"team{t}" for t in range(6)]),
                        rng.choice(["practitioner", "manager"]), rng.random() < 0.8)
        if mode == "numbers":  # every answer a number: each item gains all the joiners
            joiner.answers = {q: str(rng.randint(0, 10)) for q in QUESTIONS}
        out.append(joiner)
    return out


def write_wave(folder, people):
    os.makedirs(folder)
    for i, p in enumerate(people):
        with open(os.path.join(folder, f"r{i:03d}.yaml"), "w", encoding="utf-8") as f:
            f.write(p.text())


def same_person(waves):
    """As the tool reads people: an id, or (without one) the file's answers and groups."""
    def ident(p):
        if p.id:
            return ("id", p.id)
        return ("file", p.team, p.role, tuple(sorted((q, a or "") for q, a in p.answers.items())))
    keys = {}
    out = []
    for wave in waves:
        seen = {}
        ids = []
        for p in wave:
            base = ident(p)
            n = seen.get(base, 0)  # two identical files without ids are two people
            seen[base] = n + 1
            ids.append(keys.setdefault((base, n), len(keys)))
        out.append(ids)
    return out


def rows_of(report, by):
    """The group rows shown: each its team or role value, None for the pooled row."""
    rows = []
    for g in report.get("groups", []):
        if g.get("other"):
            rows.append(None)
        else:
            rows.append(g["values"][by])
    return rows


def figure_sets(waves, ids, by, rows):
    """For each kind of figure, the sets of people (as ids) figures rest on."""
    kinds = {"respondents": []}
    wholes = {"respondents": set()}
    for q in QUESTIONS:
        kinds[q] = []
        wholes[q] = set()
    for wave, wave_ids in zip(waves, ids):
        members = [(p, i) for p, i in zip(wave, wave_ids)]
        groups = [("whole", members)]
        if rows:
            shown = [r for r in rows if r is not None]
            for r in rows:
                if r is None:
                    groups.append(("other", [(p, i) for p, i in members
                                             if getattr(p, by) not in shown]))
                else:
                    groups.append((r, [(p, i) for p, i in members if getattr(p, by) == r]))
        for name, group in groups:
            kinds["respondents"].append(frozenset(i for _, i in group))
            if name != "whole":
                continue  # a group row shows stage scores, not its answers item by item
            for q in QUESTIONS:
                kinds[q].append(frozenset(i for p, i in group if p.on_scale(q)))
            if name == "whole":
                wholes["respondents"].add(kinds["respondents"][-1])
                for q in QUESTIONS:
                    wholes[q].add(kinds[q][-1])
    return kinds, wholes


def span_has(vectors, target, universe):
    """Whether the set target is a rational combination of the sets in vectors: the
    Gaussian elimination of test_privacy_properties.py, over the people numbered."""
    index = {x: n for n, x in enumerate(sorted(universe))}
    return in_span([{index[x] for x in v} for v in vectors], {index[x] for x in target},
                   len(index))


def isolated(vectors, k, wholes):
    """A set of 1 to k-1 people some combination of the sets gives, or None. A wave's
    whole (wholes) may be that small: the whole is shown whatever its size."""
    vectors = [v for v in vectors if v]
    universe = frozenset().union(*vectors) if vectors else frozenset()
    atoms = {}
    for x in universe:
        atoms.setdefault(tuple(x in v for v in vectors), set()).add(x)
    small = [frozenset(a) for a in atoms.values() if len(a) < k]
    if not small:
        return None
    for r in range(1, len(small) + 1):
        found_any = False
        for combo in itertools.combinations(small, r):
            total = sum(len(a) for a in combo)
            if total >= k:
                continue
            found_any = True
            target = frozenset().union(*combo)
            if target not in wholes and span_has(vectors, target, universe):
                return sorted(target)
        if not found_any:
            break
    return None


def run(stagegap, cmd, k, by, folders):
    args = [stagegap, cmd, "--rules", RULES, "--min-group", str(k), "--format", "json",
            "--by", by] + folders
    return subprocess.run(args, capture_output=True, text=True,
                          env=dict(os.environ, COLUMNS="400"))


def check_case(stagegap, rng, case_no, root, tally):
    Person.serial = 0
    k = rng.choice(KS)
    by = rng.choice(["none", "team", "role"])
    waves = [first_wave(rng, k)]
    for _ in range(rng.choice([1, 1, 2])):
        waves.append(next_wave(rng, waves[-1], k))
    if any(not w for w in waves):
        return []
    folder = os.path.join(root, f"case{case_no}")
    folders = [os.path.join(folder, f"wave{w}") for w in range(len(waves))]
    for f, wave in zip(folders, waves):
        write_wave(f, wave)
    ids = same_person(waves)
    problems = []
    pairs = [("compare", [0, 1])] + ([("trend", list(range(len(waves))))] if len(waves) > 2
                                     else [("trend", [0, 1])])
    for cmd, which in pairs:
        p = run(stagegap, cmd, k, by, [folders[w] for w in which])
        what = f"{cmd} --by {by} --min-group {k} waves {which}"
        if p.returncode == 3:
            if REFUSED not in p.stderr or p.stdout:
                problems.append(f"{what}: exit 3 but not the overlap refusal: {p.stderr[:300]}")
            tally["refused"] += 1
            continue
        if p.returncode != 0:
            problems.append(f"{what}: exit {p.returncode}: {p.stderr[:300]}")
            continue
        report = json.loads(p.stdout)
        threshold = report.get("threshold") or ""
        sub = [waves[w] for w in which]
        sub_ids = [ids[w] for w in which]
        any_shared = any(set(sub_ids[a]) & set(sub_ids[b])
                         for a in range(len(sub)) for b in range(a + 1, len(sub)))
        if max(len(w) for w in sub) > 1:
            if any_shared and SHARE not in threshold:
                problems.append(f"{what}: they share people, but the report does not say how")
            if not any_shared and APART not in threshold:
                problems.append(f"{what}: they share no one, but the report does not say so")
        if any_shared:
            tally["shown shared"] += 1
        rows = rows_of(report, by) if by != "none" else []
        kinds, wholes = figure_sets(sub, sub_ids, by, rows)
        for kind, vectors in kinds.items():
            found = isolated(vectors, k, wholes[kind])
            if found:
                problems.append(f"{what}: the {kind} figures isolate {len(found)} "
                                f"(K={k}): {found}")
    return problems


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    stagegap = os.path.abspath(sys.argv[1])
    seed = int(os.environ.get("STAGEGAP_PROPERTY_SEED", "25"))
    cases = int(os.environ.get("STAGEGAP_PROPERTY_CASES", "200"))
    rng = random.Random(seed)
    root = tempfile.mkdtemp(prefix="stagegap-over-time-")
    tally = {"refused": 0, "shown shared": 0}
    failed = 0
    for case_no in range(cases):
        problems = check_case(stagegap, rng, case_no, root, tally)
        if problems:
            failed += 1
            print(f"FAIL seed {seed} case {case_no} (files kept in {root}/case{case_no}):")
            for p in problems[:5]:
                print("  " + p)
    print(f"{cases} cases, {tally['refused']} refused, {tally['shown shared']} shown "
          f"sharing respondents, {failed} failed")
    if tally["refused"] == 0 or tally["shown shared"] == 0:
        print("FAIL: the run never refused, or never showed waves that share people: "
              "the property was not exercised")
        failed += 1
    if failed == 0:
        shutil.rmtree(root)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
