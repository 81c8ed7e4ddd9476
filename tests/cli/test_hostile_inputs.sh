#!/bin/sh
# test_hostile_inputs.sh STAGEGAP
# Hostile and unusual files (tests/fixtures/*.yaml, and big ones made here at test time
# so no megabytes are committed) through every way in: validate as answers, validate as
# rules, and assess with --output. Each must give the expected exit status and message,
# within a time bound, with no sanitizer report and no output file left by a failure.
# Files saved on Windows (byte-order mark, CRLF) and UTF-16 with a byte-order mark must
# load, and give the same report as plain UTF-8.
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
fx=$root/tests/fixtures
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
# A bound for each run: 10 seconds, or 120 when the tests run stagegap under a tool
# (STAGEGAP_TEST_RUNNER: valgrind in scripts/test.sh --deep, many times slower).
if [ -n "${STAGEGAP_TEST_RUNNER:-}" ]; then
    limit=${STAGEGAP_TEST_TIMEOUT:-120}
else
    limit=${STAGEGAP_TEST_TIMEOUT:-10}
fi
if command -v timeout >/dev/null 2>&1; then
    run_bounded() { timeout "$limit" "$@"; }
else
    run_bounded() { "$@"; }
fi

pass=0 fail=0
# expect NAME STATUS TEXT ARGS...: runs stagegap ARGS (standard input from $stdin) and
# checks the exit status, that standard error holds TEXT (a fixed string; "" for no
# check), that no sanitizer spoke, and that a failed assess left no report.
stdin=/dev/null
expect() {
    name=$1 want=$2 text=$3
    shift 3
    rm -f "$tmp/report.txt"
    NO_COLOR=1 run_bounded "$bin" "$@" >"$tmp/out" 2>"$tmp/err" <"$stdin"
    rc=$?
    why=
    if [ "$rc" = 124 ]; then
        why="no answer within ${limit}s"
    elif [ "$rc" != "$want" ]; then
        why="exit status $rc, expected $want"
    elif [ -n "$text" ] && ! grep -qF -- "$text" "$tmp/err"; then
        why="standard error lacks: $text"
    elif grep -qE 'Sanitizer|runtime error:' "$tmp/err"; then
        why="sanitizer report"
    elif [ "$rc" != 0 ] && [ -e "$tmp/report.txt" ]; then
        why="a failed run left its --output file"
    fi
    if [ -n "$why" ]; then
        fail=$((fail + 1))
        echo "FAIL: $name: $why"
        sed 's/^/    /' "$tmp/err" | head -8
    else
        pass=$((pass + 1))
    fi
}

# every_way FIXTURE STATUS TEXT: as answers, as rules, and assessed.
every_way() {
    f=$1 want=$2 text=$3
    expect "validate $f" "$want" "$text" validate "$f"
    expect "validate --rules $f" "$want" "$text" validate --rules "$f"
    expect "assess $f" "$want" "$text" assess --output "$tmp/report.txt" "$f"
}

cd "$root" || exit 99

# ---- committed fixtures ----
every_way tests/fixtures/empty.yaml 3 \
    "tests/fixtures/empty.yaml:1:1: error: empty file; a"
every_way tests/fixtures/comment-only.yaml 3 "comment-only.yaml:1:1: error: empty file; a"
every_way tests/fixtures/not-a-mapping.yaml 3 "not-a-mapping.yaml:2:1: error: a"
every_way tests/fixtures/scalar.yaml 3 "scalar.yaml:2:1: error: a"
every_way tests/fixtures/alias-bomb.yaml 3 \
    "alias-bomb.yaml:3:8: error: aliases ('*') are not allowed in a stagegap file"
every_way tests/fixtures/deep-nesting.yaml 3 \
    "deep-nesting.yaml:19:33: error: nesting deeper than 16 levels"
every_way tests/fixtures/deep-flow.yaml 3 \
    "deep-flow.yaml:2:25: error: nesting deeper than 16 levels"
every_way tests/fixtures/tags.yaml 3 \
    "tags.yaml:7:27: error: tags ('!') are not allowed in a stagegap file; remove the tag"
every_way tests/fixtures/second-document.yaml 3 \
    "second-document.yaml:11:1: error: a second YAML document; a stagegap file holds exactly one"
every_way tests/fixtures/duplicate-keys.yaml 3 \
    "duplicate-keys.yaml:12:1: error: duplicate key 'organisation', first given at line 3; keep only one"
every_way tests/fixtures/invalid-utf8.yaml 3 \
    "invalid-utf8.yaml:3:23: error: invalid UTF-8 (byte 0xc0 at offset 72); save the file as UTF-8"
every_way tests/fixtures/nul-byte.yaml 3 \
    "nul-byte.yaml:3:22: error: control character U+0000 is not allowed in a YAML file"
every_way tests/fixtures/utf16le-nobom.yaml 3 \
    "utf16le-nobom.yaml:1:1: error: this looks like UTF-16 or UTF-32 text without a byte-order mark"
every_way tests/fixtures/utf32le-bom.yaml 3 \
    "utf32le-bom.yaml:1:1: error: this is UTF-32 text; save the file as UTF-8"
every_way tests/fixtures/syntax-error.yaml 3 \
    "syntax-error.yaml:5:13: error: this '{' is never closed; end the mapping with '}'"
expect "answers as answers" 3 \
    "answers-errors.yaml:4:7: error: date must be a calendar date" \
    validate tests/fixtures/answers-errors.yaml
expect "answers given as rules" 3 \
    "answers-errors.yaml:1:9: error: this is an answers file, not a rules file" \
    validate --rules tests/fixtures/answers-errors.yaml
expect "rules given as answers" 3 \
    "data/epis.yaml:13:9: error: this is a rules file, not an answers file" \
    assess --output "$tmp/report.txt" data/epis.yaml
expect "many problems capped" 3 "stagegap: 10 more problems not shown" \
    validate tests/fixtures/many-problems.yaml
expect "escapes never reach the terminal" 3 \
    "unknown item 'launch.\\x1b]0;pwned\\x07\\x1b[2J'" validate tests/fixtures/terminal-escape.yaml
if grep -q "$(printf '\033')" "$tmp/err"; then
    fail=$((fail + 1))
    echo "FAIL: an escape character reached standard error"
fi

# Saved on Windows, or as UTF-16 with a byte-order mark: read as plain UTF-8 is.
expect "bad BOM+CRLF file located" 3 \
    "bom-crlf-bad-answers.yaml:8:3: error: unknown item 'launch.trainig-for-all-workers'" \
    validate tests/fixtures/bom-crlf-bad-answers.yaml
for f in bom-crlf-answers utf16le-bom-answers utf16be-bom-answers; do
    expect "validate $f" 0 "" validate "tests/fixtures/$f.yaml"
    expect "assess $f" 0 "" assess --format json --output "$tmp/$f.json" "tests/fixtures/$f.yaml"
done
for f in utf16le-bom-answers utf16be-bom-answers; do
    if cmp -s "$tmp/bom-crlf-answers.json" "$tmp/$f.json"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $f gives another report than bom-crlf-answers"
    fi
done

# ---- made here: big and many ----
valid=tests/fixtures/bom-crlf-answers.yaml

# The size cap: exactly 1 MiB is read, one byte more is refused unread.
cap=1048576
pad() { # pad FILE SIZE: valid answers, then comment lines up to SIZE bytes
    cp "$valid" "$1"
    have=$(wc -c <"$1")
    awk -v n=$(($2 - have)) 'BEGIN { while (n > 0) { k = n > 80 ? 80 : n;
        line = "#"; for (i = 2; i < k; i++) line = line "x"; if (k > 1) print line;
        else printf "\n"; n -= k } }' >>"$1"
}
pad "$tmp/at-cap.yaml" $cap
pad "$tmp/over-cap.yaml" $((cap + 1))
expect "file of exactly 1 MiB" 0 "" validate "$tmp/at-cap.yaml"
every_way "$tmp/over-cap.yaml" 3 "over-cap.yaml: error: file is larger than the limit of 1048576 bytes"
head -c 2000000 /dev/zero | tr '\0' 'a' >"$tmp/two-mb.yaml"
every_way "$tmp/two-mb.yaml" 3 "two-mb.yaml: error: file is larger than the limit of 1048576 bytes"

# Standard input has no size to ask: it is cut off at the cap, never read to its end.
stdin=/dev/zero
expect "endless standard input" 3 "-: error: file is larger than the limit of 1048576 bytes" \
    assess --output "$tmp/report.txt" -
stdin=$tmp/two-mb.yaml
expect "2 MB on standard input" 3 "error: file is larger than the limit" assess -
stdin=/dev/null

# A megabyte of '[' and of aliases; a list past the value limit; one long text.
head -c $((cap - 1)) /dev/zero | tr '\0' '[' >"$tmp/brackets.yaml"
every_way "$tmp/brackets.yaml" 3 "brackets.yaml:1:17: error: nesting deeper than 16 levels"
{ printf 'a: &a x\nb: ['; i=0; while [ $i -lt 2000 ]; do
      printf '*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, '
      i=$((i + 1)); done; printf ']\n'; } >"$tmp/aliases.yaml"
every_way "$tmp/aliases.yaml" 3 "more problems not shown"
awk 'BEGIN { printf "["; for (i = 0; i < 250000; i++) printf "1,"; print "]" }' >"$tmp/values.yaml"
every_way "$tmp/values.yaml" 3 "error: more than 200000 values in one file"
awk 'BEGIN { printf "a: "; for (i = 0; i < 20000; i++) printf "x"; print "" }' >"$tmp/long.yaml"
every_way "$tmp/long.yaml" 3 "long.yaml:1:4: error: text of 20000 bytes is longer than the limit of 16384"

# Many unknown ids, each of which could ask for a "did you mean": must stay quick.
rules_head() {
    printf 'format: stagegap-rules/1\nid: big\nversion: "1"\ntitle: Big\n'
    printf 'source: {title: t, note: n}\nscale: {min: 0, max: 10, low: a, high: b}\n'
    printf 'levels: [{id: l, title: L}]\nbands: [{id: b, title: B, min: 0}]\n'
    printf 'stages:\n  - id: s\n    title: S\n    facilitators:\n'
}
{ rules_head
  awk 'BEGIN { for (i = 0; i < 1999; i++)
      printf "      - {id: s.item-%04d, text: t, level: l, question: q}\n", i
      printf "    suggestions:\n      - {id: s.sug, text: t, level: l, addresses: ["
      for (i = 0; i < 70000; i++) printf "s.itex-%04d, ", i % 2000
      print "]}" }'; } >"$tmp/links.yaml"
expect "70000 unknown addresses" 3 "links.yaml:" validate --rules "$tmp/links.yaml"
{ printf 'format: stagegap-rules/1\nlevels:\n'
  awk 'BEGIN { for (i = 0; i < 36000; i++) printf "- {id: l%d, title: t}\n", i % 18000 }'
} >"$tmp/levels.yaml"
expect "36000 levels, half repeated" 3 "duplicate level id 'l0'; it was first used at line 3" \
    validate --rules "$tmp/levels.yaml"
{ printf 'format: stagegap-answers/1\nrules: signs-of-safety\norganisation: X\n'
  printf 'date: 2026-01-01\nanswers:\n'
  awk 'BEGIN { for (i = 0; i < 6000; i++) {
      printf "  launch.training-for-all-workers-and-then-some-more-words-%06d", i
      for (k = 0; k < 9; k++) printf "-and-more"
      print ": 5" } }'; } >"$tmp/unknown-items.yaml"
expect "6000 long unknown items" 3 "5950 more problems not shown" \
    assess --output "$tmp/report.txt" "$tmp/unknown-items.yaml"
{ rules_head
  awk 'BEGIN { for (i = 0; i < 2001; i++)
      printf "      - {id: s.i%d, text: t, level: l, question: q}\n", i }'; } >"$tmp/items.yaml"
expect "2001 items" 3 "items.yaml:10:3: error: 2001 items is more than the limit of 2000" \
    validate --rules "$tmp/items.yaml"

# Directories: every *.yaml and *.yml is a respondent; none is an error.
mkdir "$tmp/empty-dir" "$tmp/dir"
expect "empty directory" 3 "empty-dir: error: no answers files (*.yaml, *.yml) in this directory" \
    assess --output "$tmp/report.txt" "$tmp/empty-dir"
cp tests/fixtures/bom-crlf-answers.yaml "$tmp/dir/a.yaml"
cp tests/fixtures/utf16le-bom-answers.yaml "$tmp/dir/b.yml"
echo "not: [yaml" >"$tmp/dir/notes.txt"
expect "directory of two respondents" 0 "" assess --format json --output "$tmp/dir.json" "$tmp/dir"
if grep -q '"respondents": 2' "$tmp/dir.json"; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
    echo "FAIL: the directory did not count two respondents"
fi
cp tests/fixtures/tags.yaml "$tmp/dir/c.yaml"
expect "directory with one bad file" 3 "dir/c.yaml:3:15: error: tags ('!')" \
    assess --output "$tmp/report.txt" "$tmp/dir"

# A target's item whose text holds terminal escapes: the Targets section and the gap
# beside it never pass the escape through, in text or in the formats that escape it.
sed 's/text: "Buy-in <b>|across|<\/b> \*teams\*"/text: "Buy-in \\e]0;pwned\\a\\e[2J teams"/' \
    "$fx/targets/model.yaml" >"$tmp/targets.yaml"
for fmt in text markdown csv html json; do
    expect "targets with escapes in $fmt" 0 "" assess --format $fmt --rules "$tmp/targets.yaml" \
        "$fx/targets/answers.yaml"
    if grep -q "Buy-in" "$tmp/out" && ! grep -q "$(printf '\033')" "$tmp/out"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: an escape in a target's item reached the $fmt report"
    fi
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
