#!/usr/bin/env python3
"""test_formats_property.py STAGEGAP [CASES] - every format of a report agrees (issue 29).

A cross-format property test: random assessments against the built-in model, some
with Eastbrook's overlay, an action plan made from them and a random gap accepted,
are rendered as text, markdown, HTML, JSON and CSV. The JSON is taken as what the
engine decided, and every other format must show the same things:

- every gap (its item's text), with its hedge where the model gives one, and "added
  locally" beside an item an overlay added;
- every action to take first, and no action beyond them;
- every note respondents wrote on an item, gap or not (one respondent: several
  respondents' notes are pooled under the anonymity threshold);
- the source's caveat and the model's judgement statement;
- in the CSV, the same gaps (scored rows with an impact), the same priorities and the
  same labels and hedges;
- in text, exactly as many gap entries as JSON has gaps, each with its label.

Each case then assesses the same service a quarter later and checks `compare` (stage
scores before and after, the verdict, the gaps opened and closed, CSV's opened and
closed columns) and `trend` (every stage's score at every date) the same way, with the
caveat and the judgement statement in every format.

Standard library only. The seed of each case is printed with its failures, so a
failure can be run again alone: test_formats_property.py STAGEGAP 1 SEED.
"""
import csv
import html
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile

BIN = os.path.abspath(sys.argv[1])
CASES = int(sys.argv[2]) if len(sys.argv) > 2 else 24
FIRST_SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 1
OVERLAY = "data/examples/eastbrook-overlay.yaml"
ENV = dict(os.environ, NO_COLOR="1", COLUMNS="100")
FORMATS = ("text", "markdown", "html", "json", "csv")

fails = 0
seen = {"overlay": 0, "accept": 0, "plan": 0, "respondents>1": 0}


def check(ok, seed, what):
    global fails
    if not ok:
        fails += 1
        print(f"FAIL (seed {seed}): {what}")


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, text=True, env=ENV)
    if p.returncode not in (0,):
        raise RuntimeError(f"stagegap {' '.join(args)}: exit {p.returncode}\n{p.stderr}")
    return p.stdout


def plain(text, fmt):
    """The words a reader meets: markup, escapes and wrapping undone."""
    if fmt == "html":
        text = re.sub(r"(?s)<head>.*?</head>", " ", text)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    if fmt == "markdown":
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
        text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~])", r"\1", text)
        text = re.sub(r"[*_`>|]", " ", text)
    return " ".join(text.split()).replace(" ,", ",").replace(" .", ".")


def words(s):
    """A needle normalised as plain() normalises the page."""
    return " ".join(s.split()).replace(" ,", ",").replace(" .", ".")


def model_items(rules_args):
    rules = json.loads(run("rules", "--format", "json", *rules_args))
    return {i["id"]: i for s in rules["stages"] for i in s["items"]}, rules


def answers_file(path, seed, rng, items, respondent, notes, date="2026-09-30"):
    lines = ["format: stagegap-answers/1", "rules: signs-of-safety",
             "organisation: Propertyshire", f"date: {date}",
             f"respondent: {{id: r{respondent}, role: worker}}", "answers:"]
    for iid, it in items.items():
        if it["question"] is None or it["retired"] or it["origin"] == "added":
            continue
        roll = rng.random()
        if roll < 0.08:
            continue
        value = "n/a" if roll < 0.14 else "unknown" if roll < 0.2 else str(rng.randint(0, 10))
        if notes and value not in ("n/a",) and rng.random() < 0.15:
            note = f"Note {seed}-{respondent}-{iid}"
            lines.append(f"  {iid}: {{score: {value}, note: \"{note}\"}}")
        else:
            lines.append(f"  {iid}: {value}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def accept_file(path, gap):
    with open(path, "w", encoding="utf-8") as f:
        f.write("format: stagegap-accept/1\nrules: signs-of-safety\n"
                "organisation: Propertyshire\naccepted:\n"
                f"  - item: {gap}\n    reason: \"Accepted for the property test\"\n"
                "    accepted-by: \"Head of Service\"\n    expires: 2027-12-31\n")


def one_case(seed, tmp):
    rng = random.Random(seed)
    overlay = rng.random() < 0.4
    rules_args = ["--rules", OVERLAY] if overlay else []
    items, rules = model_items(rules_args)
    n = 1 if rng.random() < 0.5 else rng.randint(2, 7)
    files = []
    for k in range(n):
        path = os.path.join(tmp, f"s{seed}-r{k}.yaml")
        answers_file(path, seed, rng, items, k, notes=n == 1)
        files.append(path)
    extra = list(rules_args)
    seen["overlay"] += overlay
    seen["respondents>1"] += n > 1
    first = json.loads(run("assess", "--format", "json", *rules_args, *files))
    gaps = [g["id"] for s in first["stages"] for g in s["gaps"]]
    if gaps and rng.random() < 0.5:
        acc = os.path.join(tmp, f"s{seed}-accept.yaml")
        accept_file(acc, rng.choice(gaps))
        extra += ["--accept", acc]
        seen["accept"] += 1
    if rng.random() < 0.5:
        plan = os.path.join(tmp, f"s{seed}-plan.yaml")
        run("plan", *extra, "--output", plan, *files)
        extra += ["--plan", plan]
        seen["plan"] += 1
    out = {f: run("assess", "--format", f, *extra, *files) for f in FORMATS}
    report = json.loads(out["json"])
    agree(seed, report, out, items, rules, overlay)
    # A second assessment a quarter later: compare and trend in every format.
    later = os.path.join(tmp, f"s{seed}-later.yaml")
    answers_file(later, seed, rng, items, 0, notes=False, date="2026-12-31")
    early = files[0]
    out = {f: run("compare", "--format", f, *rules_args, early, later) for f in FORMATS}
    compare_agree(seed, json.loads(out["json"]), out, items)
    out = {f: run("trend", "--format", f, *rules_args, early, later) for f in FORMATS}
    trend_agree(seed, json.loads(out["json"]), out)


def said_everywhere(seed, out, kind, needles):
    """Each needle (what JSON says) is in every other format's words."""
    for f in ("text", "markdown", "html", "csv"):
        text = plain(out[f].replace('""', '"') if f == "csv" else out[f], f)
        for what, needle in needles:
            check(words(needle) in text, seed, f"{kind} {f}: {what} missing")


def compare_agree(seed, c, out, items):
    needles = [("caveat", c["caveat"]), ("judgement", c["judgement"]), ("verdict", c["verdict"])]
    for st in c["stages"]:
        for side in ("before", "after"):
            if st[side] is not None:
                needles.append((f"{st['id']} {side}", f"{st[side]:.1f}"))
    said_everywhere(seed, out, "compare", needles)
    rows = list(csv.DictReader(io.StringIO(out["csv"])))
    for key in ("opened", "closed"):
        want = {i["id"] for i in c[key]}
        got = {r["item"] for r in rows if r[key] == "true"}
        check(got == want, seed, f"compare csv: {key} {sorted(got ^ want)} differ from JSON's")
        for i in c[key]:
            for f in ("text", "markdown", "html"):
                check(words(items[i["id"]]["text"]) in plain(out[f], f), seed,
                      f"compare {f}: {key} {i['id']} missing")


def trend_agree(seed, t, out):
    needles = [("caveat", t["caveat"]), ("judgement", t["judgement"])]
    for st in t["stages"]:
        for p in st["series"]:
            if p["score"] is not None:
                needles.append((f"{st['id']} {p['date']}", f"{p['score']:.1f}"))
    said_everywhere(seed, out, "trend", needles)


def agree(seed, report, out, items, rules, overlay):
    gaps = [g for s in report["stages"] for g in s["gaps"]]
    actions = sorted((s for s in report["suggestions"]
                      if s["priority"] and not s["keep_going"]), key=lambda s: s["priority"])
    listed = [a for a in actions if a["priority"] <= 5]
    said = [n for s in report["stages"] for g in s["gaps"] for n in g["notes"]]
    said += [n for s in report["stages"] for i in s["items"] for n in i.get("notes", [])]
    notes = [n[k] for n in said for k in ("note", "evidence") if n.get(k)]
    shown = {f: plain(out[f], f) for f in ("text", "markdown", "html")}
    for f, text in shown.items():
        for g in gaps:
            check(words(g["text"]) in text, seed, f"{f}: gap {g['id']} missing")
            if g["hedge"]:
                check(words(g["hedge"]) in text, seed, f"{f}: gap {g['id']} without its hedge")
        for a in listed:
            check(words(a["text"]) in text, seed, f"{f}: action {a['id']} missing")
        for note in notes:
            check(note in text, seed, f"{f}: note {note!r} missing")
        check(words(report["caveat"]) in text, seed, f"{f}: the caveat is missing")
        check(words(report["judgement"]) in text, seed, f"{f}: the judgement is missing")
        if overlay and any(g["added_locally"] for g in gaps):
            check("added locally" in text, seed, f"{f}: an added gap is not marked")
    # Text: one entry per gap, introduced by the item's label.
    entries = re.findall(r"(?m)^ {3,5}\d+\.\d (.+?): ", out["text"])
    check(len(entries) == len(gaps), seed,
          f"text lists {len(entries)} gap entries, JSON {len(gaps)}")
    labels = sorted(g["label"] for g in gaps)
    check(sorted(entries) == labels or len(entries) != len(gaps), seed,
          "text's gap labels differ from JSON's")
    # CSV: the same gaps, priorities, labels and hedges; the same notes.
    rows = list(csv.DictReader(io.StringIO(out["csv"])))
    kinds = ("challenge", "facilitator", "barrier", "suggestion")
    by_id = {r["item"]: r for r in rows if r["item"] and r["kind"] in kinds}
    csv_gaps = {i for i, r in by_id.items() if r["state"] == "scored" and r["impact"]
                and float(r["impact"]) > 0}
    check(csv_gaps == {g["id"] for g in gaps}, seed,
          f"CSV gaps {sorted(csv_gaps ^ {g['id'] for g in gaps})} differ from JSON's")
    for a in report["suggestions"]:
        row = by_id.get(a["id"])
        if row:
            check(row["priority"] == (str(a["priority"]) if a["priority"] else ""), seed,
                  f"CSV priority of {a['id']} is {row['priority']!r}, JSON {a['priority']}")
    for g in gaps:
        row = by_id[g["id"]]
        want = g["label"] + (", added locally" if g["added_locally"] else "")
        check(row["label"] == want, seed, f"CSV label of {g['id']}: {row['label']!r}")
        check(row["hedge"] == (g["hedge"] or ""), seed, f"CSV hedge of {g['id']}")
    csv_text = out["csv"]
    for note in notes:
        check(note in csv_text, seed, f"csv: note {note!r} missing")
    check(words(report["caveat"]) in " ".join(csv_text.replace('""', '"').split()), seed,
          "csv: the caveat is missing")


def main():
    if not os.access(BIN, os.X_OK):
        print(f"no binary at {BIN}")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(FIRST_SEED, FIRST_SEED + CASES):
            one_case(seed, tmp)
    print(f"{CASES} random assessments in {len(FORMATS)} formats ({seen}), {fails} failures")
    return 1 if fails else 0


sys.exit(main())
