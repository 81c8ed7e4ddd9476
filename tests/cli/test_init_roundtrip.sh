#!/bin/sh
# test_init_roundtrip.sh STAGEGAP
# The template "stagegap init" writes is valid answers as it is: validate accepts it,
# --strict refuses it with one error per question, assess scores it, and --output
# writes it whole. Run from the repository root.
set -u
bin=$1
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
status=0

fail() {
    echo "FAIL: $*" >&2
    status=1
}

# Runs the binary with a fixed environment; output in $tmp/out and $tmp/err.
run() {
    NO_COLOR=1 COLUMNS=80 "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
}

expect_exit() {
    want=$1
    shift
    run "$@"
    got=$?
    if [ "$got" != "$want" ]; then
        fail "stagegap $* exited $got, expected $want"
        cat "$tmp/err" >&2
    fi
}

# The built-in model.
run init || fail "stagegap init failed"
cp "$tmp/out" "$tmp/answers.yaml"
questions=$(grep -c '^  [a-z0-9][a-z0-9._-]*: unknown$' "$tmp/answers.yaml")
[ "$questions" -gt 0 ] || fail "the template holds no questions"

expect_exit 0 validate "$tmp/answers.yaml"
grep -q "0 of $questions questions answered" "$tmp/out" ||
    fail "validate does not count $questions questions: $(cat "$tmp/out")"

expect_exit 3 validate --strict "$tmp/answers.yaml"
errors=$(grep -c ": error: item '.*' is answered 'unknown' (--strict)$" "$tmp/err")
[ "$errors" = "$questions" ] ||
    fail "validate --strict gave $errors unknown-answer errors for $questions questions"

expect_exit 0 assess "$tmp/answers.yaml"

# The respondent lines offered as comments, uncommented, are a valid respondent.
sed -e 's/^# respondent:/respondent:/' -e 's/^#   id:/  id:/' -e 's/^#   role:/  role:/' \
    -e 's/^#   groups:/  groups:/' \
    "$tmp/answers.yaml" >"$tmp/respondent.yaml"
grep -q '^  groups: {team: Northside, locality: North}' "$tmp/respondent.yaml" ||
    fail "the template offers no groups to uncomment"
expect_exit 0 validate "$tmp/respondent.yaml"
expect_exit 0 assess --format json "$tmp/answers.yaml"
grep -q '"organisation": "Your organisation"' "$tmp/out" ||
    fail "assess --format json does not carry the placeholder organisation"

# Another model: its template validates against it, and only against it.
expect_exit 0 init --rules data/epis.yaml
cp "$tmp/out" "$tmp/epis.yaml"
grep -q '^rules: epis$' "$tmp/epis.yaml" || fail "the EPIS template does not name its model"
grep -q '^#   stagegap assess --rules data/epis.yaml FILE$' "$tmp/epis.yaml" ||
    fail "the EPIS template does not say to pass --rules"
expect_exit 0 validate --rules data/epis.yaml "$tmp/epis.yaml"
expect_exit 3 validate "$tmp/epis.yaml"
expect_exit 0 assess --rules data/epis.yaml "$tmp/epis.yaml"

# --output writes the same bytes as standard output, and nothing to standard output.
expect_exit 0 init --output "$tmp/written.yaml"
[ -s "$tmp/out" ] && fail "init --output also wrote to standard output"
cmp -s "$tmp/written.yaml" "$tmp/answers.yaml" ||
    fail "init --output wrote something other than init"
expect_exit 0 init --rules data/epis.yaml --output "$tmp/written-epis.yaml"
cmp -s "$tmp/written-epis.yaml" "$tmp/epis.yaml" ||
    fail "init --rules --output wrote something other than init --rules"

# --output never writes over the rules it reads.
cp data/epis.yaml "$tmp/rules.yaml"
expect_exit 2 init --rules "$tmp/rules.yaml" --output "$tmp/rules.yaml"
cmp -s "$tmp/rules.yaml" data/epis.yaml || fail "init --output wrote over its --rules file"

# Same inputs, same bytes.
run init
cmp -s "$tmp/out" "$tmp/answers.yaml" || fail "two runs of init differ"

exit $status
