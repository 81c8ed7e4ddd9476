#!/bin/sh
# Where the document model says one thing for several formats, they agree (issue 28,
# Deliver 5). A stage nobody answered has no gaps to show, and markdown and HTML say so
# in the same words: the init template answers everything "unknown".
set -u
bin=$1
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
"$bin" init --output "$tmp/blank.yaml" >/dev/null 2>&1 || { echo "FAIL: init"; exit 1; }
for fmt in markdown html; do
    "$bin" assess --format $fmt "$tmp/blank.yaml" >"$tmp/out.$fmt" 2>/dev/null
    if grep -qF "No gaps to show: no question here was answered." "$tmp/out.$fmt" &&
        ! grep -qF "every answered question is at the best end" "$tmp/out.$fmt"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $fmt does not say a stage nobody answered has no gaps to show"
    fi
done
# A note on an item answered at the best end (no gap) shows in every format (issue 29).
cat >"$tmp/best.yaml" <<'YAML'
format: stagegap-answers/1
rules: signs-of-safety
organisation: Testshire
date: 2026-09-30
answers:
  launch.introducing-sos: {score: 10, note: "Note at the best end"}
  launch.enthusiasm-across-organisation: 3
YAML
for fmt in text markdown html csv json; do
    NO_COLOR=1 "$bin" assess --format $fmt "$tmp/best.yaml" >"$tmp/best.$fmt" 2>/dev/null
    if grep -qF "Note at the best end" "$tmp/best.$fmt"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $fmt leaves out a note on an item that is not a gap"
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
