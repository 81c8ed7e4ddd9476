#!/bin/sh
# test_plan_hostile.sh STAGEGAP
# Hostile plan files through both ways in (validate, and plan --update), under the
# same loader limits as every stagegap file: deep nesting, huge text, aliases, too many
# actions, bad bytes, a file too big, a directory, a FIFO and an endless input. Each must
# give the expected exit status and message within a time bound, with no sanitizer
# report, and a refused update must leave the plan as it was.
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
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
july=data/examples/eastbrook-quarterly/2026-07.yaml
pass=0 fail=0
stdin=/dev/null
# expect NAME STATUS TEXT ARGS...: as test_hostile_inputs.sh.
expect() {
    name=$1 want=$2 text=$3
    shift 3
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
    fi
    if [ -n "$why" ]; then
        fail=$((fail + 1))
        echo "FAIL: $name: $why"
        sed 's/^/    /' "$tmp/err" | head -8
    else
        pass=$((pass + 1))
    fi
}
# both_ways FILE STATUS TEXT: validated, and given to --update, which must leave it as it was.
both_ways() {
    f=$1 want=$2 text=$3
    expect "validate $f" "$want" "$text" validate "$f"
    cp "$f" "$tmp/before"
    expect "plan --update $f" "$want" "$text" plan --update "$f" "$july"
    if ! cmp -s "$f" "$tmp/before"; then
        fail=$((fail + 1)); echo "FAIL: a refused update changed $f"
    fi
}
head='format: stagegap-plan/1
rules: signs-of-safety
assessed: 2026-04-15
'

{ printf '%s' "$head"; printf 'actions: '; i=0; while [ $i -lt 40 ]; do printf '['; i=$((i + 1)); done
  printf '\n'; } >"$tmp/deep.yaml"
both_ways "$tmp/deep.yaml" 3 "deep.yaml:4:25: error: nesting deeper than 16 levels"

{ printf '%s' "$head"; printf 'actions:\n  - action: implement.meaningful-qa-system\n'
  printf '    status: planned\n    note: '; head -c 20000 /dev/zero | tr '\0' 'x'; printf '\n'; } \
    >"$tmp/huge.yaml"
both_ways "$tmp/huge.yaml" 3 "huge.yaml:7:11: error: text of 20000 bytes is longer than the limit of 16384"

{ printf '%s' "$head"; printf 'organisation: &o Eastbrook\nactions:\n'
  printf '  - {action: implement.meaningful-qa-system, status: planned, note: *o}\n'; } \
    >"$tmp/alias.yaml"
both_ways "$tmp/alias.yaml" 3 "alias.yaml:4:15: error: anchors ('&') are not allowed"

{ printf '%s' "$head"; printf 'actions:\n'; i=0; while [ $i -le 2000 ]; do
      printf '  - {action: implement.meaningful-qa-system, status: planned}\n'; i=$((i + 1)); done; } \
    >"$tmp/many.yaml"
both_ways "$tmp/many.yaml" 3 "many.yaml:2005:5: error: more than 2000 actions in one plan"

{ printf '%s' "$head"; printf 'organisation: "East\377brook"\nactions: []\n'; } >"$tmp/bad-utf8.yaml"
both_ways "$tmp/bad-utf8.yaml" 3 "bad-utf8.yaml:4:20: error: invalid UTF-8 (byte 0xff at offset"

{ printf '%s' "$head"; printf 'actions: []\n'; head -c 2000000 /dev/zero | tr '\0' '#'; } \
    >"$tmp/two-mb.yaml"
both_ways "$tmp/two-mb.yaml" 3 "two-mb.yaml: error: file is larger than the limit of 1048576 bytes"

mkdir "$tmp/dir.yaml"
expect "plan --update a directory" 4 "dir.yaml: error: is a directory, not a file" \
    plan --update "$tmp/dir.yaml" "$july"
expect "plan --update /dev/zero" 4 "/dev/zero: error: is not a regular file" \
    plan --update /dev/zero "$july"
if command -v mkfifo >/dev/null 2>&1 && mkfifo "$tmp/fifo.yaml"; then
    expect "plan --update a FIFO" 4 "fifo.yaml: error: is not a regular file" \
        plan --update "$tmp/fifo.yaml" "$july"
fi
stdin=/dev/zero
expect "plan --update - from an endless input" 3 \
    "-: error: file is larger than the limit of 1048576 bytes" \
    plan --update - --output "$tmp/out.yaml" "$july"
[ -e "$tmp/out.yaml" ] && { fail=$((fail + 1)); echo "FAIL: a refused update wrote --output"; }
stdin=/dev/null

# A model whose caveat carries line breaks (YAML's own U+2028 among them) and text that
# looks like plan keys: the plan's header comments keep it on comment lines, so the plan
# still reads as the plan stagegap wrote, with its own keys.
sed -n '1,/^source:/p' data/signs-of-safety.yaml >"$tmp/evil-rules.yaml"
printf '  title: "T"\n  note: "Evil\\u2028format: x\\nrules: y\\u0085z"\n' \
    >>"$tmp/evil-rules.yaml"
sed -n '/^  judgement:/,$p' data/signs-of-safety.yaml >>"$tmp/evil-rules.yaml"
expect "plan with a hostile caveat" 0 "" plan --rules "$tmp/evil-rules.yaml" \
    --output "$tmp/evil-plan.yaml" data/examples/eastbrook-mid-implementation.yaml
if ! grep -q '^# Caveat: Evil format: x rules: y\\x85z$' "$tmp/evil-plan.yaml" ||
    [ "$(grep -c '^format:' "$tmp/evil-plan.yaml")" != 1 ] ||
    [ "$(grep -c '^rules: signs-of-safety$' "$tmp/evil-plan.yaml")" != 1 ]; then
    fail=$((fail + 1)); echo "FAIL: a hostile caveat left its comment line"
    grep -n 'Evil\|^format\|^rules' "$tmp/evil-plan.yaml" | head -5
fi
expect "the plan with a hostile caveat is valid" 0 "" validate --rules "$tmp/evil-rules.yaml" \
    "$tmp/evil-plan.yaml"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
