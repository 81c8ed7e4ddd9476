#!/usr/bin/env python3
"""An independent scorer, written from docs/scoring.md alone, in exact fractions.

It generates random assessments for two models (the built-in Signs of Safety model
and tests/fixtures/oracle-model.yaml, on a 1-5 scale with weights 0.5, 1 and 3),
scores each with `stagegap assess --format json` and with the formulas of
docs/scoring.md over fractions.Fraction, and compares every number the JSON report
shows, to the precision it shows it: states, counts, means, minimums, maximums,
spreads, disagreement, coverage, stage and level scores, bands, focus, flags, gaps
and their order, impacts, suggestion points, priorities, acted-on, and the groups by
role shown apart under the anonymity threshold (--min-group 3) with their scores.
Half the random assessments are of an overlay that retires random items (at times a
whole stage), and half accept random gaps (some expired), so retired items, question-less
suggestions, accepted gaps and stages without a score are checked too: which
suggestions are ranked and why not (`not_ranked`), what each gap offers, and what to
find out first. Then targeted cases: stages scoring exactly on a band's minimum, the five answers
whose mean is exactly the acted-on mark in all 120 file orders, an impact of exactly
1.25, and ties of equal impact and equal points.

Usage: oracle.py STAGEGAP [ASSESSMENTS_PER_MODEL]   (exit 0 agree, 1 differ, 77 skip)
"""
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
from fractions import Fraction as F
from math import isqrt

try:
    import yaml
except ImportError:  # the rules are read with PyYAML; without it there is nothing to check
    print("oracle: python3-yaml is not installed; skipping")
    sys.exit(77)

KINDS = [("challenges", "challenge"), ("facilitators", "facilitator"),
         ("barriers", "barrier"), ("suggestions", "suggestion")]
PLACES = 3  # answers and rules numbers have at most three decimal places
MIN_GROUP = 3  # the anonymity threshold's floor, so that more groups are shown apart


def dec(x):
    return F(str(x))


# ---- the model ----

class Model:
    def __init__(self, path, builtin):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        self.path, self.builtin = path, builtin
        self.id = doc["id"]
        self.min, self.max = int(doc["scale"]["min"]), int(doc["scale"]["max"])
        scoring = doc.get("scoring", {})
        self.min_coverage = dec(scoring.get("min-coverage", "0.5"))
        self.acted_on = dec(scoring.get("acted-on", "0.7"))
        self.bands = [(b["id"], dec(b["min"])) for b in doc["bands"]]
        self.levels = [lv["id"] for lv in doc["levels"]]
        self.stages, self.items = [], []
        for st in doc["stages"]:
            ids = []
            for key in st:  # items in file order, stage by stage
                kind = dict(KINDS).get(key)
                if not kind:
                    continue
                for it in st[key]:
                    self.items.append({
                        "id": it["id"], "kind": kind, "stage": st["id"],
                        "level": it["level"], "question": "question" in it,
                        "weight": dec(it.get("weight", 1)),
                        "addresses": list(it.get("addresses", [])),
                    })
                    ids.append(it["id"])
            self.stages.append({"id": st["id"], "items": ids})
        self.base_id = None
        self.finish()

    def finish(self):
        self.by_id = {it["id"]: it for it in self.items}
        self.order = {it["id"]: k for k, it in enumerate(self.items)}
        self.questions = [it["id"] for it in self.items if it["question"]]

    def overlay(self, path, retired):
        """This model with the items `retired` retired by an overlay written to path, as
        docs/tailoring.md says: a retired item keeps its place but has no question, and
        a base suggestion's links to retired items are dropped."""
        import copy
        m = copy.deepcopy(self)
        m.base_id, m.id, m.path, m.builtin = self.id, self.id + "-overlay", path, False
        for it in m.items:
            if it["id"] in retired:
                it["question"], it["retired"] = False, True
            it["addresses"] = [a for a in it["addresses"] if a not in retired]
        m.finish()
        lines = ["format: stagegap-rules/1", f"extends: {os.path.abspath(self.path)}",
                 f"id: {m.id}", 'version: "1"', "title: An overlay for the oracle"]
        if retired:
            lines.append("retire:")
        lines += [f"  - {{item: {i}, reason: retired for the oracle}}" for i in retired]
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        return m


# ---- docs/scoring.md, in fractions ----

def item_state(tally):
    if tally["nums"]:
        return "scored"
    if tally["unknown"] or not tally["na"]:
        return "unknown"
    return "n/a"


def item_values(m, tallies, min_answers=0):
    """State, mean, value for every item, from per-item tallies. An item with fewer than
    min_answers numeric answers (but some) is withheld: unknown, with no figure."""
    span = m.max - m.min
    out = {}
    for it in m.items:
        if not it["question"]:
            out[it["id"]] = {"state": "context"}
            continue
        t = tallies[it["id"]]
        if 0 < len(t["nums"]) < min_answers:
            out[it["id"]] = {"state": "unknown", "withheld": True}
            continue
        e = {"state": item_state(t)}
        if e["state"] == "scored":
            mean = sum(t["nums"], F(0)) / len(t["nums"])
            value = (mean - m.min) / span
            if it["kind"] == "barrier":
                value = 1 - value
            e.update(mean=mean, value=value)
        out[it["id"]] = e
    return out


def aggregate(m, vals, ids, equal=False):
    """equal: every item weighs 1, as a group's row does (docs/privacy.md)."""
    scored = [i for i in ids if vals[i]["state"] == "scored"]
    counted = [i for i in ids if vals[i]["state"] in ("scored", "unknown")]
    w = (lambda i: F(1)) if equal else (lambda i: m.by_id[i]["weight"])
    W = sum((w(i) for i in scored), F(0))
    score = 100 * sum((w(i) * vals[i]["value"] for i in scored), F(0)) / W \
        if scored else None
    return score, W, len(scored), len(counted)


def band_of(m, score):
    for k, (bid, bmin) in enumerate(m.bands):
        if score >= bmin:
            return k
    return len(m.bands) - 1


def stage_scores(m, vals, equal=False):
    """Score (or None), band index (or None), coverage and W of every stage."""
    out = []
    for st in m.stages:
        score, W, answered, answerable = aggregate(m, vals, st["items"], equal)
        coverage = F(answered, answerable) if answerable else F(0)
        has = answered > 0 and coverage >= m.min_coverage
        out.append({"score": score if has else None, "band": band_of(m, score) if has else None,
                    "coverage": coverage, "answered": answered, "answerable": answerable,
                    "W": W})
    return out


def score(m, tallies, role_tallies, accepted=()):
    """`accepted`: the items accepted (--accept) and not expired on the date."""
    respondents = sum(r["respondents"] for r in role_tallies.values())
    vals = item_values(m, tallies, MIN_GROUP if respondents >= MIN_GROUP else 0)
    stages = stage_scores(m, vals)
    for st, s in zip(m.stages, stages):
        s["levels"] = []
        for lv in m.levels:
            ids = [i for i in st["items"] if m.by_id[i]["level"] == lv]
            sc, _, answered, counted = aggregate(m, vals, ids)
            s["levels"].append({"id": lv, "score": sc, "answered": answered, "items": counted})
        for i in st["items"]:
            if vals[i]["state"] == "scored":
                vals[i]["impact"] = 100 * m.by_id[i]["weight"] * (1 - vals[i]["value"]) / s["W"]
        gaps = [i for i in st["items"] if vals[i]["state"] == "scored" and vals[i]["value"] < 1]
        s["gaps"] = sorted(gaps, key=lambda i: (-vals[i]["impact"], m.order[i]))
        s["unknown"] = [i for i in st["items"] if vals[i]["state"] == "unknown"]
        # Nothing to answer (every question n/a, or none asked): the stage does not apply.
        s["all_na"] = s["answerable"] == 0
        need = max(1, s["answered"])
        while need < s["answerable"] and F(need, s["answerable"]) < m.min_coverage:
            need += 1
        s["more_answers"] = 0 if s["score"] is not None or s["all_na"] else need - s["answered"]
    # Focus: the earliest stage not in the top band; a stage all n/a is never the focus.
    focus = None
    for k, s in enumerate(stages):
        if s["band"] != 0 and not s["all_na"]:
            focus = k
            break
    for k, s in enumerate(stages):
        s["rests_on_earlier"] = False
        if focus is not None and k > focus and s["score"] is not None:
            fb = stages[focus]["band"]
            s["rests_on_earlier"] = fb is None or s["band"] < fb
    # Suggestions. One never asked (no question, or retired) or answered n/a has no points;
    # any other has the impacts of the gaps it addresses, accepted gaps adding none.
    stage_index = {st["id"]: k for k, st in enumerate(m.stages)}
    sugg = []
    for it in m.items:
        if it["kind"] != "suggestion":
            continue
        v = vals[it["id"]]
        own_stage = stages[stage_index[it["stage"]]]
        if v["state"] == "context":
            why = "no-question"
        elif v["state"] == "n/a":
            why = "n/a"
        elif it["id"] in accepted:
            why = "accepted"
        elif own_stage["score"] is None:
            why = "stage-not-scored"
        elif v["state"] == "unknown":
            why = "answer-unknown"
        else:
            why = None
        points = F(0)
        if why not in ("no-question", "n/a"):
            for a in it["addresses"]:
                va = vals[a]
                if va["state"] == "scored" and va["value"] < 1 and a not in accepted:
                    points += va["impact"]
        acted = v["state"] == "scored" and v["value"] >= m.acted_on
        sugg.append({"id": it["id"], "points": points, "acted_on": acted,
                     "applies": why is None, "not_ranked": why, "priority": None,
                     "addresses": it["addresses"]})
    # Ranked: those not yet acted on before those acted on (to keep going with), those
    # that close a gap before those that close none, then by stage from the focus (the
    # focus stage, then the stages in order), then points within the stage, then the
    # rules order. The others have no priority.

    def stage_rank(sid):
        k = stage_index[m.by_id[sid]["stage"]]
        return 0 if k == focus else k + 1
    ranked = sorted((s for s in sugg if s["applies"]),
                    key=lambda s: (s["acted_on"], s["points"] == 0, stage_rank(s["id"]),
                                   -s["points"], m.order[s["id"]]))
    for k, s in enumerate(ranked):
        s["priority"] = k + 1
    # A gap offers the ranked suggestions that address it, in priority order.
    for st in stages:
        st["offers"] = {g: [s["id"] for s in ranked if g in s["addresses"]] for g in st["gaps"]}
    find_out = {"stages": [{"id": m.stages[k]["id"], "answered": st["answered"],
                            "answerable": st["answerable"], "more_answers": st["more_answers"],
                            "suggestions": [s["id"] for s in sugg
                                            if s["not_ranked"] == "stage-not-scored" and
                                            m.by_id[s["id"]]["stage"] == m.stages[k]["id"]]}
                           for k, st in enumerate(stages)
                           if st["score"] is None and not st["all_na"]],
                "suggestions": [s["id"] for s in sugg if s["not_ranked"] == "answer-unknown"]}
    return {"vals": vals, "stages": stages, "focus": focus, "suggestions": sugg,
            "find_out": find_out, "groups": groups_shown(m, role_tallies)}


def groups_shown(m, role_tallies):
    """The report's groups by role (None: gave no role), as docs/privacy.md says: a role
    of fewer than MIN_GROUP is pooled into "Other groups", and the smallest shown after
    it while the pooled row has from 1 to MIN_GROUP - 1; left out when nothing is left
    to show apart, or when everyone is in one group."""
    order = sorted(role_tallies, key=lambda r: (r is None, r or ""))
    respondents = sum(role_tallies[r]["respondents"] for r in order)
    if respondents <= 1 or order == [None] or len(order) <= 1:
        return []
    counts = [role_tallies[r]["respondents"] for r in order]
    pooled = [c < MIN_GROUP for c in counts]
    while 0 < sum(c for c, p in zip(counts, pooled) if p) < MIN_GROUP and not all(pooled):
        g = min((g for g, p in enumerate(pooled) if not p), key=lambda g: (counts[g], g))
        pooled[g] = True
    if all(pooled):
        return []
    rows = [(r, False, role_tallies[r]) for r, p in zip(order, pooled) if not p]
    if any(pooled):
        merged = {"respondents": 0, "items": {i: {"nums": [], "na": 0, "unknown": 0}
                                              for i in m.questions}}
        for r in (r for r, p in zip(order, pooled) if p):
            merged["respondents"] += role_tallies[r]["respondents"]
            for i, t in role_tallies[r]["items"].items():
                merged["items"][i]["nums"] += t["nums"]
                merged["items"][i]["na"] += t["na"]
                merged["items"][i]["unknown"] += t["unknown"]
        rows.append((None, True, merged))
    return [{"role": r, "other": other, "respondents": t["respondents"],
             "scores": [s["score"] for s in
                        stage_scores(m, item_values(m, t["items"], MIN_GROUP), equal=True)]}
            for r, other, t in rows]


# ---- shown as the report shows it ----

def shown(q, places=1):
    """q to `places` decimals, half away from zero on the exact value."""
    scaled = abs(q) * 10 ** places
    k = (scaled * 2 + 1) // 2  # floor(x + 1/2) for x >= 0
    neg = q < 0 and k != 0
    digits = str(k).rjust(places + 1, "0")
    text = digits[:-places] + "." + digits[-places:] if places else digits
    return ("-" if neg else "") + text


def shown_sd(nums):
    """The sample deviation to tenths, half away from zero, without a square root."""
    n = len(nums)
    if n < 2:
        return "0.0", False
    mean = sum(nums, F(0)) / n
    var = sum(((x - mean) ** 2 for x in nums), F(0)) / (n - 1)
    p, q = var.numerator, var.denominator
    t = isqrt(400 * p * q) // q  # floor(sqrt(400 var))
    k = (t + 1) // 2  # the largest k with 2k - 1 <= sqrt(400 var)
    return f"{k // 10}.{k % 10}", var


class Checker:
    def __init__(self):
        self.compared = 0
        self.with_groups = self.with_pooled_row = self.not_applicable = 0
        self.unranked = set()
        self.overlays = self.accepts = 0
        self.failures = []

    def eq(self, where, got, want):
        self.compared += 1
        if got != want:
            self.failures.append(f"{where}: stagegap {got!r}, oracle {want!r}")

    def report(self, m, tallies, res, rep, label):
        before = len(self.failures)
        eq = self.eq
        vals = res["vals"]
        eq(f"{label} focus", rep["focus"],
           None if res["focus"] is None else m.stages[res["focus"]]["id"])
        for st, s, js in zip(m.stages, res["stages"], rep["stages"]):
            w = f"{label} {st['id']}"
            eq(w + " score", js["score"], None if s["score"] is None else shown(s["score"]))
            eq(w + " band", js["band"],
               "insufficient-data" if s["band"] is None else m.bands[s["band"]][0])
            eq(w + " coverage", js["coverage"], shown(s["coverage"], 3))
            eq(w + " answered", js["answered"], s["answered"])
            eq(w + " answerable", js["answerable"], s["answerable"])
            eq(w + " rests_on_earlier", js["rests_on_earlier"], s["rests_on_earlier"])
            eq(w + " not_applicable", js["not_applicable"], s["all_na"])
            for lv, jl in zip(s["levels"], js["levels"]):
                eq(f"{w} level {lv['id']}", (jl["score"], jl["answered"], jl["items"]),
                   (None if lv["score"] is None else shown(lv["score"]), lv["answered"],
                    lv["items"]))
            eq(w + " gap order", [g["id"] for g in js["gaps"]], s["gaps"])
            for g in js["gaps"]:
                eq(f"{w} gap {g['id']} suggestions", g["suggestions"], s["offers"].get(g["id"]))
                v = vals.get(g["id"], {})
                if "impact" in v:
                    eq(f"{w} gap {g['id']} impact", g["impact"], shown(v["impact"]))
                    eq(f"{w} gap {g['id']} answer", g["answer"], shown(v["mean"]))
            eq(w + " unknown", js["unknown"], s["unknown"])
            for ji in js["items"]:
                i = ji["id"]
                v, t = vals[i], tallies.get(i)
                eq(f"{w} {i} state", ji["state"], v["state"])
                if t is None:
                    continue
                nums = t["nums"]
                eq(f"{w} {i} n/na/unknown", (ji["n"], ji["na"], ji["unknown"]),
                   (len(nums), t["na"], t["unknown"]))
                eq(f"{w} {i} no min or max", ("min" in ji, "max" in ji), (False, False))
                eq(f"{w} {i} withheld", ji["withheld"], bool(v.get("withheld")))
                if nums and not v.get("withheld"):
                    sd, var = shown_sd(nums)
                    disagree = len(nums) >= 2 and var >= F((m.max - m.min) ** 2, 16)
                    span = m.max - m.min
                    low = sum(1 for x in nums if 3 * (x - m.min) < span)
                    high = sum(1 for x in nums if 3 * (m.max - x) < span)
                    spread = ({"low": low, "middle": len(nums) - low - high, "high": high}
                              if len(nums) >= MIN_GROUP else None)
                    eq(f"{w} {i} mean", ji["mean"], shown(v["mean"]))
                    eq(f"{w} {i} spread", ji["spread"], spread)
                    eq(f"{w} {i} no sd", "sd" in ji, False)
                    eq(f"{w} {i} disagreement", ji["disagreement"], disagree)
                    eq(f"{w} {i} impact", ji["impact"], shown(v["impact"]))
                else:
                    eq(f"{w} {i} empty", (ji["mean"], ji["spread"],
                                          ji["impact"], ji["disagreement"]),
                       (None, None, None, False))
        for s, js in zip(res["suggestions"], rep["suggestions"]):
            w = f"{label} suggestion {s['id']}"
            eq(w + " id", js["id"], s["id"])
            eq(w + " points", js["points"], shown(s["points"]))
            eq(w + " priority", js["priority"], s["priority"])
            eq(w + " acted_on", js["acted_on"], s["acted_on"])
            eq(w + " keep_going", js["keep_going"],
               s["applies"] and s["acted_on"] and s["points"] > 0)
            eq(w + " not_ranked", js["not_ranked"], s["not_ranked"])
        eq(label + " find_out_first", rep["find_out_first"], res["find_out"])
        self.unranked.update(s["not_ranked"] for s in res["suggestions"])
        self.not_applicable += sum(s["all_na"] for s in res["stages"])
        self.with_groups += bool(res["groups"])
        self.with_pooled_row += any(g["other"] for g in res["groups"])
        eq(label + " groups", [(g["values"] or {}).get("role") for g in rep["groups"]],
           [g["role"] for g in res["groups"]])
        eq(label + " pooled row", [g["other"] for g in rep["groups"]],
           [g["other"] for g in res["groups"]])
        for g, jg in zip(res["groups"], rep["groups"]):
            eq(f"{label} group {g['role']} respondents", jg["respondents"], g["respondents"])
            eq(f"{label} group {g['role']} scores", [x["score"] for x in jg["stages"]],
               [None if x is None else shown(x) for x in g["scores"]])
        return len(self.failures) == before


# ---- assessments ----

def answer_text(m, rng, style):
    span = m.max - m.min
    if style == "coarse":  # few distinct values: ties and identical answers
        return str(rng.choice([m.min, m.min + span // 2, m.max, m.max - 1]))
    places = rng.choice([0, 0, 1, 1, 2, 3])
    k = rng.randint(0, span * 10 ** places)
    text = shown(m.min + F(k, 10 ** places), places) if places else str(m.min + k)
    if places and rng.random() < 0.1:
        text += "0"  # a trailing zero is not a fourth place that matters
    return text


def write_respondent(path, m, rid, role, answers, date="2026-03-01"):
    lines = ["format: stagegap-answers/1", f"rules: {m.id}", "organisation: Oracle Org",
             f"date: {date}"]
    lines.append(f"respondent: {{id: {rid}, role: {role}}}" if role else
                 f"respondent: {{id: {rid}}}")
    lines.append("answers:" if answers else "answers: {}")
    for item, text in answers.items():
        lines.append(f"  {item}: {text}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def tally(m, respondents):
    """Per-item tallies, overall and per role (None: no role given), from
    [(role, {item: text})]."""
    def empty():
        return {i: {"nums": [], "na": 0, "unknown": 0} for i in m.questions}
    items, roles = empty(), {}
    for role, answers in respondents:
        roles.setdefault(role, {"respondents": 0, "items": empty()})
        roles[role]["respondents"] += 1
        targets = [items, roles[role]["items"]]
        for i, text in answers.items():
            for t in targets:
                if text == "n/a":
                    t[i]["na"] += 1
                elif text == "unknown":
                    t[i]["unknown"] += 1
                else:
                    t[i]["nums"].append(F(text))
    return items, roles


def run(stagegap, m, folder, accept=None):
    cmd = [stagegap, "assess", "--format", "json", "--min-group", str(MIN_GROUP)]
    if not m.builtin:
        cmd += ["--rules", m.path]
    if accept:
        cmd += ["--accept", accept]
    p = subprocess.run(cmd + [folder], capture_output=True, text=True)
    if p.returncode not in (0,):
        raise SystemExit(f"oracle: {' '.join(cmd)} {folder} exited {p.returncode}: {p.stderr}")
    return json.loads(p.stdout, parse_float=lambda s: s)


def assess(stagegap, m, respondents, tmp, names=None, accept=None):
    folder = tempfile.mkdtemp(dir=tmp)
    for k, (role, answers) in enumerate(respondents):
        name = names[k] if names else f"r{k:02d}"
        write_respondent(os.path.join(folder, name + ".yaml"), m, f"id{k}", role, answers)
    rep = run(stagegap, m, folder, accept)
    items, roles = tally(m, respondents)
    return items, roles, rep


def random_overlay(m, rng, tmp, k):
    """An overlay retiring a few random items (sometimes a whole stage), and every base
    suggestion that would be left addressing nothing, as docs/tailoring.md requires."""
    retired = set(rng.sample([it["id"] for it in m.items], rng.choice([0, 1, 2, 3])))
    if rng.random() < 0.25:
        retired |= set(rng.choice(m.stages)["items"])
    while True:
        more = {it["id"] for it in m.items
                if it["kind"] == "suggestion" and it["id"] not in retired and it["addresses"]
                and all(a in retired for a in it["addresses"])}
        if not more:
            break
        retired |= more
    return m.overlay(os.path.join(tmp, f"overlay{k}.yaml"), sorted(retired))


def random_accept(m, rng, tmp, k):
    """An accept file naming a few answerable items, some expired on the date (2026-03-01);
    returns its path and the items it accepts that still hold."""
    pick = rng.sample(m.questions, min(len(m.questions), rng.choice([1, 2, 3])))
    holds, lines = set(), ["format: stagegap-accept/1", f"rules: {m.base_id or m.id}",
                           "accepted:"]
    for i in pick:
        expires = rng.choice(["2026-03-01", "2026-12-31", "2026-02-28"])
        if expires >= "2026-03-01":
            holds.add(i)
        lines += [f"  - item: {i}", "    reason: for the oracle", "    accepted-by: the oracle",
                  f"    expires: {expires}"]
    path = os.path.join(tmp, f"accept{k}.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return path, holds


def random_assessment(m, rng):
    n = rng.choice([1, 1, 2, 3, 4, 5, 7, 9, 12])
    style = rng.choice(["fine", "fine", "coarse"])
    p_na, p_unknown, p_skip = rng.choice([(0.05, 0.05, 0.05), (0.2, 0.1, 0.1), (0.6, 0.1, 0.0),
                                          (0.0, 0.0, 0.0), (0.1, 0.4, 0.2)])
    people = []
    for _ in range(n):
        role = rng.choice([None, "practitioner", "manager", "leader"])
        answers = {}
        for i in m.questions:
            x = rng.random()
            if x < p_na:
                answers[i] = "n/a"
            elif x < p_na + p_unknown:
                answers[i] = "unknown"
            elif x < p_na + p_unknown + p_skip:
                continue
            else:
                answers[i] = answer_text(m, rng, style)
        people.append((role, answers))
    return people


# ---- targeted cases ----

def targeted(stagegap, sos, fixture, tmp, check):
    ok = True
    sustain = [it for it in sos.items if it["stage"] == "sustain" and it["question"]]
    # A stage exactly on each band's minimum lands in that band: 80, 60, 20 on 0-10.
    for value in (8, 6, 2):
        band = next(bid for bid, bmin in sos.bands if bmin == value * 10)
        answers = {it["id"]: str(10 - value if it["kind"] == "barrier" else value)
                   for it in sustain}
        items, roles, rep = assess(stagegap, sos, [(None, answers)], tmp)
        js = rep["stages"][[s["id"] for s in sos.stages].index("sustain")]
        check.eq(f"exact {value * 10}: score", js["score"], f"{value * 10}.0")
        check.eq(f"exact {value * 10}: band", js["band"], band)
        ok &= check.report(sos, items, score(sos, items, roles), rep, f"band {value * 10}")
    # Five respondents whose mean is exactly the acted-on mark (7.0), in all 120 orders.
    sg = next(it["id"] for it in sos.items if it["kind"] == "suggestion")
    marks = ["6.8", "5.6", "6.7", "9.6", "6.3"]
    for perm in itertools.permutations(range(5)):
        names = [f"p{perm[k]}" for k in range(5)]
        people = [(None, {sg: marks[k]}) for k in range(5)]
        _, _, rep = assess(stagegap, sos, people, tmp, names)
        got = next(s for s in rep["suggestions"] if s["id"] == sg)
        check.eq(f"acted-on order {perm}", got["acted_on"], True)
    # An impact of exactly 1.25 shows as 1.3: first.train (weight 1) answered 4.35 on 1-5,
    # 0.1625 off the best end, in a stage of weight W = 13: 100 x 0.1625 / 13 = 1.25.
    answers = {i: "n/a" for i in fixture.questions}
    answers.update({"first.plan": "5", "first.train": "4.35", "first.tired": "1",
                    "first.both": "5", "first.churn": "1", "first.lead": "5",
                    "first.do-plan": "5", "first.rest": "5"})
    items, roles, rep = assess(stagegap, fixture, [(None, answers)], tmp)
    res = score(fixture, items, roles)
    check.eq("impact 1.25 (the oracle's own sum)", res["vals"]["first.train"]["impact"], F(5, 4))
    check.eq("impact 1.25 shown", rep["stages"][0]["gaps"][0]["impact"], "1.3")
    ok &= check.report(fixture, items, res, rep, "impact 1.25")
    # Equal impacts and equal points keep the rules order: 3 x (1 - 0.8) = 1 x (1 - 0.4)
    # on first.plan (weight 3, answer 4.2) and first.train (weight 1, answer 2.6).
    answers = {i: "5" for i in fixture.questions}
    for b in ("first.tired", "first.churn", "second.drift"):
        answers[b] = "1"
    answers.update({"first.plan": "4.2", "first.train": "2.6"})
    items, roles, rep = assess(stagegap, fixture, [(None, answers)], tmp)
    gaps = [g["id"] for g in rep["stages"][0]["gaps"]]
    check.eq("tie of impacts in rules order", gaps, ["first.plan", "first.train"])
    ok &= check.report(fixture, items, score(fixture, items, roles), rep, "ties")
    # second.keep and second.same address the same gaps: equal points, rules order.
    answers = {i: "3" for i in fixture.questions}
    answers.update({"second.keep": "2", "second.same": "2"})
    items, roles, rep = assess(stagegap, fixture, [(None, answers)], tmp)
    order = [s["id"] for s in sorted((s for s in rep["suggestions"] if s["priority"]),
                                     key=lambda s: s["priority"])]
    check.eq("tie of points in rules order", order.index("second.keep") < order.index("second.same"),
             True)
    ok &= check.report(fixture, items, score(fixture, items, roles), rep, "point ties")
    return ok


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    stagegap = os.path.abspath(sys.argv[1])
    per_model = int(sys.argv[2]) if len(sys.argv) > 2 else 80
    seed = int(os.environ.get("ORACLE_SEED", "20261130"))
    rng = random.Random(seed)
    sos = Model("data/signs-of-safety.yaml", builtin=True)
    fixture = Model("tests/fixtures/oracle-model.yaml", builtin=False)
    check = Checker()
    assessments = 0
    with tempfile.TemporaryDirectory() as tmp:
        for base in (sos, fixture):
            for k in range(per_model):
                # Half of them on an overlay that retires items, half with gaps accepted.
                m = random_overlay(base, rng, tmp, k) if rng.random() < 0.5 else base
                accept, holds = random_accept(m, rng, tmp, k) if rng.random() < 0.5 \
                    else (None, set())
                people = random_assessment(m, rng)
                items, roles, rep = assess(stagegap, m, people, tmp, accept=accept)
                check.report(m, items, score(m, items, roles, holds), rep,
                             f"{m.id} #{k}" + (" accept" if accept else ""))
                assessments += 1
                check.overlays += m is not base
                check.accepts += accept is not None
        targeted(stagegap, sos, fixture, tmp, check)
    print(f"oracle: seed {seed}: {assessments} random assessments and the targeted cases; "
          f"{check.compared} values compared, {len(check.failures)} differ; "
          f"{check.with_groups} with groups by role shown, {check.with_pooled_row} of them "
          f"with a pooled row; {check.overlays} on an overlay retiring items, {check.accepts} "
          f"with gaps accepted; {check.not_applicable} stages not applicable; suggestions "
          f"not ranked for: {', '.join(sorted(str(u) for u in check.unranked if u))}")
    for f in check.failures[:40]:
        print("  " + f)
    return 1 if check.failures else 0


if __name__ == "__main__":
    sys.exit(main())
