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

# Qualtrics (three header rows) and SurveyMonkey (two, with a grid question as one column
# per statement) answer the same questions as ms-forms.csv: the same answers files, but
# for the comment line naming the source file and row.
# The Qualtrics sample is in numeric values recoded to the model's 0-10, said with --scale.
for tool in qualtrics surveymonkey; do
    scale=""
    [ "$tool" = qualtrics ] && scale="--scale 0..10"
    "$bin" import --csv $fx/$tool.csv --map $fx/ms-forms.map.yaml $scale \
        --organisation "Anytown Council" --output "$tmp/$tool" >"$tmp/out" 2>"$tmp/err"; rc=$?
    check "$tool export imports" [ "$rc" = 0 ]
    check "$tool: same answers as ms-forms.csv" \
        diff -r -I '^# Imported by stagegap from ' "$tmp/ms" "$tmp/$tool"
done
# SurveyMonkey known by its own columns (issue 27): with no grid question (no blank
# header cell), and as a workbook whose grid header is merged (repeated across the grid).
for f in surveymonkey-nogrid.csv surveymonkey-nogrid.xlsx surveymonkey-merged.xlsx; do
    case $f in *.xlsx) as=--xlsx ;; *) as=--csv ;; esac
    "$bin" import $as $fx/$f --map $fx/ms-forms.map.yaml --organisation "Anytown Council" \
        --output "$tmp/$f" >"$tmp/out" 2>"$tmp/err"; rc=$?
    check "$f imports" [ "$rc" = 0 ]
    check "$f: same answers as ms-forms.csv" diff -r -I '^# Imported by stagegap from ' "$tmp/ms" "$tmp/$f"
done
# A Google Forms grid ("Question [Row]" headers) answered in labels, read through a value
# map: each row's statement is its item's question.
"$bin" import --csv $fx/google-forms-grid.csv --map $fx/google-forms-grid.map.yaml \
    --organisation "Anytown Council" --output "$tmp/grid" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "grid of labels imports" [ "$rc" = 0 ]
check "grid labels read as the map says" [ "$(sed -n '/^answers:/,$p' "$tmp/grid/respondent-001.yaml")" = "answers:
  launch.introducing-sos: 10
  launch.training-for-all-workers: 7.5
  sustain.staff-turnover: 2.5" ]
check "grid n/a and unknown labels" [ "$(sed -n '/^answers:/,$p' "$tmp/grid/respondent-002.yaml" "$tmp/grid/respondent-003.yaml" | grep -c -e ': n/a$' -e ': unknown$')" = 2 ]

check "Qualtrics rows numbered as the spreadsheet shows them" \
    grep -qx '# Imported by stagegap from "qualtrics.csv", row 5.' "$tmp/qualtrics/2.yaml"
check "SurveyMonkey rows numbered as the spreadsheet shows them" \
    grep -qx '# Imported by stagegap from "surveymonkey.csv", row 4.' "$tmp/surveymonkey/2.yaml"
check "Qualtrics and SurveyMonkey names and emails dropped" \
    [ "$(cat "$tmp/qualtrics"/*.yaml "$tmp/surveymonkey"/*.yaml | grep -c -e 'example.org' -e 'Smith')" = 0 ]

# Without a map: 'What is your role?' is the role, and the free-text column near no
# question is left out, with a warning naming it and saying how to keep it.
"$bin" import --csv $fx/ms-forms.csv --organisation "Anytown Council" \
    --output "$tmp/nomap" >/dev/null 2>"$tmp/err"; rc=$?
check "free-text column imports without a map" [ "$rc" = 0 ]
check "free-text column named in a warning" grep -q "ms-forms.csv:1:14: warning: column 'Anything else you would like to tell us?' is not a question of model 'signs-of-safety'; its 2 answers are left out (map it to 'comments' with --map to keep them as comments)" "$tmp/err"
check "free text not kept unless mapped" sh -c "! grep -q 'comments:' '$tmp/nomap'/*.yaml"
check "role read from 'What is your role?'" grep -q 'role: "Practitioner"' "$tmp/nomap/1.yaml"
# Mapped to comments, it is kept, with its question, and the report shows it unsigned.
printf 'format: stagegap-import-map/1\ncolumns:\n  "Anything else you would like to tell us?": comments\n' >"$tmp/comments.map.yaml"
"$bin" import --csv $fx/ms-forms.csv --map "$tmp/comments.map.yaml" \
    --organisation "Anytown Council" --output "$tmp/withmap" >/dev/null 2>"$tmp/err"; rc=$?
check "free-text column mapped to comments imports" [ "$rc" = 0 ]
check "comments kept with their question" grep -q '^  - {about: "Anything else you would like to tell us?", text: "Fine"}$' "$tmp/withmap/3.yaml"
"$bin" validate "$tmp/withmap"/*.yaml >/dev/null 2>&1; rc=$?
check "files with comments validate" [ "$rc" = 0 ]
"$bin" assess "$tmp/withmap" >"$tmp/report" 2>&1
check "report shows the comments" grep -q 'said: "Fine"' "$tmp/report"
check "report puts no respondent id beside a comment" sh -c "! sed -n '/^Comments/,/^By role/p' '$tmp/report' | grep -q -e ' 1:' -e ' 2:' -e ' 3:'"

# An export with a name and a staff-number column (issue 25): both left out, even when
# mapped to comments, with one warning listing them; in CSV, in a workbook, and under a
# survey tool's several header rows. No report made from the files shows any of it.
cat >"$tmp/named.csv" <<'CSV'
ID,Completion time,Your name (optional),Staff number,What is your role?,launch.introducing-sos,launch.training-for-all-workers,Anything else?
1,9/28/2026 10:09:40,Jo Smith,E10234,Practitioner,6,7,More coaching please
2,9/28/2026 11:09:40,Sam Lee,E10235,Practitioner,5,6,
3,9/28/2026 12:09:40,Ann Hall,E10236,Practitioner,7,8,Less paperwork
4,9/28/2026 13:09:40,,E10237,Practitioner,4,5,
5,9/28/2026 14:09:40,Raj Patel,E10238,Practitioner,8,9,
CSV
printf 'format: stagegap-import-map/1\ncolumns:\n  "Your name (optional)": comments\n  "Staff number": comments\n  "Anything else?": comments\n' >"$tmp/named.map.yaml"
no_names() { ! grep -rq -e 'Jo Smith' -e 'Sam Lee' -e 'Raj Patel' -e 'E1023' -e 'Your name' -e 'Staff number' "$@"; }
"$bin" import --csv "$tmp/named.csv" --map "$tmp/named.map.yaml" --organisation A \
    --output "$tmp/named" >/dev/null 2>"$tmp/err"; rc=$?
check "export with names imports" [ "$rc" = 0 ]
check "one warning lists the identifying columns" grep -qxF "$tmp/named.csv:1:3: warning: columns 'Your name (optional)', 'Staff number' name or identify people, so they are left out of the answers files, even where mapped (docs/privacy.md)" "$tmp/err"
check "names and staff numbers not in the files" no_names "$tmp/named"
check "other comments kept" grep -q 'text: "Less paperwork"' "$tmp/named/3.yaml"
for fmt in text markdown html json csv; do
    "$bin" assess --format $fmt "$tmp/named" >"$tmp/report-named.$fmt" 2>/dev/null
    check "$fmt report of the export shows no name or staff number" no_names "$tmp/report-named.$fmt"
done
# Not mapped at all: the same, and the free-text column is left out too.
"$bin" import --csv "$tmp/named.csv" --organisation A --output "$tmp/named2" >/dev/null 2>"$tmp/err"; rc=$?
check "export with names imports without a map" [ "$rc" = 0 ]
check "unmapped identifying columns listed" grep -qF "columns 'Your name (optional)', 'Staff number' name or identify people" "$tmp/err"
check "unmapped: nothing identifying in the files" no_names "$tmp/named2"
# Under Qualtrics' three header rows.
{ printf 'StartDate,ResponseId,Q0,Q00,Q1,Q2\n'
  printf 'Start Date,Response ID,Full name,Employee number,What is your role?,launch.introducing-sos\n'
  printf '"{""ImportId"":""startDate""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID90""}","{""ImportId"":""QID91""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2""}"\n'
  printf '2026-09-28 10:01:12,R_1,Jo Smith,E10234,Practitioner,6\n'
  printf '2026-09-28 11:01:12,R_2,Sam Lee,E10235,Practitioner,5\n'; } >"$tmp/named-q.csv"
"$bin" import --csv "$tmp/named-q.csv" --scale 0..10 --organisation A --date 2026-09-30 --output "$tmp/named-q" >/dev/null 2>"$tmp/err"; rc=$?
check "Qualtrics export with names imports" [ "$rc" = 0 ]
check "Qualtrics: identifying columns listed" grep -qF "columns 'Full name', 'Employee number' name or identify people" "$tmp/err"
check "Qualtrics: nothing identifying in the files" no_names "$tmp/named-q"
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
    /usr/bin/python3 - "$tmp/named.csv" "$tmp/named.xlsx" <<'PY'
import csv, sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
for row in csv.reader(open(sys.argv[1], encoding="utf-8")):
    ws.append(row)
wb.save(sys.argv[2])
PY
    "$bin" import --xlsx "$tmp/named.xlsx" --map "$tmp/named.map.yaml" --organisation A \
        --output "$tmp/named-x" >/dev/null 2>"$tmp/err"; rc=$?
    check "workbook with names imports" [ "$rc" = 0 ]
    check "workbook: identifying columns listed" grep -qF "columns 'Your name (optional)', 'Staff number' name or identify people" "$tmp/err"
    check "workbook: nothing identifying in the files" no_names "$tmp/named-x"
else
    echo "python3-openpyxl is not installed: the workbook with names is skipped"
fi

# A column near no question whose cells are all answers is a question of some other
# model, not comments: still an error, and nothing is written.
printf 'id,launch.introducing-sos,Q17 How settled is the team\na,7,3\nb,5,n/a\n' >"$tmp/q17.csv"
"$bin" import --csv "$tmp/q17.csv" --organisation A --date 2026-09-30 \
    --output "$tmp/q17" >/dev/null 2>"$tmp/err"; rc=$?
check "answers column near no question exits 3" [ "$rc" = 3 ]
check "answers column located at row 1" grep -q "q17.csv:1:3: error: unknown column 'Q17 How settled is the team'" "$tmp/err"
check "answers column writes nothing" [ ! -e "$tmp/q17" ]

# Team, locality and service area by header, years in post through group:FIELD: each
# respondent's groups, in column order, trimmed, empty cells left out; names and email
# addresses still dropped; validate and assess read the files.
"$bin" import --csv $fx/groups.csv --map $fx/groups.map.yaml --organisation "Anytown Council" \
    --date 2026-09-30 --output "$tmp/groups" >/dev/null 2>"$tmp/err"; rc=$?
check "group columns import" [ "$rc" = 0 ]
check "groups in column order" grep -qx 'respondent: {id: "1", role: "Practitioner", groups: {team: "Northside", locality: "North", service-area: "Fostering", years-in-post: "2-5"}}' "$tmp/groups/1.yaml"
check "quotes, ': ' and '#' in a team kept inert" grep -qx 'respondent: {id: "2", role: "Team manager", groups: {team: "North: #1, the \\"best\\"", service-area: "Adoption"}}' "$tmp/groups/2.yaml"
check "empty group cells left out" grep -qx 'respondent: {id: "3", groups: {locality: "South", years-in-post: "10+"}}' "$tmp/groups/3.yaml"
check "names and email still dropped" [ "$(cat "$tmp/groups"/*.yaml | grep -c -e 'example.org' -e 'Smith' -e 'Jones')" = 0 ]
"$bin" validate "$tmp/groups"/*.yaml >/dev/null 2>"$tmp/err"; rc=$?
check "validate accepts files with groups" [ "$rc" = 0 ]
"$bin" assess "$tmp/groups" >/dev/null 2>&1; rc=$?
check "assess reads files with groups" [ "$rc" = 0 ]

# Hostile team names: control characters, a terminal escape, a line break inside the
# cell, YAML's own punctuation and a 16 KiB name all read back exactly as they were.
long=$(head -c 16384 /dev/zero | tr '\0' 'x')
printf 'id,launch.introducing-sos,Team\na,1,"tab\there\033[2J"\nb,2,"- &x *x {y: [z]} %%TAG ! |"\nc,3,"two\nlines"\nd,4,%s\ne,0,"\302\205\342\200\250"\n' \
    "$long" >"$tmp/hostile.csv"
"$bin" import --csv "$tmp/hostile.csv" --organisation A --date 2026-09-30 \
    --output "$tmp/hostile" >/dev/null 2>"$tmp/err"; rc=$?
check "hostile team names import" [ "$rc" = 0 ]
check "control characters escaped" grep -qF 'groups: {team: "tab\x09here\x1B[2J"}}' "$tmp/hostile/a.yaml"
check "YAML punctuation quoted" grep -qF 'groups: {team: "- &x *x {y: [z]} %TAG ! |"}}' "$tmp/hostile/b.yaml"
check "line break escaped" grep -qF 'groups: {team: "two\x0Alines"}}' "$tmp/hostile/c.yaml"
check "long team name kept whole" grep -qF "groups: {team: \"$long\"}}" "$tmp/hostile/d.yaml"
check "NEL and line separator escaped" grep -qF 'groups: {team: "\u0085\u2028"}}' "$tmp/hostile/e.yaml"
"$bin" validate "$tmp/hostile"/*.yaml >/dev/null 2>&1; rc=$?
check "validate accepts hostile team names" [ "$rc" = 0 ]
check "no raw escape byte written" [ "$(cat "$tmp/hostile"/*.yaml | tr -d '\n' | LC_ALL=C tr -d '[:print:]' | wc -c | tr -d ' ')" = 0 ]

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

# The same export as Excel and other locales write it imports to the same answers files,
# each conversion said in a warning (issue 14).
same_as_utf8() { # same_as_utf8 NAME FILE WARNING [OPTION...]
    name=$1 file=$2 warning=$3; shift 3
    rm -rf "$tmp/enc"
    case $file in *.xlsx) as=--xlsx ;; *) as=--csv ;; esac
    "$bin" import $as "$file" --map $fx/ms-forms.map.yaml --organisation "Anytown Council" \
        --output "$tmp/enc" "$@" >/dev/null 2>"$tmp/err"; rc=$?
    check "$name imports" [ "$rc" = 0 ]
    check "$name: said" grep -qF -- "$warning" "$tmp/err"
    for f in "$tmp/ms"/*.yaml; do # the first line names the file imported from
        tail -n +2 "$f" >"$tmp/want"
        tail -n +2 "$tmp/enc/$(basename "$f")" >"$tmp/got" 2>/dev/null
        check "$name: $(basename "$f") as from UTF-8" cmp -s "$tmp/want" "$tmp/got"
    done
}
same_as_utf8 "Windows-1252" $fx/ms-forms-1252.csv "read as Windows-1252"
same_as_utf8 "semicolons" $fx/ms-forms-semicolon.csv "columns separated by ';'"
same_as_utf8 "semicolons named" $fx/ms-forms-semicolon.csv "read as 5.5: a decimal comma" \
    --delimiter ';'
same_as_utf8 "UTF-16 with tabs" $fx/ms-forms-utf16.txt "read as UTF-16"
# The workbook Microsoft Forms downloads, as openpyxl writes it (made by
# tests/tools/make_import_workbook.py): real date-times, numbers as numbers.
same_as_utf8 "workbook" $fx/ms-forms.xlsx "35 of the 41 questions"
same_as_utf8 "workbook by sheet name" $fx/ms-forms.xlsx "35 of the 41" --sheet Sheet1
rm -rf "$tmp/enc"
"$bin" import --csv $fx/ms-forms.xlsx --map $fx/ms-forms.map.yaml --organisation A \
    --output "$tmp/enc" >/dev/null 2>"$tmp/err"; rc=$?
check "a workbook given as CSV is read as one" [ "$rc" = 0 ]
check "and said" grep -qF "this is a zip archive, not CSV: read as an Excel workbook (say --xlsx FILE)" "$tmp/err"
"$bin" import --xlsx $fx/ms-forms.xlsx --sheet Nope --organisation A --output "$tmp/nope" \
    >/dev/null 2>"$tmp/err"; rc=$?
check "an unknown sheet exits 3, naming the sheets" \
    [ "$rc" = 3 -a ! -e "$tmp/nope" ] && grep -qF "no sheet 'Nope' in the workbook; its sheets are 'Sheet1'" "$tmp/err"
# Hostile workbooks: refused with exit 3 and a located message, nothing written. A
# problem in the archive or its XML is located in the message: the part, and its line
# and column ("xl/worksheets/sheet1.xml, line 2, column 21"), or "not a workbook".
for f in bomb-ratio bomb-size billion-laughs external-entity truncated not-a-zip cut-middle; do
    "$bin" import --xlsx tests/fixtures/xlsx/hostile/$f.xlsx --organisation A \
        --output "$tmp/h-$f" >/dev/null 2>"$tmp/err"; rc=$?
    check "hostile $f: exit 3, nothing written" [ "$rc" = 3 -a ! -e "$tmp/h-$f" ]
    check "hostile $f: says where" grep -Eq "^tests/fixtures/xlsx/hostile/$f.xlsx: error: (not a workbook: |sheet 'Sheet1': xl/worksheets/sheet1.xml)" "$tmp/err"
done
# A bad answer in a workbook is named by its cell.
# A Central European Excel's plain CSV (cp1250, issue 27): refused as Windows-1252 at
# the first telltale byte, read right with --encoding.
"$bin" import --csv $fx/ms-forms-1250.csv --organisation A --output "$tmp/cp1250" \
    >"$tmp/out" 2>"$tmp/err"; rc=$?
check "cp1250 not read as Windows-1252" [ "$rc" = 3 -a ! -e "$tmp/cp1250" ]
check "cp1250: --encoding named" grep -qF "ms-forms-1250.csv:2:24: error: not UTF-8, and not Windows-1252 either: byte 0xa3 here would be '£' inside a word" "$tmp/err"
"$bin" import --csv $fx/ms-forms-1250.csv --encoding cp1250 --organisation A \
    --output "$tmp/cp1250" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "cp1250 read with --encoding" [ "$rc" = 0 ]
check "cp1250 names kept" grep -qF 'groups: {team: "Łódź-Śródmieście"}' "$tmp/cp1250/1.yaml"
check "cp1250 names kept, 2" grep -qF 'groups: {team: "Wrocław"}' "$tmp/cp1250/2.yaml"

# A small survey (three answers) on a form's 1 to 5 scale: too few to refuse, so read as
# it is, but never silently: one warning gives the --scale that reads it (issue 27).
"$bin" import --csv $fx/scale-1-5-small.csv --organisation A --output "$tmp/small5" \
    >"$tmp/out" 2>"$tmp/err"; rc=$?
check "small 1-5 survey: read" [ "$rc" = 0 ]
check "small 1-5 survey: said" grep -qxF "$fx/scale-1-5-small.csv:1:3: warning: every answer in numbers is a whole number from 3 to 5: too few answers to tell a form's scale from 1 to 5 from the model's 0 to 10, so they are read as they are; if the form's scale starts at 1, say --scale 1..5 (or its top); --scale 0..10 says they are on the model's, without this warning" "$tmp/err"
check "small 1-5 survey: as it is" grep -qx '  launch.longer-term-plan: 5' "$tmp/small5/1.yaml"
"$bin" import --csv $fx/scale-1-5-small.csv --scale 1..5 --organisation A --output "$tmp/small5s" \
    >"$tmp/out" 2>"$tmp/err"; rc=$?
check "small 1-5 survey with --scale 1..5: rescaled" grep -qx '  launch.longer-term-plan: 10' "$tmp/small5s/1.yaml"
check "small 1-5 survey with --scale: no warning" [ "$(grep -c 'every answer in numbers' "$tmp/err")" = 0 ]

# The default sheet (issue 27): not the hidden 'Lists', nor 'Summary' (no header the
# importer knows), but 'Form1'; the summary line names it and the others.
"$bin" import --xlsx $fx/sheets-hidden.xlsx --organisation A --output "$tmp/sheets" \
    >"$tmp/out" 2>"$tmp/err"; rc=$?
check "default sheet: the first visible one with a known header" [ "$rc" = 0 ]
check "summary names the sheet and the others" grep -qxF "imported 2 respondents from $fx/sheets-hidden.xlsx, sheet 'Form1' (others: 'Lists' (hidden), 'Summary'), into $tmp/sheets (2 question columns; 39 questions with no column)" "$tmp/out"
check "the sheet's answers read" grep -qx '  launch.introducing-sos: 6' "$tmp/sheets/2.yaml"
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
    /usr/bin/python3 - "$tmp/bad.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Form1"
ws.append(["ID", "launch.introducing-sos"])
ws.append([1, 0])
ws.append([2, 11])
wb.save(sys.argv[1])
PY
    "$bin" import --xlsx "$tmp/bad.xlsx" --sheet Form1 --organisation A --output "$tmp/bad" \
        >/dev/null 2>"$tmp/err"; rc=$?
    check "a bad workbook cell exits 3" [ "$rc" = 3 -a ! -e "$tmp/bad" ]
    check "named by sheet and cell" grep -qF "bad.xlsx:3:2: error: sheet 'Form1', cell B3: the answer to 'launch.introducing-sos' must be from 0 to 10, not '11'" "$tmp/err"
    "$bin" import --xlsx "$tmp/bad.xlsx" --organisation A --output "$tmp/bad" \
        >/dev/null 2>"$tmp/err"; rc=$?
    check "the first sheet named too" grep -qF "bad.xlsx:3:2: error: sheet 'Form1', cell B3: the answer" "$tmp/err"
else
    echo "python3-openpyxl is not installed: the bad-cell workbook check is skipped"
fi

"$bin" import --csv "$tmp/missing.csv" --organisation A --output "$tmp/m" >/dev/null 2>&1; rc=$?
check "missing export exits 4" [ "$rc" = 4 -a ! -e "$tmp/m" ]

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
