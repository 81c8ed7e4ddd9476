#!/bin/sh
# Overlays from the command line: a base that is a FIFO is refused without waiting on
# it; a base path resolves from the overlay's directory, wherever stagegap runs; import
# takes an overlay's questions (added ones matched, retired ones refused). ask with an
# overlay is in test_ask_pty.sh, which needs a pseudo-terminal.
set -u
bin=$1
root=$(pwd)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() {
    name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
contains() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
overlay() { # FILE EXTENDS
    printf 'format: stagegap-rules/1\nextends: %s\nid: local\nversion: "1"\n' "$2" >"$1"
}

# A FIFO as the base: refused at once (timeout would end a read that waits on it).
mkfifo "$tmp/base.fifo"
overlay "$tmp/fifo.yaml" base.fifo
timeout 10 "$bin" validate "$tmp/fifo.yaml" >"$tmp/out" 2>"$tmp/err"
check "a FIFO base exits 4, without waiting" test $? -eq 4
check "a FIFO base is located at extends" contains "$tmp/err" \
    "$tmp/fifo.yaml:2:10: error: extends 'base.fifo': is not a regular file (a pipe, socket or device); not read"

# A base path is relative to the overlay, not to where stagegap runs.
mkdir "$tmp/models" "$tmp/elsewhere"
cp data/signs-of-safety.yaml "$tmp/models/sos.yaml"
overlay "$tmp/models/local.yaml" sos.yaml
(cd "$tmp/elsewhere" && "$bin" validate ../models/local.yaml) >"$tmp/out" 2>"$tmp/err"
check "a relative base resolves from the overlay's directory" test $? -eq 0
(cd "$tmp/elsewhere" && "$bin" rules --rules ../models/local.yaml) >"$tmp/out" 2>"$tmp/err"
check "rules names the base file as found" contains "$tmp/out" \
    "Extends:    signs-of-safety 1.2.0, ../models/sos.yaml"
overlay "$tmp/models/up.yaml" ../models/sos.yaml
check "a path through .. works too" "$bin" validate "$tmp/models/up.yaml"
overlay "$tmp/chain.yaml" models/local.yaml
"$bin" validate "$tmp/chain.yaml" >"$tmp/out" 2>"$tmp/err"
check "a chain exits 3" test $? -eq 3
check "a chain names the overlay it extends" contains "$tmp/err" \
    "'models/local.yaml' is itself an overlay (it extends 'sos.yaml'); extend a plain model"

# import with the Eastbrook overlay: a column for an added question is matched, and a
# column for a retired one is not taken as an answer.
eb=$root/data/examples/eastbrook-overlay.yaml
printf '%s\n' 'Role,implement.eastbrook-front-door,implement.changed-supervision,Notes' \
    'Practitioner,4,2,some words' >"$tmp/survey.csv"
"$bin" import --rules "$eb" --csv "$tmp/survey.csv" --organisation Eastbrook \
    --date 2026-04-15 --output "$tmp/imported" >"$tmp/out" 2>"$tmp/err"
check "import with an overlay succeeds" test $? -eq 0
f=$(ls "$tmp/imported"/*.yaml 2>/dev/null | head -n 1)
check "import wrote an answers file" test -n "$f"
check "the answers name the overlay" contains "$f" 'rules: "eastbrook-signs-of-safety"'
check "the added question is answered" contains "$f" "implement.eastbrook-front-door: 4"
check "the answers validate against the overlay" "$bin" validate --rules "$eb" "$f"
printf '%s\n' 'Role,implement.time-for-training' 'Practitioner,4' >"$tmp/retired.csv"
"$bin" import --rules "$eb" --csv "$tmp/retired.csv" --organisation Eastbrook \
    --date 2026-04-15 --output "$tmp/imported2" >"$tmp/out" 2>"$tmp/err"
check "a column for a retired item only is refused (exit 3)" test $? -eq 3
check "the refusal names the retirement and its reason" contains "$tmp/err" \
    "names item 'implement.time-for-training', which is retired by the model 'eastbrook-signs-of-safety' ('Training time is protected"
check "nothing is written" test ! -e "$tmp/imported2"

echo "$pass passed, $fail failed"
test "$fail" -eq 0
