#!/bin/sh
# Notes without names (issue 13): a report of more than one respondent never prints a
# respondent id, shows a note's role only for a role shown apart under the anonymity
# threshold (--min-group, 5: the role at least 5 strong, and the notes left unlabelled
# from 0 or at least 5 respondents), orders notes so that input order never shows, and
# --attribute brings ids and roles back and says so, in every format.
set -u
bin=$1
dir=tests/fixtures/anonymity # six practitioners (staff-1..6), one director (staff-7)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
command -v jq >/dev/null 2>&1 || { echo "jq not found: skipped"; exit 77; }
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
has() { # has NAME FILE FIXED-STRING
    if grep -qF -- "$3" "$2"; then ok; else bad "$1: no '$3'"; fi
}
hasnt() { # hasnt NAME FILE FIXED-STRING
    if grep -qF -- "$3" "$2"; then bad "$1: '$3' is there"; grep -nF -- "$3" "$2" | cut -c1-200 | head -3; else ok; fi
}
formats="text markdown html json csv"
director='The board will not fund more coaching'
practitioner='Mapping is used in most cases'
on='Attribution is on: notes show who wrote them (--attribute).'

for fmt in $formats; do
    "$bin" assess --format $fmt "$dir" >"$tmp/dir.$fmt" || bad "assess $fmt failed"
    "$bin" assess --format $fmt "$dir"/staff-7.yaml "$dir"/staff-3.yaml "$dir"/staff-6.yaml \
        "$dir"/staff-1.yaml "$dir"/staff-5.yaml "$dir"/staff-2.yaml "$dir"/staff-4.yaml \
        >"$tmp/shuffled.$fmt" || bad "assess $fmt (files) failed"
    "$bin" assess --attribute --format $fmt "$dir" >"$tmp/attr.$fmt" ||
        bad "assess --attribute $fmt failed"
    # No respondent id anywhere, and both notes are there to be seen.
    if grep -q 'staff-[0-9]' "$tmp/dir.$fmt"; then
        bad "$fmt: a respondent id is in the report"
        grep -n 'staff-[0-9]' "$tmp/dir.$fmt" | cut -c1-200 | head -3
    else ok; fi
    has "$fmt" "$tmp/dir.$fmt" "$director"
    has "$fmt" "$tmp/dir.$fmt" "$practitioner"
    hasnt "$fmt" "$tmp/dir.$fmt" "$on"
    # The same report whatever order the respondents are read in.
    if cmp -s "$tmp/dir.$fmt" "$tmp/shuffled.$fmt"; then ok; else
        bad "$fmt: the order of the files changes the report"
        diff "$tmp/dir.$fmt" "$tmp/shuffled.$fmt" | head -10
    fi
    # --attribute: every id is back, and the report says attribution is on.
    for i in 1 2 3 4 5 6 7; do has "$fmt --attribute" "$tmp/attr.$fmt" "staff-$i"; done
    [ $fmt = json ] || has "$fmt --attribute" "$tmp/attr.$fmt" "$on"
done

# The director is a group of one: no role beside that note. The practitioners are six
# (at least 5), but naming them would leave the director's the one unlabelled note, so
# no role is shown beside any note.
for fmt in text markdown html csv; do
    if grep -F -- "$director" "$tmp/dir.$fmt" | grep -q director; then
        bad "$fmt: the director's role is beside the director's note"
    else ok; fi
done
has text "$tmp/dir.text" "said: \"$director\""
has text "$tmp/dir.text" "said: \"$practitioner\""
has markdown "$tmp/dir.markdown" "a respondent: $director"
has markdown "$tmp/dir.markdown" "a respondent: $practitioner"
has html "$tmp/dir.html" "A respondent:</span> “$director"
has html "$tmp/dir.html" "A respondent:</span> “$practitioner"
hasnt csv "$tmp/dir.csv" "practitioner: $practitioner"
hasnt csv "$tmp/dir.csv" "director: $director"
notes='[.. | objects | select(has("note") and has("respondent"))]'
check_json() { # check_json NAME FILE JQ-EXPRESSION (true to pass)
    if [ "$(jq -r "$3" "$2")" = true ]; then ok; else bad "$1: $3"; fi
}
check_json json "$tmp/dir.json" '.attributed == false'
check_json json "$tmp/dir.json" "$notes | length == 7"
check_json json "$tmp/dir.json" "$notes | all(.respondent == null)"
check_json json "$tmp/dir.json" "$notes | all(.role == null)"

# Four managers join: the director and the managers are five people in groups under 5,
# so an unlabelled note no longer points at anyone, and the practitioners' role is shown.
mkdir "$tmp/eleven"
cp "$dir"/*.yaml "$tmp/eleven/"
for i in 8 9 10 11; do
    sed -e "s/staff-7/staff-$i/" -e 's/role: director/role: manager/' \
        -e "s/The board will not fund more coaching/Manager note $i/" \
        "$dir/staff-7.yaml" >"$tmp/eleven/staff-$i.yaml"
done
for fmt in text markdown html csv json; do
    "$bin" assess --format $fmt "$tmp/eleven" >"$tmp/eleven.$fmt" || bad "assess $fmt (eleven) failed"
    if grep -q 'staff-[0-9]' "$tmp/eleven.$fmt"; then bad "$fmt (eleven): a respondent id"; else ok; fi
done
has text "$tmp/eleven.text" "said by practitioner: \"$practitioner\""
has text "$tmp/eleven.text" "said: \"$director\""
has markdown "$tmp/eleven.markdown" "practitioner: $practitioner"
has html "$tmp/eleven.html" "practitioner:</span> “$practitioner"
has csv "$tmp/eleven.csv" "practitioner: $practitioner"
hasnt csv "$tmp/eleven.csv" "manager: Manager note"
check_json json "$tmp/eleven.json" \
    "$notes | map(select(.note == \"$practitioner\")) | all(.role == \"practitioner\")"
check_json json "$tmp/eleven.json" \
    "$notes | map(select(.note | startswith(\"Manager note\"))) | all(.role == null)"
check_json json "$tmp/eleven.json" "$notes | map(select(.note == \"$director\")) | .[0].role == null"
# Sorted by what they say, not by who wrote them.
check_json json "$tmp/dir.json" "$notes | map(.note) == (map(.note) | sort)"

# With --attribute each note says who wrote it again, in every format.
has text "$tmp/attr.text" "said by director staff-7: \"$director\""
has markdown "$tmp/attr.markdown" "staff-7 (director): $director"
has html "$tmp/attr.html" "staff-7 (director):</span> “$director"
has csv "$tmp/attr.csv" "director/staff-7: $director"
check_json "json --attribute" "$tmp/attr.json" '.attributed == true'
check_json "json --attribute" "$tmp/attr.json" \
    "$notes | map(select(.note == \"$director\")) | .[0] | .respondent == \"staff-7\" and .role == \"director\""
check_json "json --attribute" "$tmp/attr.json" "$notes | all(.respondent != null)"

# One respondent is not anonymous and is not meant to be: the id stays, and nothing
# says attribution is on.
for fmt in $formats; do
    "$bin" assess --format $fmt "$dir/staff-7.yaml" >"$tmp/one.$fmt" || bad "assess one $fmt failed"
    has "$fmt, one respondent" "$tmp/one.$fmt" "staff-7"
    hasnt "$fmt, one respondent" "$tmp/one.$fmt" "$on"
done
check_json "json, one respondent" "$tmp/one.json" '.attributed == true'

# An action plan read against a pooled assessment (issue 15): the plan section is of the
# whole assessment, so what --plan adds names no respondent, role or group, in any
# format, even broken down by team.
survey=tests/fixtures/survey # 20 respondents in four teams, two localities, four roles
plan=tests/fixtures/plan/eastbrook-board.yaml
for fmt in $formats; do
    "$bin" assess --by team --format $fmt "$survey" >"$tmp/pooled.$fmt" || bad "assess pooled $fmt failed"
    "$bin" assess --by team --plan $plan --format $fmt "$survey" >"$tmp/planned.$fmt" ||
        bad "assess --plan pooled $fmt failed"
    diff "$tmp/pooled.$fmt" "$tmp/planned.$fmt" | grep '^>' >"$tmp/added.$fmt"
    has "$fmt --plan, pooled" "$tmp/added.$fmt" "Partnership manager"
    for word in staff- Northside Southside Eastside Westside North South practitioner director \
        "senior leader" "manager:"; do
        hasnt "$fmt --plan, pooled" "$tmp/added.$fmt" "$word"
    done
done

# Accepted gaps (issue 16) add only what the rest of the report shows of the whole
# assessment: the pooled answer, the file's reason, who accepted it (as the file says).
# Accepting the gap only the director's note is on names no role, group or respondent.
cat >"$tmp/accept.yaml" <<'YAML'
format: stagegap-accept/1
rules: signs-of-safety
accepted:
  - {item: launch.training-for-all-workers, reason: Next cohort, accepted-by: The board, expires: 2027-01-01}
YAML
for fmt in $formats; do
    "$bin" assess --format $fmt "$dir" >"$tmp/plain.$fmt" || bad "assess $fmt failed"
    "$bin" assess --accept "$tmp/accept.yaml" --format $fmt "$dir" >"$tmp/accepted.$fmt" ||
        bad "assess --accept $fmt failed"
    diff "$tmp/plain.$fmt" "$tmp/accepted.$fmt" | grep '^>' >"$tmp/added-accept.$fmt"
    has "$fmt --accept" "$tmp/added-accept.$fmt" "Next cohort"
    for word in staff- director practitioner; do
        hasnt "$fmt --accept" "$tmp/added-accept.$fmt" "$word"
    done
    "$bin" assess --by team --accept "$tmp/accept.yaml" --format $fmt "$survey" \
        >"$tmp/accepted-survey.$fmt" || bad "assess --by team --accept $fmt failed"
    diff "$tmp/pooled.$fmt" "$tmp/accepted-survey.$fmt" | grep '^>' >"$tmp/added-survey.$fmt"
    for word in staff- Northside Southside Eastside Westside practitioner director \
        "senior leader" "manager:"; do
        hasnt "$fmt --accept, pooled" "$tmp/added-survey.$fmt" "$word"
    done
done
# The section's answer is the pooled mean its gap row shows, never one respondent's.
jq -e '(.accepted[0].answer) as $a | [.stages[].gaps[] | select(.id == "launch.training-for-all-workers") | .answer] == [$a]' \
    "$tmp/accepted.json" >/dev/null && ok || bad "json --accept: the answer is not the pooled one"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
