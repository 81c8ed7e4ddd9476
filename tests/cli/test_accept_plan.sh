#!/bin/sh
# plan --accept (issue 16): a new plan lists no accepted gap's action, and an update
# notes an open action that is now accepted as accepted (not as answered n/a).
set -u
bin=$1
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # check NAME CONDITION...
    name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
q=data/examples/eastbrook-quarterly
e=data/examples/eastbrook-accept.yaml
id=implement.common-commitment-across-organisations
"$bin" plan --top 0 --output "$tmp/without.yaml" $q/2026-07.yaml || fail=$((fail + 1))
"$bin" plan --top 0 --accept $e --output "$tmp/with.yaml" $q/2026-07.yaml || fail=$((fail + 1))
check "without --accept the action is planned" grep -qF "action: $id" "$tmp/without.yaml"
check "with --accept it is not" sh -c '! grep -qF "action: $1" "$2"' - "$id" "$tmp/with.yaml"
check "the plan with --accept is valid" "$bin" validate "$tmp/with.yaml"
"$bin" plan --update data/examples/eastbrook-plan.yaml --accept $e --output "$tmp/updated.yaml" \
    $q/2026-07.yaml 2>"$tmp/notes" || fail=$((fail + 1))
check "the update says why" grep -qF "action '$id' (line 31) is in progress, but the assessment of 2026-07-14 has it as no action to take: it is accepted for now (--accept)" "$tmp/notes"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
