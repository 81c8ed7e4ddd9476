#!/usr/bin/env python3
"""Property test of the anonymity rule (issue 13, docs/privacy.md) over random surveys.

With a fixed seed (STAGEGAP_PROPERTY_SEED overrides it) it writes many random surveys
(STAGEGAP_PROPERTY_CASES of them, 150 by default) against a tiny rules file, each with
1-60 respondents in teams, localities and roles of skewed sizes (many groups of 1-4,
some of exactly K-1, K and K+1, some respondents giving no value), a random threshold K
of 3, 4, 5, 7 or 10, a random --by (role, team, locality, or two of them) and random
notes, then runs `stagegap assess` in all five formats and checks, for every case:

  1. Every group shown apart has at least K respondents; the pooled row ("other") has
     at least K; the rows shown add up to the respondents; a breakdown left out shows
     no rows and says why in breakdown.note.
  2. Each row's stage scores are those of `stagegap assess --by none` run on exactly
     that row's files (for the pooled row: the files of every group pooled), so no
     figure comes from a set other than the one it is said to be about.
  3. No value of a group under K, nor of any group not shown apart, appears anywhere
     in any format (group values and respondent ids are unique random tokens, so a
     search of the output is exact); a role appears only where it is shown apart under
     the rule applied to roles; no respondent id appears unless --attribute is given
     or there is one respondent.
  4. Nothing is recoverable by subtraction: the rows sum to the total, each at least K,
     and the groups pooled are exactly those the rule of docs/privacy.md pools
     (primary suppression, then the smallest shown group, ties by name with "none
     given" last, until the pooled row clears K).
  5. The same files given in a shuffled order, by name, give byte-identical output in
     every format.
  6. A two-way view is shown only when every non-empty cell has at least K, and then
     with no pooled row; otherwise groups[] is empty and breakdown.note is set.

  7. Nothing is recoverable across reports (issue 25): every report the files give
     (--by none, each field, each pair of fields) is run, and every set of respondents a
     figure is about (the whole, each row, the pooled row) is collected. Respondents no
     figure tells apart form atoms; every figure is a sum over whole atoms, so any
     integer or rational combination of figures is constant on atoms, and with every atom
     at K or more none isolates 1 to K-1 people. (A sufficient condition: the test asks
     for it of every anonymous case.) The groups pooled follow the partition under every
     figure of docs/privacy.md (partition below), not each field on its own.

Then a few hand-written cases, each with the rows it must show: a group of one, two
small groups that together clear K, a hidden group that subtraction would otherwise
reveal (K=5: A=10, B=10, C=2), groups of exactly K-1, K and K+1, ties of size with and
without "none given", two-way views either side of the threshold, values compared as
text (1.5 and 1.50; North and north), markup in a hidden value, a team called "Other
groups", issue 25's attack (two one-way reports whose difference was one person: the
algebra, by Gaussian elimination over the fractions, finds it under the one-field rule
and not in the reports now), and reports of one respondent and of K-1.

Figures under 1-4 and 6 come from an independent statement of the rule (suppress and
expected_breakdown below, written from docs/privacy.md), not from the engine.

On a failure it prints the seed, the case number, the format and what is wrong, and
keeps that case's files in a directory whose path it prints (with case.txt saying how
the case was run).

Usage: test_privacy_properties.py STAGEGAP   (exit 0 pass, 1 fail, 2 usage)
"""
import concurrent.futures
import json
import os
import random
import re
import shutil
import string
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "..", "fixtures", "privacy", "tiny-model.yaml")
FORMATS = ["text", "markdown", "html", "json", "csv"]
QUESTIONS = ["first.plan", "first.train", "first.tired", "first.rest", "second.habit",
             "second.norm"]
WORDS = ("supervision meetings mapping plans families training leaders coaching budget "
         "caseloads time morale practice reviews board audit").split()
KS = [3, 4, 5, 7, 10]
BYS = [["role"], ["team"], ["locality"], ["team"], ["role"], ["team", "role"],
       ["locality", "role"], ["team", "locality"], ["none"]]
FIELDS = ["role", "team", "locality"]
EQUAL_RULES = None  # the tiny model with every weight 1 (main writes it)


# ---- generating surveys ----

class Tokens:
    """Unique random tokens, all of one length per prefix, so that none is inside another."""

    def __init__(self, rng):
        self.rng, self.used = rng, set()

    def new(self, prefix):
        while True:
            t = prefix + "-" + "".join(self.rng.choice(string.ascii_lowercase + string.digits)
                                       for _ in range(5))
            if t not in self.used:
                self.used.add(t)
                return t


def skewed_sizes(rng, n, k):
    """Group sizes adding up to n: many of 1-4, some of exactly k-1, k, k+1, a few large."""
    sizes = []
    while sum(sizes) < n:
        x = rng.random()
        if x < 0.4:
            s = rng.randint(1, 4)
        elif x < 0.7:
            s = rng.choice([k - 1, k, k + 1])
        else:
            s = rng.randint(k, 3 * k)
        sizes.append(min(s, n - sum(sizes)))
    return sizes


def assign(rng, tokens, prefix, n, k, p_none):
    """A value (or None) for each of n respondents, in skewed group sizes, shuffled."""
    given = sum(1 for _ in range(n) if rng.random() >= p_none)
    values = []
    for size in skewed_sizes(rng, given, k) if given else []:
        values += [tokens.new(prefix)] * size
    values += [None] * (n - given)
    rng.shuffle(values)
    return values


def answer(rng):
    x = rng.random()
    if x < 0.08:
        return "n/a"
    if x < 0.15:
        return "unknown"
    if x < 0.25:
        return None  # not answered
    if rng.random() < 0.3:
        return f"{rng.randint(0, 99) / 10:.1f}"
    return str(rng.randint(0, 10))


def cells_survey(rng, tokens, k):
    """Teams and roles in a few cells of K or more (now and then one of K-1), so that
    two-way views are shown as well as left out: [{field: value}] per respondent."""
    teams = [tokens.new("team") for _ in range(rng.randint(1, 3))]
    roles = [tokens.new("role") for _ in range(rng.randint(1, 3))]
    pairs = [(t, r) for t in teams for r in roles]
    rng.shuffle(pairs)
    pairs = pairs[:rng.randint(2, len(pairs))] if len(pairs) > 1 else pairs
    budget = max(60, 2 * k)
    values = []
    for t, r in pairs:
        size = min(rng.choice([k, k, k + 1, 2 * k]), budget)
        budget -= size
        if size == 0:
            break
        values += [{"team": t, "role": r}] * size
    if rng.random() < 0.3 and values:
        values.pop()  # one cell of K-1
    rng.shuffle(values)
    return values


def random_survey(rng, case_no):
    n = rng.choice([rng.randint(1, 12), rng.randint(1, 60), rng.randint(1, 60)])
    k = rng.choice(KS)
    tokens = Tokens(rng)
    p_none = rng.choice([0.0, 0.0, 0.05, 0.2])
    cells = cells_survey(rng, tokens, k) if rng.random() < 0.2 else None
    if cells:
        n = len(cells)
    people = [{"id": None, "values": dict(cells[i]) if cells else {}, "answers": {}}
              for i in range(n)]
    for field in FIELDS:
        if cells and field != "locality":
            continue
        if rng.random() < 0.04:
            continue  # nobody gives this field
        if field == "locality" and rng.random() < 0.5:
            continue  # set from the teams below: a locality holds whole teams
        for p, v in zip(people, assign(rng, tokens, field, n, k, p_none)):
            p["values"][field] = v
    if "locality" not in [f for p in people for f in p["values"]] and rng.random() < 0.9:
        locality_of = {}
        for p in people:
            team = p["values"].get("team")
            if team not in locality_of:
                locality_of[team] = (tokens.new("locality") if rng.random() < 0.4 or
                                     not locality_of else rng.choice(list(locality_of.values())))
            p["values"]["locality"] = locality_of[team]
    for p in people:
        if rng.random() < 0.85:
            p["id"] = tokens.new("resp")
        for q in QUESTIONS:
            a = answer(rng)
            if a is None:
                continue
            if a not in ("n/a", "unknown") and rng.random() < 0.15:
                note = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6)))
                ev = (" ".join(rng.choice(WORDS) for _ in range(2))
                      if rng.random() < 0.3 else None)
                a = (a, note, ev)
            p["answers"][q] = a
    by = rng.choice([["team", "role"], ["team", "role"], ["role", "team"], ["team"],
                     ["locality", "role"]] if cells else BYS)
    return {"name": f"case {case_no}", "n": n, "k": k, "by": by,
            "attribute": rng.random() < 0.15, "people": people}


def hand_survey(name, k, by, groups, attribute=False, raw=None):
    """A survey from [(count, {field: value})]: every respondent has an id and a note.
    Values become unique tokens in the order of their names, or with raw (a map of value
    to the text to search the output for, or None for none) are written as they are."""
    people, rng = [], random.Random(name)
    tokens = Tokens(rng)
    names = {}
    for count, values in groups:
        for f, v in values.items():  # tokens keep the order of the names: team-a-... < team-b-...
            if v is not None and (f, v) not in names:
                names[(f, v)] = v if raw is not None else tokens.new(f"{f}-{v}")
        vals = {f: names.get((f, v)) for f, v in values.items()}
        for _ in range(count):
            answers = {q: str(rng.randint(0, 10)) for q in QUESTIONS}
            answers["first.plan"] = (answers["first.plan"], "a note " + rng.choice(WORDS), None)
            people.append({"id": tokens.new("resp"), "values": dict(vals), "answers": answers})
    return {"name": name, "n": len(people), "k": k, "by": by, "attribute": attribute,
            "people": people, "names": names, "needles": raw or {}}


def yaml_text(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_survey(case, folder, rng):
    os.makedirs(folder)
    files = []
    names = list(range(len(case["people"])))
    rng.shuffle(names)  # file names in no order the test knows about
    for p, name in zip(case["people"], names):
        parts = []
        if p["id"]:
            parts.append(f"id: {p['id']}")
        if p["values"].get("role"):
            parts.append(f"role: {p['values']['role']}")
        groups = {f: v for f, v in p["values"].items() if f != "role" and v is not None}
        if groups:  # plain where it can be, so that 1.50 is a YAML number read as its text
            parts.append("groups: {" + ", ".join(
                f"{f}: {v if re.fullmatch(r'[A-Za-z0-9._-]+', v) else yaml_text(v)}"
                for f, v in groups.items()) + "}")
        lines = ["format: stagegap-answers/1", "rules: tiny", "organisation: Property Org",
                 "date: 2026-05-01"]
        if parts:
            lines.append("respondent: {" + ", ".join(parts) + "}")
        lines.append("answers:" if p["answers"] else "answers: {}")
        for q, a in p["answers"].items():
            if isinstance(a, tuple):
                score, note, ev = a
                extra = f", evidence: {yaml_text(ev)}" if ev else ""
                lines.append(f"  {q}: {{score: {score}, note: {yaml_text(note)}{extra}}}")
            else:
                lines.append(f"  {q}: {a}")
        path = os.path.join(folder, f"a{name:03d}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        p["file"] = path
        files.append(path)
    return files


# ---- the rule, as docs/privacy.md states it ----

def sort_key(values):
    """Groups in byte order of their values, a group that gave none last."""
    return tuple((v is None, (v or "").encode()) for v in values)


def fold(v):
    """A group value names one group whatever the case of its ASCII letters and the
    spaces or tabs around it (docs/answers-format.md)."""
    if v is None:
        return None
    v = v.strip(" \t")
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in v)


def suppress(people, by, k):
    """Steps 1 and 2: (the cells in order, {cell: [people]}, the set of cells pooled).
    A cell is named by the spelling of its values first in byte order, trimmed."""
    folded, shown = {}, {}
    for p in people:
        key = tuple(fold(p["values"].get(f)) for f in by)
        folded.setdefault(key, []).append(p)
        spelling = tuple(None if p["values"].get(f) is None else p["values"][f].strip(" \t")
                         for f in by)
        if key not in shown or sort_key(spelling) < sort_key(shown[key]):
            shown[key] = spelling
    cells = {shown[key]: members for key, members in folded.items()}
    order = sorted(cells, key=lambda c: sort_key(tuple(fold(v) for v in c)))
    pooled = {c for c in order if len(cells[c]) < k}
    while True:
        in_pool = sum(len(cells[c]) for c in pooled)
        if not 0 < in_pool < k:
            break
        left = [c for c in order if c not in pooled]
        if not left:
            break
        pooled.add(min(left, key=lambda c: len(cells[c])))  # first of equals in order
    return order, cells, pooled


def fields_of(people):
    """Every grouping field any respondent gives, role among them, in byte order."""
    return sorted({f for p in people for f, v in p["values"].items() if v is not None},
                  key=lambda f: f.encode())


def partition(people, k):
    """docs/privacy.md, "One partition under every figure": {field: set of values shown
    apart}, each field first cut on its own, then, while some block (a combination of
    the fields' parts: a value shown apart, or the pooled rest) has 1 to K-1 respondents,
    the smallest such block (first in block order) is merged: in a field where it is a
    group shown apart, that group is pooled (with the field's next smallest group when
    the field pools nothing yet, so that something merges), the cheapest of those; if it
    is in every field's rest, the cheapest group shown anywhere; then the field's rest is
    topped up to K as on its own. A field everyone gives the same value of splits no one."""
    fields = fields_of(people)
    values, counts, shown = {}, {}, {}
    for f in fields:
        order, cells, pooled = suppress(people, [f], k)
        values[f] = [c[0] for c in order]
        counts[f] = {c[0]: len(cells[c]) for c in order}
        apart = [c[0] for c in order if c not in pooled]
        shown[f] = set(apart) if len(order) > 1 and apart else set()
    alone = {f: set(v) for f, v in shown.items()}

    def part(p, f):
        v = p["values"].get(f)
        return values[f].index(v) if v in shown[f] else len(values[f])

    def rest(f):
        return sum(counts[f][v] for v in values[f] if v not in shown[f])

    def smallest_other(f, v):
        others = [w for w in values[f] if w in shown[f] and w != v]
        return min(others, key=lambda w: counts[f][w]) if others else None

    def cost(f, v):
        if rest(f):
            return counts[f][v]
        w = smallest_other(f, v)
        return counts[f][v] + (counts[f][w] if w is not None else 0)

    def repool(f):
        while 0 < rest(f) < k and shown[f]:
            shown[f].discard(min((v for v in values[f] if v in shown[f]),
                                 key=lambda v: counts[f][v]))
        if len(shown[f]) == 1 and rest(f) == 0:
            shown[f] = set()

    while True:
        blocks = {}
        for p in people:
            blocks.setdefault(tuple(part(p, f) for f in fields), []).append(p)
        small = [b for b in sorted(blocks) if len(blocks[b]) < k]
        if not small:
            break
        b = min(small, key=lambda b: len(blocks[b]))
        first = blocks[b][0]
        best = None
        for anywhere in (False, True):
            for f in fields:
                for v in values[f]:
                    if v not in shown[f] or (not anywhere and first["values"].get(f) != v):
                        continue
                    if best is None or cost(f, v) < best[0]:
                        best = (cost(f, v), f, v)
            if best:
                break
        if best is None:
            break
        _, f, v = best
        if not rest(f):
            w = smallest_other(f, v)
            if w is not None:
                shown[f].discard(w)
        shown[f].discard(v)
        repool(f)
    for f in fields:
        if len(values[f]) == 1:
            shown[f] = set(values[f])
    return shown, alone


def expected_breakdown(people, by, k):
    """(shown: bool, rows: [(values tuple, [people])], pooled: [people] or None)."""
    order, cells, pooled = suppress(people, by, k)
    shown_by, _ = partition(people, k)
    cross = {c for c in order if any(v not in shown_by.get(f, {v}) for f, v in zip(by, c))}
    if len(by) == 1 and cross - pooled:
        pooled |= cross
        while 0 < sum(len(cells[c]) for c in pooled) < k:
            left = [c for c in order if c not in pooled]
            if not left:
                break
            pooled.add(min(left, key=lambda c: len(cells[c])))
    shown_apart = [c for c in order if c not in pooled]
    if (len(people) <= 1 or len(cells) <= 1 or (len(by) > 1 and (pooled or cross))
            or not shown_apart):
        return False, [], None
    rest = [p for c in order if c in pooled for p in cells[c]]
    return True, [(c, cells[c]) for c in shown_apart], (rest if pooled else None)


def atoms(vectors, n):
    """Respondents no figure tells apart: those with the same membership in every set."""
    groups = {}
    for i in range(n):
        groups.setdefault(tuple(i in v for v in vectors), []).append(i)
    return list(groups.values())


def in_span(vectors, target, n):
    """Whether target (a set of respondents) is a rational combination of the sets in
    vectors, by Gaussian elimination over the fractions: could figures be subtracted to
    give exactly that set's sum?"""
    from fractions import Fraction
    rows = [[Fraction(int(i in v)) for i in range(n)] for v in vectors]
    basis = []  # (pivot, row), rows reduced
    def reduce(r):
        r = r[:]
        for piv, b in basis:
            if r[piv]:
                f = r[piv] / b[piv]
                r = [x - f * y for x, y in zip(r, b)]
        return r
    for r in rows:
        r = reduce(r)
        piv = next((i for i, x in enumerate(r) if x), None)
        if piv is not None:
            basis.append((piv, r))
    t = reduce([Fraction(int(i in target)) for i in range(n)])
    return not any(t)


# ---- running ----

class Case:
    def __init__(self, stagegap, case, folder, rng):
        self.stagegap, self.case, self.folder, self.rng = stagegap, case, folder, rng
        self.failures = []
        self.outcome = "not run"

    def fail(self, fmt, what):
        self.failures.append((fmt, what))

    def run(self, args, files):
        rules = [] if "--rules" in args else ["--rules", RULES]
        cmd = [self.stagegap, "assess"] + rules + args + files
        p = subprocess.run(cmd, capture_output=True)
        return p.returncode, p.stdout, p.stderr

    def options(self):
        c = self.case
        args = []
        for f in c["by"]:
            args += ["--by", f]
        args += ["--min-group", str(c["k"])]
        if c["attribute"]:
            args.append("--attribute")
        return args

    def check(self):
        c = self.case
        files = write_survey(c, os.path.join(self.folder, "answers"), self.rng)
        shuffled = files[:]
        self.rng.shuffle(shuffled)
        by, k, n, people = c["by"], c["k"], c["n"], c["people"]
        given = {f for p in people for f, v in p["values"].items() if v is not None}
        missing = [f for f in by if f != "none" and f not in given]
        outs = {}
        for fmt in FORMATS:
            rc, out, err = self.run(self.options() + ["--format", fmt],
                                    [os.path.join(self.folder, "answers")])
            if missing:  # --by a field nobody gives is a usage error
                self.outcome = "usage error: --by a field nobody gives"
                if rc != 2:
                    self.fail(fmt, f"--by {missing[0]}, which nobody gives, exited {rc}, not 2")
                continue
            if rc != 0:
                self.fail(fmt, f"assess exited {rc}: {err.decode(errors='replace')[:300]}")
                continue
            outs[fmt] = out
            # 5: the same files in another order give the same bytes.
            rc2, out2, err2 = self.run(self.options() + ["--format", fmt], shuffled)
            if rc2 != 0 or out2 != out:
                self.fail(fmt, "the files in a shuffled order give a different report"
                          f" (exit {rc2})")
        if missing or "json" not in outs:
            return
        rep = json.loads(outs["json"], parse_float=str)
        self.outcome = ("no breakdown asked for" if by == ["none"] else
                        "left out" if not rep["breakdown"]["shown"] else
                        "shown, with a pooled row" if any(g["other"] for g in rep["groups"])
                        else "shown, every group apart")
        if len(by) > 1:
            self.outcome = "two-way " + self.outcome
        self.check_json(rep, by, k, n, people)
        self.check_leaks(outs, rep, by, k, n, people)
        self.check_all_reports(k, n, people)

    def report_sets(self, k, n, people):
        """Every set of respondents a figure is about, over every report the files give:
        --by none, each field, each pair of fields; the whole, each row, the pooled row."""
        fields = fields_of(people)
        bys = [["none"]] + [[f] for f in fields] + [[a, b] for i, a in enumerate(fields)
                                                      for b in fields[i + 1:]]
        sets = [set(range(n))]
        for by in bys:
            args = []
            for f in by:
                args += ["--by", f]
            rc, out, err = self.run(args + ["--min-group", str(k), "--format", "json"],
                                    [os.path.join(self.folder, "answers")])
            if rc != 0:
                self.fail("json", f"assess --by {by} exited {rc}")
                continue
            rep = json.loads(out, parse_float=str)
            shown = set()
            for g in rep["groups"]:
                if g["other"]:
                    continue
                members = {i for i, p in enumerate(people)
                           if all(p["values"].get(f) == v for f, v in g["values"].items())}
                shown |= members
                sets.append(members)
            if any(g["other"] for g in rep["groups"]):
                sets.append(set(range(n)) - shown)
        return sets

    def check_all_reports(self, k, n, people):
        """7 (issue 25): no combination of figures from all the reports of these files
        isolates 1 to K-1 people. Every figure is about a union of atoms (respondents no
        figure tells apart), so any sum or difference of figures is constant on atoms:
        with every atom at least K, none isolates fewer."""
        if n < k or self.case["attribute"]:
            return  # not anonymous: the report says so
        sets = self.report_sets(k, n, people)
        for a in atoms(sets, n):
            if len(a) < k:
                self.fail("json", f"{len(a)} respondent(s) ({[people[i]['values'] for i in a][:3]})"
                          f" are told apart from everyone else by figures of reports by one"
                          f" field or two")
                if in_span(sets, set(a), n):
                    self.fail("json", "and their sum is a combination of figures shown")
                return

    def check_json(self, rep, by, k, n, people):
        b, groups = rep["breakdown"], rep["groups"]
        if rep["respondents"] != n:
            self.fail("json", f"respondents {rep['respondents']}, not {n}")
        if b["min_group"] != k:
            self.fail("json", f"breakdown.min_group {b['min_group']}, not {k}")
        if by == ["none"]:
            if groups or b["shown"]:
                self.fail("json", "--by none, yet a breakdown is shown")
            return
        if b["by"] != by:
            self.fail("json", f"breakdown.by {b['by']}, not {by}")
        if rep["anonymous"] != (not self.case["attribute"] and n >= k):
            self.fail("json", f"anonymous is {rep['anonymous']} with {n} respondents, K={k}")
        shown, rows, pooled = expected_breakdown(people, by, k)
        # 1, 4, 6: the rows shown, each at least K, adding up to the total.
        if not b["shown"]:
            if groups:
                self.fail("json", "breakdown.shown is false, yet groups[] has rows")
            if n > 1 and not b.get("note"):
                self.fail("json", "a breakdown left out without a note saying why")
        else:
            for g in groups:
                if g["respondents"] < k:
                    what = "the pooled row" if g["other"] else f"group {g['values']}"
                    self.fail("json", f"{what} has {g['respondents']} respondents, under K={k}")
            if sum(g["respondents"] for g in groups) != n:
                self.fail("json", f"rows add up to {sum(g['respondents'] for g in groups)},"
                          f" not the {n} respondents")
            if len(by) > 1 and any(g["other"] for g in groups):
                self.fail("json", "a two-way view with a pooled row")
            if not any(not g["other"] for g in groups):
                self.fail("json", "a breakdown shown with no group apart")
        if b["shown"] != shown:
            self.fail("json", f"breakdown.shown is {b['shown']}; docs/privacy.md says {shown}"
                      f" (cells: {self.cell_sizes(by)})")
            return
        if not shown:
            return
        want = [(dict(zip(by, c)), False, members) for c, members in rows]
        if pooled is not None:
            want.append((None, True, pooled))
        got = [(g["values"], g["other"], g["respondents"]) for g in groups]
        if [(v, o, len(m)) for v, o, m in want] != got:
            self.fail("json", f"rows {got}; docs/privacy.md gives "
                      f"{[(v, o, len(m)) for v, o, m in want]} (cells: {self.cell_sizes(by)})")
            return
        # 2: each row's figures are those of exactly its own respondents.
        for (values, other, members), g in zip(want, groups):
            # A row weighs every item alike (docs/privacy.md): the model without weights.
            rc, out, err = self.run(["--rules", EQUAL_RULES, "--by", "none", "--min-group",
                                     str(k), "--format", "json"],
                                    sorted(p["file"] for p in members))
            if rc != 0:
                self.fail("json", f"assess --by none of row {values} exited {rc}")
                continue
            alone = json.loads(out, parse_float=str)
            mine = [(s["id"], s["score"]) for s in g["stages"]]
            theirs = [(s["id"], s["score"]) for s in alone["stages"]]
            if mine != theirs:
                what = "the pooled row" if other else f"row {values}"
                self.fail("json", f"{what} scores {mine}, but its {len(members)} respondents"
                          f" alone score {theirs}")

    def cell_sizes(self, by):
        cells = {}
        for p in self.case["people"]:
            key = "/".join(str(p["values"].get(f)) for f in by)
            cells[key] = cells.get(key, 0) + 1
        return dict(sorted(cells.items()))

    def check_leaks(self, outs, rep, by, k, n, people):
        attribute = self.case["attribute"]
        # The values that may be printed: those of the groups shown apart, and roles shown
        # apart under the rule applied to roles alone (beside notes).
        allowed = set()
        if rep["breakdown"]["shown"]:
            for g in rep["groups"]:
                if g["values"]:
                    allowed |= {v for v in g["values"].values() if v is not None}
        # A note's role: not pooled under steps 1 and 2 applied to roles. Step 3 does not
        # apply: when everyone gives one role of K or more, their notes name it.
        shown_by, _ = partition(people, k)
        order, _, _ = suppress(people, ["role"], k)
        if len(order) > 1:
            allowed |= {v for v in shown_by.get("role", ()) if v is not None}
        counts = {}
        for p in people:
            for f, v in p["values"].items():
                if v is not None:
                    counts[(f, v)] = counts.get((f, v), 0) + 1
        ids = [p["id"] for p in people if p["id"]]
        needles = self.case.get("needles", {})
        for fmt, out in outs.items():
            text = out.decode("utf-8", errors="replace")
            squeezed = re.sub(r"\s+", "", text)  # a value wrapped over two lines
            for (f, v), count in counts.items():
                needle = needles.get(v, v)  # what of a value survives escaping, if not all
                if needle is None or (needle not in text and needle not in squeezed):
                    continue
                if f == "role" and (attribute or n == 1):
                    continue  # --attribute and a report of one show roles beside notes
                if count < k:
                    self.fail(fmt, f"{f} {v} of {count} respondents (under K={k}) is printed")
                elif v not in allowed:
                    self.fail(fmt, f"{f} {v} of {count} respondents is printed, though it is"
                              " not shown apart")
            if not attribute and n > 1:
                for rid in ids:
                    if rid in text or rid in squeezed:
                        self.fail(fmt, f"respondent id {rid} is printed without --attribute")
                        break


def describe(case):
    lines = [f"{case['name']}: {case['n']} respondents, K={case['k']}, --by {case['by']},"
             f" attribute={case['attribute']}"]
    for p in case["people"]:
        lines.append(f"  {os.path.basename(p.get('file', '?'))}: id={p['id']} {p['values']}")
    return "\n".join(lines) + "\n"


def run_case(stagegap, root, seed, case, expect=None):
    folder = tempfile.mkdtemp(dir=root, prefix=re.sub(r"\W+", "-", case["name"]) + "-")
    c = Case(stagegap, case, folder, random.Random(f"{seed}/{case['name']}"))
    try:
        c.check()
        if expect is not None:
            expect(c)
    except Exception as e:  # a crash of the test is a failure of the case, kept to look at
        c.fail("-", f"the test itself raised {type(e).__name__}: {e}")
    with open(os.path.join(folder, "case.txt"), "w", encoding="utf-8") as f:
        f.write(describe(case))
        f.write(f"options: {' '.join(c.options())}\n")
    if not c.failures:
        shutil.rmtree(folder)
    return c


# ---- hand-written cases ----

def hand_cases():
    """(survey, expected rows [(name or None for the pooled row, count)] or None for none)."""
    t = lambda name: {"team": name}
    return [
        # A group of one: pooled, and the pooled row of one takes the other team with it.
        (hand_survey("one alone", 3, ["team"], [(5, t("a")), (1, t("b"))]), None),
        (hand_survey("one of three", 3, ["team"], [(5, t("a")), (4, t("b")), (1, t("c"))]),
         [("a", 5), (None, 5)]),
        # Two groups under K that together clear it.
        (hand_survey("two small clear K", 5, ["team"], [(8, t("a")), (3, t("b")), (2, t("c"))]),
         [("a", 8), (None, 5)]),
        # C=2 would be total - A - B: the pooled row takes A (ties by name) as well.
        (hand_survey("subtraction", 5, ["team"], [(10, t("a")), (10, t("b")), (2, t("c"))]),
         [("b", 10), (None, 12)]),
        # Thresholds: K-1 is pooled, and the smallest shown (K) with it; K+1 stays.
        (hand_survey("K-1 K K+1", 5, ["team"], [(4, t("a")), (5, t("b")), (6, t("c"))]),
         [("c", 6), (None, 9)]),
        (hand_survey("K K+1", 5, ["team"], [(5, t("a")), (6, t("b"))]), [("a", 5), ("b", 6)]),
        (hand_survey("K-1 alone", 5, ["team"], [(4, t("a"))]), None),
        (hand_survey("K-1 and none given", 5, ["team"], [(4, t("a")), (9, t(None))]), None),
        (hand_survey("none given K", 5, ["team"], [(7, t("a")), (5, t(None))]),
         [("a", 7), ("none", 5)]),
        # A tie of sizes: the first by name is pooled, a group that gave none last of all.
        (hand_survey("tie with none", 3, ["team"], [(2, t("a")), (4, t("b")), (4, t(None))]),
         [("none", 4), (None, 6)]),
        # Two-way: every non-empty cell at K, then one cell at K-1.
        (hand_survey("two-way at K", 3, ["team", "role"],
                     [(3, {"team": "a", "role": "x"}), (3, {"team": "a", "role": "y"}),
                      (4, {"team": "b", "role": "x"})]), "two-way shown"),
        (hand_survey("two-way K-1", 3, ["team", "role"],
                     [(3, {"team": "a", "role": "x"}), (2, {"team": "a", "role": "y"}),
                      (9, {"team": "b", "role": "x"})]), None),
        # Values compared as text: 1.5 and 1.50 are two teams (numbers read as their text),
        # North and north two more; markup in a hidden value hides with it; and a team
        # called "Other groups" is a team like any other (JSON tells it from the pooled row).
        (hand_survey("values as text", 3, ["team"],
                     [(3, t("1.5")), (3, t("1.50")), (2, t("7"))],
                     raw={"1.5": None, "1.50": None, "7": None}),
         [("1.50", 3), (None, 5)]),
        (hand_survey("case and markup", 3, ["team"],
                     [(4, t("North-q7x2k")), (2, t("north-q7x2k")), (1, t("<i>a&b zz9k3</i>")),
                      (4, t("Other groups"))],
                     raw={"Other groups": None, "<i>a&b zz9k3</i>": "zz9k3"}),
         # North-q7x2k and north-q7x2k are one team of 6, shown as North-q7x2k; the
         # team of 1 is pooled, with Other groups (4) so that it cannot be worked out.
         [("North-q7x2k", 6), (None, 5)]),
        # Issue 25's attack: Central (12) is all of Town Hall (13) but for one leader in a
        # team of one. Each field cut on its own would show Central and Town Hall, whose
        # difference is the leader; the partition pools office instead.
        (hand_survey("office attack", 5, ["team"],
                     [(12, {"team": "central", "office": "hall"}),
                      (1, {"team": "leader", "office": "hall"}),
                      (5, {"team": "north", "office": "depot"}),
                      (4, {"team": "south", "office": "depot"})]),
         "office attack"),
        # A report of one respondent and of K-1: no breakdown, and K-1 names nobody.
        (hand_survey("one respondent", 3, ["role"], [(1, {"role": "x"})]), None),
        (hand_survey("K-1 respondents", 4, ["role"], [(2, {"role": "x"}), (1, {"role": "y"})]),
         None),
    ]


def hand_expect(survey, rows):
    def expect(c):
        if not os.path.exists(os.path.join(c.folder, "answers")):
            return
        rc, out, _ = c.run(c.options() + ["--format", "json"], [os.path.join(c.folder, "answers")])
        rep = json.loads(out, parse_float=str)
        b, groups = rep["breakdown"], rep["groups"]
        if rows is None:
            if b["shown"] or groups:
                c.fail("json", "a breakdown is shown where none should be")
            return
        if rows == "office attack":
            people, n = c.case["people"], c.case["n"]
            leader = {i for i, p in enumerate(people) if "leader" in p["values"]["team"]}
            # The algebra finds the attack on the one-field rule ...
            old = [set(range(n))]
            for f in ("team", "office"):
                order, cells, pooled = suppress(people, [f], 5)
                old += [{people.index(p) for p in cells[cl]} for cl in order if cl not in pooled]
            if not in_span(old, leader, n):
                c.fail("json", "the test's algebra does not find the leader under the one-field rule")
            # ... and not in the reports made now.
            if in_span(c.report_sets(5, n, people), leader, n):
                c.fail("json", "the leader's scores are a combination of figures shown")
            got = [(g["values"] or {}).get("team") for g in groups]
            if len(got) != 3 or got[-1] is not None or rep["breakdown"]["shown"] is not True:
                c.fail("json", f"rows by team {got}, not central, north and the pooled row")
            return
        if rows == "two-way shown":
            if not b["shown"] or any(g["other"] for g in groups):
                c.fail("json", "the two-way view of cells all at K is not shown whole")
            return
        names = {v: k for k, v in survey["names"].items()}
        got = []
        for g in groups:
            if g["other"]:
                got.append((None, g["respondents"]))
            else:
                v = g["values"]["team"]
                got.append(("none" if v is None else names[v][1], g["respondents"]))
        if got != rows:
            c.fail("json", f"rows {got}, not {rows}")
    return expect


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    stagegap = os.path.abspath(sys.argv[1]) if os.path.exists(sys.argv[1]) else sys.argv[1]
    seed = int(os.environ.get("STAGEGAP_PROPERTY_SEED", "13"))
    default = 10 if "valgrind" in os.environ.get("STAGEGAP_TEST_RUNNER", "") else 150
    n_cases = int(os.environ.get("STAGEGAP_PROPERTY_CASES", str(default)))
    root = tempfile.mkdtemp(prefix="stagegap-privacy-")
    global EQUAL_RULES
    EQUAL_RULES = os.path.join(root, "tiny-equal.yaml")
    with open(RULES, encoding="utf-8") as f:
        text = re.sub(r", weight: [0-9.]+", "", f.read())
    with open(EQUAL_RULES, "w", encoding="utf-8") as f:
        f.write(text)
    rng = random.Random(seed)
    jobs = [(random_survey(rng, i), None) for i in range(1, n_cases + 1)]
    jobs += [(s, hand_expect(s, rows)) for s, rows in hand_cases()]
    workers = min(4, os.cpu_count() or 2)
    failed, outcomes = 0, {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        results = pool.map(lambda j: run_case(stagegap, root, seed, j[0], j[1]), jobs)
        for c in results:
            outcomes[c.outcome] = outcomes.get(c.outcome, 0) + 1
            if not c.failures:
                continue
            failed += 1
            case = c.case
            print(f"FAIL seed {seed}, {case['name']} ({case['n']} respondents, K={case['k']},"
                  f" --by {' --by '.join(case['by'])}{', --attribute' if case['attribute'] else ''}):"
                  f" files kept in {c.folder}")
            for fmt, what in c.failures[:8]:
                print(f"  [{fmt}] {what}")
            if len(c.failures) > 8:
                print(f"  ... and {len(c.failures) - 8} more")
    total = len(jobs)
    print("cases: " + "; ".join(f"{v} {k}" for k, v in sorted(outcomes.items())))
    print(f"privacy properties: seed {seed}, {n_cases} random cases and {total - n_cases}"
          f" hand-written: {total - failed} passed, {failed} failed")
    if failed:
        print(f"(reproduce with STAGEGAP_PROPERTY_SEED={seed} STAGEGAP_PROPERTY_CASES={n_cases};"
              f" failing cases kept under {root})")
        return 1
    shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
