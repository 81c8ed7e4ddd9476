#!/bin/sh
# Every JSON report of every bundled example, alone and pooled and broken down, is valid against
# docs/report.schema.json; and an invalid document is caught (the check can fail).
set -u
bin=$1
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
n=0
for f in data/examples/*.yaml; do
    case $f in *-plan.yaml | *-accept.yaml | *-overlay.yaml | *-evidence.yaml | *-headcount.yaml) continue ;; esac # a plan, accepted gaps, an overlay, evidence or a headcount, not answers
    n=$((n + 1))
    "$bin" assess --format json "$f" >"$tmp/report$n.json" || { echo "assess $f failed"; exit 1; }
done
# Three respondents of one organisation, two roles, pooled.
mkdir "$tmp/pool"
src=data/examples/eastbrook-mid-implementation.yaml
sed 's/role: principal social worker/role: leader/' "$src" >"$tmp/pool/a.yaml"
sed 's/role: principal social worker/role: practitioner/; s/: 9$/: 2/' "$src" >"$tmp/pool/b.yaml"
sed 's/role: principal social worker/role: practitioner/; s/: 8$/: n\/a/' "$src" >"$tmp/pool/c.yaml"
"$bin" assess --format json "$tmp/pool" >"$tmp/report-pool.json" || { echo "assess pool failed"; exit 1; }
# Breakdowns: shown with a pooled row, shown without one, two-way left out, none.
for by in "--by team" "--by locality" "--by team --by role" "--by none" "--by team --min-group 3"; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # the options are words
    "$bin" assess --format json $by tests/fixtures/survey >"$tmp/report-groups$n.json" ||
        { echo "assess $by failed"; exit 1; }
done
# With a headcount (docs/participation.md): groups shown apart with their part, by role
# with a pooled row, and a total alone.
for hc in "--by team --headcount tests/fixtures/headcount/two-teams.yaml tests/fixtures/survey-two-teams" \
    "--headcount data/examples/riverside-headcount.yaml tests/fixtures/survey" \
    "--invited 24 tests/fixtures/survey"; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # the options are words
    "$bin" assess --format json $hc >"$tmp/report-participation$n.json" 2>/dev/null ||
        { echo "assess $hc failed"; exit 1; }
    grep -q '"participation"' "$tmp/report-participation$n.json" || { echo "no participation: $hc"; exit 1; }
done
# With an action plan (assess --plan): on the day it was made, and a quarter later.
plan=tests/fixtures/plan/eastbrook-board.yaml
for f in data/examples/eastbrook-quarterly/2026-04.yaml data/examples/eastbrook-quarterly/2026-07.yaml; do
    n=$((n + 1))
    "$bin" assess --plan $plan --format json "$f" >"$tmp/report-plan$n.json" ||
        { echo "assess --plan $f failed"; exit 1; }
done
# A model with targets: gaps[].target and targets[].
"$bin" assess --format json --rules tests/fixtures/targets/model.yaml tests/fixtures/targets/answers.yaml \
    >"$tmp/report-targets.json" || { echo "assess with targets failed"; exit 1; }
grep -q '"targets"' "$tmp/report-targets.json" || { echo "no targets in the report"; exit 1; }
# With accepted gaps (assess --accept): one that holds, one expired, one of a closed gap.
for x in data/examples/eastbrook-accept.yaml tests/fixtures/accept/eastbrook-expired.yaml; do
    n=$((n + 1))
    "$bin" assess --accept $x --format json data/examples/eastbrook-quarterly/2026-07.yaml >"$tmp/report-accept$n.json" ||
        { echo "assess --accept $x failed"; exit 1; }
done
"$bin" assess --evidence data/examples/eastbrook-evidence.yaml --format json data/examples/eastbrook-quarterly/2026-07.yaml \
    >"$tmp/report-evidence1.json" || { echo "assess --evidence failed"; exit 1; }
"$bin" assess --evidence data/examples/eastbrook-evidence.yaml --format json tests/fixtures/survey \
    >"$tmp/report-evidence2.json" || { echo "assess --evidence pooled failed"; exit 1; }
/usr/bin/python3 tests/tools/check_json_schema.py docs/report.schema.json "$tmp"/report*.json || exit 1
echo '{"format": "stagegap-report/1"}' >"$tmp/bad.json"
if /usr/bin/python3 tests/tools/check_json_schema.py docs/report.schema.json "$tmp/bad.json" >/dev/null 2>&1; then
    echo "the schema check accepted an invalid report"; exit 1
fi

# compare and trend JSON against their schemas.
q=data/examples/eastbrook-quarterly
"$bin" compare --format json $q/2026-04.yaml $q/2026-07.yaml >"$tmp/compare.json" || { echo "compare failed"; exit 1; }
"$bin" compare --format json data/examples/northmoor-just-launched.yaml $q/2026-07.yaml >"$tmp/compare2.json" || { echo "compare 2 failed"; exit 1; }
# With a breakdown: a team pooled in both quarters; a pooled row of no one after.
s=tests/fixtures/survey
"$bin" compare --by team --format json $s $s-q2 >"$tmp/compare3.json" || { echo "compare 3 failed"; exit 1; }
"$bin" compare --by team --format json $s $s-two-teams >"$tmp/compare4.json" || { echo "compare 4 failed"; exit 1; }
"$bin" compare --by team --by role --format json $s $s-q2 >"$tmp/compare5.json" || { echo "compare 5 failed"; exit 1; }
"$bin" compare --plan $plan --format json $q/2026-04.yaml $q/2026-07.yaml >"$tmp/compare6.json" || { echo "compare --plan failed"; exit 1; }
"$bin" compare --accept tests/fixtures/accept/eastbrook-expired.yaml --format json $q/2026-04.yaml $q/2026-07.yaml >"$tmp/compare7.json" || { echo "compare --accept failed"; exit 1; }
"$bin" compare --format json --headcount data/examples/riverside-headcount.yaml \
    --headcount tests/fixtures/headcount/riverside-q2.yaml tests/fixtures/survey tests/fixtures/survey-q2 \
    >"$tmp/compare-headcount.json" || { echo "compare with headcounts failed"; exit 1; }
grep -q '"participation"' "$tmp/compare-headcount.json" || { echo "no participation in compare"; exit 1; }
"$bin" compare --evidence data/examples/eastbrook-evidence.yaml --format json $q/2026-04.yaml $q/2026-07.yaml >"$tmp/compare8.json" || { echo "compare --evidence failed"; exit 1; }
/usr/bin/python3 tests/tools/check_json_schema.py docs/compare.schema.json "$tmp"/compare*.json || exit 1
"$bin" trend --format json $q/2026-07.yaml $q/2026-04.yaml data/examples/northmoor-just-launched.yaml >"$tmp/trend.json" || { echo "trend failed"; exit 1; }
"$bin" trend --by team --format json $s $s-q2 $s-two-teams >"$tmp/trend2.json" || { echo "trend 2 failed"; exit 1; }
"$bin" trend --by team --format json $s $s-two-teams >"$tmp/trend3.json" || { echo "trend 3 failed"; exit 1; }
"$bin" trend --by locality --min-group 11 --format json $s $s-q2 >"$tmp/trend4.json" || { echo "trend 4 failed"; exit 1; }
"$bin" trend --format json tests/fixtures/eastbrook-earlier/2025-10.yaml tests/fixtures/eastbrook-earlier/2026-01.yaml $q/2026-04.yaml $q/2026-07.yaml >"$tmp/trend5.json" || { echo "trend 5 failed"; exit 1; }
"$bin" trend --format json --headcount data/examples/riverside-headcount.yaml \
    --headcount tests/fixtures/headcount/riverside-q2.yaml tests/fixtures/survey tests/fixtures/survey-q2 \
    >"$tmp/trend-headcount.json" || { echo "trend with headcounts failed"; exit 1; }
"$bin" trend --evidence data/examples/eastbrook-evidence.yaml --format json tests/fixtures/eastbrook-earlier/2025-10.yaml $q/2026-04.yaml $q/2026-07.yaml >"$tmp/trend6.json" || { echo "trend --evidence failed"; exit 1; }
/usr/bin/python3 tests/tools/check_json_schema.py docs/trend.schema.json "$tmp"/trend*.json || exit 1
n=data/examples/network
"$bin" benchmark --format json --self $n/eastbrook-2026-09-30.yaml $n >"$tmp/benchmark1.json" || { echo "benchmark --self failed"; exit 1; }
"$bin" benchmark --format json $n >"$tmp/benchmark2.json" || { echo "benchmark failed"; exit 1; }
"$bin" benchmark --format json --allow-model-change --self $n/eastbrook-2026-09-30.yaml $n \
    tests/fixtures/share/benchmark/older-model.yaml >"$tmp/benchmark3.json" || { echo "benchmark --allow-model-change failed"; exit 1; }
"$bin" benchmark --format json --as-of 2026-06-30 $n >"$tmp/benchmark4.json" || { echo "benchmark --as-of failed"; exit 1; }
/usr/bin/python3 tests/tools/check_json_schema.py docs/benchmark.schema.json "$tmp"/benchmark*.json || exit 1
# An overlay's provenance and a model change (--allow-model-change), as the renderers
# write them, put into a plain compare and trend: the schemas take them (the CLI cannot
# load an overlay yet; unit_model_change renders the real thing).
for kind in compare trend; do
    /usr/bin/python3 - "$tmp/$kind.json" "$tmp/$kind-overlay.json" <<'PY' || exit 1
import json, sys
d = json.load(open(sys.argv[1]))
d["rules"]["base"] = {"id": "signs-of-safety", "version": "1.1.0", "sha256": "b" * 64}
d["rules"]["model_sha256"] = "c" * 64
d["model_change"] = {"from": "signs-of-safety", "to": "eastbrook", "scoring_changed": False,
                     "bands_changed": True, "items": [
    {"id": "implement.local", "change": "added", "what": [], "reason": None},
    {"id": "sustain.other", "change": "retired", "what": [], "reason": "single agency"},
    {"id": "implement.supervision", "change": "changed", "what": ["question", "weight"],
     "reason": None}]}
json.dump(d, open(sys.argv[2], "w"))
PY
    /usr/bin/python3 tests/tools/check_json_schema.py docs/$kind.schema.json "$tmp/$kind-overlay.json" || exit 1
done
