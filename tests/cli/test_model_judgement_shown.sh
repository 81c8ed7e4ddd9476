#!/bin/sh
# test_model_judgement_shown.sh STAGEGAP
# What in the model is its author's judgement rather than the source's (the rules file's
# source.judgement) reaches every output that carries the source's caveat: the text
# rules outline and the text, markdown, HTML, JSON and CSV reports; the CSV report also
# carries the stage notes. Text is compared with its wrapping undone.
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
if ! command -v python3 >/dev/null 2>&1; then
    echo "python3 not found: skipped"
    exit 77
fi
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
ex=data/examples/westvale-sustaining.yaml

"$bin" rules --format json >"$tmp/rules.json" || exit 1
"$bin" rules >"$tmp/rules.txt" || exit 1
for fmt in text markdown json csv html; do
    "$bin" assess --format "$fmt" "$ex" >"$tmp/report.$fmt" || exit 1
done
COLUMNS=60 "$bin" assess "$ex" >"$tmp/narrow.text" || exit 1

python3 - "$tmp" <<'EOF'
import csv, html, json, re, sys

tmp = sys.argv[1]
rules = json.load(open(f"{tmp}/rules.json", encoding="utf-8"))
judgement = rules["source"]["judgement"]
notes = [n for st in rules["stages"] for n in st.get("notes", [])]
passed = failed = 0


def check(name, ok):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", name)


def flat(s):
    return re.sub(r"\s+", " ", s)


def read(name):
    return open(f"{tmp}/{name}", encoding="utf-8").read()


check("the model has a judgement statement", bool(judgement))
check("the model has stage notes", bool(notes))
check("rules text shows the judgement", flat(judgement) in flat(read("rules.txt")))
for name in ("report.text", "narrow.text"):
    check(f"{name} shows the judgement", flat(judgement) in flat(read(name)))
check("markdown report shows the judgement", flat(judgement) in flat(read("report.markdown")))
check("html report shows the judgement",
      flat(judgement) in flat(html.unescape(read("report.html"))))
report = json.loads(read("report.json"))
check("json report has judgement", report.get("judgement") == judgement)
rows = list(csv.DictReader(open(f"{tmp}/report.csv", encoding="utf-8", newline="")))
check("csv rows are rectangular", all(None not in r for r in rows))
judged = [r for r in rows if r["kind"] == "judgement"]
check("csv has one judgement row", len(judged) == 1)
check("csv judgement row is last", rows and rows[-1]["kind"] == "judgement")
check("csv judgement row holds the statement", judged and judged[0]["text"] == judgement)
check("csv judgement row has no stage or item",
      judged and judged[0]["stage"] == "" and judged[0]["item"] == "")
note_rows = [r for r in rows if r["kind"] == "note"]
check("csv has the stage notes", [r["text"] for r in note_rows] == notes)
check("csv note rows are context", all(r["state"] == "context" for r in note_rows))
check("csv context rows carry the caveat",
      all(r["caveat"] == report["caveat"] for r in note_rows + judged))
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
EOF
