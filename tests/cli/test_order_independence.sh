#!/bin/sh
# The order of respondent files and directories never changes a report, and trend
# orders assessments by date, not by argument order.
set -u
bin=$1
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
same() { # same NAME FILE1 FILE2
    if cmp -s "$2" "$3"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; diff "$2" "$3" | head -20; fi
}
src=data/examples/eastbrook-mid-implementation.yaml
mkdir "$tmp/a" "$tmp/b"
sed 's/role: principal social worker/role: leader/; s/id: eb-01/id: l1/' "$src" >"$tmp/a/1.yaml"
sed 's/role: principal social worker/role: practitioner/; s/id: eb-01/id: p1/; s/: 9$/: 3/' "$src" >"$tmp/a/2.yaml"
sed 's/role: principal social worker/role: practitioner/; s/id: eb-01/id: p2/; s/: 8$/: unknown/' "$src" >"$tmp/b/3.yaml"
cp "$tmp/a/1.yaml" "$tmp/one.yaml"
for fmt in text json csv markdown; do
    "$bin" assess --format $fmt "$tmp/a" "$tmp/b" >"$tmp/ab.$fmt"
    "$bin" assess --format $fmt "$tmp/b" "$tmp/a" >"$tmp/ba.$fmt"
    "$bin" assess --format $fmt "$tmp/b/3.yaml" "$tmp/a/2.yaml" "$tmp/a/1.yaml" >"$tmp/files.$fmt"
    same "assess $fmt: directory order" "$tmp/ab.$fmt" "$tmp/ba.$fmt"
    same "assess $fmt: files against directories" "$tmp/ab.$fmt" "$tmp/files.$fmt"
done
q=data/examples/eastbrook-quarterly
for fmt in text json csv markdown; do
    "$bin" trend --format $fmt $q/2026-04.yaml $q/2026-07.yaml >"$tmp/t1.$fmt"
    "$bin" trend --format $fmt $q/2026-07.yaml $q/2026-04.yaml >"$tmp/t2.$fmt"
    same "trend $fmt: argument order" "$tmp/t1.$fmt" "$tmp/t2.$fmt"
done
# The check itself can fail: different respondents give a different report.
"$bin" assess --format json "$tmp/a" >"$tmp/a-only.json"
if cmp -s "$tmp/a-only.json" "$tmp/ab.json"; then fail=$((fail + 1)); echo "FAIL: check cannot tell reports apart"; else pass=$((pass + 1)); fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
