#!/bin/sh
# "stagegap import": survey exports become a directory of answers files that assess and
# validate accept; a bad export writes nothing; an existing directory with files in it is
# never written into.
set -u
bin=$1
fx=tests/fixtures/import
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # check NAME CONDITION...
    name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
count() { ls -A "$1" | wc -l | tr -d ' '; }

"$bin" import --csv $fx/ms-forms.csv --map $fx/ms-forms.map.yaml \
    --organisation "Anytown Council" --output "$tmp/ms" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "Microsoft Forms export imports" [ "$rc" = 0 ]
check "one file per respondent" [ "$(count "$tmp/ms")" = 3 ]
check "says what it did" grep -q "imported 3 respondents" "$tmp/out"
check "no temporary directory left" [ "$(ls -A "$tmp" | grep -c '^\.stagegap-')" = 0 ]
check "dates from Completion time" grep -q "^date: 2026-09-30$" "$tmp/ms/3.yaml"
check "email not copied" [ "$(cat "$tmp/ms"/*.yaml | grep -c 'example.org')" = 0 ]
"$bin" assess "$tmp/ms" >"$tmp/report" 2>&1; rc=$?
check "assess reads the directory" [ "$rc" = 0 ]
check "report names the organisation" grep -q "Anytown Council" "$tmp/report"
"$bin" validate "$tmp/ms"/*.yaml >/dev/null 2>&1; rc=$?
check "validate accepts every file" [ "$rc" = 0 ]

"$bin" import --csv $fx/google-forms.csv --map $fx/google-forms.map.yaml \
    --organisation "Anytown Council" --output "$tmp/google" >/dev/null 2>&1; rc=$?
check "Google Forms export imports" [ "$rc" = 0 ]
check "respondents numbered by row" [ -f "$tmp/google/respondent-002.yaml" ]
"$bin" assess --format json "$tmp/google" >/dev/null 2>&1; rc=$?
check "assess reads the Google import" [ "$rc" = 0 ]

"$bin" import --csv $fx/google-forms.csv --map $fx/google-forms.map.yaml \
    --organisation "Anytown Council" --output "$tmp/again" >/dev/null 2>&1
check "same export, same bytes" diff -r "$tmp/google" "$tmp/again"

# Without a map: 'What is your role?' is the role, and the free-text column near no
# question is kept as comments, with a warning naming it.
"$bin" import --csv $fx/ms-forms.csv --organisation "Anytown Council" \
    --output "$tmp/nomap" >/dev/null 2>"$tmp/err"; rc=$?
check "free-text column imports without a map" [ "$rc" = 0 ]
check "free-text column named in a warning" grep -q "ms-forms.csv:1:14: warning: column 'Anything else you would like to tell us?' is not a question of model 'signs-of-safety'; its 2 answers are kept as comments" "$tmp/err"
check "comments kept with their question" grep -q '^  - {about: "Anything else you would like to tell us?", text: "Fine"}$' "$tmp/nomap/3.yaml"
check "role read from 'What is your role?'" grep -q 'role: "Practitioner"' "$tmp/nomap/1.yaml"
"$bin" validate "$tmp/nomap"/*.yaml >/dev/null 2>&1; rc=$?
check "files with comments validate" [ "$rc" = 0 ]
"$bin" assess "$tmp/nomap" >"$tmp/report" 2>&1
check "report shows the comments" grep -q 'said: "Fine"' "$tmp/report"
check "report puts no respondent id beside a comment" sh -c "! sed -n '/^Comments/,/^By role/p' '$tmp/report' | grep -q -e ' 1:' -e ' 2:' -e ' 3:'"

# A column near no question whose cells are all answers is a question of some other
# model, not comments: still an error, and nothing is written.
printf 'id,launch.introducing-sos,Q17 How settled is the team\na,7,3\nb,5,n/a\n' >"$tmp/q17.csv"
"$bin" import --csv "$tmp/q17.csv" --organisation A --date 2026-09-30 \
    --output "$tmp/q17" >/dev/null 2>"$tmp/err"; rc=$?
check "answers column near no question exits 3" [ "$rc" = 3 ]
check "answers column located at row 1" grep -q "q17.csv:1:3: error: unknown column 'Q17 How settled is the team'" "$tmp/err"
check "answers column writes nothing" [ ! -e "$tmp/q17" ]

printf 'id,launch.introducing-sos\na,7\nb,lots\n' >"$tmp/bad.csv"
"$bin" import --csv "$tmp/bad.csv" --organisation A --date 2026-09-30 \
    --output "$tmp/bad" >/dev/null 2>"$tmp/err"; rc=$?
check "bad cell exits 3" [ "$rc" = 3 ]
check "bad cell writes nothing" [ ! -e "$tmp/bad" ]
check "bad cell located" grep -q "bad.csv:3:2: error: the answer to 'launch.introducing-sos'" "$tmp/err"
check "no temporary after a bad cell" [ "$(ls -A "$tmp" | grep -c '^\.stagegap-')" = 0 ]

printf 'id,launch.introducing-sos\na,7\n' >"$tmp/good.csv"
mkdir "$tmp/full"; echo keep >"$tmp/full/notes.txt"
"$bin" import --csv "$tmp/good.csv" --organisation A --date 2026-09-30 \
    --output "$tmp/full" >/dev/null 2>"$tmp/err"; rc=$?
check "non-empty directory refused" [ "$rc" = 4 ]
check "non-empty directory untouched" [ "$(count "$tmp/full")" = 1 ]
check "says why" grep -q "not empty" "$tmp/err"

mkdir "$tmp/empty"
"$bin" import --csv "$tmp/good.csv" --organisation A --date 2026-09-30 \
    --output "$tmp/empty" >/dev/null 2>&1; rc=$?
check "empty directory accepted" [ "$rc" = 0 -a -f "$tmp/empty/a.yaml" ]
check "empty directory gets only the answers" [ "$(count "$tmp/empty")" = 1 ]

"$bin" import --csv "$tmp/good.csv" --date 2026-09-30 --output "$tmp/noorg" >/dev/null 2>"$tmp/err"; rc=$?
check "no organisation exits 3" [ "$rc" = 3 ]
check "asks for --organisation" grep -q -- "--organisation" "$tmp/err"

printf '\377\376i\000d\000\n\000' >"$tmp/utf16.csv"
"$bin" import --csv "$tmp/utf16.csv" --organisation A --date 2026-09-30 \
    --output "$tmp/u16" >/dev/null 2>"$tmp/err"; rc=$?
check "UTF-16 refused" [ "$rc" = 3 -a ! -e "$tmp/u16" ]
check "UTF-16 says how to save" grep -q "CSV UTF-8" "$tmp/err"

"$bin" import --csv "$tmp/missing.csv" --organisation A --output "$tmp/m" >/dev/null 2>&1; rc=$?
check "missing export exits 4" [ "$rc" = 4 -a ! -e "$tmp/m" ]

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
