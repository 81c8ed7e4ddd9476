#!/usr/bin/env python3
"""check_briefing.py BRIEFING RULES DOC [OTHER_DOC...]

Checks that the Signs of Safety model (RULES) and the page explaining how it was set
(DOC, its section "How the Signs of Safety model was set") say only what the briefing
(BRIEFING, its full text) says, where they say the briefing says it:

- every item's `text` and every stage note is a verbatim passage of the briefing;
- every passage in double quotes in the model's sources, descriptions, caveat and
  judgement, and in the doc's section, is verbatim ("..." inside a quote stands for
  words left out: the parts must appear in that order);
- claims the briefing does not make are not made, in the model, DOC or any OTHER_DOC
  (each was once made, see data/CHANGELOG-signs-of-safety.md), and what the briefing
  hedges keeps its hedge;
- every item whose question gives examples says in its `source` whose examples they are;
- the links and level tags reviewed against the briefing each have their reason in DOC.

Verbatim means the same characters, case included, with runs of white space taken as one
space. Prints each problem, then "N passed, M failed"; exits 1 when any check failed.
"""
import html
import re
import sys

import yaml

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {name}" + (f": {detail}" if detail else ""))


def flat(s):
    return re.sub(r"\s+", " ", s).strip()


def in_order(briefing, quote):
    """Whether quote, its parts split at "...", appears verbatim in the briefing."""
    at = 0
    for part in re.split(r"\s*(?:\.\.\.|…)\s*", quote):
        if not part:
            continue
        found = briefing.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def quotes(s):
    return re.findall(r'"([^"]+)"', s)


def doc_section(doc):
    m = re.search(r"^## How the Signs of Safety model was set\n(.*?)^## ", doc, re.M | re.S)
    return m.group(1) if m else ""


def main():
    briefing_path, rules_path, doc_path = sys.argv[1:4]
    others = []
    for path in sys.argv[4:]:
        with open(path, encoding="utf-8") as f:
            others.append(f.read())
    with open(briefing_path, encoding="utf-8") as f:
        briefing = flat(html.unescape(f.read()))
    with open(rules_path, encoding="utf-8") as f:
        model = yaml.safe_load(f)
    with open(doc_path, encoding="utf-8") as f:
        section = doc_section(f.read())
    check("the doc has its section on how the model was set", bool(section))
    # Backticked spans in the doc are keys and ids, not quotations.
    section_text = re.sub(r"`[^`]*`", "", section)

    items = [it for st in model["stages"]
             for kind in ("challenges", "facilitators", "barriers", "suggestions")
             for it in st.get(kind, [])]
    by_id = {it["id"]: it for it in items}

    # Item texts and stage notes are the briefing's words.
    for it in items:
        check(f"{it['id']} text is verbatim", flat(it["text"]) in briefing, it["text"])
    for st in model["stages"]:
        for note in st.get("notes", []):
            check(f"{st['id']} note is verbatim", flat(note) in briefing, note)

    # Quoted passages are the briefing's words.
    fields = [("source.note", model["source"]["note"]),
              ("source.judgement", model["source"].get("judgement", "")),
              ("description", model.get("description", ""))]
    fields += [(f"level {lv['id']}", lv.get("description", "")) for lv in model["levels"]]
    fields += [(f"stage {st['id']}", st.get("description", "")) for st in model["stages"]]
    fields += [(f"{it['id']} source", it.get("source", "")) for it in items]
    for name, text in fields:
        for q in quotes(flat(text)):
            check(f"{name} quotes the briefing verbatim", in_order(briefing, q), q)
    for q in quotes(flat(section_text)):
        check("the doc quotes the briefing verbatim", in_order(briefing, q), q)

    # Claims the briefing does not make. It calls Signs of Safety hard (lesson 1), not
    # each stage; it links no suggestion to any gap; it ranks nothing.
    unsupported = ["treats each stage as hard", "because the briefing gives none",
                   "what the briefing stresses most", "because the briefing stresses them most",
                   "the briefing's main message", "treats every stage as hard"]
    texts = [t for _, t in fields] + [section_text] + others
    for claim in unsupported:
        check(f"no one says '{claim}'", not any(claim in flat(t) for t in texts))
    # "little or no impact" is what the general literature on short training suggests.
    for name, text in fields + [("doc", p) for p in re.split(r"\n\s*\n|\n- ", section_text)]:
        t = flat(text)
        if "little or no impact" in t:
            check(f"{name} attributes 'little or no impact' to the general literature",
                  "general literature on short training input" in t)

    # The briefing's hedge on selecting staff is kept with the item.
    staff = flat(by_id["sustain.selecting-staff"].get("source", ""))
    check("sustain.selecting-staff keeps the briefing's hedge",
          "There may also be wider issues in changing individual practice not touched on "
          "in the literature" in staff)

    # A question's examples are said to be ours, or the briefing's, in the item's source.
    for it in items:
        q = it.get("question", "")
        if re.search(r"\bsuch as\b|\bfor example\b|\(", q):
            check(f"{it['id']} source says whose the question's examples are",
                  "example" in it.get("source", ""), q)
    check("sustain.staff-turnover keeps to its cell",
          "agency" not in by_id["sustain.staff-turnover"]["question"]
          or "ours" in by_id["sustain.staff-turnover"].get("source", ""))

    # The links and level tags reviewed against the briefing have their reasons.
    reviewed = ["launch.plan-for-full-implementation", "launch.whole-organisation-commitment",
                "launch.leaders-in-training", "launch.training-for-all-workers",
                "implement.recognise-good-practice", "implement.change-fatigue",
                "sustain.next-stages-for-excellence", "sustain.learning-organisation",
                "launch.current-practice-and-values",
                "implement.other-organisations-not-using-sos", "launch.longer-term-plan",
                "sustain.quality-retained", "sustain.selecting-staff"]
    for item_id in reviewed:
        check(f"the doc gives the reason for {item_id}", f"`{item_id}`" in section)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
