#!/bin/sh
# The evidence template "stagegap init --evidence" writes is valid as it is, for the
# built-in model, another model and an overlay that retires items, and names only items
# the loaded model asks about (issue 31).
set -u
bin=$1
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # check NAME CONDITION...
    name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
for rules in "" data/epis.yaml data/examples/eastbrook-overlay.yaml; do
    opt=${rules:+--rules $rules}
    # shellcheck disable=SC2086 # opt is an option and its value, or nothing
    "$bin" init --evidence $opt --output "$tmp/e.yaml"
    # shellcheck disable=SC2086
    check "${rules:-built-in}: the template validates" "$bin" validate $opt "$tmp/e.yaml"
    # shellcheck disable=SC2086
    "$bin" init --evidence $opt | cmp -s - "$tmp/e.yaml"
    check "${rules:-built-in}: the same bytes twice" [ $? -eq 0 ]
done
"$bin" init --evidence >"$tmp/e.yaml"
check "the built-in template suggests the training indicator" grep -q '^  - id: staff-trained$' "$tmp/e.yaml"
check "and says the suggestions are ours" grep -q "ours, not the briefing's" "$tmp/e.yaml"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
