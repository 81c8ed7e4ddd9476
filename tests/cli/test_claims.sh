#!/bin/sh
# test_claims.sh STAGEGAP
# Every report says the same true thing of the briefing (issue 29): every report of every
# command and format, and the plan file, carries the briefing's caveat and the model's
# judgement statement; no report, doc, man page or model text claims more than the
# briefing does ("closes gaps", "stages build on each other", "Keep it there", the
# Embedded band's "next stage"). Text is compared with its wrapping and markup undone.
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
if ! command -v python3 >/dev/null 2>&1; then
    echo "python3 not found: skipped"
    exit 77
fi
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
ex=data/examples
q=$ex/eastbrook-quarterly
failed=0
run() { # NAME ARGS...: the report, or a failure noted
    name=$1
    shift
    NO_COLOR=1 COLUMNS=80 "$bin" "$@" >"$tmp/$name" 2>"$tmp/$name.err" || {
        echo "FAIL: $name: exit status $?"
        sed 's/^/    /' "$tmp/$name.err" | head -5
        failed=1
    }
}
for fmt in text markdown json csv html; do
    run "assess.$fmt" assess --format $fmt $ex/eastbrook-mid-implementation.yaml
    run "assess-plan.$fmt" assess --format $fmt --plan $ex/eastbrook-plan.yaml $q/2026-07.yaml
    run "assess-overlay.$fmt" assess --format $fmt --rules $ex/eastbrook-overlay.yaml \
        $ex/eastbrook-mid-implementation.yaml
    run "compare.$fmt" compare --format $fmt $q/2026-04.yaml $q/2026-07.yaml
    run "compare-plan.$fmt" compare --format $fmt --plan $ex/eastbrook-plan.yaml \
        $q/2026-04.yaml $q/2026-07.yaml
    run "trend.$fmt" trend --format $fmt $q/2026-04.yaml $q/2026-07.yaml
done
run "plan-file.yaml" plan $ex/eastbrook-mid-implementation.yaml
[ "$failed" = 0 ] || exit 1
"$bin" rules --format json >"$tmp/rules.json" || exit 1

python3 - "$tmp" <<'EOF'
import glob, html, json, os, re, sys

tmp = sys.argv[1]
rules = json.load(open(f"{tmp}/rules.json", encoding="utf-8"))
caveat, judgement = rules["source"]["note"], rules["source"]["judgement"]
# Phrases that claim more than the briefing: our links as outcomes, our focus rule as
# the briefing's finding, advice the briefing does not give.
banned = [r"closes? gaps", r"stages build on each other", r"each stage builds on",
          r"keep it there", r"give most attention to the next stage"]

def plain(text, name):
    """The words a reader meets: markup, escapes, comment marks and wrapping undone."""
    if name.endswith(".html"):
        text = re.sub(r"<[^>]+>", " ", text)
        text = html.unescape(text)
    if name.endswith(".json"):
        text = json.dumps(json.loads(text), ensure_ascii=False)
        text = text.replace('\\"', '"')
    text = text.replace('""', '"')          # CSV's doubled quotes
    text = re.sub(r"(?m)^\s*#\s?", " ", text)  # the plan file's comment lines
    text = re.sub(r"[*_`>|]", " ", text)     # markdown's marks
    return " ".join(text.split())

def words(s):
    return " ".join(re.sub(r"[*_`>|]", " ", s).split())

fails = 0
def check(ok, what):
    global fails
    if not ok:
        fails += 1
        print("FAIL:", what)

reports = sorted(p for p in glob.glob(f"{tmp}/*") if not p.endswith(".err")
                 and not p.endswith("rules.json"))
for path in reports:
    name = os.path.basename(path)
    text = plain(open(path, encoding="utf-8").read(), name)
    check(words(caveat) in text, f"{name}: the briefing's caveat is missing")
    check(words(judgement) in text, f"{name}: the judgement statement is missing")
    for b in banned:
        check(not re.search(b, text, re.I), f"{name}: claims more than the briefing: /{b}/")
    # Point 8: under each human report's header, a line pointing to the caveat, before
    # the first stage is named (the summary and actions a lead pastes into a board paper).
    if name.split(".")[-1] in ("text", "markdown", "html"):
        page = open(path, encoding="utf-8").read()
        page = re.sub(r"(?s)<head>.*?</head>|<nav.*?</nav>", " ", page)  # the title, the contents
        page = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", page)     # markdown's links
        text = plain(page, name).replace(" ,", ",")
        at = text.find("Read the scores with About the evidence, at the end")
        first = min(text.find(t) for t in ("Launch", "Stage") if t in text)
        check(0 <= at < first, f"{name}: no pointer to the caveat under the header")

docs = ["README.md", "docs/stagegap.1", "data/signs-of-safety.yaml"] + sorted(
    glob.glob("docs/*.md"))
for path in docs:
    text = " ".join(open(path, encoding="utf-8").read().split())
    for b in banned:
        for m in re.finditer(b, text, re.I):
            context = text[max(0, m.start() - 60):m.end() + 60]
            check(False, f"{path}: claims more than the briefing: ...{context}...")

# Point 3: wherever an item the source hedges appears, its hedge appears with it; an
# item with a label (the lessons' items) is never introduced as a facilitator. Point 1:
# an item an overlay added is marked wherever it appears.
items = [i for s in rules["stages"] for i in s["items"]]
hedged = [i for i in items if i["hedge"]]
labelled = [i for i in items if i["label"] != i["kind"]]
check(len(hedged) == 3 and len(labelled) == 9,
      f"the model has {len(hedged)} hedged and {len(labelled)} labelled items, not 3 and 9")
for path in reports:
    name = os.path.basename(path)
    text = plain(open(path, encoding="utf-8").read(), name)
    for i in hedged:
        if words(i["text"]) in text:
            check(words(i["hedge"]) in text, f"{name}: {i['id']} without its hedge")
    for i in labelled:
        check(f"facilitator: {words(i['text'])}" not in text,
              f"{name}: {i['id']} introduced as a facilitator")
    if name.startswith("assess-overlay."):
        added = ["Multi-agency front door works the Signs of Safety way"]
        for t in added:
            check(t in text, f"{name}: the added item is missing")
        mark = '"added_locally": true' if name.endswith(".json") else "added locally"
        raw = open(path, encoding="utf-8").read()
        if name.endswith(".json"):
            raw = json.dumps(json.loads(raw))
        check(mark in raw, f"{name}: no item is marked as added locally")
        check(raw.count(mark) >= 2, f"{name}: fewer than two marks for two added items")

print(f"{len(reports)} reports and {len(docs)} documents read, {fails} failed")
sys.exit(1 if fails else 0)
EOF
