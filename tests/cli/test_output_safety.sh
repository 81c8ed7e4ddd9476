#!/bin/sh
# --output writes the whole report or nothing, never over an input; failed writes to a
# file or to standard output exit 4 and leave no file behind.
set -u
bin=$1
ex=data/examples/eastbrook-mid-implementation.yaml
tmp=$(mktemp -d) || exit 99
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # check NAME CONDITION...
    name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}

"$bin" assess --output "$tmp/report.txt" "$ex"; rc=$?
check "output written" [ "$rc" = 0 -a -s "$tmp/report.txt" ]
"$bin" assess "$ex" >"$tmp/stdout.txt"
check "output equals stdout" cmp -s "$tmp/report.txt" "$tmp/stdout.txt"
check "no temporary left" [ "$(ls -A "$tmp" | grep -c '^\.stagegap-')" = 0 ]

# A pipe (or a device: never tried on /dev/null itself, which a regression would replace
# for the whole machine when run as root) is refused, and left a pipe: the finished copy
# is never renamed over it.
mkfifo "$tmp/pipe"
"$bin" assess --output "$tmp/pipe" "$ex" 2>"$tmp/err"; rc=$?
check "refuses a pipe as --output" [ "$rc" = 4 ]
check "the pipe is still a pipe" [ -p "$tmp/pipe" ]
check "says it is not a regular file" grep -q "^$tmp/pipe: error: cannot write: not a regular file (a device or a pipe)" "$tmp/err"
rm -f "$tmp/pipe"

cp "$ex" "$tmp/answers.yaml"
"$bin" assess --output "$tmp/answers.yaml" "$tmp/answers.yaml" 2>"$tmp/err"; rc=$?
check "refuses to write over an input" [ "$rc" = 2 ]
check "input untouched" cmp -s "$ex" "$tmp/answers.yaml"
check "says why" grep -q "one of the inputs" "$tmp/err"

ln -s answers.yaml "$tmp/link.yaml"
"$bin" assess --output "$tmp/link.yaml" "$tmp/answers.yaml" 2>/dev/null; rc=$?
check "refuses an input reached through a link" [ "$rc" = 2 ]

mkdir "$tmp/team"
cp "$ex" "$tmp/team/r1.yaml"
"$bin" assess --format json --output "$tmp/team/r1.yaml" "$tmp/team" 2>"$tmp/err"; rc=$?
check "refuses a respondent inside a named directory" [ "$rc" = 2 ]
check "respondent inside the directory untouched" cmp -s "$ex" "$tmp/team/r1.yaml"
(cd "$tmp/team" && "$bin" assess --output r1.yaml . 2>/dev/null); rc=$?
check "refuses it named from inside the directory" [ "$rc" = 2 ]
"$bin" assess --output "$tmp/team/report.txt" "$tmp/team"; rc=$?
check "writes a report beside respondents" [ "$rc" = 0 -a -s "$tmp/team/report.txt" ]
cp "$ex" "$tmp/elsewhere.yaml"
ln -s "$tmp/elsewhere.yaml" "$tmp/team/r2.yaml"
"$bin" assess --format json --output "$tmp/elsewhere.yaml" "$tmp/team" 2>/dev/null; rc=$?
check "refuses a file a directory links to" [ "$rc" = 2 ]
check "linked respondent untouched" cmp -s "$ex" "$tmp/elsewhere.yaml"
# Against another organisation's answers: the same answers on both sides would share
# respondents (docs/privacy.md), and the one who left would be refused first.
other=data/examples/northmoor-just-launched.yaml
"$bin" compare --output "$tmp/team/r1.yaml" "$tmp/team" "$other" 2>/dev/null; rc=$?
check "compare refuses a respondent inside a named directory" [ "$rc" = 2 ]
"$bin" trend --output "$tmp/elsewhere.yaml" "$other" "$tmp/team" 2>/dev/null; rc=$?
check "trend refuses a file a directory links to" [ "$rc" = 2 ]
check "respondents untouched by compare and trend" cmp -s "$ex" "$tmp/team/r1.yaml"

"$bin" assess --output "$tmp/missing/dir/r.txt" "$ex" 2>"$tmp/err"; rc=$?
check "missing directory exits 4" [ "$rc" = 4 ]
check "missing directory leaves nothing" [ ! -e "$tmp/missing" ]

mkdir "$tmp/ro"; chmod a-w "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
    "$bin" assess --output "$tmp/ro/r.txt" "$ex" 2>/dev/null; rc=$?
    check "unwritable directory exits 4" [ "$rc" = 4 ]
fi
check "unwritable directory stays empty" [ -z "$(ls -A "$tmp/ro")" ]

if [ -w /dev/full ]; then
    "$bin" assess "$ex" >/dev/full 2>"$tmp/err"; rc=$?
    check "full standard output exits 4" [ "$rc" = 4 ]
    check "full standard output is reported" grep -q "cannot write to standard output" "$tmp/err"
fi

echo "broken: [" >"$tmp/broken.yaml"
"$bin" assess --output "$tmp/never.txt" "$ex" "$tmp/broken.yaml" 2>/dev/null; rc=$?
check "broken respondent exits 3" [ "$rc" = 3 ]
check "broken respondent writes nothing" [ ! -e "$tmp/never.txt" ]

"$bin" assess - <"$ex" >"$tmp/stdin.txt"; rc=$?
check "reads answers from standard input" [ "$rc" = 0 ]
check "stdin report names stdin the same" cmp -s "$tmp/stdin.txt" "$tmp/stdout.txt"

"$bin" assess - - <"$ex" >/dev/null 2>&1; rc=$?
check "standard input only once" [ "$rc" = 2 ]

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
