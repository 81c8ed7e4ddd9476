#!/bin/sh
# Nothing recoverable over time (issue 25, docs/privacy.md "Over time"): where two
# assessments share respondents (the same id, or the same answers and groups), compare
# and trend refuse a pair in which, overall or among those answering any item, 1 to K-1
# joined or 1 to K-1 left; a group row that does withholds every group row. Each
# refusal is checked word for word, with its location (the later-given path), exit
# status 3 and nothing on standard output. The cases are built from tests/fixtures/survey
# (20 people, ids staff-01..20) in a scratch directory.
set -u
bin=$1
s=tests/fixtures/survey
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
has() { # has NAME FILE FIXED-STRING
    if grep -qF -- "$3" "$2"; then ok; else bad "$1: no '$3'"; fi
}

# copy NAME [FILE...]: a directory $tmp/NAME holding survey's files, or those named.
copy() {
    name=$1
    shift
    mkdir -p "$tmp/$name"
    if [ $# = 0 ]; then cp $s/*.yaml "$tmp/$name/"; else for f; do cp "$s/$f" "$tmp/$name/"; done; fi
}
# newcomer DIR N: a respondent who was not there before, new-N, answering as staff-N.
newcomer() {
    sed "s/id: staff-$2/id: new-$2/" $s/staff-$2.yaml >"$1/new-$2.yaml"
}
# refused NAME EXPECTED-STDERR COMMAND...: exit 3, no report, exactly these words.
refused() {
    name=$1 want=$2
    shift 2
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" = 3 ] && ok || bad "$name: exit $rc, not 3"
    [ -s "$tmp/out" ] && bad "$name: a report was written" || ok
    printf '%s\n' "$want" >"$tmp/want"
    if cmp -s "$tmp/want" "$tmp/err"; then ok; else
        bad "$name: standard error differs"
        diff "$tmp/want" "$tmp/err" | head -10
    fi
}
# shown NAME COMMAND...: exit 0 and the sentence saying the two share respondents.
shown() {
    name=$1
    shift
    COLUMNS=400 "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" = 0 ] && ok || { bad "$name: exit $rc"; head -3 "$tmp/err"; }
    has "$name" "$tmp/out" "Where assessments share respondents, they are compared only if"
}
note="    = assessments that share respondents are compared only where none or at least 5 \
joined, and none or at least 5 left, overall and for every item (docs/privacy.md)"
why="set side by side, the two would show what those people answered"

# One late reply: the same 20 files, and one more.
copy before
copy late
newcomer "$tmp/late" 07
refused "one late reply" "$tmp/late: error: $tmp/late shares respondents with $tmp/before, \
and their respondents differ by fewer than 5 people (0 in the first only, 1 in the second \
only): $why
$note" compare "$tmp/before" "$tmp/late"

# One leaver, everyone else's file carried over; and in trend, located at the later.
copy left
rm "$tmp/left/staff-13.yaml"
refused "one leaver" "$tmp/left: error: $tmp/left shares respondents with $tmp/before, and \
their respondents differ by fewer than 5 people (1 in the first only, 0 in the second only): \
$why
$note" compare "$tmp/before" "$tmp/left"
refused "one leaver, trend" "$tmp/left: error: $tmp/left shares respondents with $tmp/before, \
and their respondents differ by fewer than 5 people (1 in the first only, 0 in the second \
only): $why
$note" trend "$tmp/before" "$tmp/left"

# Ids do not hide it: the same answers under new ids are the same people.
mkdir "$tmp/renamed"
for f in $s/*.yaml; do sed 's/id: staff-/id: again-/' "$f" >"$tmp/renamed/$(basename "$f")"; done
rm "$tmp/renamed/staff-02.yaml" "$tmp/renamed/staff-03.yaml"
refused "two leavers under new ids" "$tmp/renamed: error: $tmp/renamed shares respondents \
with $tmp/before, and their respondents differ by fewer than 5 people (2 in the first only, \
0 in the second only): $why
$note" compare "$tmp/before" "$tmp/renamed"

# Without ids, a value written in another case is the same group, and the same person:
# five files carried over with their team in lower case, and one late reply.
mkdir "$tmp/noid" "$tmp/noid-late"
for f in $s/*.yaml; do sed 's/id: staff-[0-9]*, //' "$f" >"$tmp/noid/$(basename "$f")"; done
cp "$tmp/noid"/*.yaml "$tmp/noid-late/"
for n in 01 02 03 04 05; do
    sed 's/team: Northside/team: northside/; s/team: Southside/team: southside /' \
        "$tmp/noid/staff-$n.yaml" >"$tmp/noid-late/staff-$n.yaml"
done
sed 's/launch.introducing-sos: [0-9]*/launch.introducing-sos: 1/' "$tmp/noid/staff-07.yaml" \
    >"$tmp/noid-late/late.yaml"
refused "one late reply, teams in another case" "$tmp/noid-late: error: $tmp/noid-late shares \
respondents with $tmp/noid, and their respondents differ by fewer than 5 people (0 in the \
first only, 1 in the second only): $why
$note" compare "$tmp/noid" "$tmp/noid-late"

# Five late replies clear the threshold overall, but four of them said n/a to the
# first item: its answers differ by one.
copy five
for n in 01 02 03 04 05; do newcomer "$tmp/five" $n; done
shown "five late replies" compare "$tmp/before" "$tmp/five"
for n in 02 03 04 05; do
    sed -E 's/(launch\.introducing-sos: (\{score: )?)[0-9]+/\1n\/a/' "$tmp/five/new-$n.yaml" \
        >"$tmp/x" && mv "$tmp/x" "$tmp/five/new-$n.yaml"
done
refused "one answer to an item" "$tmp/five: error: $tmp/five shares respondents with \
$tmp/before, and those answering 'launch.introducing-sos' differ by fewer than 5 people (0 \
in the first only, 1 in the second only): $why
$note" compare "$tmp/before" "$tmp/five"

# Someone in both who answers one item n/a now has left that item's answers.
copy na
sed -E 's/(launch\.longer-term-plan: (\{score: )?)[0-9]+/\1n\/a/' $s/staff-09.yaml >"$tmp/na/staff-09.yaml"
refused "one answer withdrawn" "$tmp/na: error: $tmp/na shares respondents with $tmp/before, \
and those answering 'launch.longer-term-plan' differ by fewer than 5 people (1 in the first \
only, 0 in the second only): $why
$note" compare "$tmp/before" "$tmp/na"

# A trend refuses any two of its points, not only neighbours: the first and the third.
copy mid staff-01.yaml staff-02.yaml staff-03.yaml staff-04.yaml staff-05.yaml
refused "trend, first and third" "$tmp/late: error: $tmp/late shares respondents with \
$tmp/before, and their respondents differ by fewer than 5 people (0 in the first only, 1 in \
the second only): $why
$note" trend "$tmp/before" "$tmp/mid" "$tmp/late"

# Under a lowered threshold, three joiners are enough.
copy three
for n in 01 02 03; do newcomer "$tmp/three" $n; done
COLUMNS=400 "$bin" compare --min-group 3 "$tmp/before" "$tmp/three" >"$tmp/out" 2>"$tmp/err" &&
    ok || bad "three joiners at --min-group 3: refused"
has "three joiners at --min-group 3" "$tmp/out" "none or at least 3 people joined"

# People in both who changed answers are what a comparison is for: shown.
copy changed
sed 's/launch.introducing-sos: 7/launch.introducing-sos: 2/' $s/staff-07.yaml >"$tmp/changed/staff-07.yaml"
shown "one person changed an answer" compare "$tmp/before" "$tmp/changed"

# Surveys that share no one are each protected on their own, and the reports say so.
mkdir "$tmp/apart"
for f in $s/*.yaml; do
    sed -E 's/id: staff-/id: q3-/; s/(launch\.introducing-sos: (\{score: )?)[0-9]+/\1unknown/' \
        "$f" >"$tmp/apart/$(basename "$f")"
done
rm "$tmp/apart/staff-01.yaml"
for fmt in text markdown html json csv; do
    COLUMNS=400 "$bin" compare --format $fmt "$tmp/before" "$tmp/apart" >"$tmp/out" 2>"$tmp/err" &&
        ok || bad "apart $fmt: refused"
    has "apart $fmt" "$tmp/out" "These assessments share no respondents: each is protected on its own"
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
